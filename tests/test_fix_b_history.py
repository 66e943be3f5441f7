"""A new user's review of history, progress, export and damaged files (fix b)."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console
from typer.testing import CliRunner

from coprod_toolkit.cli import app
from coprod_toolkit.cli.history import print_history_table
from coprod_toolkit.history import History
from tests.test_history import day, make

runner = CliRunner()


def _table(home: Path, width: int) -> str:
    found, _ = History(home).read()
    out = io.StringIO()
    console = Console(file=out, width=width, color_system=None, highlight=False, markup=False)
    print_history_table(console, found)
    return out.getvalue()


def test_the_history_table_never_cuts_an_id(isolated: Path) -> None:
    make(isolated, day(3))
    make(isolated, day(4), name="Someone with a long name")
    ids = sorted(p.stem for p in (isolated / "reflections").glob("*.yaml"))
    for width in (60, 80, 100, 160):
        shown = _table(isolated, width)
        lines = shown.splitlines()
        assert "…" not in shown, shown
        for ident in ids:
            assert any(ident in line.split() for line in lines), (width, shown)
        assert all(len(line.rstrip()) <= width for line in lines), shown


def test_the_history_table_says_what_a_reflection_is_about_as_the_file_does(
    isolated: Path,
) -> None:
    make(isolated, day(3))  # about: me, about_label: my own practice
    for width in (80, 200):
        shown = _table(isolated, width)
        assert "my own" in shown and "practice" in shown, shown  # folded at 80 columns
        assert " me " not in shown, shown
    assert "my own practice" in _table(isolated, 200)
    piped = runner.invoke(app, ["history"]).output
    assert "about my own practice" in piped


def test_progress_numbers_stay_whole_and_on_their_row_at_80_columns(isolated: Path) -> None:
    from coprod_toolkit.cli.history import progress_table
    from coprod_toolkit.history import SPARKS, progress
    from tests.test_history import SIX

    make(isolated, day(3), 2)
    make(isolated, day(9), 3, by_section={"reciprocity": 4})
    found, _ = History(isolated).read()
    sections = [(s.id, s.title) for s in SIX.exercise.sections if s.scored]
    result = progress(found, sections)
    for width in (60, 80, 100):
        out = io.StringIO()
        console = Console(file=out, width=width, color_system=None, highlight=False)
        console.print(progress_table(result, width))
        lines = out.getvalue().splitlines()
        assert all(len(line.rstrip()) <= width for line in lines), out.getvalue()
        charted = [line for line in lines if any(c in line for c in SPARKS)]
        rows = {line.split()[0]: line.split()[-5:] for line in charted}
        assert rows["Assets"] == ["25", "25", "50", "+25", "+25"], out.getvalue()
        assert rows["Reciprocity"] == ["25", "25", "75", "+50", "+50"], out.getvalue()
        assert rows["Overall"][-1].startswith("+"), out.getvalue()


def test_placement_progress_lists_each_sections_reading_not_scores(tmp_path: Path) -> None:
    for where, depth in (("co-design", "support"), ("co-production", "transformation")):
        path = tmp_path / "p.yaml"
        path.write_text(f"answers: {{where: {where}, how-deep: {depth}}}\n")
        result = runner.invoke(app, ["assess", "placement", "--answers", str(path)])
        assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["progress", "placement"])
    assert result.exit_code == 0, result.output
    text = result.output
    for word in ("Overall", "rose", "first 75", "100"):
        assert word not in text, text
    lines = text.splitlines()
    fits, deep = lines.index("Where this work fits"), lines.index("How deep it goes")
    assert [line.split(": ")[-1] for line in lines[fits + 1 : fits + 3]] == [
        "Co-design",
        "Co-production",
    ]
    assert [line.split(": ")[-1] for line in lines[deep + 1 : deep + 3]] == [
        "Support",
        "Transformation",
    ]
    listed = runner.invoke(app, ["history"]).output  # history shows the readings too
    assert listed.count("placement") == 2
    assert ": Co-production; Transformation" in listed and ": Co-design; Support" in listed
    assert ": 67" not in listed and ": 100" not in listed, listed


def test_checklist_progress_shows_its_verdicts_over_time(tmp_path: Path) -> None:
    from tests.test_checklists import readiness_answers

    path = readiness_answers(tmp_path)
    assert runner.invoke(app, ["readiness", "--answers", str(path)]).exit_code == 0
    result = runner.invoke(app, ["progress", "readiness"])
    assert result.exit_code == 0, result.output
    assert "no saved results" not in result.output
    assert "What the checklist said each time:" in result.output
    assert result.output.rstrip().endswith(": Ready"), result.output


def test_export_counts_in_words_that_agree_with_the_number(isolated: Path) -> None:
    reflection = make(isolated, day(3))
    result = runner.invoke(app, ["export", "--to", "a.csv"])
    assert result.exit_code == 0, result.output
    answers = len(reflection.answers)
    assert f"Wrote {answers} answers from 1 reflection to a.csv" in result.output
    assert b"\r\n" in Path("a.csv").read_bytes()  # a file keeps CSV's own line ends


def test_export_on_a_terminal_shows_plain_lines(isolated: Path) -> None:
    from tests.test_terminal import spawn

    make(isolated, day(3))
    child = spawn(["export"], isolated)
    seen = child.read()  # everything, to the end
    child.close()
    assert "six-principles" in seen
    assert "\\x0d" not in seen, seen[:400]


def _damage(home: Path, source: Path) -> tuple[Path, Path]:
    import yaml

    data = yaml.safe_load(source.read_text())
    data["finished"] = ""
    dated = home / "reflections" / "2026-01-05-0000-baddate.yaml"
    dated.write_text(yaml.safe_dump(data))
    data = yaml.safe_load(source.read_text())
    del data["scores"]["sections"][0]["id"]
    typed = home / "reflections" / "2026-01-06-0000-wrongtype.yaml"
    typed.write_text(yaml.safe_dump(data))
    return dated, typed


def test_damaged_files_are_named_in_plain_words_after_the_output(isolated: Path) -> None:
    kept = make(isolated, day(3))
    source = isolated / "reflections" / f"{kept.id}.yaml"
    dated, typed = _damage(isolated, source)
    result = runner.invoke(app, ["history"])
    assert result.exit_code == 0, result.output
    text = result.output
    assert text.index("1 reflection.") < text.index("Skipped"), text
    assert (
        f"Skipped {dated}: it does not hold a complete reflection: the date it was finished "
        "is missing or not a date." in text
    )
    assert (
        f"Skipped {typed}: it does not hold a complete reflection: the line 'id:' under "
        "'scores:' is missing." in text
    )
    for programmer in ("Input should", "Field required", "sections.0"):
        assert programmer not in text, text
    report = runner.invoke(app, ["report", str(source), "--to", "r.html"])
    assert report.exit_code == 0, report.output
    assert report.output.index("Wrote r.html") < report.output.index("Skipped"), report.output


def test_a_report_of_a_damaged_reflection_says_it_is_there_but_cannot_be_read(
    isolated: Path,
) -> None:
    kept = make(isolated, day(3))
    _, typed = _damage(isolated, isolated / "reflections" / f"{kept.id}.yaml")
    result = runner.invoke(app, ["report", typed.stem])
    assert result.exit_code != 0
    flat = " ".join(result.output.split())
    assert "There is no reflection called" not in flat
    assert (
        f"The reflection '{typed.stem}' is there ({typed}), but it cannot be read, because it "
        "does not hold a complete reflection: the line 'id:' under 'scores:' is missing." in flat
    ), flat


def test_placement_progress_in_welsh_lists_the_welsh_readings(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("answers: {where: co-design, how-deep: support}\n")
    assert runner.invoke(app, ["assess", "placement", "--answers", str(path)]).exit_code == 0
    result = runner.invoke(app, ["--lang", "cy", "progress", "placement"])
    assert result.exit_code == 0, result.output
    flat = " ".join(result.output.split())
    assert "Cyd-ddylunio" in flat and "Overall" not in flat and "{" not in flat, flat
    assert "mae'r canlyniadau'n cael eu rhestru gyda'r lleill" in flat, flat
    checklist = runner.invoke(app, ["--lang", "cy", "progress", "readiness"])
    assert checklist.exit_code == 0
    assert "coprod readiness readiness" in checklist.output  # nothing saved yet: say how
