"""An exercise a trainer writes in Welsh (`language: cy`): its results say Welsh, not English,
the defaults it leaves out are in Welsh, and an English translation beside it works."""

from __future__ import annotations

from pathlib import Path

import yaml
from typer.testing import CliRunner

from coprod_toolkit.catalog import catalog
from coprod_toolkit.cli.app import app
from coprod_toolkit.loader import language_of, languages, load_exercise
from coprod_toolkit.translations import localise
from tests.conftest import write

runner = CliRunner()

YMARFER = """
id: ymarfer
language: cy
title: Ymarfer bach
version: 1
summary: Ymarfer byr i'r tîm.
sections:
  - id: rhan1
    title: Gweithio gyda'n gilydd
    questions:
      - {id: c1, type: scale, scale: {min: 1, max: 5}, text: Rydyn ni'n cynllunio gyda'n gilydd.}
      - {id: c2, type: scale, scale: {min: 1, max: 5}, text: Rydyn ni'n rhannu penderfyniadau.}
"""

IN_ENGLISH = """
translates: ymarfer
language: en
version: 1
title: A small exercise
summary: A short exercise for the team.
sections:
  rhan1:
    title: Working together
questions:
  c1: {text: We plan together.}
  c2: {text: We share decisions.}
"""


def test_the_defaults_it_leaves_out_are_in_its_language(tmp_path: Path) -> None:
    loaded = load_exercise(write(tmp_path, "ymarfer.yaml", YMARFER))
    ex = loaded.exercise
    assert (ex.language, language_of(loaded), languages(loaded)) == ("cy", "cy", ["cy"])
    assert ex.subjects == {"me": "fy ymarfer fy hun"}
    assert ex.framework == "chwe egwyddor cydgynhyrchu"
    assert ex.actions_prompt == "Beth fyddwch chi'n ei wneud, pwy fydd yn ei wneud, ac erbyn pryd?"
    # still counted as left out: a group reflects on its shared work instead
    assert "subjects" not in ex.model_fields_set
    english = load_exercise(write(tmp_path, "other.yaml", YMARFER.replace("language: cy\n", "")))
    assert english.exercise.language == "en"
    assert english.exercise.subjects == {"me": "my own practice"}


def test_its_results_say_they_were_answered_in_welsh(isolated: Path, tmp_path: Path) -> None:
    path = write(tmp_path, "ymarfer.yaml", YMARFER)
    answers = write(tmp_path, "atebion.yaml", "about: me\nanswers: {c1: 4, c2: 2}\n")
    result = runner.invoke(app, ["--lang", "cy", "assess", str(path), "--answers", str(answers)])
    assert result.exit_code == 0, result.output
    (saved,) = (isolated / "reflections").glob("*.yaml")
    record = yaml.safe_load(saved.read_text(encoding="utf-8"))
    assert (record["language"], record["about_label"]) == ("cy", "fy ymarfer fy hun")
    welsh = runner.invoke(app, ["--lang", "cy", "history"])
    assert "am fy ymarfer fy hun, dienw: 50" in welsh.output
    assert "(atebwyd yn Saesneg)" not in welsh.output  # it was not answered in English
    english = runner.invoke(app, ["--lang", "en", "history"])
    assert "anonymous: 50 (answered in Welsh)" in english.output


def test_an_english_translation_beside_it_is_offered_and_used(tmp_path: Path) -> None:
    loaded = load_exercise(write(tmp_path, "ymarfer.yaml", YMARFER))
    write(tmp_path, "ymarfer.en.yaml", IN_ENGLISH)
    assert languages(loaded) == ["cy", "en"]
    shown = localise(loaded, "en")
    assert (language_of(shown), shown.exercise.title) == ("en", "A small exercise")
    back = localise(shown, "cy")
    assert (language_of(back), back.exercise.title) == ("cy", "Ymarfer bach")
    assert catalog([tmp_path]).exercises["ymarfer"].languages == ["cy", "en"]
    listed = runner.invoke(app, ["exercise", "list", "--exercises", str(tmp_path)])
    assert "Languages: Cymraeg, English" in " ".join(listed.output.split())


def test_a_language_written_out_in_words_is_explained(tmp_path: Path) -> None:
    path = write(tmp_path, "ymarfer.yaml", YMARFER.replace("language: cy", "language: Welsh"))
    result = runner.invoke(app, ["exercise", "validate", str(path)])
    assert result.exit_code == 1
    assert (
        "2:11: language: 'Welsh' is not a language code. Fix: write the language's short "
        "code, such as 'en' for English or 'cy' for Welsh." in result.output
    )


def test_its_translation_is_told_what_it_leaves_in_welsh(tmp_path: Path) -> None:
    write(tmp_path, "ymarfer.yaml", YMARFER)
    path = write(
        tmp_path, "ymarfer.en.yaml", IN_ENGLISH.replace("  c2: {text: We share decisions.}\n", "")
    )
    result = runner.invoke(app, ["exercise", "validate", str(path)])
    assert result.exit_code == 0, result.output
    flat = " ".join(result.output.split())
    # the defaults it left out (framework, 'my own practice') need no translating
    assert (
        "1 text is not translated yet, so it is shown as the exercise has it, in Welsh: "
        "questions.c2.text. Fix: add it to this file." in flat
    )
    assert "shown in English" not in flat
