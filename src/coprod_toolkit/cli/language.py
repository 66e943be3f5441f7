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
    line out, put "coprod: ignore" on it; "coprod: ignore-file" leaves out a file.

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
    import json

    from coprod_toolkit.catalog import search_dirs
    from coprod_toolkit.errors import CoprodError, UsageProblem
    from coprod_toolkit.language import (
        MAX_DOCUMENT_BYTES,
        DocumentError,
        all_word_lists,
        check_text,
        decode_document,
        read_document,
    )
    from coprod_toolkit.text import printable

    if output not in ("text", "json"):
        raise UsageProblem(f"--format {output}: use text or json.")
    lists = all_word_lists([folder for _, folder in search_dirs(exercises)])
    for error in lists.broken:
        sys.stderr.write(printable(f"Skipped a word list that cannot be read:\n{error}\n"))
    if explain is not None:
        entry = lists.explain(explain)
        typer.echo(printable(f'"{entry.phrase}"'))
        if entry.variants:
            typer.echo(printable("Also found as: " + ", ".join(entry.variants)))
        typer.echo(printable(f"Why it jars: {entry.why}"))
        typer.echo(printable("Try instead: " + "; ".join(entry.suggestions)))
        typer.echo(printable("For example: " + " / ".join(entry.examples.match)))
        return
    if not files:
        raise UsageProblem(
            "Give the documents to check, like: coprod language strategy.md "
            "(or - to read standard input)."
        )
    checker = lists.checker()
    results: list[tuple[str, list[object]]] = []
    problems: list[str] = []
    for name in files:
        try:
            if name == "-":
                data = sys.stdin.buffer.read(MAX_DOCUMENT_BYTES + 1)
                if len(data) > MAX_DOCUMENT_BYTES:
                    raise DocumentError("-: standard input is too large to check.")
                text = decode_document(data, "-")
            else:
                text = read_document(Path(name))
        except CoprodError as e:
            problems.append(str(e))
            continue
        results.append((name, list(check_text(text, checker, name, skip_quotes))))
    findings = [f for _, found in results for f in found]
    if output == "json":
        data_out = {
            "files": [
                {"path": name, "findings": [f.as_dict() for f in found]}  # type: ignore[attr-defined]
                for name, found in results
            ],
            "problems": problems,
            "findings": len(findings),
        }
        typer.echo(json.dumps(data_out, indent=2, ensure_ascii=False))
        raise typer.Exit(1 if findings or problems else 0)
    report: list[str] = []
    for name, found in results:
        if found:
            report.append(f"{name}: {len(found)} to look at")
            report += [f"  {finding}" for finding in found]
            report.append("")
    if report:
        typer.echo(printable("\n".join(report)))
    for problem in problems:
        sys.stderr.write(printable(f"Could not check {problem}\n"))
    clean = sum(1 for _, found in results if not found)
    count = len(findings)
    files_with = len(results) - clean
    if count:
        summary = (
            f"Found {count} thing{'s' if count != 1 else ''} to look at in {files_with} "
            f"file{'s' if files_with != 1 else ''}"
        )
        summary += f"; {clean} file{'s' if clean != 1 else ''} clean." if clean else "."
    elif results:
        summary = f"Nothing found: {clean} file{'s' if clean != 1 else ''} clean."
    else:
        summary = "No file could be checked."
    if problems:
        summary += f" {len(problems)} file{'s' if len(problems) != 1 else ''} could not be checked."
    typer.echo(summary)
    if count:
        typer.echo('To see why a phrase jars: coprod language --explain "PHRASE"')
    raise typer.Exit(1 if count or problems else 0)
