"""How long does loading and checking the built-in exercise take? Target: under 50 ms.

    python benchmarks/load.py [--rounds 50]

Imports are paid once before timing (they are start-up, measured by startup.py).
In paired rounds (see paired.py), each round reads six-principles.yaml with
PyYAML's C loader (the baseline: plain data, no checks), then reads, parses and
validates it with coprod's loader, and the median ratio is printed. Also shows
the C YAML parser's speed-up over the pure-Python one here.
"""

from __future__ import annotations

import argparse
import sys

import yaml
from paired import Case, measure, report

from coprod_toolkit import loader, yamlfile
from coprod_toolkit.catalog import builtin_dir

TARGET_MS = 50.0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=50)
    args = parser.parse_args()
    path = builtin_dir() / "six-principles.yaml"
    fast_loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    baseline = Case(
        "PyYAML reads the file", lambda: yaml.load(path.read_text(encoding="utf-8"), fast_loader)
    )
    cases = [
        Case(
            "load + validate six-principles.yaml",
            lambda: loader.load_exercise(path),
            max_seconds=TARGET_MS / 1000,
        )
    ]
    if yamlfile._Loader is not yaml.SafeLoader:

        def pure_python() -> None:
            kept = yamlfile._Loader
            yamlfile._Loader = yaml.SafeLoader
            try:
                loader.load_exercise(path)
            finally:
                yamlfile._Loader = kept

        cases.append(Case("the same, pure-Python YAML parser", pure_python))
    else:
        print("PyYAML's C parser (libyaml) is not available here: the pure-Python one is used")
    measure(baseline, cases, args.rounds)
    return report(baseline, cases, args.rounds)


if __name__ == "__main__":
    sys.exit(main())
