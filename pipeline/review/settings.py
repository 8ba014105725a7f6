"""What one review server works on and as whom (below both the app and its views)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, slots=True)
class ReviewSettings:
    """What one review server works on and as whom."""

    db_url: str
    data_dir: Path
    user: str
    check_host: bool = True  # False when the analyst chose --host
    token: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    bodies_file: Path | None = None  # extra registry aliases (the run's RECWATCH_BODIES)
