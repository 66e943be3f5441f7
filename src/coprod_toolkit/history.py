"""Saved reflections over time: a fast index, filters, progress and the last next step.

The YAML and Markdown files in `reflections/` are the record. The index
(`index.sqlite` beside that folder, an SQLite database in WAL mode) only keeps a
short summary of each file with the file's size and modification time, so that
reading the history lists the folder and reads only the files that are new or
changed. The index is a cache: a missing, damaged or wrong-shaped one is simply
rebuilt, and a folder coprod may read but not write gets one in memory. Each
file is one row, written in its own small transaction, so several people saving
into one shared folder at once never lose each other's entries, and saving
costs the same with 10 or 100,000 reflections in the folder. Every saved file
is read through the one safe YAML reader, bounded in size, and checked against
the same model it was saved with; a file that fails is skipped with a warning.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
import sqlite3
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field, fields
from datetime import date, datetime
from pathlib import Path
from time import localtime as _localtime
from typing import Any

from pydantic import ValidationError

from coprod_toolkit.i18n import ENGLISH, N_, _, format_date, language, month_name
from coprod_toolkit.models import GroupRecord, Reflection, Score, whole

INDEX_NAME = "index.sqlite"
OLD_INDEX_NAME = "index.json"
INDEX_FORMAT = 9  # 9: a score from too few answers for a reading is kept as none
"""Bump when the table changes: an index of another format is rebuilt."""  # i18n-ok
BATCH = 1000
"""Files read between two commits (and two progress reports) while rebuilding."""  # i18n-ok

Progress_ = Callable[[int, int], None]


@dataclass
class Summary:
    """What history and progress need to know about one reflection."""

    id: str
    file: str
    finished: str
    exercise: str
    version: str
    title: str
    kind: str
    about: str
    about_label: str
    name: str | None
    overall: float | None
    band: str | None
    verdict: str | None
    next_step: str | None
    section_scores: dict[str, float | None] = field(default_factory=dict)
    """Each section's score out of 100, by section id (titles come from the exercise)."""  # i18n-ok
    language: str = ENGLISH
    """The language the exercise was answered in."""  # i18n-ok

    @property
    def when(self) -> datetime:
        return datetime.fromisoformat(self.finished)

    @property
    def reading(self) -> str:
        """The result in a few words: '65 - Support', or a checklist's verdict."""
        if self.kind == "checklist":
            return self.verdict or ""
        if self.overall is None:  # an exercise that shows each section on its own
            return self.band or ""
        return f"{whole(self.overall)}" + (f" - {self.band}" if self.band else "")

    @classmethod
    def of(cls, r: Reflection, file: str) -> Summary:
        return cls(
            id=Path(file).stem,
            file=file,
            finished=r.finished.isoformat(),
            exercise=r.exercise.id,
            version=r.exercise.version,
            title=r.exercise.title,
            kind=r.kind,
            about=r.about,
            about_label=r.about_label,
            name=r.name,
            overall=None if r.scores.show == "each" else _read(r.scores.overall),
            band=_each_band(r.scores) if r.scores.show == "each" else r.scores.overall.band,
            verdict=r.verdict.label if r.verdict else None,
            next_step=r.next_step,
            section_scores={s.id: _read(s) for s in r.scores.sections},
            language=r.language,
        )

    @classmethod
    def of_group(cls, g: GroupRecord, file: str) -> Summary:
        """A group's record in the same list: the group is named by its people."""
        scores = g.scores
        return cls(
            id=Path(file).stem,
            file=file,
            finished=g.finished.isoformat(),
            exercise=g.exercise.id,
            version=g.exercise.version,
            title=g.exercise.title,
            kind=g.kind,
            about=g.about,
            about_label=g.topic or g.about_label,  # the piece of work the group named
            # Data, as --name matches it: shown in the language in use by `name_in_use`.
            name=GROUP + ", ".join(g.people),
            overall=_read(scores.overall) if scores and scores.show != "each" else None,
            band=(_each_band(scores) if scores.show == "each" else scores.overall.band)
            if scores
            else None,
            verdict=g.verdict.label if g.verdict else None,
            next_step=None,
            section_scores={s.id: _read(s) for s in scores.sections} if scores else {},
            language=g.language,
        )

    @classmethod
    def from_dict(cls, data: Any) -> Summary:
        """A summary from the index, or ValueError if the entry is not one coprod wrote."""
        if not isinstance(data, dict) or set(data) | {"language"} != _SUMMARY_FIELDS:
            raise ValueError("not a summary")  # i18n-ok
        data = {"language": ENGLISH, **data}  # entries from before records had a language
        for key in _TEXT_FIELDS:
            if not isinstance(data[key], str):
                raise ValueError(key)
        for key in _MAYBE_TEXT_FIELDS:
            if data[key] is not None and not isinstance(data[key], str):
                raise ValueError(key)
        scores = data["section_scores"]
        if not isinstance(scores, dict) or not all(
            _score_ok(v) for v in (data["overall"], *scores.values())
        ):
            raise ValueError("scores")
        datetime.fromisoformat(data["finished"])
        return cls(**data)


def _read(s: Score) -> float | None:
    """A score as history and progress use it: none when it rests on too few answers for
    a reading (min_answered), so a 100 from one answer in six is never a baseline."""
    return s.percent if s.answered >= s.needed else None


