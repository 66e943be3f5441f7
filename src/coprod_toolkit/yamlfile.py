"""YAML files -> plain data, with every problem reported at its line and column.

The YAML is read event by event (PyYAML's C parser when present) into plain
dicts and lists while noting where each value stands. Reading events instead of
building a node tree keeps depth and size under our control: no tag can run
code, no alias can multiply, and no nesting can exhaust the stack. Pydantic's
errors are then mapped back to those positions, in plain English.

Every kind of coprod file (exercises, answers, drafts, guides, word lists)
is read through here.
"""

from __future__ import annotations

import difflib
import math
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from coprod_toolkit.base import QUESTION_TYPES
from coprod_toolkit.errors import FileProblems, Problem, file_kind, newer_format
from coprod_toolkit.i18n import N_, _, ngettext, pgettext

MAX_BYTES = 2_000_000
MAX_DEPTH = 40
MAX_VALUES = 200_000

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_resolver = yaml.resolver.Resolver()
_constructor = yaml.constructor.SafeConstructor()
_TAG = "tag:yaml.org,2002:"
# First characters with which a plain scalar might be a number, true/false, null or a
# date; anything else is text, so the resolver's regular expressions can be skipped.
_MAYBE_NOT_TEXT = frozenset("0123456789+-.~<=!&*")
# The only plain words YAML reads as something other than text.
_NOT_TEXT_WORDS = frozenset(
    w
    for word in ("y", "yes", "n", "no", "true", "false", "on", "off", "null")
    for w in (word, word.capitalize(), word.upper())
)
_PLAIN_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_TRUE_WORDS = frozenset(("true", "True", "TRUE"))  # i18n-ok: YAML's words
_FALSE_WORDS = frozenset(("false", "False", "FALSE"))  # i18n-ok: YAML's words
_CONSTRUCTORS: dict[str | None, Any] = yaml.constructor.SafeConstructor.yaml_constructors

Path_ = tuple[str | int, ...]


@dataclass
class Marks:
    """Where each value (and each mapping key) stands in the file, 1-based."""

    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def at(self, path: Path_, key: bool = False) -> tuple[int, int]:
        """The nearest known position: the path itself, else its closest parent."""
        table = self.keys if key else self.values
        if path in table:
            return table[path]
        for cut in range(len(path), -1, -1):
            if path[:cut] in self.values:
                return self.values[path[:cut]]
        return (1, 1)


class LazyMarks(Marks):
    """Positions worked out only when a problem needs one: a valid file never pays for them."""

    def __init__(self, text: str, path: str) -> None:
        super().__init__()
        self._text: str | None = text
        self._path = path

    def at(self, path: Path_, key: bool = False) -> tuple[int, int]:
        if self._text is not None:
            reader = _Reader(self._path, track=True)
            reader.read(self._text)
            self.values, self.keys = reader.marks.values, reader.marks.keys
            self._text = None
        return super().at(path, key)


def where(path: Path_) -> str:
    """A place in a file, in words that count from 1 as people do.

    ('sections', 2, 'questions', 0, 'scale', 'max') -> 'section 3, question 1, scale.max';
    ('scoring', 'bands', 1, 'min') -> 'scoring, band 2, min'. Names from the file stay as
    written, joined by dots; the number of a scale's label is its point ('labels.5'); a list
    in a list is numbered as in a document ('a, item 1.2').
    """
    chunks: list[str] = []
    keys: list[str] = []
    for index, part in enumerate(path):
        before = path[index - 1] if index else None
        if isinstance(part, int) and not isinstance(part, bool) and before != "labels":
            if isinstance(before, int) and chunks and not keys:
                chunks[-1] += f".{part + 1}"  # a list in a list: 'item 1.2', as in a document
                continue
            numbered = _numbered(before, part + 1)
            if numbered is not None and keys:
                keys.pop()  # named with its number instead: 'section 2', not 'sections'
            if keys:
                chunks.append(".".join(keys))
                keys = []
            chunks.append(
                numbered or pgettext("a place in a file", "item {number}").format(number=part + 1)
            )
        else:
            keys.append(str(part))
    if keys:
        chunks.append(".".join(keys))
    return ", ".join(chunks)


def _numbered(name: object, number: int) -> str | None:
    """One item of a list named for what it holds: ('sections', 2) -> 'section 2'."""
    if name == "sections":
        return pgettext("a place in a file", "section {number}").format(number=number)
    if name == "questions":
        return pgettext("a place in a file", "question {number}").format(number=number)
    if name == "options":
        return pgettext("a place in a file", "option {number}").format(number=number)
    if name == "steps":
        return pgettext("a place in a file", "step {number}").format(number=number)
    if name == "bands":
        return pgettext("a place in a file", "band {number}").format(number=number)
    if name == "verdicts":
        return pgettext("a place in a file", "verdict {number}").format(number=number)
    if name == "principles":
        return pgettext("a place in a file", "principle {number}").format(number=number)
    if name == "people":
        return pgettext("a place in a file", "person {number}").format(number=number)
    return None


class _Unusual(Exception):
    """The quick reader met something only the careful reader can report on."""


def _written_as_text(value: str, tag: str) -> bool:
    """YAML 1.1's rarer ways of writing a number, which people mean as text: a time
    (12:30 would be 750), a leading zero (007 would be 7, 010 octal 8), 1_000, 0x1F."""
    digits = value.lstrip("+-")
    return (
        ":" in value
        or "_" in value
        or digits[:2].lower() in ("0x", "0o", "0b")
        or (tag == _TAG + "int" and len(digits) > 1 and digits[0] == "0")
    )


def _quick_read(text: str) -> Any:
    """Plain data from YAML that has nothing unusual in it, as fast as events allow.

    It keeps no positions and checks nothing beyond what data needs: anything
    out of the ordinary (tags, anchors, aliases, repeated keys, deep nesting,
    several documents, odd keys or values) raises _Unusual, and the careful
    reader then reads the file again to say what is wrong and where.
    """
    loader = _Loader(text)
    try:
        return _quick_events(loader.get_event)
    finally:
        loader.dispose()


