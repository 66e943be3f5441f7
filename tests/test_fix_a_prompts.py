"""Review defects 1 and 3: a refused note keeps its text; Enter never picks a rating."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from coprod_toolkit.answers import MAX_TEXT
from coprod_toolkit.loader import LoadedExercise
from coprod_toolkit.prompts import NEEDS_ANSWER, TerminalPrompter
from tests.test_prompts import ask_for, loaded  # noqa: F401

ENTER, BACKSPACE, DOWN = "\r", "\x7f", "\x1b[B"


@pytest.fixture
def keys() -> Iterator[tuple[TerminalPrompter, object, list[str]]]:
    printed: list[str] = []
    with create_pipe_input() as pipe:
        prompter = TerminalPrompter(write=printed.append, input=pipe, output=DummyOutput())
        yield prompter, pipe, printed


def test_a_note_that_is_too_long_comes_back_to_be_shortened(loaded: LoadedExercise, keys) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    prompter, pipe, printed = keys
    # One character too many, refused; then one Backspace on the kept text is enough.
    pipe.send_text("x" * (MAX_TEXT + 1) + ENTER)
    pipe.send_text(BACKSPACE + ENTER)
    assert prompter.ask(ask_for(loaded, "q3")) == "x" * MAX_TEXT
    assert any("still there" in line for line in printed)


def test_enter_on_an_unanswered_rating_asks_again(loaded: LoadedExercise, keys) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    prompter, pipe, printed = keys
    # Enter alone picks nothing: the question is asked again, and 4 then answers it.
    pipe.send_text(ENTER)
    pipe.send_text("4" + ENTER)
    assert prompter.ask(ask_for(loaded, "q1")) == 4
    assert NEEDS_ANSWER in printed


def test_enter_on_an_unanswered_yes_no_asks_again(loaded: LoadedExercise, keys) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    prompter, pipe, printed = keys
    pipe.send_text(ENTER)
    pipe.send_text(DOWN + ENTER)
    assert prompter.ask(ask_for(loaded, "q2")) == "yes"
    assert printed.count(NEEDS_ANSWER) == 1


def test_enter_keeps_an_earlier_answer(loaded: LoadedExercise, keys) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    prompter, pipe, printed = keys
    pipe.send_text(ENTER)
    assert prompter.ask(ask_for(loaded, "q1", current=2, answered=True)) == 2
    assert NEEDS_ANSWER not in printed


def test_a_private_plain_answer_is_never_said_back(loaded: LoadedExercise) -> None:  # noqa: F811
    from tests.test_prompts import scripted

    prompter, printed = scripted(["four - I think mostly", "secret words", "4"])
    assert prompter.ask(ask_for(loaded, "q1", private=True, can_go_back=False)) == 4
    said = "\n".join(printed)
    assert "four - I think mostly" not in said
    assert "Sorry, that is not on the scale. Type a number from" in said
    prompter, printed = scripted(["secret words", "1"])
    assert prompter.ask(ask_for(loaded, "q2", private=True, can_go_back=False)) == "yes"
    assert "secret words" not in "\n".join(printed)


def test_plain_h_gives_help_as_the_readme_says(loaded: LoadedExercise) -> None:  # noqa: F811
    from tests.test_prompts import scripted

    prompter, printed = scripted(["h", "5"])
    assert prompter.ask(ask_for(loaded, "q1")) == 5
    assert "Some help." in printed
    assert any("'h' for help" in line for line in printed)
    assert not any("not on the scale" in line for line in printed)


def test_plain_scale_error_uses_the_prompts_words(loaded: LoadedExercise) -> None:  # noqa: F811
    from tests.test_prompts import scripted

    prompter, printed = scripted(["9", "2"])
    assert prompter.ask(ask_for(loaded, "q1")) == 2
    assert any(
        line.startswith("Sorry, '9' is not on the scale. Type a number from") for line in printed
    )
