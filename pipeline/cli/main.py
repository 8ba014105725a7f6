"""The `recwatch` command line: parse options, call one pipeline function, render the result.

Only this module configures logging. Heavy modules are imported inside the commands so that
`recwatch --help` stays fast.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from extractors.errors import ExtractionError
from models.errors import StoreError
from pipeline.cli.db import db
from pipeline.cli.fetch import SOURCE_NAMES, add, fetch, run_source
from pipeline.cli.options import (
    DB_KEY,
    db_option,
    jobs_option,
    kind_option,
    parse_day,
    progress_option,
    with_db_option,
)
from pipeline.cli.overview import overview
from pipeline.cli.register import make_filter, register_filters, sync_register_command
from pipeline.cli.review import correct, diff, review, reviews, runs
from pipeline.common.config import DATA_ENV, Config, resolve
from pipeline.common.errors import PipelineError
from pipeline.common.settings import Settings

FAILED_EXIT = 3
CONTEXT = {"help_option_names": ["-h", "--help"], "show_default": True, "max_content_width": 100}


class RecwatchGroup(click.Group):
    """A click group that turns domain errors into clean CLI errors at one boundary.

    Every command added to it (and every command of a group added) gets the shared `--db`
    option, so the store can be named before or after the command.
    """

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        """Add a command, giving it (and its own commands) the shared `--db` option."""
        super().add_command(with_db_option(cmd), name)

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; report domain errors as `Error: ...` with exit code 1."""
        try:
            return super().invoke(ctx)
        except (ExtractionError, PipelineError, StoreError) as exc:
            raise click.ClickException(str(exc)) from exc


def _configure_logging(verbose: int, quiet: int) -> None:
    """Send log records to stderr at a level chosen by -v/-q (default: warnings)."""
    level = min(max(logging.WARNING - 10 * verbose + 10 * quiet, logging.DEBUG), logging.CRITICAL)
    logging.basicConfig(
        level=level, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s"
    )


def _table_width() -> int | None:
    """The terminal's width when stdout is one; None (one line per row) when piped."""
    import shutil

    return shutil.get_terminal_size().columns if sys.stdout.isatty() else None


def _config(ctx: click.Context) -> Config:
    """Return the configuration resolved by the top-level group."""
    config: Config = ctx.find_object(Config) or resolve()
    return config


def _dump_json(data: Any) -> str:
    """Serialise data as stable, readable JSON."""
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False)


@click.group(cls=RecwatchGroup, context_settings=CONTEXT, params=[db_option()])
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help=f"Data directory with raw/ and processed/ [env {DATA_ENV}; default ./data].",
)
@click.option(
    "-v",
    "--verbose",
    count=True,
    show_default=False,
    help="More log output on stderr (repeatable).",
)
@click.option(
    "-q", "--quiet", count=True, show_default=False, help="Less log output on stderr (repeatable)."
)
@click.version_option(package_name="recwatch")
@click.pass_context
def cli(ctx: click.Context, data_dir: Path | None, verbose: int, quiet: int) -> None:
    """Turn inspection-report PDFs into a register of recommendations in SQLite.

    Example: recwatch run data/raw/samples
    """
    from extractors.registry import extra_bodies

    _configure_logging(verbose, quiet)
    ctx.obj = resolve(data_dir=data_dir, db=ctx.meta.get(DB_KEY))
    # Registry look-ups outside extraction (bodies, --addressee filters, exports) use the same
    # extra aliases file as the extraction, which receives it in its settings.
    ctx.with_resource(extra_bodies(ctx.obj.settings.extractors.bodies_file))


doc_timeout_option = click.option(
    "--doc-timeout",
    type=click.FloatRange(min=0),
    default=300.0,
    metavar="SECONDS",
    help="Time budget per document (worker process); 0 for no limit.",
)
doc_memory_option = click.option(
    "--doc-memory",
    type=click.IntRange(min=0),
    default=1536,
    metavar="MB",
    help="Memory budget per document (worker address space); 0 for no limit.",
)


