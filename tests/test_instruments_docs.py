"""The worked shapes in docs/authoring.md give the numbers the guide says they give."""

from __future__ import annotations

from pathlib import Path

import yaml
from typer.testing import CliRunner

from coprod_toolkit.cli import app
from coprod_toolkit.loader import load_exercise
from coprod_toolkit.models import AnswerValue, Exercise
from coprod_toolkit.report import amount, overall_text
from coprod_toolkit.scoring import score, verdict
from tests.conftest import ROOT

GUIDE = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")


def example(ex_id: str, folder: Path) -> Path:
    body = GUIDE.split(f"```yaml\nid: {ex_id}\n")[1].split("```")[0]
    path = folder / f"{ex_id}.yaml"
    path.write_text(f"id: {ex_id}\n{body}", encoding="utf-8")
    return path


def loaded(ex_id: str, folder: Path) -> Exercise:
    return load_exercise(example(ex_id, folder)).exercise


def test_the_values_example(tmp_path: Path) -> None:
    ex = loaded("our-values", tmp_path)
    threes: dict[str, AnswerValue] = {q.id: 3 for _, q in ex.questions()}
    scores = score(ex, threes)
    assert overall_text(scores) == "Total 60 (of 20–100) - Established"
    assert [amount(s, scores) for s in scores.sections] == ["12 of 4–20"] * 5
    one_passed = {**threes, "trust-2": None}
    scores = score(ex, one_passed)
    assert overall_text(scores) == "Total 60 (of 20–100) - Established"
    assert (scores.overall.answered, scores.overall.questions) == (19, 20)
    five_passed = {**threes, **dict.fromkeys(["trust-1", "trust-2", "trust-3", "trust-4"], None)}
    five_passed["sharing-1"] = None
    assert score(ex, five_passed).overall.band is None  # 15 answers: fewer than 16


def test_the_values_example_through_the_command(tmp_path: Path) -> None:
    path = example("our-values", tmp_path)
    ex = load_exercise(path).exercise
    answers = tmp_path / "a.yaml"
    answers.write_text(yaml.safe_dump({"answers": {q.id: 3 for _, q in ex.questions()}}))
    result = CliRunner().invoke(
        app, ["assess", str(path), "--answers", str(answers), "--plain", "--no-save"]
    )
    assert result.exit_code == 0, result.output
    assert "Total 60 (of 20–100) - Established" in result.output
    assert "Equality: 12 of 4–20" in result.output


def test_the_marks_out_of_ten_example(tmp_path: Path) -> None:
    ex = loaded("marks-out-of-ten", tmp_path)
    scores = score(ex, {"listening-mark": 7, "power-mark": 6, "difference-mark": 8})
    assert [amount(s, scores) for s in scores.sections] == ["7 of 10", "6 of 10", "8 of 10"]
    assert overall_text(scores) == "Overall: 7 of 10"


def test_the_checklist_example(tmp_path: Path) -> None:
    ex = loaded("before-we-start", tmp_path)
    hopeful: dict[str, AnswerValue] = {
        "to-save-money": "no",
        "no-follow-through": "no",
        "open-design": "yes",
        "people-care": "yes",
    }

    def label(**changes: str) -> str:
        result = verdict(
            ex, {**hopeful, **{k.replace("_", "-"): v for k, v in changes.items()}}, "me"
        )
        assert result is not None
        return result.label

    assert label() == "Ready"
    assert label(to_save_money="yes") == "Not yet"
    assert label(open_design="no", people_care="no") == "Ready, with care"
    assert label(no_follow_through="not_sure") == "Find out first"
    assert (
        label(
            **dict.fromkeys(
                ["to_save_money", "no_follow_through", "open_design", "people_care"], "not_sure"
            )
        )
        == "Find out first"
    )


def test_the_marks_example_for_a_group_shows_the_agreed_mark_on_its_scale(tmp_path: Path) -> None:
    path = example("marks-out-of-ten", tmp_path)
    answers = tmp_path / "group.yaml"
    answers.write_text(
        yaml.safe_dump(
            {
                "people": ["Ana", "Ben"],
                "answers": {
                    "Ana": {"listening-mark": 6, "power-mark": 6, "difference-mark": 8},
                    "Ben": {"listening-mark": 9, "power-mark": 6, "difference-mark": 8},
                },
                "agreed": {"listening-mark": {"answer": 7}},
            }
        )
    )
    result = CliRunner().invoke(
        app, ["group", str(path), "--answers", str(answers), "--plain", "--no-save"]
    )
    assert result.exit_code == 0, result.output
    # Agreed 7 for listening; 6 and 8 where everyone gave the same; overall 21 / 3 = 7.
    assert "Listening: 7 of 10" in result.output
    assert "Sharing power: 6 of 10" in result.output
    assert "The group overall: 7 of 10" in result.output
    assert "out of 100" not in result.output
