"""Extract each document in a worker process under a time and memory budget.

The one worker pool: `schedule.extract_many` sends every document it does not answer itself
here, with UNLIMITED when no budget is set. A pathological PDF (absurd page count, runaway
nesting, a decompression bomb) must cost only itself. Workers are long-lived (the PDF and NLP
libraries load once per worker) and forked where the platform allows. Each caps its address
space with RLIMIT_AS at its size when it starts plus the memory budget, and is killed and
replaced when a document overruns its time budget or the worker dies; that document fails with a
message naming the budget and the flag that raises it. Largest files go first, so that one big
report does not run alone at the end.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from pipeline.common.outcome import Outcome, Progress, file_size
from pipeline.run.hints import PageHints

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

logger = logging.getLogger(__name__)

DEFAULT_SECONDS = 300.0
DEFAULT_MEMORY_MB = 1536


class Work(Protocol):
    """Extract one document: its path, the cache folder, its publication page's hints."""

    def __call__(
        self, path: Path, cache_dir: Path | None, *, hints: PageHints | None = None
    ) -> Outcome: ...


@dataclass(frozen=True, slots=True)
class Budget:
    """Per-document limits: wall-clock seconds and worker address space in MB (None: no limit)."""

    seconds: float | None = DEFAULT_SECONDS
    memory_mb: int | None = DEFAULT_MEMORY_MB

    @classmethod
    def from_options(cls, seconds: float, memory_mb: int) -> Budget:
        """Build a budget from CLI values, where 0 means no limit."""
        return cls(seconds=seconds or None, memory_mb=memory_mb or None)

    @property
    def limited(self) -> bool:
        """True when any limit is set (documents then run in worker processes)."""
        return self.seconds is not None or self.memory_mb is not None


UNLIMITED = Budget(seconds=None, memory_mb=None)  # workers for parallelism alone


def _address_space() -> int:
    """Return this process's current virtual size in bytes (0 where /proc is missing)."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith("VmSize:"):
            return int(line.split()[1]) * 1024
    return 0


def _limit_memory(memory_mb: int | None) -> None:
    """Cap this process's address space at its current size plus the budget (RLIMIT_AS)."""
    if memory_mb is None:
        return
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    wanted = _address_space() + memory_mb * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        wanted = min(wanted, hard)
    resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))


def _over_memory(path: Path, memory_mb: int | None) -> Outcome:
    """The outcome of a document that exhausted the worker's memory budget."""
    budget = f"{memory_mb} MB" if memory_mb else "available"
    return Outcome(
        path=path,
        error=f"{path}: needs more than the {budget} memory budget per document; "
        "raise it with --doc-memory MB (0 for no limit), or check the file",
    )


def worker_start() -> None:
    """In a new worker process: die with the parent, and hold none of its locks.

    A forked worker shares its siblings' pipe ends, so a killed parent's end-of-file never
    reaches it; Linux's parent-death signal ends it instead. Its copies of the run lock are
    closed so that a killed run leaves the store unlocked.
    """
    from pipeline.run.lock import release_inherited

    release_inherited()
    if sys.platform.startswith("linux"):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() == 1:  # the parent died before the signal was set
            os._exit(1)


PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _serve(conn: Connection, memory_mb: int | None, work: Work) -> None:
    """Worker loop: extract each path received, send back (outcome, still healthy)."""
    worker_start()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops workers
    _limit_memory(memory_mb)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return  # the parent has gone
        if job is None:
            return
        path, cache_dir, hints = job
        try:
            outcome, healthy = work(path, cache_dir, hints=hints), True
        except MemoryError:
            outcome, healthy = _over_memory(path, memory_mb), False
        if outcome.error and "out of memory" in outcome.error:
            outcome, healthy = _over_memory(path, memory_mb), False
        try:
            conn.send((outcome, healthy))
        except (BrokenPipeError, OSError):
            return
        if not healthy:
            return  # a worker that hit its memory cap is replaced, not reused


@dataclass(slots=True)
class _Slot:
    """One worker process, its pipe, and the document it is working on."""

    process: BaseProcess
    conn: Connection
    job: int | None = None
    started: float = 0.0
    done: bool = field(default=False)

    def stop(self, kill: bool = False) -> None:
        """Stop the worker: ask politely, or kill it."""
        if kill:
            self.process.kill()
        else:
            with contextlib.suppress(BrokenPipeError, OSError):
                self.conn.send(None)
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout=5)
        self.conn.close()
        self.done = True


