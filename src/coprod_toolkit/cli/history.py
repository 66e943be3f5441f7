"""coprod history, progress, report and export: reflections over time."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from coprod_toolkit.cli.app import app
from coprod_toolkit.cli.common import ExercisesOpt, OutOpt, PlainShowOpt, console_for
from coprod_toolkit.i18n import _, gettext_noop, ngettext

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from rich.console import Console, RenderableType

    from coprod_toolkit.history import Broken, Line, Progress, Summary
    from coprod_toolkit.models import GroupRecord, Reflection

ExerciseFilter = Annotated[
    str | None,
    typer.Option("--exercise", help=gettext_noop("Only this exercise (its id)."), metavar="ID"),
]
NameFilter = Annotated[
    str | None,
    typer.Option("--name", help=gettext_noop("Only this person or group."), metavar="NAME"),
]
SinceFilter = Annotated[
    str | None,
    typer.Option("--since", help=gettext_noop("Only from this day on."), metavar="YYYY-MM-DD"),
]
UntilFilter = Annotated[
    str | None,
    typer.Option("--until", help=gettext_noop("Only up to this day."), metavar="YYYY-MM-DD"),
]
FormatOpt = Annotated[
    Literal["text", "json"],
    typer.Option(
        "--format",
        help=gettext_noop("text for people, json for other tools."),
        metavar="text|json",
    ),
]


# progress never asks what the reflections were about: it follows the newest one.
ProgressAboutOpt = Annotated[
    str | None,
    typer.Option(
        "--about",
        help=gettext_noop(
            "Only the reflections about this subject: one of the words the exercise "
            "offers, such as me or service ('coprod exercise show NAME' lists them). "
            "Leave out to follow the subject of the newest reflection; any others are named."
        ),
        metavar="WORD",
    ),
]

ForceOpt = Annotated[
    bool,
    typer.Option(
        "--force", help=gettext_noop("Replace the file given with --to if it is already there.")
    ),
]


def _day(value: str | None, option: str) -> date | None:
    from coprod_toolkit.errors import UsageProblem

    if value is None:
        return None
    import contextlib
    import re

    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        shape = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", value.strip())
        if shape is not None:  # the right form: 2026-2-3 is a day; 2026-13-45 is none
            with contextlib.suppress(ValueError):
                return date(*(int(part) for part in shape.groups()))
            raise UsageProblem(
                _(
                    "{option} {value}: there is no such day. Fix: check the month (1 to 12) "
                    "and the day."
                ).format(option=option, value=value)
            ) from None
        raise UsageProblem(
            _("{option} {value}: write the date as year-month-day, like 2026-03-31.").format(
                option=option, value=value
            )
        ) from None


def index_progress() -> Callable[[int, int], None] | None:
    """A line on stderr that counts up while the index is rebuilt; only on a terminal."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        end = "\n" if done >= total else ""
        counted = _("Reading your saved reflections: {done} of {total}").format(
            done=f"{done:,}", total=f"{total:,}"
        )
        sys.stderr.write(f"\r{counted}{end}")
        sys.stderr.flush()

    return show


def _summaries(
    out: Path | None,
    exercise: str | None = None,
    name: str | None = None,
    since: str | None = None,
    until: str | None = None,
    exercises: list[Path] | None = None,
) -> list[Summary]:
    """Every matching reflection, newest first; unreadable files are named on stderr."""
    from coprod_toolkit.history import History

    keep = _keeper(exercise, name, since, until)  # a mistyped date: said before any reading
    root = _root(out)
    summaries, broken = History(root, index_progress()).read()
    _skipped(root, broken)
    if exercise is not None and not any(s.exercise == exercise for s in summaries):
        _known_exercise(exercise, exercises)
    return [s for s in summaries if keep(s)] if keep is not None else summaries


def _keeper(
    exercise: str | None, name: str | None, since: str | None, until: str | None
) -> Callable[[Summary], bool] | None:
    """The filters, with their dates checked, or None when there are none."""
    from coprod_toolkit.errors import UsageProblem
    from coprod_toolkit.history import keeper

    first, last = _day(since, "--since"), _day(until, "--until")
    if first is not None and last is not None and first > last:
        raise UsageProblem(
            _(
                "--since {since} is after --until {until}: the dates are the wrong way "
                "round. Fix: give the earlier day with --since."
            ).format(since=since, until=until)
        )
    if exercise is None and name is None and first is None and last is None:
        return None
    return keeper(exercise, name, first, last)


