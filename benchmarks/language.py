"""How fast, and how lean, is `coprod language`? Compared with grep, in one run.

    python benchmarks/language.py [--pairs 7] [--sizes 10KB,1MB,10MB]

For each size, writes a document of ordinary paragraphs with phrases to find
(and abbreviations) scattered through it, then runs, in turn, the installed
`coprod language DOC` and `grep -c -i -w -F -f WORDS DOC`, where WORDS holds
every phrase of coprod's own word lists, one a line. It prints the median of
the paired ratios (coprod's time over grep's, start-up included, as a person
would run it) and coprod's peak memory.

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
SIZES = {"10KB": 10_000, "1MB": 1_000_000, "10MB": 10_000_000}


def coprod() -> str:
    beside = Path(sys.executable).parent / "coprod"
    found = str(beside) if beside.exists() else shutil.which("coprod")
    if not found:
        sys.exit("coprod is not installed in this environment: pip install . first")
    return found


# This process stays small (the word lists are read in another, the documents are
# written line by line): on Linux a child's peak memory can include its parent's.
WORD_LIST = """
from coprod_toolkit.catalog import builtin_dir
from coprod_toolkit.language import all_word_lists
lists = all_word_lists([builtin_dir()])
print("\\n".join(sorted({f for w in lists.lists for e in w.entries for f in e.forms()})))
"""


def write_document(path: Path, size: int) -> None:
    total = 0
    number = 0
    with path.open("w", encoding="utf-8") as handle:
        while total < size:
            line = PARAGRAPHS[number % len(PARAGRAPHS)] + f" (note {number})\n"
            handle.write(line)
            total += len(line)
            number += 1


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, float, int, bytes]:
    """Wall seconds, peak memory in MB, exit code and the end of the output of one run."""
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
    return seconds, peak, child.returncode, output


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
        for name in args.sizes.split(","):
            doc = Path(folder, f"doc-{name}.md")
            write_document(doc, SIZES[name])
            ours = [command, "language", str(doc)]
            theirs = [grep, "-c", "-i", "-w", "-F", "-f", str(words), str(doc)]
            _, _, code, output = timed(ours, env)  # warm up: compiled files, word-list cache
            found = output.decode().splitlines()[-2] if output else "(no output)"
            if code != 1:
                print(f"{name}: coprod exited with {code}, not 1: {found}")
                ok = False
            ratios, our_times, their_times, our_peaks = [], [], [], []
            for _ in range(args.pairs):
                mine, peak, _, _ = timed(ours, env)
                grep_time, _, _, _ = timed(theirs, env)
                ratios.append(mine / grep_time)
                our_times.append(mine)
                their_times.append(grep_time)
                our_peaks.append(peak)
            ratio = statistics.median(ratios)
            peaks[name] = max(our_peaks)
            verdict = "ok" if ratio <= TARGET_RATIO else "TOO SLOW"
            ok = ok and ratio <= TARGET_RATIO
            print(
                f"{name:>5}: coprod {statistics.median(our_times) * 1000:7.1f} ms, "
                f"grep {statistics.median(their_times) * 1000:6.1f} ms, "
                f"median ratio {ratio:5.2f} of {args.pairs} pairs "
                f"(target at most {TARGET_RATIO:.0f}): {verdict}; "
                f"peak memory {peaks[name]:.0f} MB; {found}"
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
