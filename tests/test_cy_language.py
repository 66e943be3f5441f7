"""Welsh: help and usage errors (coprod's words and typer's own), and `coprod language`."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coprod_toolkit import i18n
from coprod_toolkit.catalog import builtin_dir
from coprod_toolkit.cli import app
from coprod_toolkit.cli.click_words import say
from coprod_toolkit.errors import FileProblems
from coprod_toolkit.language import all_word_lists, load_word_list
from coprod_toolkit.language_run import Library, _List, _notes, quick
from coprod_toolkit.language_scan import guess_language
from tests.conftest import write
from tests.test_cli_contract import COMMANDS

runner = CliRunner()


@pytest.fixture(autouse=True)
def language_chosen_again() -> Iterator[None]:
    """A Welsh command in one test leaves no Welsh behind for the next."""
    i18n._active = None
    yield
    i18n._active = None


# --------------------------------------------------------------------------- help


@pytest.mark.parametrize("command", [[], ["exercise"], *COMMANDS], ids=" ".join)
def test_every_help_has_typers_own_words_in_welsh(command: list[str]) -> None:
    result = runner.invoke(app, ["--lang", "cy", *command, "--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Defnydd: coprod")
    assert "Opsiynau:" in result.output
    assert "Dangos y neges hon a stopio." in result.output
    for english in ("Usage:", "Options:", "Show this message and exit.", "Commands:"):
        assert english not in result.output


def test_the_list_of_commands_has_a_welsh_title() -> None:
    result = runner.invoke(app, ["--lang", "cy", "--help"])
    assert "Gorchmynion:" in result.output
    assert "Pecyn cymorth i fyfyrio ar gydgynhyrchu" in result.output


def test_help_in_english_is_unchanged() -> None:
    result = runner.invoke(app, ["assess", "--help"])
    assert result.output.startswith("Usage: coprod assess [OPTIONS]")
    assert "Options:" in result.output
    assert "Show this message and exit." in result.output


# --------------------------------------------------------------------------- usage errors


def test_an_unknown_option_in_welsh() -> None:
    result = runner.invoke(app, ["--lang", "cy", "assess", "--nonsense"])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Defnydd: coprod assess" in result.output
    assert "Rhowch gynnig ar 'coprod assess -h' i gael help." in result.output
    assert "Gwall: Does dim opsiwn o'r enw: --nonsense" in result.output
    assert "No such option" not in result.output


def test_the_same_mistake_in_english_reads_as_before() -> None:
    result = runner.invoke(app, ["assess", "--nonsense"])
    assert result.exit_code == 2
    assert "Try 'coprod assess -h' for help." in result.output
    assert "Error: No such option: --nonsense" in result.output


@pytest.mark.parametrize(
    ("args", "welsh"),
    [
        (["guide", "one", "two"], "Doedd coprod ddim yn disgwyl y geiriau ychwanegol hyn (two)"),
        (["exercise", "show"], "Gwall: Mae 'EXERCISE' ar goll."),
        (["report", "--format", "xx"], "Gwerth annilys i '--format': Dydy 'xx' ddim yn un"),
        (["nonsense"], "Does dim gorchymyn o'r enw 'nonsense'."),
        (["asses"], "Gwall: Does dim gorchymyn o'r enw 'asses'. Oeddech chi'n golygu 'assess'?"),
        (["assess", "--name"], "Mae angen gwerth ar ôl yr opsiwn '--name'."),
    ],
)
def test_usage_errors_in_welsh(args: list[str], welsh: str) -> None:
    result = runner.invoke(app, ["--lang", "cy", *args])
    assert result.exit_code == 2
    assert welsh in result.output
    assert "Traceback" not in result.output


def test_a_welsh_usage_error_from_the_command_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "coprod_toolkit", "--lang", "cy", "assess", "--nonsense"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "Gwall: Does dim opsiwn o'r enw: --nonsense" in done.stderr
    assert "Traceback" not in done.stderr


def test_typers_suggestion_in_english_reads_as_before() -> None:
    result = runner.invoke(app, ["asses"])
    assert result.exit_code == 2
    assert "Error: No such command 'asses'. Did you mean 'assess'?" in result.output


def test_a_message_of_unknown_shape_stays_as_it_is() -> None:
    with i18n.using("cy"):
        assert say("Something click has never said before.") == (
            "Something click has never said before."
        )
        assert say("") == ""
        assert say("No such option: --x") == "Does dim opsiwn o'r enw: --x"


# --------------------------------------------------------------------------- coprod language

WELSH_DOC = (
    "Mae'r tîm yn gweithio gyda defnyddwyr gwasanaeth yn y sir, ac mae'r CQC wedi ymweld.\n"
    "Rydyn ni eisiau grymuso pobl, ond mae'r service users yn dweud bod hyn yn anodd.\n"
)
ENGLISH_DOC = "We asked service users what they thought of the plan, and the CQC came.\n"
MIXED_DOC = (
    "Mae'r gwasanaeth yn gweithio gyda phobl yn y sir, ac mae hyn yn bwysig i ni.\n"
    "The service works with people in the county, and this is important to us.\n"
)


def test_the_language_of_a_text_is_guessed_honestly() -> None:
    assert guess_language(WELSH_DOC) == ["cy"]
    assert guess_language(ENGLISH_DOC) == ["en"]
    assert guess_language(MIXED_DOC) == ["cy", "en"]
    # too little to tell: no guess, rather than a wrong one
    assert guess_language("Hello") == []
    assert guess_language("CQC, NHS, GIG.") == []
    assert guess_language("") == []
    # a Welsh text with an English phrase in it is still Welsh
    assert guess_language("Mae'r tîm yn y sir ac mae'r staff yn siarad am y care package.") == [
        "cy"
    ]


def test_a_welsh_document_is_checked_with_the_welsh_list(tmp_path: Path) -> None:
    doc = write(tmp_path, "strategaeth.md", WELSH_DOC)
    result = runner.invoke(app, ["language", str(doc)])
    assert result.exit_code == 1
    assert '"defnyddwyr gwasanaeth" — Mae\'n enwi pobl' in result.output
    assert '"grymuso"' in result.output
    # English lists are not put to Welsh text
    assert '"service users"' not in result.output
    assert '"CQC"' not in result.output


def test_when_there_is_no_welsh_list_it_says_so_once(tmp_path: Path) -> None:
    one = write(tmp_path, "un.md", WELSH_DOC)
    two = write(tmp_path, "dau.md", WELSH_DOC)
    result = runner.invoke(app, ["language", str(one), str(two)])
    note = (
        "There is no Welsh list of abbreviations yet, so abbreviations were not checked "
        f"in these files: {one}, {two}."
    )
    assert result.output.count("There is no Welsh list") == 1
    assert note in " ".join(result.output.split())


def test_the_note_for_a_missing_list_of_undermining_words() -> None:
    library = Library([_List("en", [], ["NHS"], [])])
    notes = _notes(library, {"a.md": ("cy",)})
    assert notes == [
        "There is no Welsh word list of words that undermine co-production yet, "
        "so this file was not checked for them: a.md.",
        "There is no Welsh list of abbreviations yet, so abbreviations were not checked "
        "in this file: a.md.",
    ]
    with i18n.using("cy"):
        welsh = _notes(library, {"a.md": ("cy",)})
    assert "ar gyfer yr iaith hon (Cymraeg)" in welsh[0]
    assert "y ffeil hon" in welsh[1]


def test_an_english_document_is_checked_as_before(tmp_path: Path) -> None:
    doc = write(tmp_path, "plan.md", ENGLISH_DOC)
    result = runner.invoke(app, ["language", str(doc)])
    assert '"service users"' in result.output
    assert '"CQC"' in result.output
    assert "Welsh" not in result.output


def test_a_mixed_document_is_checked_with_both_lists_and_says_so(tmp_path: Path) -> None:
    doc = write(
        tmp_path,
        "dwyieithog.md",
        MIXED_DOC + "Mae defnyddwyr gwasanaeth yn bwysig. Service users matter.\n",
    )
    result = runner.invoke(app, ["language", str(doc)])
    assert '"defnyddwyr gwasanaeth"' in result.output
    assert '"Service users"' in result.output
    assert "checked with the word lists for both" in result.output


def test_doc_lang_says_which_lists_to_use(tmp_path: Path) -> None:
    doc = write(tmp_path, "doc.md", WELSH_DOC)
    as_english = runner.invoke(app, ["language", "--doc-lang", "en", str(doc)])
    assert '"service users"' in as_english.output
    assert '"defnyddwyr gwasanaeth"' not in as_english.output
    short = write(tmp_path, "byr.md", "Defnyddwyr gwasanaeth.\n")  # too short to tell
    assert '"Defnyddwyr' not in runner.invoke(app, ["language", str(short)]).output
    as_welsh = runner.invoke(app, ["language", "--doc-lang", "cy", str(short)])
    assert '"Defnyddwyr gwasanaeth"' in as_welsh.output


def test_a_short_document_is_read_in_the_language_coprod_is_speaking(tmp_path: Path) -> None:
    short = write(tmp_path, "byr.md", "Defnyddwyr gwasanaeth.\n")
    result = runner.invoke(app, ["--lang", "cy", "language", str(short)])
    assert '"Defnyddwyr gwasanaeth"' in result.output


@pytest.mark.parametrize("value", ["fr", "Klingon", ""])
def test_a_wrong_doc_lang_lists_the_languages_with_word_lists(tmp_path: Path, value: str) -> None:
    doc = write(tmp_path, "doc.md", WELSH_DOC)
    result = runner.invoke(app, ["language", "--doc-lang", value, str(doc)])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert f"--doc-lang {value}: coprod has no word lists in that language." in result.output
    assert "cy (Cymraeg), en (English)" in result.output


LAUNCH = "from coprod_toolkit.launch import main; main()"  # the `coprod` command itself


def test_a_wrong_doc_lang_from_the_command_line(tmp_path: Path) -> None:
    doc = write(tmp_path, "doc.md", WELSH_DOC)
    done = subprocess.run(
        [sys.executable, "-c", LAUNCH, "language", "--doc-lang", "fr", str(doc)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "cy (Cymraeg), en (English)" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_quick_start_checks_welsh_the_same_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    args = [str(write(tmp_path, "a.md", WELSH_DOC)), str(write(tmp_path, "b.md", ENGLISH_DOC))]
    through_typer = runner.invoke(app, ["language", *args])
    for _time in ("first", "from the cache"):
        out = io.StringIO()
        with pytest.MonkeyPatch.context() as streams:
            streams.setattr(sys, "stdout", out)
            code = quick(args)
        assert code == through_typer.exit_code == 1
        assert out.getvalue() == through_typer.stdout


def test_json_carries_the_note(tmp_path: Path) -> None:
    doc = write(tmp_path, "doc.md", WELSH_DOC)
    result = runner.invoke(app, ["language", "--format", "json", str(doc)])
    data = json.loads(result.stdout)
    assert [f["phrase"] for f in data["files"][0]["findings"]] == [
        "defnyddwyr gwasanaeth",
        "grymuso",
    ]
    assert data["notes"][0].startswith("There is no Welsh list of abbreviations yet")
    english = runner.invoke(
        app, ["language", "--format", "json", str(write(tmp_path, "en.md", ENGLISH_DOC))]
    )
    assert "notes" not in json.loads(english.stdout)


def test_the_report_in_welsh(tmp_path: Path) -> None:
    doc = write(tmp_path, "doc.md", WELSH_DOC)
    result = runner.invoke(app, ["--lang", "cy", "language", str(doc)])
    assert result.exit_code == 1
    assert f"{doc}: 2 peth i edrych arnyn nhw" in result.output
    assert "Rhowch gynnig ar: pobl sy'n cael gofal a chymorth" in result.output
    assert "Daeth coprod o hyd i 2 beth i edrych arnyn nhw mewn 1 ffeil." in result.output
    assert "ar gyfer yr iaith hon (Cymraeg)" in " ".join(result.output.split())
    clean = write(tmp_path, "glir.md", "Mae'r tîm yn gweithio gyda phobl yn y sir ac yn y dref.\n")
    result = runner.invoke(app, ["--lang", "cy", "language", str(clean)])
    assert "Dim byd i'w nodi: 1 ffeil yn glir." in result.output


def test_explain_a_welsh_phrase_in_welsh() -> None:
    result = runner.invoke(app, ["--lang", "cy", "language", "--explain", "ddefnyddwyr gwasanaeth"])
    assert result.exit_code == 0
    assert result.output.startswith('"defnyddiwr gwasanaeth"\nHefyd yn cael ei ganfod fel:')
    assert "Pam mae'n taro'n chwithig: Mae'n enwi pobl" in result.output
    assert "Rhowch gynnig ar hyn yn lle: pobl sy'n cael gofal a chymorth" in result.output


def test_the_welsh_list_says_it_awaits_review() -> None:
    lists = all_word_lists([builtin_dir()])
    welsh = [w for w in lists.lists if w.language == "cy"]
    assert [w.id for w in welsh] == ["undermining-cy"]
    assert welsh[0].reviewed is False
    assert 20 <= len(welsh[0].entries) <= 30
    assert {w.language for w in lists.lists if w.id in ("undermining", "abbreviations")} == {"en"}


def test_a_word_list_language_must_be_a_code(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "mine.yaml",
        """
        id: mine
        title: Mine
        language: Welsh
        known_abbreviations: [GIG]
        """,
    )
    with pytest.raises(FileProblems) as caught:
        load_word_list(path)
    assert "language" in str(caught.value)


def test_a_message_not_translated_yet_falls_back_to_english() -> None:
    with i18n.using("cy"):
        assert i18n._("A sentence nobody has translated yet.") == (
            "A sentence nobody has translated yet."
        )


def test_doc_lang_takes_a_languages_name(tmp_path: Path) -> None:
    short = write(tmp_path, "byr.md", "Defnyddwyr gwasanaeth.\n")
    for name in ("Welsh", "cymraeg"):
        result = runner.invoke(app, ["language", "--doc-lang", name, str(short)])
        assert '"Defnyddwyr gwasanaeth"' in result.output, result.output
