"""Optional OCR for scanned PDFs: ocrmypdf (with tesseract) adds a text layer, off by default.

Only used when asked for (`--ocr`) and only on PDFs whose pages carry no text. The OCRed copy is
written next to the content cache; the document keeps the identity (sha256) of the scan itself.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from extractors.errors import ExtractionError
from pipeline.common.files import replacing
from pipeline.common.settings import DEFAULT_OCR_LANGUAGE

OCR_TOOL = "ocrmypdf"
INSTALL_HINT = "install ocrmypdf and tesseract (Debian: apt-get install ocrmypdf tesseract-ocr)"


def ocr_available() -> bool:
    """True when the ocrmypdf command can be run."""
    return shutil.which(OCR_TOOL) is not None


def ocr_pdf(source: Path, target: Path, language: str = DEFAULT_OCR_LANGUAGE) -> Path:
    """Write `source` with a text layer added by OCR (tesseract `language`s) to `target`."""
    tool = shutil.which(OCR_TOOL)
    if tool is None:
        raise ExtractionError(
            str(source), "has no text layer and ocrmypdf is not installed", INSTALL_HINT
        )
    with replacing(target) as partial:  # atomic: a half-written copy is never read
        command = [
            tool,
            *("--skip-text", "--output-type", "pdf", "--quiet"),
            *("-l", language),
            str(source),
            str(partial),
        ]
        done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
        if done.returncode != 0:
            said = (done.stderr.strip().splitlines() or ["no message"])[-1]
            raise ExtractionError(
                str(source),
                f"could not be OCRed (ocrmypdf exit {done.returncode}: {said})",
                "check the scan, or run ocrmypdf on it by hand to see why",
            )
    return target
