"""Does saving a reflection stay quick in a folder of 10,000 or 100,000 reflections?

    python benchmarks/save.py [--reflections 10000 100000] [--rounds 7]

For each size, fills a temporary COPROD_HOME with that many reflections (and
their index, as coprod leaves it after saving them), then times the installed
`coprod assess --answers FILE`, which finds last time's next step and saves a
new reflection. Each round runs the same command against an empty folder (the
baseline) and against the full one, one straight after the other, so the
machine's load falls on both alike. It prints the medians, the median of the
paired ratios and the median of the paired differences (what the full folder
adds). Targets (issue 14): the full folder adds well under a second (at most
0.5 s), and the save takes at most 1.5 times as long as in the empty folder.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from dataclasses import asdict
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from paired import coprod

TARGET_EXTRA_SECONDS = 0.5
TARGET_RATIO = 1.5
PEOPLE = ["Ana", "Ben", "Chi", "Dev", "Eli", None]
SUBJECTS = ["me", "service"]


def make_folder(home: Path, count: int) -> None:
    """`count` reflections in home/reflections, indexed as coprod indexes what it saves.

    The files are one real reflection with its id, time, person and subject
    changed; the index rows are written in one go, as many saves would leave them.
    """
    from coprod_toolkit.catalog import builtin_dir
    from coprod_toolkit.history import _INSERT, History, Summary, export_payload
    from coprod_toolkit.loader import load_exercise
    from coprod_toolkit.session import AssessSession, new_draft
    from coprod_toolkit.storage import dump_yaml

    loaded = load_exercise(builtin_dir() / "six-principles.yaml")
    draft = new_draft(loaded, "@ID@", "me", "Ana")
    draft.answers = {q.id: 3 for _, q in loaded.exercise.questions() if q.type == "scale"}
    draft.next_step = "Ask Jo to co-chair the next meeting."
    reflection = AssessSession(loaded, draft).reflection("my own practice")
    data = reflection.model_dump(mode="json")
    text = dump_yaml(data)
    base_summary = asdict(Summary.of(reflection, "x.yaml"))
    base_payload = export_payload(reflection)
    folder = home / "reflections"
    folder.mkdir(parents=True, exist_ok=True)
    start = datetime(2016, 1, 1, tzinfo=UTC)
    rows: list[tuple[Any, ...]] = []
    answers: list[tuple[Any, ...]] = []
    for n in range(count):
        when = (start + timedelta(hours=n)).isoformat()
        name = PEOPLE[n % len(PEOPLE)]
        about = SUBJECTS[(n // len(PEOPLE)) % 2]
        run_id = f"{n:06d}-six-principles"
        body = (
            text.replace("id: '@ID@'", f"id: {run_id}")
            .replace('id: "@ID@"', f"id: {run_id}")
            .replace("@ID@", run_id)
            .replace(f"finished: '{data['finished']}'", f"finished: '{when}'")
            .replace("name: Ana", f"name: {name}" if name else "name: null")
            .replace("about: me", f"about: {about}")
        )
        path = folder / f"{run_id}.yaml"
        path.write_text(body)
        stat = path.stat()
        summary = {
            **base_summary,
            "id": run_id,
            "file": path.name,
            "finished": when,
            "name": name,
            "about": about,
        }
        rows.append(
            (
                path.name,
                stat.st_mtime_ns,
                stat.st_size,
                "six-principles",
                about,
                (name or "").casefold(),
                datetime.fromisoformat(when).timestamp(),
                json.dumps(summary),
                None,
            )
        )
        payload = {
            "common": {**base_payload["common"], "reflection": run_id, "finished": when},
            "answers": [[name, *a[1:]] for a in base_payload["answers"]],
        }
        packed = zlib.compress(json.dumps(payload).encode(), 1)
        answers.append((path.name, stat.st_mtime_ns, stat.st_size, packed))
    with History(home)._index() as connection:
        connection.execute("BEGIN IMMEDIATE")
        connection.executemany(_INSERT, rows)
        connection.executemany("INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?)", answers)
        connection.execute("COMMIT")


def answers_file(folder: Path) -> Path:
    from coprod_toolkit.catalog import builtin_dir
    from coprod_toolkit.loader import load_exercise

    ex = load_exercise(builtin_dir() / "six-principles.yaml").exercise
    lines = ["about: me", "name: Ana", "next_step: Ring Jo.", "answers:"]
    lines += [f"  {q.id}: 4" for _, q in ex.questions() if q.type == "scale"]
    path = folder / "answers.yaml"
    path.write_text("\n".join(lines) + "\n")
    return path


def timed(argv: list[str], home: Path) -> float:
    import os

    env = {**os.environ, "COPROD_HOME": str(home), "NO_COLOR": "1"}
    start = time.perf_counter()
    done = subprocess.run(argv, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{' '.join(argv)} failed in {home}:\n{done.stdout}{done.stderr}")
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reflections", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory() as scratch:
        given = answers_file(Path(scratch))
        argv = [coprod(), "assess", "six-principles", "--answers", str(given)]
        for count in args.reflections:
            empty, full = Path(scratch, f"empty-{count}"), Path(scratch, f"full-{count}")
            started = time.perf_counter()
            make_folder(full, count)
            print(f"{count:,} reflections made in {time.perf_counter() - started:.0f} s")
            make_folder(empty, 0)
            timed(argv, empty), timed(argv, full)  # warm the caches once
            base: list[float] = []
            big: list[float] = []
            for _ in range(args.rounds):
                base.append(timed(argv, empty))
                big.append(timed(argv, full))
            ratio = statistics.median(b / a for a, b in zip(base, big, strict=True))
            extra = statistics.median(b - a for a, b in zip(base, big, strict=True))
            good = extra <= TARGET_EXTRA_SECONDS and ratio <= TARGET_RATIO
            ok = ok and good
            print(
                f"save beside {count:>7,}: median {statistics.median(big) * 1000:6.0f} ms, "
                f"empty folder {statistics.median(base) * 1000:6.0f} ms, "
                f"paired ratio {ratio:4.2f}, adds {extra * 1000:+5.0f} ms "
                f"(targets: ratio at most {TARGET_RATIO}, adds at most "
                f"{TARGET_EXTRA_SECONDS * 1000:.0f} ms): {'ok' if good else 'TOO SLOW'}"
            )
            shutil.rmtree(full)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
