"""Named pause points that let a fault test kill a run at a known moment (inert unless armed).

Armed by the environment: RECWATCH_FAULT_PAUSE="<point>:<marker file>". When the run reaches that
point it writes its pid to the marker file and sleeps, so a test can `kill -9` it there. It reads
the environment itself, not the settings: it is for tests only, which arm it in a `recwatch`
child process, and a setting would put a test hook into every run's record.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

FAULT_ENV = "RECWATCH_FAULT_PAUSE"
PAUSE_SECONDS = 120.0


def pause_point(name: str, before: Callable[[], object] | None = None) -> None:
    """Pause here when the environment arms this point (calling `before` first); else no-op."""
    spec = os.environ.get(FAULT_ENV)
    if not spec:
        return
    point, _, marker = spec.partition(":")
    if point != name or not marker:
        return
    if before is not None:
        before()
    Path(marker).write_text(str(os.getpid()), encoding="utf-8")
    time.sleep(PAUSE_SECONDS)
