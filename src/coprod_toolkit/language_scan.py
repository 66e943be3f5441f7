"""The engine behind `coprod language`: one pass over a document, a piece at a time.

It imports nothing but the standard library (no pydantic, no YAML), so the
command can start quickly from a cached copy of the word lists. The word lists
themselves, and reading documents, are in language.py.

A document is fed in pieces of any size (`Scan.feed`, then `Scan.close`). Text
is checked a block at a time, and the last few thousand characters of each
block are kept back and checked with the next, so a phrase split across a line
break, a quotation over several lines and a spelled-out abbreviation are seen
whole wherever the pieces happen to be cut. Memory stays the same however long
the document is.
"""

from __future__ import annotations

import bisect
import operator
import re

# Only the type checker reads these imports: leaving typing, dataclasses and
# collections.abc out keeps `coprod language` quick to start.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence
    from typing import Protocol
else:
    Protocol = object

IGNORE_LINE = "coprod: ignore"  # i18n-ok: people type it, in every language
IGNORE_FILE = "coprod: ignore-file"  # i18n-ok
GAP = "…"  # in a phrase: one to three words of any kind, as in "give … a voice"

BLOCK = 1 << 18  # characters checked at a time
_MARGIN = 4096  # characters kept back at the end of a block, to be checked with the next
_LONG_LINE = 1 << 20  # a line longer than this is checked in parts
_LOOK = 40  # how far before and after a phrase its harmless company is looked for


class Rule(Protocol):
    """What the engine needs from a word-list entry (language.Entry, or a cached copy)."""

    @property
    def phrase(self) -> str: ...
    @property
    def why(self) -> str: ...
    @property
    def suggestions(self) -> list[str]: ...
    @property
    def unless_followed_by(self) -> list[str]: ...
    @property
    def unless_preceded_by(self) -> list[str]: ...

    def forms(self) -> list[str]: ...


def normal(text: str) -> str:
    """Lower case, one space between words, one kind of apostrophe, '...' as '…'."""
    text = text.casefold().replace("’", "'").replace("...", GAP)
    return " ".join(text.replace(GAP, f" {GAP} ").split())


