"""The Typer applications every command hangs from, and the one place errors become exit codes.

Every command runs inside `CoprodGroup.invoke`, which turns a `CoprodError` into its
message and exit code, and Ctrl-C or end of input into exit 130. Commands raise; they
never catch-and-exit themselves. Anything that is not a CoprodError is a bug and keeps
its traceback.
"""

from __future__ import annotations

import inspect
import sys
from typing import Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from coprod_toolkit import __version__
from coprod_toolkit.cli import startup
from coprod_toolkit.errors import CoprodError

startup.install()


def fail(error: CoprodError) -> NoReturn:
    """Print a CoprodError's message on stderr and leave with its exit code."""
    from coprod_toolkit.text import printable

    message = printable(str(error))
    if not message.startswith(("Stopped", "There is no exercise")) and "\n" not in message:
        message = "Error: " + message
    sys.stderr.write(message + "\n")
    raise typer.Exit(error.exit_code)


def summary(help_text: str | None) -> str:
    """A command's first paragraph, whole: what `coprod --help` lists beside its name."""
    if not help_text:
        return ""
    first = inspect.cleandoc(help_text).split("\n\n")[0]
    return " ".join(first.split())


class CoprodGroup(TyperGroup):
    """A command group that maps errors once for every command, and never cuts a summary."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except CoprodError as e:
            fail(e)
        except (KeyboardInterrupt, EOFError):
            from coprod_toolkit.errors import Interrupted

            fail(Interrupted())

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        rows = []
        for name in self.list_commands(ctx):
            cmd = self.get_command(ctx, name)
            if cmd is not None and not cmd.hidden:
                rows.append((name, cmd.short_help or summary(cmd.help)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


app = typer.Typer(
    name="coprod",
    cls=CoprodGroup,
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
    cls=CoprodGroup,
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
