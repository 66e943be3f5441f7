"""'Not sure' answers that could change a verdict are said once, not on every line."""

from __future__ import annotations

from coprod_toolkit.loader import load_exercise
from coprod_toolkit.models import YesNoQuestion
from coprod_toolkit.report import result_lines
from coprod_toolkit.scoring import score, verdict
from tests.conftest import ROOT
from tests.test_storage import reflection

READINESS = load_exercise(ROOT / "exercises" / "readiness.yaml").exercise


def _words(answers: dict[str, object]) -> list[str]:
    r = reflection({})
    v = verdict(READINESS, answers, "me")  # type: ignore[arg-type]
    assert v is not None
    r = r.model_copy(
        update={"kind": "checklist", "verdict": v, "scores": score(READINESS, answers)}  # type: ignore[arg-type]
    )
    return [line.text for line in result_lines(READINESS, r)]


def test_all_not_sure_says_together_once_and_marks_no_line() -> None:
    statements = [q.id for _, q in READINESS.questions() if isinstance(q, YesNoQuestion)]
    words = _words({q: "not_sure" for q in statements})
    assert not any("decides the verdict" in w for w in words)
    assert not any("alone" in w and w.startswith("- ") for w in words)
    assert sum("together could change the verdict" in w for w in words) == 1


def test_a_single_deciding_statement_is_marked_on_its_own_line() -> None:
    words = _words({"know-the-answer": "not_sure"})
    marked = [w for w in words if "alone could change the verdict" in w]
    assert len(marked) == 1
    assert not any("together" in w for w in words)
