"""How `coprod language` runs: read each document a block at a time, report, exit code.

This is the command-line side of `coprod language`, kept out of the `cli`
package (which loads typer) so that `coprod language FILE...` can start
without typer, pydantic or YAML: `quick` reads the arguments it knows and the
word lists from a cache, and leaves anything else (help, --explain, mistakes)
to the typer command, which calls `run` too. Both give the same output.

Findings go to a spool (memory, then a temporary file if there are very many),
so memory stays flat however long the document, and a file that turns out to
carry the ignore-file directive, or cannot be read to its end, shows none.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from coprod_toolkit.errors import CoprodError, UsageProblem
from coprod_toolkit.language_scan import Checker, Finding, Scan
from coprod_toolkit.text import printable

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import IO, TextIO

    from coprod_toolkit.language import WordLists

CACHE_FORMAT = 3
_SPOOL_BYTES = 1 << 20


# --------------------------------------------------------------------------- word lists


class _CachedRule:
    """A word-list entry read back from the cache (already checked when it was made)."""

    def __init__(self, data: dict[str, list[str] | str]) -> None:
        self.phrase = str(data["phrase"])
        self.variants = [str(v) for v in data["variants"]]
        self.why = str(data["why"])
        self.suggestions = [str(v) for v in data["suggestions"]]
        self.unless_followed_by = [str(v) for v in data["unless_followed_by"]]
        self.unless_preceded_by = [str(v) for v in data["unless_preceded_by"]]

    def forms(self) -> list[str]:
        return [self.phrase, *self.variants]


def cache_file() -> Path:
    """Where the checked word lists are kept between runs (the user's cache folder)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "coprod" / "Cache" / "language.json"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "coprod" / "language.json"
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "coprod" / "language.json"


def _list_files(folders: list[Path]) -> list[Path]:
    found: list[Path] = []
    for folder in folders:
        language = folder / "language"
        if language.is_dir():
            found += sorted(p for p in language.glob("*.y*ml"))
    return found


def _stamp(files: list[Path]) -> list[object]:
    from coprod_toolkit import __version__

    stamp: list[object] = [CACHE_FORMAT, __version__]
    for path in files:
        info = path.stat()
        stamp.append([str(path), info.st_size, info.st_mtime_ns])
    return stamp


def cached_checker(folders: list[Path]) -> Checker | None:
    """The checker from the cache, if the word lists have not changed since it was made."""
    try:
        stamp = _stamp(_list_files(folders))
        data = json.loads(cache_file().read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("stamp") != stamp:
            return None
        entries = [_CachedRule(e) for e in data["entries"]]
        alternation = data["alternation"]
        if not isinstance(alternation, str):
            return None
        return Checker(entries, set(data["known"]), set(data["ordinary"]), alternation)
    except (OSError, ValueError, KeyError, TypeError):
        return None  # missing, damaged or from another version: build it again


def load_checker(folders: list[Path], use_cache: bool) -> Checker:
    """Every word list in these folders, as one checker; warns about lists it cannot read."""
    if use_cache:
        checker = cached_checker(folders)
        if checker is not None:
            return checker
    from coprod_toolkit.language import all_word_lists

    stamp = _stamp(_list_files(folders)) if use_cache else None
    lists = all_word_lists(folders)
    for error in lists.broken:
        sys.stderr.write(printable(f"Skipped a word list that cannot be read:\n{error}\n"))
    checker = lists.checker()
    if use_cache and not lists.broken:
        _write_cache(lists, checker, stamp)
    return checker


def _write_cache(lists: WordLists, checker: Checker, stamp: list[object] | None) -> None:
    data = {
        "stamp": stamp,
        "alternation": checker.alternation,
        "entries": [e.model_dump(exclude={"examples"}) for w in lists.lists for e in w.entries],
        "known": sorted({a for w in lists.lists for a in w.known_abbreviations}),
        "ordinary": sorted({a for w in lists.lists for a in w.ordinary_words}),
    }
    target = cache_file()
    written = ""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        import tempfile

        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=target.parent, delete=False, suffix=".tmp"
        ) as handle:
            written = handle.name
            json.dump(data, handle, ensure_ascii=False)
        os.replace(written, target)
    except OSError:  # a cache that cannot be written only makes the next start slower
        if written:
            Path(written).unlink(missing_ok=True)


# --------------------------------------------------------------------------- documents


def _pieces(name: str) -> Iterator[str]:
    from coprod_toolkit import language_read

    if name == "-":
        return language_read.stream_pieces(sys.stdin.buffer, "-")
    return language_read.document_pieces(Path(name))


class _Spool:
    """Report text kept in memory up to a size, then in a temporary file."""

    def __init__(self) -> None:
        self.count = 0  # findings in it
        self._parts: list[str] = []
        self._size = 0
        self._file: IO[str] | None = None

    def add(self, text: str, findings: int) -> None:
        self.count += findings
        if self._file is not None:
            self._file.write(text)
            return
        self._parts.append(text)
        self._size += len(text)
        if self._size > _SPOOL_BYTES:
            import tempfile

            self._file = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115
            self._file.write("".join(self._parts))
            self._parts = []

    def copy_to(self, out: TextIO) -> None:
        if self._file is None:
            out.write("".join(self._parts))
            return
        self._file.seek(0)
        while block := self._file.read(1 << 16):
            out.write(block)

    def __enter__(self) -> _Spool:
        return self

    def __exit__(self, *_: object) -> None:
        if self._file is not None:
            self._file.close()


def _check(name: str, checker: Checker, skip_quotes: bool, spool: _Spool, json_out: bool) -> None:
    scan = Scan(checker, name, skip_quotes)
    shown = printable(name)
    advice_for: dict[int, str] = {}

    def keep(findings: list[Finding]) -> None:
        if not findings:
            return
        if json_out:
            for finding in findings:
                text = json.dumps(finding.as_dict(), indent=2, ensure_ascii=False)
                spool.add(("," if spool.count else "") + "\n" + _indent(text, 8), 1)
        else:
            # Made by hand rather than with str(finding), as there can be many thousands:
            # the file name and each entry's advice are made safe to show once.
            lines = []
            for f in findings:
                advice = advice_for.get(id(f.suggestions)) if f.kind == "phrase" else None
                if advice is None:
                    advice = printable(f"{f.why} Try: {'; '.join(f.suggestions)}.")
                    if f.kind == "phrase":  # an entry's own list, alive for the whole run
                        advice_for[id(f.suggestions)] = advice
                phrase = f.phrase if f.phrase.isprintable() else printable(f.phrase)
                lines.append(f'  {shown}:{f.line}:{f.column}: "{phrase}" — {advice}\n')
            text = "".join(lines)
            spool.add(text, len(findings))

    for piece in _pieces(name):
        keep(scan.feed(piece))
        if scan.ignored:
            break
    keep(scan.close())
    if scan.ignored:
        spool.count = 0


def _indent(text: str, spaces: int) -> str:
    pad = " " * spaces
    return "\n".join(pad + line for line in text.split("\n"))


# --------------------------------------------------------------------------- the command


def _report(out: TextIO, name: str, spool: _Spool, json_out: bool, first: bool) -> None:
    if json_out:
        out.write(("" if first else ",") + "\n    {\n")
        out.write(f'      "path": {json.dumps(name, ensure_ascii=False)},\n')
        if spool.count:
            out.write('      "findings": [')
            spool.copy_to(out)
            out.write("\n      ]\n    }")
        else:
            out.write('      "findings": []\n    }')
    elif spool.count:
        out.write(printable(f"{name}: {spool.count} to look at") + "\n")
        spool.copy_to(out)
        out.write("\n")


def run(
    files: list[str],
    output: str,
    skip_quotes: bool,
    folders: list[Path],
    use_cache: bool = False,
) -> int:
    """Check the files, write the report to standard output, and give the exit code."""
    if output not in ("text", "json"):
        raise UsageProblem(f"--format {output}: use text or json.")
    if not files:
        raise UsageProblem(
            "Give the documents to check, like: coprod language strategy.md "
            "(or - to read standard input)."
        )
    checker = load_checker(folders, use_cache)
    json_out = output == "json"
    out = sys.stdout
    problems: list[str] = []
    counts: list[int] = []
    if json_out:
        out.write('{\n  "files": [')
    for name in files:
        with _Spool() as spool:
            try:
                _check(name, checker, skip_quotes, spool, json_out)
            except CoprodError as e:
                problems.append(str(e))
                continue
            _report(out, name, spool, json_out, first=not counts)
            counts.append(spool.count)
        out.flush()
    count = sum(counts)
    if json_out:
        out.write("\n  ]," if counts else "],")
        problems_json = json.dumps(problems, indent=2, ensure_ascii=False)
        out.write('\n  "problems": ' + _indent(problems_json, 2).lstrip() + ",")
        out.write(f'\n  "findings": {count}\n}}\n')
        return 1 if count or problems else 0
    for problem in problems:
        sys.stderr.write(printable(f"Could not check {problem}\n"))
    clean = sum(1 for c in counts if not c)
    files_with = len(counts) - clean
    if count:
        summary = (
            f"Found {count} thing{'s' if count != 1 else ''} to look at in {files_with} "
            f"file{'s' if files_with != 1 else ''}"
        )
        summary += f"; {clean} file{'s' if clean != 1 else ''} clean." if clean else "."
    elif counts:
        summary = f"Nothing found: {clean} file{'s' if clean != 1 else ''} clean."
    else:
        summary = "No file could be checked."
    if problems:
        summary += f" {len(problems)} file{'s' if len(problems) != 1 else ''} could not be checked."
    out.write(summary + "\n")
    if count:
        out.write('To see why a phrase jars: coprod language --explain "PHRASE"\n')
    return 1 if count or problems else 0


def quick(args: list[str]) -> int | None:
    """Run `coprod language ARGS` without typer, or None to leave it to the typer command.

    Only the plain cases are taken: documents, --format text|json, --skip-quotes and
    --exercises DIR. Help, --explain and anything unexpected go to typer, which
    gives the same output and the usual messages.
    """
    files: list[str] = []
    output = "text"
    skip_quotes = False
    extra: list[Path] = []
    index = 0
    while index < len(args):
        arg = args[index]
        if arg in ("--format", "--exercises"):
            if index + 1 >= len(args):
                return None
            value = args[index + 1]
            index += 2
            if arg == "--format":
                if value not in ("text", "json"):
                    return None
                output = value
            else:
                extra.append(Path(value))
            continue
        if arg == "--skip-quotes":
            skip_quotes = True
        elif arg == "-" or not arg.startswith("-"):
            files.append(arg)
        else:
            return None  # help, --explain, --format=json, a typo: typer knows what to say
        index += 1
    if not files:
        return None
    from coprod_toolkit.catalog import search_dirs

    try:
        folders = [folder for _, folder in search_dirs(extra)]
    except CoprodError:
        return None  # a missing --exercises folder: typer gives the message
    try:
        return run(files, output, skip_quotes, folders, use_cache=True)
    except BrokenPipeError:
        # the reader stopped listening (like `| head`): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("Stopped.\n")
        return 130
