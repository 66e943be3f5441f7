"""What a group's facilitator types is kept to correct, menus take no stray words for an
answer, and messages read naturally with one thing to choose and names as typed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from coprod_toolkit import i18n
from coprod_toolkit.cli.group import _ask_people
from coprod_toolkit.errors import UsageProblem
from coprod_toolkit.group import check_people
from coprod_toolkit.loader import load_exercise
from coprod_toolkit.prompts import PlainPrompter, TerminalPrompter
from coprod_toolkit.session import ReviewRow

DOWN, ENTER, RUB_OUT = "\x1b[B", "\r", "\x7f"
FINISH = [("finish", "Yes: finish and save the group's record"), ("add", "No: add another action")]


@pytest.fixture
def keys() -> Iterator[tuple[TerminalPrompter, object, list[str]]]:
    said: list[str] = []
    with create_pipe_input() as pipe:
        yield TerminalPrompter(write=said.append, input=pipe, output=DummyOutput()), pipe, said


def test_a_refused_name_comes_back_whole_to_correct(keys) -> None:  # type: ignore[no-untyped-def]
    prompter, pipe, said = keys
    # 'Ana:fr' is refused; the field holds all of it, so two rub-outs and 'cy' mend it.
    pipe.send_text("Ana:fr" + ENTER + RUB_OUT * 2 + "cy" + ENTER + "Ben" + ENTER + ENTER)
    assert _ask_people(prompter, ["en", "cy"]) == (["Ana", "Ben"], {"Ana": "cy"})
    assert any("'fr' after Ana is not a language" in line for line in said)


def test_plain_still_offers_the_name_for_enter() -> None:
    asked: list[str] = []
    feed = iter(["Ana:fr", "", "Ben", ""])

    def read(prompt: str) -> str:
        asked.append(prompt)
        return next(feed)

    prompter = PlainPrompter(read=read, write=lambda _text: None)
    assert _ask_people(prompter, ["en", "cy"]) == (["Ana", "Ben"], {})
    assert asked[1] == "Person 1 [Ana]: "


def test_words_typed_at_finish_and_save_do_not_save(keys) -> None:  # type: ignore[no-untyped-def]
    prompter, pipe, said = keys
    pipe.send_text("perhaps" + ENTER + DOWN + ENTER)
    assert prompter.choose("Finish and save?", FINISH) == "add"
    assert said == [
        "Sorry, 'perhaps' is not one of the answers. Use the arrow keys to choose one, "
        "then press Enter."
    ]


def test_rubbed_out_typing_and_plain_enter_still_choose(keys) -> None:  # type: ignore[no-untyped-def]
    prompter, pipe, said = keys
    pipe.send_text("x" + RUB_OUT + ENTER)
    assert prompter.choose("Finish and save?", FINISH) == "finish"
    pipe.send_text(DOWN + ENTER)
    assert prompter.choose("Finish and save?", FINISH) == "add"
    assert said == []


def test_words_typed_at_a_menu_are_refused_in_welsh(keys) -> None:  # type: ignore[no-untyped-def]
    prompter, pipe, said = keys
    pipe.send_text("efallai" + ENTER + ENTER)
    with i18n.using("cy"):
        assert prompter.choose("Gorffen a chadw?", FINISH) == "finish"
    assert said[0].startswith("Mae'n ddrwg gennym, nid yw 'efallai' yn un o'r atebion.")


def scripted(lines: list[str]) -> tuple[PlainPrompter, list[str]]:
    printed: list[str] = []
    feed = iter(lines)
    return PlainPrompter(read=lambda _prompt: next(feed), write=printed.append), printed


def test_one_answer_to_check_reads_naturally() -> None:
    prompter, printed = scripted(["5", ""])
    assert prompter.review([ReviewRow(1, "Part", "A statement", "Yes")]) is None
    assert "'5' is not the number here. Type 1, or press Enter to see your results." in printed
    assert not any("1 to 1" in line for line in printed)


def test_one_idea_to_change_reads_naturally() -> None:
    prompter, printed = scripted(["5", ""])
    assert prompter._change_item(["A quiet room"], "idea") is None
    assert "'5' is not the number here. Type 1, or press Enter to leave it as it is." in printed
    assert not any("1 to 1" in line for line in printed)
    with i18n.using("cy"):
        prompter, printed = scripted(["5", ""])
        prompter._change_item(["Ystafell dawel"], "idea")
    assert not any("1 i 1" in line for line in printed)


def test_two_people_with_one_name_are_shown_as_typed_first() -> None:
    with pytest.raises(UsageProblem) as e:
        check_people(["Ana", "ana"])
    assert "like 'Ana K' and 'Ana M'" in str(e.value)


@pytest.mark.parametrize(("for_group", "said"), [(False, "passed"), (True, "no agreed answer")])
def test_changing_a_pass_says_it_was_a_pass(tmp_path: Path, for_group: bool, said: str) -> None:
    from tests.conftest import MINIMAL, write
    from tests.test_prompts import ask_for

    loaded = load_exercise(write(tmp_path, "tiny.yaml", MINIMAL))
    ask = ask_for(
        loaded, "q1", answered=True, current=None, can_pass=True, person="Ana", for_group=for_group
    )
    prompter, printed = scripted([""])
    assert prompter.ask(ask) is None  # Enter keeps the pass
    assert f"Your answer so far: {said} (press Enter to keep it)" in printed
    assert not any("skipped" in line for line in printed)
    with i18n.using("cy"):
        prompter, printed = scripted([""])
        prompter.ask(ask)
    assert any("wedi pasio" in line or "cytunwyd" in line for line in printed)
