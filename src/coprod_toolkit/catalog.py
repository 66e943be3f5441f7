"""Finding exercises: built in, then ./exercises, the config folder, COPROD_PATH, --exercises."""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from coprod_toolkit.errors import CoprodError, ExerciseNotFound, FileProblems, Problem, UsageProblem

if TYPE_CHECKING:
    from coprod_toolkit.loader import LoadedExercise

# The loader (and the exercise models behind it) is imported where it is used, so
# that commands which only need the search folders, such as 'coprod language',
# start without building the exercise models.


def builtin_dir() -> Path:
    """The exercises shipped inside the package (or, in a source checkout, beside it)."""
    here = Path(__file__).resolve().parent
    packaged = here / "exercises"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "exercises"


def search_dirs(extra: list[Path] | None = None) -> list[tuple[str, Path]]:
    """(where it comes from, folder), in the order they are searched."""
    from platformdirs import user_config_path

    dirs: list[tuple[str, Path]] = [("built in", builtin_dir())]
    dirs.append(("this folder", Path.cwd() / "exercises"))
    dirs.append(("your config folder", user_config_path("coprod", appauthor=False) / "exercises"))
    for part in os.environ.get("COPROD_PATH", "").split(os.pathsep):
        if part.strip():
            dirs.append(("COPROD_PATH", Path(part.strip()).expanduser()))
    for folder in extra or []:
        if not folder.is_dir():
            raise UsageProblem(
                f"--exercises {folder}: there is no folder there. "
                "Fix: give the path of a folder that holds exercise .yaml files."
            )
        dirs.append(("--exercises", folder))
    seen: set[Path] = set()
    unique = []
    for origin, folder in dirs:
        key = folder.resolve() if folder.exists() else folder
        if key not in seen:
            seen.add(key)
            unique.append((origin, folder))
    return unique


@dataclass
class Found:
    origin: str
    loaded: LoadedExercise


@dataclass
class Catalog:
    exercises: dict[str, Found]
    broken: list[tuple[str, CoprodError]]


def _files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def catalog(extra: list[Path] | None = None) -> Catalog:
    """Every exercise that can be found. Two different files with one id is an error."""
    found: dict[str, Found] = {}
    broken: list[tuple[str, CoprodError]] = []
    for origin, folder in search_dirs(extra):
        for path in _files(folder):
            from coprod_toolkit.translations import is_translation_file, localise

            if is_translation_file(path):
                continue  # another language's words for an exercise, not an exercise
            try:
                from coprod_toolkit.loader import load_exercise

                loaded = localise(load_exercise(path))
            except CoprodError as e:
                broken.append((path.stem, e))
                continue
            ex_id = loaded.exercise.id
            if ex_id in found:
                first = found[ex_id]
                if first.loaded.hash == loaded.hash:
                    continue  # the same file twice, e.g. run from a source checkout
                raise CoprodError(
                    f"Two different exercise files have the id '{ex_id}':\n"
                    f"  {first.loaded.path} ({first.origin})\n  {path} ({origin})\n"
                    "Fix: change the 'id:' line in one of them, or remove the copy you do not need."
                )
            found[ex_id] = Found(origin, loaded)
    return Catalog(found, broken)


def find(name: str, extra: list[Path] | None = None) -> LoadedExercise:
    """An exercise by id, or by the path of its file."""
    if name.endswith((".yaml", ".yml")) or os.sep in name:
        from coprod_toolkit.loader import load_exercise
        from coprod_toolkit.translations import localise

        return localise(load_exercise(Path(name).expanduser()))
    cat = catalog(extra)
    if name in cat.exercises:
        return cat.exercises[name].loaded
    for stem, error in cat.broken:
        if stem == name and isinstance(error, FileProblems):
            raise error
    known = sorted(cat.exercises)
    guess = difflib.get_close_matches(name, known, n=1)
    hint = f" Did you mean '{guess[0]}'?" if guess else ""
    width = max((len(k) for k in known), default=0)
    listing = (
        "\n".join(f"  {k:<{width}}  {cat.exercises[k].loaded.exercise.title}" for k in known)
        or "  (none found)"
    )
    raise ExerciseNotFound(
        f"There is no exercise called '{name}'.{hint}\nThe exercises coprod knows:\n{listing}\n"
        "Run 'coprod exercise list' to see where each comes from."
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
                        "there are no exercise (.yaml) or guide files in this folder.",
                    )
                )
            files.extend(inside)
        elif path.exists():
            files.append(path)
        else:
            problems.append(
                Problem(
                    str(path), 0, 0, "", "there is no file or folder here. Fix: check the path."
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
    from coprod_toolkit.translations import check_translation_file, is_translation_file

    if is_translation_file(path):
        return None, check_translation_file(path)
    from coprod_toolkit.loader import check_file

    loaded, problems = check_file(path)
    return (loaded.exercise.id if loaded else None), problems


PARALLEL_FROM = 64


def _check_all(files: list[Path]) -> list[tuple[str | None, list[Problem]]]:
    """Check files in order; many files are shared between the machine's cores."""
    # Load the models here, once, so that forked workers start with them ready.
    import coprod_toolkit.loader
    from coprod_toolkit.parallel import parallel_map

    if any(p.suffix == ".md" for p in files):
        import coprod_toolkit.guides
    if any(p.parent.name == "language" for p in files):
        import coprod_toolkit.language  # noqa: F401

    return parallel_map(_check_one, files, PARALLEL_FROM)


def check_paths(paths: list[Path]) -> tuple[list[FileReport], list[Problem]]:
    """Check every exercise file under the paths, and that no two share an id."""
    files, missing = exercise_files(paths)
    reports: list[FileReport] = []
    first_with: dict[str, Path] = {}
    for path, (ex_id, problems) in zip(files, _check_all(files), strict=True):
        if ex_id is not None:
            if ex_id in first_with and first_with[ex_id].resolve() != path.resolve():
                problems = [
                    Problem(
                        str(path),
                        1,
                        1,
                        "id",
                        f"the id '{ex_id}' is also used by {first_with[ex_id]}. "
                        "Fix: give each exercise its own id.",
                    ),
                    *problems,
                ]
            first_with.setdefault(ex_id, path)
        reports.append(FileReport(path, ex_id, problems))
    return reports, missing
