"""The content cache: unchanged PDFs are not parsed again, and results survive a round trip."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractors import text
from extractors.settings import DEFAULT_SETTINGS, ExtractorSettings
from pipeline.cli.main import cli
from pipeline.common.settings import Settings
from pipeline.run import cache as cache_module
from pipeline.run.cache import ContentCache, result_from_json, result_to_json
from pipeline.run.extract import extract_pdf

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "raw" / "samples"
SAMPLE = SAMPLES / "northmoor-peel-2024.pdf"


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Record every real PDF parse."""
    seen: list[Path] = []
    real = text.read_pages

    def counting(
        path: Path, sha256: str | None = None, settings: ExtractorSettings = DEFAULT_SETTINGS
    ) -> text.RawPages:
        seen.append(Path(path))
        return real(path, sha256, settings)

    monkeypatch.setattr(text, "read_pages", counting)
    return seen


def test_result_round_trips_through_json() -> None:
    result = extract_pdf(SAMPLE)
    assert result.items
    again = result_from_json(json.loads(json.dumps(result_to_json(result))))
    assert again == result


def test_unchanged_pdf_is_not_parsed_again(tmp_path: Path, parses: list[Path]) -> None:
    store = ContentCache(tmp_path / "cache")
    first = extract_pdf(SAMPLE, cache=store)
    second = extract_pdf(SAMPLE, cache=store)
    assert second == first
    assert parses == [SAMPLE]


def test_changed_rules_retag_from_the_cached_text_layer(
    tmp_path: Path, parses: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    store = ContentCache(tmp_path / "cache")
    first = extract_pdf(SAMPLE, cache=store)
    monkeypatch.setattr(cache_module, "code_fingerprint", lambda _settings: "other-version")
    again = extract_pdf(SAMPLE, cache=store)
    assert parses == [SAMPLE]  # the text layer came from the cache
    assert again.items == first.items  # and the stages ran again on it


def test_other_engine_or_aliases_file_does_not_reuse_results(
    tmp_path: Path, parses: list[Path]
) -> None:
    extra = tmp_path / "bodies.json"
    extra.write_text('{"bodies": [{"id": "home_office", "aliases": ["the Ministry"]}]}')
    first = extract_pdf(SAMPLE, cache=ContentCache(tmp_path / "cache"))
    aliased = ExtractorSettings(bodies_file=extra)
    assert ContentCache(tmp_path / "cache", aliased).get_result(first.sha256) is None
    extract_pdf(SAMPLE, cache=ContentCache(tmp_path / "cache", aliased), settings=Settings(aliased))
    assert parses == [SAMPLE]  # same engine: the text layer is shared
    plumbed = ExtractorSettings(text_engine="pdfplumber")
    assert ContentCache(tmp_path / "cache", plumbed).get_result(first.sha256) is None
    assert ContentCache(tmp_path / "cache", plumbed).get_text(first.sha256) is None


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_damaged_cache_entry_is_recomputed(tmp_path: Path, parses: list[Path], damage: str) -> None:
    store = ContentCache(tmp_path / "cache")
    first = extract_pdf(SAMPLE, cache=store)
    for entry in (tmp_path / "cache").rglob("*.json.gz"):
        data = entry.read_bytes()
        entry.write_bytes(b"not gzip" if damage == "garbage" else data[: len(data) // 2])
    assert extract_pdf(SAMPLE, cache=store) == first
    assert parses == [SAMPLE, SAMPLE]


def test_parallel_run_writes_what_a_serial_run_writes(tmp_path: Path) -> None:
    exports = []
    for jobs in ("1", "2"):
        data = tmp_path / f"data{jobs}"
        runner = CliRunner()
        args = ["--data-dir", str(data), "run", str(SAMPLES), "--jobs", jobs, "--no-cache"]
        assert runner.invoke(cli, args).exit_code == 0
        exported = runner.invoke(cli, ["--data-dir", str(data), "export", "--format", "json"])
        exports.append(json.loads(exported.stdout))
    assert exports[0] == exports[1]
