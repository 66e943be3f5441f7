"""Checking documents for words that undermine co-production.

The words are content, not code: YAML word lists in a `language` folder beside
the exercises. Each entry has a phrase, its other forms, why it jars, what to
try instead, and examples that must and must not match (which the tests run).
"""

from __future__ import annotations

import codecs
import difflib
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from pydantic import Field, ValidationError, model_validator

from coprod_toolkit.base import Slug, Strict
from coprod_toolkit.errors import CoprodError, FileProblems, NotFound, Problem
from coprod_toolkit.language_scan import (
    GAP,
    IGNORE_FILE,
    IGNORE_LINE,
    Checker,
    Finding,
    Scan,
    check_text,
    normal,
)
from coprod_toolkit.yamlfile import read_yaml, validation_problems

__all__ = [
    "IGNORE_FILE",
    "IGNORE_LINE",
    "MAX_DOCUMENT_BYTES",
    "Checker",
    "DocumentError",
    "Entry",
    "Finding",
    "Scan",
    "WordList",
    "WordLists",
    "all_word_lists",
    "check_text",
    "decode_document",
    "document_pieces",
    "load_word_list",
    "read_document",
    "stream_pieces",
]

MAX_DOCUMENT_BYTES = 20_000_000
READ_BYTES = 1 << 18  # bytes read at a time: memory stays flat however long the document


class Examples(Strict):
    match: list[str] = Field(min_length=1, description="Sentences the entry must find.")
    near_miss: list[str] = Field(
        min_length=1, description="Sentences that look close but must not be flagged."
    )


class Entry(Strict):
    """One phrase that undermines co-production, and what to say instead."""

    phrase: str = Field(min_length=2, description="The phrase, as people usually write it.")
    variants: list[str] = Field(
        default_factory=list,
        description="Other forms to find: plurals, -ing and -ed forms, hyphenated spellings.",
    )
    why: str = Field(min_length=10, description="Why it jars, in one plain sentence.")
    suggestions: list[str] = Field(min_length=1, description="What to write instead.")
    unless_followed_by: list[str] = Field(
        default_factory=list,
        description="Words that, straight after the phrase, mean it is used harmlessly.",
    )
    unless_preceded_by: list[str] = Field(
        default_factory=list,
        description="Words that, straight before the phrase, mean it is used harmlessly.",
    )
    examples: Examples

    def forms(self) -> list[str]:
        return [self.phrase, *self.variants]

    @model_validator(mode="after")
    def _gaps_between_words(self) -> Entry:
        for form in self.forms():
            words = normal(form).split(" ")
            if words[0] == GAP or words[-1] == GAP:
                raise ValueError(
                    f"'{form}': a gap (… or ...) stands for words in the middle of a phrase. "
                    "Fix: put words before and after it, like 'give … a voice'."
                )
        return self


class WordList(Strict):
    """One word-list file."""

    id: Slug
    title: str
    entries: list[Entry] = Field(default_factory=list)
    known_abbreviations: list[str] = Field(
        default_factory=list,
        description="Abbreviations everyone knows, which need no spelling out (NHS, UK).",
    )
    ordinary_words: list[str] = Field(
        default_factory=list,
        description=(
            "Ordinary words people write in capitals for emphasis (LOVE, SAID), "
            "which are never taken for abbreviations."
        ),
    )

    @model_validator(mode="after")
    def _something(self) -> WordList:
        if not self.entries and not self.known_abbreviations and not self.ordinary_words:
            raise ValueError(
                "this word list is empty. Fix: add 'entries:', 'known_abbreviations:' "
                "or 'ordinary_words:'"
            )
        return self


def load_word_list(path: Path) -> WordList:
    """Read and check one word list, or raise FileProblems with every problem in it."""
    data, marks, _ = read_yaml(path, "word list")
    shown = str(path)
    try:
        words = WordList.model_validate(data)
    except ValidationError as e:
        raise FileProblems(
            shown, validation_problems(shown, data, marks, e, WordList), "word list"
        ) from None
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(words.entries):
        for form in entry.forms():
            key = _normal(form)
            if key in seen and seen[key] != index:
                line, column = marks.at(("entries", index, "phrase"))
                problems.append(
                    Problem(
                        shown,
                        line,
                        column,
                        f"entries[{index}]",
                        f"'{form}' is already listed in entries[{seen[key]}]. "
                        "Fix: keep it in one entry only.",
                    )
                )
            seen.setdefault(key, index)
    if problems:
        raise FileProblems(shown, problems, "word list")
    return words


_normal = normal


# --------------------------------------------------------------------------- documents


class DocumentError(CoprodError):
    """A file that cannot be checked; the others still are."""


def read_document(path: Path) -> str:
    """The whole text of a plain-text, Markdown or .docx file (for small files and tests)."""
    return "".join(document_pieces(path))


def document_pieces(path: Path) -> Iterator[str]:
    """The text of a plain-text, Markdown or .docx file, a piece at a time.

    Raises DocumentError, perhaps part way through: then the file cannot be checked.
    """
    try:
        if path.is_dir():
            raise DocumentError(
                f"{path}: this is a folder. Fix: name the files in it, like {path}/*.md"
            )
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            raise DocumentError(
                f"{path}: the file is {size / 1_000_000:.0f} MB; coprod checks documents up to "
                f"{MAX_DOCUMENT_BYTES // 1_000_000} MB. Fix: split it into smaller files."
            )
        if path.suffix.lower() == ".docx":
            yield from _docx_pieces(path)
            return
        with path.open("rb") as handle:
            yield from stream_pieces(handle, str(path))
    except FileNotFoundError:
        raise DocumentError(f"{path}: there is no file here. Fix: check the name.") from None
    except PermissionError:
        raise DocumentError(f"{path}: coprod is not allowed to read this file.") from None
    except OSError as e:
        raise DocumentError(f"{path}: the file cannot be read ({e.strerror}).") from None


