"""Trainers' tools: validate, new, schema and try."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coprod_toolkit.authoring import schema_text, slugify, starter_exercise
from coprod_toolkit.cli import app
from coprod_toolkit.loader import check_file, load_exercise
from tests.conftest import MINIMAL, ROOT, write

runner = CliRunner()
FIXTURES = ROOT / "tests" / "fixtures" / "invalid"


def invoke(*args: str):  # type: ignore[no-untyped-def]
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def expected_in(path: Path) -> list[str]:
    """A fixture states its own expected problems in '# expect: LINE:COL: ...' comments."""
    return [
        line.removeprefix("# expect: ").rstrip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.startswith("# expect: ")
    ]


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("*.yaml")), ids=lambda p: p.stem)
def test_invalid_fixtures_give_their_exact_messages(fixture: Path) -> None:
    _, problems = check_file(fixture)
    got = [str(p).removeprefix(f"{fixture}:") for p in problems]
    assert got == expected_in(fixture)


def test_the_shipped_schema_is_current() -> None:
    shipped = (ROOT / "exercises" / "exercise.schema.json").read_text(encoding="utf-8")
    assert shipped == schema_text(), (
        "run: coprod exercise schema --to exercises/exercise.schema.json"
    )


def test_the_schema_knows_every_question_type() -> None:
    schema = json.loads(schema_text())
    assert {
        "ScaleQuestion",
        "YesNoQuestion",
        "ChoiceQuestion",
        "MultiQuestion",
        "TextQuestion",
    } <= set(schema["$defs"])
    assert schema["additionalProperties"] is False


@pytest.mark.parametrize(
    ("sections", "scale"),
    [
        (["Assets", "Capabilities"], (1, 5)),
        (["Respect", "Trust", "Fair pay"], (0, 10)),
        (["One"], (1, 4)),
    ],
)
def test_a_starter_file_validates_as_it_is(
    tmp_path: Path, sections: list[str], scale: tuple[int, int]
) -> None:
    path = tmp_path / "new.yaml"
    path.write_text(starter_exercise("Our team's values", sections, *scale))
    loaded, problems = check_file(path)
    assert loaded is not None and problems == []
    assert [s.title for s in loaded.exercise.sections] == sections


def test_exercise_new_writes_a_file_and_the_schema() -> None:
    result = invoke(
        "exercise", "new", "--title", "Our values", "--sections", "Respect, Trust", "--scale", "1-4"
    )
    assert result.exit_code == 0, result.output
    path = Path("exercises/our-values.yaml")
    assert load_exercise(path).exercise.id == "our-values"
    assert Path("exercises/exercise.schema.json").read_text() == schema_text()
    again = invoke("exercise", "new", "--title", "Our values")
    assert again.exit_code == 1
    assert "already exists, and coprod will not write over it" in again.output
    listed = invoke("exercise", "list")
    assert "our-values" in listed.output


@pytest.mark.parametrize("scale", ["5", "5-1", "a-b", "1-500"])
def test_exercise_new_refuses_a_bad_scale(scale: str) -> None:
    result = invoke("exercise", "new", "--scale", scale)
    assert result.exit_code == 2
    assert result.output.startswith(f"Error: --scale {scale}:")


def test_validate_reports_errors_and_warnings_apart(tmp_path: Path) -> None:
    good = write(tmp_path / "ex", "tiny.yaml", MINIMAL)
    bad = write(tmp_path / "ex", "bad.yaml", "id: bad\ntitle: Bad\n")
    warned = write(
        tmp_path / "ex",
        "warned.yaml",
        MINIMAL.replace("id: tiny", "id: warned").replace(
            "labels: {1: Not true, 5: Always true}", ""
        ),
    )
    result = invoke("exercise", "validate", str(tmp_path / "ex"))
    assert result.exit_code == 1
    assert result.output == (
        "Errors (these must be fixed before the exercise can be used):\n"
        f"{bad}:1:1: 'summary' is missing. Fix: add a line 'summary: ...' here.\n"
        f"{bad}:1:1: 'sections' is missing. Fix: add a line 'sections: ...' here.\n"
        "\n"
        "Warnings (worth a look, but the exercise still works):\n"
        f"{warned}:10:5: scales.five: this scale has no labels, so people see only numbers. "
        "Fix: add 'labels:', at least for the two ends.\n"
        "\n"
        "Checked 3 files: 2 errors in 1 file, 1 warning.\n"
    )
    assert (
        invoke("exercise", "validate", str(good)).output
        == "Checked 1 file: no errors, 0 warnings.\n"
    )


def test_validate_json_and_duplicate_ids(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", MINIMAL)
    write(tmp_path, "b.yaml", MINIMAL)
    result = invoke("exercise", "validate", str(tmp_path), "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["errors"] == 1
    assert data["files"][0]["valid"] is True
    problem = data["files"][1]["problems"][0]
    assert (
        problem["message"] == f"the id 'tiny' is also used by {tmp_path / 'a.yaml'}. "
        "Fix: give each exercise its own id."
    )


def test_validate_a_missing_path() -> None:
    result = invoke("exercise", "validate", "nowhere.yaml")
    assert result.exit_code == 1
    assert "nowhere.yaml: there is no file or folder here. Fix: check the path." in result.output


def test_every_shipped_exercise_has_no_warnings() -> None:
    result = invoke("exercise", "validate", str(ROOT / "exercises"))
    assert result.exit_code == 0
    assert result.output.endswith("no errors, 0 warnings.\n")


def test_exercise_try_saves_nothing(tmp_path: Path, isolated: Path) -> None:
    path = write(tmp_path, "tiny.yaml", MINIMAL)
    answers = write(tmp_path, "answers.yaml", "answers: {q1: 4, q2: 'no', q4: 2, q5: a}\n")
    result = invoke("exercise", "try", str(path), "--answers", str(answers))
    assert result.exit_code == 0, result.output
    assert "Overall:" in result.output and "Nothing was saved" in result.output
    assert not isolated.exists()


def test_slugify() -> None:
    assert slugify("Our team's values!") == "our-teams-values"
    assert slugify("???") == "exercise"


def test_many_files_are_checked_in_parallel_and_reported_in_order(tmp_path: Path) -> None:
    from coprod_toolkit.catalog import PARALLEL_FROM, check_paths

    count = PARALLEL_FROM + 6
    for n in range(count):
        write(tmp_path, f"e{n:03}.yaml", MINIMAL.replace("id: tiny", f"id: tiny-{n}"))
    write(tmp_path, "e005.yaml", MINIMAL.replace("id: tiny", "id: tiny-4"))
    write(tmp_path, "e007.yaml", "id: broken\n")
    reports, missing = check_paths([tmp_path])
    assert missing == []
    assert [r.path.name for r in reports] == [f"e{n:03}.yaml" for n in range(count)]
    assert reports[5].errors[0].message.startswith("the id 'tiny-4' is also used by")
    assert reports[7].exercise_id is None and reports[7].errors
    assert sum(1 for r in reports if r.errors) == 2


@pytest.mark.parametrize("sections", [["One"], ["Power", "Money", "Time"]])
def test_a_starter_checklist_validates_as_it_is(tmp_path: Path, sections: list[str]) -> None:
    from coprod_toolkit.authoring import starter_checklist

    path = tmp_path / "new.yaml"
    path.write_text(starter_checklist("Our own check", sections))
    loaded, problems = check_file(path)
    assert loaded is not None and problems == [], problems
    assert loaded.exercise.kind == "checklist"


def test_exercise_new_checklist_then_try_it() -> None:
    result = invoke(
        "exercise", "new", "--kind", "checklist", "--title", "Our check", "--sections", "Power"
    )
    assert result.exit_code == 0, result.output
    answers = Path("a.yaml")
    answers.write_text("answers: {power-good-sign: 'no', power-warning-sign: 'no'}\n")
    tried = invoke("exercise", "try", "exercises/our-check.yaml", "--answers", str(answers))
    assert tried.exit_code == 0, tried.output
    assert "Verdict: Ready, with care" in tried.output
    quiz = invoke("exercise", "new", "--kind", "quiz")
    assert quiz.exit_code == 2
    assert quiz.output.endswith(
        "Error: Invalid value for '--kind': 'quiz' is not one of the choices. "
        "Fix: use assessment or checklist.\n"
    )


def test_to_dash_sends_the_schema_and_a_new_exercise_to_the_screen(tmp_path: Path) -> None:
    """`--to -` means the screen in every command; schema and new wrote a file called '-'."""
    schema = invoke("exercise", "schema", "--to", "-")
    assert schema.exit_code == 0 and schema.output.startswith("{")
    new = invoke(
        "exercise",
        "new",
        "--to",
        "-",
        "--title",
        "Our values",
        "--scale",
        "1-4",
        "--sections",
        "Respect, Trust",
    )
    assert new.exit_code == 0, new.output
    assert new.output.startswith("# yaml-language-server")
    assert "coprod exercise validate our-values.yaml" in new.output
    assert "Wrote" not in new.output
    assert not (Path.cwd() / "-").exists()
    (tmp_path / "ours.yaml").write_text(new.output, encoding="utf-8")
    assert invoke("exercise", "validate", str(tmp_path / "ours.yaml")).exit_code == 0
