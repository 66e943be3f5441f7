"""The trainers' commands in Welsh: coprod exercise list, show, validate and new."""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coprod_toolkit import i18n
from coprod_toolkit.cli import app
from coprod_toolkit.loader import check_file

from .conftest import MINIMAL, write
from .test_translations import EXERCISE, WELSH

runner = CliRunner()


@pytest.fixture(autouse=True)
def english_after(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """--lang sets the language for the whole process: each test starts and ends in English."""
    monkeypatch.setenv("COPROD_LANG", "en")
    i18n._active = None
    yield
    i18n._active = None


def cy(*args: str) -> str:
    result = runner.invoke(app, ["--lang", "cy", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.output


def en(*args: str) -> str:
    result = runner.invoke(app, ["--lang", "en", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.output


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    """An exercise with a Welsh translation beside it, a folder down from the one validated."""
    folder = tmp_path / "mine" / "tiny"
    write(folder, "tiny.yaml", EXERCISE)
    write(folder, "tiny.cy.yaml", WELSH)
    return folder


def test_exercise_list_in_welsh(tiny: Path) -> None:
    out = cy("exercise", "list", "--exercises", str(tiny))
    # Welsh titles where a translation exists, English where none does yet.
    assert "Ydy cydgynhyrchu'n iawn i ni nawr?" in out
    assert "Gwiriad bach" in out and "A tiny check" not in out
    assert "rhestr wirio, 22 datganiad, tua 10 munud; wedi'i gynnwys:" in out
    assert "asesiad, 3 chwestiwn, tua 15 munud" in out
    assert "Ieithoedd: English, Cymraeg" in out
    assert "{" not in out


def test_exercise_list_says_which_languages_each_exercise_is_in(tiny: Path) -> None:
    # Every built-in exercise has its Welsh now: an exercise of one's own has none yet.
    write(tiny, "english-only.yaml", MINIMAL.replace("id: tiny", "id: english-only"))
    out = en("exercise", "list", "--exercises", str(tiny))
    lines = out.splitlines()
    for ex_id in ("readiness", "tiny", "four-steps"):
        at = lines.index(ex_id)
        assert lines[at + 3] == "  Languages: English, Cymraeg"
    at = lines.index("english-only")
    assert lines[at + 3] == "  Languages: English"
    assert "checklist, 22 statements, about 10 minutes; built in:" in out


def test_exercise_show_readiness_in_welsh() -> None:
    out = cy("exercise", "show", "readiness", "--plain")
    assert out.startswith("Ydy cydgynhyrchu'n iawn i ni nawr?\n")
    assert "id: readiness, fersiwn 2; tua 10 munud" in out
    assert "Ieithoedd: English, Cymraeg" in out
    assert "(yn rhoi 'Ddim eto' ar ei ben ei hun)" in out
    assert "Sut mae canlyniadau'n cael eu dangos" in out
    assert "Mae atebion 'Ddim yn siŵr' a allai newid y dyfarniad yn rhoi" in out
    english = en("exercise", "show", "readiness", "--plain")
    assert "Languages: English, Cymraeg" in english
    assert "id: readiness, version 2; about 10 minutes" in english


def test_exercise_show_of_an_assessment_in_welsh(tiny: Path) -> None:
    out = cy("exercise", "show", "tiny", "--exercises", str(tiny), "--plain")
    assert out.startswith("Gwiriad bach\n")
    assert "Gall fod am: me (fy ymarfer fy hun); service (the service I use)" in out
    assert "Beth mae'r sgôr gyffredinol yn ei olygu" in out
    assert "  0-49 allan o 100: Dechrau" in out
    assert "Mae'r canlyniadau'n dangos pob sgôr allan o 100." in out


def test_an_unknown_exercise_in_welsh() -> None:
    result = runner.invoke(app, ["--lang", "cy", "exercise", "show", "readines"])
    assert result.exit_code != 0
    assert "Does dim ymarfer o'r enw 'readines'. Oeddech chi'n golygu 'readiness'?" in (
        result.output
    )


def test_validate_in_welsh_on_a_good_and_a_broken_file(tmp_path: Path) -> None:
    good = write(tmp_path, "tiny.yaml", MINIMAL)
    out = cy("exercise", "validate", str(good))
    assert out == "Wedi gwirio 1 ffeil: dim gwallau, 0 rhybudd.\n"
    bad = write(tmp_path / "bad", "bad.yaml", "id: bad\ntitle: Bad\n")
    result = runner.invoke(app, ["--lang", "cy", "exercise", "validate", str(bad.parent)])
    assert result.exit_code == 1
    assert result.output.startswith(
        "Gwallau (rhaid trwsio'r rhain cyn y gellir defnyddio'r ymarfer):\n"
    )
    assert result.output.endswith("Wedi gwirio 1 ffeil: 2 wall mewn 1 ffeil, 0 rhybudd.\n")


def test_validate_warns_of_a_missing_and_an_extra_text_in_a_folder_below(tiny: Path) -> None:
    """A translation in a folder inside the one named: what it leaves out, and what it has
    that the exercise does not, are warnings (the exercise still works), in both languages."""
    welsh = WELSH.replace(
        "      power-2:\n", "      power-9:\n        text: Dim byd\n      power-2:\n"
    )
    write(tiny, "tiny.cy.yaml", welsh)
    top = tiny.parent
    english = runner.invoke(app, ["--lang", "en", "exercise", "validate", str(top)])
    assert english.exit_code == 0, english.output
    flat = " ".join(english.output.split())
    assert "Warnings (worth a look, but the exercise still works):" in flat
    assert "9 texts are not translated yet, so they are shown in English:" in flat
    assert "questions.power-1.help" in flat
    assert "questions.power-9: the exercise has nothing here to translate" in flat
    assert "Checked 2 files: no errors, 2 warnings." in flat
    i18n._active = None
    welsh_run = runner.invoke(app, ["--lang", "cy", "exercise", "validate", str(top)])
    assert welsh_run.exit_code == 0, welsh_run.output
    flat = " ".join(welsh_run.output.split())
    assert "Rhybuddion (mae'n werth edrych arnyn nhw, ond mae'r ymarfer yn dal i weithio):" in flat
    assert "mae 9 testun heb eu cyfieithu eto" in flat
    assert "questions.power-1.help" in flat
    assert "questions.power-9: does gan yr ymarfer ddim byd yma i'w gyfieithu" in flat
    assert "Wedi gwirio 2 ffeil: dim gwallau, 2 rybudd." in flat


def test_exercise_new_in_welsh_writes_a_file_that_validates() -> None:
    out = cy("exercise", "new", "--title", "Ein gwerthoedd", "--scale", "1-5")
    path = Path("exercises/ein-gwerthoedd.yaml")
    assert f"Wedi ysgrifennu {path}" in out
    assert "Nesaf: agorwch hi mewn golygydd testun" in out
    text = path.read_text(encoding="utf-8")
    # The notes are in Welsh; the keys are the file format, so they stay as they are.
    assert "# Ein gwerthoedd: ymarfer coprod. Nodiadau i chi yw'r llinellau" in text
    assert "# Sut mae pobl yn gofyn amdano: coprod assess ein-gwerthoedd" in text
    assert "\nscoring:\n  bands_on: percent\n  bands:\n" in text
    assert "Ymhell ar y ffordd" in text
    loaded, problems = check_file(path)
    assert problems == []
    assert loaded is not None
    assert [s.title for s in loaded.exercise.sections][:2] == ["Asedau", "Galluoedd"]
    assert loaded.exercise.scales["agree"].labels[1] == "Dim o gwbl"
    assert "Wedi gwirio 1 ffeil: dim gwallau, 0 rhybudd." in cy("exercise", "validate", str(path))


def test_a_welsh_checklist_starter_validates_too() -> None:
    cy("exercise", "new", "--kind", "checklist", "--title", "Ein gwiriad", "--sections", "Pŵer")
    path = Path("exercises/ein-gwiriad.yaml")
    text = path.read_text(encoding="utf-8")
    assert "(tynnwch y # os yw'r arwydd hwn ar ei ben ei hun yn golygu 'Ddim eto')" in text
    assert "  - id: pwer\n" in text  # the id made from a Welsh name keeps its letters
    loaded, problems = check_file(path)
    assert problems == [] and loaded is not None
    assert [v.label for v in loaded.exercise.verdicts] == [
        "Yn barod",
        "Yn barod, gyda gofal",
        "Ddim eto",
    ]


class _Without(gettext.NullTranslations):
    """The Welsh catalogue with one message not translated yet."""

    def __init__(self, real: gettext.NullTranslations, missing: str) -> None:
        super().__init__()
        self.real = real
        self.missing = missing

    def gettext(self, message: str) -> str:
        return message if message == self.missing else self.real.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        if singular == self.missing:
            return singular if n == 1 else plural
        return self.real.ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        return self.real.pgettext(context, message)


def test_a_missing_welsh_string_falls_back_to_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = i18n.translations("cy")
    missing = "Errors (these must be fixed before the exercise can be used):"
    monkeypatch.setitem(i18n._cache, "cy", _Without(real, missing))
    bad = write(tmp_path / "bad", "bad.yaml", "id: bad\ntitle: Bad\n")
    result = runner.invoke(app, ["--lang", "cy", "exercise", "validate", str(bad.parent)])
    assert result.exit_code == 1
    assert result.output.startswith(missing + "\n")  # English, where Welsh is missing
    assert "Wedi gwirio 1 ffeil: 2 wall mewn 1 ffeil, 0 rhybudd." in result.output
    monkeypatch.setitem(i18n._cache, "cy", _Without(real, "{count} question"))
    out = cy("exercise", "list")
    assert "asesiad, 50 questions, tua 30 munud" in out  # the plural, in English


@pytest.mark.parametrize("command", ["list", "show", "validate", "new", "schema", "try"])
def test_each_command_s_help_in_welsh(command: str) -> None:
    out = cy("exercise", command, "--help")
    english = en("exercise", command, "--help")
    assert out != english
    # Every one of them has an example (Enghraifft) or examples (Enghreifftiau).
    assert "Enghraifft:" in out or "Enghreifftiau:" in out
    assert "Example" not in out


def test_the_list_of_commands_in_welsh() -> None:
    out = cy("exercise", "--help")
    assert "Gwirio ffeiliau ymarfer: pob problem, ble mae hi, a sut i'w thrwsio." in out
    assert "Dechrau ymarfer newydd" in out
