"""`recwatch bench`: time the pipeline against the naive all-pages pdfplumber path, same run."""

from __future__ import annotations

import resource
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from pipeline.budget import Budget
from pipeline.extract import extract_many


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
    """The three passes and the peak memory of one worker."""

    naive: Timing
    cold: Timing
    warm: Timing
    peak_worker_mb: float
    jobs: int
    text_loop: str

    def lines(self) -> list[str]:
        """Human-readable report."""
        rows = [
            f"{t.name:<34} {t.seconds:8.2f} s {t.pages_per_second:9.1f} pages/s "
            f"{t.documents_per_second:7.2f} docs/s"
            for t in (self.naive, self.cold, self.warm)
        ]
        cold_ratio = self.cold.pages_per_second / self.naive.pages_per_second
        warm_ratio = self.cold.seconds / self.warm.seconds if self.warm.seconds else float("inf")
        return [
            f"{self.cold.documents} documents, {self.cold.pages} pages, --jobs {self.jobs}, "
            f"text engine {self.text_loop}",
            *rows,
            f"cold run vs naive pdfplumber: {cold_ratio:.2f}x pages/s",
            f"warm re-run vs cold run:     {warm_ratio:.1f}x faster",
            f"peak memory of one worker:   {self.peak_worker_mb:.0f} MB",
        ]


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


def _text_loop() -> str:
    """Which text layer the cold run used: the engine, and for PDFium the C or Python loop."""
    from extractors import pdfium_text, text

    engine = text.text_engine()
    if engine != "pdfium":
        return engine
    return "pdfium (C loop)" if pdfium_text.native() is not None else "pdfium (Python loop)"


def run_bench(paths: list[Path], jobs: int) -> BenchReport:
    """Measure the naive path, a cold pipeline run and a warm re-run over the same PDFs."""
    budget = Budget()  # what `recwatch run` uses: workers under the per-document budget
    with tempfile.TemporaryDirectory(prefix="recwatch-bench-") as tmp:
        cache = Path(tmp)
        start = time.perf_counter()
        outcomes = extract_many(paths, jobs, cache_dir=cache, budget=budget)
        cold_seconds = time.perf_counter() - start
        pages = sum(o.result.pages for o in outcomes if o.result is not None)
        start = time.perf_counter()
        extract_many(paths, jobs, cache_dir=cache, budget=budget)
        warm_seconds = time.perf_counter() - start
    # ru_maxrss of children: the largest resident set any worker process reached (KiB on Linux).
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if jobs <= 1:
        peak = max(peak, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    naive = _naive(paths, jobs)  # after the peak is read, so it counts recwatch's workers only
    return BenchReport(
        text_loop=_text_loop(),
        naive=naive,
        cold=Timing("recwatch cold (parse + extract)", cold_seconds, pages, len(paths)),
        warm=Timing("recwatch warm (unchanged corpus)", warm_seconds, pages, len(paths)),
        peak_worker_mb=peak,
        jobs=jobs,
    )
