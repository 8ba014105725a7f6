"""Serve the review application on a local port until Ctrl-C (werkzeug's threaded server)."""

from __future__ import annotations

import logging
import webbrowser

import click

from pipeline.common.config import Config
from pipeline.review.app import create_app
from pipeline.review.settings import ReviewSettings

logger = logging.getLogger(__name__)


def serve(config: Config, host: str | None, port: int, user: str, open_browser: bool) -> None:
    """Start the server on the store, print its URL, open a browser if asked; block until Ctrl-C."""
    from werkzeug.serving import make_server

    from models.store import open_existing_store

    open_existing_store(config.db_url).dispose()  # a missing store is reported before serving
    settings = ReviewSettings(
        db_url=config.db_url,
        data_dir=config.data_dir,
        user=user,
        check_host=host is None,
        bodies_file=config.settings.extractors.bodies_file,
    )
    server = make_server(host or "127.0.0.1", port, create_app(settings), threaded=True)
    shown = "127.0.0.1" if host in (None, "0.0.0.0") else host  # noqa: S104 - shown, not bound
    url = f"http://{shown}:{server.server_port}/"
    click.echo(url)
    click.echo(f"Reviewing {config.db_url} as {user}; Ctrl-C stops.", err=True)
    if open_browser:
        webbrowser.open(url)
    try:
        server.serve_forever()  # returns on Ctrl-C (werkzeug catches KeyboardInterrupt)
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    click.echo("Stopped.", err=True)
