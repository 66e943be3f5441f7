"""Scores from answers: pure functions, no input or output.

A question's points are its answer's value times its weight. A section's score
is the total of its answered, scored questions; its score out of 100 places
that total between the lowest and highest totals those same questions allow.
Hidden questions, 'not sure' and 'unknown' (does not apply / I don't know)
answers leave both the total and the range, so they neither help nor hurt.
What a passed (skipped) question does is the author's choice
(`scoring.passes`): leave it out (the default), pro-rate the total over the
answered questions, or count it as the lowest answer.

Every score is rounded half up (62.5 is 63), on screen and when reading bands.
"""

from __future__ import annotations

import math
from typing import Any

from coprod_toolkit.i18n import _
from coprod_toolkit.models import (
    UNKNOWN,
    AnswerValue,
    Band,
    ChoiceQuestion,
    Concern,
    Exercise,
    MultiQuestion,
    QuestionBase,
    Reading,
    ScaleQuestion,
    Score,
    Scores,
    Section,
    SectionScore,
    Verdict,
    YesNoQuestion,
    find_out_first,
    round_half_up,
    whole,
)

__all__ = ["round_half_up", "whole"]  # and the functions below


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
    """A total, its range and its share out of 100, with passes treated as the author chose."""
    rule = ex.scoring.passes
    raw = low = high = full_low = full_high = weights = 0.0
    answered = questions = unknown = passed = 0
    for q, answer in items:
        span = question_range(ex, q)
        if span is None:
            continue
        questions += 1
        full_low += span[0]
        full_high += span[1]
        points = question_points(ex, q, answer)
        passed += answer is None
        if points is None:
            if answer == UNKNOWN and isinstance(q, ScaleQuestion):
                unknown += 1  # counted and shown, but no points and no range
            if rule == "lowest" and answer is None:
                raw += span[0]
                low += span[0]
                high += span[1]
                weights += q.weight
            continue
        raw += points
        low += span[0]
        high += span[1]
        weights += q.weight
        answered += 1
    percent = _percent(raw, low, high)
    mean = raw / weights if weights else None
    if rule == "pro_rate" and percent is not None and (low, high) != (full_low, full_high):
        raw = full_low + percent / 100 * (full_high - full_low)
        low, high = full_low, full_high
    needed = math.ceil(ex.scoring.min_answered * questions - 1e-9) if questions else 0
    return {
        "raw": raw,
        "min": low,
        "max": high,
        "percent": percent,
        "answered": answered,
        "questions": questions,
        "mean": mean,
        "needed": needed,
        "unknown": unknown,
        "passed": passed,
    }


def _band_for(ex: Exercise, bands: list[Band], total: dict[str, Any]) -> Band | None:
    """The band a total falls in; none when too few questions were answered for one, or
    none counted at all (a raw total of 0 from no answers is not a reading of 0)."""
    if total["answered"] < total["needed"] or total["percent"] is None:
        return None
    return find_band(bands, total["raw" if ex.scoring.bands_on == "raw" else "percent"])


def uses_rules(ex: Exercise) -> bool:
    """Whether a checklist reads blockers and unknowns, not only the count.

    Checklists written before `blocks` and `find_out_first` existed keep their meaning.
    """
    blocks = any(isinstance(q, YesNoQuestion) and q.blocks for _section, q in ex.questions())
    return blocks or ex.find_out_first is not None


def verdict(ex: Exercise, answers: dict[str, AnswerValue], subject: str) -> Verdict | None:
    """A checklist's verdict.

    1. Any blocking statement answered the worrying way gives the last verdict.
    2. Otherwise, when 'not sure' answers could change the verdict (a blocking
       statement, or enough of them to reach another verdict), it is 'find out first'.
    3. Otherwise the concerns, counted by weight, are read against the verdicts.
    Rule 2 applies only to checklists that use `blocks` or `find_out_first`.
    """
    if ex.kind != "checklist":
        return None
    statements = [
        q
        for _section, q in visible(ex, answers)
        if isinstance(q, YesNoQuestion) and q.counts is not None
    ]
    concerns = [q for q in statements if q.concern(answers.get(q.id))]
    unsure = [q for q in statements if answers.get(q.id) == "not_sure"]
    blocking = [q for q in concerns if q.blocks]
    count = sum(q.weight for q in concerns)
    rule = "count"
    deciding: list[YesNoQuestion] = []
    reading: Band | Reading | None = find_band(ex.verdicts, count)
    if blocking and ex.verdicts:
        rule, reading = "blocked", ex.verdicts[-1]
    elif uses_rules(ex) and unsure:
        deciding = [q for q in unsure if q.blocks]
        at_worst = find_band(ex.verdicts, count + sum(q.weight for q in unsure))
        if not deciding and at_worst is not reading:
            deciding = unsure
        if deciding:
            rule, reading = "find_out", ex.find_out_first or find_out_first()

    def record(q: YesNoQuestion) -> Concern:
        return Concern(
            question=q.id,
            text=ex.wording(q, subject),
            talk_about=q.talk_about,
            could_change=q.could_change,
        )

    # Blockers first: they decide the verdict, and what would change them matters most.
    ordered = blocking + [q for q in concerns if not q.blocks]
    return Verdict(
        label=reading.label if reading else _("No verdict"),
        message=reading.message if reading else "",
        count=count,
        concerns=[record(q) for q in ordered],
        unsure=[record(q) for q in deciding + [q for q in unsure if q not in deciding]],
        rule=rule,
        blocking=[q.id for q in blocking],
        deciding=[q.id for q in deciding],
    )


