"""Finding exercises: built in, then ./exercises, the config folder, COPROD_PATH, --exercises."""

from __future__ import annotations

import difflib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from coprod_toolkit.errors import CoprodError, ExerciseNotFound, FileProblems, Problem, UsageProblem
from coprod_toolkit.folders import builtin_dir as builtin_dir
from coprod_toolkit.folders import search_dirs as search_dirs
from coprod_toolkit.folders import user_folder as user_folder
from coprod_toolkit.i18n import _, language

if TYPE_CHECKING:
    from collections.abc import Iterable

    from coprod_toolkit.loader import LoadedExercise

# The loader (and the exercise models behind it) is imported where it is used, so
# that commands which only need the search folders, such as 'coprod language',
# start without building the exercise models. The search folders themselves are in
# folders.py, imported here for everything that looks for them in the catalogue.
# --------------------------------------------------------------------------- the summary cache
#
# Listing exercises, and finding one by id, used to load and validate every file in
# every search folder (twice per assessment). Now each file is read in full only when
# it is the one wanted, or when it changed since coprod last looked: a small summary
# of every file (its id, kind and content hash; and, once listed, its title, size and
# minutes) is kept in the user's cache folder, checked against each file's size and
# modification time. The cache is only ever a shortcut: a missing, unreadable or
# damaged cache file is rebuilt, and a folder that cannot be written is not cached.

CACHE_FORMAT = 2  # 2: an exercise's own language is kept too
PRUNE_FROM = 2_000
_ID = re.compile(r"""^id:[ \t]*(['"]?)([a-z0-9]+(?:-[a-z0-9]+)*)\1[ \t]*(?:#.*)?$""", re.M)
_KIND = re.compile(r"""^kind:[ \t]*(['"]?)(assessment|checklist|guided)\1[ \t]*(?:#.*)?$""", re.M)
_MAX_BYTES = 2_000_000  # as the loader: a bigger file is not an exercise


def _fingerprint() -> str:
    """Changes whenever this copy of coprod changes, and with it what a valid exercise is."""
    from coprod_toolkit import __version__

    here = Path(__file__).resolve().parent
    try:
        newest = max(
            entry.stat().st_mtime_ns for entry in os.scandir(here) if entry.name.endswith(".py")
        )
    except (OSError, ValueError):
        newest = 0
    return f"{CACHE_FORMAT}:{__version__}:{here}:{newest}"


def cache_path() -> Path:
    return user_folder("cache") / "exercises.json"


def _stamp(path: Path) -> list[int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns, st.st_ino]


_SHAPE: dict[str, tuple[type, ...]] = {
    "hash": (str,),
    "id": (str, type(None)),
    "kind": (str,),
    "title": (str,),
    "minutes": (int, type(None)),
    "count": (int,),
    "broken": (bool,),
    "clean": (bool,),
}


def _well_formed(entry: dict[str, object]) -> bool:
    """An entry written by this code: anything else is read from the file again."""
    if not all(k in entry for k in ("hash", "id", "kind")):
        return False
    if ("title" in entry) != ("count" in entry):
        return False
    return all(isinstance(entry[k], t) for k, t in _SHAPE.items() if k in entry)


class _Cache:
    """File summaries by path, each valid while the file's size and times are unchanged."""

    def __init__(self, name: str = "exercises.json") -> None:
        self.path = cache_path().with_name(name)
        self.fingerprint = _fingerprint()
        self.files: dict[str, dict[str, object]] = {}
        self.changed = False
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if not isinstance(data, dict) or data.get("coprod") != self.fingerprint:
            return
        files = data.get("files")
        if isinstance(files, dict):
            self.files = {
                k: v for k, v in files.items() if isinstance(k, str) and isinstance(v, dict)
            }

    def get(self, path: Path) -> dict[str, object] | None:
        entry = self.files.get(str(path))
        if entry is None or entry.get("stamp") != _stamp(path) or not _well_formed(entry):
            return None
        return entry

    def put(self, path: Path, entry: dict[str, object]) -> dict[str, object]:
        entry["stamp"] = _stamp(path)
        self.files[str(path)] = entry
        self.changed = True
        return entry

    def save(self) -> None:
        if not self.changed:
            return
        if len(self.files) > PRUNE_FROM:  # forget files that are gone (temporary folders)
            self.files = {k: v for k, v in self.files.items() if os.path.exists(k)}
        data = {"coprod": self.fingerprint, "files": self.files}
        import tempfile

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".exercises-", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(data, f)
            os.replace(tmp, self.path)
        except OSError:
            pass  # a cache that cannot be written is only a slower start next time
        self.changed = False


