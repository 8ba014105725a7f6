"""Click option callbacks shared by the command modules."""

from __future__ import annotations

from datetime import date

import click


def parse_day(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    """Parse an ISO date option (YYYY-MM-DD), naming the format when it is wrong."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from exc
