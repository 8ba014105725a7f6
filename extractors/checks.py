"""Self-checks: warn when the items found contradict the document itself.

Extraction fails a whole report at a time, and silently. These checks compare what was found
with what the report says about itself: the labels it prints ("Recommendation 7" with no item
7), a numbered sequence with holes, the count it states ("we make seven recommendations"), a
section headed for items that yielded none, and recommending language in a report where
nothing was found. Each warning reads "<file>: self-check: <what does not add up>".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from extractors.item_patterns import (
    ANOTHER_REPORTS_RE,
    CLOSING_REF_RE,
    GLOSSARY_HEADING_RE,
    KIND_DEFINED_RE,
    NONE_MADE_RE,
)
from extractors.item_tables import answer_tables, in_tables
from extractors.skeleton import Unit, build_skeleton, section_kind
from extractors.vocabulary import is_process
from models.records import DocumentText, Item, ItemKind

MARK = "self-check:"
_KIND_NAMES: dict[ItemKind, tuple[str, str]] = {
    "recommendation": ("recommendation", "recommendations"),
    "area_for_improvement": ("area for improvement", "areas for improvement"),
    "cause_of_concern": ("cause of concern", "causes of concern"),
    "action": ("action", "actions"),
}
_NUMBER_WORDS = {
    w: n
    for n, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
_COUNT = r"(?P<n>\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")"
_PHRASE = r"(?P<kw>recommendations?|areas? for improvement|causes? (?:of|for) concern)"
# "We make seven recommendations", "this report makes 12 recommendations", "we have identified
# four areas for improvement": what the report says of itself, in the present or perfect tense.
_STATED_RE = re.compile(
    r"\b(?:we|this (?:report|inspection|review|inquiry))\s+"
    r"(?:have |has |are )?(?:also |therefore |then |now )?(?:make|makes|made|making|set out|"
    r"sets out|identify|"
    r"identifies|identified|include|includes)\s+(?:a total of |the following )?"
    + _COUNT
    + r"\s+(?:new |further |national |key |specific |main )?"
    + _PHRASE
    + r"\b",
    re.IGNORECASE,
)
# "In this report the Inquiry makes 10 recommendations": any subject, in the present tense,
# inside a sentence that opens on this report.
_IN_THIS_RE = re.compile(
    r"\bin this (?:report|inspection|review|inquiry)\b[^.;]{0,80}?\b(?:make|makes|set out|"
    r"sets out)\s+(?:a total of )?" + _COUNT + r"\s+(?:new |further |specific |main )?" + _PHRASE,
    re.IGNORECASE,
)
_NEW_RE = re.compile(r"\b(?:new|further)\s+\w", re.IGNORECASE)
# A count of part of the items: those on one concern, in one chapter
_SCOPED_RE = re.compile(
    r"\s*(?:to (?:address|tackle|resolve|deal with) (?:it|this|that|each)|about (?:it|this|that)"
    r"|in (?:this|each) (?:chapter|section|part)|for (?:it|this|each))\b",
    re.IGNORECASE,
)
# A statement in the simple past ("we made 20 recommendations") is about another report when
# its sentence dates it elsewhere: a year, or a previous / last / earlier report.
_PAST_RE = re.compile(r"^(?:we|this \w+)\s+(?:also )?(?:made|identified|included)\b", re.I)
_ELSEWHERE_RE = re.compile(
    r"\b(?:(?:19|20)\d\d|previous(?:ly)?|last|earlier|prior|original|former|ago)\b", re.I
)
# How far before a past count its context may say when ("Three years ago, in our report …,
# we found …. We made 28 recommendations.")
_CONTEXT_CHARS = 160
# "Recommendation 7", "Area for improvement 3:", "Recommendation 3.2" opening a line: a label
# the report prints.
_LABEL_LINE_RE = re.compile(
    r"^(?P<kw>recommendation|area for improvement|cause of concern)\s+"
    r"(?P<n>\d{1,3}(?:\.\d{1,3}){0,2})[a-z]?(?![.\d])\s*(?P<rest>.?)",
    re.IGNORECASE,
)
_RECOMMENDS_RE = re.compile(r"\brecommend(?:s|ed)?\s+(?:that|the|a|an)\b", re.IGNORECASE)
_PLAIN_HEADING_RE = re.compile(
    r"^(?:(?:\d+(?:\.\d+)*|[a-z])[.)]?\s+)?(?:(?:our|the|key|main|summary of|list of)\s+)?"
    r"(?:recommendations?|areas? for improvement|causes? of concern|"
    r"actions? we (?:have )?told the provider to take|enforcement actions?|required actions?)"
    r"\s*:?$",
    re.IGNORECASE,
)


def is_self_check(warning: str) -> bool:
    """True when a warning comes from these checks."""
    return MARK in warning


def check_document(doc: DocumentText, items: Sequence[Item]) -> tuple[str, ...]:
    """Every contradiction between the items found and what the document says of itself."""
    if not doc.lines:
        return ()
    name = Path(doc.file).name
    units = build_skeleton(_near_item_headings(doc))
    problems = [
        *printed_labels_missing(doc, items),
        *numbering_gaps(items),
        *stated_counts(doc, items),
        *empty_sections(units, items, _row_labels(doc)),
        *silent_recommendations(doc, items),
    ]
    return tuple(f"{name}: {MARK} {p}" for p in dict.fromkeys(problems))


SECTION_PAGES = 3  # pages read after a heading for items to judge whether its section is empty


def _near_item_headings(doc: DocumentText) -> DocumentText:
    """Only the pages that start with or follow a line naming a section of items (the skeleton
    of a whole report costs as much as splitting it; the empty-section check needs only these)."""
    pages: set[int] = set()
    for line in doc.lines:
        if _PLAIN_HEADING_RE.match(line.text.strip()):
            pages.update(range(line.page, line.page + SECTION_PAGES))
    return replace(
        doc,
        lines=tuple(ln for ln in doc.lines if ln.page in pages),
        tables=tuple(t for t in doc.tables if t.page in pages),
    )


def _integer(number: str | None) -> int | None:
    """The leading integer of a printed number ("4a (ii)" → 4; "3.2" → None: by chapter)."""
    m = re.match(r"(\d{1,3})(?![.\d])", (number or "").strip())
    return int(m.group(1)) if m else None


def _runs(numbers: Iterable[int]) -> list[str]:
    """Numbers as runs: 4, 5, 6, 7, 9 → ["4–7", "9"]."""
    runs: list[tuple[int, int]] = []
    for n in sorted(set(numbers)):
        if runs and n == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return [f"{a}–{b}" if b > a else str(a) for a, b in runs]


def _joined(parts: Sequence[str]) -> str:
    """Parts as prose: ["4–7", "9"] → "4–7 and 9"."""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _ranges(numbers: Iterable[int]) -> str:
    """Numbers as runs: 4, 5, 6, 7, 9 → "4–7 and 9"."""
    return _joined(_runs(numbers))


def _found(items: Sequence[Item], kind: ItemKind) -> set[int]:
    """The integer numbers of the items of a kind that were found."""
    return {n for i in items if i.kind == kind and (n := _integer(i.number)) is not None}


def _label(number: str | None) -> str | None:
    """A printed number as a label to compare: "4a (ii)" → "4"; "3.2" → "3.2"; "2.3.1" too."""
    m = re.match(r"(\d{1,3}(?:\.\d{1,3}){0,2})(?![.\d])", (number or "").strip())
    return m.group(1) if m else None


def _labels(labels: Iterable[str]) -> str:
    """Labels in order, whole numbers as runs: "1–3, 3.1, 3.2 and 4"."""
    parts: list[str] = []
    whole: list[int] = []
    for label in sorted(set(labels), key=lambda n: tuple(map(int, n.split(".")))):
        if label.isdigit():
            whole.append(int(label))
            continue
        parts += [*_runs(whole), label]
        whole = []
    return _joined(parts + _runs(whole))


def printed_labels_missing(doc: DocumentText, items: Sequence[Item]) -> list[str]:
    """Labels the report prints at the start of a line ("Recommendation 7") with no item."""
    printed: dict[ItemKind, set[str]] = {}
    tracked = answer_tables(doc.tables)
    for line in doc.lines:
        m = _LABEL_LINE_RE.match(line.text)
        if m and in_tables(line, tracked):
            continue  # a progress table's row: an earlier report's item, rated
        # A label stands alone, before a separator or a capital; "Recommendation 5 extends…"
        # is prose about it.
        if m and ANOTHER_REPORTS_RE.match(line.text[m.end("n") :]):
            continue  # "RECOMMENDATION 3, MARCH 2024 REPORT": quoted from another report
        if m and (
            line.bold
            or m.group("rest") in ("", ":", ".", "–", "—", "-")
            or m.group("rest").isupper()
        ):
            kind = section_kind(m.group("kw")) or "recommendation"
            printed.setdefault(kind, set()).add(m.group("n"))
    out = []
    for kind, labels in printed.items():
        found = {label for i in items if i.kind == kind and (label := _label(i.number))}
        missing = labels - found
        if missing:
            plural = _KIND_NAMES[kind][1]
            out.append(
                f"{plural} {_labels(labels)} printed; {_labels(missing)} not found "
                "(check the pages where they are printed)"
            )
    return out


def numbering_gaps(items: Sequence[Item]) -> list[str]:
    """Holes in a sequence numbered from 1 (1, 2, 4 found: 3 is missing), and among sub-items."""
    out = []
    for kind, (_, plural) in _KIND_NAMES.items():
        found = _found(items, kind)
        if len(found) >= 2 and min(found) == 1:
            missing = set(range(1, max(found) + 1)) - found
            if missing and len(missing) <= len(found):
                out.append(f"{plural} numbered 1–{max(found)}; {_ranges(missing)} not found")
        out += _sub_item_gaps([i for i in items if i.kind == kind], plural)
    return out


def _sub_item_gaps(items: Sequence[Item], plural: str) -> list[str]:
    """Sub-items (4a, 4b …) with holes, or whose parent is missing where others are found."""
    parents: set[int] = set()
    letters: dict[int, set[str]] = {}
    for item in items:
        number = (item.number or "").strip()
        m = re.match(r"(\d{1,3})([a-h])(?:[-–]([a-h]))?(?![a-z])", number)
        if m:  # "4a", "9a-c" (a range of sub-items printed as one), "4c (i-ii)"
            last = m.group(3) or m.group(2)
            span = "abcdefgh"["abcdefgh".index(m.group(2)) : "abcdefgh".index(last) + 1]
            letters.setdefault(int(m.group(1)), set()).update(span)
        elif number.rstrip(".").isdigit():
            parents.add(int(number.rstrip(".")))
    out = []
    orphans = sorted(n for n in letters if n not in parents)
    # Where most numbers with sub-items are items themselves, the others should be too.
    if orphans and len(parents & set(letters)) >= len(orphans):
        out.append(f"{plural} {_ranges(orphans)} have sub-items but were not found themselves")
    holes = [
        f"{n}{c}"
        for n, found in sorted(letters.items())
        for c in "abcdefgh"[: "abcdefgh".index(max(found)) + 1]
        if c not in found
    ]
    if holes:
        out.append(f"{plural} {', '.join(holes)} not found between their neighbours")
    return out


def _count_of(text: str) -> int:
    """A count written in digits or words."""
    return int(text) if text.isdigit() else _NUMBER_WORDS[text.lower()]


def stated_counts(doc: DocumentText, items: Sequence[Item]) -> list[str]:
    """A count the report states of itself that differs from the count found."""
    text = " ".join(line.text for line in doc.lines)
    stated: dict[ItemKind, set[int]] = {}
    past: dict[ItemKind, set[int]] = {}
    new: dict[ItemKind, set[int]] = {}  # "two new recommendations": others may be restated
    for m in [*_STATED_RE.finditer(text), *_IN_THIS_RE.finditer(text)]:
        if _SCOPED_RE.match(text[m.end() : m.end() + _CONTEXT_CHARS]):
            continue  # "we make two recommendations to address it": one concern's, not all
        said = _PAST_RE.match(m.group(0))
        before = text[max(0, m.start() - _CONTEXT_CHARS) : m.start()]
        if said and _ELSEWHERE_RE.search(_sentence(text, m) + " " + before):
            continue
        kind = section_kind(m.group("kw")) or "recommendation"
        count = _count_of(m.group("n"))
        target = past if said else (new if _NEW_RE.search(m.group(0)) else stated)
        target.setdefault(kind, set()).add(count)
    for kind, counts in past.items():
        if kind not in stated and kind not in new:  # "we made six" beside "we have made two new"
            stated[kind] = counts
    out = []
    for kind in dict.fromkeys([*stated, *new]):
        of_kind = [i for i in items if i.kind == kind]
        # parts of a numbered item ("8a", "8b" under a heading-only "8") count as that item
        whole = {i.parent if i.parent is not None else f"#{k}" for k, i in enumerate(of_kind)}
        found = {len(of_kind), sum(1 for i in of_kind if i.parent is None), len(whole)}
        counts = stated.get(kind, set())
        if kind in new and max(found) >= min(new[kind]):
            continue  # the new ones at least, besides any the report restates
        counts = counts | new.get(kind, set())
        if counts.isdisjoint(found) and max(counts) > 0:
            plural = _KIND_NAMES[kind][1]
            says = " or ".join(str(c) for c in sorted(counts))
            out.append(f"the report says it makes {says} {plural}; {len(of_kind)} found")
    return out


def _sentence(text: str, m: re.Match[str]) -> str:
    """The sentence holding a match (from the full stop before it to the one after it)."""
    start = text.rfind(". ", 0, m.start()) + 1
    end = text.find(". ", m.end())
    return text[start : end if end >= 0 else len(text)]


def _row_labels(doc: DocumentText) -> frozenset[str]:
    """The first cells of two-column table rows: labels of a value beside them, not headings."""
    return frozenset(
        row[0].strip().lower() for t in doc.tables for row in t.rows if len(row) == 2 and row[0]
    )


def empty_sections(
    units: Sequence[Unit], items: Sequence[Item], row_labels: frozenset[str] = frozenset()
) -> list[str]:
    """A section headed for items (Recommendations, Areas for improvement…) that yielded none;
    a label cell ("Recommendation" beside what a board paper asks) heads no section."""
    pages: Counter[tuple[ItemKind, int]] = Counter()
    for item in items:
        for page in {item.page_start, item.page_end, *item.occurrences}:
            pages[(item.kind, page)] += 1
    out = []
    for k, unit in enumerate(units):
        kind = section_kind(unit.text) if unit.role == "heading" else None
        if kind is None or not _PLAIN_HEADING_RE.match(unit.text.strip()):
            continue
        if unit.text.strip().lower() in row_labels:
            continue
        body = _section_body(units, k)
        if body and KIND_DEFINED_RE.match(body[0].text.strip()):
            continue  # a glossary's term: "Recommendation" / "A recommendation sets out …"
        if _under_glossary(units, k):
            continue  # "Cause of concern" / "A serious shortcoming …" under "Glossary"
        if any(NONE_MADE_RE.search(u.text) for u in body):
            continue  # "… we make no recommendations in this report"
        if _points_to_items(body, items):
            continue  # "… not reviewed. (B02)": the issues behind items given elsewhere
        words = sum(len(u.text.split()) for u in body if not is_process(u.text))
        if words < 20:
            continue
        last = max((u.page_end for u in body), default=unit.page_end)
        # a summary's section ahead of the full list, which the items were found in
        ahead = any(i.kind == kind and i.page_start > last for i in items)
        if not ahead and not any(pages[(kind, p)] for p in range(unit.page_start, last + 1)):
            out.append(
                f"the section headed {unit.text.strip()!r} (page {unit.page_start}) yielded no "
                f"{_KIND_NAMES[kind][1]}"
            )
    return out


def _points_to_items(body: Sequence[Unit], items: Sequence[Item]) -> bool:
    """True when two or more of a section's paragraphs close on the code of an item found
    elsewhere ("… reviewed under MoPI. (B09)")."""
    numbers = {i.number for i in items if i.number}
    refs = [m.group("ref") for u in body if (m := CLOSING_REF_RE.search(u.text.strip()))]
    return len(refs) >= 2 and all(r in numbers for r in refs)


def _under_glossary(units: Sequence[Unit], k: int) -> bool:
    """True when the nearest heading above heading k, at a higher level, is a glossary's."""
    level = units[k].level
    for unit in reversed(units[max(0, k - 200) : k]):
        if unit.role == "heading" and unit.level < level:
            return bool(GLOSSARY_HEADING_RE.match(unit.text.strip()))
    return False


