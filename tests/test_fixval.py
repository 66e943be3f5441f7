"""A new user's findings in exercise validate / new / try: each message pinned to its words."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from coprod_toolkit import i18n
from coprod_toolkit.errors import FileProblems
from coprod_toolkit.loader import check_file, load_exercise
from tests.conftest import ROOT, write


def problems(path: Path) -> list[str]:
    with pytest.raises(FileProblems) as caught:
        load_exercise(path)
    return [str(p) for p in caught.value.problems]


@pytest.fixture(autouse=True)
def english_after(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """--lang sets the language for the whole process: each test starts and ends in English."""
    monkeypatch.setenv("COPROD_LANG", "en")
    i18n._active = None
    yield
    i18n._active = None


HEAD = "id: x\ntitle: X\nsummary: S.\n"


def test_an_exercise_with_no_sections_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, "x.yaml", HEAD + "sections: []\n")
    assert problems(path) == [
        f"{path}:4:1: sections: there are no sections, so there is nothing to ask. Fix: add at "
        "least one section, with its questions, under 'sections:', like those in "
        "exercises/six-principles.yaml."
    ]


def test_a_guided_exercise_with_no_steps_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, "x.yaml", HEAD + "kind: guided\nsteps: []\n")
    assert problems(path) == [
        f"{path}:5:1: steps: there are no steps, so there is nothing for the group to do. "
        "Fix: add at least one step under 'steps:', like those in exercises/four-steps.yaml."
    ]


@pytest.mark.parametrize("empty", ["questions: []", "questions:"])
def test_a_section_with_no_questions_says_so(tmp_path: Path, empty: str) -> None:
    path = write(tmp_path, "x.yaml", HEAD + f"sections:\n  - id: a\n    title: A\n    {empty}\n")
    assert [p.split(": ", 2)[2] for p in problems(path)] == [
        "this section has no questions, so there is nothing to ask in it. Fix: add at least "
        "one question under 'questions:', or remove the section."
    ]


def test_every_shipped_exercise_still_loads() -> None:
    for path in sorted((ROOT / "exercises").glob("*.yaml")):
        if ".cy." in path.name:
            continue
        loaded, found = check_file(path)
        assert loaded is not None, (path, [str(p) for p in found])


def test_no_sections_in_welsh(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from coprod_toolkit.cli.app import app

    path = write(tmp_path, "x.yaml", HEAD + "sections: []\n")
    result = CliRunner().invoke(app, ["--lang", "cy", "exercise", "validate", str(path)])
    assert result.exit_code == 1
    assert "does dim adrannau, felly does dim byd i'w ofyn." in " ".join(result.output.split())


BOOLS = """\
id: x
title: X
summary: S.
minutes: true
scoring:
  min_answered: false
  bands:
    - {min: true, max: 100, label: All}
sections:
  - id: a
    title: A
    questions:
      - id: q1
        type: scale
        text: Hello
        weight: true
        scale: {min: true, max: 5}
      - id: q2
        type: yes_no
        text: Hi
        points: {yes: true, no: false}
      - id: q3
        type: choice
        text: Pick
        options:
          - {value: a, label: A, points: true}
          - {value: b, label: B, points: 0}
      - id: q4
        type: text
        text: Why?
        when: {question: q1, equals: true}
      - id: q5
        type: text
        text: Why?
        when: {question: q1, at_least: true}
