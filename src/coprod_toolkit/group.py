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

import math
import statistics
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Protocol

from coprod_toolkit import i18n
from coprod_toolkit.answers import shown
from coprod_toolkit.errors import UsageProblem
from coprod_toolkit.i18n import N_, _, ngettext
from coprod_toolkit.loader import LoadedExercise
from coprod_toolkit.models import (
    Action,
    AddedStatement,
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
from coprod_toolkit.session import BACK, Ask, Back, Pass, Reply, note_question, now, walk

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
                _(
                    "Name {number} is empty. Fix: give every person a name, separated by "
                    'commas, like --people "Ana, Ben, Chi".'
                ).format(number=number)
            )
        if len(name) > MAX_NAME:
            raise UsageProblem(
                _("'{start}…' is a long name. Fix: use at most {most} characters.").format(
                    start=name[:20], most=MAX_NAME
                )
            )
    if not MIN_PEOPLE <= len(people) <= MAX_PEOPLE:
        raise UsageProblem(
            ngettext(
                "A group session is for {least} to {most} people, and {count} was given. "
                "Fix: name between {least} and {most} people; for one person, use coprod assess.",
                "A group session is for {least} to {most} people, and {count} were given. "
                "Fix: name between {least} and {most} people; for one person, use coprod assess.",
                len(people),
            ).format(least=MIN_PEOPLE, most=MAX_PEOPLE, count=len(people))
        )
    seen: dict[str, str] = {}
    for name in people:
        key = name.casefold()
        if key in seen:
            raise UsageProblem(
                _(
                    "Two people are called '{name}'. Fix: add something to tell them apart, "
                    "like '{name} K' and '{name} M'."
                ).format(name=seen[key])  # as it was typed first
            )
        seen[key] = name
    return people


def person_language(typed: str, known: list[str]) -> tuple[str, str | None]:
    """A name as typed, with the person's language after a colon: 'Ana:cy' -> ('Ana', 'cy').

    No colon, or nothing after it: the group's language (None). A code the exercise is
    not in raises UsageProblem, saying which languages there are and how to write one.
    """
    name, colon, code_typed = typed.rpartition(":")
    if not colon:
        return typed.strip(), None
    name = " ".join(name.split())
    code = code_typed.strip()
    if not code:
        return name, None
    found = i18n.normalise(code)
    if found not in known:
        example = name or "Ana"  # i18n-ok: a name, as an example
        other = next((c for c in known if c != i18n.ENGLISH), i18n.ENGLISH)
        if len(known) < 2:
            raise UsageProblem(
                _(
                    "'{code}' after {name} is a language, but this exercise is only in "
                    "{languages}. Fix: leave out ':{code}', so everyone answers in {languages}."
                ).format(code=code, name=example, languages=i18n.listed(known))
            )
        raise UsageProblem(
            _(
                "'{code}' after {name} is not a language this exercise is in. It is in: "
                "{languages}. Fix: put one of these codes after the name, like '{name}:{other}', "
                "or leave it out to use the group's language."
            ).format(code=code, name=example, languages=i18n.listed(known), other=other)
        )
    return name, found


def people_and_languages(typed: list[str], known: list[str]) -> tuple[list[str], dict[str, str]]:
    """The names given for a group (each may end in ':cy'), tidied, and each named language."""
    pairs = [person_language(t, known) for t in typed]
    people = check_people([name for name, _code in pairs])
    return people, {p: code for p, (_name, code) in zip(people, pairs, strict=True) if code}


def anonymous_names(count: int) -> list[str]:
    # Translators: the name a person is saved under when the group chooses not to save names.
    return [_("Person {number}").format(number=n) for n in range(1, count + 1)]


def rotation(people: list[str], position: int) -> list[str]:
    """Who answers in which order at a question: the first person moves round each time."""
    start = position % len(people)
    return people[start:] + people[:start]


# A "does not apply / I don't know" answer: like a pass for the spread and the middle.
UNKNOWN = "unknown"


def _counted(q: QuestionBase, answers: dict[str, AnswerValue]) -> list[AnswerValue]:
    """The answers that say where someone stands: not passes, not "I don't know"."""
    return [
        a
        for a in answers.values()
        if a is not None and not (a == UNKNOWN and not isinstance(q, TextQuestion))
    ]


def spread_of(q: QuestionBase, answers: dict[str, AnswerValue]) -> tuple[float | None, bool]:
    """(highest minus lowest, worth talking about?) for one question's answers."""
    given = _counted(q, answers)
    if isinstance(q, TextQuestion) or len(given) < 2:
        return None, False
    if isinstance(q, ScaleQuestion):
        numbers = [float(a) for a in given if isinstance(a, int | float)]
        if len(numbers) < 2:
            return None, False
        spread = max(numbers) - min(numbers)
        return spread, spread >= SPREAD_WORTH_TALKING
    distinct = {tuple(a) if isinstance(a, list) else a for a in given}
    return None, len(distinct) > 1


