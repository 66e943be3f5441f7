"""Messages about files that cannot be read, in Welsh: the same places, the same exits.

`coprod --lang cy exercise validate FILE` on a broken exercise says what is wrong in Welsh
("I'w drwsio:" for "Fix:"), at the same line and column as in English, leaves with 1 and
shows no traceback. A message with no Welsh yet is shown in English.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coprod_toolkit import i18n
from coprod_toolkit.cli import app
from coprod_toolkit.errors import FileProblems, Problem
from coprod_toolkit.loader import load_exercise

from .conftest import write

runner = CliRunner()
PLACE = re.compile(r"^(\S+?:\d+:\d+):", re.MULTILINE)


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    yield
    i18n.set_language("en")


def validate(path: Path, lang: str) -> tuple[int, str]:
    result = runner.invoke(app, ["--lang", lang, "exercise", "validate", str(path)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def both(path: Path) -> tuple[str, str]:
    """The Welsh and the English output, after checking both fail at the same places."""
    code_cy, welsh = validate(path, "cy")
    code_en, english = validate(path, "en")
    assert code_cy == code_en == 1, welsh
    assert PLACE.findall(welsh) == PLACE.findall(english)
    assert "{" not in welsh.replace("{min: 1", "")  # every placeholder filled
    assert "Fix:" not in welsh
    return welsh, english


def test_bad_indentation_is_explained_in_welsh(tmp_path: Path) -> None:
    path = write(tmp_path, "indent.yaml", "id: x\ntitle: X\n  summary: bad\n")
    welsh, english = both(path)
    assert "indent.yaml:3:10: the YAML cannot be read here" in english
    assert "indent.yaml:3:10: does dim modd darllen y YAML yma" in welsh
    assert "I'w drwsio: rhowch y testun mewn dyfynodau" in welsh
    assert "'name: value'" in welsh  # the example stays as it is typed


def test_a_tab_is_explained_in_welsh(tmp_path: Path) -> None:
    path = write(tmp_path, "tab.yaml", "id: x\ntitle: X\nsections:\n\t- id: a\n")
    welsh, _english = both(path)
    assert "I'w drwsio: mewnolwch â bylchau, byth â thabiau" in welsh


def test_an_unknown_key_gets_a_welsh_did_you_mean(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "unknown.yaml",
        """
        id: tiny
        title: Tiny
        summary: A small exercise.
        minutes: 2
        sectoins: []
        sections:
          - id: first
            title: First
            questions:
              - id: q1
                type: scael
                text: Hello
        """,
    )
    welsh, english = both(path)
    assert "unknown.yaml:5:1: 'sectoins' is not something coprod knows here." in english
    assert (
        "unknown.yaml:5:1: dydy coprod ddim yn adnabod 'sectoins' yma. "
        "Oeddech chi'n golygu 'sections'? I'w drwsio: ailenwch ef yn 'sections'."
    ) in welsh
    assert "nid yw 'scael' yn fath o gwestiwn. Oeddech chi'n golygu 'scale'?" in welsh


def test_a_value_of_the_wrong_type_is_explained_in_welsh(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "types.yaml",
        """
        id: tiny
        title: Tiny
        summary: A small exercise.
        minutes: five
        sections: {first: 1}
        """,
    )
    welsh, _english = both(path)
    assert (
        "types.yaml:4:10: minutes: dylai hwn fod yn rhif cyfan, ond mae'n destun 'five'. "
        "I'w drwsio: ysgrifennwch rif cyfan, fel 3."
    ) in welsh
    assert "sections: dylai hwn fod yn rhestr, ond mae'n set o linellau 'key: value'." in welsh


def test_a_binary_file_is_explained_in_welsh(tmp_path: Path) -> None:
    picture = tmp_path / "picture.yaml"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    welsh, _english = both(picture)
    assert "picture.yaml:1:1: nid ffeil destun yw hon" in welsh
    program = tmp_path / "program.yaml"
    program.write_bytes(b"ELF\x00\x01\x02 not text")
    welsh, english = both(program)
    assert "program.yaml:1:4: this is not a text file" in english
    assert "program.yaml:1:4: nid ffeil destun yw hon" in welsh


def test_an_empty_file_is_explained_in_welsh(tmp_path: Path) -> None:
    path = tmp_path / "empty.yaml"
    path.write_text("", encoding="utf-8")
    code, welsh = validate(path, "cy")
    assert code == 1
    assert (
        "empty.yaml: mae'r ffeil yn wag. I'w drwsio: dechreuwch o enghraifft o ffeil ymarfer."
        in (welsh)
    )


def test_the_count_of_problems_uses_the_welsh_forms(tmp_path: Path) -> None:
    def summary(count: int) -> str:
        problems = [Problem("x.yaml", n + 1, 1, "", "...") for n in range(count)]
        return str(FileProblems("x.yaml", problems, "answers")).splitlines()[-1]

    assert summary(2) == "2 problems in answers file x.yaml."
    with i18n.using("cy"):
        assert summary(1) == "1 problem yn y ffeil atebion x.yaml."
        assert summary(2) == "2 broblem yn y ffeil atebion x.yaml."
        # "problem" is feminine: "tair problem" (no mutation), "chwe phroblem".
        assert summary(3) == "3 problem yn y ffeil atebion x.yaml."
        assert summary(6) == "6 phroblem yn y ffeil atebion x.yaml."
        path = write(tmp_path, "dup.yaml", "id: a\nid: b\n")
        with pytest.raises(FileProblems) as caught:
            load_exercise(path)
    text = str(caught.value)
    assert "mae 'id' yma ddwywaith (y tro cyntaf ar linell 1)." in text
    assert text.endswith(f"1 problem yn y ffeil ymarfer {path}.")


def test_a_checks_message_about_an_exercise_is_in_welsh(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "bands.yaml",
        """
        id: tiny
        title: Tiny
        summary: A small exercise.
        minutes: 2
        scoring:
          bands_on: raw
          bands:
            - {min: 0, max: 1, label: Low, message: Start.}
            - {min: 3, max: 4, label: High, message: Good.}
        sections:
          - id: first
            title: First
            questions:
              - {id: q1, type: scale, text: One?, scale: {min: 0, max: 2, labels: {0: No, 2: Yes}}}
              - {id: q2, type: scale, text: Two?, scale: {min: 0, max: 2, labels: {0: No, 2: Yes}}}
        """,
    )
    welsh, _english = both(path)
    assert (
        "nid yw sgoriau o 2 i 2 yn perthyn i unrhyw fand. I'w drwsio: dechreuwch y band hwn ar 2."
        in (welsh)
    )


def test_a_message_with_no_welsh_yet_is_shown_in_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalogue = getattr(i18n.translations("cy"), "_catalog")  # noqa: B009
    monkeypatch.delitem(
        catalogue,
        "'{name}' is not something coprod knows here. Did you mean '{guess}'? "
        "Fix: rename it to '{guess}'.",
    )
    path = write(
        tmp_path,
        "unknown.yaml",
        """
        id: tiny
        title: Tiny
        summary: A small exercise.
        minutes: 2
        sectoins: []
        """,
    )
    code, output = validate(path, "cy")
    assert code == 1
    assert (
        "unknown.yaml:5:1: 'sectoins' is not something coprod knows here. "
        "Did you mean 'sections'? Fix: rename it to 'sections'."
    ) in output
    # The rest is still in Welsh.
    assert "mae 'sections' ar goll. I'w drwsio: ychwanegwch linell 'sections: ...' yma." in output


@pytest.mark.parametrize(
    ("text", "english", "welsh"),
    [
        ("answers: [\n", "a value is missing here", "mae gwerth ar goll yma"),
        ('a: "\\q"\n', "a backslash inside double quotes", "mae slaes ôl y tu mewn"),
        ("%x\na: 1\n", "a line here starts with '%'", "mae llinell yma'n dechrau â '%'"),
    ],
)
def test_libyaml_words_are_put_into_plain_words(
    tmp_path: Path, text: str, english: str, welsh: str
) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(text, encoding="utf-8")
    in_welsh, in_english = both(path)
    assert f"the YAML cannot be read here: {english}" in in_english
    assert f"does dim modd darllen y YAML yma: {welsh}" in in_welsh


def test_what_is_wrong_leaves_out_the_fix_in_either_language(tmp_path: Path) -> None:
    path = tmp_path / "empty.yaml"
    path.write_text("", encoding="utf-8")
    with pytest.raises(FileProblems) as english:
        load_exercise(path)
    assert english.value.problems[0].what_is_wrong == "the file is empty"
    with i18n.using("cy"), pytest.raises(FileProblems) as welsh:
        load_exercise(path)
    assert welsh.value.problems[0].what_is_wrong == "mae'r ffeil yn wag"


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"ELF\x00\x01 not text", "not-text"),
        (b"\xff\xfe not UTF-8", "not-text"),
        (b"a: [1, 2\n", "yaml"),
        (b"a: !!python/object x\n", "yaml"),
        (b"a: 1\na: 2\n", "yaml"),
        (b"", ""),
    ],
)
def test_a_problem_says_its_kind_for_code_in_any_language(
    tmp_path: Path, data: bytes, kind: str
) -> None:
    """Code that acts on a problem (such as history skipping a damaged record) reads its
    kind, not its words, so it works in every language."""
    path = tmp_path / "x.yaml"
    path.write_bytes(data)
    with i18n.using("cy"), pytest.raises(FileProblems) as caught:
        load_exercise(path)
    assert caught.value.problems[0].kind == kind
