"""coprod language, issue 14 and 15: directives, abbreviations, new entries, and streaming."""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coprod_toolkit import language_scan
from coprod_toolkit.catalog import builtin_dir
from coprod_toolkit.errors import CoprodError
from coprod_toolkit.language import (
    DocumentError,
    all_word_lists,
    check_text,
    decode_pieces,
    document_pieces,
)
from coprod_toolkit.language_scan import Scan

CHECKER = all_word_lists([builtin_dir()]).checker()


def found(text: str, skip_quotes: bool = False) -> list[tuple[int, int, str]]:
    return [(f.line, f.column, f.phrase) for f in check_text(text, CHECKER, "doc", skip_quotes)]


# --------------------------------------------------------------------------- directives


def test_a_prose_mention_of_the_ignore_file_directive_does_not_skip_the_file() -> None:
    text = (
        "To leave out a file, write coprod: ignore-file on a line of its own.\n"
        "We will engage service users.\n"
    )
    assert found(text) == [(2, 9, "engage"), (2, 16, "service users")]
    in_code = "Put `coprod: ignore-file` on a line by itself.\nWe will engage.\n"
    assert found(in_code) == [(2, 9, "engage")]


@pytest.mark.parametrize(
    "directive",
    [
        "coprod: ignore-file",
        "<!-- coprod: ignore-file -->",
        "# coprod: ignore-file  (this list names the words on purpose)",
        "  // coprod: ignore-file",
    ],
)
def test_the_ignore_file_directive_on_a_line_of_its_own_skips_the_file(directive: str) -> None:
    assert found(f"We will engage.\n{directive}\nservice users\n") == []


def test_the_ignore_file_directive_at_the_end_of_a_long_document_still_counts() -> None:
    text = "We engage service users.\n" * 40_000 + "<!-- coprod: ignore-file -->\n"
    assert found(text) == []


def test_a_mention_of_the_line_directive_does_not_skip_its_line() -> None:
    text = "To leave a line out, put `coprod: ignore` on it, as service users do.\n"
    assert found(text) == [(1, 53, "service users")]
    quoted = 'Write "coprod: ignore" to skip service users.\n'
    assert found(quoted) == [(1, 32, "service users")]
    assert found("We engage service users. <!-- coprod: ignore -->\n") == []
    assert found("We engage. # coprod: ignore\nWe engage.\n") == [(2, 4, "engage")]


def test_coprods_readme_is_really_checked() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    scan = Scan(CHECKER, "README.md")
    scan.feed(readme)
    scan.close()
    assert not scan.ignored
    assert "coprod: ignore-file" in readme  # it still explains the directive


# --------------------------------------------------------------------------- abbreviations


def test_three_or_more_abbreviations_on_a_line_are_all_reported() -> None:
    text = "The CQC, TLAP and SCIE met the ADASS team.\n"
    assert found(text) == [(1, 5, "CQC"), (1, 10, "TLAP"), (1, 19, "SCIE"), (1, 32, "ADASS")]
    assert found("CQC, TLAP, SCIE\n") == [(1, 1, "CQC"), (1, 6, "TLAP"), (1, 12, "SCIE")]


def test_a_heading_in_capitals_is_not_a_row_of_abbreviations() -> None:
    text = "WHAT WE WILL DO NEXT ABOUT CQC\nThe CQC visits in May.\n"
    # the heading is left alone; CQC is reported where it is used in a sentence
    assert found(text) == [(2, 5, "CQC")]


def test_words_in_capitals_for_emphasis_are_not_abbreviations() -> None:
    assert found("We LOVE working together. You SAID it was NOT fair.\n") == []
    assert found("We LOVE the CQC.\n") == [(1, 13, "CQC")]


def test_capitals_in_code_are_names_not_abbreviations() -> None:
    text = "Run `coprod COMMAND --help` or:\n```\ncoprod assess --answers FILE\n```\nSee DIRS.\n"
    assert found(text) == [(5, 5, "DIRS")]


def test_an_abbreviation_spelled_out_at_first_use_is_not_reported() -> None:
    assert found("The Care Quality Commission (CQC) visited. The CQC came back.\n") == []


# --------------------------------------------------------------------------- entries


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("We will run events to give disabled people a voice.", "give disabled people a voice"),
        (
            "The board asked us to be realistic about what we can offer.",
            "be realistic about what we can offer",
        ),
        ("Our customers come first.", "customers"),
        ("Providers must report monthly.", "Providers"),
        ("All stakeholders were invited.", "stakeholders"),
        ("Beneficiaries will be surveyed.", "Beneficiaries"),
        ("We asked patients what matters.", "patients"),
        ("We reached seldom heard groups.", "seldom heard groups"),
        ("It was a tick-box exercise.", "tick-box exercise"),
    ],
)
def test_what_the_critique_names_is_found(sentence: str, phrase: str) -> None:
    assert [f.phrase for f in check_text(sentence, CHECKER)] == [phrase]