def _key(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


# --------------------------------------------------------------------------- phrases


def _units(form: str, quick: bool = False) -> list[str]:
    """A form as regex pieces: any spacing or line break between words, either apostrophe.

    `quick` pieces are for the text as the quick search sees it, where '?' stands
    for any character beyond plain ASCII (see Checker.matches): they let '?' in
    wherever such a character could be, and each such match is checked again.
    """
    other = "?" if quick else ""
    space = rf"[\s{other}]+" if quick else r"\s+"
    units: list[str] = []
    words = normal(form).split(" ")
    for index, word in enumerate(words):
        if word == GAP:
            units.append(rf"(?:[\w'’{other}-]+{space}){{1,3}}")  # brings its own spacing
            continue
        for ch in word:
            units.append(f"['’{other}]" if ch == "'" else re.escape(ch))
        if index < len(words) - 1:
            units.append(space)
    return units


def _trie_regex(forms: Iterable[str], quick: bool = False) -> str:
    """One regular expression for many forms, sharing their common beginnings.

    Python's regex engine tries every branch of a plain alternation at every
    word; a trie tries only the branches that start with the letter in front
    of it, which makes checking a long document several times faster.
    """
    end = ""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for form in forms:
        node = trie
        for unit in _units(form, quick):
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


def _words_regex(words: str) -> str:
    """Words as a regex that ends where a word ends (punctuation stands for itself)."""
    pattern = "".join(_units(words))
    return pattern + r"(?!\w)" if words.strip()[-1:].isalnum() else pattern


class Checker:
    """Every entry of every word list, compiled into one pass over the text."""

    def __init__(
        self,
        entries: Sequence[Rule],
        known: set[str],
        ordinary: set[str] | None = None,
        alternation: str | None = None,
        abbreviations: bool = True,
    ) -> None:
        """`alternation` is a saved copy of this checker's `alternation`, to start faster.

        `abbreviations` is false when there is no list of abbreviations for the language of
        the document: then abbreviations are not looked for at all.
        """
        self.entries = entries
        self.abbreviations = abbreviations
        self.known = known
        self.ordinary = {w.upper() for w in ordinary or ()}
        self._by_form: dict[str, Rule] = {}
        self._found: dict[str, Rule] = {}
        self._after: dict[int, re.Pattern[str] | None] = {}
        self._before: dict[int, re.Pattern[str] | None] = {}
        self._last_word: dict[int, tuple[str, ...] | None] = {}
        self._particular: set[int] = set()  # entries with harmless company to look for
        for entry in entries:
            for form in entry.forms():
                self._by_form.setdefault(normal(form), entry)
            if entry.unless_followed_by or entry.unless_preceded_by:
                self._particular.add(id(entry))
        self.alternation = alternation or _trie_regex(self._by_form, quick=True) or r"(?!x)x"
        # The quick search runs on the text lower-cased, with anything beyond plain
        # ASCII shown as '?', and looks for a phrase after a character that cannot be
        # part of a word: one class of ASCII characters, which the regex engine can
        # skip to fast, instead of trying every letter of every word.
        self._fast = re.compile(
            r"[\x00-\x2c\x2e\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7f]"
            rf"(?:{self.alternation})(?![\w-])"
        )
        self._slow_regex: re.Pattern[str] | None = None
        self._gapped_regexes: list[tuple[re.Pattern[str], Rule]] | None = None

    @property
    def _slow(self) -> re.Pattern[str]:
        """The exact search, on the text as it is: for the few places the quick one is unsure."""
        if self._slow_regex is None:
            alternation = _trie_regex(self._by_form) or r"(?!x)x"
            self._slow_regex = re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE)
        return self._slow_regex

    @property
    def _gapped(self) -> list[tuple[re.Pattern[str], Rule]]:
        """The forms with a gap in them, each as its own regex, to tell which one matched."""
        if self._gapped_regexes is None:
            self._gapped_regexes = [
                (re.compile("".join(_units(key))), entry)
                for key, entry in self._by_form.items()
                if GAP in key
            ]
        return self._gapped_regexes

    def entry_for(self, matched: str) -> Rule:
        found = self._found.get(matched)
        if found is not None:
            return found
        key = _key(matched)
        entry = self._by_form.get(key)
        if entry is None:
            entry = next((e for regex, e in self._gapped if regex.fullmatch(key)), None)
        if entry is None:
            # The exact search ignores case as Python's regexes do, where a long 's'
            # ('ſ') is an 's' and a dotless 'ı' an 'i', though lower() keeps them as
            # they are: ask each form the same way (rare, so slow is fine).
            entry = next(
                e
                for form, e in self._by_form.items()
                if re.fullmatch("".join(_units(form)), matched, re.IGNORECASE)
            )
        if len(self._found) < 10_000:
            self._found[matched] = entry
        return entry

    def _company(self, entry: Rule) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
        """Harmless company, as regexes: "engagement" + "ring", "got" + "engaged"."""
        key = id(entry)
        if key not in self._after:
            after = before = None
            if entry.unless_followed_by:
                words = "|".join(_words_regex(w) for w in entry.unless_followed_by)
                after = re.compile(rf"\s*(?:{words})", re.IGNORECASE)
            if entry.unless_preceded_by:
                words = "|".join(_words_regex(w) for w in entry.unless_preceded_by)
                before = re.compile(rf"(?<!\w)(?:{words})\s*\Z", re.IGNORECASE)
            self._after[key], self._before[key] = after, before
            last = tuple(_key(w).split(" ")[-1] for w in entry.unless_preceded_by)
            # A quick first test of the word just before: only then the regex.
            self._last_word[key] = None if any("'" in w or not w for w in last) else last
        return self._after[key], self._before[key]

    def _harmless(self, entry: Rule, text: str, start: int, end: int, before: str) -> bool:
        after, earlier = self._company(entry)
        if after is not None and after.match(text, end):
            return True
        if earlier is not None:
            window = text[max(0, start - _LOOK) : start]
            if start < _LOOK:
                window = before[len(before) - (_LOOK - start) :] + window
            last = self._last_word[id(entry)]
            if last is not None and not window.rstrip().lower().endswith(last):
                return False
            if earlier.search(window):
                return True
        return False

    def matches(
        self, text: str, lowered: str | None, start: int, stop: int, before: str = ""
    ) -> Iterator[tuple[int, int, Rule]]:
        """(start, end, entry) for phrases starting in text[start:stop].

        `lowered` is text.lower() when that has the same length, else None;
        `before` is the text just before `text`, for entries that look back.
        """
        found = self._found
        particular = self._particular
        position = start
        if lowered is None:  # lower case changes its length (like 'İ'): the exact search
            search = self._slow.search
            while (m := search(text, position)) is not None and m.start() < stop:
                begin, position = m.span()
                entry = self.entry_for(m.group())
                if id(entry) in particular and self._harmless(entry, text, begin, position, before):
                    continue
                yield begin, position, entry
            return
        # The quick search: '?' marks anything beyond ASCII (a real '?' becomes '!'),
        # and a line break in front means the search can always look at the character
        # before a phrase; so a match at i in `subject` is a phrase at i in `text`,
        # ending one before the match does.
        if "?" in lowered:
            lowered = lowered.replace("?", "!")  # the same to a regex: not a word, not a space
        unsure = not lowered.isascii()  # only then can a match need the exact search
        if unsure:
            lowered = lowered.encode("ascii", "replace").decode("ascii")
        subject = "\n" + lowered
        search = self._fast.search
        while True:
            m = search(subject, position)
            if m is None:
                return
            begin, end = m.start(), m.end() - 1
            if begin >= stop:
                return
            if unsure and "?" in subject[begin : end + 2]:  # beyond ASCII in or around it
                exact = self._slow.match(text, begin)
                if exact is None:
                    position = begin + 1
                    continue
                end = exact.end()
                matched = exact.group()
            else:
                matched = subject[begin + 1 : end + 1]
            position = end
            entry = found.get(matched) or self.entry_for(matched)
            if id(entry) in particular and self._harmless(entry, lowered, begin, end, before):
                continue
            yield begin, end, entry

    def phrases(self, text: str) -> list[tuple[int, int, Rule]]:
        """(start, end, entry) for every phrase found in a whole text."""
        lowered = text.lower()
        return list(
            self.matches(text, lowered if len(lowered) == len(text) else None, 0, len(text))
        )


