"""Guides in the language in use: Welsh where a Welsh guide exists, English for the rest."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coprod_toolkit import i18n
from coprod_toolkit.catalog import builtin_dir
from coprod_toolkit.cli import app
from coprod_toolkit.guides import Guide, all_guides, load_guide

runner = CliRunner()
WELSH = sorted(p.stem for p in (builtin_dir() / "guides" / "cy").glob("*.md"))


def test_every_built_in_guide_has_a_welsh_version() -> None:
    english = {p.stem for p in (builtin_dir() / "guides").glob("*.md")}
    assert set(WELSH) <= english  # a translation always has its English original
    # every built-in guide has its Welsh, as every message in the catalogue does
    assert sorted(english - set(WELSH)) == [], "write the Welsh in exercises/guides/cy/"


def test_in_welsh_a_translated_guide_is_shown_in_welsh(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COPROD_LANG", "cy")
    result = runner.invoke(app, ["guide", "assets", "--plain"])
    assert result.exit_code == 0, result.output
    assert "Asedau" in result.output
    assert "awaits review" not in result.output  # the reviewer's note is not shown


UNTRANSLATED = """---
title: Our own guide
summary: Written by a trainer, in English only.
---
Nothing here is in Welsh yet.

## Try

`coprod assess`
"""


def _english_only(tmp_path: Path) -> Path:
    """A folder of exercises with one guide that has no Welsh version."""
    (tmp_path / "guides").mkdir()
    (tmp_path / "guides" / "our-own.md").write_text(UNTRANSLATED, encoding="utf-8")
    return tmp_path


def test_in_welsh_an_untranslated_guide_falls_back_to_english(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder = str(_english_only(tmp_path))
    monkeypatch.setenv("COPROD_LANG", "cy")
    result = runner.invoke(app, ["guide", "our-own", "--plain", "--exercises", folder])
    assert result.exit_code == 0, result.output
    assert "Nothing here is in Welsh yet." in result.output
    english = runner.invoke(
        app, ["--lang", "en", "guide", "our-own", "--plain", "--exercises", folder]
    ).output
    # The guide's own words are English; coprod's words around it ("See also") are Welsh.
    assert result.output.strip() == english.strip().replace("See also:", "Gweler hefyd:")


def test_each_topic_is_listed_once_in_either_language(tmp_path: Path) -> None:
    folders = [builtin_dir(), _english_only(tmp_path)]
    english = all_guides(folders, lang="en")
    welsh = all_guides(folders, lang="cy")
    assert sorted(english.topics) == sorted(welsh.topics)
    assert welsh.topics["assets"].info.title != english.topics["assets"].info.title
    assert welsh.topics["our-own"].path == english.topics["our-own"].path


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


def _commands(body: str) -> list[str]:
    """The commands to type, in order; a command may be split across two lines."""
    return [" ".join(c.split()) for c in re.findall(r"`coprod\s[^`]*`", body)]


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
    assert _commands(welsh.body) == _commands(english.body)
    # a command is never split across two lines, so --plain shows it cleanly
    for body in (english.body, welsh.body):
        assert all(line.count("`") % 2 == 0 for line in body.splitlines())
    assert welsh.body.rstrip().split("\n## ")[-1].startswith("O ble mae'r syniadau hyn yn dod")
    # marked as a draft for a first-language speaker to review, until one has
    # (docs/translating.md: the reviewer replaces the note with who and when)
    text = welsh.path.read_text(encoding="utf-8")
    assert REVIEW_NOTE in text or "<!-- Reviewed by " in text


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
    words = " ".join(re.sub(r"\x1b\[[0-9;]*m", "", shown).split())
    assert welsh.info.title in words  # a long title may wrap
    assert "**" not in shown and REVIEW_NOTE not in shown
