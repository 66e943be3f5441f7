"""The records of a group session: built only when a command needs them (see models.py).

No `from __future__ import annotations`, for the reason models.py gives.
"""

from datetime import date, datetime
from typing import Literal

from pydantic import Field

from coprod_toolkit.base import Strict, new_list
from coprod_toolkit.models import AnswerValue, ExerciseRef, Scores, Verdict


class Agreed(Strict):
    """An answer a group agreed on after talking, and why."""

    answer: AnswerValue
    note: str | None = None


class Action(Strict):
    """One thing a group will do: what, who, and by when."""

    what: str
    who: list[str] = Field(min_length=1)
    when: date | None = None


class AddedStatement(Strict):
    """A statement a group added of its own during a session, with the group's mark."""

    id: str
    section: str
    text: str
    answer: AnswerValue = None
    note: str | None = None


class GroupDraft(Strict):
    """A group session in progress, saved after every answer and every contribution."""

    format: Literal[1] = 1
    id: str
    command: Literal["group"] = "group"
    exercise: ExerciseRef
    exercise_path: str = ""
    about: str
    people: list[str] = Field(min_length=2, max_length=12)
    anonymous: bool = False
    open: bool = False
    language: str | None = Field(
        None,
        pattern=r"^[a-z]{2,3}$",
        description="The language coprod spoke to the group in (none: saved before it was kept).",
    )
    started: datetime
    updated: datetime
    stage: Literal["questions", "actions", "done"] = "questions"
    position: int = Field(0, description="Which question or step the group is on.")
    turn: int = Field(0, description="How many people have had their turn there.")
    answers: dict[str, dict[str, AnswerValue]] = Field(
        default_factory=dict, description="Question id -> person -> answer."
    )
    passed: dict[str, list[str]] = Field(
        default_factory=dict, description="Question or step id -> the people who passed."
    )
    agreed: dict[str, Agreed] = Field(default_factory=dict)
    discussed: list[str] = Field(
        default_factory=new_list,
        description="Questions whose answers have been shown and talked over.",
    )
    contributions: dict[str, dict[str, list[str]]] = Field(
        default_factory=dict, description="Step id -> person -> what they added."
    )
    actions: list[Action] = Field(default_factory=new_list)
    topic: str | None = Field(None, description="The piece of work the group is talking about.")
    plain: bool = Field(False, description="Started with --plain: resume stays plain.")
    time_left: int | None = Field(
        None,
        description="Seconds of talking time left at this step (0: the talk is over).",
    )
    notes: dict[str, dict[str, str]] = Field(
        default_factory=dict,
        description="Question id -> person -> the example or evidence they gave.",
    )
    languages: dict[str, str] = Field(
        default_factory=dict, description="Person -> the language they answer in, when chosen."
    )
    both_languages: bool | None = Field(
        None, description="Shared screens in every language used (None: when people differ)."
    )
    added: list[AddedStatement] = Field(
        default_factory=new_list, description="Statements the group added of its own."
    )


class QuestionSpread(Strict):
    """One question as the group answered it."""

    question: str
    section: str
    text: str
    answers: dict[str, AnswerValue] = Field(description="Person -> answer (null: passed).")
    shown: dict[str, str] = Field(
        default_factory=dict, description="Person -> the answer as people saw it ('passed')."
    )
    spread: float | None = Field(description="Highest minus lowest, for scale questions.")
    worth_talking_about: bool
    agreed: Agreed | None = None
    group_answer: AnswerValue = Field(
        description="The agreed answer, or else the middle (median) of everyone's."
    )
    group_shown: str = Field("", description="The group's answer as people would see it.")
    notes: dict[str, str] = Field(
        default_factory=dict, description="Person -> the example or evidence they gave."
    )
    added: bool = Field(False, description="A statement the group added of its own.")
    reverse: bool = Field(
        False, description="The statement counts the other way: agreeing lowers the score."
    )


class StepRecord(Strict):
    step: str
    title: str
    contributions: dict[str, list[str]]


class GroupRecord(Strict):
    """A finished group session: saved beside individual reflections."""

    format: Literal[1] = 1
    id: str
    command: Literal["group"] = "group"
    exercise: ExerciseRef
    kind: Literal["assessment", "checklist", "guided"]
    about: str
    about_label: str
    people: list[str]
    anonymous: bool = False
    open: bool = False
    started: datetime
    finished: datetime
    scores: Scores | None = None
    verdict: Verdict | None = None
    shares: dict[str, int] = Field(
        description="How many answers and contributions each person gave: was everyone heard?"
    )
    passes: dict[str, int] = Field(
        default_factory=dict,
        description="How many times each person passed, kept apart: passing is a right.",
    )
    topic: str | None = Field(None, description="The piece of work the group talked about.")
    actions: list[Action] = Field(default_factory=new_list)
    questions: list[QuestionSpread] = Field(default_factory=new_list)
    steps: list[StepRecord] = Field(default_factory=new_list)
    language: str = Field("en", description="The language of the exercise on the shared screens.")
    languages: dict[str, str] = Field(
        default_factory=dict,
        description="Person -> their language, when people used different ones.",
    )
