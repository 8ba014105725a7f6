"""The C text loop reads exactly what the Python loop reads, and its tables are pdfplumber's.

`extractors/_pdfpage.c` is the fast path of `extractors/pdfium_text.py`; both must give the same
words, drawn paths and edges on every page. It also groups a page's packed words into lines, the
fast path of `extractors/text.py`'s `_group_words`: the same lines, float for float (compared by
repr, so that even -0.0 against 0.0 would count), on every page of the fixtures and the corpus.
The table finder runs pdfplumber's TableFinder on PDFium's edges and words instead of a
pdfplumber parse: on our fixtures its tables equal its own (on the real corpus they differ where
pdfplumber's own cells are worse, e.g. run-together words; the end-to-end comparison is
tests/test_gold_accuracy.py).
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pdfplumber
import pypdfium2 as pdfium
import pytest
from fixtures.builder import build_report
from fixtures.reports import FIXTURES

from extractors import pdfium_text as fast
from extractors import text as layer
from extractors.glyphs import clean_cell
from extractors.settings import ExtractorSettings
from extractors.text import (
    PDFIUM_GAP_RATIO,
    TABLE_SETTINGS,
    WORD_SETTINGS,
    PageWords,
    Word,
    read_pages,
)

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "data" / "raw" / "samples").glob("*.pdf"))
CORPUS = ROOT.parent / "shared" / "corpus" / "pdfs"
CORPUS_PAGES = 12  # the first pages of each corpus PDF: covers, contents, tables, two columns
Y_TOLERANCE = WORD_SETTINGS["y_tolerance"]


@pytest.fixture(scope="module")
def fixture_pdfs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Every HMICFRS-style fixture report rendered once, the shipped samples, turned pages."""
    out = tmp_path_factory.mktemp("native")
    built = [build_report(FIXTURES[name](), out / f"{name}.pdf").path for name in sorted(FIXTURES)]
    return [*built, *SAMPLES, _rotated_pdf(out / "rotated.pdf")]


def _pages(path: Path, limit: int | None = None) -> Iterator[tuple[int, Any]]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        for index in range(min(len(pdf), limit or len(pdf))):
            page = pdf[index]
            try:
                yield index + 1, page
            finally:
                page.close()
    finally:
        pdf.close()


def _reads(
    paths: list[Path], native: bool, limit: int | None = None
) -> dict[tuple[str, int], object]:
    return {
        (path.name, index): fast.read_page(page, PDFIUM_GAP_RATIO, Y_TOLERANCE, native)
        for path in paths
        for index, page in _pages(path, limit)
    }


def _compare_loops(paths: list[Path], limit: int | None = None) -> None:
    assert fast.native() is not None
    native = _reads(paths, True, limit)
    python = _reads(paths, False, limit)
    assert native.keys() == python.keys()
    differing = [key for key in native if native[key] != python[key]]
    assert not differing, f"the C and Python loops differ on (file, page): {differing[:5]}"
    assert any(words for words, _, _ in native.values())  # type: ignore[attr-defined]


def test_the_c_loop_is_built() -> None:
    assert fast.native() is not None, (
        "extractors/_pdfpage.c is not built: run `make test` (pip install -e . compiles it; "
        "it needs gcc and the Python headers)"
    )


def test_the_switch_turns_the_c_loop_off() -> None:
    assert fast.native(enabled=False) is None
    assert fast.native(enabled=True) is not None


def test_the_setting_reaches_the_page_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[bool] = []
    real = fast.native

    def spy(enabled: bool = True) -> object:
        asked.append(enabled)
        return real(enabled)

    monkeypatch.setattr(fast, "native", spy)
    sample = SAMPLES[0]
    read_pages(sample, settings=ExtractorSettings(native=False))
    read_pages(sample, settings=ExtractorSettings())
    assert set(asked) == {False, True}
    assert asked[0] is False


def test_c_and_python_loops_read_fixture_reports_alike(fixture_pdfs: list[Path]) -> None:
    _compare_loops(fixture_pdfs)


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"corpus not available at {CORPUS}")
def test_c_and_python_loops_read_the_corpus_alike() -> None:
    _compare_loops(sorted(CORPUS.glob("*.pdf")), CORPUS_PAGES)