@pytest.mark.parametrize(
    "sentence",
    [
        "They are having an engagement party.",
        "The film was engaging.",
        "I got a care package from my sister.",
        "We LOVE it and you SAID so.",
        "Please be patient with us.",
        "Our broadband provider is slow.",
    ],
)
def test_ordinary_uses_are_not_flagged(sentence: str) -> None:
    assert check_text(sentence, CHECKER) == []


def test_every_suggestion_is_plain() -> None:
    """No suggestion uses a word from the lists it is meant to replace."""
    for entry in CHECKER.entries:
        for suggestion in entry.suggestions:
            assert check_text(suggestion, CHECKER) == [], (entry.phrase, suggestion)
        assert check_text(entry.why, CHECKER) == [], entry.phrase


# --------------------------------------------------------------------------- streaming

FRAGMENTS = [
    "We engage service",
    "\nusers ",
    "service users",
    " empower ",
    "The CQC and TLAP met. ",
    '"service users" ',
    '"a quote\nover two lines with engagement" ',
    "> engagement in a quotation\n",
    "\n```\nservice users in code\n```\n",
    "`CODE` ",
    "give older carers a voice ",
    "got engaged ",
    "the film was engaging. ",
    "hard to reach for ",
    "Care Quality Commission (CQC) ",
    "ordinary words here, nothing to find ",
    "   \n",
    "\n\n",
    "managing\n  expectations ",
    "He refuses to\nengage ",
    "<!-- coprod: ignore --> service users\n",
    "İstanbul engagement ",
    "’ ",
    "service\u00a0users ",
    "give café people a voice ",
    "give what? a voice ",
    "«engagement» ",
    "réengagement ",
    "engagementé ",
    "service user’s ",
    "is it engagement? ",
    "“empowering” ",
]


@contextmanager
def small_blocks() -> Iterator[None]:
    """Blocks of a few hundred characters, so that short texts are cut many times."""
    saved = language_scan.BLOCK, language_scan._MARGIN
    language_scan.BLOCK, language_scan._MARGIN = 64, 200
    try:
        yield
    finally:
        language_scan.BLOCK, language_scan._MARGIN = saved


@settings(max_examples=60, deadline=None)
@given(
    parts=st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=60),
    cuts=st.lists(st.integers(min_value=1, max_value=97), min_size=1, max_size=20),
    skip_quotes=st.booleans(),
)
def test_feeding_a_document_in_pieces_finds_exactly_what_the_whole_does(
    parts: list[str], cuts: list[int], skip_quotes: bool
) -> None:
    text = "".join(parts)
    whole = Scan(CHECKER, "doc", skip_quotes)
    expected = whole.feed(text) + whole.close()
    scan = Scan(CHECKER, "doc", skip_quotes)
    got = []
    at = 0
    index = 0
    with small_blocks():
        while at < len(text):
            size = cuts[index % len(cuts)]
            got += scan.feed(text[at : at + size])
            at += size
            index += 1
        got += scan.close()
    assert got == expected


@settings(max_examples=80, deadline=None)
@given(parts=st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=30))
def test_the_quick_search_finds_what_the_exact_search_finds(parts: list[str]) -> None:
    """The quick search (ASCII, '?' for the rest) against the exact one on the text itself."""
    text = "".join(parts)
    lowered = text.lower()
    if len(lowered) != len(text):
        return
    quick = [(s, e, r.phrase) for s, e, r in CHECKER.matches(text, lowered, 0, len(text))]
    exact = [(s, e, r.phrase) for s, e, r in CHECKER.matches(text, None, 0, len(text))]
    assert quick == exact


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        ("We asked service\u00a0users.", ["service\u00a0users"]),
        ("Events to give café owners a voice.", ["give café owners a voice"]),
        ("«Engagement» and réengagement and engagementé.", ["Engagement"]),
        ("Is it engagement? Yes.", ["engagement"]),
        ("Each service user’s plan.", ["service user’s"]),
    ],
)
def test_text_beyond_plain_ascii_is_checked_exactly(text: str, phrases: list[str]) -> None:
    found = CHECKER.phrases(text)
    assert [text[s:e] for s, e, _ in found] == phrases


def test_feeding_in_blocks_really_cuts_the_text() -> None:
    """The property above is not empty: findings come out before the end."""
    scan = Scan(CHECKER, "doc")
    early = []
    with small_blocks():
        for _ in range(50):
            early += scan.feed("We engage service\nusers every week.\n")
    assert len(early) > 10
    assert early[0].phrase == "engage" and early[1].phrase == "service users"
    assert (early[1].line, early[1].column) == (1, 11)