group_adds: {most: true}
"""

WHOLE = "this should be a whole number, but it is true/false. Fix: write a whole number, like 3."
NUMBER = "this should be a number, but it is true/false. Fix: write a number, like 1.5."


def test_true_and_false_are_not_numbers(tmp_path: Path) -> None:
    path = write(tmp_path, "x.yaml", BOOLS)
    assert problems(path) == [
        f"{path}:4:10: minutes: {WHOLE}",
        f"{path}:6:17: scoring.min_answered: {NUMBER}",
        f"{path}:8:13: scoring, band 1, min: {WHOLE}",
        f"{path}:16:17: section 1, question 1, weight: {NUMBER}",
        f"{path}:17:22: section 1, question 1, scale.min: {WHOLE}",
        f"{path}:21:23: section 1, question 2, points.yes: {NUMBER}",
        f"{path}:21:33: section 1, question 2, points.no: {NUMBER}",
        f"{path}:26:42: section 1, question 3, option 1, points: {NUMBER}",
        f"{path}:31:38: section 1, question 4, when.equals: true and false are not answers. "
        "Fix: write yes or no for a yes/no question, or the number or option the answer "
        "should match.",
        f"{path}:35:40: section 1, question 5, when.at_least: {NUMBER}",
        f"{path}:36:20: group_adds.most: {WHOLE}",
    ]


def test_a_step_minutes_of_true_is_refused(tmp_path: Path) -> None:
    text = HEAD + "kind: guided\nsteps:\n  - {id: a, title: A, prompt: P, minutes: true}\n"
    path = write(tmp_path, "x.yaml", text)
    assert problems(path) == [f"{path}:6:43: step 1, minutes: {WHOLE}"]


def test_a_number_with_a_decimal_point_where_a_whole_one_is_wanted(tmp_path: Path) -> None:
    text = HEAD + "minutes: 12.5\nsections:\n  - id: a\n    title: A\n    questions:\n"
    text += "      - {id: q1, type: scale, text: Hi, scale: {min: -0.5, max: 5.5}}\n"
    path = write(tmp_path, "x.yaml", text)
    assert problems(path) == [
        f"{path}:4:10: minutes: this should be a whole number, but it is 12.5, a number with a "
        "decimal point. Fix: write a whole number, like 12 or 13.",
        f"{path}:9:54: section 1, question 1, scale.min: this should be a whole number, but "
        "it is -0.5, a number with a decimal point. Fix: write a whole number, like -1 or 0.",
        f"{path}:9:65: section 1, question 1, scale.max: this should be a whole number, but "
        "it is 5.5, a number with a decimal point. Fix: write a whole number, like 5 or 6.",
    ]


def test_a_whole_number_written_with_point_nought_still_loads(tmp_path: Path) -> None:
    text = HEAD + "sections:\n  - id: a\n    title: A\n    questions:\n"
    text += "      - {id: q1, type: scale, text: Hi, scale: {min: 1.0, max: 5.0}}\n"
    assert load_exercise(write(tmp_path, "x.yaml", text)).exercise.sections


def test_text_where_a_number_is_wanted_is_quoted(tmp_path: Path) -> None:
    text = HEAD + "minutes: 15 minutes\nscoring: {min_answered: '1,5'}\nsections: []\n"
    path = write(tmp_path, "x.yaml", text)
    assert problems(path) == [
        f"{path}:4:10: minutes: this should be a whole number, but it is the text "
        "'15 minutes'. Fix: write a whole number, like 3.",
        f"{path}:5:25: scoring.min_answered: this should be a number, but it is the text "
        "'1,5'. Fix: write a number, like 1.5.",
    ]


def test_a_decimal_point_in_welsh(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from coprod_toolkit.cli.app import app

    path = write(tmp_path, "x.yaml", HEAD + "minutes: 12.5\nsections: []\n")
    result = CliRunner().invoke(app, ["--lang", "cy", "exercise", "validate", str(path)])
    assert (
        "dylai hwn fod yn rhif cyfan, ond mae'n 12.5, rhif â phwynt degol. I'w drwsio: "
        "ysgrifennwch rif cyfan, fel 12 neu 13." in " ".join(result.output.split())
    )


class AskingPrompter:
    """Answers `exercise new`'s questions, noting each one asked."""

    def __init__(self, title: str) -> None:
        self.title = title
        self.asked: list[str] = []

    def choose(self, question: str, choices: list[tuple[str, str]]) -> str:
        self.asked.append(question)
        return choices[0][0]

    def text(self, question: str) -> str:
        self.asked.append(question)
        return self.title if question.startswith("Title") else ""


@pytest.fixture
def asking(monkeypatch: pytest.MonkeyPatch) -> AskingPrompter:
    from coprod_toolkit.cli import common

    prompter = AskingPrompter("Our values")
    monkeypatch.setattr(common, "interactive", lambda: True)
    monkeypatch.setattr(common, "prompter_for", lambda plain: prompter)
    return prompter


