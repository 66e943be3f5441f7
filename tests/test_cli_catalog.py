"""Finding and listing exercises reads only what it needs, and a damaged cache changes nothing."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coprod_toolkit import catalog, loader
from coprod_toolkit.cli import app
from coprod_toolkit.errors import CoprodError, FileProblems
from coprod_toolkit.loader import check_file
from tests.conftest import MINIMAL, write
from tests.test_cli import answers_file

runner = CliRunner()


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every exercise file read in full (parsed and validated), in order."""
    seen: list[Path] = []
    real = loader.load_exercise

    def counting(path: Path) -> loader.LoadedExercise:
        seen.append(Path(path))
        return real(path)

    monkeypatch.setattr(loader, "load_exercise", counting)
    catalog._LOADED.clear()
    return seen


def three(folder: Path) -> Path:
    for name in ("tiny", "small", "little"):
        write(folder, f"{name}.yaml", MINIMAL.replace("id: tiny", f"id: {name}"))
    return folder


def test_finding_one_exercise_reads_only_that_file(tmp_path: Path, loads: list[Path]) -> None:
    folder = three(tmp_path / "mine")
    found = catalog.find("small", [folder])
    assert found.exercise.id == "small"
    assert loads == [folder / "small.yaml"]
    # Within one command, the same unchanged file is not read again.
    assert catalog.find("small", [folder]) is found
    assert loads == [folder / "small.yaml"]


def test_an_assessment_reads_its_exercise_once(tmp_path: Path, loads: list[Path]) -> None:
    result = runner.invoke(app, ["assess", "--answers", str(answers_file(tmp_path)), "--no-save"])
    assert result.exit_code == 0, result.output
    assert [p.name for p in loads] == ["six-principles.yaml"]


def test_practice_suggestions_name_the_right_command(loads: list[Path]) -> None:
    from coprod_toolkit.cli.assess import practice_commands

    six = catalog.find("six-principles")
    assert practice_commands(six.exercise, None) == {
        "tokenism": "coprod readiness tokenism",
        "senior-leaders": "coprod readiness senior-leaders",
        "placement": "coprod assess placement",
    }
    assert [p.name for p in loads] == ["six-principles.yaml"]


def test_listing_twice_reads_the_files_once(tmp_path: Path, loads: list[Path]) -> None:
    folder = three(tmp_path / "mine")
    first = runner.invoke(app, ["exercise", "list", "--exercises", str(folder)])
    assert first.exit_code == 0, first.output
    assert sum(1 for p in loads if p.parent == folder) == 3
    catalog._LOADED.clear()
    loads.clear()
    again = runner.invoke(app, ["exercise", "list", "--exercises", str(folder)])
    assert again.output == first.output
    assert loads == []
    # A changed file is read again, and what it now says is shown.
    write(folder, "small.yaml", MINIMAL.replace("id: tiny", "id: small").replace("Tiny", "Wee"))
    os.utime(folder / "small.yaml", ns=(1, 1))
    third = runner.invoke(app, ["exercise", "list", "--exercises", str(folder)])
    assert loads == [folder / "small.yaml"]
    assert "  Wee\n" in third.output


@pytest.mark.parametrize(
    "damage",
    ["{not json", '{"coprod": "x", "files": [1]}', "[]", "", '{"files": {"a": 1}}'],
    ids=["not json", "old fingerprint", "a list", "empty", "wrong shape"],
)
def test_a_damaged_cache_is_rebuilt(tmp_path: Path, damage: str) -> None:
    folder = three(tmp_path / "mine")
    clean = runner.invoke(app, ["exercise", "list", "--exercises", str(folder)])
    cache = catalog.cache_path()
    assert json.loads(cache.read_text())["files"]
    cache.write_text(damage)
    result = runner.invoke(app, ["exercise", "list", "--exercises", str(folder)])
    assert result.exit_code == 0
    assert result.output == clean.output
    assert json.loads(cache.read_text())["files"]


def test_a_cache_entry_of_the_wrong_shape_is_read_again(tmp_path: Path) -> None:
    folder = three(tmp_path / "mine")
    runner.invoke(app, ["exercise", "list", "--exercises", str(folder)])
    cache = catalog.cache_path()
    data = json.loads(cache.read_text())
    for entry in data["files"].values():
        entry.pop("title", None)
        entry["id"] = 7
    cache.write_text(json.dumps(data))
    catalog._LOADED.clear()
    assert catalog.find("little", [folder]).exercise.id == "little"


def test_a_cache_folder_that_cannot_be_written_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    folder = three(tmp_path / "mine")
    result = runner.invoke(app, ["exercise", "list", "--exercises", str(folder)])
    assert result.exit_code == 0
    assert "little" in result.output and "small" in result.output


