"""History, progress, reports and export over saved reflections."""

from __future__ import annotations

import csv
import io
import json
import math
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from coprod_toolkit import history as history_module
from coprod_toolkit.cli import app
from coprod_toolkit.history import History, change_words, progress, sparkline
from coprod_toolkit.loader import load_exercise
from coprod_toolkit.models import Reflection
from coprod_toolkit.report import markdown
from coprod_toolkit.report_html import CENTRE, RADIUS, html_report
from coprod_toolkit.session import AssessSession, new_draft
from coprod_toolkit.storage import Store
from tests.conftest import ROOT

runner = CliRunner()
SIX = load_exercise(ROOT / "exercises" / "six-principles.yaml")
SECTIONS = [s.id for s in SIX.exercise.sections]


def make(
    home: Path,
    when: datetime,
    value: int = 3,
    name: str | None = "Ana",
    by_section: dict[str, int] | None = None,
    next_step: str | None = "Ask Jo to co-chair.",
    by_question: dict[str, int] | None = None,
) -> Reflection:
    """Save a six-principles reflection finished at `when`, every scale answered `value`
    (or as `by_section` or `by_question` say: before any reversal)."""
    answers: dict[str, object] = {}
    for section, q in SIX.exercise.questions():
        if q.type == "scale":
            v = (by_section or {}).get(section.id, value)
            v = (by_question or {}).get(q.id, v)
            answers[q.id] = 6 - v if getattr(q, "reverse", False) else v
    draft = new_draft(SIX, f"{when:%Y-%m-%d-%H%M}-six-principles", "me", name)
    draft.answers = answers  # type: ignore[assignment]
    draft.next_step = next_step
    reflection = AssessSession(SIX, draft).reflection("my own practice")
    reflection = reflection.model_copy(update={"finished": when, "started": when})
    store = Store(home)
    yaml_path, _ = store.save_reflection(reflection, markdown(reflection, SIX.exercise))
    History(home).remember(reflection.model_copy(update={"id": yaml_path.stem}), yaml_path)
    return reflection


def day(month: int, d: int = 1, year: int = 2026) -> datetime:
    return datetime(year, month, d, 12, 0, tzinfo=UTC)


def test_history_is_newest_first_and_filters(isolated: Path) -> None:
    make(isolated, day(3), 2, "Ana")
    make(isolated, day(6), 3, "Ben")
    make(isolated, day(9), 4, "Ana")
    result = runner.invoke(app, ["history", "--format", "json"])
    rows = json.loads(result.output)
    assert [(r["name"], r["finished"][:10]) for r in rows] == [
        ("Ana", "2026-09-01"),
        ("Ben", "2026-06-01"),
        ("Ana", "2026-03-01"),
    ]
    only_ana = json.loads(
        runner.invoke(app, ["history", "--name", "ana", "--format", "json"]).output
    )
    assert len(only_ana) == 2
    window = runner.invoke(
        app, ["history", "--since", "2026-04-01", "--until", "2026-08-31", "--format", "json"]
    )
    assert [r["name"] for r in json.loads(window.output)] == ["Ben"]
    text = runner.invoke(app, ["history"]).output
    assert "2026-09-01-1200-six-principles: 01 Sep 2026" in text and "Ana: 75 - Strong" in text
    assert text.endswith("3 reflections.\n")


def test_a_bad_date() -> None:
    result = runner.invoke(app, ["history", "--since", "March"])
    assert result.exit_code == 2
    assert (
        result.output
        == "Error: --since March: write the date as year-month-day, like 2026-03-31.\n"
    )


