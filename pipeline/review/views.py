"""The pages of `recwatch review`: the queue and one document, rendered with autoescape."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from flask import request
from sqlalchemy.orm import Session

from models.records import ITEM_KINDS
from pipeline.common.errors import PipelineError
from pipeline.render.jinja import render_page

if TYPE_CHECKING:
    from pipeline.review.settings import ReviewSettings

T = TypeVar("T")
Reader = Callable[["ReviewSettings", Callable[[Session], T]], T]


def body_choices() -> tuple[tuple[str, str], ...]:
    """Return (what to type, registry id) for every id, name and alias: the type-ahead list."""
    from extractors.registry import active_bodies_file

    return _body_choices(active_bodies_file())


@cache
def _body_choices(extra: Path | None) -> tuple[tuple[str, str], ...]:
    from extractors.registry import load_registry

    out: dict[str, str] = {}
    for body in load_registry(extra):
        for form in (body.id, body.label or body.name, body.name, *body.aliases):
            out.setdefault(form, body.id)
    return tuple(sorted(out.items(), key=lambda kv: kv[0].casefold()))


def queue_page(settings: ReviewSettings, read: Reader[Any]) -> str:
    """Render the queue with the filters of the query string."""
    from pipeline.review.queue import QueueFilter, review_queue
    from pipeline.store.bodies import filter_bodies

    args = request.args
    error = None
    try:
        run = int(args["run"]) if args.get("run") else None
        names = [args["addressee"]] if args.get("addressee") else []
        wanted = QueueFilter(
            kinds=[k for k in args.getlist("kind") if k],
            addressees=filter_bodies(names, settings.db_url) if names else (),
            document=args.get("document") or None,
            run=run,
        )
    except (PipelineError, ValueError) as exc:
        error, wanted = str(exc), QueueFilter()
    queue = read(settings, lambda s: review_queue(s, wanted))
    return render_page(
        "review_queue.html.j2",
        queue=queue,
        args=args,
        kinds=ITEM_KINDS,
        bodies=body_choices(),
        error=error,
        done=args.get("done"),
        token=settings.token,
        user=settings.user,
    )


def _boxes(settings: ReviewSettings, view: dict[str, Any]) -> dict[str, list[Any]]:
    """Return the highlight boxes of each item on its first page (none without the PDF)."""
    from pipeline.review.page_image import find_pdf, highlight

    try:
        pdf = find_pdf(view["file"], view["sha256"], settings.data_dir / "raw", view["paths"])
    except PipelineError:
        return {}
    return {row["id"]: highlight(pdf, row["page_start"], row["text"]) for row in view["items"]}


def document_page(
    settings: ReviewSettings, read: Reader[Any], sha256: str, error: str | None = None
) -> str:
    """Render one document: items beside their page images, forms for each action."""
    from pipeline.review.document import document_view

    try:
        view = read(settings, lambda s: document_view(s, sha256))
    except PipelineError as exc:
        return render_page("review_error.html.j2", message=str(exc))
    return render_page(
        "review_document.html.j2",
        doc=view,
        boxes=_boxes(settings, view),
        kinds=ITEM_KINDS,
        bodies=body_choices(),
        error=error,
        done=request.args.get("done"),
        token=settings.token,
        user=settings.user,
        as_json=lambda value: json.dumps(value, ensure_ascii=False, sort_keys=True),
    )
