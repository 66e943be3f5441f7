"""A small group doing an exercise together at one screen, everyone as an equal.

Each person answers in turn, in private unless the group chooses to be open;
who goes first moves round from question to question. Then the answers are
shown side by side, and where they differ the group can agree an answer or
keep the difference. Guided exercises go step by step, with a round in which
each person adds what they want. The draft is saved after every answer and
every contribution, so a session can stop at any moment and carry on later
with the same person at the same question.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Protocol

from coprod_toolkit.answers import shown
from coprod_toolkit.errors import UsageProblem
from coprod_toolkit.loader import LoadedExercise
from coprod_toolkit.models import (
    Action,
    Agreed,
    AnswerValue,
    Exercise,
    ExerciseRef,
    GroupDraft,
    GroupRecord,
    QuestionBase,
    QuestionSpread,
    ScaleQuestion,
    Section,
    Step,
    StepRecord,
    TextQuestion,
)
from coprod_toolkit.scoring import score, verdict, visible
from coprod_toolkit.session import Ask, Back, Pass, now

MIN_PEOPLE = 2
MAX_PEOPLE = 12
MAX_NAME = 40
SPREAD_WORTH_TALKING = 2


def check_people(names: list[str]) -> list[str]:
    """Tidy the names given for a group, or raise UsageProblem saying what to change."""
    people = [" ".join(n.split()) for n in names]
    for number, name in enumerate(people, 1):
        if not name:
            raise UsageProblem(
                f"Name {number} is empty. Fix: give every person a name, separated by commas, "
                'like --people "Ana, Ben, Chi".'
            )
        if len(name) > MAX_NAME:
            raise UsageProblem(
                f"'{name[:20]}…' is a long name. Fix: use at most {MAX_NAME} characters."
            )
    if not MIN_PEOPLE <= len(people) <= MAX_PEOPLE:
        raise UsageProblem(
            f"A group session is for {MIN_PEOPLE} to {MAX_PEOPLE} people, and {len(people)} "
            f"{'was' if len(people) == 1 else 'were'} given. Fix: name between {MIN_PEOPLE} and "
            f"{MAX_PEOPLE} people; for one person, use coprod assess."
        )
    seen: dict[str, str] = {}
    for name in people:
        key = name.casefold()
        if key in seen:
            raise UsageProblem(
                f"Two people are called '{name}'. Fix: add something to tell them apart, "
                f"like '{name} K' and '{name} M'."
            )
        seen[key] = name
    return people


def anonymous_names(count: int) -> list[str]:
    return [f"Person {n}" for n in range(1, count + 1)]


def rotation(people: list[str], position: int) -> list[str]:
    """Who answers in which order at a question: the first person moves round each time."""
    start = position % len(people)
    return people[start:] + people[:start]


def spread_of(q: QuestionBase, answers: dict[str, AnswerValue]) -> tuple[float | None, bool]:
    """(highest minus lowest, worth talking about?) for one question's answers."""
    given = [a for a in answers.values() if a is not None]
    if isinstance(q, TextQuestion) or len(given) < 2:
        return None, False
    if isinstance(q, ScaleQuestion):
        numbers = [float(a) for a in given if isinstance(a, int | float)]
        spread = max(numbers) - min(numbers)
        return spread, spread >= SPREAD_WORTH_TALKING
    distinct = {tuple(a) if isinstance(a, list) else a for a in given}
    return None, len(distinct) > 1


def middle(q: QuestionBase, answers: dict[str, AnswerValue]) -> AnswerValue:
    """The group's answer when none was agreed: the median of a scale, else the most common."""
    given = [a for a in answers.values() if a is not None]
    if not given or isinstance(q, TextQuestion):
        return None
    if isinstance(q, ScaleQuestion):
        value = statistics.median(float(a) for a in given if isinstance(a, int | float))
        return int(value) if value.is_integer() else value
    counts = Counter(tuple(a) if isinstance(a, list) else a for a in given).most_common()
    if len(counts) > 1 and counts[0][1] == counts[1][1]:
        return None  # a tie: no single answer speaks for the group
    top = counts[0][0]
    return list(top) if isinstance(top, tuple) else top


@dataclass(frozen=True)
class Reveal:
    question: QuestionBase
    text: str
    rows: list[tuple[str, str]]  # (person, answer as shown)
    spread: float | None
    worth_talking_about: bool


