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
from coprod_toolkit.i18n import _, gettext_noop, ngettext, pgettext

if TYPE_CHECKING:
    from coprod_toolkit.models import Exercise

MAX_SCALE_SPAN = 100  # a scale has at most 101 points, like 0-100

ForceOpt = Annotated[
    bool,
    typer.Option(
        "--force", help=gettext_noop("Replace the file given with --to if it is already there.")
    ),
]


@exercise_app.command(
    "list",
    help=gettext_noop(
        "List the exercises coprod can find, where each comes from, and the languages "
        "it is in.\n\nExample:\n\n  coprod exercise list"
    ),
)
def exercise_list(exercises: ExercisesOpt = None, plain: PlainShowOpt = False) -> None:
    _exercise_list(exercises, plain)


def kind_words(kind: str) -> str:
    """An exercise's kind, in words."""
    return {
        "assessment": pgettext("kind of exercise", "assessment"),
        "checklist": pgettext("kind of exercise", "checklist"),
        "guided": pgettext("kind of exercise", "guided"),
    }.get(kind, kind)


def language_names(codes: list[str]) -> str:
    """'English, Cymraeg': each language by its own name."""
    from coprod_toolkit.i18n import name_of

    return ", ".join(name_of(code) for code in codes)


def _exercise_list(exercises: list[Path] | None, plain: bool) -> None:
    # Printed without rich: listing reads only the cached summaries, and starts as fast
    # as typer itself (issue 15).
    from coprod_toolkit.catalog import catalog
    from coprod_toolkit.text import fit, printable

    cat = catalog(exercises)
    bold = not plain and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    for ex_id, found in sorted(cat.exercises.items()):
        count = found.count
        if found.kind == "guided":
            size = ngettext(
                "{count} step, for a group (coprod group {id})",
                "{count} steps, for a group (coprod group {id})",
                count,
            ).format(count=count, id=ex_id)
        elif found.kind == "checklist":
            size = ngettext("{count} statement", "{count} statements", count).format(count=count)
        else:
            size = ngettext("{count} question", "{count} questions", count).format(count=count)
        if found.minutes is None:
            about = _("{kind}, {size}").format(kind=kind_words(found.kind), size=size)
        else:
            about = ngettext(
                "{kind}, {size}, about {count} minute",
                "{kind}, {size}, about {count} minutes",
                found.minutes,
            ).format(kind=kind_words(found.kind), size=size, count=found.minutes)
        shown = printable(ex_id)
        typer.echo(typer.style(shown, bold=True) if bold else shown)
        # folded between words on a terminal, so a long path is not cut in two
        typer.echo(fit(printable(f"  {found.title}")))
        typer.echo(fit(printable(f"  {about}; {found.origin}: {found.path}")))
        names = language_names(found.languages)
        typer.echo(fit(printable("  " + _("Languages: {languages}").format(languages=names))))
    if cat.broken:
        typer.echo()
        count = len(cat.broken)
        typer.echo(
            ngettext(
                "{count} file could not be read as an exercise:",
                "{count} files could not be read as exercises:",
                count,
            ).format(count=count)
        )
        for path in cat.broken:
            typer.echo(printable(f"  {path}"))
        typer.echo(fit(_("To see what is wrong and how to fix it: coprod exercise validate FILE")))


@exercise_app.command(
    "show",
    help=gettext_noop(
        "Show everything in an exercise: its sections, questions, answers and ids.\n\n"
        "The question ids are what an answers file (--answers) uses.\n\n"
        "Example:\n\n  coprod exercise show six-principles --about service"
    ),
)
def exercise_show(
    exercise: Annotated[
        str,
        typer.Argument(
            help=gettext_noop("The exercise's id, or the path of its file."), metavar="EXERCISE"
        ),
    ],
    about: Annotated[
        str | None,
        typer.Option(
            "--about",
            help=gettext_noop("Show the wording for me, service or organisation."),
            metavar="SUBJECT",
        ),
    ] = None,
    exercises: ExercisesOpt = None,
    plain: PlainShowOpt = False,
) -> None:
    _exercise_show(exercise, about, exercises, plain)