def _each_band(scores: Any) -> str | None:
    """The readings of an exercise that shows each section on its own ('Co-design;
    Support'): categories, never added into one score."""
    return "; ".join(s.band or "-" for s in scores.sections) or None


_SUMMARY_FIELDS = {f.name for f in fields(Summary)}
GROUP = "Group: "  # i18n-ok: how the index names a group (translated when shown)
_TEXT_FIELDS = (
    "id",
    "file",
    "finished",
    "exercise",
    "version",
    "title",
    "kind",
    "about",
    "language",
)
_MAYBE_TEXT_FIELDS = ("about_label", "name", "band", "verdict", "next_step")


def _score_ok(value: Any) -> bool:
    return value is None or (
        isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
    )


@dataclass
class Broken:
    file: str
    message: str


def read_reflection(path: Path) -> Reflection:
    """One person's reflection, or ValueError saying in plain words what is wrong."""
    record = read_record(path)
    if isinstance(record, GroupRecord):
        raise ValueError(_("it holds a group's session, not one person's reflection"))
    return record


def _text(path: Path) -> str:
    """The file's text through the one bounded reader, or ValueError saying why not."""
    from coprod_toolkit.errors import FileProblems
    from coprod_toolkit.yamlfile import read_text

    try:
        return read_text(path, "reflection")[0]
    except FileProblems as e:
        raise ValueError(_first_problem(e)) from None


def _first_problem(e: Any) -> str:
    """'the file is empty. Fix: ...' -> 'the file is empty', for 'Skipped X: ...', in the
    language the message is in."""
    if not e.problems:
        return _("it cannot be read")
    return str(e.problems[0].what_is_wrong)


def _parse(text: str, path: Path) -> dict[str, Any]:
    from coprod_toolkit.errors import FileProblems
    from coprod_toolkit.yamlfile import parse_yaml

    try:
        return parse_yaml(text, str(path), "reflection")[0]
    except FileProblems as e:
        said = _first_problem(e)
        kind = e.problems[0].kind if e.problems else ""
        if kind == "not-text":
            raise ValueError(said) from None
        if kind == "yaml":
            line = e.problems[0].line
            if line:
                where = _("(line {line}: {problem})").format(line=line, problem=said)
            else:
                where = f"({said})"
            raise ValueError(
                _("it is not valid YAML: it may be cut short or edited by hand") + " " + where
            ) from None
        raise ValueError(
            _("it does not hold a reflection ({problem})").format(problem=said)
        ) from None


def _validated(data: dict[str, Any]) -> Reflection | GroupRecord:
    from coprod_toolkit.errors import newer_format

    newer = newer_format(data.get("format"))
    if newer is not None:
        raise ValueError(newer)
    model: type[Reflection] | type[GroupRecord] = (
        GroupRecord if data.get("command") == "group" else Reflection
    )
    try:
        return model.model_validate(data)
    except ValidationError as e:
        raise ValueError(
            _("it does not hold a complete reflection: {problem}").format(
                problem=_plain_problem(e.errors()[0])
            )
        ) from None


_DATES = {"finished": N_("the date it was finished"), "started": N_("the date it was started")}


def _plain_problem(error: Any) -> str:
    """What is wrong with one part of a saved file, in words a person can act on:
    'the date it was finished is missing or not a date', never pydantic's own text.

    The part is always definite ('the date...', 'the line...'); in Welsh it is written
    without its article, which the sentence around it carries ("mae'r {part}")."""
    keys = [str(k) for k in error["loc"] if isinstance(k, str)]
    kind = str(error["type"])
    if len(keys) == 1 and keys[0] in _DATES:
        part = _(str(_DATES[keys[0]]))
    elif len(keys) > 1:
        part = _("the line '{key}:' under '{top}:'").format(key=keys[-1], top=keys[0])
    elif keys:
        part = _("the line '{key}:'").format(key=keys[0])
    else:
        part = _("the file")
    if kind == "missing":
        return _("{part} is missing").format(part=part)
    if "date" in kind or "time" in kind:
        return _("{part} is missing or not a date").format(part=part)
    if kind == "finite_number":
        return _("{part} is not a number coprod can use").format(part=part)
    if kind == "extra_forbidden":
        return _("{part} is not one coprod knows").format(part=part)
    return _("{part} does not hold what coprod wrote there").format(part=part)


def read_record(path: Path) -> Reflection | GroupRecord:
    """A saved reflection or group record, or ValueError saying what is wrong with it."""
    return _validated(_parse(_text(path), path))


_LANGUAGE_LINE = re.compile(
    r"""^language:[ \t]*(?P<q>['"]?)(?P<code>[a-z]{2,3})(?P=q)[ \t]*$""", re.M
)


