"""Where coprod looks for exercises and word lists: the search folders, in order.

Kept apart from catalog.py (which re-exports these) so that `coprod language`,
which needs only the folders, starts without what the catalogue imports.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from coprod_toolkit.errors import UsageProblem
from coprod_toolkit.i18n import _


def builtin_dir() -> Path:
    """The exercises shipped inside the package (or, in a source checkout, beside it)."""
    here = Path(__file__).resolve().parent
    packaged = here / "exercises"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "exercises"


def user_folder(kind: str) -> Path:
    """The user's 'config' or 'cache' folder for coprod, as platformdirs names it.

    On Linux and other XDG systems it is worked out here, from the XDG variables,
    because importing platformdirs costs more than `coprod exercise list` itself.
    """
    if sys.platform not in ("darwin", "win32", "cygwin", "android") and not hasattr(
        sys, "getandroidapilevel"
    ):
        name, default = {
            "config": ("XDG_CONFIG_HOME", ".config"),
            "cache": ("XDG_CACHE_HOME", ".cache"),
        }[kind]
        base = os.environ.get(name, "").strip()
        return (Path(base) if base else Path.home() / default) / "coprod"
    import platformdirs

    finder = platformdirs.user_config_path if kind == "config" else platformdirs.user_cache_path
    return finder("coprod", appauthor=False)


def search_dirs(extra: list[Path] | None = None) -> list[tuple[str, Path]]:
    """(where it comes from, in words for people, folder), in the order they are searched."""
    dirs: list[tuple[str, Path]] = [(_("built in"), builtin_dir())]
    dirs.append((_("this folder"), Path.cwd() / "exercises"))
    dirs.append((_("your config folder"), user_folder("config") / "exercises"))
    for part in os.environ.get("COPROD_PATH", "").split(os.pathsep):
        if part.strip():
            dirs.append(("COPROD_PATH", Path(part.strip()).expanduser()))
    for folder in extra or []:
        if not folder.is_dir():
            raise UsageProblem(
                _(
                    "--exercises {folder}: there is no folder there. "
                    "Fix: give the path of a folder that holds exercise .yaml files."
                ).format(folder=folder)
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
