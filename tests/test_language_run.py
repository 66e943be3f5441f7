"""coprod language as a command: the quick start without typer, the cache, streamed output."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coprod_toolkit.cli import app
from coprod_toolkit.language_run import cache_file, cached_checker, quick
from tests.conftest import write

runner = CliRunner()


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache"


def run_quick(
    args: list[str], monkeypatch: pytest.MonkeyPatch, stdin: bytes = b""
) -> tuple[int | None, str, str]:
    out, err = io.StringIO(), io.StringIO()
    fake_in = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    with pytest.MonkeyPatch.context() as streams:  # undoes only these, not the test's own
        streams.setattr(sys, "stdout", out)
        streams.setattr(sys, "stderr", err)
        streams.setattr(sys, "stdin", fake_in)
        code = quick(args)
    return code, out.getvalue(), err.getvalue()


def docs(tmp_path: Path) -> list[str]:
    return [
        str(write(tmp_path, "a.md", "We will empower service users.\nThe CQC came.\n")),
        str(write(tmp_path, "clean.md", "People who draw on care and support led it.\n")),
        str(write(tmp_path, "b.txt", "Our engagement plan: managing\nexpectations.\n")),
        str(tmp_path / "missing.md"),
    ]


@pytest.mark.parametrize(
    "options", [[], ["--format", "json"], ["--skip-quotes"], ["--format", "text", "--skip-quotes"]]
)
def test_the_quick_start_says_exactly_what_the_typer_command_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, options: list[str]
) -> None:
    args = [*docs(tmp_path), *options]
    code, out, err = run_quick(args, monkeypatch)
    through_typer = CliRunner().invoke(app, ["language", *args])
    assert code == through_typer.exit_code == 1
    assert out == through_typer.stdout
    assert err == through_typer.stderr
    # and the second time, from the cache
    assert cache_file().is_file()
    assert run_quick(args, monkeypatch) == (code, out, err)


def test_the_quick_start_reads_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = run_quick(["-"], monkeypatch, stdin=b"Managing expectations is key.\n")
    assert code == 1
    assert '-:1:1: "Managing expectations"' in out


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--help"],
        ["-h"],
        ["--explain", "engaged"],
        ["doc.md", "--format", "xml"],
        ["doc.md", "--format=json"],
        ["doc.md", "--format"],
        ["doc.md", "--skip-quote"],
        ["doc.md", "--exercises", "no-such-folder"],
    ],
)
def test_anything_unusual_is_left_to_typer(
    args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = run_quick(args, monkeypatch)
    assert (code, out, err) == (None, "", "")


def test_the_options_the_quick_start_knows_are_the_commands_options() -> None:
    """If the typer command renames an option, the quick start must follow."""
    import typer.main

    command = typer.main.get_command(app).commands["language"]  # type: ignore[attr-defined]
    names = {name for param in command.params for name in param.opts}
    assert {"--format", "--skip-quotes", "--exercises", "--explain"} <= names


def test_json_is_the_same_as_a_whole_json_dump(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = docs(tmp_path)
    for some in (files, [files[1]], [files[3]]):
        _, out, _ = run_quick([*some, "--format", "json"], monkeypatch)
        assert out == json.dumps(json.loads(out), indent=2, ensure_ascii=False) + "\n"
    data = json.loads(run_quick([*files, "--format", "json"], monkeypatch)[1])
    assert [f["path"] for f in data["files"]] == files[:3]
    found = [[(x["line"], x["column"], x["phrase"]) for x in f["findings"]] for f in data["files"]]
    assert found == [
        [(1, 9, "empower"), (1, 17, "service users"), (2, 5, "CQC")],
        [],
        [(1, 5, "engagement"), (1, 22, "managing expectations")],
    ]
    assert data["findings"] == 5
    assert len(data["problems"]) == 1 and "there is no file here" in data["problems"][0]


def test_an_edited_word_list_is_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = str(write(tmp_path, "doc.md", "We asked the panel.\n"))
    mine = tmp_path / "mine"
    entry = """
        id: ours
        title: Our words
        entries:
          - phrase: {phrase}
            why: It sounds like a meeting about people, not with them.
            suggestions: [the people involved]
            examples: {{match: [Ask the {phrase}.], near_miss: [Nothing here.]}}
        """
    write(mine / "language", "ours.yaml", entry.format(phrase="committee"))
    assert run_quick([doc, "--exercises", str(mine)], monkeypatch)[0] == 0
    write(mine / "language", "ours.yaml", entry.format(phrase="panel"))
    code, out, _ = run_quick([doc, "--exercises", str(mine)], monkeypatch)
    assert code == 1
    assert '"panel"' in out


def test_a_damaged_cache_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = str(write(tmp_path, "doc.md", "We engage.\n"))
    cache_file().parent.mkdir(parents=True)
    for damage in ("{not json", "[1, 2]", '{"stamp": null}', ""):
        cache_file().write_text(damage, encoding="utf-8")
        assert run_quick([doc], monkeypatch)[0] == 1
        from coprod_toolkit.catalog import search_dirs

        assert cached_checker([folder for _, folder in search_dirs()]) is not None


def test_a_cache_folder_that_cannot_be_written_does_no_harm(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would go")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    doc = str(write(tmp_path, "doc.md", "We engage.\n"))
    code, out, err = run_quick([doc], monkeypatch)
    assert code == 1 and '"engage"' in out and err == ""


def test_a_broken_word_list_is_reported_every_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = tmp_path / "mine"
    write(mine / "language", "bad.yaml", "id: bad\ntitle: Bad\nentries: [1]\n")
    doc = str(write(tmp_path, "doc.md", "We engage.\n"))
    for _ in range(2):
        code, _, err = run_quick([doc, "--exercises", str(mine)], monkeypatch)
        assert code == 1
        assert "Skipped a word list that cannot be read" in err


def test_a_file_that_fails_part_way_shows_none_of_its_findings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"We engage service users.\n" * 40_000 + b"\xff\n")
    code, out, err = run_quick([str(bad)], monkeypatch)
    assert code == 1
    assert "to look at" not in out
    assert f"Could not check {bad}:40001:1: this is not UTF-8 text." in err
    assert out == ""  # the problem, on standard error, says it all


def test_many_findings_go_through_the_spool_in_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = write(tmp_path, "many.md", "We engage service users.\n" * 20_000)
    code, out, _ = run_quick([str(doc)], monkeypatch)
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == f"{doc}: 40000 to look at"
    assert lines[1] == f'  {doc}:1:4: "engage" — ' + lines[1].split(" — ", 1)[1]
    assert lines[40_000].startswith(f'  {doc}:20000:11: "service users"')
    assert lines[-2] == "Found 40000 things to look at in 1 file."


@pytest.mark.parametrize("encoding", ["utf-8", "latin-1"])
def test_a_long_report_reaches_bytes_as_it_reaches_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, encoding: str
) -> None:
    """Past the spool's memory, the report goes to a UTF-8 stream's bytes directly, and
    through text for any other stream: either way, exactly what text would have given."""
    doc = write(tmp_path, "many – ünïcode.md", "We engage “service users”.\n" * 20_000)
    code, text, _ = run_quick([str(doc), str(doc)], monkeypatch)
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding=encoding, errors="replace")
    with pytest.MonkeyPatch.context() as streams:
        streams.setattr(sys, "stdout", stream)
        assert quick([str(doc), str(doc)]) == code == 1
    stream.flush()
    assert raw.getvalue() == text.encode(encoding, "replace")
    assert text.count("\n") > 80_000


def test_control_characters_in_a_file_name_are_shown_as_codes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = write(tmp_path, "odd\x1b[2Jname.md", "We engage.\n")
    code, out, _ = run_quick([str(doc)], monkeypatch)
    assert code == 1
    assert "\x1b" not in out
    assert "odd\\x1b[2Jname.md:1:4:" in out