def _root(out: Path | None) -> Path:
    """The folder the reflections are kept in: a folder given with --out must be one,
    so a mistyped path is said to be wrong, not taken for a folder with nothing saved."""
    from coprod_toolkit.errors import NotFound, UsageProblem
    from coprod_toolkit.storage import default_home

    if out is None:
        home = default_home()
        if home.exists() and not home.is_dir():
            raise UsageProblem(
                _(
                    "COPROD_HOME {folder}: that is a file, not a folder. Fix: set COPROD_HOME "
                    "to the folder your reflections are kept in, or leave it unset."
                ).format(folder=home)
            )
        return home
    root = out.expanduser()
    if root.exists() and not root.is_dir():
        raise UsageProblem(
            _(
                "--out {folder}: that is a file, not a folder. Fix: give the folder your "
                "reflections are kept in (it holds a folder called reflections)."
            ).format(folder=out)
        )
    if not root.exists():
        raise NotFound(
            _(
                "--out {folder}: there is no folder there. Fix: give the folder your "
                "reflections are kept in (it holds a folder called reflections)."
            ).format(folder=out)
        )
    if root.name == "reflections" and not (root / "reflections").is_dir():
        # the reflections folder itself (coprod always names it so), given for the folder
        # it is in
        raise UsageProblem(
            _(
                "--out {folder}: this is the reflections folder itself. Fix: give the "
                "folder it is in: --out {parent}"
            ).format(folder=out, parent=root.parent)
        )
    return root


def _known_exercise(exercise: str, exercises: list[Path] | None = None) -> None:
    """An --exercise that no saved reflection is on must at least be an exercise:
    if not, say so, with the nearest id ("Did you mean 'six-principles'?")."""
    from coprod_toolkit.catalog import find

    find(exercise, exercises)


def _files(
    out: Path | None,
    exercise: str | None,
    name: str | None,
    since: str | None,
    until: str | None,
) -> list[str]:
    """The files of every matching reflection, oldest first: names only, for export."""
    from coprod_toolkit.history import History

    keep = _keeper(exercise, name, since, until) or (lambda s: True)
    root = _root(out)
    met: list[bool] = []  # whether any saved reflection is on the exercise asked for

    def keep_and_note(s: Summary) -> bool:
        if not met and s.exercise == exercise:
            met.append(True)
        return keep(s)

    files, broken = History(root, index_progress()).files(
        keep if exercise is None else keep_and_note
    )
    _skipped(root, broken)
    if exercise is not None and not met:
        _known_exercise(exercise)
    return files


# How many files the last listing skipped: "no reflections yet" is untrue when one was.
_SKIPPED = [0]


def _nothing_saved() -> str:
    """What to say when no reflection could be listed."""
    if _SKIPPED[0]:
        return ngettext(
            "The saved reflection could not be read: the file is named below, with what is "
            "wrong with it.",
            "None of the {count} saved reflections could be read: the files are named "
            "below, with what is wrong with each.",
            _SKIPPED[0],
        ).format(count=_SKIPPED[0])
    return _("There are no saved reflections yet. Start one with: coprod assess")


def _skipped(root: Path, broken: list[Broken]) -> None:
    """Name each file that could not be read, on stderr, after the command's output."""
    _SKIPPED[0] = len(broken)
    for b in broken:
        file = root / "reflections" / b.file
        _warn_after(_("Skipped {file}: {problem}.").format(file=file, problem=b.message), file)


def _warn_after(said: str, file: Path | None = None) -> None:
    """A warning on stderr once the command has said what it came to say, so it never
    sits above (or in the middle of) the output a person asked for.

    The warnings wait for the outermost context to close, which is after an error
    has been written: when a command fails on its own input (a mistyped date,
    folder or id), the error is shown alone; when it fails for another reason, the
    error comes first and the damaged files after it, but for the `file` the error
    is about, which it has named already.
    """
    from typer._click.globals import get_current_context  # typer's own click

    from coprod_toolkit.text import printable

    line = printable(said + "\n")
    context = get_current_context(silent=True)
    if context is None:
        sys.stderr.write(line)
        return
    waiting: list[tuple[str, str]] | None = context.meta.get("coprod.warnings")
    if waiting is None:
        waiting = context.meta["coprod.warnings"] = []

        def show() -> None:
            from coprod_toolkit.errors import CoprodError, UsageProblem

            failed = sys.exc_info()[1]
            # The error is written, and the exit raised, while its CoprodError is handled.
            cause = failed.__context__ if failed is not None else None
            if isinstance(failed, UsageProblem) or isinstance(cause, UsageProblem):
                return
            error = str(cause) if isinstance(cause, CoprodError) else ""
            sys.stdout.flush()
            sys.stderr.write("".join(w for f, w in waiting if not (f and f in error)))
            sys.stderr.flush()

        context.find_root().call_on_close(show)
    waiting.append((str(file) if file else "", line))


