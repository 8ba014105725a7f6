"""Drawn list marks: bullets printed as small filled shapes are read as bullet glyphs."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from extractors import pdfium_text as fast
from extractors.items import split_items
from extractors.marks import BULLET, list_marks, mark_shapes
from extractors.settings import ExtractorSettings
from extractors.text import PDFIUM_GAP_RATIO, WORD_SETTINGS, read_document

ITEMS = (
    ("review the risk information its crews carry on every appliance and correct what is",
     "out of date"),
    ("put in place a programme of visits to the premises it has judged to be at high risk",),
    ("train the staff who gather risk information and give them the time to do it",),
    ("agree with its neighbours how information about temporary events is shared",),
)  # fmt: skip
LINE = 14.0


def _drawn_bullet_report(path: Path, square: bool = False) -> Path:
    """A page whose list items open with filled circles (or squares), with no bullet glyph."""
    height = A4[1]
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setFont("Helvetica-Bold", 14)
    canvas.drawString(56, height - 80, "Recommendations")
    canvas.setFont("Helvetica", 10)
    canvas.drawString(56, height - 104, "By 31 March 2027, the service should:")
    y = height - 124
    for lines in ITEMS:
        if square:
            canvas.rect(60, y + 1.5, 4, 4, stroke=0, fill=1)
        else:
            canvas.circle(62, y + 3.5, 2, stroke=0, fill=1)
        for text in lines:
            canvas.drawString(72, y, text)
            y -= LINE  # one pitch throughout: only the marks tell the items apart
    # a dot between two words separates them: it opens nothing
    canvas.drawString(56, y - 20, "Prevention")
    canvas.circle(112, y - 16.5, 1.5, stroke=0, fill=1)
    canvas.drawString(118, y - 20, "Protection and response to fires in the county")
    canvas.save()
    return path


@pytest.mark.parametrize("square", [False, True])
@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_a_drawn_bullet_opens_its_line_as_a_bullet_glyph(
    tmp_path: Path, engine: str, square: bool
) -> None:
    pdf = _drawn_bullet_report(tmp_path / "drawn.pdf", square)
    lines = read_document(pdf, ExtractorSettings(text_engine=engine)).lines
    marked = [ln.text for ln in lines if ln.text.startswith(BULLET)]
    assert [t.split()[1] for t in marked] == ["review", "put", "train", "agree"]
    assert not any(BULLET in ln.text for ln in lines if ln.text.startswith("Prevention"))


def test_drawn_bullets_split_into_one_item_each(tmp_path: Path) -> None:
    items = split_items(read_document(_drawn_bullet_report(tmp_path / "drawn.pdf")))
    assert [i.text.split()[0] for i in items] == ["review", "put", "train", "agree"]
    assert items[0].text.endswith("what is out of date")


def test_the_c_and_python_loops_keep_the_same_small_curved_shapes(tmp_path: Path) -> None:
    pdf = pdfium.PdfDocument(str(_drawn_bullet_report(tmp_path / "drawn.pdf")))
    try:
        page = pdf[0]
        reads = [
            fast.read_page(page, PDFIUM_GAP_RATIO, WORD_SETTINGS["y_tolerance"], native)
            for native in (True, False)
        ]
        page.close()
    finally:
        pdf.close()
    assert reads[0][1] == reads[1][1]
    assert sum(1 for d in reads[0][1] if d.x1 - d.x0 < 5) == 5  # four marks and the separator


def test_only_small_filled_roughly_square_shapes_can_be_marks() -> None:
    shapes = [
        (60.0, 100.0, 64.0, 104.0, True),  # a dot
        (60.0, 120.0, 64.0, 124.0, False),  # an empty ring: a tick box
        (60.0, 140.0, 90.0, 144.0, True),  # a bar
        (60.0, 160.0, 61.0, 161.0, True),  # a speck
        (60.0, 180.0, 76.0, 196.0, True),  # a swatch larger than a line of text
    ]
    assert mark_shapes(shapes) == [(60.0, 100.0, 64.0, 104.0)]


def test_a_mark_opens_the_nearest_word_to_its_right_on_its_line() -> None:
    words = [(70.0, 97.0, 100.0, 107.0), (104.0, 97.0, 150.0, 107.0), (70.0, 111.0, 99.0, 121.0)]
    assert list_marks([(60.0, 100.0, 64.0, 104.0)], words) == [((60.0, 100.0, 64.0, 104.0), 0)]
    # too far from the text, or level with no line, it opens nothing
    assert list_marks([(20.0, 100.0, 24.0, 104.0)], words) == []
    assert list_marks([(60.0, 130.0, 64.0, 134.0)], words) == []
    # a word just before it: a separator between words
    assert list_marks([(101.0, 100.0, 103.0, 102.0)], words) == []


def test_a_page_drawn_with_many_dots_is_a_chart_not_a_list() -> None:
    dots = [(10.0 + k, 100.0, 13.0 + k, 103.0, True) for k in range(300)]
    assert mark_shapes(dots) == []