def test_an_id_written_another_way_is_still_found(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    write(folder, "a.yaml", MINIMAL.replace("id: tiny", "id:\n  spelled-out"))
    write(folder, "b.yaml", MINIMAL.replace("id: tiny", "id: 'quoted' # a comment"))
    assert catalog.find("spelled-out", [folder]).exercise.id == "spelled-out"
    assert catalog.find("quoted", [folder]).exercise.id == "quoted"


def test_two_different_files_with_one_id(tmp_path: Path) -> None:
    folder = three(tmp_path / "mine")
    write(folder, "copy.yaml", MINIMAL.replace("Tiny", "Another tiny"))
    with pytest.raises(CoprodError, match="Two different exercise files have the id 'tiny'"):
        catalog.find("tiny", [folder])
    # Other exercises can still be found; the listing says what is wrong.
    assert catalog.find("small", [folder]).exercise.id == "small"
    listed = runner.invoke(app, ["exercise", "list", "--exercises", str(folder)])
    assert listed.exit_code == 1
    assert "Two different exercise files have the id 'tiny'" in listed.output


def test_the_same_file_twice_is_one_exercise(tmp_path: Path) -> None:
    first = three(tmp_path / "one")
    second = three(tmp_path / "two")
    assert catalog.find("tiny", [first, second]).path == first / "tiny.yaml"


def test_a_broken_file_named_for_the_id_says_what_is_wrong(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    write(folder, "tiny.yaml", MINIMAL.replace("title: Tiny\n", ""))
    with pytest.raises(FileProblems, match="title"):
        catalog.find("tiny", [folder])
    result = runner.invoke(app, ["exercise", "show", "tiny", "--exercises", str(folder)])
    assert result.exit_code == 1
    assert "tiny.yaml" in result.output


def test_a_repeated_option_is_reported_at_each_repeat(tmp_path: Path) -> None:
    options = "\n".join(
        f"          - {{value: {v}, label: {v.upper()}, points: 1}}"
        for v in ["a", "b", "a", "c", "b", "a"]
    )
    text = MINIMAL.replace(
        """        options:
          - {value: a, label: Often, points: 2}
          - {value: b, label: Never, points: 0}""",
        "        options:\n" + options,
    )
    path = write(tmp_path, "x.yaml", text)
    _, problems = check_file(path)
    repeated = [p for p in problems if "listed twice" in p.message]
    assert [(p.where, p.message) for p in repeated] == [
        (
            "section 2, question 2, option 3, value",
            "the option 'a' is listed twice. Fix: give each its own value.",
        ),
        (
            "section 2, question 2, option 5, value",
            "the option 'b' is listed twice. Fix: give each its own value.",
        ),
        (
            "section 2, question 2, option 6, value",
            "the option 'a' is listed twice. Fix: give each its own value.",
        ),
    ]


@pytest.mark.parametrize("value", [None, "", "  ", "/somewhere/else"])
@pytest.mark.parametrize("kind", ["config", "cache"])
def test_user_folders_are_where_platformdirs_puts_them(
    kind: str, value: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    import platformdirs

    name = {"config": "XDG_CONFIG_HOME", "cache": "XDG_CACHE_HOME"}[kind]
    if value is None:
        monkeypatch.delenv(name, raising=False)
    else:
        monkeypatch.setenv(name, value)
    finder = platformdirs.user_config_path if kind == "config" else platformdirs.user_cache_path
    assert catalog.user_folder(kind) == finder("coprod", appauthor=False)


def test_validate_rechecks_only_what_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = three(tmp_path / "mine")
    never = "    - {min: 101, max: 200, label: Never, message: Out of reach.}"
    high = "    - {min: 50, max: 100, label: High, message: Keep going.}"
    warned = MINIMAL.replace("id: tiny", "id: warned").replace(high, f"{high}\n{never}")
    write(folder, "warned.yaml", warned)
    checked: list[str] = []
    real = catalog._check_one

    def counting(path: Path) -> tuple[str | None, list[object]]:
        checked.append(path.name)
        return real(path)  # type: ignore[return-value]

    monkeypatch.setattr(catalog, "_check_one", counting)
    first = runner.invoke(app, ["exercise", "validate", str(folder)])
    assert sorted(checked) == ["little.yaml", "small.yaml", "tiny.yaml", "warned.yaml"]
    checked.clear()
    again = runner.invoke(app, ["exercise", "validate", str(folder)])
    assert again.output == first.output and again.exit_code == first.exit_code
    # Only the file with something to say is read again: clean files are remembered.
    assert "no score can reach this band" in first.output
    assert checked == ["warned.yaml"]
    checked.clear()
    write(
        folder, "small.yaml", MINIMAL.replace("id: tiny", "id: small").replace("title: Tiny\n", "")
    )
    broken = runner.invoke(app, ["exercise", "validate", str(folder)])
    assert "small.yaml" in checked and "tiny.yaml" not in checked
    assert broken.exit_code == 1 and "title" in broken.output


def test_validate_finds_a_repeated_id_among_remembered_files(tmp_path: Path) -> None:
    folder = three(tmp_path / "mine")
    assert runner.invoke(app, ["exercise", "validate", str(folder)]).exit_code == 0
    write(folder, "zz-copy.yaml", MINIMAL.replace("Tiny", "Another"))
    result = runner.invoke(app, ["exercise", "validate", str(folder)])
    assert result.exit_code == 1
    assert "the id 'tiny' is also used by" in result.output


def test_nothing_is_written_beside_the_exercises(tmp_path: Path) -> None:
    folder = three(tmp_path / "shared")
    before = sorted(p.name for p in folder.iterdir())
    runner.invoke(app, ["exercise", "list", "--exercises", str(folder)])
    runner.invoke(app, ["exercise", "validate", str(folder)])
    catalog.find("small", [folder])
    assert sorted(p.name for p in folder.iterdir()) == before
    assert catalog.cache_path().parent == tmp_path / "cache" / "coprod"
    assert (tmp_path / "cache" / "coprod" / "validated.json").exists()
