"""What counts as an answer: one rule for typed answers and answers files alike."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from coprod_toolkit.errors import FileProblems
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

YES = ("yes", "y")
NO = ("no", "n")
NOT_SURE = ("not sure", "not_sure", "notsure", "unsure", "don't know", "dont know", "ns")
UNKNOWN_WORDS = (UNKNOWN, "does not apply", "doesn't apply", "don't know", "dont know", "n/a")
MAX_TEXT = 5000


class BadAnswer(ValueError):
    """An answer that does not fit its question; the message says what would."""


def allowed(ex: Exercise, q: QuestionBase) -> str:
    """The answers a question takes, in words, for error messages and prompts."""
    if isinstance(q, ScaleQuestion):
        scale = ex.scale_of(q)
        numbers = f"a whole number from {scale.min} to {scale.max}"
        return f"{numbers}, or unknown ({scale.unknown})" if scale.unknown else numbers
    if isinstance(q, YesNoQuestion):
        return "yes, no or not sure" if q.not_sure else "yes or no"
    if isinstance(q, ChoiceQuestion | MultiQuestion):
        values = ", ".join(o.value for o in q.options)
        return ("one of: " if isinstance(q, ChoiceQuestion) else "a list of any of: ") + values
    return "some text"


def parse_answer(ex: Exercise, q: QuestionBase, raw: Any) -> AnswerValue:
    """Turn what someone typed or wrote into an answer, or raise BadAnswer."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        if q.optional:
            return None
        raise BadAnswer(f"an answer is needed: {allowed(ex, q)}")
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
        raise BadAnswer(f"'{raw}' is not on the scale: use {allowed(ex, q)}")
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
        raise BadAnswer(f"'{raw}' is not an answer here: use {allowed(ex, q)}")
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
        raise BadAnswer("this should be some text")
    text = str(raw).strip()
    if len(text) > MAX_TEXT:
        raise BadAnswer(f"this is {len(text)} characters long; please keep it under {MAX_TEXT}")
    return text


def _option(ex: Exercise, q: ChoiceQuestion | MultiQuestion, raw: Any) -> str:
    text = str(raw).strip().casefold()
    for option in q.options:
        if text in (option.value.casefold(), option.label.casefold()):
            return option.value
    raise BadAnswer(f"'{raw}' is not an option here: use {allowed(ex, q)}")


def shown(ex: Exercise, q: QuestionBase, answer: AnswerValue) -> str:
    """An answer as the person saw it: '4 (Mostly true)', 'Not sure', 'skipped'."""
    if answer is None:
        return "skipped"
    if isinstance(q, ScaleQuestion) and isinstance(answer, int):
        label = ex.scale_of(q).label(answer)
        return f"{answer} ({label})" if label else str(answer)
    if isinstance(q, ScaleQuestion) and answer == UNKNOWN:
        return ex.scale_of(q).unknown or "Does not apply / I don't know"
    if isinstance(q, YesNoQuestion):
        return {"yes": "Yes", "no": "No", "not_sure": "Not sure"}.get(str(answer), str(answer))
    if isinstance(q, ChoiceQuestion | MultiQuestion):
        labels = {o.value: o.label for o in q.options}
        values = answer if isinstance(answer, list) else [str(answer)]
        return "; ".join(labels.get(v, v) for v in values) or "none of these"
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


def load_answers(path: Path, ex: Exercise) -> AnswersFile:
    """Read an answers file and check every answer as if it had been typed."""
    if str(path) == "-":  # `--answers -`: the answers come from standard input
        data, marks = read_standard_input("answers")
        shown_path = "standard input"
    else:
        data, marks, _ = read_yaml(path, "answers")
        shown_path = str(path)
    found = Findings(shown_path, marks)
    add = found.add
    found.unknown_keys(data, _FILE_KEYS, "an answers file")
    if "exercise" in data and data["exercise"] != ex.id:
        add(
            ("exercise",),
            f"this file is for the exercise '{data['exercise']}', not '{ex.id}'. "
            f"Fix: run coprod assess {data['exercise']}, "
            f"or change the line to 'exercise: {ex.id}'.",
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
                f"'{happened}' is not an answer here: use yes, partly or no.",
            )
    for key in ("name", "about", "next_step", "last_step_learned"):
        value = data.get(key)
        if value is not None and not isinstance(value, str | int | float):
            add((key,), "this should be text.")
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
                f"'{result.about}' is not something {ex.id} can be about: it can be about "
                f"{choices}. Fix: change the line to 'about: {next(iter(ex.subjects))}' "
                "(or another of those words), or remove it.",
            )
    raw_answers = data.get("answers")
    if raw_answers is None:
        raw_answers = {}
        if "answers" not in data:
            add(
                (),
                "there is no 'answers:' section. Fix: add 'answers:' with one line per question.",
            )
    if not isinstance(raw_answers, dict):
        add(("answers",), "this should be one 'question-id: answer' line per question.")
        raw_answers = {}
    ids = [q.id for _, q in ex.questions()]
    for key, raw in raw_answers.items():
        q = ex.question(str(key))
        if q is None:
            guess = difflib.get_close_matches(str(key), ids, n=1)
            hint = f" Did you mean '{guess[0]}'?" if guess else ""
            add(
                ("answers", key),
                f"there is no question '{key}' in {ex.id}.{hint} "
                f"Fix: use the question ids that 'coprod exercise show {ex.id}' lists.",
                key=True,
            )
            continue
        try:
            result.answers[q.id] = parse_answer(ex, q, raw)
        except BadAnswer as e:
            add(("answers", key), f"{_quote(ex, q)}: {e}.")
    asked = {q.id for _, q in visible(ex, result.answers)}
    for key in raw_answers:
        q = ex.question(str(key))
        if q is not None and q.when is not None and q.id not in asked:
            earlier = result.answers.get(q.when.question)
            add(
                ("answers", key),
                f"'{q.id}' is only asked when '{q.when.question}' {condition_words(q.when)}, and "
                f"here it is {'not answered' if earlier is None else repr(earlier)}, so this "
                f"answer would not count. Fix: remove the line '{q.id}: ...', or change the "
                f"answer to '{q.when.question}'.",
                key=True,
            )
    for _, q in visible(ex, result.answers):
        if q.id not in raw_answers and not q.optional:
            add(
                ("answers",),
                f"there is no answer for '{q.id}' ({_quote(ex, q)}). "
                f"Fix: add a line '{q.id}: ' with {allowed(ex, q)}.",
                key="answers" in data,
            )
    if found.problems:
        raise FileProblems(shown_path, found.sorted(), "answers")
    return result


def condition_words(when: When) -> str:
    """A `when` in words: 'is yes', 'is one of a, b', 'is at least 3'."""
    if when.equals is not None:
        return f"is {when.equals}"
    if when.any_of is not None:
        return "is one of " + ", ".join(str(v) for v in when.any_of)
    parts = []
    if when.at_least is not None:
        parts.append(f"at least {when.at_least:g}")
    if when.at_most is not None:
        parts.append(f"at most {when.at_most:g}")
    return "is " + " and ".join(parts)


def _quote(ex: Exercise, q: QuestionBase) -> str:
    text = " ".join(ex.wording(q, next(iter(ex.subjects))).split())
    if len(text) > 80:
        text = text[:78].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return f'"{text}"'
