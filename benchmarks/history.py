"""How fast are `coprod history` and `coprod progress` over 10,000 saved reflections?

    python benchmarks/history.py [--reflections 10000]

Generates the reflection files in a temporary COPROD_HOME (several people, many
months, as a team's shared folder would hold), then times the installed commands:
first with no index (coprod builds it), then again with the index in place, as
every later run finds it. Target (issue 6): under 2 s each, with the index.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

TARGET_SECONDS = 2.0
PEOPLE = ["Ana", "Ben", "Chi", "Dev", "Eli", None]


def template() -> str:
    """One real reflection, made by coprod itself, with markers to fill in."""
    from coprod_toolkit.catalog import builtin_dir
    from coprod_toolkit.loader import load_exercise
    from coprod_toolkit.session import AssessSession, new_draft
    from coprod_toolkit.storage import dump_yaml

    loaded = load_exercise(builtin_dir() / "six-principles.yaml")
    draft = new_draft(loaded, "@ID@", "me", "@NAME@")
    draft.answers = {q.id: 3 for _, q in loaded.exercise.questions() if q.type == "scale"}
    draft.next_step = "Ask Jo to co-chair the next meeting."
    reflection = AssessSession(loaded, draft).reflection("my own practice")
    text = dump_yaml(reflection.model_dump(mode="json"))
    return text


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reflections", type=int, default=10_000)
    args = parser.parse_args()
    beside = Path(sys.executable).parent / "coprod"
    coprod = str(beside) if beside.exists() else shutil.which("coprod")
    if not coprod:
        sys.exit("coprod is not installed in this environment: pip install . first")
    text = template()
    start_day = datetime(2020, 1, 1, tzinfo=UTC)
    with tempfile.TemporaryDirectory() as home:
        folder = Path(home, "reflections")
        folder.mkdir()
        for n in range(args.reflections):
            when = start_day + timedelta(hours=7 * n)
            name = PEOPLE[n % len(PEOPLE)]
            run_id = f"{when:%Y-%m-%d-%H%M}-six-principles-{n}"
            body = text.replace("@ID@", run_id).replace(
                "name: '@NAME@'", f"name: {name}" if name else "name: null"
            )
            body = body.replace(
                text[text.index("finished: ") : text.index("\n", text.index("finished: "))],
                f"finished: '{when.isoformat()}'",
            )
            (folder / f"{run_id}.yaml").write_text(body)
        env = {**os.environ, "COPROD_HOME": home}
        commands = {
            "history": [coprod, "history", "--plain"],
            "progress": [coprod, "progress", "--name", "Ana", "--plain"],
        }
        worst = 0.0
        for label in ("no index yet", "with the index"):
            for name, argv in commands.items():
                start = time.perf_counter()
                result = subprocess.run(argv, env=env, capture_output=True, text=True)
                seconds = time.perf_counter() - start
                if result.returncode != 0:
                    print(result.stdout[-1000:], result.stderr[-1000:])
                    return 1
                if label == "with the index":
                    worst = max(worst, seconds)
                print(f"{name:9} {label:15} {seconds:6.2f} s")
    print(
        f"{args.reflections:,} reflections; slowest with the index {worst:.2f} s "
        f"(target under {TARGET_SECONDS} s)"
    )
    return 0 if worst < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
