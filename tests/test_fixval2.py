"""A new user's second round in exercise validate / new: each message pinned to its words."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from coprod_toolkit import i18n
from coprod_toolkit.errors import FileProblems
from coprod_toolkit.loader import load_exercise
from tests.conftest import write


def problems(path: Path) -> list[str]:
    with pytest.raises(FileProblems) as caught:
        load_exercise(path)
    return [str(p) for p in caught.value.problems]


@pytest.fixture(autouse=True)
def english_after(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """--lang sets the language for the whole process: each test starts and ends in English."""
    monkeypatch.setenv("COPROD_LANG", "en")
    i18n._active = None
    yield
    i18n._active = None


def empty(name: str) -> str:
    return (
        f"this is empty, so people would see no words here. "
        f"Fix: write the words they should see after '{name}:'."
    )


@pytest.mark.parametrize("blank", ['""', '"   "'])
def test_a_question_with_no_words_is_an_error(tmp_path: Path, blank: str) -> None:
    path = write(
        tmp_path,
        "x.yaml",
        "id: x\ntitle: X\nsummary: S.\nsections:\n  - id: a\n    title: A\n    questions:\n"
        f"      - id: q1\n        type: yes_no\n        text: {blank}\n"
        "      - id: q2\n        type: yes_no\n        text: Is it?\n",
    )
    assert problems(path) == [f"{path}:10:15: section 1, question 1, text: {empty('text')}"]


def test_every_empty_wording_is_an_error_at_its_line(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "x.yaml",
        """
        id: x
        title: "  "
        summary: ""
        subjects:
          me: Me
          service: Service
        sections:
          - id: a
            title: ""
            questions:
              - id: q2
                type: yes_no
                text: {me: "", service: "Does it?"}
              - id: q3
                type: choice
                text: Pick
                options:
                  - {value: a, label: "", points: 0}
                  - {value: b, label: B, points: 1}
        """,
    )
    assert problems(path) == [
        f"{path}:2:8: title: {empty('title')}",
        f"{path}:3:10: summary: {empty('summary')}",
        f"{path}:9:12: section 1, title: {empty('title')}",
        f"{path}:13:20: section 1, question 1, text.me: {empty('me')}",
        f"{path}:18:31: section 1, question 2, option 1, label: {empty('label')}",
    ]


def test_an_empty_step_is_an_error(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "g.yaml",
        "id: g\ntitle: G\nsummary: S.\nkind: guided\nsteps:\n"
        '  - id: a\n    title: ""\n    prompt: " "\n',
    )
    assert problems(path) == [
        f"{path}:7:12: step 1, title: {empty('title')}",
        f"{path}:8:13: step 1, prompt: {empty('prompt')}",
    ]


def test_no_shipped_exercise_or_translation_has_an_empty_wording() -> None:
    from typer.testing import CliRunner

    from coprod_toolkit.cli.app import app
    from tests.conftest import ROOT

    result = CliRunner().invoke(app, ["exercise", "validate", str(ROOT / "exercises")])
    assert result.exit_code == 0, result.output
    assert "no errors" in result.output
