"""Review defect 7: a long typed name is never cut silently, and no trailing space is kept."""

from __future__ import annotations

from pathlib import Path

import pexpect

from tests.test_terminal import spawn


def test_a_long_typed_name_is_refused_with_the_limit_then_shortened(tmp_path: Path) -> None:
    child = spawn(["assess", "six-principles", "--about", "me", "--plain", "--no-save"], tmp_path)
    child.timeout = 30
    child.expect("Your name")
    child.send("word " * 120 + "\r")
    child.expect("Sorry, that name is 599 characters long; please keep it to 100.")
    # The shortened name offered ends on a word, never a space.
    # (folded between words when it is longer than the terminal's line)
    child.expect(r"Your name, shortened \[" + r"\s+".join(["word"] * 20) + r"\]")
    child.send("\r")
    child.expect("Question 1 of")
    child.expect("Type a number")  # waiting for the answer
    child.sendintr()
    child.expect(pexpect.EOF)


def test_a_scale_point_without_a_label_shows_its_number_once(tmp_path: Path) -> None:
    from tests.conftest import MINIMAL, write

    path = write(tmp_path, "tiny.yaml", MINIMAL)
    child = spawn(["exercise", "try", str(path), "--about", "me"], tmp_path / "home")
    child.timeout = 30
    child.expect("Your name")
    child.send("\r")
    child.expect("Question 1 of")
    child.expect("Always true")
    seen = child.before
    child.sendintr()
    child.expect(pexpect.EOF)
    assert "1) Not true" in seen
    assert "   2)" in seen
    assert "2) 2" not in seen and "3) 3" not in seen
