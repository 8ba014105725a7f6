"""What extracting one file came to, as every layer above extraction sees it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from models.records import DocumentResult


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result of extracting one file: a DocumentResult, or the error that stopped it."""

    path: Path
    result: DocumentResult | None = None
    error: str | None = None
    warnings: tuple[str, ...] = ()
    sha256: str | None = None  # known even for a failed document when its bytes could be read

    @property
    def ok(self) -> bool:
        """True when the document was extracted."""
        return self.result is not None


Progress = Callable[[int, int, Outcome], None]  # (done, total, the outcome just finished)


def file_size(path: Path) -> int:
    """Size in bytes, 0 when unreadable (scheduling only: the worker reports the problem)."""
    try:
        return path.stat().st_size
    except OSError:
        return 0
