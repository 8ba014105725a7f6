"""Nothing lost silently: small text keeps its letters, and a document says which pages it lost.

Each PDF is made here: reportlab for ordinary pages, then a byte edit for the broken page tree.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from extractors.settings import ExtractorSettings
from extractors.text import read_document
from pipeline.run.extract import extract_outcome

SMALL = "Office vetting: the Home Office will apply all follow-up checks."


@pytest.fixture(params=["c", "python", "pdfplumber"])
def engine(request: pytest.FixtureRequest) -> ExtractorSettings:
    """Each way of reading a page: PDFium's C loop, its Python loop, pdfplumber."""
    return {
        "c": ExtractorSettings(),
        "python": ExtractorSettings(native=False),
        "pdfplumber": ExtractorSettings(text_engine="pdfplumber"),
    }[str(request.param)]


@pytest.mark.parametrize("size", [4, 5, 6])
def test_small_text_keeps_its_doubled_letters(
    tmp_path: Path, engine: ExtractorSettings, size: int
) -> None:
    path = tmp_path / f"small-{size}.pdf"
    canvas = Canvas(str(path), invariant=1)
    canvas.setFont("Helvetica", size)
    canvas.drawString(72, 700, SMALL)
    canvas.setFont("Helvetica", 10)
    canvas.drawString(72, 600, "Body text at an ordinary size.")
    canvas.save()
    texts = [line.text for line in read_document(path, engine).lines]
    assert SMALL in texts  # was "Of ice vet ing: the Home Of ice wil apply al fol ow-up checks."


def test_a_fake_bold_is_still_read_once(tmp_path: Path, engine: ExtractorSettings) -> None:
    path = tmp_path / "fake-bold.pdf"
    canvas = Canvas(str(path), invariant=1)
    canvas.setFont("Helvetica", 10)
    x = 72.0
    for char in "Recommendations":  # each glyph printed twice, 0.4 pt apart
        canvas.drawString(x, 700, char)
        canvas.drawString(x + 0.4, 700, char)
        x += canvas.stringWidth(char, "Helvetica", 10)
    canvas.drawString(72, 600, "Body text at an ordinary size.")
    canvas.save()
    assert "Recommendations" in [line.text for line in read_document(path, engine).lines]


def _report(path: Path, pages: list[str]) -> Path:
    canvas = Canvas(str(path), invariant=1)
    for text in pages:
        canvas.setFont("Helvetica", 11)
        if text:
            canvas.drawString(72, 700, text)
        canvas.showPage()
    canvas.save()
    return path


def test_a_page_tree_whose_count_is_wrong_is_read_whole_and_said(tmp_path: Path) -> None:
    texts = [f"{n}. The force should review its call handling, part {n}." for n in range(1, 11)]
    texts[0] = "Recommendations " + texts[0]
    good = _report(tmp_path / "good.pdf", texts)
    bad = tmp_path / "count-3.5.pdf"
    data = good.read_bytes()
    assert data.count(b"/Count 10") == 1
    bad.write_bytes(data.replace(b"/Count 10", b"/Count 3.5"))  # PDFium reads 3 pages of 10
    outcome = extract_outcome(bad)
    assert outcome.result is not None
    assert outcome.result.pages == 10
    assert (
        "count-3.5.pdf: its page tree holds 10 pages but declares /Count 3.5; PDFium read 3 of"
        " them; read 10 with pdfplumber instead"
    ) in outcome.warnings
    assert len(read_document(bad).lines) == len(read_document(good).lines)
    assert not [w for w in extract_outcome(good).warnings if "page tree" in w]


def test_pages_without_text_are_named(tmp_path: Path, engine: ExtractorSettings) -> None:
    path = _report(tmp_path / "gaps.pdf", ["Page one.", "", "", "Page four.", "", "Page six."])
    document = read_document(path, engine)
    assert document.warnings == (
        f"{path}: pages 2-3, 5 yielded no text (blank, or images of text: OCR them, e.g. with"
        " --ocr, if they hold items)",
    )


def test_a_document_with_text_on_every_page_has_no_such_warning(tmp_path: Path) -> None:
    path = _report(tmp_path / "full.pdf", ["Page one.", "Page two."])
    assert read_document(path).warnings == ()
    blank = _report(tmp_path / "blank.pdf", ["", ""])
    assert [w for w in read_document(blank).warnings if "yielded no text" in w] == []


@pytest.mark.parametrize("count", [b"11", b"9999"])
def test_a_count_larger_than_the_tree_stops_at_the_trees_end(tmp_path: Path, count: bytes) -> None:
    good = _report(tmp_path / "good.pdf", [f"Page {n}." for n in range(1, 11)])
    bad = tmp_path / "count-big.pdf"
    bad.write_bytes(good.read_bytes().replace(b"/Count 10", b"/Count " + count))
    document = read_document(bad)
    assert document.pages == 10  # was 9999 pages and 9,989 "page N could not be loaded" warnings
    assert document.warnings == (
        f"count-big.pdf: its page tree holds 10 pages but declares /Count {count.decode()};"
        " read 10",
    )


def _strewn(path: Path, text: str) -> Path:
    """Page 2 prints `text` a letter at a time, each 40 pt from the last (no two make a word)."""
    canvas = Canvas(str(path), invariant=1)
    canvas.setFont("Helvetica", 11)
    canvas.drawString(72, 700, "Recommendations 1. The force should answer calls more quickly.")
    canvas.showPage()
    canvas.setFont("Helvetica", 11)
    letters = [c for c in text if not c.isspace()]
    for k, char in enumerate(letters):
        canvas.drawString(40 + 40 * (k % 13), 780 - 14 * (k // 13), char)
    canvas.showPage()
    canvas.save()
    return path


def test_a_page_whose_text_falls_apart_into_letters_is_named(
    tmp_path: Path, engine: ExtractorSettings
) -> None:
    text = "The force should review how it records the reasons for each delay. " * 2
    document = read_document(_strewn(tmp_path / "strewn.pdf", text), engine)
    assert document.warnings == (
        "strewn.pdf: the text of page 2 falls apart into single letters (a damaged page box or"
        " rotation, or a font that places each glyph alone); items there may be lost: check"
        " those pages",
    )


def test_a_page_of_short_words_and_codes_is_not_taken_for_strewn_letters(tmp_path: Path) -> None:
    path = tmp_path / "codes.pdf"
    canvas = Canvas(str(path), invariant=1)
    canvas.setFont("Helvetica", 10)
    for row in range(40):  # a table of area codes and grades: many one- and two-letter words
        canvas.drawString(72, 780 - 18 * row, f"Area {row} A B C 12 NW SE 3 a I do it {row * 7}")
    canvas.showPage()
    canvas.save()
    assert read_document(path).warnings == ()
