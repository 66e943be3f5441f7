"""The interface's language: choosing it, Welsh plurals, falling back to English, never failing."""

from __future__ import annotations

import gettext
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coprod_toolkit import i18n
from coprod_toolkit.cli import app
from coprod_toolkit.i18n import N_, Choice, choose, format_date, normalise, translations

from .conftest import ROOT

PO = ROOT / "src" / "coprod_toolkit" / "locale" / "cy" / "LC_MESSAGES" / "coprod.po"
POT = ROOT / "src" / "coprod_toolkit" / "locale" / "coprod.pot"
TOP_HELP_CY = "Pecyn cymorth i fyfyrio ar gydgynhyrchu"
TOP_HELP_EN = "A reflective toolkit for co-production"
MISSING = (
    "{count} text is not translated yet, so it is shown in English: {listed}. "
    "Fix: add it to this file."
)
MISSING_PLURAL = (
    "{count} texts are not translated yet, so they are shown in English: {listed}. "
    "Fix: add them to this file."
)

runner = CliRunner()


@pytest.fixture(autouse=True)
def english_again(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test starts with no language chosen, from a plain English environment."""
    for name in ("COPROD_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    i18n._active = None
    yield
    i18n._active = None


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("cy_GB.UTF-8", "cy"),
        ("cy-GB", "cy"),
        ("CY", "cy"),
        ("cy_GB@euro", "cy"),
        ("en_GB.UTF-8", "en"),
        ("C", None),
        ("POSIX", None),
        ("C.UTF-8", None),
        ("", None),
        (None, None),
        ("123", None),
    ],
)
def test_a_locale_gives_its_language(code: str | None, expected: str | None) -> None:
    assert normalise(code) == expected


def test_welsh_is_available() -> None:
    assert i18n.available()[:1] == ["en"]
    assert "cy" in i18n.available()


def test_the_option_comes_before_coprod_lang_before_the_locale() -> None:
    env = {"COPROD_LANG": "en", "LC_ALL": "cy_GB.UTF-8", "LANG": "en_GB.UTF-8"}
    assert choose("cy", env) == Choice("cy", "--lang", "cy")
    assert choose(None, env) == Choice("en", "COPROD_LANG", "en")
    assert choose(None, {"COPROD_LANG": "cy", "LANG": "en_GB"}).language == "cy"


def test_the_system_locale_lc_all_then_lc_messages_then_lang() -> None:
    assert choose(None, {"LC_ALL": "cy_GB.UTF-8", "LANG": "en_GB"}).source == "LC_ALL"
    assert choose(None, {"LC_MESSAGES": "cy_GB.UTF-8", "LANG": "en_GB"}).language == "cy"
    assert choose(None, {"LANG": "cy_GB.UTF-8"}) == Choice("cy", "LANG", "cy")
    # LC_ALL set to English wins over a Welsh LANG, as it does for every program.
    assert choose(None, {"LC_ALL": "en_US.UTF-8", "LANG": "cy_GB.UTF-8"}).language == "en"
    assert choose(None, {}) == Choice("en", "default")


def test_an_unknown_language_asked_for_gives_english_and_a_warning() -> None:
    choice = choose("fr", {})
    assert choice.language == "en"
    assert choice.warning == (
        "Warning: coprod has no translation into 'fr' (--lang), so it is in English. "
        "The languages it has: en (English), cy (Cymraeg)."
    )
    assert choose(None, {"COPROD_LANG": "klingon"}).warning is not None


def test_an_unknown_system_locale_gives_english_quietly() -> None:
    choice = choose(None, {"LANG": "fr_FR.UTF-8"})
    assert (choice.language, choice.warning) == ("en", None)
    assert choose(None, {"LANG": "C"}).language == "en"


def test_the_active_language_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "cy_GB.UTF-8")
    assert i18n.language() == "cy"
    assert i18n.set_language("en") == "en"
    assert i18n.set_language("fr") == "en"  # never fails: English
    assert i18n.set_language("cy_GB") == "cy"


def welsh_plural_rule() -> gettext.GNUTranslations:
    header = PO.read_text(encoding="utf-8").split('"Plural-Forms: ', 1)[1]
    expression = header.split("plural=", 1)[1]
    expression = expression.replace('"\n"', "").split(";", 1)[0]
    return gettext.c2py(expression)  # type: ignore[attr-defined,no-any-return]


@pytest.mark.parametrize(("n", "form"), [(0, 0), (1, 1), (2, 2), (3, 3), (6, 4), (7, 5), (4, 5)])
def test_the_welsh_catalogue_has_six_plural_forms(n: int, form: int) -> None:
    text = PO.read_text(encoding="utf-8")
    assert "nplurals=6;" in text
    assert welsh_plural_rule()(n) == form


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "does dim testun heb ei gyfieithu."),
        (1, "mae 1 testun heb ei gyfieithu eto"),
        (2, "mae 2 destun heb eu cyfieithu eto"),
        (3, "mae 3 thestun heb eu cyfieithu eto"),
        (6, "mae 6 thestun heb eu cyfieithu eto"),
        (7, "mae 7 testun heb eu cyfieithu eto"),
        (11, "mae 11 testun heb eu cyfieithu eto"),
    ],
)
def test_welsh_picks_the_right_form_for_each_count(n: int, words: str) -> None:
    text = translations("cy").ngettext(MISSING, MISSING_PLURAL, n).format(count=n, listed="x")
    assert text.startswith(words)


def test_english_has_two_forms() -> None:
    assert i18n.ngettext(MISSING, MISSING_PLURAL, 1).startswith("{count} text is")
    assert i18n.ngettext(MISSING, MISSING_PLURAL, 0).startswith("{count} texts are")


def test_a_string_not_in_the_catalogue_stays_english() -> None:
    i18n.set_language("cy")
    assert i18n._("Show the version and stop.") == "Dangos y fersiwn a stopio."
    assert i18n._("A sentence nobody has translated.") == "A sentence nobody has translated."


def test_a_damaged_catalogue_gives_english(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    messages = tmp_path / "cy" / "LC_MESSAGES"
    messages.mkdir(parents=True)
    (messages / "coprod.mo").write_bytes(b"this is not a catalogue")
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    monkeypatch.setattr(i18n, "_cache", {})
    assert i18n.set_language("cy") == "cy"
    assert i18n._("Show the version and stop.") == "Show the version and stop."


def test_lazy_text_follows_the_language_in_use() -> None:
    text = N_("Show the version and stop.")
    assert str(text) == "Show the version and stop."
    with i18n.using("cy"):
        assert str(text) == "Dangos y fersiwn a stopio."
        assert f"{text}" == "Dangos y fersiwn a stopio."
        assert text.upper() == "DANGOS Y FERSIWN A STOPIO."
    assert text == "Show the version and stop."
    assert i18n.language() == "en"


def test_dates_in_the_persons_language() -> None:
    assert format_date(date(2026, 3, 3)) == "3 March 2026"
    assert format_date(date(2026, 5, 31)) == "31 May 2026"
    with i18n.using("cy"):
        assert format_date(date(2026, 3, 3)) == "3 Mawrth 2026"
        assert format_date(date(2026, 12, 25)) == "25 Rhagfyr 2026"
        assert i18n.month_name(7) == "Gorffennaf"


def test_help_text_is_found_when_typer_has_tidied_its_indentation() -> None:
    i18n.set_language("cy")
    indented = "\n    Show the version and stop.\n    "
    assert i18n.translate_help("Show the version and stop.") == "Dangos y fersiwn a stopio."
    assert i18n.translate_help(indented) == "Dangos y fersiwn a stopio."
    assert i18n.translate_help("Not in it.") == "Not in it."


def test_every_message_has_welsh() -> None:
    from babel.messages.pofile import read_po

    with PO.open("rb") as f:
        catalog = read_po(f)
    untranslated = [m.id for m in catalog if m.id and not all(m.string)]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert (untranslated, fuzzy) == ([], [])


def test_the_catalogue_template_is_current() -> None:
    """Every marked string is in coprod.pot, and nothing stale: regenerate it if this fails."""
    from babel.messages.extract import extract_from_dir

    keywords = {"_": None, "gettext": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
    keywords |= {"N_": None, "gettext_noop": None}
    found = set()
    for _file, _line, message, _comments, context in extract_from_dir(
        str(ROOT / "src"), method_map=[("**.py", "python")], keywords=keywords
    ):
        msgid = message[0] if isinstance(message, tuple) else message
        found.add((context, msgid))
    from babel.messages.pofile import read_po

    with POT.open("rb") as f:
        template = {
            (m.context, m.id[0] if isinstance(m.id, tuple) else m.id) for m in read_po(f) if m.id
        }
    assert found - template == set(), (
        "Strings marked for translation are not in coprod.pot. Fix: run the pybabel "
        "extract command in docs/translating.md, then pybabel update."
    )
    assert template - found == set()
    with PO.open("rb") as f:
        welsh = {
            (m.context, m.id[0] if isinstance(m.id, tuple) else m.id) for m in read_po(f) if m.id
        }
    assert welsh == template


def invoke(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    result = runner.invoke(app, list(args), env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def test_help_in_welsh_with_lang() -> None:
    result = invoke("--lang", "cy", "--help")
    assert result.exit_code == 0
    assert TOP_HELP_CY in result.output
    assert "Dangos y fersiwn a stopio." in result.output
    assert TOP_HELP_EN not in result.output


def test_help_in_welsh_from_coprod_lang_and_from_the_locale() -> None:
    assert TOP_HELP_CY in invoke("--help", env={"COPROD_LANG": "cy"}).output
    assert TOP_HELP_CY in invoke("--help", env={"LANG": "cy_GB.UTF-8"}).output
    assert TOP_HELP_EN in invoke("--help", env={"LANG": "cy_GB.UTF-8", "COPROD_LANG": "en"}).output
    assert TOP_HELP_EN in invoke("--lang", "en", "--help", env={"COPROD_LANG": "cy"}).output


def test_an_unknown_lang_warns_once_and_carries_on_in_english() -> None:
    result = invoke("--lang", "fr", "exercise", "--help")
    assert result.exit_code == 0
    assert result.stderr == (
        "Warning: coprod has no translation into 'fr' (--lang), so it is in English. "
        "The languages it has: en (English), cy (Cymraeg).\n"
    )
    assert "Write, check and look through exercises" in result.stdout


def test_the_language_modules_stay_in_the_core() -> None:
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "import coprod_toolkit.i18n, coprod_toolkit.translations, sys; "
            "print('\\n'.join(sys.modules))",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert not {m for m in out if m.split(".")[0] in {"typer", "rich", "questionary", "babel"}}


def test_lang_works_after_the_command_too() -> None:
    result = invoke("exercise", "--lang", "cy", "--help")
    assert result.exit_code == 0, result.output
    assert "Ysgrifennu, gwirio a phori drwy ymarferion" in result.output
    assert TOP_HELP_CY in invoke("--help", "--lang=cy").output


def test_lang_with_no_language_is_a_usage_error() -> None:
    result = invoke("--lang")
    assert result.exit_code == 2
    assert "--lang" in result.output


def test_an_unknown_language_on_a_welsh_computer_stays_welsh() -> None:
    """On a computer set to Welsh, --lang xx fell back to English, warning in English."""
    choice = choose("xx", {"LANG": "cy_GB.UTF-8"})
    assert choice.language == "cy"
    assert choice.warning == (
        "Rhybudd: does gan coprod ddim cyfieithiad i 'xx' (--lang), felly mae'n parhau yn "
        "Gymraeg, fel y mae'r cyfrifiadur hwn wedi'i osod. Yr ieithoedd sydd ganddo: "
        "en (English), cy (Cymraeg)."
    )
    assert choose("xx", {"LANG": "fr_FR.UTF-8"}).language == "en"


def test_a_language_can_be_asked_for_by_its_name() -> None:
    for name in ("welsh", "Welsh", "cymraeg", "CYMRAEG"):
        assert choose(name, {}) == Choice("cy", "--lang", "cy")
    assert choose(None, {"COPROD_LANG": "english"}).language == "en"