class GroupPrompter(Protocol):
    def say(self, text: str = "") -> None: ...

    def text(self, message: str, default: str | None = None, note: str = "") -> str: ...

    def choose(self, message: str, options: list[tuple[str, str]]) -> str: ...

    def ask(self, ask: Ask) -> AnswerValue | Back | Pass: ...

    def hand_over(self, person: str) -> None:
        """Private turns: clear the screen and wait for the next person to be ready."""

    def show_reveal(self, reveal: Reveal) -> None: ...

    def show_step(self, step: Step, number: int, total: int) -> None: ...

    def countdown(self, minutes: int) -> None: ...

    def contribute(
        self, person: str, prompt: str, earlier: list[str], add: Callable[[str], None]
    ) -> None: ...

    def collect_actions(
        self, prompt: str, people: list[str], add: Callable[[Action], None]
    ) -> None: ...


class GroupSession:
    def __init__(
        self,
        loaded: LoadedExercise,
        draft: GroupDraft,
        on_change: Callable[[GroupDraft], None] | None = None,
    ) -> None:
        self.loaded = loaded
        self.exercise = loaded.exercise
        self.draft = draft
        self._on_change = on_change

    def _changed(self) -> None:
        self.draft.updated = now()
        if self._on_change is not None:
            self._on_change(self.draft)

    # ------------------------------------------------------------------ answers

    def group_answers(self) -> dict[str, AnswerValue]:
        """What the group says to each question: agreed, or else the middle answer."""
        out: dict[str, AnswerValue] = {}
        for _, q in self.exercise.questions():
            if q.id in self.draft.agreed:
                out[q.id] = self.draft.agreed[q.id].answer
            elif q.id in self.draft.answers:
                out[q.id] = middle(q, self.draft.answers[q.id])
        return out

    def asked(self) -> list[tuple[Section, QuestionBase]]:
        return visible(self.exercise, self.group_answers())

    def run(self, prompter: GroupPrompter) -> None:
        if self.draft.stage == "questions":
            if self.exercise.kind == "guided":
                self._steps(prompter)
            else:
                self._questions(prompter)
            self.draft.stage = "actions"
            self.draft.position = self.draft.turn = 0
            self._changed()
        if self.draft.stage == "actions":
            prompt = self.exercise.actions_prompt
            prompter.collect_actions(prompt, self.draft.people, self._add_action)
            self.draft.stage = "done"
            self._changed()

    def _add_action(self, action: Action) -> None:
        self.draft.actions.append(action)
        self._changed()

    def _questions(self, prompter: GroupPrompter) -> None:
        d = self.draft
        while d.position < len(self.asked()):
            asked = self.asked()
            section, q = asked[d.position]
            order = rotation(d.people, d.position)
            given = d.answers.setdefault(q.id, {})
            while d.turn < len(order):
                person = order[d.turn]
                if not d.open:
                    prompter.hand_over(person)
                reply = prompter.ask(
                    self._ask(
                        section,
                        q,
                        person,
                        given,
                        total=len(asked),
                        new_section=d.turn == 0
                        and (d.position == 0 or asked[d.position - 1][0] is not section),
                    )
                )
                if isinstance(reply, Pass) or reply is None:
                    given[person] = None
                    d.passed.setdefault(q.id, [])
                    if person not in d.passed[q.id]:
                        d.passed[q.id].append(person)
                elif not isinstance(reply, Back):
                    given[person] = reply
                d.turn += 1
                self._changed()
            if q.id not in d.discussed:
                self._discuss(prompter, section, q)
            d.position += 1
            d.turn = 0
            self._changed()

    def _ask(
        self,
        section: Section,
        q: QuestionBase,
        person: str,
        given: dict[str, AnswerValue],
        total: int,
        new_section: bool,
    ) -> Ask:
        """One person's turn at a question (or the group's, to agree); anyone may pass."""
        return Ask(
            exercise=self.exercise,
            section=section,
            question=q,
            text=self.exercise.wording(q, self.draft.about),
            number=self.draft.position + 1,
            total=total,
            current=given.get(person),
            answered=person in given,
            can_go_back=False,
            new_section=new_section,
            person=person,
            can_pass=True,
        )

    def reveal(self, q: QuestionBase) -> Reveal:
        answers = self.draft.answers.get(q.id, {})
        spread, worth = spread_of(q, answers)
        rows = [
            (p, "passed" if answers.get(p) is None else shown(self.exercise, q, answers[p]))
            for p in self.draft.people
            if p in answers
        ]
        return Reveal(q, self.exercise.wording(q, self.draft.about), rows, spread, worth)

    def _discuss(self, prompter: GroupPrompter, section: Section, q: QuestionBase) -> None:
        reveal = self.reveal(q)
        prompter.show_reveal(reveal)
        if reveal.worth_talking_about:
            choice = prompter.choose(
                "Would the group like to record an agreed answer?",
                [
                    ("keep", "No: keep everyone's answers as they are"),
                    ("agree", "Yes: record the answer we agree on, and why"),
                ],
            )
            if choice == "agree":
                total = len(self.asked())
                agreed = prompter.ask(self._ask(section, q, "The group", {}, total, False))
                if not isinstance(agreed, Pass | Back) and agreed is not None:
                    note = prompter.text(
                        "Why did you agree on this? (a short note, or press Enter)"
                    )
                    self.draft.agreed[q.id] = Agreed(answer=agreed, note=note or None)
        self.draft.discussed.append(q.id)
        self._changed()

    def _steps(self, prompter: GroupPrompter) -> None:
        d = self.draft
        steps = self.exercise.steps
        while d.position < len(steps):
            step = steps[d.position]
            prompter.show_step(step, d.position + 1, len(steps))
            if d.turn == 0 and step.minutes:
                prompter.countdown(step.minutes)
            order = rotation(d.people, d.position)
            mine = d.contributions.setdefault(step.id, {})
            while d.turn < len(order):
                person = order[d.turn]
                items = mine.setdefault(person, [])

                def add(item: str, items: list[str] = items) -> None:
                    items.append(item)
                    self._changed()

                prompter.contribute(person, step.round, list(items), add)
                if not items:
                    passed = d.passed.setdefault(step.id, [])
                    if person not in passed:
                        passed.append(person)
                d.turn += 1
                self._changed()
            d.position += 1
            d.turn = 0
            self._changed()

    # ------------------------------------------------------------------ the record

    def shares(self) -> dict[str, int]:
        """How many answers and contributions each person gave."""
        counts = dict.fromkeys(self.draft.people, 0)
        for given in self.draft.answers.values():
            for person, answer in given.items():
                if answer is not None and person in counts:
                    counts[person] += 1
        for by_person in self.draft.contributions.values():
            for person, items in by_person.items():
                if person in counts:
                    counts[person] += len(items)
        return counts

    def record(self, about_label: str, record_id: str | None = None) -> GroupRecord:
        ex, d = self.exercise, self.draft
        questions = []
        for section, q in self.asked():
            answers = d.answers.get(q.id, {})
            spread, worth = spread_of(q, answers)
            group_answer = self.group_answers().get(q.id)
            questions.append(
                QuestionSpread(
                    question=q.id,
                    section=section.id,
                    text=ex.wording(q, d.about),
                    answers={p: answers[p] for p in d.people if p in answers},
                    shown={
                        p: "passed" if answers[p] is None else shown(ex, q, answers[p])
                        for p in d.people
                        if p in answers
                    },
                    spread=spread,
                    worth_talking_about=worth,
                    agreed=d.agreed.get(q.id),
                    group_answer=group_answer,
                    group_shown="" if group_answer is None else shown(ex, q, group_answer),
                )
            )
        steps = [
            StepRecord(
                step=s.id,
                title=s.title,
                contributions={p: d.contributions.get(s.id, {}).get(p, []) for p in d.people},
            )
            for s in ex.steps
        ]
        answers = self.group_answers()
        return GroupRecord(
            id=record_id or d.id,
            exercise=d.exercise,
            kind=ex.kind,
            about=d.about,
            about_label=about_label,
            people=d.people,
            anonymous=d.anonymous,
            open=d.open,
            started=d.started,
            finished=now(),
            scores=score(ex, answers) if ex.kind == "assessment" else None,
            verdict=verdict(ex, answers, d.about),
            shares=self.shares(),
            actions=d.actions,
            questions=questions,
            steps=steps,
        )


