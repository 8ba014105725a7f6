"""Title, publisher, publication date and inspected body of a report."""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from datetime import date

from extractors import letters
from extractors.publisher import find_publisher, names_only_a_publisher
from extractors.registry import extra_bodies, is_force_id, resolve_body
from extractors.settings import DEFAULT_SETTINGS, ExtractorSettings
from extractors.short_forms import short_forms, without_title_words
from extractors.standing import recipients, response_due
from extractors.text import body_size
from extractors.vocabulary import PRINTED_FORCE_RE
from models.records import DocumentText, Line, Metadata, Recipient

_MONTHS = {m.lower()[:3]: i for i, m in enumerate(calendar.month_name) if m}
_MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
)
_DAY_DATE = (
    rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{_MONTH_RE})\.?,?\s+(?P<year>(?:19|20)\d\d)"
)
_MONTH_DATE = rf"(?P<month>{_MONTH_RE})\.?\s+(?P<year>(?:19|20)\d\d)"
# the month first, as American documents print it: "September 16, 2024" (the comma required)
_US_DATE = (
    rf"(?P<month>{_MONTH_RE})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,\s+(?P<year>(?:19|20)\d\d)"
)
_NUMERIC_DATE = r"(?P<day>\d{1,2})[/.](?P<mon>\d{1,2})[/.](?P<year>(?:19|20)\d\d)"
_ANY_DATE = rf"(?:{_DAY_DATE}|{_NUMERIC_DATE}|{_US_DATE}|{_MONTH_DATE})"

# Phrases that introduce the publication date, strongest first.
_CUES = (
    r"date of publication",
    r"publication date",
    r"date of (?:response|issue|(?:this |the )?(?:final )?(?:report|letter|response))",
    r"published(?: on)?",
    r"first published",
    r"(?<!draft )(?<!draft report )(?:final )?(?:report )?issued(?: on)?",
    r"(?:final )?(?:version )?for publication",  # "Final version for publication: 3 May 2026"
    # a version stamp on the cover: "Version 1.0 – 16 March 2026", "v2.1, 3 May 2026"
    r"(?<!draft )(?:version|v)\s?\d{1,2}(?:\.\d{1,2}){0,2}\s*[-–—,|]?",
    # minutes: "MINUTES of the meeting of the Panel held in …, on Thursday 29 January 2026",
    # "Notes of the meeting held on Thursday 15 May 2025"
    r"\b(?:minutes|notes|record) of the meeting\b[^.]{0,200}?\bon "
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day )?",
    # "Presented to Parliament …", "Laid before the Scottish Parliament by … on 23 September 2025"
    r"(?:presented to|laid before) (?:the )?(?:\w+ )?(?:parliament|senedd|assembly)[^.]{0,160}?",
    r"presented to the (?:panel|board|committee|council|cabinet)(?: on)?",
    r"ordered by the house of commons to be printed",
    r"updated(?: on)?",
    # a tribunal's or court's: "Decision given on:", "Judgment handed down on",
    # "… sent to the parties on", "Date of decision:", "Promulgated:"
    r"(?:decision|judgment|reasons)(?: and reasons)? (?:given|promulgated|handed down|"
    r"sent to the parties)(?: on)?",
    r"date of (?:decision|judgment|promulgation)",
    r"promulgated(?: on)?",
    # a cover's bare "Date: 9 January 2025" field (not a review's, an incident's or a visit's)
    r"(?<!review )(?<!incident )(?<!inspection )(?<!visit )(?<!meeting )(?<!hearing )"
    r"(?<!\w)(?-i:Date)(?=\s*:)",
)
_PLAIN_DATE = re.sub(r"\?P<\w+>", "?:", _ANY_DATE)
# a weekday may come between a cue and its date: "Date of publication: Wednesday, 18 June 2025"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
_CUE_RE = [
    re.compile(rf"\b{cue}\s*:?\s*{_WEEKDAY}(?P<date>{_PLAIN_DATE})", re.IGNORECASE) for cue in _CUES
]
_SOURCE_RES = (
    # "On 3 May 2025 the Inspectorate published its report", "On 12 March 2025 HMICFRS
    # published 'Found and safe? An inspection of …'"
    re.compile(
        rf"\bOn (?P<date>{_PLAIN_DATE}),? (?:the|a|(?-i:[A-Z][\w&]*))\b[^.]{{0,200}}? published\b"
        r"[^.]{0,120}?\b(?:report|review|inspection)",
        re.IGNORECASE,
    ),
    # "The report was published on 3 May 2025", "the joint inspection …, published on …"
    re.compile(
        r"\b(?:report|review|inspection)\b(?:(?!published)[^.]){0,250}?"
        r"(?:,| (?:was|were)(?: first)?) published on "
        rf"(?P<date>{_PLAIN_DATE})",
        re.IGNORECASE,
    ),
    # "(published by HMICFRS on 1 August 2025)"
    re.compile(
        rf"\bpublished by (?-i:[A-Z])[^.()]{{1,60}}? on (?P<date>{_PLAIN_DATE})", re.IGNORECASE
    ),
    # "HMICFRS published the report on 5 March 2026.", "HMICFRS published Still waiting: an
    # inspection of … on 12 June 2025"
    re.compile(
        r"\bpublished (?:(?:its|the|this|that|their) (?:[\w–-]+\s+){0,3}?|[^.]{0,120}?\b)"
        rf"(?:report|review|inspection)\b[^.]{{0,200}}? on (?P<date>{_PLAIN_DATE})",
        re.IGNORECASE,
    ),
)
_IMPRINT_DATE_RE = re.compile(
    rf"^\s*published by\b[^.]{{0,120}}?,?\s*(?P<date>{_PLAIN_DATE})\.?\s*$", re.IGNORECASE
)