def _quick_events(next_event: Any) -> Any:
    """_quick_read's loop over the parser's events.

    Reading a file is mostly this loop (hundreds of events per exercise), so it
    asks the parser for each event itself rather than through yaml.parse's
    generator, keeps the container being filled in local variables rather than
    on top of a stack, and takes a plain word or a quoted text without calling
    _Reader.scalar (which it calls for anything that might be a number, a
    true/false, a null or a tag).
    """
    reader = _Reader("", track=False)
    scalar_event = yaml.ScalarEvent
    mapping_start, sequence_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
    ends = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    collection_tags = (None, "!", _TAG + "map", _TAG + "seq")
    maybe_not_text, not_text_words = _MAYBE_NOT_TEXT, _NOT_TEXT_WORDS
    key_types = _KEY_TYPES
    outer: list[tuple[Any, Any]] = []  # (container, pending key) of each enclosing level
    container: Any = None  # the mapping or list being filled; None at the top
    key: Any = _NO_KEY  # its pending key, when it is a mapping
    root: Any = None
    count = 0
    documents = 0
    while (event := next_event()) is not None:
        kind = type(event)
        if kind is scalar_event:
            if event.anchor is not None:
                raise _Unusual
            value = event.value
            if event.tag is not None or (
                event.implicit[0]
                and (not value or value[0] in maybe_not_text or value in not_text_words)
            ):
                value = reader.scalar(event, ())
                if reader.problems:
                    raise _Unusual
            count += 1
            if count > MAX_VALUES:
                raise _Unusual
        elif kind is mapping_start or kind is sequence_start:
            if event.anchor is not None or event.tag not in collection_tags:
                raise _Unusual
            if len(outer) >= MAX_DEPTH:
                raise _Unusual
            count += 1
            if count > MAX_VALUES:
                raise _Unusual
            outer.append((container, key))
            container = {} if kind is mapping_start else []
            key = _NO_KEY
            continue
        elif kind in ends:
            value = container
            container, key = outer.pop()
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise _Unusual
            continue
        elif kind is yaml.AliasEvent:
            raise _Unusual
        else:
            continue
        if container is None:
            root = value
        elif type(container) is list:
            container.append(value)
        elif key is _NO_KEY:
            if not isinstance(value, key_types) or value in container:
                raise _Unusual
            key = value
        else:
            container[key] = value
            key = _NO_KEY
    return root


_NO_KEY: Any = object()
# What a mapping key may be (a tuple: `str | int | float | bool` would be built anew each time).
_KEY_TYPES = (str, int, float, bool)


