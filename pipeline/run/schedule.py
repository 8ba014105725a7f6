"""Where each document is extracted: answered from the cache, in this process, in a process pool,
or in workers under the per-document budget; outcomes come back in input order.

Sits above `extract` (one document's stages) and `budget` (budgeted workers), which import
neither this module nor each other's scheduling.
"""

from __future__ import annotations

import functools
import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.common.outcome import Outcome, Progress, file_size
from pipeline.run.cache import ContentCache, FileIndex, Stamp, stamp_of

if TYPE_CHECKING:
    from pipeline.run.budget import Budget


def cached_outcome(path: Path, sha256: str, cache: ContentCache, ocr: bool) -> Outcome | None:
    """The outcome of a file whose result is cached, exactly as extracting it returns it."""
    cached = cache.get_result(sha256)
    if cached is None:
        no_text = None if ocr else cache.get_no_text(sha256)  # with ocr, a scan is OCRed
        if no_text is None:
            return None
        return Outcome(path=path, error=no_text[0], warnings=no_text[1], sha256=sha256)
    result = replace(cached, file=path.name, source=None)
    return Outcome(path=path, result=result, warnings=result.warnings, sha256=result.sha256)


def _known_outcome(
    path: Path, stamp: Stamp | None, cache: ContentCache, index: FileIndex, rehash: bool, ocr: bool
) -> Outcome | None:
    """A cached outcome found without a worker: by the file index, else by hashing the file."""
    if stamp is None:
        return None  # unreadable: its worker names the problem
    digest = None if rehash else index.known(path, stamp)
    if digest is None:
        from extractors.text import sha256_of

        try:
            digest = sha256_of(path)
        except OSError:
            return None
    return cached_outcome(path, digest, cache, ocr)


def extract_many(
    paths: list[Path],
    jobs: int = 1,
    progress: Progress | None = None,
    cache_dir: Path | None = None,
    budget: Budget | None = None,
    ocr: bool = False,
    rehash: bool = False,
) -> list[Outcome]:
    """Extract PDFs (in worker processes when jobs > 1), returning outcomes in input order.

    With a cache, a file whose result is cached is answered here, without a worker; a file
    whose path, size and mtime match the file index is not even read (`rehash` reads it). With
    a budget, every other document runs in a worker process under its time and memory limits;
    with `ocr`, scans without a text layer are OCRed first.
    """
    if cache_dir is None:
        return _extract_each(paths, jobs, progress, None, budget, ocr)
    cache, index = ContentCache(cache_dir), FileIndex(cache_dir)
    stamps = [stamp_of(path) for path in paths]  # before any read: a later change is not missed
    outcomes: dict[int, Outcome] = {}
    for i, path in enumerate(paths):
        known = _known_outcome(path, stamps[i], cache, index, rehash, ocr)
        if known is not None:
            outcomes[i] = known
            if progress:
                progress(len(outcomes), len(paths), known)
    todo = [i for i in range(len(paths)) if i not in outcomes]
    done = len(outcomes)

    def counted(n: int, _total: int, outcome: Outcome) -> None:
        if progress:
            progress(done + n, len(paths), outcome)

    if todo:
        extracted = _extract_each(
            [paths[i] for i in todo], jobs, counted if progress else None, cache_dir, budget, ocr
        )
        outcomes.update(zip(todo, extracted, strict=True))
    now = time.time()
    for i, path in enumerate(paths):
        stamp, digest = stamps[i], outcomes[i].sha256
        if stamp is not None and digest is not None and stamp_of(path) == stamp:
            index.remember(path, stamp, digest, now)
    index.save()
    return [outcomes[i] for i in range(len(paths))]


def _extract_each(
    paths: list[Path],
    jobs: int = 1,
    progress: Progress | None = None,
    cache_dir: Path | None = None,
    budget: Budget | None = None,
    ocr: bool = False,
) -> list[Outcome]:
    """Extract PDFs (in worker processes when jobs > 1 or under a budget), in input order."""
    from pipeline.run import extract as stages  # not needed when the cache answers every file

    work = functools.partial(stages.extract_outcome, ocr=True) if ocr else stages.extract_outcome
    if budget is not None and budget.limited:
        from pipeline.run.budget import extract_budgeted

        return extract_budgeted(paths, budget, jobs, progress, cache_dir, work=work)
    outcomes: dict[Path, Outcome] = {}
    if jobs <= 1 or len(paths) <= 1:
        for done, path in enumerate(paths, start=1):
            outcomes[path] = work(path, cache_dir)
            if progress:
                progress(done, len(paths), outcomes[path])
        return [outcomes[p] for p in paths]
    from concurrent.futures import ProcessPoolExecutor, as_completed

    from pipeline.run.budget import worker_start

    with ProcessPoolExecutor(max_workers=min(jobs, len(paths)), initializer=worker_start) as pool:
        # Largest files first, so that one big report does not run alone at the end.
        futures = {
            pool.submit(work, path, cache_dir): path
            for path in sorted(paths, key=file_size, reverse=True)
        }
        for done, future in enumerate(as_completed(futures), start=1):
            outcomes[futures[future]] = future.result()
            if progress:
                progress(done, len(paths), outcomes[futures[future]])
    return [outcomes[p] for p in paths]