def _cue_dates(flat: str, created: date | None) -> tuple[tuple[date, str] | None, date | None]:
    """The first date a publication cue gives the document, with its phrase; and the first
    date a cue says another report was published on ("which HMICFRS published on 3 June
    2025"), in a response the date of the report it answers."""
    own: tuple[date, str] | None = None
    other: date | None = None
    for cue in _CUE_RE:
        for hit in cue.finditer(flat):
            if _anothers(flat[max(0, hit.start() - 80) : hit.start()]):
                other = other or _parse(hit.group("date"), None)
            elif own is None:
                found = _parse(hit.group("date"), created)
                own = (found, hit.group(0)) if found else None
            if own is not None and other is not None:
                return own, other
    return own, other


def _anothers(before: str) -> bool:
    """True when the words before a "published" say another report was published: "which
    HMICFRS published on", "The review was published on", "(published by HMICFRS on", "the
    inspection of custody, published on"."""
    this = r"\b(?:this|the present|our) (?:report|document|letter|statement|response|paper)"
    if re.search(rf"{this}\s+(?:was|is|were)\s*$|\bit was\s*$", before, re.IGNORECASE):
        return False
    return bool(_ANOTHERS_RE.search(before))


_ANOTHERS_RE = re.compile(
    r"\b(?:which|that)\s+(?:it|they|(?-i:[A-Z][\w&]*(?:\s+[A-Z][\w&]*){0,3}))\s*$|"
    r"\b(?:was|were)\s*$|\($|(?-i:[a-z]),\s*$",
    re.IGNORECASE,
)


