"""Review defects 15 and 16: the start screen counts statements and notes apart, and
`exercise try` does not claim the person chose --no-save."""

from __future__ import annotations

from pathlib import Path

from coprod_toolkit.loader import load_exercise
from coprod_toolkit.report import intro_lines
from coprod_toolkit.scoring import visible

ROOT = Path(__file__).resolve().parent.parent


def test_six_principles_start_screen_counts_42_statements_and_8_notes() -> None:
    ex = load_exercise(ROOT / "exercises" / "six-principles.yaml").exercise
    lines = intro_lines(ex, len(visible(ex, {})), None)
    assert any(
        "There are 42 statements, and 8 optional notes (50 in all)" in line for line in lines
    )
    assert not any("50 questions" in line for line in lines)  # statements are not questions


def test_no_save_reason_is_the_one_given() -> None:
    ex = load_exercise(ROOT / "exercises" / "six-principles.yaml").exercise
    assert "Nothing will be saved (you chose --no-save)." in intro_lines(ex, 50, None)
    tried = intro_lines(ex, 50, None, "this is a try-out")
    assert "Nothing will be saved (this is a try-out)." in tried
    assert not any("--no-save" in line for line in tried)


def test_exercise_try_does_not_blame_no_save(tmp_path: Path) -> None:
    from tests.test_cli import answers_file, invoke

    result = invoke(
        "exercise",
        "try",
        str(ROOT / "exercises" / "six-principles.yaml"),
        "--answers",
        str(answers_file(tmp_path)),
    )
    assert result.exit_code == 0, result.output
    assert "--no-save" not in result.output
    assert "Nothing was saved, because this is a try-out." in result.output
