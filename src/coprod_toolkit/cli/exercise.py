"""coprod exercise: list, show, validate, new, schema and try."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from coprod_toolkit.cli.app import exercise_app
from coprod_toolkit.cli.common import (
    ExercisesOpt,
    OldOutOpt,
    PlainOpt,
    PlainShowOpt,
    console_for,
    output_file,
    subject_of,
)

if TYPE_CHECKING:
    from coprod_toolkit.models import Exercise


@exercise_app.command("list")
def exercise_list(exercises: ExercisesOpt = None, plain: PlainShowOpt = False) -> None:
    """List the exercises coprod can find, and where each comes from.

    Example:

      coprod exercise list
    """
    _exercise_list(exercises, plain)


def _exercise_list(exercises: list[Path] | None, plain: bool) -> None:
    # Printed without rich: listing reads only the cached summaries, and starts as fast
    # as typer itself (issue 15).
    from coprod_toolkit.catalog import catalog
    from coprod_toolkit.text import printable

    cat = catalog(exercises)
    bold = not plain and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    for ex_id, found in sorted(cat.exercises.items()):
        if found.kind == "guided":
            size = f"{found.count} steps, for a group (coprod group {ex_id})"
        else:
            size = f"{found.count} {'statements' if found.kind == 'checklist' else 'questions'}"
        shown = printable(ex_id)
        typer.echo(typer.style(shown, bold=True) if bold else shown)
        typer.echo(printable(f"  {found.title}"))
        typer.echo(
            printable(
                f"  {found.kind}, {size}, about {found.minutes} minutes; "
                f"{found.origin}: {found.path}"
            )
        )
    if cat.broken:
        typer.echo()
        typer.echo(f"{len(cat.broken)} file(s) could not be read as exercises:")
        for path in cat.broken:
            typer.echo(printable(f"  {path}"))
        typer.echo("To see what is wrong and how to fix it: coprod exercise validate FILE")


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
    plain: PlainShowOpt = False,
) -> None:
    """Show everything in an exercise: its sections, questions, answers and ids.

    The question ids are what an answers file (--answers) uses.

    Example:

      coprod exercise show six-principles --about service
    """
    _exercise_show(exercise, about, exercises, plain)


def _exercise_show(
    exercise: str, about: str | None, exercises: list[Path] | None, plain: bool
) -> None:
    from rich.text import Text

    from coprod_toolkit.answers import allowed, condition_words
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
    if ex.kind == "guided":
        line("A guided exercise for a group: run it with coprod group " + ex.id)
    for index, step in enumerate(ex.steps, 1):
        line()
        line(f"{index}. [{step.id}] {one_line(step.title)}", "bold")
        line(one_line(step.prompt))
        if step.minutes:
            line(f"   About {step.minutes} minutes to talk, then a round: {one_line(step.round)}")
        else:
            line(f"   Then a round: {one_line(step.round)}")
    if ex.steps:
        line()
        line(f"Then the actions: {one_line(ex.actions_prompt)}")
    number = 0
    for section in ex.sections:
        line()
        line(f"{section.title}", "bold")
        if section.description:
            line(one_line(section.description))
        for q in section.questions:
            number += 1
            extras = []
            if q.optional and q.type != "text":
                extras.append("optional")
            if q.type == "text" and not q.optional:
                extras.append("an answer is needed")
            if getattr(q, "reverse", False):
                extras.append("counted in reverse: agreeing counts against")
            if q.weight != 1:
                extras.append(f"counts {q.weight:g} times")
            if getattr(q, "blocks", False):
                extras.append(f"on its own gives '{ex.verdicts[-1].label}'" if ex.verdicts else "")
            if q.when is not None:
                extras.append(f"only asked when {q.when.question} {condition_words(q.when)}")
            extras = [e for e in extras if e]
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
    for text in results_words(ex):
        line(text)


def results_words(ex: Exercise) -> list[str]:
    """How an exercise's results are worked out and shown, for 'exercise show'."""
    from coprod_toolkit.scoring import uses_rules
    from coprod_toolkit.text import one_line

    if ex.kind == "guided":
        return []
    lines = ["", "How results are shown"]
    if ex.kind == "checklist":
        lines.append(
            "  A verdict from the number of concerns (statements answered the worrying way, "
            "counted by weight):"
        )
        lines += [f"  {v.min}-{v.max}: {one_line(v.label)}" for v in ex.verdicts]
        if uses_rules(ex):
            last = ex.verdicts[-1].label if ex.verdicts else "the last verdict"
            find_out = ex.find_out_first.label if ex.find_out_first else "Find out first"
            lines.append(f"  Any statement marked 'on its own' gives '{last}', whatever the count.")
            lines.append(f"  'Not sure' answers that could change the verdict give '{find_out}'.")
        else:
            lines.append("  'Not sure' answers are listed as things to find out.")
        return lines
    shown = {
        "percent": "each score out of 100",
        "total": "each total in points, with the range it can fall in (like '12 of 4-20')",
        "mean": "the average answer on the scale (like '7 of 10')",
        "each": "each section's reading on its own, never added into one total",
    }[ex.scoring.shown_as()]
    lines.append(f"  Results show {shown}.")
    on = "the total in points" if ex.scoring.bands_on == "raw" else "the score out of 100"
    lines.append(f"  Bands are read on {on}, rounded half up (62.5 is 63).")
    passes = {
        "leave_out": "A passed question is left out of the total and its range.",
        "pro_rate": "A passed question is pro-rated: the total is scaled up to the full range.",
        "lowest": "A passed question counts as its lowest answer.",
    }[ex.scoring.passes]
    lines.append(f"  {passes} 'Not sure' and 'does not apply' answers are left out.")
    if ex.scoring.min_answered:
        lines.append(
            f"  No band unless at least {ex.scoring.min_answered:.0%} of the scored questions "
            "are answered."
        )
    return lines


