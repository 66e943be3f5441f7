"""One run of an exercise, against any Prompter: a terminal, plain text or a test.

The session owns the order of questions, going back, the review and the
draft. It saves the draft after every answer through `on_change`, so Ctrl-C,
a crash or a closed laptop loses nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from coprod_toolkit.answers import BadAnswer, parse_answer, shown
from coprod_toolkit.i18n import _
from coprod_toolkit.loader import LoadedExercise
from coprod_toolkit.models import (
    AnswerRecord,
    AnswerValue,
    Draft,
    Exercise,
    ExerciseRef,
    QuestionBase,
    Reflection,
    Scores,
    Section,
    TextQuestion,
)
from coprod_toolkit.scoring import question_points, score, verdict, visible


class Back:
    """What a prompter returns when the person asks to go back."""


BACK = Back()


class Pass:
    """What a prompter returns when a person in a group passes."""


PASS = Pass()


@dataclass(frozen=True)
class Ask:
    exercise: Exercise
    section: Section
    question: QuestionBase
    text: str
    number: int
    total: int
    current: AnswerValue
    answered: bool
    can_go_back: bool
    new_section: bool
    person: str | None = None  # in a group: whose turn it is
    can_pass: bool = False  # in a group: anyone may pass
    private: bool = False  # in a group: a private turn, so never print the answer back
    note_for: QuestionBase | None = None  # the question this example or evidence note is for
    from_review: bool = False  # changing an answer from the review: back leads to the list
    for_group: bool = False  # the group's own answer (agreed, or a mark it adds): not a person's

    @property
    def heading(self) -> str | None:
        """Whose answer this is, above the question; None for one person on their own."""
        if self.for_group:
            return _("The group's answer, agreed together:")
        return _("{person}, your answer:").format(person=self.person) if self.person else None

    @property
    def pass_words(self) -> str:
        """What passing means here: a person's right, or the group leaving it without one."""
        return _("No agreed answer (leave it out)") if self.for_group else _("Pass")

    @property
    def back_words(self) -> str:
        """What going back does here, in the words a menu or prompt shows."""
        if self.from_review:
            return _("Back to the list of answers (keep this answer)")
        return _("Go back to the previous question")


Reply = AnswerValue | Back | Pass


def walk(
    count: Callable[[], int],
    start: int,
    ask: Callable[[int, bool], Reply],
    keep: Callable[[int, AnswerValue | Pass], None],
    moved: Callable[[int], None] | None = None,
) -> int:
    """Go through a run of questions, forwards on an answer and back on request.

    `coprod assess` walks a whole exercise this way and a group walks each person's
    turn (their answer, its example, their check), so going back works the same in both.
    """
    index = max(0, start)
    while index < count():
        reply = ask(index, index > 0)
        if isinstance(reply, Back):
            index = max(0, index - 1)
        else:
            keep(index, reply)
            index += 1
        if moved is not None:
            moved(index)
    return index


def note_question(q: QuestionBase) -> TextQuestion:
    """The example or evidence a question asks for, as an optional text question of its own."""
    return TextQuestion.model_construct(
        id=f"{q.id}-note", type="text", text=q.evidence or "", optional=True
    )


@dataclass(frozen=True)
class ReviewRow:
    number: int
    section: str
    text: str
    answer: str
    reverse: bool = False  # agreeing counts against: the review says so


class Prompter(Protocol):
    def ask(self, ask: Ask) -> AnswerValue | Back | Pass: ...

    def review(self, rows: list[ReviewRow]) -> int | None:
        """The index of an answer to change, or None to go on and save."""

    def ask_next_step(self, current: str | None) -> str | None: ...


def now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def new_draft(
    loaded: LoadedExercise, run_id: str, about: str, name: str | None, command: str = "assess"
) -> Draft:
    from coprod_toolkit.loader import language_of

    ex = loaded.exercise
    started = now()
    return Draft(
        id=run_id,
        exercise=ExerciseRef(id=ex.id, version=ex.version, title=ex.title, hash=loaded.hash),
        exercise_path=str(loaded.path),
        about=about,
        name=name,
        language=language_of(loaded),
        started=started,
        updated=started,
        command="readiness" if command == "readiness" else "assess",
    )


def answers_that_fit(ex: Exercise, answers: dict[str, AnswerValue]) -> dict[str, AnswerValue]:
    """The answers of a draft that still fit an exercise that has changed since."""
    kept: dict[str, AnswerValue] = {}
    for key, value in answers.items():
        q = ex.question(key)
        if q is None:
            continue
        try:
            kept[key] = parse_answer(ex, q, value)
        except BadAnswer:
            continue
    return kept


def restart_on(draft: Draft, loaded: LoadedExercise, answers: dict[str, AnswerValue]) -> None:
    """Point a draft at the current exercise, carrying on from its first unanswered question."""
    ex = loaded.exercise
    draft.answers = dict(answers)
    draft.exercise = ExerciseRef(id=ex.id, version=ex.version, title=ex.title, hash=loaded.hash)
    asked = visible(ex, draft.answers)
    draft.position = next(
        (i for i, (_section, q) in enumerate(asked) if q.id not in answers), len(asked)
    )
    draft.stage = "questions"


