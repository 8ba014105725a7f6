"""A warm re-run over unchanged files reads no PDF, starts no worker, imports no PDF library.

Nor does it import what only loading needs: the ORM, the loader, migrations, worker pools.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractors import text
from extractors.settings import DEFAULT_SETTINGS, ExtractorSettings
from pipeline.cli.main import cli
from pipeline.common.settings import DEFAULTS, Settings

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "data" / "raw" / "samples" / "northmoor-peel-2024.pdf"
AN_HOUR_AGO = time.time() - 3600
IN_PROCESS = ["--jobs", "1", "--doc-timeout", "0", "--doc-memory", "0"]  # so reads can be counted


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[Path]]:
    """Record every hash and every parse of a PDF."""
    seen: dict[str, list[Path]] = {"hashed": [], "parsed": []}
    real_hash, real_parse = text.sha256_of, text.read_pages

    def hashing(path: Path) -> str:
        seen["hashed"].append(Path(path))
        return real_hash(path)

    def parsing(
        path: Path, sha256: str | None = None, settings: ExtractorSettings = DEFAULT_SETTINGS
    ) -> text.RawPages:
        seen["parsed"].append(Path(path))
        return real_parse(path, sha256, settings)

    monkeypatch.setattr(text, "sha256_of", hashing)
    monkeypatch.setattr(text, "read_pages", parsing)
    return seen


def _copy_sample(folder: Path) -> Path:
    """A sample PDF last modified an hour ago (as files in data/raw are)."""
    folder.mkdir(parents=True)
    pdf = Path(shutil.copy(SAMPLE, folder / SAMPLE.name))
    os.utime(pdf, (AN_HOUR_AGO, AN_HOUR_AGO))
    return pdf


def _run(data: Path, pdf: Path, *extra: str) -> None:
    args = ["--data-dir", str(data), "run", str(pdf), *IN_PROCESS, *extra]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output


def _loaded_sha256(data: Path) -> str:
    """The sha256 the latest run recorded for its one document."""
    with sqlite3.connect(data / "processed" / "recwatch.db") as db:
        row = db.execute("SELECT sha256 FROM run_documents ORDER BY id DESC LIMIT 1").fetchone()
    return str(row[0])


def _edit_in_place(pdf: Path) -> None:
    """Change a byte of the header comment: the same size, other bytes, still a valid PDF."""
    data = bytearray(pdf.read_bytes())
    at = data.index(b"ReportLab")
    data[at : at + 9] = b"ReportLaB"
    pdf.write_bytes(bytes(data))


def test_unchanged_file_is_neither_read_nor_parsed(
    tmp_path: Path, reads: dict[str, list[Path]]
) -> None:
    pdf = _copy_sample(tmp_path / "raw")
    _run(tmp_path / "data", pdf)
    assert reads["parsed"] == [pdf]
    reads["hashed"].clear()
    reads["parsed"].clear()
    _run(tmp_path / "data", pdf)
    assert reads == {"hashed": [], "parsed": []}


def test_same_size_and_restored_mtime_is_trusted_unless_rehash(
    tmp_path: Path, reads: dict[str, list[Path]]
) -> None:
    data = tmp_path / "data"
    pdf = _copy_sample(tmp_path / "raw")
    _run(data, pdf)
    before = _loaded_sha256(data)
    _edit_in_place(pdf)
    os.utime(pdf, (AN_HOUR_AGO, AN_HOUR_AGO))
    reads["parsed"].clear()
    _run(data, pdf)
    assert reads["parsed"] == []  # path, size and mtime match: the cached result stands
    assert _loaded_sha256(data) == before
    _run(data, pdf, "--rehash")
    assert reads["parsed"] == [pdf]
    assert _loaded_sha256(data) == text.sha256_of(pdf) != before


@pytest.mark.parametrize("change", ["size", "mtime"])
def test_a_changed_size_or_mtime_is_hashed_again(
    tmp_path: Path, reads: dict[str, list[Path]], change: str
) -> None:
    data = tmp_path / "data"
    pdf = _copy_sample(tmp_path / "raw")
    _run(data, pdf)
    if change == "size":
        pdf.write_bytes(pdf.read_bytes() + b"\n")  # a trailing newline: a new file, same text
    else:
        _edit_in_place(pdf)  # keeps the size; the write moves the mtime
    reads["hashed"].clear()
    reads["parsed"].clear()
    _run(data, pdf)
    assert pdf in reads["hashed"]
    assert reads["parsed"] == [pdf]
    assert _loaded_sha256(data) == text.sha256_of(pdf)


def test_a_file_written_moments_ago_is_hashed_on_the_next_run(
    tmp_path: Path, reads: dict[str, list[Path]]
) -> None:
    pdf = _copy_sample(tmp_path / "raw")
    os.utime(pdf)  # now: it could still change within the file system's timestamp resolution
    _run(tmp_path / "data", pdf)
    reads["hashed"].clear()
    _run(tmp_path / "data", pdf)
    assert reads["hashed"] == [pdf]


# Modules a warm run has no use for: it copies the last run's rows with SQLAlchemy Core.
COLD_ONLY = (
    "sqlalchemy.orm",
    "alembic",
    "models.db",
    "pipeline.store.load",
    "pipeline.store.corrections",
    "pipeline.acquire.manifest",
    "multiprocessing",
    "rich",
)
WARM_RUN = f"""
import json, resource, sys
from pipeline.cli.main import cli
try:
    cli(["--data-dir", sys.argv[1], "run", sys.argv[2], "--jobs", "2"], prog_name="recwatch")
