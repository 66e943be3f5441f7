"""End to end: the installed `coprod` in a real pseudo-terminal, driven by keystrokes."""

from __future__ import annotations

import os
import shutil
import signal
import sys
from pathlib import Path

import pexpect
import pytest
import yaml

from coprod_toolkit.loader import load_exercise
from tests.conftest import ROOT, patient

SIX = load_exercise(ROOT / "exercises" / "six-principles.yaml").exercise
QUESTIONS = [q for _, q in SIX.questions()]


def coprod_command() -> str:
    """The installed console script, next to this Python, as a person would run it."""
    beside = Path(sys.executable).parent / "coprod"
    found = str(beside) if beside.exists() else shutil.which("coprod")
    assert found, "the coprod command is not installed: run pip install '.[test]' first"
    return found


def spawn(args: list[str], home: Path) -> pexpect.spawn:
    env = {**os.environ, "COPROD_HOME": str(home), "TERM": "xterm", "COLUMNS": "100"}
    env.pop("NO_COLOR", None)
    env["PROMPT_TOOLKIT_NO_CPR"] = "1"  # pexpect cannot answer "where is the cursor?"
    child = pexpect.spawn(
        coprod_command(),
        args,
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=(40, 100),
        # A person's terminal delivers Ctrl-C; a test run started in the background
        # inherits "ignore Ctrl-C", so give the child what a terminal would.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    child.delaybeforesend = None
    patient(child)
    return child


def answer_questions(child: pexpect.spawn, start: int, stop: int, plain: bool = False) -> None:
    for number in range(start, stop + 1):
        q = QUESTIONS[number - 1]
        child.expect(f"Question {number} of {len(QUESTIONS)}")
        if q.type == "text":
            child.expect("Your answer" if not plain else "Type your answer")
            child.send("\r")
        else:
            child.expect("then Enter" if not plain else "Type a number from 1 to 5")
            child.send("4" if not plain else "4\r")
            if not plain:
                child.send("\r")


def finish(child: pexpect.spawn) -> None:
    child.expect("Type the number of an answer to change it")
    child.send("\r")
    child.expect("Overall: ")
    child.expect("One thing I will do next")
    child.send("Ask Jo to co-chair the next meeting\r")
    child.expect("Saved your reflection")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_a_whole_assessment_by_keystrokes(tmp_path: Path) -> None:
    home = tmp_path / "home"
    child = spawn(["assess", "--about", "service"], home)
    child.expect("Your answers stay on this computer")
    child.expect("Your name")
    child.send("Ana\r")
    answer_questions(child, 1, len(QUESTIONS))
    finish(child)
    records = list((home / "reflections").glob("*.yaml"))
    assert len(records) == 1
    record = yaml.safe_load(records[0].read_text())
    assert record["name"] == "Ana" and record["about"] == "service"
    scored = [a for a in record["answers"] if a["points"] is not None]
    assert len(scored) == sum(1 for q in QUESTIONS if q.type == "scale")
    assert record["next_step"] == "Ask Jo to co-chair the next meeting"
    assert (home / "reflections" / records[0].name.replace(".yaml", ".md")).exists()


def test_ctrl_c_keeps_the_answers_and_resume_carries_on(tmp_path: Path) -> None:
    home = tmp_path / "home"
    child = spawn(["assess", "--about", "me", "--name", "Ben", "--plain"], home)
    answer_questions(child, 1, 3, plain=True)
    child.expect("Question 4 of")
    child.expect("Type a number")  # waiting for the answer
    child.sendintr()
    child.expect("Stopped. Your answers so far are saved.")
    child.expect("coprod resume")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    drafts = list((home / "drafts").glob("*.yaml"))
    assert len(drafts) == 1
    assert len(yaml.safe_load(drafts[0].read_text())["answers"]) == 3

    child = spawn(["resume", "--plain"], home)
    child.expect("Carrying on with 'The six principles of co-production' \\(Ben, about")
    answer_questions(child, 4, len(QUESTIONS), plain=True)
    finish(child)
    assert not list((home / "drafts").glob("*.yaml"))
    record = yaml.safe_load(next((home / "reflections").glob("*.yaml")).read_text())
    assert record["answers"][0]["answer"] == 4


@pytest.mark.parametrize("keys", ["\x04"])
def test_end_of_input_at_the_name_question_loses_nothing(tmp_path: Path, keys: str) -> None:
    home = tmp_path / "home"
    child = spawn(["assess", "--plain"], home)
    child.expect("What are you reflecting on")
    child.send(keys)
    child.expect("Stopped before the first question")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130


def test_resume_asks_what_to_do_when_the_exercise_has_changed(tmp_path: Path) -> None:
    from tests.conftest import MINIMAL, write

    home = tmp_path / "home"
    path = write(tmp_path / "mine", "tiny.yaml", MINIMAL)
    child = spawn(["assess", str(path), "--about", "me", "--name", "Chi", "--plain"], home)
    child.expect("Question 1 of 4")
    child.expect("Type a number")
    child.send("4\r")
    child.expect("Question 2 of 4")
    child.expect("Type")  # waiting for the answer
    child.sendintr()
    child.expect(pexpect.EOF)
    path.write_text(MINIMAL.replace("id: tiny", "id: tiny\nversion: 2"))
    child = spawn(["resume", "--plain"], home)
    child.expect("This exercise has changed since you started \\(version 1, now 2\\)")
    child.expect("1 of your 1 answers still fit it")
    child.expect("Type a number from 1 to 2")
    child.send("2\r")
    child.expect("Question 1 of 4")
    child.expect("Type a number")
    child.sendintr()
    child.expect(pexpect.EOF)


def test_readiness_in_a_terminal(tmp_path: Path) -> None:
    ex = load_exercise(ROOT / "exercises" / "readiness.yaml").exercise
    statements = [q for _, q in ex.questions()]
    home = tmp_path / "home"
    child = spawn(["readiness", "--name", "Group"], home)
    child.expect("answer yes, no or not sure")
    for number, q in enumerate(statements, 1):
        child.expect(f"Question {number} of {len(statements)}")
        child.expect("then Enter")
        # The menu starts on "Choose an answer" (Enter there picks nothing), then Yes, then
        # No: answer every statement the hopeful way.
        if getattr(q, "counts", "") == "for":
            child.send("\x1b[B\r")
        else:
            child.send("\x1b[B\x1b[B\r")
    child.expect("Type the number of an answer to change it")
    child.send("\r")
    child.expect("Verdict: Ready")
    child.expect("One thing I will do next")
    child.send("\r")
    child.expect("Saved your reflection")
    child.expect(pexpect.EOF)
    record = yaml.safe_load(next((home / "reflections").glob("*.yaml")).read_text())
    assert record["verdict"]["label"] == "Ready" and record["verdict"]["count"] == 0


def test_a_new_assessment_asks_about_last_times_next_step(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from coprod_toolkit.cli import app

    home = tmp_path / "home"
    answers = {q.id: 3 for q in QUESTIONS if q.type == "scale"}
    path = tmp_path / "a.yaml"
    path.write_text(
        yaml.safe_dump({"name": "Sam", "answers": answers, "next_step": "Ask Jo to co-chair."})
    )
    env = {"COPROD_HOME": str(home)}
    assert CliRunner().invoke(app, ["assess", "--answers", str(path)], env=env).exit_code == 0
    child = spawn(["assess", "--name", "Sam", "--about", "me", "--plain"], home)
    child.expect("you said the one thing you would do next was:")
    child.expect("Ask Jo to co-chair.")
    child.expect("Did it happen?")
    child.expect("Type a number from 1 to 3")
    child.send("2\r")
    child.expect("What did you learn from it")
    child.send("Jo needs more notice.\r")
    child.expect("Question 1 of")
    child.expect("Type a number from 1 to 5")  # waiting for the answer, as a person sees it
    child.sendintr()
    child.expect(pexpect.EOF)
    draft = yaml.safe_load(next((home / "drafts").glob("*.yaml")).read_text())
    assert draft["previous_step"]["happened"] == "partly"
    assert draft["previous_step"]["learned"] == "Jo needs more notice."


def at_the_tiny_note(tmp_path: Path, name: str) -> tuple[pexpect.spawn, Path]:
    """A plain run of the tiny exercise, answered up to its text question (q3)."""
    from tests.conftest import MINIMAL, write

    home = tmp_path / "home"
    path = write(tmp_path / "mine", "tiny.yaml", MINIMAL)
    child = spawn(["assess", str(path), "--about", "me", "--name", name, "--plain"], home)
    child.expect("Type a number")
    child.send("4\r")
    child.expect("Do you do another")
    child.expect("Type a number")
    child.send("1\r")
    child.expect("An example")
    child.expect("Type your answer")
    return child, home


def test_a_note_longer_than_a_terminal_line_is_said_to_be_cut(tmp_path: Path) -> None:
    """A terminal keeps 4,095 characters of a typed line and drops the rest without a word:
    plain mode says so, with the words the note now ends with, and keeps what arrived."""
    child, home = at_the_tiny_note(tmp_path, "Chi")
    note = "".join(f"word{n} " for n in range(900))  # about 6,000 characters
    child.send(note + "\r")
    child.expect("A terminal takes at most about 4,000 characters on one line")
    child.expect("It ends: '...")
    child.expect("I avoid it")  # the note is kept and the next question asked
    child.sendintr()
    child.expect(pexpect.EOF)
    draft = yaml.safe_load(next((home / "drafts").glob("*.yaml")).read_text())
    kept = draft["answers"]["q3"]
    assert 4000 < len(kept) <= 4095
    assert note.startswith(kept)


def test_a_note_of_ordinary_length_gets_no_such_warning(tmp_path: Path) -> None:
    child, _home = at_the_tiny_note(tmp_path, "Chi")
    child.send("word " * 700 + "\r")  # 3,500 characters: whole
    index = child.expect(["A terminal takes at most", "I avoid it"])
    assert index == 1
    child.sendintr()
    child.expect(pexpect.EOF)


def test_a_note_pasted_in_paragraphs_stays_one_note(tmp_path: Path) -> None:
    """A pasted blank line used to answer the next question: the rest of the note became
    the next answer, skipped the review, or was saved as the next step."""
    child, home = at_the_tiny_note(tmp_path, "Pat")
    child.send("The cafe menu is now chosen by members.\r\rStaff no longer decide it.\r")
    child.expect("I avoid it")
    child.expect("Type a number")
    child.send("2\r")
    child.expect("Pick one")
    child.expect("Type a number")
    child.send("1\r")
    child.expect("Type the number of an answer to change it")  # the review is not skipped
    child.send("\r")
    child.expect("One thing I will do next")
    child.send("Ask Jo.\r")
    child.expect("Saved your reflection")
    child.expect(pexpect.EOF)
    record = yaml.safe_load(next((home / "reflections").glob("*.yaml")).read_text())
    note = next(a for a in record["answers"] if a["question"] == "q3")
    assert note["answer"] == "The cafe menu is now chosen by members. Staff no longer decide it."
    assert record["next_step"] == "Ask Jo."
