"""The assessment path in Welsh: answers files, the saved record's language, the fallbacks to
English, and the question of which language to use, in a real pseudo-terminal too."""

from __future__ import annotations

import importlib
import io
import os
import shutil
from pathlib import Path
from typing import Any

import pexpect
import pytest
import yaml
from typer.testing import CliRunner

from coprod_toolkit import i18n
from coprod_toolkit.cli.app import app
from coprod_toolkit.loader import load_exercise
from coprod_toolkit.models import Reflection
from coprod_toolkit.prompts import PlainPrompter
from tests.conftest import MINIMAL, ROOT, write
from tests.test_terminal import spawn

app_module = importlib.import_module("coprod_toolkit.cli.app")

TINY_CY = """
translates: tiny
version: "1"
language: cy
reviewed: false  # awaiting review by a first-language Welsh speaker
title: Bach
summary: Ymarfer bach ar gyfer profion.
subjects:
  me: fy ymarfer fy hun
  service: fy ngwasanaeth
scales:
  five:
    labels:
      1: Ddim yn wir
      5: Bob amser yn wir
scoring:
  bands:
    0-49:
      label: Isel
      message: Dechreuwch yn fach.
    50-100:
      label: Uchel
      message: Daliwch ati.
sections:
  first:
    title: Cyntaf
  second:
    title: Ail
questions:
  q1:
    text:
      me: Rwy'n gwneud un peth.
      service: Rydym ni'n gwneud un peth.
    help: Ychydig o help.
  q2:
    text: Ydych chi'n gwneud un arall?
  q3:
    text: Enghraifft?
  q4:
    text: Rwy'n ei osgoi.
  q5:
    text: Dewiswch un.
    options:
      a: Yn aml
      b: Byth
"""


def tiny(folder: Path, welsh: bool = True) -> Path:
    """The small test exercise, with its Welsh beside it (or without)."""
    path = write(folder, "tiny.yaml", MINIMAL)
    if welsh:
        write(folder, "tiny.cy.yaml", TINY_CY)
    return path


def readiness_answers(folder: Path) -> Path:
    ex = load_exercise(ROOT / "exercises" / "readiness.yaml").exercise
    answers: dict[str, Any] = {
        q.id: ("yes" if getattr(q, "counts", "") == "for" else "no") for _, q in ex.questions()
    }
    answers.update({"to-save-money": "yes", "no-time": "yes", "strong-feeling": "not sure"})
    return write(folder, "answers.yaml", yaml.safe_dump({"answers": answers}))


def tiny_answers(folder: Path) -> Path:
    text = "answers:\n  q1: 4\n  q2: 'yes'\n  q3: Once a week\n  q4: 2\n  q5: a\n"
    return write(folder, "tiny-answers.yaml", text)


def run(args: list[str]) -> Any:
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    return result


def records(home: Path) -> list[dict[str, Any]]:
    return [
        yaml.safe_load(p.read_text(encoding="utf-8"))
        for p in sorted((home / "reflections").glob("*.yaml"))
    ]


def same_result(record: dict[str, Any]) -> dict[str, Any]:
    """What a result is, whatever the language its words are in."""
    verdict = record.get("verdict") or {}
    scores = record["scores"]
    return {
        "answers": [(a["question"], a["answer"], a["points"]) for a in record["answers"]],
        "overall": {k: scores["overall"][k] for k in ("raw", "min", "max", "percent")},
        "sections": [(s["id"], s["raw"], s["percent"]) for s in scores["sections"]],
        "verdict": {k: verdict.get(k) for k in ("count", "rule", "blocking", "deciding")},
    }


# --------------------------------------------------------------------------- answers files


