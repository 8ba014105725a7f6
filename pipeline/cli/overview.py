"""`recwatch overview`: draft the committee paper on a period's publications.

Thin, like `pipeline.cli.main`: parse options, gather the overview, render it, write it. Heavy
modules are imported inside the command so `recwatch --help` stays fast.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from pipeline.cli.options import parse_day
from pipeline.common.config import Config, resolve

FORMATS = ("md", "html", "docx")


@click.command()
@click.option(
    "--since",
    required=True,
    callback=parse_day,
    metavar="YYYY-MM-DD",
    help="First publication date covered (inclusive).",
)
@click.option(
    "--until",
    required=True,
    callback=parse_day,
    metavar="YYYY-MM-DD",
    help="Last publication date covered (inclusive).",
)
@click.option("--publisher", help="Only this publisher (substring match), e.g. HMICFRS.")
@click.option(
    "--for-forces-only",
    is_flag=True,
    help="Only reports with items for police forces, without the list of other items.",
)
@click.option(
    "--addressee",
    multiple=True,
    help="Only items for this body: registry id, name or alias, any case (repeatable).",
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="md", help="Output format.")
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write (required for docx); default stdout.",
)
@click.option(
    "--today",
    callback=parse_day,
    metavar="YYYY-MM-DD",
    show_default="the current date",
    help="The day the paper is written: upcoming deadlines (3, 6, 12 months) count from it.",
)
@click.pass_context
def overview(
    ctx: click.Context,
    since: date,
    until: date,
    publisher: str | None,
    for_forces_only: bool,
    addressee: tuple[str, ...],
    fmt: str,
    output: Path | None,
    today: date | None,
) -> None:
    """Draft the committee overview paper: what was published in a period, and for whom.

    One section per publication in date order (type, the report's own summary, counts by kind
    and addressee, every item for police forces quoted in full with its deadline, the others
    listed), after a period summary with the force deadlines due in the next 3, 6 and 12 months
    and, in HTML and DOCX, a chart of upcoming deadlines by month. HTML and DOCX need the
    overview extra: pip install 'recwatch[overview]'.

    Example: recwatch overview --since 2024-01-01 --until 2024-06-30 --format html --output q1.html
    """
    from pipeline.render.overview import Period, build_overview
    from pipeline.render.overview_render import render
    from pipeline.store.bodies import filter_bodies

    if since > until:
        raise click.BadParameter(
            f"--since {since} is after --until {until}; swap them", param_hint="--since"
        )
    if fmt == "docx" and output is None:
        raise click.UsageError("--format docx writes a binary file; pass --output FILE.docx")
    config: Config = ctx.find_object(Config) or resolve()
    bodies = filter_bodies(addressee, config.db_url) if addressee else ()
    period = Period(since, until, today or date.today(), publisher, for_forces_only, bodies)
    paper = render(build_overview(config.db_url, period), fmt)
    if output is None:
        click.echo(paper.decode("utf-8"), nl=False)
        return
    try:
        output.write_bytes(paper)
    except OSError as exc:
        raise click.ClickException(
            f"cannot write {output} ({exc.strerror}); check the folder exists and is writable"
        ) from exc
    click.echo(f"Wrote {output}", err=True)
