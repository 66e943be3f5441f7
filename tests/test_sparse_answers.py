"""A score that rests on too few answers is not a reading (six-principles: min_answered 0.5).

Answering 'Not true' to one statement that counts the other way in each section, and
'does not apply' to the rest, used to give 100 out of 100, 'Strong', in every section.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from typer.testing import CliRunner

from coprod_toolkit.cli.app import app
from coprod_toolkit.loader import load_exercise
from coprod_toolkit.models import UNKNOWN, ScaleQuestion
from coprod_toolkit.scoring import score, strongest_and_weakest
from tests.conftest import ROOT

SIX = load_exercise(ROOT / "exercises" / "six-principles.yaml").exercise


def sparse(per_section: int) -> dict[str, object]:
    """In each section, the first `per_section` statements that count the other way answered
    'Not true' (best for them), every other statement 'does not apply'."""
    answers: dict[str, object] = {}
    for section in SIX.sections:
        reverse = [q for q in section.questions if isinstance(q, ScaleQuestion) and q.reverse]
        chosen = {q.id for q in reverse[:per_section]}
        for q in section.questions:
            if isinstance(q, ScaleQuestion):
                answers[q.id] = 1 if q.id in chosen else UNKNOWN
    return answers


def test_one_answer_in_six_is_no_strength(tmp_path: Path) -> None:
    scores = score(SIX, sparse(1))
    for s in [*scores.sections, scores.overall]:
        assert s.percent == 100  # the arithmetic is unchanged ...
        assert s.band is None  # ... but it is not read as 'Strong'
    assert strongest_and_weakest(scores) == ([], [])
    answers = tmp_path / "answers.yaml"
    answers.write_text(yaml.safe_dump({"about": "me", "answers": sparse(1)}), encoding="utf-8")
    result = CliRunner().invoke(app, ["assess", "--answers", str(answers), "--no-save"])
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "Assets: 100 out of 100 (only 1 of 6 answered: too few for a reading)" in text
    assert "Overall: 100 out of 100 (only 8 of 42 answered: too few for a reading)" in text
    assert "Too few answers for a reading: this exercise needs at least 21 of 42" in text
    assert "Strong" not in text
    assert "none stands out" not in text


def test_half_answered_is_enough_for_a_reading() -> None:
    answers = sparse(2)  # 2 of 6 in a principle, 1 of 3 in the extra sections: too few
    for section in SIX.sections[:6]:
        first = next(q for q in section.questions if isinstance(q, ScaleQuestion) and not q.reverse)
        answers[first.id] = 5  # now 3 of 6
    scores = score(SIX, answers)
    principles = scores.sections[:6]
    assert all(s.answered == 3 and s.band == "Strong" for s in principles)
    assert all(s.band is None for s in scores.sections[6:])  # 1 of 3
    assert scores.overall.answered == 20 and scores.overall.band is None  # 20 of 42


def test_too_few_answers_is_said_in_the_tables_and_kept_out_of_progress(
    tmp_path: Path, isolated: Path
) -> None:
    """The table's Reading was blank beside a full bar, and progress took the 100 from one
    answer in six as a baseline ('Assets fell from 100 to 75')."""
    from coprod_toolkit.report import reading_cell

    scores = score(SIX, sparse(1))
    assert reading_cell(scores.sections[0], scores) == "too few answers (1 of 6)"
    sparse_file = tmp_path / "sparse.yaml"
    sparse_file.write_text(yaml.safe_dump({"about": "me", "answers": sparse(1)}), "utf-8")
    result = CliRunner().invoke(app, ["assess", "--answers", str(sparse_file)])
    assert result.exit_code == 0, result.output
    (report,) = (isolated / "reflections").glob("*.md")
    assert "| Assets | 100 | too few answers (1 of 6) |" in report.read_text("utf-8")
    listed = CliRunner().invoke(app, ["history"])
    assert "anonymous: no score" in listed.output
    progress = CliRunner().invoke(app, ["progress"])
    assert "100" not in progress.output  # nothing of the sparse run is a score to compare
