"""The instrument's own numbers: raw totals, subtotals, '7 of 10', rounding, pass rules.

Every expected number below is worked out by hand in the comment beside it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from coprod_toolkit.cli import app
from coprod_toolkit.loader import check_file, load_exercise
from coprod_toolkit.models import AnswerValue, Band, Exercise
from coprod_toolkit.report import markdown, result_lines
from coprod_toolkit.report_html import html_report
from coprod_toolkit.scoring import round_half_up, score, whole
from tests.conftest import write

SECTIONS = ["Equality", "Respect", "Trust", "Openness", "Sharing"]


def values_yaml(scoring: str = "") -> str:
    """A 20-statement values assessment: five values, four statements each, scale 1-5."""
    lines = [
        "id: values",
        "title: Our values",
        "summary: A values assessment banded on its 20-100 total.",
        "scales:",
        "  five: {min: 1, max: 5, labels: {1: Never, 5: Always}}",
        "scoring:",
        "  bands_on: raw",
        scoring,
        "  bands:",
        "    - {min: 20, max: 39, label: Starting}",
        "    - {min: 40, max: 59, label: Developing}",
        "    - {min: 60, max: 79, label: Established}",
        "    - {min: 80, max: 100, label: Leading}",
        "sections:",
    ]
    for index, title in enumerate(SECTIONS):
        lines += [f"  - id: {title.lower()}", f"    title: {title}", "    questions:"]
        for n in range(1, 5):
            qid = f"{title.lower()}-{n}"
            lines.append(
                f"      - {{id: {qid}, type: scale, scale: five, optional: true, "
                f"text: Statement {index * 4 + n}.}}"
            )
    return "\n".join(line for line in lines if line) + "\n"


def load(tmp_path: Path, text: str, name: str = "ex.yaml") -> Exercise:
    return load_exercise(write(tmp_path, name, text)).exercise


def all_threes(ex: Exercise) -> dict[str, AnswerValue]:
    return {q.id: 3 for _, q in ex.questions()}


def test_a_raw_total_is_shown_on_its_own_range(tmp_path: Path) -> None:
    ex = load(tmp_path, values_yaml("  passes: pro_rate"))
    scores = score(ex, all_threes(ex))
    # 20 statements x 3 = 60, on a range of 20 (all 1s) to 100 (all 5s): Established.
    assert (scores.overall.raw, scores.overall.min, scores.overall.max) == (60, 20, 100)
    assert scores.overall.band == "Established" and scores.show == "total"
    # Each value: 4 statements x 3 = 12, on 4 to 20.
    assert [(s.raw, s.min, s.max) for s in scores.sections] == [(12, 4, 20)] * 5


def test_raw_totals_on_screen_in_markdown_and_html(tmp_path: Path) -> None:
    path = write(tmp_path, "values.yaml", values_yaml("  passes: pro_rate"))
    answers = write(
        tmp_path, "a.yaml", yaml.safe_dump({"answers": all_threes(load_exercise(path).exercise)})
    )
    result = CliRunner().invoke(app, ["assess", str(path), "--answers", str(answers), "--plain"])
    assert result.exit_code == 0, result.output
    assert "Total 60 (of 20–100) - Established" in result.output
    assert "  Equality: 12 of 4–20" in result.output
    assert "50 out of 100" not in result.output
    reflections = Path.cwd().parent / "home" / "reflections"
    report = next(reflections.glob("*.md")).read_text()
    assert "| Equality | 12 of 4–20 |  |" in report
    assert "**Total 60 (of 20–100) - Established**" in report
    from coprod_toolkit.models import Reflection

    record = Reflection.model_validate(yaml.safe_load(next(reflections.glob("*.yaml")).read_text()))
    page = html_report(record)
    assert "<th>Total</th>" in page
    assert "<td class='num'>12 of 4–20</td>" in page
    assert "<strong>Total 60 (of 20–100) - Established</strong>" in page


MARKS = """
id: marks
title: Marks out of ten
summary: A group gives a mark from 1 to 10 to each theme.
scales:
  ten: {min: 1, max: 10, labels: {1: Very poor, 10: Excellent}}
scoring:
  show: mean
sections:
  - id: listening
    title: Listening
    questions:
      - {id: listening-mark, type: scale, scale: ten, text: How well do we listen?}
  - id: sharing
    title: Sharing power
    questions:
      - {id: sharing-mark, type: scale, scale: ten, text: How well do we share power?}
      - {id: sharing-money, type: scale, scale: ten, text: How well do we share the budget?}