# --------------------------------------------------------------------------- findings


_ADVICE: dict[tuple[str, ...], str] = {}  # "why. Try: ..." for each entry, made once


class Finding:
    """One thing to look at: where it is, what it is, why it jars and what to try."""

    __slots__ = ("column", "kind", "line", "path", "phrase", "suggestions", "why")
    _ORDER = ("path", "line", "column", "phrase", "why", "suggestions", "kind")

    def __init__(
        self,
        path: str,
        line: int,
        column: int,
        phrase: str,
        why: str,
        suggestions: list[str],
        kind: str = "phrase",  # or "abbreviation"
    ) -> None:
        self.path = path
        self.line = line
        self.column = column
        self.phrase = phrase
        self.why = why
        self.suggestions = suggestions
        self.kind = kind

    def _fields(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self._ORDER)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Finding) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash((self.path, self.line, self.column, self.phrase, self.kind))

    def __repr__(self) -> str:
        return "Finding(" + ", ".join(f"{n}={getattr(self, n)!r}" for n in self._ORDER) + ")"

    def __str__(self) -> str:
        from coprod_toolkit.i18n import language

        key = (language(), self.why, *self.suggestions)
        advice = _ADVICE.get(key)
        if advice is None:
            advice = advice_for(self.why, self.suggestions)
            if len(_ADVICE) < 1000:
                _ADVICE[key] = advice
        return f'{self.path}:{self.line}:{self.column}: "{self.phrase}" — {advice}'

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


def advice_for(why: str, suggestions: list[str]) -> str:
    """Why a phrase jars and what to try instead, as one sentence after the phrase."""
    from coprod_toolkit.i18n import _

    return _("{why} Try: {suggestions}.").format(why=why, suggestions="; ".join(suggestions))


def abbreviation_advice(word: str) -> tuple[str, list[str]]:
    """Why an abbreviation that is not spelled out jars, and what to do, in the language in use."""
    from coprod_toolkit.i18n import _

    why = _("An abbreviation that is not spelled out shuts out anyone who does not know it.")
    return why, [_("spell it out the first time, like 'Full Name ({word})'").format(word=word)]


