"""Authoring help that leads to the right file: each misleading fix, pinned to its new message."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from coprod_toolkit.authoring import schema_text
from coprod_toolkit.cli import app
from coprod_toolkit.loader import check_file
from tests.conftest import write

BASE = """
id: values
title: Values
summary: A small exercise for tests.
scoring:
  bands:
    - {min: 4, max: 9, label: Low}
    - {min: 10, max: 20, label: High}
sections:
  - id: s
    title: Statements
    questions:
      - {id: q1, type: scale, scale: {min: 1, max: 5, labels: {1: No, 5: Yes}}, text: One.}
      - {id: q2, type: scale, scale: {min: 1, max: 5, labels: {1: No, 5: Yes}}, text: Two.}
      - {id: q3, type: scale, scale: {min: 1, max: 5, labels: {1: No, 5: Yes}}, text: Three.}
      - {id: q4, type: scale, scale: {min: 1, max: 5, labels: {1: No, 5: Yes}}, text: Four.}
"""


def messages(tmp_path: Path, text: str) -> list[str]:
    _, problems = check_file(write(tmp_path, "x.yaml", text))
    return [f"{p.where}: {p.message}" if p.where else p.message for p in problems]


def test_bands_that_look_like_totals_suggest_bands_on_raw(tmp_path: Path) -> None:
    # Four questions of 1-5 give 4 to 20: exactly the bands' range.
    assert messages(tmp_path, BASE) == [
        "scoring, band 1, min: these bands run from 4 to 20, like totals of points (these "
        "questions give 4 to 20), but they are read as scores out of 100. Fix: add "
        "'bands_on: raw' under 'scoring'."
    ]
    fixed = BASE.replace("scoring:\n", "scoring:\n  bands_on: raw\n")
    assert messages(tmp_path, fixed) == []


def test_bands_above_0_that_are_not_totals_give_both_fixes(tmp_path: Path) -> None:
    text = BASE.replace("{min: 4, max: 9,", "{min: 30, max: 49,").replace(
        "{min: 10, max: 20,", "{min: 50, max: 100,"
    )
    assert messages(tmp_path, text) == [
        "scoring, band 1, min: scores from 0 to 29 fall in no band. Fix: if the bands are "
        "totals of points, add 'bands_on: raw' under 'scoring'; if they are out of 100, "
        "start the first band at 0."
    ]


def test_a_comma_inside_braces_says_to_quote(tmp_path: Path) -> None:
    text = BASE.replace("text: One.}", "text: Hello, world}")
    found = messages(tmp_path, text)
    assert (
        "section 1, question 1: 'world' looks like the rest of the text of 'text': a comma "
        'inside { } ends the text there. Fix: put the whole text in quotes, like text: "Hello, '
        'world".'
    ) in found


def test_no_space_after_a_colon_says_so_without_internal_names(tmp_path: Path) -> None:
    text = BASE.replace(
        "scale: {min: 1, max: 5, labels: {1: No, 5: Yes}}, text: One.",
        "scale: {min:1, max:5}, text: One.",
    )
    found = messages(tmp_path, text)
    assert found[:2] == [
        "section 1, question 1, scale: 'min:1' needs a space after the colon: without it, "
        "'min:1' is read as one word. Fix: write 'min: 1' (for a scale: {min: 1, max: 5}).",
        "section 1, question 1, scale: 'max:5' needs a space after the colon: without it, "
        "'max:5' is read as one word. Fix: write 'max: 5' (for a scale: {min: 1, max: 5}).",
    ]
    assert not any(".Scale" in m or "constrained" in m for m in found)


def test_the_schema_accepts_a_number_for_version() -> None:
    schema = json.loads(schema_text())
    assert {"type": "number"} in schema["properties"]["version"]["anyOf"]
    assert {"type": "string"} in schema["properties"]["version"]["anyOf"]


def test_validate_on_a_folder_recognises_answers_files(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    write(folder, "values.yaml", BASE.replace("scoring:\n", "scoring:\n  bands_on: raw\n"))
    write(folder, "sam.yaml", "exercise: values\nanswers: {q1: 3, q2: 4, q3: 3, q4: 2}\n")
    write(folder, "group.yaml", "people: [Ana, Ben]\nanswers: {q1: {Ana: 3, Ben: 4}}\n")
    result = CliRunner().invoke(app, ["exercise", "validate", str(folder)])
    assert result.exit_code == 0, result.output
    flat = " ".join(result.output.split())
    assert (
        "sam.yaml:2:1: this looks like an answers file (for 'coprod assess EXERCISE --answers "
        "FILE'), not an exercise, so it was not checked as one. Fix: nothing, if that is what "
        "it is; its answers are checked when you run coprod assess with it."
    ) in flat
    assert "group.yaml:1:1: this looks like an answers file (for 'coprod group EXERCISE" in flat
    assert "Checked 3 files: no errors, 2 warnings." in flat


SHOWN = """
id: shown
title: Shown
summary: Everything exercise show should say.
scoring:
  show: total
  passes: pro_rate
  min_answered: 0.75