def _section_body(units: Sequence[Unit], k: int) -> list[Unit]:
    """The units under heading k, up to the next heading of the same level or above."""
    level = units[k].level
    body = []
    for unit in units[k + 1 : k + 200]:
        if unit.role == "heading" and unit.level <= level:
            break
        body.append(unit)
    return body


def silent_recommendations(doc: DocumentText, items: Sequence[Item]) -> list[str]:
    """No item found, yet the text recommends, or requires something, in several places."""
    if items:
        return []
    places = sum(1 for line in doc.lines if _RECOMMENDS_RE.search(line.text))
    if places >= 3:
        return [f"no items found, yet the text recommends something in {places} places"]
    text = " ".join(line.text for line in doc.lines)
    required = len(_REQUIRES_RE.findall(text))
    if required >= _REQUIRED_PLACES:
        return [f"no items found, yet the text requires something in {required} places"]
    return []


# What a notice, direction or order requires: "you must …", "the Commissioner must …",
# "Steps required", "Date for compliance" (not "must not", "must be", "must have")
_REQUIRES_RE = re.compile(
    r"\b(?:you|[Tt]he [\w’' -]{2,40}?|[A-Z][\w&’' -]{2,40}?) (?:must|shall|is required to|"
    r"are required to)\b(?! not\b| be\b| have\b)|(?i:\b(?:steps|actions?) (?:you must|required|"
    r"to be taken)\b|\bdate for compliance\b|\bcomplete by\b)"
)
_REQUIRED_PLACES = 4  # a register of notices or a strategy says "must" now and then