except SystemExit as exc:
    assert exc.code in (0, None), exc.code
heavy = sorted({{"spacy", "pdfplumber", "dateparser", "pypdfium2"}} & set(sys.modules))
cold_only = sorted(set({COLD_ONLY!r}) & set(sys.modules))
workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # 0: no child process ran
print(json.dumps({{"heavy": heavy, "cold_only": cold_only, "workers": workers}}))
"""


def _warm_run(data: Path, raw: Path) -> tuple[str, dict[str, object]]:
    """Run `recwatch run RAW` in a new interpreter; return its output and what it loaded."""
    warm = subprocess.run(
        [sys.executable, "-c", WARM_RUN, str(data), str(raw)],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    found: dict[str, object] = json.loads(warm.stdout.strip().splitlines()[-1])
    return warm.stdout, found


def test_warm_rerun_imports_no_pdf_nlp_or_orm_library_and_starts_no_worker(tmp_path: Path) -> None:
    data = tmp_path / "data"
    raw = tmp_path / "raw"
    pdf = _copy_sample(raw)
    shutil.copy2(SAMPLE.with_name("online-stalking-super-complaint-2023.pdf"), raw)
    os.utime(raw / "online-stalking-super-complaint-2023.pdf", (AN_HOUR_AGO, AN_HOUR_AGO))
    assert CliRunner().invoke(cli, ["--data-dir", str(data), "run", str(pdf.parent)]).exit_code == 0
    stdout, found = _warm_run(data, raw)
    assert "Documents: 2 (2 ok, 0 failed)" in stdout
    assert found == {"heavy": [], "cold_only": [], "workers": 0}


def test_a_scan_without_text_fails_again_without_being_examined_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from faultwork import image_only_pdf

    from pipeline.run import extract

    scan = image_only_pdf(tmp_path / "scan.pdf")
    os.utime(scan, (AN_HOUR_AGO, AN_HOUR_AGO))
    examined: list[Path] = []
    real = extract.extract_outcome

    def counting(
        path: Path,
        cache_dir: Path | None = None,
        ocr: bool = False,
        hints: extract.PageHints | None = None,
        settings: Settings = DEFAULTS,
    ) -> extract.Outcome:
        examined.append(path)
        return real(path, cache_dir, ocr, hints, settings)

    monkeypatch.setattr(extract, "extract_outcome", counting)
    args = ["--data-dir", str(tmp_path / "data"), "run", str(scan), *IN_PROCESS]
    first, again = CliRunner().invoke(cli, args), CliRunner().invoke(cli, args)
    assert examined == [scan]
    assert first.exit_code == again.exit_code == 3
    assert "no text layer" in again.stdout
    assert again.stdout.split("\n", 1)[1] == first.stdout.split("\n", 1)[1]  # after "Run N"
    assert again.stderr == first.stderr


def test_warm_rerun_of_a_recorded_pdf_dated_by_its_page_loads_no_nlp(tmp_path: Path) -> None:
    from fixtures.builder import build_report
    from fixtures.reports import FIXTURES

    undated = replace(FIXTURES["peel_force_report"](), published=None)  # no "Published:" line
    pdf = build_report(undated, tmp_path / "undated.pdf").path
    data = tmp_path / "data"
    added = CliRunner().invoke(
        cli, ["--data-dir", str(data), "add", str(pdf), "--published", "2024-03-08"]
    )
    assert added.exit_code == 0, added.output
    raw = data / "raw"
    for copy in raw.glob("*.pdf"):
        os.utime(copy, (AN_HOUR_AGO, AN_HOUR_AGO))
    assert CliRunner().invoke(cli, ["--data-dir", str(data), "run", str(raw)]).exit_code == 0
    stdout, found = _warm_run(data, raw)
    assert "Documents: 1 (1 ok, 0 failed)" in stdout
    assert found == {"heavy": [], "cold_only": [], "workers": 0}
