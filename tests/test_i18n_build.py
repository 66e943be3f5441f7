"""The compiled Welsh catalogue ships in the wheel, built from the .po with no extra step."""

from __future__ import annotations

import gettext
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT

MO = "coprod_toolkit/locale/cy/LC_MESSAGES/coprod.mo"


def test_the_wheel_holds_the_compiled_welsh_catalogue(tmp_path: Path) -> None:
    pytest.importorskip("babel", reason="babel is a build requirement (pip install -e '.[test]')")
    wheel_builder = pytest.importorskip("hatchling.builders.wheel")
    builder = wheel_builder.WheelBuilder(str(ROOT))
    built = list(builder.build(directory=str(tmp_path), versions=["standard"]))
    assert len(built) == 1
    with zipfile.ZipFile(built[0]) as wheel:
        names = wheel.namelist()
        assert MO in names
        catalogue = gettext.GNUTranslations(wheel.open(MO))
    assert catalogue.gettext("Show the version and stop.") == "Dangos y fersiwn a stopio."
    assert catalogue.plural(7) == 5  # the .po's six Welsh forms, not Babel's own five
    assert "coprod_toolkit/locale/cy/LC_MESSAGES/coprod.po" in names  # for reviewers
    assert "coprod_toolkit/i18n.py" in names
    assert "coprod_toolkit/exercises/readiness.cy.yaml" in names
    assert "coprod_toolkit/exercises/translation.schema.json" in names


def test_the_hook_compiles_every_catalogue(tmp_path: Path) -> None:
    pytest.importorskip("babel")
    pytest.importorskip("hatchling")
    import importlib.util

    spec = importlib.util.spec_from_file_location("hatch_build", ROOT / "hatch_build.py")
    assert spec is not None and spec.loader is not None
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    po_dir = tmp_path / "src" / "coprod_toolkit" / "locale" / "xx" / "LC_MESSAGES"
    po_dir.mkdir(parents=True)
    (po_dir / "coprod.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        'msgid "Yes"\nmsgstr "Ie"\n',
        encoding="utf-8",
    )
    built = hook.compile_catalogues(tmp_path)
    assert [p.as_posix() for p in built] == ["src/coprod_toolkit/locale/xx/LC_MESSAGES/coprod.mo"]
    with (tmp_path / built[0]).open("rb") as f:
        assert gettext.GNUTranslations(f).gettext("Yes") == "Ie"
