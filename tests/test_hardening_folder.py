"""A shared reflections folder that no file can break (issue 14), and like compared with like.

Every bad file here gets a clear message, exit code 0 or 1 as the command says,
no traceback, and the good reflections beside it are still shown.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from coprod_toolkit import history as history_module
from coprod_toolkit.cli import app
from coprod_toolkit.errors import StorageError
from coprod_toolkit.history import History, latest_for
from coprod_toolkit.loader import load_exercise
from coprod_toolkit.models import Reflection
from coprod_toolkit.report import markdown
from coprod_toolkit.session import AssessSession, new_draft
from coprod_toolkit.storage import Store
from tests.conftest import ROOT

runner = CliRunner()
SIX = load_exercise(ROOT / "exercises" / "six-principles.yaml")
LABELS = {"me": "my own practice", "service": "my service or team"}


def save(
    home: Path,
    when: datetime,
    value: int = 3,
    about: str = "me",
    name: str | None = "Ana",
    next_step: str | None = "Ask Jo to co-chair.",
) -> Reflection:
    """Save a six-principles reflection about `about`, every scale question answered `value`."""
    answers: dict[str, object] = {}
    for _, q in SIX.exercise.questions():
        if q.type == "scale":
            answers[q.id] = value
    draft = new_draft(SIX, f"{when:%Y-%m-%d-%H%M}-six-principles", about, name)
    draft.answers = answers  # type: ignore[assignment]
    draft.next_step = next_step
    reflection = AssessSession(SIX, draft).reflection(LABELS[about])
    reflection = reflection.model_copy(update={"finished": when, "started": when})
    yaml_path, _ = Store(home).save_reflection(reflection, markdown(reflection, SIX.exercise))
    saved = reflection.model_copy(update={"id": yaml_path.stem})
    History(home).remember(saved, yaml_path)
    return saved


def day(month: int, d: int = 1) -> datetime:
    return datetime(2026, month, d, 12, 0, tzinfo=UTC)


def answers_file(folder: Path, value: int = 4, about: str = "me") -> Path:
    lines = [f"about: {about}", "name: Ana", "next_step: Ring Jo.", "answers:"]
    for _, q in SIX.exercise.questions():
        if q.type == "scale":
            lines.append(f"  {q.id}: {value}")
    path = folder / "answers.yaml"
    path.write_text("\n".join(lines) + "\n")
    return path


# --------------------------------------------------------------------------- the index


@pytest.mark.parametrize(
    "index_text",
    [
        '{"format":3,"entries":[1]}',  # valid JSON of the wrong shape, where the index lives
        "not a database at all",
        "",
    ],
)
def test_a_damaged_index_is_rebuilt_and_never_blocks_saving(
    isolated: Path, tmp_path: Path, index_text: str
) -> None:
    save(isolated, day(3))
    save(isolated, day(4))
    (isolated / "index.sqlite").write_text(index_text)
    (isolated / "index.json").write_text('{"format":3,"entries":[1]}')  # the old index's name
    for command in (["history"], ["progress"], ["report", "latest", "--format", "md"], ["export"]):
        result = runner.invoke(app, command)
        assert result.exit_code == 0, (command, result.output)
        assert "Traceback" not in result.output
    result = runner.invoke(app, ["assess", "--answers", str(answers_file(tmp_path))])
    assert result.exit_code == 0, result.output
    assert "Saved your reflection" in result.output
    summaries, broken = History(isolated).read()
    assert len(summaries) == 3 and broken == []
    assert not (isolated / "index.json").exists()


def test_an_index_with_the_wrong_tables_or_rows_is_rebuilt(
    isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = save(isolated, day(3), value=2)
    save(isolated, day(4), value=4)
    with sqlite3.connect(isolated / "index.sqlite") as db:
        # a row of the right table, but not holding what coprod wrote
        db.execute("UPDATE files SET summary = ? WHERE name = ?", ('{"id": 1}', f"{first.id}.yaml"))
    summaries, broken = History(isolated).read()
    assert sorted(s.id for s in summaries) == sorted([first.id, "2026-04-01-1200-six-principles"])
    assert broken == []
    with sqlite3.connect(isolated / "index.sqlite") as db:
        db.execute("DROP TABLE files")
        db.execute("CREATE TABLE files (x)")  # same format number, wrong shape
    calls: list[Path] = []
    original = history_module.read_summary

    def counting(path: Path) -> history_module.Summary:
        calls.append(path)
        return original(path)

    monkeypatch.setattr(history_module, "read_summary", counting)
    assert len(History(isolated).read()[0]) == 2
    assert len(calls) == 2  # rebuilt from the files
    calls.clear()
    assert len(History(isolated).read()[0]) == 2
    assert calls == []  # and used again


def test_the_index_is_private(isolated: Path) -> None:
    save(isolated, day(3))
    assert (isolated / "index.sqlite").stat().st_mode & 0o777 == 0o600


def test_a_read_only_folder_is_read_without_an_index(isolated: Path) -> None:
    save(isolated, day(3))
    (isolated / "index.sqlite").unlink()
    for extra in ("-wal", "-shm"):
        (isolated / f"index.sqlite{extra}").unlink(missing_ok=True)
    isolated.chmod(0o500)
    try:
        if os.access(isolated, os.W_OK):
            pytest.skip("root can write anywhere")
        result = runner.invoke(app, ["history"])
        assert result.exit_code == 0, result.output
        assert "1 reflection." in result.output
    finally:
        isolated.chmod(0o700)


# --------------------------------------------------------------------------- bad records


def test_nan_and_infinite_scores_are_skipped_with_a_warning(isolated: Path) -> None:
    kept = save(isolated, day(3))
    bad = save(isolated, day(4), value=5)
    folder = isolated / "reflections"
    path = folder / f"{bad.id}.yaml"
    data = yaml.safe_load(path.read_text())
    text = path.read_text()
    percent = data["scores"]["overall"]["percent"]
    path.write_text(text.replace(f"percent: {percent}", "percent: .nan", 1))
    other = folder / "infinite.yaml"
    other.write_text(text.replace(f"percent: {percent}", "percent: .inf", 1))
    for command in (["history"], ["progress"], ["report", "latest", "--format", "md"]):
        result = runner.invoke(app, command)
        assert result.exit_code == 0, (command, result.output)
        assert "Traceback" not in result.output
        assert f"Skipped {path}: it does not hold a complete reflection" in result.output
        assert "is not a number coprod can use" in result.output
        assert f"Skipped {other}:" in result.output
    result = runner.invoke(app, ["history"])
    assert kept.id in result.output and "1 reflection." in result.output


def test_a_deeply_nested_file_is_refused_by_the_safe_reader(isolated: Path) -> None:
    save(isolated, day(3))
    deep = isolated / "reflections" / "deep.yaml"
    deep.write_text("a: " + "[" * 100_000 + "]" * 100_000 + "\n")
    result = runner.invoke(app, ["history"])
    assert result.exit_code == 0
    assert f"Skipped {deep}: it is not valid YAML" in result.output
    assert "nested more than" in result.output
    assert "1 reflection." in result.output


def test_history_reads_saved_files_only_through_the_safe_reader() -> None:
    source = (ROOT / "src" / "coprod_toolkit" / "history.py").read_text()
    assert "yaml.load" not in source and "read_text(encoding" not in source


# --------------------------------------------------------------------------- bounded reads

HOSTILE = """
import os, sys, subprocess
home = sys.argv[1]
folder = os.path.join(home, "reflections")
os.symlink("/dev/zero", os.path.join(folder, "zero.yaml"))
os.mkfifo(os.path.join(folder, "pipe.yaml"))
with open(os.path.join(folder, "huge.yaml"), "wb") as handle:
    handle.truncate(1_000_000_000)  # sparse: 1 GB reported, nothing on disk
