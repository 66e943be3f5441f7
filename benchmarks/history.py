"""How fast are `coprod history` and `coprod progress` over 10,000 saved reflections?

    python benchmarks/history.py [--reflections 10000] [--rounds 5]

Generates the reflection files in a temporary COPROD_HOME (several people, many
months, as a team's shared folder would hold), then times the installed commands
in paired rounds (see paired.py) against a baseline run just before each: Python
reading every reflection file's bytes, the least a reader of the folder must do.
Two kinds of row: "no index yet" deletes the index before each run (and checks
that it is gone, and that the run built it again), so it is really cold; "with the
index" finds the index every later run finds. Target (issue 6): under 2 s each,
with the index, in CPU time (see paired.py).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from paired import Case, command, measure, report
from paired import coprod as installed

TARGET_SECONDS = 2.0
BASELINE = """
import os, sys
for entry in os.scandir(sys.argv[1]):
    with open(entry.path, "rb") as f:
        f.read()
"""
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
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    coprod = installed()
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
        env = {"COPROD_HOME": home}
        index = Path(home, "index.sqlite")

        def forget() -> None:
            for old in Path(home).glob("index.*"):
                old.unlink()
            if list(Path(home).glob("index.*")):
                sys.exit("could not delete the index: the cold row would not be cold")

        def rebuilt() -> None:
            if not index.exists():
                sys.exit("the cold run did not build the index: the row measured something else")

        baseline = Case(
            "read every reflection file", command([sys.executable, "-c", BASELINE, str(folder)])
        )
        commands = {
            "history": [coprod, "history", "--plain"],
            "progress": [coprod, "progress", "--name", "Ana", "--plain"],
        }
        cases = []
        for name, argv in commands.items():
            cases.append(Case(f"{name}, no index yet", command(argv, env), forget, rebuilt))
        for name, argv in commands.items():
            cases.append(
                Case(f"{name}, with the index", command(argv, env), max_seconds=TARGET_SECONDS)
            )
        measure(baseline, cases, args.rounds)
    print(f"{args.reflections:,} reflections")
    return report(baseline, cases, args.rounds)


if __name__ == "__main__":
    sys.exit(main())
