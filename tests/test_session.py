"""The session with a fake prompter: order, going back, review, drafts, interruption."""

from __future__ import annotations

from pathlib import Path

import pytest

from coprod_toolkit.errors import Interrupted
from coprod_toolkit.loader import LoadedExercise, load_exercise
from coprod_toolkit.models import AnswerValue, Draft
from coprod_toolkit.session import BACK, Ask, AssessSession, Back, ReviewRow, new_draft
from tests.conftest import MINIMAL, write


class FakePrompter:
    """Replies from a script; records what it was asked."""

    def __init__(self, replies: list[object], review: list[int | None] | None = None) -> None:
        self.replies = list(replies)
        self.reviews = list(review or [None])
        self.asked: list[Ask] = []
        self.review_rows: list[list[ReviewRow]] = []

    def ask(self, ask: Ask) -> AnswerValue | Back:
        self.asked.append(ask)
        reply = self.replies.pop(0)
        if reply == "CTRL-C":
            raise Interrupted()
        return reply  # type: ignore[return-value]

    def review(self, rows: list[ReviewRow]) -> int | None:
        self.review_rows.append(rows)
        return self.reviews.pop(0)

    def ask_next_step(self, current: str | None) -> str | None:
        return "Try one thing."


@pytest.fixture
def loaded(tmp_path: Path) -> LoadedExercise:
    return load_exercise(write(tmp_path, "tiny.yaml", MINIMAL))


def run(
    loaded: LoadedExercise, prompter: FakePrompter, about: str = "me"
) -> tuple[AssessSession, list[Draft]]:
    saved: list[Draft] = []
    draft = new_draft(loaded, "run", about, "Ana")
    session = AssessSession(
        loaded, draft, on_change=lambda d: saved.append(d.model_copy(deep=True))
    )
    session.run(prompter)
    session.ask_next_step(prompter)
    return session, saved


def test_questions_in_order_with_progress_and_wording(loaded: LoadedExercise) -> None:
    prompter = FakePrompter([4, "no", 2, "a"])
    session, _ = run(loaded, prompter, about="service")
    assert [(a.question.id, a.number, a.total) for a in prompter.asked] == [
        ("q1", 1, 4),
        ("q2", 2, 4),
        ("q4", 3, 4),
        ("q5", 4, 4),
    ]
    assert prompter.asked[0].text == "We do one thing."
    assert [a.new_section for a in prompter.asked] == [True, False, True, False]
    assert [a.can_go_back for a in prompter.asked] == [False, True, True, True]
    result = session.reflection("my service")
    assert [r.question for r in result.answers] == ["q1", "q2", "q4", "q5"]
    assert result.next_step == "Try one thing."


def test_a_when_question_appears_once_its_answer_allows(loaded: LoadedExercise) -> None:
    prompter = FakePrompter([4, "yes", "An example.", 2, "a"])
    _session, _ = run(loaded, prompter)
    assert [a.question.id for a in prompter.asked] == ["q1", "q2", "q3", "q4", "q5"]
    assert prompter.asked[2].total == 5


def test_going_back_shows_the_earlier_answer_and_changes_it(loaded: LoadedExercise) -> None:
    prompter = FakePrompter([4, BACK, 2, "no", 5, "b"])
    session, _ = run(loaded, prompter)
    again = prompter.asked[2]
    assert again.question.id == "q1"
    assert again.current == 4 and again.answered
    assert session.draft.answers["q1"] == 2


def test_review_lets_any_answer_change(loaded: LoadedExercise) -> None:
    prompter = FakePrompter([4, "no", 2, "a", 1], review=[0, None])
    session, _ = run(loaded, prompter)
    rows = prompter.review_rows[0]
    assert [r.answer for r in rows] == ["4", "No", "2", "Often"]
    assert rows[0].section == "First"
    assert session.draft.answers["q1"] == 1
    assert next(r.answer for r in prompter.review_rows[1]) == "1 (Not true)"