@app.command(
    help=gettext_noop(
        "List your saved reflections, newest first.\n\n"
        "Examples:\n\n"
        "  coprod history\n\n"
        "  coprod history --exercise six-principles --name Sam --since 2026-01-01"
    )
)
def history(
    exercise: ExerciseFilter = None,
    name: NameFilter = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    output: FormatOpt = "text",
    out: OutOpt = None,
    plain: PlainShowOpt = False,
) -> None:
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
        raise UsageProblem(_("--format {value}: use text or json.").format(value=output))
    found = _summaries(out, exercise, name, since, until)
    if output == "json":
        typer.echo(json.dumps([asdict(s) for s in found], indent=2, ensure_ascii=False))
        return
    if not found:
        given = [
            f"{flag} {value}"
            for flag, value in (
                ("--exercise", exercise),
                ("--name", name),
                ("--since", since),
                ("--until", until),
            )
            if value is not None
        ]
        if given:  # there may be reflections: say it is the choices that leave none
            typer.echo(
                _(
                    "None of the saved reflections match {choices}. To see them all: coprod history"
                ).format(choices=" ".join(given))
            )
        else:
            typer.echo(_nothing_saved())
        return
    from coprod_toolkit.text import printable

    # A table is for a screenful; a long history is written as lines, which is far quicker.
    plain = plain or not sys.stdout.isatty() or len(found) > 200
    console = console_for(plain)
    from coprod_toolkit.history import (
        about_in_use,
        local_time,
        name_in_use,
        reading_in_use,
        title_in_use,
    )
    from coprod_toolkit.report import answered_in

    if plain:
        anonymous, no_score = _("anonymous"), _("no score")
        version_words = _(" (version {version})")
        line = _("{id}: {when}, {title}{version}, about {about}, {who}: {result}")
        lines = []
        for s in found:
            shown = line.format(
                id=s.id,
                when=local_time(s.finished),
                title=title_in_use(s),
                version=version_words.format(version=s.version) if s.version != "1" else "",
                about=about_in_use(s),
                who=name_in_use(s) or anonymous,
                result=reading_in_use(s) or no_score,
            )
            note = answered_in(s.language)  # '' in the language in use
            lines.append(f"{shown} {note}" if note else shown)
        sys.stdout.write(printable("\n".join(lines)) + "\n")
        sys.stdout.flush()
    else:
        print_history_table(console, found)
    console.print(
        ngettext("{count} reflection.", "{count} reflections.", len(found)).format(count=len(found))
    )


def print_history_table(console: Console, found: list[Summary]) -> None:
    """The history as a table on a terminal; the Id is never cut short.

    When the whole table does not fit the terminal's width, each reflection takes two
    lines instead: its Id on the first, the rest below it.
    """
    from rich.measure import Measurement
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    from coprod_toolkit.history import about_in_use, local_time, name_in_use, reading_in_use
    from coprod_toolkit.report import answered_in
    from coprod_toolkit.text import printable

    rows = []
    for s in found:
        exercise = (
            _("{exercise} (v{version})").format(exercise=s.exercise, version=s.version)
            if s.version != "1"
            else s.exercise
        )
        note = answered_in(s.language)  # '' in the language in use
        other = " " + note if note else ""
        rows.append(
            (
                local_time(s.finished),
                printable(exercise + other),
                printable(about_in_use(s)),
                printable(name_in_use(s) or _("anonymous")),
                printable(reading_in_use(s) or "-"),
                printable(s.id),
            )
        )
    headings = [_("When"), _("Exercise"), _("About"), _("Who"), _("Result"), _("Id")]
    # Each column at least as wide as its longest word, so no word is ever cut: the
    # columns of words fold between words, the Id never folds.
    fewest = [
        max(len(word) for cell in [heading, *(row[i] for row in rows)] for word in cell.split())
        for i, heading in enumerate(headings)
    ]
    longest = max((len(s.exercise) for s in found), default=0)
    fewest[1] = max(min(longest, 24), len(headings[1]), fewest[1])
    fewest[5] = max(len(row[5]) for row in rows)
    table = Table(show_header=True, header_style="bold", box=None)
    for i, heading in enumerate(headings):
        if i in (1, 5):  # the exercise and the Id: widths of their own
            table.add_column(heading, width=fewest[i], overflow="fold", no_wrap=i == 5)
        else:
            table.add_column(heading, min_width=fewest[i], overflow="fold")
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))
    wide = console.options.update_width(10_000)
    if Measurement.get(console, wide, table).maximum <= console.width or (
        sum(fewest) + 2 * len(fewest) <= console.width
    ):
        with console.capture() as captured:
            console.print(table)
        shown = captured.get()
        lines = shown.splitlines()
        if all(any(row[5] in line for line in lines) for row in rows):  # every Id whole
            console.file.write(shown)
            console.file.flush()
            return
    for when, exercise, about, who, result, ident in rows:
        console.print(Text(ident, style="bold"), no_wrap=True, overflow="ignore", crop=False)
        # Translators: one reflection in a narrow terminal, below its Id.
        rest = _("{when}, {exercise}, about {about}, {who}: {result}").format(
            when=when, exercise=exercise, about=about, who=who, result=result
        )
        console.print(Padding(Text(rest), (0, 0, 0, 2)))


