"""A new user's findings in exercise validate / new / try: each message pinned to its words."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from coprod_toolkit import i18n
from coprod_toolkit.errors import FileProblems
from coprod_toolkit.loader import check_file, load_exercise
from tests.conftest import ROOT, write


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


HEAD = "id: x\ntitle: X\nsummary: S.\n"


def test_an_exercise_with_no_sections_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, "x.yaml", HEAD + "sections: []\n")
    assert problems(path) == [
        f"{path}:4:1: sections: there are no sections, so there is nothing to ask. Fix: add at "
        "least one section, with its questions, under 'sections:', like those in "
        "exercises/six-principles.yaml."
    ]


def test_a_guided_exercise_with_no_steps_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, "x.yaml", HEAD + "kind: guided\nsteps: []\n")
    assert problems(path) == [
        f"{path}:5:1: steps: there are no steps, so there is nothing for the group to do. "
        "Fix: add at least one step under 'steps:', like those in exercises/four-steps.yaml."
    ]


@pytest.mark.parametrize("empty", ["questions: []", "questions:"])
def test_a_section_with_no_questions_says_so(tmp_path: Path, empty: str) -> None:
    path = write(tmp_path, "x.yaml", HEAD + f"sections:\n  - id: a\n    title: A\n    {empty}\n")
    assert [p.split(": ", 2)[2] for p in problems(path)] == [
        "this section has no questions, so there is nothing to ask in it. Fix: add at least "
        "one question under 'questions:', or remove the section."
    ]


def test_every_shipped_exercise_still_loads() -> None:
    for path in sorted((ROOT / "exercises").glob("*.yaml")):
        if ".cy." in path.name:
            continue
        loaded, found = check_file(path)
        assert loaded is not None, (path, [str(p) for p in found])


def test_no_sections_in_welsh(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from coprod_toolkit.cli.app import app

    path = write(tmp_path, "x.yaml", HEAD + "sections: []\n")
    result = CliRunner().invoke(app, ["--lang", "cy", "exercise", "validate", str(path)])
    assert result.exit_code == 1
    assert "does dim adrannau, felly does dim byd i'w ofyn." in " ".join(result.output.split())
