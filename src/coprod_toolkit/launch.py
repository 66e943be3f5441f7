"""The `coprod` command's first step: `coprod language FILE...` starts without typer.

A person who checks a short document should not wait for the whole command line
to load; every other command, and every unusual `coprod language` (help,
--explain, a mistake), goes on to the typer application as before.

It also keeps Python's garbage collector to the work that frees memory. The
collector looks through every object it tracks for groups that only refer to one
another. The modules, classes and functions made while coprod starts live until
it stops, so looking through them again and again is wasted; and as Python exits
it looks through everything once more, only for the memory the operating system
is about to take back anyway. Together that was about a seventh of a quick
command's time (`benchmarks/startup.py`). So start-up runs with the collector
paused, what it made is set aside for good (`gc.freeze`), and the same is done
with everything left at the end. While a command runs, the collector works as
usual. Files are closed by the code that writes them, never left to the collector.
"""

from __future__ import annotations

import gc
import importlib
import sys

TYPE_CHECKING = False  # as in errors.py: nothing imported at start for the type checker alone
if TYPE_CHECKING:
    from types import ModuleType


def main() -> None:
    """Entry point for the `coprod` command."""
    try:
        _run()
    finally:
        gc.freeze()  # nothing left for the collection as Python exits to look through


def _run() -> None:
    if sys.argv[1:2] == ["language"]:
        code = _loaded("coprod_toolkit.language_run").quick(sys.argv[2:])
        if code is not None:
            sys.stdout.flush()
            raise SystemExit(code)
    _loaded("coprod_toolkit.cli").main()


def _loaded(name: str) -> ModuleType:
    """Import a module with the collector paused, then set aside what importing made."""
    gc.disable()
    module = importlib.import_module(name)
    gc.freeze()
    gc.enable()
    return module