def test_a_welsh_checklist_from_an_answers_file_matches_the_english(
    tmp_path: Path, isolated: Path
) -> None:
    path = readiness_answers(tmp_path)
    welsh = run(["--lang", "cy", "readiness", "--answers", str(path)]).output
    assert "Verdict: Ddim eto" in welsh or "Ddim eto" in welsh
    assert "Mae eich myfyrdod wedi'i gadw:" in welsh
    assert "(pob ateb, ar gyfer coprod ac offer eraill)" in welsh
    assert "Saved your reflection" not in welsh
    english = run(["readiness", "--answers", str(path)]).output
    assert "Saved your reflection:" in english and "Not yet" in english
    cy, en = sorted(records(isolated), key=lambda r: r.get("language", "en") != "cy")
    assert cy["language"] == "cy" and en["language"] == "en"
    assert cy["verdict"]["label"] == "Ddim eto" and en["verdict"]["label"] == "Not yet"
    assert same_result(cy) == same_result(en)
    # Each answer as the person saw it, in their language.
    shown = {a["question"]: a["shown"] for a in cy["answers"]}
    assert shown["no-time"] == "Ie" and shown["strong-feeling"] == "Ddim yn siŵr"


def test_a_welsh_assessment_from_an_answers_file_matches_the_english(
    tmp_path: Path, isolated: Path
) -> None:
    exercise = tiny(tmp_path / "ex")
    answers = tiny_answers(tmp_path)
    welsh = run(["--lang", "cy", "assess", str(exercise), "--answers", str(answers)]).output
    assert "Uchel" in welsh and "Daliwch ati." in welsh
    assert "Mae eich myfyrdod wedi'i gadw:" in welsh
    english = run(["assess", str(exercise), "--answers", str(answers)]).output
    assert "High" in english and "Saved your reflection:" in english
    cy, en = sorted(records(isolated), key=lambda r: r.get("language", "en") != "cy")
    assert cy["language"] == "cy" and en["language"] == "en"
    assert cy["scores"]["overall"]["band"] == "Uchel" and en["scores"]["overall"]["band"] == "High"
    assert same_result(cy) == same_result(en)
    assert [a["text"] for a in cy["answers"]][:2] == [
        "Rwy'n gwneud un peth.",
        "Ydych chi'n gwneud un arall?",
    ]


def test_answers_in_welsh_words_are_taken_too(tmp_path: Path, isolated: Path) -> None:
    exercise = tiny(tmp_path / "ex")
    answers = write(
        tmp_path,
        "answers.yaml",
        "answers:\n  q1: 4\n  q2: ie\n  q3: Unwaith yr wythnos\n  q4: 2\n  q5: Yn aml\n",
    )
    run(["--lang", "cy", "assess", str(exercise), "--answers", str(answers)])
    (record,) = records(isolated)
    assert {a["question"]: a["answer"] for a in record["answers"]}["q2"] == "yes"
    assert {a["question"]: a["answer"] for a in record["answers"]}["q5"] == "a"


def test_a_mistake_in_an_answers_file_is_explained_in_welsh(tmp_path: Path) -> None:
    exercise = tiny(tmp_path / "ex")
    answers = write(tmp_path, "answers.yaml", "answers:\n  q1: 9\n  q2: 'no'\n  q4: 2\n  q5: a\n")
    result = CliRunner().invoke(
        app, ["--lang", "cy", "assess", str(exercise), "--answers", str(answers)]
    )
    assert result.exit_code == 1
    assert "nid yw '9' ar y raddfa; yr atebion posibl: rhif cyfan o 1 i 5" in result.output


# --------------------------------------------------------------------------- fallbacks


def test_an_exercise_with_no_welsh_is_in_english_with_welsh_around_it(
    tmp_path: Path, isolated: Path
) -> None:
    folder = tmp_path / "only-english"
    folder.mkdir()
    shutil.copy(ROOT / "exercises" / "readiness.yaml", folder / "readiness.yaml")
    path = readiness_answers(tmp_path)
    output = run(
        ["--lang", "cy", "readiness", str(folder / "readiness.yaml"), "--answers", str(path)]
    ).output
    assert "Not yet" in output  # the exercise's own words: English
    assert "Mae eich myfyrdod wedi'i gadw:" in output  # coprod's words: Welsh
    (record,) = records(isolated)
    assert record["language"] == "en"
    assert record["verdict"]["label"] == "Not yet"


