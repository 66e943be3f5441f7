"""Real questionary widgets fed keystrokes through a pipe, and the plain prompter."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from coprod_toolkit.errors import Interrupted
from coprod_toolkit.loader import LoadedExercise, load_exercise
from coprod_toolkit.prompts import PlainPrompter, TerminalPrompter
from coprod_toolkit.session import BACK, Ask, AssessSession, new_draft
from tests.conftest import MINIMAL, ROOT, write

DOWN, ENTER = "\x1b[B", "\r"


@pytest.fixture
def loaded(tmp_path: Path) -> LoadedExercise:
    return load_exercise(write(tmp_path, "tiny.yaml", MINIMAL))


def ask_for(loaded: LoadedExercise, qid: str, **kw: object) -> Ask:
    ex = loaded.exercise
    for section, q in ex.questions():
        if q.id == qid:
            fields: dict[str, object] = dict(
                exercise=ex,
                section=section,
                question=q,
                text=ex.wording(q, "me"),
                number=1,
                total=5,
                current=None,
                answered=False,
                can_go_back=True,
                new_section=True,
            )
            fields.update(kw)
            return Ask(**fields)  # type: ignore[arg-type]
    raise KeyError(qid)


@pytest.fixture
def keys() -> Iterator[tuple[TerminalPrompter, object, list[str]]]:
    printed: list[str] = []
    with create_pipe_input() as pipe:
        prompter = TerminalPrompter(write=printed.append, input=pipe, output=DummyOutput())
        yield prompter, pipe, printed


def test_a_number_key_picks_that_point_of_the_scale(loaded: LoadedExercise, keys) -> None:  # type: ignore[no-untyped-def]
    prompter, pipe, _ = keys
    pipe.send_text("4" + ENTER)
    assert prompter.ask(ask_for(loaded, "q1")) == 4


def test_arrow_keys_move_from_the_current_answer(loaded: LoadedExercise, keys) -> None:  # type: ignore[no-untyped-def]
    prompter, pipe, _ = keys
    pipe.send_text(DOWN + ENTER)
    assert prompter.ask(ask_for(loaded, "q1", current=2, answered=True)) == 3


def test_help_then_an_answer(loaded: LoadedExercise, keys) -> None:  # type: ignore[no-untyped-def]
    prompter, pipe, printed = keys
    pipe.send_text("h" + ENTER + "5" + ENTER)
    assert prompter.ask(ask_for(loaded, "q1")) == 5
    assert "Help: Some help." in printed


def test_go_back(loaded: LoadedExercise, keys) -> None:  # type: ignore[no-untyped-def]
    prompter, pipe, _ = keys
    pipe.send_text("b" + ENTER)
    assert prompter.ask(ask_for(loaded, "q2")) is BACK


def test_yes_no_and_choice(loaded: LoadedExercise, keys) -> None:  # type: ignore[no-untyped-def]
    prompter, pipe, _ = keys
    # The menu starts on "Choose an answer", not on an answer: one more DOWN to reach each.
    pipe.send_text(DOWN + DOWN + DOWN + ENTER)
    assert prompter.ask(ask_for(loaded, "q2")) == "not_sure"
    pipe.send_text(DOWN + DOWN + ENTER)
    assert prompter.ask(ask_for(loaded, "q5")) == "b"


def test_free_text_and_back(loaded: LoadedExercise, keys) -> None:  # type: ignore[no-untyped-def]
    prompter, pipe, _ = keys
    pipe.send_text("We asked Jo." + ENTER)
    assert prompter.ask(ask_for(loaded, "q3")) == "We asked Jo."
    pipe.send_text("back" + ENTER)
    assert prompter.ask(ask_for(loaded, "q3")) is BACK


def test_ctrl_c_becomes_interrupted(loaded: LoadedExercise, keys) -> None:  # type: ignore[no-untyped-def]
    prompter, pipe, _ = keys
    pipe.send_text("\x03")
    with pytest.raises(Interrupted):
        prompter.ask(ask_for(loaded, "q1"))


def scripted(lines: list[str]) -> tuple[PlainPrompter, list[str]]:
    printed: list[str] = []
    feed = iter(lines)

    def read(prompt: str) -> str:
        printed.append(prompt)
        try:
            return next(feed)
        except StopIteration:
            raise EOFError from None

    return PlainPrompter(read=read, write=printed.append), printed


def test_plain_prompter_runs_a_whole_session(loaded: LoadedExercise) -> None:
    prompter, printed = scripted(
        ["", "9", "?", "4", "b", "3", "1", "", "2", "1", "nonsense", "1", "5", "", "Try it."]
    )
    session = AssessSession(loaded, new_draft(loaded, "r", "me", None))
    session.run(prompter)
    session.ask_next_step(prompter)
    assert session.draft.answers == {"q1": 5, "q2": "yes", "q3": None, "q4": 2, "q5": "a"}
    assert session.draft.next_step == "Try it."
    text = "\n".join(printed)
    assert "Sorry, an answer is needed. Type a number from 1 to 5." in text
    assert "Sorry, '9' is not on the scale. Type a number from 1 to 5." in text
    assert "Some help." in text
    assert "== Check your answers ==" in text
    assert "'nonsense' is not one of the numbers 1 to 5." in text
    assert "\x1b" not in text


def test_plain_prompter_end_of_input_is_an_interruption(loaded: LoadedExercise) -> None:
    prompter, _ = scripted(["4"])
    session = AssessSession(loaded, new_draft(loaded, "r", "me", None))
    with pytest.raises(Interrupted):
        session.run(prompter)
    assert session.draft.answers == {"q1": 4}


def _dates_typed(*typed: str, current: date | None = None) -> tuple[date | None, list[str]]:
    said: list[str] = []
    answers = iter(typed)
    prompter = PlainPrompter(read=lambda prompt: next(answers), write=said.append)
    return prompter._when(current), said


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("2030-12-31", date(2030, 12, 31)),
        ("31/12/2030", date(2030, 12, 31)),  # day first, as people write it in the UK
        ("1/2/2030", date(2030, 2, 1)),
        ("01.02.2030", date(2030, 2, 1)),
        (" 31-12-2030 ", date(2030, 12, 31)),
        ("31 December 2030", date(2030, 12, 31)),  # as coprod writes dates itself
        ("1 feb 2030", date(2030, 2, 1)),
    ],
)
def test_a_date_is_read_as_people_write_it(typed: str, meant: date) -> None:
    assert _dates_typed(typed) == (meant, [])


def test_a_date_in_welsh_words_is_read_in_welsh() -> None:
    """'31 Rhagfyr 2026' was 'not a date', though coprod writes Welsh dates so."""
    from coprod_toolkit import i18n

    with i18n.using("cy"):
        assert _dates_typed("31 Rhagfyr 2030") == (date(2030, 12, 31), [])
        when, said = _dates_typed("30 Chwefror 2030", "1 Mawrth 2030")
    assert when == date(2030, 3, 1)
    assert len(said) == 1 and "30 Chwefror 2030" in said[0]  # no such day, said so


def test_what_is_no_date_is_said_plainly_and_asked_again() -> None:
    when, said = _dates_typed("31/02/2030", "12/31/2030", "next week", "2030-01-31")
    assert when == date(2030, 1, 31)
    assert said == [
        "Sorry, '31/02/2030' is not a day on the calendar: check the day and the month.",
        "Sorry, '12/31/2030' is not a day on the calendar: check the day and the month.",
        "Sorry, 'next week' is not a date. Write it like 2026-12-31 or 31/12/2026.",
    ]


def test_a_date_already_past_is_asked_again_unless_it_was_the_date_before() -> None:
    when, said = _dates_typed("01/01/2020", "")
    assert when is None
    assert said == [
        "Sorry, 1 January 2020 has already passed. Give a date from today on, "
        "or press Enter to leave it open."
    ]
    kept = date(2020, 1, 1)  # an action's date, set long ago: Enter keeps it
    assert _dates_typed("", current=kept) == (kept, [])


def test_an_answered_optional_note_says_enter_keeps_it_and_nothing_else(
    loaded: LoadedExercise,
) -> None:
    """'press Enter to keep it' and 'Enter to skip' on one screen contradicted each other."""
    note = loaded.exercise.question("q3")
    assert note is not None
    optional = note.model_copy(update={"optional": True})
    prompts: list[str] = []
    said: list[str] = []

    def read(prompt: str) -> str:
        prompts.append(prompt)
        return ""

    prompter = PlainPrompter(read=read, write=said.append)
    kept = prompter.ask(
        ask_for(loaded, "q3", question=optional, answered=True, current="We met at the cafe.")
    )
    assert kept == "We met at the cafe."
    assert any("(press Enter to keep it)" in line for line in said)
    assert "Enter to skip" not in prompts[0]
    fresh: list[str] = []
    PlainPrompter(read=lambda p: fresh.append(p) or "", write=said.append).ask(
        ask_for(loaded, "q3", question=optional)
    )
    assert "Enter to skip" in fresh[0]


def test_enter_on_a_scale_with_unknown_names_the_key_to_type() -> None:
    """Enter alone said 'or unknown (...)': the word of answers files, not the key 'u'."""

    six = load_exercise(ROOT / "exercises" / "six-principles.yaml")
    prompter, printed = scripted(["", "u"] + ["3"] * 60 + [""] * 20)
    session = AssessSession(six, new_draft(six, "r", "me", None))
    with contextlib.suppress(Interrupted):
        session.run(prompter)
    text = "\n".join(printed)
    assert (
        "Sorry, an answer is needed. Type a number from 1 to 5, or u for 'Does not apply / "
        "I don't know'." in text
    )
    assert "or unknown" not in text


def test_a_choice_in_plain_never_names_values_the_screen_does_not_show() -> None:
    """Enter at placement's first question listed 'enquiry, consultation, ...': words the
    screen never shows (it shows numbered descriptions), and English ones in Welsh."""
    placement = load_exercise(ROOT / "exercises" / "placement.yaml")
    prompter, printed = scripted(["", "foo", "1"] + [""] * 10)
    session = AssessSession(placement, new_draft(placement, "r", "me", None))
    with contextlib.suppress(Interrupted):  # the script ends part-way: input closed
        session.run(prompter)
    text = "\n".join(printed)
    assert "Sorry, an answer is needed. Type a number from 1 to 5." in text
    assert "Sorry, 'foo' is not one of the answers. Type a number from 1 to 5." in text
    assert "enquiry, consultation" not in text
