"""The exercise format and the records a run leaves behind.

The field descriptions double as the authoring reference: they are what a
trainer sees in the JSON Schema and in `docs/authoring.md`.

No `from __future__ import annotations` here, unlike the other modules: pydantic would
then read every field's type from a string (compiling each one), which took a fifth of
the time this module takes to load. A type named before it is defined is quoted.
"""

import re
from collections.abc import Iterator
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from coprod_toolkit.base import QUESTION_TYPES, SLUG_PATTERN, Slug, Strict, new_list
from coprod_toolkit.i18n import ENGLISH, _, gettext_noop, using

__all__ = ["QUESTION_TYPES", "SLUG_PATTERN", "Slug", "Strict"]  # and the models below


def _number_to_text(value: Any) -> Any:
    """Let authors write `version: 2` or `version: 1.1` without quotes."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return value


def _plain_version(value: str) -> str:
    """A version is a plain number (1, 2 or 1.1), so results can say which one they used."""
    if not re.fullmatch(r"\d+(\.\d+)?", value.strip()):
        raise ValueError(
            _(
                "'{value}' is not a version number. A version is a plain number such as 1, 2 "
                "or 1.1. Fix: write a number, like 'version: 2', and raise it when you change "
                "the questions"
            ).format(value=value)
        )
    return value.strip()


def _not_true_false_whole(value: Any) -> Any:
    """Python counts true as 1: without this, `min: true` would pass as a whole number."""
    if isinstance(value, bool):
        raise PydanticCustomError("int_type", "Input should be a valid integer")  # i18n-ok
    return value


def _not_true_false_number(value: Any) -> Any:
    """Python counts true as 1: without this, `weight: true` would pass as a number."""
    if isinstance(value, bool):
        raise PydanticCustomError("float_type", "Input should be a valid number")  # i18n-ok
    return value


def _not_true_false_answer(value: Any) -> Any:
    """`equals: true` would match a scale's 1: true/false is no answer coprod saves."""
    if isinstance(value, bool):
        raise ValueError(
            _(
                "true and false are not answers. Fix: write yes or no for a yes/no question, "
                "or the number or option the answer should match"
            )
        )
    return value


# Numbers in an exercise: true and false are refused, as the file means neither.
Whole = Annotated[int, BeforeValidator(_not_true_false_whole)]
Number = Annotated[float, BeforeValidator(_not_true_false_number)]
Answer = Annotated[int | float | str, BeforeValidator(_not_true_false_answer)]
# Limits inside the type, before the check: so the schema still says 'above 0, at most 240'.
StepMinutes = Annotated[int, Field(gt=0, le=240), BeforeValidator(_not_true_false_whole)]


# --------------------------------------------------------------------------- exercises

Wording = Annotated[
    str | dict[str, str],
    Field(
        description=(
            "The statement or question. Either one text, or one text per subject "
            "(for example me, service, organisation) when the exercise has subjects."
        )
    ),
]


class Scale(Strict):
    """A scale of whole numbers, such as 1 to 5 or 0 to 10."""

    min: Whole = Field(1, description="The lowest point of the scale.")
    max: Whole = Field(5, description="The highest point of the scale.")
    labels: dict[Whole, str] = Field(
        default_factory=dict,
        description="Words for the points: one per point, or only at the ends.",
    )
    unknown: str | None = Field(
        None,
        min_length=1,
        description=(
            "Offer one more answer after the points, with these words, such as "
            "'Does not apply / I don't know'. It is saved as 'unknown', earns no points "
            "and leaves the question out of the score, so it neither helps nor hurts; "
            "results say how many statements were answered this way."
        ),
    )

    def points(self) -> range:
        return range(self.min, self.max + 1)

    def label(self, value: int) -> str:
        return self.labels.get(value, "")


