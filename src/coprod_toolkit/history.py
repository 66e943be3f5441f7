"""Saved reflections over time: a fast index, filters, progress and the last next step.

The index (`index.json` beside the `reflections` folder) keeps a short summary of
every reflection file, with the file's size and modification time. Reading the
history lists the folder, trusts the summaries whose files have not changed,
and reads only the files that are new or changed. A missing, stale or broken
index is simply rebuilt; a file that cannot be read is skipped with a warning.
Several people can share one folder: files never clash, and the index mends
itself if two people write it at once.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from coprod_toolkit.models import GroupRecord, Reflection

INDEX_NAME = "index.json"
INDEX_FORMAT = 3
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
    """Each section's score out of 100, by section id (titles come from the exercise)."""

    @property
    def when(self) -> datetime:
        return datetime.fromisoformat(self.finished)

    @property
    def reading(self) -> str:
        """The result in a few words: '65 - Support', or a checklist's verdict."""
        if self.kind == "checklist":
            return self.verdict or ""
        if self.overall is None:
            return ""
        return f"{round(self.overall)}" + (f" - {self.band}" if self.band else "")

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
            overall=r.scores.overall.percent,
            band=r.scores.overall.band,
            verdict=r.verdict.label if r.verdict else None,
            next_step=r.next_step,
            section_scores={s.id: s.percent for s in r.scores.sections},
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
            about_label=g.about_label,
            name="Group: " + ", ".join(g.people),
            overall=scores.overall.percent if scores else None,
            band=scores.overall.band if scores else None,
            verdict=g.verdict.label if g.verdict else None,
            next_step=None,
            section_scores={s.id: s.percent for s in scores.sections} if scores else {},
        )

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Summary:
        return cls(**data)


@dataclass
class Broken:
    file: str
    message: str


def read_reflection(path: Path) -> Reflection:
    """One person's reflection, or ValueError saying in plain words what is wrong."""
    record = read_record(path)
    if isinstance(record, GroupRecord):
        raise ValueError("it holds a group's session, not one person's reflection")
    return record


def read_record(path: Path) -> Reflection | GroupRecord:
    """A saved reflection or group record, or ValueError saying what is wrong with it."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except (OSError, UnicodeDecodeError) as e:
        raise ValueError(f"it cannot be read ({e.__class__.__name__})") from None
    except yaml.YAMLError:
        raise ValueError("it is not valid YAML: it may be cut short or edited by hand") from None
    if not isinstance(data, dict):
        raise ValueError("it does not hold a reflection")
    model: type[Reflection] | type[GroupRecord] = (
        GroupRecord if data.get("command") == "group" else Reflection
    )
    try:
        return model.model_validate(data)
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ValueError(
            f"it does not hold a complete reflection ({where}: {first['msg']})"
        ) from None


def read_summary(path: Path) -> Summary:
    """A reflection's summary, reading only the part of the file before its answers.

    coprod writes the answers last, so the summary is in the first quarter of the
    file. A file written some other way is read whole.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise ValueError(f"it cannot be read ({e.__class__.__name__})") from None
    cut = text.find("\nanswers:")
    if cut > 0 and "\nscores:" in text[:cut]:
        try:
            head = yaml.load(text[:cut], Loader=_Loader)
        except yaml.YAMLError:
            head = None
        if isinstance(head, dict):
            try:
                reflection = Reflection.model_validate({**head, "answers": []})
            except ValidationError:
                pass
            else:
                return Summary.of(reflection, path.name)
    record = read_record(path)
    if isinstance(record, GroupRecord):
        return Summary.of_group(record, path.name)
    return Summary.of(record, path.name)


def _summary_or_problem(path: Path) -> tuple[dict[str, Any] | None, str]:
    """For the index: a summary as plain data, or what is wrong with the file."""
    try:
        return asdict(read_summary(path)), ""
    except ValueError as e:
        return None, str(e)


def _signature(entry: os.DirEntry[str]) -> list[int]:
    stat = entry.stat()
    return [stat.st_mtime_ns, stat.st_size]


