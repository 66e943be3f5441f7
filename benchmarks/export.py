"""How fast, and in how much memory, does `coprod export` write 10,000 or 100,000 reflections?

    python benchmarks/export.py [--reflections 10000 100000] [--rounds 5] [--cold-rounds 3]

For each size, fills a temporary COPROD_HOME as saving would leave it (see
save.py), then times the installed `coprod export --to FILE --force` against a
baseline measured in the same run, one straight after the other: a Python
process that only reads every reflection file's bytes. It prints the medians,
the median of the paired ratios, and the export's peak memory. The memory
should stay flat: about the same at 100,000 as at 10,000.

A "cold" row (sizes up to 10,000) empties the kept answers before every run and
checks they were empty, so every file is parsed, as for files copied in by hand.
Targets (issue 14): 10,000 reflections in a few seconds (under 10 s), peak
memory under 150 MB at any size.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from paired import coprod
from save import make_folder

TARGET_SECONDS_10K = 10.0
TARGET_MEGABYTES = 150.0

READ_ALL = (
    "import os, sys\n"
    "folder = sys.argv[1]\n"
    "for name in os.listdir(folder):\n"
    "    with open(os.path.join(folder, name), 'rb') as handle:\n"
    "        handle.read()\n"
)
# Runs one command and reports its peak memory (this wrapper has only that child).
PEAK = (
    "import resource, subprocess, sys\n"
    "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def run(argv: list[str], home: Path) -> tuple[float, float]:
    """Seconds taken and peak memory in MB."""
    env = {**os.environ, "COPROD_HOME": str(home), "NO_COLOR": "1"}
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", PEAK, *argv], env=env, capture_output=True, text=True, check=True
    )
    seconds = time.perf_counter() - start
    return seconds, int(done.stdout.split()[-1]) / 1024


def forget_answers(home: Path) -> None:
    with sqlite3.connect(home / "index.sqlite") as db:
        db.execute("DELETE FROM answers")
    with sqlite3.connect(home / "index.sqlite") as db:
        (left,) = db.execute("SELECT count(*) FROM answers").fetchone()
    assert left == 0, "the cold row is not cold"


def row(label: str, base: list[float], timed: list[float], peak: float) -> None:
    ratio = statistics.median(b / a for a, b in zip(base, timed, strict=True))
    print(
        f"{label:28} median {statistics.median(timed):7.2f} s, "
        f"reading the files {statistics.median(base):6.2f} s, paired ratio {ratio:5.1f}, "
        f"peak memory {peak:5.0f} MB"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reflections", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--cold-rounds", type=int, default=3)
    args = parser.parse_args()
    ok = True
    peaks: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for count in args.reflections:
            home = Path(scratch, f"home-{count}")
            started = time.perf_counter()
            make_folder(home, count)
            print(f"{count:,} reflections made in {time.perf_counter() - started:.0f} s")
            target = Path(scratch, "export.csv")
            export = [coprod(), "export", "--to", str(target), "--force"]
            read_all = [sys.executable, "-c", READ_ALL, str(home / "reflections")]
            run(export, home)  # warm the caches once
            base: list[float] = []
            timed: list[float] = []
            peak = 0.0
            for _ in range(args.rounds):
                base.append(run(read_all, home)[0])
                seconds, megabytes = run(export, home)
                timed.append(seconds)
                peak = max(peak, megabytes)
            peaks[count] = peak
            row(f"export {count:,}", base, timed, peak)
            if count <= 10_000:
                ok = ok and statistics.median(timed) < TARGET_SECONDS_10K
            ok = ok and peak < TARGET_MEGABYTES
            if count <= 10_000 and args.cold_rounds:
                base, timed, peak = [], [], 0.0
                for _ in range(args.cold_rounds):
                    forget_answers(home)
                    base.append(run(read_all, home)[0])
                    seconds, megabytes = run(export, home)
                    timed.append(seconds)
                    peak = max(peak, megabytes)
                row(f"export {count:,}, cold", base, timed, peak)
                ok = ok and peak < TARGET_MEGABYTES
            lines = sum(1 for _ in target.open(encoding="utf-8-sig")) - 1
            print(f"  ({lines:,} answers written)")
    if len(peaks) > 1:
        low, high = min(peaks), max(peaks)
        print(
            f"peak memory at {high:,} is {peaks[high] / peaks[low]:.2f} times that at {low:,} "
            "(flat is about 1)"
        )
    print(
        f"targets: 10,000 under {TARGET_SECONDS_10K:.0f} s with answers kept at saving, "
        f"peak memory under {TARGET_MEGABYTES:.0f} MB: {'ok' if ok else 'NOT MET'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