class When(Strict):
    """Ask a question only when an earlier answer says so."""

    question: Slug = Field(description="The id of an earlier question.")
    equals: Answer | None = Field(None, description="Ask when that answer is this.")
    any_of: list[Answer] | None = Field(None, description="Ask when that answer is any of these.")
    at_least: Number | None = Field(None, description="Ask when that answer is at least this.")
    at_most: Number | None = Field(None, description="Ask when that answer is at most this.")

    @model_validator(mode="after")
    def _one_condition(self) -> "When":
        ranges = self.at_least is not None or self.at_most is not None
        kinds = sum([self.equals is not None, self.any_of is not None, ranges])
        if kinds != 1:
            raise ValueError(
                _(
                    "give exactly one condition: equals, any_of, or at_least / at_most. "
                    "Fix: keep one of them"
                )
            )
        return self

    def holds(self, answer: Any) -> bool:
        """Whether an earlier answer opens this question. No answer opens nothing."""
        if answer is None:
            return False
        values = answer if isinstance(answer, list) else [answer]
        if self.equals is not None:
            return self.equals in values
        if self.any_of is not None:
            return any(v in self.any_of for v in values)
        for v in values:
            if isinstance(v, int | float) and not isinstance(v, bool):
                low = self.at_least is None or v >= self.at_least
                high = self.at_most is None or v <= self.at_most
                if low and high:
                    return True
        return False


class QuestionBase(Strict):
    id: Slug = Field(description="Unique within the exercise; answers files use it.")
    text: Wording
    principles: dict[Slug, Slug] = Field(
        default_factory=dict,
        description=(
            "For each extra framework under the exercise's `frameworks`, the principle "
            "this question belongs to (framework id: principle id)."
        ),
    )
    help: str | None = Field(None, description="Shown when the person asks for help.")
    optional: bool = Field(False, description="May be skipped without an answer.")
    weight: Number = Field(1.0, gt=0, le=100, description="How much this question counts.")
    when: When | None = Field(None, description="Only ask when an earlier answer says so.")
    evidence: str | None = Field(
        None,
        description=(
            "Ask for an example or a piece of evidence right after the answer, in the same "
            "turn, with this prompt (for example 'What shows this?'). Answering it is optional."
        ),
    )

    @property
    def scored(self) -> bool:
        return True


class ScaleQuestion(QuestionBase):
    """A point on a scale, such as 1 (not at all) to 5 (always)."""

    type: Literal["scale"]
    scale: Scale | Slug = Field(
        description="The scale itself, or the name of one listed under the exercise's `scales`."
    )
    reverse: bool = Field(
        False, description="Count the scale backwards: for statements where agreeing is bad news."
    )


class YesNoPoints(Strict):
    yes: Number = 1
    no: Number = 0


class YesNoQuestion(QuestionBase):
    """Yes, no, and (unless turned off) not sure."""

    type: Literal["yes_no"]
    not_sure: bool = Field(True, description="Offer 'not sure' as an answer.")
    points: YesNoPoints = Field(default_factory=YesNoPoints)
    reverse: bool = Field(False, description="Swap the points for yes and no.")
    counts: Literal["for", "against"] | None = Field(
        None,
        description=(
            "Checklists only. 'for': yes is a good sign and no is a concern. "
            "'against': yes is a warning sign."
        ),
    )
    talk_about: str | None = Field(
        None, description="Checklists: a question to talk through when this is a concern."
    )
    could_change: str | None = Field(
        None, description="Checklists: what could change it, when this is a concern."
    )
    blocks: bool = Field(
        False,
        description=(
            "Checklists: answered the worrying way, this statement alone gives the last "
            "verdict (the one for the most concerns), whatever the count; answered "
            "'not sure', it gives 'find out first'. For 'don't do it if' statements."
        ),
    )

    def concern(self, answer: object) -> bool:
        """A checklist statement answered the worrying way."""
        return (self.counts == "against" and answer == "yes") or (
            self.counts == "for" and answer == "no"
        )


class Option(Strict):
    value: Slug = Field(description="The id of this option, used in answers files.")
    label: str = Field(description="What the person sees.")
    points: Number | None = Field(None, description="Points for choosing it (scored sections).")


class ChoiceQuestion(QuestionBase):
    """Pick one option; each option may carry points."""

    type: Literal["choice"]
    options: list[Option] = Field(min_length=2)

    @property
    def scored(self) -> bool:
        return any(o.points is not None for o in self.options)


class MultiQuestion(QuestionBase):
    """Tick any number of options; their points add up."""

    type: Literal["multi"]
    options: list[Option] = Field(min_length=2)

    @property
    def scored(self) -> bool:
        return any(o.points is not None for o in self.options)