with open(os.path.join(folder, "growing.yaml"), "wb") as handle:
    handle.write(b"a: b\\n" * 600_000)  # 3 MB of real text
"""


def test_devices_pipes_and_huge_files_are_refused_in_little_memory(
    isolated: Path, tmp_path: Path
) -> None:
    save(isolated, day(3))
    subprocess.run([sys.executable, "-c", HOSTILE, str(isolated)], check=True)
    folder = isolated / "reflections"
    # 600 MB of address space at most: reading 1 GB, or /dev/zero, would fail loudly
    limit = "import resource; resource.setrlimit(resource.RLIMIT_AS, (600 << 20, 600 << 20)); "
    env = {**os.environ, "COPROD_HOME": str(isolated), "NO_COLOR": "1"}
    for command in ("history", "export"):
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                limit + f"import sys; sys.argv = ['coprod', '{command}']; "
                "from coprod_toolkit.cli import main; main()",
            ],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,  # a pipe that blocked the reader would hang here
        )
        assert "Traceback" not in done.stderr, done.stderr
        assert done.returncode == 0, done.stderr
        said = done.stderr
        assert f"Skipped {folder / 'zero.yaml'}: this is not an ordinary file" in said
        assert f"Skipped {folder / 'pipe.yaml'}: this is not an ordinary file" in said
        assert f"Skipped {folder / 'huge.yaml'}: the file is 1000.0 MB" in said
        assert f"Skipped {folder / 'growing.yaml'}: the file is 3.0 MB" in said


def test_the_bounded_reader_judges_by_what_it_reads(tmp_path: Path) -> None:
    from coprod_toolkit.errors import FileProblems
    from coprod_toolkit.yamlfile import read_bytes

    with pytest.raises(FileProblems, match="not an ordinary file"):
        read_bytes(Path("/dev/zero"), "reflection")
    path = tmp_path / "exact.yaml"
    path.write_bytes(b"x" * 10)
    assert read_bytes(path, "", limit=10) == b"x" * 10
    with pytest.raises(FileProblems, match="coprod reads files up to"):
        read_bytes(path, "", limit=9)


# --------------------------------------------------------------------------- saving


def test_a_killed_save_never_leaves_an_empty_reflection(
    isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stop the save at the moment a file gets its name: no real name may be left empty."""
    from coprod_toolkit import storage

    class Killed(BaseException):
        pass

    def die(*args: object) -> None:
        raise Killed

    monkeypatch.setattr(storage.os, "link", die)
    with pytest.raises(Killed):
        save(isolated, day(3))
    folder = isolated / "reflections"
    assert [p for p in folder.iterdir() if not p.name.startswith(".")] == []


