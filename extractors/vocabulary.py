"""The words that make a sentence ask someone to act: one list shared by every extractor."""

from __future__ import annotations

import re

# Modal and reporting verbs that turn a sentence into a request of someone.
DIRECTIVE_RE = re.compile(
    r"\b(?:should|must|shall|recommend(?:s|ed)?|urge|encourage|invite|needs? to|ought to|is to|"
    r"are to)\b",
    re.IGNORECASE,
)
# A modal that looks back ("should have done") or praises ("should be commended") judges what
# happened; it asks nobody to do anything.
_JUDGES_RE = re.compile(
    r"\b(?:should|must|ought to|could|would)\s+(?:not\s+|never\s+)?have\s+\w+"
    r"|\bshould\s+be\s+(?:commended|praised|congratulated|applauded|welcomed|thanked|proud)\b",
    re.IGNORECASE,
)

# Verbs an item opens with when it is written as an instruction ("Review the policy …").
IMPERATIVES = frozenset(
    """
    ensure review improve develop establish introduce provide set make consider take implement
    monitor strengthen increase reduce address undertake publish create agree put extend
    complete secure work continue use carry raise embed evaluate identify assess understand
    support prioritise record share act adopt update commission appoint train build plan
    maintain deliver conduct produce set-up design check give seek tackle
    """.split()  # noqa: SIM905 (a word list reads better as words)
)


def directs(text: str) -> bool:
    """True when the text asks someone to act (a directive not only looking back or praising)."""
    return bool(DIRECTIVE_RE.search(_JUDGES_RE.sub(" ", text)))


def opens_with_imperative(text: str) -> bool:
    """True when the text's first word is an instruction verb ("Ensure …", "review …")."""
    words = text.split()
    return bool(words) and words[0].lower().strip(",.:;") in IMPERATIVES
