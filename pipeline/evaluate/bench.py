"""`recwatch bench`: time the pipeline against the naive all-pages pdfplumber path, same run.

The cold and warm passes are `recwatch run` into a scratch store and cache: extraction in
workers under the per-document budget, then the load. The warm pass is timed twice: in this
process, and as the command a user types (a new interpreter, imports included).
`recwatch bench --scale` times the load alone, on synthetic documents, as the store grows.
"""

from __future__ import annotations

import hashlib
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from extractors.settings import ExtractorSettings
from models.records import Deadline, DocumentResult, Item, Metadata
from pipeline.common.config import Config, resolve
from pipeline.common.errors import PipelineError
from pipeline.common.outcome import Outcome
from pipeline.common.settings import DEFAULTS, Settings
from pipeline.run.budget import Budget

if TYPE_CHECKING:
    from sqlalchemy import Engine


@dataclass(frozen=True, slots=True)
class Timing:
    """One measured pass over the corpus."""

    name: str
    seconds: float
    pages: int
    documents: int

    @property
    def pages_per_second(self) -> float:
        """Throughput in pages."""
        return self.pages / self.seconds if self.seconds else float("inf")

    @property
    def documents_per_second(self) -> float:
        """Throughput in documents."""
        return self.documents / self.seconds if self.seconds else float("inf")


@dataclass(frozen=True, slots=True)
class BenchReport:
    """The passes and the peak memory of one worker."""

    naive: Timing
    cold: Timing
    warm: Timing
    warm_command: Timing
    peak_worker_mb: float
    jobs: int
    text_loop: str

    def lines(self) -> list[str]:
        """Human-readable report."""
        rows = [
            f"{t.name:<34} {t.seconds:8.2f} s {t.pages_per_second:9.1f} pages/s "
            f"{t.documents_per_second:7.2f} docs/s"
            for t in (self.naive, self.cold, self.warm, self.warm_command)
        ]
        cold_ratio = self.cold.pages_per_second / self.naive.pages_per_second
        return [
            f"{self.cold.documents} documents, {self.cold.pages} pages, --jobs {self.jobs}, "
            f"text engine {self.text_loop}",
            *rows,
            f"cold run vs naive pdfplumber: {cold_ratio:.2f}x pages/s",
            f"warm re-run vs cold run:     {_ratio(self.cold, self.warm):.1f}x faster",
            f"warm command vs cold run:    {_ratio(self.cold, self.warm_command):.1f}x faster",
            f"peak memory of one worker:   {self.peak_worker_mb:.0f} MB",
        ]


def _ratio(slow: Timing, fast: Timing) -> float:
    return slow.seconds / fast.seconds if fast.seconds else float("inf")


