"""The command line: every bad input gets a message, an exit code, and no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from coprod_toolkit.cli import app
from coprod_toolkit.loader import load_exercise
from tests.conftest import MINIMAL, ROOT, write

runner = CliRunner()
SIX = load_exercise(ROOT / "exercises" / "six-principles.yaml").exercise


def answers_file(folder: Path, **extra: object) -> Path:
    answers = {
        q.id: 2 if getattr(q, "reverse", False) else 4
        for _, q in SIX.questions()
        if q.type == "scale"
    }
    answers["assets-example"] = "Jo changed the rota."
    data = {"name": "Sam", "answers": answers, "next_step": "Ask Jo to co-chair.", **extra}
    path = folder / "answers.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def invoke(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    result = runner.invoke(app, list(args), input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.output.startswith("coprod ")


@pytest.mark.parametrize(
    "command",
    [[], ["assess"], ["resume"], ["exercise"], ["exercise", "list"], ["exercise", "show"]],
)
def test_every_command_has_help(command: list[str]) -> None:
    result = invoke(*command, "--help")
    assert result.exit_code == 0
    assert "Usage: coprod" in result.output


def test_assess_with_an_answers_file_saves_yaml_and_markdown(
    tmp_path: Path, isolated: Path
) -> None:
    result = invoke("assess", "--answers", str(answers_file(tmp_path)), "--about", "service")
    assert result.exit_code == 0, result.output
    assert "Overall: 75 out of 100 - Strong" in result.output
    saved = sorted((isolated / "reflections").iterdir())
    assert [p.suffix for p in saved] == [".md", ".yaml"]
    record = yaml.safe_load(saved[1].read_text())
    assert record["exercise"]["id"] == "six-principles"
    assert record["exercise"]["version"] == "2"
    assert len(record["exercise"]["hash"]) == 64
    assert record["about"] == "service" and record["name"] == "Sam"
    assert record["scores"]["overall"]["band"] == "Strong"
    assert record["next_step"] == "Ask Jo to co-chair."
    assert record["answers"][0]["text"].startswith("When our team gets to know someone")
    report = saved[0].read_text()
    assert "## One thing I will do next" in report and "Ask Jo to co-chair." in report
    assert str(saved[0]) in result.output.replace("\n", "")
    assert not list((isolated / "drafts").iterdir())


def test_no_save_saves_nothing(tmp_path: Path, isolated: Path) -> None:
    result = invoke("assess", "--answers", str(answers_file(tmp_path)), "--no-save")
    assert result.exit_code == 0
    assert "Nothing was saved" in result.output
    assert not isolated.exists()


def test_out_folder(tmp_path: Path) -> None:
    out = tmp_path / "elsewhere"
    result = invoke("assess", "--answers", str(answers_file(tmp_path)), "--out", str(out))
    assert result.exit_code == 0
    assert len(list((out / "reflections").glob("*.yaml"))) == 1


def test_an_output_folder_that_cannot_be_written(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = invoke("assess", "--answers", str(answers_file(tmp_path)), "--out", str(blocker))
    assert result.exit_code == 1
    assert result.output == (
        f"Error: Cannot save in {blocker}: it is a file, not a folder. "
        "Fix: choose another folder with --out DIR, or set COPROD_HOME to a folder you can "
        "write to.\n"
    )


def test_no_terminal_and_no_answers() -> None:
    result = invoke("assess")
    assert result.exit_code == 1
    assert "there is none here" in result.output
    assert "--answers FILE" in result.output


def test_no_terminal_names_the_checklist_in_the_command_to_type() -> None:
    """The Fix line is a whole command: 'readiness --answers FILE' checks another checklist."""
    result = invoke("readiness", "tokenism")
    assert result.exit_code == 1
    said = " ".join(result.output.split())
    assert "coprod readiness tokenism --answers FILE" in said


def test_no_terminal_for_a_try_out_says_the_command_that_was_typed() -> None:
    result = invoke("exercise", "try", "tokenism")
    assert result.exit_code == 1
    said = " ".join(result.output.split())
    assert said.startswith("coprod exercise try asks its questions in a terminal")
    assert "coprod exercise try tokenism --answers FILE" in said


def test_an_unknown_exercise_lists_the_known_ones() -> None:
    result = invoke("assess", "six-principle", "--answers", "x.yaml")
    assert result.exit_code == 2
    assert result.output == (
        "There is no exercise called 'six-principle'. Did you mean 'six-principles'?\n"
        "The exercises coprod knows:\n"
        "  four-steps      The four steps, together\n"
        "  placement       Where does our work sit?\n"
        "  readiness       Is co-production right for us now?\n"
        "  senior-leaders  Questions for senior leaders\n"
        "  six-principles  The six principles of co-production\n"
        "  tokenism        Is it co-production, or a box to tick?\n"
        "Run 'coprod exercise list' to see where each comes from.\n"
    )


def test_a_bad_answers_file_names_the_question(tmp_path: Path, isolated: Path) -> None:
    path = answers_file(tmp_path)
    data = yaml.safe_load(path.read_text())
    data["answers"]["assets-strengths"] = 7
    del data["answers"]["roles-jargon"]
    path.write_text(yaml.safe_dump(data))
    result = invoke("assess", "--answers", str(path))
    assert result.exit_code == 1
    assert (
        'answers.assets-strengths: "When I get to know someone, I ask what they are good at'
        in result.output
    )
    assert "'7' is not on the scale: use a whole number from 1 to 5, or unknown " in result.output
    assert "there is no answer for 'roles-jargon'" in result.output
    assert "2 problems in answers file" in result.output
    assert not isolated.joinpath("reflections").exists() or not list(
        isolated.joinpath("reflections").iterdir()
    )


def test_a_bad_about(tmp_path: Path) -> None:
    result = invoke("assess", "--answers", str(answers_file(tmp_path)), "--about", "team")
    assert result.exit_code == 2
    assert result.output == (
        "Error: --about team: this exercise can be about me (my own practice), service "
        "(my service or team), organisation (my organisation), support (the support and services "
        "I use) or together (our work together, as a group or project). "
        "Fix: use one of those words.\n"
    )


def test_a_broken_exercise_file_by_path(tmp_path: Path) -> None:
    path = write(tmp_path, "broken.yaml", "id: x\ntitle: !!python/object:os.system x\n")
    result = invoke("assess", str(path), "--answers", "x.yaml")
    assert result.exit_code == 1
    assert "the tag '!!python/object:os.system' is not allowed" in result.output
    assert "Traceback" not in result.output


def test_markup_and_escape_codes_are_shown_literally(tmp_path: Path, isolated: Path) -> None:
    path = answers_file(tmp_path, name="[bold red]Mallory\x1b[2J")
    result = invoke("assess", "--answers", str(path))
    assert result.exit_code == 0
    record = next((isolated / "reflections").glob("*.yaml"))
    assert yaml.safe_load(record.read_text())["name"] == "[bold red]Mallory\x1b[2J"
    report = next((isolated / "reflections").glob("*.md")).read_text()
    assert "\x1b" not in report
    assert "\\[bold red\\]Mallory\\\\x1b\\[2J" in report


def test_exercise_list_and_show(tmp_path: Path) -> None:
    write(tmp_path / "work" / "exercises", "tiny.yaml", MINIMAL)
    result = invoke("exercise", "list")
    assert result.exit_code == 0
    assert "six-principles" in result.output and "tiny" in result.output
    assert "this folder" in result.output
    shown = invoke("exercise", "show", "six-principles", "--about", "organisation")
    assert shown.exit_code == 0
    assert "[assets-strengths] When staff in my organisation get to know someone" in shown.output
    assert "1  Not true; 2  Rarely true" in shown.output


def test_two_different_files_with_one_id(tmp_path: Path) -> None:
    write(tmp_path / "work" / "exercises", "tiny.yaml", MINIMAL)
    write(tmp_path / "more", "copy.yaml", MINIMAL.replace("title: Tiny", "title: Other"))
    result = invoke("exercise", "list", "--exercises", str(tmp_path / "more"))
    assert result.exit_code == 1
    assert "Two different exercise files have the id 'tiny'" in result.output
    assert str(tmp_path / "more" / "copy.yaml") in result.output


def test_resume_with_nothing_to_resume(isolated: Path) -> None:
    result = invoke("resume")
    assert result.exit_code == 0
    assert "There is nothing to resume" in result.output


def test_markup_and_escape_codes_in_an_exercise_file_are_shown_literally(tmp_path: Path) -> None:
    hostile = MINIMAL.replace("title: Tiny", 'title: "[bold red]Tiny\\e[2J"').replace(
        "text: Do you do another?", 'text: "[link=http://x]Do[/link] you \\e]0;pwned\\a?"'
    )
    path = write(tmp_path, "hostile.yaml", hostile)
    result = invoke("exercise", "show", str(path))
    assert result.exit_code == 0
    assert "[bold red]Tiny\\x1b[2J" in result.output
    assert "[link=http://x]Do[/link] you \\x1b]0;pwned\\x07?" in result.output
    assert "\x1b" not in result.output


def test_results_are_also_shown_against_an_extra_framework(tmp_path: Path, isolated: Path) -> None:
    body = (
        (ROOT / "docs" / "authoring.md").read_text().split("id: two-frameworks")[1].split("```")[0]
    )
    path = write(tmp_path, "two.yaml", "id: two-frameworks" + body)
    answers = write(tmp_path, "a.yaml", "answers: {strengths: 5, open-books: 1}\n")
    result = invoke("assess", str(path), "--answers", str(answers))
    assert result.exit_code == 0, result.output
    assert "Your results against Our values, principle by principle:" in result.output
    assert "  Respect: 100 out of 100" in result.output
    assert "  Honesty: 0 out of 100" in result.output
    report = next((isolated / "reflections").glob("*.md")).read_text()
    assert "### Against Our values" in report and "| Respect | 100 |" in report


def test_an_about_for_an_exercise_with_one_subject(tmp_path: Path) -> None:
    result = invoke("readiness", "--about", "service", "--answers", str(tmp_path / "none.yaml"))
    assert result.exit_code == 2
    assert result.output == (
        "Error: --about service: this exercise can only be about this piece of work. "
        "Fix: leave --about out, or use --about me.\n"
    )


def test_no_terminal_and_no_such_exercise_says_there_is_no_such_exercise() -> None:
    """Without a terminal, 'assess nosuch' advised 'coprod exercise show nosuch'."""
    result = runner.invoke(app, ["assess", "nosuch"])
    assert result.exit_code == 2, result.output
    assert "There is no exercise called 'nosuch'." in result.output
    assert "terminal" not in result.output
