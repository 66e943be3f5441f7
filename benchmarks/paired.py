"""Paired timing for the benchmarks: each case against a baseline measured beside it.

A single wall-clock run passes or fails with the machine's load. Here every round
times the baseline and then the case, one straight after the other, and the figure
that counts is the median, over the rounds, of case / baseline: load that slows
both cancels out. Each case can prepare its run untimed (`before`, e.g. delete an
index so that a "cold" row really is cold) and check afterwards that the run did
what its row claims (`check`); a row that fails its check fails the benchmark.

For a command run as its own process, the time that counts is the CPU time it used
(user + system, from the operating system's accounting): on a shared machine, other
work stretches wall-clock time far more than CPU time. Wall-clock medians are shown
beside it. A step timed in this process (no subprocess) counts this process's CPU time.
Targets in seconds apply to the counted time too; for a command that shares its
work between cores (exercise validate), the counted time is the sum over them.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Case:
    name: str
    run: Callable[[], object]  # may return the CPU seconds it used
    before: Callable[[], None] | None = None
    check: Callable[[], None] | None = None
    max_ratio: float | None = None
    max_seconds: float | None = None
    seconds: list[float] = field(default_factory=list)
    wall: list[float] = field(default_factory=list)
    ratios: list[float] = field(default_factory=list)

    @property
    def median_seconds(self) -> float:
        return statistics.median(self.seconds)

    @property
    def median_wall(self) -> float:
        return statistics.median(self.wall)

    @property
    def median_ratio(self) -> float:
        return statistics.median(self.ratios)

    @property
    def ok(self) -> bool:
        """Both limits apply to the counted time, so that a busy machine does not flip them."""
        ratio_ok = self.max_ratio is None or self.median_ratio <= self.max_ratio
        seconds_ok = self.max_seconds is None or self.median_seconds <= self.max_seconds
        return ratio_ok and seconds_ok


def coprod() -> str:
    """The coprod installed beside this Python (the one being measured), else on PATH."""
    beside = Path(sys.executable).parent / "coprod"
    found = str(beside) if beside.exists() else shutil.which("coprod")
    if not found:
        sys.exit("coprod is not installed in this environment: pip install . first")
    return found


def command(
    argv: Sequence[str], env: dict[str, str] | None = None, ok: int = 0
) -> Callable[[], float]:
    """A subprocess to time; it must leave with exit code `ok`."""
    full = {**os.environ, **(env or {})}
    # An installed copy runs from compiled bytecode (pip writes it on install); a
    # setting that stops Python writing it would time compiling the source instead.
    full.pop("PYTHONDONTWRITEBYTECODE", None)

    def run() -> float:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        result = subprocess.run(list(argv), env=full, capture_output=True, text=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if result.returncode != ok:
            raise SystemExit(
                f"{' '.join(argv)} exited with {result.returncode}:\n"
                f"{result.stdout[-1500:]}\n{result.stderr[-1500:]}"
            )
        return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)

    return run


def _timed(case: Case) -> tuple[float, float]:
    """(the time that counts, wall-clock time) of one run of the case."""
    if case.before is not None:
        case.before()
    start, start_cpu = time.perf_counter(), time.process_time()
    cpu = case.run()
    wall = time.perf_counter() - start
    if not isinstance(cpu, float):  # timed in this process: its own CPU time
        cpu = time.process_time() - start_cpu
    if case.check is not None:
        case.check()
    return cpu, wall


def measure(baseline: Case, cases: list[Case], rounds: int, warm: bool = True) -> None:
    """Fill in each case's times and its ratios to the baseline timed just before it."""
    if warm:  # the first run of anything pays for disk caches and .pyc files
        for case in [baseline, *cases]:
            _timed(case)
    for _ in range(rounds):
        for case in cases:
            base, base_wall = _timed(baseline)
            baseline.seconds.append(base)
            baseline.wall.append(base_wall)
            seconds, wall = _timed(case)
            case.seconds.append(seconds)
            case.wall.append(wall)
            case.ratios.append(seconds / base)


def report(baseline: Case, cases: list[Case], rounds: int) -> int:
    """Print one line per case; 0 if every case met its target, else 1."""
    width = max(len(c.name) for c in [baseline, *cases])
    print(f"median of {rounds} paired rounds; baseline: {baseline.name}")
    print(f"{'':{width}}  {'counted':>9}  {'wall':>9}  ratio  (lowest-highest)  target")

    def times(c: Case) -> str:
        return f"{c.median_seconds * 1000:7.1f}ms  {c.median_wall * 1000:7.1f}ms"

    print(f"{baseline.name:{width}}  {times(baseline)}   1.00")
    failed = 0
    for c in cases:
        targets = []
        if c.max_ratio is not None:
            targets.append(f"ratio <= {c.max_ratio}")
        if c.max_seconds is not None:
            targets.append(f"under {c.max_seconds} s")
        verdict = ("ok" if c.ok else "TOO SLOW") if targets else ""
        failed += 0 if c.ok else 1
        print(
            f"{c.name:{width}}  {times(c)}  {c.median_ratio:5.2f}  "
            f"({min(c.ratios):.2f}-{max(c.ratios):.2f})  {', '.join(targets)} {verdict}".rstrip()
        )
    print("all targets met" if not failed else f"{failed} row(s) missed the target")
    return 1 if failed else 0