def test_a_draft_is_saved_after_every_answer(loaded: LoadedExercise) -> None:
    prompter = FakePrompter([4, "no", 2, "a"])
    _, saved = run(loaded, prompter)
    answered = [len(d.answers) for d in saved]
    assert answered[:4] == [1, 2, 3, 4]
    assert saved[-1].stage == "next_step" and saved[-1].next_step == "Try one thing."


def test_interrupted_mid_way_then_resumed_from_the_draft(loaded: LoadedExercise) -> None:
    saved: list[Draft] = []
    draft = new_draft(loaded, "run", "me", None)
    session = AssessSession(
        loaded, draft, on_change=lambda d: saved.append(d.model_copy(deep=True))
    )
    with pytest.raises(Interrupted):
        session.run(FakePrompter([4, "no", "CTRL-C"]))
    last = saved[-1]
    assert last.answers == {"q1": 4, "q2": "no"} and last.position == 2
    prompter = FakePrompter([2, "a"])
    resumed = AssessSession(loaded, last)
    resumed.run(prompter)
    assert [a.question.id for a in prompter.asked] == ["q4", "q5"]
    assert resumed.draft.answers == {"q1": 4, "q2": "no", "q4": 2, "q5": "a"}


def test_hidden_answers_are_left_out_of_the_record(loaded: LoadedExercise) -> None:
    # answer q3 (shown after 'yes'), then go back and say 'no': q3 disappears
    prompter = FakePrompter([4, "yes", "x", BACK, BACK, "no", 2, "a"])
    session, _ = run(loaded, prompter)
    assert [r.question for r in session.reflection("me").answers] == ["q1", "q2", "q4", "q5"]


def test_a_changed_exercise_keeps_only_the_answers_that_still_fit(
    tmp_path: Path, loaded: LoadedExercise
) -> None:
    from coprod_toolkit.session import answers_that_fit, restart_on

    changed = load_exercise(
        write(
            tmp_path,
            "changed.yaml",
            MINIMAL.replace("version: 1", "")
            .replace("id: tiny", "id: tiny\nversion: 2")
            .replace("max: 5", "max: 3")
            .replace("5: Always true", "3: Always true")
            .replace("id: q5", "id: q6"),
        )
    )
    draft = new_draft(loaded, "run", "me", None)
    draft.answers = {"q1": 5, "q2": "yes", "q4": 2, "q5": "a"}
    kept = answers_that_fit(changed.exercise, draft.answers)
    assert kept == {"q2": "yes", "q4": 2}  # q1's 5 is off the new scale; q5 is gone
    restart_on(draft, changed, kept)
    assert draft.exercise.version == "2" and draft.exercise.hash == changed.hash
    assert draft.position == 0 and draft.stage == "questions"
    prompter = FakePrompter([3, "yes", "x", 2, "a"])
    AssessSession(changed, draft).run(prompter)
    assert [a.question.id for a in prompter.asked] == ["q1", "q2", "q3", "q4", "q6"]
    assert prompter.asked[1].current == "yes" and prompter.asked[3].current == 2
    assert draft.answers == {"q1": 3, "q2": "yes", "q3": "x", "q4": 2, "q6": "a"}


def test_going_back_from_the_review_leads_to_the_list_and_says_so(
    loaded: LoadedExercise,
) -> None:
    # answer all four, open answer 1 from the review, choose 'back', then finish
    prompter = FakePrompter([4, "no", 2, "a", BACK], review=[0, None])
    session, _ = run(loaded, prompter)
    from_review = prompter.asked[-1]
    assert from_review.question.id == "q1" and from_review.from_review
    assert from_review.back_words == "Back to the list of answers (keep this answer)"
    assert session.draft.answers["q1"] == 4  # 'back' kept the answer as it was
    assert len(prompter.review_rows) == 2  # and led to the list again
    assert not prompter.asked[1].from_review
    assert prompter.asked[1].back_words == "Go back to the previous question"
