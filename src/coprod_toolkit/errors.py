"""The one exception tree. The CLI turns these into a message and an exit code.

Anything that is not a CoprodError is a bug and keeps its traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


class CoprodError(Exception):
    """A problem the person can fix: shown as a message, never as a traceback."""

    exit_code = 1


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a file, with where it is and how to fix it."""

    path: str
    line: int
    column: int
    where: str
    message: str
    severity: Literal["error", "warning"] = "error"

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


class FileProblems(CoprodError):
    """Every problem found in one file (an exercise or an answers file)."""

    def __init__(self, path: str, problems: list[Problem], what: str = "exercise") -> None:
        self.path = path
        self.problems = problems
        self.what = what
        count = len(problems)
        noun = "problem" if count == 1 else "problems"
        lines = [str(p) for p in problems]
        kind = f"{what} file" if what else "file"
        lines.append(f"{count} {noun} in {kind} {path}.")
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

    def __init__(self, message: str = "Stopped.", draft_id: str | None = None) -> None:
        self.draft_id = draft_id
        super().__init__(message)
