"""Who published a report: read from where publications print it, never from a mere mention.

In order: the masthead (cover lines above the title), a cover field that names who produced the
document ("Produced by: …", "Creating Branch/Directorate: …"), a title that opens "<Government>
response", the imprint (a front page with a copyright or licence line, or the back page, where a
publisher describes itself), then the cover, then the PDF's author field when it names a
publisher, then the body a statistical note says the figures were returned to. A committee is
named with its House ("House of Commons Home Affairs Committee"); a joint inspection, whose team
is listed under each inspectorate's name, is published by all of them ("Ofsted and Care
Quality Commission").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors.registry import load_registry, resolve_body
from extractors.vocabulary import in_welsh
from models.records import DocumentText, Line

# Publishers recognised by name, most specific first; an empty name keeps the match as printed.
_PUBLISHERS: tuple[tuple[str, str], ...] = (
    (
        r"HMICFRS|Inspectorate of Constabulary and Fire (?:&|and) Rescue(?: Services)?",
        "HMICFRS",
    ),
    (
        r"Inspectorate of Constabulary in Scotland\b|\bHMICS\b",
        "HM Inspectorate of Constabulary in Scotland",
    ),
    (r"Inspectorate of Constabulary\b|\bHMIC\b", "HMIC"),
    (r"Crown Prosecution Service Inspectorate|HMCPSI", "HMCPSI"),
    (r"Inspectorate of Probation|\bHMI Probation\b", "HM Inspectorate of Probation"),
    (r"Inspectorate of Prisons|\bHMI Prisons\b", "HM Inspectorate of Prisons"),
    (r"\b(?i:ofsted)\b|Office for Standards in Education", "Ofsted"),
    (r"Care Quality Commission|\bCQC\b", "Care Quality Commission"),
    (r"House of Commons Library|\bCommons Library\b", "House of Commons Library"),
    (r"National Audit Office|\bNAO\b|Comptroller and Auditor General", "National Audit Office"),
    # A committee named before the word ("Home Affairs Committee", "Environment, Food and Rural
    # Affairs Committee") or after it ("Committee of Public Accounts").
    (
        r"\b(?:[A-Z][\w'’-]*,?\s+(?:(?:and|&|of|for)\s+)?){1,6}(?:Select\s+)?Committee\b"
        r"(?:\s+(?:of|on|for)\s+[A-Z][\w'’-]*(?:\s+(?:(?:and|&|in)\s+)?[A-Z][\w'’-]*){0,3})?",
        "",
    ),
    (r"\b(?:[A-Z][\w'’-]*,?\s+(?:(?:and|&|of|for)\s+)?){1,6}Ombudsman\b", ""),
    (r"\b(?:[A-Z][\w'’-]*\s+){1,3}Police (?:and|&) Crime Panel\b", ""),
    (
        r"\b(?:Office of the )?Police,? (?:Fire and )?(?:and|&) Crime Commissioner for "
        r"[A-Z][\w'’-]*(?:\s+(?:(?:and|&)\s+)?[A-Z][\w'’-]*){0,3}",
        "",
    ),
    (
        r"\b(?:[A-Z][\w'’-]*\s+(?:(?:and|&)\s+)?){1,3}(?:Safeguarding (?:Children|Adults)|"
        r"Community Safety) (?:Partnership|Board)\b",
        "",
    ),
    (r"\b(?:[A-Z][\w'’-]*\s+(?:(?:and|&)\s+)?){1,4}NHS (?:Foundation )?Trust\b", ""),
    (r"\b(?:[A-Z][\w-]*\s){1,3}Inquiry\b", ""),
    (r"Independent Office for Police Conduct|\bIOPC\b", "IOPC"),
    (r"College of Policing", "College of Policing"),
    (
        r"Department of Health (?:and|&) Social Care|\bDHSC\b",
        "Department of Health and Social Care",
    ),
    (r"Department for Work and Pensions|\bDWP\b", "Department for Work and Pensions"),
    (r"\b(?:Department|Ministry) (?:for|of) (?:[A-Z][\w-]*(?:,? (?:and|&) | )?){1,4}", ""),
    (r"Home Office", "Home Office"),
    (r"Cabinet Office", "Cabinet Office"),
    (r"\b(?:Welsh|Scottish|UK|HM) Government\b", ""),
    # A force by its name, not the start of a longer name ("National Police Chiefs' Council",
    # "Northmoor Police and Crime Panel", "Independent Police Oversight Authority").
    (
        r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)* (?:Constabulary|Police(?: Service)?)\b"
        r"(?!['’]?\s*(?:Chiefs|(?:and|&) Crime|Federation|Fire)\b)"
        r"(?!\s+(?:[A-Z][a-z]+\s+){0,2}(?:Authority|Commission|Board|Panel|Council|Ombudsman|"
        r"Agency|Inspectorate|Office|Committee|Unit|Service)\b)",
        "",
    ),
)
_COMPILED = tuple((re.compile(p), name) for p, name in _PUBLISHERS)
_RESPONSE_TITLE = re.compile(
    r"^(?P<who>(?:(?:UK|HM|Welsh|Scottish) )?Government)(?:['’]s)? response\b", re.I
)
_HOUSE = re.compile(r"\bHouse of (Commons|Lords)\b", re.I)
_IMPRINT_CUE = re.compile(
    r"©|copyright|licen[cs]e|publish|available (?:at|from|on)|obtainable|regulates|responsib|"
    r"enquiries|website|www\.",
    re.I,
)
# A labelled cover field naming the producer; a date or review field is not one.
_PRODUCER_FIELD = re.compile(
    r"^(?P<label>(?:[\w/&]+ ){0,3}?(?:publisher|published by|produced by|issued by|prepared by|"
    r"author(?:ing)?(?: body| organi[sz]ation)?|(?:creating|owning|issuing) "
    r"(?:branch|directorate|department|unit|organi[sz]ation)[\w/ ]*))\s*:\s*(?P<value>\S.{1,80})$",
    re.I,
)
# What asks or cites is no imprint: "X should publish …", "PEEL: X Police (published 4 May)".
_NOT_IMPRINT = re.compile(r"\b(?:should|must|shall|recommends?)\b|\(published\b", re.I)
_SELF_DESCRIPTION = re.compile(r"^(?:The )?(?P<name>[A-Z][^.]{2,80}?) is (?:a|an|the)\b")
# Inspectorates that inspect jointly, each listing its own inspectors in the team section.
_INSPECTORATES = frozenset(
    {
        "HMICFRS",
        "HMIC",
        "HM Inspectorate of Constabulary in Scotland",
        "HMCPSI",
        "HM Inspectorate of Probation",
        "HM Inspectorate of Prisons",
        "Ofsted",
        "Care Quality Commission",
    }
)
_TEAM_HEADING = re.compile(r"^\s*(?:the )?inspection team\s*:?\s*$", re.I)
_ROW_GAP = 40.0  # points below the heading within which the inspectorates' names stand
# Figures a statistical note says were returned to a body ("submitted by forces to X"): X
# compiled them, and is the publisher when nothing else names one.
_RETURNED_TO = re.compile(
    r"\b(?:submitted|supplied|provided|returned|sent)\b[^.]{0,60}?\bto (?:the )?"
    r"(?P<name>[A-Z][\w&'’-]*(?:\s+(?:(?:of|for|and|&)\s+)?[A-Z][\w&'’-]*){0,7})"
)


_HONORIFIC_RE = re.compile(r"^(?:(?:His|Her) Majesty['’]s|HM|The)\s+")
# A letter's address block: a post, a comma, then the organisation ("Chief Constable, X Police").
_ADDRESS_LINE = re.compile(
    r"^(?:[A-Z][\w'’]*\s+){0,4}(?:Director|Chief|Head|Executive|Officer|Constable|Commissioner|"
    r"Scrutineer|Chair|Chairman|Secretary|Manager|Lead|Governor|Minister|Clerk|Leader|Mayor)\w*"
    r"(?:\s+(?:of|for|and)?\s*[\w'’]+){0,4},\s+[A-Z]"
)
_BY_RE = re.compile(
    r"\b(?i:report|inspection|review|investigation|published|produced|prepared|commissioned|"
    r"issued)\s+by\s+(?:the\s+)?(?P<name>[A-Z].*)"
)
# An author field that names a person ("Smith, Jane", "jsmith") or the program that made the file.
_NOT_AN_ORGANISATION = re.compile(
    r"\d|^[\w'’-]+,\s*[A-Z][a-z]+|^[a-z]+$|\b(?i:acrobat|adobe|microsoft|word|pdf|user|admin)\b"
)
_ORGANISATION_WORD = re.compile(
    r"\b(?:Office|Inspectorate|Ombudsman|Committee|Council|Partnership|Commissioner|Trust|"
    r"Services?|Government|Department|Ministry|Police|Constabulary|Panel|Coroner|Authority|Agency|"
    r"Commission|Board|Inquiry|NHS|Library|Unit|Directorate|College|Executive)\b"
)


def find_publisher(doc: DocumentText, title_lines: Sequence[Line], title: str | None) -> str | None:
    """The report's publisher from masthead, response title, imprint, cover or author; else None."""
    front = [ln for ln in doc.lines if ln.page <= 4]
    first = min((ln.page for ln in front), default=1)
    cover = [ln for ln in front if ln.page == first and not _ADDRESS_LINE.match(ln.text)]
    masthead = _masthead(cover, title_lines)
    # The title names what the report is about ("An inspection of Northmoor Police"), never who
    # made it; neither does a letter's address block.
    rest = [
        ln
        for k, ln in enumerate(cover)
        if (names_only_a_publisher(ln.text) and not _object_of(cover[:k]))
        or not any(ln is t for t in title_lines)
    ]
    found = _by_line(masthead + [ln.text for ln in rest]) or _named(masthead)
    found = found or _organisation(masthead) or _producer(cover)
    if found is None and title:
        m = _RESPONSE_TITLE.match(title)
        if m:
            found = "UK Government" if m.group("who").lower() == "government" else m.group("who")
    # a cover whose title is only a meeting body's name ("Wyvern Police and Crime Panel" over
    # an agenda): that body, before any the inner pages mention
    found = found or _named([ln.text for ln in rest if _MEETING_BODY_RE.fullmatch(ln.text.strip())])
    found = found or _named(_imprint(doc)) or _author(doc) or _named(_cased(rest))
    found = found or _returned_to(front)
    found = _joint(doc.lines, found)
    found = _joint_cover(cover, found)
    if found and found.endswith("Committee") and not _HOUSE.search(found):
        house = _house(masthead + [ln.text for ln in front])
        found = f"House of {house} {found}" if house else found
    return _english_half(found) if found else found


