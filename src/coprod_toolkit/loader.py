"""Exercise files -> models: every error and warning, at its line and column.

Reading the YAML itself is yamlfile's job; this module checks what an exercise
says: ids, references between questions, scales, bands and verdicts.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeGuard

from pydantic import ValidationError

from coprod_toolkit.errors import FileProblems, Problem
from coprod_toolkit.i18n import N_, _, translation_of
from coprod_toolkit.models import (
    SLUG_PATTERN,
    Band,
    ChoiceQuestion,
    Exercise,
    MultiQuestion,
    Scale,
    ScaleQuestion,
    TextQuestion,
    When,
    YesNoQuestion,
)
from coprod_toolkit.scoring import common_scale, question_range
from coprod_toolkit.yamlfile import Marks, Path_, read_yaml, validation_problems, where

_SLUG = re.compile(SLUG_PATTERN)


@dataclass(frozen=True)
class LoadedExercise:
    exercise: Exercise
    path: Path
    hash: str


def check_file(path: Path) -> tuple[LoadedExercise | None, list[Problem]]:
    """Every error and warning in one exercise file; the exercise too, if it has no errors."""
    shown = str(path)
    try:
        data, marks, raw = read_yaml(path, "exercise")
    except FileProblems as e:
        return None, e.problems
    if looks_like_answers(data):
        group = "people" in data
        command = "coprod group" if group else "coprod assess"  # i18n-ok
        line, column = marks.at(("people" if group else "answers",), key=True)
        return None, [
            Problem(
                shown,
                line,
                column,
                "",
                _(
                    "this looks like an answers file (for '{command} EXERCISE --answers FILE'), "
                    "not an exercise, so it was not checked as one. Fix: nothing, if that is "
                    "what it is; its answers are checked when you run {command} with it."
                ).format(command=command),
                "warning",
            )
        ]
    saved = _saved_record(data)
    if saved is not None:
        line, column = marks.at(("exercise",), key=True)
        return None, [Problem(shown, line, column, "", saved, "warning")]
    # What a kind needs is checked on the raw data, so it is reported with the rest.
    needed = "steps" if data.get("kind") == "guided" else "sections"
    missing = []
    if needed not in data:
        line, column = marks.at(())
        missing.append(
            Problem(
                shown,
                line,
                column,
                "",
                _("'{name}' is missing. Fix: add a line '{name}: ...' here.").format(name=needed),
            )
        )
    try:
        exercise = Exercise.model_validate(data)
    except ValidationError as e:
        problems = validation_problems(shown, data, marks, e, Exercise) + missing
        problems += _raw_checks(data, marks, shown)
        return None, sorted(problems, key=lambda p: (p.line, p.column))
    if missing:
        return None, missing
    errors = check_exercise(exercise, marks, shown)
    warnings = lint_exercise(exercise, marks, shown)
    if errors:
        return None, errors + warnings
    return LoadedExercise(exercise, path, hashlib.sha256(raw).hexdigest()), warnings


def looks_like_answers(data: dict[str, Any]) -> bool:
    """An answers file has 'answers:' and none of what every exercise has."""
    answered = {"answers", "people", "contributions"} & set(data)
    return bool(answered) and not {"id", "title", "sections", "steps"} & set(data)


def _saved_record(data: dict[str, Any]) -> str | None:
    """What to say of a file coprod saved (a reflection, a draft, a group's record), if it is one.

    Each names the exercise it ran ('exercise:' with its hash) and when it started; no
    exercise has either, so a folder of them is not reported as dozens of errors.
    """
    ref = data.get("exercise")
    if not (isinstance(ref, dict) and "hash" in ref and "started" in data):
        return None
    if "finished" not in data:
        return _(
            "this looks like an unfinished run that coprod saved (to carry on with it, use "
            "'coprod resume'), not an exercise, so it was not checked as one. Fix: nothing, "
            "if that is what it is; check the folder your exercises are in instead."
        )
    if data.get("command") == "group":
        return _(
            "this looks like a group's record that coprod saved (see 'coprod history'), not "
            "an exercise, so it was not checked as one. Fix: nothing, if that is what it is; "
            "check the folder your exercises are in instead."
        )
    return _(
        "this looks like a reflection that coprod saved (see 'coprod history'), not an "
        "exercise, so it was not checked as one. Fix: nothing, if that is what it is; check "
        "the folder your exercises are in instead."
    )


def load_exercise(path: Path) -> LoadedExercise:
    """Load and check one exercise file, or raise FileProblems with every error in it."""
    loaded, problems = check_file(path)
    if loaded is None:
        errors = [p for p in problems if p.severity == "error"]
        raise FileProblems(str(path), errors or problems)
    return loaded


def check_exercise(ex: Exercise, marks: Marks, path: str) -> list[Problem]:
    """The rules that span several fields: ids, references, ranges and bands."""
    problems: list[Problem] = []

    def add(at: Path_, message: str, key: bool = False) -> None:
        line, column = marks.at(at, key=key)
        problems.append(Problem(path, line, column, where(at), message))

    for name, scale in ex.scales.items():
        _check_scale(scale, ("scales", name), add)

    seen_sections: dict[str, int] = {}
    seen_questions: dict[str, Path_] = {}
    earlier: dict[str, Any] = {}
    subjects = set(ex.subjects)
    for s_index, section in enumerate(ex.sections):
        s_at: Path_ = ("sections", s_index)
        if section.id in seen_sections:
            add((*s_at, "id"), _section_twice(section.id))
        seen_sections[section.id] = s_index
        for q_index, question in enumerate(section.questions):
            q_at: Path_ = (*s_at, "questions", q_index)
            if question.id in seen_questions:
                first = marks.at((*seen_questions[question.id], "id"))[0]
                add((*q_at, "id"), _question_twice(question.id, first))
            seen_questions[question.id] = q_at
            if isinstance(question.text, str):
                if not question.text.strip():
                    add((*q_at, "text"), _empty("text"))
            else:
                for subject, words in question.text.items():
                    if not words.strip():
                        add((*q_at, "text", subject), _empty(subject))
                given = set(question.text)
                missing = sorted(subjects - given)
                extra = sorted(given - subjects)
                if missing:
                    add(
                        (*q_at, "text"),
                        _(
                            "there is no wording for {subjects}. Fix: add {keys} under text, "
                            "or write the text once for everyone."
                        ).format(
                            subjects=", ".join(missing),
                            keys=", ".join(f"'{m}:'" for m in missing),
                        ),
                    )
                if extra:
                    add(
                        (*q_at, "text"),
                        _(
                            "wording is given for {given}, which is not one of the exercise's "
                            "subjects ({subjects}). Fix: rename it, or add it under 'subjects'."
                        ).format(given=", ".join(extra), subjects=", ".join(sorted(subjects))),
                    )
            if isinstance(question, ScaleQuestion):
                if isinstance(question.scale, str):
                    if question.scale not in ex.scales:
                        add((*q_at, "scale"), _no_scale(question.scale, ex.scales))
                        continue
                else:
                    _check_scale(question.scale, (*q_at, "scale"), add)
            if isinstance(question, ChoiceQuestion | MultiQuestion):
                # Only these have options; asking any other question for them with getattr
                # costs pydantic's slow path and an exception, question after question.
                options = question.options
                seen_values: set[object] = set()
                for o_index, option in enumerate(options):
                    value = option.value
                    if not option.label.strip():
                        add((*q_at, "options", o_index, "label"), _empty("label"))
                    if value in seen_values:
                        add(
                            (*q_at, "options", o_index, "value"),
                            _(
                                "the option '{value}' is listed twice. "
                                "Fix: give each its own value."
                            ).format(value=value),
                        )
                    seen_values.add(value)
                with_points = [o.points is not None for o in options]
                if any(with_points) and not all(with_points):
                    add(
                        (*q_at, "options"),
                        _(
                            "some options have points and some do not. "
                            "Fix: give every option points (0 is fine), or none."
                        ),
                    )
                elif section.scored and not any(with_points) and question.type == "choice":
                    add(
                        (*q_at, "options"),
                        _(
                            "this choice is in a scored section but its options have no points. "
                            "Fix: add 'points:' to each option, or set 'scored: false' on the "
                            "section."
                        ),
                    )
            for fid, pid in question.principles.items():
                framework = ex.frameworks.get(fid)
                if framework is None:
                    names = ", ".join(ex.frameworks) or _("none yet")
                    add(
                        (*q_at, "principles", fid),
                        _(
                            "there is no framework '{name}' under 'frameworks' (known: {names}). "
                            "Fix: add it there, or correct the name."
                        ).format(name=fid, names=names),
                        key=True,
                    )
                elif pid not in {p.id for p in framework.principles}:
                    ids = ", ".join(p.id for p in framework.principles)
                    add(
                        (*q_at, "principles", fid),
                        _(
                            "'{principle}' is not a principle of '{framework}' ({ids}). "
                            "Fix: use one of those."
                        ).format(principle=pid, framework=fid, ids=ids),
                    )
            if question.when is not None:
                _check_when(question.when, earlier, (*q_at, "when"), add, ex)
            earlier[question.id] = question
        if section.bands is not None:
            _check_bands(ex, section.bands, (*s_at, "bands"), add, [section])
    if ex.scoring.section_bands:
        for section in ex.sections:
            if section.bands is None and section.scored:
                _check_bands(
                    ex, ex.scoring.section_bands, ("scoring", "section_bands"), add, [section]
                )
                if ex.scoring.bands_on == "percent":
                    break  # the same check for every section
    if ex.scoring.bands:
        scored = [s for s in ex.sections if s.scored]
        _check_bands(ex, ex.scoring.bands, ("scoring", "bands"), add, scored)
    if ex.scoring.show == "mean" and ex.kind == "assessment" and common_scale(ex) is None:
        add(
            ("scoring", "show"),
            _(
                "show: mean gives the average answer on the scale, so every scored question "
                "must use the same scale. Fix: give them one scale, or use show: total or "
                "show: percent."
            ),
        )
    _check_words(ex, add)
    _check_kind(ex, add)
    _check_group_knobs(ex, add)
    unique: dict[str, Problem] = {}
    for p in problems:
        unique.setdefault(str(p), p)
    return sorted(unique.values(), key=lambda p: (p.line, p.column))


def _no_scale(name: str, scales: Iterable[str]) -> str:
    """A scale named where the exercise has none by that name."""
    return _(
        "there is no scale called '{name}' under 'scales' (known: {names}). "
        "Fix: add it there, or write the scale here."
    ).format(name=name, names=", ".join(scales) or _("none yet"))


def _section_twice(section_id: str) -> str:
    return _("the section id '{id}' is used twice. Fix: give each section its own id.").format(
        id=section_id
    )


def _question_twice(question_id: str, line: int) -> str:
    return _(
        "the question id '{id}' is already used on line {line}. Fix: give each question its own id."
    ).format(id=question_id, line=line)


def _step_twice(step_id: str) -> str:
    return _("the step id '{id}' is used twice. Fix: give each step its own id.").format(id=step_id)


def _is_slug(value: Any) -> TypeGuard[str]:
    """What the model would take as an id or a scale's name (else it reports it itself)."""
    return isinstance(value, str) and len(value) <= 64 and _SLUG.fullmatch(value) is not None


def _raw_checks(data: dict[str, Any], marks: Marks, path: str) -> list[Problem]:
    """check_exercise's id and scale-name checks (and _check_kind's of steps' ids), on the
    raw data, for when the model fails.

    So a repeated id or a misspelt scale is reported with a wrong type elsewhere, not only
    once that is fixed. Only what the model took as it is (ids and names that are valid,
    questions of type scale) is checked, so nothing the model reports is reported again;
    check_exercise runs only when the model is built, so nothing is reported twice.
    """
    problems: list[Problem] = []

    def add(at: Path_, message: str) -> None:
        line, column = marks.at(at)
        problems.append(Problem(path, line, column, where(at), message))

    steps = data.get("steps")
    if data.get("kind") == "guided" and isinstance(steps, list):
        ids = [step.get("id") if isinstance(step, dict) else None for step in steps]
        for index, step_id in enumerate(ids):
            if _is_slug(step_id) and step_id in ids[:index]:
                add(("steps", index, "id"), _step_twice(step_id))
    sections = data.get("sections")
    scales = data.get("scales", {})
    if not isinstance(sections, list):
        return problems
    seen_sections: set[str] = set()
    seen_questions: dict[str, Path_] = {}
    for s_index, section in enumerate(sections):
        if not isinstance(section, dict):
            continue
        s_at: Path_ = ("sections", s_index)
        if _is_slug(section.get("id")):
            if section["id"] in seen_sections:
                add((*s_at, "id"), _section_twice(section["id"]))
            seen_sections.add(section["id"])
        questions = section.get("questions")
        for q_index, question in enumerate(questions if isinstance(questions, list) else []):
            if not isinstance(question, dict):
                continue
            q_at: Path_ = (*s_at, "questions", q_index)
            if _is_slug(question.get("id")):
                if question["id"] in seen_questions:
                    first = marks.at((*seen_questions[question["id"]], "id"))[0]
                    add((*q_at, "id"), _question_twice(question["id"], first))
                seen_questions[question["id"]] = q_at
            name = question.get("scale")
            if (
                question.get("type") == "scale"
                and isinstance(scales, dict)
                and _is_slug(name)
                and name not in scales
            ):
                add((*q_at, "scale"), _no_scale(name, scales))
    return problems


LONG_TEXT = 200


def lint_exercise(ex: Exercise, marks: Marks, path: str) -> list[Problem]:
    """Things that work but are probably not what the author meant: warnings, not errors."""
    found: list[Problem] = []

    def warn(at: Path_, message: str, key: bool = False) -> None:
        line, column = marks.at(at, key=key)
        found.append(Problem(path, line, column, where(at), message, "warning"))

    def unlabelled(scale: Scale, at: Path_) -> None:
        if not scale.labels:
            warn(
                at,
                _(
                    "this scale has no labels, so people see only numbers. "
                    "Fix: add 'labels:', at least for the two ends."
                ),
            )

    for name, scale in ex.scales.items():
        unlabelled(scale, ("scales", name))
    texts: dict[str, str] = {}
    earlier: dict[str, Any] = {}
    mapped: dict[str, set[str]] = {fid: set() for fid in ex.frameworks}
    for s_index, section in enumerate(ex.sections):
        for q_index, q in enumerate(section.questions):
            q_at: Path_ = ("sections", s_index, "questions", q_index)
            if isinstance(q, ScaleQuestion) and isinstance(q.scale, Scale):
                unlabelled(q.scale, (*q_at, "scale"))
            wordings = [q.text] if isinstance(q.text, str) else list(q.text.values())
            for text in wordings:
                flat = " ".join(text.split())
                if not flat:
                    continue  # no words at all is an error of its own (_check_words)
                if flat.casefold() in texts:
                    warn(
                        (*q_at, "text"),
                        _(
                            "the same text as question '{id}'. "
                            "Fix: reword one of them, or remove the copy."
                        ).format(id=texts[flat.casefold()]),
                    )
                texts.setdefault(flat.casefold(), q.id)
                if len(flat) > LONG_TEXT:
                    warn(
                        (*q_at, "text"),
                        _(
                            "this text is {length} characters long; a screen reader reads all "
                            "of it before every answer. Fix: keep it under {limit} characters "
                            "and move the detail into 'help:'."
                        ).format(length=len(flat), limit=LONG_TEXT),
                    )
            if q.when is not None and q.when.question in earlier:
                target = earlier[q.when.question]
                possible = _possible_answers(ex, target)
                if possible and all(q.when.holds(v) for v in possible):
                    warn(
                        (*q_at, "when"),
                        _(
                            "this 'when' holds for every answer to '{id}', so it changes "
                            "nothing. Fix: remove it, or narrow the condition."
                        ).format(id=target.id),
                    )
            for fid, pid in q.principles.items():
                mapped.setdefault(fid, set()).add(pid)
            earlier[q.id] = q
    for fid, framework in ex.frameworks.items():
        for p_index, principle in enumerate(framework.principles):
            if principle.id not in mapped[fid]:
                warn(
                    ("frameworks", fid, "principles", p_index),
                    _(
                        "no question belongs to '{principle}', so it will never have a score. "
                        "Fix: add 'principles: {{{framework}: {principle}}}' to the questions "
                        "about it."
                    ).format(principle=principle.id, framework=fid),
                )
    _unreachable_bands(ex, warn)
    _bands_after_a_pass(ex, warn)
    return sorted(found, key=lambda p: (p.line, p.column))


def can_be_passed(q: Any) -> bool:
    """Whether a question can end up with no points: skipped, 'not sure', unknown or hidden."""
    if q.optional or q.when is not None:
        return True
    if isinstance(q, YesNoQuestion):
        return q.not_sure
    if isinstance(q, ScaleQuestion):
        return isinstance(q.scale, Scale) and getattr(q.scale, "unknown", None) is not None
    return False


def _bands_after_a_pass(ex: Exercise, warn: Any) -> None:
    """Raw bands with passes left out: one pass moves every total, so some bands slip away."""
    if ex.scoring.bands_on != "raw" or ex.scoring.passes != "leave_out" or ex.kind != "assessment":
        return
    warned: set[Path_] = set()
    for at, bands, sections in _band_checks(ex, shared=True):
        if not bands or at in warned:
            continue
        # can_be_passed first: it is cheaper, and most questions cannot be passed.
        passable = [
            (q, span)
            for section in sections
            for q in section.questions
            if can_be_passed(q) and (span := question_range(ex, q)) is not None
        ]
        if not passable:
            continue
        low, high = _score_span(ex, sections)
        q, span = passable[0]
        after_low, after_high = round(low - span[0]), round(high - span[1])
        if after_low < bands[0].min or after_high < bands[-1].min:
            warned.add(at)
            warn(
                at,
                _(
                    "passed questions leave the total, so once '{id}' is passed, totals run "
                    "from {low} to {high}, which these bands ({first}-{last}) do not fit. "
                    "Fix: add 'passes: pro_rate' (or 'passes: lowest') under 'scoring', so a "
                    "pass does not move the total."
                ).format(
                    id=q.id,
                    low=after_low,
                    high=after_high,
                    first=bands[0].min,
                    last=bands[-1].max,
                ),
            )


def _possible_answers(ex: Exercise, q: Any) -> list[Any]:
    if isinstance(q, ScaleQuestion):
        return (
            list(ex.scale_of(q).points())
            if not isinstance(q.scale, str) or q.scale in ex.scales
            else []
        )
    if q.type == "yes_no":
        return ["yes", "no", "not_sure"] if q.not_sure else ["yes", "no"]
    if q.type == "choice":
        return [o.value for o in q.options]
    return []


def _score_span(ex: Exercise, sections: list[Any]) -> tuple[int, int]:
    low = high = 0.0
    for section in sections:
        for question in section.questions:
            span = question_range(ex, question)
            if span is not None:
                low += span[0]
                high += span[1]
    return round(low), round(high)


def _band_checks(ex: Exercise, shared: bool) -> list[tuple[Path_, list[Band], list[Any]]]:
    """Each set of bands with where it is written and the sections it reads.

    The overall bands read every scored section; a section's own bands read that
    section; with `shared`, the shared section bands read each scored section
    that has none of its own.
    """
    scored = [s for s in ex.sections if s.scored]
    checks: list[tuple[Path_, list[Band], list[Any]]] = [
        (("scoring", "bands"), ex.scoring.bands, scored)
    ]
    for index, section in enumerate(ex.sections):
        if section.bands is not None:
            checks.append((("sections", index, "bands"), section.bands, [section]))
        elif shared and section.scored and ex.scoring.section_bands:
            checks.append((("scoring", "section_bands"), ex.scoring.section_bands, [section]))
    return checks


def _unreachable_bands(ex: Exercise, warn: Any) -> None:
    for at, bands, sections in _band_checks(ex, shared=False):
        low, high = (0, 100) if ex.scoring.bands_on == "percent" else _score_span(ex, sections)
        for index, band in enumerate(bands):
            if band.min > high or band.max < low:
                warn(
                    (*at, index),
                    _(
                        "no score can reach this band: scores here run from {low} to {high}. "
                        "Fix: change its range, or remove it."
                    ).format(low=low, high=high),
                )


def _check_group_knobs(ex: Exercise, add: Any) -> None:
    """A group's own statements go into sections that exist, marked on a scale that exists;
    an example or evidence note belongs to an answer, not to a free-text question."""
    for s_index, section in enumerate(ex.sections):
        for q_index, q in enumerate(section.questions):
            if q.evidence and isinstance(q, TextQuestion):
                add(
                    ("sections", s_index, "questions", q_index, "evidence"),
                    _(
                        "a free-text question is already its own note. Fix: remove 'evidence' "
                        "here, or put it on the rating question it belongs to."
                    ),
                )
    adds = ex.group_adds
    if adds is None:
        return
    if isinstance(adds.scale, str) and adds.scale not in ex.scales:
        add(("group_adds", "scale"), _no_scale(adds.scale, ex.scales))
    elif isinstance(adds.scale, Scale):
        _check_scale(adds.scale, ("group_adds", "scale"), add)
    known = [s.id for s in ex.sections]
    for index, section_id in enumerate(adds.sections):
        if section_id not in known:
            add(
                ("group_adds", "sections", index),
                _(
                    "there is no section '{id}' (sections: {known}). "
                    "Fix: use a section id, or leave 'sections' out for every section."
                ).format(id=section_id, known=", ".join(known)),
            )


def _check_kind(ex: Exercise, add: Any) -> None:
    """A checklist holds yes/no statements that count for or against, and verdicts.

    A guided exercise holds steps rather than sections.
    """
    if ex.kind == "guided":
        if not ex.steps:
            add(
                ("steps",),
                _(
                    "there are no steps, so there is nothing for the group to do. Fix: add at "
                    "least one step under 'steps:', like those in exercises/four-steps.yaml."
                ),
                key=True,
            )
        if ex.sections:
            add(
                ("sections",),
                _(
                    "a guided exercise has steps, not sections. Fix: remove the sections, "
                    "or use kind: assessment."
                ),
                key=True,
            )
        ids = [s.id for s in ex.steps]
        for index, step_id in enumerate(ids):
            if step_id in ids[:index]:
                add(("steps", index, "id"), _step_twice(step_id))
        return
    if ex.steps:
        add(
            ("steps",),
            _("only guided exercises have steps. Fix: remove them, or set kind: guided."),
            key=True,
        )
    if not ex.sections:
        add(
            ("sections",),
            _(
                "there are no sections, so there is nothing to ask. Fix: add at least one "
                "section, with its questions, under 'sections:', like those in "
                "exercises/six-principles.yaml."
            ),
            key=True,
        )
    checklist = ex.kind == "checklist"
    weight = 0.0
    for s_index, section in enumerate(ex.sections):
        for q_index, q in enumerate(section.questions):
            q_at: Path_ = ("sections", s_index, "questions", q_index)
            if checklist and not isinstance(q, YesNoQuestion | TextQuestion):
                add(
                    (*q_at, "type"),
                    _(
                        "a checklist holds yes_no statements (and text notes), not {type}. "
                        "Fix: make it a yes_no statement, or use kind: assessment."
                    ).format(type=q.type),
                )
            if not isinstance(q, YesNoQuestion):
                continue
            if checklist and q.counts is None:
                add(
                    q_at,
                    _(
                        "a checklist statement must say how a yes counts. Fix: add 'counts: for' "
                        "(yes is a good sign) or 'counts: against' (yes is a warning sign)."
                    ),
                )
            if not checklist and q.counts is not None:
                add(
                    (*q_at, "counts"),
                    _(
                        "'counts' only works in a checklist. "
                        "Fix: remove it, or set kind: checklist."
                    ),
                    key=True,
                )
            elif q.blocks and (not checklist or q.counts is None):
                add(
                    (*q_at, "blocks"),
                    _(
                        "'blocks' only works on a checklist statement that counts for or "
                        "against. Fix: remove it, or add 'counts: against' (or 'counts: for')."
                    ),
                    key=True,
                )
            weight += q.weight
    if checklist and not ex.verdicts:
        add(
            (),
            _(
                "a checklist needs 'verdicts': what each number of concerns means. "
                "Fix: add a 'verdicts:' list, like the one in exercises/readiness.yaml."
            ),
        )
    elif checklist:
        _check_ranges(ex.verdicts, ("verdicts",), add, 0, round(weight), "verdict")
    elif ex.verdicts:
        add(
            ("verdicts",),
            _("only checklists have verdicts. Fix: remove them, or set kind: checklist."),
            key=True,
        )
    if not checklist and ex.find_out_first is not None:
        add(
            ("find_out_first",),
            _(
                "only checklists have a 'find out first' verdict. Fix: remove it, or set "
                "kind: checklist."
            ),
            key=True,
        )


def _check_words(ex: Exercise, add: Any) -> None:
    """What a person reads must have words: an empty text passes the model (it is a string).

    A question's text and its options' labels are checked in check_exercise's own pass
    over the questions, which has their places already (no second pass over them all).
    """
    places: list[tuple[Path_, str]] = [(("title",), ex.title), (("summary",), ex.summary)]
    places += [(("subjects", k), v) for k, v in ex.subjects.items()]
    for fid, framework in ex.frameworks.items():
        places.append((("frameworks", fid, "title"), framework.title))
        for p_index, principle in enumerate(framework.principles):
            places.append((("frameworks", fid, "principles", p_index, "title"), principle.title))
    bands: list[tuple[Path_, list[Band]]] = [
        (("scoring", "bands"), ex.scoring.bands),
        (("scoring", "section_bands"), ex.scoring.section_bands),
        (("verdicts",), ex.verdicts),
    ]
    if ex.find_out_first is not None:
        places.append((("find_out_first", "label"), ex.find_out_first.label))
    for s_index, section in enumerate(ex.sections):
        s_at: Path_ = ("sections", s_index)
        places.append(((*s_at, "title"), section.title))
        if section.bands is not None:
            bands.append(((*s_at, "bands"), section.bands))
    for index, step in enumerate(ex.steps):
        places.append((("steps", index, "title"), step.title))
        places.append((("steps", index, "prompt"), step.prompt))
    for at, listed in bands:
        places += [((*at, index, "label"), band.label) for index, band in enumerate(listed)]
    for at, words in places:
        if not words.strip():
            add(at, _empty(str(at[-1])))


def _empty(name: str) -> str:
    return _(
        "this is empty, so people would see no words here. "
        "Fix: write the words they should see after '{name}:'."
    ).format(name=name)


def _check_scale(scale: Scale, at: Path_, add: Any) -> None:
    if scale.max <= scale.min:
        add(
            at,
            _(
                "the scale's max ({max}) must be above its min ({min}). "
                "Fix: swap them or correct one."
            ).format(max=scale.max, min=scale.min),
        )
        return
    if scale.max - scale.min > 100:
        add(at, _("a scale may have at most 101 points. Fix: use a shorter range, like 0 to 10."))
    outside = [k for k in scale.labels if not scale.min <= k <= scale.max]
    for k in outside:
        add(
            (*at, "labels", k),
            _(
                "there is a label for {point}, but the scale runs from {min} to {max}. "
                "Fix: label only points inside the range."
            ).format(point=k, min=scale.min, max=scale.max),
            key=True,
        )


def _check_when(when: When, earlier: dict[str, Any], at: Path_, add: Any, ex: Exercise) -> None:
    target = earlier.get(when.question)
    if target is None:
        later = ex.question(when.question)
        if later is not None:
            add(
                (*at, "question"),
                _(
                    "'{id}' comes later in the exercise, so it has no answer yet. "
                    "Fix: point to a question that comes before this one."
                ).format(id=when.question),
            )
        else:
            guess = difflib.get_close_matches(when.question, list(earlier), n=1)
            message = (
                _(
                    "there is no question '{id}' before this one. Did you mean '{guess}'? "
                    "Fix: use the id of an earlier question."
                )
                if guess
                else _(
                    "there is no question '{id}' before this one. "
                    "Fix: use the id of an earlier question."
                )
            )
            add(
                (*at, "question"), message.format(id=when.question, guess=guess[0] if guess else "")
            )
        return
    wanted = [v for v in [when.equals, *(when.any_of or [])] if v is not None]
    if target.type == "text":
        add(
            at, _("a question cannot depend on a free-text answer. Fix: point to another question.")
        )
    elif target.type == "scale":
        scale = ex.scale_of(target)
        for v in wanted:
            if not isinstance(v, int) or v not in scale.points():
                add(
                    at,
                    _(
                        "'{value}' is not a point on the scale of '{id}' ({min} to {max}). "
                        "Fix: use a number in that range."
                    ).format(value=v, id=target.id, min=scale.min, max=scale.max),
                )
    elif target.type == "yes_no":
        allowed = ["yes", "no", "not_sure"] if target.not_sure else ["yes", "no"]
        if when.at_least is not None or when.at_most is not None:
            add(at, _("at_least and at_most only work with scales. Fix: use equals: yes or no."))
        for v in wanted:
            if v not in allowed:
                add(
                    at,
                    _("'{value}' is not an answer to '{id}'. Fix: use {answers}.").format(
                        value=v,
                        id=target.id,
                        # Translators: between the answers a question allows: 'yes or no'.
                        answers=_(" or ").join(allowed),
                    ),
                )
    else:
        values = [o.value for o in target.options]
        if when.at_least is not None or when.at_most is not None:
            add(at, _("at_least and at_most only work with scales. Fix: use equals or any_of."))
        for v in wanted:
            if v not in values:
                add(
                    at,
                    _("'{value}' is not an option of '{id}'. Fix: use one of {options}.").format(
                        value=v, id=target.id, options=", ".join(values)
                    ),
                )


def _check_bands(ex: Exercise, bands: list[Band], at: Path_, add: Any, sections: list[Any]) -> None:
    if ex.scoring.bands_on == "percent" and bands and bands[0].min > 0:
        # Bands that start above 0 are usually totals of points, read as if out of 100.
        low, high = _score_span(ex, sections)
        first, last = bands[0], bands[-1]
        if (first.min, last.max) == (low, high) or last.max > 100:
            add(
                (*at, 0, "min"),
                _(
                    "these bands run from {first} to {last}, like totals of points "
                    "(these questions give {low} to {high}), but they are read as scores out "
                    "of 100. Fix: add 'bands_on: raw' under 'scoring'."
                ).format(first=first.min, last=last.max, low=low, high=high),
            )
            return
        add(
            (*at, 0, "min"),
            _(
                "scores from 0 to {last} fall in no band. Fix: if the bands are totals "
                "of points, add 'bands_on: raw' under 'scoring'; if they are out of 100, start "
                "the first band at 0."
            ).format(last=first.min - 1),
        )
        _check_ranges(bands, at, add, first.min, 100, "score")
        return
    low, high = (0, 100) if ex.scoring.bands_on == "percent" else _score_span(ex, sections)
    _check_ranges(bands, at, add, low, high, "score")


# What _check_ranges says, for bands (ranges of scores) and for a checklist's verdicts
# (ranges of numbers of concerns): whole sentences, so each language can word both.
_RANGE_MESSAGES = {
    "score": {
        "backwards": N_("this band runs from {min} down to {max}. Fix: swap min and max."),
        "start": N_(
            "scores from {low} to {last} fall in no band. Fix: start the first band at {low}."
        ),
        "overlap": N_(
            "this band overlaps the one before it ({min}-{max}). "
            "Fix: start it at {next}, and list bands from lowest to highest."
        ),
        "gap": N_("scores from {low} to {last} fall in no band. Fix: start this band at {low}."),
        "end": N_("scores from {low} to {last} fall in no band. Fix: end the last band at {last}."),
    },
    "verdict": {
        "backwards": N_("this verdict runs from {min} down to {max}. Fix: swap min and max."),
        "start": N_(
            "counts from {low} to {last} fall in no verdict. Fix: start the first verdict at {low}."
        ),
        "overlap": N_(
            "this verdict overlaps the one before it ({min}-{max}). "
            "Fix: start it at {next}, and list verdicts from lowest to highest."
        ),
        "gap": N_(
            "counts from {low} to {last} fall in no verdict. Fix: start this verdict at {low}."
        ),
        "end": N_(
            "counts from {low} to {last} fall in no verdict. Fix: end the last verdict at {last}."
        ),
    },
}


def _check_ranges(bands: list[Band], at: Path_, add: Any, low: int, high: int, what: str) -> None:
    """Ranges must run from low to high, lowest first, with no gaps and no overlaps.

    `what` is "score" for bands, or "verdict" for a checklist's verdicts.
    """
    said = _RANGE_MESSAGES["score" if what == "score" else "verdict"]
    previous: Band | None = None
    for index, band in enumerate(bands):
        b_at = (*at, index)
        if band.max < band.min:
            add(b_at, str(said["backwards"]).format(min=band.min, max=band.max))
            return
        if previous is None:
            if band.min > low:
                add((*b_at, "min"), str(said["start"]).format(low=low, last=band.min - 1))
        elif band.min <= previous.max:
            add(
                (*b_at, "min"),
                str(said["overlap"]).format(
                    min=previous.min, max=previous.max, next=previous.max + 1
                ),
            )
        elif band.min > previous.max + 1:
            add(
                (*b_at, "min"),
                str(said["gap"]).format(low=previous.max + 1, last=band.min - 1),
            )
        previous = band
    if previous is not None and previous.max < high:
        add(
            (*at, len(bands) - 1, "max"),
            str(said["end"]).format(low=previous.max + 1, last=high),
        )


# --------------------------------------------------------------------------- its languages
# Here rather than in translations.py, which builds the translation file's models: a
# command run in English asks these questions without paying for that.


def language_of(loaded: LoadedExercise) -> str:
    """The language an exercise is shown in (a translations.TranslatedExercise says its
    own): for the saved record."""
    code = getattr(loaded, "language", None)
    return code if isinstance(code, str) else loaded.exercise.language


def translation_files(loaded: LoadedExercise) -> dict[str, Path]:
    """The translations beside an exercise's file, by language code."""
    found: dict[str, Path] = {}
    folder = loaded.path.parent
    stems = {loaded.exercise.id, loaded.path.stem}
    try:
        for path in sorted(folder.iterdir()):
            code = translation_of(path, stems)
            if code is not None:
                found.setdefault(code, path)
    except OSError:
        pass
    return found


def languages(loaded: LoadedExercise) -> list[str]:
    """The languages an exercise can be done in: its own (English unless it says), then
    each translation's."""
    written = loaded.exercise.language  # a translated exercise keeps its original's
    return [written, *sorted(code for code in translation_files(loaded) if code != written)]
