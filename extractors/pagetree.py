"""How many pages a PDF's page tree holds, when it disagrees with the pages PDFium read.

PDFium takes a page count from the page tree's /Count and reads that many pages: a /Count of
3.5 over ten pages reads three and says nothing. Walking the tree costs seconds on a long
report, so it is walked only when the file's own bytes hint at a disagreement: more page objects
in plain sight than pages read, more pages listed in the page tree's /Kids than read, or a
/Count that is not a whole number. When the tree cannot be walked (its catalog is damaged), the
pages its nodes list in plain sight are counted instead.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extractors.streams import object_header

logger = logging.getLogger(__name__)

_PAGE_OBJECT_RE = re.compile(rb"/Type\s*/Page(?![A-Za-z0-9#])")
_COUNT_RE = re.compile(rb"/Count\s*([^\s/>\]]*)")
_WHOLE_RE = re.compile(rb"\+?\d{1,9}$")
_PAGES_NODE_RE = re.compile(rb"/Type\s*/Pages(?![A-Za-z0-9#])")
_KIDS_RE = re.compile(rb"/Kids\s*\[([^\]]*)\]")
_REF_RE = re.compile(rb"(\d{1,10})\s+\d{1,5}\s+R\b")
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
    listed = listed_pages(data)
    hinted = (
        len(_PAGE_OBJECT_RE.findall(data)) > read
        or (listed is not None and listed.pages > read)
        or any(not _WHOLE_RE.match(c) for c in counts)
    )
    if not hinted:
        return None
    try:
        tree = walk_page_tree(path)
    except Exception as exc:  # a tree too broken to walk: what its nodes list says
        logger.info("%s: page tree not walked (%s: %s)", path, type(exc).__name__, exc)
        tree = None
    tree = tree or listed
    return tree if tree is not None and tree.pages > read else None


def listed_pages(data: bytes) -> PageTree | None:
    """The pages the page-tree nodes in plain sight list in their /Kids (None: no such node).

    Each node is read where it last appears (a later revision replaces an earlier one); a kid
    that is itself a node is not a page. The /Count is the root's: the node no other lists.
    """
    nodes: dict[int, bytes] = {}
    for match in _PAGES_NODE_RE.finditer(data):
        header = object_header(data, match.start())
        if header is not None:
            end = data.find(b"endobj", match.end())
            nodes[int(header.group(1))] = data[header.end() : end if end >= 0 else None]
    if not nodes:
        return None
    kids: dict[int, set[int]] = {}
    for objid, text in nodes.items():
        found = _KIDS_RE.search(text)
        kids[objid] = {int(r) for r in _REF_RE.findall(found.group(1))} if found else set()
    listed = set().union(*kids.values())
    roots = [objid for objid in nodes if objid not in listed]
    count = _COUNT_RE.search(nodes[roots[0]]) if roots else None
    return PageTree(
        len(listed - set(nodes)), count.group(1).decode("latin-1") if count else "missing"
    )


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


def content_pages(path: Path) -> dict[int, list[int]]:
    """Which pages (numbered from 1 in tree order) draw each content stream, by object number."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    pages: dict[int, list[int]] = {}
    with path.open("rb") as fh:
        document = PDFDocument(PDFParser(fh))
        top = document.catalog.get("Pages")
        for number, node in enumerate(_leaf_nodes(top, resolve1), start=1):
            contents = node.get("Contents") if isinstance(node, dict) else None
            refs = contents if isinstance(contents, list) else [contents]
            for ref in refs:
                objid = getattr(ref, "objid", None)
                if objid is not None:
                    pages.setdefault(objid, []).append(number)
    return pages


def _leaves(top: Any, resolve1: Any) -> int:
    return sum(1 for _ in _leaf_nodes(top, resolve1))


def _leaf_nodes(top: Any, resolve1: Any) -> Iterator[Any]:
    """The page tree's leaves in order (cycles cut); a kid that is no dictionary is a leaf too."""
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
            yield node
            continue
        kids = resolve1(node.get("Kids"))
        if isinstance(kids, list) and getattr(node.get("Type"), "name", None) != "Page":
            stack.extend(reversed(kids))
        else:
            yield node
