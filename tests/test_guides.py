"""Guides: every topic renders, unknown topics get a suggestion, broken files a message."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from coprod_toolkit.catalog import builtin_dir
from coprod_toolkit.cli import app
from coprod_toolkit.errors import FileProblems
from coprod_toolkit.guides import all_guides, load_guide, plain_text
from tests.conftest import write

runner = CliRunner()
TOPICS = sorted(p.stem for p in (builtin_dir() / "guides").glob("*.md"))
REQUIRED = {
    "principles",
    "four-steps",
    "ladder",
    "co-design",
    "when-to",
    "benefits-and-limits",
    "language",
}


def test_the_required_topics_are_there() -> None:
    assert set(TOPICS) >= REQUIRED


def test_guide_lists_every_topic() -> None:
    result = runner.invoke(app, ["guide"])
    assert result.exit_code == 0
    for topic in TOPICS:
        assert f"  {topic} " in result.output


@pytest.mark.parametrize("topic", TOPICS)
def test_every_topic_renders_plain(topic: str) -> None:
    result = runner.invoke(app, ["guide", topic, "--plain"])
    assert result.exit_code == 0, result.output
    guide = load_guide(builtin_dir() / "guides" / f"{topic}.md")
    assert guide.info.title in result.output
    assert len(result.output.split()) > 60
    assert "**" not in result.output and "\n#" not in result.output


@pytest.mark.parametrize("topic", TOPICS)
def test_every_topic_renders_in_a_terminal(topic: str) -> None:
    import io

    from rich.console import Console

    from coprod_toolkit.cli.guide import render

    out = io.StringIO()
    guide = load_guide(builtin_dir() / "guides" / f"{topic}.md")
    render(Console(file=out, force_terminal=True, width=80), guide, plain=False)
    shown = out.getvalue()
    assert "\x1b[" in shown  # styled by rich
    assert guide.info.title in shown
    assert "**" not in shown


def test_the_principles_guide_covers_all_six() -> None:
    result = runner.invoke(app, ["guide", "principles", "--plain"])
    for name in [
        "Assets",
        "Capabilities",
        "Reciprocity and mutuality",
        "Peer support networks",
        "Blurring roles",
        "Facilitating rather than delivering",
    ]:
        assert name in result.output
    assert result.output.count("Ask yourself:") == 6
    assert result.output.count("In practice:") == 6


def test_aliases_and_a_near_miss() -> None:
    assert runner.invoke(app, ["guide", "six-principles"]).exit_code == 0
    result = runner.invoke(app, ["guide", "princples"])
    assert result.exit_code == 2
    assert result.output.startswith(
        "There is no guide called 'princples'. Did you mean 'principles'?\n"
    )


def test_a_guide_without_a_title(tmp_path: Path) -> None:
    path = write(tmp_path / "guides", "mine.md", "---\nsummary: No title here.\n---\nWords.\n")
    with pytest.raises(FileProblems) as caught:
        load_guide(path)
    assert [str(p) for p in caught.value.problems] == [
        f"{path}:2:1: 'title' is missing. Fix: add a line 'title: ...' here."
    ]
    bare = write(tmp_path / "guides", "bare.md", "Just words, no front matter.\n")
    with pytest.raises(FileProblems) as caught:
        load_guide(bare)
    assert str(caught.value.problems[0]) == (
        f"{bare}:1:1: a guide starts with a line '---', then 'title: ...', then another '---'. "
        "Fix: add those three lines at the top."
    )


def test_trainers_add_and_replace_guides_the_same_way_as_exercises(tmp_path: Path) -> None:
    write(
        tmp_path / "mine" / "guides", "our-charter.md", "---\ntitle: Our charter\n---\nWe agree.\n"
    )
    write(tmp_path / "mine" / "guides", "ladder.md", "---\ntitle: Our own ladder\n---\nRungs.\n")
    write(tmp_path / "mine" / "guides", "broken.md", "---\nsummary: x\n---\n")
    result = runner.invoke(app, ["guide", "--exercises", str(tmp_path / "mine")])
    assert "our-charter" in result.output and "Our own ladder" in result.output
    assert "Skipped a guide that cannot be read" in result.output
    guides = all_guides([builtin_dir(), tmp_path / "mine"])
    assert guides.find("ladder").info.title == "Our own ladder"
    validate = runner.invoke(app, ["exercise", "validate", str(tmp_path / "mine")])
    assert validate.exit_code == 1
    assert "broken.md:2:1: 'title' is missing." in validate.output


def test_plain_text_drops_markdown_symbols() -> None:
    text = plain_text(
        "# Title\n\nSome **bold** and *soft* words, `code`, [a link](http://x).\n* item\n"
    )
    assert text == "Title\n\nSome bold and soft words, code, a link (http://x).\n- item\n"


def test_a_weak_principle_points_to_its_guide_and_an_exercise(tmp_path: Path) -> None:
    import yaml

    from coprod_toolkit.loader import load_exercise
    from tests.conftest import ROOT

    ex = load_exercise(ROOT / "exercises" / "six-principles.yaml").exercise
    answers = {q.id: 4 for _, q in ex.questions() if q.type == "scale"}
    answers.update(
        {q.id: 1 for s, q in ex.questions() if s.id == "blurring-roles" and q.type == "scale"}
    )
    answers["roles-behind-doors"] = 5
    path = tmp_path / "a.yaml"
    path.write_text(yaml.safe_dump({"answers": answers}))
    result = runner.invoke(app, ["assess", "--answers", str(path), "--no-save"])
    flat = " ".join(result.output.split())
    assert (
        "Blurring roles (Early days): read more with 'coprod guide blurring-roles'; "
        "try 'coprod readiness tokenism' or 'coprod assess placement'."
    ) in flat