def test_memory_stays_flat_however_long_the_document() -> None:
    scan = Scan(CHECKER, "doc")
    piece = "People who draw on care and support shaped this plan with staff.\n" * 1000
    held = []
    for _ in range(200):  # about 13 MB
        scan.feed(piece)
        held.append(sum(len(p) for p in scan._parts))
    scan.close()
    limit = language_scan.BLOCK + language_scan._MARGIN + len(piece)
    assert max(held) <= limit


def test_a_very_long_line_is_checked_in_parts() -> None:
    scan = Scan(CHECKER, "doc")
    findings = []
    for _ in range(40):
        findings += scan.feed("word " * 20_000 + "engagement ")
        assert sum(len(p) for p in scan._parts) <= language_scan._LONG_LINE + 200_000
    findings += scan.close()
    assert len(findings) == 40
    assert {f.line for f in findings} == {1}
    assert findings[0].column == 100_001


# --------------------------------------------------------------------------- reading


def test_decoding_in_blocks_keeps_characters_split_between_blocks() -> None:
    data = "Caf\u00e9 engagement \u2019\n".encode() * 3
    blocks = [data[i : i + 3] for i in range(0, len(data), 3)]
    assert "".join(decode_pieces(blocks, "doc")) == data.decode()


def test_a_bad_byte_in_a_later_block_is_placed_by_line_and_column() -> None:
    blocks = [b"first line\nsec", b"ond \xff line\n"]
    with pytest.raises(DocumentError) as caught:
        list(decode_pieces(blocks, "doc.txt"))
    assert str(caught.value).startswith("doc.txt:2:8: this is not UTF-8 text.")
    cut_char = "é".encode()
    with pytest.raises(DocumentError) as caught:
        list(decode_pieces([b"ok\nab" + cut_char[:1]], "end.txt"))
    assert str(caught.value).startswith("end.txt:2:3: this is not UTF-8 text.")


def test_a_byte_order_mark_is_dropped() -> None:
    assert "".join(decode_pieces([codecs.BOM_UTF8 + b"We engage."], "-")) == "We engage."


def test_a_fifo_or_device_is_bounded_by_what_is_read(tmp_path: Path) -> None:
    with pytest.raises(CoprodError) as caught:
        list(document_pieces(Path("/dev/zero")))
    assert "this is not a text file" in str(caught.value)
    endless = (b"We engage. " * 100_000 for _ in range(1000))  # 1.1 GB if all read
    with pytest.raises(DocumentError) as too_long:
        for _ in decode_pieces(endless, "-"):
            pass
    assert "standard input is more than 20 MB" in str(too_long.value)


def test_a_long_word_document_is_read_in_pieces(tmp_path: Path) -> None:
    import io
    import zipfile

    paragraph = "<w:p><w:r><w:t>We will engage service users in the plan.</w:t></w:r></w:p>"
    xml = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body>" + paragraph * 20_000 + "</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", xml)
    doc = tmp_path / "long.docx"
    doc.write_bytes(buffer.getvalue())
    pieces = list(document_pieces(doc))
    assert len(pieces) > 1
    assert all(len(p) < 2 * (1 << 18) for p in pieces)
    text = "".join(pieces)
    assert text == "We will engage service users in the plan.\n" * 20_000
    findings = check_text(text, CHECKER, str(doc))
    assert len(findings) == 40_000
    assert (findings[-1].line, findings[-1].column, findings[-1].phrase) == (
        20_000,
        16,
        "service users",
    )


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("İ ſervice users.", "ſervice users"),  # long s; 'İ' sends the line to the exact search
        ("İ servıce users.", "servıce users"),  # dotless i
        ("İ ſervice-users.", "ſervice-users"),
    ],
)
def test_letters_a_regex_reads_as_another_case_are_found_not_a_crash(
    text: str, phrase: str
) -> None:
    """`printf 'İ ſervice users.' | coprod language -` stopped with a traceback."""
    found = CHECKER.phrases(text)
    assert [text[s:e] for s, e, _ in found] == [phrase]
    assert found[0][2].phrase == "service user"


# Characters whose lower case is longer (İ) or which a regex reads as another letter
# of another case (ſ as s, ı as i, the Kelvin sign as k).
ODD_LETTERS = ["İ", "ſ", "ı", "\u212a", "ß", "ﬁ"]


@settings(max_examples=80, deadline=None)
@given(
    parts=st.lists(
        st.sampled_from(FRAGMENTS + ODD_LETTERS + ["ſervice users ", "engagıng "]),
        min_size=1,
        max_size=30,
    )
)
def test_no_text_makes_the_checker_stop(parts: list[str]) -> None:
    text = "".join(parts)
    scan = Scan(CHECKER, "doc", False)
    scan.feed(text)
    scan.close()
