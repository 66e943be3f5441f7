"""The `coprod` command's first step: it leaves the garbage collector on while a command runs.

launch.main pauses the collector while coprod starts and sets aside what start-up made
(gc.freeze); a command that runs for an hour (a group's session, a long history) must
still have its garbage collected, and its exit code must come through unchanged.
"""

from __future__ import annotations

import gc
import subprocess
import sys
from collections.abc import Iterator

import pytest

from coprod_toolkit import launch


@pytest.fixture(autouse=True)
def _collector_back_as_it_was() -> Iterator[None]:
    yield
    gc.unfreeze()
    gc.enable()


def test_the_collector_is_on_while_a_command_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    import coprod_toolkit.cli

    seen: list[bool] = []
    monkeypatch.setattr(sys, "argv", ["coprod", "history"])
    monkeypatch.setattr(coprod_toolkit.cli, "main", lambda: seen.append(gc.isenabled()))
    launch.main()
    assert seen == [True]


def test_the_collector_is_on_while_a_document_is_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    import coprod_toolkit.language_run

    seen: list[bool] = []

    def quick(argv: list[str]) -> int:
        seen.append(gc.isenabled())
        return 3

    monkeypatch.setattr(sys, "argv", ["coprod", "language", "notes.txt"])
    monkeypatch.setattr(coprod_toolkit.language_run, "quick", quick)
    with pytest.raises(SystemExit) as stopped:
        launch.main()
    assert seen == [True]
    assert stopped.value.code == 3


def test_a_collection_during_a_command_still_frees_cycles(monkeypatch: pytest.MonkeyPatch) -> None:
    import weakref

    import coprod_toolkit.cli

    freed: list[bool] = []

    class Node:
        other: object = None

    def command() -> None:
        a, b = Node(), Node()
        a.other, b.other = b, a  # a cycle: only the collector can free it
        gone = weakref.ref(a)
        del a, b
        gc.collect()
        freed.append(gone() is None)

    monkeypatch.setattr(sys, "argv", ["coprod", "history"])
    monkeypatch.setattr(coprod_toolkit.cli, "main", command)
    launch.main()
    assert freed == [True]


def test_the_installed_command_still_says_its_exit_code(tmp_path: object) -> None:
    """A mistake still ends with exit code 2 and a message, through the real entry point."""
    run = subprocess.run(
        [sys.executable, "-c", "from coprod_toolkit.launch import main; main()", "no-such"],
        capture_output=True,
        text=True,
        env={"COPROD_LANG": "en", "PATH": "/usr/bin:/bin"},
    )
    assert run.returncode == 2
    assert "no-such" in run.stderr
    assert "Traceback" not in run.stderr
