"""Scores from answers: pure functions, no input or output.

A question's points are its answer's value times its weight. A section's score
is the total of its answered, scored questions; its score out of 100 places
that total between the lowest and highest totals those same questions allow.
Skipped, hidden, 'not sure' and 'unknown' (does not apply / I don't know)
answers leave both the total and the range, so they neither help nor hurt.
"""

from __future__ import annotations

from typing import Any

from coprod_toolkit.models import (
    UNKNOWN,
    AnswerValue,
    Band,
    ChoiceQuestion,
    Concern,
    Exercise,
    MultiQuestion,
    QuestionBase,
    ScaleQuestion,
    Score,
    Scores,
    Section,
    SectionScore,
    Verdict,
    YesNoQuestion,
)


def question_range(ex: Exercise, q: QuestionBase) -> tuple[float, float] | None:
    """The lowest and highest points a question can give, or None if it is not scored."""
    w = q.weight
    if isinstance(q, ScaleQuestion):
        scale = ex.scale_of(q)
        return scale.min * w, scale.max * w
    if isinstance(q, YesNoQuestion):
        low, high = sorted((q.points.yes, q.points.no))
        return low * w, high * w
    if isinstance(q, ChoiceQuestion) and q.scored:
        points = [o.points or 0.0 for o in q.options]
        return min(points) * w, max(points) * w
    if isinstance(q, MultiQuestion) and q.scored:
        points = [o.points or 0.0 for o in q.options]
        return sum(p for p in points if p < 0) * w, sum(p for p in points if p > 0) * w
    return None


def question_points(ex: Exercise, q: QuestionBase, answer: AnswerValue) -> float | None:
    """The points an answer earns, or None when it does not count (skipped, not sure, text)."""
    if answer is None:
        return None
    w = q.weight
    if isinstance(q, ScaleQuestion):
        if not isinstance(answer, int | float) or isinstance(answer, bool):
            return None  # a group's middle answer may fall between two points
        scale = ex.scale_of(q)
        value = scale.min + scale.max - answer if q.reverse else answer
        return value * w
    if isinstance(q, YesNoQuestion):
        if answer not in ("yes", "no"):
            return None
        said_yes = (answer == "yes") != q.reverse
        return (q.points.yes if said_yes else q.points.no) * w
    if isinstance(q, ChoiceQuestion) and q.scored:
        for option in q.options:
            if option.value == answer:
                return (option.points or 0.0) * w
        return None
    if isinstance(q, MultiQuestion) and q.scored:
        if not isinstance(answer, list):
            return None
        return sum((o.points or 0.0) for o in q.options if o.value in answer) * w
    return None


def visible(ex: Exercise, answers: dict[str, AnswerValue]) -> list[tuple[Section, QuestionBase]]:
    """The questions that are asked, given the answers so far (`when` hides the others)."""
    shown: list[tuple[Section, QuestionBase]] = []
    asked: set[str] = set()
    for section, q in ex.questions():
        if q.when is not None and (
            q.when.question not in asked or not q.when.holds(answers.get(q.when.question))
        ):
            continue
        shown.append((section, q))
        asked.add(q.id)
    return shown


def find_band(bands: list[Band], value: float | None) -> Band | None:
    if value is None:
        return None
    for band in bands:
        if band.contains(value):
            return band
    return None


def _percent(raw: float, low: float, high: float) -> float | None:
    if high <= low:
        return None
    return max(0.0, min(100.0, (raw - low) / (high - low) * 100))


def _reading(band: Band | None) -> dict[str, str | None]:
    """A band's label and message, for a score to carry."""
    return {"band": band.label if band else None, "message": band.message if band else None}


