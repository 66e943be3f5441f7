"""Group sessions end to end, in a real pseudo-terminal: privacy, mistakes, timers, resume.

pexpect gives the raw bytes a terminal receives, so these tests can check what a
person at the screen could read, or scroll back to, after each hand-over.
"""

from __future__ import annotations

import io
import os
import re
import signal
from pathlib import Path

import pexpect
import yaml

from coprod_toolkit.prompts import TerminalPrompter
from tests.conftest import patient, write
from tests.test_terminal import coprod_command

ENTER, LEAVE = TerminalPrompter.ENTER_PRIVATE, TerminalPrompter.LEAVE_PRIVATE

TEAM = """
id: team-check
title: Team check
summary: A small exercise for group tests.
minutes: 5
subjects:
  me: my own practice
  together: our work together
scales:
  truth:
    min: 1
    max: 5
    labels: {1: Never so, 2: Rarely so, 3: Sometimes so, 4: Mostly so, 5: Always so}
sections:
  - id: power
    title: Sharing power
    description: This part is about who decides.
    questions:
      - id: decide
        type: scale
        scale: truth
        text:
          me: I share decisions.
          together: In our work together, we share decisions.
        evidence: What shows this? An example, if you have one.
      - id: change
        type: text
        text: What would you change first?
"""

GUIDED = """
id: short-steps
title: Short steps
kind: guided
summary: A guided exercise for tests.
minutes: 10
steps:
  - id: talk
    title: "Step 1: Talk"
    prompt: Talk about it.
    minutes: 5
    round: What do you think?
"""


