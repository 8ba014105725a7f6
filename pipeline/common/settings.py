"""What shapes a run's output besides its inputs, resolved once: options, then environment, then
defaults.

RECWATCH_TEXT_ENGINE (pdfium or pdfplumber), RECWATCH_PDFIUM_NATIVE ("0": PDFium's Python
character loop), RECWATCH_BODIES (an extra aliases file) and RECWATCH_OCR_LANGUAGE (tesseract
languages, e.g. "eng+cym") are read here and nowhere else; the record is passed down to the
workers and the extractors, and recorded with each run.
"""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extractors.settings import DEFAULT_ENGINE, DEFAULT_SETTINGS, ENGINES, ExtractorSettings
from pipeline.common.errors import PipelineError

TEXT_ENGINE_ENV = "RECWATCH_TEXT_ENGINE"
NATIVE_ENV = "RECWATCH_PDFIUM_NATIVE"
BODIES_ENV = "RECWATCH_BODIES"
OCR_LANGUAGE_ENV = "RECWATCH_OCR_LANGUAGE"
DEFAULT_OCR_LANGUAGE = "eng"


@dataclass(frozen=True, slots=True)
class Settings:
    """The extractors' settings and the OCR language of one invocation."""

    extractors: ExtractorSettings = DEFAULT_SETTINGS
    ocr_language: str = DEFAULT_OCR_LANGUAGE

    def to_json(self) -> dict[str, Any]:
        """The settings as recorded with a run (the bodies file also by its content's sha256)."""
        bodies = self.extractors.bodies_file
        return {
            "text_engine": self.extractors.text_engine,
            "pdfium_native": self.extractors.native,
            "bodies_file": str(bodies) if bodies is not None else None,
            "bodies_sha256": file_sha256(bodies) if bodies is not None else None,
            "ocr_language": self.ocr_language,
        }


DEFAULTS = Settings()  # what a library caller that passes no settings gets


@functools.lru_cache(maxsize=8)
def file_sha256(path: Path) -> str | None:
    """The sha256 of a file's bytes (read once per process), or None when it cannot be read."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def resolve_settings(
    env: Mapping[str, str] | None = None,
    *,
    text_engine: str | None = None,
    native: bool | None = None,
    bodies_file: Path | None = None,
    ocr_language: str | None = None,
) -> Settings:
    """Resolve the settings from options (arguments), then environment, then defaults."""
    env = os.environ if env is None else env
    engine = (text_engine or env.get(TEXT_ENGINE_ENV, "") or DEFAULT_ENGINE).strip().lower()
    if engine not in ENGINES:
        raise PipelineError(
            f"{TEXT_ENGINE_ENV} names an unknown text engine {engine!r}",
            f"use one of {', '.join(ENGINES)}, or unset it",
        )
    if native is None:
        native = env.get(NATIVE_ENV, "1").strip() != "0"
    if bodies_file is None and env.get(BODIES_ENV):
        bodies_file = Path(env[BODIES_ENV])
    language = (ocr_language or env.get(OCR_LANGUAGE_ENV, "")).strip() or DEFAULT_OCR_LANGUAGE
    return Settings(
        extractors=ExtractorSettings(
            text_engine=engine,
            native=native,
            bodies_file=bodies_file.expanduser().resolve() if bodies_file is not None else None,
        ),
        ocr_language=language,
    )
