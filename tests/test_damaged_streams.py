"""Damage that loses text without an error is said: a page whose compressed text does not decode,
and pages the page tree lists that no engine can read.

Each PDF is written object by object (tests/rawpdf.py), then damaged by a byte edit.
"""

from __future__ import annotations

import base64
import zlib
from pathlib import Path

import pytest
from rawpdf import stream, text_content, write_pdf

from extractors.settings import ExtractorSettings
from extractors.streams import damaged_streams, inflate_problem
from extractors.text import read_document
from pipeline.common.settings import Settings
from pipeline.run.extract import extract_outcome

FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


@pytest.fixture(params=["pdfium", "pdfplumber"])
def engine(request: pytest.FixtureRequest) -> ExtractorSettings:
    """Each engine that reads a page."""
    return ExtractorSettings(text_engine=str(request.param))


def _page_text(page: int) -> bytes:
    """Page `page`'s content: three numbered recommendations (a heading on the first page)."""
    lines = [
        (780 - 30 * k, f"{3 * (page - 1) + k}. The force should review how it handles calls.")
        for k in range(1, 4)
    ]
    if page == 1:
        lines.insert(0, (800, "Recommendations"))
    return text_content(lines)


def _report(path: Path, contents: list[bytes], entries: bytes = b"/Filter /FlateDecode") -> Path:
    """A report of one page per content stream (objects: catalog, pages, font, page, stream…)."""
    kids = b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(len(contents)))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>"]
    objects[1] %= (kids, len(contents))
    objects.append(FONT)
    for i, content in enumerate(contents):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 3 0 R >> >> >>" % (5 + 2 * i)
        )
        objects.append(stream(content, entries))
    return write_pdf(path, objects)


def _numbers(path: Path) -> list[str | None]:
    outcome = extract_outcome(path)
    assert outcome.result is not None, outcome.error
    return [item.number for item in outcome.result.items]


def test_a_page_whose_compressed_text_stops_short_is_named(
    tmp_path: Path, engine: ExtractorSettings
) -> None:
    pages = [zlib.compress(_page_text(n)) for n in (1, 2, 3)]
    whole = _report(tmp_path / "whole.pdf", pages)
    pages[1] = pages[1][: len(pages[1]) // 2]  # page 2's text cut half way (stream object 7)
    cut = _report(tmp_path / "cut.pdf", pages)
    assert _numbers(whole) == [str(n) for n in range(1, 10)]
    assert len(_numbers(cut)) < 9  # the loss this warning is about
    warnings = extract_outcome(cut, settings=Settings(engine)).warnings
    assert (
        "cut.pdf: the content of page 2 is damaged (object 7 does not decode: the data ends"
        " before its last block); text may be missing or garbled there: get an undamaged copy"
    ) in warnings
    assert not [
        w for w in extract_outcome(whole, settings=Settings(engine)).warnings if "damaged" in w
    ]


def test_a_byte_flipped_in_compressed_text_is_named(tmp_path: Path) -> None:
    pages = [zlib.compress(_page_text(n)) for n in (1, 2, 3)]
    data = bytearray(pages[2])
    data[len(data) // 2] ^= 0x55
    pages[2] = bytes(data)
    flipped = _report(tmp_path / "flipped.pdf", pages)
    [warning] = [w for w in read_document(flipped).warnings if "damaged" in w]
    assert warning.startswith("flipped.pdf: the content of page 3 is damaged (object 9 does not ")


def test_bad_ascii85_before_flate_is_named_with_every_page(tmp_path: Path) -> None:
    pages = [base64.a85encode(zlib.compress(_page_text(n))) + b"~>" for n in (1, 2, 3)]
    entries = b"/Filter [/ASCII85Decode /FlateDecode]"
    assert not read_document(_report(tmp_path / "fine.pdf", pages, entries)).warnings
    pages = [page[:20] + b"\x02" + page[21:] for page in pages[:2]] + pages[2:]
    damaged = read_document(_report(tmp_path / "a85.pdf", pages, entries))
    assert (
        "a85.pdf: the content of pages 1-2 is damaged (objects 5, 7 do not decode:"
        " ASCII85Decode: Non-Ascii85 digit found: \\x02); text may be missing or garbled there:"
        " get an undamaged copy"
    ) in damaged.warnings


def test_a_stream_that_lacks_only_its_checksum_is_whole(tmp_path: Path) -> None:
    pages = [
        zlib.compress(_page_text(n))[:-4] for n in (1, 2)
    ]  # Adler-32 cut off: PDFium reads all
    path = _report(tmp_path / "no-checksum.pdf", pages)
    assert _numbers(path) == [str(n) for n in range(1, 7)]
    assert damaged_streams(path.read_bytes()) == []
    assert read_document(path).warnings == ()


def test_a_wrong_checksum_is_damage() -> None:
    data = bytearray(zlib.compress(b"BT (text) Tj ET" * 40))
    data[-1] ^= 1
    assert inflate_problem(bytes(data))[0] == "incorrect data check"


def test_a_decompression_bomb_is_judged_only_up_to_the_cap() -> None:
    bomb = zlib.compress(b"\0" * (8 << 20))[:-100]  # cut: damaged, but past the cap unseen
    problem, size = inflate_problem(bomb, cap=1 << 20)
    assert problem is None
    assert size < 3 << 20


def test_images_and_fonts_are_not_decoded() -> None:
    broken = b"x\x9c\xff\xff\xff"
    objects = [
        b"1 0 obj\n<< /Subtype /Image /Filter /FlateDecode /Length 5 >>\nstream\n%s\nendstream",
        b"2 0 obj\n<< /Length1 900 /Filter /FlateDecode /Length 5 >>\nstream\n%s\nendstream",
        b"3 0 obj\n<< /Filter /FlateDecode /Length 5 >>\nstream\n%s\nendstream",
    ]
    data = b"\nendobj\n".join(o % broken for o in objects)
    assert [stream.objid for stream in damaged_streams(data)] == [3]


def test_pages_the_tree_lists_but_no_engine_reads_are_counted(tmp_path: Path) -> None:
    path = _report(tmp_path / "lost.pdf", [zlib.compress(_page_text(n)) for n in (1, 2, 3)])
    data = path.read_bytes().replace(b"1 0 obj", b"1 0 xxx")  # no catalog: PDFium cannot open it
    at = data.index(b"8 0 obj")  # and page 3's object is gone
    end = data.index(b"endobj", at)
    path.write_bytes(data[:at] + b"#" * (end - at) + data[end:])
    document = read_document(path)
    assert document.pages == 2
    assert document.warnings == (
        "lost.pdf: its page tree holds 3 pages (/Count 3); pdfplumber read 2 of them;"
        " 1 could not be read",
    )


def test_a_file_whose_every_page_is_damaged_is_not_called_a_scan(tmp_path: Path) -> None:
    pages = [zlib.compress(_page_text(n))[:3] for n in (1, 2)]  # no page's text decodes
    outcome = extract_outcome(_report(tmp_path / "broken.pdf", pages))
    assert outcome.result is None
    assert outcome.error is not None
    assert "the file is damaged" in outcome.error
    assert "get an undamaged copy" in outcome.error
    assert "scanned image" not in outcome.error
    assert any("is damaged (object" in w for w in outcome.warnings)
