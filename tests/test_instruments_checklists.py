"""Checklist verdicts that follow the source: blockers, unknowns, reasons in favour.

Every shipped checklist is read with its worst, best, all-not-sure and
single-blocker answers, and the verdict label is what is checked.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from coprod_toolkit.cli import app
from coprod_toolkit.loader import load_exercise
from coprod_toolkit.models import AnswerValue, Exercise, YesNoQuestion
from coprod_toolkit.scoring import verdict, visible
from tests.conftest import ROOT, write


def shipped(name: str) -> Exercise:
    return load_exercise(ROOT / "exercises" / f"{name}.yaml").exercise


def statements(ex: Exercise) -> list[YesNoQuestion]:
    return [q for _, q in ex.questions() if isinstance(q, YesNoQuestion)]


def best(ex: Exercise) -> dict[str, AnswerValue]:
    return {q.id: "yes" if q.counts == "for" else "no" for q in statements(ex)}


def worst(ex: Exercise) -> dict[str, AnswerValue]:
    return {q.id: "no" if q.counts == "for" else "yes" for q in statements(ex)}


def label(ex: Exercise, answers: dict[str, AnswerValue]) -> str:
    result = verdict(ex, answers, "me")
    assert result is not None
    return result.label


CHECKLISTS = {
    # name: (best label, blocking label)
    "readiness": ("Ready", "Not yet"),
    "senior-leaders": ("Ready", "Not yet"),
    "tokenism": ("Looks genuine", "A box to tick, for now"),
}


@pytest.mark.parametrize("name", CHECKLISTS)
def test_best_worst_and_all_not_sure(name: str) -> None:
    ex = shipped(name)
    good, blocked = CHECKLISTS[name]
    assert label(ex, best(ex)) == good
    assert label(ex, worst(ex)) == blocked
    unsure: dict[str, AnswerValue] = {q.id: "not_sure" for q in statements(ex)}
    result = verdict(ex, unsure, "me")
    assert result is not None
    assert result.label == "Find out first" and result.rule == "find_out"
    asked = [q for _, q in visible(ex, unsure) if isinstance(q, YesNoQuestion)]
    assert len(result.unsure) == len(asked)  # every unknown is counted and shown
    assert result.concerns == []


@pytest.mark.parametrize(
    ("name", "blocker"),
    [
        ("readiness", "to-save-money"),
        ("readiness", "know-the-answer"),
        ("readiness", "no-follow-through"),
        ("senior-leaders", "payment-clear"),
        ("senior-leaders", "equal-say"),
        ("tokenism", "backstage"),
        ("tokenism", "end-in-itself"),
    ],
)
def test_a_single_blocker_alone_is_enough(name: str, blocker: str) -> None:
    ex = shipped(name)
    answers = best(ex)
    q = ex.question(blocker)
    assert isinstance(q, YesNoQuestion) and q.blocks
    answers[blocker] = "no" if q.counts == "for" else "yes"
    result = verdict(ex, answers, "me")
    assert result is not None
    assert (result.label, result.rule, result.blocking) == (
        CHECKLISTS[name][1],
        "blocked",
        [blocker],
    )
    assert result.concerns[0].could_change  # with what would change it


@pytest.mark.parametrize("name", CHECKLISTS)
def test_every_dont_item_blocks_and_not_sure_on_one_means_find_out(name: str) -> None:
    ex = shipped(name)
    for q in statements(ex):
        if not q.blocks:
            continue
        answers = best(ex)
        answers[q.id] = "not_sure"
        assert label(ex, answers) == "Find out first", q.id


def test_readiness_the_main_reason_is_to_save_money() -> None:
    ex = shipped("readiness")
    assert label(ex, {**best(ex), "to-save-money": "yes"}) == "Not yet"


def test_readiness_every_dont_item_is_a_blocker_and_no_do_item_is() -> None:
    ex = shipped("readiness")
    for q in statements(ex):
        assert q.blocks == (q.counts == "against"), q.id


def test_readiness_a_missing_reason_does_not_weigh_like_a_warning_sign() -> None:
    ex = shipped("readiness")
    one_reason_missing = {**best(ex), "strong-feeling": "no"}
    assert label(ex, one_reason_missing) == "Ready"
    # Four of nine reasons missing, no warning sign: still worth doing.
    four = {**best(ex), **dict.fromkeys(["strong-feeling", "big-problem", "let-them-lead"], "no")}
    four["follow-their-lead"] = "no"
    assert label(ex, four) == "Ready"
    five = {**four, "keep-energy-up": "no"}
    assert label(ex, five) == "Ready, with care"
    seven = {**five, "honest-about-limits": "no", "ideas-from-anyone": "no"}
    assert label(ex, seven) == "Not yet"
    none_hold = {q.id: "no" for q in statements(ex)}  # no warning sign, no reason either
    result = verdict(ex, none_hold, "me")
    assert result is not None
    assert (result.label, result.rule, result.count) == ("Not yet", "count", 8)


def test_readiness_does_not_count_a_settled_design_twice() -> None:
    ex = shipped("readiness")
    # Doubt about the design and knowing the answer are one fact: asked once, as a blocker.
    assert ex.question("open-question") is None
    result = verdict(ex, {**best(ex), "know-the-answer": "yes"}, "me")
    assert result is not None
    assert [c.question for c in result.concerns] == ["know-the-answer"]
    assert result.count == 1


def test_readiness_unsure_reasons_that_could_change_the_verdict_mean_find_out() -> None:
    ex = shipped("readiness")
    reasons = [q.id for q in statements(ex) if q.counts == "for"]
    one = {**best(ex), reasons[0]: "not_sure"}
    assert label(ex, one) == "Ready"  # one unknown reason cannot change the verdict
    many = {**best(ex), **dict.fromkeys(reasons[:5], "not_sure")}
    result = verdict(ex, many, "me")
    assert result is not None
    assert result.label == "Find out first" and len(result.deciding) == 5


def test_tokenism_all_four_telltale_signs_are_never_genuine() -> None:
    ex = shipped("tokenism")
    signs = ["jargon", "backstage", "added-on", "challenge-unwelcome"]
    answers = {**best(ex), **dict.fromkeys(signs, "yes")}
    result = verdict(ex, answers, "me")
    assert result is not None
    assert result.label == "A box to tick, for now"
    assert "genuine" not in result.message.lower()
    # Jargon alone is worth fixing, but does not make the work a box to tick.
    assert label(ex, {**best(ex), "jargon": "yes"}) == "Looks genuine"


def test_senior_leaders_counts_an_add_on_once() -> None:
    ex = shipped("senior-leaders")
    assert ex.question("add-on") is None
    assert label(ex, {**best(ex), "whole-organisation": "no"}) == "Ready"


# --------------------------------------------------------------------------- the format

OLD_STYLE = """
id: old-check
kind: checklist
title: Old check
summary: A checklist written before blocks existed.
verdicts:
  - {min: 0, max: 1, label: Ready, message: Go.}
  - {min: 2, max: 3, label: Not yet, message: Wait.}
