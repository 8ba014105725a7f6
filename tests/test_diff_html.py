"""The HTML diff page in real headless Chromium: it opens, lists the changes, the filters work.

Chromium loads the page with filters in the URL hash (`#change=removed&kind=...`); the page's
script ticks the filter boxes and fires their change events, exactly as a click does, and
`--dump-dom` prints the DOM after the script ran. Skipped only when Chromium is not installed
and CI is not set; under CI (CI=true) a missing Chromium fails.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from browser import dump_dom

from pipeline.review.diff import Change, Diff, Group, Seen, compare
from pipeline.review.diff_render import html_page


def _seen(item_id: str, kind: str, number: str, text: str, **extra: object) -> Seen:
    fields: dict[str, object] = {
        "id": item_id,
        "publication": "a1b2c3d4e5f6",
        "document_sha256": "f" * 64,
        "file": "report <v2>.pdf",
        "title": "An inspection of <custody> & detention",
        "kind": kind,
        "number": number,
        "parent": None,
        "position": int(number),
        "text": text,
        "addressees": ("force",),
        "partners": (),
        "deadline": None,
        "pages": (3, 3),
    }
    fields.update(extra)
    return Seen(**fields)  # type: ignore[arg-type]


def _diff() -> Diff:
    rec1 = _seen("k:recommendation:1", "recommendation", "1", "The force should act now.")
    rec1b = _seen("k:recommendation:1", "recommendation", "1", "The force should act today.")
    rec2 = _seen("k:recommendation:2", "recommendation", "2", "Remove <script>alert(1)</script>")
    afi = _seen("k:area_for_improvement:3", "area_for_improvement", "3", "Improve supervision.")
    coc = _seen("k:cause_of_concern:4", "cause_of_concern", "4", "Calls go unanswered.")
    changes = [compare(rec1, rec1b), compare(rec2, None), compare(None, afi), compare(None, coc)]
    group = Group(
        "a1b2c3d4e5f6",
        rec1.title,
        ("report.pdf", "e" * 64),
        ("report <v2>.pdf", "f" * 64),
        tuple(c for c in changes if isinstance(c, Change)),
        unchanged=5,
    )
    return Diff("run 1", "run 2", (group,))


def _dump(page: Path, hash_: str, tmp_path: Path) -> str:
    """Load the page in headless Chromium and return the DOM after its scripts ran."""
    profile = tmp_path / f"profile{len(list(tmp_path.iterdir()))}"
    dom = dump_dom(f"{page.as_uri()}{hash_}", profile)
    assert 'data-ready="yes"' in dom, "the page's script did not run to the end"
    return dom


def _visible(dom: str) -> list[str]:
    """Return the data-id of every change <li> without the hidden attribute."""
    shown = []
    for tag in re.findall(r"<li [^>]*>", dom):
        if "hidden" not in tag:
            shown.append(re.search(r'data-id="([^"]*)"', tag).group(1))  # type: ignore[union-attr]
    return shown


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "site" / "diff.html"
    path.parent.mkdir()
    path.write_text(html_page(_diff()), encoding="utf-8")
    return path


def test_page_is_self_contained(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)=["']?(https?:|//)""", text)
    assert "<script>alert(1)</script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


def test_page_lists_every_change_in_chromium(page: Path, tmp_path: Path) -> None:
    dom = _dump(page, "", tmp_path)
    assert _visible(dom) == [
        "k:recommendation:1",
        "k:recommendation:2",
        "k:area_for_improvement:3",
        "k:cause_of_concern:4",
    ]
    assert '<span id="shown">4</span>' in dom
    assert "An inspection of &lt;custody&gt; &amp; detention" in dom
    assert "<del>now.</del>" in dom
    assert "<ins>today.</ins>" in dom


def test_filters_by_change_type_and_kind_in_chromium(page: Path, tmp_path: Path) -> None:
    removed = _dump(page, "#change=removed", tmp_path)
    assert _visible(removed) == ["k:recommendation:2"]
    assert '<span id="shown">1</span>' in removed
    added_afis = _dump(page, "#change=added&kind=area_for_improvement", tmp_path)
    assert _visible(added_afis) == ["k:area_for_improvement:3"]
    nothing = _dump(page, "#change=changed&kind=cause_of_concern", tmp_path)
    assert _visible(nothing) == []
    assert '<span id="shown">0</span>' in nothing
    assert re.search(r'<section class="report"[^>]* hidden', nothing)


def test_html_pages_come_from_autoescaping_jinja2_templates() -> None:
    from pipeline.render.jinja import TEMPLATES, environment

    assert environment().autoescape is True
    for name in ("diff.html.j2", "overview.html.j2"):
        assert (TEMPLATES / name).is_file()
        assert environment().get_template(name).render is not None  # compiles