def _pdfplumber_tables(path: Path, index: int) -> list[tuple[tuple[str, ...], ...]]:
    """Tables as pdfplumber finds and reads them on its own parse of the page."""
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[index - 1]
        found = []
        for table in page.find_tables(TABLE_SETTINGS):
            rows = tuple(
                tuple(clean_cell(cell) for cell in row)
                for row in table.extract(**WORD_SETTINGS)
                if row and any(cell and cell.strip() for cell in row)
            )
            if rows and max(len(r) for r in rows) >= 2:
                found.append(rows)
        return found


def _pdfium_tables(path: Path, index: int, page: Any) -> list[tuple[tuple[str, ...], ...]]:
    width, height = (float(v) for v in page.get_size())
    words, _, edges = fast.read_page(page, PDFIUM_GAP_RATIO, Y_TOLERANCE)
    return [
        table.rows
        for table, _ in fast.find_tables(
            index,
            words,
            edges,
            (width, height),
            TABLE_SETTINGS,
            WORD_SETTINGS["x_tolerance_ratio"],
            Y_TOLERANCE,
        )
    ]


def _compare_tables(paths: list[Path], limit: int | None = None) -> int:
    tables = 0
    for path in paths:
        for index, page in _pages(path, limit):
            _, drawings, _ = fast.read_page(page, PDFIUM_GAP_RATIO, Y_TOLERANCE)
            width, height = (float(v) for v in page.get_size())
            if not fast.may_hold_table(drawings, width, height):
                continue
            ours = _pdfium_tables(path, index, page)
            assert ours == _pdfplumber_tables(path, index), f"{path.name} page {index}"
            tables += len(ours)
    return tables


def test_tables_from_pdfium_edges_equal_pdfplumbers(fixture_pdfs: list[Path]) -> None:
    assert _compare_tables(fixture_pdfs) > 0