TAKEN = (
    "exercises/our-values.yaml already exists, and coprod will not write over it. Fix: choose "
    "another title, or another name with --to FILE, or add --force to replace it."
)


def new(*args: str) -> tuple[int, str]:
    from typer.testing import CliRunner

    from coprod_toolkit.cli.app import app

    result = CliRunner().invoke(app, ["exercise", "new", *args])
    return result.exit_code, " ".join(result.output.split())


def test_exercise_new_says_the_file_is_taken_right_after_the_title(asking: AskingPrompter) -> None:
    Path("exercises").mkdir(exist_ok=True)
    Path("exercises/our-values.yaml").write_text("mine\n")
    code, output = new()
    assert code == 1
    assert TAKEN in output
    assert asking.asked == ["What kind of exercise?", "Title of the new exercise"]
    assert Path("exercises/our-values.yaml").read_text() == "mine\n"


def test_exercise_new_with_a_title_given_asks_nothing_when_taken(asking: AskingPrompter) -> None:
    Path("exercises").mkdir(exist_ok=True)
    Path("exercises/our-values.yaml").write_text("mine\n")
    code, output = new("--title", "Our values")
    assert code == 1 and TAKEN in output
    assert asking.asked == []


def test_exercise_new_with_to_asks_nothing_when_taken(asking: AskingPrompter) -> None:
    Path("mine.yaml").write_text("mine\n")
    code, output = new("--to", "mine.yaml")
    assert code == 1
    assert (
        "mine.yaml already exists, and coprod will not write over it. Fix: choose another name "
        "with --to FILE, or add --force to replace it."
    ) in output
    assert asking.asked == []


def test_exercise_new_with_force_still_asks_and_replaces(asking: AskingPrompter) -> None:
    Path("exercises").mkdir(exist_ok=True)
    Path("exercises/our-values.yaml").write_text("mine\n")
    code, output = new("--force")
    assert code == 0, output
    assert asking.asked[:2] == ["What kind of exercise?", "Title of the new exercise"]
    assert len(asking.asked) == 4
    assert load_exercise(Path("exercises/our-values.yaml")).exercise.id == "our-values"


def test_places_count_from_1_in_words(tmp_path: Path) -> None:
    from coprod_toolkit.yamlfile import where

    assert where(("sections", 2, "questions", 0, "scale", "max")) == (
        "section 3, question 1, scale.max"
    )
    assert where(("scoring", "bands", 1, "min")) == "scoring, band 2, min"
    assert where(("scoring", "section_bands", 0)) == "scoring.section_bands, item 1"
    assert where(("scales", "agree", "labels", 5)) == "scales.agree.labels.5"
    assert where(("verdicts", 0, "max")) == "verdict 1, max"
    assert where(("steps", 1, "id")) == "step 2, id"
    assert where(("a", 0, 1)) == "a, item 1.2"
    assert where(("answers", "q1")) == "answers.q1"


def test_a_word_listed_twice_is_placed_in_words(tmp_path: Path) -> None:
    from coprod_toolkit.language import load_word_list

    entry = (
        "  - phrase: {phrase}\n    why: It sounds like a meeting about people.\n"
        "    suggestions: [the people involved]\n"
        "    examples: {{match: [All {phrase} agreed.], near_miss: [A stake.]}}\n"
    )
    text = "id: mine\ntitle: Mine\nentries:\n" + entry.format(phrase="stakeholders")
    text += entry.format(phrase="stakeholders")
    path = write(tmp_path / "language", "mine.yaml", text)
    with pytest.raises(FileProblems) as caught:
        load_word_list(path)
    assert [str(p).removeprefix(f"{path}:") for p in caught.value.problems] == [
        "8:13: entries, item 2: 'stakeholders' is already listed in entries, item 1. "
        "Fix: keep it in one entry only."
    ]