def read_summary(path: Path) -> Summary:
    """A reflection's summary, reading only the part of the file before its answers.

    coprod writes the answers last, so the summary is in the first quarter of the
    file. A file written some other way is read whole.
    """
    text = _text(path)
    cut = text.find("\nanswers:")
    if cut > 0 and "\nscores:" in text[:cut]:
        try:
            head: Any = _parse(text[:cut], path)
        except ValueError:
            head = None
        if isinstance(head, dict) and head.get("command") != "group":
            if "language" not in head:  # written after the answers, by some other tool
                found = _LANGUAGE_LINE.search(text, cut)
                if found:
                    head["language"] = found["code"]
            try:
                reflection = Reflection.model_validate({**head, "answers": []})
            except ValidationError:
                pass
            else:
                if isinstance(reflection, Reflection):
                    return Summary.of(reflection, path.name)
    record = _validated(_parse(text, path))
    if isinstance(record, GroupRecord):
        return Summary.of_group(record, path.name)
    return Summary.of(record, path.name)


def _summary_or_problem(path: Path) -> tuple[dict[str, Any] | None, str]:
    """For the index: a summary as plain data, or what is wrong with the file.

    What is wrong is said in the language in use, and the index keeps which language
    that was (`cy<TAB>...`), so the next person to look, in another language, hears it
    in theirs.
    """
    try:
        return asdict(read_summary(path)), ""
    except ValueError as e:
        return None, f"{language()}{_TAG}{e}"


_TAG = "\t"


def _untagged(problem: str) -> tuple[str | None, str]:
    """('cy', 'the file is empty') from the index's 'cy<TAB>the file is empty'."""
    code, tab, said = problem.partition(_TAG)
    return (code, said) if tab else (None, problem)


# One record's answers for an export: {"common": {...}, "answers": [[person, section,
# question, text, answer, score], ...]}, plain data only.
Payload = dict[str, Any]


def export_payload(r: Reflection | GroupRecord) -> Payload:
    """What an export needs of one record, the same way for a person's reflection or a group's."""
    common = {
        "reflection": r.id,
        "finished": r.finished.isoformat(),
        "exercise": r.exercise.id,
        "version": r.exercise.version,
        "about": r.about,
        "language": r.language,
    }
    answers: list[list[Any]]
    if isinstance(r, GroupRecord):
        answers = [
            # "passed" is data here (as the index keeps it), the same in every language.
            [member, q.section, q.question, q.text, "passed" if v is None else v, ""]
            for q in r.questions
            for member, v in q.answers.items()
        ]
        # A guided session: each idea a person added at a step, then each action agreed.
        answers += [
            [member, step.step, "contribution", step.title, item, ""]
            for step in r.steps
            for member, items in step.contributions.items()
            for item in items
        ]
        answers += [
            [
                list(action.who),
                "actions",
                "action",
                # Data, kept in the index whatever the language: the same in every export.
                f"By {action.when.isoformat()}" if action.when else "",  # i18n-ok
                action.what,
                "",
            ]
            for action in r.actions
        ]
    else:
        answers = [
            [
                r.name,
                a.section,
                a.question,
                a.text,
                "" if a.answer is None else a.answer,
                "" if a.points is None else a.points,
            ]
            for a in r.answers
        ]
    return {"common": common, "answers": answers}


def _payload_or_problem(path: Path) -> tuple[Payload | None, str]:
    try:
        record = read_record(path)
    except ValueError as e:
        return None, str(e)
    return export_payload(record), ""


def _pack(payload: Payload) -> bytes:
    return zlib.compress(json.dumps(payload, ensure_ascii=False).encode("utf-8"), 1)


def _unpack(data: bytes) -> Payload:
    payload = json.loads(zlib.decompress(data))
    if not isinstance(payload, dict) or not isinstance(payload.get("answers"), list):
        raise ValueError("not an export entry")  # i18n-ok
    if not isinstance(payload.get("common"), dict):
        raise ValueError("not an export entry")  # i18n-ok
    return payload


# --------------------------------------------------------------------------- the index

_COLUMNS = "name, mtime_ns, size, exercise, about, person, stamp, summary, problem"  # i18n-ok
_INSERT = f"INSERT OR REPLACE INTO files ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"  # i18n-ok
_CREATE = """-- the index's tables, not for people # i18n-ok
CREATE TABLE files (
    name TEXT PRIMARY KEY,
    mtime_ns INTEGER NOT NULL,
    size INTEGER NOT NULL,
    exercise TEXT,
    about TEXT,
    person TEXT,
    stamp REAL,
    summary TEXT,
    problem TEXT
);
CREATE INDEX files_latest ON files (exercise, about, person, stamp);
CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER);
CREATE TABLE answers (
    name TEXT PRIMARY KEY,
    mtime_ns INTEGER NOT NULL,
    size INTEGER NOT NULL,
    data BLOB NOT NULL
);
"""


_LATEST = (
    "SELECT summary FROM files WHERE exercise = ? AND about = ? AND person = ? "  # i18n-ok
    "AND summary IS NOT NULL ORDER BY stamp DESC, name DESC"
)


def _row(
    name: str, signature: tuple[int, int], summary: dict[str, Any] | None, problem: str
) -> tuple[Any, ...]:
    if summary is None:
        return (name, *signature, None, None, None, None, None, problem)
    return (
        name,
        *signature,
        summary["exercise"],
        summary["about"],
        (summary["name"] or "").casefold(),
        datetime.fromisoformat(summary["finished"]).timestamp(),
        json.dumps(summary, ensure_ascii=False),
        None,
    )


