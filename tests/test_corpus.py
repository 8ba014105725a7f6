"""End to end on real PDFs from the shared corpus (skipped when ../shared is absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli.main import cli

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
PDFS = SHARED / "corpus" / "pdfs"
pytestmark = pytest.mark.skipif(
    not PDFS.is_dir(), reason=f"the shared corpus is not checked out at {PDFS}"
)
SCANNED = PDFS / "companies-house-filing-scanned-image-only-2019.pdf"
FOI = PDFS / "cumbria-constabulary-foi-response-2025.pdf"


def test_scanned_pdf_fails_with_the_ocr_hint_and_the_rest_still_loads(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["--data-dir", str(tmp_path), "run", str(SCANNED), str(FOI)])
    assert result.exit_code == 3, result.output
    assert "Documents: 2 (1 ok, 1 failed)" in result.stdout
    assert "Items: 0 (none)" in result.stdout
    hint = (
        f"{SCANNED}: no text layer: scanned image; OCR it first, e.g. with ocrmypdf, "
        "or run with --ocr"
    )
    assert result.stdout.count(hint) == 1  # listed once, under the failures
    assert "Warnings: 1\nFailed documents:\n" in result.stdout
    assert result.stderr == "Error: 1 of 2 documents failed\n"
    exported = runner.invoke(cli, ["--data-dir", str(tmp_path), "export"])
    [doc] = json.loads(exported.stdout)["documents"]
    assert (doc["file"], doc["items"]) == (FOI.name, [])


def test_eval_scores_a_labelled_document(tmp_path: Path) -> None:
    args = ["eval", str(SHARED / "gold"), "--pdfs", str(PDFS), "--only", FOI.stem, "--json"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    score = json.loads(result.stdout)
    assert [d["name"] for d in score["documents"]] == [FOI.stem]
    assert score["negative_controls"] == {FOI.stem: 0}
