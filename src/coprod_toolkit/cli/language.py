"""coprod language: check documents for words that undermine co-production."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Literal

import typer

from coprod_toolkit.cli.app import app
from coprod_toolkit.cli.common import ExercisesOpt
from coprod_toolkit.i18n import _, gettext_noop


@app.command(
    help=gettext_noop(
        "Check documents for words that undermine co-production, and what to say instead.\n\n"
        'Finds phrases such as "service users", "engagement" and "empowering people", '
        "and abbreviations that are not spelled out. Exits with 1 when it finds "
        "anything, so a team can run it on its documents automatically. To leave a "
        'line out, put "coprod: ignore" on it; "coprod: ignore-file" on a line of its '
        "own leaves out the whole file.\n\n"
        "A document is checked with the word lists in its own language: coprod reads "
        "which language it is in (Welsh, English, or both), or you can say with "
        "--doc-lang.\n\n"
        "Examples:\n\n"
        "  coprod language strategy.md\n\n"
        '  coprod language --explain "service users"\n\n'
        "  coprod language --doc-lang cy strategaeth.md\n\n"
        "  cat minutes.txt | coprod language -"
    )
)
def language(
    files: Annotated[
        list[str] | None,
        typer.Argument(
            help=gettext_noop(
                "Documents to check: plain text, Markdown or .docx. Use - for standard input."
            ),
            metavar="FILE...",
        ),
    ] = None,
    output: Annotated[
        Literal["text", "json"],
        typer.Option(
            "--format",
            help=gettext_noop("text for people, json for other tools."),
            metavar="text|json",
        ),
    ] = "text",
    skip_quotes: Annotated[
        bool,
        typer.Option(
            "--skip-quotes",
            help=gettext_noop("Do not check quotations and code (text in quotes, > and ```)."),
        ),
    ] = False,
    explain: Annotated[
        str | None,
        typer.Option(
            "--explain",
            help=gettext_noop("Show the full entry for one phrase."),
            metavar="PHRASE",
        ),
    ] = None,
    doc_lang: Annotated[
        str | None,
        typer.Option(
            "--doc-lang",
            help=gettext_noop(
                "The language the documents are written in: cy (Welsh) or en (English). "
                "Leave out to let coprod tell from each document, or use the language "
                "coprod is speaking when it cannot."
            ),
            metavar="LANGUAGE",
        ),
    ] = None,
    exercises: ExercisesOpt = None,
) -> None:
    """Check documents (the help above is what people see)."""
    _language(files or [], output, skip_quotes, explain, exercises, doc_lang)


def _language(
    files: list[str],
    output: str,
    skip_quotes: bool,
    explain: str | None,
    exercises: list[Path] | None,
    doc_lang: str | None = None,
) -> None:
    from coprod_toolkit.catalog import search_dirs
    from coprod_toolkit.language_run import run
    from coprod_toolkit.text import printable

    folders = [folder for _where, folder in search_dirs(exercises)]
    if explain is not None:
        from coprod_toolkit.language import all_word_lists

        lists = all_word_lists(folders)
        for error in lists.broken:
            message = _("Skipped a word list that cannot be read:\n{error}").format(error=error)
            sys.stderr.write(printable(message + "\n"))
        entry = lists.explain(explain)
        typer.echo(printable(f'"{entry.phrase}"'))
        if entry.variants:
            forms = ", ".join(entry.variants)
            typer.echo(printable(_("Also found as: {forms}").format(forms=forms)))
        typer.echo(printable(_("Why it jars: {why}").format(why=entry.why)))
        suggestions = "; ".join(entry.suggestions)
        typer.echo(printable(_("Try instead: {suggestions}").format(suggestions=suggestions)))
        examples = " / ".join(entry.examples.match)
        typer.echo(printable(_("For example: {examples}").format(examples=examples)))
        return
    raise typer.Exit(run(files, output, skip_quotes, folders, doc_lang=doc_lang))