def _trustworthy(folder_time: int) -> bool:
    """Whether a folder time can show that nothing changed since.

    A clock that counts whole seconds (some shared and USB drives) could give a
    file added in the same second the same time, so such a time is trusted only
    once it is safely past.
    """
    return folder_time % 1_000_000_000 != 0 or time.time_ns() - folder_time > 2_000_000_000


class History:
    """Every reflection in one coprod folder (COPROD_HOME, or --out).

    `on_progress(done, total)` hears how a long rebuild of the index is going.
    """

    def __init__(self, root: Path, on_progress: Progress_ | None = None) -> None:
        self.root = root
        self.folder = root / "reflections"
        self.index_path = root / INDEX_NAME
        self.on_progress = on_progress

    # ---------------------------------------------------------------- opening

    def _forget_index(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                os.unlink(f"{self.index_path}{suffix}")

    def _open(self, memory: bool = False) -> sqlite3.Connection:
        """The index, made if missing; raises sqlite3.Error or OSError if it is unusable."""
        if memory:
            connection = sqlite3.connect(":memory:", isolation_level=None)
        else:
            if not self.index_path.exists():
                # made by us, so it is private to its owner (SQLite's journals follow it)
                os.close(os.open(self.index_path, os.O_WRONLY | os.O_CREAT, 0o600))
            connection = sqlite3.connect(self.index_path, timeout=30, isolation_level=None)
        try:
            if not memory:
                connection.execute("PRAGMA journal_mode=WAL")  # i18n-ok
                connection.execute("PRAGMA synchronous=NORMAL")  # i18n-ok
            (version,) = connection.execute("PRAGMA user_version").fetchone()  # i18n-ok
            if version != INDEX_FORMAT:
                connection.execute("BEGIN IMMEDIATE")  # i18n-ok
                (version,) = connection.execute("PRAGMA user_version").fetchone()  # i18n-ok
                if version != INDEX_FORMAT:  # nobody else made it meanwhile
                    connection.execute("DROP TABLE IF EXISTS files")  # i18n-ok
                    connection.execute("DROP TABLE IF EXISTS answers")  # i18n-ok
                    connection.execute("DROP TABLE IF EXISTS meta")  # i18n-ok
                    for statement in _CREATE.split(";"):
                        if statement.strip():
                            connection.execute(statement)
                    connection.execute(f"PRAGMA user_version={INDEX_FORMAT}")  # i18n-ok
                connection.execute("COMMIT")
            connection.execute(f"SELECT {_COLUMNS} FROM files LIMIT 0")  # i18n-ok
            connection.execute("SELECT name, mtime_ns, size, data FROM answers LIMIT 0")  # i18n-ok
            connection.execute("SELECT key, value FROM meta LIMIT 0")  # i18n-ok
        except BaseException:
            connection.close()
            raise
        return connection

    @contextlib.contextmanager
    def _index(self) -> Iterator[sqlite3.Connection]:
        """The index to use: the folder's own; a new one if it was damaged; else one in memory."""
        connection = None
        if self.root.is_dir():
            for attempt in range(2):
                try:
                    connection = self._open()
                    break
                except sqlite3.DatabaseError:
                    if attempt == 0:
                        self._forget_index()  # not a database coprod can use: start again
                except (sqlite3.Error, OSError):
                    break  # a folder we may read but not write: work in memory
        if connection is None:
            connection = self._open(memory=True)
        with contextlib.suppress(OSError):
            os.unlink(self.root / OLD_INDEX_NAME)  # the index of coprod before 0.x
        try:
            yield connection
        finally:
            connection.close()

    # ---------------------------------------------------------------- bringing it up to date

    def _update(self, connection: sqlite3.Connection, full: bool) -> None:
        """Read the files the index does not know yet; forget the files that are gone.

        `full` also checks every known file's size and time, to notice a file
        edited in place; without it only the names are listed, which is what
        finding last time's next step needs at 100,000 reflections.
        """
        try:
            # taken before listing: a file added while we list changes it again
            folder_time: int | None = os.stat(self.folder).st_mtime_ns
        except OSError:
            folder_time = None
        if not full and folder_time is not None:
            listed = connection.execute(
                "SELECT value FROM meta WHERE key = 'listed'"  # i18n-ok
            ).fetchone()
            if listed is not None and listed[0] == folder_time:
                return  # no file added, removed or renamed since the index last listed it all
        known: dict[str, tuple[int, int] | None]
        if full:
            known = {
                name: (mtime, size)
                for name, mtime, size in connection.execute(
                    "SELECT name, mtime_ns, size FROM files"  # i18n-ok
                )
            }
        else:
            known = dict.fromkeys(
                n
                for (n,) in connection.execute("SELECT name FROM files")  # i18n-ok
            )
        self._read_unread(connection, known, full)
        if folder_time is not None and _trustworthy(folder_time):
            connection.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('listed', ?)",  # i18n-ok
                (folder_time,),
            )

    def _read_unread(
        self, connection: sqlite3.Connection, known: dict[str, tuple[int, int] | None], full: bool
    ) -> None:
        if not self.folder.is_dir():
            seen: set[str] = set()
            unread: list[tuple[str, tuple[int, int]]] = []
        elif full:
            seen = set()
            unread = []
            with os.scandir(self.folder) as listing:
                for item in listing:
                    name = item.name
                    if not name.endswith(".yaml") or name.startswith("."):
                        continue
                    try:
                        if item.is_dir():
                            continue
                        stat = item.stat()  # a pipe or a device is listed, and refused on reading
                    except OSError:
                        continue
                    seen.add(name)
                    signature = (stat.st_mtime_ns, stat.st_size)
                    if known.get(name) != signature:
                        unread.append((name, signature))
        else:
            seen = {
                n for n in os.listdir(self.folder) if n.endswith(".yaml") and not n.startswith(".")
            }
            unread = []
            for name in seen.difference(known):
                try:
                    stat = os.stat(self.folder / name)
                except OSError:
                    continue
                unread.append((name, (stat.st_mtime_ns, stat.st_size)))
        gone = [(name,) for name in known if name not in seen]
        if gone:
            connection.executemany("DELETE FROM files WHERE name = ?", gone)  # i18n-ok
            connection.executemany("DELETE FROM answers WHERE name = ?", gone)  # i18n-ok
        if not unread:
            return
        from coprod_toolkit.parallel import parallel_map

        unread.sort()
        total = len(unread)
        report = self.on_progress if total > BATCH else None
        for start in range(0, total, BATCH):
            batch = unread[start : start + BATCH]
            paths = [self.folder / name for name, _ in batch]
            rows = [
                _row(name, signature, summary, problem)
                for (name, signature), (summary, problem) in zip(
                    batch, parallel_map(_summary_or_problem, paths, 200), strict=True
                )
            ]
            connection.execute("BEGIN IMMEDIATE")  # i18n-ok
            connection.executemany(_INSERT, rows)
            connection.execute("COMMIT")
            if report is not None:
                report(min(start + BATCH, total), total)

    def _guarded(self, work: Callable[[sqlite3.Connection], Any]) -> Any:
        """Run `work` on the index; if the index fails part-way, on a fresh one in memory."""
        try:
            with self._index() as connection:
                return work(connection)
        except sqlite3.Error:
            connection = self._open(memory=True)
            try:
                return work(connection)
            finally:
                connection.close()

    # ---------------------------------------------------------------- reading

    def read(self) -> tuple[list[Summary], list[Broken]]:
        """Every summary, newest first, and the files that could not be read."""
        if not self.folder.is_dir():
            return [], []

        def work(connection: sqlite3.Connection) -> tuple[list[Summary], list[Broken]]:
            summaries: list[Summary] = []
            problems: list[Broken] = []
            for found in self._each(connection):
                if isinstance(found, Broken):
                    problems.append(found)
                else:
                    summaries.append(found)
            summaries.sort(key=lambda s: (s.finished, s.id), reverse=True)
            return summaries, problems

        result: tuple[list[Summary], list[Broken]] = self._guarded(work)
        return result

    def files(self, keep: Callable[[Summary], bool]) -> tuple[list[str], list[Broken]]:
        """The files of the reflections `keep` wants, oldest first, and the unreadable ones.

        Only the names are kept, not the summaries, so memory stays small however
        many reflections the folder holds (an export of 100,000 needs no more).
        """
        if not self.folder.is_dir():
            return [], []

        def work(connection: sqlite3.Connection) -> tuple[list[str], list[Broken]]:
            wanted: list[tuple[str, str, str]] = []
            problems: list[Broken] = []
            for found in self._each(connection):
                if isinstance(found, Broken):
                    problems.append(found)
                elif keep(found):
                    wanted.append((found.finished, found.id, found.file))
            wanted.sort()
            return [file for _, _, file in wanted], problems

        result: tuple[list[str], list[Broken]] = self._guarded(work)
        return result

    def _each(self, connection: sqlite3.Connection) -> Iterator[Summary | Broken]:
        """Every summary the index holds, brought up to date first, one at a time."""
        self._update(connection, full=True)
        stale: list[str] = []
        for name, summary, problem in connection.execute(
            "SELECT name, summary, problem FROM files ORDER BY name"  # i18n-ok
        ):
            if summary is None:
                code, said = _untagged(problem or "")
                if code != language():  # said in another language: say it again in this one
                    said = _untagged(_summary_or_problem(self.folder / name)[1])[1]
                yield Broken(name, said or _("it cannot be read"))
                continue
            try:
                yield Summary.from_dict(json.loads(summary))
            except (ValueError, TypeError):
                stale.append(name)
        if stale:  # entries coprod did not write: read those files again
            connection.executemany(
                "DELETE FROM files WHERE name = ?",  # i18n-ok
                [(n,) for n in stale],
            )
            again, broken = self._guarded_again(stale)
            yield from again
            yield from broken

    def _guarded_again(self, names: list[str]) -> tuple[list[Summary], list[Broken]]:
        summaries: list[Summary] = []
        problems: list[Broken] = []
        for name in names:
            summary, problem = _summary_or_problem(self.folder / name)
            if summary is None:
                problems.append(Broken(name, _untagged(problem)[1]))
            else:
                summaries.append(Summary.from_dict(summary))
        return summaries, problems

    def latest(self, exercise: str, about: str, name: str | None) -> Summary | None:
        """The newest reflection of one person (or of nobody named) on one exercise and subject.

        Quick at any size: only new and removed files are looked at, not every file.
        """
        if not self.folder.is_dir():
            return None

        def work(connection: sqlite3.Connection) -> Summary | None:
            self._update(connection, full=False)
            for (summary,) in connection.execute(
                _LATEST,
                (exercise, about, (name or "").casefold()),
            ):
                try:
                    return Summary.from_dict(json.loads(summary))
                except (ValueError, TypeError):
                    continue
            return None

        found: Summary | None = self._guarded(work)
        return found

    def remember(
        self, reflection: Reflection, path: Path, folder_times: tuple[int, int] | None = None
    ) -> None:
        """Add a just-saved reflection to the index, so the next read need not parse it.

        One row in one transaction: the same cost however many reflections there are.
        `folder_times` are the folder's times just before and just after the save:
        if the index had listed the folder as it was before, it still knows every
        file after it, so the next save need not list 100,000 names again.
        """
        try:
            stat = path.stat()
        except OSError:
            return
        row = _row(
            path.name,
            (stat.st_mtime_ns, stat.st_size),
            asdict(Summary.of(reflection, path.name)),
            "",
        )
        answers = (path.name, stat.st_mtime_ns, stat.st_size, _pack(export_payload(reflection)))
        with contextlib.suppress(sqlite3.Error, OSError), self._index() as connection:
            connection.execute("BEGIN IMMEDIATE")  # i18n-ok
            connection.execute(_INSERT, row)
            connection.execute(
                "INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?)",  # i18n-ok
                answers,
            )
            if folder_times is not None and _trustworthy(folder_times[1]):
                connection.execute(
                    "UPDATE meta SET value = ? WHERE key = 'listed' AND value = ?",  # i18n-ok
                    (folder_times[1], folder_times[0]),
                )
            connection.execute("COMMIT")

    def answers(self, names: list[str]) -> Iterator[tuple[str, Payload | None, str]]:
        """Every answer of each named file, in the order given: (name, payload, problem).

        A file's answers are read once and kept in the index beside its summary
        (saving keeps them there already), so an export of 100,000 reflections
        reads YAML only for files it has not met; it works through the list in
        batches, so memory stays flat however long the list is.
        """
        if not names:
            return
        with contextlib.ExitStack() as stack:
            try:
                connection = stack.enter_context(self._index())
            except sqlite3.Error:
                connection = None
            for start in range(0, len(names), 500):
                batch = names[start : start + 500]
                cached: dict[str, Payload] = {}
                signatures: dict[str, tuple[int, int]] = {}
                for name in batch:
                    try:
                        stat = os.stat(self.folder / name)
                    except OSError:
                        continue
                    signatures[name] = (stat.st_mtime_ns, stat.st_size)
                if connection is not None:
                    with contextlib.suppress(sqlite3.Error):
                        marks = ",".join("?" * len(batch))
                        query = f"SELECT * FROM answers WHERE name IN ({marks})"  # i18n-ok
                        for name, mtime, size, data in connection.execute(query, batch):
                            if signatures.get(name) == (mtime, size):
                                with contextlib.suppress(ValueError, TypeError, zlib.error):
                                    cached[name] = _unpack(data)
                missing = [n for n in batch if n not in cached]
                from coprod_toolkit.parallel import parallel_map

                read = dict(
                    zip(
                        missing,
                        parallel_map(_payload_or_problem, [self.folder / n for n in missing], 64),
                        strict=True,
                    )
                )
                rows = [
                    (name, *signatures[name], _pack(payload))
                    for name, (payload, _) in read.items()
                    if payload is not None and name in signatures
                ]
                if rows and connection is not None:
                    with contextlib.suppress(sqlite3.Error):
                        connection.execute("BEGIN IMMEDIATE")  # i18n-ok
                        connection.executemany(
                            "INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?)",  # i18n-ok
                            rows,
                        )
                        connection.execute("COMMIT")
                for name in batch:
                    if name in cached:
                        yield name, cached[name], ""
                    else:
                        payload, problem = read.get(name, (None, _("it is no longer there")))
                        yield name, payload, problem