def _light(path: Path, cache: _Cache) -> dict[str, object]:
    """A file's id, kind and content hash, read from its text without parsing it."""
    import hashlib

    entry = cache.get(path)
    if entry is not None and "hash" in entry:
        return entry
    try:
        with path.open("rb") as f:
            raw = f.read(_MAX_BYTES + 1)
    except OSError:
        raw = b""
    text = raw.decode("utf-8", errors="replace")
    found = _ID.search(text)
    kind = _KIND.search(text)
    return cache.put(
        path,
        {
            "hash": hashlib.sha256(raw).hexdigest(),
            "id": found.group(2) if found else None,
            "kind": kind.group(2) if kind else "assessment",
        },
    )


_LOADED: dict[tuple[str, tuple[int, ...] | None], LoadedExercise] = {}


def load(path: Path) -> LoadedExercise:
    """Load and check one exercise file, at most once per command for an unchanged file."""
    from coprod_toolkit.loader import load_exercise

    stamp = _stamp(path)
    key = (str(path.resolve()), tuple(stamp) if stamp else None)
    if key not in _LOADED:
        _LOADED[key] = load_exercise(path)
    return _LOADED[key]


def _summary(path: Path, cache: _Cache) -> dict[str, object]:
    """What `exercise list` shows of a file; the file is checked in full when it changed."""
    entry = _light(path, cache)
    if "title" in entry or "broken" in entry:
        return entry
    try:
        loaded = load(path)
    except CoprodError:
        entry["broken"] = True
    else:
        ex = loaded.exercise
        entry.update(
            id=ex.id,
            kind=ex.kind,
            language=ex.language,
            title=ex.title,
            minutes=ex.minutes,
            count=len(ex.steps) if ex.kind == "guided" else sum(1 for _q in ex.questions()),
        )
    cache.changed = True
    return entry


@dataclass
class Found:
    """One exercise file, as `exercise list` shows it."""

    origin: str
    path: Path
    id: str
    title: str
    kind: str
    minutes: int | None
    count: int
    # The languages it can be done in: its own, then each translation beside it, by code.
    languages: list[str] = field(default_factory=lambda: ["en"])


@dataclass
class Catalog:
    exercises: dict[str, Found]
    broken: list[Path]


def _files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def _all_files(extra: list[Path] | None) -> list[tuple[str, Path]]:
    from coprod_toolkit.i18n import is_translation_file  # another language's words, not exercises

    return [
        (origin, path)
        for origin, folder in search_dirs(extra)
        for path in _files(folder)
        if not is_translation_file(path)
    ]


def _two_files(ex_id: str, first: tuple[str, Path], second: tuple[str, Path]) -> CoprodError:
    return CoprodError(
        _(
            "Two different exercise files have the id '{id}':\n"
            "  {first} ({first_origin})\n  {second} ({second_origin})\n"
            "Fix: change the 'id:' line in one of them, or remove the copy you do not need."
        ).format(
            id=ex_id,
            first=first[1],
            first_origin=first[0],
            second=second[1],
            second_origin=second[0],
        )
    )


def catalog(extra: list[Path] | None = None) -> Catalog:
    """Every exercise that can be found. Two different files with one id is an error."""
    cache = _Cache()
    found: dict[str, Found] = {}
    hashes: dict[str, object] = {}
    broken: list[Path] = []
    try:
        for origin, path in _all_files(extra):
            entry = _summary(path, cache)
            if entry.get("broken"):
                broken.append(path)
                continue
            ex_id = str(entry["id"])
            if ex_id in found:
                if hashes[ex_id] == entry["hash"]:
                    continue  # the same file twice, e.g. run from a source checkout
                first = found[ex_id]
                raise _two_files(ex_id, (first.origin, first.path), (origin, path))
            hashes[ex_id] = entry["hash"]
            minutes = entry.get("minutes")
            found[ex_id] = Found(
                origin,
                path,
                ex_id,
                str(entry.get("title", "")),
                str(entry.get("kind", "")),
                minutes if isinstance(minutes, int) else None,
                int(str(entry.get("count", 0))),
                [str(entry.get("language") or "en")],  # i18n-ok: a language code
            )
    finally:
        cache.save()
    _languages(found.values())
    code = language()
    # only those with a translation into the language in use (its module is slow to load)
    translated = [e for e in found.values() if e.languages[0] != code and code in e.languages]
    if translated:
        from coprod_toolkit.translations import translate_titles

        translate_titles(translated, code)
    return Catalog(found, broken)


