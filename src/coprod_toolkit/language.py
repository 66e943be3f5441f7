"""Checking documents for words that undermine co-production.

The words are content, not code: YAML word lists in a `language` folder beside
the exercises. Each entry has a phrase, its other forms, why it jars, what to
try instead, and examples that must and must not match (which the tests run).
"""

from __future__ import annotations

import bisect
import difflib
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import Field, ValidationError, model_validator

from coprod_toolkit.base import Slug, Strict
from coprod_toolkit.errors import CoprodError, FileProblems, NotFound, Problem
from coprod_toolkit.yamlfile import read_yaml, validation_problems

MAX_DOCUMENT_BYTES = 20_000_000
IGNORE_LINE = "coprod: ignore"
IGNORE_FILE = "coprod: ignore-file"


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
    examples: Examples

    def forms(self) -> list[str]:
        return [self.phrase, *self.variants]


class WordList(Strict):
    """One word-list file."""

    id: Slug
    title: str
    entries: list[Entry] = Field(default_factory=list)
    known_abbreviations: list[str] = Field(
        default_factory=list,
        description="Abbreviations everyone knows, which need no spelling out (NHS, UK).",
    )

    @model_validator(mode="after")
    def _something(self) -> WordList:
        if not self.entries and not self.known_abbreviations:
            raise ValueError(
                "this word list is empty. Fix: add 'entries:' or 'known_abbreviations:'"
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


def _normal(text: str) -> str:
    return " ".join(text.casefold().replace("’", "'").split())


# --------------------------------------------------------------------------- matching


def _units(form: str) -> list[str]:
    """A form as regex pieces: any spacing or line break between words, either apostrophe."""
    units: list[str] = []
    for ch in _normal(form):
        if ch == " ":
            units.append(r"\s+")
        elif ch == "'":
            units.append("['’]")
        else:
            units.append(re.escape(ch))
    return units


def _trie_regex(forms: list[str]) -> str:
    """One regular expression for many forms, sharing their common beginnings.

    Python's regex engine tries every branch of a plain alternation at every
    word; a trie tries only the branches that start with the letter in front
    of it, which makes checking a long document several times faster.
    """
    end = ""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for form in forms:
        node = trie
        for unit in _units(form):
            node = node.setdefault(unit, {})
        node[end] = {}

    def build(node: dict) -> str:  # type: ignore[type-arg]
        branches = [unit + build(child) for unit, child in node.items() if unit != end]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end in node:
            return f"(?:{body})?"
        return body

    return build(trie)


@dataclass
class Checker:
    """Every entry of every word list, compiled into one pass over the text."""

    entries: list[Entry]
    known: set[str]
    _regex: re.Pattern[str] = field(init=False)
    _by_form: dict[str, Entry] = field(init=False)

    def __post_init__(self) -> None:
        self._by_form = {}
        for entry in self.entries:
            for form in entry.forms():
                self._by_form.setdefault(_normal(form), entry)
        alternation = _trie_regex(list(self._by_form)) or r"(?!x)x"
        self._regex = re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE)

    def entry_for(self, matched: str) -> Entry:
        found = self._by_form.get(matched.casefold())
        return found if found is not None else self._by_form[_normal(matched)]

    def phrases(self, text: str) -> list[tuple[int, int, Entry]]:
        """(start, end, entry) for every phrase found."""
        found = []
        for m in self._regex.finditer(text):
            entry = self.entry_for(m.group(0))
            if entry.unless_followed_by:
                after = _normal(text[m.end() : m.end() + 40])
                if any(after.startswith(_normal(w)) for w in entry.unless_followed_by):
                    continue
            found.append((m.start(), m.end(), entry))
        return found


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    column: int
    phrase: str
    why: str
    suggestions: list[str]
    kind: str = "phrase"  # or "abbreviation"

    def __str__(self) -> str:
        tries = "; ".join(self.suggestions)
        return f'{self.path}:{self.line}:{self.column}: "{self.phrase}" — {self.why} Try: {tries}.'

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "kind": self.kind,
            "phrase": self.phrase,
            "why": self.why,
            "suggestions": self.suggestions,
        }


_ABBREVIATION = re.compile(r"(?<![\w&/-])([A-Z][A-Z0-9&]{1,6})(s?)(?![\w&/-])")
_FENCE = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.M | re.S)
_INLINE_CODE = re.compile(r"`[^`\n]+`")
_QUOTE = re.compile(
    r"\"(?:[^\"\n]|\n(?!\n)){0,2000}?\"|“(?:[^”\n]|\n(?!\n)){0,2000}?”|^[ \t]*>.*$", re.M
)
_SHOUTING = re.compile(r"\b[A-Z]{2,}\b")