def _exercise_show(
    exercise: str, about: str | None, exercises: list[Path] | None, plain: bool
) -> None:
    from rich.text import Text

    from coprod_toolkit.answers import allowed, condition_words
    from coprod_toolkit.catalog import find
    from coprod_toolkit.loader import languages
    from coprod_toolkit.prompts import options_for
    from coprod_toolkit.text import one_line, printable

    loaded = find(exercise, exercises)
    ex = loaded.exercise
    subject = subject_of(ex, about)
    console = console_for(plain or not sys.stdout.isatty())

    def line(text: str = "", style: str = "") -> None:
        console.print(Text(printable(text), style=style))

    line(ex.title, "bold")
    line(
        ngettext(
            "id: {id}, version {version}; about {count} minute",
            "id: {id}, version {version}; about {count} minutes",
            ex.minutes,
        ).format(id=ex.id, version=ex.version, count=ex.minutes)
    )
    line(one_line(ex.summary))
    if ex.audience:
        line(_("For: {audience}").format(audience=one_line(ex.audience)))
    subjects = "; ".join(f"{k} ({v})" for k, v in ex.subjects.items())
    line(_("Can be about: {subjects}").format(subjects=subjects))
    line(_("Languages: {languages}").format(languages=language_names(languages(loaded))))
    if ex.kind == "guided":
        line(_("A guided exercise for a group: run it with coprod group {id}").format(id=ex.id))
    for index, step in enumerate(ex.steps, 1):
        line()
        line(f"{index}. [{step.id}] {one_line(step.title)}", "bold")
        line(one_line(step.prompt))
        if step.minutes:
            line(
                "   "
                + ngettext(
                    "About {count} minute to talk, then a round: {round}",
                    "About {count} minutes to talk, then a round: {round}",
                    step.minutes,
                ).format(count=step.minutes, round=one_line(step.round))
            )
        else:
            line("   " + _("Then a round: {round}").format(round=one_line(step.round)))
    if ex.steps:
        line()
        line(_("Then the actions: {prompt}").format(prompt=one_line(ex.actions_prompt)))
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
                extras.append(_("optional"))
            if q.type == "text" and not q.optional:
                extras.append(_("an answer is needed"))
            if getattr(q, "reverse", False):
                extras.append(_("counted in reverse: agreeing counts against"))
            if q.weight != 1:
                # Translators: {weight} is a number such as 2 or 1.5.
                extras.append(_("counts {weight} times").format(weight=f"{q.weight:g}"))
            if getattr(q, "blocks", False) and ex.verdicts:
                extras.append(
                    _("on its own gives '{verdict}'").format(verdict=ex.verdicts[-1].label)
                )
            if q.when is not None:
                extras.append(
                    _("only asked when {question} {condition}").format(
                        question=q.when.question, condition=condition_words(q.when)
                    )
                )
            tail = f" ({', '.join(extras)})" if extras else ""
            line(f"  {number}. [{q.id}] {one_line(ex.wording(q, subject))}{tail}")
            options = options_for(ex, q)
            if options:
                answers = "; ".join(label for _value, label in options)
                line("     " + _("Answers: {answers}").format(answers=answers))
            else:
                line("     " + _("Answer: {allowed}").format(allowed=allowed(ex, q)))
    if ex.scoring.bands:
        line()
        line(_("What the overall score means"), "bold")
        for band in ex.scoring.bands:
            if ex.scoring.bands_on == "percent":
                # Translators: a band's range of scores, such as '0-39 out of 100: Early days'.
                text = _("{min}-{max} out of 100: {label}")
            else:
                text = _("{min}-{max} points: {label}")
            line("  " + text.format(min=band.min, max=band.max, label=one_line(band.label)))
    for text in results_words(ex):
        line(text)


