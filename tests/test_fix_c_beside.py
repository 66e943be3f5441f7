"""report --beside never says 'the same work' when the two looked at different things."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from coprod_toolkit.cli import app
from tests.test_instruments_beside import reflect


def test_different_subjects_are_said_to_differ(tmp_path: Path) -> None:
    staff = reflect(tmp_path, "Jo", "service", {"a1": 5, "r1": 4, "n1": 5})
    person = reflect(tmp_path, "Sam", "support", {"a1": 2, "r1": 3, "n1": 1})
    for fmt, name in (("md", "b.md"), ("html", "b.html")):
        result = CliRunner().invoke(
            app, ["report", str(staff), "--beside", str(person), "--format", fmt, "--to", name]
        )
        assert result.exit_code == 0, result.output
        text = " ".join(Path(name).read_text().split())
        assert "the same work" not in text
        assert "looked at different things (the service I work in; the service I use)" in text


def test_the_same_subject_still_says_the_same_work(tmp_path: Path) -> None:
    one = reflect(tmp_path, "Jo", "service", {"a1": 5, "r1": 4, "n1": 5})
    two = reflect(tmp_path, "Ali", "service", {"a1": 2, "r1": 3, "n1": 1})
    result = CliRunner().invoke(
        app, ["report", str(one), "--beside", str(two), "--format", "md", "--to", "c.md"]
    )
    assert result.exit_code == 0, result.output
    text = " ".join(Path("c.md").read_text().split())
    assert "each saw the same work from where they stand" in text
    assert "different things" not in text
