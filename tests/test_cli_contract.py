"""The exit-code contract, for every command: what README's table promises, tested.

0 ok, 1 a finding or an explained problem (a file that cannot be used), 2 usage (an
option or value the command does not know, or an id that matches nothing), 130
stopped part-way. Never a traceback.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from coprod_toolkit.cli import app

runner = CliRunner()

BROKEN_YAML = "id: [oops\n"

# Every command, with the word coprod uses for it in help.
COMMANDS = [
    ["assess"],
    ["resume"],
    ["readiness"],
    ["group"],
    ["guide"],
    ["language"],
    ["history"],
    ["progress"],
    ["report"],
    ["export"],
    ["exercise", "list"],
    ["exercise", "show"],
    ["exercise", "validate"],
    ["exercise", "schema"],
    ["exercise", "new"],
    ["exercise", "try"],
]


def run(*args: str) -> Result:
    result = runner.invoke(app, list(args))
    # A SystemExit is how every exit code leaves; anything else is a traceback.
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        repr(result.exception),
        result.output,
    )
    assert "Traceback" not in result.output
    return result


@pytest.fixture
def files(tmp_path: Path) -> Path:
    (tmp_path / "broken.yaml").write_text(BROKEN_YAML, encoding="utf-8")
    (tmp_path / "badanswers.yaml").write_text("answers: [1, 2\n", encoding="utf-8")
    (tmp_path / "afile").write_text("something else\n", encoding="utf-8")
    return tmp_path


def test_the_table_covers_every_command() -> None:
    from coprod_toolkit.cli.app import exercise_app

    def names(typer_app: object, prefix: str) -> set[str]:
        found = set()
        for c in typer_app.registered_commands:  # type: ignore[attr-defined]
            name = c.name or c.callback.__name__.replace("_", "-")
            found.add(prefix + name)
        return found

    every = names(app, "") | names(exercise_app, "exercise ")
    assert every == {" ".join(c) for c in COMMANDS}


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_an_unknown_option_is_a_usage_error(command: list[str]) -> None:
    result = run(*command, "--no-such-option")
    assert result.exit_code == 2
    assert "No such option: --no-such-option" in result.output


BAD_VALUES = {
    "assess": ["assess", "--about", "nowhere", "--answers", "a.yaml"],
    "readiness": ["readiness", "--about", "nowhere", "--answers", "a.yaml"],
    "group": ["group", "--about", "nowhere", "--answers", "a.yaml"],
    "language": ["language", "--format", "xml"],
    "history": ["history", "--format", "xml"],
    "history dates": ["history", "--since", "last week"],
    "report": ["report", "--format", "pdf"],
    "export": ["export", "--format", "xls"],
    "exercise show": ["exercise", "show", "six-principles", "--about", "nowhere"],
    "exercise validate": ["exercise", "validate", "--format", "xml", "x.yaml"],
    "exercise new": ["exercise", "new", "--kind", "quiz"],
    "exercise try": ["exercise", "try", "six-principles", "--about", "nowhere", "--answers", "a"],
    "exercise list": ["exercise", "list", "--exercises", "no-such-folder"],
    "guide": ["guide", "--exercises", "no-such-folder"],
    "progress": ["progress", "--exercises", "no-such-folder"],
    "exercise schema": ["exercise", "schema", "--to", "a.json", "--out", "b.json"],
}


@pytest.mark.parametrize("args", BAD_VALUES.values(), ids=list(BAD_VALUES))
def test_a_value_the_command_cannot_use_exits_2(args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 2, result.output
    # The message names the value that was refused.
    refused = next(a for a in reversed(args) if a in result.output)
    assert refused not in ("assess", "readiness", "group", "exercise"), result.output


UNKNOWN_IDS = {
    "assess": ["assess", "no-such-exercise", "--answers", "a.yaml"],
    "readiness": ["readiness", "no-such-exercise", "--answers", "a.yaml"],
    "group": ["group", "no-such-exercise", "--answers", "a.yaml"],
    "progress": ["progress", "no-such-exercise"],
    "exercise show": ["exercise", "show", "no-such-exercise"],
    "exercise try": ["exercise", "try", "no-such-exercise"],
    "report": ["report", "no-such-reflection"],
    "resume": ["resume", "no-such-draft"],
    "guide": ["guide", "no-such-guide"],
    "language": ["language", "--explain", "no such phrase at all"],
}


@pytest.mark.parametrize("args", UNKNOWN_IDS.values(), ids=list(UNKNOWN_IDS))
def test_an_unknown_id_exits_2_like_an_unknown_value(args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert "no-such" in result.output or "no such phrase" in result.output


def test_an_unknown_exercise_lists_what_there_is() -> None:
    result = run("assess", "six-principle", "--answers", "a.yaml")
    assert result.exit_code == 2
    assert result.output.startswith(
        "There is no exercise called 'six-principle'. Did you mean 'six-principles'?\n"
    )
    assert "  readiness " in result.output


BAD_FILES = {
    "assess": ["assess", "--answers", "{d}/badanswers.yaml"],
    "readiness": ["readiness", "--answers", "{d}/badanswers.yaml"],
    "group": ["group", "--answers", "{d}/badanswers.yaml"],
    "exercise try": ["exercise", "try", "six-principles", "--answers", "{d}/badanswers.yaml"],
    "exercise show": ["exercise", "show", "{d}/broken.yaml"],
    "exercise validate": ["exercise", "validate", "{d}/broken.yaml"],
    "exercise schema": ["exercise", "schema", "--to", "{d}/afile"],
    "exercise new": ["exercise", "new", "--title", "X", "--to", "{d}/afile"],
    "report": ["report", "{d}/broken.yaml"],
    "language": ["language", "{d}/no-such-file.txt"],
    "assess, a file where the folder should be": [
        "assess",
        "--answers",
        "{d}/badanswers.yaml",
        "--out",
        "{d}/afile",
    ],
}


@pytest.mark.parametrize("args", BAD_FILES.values(), ids=list(BAD_FILES))
def test_a_file_that_cannot_be_used_exits_1(args: list[str], files: Path) -> None:
    result = run(*(a.format(d=files) for a in args))
    assert result.exit_code == 1, result.output
    assert str(files) in result.output.replace("\n", "")
    assert "Usage:" not in result.output


# Each command, and a function it is sure to call, to stand for Ctrl-C arriving there.
INTERRUPTS = {
    "assess": (["assess", "--answers", "a.yaml"], "coprod_toolkit.catalog.search_dirs"),
    "readiness": (["readiness", "--answers", "a.yaml"], "coprod_toolkit.catalog.search_dirs"),
    "group": (["group", "--answers", "a.yaml"], "coprod_toolkit.catalog.search_dirs"),
    "resume": (["resume"], "coprod_toolkit.storage.default_home"),
    "guide": (["guide"], "coprod_toolkit.catalog.search_dirs"),
    "language": (["language", "-"], "coprod_toolkit.catalog.search_dirs"),
    "history": (["history"], "coprod_toolkit.storage.default_home"),
    "progress": (["progress"], "coprod_toolkit.storage.default_home"),
    "report": (["report"], "coprod_toolkit.storage.default_home"),
    "export": (["export"], "coprod_toolkit.storage.default_home"),
    "exercise list": (["exercise", "list"], "coprod_toolkit.catalog.search_dirs"),
    "exercise show": (["exercise", "show", "tiny"], "coprod_toolkit.catalog.search_dirs"),
    "exercise validate": (["exercise", "validate", "."], "coprod_toolkit.catalog.exercise_files"),
    "exercise schema": (["exercise", "schema"], "coprod_toolkit.authoring.schema_text"),
    "exercise new": (
        ["exercise", "new", "--title", "X"],
        "coprod_toolkit.authoring.starter_exercise",
    ),
    "exercise try": (["exercise", "try", "tiny"], "coprod_toolkit.catalog.search_dirs"),
}


@pytest.mark.parametrize("stop", [KeyboardInterrupt, EOFError], ids=["ctrl-c", "end of input"])
@pytest.mark.parametrize("case", INTERRUPTS.values(), ids=list(INTERRUPTS))
def test_stopped_part_way_exits_130(
    case: tuple[list[str], str], stop: type[BaseException], monkeypatch: pytest.MonkeyPatch
) -> None:
    args, where = case

    def interrupted(*_: object, **__: object) -> None:
        raise stop

    monkeypatch.setattr(where, interrupted)
    result = run(*args)
    assert result.exit_code == 130, result.output
    assert result.output == "Stopped.\n"


def test_every_command_is_in_each_table() -> None:
    every = {" ".join(c) for c in COMMANDS}
    assert set(INTERRUPTS) == every
    # resume checks nothing before it looks for the draft: its unknown id is below.
    assert {k for k in BAD_VALUES if k in every} == every - {"resume"}
    assert set(UNKNOWN_IDS) <= every


@pytest.mark.parametrize("command", [[], ["exercise"]], ids=["coprod", "coprod exercise"])
def test_a_command_on_its_own_shows_its_help_and_is_no_error(command: list[str]) -> None:
    """Typing `coprod` alone is asking what it can do: help on standard output, exit 0."""
    result = run(*command)
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Usage: coprod {' '.join(command)}".rstrip() + " [OPTIONS]")
    assert "Error" not in result.output
