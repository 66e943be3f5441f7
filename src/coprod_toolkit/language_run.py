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
from coprod_toolkit.i18n import _, name_in_sentence, ngettext
from coprod_toolkit.language_scan import Checker, Finding, Scan, advice_for, guess_language
from coprod_toolkit.text import printable

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence
    from typing import IO, BinaryIO, TextIO

    from coprod_toolkit.language_scan import Rule

CACHE_FORMAT = 4
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
    # The names of folders (i18n-ok), not words for people.
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")  # i18n-ok
        return base / "coprod" / "Cache" / "language.json"  # i18n-ok
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "coprod" / "language.json"  # i18n-ok
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


class _List:
    """One word list, as a run needs it: its language, entries and abbreviations."""

    def __init__(
        self, language: str, entries: Sequence[Rule], known: list[str], ordinary: list[str]
    ) -> None:
        self.language = language
        self.entries = entries
        self.known = known
        self.ordinary = ordinary


class Library:
    """The word lists by language, read from their files or from the cache."""

    def __init__(self, lists: list[_List], alternations: dict[str, str] | None = None) -> None:
        self.lists = lists
        self.alternations = alternations or {}  # saved alternations, by language
        self._checkers: dict[tuple[str, ...], Checker] = {}

    def languages(self) -> list[str]:
        return sorted({w.language for w in self.lists})

    def has_phrases(self, code: str) -> bool:
        return any(w.entries for w in self.lists if w.language == code)

    def checker(self, codes: tuple[str, ...]) -> Checker:
        """One checker for the lists in these languages (abbreviations only if one has them)."""
        if codes not in self._checkers:
            chosen = [w for w in self.lists if w.language in codes]
            self._checkers[codes] = Checker(
                [e for w in chosen for e in w.entries],
                {a for w in chosen for a in w.known},
                {a for w in chosen for a in w.ordinary},
                self.alternations.get("+".join(codes)),
                abbreviations=any(w.known or w.ordinary for w in chosen),
            )
        return self._checkers[codes]


