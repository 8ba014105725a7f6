"""Review commands: `recwatch runs`, `diff`, `correct`, `reviews` and `review` (the browser).

Thin, like `pipeline.cli.main`: parse options, call one pipeline function, render. Heavy modules are
imported inside the commands so `recwatch --help` stays fast.
"""

from __future__ import annotations

import getpass
import json
import os
import sys
from pathlib import Path

import click

from pipeline.common.config import Config, resolve


def _config(ctx: click.Context) -> Config:
    """Return the configuration resolved by the top-level group."""
    config: Config = ctx.find_object(Config) or resolve()
    return config


def _db_url(ctx: click.Context) -> str:
    """Return the store URL resolved by the top-level group."""
    return _config(ctx).db_url


def _json(data: object) -> str:
    """Serialise data as readable JSON."""
    return json.dumps(data, indent=2, ensure_ascii=False)


@click.command()
@click.option("--limit", type=click.IntRange(min=1), help="Only the newest N runs.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (with settings and inputs).")
@click.pass_context
def runs(ctx: click.Context, limit: int | None, as_json: bool) -> None:
    """List runs, newest first: status, provenance, documents and item changes.

    Example: recwatch runs --limit 5
    """
    from pipeline.review.diff_render import runs_table
    from pipeline.store.runs import list_runs

    rows = list_runs(_db_url(ctx), limit)
    if as_json:
        click.echo(_json({"runs": rows}))
    elif rows:
        click.echo(runs_table(rows))
    else:
        click.echo("No runs yet; run `recwatch run` first.", err=True)


def _run_number(value: str | None, name: str) -> int | None:
    """Parse a RUN argument (a run number)."""
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is neither a run number nor a .pdf file", param_hint=name
        ) from None


def _is_pdf(value: str | None) -> bool:
    """True when a RUN argument names a PDF file rather than a run."""
    return value is not None and (value.lower().endswith(".pdf") or Path(value).is_file())


@click.command()
@click.argument("run_a", required=False, metavar="[RUN_A|OLD.pdf]")
@click.argument("run_b", required=False, metavar="[RUN_B|NEW.pdf]")
@click.option(
    "--document",
    nargs=2,
    metavar="OLD NEW",
    help="Compare two stored versions of a report (part of a file name or title, or a sha256 "
    "prefix) instead of runs.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--html", "as_html", is_flag=True, help="Print one self-contained HTML page.")
@click.option(
    "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to this file."
)
@click.pass_context
def diff(
    ctx: click.Context,
    run_a: str | None,
    run_b: str | None,
    document: tuple[str, str] | None,
    as_json: bool,
    as_html: bool,
    output: Path | None,
) -> None:
    """Show items added, removed and changed between two runs (default: the last two).

    With one run, compare it with the latest. With two PDF files, extract both and compare
    them directly (no store involved). Changed items list the fields that differ and a word
    diff of their text. The terminal output is coloured when stdout is a terminal.

    Example: recwatch diff 3 4 --html --output diff.html
    """
    from pipeline.review.diff import diff_json, load_diff
    from pipeline.review.diff_render import html_page, terminal

    if as_json and as_html:
        raise click.UsageError("choose one of --json and --html")
    if document and (run_a is not None or run_b is not None):
        raise click.UsageError("give either RUN_A [RUN_B] or --document OLD NEW, not both")
    if _is_pdf(run_a) or _is_pdf(run_b):
        if run_a is None or run_b is None or not (_is_pdf(run_a) and _is_pdf(run_b)):
            raise click.UsageError("to compare files, give two PDFs: recwatch diff OLD.pdf NEW.pdf")
        from pipeline.review.diff_files import diff_files

        result = diff_files(Path(run_a), Path(run_b), _config(ctx).settings)
    else:
        runs = (_run_number(run_a, "RUN_A"), _run_number(run_b, "RUN_B"))
        result = load_diff(_db_url(ctx), runs, document or None)
    if as_json:
        text = _json(diff_json(result))
    elif as_html:
        text = html_page(result)
    else:
        colour = output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
        text = terminal(result, colour=colour)
    if output is None:
        click.echo(text, color=None if as_json or as_html else sys.stdout.isatty())
        return
    output.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    click.echo(f"Wrote {output}", err=True)


