"""'Does not apply / I don't know' on a scale: no points either way, counted and shown."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from coprod_toolkit.answers import BadAnswer, allowed, parse_answer, shown
from coprod_toolkit.cli import app
from coprod_toolkit.loader import LoadedExercise, load_exercise
from coprod_toolkit.models import UNKNOWN, ScaleQuestion
from coprod_toolkit.prompts import REVERSE_MARK, PlainPrompter, options_for
from coprod_toolkit.scoring import question_points, score
from coprod_toolkit.session import AssessSession, new_draft
from tests.conftest import MINIMAL, ROOT, write

runner = CliRunner()
LOADED = load_exercise(ROOT / "exercises" / "six-principles.yaml")
SIX = LOADED.exercise
SCALED = [q for _, q in SIX.questions() if isinstance(q, ScaleQuestion)]
LABEL = "Does not apply / I don't know"

TINY_WITH_UNKNOWN = MINIMAL.replace(
    "    labels: {1: Not true, 5: Always true}\n",
    "    labels: {1: Not true, 5: Always true}\n    unknown: Does not apply / I don't know\n",
)


@pytest.fixture
def tiny(tmp_path: Path) -> LoadedExercise:
    return load_exercise(write(tmp_path, "tiny.yaml", TINY_WITH_UNKNOWN))


def test_the_six_principles_scale_offers_it() -> None:
    assert SIX.scales["truth"].unknown == LABEL


def test_unknown_earns_no_points_and_leaves_the_range(tiny: LoadedExercise) -> None:
    ex = tiny.exercise
    q1 = ex.question("q1")
    assert q1 is not None
    assert question_points(ex, q1, UNKNOWN) is None
    # q1 unknown, q2 yes (1 of 0..1): the first section is q2 alone, 100 out of 100
    first = score(ex, {"q1": UNKNOWN, "q2": "yes"}).sections[0]
    assert (first.raw, first.min, first.max, first.percent) == (1, 0, 1, 100)
    assert (first.answered, first.unknown) == (1, 1)


def test_unknown_neither_helps_nor_hurts_the_six_principles_score() -> None:
    best = {q.id: (1 if q.reverse else 5) for q in SCALED}
    worst = {q.id: (5 if q.reverse else 1) for q in SCALED}
    middling = {q.id: 3 for q in SCALED}
    for answers, expected in ((best, 100), (worst, 0), (middling, 50)):
        some_unknown = dict(answers)
        for q in SCALED[::5]:  # one statement in five, reversed and not
            some_unknown[q.id] = UNKNOWN
        scores = score(SIX, some_unknown)
        assert scores.overall.percent == pytest.approx(expected)
        assert scores.overall.unknown == len(SCALED[::5])
        assert scores.overall.answered == len(SCALED) - len(SCALED[::5])
        assert sum(s.unknown for s in scores.sections) == scores.overall.unknown


def test_typed_and_written_forms_all_mean_unknown() -> None:
    q = SCALED[0]
    for raw in ["unknown", "Unknown", LABEL, LABEL.upper(), "does not apply", "don't know"]:
        assert parse_answer(SIX, q, raw) == UNKNOWN, raw
    assert shown(SIX, q, UNKNOWN) == LABEL
    assert allowed(SIX, q) == f"a whole number from 1 to 5, or unknown ({LABEL})"


def test_a_scale_without_it_refuses_it(tmp_path: Path) -> None:
    ex = load_exercise(write(tmp_path, "tiny.yaml", MINIMAL)).exercise
    q1 = ex.question("q1")
    assert q1 is not None
    with pytest.raises(BadAnswer, match="'unknown' is not on the scale: use a whole number"):
        parse_answer(ex, q1, "unknown")
    assert all(value != UNKNOWN for value, _ in options_for(ex, q1))


def test_an_empty_label_is_refused(tmp_path: Path) -> None:
    from coprod_toolkit.errors import FileProblems

    text = TINY_WITH_UNKNOWN.replace("unknown: Does not apply / I don't know", "unknown: ''")
    with pytest.raises(FileProblems):
        load_exercise(write(tmp_path, "tiny.yaml", text))


def test_the_results_count_the_unknown_answers(tmp_path: Path, isolated: Path) -> None:
    answers = {q.id: 4 for q in SCALED}
    for q in SCALED[:3]:
        answers[q.id] = UNKNOWN
    answers[SCALED[3].id] = LABEL  # the words work too
    path = tmp_path / "a.yaml"
    path.write_text(yaml.safe_dump({"answers": answers}))
    result = runner.invoke(app, ["assess", "--answers", str(path), "--plain"])
    assert result.exit_code == 0, result.output
    flat = " ".join(result.output.split())
    assert f"4 statements answered '{LABEL}'. They neither raise nor lower the score" in flat
    # 42 statements, 4 'does not apply': the score comes from the other 38, and the
    # unknown answers are not called passes or 'not sure'
    assert "which comes from the other answers only" in flat
    assert "passed" not in flat and "not sure" not in flat
    record = yaml.safe_load(next((isolated / "reflections").glob("*.yaml")).read_text())
    assert record["scores"]["overall"]["unknown"] == 4
    assert [a["shown"] for a in record["answers"][:3]] == [LABEL] * 3
    assert all(a["points"] is None for a in record["answers"][:3])
    report = next((isolated / "reflections").glob("*.md")).read_text()
    assert f"4 statements answered '{LABEL}'" in " ".join(report.split())


def test_one_unknown_answer_is_said_in_the_singular(tmp_path: Path) -> None:
    answers: dict[str, object] = {q.id: 3 for q in SCALED}
    answers[SCALED[0].id] = "unknown"
    path = tmp_path / "a.yaml"
    path.write_text(yaml.safe_dump({"answers": answers}))
    result = runner.invoke(app, ["assess", "--answers", str(path), "--no-save"])
    flat = " ".join(result.output.split())
    assert f"1 statement answered '{LABEL}'. It neither raises nor lowers the score." in flat


def test_all_unknown_says_there_is_no_score(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(yaml.safe_dump({"answers": {q.id: UNKNOWN for q in SCALED}}))
    result = runner.invoke(app, ["assess", "--answers", str(path), "--no-save"])
    assert result.exit_code == 0
    flat = " ".join(result.output.split())
    assert "Overall: not scored" in flat
    assert f"Every statement was answered '{LABEL}', so there is no score." in flat
    assert "Early days" not in flat and "Strong" not in flat and "Growing" not in flat


def test_nothing_is_said_when_there_are_none(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(yaml.safe_dump({"answers": {q.id: 3 for q in SCALED}}))
    result = runner.invoke(app, ["assess", "--answers", str(path), "--no-save"])
    assert result.exit_code == 0
    assert "answered 'Does not apply" not in result.output


def scripted(lines: list[str]) -> tuple[PlainPrompter, list[str]]:
    printed: list[str] = []
    feed = iter(lines)

    def read(prompt: str) -> str:
        printed.append(prompt)
        return next(feed)

    return PlainPrompter(read=read, write=printed.append), printed


def test_the_plain_prompter_offers_u_and_the_review_marks_reversed_statements(
    tiny: LoadedExercise,
) -> None:
    # q1 'u'; q2 yes; q3 skipped; q4 (reversed) 2; q5 a; then straight through the review
    prompter, printed = scripted(["u", "1", "", "2", "1", ""])
    session = AssessSession(tiny, new_draft(tiny, "r", "me", None))
    session.run(prompter)
    assert session.draft.answers["q1"] == UNKNOWN
    text = "\n".join(printed)
    assert f"  u  {LABEL}" in text
    assert f"Type a number from 1 to 5, or u for '{LABEL}'" in text
    assert f"Your answer: {LABEL}" in text
    review = text[text.index("== Check your answers ==") :]
    assert "agreeing with them lowers the score" in review
    marked = [line for line in review.splitlines() if line.endswith(REVERSE_MARK)]
    assert marked == [f"  4. I avoid it. {REVERSE_MARK}"]


def test_the_arrow_key_menu_offers_it_on_the_u_key(tiny: LoadedExercise) -> None:
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    from coprod_toolkit.prompts import TerminalPrompter
    from tests.test_prompts import ask_for

    with create_pipe_input() as pipe:
        prompter = TerminalPrompter(write=lambda _: None, input=pipe, output=DummyOutput())
        pipe.send_text("u\r")
        assert prompter.ask(ask_for(tiny, "q1")) == UNKNOWN


def test_the_web_page_report_counts_them_too(tmp_path: Path, isolated: Path) -> None:
    for name, answers in (("some", {q.id: 4 for q in SCALED}), ("all", {})):
        for q in SCALED[:2] if name == "some" else SCALED:
            answers[q.id] = UNKNOWN
        path = tmp_path / f"{name}.yaml"
        path.write_text(yaml.safe_dump({"name": name, "answers": answers}))
        assert runner.invoke(app, ["assess", "--answers", str(path)]).exit_code == 0
        result = runner.invoke(app, ["report", "latest", "--to", f"{name}.html"])
        assert result.exit_code == 0, result.output
        page = Path(f"{name}.html").read_text()
        label = "&#x27;Does not apply / I don&#x27;t know&#x27;"
        if name == "some":
            assert f"2 statements answered {label}" in page
        else:
            assert f"Every statement was answered {label}, so there is no score." in page
