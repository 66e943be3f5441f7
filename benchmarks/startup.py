"""How fast does coprod start? Every command's help, and the quick commands, against typer.

    python benchmarks/startup.py [--rounds 10]

Targets (issue 15), as median ratios of paired runs (see paired.py):
- `coprod --version`, `coprod --help`, every command's `--help` and
  `coprod exercise list`: at most 1.5 x `python -c "import typer"`;
- `coprod assess --answers FILE --no-save`: at most 1.2 x importing the stack it
  needs (typer, rich, pydantic, yaml, questionary).
Ratios, not seconds, because the machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from paired import Case, command, coprod, measure, report

HELP_TARGET = 1.5
ASSESS_TARGET = 1.2
COMMANDS = [
    "assess",
    "resume",
    "readiness",
    "group",
    "guide",
    "language",
    "history",
    "progress",
    "report",
    "export",
    "exercise",
    "exercise list",
    "exercise show",
    "exercise validate",
    "exercise schema",
    "exercise new",
    "exercise try",
]


def answers_file(folder: Path) -> Path:
    import yaml

    from coprod_toolkit.catalog import builtin_dir
    from coprod_toolkit.loader import load_exercise

    ex = load_exercise(builtin_dir() / "six-principles.yaml").exercise
    answers = {q.id: 3 for _, q in ex.questions() if q.type == "scale"}
    path = folder / "answers.yaml"
    path.write_text(yaml.safe_dump({"answers": answers, "next_step": "Ask Jo."}))
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--only", default="", help="only the rows whose name contains this")
    args = parser.parse_args()
    exe = coprod()
    with tempfile.TemporaryDirectory() as home:
        env = {"COPROD_HOME": home, "XDG_CACHE_HOME": str(Path(home, "cache"))}
        typer_only = Case("import typer", command([sys.executable, "-c", "import typer"]))
        quick = [
            Case("coprod --version", command([exe, "--version"], env), max_ratio=HELP_TARGET),
            Case("coprod --help", command([exe, "--help"], env), max_ratio=HELP_TARGET),
            *(
                Case(
                    f"coprod {name} --help",
                    command([exe, *name.split(), "--help"], env),
                    max_ratio=HELP_TARGET,
                )
                for name in COMMANDS
            ),
            # Measured as a person meets it: the warm-up run builds the cached summary
            # of the exercises, and every later run reads it.
            Case(
                "coprod exercise list",
                command([exe, "exercise", "list"], env),
                max_ratio=HELP_TARGET,
            ),
        ]
        quick = [c for c in quick if args.only in c.name]
        failed = 0
        if quick:
            measure(typer_only, quick, args.rounds)
            failed = report(typer_only, quick, args.rounds)
            print()

        answers = answers_file(Path(home))
        stack = Case(
            "import the stack",
            command([sys.executable, "-c", "import typer, rich, pydantic, yaml, questionary"]),
        )
        assess = [
            Case(
                "coprod assess --answers FILE --no-save",
                command([exe, "assess", "--answers", str(answers), "--no-save"], env),
                max_ratio=ASSESS_TARGET,
            )
        ]
        assess = [c for c in assess if args.only in c.name]
        if assess:
            measure(stack, assess, args.rounds)
            failed |= report(stack, assess, args.rounds)
    return failed


if __name__ == "__main__":
    sys.exit(main())