def test_a_message_not_in_the_welsh_catalogue_is_shown_in_english(
    tmp_path: Path, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gettext

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    po = ROOT / "src" / "coprod_toolkit" / "locale" / "cy" / "LC_MESSAGES" / "coprod.po"
    with po.open("rb") as f:
        catalog = read_po(f, locale="cy", domain="coprod")
    del catalog["Saved your reflection:"]
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    monkeypatch.setitem(i18n._cache, "cy", gettext.GNUTranslations(buffer))
    exercise = tiny(tmp_path / "ex")
    output = run(
        ["--lang", "cy", "assess", str(exercise), "--answers", str(tiny_answers(tmp_path))]
    ).output
    assert "Saved your reflection:" in output  # the missing one, in English
    assert "(pob ateb, ar gyfer coprod ac offer eraill)" in output  # the rest, in Welsh


def test_an_older_record_without_a_language_reads_as_english(
    tmp_path: Path, isolated: Path
) -> None:
    exercise = tiny(tmp_path / "ex", welsh=False)
    run(["assess", str(exercise), "--answers", str(tiny_answers(tmp_path))])
    (saved,) = (isolated / "reflections").glob("*.yaml")
    data = yaml.safe_load(saved.read_text(encoding="utf-8"))
    del data["language"]
    saved.write_text(yaml.safe_dump(data), encoding="utf-8")
    assert Reflection.model_validate(data).language == "en"
    from coprod_toolkit.history import read_reflection

    assert read_reflection(saved).language == "en"


# --------------------------------------------------------------------------- the language question


@pytest.fixture
def from_the_computer(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing names a language: no --lang, no COPROD_LANG, a computer set to plain 'C'.
    (A computer set to Welsh or English counts as a choice: see test_language_choice.py.)"""
    monkeypatch.delenv("COPROD_LANG", raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setattr(app_module, "language_choice", None)


def plain(typed: list[str]) -> tuple[PlainPrompter, list[str]]:
    said: list[str] = []
    answers = iter(typed)

    def read(prompt: str) -> str:
        said.append(prompt)
        return next(answers)

    return PlainPrompter(read=read, write=said.append), said


def test_the_language_question_lists_each_language_by_its_own_name(
    tmp_path: Path, from_the_computer: None
) -> None:
    from coprod_toolkit.catalog import find
    from coprod_toolkit.cli.assess import ask_language

    with i18n.using("cy"):
        loaded = find(str(tiny(tmp_path)))
        prompter, said = plain(["Saesneg", "0", "2"])
        chosen = ask_language(loaded, prompter)
        assert i18n.language() == "en"  # the interface follows the choice
    assert chosen.exercise.title == "Tiny"
    text = "\n".join(said)
    assert "Pa iaith hoffech chi ei defnyddio?" in text
    assert "  1. Cymraeg\n  2. English" in text
    # Nonsense gets a clear message and the question again, never a traceback.
    assert "Nid yw 'Saesneg' yn un o'r rhifau. Teipiwch 1 i 2, os gwelwch yn dda." in text
    assert "Nid yw '0' yn un o'r rhifau." in text


def test_enter_keeps_the_language_in_use(tmp_path: Path, from_the_computer: None) -> None:
    from coprod_toolkit.catalog import find
    from coprod_toolkit.cli.assess import ask_language

    with i18n.using("cy"):
        prompter, said = plain([""])
        chosen = ask_language(find(str(tiny(tmp_path))), prompter)
        assert i18n.language() == "cy"
    assert chosen.exercise.title == "Bach"
    assert "bwyswch Enter i ddewis Cymraeg" in "\n".join(said)


def test_no_language_question_when_one_was_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coprod_toolkit.catalog import find
    from coprod_toolkit.cli.assess import ask_language

    monkeypatch.setenv("COPROD_LANG", "cy")
    monkeypatch.setattr(app_module, "language_choice", None)
    with i18n.using("cy"):
        prompter, said = plain([])
        chosen = ask_language(find(str(tiny(tmp_path))), prompter)
    assert said == [] and chosen.exercise.title == "Bach"


def test_no_language_question_for_an_exercise_in_one_language(
    tmp_path: Path, from_the_computer: None
) -> None:
    from coprod_toolkit.catalog import find
    from coprod_toolkit.cli.assess import ask_language

    with i18n.using("cy"):
        prompter, said = plain([])
        chosen = ask_language(find(str(tiny(tmp_path, welsh=False))), prompter)
    assert said == [] and chosen.exercise.title == "Tiny"


# --------------------------------------------------------------------------- a real terminal


def welsh_spawn(args: list[str], home: Path, locale: str = "cy_GB.UTF-8") -> pexpect.spawn:
    """coprod in a pseudo-terminal on a computer set to Welsh (or `locale`), with no --lang
    or COPROD_LANG."""
    saved = {k: os.environ.get(k) for k in ("COPROD_LANG", "LC_ALL", "LC_MESSAGES", "LANG")}
    try:
        for key in ("COPROD_LANG", "LC_ALL", "LC_MESSAGES"):
            os.environ.pop(key, None)
        os.environ["LANG"] = locale
        return spawn(args, home)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def test_a_welsh_assessment_in_a_terminal(tmp_path: Path) -> None:
    home = tmp_path / "home"
    exercise = tiny(tmp_path / "ex")
    # Nothing names a language, so coprod asks (in English, as it falls back to English).
    child = welsh_spawn(["assess", str(exercise), "--plain", "--about", "me"], home, "C.UTF-8")
    child.expect("Which language would you like to use\\?")
    child.expect("1. English")
    child.expect("2. Cymraeg")
    child.expect("or press Enter for English: ")
    child.send("Cymraeg os gwelwch yn dda\r")
    child.expect("'Cymraeg os gwelwch yn dda' is not one of the numbers")
    child.expect("or press Enter for English: ")
    child.send("2\r")
    child.expect("Bach")
    child.expect("Eich enw")
    child.send("Ana\r")
    child.expect("Cwestiwn 1 o 4")
    child.expect("Rwy'n gwneud un peth.")
    child.expect("Teipiwch rif o 1 i 5")
    child.send("4\r")
    child.expect("Cwestiwn 2 o 4")
    child.expect("1. Ie")
    child.send("1\r")
    child.expect("Cwestiwn 3 o 5")
    child.expect("Enghraifft\\?")
    child.send("Unwaith yr wythnos\r")
    child.expect("Cwestiwn 4 o 5")
    child.expect("Rwy'n ei osgoi.")
    child.send("2\r")
    child.expect("Cwestiwn 5 o 5")
    child.expect("1. Yn aml")
    child.send("1\r")
    child.expect("== Gwiriwch eich atebion ==")
    child.expect("Teipiwch rif ateb i'w newid")
    child.send("\r")
    child.expect("Uchel")
    child.expect("Un peth y byddaf yn ei wneud nesaf")
    child.send("Siarad gyda Jo\r")
    child.expect("Mae eich myfyrdod wedi'i gadw")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    (saved,) = (home / "reflections").glob("*.yaml")
    record = yaml.safe_load(saved.read_text(encoding="utf-8"))
    assert record["language"] == "cy" and record["next_step"] == "Siarad gyda Jo"
    assert record["scores"]["overall"]["band"] == "Uchel"


def test_choosing_at_the_language_question_switches_everything(tmp_path: Path) -> None:
    home = tmp_path / "home"
    exercise = tiny(tmp_path / "ex")
    child = welsh_spawn(
        ["assess", str(exercise), "--about", "me", "--name", "Ana"], home, "C.UTF-8"
    )
    child.expect("Which language would you like to use\\?")
    child.expect("Cymraeg")
    child.send("\x1b[B")  # arrow down, to Cymraeg
    child.send("\r")
    child.expect("Bach")
    child.expect("Cwestiwn 1 o 4")
    child.expect("Rwy'n gwneud un peth.")
    child.send("\x03")  # Ctrl-C: stopped, the draft kept, in Welsh
    child.expect("Wedi stopio. Mae eich atebion hyd yma wedi'u cadw.")
    child.expect(pexpect.EOF)
    child.close()
    (draft,) = (home / "drafts").glob("*.yaml")
    assert yaml.safe_load(draft.read_text(encoding="utf-8"))["language"] == "cy"


def test_a_computer_set_to_welsh_is_not_asked_and_is_offered_english(tmp_path: Path) -> None:
    home = tmp_path / "home"
    exercise = tiny(tmp_path / "ex")
    child = welsh_spawn(["assess", str(exercise), "--plain", "--about", "me"], home)
    child.expect("You can do this exercise in English too:")
    child.expect("--lang en assess")
    child.expect("Bach")
    assert "Pa iaith" not in child.before
    child.expect("Eich enw")
    child.send("\x03")
    child.expect(pexpect.EOF)
    child.close()


def test_no_language_question_with_lang_and_a_run_carries_on_in_its_language(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    exercise = tiny(tmp_path / "ex")
    child = welsh_spawn(
        ["--lang", "cy", "assess", str(exercise), "--plain", "--about", "me", "--name", "Ana"],
        home,
        locale="en_GB.UTF-8",
    )
    child.expect("Bach")
    child.expect("Cwestiwn 1 o 4")
    assert "Pa iaith" not in child.before
    child.expect("Teipiwch rif o 1 i 5")
    child.send("4\r")
    child.expect("Cwestiwn 2 o 4")
    child.expect("Teipiwch rif o 1 i 3")
    child.send("nôl\r")  # 'back', in Welsh
    child.expect("Cwestiwn 1 o 4")
    child.expect("Teipiwch rif o 1 i 5")
    child.send("\x03")
    child.expect("Wedi stopio. Mae eich atebion hyd yma wedi'u cadw.")
    child.expect(pexpect.EOF)
    child.close()
    # On a computer set to English, with no language named, the run carries on in Welsh.
    child = welsh_spawn(["resume", "--plain"], home, locale="en_GB.UTF-8")
    child.expect("Yn parhau gyda 'Bach' \\(Ana, am")
    child.expect("Cwestiwn 1 o 4")
    child.expect("Eich ateb hyd yma: 4")
    child.send("\x03")
    child.expect(pexpect.EOF)
    child.close()


def test_the_readiness_checklist_in_welsh_in_a_terminal(tmp_path: Path) -> None:
    home = tmp_path / "home"
    child = welsh_spawn(["readiness", "--plain", "--name", "Ana"], home)
    # A computer set to Welsh: Welsh, with English offered in English, and nothing asked.
    child.expect("You can do this exercise in English too:")
    child.expect("coprod --lang en readiness")
    asked = 0
    while True:
        found = child.expect(["Cwestiwn \\d+ o \\d+", "Teipiwch rif ateb i'w newid"])
        if found == 1:
            break
        child.expect("Teipiwch rif o 1 i \\d")
        child.send("2\r")  # Na
        asked += 1
    assert asked > 10
    child.send("\r")
    child.expect("Un peth y byddaf yn ei wneud nesaf")
    child.send("\r")
    child.expect("Mae eich myfyrdod wedi'i gadw")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    (saved,) = (home / "reflections").glob("*.yaml")
    record = yaml.safe_load(saved.read_text(encoding="utf-8"))
    assert record["language"] == "cy" and record["kind"] == "checklist"
    assert {a["shown"] for a in record["answers"]} == {"Na"}


def test_a_checklist_asked_for_with_assess_is_explained_in_welsh(tmp_path: Path) -> None:
    path = readiness_answers(tmp_path)
    result = CliRunner().invoke(
        app, ["--lang", "cy", "assess", "readiness", "--answers", str(path)]
    )
    assert result.exit_code != 0
    assert (
        "Rhestr wirio yw 'readiness'. I'w drwsio: rhedwch hi gyda: coprod readiness readiness"
        in result.output
    )


def test_a_typed_word_is_understood_with_or_without_its_accents() -> None:
    from coprod_toolkit import i18n
    from coprod_toolkit.prompts import typed_word

    with i18n.using("cy"):
        assert typed_word("nôl", "back") and typed_word("nol", "back")
        assert typed_word("NÔL", "back") and typed_word("back", "back")
        assert not typed_word("nid", "back")


def test_welsh_yes_and_no_can_be_the_verb_of_the_question() -> None:
    """'Ydych chi...?' is answered 'Ydw' or 'Nac ydw', not only 'Ie' or 'Na'."""
    from coprod_toolkit.answers import parse_answer
    from coprod_toolkit.catalog import find
    from coprod_toolkit.models import YesNoQuestion

    ex = find("readiness").exercise
    q = next(q for _s, q in ex.questions() if isinstance(q, YesNoQuestion))
    for word in ("ie", "do", "oes", "ydw", "Ydy", "ydyn"):
        assert parse_answer(ex, q, word) == "yes"
    for word in ("na", "naddo", "nac oes", "nac ydw", "Nac ydy", "nac ydyn"):
        assert parse_answer(ex, q, word) == "no"