@app.command(
    help=gettext_noop(
        "See how each principle's score has changed over time, for one person or group.\n\n"
        'Only reflections on the same subject are compared: "about me" runs with "about '
        'me" runs, "about service" runs with "about service" runs.\n\n'
        "Examples:\n\n"
        "  coprod progress\n\n"
        "  coprod progress six-principles --name Sam --about service"
    )
)
def progress(
    exercise: Annotated[
        str,
        typer.Argument(help=gettext_noop("The exercise to follow over time."), metavar="EXERCISE"),
    ] = "six-principles",
    name: NameFilter = None,
    about: ProgressAboutOpt = None,
    out: OutOpt = None,
    plain: PlainShowOpt = False,
    exercises: ExercisesOpt = None,
) -> None:
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
    from coprod_toolkit.history import as_kept, change_words, no_name, progress, shown_name
    from coprod_toolkit.storage import default_home
    from coprod_toolkit.text import printable

    runs = _summaries(out, exercise, exercises=exercises)
    if not runs:
        from coprod_toolkit.catalog import find

        # an id that is no exercise at all is a usage mistake
        if find(exercise, exercises).exercise.kind == "checklist":
            said = _("There are no saved results for '{id}' yet. Start with: coprod readiness {id}")
        else:
            said = _("There are no saved results for '{id}' yet. Start with: coprod assess {id}")
        typer.echo(said.format(id=exercise))
        return
    names = sorted({s.name or "" for s in runs}, key=str.casefold)
    if name is None:
        if len(names) > 1:
            listed = ", ".join(shown_name(n) or _("(anonymous)") for n in names)
            raise CoprodError(
                _(
                    "Several people have results for '{id}': {listed}.\n"
                    "Fix: say whose progress to show, like: "
                    'coprod progress {id} --name "{name}"'
                ).format(
                    id=exercise,
                    listed=listed,
                    name=next((shown_name(n) for n in names if n), ""),
                )
            )
        name = names[0]
    typed, name = name, as_kept(name)  # a group, as history names it in the language in use
    mine = [s for s in runs if (s.name or "").casefold() == name.casefold()]
    if not mine and no_name(name):  # "(anonymous)", as the list below offers it
        name = ""
        mine = [s for s in runs if not s.name]
    if not mine:
        raise NotFound(
            _("There are no results for '{name}' on '{id}'. Fix: use one of: {listed}.").format(
                name=typed,
                id=exercise,
                listed=", ".join(shown_name(n) or _("(anonymous)") for n in names),
            )
        )
    mine, note = _same_subject(mine, about, exercise)
    versions = sorted({s.version for s in mine})
    if len(versions) > 1:  # a new version asks different questions: say so, plainly
        note = (note + " " if note else "") + _(
            "The questions changed between these reflections (versions "
            "{versions} and {last} of the exercise), so a change "
            "in score may come from the new questions, not only from a change in the work."
        ).format(versions=", ".join(versions[:-1]), last=versions[-1])
    sections: list[tuple[str, str]]
    # A checklist's verdicts, and the readings of an exercise that shows each section
    # on its own (categories, not scores), are listed over time: no sums, no "rose".
    readings = any(s.kind == "checklist" for s in mine)
    try:
        from coprod_toolkit.catalog import find

        current = find(exercise, exercises).exercise
        sections = [(s.id, s.title) for s in current.sections if s.scored]
        readings = readings or current.scoring.shown_as() == "each"
    except CoprodError:
        # the exercise is gone: the newest run's own sections, named from their ids
        sections = [(sid, sid.replace("-", " ").capitalize()) for sid in mine[0].section_scores]
    result = progress(mine, sections)
    plain = plain or not sys.stdout.isatty()
    console = console_for(plain)
    from coprod_toolkit.history import title_in_use
    from coprod_toolkit.i18n import language
    from coprod_toolkit.report import in_language, short_date

    who = shown_name(name) or _("anonymous")
    count = len(result.runs)
    console.print(
        Text(
            printable(
                ngettext(
                    "Progress for {who}: {title} ({count} reflection, {first} to {last})",
                    "Progress for {who}: {title} ({count} reflections, {first} to {last})",
                    count,
                ).format(
                    who=who,
                    title=title_in_use(result.runs[-1]),
                    count=count,
                    first=short_date(result.runs[0].when),
                    last=short_date(result.runs[-1].when),
                )
            ),
            style="" if plain else "bold",
        )
    )
    others = sorted({s.language for s in result.runs} - {language()})
    if others:
        elsewhere = sum(1 for s in result.runs if s.language in others)
        mixed = (
            ngettext(
                "{count} of these reflections was answered {languages}; the questions are "
                "the same, so its results are listed with the rest.",
                "{count} of these reflections were answered {languages}; the questions are "
                "the same, so their results are listed with the rest.",
                elsewhere,
            )
            if readings
            else ngettext(
                "{count} of these reflections was answered {languages}; the questions are "
                "the same, so its scores are compared with the rest.",
                "{count} of these reflections were answered {languages}; the questions are "
                "the same, so their scores are compared with the rest.",
                elsewhere,
            )
        ).format(
            count=sum(1 for s in result.runs if s.language in others),
            languages=_(" or ").join(in_language(code) for code in others),
        )
        note = f"{note} {mixed}" if note else mixed
    if note:
        # folded between words on a terminal; whole lines for another program
        console.print(Text(printable(note)), soft_wrap=not console.is_terminal)
    console.print()
    if readings:
        root = out.expanduser() if out else default_home()
        _readings_over_time(console, result.runs, root, exercises, plain)
        return
    if len(result.runs) == 1:
        # Nothing to compare: its scores, not a table of changes of 0 since itself.
        console.print(
            Text(
                _("There is one reflection so far, so there is no change to show yet. Its scores:")
            )
        )
        from coprod_toolkit.report import figure

        for line in [*result.lines, result.overall]:
            score = "-" if line.latest is None else figure(line.latest)
            console.print(
                Text(printable("  " + _("{title}: {score}").format(title=line.title, score=score)))
            )
        return
    if plain:
        for shown in progress_lines(result):
            console.print(Text(shown), soft_wrap=True)
    else:
        console.print(progress_table(result, console.width))
    console.print()
    for line in result.lines:
        console.print(Text(printable(change_words(line, result.runs))))


