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
from coprod_toolkit.i18n import _, gettext_noop

if TYPE_CHECKING:
    from rich.console import Console

    from coprod_toolkit.models import Exercise
    from coprod_toolkit.prompts import PlainPrompter

# --------------------------------------------------------------------------- shared pieces

ExercisesOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--exercises",
        help=gettext_noop("Also look for exercises in this folder (can be given more than once)."),
        metavar="DIR",
    ),
]
OutOpt = Annotated[
    Path | None,
    typer.Option(
        "--out",
        help=gettext_noop(
            "The folder your reflections are kept in, if not the usual one "
            "(you can also set COPROD_HOME)."
        ),
        metavar="DIR",
    ),
]
# `--out` always means the reflections folder; a file a command writes is `--to FILE`.
# Commands that used to take `--out FILE` still accept it, hidden, for one release.
OldOutOpt = Annotated[
    Path | None,
    typer.Option("--out", hidden=True, metavar="FILE", help=gettext_noop("The old name of --to.")),
]
NameOpt = Annotated[
    str | None,
    typer.Option(
        "--name",
        help=gettext_noop("Your name, as you want it on the record. Leave out to stay anonymous."),
        metavar="NAME",
    ),
]
AboutOpt = Annotated[
    str | None,
    typer.Option(
        "--about",
        help=gettext_noop(
            "What you are reflecting on. The six principles can be about: me (your own "
            "practice), service (your service or team), organisation, support (the support "
            "you get, as someone who draws on care and support, or a carer) or together (a "
            "group's shared work). Other exercises offer fewer: 'coprod exercise show NAME' "
            "lists them. Leave out to be asked."
        ),
        metavar="WORD",
    ),
]
AnswersOpt = Annotated[
    Path | None,
    typer.Option(
        "--answers",
        help=gettext_noop(
            "Take the answers from this YAML file instead of asking (no terminal needed)."
        ),
        metavar="FILE",
    ),
]
NoSaveOpt = Annotated[
    bool, typer.Option("--no-save", help=gettext_noop("Do not save anything: not even a draft."))
]
PlainOpt = Annotated[
    bool,
    typer.Option(
        "--plain",
        help=gettext_noop(
            "No colour, boxes or menus: numbered answers typed as text. "
            "Good with screen readers and simple terminals."
        ),
    ),
]
# For commands that only show something and ask nothing.
PlainShowOpt = Annotated[
    bool,
    typer.Option(
        "--plain",
        help=gettext_noop(
            "Plain text: no colour, boxes or bold. Good with screen readers and simple terminals."
        ),
    ),
]


def output_file(to: Path | None, old_out: Path | None) -> Path | None:
    """The file named by --to, or by the old --out FILE that it replaces."""
    if to is not None and old_out is not None and to != old_out:
        from coprod_toolkit.errors import UsageProblem

        raise UsageProblem(
            _("--to {to} and --out {out}: give only --to FILE.").format(to=to, out=old_out)
        )
    if to is None and old_out is not None:
        sys.stderr.write(
            _("Note: --out FILE is now --to FILE; the old name will go in a later release.") + "\n"
        )
        return old_out
    return to


@contextmanager
def handled() -> Iterator[None]:
    """Kept for code written before errors were mapped in one place; it adds nothing.

    Every command already runs inside `app.CoprodGroup.invoke`, which turns a
    CoprodError into its message and exit code. New code should just raise.
    """
    yield


def fail(error: CoprodError) -> NoReturn:
    """Print the error's message and leave with its exit code (see `app.fail`)."""
    from coprod_toolkit.cli.app import fail as app_fail

    app_fail(error)


# Wide enough that no real line is wrapped when the output goes to a file or program.
UNWRAPPED = 100_000


class _Trimmed:
    """Standard output without the spaces rich pads lines with (tables, columns)."""

    def __init__(self) -> None:
        self.pending = ""

    def write(self, text: str) -> int:
        import re

        text = re.sub(r"[ \t]+\n", "\n", self.pending + text)
        kept = text.rstrip(" \t")
        self.pending = text[len(kept) :]
        sys.stdout.write(kept)
        return len(text)

    def flush(self) -> None:
        sys.stdout.flush()

    def isatty(self) -> bool:
        return False


def console_for(plain: bool) -> Console:
    """The console a command prints with. Output that is not going to a terminal
    (a file, another program) is neither wrapped to a width nor padded with spaces."""
    from rich.console import Console

    extra: dict[str, Any] = {}
    if not sys.stdout.isatty():
        extra = {"file": _Trimmed(), "width": UNWRAPPED}
    if plain:
        return Console(color_system=None, highlight=False, emoji=False, markup=False, **extra)
    return Console(highlight=False, emoji=False, markup=False, **extra)


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
    choices = [f"{k} ({v})" for k, v in ex.subjects.items()]
    if len(choices) == 1:
        raise UsageProblem(
            _(
                "--about {about}: this exercise can only be about {choice}. "
                "Fix: leave --about out, or use --about {word}."
            ).format(  # 'about this piece of work', not 'about me (this piece of work)'
                about=about, choice=next(iter(ex.subjects.values())), word=next(iter(ex.subjects))
            )
        )
    # Translators: the last two of a list of choices, such as "me (...) or service (...)".
    listed = _("{some} or {last}").format(some=", ".join(choices[:-1]), last=choices[-1])
    raise UsageProblem(
        _(
            "--about {about}: this exercise can be about {choices}. Fix: use one of those words."
        ).format(about=about, choices=listed)
    )


def resume_hint(out: Path | None) -> str:
    return "coprod resume" + (f" --out {out}" if out else "")  # i18n-ok: a command