_MONTHS = (
    "",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)  # i18n-ok: English short dates


def local_time(finished: str) -> str:
    """'2026-03-01T12:00:00+00:00' -> '01 Mar 2026 12:00' in this computer's time zone.

    The same as f"{when.astimezone():%d %b %Y %H:%M}", about twice as fast, which
    counts when a history lists 50,000 reflections.
    """
    stamp = datetime.fromisoformat(finished)
    if stamp.tzinfo is None:
        stamp = stamp.astimezone()
    t = _localtime(stamp.timestamp())
    if language() != ENGLISH:
        day = format_date(date(t.tm_year, t.tm_mon, t.tm_mday))
        return f"{day} {t.tm_hour:02d}:{t.tm_min:02d}"
    return f"{t.tm_mday:02d} {_MONTHS[t.tm_mon]} {t.tm_year} {t.tm_hour:02d}:{t.tm_min:02d}"


# --------------------------------------------------------------------------- filters


def filtered(
    summaries: list[Summary],
    exercise: str | None = None,
    name: str | None = None,
    since: date | None = None,
    until: date | None = None,
) -> list[Summary]:
    keep = keeper(exercise, name, since, until)
    return [s for s in summaries if keep(s)]


def keeper(
    exercise: str | None = None,
    name: str | None = None,
    since: date | None = None,
    until: date | None = None,
) -> Callable[[Summary], bool]:
    """Whether a summary matches the filters of history, progress and export."""

    wanted = None if name is None else as_kept(name).casefold()
    nobody = name is not None and no_name(name)

    def keep(s: Summary) -> bool:
        if exercise is not None and s.exercise != exercise:
            return False
        named = wanted is None or (s.name or "").casefold() == wanted or (nobody and not s.name)
        if not named:
            return False
        day = s.when.astimezone().date()
        if since is not None and day < since:
            return False
        return not (until is not None and day > until)

    return keep