KILLER = """
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from tests.test_hardening_folder import save
home = Path(sys.argv[1])
start = datetime(2026, 1, 1, tzinfo=UTC)
print("ready", flush=True)
for i in range(100000):
    save(home, start + timedelta(minutes=i))
"""


def test_kill_9_during_saving_leaves_only_whole_reflections(isolated: Path) -> None:
    import signal
    import time

    folder = isolated / "reflections"

    def whole_saves() -> int:
        return len(list(folder.glob("*.md"))) if folder.exists() else 0

    for round_ in range(3):
        before = whole_saves()
        child = subprocess.Popen(
            [sys.executable, "-c", KILLER, str(isolated), str(ROOT)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        # Killed mid-way through its saves: once it has saved one (however busy the
        # machine), then a moment later, a different moment each round.
        deadline = time.monotonic() + 120
        while whole_saves() == before and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.1 + 0.35 * round_)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
    saved = [p for p in folder.iterdir() if not p.name.startswith(".")]
    assert saved, "the child saved nothing before it was killed"
    for path in saved:
        assert path.stat().st_size > 0, path
    for path in folder.glob("*.yaml"):
        Reflection.model_validate(yaml.safe_load(path.read_text()))
    summaries, broken = History(isolated).read()
    assert broken == []
    assert len(summaries) == len(list(folder.glob("*.yaml")))


CONCURRENT = """
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from tests.test_hardening_folder import save
home, who = Path(sys.argv[1]), int(sys.argv[3])
start = datetime(2026, 1, 1, tzinfo=UTC)
for i in range(8):
    save(home, start + timedelta(minutes=i), name=f"Person {who}")
"""


def test_concurrent_saves_never_lose_index_entries(
    isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    children = [
        subprocess.Popen([sys.executable, "-c", CONCURRENT, str(isolated), str(ROOT), str(n)])
        for n in range(5)
    ]
    for child in children:
        assert child.wait(timeout=300) == 0
    files = sorted(p.name for p in (isolated / "reflections").glob("*.yaml"))
    assert len(files) == 40
    with sqlite3.connect(isolated / "index.sqlite") as db:
        indexed = sorted(name for (name,) in db.execute("SELECT name FROM files"))
    assert indexed == files  # every save remembered itself, none lost

    def never(path: Path) -> None:
        raise AssertionError(f"{path} was read again: the index lost it")

    monkeypatch.setattr(history_module, "read_summary", never)
    assert len(History(isolated).read()[0]) == 40


def test_rebuilding_a_large_index_reports_progress(isolated: Path) -> None:
    first = save(isolated, day(3))
    folder = isolated / "reflections"
    text = (folder / f"{first.id}.yaml").read_text()
    for n in range(1, 1200):
        (folder / f"copy-{n:04d}.yaml").write_text(text)
    (isolated / "index.sqlite").unlink()
    heard: list[tuple[int, int]] = []
    summaries, _ = History(isolated, lambda done, total: heard.append((done, total))).read()
    assert len(summaries) == 1200
    assert heard == [(1000, 1200), (1200, 1200)]


def test_progress_is_shown_on_a_terminal_only(
    isolated: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from coprod_toolkit.cli.history import index_progress

    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    assert index_progress() is None
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    show = index_progress()
    assert show is not None
    show(1000, 2000)
    show(2000, 2000)
    said = capsys.readouterr().err
    assert said == (
        "\rReading your saved reflections: 1,000 of 2,000"
        "\rReading your saved reflections: 2,000 of 2,000\n"
    )


def test_a_full_disk_never_claims_a_draft_that_is_not_there(
    isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from coprod_toolkit.storage import Store as RealStore

    given = answers_file(tmp_path)
    Store(isolated).check_writable()

    def full(self: RealStore, folder: Path, text: str) -> str:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(RealStore, "_write_temp", full)
    monkeypatch.setattr(RealStore, "check_writable", lambda self: None)
    result = runner.invoke(app, ["assess", "--answers", str(given)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "the disk is full" in result.output
    assert "kept as a draft" not in result.output
    assert "Nothing was saved, not even a draft." in result.output
    assert "Your answers are still in your answers file" in result.output
    assert list((isolated / "drafts").glob("*.yaml")) == []
    assert list((isolated / "reflections").glob("*.yaml")) == []
    assert given.exists()


def test_when_only_the_reflection_fails_the_draft_is_kept_and_said_so(
    isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coprod_toolkit import storage

    def refuse(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(storage, "_claim", refuse)
    result = runner.invoke(app, ["assess", "--answers", str(answers_file(tmp_path))])
    assert result.exit_code == 1
    assert "Your answers are still kept as a draft" in result.output
    drafts = [p for p in (isolated / "drafts").glob("*.yaml") if p.stat().st_size]
    assert len(drafts) == 1


def test_answers_from_standard_input(isolated: Path, tmp_path: Path) -> None:
    text = answers_file(tmp_path, value=5).read_text()
    result = runner.invoke(app, ["assess", "--answers", "-", "--no-save"], input=text)
    assert result.exit_code == 0, result.output
    assert "Nothing was saved" in result.output
    bad = runner.invoke(app, ["assess", "--answers", "-", "--no-save"], input="answers: [1\n")
    assert bad.exit_code != 0
    assert "standard input" in bad.output and "Traceback" not in bad.output


# --------------------------------------------------------------------------- drafts


def _draft_file(home: Path, **changes: object) -> Path:
    draft = new_draft(SIX, "2026-03-01-1200-six-principles", "me", "Ana")
    first = next(q for _, q in SIX.exercise.questions() if q.type == "scale")
    draft.answers = {first.id: 3}
    draft.position = 1
    store = Store(home)
    store.save_draft(draft)
    path = home / "drafts" / f"{draft.id}.yaml"
    data = yaml.safe_load(path.read_text())
    for key, value in changes.items():
        if key == "answer":
            data["answers"][first.id] = value
        else:
            data[key] = value
    path.write_text(yaml.safe_dump(data))
    return path


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({"position": 999}, "position: 999 is not a place in this run"),
        ({"answer": 99}, "'99' is not on the scale: use a whole number from 1 to 5"),
        ({"position": -3}, "position: -3 is not a place in this run"),
    ],
)
def test_a_draft_edited_by_hand_is_checked_on_resume(
    isolated: Path, monkeypatch: pytest.MonkeyPatch, changes: dict[str, object], said: str
) -> None:
    from coprod_toolkit.cli import assess as assess_cli

    path = _draft_file(isolated, **changes)
    before = path.read_text()
    monkeypatch.setattr(assess_cli, "interactive", lambda: True)
    result = runner.invoke(app, ["resume", "--plain"])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert "has been changed by hand" in result.output
    assert said in result.output
    assert f"Fix: correct those lines in {path}" in result.output
    assert path.read_text() == before  # nothing lost


def test_two_resumes_of_one_draft_cannot_both_go_on(isolated: Path) -> None:
    from coprod_toolkit.storage import DraftInUse

    store = Store(isolated)
    with store.claim("run-1"):
        with pytest.raises(DraftInUse, match="open in another window"), store.claim("run-1"):
            pass
        other = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys; from pathlib import Path; from coprod_toolkit.storage import Store\n"
                "try:\n"
                "    with Store(Path(sys.argv[1])).claim('run-1'): pass\n"
                "except Exception as e: print(type(e).__name__)",
                str(isolated),
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert other.stdout.strip() == "DraftInUse"
    with store.claim("run-1"):  # free again once the first is done
        pass


def test_a_resume_that_waited_finds_the_run_already_saved(
    isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coprod_toolkit.cli import assess as assess_cli

    path = _draft_file(isolated)
    store = Store(isolated)
    drafts, _ = store.list_drafts()
    path.unlink()  # the other window finished and saved it meanwhile
    with pytest.raises(Exception, match="was finished a moment ago in another window"):
        assess_cli._reloaded(store, drafts[0])


# --------------------------------------------------------------------------- like with like


def test_progress_compares_only_runs_on_the_same_subject(isolated: Path) -> None:
    def overall(r: Reflection) -> int:
        assert r.scores.overall.percent is not None
        return round(r.scores.overall.percent)

    january = save(isolated, day(1), value=1, about="me")
    february = save(isolated, day(2), value=5, about="service")
    march = save(isolated, day(3), value=3, about="me")
    assert len({overall(january), overall(february), overall(march)}) == 3
    result = runner.invoke(app, ["progress", "--plain"])
    assert result.exit_code == 0, result.output
    # the newest run is about me: its last time is January's run about me, not February's
    assert "2 reflections" in result.output
    line = next(x for x in result.output.splitlines() if x.startswith("Overall:"))
    assert f"first {overall(january)}, last time {overall(january)}, now {overall(march)}" in line
    said = " ".join(result.output.split())
    assert "There are others about my service or team: see them with --about service." in said
    service = runner.invoke(app, ["progress", "--plain", "--about", "service"])
    assert service.exit_code == 0
    assert "1 reflection," in service.output
    assert f"  Overall: {overall(february)}\n" in service.output  # one: its scores alone
    missing = runner.invoke(app, ["progress", "--about", "organisation"])
    assert missing.exit_code == 1
    assert "There are no results about 'organisation'" in missing.output


def test_last_time_is_the_same_exercise_and_subject(isolated: Path, tmp_path: Path) -> None:
    save(isolated, day(1), about="me", next_step="Step about me.")
    save(isolated, day(2), about="service", next_step="Step about the service.")
    summaries, _ = History(isolated).read()
    assert latest_for(summaries, "six-principles", "Ana", "me").next_step == "Step about me."  # type: ignore[union-attr]
    assert History(isolated).latest("six-principles", "me", "ana").next_step == "Step about me."  # type: ignore[union-attr]
    assert History(isolated).latest("six-principles", "organisation", "Ana") is None
    given = answers_file(tmp_path, about="me")
    result = runner.invoke(app, ["assess", "--answers", str(given)])
    assert result.exit_code == 0, result.output
    newest = sorted((isolated / "reflections").glob("*.yaml"))[-1]
    saved = yaml.safe_load(newest.read_text())
    assert saved["about"] == "me"
    assert saved["previous_step"]["text"] == "Step about me."


def test_an_anonymous_run_is_never_shown_last_times_anonymous_step(
    isolated: Path, tmp_path: Path
) -> None:
    """On a shared computer, the last anonymous step may be another person's: not shown."""
    save(isolated, day(1), name=None, next_step="Ask Ana to co-chair the next meeting.")
    given = answers_file(tmp_path)
    given.write_text(given.read_text().replace("name: Ana\n", ""))
    result = runner.invoke(app, ["assess", "--answers", str(given)])
    assert result.exit_code == 0, result.output
    newest = sorted((isolated / "reflections").glob("*.yaml"))[-1]
    saved = yaml.safe_load(newest.read_text())
    assert saved["name"] is None
    assert saved.get("previous_step") is None
    assert "co-chair" not in newest.with_suffix(".md").read_text()


def test_the_report_draws_last_time_only_from_the_same_subject(isolated: Path) -> None:
    save(isolated, day(1), value=2, about="service")
    latest = save(isolated, day(2), value=4, about="me")
    result = runner.invoke(app, ["report", latest.id])
    assert result.exit_code == 0, result.output
    page = Path(f"{latest.id}.html").read_text()
    assert 'class="previous"' not in page  # the run about the service is not last time
    save(isolated, day(1, 15), value=1, about="me")
    Path(f"{latest.id}.html").unlink()
    result = runner.invoke(app, ["report", latest.id])
    assert result.exit_code == 0, result.output
    page = Path(f"{latest.id}.html").read_text()
    assert 'class="previous"' in page and "Dashed: 15 January 2026" in page


def test_summary_from_the_index_refuses_what_coprod_did_not_write() -> None:
    good = {
        "id": "a",
        "file": "a.yaml",
        "finished": "2026-01-01T12:00:00+00:00",
        "exercise": "x",
        "version": "1",
        "title": "X",
        "kind": "assessment",
        "about": "me",
        "about_label": "me",
        "name": None,
        "overall": 50.0,
        "band": None,
        "verdict": None,
        "next_step": None,
        "section_scores": {"s": 10},
    }
    assert history_module.Summary.from_dict(good).overall == 50.0
    for bad in (
        [1],
        {**good, "overall": float("nan")},
        {**good, "overall": "50"},
        {**good, "finished": "yesterday"},
        {**good, "extra": 1},
        {**good, "section_scores": {"s": float("inf")}},
    ):
        with pytest.raises((ValueError, TypeError)):
            history_module.Summary.from_dict(bad)
    assert json.loads(json.dumps(good)) == good


@pytest.mark.parametrize("zone", ["UTC", "Europe/London", "America/St_Johns", "Asia/Kolkata"])
def test_history_times_are_the_same_as_before_only_quicker(
    zone: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time
    from datetime import timedelta, timezone

    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        stamps = [
            datetime(2026, 3, 29, 0, 30, tzinfo=UTC),  # around the clocks going forward
            datetime(2026, 3, 29, 1, 30, tzinfo=UTC),
            datetime(2026, 10, 25, 0, 59, tzinfo=UTC),  # and back
            datetime(2026, 10, 25, 1, 0, tzinfo=UTC),
            datetime(2026, 12, 31, 23, 59, tzinfo=timezone(timedelta(hours=-5))),
            datetime(2026, 1, 1, 9, 5),  # written without a zone: taken as local
        ]
        for when in stamps:
            expected = f"{when.astimezone():%d %b %Y %H:%M}"
            assert history_module.local_time(when.isoformat()) == expected
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_last_time_lists_the_folder_only_when_it_changed(
    isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Saving beside 100,000 reflections must not list 100,000 names each time."""
    import time

    first = save(isolated, day(1), about="me", next_step="First step.")
    os.utime(isolated / "reflections", ns=(1, 1_000_000_001))  # a settled folder time
    assert History(isolated).latest("six-principles", "me", "Ana").next_step == "First step."  # type: ignore[union-attr]
    # the next save: the index knew the folder before it, so it knows it after it
    second = save(isolated, day(2), about="me", next_step="Second step.")
    store = Store(isolated)
    draft = new_draft(SIX, "2026-03-01-1200-six-principles", "me", "Ana")
    draft.next_step = "Third step."
    third = AssessSession(SIX, draft).reflection("my own practice")
    third = third.model_copy(update={"finished": day(3), "started": day(3)})
    before = (isolated / "reflections").stat().st_mtime_ns
    History(isolated).latest("six-principles", "me", "Ana")  # lists: the folder changed
    yaml_path, _ = store.save_reflection(third, markdown(third, SIX.exercise))
    assert store.folder_times is not None and store.folder_times[0] == before
    History(isolated).remember(
        third.model_copy(update={"id": yaml_path.stem}), yaml_path, store.folder_times
    )
    with monkeypatch.context() as patched:

        def no_listing(*args: object) -> None:
            raise AssertionError("the folder was listed again")

        patched.setattr(history_module.History, "_read_unread", no_listing)
        found = History(isolated).latest("six-principles", "me", "Ana")
    assert found is not None and found.next_step == "Third step."
    # a file copied in by hand changes the folder, and is found
    copied = isolated / "reflections" / "copied.yaml"
    data = yaml.safe_load((isolated / "reflections" / f"{first.id}.yaml").read_text())
    data.update(next_step="Copied step.", finished="2026-12-01T12:00:00+00:00")
    copied.write_text(yaml.safe_dump(data, sort_keys=False))
    time.sleep(0.01)
    found = History(isolated).latest("six-principles", "me", "Ana")
    assert found is not None and found.next_step == "Copied step."
    assert second.id


def test_saving_twice_lists_the_folder_once(
    isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    given = answers_file(tmp_path)
    first = runner.invoke(app, ["assess", "--answers", str(given)])
    assert first.exit_code == 0, first.output
    if (isolated / "reflections").stat().st_mtime_ns % 1_000_000_000 == 0:
        pytest.skip("this file system counts whole seconds: the folder time is not trusted yet")
    with monkeypatch.context() as patched:

        def no_listing(*args: object) -> None:
            raise AssertionError("the folder was listed again")

        patched.setattr(history_module.History, "_read_unread", no_listing)
        second = runner.invoke(app, ["assess", "--answers", str(given)])
    assert second.exit_code == 0, second.output
    assert len(list((isolated / "reflections").glob("*.yaml"))) == 2


def test_a_folder_made_by_another_coprod_at_the_same_moment_is_used(
    isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two people saving at once into a new folder: both saves land (CI found this race)."""
    real_mkdir = Path.mkdir

    def made_meanwhile(self: Path, *args: object, **kwargs: object) -> None:
        real_mkdir(self, parents=True, exist_ok=True)  # the other coprod got there first
        real_mkdir(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "mkdir", made_meanwhile)
    saved = save(isolated, day(3))
    assert (isolated / "reflections" / f"{saved.id}.yaml").exists()


def test_a_file_where_the_folder_should_be_is_still_named(isolated: Path) -> None:
    isolated.mkdir(parents=True, exist_ok=True)
    (isolated / "reflections").write_text("not a folder")
    with pytest.raises(StorageError, match="it is a file, not a folder"):
        save(isolated, day(3))


NEWER = (
    "it was saved by a newer version of coprod (format 7; this version reads format 1). "
    "Fix: leave the file as it is, and update coprod to read it."
)


def test_a_draft_from_a_newer_coprod_is_never_to_be_fixed_back(isolated: Path) -> None:
    """'Fix: use 1' would have someone damage a newer coprod's draft."""
    path = _draft_file(isolated, format=7)
    before = path.read_text()
    result = runner.invoke(app, ["resume"])
    flat = " ".join(result.output.split())
    assert NEWER in flat, result.output
    assert "Fix: use 1" not in flat
    assert path.read_text() == before


def test_a_reflection_from_a_newer_coprod_is_named_as_such(isolated: Path) -> None:
    saved = save(isolated, day(3))
    path = isolated / "reflections" / f"{saved.id}.yaml"
    path.write_text(path.read_text().replace("format: 1\n", "format: 7\n", 1))
    (isolated / "index.sqlite").unlink()
    result = runner.invoke(app, ["history"])
    assert f"Skipped {path}: {NEWER}" in " ".join(result.output.split())


def test_a_score_edited_beyond_100_is_not_believed(isolated: Path) -> None:
    """A hand-edited 'percent: 450' was shown as 'Assets | 450 | Strong' out of 100."""
    saved = save(isolated, day(3))
    path = isolated / "reflections" / f"{saved.id}.yaml"
    text = path.read_text()
    assert "percent: 50.0\n" in text
    path.write_text(text.replace("percent: 50.0\n", "percent: 450.0\n", 1))
    (isolated / "index.sqlite").unlink()
    result = runner.invoke(app, ["history"])
    flat = " ".join(result.output.split())
    assert f"Skipped {path}: it does not hold a complete reflection" in flat
    assert "450" not in flat.replace(str(path), "")


def test_a_full_disk_mid_run_says_the_earlier_answers_are_kept(
    isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from coprod_toolkit import storage

    path = _draft_file(isolated)
    before = path.read_text()

    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(storage.os, "replace", full)
    draft = new_draft(SIX, "2026-03-01-1200-six-principles", "me", "Ana")
    with pytest.raises(StorageError) as caught:
        Store(isolated).save_draft(draft)
    assert str(caught.value) == (
        f"Cannot save in {isolated / 'drafts'}: the disk is full. The answers saved before "
        "this one are kept. Fix: make some space on the disk, then carry on with: coprod resume"
    )
    assert path.read_text() == before
    assert [p.name for p in (isolated / "drafts").iterdir() if p.suffix == ".part"] == []


def test_a_copied_draft_is_named_not_listed_twice(isolated: Path) -> None:
    """A copy was listed beside its run, could not be named, and after the run was
    finished made every 'coprod resume' say it was finished in another window."""
    path = _draft_file(isolated)
    copy = path.with_name("renamed.yaml")
    copy.write_text(path.read_text())
    drafts, broken = Store(isolated).list_drafts()
    assert [d.id for d in drafts] == [path.stem]
    assert [str(e) for e in broken] == [
        f"{copy}: this is a copy of the run {path.stem} (a run's file is named after it), so "
        f"it is left alone. Fix: if you made the copy, remove it; to carry on with the run, "
        f"use: coprod resume {path.stem}"
    ]
    path.unlink()  # the run finished
    result = runner.invoke(app, ["resume"])
    assert result.exit_code == 0, result.output
    assert "There is nothing to resume" in result.output
    assert f"{copy}: this is a copy of the run" in " ".join(result.output.split())
    assert copy.exists()  # nothing removed for the person