def results_words(ex: Exercise) -> list[str]:
    """How an exercise's results are worked out and shown, for 'exercise show'."""
    from coprod_toolkit.scoring import uses_rules
    from coprod_toolkit.text import one_line

    if ex.kind == "guided":
        return []
    lines = ["", _("How results are shown")]
    if ex.kind == "checklist":
        lines.append(
            "  "
            + _(
                "A verdict from the number of concerns (statements answered the worrying way, "
                "counted by weight):"
            )
        )
        lines += [f"  {v.min}-{v.max}: {one_line(v.label)}" for v in ex.verdicts]
        if uses_rules(ex):
            last = ex.verdicts[-1].label if ex.verdicts else _("the last verdict")
            find_out = ex.find_out_first.label if ex.find_out_first else _("Find out first")
            lines.append(
                "  "
                + _(
                    "Any statement marked 'on its own' gives '{verdict}', whatever the count."
                ).format(verdict=last)
            )
            lines.append(
                "  "
                + _("'Not sure' answers that could change the verdict give '{verdict}'.").format(
                    verdict=find_out
                )
            )
        else:
            lines.append("  " + _("'Not sure' answers are listed as things to find out."))
        return lines
    shown = {
        "percent": _("Results show each score out of 100."),
        "total": _(
            "Results show each total in points, with the range it can fall in (like '12 of 4-20')."
        ),
        "mean": _("Results show the average answer on the scale (like '7 of 10')."),
        "each": _("Results show each section's reading on its own, never added into one total."),
    }[ex.scoring.shown_as()]
    lines.append("  " + shown)
    if ex.scoring.bands_on == "raw":
        lines.append(
            "  " + _("Bands are read on the total in points, rounded half up (62.5 is 63).")
        )
    else:
        lines.append(
            "  " + _("Bands are read on the score out of 100, rounded half up (62.5 is 63).")
        )
    passes = {
        "leave_out": _("A passed question is left out of the total and its range."),
        "pro_rate": _("A passed question is pro-rated: the total is scaled up to the full range."),
        "lowest": _("A passed question counts as its lowest answer."),
    }[ex.scoring.passes]
    lines.append("  " + passes + " " + _("'Not sure' and 'does not apply' answers are left out."))
    if ex.scoring.min_answered:
        lines.append(
            "  "
            # Translators: {share} is a percentage, such as 75%.
            + _("No band unless at least {share} of the scored questions are answered.").format(
                share=f"{ex.scoring.min_answered:.0%}"
            )
        )
    return lines


@exercise_app.command(
    "validate",
    help=gettext_noop(
        "Check exercise files: every problem, where it is, and how to fix it.\n\n"
        "Errors stop an exercise from being used; warnings point at things that work\n"
        "but are probably not what you meant. Exits with 1 if there is any error.\n\n"
        "Examples:\n\n"
        "  coprod exercise validate my-exercise.yaml\n\n"
        "  coprod exercise validate exercises/ --format json"
    ),
)
def exercise_validate(
    paths: Annotated[
        list[Path],
        typer.Argument(help=gettext_noop("Exercise files, or folders of them."), metavar="PATH..."),
    ],
    output: Annotated[
        Literal["text", "json"],
        typer.Option(
            "--format",
            help=gettext_noop("text for people, json for editors and CI."),
            metavar="text|json",
        ),
    ] = "text",
) -> None:
    _exercise_validate(paths, output)


def _exercise_validate(paths: list[Path], output: str) -> None:
    import json

    from coprod_toolkit.catalog import check_paths
    from coprod_toolkit.errors import UsageProblem
    from coprod_toolkit.text import printable

    if output not in ("text", "json"):
        raise UsageProblem(_("--format {value}: use text or json.").format(value=output))
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
        typer.echo(_("Errors (these must be fixed before the exercise can be used):"))
        for problem in all_errors:
            typer.echo(printable(str(problem)))
    if all_warnings:
        if all_errors:
            typer.echo()
        typer.echo(_("Warnings (worth a look, but the exercise still works):"))
        for problem in all_warnings:
            typer.echo(printable(str(problem)))
    if all_errors or all_warnings:
        typer.echo()
    typer.echo(
        validate_summary(len(reports), errors, sum(1 for r in reports if r.errors), warnings)
    )
    raise typer.Exit(1 if errors else 0)