def _regions(text: str, skip_quotes: bool) -> list[tuple[int, int]]:
    """Stretches of text not to check: ignored lines, and (if asked) code and quotations."""
    spans: list[tuple[int, int]] = []
    for m in re.finditer(r"^.*" + re.escape(IGNORE_LINE) + r".*$", text, re.M):
        spans.append((m.start(), m.end()))
    if skip_quotes:
        for regex in (_FENCE, _INLINE_CODE, _QUOTE):
            spans += [(m.start(), m.end()) for m in regex.finditer(text)]
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _inside(spans: list[tuple[int, int]], starts: list[int], offset: int) -> bool:
    index = bisect.bisect_right(starts, offset) - 1
    return index >= 0 and spans[index][0] <= offset < spans[index][1]


def check_text(
    text: str, checker: Checker, path: str = "-", skip_quotes: bool = False
) -> list[Finding]:
    """Every finding in one text, in order."""
    if IGNORE_FILE in text:
        return []
    spans = _regions(text, skip_quotes)
    span_starts = [s for s, _ in spans]
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def where(offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(line_starts, offset)
        return line, offset - line_starts[line - 1] + 1

    findings: list[Finding] = []
    for start, end, entry in checker.phrases(text):
        if _inside(spans, span_starts, start):
            continue
        line, column = where(start)
        shown = " ".join(text[start:end].split())
        findings.append(Finding(path, line, column, shown, entry.why, entry.suggestions))
    seen: set[str] = set()
    for m in _ABBREVIATION.finditer(text):
        word = m.group(1)
        if word in seen or word in checker.known or not any(c.isalpha() for c in word[1:]):
            continue
        seen.add(word)
        if _inside(spans, span_starts, m.start()) or _spelled_out(text, m.start(), m.end()):
            continue
        line_text = text[line_starts[where(m.start())[0] - 1] :].split("\n", 1)[0]
        if len(_SHOUTING.findall(line_text)) >= 3:
            seen.discard(word)  # a line in capitals is shouting, not abbreviating
            continue
        line, column = where(m.start())
        findings.append(
            Finding(
                path,
                line,
                column,
                word,
                "An abbreviation that is not spelled out shuts out anyone who does not know it.",
                [f"spell it out the first time, like 'Full Name ({word})'"],
                "abbreviation",
            )
        )
    findings.sort(key=lambda f: (f.line, f.column))
    return findings


def _spelled_out(text: str, start: int, end: int) -> bool:
    """'Care Quality Commission (CQC)' or 'CQC (Care Quality Commission)' at first use."""
    before = text[max(0, start - 3) : start].rstrip("`'\"")
    after = text[end : end + 4].lstrip("`'\" ")
    return before.endswith("(") or after.startswith("(")


# --------------------------------------------------------------------------- documents


class DocumentError(CoprodError):
    """A file that cannot be checked; the others still are."""


def read_document(path: Path) -> str:
    """The text of a plain-text, Markdown or .docx file."""
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
            return _docx_text(path)
        data = path.read_bytes()
    except FileNotFoundError:
        raise DocumentError(f"{path}: there is no file here. Fix: check the name.") from None
    except PermissionError:
        raise DocumentError(f"{path}: coprod is not allowed to read this file.") from None
    except OSError as e:
        raise DocumentError(f"{path}: the file cannot be read ({e.strerror}).") from None
    return decode_document(data, str(path))


def decode_document(data: bytes, shown: str) -> str:
    if b"\x00" in data[:8192]:
        raise DocumentError(
            f"{shown}: this looks like a binary file, not text. "
            "Fix: check plain text, Markdown or .docx files."
        )
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as e:
        before = data[: e.start]
        line = before.count(b"\n") + 1
        column = e.start - (before.rfind(b"\n") + 1) + 1
        raise DocumentError(
            f"{shown}:{line}:{column}: this is not UTF-8 text. "
            "Fix: save it again as UTF-8 (most editors offer it under 'Save as')."
        ) from None


def _docx_text(path: Path) -> str:
    """The paragraphs of a Word document, one per line, from its XML (no extra library)."""
    from xml.etree import ElementTree

    word = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("word/document.xml")
            if info.file_size > 50_000_000:
                raise DocumentError(f"{path}: the document is too large to check.")
            root = ElementTree.fromstring(archive.read(info))
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError):
        raise DocumentError(
            f"{path}: this is not a Word document that coprod can read. "
            "Fix: save it again as .docx, or as plain text."
        ) from None
    paragraphs = []
    for paragraph in root.iter(f"{word}p"):
        paragraphs.append("".join(t.text or "" for t in paragraph.iter(f"{word}t")))
    return "\n".join(paragraphs) + "\n"


# --------------------------------------------------------------------------- finding the lists


@dataclass
class WordLists:
    lists: list[WordList]
    broken: list[CoprodError]

    def checker(self) -> Checker:
        entries = [e for w in self.lists for e in w.entries]
        known = {a for w in self.lists for a in w.known_abbreviations}
        return Checker(entries, known)

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
