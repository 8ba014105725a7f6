"""`recwatch bench` measures all three passes in one run."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from pipeline.bench import run_bench
from pipeline.cli import cli

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "raw" / "samples"


def test_bench_times_naive_cold_and_warm_passes() -> None:
    files = sorted(SAMPLES.glob("*.pdf"))
    report = run_bench(files, jobs=1)
    assert report.naive.pages == report.cold.pages == report.warm.pages > 0
    assert report.cold.documents == len(files)
    assert report.warm.seconds < report.cold.seconds  # the warm pass reads no PDF
    assert report.warm_command.seconds > report.warm.seconds  # a new interpreter, imports too
    assert report.peak_worker_mb > 0


def test_bench_command_prints_ratios() -> None:
    result = CliRunner().invoke(cli, ["bench", str(SAMPLES), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert "cold run vs naive pdfplumber:" in result.stdout
    assert "warm re-run vs cold run:" in result.stdout
    assert "warm command vs cold run:" in result.stdout
    assert "text engine pdfium (C loop)" in result.stdout  # the figures name what they measured
