"""An overall reading that rests on few principles says which, and gives no band below half."""

from __future__ import annotations

from coprod_toolkit.loader import load_exercise
from coprod_toolkit.models import ScaleQuestion
from coprod_toolkit.report import fewer_answers
from coprod_toolkit.scoring import score
from tests.conftest import ROOT

SIX = load_exercise(ROOT / "exercises" / "six-principles.yaml").exercise


def _answers(scored_sections: set[str], value: object = 3) -> dict[str, object]:
    answers: dict[str, object] = {}
    for section, q in SIX.questions():
        if isinstance(q, ScaleQuestion):
            answers[q.id] = value if section.id in scored_sections else "unknown"
    return answers


def _words(scored_sections: set[str]) -> str:
    scores = score(SIX, _answers(scored_sections))  # type: ignore[arg-type]
    return " ".join(line.text for line in fewer_answers(scores))


def test_one_principle_only_names_it_and_gives_no_band() -> None:
    scores = score(SIX, _answers({"assets"}))  # type: ignore[arg-type]
    assert scores.overall.percent is not None
    assert scores.overall.band is None
    total = len(scores.sections)
    assets = next(s.title for s in scores.sections if s.id == "assets")
    words = _words({"assets"})
    assert f"rests on 1 of {total} sections only ({assets.rstrip('.')})" in words
    assert "fewer than half, so no overall band is given" in words


def test_half_the_principles_keeps_the_band_but_says_which() -> None:
    ids = [s.id for s in SIX.sections if s.scored]
    half = set(ids[: (len(ids) + 1) // 2])
    scores = score(SIX, _answers(half))  # type: ignore[arg-type]
    assert scores.overall.band is not None
    words = _words(half)
    assert f"rests on {len(half)} of {len(ids)}" in words
    assert "no overall band" not in words


def test_every_principle_answered_says_nothing_about_it() -> None:
    ids = {s.id for s in SIX.sections}
    scores = score(SIX, _answers(ids))  # type: ignore[arg-type]
    assert scores.overall.band is not None
    assert "rests on" not in _words(ids)