# A line that labels the document's own date: "Date 21st March 2011", "Refresh Date: 06/07/2015".
_LABELLED_DATE_RE = re.compile(
    r"^\s*(?:(?:last )?(?:extract(?:ed|ion)|refresh(?:ed)?|issue|report|release) )?dated?\s*:?\s*"
    rf"(?P<date>{_PLAIN_DATE})\s*$",
    re.IGNORECASE,
)
_CODED_DATE_RE = re.compile(
    rf"^\s*(?-i:[A-Z0-9][A-Z0-9./–-]*\s+){{1,6}}?(?P<date>{_PLAIN_DATE})\s*$", re.IGNORECASE
)
_MEETING_DATE_RE = re.compile(
    r"(?:[A-Za-z)]\s+[–—·•|-]|[A-Za-z)],)\s+"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?P<date>"  # "– Thursday 20 March 2025"
    + re.sub(r"\?P<\w+>", "?:", _DAY_DATE)
    + r")\s*$",
    re.IGNORECASE,
)
_DATE_RES = [
    re.compile(p, re.IGNORECASE) for p in (_DAY_DATE, _NUMERIC_DATE, _US_DATE, _MONTH_DATE)
]
_LONE_DATE_RE = re.compile(
    r"^\s*(?:" + re.sub(r"\?P<\w+>", "?:", f"{_DAY_DATE}|{_US_DATE}|{_MONTH_DATE}") + r")\s*$",
    re.I,
)

_SUBJECT_RES = (
    PRINTED_FORCE_RE,
    re.compile(r"\b((?:[A-Z][a-z]+ )+(?:County|City|Borough|District) Council)\b"),
    re.compile(r"\b((?:[A-Z][a-z]+ )+(?:Fire and Rescue Service|Fire & Rescue Service))\b"),
    re.compile(r"\b((?:HMP|HMYOI|HMP/YOI|HM Prison)(?: [A-Z][a-z]+)+)\b"),  # one prison
    # "… following our inspection of Fernlea Homes Limited": the body a title ends by naming
    re.compile(
        r"\b(?:inspection|investigation|audit|review) of (?:the )?"
        r"([A-Z][\w'’&-]*(?: (?:[A-Z][\w'’&-]*|and|&))+)$"
    ),
)
# A subtitle is set larger than the body text; a byline or presentation line ends the title.
_DISPLAY_RATIO = 1.2
_BYLINE_RE = re.compile(
    r"^(?:(?:a|an|the) [\w ]{0,30}\bby\b|by\b|presented to|ordered by|laid before|chair\b|"
    r"published\b|written by|prepared by|commissioned by|version \d)",
    re.IGNORECASE,
)
# A labelled field on a cover: "Independent reviewer: Dr A Smith", "Final version: 3 May 2026".
_FIELD_RE = re.compile(r"^[A-Z][\w ]{2,40}:\s+\S")
# A lone word under a title that says what kind of document it is, not what it is called.
_TYPE_LABEL_RE = re.compile(
    r"^(?:report|summary|overview|evidence|response|minutes|briefing|(?:volume|part) \w+)$", re.I
)
# A text layer that sets an apostrophe apart from its word: "children ’ s" for "children’s".
_SPACED_APOSTROPHE_RE = re.compile(r"(?<=\w) ([’']) (?=(?:s|t|re|ve|ll|d|m)\b)")
# A heading in capitals is the title of a cover without display type, when it is not a numbered
# section ("1. MINUTES OF …") and says more than a name ("HOUSE COMMITTEE").
_NUMBERED_RE = re.compile(r"^\(?[\dIVX]+[.)]?\s")
_HEADING_WORDS = 4
_JUNK_TITLE_RE = re.compile(
    r"^(?:microsoft (?:word|powerpoint)|untitled|document\d*|.*\.(?:docx?|pdf|indd))",
    re.IGNORECASE,
)


