"""How fast is `coprod exercise validate` over a folder of 1,000 exercises?

    python benchmarks/validate.py [--files 1000]

Generates the files in a temporary folder (each a six-section exercise in the
shape of a published self-assessment: 4 scale questions and a notes box per
section, bands on the total), runs the installed `coprod exercise validate` on
the folder, and prints the time and the peak memory of that process.
Targets (issue 5): under 2 s and under 150 MB.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_SECONDS = 2.0
TARGET_MB = 150.0


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
    args = parser.parse_args()
    beside = Path(sys.executable).parent / "coprod"
    coprod = str(beside) if beside.exists() else shutil.which("coprod")
    if not coprod:
        sys.exit("coprod is not installed in this environment: pip install . first")
    with tempfile.TemporaryDirectory() as folder:
        for number in range(args.files):
            Path(folder, f"generated-{number}.yaml").write_text(exercise(number))
        start = time.perf_counter()
        result = subprocess.run(
            [coprod, "exercise", "validate", folder], capture_output=True, text=True
        )
        seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(result.stdout.strip().splitlines()[-1])
    if result.returncode != 0:
        print(result.stdout[-2000:], result.stderr[-2000:])
        return 1
    print(f"validate {args.files} files: {seconds:.2f} s (target under {TARGET_SECONDS} s)")
    print(f"peak memory: {peak_mb:.0f} MB (target under {TARGET_MB:.0f} MB)")
    return 0 if seconds < TARGET_SECONDS and peak_mb < TARGET_MB else 1


if __name__ == "__main__":
    sys.exit(main())
