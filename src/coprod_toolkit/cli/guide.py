"""coprod guide: plain-English guides to co-production."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from coprod_toolkit.cli.app import app
from coprod_toolkit.cli.common import ExercisesOpt, PlainShowOpt, console_for
from coprod_toolkit.i18n import _, gettext_noop

if TYPE_CHECKING:
    from rich.console import Console

    from coprod_toolkit.guides import Guide


@app.command(
    help=gettext_noop(
        "Read plain-English guides: the principles, the four steps, when to co-produce "
        "and more.\n\n"
        "Examples:\n\n"
        "  coprod guide\n\n"
        "  coprod guide principles\n\n"
        "  coprod guide four-steps --plain"
    )
)
def guide(
    topic: Annotated[
        str | None,
        typer.Argument(
            help=gettext_noop("The guide to read. Leave out to list them all."), metavar="TOPIC"
        ),
    ] = None,
    plain: PlainShowOpt = False,
    exercises: ExercisesOpt = None,
) -> None:
    """Read plain-English guides (the help above is what people see)."""
    _guide(topic, plain, exercises)


def _guide(topic: str | None, plain: bool, exercises: list[Path] | None) -> None:
    from rich.text import Text

    from coprod_toolkit.catalog import search_dirs
    from coprod_toolkit.guides import all_guides
    from coprod_toolkit.text import printable

    guides = all_guides([folder for _, folder in search_dirs(exercises)])
    for error in guides.broken:
        message = _("Skipped a guide that cannot be read:\n{error}").format(error=error)
        sys.stderr.write(printable(message + "\n"))
    plain = plain or not sys.stdout.isatty()
    console = console_for(plain)
    if topic is None:
        ordered = guides.ordered()
        width = max((len(g.topic) for g in ordered), default=0)
        console.print(_("Guides to co-production. To read one: coprod guide TOPIC"))
        console.print()
        from rich.padding import Padding

        for g in ordered:
            console.print(Text(printable(f"  {g.topic:<{width}}  {g.info.title}")))
            if g.info.summary:
                summary = Text(printable(g.info.summary))
                console.print(Padding(summary, (0, 0, 0, width + 4), expand=False))
        return
    render(console, guides.find(topic), plain)


def render(console: Console, found: Guide, plain: bool) -> None:
    """One guide: rich Markdown in a terminal, plain text with --plain."""
    from rich.text import Text

    from coprod_toolkit.guides import plain_text
    from coprod_toolkit.text import printable

    body = printable(found.body)
    if plain:
        console.print(Text(printable(found.info.title)))
        console.print()
        console.print(Text(plain_text(body).rstrip("\n")))
    else:
        from rich.markdown import Markdown

        console.print(Text(printable(found.info.title), style="bold underline"))  # i18n-ok
        console.print()
        console.print(Markdown(body))
    if found.info.see_also:
        console.print()
        listed = ", ".join(f"coprod guide {t}" for t in found.info.see_also)  # i18n-ok
        console.print(Text(_("See also: {guides}").format(guides=listed)))
