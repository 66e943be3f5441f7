"""coprod history, progress, report and export: reflections over time."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from coprod_toolkit.cli.app import app
from coprod_toolkit.cli.common import AboutOpt, ExercisesOpt, OutOpt, PlainShowOpt, console_for

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from coprod_toolkit.history import Broken, Summary

ExerciseFilter = Annotated[
    str | None,
    typer.Option("--exercise", help="Only this exercise (its id).", metavar="ID"),
]
NameFilter = Annotated[
    str | None, typer.Option("--name", help="Only this person or group.", metavar="NAME")
]
SinceFilter = Annotated[
    str | None, typer.Option("--since", help="Only from this day on.", metavar="YYYY-MM-DD")
]
UntilFilter = Annotated[
    str | None, typer.Option("--until", help="Only up to this day.", metavar="YYYY-MM-DD")
]
FormatOpt = Annotated[
    Literal["text", "json"],
    typer.Option("--format", help="text for people, json for other tools.", metavar="text|json"),
]


ForceOpt = Annotated[
    bool,
    typer.Option("--force", help="Replace the file given with --to if it is already there."),
]


def _day(value: str | None, option: str) -> date | None:
    from coprod_toolkit.errors import UsageProblem

    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise UsageProblem(
            f"{option} {value}: write the date as year-month-day, like 2026-03-31."
        ) from None


def index_progress() -> Callable[[int, int], None] | None:
    """A line on stderr that counts up while the index is rebuilt; only on a terminal."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        end = "\n" if done >= total else ""
        sys.stderr.write(f"\rReading your saved reflections: {done:,} of {total:,}{end}")
        sys.stderr.flush()

    return show


