"""Guides in the language in use: Welsh where a Welsh guide exists, English for the rest."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from coprod_toolkit.catalog import builtin_dir
from coprod_toolkit.cli import app
from coprod_toolkit.guides import all_guides

runner = CliRunner()
WELSH = sorted(p.stem for p in (builtin_dir() / "guides" / "cy").glob("*.md"))


def test_welsh_guides_exist_for_the_topics_they_translate() -> None:
    english = {p.stem for p in (builtin_dir() / "guides").glob("*.md")}
    assert "assets" in WELSH
    assert set(WELSH) <= english  # a translation always has its English original


def test_in_welsh_a_translated_guide_is_shown_in_welsh(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COPROD_LANG", "cy")
    result = runner.invoke(app, ["guide", "assets", "--plain"])
    assert result.exit_code == 0, result.output
    assert "Asedau" in result.output
    assert "awaits review" not in result.output  # the reviewer's note is not shown


def test_in_welsh_an_untranslated_guide_falls_back_to_english(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COPROD_LANG", "cy")
    result = runner.invoke(app, ["guide", "ladder", "--plain"])
    assert result.exit_code == 0, result.output
    english = runner.invoke(app, ["--lang", "en", "guide", "ladder", "--plain"]).output
    # The guide's own words are English; coprod's words around it ("See also") are Welsh.
    assert result.output.strip() == english.strip().replace("See also:", "Gweler hefyd:")


def test_each_topic_is_listed_once_in_either_language() -> None:
    folders = [builtin_dir()]
    english = all_guides(folders, lang="en")
    welsh = all_guides(folders, lang="cy")
    assert sorted(english.topics) == sorted(welsh.topics)
    assert welsh.topics["assets"].info.title != english.topics["assets"].info.title
    assert welsh.topics["ladder"] is not None
    assert welsh.topics["ladder"].path == english.topics["ladder"].path