sections:
  - id: s
    title: Statements
    questions:
      - {id: q1, type: yes_no, text: Do we meet?}
      - {id: q2, type: scale, scale: {min: 1, max: 5, labels: {1: No, 5: Yes}}, weight: 2, reverse: true, text: Do we hold back?}
      - {id: q3, type: scale, scale: {min: 1, max: 5, labels: {1: No, 5: Yes}}, optional: true, when: {question: q1, equals: "yes"}, text: How often?}
      - {id: why, type: text, optional: false, text: Why?}
"""


def test_exercise_show_tells_weights_reverse_conditions_and_results(tmp_path: Path) -> None:
    path = write(tmp_path, "shown.yaml", SHOWN)
    result = CliRunner().invoke(app, ["exercise", "show", str(path), "--plain"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert (
        "2. [q2] Do we hold back? (counted in reverse: agreeing counts against, counts 2 times)"
        in out
    )
    assert "3. [q3] How often? (optional, only asked when q1 is yes)" in out
    assert "4. [why] Why? (an answer is needed)" in out
    assert "Results show each total in points, with the range it can fall in" in out
    assert "A passed question is pro-rated: the total is scaled up to the full range." in out
    assert "No band unless at least 75% of the scored questions are answered." in out


def test_a_text_question_can_be_required(tmp_path: Path) -> None:
    path = write(tmp_path, "shown.yaml", SHOWN)
    answers = write(tmp_path, "a.yaml", "answers: {q1: 'no', q2: 3}\n")
    result = CliRunner().invoke(app, ["assess", str(path), "--answers", str(answers), "--no-save"])
    assert result.exit_code == 1
    assert (
        "there is no answer for 'why' (\"Why?\"). Fix: add a line 'why: ' with some text."
        in " ".join(result.output.split())
    )
    # Text stays optional unless the author says otherwise.
    optional = write(tmp_path, "o.yaml", SHOWN.replace("optional: false, ", ""))
    result = CliRunner().invoke(
        app, ["assess", str(optional), "--answers", str(answers), "--no-save"]
    )
    assert result.exit_code == 0, result.output


def test_an_answer_to_a_hidden_question_gets_a_message(tmp_path: Path) -> None:
    path = write(tmp_path, "shown.yaml", SHOWN)
    answers = write(tmp_path, "a.yaml", "answers: {q1: 'no', q2: 3, q3: 4, why: Because.}\n")
    result = CliRunner().invoke(app, ["assess", str(path), "--answers", str(answers), "--no-save"])
    assert result.exit_code == 1
    assert (
        "answers.q3: 'q3' is only asked when 'q1' is yes, and here it is 'no', so this answer "
        "would not count. Fix: remove the line 'q3: ...', or change the answer to 'q1'."
    ) in " ".join(result.output.split())