def _english_half(name: str) -> str:
    """A name printed in Welsh and English ("Comisiynydd y Gymraeg / Welsh Language
    Commissioner"): the English one, as the report's English text calls it."""
    halves = [h.strip() for h in re.split(r"\s+[/|]\s+", name)]
    english = [h for h in halves if h and not in_welsh(h)]
    return english[0] if len(halves) == 2 and len(english) == 1 else name


# A body that meets and publishes its papers: "Wyvern Police and Crime Panel"
_MEETING_BODY_RE = re.compile(
    r"(?:[A-Z][\w’'&-]*\s+)(?:(?:[A-Z][\w’'&-]*|and|of|for)\s+){0,6}(?:Panel|Committee)"
)


# A line ending in a preposition leaves its object to the next line: "An inspection of" over
# "Northmarsh Police" names the body inspected, not the one that inspected it.
_OPEN_OBJECT_RE = re.compile(r"\b(?:of|into|on|for|about|at|in)\s*$", re.I)


def _object_of(above: Sequence[Line]) -> bool:
    """True when the cover line just above ends in a preposition, so the next line is its object."""
    return bool(above) and bool(_OPEN_OBJECT_RE.search(above[-1].text))


def _by_line(texts: Sequence[str]) -> str | None:
    """The publisher a cover says made the report: "Report by the National Audit Office"."""
    for text in texts:
        for m in _BY_RE.finditer(text):
            found = _leading(m.group("name"))
            if found:
                return found
    return None


