"""Reading a long report keeps memory flat: pages are closed as they go.

pdfplumber keeps 5-6 MB per page it has parsed unless each page is closed; the text layer here
keeps only the words. Each measurement runs in a fresh interpreter so peak memory is its own.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import faultwork

ROOT = Path(__file__).resolve().parents[1]
_MEASURE = """
import json, resource, sys
from pathlib import Path
from pipeline.run.extract import extract_pdf
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
result = extract_pdf(Path(sys.argv[1]))
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"pages": result.pages, "grown_mb": (after - before) / 1024}))
"""


def _growth(path: Path) -> float:
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    measured = json.loads(done.stdout)
    grown: float = measured["grown_mb"]
    return grown


def test_a_400_page_report_costs_little_more_than_a_40_page_one(tmp_path: Path) -> None:
    short = faultwork.many_pages_pdf(tmp_path / "short.pdf", pages=40)
    long = faultwork.many_pages_pdf(tmp_path / "long.pdf", pages=400)
    extra = _growth(long) - _growth(short)
    # 360 more dense pages: their words (≈ 300k) cost tens of MB; kept pdfplumber pages would
    # cost about 2 GB.
    assert extra < 150, f"reading 360 more pages grew memory by {extra:.0f} MB"


_PEAK = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
"""


def _peak_mb(*args: str) -> float:
    """Peak RSS (MB) of the largest process a recwatch command started, workers included."""
    recwatch = str(Path(sys.executable).with_name("recwatch"))
    done = subprocess.run(
        [sys.executable, "-c", _PEAK, recwatch, *args],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    code, peak = done.stdout.split()
    assert code == "0"
    return float(peak)


def test_a_2000_page_report_peaks_under_300_mb_in_run_and_extract(tmp_path: Path) -> None:
    pdf = faultwork.many_pages_pdf(tmp_path / "long.pdf", pages=2000)
    data = str(tmp_path / "data")
    extract = _peak_mb("--data-dir", data, "extract", str(pdf), "--json")
    run = _peak_mb("--data-dir", data, "run", str(pdf))
    # Words held as objects cost about 800 MB here; packed per page, about 230 MB.
    assert extract <= 300, f"extract peaked at {extract:.0f} MB"
    assert run <= 300, f"run peaked at {run:.0f} MB"