@click.command()
@click.argument("item_id")
@click.option(
    "--addressee",
    multiple=True,
    help="Who must act: registry id, name or alias (repeatable; replaces the list).",
)
@click.option(
    "--new-body",
    is_flag=True,
    help="Let --addressee name a body the registry does not know (kept as typed).",
)
@click.option("--no-addressees", is_flag=True, help="The item has no addressee.")
@click.option("--deadline", metavar="YYYY-MM-DD|none", help="The item's deadline.")
@click.option(
    "--text-file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="File holding the item's correct text.",
)
@click.option("--reject", is_flag=True, help="Not a real item: take it out of the register.")
@click.option(
    "--add",
    is_flag=True,
    help="Add a missed item: ITEM_ID is <publication key>:<kind>:<number>; needs --text-file.",
)
@click.option("--page", type=click.IntRange(min=1), help="Page of an added item.")
@click.option("--note", help="Why (kept with the correction).")
@click.option("--by", help="Who corrects [default: $USER].")
@click.pass_context
def correct(
    ctx: click.Context,
    item_id: str,
    addressee: tuple[str, ...],
    new_body: bool,
    no_addressees: bool,
    deadline: str | None,
    text_file: Path | None,
    reject: bool,
    add: bool,
    page: int | None,
    note: str | None,
    by: str | None,
) -> None:
    """Store an analyst's correction of an item; later runs keep it and flag changes under it.

    --addressee takes a body's registry id, name or alias (any case) and stores its id; a
    mistyped body is refused with the nearest ones, and nothing is changed. A body the registry
    does not know needs --new-body; `recwatch bodies --unknown` then lists it.

    ITEM_ID is an item id as `recwatch items` lists it, a unique part of one, or
    DOCUMENT:KIND:NUMBER where DOCUMENT is part of a file name or title (stalking:rec:2).

    Example: recwatch correct 3f2a9c1d0b7e:recommendation:4 --deadline 2026-03-31 --note "p. 12"
    """
    from pipeline.store.bodies import correction_bodies
    from pipeline.store.corrections import CorrectionRequest, correct

    if addressee and no_addressees:
        raise click.UsageError("choose one of --addressee and --no-addressees")
    if new_body and not addressee:
        raise click.UsageError("--new-body goes with --addressee NAME")
    if addressee:  # registry ids in the store; a typo is refused before anything is written
        addressee = correction_bodies(addressee, _db_url(ctx), new_body=new_body)
    if not add:  # an added item has no id yet; any other names a stored one, perhaps in part
        from pipeline.store.query import resolve_item_id

        item_id = resolve_item_id(_db_url(ctx), item_id)
    who = by or os.environ.get("USER") or getpass.getuser()
    text = " ".join(text_file.read_text(encoding="utf-8").split()) if text_file else None
    request = CorrectionRequest(
        item_id=item_id,
        by=who,
        note=note,
        text=text,
        addressees=() if no_addressees else (addressee or None),
        deadline=deadline,
        reject=reject,
        add=add,
        page=page,
    )
    fields = correct(_db_url(ctx), request)
    click.echo(f"Corrected {item_id}: {', '.join(fields)} (by {who})")


@click.command()
@click.option(
    "--document", help="Only this report's items: part of a file name or title, or a sha256 prefix."
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def reviews(ctx: click.Context, document: str | None, as_json: bool) -> None:
    """List corrected items whose extracted value changed under the correction.

    A changed text is shown as a word diff ([-gone-] {+new+}, coloured on a terminal), other
    fields in full. Resolve one by correcting the field again (`recwatch correct`).

    Example: recwatch reviews --document stalking
    """
    from pipeline.review.diff_render import reviews_text
    from pipeline.store.corrections import review_rows

    rows = review_rows(_db_url(ctx))
    if document is not None:
        from pipeline.review.diff import document_item_ids

        ids = document_item_ids(_db_url(ctx), document)
        rows = [r for r in rows if r["item_id"] in ids]
    if as_json:
        click.echo(_json({"needs_review": rows}))
    elif rows:
        colour = sys.stdout.isatty() and "NO_COLOR" not in os.environ
        click.echo(reviews_text(rows, colour), color=colour)
    else:
        click.echo("Nothing needs review.", err=True)


@click.command()
@click.option("--host", help="Interface to bind [default: 127.0.0.1]; other hosts' Host headers "
              "are refused unless this is given.")  # fmt: skip
@click.option("--port", type=click.IntRange(0, 65535), default=0, show_default=True,
              help="Port to listen on (0: a free one).")  # fmt: skip
@click.option("--no-browser", is_flag=True, help="Do not open a browser; only print the URL.")
@click.option("--user", help="Who the corrections are by [default: $USER].")
@click.pass_context
def review(
    ctx: click.Context, host: str | None, port: int, no_browser: bool, user: str | None
) -> None:
    """Review and correct the register in the browser: queue, items beside their pages.

    Starts a local web application on the store (Ctrl-C stops it). Corrections made there
    are the same rows as `recwatch correct` writes; undo takes your last one back.

    Example: recwatch review --no-browser --port 8800
    """
    from pipeline.review.server import serve

    config: Config = ctx.find_object(Config) or resolve()
    who = user or os.environ.get("USER") or getpass.getuser()
    serve(config, host, port, who, open_browser=not no_browser)
