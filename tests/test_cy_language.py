"""Welsh: help and usage errors (coprod's words and typer's own), and `coprod language`."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest
from typer.testing import CliRunner

from coprod_toolkit import i18n
from coprod_toolkit.cli import app
from coprod_toolkit.cli.click_words import say
from tests.test_cli_contract import COMMANDS

runner = CliRunner()


@pytest.fixture(autouse=True)
def language_chosen_again() -> Iterator[None]:
    """A Welsh command in one test leaves no Welsh behind for the next."""
    i18n._active = None
    yield
    i18n._active = None


# --------------------------------------------------------------------------- help


@pytest.mark.parametrize("command", [[], ["exercise"], *COMMANDS], ids=" ".join)
def test_every_help_has_typers_own_words_in_welsh(command: list[str]) -> None:
    result = runner.invoke(app, ["--lang", "cy", *command, "--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Defnydd: coprod")
    assert "Opsiynau:" in result.output
    assert "Dangos y neges hon a stopio." in result.output
    for english in ("Usage:", "Options:", "Show this message and exit.", "Commands:"):
        assert english not in result.output


def test_the_list_of_commands_has_a_welsh_title() -> None:
    result = runner.invoke(app, ["--lang", "cy", "--help"])
    assert "Gorchmynion:" in result.output
    assert "Pecyn cymorth i fyfyrio ar gydgynhyrchu" in result.output


def test_help_in_english_is_unchanged() -> None:
    result = runner.invoke(app, ["assess", "--help"])
    assert result.output.startswith("Usage: coprod assess [OPTIONS]")
    assert "Options:" in result.output
    assert "Show this message and exit." in result.output


# --------------------------------------------------------------------------- usage errors


def test_an_unknown_option_in_welsh() -> None:
    result = runner.invoke(app, ["--lang", "cy", "assess", "--nonsense"])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Defnydd: coprod assess" in result.output
    assert "Rhowch gynnig ar 'coprod assess -h' i gael help." in result.output
    assert "Gwall: Does dim opsiwn o'r enw: --nonsense" in result.output
    assert "No such option" not in result.output


def test_the_same_mistake_in_english_reads_as_before() -> None:
    result = runner.invoke(app, ["assess", "--nonsense"])
    assert result.exit_code == 2
    assert "Try 'coprod assess -h' for help." in result.output
    assert "Error: No such option: --nonsense" in result.output


@pytest.mark.parametrize(
    ("args", "welsh"),
    [
        (["guide", "one", "two"], "Doedd coprod ddim yn disgwyl y geiriau ychwanegol hyn (two)"),
        (["exercise", "show"], "Gwall: Mae 'EXERCISE' ar goll."),
        (["report", "--format", "xx"], "Gwerth annilys i '--format': Dydy 'xx' ddim yn un"),
        (["nonsense"], "Does dim gorchymyn o'r enw 'nonsense'."),
        (["assess", "--name"], "Mae angen gwerth ar ôl yr opsiwn '--name'."),
    ],
)
def test_usage_errors_in_welsh(args: list[str], welsh: str) -> None:
    result = runner.invoke(app, ["--lang", "cy", *args])
    assert result.exit_code == 2
    assert welsh in result.output
    assert "Traceback" not in result.output


def test_a_welsh_usage_error_from_the_command_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "coprod_toolkit", "--lang", "cy", "assess", "--nonsense"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "Gwall: Does dim opsiwn o'r enw: --nonsense" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_message_of_unknown_shape_stays_as_it_is() -> None:
    with i18n.using("cy"):
        assert say("Something click has never said before.") == (
            "Something click has never said before."
        )
        assert say("") == ""
        assert say("No such option: --x") == "Does dim opsiwn o'r enw: --x"