"""


def test_a_one_to_ten_mark_shows_on_its_scale(tmp_path: Path) -> None:
    ex = load(tmp_path, MARKS)
    r_scores = score(ex, {"listening-mark": 7, "sharing-mark": 6, "sharing-money": 7})
    # Listening: the mark itself, 7. Sharing: (6 + 7) / 2 = 6.5. Overall: 20 / 3 = 6.67 -> 6.7.
    assert [s.mean for s in r_scores.sections] == [7, 6.5]
    from coprod_toolkit.report import amount, overall_text

    assert amount(r_scores.sections[0], r_scores) == "7 of 10"
    assert amount(r_scores.sections[1], r_scores) == "6.5 of 10"
    assert overall_text(r_scores) == "Overall: 6.7 of 10"
    # Not '67 out of 100', which is what (7 - 1) / 9 would be.
    assert r_scores.sections[0].percent == pytest.approx(66.67, abs=0.01)


def test_a_one_to_ten_mark_on_screen(tmp_path: Path) -> None:
    path = write(tmp_path, "marks.yaml", MARKS)
    answers = write(
        tmp_path, "a.yaml", "answers: {listening-mark: 7, sharing-mark: 6, sharing-money: 7}\n"
    )
    result = CliRunner().invoke(
        app, ["assess", str(path), "--answers", str(answers), "--plain", "--no-save"]
    )
    assert result.exit_code == 0, result.output
    assert "  Listening: 7 of 10" in result.output
    assert "  Sharing power: 6.5 of 10" in result.output
    assert "out of 100" not in result.output


def test_show_mean_needs_one_scale(tmp_path: Path) -> None:
    text = MARKS.replace(
        "{id: sharing-money, type: scale, scale: ten,",
        "{id: sharing-money, type: scale, scale: {min: 1, max: 5, labels: {1: a, 5: b}},",
    )
    loaded, problems = check_file(write(tmp_path, "m.yaml", text))
    assert loaded is None
    assert [p.message for p in problems] == [
        "show: mean gives the average answer on the scale, so every scored question must use "
        "the same scale. Fix: give them one scale, or use show: total or show: percent."
    ]


def test_the_author_can_choose_percent_for_raw_bands(tmp_path: Path) -> None:
    ex = load(tmp_path, values_yaml("  show: percent\n  passes: pro_rate"))
    lines = result_lines(ex, _reflection(ex, all_threes(ex)))
    # (60 - 20) / 80 = 50 out of 100, still banded on the raw 60.
    assert lines[0].text == "Overall: 50 out of 100 - Established"


# --------------------------------------------------------------------------- rounding


@pytest.mark.parametrize(
    ("value", "digits", "expected"),
    [(62.5, 0, 63), (61.5, 0, 62), (0.5, 0, 1), (62.4999, 0, 62), (6.65, 1, 6.7), (2.25, 1, 2.3)],
)
def test_rounding_is_half_up(value: float, digits: int, expected: float) -> None:
    assert round_half_up(value, digits) == expected


def test_band_lookup_rounds_half_up() -> None:
    # Python's round(62.5) is 62, which would put 62.5 in the lower band.
    assert Band(min=63, max=100, label="High").contains(62.5)
    assert not Band(min=0, max=62, label="Low").contains(62.5)
    assert whole(62.5) == 63


def test_a_score_of_62_5_shows_as_63_and_reads_in_the_band_above(tmp_path: Path) -> None:
    text = """
    id: halves
    title: Halves
    summary: Two statements that give 62.5 out of 100.
    scoring:
      bands:
        - {min: 0, max: 62, label: Low}
        - {min: 63, max: 100, label: High}
    sections:
      - id: s
        title: Statements
        questions:
          - {id: a, type: scale, scale: {min: 1, max: 5, labels: {1: No, 5: Yes}}, text: One.}
          - {id: b, type: scale, scale: {min: 1, max: 5, labels: {1: No, 5: Yes}}, text: Two.}
    """
    ex = load(tmp_path, text)
    # 3 + 4 = 7 on a range of 2 to 10: (7 - 2) / 8 = 62.5.
    reflection = _reflection(ex, {"a": 3, "b": 4})
    assert reflection.scores.overall.percent == 62.5
    assert result_lines(ex, reflection)[0].text == "Overall: 63 out of 100 - High"
    assert "| Statements | 63 |  |" in markdown(reflection, ex)


# --------------------------------------------------------------------------- pass rules


def one_passed(ex: Exercise) -> dict[str, AnswerValue]:
    answers = all_threes(ex)
    answers["equality-1"] = None
    return answers


def test_leave_out_a_pass_moves_the_band_and_validate_warns(tmp_path: Path) -> None:
    path = write(tmp_path, "v.yaml", values_yaml())
    loaded, problems = check_file(path)
    assert loaded is not None
    scores = score(loaded.exercise, one_passed(loaded.exercise))
    # 19 x 3 = 57 of 19-95: under the raw bands that is 'Developing', not 'Established'.
    assert (scores.overall.raw, scores.overall.min, scores.overall.max) == (57, 19, 95)
    assert scores.overall.band == "Developing"
    assert [p.message for p in problems if p.where == "scoring.bands"] == [
        "passed questions leave the total, so once 'equality-1' is passed, totals run from 19 "
        "to 95, which these bands (20-100) do not fit. Fix: add 'passes: pro_rate' (or "
        "'passes: lowest') under 'scoring', so a pass does not move the total."
    ]


def test_pro_rate_keeps_the_band_of_an_unchanged_score(tmp_path: Path) -> None:
    loaded, problems = check_file(write(tmp_path, "v.yaml", values_yaml("  passes: pro_rate")))
    assert loaded is not None and problems == []
    ex = loaded.exercise
    scores = score(ex, one_passed(ex))
    # 19 answers of 3: 50 out of 100 over the answered; scaled to 20-100 that is 60.
    assert (scores.overall.raw, scores.overall.min, scores.overall.max) == (60, 20, 100)
    assert scores.overall.band == "Established"
    assert (scores.overall.answered, scores.overall.questions) == (19, 20)
    # Equality: 3 answers of 3 = 9 of 3-15, 50%, scaled to 4-20 = 12.
    assert (scores.sections[0].raw, scores.sections[0].min, scores.sections[0].max) == (12, 4, 20)
    lines = [line.text for line in result_lines(ex, _reflection(ex, one_passed(ex)))]
    assert lines[:2] == [
        "Total 60 (of 20–100) - Established",
        "This rests on 19 of 20 answers: 1 question was passed, and the total is scaled up "
        "as if passed questions were answered like the rest.",
    ]


def test_lowest_counts_a_pass_as_the_lowest_answer(tmp_path: Path) -> None:
    ex = load(tmp_path, values_yaml("  passes: lowest"))
    scores = score(ex, one_passed(ex))
    # 19 x 3 + 1 = 58 of 20-100: Developing.
    assert (scores.overall.raw, scores.overall.min, scores.overall.max) == (58, 20, 100)
    assert scores.overall.band == "Developing"
    # Equality: 3 + 3 + 3 + 1 = 10 of 4-20.
    assert scores.sections[0].raw == 10


def test_no_band_below_the_minimum_share_answered(tmp_path: Path) -> None:
    ex = load(tmp_path, values_yaml("  passes: pro_rate\n  min_answered: 0.8"))
    answers = all_threes(ex)
    for qid in ["equality-1", "equality-2", "respect-1", "respect-2", "trust-1"]:
        answers[qid] = None
    scores = score(ex, answers)
    # 15 of 20 answered; 0.8 x 20 = 16 needed: no band, and the result says why.
    assert (scores.overall.answered, scores.overall.needed, scores.overall.band) == (15, 16, None)
    lines = [line.text for line in result_lines(ex, _reflection(ex, answers))]
    assert lines[0] == "Total 60 (of 20–100)"
    assert lines[2] == (
        "Too few answers for a reading: this exercise needs at least 16 of 20, so no band is given."
    )
    answers["trust-1"] = 3  # 16 answered: enough
    assert score(ex, answers).overall.band == "Established"


def _reflection(ex: Exercise, answers: dict[str, AnswerValue]):  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    from coprod_toolkit.models import ExerciseRef, Reflection

    now = datetime.now(UTC)
    return Reflection(
        id="r",
        exercise=ExerciseRef(id=ex.id, version=ex.version, title=ex.title, hash="x"),
        about="me",
        about_label="me",
        started=now,
        finished=now,
        scores=score(ex, answers),
        answers=[],
    )


def test_history_rounds_half_up_too() -> None:
    from coprod_toolkit.history import Summary

    summary = Summary(
        id="r",
        file="r.yaml",
        finished="2026-11-23T10:00:00+00:00",
        exercise="x",
        version="1",
        title="X",
        kind="assessment",
        about="me",
        about_label="me",
        name=None,
        overall=62.5,
        band="High",
        verdict=None,
        next_step=None,
    )
    assert summary.reading == "63 - High"  # Python's round() would say 62


def test_validate_warns_about_section_bands_on_totals_too(tmp_path: Path) -> None:
    text = values_yaml().replace(
        "  bands:\n",
        "  section_bands:\n    - {min: 4, max: 11, label: Low}\n    - {min: 12, max: 20, label: High}\n"
        "  bands:\n",
    )
    loaded, problems = check_file(write(tmp_path, "v.yaml", text))
    assert loaded is not None
    assert [p.message for p in problems if p.where == "scoring.section_bands"] == [
        "passed questions leave the total, so once 'equality-1' is passed, totals run from 3 "
        "to 15, which these bands (4-20) do not fit. Fix: add 'passes: pro_rate' (or "
        "'passes: lowest') under 'scoring', so a pass does not move the total."
    ]