def as_kept(name: str) -> str:
    """A --name as the index keeps it: a group named as history shows it in the language
    in use ('Grŵp: Ana, Ben') is kept as 'Group: Ana, Ben'."""
    shown = _("Group: {people}").format(people="")
    if shown != GROUP and name.casefold().startswith(shown.casefold()):
        return GROUP + name[len(shown) :]
    return name


def shown_name(name: str) -> str:
    """A name as the index keeps it, as people read it: a group's in the language in use."""
    if name.startswith(GROUP):
        return _("Group: {people}").format(people=name.removeprefix(GROUP))
    return name


def no_name(name: str) -> bool:
    """Whether a --name means the reflections saved without a name: '', or the word
    history and progress show for them ('anonymous', '(anonymous)'), as typed in
    English or in the language in use. A person's real name still matches first."""
    said = name.strip().casefold()
    if said.startswith("(") and said.endswith(")"):
        said = said[1:-1].strip()
    labels = {"anonymous", _("anonymous").casefold(), _("(anonymous)").casefold()}  # i18n-ok
    return said in {"", *(label.strip("()").strip() for label in labels)}


def latest_for(
    summaries: list[Summary], exercise: str, name: str | None, about: str | None = None
) -> Summary | None:
    """The newest reflection of one person (or of nobody named) on one exercise.

    With `about`, only on that subject: an "about me" run is never the last time
    of an "about service" one.
    """
    for s in summaries:  # newest first
        if (
            s.exercise == exercise
            and (about is None or s.about == about)
            and (s.name or "").casefold() == (name or "").casefold()
        ):
            return s
    return None