def names_only_a_publisher(text: str) -> bool:
    """True when a text is nothing but a publisher's name ("Northmoor Constabulary")."""
    name = _HONORIFIC_RE.sub("", " ".join(text.split()))
    if name.isupper():  # "AMBERCOMBE POLICE AND CRIME PANEL"
        name = _title_cased(name)
    return any(pattern.fullmatch(name) for pattern, _ in _COMPILED)


def _leading(text: str) -> str | None:
    """The publisher whose name opens the text, by pattern."""
    for pattern, name in _COMPILED:
        m = pattern.match(text)
        if m:
            return name or _tidy(m.group(0))
    return None


def _author(doc: DocumentText) -> str | None:
    """The PDF's author field when it names an organisation, not a person or a program."""
    author = " ".join((doc.meta("Author") or "").split())
    if not author or _NOT_AN_ORGANISATION.search(author):
        return None
    known = _named([author])
    if known:
        return known
    return _tidy(author) if _ORGANISATION_WORD.search(author) else None


def _joint(lines: Sequence[Line], found: str | None) -> str | None:
    """All inspectorates an inspection team is listed under, when it names more than one."""
    for heading in (ln for ln in lines if _TEAM_HEADING.match(ln.text)):
        below = [
            ln for ln in lines if ln.page == heading.page and 0 < ln.top - heading.top <= _ROW_GAP
        ]
        if not below:
            continue
        row_top = min(ln.top for ln in below)
        row = sorted((ln for ln in below if abs(ln.top - row_top) < 2), key=lambda ln: ln.x0)
        names = [_named([ln.text]) for ln in row]
        if len(row) >= 2 and all(
            _whole_inspectorate(ln.text, n) for ln, n in zip(row, names, strict=True)
        ):
            joint = list(dict.fromkeys(n for n in names if n))
            if len(joint) >= 2 and (found is None or found in joint):
                return " and ".join(joint)
    return found


