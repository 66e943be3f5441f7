"""A saved report marks the statements that count the other way, as the review screen
does: a reader of '5 (Always true)' on every line could not see why the score was 67."""

from __future__ import annotations

from pathlib import Path

import yaml
from typer.testing import CliRunner

from coprod_toolkit.cli.app import app
from coprod_toolkit.loader import load_exercise
from coprod_toolkit.models import ScaleQuestion
from tests.conftest import ROOT

runner = CliRunner()
SIX = load_exercise(ROOT / "exercises" / "six-principles.yaml").exercise
REVERSED = [q for _s, q in SIX.questions() if isinstance(q, ScaleQuestion) and q.reverse]


def test_a_persons_report_marks_them(tmp_path: Path, isolated: Path) -> None:
    answers = {q.id: 5 for _s, q in SIX.questions() if isinstance(q, ScaleQuestion)}
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump({"about": "me", "answers": answers}), encoding="utf-8")
    result = runner.invoke(app, ["assess", "--answers", str(path)])
    assert result.exit_code == 0, result.output
    (report,) = (isolated / "reflections").glob("*.md")
    text = report.read_text(encoding="utf-8")
    assert len(REVERSED) == 14
    assert text.count("(counts the other way)") == len(REVERSED)
    first = SIX.wording(REVERSED[0], "me")
    assert f"- {first} (counts the other way)  " in text


def test_a_groups_record_marks_them(tmp_path: Path, isolated: Path) -> None:
    everyone = {q.id: 5 for _s, q in SIX.questions() if isinstance(q, ScaleQuestion)}
    path = tmp_path / "group.yaml"
    path.write_text(
        yaml.safe_dump(
            {"people": ["Ana", "Ben"], "answers": {"Ana": everyone, "Ben": dict(everyone)}}
        ),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["group", "six-principles", "--answers", str(path)])
    assert result.exit_code == 0, result.output
    (report,) = (isolated / "reflections").glob("*.md")
    assert report.read_text(encoding="utf-8").count("(counts the other way)") == len(REVERSED)