def validate_summary(checked: int, errors: int, broken: int, warnings: int) -> str:
    """'Checked 3 files: 2 errors in 1 file, 1 warning.'"""
    files = ngettext("Checked {count} file", "Checked {count} files", checked).format(count=checked)
    if errors:
        found = ngettext("{count} error", "{count} errors", errors).format(count=errors)
        if broken:
            found = ngettext(
                "{errors} in {count} file", "{errors} in {count} files", broken
            ).format(errors=found, count=broken)
    else:
        found = _("no errors")
    warned = ngettext("{count} warning", "{count} warnings", warnings).format(count=warnings)
    # Translators: 'Checked 3 files: 2 errors in 1 file, 1 warning.'
    return _("{checked}: {errors}, {warnings}.").format(
        checked=files, errors=found, warnings=warned
    )


@exercise_app.command(
    "schema",
    help=gettext_noop(
        "Print the JSON Schema of the exercise format, for editors that check as you type.\n\n"
        "In VS Code with the YAML extension, save it beside your exercises and put\n"
        "this line at the top of an exercise file:\n\n"
        "  # yaml-language-server: $schema=exercise.schema.json\n\n"
        "Example:\n\n"
        "  coprod exercise schema --to exercises/exercise.schema.json"
    ),
)
def exercise_schema(
    to: Annotated[
        Path | None,
        typer.Option(
            "--to",
            help=gettext_noop("Write the schema to this file instead of the screen."),
            metavar="FILE",
        ),
    ] = None,
    old_out: OldOutOpt = None,
    force: ForceOpt = False,
) -> None:
    from coprod_toolkit.authoring import schema_text

    out = output_file(to, old_out)
    text = schema_text()
    if out is None or str(out) == "-":  # `--to -`: the screen, as in report and export
        typer.echo(text, nl=False)
        return
    if out.is_file() and not force and out.read_text(encoding="utf-8", errors="replace") == text:
        # Nothing to replace: say so rather than 'Wrote', which would look like it did.
        typer.echo(_("{file} already holds this schema; nothing was changed.").format(file=out))
        return
    if out.exists() and not force:
        _refuse_to_replace(
            out, _("Fix: choose another name with --to FILE, or add --force to replace it.")
        )
    _write_new_or_same(out, text, force)
    typer.echo(_("Wrote the schema to {file}").format(file=out))


def _refuse_to_replace(path: Path, fix: str) -> None:
    """Stop, as report and export do, rather than write over a file already there."""
    from coprod_toolkit.errors import StorageError

    raise StorageError(
        _("{file} already exists, and coprod will not write over it.").format(file=path) + " " + fix
    )