@cli.command()
@click.argument("pdfs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the JSON contract instead of a table.")
@click.option("--jobs", type=click.IntRange(min=1), default=1, help="Worker processes.")
@doc_timeout_option
@doc_memory_option
@progress_option
@click.option(
    "--ocr",
    is_flag=True,
    help="OCR scans that have no text layer (needs ocrmypdf and tesseract; language from "
    "RECWATCH_OCR_LANGUAGE, default eng).",
)
@click.pass_context
def extract(
    ctx: click.Context,
    pdfs: tuple[Path, ...],
    as_json: bool,
    jobs: int,
    ocr: bool,
    doc_timeout: float = 300.0,
    doc_memory: int = 1536,
    progress_mode: str = "auto",
) -> None:
    """Extract items from PDFs and print them (nothing is stored).

    Each document is extracted in a worker process under the same budget as `run`. Exit code 3
    when a document could not be read or went over its budget.

    Example: recwatch extract report.pdf --json
    """
    from pipeline.common.jsonio import document_to_json
    from pipeline.common.progress import progress_reporter
    from pipeline.render.tables import items_table
    from pipeline.run.budget import Budget
    from pipeline.run.order import collect_pdfs
    from pipeline.run.schedule import extract_many

    files = collect_pdfs(pdfs)
    with progress_reporter(progress_mode) as progress:
        budget = Budget.from_options(doc_timeout, doc_memory)
        outcomes = extract_many(
            files, jobs, progress, budget=budget, ocr=ocr, settings=_config(ctx).settings
        )
    results = [o.result for o in outcomes if o.result is not None]
    documents = [document_to_json(r) for r in results]
    if as_json:
        click.echo(_dump_json({"documents": documents}))
    else:
        for doc in documents:
            click.echo(f"{doc['file']}: {doc['title'] or '(no title)'} ({len(doc['items'])} items)")
            if doc["items"]:
                rows = [{**item, "file": doc["file"]} for item in doc["items"]]
                click.echo(items_table(rows, _table_width()))
    for outcome in outcomes:
        for warning in outcome.warnings:
            if warning != outcome.error:
                click.echo(f"Warning: {warning}", err=True)
        if outcome.error:
            click.echo(f"Error: {outcome.error}", err=True)
    if any(not o.ok for o in outcomes):
        sys.exit(FAILED_EXIT)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@jobs_option("Worker processes (documents in parallel; output identical to --jobs 1).")
@click.option(
    "--no-cache",
    is_flag=True,
    help="Parse every PDF again instead of reusing data/processed/cache/.",
)
@click.option(
    "--rehash",
    is_flag=True,
    help="Read and hash every PDF, even one whose path, size and mtime are unchanged.",
)
@doc_timeout_option
@doc_memory_option
@click.option(
    "--ocr",
    is_flag=True,
    help="OCR scans that have no text layer (needs ocrmypdf and tesseract; language from "
    "RECWATCH_OCR_LANGUAGE, default eng).",
)
@click.option("--source", type=click.Choice(SOURCE_NAMES), help="Fetch what is new, then load it.")
@click.option("--base-url", metavar="URL", help="With --source: read it from another root.")
@click.option("--dry-run", is_flag=True, help="With --source: list what would be fetched.")
@progress_option
@click.pass_context
def run(
    ctx: click.Context,
    paths: tuple[Path, ...],
    jobs: int,
    no_cache: bool,
    doc_timeout: float,
    doc_memory: int,
    rehash: bool = False,
    ocr: bool = False,
    source: str | None = None,
    base_url: str | None = None,
    dry_run: bool = False,
    progress_mode: str = "auto",
) -> None:
    """Extract PDFs and load them into the store in one transaction.

    PATHS are PDF files or directories (searched recursively for *.pdf); without PATHS the
    samples in <data-dir>/raw/samples/ are processed. Exit code 3 when some documents failed
    (the others are still loaded): a missing, empty or damaged file fails alone. With --source
    (e.g. hmicfrs), new publications are fetched first (see `recwatch fetch`) and only they are
    extracted and loaded. A PDF whose path, size and modification time are those the cache saw
    is not read again (its cached result is used); --rehash reads and hashes every PDF.

    Example: recwatch run data/raw/samples
    """
    from pipeline.render.tables import run_summary
    from pipeline.run.budget import Budget
    from pipeline.run.order import collect_pdfs, run_pipeline

    config = _config(ctx)
    if source or base_url or dry_run:
        if paths or not source:
            raise click.UsageError("use PATHS or --source (with --base-url/--dry-run), not both")
        budget = Budget.from_options(doc_timeout, doc_memory)
        run_source(ctx, source, base_url, dry_run, jobs, budget, ocr)
        return
    from pipeline.common.progress import progress_reporter

    files = collect_pdfs(paths or (config.samples_dir,))
    with progress_reporter(progress_mode) as progress:
        report = run_pipeline(
            files,
            config,
            jobs=jobs,
            progress=progress,
            use_cache=not no_cache,
            budget=Budget.from_options(doc_timeout, doc_memory),
            ocr=ocr,
            rehash=rehash,
        ).report
    click.echo(run_summary(report))
    if report.failed:
        click.echo(f"Error: {len(report.failed)} of {report.total} documents failed", err=True)
        sys.exit(FAILED_EXIT)