class History:
    """Every reflection in one coprod folder (COPROD_HOME, or --out)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.folder = root / "reflections"
        self.index_path = root / INDEX_NAME

    def _load_index(self) -> dict[str, Any]:
        try:
            data = json.loads(self.index_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("format") != INDEX_FORMAT:
            return {}
        return data

    def _save_index(self, entries: dict[str, Any], broken: dict[str, Any]) -> None:
        text = json.dumps({"format": INDEX_FORMAT, "entries": entries, "broken": broken})
        try:
            fd, temp = tempfile.mkstemp(dir=self.root, prefix=".index-", suffix=".part")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            os.replace(temp, self.index_path)
        except OSError:
            # A folder we may read but not write (a shared, read-only copy): no index.
            with contextlib.suppress(OSError, UnboundLocalError):
                os.unlink(temp)

    def read(self) -> tuple[list[Summary], list[Broken]]:
        """Every summary, newest first, and the files that could not be read."""
        if not self.folder.is_dir():
            return [], []
        index = self._load_index()
        old_entries: dict[str, Any] = index.get("entries", {})
        old_broken: dict[str, Any] = index.get("broken", {})
        entries: dict[str, Any] = {}
        broken: dict[str, Any] = {}
        unread: list[tuple[str, list[int]]] = []
        with os.scandir(self.folder) as listing:
            for item in listing:
                name = item.name
                if not name.endswith(".yaml") or name.startswith(".") or not item.is_file():
                    continue
                signature = _signature(item)
                known = old_entries.get(name)
                if known is not None and known.get("signature") == signature:
                    entries[name] = known
                    continue
                failed = old_broken.get(name)
                if failed is not None and failed.get("signature") == signature:
                    broken[name] = failed
                    continue
                unread.append((name, signature))
        from coprod_toolkit.parallel import parallel_map

        paths = [self.folder / name for name, _ in unread]
        for (name, signature), (summary, problem) in zip(
            unread, parallel_map(_summary_or_problem, paths, 200), strict=True
        ):
            if summary is None:
                broken[name] = {"signature": signature, "message": problem}
            else:
                entries[name] = {"signature": signature, "summary": summary}
        changed = bool(unread)
        if changed or len(entries) != len(old_entries) or len(broken) != len(old_broken):
            self._save_index(entries, broken)
        summaries = [Summary.from_dict(e["summary"]) for e in entries.values()]
        summaries.sort(key=lambda s: (s.finished, s.id), reverse=True)
        problems = [Broken(name, b["message"]) for name, b in sorted(broken.items())]
        return summaries, problems

    def remember(self, reflection: Reflection, path: Path) -> None:
        """Add a just-saved reflection to the index, so the next read need not parse it."""
        index = self._load_index()
        entries = index.get("entries", {})
        with contextlib.suppress(OSError):
            stat = path.stat()
            entries[path.name] = {
                "signature": [stat.st_mtime_ns, stat.st_size],
                "summary": asdict(Summary.of(reflection, path.name)),
            }
            self._save_index(entries, index.get("broken", {}))


# --------------------------------------------------------------------------- filters


def filtered(
    summaries: list[Summary],
    exercise: str | None = None,
    name: str | None = None,
    since: date | None = None,
    until: date | None = None,
) -> list[Summary]:
    def keep(s: Summary) -> bool:
        if exercise is not None and s.exercise != exercise:
            return False
        if name is not None and (s.name or "").casefold() != name.casefold():
            return False
        day = s.when.astimezone().date()
        if since is not None and day < since:
            return False
        return not (until is not None and day > until)

    return [s for s in summaries if keep(s)]


def latest_for(summaries: list[Summary], exercise: str, name: str | None) -> Summary | None:
    """The newest reflection of one person (or of nobody named) on one exercise."""
    for s in summaries:  # newest first
        if s.exercise == exercise and (s.name or "").casefold() == (name or "").casefold():
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
    overall = Line("overall", "Overall", [run.overall for run in runs])
    return Progress(runs, lines, overall)


def _month(when: datetime) -> str:
    return f"{when.astimezone():%B %Y}"


def change_words(line: Line, runs: list[Summary]) -> str:
    """'Reciprocity and mutuality rose from 40 to 65 since March 2026.'"""
    first, latest = line.first, line.latest
    if latest is None or first is None:
        return f"{line.title}: not enough answers to compare."
    first_index = line.values.index(first)
    since = _month(runs[first_index].when)
    if len(line.known) < 2 or first_index == len(line.values) - 1:
        return f"{line.title} is at {round(latest)}; there is nothing earlier to compare with yet."
    a, b = round(first), round(latest)
    if b > a:
        words = f"{line.title} rose from {a} to {b} since {since}"
    elif b < a:
        words = f"{line.title} fell from {a} to {b} since {since}"
    else:
        words = f"{line.title} stayed at {b} since {since}"
    previous = line.previous
    if previous is not None and len(line.known) > 2 and round(previous) != b:
        direction = "up" if b > round(previous) else "down"
        words += f" ({direction} from {round(previous)} last time)"
    return words + "."
