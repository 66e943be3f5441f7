"""An exercise's version is a plain number; anything else is an error with a Fix line."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from coprod_toolkit.cli import app
from tests.conftest import ROOT

runner = CliRunner()

EXERCISE = """id: v
version: {version}
title: V
summary: S.
sections:
  - id: a
    title: A
    questions:
      - {{id: q, type: yes_no, text: Is it?}}
"""


@pytest.mark.parametrize("version", ["two", "-3", "'1.x'", "v2", "''", "1.2.3"])
def test_a_version_that_is_not_a_plain_number_is_refused(tmp_path: Path, version: str) -> None:
    path = tmp_path / "v.yaml"
    path.write_text(EXERCISE.format(version=version))
    result = runner.invoke(app, ["exercise", "validate", str(path)])
    assert result.exit_code != 0, result.output
    flat = " ".join(result.output.split())
    assert "v.yaml:2:" in flat
    assert "is not a version number" in flat and "Fix: write a number" in flat
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("version", "shown"), [("1", "1"), ("2", "2"), ("1.1", "1.1"), ("'3'", "3")]
)
def test_plain_numbers_pass(tmp_path: Path, version: str, shown: str) -> None:
    path = tmp_path / "v.yaml"
    path.write_text(EXERCISE.format(version=version))
    result = runner.invoke(app, ["exercise", "validate", str(path)])
    assert result.exit_code == 0, result.output
    shown_out = runner.invoke(app, ["exercise", "show", str(path)])
    assert f"version {shown}" in " ".join(shown_out.output.split())


def test_every_shipped_exercise_still_validates() -> None:
    for path in sorted((ROOT / "exercises").glob("*.yaml")):
        result = runner.invoke(app, ["exercise", "validate", str(path)])
        assert result.exit_code == 0, (path.name, result.output)