# Capitals, 2 to 7 of them (and a plural s); that they start a word is checked in Python.
_ABBREVIATION = re.compile(r"([A-Z][A-Z0-9&]{1,6})s?(?![\w&/-])")
_ABBREVIATION_BEFORE = re.compile(r"[\w&/-]")
_CAPITAL_WORD = re.compile(r"\b[A-Z]{2,}\b")
# "coprod: ignore-file" on a line of its own, perhaps inside a comment, perhaps with a
# reason in brackets. Anywhere else (in a sentence, in `code`) it is only a mention.
_FILE_DIRECTIVE = re.compile(
    r"^[ \t]*(?:<!--|#+|//|/\*|;+|%+|\*|--|\.\.)?[ \t]*"
    + re.escape(IGNORE_FILE)
    + r"[ \t]*(?:\([^)\n]*\))?[ \t]*(?:-->|\*/)?[ \t]*$",
    re.M,
)
_FENCE = re.compile(r"^(```|~~~)[^\n]*", re.M)
_INLINE_CODE = re.compile(r"`[^`\n]+`")
_QUOTED = re.compile(r"\"(?:[^\"\n]|\n(?!\n)){0,2000}?\"|“(?:[^”\n]|\n(?!\n)){0,2000}?”")
_BLOCKQUOTE = re.compile(r"^[ \t]*>[^\n]*", re.M)


def in_capitals(line: str, ordinary: set[str]) -> bool:
    """A line written all in capitals, like a heading, is not a row of abbreviations.

    It counts as capitals when it has no lower-case letter and at least half of
    its words in capitals are ordinary words (WHAT WE WILL DO NEXT); a line of
    abbreviations alone (CQC, TLAP, SCIE) is still checked.
    """
    if any(c.islower() for c in line):
        return False
    words = _CAPITAL_WORD.findall(line)
    if len(words) < 2:
        return False
    return 2 * sum(1 for w in words if w in ordinary) >= len(words)


def _line_directive(text: str, at: int, line_start: int) -> bool:
    """Is "coprod: ignore" at `at` a directive, not a mention of one?"""
    after = text[at + len(IGNORE_LINE) : at + len(IGNORE_LINE) + 1]
    if after and (after.isalnum() or after in "-_"):
        return False  # coprod: ignore-file, or a longer word
    before = text[at - 1 : at] if at > line_start else ""
    if before and (before.isalnum() or before in "`\"'“‘"):
        return False
    return text.count("`", line_start, at) % 2 == 0  # not inside `code`


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _inside(spans: list[tuple[int, int]]) -> Callable[[int], bool]:
    """A test of whether an offset is inside one of these sorted, separate spans."""
    starts = [s for s, _ in spans]

    def inside(offset: int) -> bool:
        index = bisect.bisect_right(starts, offset) - 1
        return index >= 0 and spans[index][0] <= offset < spans[index][1]

    return inside


_first = operator.itemgetter(0)


def _spelled_out(text: str, start: int, end: int) -> bool:
    """'Care Quality Commission (CQC)' or 'CQC (Care Quality Commission)' at first use."""
    before = text[max(0, start - 3) : start].rstrip("`'\"")
    after = text[end : end + 4].lstrip("`'\" ")
    return before.endswith("(") or after.startswith("(")


