"""The six principles in Welsh (exercises/six-principles.cy.yaml).

What these tests hold to: the translation covers every text the exercise has (no
warnings); every statement has Welsh for each of its five subjects; the statements that
count in reverse are the same ones in both languages; and the same answers give the same
scores in Welsh and in English, on screen and in the saved record.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from coprod_toolkit import i18n
from coprod_toolkit.cli import app
from coprod_toolkit.loader import load_exercise
from coprod_toolkit.models import AnswerValue, Exercise, ScaleQuestion
from coprod_toolkit.scoring import score
from coprod_toolkit.translations import (
    TranslatedExercise,
    check_translation_file,
    language_of,
    localise,
    read_translation,
)

from .conftest import ROOT

runner = CliRunner()
ENGLISH_FILE = ROOT / "exercises" / "six-principles.yaml"
WELSH_FILE = ROOT / "exercises" / "six-principles.cy.yaml"
LOADED = load_exercise(ENGLISH_FILE)
SIX = LOADED.exercise
SCALED = [q for _, q in SIX.questions() if isinstance(q, ScaleQuestion)]


@pytest.fixture(autouse=True)
def english_again() -> Iterator[None]:
    i18n._active = None
    yield
    i18n._active = None


def welsh() -> Exercise:
    loaded = localise(LOADED, "cy")
    assert isinstance(loaded, TranslatedExercise)
    assert language_of(loaded) == "cy"
    return loaded.exercise


def flat(text: str) -> str:
    return " ".join(text.split())


# --------------------------------------------------------------------------- complete


def test_the_translation_is_complete_and_follows_the_current_version() -> None:
    assert check_translation_file(WELSH_FILE) == []
    tr, _marks = read_translation(WELSH_FILE)
    assert (tr.translates, tr.language, tr.version) == ("six-principles", "cy", SIX.version)


def test_validate_gives_no_warnings_for_the_welsh_file() -> None:
    result = runner.invoke(app, ["exercise", "validate", str(WELSH_FILE)])
    assert result.exit_code == 0, result.output
    assert result.output.endswith("no errors, 0 warnings.\n"), result.output


def test_it_is_marked_as_awaiting_review_by_a_first_language_speaker() -> None:
    tr, _marks = read_translation(WELSH_FILE)
    assert tr.reviewed is False
    assert "first-language Welsh speaker" in flat(tr.note)
    assert "AWAITING REVIEW" in WELSH_FILE.read_text(encoding="utf-8")


def test_every_question_has_welsh_for_each_of_its_subjects() -> None:
    cy = welsh()
    english = {q.id: q for _, q in SIX.questions()}
    welsh_questions = {q.id: q for _, q in cy.questions()}
    assert list(welsh_questions) == list(english)
    for qid, q in english.items():
        w = welsh_questions[qid]
        if isinstance(q.text, dict):
            assert isinstance(w.text, dict), qid
            assert set(w.text) == set(q.text) == set(SIX.subjects), qid
            for subject, text in q.text.items():
                assert w.text[subject].strip(), (qid, subject)
                assert w.text[subject] != text, (qid, subject)  # not left in English
            together = [flat(t) for t in w.text.values()]
            assert len(set(together)) == len(together), qid  # each says it from its place
            assert w.text["together"].startswith("Yn ein gwaith gyda'n gilydd"), qid
        else:
            assert isinstance(w.text, str) and w.text != q.text, qid
        if q.help:
            assert w.help and w.help != q.help, qid


def test_every_section_subject_scale_and_band_is_in_welsh() -> None:
    cy = welsh()
    for en_s, cy_s in zip(SIX.sections, cy.sections, strict=True):
        assert en_s.id == cy_s.id
        assert cy_s.title != en_s.title and cy_s.description != en_s.description
    assert [s.title for s in cy.sections[-2:]] == [
        "Y tu hwnt i'r chwe egwyddor: pwy sy'n gallu cymryd rhan",
        "Y tu hwnt i'r chwe egwyddor: beth newidiodd",
    ]
    for sid, words in SIX.subjects.items():
        assert cy.subjects[sid] != words
    truth = cy.scales["truth"]
    assert truth.labels == {
        1: "Ddim yn wir",
        2: "Anaml yn wir",
        3: "Weithiau'n wir",
        4: "Gan amlaf yn wir",
        5: "Bob amser yn wir",
    }
    assert truth.unknown == "Ddim yn berthnasol / Dydw i ddim yn gwybod"
    # The word list's band names, with the original's ranges.
    for bands in (cy.scoring.bands, cy.scoring.section_bands):
        assert [b.label for b in bands] == ["Dyddiau cynnar", "Yn tyfu", "Cryf"]
        assert [(b.min, b.max) for b in bands] == [(0, 30), (31, 69), (70, 100)]
    for en_b, cy_b in zip(SIX.scoring.bands, cy.scoring.bands, strict=True):
        assert cy_b.message and cy_b.message != en_b.message
        assert "trawsnewid" in cy_b.message  # says what the reading is not, as the English does
    top = flat(cy.scoring.bands[-1].message)
    assert "penderfyniadau terfynol" in top and "arian" in top and "Cymylu rolau" in top
    assert "Think Local Act Personal" in cy.summary and "Think Local Act Personal" in cy.framework
    assert cy.title == "Chwe egwyddor cydgynhyrchu"


# As in English, the scale says how often ('Anaml yn wir' ... 'Bob amser yn wir'), so no
# statement carries its own. 'o hyd' (still, or always in the south) and 'ar adegau' (at
# times) read both ways, so they are left out too. 'dod o hyd i' is 'to find'.
FREQUENCY = re.compile(
    r"\b(bob amser|wastad|yn aml|weithiau|byth|fel arfer|anaml|ar adegau|bob tro|"
    r"o bryd i'w gilydd|yn rheolaidd|yn gyson|gan amlaf|(?<!dod )o hyd)\b",
    re.IGNORECASE,
)


def test_no_welsh_statement_carries_its_own_frequency_word() -> None:
    for _, q in welsh().questions():
        if isinstance(q, ScaleQuestion):
            assert isinstance(q.text, dict)
            for subject, text in q.text.items():
                assert not FREQUENCY.search(flat(text)), f"{q.id} ({subject}): {text}"


# --------------------------------------------------------------------------- the same rules


def test_reversed_statements_are_the_same_ids_in_both_languages() -> None:
    cy = welsh()
    english = sorted(q.id for q in SCALED if q.reverse)
    welsh_reversed = sorted(
        q.id for _, q in cy.questions() if isinstance(q, ScaleQuestion) and q.reverse
    )
    assert welsh_reversed == english
    assert len(english) == 14  # a third of the 42 statements
    # The translation carries words only: nothing in it could turn a statement round.
    raw = yaml.safe_load(WELSH_FILE.read_text(encoding="utf-8"))
    for qid, words in raw["questions"].items():
        assert set(words) <= {"text", "help"}, qid


def test_scales_points_and_ids_are_the_originals() -> None:
    cy = welsh()
    for en_q, cy_q in zip(SCALED, [q for _, q in cy.questions() if q.type == "scale"], strict=True):
        assert isinstance(cy_q, ScaleQuestion)
        assert (cy_q.id, cy_q.scale if isinstance(cy_q.scale, str) else None) == (
            en_q.id,
            en_q.scale if isinstance(en_q.scale, str) else None,
        )
    assert cy.scales["truth"].min == SIX.scales["truth"].min
    assert cy.scales["truth"].max == SIX.scales["truth"].max


def mixed() -> dict[str, AnswerValue]:
    values: list[AnswerValue] = [4, 2, 5, 3, 1, "unknown"]
    return {q.id: values[i % len(values)] for i, q in enumerate(SCALED)}


@pytest.mark.parametrize(
    "answers",
    [
        {q.id: 3 for q in SCALED},
        {q.id: (1 if q.reverse else 5) for q in SCALED},
        {q.id: (5 if q.reverse else 1) for q in SCALED},
        mixed(),
    ],
    ids=["all-3", "best", "worst", "mixed"],
)
def test_the_same_answers_give_the_same_scores_in_both_languages(
    answers: dict[str, AnswerValue],
) -> None:
    cy = welsh()
    en_scores, cy_scores = score(SIX, answers), score(cy, answers)
    assert cy_scores.overall.percent == en_scores.overall.percent
    assert cy_scores.overall.raw == en_scores.overall.raw
    en_bands = [b.label for b in SIX.scoring.bands]
    cy_bands = [b.label for b in cy.scoring.bands]
    assert en_scores.overall.band is not None and cy_scores.overall.band is not None
    assert cy_bands.index(cy_scores.overall.band) == en_bands.index(en_scores.overall.band)
    for en_s, cy_s in zip(en_scores.sections, cy_scores.sections, strict=True):
        assert (cy_s.id, cy_s.percent, cy_s.raw) == (en_s.id, en_s.percent, en_s.raw)


# --------------------------------------------------------------------------- on screen


def answers_file(tmp_path: Path, about: str = "service") -> Path:
    path = tmp_path / f"answers-{about}.yaml"
    text = {q.id: "Enghraifft" for _, q in SIX.questions() if q.type == "text"}
    data: dict[str, Any] = {"name": "Sam", "about": about, "answers": {**mixed(), **text}}
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


NUMBER = re.compile(r"\d+(?:\.\d+)?")


def test_a_welsh_run_gives_the_same_score_as_the_english_run(tmp_path: Path) -> None:
    args = ["assess", "six-principles", "--answers", str(answers_file(tmp_path)), "--no-save"]
    welsh_run = runner.invoke(app, ["--lang", "cy", *args])
    english_run = runner.invoke(app, ["--lang", "en", *args])
    assert welsh_run.exit_code == 0, welsh_run.output
    assert english_run.exit_code == 0, english_run.output
    assert "Traceback" not in welsh_run.output
    expected = score(SIX, mixed())
    assert expected.overall.percent is not None
    overall = round(expected.overall.percent)
    cy_text, en_text = flat(welsh_run.output), flat(english_run.output)
    # The exercise's words are Welsh, and the numbers are the English run's.
    assert "Asedau" in cy_text and "Assets" not in cy_text
    assert f"Overall: {overall} out of 100 - Growing" in en_text
    assert re.search(rf"\b{overall}\b[^.]*\bYn tyfu\b", cy_text), cy_text
    assert "Growing" not in cy_text
    assert sorted(NUMBER.findall(cy_text)) == sorted(NUMBER.findall(en_text))


def test_saved_records_hold_the_same_scores_in_both_languages(
    tmp_path: Path, isolated: Path
) -> None:
    path = answers_file(tmp_path)
    for code in ("cy", "en"):
        result = runner.invoke(
            app, ["--lang", code, "assess", "six-principles", "--answers", str(path)]
        )
        assert result.exit_code == 0, result.output
    records = [
        yaml.safe_load(p.read_text(encoding="utf-8"))
        for p in sorted((isolated / "reflections").glob("*.yaml"))
    ]
    assert len(records) == 2
    by_title = {r["exercise"]["title"]: r for r in records}
    cy_record = by_title["Chwe egwyddor cydgynhyrchu"]
    en_record = by_title["The six principles of co-production"]
    assert cy_record["exercise"]["hash"] == en_record["exercise"]["hash"]

    def numbers(record: dict[str, Any]) -> list[Any]:
        scores = record["scores"]
        parts = [*scores["sections"], scores["overall"]]
        return [(p.get("raw"), p.get("percent"), p.get("answered")) for p in parts]

    assert numbers(cy_record) == numbers(en_record)
    assert [a["points"] for a in cy_record["answers"]] == [
        a["points"] for a in en_record["answers"]
    ]
    assert cy_record["about_label"] == "fy ngwasanaeth neu fy nhîm"


@pytest.mark.parametrize(
    ("about", "first"),
    [
        ("me", "Pan fydda i'n dod i adnabod rhywun, rydw i'n gofyn"),
        ("support", "Mae'r bobl sy'n fy nghefnogi i'n gofyn beth rydw i'n dda"),
        ("together", "Yn ein gwaith gyda'n gilydd, rydyn ni'n gofyn i bob person"),
    ],
)
def test_exercise_show_in_welsh_for_each_subject(about: str, first: str) -> None:
    result = runner.invoke(
        app, ["--lang", "cy", "exercise", "show", "six-principles", "--about", about]
    )
    assert result.exit_code == 0, result.output
    shown = flat(result.output)
    assert "Chwe egwyddor cydgynhyrchu" in shown
    assert first in shown
    assert "Ddim yn berthnasol / Dydw i ddim yn gwybod" in shown
    assert "When I get to know someone" not in shown