def _readings_over_time(
    console: Console,
    runs: list[Summary],
    root: Path,
    exercises: list[Path] | None,
    plain: bool,
) -> None:
    """Each reflection's reading, oldest first: a checklist's verdict, or each section's
    band when the exercise shows each section on its own."""
    from rich.text import Text

    from coprod_toolkit.history import in_language_in_use, local_time, read_record
    from coprod_toolkit.text import printable

    records = []
    for s in runs:
        try:
            record = read_record(root / "reflections" / s.file)
        except ValueError:
            continue
        records.append((local_time(s.finished), in_language_in_use(record, exercises)))
    if not records:
        return
    bold = "" if plain else "bold"
    each = _("{when}: {reading}")
    no_reading = _("no reading")
    if all(r.kind == "checklist" for _when, r in records):
        console.print(Text(_("What the checklist said each time:"), style=bold))
        for when, r in records:
            label = r.verdict.label if r.verdict else no_reading
            console.print(Text(printable("  " + each.format(when=when, reading=label))))
        return
    titles: dict[str, str] = {}
    for _when, r in records:
        for section in r.scores.sections if r.scores else ():
            titles[section.id] = section.title  # the newest title wins
    for section_id, title in titles.items():
        console.print(Text(printable(title), style=bold))
        for when, r in records:
            found = [x for x in (r.scores.sections if r.scores else ()) if x.id == section_id]
            label = (found[0].band if found else None) or no_reading
            console.print(Text(printable("  " + each.format(when=when, reading=label))))


def _progress_cells(line: Line) -> list[str]:
    """First, last time, now, change since first, change since last time: as text.

    Every score is rounded half up (62.5 is 63), as assess, report, history and the
    sentences under the table round it, and each change is the difference of the
    whole numbers shown beside it (shown now - shown first), so the columns never
    disagree with each other nor with the words.
    """
    from coprod_toolkit.models import whole

    def number(value: float | None) -> str:
        return "-" if value is None else str(whole(value))

    def signed(a: float | None, b: float | None) -> str:
        if a is None or b is None:
            return "-"
        change = whole(b) - whole(a)
        return f"{change:+d}" if change else "0"

    return [
        number(line.first),
        number(line.previous),
        number(line.latest),
        signed(line.first, line.latest),
        signed(line.previous, line.latest),
    ]


def progress_lines(result: Progress) -> list[str]:
    """Each section's scores over time, one line each: for a program, or a terminal too
    narrow for the table."""
    from coprod_toolkit.text import printable

    in_words = _(
        "{title}: first {first}, last time {previous}, now {latest} "
        "(change since first {since_first}, since last time {since_last})"
    )
    lines = []
    for line in [*result.lines, result.overall]:
        was, previous, latest, since_first, since_last = _progress_cells(line)
        shown = in_words.format(
            title=line.title,
            first=was,
            previous=previous,
            latest=latest,
            since_first=since_first,
            since_last=since_last,
        )
        lines.append(printable(shown))
    return lines


