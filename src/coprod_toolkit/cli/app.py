"""The Typer applications every command hangs from."""

from __future__ import annotations

from typing import Annotated

import typer

from coprod_toolkit import __version__

app = typer.Typer(
    name="coprod",
    help=(
        "A reflective toolkit for co-production in health and social care.\n\n"
        "Ask yourself honest questions about how far your work lives up to the six "
        "principles of co-production, see where you are strong, and plan what to do next. "
        "Your answers stay on this computer.\n\n"
        "Start here:  coprod assess"
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
exercise_app = typer.Typer(
    help="Write, check and look through exercises: list, show, validate, new, schema, try.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(exercise_app, name="exercise")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"coprod {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and stop."
        ),
    ] = False,
) -> None:
    """A reflective toolkit for co-production in health and social care."""