def _languages(found: Iterable[Found]) -> None:
    """Each exercise's languages: its own, then those of the translation files beside it
    (named `<id>.<language>.yaml`, as `loader.translation_files` finds them)."""
    from coprod_toolkit.i18n import translation_of

    names: dict[Path, list[str]] = {}
    for entry in found:
        folder = entry.path.parent
        if folder not in names:
            try:
                names[folder] = sorted(p.name for p in folder.iterdir())
            except OSError:
                names[folder] = []
        stems = {entry.id, entry.path.stem}
        codes: set[str] = set()
        for name in names[folder]:
            code = translation_of(folder / name, stems)
            if code is not None:
                codes.add(code)
        written = entry.languages[0]
        entry.languages = [written, *sorted(codes - {written})]


def kinds(ids: set[str], extra: list[Path] | None = None) -> dict[str, str]:
    """The kind of each exercise with one of these ids, read from the summaries alone."""
    cache = _Cache()
    found: dict[str, str] = {}
    try:
        for _origin, path in _all_files(extra):
            entry = _light(path, cache)
            ex_id = entry.get("id")
            if isinstance(ex_id, str) and ex_id in ids and ex_id not in found:
                found[ex_id] = str(entry.get("kind", "assessment"))
    finally:
        cache.save()
    return found


def localise(loaded: LoadedExercise) -> LoadedExercise:
    """The exercise in the language in use, when a translation is beside it. In the
    exercise's own language (English, mostly), the translations module is never
    imported (a quick command stays quick)."""
    from coprod_toolkit.loader import language_of

    if language() == language_of(loaded):
        return loaded
    from coprod_toolkit.translations import localise as in_language

    return in_language(loaded)


def _not_a_translation(path: Path, name: str) -> None:
    """A translation file given where an exercise is wanted: say what it is, and what to
    type instead (the same command, with the exercise's id and the language)."""
    from coprod_toolkit.i18n import is_translation_file, name_in_sentence

    if not is_translation_file(path):
        return
    from coprod_toolkit.translations import read_translation

    try:
        tr, _marks = read_translation(path)
    except CoprodError:
        return  # not readable as a translation either: the exercise loader says why
    from coprod_toolkit.text import typed_command

    typed = typed_command() or ["assess", name]
    words = [tr.translates if arg == name else arg for arg in typed]
    if tr.translates not in words:
        words.append(tr.translates)
    command = " ".join(["coprod", "--lang", tr.language, *words])
    raise UsageProblem(
        _(
            "{path} holds the words of the exercise '{id}' in {language}: it is not an "
            "exercise of its own. Fix: name the exercise and the language instead: {command}"
        ).format(
            path=path, id=tr.translates, language=name_in_sentence(tr.language), command=command
        )
    )


def find(name: str, extra: list[Path] | None = None) -> LoadedExercise:
    """An exercise by id, or by the path of its file. Reads in full only the file wanted."""
    if name.endswith((".yaml", ".yml")) or os.sep in name:
        path = Path(name).expanduser()
        _not_a_translation(path, name)
        return localise(load(path))
    cache = _Cache()
    try:
        files = _all_files(extra)
        candidates = []
        for origin, path in files:
            entry = _light(path, cache)
            if entry.get("id") is None:
                # the id is written in a way the quick reading does not follow: check in full
                entry = _summary(path, cache)
            if entry.get("id") == name:
                candidates.append((origin, path, entry["hash"]))
        first: tuple[str, Path, object] | None = None
        result: LoadedExercise | None = None
        problems: list[CoprodError] = []
        for origin, path, content in candidates:
            if first is not None and content == first[2]:
                continue  # the same file twice, e.g. run from a source checkout
            try:
                loaded = load(path)
            except CoprodError as e:
                problems.append(e)
                continue
            if loaded.exercise.id != name:
                continue
            if first is None:
                first, result = (origin, path, content), loaded
            else:
                raise _two_files(name, first[:2], (origin, path))
        if result is not None:
            return localise(result)
        if problems:
            raise problems[0]
        for _origin, path in files:
            if path.stem == name:
                load(path)  # a file named for it that cannot be read: say what is wrong
    finally:
        cache.save()
    cat = catalog(extra)
    known = sorted(cat.exercises)
    guess = difflib.get_close_matches(name, known, n=1)
    hint = " " + _("Did you mean '{id}'?").format(id=guess[0]) if guess else ""
    width = max((len(k) for k in known), default=0)
    listing = "\n".join(f"  {k:<{width}}  {cat.exercises[k].title}" for k in known)
    raise ExerciseNotFound(
        _(
            "There is no exercise called '{name}'.{hint}\nThe exercises coprod knows:\n"
            "{listing}\nRun 'coprod exercise list' to see where each comes from."
        ).format(name=name, hint=hint, listing=listing or "  " + _("(none found)"))
    )