@cli.command()
@kind_option()
@click.option("--document", help="File name, title or sha256 prefix (substring match).")
@click.option("--publisher", help="Publisher (substring match).")
@click.option(
    "--addressee", multiple=True, help="Body: registry id, name or alias, any case (repeatable)."
)
@click.option("--for-forces", is_flag=True, help="Only items addressed to police forces.")
@click.option("--due-before", callback=parse_day, metavar="YYYY-MM-DD", help="Deadline before.")
@click.option("--has-deadline", is_flag=True, help="Only items with a deadline.")
@click.option(
    "--needs-review",
    is_flag=True,
    help="List the documents whose extraction may be incomplete (self-check warnings).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV.")
@click.pass_context
def items(
    ctx: click.Context,
    kind: tuple[str, ...],
    document: str | None,
    publisher: str | None,
    addressee: tuple[str, ...],
    for_forces: bool,
    due_before: date | None,
    has_deadline: bool,
    needs_review: bool,
    as_json: bool,
    as_csv: bool,
) -> None:
    """List stored items (current versions), filtered.

    --needs-review lists instead the documents whose latest extraction contradicts itself
    (numbering gaps, a stated count, a section of items that yielded none), with the warnings.

    Example: recwatch items --for-forces --due-before 2026-01-01 --csv
    """
    from pipeline.render.tables import items_table
    from pipeline.store.bodies import filter_bodies
    from pipeline.store.query import ItemFilter, find_items

    if as_json and as_csv:
        raise click.UsageError("choose one of --json and --csv")
    if needs_review:
        _documents_needing_review(_config(ctx).db_url, as_json)
        return
    wanted = ItemFilter(
        kinds=kind,
        document=document,
        publisher=publisher,
        addressees=filter_bodies(addressee, _config(ctx).db_url) if addressee else (),
        for_forces=for_forces,
        due_before=due_before,
        has_deadline=has_deadline,
    )
    rows = find_items(_config(ctx).db_url, wanted)
    if as_json:
        click.echo(_dump_json({"items": rows}))
    elif as_csv:
        from pipeline.render.export import write_csv  # only here: it brings the register layout

        write_csv(rows, sys.stdout)
    elif rows:
        click.echo(items_table(rows, _table_width()))
    else:
        click.echo("No items match.", err=True)


def _documents_needing_review(db_url: str, as_json: bool) -> None:
    """Print the documents whose extraction warned that it may be incomplete."""
    from pipeline.render.tables import review_table
    from pipeline.store.query import documents_needing_review

    documents = documents_needing_review(db_url)
    if as_json:
        click.echo(_dump_json({"documents": documents}))
    elif documents:
        click.echo(review_table(documents))
    else:
        click.echo("No document needs review: every self-check passed.", err=True)


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "csv", "xlsx", "nl"]),
    show_default="the --output extension (.json, .csv, .xlsx, .jsonl), else json",
    help="Output format; one that contradicts the --output extension is refused.",
)
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), help="File to write.")
@click.option("--bom", is_flag=True, help="Start CSV with a UTF-8 byte order mark (for Excel).")
@register_filters
@click.pass_context
def export(
    ctx: click.Context, /, fmt: str | None, output: Path | None, bom: bool, **filters: Any
) -> None:
    """Export current items: the JSON contract, newline JSON (nl), or a register (csv, xlsx).

    The format follows the --output extension (.json, .csv, .xlsx, .jsonl) unless --format
    names it. csv and xlsx use the register layout (stable id, report, publisher, ...
    corrected) with empty analyst columns; text cells a spreadsheet would run as a formula are
    prefixed with '. xlsx needs --output and the [excel] extra. A file is replaced only once
    the export is complete.

    Example: recwatch export --for-forces --since 2024-01-01 --output register.xlsx
    """
    from pipeline.common.files import replacing
    from pipeline.render.export import export_format, export_store, export_xlsx

    try:
        chosen = export_format(output, fmt)
    except PipelineError as exc:
        raise click.UsageError(str(exc)) from exc
    if bom and chosen != "csv":
        raise click.UsageError(f"--bom is for CSV, not {chosen}; add --format csv")
    config = _config(ctx)
    wanted = make_filter(filters, config.db_url)
    if chosen == "xlsx":
        if output is None:
            raise click.UsageError("xlsx is a binary format; pass --output FILE.xlsx")
        export_xlsx(config.db_url, output, wanted)
    elif output is None:
        export_store(config.db_url, chosen, sys.stdout, wanted, bom=bom)
        return
    else:
        with replacing(output) as temp, temp.open("w", encoding="utf-8", newline="") as fh:
            export_store(config.db_url, chosen, fh, wanted, bom=bom)
    click.echo(f"Wrote {output}", err=True)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@jobs_option("Worker processes for every pass.")
