"""`recwatch fetch`, `recwatch add` and the `--source` batch of `recwatch run` (thin: parse, call,
render). httpx and the store are imported inside the commands so `recwatch --help` stays fast.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from pipeline.acquire.sources import SOURCES
from pipeline.cli.options import parse_day
from pipeline.common.config import Config, resolve
from pipeline.common.progress import PROGRESS_MODES, fetch_progress

if TYPE_CHECKING:
    from pipeline.acquire.fetch import Fetcher
    from pipeline.acquire.harvest import FetchReport
    from pipeline.acquire.manifest import FetchedFile
    from pipeline.run.batch import BatchReport
    from pipeline.run.budget import Budget

FAILED_EXIT = 3
SOURCE_NAMES = sorted(SOURCES)


def _config(ctx: click.Context) -> Config:
    """The configuration resolved by the top-level group."""
    config: Config = ctx.find_object(Config) or resolve()
    return config


def make_fetcher(timeout: float = 30.0, max_size_mb: int = 200, delay: float = 1.0) -> Fetcher:
    """A Fetcher with the command line's settings."""
    from pipeline.acquire.fetch import Fetcher, FetchSettings

    settings = FetchSettings(timeout=timeout, max_bytes=max_size_mb * 2**20, delay=delay)
    return Fetcher(settings)


def _file_line(f: FetchedFile) -> str:
    """One line per fetched file: status, sha256 prefix, date, title, URL."""
    status = {"changed": f"re-published (version {f.version}, flagged for review)"}.get(
        f.status, f.status
    )
    when = f.published.isoformat() if f.published else "-"
    return f"{status}  {f.sha256[:12]}  {when}  {f.title or '-'}  {f.url or f.path}"


def render_fetch(report: FetchReport, dry_run: bool) -> None:
    """Print what was (or would be) fetched on stdout and each failure on stderr."""
    if dry_run:
        for plan in report.planned:
            when = plan.published.isoformat() if plan.published else "-"
            if plan.page_url:
                click.echo(f"would fetch  {when}  {plan.title or '-'}  {plan.page_url}")
            for pdf in plan.pdfs:
                click.echo(f"  {pdf}")
        click.echo(f"Dry run: {len(report.planned)} to fetch, nothing downloaded")
    else:
        for f in report.files:
            if f.status != "unchanged":
                click.echo(_file_line(f))
        click.echo(
            f"Fetched: {report.count('new')} new, {report.count('changed')} re-published "
            f"(flagged for review), {report.count('duplicate')} duplicate, "
            f"{report.count('unchanged')} unchanged, {len(report.failures)} failed "
            f"({report.requests} requests)"
        )
    for message in report.failures:
        click.echo(f"Error: {message}", err=True)


