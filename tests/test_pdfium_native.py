"""The C text loop reads exactly what the Python loop reads, and its tables are pdfplumber's.

`extractors/_pdfpage.c` is the fast path of `extractors/pdfium_text.py`; both must give the same
words, drawn paths and edges on every page. The table finder runs pdfplumber's TableFinder on
PDFium's edges and words instead of a pdfplumber parse: on our fixtures its tables equal its own
(on the real corpus they differ where pdfplumber's own cells are worse, e.g. run-together words;
the end-to-end comparison is tests/test_gold_accuracy.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pdfplumber
import pypdfium2 as pdfium
import pytest
from fixtures.builder import build_report
from fixtures.reports import FIXTURES

from extractors import pdfium_text as fast
from extractors.glyphs import clean_cell
from extractors.settings import ExtractorSettings
from extractors.text import PDFIUM_GAP_RATIO, TABLE_SETTINGS, WORD_SETTINGS, read_pages

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