def _joint_cover(cover: Sequence[Line], found: str | None) -> str | None:
    """All publishers a cover names side by side: a row of their names ("HMICFRS HMCPSI",
    "Ofsted | CQC | HMICFRS"), a by-line naming several ("An inspection by X and Y"), or a
    stack of lines each naming one, when they include the publisher found."""
    texts = [" ".join(ln.text.split()) for ln in cover]
    rows = [_names_ending_row(t) for t in texts]
    rows += [_names_in_row(m.group("name")) for t in texts for m in _BY_RE.finditer(t)]
    stack: list[str] = []
    for text in texts:  # consecutive lines, each nothing but one publisher's name
        one = _names_in_row(text)
        stack = [*stack, *one] if len(one) == 1 else stack if len(stack) >= 2 else []
    for names in [*rows, stack]:
        # the body a cover names as the one inspected (a force, a trust) publishes nothing
        joint = list(dict.fromkeys(n for n in names if not _INSPECTED_RE.search(n)))
        if len(joint) >= 2 and (found is None or found in joint):
            return " and ".join(joint)
    return found


def _names_in_row(text: str) -> list[str]:
    """The publishers a text consists of, in order, when it is nothing but their names
    (joined by spaces, bars, commas or "and"); else none."""
    names: list[str] = []
    rest = _HONORIFIC_RE.sub("", text.strip())
    while rest:
        found = _opening_name(rest)
        if found is None:
            return []
        name, end = found
        names.append(name)
        rest = re.sub(r"^[\s|,;/·•]*(?:(?:and|&)\s+)?", "", rest[end:])
        rest = _HONORIFIC_RE.sub("", rest)
    return names


