"""How long do a 12-person group's summary and save take? Target: under 100 ms.

    python benchmarks/group.py [--rounds 20]

Builds a finished session of the six-principles exercise with 12 people, each
answering every question (some passing, some agreed answers), then times what
happens at the end: the group record, the Markdown report and saving both files.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from coprod_toolkit.catalog import builtin_dir
from coprod_toolkit.group import GroupSession, new_group_draft
from coprod_toolkit.loader import load_exercise
from coprod_toolkit.models import Agreed
from coprod_toolkit.report import group_markdown
from coprod_toolkit.storage import Store

TARGET_MS = 100.0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    loaded = load_exercise(builtin_dir() / "six-principles.yaml")
    people = [f"Person {n}" for n in range(1, 13)]
    times = []
    with tempfile.TemporaryDirectory() as home:
        store = Store(Path(home))
        for round_number in range(args.rounds):
            draft = new_group_draft(loaded, f"bench-{round_number}", "me", people, False, False)
            for index, (_, q) in enumerate(loaded.exercise.questions()):
                given = {}
                for n, person in enumerate(people):
                    if q.type == "text":
                        given[person] = f"Notes from {person}" if n % 3 else None
                    else:
                        given[person] = None if (n + index) % 11 == 0 else 1 + (n + index) % 5
                draft.answers[q.id] = given
                if index % 4 == 0 and q.type == "scale":
                    draft.agreed[q.id] = Agreed(answer=3, note="We talked it through.")
            draft.stage = "done"
            start = time.perf_counter()
            record = GroupSession(loaded, draft).record("my own practice")
            store.save_reflection(record, group_markdown(record))
            times.append(time.perf_counter() - start)
    median = statistics.median(times) * 1000
    print(
        f"12 people, six-principles: summary and save in {median:.1f} ms, median of "
        f"{args.rounds} (target under {TARGET_MS:.0f} ms)"
    )
    return 0 if median < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
