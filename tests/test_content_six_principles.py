"""The six-principles instrument measures, not flatters.

What these tests hold to: a third of each section's statements count the other
way, so giving one answer to everything lands in the middle band; every
statement has five wordings; no statement carries its own 'often'; old
reflections (version 1) still read.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from coprod_toolkit.cli import app
from coprod_toolkit.loader import load_exercise
from coprod_toolkit.models import AnswerValue, ScaleQuestion
from coprod_toolkit.scoring import score
from tests.conftest import ROOT

runner = CliRunner()
SIX = load_exercise(ROOT / "exercises" / "six-principles.yaml").exercise
SCALED = [(s, q) for s, q in SIX.questions() if isinstance(q, ScaleQuestion)]
SUBJECTS = {"me", "service", "organisation", "support", "together"}
PRINCIPLES = [s for s in SIX.sections if s.principle]
FIXTURES = ROOT / "tests" / "fixtures" / "reflections"


def uniform(value: AnswerValue) -> dict[str, AnswerValue]:
    return {q.id: value for _, q in SCALED}


def bands() -> tuple[str, str, str]:
    labels = [b.label for b in SIX.scoring.bands]
    assert len(labels) == 3
    return labels[0], labels[1], labels[2]


# --------------------------------------------------------------------------- the shape


def test_the_six_principles_and_two_labelled_extra_sections() -> None:
    assert [s.principle for s in PRINCIPLES] == [
        "assets",
        "capabilities",
        "reciprocity",
        "networks",
        "blurring-roles",
        "facilitating",
    ]
    extras = [s for s in SIX.sections if not s.principle]
    assert [s.id for s in extras] == ["who-takes-part", "what-changed"]
    for s in extras:
        assert s.title.startswith("Beyond the six principles:")
        assert "counts in the overall score" in s.description


def test_every_principle_has_the_same_number_of_statements_and_a_third_reversed() -> None:
    counts = set()
    for section in PRINCIPLES:
        scaled = [q for q in section.questions if isinstance(q, ScaleQuestion)]
        reversed_ = [q for q in scaled if q.reverse]
        counts.add(len(scaled))
        assert len(reversed_) * 3 == len(scaled), section.id
    assert counts == {6}
    for section in SIX.sections:
        scaled = [q for q in section.questions if isinstance(q, ScaleQuestion)]
        assert sum(q.reverse for q in scaled) * 3 == len(scaled), section.id


def test_every_section_keeps_one_optional_notes_question() -> None:
    for section in SIX.sections:
        notes = [q for q in section.questions if q.type == "text"]
        assert len(notes) == 1 and notes[0].optional, section.id


@pytest.mark.parametrize("qid", [q.id for _, q in SCALED])
def test_every_statement_has_five_wordings(qid: str) -> None:
    q = SIX.question(qid)
    assert q is not None and isinstance(q.text, dict)
    assert set(q.text) == SUBJECTS == set(SIX.subjects)
    texts = [" ".join(t.split()) for t in q.text.values()]
    assert all(len(t) > 20 for t in texts)
    assert len(set(texts)) == 5, "each wording says it from its own place"
    assert q.text["together"].startswith("In our work together"), q.text["together"]
    assert re.search(r"\b(I|me|my)\b", q.text["support"]), q.text["support"]


FREQUENCY = re.compile(
    r"\b(often|always|usually|sometimes|never|rarely|seldom|regularly|frequently|"
    r"occasionally|every time|most of the time)\b",
    re.IGNORECASE,
)


def test_no_statement_carries_its_own_frequency_word() -> None:
    """The scale already says how often ('Rarely true' ... 'Always true')."""
    for _, q in SCALED:
        assert isinstance(q.text, dict)
        for subject, text in q.text.items():
            assert not FREQUENCY.search(text), f"{q.id} ({subject}): {text}"


def test_power_money_inclusion_impact_and_pay_are_all_asked_about() -> None:
    ids = {q.id for _, q in SCALED}
    # shared governance and power handed over, which the top reading rests on
    assert {"roles-final-say", "roles-money"} <= ids
    # inclusion and access
    assert {"access-reach", "access-times-places", "access-speak-only"} <= ids
    # purpose and impact, reviewed together
    assert {"impact-purpose", "impact-review", "impact-nothing"} <= ids
    # fair payment from the organisation's side
    assert {"reciprocity-paid", "reciprocity-pay-set-out", "reciprocity-slow-pay"} <= ids


def test_the_exercise_says_which_published_framework_it_follows() -> None:
    assert "Think Local Act Personal" in SIX.framework
    assert "Think Local Act Personal" in SIX.summary
    assert SIX.version == "2"


# --------------------------------------------------------------------------- the scoring

# By hand: every section has a third of its statements reversed. Answering v to
# everything earns v on the other two thirds and 6 - v on the reversed third, so
# each statement averages (2v + 6 - v) / 3 = (v + 6) / 3 points out of 1..5, and the
# score out of 100 is ((v + 6) / 3 - 1) / 4 * 100 = (v + 3) / 12 * 100.
UNIFORM = {1: 33.33, 2: 41.67, 3: 50.0, 4: 58.33, 5: 66.67}


@pytest.mark.parametrize("value", [1, 2, 3, 4, 5])
def test_the_same_answer_to_everything_lands_in_the_middle_band(value: int) -> None:
    low, middle, high = bands()
    scores = score(SIX, uniform(value))
    assert scores.overall.percent == pytest.approx(UNIFORM[value], abs=0.01)
    assert scores.overall.band == middle, (value, scores.overall.percent)
    assert scores.overall.band not in (low, high)
    for section in scores.sections:
        assert section.percent == pytest.approx(UNIFORM[value], abs=0.01), section.id
        assert section.band == "Growing", section.id


def test_the_band_edges_leave_room_either_side_of_uniform_answers() -> None:
    low, middle, high = SIX.scoring.bands
    assert low.max < round(UNIFORM[1]) and high.min > round(UNIFORM[5])
    for band in (low, middle, high):
        assert band.message


def test_best_and_worst_answers_reach_the_top_and_bottom_bands() -> None:
    low, _, high = bands()
    best = {q.id: (1 if q.reverse else 5) for _, q in SCALED}
    worst = {q.id: (5 if q.reverse else 1) for _, q in SCALED}
    assert score(SIX, best).overall.percent == 100
    assert score(SIX, best).overall.band == high
    assert score(SIX, worst).overall.percent == 0
    assert score(SIX, worst).overall.band == low


def test_all_unknown_has_no_score_and_counts_every_statement() -> None:
    scores = score(SIX, uniform("unknown"))
    assert scores.overall.percent is None and scores.overall.band is None
    assert scores.overall.unknown == len(SCALED) == 42
    assert scores.overall.answered == 0
    for section in scores.sections:
        assert section.percent is None and section.band is None


def test_the_band_messages_say_what_the_reading_is_not() -> None:
    for band in SIX.scoring.bands:
        flat = " ".join(band.message.split())
        assert "transformation" in flat
    top = " ".join(SIX.scoring.bands[-1].message.split())
    assert "final decisions" in top and "money" in top


# --------------------------------------------------------------------------- old reflections


def test_a_version_1_reflection_still_reads_in_history_report_and_progress(
    isolated: Path, tmp_path: Path
) -> None:
    folder = isolated / "reflections"
    folder.mkdir(parents=True)
    old = FIXTURES / "2026-03-01-1200-six-principles.yaml"
    shutil.copy(old, folder / old.name)
    record = yaml.safe_load(old.read_text())
    assert record["exercise"]["version"] == "1"

    history = runner.invoke(app, ["history"])
    assert history.exit_code == 0, history.output
    assert "2026-03-01-1200-six-principles" in history.output
    assert "61 - Support" in history.output  # the old record keeps its own reading

    report = runner.invoke(
        app, ["report", "2026-03-01-1200-six-principles", "--format", "md", "--to", "r.md"]
    )
    assert report.exit_code == 0, report.output
    text = Path("r.md").read_text()
    assert "six-principles, version 1" in text
    assert "Overall: 61 out of 100 - Support" in text

    answers = tmp_path / "a.yaml"
    answers.write_text(yaml.safe_dump({"name": "Sam", "about": "service", "answers": uniform(4)}))
    assert runner.invoke(app, ["assess", "--answers", str(answers)]).exit_code == 0
    progress = runner.invoke(app, ["progress", "--plain", "--name", "Sam"])
    assert progress.exit_code == 0, progress.output
    assert "Traceback" not in progress.output
    flat = " ".join(progress.output.split())
    assert "The questions changed between these reflections (versions 1 and 2 of" in flat


@pytest.mark.parametrize(
    ("about", "label", "first"),
    [
        ("support", "the support and services I use", "The people who support me ask what I"),
        ("together", "our work together, as a group or project", "In our work together, we ask"),
    ],
)
def test_the_new_perspectives_run_end_to_end(
    about: str, label: str, first: str, tmp_path: Path, isolated: Path
) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(yaml.safe_dump({"about": about, "answers": uniform(3)}))
    result = runner.invoke(app, ["assess", "--answers", str(path)])
    assert result.exit_code == 0, result.output
    assert "Overall: 50 out of 100 - Growing" in result.output
    record = yaml.safe_load(next((isolated / "reflections").glob("*.yaml")).read_text())
    assert (record["about"], record["about_label"]) == (about, label)
    assert record["answers"][0]["text"].startswith(first)
    shown = runner.invoke(app, ["exercise", "show", "six-principles", "--about", about])
    assert shown.exit_code == 0
    assert first in " ".join(shown.output.split())