def _summaries(
    out: Path | None,
    exercise: str | None = None,
    name: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> list[Summary]:
    """Every matching reflection, newest first; unreadable files are named on stderr."""
    from coprod_toolkit.history import History, filtered
    from coprod_toolkit.storage import default_home

    root = out.expanduser() if out else default_home()
    summaries, broken = History(root, index_progress()).read()
    _skipped(root, broken)
    return filtered(summaries, exercise, name, _day(since, "--since"), _day(until, "--until"))


def _files(
    out: Path | None,
    exercise: str | None,
    name: str | None,
    since: str | None,
    until: str | None,
) -> list[str]:
    """The files of every matching reflection, oldest first: names only, for export."""
    from coprod_toolkit.history import History, keeper
    from coprod_toolkit.storage import default_home

    root = out.expanduser() if out else default_home()
    keep = keeper(exercise, name, _day(since, "--since"), _day(until, "--until"))
    files, broken = History(root, index_progress()).files(keep)
    _skipped(root, broken)
    return files


def _skipped(root: Path, broken: list[Broken]) -> None:
    """Name each file that could not be read, on stderr, and carry on."""
    from coprod_toolkit.text import printable

    for b in broken:
        sys.stderr.write(printable(f"Skipped {root / 'reflections' / b.file}: {b.message}.\n"))


@app.command()
def history(
    exercise: ExerciseFilter = None,
    name: NameFilter = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    output: FormatOpt = "text",
    out: OutOpt = None,
    plain: PlainShowOpt = False,
) -> None:
    """List your saved reflections, newest first.

    Examples:

      coprod history

      coprod history --exercise six-principles --name Sam --since 2026-01-01
    """
    _history(exercise, name, since, until, output, out, plain)


def _history(
    exercise: str | None,
    name: str | None,
    since: str | None,
    until: str | None,
    output: str,
    out: Path | None,
    plain: bool,
) -> None:
    import json
    from dataclasses import asdict

    from coprod_toolkit.errors import UsageProblem

    if output not in ("text", "json"):
        raise UsageProblem(f"--format {output}: use text or json.")
    found = _summaries(out, exercise, name, since, until)
    if output == "json":
        typer.echo(json.dumps([asdict(s) for s in found], indent=2, ensure_ascii=False))
        return
    if not found:
        typer.echo("No saved reflections match. Start one with: coprod assess")
        return
    from rich.table import Table
    from rich.text import Text

    from coprod_toolkit.text import printable

    # A table is for a screenful; a long history is written as lines, which is far quicker.
    plain = plain or not sys.stdout.isatty() or len(found) > 200
    console = console_for(plain)
    if plain:
        from coprod_toolkit.history import local_time

        lines = [
            f"{s.id}: {local_time(s.finished)}, {s.title}"
            f"{f' (version {s.version})' if s.version != '1' else ''}, "
            f"about {s.about_label}, {s.name or 'anonymous'}: {s.reading or 'no score'}"
            for s in found
        ]
        sys.stdout.write(printable("\n".join(lines)) + "\n")
        sys.stdout.flush()
    else:
        table = Table(show_header=True, header_style="bold", box=None)
        for column in ("When", "Exercise", "About", "Who", "Result", "Id"):
            table.add_column(column)
        for s in found:
            version = f" (v{s.version})" if s.version != "1" else ""
            table.add_row(
                f"{s.when.astimezone():%d %b %Y %H:%M}",
                Text(printable(s.exercise + version)),
                Text(printable(s.about)),
                Text(printable(s.name or "anonymous")),
                Text(printable(s.reading or "-")),
                Text(printable(s.id)),
            )
        console.print(table)
    console.print(f"{len(found)} reflection{'s' if len(found) != 1 else ''}.")


@app.command()
def progress(
    exercise: Annotated[
        str, typer.Argument(help="The exercise to follow over time.", metavar="EXERCISE")
    ] = "six-principles",
    name: NameFilter = None,
    about: AboutOpt = None,
    out: OutOpt = None,
    plain: PlainShowOpt = False,
    exercises: ExercisesOpt = None,
) -> None:
    """See how each principle's score has changed over time, for one person or group.

    Only reflections on the same subject are compared: "about me" runs with "about
    me" runs, "about service" runs with "about service" runs.

    Examples:

      coprod progress

      coprod progress six-principles --name Sam --about service
    """
    _progress(exercise, name, out, plain, exercises, about)


def _progress(
    exercise: str,
    name: str | None,
    out: Path | None,
    plain: bool,
    exercises: list[Path] | None,
    about: str | None = None,
) -> None:
    from rich.text import Text

    from coprod_toolkit.errors import CoprodError, NotFound
    from coprod_toolkit.history import change_words, progress, sparkline
    from coprod_toolkit.text import printable

    runs = [s for s in _summaries(out, exercise) if s.kind != "checklist"]
    if not runs:
        from coprod_toolkit.catalog import find

        find(exercise, exercises)  # an id that is no exercise at all is a usage mistake
        typer.echo(
            f"There are no saved results for '{exercise}' yet. Start with: coprod assess {exercise}"
        )
        return
    names = sorted({s.name or "" for s in runs}, key=str.casefold)
    if name is None:
        if len(names) > 1:
            listed = ", ".join(n or "(anonymous)" for n in names)
            raise CoprodError(
                f"Several people have results for '{exercise}': {listed}.\n"
                "Fix: say whose progress to show, like: "
                f'coprod progress {exercise} --name "{next((n for n in names if n), "")}"'
            )
        name = names[0]
    mine = [s for s in runs if (s.name or "").casefold() == name.casefold()]
    if not mine:
        raise NotFound(
            f"There are no results for '{name}' on '{exercise}'. "
            f"Fix: use one of: {', '.join(n or '(anonymous)' for n in names)}."
        )
    mine, note = _same_subject(mine, about, exercise)
    versions = sorted({s.version for s in mine})
    if len(versions) > 1:  # a new version asks different questions: say so, plainly
        note = (note + " " if note else "") + (
            "The questions changed between these reflections (versions "
            f"{', '.join(versions[:-1])} and {versions[-1]} of the exercise), so a change "
            "in score may come from the new questions, not only from a change in the work."
        )
    sections: list[tuple[str, str]]
    try:
        from coprod_toolkit.catalog import find

        current = find(exercise, exercises).exercise
        sections = [(s.id, s.title) for s in current.sections if s.scored]
    except CoprodError:
        # the exercise is gone: the newest run's own sections, named from their ids
        sections = [(sid, sid.replace("-", " ").capitalize()) for sid in mine[0].section_scores]
    result = progress(mine, sections)
    plain = plain or not sys.stdout.isatty()
    console = console_for(plain)
    first, last = result.runs[0].when.astimezone(), result.runs[-1].when.astimezone()
    who = name or "anonymous"
    count = len(result.runs)
    console.print(
        Text(
            printable(
                f"Progress for {who}: {result.runs[-1].title} ({count} reflection"
                f"{'s' if count != 1 else ''}, {first:%d %b %Y} to {last:%d %b %Y})"
            ),
            style="" if plain else "bold",
        )
    )
    if note:
        console.print(Text(printable(note)), soft_wrap=True)
    console.print()
    width = max(len(line.title) for line in [*result.lines, result.overall])

    def number(value: float | None) -> str:
        return "-" if value is None else str(round(value))

    def signed(a: float | None, b: float | None) -> str:
        if a is None or b is None:
            return "-"
        change = round(b) - round(a)
        return f"{change:+d}" if change else "0"

    if not plain:
        console.print(
            Text(
                f"{'':{width}}  {'Over time':12}  First  Last time  Now  "
                "Since first  Since last time",
                style="bold",
            )
        )
    for line in [*result.lines, result.overall]:
        was, previous, latest = number(line.first), number(line.previous), number(line.latest)
        since_first = signed(line.first, line.latest)
        since_last = signed(line.previous, line.latest)
        if plain:
            shown = (
                f"{line.title}: first {was}, last time {previous}, now {latest} "
                f"(change since first {since_first}, since last time {since_last})"
            )
        else:
            chart = sparkline(line.values[-12:])
            shown = (
                f"{line.title:{width}}  {chart:12}  {was:>5}  {previous:>9}  {latest:>3}  "
                f"{since_first:>11}  {since_last:>15}"
            )
        console.print(Text(printable(shown)), soft_wrap=True)
    console.print()
    for line in result.lines:
        console.print(Text(printable(change_words(line, result.runs))))


def _same_subject(
    runs: list[Summary], about: str | None, exercise: str
) -> tuple[list[Summary], str]:
    """Only the runs on one subject (newest first), and a note naming any others left out.

    A run "about me" and a run "about service" answer different questions, so they
    are never drawn as each other's "last time". Without --about, the subject of
    the newest run is followed.
    """
    from coprod_toolkit.errors import CoprodError

    labels: dict[str, str] = {}
    for s in runs:
        labels.setdefault(s.about, s.about_label or s.about)
    if about is not None:
        wanted = about.strip().casefold().replace("organization", "organisation")
        if wanted not in labels:
            listed = ", ".join(sorted(labels))
            raise CoprodError(
                f"There are no results about '{about}' on '{exercise}' here. "
                f"Fix: use --about with one of: {listed}."
            )
    else:
        wanted = runs[0].about
    others = sorted(k for k in labels if k != wanted)
    note = ""
    if others:
        note = (
            f"These are the reflections about {labels[wanted]}. There are others about "
            + ", ".join(labels[k] for k in others)
            + f": see them with --about {others[0]}."
        )
    return [s for s in runs if s.about == wanted], note


@app.command()
def report(
    ref: Annotated[
        str,
        typer.Argument(
            help="Which reflection: latest, an id from 'coprod history', "
            "or the path of its .yaml file.",
            metavar="REF",
        ),
    ] = "latest",
    output: Annotated[
        Literal["html", "md"],
        typer.Option("--format", help="html (a web page) or md (Markdown).", metavar="html|md"),
    ] = "html",
    to: Annotated[
        Path | None,
        typer.Option(
            "--to",
            help="Where to write it (- for the screen). Default: REF.html in this folder.",
            metavar="FILE",
        ),
    ] = None,
    force: ForceOpt = False,
    out: OutOpt = None,
    exercises: ExercisesOpt = None,
    beside: Annotated[
        str | None,
        typer.Option(
            "--beside",
            help="Another reflection on the same exercise to put beside this one "
            "(for example a person's and a staff member's): both shapes on one star.",
            metavar="REF",
        ),
    ] = None,
) -> None:
    """Make a report of one reflection to print or take to a meeting.

    The web page works offline in any browser and prints cleanly to PDF. It shows a
    star chart of the principles, with your previous run drawn faintly behind it.
    With --beside, two reflections on the same exercise share one star and one table.

    Examples:

      coprod report latest

      coprod report 2026-11-23-1545-six-principles --format md

      coprod report 2026-11-23-1545-six-principles --beside 2026-11-24-1000-six-principles
    """
    if beside is not None:
        _report_beside(ref, beside, output, to, out, force)
        return
    _report(ref, output, to, out, exercises, force)


def _find_reflection_path(ref: str, summaries: list[Summary], root: Path) -> Path:
    """Where a reflection named by 'latest', an id or a path is."""
    import difflib

    from coprod_toolkit.errors import CoprodError, NotFound

    if ref.endswith((".yaml", ".yml")) or "/" in ref:
        return Path(ref).expanduser()
    if ref == "latest":
        if not summaries:
            raise CoprodError("There are no saved reflections yet. Start one with: coprod assess")
        return root / "reflections" / summaries[0].file
    match = next((s for s in summaries if s.id == ref), None)
    if match is None:
        nearest = difflib.get_close_matches(ref, [s.id for s in summaries], n=3, cutoff=0.4)
        listing = "".join(f"\n  {n}" for n in nearest) or "\n  (none close; see coprod history)"
        raise NotFound(f"There is no reflection called '{ref}'. The nearest:{listing}")
    return root / "reflections" / match.file


def _report_beside(
    ref: str, beside: str, output: str, to: Path | None, out: Path | None, force: bool
) -> None:
    """Two reflections on one exercise, side by side: one star, two shapes, one table."""
    from rich.table import Table
    from rich.text import Text

    from coprod_toolkit.errors import CoprodError, UsageProblem
    from coprod_toolkit.history import read_record
    from coprod_toolkit.models import Reflection
    from coprod_toolkit.report import side_by_side_markdown, side_by_side_rows, who_and_when
    from coprod_toolkit.report_html import side_by_side_html
    from coprod_toolkit.storage import default_home
    from coprod_toolkit.text import printable

    if output not in ("html", "md"):
        raise UsageProblem(f"--format {output}: use html or md.")
    root = out.expanduser() if out else default_home()
    summaries = _summaries(out)
    records: list[Reflection] = []
    paths: list[Path] = []
    for name in (ref, beside):
        path = _find_reflection_path(name, summaries, root)
        try:
            found = read_record(path)
        except ValueError as e:
            raise CoprodError(f"{path}: cannot make a report, because {e}.") from None
        if not isinstance(found, Reflection):
            raise CoprodError(
                f"{path} is a group session, and --beside puts two people's own reflections "
                "side by side. Fix: make the group's report on its own: coprod report "
                f"{path.stem}"
            )
        records.append(found)
        paths.append(path)
    first, second = records
    if first.exercise.id != second.exercise.id:
        raise CoprodError(
            f"These two reflections are on different exercises ('{first.exercise.id}' and "
            f"'{second.exercise.id}'), so their results do not line up. Fix: choose two "
            "reflections on the same exercise; 'coprod history --exercise ID' lists them."
        )
    if paths[0].resolve() == paths[1].resolve():
        raise UsageProblem("--beside names the same reflection twice. Fix: choose another one.")
    if str(to) != "-":  # the report itself goes to the screen: no table before it
        console = console_for(not sys.stdout.isatty())
        table = Table(show_header=True, header_style="bold", box=None)
        table.add_column("")
        table.add_column(Text(printable(who_and_when(first))), justify="right")
        table.add_column(Text(printable(who_and_when(second))), justify="right")
        for title, a, b in side_by_side_rows(first, second):
            table.add_row(Text(printable(title)), Text(printable(a)), Text(printable(b)))
        console.print(table)
    text = (
        side_by_side_markdown(first, second) if output == "md" else side_by_side_html(first, second)
    )
    default = Path(f"{paths[0].stem}-beside-{paths[1].stem}.{output}")
    _write_report(to or default, text, output, force)


def _report(
    ref: str,
    output: str,
    to: Path | None,
    out: Path | None,
    exercises: list[Path] | None,
    force: bool = False,
) -> None:
    import difflib

    from coprod_toolkit.errors import CoprodError, NotFound, UsageProblem
    from coprod_toolkit.history import read_record, read_reflection
    from coprod_toolkit.models import GroupRecord
    from coprod_toolkit.report import group_markdown, markdown
    from coprod_toolkit.report_html import group_html_report, html_report
    from coprod_toolkit.storage import default_home

    if output not in ("html", "md"):
        raise UsageProblem(f"--format {output}: use html or md.")
    root = out.expanduser() if out else default_home()
    summaries = _summaries(out)
    path: Path
    if ref.endswith((".yaml", ".yml")) or "/" in ref:
        path = Path(ref).expanduser()
    elif ref == "latest":
        if not summaries:
            raise CoprodError("There are no saved reflections yet. Start one with: coprod assess")
        path = root / "reflections" / summaries[0].file
    else:
        match = next((s for s in summaries if s.id == ref), None)
        if match is None:
            nearest = difflib.get_close_matches(ref, [s.id for s in summaries], n=3, cutoff=0.4)
            listing = "".join(f"\n  {n}" for n in nearest) or "\n  (none close; see coprod history)"
            raise NotFound(f"There is no reflection called '{ref}'. The nearest:{listing}")
        path = root / "reflections" / match.file
    try:
        found = read_record(path)
    except ValueError as e:
        raise CoprodError(f"{path}: cannot make a report, because {e}.") from None
    if isinstance(found, GroupRecord):
        text = group_markdown(found) if output == "md" else group_html_report(found)
        _write_report(to or Path(f"{path.stem}.{output}"), text, output, force)
        return
    reflection = found
    earlier = [
        s
        for s in summaries
        if s.exercise == reflection.exercise.id
        and (s.name or "") == (reflection.name or "")
        and s.about == reflection.about
        and s.finished < reflection.finished.isoformat()
    ]
    previous = None
    if earlier:
        try:
            previous = read_reflection(root / "reflections" / earlier[0].file)
        except ValueError:
            previous = None
    if output == "md":
        from coprod_toolkit.catalog import find

        try:
            ex = find(reflection.exercise.id, exercises).exercise
        except CoprodError:
            ex = None
        text = markdown(reflection, ex)
    else:
        text = html_report(reflection, previous)
    _write_report(to or Path(f"{path.stem}.{output}"), text, output, force)


def _write_report(target: Path, text: str, output: str, force: bool = False) -> None:
    """Write the report to a private file (never over a file, nor through a link); - is stdout."""
    from coprod_toolkit.storage import write_output

    if str(target) == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    write_output(target, [text], force)
    typer.echo(f"Wrote {target}")
    if output == "html":
        typer.echo("Open it in any web browser; use the browser's Print to make a PDF.")


@app.command()
def export(
    exercise: ExerciseFilter = None,
    name: NameFilter = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    output: Annotated[
        Literal["csv", "jsonl"],
        typer.Option("--format", help="csv (for spreadsheets) or jsonl.", metavar="csv|jsonl"),
    ] = "csv",
    anonymous: Annotated[
        bool, typer.Option("--anonymous", help="Leave names out: people become Person 1, 2, ...")
    ] = False,
    to: Annotated[
        Path | None,
        typer.Option(
            "--to",
            help="Write to this file instead of the screen (- for the screen).",
            metavar="FILE",
        ),
    ] = None,
    force: ForceOpt = False,
    bom: Annotated[
        bool | None,
        typer.Option(
            "--bom/--no-bom",
            help="Start the CSV with a byte-order mark, so Excel reads accents rightly. "
            "Default: yes in a file written with --to, no on the screen or in a pipe.",
            show_default=False,
        ),
    ] = None,
    out: OutOpt = None,
) -> None:
    """Export every answer, one row each, for a spreadsheet or your own analysis.

    In a CSV file, any answer that starts with =, +, -, @ or a tab gets a ' in front,
    so a spreadsheet shows it as text and never runs it as a formula.

    Examples:

      coprod export --to answers.csv

      coprod export --exercise six-principles --anonymous --format jsonl
    """
    _export(exercise, name, since, until, output, anonymous, to, out, force, bom)


EXPORT_COLUMNS = [
    "reflection",
    "finished",
    "exercise",
    "version",
    "about",
    "person",
    "section",
    "question",
    "text",
    "answer",
    "score",
]

_FORMULA_FIRST = frozenset("=+-@\t\r")


def defused(value: object) -> object:
    """A cell a spreadsheet will show as text, never run as a formula (OWASP's advice).

    Numbers are left as numbers; text starting with =, +, -, @, a tab or a carriage
    return gets an apostrophe in front, which spreadsheets hide.
    """
    if value.__class__ is str and value and value[0] in _FORMULA_FIRST:
        return f"'{value}"
    return value


def _export(
    exercise: str | None,
    name: str | None,
    since: str | None,
    until: str | None,
    output: str,
    anonymous: bool,
    to: Path | None,
    out: Path | None,
    force: bool = False,
    bom: bool | None = None,
) -> None:
    import csv
    import io
    import json

    from coprod_toolkit.errors import UsageProblem
    from coprod_toolkit.history import History
    from coprod_toolkit.storage import default_home, write_output
    from coprod_toolkit.text import printable

    if output not in ("csv", "jsonl"):
        raise UsageProblem(f"--format {output}: use csv or jsonl.")
    root = out.expanduser() if out else default_home()
    found = _files(out, exercise, name, since, until)  # oldest first
    people: dict[str, str] = {}
    counted = {"rows": 0}
    screen = to is None or str(to) == "-"
    terminal = screen and sys.stdout.isatty()

    def alias(name: str | None) -> str:
        """The person's name, or the same 'Person N' for them throughout the export."""
        if not anonymous:
            return name or ""
        return people.setdefault((name or "").casefold(), f"Person {len(people) + 1}")

    def rows(cell: Callable[[object], object]) -> Iterator[list[object]]:
        """One row per answer (in EXPORT_COLUMNS order), oldest reflection first.

        The records are read a batch at a time; `cell` is applied to every cell,
        once per reflection for the cells all its rows share.
        """
        history = History(root)
        for file, payload, problem in history.answers(found):
            if payload is None:
                sys.stderr.write(printable(f"Skipped {file}: {problem}.\n"))
                continue
            c = payload["common"]
            common = [
                cell(c["reflection"]),
                cell(c["finished"]),
                cell(c["exercise"]),
                cell(c["version"]),
                cell(c["about"]),
            ]
            people_here: dict[str | None, object] = {}
            for person, section, question, text, answer, score in payload["answers"]:
                if isinstance(person, list):  # an action: everyone who will do it
                    who = cell("; ".join(alias(p) for p in person))
                else:
                    who = people_here.get(person)
                    if who is None:
                        who = people_here[person] = cell(alias(person))
                counted["rows"] += 1
                if question in ("contribution", "action") and text is not None:
                    counted["steps"] = counted.get("steps", 0) + 1
                yield [
                    *common,
                    who,
                    cell(section),
                    cell(question),
                    cell(text),
                    cell(";".join(answer) if isinstance(answer, list) else answer),
                    score,
                ]

    def chunks() -> Iterator[str]:
        """The export as text, a little at a time, so memory stays flat."""
        if output == "csv":
            buffer = io.StringIO()
            writer = csv.writer(buffer, lineterminator="\r\n")
            if bom or (bom is None and not screen):
                yield "\ufeff"
            writer.writerow(EXPORT_COLUMNS)
            for count, row in enumerate(rows(defused), 1):
                writer.writerow(row)
                if count % 2000 == 0:
                    yield buffer.getvalue()
                    buffer.seek(0)
                    buffer.truncate()
            yield buffer.getvalue()
        else:
            dumps = json.dumps
            for row in rows(lambda v: v):
                yield dumps(dict(zip(EXPORT_COLUMNS, row, strict=True)), ensure_ascii=False) + "\n"

    if screen:
        for chunk in chunks():
            # on a terminal, escape codes in an answer are shown, never acted on
            sys.stdout.write(printable(chunk) if terminal else chunk)
        sys.stdout.flush()
        return
    assert to is not None
    write_output(to, chunks(), force)
    steps = counted.get("steps", 0)
    extra = f" and {steps} ideas and actions from group steps" if steps else ""
    typer.echo(
        f"Wrote {counted['rows'] - steps} answers{extra} from {len(found)} reflections to {to}"
    )
