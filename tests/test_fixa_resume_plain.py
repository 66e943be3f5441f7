"""A run started with --plain (a screen reader, a simple terminal) stays plain after
`coprod resume`, with or without --plain given again."""

from __future__ import annotations

import io
from pathlib import Path

import pexpect
import yaml

from coprod_toolkit.models import Draft
from tests.test_terminal import QUESTIONS, answer_questions, finish, spawn


def stop_after(home: Path, args: list[str], answered: int, plain: bool) -> None:
    child = spawn(["assess", *args], home)
    answer_questions(child, 1, answered, plain=plain)
    child.expect(f"Question {answered + 1} of")
    child.expect("Type a number" if plain else "then Enter")  # waiting for the answer
    child.sendintr()
    child.expect("Stopped. Your answers so far are saved.")
    child.expect(pexpect.EOF)
    child.close()


def test_resume_carries_on_plain_without_being_told_again(tmp_path: Path) -> None:
    home = tmp_path / "home"
    stop_after(home, ["--about", "me", "--name", "Ben", "--plain"], 2, plain=True)
    draft_file = next((home / "drafts").glob("*.yaml"))
    assert yaml.safe_load(draft_file.read_text())["plain"] is True

    child = spawn(["resume"], home)  # no --plain
    seen = io.StringIO()
    child.logfile_read = seen
    child.expect("Carrying on with 'The six principles of co-production' \\(Ben, about")
    answer_questions(child, 3, len(QUESTIONS), plain=True)
    finish(child)
    assert "\x1b" not in seen.getvalue()  # no menus, no colour: plain all the way
    assert not list((home / "drafts").glob("*.yaml"))


def test_the_list_of_runs_is_plain_when_a_run_on_it_was_started_plain(tmp_path: Path) -> None:
    home = tmp_path / "home"
    stop_after(home, ["--about", "me", "--name", "Ben", "--plain"], 1, plain=True)
    stop_after(home, ["--about", "service", "--name", "Cai"], 1, plain=False)
    child = spawn(["resume"], home)
    seen = io.StringIO()
    child.logfile_read = seen
    child.expect("Which run do you want to carry on with")
    child.expect("Type a number from 1 to 2")
    assert "\x1b" not in seen.getvalue()
    child.sendintr()
    child.expect(pexpect.EOF)


def test_a_run_started_with_menus_carries_on_with_menus(tmp_path: Path) -> None:
    home = tmp_path / "home"
    stop_after(home, ["--about", "me", "--name", "Ben"], 1, plain=False)
    draft_file = next((home / "drafts").glob("*.yaml"))
    saved = yaml.safe_load(draft_file.read_text())
    assert saved["plain"] is False
    del saved["plain"]  # a draft saved before coprod kept this: not plain
    draft_file.write_text(yaml.safe_dump(saved))
    assert Draft.model_validate(saved).plain is False
    child = spawn(["resume"], home)
    child.expect("Carrying on with 'The six principles of co-production' \\(Ben, about")
    child.expect("Question 2 of")
    child.expect("then Enter")  # the arrow-key menu
    child.sendintr()
    child.expect(pexpect.EOF)


def test_menus_brings_the_menus_back_to_a_plain_run(tmp_path: Path) -> None:
    home = tmp_path / "home"
    stop_after(home, ["--about", "me", "--name", "Ben", "--plain"], 1, plain=True)
    child = spawn(["resume", "--menus"], home)
    child.expect("Carrying on with 'The six principles of co-production' \\(Ben, about")
    child.expect("Question 2 of")
    child.expect("then Enter")  # the arrow-key menu
    child.send("4")
    child.send("\r")
    child.expect("Question 3 of")
    child.expect("then Enter")
    child.sendintr()
    child.expect(pexpect.EOF)
    draft_file = next((home / "drafts").glob("*.yaml"))
    assert yaml.safe_load(draft_file.read_text())["plain"] is False  # menus from now on
