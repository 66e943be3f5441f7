"""What counts as an answer: one rule for typed answers and answers files alike."""

from __future__ import annotations

import difflib
import shlex
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from coprod_toolkit.errors import FileProblems
from coprod_toolkit.i18n import _, pgettext
from coprod_toolkit.models import (
    UNKNOWN,
    AnswerValue,
    ChoiceQuestion,
    Exercise,
    MultiQuestion,
    QuestionBase,
    ScaleQuestion,
    When,
    YesNoQuestion,
)
from coprod_toolkit.scoring import visible
from coprod_toolkit.yamlfile import Findings, read_standard_input, read_yaml

# Typed or written answers are taken in English and in Welsh, whatever the language in use.
# Welsh answers a yes/no question with the verb of the question: "Ydych chi...?" "Ydw."
YES = ("yes", "y", "ie", "do", "oes", "ydw", "ydy", "ydyn", "ydan", "ydyw")
NO = (  # i18n-ok: answers a person may type
    "no",
    "n",
    "na",
    "naddo",
    "nac oes",  # i18n-ok
    "nac ydw",  # i18n-ok
    "nac ydy",  # i18n-ok
    "nac ydyn",  # i18n-ok
    "nac ydan",  # i18n-ok
    "nac ydyw",  # i18n-ok
)
NOT_SURE = (
    "not sure",  # i18n-ok: an answer a person may type, in either language
    "not_sure",
    "notsure",
    "unsure",
    "don't know",  # i18n-ok
    "dont know",  # i18n-ok
    "ns",
    "ddim yn siŵr",  # i18n-ok
    "ddim yn siwr",  # i18n-ok
    "dim yn siŵr",  # i18n-ok
    "dim yn siwr",  # i18n-ok
)
UNKNOWN_WORDS = (
    UNKNOWN,
    "u",  # the key people learn at the questions
    "does not apply",  # i18n-ok
    "doesn't apply",  # i18n-ok
    "don't know",  # i18n-ok
    "dont know",  # i18n-ok
    "n/a",
    "ddim yn berthnasol",  # i18n-ok
    "dydw i ddim yn gwybod",  # i18n-ok
)
MAX_TEXT = 5000


class BadAnswer(ValueError):
    """An answer that does not fit its question; the message says what would."""


def allowed(ex: Exercise, q: QuestionBase) -> str:
    """The answers a question takes, in words, for error messages and prompts."""
    if isinstance(q, ScaleQuestion):
        scale = ex.scale_of(q)
        if scale.unknown:
            return _("a whole number from {min} to {max}, or unknown ({unknown})").format(
                min=scale.min, max=scale.max, unknown=scale.unknown
            )
        return _("a whole number from {min} to {max}").format(min=scale.min, max=scale.max)
    if isinstance(q, YesNoQuestion):
        return _("yes, no or not sure") if q.not_sure else _("yes or no")
    if isinstance(q, ChoiceQuestion | MultiQuestion):
        values = ", ".join(o.value for o in q.options)
        if isinstance(q, ChoiceQuestion):
            return _("one of: {values}").format(values=values)
        return _("a list of any of: {values}").format(values=values)
    return _("some text")


