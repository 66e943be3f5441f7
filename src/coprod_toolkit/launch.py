"""The `coprod` command's first step: `coprod language FILE...` starts without typer.

A person who checks a short document should not wait for the whole command line
to load; every other command, and every unusual `coprod language` (help,
--explain, a mistake), goes on to the typer application as before.
"""

from __future__ import annotations

import sys


def main() -> None:
    """Entry point for the `coprod` command."""
    if sys.argv[1:2] == ["language"]:
        from coprod_toolkit.language_run import quick

        code = quick(sys.argv[2:])
        if code is not None:
            sys.stdout.flush()
            raise SystemExit(code)
    from coprod_toolkit.cli import main as typer_main

    typer_main()