def _rotated_pdf(path: Path) -> Path:
    """Pages shown turned 0, 90, 180 and 270 degrees whose content is drawn to read upright.

    This is how word processors write landscape pages: /Rotate on the page and the content
    turned the other way, so that the text reads normally on screen.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    width, height = A4
    canvas = Canvas(str(path), pagesize=A4)
    turns = {
        0: (0.0, 0.0, 0),
        90: (width, 0.0, 90),
        180: (width, height, 180),
        270: (0.0, height, -90),
    }
    for rotation, (dx, dy, angle) in turns.items():
        canvas.setPageRotation(rotation)
        canvas.translate(dx, dy)
        canvas.rotate(angle)
        shown_height = height if rotation in (0, 180) else width
        canvas.setFont("Helvetica-Bold", 14)
        canvas.drawString(
            72, shown_height - 80, f"Recommendations on a page turned {rotation} degrees"
        )
        canvas.setFont("Helvetica", 10)
        rows = [
            ("No.", "Recommendation"),
            ("1", "Forces should log every call."),
            ("2", "Audit it."),
        ]
        for row, (number, text) in enumerate(rows):
            top = shown_height - 140 - 30 * row
            canvas.rect(72, top - 30, 60, 30)
            canvas.rect(132, top - 30, 300, 30)
            canvas.drawString(78, top - 20, number)
            canvas.drawString(138, top - 20, text)
        canvas.showPage()
    canvas.save()
    return path


def test_rotated_pages_read_as_pdfplumber_reads_them(tmp_path: Path) -> None:
    path = _rotated_pdf(tmp_path / "rotated.pdf")
    with pdfplumber.open(path) as pdf:
        reference = [
            [
                (w["text"], round(w["x0"]), round(w["top"]))
                for w in page.extract_words(**WORD_SETTINGS)
            ]
            for page in pdf.pages
        ]
    for index, page in _pages(path):
        words, _, _ = fast.read_page(page, PDFIUM_GAP_RATIO, Y_TOLERANCE)
        ours = [(w[0], round(w[1]), round(w[3])) for w in words]
        assert len(ours) == len(reference[index - 1]), f"page {index}"
        for (text, x0, top), (ref_text, ref_x0, ref_top) in zip(
            ours, reference[index - 1], strict=True
        ):
            assert text == ref_text
            assert abs(x0 - ref_x0) <= 1, f"page {index}: {text}"
            assert abs(top - ref_top) <= 3, f"page {index}: {text}"
        [table] = _pdfium_tables(path, index, page)
        assert table == tuple(_pdfplumber_tables(path, index)[0])
        assert table[1] == ("1", "Forces should log every call.")


# ---------------------------------------------------------------- words → lines


def _c_lines(words: PageWords, page: int, width: float) -> list[object] | None:
    """The C grouping alone (None: it declined the page and Python groups it)."""
    module = fast.native()
    assert module is not None
    found: list[object] | None = module.page_lines(
        words._text,
        words._lengths,
        words._coords,
        words._bold,
        width,
        page,
        layer.Line,
        layer._LIST_MARK_RE.match,
        layer._SUPERSCRIPT_RE.match,
    )
    return found


def _compare_groupings(pages: Sequence[tuple[str, int, PageWords, float]]) -> int:
    """Compare the C and Python groupings page by page; return how many lines they made."""
    made = 0
    differing = []
    for name, index, words, width in pages:
        ours = _c_lines(words, index, width)
        python = layer._group_words(list(words), index, width)
        assert ours is not None, f"the C grouping declined {name} page {index}"
        if repr(ours) != repr(python):
            differing.append((name, index))
        made += len(python)
    assert not differing, f"the C and Python groupings differ on (file, page): {differing[:5]}"
    return made


def _document_pages(paths: Sequence[Path]) -> Iterator[tuple[str, int, PageWords, float]]:
    for path in paths:
        raw = layer.read_pages(path, settings=ExtractorSettings(text_engine="pdfium"))
        for index, words in enumerate(raw.words, start=1):
            yield path.name, index, words, raw.sizes[index - 1][0]


def test_c_and_python_group_fixture_reports_alike(fixture_pdfs: list[Path]) -> None:
    assert _compare_groupings(list(_document_pages(fixture_pdfs))) > 0


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"corpus not available at {CORPUS}")
def test_c_and_python_group_every_corpus_page_alike() -> None:
    pages = _document_pages(sorted(CORPUS.glob("*.pdf")))
    assert _compare_groupings(list(pages)) > 10_000


def _page(*words: tuple[str, float, float, float, float, float, bool]) -> PageWords:
    return PageWords(Word(*w) for w in words)


def _body(
    top: float, *texts: tuple[str, float]
) -> list[tuple[str, float, float, float, float, float, bool]]:
    """Words of one 10 pt line at `top`, each given by its text and x0 (5 pt a letter)."""
    return [(t, x0, x0 + 5 * len(t), top, top + 10, 10.0, False) for t, x0 in texts]


EDGE_CASES: dict[str, PageWords] = {
    "empty": PageWords(),
    "one word": _page(("Alone", 72.0, 100.0, 90.0, 100.0, 10.0, True)),
    "superscript markers": _page(
        ("Police", 72.0, 100.0, 86.0, 100.0, 10.0, False),
        ("12", 100.5, 104.0, 88.0, 94.0, 6.0, False),  # raised, small, digits: dropped
        ("forces", 106.0, 130.0, 86.0, 100.0, 10.0, False),
        ("*,†", 130.5, 134.0, 88.0, 94.0, 6.0, False),
        ("ab", 135.0, 140.0, 88.0, 94.0, 6.0, False),  # raised and small but not a marker
        ("3", 141.0, 143.0, 94.0, 100.0, 6.0, False),  # small but on the baseline: kept
    ),
    "a marker first in its line": _page(
        ("4", 72.0, 75.0, 88.0, 94.0, 6.0, False),
        ("Notes", 76.0, 100.0, 90.0, 100.0, 10.0, False),
        ("and", 102.0, 120.0, 90.0, 100.0, 10.0, False),
    ),
    "two columns": _page(
        *(
            w
            for row in range(12)
            for w in _body(
                100 + 14 * row,
                ("Left", 72.0),
                (f"text{row}", 100.0),
                ("Right", 320.0),
                ("x", 348.0),
            )
        )
    ),
    "a list mark a column's width from the next word": _page(
        *(
            w
            for row in range(12)
            for w in _body(100 + 14 * row, ("Left", 72.0), (f"text{row}", 100.0), ("Right", 320.0))
        ),
        *_body(268.0, ("7.", 72.0), ("purpose.", 320.0)),
    ),
    "a table's number cell several ems short of the next column": _page(
        *(
            w
            for row in range(12)
            for w in _body(100 + 14 * row, ("Left", 72.0), (f"text{row}", 100.0), ("Right", 320.0))
        ),
        # in small print (8 pt): the figures' row
        ("2016", 72.0, 92.0, 268.0, 276.0, 8.0, False),
        ("17,241", 120.0, 146.0, 268.0, 276.0, 8.0, False),
        ("32.2", 250.0, 266.0, 268.0, 276.0, 8.0, False),
        *_body(267.0, ("statement", 320.0)),
        *_body(282.0, ("4.12", 250.0), ("Next", 320.0)),  # a row's only mark: still hangs
    ),
    "a panel's word inset past a column edge": _page(
        *(
            w
            for row in range(12)
            for w in _body(100 + 14 * row, ("Left", 72.0), (f"text{row}", 100.0), ("Right", 320.0))
        ),
        # a panel in the right column sets its text 4 pt in from the column's edge (320),
        # 15 pt from the last word of a long line (not a gutter's width by itself)
        ("Longest", 72.0, 309.0, 268.0, 278.0, 10.0, False),
        *_body(268.0, ("4", 324.0)),
        ("Longer", 72.0, 316.0, 282.0, 292.0, 10.0, False),
        *_body(282.0, ("far", 331.0)),
    ),
    "a box's line across both columns": _page(
        *(
            w
            for row in range(12)
            for w in _body(100 + 14 * row, ("Left", 72.0), (f"text{row}", 100.0), ("Right", 320.0))
        ),
        # a full-width box between the columns' paragraphs: a word space, not a gutter, before
        # the word that starts at the second column's edge
        *_body(268.0, ("The", 72.0), ("force", 290.5), ("should", 320.0), ("act.", 356.0)),
    ),
    "justified gaps crossing": _page(
        *(
            w
            for row in range(12)
            for w in _body(100 + 14 * row, ("a", 72.0), ("wide", 300.0 + 40 * (row % 2)))
        ),
        *_body(300.0, ("crossing", 280.0)),
    ),
    "a lone list mark before a gap": _page(
        *_body(100.0, ("1.", 72.0), ("Forces", 120.0), ("should", 160.0)),
        *_body(114.0, ("•", 72.0), ("Audit", 120.0)),
        *_body(128.0, ("(iv)", 72.0), ("Log", 120.0)),
        *_body(142.0, ("Not", 72.0), ("a", 120.0), ("mark", 128.0)),
        *_body(156.0, ("R3", 72.0), ("Ensure", 120.0)),
        *_body(170.0, ("4.12", 72.0), ("The", 120.0), ("force", 140.0)),
        *_body(184.0, ("2024", 72.0), ("Totals", 120.0)),
    ),
    "bold runs opening and closing lines": _page(
        ("seen.", 72.0, 97.0, 90.0, 100.0, 10.0, False),
        ("The", 100.0, 115.0, 90.0, 100.0, 10.0, True),
        ("2", 115.5, 118.0, 88.0, 94.0, 6.0, True),  # a footnote marker: dropped, not counted
        ("force", 120.0, 145.0, 90.0, 100.0, 10.0, True),
        *_body(104.0, ("Plain", 72.0), ("then", 100.0)),
        ("bold", 130.0, 150.0, 104.0, 114.0, 10.0, True),
        ("Bold", 72.0, 92.0, 118.0, 128.0, 10.0, True),
        ("words.", 95.0, 125.0, 118.0, 128.0, 10.0, True),
        *_body(118.0, ("then", 130.0), ("plain", 155.0)),
    ),
    "equal sizes tie": _page(
        ("Big", 72.0, 90.0, 88.0, 100.0, 12.0, True),
        ("tiny", 92.0, 110.0, 92.0, 100.0, 8.0, False),
        ("Bigs", 112.0, 130.0, 88.0, 100.0, 12.0, False),
        ("sm", 132.0, 140.0, 92.0, 100.0, 8.0, True),
    ),
    "sizes zero and signed zeros": _page(
        ("zero", -0.0, 10.0, 0.0, 0.0, 0.0, False),
        ("nil", 0.0, 12.0, -0.0, 0.0, -0.0, True),
        ("x", 14.0, 16.0, 0.0, 0.0, 0.0, False),
    ),
    "rounding halves": _page(
        ("a", 10.0, 12.0, 0.5, 10.5, 10.0, False),
        ("b", 5.0, 7.0, 1.5, 11.5, 10.0, False),
        ("c", 20.0, 22.0, 2.5, 12.5, 10.0, False),
        ("d", 1.0, 3.0, 1.49, 11.0, 10.0, False),
    ),
    "rows beyond the last three": _page(
        ("a", 10.0, 12.0, 100.0, 110.0, 10.0, False),
        ("b", 10.0, 12.0, 102.0, 104.0, 2.0, False),
        ("c", 10.0, 12.0, 104.5, 106.0, 1.5, False),
        ("d", 10.0, 12.0, 106.5, 108.0, 1.5, False),
        ("e", 20.0, 22.0, 101.0, 111.0, 10.0, False),
    ),
    "a last cell wrapping under its first line": _page(
        *_body(
            100.0,
            ("1.2", 72.0),
            ("Chief", 90.0),
            ("Constable", 118.0),
            ("Stop", 227.0),
            ("using", 250.0),
        ),
        *_body(112.0, ("promotions,", 227.0), ("and", 290.0)),
        *_body(140.0, ("REC", 72.0), ("1", 92.0), ("The", 227.0), ("force", 250.0)),
        *_body(152.0, ("should", 227.0)),
        *_body(180.0, ("1", 72.0), ("CORONER", 120.0)),
        *_body(192.0, ("Sarah", 120.0)),
    ),
    "unicode": _page(
        ("Ré", 72.0, 90.0, 90.0, 100.0, 10.0, False),
        ("👮", 92.0, 100.0, 90.0, 100.0, 10.0, False),
        ("naïve", 102.0, 130.0, 90.0, 100.0, 10.0, False),
        ("", 131.0, 131.0, 90.0, 100.0, 10.0, False),
    ),
}


@pytest.mark.parametrize("case", sorted(EDGE_CASES))
def test_c_and_python_group_edge_cases_alike(case: str) -> None:
    words = EDGE_CASES[case]
    ours = _c_lines(words, 3, 595.0)
    assert ours is not None
    assert repr(ours) == repr(layer._group_words(list(words), 3, 595.0))
    assert repr(layer.page_lines(words, 3, 595.0)) == repr(
        layer._order_columns(layer._group_words(list(words), 3, 595.0), 595.0)
    )


def test_markers_ties_and_list_marks_group_as_intended() -> None:
    """The edge cases exercise what they are named after (in both groupings)."""
    lines = {case: layer.group_lines(words, 1, 595.0) for case, words in EDGE_CASES.items()}
    assert [ln.text for ln in lines["superscript markers"]] == ["Police forces ab 3"]
    assert [ln.text for ln in lines["a marker first in its line"]] == ["4 Notes and"]
    assert lines["equal sizes tie"][0].size == 12.0  # first size of the most characters
    # how many characters at a line's end are bold: the bold run after a plain start
    closing = lines["bold runs opening and closing lines"]
    assert [(ln.text, ln.bold_tail, ln.bold_head) for ln in closing] == [
        ("seen. The force", len("The force"), 0),
        ("Plain then bold", len("bold"), 0),
        ("Bold words. then plain", 0, len("Bold words.")),
    ]
    assert len(lines["two columns"]) == 24
    marks = [ln.text for ln in lines["a lone list mark before a gap"]]
    assert marks[:3] == ["1. Forces should", "• Audit", "(iv) Log"]
    assert marks[3:5] == ["Not", "a mark"]
    # a paragraph number or a short code hangs before its text too; a year is a table cell
    assert marks[5:] == ["R3 Ensure", "4.12 The force", "2024", "Totals"]
    # a column's width away, a lone mark is no mark of the other column's line
    far = [ln.text for ln in lines["a list mark a column's width from the next word"]]
    assert far[-2:] == ["7.", "purpose."]
    # a word within an em past a column's edge, after a gap wider than an em, starts that
    # column; further in (a figure's label, a justified gap) it does not
    inset = [ln.text for ln in lines["a panel's word inset past a column edge"]]
    assert inset[-3:] == ["Longest", "4", "Longer far"]
    across = [ln.text for ln in lines["a box's line across both columns"]]
    assert across[-1] == "force should act."
    # a row splits where the row under it starts, its last cell wrapping there; not after a
    # label ("REC 1") nor a lone number, which hang before their text
    wrapped = sorted(lines["a last cell wrapping under its first line"], key=lambda ln: ln.top)
    assert [ln.text for ln in wrapped] == [
        "1.2 Chief Constable", "Stop using", "promotions, and", "REC 1 The force", "should",
        "1 CORONER", "Sarah",
    ]  # fmt: skip


def test_pages_c_declines_are_grouped_by_python() -> None:
    """Coordinates that are not finite: Python groups the page (and raises as it raises)."""
    infinite = _page(
        ("far", math.inf, math.inf, 90.0, 100.0, 10.0, False), *_body(90.0, ("a", 1.0))
    )
    assert _c_lines(infinite, 1, 595.0) is None
    assert repr(layer.group_lines(infinite, 1, 595.0)) == repr(
        layer._group_words(list(infinite), 1, 595.0)
    )
    broken = _page(("nan", 1.0, 2.0, math.nan, 10.0, 10.0, False))
    assert _c_lines(broken, 1, 595.0) is None
    with pytest.raises(ValueError, match="NaN"):
        layer.group_lines(broken, 1, 595.0)


def _random_page(rng: random.Random) -> PageWords:
    """Words on a coarse grid, so that ties, overlaps, gaps and columns abound."""
    texts = ["1.", "•", "(a)", "a)", "12", "*", "†", "word", "Recommendation", "x", "(ii)", "é"]
    words = []
    for _ in range(rng.randint(1, 120)):
        size = rng.choice([6.0, 8.0, 10.0, 10.0, 12.0, 0.0])
        x0 = rng.randint(0, 120) * 5.0 + rng.choice([0.0, 0.5, 0.25])
        top = rng.randint(0, 40) * 6.0 + rng.choice([0.0, 0.5, 1.5, 2.5])
        word = rng.choice(texts)
        words.append(
            Word(word, x0, x0 + 4 * len(word), top, top + max(size, 1.0), size, rng.random() < 0.3)
        )
    return PageWords(words)


def test_c_and_python_group_random_pages_alike() -> None:
    rng = random.Random(18)  # noqa: S311 - a fixed layout generator, not a secret
    pages = [("random", index, _random_page(rng), 595.0) for index in range(1, 400)]
    assert _compare_groupings(pages) > 0


def test_the_switch_groups_lines_in_python(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    python = layer._group_words

    def counting(words: list[Word], page: int, page_width: float) -> list[layer.Line]:
        calls.append(page)
        return python(words, page, page_width)

    monkeypatch.setattr(layer, "_group_words", counting)
    words = EDGE_CASES["two columns"]
    assert fast.native(False) is None
    in_python = layer.group_lines(words, 1, 595.0, native=False)
    assert calls == [1]
    assert repr(layer.group_lines(words, 2, 595.0)) == repr(python(list(words), 2, 595.0))
    assert calls == [1]  # the C grouping served the second page
    assert repr(in_python) == repr(python(list(words), 1, 595.0))


def _first_page_words(path: Path, native: bool) -> list[Any]:
    """The words PDFium reads on a PDF's first page, by the C loop or by Python."""
    words, _, _ = next(
        fast.read_page(page, PDFIUM_GAP_RATIO, Y_TOLERANCE, native) for _, page in _pages(path)
    )
    return list(words)


