"""The placement's two sections measure different things, so they are never added up."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coprod_toolkit.cli import app
from coprod_toolkit.loader import load_exercise
from coprod_toolkit.report import amount, cell, result_lines
from coprod_toolkit.scoring import score
from tests.conftest import ROOT

runner = CliRunner()
PLACEMENT = load_exercise(ROOT / "exercises" / "placement.yaml").exercise
# A sum such as "0 of 0–4" or "Total 0 (of 0–6)": points with the range they fall in.
SUM = re.compile(r"\bTotal\b|\d+ of \d+[–-]\d+")


@pytest.mark.parametrize(
    ("where", "deep", "readings"),
    [
        ("enquiry", "compliance", ["Enquiry", "Compliance"]),  # the first options: Enter-through
        ("co-production", "transformation", ["Co-production", "Transformation"]),
        ("co-design", "support", ["Co-design", "Support"]),
    ],
)
def test_each_section_shows_what_was_chosen_and_no_total(
    where: str, deep: str, readings: list[str]
) -> None:
    scores = score(PLACEMENT, {"where": where, "how-deep": deep})
    assert scores.show == "each"
    assert [amount(s, scores) for s in scores.sections] == readings
    assert [cell(s, scores) for s in scores.sections] == readings
    words = " ".join(line.text for line in result_lines(PLACEMENT, _reflection(where, deep)))
    assert not SUM.search(words), words
    assert "Overall" not in words


def _reflection(where: str, deep: str):  # type: ignore[no-untyped-def]
    from tests.test_storage import reflection as make

    r = make({})
    return r.model_copy(
        update={
            "exercise": r.exercise.model_copy(update={"id": "placement"}),
            "scores": score(PLACEMENT, {"where": where, "how-deep": deep}),
        }
    )


def test_the_command_shows_no_sum(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("answers: {where: enquiry, how-deep: compliance}\n")
    result = runner.invoke(
        app, ["assess", "placement", "--answers", str(path), "--no-save", "--plain"]
    )
    assert result.exit_code == 0, result.output
    assert not SUM.search(result.output), result.output
    flat = " ".join(result.output.split())
    assert "Where this work fits: Enquiry" in flat
    assert "How deep it goes: Compliance" in flat


def test_the_markdown_report_shows_readings_not_points(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("answers: {where: participation, how-deep: support}\n")
    home = tmp_path / "home"
    result = runner.invoke(
        app,
        ["assess", "placement", "--answers", str(path)],
        env={"COPROD_HOME": str(home)},
    )
    assert result.exit_code == 0, result.output
    reports = list(home.rglob("*.md"))
    assert reports, result.output
    text = reports[0].read_text()
    assert "| Where this work fits | Participation |" in text
    assert not SUM.search(text), text