class AssessSession:
    def __init__(
        self,
        loaded: LoadedExercise,
        draft: Draft,
        on_change: Callable[[Draft], None] | None = None,
    ) -> None:
        self.loaded = loaded
        self.exercise = loaded.exercise
        self.draft = draft
        self._on_change = on_change

    def _changed(self) -> None:
        self.draft.updated = now()
        if self._on_change is not None:
            self._on_change(self.draft)

    def asked(self) -> list[tuple[Section, QuestionBase]]:
        return visible(self.exercise, self.draft.answers)

    def wording(self, q: QuestionBase) -> str:
        return self.exercise.wording(q, self.draft.about)

    def _ask(
        self, prompter: Prompter, index: int, can_go_back: bool, from_review: bool = False
    ) -> AnswerValue | Back | Pass:
        asked = self.asked()
        section, q = asked[index]
        return prompter.ask(
            Ask(
                exercise=self.exercise,
                section=section,
                question=q,
                text=self.wording(q),
                number=index + 1,
                total=len(asked),
                current=self.draft.answers.get(q.id),
                answered=q.id in self.draft.answers,
                can_go_back=can_go_back,
                new_section=index == 0 or asked[index - 1][0] is not section,
                from_review=from_review,
            )
        )

    def run(self, prompter: Prompter) -> None:
        """Ask every question, then let the person review, unless the draft is past that."""
        if self.draft.stage == "questions":
            self._questions(prompter)
            self.draft.stage = "review"
            self._changed()
        if self.draft.stage == "review":
            self._review(prompter)
            self.draft.stage = "next_step"
            self._changed()

    def _questions(self, prompter: Prompter) -> None:
        def keep(index: int, reply: AnswerValue | Pass) -> None:
            answer = None if isinstance(reply, Pass) else reply
            self.draft.answers[self.asked()[index][1].id] = answer

        def moved(index: int) -> None:
            self.draft.position = index
            self._changed()

        walk(
            lambda: len(self.asked()),
            self.draft.position,
            lambda index, back: self._ask_with_note(prompter, index, can_go_back=back),
            keep,
            moved,
        )

    def _ask_with_note(
        self, prompter: Prompter, index: int, can_go_back: bool, from_review: bool = False
    ) -> Reply:
        """A question, then the example it asks for (optional); back from it is the answer."""
        reply = self._ask(prompter, index, can_go_back, from_review)
        section, q = self.asked()[index]
        while q.evidence and not isinstance(q, TextQuestion) and not isinstance(reply, Back):
            self.draft.answers[q.id] = None if isinstance(reply, Pass) else reply
            self._changed()
            earlier = self.draft.notes.get(q.id)
            note = prompter.ask(
                Ask(
                    exercise=self.exercise,
                    section=section,
                    question=note_question(q),
                    text=q.evidence,
                    number=index + 1,
                    total=len(self.asked()),
                    current=earlier,
                    answered=earlier is not None,
                    can_go_back=True,
                    new_section=False,
                    note_for=q,
                )
            )
            if not isinstance(note, Back):
                if isinstance(note, str) and note.strip():
                    self.draft.notes[q.id] = " ".join(note.split())
                else:
                    self.draft.notes.pop(q.id, None)
                return reply
            reply = self._ask(prompter, index, can_go_back)
        return reply

    def review_rows(self) -> list[ReviewRow]:
        return [
            ReviewRow(
                number=i + 1,
                section=section.title,
                text=self.wording(q),
                answer=shown(self.exercise, q, self.draft.answers.get(q.id)),
                reverse=getattr(q, "reverse", False),
            )
            for i, (section, q) in enumerate(self.asked())
        ]

    def _review(self, prompter: Prompter) -> None:
        while True:
            choice = prompter.review(self.review_rows())
            if choice is None:
                return
            if not 0 <= choice < len(self.asked()):
                continue
            reply = self._ask_with_note(prompter, choice, can_go_back=True, from_review=True)
            if not isinstance(reply, Back | Pass):
                self.draft.answers[self.asked()[choice][1].id] = reply
                self._changed()

    def ask_next_step(self, prompter: Prompter) -> None:
        self.draft.next_step = prompter.ask_next_step(self.draft.next_step)
        self._changed()

    def scores(self) -> Scores:
        return score(self.exercise, self.draft.answers)

    def reflection(self, about_label: str) -> Reflection:
        """The finished record: only the questions that were asked, in order."""
        from coprod_toolkit.loader import language_of

        records = []
        for section, q in self.asked():
            answer = self.draft.answers.get(q.id)
            records.append(
                AnswerRecord(
                    question=q.id,
                    section=section.id,
                    text=self.wording(q),
                    answer=answer,
                    shown=shown(self.exercise, q, answer),
                    points=question_points(self.exercise, q, answer),
                    note=self.draft.notes.get(q.id),
                    reverse=bool(getattr(q, "reverse", False)),
                )
            )
        return Reflection(
            id=self.draft.id,
            command=self.draft.command,
            exercise=self.draft.exercise,
            about=self.draft.about,
            about_label=about_label,
            name=self.draft.name,
            language=language_of(self.loaded),
            started=self.draft.started,
            finished=now(),
            answers=records,
            scores=self.scores(),
            frameworks={fid: f.title for fid, f in self.exercise.frameworks.items()},
            kind=self.exercise.kind,
            verdict=verdict(self.exercise, self.draft.answers, self.draft.about),
            previous_step=self.draft.previous_step,
            next_step=self.draft.next_step,
        )
