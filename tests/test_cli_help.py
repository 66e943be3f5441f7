"""Help and output that read the same way in every command."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coprod_toolkit.cli import app
from tests.conftest import MINIMAL, write
from tests.test_cli_contract import COMMANDS

runner = CliRunner()
PYTHON_TYPES = re.compile(r"<(str|int|float|bool|Path|list\[.*?\]|NoneType)>|list\[|Optional")


@pytest.mark.parametrize("command", [[], ["exercise"], *COMMANDS], ids=" ".join)
def test_help_shows_no_python_types(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0
    assert not PYTHON_TYPES.search(result.output), result.output
    # Every option that takes a value says what kind, in words: NAME, FILE, DIR ...
    for line in result.output.splitlines():
        match = re.match(r"\s+(--[a-z-]+)\s+<", line)
        assert match is None or "|" in line, line


def test_coprod_help_gives_each_summary_whole() -> None:
    result = runner.invoke(app, ["--help"], env={"COLUMNS": "80"})
    commands = result.output.split("Commands:\n", 1)[1]
    assert "..." not in commands
    joined = " ".join(commands.split())
    assert (
        "Rate your practice against the principles of co-production, and plan a next step."
        in joined
    )
    assert "Export every answer, one row each, for a spreadsheet or your own analysis." in joined


@pytest.mark.parametrize(
    ("command", "choices"),
    [
        (["history"], "text|json"),
        (["language"], "text|json"),
        (["report"], "html|md"),
        (["export"], "csv|jsonl"),
        (["exercise", "validate"], "text|json"),
        (["exercise", "new"], "assessment|checklist"),
    ],
)
def test_choices_are_listed_in_help(command: list[str], choices: str) -> None:
    assert choices in runner.invoke(app, [*command, "--help"]).output


def option_help(command: list[str], option: str) -> str:
    """One option's help, its wrapped lines joined."""
    output = runner.invoke(app, [*command, "--help"]).output
    found = re.search(rf"\n  {option}\b(.*?)(?=\n  -|\Z)", output, re.S)
    return " ".join(found.group(0).split()) if found else ""


def plain_help(command: list[str]) -> str:
    return option_help(command, "--plain")


@pytest.mark.parametrize(
    "command",
    [["guide"], ["history"], ["progress"], ["exercise", "list"], ["exercise", "show"]],
    ids=" ".join,
)
def test_plain_says_what_it_does_where_nothing_is_asked(command: list[str]) -> None:
    line = plain_help(command)
    assert "answers" not in line and "menus" not in line
    assert "no colour" in line.lower()


def test_plain_on_commands_that_ask_mentions_the_answers() -> None:
    assert "numbered answers typed as text" in plain_help(["assess"])


def test_to_is_the_output_file_and_the_old_out_still_works(tmp_path: Path) -> None:
    new = runner.invoke(app, ["exercise", "schema", "--to", str(tmp_path / "a.json")])
    old = runner.invoke(app, ["exercise", "schema", "--out", str(tmp_path / "b.json")])
    assert new.exit_code == 0 and old.exit_code == 0, (new.output, old.output)
    assert "--out FILE is now --to FILE" in old.output
    assert "--out" not in new.output
    assert (tmp_path / "a.json").read_text() == (tmp_path / "b.json").read_text()
    help_text = runner.invoke(app, ["exercise", "schema", "--help"]).output
    assert "--to FILE" in help_text and "--out" not in help_text


def test_out_means_the_reflections_folder_everywhere() -> None:
    with_out = 0
    for command in COMMANDS:
        line = option_help(command, "--out")
        if line:
            with_out += 1
            assert line.startswith("--out DIR") and "reflections" in line, (command, line)
    assert with_out == 8  # assess, resume, readiness, group, history, progress, report, export


def test_piped_output_is_not_wrapped_or_padded() -> None:
    long_title = "A title that is much longer than any terminal is wide " * 3
    text = MINIMAL.replace("title: Tiny", f"title: {long_title.strip()}")
    write(Path("exercises"), "tiny.yaml", text)
    result = runner.invoke(app, ["exercise", "list"])
    assert result.exit_code == 0
    assert f"  {long_title.strip()}\n" in result.output
    assert not [line for line in result.output.splitlines() if line != line.rstrip()]


def test_piped_tables_have_no_trailing_spaces(tmp_path: Path) -> None:
    from tests.test_cli import answers_file

    for name in ("Sam", "Alexandra Longname"):
        saved = runner.invoke(
            app, ["assess", "--answers", str(answers_file(tmp_path)), "--name", name]
        )
        assert saved.exit_code == 0, saved.output
    listed = runner.invoke(app, ["history"])
    assert listed.exit_code == 0
    assert "Alexandra Longname" in listed.output
    assert not [line for line in listed.output.splitlines() if line != line.rstrip()]


def test_only_the_command_used_is_built(monkeypatch: pytest.MonkeyPatch) -> None:
    import typer.main

    if not hasattr(typer.main, "get_params_from_function"):
        pytest.skip("this typer builds commands another way")
    real = typer.main.get_params_from_function
    read: list[str] = []

    def counting(func):  # type: ignore[no-untyped-def]
        read.append(func.__name__)
        return real(func)

    monkeypatch.setattr(typer.main, "get_params_from_function", counting)
    assert runner.invoke(app, ["--help"]).exit_code == 0
    assert not {"assess", "history", "exercise_list", "report"} & set(read)
    read.clear()
    assert runner.invoke(app, ["history", "--help"]).exit_code == 0
    assert "history" in read
    assert not {"assess", "progress", "report", "export"} & set(read)
