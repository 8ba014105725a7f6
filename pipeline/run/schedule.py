"""Where each document is extracted: answered from the cache, in this process, or in the
budgeted workers of `budget` (with no limits when no budget is given); outcomes come back in
input order.

Sits above `extract` (one document's stages) and `budget` (the one worker pool), which import
neither this module nor each other's scheduling.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.common.outcome import Outcome, Progress
from pipeline.common.settings import DEFAULTS, Settings
from pipeline.run.cache import ContentCache, FileIndex, Stamp, stamp_of
from pipeline.run.hints import PageHints, named

if TYPE_CHECKING:
    from pipeline.run.budget import Budget, Work


def cached_outcome(
    path: Path, sha256: str, cache: ContentCache, ocr: bool, hints: PageHints | None = None
) -> Outcome | None:
    """The outcome of a file whose result is cached, exactly as extracting it returns it."""
    cached = cache.get_result(sha256, hints)
    if cached is None:
        no_text = None if ocr else cache.get_no_text(sha256)  # with ocr, a scan is OCRed
        if no_text is None:
            return None
        return Outcome(path=path, error=no_text[0], warnings=no_text[1], sha256=sha256)
    result = named(cached, path, hints)
    return Outcome(path=path, result=result, warnings=result.warnings, sha256=result.sha256)


def _digest(path: Path, stamp: Stamp | None, index: FileIndex | None, rehash: bool) -> str | None:
    """The file's sha256: by the file index while its stamp holds, else by hashing the file."""
    if stamp is None:
        return None  # unreadable: its worker names the problem
    digest = None if rehash or index is None else index.known(path, stamp)
    if digest is None:
        from extractors.text import sha256_of

        try:
            digest = sha256_of(path)
        except OSError:
            return None
    return digest


def identify(paths: list[Path], cache_dir: Path | None, rehash: bool = False) -> dict[Path, str]:
    """Each readable file's sha256, taken from the file index where it can be (not with rehash).

    A file hashed here is remembered in the index, so the extraction that follows finds its
    digest there instead of reading the file a second time.
    """
    index = FileIndex(cache_dir) if cache_dir is not None else None
    found: dict[Path, str] = {}
    now = time.time()
    for path in paths:
        stamp = stamp_of(path)  # before any read: a later change is not missed
        digest = _digest(path, stamp, index, rehash)
        if digest is None:
            continue
        found[path] = digest
        if index is not None and stamp is not None and stamp_of(path) == stamp:
            index.remember(path, stamp, digest, now)
    if index is not None:
        index.save()
    return found


def _known_outcome(
    path: Path,
    stamp: Stamp | None,
    cache: ContentCache,
    index: FileIndex,
    rehash: bool,
    ocr: bool,
    hints: PageHints | None,
) -> Outcome | None:
    """A cached outcome found without a worker: by the file index, else by hashing the file."""
    digest = _digest(path, stamp, index, rehash)
    return cached_outcome(path, digest, cache, ocr, hints) if digest is not None else None


def extract_many(
    paths: list[Path],
    jobs: int = 1,
    progress: Progress | None = None,
    cache_dir: Path | None = None,
    budget: Budget | None = None,
    ocr: bool = False,
    rehash: bool = False,
    hints: Mapping[Path, PageHints] | None = None,
    settings: Settings = DEFAULTS,
) -> list[Outcome]:
    """Extract PDFs (in worker processes when jobs > 1), returning outcomes in input order.

    With a cache, a file whose result is cached is answered here, without a worker; a file
    whose path, size and mtime match the file index is not even read (`rehash` reads it). With
    a budget, every other document runs in a worker process under its time and memory limits;
    with `ocr`, scans without a text layer are OCRed first. `hints` are what publication pages
    said about some of the files, by path; `settings` reach every worker.
    """
    hints = hints or {}
    if cache_dir is None:
        return _extract_each(paths, _work(ocr, settings), jobs, progress, None, budget, hints)
    cache, index = ContentCache(cache_dir, settings.extractors), FileIndex(cache_dir)
    stamps = [stamp_of(path) for path in paths]  # before any read: a later change is not missed
    outcomes: dict[int, Outcome] = {}
    for i, path in enumerate(paths):
        known = _known_outcome(path, stamps[i], cache, index, rehash, ocr, hints.get(path))
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
        chosen = [paths[i] for i in todo]
        extracted = _extract_each(
            chosen,
            _work(ocr, settings),
            jobs,
            counted if progress else None,
            cache_dir,
            budget,
            hints,
        )
        outcomes.update(zip(todo, extracted, strict=True))
    now = time.time()
    for i, path in enumerate(paths):
        stamp, digest = stamps[i], outcomes[i].sha256
        if stamp is not None and digest is not None and stamp_of(path) == stamp:
            index.remember(path, stamp, digest, now)
    index.save()
    return [outcomes[i] for i in range(len(paths))]


def _work(ocr: bool, settings: Settings) -> Work:
    """Extraction of one document with these options (the stages imported only now)."""
    from pipeline.run import extract as stages  # not needed when the cache answers every file

    return functools.partial(stages.extract_outcome, ocr=ocr, settings=settings)


def _extract_each(
    paths: list[Path],
    work: Work,
    jobs: int = 1,
    progress: Progress | None = None,
    cache_dir: Path | None = None,
    budget: Budget | None = None,
    hints: Mapping[Path, PageHints] | None = None,
) -> list[Outcome]:
    """Extract PDFs in input order: here for one job without limits, else in budgeted workers."""
    from pipeline.run.budget import UNLIMITED, extract_budgeted

    hints = hints or {}
    limits = budget if budget is not None else UNLIMITED
    if not limits.limited and (jobs <= 1 or len(paths) <= 1):
        outcomes: list[Outcome] = []
        for path in paths:
            outcomes.append(work(path, cache_dir, hints=hints.get(path)))
            if progress:
                progress(len(outcomes), len(paths), outcomes[-1])
        return outcomes
    return extract_budgeted(paths, limits, jobs, progress, cache_dir, work=work, hints=hints)
