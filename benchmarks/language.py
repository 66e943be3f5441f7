"""How fast, and how lean, is `coprod language`? Compared with grep, in one run.

    python benchmarks/language.py [--pairs 7] [--sizes 10KB,1MB,10MB]

For each size, writes two documents: "dense", the paragraphs this benchmark has
always used (four lines in six have something to find: far more than real
writing), and "typical", mostly ordinary sentences with something to find about
one line in twelve. Then it runs, in turn, the installed `coprod language DOC`
and `grep -c -i -w -F -f WORDS DOC`, where WORDS holds every phrase of coprod's
own word lists, one a line. It prints the median of the paired ratios of
wall-clock time (start-up included, as a person would run it) and of processor
time (less swayed by other work on the machine), and coprod's peak memory.

Targets (issue 15): coprod within 10x grep at every size, and peak memory flat
in the document size (10 MB needs no more than 10 KB, give or take 20 MB).
Ratios of pairs, not seconds, because the machine is shared and noisy. Python
may keep its compiled files (PYTHONDONTWRITEBYTECODE is cleared for the runs),
as it does for anyone who installed coprod with pip.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from paired import coprod

TARGET_RATIO = 10.0
FLAT_MEMORY_MB = 20.0
PARAGRAPHS = [
    "The team met on Tuesday to plan the next six months of work with local people.",
    "We will engage service users in the review and empower them to shape the plan.",
    "People who draw on care and support chaired the meeting and set the agenda.",
    "Funding from the council runs until March, and the CQC will visit in the spring.",
    "Carers asked for meetings in the evening, closer to home, with travel paid.",
    "Managing expectations is crucial, said the report, which the group rewrote.",
]
ORDINARY = [
    "The group agreed to meet at the library, where the room is free and step free.",
    "Two carers offered to write up the notes and share them before the next meeting.",
    "Lunch was provided, and travel costs were paid on the day in cash.",
    "We talked about what a good week looks like, and what gets in the way of one.",
    "Several people said the bus timetable makes evening meetings hard to attend.",
    "The youth club asked to join, and everyone agreed they should be invited.",
    "Next time we will try a shorter agenda and a longer break in the middle.",
    "A volunteer from the allotment project brought tomatoes for everyone to take home.",
    "People shared what they enjoy doing, from fishing to choir to fixing bikes.",
    "The chair thanked everyone and read out the three things we agreed to do.",
    "Questions about money will go on the list for the finance officer's visit.",
]
SIZES = {"10KB": 10_000, "1MB": 1_000_000, "10MB": 10_000_000}
KINDS = ("dense", "typical")


# This process stays small (the word lists are read in another, the documents are
# written line by line): on Linux a child's peak memory can include its parent's.
WORD_LIST = """
from coprod_toolkit.catalog import builtin_dir
from coprod_toolkit.language import all_word_lists
lists = all_word_lists([builtin_dir()])
print("\\n".join(sorted({f for w in lists.lists for e in w.entries for f in e.forms()})))
"""


def write_document(path: Path, size: int, kind: str) -> None:
    total = 0
    number = 0
    with path.open("w", encoding="utf-8") as handle:
        while total < size:
            if kind == "dense":
                text = PARAGRAPHS[number % len(PARAGRAPHS)]
            elif number % 12 == 11:
                text = PARAGRAPHS[(number // 12) % len(PARAGRAPHS)]
            else:
                text = ORDINARY[number % len(ORDINARY)]
            line = f"{text} (note {number})\n"
            handle.write(line)
            total += len(line)
            number += 1


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, float, float, int, bytes]:
    """Wall and processor seconds, peak MB, exit code and the end of the output of one run."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    assert child.stdout is not None
    output = b""
    while block := child.stdout.read(1 << 16):
        output = output[-2000:] + block  # only the end (the summary) is kept
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    peak = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return seconds, usage.ru_utime + usage.ru_stime, peak, child.returncode, output


def measure(
    label: str,
    doc: Path,
    command: str,
    grep: str,
    words: Path,
    env: dict[str, str],
    pairs: int,
    peaks: dict[str, float],
) -> bool:
    ours = [command, "language", str(doc)]
    theirs = [grep, "-c", "-i", "-w", "-F", "-f", str(words), str(doc)]
    *_, code, output = timed(ours, env)  # warm up: compiled files, word-list cache
    found = output.decode().splitlines()[-2] if output else "(no output)"
    ok = code == 1
    if not ok:
        print(f"{label}: coprod exited with {code}, not 1: {found}")
    wall, cpu, ours_wall, grep_wall, our_peaks = [], [], [], [], []
    for _ in range(pairs):
        mine, mine_cpu, peak, _, _ = timed(ours, env)
        theirs_wall, theirs_cpu, _, _, _ = timed(theirs, env)
        wall.append(mine / theirs_wall)
        cpu.append(mine_cpu / max(theirs_cpu, 0.001))  # grep can take under a millisecond
        ours_wall.append(mine)
        grep_wall.append(theirs_wall)
        our_peaks.append(peak)
    ratio = statistics.median(wall)
    peaks[label] = max(our_peaks)
    verdict = "ok" if ratio <= TARGET_RATIO else "TOO SLOW"
    print(
        f"{label:>13}: coprod {statistics.median(ours_wall) * 1000:7.1f} ms, "
        f"grep {statistics.median(grep_wall) * 1000:6.1f} ms; median ratio of {pairs} pairs "
        f"{ratio:5.2f} wall, {statistics.median(cpu):5.1f} processor "
        f"(target at most {TARGET_RATIO:.0f}): {verdict}; peak memory {peaks[label]:.0f} MB; "
        f"{found}"
    )
    return ok and ratio <= TARGET_RATIO


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=7)
    parser.add_argument("--sizes", default=",".join(SIZES))
    args = parser.parse_args()
    grep = shutil.which("grep")
    if not grep:
        sys.exit("grep is needed to compare with")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    command = coprod()
    ok = True
    peaks: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        words = Path(folder, "words.txt")
        forms = subprocess.run([sys.executable, "-c", WORD_LIST], capture_output=True, check=True)
        words.write_bytes(forms.stdout)
        for kind in KINDS:
            for name in args.sizes.split(","):
                doc = Path(folder, f"{kind}-{name}.md")
                write_document(doc, SIZES[name], kind)
                ok = (
                    measure(f"{kind} {name}", doc, command, grep, words, env, args.pairs, peaks)
                    and ok
                )
    spread = max(peaks.values()) - min(peaks.values())
    flat = spread <= FLAT_MEMORY_MB
    ok = ok and flat
    print(
        f"peak memory from {min(peaks.values()):.0f} to {max(peaks.values()):.0f} MB "
        f"across sizes (target: within {FLAT_MEMORY_MB:.0f} MB): {'ok' if flat else 'NOT FLAT'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
