"""Click option callbacks shared by the command modules."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from typing import Any

import click


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
