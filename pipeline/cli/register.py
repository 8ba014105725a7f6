"""CLI pieces for registers: the shared export/sync filters and `recwatch sync-register`.

Kept free of heavy imports (SQLAlchemy, openpyxl) so that `recwatch --help` stays fast.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from pipeline.cli.options import kind_option, parse_day

if TYPE_CHECKING:
    from pipeline.render.register_layout import RegisterFilter
    from pipeline.render.sync import SyncReport

F = TypeVar("F", bound=Callable[..., Any])
DEFAULT_ID_COLUMN = "recwatch_id"  # register_layout.ID_COLUMN (importing it pulls in SQLAlchemy)


def register_filters(command: F) -> F:
    """Add the register filters (--publisher --since --for-forces --addressee --kind --run)."""
    options = (
        click.option("--publisher", help="Publisher (substring match)."),
        click.option(
            "--since",
            callback=parse_day,
            metavar="YYYY-MM-DD",
            help="Reports published on or after this date.",
        ),
        click.option("--for-forces", is_flag=True, help="Only items addressed to police forces."),
        click.option(
            "--addressee",
            multiple=True,
            help="Body: registry id, name or alias, any case (repeatable).",
        ),
        kind_option(),
        click.option(
            "--run",
            "run_id",
            type=click.IntRange(min=1),
            help="Only items new or changed in this run (their current version).",
        ),
    )
    for option in reversed(options):
        command = option(command)
    return command


def make_filter(options: dict[str, Any], db_url: str) -> RegisterFilter:
    """Build a RegisterFilter from the parsed register filter options (bodies resolved)."""
    from pipeline.render.register_layout import RegisterFilter
    from pipeline.store.bodies import filter_bodies

    addressees = options["addressee"]
    return RegisterFilter(
        publisher=options["publisher"],
        since=options["since"],
        for_forces=options["for_forces"],
        addressees=filter_bodies(addressees, db_url) if addressees else (),
        kinds=options["kind"],
        run=options["run_id"],
    )


def sync_summary(report: SyncReport) -> str:
    """Render a sync report: counts, then one line per row written."""
    verb = "Would change" if report.dry_run else ("Updated" if report.written else "Unchanged:")
    lines = [f"{verb} {report.path} (header row {report.header_row})"]
    if report.backup:
        lines.append(f"Backup: {report.backup}")
    if report.added_columns:
        lines.append(f"Added columns: {', '.join(report.added_columns)}")
    counts = ", ".join(f"{status} {n}" for status, n in report.counts.items()) or "no items"
    lines.append(f"Rows: {counts}")
    for change in report.changes:
        detail = f" ({', '.join(change.columns)})" if change.columns else ""
        lines.append(f"  {change.status:<8} row {change.row}: {change.id}{detail}")
    return "\n".join(lines)


@click.command(name="sync-register")
@click.argument("register", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--id-column",
    default=DEFAULT_ID_COLUMN,
    help="Heading of the column holding recwatch's stable ids.",
)
@click.option(
    "--header-row",
    type=click.IntRange(min=1),
    help="Row number of the headings [default: the row naming --id-column, else a guess].",
)
@click.option("--dry-run", is_flag=True, help="Report what would change; write nothing.")
@register_filters
@click.pass_context
def sync_register_command(
    ctx: click.Context,
    /,
    register: Path,
    id_column: str,
    header_row: int | None,
    dry_run: bool,
    **filters: Any,
) -> None:
    """Update a register (.xlsx or .csv) in place from the store, keeping analysts' work.

    Rows are matched by stable id. recwatch writes only its own columns (recwatch_id ...
    corrected, recwatch_status): new items are appended (filters choose which), changed items
    refreshed, items no longer in the store marked `removed`; no row is deleted and every other
    column (status/RAG, owner, comments, local due dates...) is left as it is. A timestamped
    backup is written beside the register first.

    Example: recwatch sync-register register.xlsx --for-forces --since 2024-01-01
    """
    from pipeline.common.config import Config, resolve
    from pipeline.render.sync import sync_register

    config: Config = ctx.find_object(Config) or resolve()
    report = sync_register(
        register,
        config.db_url,
        make_filter(filters, config.db_url),
        id_column=id_column,
        header_row=header_row,
        dry_run=dry_run,
    )
    click.echo(sync_summary(report))
