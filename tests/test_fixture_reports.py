"""Extraction acceptance tests on generated HMICFRS-style PDFs written in our own words.

Each fixture in `fixtures.reports` is rendered into a temporary directory. Its expectations come
from the builder (pages recorded by reportlab as it draws) and are pinned in `tests/golden/`;
`pytest --update-golden` rewrites those files after a deliberate change to a fixture.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from fixtures.builder import BuiltReport, build_report, dump_expected
from fixtures.matching import compare_items, normalise, similarity
from fixtures.reports import FIXTURES

GOLDEN = Path(__file__).resolve().parent / "golden"
NAMES = sorted(FIXTURES)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, BuiltReport]:
    """Every fixture rendered once for this module."""
    out = tmp_path_factory.mktemp("fixture_pdfs")
    return {name: build_report(FIXTURES[name](), out / f"{name}.pdf") for name in NAMES}


def _golden(name: str) -> dict[str, Any]:
    path = GOLDEN / f"{name}.json"
    if not path.exists():
        pytest.fail(
            f"{path} is missing: run `pytest tests/test_fixture_reports.py --update-golden`"
        )
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("name", NAMES)
def test_golden_matches_builder(
    name: str, built: dict[str, BuiltReport], update_golden: bool
) -> None:
    """The builder's expectations equal the pinned golden file (or rewrite it on request)."""
    expected = built[name].expected()
    path = GOLDEN / f"{name}.json"
    if update_golden:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dump_expected(expected), encoding="utf-8")
        return
    assert expected == _golden(name), (
        f"fixture {name} no longer renders as pinned in {path}; if the change is deliberate, "
        "run `pytest tests/test_fixture_reports.py --update-golden` and review the diff"
    )


@pytest.mark.parametrize("name", NAMES)
def test_rendering_is_deterministic(
    name: str, built: dict[str, BuiltReport], tmp_path: Path
) -> None:
    """Rendering the same fixture twice gives byte-identical PDFs."""
    again = build_report(FIXTURES[name](), tmp_path / f"{name}.pdf")
    assert again.path.read_bytes() == built[name].path.read_bytes()


def _words(text: str) -> list[str]:
    """Words and bullet marks of a text (footnote digits glued to words are separate tokens)."""
    return re.findall(r"[a-z]+|[0-9]+|•", normalise(text))


@pytest.mark.parametrize("name", NAMES)
def test_text_layer_reads_back(name: str, built: dict[str, BuiltReport]) -> None:
    """Every word of every expected item is in the PDF's text layer on the pages given."""
    b = built[name]
    with pdfplumber.open(b.path) as pdf:
        pages = [set(_words(p.extract_text() or "")) for p in pdf.pages]
    for item in b.items:
        span = set().union(*pages[item["page_start"] - 1 : item["page_end"]])
        missing = [w for w in _words(item["text"]) if w not in span]
        assert not missing, f"{item['kind']} {item['number']}: words not on its pages: {missing}"


def test_fixtures_keep_exercising_their_layouts(built: dict[str, BuiltReport]) -> None:
    """Guard the layouts the extraction tests rely on, so a fixture edit cannot quietly drop one."""
    peel = built["peel_force_report"].items
    assert any(i["page_end"] > i["page_start"] for i in peel), "PEEL: no item crosses a page"
    assert any(len(i["occurrences"]) > 1 for i in peel), "PEEL: no item is printed twice"
    assert {i["parent"] for i in peel if i["kind"] == "recommendation"} == {"1"}
    thematic = built["national_thematic_report"].items
    assert {"4a", "4b"} <= {i["number"] for i in thematic}
    assert all(len(i["occurrences"]) >= 3 for i in thematic), "thematic: annex repeat missing"
    sc = built["super_complaint_report"].items
    assert {i["kind"] for i in sc} == {"recommendation", "action"}
    assert all(i["deadline"] for i in sc if i["kind"] == "recommendation")
    assert built["negative_control_report"].items == []
    custody = built["custody_inspection_report"].items
    assert sum(i["number"] is None for i in custody) >= 4
    revisit = built["revisit_report"]
    assert {i["page_start"] for i in revisit.items} == {4}, "revisit: annex page moved"
    with pdfplumber.open(revisit.path) as pdf:
        assert pdf.pages[3].rotation == 90, "revisit: the annex page is no longer turned"
        assert pdf.pages[3].width > pdf.pages[3].height, "revisit: the annex is not landscape"


@pytest.mark.parametrize("name", NAMES)
def test_extraction_finds_every_item(name: str, built: dict[str, BuiltReport]) -> None:
    """Each expected item is extracted exactly once with kind, number, parent, pages and text."""
    from pipeline.run.extract import extract_pdf

    expected = _golden(name)["items"]
    result = extract_pdf(built[name].path)
    problems = compare_items(expected, result.items)
    assert not problems, f"{name}: {len(problems)} problem(s)\n" + "\n".join(problems)


@pytest.mark.parametrize("name", NAMES)
def test_extraction_reads_publication_date(name: str, built: dict[str, BuiltReport]) -> None:
    """The cover's "Published: ..." line gives the publication date."""
    from pipeline.run.extract import extract_pdf

    result = extract_pdf(built[name].path)
    published = result.metadata.published
    assert (published.isoformat() if published else None) == _golden(name)["published"]


@pytest.mark.parametrize("name", NAMES)
def test_extraction_tags_addressees_and_deadlines(name: str, built: dict[str, BuiltReport]) -> None:
    """Every item has the addressees and the deadline (phrase, date, kind) the fixture sets."""
    from pipeline.run.extract import extract_pdf

    result = extract_pdf(built[name].path)
    for want in _golden(name)["items"]:
        same = [i for i in result.items if (i.kind, i.number) == (want["kind"], want["number"])]
        item = max(same, key=lambda i: similarity(i.text, want["text"]))
        label = f"{name} {want['kind']} {want['number']}"
        assert sorted(item.addressees) == sorted(want["addressees"]), label
        deadline = item.deadline
        got = (
            None
            if deadline is None
            else {
                "text": deadline.text,
                "date": deadline.date.isoformat() if deadline.date else None,
                "kind": deadline.kind,
            }
        )
        assert got == want["deadline"], label
