"""--plain folds long lines between words on a terminal, never inside one."""

from __future__ import annotations

from pathlib import Path

import pytest

from coprod_toolkit import prompts
from tests.test_terminal import SIX, spawn


def test_plain_lines_break_between_words_at_the_terminal_width(tmp_path: Path) -> None:
    child = spawn(["assess", "--plain", "--no-save"], tmp_path / "home")
    child.expect("Type a number from 1 to 5")
    child.send("\r")  # an empty Enter is refused in words, without quoting nothing
    child.expect("An answer is needed here: type a number from 1 to 5.")
    child.send("1\r")
    child.expect("Your name")
    child.send("\r")
    child.expect("Question 1 of")
    seen = child.before.replace("\r\n", "\n")
    child.terminate(force=True)
    described = seen[seen.index("== Assets ==") :]
    assert max(len(line) for line in described.splitlines()) < 100
    # the description is whole once its lines are joined with spaces: no split words
    joined = " ".join(line.strip() for line in described.splitlines()[1:] if line.strip())
    assert " ".join(SIX.sections[0].description.split()) in joined


def test_fitting_leaves_short_lines_and_piped_output_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    long = "word " * 60
    monkeypatch.setattr("sys.stdout.isatty", lambda: False)
    assert prompts._fit(long) == long  # piped: lines stay whole
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    monkeypatch.setattr(
        "shutil.get_terminal_size", lambda: __import__("os").terminal_size((60, 20))
    )
    folded = prompts._fit("  " + long.strip())
    assert all(len(line) <= 59 and line.startswith("  word") for line in folded.splitlines())
    assert prompts._fit("short line") == "short line"


def test_an_error_in_a_terminal_breaks_between_words(tmp_path: Path) -> None:
    child = spawn(["group", "--people", "Ana"], tmp_path / "home")  # 100 columns
    child.expect(__import__("pexpect").EOF)
    said = child.before.replace("\r\n", "\n").strip()
    lines = said.splitlines()
    assert len(lines) > 1 and max(len(line) for line in lines) < 100
    joined = " ".join(line.strip() for line in lines)
    assert "Error: " in joined and " fo r " not in joined  # no word split in two
    for line in lines[:-1]:  # every break falls between two words
        assert not line.endswith(" ")