class _Reader:
    def __init__(self, path: str, track: bool = True) -> None:
        self.path = path
        self.track = track  # note where every value stands (needed only to report problems)
        self.marks = Marks()
        self.problems: list[Problem] = []

    def problem(self, mark: tuple[int, int], at: Path_, message: str) -> None:
        # What the careful reader finds (tags, anchors, nesting, repeats) is YAML's shape.
        self.problems.append(Problem(self.path, mark[0], mark[1], where(at), message, kind="yaml"))

    def scalar(self, event: Any, at: Path_) -> Any:
        tag = event.tag
        value = event.value
        if tag is None:
            if not event.implicit[0]:
                return value  # quoted: always text
            if value and value[0] not in _MAYBE_NOT_TEXT and value not in _NOT_TEXT_WORDS:
                return value  # plain words: no need to ask the resolver
            # The commonest others, answered as the resolver and constructor would, without
            # their regular expressions and node objects: a whole number of a few digits
            # with no leading zero (a leading zero makes YAML 1.1 read octal; a number of
            # thousands of digits is refused by int(), and reported below), and true or false.
            if (
                len(value) <= 18
                and value.isdigit()
                and value.isascii()
                and (value[0] != "0" or value == "0")
            ):
                return int(value)
            if value in _TRUE_WORDS:
                return True
            if value in _FALSE_WORDS:
                return False
        if tag is None or tag == "!":
            tag = _resolver.resolve(yaml.ScalarNode, value, event.implicit)  # type: ignore[no-untyped-call]
            if tag in (_TAG + "int", _TAG + "float") and _written_as_text(value, tag):
                return value
        elif tag not in _PLAIN_TAGS:
            self.problem(_pos(event), at, _tag_message(tag))
            return None
        if tag not in _PLAIN_TAGS or tag in (_TAG + "str", _TAG + "timestamp"):
            return value  # text, dates kept as written, and YAML's odd '=' and '<<'
        if tag == _TAG + "bool" and value.lower() not in ("true", "false"):
            # YAML 1.1 reads yes/no/on/off as true/false; people mean the words.
            return value
        try:
            # The constructor's own function for the tag, called directly: construct_object
            # would also keep every node it ever built, for the life of the process.
            return _CONSTRUCTORS[tag](_constructor, yaml.ScalarNode(tag, value))
        except (yaml.YAMLError, ValueError, IndexError):  # IndexError: '!!float' with no value
            self.problem(
                _pos(event),
                at,
                # Translators: {type} is YAML's name for a kind of value: int, float, bool, null.
                _("'{value}' cannot be read as {type}.").format(
                    value=value, type=tag.removeprefix(_TAG)
                ),
            )
            return value

    def read(self, text: str, loader: Any = None) -> Any:
        """Build plain data from the events, iteratively, with limits."""
        stack: list[tuple[Any, Path_, Any]] = []  # (container, path, pending key or None)
        self._root: Any = None
        documents = 0
        count = 0
        events = yaml.parse(text, Loader=loader or _Loader)
        scalar_event = yaml.ScalarEvent
        for event in events:
            # Most events are plain scalars: take them first, and cheaply.
            if type(event) is scalar_event and not event.anchor:
                count += 1
                if count > MAX_VALUES:
                    self.problem(_pos(event), (), _too_many_values())
                    break
                if stack and stack[-1][2] is None and type(stack[-1][0]) is dict:
                    self._key(stack, self.scalar(event, stack[-1][1]), event)
                    continue
                at = self._path(stack)
                value = self.scalar(event, at)
                if self.track:
                    self.marks.values.setdefault(at, _pos(event))
                self._place(stack, value)
                continue
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    self.problem(
                        _pos(event),
                        (),
                        _(
                            "this file holds more than one YAML document ('---' part-way "
                            "through). Fix: keep one exercise per file and remove the extra '---'."
                        ),
                    )
                    break
                continue
            if isinstance(event, yaml.AliasEvent):
                self.problem(
                    _pos(event),
                    self._path(stack),
                    _(
                        "YAML aliases ('*name') are not allowed in coprod files. "
                        "Fix: write the content out in full where it is needed."
                    ),
                )
                break
            if isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                finished = stack.pop()[0]
                self._place(stack, finished)
                continue
            if not isinstance(event, yaml.NodeEvent):
                continue
            count += 1
            if count > MAX_VALUES:
                self.problem(_pos(event), (), _too_many_values())
                break
            if getattr(event, "anchor", None):
                self.problem(
                    _pos(event),
                    self._path(stack),
                    _(
                        "YAML anchors ('&{anchor}') are not allowed in coprod files. "
                        "Fix: remove the anchor and write the content out in full."
                    ).format(anchor=event.anchor),
                )
                break
            at = self._path(stack)
            if isinstance(event, yaml.CollectionStartEvent):
                tag = event.tag
                if tag not in (None, "!", _TAG + "map", _TAG + "seq"):
                    self.problem(_pos(event), at, _tag_message(tag))
                    break
                if len(stack) >= MAX_DEPTH:
                    self.problem(
                        _pos(event),
                        at,
                        _(
                            "the file is nested more than {depth} levels deep. "
                            "Fix: an exercise needs only a few levels; check the indentation."
                        ).format(depth=MAX_DEPTH),
                    )
                    break
                container: Any = {} if isinstance(event, yaml.MappingStartEvent) else []
                if self.track:
                    self.marks.values.setdefault(at, _pos(event))
                stack.append((container, at, None))
                continue
            value = self.scalar(event, at)
            if stack and isinstance(stack[-1][0], dict) and stack[-1][2] is None:
                self._key(stack, value, event)
                continue
            if self.track:
                self.marks.values.setdefault(at, _pos(event))
            self._place(stack, value)
        return self._root if not stack else None

    def _path(self, stack: list[tuple[Any, Path_, Any]]) -> Path_:
        if not stack:
            return ()
        container, at, key = stack[-1]
        if isinstance(container, list):
            return (*at, len(container))
        if type(key) is _Duplicate:
            return (*at, key.key)
        return (*at, key) if key is not None else at

    def _key(self, stack: list[tuple[Any, Path_, Any]], key: Any, event: Any) -> None:
        container, at = stack[-1][0], stack[-1][1]
        if not isinstance(key, str | int | float | bool):
            self.problem(
                _pos(event), at, _("a key here is not plain text. Fix: use a simple name.")
            )
            key = "?"
        if key in container:
            first = self.marks.keys.get((*at, key), (0, 0))[0]
            self.problem(
                _pos(event),
                (*at, key),
                _(
                    "'{key}' appears twice here (first on line {line}). "
                    "Fix: keep one of them and delete the other."
                ).format(key=key, line=first),
            )
            stack[-1] = (container, at, _Duplicate(key))
            return
        if self.track:
            self.marks.keys[(*at, key)] = _pos(event)
        stack[-1] = (container, at, key)

    def _place(self, stack: list[tuple[Any, Path_, Any]], value: Any) -> None:
        if not stack:
            self._root = value
            return
        container, at, key = stack[-1]
        if isinstance(container, list):
            container.append(value)
        elif type(key) is _Duplicate:
            stack[-1] = (container, at, None)
        else:
            container[key] = value
            stack[-1] = (container, at, None)


@dataclass(frozen=True)
class _Duplicate:
    """A repeated key, whose value is read but dropped: problems inside it name the key."""

    key: Any


def _pos(event: Any) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _tag_message(tag: str) -> str:
    shown = "!!" + tag.removeprefix(_TAG) if tag.startswith(_TAG) else tag
    return _(
        "the tag '{tag}' is not allowed: coprod files hold only text, numbers, "
        "lists and 'key: value' lines, and never run anything. Fix: remove the tag."
    ).format(tag=shown)


def _too_many_values() -> str:
    return _(
        "this file has more than {count} values, far more than an exercise needs. "
        "Fix: split it into smaller exercises."
    ).format(count=f"{MAX_VALUES:,}")


def _too_big(shown: str, what: str, limit: int, size: int | None = None) -> FileProblems:
    megabytes = limit // 1_000_000
    if size:
        message = _(
            "the file is {size} MB; coprod reads files up to {limit} MB. "
            "Fix: check this is the file you meant."
        ).format(size=f"{size / 1_000_000:.1f}", limit=megabytes)
    else:
        message = _(
            "the file is larger than {limit} MB; coprod reads files up to {limit} MB. "
            "Fix: check this is the file you meant."
        ).format(limit=megabytes)
    return FileProblems(shown, [_whole(shown, message)], what)


