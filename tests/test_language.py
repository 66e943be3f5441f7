"""coprod language: entries, positions, abbreviations, files and exit codes."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coprod_toolkit.catalog import builtin_dir
from coprod_toolkit.cli import app
from coprod_toolkit.errors import FileProblems
from coprod_toolkit.language import Checker, all_word_lists, check_text, load_word_list
from tests.conftest import write

runner = CliRunner()
LISTS = all_word_lists([builtin_dir()])
CHECKER = LISTS.checker()
ENTRIES = [e for w in LISTS.lists for e in w.entries]


def test_the_shipped_lists_load() -> None:
    assert LISTS.broken == []
    assert len(ENTRIES) >= 10
    phrases = {e.phrase for e in ENTRIES}
    assert {"service user", "engagement", "empower", "give people a voice"} <= phrases
    assert {"you said, we did", "managing expectations"} <= phrases


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.phrase)
def test_every_entry_finds_its_examples_and_not_its_near_misses(entry) -> None:  # type: ignore[no-untyped-def]
    alone = Checker([entry], known=set())
    for sentence in entry.examples.match:
        assert alone.phrases(sentence), f"{entry.phrase!r} should match: {sentence}"
    for sentence in entry.examples.near_miss:
        assert not alone.phrases(sentence), f"{entry.phrase!r} should not match: {sentence}"


def test_lines_columns_and_phrases_across_line_breaks() -> None:
    text = "Intro line.\n  We asked service\nusers and then engaged.\n"
    found = check_text(text, CHECKER, "doc.md")
    assert [(f.line, f.column, f.phrase) for f in found] == [
        (2, 12, "service users"),
        (3, 16, "engaged"),
    ]
    assert str(found[0]).startswith('doc.md:2:12: "service users" — It names people by')


def test_whole_words_only() -> None:
    assert check_text("Type your username and leave a voicemail.", CHECKER) == []


def test_abbreviations() -> None:
    text = (
        "The CQC visited. The CQC came back.\n"
        "Think Local Act Personal (TLAP) and SROI (social return on investment).\n"
        "The NHS and the UK.\n"
        "WHAT WE WILL DO NEXT\n"
    )
    found = check_text(text, CHECKER)
    assert [(f.phrase, f.line, f.column, f.kind) for f in found] == [("CQC", 1, 5, "abbreviation")]
    assert found[0].suggestions == ["spell it out the first time, like 'Full Name (CQC)'"]


def test_ignored_lines_files_and_quotes() -> None:
    assert check_text("service users <!-- coprod: ignore -->\n", CHECKER) == []
    assert check_text("<!-- coprod: ignore-file -->\nservice users\n", CHECKER) == []
    quoted = 'He said "we must empower people".\n> Engagement matters.\n```\nservice users\n```\n'
    assert len(check_text(quoted, CHECKER)) == 3
    assert check_text(quoted, CHECKER, skip_quotes=True) == []


def test_exit_codes_and_the_summary(tmp_path: Path) -> None:
    clean = write(tmp_path, "clean.md", "People who draw on care and support shaped this.\n")
    jarring = write(tmp_path, "jarring.md", "We will empower service users.\n")
    result = runner.invoke(app, ["language", str(clean)])
    assert result.exit_code == 0
    assert result.output == "Nothing found: 1 file clean.\n"
    result = runner.invoke(app, ["language", str(clean), str(jarring)])
    assert result.exit_code == 1
    assert result.output.startswith(f'{jarring}: 2 to look at\n  {jarring}:1:9: "empower"')
    assert "Found 2 things to look at in 1 file; 1 file clean." in result.output


def test_standard_input() -> None:
    result = runner.invoke(app, ["language", "-"], input="Managing expectations is key.\n")
    assert result.exit_code == 1
    assert '-:1:1: "Managing expectations"' in result.output


def test_json(tmp_path: Path) -> None:
    import json

    doc = write(tmp_path, "doc.txt", "A care package.\n")
    result = runner.invoke(app, ["language", str(doc), "--format", "json"])
    data = json.loads(result.output)
    assert data["findings"] == 1
    finding = data["files"][0]["findings"][0]
    assert (finding["line"], finding["column"], finding["phrase"]) == (1, 3, "care package")


def test_bad_files_get_a_message_and_the_others_are_still_checked(tmp_path: Path) -> None:
    good = write(tmp_path, "good.md", "We engage.\n")
    binary = tmp_path / "picture.png"
    binary.write_bytes(b"\x89PNG\x00\x00\x00binary")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\xe9 society\n".encode("latin-1"))
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(100_000_000)
    folder = tmp_path / "folder"
    folder.mkdir()
    args = ["language", str(binary), str(latin), str(huge), str(folder), str(good), "nowhere.md"]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    out = result.output
    assert f'{good}:1:4: "engage"' in out
    assert (
        f"Could not check {binary}: this is not a text file (it may be a picture, a program or a damaged file)."
        in out
    )
    assert f"Could not check {latin}:1:4: this is not UTF-8 text." in out
    assert (
        f"Could not check {huge}: the file is 100 MB; coprod checks documents up to 20 MB." in out
    )
    assert f"Could not check {folder}: this is a folder." in out
    assert "Could not check nowhere.md: there is no file here." in out
    assert "5 files could not be checked." in out
    assert "Traceback" not in out


def test_a_word_document(tmp_path: Path) -> None:
    xml = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>First paragraph.</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>We will </w:t></w:r><w:r><w:t>empower people.</w:t></w:r></w:p>"
        "</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", xml)
    doc = tmp_path / "policy.docx"
    doc.write_bytes(buffer.getvalue())
    result = runner.invoke(app, ["language", str(doc)])
    assert f'{doc}:2:9: "empower"' in result.output
    fake = tmp_path / "fake.docx"
    fake.write_text("not a zip")
    result = runner.invoke(app, ["language", str(fake)])
    assert "this is not a Word document that coprod can read" in result.output


def test_explain() -> None:
    result = runner.invoke(app, ["language", "--explain", "Engaged"])
    assert result.exit_code == 0
    assert result.output.startswith('"engagement"\n')
    assert "Why it jars: It suggests asking people to turn up" in result.output
    result = runner.invoke(app, ["language", "--explain", "servise users"])
    assert result.exit_code == 2
    assert "Did you mean 'service users'?" in result.output


def test_no_files_is_a_usage_error() -> None:
    result = runner.invoke(app, ["language"])
    assert result.exit_code == 2
    assert "Give the documents to check" in result.output


def test_a_broken_word_list_gets_the_loaders_message(tmp_path: Path) -> None:
    path = write(
        tmp_path / "language",
        "mine.yaml",
        "id: mine\ntitle: Mine\nentries:\n  - phrase: stakeholders\n    why: Too short\n",
    )
    with pytest.raises(FileProblems) as caught:
        load_word_list(path)
    assert [str(p).removeprefix(f"{path}:") for p in caught.value.problems] == [
        "4:5: entries, item 1: 'suggestions' is missing. Fix: add a line 'suggestions: ...' here.",
        "4:5: entries, item 1: 'examples' is missing. Fix: add a line 'examples: ...' here.",
        "5:10: entries, item 1, why: this is too short. Fix: write at least 10 characters.",
    ]
    result = runner.invoke(app, ["language", "-", "--exercises", str(tmp_path)], input="ok\n")
    assert "Skipped a word list that cannot be read" in result.output


def test_trainers_add_their_own_list(tmp_path: Path) -> None:
    write(
        tmp_path / "language",
        "ours.yaml",
        """
        id: ours
        title: Our words
        entries:
          - phrase: stakeholders
            why: It sounds like a meeting about people, not with them.
            suggestions: [the people involved]
            examples: {match: [All stakeholders agreed.], near_miss: [A stake in the ground.]}
        """,
    )
    result = runner.invoke(
        app, ["language", "-", "--exercises", str(tmp_path)], input="Ask stakeholders.\n"
    )
    assert '-:1:5: "stakeholders"' in result.output
    assert runner.invoke(app, ["exercise", "validate", str(tmp_path)]).exit_code == 0
