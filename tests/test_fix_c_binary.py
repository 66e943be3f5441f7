"""A binary file or a stray control character gets a plain message, not libyaml's words."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from coprod_toolkit.cli import app
from coprod_toolkit.errors import FileProblems
from coprod_toolkit.yamlfile import parse_yaml

runner = CliRunner()
TECHNICAL = ("#x", "unacceptable character", "unicode string", "position", "ReaderError")


def test_a_binary_reflection_is_skipped_in_plain_words(tmp_path: Path) -> None:
    home = tmp_path / "home"
    folder = home / "reflections"
    folder.mkdir(parents=True)
    (folder / "junk.yaml").write_bytes(b"\x00\x00\x00\x01ELF binary stuff\n")
    result = runner.invoke(app, ["history"], env={"COPROD_HOME": str(home)})
    assert result.exit_code == 0, result.output
    flat = " ".join(result.output.split())
    assert "junk.yaml: this is not a text file" in flat
    assert not any(word in flat for word in TECHNICAL), flat


def test_a_control_character_says_where_and_how_to_fix() -> None:
    with pytest.raises(FileProblems) as caught:
        parse_yaml("title: ok\nsummary: a\x1bb\n", "x.yaml")
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (2, 11)
    assert "hidden control character (code 27)" in problem.message
    assert "Fix: delete that character" in problem.message
    assert not any(word in problem.message for word in TECHNICAL)


def test_a_binary_exercise_file_is_refused_in_plain_words(tmp_path: Path) -> None:
    path = tmp_path / "bin.yaml"
    path.write_bytes(b"id: x\x00\x00\n")
    result = runner.invoke(app, ["exercise", "validate", str(path)])
    assert result.exit_code != 0
    flat = " ".join(result.output.split())
    assert "this is not a text file" in flat and "Fix:" in flat
    assert not any(word in flat for word in TECHNICAL), flat
