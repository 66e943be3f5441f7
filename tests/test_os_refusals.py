"""What the operating system refuses and no command foresaw: a full disk under the output, a
folder another account keeps private. A plain message and exit 1, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import MINIMAL, write

FULL = Path("/dev/full")
needs_full = pytest.mark.skipif(not FULL.exists(), reason="this system has no /dev/full")


def coprod(*args: str, stdout: Path | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", "from coprod_toolkit.launch import main; main()", *args]
    with open(stdout or os.devnull, "w") as out:
        return subprocess.run(
            command,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            check=False,
        )


@needs_full
@pytest.mark.parametrize(
    "args",
    [
        ["history"],
        ["guide", "principles"],
        ["exercise", "list"],
        ["language", "-"],
    ],
    ids=lambda a: " ".join(a),
)
def test_a_full_disk_under_the_output_is_said_plainly(args: list[str]) -> None:
    result = coprod(*args, stdout=FULL)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().endswith(
        "Error: coprod could not finish: the disk is full. Fix: make some space on the disk "
        "(or send the output somewhere else), then run the command again."
    ), result.stderr


@needs_full
def test_a_full_disk_in_welsh(tmp_path: Path) -> None:
    write(tmp_path, "tiny.yaml", MINIMAL)
    result = coprod("--lang", "cy", "exercise", "validate", str(tmp_path), stdout=FULL)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "mae'r ddisg yn llawn" in result.stderr, result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read anywhere")
def test_a_folder_coprod_may_not_read_is_named(isolated: Path) -> None:
    reflections = isolated / "reflections"
    reflections.mkdir(parents=True)
    reflections.chmod(0)
    try:
        result = coprod("history")
    finally:
        reflections.chmod(0o700)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"this account is not allowed to open {reflections}" in result.stderr, result.stderr


def test_any_refusal_is_one_plain_message(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same path as the tests above, where the system lets no test refuse for real."""
    from typer.testing import CliRunner

    from coprod_toolkit import history
    from coprod_toolkit.cli.app import app

    def refused(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", "/shared/reflections")

    monkeypatch.setattr(history.History, "read", refused)
    result = CliRunner().invoke(app, ["history"])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert (
        "Error: coprod could not finish: this account is not allowed to open /shared/reflections. "
        "Fix: ask whoever looks after this computer to let your account read and write "
        "there, or use a folder of your own (--out DIR, or COPROD_HOME)."
    ) in " ".join(result.output.split())
