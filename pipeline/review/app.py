"""`recwatch review`: a local Flask application over the store.

Pages call the same library functions as the CLI (the queue and document queries, corrections,
accept and undo); there is no other way of writing. Every POST carries the server's CSRF token,
every page is rendered by `pipeline.render.jinja` (autoescape on: item text comes from PDFs), and a
request naming another host is refused unless the server was bound to a chosen `--host`.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote, urlsplit

from flask import Flask, Response, abort, jsonify, redirect, request, send_file
from sqlalchemy.orm import Session

from pipeline.common.errors import PipelineError
from pipeline.render.jinja import render_page
from pipeline.review.actions import accept_item, in_transaction, undo_last
from pipeline.review.settings import ReviewSettings
from pipeline.store.corrections import CorrectionRequest, StaleError, make_correction

T = TypeVar("T")
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
ACTIONS = ("accept", "reject", "text", "addressees", "deadline")


def _read(settings: ReviewSettings, work: Callable[[Session], T]) -> T:
    """Run a read-only query on the store."""
    from models.store import open_existing_store

    engine = open_existing_store(settings.db_url)
    try:
        with Session(engine) as session:
            return work(session)
    finally:
        engine.dispose()


def _guard(settings: ReviewSettings) -> None:
    """Refuse foreign Host headers and state-changing requests without the CSRF token."""
    host = urlsplit(f"//{request.host}").hostname or ""
    if settings.check_host and host.casefold() not in LOCAL_HOSTS:
        abort(Response(f"Refused: this server answers to 127.0.0.1, not {host}.\n", 400))
    if request.method != "GET":
        sent = request.form.get("csrf", "")
        if not hmac.compare_digest(sent.encode(), settings.token.encode()):
            abort(Response("Refused: the form has no valid CSRF token; reload the page.\n", 403))


def create_app(settings: ReviewSettings) -> Flask:
    """Return the review application for one store."""
    from pipeline.review import views

    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = 1_000_000
    app.before_request(lambda: _guard(settings))
    app.add_url_rule("/", "queue", lambda: views.queue_page(settings, _read))
    app.add_url_rule(
        "/document/<sha256>",
        "document",
        lambda sha256: views.document_page(settings, _read, sha256),
    )
    app.add_url_rule(
        "/page/<sha256>/<int:page>.png", "page", lambda sha256, page: _page(settings, sha256, page)
    )
    app.add_url_rule(
        "/page/<sha256>/<int:page>/text",
        "page_text",
        lambda sha256, page: _page_text(settings, sha256, page),
    )
    app.add_url_rule(
        "/item/<path:item_id>/<action>",
        "act",
        lambda item_id, action: _act(settings, item_id, action),
        methods=["POST"],
    )
    app.add_url_rule(
        "/document/<sha256>/add", "add", lambda sha256: _add(settings, sha256), methods=["POST"]
    )
    app.add_url_rule("/undo", "undo", lambda: _undo(settings), methods=["POST"])
    app.wsgi_app = _with_bodies(app.wsgi_app, settings.bodies_file)  # type: ignore[method-assign]
    return app


def _with_bodies(wsgi: Any, bodies_file: Path | None) -> Any:
    """The WSGI app with registry look-ups using the extra aliases file in every request thread.

    The command line sets that file for its own thread only; the server's request threads start
    without it.
    """
    from extractors.registry import extra_bodies

    def scoped(environ: Any, start_response: Any) -> Any:
        with extra_bodies(bodies_file):
            return wsgi(environ, start_response)

    return scoped


def _pdf(settings: ReviewSettings, sha256: str) -> Path:
    """Return a stored document's PDF, or answer 404."""
    from models import db
    from pipeline.review.page_image import find_pdf, recorded_paths

    document = _read(settings, lambda s: s.get(db.Document, sha256))
    if document is None:
        abort(404)
    recorded = _read(settings, lambda s: recorded_paths(s, sha256))
    try:
        return find_pdf(document.file, sha256, settings.data_dir / "raw", recorded)
    except PipelineError as exc:
        abort(Response(str(exc), 404))


def _page(settings: ReviewSettings, sha256: str, page: int) -> Response:
    """Send one page of a document as PNG (rendered once, then from the cache)."""
    from pipeline.review.page_image import page_png

    pdf = _pdf(settings, sha256)
    try:
        png = page_png(pdf, sha256, page, settings.data_dir / "processed" / "pages")
    except PipelineError as exc:
        abort(Response(str(exc), 404))
    return send_file(png, mimetype="image/png", max_age=3600)