@click.option(
    "--scale",
    is_flag=True,
    help="Time the load alone instead: synthetic documents into a temporary store, "
    "at each --size (takes no PATH).",
)
@click.option(
    "--size",
    "sizes",
    multiple=True,
    type=click.IntRange(min=1),
    show_default="10, 100, 1000",
    help="With --scale: a store size to time (repeatable).",
)
@click.option(
    "--stages",
    is_flag=True,
    help="Time each step of a cold extraction in one process, against PDFium's plain text.",
)
@click.pass_context
def bench(
    ctx: click.Context,
    paths: tuple[Path, ...],
    jobs: int,
    scale: bool,
    sizes: tuple[int, ...],
    stages: bool,
) -> None:
    """Time extraction against the naive all-pages pdfplumber path, in the same run.

    Prints pages/s and documents/s of the naive path, a cold run (empty cache) and a warm
    re-run over the unchanged PDFs, the ratios between them and the peak memory of a worker.
    With --scale, prints seconds per document of loading synthetic documents into a
    temporary store of each size, and of loading 100 more on top: flat columns mean the
    load grows linearly with the store. With --stages, prints where a cold extraction's time
    goes (text layer, each stage, self-checks) beside PDFium's plain text of the same pages.

    Example: recwatch bench ../shared/corpus/pdfs --jobs 2

    Example: recwatch bench --scale

    Example: recwatch bench --stages ../shared/corpus/pdfs
    """
    from pipeline.evaluate import bench as timing

    if sizes and not scale:
        raise click.UsageError("--size is for --scale; add --scale")
    if scale:
        if paths:
            raise click.UsageError("--scale loads synthetic documents; drop the PATH arguments")
        for line in timing.scale_lines(timing.run_scale(sizes or timing.SCALE_SIZES)):
            click.echo(line)
        return
    from pipeline.run.order import collect_pdfs

    files = collect_pdfs(paths or (_config(ctx).samples_dir,))
    if stages:
        from pipeline.evaluate.stages import stage_lines, time_stages

        for line in stage_lines(time_stages(files, _config(ctx).settings)):
            click.echo(line)
        return
    for line in timing.run_bench(files, jobs, _config(ctx).settings).lines():
        click.echo(line)


def gold_arguments(command: Callable[..., Any]) -> Callable[..., Any]:
    """GOLD_DIR and --pdfs: labelled documents and the PDFs they label (eval, train)."""
    command = click.option(
        "--pdfs",
        "pdf_dir",
        required=True,
        type=click.Path(exists=True, file_okay=False, path_type=Path),
        help="Directory holding <name>.pdf for each <name>.json in GOLD_DIR.",
    )(command)
    return click.argument(
        "gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path)
    )(command)


@cli.command(name="eval")
@gold_arguments
@jobs_option("Worker processes.")
@click.option("--json", "as_json", is_flag=True, help="Print scores as JSON.")
@click.option("--only", multiple=True, metavar="NAME", help="Only this gold file (repeatable).")
@click.option(
    "--cross-validate",
    is_flag=True,
    help="Score the cue recogniser on each document with weights fitted without it "
    "(needs the [train] extra).",
)
@click.pass_context
def evaluate(
    ctx: click.Context,
    gold_dir: Path,
    pdf_dir: Path,
    jobs: int,
    as_json: bool,
    only: Sequence[str],
    cross_validate: bool,
) -> None:
    """Score extraction against gold labels.

    Per document and overall (micro): item precision/recall/F1, boundary exactness, number,
    page and deadline accuracy, addressee F1; negative controls list their item counts.
    With --cross-validate, documents (grouped with those that restate their items) are left out
    in turn: the cue weights are fitted on the rest and the left-out ones scored, and candidate
    recall (gold items some candidate covers with the right span) is printed too.

    Example: recwatch eval ../shared/gold --pdfs ../shared/corpus/pdfs --cross-validate
    """
    from pipeline.evaluate.runner import check_only
    from pipeline.render.tables import eval_report

    try:
        check_only(gold_dir, only)
    except PipelineError as exc:
        raise click.BadParameter(str(exc), param_hint="'--only'") from exc
    started = datetime.now()
    if cross_validate:
        _evaluate_crossvalidated(gold_dir, pdf_dir, jobs, as_json, only, _config(ctx).settings)
        return
    from pipeline.common.progress import progress_reporter
    from pipeline.evaluate.runner import evaluate_dirs

    with progress_reporter("auto") as progress:
        score = evaluate_dirs(gold_dir, pdf_dir, jobs, only, progress, _config(ctx).settings)
    if not score.documents and not score.missing:
        raise click.ClickException(f"no gold files found in {gold_dir}; expected <name>.json files")
    if as_json:
        click.echo(_dump_json(score.to_json()))
    else:
        click.echo(eval_report(score))
    seconds = (datetime.now() - started).total_seconds()
    click.echo(f"Scored {len(score.documents)} documents in {seconds:.1f}s", err=True)