def _watermarked_pdf(path: Path) -> Path:
    """A page of prose with "DRAFT" drawn large across it at 45 degrees, as drafts are."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=A4)
    canvas.setFont("Helvetica", 10)
    for k in range(12):
        canvas.drawString(72, 760 - 14 * k, f"Line {k} of the report says what the force found.")
    canvas.saveState()
    canvas.translate(300, 420)
    canvas.rotate(45)
    canvas.setFont("Helvetica-Bold", 60)
    canvas.drawCentredString(0, 0, "DRAFT NOT FOR USE")
    canvas.restoreState()
    canvas.save()
    return path


@pytest.mark.parametrize("native", [True, False])
def test_text_drawn_on_a_slant_is_a_watermark_not_text(tmp_path: Path, native: bool) -> None:
    path = _watermarked_pdf(tmp_path / "draft.pdf")
    words = _first_page_words(path, native)
    texts = [w[0] for w in words]
    assert not any(t.isupper() and t.isalpha() for t in texts)  # no letter of the mark
    assert texts.count("force") == 12  # every line of prose whole, none split by the mark
    assert fast.slanted(0.7, 0.7)
    assert not fast.slanted(1.0, 0.0)
    assert not fast.slanted(0.0, 1.0)


def _margin_title_pdf(path: Path, turned: bool) -> Path:
    """A page of prose with the report's title set sideways up its left margin; turned, the
    page is shown a quarter turn round (/Rotate 90) and its prose drawn to read upright."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=A4)
    if turned:
        canvas.setPageRotation(90)
        canvas.translate(595, 0)
        canvas.rotate(90)  # shown upright once the viewer turns the page
    canvas.setFont("Helvetica", 10)
    for k in range(12):
        canvas.drawString(72, 520 - 14 * k, f"Line {k} of the report says what the force found.")
    if not turned:
        canvas.saveState()
        canvas.translate(30, 300)
        canvas.rotate(90)
        canvas.setFont("Helvetica", 8)
        canvas.drawString(0, 0, "Northmoor Police PEEL 2031")
        canvas.restoreState()
    canvas.save()
    return path


