"""Stable item ids: content-derived, unique within a document."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

from factories import make_item

from models.ids import (
    RENUMBERED_SIMILARITY,
    KnownItem,
    assign_ids,
    item_id,
    item_ids,
    publication_key,
    similarity,
)

SHA = "3f2a9c1d0b7e" + "0" * 52


def test_numbered_item_id_is_sha_prefix_kind_and_number() -> None:
    assert item_id(SHA, "recommendation", "4a", "any text") == "3f2a9c1d0b7e:recommendation:4a"


def test_unnumbered_item_id_fingerprints_normalised_text() -> None:
    one = item_id(SHA, "action", None, "The  council should\nact.")
    assert one == item_id(SHA, "action", None, "the council SHOULD act.")
    assert one != item_id(SHA, "action", None, "The council should act now.")
    assert one.startswith("3f2a9c1d0b7e:action:t")
    assert len(one.rsplit(":", 1)[1]) == 11


def test_repeated_ids_in_one_document_get_suffixes() -> None:
    items = [make_item("1", "a"), make_item("1", "b"), make_item("2", "c"), make_item("1", "d")]
    assert [i.rsplit(":", 1)[1] for i in item_ids(SHA, items)] == ["1", "1~2", "2", "1~3"]


KEY = "a1b2c3d4e5f6"


def test_publication_key_ignores_case_spacing_and_punctuation_but_not_the_publisher() -> None:
    one = publication_key("HMICFRS", "Digital by default?  An inspection", "f" * 64)
    assert one == publication_key("hmicfrs", "digital by default: an\ninspection", "0" * 64)
    assert one != publication_key("Ofsted", "Digital by default? An inspection", "f" * 64)
    assert len(one) == 12
    assert publication_key("HMICFRS", None, SHA) == publication_key(None, "  ", SHA) == SHA[:12]


def _known(*items: tuple[str, str | None, str]) -> list[KnownItem]:
    return [
        KnownItem(f"{KEY}:recommendation:{n or 'x'}", "recommendation", n, t) for _, n, t in items
    ]


TEXTS = {
    "1": "Chief constables should review how their forces record stalking and harassment reports.",
    "2": "By March 2025 the College of Policing should publish guidance on digital evidence.",
    "3": "Forces should train every call handler to recognise vulnerability in the first call.",
}


def test_assign_ids_keeps_ids_through_renumbering_edits_and_removals() -> None:
    known = _known(*(("", n, t) for n, t in TEXTS.items()))
    items = [
        # old 1 removed; old 2 is now 1 (unchanged text); old 3 is now 2 and lightly edited
        make_item("1", TEXTS["2"]),
        make_item("2", TEXTS["3"].replace("every call handler", "all call handlers")),
        make_item("3", "The Home Office should fund a national helpline for victims of fraud."),
    ]
    ids = assign_ids(KEY, items, known)
    assert ids[0] == f"{KEY}:recommendation:2"
    assert ids[1] == f"{KEY}:recommendation:3"
    # a new item whose number is held by an earlier item gets a fresh, unused id
    assert ids[2] == f"{KEY}:recommendation:3~2"


def test_assign_ids_same_number_needs_similar_text() -> None:
    known = _known(("", "1", TEXTS["1"]))
    edited = TEXTS["1"].replace("review how", "urgently review how")
    assert assign_ids(KEY, [make_item("1", edited)], known) == [f"{KEY}:recommendation:1"]
    other = assign_ids(KEY, [make_item("1", TEXTS["2"])], known)
    assert other == [f"{KEY}:recommendation:1~2"]


def test_assign_ids_without_history_are_the_fresh_ids() -> None:
    items = [make_item("1", "a"), make_item(None, "b")]
    assert assign_ids(KEY, items, []) == item_ids(KEY, items)


def test_distinct_items_of_the_fixture_reports_stay_below_the_renumbering_threshold() -> None:
    worst = 0.0
    for path in sorted((Path(__file__).parent / "golden").glob("*.json")):
        items = json.loads(path.read_text(encoding="utf-8"))["items"]
        for a, b in itertools.combinations(items, 2):
            if a["kind"] == b["kind"]:
                worst = max(worst, similarity(a["text"], b["text"]))
    assert 0.2 < worst < 0.6 < RENUMBERED_SIMILARITY