_INSPECTED_RE = re.compile(r"\b(?:Constabulary|Police(?: Service)?|NHS (?:Foundation )?Trust)$")


def _names_ending_row(text: str) -> list[str]:
    """The publishers' names a line ends with, two or more of them (a running title beside a
    row of inspectorates' names: "Joint inspection: Ravensmere Ofsted | CQC | HMICFRS")."""
    words = text.split()
    for k in range(len(words) - 1):
        names = _names_in_row(" ".join(words[k:]))
        if len(names) >= 2:
            return names
    return []


def _opening_name(text: str) -> tuple[str, int] | None:
    """The publisher whose name opens the text, and where that name ends."""
    for pattern, name in _COMPILED:
        m = pattern.match(text)
        if m:
            return name or _tidy(m.group(0)), m.end()
    return None


def _whole_inspectorate(text: str, name: str | None) -> bool:
    """True when a cell is nothing but an inspectorate's name ("Ofsted", "HMICFRS")."""
    if name not in _INSPECTORATES:
        return False
    rest = next((p.sub("", text) for p, n in _COMPILED if n == name and p.search(text)), text)
    return not re.sub(r"[\W_]+|\bthe\b", "", rest, flags=re.I)


def _returned_to(lines: Sequence[Line]) -> str | None:
    """The known body, as printed with its unit, that a note says figures were returned to."""
    flat = " ".join(" ".join(ln.text for ln in lines).split())
    for m in _RETURNED_TO.finditer(flat):
        name = _tidy(m.group("name"))
        known = _named([name])
        if known and name.startswith(known):
            return name
    return None


def _producer(cover: Sequence[Line]) -> str | None:
    """The body a labelled producer field on the cover names, by pattern or registry name."""
    for label, value in _fields(cover):
        if _PRODUCER_FIELD.match(f"{label}: {value}"):
            found = _named([value]) or _registry_name(value)
            if found:
                return found
    return None


def _fields(cover: Sequence[Line]) -> list[tuple[str, str]]:
    """Form fields as (label, value): "Label: value" on a line, or a value set beside its label."""
    out = []
    for ln in cover:
        label, colon, value = ln.text.strip().partition(":")
        if not colon:
            continue
        if not value.strip():  # a form's value is its own text run on the label's baseline
            beside = [o for o in cover if abs(o.top - ln.top) < 2 and o.x0 > ln.x0 and o is not ln]
            value = min(beside, key=lambda o: o.x0).text if beside else ""
        if value.strip():
            out.append((label.strip(), value.strip()))
    return out


def _registry_name(value: str) -> str | None:
    """The registry name of the longest leading words of value that name a body ("Met HQ")."""
    words = re.split(r"\s+|\s*[-–,(]\s*", value.strip())[:5]
    for n in range(len(words), 0, -1):
        body_id = resolve_body(" ".join(words[:n]))
        if body_id:
            return next((b.label or b.name for b in load_registry() if b.id == body_id), None)
    return None


def _cased(lines: Sequence[Line]) -> list[str]:
    """Line texts, those set in capitals title-cased ("HOUSE OF LORDS" -> "House Of Lords")."""
    out = []
    for ln in lines:
        text = ln.text
        if text.isupper() and len(text) > 3 and len(text.split()) <= 10:  # a name, no sentence
            text = _title_cased(text)
        out.append(text)
    return out


def _title_cased(text: str) -> str:
    """A name set in capitals as printed in title case, small words in lower case."""
    cased = text.title()
    return cased[:1] + re.sub(
        r"\b(Of|And|For|The|On|In|To)\b", lambda m: m.group(1).lower(), cased[1:]
    )


