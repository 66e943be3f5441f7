"""What people write in a file stays as they wrote it: YAML 1.1 would read 12:30 as 750,
007 as 7, 010 as 8 (octal), 1_000 as 1000 and 0x1F as 31, and coprod saved those numbers
in place of a person's words."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from coprod_toolkit.cli.app import app
from coprod_toolkit.errors import FileProblems
from coprod_toolkit.group import load_group_answers
from coprod_toolkit.loader import load_exercise
from coprod_toolkit.yamlfile import _Reader, parse_yaml
from tests.conftest import ROOT, write

runner = CliRunner()


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("12:30", "12:30"),
        ("1:30:00", "1:30:00"),
        ("007", "007"),
        ("010", "010"),
        ("01234", "01234"),
        ("1_000", "1_000"),
        ("0x1F", "0x1F"),
        ("0o17", "0o17"),
        ("-012", "-012"),
        # what stays a number
        ("3", 3),
        ("0", 0),
        ("-5", -5),
        ("+3", 3),
        ("0.5", 0.5),
        ("10.25", 10.25),
    ],
)
def test_only_plain_numbers_are_numbers(written: str, read: object) -> None:
    value = parse_yaml(f"a: {written}\n", "x")[0]["a"]
    assert value == read and type(value) is type(read)
    # the careful reader (used when a file has something unusual in it) agrees
    careful = _Reader("x").read(f"a: {written}\n", None)["a"]
    assert careful == read and type(careful) is type(read)


def test_an_answers_file_keeps_a_persons_words(tmp_path: Path, isolated: Path) -> None:
    example = (ROOT / "docs" / "examples" / "six-principles-answers.yaml").read_text("utf-8")
    example = example.replace("name: Sam", "name: 007").replace(
        "next_step: Ask Jo to co-chair our next team meeting.",
        "next_step: 12:30 on Monday, 1_000 leaflets",
    )
    answers = tmp_path / "answers.yaml"
    answers.write_text(example, encoding="utf-8")
    result = runner.invoke(app, ["assess", "--answers", str(answers)])
    assert result.exit_code == 0, result.output
    (saved,) = (isolated / "reflections").glob("*.yaml")
    record = yaml.safe_load(saved.read_text(encoding="utf-8"))
    assert record["name"] == "007"
    assert record["next_step"] == "12:30 on Monday, 1_000 leaflets"


def test_a_groups_contributions_keep_their_words_and_skip_empty_lines(tmp_path: Path) -> None:
    four = load_exercise(ROOT / "exercises" / "four-steps.yaml").exercise
    path = write(
        tmp_path,
        "group.yaml",
        """
        people: [Ana, Ben]
        contributions:
          understand:
            Ana: [12:30, 010, true]
            Ben:
              -
              - The bus
        """,
    )
    given = load_group_answers(path, four, None)
    assert given.contributions["understand"] == {
        "Ana": ["12:30", "010", "true"],
        "Ben": ["The bus"],  # the empty '- ' line is not a contribution called 'None'
    }


def test_a_contribution_that_is_not_words_is_refused(tmp_path: Path) -> None:
    four = load_exercise(ROOT / "exercises" / "four-steps.yaml").exercise
    path = write(
        tmp_path,
        "group.yaml",
        """
        people: [Ana, Ben]
        contributions:
          understand:
            Ana: [[a, b]]
        """,
    )
    with pytest.raises(FileProblems) as caught:
        load_group_answers(path, four, None)
    assert [p.message for p in caught.value.problems] == [
        "this should be what Ana said, in words. Fix: write each contribution on its own "
        "line, starting with '- '."
    ]
