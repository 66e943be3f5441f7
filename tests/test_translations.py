"""Exercise translations: a sibling file applied field by field, with what it misses reported."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coprod_toolkit import i18n
from coprod_toolkit.catalog import catalog, check_paths, find
from coprod_toolkit.cli import app
from coprod_toolkit.errors import FileProblems
from coprod_toolkit.i18n import is_translation_file
from coprod_toolkit.loader import load_exercise
from coprod_toolkit.scoring import score, verdict
from coprod_toolkit.translations import (
    TranslatedExercise,
    apply,
    check_translation_file,
    language_of,
    languages,
    localise,
    read_translation,
    schema_text,
)
from coprod_toolkit.yamlfile import where

from .conftest import ROOT, write

EXERCISE = """
    id: tiny
    version: "2"
    title: A tiny check
    summary: Two questions about sharing power.
    subjects:
      me: my own practice
      service: the service I use
    scales:
      agree:
        min: 1
        max: 3
        labels: {1: Not at all, 2: Partly, 3: Fully}
        unknown: I don't know
    scoring:
      bands:
        - {min: 0, max: 49, label: Starting, message: Early days.}
        - {min: 50, max: 100, label: Strong, message: Keep going.}
    sections:
      - id: power
        title: Sharing power
        description: Who decides.
        questions:
          - id: power-1
            type: scale
            scale: agree
            text:
              me: I share decisions.
              service: Decisions are shared with me.
            help: Think of the last month.
          - id: power-2
            type: choice
            text: Who chairs meetings?
            options:
              - {value: staff, label: Staff only, points: 0}
              - {value: both, label: Staff and people who use the service, points: 2}
          - id: power-3
            type: scale
            scale: {min: 0, max: 2, labels: {0: Never, 2: Always}}
            text: Meetings are held where people can get to them.
"""

WELSH = """
    translates: tiny
    version: "2"
    language: cy
    title: Gwiriad bach
    summary: Dau gwestiwn am rannu pŵer.
    subjects:
      me: fy ymarfer fy hun
    scales:
      agree:
        labels: {1: Dim o gwbl, 3: Yn llwyr}
        unknown: Dydw i ddim yn gwybod
    scoring:
      bands:
        0-49: {label: Dechrau}
        50-100: {label: Cryf, message: Daliwch ati.}
    sections:
      power:
        title: Rhannu pŵer
    questions:
      power-1:
        text:
          me: Rydw i'n rhannu penderfyniadau.
      power-2:
        text: Pwy sy'n cadeirio cyfarfodydd?
        options:
          staff: Staff yn unig
          both: Staff a phobl sy'n defnyddio'r gwasanaeth
