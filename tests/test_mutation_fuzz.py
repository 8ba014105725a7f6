"""Mutation fuzz: damaged copies of our own generated reports never crash or hang a run.

Mutants are made at test time from the fixture reports (tests/mutants.py: truncation, byte
flips, noise, spliced chunks, broken xref and trailer, bad /Count and /Length, deep nesting, a
page tree that contains itself), from a fixed seed. `recwatch run` reads them all under a
per-document time budget and must exit 0 or 3, print no traceback, account for every file in
the store (ok or failed, never over the time budget) and fail each bad one with a message
that names the file and a fix. A mutant read with fewer items than its source must say so: it
carries a warning its source does not (nothing is lost silently). A CI-sized set runs by
default; the full set (1,200 mutants, several minutes) is behind a marker:
`pytest -m fuzz_full tests/test_mutation_fuzz.py`.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from fixtures.builder import build_report
from fixtures.reports import FIXTURES
from mutants import KINDS, mutant, source_of

from pipeline.run.extract import extract_outcome

SEED = 20261205
CI_MUTANTS = 100
FULL_MUTANTS = 1_200
DOC_TIMEOUT = 60  # seconds per document; a mutant that needs it has hung


@pytest.fixture(scope="module")
def source_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The fixture reports (the project's own generated sample PDFs)."""
    out = tmp_path_factory.mktemp("sources")
    return [
        build_report(make(), out / f"{name}.pdf").path for name, make in sorted(FIXTURES.items())
    ]


@pytest.fixture(scope="module")
def sources(source_files: list[Path]) -> list[bytes]:
    """The fixture reports' bytes."""
    return [path.read_bytes() for path in source_files]


@pytest.fixture(scope="module")
def originals(source_files: list[Path]) -> list[tuple[int, set[str]]]:
    """Each source's item count and warnings (its file name written as `{file}`)."""
    out = []
    for path in source_files:
        outcome = extract_outcome(path)
        assert outcome.result is not None
        warnings = {
            w.replace(str(path), "{file}").replace(path.name, "{file}") for w in outcome.warnings
        }
        out.append((len(outcome.result.items), warnings))
    return out


def _write_mutants(sources: list[bytes], count: int, folder: Path) -> dict[str, str]:
    """Write mutants 0..count-1 to folder; return file name → mutation kind."""
    folder.mkdir()
    kinds = {}
    for index in range(count):
        kind, data = mutant(sources, SEED, index)
        name = f"{index:04d}-{kind}.pdf"
        (folder / name).write_bytes(data)
        kinds[name] = kind
    return kinds


def _fuzz(sources: list[bytes], count: int, tmp_path: Path) -> list[tuple[str, str, str, int]]:
    """Run mutants 0..count-1; every file's (path, status, warnings JSON, items found)."""
    kinds = _write_mutants(sources, count, tmp_path / "mutants")
    assert set(kinds.values()) == set(KINDS)
    data = tmp_path / "data"
    args = ["--data-dir", str(data), "run", str(tmp_path / "mutants"), "--jobs", "2"]
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", *args, "--no-cache", "--doc-timeout", str(DOC_TIMEOUT)],
        capture_output=True,
        text=True,
        timeout=60 + count * 5,
        check=False,
    )
    assert done.returncode in (0, 3), done.stderr[-3000:]
    assert "Traceback" not in done.stdout + done.stderr
    with sqlite3.connect(data / "processed" / "recwatch.db") as conn:
        rows = conn.execute(
            "SELECT file, status, message, warnings, sha256 FROM run_documents"
        ).fetchall()
        found = dict(
            conn.execute("SELECT document_sha256, count(*) FROM run_items GROUP BY document_sha256")
        )
    assert sorted(Path(file).name for file, *_ in rows) == sorted(kinds)  # every file
    failed = Counter(kinds[Path(file).name] for file, status, *_ in rows if status == "failed")
    for file, status, message, *_ in rows:
        if status != "failed":
            continue
        assert message.startswith(f"{file}: "), message
        assert "; " in message.partition(": ")[2], f"no fix named: {message}"
        assert "time budget" not in message, f"hung: {message}"
        assert "worker process" not in message, f"a worker died: {message}"
        assert "Traceback" not in message
    assert len(failed) < len(kinds)  # some mutants still read
    return [(file, status, w, found.get(sha, 0)) for file, status, _, w, sha in rows]


def _short(
    rows: list[tuple[str, str, str, int]], originals: list[tuple[int, set[str]]]
) -> dict[str, set[str]]:
    """Mutants read with fewer items than their source, each with the warnings its source lacks."""
    short = {}
    for file, status, warnings, items in rows:
        name = Path(file).name
        expected, known = originals[source_of(int(name.partition("-")[0]), len(originals))]
        if status == "ok" and items < expected:
            own = {w.replace(file, "{file}").replace(name, "{file}") for w in json.loads(warnings)}
            short[f"{name}: {items} of {expected} items"] = own - known
    return short


def test_mutants_end_as_success_or_clean_failure_and_say_what_they_lost(
    sources: list[bytes], originals: list[tuple[int, set[str]]], tmp_path: Path
) -> None:
    short = _short(_fuzz(sources, CI_MUTANTS, tmp_path), originals)
    assert [name for name, new in short.items() if not new] == []


@pytest.mark.fuzz_full
def test_the_full_mutant_set_ends_as_success_or_clean_failure_and_says_what_it_lost(
    sources: list[bytes], originals: list[tuple[int, set[str]]], tmp_path: Path
) -> None:
    short = _short(_fuzz(sources, FULL_MUTANTS, tmp_path), originals)
    assert len(short) > 10  # the set does hold mutants that lose items
    assert [name for name, new in short.items() if not new] == []


def test_mutants_are_reproducible(sources: list[bytes]) -> None:
    assert mutant(sources, SEED, 7) == mutant(sources, SEED, 7)
    assert mutant(sources, SEED, 7) != mutant(sources, SEED, 8)
