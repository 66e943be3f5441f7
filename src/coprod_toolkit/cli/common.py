"""Options and helpers shared by the commands."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from coprod_toolkit.errors import CoprodError

if TYPE_CHECKING:
    from rich.console import Console

    from coprod_toolkit.models import Exercise
    from coprod_toolkit.prompts import PlainPrompter

# --------------------------------------------------------------------------- shared pieces

ExercisesOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--exercises",
        help="Also look for exercises in this folder (can be given more than once).",
        metavar="DIR",
    ),
]
OutOpt = Annotated[
    Path | None,
    typer.Option(
        "--out",
        help="Save into this folder instead of the usual one (you can also set COPROD_HOME).",
        metavar="DIR",
    ),
]
NameOpt = Annotated[
    str | None,
    typer.Option(
        "--name", help="Your name, as you want it on the record. Leave out to stay anonymous."
    ),
]
AboutOpt = Annotated[
    str | None,
    typer.Option(
        "--about",
        help="What you are reflecting on: me (your own practice), service (your service "
        "or team) or organisation.",
        metavar="me|service|organisation",
    ),
]
AnswersOpt = Annotated[
    Path | None,
    typer.Option(
        "--answers",
        help="Take the answers from this YAML file instead of asking (no terminal needed).",
        metavar="FILE",
    ),
]
NoSaveOpt = Annotated[
    bool, typer.Option("--no-save", help="Do not save anything: not even a draft.")
]
PlainOpt = Annotated[
    bool,
    typer.Option(
        "--plain",
        help="No colour, boxes or menus: numbered answers typed as text. "
        "Good with screen readers and simple terminals.",
    ),
]


@contextmanager
def handled() -> Iterator[None]:
    """The one place a CoprodError becomes a message and an exit code."""
    try:
        yield
    except CoprodError as e:
        fail(e)


def fail(error: CoprodError) -> NoReturn:
    from coprod_toolkit.text import printable

    message = printable(str(error))
    if not message.startswith(("Stopped", "There is no exercise")) and "\n" not in message:
        message = "Error: " + message
    sys.stderr.write(message + "\n")
    raise typer.Exit(error.exit_code)


def console_for(plain: bool) -> Console:
    from rich.console import Console

    if plain:
        return Console(color_system=None, highlight=False, emoji=False, markup=False)
    return Console(highlight=False, emoji=False, markup=False)


def interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def prompter_for(plain: bool) -> PlainPrompter:
    from coprod_toolkit.prompts import PlainPrompter, TerminalPrompter

    if plain or os.environ.get("TERM") == "dumb":
        return PlainPrompter()
    return TerminalPrompter()


def hangup_is_interrupt() -> None:
    """A closed terminal window ends the run the same way Ctrl-C does: draft kept."""

    def handler(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    for name in ("SIGHUP", "SIGTERM"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), handler)
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        # Started from a script that ignores Ctrl-C: someone at the keyboard still needs it.
        signal.signal(signal.SIGINT, signal.default_int_handler)


def subject_of(ex: Exercise, about: str | None) -> str:
    from coprod_toolkit.errors import UsageProblem

    if about is None:
        return next(iter(ex.subjects))
    wanted = about.strip().casefold().replace("organization", "organisation")
    if wanted in ex.subjects:
        return wanted
    choices = ", ".join(f"{k} ({v})" for k, v in ex.subjects.items())
    raise UsageProblem(
        f"--about {about}: this exercise can be about {choices}. Fix: use one of those words."
    )


def resume_hint(out: Path | None) -> str:
    return "coprod resume" + (f" --out {out}" if out else "")
