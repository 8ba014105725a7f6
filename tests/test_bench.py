"""`recwatch bench` measures all three passes in one run."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli.main import cli
from pipeline.evaluate import bench
from pipeline.evaluate.bench import run_bench

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


def test_bench_scale_prints_seconds_per_document_at_each_size(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(bench, "SCALE_MORE", 4)  # then 4 more documents into each store
    result = CliRunner().invoke(cli, ["bench", "--scale", "--size", "3", "--size", "7"])
    assert result.exit_code == 0, result.output
    header, columns, *rows = result.stdout.splitlines()
    assert "synthetic" in header
    assert columns.split()[0] == "documents"
    assert "s/doc, all in one run" in columns
    assert "s/doc, 4 more on top" in columns
    assert [row.split()[0] for row in rows] == ["3", "7"]
    for row in rows:
        assert all(0 < float(cell) < 1 for cell in row.split()[1:])


def test_bench_scale_takes_no_paths_and_size_needs_scale() -> None:
    with_path = CliRunner().invoke(cli, ["bench", "--scale", str(SAMPLES)])
    assert with_path.exit_code == 2
    assert "--scale loads synthetic documents; drop the PATH arguments" in with_path.stderr
    size_alone = CliRunner().invoke(cli, ["bench", "--size", "5", str(SAMPLES)])
    assert size_alone.exit_code == 2
    assert "--size is for --scale; add --scale" in size_alone.stderr


def test_bench_stages_times_each_step_against_the_plain_text_limit() -> None:
    from pipeline.evaluate.stages import CHECKS, TEXT_LAYER, time_stages
    from pipeline.run.extract import STAGES

    files = sorted(SAMPLES.glob("*.pdf"))
    times = time_stages(files)
    assert times.documents == len(files)
    assert times.pages > 0
    assert list(times.seconds) == [TEXT_LAYER, *(s.__name__ for s in STAGES), CHECKS]
    assert all(seconds > 0 for seconds in times.seconds.values())
    assert times.limit_seconds > 0
    assert times.startup_seconds > 0
    assert times.total == sum(times.seconds.values())


def test_bench_stages_command_prints_the_table_and_names_what_it_skipped(tmp_path: Path) -> None:
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
        b"trailer<</Root 1 0 R>>\n%%EOF\n"
    )
    sample = sorted(SAMPLES.glob("*.pdf"))[0]
    result = CliRunner().invoke(cli, ["bench", "--stages", str(sample), str(scan)])
    assert result.exit_code == 0, result.output
    assert "1 documents," in result.stdout
    assert "PDFium plain text, all pages (the limit)" in result.stdout
    assert "extraction vs the plain-text limit:" in result.stdout
    assert "skipped scan.pdf:" in result.stdout
