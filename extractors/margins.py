"""Labels printed apart from their text: in the margin beside it, or on a line of their own.

Some reports number every paragraph alike and mark the few that are items only by a short
label in the margin ("Recommendation", "Area for / improvement"), level with the paragraph's
first line. The label and the paragraph's number become one printed label ahead of its text
("Area for improvement 4.13: The force should …"), which the splitter reads as any other.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from extractors.item_patterns import LABEL_RE
from models.records import Line

# A kind's name, alone or with its number ("Recommendation 4.9"), as margins print it.
_KIND_RE = re.compile(
    r"^(?P<kind>recommendations?|areas? for improvement|causes? of concern|actions?)"
    r"(?:\s+(?P<num>\d{1,2}(?:\.\d{1,2}){0,2}))?$",
    re.IGNORECASE,
)
# A margin label read on one line with its paragraph ("Recommendation 6.4 Chief constables …").
_JOINED_RE = re.compile(
    r"^(?P<kind>recommendation|area for improvement|cause of concern|action)\s+"
    r"(?P<num>\d{1,2}(?:\.\d{1,2}){1,2})\s+(?P<rest>[A-Z].*)$",
    re.IGNORECASE,
)
_NUMBER_RE = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2}){0,2})\.?\s+(?P<rest>\S.*)$")
_LEFT_OF_BODY = 30.0  # how far left of the body's edge a margin label starts, in points
_MARGIN_WIDTH = 120.0  # wider than a margin's column of labels, in points
_LEVEL = 2.5  # how far apart the tops of a label and its paragraph's first line may be


def margin_labels(lines: Sequence[Line], body: float) -> list[Line]:
    """The lines with each margin label joined to the paragraph line level with it."""
    edges = _body_edges(lines, body)
    out = list(lines)
    drop: set[int] = set()
    for k, ln in enumerate(out):
        edge = edges.get(ln.page)
        if k in drop or edge is None or ln.x0 > edge - _LEFT_OF_BODY or ln.size > body + 0.5:
            continue
        joined = _JOINED_RE.match(ln.text)
        if joined:
            kind, number, rest = joined.group("kind", "num", "rest")
            out[k] = replace(ln, text=f"{kind} {number}: {rest}", x0=edge)  # at the body's edge
            continue
        parts = _label_lines(out, k)
        if _prose_under(out, parts[-1]):
            continue  # a label heading its own column's text, not a margin's
        label = _KIND_RE.match(" ".join(out[j].text for j in parts).strip())
        target = _level_line(out, ln) if label else None
        if label is None or target is None:
            continue
        text = out[target].text
        numbered = _NUMBER_RE.match(text)
        number = label.group("num") or (numbered.group("num") if numbered else None)
        if number is None:
            continue
        rest = numbered.group("rest") if numbered and not label.group("num") else text
        out[target] = replace(out[target], text=f"{label.group('kind')} {number}: {rest}")
        drop.update(parts)
    return [ln for k, ln in enumerate(out) if k not in drop]


def _body_edges(lines: Sequence[Line], body: float) -> dict[int, float]:
    """Each page's body text edge: where most lines of body-size text start."""
    starts: dict[int, Counter[int]] = {}
    for ln in lines:
        if abs(ln.size - body) <= 0.5:
            starts.setdefault(ln.page, Counter())[round(ln.x0)] += 1
    return {page: float(c.most_common(1)[0][0]) for page, c in starts.items()}


def _label_lines(lines: Sequence[Line], k: int) -> list[int]:
    """The margin line at k and those printed right under it at its left edge."""
    parts = [k]
    for j in range(k + 1, min(k + 6, len(lines))):
        last, ln = lines[parts[-1]], lines[j]
        if ln.page != last.page or ln.top - last.bottom > last.size:
            break
        if abs(ln.x0 - last.x0) <= 1.0 and ln.size == last.size and len(parts) < 3:
            parts.append(j)
    return parts


def _prose_under(lines: Sequence[Line], k: int) -> bool:
    """True when a line of prose, wider than a margin holds, starts right under line k at its
    left edge (the label heads the text of its own column: "Recommendation 1" over "The …")."""
    above = lines[k]
    return any(
        ln.page == above.page
        and 0 < ln.top - above.bottom <= 2 * above.size
        and abs(ln.x0 - above.x0) <= 1.0
        and ln.x1 - ln.x0 > _MARGIN_WIDTH
        for ln in lines[k + 1 : k + 4]
    )


def _level_line(lines: Sequence[Line], label: Line) -> int | None:
    """The body line whose top is level with the label's, well to its right."""
    for j, ln in enumerate(lines):
        if (
            ln.page == label.page
            and abs(ln.top - label.top) <= _LEVEL
            and ln.x0 >= label.x0 + _LEFT_OF_BODY
        ):
            return j
    return None