def progress_table(result: Progress, width: int) -> RenderableType:
    """Each section's scores over time, for a terminal `width` wide: titles and headings
    wrap to fit, numbers never split nor cut.

    Each column of numbers is given a fixed width, as wide as its longest number and
    its heading (on one line when the table fits, else its longest word), so rich can
    only ever narrow the titles. When even that does not fit, the sections are
    written one line each, as for a program: a number is never cut short.
    """
    from rich.cells import cell_len
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    from coprod_toolkit.history import sparkline
    from coprod_toolkit.text import printable

    headings = [_("Over time"), _("First"), _("Last time"), _("Now")]
    headings += [_("Since first"), _("Since last time")]
    rows = [
        (printable(line.title), sparkline(line.values[-12:]), *_progress_cells(line))
        for line in [*result.lines, result.overall]
    ]
    cells = [max(cell_len(row[i + 1]) for row in rows) for i in range(len(headings))]
    whole_headings = [max(c, cell_len(h)) for c, h in zip(cells, headings, strict=True)]
    folded = [
        max(c, *(cell_len(word) for word in h.split()))
        for c, h in zip(cells, headings, strict=True)
    ]
    # The headings stay on one line while the titles keep 20 characters; past that
    # the headings fold word by word, and the titles down to 12 characters.
    longest = max(cell_len(row[0]) for row in rows)
    titles = min(12, longest)
    gaps = 2 * len(headings)  # one space each side of every column but the outer edges
    if min(20, longest) + sum(whole_headings) + gaps <= width:
        widths = whole_headings
    elif titles + sum(folded) + gaps <= width:
        widths = folded
    else:
        return Group(*(Text(line) for line in progress_lines(result)))
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    table.add_column("", min_width=titles)
    for i, (heading, fixed) in enumerate(zip(headings, widths, strict=True)):
        table.add_column(heading, justify="left" if i == 0 else "right", width=fixed)
    for title, chart, *numbers in rows:
        table.add_row(
            Text(title), Text(chart, no_wrap=True), *(Text(c, no_wrap=True) for c in numbers)
        )
    return table


def _same_subject(
    runs: list[Summary], about: str | None, exercise: str
) -> tuple[list[Summary], str]:
    """Only the runs on one subject (newest first), and a note naming any others left out.

    A run "about me" and a run "about service" answer different questions, so they
    are never drawn as each other's "last time". Without --about, the subject of
    the newest run is followed.
    """
    from coprod_toolkit.errors import CoprodError
    from coprod_toolkit.history import about_in_use

    labels: dict[str, str] = {}
    for s in runs:
        labels.setdefault(s.about, about_in_use(s) or s.about)
    if about is not None:
        wanted = about.strip().casefold().replace("organization", "organisation")
        if wanted not in labels:
            listed = ", ".join(sorted(labels))
            raise CoprodError(
                _(
                    "There are no results about '{about}' on '{id}' here. "
                    "Fix: use --about with one of: {listed}."
                ).format(about=about, id=exercise, listed=listed)
            )
    else:
        wanted = runs[0].about
    others = sorted(k for k in labels if k != wanted)
    note = ""
    if others:
        note = _(
            "These are the reflections about {subject}. There are others about {others}: "
            "see them with --about {first}."
        ).format(
            subject=labels[wanted], others=", ".join(labels[k] for k in others), first=others[0]
        )
    return [s for s in runs if s.about == wanted], note


@app.command(
    help=gettext_noop(
        "Make a report of one reflection to print or take to a meeting.\n\n"
        "The web page works offline in any browser and prints cleanly to PDF. It shows a "
        "star chart of the principles, with your previous run drawn faintly behind it. "
        "With --beside, two reflections on the same exercise share one star and one table.\n\n"
        "Examples:\n\n"
        "  coprod report latest\n\n"
        "  coprod report 2026-11-23-1545-six-principles --format md\n\n"
        "  coprod report 2026-11-23-1545-six-principles --beside 2026-11-24-1000-six-principles"
    )
)
def report(
    ref: Annotated[
        str,
        typer.Argument(
            help=gettext_noop(
                "Which reflection: latest, an id from 'coprod history', "
                "or the path of its .yaml file."
            ),
            metavar="REF",
        ),
    ] = "latest",
    output: Annotated[
        Literal["html", "md"],
        typer.Option(
            "--format",
            help=gettext_noop("html (a web page) or md (Markdown)."),
            metavar="html|md",
        ),
    ] = "html",
    to: Annotated[
        Path | None,
        typer.Option(
            "--to",
            help=gettext_noop(
                "Where to write it (- for the screen). Default: REF.html in this folder."
            ),
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
            help=gettext_noop(
                "Another reflection on the same exercise to put beside this one "
                "(for example a person's and a staff member's): both shapes on one star."
            ),
            metavar="REF",
        ),
    ] = None,
) -> None:
    if beside is not None:
        _report_beside(ref, beside, output, to, out, force, exercises)
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
            raise CoprodError(_nothing_saved())
        return root / "reflections" / summaries[0].file
    match = next((s for s in summaries if s.id == ref), None)
    if match is None:
        _cannot_read(ref, root)
        nearest = difflib.get_close_matches(ref, [s.id for s in summaries], n=3, cutoff=0.4)
        listing = "".join(f"\n  {n}" for n in nearest) or "\n  " + _(
            "(none close; see coprod history)"
        )
        raise NotFound(
            _("There is no reflection called '{ref}'. The nearest:").format(ref=ref) + listing
        )
    return root / "reflections" / match.file


