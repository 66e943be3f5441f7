"""A new user's review of progress, history, report and export (fixprog)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
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


def test_a_narrow_terminal_never_cuts_a_number(isolated: Path) -> None:
    import re

    from coprod_toolkit.cli.history import _progress_cells

    make(isolated, day(3), 3, name="Sam", by_question=_capabilities(4, 4, 4, 3, 3, 3))
    make(
        isolated,
        day(9),
        4,
        name="Sam",
        by_section={"assets": 1},
        by_question=_capabilities(3, 3, 3, 2, 2, 2),
    )
    found, _ = History(isolated).read()
    sections = [(s.id, s.title) for s in SIX.exercise.sections if s.scored]
    result = progress(found, sections)
    expected = {cell for line in [*result.lines, result.overall] for cell in _progress_cells(line)}
    assert {"63", "38", "-25", "-50", "+25"} <= expected
    number = re.compile(r"(?<![\w+-])[+-]?\d+(?!\w)")
    for width in (40, 45, 60, 80):
        shown = _table(isolated, width)
        lines = shown.splitlines()
        assert all(len(line.rstrip()) <= width for line in lines), shown
        assert "…" not in shown, shown
        assert set(number.findall(shown)) == expected, (width, shown)
    # Too narrow for the table: each section on a line of its own, folded between words.
    flat = " ".join(_table(isolated, 45).split())
    assert (
        "Capabilities: first 63, last time 63, now 38 "
        "(change since first -25, since last time -25)" in flat
    )
    assert "Assets: first 50, last time 50, now 0 (change since first -50," in flat
    # Wide enough: the table, each number in its own column.
    row = next(line for line in _table(isolated, 60).splitlines() if "Capabilities" in line)
    assert row.split()[-5:] == ["63", "63", "38", "-25", "-25"], row


def test_the_anonymous_label_progress_offers_works_as_typed(isolated: Path) -> None:
    make(isolated, day(3), 2, name="Sam")
    make(isolated, day(4), 3, name=None)
    make(isolated, day(5), 4, name="Anonymous Smith")
    offered = runner.invoke(app, ["progress"])
    assert offered.exit_code == 1
    assert "'six-principles': (anonymous), Anonymous Smith, Sam." in offered.output
    for typed in ("(anonymous)", "anonymous", " Anonymous ", ""):
        result = runner.invoke(app, ["progress", "--name", typed])
        assert result.exit_code == 0, (typed, result.output)
        assert result.output.startswith(
            "Progress for anonymous: The six principles of co-production "
            "(1 reflection, 01 Apr 2026 to 01 Apr 2026)\n"
        ), (typed, result.output)
    smith = runner.invoke(app, ["progress", "--name", "anonymous smith"])
    assert smith.output.startswith("Progress for anonymous smith: The six principles"), smith.output
    for typed in ("(dienw)", "dienw", "anonymous"):
        welsh = runner.invoke(app, ["--lang", "cy", "progress", "--name", typed])
        assert welsh.exit_code == 0, (typed, welsh.output)
        assert welsh.output.startswith("Cynnydd dienw: Chwe egwyddor cydgynhyrchu"), welsh.output
    listed = runner.invoke(app, ["history", "--name", "anonymous"])
    assert listed.exit_code == 0, listed.output
    assert listed.output == (
        "2026-04-01-1200-six-principles: 01 Apr 2026 12:00, The six principles of "
        "co-production (version 2), about my own practice, anonymous: 50 - Growing\n"
        "1 reflection.\n"
    )
    exported = runner.invoke(app, ["export", "--name", "(anonymous)", "--format", "jsonl"])
    assert {line.split('"reflection": "')[1][:30] for line in exported.output.splitlines()} == {
        "2026-04-01-1200-six-principles"
    }


def test_a_mistyped_out_folder_is_said_to_be_wrong_not_empty(
    isolated: Path, tmp_path: Path
) -> None:
    make(isolated, day(3))
    missing = tmp_path / "no" / "such"
    a_file = tmp_path / "notes.txt"
    a_file.write_text("notes\n")
    for command in (["history"], ["progress"], ["report"], ["export"]):
        result = runner.invoke(app, [*command, "--out", str(missing)])
        assert result.exit_code == 2, (command, result.output)
        assert result.output == (
            f"Error: --out {missing}: there is no folder there. Fix: give the folder your "
            "reflections are kept in (it holds a folder called reflections).\n"
        ), result.output
        result = runner.invoke(app, [*command, "--out", str(a_file)])
        assert result.exit_code == 2, (command, result.output)
        assert result.output == (
            f"Error: --out {a_file}: that is a file, not a folder. Fix: give the folder "
            "your reflections are kept in (it holds a folder called reflections).\n"
        ), result.output
    welsh = runner.invoke(app, ["--lang", "cy", "history", "--out", str(missing)])
    assert welsh.output == (
        f"Gwall: --out {missing}: does dim ffolder yno. I'w drwsio: rhowch y ffolder lle "
        "cedwir eich myfyrdodau (mae'n dal ffolder o'r enw reflections).\n"
    ), welsh.output
    # A folder that is there, with nothing saved in it yet, is simply empty.
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(app, ["history", "--out", str(empty)])
    assert result.exit_code == 0
    assert result.output == "There are no saved reflections yet. Start one with: coprod assess\n"


def test_nothing_readable_is_not_called_nothing_saved(isolated: Path) -> None:
    """'No saved reflections ... Start one' was said of a folder whose one file was damaged."""
    saved = make(isolated, day(3))
    path = isolated / "reflections" / f"{saved.id}.yaml"
    path.write_text(path.read_text().replace("format: 1", "format: one"))
    (isolated / "index.sqlite").unlink()
    result = runner.invoke(app, ["history"])
    assert result.exit_code == 0
    assert result.output.startswith(
        "The saved reflection could not be read: the file is named below, with what is "
        "wrong with it.\nSkipped "
    ), result.output
    report = runner.invoke(app, ["report", "latest"])
    assert report.exit_code == 1
    assert report.output.startswith(
        "Error: The saved reflection could not be read: the file is named below"
    ), report.output


def test_a_mistyped_exercise_gets_a_did_you_mean(isolated: Path) -> None:
    make(isolated, day(3))
    for command in ("history", "export"):
        result = runner.invoke(app, [command, "--exercise", "six-principle"])
        assert result.exit_code == 2, result.output
        assert result.output.startswith(
            "There is no exercise called 'six-principle'. Did you mean 'six-principles'?\n"
            "The exercises coprod knows:\n"
        ), result.output
    # An exercise coprod knows, with nothing saved on it: simply nothing to list.
    result = runner.invoke(app, ["history", "--exercise", "tokenism"])
    assert result.exit_code == 0
    assert result.output == (
        "None of the saved reflections match --exercise tokenism. To see them all: coprod history\n"
    )


def test_choices_that_leave_nothing_are_said_to_be_the_reason(isolated: Path) -> None:
    """'No saved reflections match. Start one with: coprod assess' read as if all were lost."""
    make(isolated, day(3))
    result = runner.invoke(app, ["history", "--since", "2099-01-01", "--name", "Ana"])
    assert result.exit_code == 0
    assert result.output == (
        "None of the saved reflections match --name Ana --since 2099-01-01. "
        "To see them all: coprod history\n"
    )


def test_dates_the_wrong_way_round_are_said_to_be(isolated: Path) -> None:
    make(isolated, day(3))
    for command in ("history", "export"):
        result = runner.invoke(app, [command, "--since", "2027-01-01", "--until", "2026-01-01"])
        assert result.exit_code == 2, result.output
        assert result.output == (
            "Error: --since 2027-01-01 is after --until 2026-01-01: the dates are the wrong "
            "way round. Fix: give the earlier day with --since.\n"
        ), result.output
    same_day = runner.invoke(app, ["history", "--since", "2026-03-01", "--until", "2026-03-01"])
    assert same_day.exit_code == 0 and "1 reflection." in same_day.output


def test_the_about_help_says_what_really_happens_for_any_exercise() -> None:
    shown = " ".join(runner.invoke(app, ["progress", "--help"]).output.split())
    assert (
        "--about WORD Only the reflections about this subject: one of the words the exercise "
        "offers, such as me or service ('coprod exercise show NAME' lists them). Leave out "
        "to follow the subject of the newest reflection; any others are named."
    ) in shown
    assert "to be asked" not in shown and "six principles can be" not in shown
    shown = " ".join(runner.invoke(app, ["readiness", "--help"]).output.split())
    assert (
        "--about WORD What the checklist is about, if it offers a choice ('coprod exercise "
        "show NAME' lists the words it takes). The built-in checklists each have only one, "
        "so leave this out."
    ) in shown
    assert "six principles can be" not in shown


def test_a_damaged_file_is_not_named_before_an_error_about_the_commands_own_input(
    isolated: Path,
) -> None:
    make(isolated, day(3), name="Sam")
    make(isolated, day(4), name="Zoë")
    broken = isolated / "reflections" / "broken.yaml"
    broken.write_text("junk: [\n")
    skipped = f"Skipped {broken}: it is not valid YAML"
    # Wrong input: the error alone.
    for command in (
        ["history", "--since", "2026-13-01"],
        ["history", "--since", "2027-01-01", "--until", "2026-01-01"],
        ["history", "--exercise", "six-principle"],
        ["export", "--exercise", "six-principle"],
        ["progress", "six-principle"],
        ["report", "nope"],
    ):
        result = runner.invoke(app, command)
        assert result.exit_code == 2, (command, result.output)
        assert skipped not in result.output, (command, result.output)
    assert runner.invoke(app, ["history", "--since", "2026-13-01"]).output == (
        "Error: --since 2026-13-01: there is no such day. Fix: check the month (1 to 12) and "
        "the day.\n"
    )
    # Another failure: the error first, then the damaged file.
    result = runner.invoke(app, ["progress"])
    assert result.exit_code == 1
    assert result.output.index("Several people have results") < result.output.index(skipped)
    # The error is about the damaged file itself: it is named once.
    result = runner.invoke(app, ["report", "broken"])
    assert result.exit_code == 1
    assert result.output.count(str(broken)) == 1, result.output
    # Success: the output, then the damaged file, as before.
    result = runner.invoke(app, ["history"])
    assert result.exit_code == 0
    assert result.output.index("2 reflections.") < result.output.index(skipped)


def test_the_reflections_folder_itself_given_for_out_is_said_to_be(isolated: Path) -> None:
    make(isolated, day(3))
    inside = isolated / "reflections"
    result = runner.invoke(app, ["history", "--out", str(inside)])
    assert result.exit_code == 2, result.output
    assert result.output == (
        f"Error: --out {inside}: this is the reflections folder itself. Fix: give the "
        f"folder it is in: --out {isolated}\n"
    )
    assert runner.invoke(app, ["history", "--out", str(isolated)]).exit_code == 0


def test_a_group_named_as_history_shows_it_in_welsh_works_as_typed(
    tmp_path: Path, isolated: Path
) -> None:
    from tests.test_group import MINIMAL, group_file, write

    path = write(tmp_path, "tiny.yaml", MINIMAL)
    result = runner.invoke(app, ["group", str(path), "--answers", str(group_file(tmp_path))])
    assert result.exit_code == 0, result.output
    make(isolated, day(3), name="Sam")
    listed = runner.invoke(app, ["--lang", "cy", "history"]).output
    assert "Grŵp: Ana, Ben, Chi" in listed
    for typed in ("Grŵp: Ana, Ben, Chi", "Group: Ana, Ben, Chi"):
        result = runner.invoke(app, ["--lang", "cy", "history", "--name", typed])
        assert result.exit_code == 0 and "Grŵp: Ana, Ben, Chi" in result.output, result.output
        assert "Sam" not in result.output
    english = runner.invoke(app, ["history", "--name", "Group: Ana, Ben, Chi"]).output
    assert "Group: Ana, Ben, Chi" in english and "Sam" not in english
    alone = runner.invoke(app, ["--lang", "cy", "progress", "tiny"])
    assert alone.output.startswith("Cynnydd Grŵp: Ana, Ben, Chi"), alone.output
    shown = runner.invoke(
        app, ["--lang", "cy", "progress", "tiny", "--name", "Grŵp: Ana, Ben, Chi"]
    )
    assert shown.output.startswith("Cynnydd Grŵp: Ana, Ben, Chi"), shown.output


def test_resume_with_a_mistyped_out_folder_says_so(tmp_path: Path) -> None:
    """'There is nothing to resume' (exit 0) for a folder that is not there hid a typo."""
    missing = tmp_path / "plainou"
    result = runner.invoke(app, ["resume", "--out", str(missing)])
    assert result.exit_code == 2, result.output
    assert f"--out {missing}: there is no folder there." in result.output
    drafts = tmp_path / "kept" / "drafts"
    drafts.mkdir(parents=True)
    result = runner.invoke(app, ["resume", "--out", str(drafts)])
    assert result.exit_code == 2, result.output
    assert (
        f"--out {drafts}: this is the drafts folder itself. Fix: give the folder it is in: "
        f"--out {drafts.parent}" in " ".join(result.output.split())
    )
    result = runner.invoke(app, ["resume", "--out", str(drafts.parent)])
    assert result.exit_code == 0
    assert "There is nothing to resume" in result.output


def test_progress_of_one_reflection_shows_its_scores_not_changes_of_nothing(
    isolated: Path,
) -> None:
    """'change since first 0' beside 'nothing earlier to compare with' for one reflection."""
    make(isolated, day(3))
    result = runner.invoke(app, ["progress"])
    assert result.exit_code == 0, result.output
    assert (
        "There is one reflection so far, so there is no change to show yet. Its scores:"
        in result.output
    )
    assert "  Overall: 50\n" in result.output
    assert "change since first" not in result.output


def test_coprod_home_that_is_a_file_is_said_to_be(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """COPROD_HOME set to a file gave 'no saved reflections', exit 0."""
    afile = tmp_path / "notes.txt"
    afile.write_text("x")
    monkeypatch.setenv("COPROD_HOME", str(afile))
    result = runner.invoke(app, ["history"])
    assert result.exit_code == 2
    assert f"COPROD_HOME {afile}: that is a file, not a folder." in result.output