def extract_metadata(doc: DocumentText, settings: ExtractorSettings = DEFAULT_SETTINGS) -> Metadata:
    """Read title, publisher, publication date and the inspected body from a document."""
    front = [ln for ln in doc.lines if ln.page <= 4]
    body = body_size(doc.lines)
    title, title_lines = _title(doc, front, body)
    published, phrase, other = _published(doc, front)
    with extra_bodies(settings.bodies_file):  # a publisher may be named as a registry body
        publisher = find_publisher(doc, title_lines, title)
    first_page = [ln for ln in front if ln.page == front[0].page] if front else []
    if title and publisher and _same_name(title, publisher):
        # the largest type is the publisher's logo ("Fernleigh Valley / NHS Foundation
        # Trust"): the title is the display line under it
        title = _display_line(first_page, title_lines, body) or title
    # a letterhead or an address over "Dear …", or the letter's headings under its subject line
    subject_line = letters.subject_line(first_page, title_lines, body)
    if subject_line is not None and (
        title is None
        or names_only_a_publisher(title)
        or (title_lines and all(t.top > subject_line.top for t in title_lines))
    ):
        title = " ".join(subject_line.text.split())
    source = _source_published(doc.lines, title, other)
    sent_to = recipients(doc.lines, doc.tables)
    return Metadata(
        title=title,
        publisher=publisher,
        published=published,
        published_text=phrase,
        subject=_subject(title or "")
        or _subject(_line_under(first_page, title_lines))
        or _addressed(letters.address_block(first_page))
        or _recipient_force(sent_to)
        or _force_field(first_page),
        source_published=source,
        recipients=sent_to,
        response_due=response_due(doc.lines),
        short_forms=short_forms(doc.lines),
        cover=" ".join(ln.text for ln in first_page)[:600],
        addressed_to=letters.addressed_bodies(first_page) or letters.greeted_post(first_page),
    )


def _same_name(a: str, b: str) -> bool:
    """True when two names are the same words, case and spacing apart."""
    return " ".join(a.lower().split()) == " ".join(b.lower().split())


def _display_line(page: Sequence[Line], taken: Sequence[Line], body: float) -> str | None:
    """The largest line of the page set in display type that is not among the taken ones."""
    rest = [ln for ln in page if not any(ln is t for t in taken) and ln.size > body * 1.3]
    if not rest:
        return None
    best = max(rest, key=lambda ln: ln.size)
    return " ".join(best.text.split())


# "Thank you for your report, published on 20 March 2031": a reply to the report's author,
# whatever its title says
_REPLY_SOURCE_RE = re.compile(
    r"\byour (?:\w+\s+){0,4}?(?:report|review)\b[^.]{0,80}?,? (?:which was )?published on "
    rf"(?P<date>{_PLAIN_DATE})",
    re.IGNORECASE,
)
# A letter's subject line naming the report it answers and its date: "Response to: An inspection
# of … (published 12 March 2025)", whatever the title says
_RESPONSE_TO_RE = re.compile(
    rf"\bresponse to\b:?[^.()]{{3,200}}\(published (?:on )?(?P<date>{_PLAIN_DATE})\)",
    re.IGNORECASE,
)
# A title that says the document restates another report's items: a response to it, or a
# revisit or progress report on them.
_RESTATES_ANOTHER_RE = re.compile(
    r"\b(?:response|revisit(?:ed)?|progress|follow-up|action plan)\b", re.IGNORECASE
)


# A letter's subject line saying it answers a report: "Response to the joint inspection report …"
_RESPONSE_LINE_RE = re.compile(
    r"\bResponse to (?:the|your|HMICFRS)\b[^.]{0,40}\b(?:report|inspection)"
)


def _source_published(lines: Sequence[Line], title: str | None, other: date | None) -> date | None:
    """The date the responded-to report was published, when the response states it."""
    flat = " ".join(" ".join(ln.text for ln in lines if ln.page <= 10).split())
    stated = _RESPONSE_TO_RE.search(flat)
    if stated:
        return _parse(stated.group("date"), None)
    # not a response, revisit or action plan, by its title or a letter's subject line
    if not (_RESTATES_ANOTHER_RE.search(title or "") or _RESPONSE_LINE_RE.search(flat)):
        m = _REPLY_SOURCE_RE.search(flat)
        return _parse(m.group("date"), None) if m else None
    for pattern in (*_SOURCE_RES, _REPLY_SOURCE_RE):
        m = pattern.search(flat)
        if m:
            return _parse(m.group("date"), None)
    return other  # "which HMICFRS published on 3 June 2025"