def _cannot_read(ref: str, root: Path) -> None:
    """When the reflection named is in the folder but cannot be read: say so, and why."""
    from coprod_toolkit.errors import CoprodError
    from coprod_toolkit.history import read_record

    for suffix in (".yaml", ".yml"):
        path = root / "reflections" / (ref + suffix)
        if path.name != ref + suffix or not path.exists():
            continue
        try:
            read_record(path)
        except ValueError as e:
            raise CoprodError(
                _(
                    "The reflection '{ref}' is there ({file}), but it cannot be read, "
                    "because {problem}."
                ).format(ref=ref, file=path, problem=e)
            ) from None


def _read_for_report(path: Path) -> Reflection | GroupRecord:
    """A saved record for a report, or a clear error saying why it cannot be one."""
    from coprod_toolkit.errors import CoprodError
    from coprod_toolkit.history import read_record

    try:
        return read_record(path)
    except ValueError as e:
        raise CoprodError(
            _("{file}: cannot make a report, because {problem}.").format(file=path, problem=e)
        ) from None


def _report_beside(
    ref: str,
    beside: str,
    output: str,
    to: Path | None,
    out: Path | None,
    force: bool,
    exercises: list[Path] | None = None,
) -> None:
    """Two reflections on one exercise, side by side: one star, two shapes, one table."""
    from rich.table import Table
    from rich.text import Text

    from coprod_toolkit.errors import CoprodError, UsageProblem
    from coprod_toolkit.history import in_language_in_use
    from coprod_toolkit.models import Reflection
    from coprod_toolkit.report import side_by_side_markdown, side_by_side_rows, who_and_when
    from coprod_toolkit.report_html import side_by_side_html
    from coprod_toolkit.storage import default_home
    from coprod_toolkit.text import printable

    if output not in ("html", "md"):
        raise UsageProblem(_("--format {value}: use html or md.").format(value=output))
    root = out.expanduser() if out else default_home()
    summaries = _summaries(out)
    records: list[Reflection] = []
    paths: list[Path] = []
    for name in (ref, beside):
        path = _find_reflection_path(name, summaries, root)
        found = _read_for_report(path)
        if not isinstance(found, Reflection):
            raise CoprodError(
                _(
                    "{file} is a group session, and --beside puts two people's own reflections "
                    "side by side. Fix: make the group's report on its own: coprod report "
                    "{id}"
                ).format(file=path, id=path.stem)
            )
        records.append(in_language_in_use(found, exercises))
        paths.append(path)
    first, second = records
    if first.exercise.id != second.exercise.id:
        raise CoprodError(
            _(
                "These two reflections are on different exercises ('{first}' and "
                "'{second}'), so their results do not line up. Fix: choose two "
                "reflections on the same exercise; 'coprod history --exercise ID' lists them."
            ).format(first=first.exercise.id, second=second.exercise.id)
        )
    if paths[0].resolve() == paths[1].resolve():
        raise UsageProblem(_("--beside names the same reflection twice. Fix: choose another one."))
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
    from coprod_toolkit.errors import CoprodError, UsageProblem
    from coprod_toolkit.history import in_language_in_use, read_reflection
    from coprod_toolkit.models import GroupRecord
    from coprod_toolkit.report import group_markdown, markdown
    from coprod_toolkit.report_html import group_html_report, html_report
    from coprod_toolkit.storage import default_home

    if output not in ("html", "md"):
        raise UsageProblem(_("--format {value}: use html or md.").format(value=output))
    root = out.expanduser() if out else default_home()
    summaries = _summaries(out)
    path = _find_reflection_path(ref, summaries, root)
    found = in_language_in_use(_read_for_report(path), exercises)
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
            previous = in_language_in_use(
                read_reflection(root / "reflections" / earlier[0].file), exercises
            )
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
    typer.echo(_("Wrote {file}").format(file=target))
    if output == "html":
        typer.echo(_("Open it in any web browser; use the browser's Print to make a PDF."))