class TextQuestion(QuestionBase):
    """Free text: notes, examples, what got in the way. Never scored."""

    type: Literal["text"]
    optional: bool = Field(
        True,
        description="Text may be left blank, unless you set 'optional: false': then it is needed.",
    )

    @property
    def scored(self) -> bool:
        return False


Question = Annotated[
    ScaleQuestion | YesNoQuestion | ChoiceQuestion | MultiQuestion | TextQuestion,
    Field(discriminator="type"),
]


class Principle(Strict):
    id: Slug
    title: str
    description: str = ""


class Framework(Strict):
    """Another set of principles the same questions can be reported against."""

    title: str
    principles: list[Principle] = Field(min_length=1)


class Step(Strict):
    """One step of a guided exercise: a prompt to talk about, then a round."""

    id: Slug
    title: str
    prompt: str = Field(description="What the group talks about in this step.")
    help: str | None = Field(None, description="More to go on, shown on request.")
    minutes: StepMinutes | None = Field(
        None, description="Suggested time, shown as a countdown that can end early."
    )
    round: str = Field(
        "What would you like to add?",
        description="The question each person answers in turn, as many times as they like.",
    )


class GroupAdds(Strict):
    """Lets a group add statements of its own during a session."""

    scale: Scale | Slug | None = Field(
        None,
        description=(
            "The scale the group marks its own statements on: a scale, or the name of one "
            "under `scales`. Leave out for statements written down without a mark."
        ),
    )
    sections: list[Slug] = Field(
        default_factory=new_list,
        description="The sections a group may add to; leave out for every section.",
    )
    most: Whole = Field(5, ge=1, le=20, description="At most this many statements per section.")


def round_half_up(value: float, digits: int = 0) -> float:
    """Round the way people do on paper: 62.5 is 63, 2.25 is 2.3 (Python's round() gives 62)."""
    step = Decimal(1).scaleb(-digits)
    return float(Decimal(repr(value)).quantize(step, rounding=ROUND_HALF_UP))


def whole(value: float) -> int:
    """A score as a whole number, rounded half up."""
    return int(round_half_up(value))


class Band(Strict):
    """A range of scores with a name and a message, like '40-69: Support'."""

    min: Whole = Field(description="Lowest score in this band (whole number, included).")
    max: Whole = Field(description="Highest score in this band (whole number, included).")
    label: str = Field(description="A short name for the band.")
    message: str = Field("", description="What this result means and what to try next.")

    def contains(self, value: float) -> bool:
        return self.min <= whole(value) <= self.max


class Scoring(Strict):
    bands_on: Literal["percent", "raw"] = Field(
        "percent",
        description="Read bands against the score out of 100 (percent) or the raw total (raw).",
    )
    show: Literal["percent", "total", "mean", "each"] | None = Field(
        None,
        description=(
            "How results are shown. percent: out of 100. total: the points, with the range "
            "they can fall in ('Total 60 (of 20-100)', 'Equality 12 of 4-20'). mean: the "
            "average answer on the scale's own numbers ('7 of 10'; every scored question "
            "must share one scale). each: the sections measure different things, so each "
            "shows only its reading (its band) and nothing is added into one total. "
            "Default: total when bands_on is raw, otherwise percent."
        ),
    )
    passes: Literal["leave_out", "pro_rate", "lowest"] = Field(
        "leave_out",
        description=(
            "What a passed (skipped) question does to a score. leave_out: it leaves the total "
            "and its range. pro_rate: the total is scaled up to the full range, as if the "
            "passed questions had been answered like the rest. lowest: a pass counts as the "
            "lowest answer. 'Not sure' and 'does not apply' answers are always left out "
            "(pro_rate scales over them too)."
        ),
    )
    min_answered: Number = Field(
        0,
        ge=0,
        le=1,
        description=(
            "The share of scored questions (0 to 1, such as 0.8) that must be answered for a "
            "result to get a band. Below it, the result is shown with no band, and says why."
        ),
    )

    def shown_as(self) -> Literal["percent", "total", "mean", "each"]:
        if self.show is not None:
            return self.show
        return "total" if self.bands_on == "raw" else "percent"

    bands: list[Band] = Field(default_factory=new_list, description="Bands for the overall score.")
    section_bands: list[Band] = Field(
        default_factory=new_list,
        description="Bands for every section's score, unless a section has its own.",
    )


