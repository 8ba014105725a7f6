"""Store commands: `recwatch db upgrade` and `recwatch db current`.

Thin, like `pipeline.cli.main`: parse options, call one store function, print the outcome. The store
modules (SQLAlchemy, Alembic) are imported inside the commands so `recwatch --help` stays fast.
"""

from __future__ import annotations

import click

from pipeline.common.config import Config, resolve


def _url(ctx: click.Context) -> str:
    """Return the store URL: the last `--db` given (before or after `db`), else the default."""
    config: Config = ctx.find_object(Config) or resolve()
    return config.db_url


def _shown(url: str) -> str:
    """Return the URL with its password masked."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


@click.group()
def db() -> None:
    """Manage the store's schema (SQLite or PostgreSQL): upgrade it, show its revision.

    Example: recwatch db upgrade --db postgresql+psycopg://recwatch@dbhost/recwatch
    """


@db.command()
@click.pass_context
def upgrade(ctx: click.Context) -> None:
    """Create the store or migrate it to the newest schema (every command also does this).

    A store written before migrations existed is recognised, stamped and upgraded. The upgrade
    is one transaction: on failure nothing changes.

    Example: recwatch db upgrade --db data/processed/recwatch.db
    """
    from models.store import upgrade_store

    url = _url(ctx)
    done = upgrade_store(url)
    if done.stamped:
        click.echo(
            f"Recognised a store written before migrations: revision {done.stamped}", err=True
        )
    start = done.stamped or done.before
    if start == done.after:
        click.echo(f"{_shown(url)} is already at revision {done.after} (head)", err=True)
    else:
        click.echo(
            f"{_shown(url)} upgraded from {start or 'empty'} to {done.after} (head)", err=True
        )


@db.command()
@click.pass_context
def current(ctx: click.Context) -> None:
    """Print the store's schema revision, and whether it is the newest this recwatch knows.

    Example: recwatch db current
    """
    from models.migrate import head_revision
    from models.store import store_revision

    revision = store_revision(_url(ctx))
    head = head_revision()
    if revision == head:
        click.echo(f"{revision} (head)")
    elif revision is None:
        click.echo(f"none (head is {head}; `recwatch db upgrade` creates or stamps the store)")
    else:
        click.echo(f"{revision} (head is {head}; run `recwatch db upgrade`)")
