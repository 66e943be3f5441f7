"""Checklists: concerns, verdicts at every boundary, and coprod readiness."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from coprod_toolkit.cli import app
from coprod_toolkit.errors import FileProblems
from coprod_toolkit.loader import load_exercise
from coprod_toolkit.models import Exercise
from coprod_toolkit.scoring import verdict
from tests.conftest import ROOT, write

CHECKLIST = """
id: small-check
kind: checklist
title: Small check
summary: A checklist for tests.
verdicts:
  - {min: 0, max: 1, label: Ready, message: Go.}
  - {min: 2, max: 3, label: "Ready, with care", message: Go carefully.}
  - {min: 4, max: 5, label: Not yet, message: Wait.}
sections:
  - id: s
    title: Statements
    questions:
      - {id: good, type: yes_no, counts: for, text: A good sign?, talk_about: Why not?, could_change: This.}
      - {id: bad, type: yes_no, counts: against, text: A warning sign?}
      - {id: worse, type: yes_no, counts: against, weight: 2, text: A serious warning sign?}
      - {id: other, type: yes_no, counts: against, text: Another warning sign?}
      - {id: notes, type: text, optional: true, text: Anything else?}
"""


@pytest.fixture
def check(tmp_path: Path) -> Exercise:
    return load_exercise(write(tmp_path, "check.yaml", CHECKLIST)).exercise


@pytest.mark.parametrize(
    ("answers", "label", "count"),
    [
        ({"good": "yes", "bad": "no", "worse": "no", "other": "no"}, "Ready", 0),
        ({"good": "no", "bad": "no", "worse": "no", "other": "no"}, "Ready", 1),
        ({"good": "no", "bad": "yes", "worse": "no", "other": "no"}, "Ready, with care", 2),
        ({"good": "yes", "bad": "no", "worse": "yes", "other": "no"}, "Ready, with care", 2),
        ({"good": "no", "bad": "no", "worse": "yes", "other": "no"}, "Ready, with care", 3),
        ({"good": "no", "bad": "yes", "worse": "yes", "other": "no"}, "Not yet", 4),
        ({"good": "no", "bad": "yes", "worse": "yes", "other": "yes"}, "Not yet", 5),
    ],
)
def test_the_verdict_at_every_boundary(
    check: Exercise, answers: dict[str, str], label: str, count: int
) -> None:
    result = verdict(check, dict(answers), "me")  # type: ignore[arg-type]
    assert result is not None
    assert (result.label, result.count) == (label, count)


def test_concerns_carry_what_to_talk_about_and_not_sure_is_to_find_out(check: Exercise) -> None:
    result = verdict(check, {"good": "no", "bad": "not_sure", "worse": "no"}, "me")
    assert result is not None
    assert [c.question for c in result.concerns] == ["good"]
    assert result.concerns[0].talk_about == "Why not?"
    assert result.concerns[0].could_change == "This."
    assert [c.question for c in result.unsure] == ["bad"]
    assert result.count == 1


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("- {min: 2, max: 3,", "- {min: 1, max: 3,"),
            "7:11: verdicts[1].min: this verdict overlaps the one before it (0-1). Fix: start it at 2, and list verdicts from lowest to highest.",
        ),
        (
            ("- {min: 4, max: 5,", "- {min: 5, max: 5,"),
            "8:11: verdicts[2].min: counts from 4 to 4 fall in no verdict. Fix: start this verdict at 4.",
        ),
        (
            ("- {min: 4, max: 5,", "- {min: 4, max: 4,"),
            "8:19: verdicts[2].max: counts from 5 to 5 fall in no verdict. Fix: end the last verdict at 5.",
        ),
        (
            ("counts: against, text: A warning sign?", "text: A warning sign?"),
            "14:9: sections[0].questions[1]: a checklist statement must say how a yes counts. Fix: add 'counts: for' (yes is a good sign) or 'counts: against' (yes is a warning sign).",
        ),
        (
            (
                "{id: notes, type: text,",
                "{id: notes, type: scale, scale: {min: 1, max: 2, labels: {1: a, 2: b}},",
            ),
            "17:27: sections[0].questions[4].type: a checklist holds yes_no statements (and text notes), not scale. Fix: make it a yes_no statement, or use kind: assessment.",
        ),
    ],
)
def test_bad_checklists_are_reported_at_the_line(
    tmp_path: Path, change: tuple[str, str], expected: str
) -> None:
    path = write(tmp_path, "bad.yaml", CHECKLIST.replace(*change))
    with pytest.raises(FileProblems) as caught:
        load_exercise(path)
    assert [str(p).removeprefix(f"{path}:") for p in caught.value.problems] == [expected]


def test_verdicts_only_belong_to_checklists(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.yaml", CHECKLIST.replace("kind: checklist", "kind: assessment"))
    with pytest.raises(FileProblems) as caught:
        load_exercise(path)
    messages = [p.message for p in caught.value.problems]
    assert "only checklists have verdicts. Fix: remove them, or set kind: checklist." in messages
    assert "'counts' only works in a checklist. Fix: remove it, or set kind: checklist." in messages


@pytest.mark.parametrize(
    ("checklist", "labels"),
    [
        ("readiness", ["Ready", "Ready, with care", "Not yet"]),
        ("senior-leaders", ["Ready", "Ready, with care", "Not yet"]),
        ("tokenism", ["Looks genuine", "Genuine in part", "A box to tick, for now"]),
    ],
)
def test_the_shipped_checklists(checklist: str, labels: list[str]) -> None:
    ex = load_exercise(ROOT / "exercises" / f"{checklist}.yaml").exercise
    assert ex.kind == "checklist"
    assert [v.label for v in ex.verdicts] == labels
    assert ex.find_out_first is not None
    for _, q in ex.questions():
        assert q.type == "yes_no"
        assert getattr(q, "talk_about", None) and getattr(q, "could_change", None), q.id


def readiness_answers(folder: Path, **overrides: str) -> Path:
    ex = load_exercise(ROOT / "exercises" / "readiness.yaml").exercise
    answers = {
        q.id: ("yes" if getattr(q, "counts", "") == "for" else "no") for _, q in ex.questions()
    }
    answers.update(overrides)
    path = folder / "answers.yaml"
    path.write_text(yaml.safe_dump({"answers": answers}))
    return path


def test_readiness_end_to_end_with_an_answers_file(tmp_path: Path, isolated: Path) -> None:
    path = readiness_answers(
        tmp_path, **{"to-save-money": "yes", "no-time": "yes", "strong-feeling": "not sure"}
    )
    result = CliRunner().invoke(
        app, ["readiness", "--answers", str(path), "--name", "Project group"]
    )
    assert result.exit_code == 0, result.output
    assert "Verdict: Not yet" in result.output
    assert "2 things to talk through:" in result.output
    assert "Is the main reason for co-producing to save money on services?" in result.output
    assert "Talk about: If saving money is the goal" in result.output
    assert "Things to find out (1 statement answered 'not sure'):" in result.output
    record = yaml.safe_load(next((isolated / "reflections").glob("*.yaml")).read_text())
    assert record["command"] == "readiness" and record["kind"] == "checklist"
    assert record["verdict"]["label"] == "Not yet" and record["verdict"]["count"] == 2
    assert record["verdict"]["rule"] == "blocked"
    assert record["verdict"]["blocking"] == ["no-time", "to-save-money"]
    report = next((isolated / "reflections").glob("*.md")).read_text()
    assert "**Verdict: Not yet**" in report and "### Things to find out" in report


def test_an_answer_that_is_not_yes_no_or_not_sure(tmp_path: Path) -> None:
    path = readiness_answers(tmp_path, **{"no-funders": "perhaps"})
    result = CliRunner().invoke(app, ["readiness", "--answers", str(path)])
    assert result.exit_code == 1
    assert (
        'answers.no-funders: "Do the people who fund this work have doubts about the way you want to do it?": '
        "'perhaps' is not an answer here: use yes, no or not sure."
    ) in result.output


def test_readiness_and_assess_point_to_each_other(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["readiness", "six-principles", "--answers", "x.yaml"])
    assert result.exit_code == 2
    assert result.output == (
        "Error: 'six-principles' is an assessment. Fix: run it with: coprod assess six-principles\n"
    )
    result = CliRunner().invoke(app, ["assess", "tokenism", "--answers", "x.yaml"])
    assert (
        result.output
        == "Error: 'tokenism' is a checklist. Fix: run it with: coprod readiness tokenism\n"
    )


def test_placement_suggests_a_next_step_up(tmp_path: Path) -> None:
    path = write(tmp_path, "p.yaml", "answers: {where: consultation, how-deep: support}\n")
    result = CliRunner().invoke(app, ["assess", "placement", "--answers", str(path), "--no-save"])
    assert result.exit_code == 0, result.output
    flat = " ".join(result.output.split())
    assert "Where this work fits" in flat and "Consultation" in flat
    assert "A step on: bring people in earlier, to work on the problem itself" in flat
    assert "How deep it goes (Support):" in flat