def _title(doc: DocumentText, front: Sequence[Line], body: float) -> tuple[str | None, list[Line]]:
    """The cover's largest lines and the display lines under them, else the PDF's Title field."""
    first = min((ln.page for ln in front), default=1)
    first_page = [ln for ln in front if ln.page == first]
    field = _field_title(first_page)
    if field:
        return field
    if first_page:
        biggest = max(ln.size for ln in first_page)
        lines = [ln for ln in first_page if ln.size >= biggest - 0.5]
        lines += _subtitle(first_page, lines, body)
        if biggest > body + 0.5:  # display type: not a page set all in body text
            lines = _before_byline(lines)
        texts = dict.fromkeys(" ".join(ln.text.split()) for ln in lines)  # a title printed twice
        text = _SPACED_APOSTROPHE_RE.sub(r"\1", " ".join(texts))
        if 2 <= len(text.split()) <= 40:
            return text, lines
    heading = _capitals_heading(first_page)
    if heading:
        return heading
    meta = (doc.meta("Title") or "").strip()
    if meta and not _JUNK_TITLE_RE.match(meta) and len(meta.split()) >= 2:
        return meta, []
    return None, []


# "Title:", "Report title", "Subject:", "Title of report:": a form's label, its value after the
# colon or beside it in the row
_TITLE_FIELD_RE = re.compile(
    r"^\s*(?:(?:report|paper)\s+)?(?:title|subject)(?:\s+of\s+(?:the\s+)?(?:report|paper))?"
    r"\s*(?::\s*(?P<value>.*)|$)",
    re.IGNORECASE,
)


def _field_title(page: Sequence[Line]) -> tuple[str, list[Line]] | None:
    """A form cover's "Title:" field: its value on the same line or beside it in the row,
    with the lines that continue the value under it."""
    for ln in page:
        m = _TITLE_FIELD_RE.match(ln.text)
        if m is None:
            continue
        value = [ln] if (m.group("value") or "").strip() else []
        beside = [x for x in page if abs(x.top - ln.top) < 2 and x.x0 > ln.x1]
        value = value or sorted(beside, key=lambda x: x.x0)[:1]
        if not value:
            continue
        labels = {round(x.top) for x in page if x.x0 < value[0].x0 - 20}
        for x in sorted(page, key=lambda x: x.top):
            below = x.top > value[-1].top and x.top - value[-1].top <= 1.8 * x.size
            if below and abs(x.x0 - value[0].x0) < 2 and round(x.top) not in labels:
                value.append(x)
        text = " ".join(" ".join(x.text.split()) for x in value)
        text = _TITLE_FIELD_RE.sub(r"\g<value>", text).strip()
        if 2 <= len(text.split()) <= 40:
            return text, value
    return None


def _capitals_heading(page: Sequence[Line]) -> tuple[str, list[Line]] | None:
    """A cover without display type: its first unnumbered heading set in capitals, as one text."""
    run: list[Line] = []
    for ln in sorted(page, key=lambda ln: (ln.top, ln.x0)):
        text = ln.text.strip()
        capitals = text.isupper() and not _NUMBERED_RE.match(text)
        if capitals and (not run or ln.top - run[-1].top <= 2 * run[-1].size):
            run.append(ln)
            continue
        if len(" ".join(r.text for r in run).split()) >= _HEADING_WORDS:
            break
        run = [ln] if capitals else []
    text = " ".join(" ".join(r.text for r in run).split())
    if _HEADING_WORDS <= len(text.split()) <= 40:
        return text, run
    return None


def _before_byline(lines: list[Line]) -> list[Line]:
    """A cover set all in one size: the title ends where a byline, a labelled field ("Author:
    …", "Version 1.0") or a date begins."""
    ordered = sorted(lines, key=lambda ln: (ln.page, ln.top, ln.x0))
    for k, ln in enumerate(ordered[1:], start=1):
        text = ln.text.strip()
        if _BYLINE_RE.match(text) or _FIELD_RE.match(text) or _LONE_DATE_RE.match(text):
            return ordered[:k]
    return ordered


