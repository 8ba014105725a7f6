"""`recwatch run`: find the input PDFs, extract them, load everything as one run."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from pipeline.config import Config
from pipeline.errors import PipelineError
from pipeline.extract import Progress, extract_many, extraction_settings
from pipeline.load import RunReport, load_run
from pipeline.provenance import git_revision, tool_version


def collect_pdfs(paths: Iterable[Path]) -> list[Path]:
    """Expand paths into PDF files: files as given, directories searched recursively for *.pdf."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                (p for p in path.rglob("*") if p.suffix.lower() == ".pdf" and p.is_file()),
                key=lambda p: p.as_posix(),
            )
        elif path.is_file():
            found.append(path)
        else:
            raise PipelineError(f"{path} does not exist", "check the path")
    unique = list(dict.fromkeys(found))
    if not unique:
        where = ", ".join(str(p) for p in paths)
        raise PipelineError(
            f"no PDFs found in {where}",
            "pass PDF files or folders, or create the samples with `make samples`",
        )
    return unique


def run_pipeline(
    files: list[Path],
    config: Config,
    jobs: int = 1,
    progress: Progress | None = None,
    use_cache: bool = True,
) -> RunReport:
    """Extract every file, then load all of them into the store in one transaction."""
    from models.store import open_store

    started = datetime.now()
    cache_dir = config.processed_dir / "cache" if use_cache else None
    outcomes = extract_many(files, jobs, progress, cache_dir)
    engine = open_store(config.db_url)
    try:
        return load_run(
            engine,
            outcomes,
            started_at=started,
            tool_version=tool_version(),
            git_revision=git_revision(),
            settings=extraction_settings(),
        )
    finally:
        engine.dispose()