class Scan:
    """Checks one document fed in pieces, and gives its findings in order.

    Call `feed` with each piece of text and `close` at the end; each returns the
    findings it is sure of so far. If the document turns out to carry the
    ignore-file directive, `ignored` becomes true and the findings given so far
    should be dropped.
    """

    def __init__(self, checker: Checker, path: str = "-", skip_quotes: bool = False) -> None:
        self.checker = checker
        self.path = path
        self.skip_quotes = skip_quotes
        self.ignored = False
        self._parts: list[str] = []
        self._size = 0
        self._line = 1  # where the text not yet checked starts
        self._column = 1
        self._before = ""  # the end of the text already checked
        self._resume_phrase = 0  # where to go on looking, past what the last block found
        self._resume_quote = 0
        self._carried: list[tuple[int, int]] = []  # quotations running into the next block
        self._fence_open = False
        self._fence = ""
        self._seen: set[str] = set()

    def feed(self, text: str) -> list[Finding]:
        if self.ignored or not text:
            return []
        self._parts.append(text)
        self._size += len(text)
        if self._size < BLOCK + _MARGIN:
            return []
        return self._check(final=False)

    def close(self) -> list[Finding]:
        if self.ignored:
            return []
        return self._check(final=True)

    # ----------------------------------------------------------------- one block

    def _check(self, final: bool) -> list[Finding]:
        text = "".join(self._parts)
        if final:
            cut = len(text)
        else:
            limit = len(text) - _MARGIN
            cut = text.rfind("\n", 0, limit) + 1
            if cut == 0:
                if len(text) < _LONG_LINE:
                    self._parts = [text]
                    return []
                cut = max(text.rfind(" ", 0, limit), text.rfind("\t", 0, limit)) + 1 or limit
        if IGNORE_FILE in text and _FILE_DIRECTIVE.search(text, 0, cut):
            self.ignored = True
            self._parts = []
            return []
        findings = self._findings(text, cut, final)
        lines = text.count("\n", 0, cut)
        if lines:
            self._line += lines
            self._column = cut - text.rfind("\n", 0, cut)
        else:
            self._column += cut
        self._before = text[max(0, cut - 2 * _LOOK) : cut]
        rest = text[cut:]
        self._parts = [rest] if rest else []
        self._size = len(rest)
        return findings

    def _findings(self, text: str, cut: int, final: bool) -> list[Finding]:
        lower = text.lower()
        lowered = lower if len(lower) == len(text) else None
        skipped, code = self._regions(text, cut, final)
        found: list[tuple[int, int, Rule | None]] = list(
            self.checker.matches(text, lowered, self._resume_phrase, cut, self._before)
        )
        self._resume_phrase = max(0, found[-1][1] - cut) if found else 0
        if skipped:
            in_skipped = _inside(skipped)
            found = [f for f in found if not in_skipped(f[0])]
        # Code is never prose: a word in capitals there is a name, not an abbreviation.
        if self.checker.abbreviations:
            abbreviations = list(self._abbreviations(text, cut, _inside(_merge(skipped + code))))
            if abbreviations:  # phrases and abbreviations are each in order already
                found += abbreviations
                found.sort(key=_first)

        findings: list[Finding] = []
        add = findings.append
        path = self.path
        count = text.count
        line = self._line
        line_start = 1 - self._column  # so the first line's columns come out right
        last = 0
        for start, end, entry in found:
            breaks = count("\n", last, start)
            if breaks:
                line += breaks
                line_start = text.rfind("\n", last, start) + 1
            last = start
            column = start - line_start + 1
            if entry is not None:
                shown = text[start:end]
                if "  " in shown or not shown.isprintable():  # a line break, a tab
                    shown = " ".join(shown.split())
                add(Finding(path, line, column, shown, entry.why, entry.suggestions))
            else:
                word = text[start:end]
                why, suggestions = abbreviation_advice(word)
                findings.append(
                    Finding(self.path, line, column, word, why, suggestions, "abbreviation")
                )
        return findings

    def _regions(
        self, text: str, cut: int, final: bool
    ) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """Stretches not to check (ignored lines, and if asked code and quotations), and code."""
        # One character is found far faster than three of them: look for ``` only if ` is there.
        fenced = ("`" in text and "```" in text) or ("~" in text and "~~~" in text)
        code = self._fences(text, cut, final) if fenced else []
        if self._fence_open and not code:
            code = [(0, cut)]
        if "`" in text:
            code += [m.span() for m in _INLINE_CODE.finditer(text, 0, cut)]
        spans = [(s, e) for s, e in self._carried]
        self._carried = []
        at = text.find(IGNORE_LINE, 0, cut)
        while at != -1:
            line_start = text.rfind("\n", 0, at) + 1
            line_end = text.find("\n", at, cut)
            line_end = cut if line_end == -1 else line_end
            if _line_directive(text, at, line_start):
                spans.append((line_start, line_end))
                at = line_end
            at = text.find(IGNORE_LINE, at + 1, cut)
        if self.skip_quotes:
            spans += code
            spans += [m.span() for m in _BLOCKQUOTE.finditer(text, 0, cut)]
            last_end = 0
            for m in _QUOTED.finditer(text, self._resume_quote):
                if m.start() >= cut:
                    break
                spans.append(m.span())
                last_end = m.end()
                if m.end() > cut:
                    self._carried.append((0, m.end() - cut))
            self._resume_quote = max(0, last_end - cut)
        return _merge(spans), code

    def _fences(self, text: str, cut: int, final: bool) -> list[tuple[int, int]]:
        """Fenced code (``` or ~~~); one left open runs to the end, as in Markdown."""
        spans: list[tuple[int, int]] = []
        opened = 0
        for m in _FENCE.finditer(text, 0, cut):
            if not self._fence_open:
                self._fence_open, self._fence, opened = True, m.group(1), m.start()
            elif m.group(1) == self._fence:
                self._fence_open = False
                spans.append((opened, m.end()))
        if self._fence_open:
            spans.append((opened, cut))
        return spans

    def _abbreviations(
        self, text: str, cut: int, inside: Callable[[int], bool]
    ) -> Iterator[tuple[int, int, None]]:
        known = self.checker.known
        ordinary = self.checker.ordinary
        seen = self._seen
        part_of_word = _ABBREVIATION_BEFORE.match
        for m in _ABBREVIATION.finditer(text):
            word = m.group(1)
            if word in seen:  # most capitals are a second use: the quickest test first
                if m.start() >= cut:
                    return
                continue
            start = m.start()
            if start >= cut:
                return
            if start > 0 and part_of_word(text, start - 1):
                continue
            if word in known or word in ordinary:
                continue
            if not any(c.isalpha() for c in word[1:]):
                continue
            seen.add(word)
            if inside(start) or _spelled_out(text, start, m.end()):
                continue
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", start)
            line = text[line_start : len(text) if line_end == -1 else line_end]
            if in_capitals(line, ordinary):
                seen.discard(word)  # a heading in capitals: look again at its next use
                continue
            yield start, start + len(word), None


