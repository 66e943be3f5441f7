"""A guided group session is exported row by row, and history names its piece of work."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime
from pathlib import Path

import yaml
from typer.testing import CliRunner

from coprod_toolkit.cli import app
from coprod_toolkit.models import Action, ExerciseRef, GroupRecord, StepRecord

runner = CliRunner()
WHEN = datetime(2026, 11, 23, 20, 0, tzinfo=UTC)


def _save(home: Path) -> None:
    record = GroupRecord(
        id="20261123-200000-group",
        exercise=ExerciseRef(id="four-steps", version="1", title="Four steps", hash="x"),
        kind="guided",
        about="me",
        about_label="this piece of work",
        people=["Ana", "Ben", "Cy"],
        started=WHEN,
        finished=WHEN,
        shares={"Ana": 2, "Ben": 1, "Cy": 0},
        topic="the new carers' group",
        steps=[
            StepRecord(
                step="get-started",
                title="Get started",
                contributions={"Ana": ["Ask carers first", "Book a room"], "Ben": ["=SUM(A1)"]},
            )
        ],
        actions=[Action(what="Book the hall", who=["Ana", "Cy"], when=date(2026, 12, 1))],
    )
    folder = home / "reflections"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{record.id}.yaml").write_text(
        yaml.safe_dump(record.model_dump(mode="json"), sort_keys=False)
    )


def test_contributions_and_actions_are_exported(isolated: Path) -> None:
    home = isolated.parent / "home"
    _save(home)
    result = runner.invoke(app, ["export"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    ideas = [(r["person"], r["section"], r["text"], r["answer"]) for r in rows]
    assert ideas == [
        ("Ana", "get-started", "Get started", "Ask carers first"),
        ("Ana", "get-started", "Get started", "Book a room"),
        ("Ben", "get-started", "Get started", "'=SUM(A1)"),  # defused, never a formula
        ("Ana; Cy", "actions", "By 2026-12-01", "Book the hall"),
    ]
    written = runner.invoke(app, ["export", "--to", "out.csv"])
    assert written.exit_code == 0, written.output
    assert "Wrote 0 answers and 4 ideas and actions from group steps from 1 reflection" in (
        " ".join(written.output.split())
    )


def test_anonymous_export_hides_every_name_in_an_action(isolated: Path) -> None:
    home = isolated.parent / "home"
    _save(home)
    result = runner.invoke(app, ["export", "--anonymous"])
    assert result.exit_code == 0, result.output
    assert not any(name in result.output for name in ("Ana", "Ben", "Cy"))
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert rows[-1]["person"] == "Person 1; Person 3"


def test_history_shows_the_groups_named_piece_of_work(isolated: Path) -> None:
    home = isolated.parent / "home"
    _save(home)
    result = runner.invoke(app, ["history", "--plain"])
    assert result.exit_code == 0, result.output
    flat = " ".join(result.output.split())
    assert "about the new carers' group" in flat
    assert "about this piece of work" not in flat
