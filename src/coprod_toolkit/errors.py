"""The one exception tree. The CLI turns these into a message and an exit code.

Anything that is not a CoprodError is a bug and keeps its traceback.
"""

from __future__ import annotations

from coprod_toolkit.frozen import Frozen
from coprod_toolkit.i18n import N_, _, available, ngettext, translations

# Only the type checker reads this import: every command imports this module, and
# `coprod language` starts faster without typing (and without dataclasses, below).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Literal

# What each kind of file is called in a message ("3 problems in exercise file x.yaml").
_FILE_KINDS = {
    "": N_("file"),
    "exercise": N_("exercise file"),
    "answers": N_("answers file"),
    "draft": N_("draft file"),
    "reflection": N_("reflection file"),
    "guide": N_("guide file"),
    "word list": N_("word list file"),  # i18n-ok (the key is code)
    "translation": N_("translation file"),
}


def file_kind(what: str) -> str:
    """'exercise' -> 'exercise file', in the language in use: what a file holds, named."""
    known = _FILE_KINDS.get(what)
    if known is not None:
        return str(known)
    # Translators: {what} is a kind of file coprod reads, such as 'exercise'.
    return _("{what} file").format(what=what)


class CoprodError(Exception):
    """A problem the person can fix: shown as a message, never as a traceback."""

    exit_code = 1


class Problem(Frozen):
    """One thing wrong in a file, with where it is and how to fix it.

    Frozen, and equal to another when all but `kind` are the same, as a frozen
    dataclass would be (see frozen.py).
    """

    __match_args__ = ("path", "line", "column", "where", "message", "severity", "kind")
    path: str
    line: int
    column: int
    where: str
    message: str
    severity: Literal["error", "warning"]
    # What kind of problem, for code that acts on it in any language (never shown):
    # "not-text" (not a text file at all) or "yaml" (text that is not valid YAML).
    kind: str

    def __init__(
        self,
        path: str,
        line: int,
        column: int,
        where: str,
        message: str,
        severity: Literal["error", "warning"] = "error",
        kind: str = "",
    ) -> None:
        self._set(
            path=path,
            line=line,
            column=column,
            where=where,
            message=message,
            severity=severity,
            kind=kind,
        )

    def _compared(self) -> tuple[object, ...]:  # `kind` is for code: not compared
        return (self.path, self.line, self.column, self.where, self.message, self.severity)

    @property
    def what_is_wrong(self) -> str:
        """The message without its 'Fix: ...', in any language: 'the file is empty'."""
        return what_is_wrong(self.message)

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "where": self.where,
            "severity": self.severity,
            "message": self.message,
        }

    def __str__(self) -> str:
        place = f"{self.path}:{self.line}:{self.column}" if self.line else self.path
        return (
            f"{place}: {self.where}: {self.message}" if self.where else f"{place}: {self.message}"
        )


# Translators: the word that starts how to fix a problem in every message ("Fix: ...").
# It must be the same word as in the messages' own translations.
FIX = N_("Fix:")


def what_is_wrong(message: str) -> str:
    """'the file is empty. Fix: start from ...' -> 'the file is empty', whichever language
    the message is in (the part before that language's word for 'Fix:')."""
    for code in available():
        fix = " " + translations(code).gettext(FIX.message)
        if fix in message:
            return message.split(fix)[0].rstrip(".")
    return message.rstrip(".")


class FileProblems(CoprodError):
    """Every problem found in one file (an exercise or an answers file)."""

    def __init__(self, path: str, problems: list[Problem], what: str = "exercise") -> None:
        self.path = path
        self.problems = problems
        self.what = what
        count = len(problems)
        lines = [str(p) for p in problems]
        lines.append(
            # Translators: the last line under a file's problems: '2 problems in exercise file
            # my.yaml.' ({kind} is 'exercise file', 'answers file' and so on).
            ngettext(
                "{count} problem in {kind} {path}.", "{count} problems in {kind} {path}.", count
            ).format(count=count, kind=file_kind(what), path=path)
        )
        super().__init__("\n".join(lines))


class UsageProblem(CoprodError):
    """The command was given something it cannot use (exit 2, like other usage errors).

    An option value it does not accept and a name or id that matches nothing are the
    same kind of mistake, so both leave with 2, as the README's exit-code table says.
    """

    exit_code = 2


class NotFound(UsageProblem):
    """An id or name that matches nothing: an exercise, reflection, draft or guide."""


class ExerciseNotFound(NotFound):
    pass


class NoTerminal(CoprodError):
    pass


class StorageError(CoprodError):
    pass


class BadFile(CoprodError):
    """A file that was named but cannot be used as what it should be (exit 1)."""


class Interrupted(CoprodError):
    """Ctrl-C or end of input part-way through. The draft (if any) already holds every answer."""

    exit_code = 130

    def __init__(self, message: str | None = None, draft_id: str | None = None) -> None:
        self.draft_id = draft_id
        super().__init__(_("Stopped.") if message is None else message)


class Refused(CoprodError):
    """The operating system refused something no command foresaw."""


def refused(error: OSError) -> Refused:
    """An OSError said plainly: a full disk under the output, a folder another person's
    account keeps private. Anything else is named with the system's own words."""
    import errno

    where = error.filename
    if error.errno == errno.ENOSPC:
        reason = _("the disk is full")
        fix = _(
            "Fix: make some space on the disk (or send the output somewhere else), then run "
            "the command again."
        )
    elif error.errno in (errno.EACCES, errno.EPERM) and where:
        reason = _("this account is not allowed to open {file}").format(file=where)
        fix = _(
            "Fix: ask whoever looks after this computer to let your account read and write "
            "there, or use a folder of your own (--out DIR, or COPROD_HOME)."
        )
    else:
        reason = f"{where}: {error.strerror}" if where else str(error.strerror or error)
        fix = ""
    message = _("coprod could not finish: {reason}.").format(reason=reason)
    return Refused(f"{message} {fix}".rstrip())


# The newest format of saved records and drafts this version of coprod reads.
RECORD_FORMAT = 1


def newer_format(found: object) -> str | None:
    """What to say of a saved file whose `format:` is newer than this coprod reads: it
    is not damaged, and must not be 'fixed' back to an older format."""
    if isinstance(found, bool) or not isinstance(found, int) or found <= RECORD_FORMAT:
        return None
    return _(
        "it was saved by a newer version of coprod (format {found}; this version reads "
        "format {known}). Fix: leave the file as it is, and update coprod to read it"
    ).format(found=found, known=RECORD_FORMAT)
