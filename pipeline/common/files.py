"""Write files atomically with the modes people expect: the one way recwatch replaces a file.

A file is written under a temporary name beside its target, then renamed over it, so readers
never see half of it. `tempfile.mkstemp` would create that temporary file 0600, and the rename
would hand the target that mode: here a new file honours the umask (0664 under umask 0002, as
`open()` gives) and a file replaced keeps its own mode (an analyst's 0664 register stays 0664).
"""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_ATTEMPTS = 100


class Staged:
    """A temporary file beside its destination, created with the mode the umask gives."""

    def __init__(self, directory: Path, prefix: str, suffix: str) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        for _ in range(_ATTEMPTS):
            candidate = directory / f"{prefix}{secrets.token_hex(6)}{suffix}"
            try:
                handle = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            except FileExistsError:
                continue
            os.close(handle)
            self.path = candidate
            self.mode = stat.S_IMODE(candidate.stat().st_mode)  # 0o666 less the umask
            return
        raise FileExistsError(f"no free temporary name in {directory}")

    def publish(self, target: Path) -> Path:
        """Rename the staged file over `target`, which keeps its mode if it exists; return it."""
        try:
            mode = stat.S_IMODE(target.stat().st_mode)
        except FileNotFoundError:
            mode = self.mode
        self.path.chmod(mode)  # a tool that replaced the staged file may have left it 0600
        self.path.replace(target)
        return target


@contextmanager
def staged(directory: Path, prefix: str = ".part-", suffix: str = ".tmp") -> Iterator[Staged]:
    """Yield a fresh temporary file in `directory`; it is removed unless it was published."""
    temp = Staged(directory, prefix, suffix)
    try:
        yield temp
    finally:
        temp.path.unlink(missing_ok=True)


@contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """Yield a temporary path to write; when the block succeeds it atomically becomes `target`."""
    with staged(target.parent, f".{target.stem}.", target.suffix or ".tmp") as temp:
        yield temp.path
        temp.publish(target)


def write_bytes_atomically(target: Path, data: bytes) -> None:
    """Write `data` to `target` through a temporary file and a rename."""
    with replacing(target) as temp:
        temp.write_bytes(data)