def middle(q: QuestionBase, answers: dict[str, AnswerValue]) -> AnswerValue:
    """The group's answer when none was agreed: the median of a scale, else the most common."""
    given = _counted(q, answers)
    if not given or isinstance(q, TextQuestion):
        return None
    if isinstance(q, ScaleQuestion):
        numbers = [float(a) for a in given if isinstance(a, int | float)]
        if not numbers:
            return None
        value = statistics.median(numbers)
        return int(value) if value.is_integer() else value
    counts = Counter(tuple(a) if isinstance(a, list) else a for a in given).most_common()
    if len(counts) > 1 and counts[0][1] == counts[1][1]:
        return None  # a tie: no single answer speaks for the group
    top = counts[0][0]
    return list(top) if isinstance(top, tuple) else top


def shown_answer(ex: Exercise, q: QuestionBase, answer: AnswerValue) -> str:
    """One person's answer as the group sees it at the reveal: a pass says 'passed'."""
    if answer is None:
        # Translators: shown instead of a person's answer when they passed.
        return _("passed")
    if answer == UNKNOWN and not isinstance(q, TextQuestion):
        label = getattr(ex.scale_of(q), "unknown", None) if isinstance(q, ScaleQuestion) else None
        return str(label or _("Does not apply / I don't know"))
    return shown(ex, q, answer)


def default_subject(subjects: dict[str, str], about: str | None) -> str | None:
    """A group answers about its shared work: `together`, when the exercise has it."""
    if about is None and "together" in subjects:
        return "together"
    return None


# What a group reflects on when the exercise names no subject of its own.
SHARED_WORK = N_("your shared work")

# Minutes one person takes over a question, when the exercise does not say.
PACE = 0.5

# Minutes a group takes to look at the answers to a question together.
TALK = 1.0


def group_minutes(ex: Exercise, people: int) -> int:
    """Roughly how long a group needs: everyone answers each question, then you talk.

    Per question: each person's answer, at the exercise's own pace (its `minutes`
    shared over its questions, or half a minute when it gives no `minutes`), plus a
    minute to look at the answers together. Rounded up to a whole minute.
    """
    if ex.kind == "guided":
        return ex.minutes
    questions = len(list(ex.questions()))
    if not questions:
        return ex.minutes
    pace = ex.minutes / questions if "minutes" in ex.model_fields_set else PACE
    return math.ceil(questions * (people * pace + TALK))


def subject_label(ex: Exercise, subject: str) -> str:
    """What the group is reflecting on, in words true for a group.

    An exercise that names no subjects has only the default 'my own practice',
    which is one person's: a group reflects on its shared work instead.
    """
    if "subjects" not in ex.model_fields_set:
        return str(SHARED_WORK)
    return ex.subjects.get(subject, subject)


def balance(shares: dict[str, int], passes: dict[str, int]) -> list[str]:
    """How the group took part, as a question for the group, never a judgement of one person."""
    given = ", ".join(f"{p} {n}" for p, n in shares.items())
    lines = [_("Answers and ideas given: {given}.").format(given=given)]
    total = sum(passes.values())
    if total:
        lines.append(
            ngettext(
                "There was {count} pass in all. Passing is everyone's right: no one has to "
                "answer or add anything.",
                "There were {count} passes in all. Passing is everyone's right: no one has to "
                "answer or add anything.",
                total,
            ).format(count=total)
        )
    uneven = bool(shares) and min(shares.values()) < max(shares.values()) / 2
    if uneven:
        lines.append(
            _(
                "Some people said more than others, which can be just right. "
                "Did everyone get the chance they wanted? Is there anything that would help "
                "next time, like more time, a different room, or support to take part?"
            )
        )
    else:
        lines.append(_("Did everyone get the chance they wanted?"))
    return lines


@dataclass(frozen=True)
class Reveal:
    question: QuestionBase
    text: str
    rows: list[tuple[str, str]]  # (person, answer as shown)
    spread: float | None
    worth_talking_about: bool
    notes: list[tuple[str, str]] = field(default_factory=list)  # (person, example given)
    agreed: str | None = None  # the group's agreed answer, as shown


THE_GROUP = "The group"  # i18n-ok: a key for the group's own answer, never shown


