"""Make any text safe to show in a terminal.

Exercise files and names come from people we do not control. Control
characters (such as the escape that starts a colour code) are shown as
visible codes like \\x1b, so nothing a file contains can restyle or clear
the screen. Rich markup is escaped where rich prints (see report.py).
"""

from __future__ import annotations

import re

TYPE_CHECKING = False
if TYPE_CHECKING:  # for the type checker only: typing is slow to import
    from typing import TextIO

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def one_line(text: str) -> str:
    """Printable, on one line: for names and list entries."""
    return printable(" ".join(text.split()))


def fit(text: str, stream: TextIO | None = None) -> str:
    """Long lines folded between words at the terminal's width, so no word is split.

    Only when `stream` (standard output unless given) is a terminal: text piped to
    another program or a file keeps its lines whole. Each line keeps its own indent;
    lines that fit are left as they are.
    """
    import shutil
    import sys
    import textwrap

    stream = sys.stdout if stream is None else stream
    try:
        if not stream.isatty():
            return text
    except (AttributeError, ValueError):
        return text
    width = max(40, shutil.get_terminal_size().columns - 1)
    lines = []
    for line in text.split("\n"):
        if len(line) <= width:
            lines.append(line)
            continue
        indent = line[: len(line) - len(line.lstrip())]
        lines.append(
            textwrap.fill(
                line.strip(),
                width=width,
                initial_indent=indent,
                subsequent_indent=indent,
                break_long_words=False,
                break_on_hyphens=False,
            )
        )
    return "\n".join(lines)


def typed_command() -> list[str] | None:
    """The words typed after `coprod` to start this run, when coprod was started as a
    command (not when it is called from other code, such as a test)."""
    import sys
    from pathlib import Path

    started_as = Path(sys.argv[0]).name if sys.argv else ""
    if started_as in ("coprod", "coprod.exe", "__main__.py"):
        return sys.argv[1:]
    return None
