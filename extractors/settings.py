"""What shapes extraction beyond the code: the text engine, the C text loop, an extra bodies file.

A plain frozen record that callers hand to the extractor functions; extractors read no
environment variable. The command line builds it from its options and the environment
(`pipeline.common.settings`); a library caller that passes nothing gets DEFAULT_SETTINGS.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from extractors.errors import ExtractionError

ENGINES = ("pdfium", "pdfplumber")
DEFAULT_ENGINE = "pdfium"


@dataclass(frozen=True, slots=True)
class ExtractorSettings:
    """The text engine, whether PDFium uses the C character loop, and an extra bodies file."""

    text_engine: str = DEFAULT_ENGINE
    native: bool = True  # False: PDFium's Python character loop even when the C one is built
    bodies_file: Path | None = None  # aliases merged into the built-in registry of bodies

    def __post_init__(self) -> None:
        if self.text_engine not in ENGINES:
            raise ExtractionError(
                "the text engine",
                f"{self.text_engine!r} is not one recwatch knows",
                f"use one of {', '.join(ENGINES)}",
            )


DEFAULT_SETTINGS = ExtractorSettings()