def _page_text(settings: ReviewSettings, sha256: str, page: int) -> Response:
    """Answer the text inside a box selected on a page image, as JSON {"text": ...}."""
    from pipeline.review.page_image import Box, text_in_box

    pdf = _pdf(settings, sha256)
    try:
        box = Box(*(float(request.args[k]) for k in ("left", "top", "width", "height")))
        text = text_in_box(pdf, page, box)
    except (KeyError, ValueError):
        abort(Response("give left, top, width and height in percent\n", 400))
    except PipelineError as exc:
        abort(Response(str(exc), 404))
    return jsonify({"text": text})


def _back(sha256: str, message: str) -> Response:
    """Redirect to a document's page (or the queue) with a message."""
    target = f"/document/{sha256}" if sha256 else "/"
    return redirect(f"{target}?done={quote(message)}", code=303)  # type: ignore[return-value]


def _refused(settings: ReviewSettings, sha256: str, exc: PipelineError) -> Response:
    """Show the page again with why nothing was changed (409 when the item changed)."""
    from pipeline.review import views

    status = 409 if isinstance(exc, StaleError) else 400
    if not sha256:
        return Response(render_page("review_error.html.j2", message=str(exc)), status)
    page = views.document_page(settings, _read, sha256, error=str(exc))
    return Response(page, status)


def _request(settings: ReviewSettings, item_id: str, action: str) -> CorrectionRequest:
    """Build the correction a form asks for (addressee names resolved like the CLI's)."""
    form = request.form
    common: dict[str, Any] = {
        "item_id": item_id,
        "by": settings.user,
        "note": form.get("note") or None,
        "base": form.get("base") or None,
    }
    if action == "reject":
        return CorrectionRequest(**common, reject=True)
    if action == "text":
        return CorrectionRequest(**common, text=" ".join(form.get("text", "").split()) or None)
    if action == "deadline":
        return CorrectionRequest(**common, deadline=form.get("deadline") or "none")
    from pipeline.store.bodies import correction_bodies

    names = [n for n in form.getlist("addressee") if n.strip()]
    bodies = correction_bodies(names, settings.db_url, new_body=bool(form.get("new_body")))
    return CorrectionRequest(**common, addressees=bodies)


def _act(settings: ReviewSettings, item_id: str, action: str) -> Response:
    """Apply one action to an item through the library; one transaction."""
    sha256 = request.form.get("document", "")
    if action not in ACTIONS:
        abort(404)
    now = datetime.now()
    try:
        if action == "accept":
            form = request.form
            note, base = form.get("note") or None, form.get("base") or None
            fields = in_transaction(
                settings.db_url,
                lambda s: accept_item(s, item_id, settings.user, note, base, now),
            )
        else:
            wanted = _request(settings, item_id, action)
            fields = in_transaction(settings.db_url, lambda s: make_correction(s, wanted, now))
    except PipelineError as exc:
        return _refused(settings, sha256, exc)
    return _back(sha256, f"{action}: corrected {', '.join(fields)} of {item_id}")


def _add(settings: ReviewSettings, sha256: str) -> Response:
    """Add a missed item to a document from its pasted text, kind, number and page."""
    from models import db
    from models.ids import publication_key

    form = request.form
    document = _read(settings, lambda s: s.get(db.Document, sha256))
    if document is None:
        abort(404)
    number = "".join(form.get("number", "").split())
    key = publication_key(document.publisher, document.title, document.sha256)
    try:
        if not number:
            raise PipelineError("an added item needs its number", "type the number it has")
        page = int(form.get("page") or 1)
        wanted = CorrectionRequest(
            item_id=f"{key}:{form.get('kind', 'recommendation')}:{number}",
            by=settings.user,
            note=form.get("note") or None,
            text=" ".join(form.get("text", "").split()) or None,
            add=True,
            page=page,
        )
        in_transaction(settings.db_url, lambda s: make_correction(s, wanted, datetime.now()))
    except ValueError:
        return _refused(settings, sha256, PipelineError("the page is not a number", "type it"))
    except PipelineError as exc:
        return _refused(settings, sha256, exc)
    return _back(sha256, f"added {wanted.item_id}")


def _undo(settings: ReviewSettings) -> Response:
    """Take back this analyst's last correction."""
    sha256 = request.form.get("document", "")
    try:
        said = in_transaction(settings.db_url, lambda s: undo_last(s, settings.user))
    except PipelineError as exc:
        return _refused(settings, sha256, exc)
    return _back(sha256, said)
