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
    assert _intro("placement").startswith("There are 2 questions, and 1 optional note (3 in all);")
    with i18n.using("cy"):
        assert _intro("placement").startswith("Mae 2 gwestiwn, ac mae 1 nodyn dewisol (3 i gyd);")
    assert _intro("six-principles").startswith(
        "There are 42 statements, and 8 optional notes (50 in all);"
    )


def test_statements_and_questions_are_counted_apart(tmp_path: Path) -> None:
    extra = (
        "      - id: sure\n        type: yes_no\n        text: Is this clear?\n"
        "        points: {yes: 0, no: 0}\n"
    )
    assert _intro("placement", extra, tmp_path).startswith(
        "There is 1 statement and 2 questions, and 1 optional note (4 in all);"
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


def _readiness_draft(home: Path, run_id: str) -> None:
    from coprod_toolkit import catalog
    from coprod_toolkit.loader import load_exercise
    from coprod_toolkit.session import new_draft
    from coprod_toolkit.storage import Store

    loaded = load_exercise(catalog.builtin_dir() / "readiness.yaml")
    Store(home).save_draft(new_draft(loaded, run_id, "me", None))


def test_a_run_to_carry_on_is_named_in_plain_words(isolated: Path) -> None:
    from typer.testing import CliRunner

    from coprod_toolkit.cli import app
    from coprod_toolkit.cli.assess import _draft_label
    from coprod_toolkit.storage import Store

    runner = CliRunner()
    result = runner.invoke(app, ["resume", "nope"])
    assert result.exit_code != 0
    assert "There is no unfinished run called 'nope'. There are no unfinished runs at all." in (
        result.output
    )
    _readiness_draft(isolated, "2026-12-01-1000-readiness")
    _readiness_draft(isolated, "2026-12-02-1000-readiness")
    draft = Store(isolated).list_drafts()[0][0]
    label = _draft_label(draft, {"me": "this piece of work"})
    assert label.startswith("'Is co-production right for us now?' (about this piece of work), ")
    result = runner.invoke(app, ["resume", "nope"])
    said = " ".join(result.output.split())
    assert "There is no unfinished run called 'nope'. The unfinished runs are:" in said
    assert "2026-12-01-1000-readiness: 'Is co-production right for us now?'" in said
    assert "single" not in said
    result = runner.invoke(app, ["resume", "2026"])
    assert "More than one unfinished run starts with '2026'." in result.output
    result = runner.invoke(app, ["--lang", "cy", "resume", "nope"])
    said = " ".join(result.output.split())
    assert "Does dim ymarfer anorffenedig o'r enw 'nope'." in said
    assert "(am y darn hwn o waith)" in said


def test_a_file_that_cannot_be_read_is_said_once(isolated: Path) -> None:
    empty = io.TextIOWrapper(io.BytesIO(b""), encoding="utf-8")
    code, out, err = _quick(["missing.txt"], empty)
    assert code == 1
    assert out == ""
    assert err == "Could not check missing.txt: there is no file here. Fix: check the name.\n"
    code, out, err = _quick(["missing.txt", "gone.md"], empty)
    assert out == "None of the 2 files could be checked.\n"
    assert err.count("Could not check") == 2
    with i18n.using("cy"):
        code, out, err = _quick(["missing.txt", "gone.md"], empty)
    assert out.startswith("Doedd dim modd gwirio")
    assert "{" not in out


def test_a_scale_too_wide_says_so(isolated: Path) -> None:
    from typer.testing import CliRunner

    from coprod_toolkit.cli import app

    args = ["exercise", "new", "--kind", "assessment", "--title", "T", "--sections", "A"]
    result = CliRunner().invoke(app, [*args, "--scale", "0-1000"])
    assert result.exit_code != 0
    said = " ".join(result.output.split())
    assert "--scale 0-1000: the scale is too wide." in said
    assert "at most 100 apart, like 0-100." in said
    assert "below the second" not in said
    result = CliRunner().invoke(app, [*args, "--scale", "5-1"])
    assert "the first number must be below the second" in " ".join(result.output.split())
    result = CliRunner().invoke(app, ["--lang", "cy", *args, "--scale", "0-1000"])
    assert "mae'r raddfa'n rhy eang" in " ".join(result.output.split())


def test_schema_and_new_do_not_write_over_a_file_without_force(isolated: Path) -> None:
    from typer.testing import CliRunner

    from coprod_toolkit.cli import app

    runner = CliRunner()
    old = Path("old.json")
    old.write_text("mine\n", encoding="utf-8")
    result = runner.invoke(app, ["exercise", "schema", "--to", "old.json"])
    assert result.exit_code == 1
    said = " ".join(result.output.split())
    assert (
        "old.json already exists, and coprod will not write over it. "
        "Fix: choose another name with --to FILE, or add --force to replace it."
    ) in said
    assert old.read_text(encoding="utf-8") == "mine\n"
    result = runner.invoke(app, ["exercise", "schema", "--to", "old.json"])
    assert result.exit_code == 1
    result = runner.invoke(app, ["exercise", "schema", "--to", "old.json", "--force"])
    assert result.exit_code == 0, result.output
    assert old.read_text(encoding="utf-8").startswith("{")
    # The schema is there already: nothing is written, and it says so.
    same = runner.invoke(app, ["exercise", "schema", "--to", "old.json"])
    assert same.exit_code == 0
    assert "old.json already holds this schema; nothing was changed." in same.output

    args = ["exercise", "new", "--kind", "assessment", "--title", "T", "--sections", "A"]
    assert runner.invoke(app, args).exit_code == 0
    again = runner.invoke(app, args)
    assert again.exit_code == 1
    assert "or add --force to replace it." in " ".join(again.output.split())
    assert runner.invoke(app, [*args, "--force"]).exit_code == 0
    mine = runner.invoke(app, [*args, "--to", "old.json"])
    assert "Fix: choose another name with --to FILE, or add --force" in " ".join(
        mine.output.split()
    )
    old.write_text("mine\n", encoding="utf-8")
    welsh = runner.invoke(app, ["--lang", "cy", "exercise", "schema", "--to", "old.json"])
    assert "I'w drwsio:" in welsh.output and "--force" in welsh.output
