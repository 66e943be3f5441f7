"""Where reflections and drafts live, and how they are written safely.

Every file is written whole or not at all (a temporary file, then a rename),
readable by its owner only (0600, folders 0700), and a finished reflection is
never overwritten: a second run in the same minute gets a name of its own.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from pydantic import ValidationError

from coprod_toolkit.errors import CoprodError, StorageError
from coprod_toolkit.i18n import N_, _
from coprod_toolkit.models import Draft, Reflection

if TYPE_CHECKING:
    from coprod_toolkit.group_models import GroupDraft, GroupRecord

_Dumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def default_home() -> Path:
    """COPROD_HOME if set, else the usual data folder for this system."""
    env = os.environ.get("COPROD_HOME")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path("coprod", appauthor=False)


def dump_yaml(data: Any) -> str:
    text: str = yaml.dump(
        data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False
    )
    return text


REASONS = {
    13: N_("coprod is not allowed to write there"),
    1: N_("coprod is not allowed to write there"),
    30: N_("that place is read-only"),
    28: N_("the disk is full"),
    20: N_("part of that path is a file, not a folder"),
    2: N_("part of that path does not exist"),
}

# How to put right a folder that cannot be saved in.
ELSEWHERE = N_(
    "Fix: choose another folder with --out DIR, or set COPROD_HOME to a folder you can write to."
)


def _explain(error: OSError, folder: Path, writing: bool = False) -> str:
    known = REASONS.get(error.errno or 0)
    reason = str(known) if known is not None else error.strerror or _("it cannot be written")
    if writing:
        return _("Cannot write to {folder}: {reason}.").format(folder=folder, reason=reason)
    return _("Cannot save in {folder}: {reason}.").format(folder=folder, reason=reason)


def _folder_time(folder: Path) -> int:
    try:
        return os.stat(folder).st_mtime_ns
    except OSError:
        return 0


def _sync_folder(folder: Path) -> None:
    """Make a rename in `folder` survive a power cut (where the system allows it)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _claim(temp: str, path: Path) -> None:
    """Give a finished temporary file its real name, only if no file has that name yet.

    Raises FileExistsError when the name is taken. Where hard links are not
    allowed (some shared or USB drives), the name is held by creating it first.
    """
    try:
        os.link(temp, path)
        return
    except FileExistsError:
        raise
    except OSError as e:
        if e.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK, errno.EXDEV):
            raise
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    try:
        os.replace(temp, path)
    except OSError:
        with contextlib.suppress(OSError):
            path.unlink()
        raise


class DraftInUse(StorageError):
    """The draft is held by another coprod process."""


