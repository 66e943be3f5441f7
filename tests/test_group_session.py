"""Group sessions, without a terminal: fairness, the shared wording, mistakes put right,
the group's own instruments (agree always, own statements, examples), timers and old files."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from coprod_toolkit.cli import app
from coprod_toolkit.group import (
    THE_GROUP,
    GroupSession,
    Reveal,
    balance,
    default_subject,
    group_minutes,
    middle,
    new_group_draft,
    spread_of,
)
from coprod_toolkit.history import read_record
from coprod_toolkit.loader import LoadedExercise, check_file, load_exercise
from coprod_toolkit.models import Action, AnswerValue, GroupDraft, GroupRecord, Step
from coprod_toolkit.prompts import PlainPrompter, TerminalPrompter
from coprod_toolkit.report import group_lines, group_markdown
from coprod_toolkit.session import BACK, PASS, Ask, Back, Pass
from coprod_toolkit.storage import Store
from tests.conftest import MINIMAL, ROOT, write

runner = CliRunner()
PEOPLE = ["Ana", "Ben", "Chi"]
OLD = ROOT / "tests" / "fixtures" / "group-old"

AUDIT = """
id: audit
title: Group audit
summary: A group audit for tests.
minutes: 5
agree: always
subjects:
  me: my own practice
  together: our work together
scales:
  ten: {min: 1, max: 10, labels: {1: Not at all, 10: Fully}}
group_adds:
  scale: ten
  most: 1
sections:
  - id: voice
    title: Voice
    description: About who is heard.
    questions:
      - id: heard
        type: scale
        scale: ten
        text:
          me: I am heard.
          together: In our work together, everyone is heard.
        evidence: What shows this?
      - id: paid
        type: scale
        scale: ten
        text: People are paid for their time.