@exercise_app.command("validate")
def exercise_validate(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Exercise files, or folders of them.", metavar="PATH..."),
    ],
    output: Annotated[
        Literal["text", "json"],
        typer.Option(
            "--format", help="text for people, json for editors and CI.", metavar="text|json"
        ),
    ] = "text",
) -> None:
    """Check exercise files: every problem, where it is, and how to fix it.

    Errors stop an exercise from being used; warnings point at things that work
    but are probably not what you meant. Exits with 1 if there is any error.

    Examples:

      coprod exercise validate my-exercise.yaml

      coprod exercise validate exercises/ --format json
    """
    _exercise_validate(paths, output)


def _exercise_validate(paths: list[Path], output: str) -> None:
    import json

    from coprod_toolkit.catalog import check_paths
    from coprod_toolkit.errors import UsageProblem
    from coprod_toolkit.text import printable

    if output not in ("text", "json"):
        raise UsageProblem(f"--format {output}: use text or json.")
    reports, missing = check_paths(paths)
    errors = len(missing) + sum(len(r.errors) for r in reports)
    warnings = sum(len(r.warnings) for r in reports)
    if output == "json":
        data = {
            "files": [
                {
                    "path": str(r.path),
                    "id": r.exercise_id,
                    "valid": not r.errors,
                    "problems": [p.as_dict() for p in r.problems],
                }
                for r in reports
            ],
            "missing": [p.as_dict() for p in missing],
            "errors": errors,
            "warnings": warnings,
        }
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
        raise typer.Exit(1 if errors else 0)
    all_errors = [*missing, *(p for r in reports for p in r.errors)]
    all_warnings = [p for r in reports for p in r.warnings]
    if all_errors:
        typer.echo("Errors (these must be fixed before the exercise can be used):")
        for problem in all_errors:
            typer.echo(printable(str(problem)))
    if all_warnings:
        if all_errors:
            typer.echo()
        typer.echo("Warnings (worth a look, but the exercise still works):")
        for problem in all_warnings:
            typer.echo(printable(str(problem)))
    checked = len(reports)
    broken = sum(1 for r in reports if r.errors)
    summary = f"Checked {checked} file{'s' if checked != 1 else ''}: "
    if errors:
        summary += f"{errors} error{'s' if errors != 1 else ''}"
        summary += f" in {broken} file{'s' if broken != 1 else ''}" if broken else ""
    else:
        summary += "no errors"
    summary += f", {warnings} warning{'s' if warnings != 1 else ''}."
    if all_errors or all_warnings:
        typer.echo()
    typer.echo(summary)
    raise typer.Exit(1 if errors else 0)


