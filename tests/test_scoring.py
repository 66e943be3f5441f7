"""Scoring: totals, 0-100, bands, reverse scoring, and what does not count."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coprod_toolkit.loader import load_exercise
from coprod_toolkit.models import Exercise, ScaleQuestion
from coprod_toolkit.scoring import question_points, score, strongest_and_weakest, visible
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
            assert s.band is not None


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
