"""Build hook: compile the message catalogues (.po) into the .mo files that ship in the wheel.

The .mo files are built, never committed (they are git-ignored), so a fresh clone gets
them from `pip install .`, `pip install -e .` or `python -m build` with no extra step.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

LOCALE = Path("src", "coprod_toolkit", "locale")
DOMAIN = "coprod"


def compile_catalogues(root: Path) -> list[Path]:
    """Compile every locale/*/LC_MESSAGES/coprod.po under root; the .mo paths, relative to root."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    built = []
    for po in sorted((root / LOCALE).glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        with po.open("rb") as f:
            catalog = read_po(f, locale=po.parent.parent.name, domain=DOMAIN)
        mo = po.with_suffix(".mo")
        with mo.open("wb") as f:
            write_mo(f, catalog)
        built.append(mo.relative_to(root))
    return built


class CatalogueHook(BuildHookInterface):  # type: ignore[misc]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        built = compile_catalogues(Path(self.root))
        # Git-ignored files are left out of a build unless they are named as artifacts.
        build_data.setdefault("artifacts", []).extend(p.as_posix() for p in built)
