"""Text compared as words: the normal form used to match items, score them and find overlaps."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from difflib import SequenceMatcher

_TRANSLATE = str.maketrans(
    {
        "\u2018": "",
        "\u2019": "",
        "\u201a": "",
        "\u201b": "",
        "\u2032": "",
        "`": "",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u2022": " ",
        "\u25aa": " ",
        "\u25fc": " ",
        "\u25a0": " ",
        "\u25cf": " ",
        "\u25e6": " ",
        "\u2023": " ",
        "\u2219": " ",
        "\u00b7": " ",
        "\uf0b7": " ",
        "'": "",  # apostrophes vanish: "force's" and "force’s" both give "forces"
    }
)
_WORD = re.compile(r"[^\W_]+")


def normalise_words(text: str) -> tuple[str, ...]:
    """Return the text as lowercase words: quotes, dashes and bullets unified, punctuation gone."""
    folded = unicodedata.normalize("NFKC", text).lower().translate(_TRANSLATE)
    return tuple(_WORD.findall(folded))


def similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """Return difflib's ratio of two word sequences (1.0 for two empty ones)."""
    if not a and not b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def shingles(words: Sequence[str], n: int = 3) -> frozenset[tuple[str, ...]]:
    """Return the word n-grams of a text (the whole text when it is shorter than n words)."""
    if len(words) < n:
        return frozenset({tuple(words)}) if words else frozenset()
    return frozenset(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


def follows_on(prev: str, label: str | None) -> bool:
    """True when label is the next number or letter after prev (3 → 4, b → c, 2.1 → 2.2)."""
    if label is None:
        return False
    a, b = re.findall(r"\d+|[a-z]+", prev.lower()), re.findall(r"\d+|[a-z]+", label.lower())
    if not a or len(a) != len(b) or a[:-1] != b[:-1]:
        return False
    x, y = a[-1], b[-1]
    if x.isdigit() and y.isdigit():
        return int(y) == int(x) + 1
    return len(x) == len(y) == 1 and ord(y) == ord(x) + 1
