"""Saving: whole files or none, private permissions, and never overwriting."""

from __future__ import annotations

import os
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coprod_toolkit.errors import StorageError
from coprod_toolkit.loader import load_exercise
from coprod_toolkit.models import Reflection
from coprod_toolkit.report import markdown
from coprod_toolkit.session import AssessSession, new_draft
from coprod_toolkit.storage import Store, new_run_id
from tests.conftest import ROOT

LOADED = load_exercise(ROOT / "exercises" / "six-principles.yaml")


def reflection(answers: dict[str, object], name: str | None = "Sam") -> Reflection:
    draft = new_draft(LOADED, "2026-11-23-1545-six-principles", "me", name)
    draft.answers = answers  # type: ignore[assignment]
    draft.next_step = "Ask Jo to co-chair."
    return AssessSession(LOADED, draft).reflection("my own practice")


def test_files_and_folders_are_private(tmp_path: Path) -> None:
    store = Store(tmp_path / "home")
    store.check_writable()
    yaml_path, md_path = store.save_reflection(reflection({}), "report")
    assert stat.S_IMODE(os.stat(tmp_path / "home").st_mode) == 0o700
    assert stat.S_IMODE(os.stat(store.reflections).st_mode) == 0o700
    for path in (yaml_path, md_path):
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert not [p for p in store.reflections.iterdir() if p.name.startswith(".")]


def test_a_reflection_is_never_overwritten(tmp_path: Path) -> None:
    store = Store(tmp_path)
    first = store.save_reflection(reflection({"assets-strengths": 1}), "one")
    second = store.save_reflection(reflection({"assets-strengths": 5}), "two")
    assert first[0].name == "2026-11-23-1545-six-principles.yaml"
    assert second[0].name == "2026-11-23-1545-six-principles-2.yaml"
    assert first[1].read_text() == "one"
    assert second[1].read_text() == "two"


def test_run_ids_are_reserved(tmp_path: Path) -> None:
    store = Store(tmp_path)
    when = datetime(2026, 11, 23, 15, 45, tzinfo=UTC)
    base = new_run_id("six-principles", when)
    assert store.reserve_id(base) == base
    assert store.reserve_id(base) == base + "-2"


def test_an_unwritable_folder_is_reported_before_any_question(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StorageError) as caught:
        Store(blocker / "home").check_writable()
    assert str(caught.value) == (
        f"Cannot save in {blocker / 'home' / 'reflections'}: part of that path is a file, "
        "not a folder. Fix: choose another folder with --out DIR, or set COPROD_HOME to a "
        "folder you can write to."
    )


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_a_read_only_folder(tmp_path: Path) -> None:
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(StorageError):
            Store(tmp_path / "home").check_writable()
    finally:
        tmp_path.chmod(0o700)


def test_drafts_round_trip_and_broken_drafts_are_skipped(tmp_path: Path) -> None:
    store = Store(tmp_path)
    draft = new_draft(LOADED, "run-1", "service", "Ana")
    draft.answers = {"assets-strengths": 4, "assets-example": "We asked Jo."}
    store.save_draft(draft)
    (store.drafts / "broken.yaml").write_text("id: [unclosed\n")
    drafts, broken = store.list_drafts()
    assert drafts == [draft]
    assert len(broken) == 1 and "broken.yaml" in str(broken[0])


answer_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.integers(1, 5), answer_text, answer_text)
def test_a_saved_reflection_loads_back_equal(
    tmp_path: Path, value: int, note: str, name: str
) -> None:
    import yaml

    original = reflection({"assets-strengths": value, "assets-example": note}, name=name or None)
    store = Store(tmp_path / f"h{abs(hash((value, note, name)))}")
    yaml_path, _md_path = store.save_reflection(original, markdown(original, LOADED.exercise))
    again = Reflection.model_validate(yaml.safe_load(yaml_path.read_text(encoding="utf-8")))
    assert again == original