# --------------------------------------------------------------------------- progress

SPARKS = "▁▂▃▄▅▆▇█"


def sparkline(values: list[float | None]) -> str:
    """A tiny chart of scores out of 100: one character per reflection."""
    out = []
    for v in values:
        if v is None:
            out.append(" ")
        else:
            out.append(SPARKS[min(len(SPARKS) - 1, int(v / 100 * len(SPARKS)))])
    return "".join(out)


@dataclass
class Line:
    """One principle (or the overall score) across a person's reflections."""

    id: str
    title: str
    values: list[float | None]

    @property
    def known(self) -> list[float]:
        return [v for v in self.values if v is not None]

    @property
    def first(self) -> float | None:
        return self.known[0] if self.known else None

    @property
    def latest(self) -> float | None:
        return self.values[-1] if self.values else None

    @property
    def previous(self) -> float | None:
        earlier = [v for v in self.values[:-1] if v is not None]
        return earlier[-1] if earlier else None


@dataclass
class Progress:
    runs: list[Summary]  # oldest first
    lines: list[Line]
    overall: Line


def progress(runs_newest_first: list[Summary], sections: list[tuple[str, str]]) -> Progress:
    """Each section's score over time. Only sections that exist now are compared."""
    runs = list(reversed(runs_newest_first))
    lines = []
    for section_id, title in sections:
        values = [run.section_scores.get(section_id) for run in runs]
        lines.append(Line(section_id, title, values))
    overall = Line("overall", str(OVERALL), [run.overall for run in runs])
    return Progress(runs, lines, overall)


OVERALL = N_("Overall")


def _month(when: datetime) -> str:
    local = when.astimezone()
    # Translators: a month and its year, such as 'March 2026'.
    return _("{month} {year}").format(month=month_name(local.month), year=local.year)


def change_words(line: Line, runs: list[Summary]) -> str:
    """'Reciprocity and mutuality rose from 40 to 65 since March 2026.'"""
    first, latest = line.first, line.latest
    if latest is None or first is None:
        return _("{title}: not enough answers to compare.").format(title=line.title)
    first_index = line.values.index(first)
    started, now = runs[first_index].when.astimezone(), runs[-1].when.astimezone()
    if (started.year, started.month) == (now.year, now.month):
        since = format_date(started.date())  # 'since December 2026' reads oddly in December
    else:
        since = _month(started)
    if len(line.known) < 2 or first_index == len(line.values) - 1:
        return _("{title} is at {score}; there is nothing earlier to compare with yet.").format(
            title=line.title, score=whole(latest)
        )
    a, b = whole(first), whole(latest)
    # {month} below is a month ('March 2026'), or a day
    # ('3 March 2026') when every run compared is in one month.
    if b > a:
        words = _("{title} rose from {first} to {latest} since {month}")
    elif b < a:
        words = _("{title} fell from {first} to {latest} since {month}")
    else:
        words = _("{title} stayed at {latest} since {month}")
    words = words.format(title=line.title, first=a, latest=b, month=since)
    previous = line.previous
    if previous is not None and len(line.known) > 2 and whole(previous) != b:
        if b > whole(previous):
            words += " " + _("(up from {score} last time)").format(score=whole(previous))
        else:
            words += " " + _("(down from {score} last time)").format(score=whole(previous))
    return words + "."