@pytest.mark.parametrize("native", [True, False])
@pytest.mark.parametrize("turned", [False, True])
def test_text_set_sideways_in_the_margin_is_no_text(
    tmp_path: Path, native: bool, turned: bool
) -> None:
    path = _margin_title_pdf(tmp_path / "margin.pdf", turned)
    words = _first_page_words(path, native)
    texts = [w[0] for w in words]
    assert texts.count("force") == 12  # the prose, upright on the page as shown, is all read
    # no letter of the margin's title, which the prose never uses, read in any word
    assert not any(set(t) & set("NPEm") for t in texts)
    assert fast.sideways(0.0, 1.0, 0)
    assert fast.sideways(1.0, 0.0, 90)
    assert not fast.sideways(1.0, 0.0, 0)
    assert not fast.sideways(0.0, -1.0, 270)


def _small_capitals_pdf(path: Path) -> Path:
    """A heading set in small capitals the way a layout program fakes them: each word's first
    capital at the full size, the rest as capitals a size smaller, on one baseline."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=A4)
    x = 72.0
    for word in ("ANNEX", "GLOSSARY"):
        canvas.setFont("Helvetica-Bold", 14)
        canvas.drawString(x, 700, word[0])
        x += canvas.stringWidth(word[0], "Helvetica-Bold", 14)
        canvas.setFont("Helvetica-Bold", 11)
        canvas.drawString(x, 700, word[1:])
        x += canvas.stringWidth(word[1:] + " ", "Helvetica-Bold", 11)
    canvas.setFont("Helvetica", 10)
    canvas.drawString(72, 680, "Forces")
    canvas.setFont("Helvetica", 6)
    canvas.drawString(72 + canvas.stringWidth("Forces", "Helvetica", 10), 684, "12")
    canvas.save()
    return path


@pytest.mark.parametrize("native", [True, False])
def test_small_capitals_of_two_sizes_are_one_word(tmp_path: Path, native: bool) -> None:
    path = _small_capitals_pdf(tmp_path / "caps.pdf")
    words = _first_page_words(path, native)
    found = {w[0]: w[5] for w in words}
    assert found["ANNEX"] == found["GLOSSARY"] == 11.0  # the small letters' size
    assert "Forces" in found
    assert "12" in found  # a raised footnote marker stays apart