def check_text(
    text: str, checker: Checker, path: str = "-", skip_quotes: bool = False
) -> list[Finding]:
    """Every finding in one text, in order."""
    scan = Scan(checker, path, skip_quotes)
    findings = scan.feed(text) + scan.close()
    return [] if scan.ignored else findings


# ------------------------------------------------------------------ the document's language

# Short words that are very common in one language and rare in the other: enough of them
# tell Welsh from English. Words both languages use ("a", "i", "am") are left out.
_WELSH_WORDS = frozenset(
    (  # noqa: SIM905 - a sentence of words reads better than a column of them
        "yn y yr ac mae mae'r ar gyda ei eu ein eich sy'n sydd wedi ydy yw oedd roedd bod "
        "hyn hwn hynny fel neu ond gan ni chi nhw ddim dim fy ym yng mewn hefyd cael gael "
        "i'r o'r a'r â ag dros rhwng sut pwy rydym rydyn ydyn ydym bydd byddwn nad rhaid "
        "gallu gwneud iawn"
    ).split()
)
_ENGLISH_WORDS = frozenset(
    (  # noqa: SIM905
        "the and of to is are was were that this with for it on be we you they have has not "
        "our their from by at as or will can an in which would there been"
    ).split()
)
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
GUESS_CHARACTERS = 20_000  # how much of the start of a document the guess reads
_FEWEST_CLUES = 3  # fewer of these common words than this, and the guess is "cannot tell"
_CLEARLY = 0.75  # the share of clues from one language that makes a document clearly that


def guess_language(text: str) -> list[str]:
    """The language of a text from its commonest short words: ["cy"], ["en"], both
    (["cy", "en"]: Welsh and English together, as in a bilingual leaflet), or [] when
    there is too little to tell. Only the start of the text is read.
    """
    words = _WORD.findall(text[:GUESS_CHARACTERS].lower().replace("’", "'"))
    welsh = sum(1 for w in words if w in _WELSH_WORDS)
    english = sum(1 for w in words if w in _ENGLISH_WORDS)
    clues = welsh + english
    if clues < _FEWEST_CLUES:
        return []
    if welsh >= _CLEARLY * clues:
        return ["cy"]
    if english >= _CLEARLY * clues:
        return ["en"]
    if min(welsh, english) >= _FEWEST_CLUES:
        return ["cy", "en"]
    return []