def test_the_index_is_used_and_mended(isolated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = make(isolated, day(3))
    make(isolated, day(4))
    calls: list[Path] = []
    original = history_module.read_summary

    def counting(path: Path) -> history_module.Summary:
        calls.append(path)
        return original(path)

    monkeypatch.setattr(history_module, "read_summary", counting)
    assert len(History(isolated).read()[0]) == 2
    assert calls == []  # both were remembered when saved
    (isolated / "index.sqlite").unlink()
    assert len(History(isolated).read()[0]) == 2
    assert len(calls) == 2  # missing index: rebuilt
    calls.clear()
    path = isolated / "reflections" / f"{first.id}.yaml"
    path.write_text(path.read_text().replace("Ask Jo to co-chair.", "Ask Jo."))
    summaries, _ = History(isolated).read()
    assert calls == [path]  # only the changed file is read again
    assert {s.next_step for s in summaries} == {"Ask Jo.", "Ask Jo to co-chair."}
    path.unlink()
    assert len(History(isolated).read()[0]) == 1


def test_a_corrupt_file_is_skipped_with_a_warning_and_the_rest_shown(isolated: Path) -> None:
    make(isolated, day(3))
    kept = make(isolated, day(4))
    folder = isolated / "reflections"
    (folder / "truncated.yaml").write_text("id: x\nexercise: {id: six-principles\n")
    (folder / "edited.yaml").write_text(
        (folder / f"{kept.id}.yaml").read_text().replace("format: 1", "format: one")
    )
    (folder / "empty.yaml").write_text("")
    result = runner.invoke(app, ["history"])
    assert result.exit_code == 0
    assert (
        f"Skipped {folder / 'truncated.yaml'}: it is not valid YAML: it may be cut short or edited "
        "by hand (line 3: the YAML cannot be read here: a group in curly brackets is not closed)."
        in result.output
    )
    assert (
        f"Skipped {folder / 'edited.yaml'}: it does not hold a complete reflection" in result.output
    )
    assert (
        f"Skipped {folder / 'empty.yaml'}: it does not hold a reflection (the file is empty)."
        in result.output
    )
    assert "2 reflections." in result.output


def reciprocity_run(when: datetime, score: int) -> history_module.Summary:
    """A six-principles run's summary with one section's score, finished at `when`."""
    return history_module.Summary(
        id=f"r{when:%m%d}",
        file=f"r{when:%m%d}.yaml",
        finished=when.isoformat(),
        exercise="six-principles",
        version="1",
        title="Six",
        kind="assessment",
        about="me",
        about_label="me",
        name="Ana",
        overall=float(score),
        band=None,
        verdict=None,
        next_step=None,
        section_scores={"reciprocity": float(score)},
    )


def test_progress_arithmetic_and_words() -> None:
    summaries = [reciprocity_run(day(month), score) for month, score in ((3, 40), (6, 55), (9, 65))]
    result = progress(list(reversed(summaries)), [("reciprocity", "Reciprocity"), ("gone", "Gone")])
    line = result.lines[0]
    assert (line.first, line.previous, line.latest) == (40, 55, 65)
    assert (
        change_words(line, result.runs)
        == "Reciprocity rose from 40 to 65 since March 2026 (up from 55 last time)."
    )
    assert result.lines[1].values == [None, None, None]
    assert sparkline([0, 50, 100, None]) == "▁▅█ "


def test_progress_within_one_month_names_the_day_it_started() -> None:
    """'since December 2026' read oddly of two runs made in December: name the day."""
    summaries = [reciprocity_run(day(12, d), score) for d, score in ((3, 40), (5, 65))]
    result = progress(list(reversed(summaries)), [("reciprocity", "Reciprocity")])
    assert (
        change_words(result.lines[0], result.runs)
        == "Reciprocity rose from 40 to 65 since 3 December 2026."
    )


def test_progress_command(isolated: Path) -> None:
    make(isolated, day(3), 2, by_section={"reciprocity": 2})
    make(isolated, day(9), 3, by_section={"reciprocity": 4})
    make(isolated, day(6), 3, name="Ben")
    result = runner.invoke(app, ["progress"])
    assert result.exit_code == 1
    assert "Several people have results for 'six-principles': Ana, Ben." in result.output
    result = runner.invoke(app, ["progress", "--name", "Ana"])
    assert result.exit_code == 0, result.output
    flat = " ".join(result.output.split())
    assert (
        "Progress for Ana: The six principles of co-production (2 reflections, 01 Mar 2026 to 01 Sep 2026)"
        in flat
    )
    assert (
        "Reciprocity and mutuality: first 25, last time 25, now 75 (change since first +50, since last time +50)"
        in result.output
    )
    assert "Reciprocity and mutuality rose from 25 to 75 since March 2026." in result.output
    assert "Assets rose from 25 to 50 since March 2026." in result.output


def test_progress_of_an_older_version_compares_only_sections_that_still_exist(
    isolated: Path,
) -> None:
    old = make(isolated, day(3), 2)
    path = isolated / "reflections" / f"{old.id}.yaml"
    data = yaml.safe_load(path.read_text())
    data["exercise"]["version"] = "0"
    data["scores"]["sections"][0]["id"] = "retired-section"
    path.write_text(yaml.safe_dump(data))
    make(isolated, day(9), 4)
    history_text = runner.invoke(app, ["history"]).output
    assert "(version 0)" in history_text
    result = runner.invoke(app, ["progress"])
    assert "Assets is at 75; there is nothing earlier to compare with yet." in result.output
    assert "retired" not in result.output


def test_the_html_report_draws_the_scores(
    tmp_path: Path, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make(isolated, day(3), 2)
    latest = make(isolated, day(9), 4, by_section={"assets": 5, "networks": 1})
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["report", "latest"])
    assert result.exit_code == 0, result.output
    page = (tmp_path / f"{latest.id}.html").read_text()
    assert "<svg" in page and "http://" not in page.replace(
        'xmlns="http://www.w3.org/2000/svg"', ""
    )
    points = re.search(r'<polygon class="latest" points="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    for (x, y), section in zip(
        (p.split(",") for p in points.split()), latest.scores.sections, strict=True
    ):
        distance = math.hypot(float(x) - CENTRE, float(y) - CENTRE)
        assert distance == pytest.approx(RADIUS * (section.percent or 0) / 100, abs=0.05)
    assert '<polygon class="previous"' in page
    assert "Ask Jo to co-chair." in page
    again = runner.invoke(app, ["report", "latest"])
    assert again.exit_code == 1 and "already exists" in again.output


def test_report_refs(tmp_path: Path, isolated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    r = make(isolated, day(3))
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["report", r.id, "--format", "md"]).exit_code == 0
    assert (tmp_path / f"{r.id}.md").read_text().startswith("# The six principles of co-production")
    path = isolated / "reflections" / f"{r.id}.yaml"
    assert runner.invoke(app, ["report", str(path), "--to", "x.html"]).exit_code == 0
    unknown = runner.invoke(app, ["report", "2026-03-01-1200-six-principle"])
    assert unknown.exit_code == 2
    assert unknown.output == (
        f"There is no reflection called '2026-03-01-1200-six-principle'. The nearest:\n  {r.id}\n"
    )


def test_markup_in_a_name_is_escaped_in_the_html(isolated: Path) -> None:
    r = make(isolated, day(3), name="<script>alert(1)</script>")
    page = html_report(r)
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_export_round_trips(isolated: Path) -> None:
    a = make(isolated, day(3), 2, name="Ana")
    b = make(isolated, day(6), 4, name="Ben")
    result = runner.invoke(app, ["export"])
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert len(rows) == len(a.answers) + len(b.answers)
    for reflection in (a, b):
        mine = [row for row in rows if row["reflection"] == reflection.id]
        assert [row["question"] for row in mine] == [x.question for x in reflection.answers]
        assert [row["answer"] for row in mine] == [
            str(x.answer) if x.answer is not None else "" for x in reflection.answers
        ]
        assert {row["person"] for row in mine} == {reflection.name}
    anonymous = list(
        csv.DictReader(io.StringIO(runner.invoke(app, ["export", "--anonymous"]).output))
    )
    assert {row["person"] for row in anonymous} == {"Person 1", "Person 2"}
    assert "Ana" not in runner.invoke(app, ["export", "--anonymous", "--format", "jsonl"]).output


def test_last_next_step_is_asked_about_and_kept(tmp_path: Path, isolated: Path) -> None:
    make(isolated, day(3), 3, name="Sam", next_step="Ask Jo to co-chair.")
    answers = {q.id: 4 for _, q in SIX.exercise.questions() if q.type == "scale"}
    path = tmp_path / "a.yaml"
    path.write_text(
        yaml.safe_dump(
            {
                "name": "Sam",
                "answers": answers,
                "last_step_happened": "partly",
                "last_step_learned": "Jo needs notice.",
            }
        )
    )
    assert runner.invoke(app, ["assess", "--answers", str(path)]).exit_code == 0
    newest = sorted((isolated / "reflections").glob("*.yaml"))[-1]
    saved = yaml.safe_load(newest.read_text())
    assert saved["previous_step"]["text"] == "Ask Jo to co-chair."
    assert saved["previous_step"]["happened"] == "partly"
    assert saved["previous_step"]["learned"] == "Jo needs notice."
    report = newest.with_suffix(".md").read_text()
    assert "## Last time's next step" in report and "Did it happen? **Partly**" in report


def test_a_shared_folder_never_clashes(isolated: Path) -> None:
    when = day(3)
    make(isolated, when, name="Ana")
    make(isolated, when, name="Ben")  # same minute, same exercise
    names = sorted(p.name for p in (isolated / "reflections").glob("*.yaml"))
    assert names == ["2026-03-01-1200-six-principles-2.yaml", "2026-03-01-1200-six-principles.yaml"]
    ids = {yaml.safe_load((isolated / "reflections" / n).read_text())["id"] for n in names}
    assert ids == {"2026-03-01-1200-six-principles", "2026-03-01-1200-six-principles-2"}


def test_reflections_saved_without_a_name_are_not_made_one_person(isolated: Path) -> None:
    """--anonymous numbered every nameless reflection 'Person 6', as if one person."""
    make(isolated, day(3), name=None)
    make(isolated, day(4), name=None)
    make(isolated, day(5), name="Ana")
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, ["export", "--anonymous"]).output)))
    assert {row["person"] for row in rows} == {"", "Person 1"}