# A sub-item's number on a line of its own ("4a" over "Reconfigure the devices …")
_SUB_NUMBER_RE = re.compile(r"(?P<num>\d{1,3})(?P<letter>[a-h])\.?")
_LOOK_BACK = 12  # lines back to the label of the item the sub-item belongs to


def sub_numbers(lines: Sequence[Line]) -> list[Line]:
    """The lines with a sub-item's bare number ("4a"), set on a line of its own under its
    item's label ("Recommendation 4: Body-worn video"), joined to the text under it as that
    label's kind and the sub-item's number ("Recommendation 4a: Reconfigure …")."""
    out = list(lines)
    drop: set[int] = set()
    for k, ln in enumerate(out[:-1]):
        m = _SUB_NUMBER_RE.fullmatch(ln.text.strip()) if len(ln.text) <= 8 else None
        below = out[k + 1]
        if m is None or below.page != ln.page or below.top - ln.bottom > 2 * ln.size:
            continue
        if below.x0 < ln.x0 - 1 or not below.text[:1].isupper():
            continue
        kw = _parent_label(out[max(0, k - _LOOK_BACK) : k], m["num"])
        if kw is not None:
            out[k + 1] = replace(below, text=f"{kw} {m['num']}{m['letter']}: {below.text}")
            drop.add(k)
    return [ln for k, ln in enumerate(out) if k not in drop]


def _parent_label(above: Sequence[Line], number: str) -> str | None:
    """The keyword of the nearest label above numbering the item itself ("Recommendation 4")."""
    for ln in reversed(above):
        label = LABEL_RE.match(ln.text.strip())
        if label is not None and label["num"] == number:
            return label["kw"]
    return None


# A list entry coded as an item that finishes its lead-in's sentence: "R1 adopts …", "R5a the
# number of …" (a code followed by a capital is a risk's or a finding's, not such an entry)
_ENTRY_CODE_RE = re.compile(r"(?P<code>(?P<prefix>[A-Z]{1,3})-?\d{1,2}[a-z]?)\s+(?P<rest>[a-z].*)")
# A lead-in that recommends and hands its sentence to the list below: "It is recommended that
# the Board:", "We recommend that the Group:"
_RECOMMENDING_LEAD_RE = re.compile(r"\brecommend(?:s|ed)?\b.*:\s*$", re.IGNORECASE)


def coded_entries(lines: Sequence[Line]) -> list[Line]:
    """The coded entries under a recommending lead-in ("It is recommended that the Group:" over
    "R1 adopts …", "R2 agrees …") as labelled recommendations ("Recommendation R1: adopts …")."""
    out = list(lines)
    for k, lead in enumerate(out):
        if not _RECOMMENDING_LEAD_RE.search(lead.text):
            continue
        entries = _entries_under(out, k)
        if len(entries) < 2:
            continue
        for j, m in entries:
            out[j] = replace(out[j], text=f"Recommendation {m['code']}: {m['rest']}")
    return out


def _entries_under(lines: Sequence[Line], k: int) -> list[tuple[int, re.Match[str]]]:
    """The coded entries (one prefix) after line k, by index, with their wrapped lines and
    sub-entries set in further between them."""
    entries: list[tuple[int, re.Match[str]]] = []
    prefix: str | None = None
    first: Line | None = None
    for j in range(k + 1, min(len(lines), k + 80)):
        ln = lines[j]
        m = _ENTRY_CODE_RE.match(ln.text)
        if m is not None and (prefix is None or m["prefix"] == prefix):
            prefix, first = m["prefix"], first or ln
            entries.append((j, m))
        elif first is None or ln.x0 <= first.x0 + 2:
            break  # the list has ended (or never began): text back at the entries' margin
    return entries


# A card's badge before its kind: "1 RECOMMENDATION", "3 Area for improvement" (the number
# set large beside a small label over the text)
_INVERTED_LABEL_RE = re.compile(
    r"^(?P<num>\d{1,2}[a-z]?)\s+(?P<kw>recommendation|area for improvement|cause of concern|"
    r"action)$",
    re.IGNORECASE,
)


def inverted_labels(lines: Sequence[Line]) -> list[Line]:
    """Lines that print a number before the kind it numbers, alone ("1 RECOMMENDATION"), read
    as the label they are ("Recommendation 1"); not a table's row ("5 | Recommendation |
    Progress report"), which has other cells level with it."""
    found = {k: m for k, ln in enumerate(lines) if (m := _INVERTED_LABEL_RE.match(ln.text.strip()))}
    if not found:
        return list(lines)
    rows = Counter((ln.page, round(ln.top)) for ln in lines)
    labels = Counter((lines[k].page, round(lines[k].top)) for k in found)
    out = list(lines)
    for k, m in found.items():
        key = (lines[k].page, round(lines[k].top))
        if rows[key] == labels[key]:  # alone on its row, or beside other cards' labels
            out[k] = replace(lines[k], text=f"{m['kw'].capitalize()} {m['num']}")
    return out
