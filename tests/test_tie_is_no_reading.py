"""A group that does not agree on placement's one choice has no reading, live or from a file.

Live, a tie (Ana 'enquiry', Ben 'co-production') left the question with no group answer,
and the section's raw total of 0 was read as 'Enquiry'; from a file it was 'not scored'.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from typer.testing import CliRunner

from coprod_toolkit.cli.app import app
from coprod_toolkit.loader import load_exercise
from coprod_toolkit.scoring import score
from tests.conftest import ROOT

PLACEMENT = load_exercise(ROOT / "exercises" / "placement.yaml").exercise


def test_no_answer_is_no_band() -> None:
    for answers in ({}, {"where": None}, {"where": None, "how-deep": None}):
        scores = score(PLACEMENT, answers)
        assert [(s.percent, s.band) for s in scores.sections] == [(None, None), (None, None)]
        assert scores.overall.band is None
    chosen = score(PLACEMENT, {"where": "enquiry"})
    assert (chosen.sections[0].percent, chosen.sections[0].band) == (0, "Enquiry")


def test_a_tied_group_is_not_placed(tmp_path: Path, isolated: Path) -> None:
    answers = tmp_path / "group.yaml"
    answers.write_text(
        yaml.safe_dump(
            {
                "people": ["Ana", "Ben"],
                "answers": {"Ana": {"where": "enquiry"}, "Ben": {"where": "co-production"}},
            }
        ),
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["group", "placement", "--answers", str(answers)])
    assert result.exit_code == 0, result.output
    assert "Where this work fits: not scored" in result.output
    assert "Enquiry" not in result.output
    (saved,) = (isolated / "reflections").glob("*.yaml")
    record = yaml.safe_load(saved.read_text(encoding="utf-8"))
    assert [s["band"] for s in record["scores"]["sections"]] == [None, None]
    assert "the answer most people gave to any other question: none, if that is a tie" in (
        " ".join(result.output.split())
    )