def read_bytes(path: Path, what: str = "", limit: int = MAX_BYTES) -> bytes:
    """At most `limit` bytes of a regular file, or FileProblems saying why not.

    The size is judged by what is read, never by what the file system reports, so a
    device (/dev/zero), a named pipe or a huge file is refused at once and in little
    memory: the file is opened without waiting (a pipe with no writer cannot hang
    us), checked to be a regular file, and read up to one byte past the limit.
    """
    import os
    import stat

    shown = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise FileProblems(
            shown,
            [_whole(shown, _("there is no file here. Fix: check the file's name and folder."))],
            what,
        ) from None
    except IsADirectoryError:
        raise FileProblems(
            shown, [_whole(shown, _("this is a folder, not a file."))], what
        ) from None
    except PermissionError:
        raise FileProblems(
            shown, [_whole(shown, _("coprod is not allowed to read this file."))], what
        ) from None
    except OSError as e:
        problem = _whole(shown, _cannot_read(e))
        raise FileProblems(shown, [problem], what) from None
    try:
        status = os.fstat(fd)
        mode = status.st_mode
        if stat.S_ISDIR(mode):
            raise FileProblems(shown, [_whole(shown, _("this is a folder, not a file."))], what)
        if not stat.S_ISREG(mode):
            raise FileProblems(
                shown,
                [
                    _whole(
                        shown,
                        _(
                            "this is not an ordinary file (it is a device, a pipe or a socket), "
                            "so coprod will not read it. Fix: give the path of a saved file."
                        ),
                    )
                ],
                what,
            )
        if status.st_size > limit:
            raise _too_big(shown, what, limit, status.st_size)
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        if left <= 0:
            raise _too_big(shown, what, limit)
        return b"".join(chunks)
    except OSError as e:
        problem = _whole(shown, _cannot_read(e))
        raise FileProblems(shown, [problem], what) from None
    finally:
        os.close(fd)


def _cannot_read(e: OSError) -> str:
    # Translators: {reason} is the system's own words, such as 'Input/output error'.
    return _("the file cannot be read ({reason}).").format(reason=e.strerror)


def read_standard_input(what: str = "answers") -> tuple[dict[str, Any], Marks]:
    """YAML given on standard input (`--answers -`), bounded like a file. Raises FileProblems."""
    import sys

    # Translators: where the answers came from, in place of a file's name (--answers -).
    shown = _("standard input")
    stream = getattr(sys.stdin, "buffer", None)
    try:
        if stream is not None:
            data = stream.read(MAX_BYTES + 1)
        else:  # a text stream (as in tests): measured in UTF-8 all the same
            data = sys.stdin.read(MAX_BYTES + 1).encode("utf-8")
    except OSError as e:
        raise FileProblems(
            shown,
            [_whole(shown, _("it cannot be read ({reason}).").format(reason=e.strerror))],
            what,
        ) from None
    if len(data) > MAX_BYTES:
        raise _too_big(shown, what, MAX_BYTES)
    return parse_yaml(decode(data, shown, what), shown, what)


def read_text(path: Path, what: str = "") -> tuple[str, bytes]:
    """Read a file as UTF-8 text, refusing what is not a small text file."""
    data = read_bytes(path, what)
    return decode(data, str(path), what), data


def looks_like_utf16(data: bytes) -> bool:
    """Text saved as UTF-16 (Windows Notepad's 'Unicode'): a UTF-16 byte-order mark, or
    a zero byte beside nearly every letter, as plain letters are in UTF-16."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return True
    sample = data[:4096]
    if len(sample) < 4 or b"\x00" not in sample:
        return False
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    return (odd > half * 0.6 and even < half * 0.1) or (even > half * 0.6 and odd < half * 0.1)


def utf16_message() -> str:
    """What to do with a UTF-16 file: said the same by every command that reads one."""
    return _(
        "this is UTF-16 text (Windows Notepad calls it 'Unicode'), and coprod reads only "
        "UTF-8. Fix: open it in Notepad, choose File > Save as, set 'Encoding' to UTF-8 and "
        "save it (other editors offer UTF-8 under 'Save as' too)."
    )


def binary_message() -> str:
    """What coprod says of a file that is not text at all (`coprod language` too)."""
    return _(
        "this is not a text file (it may be a picture, a program or a damaged file), so "
        "coprod cannot read it. Fix: move it out of this folder, or open it in a text "
        "editor to check what it is."
    )


def decode(data: bytes, shown: str, what: str = "") -> str:
    """UTF-8 bytes as text (without a byte-order mark), or FileProblems saying where not."""
    # For a UTF-8 file (no zero bytes) this costs one search of its first 4 KB.
    if looks_like_utf16(data):
        problem = Problem(shown, 1, 1, "", utf16_message(), kind="not-text")
        raise FileProblems(shown, [problem], what)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        before = data[: e.start]
        line = before.count(b"\n") + 1
        column = e.start - (before.rfind(b"\n") + 1) + 1
        # A program or a picture has zero bytes too: say what `coprod language` says of it.
        message = (
            binary_message()
            if b"\x00" in data
            else _(
                "this is not UTF-8 text, so coprod cannot read it. Fix: save the file "
                "again as UTF-8 (most editors offer it under 'Save as')."
            )
        )
        raise FileProblems(
            shown, [Problem(shown, line, column, "", message, kind="not-text")], what
        ) from None
    return text.removeprefix("\ufeff")


# libyaml's words for a problem (matched, so kept as libyaml writes them), with what it
# means and how to fix it in plain words (translated when shown; see _yaml_message).
_YAML_PROBLEMS = [
    (
        "while scanning a quoted scalar",  # i18n-ok
        N_("a quote is opened here but never closed"),
        N_("add the closing quote"),
    ),
    (
        "found a tab character",  # i18n-ok
        N_("a tab is used for indentation here"),
        N_("indent with spaces, never tabs"),
    ),
    (
        "expected ',' or ']'",  # i18n-ok
        N_("a list in square brackets is not closed"),
        N_("add the closing ']', and separate the items with commas"),
    ),
    (
        "expected ',' or '}'",  # i18n-ok
        N_("a group in curly brackets is not closed"),
        N_("add the closing '}', and separate the items with commas"),
    ),
    (
        "mapping values are not allowed",  # i18n-ok
        N_("there is a ': ' here that does not start a new line of 'name: value'"),
        N_("put the text in quotes, or check the indentation of this line"),
    ),
    (
        "cannot start any token",  # i18n-ok
        N_("a tab or a symbol here cannot start a value"),
        N_("indent with spaces, never tabs, and put text that starts with a symbol in quotes"),
    ),
    (
        "could not find expected ':'",  # i18n-ok
        N_("a line here has no ': ' after its name"),
        N_("write it as 'name: value', or put the text in quotes"),
    ),
    (
        "did not find expected key",  # i18n-ok
        N_("the indentation does not line up with the lines around it"),
        N_("line this up with the other names at the same level"),
    ),
    (
        "did not find expected '-' indicator",  # i18n-ok
        N_("a list item does not line up with the others"),
        N_("start every item of a list at the same indentation"),
    ),
    (
        # libyaml's own limit, met before coprod's on some builds of PyYAML.
        "exceeded maximum nesting depth",  # i18n-ok
        N_("the file is nested more than {depth} levels deep"),
        N_("an exercise needs only a few levels; check the indentation"),
    ),
    (
        "found unknown escape character",  # i18n-ok
        N_("a backslash inside double quotes starts something YAML does not know"),
        N_("put the text in single quotes instead, or write two backslashes (\\\\) for one"),
    ),
    (
        "did not find expected node content",  # i18n-ok
        N_("a value is missing here, such as after '[' or '-'"),
        N_("finish the list or the value, or put the text in quotes"),
    ),
    (
        "did not find expected <document start>",  # i18n-ok
        N_("there is more after the end of the file's content (a '...' line)"),
        N_("remove the '...' line, or what comes after it"),
    ),
    (
        "found unknown directive name",  # i18n-ok
        N_("a line here starts with '%', which YAML reads as an instruction"),
        N_("put the text in quotes"),
    ),
    (
        "did not find expected alphabetic or numeric character",  # i18n-ok
        N_("a '&' or '*' here must be followed by a name"),
        N_("put the text in quotes"),
    ),
    (
        "found unexpected end of stream",  # i18n-ok
        N_("the file ends in the middle of something, such as an unclosed quote or bracket"),
        N_("close every quote and bracket"),
    ),
]


def _yaml_message(e: yaml.MarkedYAMLError) -> str:
    """libyaml's wording, put into plain words where we know what it means."""
    said = f"{e.context or ''} {e.problem or ''}"
    for phrase, what, fix in _YAML_PROBLEMS:
        if phrase in said:
            # Translators: {what} is what is wrong ('a tab is used for indentation here'),
            # {fix} how to put it right ('indent with spaces, never tabs').
            return _("the YAML cannot be read here: {what}. Fix: {fix}.").format(
                what=str(what).format(depth=MAX_DEPTH), fix=fix
            )
    return _(
        "the YAML cannot be read here ({reason}). Fix: check the indentation, and put quotes "
        "around text that contains ': ' or starts with a symbol."
    ).format(reason=e.problem or e.context or _("not valid YAML"))


