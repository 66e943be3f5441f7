"""Exports and output files that are safe to open (issue 14).

CSV cells a spreadsheet would run are defused, files are private and never
written through a link or over another file, and a terminal shows what is in
an answer instead of acting on it.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pexpect
import pytest
import yaml
from typer.testing import CliRunner

from coprod_toolkit import history as history_module
from coprod_toolkit.cli import app
from coprod_toolkit.storage import dump_yaml
from tests.test_hardening_folder import day, save
from tests.test_terminal import spawn

runner = CliRunner()

HOSTILE = {
    "=1+2": "'=1+2",
    "+SUM(A1:A9)": "'+SUM(A1:A9)",
    "-2+3": "'-2+3",
    "@cmd|' /C calc'!A0": "'@cmd|' /C calc'!A0",
    "\tindented": "'\tindented",
    "\rreturn": "'\rreturn",
    "Plain words, café": "Plain words, café",
    "a = b": "a = b",
}


def hostile_reflection(home: Path) -> Path:
    """A saved reflection whose answers are formulas, with one negative score."""
    saved = save(home, day(3))
    path = home / "reflections" / f"{saved.id}.yaml"
    data = yaml.safe_load(path.read_text())
    for record, text in zip(data["answers"], HOSTILE, strict=False):
        record["answer"] = text
    data["answers"][0]["points"] = -1.0
    data["answers"][1]["text"] = "\x1b[31mred\x1b[0m [bold]markup[/bold]"
    path.write_text(dump_yaml(data))
    return path


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_formula_cells_are_defused_and_read_back_as_text(isolated: Path, tmp_path: Path) -> None:
    hostile_reflection(isolated)
    target = tmp_path / "answers.csv"
    result = runner.invoke(app, ["export", "--to", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads the accents
    rows = read_csv(target)
    answers = [row["answer"] for row in rows[: len(HOSTILE)]]
    assert answers == list(HOSTILE.values())
    assert rows[0]["score"] == "-1.0"  # a number stays a number
    for row in rows:
        for key, value in row.items():
            if key != "score":  # numbers, which cannot be formulas
                assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), row


def test_the_byte_order_mark_can_be_left_out(isolated: Path, tmp_path: Path) -> None:
    save(isolated, day(3))
    target = tmp_path / "plain.csv"
    result = runner.invoke(app, ["export", "--no-bom", "--to", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_bytes().startswith(b"reflection,finished")
    piped = runner.invoke(app, ["export"])
    assert piped.output.startswith("reflection,finished")  # none in a pipe by default
    asked = runner.invoke(app, ["export", "--bom"])
    assert asked.output.startswith("\ufeffreflection,finished")


def test_jsonl_keeps_answers_as_they_were(isolated: Path) -> None:
    hostile_reflection(isolated)
    result = runner.invoke(app, ["export", "--format", "jsonl"])
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["answer"] for r in rows[: len(HOSTILE)]] == list(HOSTILE)


def test_export_to_a_terminal_shows_escape_codes_and_markup_literally(isolated: Path) -> None:
    hostile_reflection(isolated)
    child = spawn(["export"], isolated)
    child.expect(r"\\x1b\[31mred\\x1b\[0m \[bold\]markup\[/bold\]", timeout=30)
    child.expect(pexpect.EOF, timeout=30)
    child.close()
    assert child.exitstatus == 0
    assert "\x1b[31m" not in (child.before or "")


@pytest.mark.parametrize("command", [["export"], ["report", "latest", "--format", "md"]])
def test_output_files_are_private_and_never_overwritten_without_force(
    isolated: Path, tmp_path: Path, command: list[str]
) -> None:
    save(isolated, day(3))
    target = tmp_path / "out.file"
    result = runner.invoke(app, [*command, "--to", str(target)])
    assert result.exit_code == 0, result.output
    assert target.stat().st_mode & 0o777 == 0o600
    first = target.read_text()
    target.write_text("mine")
    again = runner.invoke(app, [*command, "--to", str(target)])
    assert again.exit_code == 1
    assert "Traceback" not in again.output
    assert f"{target} already exists, and coprod will not write over it." in again.output
    assert "add --force to replace it" in again.output
    assert target.read_text() == "mine"
    forced = runner.invoke(app, [*command, "--to", str(target), "--force"])
    assert forced.exit_code == 0, forced.output
    assert target.read_text() == first
    assert target.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize("command", [["export"], ["report", "latest", "--format", "md"]])
def test_output_never_follows_a_symlink(isolated: Path, tmp_path: Path, command: list[str]) -> None:
    save(isolated, day(3))
    elsewhere = tmp_path / "precious.txt"
    elsewhere.write_text("keep me")
    link = tmp_path / "link.out"
    link.symlink_to(elsewhere)
    result = runner.invoke(app, [*command, "--to", str(link)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert f"{link} is a link to another place, and coprod will not write through it." in (
        result.output
    )
    assert elsewhere.read_text() == "keep me"
    forced = runner.invoke(app, [*command, "--to", str(link), "--force"])
    assert forced.exit_code == 0, forced.output
    assert not link.is_symlink()  # the link itself was replaced by the file
    assert elsewhere.read_text() == "keep me"
    dangling = tmp_path / "dangling.out"
    dangling.symlink_to(tmp_path / "nowhere" / "x")
    result = runner.invoke(app, [*command, "--to", str(dangling)])
    assert result.exit_code == 1
    assert not (tmp_path / "nowhere").exists()


@pytest.mark.parametrize("command", [["export"], ["report", "latest", "--format", "md"]])
def test_a_dash_means_the_screen(isolated: Path, command: list[str]) -> None:
    save(isolated, day(3))
    result = runner.invoke(app, [*command, "--to", "-"])
    assert result.exit_code == 0, result.output
    assert not Path("-").exists()
    assert "Wrote" not in result.output
    assert "six-principles" in result.output


def test_writing_into_a_missing_folder_is_a_clear_message(isolated: Path, tmp_path: Path) -> None:
    save(isolated, day(3))
    result = runner.invoke(app, ["export", "--to", str(tmp_path / "no" / "such" / "x.csv")])
    assert result.exit_code == 1
    assert "part of that path does not exist" in result.output
    assert "Traceback" not in result.output


def test_export_uses_the_answers_kept_at_saving_and_notices_edits(
    isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = save(isolated, day(3))
    save(isolated, day(4))

    def never(path: Path) -> None:
        raise AssertionError(f"{path} was parsed, though its answers were kept at saving")

    with monkeypatch.context() as patched:
        patched.setattr(history_module, "read_record", never)
        first = runner.invoke(app, ["export"])
    assert first.exit_code == 0, first.output
    path = isolated / "reflections" / f"{saved.id}.yaml"
    data = yaml.safe_load(path.read_text())
    data["answers"][0]["answer"] = "changed by hand"
    path.write_text(dump_yaml(data))
    os.utime(path, ns=(1, 1))
    again = runner.invoke(app, ["export"])
    rows = list(csv.DictReader(io.StringIO(again.output)))
    assert "changed by hand" in [r["answer"] for r in rows]
    assert len(rows) == len(list(csv.DictReader(io.StringIO(first.output))))


def test_a_broken_file_is_skipped_in_an_export(isolated: Path) -> None:
    save(isolated, day(3))
    bad = isolated / "reflections" / "bad.yaml"
    bad.write_text("id: [\n")
    result = runner.invoke(app, ["export"])
    assert result.exit_code == 0
    assert "Skipped" in result.output and "bad.yaml" in result.output
    rows = list(csv.DictReader(io.StringIO(result.output.split("Skipped")[0])))
    assert rows and all(r["exercise"] == "six-principles" for r in rows)