@exercise_app.command("schema")
def exercise_schema(
    to: Annotated[
        Path | None,
        typer.Option(
            "--to", help="Write the schema to this file instead of the screen.", metavar="FILE"
        ),
    ] = None,
    old_out: OldOutOpt = None,
) -> None:
    """Print the JSON Schema of the exercise format, for editors that check as you type.

    In VS Code with the YAML extension, save it beside your exercises and put
    this line at the top of an exercise file:

      # yaml-language-server: $schema=exercise.schema.json

    Example:

      coprod exercise schema --to exercises/exercise.schema.json
    """
    from coprod_toolkit.authoring import schema_text

    out = output_file(to, old_out)
    text = schema_text()
    if out is None:
        typer.echo(text, nl=False)
        return
    _write_new_or_same(out, text)
    typer.echo(f"Wrote the schema to {out}")


def _write_new_or_same(path: Path, text: str) -> None:
    """Write a file, refusing to replace one that says something else."""
    from coprod_toolkit.errors import CoprodError

    if path.exists() and path.read_text(encoding="utf-8", errors="replace") != text:
        raise CoprodError(
            f"{path} already exists, and coprod will not write over it. "
            "Fix: choose another name, or move the old file first."
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as e:
        raise CoprodError(
            f"Cannot write {path}: {e.strerror}. Fix: choose a folder you can write to."
        ) from None


@exercise_app.command("new")
def exercise_new(
    kind: Annotated[
        Literal["assessment", "checklist"] | None,
        typer.Option(
            "--kind",
            help="assessment (scored questions) or checklist (yes/no statements and a verdict).",
            metavar="assessment|checklist",
        ),
    ] = None,
    title: Annotated[
        str | None, typer.Option("--title", help="The exercise's title.", metavar="TITLE")
    ] = None,
    sections: Annotated[
        str | None,
        typer.Option(
            "--sections",
            help="Its sections, separated by commas (usually one per principle). "
            "Default: the six principles of co-production.",
            metavar="NAMES",
        ),
    ] = None,
    scale: Annotated[
        str | None,
        typer.Option("--scale", help="The answer scale, like 1-5 or 0-10.", metavar="MIN-MAX"),
    ] = None,
    to: Annotated[
        Path | None,
        typer.Option(
            "--to", help="Where to write it. Default: exercises/ID.yaml here.", metavar="FILE"
        ),
    ] = None,
    old_out: OldOutOpt = None,
) -> None:
    """Start a new exercise: a commented file that already works, ready to fill in.

    In a terminal, coprod asks for anything you leave out.

    Examples:

      coprod exercise new

      coprod exercise new --title "Our values" --sections "Respect, Trust" --scale 1-4
    """
    _exercise_new(kind, title, sections, scale, output_file(to, old_out))


def _parse_scale(text: str) -> tuple[int, int]:
    from coprod_toolkit.errors import UsageProblem

    parts = text.replace("to", "-").replace("–", "-").split("-")
    try:
        low, high = (int(p.strip()) for p in parts)
    except ValueError:
        raise UsageProblem(f"--scale {text}: write it as two whole numbers, like 1-5.") from None
    if not 0 <= low < high <= low + 100:
        raise UsageProblem(
            f"--scale {text}: the first number must be 0 or more and below the second, "
            "like 1-5 or 0-10."
        )
    return low, high


def _exercise_new(
    kind: str | None,
    title: str | None,
    sections: str | None,
    scale: str | None,
    out: Path | None,
) -> None:
    from coprod_toolkit.authoring import (
        SCHEMA_NAME,
        schema_text,
        six_principles,
        slugify,
        starter_checklist,
        starter_exercise,
    )
    from coprod_toolkit.cli.common import interactive, prompter_for
    from coprod_toolkit.errors import CoprodError, Interrupted, UsageProblem
    from coprod_toolkit.loader import load_exercise

    if kind is not None and kind not in ("assessment", "checklist"):
        raise UsageProblem(f"--kind {kind}: use assessment or checklist.")
    asking = interactive() and None in (kind, title, sections) + (
        (scale,) if kind != "checklist" else ()
    )
    if asking:
        prompter = prompter_for(False)
        try:
            if kind is None:
                kind = prompter.choose(
                    "What kind of exercise?",
                    [
                        ("assessment", "An assessment: statements rated on a scale, with scores"),
                        ("checklist", "A checklist: yes/no statements that end in a verdict"),
                    ],
                )
            if title is None:
                title = prompter.text("Title of the new exercise") or None
            if sections is None:
                sections = (
                    prompter.text(
                        "Its sections, separated by commas (press Enter for the six principles)"
                    )
                    or None
                )
            if scale is None and kind != "checklist":
                scale = prompter.choose(
                    "The answer scale",
                    [("1-5", "1 to 5"), ("1-4", "1 to 4 (no middle)"), ("0-10", "0 to 10")],
                )
        except Interrupted:
            raise Interrupted("Stopped. No file was written.") from None
    title = " ".join((title or "My exercise").split())
    names = [s.strip() for s in (sections or "").split(",") if s.strip()] or six_principles()
    if len(names) > 20:
        raise UsageProblem("--sections: at most 20 sections, please.")
    low, high = _parse_scale(scale or "1-5")
    path = out or Path("exercises") / f"{slugify(title)}.yaml"
    if path.exists():
        raise CoprodError(
            f"{path} already exists, and coprod will not write over it. "
            "Fix: choose another title, or give --to FILE."
        )
    if kind == "checklist":
        _write_new_or_same(path, starter_checklist(title, names))
    else:
        _write_new_or_same(path, starter_exercise(title, names, low, high))
    schema = path.parent / SCHEMA_NAME
    if not schema.exists():
        _write_new_or_same(schema, schema_text())
    load_exercise(path)  # what we write must work as it stands
    typer.echo(f"Wrote {path}")
    typer.echo(f"  (and {schema}, so editors such as VS Code can check it as you type)")
    typer.echo("Next: open it in a text editor, change the questions, then check it with:")
    typer.echo(f"  coprod exercise validate {path}")
    typer.echo(f"  coprod exercise try {path}")


@exercise_app.command("try")
def exercise_try(
    exercise: Annotated[
        str, typer.Argument(help="The exercise's id, or the path of its file.", metavar="EXERCISE")
    ],
    about: Annotated[
        str | None,
        typer.Option(
            "--about", help="Which wording to use: me, service or organisation.", metavar="SUBJECT"
        ),
    ] = None,
    answers: Annotated[
        Path | None,
        typer.Option("--answers", help="Take the answers from this file instead.", metavar="FILE"),
    ] = None,
    plain: PlainOpt = False,
    exercises: ExercisesOpt = None,
) -> None:
    """Run an exercise as a person would meet it, without saving anything.

    Example:

      coprod exercise try exercises/my-exercise.yaml
    """
    from coprod_toolkit.catalog import find
    from coprod_toolkit.cli.assess import run_assess

    kind = find(exercise, exercises).exercise.kind
    command = "readiness" if kind == "checklist" else "assess"
    run_assess(
        exercise, None, about, answers, None, plain, True, exercises, command, "this is a try-out"
    )
