"""Make any text safe to show in a terminal.

Exercise files and names come from people we do not control. Control
characters (such as the escape that starts a colour code) are shown as
visible codes like \\x1b, so nothing a file contains can restyle or clear
the screen. Rich markup is escaped where rich prints (see report.py).
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def one_line(text: str) -> str:
    """Printable, on one line: for names and list entries."""
    return printable(" ".join(text.split()))