def spawn(args: list[str], home: Path, columns: int = 100) -> tuple[pexpect.spawn, io.StringIO]:
    env = {**os.environ, "COPROD_HOME": str(home), "TERM": "xterm", "COLUMNS": str(columns)}
    env.pop("NO_COLOR", None)
    env["PROMPT_TOOLKIT_NO_CPR"] = "1"
    child = pexpect.spawn(
        coprod_command(),
        args,
        env=env,
        encoding="utf-8",
        timeout=30,
        dimensions=(40, columns),
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    child.delaybeforesend = None
    patient(child)
    seen = io.StringIO()
    child.logfile_read = seen
    return child, seen


def outside_private(stream: str) -> str:
    """What stays on the main screen (and its scrollback): everything but private turns."""
    kept, rest = [], stream
    while ENTER in rest:
        before, _, after = rest.partition(ENTER)
        kept.append(before)
        assert LEAVE in after, "a private turn was never closed"
        rest = after.partition(LEAVE)[2]
    kept.append(rest)
    return "".join(kept)


def take_turn(child: pexpect.spawn, person: str, key: str, example: str = "") -> None:
    child.expect(f"{person}, your turn")
    child.send("\r")
    child.expect(f"{person}, your answer:")
    child.expect("then Enter")
    child.send(key + "\r")
    child.expect("What shows this")
    child.expect("Your answer")
    child.send(example + "\r")
    child.expect("Is it the one you want")
    child.send("\r")


def test_private_turns_leave_nothing_to_read_or_scroll_back_to(tmp_path: Path) -> None:
    home = tmp_path / "home"
    path = write(tmp_path, "team.yaml", TEAM)
    child, seen = spawn(["group", str(path), "--people", "Ana, Ben, Chi"], home)
    child.expect("The group is reflecting on our work together")
    child.expect("Press Enter when everyone is ready to begin")
    child.send("\r")
    take_turn(child, "Ana", "4", "The rota we wrote together")
    child.expect("Thanks, Ana. Your answer is kept. Pass the keyboard to Ben.")
    after_ana = len(seen.getvalue())
    take_turn(child, "Ben", "2")
    take_turn(child, "Chi", "5", "Chi chaired the meeting")
    child.expect("Everyone's answers:")
    child.expect("Talk about the answers")
    before_reveal = seen.getvalue()[: seen.getvalue().rindex("Everyone's answers:")]
    # Every turn happened on the terminal's second screen, wiped with its scrollback.
    assert before_reveal.count(ENTER) == 3 and before_reveal.count(LEAVE) == 3
    assert "\x1b[3J" in LEAVE
    public = outside_private(before_reveal)
    for secret in ("Mostly so", "Rarely so", "Always so", "The rota", "Chi chaired"):
        assert secret not in public
    # Ben's turn started on a clean screen: Ana's answer is not in what Ben's terminal got.
    bens = outside_private(seen.getvalue()[after_ana:])
    assert "Mostly so" not in bens.partition("Everyone's answers:")[0]
    # The reveal is public, and stays until someone chooses to go on.
    child.expect("Go on")
    child.send("\r")
    for person, words in (("Ben", "Share the budget"), ("Chi", ""), ("Ana", "Pay people")):
        child.expect(f"{person}, your turn")
        child.send("\r")
        child.expect("Press Enter to pass")
        child.send(words + "\r")
        child.expect("Is it the one you want")
        child.send("\r")
    child.expect("Everyone's answers:")
    text_turns = seen.getvalue().rpartition("Go on")[2]
    assert "Share the budget" not in outside_private(text_turns).partition("Everyone's")[0]
    child.expect("Go on")
    child.send("\r")
    child.expect("An action")
    child.send("\r")
    child.expect("Finish and save?")
    child.send("\r")
    child.expect("Saved the group's record")
    child.expect(pexpect.EOF)
    record = yaml.safe_load(next((home / "reflections").glob("*.yaml")).read_text())
    assert record["about"] == "together"
    decide = record["questions"][0]
    assert decide["text"] == "In our work together, we share decisions."
    assert decide["answers"] == {"Ana": 4, "Ben": 2, "Chi": 5}
    assert decide["notes"] == {
        "Ana": "The rota we wrote together",
        "Chi": "Chi chaired the meeting",
    }
    assert record["passes"] == {"Ana": 0, "Ben": 0, "Chi": 1}


def test_plain_turns_hide_what_is_typed_and_never_print_it_back(tmp_path: Path) -> None:
    home = tmp_path / "home"
    path = write(tmp_path, "team.yaml", TEAM)
    child, seen = spawn(["group", str(path), "--people", "Ana, Ben, Chi", "--plain"], home)
    child.expect("In plain mode the screen cannot be wiped")
    child.expect("Press Enter when everyone is ready to begin")
    child.send("\r")
    for person, key, example in (("Ana", "4", "The rota"), ("Ben", "2", ""), ("Chi", "5", "")):
        child.expect(f"{person}, your turn")
        child.send("\r")
        child.expect("What you type is hidden")
        child.expect("Type a number from 1 to 5")
        mark = len(seen.getvalue())
        child.send(key + "\r")
        child.expect("What shows this")
        assert key not in seen.getvalue()[mark:].partition("Question")[0]  # not echoed
        child.expect("Type your answer")
        child.send(example + "\r")
        child.expect("Press Enter to finish your turn")
        child.send("\r")
        child.expect(f"Thanks, {person}. Your answer is kept.")
    child.expect("Everyone's answers:")
    before = seen.getvalue().rpartition("Everyone's answers:")[0]
    assert "\x1b" not in seen.getvalue()  # plain: no escape codes at all
    assert "The rota" not in before and "Your answer so far" not in before
    assert "\n" * 30 in before.replace("\r", "")  # each turn pushed out of sight
    child.expect("Type a number from 1 to")
    child.send("1\r")  # go on
    for person, words in (("Ben", "Share the budget"), ("Chi", "Pay people"), ("Ana", "")):
        child.expect(f"{person}, your turn")
        child.send("\r")
        child.expect("Type your answer")
        child.send(words + "\r")
        child.expect("Press Enter to finish your turn")
        child.send("\r")
    child.expect("Everyone's answers:")
    before = seen.getvalue().rpartition("Everyone's answers:")[0]
    assert "Share the budget" not in before and "Pay people" not in before
    child.sendintr()
    child.expect(pexpect.EOF)


def test_back_within_a_turn_and_a_correction_after_the_reveal(tmp_path: Path) -> None:
    home = tmp_path / "home"
    path = write(tmp_path, "team.yaml", TEAM)
    child, _ = spawn(["group", str(path), "--people", "Ana, Ben", "--plain"], home)
    child.expect("Press Enter when everyone is ready to begin")
    child.send("\r")
    child.expect("Ana, your turn")
    child.send("\r")
    child.expect("Type a number from 1 to 5")
    child.send("2\r")
    child.expect("What shows this")
    child.expect("'b' to go back to your answer")
    child.send("b\r")  # back within the turn, to the rating
    child.expect("You have answered this already")
    child.expect("Type a number from 1 to 5")
    child.send("3\r")
    child.expect("Type your answer")
    child.send("\r")
    child.expect("Press Enter to finish your turn, or type 'b' to change it")
    child.send("b\r")  # and once more, from the last look before the keyboard goes on
    child.expect("Type your answer")
    child.send("b\r")
    child.expect("Type a number from 1 to 5")
    child.send("4\r")
    child.expect("Type your answer")
    child.send("\r")
    child.expect("Press Enter to finish your turn")
    child.send("\r")
    child.expect("Ben, your turn")
    child.send("\r")
    child.expect("Type a number from 1 to 5")
    child.send("1\r")
    child.expect("Type your answer")
    child.send("\r")
    child.expect("Press Enter to finish your turn")
    child.send("\r")
    child.expect("Everyone's answers:")
    child.expect("Ana  4 ")
    child.expect("Ben  1 ")
    child.expect("What next?")
    child.expect("3. Change someone's answer, with their say")
    child.expect("Type a number from 1 to")
    child.send("3\r")
    child.expect("Whose answer needs changing?")
    child.send("2\r")  # Ben
    child.expect("Does Ben agree?")
    child.send("1\r")
    child.expect("Ben, your answer:")
    child.expect("Type a number from 1 to 5")
    child.send("3\r")
    child.expect("Type your answer")
    child.send("I had the scale the wrong way round\r")
    child.expect("Everyone's answers:")
    child.expect("Ben  3 ")
    child.expect("Type a number from 1 to")
    child.send("1\r")  # go on
    child.sendintr()
    child.expect(pexpect.EOF)
    draft = yaml.safe_load(next((home / "drafts").glob("*.yaml")).read_text())
    assert draft["answers"]["decide"] == {"Ana": 4, "Ben": 3}
    assert draft["notes"]["decide"] == {"Ben": "I had the scale the wrong way round"}


def _to_the_agreed_answer(tmp_path: Path) -> tuple[pexpect.spawn, Path]:
    """An open plain group of two who both answer 4, at the agreed answer's question."""
    home = tmp_path / "home"
    path = write(tmp_path, "team.yaml", TEAM)
    child, _ = spawn(["group", str(path), "--people", "Ana, Ben", "--plain", "--open"], home)
    child.expect("Press Enter when everyone is ready to begin")
    child.send("\r")
    for _ in range(2):
        child.expect("Type a number from 1 to 5")
        child.send("4\r")
        child.expect("Type your answer")
        child.send("\r")
    child.expect("Everyone's answers:")
    child.expect("Everyone who answered gave the same answer.")
    child.expect("2. Record an answer the group agrees on, and why")
    child.expect("Type a number from 1 to")
    child.send("2\r")
    child.expect("The group's answer, agreed together:")
    return child, home


def test_agreeing_with_no_spread_and_the_finish_confirmation(tmp_path: Path) -> None:
    child, home = _to_the_agreed_answer(tmp_path)
    child.expect("Type a number from 1 to 5")
    child.send("3\r")
    child.expect("Why did you agree on this?")
    child.send("We are not there yet\r")
    child.expect("The group's agreed answer: 3 \\(Sometimes so\\)")
    child.expect("Type a number from 1 to")
    child.send("1\r")
    for _ in range(2):
        child.expect("Type your answer")
        child.send("\r")
    child.expect("Type a number from 1 to")
    child.send("1\r")
    child.expect("An action")
    child.send("Book a room\r")
    child.expect("Who will do it")
    child.send("Ana\r")
    child.expect("By when")
    child.send("\r")
    child.expect("An action")
    child.send("\r")  # an empty Enter does not end the session on its own
    child.expect("Finish and save\\?")
    child.expect("2. No: add another action")
    child.send("2\r")
    child.expect("An action")
    child.send("Send the notes\r")
    child.expect("Who will do it")
    child.send("everyone\r")
    child.expect("By when")
    child.send("\r")
    child.expect("An action")
    child.send("\r")
    child.expect("Finish and save\\?")
    child.send("3\r")  # change or remove one
    child.expect("Which action\\?")
    child.send("1\r")
    child.expect("What would you like to do with it\\?")
    child.send("2\r")  # remove
    child.expect("Removed.")
    child.expect("An action")
    child.send("\r")
    child.expect("Finish and save\\?")
    child.send("1\r")
    child.expect("Saved the group's record")
    child.expect(pexpect.EOF)
    record = yaml.safe_load(next((home / "reflections").glob("*.yaml")).read_text())
    decide = record["questions"][0]
    assert decide["spread"] == 0 and decide["worth_talking_about"] is False
    assert decide["agreed"] == {"answer": 3, "note": "We are not there yet"}
    assert record["actions"] == [{"what": "Send the notes", "who": ["Ana", "Ben"], "when": None}]


def test_the_countdown_stays_on_one_line_at_80_columns(tmp_path: Path) -> None:
    home = tmp_path / "home"
    path = write(tmp_path, "steps.yaml", GUIDED)
    child, seen = spawn(["group", str(path), "--people", "Ana, Ben"], home, columns=80)
    child.expect("What piece of work is the group talking about")
    child.send("The carers' cafe\r")
    child.expect("Press Enter when everyone is ready to begin")
    child.send("\r")
    child.expect("Step 1 of 1: Talk")
    child.expect("Time to talk: 4:5")
    child.expect("Time to talk: 4:5")
    child.expect("Time to talk: 4:5")
    child.send("\r")
    child.expect("Ana: What do you think")
    timer = seen.getvalue().partition("Step 1 of 1: Talk")[2].partition("Ana: What")[0]
    updates = [u for u in timer.split("\r") if "Time to talk" in u]
    assert len(updates) >= 3
    assert all(len(u) <= 79 and "\n" not in u for u in updates)  # one line, rewritten
    child.expect("Add one")
    child.send("A quiet room\r")
    child.expect("Add one")
    child.send("\r")
    child.expect("Ben: What do you think")
    child.expect("Add one")
    child.send("\r")
    child.expect("An action")
    child.send("\r")
    child.expect("Finish and save")
    child.send("\r")
    child.expect("Saved the group's record")
    child.expect(pexpect.EOF)
    record = yaml.safe_load(next((home / "reflections").glob("*.yaml")).read_text())
    assert record["topic"] == "The carers' cafe"
    assert record["steps"][0]["contributions"] == {"Ana": ["A quiet room"], "Ben": []}
    assert record["passes"] == {"Ana": 0, "Ben": 1}


def test_resume_stays_plain_and_keeps_the_time_left(tmp_path: Path) -> None:
    home = tmp_path / "home"
    path = write(tmp_path, "steps.yaml", GUIDED)
    child, _ = spawn(["group", str(path), "--people", "Ana, Ben", "--plain"], home)
    child.expect("What piece of work")
    child.send("\r")
    child.expect("Press Enter when everyone is ready to begin")
    child.send("\r")
    child.expect("About 5 minutes to talk")
    child.sendintr()
    child.expect("Everything the group has said so far is saved")
    child.expect(pexpect.EOF)
    draft_path = next((home / "drafts").glob("*.yaml"))
    draft = yaml.safe_load(draft_path.read_text())
    assert draft["plain"] is True and 0 < draft["time_left"] <= 300
    draft["time_left"] = 125  # as if the group had talked for almost three minutes
    draft_path.write_text(yaml.safe_dump(draft))
    child, seen = spawn(["resume", "--exercises", str(tmp_path)], home)  # no --plain
    child.expect("Carrying on with 'Short steps', a group session with Ana, Ben")
    child.expect("The group stopped at: Step 1 of 1, Ana's turn.")
    child.expect("Press Enter when everyone is ready to carry on")
    child.send("\r")
    child.expect("About 2 minutes to talk")
    child.send("\r")
    child.expect("Ana: What do you think")
    child.expect("Add one")  # waiting for the answer: Ctrl-C now, not while it prints
    child.sendintr()
    child.expect(pexpect.EOF)
    assert "\x1b" not in seen.getvalue()  # still plain: no escape codes
    assert re.search(r"Carrying on with [^\n]*\n", seen.getvalue())


def test_an_anonymous_group_is_reminded_who_is_who_on_resume(tmp_path: Path) -> None:
    home = tmp_path / "home"
    path = write(tmp_path, "team.yaml", TEAM)
    args = ["group", str(path), "--people", "Ana, Ben", "--anonymous", "--plain"]
    child, _ = spawn(args, home)
    child.expect("Ana is Person 1")
    child.expect("Press Enter when everyone is ready to begin")
    child.send("\r")
    child.expect("Person 1, your turn")
    child.sendintr()
    child.expect(pexpect.EOF)
    child, seen = spawn(["resume", "--exercises", str(tmp_path)], home)
    child.expect("Names were not saved. Before you carry on, remind each other who is who")
    child.expect("Person 1, Person 2")
    child.expect("Press Enter when everyone is ready to carry on")
    child.send("\r")
    child.expect("Person 1, your turn")
    child.sendintr()
    child.expect(pexpect.EOF)
    assert "Ana" not in seen.getvalue()  # the names were never saved, so never shown again


def test_enter_pressed_twice_to_end_the_talk_does_not_pass_a_turn(tmp_path: Path) -> None:
    """The second Enter used to be read as Ana's answer in the round: her turn passed unseen."""
    home = tmp_path / "home"
    path = write(tmp_path, "steps.yaml", GUIDED)
    child, _ = spawn(["group", str(path), "--people", "Ana, Ben", "--plain"], home)
    child.expect("What piece of work")
    child.send("\r")
    child.expect("Press Enter when everyone is ready to begin")
    child.send("\r")
    child.expect("About 5 minutes to talk")
    child.expect("Press Enter when the group is ready")
    child.send("\r\r")  # one Enter too many
    child.expect("Ana: What do you think")
    child.expect("Add one")
    child.send("A quiet room\r")
    child.expect("Add one")
    child.sendintr()
    child.expect(pexpect.EOF)
    draft = yaml.safe_load(next((home / "drafts").glob("*.yaml")).read_text())
    assert draft["contributions"]["talk"]["Ana"] == ["A quiet room"]
    assert draft.get("passes", {}).get("Ana", 0) == 0


def test_stopping_at_the_agreed_answers_note_keeps_the_agreed_answer(tmp_path: Path) -> None:
    """Ctrl-C at 'Why did you agree on this?' lost the answer the group had just agreed."""
    child, home = _to_the_agreed_answer(tmp_path)
    child.expect("Type a number from 1 to 5")
    child.send("2\r")
    child.expect("Why did you agree on this?")
    child.sendintr()
    child.expect(pexpect.EOF)
    draft = yaml.safe_load(next((home / "drafts").glob("*.yaml")).read_text())
    assert draft["agreed"]["decide"]["answer"] == 2
    resumed, _ = spawn(["resume"], home)
    resumed.expect("Press Enter when everyone is ready to carry on")
    resumed.send("\r")
    resumed.expect("The group's agreed answer: 2")
    resumed.sendintr()
    resumed.expect(pexpect.EOF)