def score(ex: Exercise, answers: dict[str, AnswerValue]) -> Scores:
    """Score every section and the whole, and read each against its bands.

    Checklists are read by their verdict instead, so they have no scores.
    """
    if ex.kind == "checklist":
        return Scores(sections=[], overall=Score(raw=0, min=0, max=0, percent=None))
    asked = visible(ex, answers)
    on_raw = ex.scoring.bands_on == "raw"
    show = ex.scoring.shown_as()
    sections: list[SectionScore] = []
    everything: list[tuple[QuestionBase, AnswerValue]] = []
    for section in ex.sections:
        if not section.scored:
            continue
        items = [(q, answers.get(q.id)) for s, q in asked if s is section]
        everything.extend(items)
        total = _total(ex, items)
        band = _band_for(ex, ex.section_bands(section), total)
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
    scored_ids = {q.id for q, _answer in everything}
    for fid, framework in ex.frameworks.items():
        rows = []
        for principle in framework.principles:
            items = [
                (q, answers.get(q.id))
                for _section, q in asked
                if q.id in scored_ids and q.principles.get(fid) == principle.id
            ]
            total = _total(ex, items)
            band = None if on_raw else _band_for(ex, ex.scoring.section_bands, total)
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
    band = _band_for(ex, ex.scoring.bands, total)
    if too_few_sections(sections):
        band = None  # a reading of the whole that rests on a few parts would mislead
    overall = Score(**_reading(band), **total)
    return Scores(
        sections=sections,
        overall=overall,
        frameworks=frameworks,
        show=show,
        passes=ex.scoring.passes,
        scale_max=_common_scale_max(ex) if show == "mean" else None,
    )


def read(s: Score) -> bool:
    """Whether a score can be read: it has one, from enough answers (min_answered)."""
    return s.percent is not None and s.answered >= s.needed


def too_few_sections(sections: list[SectionScore]) -> bool:
    """Fewer than half of three or more sections have a score: no band for the whole."""
    scored = sum(1 for s in sections if s.percent is not None)
    return len(sections) >= 3 and scored > 0 and scored * 2 < len(sections)


def common_scale(ex: Exercise) -> tuple[int, int] | None:
    """The one scale every scored question shares, or None (then `show: mean` cannot work)."""
    found: set[tuple[int, int]] = set()
    for section, q in ex.questions():
        if not section.scored or question_range(ex, q) is None:
            continue
        if not isinstance(q, ScaleQuestion):
            return None
        if isinstance(q.scale, str) and q.scale not in ex.scales:
            return None
        scale = ex.scale_of(q)
        found.add((scale.min, scale.max))
    return found.pop() if len(found) == 1 else None


def _common_scale_max(ex: Exercise) -> int | None:
    scale = common_scale(ex)
    return scale[1] if scale else None


def strongest_and_weakest(
    scores: Scores, count: int = 2
) -> tuple[list[SectionScore], list[SectionScore]]:
    """The sections to celebrate and the ones to work on, never the same one twice.

    Every scored section is ranked, as the results table shows them all (six-principles'
    two sections beyond the principles too: a 0 in "what changed" is worth working on).
    Scores are compared as people see them (whole numbers), and equal scores are never
    split: calling one of five sections at 50 "strongest" would be chance, not a finding.
    So a group of equal scores is named whole, if it is at most half the sections (or
    `count`); further groups join it while there is room for all of them within `count`.
    """
    pool = [s for s in scores.sections if read(s)]  # never a 'strength' from one answer
    if len(pool) < 4:
        return [], []
    groups: dict[int, list[SectionScore]] = {}
    for s in pool:
        groups.setdefault(whole(s.percent or 0), []).append(s)
    levels = sorted(groups, reverse=True)
    if len(levels) < 2:
        return [], []  # all level: nothing stands out either way
    room = max(count, len(pool) // 2)

    def pick(order: list[int]) -> list[SectionScore]:
        picked: list[SectionScore] = []
        for level in order:
            group = groups[level]
            if len(picked) + len(group) > (count if picked else room):
                break
            picked += group
        return picked

    strongest = pick(levels)
    weakest = [s for s in pick(levels[::-1]) if s not in strongest]
    return strongest, weakest


def the_rest(scores: Scores, named: list[SectionScore]) -> SectionScore | None:
    """When every scored section not named scored the same, one of them (to say its score)."""
    pool = [s for s in scores.sections if read(s)]
    rest = [s for s in pool if s not in named]
    if len(rest) > 1 and len({whole(s.percent or 0) for s in rest}) == 1:
        return rest[0]
    return None
