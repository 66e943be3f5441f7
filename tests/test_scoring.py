"""Scoring: totals, 0-100, bands, reverse scoring, and what does not count."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coprod_toolkit.loader import load_exercise
from coprod_toolkit.models import Exercise, ScaleQuestion, Scores, SectionScore
from coprod_toolkit.scoring import question_points, score, strongest_and_weakest, visible, whole
from tests.conftest import MINIMAL, ROOT

SIX = load_exercise(ROOT / "exercises" / "six-principles.yaml").exercise


@pytest.fixture
def tiny(tmp_path: Path) -> Exercise:
    path = tmp_path / "tiny.yaml"
    path.write_text(MINIMAL)
    return load_exercise(path).exercise


def test_section_and_overall_scores(tiny: Exercise) -> None:
    scores = score(tiny, {"q1": 5, "q2": "yes", "q3": "x", "q4": 1, "q5": "b"})
    first, second = scores.sections
    # q1: 5 of 1..5, q2: yes = 1 of 0..1
    assert (first.raw, first.min, first.max, first.percent) == (6, 1, 6, 100)
    # q4 reversed: 1 counts as 5; q5: 'b' = 0 of 0..2
    assert (second.raw, second.min, second.max) == (5, 1, 7)
    assert second.percent == pytest.approx(4 / 6 * 100)
    assert scores.overall.raw == 11
    assert scores.overall.percent == pytest.approx(9 / 11 * 100)
    assert scores.overall.band == "High"
    assert scores.overall.message == "Keep going."


def test_skipped_and_not_sure_answers_neither_help_nor_hurt(tiny: Exercise) -> None:
    scores = score(tiny, {"q1": 3, "q2": "not_sure"})
    first = scores.sections[0]
    assert (first.raw, first.min, first.max, first.answered) == (3, 1, 5, 1)
    assert first.percent == 50
    assert scores.sections[1].percent is None
    assert scores.sections[1].band is None


def test_nothing_answered_scores_nothing(tiny: Exercise) -> None:
    scores = score(tiny, {})
    assert scores.overall.percent is None
    assert scores.overall.band is None


def test_when_hides_a_question_until_its_answer_says_so(tiny: Exercise) -> None:
    assert [q.id for _, q in visible(tiny, {"q2": "no"})] == ["q1", "q2", "q4", "q5"]
    assert [q.id for _, q in visible(tiny, {"q2": "yes"})] == ["q1", "q2", "q3", "q4", "q5"]


def test_bands_read_the_rounded_score(tiny: Exercise) -> None:
    # q1 = 3 on 1..5 is exactly 50 -> High; 2 is 25 -> Low
    assert score(tiny, {"q1": 3}).overall.band == "High"
    assert score(tiny, {"q1": 2}).overall.band == "Low"


def test_strongest_and_weakest_never_overlap() -> None:
    answers = {q.id: 3 for _, q in SIX.questions() if q.type == "scale"}
    answers["assets-strengths"] = 5
    answers["roles-equal-say"] = 1
    strongest, weakest = strongest_and_weakest(score(SIX, answers))
    assert strongest[0].id == "assets"
    assert weakest[0].id == "blurring-roles"
    assert not {s.id for s in strongest} & {s.id for s in weakest}


scale_answers = st.fixed_dictionaries(
    {q.id: st.integers(1, 5) | st.none() for _, q in SIX.questions() if q.type == "scale"}
)


@given(scale_answers)
def test_scores_stay_in_range(answers: dict[str, int | None]) -> None:
    scores = score(SIX, dict(answers))
    for s in [*scores.sections, scores.overall]:
        assert s.min <= s.raw <= s.max
        if s.percent is not None:
            assert 0 <= s.percent <= 100
            # a band exactly when enough was answered for one (at least half: min_answered)
            assert (s.band is not None) == (s.answered * 2 >= s.questions)


@given(st.integers(1, 5))
def test_reverse_scoring_mirrors_the_scale(value: int) -> None:
    reversed_q = SIX.question("assets-decide-first")
    plain_q = SIX.question("assets-strengths")
    assert isinstance(reversed_q, ScaleQuestion) and reversed_q.reverse
    assert question_points(SIX, reversed_q, value) == question_points(SIX, plain_q, 6 - value)


@given(st.integers(0, 10), st.floats(0.1, 10))
def test_weights_multiply_points(value: int, weight: float) -> None:
    q = ScaleQuestion(
        id="w",
        type="scale",
        text="t",
        scale={"min": 0, "max": 10},
        weight=weight,  # type: ignore[arg-type]
    )
    ex = SIX.model_copy()
    assert question_points(ex, q, value) == pytest.approx(value * weight)


def test_when_every_principle_scores_the_same_none_is_called_strongest() -> None:
    answers = {q.id: 3 for _, q in SIX.questions() if q.type == "scale"}
    assert strongest_and_weakest(score(SIX, answers)) == ([], [])


def _six_scores(percents: list[float], beyond: tuple[float, float] = (50, 50)) -> Scores:
    """Scores for six principle sections at these percents, and two that go beyond them."""
    base = score(SIX, {q.id: 3 for _, q in SIX.questions() if q.type == "scale"})
    sections = []
    principles = [s for s in base.sections if s.principle]
    others = [s for s in base.sections if not s.principle]
    for s, p in zip(principles, percents, strict=True):
        sections.append(s.model_copy(update={"percent": p}))
    for s, p in zip(others, beyond, strict=True):
        sections.append(s.model_copy(update={"percent": p}))
    return base.model_copy(update={"sections": sections})


def _ids(rows: list[SectionScore]) -> list[str]:
    return [s.id for s in rows]


def test_a_tie_is_never_split_between_named_and_unnamed() -> None:
    """One principle at 88 and five at 50: only the 88 stands out; no 50 is 'strongest'."""
    scores = _six_scores([88, 50, 50, 50, 50, 50])
    strongest, weakest = strongest_and_weakest(scores)
    assert _ids(strongest) == ["assets"]
    assert weakest == []  # five equal scores are not 'the ones to work on' more than others


def test_equal_scores_are_named_together_when_few() -> None:
    scores = _six_scores([70, 70, 70, 40, 40, 40])
    strongest, weakest = strongest_and_weakest(scores)
    assert _ids(strongest) == ["assets", "capabilities", "reciprocity"]
    assert _ids(weakest) == ["networks", "blurring-roles", "facilitating"]


def test_a_score_shown_the_same_counts_as_the_same() -> None:
    """62.5 and 63 are both shown as 63: neither is stronger than the other."""
    scores = _six_scores([63, 62.5, 40, 40, 30, 20])
    strongest, weakest = strongest_and_weakest(scores)
    assert _ids(strongest) == ["assets", "capabilities"]
    assert _ids(weakest) == ["facilitating", "blurring-roles"]


def test_sections_beyond_the_principles_are_ranked_too() -> None:
    """They are in the results table: a 0 in 'what changed' is something to work on."""
    scores = _six_scores([60, 55, 50, 45, 40, 35], beyond=(100, 0))
    strongest, weakest = strongest_and_weakest(scores)
    assert _ids(strongest) == ["who-takes-part", "assets"]
    assert _ids(weakest) == ["what-changed", "facilitating"]


def test_a_lone_standout_says_what_the_rest_scored() -> None:
    from coprod_toolkit.report import result_lines

    scores = _six_scores([88, 50, 50, 50, 50, 50])
    record = SimpleNamespace(kind="assessment", verdict=None, scores=scores)
    text = [line.text for line in result_lines(SIX, record, {})]  # type: ignore[arg-type]
    assert "Strongest: Assets (88 out of 100)." in text
    assert "The other sections all scored 50 out of 100." in text
    assert not any(t.startswith("To work on:") for t in text)


@given(st.lists(st.integers(0, 100), min_size=6, max_size=6))
def test_named_sections_never_share_a_score_with_unnamed_ones(percents: list[int]) -> None:
    """Whatever the scores: strongest beat everything else, to-work-on trail everything else."""
    scores = _six_scores([float(p) for p in percents])
    strongest, weakest = strongest_and_weakest(scores)
    principles = [s for s in scores.sections if s.percent is not None]  # and the other two
    assert not set(_ids(strongest)) & set(_ids(weakest))
    rest = [s for s in principles if s not in strongest]
    if strongest:
        assert min(whole(s.percent or 0) for s in strongest) > max(
            whole(s.percent or 0) for s in rest
        )
    rest = [s for s in principles if s not in weakest]
    if weakest:
        assert max(whole(s.percent or 0) for s in weakest) < min(
            whole(s.percent or 0) for s in rest
        )
    most = max(2, len(principles) // 2)  # a group of equals is named only if at most half
    assert len(strongest) <= most and len(weakest) <= most
