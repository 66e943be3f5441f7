"""Every 'See also' at the end of a shipped guide names a guide that exists."""

from __future__ import annotations

from typer.testing import CliRunner

from coprod_toolkit.catalog import builtin_dir
from coprod_toolkit.cli import app
from coprod_toolkit.guides import all_guides

runner = CliRunner()


def test_every_see_also_names_a_shipped_guide() -> None:
    guides = all_guides([builtin_dir()])
    assert not guides.broken
    for topic, guide in guides.topics.items():
        for other in guide.info.see_also:
            assert other in guides.topics, f"{topic}.md points to a missing guide '{other}'"


def test_every_command_in_see_also_runs() -> None:
    guides = all_guides([builtin_dir()])
    for topic, guide in guides.topics.items():
        for other in guide.info.see_also:
            result = runner.invoke(app, ["guide", other])
            assert result.exit_code == 0, (topic, other, result.output)
