"""What a document asks of everyone it is sent to: its recipients and when they must respond.

A coroner's report lists the bodies it is "being sent to" and tells them to respond within 56
days; a conduct authority's letter ends by telling "the organisations to which these
recommendations are addressed" when to answer. Those instructions stand over every item that
names no body or deadline of its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors.vocabulary import HEAD_POSTS, NAME_HEADS
from models.records import Line, Recipient, Table

_RECIPIENTS_HEADING_RE = re.compile(
    # a form's section number first: "1 THIS REPORT IS BEING SENT TO:"
    r"^(?:(?:\d{1,2}|[IVX]{1,4})\.?\s+)?"
    r"(?:this\s+(?:report|letter|notice)\s+(?:is\s+)?(?:being\s+)?(?:sent|addressed)\s+to|"
    r"(?:report\s+)?sent\s+to|addressed\s+to|recipients?)\s*:?\s*"
    # the bodies run into the sentence: "… addressed to: (1) the Chief Constable …; and (2) …"
    r"(?P<inline>\(1\)\s.*)?$",
    re.IGNORECASE,
)
_INLINE_ENTRY_RE = re.compile(
    r"\(\d{1,2}\)\s+(?P<entry>.+?)(?=\s*(?:;\s*(?:and\s+)?)?\(\d{1,2}\)\s|$)"
)
_ENTRY_RE = re.compile(r"^(?:\d{1,2}[.)]|\(?[a-z]\)|[•●▪-])\s+(?P<rest>\S.*)$")
# "The Chief Executive, Harland Valley NHS Foundation Trust": the body is after the post.
_POST_RE = re.compile(
    r"^(?:the\s+)?(?:chief|director|head|secretary|clerk|leader|chair|minister|"
    r"commissioner|principal|governor|registrar|accountable)[^,]{0,60},\s*(?P<body>\S.*)$",
    re.IGNORECASE,
)
# "The Chief Fire Officer of Severn Vale Fire and Rescue Service": the body is after "of"
_HEAD_OF_RE = re.compile(
    r"^(?:the\s+)?(?:" + "|".join(p.replace(" ", r"\s+") for p in HEAD_POSTS) + r")\s+of\s+"
    r"(?:the\s+)?(?P<body>[A-Z].*)$",
    re.IGNORECASE,
)
_MAX_RECIPIENTS = 12
_TABLE_GAP = 60.0  # points between the heading and a table of recipients under it
_BODY_COLUMN_RE = re.compile(r"\b(?:organi[sz]ation|body|agency|service|trust)\b")
_ITEMS_COLUMN_RE = re.compile(r"\b(?:concerns?|items?|recommendations?|paragraphs?)\b")
# A limit on the response counted from this document, addressed to its readers.
_RESPONSE_DUE_RE = re.compile(
    r"\b(?:you|your|(?:organisations?|bodies|recipients?|agencies)\s+(?:to\s+which|to\s+whom))\b"
    r"[^.]{0,80}?\b(?:respond|provide\s+(?:a|your)\s+(?:written\s+)?response|reply)\b[^.]{0,40}?"
    r"(?P<due>\bby\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\b|"
    r"\bwithin\s+\w+(?:[- ]\w+)?\s+(?:days|weeks|months)\s+of\s+"
    r"(?:the\s+date\s+of\s+|receiving\s+|receipt\s+of\s+)?(?:this|the)\s+(?:report|letter|notice)"
    r"(?:,?\s+(?:namely|that\s+is|i\.e\.)\s+(?:by|on)\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4})?)",
    re.IGNORECASE,
)


_RESPOND_WORD_RE = re.compile(r"\b(?:respond|response|reply)\b", re.IGNORECASE)
_ADDRESSED_RE = re.compile(r"\b(?:you|your|to which|to whom)\b", re.IGNORECASE)
_LIMIT_WORD_RE = re.compile(r"\bwithin\b|\bby \d", re.IGNORECASE)


def recipients(lines: Sequence[Line], tables: Sequence[Table] = ()) -> tuple[Recipient, ...]:
    """The bodies listed under "This report is being sent to:" (posts dropped), as a list or
    as a table whose columns say which items each must answer, or as a sentence that directs
    each item to some of them ("Matters of concern 1 and 2 are directed to the Trust")."""
    for k, line in enumerate(lines):
        heading = _RECIPIENTS_HEADING_RE.match(line.text.strip())
        if heading and heading.group("inline"):
            listed = _inline_entries(lines[k : k + 4])
            return _directed(lines, listed) or listed
        if heading:
            below = [
                t for t in tables if t.page == line.page and 0 <= t.top - line.bottom < _TABLE_GAP
            ]
            if below:
                return _table_entries(below[0])
            printed = _entry_texts(lines[k + 1 : k + 1 + _MAX_RECIPIENTS])
            listed = tuple(Recipient(_body(text)) for text in printed)
            return _directed(lines, listed, printed) or listed
    return _to_field(lines)


# A notice's "To: Brackenfield Housing Association Limited" on its first page
_TO_FIELD_RE = re.compile(r"^To:\s+(?P<body>[A-Z][^,;]{2,80})$")
_COMPANY_SUFFIX_RE = re.compile(r"\s+(?:Limited|Ltd\.?|plc|PLC|LLP)$")
# what a body's name ends in (the registry vocabulary's heads), or a company's or association's
_BODY_HEAD_RE = re.compile(
    r"\b(?:"
    + "|".join(sorted({h.title() for h in NAME_HEADS} | {"Association", "Limited", "Ltd", "plc"}))
    + r")\b"
)


def _to_field(lines: Sequence[Line]) -> tuple[Recipient, ...]:
    """The body a notice is addressed to in a "To:" field on its first page (its company
    suffix dropped), when that names one organisation rather than a class of posts."""
    first = lines[0].page if lines else 0
    for line in lines:
        if line.page != first:
            break
        m = _TO_FIELD_RE.match(line.text.strip())
        if m and _BODY_HEAD_RE.search(m.group("body")):
            return (Recipient(_COMPANY_SUFFIX_RE.sub("", m.group("body")).rstrip(".")),)
    return ()


# "Matters of concern 1, 2 and 6 are directed to the Trust; matter of concern 4 is …"
_DIRECTED_RE = re.compile(
    r"\b(?:matters?\s+of\s+concern|concerns?|recommendations?)\s+"
    r"(?P<nums>\d{1,2}(?:\s*(?:,|and|to|[-–])\s*\d{1,2})*)\s+(?:is|are)\s+(?:directed|addressed)\s+to\s+"
    r"(?P<to>[^;.]{3,160})",
    re.IGNORECASE,
)


def _directed(
    lines: Sequence[Line], listed: Sequence[Recipient], printed: Sequence[str] = ()
) -> tuple[Recipient, ...]:
    """Each listed recipient with the items a sentence directs to it (by the end of its name:
    "the Trust" is the listed trust), or nothing when no sentence does."""
    found: dict[str, list[str]] = {}
    for k, line in enumerate(lines):
        if "directed to" not in line.text and "addressed to" not in line.text:
            continue
        text = " ".join(ln.text for ln in lines[max(0, k - 2) : k + 4])
        for m in _DIRECTED_RE.finditer(text):
            numbers = _numbers(m.group("nums"))
            for phrase in re.split(r",?\s+and\s+(?:to\s+)?", m.group("to")):
                body = _listed_as(phrase, listed, printed)
                if body is not None:
                    found.setdefault(body, []).extend(n for n in numbers if n not in found[body])
        if found:
            break
    return tuple(Recipient(body, tuple(numbers)) for body, numbers in found.items())


def _numbers(text: str) -> list[str]:
    """ "1, 2 and 6" and "1 to 5": the numbers, a range spelt out."""
    out: list[str] = []
    for m in re.finditer(r"(\d+)(?:\s*(?:to|[-–])\s*(\d+))?", text):
        first, last = int(m.group(1)), int(m.group(2) or m.group(1))
        out += [str(n) for n in range(first, min(last, first + 30) + 1)]
    return out


def _listed_as(phrase: str, listed: Sequence[Recipient], printed: Sequence[str] = ()) -> str | None:
    """The one listed body whose name ends with the phrase's words ("the Trust"), or whose
    entry opens with them (its post: "the Chief Constable") or gives them as its short name
    ("Meridian Custody Healthcare Ltd ('Meridian')")."""
    words = re.sub(r"^(?:to\s+)?the\s+", "", phrase.strip(), flags=re.IGNORECASE).lower().split()
    if not words:
        return None
    ends = [r.body for r in listed if r.body.lower().split()[-len(words) :] == words]
    if not ends and len(printed) == len(listed):
        said = " ".join(words)
        ends = [
            r.body
            for r, text in zip(listed, printed, strict=True)
            if re.sub(r"^the\s+", "", text.lower()).startswith(said + ",")
            or re.search(rf"\(['‘\"“]?{re.escape(said)}['’\"”]?\)", text.lower())
        ]
    return ends[0] if len(ends) == 1 else None


def _inline_entries(lines: Sequence[Line]) -> tuple[Recipient, ...]:
    """The bodies a sentence lists after the heading's words, "(1) …; and (2) …", up to the
    sentence's end (it may wrap over a few lines)."""
    text = " ".join(ln.text.strip() for ln in lines)
    text = text[text.index("(1)") :]
    text = re.split(r"(?<=[a-z)])\.(?:\s|$)", text, maxsplit=1)[0]
    return tuple(Recipient(_body(m.group("entry"))) for m in _INLINE_ENTRY_RE.finditer(text))


