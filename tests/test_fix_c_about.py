"""'about:' in an answers file is checked with the file's other lines and reported at its line."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from coprod_toolkit.cli import app

runner = CliRunner()


def test_a_wrong_about_is_reported_at_its_line_with_other_problems(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("name: Sam\nanswers:\n  where: enquiry\n  how-deep: nowhere\nabout: team\n")
    result = runner.invoke(app, ["assess", "placement", "--answers", str(path), "--no-save"])
    assert result.exit_code != 0
    flat = " ".join(result.output.split())
    assert "a.yaml:5:" in flat, flat
    assert "'team' is not something placement can be about" in flat
    assert "Fix: change the line to 'about: me'" in flat
    assert "--about team" not in flat
    assert "a.yaml:4:" in flat  # the bad answer is still reported in the same run
    assert "Traceback" not in result.output


def test_a_right_about_in_any_case_is_used(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("about: ME\nanswers: {where: enquiry, how-deep: support}\n")
    result = runner.invoke(app, ["assess", "placement", "--answers", str(path), "--no-save"])
    assert result.exit_code == 0, result.output
