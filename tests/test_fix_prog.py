"""A new user's review of progress, history, report and export (fixprog)."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console
from typer.testing import CliRunner

from coprod_toolkit.cli import app
from coprod_toolkit.history import History, progress
from tests.test_history import SIX, day, make

runner = CliRunner()

CAPABILITIES = [q.id for s, q in SIX.exercise.questions() if s.id == "capabilities"]
CAPABILITIES = [q for q in CAPABILITIES if not q.endswith("barrier")]


def _capabilities(*values: int) -> dict[str, int]:
    """Capabilities answered so: each value (1 to 5) gives value - 1 of 4 points."""
    return dict(zip(CAPABILITIES, values, strict=True))


def _halves(home: Path) -> None:
    """Capabilities at 37.5 (9 of 24 points), then 62.5 (15 of 24): both end in .5."""
    make(home, day(3), 2, name="Sam", by_question=_capabilities(3, 3, 3, 2, 2, 2))
    make(home, day(9), 3, name="Sam", by_question=_capabilities(4, 4, 4, 3, 3, 3))


def _table(home: Path, width: int) -> str:
    from coprod_toolkit.cli.history import progress_table

    found, _ = History(home).read()
    sections = [(s.id, s.title) for s in SIX.exercise.sections if s.scored]
    out = io.StringIO()
    console = Console(file=out, width=width, color_system=None, highlight=False)
    console.print(progress_table(progress(found, sections), width))
    return out.getvalue()


def test_progress_rounds_half_up_as_everywhere_else(isolated: Path) -> None:
    _halves(isolated)
    result = runner.invoke(app, ["progress", "--name", "Sam"])
    assert result.exit_code == 0, result.output
    # 37.5 is 38 and 62.5 is 63, as assess and report show them; the change is the
    # difference of the numbers shown (63 - 38), never 62 - 38 = 24.
    assert (
        "Capabilities: first 38, last time 38, now 63 "
        "(change since first +25, since last time +25)\n" in result.output
    )
    assert "Capabilities rose from 38 to 63 since March 2026.\n" in result.output
    row = next(line for line in _table(isolated, 100).splitlines() if "Capabilities" in line)
    assert row.split()[-5:] == ["38", "38", "63", "+25", "+25"], row
