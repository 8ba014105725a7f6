"""The report's own summary: the first paragraph under its "Summary" (or similar) heading."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from models.records import DocumentText, Line

# Headings that open a report's own summary ("Summary of recommendations" is a list, not prose).
_SUMMARY_HEADING = re.compile(
    r"^(?:(?:chapter\s+)?\d{1,2}(?:\.\d)*\.?\s+)?"
    r"(?:executive\s+summary|overall\s+summary|summary(?:\s+of\s+(?:findings|the\s+report))?"
    r"|overview|at\s+a\s+glance)\s*:?$",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[•▪●◦‣–-]|\(?[ivx]{1,4}\)|\(?[a-z]\)|\d{1,2}[.)])\s+")
_SENTENCE_END = (".", "!", "?", ":", ";", "”", '"')
MIN_WORDS = 8  # shorter paragraphs are captions or lead-ins, not summaries


def _body_size(lines: Sequence[Line]) -> float:
    """The most common font size (rounded to half points), weighted by characters."""
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[round(line.size * 2) / 2] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _is_heading(line: Line, body: float) -> bool:
    """A short line set larger than body text, or bold and not a sentence."""
    short = len(line.text.split()) <= 12
    return short and (line.size > body + 0.75 or (line.bold and not line.text.endswith(".")))


def _continues(prev: Line, line: Line) -> bool:
    """True when `line` carries on the paragraph that `prev` belongs to."""
    if line.page != prev.page or line.column != prev.column:
        return not prev.text.rstrip().endswith(_SENTENCE_END)
    gap = line.top - prev.bottom
    return 0 <= gap <= 0.6 * max(prev.size, line.size)


def _paragraph(lines: Sequence[Line], start: int, body: float) -> tuple[str, int]:
    """Join the body lines of one paragraph starting at `start`; return it and the next index."""
    parts = [lines[start].text.strip()]
    end = start + 1
    while end < len(lines):
        line = lines[end]
        if _is_heading(line, body) or _BULLET.match(line.text):
            break
        if not _continues(lines[end - 1], line):
            break
        parts.append(line.text.strip())
        end += 1
    return re.sub(r"\s+", " ", " ".join(parts)).strip(), end


def extract_summary(doc: DocumentText) -> str | None:
    """Return the first prose paragraph under the report's summary heading, or None."""
    lines = doc.lines
    body = _body_size(lines)
    for index, line in enumerate(lines):
        text = line.text.strip()
        if not _SUMMARY_HEADING.match(text) or not _is_heading(line, body):
            continue
        cursor = index + 1
        while cursor < len(lines):
            current = lines[cursor]
            if _is_heading(current, body):
                if current.size >= line.size - 0.25:
                    break  # the next section of the same rank: this summary has no prose
                cursor += 1  # a sub-heading inside the summary
                continue
            if _BULLET.match(current.text):
                cursor += 1
                continue
            paragraph, cursor = _paragraph(lines, cursor, body)
            # A paragraph starting in lower case is the tail of one broken by layout: skip it.
            if len(paragraph.split()) >= MIN_WORDS and not paragraph[0].islower():
                return paragraph
    return None
