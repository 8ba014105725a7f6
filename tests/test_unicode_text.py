"""Text outside the Basic Multilingual Plane: a surrogate pair is one character, never a crash.

PDFium hands text over as UTF-16 units. The PDF below is written by hand so that its font's
ToUnicode map sends one byte to an emoji (a surrogate pair) and another to a lone surrogate.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rawpdf import stream, text_content, write_pdf
from test_pdfium_native import _compare_loops

from extractors.glyphs import join_small_caps
from extractors.settings import ExtractorSettings
from pipeline.common.settings import Settings
from pipeline.run.extract import extract_outcome

LINES = (
    (780, "Recommendations"),
    (750, "1. The force should answer calls ~ within ten seconds."),
    (730, "2. The force should publish its data | every month."),
)
# "~" (0x7E) reads as U+1F600 (a surrogate pair), "|" (0x7C) as a lone low surrogate.
CMAP = (
    b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap "
    b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def "
    b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def 1 begincodespacerange <00> <FF> "
    b"endcodespacerange 2 beginbfchar <7E> <D83DDE00> <7C> <DC00> endbfchar endcmap "
    b"CMapName currentdict /CMap defineresource pop end end\n"
)


def surrogate_pdf(path: Path) -> Path:
    """A one-page PDF whose text layer holds a surrogate pair and a lone surrogate."""
    return write_pdf(
        path,
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            stream(text_content(LINES)),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
            stream(CMAP),
        ],
    )


@pytest.mark.parametrize("native", [True, False])
def test_a_surrogate_pair_is_one_character_and_a_lone_one_is_replaced(
    tmp_path: Path, native: bool
) -> None:
    settings = Settings(ExtractorSettings(native=native))
    outcome = extract_outcome(surrogate_pdf(tmp_path / "emoji.pdf"), settings=settings)
    assert outcome.error is None
    assert outcome.result is not None
    assert [item.text for item in outcome.result.items] == [
        "The force should answer calls \U0001f600 within ten seconds.",
        "The force should publish its data \ufffd every month.",
    ]


def test_both_loops_read_surrogates_alike(tmp_path: Path) -> None:
    _compare_loops([surrogate_pdf(tmp_path / "emoji.pdf")])


_DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


@pytest.mark.skipif(not _DEJAVU.is_file(), reason="needs DejaVuSans (Hebrew glyphs)")
def test_right_to_left_words_keep_their_letters_together(tmp_path: Path) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    from extractors.text import read_pages

    pdfmetrics.registerFont(TTFont("DejaVu", str(_DEJAVU)))
    canvas = Canvas(str(tmp_path / "rtl.pdf"))
    canvas.setFont("DejaVu", 12)
    canvas.drawRightString(500, 700, "שלום עולם")
    canvas.showPage()
    canvas.save()
    for engine in ("pdfium", "pdfplumber"):
        raw = read_pages(tmp_path / "rtl.pdf", settings=ExtractorSettings(text_engine=engine))
        assert sorted(w.text for page in raw.words for w in page) == ["עולם", "שלום"], engine


@pytest.mark.parametrize(
    ("line", "joined"),
    [
        ("C AUSE OF CONCERN", "CAUSE OF CONCERN"),  # an initial set apart from small capitals
        ("R ECOMMENDATIONS", "RECOMMENDATIONS"),
        ("A NEW APPROACH", "A NEW APPROACH"),  # "A" is a word
        ("A REAS FOR IMPROVEMENT", "AREAS FOR IMPROVEMENT"),  # unless a heading word goes on
        ("I MPROVEMENTS NEEDED", "IMPROVEMENTS NEEDED"),
        ("I AM GRATEFUL", "I AM GRATEFUL"),
        ("PART B OVERVIEW", "PART B OVERVIEW"),  # a part's letter, not an initial
        ("5 CORONER'S CONCERNS", "5 CORONER'S CONCERNS"),
        ("C Area of concern", "C Area of concern"),  # not a line in capitals
    ],
)
def test_an_initial_set_apart_from_small_capitals_is_joined(line: str, joined: str) -> None:
    assert join_small_caps(line) == joined
