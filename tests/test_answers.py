"""Answers files and typed answers share one set of rules, with clear messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from coprod_toolkit.answers import BadAnswer, load_answers, parse_answer
from coprod_toolkit.errors import FileProblems
from coprod_toolkit.loader import load_exercise
from coprod_toolkit.models import Exercise
from tests.conftest import MINIMAL, ROOT, write


@pytest.fixture
def tiny(tmp_path: Path) -> Exercise:
    return load_exercise(write(tmp_path, "tiny.yaml", MINIMAL)).exercise


def q(ex: Exercise, qid: str):  # type: ignore[no-untyped-def]
    question = ex.question(qid)
    assert question is not None
    return question


@pytest.mark.parametrize(
    ("qid", "raw", "expected"),
    [
        ("q1", 3, 3),
        ("q1", "4", 4),
        ("q1", "always true", 5),
        ("q2", "Yes", "yes"),
        ("q2", True, "yes"),
        ("q2", "n", "no"),
        ("q2", "not sure", "not_sure"),
        ("q5", "A", "a"),
        ("q5", "never", "b"),
        ("q3", "  words ", "words"),
        ("q3", "", None),
    ],
)
def test_answers_that_fit(tiny: Exercise, qid: str, raw: object, expected: object) -> None:
    assert parse_answer(tiny, q(tiny, qid), raw) == expected


@pytest.mark.parametrize(
    ("qid", "raw", "message"),
    [
        ("q1", 6, "'6' is not on the scale: use a whole number from 1 to 5"),
        ("q1", "lots", "'lots' is not on the scale: use a whole number from 1 to 5"),
        ("q1", True, "'true' is not on the scale: use a whole number from 1 to 5"),  # as written
        ("q1", None, "an answer is needed: a whole number from 1 to 5"),
        ("q2", "maybe", "'maybe' is not an answer here: use yes, no or not sure"),
        ("q5", "c", "'c' is not an option here: use one of: a, b"),
    ],
)
def test_answers_that_do_not_fit(tiny: Exercise, qid: str, raw: object, message: str) -> None:
    with pytest.raises(BadAnswer) as caught:
        parse_answer(tiny, q(tiny, qid), raw)
    assert str(caught.value) == message


def test_a_good_answers_file(tiny: Exercise, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "a.yaml",
        """
        name: Ana
        about: service
        answers:
          q1: 4
          q2: yes
          q3: An example.
          q4: 2
          q5: a
        next_step: Ask Jo.
        """,
    )
    given = load_answers(path, tiny)
    assert given.answers == {"q1": 4, "q2": "yes", "q3": "An example.", "q4": 2, "q5": "a"}
    assert (given.name, given.about, given.next_step) == ("Ana", "service", "Ask Jo.")


def test_missing_out_of_range_and_unknown_answers_are_all_named(
    tiny: Exercise, tmp_path: Path
) -> None:
    path = write(
        tmp_path,
        "a.yaml",
        """
        answers:
          q1: 9
          q2: maybe
          q44: 2
        nmae: Ana
        """,
    )
    with pytest.raises(FileProblems) as caught:
        load_answers(path, tiny)
    assert str(caught.value) == "\n".join(
        [
            f"{path}:1:1: answers: there is no answer for 'q4' (\"I avoid it.\"). "
            "Fix: add a line 'q4: ' with a whole number from 1 to 5.",
            f"{path}:1:1: answers: there is no answer for 'q5' (\"Pick one.\"). "
            "Fix: add a line 'q5: ' with one of: a, b.",
            f"{path}:2:7: answers.q1: \"I do one thing.\": '9' is not on the scale: "
            "use a whole number from 1 to 5.",
            f"{path}:3:7: answers.q2: \"Do you do another?\": 'maybe' is not an answer here: "
            "use yes, no or not sure.",
            f"{path}:4:3: answers.q44: there is no question 'q44' in tiny. Did you mean 'q4'? "
            "Fix: use the question ids that this lists: coprod exercise show tiny",
            f"{path}:5:1: nmae: 'nmae' is not something an answers file holds. Did you mean "
            "'name'? Fix: use only exercise, name, about, answers, next_step, last_step_happened, last_step_learned.",
            f"6 problems in answers file {path}.",
        ]
    )


def test_an_exercise_given_as_a_file_is_named_as_a_file_in_the_fix(
    tmp_path: Path, isolated: Path
) -> None:
    """'coprod exercise show tiny' fails when tiny is only a file the person named."""
    from typer.testing import CliRunner

    from coprod_toolkit.cli.app import app

    exercise = write(tmp_path / "my exercises", "tiny.yaml", MINIMAL)
    answers = write(tmp_path, "answers.yaml", "answers:\n  q44: 2\n")
    result = CliRunner().invoke(app, ["assess", str(exercise), "--answers", str(answers)])
    assert result.exit_code == 1
    assert (
        f"Fix: use the question ids that this lists: coprod exercise show '{exercise}'"
        in " ".join(result.output.split())
    )


def test_u_in_an_answers_file_is_does_not_apply_as_at_the_questions() -> None:
    """'u' is the key people learn on screen; an answers file refused it."""
    from coprod_toolkit.models import UNKNOWN

    six = load_exercise(ROOT / "exercises" / "six-principles.yaml").exercise
    question = six.question("assets-strengths")
    assert question is not None
    assert parse_answer(six, question, "u") == UNKNOWN
    assert parse_answer(six, question, "U") == UNKNOWN