"""

runner = CliRunner()


@pytest.fixture(autouse=True)
def english_again(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in ("COPROD_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    i18n._active = None
    yield
    i18n._active = None


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    where = tmp_path / "mine"
    write(where, "tiny.yaml", EXERCISE)
    write(where, "tiny.cy.yaml", WELSH)
    return where


def welsh(folder: Path, text: str = WELSH) -> Path:
    return write(folder, "tiny.cy.yaml", text)


def test_translated_fields_replace_the_english_and_the_rest_stays_english(folder: Path) -> None:
    original = load_exercise(folder / "tiny.yaml").exercise
    tr, _ = read_translation(folder / "tiny.cy.yaml")
    ex, coverage = apply(original, tr)
    assert (ex.title, ex.summary) == ("Gwiriad bach", "Dau gwestiwn am rannu pŵer.")
    assert ex.subjects == {"me": "fy ymarfer fy hun", "service": "the service I use"}
    assert ex.scales["agree"].labels == {1: "Dim o gwbl", 2: "Partly", 3: "Yn llwyr"}
    assert ex.scales["agree"].unknown == "Dydw i ddim yn gwybod"
    # A band: label in Welsh, message left in English; the next band wholly Welsh.
    assert [(b.label, b.message) for b in ex.scoring.bands] == [
        ("Dechrau", "Early days."),
        ("Cryf", "Daliwch ati."),
    ]
    section = ex.sections[0]
    assert (section.title, section.description) == ("Rhannu pŵer", "Who decides.")
    q1, q2, q3 = section.questions
    assert q1.text == {
        "me": "Rydw i'n rhannu penderfyniadau.",
        "service": "Decisions are shared with me.",
    }
    assert q1.help == "Think of the last month."
    assert q2.text == "Pwy sy'n cadeirio cyfarfodydd?"
    assert [o.label for o in q2.options] == [  # type: ignore[attr-defined]
        "Staff yn unig",
        "Staff a phobl sy'n defnyddio'r gwasanaeth",
    ]
    assert q3.text == "Meetings are held where people can get to them."
    # What was left in English is listed, by where it goes in the translation file.
    # (The default name of the six principles, which the exercise left out, comes in
    # Welsh from coprod itself: nothing for the translator to write.)
    assert ex.framework == "chwe egwyddor cydgynhyrchu"
    assert [where(at) for at in coverage.missing] == [
        "subjects.service",
        "scales.agree.labels.2",
        "scoring.bands.0-49.message",
        "sections.power.description",
        "questions.power-1.text.service",
        "questions.power-1.help",
        "questions.power-3.text",
        "questions.power-3.scale.labels.0",
        "questions.power-3.scale.labels.2",
    ]
    assert coverage.extra == []
    assert coverage.version is None
    # The original is untouched.
    assert original.title == "A tiny check"
    assert original.scales["agree"].labels[1] == "Not at all"


def test_ids_points_and_scores_are_the_same_in_both_languages(folder: Path) -> None:
    original = load_exercise(folder / "tiny.yaml").exercise
    ex, _ = apply(original, read_translation(folder / "tiny.cy.yaml")[0])
    assert [q.id for _, q in ex.questions()] == [q.id for _, q in original.questions()]
    for answers in (
        {"power-1": 3, "power-2": "both", "power-3": 2},  # best
        {"power-1": 1, "power-2": "staff", "power-3": 0},  # worst
        {"power-1": "unknown", "power-2": "both", "power-3": 1},
    ):
        welsh_scores, english_scores = score(ex, answers), score(original, answers)
        assert welsh_scores.overall.percent == english_scores.overall.percent
        assert welsh_scores.overall.raw == english_scores.overall.raw
    best = score(ex, {"power-1": 3, "power-2": "both", "power-3": 2}).overall
    assert (best.percent, best.band) == (100, "Cryf")
    worst = score(ex, {"power-1": 1, "power-2": "staff", "power-3": 0}).overall
    assert (worst.percent, worst.band, worst.message) == (0, "Dechrau", "Early days.")


def test_extra_ids_and_a_text_for_nothing_are_reported(folder: Path) -> None:
    path = welsh(
        folder,
        """
        translates: tiny
        version: 2
        language: cy
        find_out_first: {label: Darganfod yn gyntaf}
        questions:
          power-1:
            text:
              me: Rydw i'n rhannu penderfyniadau.
              team: Mae'r tîm yn rhannu.
          power-2:
            options:
              nobody: Neb
          power-9:
            text: Cwestiwn sydd wedi mynd.
        sections:
          people:
            title: Pobl
        """,
    )
    problems = check_translation_file(path)
    extra = [p for p in problems if "nothing here to translate" in p.message]
    assert sorted(p.where for p in extra) == [
        "find_out_first",
        "questions.power-1.text.team",
        "questions.power-2.options.nobody",
        "questions.power-9",
        "sections.people",
    ]
    assert all(p.severity == "warning" for p in problems)
    power_9 = next(p for p in extra if p.where == "questions.power-9")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[power_9.line - 1].strip() == "power-9:"


def test_a_translation_of_an_older_version_is_reported(folder: Path) -> None:
    path = welsh(folder, WELSH.replace('version: "2"', "version: 1"))
    problems = check_translation_file(path)
    old = [p for p in problems if p.where == "version"]
    assert len(old) == 1
    assert old[0].message == (
        "this translation follows version 1 of 'tiny', but the exercise is now version 2, "
        "so some of its English may have changed. Fix: compare the two, update the "
        "translation, then set 'version: \"2\"'."
    )
    assert old[0].severity == "warning"
    assert old[0].line == 2


def test_missing_text_is_one_warning_that_lists_it(folder: Path) -> None:
    problems = check_translation_file(folder / "tiny.cy.yaml")
    assert len(problems) == 1
    assert problems[0].severity == "warning"
    assert problems[0].message.startswith(
        "9 texts are not translated yet, so they are shown in English: subjects.service, "
    )


def test_the_missing_warning_in_welsh_uses_the_welsh_plural(folder: Path) -> None:
    with i18n.using("cy"):
        problems = check_translation_file(folder / "tiny.cy.yaml")
    assert problems[0].message.startswith("mae 9 testun heb eu cyfieithu eto")


def test_a_typo_in_a_translation_is_an_error_at_its_line(folder: Path) -> None:
    path = welsh(folder, WELSH.replace("    title: Gwiriad bach", "    titel: Gwiriad bach"))
    with pytest.raises(FileProblems):
        read_translation(path)
    problems = check_translation_file(path)
    assert [(p.severity, p.line) for p in problems] == [("error", 4)]
    assert "titel" in str(problems[0])


def test_a_translation_of_an_exercise_that_is_not_there(tmp_path: Path) -> None:
    path = write(tmp_path, "gone.cy.yaml", WELSH.replace("translates: tiny", "translates: gone"))
    problems = check_translation_file(path)
    assert [(p.severity, p.where) for p in problems] == [("error", "translates")]
    assert "there is no exercise 'gone'" in problems[0].message


def test_a_translation_with_the_wrong_file_name_is_reported(folder: Path) -> None:
    (folder / "tiny.cy.yaml").rename(folder / "tiny.fr.yaml")
    problems = check_translation_file(folder / "tiny.fr.yaml")
    assert any("should be called 'tiny.cy.yaml'" in p.message for p in problems)


def test_the_catalogue_does_not_take_a_translation_for_a_broken_exercise(folder: Path) -> None:
    cat = catalog([folder])
    assert "tiny" in cat.exercises
    assert cat.broken == []
    result = runner.invoke(app, ["exercise", "list", "--exercises", str(folder)])
    assert result.exit_code == 0, result.output
    assert "could not be read" not in result.output


def test_an_exercise_file_named_like_a_translation_is_still_an_exercise(tmp_path: Path) -> None:
    path = write(tmp_path / "mine", "tiny.new.yaml", EXERCISE)
    assert not is_translation_file(path)
    assert "tiny" in catalog([tmp_path / "mine"]).exercises


def test_validate_reports_translation_warnings_and_passes(folder: Path) -> None:
    reports, missing = check_paths([folder])
    by_name = {r.path.name: r for r in reports}
    assert missing == []
    assert by_name["tiny.cy.yaml"].errors == []
    assert len(by_name["tiny.cy.yaml"].warnings) == 1
    result = runner.invoke(app, ["exercise", "validate", str(folder)])
    assert result.exit_code == 0, result.output
    assert "tiny.cy.yaml" in result.output
    assert "9 texts are not translated yet" in result.output


def test_validate_fails_on_a_broken_translation(folder: Path) -> None:
    welsh(folder, WELSH.replace("language: cy", "language: Welsh"))
    result = runner.invoke(app, ["exercise", "validate", str(folder), "--format", "json"])
    assert result.exit_code == 1
    data = json.loads(result.output)
    (entry,) = [f for f in data["files"] if f["path"].endswith("tiny.cy.yaml")]
    assert entry["valid"] is False
    assert entry["problems"][0]["where"] == "language"


def test_the_exercise_comes_in_the_language_in_use(folder: Path) -> None:
    english = find("tiny", [folder])
    assert english.exercise.title == "A tiny check"
    assert language_of(english) == "en"
    assert languages(english) == ["en", "cy"]
    i18n.set_language("cy")
    shown = find("tiny", [folder])
    assert isinstance(shown, TranslatedExercise)
    assert shown.exercise.title == "Gwiriad bach"
    assert language_of(shown) == "cy"
    assert shown.hash == english.hash  # records point at the same exercise
    by_path = find(str(folder / "tiny.yaml"))
    assert by_path.exercise.title == "Gwiriad bach"


def test_no_translation_or_a_broken_one_leaves_the_exercise_in_english(folder: Path) -> None:
    loaded = load_exercise(folder / "tiny.yaml")
    assert localise(loaded, "fr") is loaded
    welsh(folder, "translates: [this is not right\n")
    assert localise(loaded, "cy") is loaded


def test_the_shipped_translation_schema_is_current() -> None:
    shipped = ROOT / "exercises" / "translation.schema.json"
    assert shipped.read_text(encoding="utf-8") == schema_text()
    schema = json.loads(schema_text())
    assert schema["required"] == ["translates", "version", "language"]
    assert schema["additionalProperties"] is False


def test_readiness_can_be_shown_in_welsh() -> None:
    readiness = ROOT / "exercises" / "readiness.cy.yaml"
    if not readiness.exists():
        pytest.skip("no Welsh readiness checklist yet")
    problems = check_translation_file(readiness)
    assert [p for p in problems if p.severity == "error"] == []
    loaded = localise(load_exercise(ROOT / "exercises" / "readiness.yaml"), "cy")
    assert language_of(loaded) == "cy"
    answers = {q.id: "no" for _, q in loaded.exercise.questions() if q.type == "yes_no"}
    english = load_exercise(ROOT / "exercises" / "readiness.yaml").exercise
    welsh_verdict, english_verdict = (
        verdict(loaded.exercise, answers, "me"),
        verdict(english, answers, "me"),
    )
    assert welsh_verdict is not None and english_verdict is not None
    assert welsh_verdict.count == english_verdict.count
    assert welsh_verdict.rule == english_verdict.rule


def readiness_answers(tmp_path: Path, **changed: str) -> Path:
    import yaml

    english = load_exercise(ROOT / "exercises" / "readiness.yaml").exercise
    answers = {
        q.id: "no" if q.counts == "against" else "yes"  # type: ignore[attr-defined]
        for _, q in english.questions()
    }
    answers.update(changed)
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump({"answers": answers}), encoding="utf-8")
    return path


def test_readiness_in_welsh_from_an_answers_file(tmp_path: Path) -> None:
    best = readiness_answers(tmp_path)
    result = runner.invoke(app, ["--lang", "cy", "readiness", "--answers", str(best), "--no-save"])
    assert result.exit_code == 0, result.output
    assert "Yn barod" in result.output
    assert "Ready" not in result.output
    blocked = readiness_answers(tmp_path, **{"to-save-money": "yes"})
    args = ["readiness", "--answers", str(blocked), "--no-save"]
    welsh_run = runner.invoke(app, ["--lang", "cy", *args])
    english_run = runner.invoke(app, ["--lang", "en", *args])
    assert "Ddim eto" in welsh_run.output
    assert "Os arbed arian yw'r nod" in welsh_run.output  # what to talk about, in Welsh
    assert "Not yet" in english_run.output
    assert "If saving money is the goal" in english_run.output


def test_the_list_of_exercises_shows_translated_titles(folder: Path) -> None:
    english = runner.invoke(app, ["exercise", "list", "--exercises", str(folder)])
    welsh_list = runner.invoke(
        app, ["--lang", "cy", "exercise", "list", "--exercises", str(folder)]
    )
    assert "A tiny check" in english.output
    assert "Gwiriad bach" in welsh_list.output
    assert "A tiny check" not in welsh_list.output
    assert "Ydy cydgynhyrchu'n iawn i ni nawr?" in welsh_list.output  # built in


def test_a_translation_given_where_an_exercise_is_wanted_says_what_to_type(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from typer.testing import CliRunner

    from coprod_toolkit.catalog import builtin_dir
    from coprod_toolkit.cli import app

    path = builtin_dir() / "placement.cy.yaml"
    monkeypatch.setattr("sys.argv", ["coprod", "exercise", "try", str(path)])
    result = CliRunner().invoke(app, ["exercise", "try", str(path)])
    assert result.exit_code == 2
    assert " ".join(result.output.split()) == (
        f"Error: {path} holds the words of the exercise 'placement' in Welsh: it is not an "
        "exercise of its own. Fix: name the exercise and the language instead: "
        "coprod --lang cy exercise try placement"
    )


def test_only_translation_files_count_as_an_exercises_languages(tmp_path: Path) -> None:
    """'tiny.old.yaml' (an older copy of the exercise) and 'tiny.en.yaml' are not
    languages; 'tiny.cy.yaml' with its `translates:` line is."""
    from coprod_toolkit.catalog import catalog, load
    from coprod_toolkit.loader import languages

    write(tmp_path, "tiny.yaml", EXERCISE)
    write(tmp_path, "tiny.cy.yaml", WELSH)
    write(tmp_path, "tiny.old.yaml", EXERCISE.replace("id: tiny", "id: tiny-old"))
    write(tmp_path, "tiny.en.yaml", WELSH.replace("language: cy", "language: en"))
    assert languages(load(tmp_path / "tiny.yaml")) == ["en", "cy"]
    entry = catalog([tmp_path]).exercises["tiny"]
    assert entry.languages == ["en", "cy"]