"""


class Script:
    """A group prompter that follows a script: answers by (person, question), menu choices
    in order, and records everything it was asked to show."""

    def __init__(
        self,
        answers: dict[tuple[str, str], object],
        menu: list[str] | None = None,
        texts: list[str] | None = None,
    ) -> None:
        self.answers = dict(answers)
        self.menu = list(menu or [])
        self.texts = list(texts or [])
        self.asks: list[Ask] = []
        self.reveals: list[Reveal] = []
        self.said: list[str] = []
        self.countdowns: list[int] = []
        self.checks: list[bool] = []

    def say(self, text: str = "") -> None:
        self.said.append(text)

    def text(self, message: str, default: str | None = None, note: str = "") -> str:
        return self.texts.pop(0) if self.texts else ""

    def choose(self, message: str, options: list[tuple[str, str]]) -> str:
        wanted = self.menu.pop(0) if self.menu else options[0][0]
        assert wanted in [value for value, _ in options], (wanted, options)
        return wanted

    def ask(self, ask: Ask) -> AnswerValue | Back | Pass:
        self.asks.append(ask)
        key = (ask.person or "", ask.question.id)
        value = self.answers.get(key, PASS)
        if isinstance(value, list) and value and isinstance(value[0], (Back, Pass, int, str)):
            value = value.pop(0) if len(value) > 1 else value[0]  # a sequence of replies
        return value  # type: ignore[return-value]

    def hand_over(self, person: str) -> None:
        pass

    def check_turn(self, person: str) -> bool:
        return self.checks.pop(0) if self.checks else True

    def end_turn(self, person: str, following: str | None, kept: bool = True) -> None:
        pass

    def show_reveal(self, reveal: Reveal) -> None:
        self.reveals.append(reveal)

    def show_step(self, step: Step, number: int, total: int) -> None:
        pass

    def countdown(self, seconds: int, tick: Callable[[int], None]) -> None:
        self.countdowns.append(seconds)

    def contribute(
        self, person: str, prompt: str, earlier: list[str], save: Callable[[list[str]], None]
    ) -> None:
        pass

    def collect_actions(
        self,
        prompt: str,
        people: list[str],
        actions: list[Action],
        save: Callable[[list[Action]], None],
    ) -> None:
        pass


@pytest.fixture
def tiny(tmp_path: Path) -> LoadedExercise:
    return load_exercise(write(tmp_path, "tiny.yaml", MINIMAL))


@pytest.fixture
def audit(tmp_path: Path) -> LoadedExercise:
    return load_exercise(write(tmp_path, "audit.yaml", AUDIT))


def session(loaded: LoadedExercise, open_answers: bool = False, about: str = "me") -> GroupSession:
    return GroupSession(loaded, new_group_draft(loaded, "g", about, PEOPLE, False, open_answers))


# ---------------------------------------------------------------- a fair record


def test_the_balance_is_a_question_for_the_group_and_shames_no_one() -> None:
    uneven = balance({"Ana": 9, "Ben": 8, "Chi": 1}, {"Ana": 0, "Ben": 0, "Chi": 4})
    assert uneven[0] == "Answers and ideas given: Ana 9, Ben 8, Chi 1."
    assert uneven[1] == (
        "There were 4 passes in all. Passing is everyone's right: "
        "no one has to answer or add anything."
    )
    assert "Did everyone get the chance they wanted?" in uneven[2]
    for line in uneven[1:]:
        assert not any(name in line for name in ("Ana", "Ben", "Chi"))  # no one is named
    assert "fewer than half" not in " ".join(uneven)
    even = balance({"Ana": 3, "Ben": 3}, {"Ana": 0, "Ben": 0})
    assert even == [
        "Answers and ideas given: Ana 3, Ben 3.",
        "Did everyone get the chance they wanted?",
    ]
    one = balance({"Ana": 2, "Ben": 2}, {"Ana": 1, "Ben": 0})
    assert one[1].startswith("There was 1 pass in all.")


def test_passes_are_kept_apart_from_contributions(tiny: LoadedExercise) -> None:
    s = session(tiny)
    s.draft.answers = {"q1": {"Ana": 2, "Ben": None, "Chi": 4}, "q2": {"Ana": "yes", "Ben": None}}
    s.draft.contributions = {"x": {"Ana": ["one", "two"], "Chi": []}}
    assert s.shares() == {"Ana": 4, "Ben": 0, "Chi": 1}
    assert s.passes() == {"Ana": 0, "Ben": 2, "Chi": 1}
    record = s.record("my own practice")
    lines = [line.text for line in group_lines(record)]
    assert "Answers and ideas given: Ana 4, Ben 0, Chi 1." in lines
    assert not any("Ben" in line and "pass" in line for line in lines)


# ---------------------------------------------------------------- the shared wording


def test_a_group_answers_about_its_shared_work_when_the_exercise_allows() -> None:
    assert default_subject({"me": "x", "together": "our work together"}, None) == "together"
    assert default_subject({"me": "x", "together": "y"}, "me") is None  # --about still wins
    assert default_subject({"me": "x", "service": "y"}, None) is None


def test_coprod_group_uses_the_together_wording_by_default(tmp_path: Path, isolated: Path) -> None:
    path = write(tmp_path, "audit.yaml", AUDIT)
    answers = write(
        tmp_path,
        "session.yaml",
        """
        people: [Ana, Ben]
        topic: The carers' cafe
        answers:
          Ana: {heard: 7, paid: 2}
          Ben: {heard: 9, paid: 4}
        notes:
          Ana: {heard: The rota}
        """,
    )
    result = runner.invoke(app, ["group", str(path), "--answers", str(answers)])
    assert result.exit_code == 0, result.output
    record = yaml.safe_load(next((isolated / "reflections").glob("*.yaml")).read_text())
    assert record["about"] == "together" and record["about_label"] == "our work together"
    assert record["questions"][0]["text"] == "In our work together, everyone is heard."
    assert record["topic"] == "The carers' cafe"
    assert record["questions"][0]["notes"] == {"Ana": "The rota"}
    report = next((isolated / "reflections").glob("*.md")).read_text()
    assert "- **The piece of work:** The carers' cafe" in report
    result = runner.invoke(app, ["group", str(path), "--answers", str(answers), "--about", "me"])
    assert result.exit_code == 0, result.output
    bad = write(tmp_path, "bad.yaml", answers.read_text().replace("{heard: The rota}", "{paid: x}"))
    result = runner.invoke(app, ["group", str(path), "--answers", str(bad)])
    assert result.exit_code == 1
    assert "'paid' does not ask for an example. Fix: give notes only for" in result.output


def test_the_group_time_counts_everyone(tiny: LoadedExercise, tmp_path: Path) -> None:
    assert tiny.exercise.minutes == 2 and len(list(tiny.exercise.questions())) == 5
    # its own pace: 2 minutes over 5 questions is 0.4 a person; plus a minute to talk
    assert group_minutes(tiny.exercise, 3) == 11  # 5 x (3 x 0.4 + 1)
    # no minutes given: half a minute a person (the default 15 would give 47 for 2 questions)
    short = load_exercise(
        write(tmp_path, "short.yaml", MINIMAL.replace("minutes: 2\n", ""))
    ).exercise
    assert "minutes" not in short.model_fields_set
    assert group_minutes(short, 3) == 13  # ceil(5 x (3 x 0.5 + 1)) = ceil(12.5)
    guided = load_exercise(ROOT / "exercises" / "four-steps.yaml").exercise
    assert group_minutes(guided, 6) == guided.minutes


def test_everyone_sees_a_sections_explanation_in_a_private_turn(tiny: LoadedExercise) -> None:
    private = Script({})
    session(tiny).run(private)
    firsts = [a.person for a in private.asks if a.question.id == "q1" and a.new_section]
    assert firsts == PEOPLE
    together = Script({})
    session(tiny, open_answers=True).run(together)
    assert [a.person for a in together.asks if a.question.id == "q1" and a.new_section] == ["Ana"]


# ---------------------------------------------------------------- "don't know" answers


def test_dont_know_is_like_a_pass_for_the_spread_and_the_middle(tiny: LoadedExercise) -> None:
    q1 = tiny.exercise.question("q1")
    assert q1 is not None
    assert spread_of(q1, {"Ana": 1, "Ben": "unknown", "Chi": 3}) == (2, True)
    assert middle(q1, {"Ana": 1, "Ben": "unknown", "Chi": 3}) == 2
    assert spread_of(q1, {"Ana": "unknown", "Ben": "unknown"}) == (None, False)
    assert middle(q1, {"Ana": "unknown", "Ben": "unknown"}) is None
    s = session(tiny)
    s.draft.answers = {"q1": {"Ana": 4, "Ben": "unknown", "Chi": None}}
    rows = dict(s.reveal(q1).rows)
    assert rows["Ana"] == "4" and rows["Chi"] == "passed"
    assert rows["Ben"] != "unknown" and ("know" in rows["Ben"] or "apply" in rows["Ben"])
    assert s.shares()["Ben"] == 1 and s.passes()["Ben"] == 0  # they took part


# ---------------------------------------------------------------- mistakes put right


def test_back_within_a_turn_changes_the_answer_before_the_reveal(audit: LoadedExercise) -> None:
    script = Script(
        {
            ("Ana", "heard"): [3, 8],  # first 3, then (after going back) 8
            ("Ana", "heard-note"): [BACK, "The minutes"],
            ("Ben", "heard"): 6,
            ("Chi", "heard"): 6,
            (THE_GROUP, "heard"): 7,
        },
        texts=["We heard everyone"],
    )
    s = session(audit)
    s.exercise.sections[0].questions[1:] = []  # one question is enough here
    script.checks = [False, True]  # Ana also looks again at the end of her turn
    s.run(script)
    anas = [a for a in script.asks if a.person == "Ana"]
    assert [a.question.id for a in anas] == [
        "heard",
        "heard-note",
        "heard",  # back from the example
        "heard-note",
        "heard-note",  # back from the last look, one step at a time
    ]
    assert anas[2].answered and anas[2].current == 3 and anas[2].private
    assert s.draft.answers["heard"] == {"Ana": 8, "Ben": 6, "Chi": 6}
    assert s.draft.notes["heard"] == {"Ana": "The minutes"}


def test_anyone_can_be_corrected_after_the_reveal_with_their_say(tiny: LoadedExercise) -> None:
    script = Script(
        {("Ana", "q1"): [1, 4], ("Ben", "q1"): 2, ("Chi", "q1"): 2},
        menu=["correct", "Ben", "no", "correct", "Ana", "yes", "next"],
    )
    s = session(tiny)
    s.exercise.sections[0].questions[1:] = []
    s.exercise.sections[1:] = []
    s.run(script)
    assert s.draft.answers["q1"] == {"Ana": 4, "Ben": 2, "Chi": 2}  # Ben said no: unchanged
    assert [r.rows[0] for r in script.reveals] == [
        ("Ana", "1 (Not true)"),
        ("Ana", "1 (Not true)"),  # shown again after Ben said no
        ("Ana", "4"),
    ]


def test_agreeing_on_a_question_with_no_spread(tiny: LoadedExercise) -> None:
    script = Script(
        {("Ana", "q1"): 3, ("Ben", "q1"): 3, ("Chi", "q1"): 3, (THE_GROUP, "q1"): 2},
        menu=["agree", "next"],
        texts=["We were too kind"],
    )
    s = session(tiny)
    s.exercise.sections[0].questions[1:] = []
    s.exercise.sections[1:] = []
    s.run(script)
    assert script.reveals[0].spread == 0 and not script.reveals[0].worth_talking_about
    record = s.record("my own practice")
    assert record.questions[0].agreed is not None
    assert (record.questions[0].agreed.answer, record.questions[0].agreed.note) == (
        2,
        "We were too kind",
    )
    assert record.questions[0].group_answer == 2  # not the middle (3)
    # ... and an agreed answer can be taken off again: passing removes it
    s2 = session(tiny)
    s2.exercise.sections[0].questions[1:] = []
    s2.exercise.sections[1:] = []
    again = Script(
        {("Ana", "q1"): 3, ("Ben", "q1"): 3, (THE_GROUP, "q1"): [2, PASS]},
        menu=["agree", "agree", "next"],
    )
    s2.run(again)
    assert "q1" not in s2.draft.agreed


# ---------------------------------------------------------------- the group's own instruments


def test_agree_always_asks_the_group_at_every_question(audit: LoadedExercise) -> None:
    script = Script(
        {
            ("Ana", "heard"): 5,
            ("Ben", "heard"): 5,
            ("Chi", "heard"): 5,
            (THE_GROUP, "heard"): 6,
            (THE_GROUP, "paid"): PASS,
        },
    )
    s = session(audit)
    s.run(script)
    group_asks = [a.question.id for a in script.asks if a.person == THE_GROUP]
    assert group_asks == ["heard", "paid"]  # even with no spread at all
    assert s.draft.agreed["heard"].answer == 6 and "paid" not in s.draft.agreed


def test_a_group_adds_its_own_statement_and_it_is_scored(audit: LoadedExercise) -> None:
    script = Script(
        {
            ("Ana", "heard"): 4,
            ("Ben", "heard"): 6,
            ("Chi", "heard"): 8,
            (THE_GROUP, "heard"): 6,
            ("Ana", "paid"): 1,
            ("Ben", "paid"): 1,
            ("Chi", "paid"): 1,
            (THE_GROUP, "paid"): 1,
            (THE_GROUP, "added-1"): 10,
        },
        menu=["next", "add", "next"],
        texts=["", "", "Meetings are at times that suit everyone"],  # two agreed notes first
    )
    s = session(audit, about="together")
    s.run(script)
    add_menu = script.asks[-1]
    assert add_menu.question.id == "added-1" and add_menu.person == THE_GROUP
    record = s.record("our work together")
    added = [q for q in record.questions if q.added]
    assert [(q.text, q.group_answer, q.group_shown) for q in added] == [
        ("Meetings are at times that suit everyone", 10, "10 (Fully)")
    ]
    # Hand-computed: on 1-10, 6 is 5/9, 1 is 0/9 and 10 is 9/9 of the way: 14/27 = 51.85%.
    assert record.scores is not None
    assert record.scores.sections[0].raw == 6 + 1 + 10
    assert round(record.scores.sections[0].percent or 0, 1) == 51.9
    # the section was full (most: 1), so no second offer
    assert not any(a.question.id == "added-2" for a in script.asks)
    text = group_markdown(record)
    assert "Meetings are at times that suit everyone (added by the group)" in text
    lines = [line.text for line in group_lines(record)]
    assert "- Meetings are at times that suit everyone: 10 (Fully)" in lines


def test_an_example_belongs_to_its_rating_and_is_kept(audit: LoadedExercise) -> None:
    script = Script(
        {
            ("Ana", "heard"): 4,
            ("Ana", "heard-note"): "  The rota   we wrote ",
            ("Ben", "heard"): 6,
            ("Ben", "heard-note"): None,  # the example is optional
            ("Chi", "heard"): 8,
        },
    )
    s = session(audit)
    s.run(script)
    notes = [a for a in script.asks if a.question.id == "heard-note"]
    assert [a.person for a in notes] == PEOPLE and all(a.note_for is not None for a in notes)
    assert not any(a.question.id == "paid-note" for a in script.asks)  # no evidence asked there
    assert script.reveals[0].notes == [("Ana", "The rota we wrote")]
    record = s.record("x")
    assert record.questions[0].notes == {"Ana": "The rota we wrote"}
    assert "  - **Ana:** The rota we wrote" in group_markdown(record)


def test_the_group_knobs_are_checked(tmp_path: Path) -> None:
    bad = AUDIT.replace("  scale: ten\n  most: 1", "  scale: eleven\n  sections: [nowhere]")
    bad = bad.replace(
        "        text: People are paid", "        evidence: Why?\n        text: People are paid"
    )
    bad += "      - {id: words, type: text, text: Anything else?, evidence: Why?}\n"
    _, problems = check_file(write(tmp_path, "bad.yaml", bad))
    messages = [p.message for p in problems]
    assert any("there is no scale called 'eleven'" in m for m in messages)
    assert any("there is no section 'nowhere' (sections: voice)" in m for m in messages)
    assert any("a free-text question is already its own note" in m for m in messages)


def test_group_results_name_the_sections_to_work_on(tmp_path: Path) -> None:
    loaded = load_exercise(ROOT / "exercises" / "six-principles.yaml")
    s = GroupSession(loaded, new_group_draft(loaded, "g", "me", ["Ana", "Ben"], False, False))
    for section, q in loaded.exercise.questions():
        if q.type == "scale":
            value = 1 if section.id == loaded.exercise.sections[0].id else 4
            s.draft.answers[q.id] = {"Ana": value, "Ben": value}
    record = s.record("my own practice")
    work_on = [line.text for line in group_lines(record) if line.text.startswith("To work on:")]
    assert len(work_on) == 1 and loaded.exercise.sections[0].title in work_on[0]


# ---------------------------------------------------------------- timers


def test_resume_keeps_the_talking_time_that_was_left() -> None:
    loaded = load_exercise(ROOT / "exercises" / "four-steps.yaml")
    draft = new_group_draft(loaded, "g", "me", ["Ana", "Ben"], False, False)
    draft.time_left = 125
    script = Script({})
    GroupSession(loaded, draft).run(script)
    minutes = [s.minutes or 0 for s in loaded.exercise.steps]
    assert script.countdowns == [125] + [m * 60 for m in minutes[1:]]
    done = new_group_draft(loaded, "g", "me", ["Ana", "Ben"], False, False)
    done.time_left = 0  # the talk was over when the group stopped: straight to the round
    again = Script({})
    GroupSession(loaded, done).run(again)
    assert again.countdowns == [m * 60 for m in minutes[1:]]


def test_plain_time_is_announced_at_a_few_moments_only() -> None:
    said: list[str] = []
    prompter = PlainPrompter(write=said.append)
    moments: set[str] = set()
    for left in range(900, -1, -1):
        prompter._timer_moment(900, left, moments)
    assert said == [
        "Half the time has gone: about 8 minutes left.",
        "1 minute left.",
        "Time is up. Press Enter when the group is ready to go round and add ideas.",
    ]


def test_the_live_timer_is_one_line_that_fits_80_columns(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(
        shutil, "get_terminal_size", lambda *a: __import__("os").terminal_size((80, 24))
    )
    prompter = TerminalPrompter()
    moments: set[str] = set()
    for left in (905, 61, 1, 0, 0):
        prompter._timer_moment(905, left, moments)
    out = capsys.readouterr().out
    assert "\n" not in out
    lines = out.split("\r")[1:]
    assert lines[0].startswith("Time to talk: 15:05 left.") and lines[2].startswith(
        "Time to talk: 0:01"
    )
    assert all(len(line.rstrip("\a")) == 79 for line in lines)
    assert lines[3].startswith("Time is up.") and out.count("\a") == 1  # the bell rings once


def test_time_up_still_waits_for_the_group() -> None:
    said: list[str] = []
    up = threading.Event()

    def write(text: str) -> None:
        said.append(text)
        if text.startswith("Time is up"):
            up.set()

    def read(prompt: str) -> str:
        assert up.wait(30)
        return ""

    ticks: list[int] = []
    PlainPrompter(read=read, write=write).countdown(1, ticks.append)
    assert ticks[0] == 1
    assert said[-1].startswith("Time is up")


# ---------------------------------------------------------------- ideas and actions


def test_ideas_can_be_changed_or_taken_out() -> None:
    typed = iter(
        [
            "First idea",
            "Second idea",
            "change",
            "1",
            "Better first idea",
            "change",
            "2",
            "remove",
            "",
        ]
    )
    saved: list[list[str]] = []
    PlainPrompter(read=lambda prompt: next(typed), write=lambda text: None).contribute(
        "Ana", "What do you think?", [], saved.append
    )
    assert saved[-1] == ["Better first idea"]


def test_change_with_nothing_to_change_is_not_an_idea() -> None:
    """'change' typed first was saved as an idea called 'change'."""
    typed = iter(["change", "A real idea", ""])
    heard: list[str] = []
    saved: list[list[str]] = []
    PlainPrompter(read=lambda prompt: next(typed), write=heard.append).contribute(
        "Ana", "What do you think?", [], saved.append
    )
    assert saved == [["A real idea"]]
    assert any(
        "There is nothing to change yet. Type an idea, or press Enter to pass." in h for h in heard
    )


# ---------------------------------------------------------------- old files


def test_drafts_and_records_from_before_still_load(tmp_path: Path) -> None:
    store = Store(tmp_path / "home")
    (store.root / "drafts").mkdir(parents=True)
    copy = store.root / "drafts" / "2026-11-20-1000-placement.yaml"
    shutil.copy(OLD / "draft.yaml", copy)
    draft = store.load_draft(copy)
    assert isinstance(draft, GroupDraft)
    assert (draft.turn, draft.topic, draft.plain, draft.time_left, draft.notes) == (
        3,
        None,
        False,
        None,
        {},
    )
    record = read_record(OLD / "record.yaml")
    assert isinstance(record, GroupRecord)
    assert record.passes == {} and record.topic is None
    assert record.questions[0].notes == {} and not record.questions[0].added
    assert "Did everyone get the chance they wanted?" in group_markdown(record)
    # and the old draft carries on: Chi passed, the reveal comes next
    loaded = load_exercise(ROOT / "exercises" / "placement.yaml")
    script = Script({})
    GroupSession(loaded, draft).run(script)
    assert script.reveals[0].question.id == "where"
    assert dict(script.reveals[0].rows)["Chi"] == "passed"


# ---------------------------------------------------------------- the same machinery alone


def test_a_person_alone_gives_the_example_in_the_same_step(tmp_path: Path) -> None:
    from coprod_toolkit.report import markdown
    from coprod_toolkit.session import AssessSession, new_draft
    from tests.test_session import FakePrompter

    loaded = load_exercise(write(tmp_path, "audit.yaml", AUDIT))
    # heard: 4, then back from the example to change it to 5, then the example; paid: 2
    prompter = FakePrompter([4, BACK, 5, "Minutes of the last meeting", 2], review=[0, None])
    prompter.replies += [5, ""]  # from the review: the answer is kept, the example taken out
    s = AssessSession(loaded, new_draft(loaded, "run", "me", "Ana"))
    s.run(prompter)
    kinds = [(a.question.id, a.note_for is not None) for a in prompter.asked]
    assert kinds[:5] == [
        ("heard", False),
        ("heard-note", True),
        ("heard", False),
        ("heard-note", True),
        ("paid", False),
    ]
    assert prompter.asked[2].current == 4 and prompter.asked[3].can_go_back
    assert s.draft.answers == {"heard": 5, "paid": 2}
    assert s.draft.notes == {}  # taken out at the review
    prompter2 = FakePrompter([3, "The rota", 1])
    s2 = AssessSession(loaded, new_draft(loaded, "run", "me", "Ana"))
    s2.run(prompter2)
    reflection = s2.reflection("my own practice")
    assert reflection.answers[0].note == "The rota" and reflection.answers[1].note is None
    assert "  Example: The rota" in markdown(reflection, loaded.exercise)


def test_the_group_audit_in_the_authoring_guide_adds_up(tmp_path: Path) -> None:
    guide = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    body = guide.split("```yaml\nid: group-audit\n")[1].split("```")[0]
    loaded = load_exercise(write(tmp_path, "audit.yaml", "id: group-audit\n" + body))
    script = Script(
        {
            ("Ana", "heard"): 5,
            ("Ana", "heard-note"): "The rota",
            ("Ben", "heard"): 7,
            ("Ben", "heard-note"): "Minutes",
            ("Chi", "heard"): 6,
            ("Chi", "heard-note"): "The cafe",
            (THE_GROUP, "heard"): 6,
            ("Ana", "paid"): 2,
            ("Ben", "paid"): 2,
            ("Chi", "paid"): 2,
            (THE_GROUP, "paid"): 2,
            (THE_GROUP, "added-1"): 10,
        },
        menu=["next", "add", "next"],
        texts=["", "", "Meetings are at times that suit everyone"],
    )
    s = session(loaded, about="together")
    s.run(script)
    record = s.record("our work together")
    assert record.scores is not None
    section = record.scores.sections[0]
    assert (section.raw, section.min, section.max) == (18, 3, 30)
    assert round(section.percent or 0) == 56
    assert record.questions[0].notes == {"Ana": "The rota", "Ben": "Minutes", "Chi": "The cafe"}


def test_the_html_record_shows_examples_own_statements_and_the_piece_of_work(
    audit: LoadedExercise,
) -> None:
    from coprod_toolkit.report_html import group_html_report

    script = Script(
        {
            ("Ana", "heard"): 4,
            ("Ana", "heard-note"): "The <rota>",
            (THE_GROUP, "added-1"): 7,
        },
        menu=["next", "add", "next"],
        texts=["We meet where it suits"],  # the group passed both agreed answers: no notes
    )
    s = session(audit)
    s.draft.topic = "The carers' cafe"
    s.run(script)
    page = group_html_report(s.record("x"))
    assert "The piece of work: The carers&#x27; cafe" in page
    assert "<strong>Ana:</strong> The &lt;rota&gt;" in page
    assert "We meet where it suits (added by the group)" in page


def test_dont_know_is_shown_by_the_scales_own_label(tmp_path: Path) -> None:
    from coprod_toolkit.models import Scale

    if "unknown" not in Scale.model_fields:
        pytest.skip("this version's scales have no 'does not apply' answer")
    text = AUDIT.replace(
        "labels: {1: Not at all, 10: Fully}}",
        "labels: {1: Not at all, 10: Fully}, unknown: Not for us}",
    )
    loaded = load_exercise(write(tmp_path, "audit.yaml", text))
    s = session(loaded)
    heard = loaded.exercise.question("heard")
    assert heard is not None
    s.draft.answers = {"heard": {"Ana": 3, "Ben": "unknown", "Chi": 9}}
    reveal = s.reveal(heard)
    assert dict(reveal.rows)["Ben"] == "Not for us"
    assert reveal.spread == 6 and middle(heard, s.draft.answers["heard"]) == 6


def test_six_principles_in_a_group_is_about_the_groups_shared_work(isolated: Path) -> None:
    six = load_exercise(ROOT / "exercises" / "six-principles.yaml").exercise
    if "together" not in six.subjects:
        pytest.skip("six-principles has no 'together' wording in this version")
    answers = write(isolated.parent, "empty.yaml", "people: [Ana, Ben]\n")
    result = runner.invoke(app, ["group", "six-principles", "--answers", str(answers)])
    assert result.exit_code == 0, result.output
    record = yaml.safe_load(next((isolated / "reflections").glob("*.yaml")).read_text())
    assert record["about"] == "together"
    first = next(q for _, q in six.questions())
    assert record["questions"][0]["text"] == six.wording(first, "together")


def test_a_group_reflects_on_shared_work_unless_the_exercise_names_subjects(
    tiny: LoadedExercise, tmp_path: Path
) -> None:
    from coprod_toolkit.group import subject_label

    assert subject_label(tiny.exercise, "service") == "my service"  # named: kept
    # no subjects in the file: the default 'my own practice' is one person's words
    bare_file = """
        id: bare
        title: Bare
        summary: No subjects named.
        sections:
          - id: one
            title: One
            questions:
              - {id: q, type: scale, text: We share decisions., scale: {min: 1, max: 5}}
        """
    bare = load_exercise(write(tmp_path, "bare.yaml", bare_file)).exercise
    assert "subjects" not in bare.model_fields_set
    assert subject_label(bare, "me") == "your shared work"
    six = load_exercise(ROOT / "exercises" / "six-principles.yaml").exercise
    assert subject_label(six, "together") == six.subjects["together"]
    assert subject_label(six, "service") == six.subjects["service"]


def test_the_groups_own_answer_is_not_asked_as_a_persons() -> None:
    from coprod_toolkit.group import THE_GROUP

    six = load_exercise(ROOT / "exercises" / "six-principles.yaml").exercise
    section, q = next(iter(six.questions()))
    base = dict(
        exercise=six, section=section, question=q, text="t", number=1, total=1,
        current=None, answered=False, can_go_back=False, new_section=False, can_pass=True,
    )  # fmt: skip
    group = Ask(**base, person=THE_GROUP, for_group=True)  # type: ignore[arg-type]
    person = Ask(**base, person="Ana")  # type: ignore[arg-type]
    assert group.heading == "The group's answer, agreed together:"
    assert group.pass_words == "No agreed answer (leave it out)"
    assert person.heading == "Ana, your answer:" and person.pass_words == "Pass"
    lines: list[str] = []

    def read(prompt: str) -> str:
        lines.append(prompt)
        return "3"

    PlainPrompter(read=read, write=lines.append).ask(group)
    assert "The group's answer, agreed together:" in lines
    assert not any("The group, your answer" in line for line in lines)
    assert any("'p' for no agreed answer" in line for line in lines)


@pytest.mark.parametrize(
    ("seconds", "promised", "heard"),
    [
        (
            60,
            "About 1 minute to talk. You will hear when time is up.",
            ["Time is up. Press Enter when the group is ready to go round and add ideas."],
        ),
        (
            180,
            "About 3 minutes to talk. You will hear when 1 minute is left and when time is up.",
            [
                "1 minute left.",
                "Time is up. Press Enter when the group is ready to go round and add ideas.",
            ],
        ),
        (
            300,
            "About 5 minutes to talk. You will hear when half the time has gone, "
            "when 1 minute is left and when time is up.",
            [
                "Half the time has gone: about 3 minutes left.",
                "1 minute left.",
                "Time is up. Press Enter when the group is ready to go round and add ideas.",
            ],
        ),
    ],
)
def test_a_plain_timer_promises_only_the_moments_it_says(
    seconds: int, promised: str, heard: list[str]
) -> None:
    """A 1-minute talk promised a half-time call and a '1 minute left' it never made."""
    import threading

    said: list[str] = []
    prompter = PlainPrompter(write=said.append)
    done = threading.Event()
    done.set()  # the group pressed Enter at once: only the announcement is said
    prompter._count(seconds, lambda left: None, lambda: None, done, [])
    assert promised in said
    moments: set[str] = set()
    said.clear()
    for left in range(seconds, -1, -1):
        prompter._timer_moment(seconds, left, moments)
    assert said == heard
