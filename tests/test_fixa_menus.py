"""Menu choices are never cut off at the terminal's edge: a long one is folded onto the
following lines, under its own text, at whatever width the terminal has."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output.vt100 import Vt100_Output

from coprod_toolkit import i18n
from coprod_toolkit.loader import load_exercise
from coprod_toolkit.prompts import TerminalPrompter, options_for
from coprod_toolkit.session import Ask
from coprod_toolkit.translations import localise
from tests.conftest import ROOT

DOWN, ENTER = "\x1b[B", "\r"
ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
LONG = (
    "The six principles of co-production, Ana Morgan, about our service, last answered "
    "4 December 2026 23:53 (12 answers)"
)


def on_screen(columns: int, keys: str, run: Callable[[TerminalPrompter], Any]) -> tuple[Any, str]:
    """What a prompter shows in a terminal `columns` wide, as a person would read it."""
    screen = io.StringIO()
    output = Vt100_Output(screen, lambda: Size(rows=60, columns=columns), term="xterm")
    with create_pipe_input() as pipe:
        prompter = TerminalPrompter(write=lambda _text: None, input=pipe, output=output)
        pipe.send_text(keys)
        result = run(prompter)
    return result, screen.getvalue()


def words(shown: str) -> str:
    return " ".join(ESCAPE.sub("", shown).split())


def lines(shown: str) -> list[str]:
    """Every line drawn; prompt_toolkit moves the cursor up before it draws again."""
    return [
        line
        for frame in re.split(r"\x1b\[\d*A", shown)
        for line in re.split(r"\r?\n", ESCAPE.sub("", frame))
    ]


@pytest.mark.parametrize("columns", [60, 80, 100])
def test_a_long_choice_is_shown_whole(columns: int) -> None:
    picked, shown = on_screen(
        columns,
        ENTER,
        lambda p: p.choose("Which run?", [("a", "Short"), ("b", LONG), ("c", LONG + " again")]),
    )
    assert picked == "a"
    assert words(LONG) in words(shown)
    assert words(LONG + " again") in words(shown)
    assert all(len(line) <= columns for line in lines(shown))
    # The further lines start under the first one's text, not at the edge.
    ends = [line for line in lines(shown) if line.endswith("answers)")]
    assert ends and all(line.startswith("   ") and line[3] != " " for line in ends)


def test_the_answer_picked_stays_on_screen_whole() -> None:
    picked, shown = on_screen(
        80, DOWN + ENTER, lambda p: p.choose("Which?", [("a", "A"), ("b", LONG)])
    )
    assert picked == "b"
    after = shown.rsplit("Which?", 1)[1]
    assert words(LONG) in words(after)  # folded between words, never inside one
    assert all(len(line) <= 80 for line in lines(shown))


@pytest.mark.parametrize("language", ["en", "cy"])
@pytest.mark.parametrize("columns", [80, 100])
def test_every_placement_answer_is_readable_whole(language: str, columns: int) -> None:
    with i18n.using(language):
        loaded = localise(load_exercise(ROOT / "exercises" / "placement.yaml"), language)
        ex = loaded.exercise
        for number, (section, q) in enumerate(ex.questions(), 1):
            options = options_for(ex, q)
            if not options:
                continue
            ask = Ask(
                exercise=ex,
                section=section,
                question=q,
                text=ex.wording(q, "service"),
                number=number,
                total=3,
                current=None,
                answered=False,
                can_go_back=number > 1,
                new_section=True,
            )
            picked, shown = on_screen(columns, "1" + ENTER, lambda p, a=ask: p.ask(a))
            assert picked == options[0][0]
            for _value, label in options:
                assert words(label) in words(shown), label
            assert all(len(line) <= columns for line in lines(shown))


def test_long_ticked_answers_are_shown_whole(tmp_path: Path) -> None:
    from tests.conftest import MINIMAL, write
    from tests.test_prompts import ask_for

    often = "Often, when the people who use the service are asked and have time to prepare"
    never = "Never, because nobody has yet found a way to ask the people who use it directly"
    yaml_text = (
        MINIMAL.replace("type: choice", "type: multi")
        .replace("label: Often", f"label: '{often}'")
        .replace("label: Never", f"label: '{never}'")
    )
    loaded = load_exercise(write(tmp_path, "tiny.yaml", yaml_text))
    picked, shown = on_screen(80, " " + ENTER, lambda p: p.ask(ask_for(loaded, "q5")))
    assert picked == ["a"]
    assert words(often) in words(shown) and words(never) in words(shown)
    assert all(len(line) <= 80 for line in lines(shown))