# How the message for a file that is not text starts, in English (history.py looks for it).
BINARY = "this is not a text file"  # i18n-ok


def _control_character(shown: str, text: str, position: int, character: object) -> Problem:
    """A plain message for a character YAML refuses: most often a file that is not text."""
    before = text[:position]
    line = before.count("\n") + 1
    column = position - (before.rfind("\n") + 1) + 1
    code = character if isinstance(character, int) else None
    if isinstance(character, str) and len(character) == 1:
        code = ord(character)
    if "\x00" in text or code is None:
        message = binary_message()
    else:
        message = _(
            "this line holds a hidden control character (code {code}) that a text file "
            "should not have, so coprod cannot read the file. Fix: delete that character "
            "in a text editor, or type the line again."
        ).format(code=code)
    return Problem(shown, line, column, "", message, kind="not-text")


def _whole(path: str, message: str, kind: str = "") -> Problem:
    return Problem(path, 0, 0, "", message, kind=kind)


def read_yaml(path: Path, what: str = "exercise") -> tuple[dict[str, Any], Marks, bytes]:
    """Read a YAML file that must hold one mapping. Raises FileProblems."""
    text, data = read_text(path, what)
    value, marks = parse_yaml(text, str(path), what)
    return value, marks, data


def parse_yaml(text: str, shown: str, what: str = "exercise") -> tuple[dict[str, Any], Marks]:
    """YAML text that must hold one mapping, read safely. Raises FileProblems."""
    reader = _Reader(shown, track=False)
    try:
        try:
            value = _quick_read(text)
        except (_Unusual, yaml.MarkedYAMLError) as e:
            # Read again, carefully, to report what is wrong and where. Some builds of
            # libyaml stop at their own nesting depth before coprod's check is reached:
            # the pure-Python parser reaches it, and says where.
            too_deep = "maximum nesting depth" in str(getattr(e, "problem", ""))  # i18n-ok
            if isinstance(e, yaml.MarkedYAMLError) and not too_deep:
                raise
            reader = _Reader(shown)
            value = reader.read(text, yaml.SafeLoader if too_deep else None)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        if e.context_mark is not None and "quoted scalar" in (e.context or ""):  # i18n-ok
            mark = e.context_mark  # where the quote was opened, not the end of the file
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise FileProblems(
            shown,
            [*reader.problems, Problem(shown, line, column, "", _yaml_message(e), kind="yaml")],
            what,
        ) from None
    except yaml.reader.ReaderError as e:
        problem = _control_character(shown, text, e.position, e.character)
        raise FileProblems(shown, [problem], what) from None
    except yaml.YAMLError as e:
        raise FileProblems(
            shown,
            [_whole(shown, _("the YAML cannot be read ({reason}).").format(reason=e), "yaml")],
            what,
        ) from None
    if reader.problems:
        raise FileProblems(shown, reader.problems, what)
    if value is None or value == "":
        # Translators: {kind} is a kind of file: 'exercise file', 'answers file' and so on.
        empty = _("the file is empty. Fix: start from an example {kind}.")
        raise FileProblems(shown, [_whole(shown, empty.format(kind=file_kind(what)))], what)
    if not isinstance(value, dict):
        shape = (
            _(
                "the file should be made of 'key: value' lines, but it is a list. "
                "Fix: start from an example {kind}."
            )
            if isinstance(value, list)
            else _(
                "the file should be made of 'key: value' lines, but it is a single value. "
                "Fix: start from an example {kind}."
            )
        )
        raise FileProblems(
            shown, [Problem(shown, 1, 1, "", shape.format(kind=file_kind(what)))], what
        )
    marks = reader.marks if reader.track else LazyMarks(text, shown)
    return value, marks


