"""The `coprod` command: arguments, wiring, and the one place errors become exit codes.

Only typer is imported at the top of these modules, so `coprod --help` and
`--version` start fast; each command imports what it needs when it runs.
"""

from __future__ import annotations

# Importing each module registers its commands; `coprod --help` lists them in this order.
# isort: off
from coprod_toolkit.cli import (  # noqa: F401
    assess,
    readiness,
    group,
    guide,
    language,
    history,
    exercise,
)

# isort: on
from coprod_toolkit.cli.app import app

__all__ = ["app", "main"]


def main() -> None:
    """Entry point for the `coprod` command."""
    app()
