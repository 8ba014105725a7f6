"""Find deadline phrases with a spaCy Matcher and resolve them against the publication date."""

from __future__ import annotations

import calendar
import dataclasses
import re
import threading
from collections.abc import Sequence
from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from extractors.nlp import get_nlp, normalise
from extractors.registry import extra_bodies
from extractors.settings import DEFAULT_SETTINGS, ExtractorSettings
from extractors.vocabulary import ASKS_THAT_RE, WHEN_FIELD, opens_with_imperative
from models.records import Deadline, DeadlineKind, Granularity, Item

if TYPE_CHECKING:
    from spacy.matcher import Matcher
    from spacy.tokens import Doc, Span

# Fixed dateparser settings (RELATIVE_BASE is added per report: its publication date).
DATEPARSER_SETTINGS: dict[str, object] = {
    "DATE_ORDER": "DMY",
    "PREFER_DAY_OF_MONTH": "last",
    "PREFER_DATES_FROM": "past",
    "REQUIRE_PARTS": ["month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
}
DATEPARSER_LANGUAGES = ["en"]
# Used as RELATIVE_BASE when a report has no publication date, so nothing depends on "today";
# only phrases carrying their own year are resolved then.
_NO_BASE = datetime(1900, 1, 1)

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS |= {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
MONTHS["sept"] = 9
SEASON_END = {
    "spring": (0, 5),
    "summer": (0, 8),
    "autumn": (0, 11),
    "fall": (0, 11),
    "winter": (1, 2),
}
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18, "twenty": 20,
    "twenty-four": 24, "thirty": 30, "a": 1, "an": 1, "fifteen": 15, "fourteen": 14,
    "sixty": 60, "ninety": 90, "twenty-one": 21, "twenty-eight": 28,
}  # fmt: skip
UNITS = {"day": "days", "days": "days", "week": "weeks", "weeks": "weeks", "month": "months",
         "months": "months", "year": "years", "years": "years", "hour": "hours",
         "hours": "hours"}  # fmt: skip
# A limit in working days is a service standard, never counted from a report.
STANDARD_UNITS = frozenset({"working", "business"})
CUES: tuple[tuple[str, ...], ...] = (
    ("by",),
    ("before",),
    ("no", "later", "than"),
    ("not", "later", "than"),
    ("by", "no", "later", "than"),
    ("on", "or", "before"),
    ("in", "or", "before"),
    ("by", "or", "before"),
)
PAST_MARKERS = frozenset({"had", "was", "were", "did"})
DIRECTIVE = re.compile(
    r"\b(should|must|shall|will|ought to|needs? to|is to|are to|recommend\w*|to be|to [a-z]+)\b",
    re.I,
)
# The report's own publication (or decision) as the event a limit counts from: it must head
# the phrase ("of the publication of this report", "of the date of this letter"); "of the
# Cabinet's response to this report" counts from another event.
PUBLICATION_EVENT = re.compile(
    r"^(?:of|from|after|following)\s+(?:(?:the|this|our|my)\s+)?"
    r"(?:(?:date|day)\s+(?:of\s+)?(?:(?:the|this|my|our|its)\s+)?)?(?:final\s+)?"
    r"(?:publication|publishing|publish|release|tabling|laying|report|letter|notice|decision|"
    r"determination|reprimand|(?<=date of )issue|"
    r"(?<=this )(?:review|inspection|investigation|inquiry)|"
    r"(?:receipt|receiving)\s+(?:of\s+)?(?:this|the|our|my)\s+(?:report|letter|notice))\b"
    # "of the report being received": each case's report (of a crime), not this document
    r"(?!\s+(?:being|is|was|are|were)\b)",
    re.I,
)
EVENT_WORDS = frozenset({"of", "from", "after", "following"})
# After "of the report", words that make it an event of each case's ("being received").
_EVENT_GOES_ON = frozenset({"of", "being", "is", "was", "are", "were"})
_STALE_DAYS = 366  # a "deadline" this long before publication is a narrative date
_DOCUMENT_WORDS = frozenset({"report", "letter", "notice", "publication", "decision"})
NOT_NOW_BEFORE = frozenset(
    {"is", "are", "was", "has", "have", "until", "by", "from", "right", "for"}
)
AFTER_IMMEDIATELY = frozenset(
    {"after", "before", "following", "prior", "upon", "on", "when", "once", "available"}
)

_NUM = {"LOWER": {"IN": list(NUMBER_WORDS)}}
_DIGITS = {"TEXT": {"REGEX": r"^\d{1,3}$"}}
_YEAR = {"TEXT": {"REGEX": r"^(19|20)\d\d$"}}
_DAY = {"LOWER": {"REGEX": r"^\d{1,2}(st|nd|rd|th)?$"}}
_MONTH = {"LOWER": {"IN": list(MONTHS)}}
_SEASON = {"LOWER": {"IN": list(SEASON_END)}}
_UNIT = {"LOWER": {"IN": list(UNITS)}}
# A period that recurs: "every term", "once a quarter".
_PERIOD = {"LOWER": {"IN": ["year", "month", "quarter", "term", "week", "fortnight"]}}
# A day written in figures, day first as in UK reports: "31/03/2026", "31.03.2026".
_NUMERIC_DAY = {"TEXT": {"REGEX": r"^\d{1,2}[/.]\d{1,2}[/.](19|20)\d\d$"}}

_lock = threading.Lock()
_matchers: dict[int, Matcher] = {}


def _words(*ws: str) -> list[dict[str, Any]]:
    return [{"LOWER": w} for w in ws]


def _patterns() -> dict[str, list[list[dict[str, Any]]]]:
    end_of = [{"LOWER": "the", "OP": "?"}, *_words("end", "of")]  # "by (the) end of 2027"
    pats: dict[str, list[list[dict[str, Any]]]] = {
        "DAY": [],
        "MONTH": [],
        "SEASON": [],
        "YEAR": [],
        "THIS_YEAR": [],
        "NUMERIC": [],
    }
    for cue in CUES:
        c = _words(*cue)
        pats["DAY"].append([*c, _DAY, _MONTH, {"TEXT": ",", "OP": "?"}, _YEAR])
        pats["DAY"].append([*c, _MONTH, _DAY, {"TEXT": ",", "OP": "?"}, _YEAR])
        for pre in ([], end_of):
            pats["MONTH"].append([*c, *pre, _MONTH, _YEAR])
            pats["SEASON"].append([*c, *pre, _SEASON, _YEAR])
            pats["YEAR"].append([*c, *pre, _YEAR])
        pats["NUMERIC"].append([*c, _NUMERIC_DAY])
        pats["THIS_YEAR"].append([*c, *end_of, *_words("this", "year")])
        pats["THIS_YEAR"].append([*c, *end_of, *_words("the", "current", "year")])
    pats["SEASON"].append([*_words("no", "later", "than"), _SEASON, _YEAR])
    # "publish it in summer 2027", "review it in September 2027": only in a sentence that
    # asks, and only after publication (find_deadlines checks both)
    pats["SEASON"].append([*_words("in"), _SEASON, _YEAR])
    pats["MONTH"].append([*_words("in"), _MONTH, _YEAR])
    number: list[dict[str, Any]] = [{"LOWER": {"IN": list(NUMBER_WORDS)}}]
    digits: list[dict[str, Any]] = [_DIGITS]
    rel: list[list[dict[str, Any]]] = []
    working: dict[str, Any] = {"LOWER": {"IN": ["working", "business"]}, "OP": "?"}
    for n in (number, digits):
        rel.append([*_words("within"), {"LOWER": "the", "OP": "?"}, {"LOWER": "next", "OP": "?"},
                    *n, working, _UNIT])  # fmt: skip
        rel.append([*_words("in", "the", "next"), *n, _UNIT])
        rel.append([*_words("over", "the", "next"), *n, _UNIT])
        rel.append([*n, _UNIT, {"LOWER": {"IN": ["after", "following"]}}])  # "… after publication"
        rel.append([*_words("for", "at", "least"), {"LOWER": "the", "OP": "?"},
                    {"LOWER": "next", "OP": "?"}, *n, _UNIT])  # fmt: skip
    # "within the next year": one of the unit
    rel.append([*_words("within"), {"LOWER": "the", "OP": "?"}, *_words("next"), _UNIT])
    pats["RELATIVE"] = rel
    pats["IMMEDIATE"] = [
        _words("immediately"),
        _words("with", "immediate", "effect"),
        _words("now"),
        _words("forthwith"),
    ]
    pats["ONGOING"] = _ongoing_patterns()
    return pats


def _ongoing_patterns() -> list[list[dict[str, Any]]]:
    """Recurring limits: "annually", "at least every three years", "each annual report"."""
    every: dict[str, Any] = {"LOWER": {"IN": ["every", "each"]}}
    least: list[dict[str, Any]] = [
        {"LOWER": {"IN": ["at", "not", "no"]}},
        {"LOWER": {"IN": ["least", "less", "more"]}},
        {"LOWER": "than", "OP": "?"},
    ]
    return [
        _words("annually"),
        _words("biannually"),
        _words("quarterly"),
        # "at least monthly", "no less than weekly": a frequency bound, not only a manner
        [
            *least,
            {
                "LOWER": {
                    "IN": [
                        "daily",
                        "weekly",
                        "fortnightly",
                        "monthly",
                        "quarterly",
                        "yearly",
                        "annually",
                    ]
                }
            },
        ],
        # "at least once a month", "twice a term": a number of times in each period
        [
            {"LOWER": {"IN": ["once", "twice"]}},
            {"LOWER": {"IN": ["a", "per", "each", "every"]}},
            _PERIOD,
        ],
        _words("on", "an", "annual", "basis"),
        [
            *least,
            {"LOWER": "once", "OP": "?"},
            every,
            {"LOWER": {"IN": list(NUMBER_WORDS)}, "OP": "?"},
            _UNIT,
        ],
        [{"LOWER": "once", "OP": "?"}, every, _NUM, _UNIT],
        [{"LOWER": "once", "OP": "?"}, every, _DIGITS, _UNIT],
        [every, _PERIOD],
        [
            {"LOWER": {"IN": [*NUMBER_WORDS, "two", "three"]}},
            {"TEXT": "-"},
            {"LOWER": {"IN": ["monthly", "yearly", "weekly", "annually"]}},
        ],
        [{"LOWER": {"REGEX": r"^(\d+|[a-z]+)-(monthly|yearly|weekly)$"}}],
        [{"LOWER": {"IN": list(NUMBER_WORDS)}}, _UNIT, {"LOWER": "apart"}],
        # "in each annual report": a recurring report
        [
            every,
            {"LOWER": {"IN": ["annual", "yearly", "quarterly", "monthly"]}},
            {"LOWER": {"IN": ["report", "review", "plan", "statement"]}, "OP": "?"},
        ],
        # "at least 12 weeks before their release": a limit before each case's own event
        [*least, {"LOWER": {"IN": [*NUMBER_WORDS, "two", "three"]}}, _UNIT, {"LOWER": "before"}],
        [*least, _DIGITS, _UNIT, {"LOWER": "before"}],
    ]


def _matcher() -> tuple[Any, Matcher]:
    from spacy.matcher import Matcher

    nlp = get_nlp()
    with _lock:
        matcher = _matchers.get(id(nlp.vocab))
        if matcher is None:
            matcher = Matcher(nlp.vocab)
            for label, pats in _patterns().items():
                matcher.add(label, pats, greedy="LONGEST")
            _matchers[id(nlp.vocab)] = matcher
    return nlp, matcher


def _number(text: str) -> int | None:
    t = text.lower()
    if t.isdigit():
        return int(t)
    return NUMBER_WORDS.get(t)


def add_months(d: date, months: int) -> date:
    """Add calendar months, clamping to the last day of the target month."""
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _add(d: date, n: int, unit: str) -> date:
    if unit == "months":
        return add_months(d, n)
    if unit == "years":
        return add_months(d, 12 * n)
    from datetime import timedelta

    return d + timedelta(days=n * (7 if unit == "weeks" else 1))


@lru_cache(maxsize=4096)
def _dateparse(text: str, base: datetime) -> date | None:
    import dateparser

    settings: Any = {**DATEPARSER_SETTINGS, "RELATIVE_BASE": base}
    parsed = dateparser.parse(text, languages=DATEPARSER_LANGUAGES, settings=settings)
    return parsed.date() if parsed else None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _is_narrative(sent: Span) -> bool:
    words = {t.lower_ for t in sent}
    text = sent.text
    past = bool(words & PAST_MARKERS) or bool(re.search(r"\b(has|have) been\b", text, re.I))
    # an entry opening with its verb asks, its modal in the lead-in ("should:" over "publish
    # data on cases that were shared …")
    asks = DIRECTIVE.search(text) or opens_with_imperative(text) or ASKS_THAT_RE.match(text)
    return past and not asks


def _event_tail(doc: Doc, end: int) -> tuple[str, int]:
    """The 'of <event>' phrase after a relative limit and where it ends."""
    if end >= len(doc) or doc[end].lower_ not in EVENT_WORDS:
        return "", end
    j = end
    while j < len(doc) and j < end + 12 and not (doc[j].is_punct and doc[j].text not in {"'", "-"}):
        j += 1
        closes = doc[j - 1].lower_ in _DOCUMENT_WORDS and j - end >= 2
        if closes and not (j < len(doc) and doc[j].lower_ in _EVENT_GOES_ON):
            break
    return doc[end:j].text, j


def _resolve(label: str, span: Span, doc: Doc, published: date | None) -> Deadline | None:
    toks = list(span)
    words = [t.lower_ for t in toks]
    text = span.text
    base = datetime(published.year, published.month, published.day) if published else _NO_BASE
    kind: DeadlineKind
    gran: Granularity | None
    when: date | None
    if label == "IMMEDIATE":
        if words == ["now"]:
            prev = doc[span.start - 1].lower_ if span.start else ""
            nxt = doc[span.end] if span.end < len(doc) else None
            if prev in NOT_NOW_BEFORE or (nxt is not None and not nxt.is_punct):
                return None
            if nxt is not None and nxt.text in {"(", "-", "'"}:
                return None
        if words == ["immediately"]:
            nxt_word = doc[span.end].lower_ if span.end < len(doc) else ""
            if nxt_word in AFTER_IMMEDIATELY:
                return None
        return Deadline(text, published, "immediate", "day")
    if label == "ONGOING":
        return Deadline(text, None, "ongoing", None)
    if label == "NUMERIC":
        return _numeric_day(text)
    if label == "RELATIVE":
        return _relative(span, doc, published)
    year_tok = next((t for t in toks if re.fullmatch(r"(19|20)\d\d", t.text)), None)
    if label == "THIS_YEAR":
        when = date(published.year, 12, 31) if published else None
        return Deadline(text, when, "date", "year")
    if year_tok is None:
        return None
    year = int(year_tok.text)
    if label == "YEAR":
        when, gran = date(year, 12, 31), "year"
    elif label == "SEASON":
        season = next(w for w in words if w in SEASON_END)
        dy, month = SEASON_END[season]
        when, gran = _month_end(year + dy, month), "season"
    else:
        month_i = next(i for i, w in enumerate(words) if w in MONTHS)
        first = next(i for i, t in enumerate(toks) if t.lower_ in MONTHS or re.match(r"\d", t.text))
        phrase = " ".join(t.text for t in toks[first:] if t.text != ",")
        day_tok = next((t for t in toks if re.fullmatch(r"\d{1,2}(st|nd|rd|th)?", t.lower_)), None)
        when = None
        if label == "DAY" and day_tok is not None:
            # an explicit day: build it directly rather than trust a parser's defaults
            day = int(re.sub(r"\D", "", day_tok.text))
            month = MONTHS[words[month_i]]
            if 1 <= day <= calendar.monthrange(year, month)[1]:
                when = date(year, month, day)
        if when is None and label == "MONTH" and phrase.lower() == f"{words[month_i]} {year}":
            # "March 2025": the month's last day, as dateparser's answer (or its refusal) gives
            # below; dateparser is not even loaded for it
            when = _month_end(year, MONTHS[words[month_i]])
        if when is None:
            when = _dateparse(phrase, base)
        if when is None:  # dateparser refused: fall back to the month's last day
            when = _month_end(year, MONTHS[words[month_i]])
        gran = "day" if label == "DAY" else "month"
        if label == "MONTH":
            when = _month_end(when.year, when.month)
    kind = "date"
    return Deadline(text, when, kind, gran)


def _relative(span: Span, doc: Doc, published: date | None) -> Deadline | None:
    """A limit counted from publication ("within six months"), or one counted from each case's
    own event (ongoing: "within two working days of a change"), or none ("for six hours")."""
    toks = list(span)
    words = [t.lower_ for t in toks]
    text = span.text
    n = next((_number(t.text) for t in toks if (_number(t.text) is not None and t.lower_ not in
              {"a", "an"}) or (t.lower_ in {"a", "an"} and t.i + 1 < len(doc) and
              doc[t.i + 1].lower_ in UNITS)), None)  # fmt: skip
    unit_at = max(k for k, w in enumerate(words) if w in UNITS)
    unit = UNITS[words[unit_at]]
    event, end = _event_tail(doc, toks[unit_at].i + 1)
    if unit == "hours" and not event:
        return None  # "held for at least six hours", "reached within an hour": how long
    if event:
        text = doc[span.start : end].text
    if not PUBLICATION_EVENT.search(event) and words[-1] in {"after", "following"}:
        return None  # "twelve months after their first contact": when, not by when
    if not PUBLICATION_EVENT.search(event) and (event or STANDARD_UNITS & set(words)):
        return Deadline(text, None, "ongoing", None)
    if n is None and "next" in words:
        n = 1  # "within the next year"
    if n is None:
        return None
    when = _add(published, n, unit) if published else None
    return Deadline(text, when, "relative", "day")


def _due_in(deadline: Deadline, span: Span, published: date | None) -> bool:
    """True when "in September 2027" says when something is due: the sentence asks for it,
    and the date is not before publication (else it says when something happened)."""
    if not DIRECTIVE.search(span.sent.text):
        return False
    return not (deadline.date and published and deadline.date < published)


def _numeric_day(text: str) -> Deadline | None:
    """A deadline whose day is written in figures, day first; None when no such day exists."""
    m = re.search(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", text)
    if m is None:
        return None
    day, month, year = (int(g) for g in m.groups())
    try:
        return Deadline(text, date(year, month, day), "date", "day")
    except ValueError:
        return None


def _shares_out(span: Span, doc: Doc) -> bool:
    """ "plans for each year of the strategy": one per period, a share-out, not a recurrence."""
    return (
        span[0].lower_ in {"each", "every"}
        and span.start > 0
        and doc[span.start - 1].lower_ == "for"
        and span.end < len(doc)
        and doc[span.end].lower_ == "of"
    )


def find_deadlines(text: str, published: date | None) -> list[Deadline]:
    """Every deadline stated in a text, in order of appearance."""
    nlp, matcher = _matcher()
    doc = nlp(normalise(text))
    from spacy.util import filter_spans

    spans = []
    for match_id, start, end in matcher(doc):
        span = doc[start:end]
        span.label_ = nlp.vocab.strings[match_id]
        spans.append(span)
    found: list[Deadline] = []
    starts: list[int] = []
    last_end = -1
    for span in sorted(filter_spans(spans), key=lambda s: s.start):
        if _is_narrative(span.sent) or _shares_out(span, doc) or _horizon(span):
            continue
        deadline = _resolve(span.label_, span, doc, published)
        if deadline is None or (span[0].lower_ == "in" and not _due_in(deadline, span, published)):
            continue
        # a "deadline" long before publication is a narrative or eligibility date ("before 1996")
        stale = deadline.date and published and (published - deadline.date).days > _STALE_DAYS
        if deadline.kind == "date" and stale:
            continue
        if found and found[-1].kind == "relative" and deadline.kind == "date":
            restated = _RESTATES_RE.search(doc[max(last_end, span.start - 3) : span.start].text)
            if restated:
                # "within 56 days of this report, namely by 14 August 2025": one limit, as a date
                text = f"{found.pop().text}, {restated.group(1)} {span.text}"
                deadline = dataclasses.replace(deadline, text=text)
        found.append(deadline)
        starts.append(span.start_char)
        last_end = span.end
    return _with_periods(doc, found, starts, published)


def _horizon(span: Span) -> bool:
    """True for "over the next three years" after the ask ("a strategy that shows how it will
    meet demand over the next three years"): the span of a plan, not a limit on the ask;
    before it ("Over the next six months, forces should …") it times the ask."""
    if span[0].lower_ != "over":
        return False
    before = span.doc[span.sent.start : span.start]
    return any(t.lower_ in _ASKING_MODALS for t in before)


_ASKING_MODALS = frozenset({"should", "must", "shall", "recommend", "recommends"})


# A quarter of a financial year ("Q3 2026/27": October to December 2026) or of a calendar year.
_QUARTER_RE = re.compile(
    r"\b(?:(?:by|before|in|during)\s+)?(?:(?:the\s+)?end\s+of\s+)?Q(?P<q>[1-4])\s+"
    r"(?P<year>20\d\d)(?P<fy>/(?:20)?\d\d)?\b",
    re.IGNORECASE,
)
_QUARTER_END = {1: (6, 30), 2: (9, 30), 3: (12, 31), 4: (3, 31)}
# A financial year by its end ("by the end of the 2026/27 financial year", "by 2026-27"): it
# runs April to March, so it ends on 31 March of its second year.
_FINANCIAL_YEAR_RE = re.compile(
    r"\b(?:by|before|no later than)\s+(?:(?:the\s+)?end\s+of\s+)?(?:the\s+)?"
    r"(?P<year>20\d\d)[/-](?P<next>(?:20)?\d\d)\b(?:\s+financial\s+year)?",
    re.IGNORECASE,
)


# A month in a spreadsheet's short form ("by Dec-25", "by Sept-2026"): its last day
_SHORT_MONTH_RE = re.compile(
    r"\b(?:by|before|no later than)\s+(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)"
    r"[-/](?P<year>\d\d|20\d\d)\b",
    re.IGNORECASE,
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


# The financial year the report is published in, by its end: "by the end of the financial
# year" (April to March, so 31 March after publication)
_THIS_FINANCIAL_YEAR_RE = re.compile(
    r"\b(?:by|before)\s+(?:the\s+)?end\s+of\s+(?:the|this)\s+(?:current\s+)?financial\s+year\b",
    re.IGNORECASE,
)


def _period_end(m: re.Match[str], published: date | None = None) -> date | None:
    """The last day of the quarter, financial year or month a match names (None: not a period); the
    current financial year is the one the report is published in."""
    if m.re is _THIS_FINANCIAL_YEAR_RE:
        if published is None:
            return None
        return date(published.year + (published.month >= 4), 3, 31)
    year = int(m.group("year"))
    if m.re is _SHORT_MONTH_RE:
        month = _MONTHS.index(m.group("mon")[:3].lower()) + 1
        return _month_end(year if year > 99 else 2000 + year, month)
    if "q" not in m.re.groupindex:  # a financial year: its second year must follow the first
        return date(year + 1, 3, 31) if int(m.group("next")[-2:]) == (year + 1) % 100 else None
    q = int(m.group("q"))
    if m.group("fy"):  # a financial year runs April to March
        month, day = _QUARTER_END[q]
        return date(year + 1 if q == 4 else year, month, day)
    return date(year, 3 * q, 30 if q in (2, 3) else 31)


def _with_periods(
    doc: Doc, found: list[Deadline], starts: list[int], published: date | None
) -> list[Deadline]:
    """The deadlines found, with any quarter or financial year the text names, in order of
    appearance; one in narrative or long past is skipped as any other date is."""
    quarters = []
    matches = [
        *_QUARTER_RE.finditer(doc.text),
        *_FINANCIAL_YEAR_RE.finditer(doc.text),
        *_SHORT_MONTH_RE.finditer(doc.text),
    ]
    if published is not None:
        matches += _THIS_FINANCIAL_YEAR_RE.finditer(doc.text)
    for m in matches:
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        end = _period_end(m, published)
        if span is None or end is None or _is_narrative(span.sent):
            continue
        if published and (published - end).days > _STALE_DAYS:
            continue
        quarters.append((m.start(), Deadline(m.group(0), end, "date", "month")))
    if not quarters:
        return found
    # a period read as a plain year too ("by 2026-27" as "by 2026") is the period
    inside = {q_start + k for q_start, q in quarters for k in range(len(q.text))}
    kept = [(start, d) for start, d in zip(starts, found, strict=True) if start not in inside]
    merged = sorted([*kept, *quarters], key=lambda pair: pair[0])
    return [deadline for _, deadline in merged]


_RESTATES_RE = re.compile(r"\b(namely|that is|i\.e\.)\W*$", re.IGNORECASE)


# A field naming the date items are due by: "Deadline: April 2026", "Target date: 31 May 2026"
_DATE_FIELD_RE = re.compile(
    rf"^{WHEN_FIELD}\s*:\s*(?=(?:\d{{1,2}}\s+)?[A-Za-z]{{3,9}}\.?\s+\d{{4}})", re.IGNORECASE
)


# A timing heading or due cell that opens with how often ("Monthly audit from May 2025").
_RECURRING_CELL_RE = re.compile(
    r"^(?:daily|weekly|fortnightly|monthly|quarterly|annual(?:ly)?|yearly|ongoing|continuous)\b",
    re.IGNORECASE,
)


# A limit counted from the present document itself, whatever report it answers.
_OWN_DOCUMENT_RE = re.compile(
    r"\bthis (?:letter|response|statement|update|progress report|revisit)\b", re.IGNORECASE
)


def _own_dated(found: list[Deadline], text: str, own: date | None) -> list[Deadline]:
    """Relative limits counted from "the date of this letter" resolved from the letter's own
    date rather than the report it answers."""
    if own is None or not any(
        d.kind == "relative" and _OWN_DOCUMENT_RE.search(d.text) for d in found
    ):
        return found
    again = {d.text: d for d in find_deadlines(text, own)}
    return [
        again.get(d.text, d) if d.kind == "relative" and _OWN_DOCUMENT_RE.search(d.text) else d
        for d in found
    ]


def tag_deadlines(
    items: Sequence[Item],
    published: date | None,
    settings: ExtractorSettings = DEFAULT_SETTINGS,
    *,
    standing: str | None = None,
    own: date | None = None,
) -> list[Item]:
    """Return the items with `deadline` (first stated) and `deadlines` (all) set.

    `standing` is the document's own limit for responses ("within 56 days of the date of this
    report"): the deadline of every item that states none. `own` is the document's own date,
    when `published` is that of the report it answers: a limit counted from "this letter"
    counts from it.
    """
    with extra_bodies(settings.bodies_file):
        by_default = find_deadlines(standing, published)[:1] if standing else []
        out: list[Item] = []
        for item in items:
            found: list[Deadline] = []
            if item.timing and _RECURRING_CELL_RE.match(item.timing):
                found.append(Deadline(item.timing.rstrip(" :"), None, "ongoing", None))
            elif item.timing:
                # "Deadline: April 2026": the date a field names is the one the item is due by
                timing = _DATE_FIELD_RE.sub("By ", item.timing.rstrip(" :"))
                found.extend(_own_dated(find_deadlines(timing, published), timing, own))
            found.extend(_own_dated(find_deadlines(item.text, published), item.text, own))
            found = found or by_default
            out.append(
                dataclasses.replace(
                    item, deadline=found[0] if found else None, deadlines=tuple(found)
                )
            )
        return out