def cached_library(folders: list[Path]) -> Library | None:
    """The word lists from the cache, if they have not changed since it was made."""
    try:
        stamp = _stamp(_list_files(folders))
        data = json.loads(cache_file().read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("stamp") != stamp:
            return None
        lists = [
            _List(
                str(w["language"]),
                [_CachedRule(e) for e in w["entries"]],
                [str(a) for a in w["known"]],
                [str(a) for a in w["ordinary"]],
            )
            for w in data["lists"]
        ]
        alternations = data["alternations"]
        if not isinstance(alternations, dict):
            return None
        return Library(lists, {str(k): str(v) for k, v in alternations.items()})
    except (OSError, ValueError, KeyError, TypeError):
        return None  # missing, damaged or from another version: build it again


def cached_checker(folders: list[Path], codes: tuple[str, ...] = ("en",)) -> Checker | None:
    """The checker for documents in these languages, from the cache (None if it is stale)."""
    library = cached_library(folders)
    return None if library is None else library.checker(codes)


def load_library(folders: list[Path], use_cache: bool) -> Library:
    """Every word list in these folders, by language; warns about lists it cannot read."""
    if use_cache:
        library = cached_library(folders)
        if library is not None:
            return library
    from coprod_toolkit.language import all_word_lists

    stamp = _stamp(_list_files(folders)) if use_cache else None
    lists = all_word_lists(folders)
    for error in lists.broken:
        message = _("Skipped a word list that cannot be read:\n{error}").format(error=error)
        sys.stderr.write(printable(message + "\n"))
    library = Library(
        [_List(w.language, w.entries, w.known_abbreviations, w.ordinary_words) for w in lists.lists]
    )
    if use_cache and not lists.broken:
        _write_cache(library, stamp)
    return library


def _write_cache(library: Library, stamp: list[object] | None) -> None:
    data = {
        "stamp": stamp,
        "alternations": {
            code: library.checker((code,)).alternation for code in library.languages()
        },
        "lists": [
            {
                "language": w.language,
                "entries": [
                    e.model_dump(exclude={"examples"})  # type: ignore[attr-defined]
                    for e in w.entries
                ],
                "known": sorted(w.known),
                "ordinary": sorted(w.ordinary),
            }
            for w in library.lists
        ],
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


def _say_how_to_type() -> None:
    """Someone at a terminal sees how to give the text, not a blank screen."""
    if sys.platform == "win32":
        message = _(
            "Type or paste the text to check. When it is all in, press Ctrl-Z then Enter "
            "on a new line."
        )
    else:
        message = _(
            "Type or paste the text to check. When it is all in, press Ctrl-D on a new line."
        )
    sys.stderr.write(printable(message) + "\n")
    sys.stderr.flush()


def _pieces(name: str) -> Iterator[str]:
    from coprod_toolkit import language_read

    if name == "-":
        if sys.stdin.isatty():
            _say_how_to_type()
        return language_read.stream_pieces(sys.stdin.buffer, "-")
    return language_read.document_pieces(Path(name))


class _Spool:
    """Report text kept in memory up to a size, then in a temporary file.

    The file holds the text already encoded as `out` would encode it, when `out` is a
    UTF-8 stream over bytes (standard output, nearly always), and is copied to those
    bytes as it is: a long report is then not decoded and encoded again on its way
    out, which took longer than finding what is in it.
    """

    def __init__(self, out: TextIO) -> None:
        self.count = 0  # findings in it
        self._parts: list[str] = []
        self._size = 0
        self._file: IO[bytes] | None = None
        self._raw: BinaryIO | None = None  # the bytes under `out`, when copied to directly
        self._errors = "surrogatepass"  # the file then holds any text, to read back as it was
        if os.linesep == "\n" and _is_utf8(getattr(out, "encoding", None)):
            self._raw = getattr(out, "buffer", None)
            self._errors = getattr(out, "errors", None) or "strict"

    def add(self, text: str, findings: int) -> None:
        self.count += findings
        if self._file is not None:
            self._file.write(text.encode("utf-8", self._errors))
            return
        self._parts.append(text)
        self._size += len(text)
        if self._size > _SPOOL_BYTES:
            import tempfile

            self._file = tempfile.TemporaryFile()  # noqa: SIM115
            self._file.write("".join(self._parts).encode("utf-8", self._errors))
            self._parts = []

    def copy_to(self, out: TextIO) -> None:
        if self._file is None:
            out.write("".join(self._parts))
            return
        self._file.seek(0)
        if self._raw is not None:
            out.flush()  # what is written before it goes first
            while block := self._file.read(1 << 20):
                self._raw.write(block)
            return
        import codecs

        decoder = codecs.getincrementaldecoder("utf-8")(self._errors)
        while block := self._file.read(1 << 16):
            out.write(decoder.decode(block))

    def __enter__(self) -> _Spool:
        return self

    def __exit__(self, *_: object) -> None:
        if self._file is not None:
            self._file.close()


def _is_utf8(encoding: str | None) -> bool:
    import codecs

    try:
        return encoding is not None and codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return False


def _languages(first: str, library: Library, asked: str | None) -> tuple[str, ...]:
    """The languages to check a document in: as asked, else as its start reads (when that
    is clear), else the language coprod is speaking, if it has word lists, else English."""
    if asked is not None:
        return (asked,)
    guessed = guess_language(first)
    if guessed:
        return tuple(guessed)
    from coprod_toolkit.i18n import ENGLISH, language

    spoken = language()
    return (spoken,) if spoken in library.languages() else (ENGLISH,)


def _check(
    name: str,
    library: Library,
    asked: str | None,
    skip_quotes: bool,
    spool: _Spool,
    json_out: bool,
) -> tuple[str, ...]:
    """Check one document into the spool; give the languages it was checked in."""
    pieces = _pieces(name)
    first = next(pieces, "")
    codes = _languages(first, library, asked)
    checker = library.checker(codes)
    scan = Scan(checker, name, skip_quotes)
    shown = printable(name)
    advice_of: dict[int, str] = {}
    # The end of a line ('"phrase" — advice'), by phrase as found and entry: most findings
    # repeat one of a few phrases, so their lines differ only in where they are.
    tail_of: dict[tuple[str, int], str] = {}

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
                phrase = f.kind == "phrase"
                key = (f.phrase, id(f.suggestions))  # an entry's own list, alive for the run
                tail = tail_of.get(key) if phrase else None
                if tail is None:
                    advice = advice_of.get(id(f.suggestions)) if phrase else None
                    if advice is None:
                        advice = printable(advice_for(f.why, f.suggestions))
                        if phrase:
                            advice_of[id(f.suggestions)] = advice
                    found = f.phrase if f.phrase.isprintable() else printable(f.phrase)
                    tail = f': "{found}" — {advice}\n'
                    if phrase and len(tail_of) < 10_000:
                        tail_of[key] = tail
                lines.append(f"  {shown}:{f.line}:{f.column}{tail}")
            text = "".join(lines)
            spool.add(text, len(findings))

    if first:
        keep(scan.feed(first))
    if not scan.ignored:
        for piece in pieces:
            keep(scan.feed(piece))
            if scan.ignored:
                break
    keep(scan.close())
    if scan.ignored:
        spool.count = 0
    return codes


def _indent(text: str, spaces: int) -> str:
    pad = " " * spaces
    return "\n".join(pad + line for line in text.split("\n"))


# --------------------------------------------------------------------------- the command


def _report(out: TextIO, name: str, spool: _Spool, json_out: bool, first: bool) -> None:
    if json_out:
        out.write(("" if first else ",") + "\n    {\n")
        out.write(f'      "path": {json.dumps(name, ensure_ascii=False)},\n')  # i18n-ok
        if spool.count:
            out.write('      "findings": [')  # i18n-ok: JSON
            spool.copy_to(out)
            out.write("\n      ]\n    }")
        else:
            out.write('      "findings": []\n    }')  # i18n-ok: JSON
    elif spool.count:
        out.write(printable(_("{name}: {count} to look at").format(name=name, count=spool.count)))
        out.write("\n")
        spool.copy_to(out)
        out.write("\n")


def doc_language(value: str, library: Library) -> str:
    """The --doc-lang value as a language code with word lists, or a usage mistake."""
    from coprod_toolkit.i18n import listed, normalise

    code = normalise(value)
    if code is not None and code in library.languages():
        return code
    raise UsageProblem(
        _(
            "--doc-lang {value}: coprod has no word lists in that language. "
            "Fix: use one of the languages it has word lists in: {listed}."
        ).format(value=value, listed=listed(library.languages()))
    )


def _notes(library: Library, checked: dict[str, tuple[str, ...]]) -> list[str]:
    """What was not checked, or checked in two languages, said once for the whole run."""
    unchecked_phrases: dict[str, list[str]] = {}
    unchecked_abbreviations: dict[str, list[str]] = {}
    both: list[str] = []
    for name, codes in checked.items():
        main = next((c for c in codes if c != "en"), codes[0])
        if not any(library.has_phrases(c) for c in codes):
            unchecked_phrases.setdefault(main, []).append(name)
        if not library.checker(codes).abbreviations:
            unchecked_abbreviations.setdefault(main, []).append(name)
        if len(codes) > 1:
            both.append(name)
    notes: list[str] = []
    for code, names in unchecked_phrases.items():
        notes.append(
            ngettext(
                "There is no {language} word list of words that undermine co-production yet, "
                "so this file was not checked for them: {files}.",
                "There is no {language} word list of words that undermine co-production yet, "
                "so these files were not checked for them: {files}.",
                len(names),
            ).format(language=name_in_sentence(code), files=", ".join(names))
        )
    for code, names in unchecked_abbreviations.items():
        notes.append(
            ngettext(
                "There is no {language} list of abbreviations yet, so abbreviations were not "
                "checked in this file: {files}.",
                "There is no {language} list of abbreviations yet, so abbreviations were not "
                "checked in these files: {files}.",
                len(names),
            ).format(language=name_in_sentence(code), files=", ".join(names))
        )
    if both:
        notes.append(
            ngettext(
                "This file has Welsh and English in it, so it was checked with the word lists "
                "for both: {files}.",
                "These files have Welsh and English in them, so they were checked with the "
                "word lists for both: {files}.",
                len(both),
            ).format(files=", ".join(both))
        )
    return notes


def _summary(counts: list[int], problems: int) -> str:
    count = sum(counts)
    clean = sum(1 for c in counts if not c)
    files_with = len(counts) - clean
    if count:
        summary = (
            ngettext(
                "Found {count} thing to look at", "Found {count} things to look at", count
            ).format(count=count)
            + " "
            + ngettext("in {files} file", "in {files} files", files_with).format(files=files_with)
        )
        if clean:
            summary += ngettext("; {clean} file clean.", "; {clean} files clean.", clean).format(
                clean=clean
            )
        else:
            summary += "."
    elif counts:
        summary = ngettext(
            "Nothing found: {clean} file clean.", "Nothing found: {clean} files clean.", clean
        ).format(clean=clean)
    elif problems == 1:
        return ""  # the one file's problem, said just above, is the whole story
    else:
        return ngettext(
            "None of the {count} file could be checked.",
            "None of the {count} files could be checked.",
            problems,
        ).format(count=problems)
    if problems:
        summary += " " + ngettext(
            "{count} file could not be checked.", "{count} files could not be checked.", problems
        ).format(count=problems)
    return summary


def run(
    files: list[str],
    output: str,
    skip_quotes: bool,
    folders: list[Path],
    use_cache: bool = False,
    doc_lang: str | None = None,
) -> int:
    """Check the files, write the report to standard output, and give the exit code.

    `doc_lang` is the language of every document, when the person says; otherwise each
    document's language is read from its start.
    """
    if output not in ("text", "json"):
        raise UsageProblem(_("--format {output}: use text or json.").format(output=output))
    if not files:
        raise UsageProblem(
            _(
                "Give the documents to check, like: coprod language strategy.md "
                "(or - to read standard input)."
            )
        )
    library = load_library(folders, use_cache)
    asked = doc_language(doc_lang, library) if doc_lang is not None else None
    json_out = output == "json"
    out = sys.stdout
    problems: list[str] = []
    counts: list[int] = []
    checked: dict[str, tuple[str, ...]] = {}
    if json_out:
        out.write('{\n  "files": [')  # i18n-ok: JSON
    for name in files:
        with _Spool(out) as spool:
            try:
                checked[name] = _check(name, library, asked, skip_quotes, spool, json_out)
            except CoprodError as e:
                problems.append(str(e))
                continue
            _report(out, name, spool, json_out, first=not counts)
            counts.append(spool.count)
        out.flush()
    count = sum(counts)
    notes = _notes(library, checked)
    if json_out:
        out.write("\n  ]," if counts else "],")
        problems_json = json.dumps(problems, indent=2, ensure_ascii=False)
        out.write('\n  "problems": ' + _indent(problems_json, 2).lstrip() + ",")  # i18n-ok
        if notes:
            notes_json = json.dumps(notes, indent=2, ensure_ascii=False)
            out.write('\n  "notes": ' + _indent(notes_json, 2).lstrip() + ",")  # i18n-ok
        out.write(f'\n  "findings": {count}\n}}\n')  # i18n-ok: JSON
        return 1 if count or problems else 0
    for problem in problems:
        sys.stderr.write(printable(_("Could not check {problem}").format(problem=problem) + "\n"))
    for note in notes:
        out.write(printable(note) + "\n")
    summary = _summary(counts, len(problems))
    if summary:
        out.write(summary + "\n")
    if count:
        out.write(_('To see why a phrase jars: coprod language --explain "PHRASE"') + "\n")
    return 1 if count or problems else 0


def quick(args: list[str]) -> int | None:
    """Run `coprod language ARGS` without typer, or None to leave it to the typer command.

    Only the plain cases are taken: documents, --format text|json, --skip-quotes,
    --doc-lang CODE and --exercises DIR. Help, --explain and anything unexpected go to typer, which
    gives the same output and the usual messages.
    """
    files: list[str] = []
    output = "text"
    skip_quotes = False
    extra: list[Path] = []
    doc_lang: str | None = None
    index = 0
    while index < len(args):
        arg = args[index]
        if arg in ("--format", "--exercises", "--doc-lang"):
            if index + 1 >= len(args):
                return None
            value = args[index + 1]
            index += 2
            if arg == "--format":
                if value not in ("text", "json"):
                    return None
                output = value
            elif arg == "--doc-lang":
                doc_lang = value
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
    from coprod_toolkit.folders import search_dirs

    try:
        folders = [folder for _where, folder in search_dirs(extra)]
    except CoprodError:
        return None  # a missing --exercises folder: typer gives the message
    try:
        return run(files, output, skip_quotes, folders, use_cache=True, doc_lang=doc_lang)
    except UsageProblem:
        return None  # a --doc-lang coprod has no word lists for: typer gives the message
    except OSError as e:
        # The output failed: what is left unwritten goes nowhere, not to Python's exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        if not isinstance(e, BrokenPipeError):  # the reader stopping (`| head`) is quiet
            from coprod_toolkit.errors import refused

            sys.stderr.write(_("Error: {message}").format(message=refused(e)) + "\n")
        return 1
    except KeyboardInterrupt:
        sys.stderr.write(_("Stopped.") + "\n")
        return 130