class Reading(Strict):
    """A verdict's words, for a rule rather than a count."""

    label: str = Field(description="A short name for the verdict.")
    message: str = Field("", description="What it means and what to do next.")


def find_out_first() -> Reading:
    """The verdict when answers that decide it were 'not sure', in the language in use
    (an exercise can give its own words: `find_out_first`)."""
    return Reading(
        label=_("Find out first"),
        message=_(
            "Some of the answers that decide this were 'not sure', so there is no honest "
            "verdict yet. Find out about the statements below, then take this check again."
        ),
    )


class Section(Strict):
    id: Slug
    title: str
    principle: str | None = Field(
        None, description="Which principle of the framework this section stands for."
    )
    description: str = Field("", description="Shown before the section's first question.")
    scored: bool = Field(True, description="Whether the section's answers make a score.")
    bands: list[Band] | None = Field(None, description="Bands for this section alone.")
    guide: str | None = Field(
        None, description="The `coprod guide` topic to point to when this section scores low."
    )
    practice: list[str] = Field(
        default_factory=new_list,
        description="Ids of exercises that help build this principle, suggested when it is low.",
    )
    questions: list[Question] = Field(min_length=1)


# What an exercise that does not say otherwise has, in the language it is written in.
SIX_PRINCIPLES = gettext_noop("the six principles of co-production")
MY_OWN_PRACTICE = gettext_noop("my own practice")
ACTIONS_PROMPT = gettext_noop("What will you do, who will do it, and by when?")
# Beside a statement that counts the other way, on screen and in reports.
REVERSE_MARK = gettext_noop("(counts the other way)")


class Exercise(Strict):
    """One exercise file."""

    id: Slug = Field(description="How people ask for it: `coprod assess <id>`.")
    version: Annotated[
        str,
        BeforeValidator(_number_to_text),
        AfterValidator(_plain_version),
        WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "number"}]}),
    ] = Field("1", description="Raise it when you change questions, so old results are read right.")
    language: str = Field(
        ENGLISH,
        pattern=r"^[a-z]{2,3}$",
        description=(
            "The language the exercise is written in, as a short code: 'en' (English, "
            "the default) or 'cy' (Welsh), for example. Saved results say it, and "
            "coprod's own defaults (such as 'my own practice') follow it."
        ),
    )
    title: str
    summary: str = Field(description="One or two sentences: what this is for.")
    kind: Literal["assessment", "checklist", "guided"] = Field(
        "assessment",
        description=(
            "assessment: scored questions in sections, read against bands. "
            "checklist: yes/no statements that count for or against, read as a verdict. "
            "guided: steps for a group, each with a prompt and a round of contributions, "
            "ending with an action list."
        ),
    )
    audience: str = Field("", description="Who it is for.")
    minutes: Whole = Field(15, gt=0, le=600, description="Roughly how long it takes.")
    framework: str = Field(
        SIX_PRINCIPLES,
        description="The set of principles the sections stand for.",
    )
    frameworks: dict[Slug, Framework] = Field(
        default_factory=dict,
        description=(
            "Other sets of principles (for example a trainer's own) that questions can also "
            "belong to, through each question's `principles`. Results are shown for each."
        ),
    )
    subjects: dict[Slug, str] = Field(
        default_factory=lambda: {"me": MY_OWN_PRACTICE},
        description="What a person can reflect on, chosen with --about (id: description).",
    )
    scales: dict[Slug, Scale] = Field(
        default_factory=dict, description="Named scales that questions can share."
    )
    scoring: Scoring = Field(default_factory=Scoring)
    verdicts: list[Band] = Field(
        default_factory=new_list,
        description=(
            "Checklists: verdicts by the number of concerns (statements answered the "
            "worrying way, counted by weight), lowest first, covering every possible count."
        ),
    )
    find_out_first: Reading | None = Field(
        None,
        description=(
            "Checklists: the verdict when 'not sure' answers could change the verdict (a "
            "blocking statement answered 'not sure', or enough of them to reach another "
            "verdict). Default: 'Find out first'. Giving it, or marking any statement "
            "'blocks: true', turns this rule on; without either, 'not sure' only adds to the "
            "things to find out."
        ),
    )
    sections: list[Section] = Field(
        default_factory=new_list, description="Assessments and checklists: the sections, in order."
    )
    steps: list[Step] = Field(
        default_factory=new_list, description="Guided exercises: the steps, in order."
    )
    actions_prompt: str = Field(
        ACTIONS_PROMPT,
        description="Guided exercises: the question that opens the action list at the end.",
    )
    agree: Literal["when_apart", "always"] = Field(
        "when_apart",
        description=(
            "Group sessions: when_apart offers to record an agreed answer (and always lets the "
            "group choose to); always asks the group for its agreed answer at every question."
        ),
    )
    group_adds: GroupAdds | None = Field(
        None,
        description=(
            "Group sessions: let the group add its own statements to a section, at the end of "
            "that section. They are saved, shown in the record and scored if they have a scale."
        ),
    )

    @model_validator(mode="after")
    def _defaults_in_its_language(self) -> "Exercise":
        """An exercise written in Welsh gets the defaults it leaves out in Welsh too.

        Written straight into the model's values, so the fields still count as left out
        (a group's subject_label asks whether `subjects` was written).
        """
        if self.language == ENGLISH:
            return self
        with using(self.language):
            defaults = {
                "framework": _(SIX_PRINCIPLES),
                "subjects": {"me": _(MY_OWN_PRACTICE)},
                "actions_prompt": _(ACTIONS_PROMPT),
            }
        for name, value in defaults.items():
            if name not in self.model_fields_set:
                self.__dict__[name] = value
        return self

    def questions(self) -> Iterator[tuple[Section, QuestionBase]]:
        for section in self.sections:
            for question in section.questions:
                yield section, question

    def question(self, question_id: str) -> QuestionBase | None:
        for _section, q in self.questions():
            if q.id == question_id:
                return q
        return None

    def scale_of(self, question: ScaleQuestion) -> Scale:
        if isinstance(question.scale, Scale):
            return question.scale
        return self.scales[question.scale]

    def wording(self, question: QuestionBase, subject: str) -> str:
        if isinstance(question.text, str):
            return question.text
        return question.text.get(subject) or next(iter(question.text.values()))

    def section_bands(self, section: Section) -> list[Band]:
        return section.bands if section.bands is not None else self.scoring.section_bands