def _evaluate_crossvalidated(
    gold_dir: Path,
    pdf_dir: Path,
    jobs: int,
    as_json: bool,
    only: Sequence[str],
    settings: Settings,
) -> None:
    """Print the cross-validated scores of the cue recogniser."""
    from pipeline.evaluate.crossval import cross_validate
    from pipeline.render.tables import crossval_report

    started = datetime.now()
    try:
        result = cross_validate(gold_dir, pdf_dir, jobs, only, settings.extractors)
    except RuntimeError as exc:  # scikit-learn missing: the message names the extra
        raise click.ClickException(str(exc)) from exc
    if not result.score.documents:
        raise click.ClickException(f"no gold files found in {gold_dir}; expected <name>.json files")
    click.echo(_dump_json(result.to_json()) if as_json else crossval_report(result))
    seconds = (datetime.now() - started).total_seconds()
    click.echo(
        f"Cross-validated {len(result.score.documents)} documents in {seconds:.1f}s", err=True
    )


@cli.command()
@gold_arguments
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Weights file to write (default: the one the package ships).",
)
@jobs_option("Worker processes for reading the PDFs.")
@click.pass_context
def train(
    ctx: click.Context, gold_dir: Path, pdf_dir: Path, output: Path | None, jobs: int
) -> None:
    """Fit the cue weights on labelled documents (needs the [train] extra).

    Example: recwatch train ../shared/gold --pdfs ../shared/corpus/pdfs
    """
    from pipeline.evaluate.crossval import train_weights, write_weights

    try:
        weights = train_weights(gold_dir, pdf_dir, jobs, _config(ctx).settings.extractors)
    except RuntimeError as exc:
        raise click.ClickException(str(exc)) from exc
    target = (
        output or Path(__file__).resolve().parents[2] / "extractors" / "data" / "cue_weights.json"
    )
    write_weights(weights, target)
    click.echo(f"Wrote {target} ({len(weights.weights)} cues; {weights.corpus})")


@cli.command()
@click.argument("names", nargs=-1)
@click.option(
    "--unknown",
    is_flag=True,
    help="List instead the stored addressees that name no registry body, with item counts.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def bodies(ctx: click.Context, names: tuple[str, ...], unknown: bool, as_json: bool) -> None:
    """List the registry of bodies that addressees are resolved to (NAMES: only those bodies).

    A NAME is a body's id, name or alias in any case, as every --addressee takes it; one the
    registry does not know is an error naming the nearest bodies. --unknown lists the addressees
    kept as printed because the registry does not know them, candidates for aliases in a
    $RECWATCH_BODIES file.

    Example: recwatch bodies "College of Policing" "the Welsh Ministers"
    """
    from extractors.registry import known_names, load_registry
    from pipeline.render.tables import bodies_table, body_to_json

    if names and unknown:
        raise click.UsageError("choose one of NAMES and --unknown")
    if unknown:
        from pipeline.store.query import unknown_addressees

        found = unknown_addressees(_config(ctx).db_url, known_names())
        if as_json:
            click.echo(_dump_json({"unknown": [{"addressee": a, "items": n} for a, n in found]}))
        elif found:
            click.echo("\n".join(f"{n:>5}  {a}" for a, n in found))
        else:
            click.echo("No unknown addressees.", err=True)
        return
    from pipeline.store.bodies import registry_bodies

    registry = [body_to_json(b) for b in (registry_bodies(names) if names else load_registry())]
    click.echo(_dump_json({"bodies": registry}) if as_json else bodies_table(registry))


cli.add_command(sync_register_command)
cli.add_command(runs)
cli.add_command(diff)
cli.add_command(correct)
cli.add_command(reviews)
cli.add_command(review)
cli.add_command(fetch)
cli.add_command(add)
cli.add_command(overview)
cli.add_command(db)