def _died(path: Path, exitcode: int | None, budget: Budget) -> Outcome:
    """The outcome of a document whose worker process died without answering."""
    if exitcode is not None and exitcode < 0:
        how = f"was killed by {signal.Signals(-exitcode).name}"
    else:
        how = f"exited with code {exitcode}"
    memory = f"{budget.memory_mb} MB" if budget.memory_mb else "unlimited"
    return Outcome(
        path=path,
        error=f"{path}: the worker process extracting it {how} (memory budget {memory}); "
        "raise the budget with --doc-memory MB, or run it alone with -v and report the file",
    )


def _timed_out(path: Path, seconds: float) -> Outcome:
    """The outcome of a document that overran its time budget."""
    return Outcome(
        path=path,
        error=f"{path}: took longer than the {seconds:g} s time budget per document and was "
        "stopped; raise it with --doc-timeout SECONDS (0 for no limit), or check the file",
    )


class _Pool:
    """Workers that each extract one document at a time under the budget."""

    def __init__(self, budget: Budget, work: Work) -> None:
        import multiprocessing  # here: a run answered from the cache starts no worker

        self.budget = budget
        self.work = work
        if "fork" in multiprocessing.get_all_start_methods():
            self.context: Any = multiprocessing.get_context("fork")
        else:  # pragma: no cover - Windows
            self.context = multiprocessing.get_context("spawn")
        self.slots: list[_Slot] = []

    def spawn(self) -> _Slot:
        """Start a worker and return its slot."""
        parent, child = self.context.Pipe()
        process = self.context.Process(
            target=_serve, args=(child, self.budget.memory_mb, self.work), daemon=True
        )
        process.start()
        child.close()
        slot = _Slot(process=process, conn=parent)
        self.slots.append(slot)
        return slot

    def close(self, kill: bool = False) -> None:
        """Stop every worker still running."""
        for slot in self.slots:
            if not slot.done:
                slot.stop(kill=kill)


def extract_budgeted(
    paths: list[Path],
    budget: Budget,
    jobs: int = 1,
    progress: Progress | None = None,
    cache_dir: Path | None = None,
    work: Work | None = None,
    hints: Mapping[Path, PageHints] | None = None,
) -> list[Outcome]:
    """Extract PDFs in worker processes under the budget, returning outcomes in input order."""
    from multiprocessing.connection import wait

    from pipeline.run.extract import extract_outcome

    hints = hints or {}
    outcomes: dict[int, Outcome] = {}
    # Largest files first, so that one big report does not run alone at the end.
    pending = deque(sorted(range(len(paths)), key=lambda i: file_size(paths[i]), reverse=True))
    pool = _Pool(budget, work or extract_outcome)
    idle: list[_Slot] = []
    busy: list[_Slot] = []

    def finish(slot: _Slot, outcome: Outcome, reuse: bool) -> None:
        job, slot.job = slot.job, None
        if job is not None:
            outcomes[job] = outcome
            if progress:
                progress(len(outcomes), len(paths), outcome)
        busy.remove(slot)
        if reuse:
            idle.append(slot)
        else:
            slot.stop(kill=True)

    try:
        while pending or busy:
            while pending and len(busy) < max(1, jobs):
                slot = idle.pop() if idle else pool.spawn()
                slot.job = pending.popleft()
                slot.started = time.monotonic()
                try:
                    path = paths[slot.job]
                    slot.conn.send((path, cache_dir, hints.get(path)))
                except (BrokenPipeError, OSError):  # the idle worker died meanwhile
                    slot.stop(kill=True)
                    pending.appendleft(slot.job)
                    continue
                busy.append(slot)
            timeout = None
            if budget.seconds is not None:
                now = time.monotonic()
                timeout = max(0.0, min(s.started + budget.seconds - now for s in busy))
            ready = wait([s.conn for s in busy], timeout=timeout)
            for slot in [s for s in busy if s.conn in ready]:
                path = paths[slot.job] if slot.job is not None else Path()
                try:
                    outcome, healthy = slot.conn.recv()
                except (EOFError, OSError):
                    slot.process.join(timeout=5)
                    finish(slot, _died(path, slot.process.exitcode, budget), reuse=False)
                    continue
                finish(slot, outcome, reuse=healthy)
            if budget.seconds is not None:
                now = time.monotonic()
                for slot in [s for s in busy if now - s.started >= budget.seconds]:
                    path = paths[slot.job] if slot.job is not None else Path()
                    logger.warning("%s: over the time budget; stopping its worker", path)
                    finish(slot, _timed_out(path, budget.seconds), reuse=False)
    finally:
        pool.close(kill=bool(busy))
    return [outcomes[i] for i in range(len(paths))]