# --------------------------------------------------------------------------- answers and runs

# scale: a number, or 'unknown' when the scale offers it; yes_no: 'yes' | 'no' |
# 'not_sure'; choice: an option value; multi: a list of option values; text: the
# words. None: skipped.
AnswerValue = int | float | str | list[str] | None

# The saved answer for a scale's extra 'does not apply / I don't know' option.
UNKNOWN = "unknown"


class ExerciseRef(Strict):
    id: str
    version: str
    title: str
    hash: str = Field(description="sha256 of the exercise file, to tell if it changed since.")


class PreviousStep(Strict):
    """Last time's "one thing I will do next", and what became of it."""

    text: str = Field(description="What the person said they would do.")
    reflection: str = Field(description="The id of the reflection it came from.")
    when: datetime
    happened: Literal["yes", "partly", "no"] | None = None
    learned: str | None = None


class Draft(Strict):
    """A run in progress, saved after every answer."""

    format: Literal[1] = 1
    id: str
    command: Literal["assess", "readiness"] = "assess"
    exercise: ExerciseRef
    exercise_path: str = ""
    about: str
    name: str | None = None
    language: str = Field(
        "en", pattern=r"^[a-z]{2,3}$", description="The language the exercise is shown in."
    )
    started: datetime
    updated: datetime
    stage: Literal["questions", "review", "next_step"] = "questions"
    position: int = 0
    answers: dict[str, AnswerValue] = Field(default_factory=dict)
    previous_step: PreviousStep | None = None
    next_step: str | None = None
    notes: dict[str, str] = Field(
        default_factory=dict, description="Question id -> the example or evidence given."
    )
    plain: bool = Field(False, description="Started with --plain: resume stays plain.")


class Score(Strict):
    raw: float = Field(description="The total of points.")
    min: float = Field(description="The lowest total possible for the questions answered.")
    max: float = Field(description="The highest total possible for the questions answered.")
    percent: float | None = Field(
        ge=0,
        le=100,
        description="The total as 0-100; none when nothing was scored.",
    )
    band: str | None = None
    message: str | None = None
    answered: int = 0
    questions: int = Field(0, description="How many scored questions were asked (0: not recorded).")
    mean: float | None = Field(
        None, description="The average answer on the scale, counted by weight (show: mean)."
    )
    needed: int = Field(0, description="Answers needed for a band (scoring's min_answered).")
    passed: int = Field(0, description="How many scored questions were passed (skipped).")
    unknown: int = Field(
        0, description="Scale questions answered with the scale's 'unknown' answer."
    )