def _masthead(cover: Sequence[Line], title_lines: Sequence[Line]) -> list[str]:
    """The cover's lines above its title, joined where a name runs over several lines; with no
    title (or one that is only a publisher's name), its first line when that is nothing but a
    publisher's or organisation's name ("AMBERCOMBE POLICE AND CRIME PANEL" over minutes)."""
    if not title_lines or names_only_a_publisher(" ".join(t.text for t in title_lines)):
        first = _cased(list(cover[:1]))
        named = first and (names_only_a_publisher(first[0]) or _organisation(first))
        return first if named else []
    top = title_lines[0]
    # a form's fields ("Meeting:", "Report of:") end the masthead over a "Title:" field
    fields = [ln.top for ln in cover if ln.page == top.page and _FIELD_LABEL_RE.match(ln.text)]
    stop = min([top.top, *(t - 2 for t in fields)])
    above = [ln for ln in cover if ln.page == top.page and ln.top < stop]
    if len(above) > 1 and _LOGO_INITIALS_RE.fullmatch(above[0].text.strip()):
        above = above[1:]  # "KVFRS" over "Kestrelvale Fire and Rescue Service": a logo's letters
    return [" ".join(_cased(above))] if above else []


_LOGO_INITIALS_RE = re.compile(r"[A-Z]{2,7}")


_FIELD_LABEL_RE = re.compile(r"^\s*[A-Z][\w ’'/-]{0,30}:\s*$")


def _imprint(doc: DocumentText) -> list[str]:
    """Lines where a publisher names itself: copyright, licence, 'X is a …' on the front or back."""
    last = max((ln.page for ln in doc.lines), default=1)
    pages = {p for p in (2, 3) if p < last} | {last}
    out = []
    for ln in doc.lines:
        if ln.page not in pages or _NOT_IMPRINT.search(ln.text):
            continue
        if _IMPRINT_CUE.search(ln.text) or _SELF_DESCRIPTION.match(ln.text):
            out.append(ln.text)
    return out


def _named(texts: Sequence[str]) -> str | None:
    """The first publisher the texts name, in the order of the texts."""
    for text in texts:
        for pattern, name in _COMPILED:
            m = pattern.search(text)
            if m:
                return name or _tidy(m.group(0))
    return None


# A masthead that is nothing but an organisation's name, ending in what it is ("Northern
# Policing Standards Inspectorate", "Tramway and Light Rail Accident Investigation Branch").
_ORGANISATION_RE = re.compile(
    r"(?:[A-Z][\w'’-]*\s+(?:(?:and|&|of|for|the|on)\s+)*){1,7}"
    r"(?:Inspectorate|Centre|Center|Branch|Collaborative|Board|Panel|Agency|Authority|"
    r"Commission|Unit|Partnership|Institute|Association|Bureau|Directorate|Network|Forum|Council|"
    r"Service)"  # "Kestrel Vale / Fire and Rescue Service" over its own action plan
)


def _organisation(masthead: Sequence[str]) -> str | None:
    """The masthead, when it is wholly an organisation's name."""
    text = " ".join(" ".join(masthead).split())
    return _tidy(text) if _ORGANISATION_RE.fullmatch(text) else None


def _tidy(name: str) -> str:
    """A printed name without a leading article or trailing joiners; a department named with
    words after it ("Ministry of Justice Analytical Series") by the name the registry knows."""
    name = re.sub(r"^(?:The|Clerk of the)\s+", "", " ".join(name.split()))
    name = re.sub(r"(?:,|\s+(?:and|&|of|for))+$", "", name).strip()
    if re.match(r"(?:Department|Ministry) (?:for|of) ", name):
        known = _registry_name(name)
        if known and name.startswith(known):
            return known
    return name


def _house(texts: Sequence[str]) -> str | None:
    """The House of Parliament the texts name first."""
    for text in texts:
        m = _HOUSE.search(text)
        if m:
            return m.group(1).title()
    return None
