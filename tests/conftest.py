"""Shared helpers: every test runs with its own home, config and working folder."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent


def write(folder: Path, name: str, text: str) -> Path:
    """Write dedented text to folder/name (copier's build_file_tree, in small)."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "home"
    monkeypatch.setenv("COPROD_HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("COPROD_PATH", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    # English, whatever the machine's locale: tests pin English wording.
    monkeypatch.setenv("COPROD_LANG", "en")
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    from coprod_toolkit import i18n

    # A test that ran in Welsh (or stopped part-way through) leaves the next one in English.
    i18n.set_language("en")
    yield home
    i18n.set_language("en")


MINIMAL = """
id: tiny
title: Tiny
summary: A small exercise for tests.
minutes: 2
subjects:
  me: my own practice
  service: my service
scales:
  five:
    min: 1
    max: 5
    labels: {1: Not true, 5: Always true}
scoring:
  bands:
    - {min: 0, max: 49, label: Low, message: Start small.}
    - {min: 50, max: 100, label: High, message: Keep going.}
sections:
  - id: first
    title: First
    questions:
      - id: q1
        type: scale
        scale: five
        text: {me: I do one thing., service: We do one thing.}
        help: Some help.
      - id: q2
        type: yes_no
        text: Do you do another?
      - id: q3
        type: text
        text: An example?
        when: {question: q2, equals: "yes"}
  - id: second
    title: Second
    questions:
      - id: q4
        type: scale
        scale: five
        reverse: true
        text: I avoid it.
      - id: q5
        type: choice
        text: Pick one.
        options:
          - {value: a, label: Often, points: 2}
          - {value: b, label: Never, points: 0}
"""


def patient(child: Any) -> Any:
    """A pexpect child whose Ctrl-C comes a moment after the prompt shows, as a person's would.

    Python writes a prompt, then starts to read. A Ctrl-C that lands between the two (a
    few microseconds; longer when the machine is busy) is caught, but does not wake the
    read, so the program goes on waiting for a key. A person is never that quick; a test
    that presses Ctrl-C the instant it sees the prompt is, once in a while.
    """
    import time

    sendintr, sendcontrol = child.sendintr, child.sendcontrol

    def later_intr() -> Any:
        time.sleep(0.3)
        return sendintr()

    def later_control(char: str) -> Any:
        if char.lower() == "c":
            time.sleep(0.3)
        return sendcontrol(char)

    child.sendintr, child.sendcontrol = later_intr, later_control
    return child