def _subtitle(page: Sequence[Line], title: Sequence[Line], body: float) -> list[Line]:
    """Display-size lines straight under the title, up to body text, a date or a byline."""
    below = sorted((ln for ln in page if ln.top > title[-1].top), key=lambda ln: (ln.top, ln.x0))
    out: list[Line] = []
    for ln in below:
        text = ln.text.strip()
        if ln.size < body * _DISPLAY_RATIO or _LONE_DATE_RE.match(text) or _BYLINE_RE.match(text):
            break
        if not _TYPE_LABEL_RE.match(text):
            out.append(ln)
    return out


def _published(
    doc: DocumentText, front: Sequence[Line]
) -> tuple[date | None, str | None, date | None]:
    """The document's publication date and the phrase giving it; and the date the front
    pages say another report was published on."""
    created = _pdf_date(doc.meta("CreationDate"))
    own, other = _cue_dates(" ".join(" ".join(ln.text for ln in front).split()), created)
    found, phrase = own if own is not None else _published_by_layout(front, created)
    return found, phrase, other


def _published_by_layout(
    front: Sequence[Line], created: date | None
) -> tuple[date | None, str | None]:
    """A date set where a cover or imprint puts one, else the PDF's creation date."""
    for ln in front:
        m = _IMPRINT_DATE_RE.match(ln.text) if ln.page <= 4 else None
        found = _parse(m.group("date"), created) if m else None
        if m and found:  # an imprint: "Published by the Office of X, 3 May 2026."
            return found, ln.text.strip()
    for ln in front:
        m = _LABELLED_DATE_RE.match(ln.text) if ln.page <= 2 else None
        found = _parse(m.group("date"), created) if m else None
        if m and found:
            return found, ln.text.strip()
    # A meeting paper's cover line ending in the meeting's date: "Board of Directors – 5 May 2026",
    # "Report of the Commissioner · 24 April 2025".
    for ln in front:
        m = _MEETING_DATE_RE.search(ln.text) if ln.page == 1 else None
        found = _parse(m.group("date"), created) if m else None
        if m and found:
            return found, ln.text.strip()
    # A date standing alone on the cover ("December 2020", "8 December 2020").
    for ln in front:
        if ln.page <= 2 and _LONE_DATE_RE.match(ln.text):
            found = _parse(ln.text, created)
            if found:
                return found, ln.text.strip()
    # A cover line of codes ending in the date: "HC 412 SESSION 2025-26 21 NOVEMBER 2025".
    for ln in front:
        m = _CODED_DATE_RE.match(ln.text) if ln.page == 1 else None
        found = _parse(m.group("date"), created) if m else None
        if m and found:
            return found, ln.text.strip()
    if created:
        return created, None
    return None, None


def _parse(text: str, created: date | None) -> date | None:
    """Parse one date phrase; a month alone takes the PDF's creation day when it agrees."""
    for pattern in _DATE_RES:
        m = pattern.search(text)
        if not m:
            continue
        groups = m.groupdict()
        year = int(groups["year"])
        try:
            if groups.get("mon"):
                return date(year, int(groups["mon"]), int(groups["day"]))
            month = _MONTHS[groups["month"].lower()[:3]]
            if groups.get("day"):
                return date(year, month, int(groups["day"]))
            if created and created.year == year and created.month == month:
                return created
            return date(year, month, 1)
        except (ValueError, KeyError):
            continue
    return None


def _pdf_date(value: str | None) -> date | None:
    """Parse a PDF date string such as "D:20110914120000+01'00'"; None for a build tool's
    placeholder (midnight on 1 January: "D:20000101000000")."""
    if not value:
        return None
    m = re.search(r"(\d{4})(\d{2})(\d{2})", value)
    if not m or re.search(r"\d{4}0101(?:000000|$)", value):
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


