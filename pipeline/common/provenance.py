"""Where this code came from: the installed version and the git revision of the checkout."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def tool_version() -> str:
    """Return the installed recwatch version, or "unknown" when it is not installed."""
    try:
        return version("recwatch")
    except PackageNotFoundError:
        return "unknown"


def git_revision(root: Path = REPO_ROOT) -> str | None:
    """Return the commit the checkout's HEAD points to (read from .git, no subprocess), or None."""
    git = root / ".git"
    try:
        head = (git / "HEAD").read_text(encoding="utf-8").strip()
        if not head.startswith("ref: "):
            return head or None
        ref = head.removeprefix("ref: ")
        ref_file = git / ref
        if ref_file.is_file():
            return ref_file.read_text(encoding="utf-8").strip() or None
        packed = git / "packed-refs"
        if packed.is_file():
            for line in packed.read_text(encoding="utf-8").splitlines():
                sha, _, name = line.partition(" ")
                if name == ref:
                    return sha
    except OSError:
        return None
    return None