def new_group_draft(
    loaded: LoadedExercise,
    run_id: str,
    about: str,
    people: list[str],
    anonymous: bool,
    open_answers: bool,
) -> GroupDraft:
    ex = loaded.exercise
    started = now()
    return GroupDraft(
        id=run_id,
        exercise=ExerciseRef(id=ex.id, version=ex.version, title=ex.title, hash=loaded.hash),
        exercise_path=str(loaded.path),
        about=about,
        people=people,
        anonymous=anonymous,
        open=open_answers,
        started=started,
        updated=started,
    )


def widest(record: GroupRecord, count: int = 3) -> list[QuestionSpread]:
    """The questions the group disagreed about most: the ones most worth talking about."""
    spread = [q for q in record.questions if q.spread is not None and q.spread > 0]
    spread.sort(key=lambda q: q.spread or 0.0, reverse=True)
    return spread[:count]


# --------------------------------------------------------------------------- answers files


@dataclass
class GroupAnswers:
    people: list[str]
    answers: dict[str, dict[str, AnswerValue]]
    agreed: dict[str, Agreed]
    contributions: dict[str, dict[str, list[str]]]
    actions: list[Action]


_GROUP_KEYS = ("exercise", "about", "people", "answers", "agreed", "contributions", "actions")


def load_group_answers(path: Path, ex: Exercise, people: list[str] | None) -> GroupAnswers:
    """A whole group session written down: every person's answers, checked as if typed."""

    from coprod_toolkit.answers import BadAnswer, parse_answer
    from coprod_toolkit.errors import FileProblems
    from coprod_toolkit.yamlfile import Findings, read_yaml

    data, marks, _ = read_yaml(path, "answers")
    shown_path = str(path)
    found = Findings(shown_path, marks)
    add = found.add
    problems = found.problems
    found.unknown_keys(data, _GROUP_KEYS, "a group answers file")
    if people is None:
        raw_people = data.get("people")
        if not isinstance(raw_people, list) or not all(isinstance(p, str) for p in raw_people):
            add(("people",), "list the people taking part, like: people: [Ana, Ben, Chi].")
            raise FileProblems(shown_path, problems, "answers")
        try:
            people = check_people(raw_people)
        except UsageProblem as e:
            add(("people",), str(e))
            raise FileProblems(shown_path, problems, "answers") from None
    by_name = {p.casefold(): p for p in people}
    result = GroupAnswers(people, {}, {}, {}, [])

    def person_of(at: tuple[str | int, ...], name: object) -> str | None:
        found = by_name.get(str(name).casefold())
        if found is None:
            add(
                at,
                f"'{name}' is not one of the people ({', '.join(people or [])}). "
                "Fix: use the names given under 'people'.",
                key=True,
            )
        return found

    raw_answers = data.get("answers") or {}
    if not isinstance(raw_answers, dict):
        add(("answers",), "this should be one group of answers per person, under their name.")
        raw_answers = {}
    for name, given in raw_answers.items():
        person = person_of(("answers", name), name)
        if person is None:
            continue
        if not isinstance(given, dict):
            add(("answers", name), f"{person}'s answers should be 'question-id: answer' lines.")
            continue
        for qid, raw in given.items():
            q = ex.question(str(qid))
            if q is None:
                add(
                    ("answers", name, qid),
                    f"there is no question '{qid}' in {ex.id}. "
                    f"Fix: use the ids that 'coprod exercise show {ex.id}' lists.",
                    key=True,
                )
                continue
            value: AnswerValue = None
            if not (isinstance(raw, str) and raw.strip().casefold() == "pass"):
                try:
                    value = parse_answer(ex, q, raw)
                except BadAnswer as e:
                    add(("answers", name, qid), f"{person}, '{qid}': {e}.")
                    continue
            result.answers.setdefault(q.id, {})[person] = value
    raw_agreed = data.get("agreed") or {}
    for qid, entry in raw_agreed.items() if isinstance(raw_agreed, dict) else []:
        q = ex.question(str(qid))
        if q is None or not isinstance(entry, dict) or "answer" not in entry:
            add(
                ("agreed", qid), "write an agreed answer as: question-id: {answer: ..., note: ...}."
            )
            continue
        try:
            agreed_value = parse_answer(ex, q, entry["answer"])
        except BadAnswer as e:
            add(("agreed", qid, "answer"), f"{e}.")
            continue
        note = entry.get("note")
        result.agreed[q.id] = Agreed(answer=agreed_value, note=str(note) if note else None)
    raw_contributions = data.get("contributions") or {}
    steps = {s.id for s in ex.steps}
    for step_id, by_person in (
        raw_contributions.items() if isinstance(raw_contributions, dict) else []
    ):
        if step_id not in steps:
            add(("contributions", step_id), f"there is no step '{step_id}' in {ex.id}.", key=True)
            continue
        for name, items in (by_person or {}).items() if isinstance(by_person, dict) else []:
            person = person_of(("contributions", step_id, name), name)
            if person is None:
                continue
            listed = items if isinstance(items, list) else [items]
            result.contributions.setdefault(step_id, {})[person] = [
                " ".join(str(i).split()) for i in listed if str(i).strip()
            ]
    raw_actions = data.get("actions") or []
    for index, entry in enumerate(raw_actions if isinstance(raw_actions, list) else []):
        at: tuple[str | int, ...] = ("actions", index)
        if not isinstance(entry, dict) or not entry.get("what"):
            add(at, "write an action as: {what: ..., who: [names], when: 2026-12-31}.")
            continue
        who_raw = entry.get("who") or []
        names = who_raw if isinstance(who_raw, list) else [who_raw]
        who = [p for p in (person_of((*at, "who"), n) for n in names) if p]
        when_raw = entry.get("when")
        try:
            when = date.fromisoformat(str(when_raw)) if when_raw else None
        except ValueError:
            add((*at, "when"), f"'{when_raw}' is not a date. Fix: write it like 2026-12-31.")
            continue
        if who:
            result.actions.append(Action(what=str(entry["what"]), who=who, when=when))
        elif not names:
            add(at, "an action needs at least one name under 'who'.")
    if problems:
        raise FileProblems(shown_path, found.sorted(), "answers")
    return result