# A complaint review's or a form's field naming the force it concerns: "Policing body  Police
# Scotland", "Police force: Westmarch Constabulary"
_FORCE_FIELD = r"(?:policing body|police force|force(?: concerned)?|appropriate authority)"
_FIELD_NAME_RE = re.compile(rf"^\s*{_FORCE_FIELD}\b", re.IGNORECASE)
_FORCE_FIELD_RE = re.compile(
    rf"^{_FORCE_FIELD}\s*:?\s+(?P<name>[A-Z][\w'’ &-]{{2,60}})$", re.IGNORECASE
)


def _force_field(page: Sequence[Line]) -> str | None:
    """The force a first page's field names, when the registry knows it as a force or its name
    reads as one."""
    for ln in page:
        if not _FIELD_NAME_RE.match(ln.text):
            continue
        # the field's name and its value may be two cells of one row
        beside = [o for o in page if o is not ln and abs(o.top - ln.top) < 2 and o.x0 > ln.x1]
        row = " ".join(
            [ln.text.strip(), *(o.text.strip() for o in sorted(beside, key=lambda o: o.x0))]
        )
        m = _FORCE_FIELD_RE.match(row)
        if m is None:
            continue
        name = m["name"].strip()
        body = resolve_body(name)
        if (body is not None and is_force_id(body)) or PRINTED_FORCE_RE.fullmatch(name):
            return name
    return None


def _line_under(page: Sequence[Line], title_lines: Sequence[Line]) -> str:
    """The line right under a cover's title ("Mayor's response to HMICFRS" over "National
    child protection inspection: Northmoor Police"), which may name the body it is about."""
    if not title_lines:
        return ""
    bottom = max(t.top for t in title_lines)
    below = [ln for ln in page if ln.top > bottom and not any(ln is t for t in title_lines)]
    if not below:
        return ""
    line = " ".join(min(below, key=lambda ln: ln.top).text.split())
    # a line of several bodies ("Ashmoor Police | Bradwell Constabulary") is about none alone
    several = len(PRINTED_FORCE_RE.findall(line)) > 1
    return "" if several or _BYLINE_RE.match(line) else line


def _recipient_force(sent_to: Sequence[Recipient]) -> str | None:
    """The one police force a report is sent to ("This report is being sent to: the Chief
    Constable of Wyvernshire Police; the College of Policing"): the body it is about."""
    forces = {m.group(1) for r in sent_to if (m := PRINTED_FORCE_RE.search(r.body))}
    return forces.pop() if len(forces) == 1 else None


def _addressed(block: Sequence[Line]) -> str | None:
    """The one inspected body a letter's address block names (a force, council, service)."""
    found = {s for s in (_subject(ln.text) for ln in block) if s}
    return found.pop() if len(found) == 1 else None


def _subject(title: str) -> str | None:
    # a title set in capitals names its body in capitals ("WESTMARCH FIRE AND RESCUE SERVICE"),
    # as does a title's part in capitals ("MARCHBURY POLICE Report to the Panel")
    cased = _CAPITALS_RUN_RE.sub(lambda m: _name_case(m.group(0)), title)
    for pattern in _SUBJECT_RES:
        m = pattern.search(cased)
        if m:
            return without_title_words(m.group(1).strip())
    return None


# Two or more words in capitals in a row: "MARCHBURY POLICE AND CRIME COMMISSIONER"
_CAPITALS_RUN_RE = re.compile(r"\b[A-Z][A-Z'’&-]+(?:\s+[A-Z][A-Z'’&-]+)+\b")
_SMALL_WORDS = frozenset({"and", "of", "for", "the", "in", "on", "to", "at", "by"})


def _name_case(text: str) -> str:
    """Capitals as a name prints them: "WESTMARCH FIRE AND RESCUE SERVICE" -> "Westmarch Fire
    and Rescue Service" (initialisms such as "HMP" kept)."""
    words = text.split()
    return " ".join(
        w
        if len(w) <= 3 and w.isalpha() and w.lower() not in _SMALL_WORDS
        else (w.lower() if k and w.lower() in _SMALL_WORDS else w.capitalize())
        for k, w in enumerate(words)
    )