@click.command()
@click.argument("urls", nargs=-1)
@click.option("--source", type=click.Choice(SOURCE_NAMES), help="Discover new publications.")
@click.option("--base-url", metavar="URL", help="Read the source from another root (a mirror).")
@click.option("--since", callback=parse_day, metavar="YYYY-MM-DD", help="Skip older publications.")
@click.option("--dry-run", is_flag=True, help="List what would be fetched; download nothing.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=30.0, help="Seconds.")
@click.option("--max-size", type=click.IntRange(min=1), default=200, help="Largest PDF, in MB.")
@click.option("--delay", type=click.FloatRange(min=0), default=1.0, help="Seconds per host.")
@click.option(
    "--progress",
    "progress_mode",
    type=click.Choice(PROGRESS_MODES),
    default="auto",
    help="Progress on stderr: a bar (publications done/total, ETA) when it is a terminal, or "
    "one JSON line per publication.",
)
@click.pass_context
def fetch(
    ctx: click.Context,
    urls: tuple[str, ...],
    source: str | None,
    base_url: str | None,
    since: date | None,
    dry_run: bool,
    timeout: float,
    max_size: int,
    delay: float,
    progress_mode: str,
) -> None:
    """Download new publications into <data-dir>/raw/ (named by sha256) and record them.

    With --source, discover what the site published (feed first, then the listing, page by
    page until known publications) and re-check recent PDFs: a PDF whose bytes changed at the
    same URL is a new version flagged for review. URLS may be PDF or publication-page URLs.
    Requests are conditional, retried with backoff, paced and checked against robots.txt.
    Exit code 3 when some downloads failed (the others are kept).

    Example: recwatch fetch --source hmicfrs --since 2025-01-01
    """
    from pipeline.acquire.harvest import fetch_source, fetch_urls

    if not urls and not source:
        raise click.UsageError("give URLs to fetch or --source NAME (e.g. --source hmicfrs)")
    if base_url and not source:
        raise click.UsageError("--base-url needs --source")
    config = _config(ctx)
    chosen = SOURCES[source].with_base(base_url) if source else None
    with make_fetcher(timeout, max_size, delay) as fetcher, fetch_progress(progress_mode) as bar:
        if urls:
            report = fetch_urls(urls, config, fetcher, source=chosen, dry_run=dry_run, progress=bar)
        elif chosen is not None:
            report = fetch_source(
                chosen, config, fetcher, since=since, dry_run=dry_run, progress=bar
            )
    render_fetch(report, dry_run)
    if report.failures:
        sys.exit(FAILED_EXIT)


def render_batch(batch: BatchReport) -> None:
    """Print the run summary (when something was loaded) and the one-line batch summary."""
    from pipeline.render.tables import run_summary
    from pipeline.run.batch import summary_line

    if batch.run is not None:
        click.echo(run_summary(batch.run))
    click.echo(summary_line(batch))
    for message in batch.fetch.failures:
        click.echo(f"Error: {message}", err=True)
    if batch.failed:
        click.echo(f"Error: {batch.failed} document(s) failed", err=True)


def run_source(
    ctx: click.Context,
    source: str,
    base_url: str | None,
    dry_run: bool,
    jobs: int,
    budget: Budget | None = None,
    ocr: bool = False,
) -> None:
    """`recwatch run --source`: fetch what is new, then extract and load it as one run."""
    from pipeline.acquire.harvest import fetch_source
    from pipeline.run.batch import load_fetched

    config = _config(ctx)
    chosen = SOURCES[source].with_base(base_url)
    with make_fetcher() as fetcher:
        report = fetch_source(chosen, config, fetcher, dry_run=dry_run)
    if dry_run:
        render_fetch(report, dry_run=True)
        return
    batch = load_fetched(report.files, config, report, jobs, budget, ocr)
    render_batch(batch)
    if batch.failed:
        sys.exit(FAILED_EXIT)


@click.command()
@click.argument("pdf", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--url", help="Where the PDF was published (used as its source).")
@click.option("--title", help="Title, used when the PDF does not state one.")
@click.option("--published", callback=parse_day, metavar="YYYY-MM-DD", help="Publication date, "
              "used when the PDF does not state one.")  # fmt: skip
@click.option("--source", type=click.Choice(SOURCE_NAMES), help="Publisher's site.")
@click.option("--ocr", is_flag=True, help="OCR it if it is a scan (needs ocrmypdf).")
@click.pass_context
def add(
    ctx: click.Context,
    pdf: Path,
    url: str | None,
    title: str | None,
    published: date | None,
    source: str | None,
    ocr: bool,
) -> None:
    """Register a PDF downloaded by hand: copy it into <data-dir>/raw/, record it, load it.

    A PDF already recorded at the same --url with other bytes becomes a new version flagged
    for review. Exit code 3 when the PDF could not be extracted.

    Example: recwatch add report.pdf --url https://example.org/r.pdf --published 2025-06-12
    """
    from pipeline.acquire.add import add_file
    from pipeline.acquire.harvest import FetchReport
    from pipeline.run.batch import load_fetched

    config = _config(ctx)
    chosen = SOURCES[source] if source else None
    fetched = add_file(pdf, config, url=url, title=title, published=published, source=chosen)
    where = (
        fetched.path.relative_to(config.data_dir.parent)
        if fetched.path.is_relative_to(config.data_dir.parent)
        else fetched.path
    )
    click.echo(f"Added {pdf} as {where} ({fetched.status})", err=True)
    batch = load_fetched([fetched], config, FetchReport(files=[fetched]), ocr=ocr)
    render_batch(batch)
    if batch.failed:
        sys.exit(FAILED_EXIT)