class SectionScore(Score):
    id: str
    title: str
    principle: str | None = None


class Concern(Strict):
    """A checklist statement answered the worrying way, with what to do about it."""

    question: str
    text: str
    talk_about: str | None = None
    could_change: str | None = None


class Verdict(Strict):
    """What a checklist says: a verdict, and what lies behind it."""

    label: str
    message: str
    count: float = Field(description="How many concerns, counted by weight.")
    concerns: list[Concern] = Field(default_factory=new_list)
    unsure: list[Concern] = Field(
        default_factory=new_list, description="Statements answered 'not sure': things to find out."
    )
    rule: Literal["count", "blocked", "find_out"] = Field(
        "count",
        description=(
            "How the verdict was reached: by the count of concerns, by a blocking statement, "
            "or because answers that decide it were 'not sure'."
        ),
    )
    blocking: list[str] = Field(
        default_factory=new_list,
        description="Ids of blocking statements answered the worrying way.",
    )
    deciding: list[str] = Field(
        default_factory=new_list, description="Ids of 'not sure' statements that could change it."
    )


class Scores(Strict):
    sections: list[SectionScore]
    overall: Score
    show: Literal["percent", "total", "mean", "each"] = Field(
        "percent", description="How the exercise asks for results to be shown."
    )
    scale_max: int | None = Field(None, description="The top of the scale, for show: mean.")
    passes: Literal["leave_out", "pro_rate", "lowest"] = Field(
        "leave_out", description="What a passed question did to these scores."
    )
    frameworks: dict[str, list[SectionScore]] = Field(
        default_factory=dict, description="Scores per principle of each extra framework."
    )


class AnswerRecord(Strict):
    question: str
    section: str
    text: str
    answer: AnswerValue
    shown: str = Field(description="The answer as the person saw it.")
    points: float | None = None
    note: str | None = Field(None, description="The example or evidence given with it.")
    reverse: bool = Field(
        False, description="The statement counts the other way: agreeing lowers the score."
    )


class Reflection(Strict):
    """One finished run: saved as YAML for machines and Markdown for people."""

    format: Literal[1] = 1
    id: str
    command: Literal["assess", "readiness"] = "assess"
    exercise: ExerciseRef
    about: str
    about_label: str
    name: str | None = None
    language: str = Field(
        "en",
        pattern=r"^[a-z]{2,3}$",
        description="The language the exercise was shown in ('en', 'cy'); "
        "a record without it was in English.",
    )
    started: datetime
    finished: datetime
    kind: Literal["assessment", "checklist"] = "assessment"
    scores: Scores
    verdict: Verdict | None = None
    frameworks: dict[str, str] = Field(
        default_factory=dict, description="The titles of the extra frameworks scored."
    )
    previous_step: PreviousStep | None = None
    next_step: str | None = None
    # Last, so that the summary above can be read without reading every answer.
    answers: list[AnswerRecord]


# --------------------------------------------------------------------------- groups
# The group session's models live in group_models.py and are built only when a command
# needs them (about 3 ms of every start otherwise); their names still import from here.

_GROUP_MODELS = (  # i18n-ok: names in the code
    "Agreed",
    "Action",
    "AddedStatement",
    "GroupDraft",
    "QuestionSpread",
    "StepRecord",
    "GroupRecord",
)


def __getattr__(name: str) -> Any:
    if name in _GROUP_MODELS:
        from coprod_toolkit import group_models

        return getattr(group_models, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")  # i18n-ok


if TYPE_CHECKING:
    from coprod_toolkit.group_models import Action as Action
    from coprod_toolkit.group_models import AddedStatement as AddedStatement
    from coprod_toolkit.group_models import Agreed as Agreed
    from coprod_toolkit.group_models import GroupDraft as GroupDraft
    from coprod_toolkit.group_models import GroupRecord as GroupRecord
    from coprod_toolkit.group_models import QuestionSpread as QuestionSpread
    from coprod_toolkit.group_models import StepRecord as StepRecord
