"""Checking documents for words that undermine co-production.

The words are content, not code: YAML word lists in a `language` folder beside
the exercises. Each entry has a phrase, its other forms, why it jars, what to
try instead, and examples that must and must not match (which the tests run).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from pydantic import Field, ValidationError, model_validator

from coprod_toolkit.base import Slug, Strict, new_list
from coprod_toolkit.errors import CoprodError, FileProblems, NotFound, Problem
from coprod_toolkit.i18n import _
from coprod_toolkit.language_read import (
    MAX_DOCUMENT_BYTES,
    DocumentError,
    decode_document,
    decode_pieces,
    document_pieces,
    read_document,
    stream_pieces,
)
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
from coprod_toolkit.yamlfile import read_yaml, validation_problems, where

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
    "decode_pieces",
    "document_pieces",
    "load_word_list",
    "read_document",
    "stream_pieces",
]


class Examples(Strict):
    match: list[str] = Field(min_length=1, description="Sentences the entry must find.")
    near_miss: list[str] = Field(
        min_length=1, description="Sentences that look close but must not be flagged."
    )


class Entry(Strict):
    """One phrase that undermines co-production, and what to say instead."""

    phrase: str = Field(min_length=2, description="The phrase, as people usually write it.")
    variants: list[str] = Field(
        default_factory=new_list,
        description="Other forms to find: plurals, -ing and -ed forms, hyphenated spellings.",
    )
    why: str = Field(min_length=10, description="Why it jars, in one plain sentence.")
    suggestions: list[str] = Field(min_length=1, description="What to write instead.")
    unless_followed_by: list[str] = Field(
        default_factory=new_list,
        description="Words that, straight after the phrase, mean it is used harmlessly.",
    )
    unless_preceded_by: list[str] = Field(
        default_factory=new_list,
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
                    _(
                        "'{form}': a gap (… or ...) stands for words in the middle of a phrase. "
                        "Fix: put words before and after it, like 'give … a voice'."
                    ).format(form=form)
                )
        return self


class WordList(Strict):
    """One word-list file."""

    id: Slug
    title: str
    language: str = Field(
        "en",
        pattern=r"^[a-z]{2,3}$",
        description=(
            "The language of the words in this list, as a code: en (English), cy (Welsh). "
            "A document is checked with the lists in its own language."
        ),
    )
    reviewed: bool = Field(
        True, description="false while the list awaits review by a first-language speaker."
    )
    note: str = Field("", description="A note for whoever edits the list; never shown.")
    entries: list[Entry] = Field(default_factory=new_list)
    known_abbreviations: list[str] = Field(
        default_factory=new_list,
        description="Abbreviations everyone knows, which need no spelling out (NHS, UK).",
    )
    ordinary_words: list[str] = Field(
        default_factory=new_list,
        description=(
            "Ordinary words people write in capitals for emphasis (LOVE, SAID), "
            "which are never taken for abbreviations."
        ),
    )

    @model_validator(mode="after")
    def _something(self) -> WordList:
        if not self.entries and not self.known_abbreviations and not self.ordinary_words:
            raise ValueError(
                _(
                    "this word list is empty. Fix: add 'entries:', 'known_abbreviations:' "
                    "or 'ordinary_words:'"
                )
            )
        return self


def load_word_list(path: Path) -> WordList:
    """Read and check one word list, or raise FileProblems with every problem in it."""
    data, marks, _raw = read_yaml(path, "word list")  # i18n-ok: the kind of file, for the loader
    shown = str(path)
    try:
        words = WordList.model_validate(data)
    except ValidationError as e:
        raise FileProblems(
            shown,
            validation_problems(shown, data, marks, e, WordList),
            "word list",  # i18n-ok: the kind of file, as errors.py says it
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
                        where(("entries", index)),
                        _(
                            "'{form}' is already listed in {place}. Fix: keep it in one entry only."
                        ).format(form=form, place=where(("entries", seen[key]))),
                    )
                )
            seen.setdefault(key, index)
    if problems:
        raise FileProblems(shown, problems, "word list")  # i18n-ok: as above
    return words


_normal = normal


# --------------------------------------------------------------------------- finding the lists


@dataclass
class WordLists:
    lists: list[WordList]
    broken: list[CoprodError]

    def checker(self) -> Checker:
        """One checker for every list (the command picks lists by language: language_run)."""
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
        message = _("'{phrase}' is not in coprod's word lists.").format(phrase=phrase)
        if guess:
            message += " " + _("Did you mean '{topic}'?").format(topic=guess[0])
        raise NotFound(
            message
            + " "
            + _(
                "Fix: run 'coprod language --explain' with a phrase from the list, "
                "or see them all in exercises/language/."
            )
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