def _total(ex: Exercise, items: list[tuple[QuestionBase, AnswerValue]]) -> dict[str, Any]:
    raw = low = high = 0.0
    answered = unknown = 0
    for q, answer in items:
        if answer == UNKNOWN and isinstance(q, ScaleQuestion):
            unknown += 1  # counted and shown, but no points and no range
            continue
        points = question_points(ex, q, answer)
        span = question_range(ex, q)
        if points is None or span is None:
            continue
        raw += points
        low += span[0]
        high += span[1]
        answered += 1
    return {
        "raw": raw,
        "min": low,
        "max": high,
        "percent": _percent(raw, low, high),
        "answered": answered,
        "unknown": unknown,
    }


def verdict(ex: Exercise, answers: dict[str, AnswerValue], subject: str) -> Verdict | None:
    """A checklist's verdict: its concerns counted by weight, read against its verdicts."""
    if ex.kind != "checklist":
        return None
    statements = [q for _, q in visible(ex, answers) if isinstance(q, YesNoQuestion)]
    concerns = [q for q in statements if q.concern(answers.get(q.id))]
    count = sum(q.weight for q in concerns)
    band = find_band(ex.verdicts, count)

    def record(q: YesNoQuestion) -> Concern:
        return Concern(
            question=q.id,
            text=ex.wording(q, subject),
            talk_about=q.talk_about,
            could_change=q.could_change,
        )

    return Verdict(
        label=band.label if band else "No verdict",
        message=band.message if band else "",
        count=count,
        concerns=[record(q) for q in concerns],
        unsure=[record(q) for q in statements if answers.get(q.id) == "not_sure"],
    )


def score(ex: Exercise, answers: dict[str, AnswerValue]) -> Scores:
    """Score every section and the whole, and read each against its bands.

    Checklists are read by their verdict instead, so they have no scores.
    """
    if ex.kind == "checklist":
        return Scores(sections=[], overall=Score(raw=0, min=0, max=0, percent=None))
    asked = visible(ex, answers)
    on_raw = ex.scoring.bands_on == "raw"
    sections: list[SectionScore] = []
    everything: list[tuple[QuestionBase, AnswerValue]] = []
    for section in ex.sections:
        if not section.scored:
            continue
        items = [(q, answers.get(q.id)) for s, q in asked if s is section]
        everything.extend(items)
        total = _total(ex, items)
        band = find_band(ex.section_bands(section), total["raw" if on_raw else "percent"])
        sections.append(
            SectionScore(
                id=section.id,
                title=section.title,
                principle=section.principle,
                **_reading(band),
                **total,
            )
        )
    frameworks: dict[str, list[SectionScore]] = {}
    scored_ids = {q.id for q, _ in everything}
    for fid, framework in ex.frameworks.items():
        rows = []
        for principle in framework.principles:
            items = [
                (q, answers.get(q.id))
                for _, q in asked
                if q.id in scored_ids and q.principles.get(fid) == principle.id
            ]
            total = _total(ex, items)
            band = None if on_raw else find_band(ex.scoring.section_bands, total["percent"])
            rows.append(
                SectionScore(
                    id=principle.id,
                    title=principle.title,
                    principle=principle.id,
                    **_reading(band),
                    **total,
                )
            )
        frameworks[fid] = rows
    total = _total(ex, everything)
    band = find_band(ex.scoring.bands, total["raw" if on_raw else "percent"])
    overall = Score(**_reading(band), **total)
    return Scores(sections=sections, overall=overall, frameworks=frameworks)


def strongest_and_weakest(
    scores: Scores, count: int = 2
) -> tuple[list[SectionScore], list[SectionScore]]:
    """The sections to celebrate and the ones to work on, never the same one twice."""
    ranked = [s for s in scores.sections if s.percent is not None]
    ranked.sort(key=lambda s: s.percent or 0.0, reverse=True)
    count = min(count, len(ranked) // 2)
    if count == 0 or round(ranked[0].percent or 0) == round(ranked[-1].percent or 0):
        return [], []  # all level: nothing stands out either way
    strongest = ranked[:count]
    weakest = list(reversed(ranked[-count:]))
    return strongest, weakest