def _entry_texts(lines: Sequence[Line]) -> list[str]:
    """The enumerated lines that open the list, as printed (post and all): it ends at the
    first line that is not one."""
    found: list[str] = []
    for line in lines:
        entry = _ENTRY_RE.match(line.text.strip())
        if entry is None or line.bold:
            break
        found.append(entry.group("rest"))
    return found


def _table_entries(table: Table) -> tuple[Recipient, ...]:
    """Rows of a recipients table: its organisation column (else its first), and the item
    numbers of a column of concerns or items to answer, when it has one."""
    header = [cell.lower() for cell in table.rows[0]]
    body_col = next((i for i, h in enumerate(header) if _BODY_COLUMN_RE.search(h)), 0)
    items_col = next((i for i, h in enumerate(header) if _ITEMS_COLUMN_RE.search(h)), None)
    found: list[Recipient] = []
    for row in table.rows[1:]:
        if body_col >= len(row) or not row[body_col].strip():
            continue
        numbers = re.findall(r"\d+", row[items_col]) if items_col is not None else []
        found.append(Recipient(_body(row[body_col]), tuple(numbers)))
    return tuple(found)


def _body(text: str) -> str:
    """A recipient's body: "The Chief Executive, X Trust" is X Trust."""
    text = " ".join(text.split()).rstrip(";.,")
    text = re.sub(r"\s*\([^()]{1,40}\)$", "", text)  # its short name: "… Ltd ('Meridian')"
    post = _POST_RE.match(text) or _HEAD_OF_RE.match(text)
    return post.group("body") if post else text


def response_due(lines: Sequence[Line]) -> str | None:
    """The phrase giving readers their time to respond ("within 56 days of this report")."""
    # only the few lines around a word of responding: a long report is never joined whole
    for k, line in enumerate(lines):
        text = line.text
        # a substring test first: the word pattern over every line of a long report is costly
        maybe = "espon" in text or "eply" in text or "ESPON" in text or "EPLY" in text
        if maybe and _RESPOND_WORD_RE.search(text):
            window = " ".join(ln.text for ln in lines[max(0, k - 2) : k + 4])
            if not (_ADDRESSED_RE.search(window) and _LIMIT_WORD_RE.search(window)):
                continue  # "the Government's response …" tells no reader when to reply
            found = _RESPONSE_DUE_RE.search(" ".join(window.split()))
            if found:
                return found.group("due")
    return None


# A field's label alone, the bodies in the cell beside it: "Sent to | Network Rail"
SENT_TO_LABEL_RE = re.compile(r"^(?:(?:this\s+)?report\s+)?(?:sent|addressed)\s+to:?$", re.I)


def sent_to_bodies(lines: Sequence[Line]) -> str:
    """The bodies a "Sent to" field's cell lists, one to a line (a line opening in lower case
    or with "and" carries on the one above), posts dropped, joined by semicolons."""
    names: list[str] = []
    for line in lines:
        text = line.text.strip()
        if names and (text[:1].islower() or re.match(r"(?:and|&)\s", text)):
            names[-1] = f"{names[-1]} {text}"
        elif text:
            names.append(text)
    return "; ".join(_body(name) for name in names)