def test_a_place_in_welsh(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from coprod_toolkit.cli.app import app

    text = HEAD + "sections:\n  - id: a\n    title: A\n    questions:\n"
    text += "      - {id: q1, type: scale, text: Hi, scale: {min: 1, max: 5.5}}\n"
    path = write(tmp_path, "x.yaml", text)
    result = CliRunner().invoke(app, ["--lang", "cy", "exercise", "validate", str(path)])
    assert "adran 1, cwestiwn 1, scale.max: dylai hwn fod yn rhif cyfan" in " ".join(
        result.output.split()
    )


UTF16 = (
    "this is UTF-16 text (Windows Notepad calls it 'Unicode'), and coprod reads only UTF-8. "
    "Fix: open it in Notepad, choose File > Save as, set 'Encoding' to UTF-8 and save it "
    "(other editors offer UTF-8 under 'Save as' too)."
)
NOT_TEXT = (
    "this is not a text file (it may be a picture, a program or a damaged file), so coprod "
    "cannot read it. Fix: move it out of this folder, or open it in a text editor to check "
    "what it is."
)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_utf16_exercise_says_how_to_save_it_as_utf8(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "notepad.yaml"
    path.write_bytes((HEAD + "sections: []\n").encode(encoding))
    assert problems(path) == [f"{path}:1:1: {UTF16}"]


def test_a_utf16_answers_file_says_the_same(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from coprod_toolkit.cli.app import app

    path = tmp_path / "answers.yaml"
    path.write_bytes("answers:\n  assets-1: 3\n".encode("utf-16"))
    args = ["assess", "six-principles", "--answers", str(path), "--no-save"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code != 0
    assert f"{path}:1:1: {UTF16}" in " ".join(result.output.split())


def test_a_program_is_not_a_text_file_to_validate_and_to_language(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from coprod_toolkit.cli.app import app

    program = tmp_path / "program"
    program.write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\xff\xfe\x80\x81 binary")
    assert problems(program) == [f"{program}:1:13: {NOT_TEXT}"]
    result = CliRunner().invoke(app, ["language", str(program)])
    assert (
        f"Could not check {program}: this is not a text file (it may be a picture, a program "
        "or a damaged file). Fix: check plain text, Markdown or .docx files."
    ) in " ".join(result.output.split())


def test_language_says_how_to_save_utf16_as_utf8(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from coprod_toolkit.cli.app import app

    note = tmp_path / "note.txt"
    note.write_bytes("We engage stakeholders.\n".encode("utf-16"))
    result = CliRunner().invoke(app, ["language", str(note)])
    assert f"Could not check {note}: {UTF16}" in " ".join(result.output.split())


def test_utf16_in_welsh(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from coprod_toolkit.cli.app import app

    path = tmp_path / "notepad.yaml"
    path.write_bytes((HEAD + "sections: []\n").encode("utf-16"))
    result = CliRunner().invoke(app, ["--lang", "cy", "exercise", "validate", str(path)])
    assert "testun UTF-16 yw hwn (mae Notepad Windows yn ei alw'n 'Unicode')" in " ".join(
        result.output.split()
    )


def test_utf8_text_with_a_zero_byte_is_not_taken_for_utf16() -> None:
    from coprod_toolkit.yamlfile import looks_like_utf16

    assert not looks_like_utf16(b"id: x\ntitle: X\x00\nsummary: a long line of text here\n")
    assert looks_like_utf16("id: x\n".encode("utf-16-le"))
    assert not looks_like_utf16(b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00")


def test_text_where_true_false_a_list_or_a_group_is_wanted_is_quoted(tmp_path: Path) -> None:
    text = HEAD + "subjects: everyone\nsections:\n  - id: a\n    title: A\n    scored: maybe\n"
    text += "    questions: Respect, Trust\n"
    path = write(tmp_path, "x.yaml", text)
    assert problems(path) == [
        f"{path}:4:11: subjects: this should be a group of 'key: value' lines, but it is the "
        "text 'everyone'. Fix: write it as 'key: value' lines, indented under this one.",
        f"{path}:8:13: section 1, scored: this should be true or false, but it is the text "
        "'maybe'. Fix: write true or false.",
        f"{path}:9:16: section 1, questions: this should be a list, but it is the text "
        "'Respect, Trust'. Fix: put each item on its own line, starting with '- '.",
    ]