# --------------------------------------------------------------------------- other languages

_WORDS: dict[tuple[str, str, str, tuple[Path, ...]], dict[str, str]] = {}

# The parts of a record that hold the exercise's own words (not a person's).
_EXERCISE_WORDS = frozenset(
    (
        "title",
        "text",
        "shown",
        "band",
        "label",
        "message",
        "about_label",
        "talk_about",
        "could_change",
        "group_shown",
        "verdict",
    )
)


def _pair(source: Any, target: Any, found: dict[str, str]) -> None:
    """Each text of one form of an exercise, beside the same text of another form."""
    if isinstance(source, str) and isinstance(target, str):
        if source != target:
            found.setdefault(source, target)
            found.setdefault(" ".join(source.split()), target)
    elif isinstance(source, dict) and isinstance(target, dict):
        for key in source.keys() & target.keys():
            _pair(source[key], target[key], found)
    elif isinstance(source, list) and isinstance(target, list) and len(source) == len(target):
        for a, b in zip(source, target, strict=True):
            _pair(a, b, found)


def word_map(
    exercise: str, source: str, target: str | None = None, extra: list[Path] | None = None
) -> dict[str, str]:
    """An exercise's words in one language, each beside the same words in another (the
    language in use by default): for records answered in another language. Empty when
    the exercise cannot be found, or has no translation either way."""
    target = language() if target is None else target
    key = (exercise, source, target, tuple(extra or ()))
    if source == target:
        return {}
    if key not in _WORDS:
        found: dict[str, str] = {}
        try:
            from coprod_toolkit.catalog import find
            from coprod_toolkit.errors import CoprodError
            from coprod_toolkit.translations import localise

            try:
                loaded = find(exercise, extra)  # reads only that exercise's file
                _pair(
                    localise(loaded, source).exercise.model_dump(mode="json"),
                    localise(loaded, target).exercise.model_dump(mode="json"),
                    found,
                )
            except (CoprodError, OSError, ValueError):
                found = {}
        finally:
            _WORDS[key] = found
    return _WORDS[key]


_IN_BRACKETS = re.compile(r"(?P<before>.*\()(?P<words>[^()]+)(?P<after>\))")


def _swap(data: Any, words: dict[str, str], key: str = "") -> Any:
    if isinstance(data, str):
        if key not in _EXERCISE_WORDS:
            return data
        found = words.get(data) or words.get(" ".join(data.split()))
        if found:
            return found
        # an answer as shown, such as '4 (Mostly true)': the label in its brackets
        m = _IN_BRACKETS.fullmatch(data)
        if m and m["words"] in words:
            return m["before"] + words[m["words"]] + m["after"]
        return data
    if isinstance(data, dict):
        if key == "frameworks":  # a record's framework titles, by framework id
            return {k: _swap(v, words, "title") for k, v in data.items()}
        if key in _EXERCISE_WORDS:  # such as each person's answer as they saw it
            return {k: _swap(v, words, key) for k, v in data.items()}
        return {k: _swap(v, words, str(k)) for k, v in data.items()}
    if isinstance(data, list):
        return [_swap(v, words, key) for v in data]
    return data


def in_language_in_use(record: Any, extra: list[Path] | None = None) -> Any:
    """A record with its exercise's words (title, statements, sections, readings) in the
    language in use, when it was answered in another one and the exercise has them.

    People's own words are never changed; nor are scores. The copy still says which
    language the record was answered in.
    """
    source = record.language
    words = dict(word_map(record.exercise.id, source, None, extra))
    # In a group, each person saw their answers in their own language.
    people = getattr(record, "languages", None)
    for code in sorted(set(people.values()) if isinstance(people, dict) else ()):
        if isinstance(code, str) and code != source:
            for text, shown in word_map(record.exercise.id, code, None, extra).items():
                words.setdefault(text, shown)
    if not words:
        return record
    try:
        copy = type(record).model_validate(_swap(record.model_dump(mode="python"), words))
    except ValueError:  # never stops a report: the record as it was saved
        return record
    return copy


def title_in_use(s: Summary) -> str:
    """A summary's exercise title in the language in use, where the exercise has it."""
    return word_map(s.exercise, s.language).get(s.title, s.title)


def name_in_use(s: Summary) -> str | None:
    """Whose reflection it is, as people read it: a group's in the language in use."""
    return shown_name(s.name) if s.name else s.name


def about_in_use(s: Summary) -> str:
    """What a summary's reflection was about ('my own practice'), in the language in use."""
    return word_map(s.exercise, s.language).get(s.about_label, s.about_label)


def reading_in_use(s: Summary) -> str:
    """A summary's reading ('65 - Strong'), its band or verdict in the language in use."""
    if s.language == language():
        return s.reading
    words = word_map(s.exercise, s.language)
    if not words:
        return s.reading
    band = "; ".join(words.get(b, b) for b in s.band.split("; ")) if s.band else s.band
    verdict = words.get(s.verdict, s.verdict) if s.verdict else s.verdict
    shown = Summary(**{**asdict(s), "band": band, "verdict": verdict})
    return shown.reading
