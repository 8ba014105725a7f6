"""Fuzzing: any text layer, item text or date leaves the splitter, tagger and deadline resolver
standing, and mutated fixture PDFs end as a success or a clean error, never a crash.

Example counts are modest so the suite stays fast; the seeds are fixed so a failure reproduces.
"""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path
from typing import get_args

import pytest
from fixtures.builder import build_report
from fixtures.reports import FIXTURES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.addressees import tag_addressees
from extractors.deadlines import find_deadlines, tag_deadlines
from extractors.items import split_items
from models.records import ITEM_KINDS, DeadlineKind, DocumentText, Item, Line, Metadata
from pipeline.run.budget import Budget, extract_budgeted

FUZZ = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Words that steer the splitter and taggers, mixed with arbitrary text.
VOCABULARY = (
    "Recommendation",
    "Recommendations",
    "Area for improvement",
    "Areas for improvement",
    "Cause of concern",
    "Action",
    "1",
    "2.",
    "(a)",
    "iv)",
    "•",
    "By 31 March 2025,",
    "Within six months,",
    "Immediately,",
    "by the end of 2026",
    "within 3 months of publication",
    "chief constables should",
    "the force should",
    "the College of Policing, working with the NPCC, should",
    "the Home Office and police and crime commissioners must",
    "We recommend that",
    "To the chief constable:",
    "Contents",
    "Page 3 of 12",
    "",
    " ",
)
DEADLINE_KINDS = set(get_args(DeadlineKind))

phrase = st.one_of(st.sampled_from(VOCABULARY), st.text(max_size=40))
texts = st.lists(phrase, min_size=1, max_size=6).map(" ".join)
days = st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)))


@st.composite
def lines(draw: st.DrawFn) -> Line:
    """One line anywhere on a page, in any font, holding steering words or noise."""
    x0 = draw(st.floats(0, 500, allow_nan=False))
    top = draw(st.floats(0, 800, allow_nan=False))
    size = draw(st.sampled_from([7.0, 9.0, 10.0, 11.0, 12.0, 14.0, 18.0, 24.0]))
    return Line(
        page=draw(st.integers(1, 4)),
        text=draw(texts),
        x0=x0,
        x1=x0 + draw(st.floats(1, 400, allow_nan=False)),
        top=top,
        bottom=top + size,
        size=size,
        bold=draw(st.booleans()),
        in_box=draw(st.booleans()),
        column=draw(st.integers(0, 1)),
    )


def _document(found: list[Line]) -> DocumentText:
    ordered = tuple(sorted(found, key=lambda ln: (ln.page, ln.column, ln.top)))
    return DocumentText(
        file="fuzz.pdf",
        sha256="0" * 64,
        pages=4,
        lines=ordered,
        page_heights=(842.0,) * 4,
    )


def _well_formed(items: list[Item], pages: int) -> None:
    for item in items:
        assert item.kind in ITEM_KINDS
        assert 1 <= item.page_start <= item.page_end <= pages
        assert item.text.strip()


@FUZZ
@given(st.lists(lines(), max_size=40))
def test_splitter_survives_any_text_layer(found: list[Line]) -> None:
    _well_formed(split_items(_document(found)), pages=4)


items = st.builds(
    Item,
    kind=st.sampled_from(ITEM_KINDS),
    number=st.one_of(st.none(), st.sampled_from(["1", "2", "3.1", "a"])),
    parent=st.none(),
    page_start=st.just(1),
    page_end=st.just(1),
    text=texts,
    lead_in=st.one_of(st.none(), texts),
    timing=st.one_of(st.none(), st.sampled_from(["Within three months:", "Immediately", "x"])),
    responsible=st.one_of(st.none(), texts),
)
metadata = st.builds(
    Metadata,
    title=st.one_of(st.none(), texts),
    publisher=st.one_of(st.none(), st.sampled_from(["HMICFRS", "Ofsted", "CQC"]), texts),
    published=days,
    subject=st.one_of(st.none(), st.sampled_from(["Northmoor Constabulary", "Leeds"]), texts),
)


