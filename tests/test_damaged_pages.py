"""A page PDFium cannot load is skipped with a warning naming it; the rest of the report stays."""

from __future__ import annotations

from pathlib import Path

from rawpdf import stream, text_content, write_pdf

from pipeline.run.extract import extract_outcome


def test_an_unloadable_page_is_skipped_and_named(tmp_path: Path) -> None:
    lines = [
        (780, "Recommendations"),
        (750, "1. The force should answer emergency calls within ten seconds."),
        (730, "2. The force should publish its call answering times every month."),
    ]
    pdf = write_pdf(
        tmp_path / "one-bad-page.pdf",
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            # Page 2 of the tree is not a page at all: PDFium cannot load it.
            b"<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            stream(text_content(lines)),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"42",
        ],
    )
    outcome = extract_outcome(pdf)
    assert outcome.error is None
    assert outcome.result is not None
    assert [item.number for item in outcome.result.items] == ["1", "2"]
    assert outcome.result.pages == 2
    assert "one-bad-page.pdf: page 2 could not be loaded (Failed to load page.); skipped" in (
        outcome.warnings
    )