class Store:
    """One folder of reflections (`reflections/`) and drafts (`drafts/`)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.reflections = root / "reflections"
        self.drafts = root / "drafts"
        # The reflections folder's times just before and after the last save (for the index).
        self.folder_times: tuple[int, int] | None = None

    def _folder(self, folder: Path) -> Path:
        try:
            for part in (self.root, folder):
                # Made, not first asked after: another coprod saving at the same moment
                # may make the folder between the asking and the making.
                try:
                    part.mkdir(parents=True, mode=0o700)
                except OSError as e:
                    if part.is_dir():  # there already (a read-only disk may say so its own way)
                        continue
                    if isinstance(e, FileExistsError):
                        raise StorageError(
                            _("Cannot save in {folder}: it is a file, not a folder.").format(
                                folder=part
                            )
                            + f" {ELSEWHERE}"
                        ) from None
                    raise
                else:
                    part.chmod(0o700)
        except OSError as e:
            raise StorageError(_explain(e, folder) + f" {ELSEWHERE}") from None
        return folder

    def check_writable(self) -> None:
        """Fail before the first question, not after the last one.

        The drafts folder is tried with a real file. The reflections folder is
        only asked (a file made and removed there would change the folder's time,
        which tells the index that nothing was added since it last looked).
        """
        for folder in (self.reflections, self.drafts):
            self._folder(folder)
            try:
                if folder == self.reflections:
                    if not os.access(folder, os.W_OK | os.X_OK):
                        raise PermissionError(errno.EACCES, "Permission denied")  # i18n-ok
                    continue
                fd, name = tempfile.mkstemp(dir=folder, prefix=".check-")
                os.close(fd)
                os.unlink(name)
            except OSError as e:
                raise StorageError(_explain(e, folder) + f" {ELSEWHERE}") from None

    # ------------------------------------------------------------------ writing

    def _write_temp(self, folder: Path, text: str) -> str:
        fd, temp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".part")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
        return temp

    def _replace(self, folder: Path, name: str, text: str) -> Path:
        """Write a file whole, replacing any earlier version (drafts).

        The earlier version stays whole until the new one is: so when saving fails,
        the answers saved before are kept, and the message says so."""
        target = folder / name
        temp = None
        try:
            temp = self._write_temp(self._folder(folder), text)
            os.replace(temp, target)
            temp = None
            _sync_folder(folder)
        except OSError as e:
            if temp is not None:  # written but not put in place: not left behind
                with contextlib.suppress(OSError):
                    os.unlink(temp)
            if e.errno == errno.ENOSPC:
                fix = _(
                    "The answers saved before this one are kept. Fix: make some space on "
                    "the disk, then carry on with: coprod resume"
                )
            else:
                fix = _(
                    "The answers saved before this one are kept. Fix: once coprod can save "
                    "there again, carry on with: coprod resume"
                )
            raise StorageError(f"{_explain(e, folder)} {fix}") from None
        return target

    def _create(
        self,
        folder: Path,
        stem: str,
        suffixes: tuple[str, ...],
        texts_for: Callable[[str], list[str]],
    ) -> list[Path]:
        """Write new files that share a stem no other file has; never overwrite.

        `texts_for` gets the name finally chosen, so a file can carry its own name.
        Each file is written whole and flushed to disk under a hidden temporary
        name first, and only then given its real name with a hard link, which
        fails if the name is taken. So a crash (even kill -9, or the power going)
        can leave a hidden .part file behind, but never an empty or half-written
        reflection under a real name.
        """
        self._folder(folder)
        before = _folder_time(folder)
        for attempt in range(1, 1000):
            name = stem if attempt == 1 else f"{stem}-{attempt}"
            paths = [folder / (name + suffix) for suffix in suffixes]
            if any(p.exists() for p in paths):
                continue
            temps: list[str] = []
            claimed: list[Path] = []
            try:
                for text in texts_for(name):
                    temps.append(self._write_temp(folder, text))
                for temp, path in zip(temps, paths, strict=True):
                    _claim(temp, path)
                    claimed.append(path)
                _sync_folder(folder)
            except FileExistsError:
                for path in claimed:  # someone took this name a moment ago: try the next
                    with contextlib.suppress(OSError):
                        path.unlink()
                continue
            except OSError as e:
                for path in claimed:
                    with contextlib.suppress(OSError):
                        path.unlink()
                raise StorageError(_explain(e, folder)) from None
            finally:
                for temp in temps:
                    with contextlib.suppress(OSError):
                        os.unlink(temp)
            after = _folder_time(folder)
            self.folder_times = (before, after) if before and after else None
            return paths
        raise StorageError(_("Cannot find a free file name in {folder}.").format(folder=folder))

    # ------------------------------------------------------------------ reflections

    def save_reflection(
        self, reflection: Reflection | GroupRecord, markdown: str
    ) -> tuple[Path, Path]:
        """Save both files under a new name; the YAML records that name as its id.

        A group's record is saved beside everyone's reflections, the same way.
        """

        def texts(name: str) -> list[str]:
            data = reflection.model_copy(update={"id": name}).model_dump(mode="json")
            return [dump_yaml(data), markdown]

        yaml_path, md_path = self._create(self.reflections, reflection.id, (".yaml", ".md"), texts)
        return yaml_path, md_path

    # ------------------------------------------------------------------ drafts

    def reserve_id(self, base: str) -> str:
        """A run id no draft or reflection here has yet, held by creating its draft file."""
        self._folder(self.drafts)
        for attempt in range(1, 1000):
            run_id = base if attempt == 1 else f"{base}-{attempt}"
            if (self.reflections / f"{run_id}.yaml").exists():
                continue
            try:
                fd = os.open(
                    self.drafts / f"{run_id}.yaml", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600
                )
            except FileExistsError:
                continue
            except OSError as e:
                raise StorageError(_explain(e, self.drafts)) from None
            os.close(fd)
            return run_id
        raise StorageError(
            _("Cannot find a free file name in {folder}.").format(folder=self.drafts)
        )

    def save_draft(self, draft: Draft | GroupDraft) -> None:
        self._replace(self.drafts, f"{draft.id}.yaml", dump_yaml(draft.model_dump(mode="json")))

    @contextlib.contextmanager
    def claim(self, draft_id: str) -> Iterator[None]:
        """Hold one run's draft for this process alone, until the block ends.

        Two windows carrying on with the same run would save it twice; the second
        one is told the run is open elsewhere. Where the system has no file locks,
        nothing is held.
        """
        try:
            import fcntl
        except ImportError:  # Windows
            yield
            return
        self._folder(self.drafts)
        lock = self.drafts / f".{draft_id}.lock"
        for _attempt in range(10):
            try:
                fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
            except OSError as e:
                raise StorageError(_explain(e, self.drafts)) from None
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(fd)
                raise DraftInUse(
                    _(
                        "The run {id} is open in another window or by another person "
                        "right now, so it cannot be carried on here as well (it would be saved "
                        "twice). Fix: finish it there, or wait until it is closed and try again."
                    ).format(id=draft_id)
                ) from None
            try:
                same = os.fstat(fd).st_ino == os.stat(lock).st_ino
            except OSError:
                same = False
            if same:
                break
            os.close(fd)  # the lock file was removed and made again meanwhile: lock the new one
        else:
            raise DraftInUse(
                _("The run {id} is busy. Fix: try again in a moment.").format(id=draft_id)
            )
        try:
            yield
        finally:
            with contextlib.suppress(OSError):
                lock.unlink()
            os.close(fd)

    def has_draft(self, draft_id: str) -> bool:
        """Whether a draft with some answers (not just a reserved name) is on disk."""
        try:
            return (self.drafts / f"{draft_id}.yaml").stat().st_size > 0
        except OSError:
            return False

    def delete_draft(self, draft_id: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            (self.drafts / f"{draft_id}.yaml").unlink()

    def load_draft(self, path: Path) -> Draft | GroupDraft:
        from coprod_toolkit.yamlfile import read_yaml, validation_problems

        data, marks, _raw = read_yaml(path, "draft")
        from coprod_toolkit.group_models import GroupDraft

        model: type[Draft] | type[GroupDraft] = (
            GroupDraft if data.get("command") == "group" else Draft
        )
        try:
            return model.model_validate(data)
        except ValidationError as e:
            from coprod_toolkit.errors import FileProblems

            raise FileProblems(
                str(path), validation_problems(str(path), data, marks, e, model), "draft"
            ) from None

    def list_drafts(self) -> tuple[list[Draft | GroupDraft], list[CoprodError]]:
        """Every readable draft, newest first, and the problems with any that are not."""
        drafts: list[Draft | GroupDraft] = []
        broken: list[CoprodError] = []
        if not self.drafts.is_dir():
            return drafts, broken
        for path in sorted(self.drafts.glob("*.yaml")):
            if path.stat().st_size == 0:
                continue  # reserved a moment ago, nothing answered yet
            try:
                draft = self.load_draft(path)
            except CoprodError as e:
                broken.append(e)
                continue
            if draft.id != path.stem:  # a copy: it would be listed twice, and never cleared
                broken.append(
                    CoprodError(
                        _(
                            "{file}: this is a copy of the run {id} (a run's file is named "
                            "after it), so it is left alone. Fix: if you made the copy, remove "
                            "it; to carry on with the run, use: coprod resume {id}"
                        ).format(file=path, id=draft.id)
                    )
                )
                continue
            drafts.append(draft)
        drafts.sort(key=lambda d: d.updated, reverse=True)
        return drafts, broken


def write_output(target: Path, chunks: Iterable[str], force: bool = False) -> None:
    """Write a report or an export to a file of the person's choosing, safely.

    The file is readable by its owner only (0600), written whole under a hidden
    name first (so a failure part-way leaves nothing behind), and then given its
    name: never over an existing file unless `force`, and never through a
    symbolic link (with `force` the link itself is replaced, not what it points to).
    """
    fix = _("Fix: choose another name with --to FILE, or add --force to replace it.")
    exists = _("{file} already exists, and coprod will not write over it.").format(file=target)
    another_place = _("Fix: choose another place with --to FILE.")
    if os.path.islink(target) and not force:
        raise StorageError(
            _("{file} is a link to another place, and coprod will not write through it.").format(
                file=target
            )
            + f" {fix}"
        )
    if target.is_dir() and not target.is_symlink():
        raise StorageError(
            _("{file} is a folder. Fix: give the name of a file with --to FILE.").format(
                file=target
            )
        )
    if os.path.lexists(target) and not force:
        raise StorageError(f"{exists} {fix}")
    folder = target.parent
    try:
        fd, temp = tempfile.mkstemp(dir=folder, prefix=".coprod-", suffix=".part")
    except OSError as e:
        raise StorageError(f"{_explain(e, folder)} {another_place}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            for chunk in chunks:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        if force:
            os.replace(temp, target)
        else:
            _claim(temp, target)
    except FileExistsError:
        raise StorageError(f"{exists} {fix}") from None
    except OSError as e:
        raise StorageError(f"{_explain(e, folder, writing=True)} {another_place}") from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp)


def new_run_id(exercise_id: str, when: datetime) -> str:
    """A name that sorts by time and says what it is: 2026-11-23-1545-six-principles."""
    return f"{when.astimezone():%Y-%m-%d-%H%M}-{exercise_id}"