@app.command(
    help=gettext_noop(
        "Export every answer, one row each, for a spreadsheet or your own analysis.\n\n"
        "In a CSV file, any answer that starts with =, +, -, @ or a tab gets a ' in front, "
        "so a spreadsheet shows it as text and never runs it as a formula.\n\n"
        "Examples:\n\n"
        "  coprod export --to answers.csv\n\n"
        "  coprod export --exercise six-principles --anonymous --format jsonl"
    )
)
def export(
    exercise: ExerciseFilter = None,
    name: NameFilter = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    output: Annotated[
        Literal["csv", "jsonl"],
        typer.Option(
            "--format",
            help=gettext_noop("csv (for spreadsheets) or jsonl."),
            metavar="csv|jsonl",
        ),
    ] = "csv",
    anonymous: Annotated[
        bool,
        typer.Option(
            "--anonymous", help=gettext_noop("Leave names out: people become Person 1, 2, ...")
        ),
    ] = False,
    to: Annotated[
        Path | None,
        typer.Option(
            "--to",
            help=gettext_noop("Write to this file instead of the screen (- for the screen)."),
            metavar="FILE",
        ),
    ] = None,
    force: ForceOpt = False,
    bom: Annotated[
        bool | None,
        typer.Option(
            "--bom/--no-bom",
            help=gettext_noop(
                "Start the CSV with a byte-order mark, so Excel reads accents rightly. "
                "Default: yes in a file written with --to, no on the screen or in a pipe."
            ),
            show_default=False,
        ),
    ] = None,
    out: OutOpt = None,
) -> None:
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
    "language",
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
    from coprod_toolkit.history import History, word_map
    from coprod_toolkit.i18n import ENGLISH, language
    from coprod_toolkit.storage import write_output
    from coprod_toolkit.text import printable

    here = language()

    if output not in ("csv", "jsonl"):
        raise UsageProblem(_("--format {value}: use csv or jsonl.").format(value=output))
    found = _files(out, exercise, name, since, until)  # oldest first
    root = _root(out)
    people: dict[str, str] = {}
    counted = {"rows": 0}
    screen = to is None or str(to) == "-"
    terminal = screen and sys.stdout.isatty()

    def alias(name: str | None) -> str:
        """The person's name, or the same 'Person N' for them throughout the export. A
        reflection saved without a name stays without one: two of them need not be one
        person, and a number would say they were."""
        if not anonymous or not name:
            return name or ""
        return people.setdefault(
            (name or "").casefold(), _("Person {number}").format(number=len(people) + 1)
        )

    def rows(cell: Callable[[object], object]) -> Iterator[list[object]]:
        """One row per answer (in EXPORT_COLUMNS order), oldest reflection first.

        The records are read a batch at a time; `cell` is applied to every cell,
        once per reflection for the cells all its rows share.
        """
        history = History(root)
        for file, payload, problem in history.answers(found):
            if payload is None:
                _warn_after(
                    _("Skipped {file}: {problem}.").format(file=file, problem=problem),
                    root / "reflections" / file,
                )
                continue
            c = payload["common"]
            answered = c.get("language") or ENGLISH
            language_cell = cell(answered)
            # The exercise's words in the language in use, where it has them.
            words = word_map(c["exercise"], answered) if answered != here else {}
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
                    cell(words.get(text, text) if isinstance(text, str) else text),
                    cell(";".join(answer) if isinstance(answer, list) else answer),
                    score,
                    language_cell,
                ]

    def chunks() -> Iterator[str]:
        """The export as text, a little at a time, so memory stays flat."""
        if output == "csv":
            buffer = io.StringIO()
            # A file keeps CSV's line ends (\r\n); a terminal shows plain lines.
            writer = csv.writer(buffer, lineterminator="\n" if terminal else "\r\n")
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
    answers = counted["rows"] - steps
    answer_words = ngettext("{count} answer", "{count} answers", answers).format(count=answers)
    reflection_words = ngettext("{count} reflection", "{count} reflections", len(found)).format(
        count=len(found)
    )
    if steps:
        step_words = ngettext(
            "{count} idea or action from group steps",
            "{count} ideas and actions from group steps",
            steps,
        ).format(count=steps)
        said = _("Wrote {answers} and {steps} from {reflections} to {file}")
    else:
        step_words = ""
        said = _("Wrote {answers} from {reflections} to {file}")
    typer.echo(
        said.format(answers=answer_words, steps=step_words, reflections=reflection_words, file=to)
    )
