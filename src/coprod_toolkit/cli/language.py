"""coprod language: check documents for words that undermine co-production."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Literal

import typer

from coprod_toolkit.cli.app import app
from coprod_toolkit.cli.common import ExercisesOpt


@app.command()
def language(
    files: Annotated[
        list[str] | None,
        typer.Argument(
            help="Documents to check: plain text, Markdown or .docx. Use - for standard input.",
            metavar="FILE...",
        ),
    ] = None,
    output: Annotated[
        Literal["text", "json"],
        typer.Option(
            "--format", help="text for people, json for other tools.", metavar="text|json"
        ),
    ] = "text",
    skip_quotes: Annotated[
        bool,
        typer.Option(
            "--skip-quotes", help="Do not check quotations and code (text in quotes, > and ```)."
        ),
    ] = False,
    explain: Annotated[
        str | None,
        typer.Option("--explain", help="Show the full entry for one phrase.", metavar="PHRASE"),
    ] = None,
    exercises: ExercisesOpt = None,
) -> None:
    """Check documents for words that undermine co-production, and what to say instead.

    Finds phrases such as "service users", "engagement" and "empowering people",
    and abbreviations that are not spelled out. Exits with 1 when it finds
    anything, so a team can run it on its documents automatically. To leave a
    line out, put "coprod: ignore" on it; "coprod: ignore-file" on a line of its
    own leaves out the whole file.

    Examples:

      coprod language strategy.md

      coprod language --explain "service users"

      cat minutes.txt | coprod language -
    """
    _language(files or [], output, skip_quotes, explain, exercises)


def _language(
    files: list[str],
    output: str,
    skip_quotes: bool,
    explain: str | None,
    exercises: list[Path] | None,
) -> None:
    from coprod_toolkit.catalog import search_dirs
    from coprod_toolkit.language_run import run
    from coprod_toolkit.text import printable

    folders = [folder for _, folder in search_dirs(exercises)]
    if explain is not None:
        from coprod_toolkit.language import all_word_lists

        lists = all_word_lists(folders)
        for error in lists.broken:
            sys.stderr.write(printable(f"Skipped a word list that cannot be read:\n{error}\n"))
        entry = lists.explain(explain)
        typer.echo(printable(f'"{entry.phrase}"'))
        if entry.variants:
            typer.echo(printable("Also found as: " + ", ".join(entry.variants)))
        typer.echo(printable(f"Why it jars: {entry.why}"))
        typer.echo(printable("Try instead: " + "; ".join(entry.suggestions)))
        typer.echo(printable("For example: " + " / ".join(entry.examples.match)))
        return
    raise typer.Exit(run(files, output, skip_quotes, folders))
