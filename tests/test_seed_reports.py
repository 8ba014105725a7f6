"""Extraction acceptance tests on HMICFRS-format PDFs built at test time from real quoted text.

The seed files in `../shared/seeds/` (committee papers and a force's recommendation register)
quote HMICFRS recommendations, areas for improvement, causes of concern and actions verbatim.
`fixtures.seeds` reads them; each quoted report becomes a PDF in a temporary directory with our
own cover, headings and narrative around the real item texts, in one of several layouts (summary
list with boxed repeats, table, boxes with an annex, inline labels). Expectations come from the
same parse, with pages recorded by reportlab; nothing from the seeds is stored in the repository.
Only kind, number, parent, pages and text are checked: the seeds do not state addressees.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fixtures.builder import BuiltReport, build_report, collapse
from fixtures.matching import compare_items
from fixtures.seeds import SEED_LAYOUTS, SeedReport, load_seed_reports, seed_to_report

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
REPORTS: list[SeedReport] = load_seed_reports(SEEDS) if SEEDS.is_dir() else []
CASES = [pytest.param(i, id=r.slug) for i, r in enumerate(REPORTS)] or [
    pytest.param(-1, id="no-seeds")
]


def _seed(index: int) -> SeedReport:
    if index < 0:
        pytest.skip(f"seed files not available at {SEEDS} (they live outside the repository)")
    return REPORTS[index]


def _build(index: int, directory: Path) -> BuiltReport:
    seed = _seed(index)
    layout = SEED_LAYOUTS[index % len(SEED_LAYOUTS)]
    return build_report(seed_to_report(seed, layout), directory / f"{seed.slug}.pdf")


def test_seed_parser_reads_every_kind() -> None:
    """The seed parser finds clean items of every kind, with sub-numbers and addressee lines."""
    if not REPORTS:
        pytest.skip(f"seed files not available at {SEEDS}")
    items = [it for r in REPORTS for it in r.items]
    assert {it.kind for it in items} == {
        "recommendation",
        "area_for_improvement",
        "cause_of_concern",
        "action",
    }
    assert any(it.number and re.fullmatch(r"\d+[a-z]", it.number) for it in items)
    assert any(it.to_line for it in items)
    assert sum(r.published is not None for r in REPORTS) >= 5
    for r in REPORTS:
        numbers = [it.number for it in r.items if it.number]
        assert len(numbers) == len(set(numbers)), f"{r.slug}: duplicate numbers {numbers}"
        for it in r.items:
            text = collapse(
                " ".join(p if isinstance(p, str) else " ".join(p.items) for p in it.parts)
            )
            assert len(text) > 20, f"{r.slug} {it.number}: {text!r}"
            assert not re.search(r"<[a-z/]|\t|\[\d+\]|\x00", text), f"{r.slug}: residue in {text!r}"
            assert not re.match(r"(Recommendation|Area for|Action)\b", text), text


@pytest.mark.parametrize("index", CASES)
def test_seed_report_items_extracted(index: int, tmp_path: Path) -> None:
    """Each quoted item is extracted once, with kind, number, parent, pages and text."""
    from pipeline.run.extract import extract_pdf

    built = _build(index, tmp_path)
    result = extract_pdf(built.path)
    problems = compare_items(built.items, result.items)
    assert not problems, f"{built.path.name}: {len(problems)} problem(s)\n" + "\n".join(problems)


@pytest.mark.parametrize("index", CASES)
def test_seed_report_publication_date(index: int, tmp_path: Path) -> None:
    """The cover's publication date is read when the seed gives a full date."""
    from pipeline.run.extract import extract_pdf

    seed = _seed(index)
    if seed.published is None:
        pytest.skip("the seed gives only a month for this report")
    result = extract_pdf(_build(index, tmp_path).path)
    assert result.metadata.published == seed.published