def parse_answer(ex: Exercise, q: QuestionBase, raw: Any) -> AnswerValue:
    """Turn what someone typed or wrote into an answer, or raise BadAnswer."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        if q.optional:
            return None
        raise BadAnswer(_("an answer is needed: {allowed}").format(allowed=allowed(ex, q)))
    if isinstance(q, ScaleQuestion):
        scale = ex.scale_of(q)
        value: Any = raw
        if isinstance(raw, str):
            text = raw.strip()
            by_label = {v.casefold(): k for k, v in scale.labels.items()}
            if text.casefold() in by_label:
                return by_label[text.casefold()]
            if scale.unknown and text.casefold() in (*UNKNOWN_WORDS, scale.unknown.casefold()):
                return UNKNOWN
            try:
                value = int(text)
            except ValueError:
                value = None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, int) and not isinstance(value, bool) and value in scale.points():
            return value
        raise BadAnswer(
            _("'{answer}' is not on the scale: use {allowed}").format(
                answer=str(raw).lower() if isinstance(raw, bool) else raw,  # as in the file
                allowed=allowed(ex, q),
            )
        )
    if isinstance(q, YesNoQuestion):
        if raw is True:
            return "yes"
        if raw is False:
            return "no"
        text = str(raw).strip().casefold()
        if text in YES:
            return "yes"
        if text in NO:
            return "no"
        if q.not_sure and text in NOT_SURE:
            return "not_sure"
        raise BadAnswer(
            _("'{answer}' is not an answer here: use {allowed}").format(
                answer=raw, allowed=allowed(ex, q)
            )
        )
    if isinstance(q, ChoiceQuestion):
        return _option(ex, q, raw)
    if isinstance(q, MultiQuestion):
        items = raw if isinstance(raw, list) else [raw]
        chosen: list[str] = []
        for item in items:
            value = _option(ex, q, item)
            if value not in chosen:
                chosen.append(value)
        return chosen
    if isinstance(raw, bool) or not isinstance(raw, str | int | float):
        raise BadAnswer(_("this should be some text"))
    text = str(raw).strip()
    if len(text) > MAX_TEXT:
        raise BadAnswer(
            _("this is {count} characters long; please keep it under {most}").format(
                count=len(text), most=MAX_TEXT
            )
        )
    return text


def _option(ex: Exercise, q: ChoiceQuestion | MultiQuestion, raw: Any) -> str:
    text = str(raw).strip().casefold()
    for option in q.options:
        if text in (option.value.casefold(), option.label.casefold()):
            return option.value
    raise BadAnswer(
        _("'{answer}' is not an option here: use {allowed}").format(
            answer=raw, allowed=allowed(ex, q)
        )
    )


def shown(ex: Exercise, q: QuestionBase, answer: AnswerValue) -> str:
    """An answer as the person saw it: '4 (Mostly true)', 'Not sure', 'skipped'."""
    if answer is None:
        # Translators: a question that was passed over, in a list of answers.
        return pgettext("answer", "skipped")
    if isinstance(q, ScaleQuestion) and isinstance(answer, int):
        label = ex.scale_of(q).label(answer)
        return f"{answer} ({label})" if label else str(answer)
    if isinstance(q, ScaleQuestion) and answer == UNKNOWN:
        return ex.scale_of(q).unknown or _("Does not apply / I don't know")
    if isinstance(q, YesNoQuestion):
        words = {"yes": _("Yes"), "no": _("No"), "not_sure": _("Not sure")}
        return words.get(str(answer), str(answer))
    if isinstance(q, ChoiceQuestion | MultiQuestion):
        labels = {o.value: o.label for o in q.options}
        values = answer if isinstance(answer, list) else [str(answer)]
        return "; ".join(labels.get(v, v) for v in values) or _("none of these")
    return str(answer)


# --------------------------------------------------------------------------- answers files

_FILE_KEYS = (
    "exercise",
    "name",
    "about",
    "answers",
    "next_step",
    "last_step_happened",
    "last_step_learned",
)


@dataclass
class AnswersFile:
    answers: dict[str, AnswerValue] = field(default_factory=dict)
    name: str | None = None
    about: str | None = None
    next_step: str | None = None
    last_step_happened: Literal["yes", "partly", "no"] | None = None
    last_step_learned: str | None = None


def load_answers(path: Path, ex: Exercise, named_as: str | None = None) -> AnswersFile:
    """Read an answers file and check every answer as if it had been typed.

    `named_as` is how the person named the exercise (its id, or the path of its file),
    so a Fix line gives a command that works."""
    if str(path) == "-":  # `--answers -`: the answers come from standard input
        data, marks = read_standard_input("answers")
        shown_path = _("standard input")
    else:
        data, marks, _raw = read_yaml(path, "answers")
        shown_path = str(path)
    found = Findings(shown_path, marks)
    add = found.add
    found.unknown_keys(data, _FILE_KEYS, _("an answers file"))
    if "exercise" in data and data["exercise"] != ex.id:
        add(
            ("exercise",),
            _(
                "this file is for the exercise '{other}', not '{id}'. "
                "Fix: run coprod assess {other}, or change the line to 'exercise: {id}'."
            ).format(other=data["exercise"], id=ex.id),
        )
    result = AnswersFile()
    happened = data.get("last_step_happened")
    if happened is not None:
        word = {True: "yes", False: "no"}.get(happened, str(happened).strip().casefold())
        if word in ("yes", "partly", "no"):
            result.last_step_happened = word  # type: ignore[assignment]
        else:
            add(
                ("last_step_happened",),
                _("'{answer}' is not an answer here: use yes, partly or no.").format(
                    answer=happened
                ),
            )
    for key in ("name", "about", "next_step", "last_step_learned"):
        value = data.get(key)
        if value is not None and not isinstance(value, str | int | float):
            add((key,), _("this should be text."))
        elif value is not None:
            setattr(result, key, str(value).strip() or None)
    if result.about is not None:
        wanted = result.about.casefold().replace("organization", "organisation")
        if wanted in ex.subjects:
            result.about = wanted
        else:  # said here, at its line, with the file's other problems
            choices = ", ".join(f"{k} ({v})" for k, v in ex.subjects.items())
            add(
                ("about",),
                _(
                    "'{about}' is not something {id} can be about: it can be about "
                    "{choices}. Fix: change the line to 'about: {first}' "
                    "(or another of those words), or remove it."
                ).format(
                    about=result.about, id=ex.id, choices=choices, first=next(iter(ex.subjects))
                ),
            )
    raw_answers = data.get("answers")
    if raw_answers is None:
        raw_answers = {}
        if "answers" not in data:
            add(
                (),
                _(
                    "there is no 'answers:' section. Fix: add 'answers:' with one line per "
                    "question."
                ),
            )
    if not isinstance(raw_answers, dict):
        add(("answers",), _("this should be one 'question-id: answer' line per question."))
        raw_answers = {}
    ids = [q.id for _section, q in ex.questions()]
    shown_name = shlex.quote(named_as) if named_as else ex.id
    for key, raw in raw_answers.items():
        q = ex.question(str(key))
        if q is None:
            guess = difflib.get_close_matches(str(key), ids, n=1)
            hint = " " + _("Did you mean '{id}'?").format(id=guess[0]) if guess else ""
            add(
                ("answers", key),
                _(
                    "there is no question '{key}' in {id}.{hint} "
                    "Fix: use the question ids that this lists: coprod exercise show {named}"
                ).format(key=key, id=ex.id, hint=hint, named=shown_name),
                key=True,
            )
            continue
        try:
            result.answers[q.id] = parse_answer(ex, q, raw)
        except BadAnswer as e:
            add(("answers", key), f"{_quote(ex, q)}: {e}.")
    asked = {q.id for _section, q in visible(ex, result.answers)}
    for key in raw_answers:
        q = ex.question(str(key))
        if q is not None and q.when is not None and q.id not in asked:
            earlier = result.answers.get(q.when.question)
            add(
                ("answers", key),
                _(
                    "'{id}' is only asked when '{other}' {condition}, and here it is {given}, "
                    "so this answer would not count. Fix: remove the line '{id}: ...', or "
                    "change the answer to '{other}'."
                ).format(
                    id=q.id,
                    other=q.when.question,
                    condition=condition_words(q.when),
                    given=_("not answered")
                    if earlier is None
                    else repr(value_words(earlier) if isinstance(earlier, str) else earlier),
                ),
                key=True,
            )
    for _section, q in visible(ex, result.answers):
        if q.id not in raw_answers and not q.optional:
            add(
                ("answers",),
                _(
                    "there is no answer for '{id}' ({question}). "
                    "Fix: add a line '{id}: ' with {allowed}."
                ).format(id=q.id, question=_quote(ex, q), allowed=allowed(ex, q)),
                key="answers" in data,
            )
    if found.problems:
        raise FileProblems(shown_path, found.sorted(), "answers")
    return result


def value_words(value: object) -> str:
    """An answer's value as a person says it, in the language in use ('yes' is 'ie')."""
    if value == "yes":
        return _("yes")
    if value == "no":
        return pgettext("an answer", "no")
    if value == "not_sure":
        return pgettext("an answer", "not sure")
    return str(value)


def condition_words(when: When) -> str:
    """A `when` in words: 'is yes', 'is one of a, b', 'is at least 3'."""
    if when.equals is not None:
        return _("is {value}").format(value=value_words(when.equals))
    if when.any_of is not None:
        return _("is one of {values}").format(values=", ".join(value_words(v) for v in when.any_of))
    if when.at_least is not None and when.at_most is not None:
        return _("is at least {least} and at most {most}").format(
            least=f"{when.at_least:g}", most=f"{when.at_most:g}"
        )
    if when.at_least is not None:
        return _("is at least {least}").format(least=f"{when.at_least:g}")
    return _("is at most {most}").format(most=f"{when.at_most:g}")


def _quote(ex: Exercise, q: QuestionBase) -> str:
    text = " ".join(ex.wording(q, next(iter(ex.subjects))).split())
    if len(text) > 80:
        text = text[:78].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return f'"{text}"'