def _write_new_or_same(path: Path, text: str, force: bool = False) -> None:
    """Write a file, refusing to replace one that says something else (unless `force`)."""
    from coprod_toolkit.errors import CoprodError

    if path.is_dir():
        raise CoprodError(
            _("{file} is a folder. Fix: give the name of a file with --to FILE.").format(file=path)
        )
    if not force and path.exists() and path.read_text(encoding="utf-8", errors="replace") != text:
        raise CoprodError(
            _(
                "{file} already exists, and coprod will not write over it. "
                "Fix: choose another name, or move the old file first."
            ).format(file=path)
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as e:
        raise CoprodError(
            _("Cannot write {file}: {reason}. Fix: choose a folder you can write to.").format(
                file=path, reason=e.strerror
            )
        ) from None


@exercise_app.command(
    "new",
    help=gettext_noop(
        "Start a new exercise: a commented file that already works, ready to fill in.\n\n"
        "In a terminal, coprod asks for anything you leave out. Its notes are in the "
        "language coprod speaks (--lang).\n\n"
        "Examples:\n\n"
        "  coprod exercise new\n\n"
        '  coprod exercise new --title "Our values" --sections "Respect, Trust" --scale 1-4'
    ),
)
def exercise_new(
    kind: Annotated[
        Literal["assessment", "checklist"] | None,
        typer.Option(
            "--kind",
            help=gettext_noop(
                "assessment (scored questions) or checklist (yes/no statements and a verdict)."
            ),
            metavar="assessment|checklist",
        ),
    ] = None,
    title: Annotated[
        str | None,
        typer.Option("--title", help=gettext_noop("The exercise's title."), metavar="TITLE"),
    ] = None,
    sections: Annotated[
        str | None,
        typer.Option(
            "--sections",
            help=gettext_noop(
                "Its sections, separated by commas (usually one per principle). "
                "Default: the six principles of co-production."
            ),
            metavar="NAMES",
        ),
    ] = None,
    scale: Annotated[
        str | None,
        typer.Option(
            "--scale", help=gettext_noop("The answer scale, like 1-5 or 0-10."), metavar="MIN-MAX"
        ),
    ] = None,
    to: Annotated[
        Path | None,
        typer.Option(
            "--to",
            help=gettext_noop("Where to write it. Default: exercises/ID.yaml here."),
            metavar="FILE",
        ),
    ] = None,
    old_out: OldOutOpt = None,
    force: ForceOpt = False,
) -> None:
    _exercise_new(kind, title, sections, scale, output_file(to, old_out), force)


def _parse_scale(text: str) -> tuple[int, int]:
    from coprod_toolkit.errors import UsageProblem

    parts = text.replace("to", "-").replace("–", "-").split("-")
    try:
        low, high = (int(p.strip()) for p in parts)
    except ValueError:
        raise UsageProblem(
            _("--scale {value}: write it as two whole numbers, like 1-5.").format(value=text)
        ) from None
    if low < 0:
        raise UsageProblem(
            _("--scale {value}: the first number must be 0 or more, like 1-5 or 0-10.").format(
                value=text
            )
        )
    if low >= high:
        raise UsageProblem(
            _(
                "--scale {value}: the first number must be below the second, like 1-5 or 0-10."
            ).format(value=text)
        )
    if high - low > MAX_SCALE_SPAN:
        raise UsageProblem(
            _(
                "--scale {value}: the scale is too wide. The two numbers can be at most "
                "{most} apart, like 0-{most}."
            ).format(value=text, most=MAX_SCALE_SPAN)
        )
    return low, high


def _exercise_new(
    kind: str | None,
    title: str | None,
    sections: str | None,
    scale: str | None,
    out: Path | None,
    force: bool = False,
) -> None:
    from coprod_toolkit.authoring import (
        SCHEMA_NAME,
        schema_text,
        six_principles,
        starter_checklist,
        starter_exercise,
    )
    from coprod_toolkit.cli.common import interactive, prompter_for
    from coprod_toolkit.errors import Interrupted, UsageProblem
    from coprod_toolkit.folders import search_dirs
    from coprod_toolkit.loader import load_exercise

    if kind is not None and kind not in ("assessment", "checklist"):
        raise UsageProblem(_("--kind {value}: use assessment or checklist.").format(value=kind))
    to_screen = out is not None and str(out) == "-"  # `--to -`, as in report and export
    asking = interactive() and None in (kind, title, sections) + (
        (scale,) if kind != "checklist" else ()
    )
    if asking and not to_screen and (out is not None or title is not None):
        # Where it will write is known already: say it is taken before asking anything.
        _new_file_free(_new_file(title, out), out, force)
    if asking:
        prompter = prompter_for(False)
        try:
            if kind is None:
                kind = prompter.choose(
                    _("What kind of exercise?"),
                    [
                        (
                            "assessment",
                            _("An assessment: statements rated on a scale, with scores"),
                        ),
                        ("checklist", _("A checklist: yes/no statements that end in a verdict")),
                    ],
                )
            if title is None:
                title = prompter.text(_("Title of the new exercise")) or None
                # The file is named after the title: say it is taken before the rest is asked.
                if not to_screen:
                    _new_file_free(_new_file(title, out), out, force)
            if sections is None:
                sections = (
                    prompter.text(
                        _("Its sections, separated by commas (press Enter for the six principles)")
                    )
                    or None
                )
            if scale is None and kind != "checklist":
                scale = prompter.choose(
                    _("The answer scale"),
                    [
                        ("1-5", _("{low} to {high}").format(low=1, high=5)),
                        ("1-4", _("{low} to {high} (no middle)").format(low=1, high=4)),
                        ("0-10", _("{low} to {high}").format(low=0, high=10)),
                    ],
                )
        except Interrupted:
            raise Interrupted(_("Stopped. No file was written.")) from None
    title = " ".join((title or _("My exercise")).split())
    names = [s.strip() for s in (sections or "").split(",") if s.strip()] or six_principles()
    if len(names) > 20:
        raise UsageProblem(_("--sections: at most 20 sections, please."))
    low, high = _parse_scale(scale or "1-5")
    if to_screen:
        _new_to_screen(kind, title, names, low, high)
        return
    path = _new_file(title, out)
    _new_file_free(path, out, force)
    # Asked for by its id only where coprod looks for exercises; elsewhere, by its path.
    searched = {folder.resolve() for _origin, folder in search_dirs()}
    ask = None if path.parent.resolve() in searched else str(path)
    if kind == "checklist":
        _write_new_or_same(path, starter_checklist(title, names, str(path), ask), force)
    else:
        _write_new_or_same(path, starter_exercise(title, names, low, high, str(path), ask), force)
    schema = path.parent / SCHEMA_NAME
    if not schema.exists():
        _write_new_or_same(schema, schema_text())
    load_exercise(path)  # what we write must work as it stands
    from coprod_toolkit.text import fit  # folded between words on a terminal

    typer.echo(fit(_("Wrote {file}").format(file=path)))
    typer.echo(
        fit(
            "  "
            + _("(and {file}, so editors such as VS Code can check it as you type)").format(
                file=schema
            )
        )
    )
    typer.echo(fit(_("Next: open it in a text editor, change the questions, then check it with:")))
    typer.echo(f"  coprod exercise validate {path}")  # i18n-ok: a command
    typer.echo(f"  coprod exercise try {path}")  # i18n-ok: a command


def _new_to_screen(kind: str | None, title: str, names: list[str], low: int, high: int) -> None:
    """`exercise new --to -`: the new exercise on standard output, checked first, and
    nothing else there (so it can be piped or redirected whole)."""
    import tempfile

    from coprod_toolkit.authoring import starter_checklist, starter_exercise
    from coprod_toolkit.loader import load_exercise

    named = _new_file(title, None).name  # the name it would have had, for its notes
    if kind == "checklist":
        text = starter_checklist(title, names, named, None)
    else:
        text = starter_exercise(title, names, low, high, named, None)
    with tempfile.TemporaryDirectory() as folder:
        checked = Path(folder) / "new.yaml"
        checked.write_text(text, encoding="utf-8")
        load_exercise(checked)  # what we write must work as it stands
    typer.echo(text, nl=False)


def _new_file(title: str | None, out: Path | None) -> Path:
    """The file `exercise new` writes: the one given with --to, else one named after the title."""
    from coprod_toolkit.authoring import slugify

    if out is not None:
        return out
    title = " ".join((title or _("My exercise")).split())
    return Path("exercises") / f"{slugify(title)}.yaml"


def _new_file_free(path: Path, out: Path | None, force: bool) -> None:
    """Stop before writing over a file already there (unless --force)."""
    if path.exists() and not force:
        _refuse_to_replace(
            path,
            _("Fix: choose another name with --to FILE, or add --force to replace it.")
            if out
            else _(
                "Fix: choose another title, or another name with --to FILE, or add --force "
                "to replace it."
            ),
        )


@exercise_app.command(
    "try",
    help=gettext_noop(
        "Run an exercise as a person would meet it, without saving anything.\n\n"
        "Example:\n\n  coprod exercise try exercises/my-exercise.yaml"
    ),
)
def exercise_try(
    exercise: Annotated[
        str,
        typer.Argument(
            help=gettext_noop("The exercise's id, or the path of its file."), metavar="EXERCISE"
        ),
    ],
    about: Annotated[
        str | None,
        typer.Option(
            "--about",
            help=gettext_noop("Which wording to use: me, service or organisation."),
            metavar="SUBJECT",
        ),
    ] = None,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            help=gettext_noop("Take the answers from this file instead."),
            metavar="FILE",
        ),
    ] = None,
    plain: PlainOpt = False,
    exercises: ExercisesOpt = None,
) -> None:
    from coprod_toolkit.catalog import find
    from coprod_toolkit.cli.assess import run_assess

    kind = find(exercise, exercises).exercise.kind
    command = "readiness" if kind == "checklist" else "assess"
    run_assess(
        exercise,
        None,
        about,
        answers,
        None,
        plain,
        True,
        exercises,
        command,
        _("this is a try-out"),
        typed="exercise try",  # i18n-ok: a command, as typed
    )
