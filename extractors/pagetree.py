"""How many pages a PDF's page tree holds, when it disagrees with the pages PDFium read.

PDFium takes a page count from the page tree's /Count and reads that many pages: a /Count of
3.5 over ten pages reads three and says nothing. Walking the tree costs seconds on a long
report, so it is walked only when the file's own bytes hint at a disagreement: more page objects
in plain sight than pages read, or a /Count that is not a whole number.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

_PAGE_OBJECT_RE = re.compile(rb"/Type\s*/Page(?![A-Za-z0-9#])")
_COUNT_RE = re.compile(rb"/Count\s*([^\s/>\]]*)")
_WHOLE_RE = re.compile(rb"\+?\d{1,9}$")
_MAX_NODES = 200_000  # a page tree is never this big; a cycle or a bomb is


@dataclass(frozen=True, slots=True)
class PageTree:
    """What the page tree holds: its pages (leaves reached through /Kids) and its root's /Count."""

    pages: int
    count: str


def missed_pages(path: Path, read: int) -> PageTree | None:
    """The page tree when it holds more pages than the `read` ones, else None (or unknown)."""
    data = path.read_bytes()
    counts = _COUNT_RE.findall(data)
    hinted = len(_PAGE_OBJECT_RE.findall(data)) > read or any(
        not _WHOLE_RE.match(c) for c in counts
    )
    if not hinted:
        return None
    try:
        tree = walk_page_tree(path)
    except Exception as exc:  # a tree too broken to walk: nothing more to say than PDFium
        logger.info("%s: page tree not walked (%s: %s)", path, type(exc).__name__, exc)
        return None
    return tree if tree is not None and tree.pages > read else None


def walk_page_tree(path: Path) -> PageTree | None:
    """Count the page tree's leaves through /Kids (cycles cut), with pdfminer."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    with path.open("rb") as fh:
        document = PDFDocument(PDFParser(fh))
        top = document.catalog.get("Pages")
        root = resolve1(top)
        if not isinstance(root, dict):
            return None
        count = resolve1(root.get("Count"))
        return PageTree(_leaves(top, resolve1), "missing" if count is None else str(count))


def _leaves(top: Any, resolve1: Any) -> int:
    leaves = 0
    seen: set[int] = set()
    stack = [top]
    while stack and len(seen) < _MAX_NODES:
        ref = stack.pop()
        objid = getattr(ref, "objid", None)
        if objid is not None:
            if objid in seen:
                continue
            seen.add(objid)
        node = resolve1(ref)
        if not isinstance(node, dict):  # a kid that is no page at all: a page that cannot load
            leaves += 1
            continue
        kids = resolve1(node.get("Kids"))
        if isinstance(kids, list) and getattr(node.get("Type"), "name", None) != "Page":
            stack.extend(reversed(kids))
        else:
            leaves += 1
    return leaves
