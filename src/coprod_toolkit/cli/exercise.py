"""coprod exercise: list, show, validate, new, schema and try."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from coprod_toolkit.cli.app import exercise_app
from coprod_toolkit.cli.common import ExercisesOpt, PlainOpt, console_for, handled, subject_of


@exercise_app.command("list")
def exercise_list(exercises: ExercisesOpt = None, plain: PlainOpt = False) -> None:
    """List the exercises coprod can find, and where each comes from.

    Example:

      coprod exercise list
    """
    with handled():
        _exercise_list(exercises, plain)


def _exercise_list(exercises: list[Path] | None, plain: bool) -> None:
    from rich.text import Text

    from coprod_toolkit.catalog import catalog
    from coprod_toolkit.text import printable

    cat = catalog(exercises)
    console = console_for(plain or not sys.stdout.isatty())
    for ex_id, found in sorted(cat.exercises.items()):
        ex = found.loaded.exercise
        questions = sum(1 for _ in ex.questions())
        console.print(Text(printable(f"{ex_id}"), style="bold"))
        console.print(Text(printable(f"  {ex.title}")))
        console.print(
            Text(
                printable(
                    f"  {ex.kind}, {questions} questions, about {ex.minutes} minutes; "
                    f"{found.origin}: {found.loaded.path}"
                )
            )
        )
    if cat.broken:
        console.print()
        console.print(f"{len(cat.broken)} file(s) could not be read as exercises:")
        for _, error in cat.broken:
            console.print(Text(printable(str(error))))


@exercise_app.command("show")
def exercise_show(
    exercise: Annotated[
        str, typer.Argument(help="The exercise's id, or the path of its file.", metavar="EXERCISE")
    ],
    about: Annotated[
        str | None,
        typer.Option(
            "--about", help="Show the wording for me, service or organisation.", metavar="SUBJECT"
        ),
    ] = None,
    exercises: ExercisesOpt = None,
    plain: PlainOpt = False,
) -> None:
    """Show everything in an exercise: its sections, questions, answers and ids.

    The question ids are what an answers file (--answers) uses.

    Example:

      coprod exercise show six-principles --about service
    """
    with handled():
        _exercise_show(exercise, about, exercises, plain)


def _exercise_show(
    exercise: str, about: str | None, exercises: list[Path] | None, plain: bool
) -> None:
    from rich.text import Text

    from coprod_toolkit.answers import allowed
    from coprod_toolkit.catalog import find
    from coprod_toolkit.prompts import options_for
    from coprod_toolkit.text import one_line, printable

    loaded = find(exercise, exercises)
    ex = loaded.exercise
    subject = subject_of(ex, about)
    console = console_for(plain or not sys.stdout.isatty())

    def line(text: str = "", style: str = "") -> None:
        console.print(Text(printable(text), style=style))

    line(ex.title, "bold")
    line(f"id: {ex.id}, version {ex.version}; about {ex.minutes} minutes")
    line(one_line(ex.summary))
    if ex.audience:
        line(f"For: {one_line(ex.audience)}")
    line("Can be about: " + "; ".join(f"{k} ({v})" for k, v in ex.subjects.items()))
    number = 0
    for section in ex.sections:
        line()
        line(f"{section.title}", "bold")
        if section.description:
            line(one_line(section.description))
        for q in section.questions:
            number += 1
            extras = []
            if q.optional:
                extras.append("optional")
            if getattr(q, "reverse", False):
                extras.append("counted in reverse")
            if q.when is not None:
                extras.append(f"only asked depending on {q.when.question}")
            tail = f" ({', '.join(extras)})" if extras else ""
            line(f"  {number}. [{q.id}] {one_line(ex.wording(q, subject))}{tail}")
            options = options_for(ex, q)
            if options:
                line("     Answers: " + "; ".join(label for _, label in options))
            else:
                line(f"     Answer: {allowed(ex, q)}")
    if ex.scoring.bands:
        line()
        line("What the overall score means", "bold")
        unit = "out of 100" if ex.scoring.bands_on == "percent" else "points"
        for band in ex.scoring.bands:
            line(f"  {band.min}-{band.max} {unit}: {one_line(band.label)}")
