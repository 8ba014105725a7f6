"""Headless Chromium for tests that open a page as a person would (Debian's chromium)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

# No network here: background services would only fail to connect, many at a time.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def chromium() -> str:
    """Return the Chromium binary, skipping (or failing under CI) when it is missing."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail("chromium is not installed but CI=true: .ci/run installs Debian's chromium")
    pytest.skip("chromium is not installed (apt-get install chromium); CI installs it")


def dump_dom(url: str, profile: Path) -> str:
    """Load a page in headless Chromium and return the DOM after its scripts ran."""
    command = [chromium(), *FLAGS, f"--user-data-dir={profile}", "--dump-dom", url]
    done = subprocess.run(command, capture_output=True, text=True, timeout=90, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout
