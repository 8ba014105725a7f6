"""What a document asks of everyone it is sent to: its recipients and when they must respond.

A coroner's report lists the bodies it is "being sent to" and tells them to respond within 56
days; a conduct authority's letter ends by telling "the organisations to which these
recommendations are addressed" when to answer. Those instructions stand over every item that
names no body or deadline of its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from models.records import Line

_RECIPIENTS_HEADING_RE = re.compile(
    r"^(?:this\s+(?:report|letter|notice)\s+(?:is\s+)?(?:being\s+)?(?:sent|addressed)\s+to|"
    r"(?:report\s+)?sent\s+to|addressed\s+to|recipients?)\s*:?\s*$",
    re.IGNORECASE,
)
_ENTRY_RE = re.compile(r"^(?:\d{1,2}[.)]|\(?[a-z]\)|[•●▪-])\s+(?P<rest>\S.*)$")
# "The Chief Executive, Harland Valley NHS Foundation Trust": the body is after the post.
_POST_RE = re.compile(
    r"^(?:the\s+)?(?:chief|director|head|secretary|clerk|leader|chair|minister|"
    r"commissioner|principal|governor|registrar|accountable)[^,]{0,60},\s*(?P<body>\S.*)$",
    re.IGNORECASE,
)
_MAX_RECIPIENTS = 12
# A limit on the response counted from this document, addressed to its readers.
_RESPONSE_DUE_RE = re.compile(
    r"\b(?:you|your|(?:organisations?|bodies|recipients?|agencies)\s+(?:to\s+which|to\s+whom))\b"
    r"[^.]{0,80}?\b(?:respond|provide\s+(?:a|your)\s+(?:written\s+)?response|reply)\b[^.]{0,40}?"
    r"(?P<due>\bwithin\s+\w+(?:[- ]\w+)?\s+(?:days|weeks|months)\s+of\s+"
    r"(?:the\s+date\s+of\s+|receiving\s+|receipt\s+of\s+)?(?:this|the)\s+(?:report|letter|notice)"
    r"(?:,?\s+(?:namely|that\s+is|i\.e\.)\s+(?:by|on)\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4})?)",
    re.IGNORECASE,
)


_RESPOND_WORD_RE = re.compile(r"\b(?:respond|response|reply)\b", re.IGNORECASE)


def recipients(lines: Sequence[Line]) -> tuple[str, ...]:
    """The bodies listed under "This report is being sent to:", posts dropped."""
    for k, line in enumerate(lines):
        if _RECIPIENTS_HEADING_RE.match(line.text.strip()):
            return _entries(lines[k + 1 : k + 1 + _MAX_RECIPIENTS])
    return ()


def _entries(lines: Sequence[Line]) -> tuple[str, ...]:
    """The enumerated lines that open the list: it ends at the first line that is not one."""
    found: list[str] = []
    for line in lines:
        entry = _ENTRY_RE.match(line.text.strip())
        if entry is None or line.bold:
            break
        text = entry.group("rest").strip().rstrip(";.,")
        post = _POST_RE.match(text)
        found.append(post.group("body") if post else text)
    return tuple(found)


def response_due(lines: Sequence[Line]) -> str | None:
    """The phrase giving readers their time to respond ("within 56 days of this report")."""
    # only the few lines around a word of responding: a long report is never joined whole
    for k, line in enumerate(lines):
        if _RESPOND_WORD_RE.search(line.text):
            window = " ".join(ln.text for ln in lines[max(0, k - 2) : k + 4])
            found = _RESPONSE_DUE_RE.search(" ".join(window.split()))
            if found:
                return found.group("due")
    return None
