"""Group sessions: names, turns, the spread, the group's answer, resuming, records."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from coprod_toolkit.cli import app
from coprod_toolkit.errors import Interrupted, UsageProblem
from coprod_toolkit.group import (
    GroupSession,
    Reveal,
    check_people,
    middle,
    new_group_draft,
    rotation,
    spread_of,
)
from coprod_toolkit.loader import LoadedExercise, load_exercise
from coprod_toolkit.models import Action, AnswerValue, GroupDraft, Step
from coprod_toolkit.session import PASS, Ask, Back, Pass
from tests.conftest import MINIMAL, ROOT, write

runner = CliRunner()


class FakeGroupPrompter:
    """Answers from a script, keyed by (person, question); records what happened."""

    def __init__(
        self, answers: dict[tuple[str, str], object], agree: dict[str, object] | None = None
    ):
        self.answers = answers
        self.agree = agree or {}
        self.asked: list[tuple[str | None, str]] = []
        self.handed: list[str] = []
        self.ended: list[tuple[str, str | None, bool]] = []
        self.reveals: list[Reveal] = []
        self.stop_at: tuple[str, str] | None = None
        self._agreeing: str | None = None

    def say(self, text: str = "") -> None:
        pass

    def text(self, message: str, default: str | None = None, note: str = "") -> str:
        return "We talked it through."

    def choose(self, message: str, options: list[tuple[str, str]]) -> str:
        question = self.reveals[-1].question.id
        if question in self.agree and self.reveals[-1].agreed is None:
            return "agree"
        return "next"

    def ask(self, ask: Ask) -> AnswerValue | Back | Pass:
        key = (ask.person or "", ask.question.id)
        if key == self.stop_at:
            raise Interrupted()
        self.asked.append((ask.person, ask.question.id))
        if ask.person == "The group":
            return self.agree[ask.question.id]  # type: ignore[return-value]
        value = self.answers.get(key, PASS)
        return value  # type: ignore[return-value]

    def hand_over(self, person: str) -> None:
        self.handed.append(person)

    def check_turn(self, person: str) -> bool:
        return True

    def end_turn(self, person: str, following: str | None, kept: bool = True) -> None:
        self.ended.append((person, following, kept))

    def show_reveal(self, reveal: Reveal) -> None:
        self.reveals.append(reveal)

    def show_step(self, step: Step, number: int, total: int) -> None:
        pass

    def countdown(self, seconds: int, tick: Callable[[int], None]) -> None:
        pass

    def contribute(
        self, person: str, prompt: str, earlier: list[str], save: Callable[[list[str]], None]
    ) -> None:
        save([*earlier, f"an idea from {person}"])

    def collect_actions(
        self,
        prompt: str,
        people: list[str],
        actions: list[Action],
        save: Callable[[list[Action]], None],
    ) -> None:
        save([*actions, Action(what="Meet again", who=[people[0]])])


@pytest.fixture
def tiny(tmp_path: Path) -> LoadedExercise:
    return load_exercise(write(tmp_path, "tiny.yaml", MINIMAL))


PEOPLE = ["Ana", "Ben", "Chi"]


def test_people_are_checked() -> None:
    assert check_people([" Ana ", "Ben  K"]) == ["Ana", "Ben K"]
    with pytest.raises(
        UsageProblem, match="A group session is for 2 to 12 people, and 1 was given"
    ):
        check_people(["Ana"])
    with pytest.raises(UsageProblem, match="and 13 were given"):
        check_people([f"P{n}" for n in range(13)])
    with pytest.raises(
        UsageProblem, match=r"Two people are called 'Ana'. Fix: add something to tell them apart"
    ):
        check_people(["Ana", "ana"])
    with pytest.raises(UsageProblem, match="Name 2 is empty"):
        check_people(["Ana", " ", "Ben"])


def test_bad_people_on_the_command_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["group", "--people", "Ana", "--answers", "x.yaml"])
    assert result.exit_code == 2
    assert result.output.startswith(
        "Error: A group session is for 2 to 12 people, and 1 was given."
    )
    result = runner.invoke(app, ["group", "--people", "Ana, Ben, ana", "--answers", "x.yaml"])
    assert "Two people are called 'Ana'" in result.output


def test_who_goes_first_moves_round() -> None:
    assert [rotation(PEOPLE, n) for n in range(4)] == [
        ["Ana", "Ben", "Chi"],
        ["Ben", "Chi", "Ana"],
        ["Chi", "Ana", "Ben"],
        ["Ana", "Ben", "Chi"],
    ]


def test_the_spread_and_worth_talking_about(tiny: LoadedExercise) -> None:
    q1, q2 = tiny.exercise.question("q1"), tiny.exercise.question("q2")
    assert q1 is not None and q2 is not None
    assert spread_of(q1, {"Ana": 1, "Ben": 3}) == (2, True)
    assert spread_of(q1, {"Ana": 2, "Ben": 3, "Chi": None}) == (1, False)
    assert spread_of(q1, {"Ana": 4, "Ben": None}) == (None, False)
    assert spread_of(q2, {"Ana": "yes", "Ben": "no"}) == (None, True)
    assert spread_of(q2, {"Ana": "yes", "Ben": "yes"}) == (None, False)


def test_the_middle_answer(tiny: LoadedExercise) -> None:
    q1, q5 = tiny.exercise.question("q1"), tiny.exercise.question("q5")
    assert q1 is not None and q5 is not None
    assert middle(q1, {"Ana": 1, "Ben": 2, "Chi": 5}) == 2
    assert middle(q1, {"Ana": 1, "Ben": 2, "Chi": None}) == 1.5
    assert middle(q5, {"Ana": "a", "Ben": "a", "Chi": "b"}) == "a"
    assert middle(q5, {"Ana": "a", "Ben": "b"}) is None


def run_group(
    tiny: LoadedExercise, prompter: FakeGroupPrompter, open_answers: bool = False
) -> tuple[GroupSession, list[GroupDraft]]:
    saved: list[GroupDraft] = []
    draft = new_group_draft(tiny, "g", "me", PEOPLE, False, open_answers)
    session = GroupSession(tiny, draft, on_change=lambda d: saved.append(d.model_copy(deep=True)))
    session.run(prompter)
    return session, saved


ANSWERS = {
    ("Ana", "q1"): 1,
    ("Ben", "q1"): 3,
    ("Chi", "q1"): 4,
    ("Ana", "q2"): "no",
    ("Ben", "q2"): "no",
    ("Chi", "q2"): "no",
    ("Ana", "q4"): 2,
    ("Ben", "q4"): 2,
    ("Ana", "q5"): "a",
    ("Ben", "q5"): "b",
    ("Chi", "q5"): "b",
}


def test_a_whole_session_turns_reveal_agree_and_record(tiny: LoadedExercise) -> None:
    prompter = FakeGroupPrompter(ANSWERS, agree={"q1": 4})
    session, saved = run_group(tiny, prompter)
    people_order = [p for p, q in prompter.asked if p != "The group"]
    assert people_order == [
        "Ana",
        "Ben",
        "Chi",  # q1
        "Ben",
        "Chi",
        "Ana",  # q2
        "Chi",
        "Ana",
        "Ben",  # q4 (q3 is hidden: the group said no to q2)
        "Ana",
        "Ben",
        "Chi",  # q5
    ]
    assert prompter.handed == people_order
    # q1 is shown again once the group has agreed, with the agreed answer
    assert [r.question.id for r in prompter.reveals] == ["q1", "q1", "q2", "q4", "q5"]
    assert prompter.reveals[0].agreed is None and prompter.reveals[1].agreed == "4"
    assert prompter.reveals[0].worth_talking_about and prompter.reveals[0].spread == 3
    record = session.record("my own practice")
    by_id = {q.question: q for q in record.questions}
    assert by_id["q1"].agreed is not None and by_id["q1"].agreed.answer == 4
    assert by_id["q1"].agreed.note == "We talked it through."
    assert by_id["q1"].group_answer == 4  # agreed beats the median (3)
    assert by_id["q4"].answers == {"Ana": 2, "Ben": 2, "Chi": None}  # Chi passed
    assert by_id["q5"].group_answer == "b"
    assert record.shares == {"Ana": 4, "Ben": 4, "Chi": 3}
    assert record.passes == {"Ana": 0, "Ben": 0, "Chi": 1}
    assert record.actions == [Action(what="Meet again", who=["Ana"])]
    assert record.scores is not None
    # saved as soon as each answer is given, and again as the turn moves on
    assert [(len(d.answers.get("q1", {})), d.turn) for d in saved[:6]] == [
        (1, 0),
        (1, 1),
        (2, 1),
        (2, 2),
        (3, 2),
        (3, 3),
    ]


def test_open_answers_skip_the_hand_over(tiny: LoadedExercise) -> None:
    prompter = FakeGroupPrompter(ANSWERS)
    run_group(tiny, prompter, open_answers=True)
    assert prompter.handed == []


def test_stopped_mid_turn_then_resumed_at_that_person_and_question(tiny: LoadedExercise) -> None:
    prompter = FakeGroupPrompter(ANSWERS)
    prompter.stop_at = ("Chi", "q2")  # q2's order is Ben, Chi, Ana
    saved: list[GroupDraft] = []
    draft = new_group_draft(tiny, "g", "me", PEOPLE, False, False)
    session = GroupSession(tiny, draft, on_change=lambda d: saved.append(d.model_copy(deep=True)))
    with pytest.raises(Interrupted):
        session.run(prompter)
    last = saved[-1]
    assert (last.position, last.turn) == (1, 1)
    assert last.answers["q2"] == {"Ben": "no"}
    again = FakeGroupPrompter(ANSWERS)
    GroupSession(tiny, last).run(again)
    assert again.asked[0] == ("Chi", "q2")
    assert again.asked[1] == ("Ana", "q2")


def test_a_guided_session(tmp_path: Path) -> None:
    loaded = load_exercise(ROOT / "exercises" / "four-steps.yaml")
    draft = new_group_draft(loaded, "g", "me", PEOPLE, False, False)
    session = GroupSession(loaded, draft)
    session.run(FakeGroupPrompter({}))
    record = session.record("this piece of work")
    assert [s.step for s in record.steps] == ["understand", "ideas", "together", "did-it-work"]
    assert record.steps[0].contributions == {p: [f"an idea from {p}"] for p in PEOPLE}
    assert record.shares == dict.fromkeys(PEOPLE, 4)


def group_file(folder: Path, extra: str = "") -> Path:
    return write(
        folder,
        "session.yaml",
        """
        people: [Ana, Ben, Chi]
        answers:
          Ana: {q1: 1, q2: "no", q4: 2, q5: a}
          Ben: {q1: 4, q2: "no", q4: pass, q5: b}
          Chi: {q1: 5, q2: "no", q4: 3, q5: b}
        agreed:
          q1: {answer: 4, note: We heard the reasons.}
        actions:
          - {what: Meet again, who: [Ana, Chi], when: 2026-12-31}
        """
        + extra,
    )


def test_a_session_from_an_answers_file(tmp_path: Path, isolated: Path) -> None:
    path = write(tmp_path, "tiny.yaml", MINIMAL)
    result = runner.invoke(app, ["group", str(path), "--answers", str(group_file(tmp_path))])
    assert result.exit_code == 0, result.output
    record = yaml.safe_load(next((isolated / "reflections").glob("*.yaml")).read_text())
    assert record["command"] == "group" and record["people"] == PEOPLE
    q1 = next(q for q in record["questions"] if q["question"] == "q1")
    assert q1["answers"] == {"Ana": 1, "Ben": 4, "Chi": 5}
    assert q1["spread"] == 4 and q1["worth_talking_about"] is True
    assert q1["agreed"] == {"answer": 4, "note": "We heard the reasons."}
    assert record["actions"][0]["who"] == ["Ana", "Chi"]
    report = next((isolated / "reflections").glob("*.md")).read_text()
    assert "| Question | Ana | Ben | Chi | Group |" in report
    assert "Where you saw things most differently" in report
    assert "- I do one thing. (4 points apart; an answer was agreed)" in report
    assert "- I do one thing.  \n  We heard the reasons." in report
    history = runner.invoke(app, ["history"]).output
    assert "Group: Ana, Ben, Chi" in history and "Skipped" not in history


def test_anonymous_saves_no_names(tmp_path: Path, isolated: Path) -> None:
    path = write(tmp_path, "tiny.yaml", MINIMAL)
    result = runner.invoke(
        app, ["group", str(path), "--answers", str(group_file(tmp_path)), "--anonymous"]
    )
    assert result.exit_code == 0, result.output
    for saved in (isolated / "reflections").iterdir():
        text = saved.read_text()
        for name in PEOPLE:
            assert name not in text, (saved.name, name)
        assert "Person 1" in text


def test_bad_group_answers_name_the_person_and_question(tmp_path: Path) -> None:
    path = write(tmp_path, "tiny.yaml", MINIMAL)
    session = (
        group_file(tmp_path)
        .read_text()
        .replace("Chi: {q1: 5", "Chi: {q1: 9")
        .replace("- {what: Meet again, who: [Ana, Chi]", "- {what: Meet again, who: [Zed]")
    )
    bad = write(tmp_path, "bad.yaml", session)
    result = runner.invoke(app, ["group", str(path), "--answers", str(bad)])
    assert result.exit_code == 1
    assert (
        "answers.Chi.q1: Chi, 'q1': '9' is not on the scale: use a whole number from 1 to 5."
        in result.output
    )
    assert "'Zed' is not one of the people (Ana, Ben, Chi)." in result.output


def test_markup_in_names_is_kept_literally(tmp_path: Path, isolated: Path) -> None:
    path = write(tmp_path, "tiny.yaml", MINIMAL)
    text = group_file(tmp_path).read_text().replace("Chi", "'[bold red]Chi\\x1b[2J'")
    session = write(
        tmp_path, "odd.yaml", text.replace("'[bold red]Chi\\x1b[2J'", '"[bold red]Chi\\x1b[2J"')
    )
    result = runner.invoke(app, ["group", str(path), "--answers", str(session)])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "[bold red]Chi\\x1b[2J" in result.output
    record = yaml.safe_load(next((isolated / "reflections").glob("*.yaml")).read_text())
    assert record["people"][2] == "[bold red]Chi\x1b[2J"


def test_guided_exercises_are_for_groups() -> None:
    result = runner.invoke(app, ["assess", "four-steps", "--answers", "x.yaml"])
    assert result.exit_code == 2
    assert (
        result.output
        == "Error: 'four-steps' is a guided exercise for a group. Fix: run it with: coprod group four-steps\n"
    )


def test_a_group_record_in_report_and_export(
    tmp_path: Path, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import csv
    import io

    path = write(tmp_path, "tiny.yaml", MINIMAL)
    assert (
        runner.invoke(app, ["group", str(path), "--answers", str(group_file(tmp_path))]).exit_code
        == 0
    )
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["report", "latest", "--to", "group.html"])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "group.html").read_text()
    assert "The spread, question by question" in page
    assert all(f"<th>{p}</th>" in page for p in PEOPLE) and "worth talking about" in page
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, ["export", "--anonymous"]).output)))
    q1 = [r for r in rows if r["question"] == "q1"]
    assert [(r["person"], r["answer"]) for r in q1] == [
        ("Person 1", "1"),
        ("Person 2", "4"),
        ("Person 3", "5"),
    ]
    assert any(r["answer"] == "passed" for r in rows)


def test_equal_widest_spreads_are_never_picked_by_chance() -> None:
    """42 questions all 4 points apart: naming 3 of them was chance, not a finding."""
    from coprod_toolkit.group import widest
    from coprod_toolkit.group_models import QuestionSpread

    def q(n: int, spread: float) -> QuestionSpread:
        return QuestionSpread(
            question=f"q{n}",
            section="s",
            text=f"Q{n}",
            answers={},
            spread=spread,
            worth_talking_about=spread >= 2,
            group_answer=None,
        )

    def record_of(spreads: list[float]) -> Any:
        return type("R", (), {"questions": [q(n, s) for n, s in enumerate(spreads)]})()

    assert widest(record_of([4] * 42)) == ([], 42)
    picked, tied = widest(record_of([4, 3, 3, 2, 2, 2]))
    assert ([p.question for p in picked], tied) == (["q0", "q1", "q2"], 0)
    picked, tied = widest(record_of([4, 3, 3, 3, 1]))  # the 3s do not fit: only the 4
    assert ([p.question for p in picked], tied) == (["q0"], 0)


def test_a_group_with_no_answer_that_counts_is_told_why_it_has_no_score(
    tmp_path: Path,
) -> None:
    path = tmp_path / "group.yaml"
    path.write_text(yaml.safe_dump({"people": ["Ana", "Ben"], "answers": {"Ana": {}, "Ben": {}}}))
    result = runner.invoke(app, ["group", "six-principles", "--answers", str(path), "--no-save"])
    assert result.exit_code == 0, result.output
    assert "The group overall: not scored" in result.output
    assert "No group answer counts towards a score: every question was passed" in (
        " ".join(result.output.split())
    )
