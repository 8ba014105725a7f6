"""Stable item ids: content-derived, unique within a document."""

from __future__ import annotations

from factories import make_item

from models.ids import item_id, item_ids

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
