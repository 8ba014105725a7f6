"""Click option callbacks shared by the command modules."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import click

from models.records import ITEM_KINDS, KIND_SHORT
from pipeline.common.config import DB_ENV, Config, db_url_from, resolve

DB_KEY = "recwatch.db"  # ctx.meta key: the last --db given, at whatever level


def parse_day(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    """Parse an ISO date option (YYYY-MM-DD), naming the format when it is wrong."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from exc


def jobs_option(help_text: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """`--jobs N` worker processes, defaulting to the CPU count."""
    return click.option(
        "--jobs",
        type=click.IntRange(min=1),
        default=lambda: os.cpu_count() or 1,
        show_default="CPU count",
        help=help_text,
    )


def _take_db(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    """Remember `--db` and point this command's configuration at it (the last one given wins)."""
    if value is None:
        return
    ctx.meta[DB_KEY] = value
    config: Config = ctx.find_object(Config) or resolve()
    ctx.obj = replace(config, db_url=db_url_from(value, Path.cwd()))


def db_option() -> click.Option:
    """`--db URL|PATH`, the one definition every recwatch command and group carries."""
    return click.Option(
        ["--db"],
        metavar="URL|PATH",
        expose_value=False,
        callback=_take_db,
        help=f"Store: a SQLAlchemy URL or a SQLite file path, before or after the command "
        f"[env {DB_ENV}; default <data-dir>/processed/recwatch.db].",
    )


def with_db_option(command: click.Command) -> click.Command:
    """Give `command` (and, for a group, each of its commands) the shared `--db` option."""
    if not any(param.name == "db" for param in command.params):
        command.params.insert(0, db_option())
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            with_db_option(sub)
    return command


class KindChoice(click.Choice):  # type: ignore[type-arg]
    """An item kind, by name or by the short form tables print (`rec`, `afi`, `coc`)."""

    name = "kind"

    def __init__(self) -> None:
        super().__init__([*ITEM_KINDS, *(s for k, s in KIND_SHORT.items() if s != k)])

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        """Return the kind's full name for a full or short form."""
        chosen = super().convert(value, param, ctx)
        return {s: k for k, s in KIND_SHORT.items()}.get(chosen, chosen)


def kind_option() -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """`--kind KIND` (repeatable), full name or short form."""
    return click.option("--kind", type=KindChoice(), multiple=True, help="Item kind (repeatable).")


def progress_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """`--progress auto|bar|json|none`: progress on stderr (auto: a bar when it is a terminal)."""
    return click.option(
        "--progress",
        "progress_mode",
        type=click.Choice(["auto", "bar", "json", "none"]),
        default="auto",
        help="Progress on stderr: a bar (documents, pages/s, ETA) when it is a terminal, or one "
        "JSON line per document for schedulers.",
    )(command)