class GroupPrompter(Protocol):
    def say(self, text: str = "") -> None: ...

    def text(self, message: str, default: str | None = None, note: str = "") -> str: ...

    def choose(self, message: str, options: list[tuple[str, str]]) -> str: ...

    def ask(self, ask: Ask) -> AnswerValue | Back | Pass: ...

    def hand_over(self, person: str) -> None:
        """A private turn starts: leave nothing of the last turn to see, wait for the person."""

    def check_turn(self, person: str) -> bool:
        """End of a private turn: True to keep the answer, False to go back and change it."""

    def end_turn(self, person: str, following: str | None, kept: bool = True) -> None:
        """A private turn ends: wipe it, then thank the person without repeating the answer."""

    def show_reveal(self, reveal: Reveal) -> None: ...

    def show_step(self, step: Step, number: int, total: int) -> None: ...

    def countdown(self, seconds: int, tick: Callable[[int], None]) -> None: ...

    def contribute(
        self, person: str, prompt: str, earlier: list[str], save: Callable[[list[str]], None]
    ) -> None: ...

    def collect_actions(
        self,
        prompt: str,
        people: list[str],
        actions: list[Action],
        save: Callable[[list[Action]], None],
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
        from coprod_toolkit.loader import language_of

        self.language = language_of(loaded)
        self._in: dict[str, Exercise] = {self.language: loaded.exercise}
        self._offered: list[str] | None = None

    # ------------------------------------------------------------------ languages

    def language_of(self, person: str) -> str:
        """The language a person answers in: their own, or else the group's."""
        return self.draft.languages.get(person, self.language)

    def mixed(self) -> bool:
        """Whether people answer in different languages."""
        return len({self.language_of(p) for p in self.draft.people}) > 1

    def exercise_in(self, code: str) -> Exercise:
        """The exercise in a language (English where it has no translation into it)."""
        if code not in self._in:
            from coprod_toolkit.translations import localise

            self._in[code] = localise(self.loaded, code).exercise
        return self._in[code]

    def shared_languages(self) -> list[str]:
        """The languages a question is shown in on the screens everyone shares: the group's,
        then each other language people answer in; with --both-languages, at least two."""
        codes = [self.language]
        codes += [
            c for c in dict.fromkeys(map(self.language_of, self.draft.people)) if c != codes[0]
        ]
        both = self.draft.both_languages
        if both is False:
            return codes[:1]
        if both and len(codes) == 1:
            codes += [c for c in self._on_offer() if c not in codes][:1]
        return codes

    def _on_offer(self) -> list[str]:
        """The languages the exercise is in: its folder is listed once a session."""
        if self._offered is None:
            from coprod_toolkit.loader import languages

            self._offered = languages(self.loaded)
        return self._offered

    def shared_step(self, step: Step) -> Step:
        """A step as the shared screen shows it: its words in each of the group's languages,
        so that everyone can read what the group is to talk about."""
        found = []
        for code in self.shared_languages():
            steps = self.exercise_in(code).steps
            found.append(next((s for s in steps if s.id == step.id), step))

        def joined(words: list[str | None]) -> str:
            return " / ".join(dict.fromkeys(w for w in words if w))

        return step.model_copy(
            update={
                "title": joined([s.title for s in found]) or step.title,
                "prompt": joined([s.prompt for s in found]) or step.prompt,
                "help": joined([s.help for s in found]) or step.help,
            }
        )

    def shared_wording(self, q: QuestionBase) -> str:
        """A question as the shared screens show it: in each of the group's languages."""
        texts = []
        for code in self.shared_languages():
            ex = self.exercise_in(code)
            texts.append(ex.wording(ex.question(q.id) or q, self.draft.about))
        return " / ".join(dict.fromkeys(texts))

    def _in_language(
        self, code: str, section: Section, q: QuestionBase
    ) -> tuple[Exercise, Section, QuestionBase]:
        """The exercise, section and question in a person's language (ids stay the same)."""
        if code == self.language:
            return self.exercise, section, q
        ex = self.exercise_in(code)
        theirs = next((s for s in ex.sections if s.id == section.id), section)
        return ex, theirs, ex.question(q.id) or q

    @contextmanager
    def speaking(self, person: str) -> Iterator[None]:
        """The words around a person's turn in their own language, when they chose one."""
        code = self.draft.languages.get(person)
        if code is None:
            yield
            return
        with i18n.using(code):
            yield

    def _changed(self) -> None:
        self.draft.updated = now()
        if self._on_change is not None:
            self._on_change(self.draft)

    # ------------------------------------------------------------------ answers

    def group_answers(self) -> dict[str, AnswerValue]:
        """What the group says to each question: agreed, or else the middle answer."""
        out: dict[str, AnswerValue] = {}
        for _section, q in self.exercise.questions():
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
            prompter.collect_actions(
                self.exercise.actions_prompt,
                self.draft.people,
                list(self.draft.actions),
                self._save_actions,
            )
            self.draft.stage = "done"
            self._changed()

    def _save_actions(self, actions: list[Action]) -> None:
        self.draft.actions = list(actions)
        self._changed()

    def _questions(self, prompter: GroupPrompter) -> None:
        d = self.draft
        while d.position < len(self.asked()):
            asked = self.asked()
            section, q = asked[d.position]
            order = rotation(d.people, d.position)
            first_of_section = d.position == 0 or asked[d.position - 1][0] is not section
            while d.turn < len(order):
                person = order[d.turn]
                following = order[d.turn + 1] if d.turn + 1 < len(order) else None
                private = not d.open
                with self.speaking(person):
                    if private:
                        prompter.hand_over(person)
                    try:
                        # Everyone sees a section's explanation in a private turn; openly, once.
                        shows_section = first_of_section and (private or d.turn == 0)
                        self._turn(prompter, section, q, person, len(asked), shows_section, private)
                    except BaseException:
                        if private:
                            prompter.end_turn(person, None, kept=False)
                        raise
                    if private:
                        prompter.end_turn(person, following)
                d.turn += 1
                self._changed()
            if q.id not in d.discussed:
                self._discuss(prompter, section, q)
            d.position += 1
            d.turn = 0
            self._changed()

    def _turn(
        self,
        prompter: GroupPrompter,
        section: Section,
        q: QuestionBase,
        person: str,
        total: int,
        new_section: bool,
        private: bool,
    ) -> None:
        """One person's turn: their answer, its example if the question asks for one, and,
        in private, a last look before the keyboard goes on. Back works as in coprod assess."""
        d = self.draft
        given = d.answers.setdefault(q.id, {})
        theirs, their_section, their_q = self._in_language(self.language_of(person), section, q)
        parts = ["answer"]
        if q.evidence and not isinstance(q, TextQuestion):
            parts.append("note")
        if private:
            parts.append("check")

        def ask(index: int, can_go_back: bool) -> Reply:
            part = parts[index]
            if part == "answer":
                return prompter.ask(
                    self._ask(
                        their_section,
                        their_q,
                        person,
                        given,
                        total,
                        new_section,
                        private,
                        can_go_back,
                        exercise=theirs,
                    )
                )
            if part == "note":
                note = note_question(their_q)
                earlier = d.notes.get(q.id, {}).get(person)
                return prompter.ask(
                    Ask(
                        exercise=theirs,
                        section=their_section,
                        question=note,
                        text=their_q.evidence or "",
                        number=d.position + 1,
                        total=total,
                        current=earlier,
                        answered=earlier is not None,
                        can_go_back=True,
                        new_section=False,
                        person=person,
                        private=private,
                        note_for=q,
                    )
                )
            return None if prompter.check_turn(person) else BACK

        def keep(index: int, reply: AnswerValue | Pass) -> None:
            part = parts[index]
            if part == "answer":
                self._keep_answer(q, person, reply)
            elif part == "note":
                notes = d.notes.setdefault(q.id, {})
                if isinstance(reply, str) and reply.strip():
                    notes[person] = " ".join(reply.split())
                else:
                    notes.pop(person, None)
            if part != "check":
                self._changed()

        walk(lambda: len(parts), 0, ask, keep)

    def _keep_answer(self, q: QuestionBase, person: str, reply: AnswerValue | Pass) -> None:
        d = self.draft
        given = d.answers.setdefault(q.id, {})
        passed = d.passed.setdefault(q.id, [])
        if isinstance(reply, Pass) or reply is None:
            given[person] = None
            if person not in passed:
                passed.append(person)
        else:
            given[person] = reply
            if person in passed:
                passed.remove(person)

    def _ask(
        self,
        section: Section,
        q: QuestionBase,
        person: str,
        given: dict[str, AnswerValue],
        total: int,
        new_section: bool,
        private: bool = False,
        can_go_back: bool = False,
        exercise: Exercise | None = None,
    ) -> Ask:
        """One person's turn at a question (or the group's, to agree); anyone may pass."""
        ex = exercise or self.exercise
        return Ask(
            exercise=ex,
            section=section,
            question=q,
            text=self.shared_wording(q) if person == THE_GROUP else ex.wording(q, self.draft.about),
            number=self.draft.position + 1,
            total=total,
            current=given.get(person),
            answered=person in given,
            can_go_back=can_go_back,
            new_section=new_section,
            person=person,
            can_pass=True,
            private=private,
            for_group=person == THE_GROUP,
        )

    def reveal(self, q: QuestionBase) -> Reveal:
        answers = self.draft.answers.get(q.id, {})
        spread, worth = spread_of(q, answers)
        rows = [
            (p, shown_answer(self.exercise, q, answers[p]))
            for p in self.draft.people
            if p in answers
        ]
        notes = self.draft.notes.get(q.id, {})
        agreed = self.draft.agreed.get(q.id)
        return Reveal(
            q,
            self.shared_wording(q),
            rows,
            spread,
            worth,
            notes=[(p, notes[p]) for p in self.draft.people if p in notes],
            agreed=None if agreed is None else shown_answer(self.exercise, q, agreed.answer),
        )

    def _section_end(self, section: Section, q: QuestionBase) -> bool:
        asked = self.asked()
        ids = [x.id for _section, x in asked]
        at = ids.index(q.id) if q.id in ids else -1
        return at == len(asked) - 1 or (at >= 0 and asked[at + 1][0] is not section)

    def _can_add(self, section: Section, q: QuestionBase) -> bool:
        adds = self.exercise.group_adds
        if adds is None or not self._section_end(section, q):
            return False
        if adds.sections and section.id not in adds.sections:
            return False
        return sum(a.section == section.id for a in self.draft.added) < adds.most

    def _discuss(self, prompter: GroupPrompter, section: Section, q: QuestionBase) -> None:
        """The reveal: it stays until the group chooses to go on, and mistakes can be put right."""
        d = self.draft
        prompter.show_reveal(self.reveal(q))
        if self.exercise.agree == "always" and q.id not in d.agreed:
            self._agree(prompter, section, q)
            prompter.show_reveal(self.reveal(q))
        while True:
            options = [("next", _("Go on"))]
            options.append(
                ("agree", _("Change the group's agreed answer"))
                if q.id in d.agreed
                else ("agree", _("Record an answer the group agrees on, and why"))
            )
            options.append(("correct", _("Change someone's answer, with their say")))
            if self._can_add(section, q):
                options.append(
                    (
                        "add",
                        _("Add a statement of the group's own to {section}").format(
                            section=section.title
                        ),
                    )
                )
            choice = prompter.choose(
                _("Talk about the answers for as long as you like. What next?"), options
            )
            if choice == "next":
                break
            if choice == "agree":
                self._agree(prompter, section, q)
            elif choice == "correct":
                self._correct(prompter, section, q)
            elif choice == "add":
                self._add_statement(prompter, section)
                continue
            prompter.show_reveal(self.reveal(q))
        d.discussed.append(q.id)
        self._changed()

    def _agree(self, prompter: GroupPrompter, section: Section, q: QuestionBase) -> None:
        d = self.draft
        total = len(self.asked())
        current = d.agreed.get(q.id)
        given = {THE_GROUP: current.answer} if current is not None else {}
        agreed = prompter.ask(self._ask(section, q, THE_GROUP, given, total, False))
        if isinstance(agreed, Back):
            return
        if isinstance(agreed, Pass) or agreed is None:
            scale = isinstance(q, ScaleQuestion)
            if current is not None:
                del d.agreed[q.id]
                prompter.say(
                    _("The agreed answer is taken off: the middle answer counts again.")
                    if scale
                    else _(
                        "The agreed answer is taken off: the answer most people gave counts "
                        "again (none, if it is a tie)."
                    )
                )
            else:
                prompter.say(
                    _("No agreed answer: the middle of everyone's answers counts.")
                    if scale
                    else _(
                        "No agreed answer: the answer most people gave counts (none, if it "
                        "is a tie)."
                    )
                )
            self._changed()
            return
        # Kept before the note is asked: stopping at the note (Ctrl-C) loses no decision.
        kept = current.note if current is not None else None
        d.agreed[q.id] = Agreed(answer=agreed, note=kept)
        self._changed()
        note = prompter.text(
            _("Why did you agree on this? (a short note, or press Enter)"),
            kept,
        )
        d.agreed[q.id] = Agreed(answer=agreed, note=note or None)
        self._changed()

    def _correct(self, prompter: GroupPrompter, section: Section, q: QuestionBase) -> None:
        d = self.draft
        answered = [p for p in d.people if p in d.answers.get(q.id, {})]
        person = prompter.choose(
            _("Whose answer needs changing?"),
            [(p, p) for p in answered] + [("", _("No one: go back to the answers"))],
        )
        if not person:
            return
        sure = prompter.choose(
            _(
                "Only change {person}'s answer if {person} wants it changed. Does {person} agree?"
            ).format(person=person),
            [
                ("yes", _("Yes, {person} wants to change it").format(person=person)),
                ("no", _("No: leave it as it is")),
            ],
        )
        if sure != "yes":
            return
        with self.speaking(person):
            self._turn(prompter, section, q, person, len(self.asked()), False, private=False)

    def _add_statement(self, prompter: GroupPrompter, section: Section) -> None:
        adds = self.exercise.group_adds
        assert adds is not None
        text = " ".join(
            prompter.text(
                _("The group's own statement (or press Enter to go back)"),
                note=_(
                    "Write a statement the group wants to add to this section, in its own words."
                ),
            ).split()
        )
        if not text:
            return
        number = len(self.draft.added) + 1
        statement = AddedStatement(id=f"added-{number}", section=section.id, text=text[:500])
        if adds.scale is not None:
            q = self._added_question(statement)
            total = len(self.asked())
            mark = prompter.ask(self._ask(section, q, THE_GROUP, {}, total, False))
            if isinstance(mark, Back):
                return
            statement.answer = None if isinstance(mark, Pass) else mark
        self.draft.added.append(statement)
        self._changed()
        prompter.say(_("Added to the group's record."))

    def _added_question(self, statement: AddedStatement) -> ScaleQuestion:
        adds = self.exercise.group_adds
        assert adds is not None and adds.scale is not None
        return ScaleQuestion(id=statement.id, type="scale", text=statement.text, scale=adds.scale)

    def scored_exercise(self) -> Exercise:
        """The exercise with the group's own marked statements in their sections, for scoring."""
        marked = [a for a in self.draft.added if self.exercise.group_adds is not None]
        adds = self.exercise.group_adds
        if not marked or adds is None or adds.scale is None:
            return self.exercise
        sections = []
        for section in self.exercise.sections:
            extra = [self._added_question(a) for a in marked if a.section == section.id]
            sections.append(
                section.model_copy(update={"questions": [*section.questions, *extra]})
                if extra
                else section
            )
        return self.exercise.model_copy(update={"sections": sections})

    def _steps(self, prompter: GroupPrompter) -> None:
        d = self.draft
        steps = self.exercise.steps
        while d.position < len(steps):
            step = steps[d.position]
            prompter.show_step(self.shared_step(step), d.position + 1, len(steps))
            if d.turn == 0 and step.minutes and d.time_left != 0:

                def tick(left: int) -> None:
                    d.time_left = max(0, left)
                    self._changed()

                start = d.time_left if d.time_left is not None else step.minutes * 60
                prompter.countdown(start, tick)
                d.time_left = 0
                self._changed()
            order = rotation(d.people, d.position)
            mine = d.contributions.setdefault(step.id, {})
            while d.turn < len(order):
                person = order[d.turn]

                def save(
                    items: list[str], person: str = person, mine: dict[str, list[str]] = mine
                ) -> None:
                    mine[person] = list(items)
                    self._changed()

                mine.setdefault(person, [])
                theirs = self.exercise_in(self.language_of(person)).steps
                their_round = next((s.round for s in theirs if s.id == step.id), step.round)
                with self.speaking(person):
                    prompter.contribute(person, their_round, list(mine[person]), save)
                passed = d.passed.setdefault(step.id, [])
                if not mine[person] and person not in passed:
                    passed.append(person)
                elif mine[person] and person in passed:
                    passed.remove(person)
                d.turn += 1
                self._changed()
            d.position += 1
            d.turn = 0
            d.time_left = None
            self._changed()

    # ------------------------------------------------------------------ the record

    def shares(self) -> dict[str, int]:
        """How many answers and contributions each person gave (passes are counted apart)."""
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

    def passes(self) -> dict[str, int]:
        """How many times each person passed: a right, kept apart from what they gave."""
        counts = dict.fromkeys(self.draft.people, 0)
        for given in self.draft.answers.values():
            for person, answer in given.items():
                if answer is None and person in counts:
                    counts[person] += 1
        for by_person in self.draft.contributions.values():
            for person, items in by_person.items():
                if not items and person in counts:
                    counts[person] += 1
        return counts

    def record(self, about_label: str, record_id: str | None = None) -> GroupRecord:
        ex, d = self.exercise, self.draft
        questions = []
        group_answers = self.group_answers()
        for section, q in visible(ex, group_answers):  # as asked(), without a second pass
            answers = d.answers.get(q.id, {})
            spread, worth = spread_of(q, answers)
            group_answer = group_answers.get(q.id)
            notes = d.notes.get(q.id, {})
            questions.append(
                QuestionSpread(
                    question=q.id,
                    section=section.id,
                    text=self.shared_wording(q),  # in both languages when people differ
                    reverse=bool(getattr(q, "reverse", False)),
                    answers={p: answers[p] for p in d.people if p in answers},
                    shown={p: shown_answer(ex, q, answers[p]) for p in d.people if p in answers},
                    spread=spread,
                    worth_talking_about=worth,
                    agreed=d.agreed.get(q.id),
                    group_answer=group_answer,
                    group_shown="" if group_answer is None else shown_answer(ex, q, group_answer),
                    notes={p: notes[p] for p in d.people if p in notes},
                )
            )
        for statement in d.added:
            marked = ex.group_adds is not None and ex.group_adds.scale is not None
            answer = statement.answer if marked else None
            added_q = self._added_question(statement) if marked else None
            questions.append(
                QuestionSpread(
                    question=statement.id,
                    section=statement.section,
                    text=statement.text,
                    answers={},
                    spread=None,
                    worth_talking_about=False,
                    agreed=Agreed(answer=answer, note=statement.note),
                    group_answer=answer,
                    group_shown=""
                    if answer is None or added_q is None
                    else shown_answer(ex, added_q, answer),
                    added=True,
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
        answers = dict(group_answers)
        answers.update({a.id: a.answer for a in d.added})
        scored = self.scored_exercise()
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
            scores=score(scored, answers) if ex.kind == "assessment" else None,
            verdict=verdict(ex, group_answers, d.about),
            shares=self.shares(),
            passes=self.passes(),
            topic=d.topic,
            actions=d.actions,
            questions=questions,
            steps=steps,
            language=self.language,
            languages={p: self.language_of(p) for p in d.people} if self.mixed() else {},
        )


def new_group_draft(
    loaded: LoadedExercise,
    run_id: str,
    about: str,
    people: list[str],
    anonymous: bool,
    open_answers: bool,
    topic: str | None = None,
    plain: bool = False,
    languages: dict[str, str] | None = None,
    both_languages: bool | None = None,
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
        language=i18n.language(),
        started=started,
        updated=started,
        topic=topic,
        plain=plain,
        languages=dict(languages or {}),
        both_languages=both_languages,
    )


def widest(record: GroupRecord, count: int = 3) -> tuple[list[QuestionSpread], int]:
    """The questions the group disagreed about most: the ones most worth talking about.

    Equal spreads are never split (picking 3 of 42 questions all 4 points apart would be
    chance): whole groups of equal spread are named while they fit in `count`. When the
    widest group alone is larger, none is named, and its size is given instead.
    """
    spread = [q for q in record.questions if q.spread is not None and q.spread > 0]
    spread.sort(key=lambda q: q.spread or 0.0, reverse=True)
    picked: list[QuestionSpread] = []
    for value in sorted({q.spread or 0.0 for q in spread}, reverse=True):
        group = [q for q in spread if (q.spread or 0.0) == value]
        if len(picked) + len(group) > count:
            return picked, (0 if picked else len(group))
        picked += group
    return picked, 0


# --------------------------------------------------------------------------- answers files


@dataclass
class GroupAnswers:
    people: list[str]
    answers: dict[str, dict[str, AnswerValue]]
    agreed: dict[str, Agreed]
    contributions: dict[str, dict[str, list[str]]]
    actions: list[Action]
    topic: str | None = None
    notes: dict[str, dict[str, str]] = field(default_factory=dict)
    languages: dict[str, str] = field(default_factory=dict)


_GROUP_KEYS = (
    "exercise",
    "about",
    "topic",
    "people",
    "answers",
    "agreed",
    "notes",
    "contributions",
    "actions",
)


def load_group_answers(
    path: Path,
    ex: Exercise,
    people: list[str] | None,
    known: list[str] | None = None,
    languages: dict[str, str] | None = None,
    exercise_in: Callable[[str], Exercise] | None = None,
) -> GroupAnswers:
    """A whole group session written down: every person's answers, checked as if typed.

    Under `people`, a name may end in a language the exercise is in (`known`): 'Ana:cy'.
    Each person's answers are read in their language (`languages`, else the file's), so
    a scale's words may be written as that person saw them (`exercise_in` gives the
    exercise in a language).
    """

    from coprod_toolkit.answers import BadAnswer, parse_answer
    from coprod_toolkit.errors import FileProblems
    from coprod_toolkit.yamlfile import Findings, read_yaml

    data, marks, _raw = read_yaml(path, "answers")
    shown_path = str(path)
    found = Findings(shown_path, marks)
    add = found.add
    problems = found.problems
    found.unknown_keys(data, _GROUP_KEYS, _("a group answers file"))
    if people is None:
        raw_people = data.get("people")
        if not isinstance(raw_people, list) or not all(isinstance(p, str) for p in raw_people):
            add(("people",), _("list the people taking part, like: people: [Ana, Ben, Chi]."))
            raise FileProblems(shown_path, problems, "answers")
        try:
            people, chosen = people_and_languages(raw_people, known or [i18n.ENGLISH])
        except UsageProblem as e:
            add(("people",), str(e))
            raise FileProblems(shown_path, problems, "answers") from None
    else:
        chosen = {}
    chosen = {**chosen, **(languages or {})}
    by_name = {p.casefold(): p for p in people}
    result = GroupAnswers(people, {}, {}, {}, [], languages=chosen)

    in_language: dict[str, Exercise] = {}  # each language read once, not once per answer

    def words_of(person: str) -> Exercise:
        code = chosen.get(person)
        if code is None or exercise_in is None:
            return ex
        if code not in in_language:
            in_language[code] = exercise_in(code)
        return in_language[code]

    topic = data.get("topic")
    if topic is not None:
        result.topic = " ".join(str(topic).split())[:200] or None

    def person_of(at: tuple[str | int, ...], name: object) -> str | None:
        found = by_name.get(str(name).casefold())
        if found is None:
            add(
                at,
                _(
                    "'{name}' is not one of the people ({people}). "
                    "Fix: use the names given under 'people'."
                ).format(name=name, people=", ".join(people or [])),
                key=True,
            )
        return found

    raw_answers = data.get("answers") or {}
    if not isinstance(raw_answers, dict):
        add(
            ("answers",),
            _("this should be one group of answers per person, under their name."),
        )
        raw_answers = {}
    for name, given in raw_answers.items():
        person = person_of(("answers", name), name)
        if person is None:
            continue
        if not isinstance(given, dict):
            add(
                ("answers", name),
                _("{person}'s answers should be 'question-id: answer' lines.").format(
                    person=person
                ),
            )
            continue
        for qid, raw in given.items():
            q = ex.question(str(qid))
            if q is None:
                add(
                    ("answers", name, qid),
                    _(
                        "there is no question '{question}' in {exercise}. "
                        "Fix: use the ids that 'coprod exercise show {exercise}' lists."
                    ).format(question=qid, exercise=ex.id),
                    key=True,
                )
                continue
            value: AnswerValue = None
            if not (isinstance(raw, str) and raw.strip().casefold() == "pass"):
                theirs = words_of(person)
                try:
                    value = parse_answer(theirs, theirs.question(q.id) or q, raw)
                except BadAnswer as e:
                    add(("answers", name, qid), f"{person}, '{qid}': {e}.")
                    continue
            result.answers.setdefault(q.id, {})[person] = value
    raw_notes = data.get("notes") or {}
    for name, given in raw_notes.items() if isinstance(raw_notes, dict) else []:
        person = person_of(("notes", name), name)
        if person is None:
            continue
        for qid, text in given.items() if isinstance(given, dict) else []:
            q = ex.question(str(qid))
            if q is None or not q.evidence:
                add(
                    ("notes", name, qid),
                    _(
                        "'{question}' does not ask for an example. Fix: give notes only for "
                        "questions with an 'evidence' prompt."
                    ).format(question=qid),
                    key=True,
                )
                continue
            if str(text or "").strip():
                result.notes.setdefault(q.id, {})[person] = " ".join(str(text).split())
    raw_agreed = data.get("agreed") or {}
    for qid, entry in raw_agreed.items() if isinstance(raw_agreed, dict) else []:
        q = ex.question(str(qid))
        if q is None or not isinstance(entry, dict) or "answer" not in entry:
            add(
                ("agreed", qid),
                _("write an agreed answer as: question-id: {answer: ..., note: ...}."),
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
            add(
                ("contributions", step_id),
                _("there is no step '{step}' in {exercise}.").format(step=step_id, exercise=ex.id),
                key=True,
            )
            continue
        for name, items in (by_person or {}).items() if isinstance(by_person, dict) else []:
            person = person_of(("contributions", step_id, name), name)
            if person is None:
                continue
            listed = items if isinstance(items, list) else [items]
            said: list[str] = []
            for index, item in enumerate(listed):
                if item is None:  # an empty '- ' line: nothing said
                    continue
                if isinstance(item, list | dict):
                    add(
                        ("contributions", step_id, name, index),
                        _(
                            "this should be what {person} said, in words. Fix: write each "
                            "contribution on its own line, starting with '- '."
                        ).format(person=person),
                    )
                    continue
                words = str(item).lower() if isinstance(item, bool) else str(item)
                if words.strip():
                    said.append(" ".join(words.split()))
            result.contributions.setdefault(step_id, {})[person] = said
    raw_actions = data.get("actions") or []
    for index, entry in enumerate(raw_actions if isinstance(raw_actions, list) else []):
        at: tuple[str | int, ...] = ("actions", index)
        if not isinstance(entry, dict) or not entry.get("what"):
            add(at, _("write an action as: {what: ..., who: [names], when: 2026-12-31}."))
            continue
        who_raw = entry.get("who") or []
        names = who_raw if isinstance(who_raw, list) else [who_raw]
        who = [p for p in (person_of((*at, "who"), n) for n in names) if p]
        when_raw = entry.get("when")
        try:
            when = date.fromisoformat(str(when_raw)) if when_raw else None
        except ValueError:
            add(
                (*at, "when"),
                _("'{when}' is not a date. Fix: write it like 2026-12-31.").format(when=when_raw),
            )
            continue
        if who:
            result.actions.append(Action(what=str(entry["what"]), who=who, when=when))
        elif not names:
            add(at, _("an action needs at least one name under 'who'."))
    if problems:
        raise FileProblems(shown_path, found.sorted(), "answers")
    return result