def _naive_document(path: Path) -> int:
    """Extract plain text from every page with pdfplumber, closing pages (the naive path)."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        count = 0
        for page in pdf.pages:
            page.extract_text()
            page.close()
            count += 1
    return count


def _naive(paths: list[Path], jobs: int) -> Timing:
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pages = sum(pool.map(_naive_document, paths))
    return Timing("naive pdfplumber, all pages", time.perf_counter() - start, pages, len(paths))


def _text_loop(settings: ExtractorSettings) -> str:
    """Which text layer the cold run used: the engine, and for PDFium the C or Python loop."""
    from extractors import pdfium_text

    if settings.text_engine != "pdfium":
        return settings.text_engine
    loop = pdfium_text.native(settings.native)
    return "pdfium (C loop)" if loop is not None else "pdfium (Python loop)"


def _timed_run(files: list[Path], config: Config, jobs: int) -> tuple[float, list[Outcome]]:
    """Time one `recwatch run` in this process; return the seconds and the outcomes."""
    from pipeline.run.order import run_pipeline

    start = time.perf_counter()
    ran = run_pipeline(files, config, jobs, budget=Budget())
    return time.perf_counter() - start, ran.outcomes


def _timed_command(files: list[Path], config: Config, jobs: int) -> float:
    """Time `recwatch run` as a new process over the same store and cache."""
    command = [sys.executable, "-m", "pipeline", "--data-dir", str(config.data_dir)]
    command += ["--db", config.db_url, "run", *map(str, files), "--jobs", str(jobs)]
    start = time.perf_counter()
    # our own interpreter and CLI, arguments as a list: no shell
    done = subprocess.run([*command, "--progress", "none"], capture_output=True, check=False)  # noqa: S603
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 3):  # 3: some documents failed, as in the runs timed before
        raise PipelineError(
            f"the timed `recwatch run` exited with code {done.returncode}: "
            f"{done.stderr.decode(errors='replace').strip()[-500:]}",
            "run the same command by hand with -v to see why",
        )
    return seconds


def run_bench(paths: list[Path], jobs: int, settings: Settings = DEFAULTS) -> BenchReport:
    """Measure the naive path, a cold run and warm re-runs over the same PDFs.

    The re-run as a new process resolves its settings from the environment, as `recwatch` does.
    """
    with tempfile.TemporaryDirectory(prefix="recwatch-bench-") as tmp:
        config = resolve(data_dir=Path(tmp), db=str(Path(tmp) / "recwatch.db"))
        config = replace(config, settings=settings)
        cold_seconds, outcomes = _timed_run(paths, config, jobs)
        pages = sum(o.result.pages for o in outcomes if o.result is not None)
        warm_seconds, _ = _timed_run(paths, config, jobs)
        command_seconds = _timed_command(paths, config, jobs)
    # ru_maxrss of children: the largest resident set any worker process reached (KiB on Linux).
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if jobs <= 1:
        peak = max(peak, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    naive = _naive(paths, jobs)  # after the peak is read, so it counts recwatch's workers only
    return BenchReport(
        text_loop=_text_loop(settings.extractors),
        naive=naive,
        cold=Timing("recwatch cold run (extract + load)", cold_seconds, pages, len(paths)),
        warm=Timing("recwatch warm re-run (unchanged)", warm_seconds, pages, len(paths)),
        warm_command=Timing("  same, as a new process", command_seconds, pages, len(paths)),
        peak_worker_mb=peak,
        jobs=jobs,
    )


# --------------------------------------------------------------------------------------------
# `--scale`: the load alone, as the store grows
# --------------------------------------------------------------------------------------------

SCALE_SIZES = (10, 100, 1000)
SCALE_MORE = 100  # documents loaded into each store once it holds its size


def synthetic_result(number: int) -> DocumentResult:
    """Return a one-page report of three items whose title, bytes and texts are its own."""
    name = f"synthetic-{number:06d}.pdf"
    deadline = Deadline("By 31 March 2027", date(2027, 3, 31), "date", "day")
    items = (
        Item("recommendation", "1", None, 1, 1, f"By 31 March 2027, force {number} should "
             "review its custody policy.", ("force",), deadline=deadline, occurrences=(1,)),
        Item("recommendation", "2", None, 1, 1, f"Chief constables should publish the data "
             f"of review {number}.", ("chief_constables",), occurrences=(1,)),
        Item("area_for_improvement", None, None, 1, 1, f"Force {number} should improve how "
             "it records crime.", ("force",), occurrences=(1,)),
    )  # fmt: skip
    return DocumentResult(
        sha256=hashlib.sha256(name.encode()).hexdigest(),
        file=name,
        pages=1,
        metadata=Metadata(f"Inspection report {number}", "HMICFRS", date(2026, 1, 1)),
        items=items,
    )


def load_synthetic(engine: Engine, results: Sequence[DocumentResult]) -> None:
    """Load synthetic results into the store as one run, as `recwatch run` would."""
    from pipeline.store.load import load_run

    load_run(
        engine,
        [Outcome(Path(r.file), r, sha256=r.sha256) for r in results],
        started_at=datetime.now(),
        tool_version="bench",
        git_revision=None,
        settings={},
    )


def timed_load(db_url: str, results: Sequence[DocumentResult]) -> float:
    """Load the results into the store as one run; return the seconds the load took."""
    from models.store import open_store

    engine = open_store(db_url)
    try:
        start = time.perf_counter()
        load_synthetic(engine, results)
        return time.perf_counter() - start
    finally:
        engine.dispose()


@dataclass(frozen=True, slots=True)
class ScaleTiming:
    """Loading `documents` into an empty store, then `more` new ones into that store."""

    documents: int
    seconds: float
    more: int
    more_seconds: float

    def line(self) -> str:
        """One row of the scale table: seconds per document of both loads."""
        first = self.seconds / self.documents
        then = self.more_seconds / self.more
        return f"{self.documents:>9} {first:>24.4f} {then:>24.4f}"


def run_scale(sizes: Sequence[int] = SCALE_SIZES, more: int | None = None) -> list[ScaleTiming]:
    """Time loading each size into a temporary SQLite store, then `more` documents on top."""
    more = SCALE_MORE if more is None else more
    timings = []
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="recwatch-scale-") as tmp:
            url = f"sqlite:///{Path(tmp) / 'scale.db'}"
            seconds = timed_load(url, [synthetic_result(n) for n in range(size)])
            extra = [synthetic_result(n) for n in range(size, size + more)]
            timings.append(ScaleTiming(size, seconds, more, timed_load(url, extra)))
    return timings


def scale_lines(timings: Sequence[ScaleTiming]) -> list[str]:
    """Human-readable scale table (flat columns: the load grows linearly with the store)."""
    more = timings[0].more if timings else SCALE_MORE
    return [
        "loading synthetic one-page reports of 3 items into a temporary SQLite store",
        f"{'documents':>9} {'s/doc, all in one run':>24} {f's/doc, {more} more on top':>24}",
        *(t.line() for t in timings),
    ]
