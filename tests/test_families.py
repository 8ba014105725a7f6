"""Layout families real reports use, each in two visual variants, extracted end to end.

Every family (tests/fixtures/families.py) must yield exactly its items, with their pages and
text, and raise no self-check warning; the two variants of a family differ in typeface, size,
spacing and numbering style, so that no family is recognised by one typeface.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from fixtures.families import FAMILIES, VARIANTS, all_cases, build_family

from extractors.checks import is_self_check
from pipeline.common.jsonio import document_to_json
from pipeline.evaluate.scores import score_document
from pipeline.run.extract import extract_pdf


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder for every family PDF of this module."""
    return tmp_path_factory.mktemp("families")


def _extract(family: str, variant: str, out: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    pdf, gold = build_family(family, variant, out)
    return gold, document_to_json(extract_pdf(pdf))


@pytest.mark.parametrize(("family", "variant"), all_cases())
def test_family_yields_exactly_its_items(family: str, variant: str, out_dir: Path) -> None:
    gold, predicted = _extract(family, variant, out_dir)
    counts = score_document(gold, predicted).counts
    found = [(i["kind"], i["number"], i["text"][:60]) for i in predicted["items"]]
    assert counts.tp == counts.gold == counts.predicted, found
    assert counts.exact == counts.tp, found  # the text of each item, no more and no less
    assert counts.page_ok == counts.tp, found
    assert not [w for w in predicted["warnings"] if is_self_check(w)]


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_the_two_variants_of_a_family_look_different(family: str, out_dir: Path) -> None:
    fonts = []
    for variant in VARIANTS:
        pdf, _ = build_family(family, variant, out_dir)
        with pdfplumber.open(pdf) as doc:
            fonts.append({c["fontname"] for c in doc.pages[-1].chars})
    assert fonts[0].isdisjoint(fonts[1])


def test_there_are_twenty_three_families_in_two_variants() -> None:
    assert len(FAMILIES) >= 23
    assert len(all_cases()) == 2 * len(FAMILIES)


@pytest.mark.parametrize(
    ("family", "owners"),
    [
        # "College" in the owner column is the College of Policing that the row names in full
        ("annex_table", [("chief_constables",), ("home_office",), ("college_of_policing",)]),
        ("row_ruled_table", [("chief_constables",), ("chief_constables",), ("home_office",)]),
    ],
)
def test_a_table_gives_each_row_its_owner_and_due_date(
    family: str, owners: list[tuple[str, ...]], out_dir: Path
) -> None:
    pdf, _ = build_family(family, "serif", out_dir)
    items = extract_pdf(pdf).items
    assert [i.addressees for i in items] == owners
    due = [(i.deadline.date.year, i.deadline.granularity) if i.deadline and i.deadline.date
           else None for i in items]  # fmt: skip
    assert due == [(2027, "year"), (2027, "year"), (2028, "year")]  # "2027" under "Due by"/"By"
