"""The shipped exercises in Welsh (exercises/*.cy.yaml).

What these tests hold to: each translation covers every text its exercise has (no
warnings), keeps the original's ids, and is marked as awaiting review. For the six
principles: every statement has Welsh for each of its five subjects; the statements that
count in reverse are the same ones in both languages; and the same answers give the same
scores in Welsh and in English, on screen and in the saved record. For the checklists
(readiness, tokenism, senior-leaders): the same answers give the same verdict, by the
same rule, with the same concerns. For placement: each option lands on the same band.
For the four steps: the same steps, in the same order, with the same minutes.
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
from coprod_toolkit.scoring import score, verdict
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


# =========================================================================== the others

EXERCISES = ROOT / "exercises"
CHECKLISTS = ["readiness", "tokenism", "senior-leaders"]
TRANSLATED = [*CHECKLISTS, "placement", "four-steps"]


def both(exercise_id: str) -> tuple[Exercise, Exercise]:
    """The exercise in English, and in Welsh."""
    loaded = load_exercise(EXERCISES / f"{exercise_id}.yaml")
    cy = localise(loaded, "cy")
    assert isinstance(cy, TranslatedExercise)
    assert language_of(cy) == "cy"
    return loaded.exercise, cy.exercise


@pytest.mark.parametrize("exercise_id", TRANSLATED)
def test_each_translation_is_complete_and_awaits_review(exercise_id: str) -> None:
    path = EXERCISES / f"{exercise_id}.cy.yaml"
    english, _cy = both(exercise_id)
    assert check_translation_file(path) == []
    tr, _marks = read_translation(path)
    assert (tr.translates, tr.language, tr.version) == (exercise_id, "cy", english.version)
    assert tr.reviewed is False
    assert "first-language Welsh speaker" in flat(tr.note)
    assert "AWAITING REVIEW by a first-language" in path.read_text(encoding="utf-8")
    result = runner.invoke(app, ["exercise", "validate", str(path)])
    assert result.exit_code == 0, result.output
    assert result.output.endswith("no errors, 0 warnings.\n"), result.output


@pytest.mark.parametrize("exercise_id", TRANSLATED)
def test_each_translation_keeps_the_ids_and_leaves_nothing_in_english(exercise_id: str) -> None:
    en, cy = both(exercise_id)
    assert cy.title != en.title and cy.summary != en.summary and cy.audience != en.audience
    assert [s.id for s in cy.sections] == [s.id for s in en.sections]
    assert [q.id for _, q in cy.questions()] == [q.id for _, q in en.questions()]
    for en_q, cy_q in zip(
        [q for _, q in en.questions()], [q for _, q in cy.questions()], strict=True
    ):
        assert type(cy_q) is type(en_q), en_q.id
        for field in ("text", "help", "talk_about", "could_change"):
            en_words, cy_words = getattr(en_q, field, None), getattr(cy_q, field, None)
            assert bool(en_words) == bool(cy_words), (en_q.id, field)
            if en_words:
                assert cy_words != en_words, (en_q.id, field)
        # The rules are the original's: which way it counts, whether it decides alone.
        for rule in ("counts", "blocks", "weight", "when", "optional", "not_sure"):
            assert getattr(cy_q, rule, None) == getattr(en_q, rule, None), (en_q.id, rule)
        en_options = getattr(en_q, "options", None) or []
        cy_options = getattr(cy_q, "options", None) or []
        assert [(o.value, o.points) for o in cy_options] == [
            (o.value, o.points) for o in en_options
        ]
        for en_o, cy_o in zip(en_options, cy_options, strict=True):
            assert cy_o.label != en_o.label, (en_q.id, en_o.value)
    for en_s, cy_s in zip(en.sections, cy.sections, strict=True):
        assert cy_s.title != en_s.title, en_s.id
        if en_s.description:
            assert cy_s.description and cy_s.description != en_s.description, en_s.id
        en_bands, cy_bands = en_s.bands or [], cy_s.bands or []
        assert [(b.min, b.max) for b in cy_bands] == [(b.min, b.max) for b in en_bands]
        for en_b, cy_b in zip(en_bands, cy_bands, strict=True):
            assert cy_b.label != en_b.label and cy_b.message != en_b.message
    assert [(v.min, v.max) for v in cy.verdicts] == [(v.min, v.max) for v in en.verdicts]
    for en_v, cy_v in zip(en.verdicts, cy.verdicts, strict=True):
        assert cy_v.label != en_v.label and cy_v.message != en_v.message
    if en.find_out_first is not None:
        assert cy.find_out_first is not None
        assert cy.find_out_first.label == "Dewch i wybod yn gyntaf"
        assert cy.find_out_first.message != en.find_out_first.message
    assert list(cy.subjects) == list(en.subjects)


# --------------------------------------------------------------------------- checklists


def checklist_answers(ex: Exercise, kind: str) -> dict[str, AnswerValue]:
    """Every answer 'yes', 'no' or 'not sure'; or no concern ('good'), two mild ones
    ('two'), or a mix of concerns and none ('mixed')."""
    answers: dict[str, AnswerValue] = {}
    for i, (_, q) in enumerate(ex.questions()):
        if kind == "mixed":
            good = "yes" if getattr(q, "counts", None) == "for" else "no"
            bad = "no" if good == "yes" else "yes"
            answers[q.id] = bad if i % 3 == 0 else good
        elif kind in ("good", "two"):
            answers[q.id] = "yes" if getattr(q, "counts", None) == "for" else "no"
        else:
            answers[q.id] = kind
    if kind == "two":  # two concerns that do not decide it alone: the middle verdict
        mild = [q for _, q in ex.questions() if not getattr(q, "blocks", False)][-2:]
        for q in mild:
            answers[q.id] = "no" if answers[q.id] == "yes" else "yes"
    return answers


KINDS = ["yes", "no", "not_sure", "mixed", "good", "two"]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("exercise_id", CHECKLISTS)
def test_the_same_answers_give_the_same_verdict_in_both_languages(
    exercise_id: str, kind: str
) -> None:
    en, cy = both(exercise_id)
    answers = checklist_answers(en, kind)
    en_v, cy_v = verdict(en, answers, "me"), verdict(cy, answers, "me")
    assert en_v is not None and cy_v is not None
    assert (cy_v.count, cy_v.rule, cy_v.blocking, cy_v.deciding) == (
        en_v.count,
        en_v.rule,
        en_v.blocking,
        en_v.deciding,
    )
    assert [c.question for c in cy_v.concerns] == [c.question for c in en_v.concerns]
    assert [c.question for c in cy_v.unsure] == [c.question for c in en_v.unsure]
    # The same verdict, in its own language.
    if en_v.rule == "find_out":
        assert cy.find_out_first is not None and cy_v.label == cy.find_out_first.label
    else:
        en_labels = [v.label for v in en.verdicts]
        cy_labels = [v.label for v in cy.verdicts]
        assert cy_labels.index(cy_v.label) == en_labels.index(en_v.label)
    for c in cy_v.concerns:
        assert c.talk_about and c.could_change
        assert c.talk_about not in {getattr(q, "talk_about", None) for _, q in en.questions()}


def test_the_checklists_reach_every_kind_of_verdict_in_welsh() -> None:
    """Whatever the answers, a reader sees the Welsh verdicts the English ones stand for."""
    seen: dict[str, set[str]] = {}
    for exercise_id in CHECKLISTS:
        en, cy = both(exercise_id)
        for kind in KINDS:
            v = verdict(cy, checklist_answers(en, kind), "me")
            assert v is not None
            seen.setdefault(exercise_id, set()).add(v.label)
    assert seen["tokenism"] == {
        "Yn edrych yn ddilys",
        "Yn ddilys yn rhannol",
        "Blwch i'w dicio, am y tro",
        "Dewch i wybod yn gyntaf",
    }
    assert seen["senior-leaders"] == {
        "Yn barod",
        "Yn barod, gyda gofal",
        "Ddim eto",
        "Dewch i wybod yn gyntaf",
    }


def write_answers(tmp_path: Path, en: Exercise, kind: str) -> Path:
    answers: dict[str, Any] = {
        qid: ("not sure" if value == "not_sure" else value)
        for qid, value in checklist_answers(en, kind).items()
    }
    for _, q in en.questions():  # leave out what is not asked
        when = getattr(q, "when", None)
        if when is not None and answers.get(when.question) != when.equals:
            answers.pop(q.id)
    path = tmp_path / f"answers-{kind}.yaml"
    path.write_text(yaml.safe_dump({"answers": answers}), encoding="utf-8")
    return path


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("exercise_id", CHECKLISTS)
def test_a_welsh_checklist_run_gives_the_english_runs_verdict(
    tmp_path: Path, exercise_id: str, kind: str
) -> None:
    en, cy = both(exercise_id)
    args = ["readiness", exercise_id, "--answers", str(write_answers(tmp_path, en, kind))]
    welsh_run = runner.invoke(app, ["--lang", "cy", *args, "--no-save"])
    english_run = runner.invoke(app, ["--lang", "en", *args, "--no-save"])
    assert welsh_run.exit_code == english_run.exit_code == 0, welsh_run.output
    assert "Traceback" not in welsh_run.output
    cy_text, en_text = flat(welsh_run.output), flat(english_run.output)
    en_labels = [v.label for v in en.verdicts]
    cy_labels = [v.label for v in cy.verdicts]
    if en.find_out_first is not None:
        en_labels.append(en.find_out_first.label)
        assert cy.find_out_first is not None
        cy_labels.append(cy.find_out_first.label)
    # The longest label shown ('Ready' is part of 'Ready, with care').
    shown = max((label for label in en_labels if f": {label}" in en_text), key=len)
    welsh_label = cy_labels[en_labels.index(shown)]
    assert welsh_label in cy_text
    others = [label for label in cy_labels if label not in welsh_label]
    assert not any(label in cy_text for label in others), cy_text
    # The statements are Welsh, and the numbers are the English run's.
    assert not any(flat(str(q.text)) in cy_text for _, q in en.questions())
    assert sorted(NUMBER.findall(cy_text)) == sorted(NUMBER.findall(en_text))


def test_a_welsh_tokenism_run_reads_in_welsh(tmp_path: Path, isolated: Path) -> None:
    en, _cy = both("tokenism")
    path = write_answers(tmp_path, en, "mixed")
    result = runner.invoke(app, ["--lang", "cy", "readiness", "tokenism", "--answers", str(path)])
    assert result.exit_code == 0, result.output
    shown = flat(result.output)
    assert "Blwch i'w dicio, am y tro" in shown
    assert "Ydy her gan bobl sydd â phrofiad bywyd yn cael ei gwthio o'r neilltu" in shown
    assert "Diolchwch i bobl am eu her" in shown
    record = yaml.safe_load(next((isolated / "reflections").glob("*.yaml")).read_text())
    assert record["exercise"]["title"] == "Ai cydgynhyrchu yw hyn, neu flwch i'w dicio?"
    assert record["verdict"]["label"] == "Blwch i'w dicio, am y tro"
    assert record["verdict"]["rule"] == "blocked"


# --------------------------------------------------------------------------- placement


def placement_options() -> list[tuple[str, str]]:
    en, _cy = both("placement")
    pairs = []
    for _, q in en.questions():
        for option in getattr(q, "options", None) or []:
            pairs.append((q.id, option.value))
    return pairs


@pytest.mark.parametrize(("qid", "value"), placement_options())
def test_each_placement_answer_lands_on_the_same_band_in_both_languages(
    qid: str, value: str
) -> None:
    en, cy = both("placement")
    answers: dict[str, AnswerValue] = {qid: value}
    en_scores, cy_scores = score(en, answers), score(cy, answers)
    for en_s, cy_s, en_sec, cy_sec in zip(
        en_scores.sections, cy_scores.sections, en.sections, cy.sections, strict=True
    ):
        assert (cy_s.id, cy_s.raw, cy_s.percent) == (en_s.id, en_s.raw, en_s.percent)
        if en_s.band is None:
            assert cy_s.band is None
            continue
        en_labels = [b.label for b in en_sec.bands]
        cy_labels = [b.label for b in cy_sec.bands]
        assert cy_s.band is not None
        assert cy_labels.index(cy_s.band) == en_labels.index(en_s.band)


def test_placement_in_welsh_on_screen(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("answers: {where: consultation, how-deep: support}\n", encoding="utf-8")
    args = ["assess", "placement", "--answers", str(path), "--no-save"]
    result = runner.invoke(app, ["--lang", "cy", *args])
    assert result.exit_code == 0, result.output
    shown = flat(result.output)
    assert "Ble mae'r gwaith hwn yn sefyll" in shown and "Ymgynghori" in shown
    assert "Cam ymlaen: dewch â phobl i mewn yn gynharach" in shown
    assert "Pa mor ddwfn mae'n mynd (Cefnogi)" in shown
    assert "Consultation" not in shown and "A step on" not in shown
    english = flat(runner.invoke(app, ["--lang", "en", *args]).output)
    assert sorted(NUMBER.findall(shown)) == sorted(NUMBER.findall(english))


# --------------------------------------------------------------------------- four steps


def test_the_four_steps_keep_their_order_and_minutes() -> None:
    en, cy = both("four-steps")
    assert [(s.id, s.minutes) for s in cy.steps] == [(s.id, s.minutes) for s in en.steps]
    for en_s, cy_s in zip(en.steps, cy.steps, strict=True):
        for field in ("title", "prompt", "help", "round"):
            en_words, cy_words = getattr(en_s, field), getattr(cy_s, field)
            assert bool(en_words) == bool(cy_words), (en_s.id, field)
            if en_words:
                assert cy_words != en_words, (en_s.id, field)
    assert cy.actions_prompt and cy.actions_prompt != en.actions_prompt
    # The step titles are the Welsh guide's headings.
    guide = (EXERCISES / "guides" / "cy" / "four-steps.md").read_text(encoding="utf-8")
    for number, step in enumerate(cy.steps, start=1):
        assert step.title.startswith(f"Cam {number}: ")
        assert f"## {number}. " in guide


def test_a_group_does_the_four_steps_in_welsh(tmp_path: Path, isolated: Path) -> None:
    path = tmp_path / "session.yaml"
    path.write_text(
        "people: [Ana, Ben]\n"
        "contributions:\n"
        "  understand: {Ana: [Mae'r bws yn hwyr], Ben: [Does neb yn ateb y ffôn]}\n"
        "actions:\n"
        "  - {what: Cwrdd eto, who: [Ana, Ben], when: 2026-12-31}\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["--lang", "cy", "group", "four-steps", "--answers", str(path)])
    assert result.exit_code == 0, result.output
    shown = flat(result.output)
    assert "Cam 1: Deall y broblem gyda'ch gilydd" in shown
    assert "Cam 4: Wnaeth hyn weithio?" in shown
    assert "Understand the problem together" not in shown
    record = yaml.safe_load(next((isolated / "reflections").glob("*.yaml")).read_text())
    assert record["exercise"]["title"] == "Y pedwar cam, gyda'n gilydd"
    assert record["about_label"] == "y darn hwn o waith"


def test_exercise_show_gives_the_four_steps_in_welsh() -> None:
    result = runner.invoke(app, ["--lang", "cy", "exercise", "show", "four-steps"])
    assert result.exit_code == 0, result.output
    shown = flat(result.output)
    assert "Y pedwar cam, gyda'n gilydd" in shown
    assert "Beth yw'r broblem, fel rydych chi'n ei gweld neu'n ei byw?" in shown
    assert "Beth fyddwch chi'n ei wneud nesaf?" in shown
