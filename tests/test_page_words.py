"""Packed page words: PDFium's word tuples packed directly read back as the same words."""

from __future__ import annotations

from extractors.text import PageWords, Word


def test_rows_pack_like_words_and_survive_the_cache() -> None:
    """from_rows packs what PageWords(words) packs; to_json and from_json keep every field."""
    rows = [
        ("Recom", 10.0, 40.5, 100.0, 112.0, 12.0, "Arial-BoldMT"),
        ("é", 41.0, 45.0, 100.0, 112.0, 9.5, "Arial"),
        ("mendation", 50.0, 90.0, 100.25, 112.0, 12.0, "Arial"),
    ]
    bold = {"Arial-BoldMT": True, "Arial": False}
    words = [
        Word(t, x0, x1, top, bottom, size, bold[f]) for t, x0, x1, top, bottom, size, f in rows
    ]
    packed = PageWords.from_rows(rows, bold)
    assert list(packed) == words
    assert list(PageWords(words)) == words
    assert list(PageWords.from_json(packed.to_json())) == words
    assert len(packed) == 3
    assert list(PageWords.from_rows([], {})) == []