# --------------------------------------------------------------------------- pydantic errors


def _model_at(model: Any, loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    """Follow an error location through the models to the model that holds its last key."""
    current: Any = model
    for part in loc[:-1]:
        current = _unwrap(current, part)
        if current is None:
            return None
    current = _strip(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _strip(tp: Any) -> Any:
    while typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    return tp


def _unwrap(tp: Any, part: str | int) -> Any:
    tp = _strip(tp)
    origin = typing.get_origin(tp)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        if isinstance(part, str) and part in tp.model_fields:
            return tp.model_fields[part].annotation
        return None
    args = [_strip(a) for a in typing.get_args(tp)]
    if origin in (list, tuple):
        return args[0] if args else None
    if origin is dict:
        return args[1] if len(args) == 2 else None
    # a union: a tagged one names its member, otherwise take the first model in it
    for arg in args:
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            type_field = arg.model_fields.get("type")
            if type_field is not None and typing.get_args(type_field.annotation) == (part,):
                return arg
    for arg in args:
        found = _unwrap(arg, part)
        if found is not None:
            return found
    return None


def _data_path(data: Any, loc: tuple[str | int, ...]) -> Path_:
    """Drop the parts of a pydantic location that are not in the data (union tags)."""
    path: list[str | int] = []
    current = data
    tagged: Any = None
    for part in loc:
        if (
            isinstance(current, dict)
            and current is not tagged
            and part in QUESTION_TYPES
            and current.get("type") == part
        ):
            tagged = current  # a scale question's tag is 'scale', and so is its field
            continue  # a union member's tag, not a key of the file
        if _member_name(part) and not (isinstance(current, dict) and part in current):
            continue  # a union member ('Scale', 'constrained-str'), not a key of the file
        if isinstance(current, dict) and part in current:  # noqa: SIM114 (kept apart so each index is typed)
            path.append(part)
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            path.append(part)
            current = current[part]
        else:
            path.append(part)
            current = None
    return tuple(path)


def _member_name(part: str | int) -> bool:
    """Whether a pydantic location part names a union member rather than a key."""
    if not isinstance(part, str):
        return False
    simple = ("str", "int", "float", "bool", "none")
    return part[:1].isupper() or part.startswith("constrained-") or part in simple or "[" in part


def _describe(value: Any) -> str:
    """What a value is, to follow 'but it is' in a message: 'a number', 'a list'.

    Each has the context "but it is ...", as it follows those words in a message such as
    "this should be text, but it is a number".
    """
    if isinstance(value, bool):
        return pgettext("but it is ...", "true/false")
    if isinstance(value, int | float):
        return pgettext("but it is ...", "a number")
    if isinstance(value, str):
        return pgettext("but it is ...", "text")
    if isinstance(value, list):
        return pgettext("but it is ...", "a list")
    if isinstance(value, dict):
        return pgettext("but it is ...", "a group of 'key: value' lines")
    if value is None:
        return pgettext("but it is ...", "empty")
    return type(value).__name__


def _has_decimals(value: Any) -> bool:
    """A finite number with a part after the decimal point, such as 5.5."""
    return isinstance(value, float) and math.isfinite(value) and not value.is_integer()


def _describe_given(value: Any) -> str:
    """_describe, but a short text is quoted: '15 minutes' or '1,5' shows at once what to
    change, where 'text' would not."""
    if isinstance(value, str) and 0 < len(value) <= 40 and "\n" not in value:
        return pgettext("but it is ...", "the text '{value}'").format(value=value)
    return _describe(value)


def _as_written(value: Any) -> str:
    """A value that is not a finite number, as YAML writes it ('.inf', '.nan')."""
    if isinstance(value, float) and not math.isfinite(value):
        return "'.nan'" if math.isnan(value) else ("'.inf'" if value > 0 else "'-.inf'")
    return _describe_given(value)


def _missing_scale(data: Any) -> str:
    """'scale: ...' says too little to someone who has not met a scale before."""
    scales = data.get("scales") if isinstance(data, dict) else None
    names = [str(name) for name in scales] if isinstance(scales, dict) else []
    if names:
        return _(
            "'scale' is missing: a question of type scale needs the scale its answers are "
            "on. Fix: add a line 'scale: NAME' here, naming one of the scales under 'scales' "
            "(this file has: {names}), or write the scale itself: 'scale: {{min: 1, max: 5}}'."
        ).format(names=", ".join(names))
    return _(
        "'scale' is missing: a question of type scale needs the scale its answers are on. "
        "Fix: add a line 'scale: {{min: 1, max: 5}}' here (the lowest and highest answer), "
        "or name a scale that you write under 'scales' at the top of the file."
    ).format()


def _pydantic_problem(
    path: str, data: Any, marks: Marks, error: Any, root: type[BaseModel]
) -> Problem:
    loc = tuple(error["loc"])
    kind = error["type"]
    at = _data_path(data, loc)
    value = error.get("input")
    ctx = error.get("ctx") or {}
    line, column = marks.at(at)
    place = at
    name = str(at[-1]) if at else ""
    if kind == "missing":
        place = at[:-1]
        line, column = marks.at(place)
        if name == "scale" and len(at) > 1 and at[0] == "sections":
            message = _missing_scale(data)
        else:
            message = _("'{name}' is missing. Fix: add a line '{name}: ...' here.").format(
                name=name
            )
    elif kind == "extra_forbidden":
        line, column = marks.at(at, key=True)
        place = at[:-1]
        model = _model_at(root, loc)
        known = list(model.model_fields) if model else []
        guess = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        if guess:
            message = _(
                "'{name}' is not something coprod knows here. Did you mean '{guess}'? "
                "Fix: rename it to '{guess}'."
            ).format(name=name, guess=guess[0])
        elif known:
            message = _(
                "'{name}' is not something coprod knows here. Fix: remove it, or check its "
                "spelling. Allowed here: {known}."
            ).format(name=name, known=", ".join(known))
        else:
            message = _(
                "'{name}' is not something coprod knows here. Fix: remove it, or check its "
                "spelling."
            ).format(name=name)
        key, colon, rest = name.partition(":")
        before = _key_before(data, at)
        if colon and value is None and key.strip() and rest.strip():
            # {min:1, max:5}: with no space after the colon, YAML reads one word, 'min:1'.
            message = (
                _(
                    "'{name}' needs a space after the colon: without it, '{name}' is read as "
                    "one word. Fix: write '{key}: {rest}' (for a scale: {{min: 1, max: 5}})."
                )
                if key in ("min", "max")
                else _(
                    "'{name}' needs a space after the colon: without it, '{name}' is read as "
                    "one word. Fix: write '{key}: {rest}'."
                )
            ).format(name=name, key=key, rest=rest)
        elif value is None and before is not None:
            # {text: Hello, world}: the comma ended the text, and 'world' became a key.
            message = _(
                "'{name}' looks like the rest of the text of '{key}': a comma inside {{ }} "
                'ends the text there. Fix: put the whole text in quotes, like {key}: "{text}, '
                '{name}".'
            ).format(name=name, key=before[0], text=before[1])
    elif kind == "union_tag_invalid":
        tag = ctx.get("tag", value)
        guess = difflib.get_close_matches(str(tag), QUESTION_TYPES, n=1)
        types = ", ".join(QUESTION_TYPES)
        message = (
            _("'{tag}' is not a question type. Did you mean '{guess}'? Fix: use one of {types}.")
            if guess
            else _("'{tag}' is not a question type. Fix: use one of {types}.")
        ).format(tag=tag, guess=guess[0] if guess else "", types=types)
        line, column = marks.at((*at, "type"))
    elif kind == "union_tag_not_found":
        message = _("this question has no 'type'. Fix: add 'type:' with one of {types}.").format(
            types=", ".join(QUESTION_TYPES)
        )
    elif kind in ("too_short", "list_type") and at[-1:] == ("questions",) and not value:
        message = _(
            "this section has no questions, so there is nothing to ask in it. Fix: add at "
            "least one question under 'questions:', or remove the section."
        )
    elif kind in ("string_type",):
        message = _(
            "this should be text, but it is {described}. "
            "Fix: write it as text, in quotes if it looks like a number or true/false."
        ).format(described=_describe(value))
    elif kind in ("int_type", "int_parsing", "int_from_float") and _has_decimals(value):
        message = _(
            "this should be a whole number, but it is {value}, a number with a decimal point. "
            "Fix: write a whole number, like {below} or {above}."
        ).format(value=value, below=math.floor(value), above=math.ceil(value))
    elif kind in ("int_type", "int_parsing", "int_from_float"):
        message = _(
            "this should be a whole number, but it is {described}. "
            "Fix: write a whole number, like 3."
        ).format(described=_describe_given(value))
    elif kind in ("float_type", "float_parsing"):
        message = _(
            "this should be a number, but it is {described}. Fix: write a number, like 1.5."
        ).format(described=_describe_given(value))
    elif kind in ("bool_type", "bool_parsing"):
        message = _(
            "this should be true or false, but it is {described}. Fix: write true or false."
        ).format(described=_describe_given(value))
    elif kind == "list_type":
        message = _(
            "this should be a list, but it is {described}. "
            "Fix: put each item on its own line, starting with '- '."
        ).format(described=_describe_given(value))
    elif kind in ("dict_type", "model_type", "model_attributes_type"):
        message = _(
            "this should be a group of 'key: value' lines, but it is {described}. "
            "Fix: write it as 'key: value' lines, indented under this one."
        ).format(described=_describe_given(value))
    elif kind == "string_pattern_mismatch" and name == "language":
        message = _(
            "'{value}' is not a language code. Fix: write the language's short code, "
            "such as 'en' for English or 'cy' for Welsh."
        ).format(value=value)
    elif kind == "string_pattern_mismatch":
        message = _(
            "'{value}' is not a usable id. Fix: use only lower-case letters, digits and "
            "single hyphens, like 'assets-1'."
        ).format(value=value)
    elif kind == "too_short":
        need = ctx.get("min_length", 1)
        message = ngettext(
            "this needs at least {count} item. Fix: add more.",
            "this needs at least {count} items. Fix: add more.",
            need,
        ).format(count=need)
    elif kind == "string_too_short" and ctx.get("min_length", 1) == 1 and name:
        # Nothing written: "at least 1 characters" said it badly (the same words as loader's).
        message = _(
            "this is empty, so people would see no words here. "
            "Fix: write the words they should see after '{name}:'."
        ).format(name=name)
    elif kind == "string_too_short":
        message = _("this is too short. Fix: write at least {count} characters.").format(
            count=ctx.get("min_length", 1)
        )
    elif kind == "string_too_long":
        message = _("this is too long. Fix: use at most {count} characters.").format(
            count=ctx.get("max_length")
        )
    elif kind in _LIMITS:
        limit = ctx.get({"greater_than": "gt", "greater_than_equal": "ge"}.get(kind, ""))
        limit = ctx.get({"less_than": "lt", "less_than_equal": "le"}.get(kind, ""), limit)
        message = str(_LIMITS[kind]).format(limit=limit, value=value)
    elif kind == "literal_error" and name == "format" and newer_format(value) is not None:
        message = str(newer_format(value))
    elif kind == "literal_error":
        # pydantic lists the choices as "'a', 'b' or 'c'": its 'or' in the person's language.
        expected = str(ctx.get("expected")).replace("' or '", "'" + _(" or ") + "'")
        message = _("'{value}' is not allowed here. Fix: use {expected}.").format(
            value=value, expected=expected
        )
    elif kind == "invalid_key":
        line, column = marks.at(at, key=True)
        place = at[:-1]
        message = _(
            "the name before the colon, {key}, should be a word, such as 'title'. Fix: "
            "change it to one of the names coprod knows here, or remove the line."
        ).format(key=_describe_given(value) if isinstance(value, str) else repr(value))
    elif kind == "finite_number":
        message = _(
            "this must be an ordinary number, but it is {value}. Fix: write a number in "
            "its place, such as 1."
        ).format(value=_as_written(value))
    elif kind == "value_error":
        message = str(error["msg"]).removeprefix("Value error, ")  # i18n-ok
    else:
        # Translators: {message} is pydantic's own words, in English.
        message = _("{message}. Fix: compare this with docs/authoring.md").format(
            message=error["msg"]
        )
    if not message.endswith("."):
        message += "."
    return Problem(path, line, column, where(place), message)


# A number outside its limits, by pydantic's name for the limit.
_LIMITS = {
    "greater_than": N_(
        "this must be more than {limit}, but it is {value}. Fix: change the number."
    ),
    "greater_than_equal": N_(
        "this must be at least {limit}, but it is {value}. Fix: change the number."
    ),
    "less_than": N_("this must be less than {limit}, but it is {value}. Fix: change the number."),
    "less_than_equal": N_(
        "this must be at most {limit}, but it is {value}. Fix: change the number."
    ),
}


def _key_before(data: Any, at: Path_) -> tuple[str, str] | None:
    """The key and text just before an unknown key in the same mapping, if it is text."""
    current = data
    for part in at[:-1]:
        try:
            current = current[part]
        except (KeyError, IndexError, TypeError):
            return None
    if not isinstance(current, dict) or not at:
        return None
    keys = list(current)
    index = keys.index(at[-1]) if at[-1] in keys else -1
    if index <= 0:
        return None
    key = keys[index - 1]
    return (str(key), current[key]) if isinstance(current[key], str) else None


def _wanted(errors: list[Any]) -> list[Any]:
    """Leave out a union's plain-type branch when a model branch explains the same place.

    `scale: {min:1, max:5}` fails both as a scale and as a scale's name; the name's
    complaint ("this should be text") would only mislead.
    """
    # `text: ""` fails both as text (empty) and as a group of wordings; only the first
    # says what is wrong with the text that was written.
    empty = {
        tuple(e["loc"])[:-1]
        for e in errors
        if e["type"] == "string_too_short" and e["loc"] and _member_name(e["loc"][-1])
    }
    errors = [
        e
        for e in errors
        if not (
            e["type"] in ("dict_type", "model_type")
            and isinstance(e.get("input"), str)
            and e["loc"]
            and _member_name(e["loc"][-1])
            and tuple(e["loc"])[:-1] in empty
        )
    ]
    model_prefixes = set()
    for e in errors:
        loc = tuple(e["loc"])
        for index, part in enumerate(loc):
            if isinstance(part, str) and part[:1].isupper():
                model_prefixes.add(loc[:index])
    kept = []
    for e in errors:
        loc = tuple(e["loc"])
        plain = [
            i for i, part in enumerate(loc) if _member_name(part) and not str(part)[:1].isupper()
        ]
        if plain and loc[: plain[0]] in model_prefixes:
            continue
        kept.append(e)
    return kept


def validation_problems(
    path: str, data: Any, marks: Marks, error: ValidationError, root: type[BaseModel]
) -> list[Problem]:
    problems = [_pydantic_problem(path, data, marks, e, root) for e in _wanted(error.errors())]
    seen: set[str] = set()
    unique = []
    for p in problems:
        if str(p) not in seen:
            seen.add(str(p))
            unique.append(p)
    return sorted(unique, key=lambda p: (p.line, p.column))


# --------------------------------------------------------------------------- exercises


# What Findings.unknown_keys is told a file is (the callers' words, so translated here).
# Translators: these follow "is not something" in "'x' is not something an answers file holds".
_HOLDERS = (N_("an answers file"), N_("a group answers file"))


class Findings:
    """Problems found in one file, each placed at the line and column of what it is about."""

    def __init__(self, path: str, marks: Marks) -> None:
        self.path = path
        self.marks = marks
        self.problems: list[Problem] = []

    def add(self, at: Path_, message: str, key: bool = False) -> None:
        line, column = self.marks.at(at, key=key)
        self.problems.append(Problem(self.path, line, column, where(at), message))

    def unknown_keys(self, data: dict[str, Any], allowed: tuple[str, ...], what: str) -> None:
        """Top-level names the file should not have, with a guess at what was meant."""
        holder = _(str(what))
        for key in data:
            if key not in allowed:
                guess = difflib.get_close_matches(str(key), allowed, n=1)
                message = (
                    _(
                        "'{key}' is not something {what} holds. Did you mean '{guess}'? "
                        "Fix: use only {allowed}."
                    )
                    if guess
                    else _("'{key}' is not something {what} holds. Fix: use only {allowed}.")
                )
                self.add(
                    (key,),
                    message.format(
                        key=key,
                        what=holder,
                        guess=guess[0] if guess else "",
                        allowed=", ".join(allowed),
                    ),
                    key=True,
                )

    def sorted(self) -> list[Problem]:
        return sorted(self.problems, key=lambda p: (p.line, p.column))