@settings(FUZZ, max_examples=40)
@given(st.lists(items, max_size=5), metadata)
def test_addressee_tagger_survives_any_item(found: list[Item], meta: Metadata) -> None:
    tagged = tag_addressees(found, meta)
    assert len(tagged) == len(found)
    for item in tagged:
        assert all(isinstance(a, str) and a for a in item.addressees)
        assert all(isinstance(p, str) and p for p in item.partners)


@FUZZ
@given(st.lists(items, max_size=4), days)
def test_deadlines_are_resolved_or_explicitly_unresolved(
    found: list[Item], published: date | None
) -> None:
    tagged = tag_deadlines(found, published)
    assert len(tagged) == len(found)
    for item in tagged:
        assert item.deadline == (item.deadlines[0] if item.deadlines else None)
        for deadline in item.deadlines:
            assert deadline.kind in DEADLINE_KINDS
            assert deadline.text.strip()
            assert deadline.date is None or isinstance(deadline.date, date)
            if published is None and deadline.kind in ("relative", "immediate"):
                assert deadline.date is None, "relative deadlines need a publication date"


@settings(FUZZ, max_examples=80)
@given(texts, days)
def test_find_deadlines_survives_any_text(text: str, published: date | None) -> None:
    for deadline in find_deadlines(text, published):
        assert deadline.kind in DEADLINE_KINDS
        assert deadline.date is None or isinstance(deadline.date, date)


# --- mutated PDFs --------------------------------------------------------------------------

MUTANTS_PER_FIXTURE = 100
MUTATED_FIXTURES = ("super_complaint_report", "custody_inspection_report")


def mutate(data: bytes, rng: random.Random) -> bytes:
    """Flip bytes, truncate, drop or duplicate a chunk, or scribble over a region."""
    out = bytearray(data)
    operation = rng.choice(("flip", "truncate", "drop", "duplicate", "scribble"))
    if operation == "flip":
        for _ in range(rng.randint(1, 40)):
            out[rng.randrange(len(out))] = rng.randrange(256)
    elif operation == "truncate":
        del out[rng.randrange(len(out)) :]
    elif operation == "drop":
        start = rng.randrange(len(out))
        del out[start : start + rng.randint(1, 4000)]
    elif operation == "duplicate":
        start = rng.randrange(len(out))
        chunk = out[start : start + rng.randint(1, 4000)]
        at = rng.randrange(len(out))
        out[at:at] = chunk
    else:
        start = rng.randrange(len(out))
        size = rng.randint(1, 500)
        out[start : start + size] = bytes(rng.randrange(256) for _ in range(size))
    return bytes(out)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Mutants of builder fixture PDFs, from a fixed seed."""
    out = tmp_path_factory.mktemp("mutants")
    rng = random.Random(20240612)  # noqa: S311 - reproducible mutants, not secrets
    paths: list[Path] = []
    for name in MUTATED_FIXTURES:
        source = build_report(FIXTURES[name](), out / f"{name}.pdf").path.read_bytes()
        for index in range(MUTANTS_PER_FIXTURE):
            path = out / f"{name}-{index:03d}.pdf"
            path.write_bytes(mutate(source, rng))
            paths.append(path)
    return paths


def test_mutated_pdfs_end_as_success_or_clean_error(mutants: list[Path]) -> None:
    outcomes = extract_budgeted(mutants, Budget(seconds=60, memory_mb=1536), jobs=2)
    crashes = [o.error for o in outcomes if o.error and "crashed" in o.error]
    assert crashes == []
    for outcome in outcomes:
        if outcome.ok:
            continue
        error = str(outcome.error)
        assert error.startswith(f"{outcome.path}: "), error
        assert "; " in error.partition(": ")[2], f"no fix named: {error}"
        assert "worker process" not in error, error  # no worker died on a mutant
    assert len(outcomes) == len(mutants) == 2 * MUTANTS_PER_FIXTURE
    assert any(o.ok for o in outcomes)
    assert any(not o.ok for o in outcomes)
