"""Which language an exercise is done in, when it comes in more than one.

A language named for the run (--lang, COPROD_LANG) is used as it is. The computer's own
settings, when they name a language coprod speaks, count as the person's choice: nothing
is asked (so nobody is asked on every run), and each other language is offered in one
line, written in that language. Only when nothing names a language is the person asked.
"""

from __future__ import annotations

from typing import Any

import pytest

from coprod_toolkit import i18n
from coprod_toolkit.catalog import find
from coprod_toolkit.cli.assess import ask_language
from coprod_toolkit.loader import language_of


class Prompter:
    def __init__(self, answer: str | None = None) -> None:
        self.said: list[str] = []
        self.asked: list[tuple[str, list[tuple[str, str]], Any]] = []
        self.answer = answer

    def say(self, text: str = "") -> None:
        self.said.append(text)

    def choose(self, message: str, choices: list[tuple[str, str]], default: Any = None) -> str:
        self.asked.append((message, choices, default))
        assert self.answer is not None, "nothing should have been asked"
        return self.answer


def run(monkeypatch: pytest.MonkeyPatch, environ: dict[str, str], prompter: Prompter) -> str:
    import importlib

    app_module = importlib.import_module("coprod_toolkit.cli.app")
    choice = i18n.choose(None, environ)
    monkeypatch.setattr(app_module, "language_choice", choice)
    monkeypatch.setattr("sys.argv", ["coprod", "readiness"])
    i18n.set_language(choice.language)
    loaded = ask_language(find("readiness"), prompter)  # type: ignore[arg-type]
    return language_of(loaded)


def test_a_welsh_computer_gets_welsh_and_an_offer_in_english(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    prompter = Prompter()
    assert run(monkeypatch, {"LANG": "cy_GB.UTF-8"}, prompter) == "cy"
    assert prompter.asked == []
    assert prompter.said == ["You can do this exercise in English too: coprod --lang en readiness"]


def test_an_english_computer_gets_english_and_an_offer_in_welsh(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    prompter = Prompter()
    assert run(monkeypatch, {"LANG": "en_GB.UTF-8"}, prompter) == "en"
    assert prompter.asked == []
    assert prompter.said == [
        "Gallwch chi wneud yr ymarfer hwn yn Gymraeg hefyd: coprod --lang cy readiness"
    ]


@pytest.mark.parametrize("environ", [{}, {"LANG": "C.UTF-8"}, {"LANG": "fr_FR.UTF-8"}])
def test_when_nothing_names_a_language_the_person_is_asked(
    monkeypatch: pytest.MonkeyPatch, environ: dict[str, str]
) -> None:
    prompter = Prompter(answer="cy")
    assert run(monkeypatch, environ, prompter) == "cy"
    assert [c for c, _name in prompter.asked[0][1]] == ["en", "cy"]
    # asked in both: the person may not read the language coprod fell back to
    assert prompter.asked[0][0] == (
        "Which language would you like to use? / Pa iaith hoffech chi ei defnyddio?"
    )
    assert i18n.language() == "cy"  # coprod's own words follow the choice


@pytest.mark.parametrize("environ", [{"COPROD_LANG": "en"}, {"COPROD_LANG": "cy"}])
def test_a_language_named_for_the_run_is_neither_asked_nor_offered(
    monkeypatch: pytest.MonkeyPatch, environ: dict[str, str]
) -> None:
    prompter = Prompter()
    run(monkeypatch, environ | {"LANG": "fr_FR.UTF-8"}, prompter)
    assert prompter.asked == [] and prompter.said == []