def stream_pieces(handle: BinaryIO, shown: str) -> Iterator[str]:
    """UTF-8 text from an open file or standard input, read a block at a time."""
    return decode_pieces(iter(lambda: handle.read(READ_BYTES), b""), shown)


def decode_document(data: bytes, shown: str) -> str:
    return "".join(decode_pieces([data], shown))


def decode_pieces(blocks: Iterable[bytes], shown: str) -> Iterator[str]:
    """Decode UTF-8 blocks as they come, saying where a bad byte is (line and column)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    total = 0  # bytes read before this block
    lines = 0  # line breaks in them
    last_break = -1  # where the last of them is
    first = True

    def not_utf8(e: UnicodeDecodeError, held: int) -> DocumentError:
        at = total - held + e.start
        before = e.object[: e.start]
        line = lines + before.count(b"\n") + 1
        start_of_line = (
            total - held + before.rfind(b"\n") + 1 if b"\n" in before else last_break + 1
        )
        return DocumentError(
            f"{shown}:{line}:{at - start_of_line + 1}: this is not UTF-8 text. "
            "Fix: save it again as UTF-8 (most editors offer it under 'Save as')."
        )

    for block in blocks:
        if total == 0 and b"\x00" in block[:8192]:
            raise DocumentError(
                f"{shown}: this looks like a binary file, not text. "
                "Fix: check plain text, Markdown or .docx files."
            )
        if total + len(block) > MAX_DOCUMENT_BYTES:
            where = "standard input" if shown == "-" else "this"
            raise DocumentError(
                f"{shown}: {where} is more than {MAX_DOCUMENT_BYTES // 1_000_000} MB; "
                "coprod checks documents up to that size. Fix: split it into smaller parts."
            )
        held = len(decoder.getstate()[0])
        try:
            text = decoder.decode(block)
        except UnicodeDecodeError as e:
            raise not_utf8(e, held) from None
        if first and text:
            text = text.removeprefix("\ufeff")
            first = False
        breaks = block.count(b"\n")
        if breaks:
            lines += breaks
            last_break = total + block.rfind(b"\n")
        total += len(block)
        if text:
            yield text
    held = len(decoder.getstate()[0])
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError as e:
        raise not_utf8(e, held) from None


_WORD_XML = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _docx_pieces(path: Path) -> Iterator[str]:
    """The paragraphs of a Word document, one per line, read from its XML as it unpacks."""
    from xml.etree import ElementTree

    paragraph, text = f"{_WORD_XML}p", f"{_WORD_XML}t"
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("word/document.xml")
            if info.file_size > 50_000_000:
                raise DocumentError(f"{path}: the document is too large to check.")
            with archive.open(info) as stream:
                open_elements: list[ElementTree.Element] = []
                pieces: list[str] = []
                size = 0
                for event, element in ElementTree.iterparse(stream, events=("start", "end")):
                    if event == "start":
                        open_elements.append(element)
                        continue
                    open_elements.pop()
                    if element.tag != paragraph:
                        continue
                    line = "".join(t.text or "" for t in element.iter(text)) + "\n"
                    pieces.append(line)
                    size += len(line)
                    if (
                        open_elements
                        and len(open_elements[-1])
                        and open_elements[-1][-1] is element
                    ):
                        del open_elements[-1][-1]  # done with it: keep memory flat
                    if size >= READ_BYTES:
                        yield "".join(pieces)
                        pieces, size = [], 0
                if pieces:
                    yield "".join(pieces)
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError):
        raise DocumentError(
            f"{path}: this is not a Word document that coprod can read. "
            "Fix: save it again as .docx, or as plain text."
        ) from None


# --------------------------------------------------------------------------- finding the lists


@dataclass
class WordLists:
    lists: list[WordList]
    broken: list[CoprodError]

    def checker(self) -> Checker:
        entries = [e for w in self.lists for e in w.entries]
        known = {a for w in self.lists for a in w.known_abbreviations}
        ordinary = {a for w in self.lists for a in w.ordinary_words}
        return Checker(entries, known, ordinary)

    def explain(self, phrase: str) -> Entry:
        wanted = _normal(phrase)
        for w in self.lists:
            for entry in w.entries:
                if wanted in (_normal(f) for f in entry.forms()):
                    return entry
        forms = [f for w in self.lists for e in w.entries for f in e.forms()]
        guess = difflib.get_close_matches(wanted, [_normal(f) for f in forms], n=1, cutoff=0.6)
        hint = f" Did you mean '{guess[0]}'?" if guess else ""
        raise NotFound(
            f"'{phrase}' is not in coprod's word lists.{hint} "
            "Fix: run 'coprod language --explain' with a phrase from the list, "
            "or see them all in exercises/language/."
        )


def word_list_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.y*ml")) if folder.is_dir() else []


def all_word_lists(exercise_dirs: list[Path]) -> WordLists:
    """Every word list in the `language` folder of each place exercises are found."""
    lists: list[WordList] = []
    broken: list[CoprodError] = []
    for folder in exercise_dirs:
        for path in word_list_files(folder / "language"):
            try:
                lists.append(load_word_list(path))
            except CoprodError as e:
                broken.append(e)
    return WordLists(lists, broken)
