"""How fast is `coprod exercise validate` over a folder of 1,000 exercises?

    python benchmarks/validate.py [--files 1000] [--rounds 5]

Generates the files in a temporary folder (each a six-section exercise in the
shape of a published self-assessment: 4 scale questions and a notes box per
section, bands on the total), then times the installed `coprod exercise validate`
on the folder, in paired rounds against a baseline run just before it: reading
every file with PyYAML's C loader in one process, the least any checker must do.
Two rows: cold (the record of files already found clean is deleted before each
run, and the run must leave a new one) and unchanged since the last check (how a
team's CI and an author's editor meet it). Targets: both under 1 s (issue 15;
issue 5 asked 2 s of a cold run), in CPU time summed over the cores it uses (see
paired.py), so sharing the files between cores cannot meet them by itself; peak
memory under 150 MB.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
from pathlib import Path

from paired import Case, command, measure, report
from paired import coprod as installed

TARGET_SECONDS = 1.0  # issue 15, cold or not
TARGET_MB = 150.0
BASELINE = """
import sys, pathlib, yaml
loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
for path in sorted(pathlib.Path(sys.argv[1]).glob("*.yaml")):
    yaml.load(path.read_text(), Loader=loader)
"""


def exercise(number: int) -> str:
    lines = [
        f"id: generated-{number}",
        f"version: {number % 7 + 1}",
        f"title: Generated exercise {number}",
        "summary: A generated exercise for the benchmark.",
        "scales:",
        "  agree:",
        "    min: 1",
        "    max: 5",
        "    labels: {1: Strongly disagree, 2: Disagree, 3: Neither, 4: Agree, 5: Strongly agree}",
        "scoring:",
        "  bands_on: raw",
        "  bands:",
        "    - {min: 24, max: 59, label: Early days, message: Start with one small change.}",
        "    - {min: 60, max: 89, label: Growing, message: Keep going.}",
        "    - {min: 90, max: 120, label: Strong, message: Share what works.}",
        "sections:",
    ]
    for s in range(6):
        lines += [
            f"  - id: section-{s}",
            f"    title: Section {s} of exercise {number}",
            "    questions:",
        ]
        for q in range(4):
            lines += [
                f"      - id: s{s}-q{q}",
                "        type: scale",
                "        scale: agree",
                f"        text: Statement {q} of section {s} in exercise {number}.",
            ]
        lines += [
            f"      - id: s{s}-notes",
            "        type: text",
            "        optional: true",
            f"        text: Notes on section {s}?",
        ]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    coprod = installed()
    with tempfile.TemporaryDirectory() as folder, tempfile.TemporaryDirectory() as cache:
        exercises = Path(folder, "exercises")
        exercises.mkdir()
        for number in range(args.files):
            Path(exercises, f"generated-{number}.yaml").write_text(exercise(number))
        env = {"XDG_CACHE_HOME": cache}
        remembered = Path(cache, "coprod", "validated.json")

        def forget() -> None:
            remembered.unlink(missing_ok=True)

        def was_cold() -> None:
            # validate remembers the clean files: a cold run starts without that, and leaves it
            if not remembered.exists():
                sys.exit("the cold run did not remember its clean files: the row is not cold")

        argv = [coprod, "exercise", "validate", str(exercises)]
        baseline = Case(
            "read every file with PyYAML", command([sys.executable, "-c", BASELINE, str(exercises)])
        )
        cases = [
            Case(
                f"validate {args.files} files, cold",
                command(argv, env),
                before=forget,
                check=was_cold,
                max_seconds=TARGET_SECONDS,
            ),
            Case(
                f"validate {args.files} files, unchanged since the last check",
                command(argv, env),
                max_seconds=TARGET_SECONDS,
            ),
        ]
        measure(baseline, cases, args.rounds)
    failed = report(baseline, cases, args.rounds)
    # The largest any one process grew to: the command, or one of its workers.
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory: {peak_mb:.0f} MB (target under {TARGET_MB:.0f} MB)")
    return 1 if failed or peak_mb >= TARGET_MB else 0


if __name__ == "__main__":
    sys.exit(main())
