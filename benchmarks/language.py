"""How fast does `coprod language` check a 1 MB document? Target: under 1 s.

    python benchmarks/language.py [--megabytes 1]

Writes a document of ordinary paragraphs with some phrases to find (and some
abbreviations) scattered through it, then times the installed command on it,
start-up included, as a person would run it.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_SECONDS = 1.0
PARAGRAPHS = [
    "The team met on Tuesday to plan the next six months of work with local people.",
    "We will engage service users in the review and empower them to shape the plan.",
    "People who draw on care and support chaired the meeting and set the agenda.",
    "Funding from the council runs until March, and the CQC will visit in the spring.",
    "Carers asked for meetings in the evening, closer to home, with travel paid.",
    "Managing expectations is crucial, said the report, which the group rewrote.",
]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--megabytes", type=float, default=1.0)
    args = parser.parse_args()
    beside = Path(sys.executable).parent / "coprod"
    coprod = str(beside) if beside.exists() else shutil.which("coprod")
    if not coprod:
        sys.exit("coprod is not installed in this environment: pip install . first")
    target = int(args.megabytes * 1_000_000)
    lines: list[str] = []
    size = 0
    number = 0
    while size < target:
        line = PARAGRAPHS[number % len(PARAGRAPHS)] + f" (note {number})"
        lines.append(line)
        size += len(line) + 1
        number += 1
    with tempfile.TemporaryDirectory() as folder:
        doc = Path(folder, "big.md")
        doc.write_text("\n".join(lines) + "\n")
        times = []
        for _ in range(5):  # the median of a few runs, as the machine is shared
            start = time.perf_counter()
            result = subprocess.run([coprod, "language", str(doc)], capture_output=True, text=True)
            times.append(time.perf_counter() - start)
        seconds = sorted(times)[len(times) // 2]
    summary = [line for line in result.stdout.splitlines() if line.startswith("Found")]
    print(summary[0] if summary else result.stdout[-500:] + result.stderr[-500:])
    print(
        f"checked {size / 1_000_000:.1f} MB in {seconds:.2f} s, median of 5 "
        f"(target under {TARGET_SECONDS} s)"
    )
    return 0 if seconds < TARGET_SECONDS and result.returncode == 1 else 1


if __name__ == "__main__":
    sys.exit(main())
