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
from typer.core import TyperCommand, TyperGroup

from coprod_toolkit import __version__
from coprod_toolkit.cli import click_words, startup
from coprod_toolkit.errors import CoprodError
from coprod_toolkit.i18n import Choice, _, gettext_noop, translate_help

click_words.install()


def fail(error: CoprodError) -> NoReturn:
    """Print a CoprodError's message on stderr and leave with its exit code."""
    from coprod_toolkit.errors import ExerciseNotFound, Interrupted
    from coprod_toolkit.text import fit, printable

    message = printable(str(error))
    if not isinstance(error, Interrupted | ExerciseNotFound) and "\n" not in message:
        message = _("Error: {message}").format(message=message)
    sys.stderr.write(fit(message, sys.stderr) + "\n")
    raise typer.Exit(error.exit_code)


def _output_gone_quiet() -> None:
    """After an error, what is left unwritten goes nowhere: the output may be the very
    thing that failed (a full disk), and Python would try it again as it exits."""
    import os

    try:
        sys.stdout.flush()
    except OSError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def summary(help_text: str | None) -> str:
    """A command's first paragraph, whole: what `coprod --help` lists beside its name."""
    if not help_text:
        return ""
    first = inspect.cleandoc(help_text).split("\n\n")[0]
    return " ".join(first.split())


# click's words in a usage line, beside "Usage:": said in the language in use, as the
# headings under them ("Options", "Commands", "Arguments") are.
_USAGE_WORDS: dict[str, Any] = {
    # Translators: in "Usage: coprod [OPTIONS]": the options listed under "Options".
    "[OPTIONS]": lambda: _("[OPTIONS]"),
    # Translators: in "Usage: coprod [OPTIONS] COMMAND [ARGS]...": a command, then its own words.
    "COMMAND [ARGS]...": lambda: _("COMMAND [ARGS]..."),  # i18n-ok: the key is click's
}


class _InTheirLanguage:
    """Help shown in the language in use: kept in English, translated when it is shown.

    The language is chosen (from --lang) before any help is written, so the help of a
    command, of each of its options, and click's own words ("Usage:") can all follow it.
    """

    help: str | None

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = [
            _USAGE_WORDS[piece]() if piece in _USAGE_WORDS else piece
            for piece in self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        ]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=_("Usage: "))

    def format_help_text(self, ctx: Any, formatter: Any) -> None:
        english = self.help
        self.help = translate_help(english) if english else english
        try:
            super().format_help_text(ctx, formatter)  # type: ignore[misc]
        finally:
            self.help = english

    def format_options(self, ctx: Any, formatter: Any) -> None:
        params = self.get_params(ctx)  # type: ignore[attr-defined]
        english = [(param, getattr(param, "help", None)) for param in params]
        for param, text in english:
            if text:
                setattr(param, "help", translate_help(text))  # noqa: B010 - options only
        try:
            super().format_options(ctx, formatter)  # type: ignore[misc]
        finally:
            for param, text in english:
                if text:
                    setattr(param, "help", text)  # noqa: B010


class CoprodCommand(_InTheirLanguage, TyperCommand):
    """A command whose help, options and usage line are in the language in use."""


class CoprodGroup(_InTheirLanguage, TyperGroup):
    """A command group that maps errors once for every command, and never cuts a summary."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if ctx.parent is None:
            args = _lang(args)
        if not args and self.no_args_is_help and not ctx.resilient_parsing:
            # `coprod` on its own is someone asking what it can do: the help, not an error.
            typer.echo(ctx.get_help())
            ctx.exit(0)
        return super().parse_args(ctx, args)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except CoprodError as e:
            fail(e)
        except OSError as e:
            _output_gone_quiet()
            from coprod_toolkit.errors import refused

            fail(refused(e))
        except (KeyboardInterrupt, EOFError):
            from coprod_toolkit.errors import Interrupted

            fail(Interrupted())

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        rows = []
        for name in self.list_commands(ctx):
            cmd = self.get_command(ctx, name)
            if cmd is not None and not cmd.hidden:
                rows.append((name, cmd.short_help or summary(translate_help(cmd.help or ""))))
        if rows:
            with formatter.section(_("Commands")):
                formatter.write_dl(rows)


# Each command is built as a CoprodCommand, when it is first used.
startup.install(CoprodCommand)


app = typer.Typer(
    name="coprod",
    cls=CoprodGroup,
    help=gettext_noop(
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
    help=gettext_noop(
        "Write, check and look through exercises: list, show, validate, new, schema, try."
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(exercise_app, name="exercise")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"coprod {__version__}")
        raise typer.Exit()


# The language chosen for this run, and where from (--lang, COPROD_LANG, the computer).
language_choice: Choice | None = None


def _lang(args: list[str]) -> list[str]:
    """--lang, else COPROD_LANG, else the system locale: chosen before any help or text is
    shown. --lang may stand before or after the command; it is taken out of the arguments
    so that every command accepts it."""
    from coprod_toolkit.i18n import choose, set_language

    value = None
    rest: list[str] = []
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "--":
            rest.extend(args[index:])
            break
        if arg == "--lang" and index + 1 < len(args):
            value = args[index + 1]
            index += 2
            continue
        if arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        else:
            rest.append(arg)
        index += 1
    global language_choice
    choice = choose(value)
    language_choice = choice  # so a command can tell a language the person named
    set_language(choice.language)
    if choice.warning:
        sys.stderr.write(choice.warning + "\n")
    return rest


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_version,
            is_eager=True,
            help=gettext_noop("Show the version and stop."),
        ),
    ] = False,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            metavar="LANGUAGE",
            help=gettext_noop(
                "The language coprod speaks: en (English) or cy (Cymraeg, Welsh). "
                "Default: COPROD_LANG, then your computer's language."
            ),
        ),
    ] = None,
) -> None:
    """A reflective toolkit for co-production in health and social care."""
