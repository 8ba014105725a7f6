"""One scheduler: without a budget, parallel extraction uses the same budgeted worker pool."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.common.outcome import Outcome
from pipeline.run import budget
from pipeline.run.schedule import extract_many

SAMPLES = sorted((Path(__file__).resolve().parents[1] / "data" / "raw" / "samples").glob("*.pdf"))


def test_parallel_without_a_budget_uses_the_worker_pool_with_no_limits(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[budget.Budget] = []
    real = budget.extract_budgeted

    def spying(paths: list[Path], limits: budget.Budget, *args: object, **kwargs: object) -> object:
        seen.append(limits)
        return real(paths, limits, *args, **kwargs)

    monkeypatch.setattr(budget, "extract_budgeted", spying)
    files = list(reversed(SAMPLES))  # not the largest-first order the pool works in
    counted: list[tuple[int, int]] = []
    outcomes = extract_many(files, jobs=2, progress=lambda n, t, _o: counted.append((n, t)))
    assert seen == [budget.UNLIMITED]
    assert [o.path for o in outcomes] == files  # input order
    assert all(o.ok for o in outcomes), [o.error for o in outcomes]
    assert counted == [(n, len(files)) for n in range(1, len(files) + 1)]


def test_one_job_without_a_budget_stays_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_workers(*_args: object, **_kwargs: object) -> list[Outcome]:
        raise AssertionError("one job without limits must not start workers")

    monkeypatch.setattr(budget, "extract_budgeted", no_workers)
    outcomes = extract_many(SAMPLES[:2], jobs=1)
    assert [o.path for o in outcomes] == SAMPLES[:2]


def test_a_file_identified_for_its_page_is_not_read_again_to_extract_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os
    import shutil

    from extractors import text
    from pipeline.run.schedule import identify

    pdf = tmp_path / "report.pdf"
    shutil.copyfile(SAMPLES[0], pdf)
    os.utime(pdf, (1_600_000_000, 1_600_000_000))  # long settled: not racily recent
    hashed: list[Path] = []
    real = text.sha256_of

    def counting(path: Path) -> str:
        hashed.append(path)
        return real(path)

    monkeypatch.setattr(text, "sha256_of", counting)
    cache = tmp_path / "cache"
    digests = identify([pdf], cache)
    assert hashed == [pdf]
    outcome = extract_many([pdf], cache_dir=cache)[0]
    assert outcome.sha256 == digests[pdf]
    assert hashed.count(pdf) == 2  # identify, then extract_pdf's own check: not a third time
