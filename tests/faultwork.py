"""Broken inputs and misbehaving workers for the fault tests (made at test time, never stored)."""

from __future__ import annotations

import io
import os
import signal
import time
import zipfile
from pathlib import Path

from factories import make_result
from reportlab.lib import pdfencrypt
from reportlab.pdfgen.canvas import Canvas

from pipeline.common.outcome import Outcome

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "raw" / "samples"
GOOD = SAMPLES / "online-stalking-super-complaint-2023.pdf"


def text_pdf(path: Path, user_password: str | None = None) -> Path:
    """Write a one-page PDF with a recommendation, encrypted when a user password is given."""
    encrypt = None
    if user_password is not None:
        encrypt = pdfencrypt.StandardEncryption(user_password, "owner-secret", strength=128)
    canvas = Canvas(str(path), encrypt=encrypt)
    canvas.setFont("Helvetica-Bold", 12)
    canvas.drawString(72, 740, "Recommendation 1")
    canvas.setFont("Helvetica", 11)
    canvas.drawString(72, 720, "By 31 March 2025, chief constables should review custody records.")
    canvas.showPage()
    canvas.save()
    return path


def image_only_pdf(path: Path) -> Path:
    """Write a 'scan': pages with only drawn shapes, no text layer."""
    canvas = Canvas(str(path))
    for _ in range(2):
        canvas.setFillGray(0.4)
        canvas.rect(60, 80, 470, 680, fill=1)
        canvas.showPage()
    canvas.save()
    return path


def many_pages_pdf(path: Path, pages: int) -> Path:
    """Write an absurdly long PDF: every page full of text lines."""
    canvas = Canvas(str(path))
    for page in range(pages):
        canvas.setFont("Helvetica", 9)
        for row in range(60):
            canvas.drawString(40, 800 - 12 * row, f"Page {page} line {row}: " + "words " * 14)
        canvas.showPage()
    canvas.save()
    return path


def docx_named_pdf(path: Path) -> Path:
    """Write a minimal Word (.docx) zip container under a .pdf name."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    path.write_bytes(buffer.getvalue())
    return path


def corrupt_xref(source: Path, path: Path) -> Path:
    """Copy a PDF with its startxref pointing nowhere and its xref keyword broken."""
    data = source.read_bytes()
    data = data.replace(b"\nxref", b"\nxrXf", 1)
    cut = data.rfind(b"startxref")
    path.write_bytes(data[:cut] + b"startxref\n99999999\n%%EOF\n")
    return path


def truncated(source: Path, path: Path, fraction: float = 0.5) -> Path:
    """Copy the first part of a PDF only (an interrupted download)."""
    data = source.read_bytes()
    path.write_bytes(data[: int(len(data) * fraction)])
    return path


# Workers injected into pipeline.run.budget.extract_budgeted (module-level, so they pickle).


def misbehave(path: Path, _cache_dir: Path | None, hints: object = None) -> Outcome:
    """Behave by file name: `slow` hangs, `big` exhausts memory, `die` is killed; else succeed."""
    if "slow" in path.name:
        time.sleep(60)
    if "big" in path.name:
        hog = bytearray(8 * 1024**3)  # far over any test memory budget
        hog[-1] = 1
    if "die" in path.name:
        os.kill(os.getpid(), signal.SIGKILL)
    result = make_result(path.name)
    return Outcome(path=path, result=result, sha256=result.sha256)
