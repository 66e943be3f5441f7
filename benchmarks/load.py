"""How long does loading and checking the built-in exercise take? Target: under 50 ms.

    python benchmarks/load.py [--rounds 50]

Imports are paid once before timing (they are start-up, measured by
startup.py); each round reads, parses and validates six-principles.yaml.
Also shows the C YAML parser's speed-up over the pure-Python one here.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

import yaml

from coprod_toolkit import loader, yamlfile
from coprod_toolkit.catalog import builtin_dir

TARGET_MS = 50.0


def timed(rounds: int) -> float:
    path = builtin_dir() / "six-principles.yaml"
    loader.load_exercise(path)
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        loader.load_exercise(path)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=50)
    args = parser.parse_args()
    fast = timed(args.rounds)
    print(
        f"load + validate six-principles.yaml: median {fast:.2f} ms "
        f"(target under {TARGET_MS:.0f} ms)"
    )
    if yamlfile._Loader is not yaml.SafeLoader:
        yamlfile._Loader = yaml.SafeLoader
        slow = timed(args.rounds)
        print(
            f"with the pure-Python YAML parser:    median {slow:.2f} ms ({slow / fast:.1f}x slower)"
        )
    else:
        print("PyYAML's C parser (libyaml) is not available here: the pure-Python one was used")
    return 0 if fast < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
