"""Guides in the language in use: Welsh where a Welsh guide exists, English for the rest."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from coprod_toolkit import i18n
from coprod_toolkit.catalog import builtin_dir
from coprod_toolkit.cli import app
from coprod_toolkit.guides import Guide, all_guides, load_guide

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
    assert result.output.strip() == english.strip()


def test_each_topic_is_listed_once_in_either_language() -> None:
    folders = [builtin_dir()]
    english = all_guides(folders, lang="en")
    welsh = all_guides(folders, lang="cy")
    assert sorted(english.topics) == sorted(welsh.topics)
    assert welsh.topics["assets"].info.title != english.topics["assets"].info.title
    assert welsh.topics["ladder"] is not None
    assert welsh.topics["ladder"].path == english.topics["ladder"].path


PRINCIPLES = [
    "principles",
    "assets",
    "capabilities",
    "reciprocity",
    "networks",
    "blurring-roles",
    "facilitating",
]
REVIEW_NOTE = "awaits review by a first-language Welsh speaker"


def _structure(body: str) -> list[str]:
    """The shape of a guide: its headings and list items, by kind, in order."""
    shape: list[str] = []
    for line in body.splitlines():
        if line.startswith("#"):
            shape.append(line.split(" ", 1)[0])
        elif line.startswith("- "):
            shape.append("-")
        elif re.match(r"\d+\. ", line):
            shape.append(line.split(" ", 1)[0])
    return shape


def _pair(topic: str) -> tuple[Guide, Guide]:
    english = load_guide(builtin_dir() / "guides" / f"{topic}.md")
    welsh = load_guide(builtin_dir() / "guides" / "cy" / f"{topic}.md")
    return english, welsh


@pytest.mark.parametrize("topic", PRINCIPLES)
def test_each_principle_has_a_welsh_guide_like_its_english_one(topic: str) -> None:
    english, welsh = _pair(topic)
    # a Welsh title and summary, not the English ones
    assert "egwyddor" in welsh.info.title.lower()
    assert welsh.info.title != english.info.title
    assert welsh.info.summary and welsh.info.summary != english.info.summary
    # found in the same place, under the same names, pointing to the same guides
    assert welsh.info.order == english.info.order
    assert welsh.info.see_also == english.info.see_also
    assert welsh.info.aliases == english.info.aliases


@pytest.mark.parametrize("topic", WELSH)
def test_every_welsh_guide_keeps_the_shape_of_its_english_one(topic: str) -> None:
    english, welsh = _pair(topic)
    assert welsh.info.title != english.info.title
    assert (welsh.info.order, welsh.info.see_also, welsh.info.aliases) == (
        english.info.order,
        english.info.see_also,
        english.info.aliases,
    )
    # the same headings and lists, the same commands to type, sources last
    assert _structure(welsh.body) == _structure(english.body)
    commands = r"`coprod [^`]*`"
    assert re.findall(commands, welsh.body) == re.findall(commands, english.body)
    assert welsh.body.rstrip().split("\n## ")[-1].startswith("O ble mae'r syniadau hyn yn dod")
    # marked as a draft for a first-language speaker to review
    assert REVIEW_NOTE in welsh.path.read_text(encoding="utf-8")


@pytest.mark.parametrize("topic", PRINCIPLES)
def test_each_principle_reads_in_welsh(monkeypatch: pytest.MonkeyPatch, topic: str) -> None:
    monkeypatch.setenv("COPROD_LANG", "cy")
    result = runner.invoke(app, ["guide", topic, "--plain"])
    assert result.exit_code == 0, result.output
    assert "egwyddor" in result.output.splitlines()[0].lower()
    assert "**" not in result.output and "\n#" not in result.output
    assert REVIEW_NOTE not in result.output and "<!--" not in result.output


def test_the_welsh_list_of_guides_shows_the_principles_in_welsh() -> None:
    result = runner.invoke(app, ["--lang", "cy", "guide"])
    assert result.exit_code == 0, result.output
    for title in ("Chwe egwyddor cydgynhyrchu", "Egwyddor 2: Galluoedd", "Egwyddor 6: Hwyluso"):
        assert title in result.output


@pytest.mark.parametrize("topic", WELSH)
def test_every_welsh_guide_renders_in_a_terminal(topic: str) -> None:
    import io

    from rich.console import Console

    from coprod_toolkit.cli.guide import render

    out = io.StringIO()
    welsh = load_guide(builtin_dir() / "guides" / "cy" / f"{topic}.md")
    with i18n.using("cy"):
        render(Console(file=out, force_terminal=True, width=80), welsh, plain=False)
    shown = out.getvalue()
    assert "\x1b[" in shown  # styled by rich
    assert welsh.info.title in shown
    assert "**" not in shown and REVIEW_NOTE not in shown