@dataclass
class FileReport:
    path: Path
    exercise_id: str | None
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]


def exercise_files(paths: list[Path]) -> tuple[list[Path], list[Problem]]:
    """The YAML files named, and those inside the folders named (all levels down).

    Markdown files in a folder called `guides` are guides, and YAML files in a folder
    called `language` are word lists; each is checked as what it is.
    """
    files: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            inside = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and (
                    p.suffix in (".yaml", ".yml")
                    or (p.suffix == ".md" and p.parent.name == "guides")
                )
            )
            if not inside:
                problems.append(
                    Problem(
                        str(path),
                        0,
                        0,
                        "",
                        _("there are no exercise (.yaml) or guide files in this folder."),
                    )
                )
            files.extend(inside)
        elif path.exists():
            files.append(path)
        else:
            problems.append(
                Problem(
                    str(path),
                    0,
                    0,
                    "",
                    _("there is no file or folder here. Fix: check the path."),
                )
            )
    return files, problems


def _check_one(path: Path) -> tuple[str | None, list[Problem]]:
    if path.parent.name == "language":
        from coprod_toolkit.language import load_word_list

        try:
            load_word_list(path)
        except FileProblems as e:
            return None, e.problems
        return None, []
    if path.suffix == ".md":
        from coprod_toolkit.guides import load_guide

        try:
            load_guide(path)
        except FileProblems as e:
            return None, e.problems
        return None, []
    from coprod_toolkit.i18n import is_translation_file
    from coprod_toolkit.translations import check_translation_file

    if is_translation_file(path):
        return None, check_translation_file(path)
    from coprod_toolkit.loader import check_file

    loaded, problems = check_file(path)
    return (loaded.exercise.id if loaded else None), problems


PARALLEL_FROM = 64


def _check_all(files: list[Path]) -> list[tuple[str | None, list[Problem]]]:
    """Check files in order; many files are shared between the machine's cores."""
    if not files:
        return []  # every file was found clean before: no models to load (issue 15)
    # Load the models here, once, so that forked workers start with them ready.
    import coprod_toolkit.loader
    from coprod_toolkit.parallel import parallel_map

    if any(p.suffix == ".md" for p in files):
        import coprod_toolkit.guides
    if any(p.parent.name == "language" for p in files):
        import coprod_toolkit.language  # noqa: F401

    return parallel_map(_check_one, files, PARALLEL_FROM)


def _checked(files: list[Path]) -> list[tuple[str | None, list[Problem]]]:
    """Each file's id and problems. An exercise file found clean before, and unchanged
    since (same size, times and inode, same coprod), is not checked again."""
    cache = _Cache("validated.json")
    results: list[tuple[str | None, list[Problem]] | None] = []
    for path in files:
        entry = cache.get(path) if path.parent.name != "language" and path.suffix != ".md" else None
        results.append((str(entry["id"]), []) if entry and entry.get("clean") else None)
    todo = [path for path, result in zip(files, results, strict=True) if result is None]
    done = iter(_check_all(todo))
    merged = []
    for path, result in zip(files, results, strict=True):
        if result is None:
            result = next(done)
            ex_id, problems = result
            if ex_id is not None and not problems:
                cache.put(path, {"hash": "", "id": ex_id, "kind": "", "clean": True})
        merged.append(result)
    cache.save()
    return merged


def check_paths(paths: list[Path]) -> tuple[list[FileReport], list[Problem]]:
    """Check every exercise file under the paths, and that no two share an id."""
    files, missing = exercise_files(paths)
    reports: list[FileReport] = []
    first_with: dict[str, Path] = {}
    for path, (ex_id, problems) in zip(files, _checked(files), strict=True):
        if ex_id is not None:
            if ex_id in first_with and first_with[ex_id].resolve() != path.resolve():
                problems = [
                    Problem(
                        str(path),
                        1,
                        1,
                        "id",
                        _(
                            "the id '{id}' is also used by {file}. "
                            "Fix: give each exercise its own id."
                        ).format(id=ex_id, file=first_with[ex_id]),
                    ),
                    *problems,
                ]
            first_with.setdefault(ex_id, path)
        reports.append(FileReport(path, ex_id, problems))
    return reports, missing
