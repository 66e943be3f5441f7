"""The shape of the code: a plain core, and a fast start."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE = [
    "coprod_toolkit.models",
    "coprod_toolkit.loader",
    "coprod_toolkit.scoring",
    "coprod_toolkit.storage",
    "coprod_toolkit.session",
    "coprod_toolkit.answers",
    "coprod_toolkit.catalog",
    "coprod_toolkit.errors",
    "coprod_toolkit.text",
]


def loaded_modules(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys\nprint('\\n'.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return set(out.split())


@pytest.mark.parametrize("module", CORE)
def test_the_core_imports_no_interface_library(module: str) -> None:
    modules = loaded_modules(f"import {module}")
    assert not {
        m for m in modules if m.split(".")[0] in {"typer", "rich", "questionary", "prompt_toolkit"}
    }


@pytest.mark.parametrize("argv", [["--version"], ["--help"]])
def test_version_and_help_import_nothing_heavy(argv: list[str]) -> None:
    code = (
        "import sys\n"
        f"sys.argv = ['coprod', *{argv!r}]\n"
        "from coprod_toolkit.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
    )
    modules = loaded_modules(code)
    heavy = {"questionary", "prompt_toolkit", "yaml", "pydantic", "rich", "coprod_toolkit.models"}
    assert not {m for m in modules if m in heavy or m.split(".")[0] in heavy}


def test_pydantic_plugins_are_kept_out() -> None:
    """Looking for pydantic plugins reads every installed package's metadata (a tenth of a
    quick command's time), and a plugin would see people's answers: coprod loads none."""
    code = (
        "from coprod_toolkit.catalog import find\n"
        "find('six-principles')\n"
        "from pydantic.plugin._loader import get_plugins\n"
        "assert list(get_plugins()) == []\n"
    )
    modules = loaded_modules(code)
    assert "coprod_toolkit.models" in modules
    assert "importlib.metadata" not in modules


def test_pydantic_gets_any_other_name_from_its_real_plugin_loader() -> None:
    code = (
        "import coprod_toolkit.base\n"
        "from pydantic.plugin._loader import PYDANTIC_ENTRY_POINT_GROUP\n"
        "assert PYDANTIC_ENTRY_POINT_GROUP == 'pydantic'\n"
    )
    loaded_modules(code)


def test_an_english_run_does_not_build_the_translation_models() -> None:
    """Translations are read only when a language other than English is in use."""
    code = (
        "import sys\n"
        "from coprod_toolkit import i18n\n"
        "i18n.set_language('en')\n"
        "from coprod_toolkit.catalog import find\n"
        "from coprod_toolkit.loader import language_of, languages\n"
        "loaded = find('six-principles')\n"
        "assert language_of(loaded) == 'en' and 'cy' in languages(loaded)\n"
    )
    modules = loaded_modules(code)
    assert "coprod_toolkit.loader" in modules
    assert "coprod_toolkit.translations" not in modules
