"""The optional OCR path: `--ocr` reads scans through ocrmypdf; without it scans fail clearly.

The scan is made here: a short report in our own words is drawn with reportlab, rendered to
images with PDFium and saved as an image-only PDF, as a scanner would.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from click.testing import CliRunner
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from pipeline.cli.main import cli
from pipeline.run import ocr
from pipeline.run.extract import extract_outcome

HAVE_OCR = shutil.which("ocrmypdf") is not None and shutil.which("tesseract") is not None
needs_ocr = pytest.mark.skipif(
    not HAVE_OCR and not os.environ.get("CI"),
    reason="ocrmypdf and tesseract are not installed (.ci/run installs them)",
)
LINES = (
    ("Helvetica-Bold", 16, "Custody revisit: our findings"),
    ("Helvetica", 11, "Published: 2 April 2025"),
    ("Helvetica-Bold", 13, "Recommendations"),
    ("Helvetica-Bold", 11, "Recommendation 1"),
    ("Helvetica", 11, "Within three months, the force should make sure that every detainee"),
    ("Helvetica", 11, "is told how to contact an independent custody visitor."),
    ("Helvetica-Bold", 11, "Recommendation 2"),
    ("Helvetica", 11, "The force should record the reasons for every strip search."),
)


def _scan(path: Path) -> Path:
    """An image-only PDF of a one-page report (200 dpi greyscale, no text layer)."""
    born_digital = path.with_suffix(".source.pdf")
    canvas = Canvas(str(born_digital), pagesize=A4)
    y = 780.0
    for font, size, text in LINES:
        y -= size * (2.2 if font.endswith("Bold") else 1.35)  # headings stand apart
        canvas.setFont(font, size)
        canvas.drawString(72, y, text)
    canvas.showPage()
    canvas.save()
    pdf = pdfium.PdfDocument(str(born_digital))
    try:
        image = pdf[0].render(scale=200 / 72).to_pil().convert("L")
    finally:
        pdf.close()
    image.save(path, "PDF", resolution=200)
    return path


def test_a_scan_without_ocr_fails_with_the_hint(tmp_path: Path) -> None:
    outcome = extract_outcome(_scan(tmp_path / "scan.pdf"))
    assert not outcome.ok
    assert "no text layer: scanned image" in str(outcome.error)
    assert "or run with --ocr" in str(outcome.error)


def test_asking_for_ocr_without_ocrmypdf_names_the_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocr.shutil, "which", lambda _name: None)
    scan = _scan(tmp_path / "scan.pdf")
    outcome = extract_outcome(scan, ocr=True)
    assert not outcome.ok
    assert str(outcome.error).startswith(f"{scan}: has no text layer and ocrmypdf is not installed")
    assert "apt-get install ocrmypdf tesseract-ocr" in str(outcome.error)


@needs_ocr
def test_run_with_ocr_reads_the_scan(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    scan = _scan(tmp_path / "in" / "scan.pdf")
    data = tmp_path / "data"
    runner = CliRunner()
    result = runner.invoke(cli, ["--data-dir", str(data), "run", str(scan), "--ocr", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert "no text layer; text read by OCR (ocrmypdf, eng)" in result.output
    listed = runner.invoke(cli, ["--data-dir", str(data), "items", "--json"])
    items = {i["number"]: i for i in json.loads(listed.stdout)["items"]}
    assert sorted(items) == ["1", "2"]
    assert items["1"]["addressees"] == ["force"]
    assert items["1"]["deadline"]["date"] == "2025-07-02"
    assert "independent custody visitor" in items["1"]["text"]
    assert list((data / "processed" / "cache" / "ocr").glob("*.pdf")), "the OCRed copy is kept"


@needs_ocr
def test_add_with_ocr_registers_and_reads_a_scan(tmp_path: Path) -> None:
    scan = _scan(tmp_path / "scan.pdf")
    data = tmp_path / "data"
    runner = CliRunner()
    result = runner.invoke(cli, ["--data-dir", str(data), "add", str(scan), "--ocr"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1].startswith("1 new report, 2 new items")
