"""How fast does coprod start? Compared with bare `import typer`, in one run.

    python benchmarks/startup.py [--rounds 30]

Runs `coprod --version`, `coprod --help` and `python -c "import typer"` in turn,
many times, and prints each median and the ratios to typer's import. The
target (issue 2): both ratios at most 2.0. Ratios, not seconds, because the
machine is shared and noisy; interleaving the three keeps the noise fair.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

TARGET = 2.0


def coprod() -> str:
    beside = Path(sys.executable).parent / "coprod"
    found = str(beside) if beside.exists() else shutil.which("coprod")
    if not found:
        sys.exit("coprod is not installed in this environment: pip install . first")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    commands = {
        "coprod --version": [coprod(), "--version"],
        "coprod --help": [coprod(), "--help"],
        "import typer": [sys.executable, "-c", "import typer"],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for argv in commands.values():  # warm the caches once
        subprocess.run(argv, capture_output=True, check=True)
    for _ in range(args.rounds):
        for name, argv in commands.items():
            start = time.perf_counter()
            subprocess.run(argv, capture_output=True, check=True)
            times[name].append(time.perf_counter() - start)
    medians = {name: statistics.median(values) for name, values in times.items()}
    base = medians["import typer"]
    worst = 0.0
    for name, median in medians.items():
        ratio = median / base
        if name != "import typer":
            worst = max(worst, ratio)
        print(f"{name:18} median {median * 1000:7.1f} ms   ratio to import typer {ratio:4.2f}")
    verdict = "ok" if worst <= TARGET else "TOO SLOW"
    print(f"worst ratio {worst:.2f} (target at most {TARGET}): {verdict}")
    return 0 if worst <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
