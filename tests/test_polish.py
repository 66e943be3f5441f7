"""Small wording fixes from a new user's review (plain words, said once)."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from coprod_toolkit import i18n
from coprod_toolkit.language_run import quick


class _Terminal(io.TextIOWrapper):
    """Standard input that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def _quick(args: list[str], stdin: io.TextIOWrapper) -> tuple[int | None, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as streams:
        streams.setattr(sys, "stdout", out)
        streams.setattr(sys, "stderr", err)
        streams.setattr(sys, "stdin", stdin)
        code = quick(args)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("platform", ["linux", "win32"])
def test_reading_from_a_terminal_says_how_to_give_the_text(
    platform: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "platform", platform)
    code, out, err = _quick(["-"], _Terminal(io.BytesIO(b"We engage.\n"), encoding="utf-8"))
    assert code == 1
    assert "Type or paste the text to check." in err
    keys = "press Ctrl-Z then Enter on a new line" if platform == "win32" else "press Ctrl-D"
    assert keys in err
    assert '"engage"' in out
    with i18n.using("cy"):
        _code, _out, err = _quick(["-"], _Terminal(io.BytesIO(b"Hi.\n"), encoding="utf-8"))
    assert "Ctrl-" in err
    assert "Type or paste" not in err


def test_piped_text_is_read_without_the_typing_hint() -> None:
    code, _out, err = _quick(["-"], io.TextIOWrapper(io.BytesIO(b"Hi.\n"), encoding="utf-8"))
    assert code == 0
    assert err == ""


def _intro(name: str, extra: str = "", folder: Path | None = None) -> str:
    from coprod_toolkit import catalog
    from coprod_toolkit.loader import load_exercise
    from coprod_toolkit.report import intro_lines
    from coprod_toolkit.scoring import visible

    path = catalog.builtin_dir() / f"{name}.yaml"
    if extra:
        text = path.read_text(encoding="utf-8").replace(
            "    questions:\n", "    questions:\n" + extra, 1
        )
        assert folder is not None
        path = folder / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
    ex = load_exercise(path).exercise
    return intro_lines(ex, len(visible(ex, {})), None)[4]


def test_multiple_choice_questions_are_not_called_statements() -> None:
    assert _intro("placement").startswith("There are 2 questions, and 1 optional note;")
    with i18n.using("cy"):
        assert _intro("placement").startswith("Mae 2 gwestiwn;")
    assert _intro("six-principles").startswith("There are 42 statements, and 8 optional notes;")


def test_statements_and_questions_are_counted_apart(tmp_path: Path) -> None:
    extra = (
        "      - id: sure\n        type: yes_no\n        text: Is this clear?\n"
        "        points: {yes: 0, no: 0}\n"
    )
    assert _intro("placement", extra, tmp_path).startswith(
        "There is 1 statement and 2 questions, and 1 optional note;"
    )
    with i18n.using("cy"):
        line = _intro("placement", extra, tmp_path)
    assert "{" not in line
    assert "2 gwestiwn" in line


def test_a_step_heading_names_the_step_once() -> None:
    from coprod_toolkit.prompts import step_heading, step_help

    assert step_heading("Step 1: Understand the problem together", 1, 4) == (
        "== Step 1 of 4: Understand the problem together =="
    )
    assert step_heading("Talk it through", 2, 3) == "== Talk it through (step 2 of 3) =="
    assert step_help("Useful questions: Who is affected?") == "Useful questions: Who is affected?"
    assert step_help("Small ideas count.") == "To get going: Small ideas count."
    with i18n.using("cy"):
        assert step_heading("Cam 4: Wnaeth hyn weithio?", 4, 4) == (
            "== Cam 4 o 4: Wnaeth hyn weithio? =="
        )
        assert step_help("Cwestiynau defnyddiol: Pwy?") == "Cwestiynau defnyddiol: Pwy?"


def test_four_steps_results_read_naturally(tmp_path: Path, isolated: Path) -> None:
    from typer.testing import CliRunner

    from coprod_toolkit.cli import app

    path = tmp_path / "session.yaml"
    path.write_text(
        "people: [Ana, Ben]\ncontributions:\n  understand: {Ana: [Late bus], Ben: [No reply]}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["group", "four-steps", "--answers", str(path)])
    assert result.exit_code == 0, result.output
    assert "Step 1: Understand the problem together (2 contributions)" in result.output
    assert "Step 4: Did it work? (0 contributions)" in result.output
    assert "?:" not in result.output
    result = CliRunner().invoke(
        app, ["--lang", "cy", "group", "four-steps", "--answers", str(path)]
    )
    assert result.exit_code == 0, result.output
    assert "Cam 4: Wnaeth hyn weithio? (dim cyfraniadau)" in result.output
