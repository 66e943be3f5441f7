"""Reading the documents `coprod language` checks: plain text, Markdown, .docx, standard input.

Each is read a block at a time and given out as pieces of text, so memory stays
flat however long the document. Standard library only, so the command starts fast.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from coprod_toolkit.errors import CoprodError
from coprod_toolkit.i18n import _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from typing import BinaryIO

MAX_DOCUMENT_BYTES = 20_000_000
READ_BYTES = 1 << 18  # bytes read at a time


class DocumentError(CoprodError):
    """A file that cannot be checked; the others still are."""


def read_document(path: Path) -> str:
    """The whole text of a plain-text, Markdown or .docx file (for small files and tests)."""
    return "".join(document_pieces(path))


def document_pieces(path: Path) -> Iterator[str]:
    """The text of a plain-text, Markdown or .docx file, a piece at a time.

    Raises DocumentError, perhaps part way through: then the file cannot be checked.
    """
    try:
        if path.is_dir():
            raise DocumentError(
                _("{path}: this is a folder. Fix: name the files in it, like {path}/*.md").format(
                    path=path
                )
            )
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            raise DocumentError(
                _(
                    "{path}: the file is {size} MB; coprod checks documents up to {limit} MB. "
                    "Fix: split it into smaller files."
                ).format(
                    path=path,
                    size=f"{size / 1_000_000:.0f}",
                    limit=MAX_DOCUMENT_BYTES // 1_000_000,
                )
            )
        if path.suffix.lower() == ".docx":
            yield from _docx_pieces(path)
            return
        with path.open("rb") as handle:
            yield from stream_pieces(handle, str(path))
    except FileNotFoundError:
        raise DocumentError(
            _("{path}: there is no file here. Fix: check the name.").format(path=path)
        ) from None
    except PermissionError:
        raise DocumentError(
            _("{path}: coprod is not allowed to read this file.").format(path=path)
        ) from None
    except OSError as e:
        raise DocumentError(
            _("{path}: the file cannot be read ({reason}).").format(path=path, reason=e.strerror)
        ) from None


def stream_pieces(handle: BinaryIO, shown: str) -> Iterator[str]:
    """UTF-8 text from an open file or standard input, read a block at a time."""
    return decode_pieces(iter(lambda: handle.read(READ_BYTES), b""), shown)


def decode_document(data: bytes, shown: str) -> str:
    return "".join(decode_pieces([data], shown))


def decode_pieces(blocks: Iterable[bytes], shown: str) -> Iterator[str]:
    """Decode UTF-8 blocks as they come, saying where a bad byte is (line and column)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    total = 0  # bytes read before this block
    lines = 0  # line breaks in them
    last_break = -1  # where the last of them is
    first = True

    def not_utf8(e: UnicodeDecodeError, held: int) -> DocumentError:
        at = total - held + e.start
        before = e.object[: e.start]
        line = lines + before.count(b"\n") + 1
        start_of_line = (
            total - held + before.rfind(b"\n") + 1 if b"\n" in before else last_break + 1
        )
        return DocumentError(
            f"{shown}:{line}:{at - start_of_line + 1}: "
            + _(
                "this is not UTF-8 text. "
                "Fix: save it again as UTF-8 (most editors offer it under 'Save as')."
            )
        )

    for block in blocks:
        if total == 0 and (b"\x00" in block[:8192] or block[:2] in (b"\xff\xfe", b"\xfe\xff")):
            # Said as exercise validate says it, so a file is called the same by both.
            from coprod_toolkit.yamlfile import looks_like_utf16, utf16_message

            raise DocumentError(
                f"{shown}: {utf16_message()}"
                if looks_like_utf16(block)
                else _(
                    "{path}: this is not a text file (it may be a picture, a program or a "
                    "damaged file). Fix: check plain text, Markdown or .docx files."
                ).format(path=shown)
            )
        if total + len(block) > MAX_DOCUMENT_BYTES:
            limit = MAX_DOCUMENT_BYTES // 1_000_000
            message = (
                _(
                    "{path}: standard input is more than {limit} MB; coprod checks documents "
                    "up to that size. Fix: split it into smaller parts."
                )
                if shown == "-"
                else _(
                    "{path}: this is more than {limit} MB; coprod checks documents "
                    "up to that size. Fix: split it into smaller parts."
                )
            )
            raise DocumentError(message.format(path=shown, limit=limit))
        held = len(decoder.getstate()[0])
        try:
            text = decoder.decode(block)
        except UnicodeDecodeError as e:
            raise not_utf8(e, held) from None
        if first and text:
            text = text.removeprefix("\ufeff")
            first = False
        breaks = block.count(b"\n")
        if breaks:
            lines += breaks
            last_break = total + block.rfind(b"\n")
        total += len(block)
        if text:
            yield text
    held = len(decoder.getstate()[0])
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError as e:
        raise not_utf8(e, held) from None


_WORD_XML = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _docx_pieces(path: Path) -> Iterator[str]:
    """The paragraphs of a Word document, one per line, read from its XML as it unpacks."""
    import zipfile
    from xml.etree import ElementTree

    paragraph, text = f"{_WORD_XML}p", f"{_WORD_XML}t"
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("word/document.xml")
            if info.file_size > 50_000_000:
                raise DocumentError(
                    _("{path}: the document is too large to check.").format(path=path)
                )
            with archive.open(info) as stream:
                open_elements: list[ElementTree.Element] = []
                pieces: list[str] = []
                size = 0
                for event, element in ElementTree.iterparse(stream, events=("start", "end")):
                    if event == "start":
                        open_elements.append(element)
                        continue
                    open_elements.pop()
                    if element.tag != paragraph:
                        continue
                    line = "".join(t.text or "" for t in element.iter(text)) + "\n"
                    pieces.append(line)
                    size += len(line)
                    if (
                        open_elements
                        and len(open_elements[-1])
                        and open_elements[-1][-1] is element
                    ):
                        del open_elements[-1][-1]  # done with it: keep memory flat
                    if size >= READ_BYTES:
                        yield "".join(pieces)
                        pieces, size = [], 0
                if pieces:
                    yield "".join(pieces)
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError):
        raise DocumentError(
            _(
                "{path}: this is not a Word document that coprod can read. "
                "Fix: save it again as .docx, or as plain text."
            ).format(path=path)
        ) from None