sections:
  - id: s
    title: Statements
    questions:
      - {id: a, type: yes_no, counts: against, text: A warning sign?}
      - {id: b, type: yes_no, counts: against, text: Another warning sign?}
      - {id: c, type: yes_no, counts: for, text: A good sign?}
"""


def test_a_checklist_without_blocks_keeps_its_old_meaning(tmp_path: Path) -> None:
    ex = load_exercise(write(tmp_path, "old.yaml", OLD_STYLE)).exercise
    everything_unsure: dict[str, AnswerValue] = dict.fromkeys(["a", "b", "c"], "not_sure")
    result = verdict(ex, everything_unsure, "me")
    assert result is not None
    assert (result.label, result.rule, len(result.unsure)) == ("Ready", "count", 3)
    assert label(ex, {"a": "yes", "b": "no", "c": "yes"}) == "Ready"
    assert label(ex, {"a": "yes", "b": "yes", "c": "yes"}) == "Not yet"


def test_a_trainer_can_mark_blockers_and_word_find_out_first(tmp_path: Path) -> None:
    text = (
        OLD_STYLE.replace(
            "{id: a, type: yes_no, counts: against,",
            "{id: a, type: yes_no, counts: against, blocks: true,",
        )
        + "find_out_first: {label: Ask first, message: Ask the group.}\n"
    )
    ex = load_exercise(write(tmp_path, "new.yaml", text)).exercise
    assert label(ex, {"a": "yes", "b": "no", "c": "yes"}) == "Not yet"
    assert label(ex, {"a": "not_sure", "b": "no", "c": "yes"}) == "Ask first"
    # b and c unsure together could reach 'Not yet' (count 2): find out first.
    assert label(ex, {"a": "no", "b": "not_sure", "c": "not_sure"}) == "Ask first"
    assert label(ex, {"a": "no", "b": "not_sure", "c": "yes"}) == "Ready"


def test_blocks_outside_a_checklist_statement_is_explained(tmp_path: Path) -> None:
    text = OLD_STYLE.replace(
        "{id: c, type: yes_no, counts: for,", "{id: c, type: yes_no, blocks: true,"
    )
    result = CliRunner().invoke(app, ["exercise", "validate", str(write(tmp_path, "x.yaml", text))])
    assert result.exit_code == 1
    assert (
        "section 1, question 3, blocks: 'blocks' only works on a checklist statement that "
        "counts for or against. Fix: remove it, or add 'counts: against' (or 'counts: for')."
    ) in result.output


def test_the_report_marks_blockers_and_counts_unknowns(tmp_path: Path) -> None:
    ex = shipped("readiness")
    answers = {**best(ex), "to-save-money": "yes", "strong-feeling": "not_sure"}
    path = tmp_path / "answers.yaml"
    import yaml

    path.write_text(yaml.safe_dump({"answers": answers}))
    result = CliRunner().invoke(app, ["readiness", "--answers", str(path), "--no-save"])
    assert result.exit_code == 0, result.output
    flat = " ".join(result.output.split())
    assert "Verdict: Not yet" in flat
    assert (
        "1. Is the main reason for co-producing to save money on services? "
        "(on its own, this means wait)"
    ) in flat
    assert "What could change it: Be open about money" in flat
    assert "Things to find out (1 statement answered 'not sure'):" in flat


def test_blocks_without_find_out_first_uses_the_plain_default(tmp_path: Path) -> None:
    text = OLD_STYLE.replace(
        "{id: a, type: yes_no, counts: against,",
        "{id: a, type: yes_no, counts: against, blocks: true,",
    )
    ex = load_exercise(write(tmp_path, "d.yaml", text)).exercise
    result = verdict(ex, {"a": "not_sure", "b": "no", "c": "yes"}, "me")
    assert result is not None
    assert (result.label, result.rule, result.deciding) == ("Find out first", "find_out", ["a"])
    assert result.message.startswith("Some of the answers that decide this were 'not sure'")
