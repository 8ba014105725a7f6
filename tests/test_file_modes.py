"""Files others can open: what recwatch writes honours the umask, and a file it rewrites keeps
its own mode (`pipeline/common/files.py`, the one way recwatch replaces a file)."""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from fetch_site import Site, add_pdf, serve

from pipeline.acquire.fetch import Fetcher, FetchSettings
from pipeline.cli import fetch as cli_fetch
from pipeline.cli.main import cli
from pipeline.common.files import write_bytes_atomically
from pipeline.run.ocr import ocr_pdf

pytest.importorskip("openpyxl")

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "raw" / "samples"
PEEL = SAMPLES / "northmoor-peel-2024.pdf"
THEMATIC = SAMPLES / "digital-evidence-thematic-2024.pdf"


@pytest.fixture
def umask_002() -> Iterator[None]:
    """Run the test under umask 0002, as a team sharing a folder sets it."""
    before = os.umask(0o002)
    try:
        yield
    finally:
        os.umask(before)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _invoke(data: Path, *args: str) -> str:
    """Run recwatch on the data directory; return stdout, failing on a non-zero exit."""
    result = CliRunner().invoke(cli, ["--data-dir", str(data), *args])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.usefixtures("umask_002")
def test_every_file_recwatch_writes_is_group_readable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    _invoke(data, "run", str(PEEL), "--jobs", "1")  # the store, its lock, the content cache
    hand = tmp_path / "downloads" / "thematic.pdf"
    hand.parent.mkdir()
    shutil.copyfile(THEMATIC, hand)
    _invoke(data, "add", str(hand))  # a PDF copied into raw/
    site = Site()
    add_pdf(site, "/report.pdf", SAMPLES / "online-stalking-super-complaint-2023.pdf")
    settings = FetchSettings(timeout=5.0, retries=1, backoff=0.1, delay=0.0)
    monkeypatch.setattr(
        cli_fetch, "make_fetcher", lambda *_a, **_k: Fetcher(settings, sleep=lambda _s: None)
    )
    with serve(site) as base:
        _invoke(data, "fetch", f"{base}/report.pdf")  # a downloaded PDF
    out = tmp_path / "out"
    for name, fmt in (("register.xlsx", "xlsx"), ("register.csv", "csv"), ("items.json", "json")):
        _invoke(data, "export", "--format", fmt, "--output", str(out / name))
    for name in ("register.xlsx", "register.csv"):
        (out / name).chmod(0o640)  # files an analyst already has, not group-writable
        assert "Backup: " in _invoke(data, "sync-register", str(out / name))
    written = sorted(p for p in tmp_path.rglob("*") if p.is_file() and p != hand)
    raw = [p for p in written if p.parent == data / "raw" and p.suffix == ".pdf"]
    assert len(raw) == 2  # added and fetched
    assert any(p.suffix == ".gz" for p in written)  # the content cache
    backups = [p for p in written if ".backup-" in p.name]
    assert len(backups) == 2
    assert not [p for p in written if p.name.startswith(".") and "part" in p.name]
    for path in written:
        if path.parent == out and ".backup-" not in path.name and path.suffix in (".xlsx", ".csv"):
            assert _mode(path) == 0o640, path  # a synced file keeps its own mode
        elif ".backup-" in path.name:
            assert _mode(path) == 0o640, path  # a backup is the register as it was
        else:
            assert _mode(path) == 0o664, path


@pytest.mark.usefixtures("umask_002")
def test_a_rewritten_file_keeps_its_mode_and_a_new_one_honours_the_umask(tmp_path: Path) -> None:
    fresh = tmp_path / "sub" / "new.csv"
    write_bytes_atomically(fresh, b"a\n")
    assert (_mode(fresh), fresh.read_bytes()) == (0o664, b"a\n")
    fresh.chmod(0o604)
    write_bytes_atomically(fresh, b"b\n")
    assert (_mode(fresh), fresh.read_bytes()) == (0o604, b"b\n")
    assert [p.name for p in fresh.parent.iterdir()] == ["new.csv"]  # no temporary file left


@pytest.mark.usefixtures("umask_002")
def test_an_ocr_copy_is_group_readable_whatever_mode_the_tool_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tools = tmp_path / "bin"
    tools.mkdir()
    fake = tools / "ocrmypdf"  # writes its output 0600 and renames it into place, as tools do
    fake.write_text(
        '#!/bin/sh\nfor last; do :; done\nsrc=""\nfor a; do [ "$a" = "$last" ] || src="$a"; done\n'
        'cp "$src" "$last.x" && chmod 600 "$last.x" && mv "$last.x" "$last"\n',
        encoding="utf-8",
    )
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tools}{os.pathsep}{os.environ['PATH']}")
    target = ocr_pdf(PEEL, tmp_path / "cache" / "ocr" / "peel.pdf")
    assert target.read_bytes() == PEEL.read_bytes()
    assert _mode(target) == 0o664
