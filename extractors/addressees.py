"""Tag who must act on each item (addressees) and who they act with (partners)."""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from extractors.deadlines import NUMBER_WORDS
from extractors.nlp import ENTITY_LABEL, parse
from extractors.registry import (
    SUBJECT_COUNCIL_ID,
    SUBJECT_FORCE_ID,
    SUBJECT_PROVIDER_ID,
    Body,
    is_force_id,
    load_registry,
    resolve_body,
)
from extractors.settings import DEFAULT_SETTINGS, ExtractorSettings
from extractors.short_forms import defined_in
from extractors.vocabulary import (
    ACTIVE_AFTER_BE,
    ADVERB_FILLERS,
    ADVERBIAL_STARTS,
    AGENT_NOUNS,
    ANAPHORIC,
    ASIDE_STARTS,
    ASKED_CUES,
    BODY_ROLES,
    CLAUSE_WORDS,
    CO_ACTOR_CUES,
    COMPLEMENT_WORDS,
    CONNECTORS,
    COUNCIL_HINTS,
    COUNT_WORDS,
    DEADLINE_OPENERS,
    DETERMINERS,
    DIRECT_CUES,
    EMBEDDED_WH,
    FIRE_SERVICE_RE,
    FOR_TO_CUES,
    FORCE_NAME_RE,
    GENERIC_ONLY,
    GOVERNMENT_OF,
    GOVERNMENT_ROLES,
    HARD_PUNCT,
    HEAD_POSTS,
    IRREGULAR_PARTICIPLES,
    IT_IS_WORDS,
    LEADER_WORDS,
    MODALS,
    MONTH_NAMES,
    NAME_HEADS,
    NATIONS,
    NON_AGENT_START,
    NOT_BODY_FIRST,
    OBLIGED,
    PARTNER_CUES,
    PLACES,
    POST_RE,
    POSTMODIFIER_STARTS,
    PRINTED_FORCE_RE,
    PRISON_RE,
    PRISON_WORDS,
    PRONOUN,
    PRONOUNS,
    PROVIDER_HINTS,
    RANK_RE,
    RECIPIENT_VERBS,
    RECOMMEND_CUES,
    RESTART_WORDS,
    ROLE_LABELS,
    SEGMENT_DROP_STARTS,
    SERVICE_WORDS,
    STOP_WORDS,
    TO_MODALS,
    directs,
    opens_with_imperative,
)
from models.records import Item, Metadata, Recipient

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# The named rules by which the tagger decides who acts. Each can be switched off on its own
# (`tag_addressees(..., disabled=frozenset({"passive_agent"}))`), which is how
# tests/test_addressee_cues.py shows that every cue has a test that fails without it.
Cue = Literal[
    "modal_subject",
    "pronoun",
    "passive_agent",
    "bare_be_agent",
    "recommend_that",
    "recommend_to",
    "urge",
    "asked_to",
    "for_to",
    "subjunctive_that",
    "infinitive_action",
    "co_actor",
    "partner_after_verb",
    "partner_segment",
    "partner_in_subject",
    "leaders",
    "the_service",
    "addressed_body",
    "governments_of",
    "defined_term",
    "role",
    "subject_name",
    "responsible_column",
    "previous_item",
    "further_recommendation",
    "lead_in",
    "responders",
    "recipients",
    "inspected_body_default",
    "cause_inherits",
]
CUES: dict[Cue, str] = {
    "modal_subject": "the subject of a directive verb: 'X should / must / needs to …'",
    "pronoun": "'it' / 'they' as subject: the body named last before it",
    "passive_agent": "the agent of a modal passive: 'should be … by X'",
    "bare_be_agent": "the agent of a bare passive: '(that the plan) be approved by X'",
    "recommend_that": "'we recommend (that) X …'",
    "recommend_to": "'the Panel recommends to X that …': X is asked, whatever the clause says",
    "urge": "'we urge / invite / encourage X to …'",
    "asked_to": "'asked / calls on / urged X to …'",
    "for_to": "'it is (a matter) for X to …' / 'it is up to X to …': X acts",
    "subjunctive_that": "'That X <verb> …' opening a recommendation",
    "infinitive_action": "'X to <verb> …' opening an action (minutes, action logs): X acts",
    "co_actor": "'through X, Y should': X acts too",
    "partner_after_verb": "'X should … working with Y': Y is a partner",
    "partner_segment": "a comma-bounded 'working with Y' beside the subject: Y is a partner",
    "partner_in_subject": "'X working with Y should' (no commas): X acts, Y is a partner",
    "leaders": "'leaders should' in a report on one body: that body",
    "the_service": "'the service' / 'the prison' in the report on one service or prison: it",
    "addressed_body": "'the police' in a letter to named bodies: the one whose name ends so",
    "governments_of": "'the governments of Scotland and Wales': each government",
    "defined_term": "a short name an earlier item defines: 'X (\"the Inspectorate\")'",
    "role": "'the Department' / 'the Minister': the department named, else the publisher",
    "subject_name": "the inspected council, provider or force by its printed name: its id",
    "responsible_column": "a row's owner column or a 'To the X' header",
    "previous_item": "an item opening with 'It should …': the previous item's addressees",
    "further_recommendation": "'We recommend further …': the previous item's addressees",
    "lead_in": "the lead-in before a list: 'the council should take the following action'",
    "responders": "who a printed response says accepts an item that names nobody",
    "recipients": "an item naming nobody in a report 'being sent to' listed bodies: those bodies",
    "inspected_body_default": "an area for improvement or action naming nobody: the inspected body",
    "cause_inherits": "a cause of concern naming nobody: its recommendations' addressees",
}


# Verbs of a body recommending that another act ("That the Panel recommends that …")
_RECOMMENDER_VERBS = frozenset({"recommends", "recommend"})
NO_CUES_DISABLED: frozenset[str] = frozenset()
# The class of police and crime commissioners (and mayors with their powers): one named by its
# place, or the inspected force's own, is written as the class.
LOCAL_COMMISSIONERS_ID = "pccs"


@dataclass
class _Context:
    bodies: list[Body]
    by_id: dict[str, Body]
    subject_ids: frozenset[str]  # registry ids that stand for the inspected body
    default: str | None  # the inspected body: force / local_authority / provider / its name
    subject: str = ""  # the inspected body's name as printed (or the title)
    departments: tuple[str, ...] = ()  # government departments named as the publisher
    recipients: tuple[Recipient, ...] = ()  # the bodies the document lists as sent to
    # names of registry bodies written as printed ("HMPPS", "Care Quality Commission"), folded
    printed: frozenset[str] = frozenset()
    area: str = ""  # the place an area inspection covers ("… in Halverton"): its partners
    addressed: tuple[str, ...] = ()  # the bodies a letter's address block names
    # "the Commissioner" in a report on policing that names a police and crime commissioner
    policing_commissioner: bool = False

    def known(self, label: str) -> bool:
        """True for a registry body, by its id, label or a name it is printed under."""
        return label in self.by_id or label.casefold() in self.printed


@dataclass
class _Found:
    actors: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    pronoun_first: bool = False
    disabled: frozenset[str] = NO_CUES_DISABLED

    def add(self, label: str, cue: Cue, partner: bool = False) -> None:
        if cue in self.disabled:
            return
        target = self.partners if partner else self.actors
        if label.lower() not in {x.lower() for x in target}:
            target.append(label)


def for_forces(addressees: Sequence[str]) -> bool:
    """True when a police force must act (chief constables, the force, or a named force)."""
    return any(is_force_id(a) for a in addressees)


UK_GOVERNMENT_ID = "uk_government"


def _context(metadata: Metadata, bodies: list[Body]) -> _Context:
    by_id = {b.id: b for b in bodies}
    for b in bodies:
        by_id.setdefault(b.output, b)
    own_force = None if metadata.subject else _own_force(metadata)
    subject = metadata.subject or own_force or metadata.title or ""
    subject_ids: set[str] = set()
    default: str | None = SUBJECT_FORCE_ID if own_force else None
    councils_own = bool(re.search(r"\bCouncil\b", metadata.publisher or ""))
    if subject and not own_force:
        doc = parse(subject, bodies)
        forces = {e.ent_id_ for e in doc.ents if by_id[e.ent_id_].kind == "police_force"}
        named = forces - {"chief_constables", SUBJECT_FORCE_ID}
        if not named and not metadata.subject:
            named = _cover_force(metadata, bodies, by_id)
        national = None if named else _nations_force(metadata, bodies)
        if national is not None:
            named = {national}  # "an inspection of police bail in Northern Ireland"
        if len(named) == 1:
            subject_ids = named
            default = SUBJECT_FORCE_ID
        elif FORCE_NAME_RE.search(metadata.subject or ""):
            default = SUBJECT_FORCE_ID  # a force the registry does not list by name
        elif not metadata.subject and (cover_name := _cover_force_name(metadata)):
            subject, default = cover_name, SUBJECT_FORCE_ID  # "Issued to … Calderbrook Police"
        elif metadata.subject and (
            FIRE_SERVICE_RE.search(metadata.subject)
            or PRISON_RE.search(metadata.subject)
            or _AGENCY_RE.search(metadata.subject)
        ):
            default = metadata.subject  # no id stands for one service, prison or agency: its name
        elif COUNCIL_HINTS.search(subject):
            default = SUBJECT_COUNCIL_ID
        elif metadata.subject or (PROVIDER_HINTS.search(subject) and not councils_own):
            default = SUBJECT_PROVIDER_ID  # not "school transport" in a council's own review
    if default is None and councils_own:
        default = SUBJECT_COUNCIL_ID  # a council's own paper (an audit, a scrutiny review)
    # "the Department": the department that published the report, else the one its title names,
    # else the one its cover names (an auditor's report on a department)
    departments = (
        _departments(metadata.publisher or "", bodies, by_id)
        or _departments(metadata.title or "", bodies, by_id)
        or _departments(metadata.cover, bodies, by_id)
    )
    printed = frozenset(
        " ".join(name.split()).casefold()
        for b in bodies
        if b.printed
        for name in (b.name, *b.aliases)
    )
    area = _AREA_RE.search(metadata.title or "") if not metadata.subject else None
    return _Context(
        bodies,
        by_id,
        frozenset(subject_ids),
        default,
        subject,
        departments,
        metadata.recipients,
        printed,
        area.group("area") if area else "",
        metadata.addressed_to,
        _policing_commissioner(metadata),
    )


# A police and crime commissioner named (or the panel that scrutinises one), and the other
# commissioners a report may mean by "the Commissioner"
_PCC_NAMED_RE = re.compile(
    r"\bPolice(?:,)? (?:Fire )?and Crime (?:Commissioner|Panel)s?\b|\bPCCs?\b"
)
_OTHER_COMMISSIONER_RE = re.compile(
    r"\b(?:Victims['’]?|Information|Children['’]?s|Domestic Abuse|Biometrics|Surveillance Camera|"
    r"Anti-Slavery|Older People['’]?s|Future Generations|Health and Care) Commissioner\b",
    re.IGNORECASE,
)


def _policing_commissioner(metadata: Metadata) -> bool:
    """True when "the Commissioner" can only be a police and crime commissioner: the report's
    front names one (or its panel) and no other kind of commissioner."""
    front = " ".join((metadata.publisher or "", metadata.title or "", metadata.cover))
    return bool(_PCC_NAMED_RE.search(front)) and not _OTHER_COMMISSIONER_RE.search(front)


# A joint inspection of an area's partners: "… area inspection of … in Halverton"
_AREA_RE = re.compile(
    r"\barea inspection\b.*\bin (?P<area>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})\s*$"
)


# "Police and Crime Commissioner for Westmarch", "Office of the PCC for Westmarch"
_PCC_FOR_RE = re.compile(
    r"\b(?:Police(?:,)? (?:Fire )?and Crime Commissioner|PCC) for (?P<place>[A-Z][\w'’ -]{2,40})$"
)


# A public agency's name ("National Wildlife Crime Service"), not a company's or a care home's
_AGENCY_RE = re.compile(
    r"^(?:the\s+)?(?:[A-Z][\w'’-]*\s+)+(?:Service|Agency|Authority|Unit|Commission)$"
)


# A cover saying what it inspects: "An inspection of the Police Service of Northern Ireland's …"
_INSPECTION_OF_RE = re.compile(
    r"\b(?:(?:inspection|review|audit) of|issued to|served on)\b", re.IGNORECASE
)


def _cover_force(metadata: Metadata, bodies: list[Body], by_id: dict[str, Body]) -> set[str]:
    """The one police force an inspection's cover names when its title names none."""
    cover = " ".join(metadata.cover.split())
    m = _INSPECTION_OF_RE.search(cover)
    if m is None:
        return set()
    doc = parse(cover[m.end() : m.end() + 120], bodies)
    forces = {e.ent_id_ for e in doc.ents if by_id[e.ent_id_].kind == "police_force"}
    named = forces - {"chief_constables", SUBJECT_FORCE_ID}
    return named if len(named) == 1 else set()


def _cover_force_name(metadata: Metadata) -> str | None:
    """The force a cover says it inspects or is issued to, by its printed name, if any."""
    cover = " ".join(metadata.cover.split())
    m = _INSPECTION_OF_RE.search(cover)
    found = PRINTED_FORCE_RE.search(cover[m.end() : m.end() + 120]) if m else None
    return found.group(1) if found else None


def _nations_force(metadata: Metadata, bodies: list[Body]) -> str | None:
    """The force a police inspection inspects when its nation has one force and its title or
    publisher names the nation ("… police bail in Northern Ireland": the PSNI)."""
    title = metadata.title or ""
    if not _POLICING_RE.search(title):
        return None
    where = f"{title} {metadata.publisher or ''}"
    return next(
        (b.id for b in bodies if any(re.search(rf"\b{re.escape(n)}\b", where) for n in b.nation)),
        None,
    )


_POLICING_RE = re.compile(r"\bpolic(?:e|ing)\b", re.IGNORECASE)


def _own_force(metadata: Metadata) -> str | None:
    """The force a report is about when its title names none: the force of the place whose
    commissioner published it (its place's name)."""
    m = _PCC_FOR_RE.search(" ".join((metadata.publisher or "").split()))
    return m.group("place").strip() if m is not None else None


def _departments(text: str, bodies: list[Body], by_id: dict[str, Body]) -> tuple[str, ...]:
    """The registry's government departments a text names, in order."""
    if not text:
        return ()
    ids = [e.ent_id_ for e in parse(text, bodies).ents]
    return tuple(dict.fromkeys(i for i in ids if by_id[i].kind == "government_department"))


def _resolve_role(label: str, text: str, ctx: _Context, others: Sequence[str] = ()) -> str:
    """ "The Department" / "the Minister": the department the item names, else the publishing
    department; a minister with neither is the government's. A department the item names as
    another actor ("HM Treasury and the Department should") is not the one meant."""
    role = label.lower()
    if role not in ROLE_LABELS or not label[0].isupper():
        return label  # "a minister" is any minister, not a particular office
    acting = {o.lower() for o in others}
    named = tuple(
        d
        for d in _departments(text, ctx.bodies, ctx.by_id)
        if not acting & {n.lower() for n in (d, ctx.by_id[d].name, *ctx.by_id[d].aliases)}
    )
    named = named or ctx.departments
    if named:
        return ctx.by_id[named[0]].output
    if role in GOVERNMENT_ROLES and UK_GOVERNMENT_ID in ctx.by_id:
        return UK_GOVERNMENT_ID
    return label


def _is_acronym(text: str) -> bool:
    core = text[:-1] if text.endswith("s") and len(text) > 2 else text
    return len(core) >= 2 and sum(c.isupper() for c in core) >= 2 and core[0].isupper()


def _two_names(left: list[Token], right: list[Token], bodies: list[Body]) -> bool:
    """True when "and" joins two whole names, each a capitalised name ending in an agent word
    ("Eastmoor Police and North Fenland Constabulary"), and not the inside of one name that
    the registry knows ("Police and Crime Commissioner", "Fire and Rescue Service")."""
    if len(left) < 2 or len(right) < 2:
        return False
    if not all(t.is_title or t.is_upper for t in (*left, *right)):
        return False
    if not (left[-1].lower_ in NAME_HEADS and right[-1].lower_ in NAME_HEADS):
        return False
    return f"{left[-1].lower_} and {right[0].lower_}" not in _joined_words(tuple(bodies))


_MAY_MODALS = frozenset({*MODALS, "may", "might", "can", "could", "would"})


def _past_aside(doc: Doc, i: int, end: int) -> int:
    """The index after an aside set off by commas at i (", working with the NPCC,"), else i."""
    if i >= end or doc[i].text != ",":
        return i
    close = next((x.i for x in doc[i + 1 : min(end, i + 12)] if x.text == ","), None)
    return close + 1 if close is not None and close + 1 < end else i


def _post_title(toks: list[Token]) -> bool:
    """True for a post's title of the form "Head of Healthcare", "Director of Nursing"."""
    return (
        len(toks) > 2
        and toks[0].is_title
        and toks[0].lower_ in ("head", "director")
        and toks[1].lower_ == "of"
        and toks[2].is_title
    )


@functools.lru_cache(maxsize=4)
def _joined_words(bodies: tuple[Body, ...]) -> frozenset[str]:
    """Every "X and Y" inside a registry name or alias, lower-cased."""
    pairs: set[str] = set()
    for body in bodies:
        for name in (body.name, *body.aliases):
            words = name.lower().split()
            pairs.update(f"{words[k - 1]} and {words[k + 1]}" for k in _inner_ands(words))
    return frozenset(pairs)


def _inner_ands(words: list[str]) -> list[int]:
    """Positions of "and" between two words."""
    return [k for k in range(1, len(words) - 1) if words[k] == "and"]


def _initials_start(toks: list[Token], short: str, start: int) -> int:
    """Where the name a short form abbreviates begins: the capitalised words whose initials
    spell it ("Department of Health and Social Care (DHSC)"), else the conjunct's start."""
    want = short.upper()
    got = ""
    for k in range(len(toks) - 1, -1, -1):
        word = toks[k].text
        if word[:1].isupper():
            got = word[0] + got
            if got == want:
                return k
        if not want.endswith(got):
            break
    return start


def _singular(word: str) -> str:
    w = word.lower()
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def _plural(word: str) -> str:
    if word.endswith("s"):
        return word
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("ch", "sh", "x")):
        return word + "es"
    return word + "s"


_COUNTS = {**NUMBER_WORDS, "both": 2}
_PARTNER_NOUNS = frozenset({"agencies", "partners", "organisations", "bodies", "services"})


def _bodies_of_people(toks: list[Token]) -> list[Token]:
    """ "Leaders in the council, the police and the health board": the bodies the people
    lead act (as "leaders" in a report on one body is that body)."""
    for k in range(1, min(len(toks), 3)):
        if toks[k].lower_ in {"in", "at", "across"} and k + 1 < len(toks):
            people = " ".join(t.lower_ for t in toks[:k])
            bodies = toks[k + 1 :]
            named = any(_is_agent_word(t) for t in bodies)  # not "staff in the control room"
            return bodies if people in LEADER_WORDS and named else toks
    return toks


def _before_participle(toks: list[Token]) -> list[Token]:
    """ "Forces deploying live facial recognition": the class before the participle that
    narrows it acts; the narrowing is no part of its name."""
    for k in range(1, len(toks) - 1):
        if _narrows(toks, k):
            return toks[:k]
    return toks


def _narrows(toks: Sequence[Token], k: int) -> bool:
    """True for a participle in lower case after a plural agent word, with an object after it
    ("providers offering toxicology", not "Neighbourhood policing teams")."""
    word, before = toks[k], toks[k - 1]
    return (
        word.is_lower
        and len(word.text) >= 5
        and word.lower_.endswith("ing")
        and word.lower_ not in {"including", "during", "regarding", "concerning", "working"}
        and before.lower_.endswith("s")
        and _is_agent_word(before)
    )


def _body_of_head(toks: list[Token]) -> list[Token]:
    """ "The Chief Constable of Kent Police": the named body its head leads acts."""
    words = toks[1:] if toks and toks[0].lower_ == "the" else toks
    k = next((k for k, t in enumerate(words[:5]) if t.lower_ == "of"), 0)
    body = words[k + 1 :]  # "the" kept: a registry name may span it
    name = body[1:] if body and body[0].lower_ == "the" else body
    named = bool(name) and all(
        t.is_title or t.is_upper or t.lower_ in {"and", "of", "for", "&"} for t in name
    )
    post = " ".join(t.lower_ for t in words[:k])
    if post in HEAD_POSTS and named and name[-1].lower_ in NAME_HEADS:
        return body
    return toks


_LINKS = frozenset({"of", "for", "in", "at", "on", "with", "to", "by", "from", "and", "or", "&"})


def _after_title(toks: list[Token]) -> list[Token]:
    """The subject after an item's own title run into it: "Independent condition survey
    Network Rail (should …)" is Network Rail. A title is a bare capitalised phrase; a name
    after a lower-case word of it, with no link word between, starts the sentence."""
    if len(toks) < 3 or not toks[0].is_title or any(t.lower_ in DETERMINERS for t in toks[:2]):
        return toks
    for k in range(2, len(toks)):
        prev, tok = toks[k - 1], toks[k]
        if prev.lower_ in DETERMINERS or not prev.is_alpha:
            return toks  # "Title the force": no bare title before the name
        if prev.is_lower and prev.lower_ not in _LINKS and tok.is_title:
            return toks[k:]
    return toks


def _is_agent_word(tok: Token) -> bool:
    if tok.lower_ in PLACES:
        return False
    return _singular(tok.text) in AGENT_NOUNS or tok.lower_ in AGENT_NOUNS or _is_acronym(tok.text)


def _without_place(toks: list[Token]) -> list[Token]:
    """Drop a place post-modifier ("national healthcare administrations in England")."""
    for k, t in enumerate(toks):
        if k and t.lower_ in {"in", "across", "within"} and k + 1 < len(toks):
            nxt = toks[k + 1]
            if nxt.lower_ in PLACES | {"the", "each"} or nxt.text in {"England", "Wales"}:
                return toks[:k]
    return toks


def _printed_conjunct(toks: list[Token], every: bool, in_list: bool) -> str | None:
    """An agentive name as printed (a listed proper name, or one ending in an agent noun)."""
    words_ = [t for t in toks if t.is_alpha]
    if (
        len(words_) >= (3 if in_list else 2)
        # alone, a name ending in a nation names a national body ("Social Care Wales")
        and (in_list or words_[-1].text in NATIONS)
        and all(t.is_title or t.is_upper or t.lower_ in CONNECTORS for t in words_)
        and words_[0].is_title
        and words_[-1].is_title
    ):
        return re.sub(r"\s+", " ", "".join(t.text_with_ws for t in toks).strip())
    # the head is the last word before a post-modifier ("providers of NHS-funded care")
    head_idx = len(toks) - 1
    for k, t in enumerate(toks):
        if k > 0 and (t.lower_ in POSTMODIFIER_STARTS):
            head_idx = k - 1
            break
    head = toks[head_idx]
    if not _is_agent_word(head) and not (head.is_title and _is_agent_word(toks[0])):
        return None
    words = [t for t in toks if t.text not in {'"', "'"}]
    if every:
        return _every_plural(words, words.index(head) if head in words else len(words) - 1)
    return re.sub(r"\s+", " ", "".join(t.text_with_ws for t in words).strip())


def _every_plural(words: list[Token], head_pos: int) -> str:
    """ "every chief constable" -> "chief constables": the head and its coordinated nouns plural."""
    out: list[str] = []
    for k, w in enumerate(words):
        following = words[k + 1].lower_ if k + 1 < len(words) else ""
        if k == head_pos or (k < head_pos and following in {"and", "or"}):
            out.append(_plural(w.text) + w.whitespace_)
        else:
            out.append(w.text_with_ws)
    return "".join(out).strip()


def _names_both_sides(left: list[Token], right: list[Token]) -> bool:
    """ "The Governor and the Head of Healthcare", "X Council Adult Social Care and Y Hospitals
    NHS Foundation Trust": a name each side of "and", the right one opening with "the" and a
    capital, or both long names with the right one ending in what it is."""

    def words(toks: list[Token]) -> list[Token]:
        return [t for t in toks if t.is_alpha and t.lower_ not in DETERMINERS]

    def named(toks: list[Token]) -> bool:
        w = words(toks)
        return bool(w) and all(t.is_title or t.is_upper or t.lower_ in CONNECTORS for t in w)

    if not (named(left) and named(right)) or not (left[-1].is_title or left[-1].is_upper):
        return False
    if right[0].lower_ == "the" and len(right) > 1 and right[1].is_title:
        return True
    long_names = len(words(left)) >= 3 and len(words(right)) >= 3
    # each side a body of its own: the left names one, the right ends in one
    return long_names and any(_is_agent_word(t) for t in left) and _is_agent_word(right[-1])


def _is_participle(tok: Token) -> bool:
    w = tok.lower_
    return (w.endswith(("ed", "en")) and len(w) > 3) or w in IRREGULAR_PARTICIPLES


# A post named in lower case with the body that holds it: "director of adult social services
# of Tarnside County Council", "head of safeguarding of the Westmoor Trust"
_POST_OF_RE = re.compile(
    r"^(?:the\s+)?(?:[a-z]+\s+){0,2}?(?:director|head|chief executive|leader|chair|manager|"
    r"clerk|secretary)\b[a-z\s,'’-]*?\bof\s+(?:the\s+)?(?P<body>[A-Z][\w'’ &-]+)$"
)


def _its_people(rest: Sequence[Token]) -> bool:
    """True for a title-cased plural of posts run on after a body's name ("Chief Crown
    Prosecutors"): the body's own office-holders, who act as it."""
    return (
        0 < len(rest) <= 4
        and all(t.is_title for t in rest)
        and rest[-1].lower_.endswith("s")
        and not rest[-1].lower_.endswith("ss")
    )


def _verb_before_object(doc: Doc, i: int, limit: int, toks: list[Token]) -> bool:
    """True when a lower-case word after a name takes an object of its own: "the Commissioner
    commissions an independent review" (a verb, though "commissions" can name bodies)."""
    return (
        bool(toks)
        and doc[i].is_lower
        and not toks[-1].is_lower
        and i + 1 < limit
        and doc[i + 1].lower_ in {"a", "an", "the", "its", "their", "every", "all"}
    )


def _modal_at(doc: Doc, i: int) -> int:
    """Return the modal's length in tokens at i (0 when none)."""
    w = doc[i].lower_
    if w in MODALS:
        if w == "will" and i > 0 and doc[i - 1].lower_ in {"the", "a", "political", "good"}:
            return 0
        if w == "ought" and i + 1 < len(doc) and doc[i + 1].lower_ == "to":
            return 2
        return 1
    if w in TO_MODALS and i + 1 < len(doc) and doc[i + 1].lower_ == "to" and i > 0:
        return 2
    # "the Council has agreed to: …", "the landlord agrees to": a remedy agreed is asked of it
    after = [t.lower_ for t in doc[i + 1 : i + 3]]
    if w in {"has", "have"} and i > 0 and after == ["agreed", "to"]:
        return 3
    if w in {"agrees", "agree"} and i > 0 and after[:1] == ["to"]:
        return 2
    # "X is recommended to: (a) …": X is asked, as by a modal
    if (
        w in {"is", "are"}
        and i > 0
        and [t.lower_ for t in doc[i + 1 : i + 3]]
        == [
            "recommended",
            "to",
        ]
    ):
        return 3
    return 0


class _Tagger:
    def __init__(
        self, doc: Doc, ctx: _Context, disabled: frozenset[str] = NO_CUES_DISABLED
    ) -> None:
        self.doc = doc
        self.lowers = tuple(t.lower_ for t in doc)  # cue matching reads these many times
        self.ctx = ctx
        self.ent_at: dict[int, tuple[int, str]] = {}
        for ent in doc.ents:
            if ent.label_ == ENTITY_LABEL:
                self.ent_at[ent.start] = (ent.end, ent.ent_id_)
        self.disabled = disabled
        self.found = _Found(disabled=disabled)

    # ---- labels -------------------------------------------------------------------------
    def _label_for(self, body_id: str, span: tuple[int, int] | None = None) -> str:
        body = self.ctx.by_id[body_id]
        if (
            span is not None
            and self.ctx.default == SUBJECT_COUNCIL_ID
            and self.doc[span[1] - 1].lower_ == "cabinet"
        ):
            return SUBJECT_COUNCIL_ID  # in a council's paper "the Cabinet" is the council's
        if body_id in self.ctx.subject_ids:
            return SUBJECT_FORCE_ID
        if body.printed and span is not None:  # "DfT" or "Department for Transport", as printed
            return re.sub(r"^(?:the|all)\s+", "", self.doc[span[0] : span[1]].text, flags=re.I)
        if body.force is not None and body.force in self.ctx.subject_ids:
            return LOCAL_COMMISSIONERS_ID  # the inspected force's own PCC or mayor
        return body.output

    def _strip(self, toks: list[Token]) -> tuple[list[Token], bool]:
        every = False
        # an adverb before the subject's determiner ("already the Government") is not a name
        if (
            len(toks) > 1
            and toks[0].is_lower
            and toks[1].lower_ in DETERMINERS
            and toks[0].lower_ not in DETERMINERS | CONNECTORS
            and not _is_agent_word(toks[0])
        ):
            toks = toks[1:]
        while toks and (
            toks[0].lower_ in DETERMINERS | {"and", "or", "those"}
            or toks[0].text in {'"', "'", "("}
            # "the four police forces in Wales": a count of a class is the class
            or (toks[0].lower_ in COUNT_WORDS and len(toks) > 1 and toks[-1].lower_.endswith("s"))
        ):
            if toks[0].lower_ in {"every", "each"}:
                every = True
            toks = toks[1:]
        while toks and (toks[-1].is_punct or toks[-1].lower_ in CONNECTORS):
            toks = toks[:-1]
        return toks, every

    def _conjunct(self, toks: list[Token], in_list: bool = False) -> str | None:
        """Label one conjunct: registry body, pronoun, agentive name as printed, or None."""
        toks = self._past_deadline(toks)
        if not toks:
            return None
        first = toks[0].lower_
        if (first in ANAPHORIC or first in NON_AGENT_START) and toks[0].i not in self.ent_at:
            return None  # "its leaders", but not "His Majesty's Inspectorate …"
        orig = toks
        toks, every = self._strip(toks)
        if not toks:
            return None
        if len(toks) == 1 and toks[0].lower_ in PRONOUNS:
            return PRONOUN
        body = self._registry_conjunct(orig, toks)
        if body is not None:
            return body
        text_lower = " ".join(t.lower_ for t in toks)
        if text_lower in GENERIC_ONLY:
            return None
        if text_lower in LEADER_WORDS and self.ctx.default and "leaders" not in self.disabled:
            return self.ctx.default
        if self._names_the_subject(text_lower) and "the_service" not in self.disabled:
            return self.ctx.default or text_lower
        addressed = self._addressed_as(orig, text_lower)
        if addressed is not None:
            return addressed
        printed = _printed_conjunct(_without_place(toks), every, in_list)
        if printed is None and POST_RE.match(" ".join(t.text for t in toks)):
            return " ".join(t.text for t in toks)  # "the Head of Healthcare": a post acts
        return printed

    def _counted_addressees(self, toks: list[Token]) -> list[str]:
        """ "All three agencies" in a letter addressed to three bodies: those bodies."""
        words = [t.lower_ for t in toks]
        if "addressed_body" in self.disabled or len(words) != 3 or words[0] not in {"all", "the"}:
            return []
        count = _COUNTS.get(words[1])
        if count is None or count != len(self.ctx.addressed) or words[2] not in _PARTNER_NOUNS:
            return []
        return [_subject_label(b, self.ctx, self.disabled) for b in self.ctx.addressed]

    def _addressed_as(self, orig: list[Token], text_lower: str) -> str | None:
        """ "The police" in a letter to the council, Severnmouth Police and the health board:
        the one addressed body whose name ends with those words."""
        if "addressed_body" in self.disabled or orig[0].lower_ != "the":
            return None
        ends = [b for b in self.ctx.addressed if b.lower().endswith(f" {text_lower}")]
        if len(ends) != 1:
            return None
        return _subject_label(ends[0], self.ctx, self.disabled)

    def _names_the_subject(self, text_lower: str) -> bool:
        """True for "the service" in a fire service's report, "the prison" in a prison's."""
        default = self.ctx.default or ""
        return bool(
            (text_lower in SERVICE_WORDS and FIRE_SERVICE_RE.search(default))
            or (text_lower in PRISON_WORDS and PRISON_RE.search(default))
            # "the service" in a report on the National Wildlife Crime Service
            or (_AGENCY_RE.search(default) and text_lower == default.split()[-1].lower())
        )

    def _past_deadline(self, toks: list[Token]) -> list[Token]:
        """The conjunct after a deadline before its subject ("within three months the force")."""
        if not toks or toks[0].lower_ not in DEADLINE_OPENERS:
            return toks
        cut = next(
            (k for k, t in enumerate(toks) if t.i in self.ent_at or t.lower_ in {"the", "all"}),
            None,
        )
        return toks[cut:] if cut else []

    def _registry_conjunct(self, orig: list[Token], toks: list[Token]) -> str | None:
        """The registry body the conjunct is, or leads ("the NPCC lead for X"); else None."""
        start = toks[0].i
        ent_start = next((t.i for t in orig if t.i in self.ent_at and t.i <= start), None)
        if ent_start is not None:
            end, body_id = self.ent_at[ent_start]
            rest = [t for t in toks if t.i >= end]
            if rest and rest[0].lower_ in {"'s", "’s"}:
                rest = rest[1:]  # "the NPCC's lead for economic crime": its own officer
            if _another_states(body_id, rest):
                return None  # "the Government of Istravia": that state's, by its name
            if (
                not rest
                or rest[0].lower_ in POSTMODIFIER_STARTS
                or rest[0].lower_ in BODY_ROLES
                or rest[-1].lower_ in BODY_ROLES  # "the NPCC roads policing lead"
                or rest[0].is_punct
                or _its_people(rest)  # "CPS Chief Crown Prosecutors": the body's own officers
            ):
                return self._label_for(body_id, (ent_start, end))
        for t in toks:  # a registry body inside a longer phrase ("the NPCC lead for X")
            hit = self.ent_at.get(t.i)
            if hit is not None and t.i > start:
                hit_end, body_id = hit
                before = [x for x in toks if x.i < t.i]
                if before and all(x.lower_ in LEADER_WORDS or x.is_punct for x in before):
                    return self._label_for(body_id, (t.i, hit_end))
                # the phrase ends in the body, its head: words before it are a title run into
                # the text ("Recommendation 7 Police and crime commissioners")
                prev = self.doc[t.i - 1]
                if (
                    hit_end == toks[-1].i + 1
                    and t.text[:1].isupper()
                    # a commissioner named by the place ("Westdale Police and Crime
                    # Commissioner") is one of the class; another name ending in a registry
                    # name is that name's own body
                    and (prev.is_lower or prev.like_num or body_id == LOCAL_COMMISSIONERS_ID)
                ):
                    return self._label_for(body_id, (t.i, hit_end))
                # a place before a class of office written in lower case: "the Tarnside
                # police and crime commissioner" is one of that class
                if (
                    hit_end == toks[-1].i + 1
                    and t.is_lower
                    and all(x.is_title or x.lower_ in DETERMINERS for x in before)
                    and any(x.is_title for x in before)
                ):
                    return self._label_for(body_id)
        return None

    def _np_list(self, toks: list[Token]) -> list[str]:
        """Split a subject phrase into conjuncts and label each."""
        toks = _after_title(toks)
        toks = _before_participle(toks)
        if "leaders" not in self.disabled:
            toks = _body_of_head(_bodies_of_people(toks))
            counted = self._counted_addressees(toks)
            if counted:
                return counted
        # parenthetical acronym after a name: "the X Committee ("XYZ")" -> XYZ
        out: list[str] = []
        text = " ".join(t.text for t in toks)
        m = re.search(r"\bgovernments of (?:the )?(.+)$", text, re.I)
        if m and "governments_of" not in self.disabled:
            for part in re.split(r"\s*,\s*|\s+and\s+", m.group(1)):
                gid = GOVERNMENT_OF.get(part.strip().lower().removeprefix("the "))
                if gid:
                    out.append(self._label_for(gid))
            if out:
                return out
        cleaned: list[Token] = []
        depth = 0
        start = 0  # where the current conjunct begins in `cleaned`
        for t in toks:
            if t.text == "(":
                depth += 1
                inner = []
                for x in self.doc[t.i + 1 : t.i + 6]:
                    if x.text == ")":
                        break
                    if x.text not in {'"', "'"}:
                        inner.append(x)
                if len(inner) == 1 and _is_acronym(inner[0].text) and cleaned[start:]:
                    # the short form stands for the name before it, whose words it replaces
                    cleaned[_initials_start(cleaned, inner[0].text, start) :] = [inner[0]]
                continue
            if t.text == ")":
                depth = max(0, depth - 1)
                continue
            if depth == 0:
                cleaned.append(t)
                inside = self._ent_end(t.i) is not None and t.i not in self.ent_at
                if t.text == "," or (t.lower_ in {"and", "or", "&"} and not inside):
                    start = len(cleaned)
        parts = self._split_conjuncts(cleaned)
        for part in parts:
            label = self._conjunct(part, in_list=len(parts) > 1)
            held = _POST_OF_RE.match(label or "")
            if held is not None:  # "the director of adult social services of X Council"
                label = _subject_label(held.group("body"), self.ctx, self.disabled)
            elif label and self.ctx.default and re.match(r"(?i)your\s+\w+$", label):
                label = self.ctx.default  # "Your board must …" in a letter to the body
            if label:
                out.append(label)
        return out

    def _ent_end(self, i: int) -> int | None:
        for start, (end, _) in self.ent_at.items():
            if start <= i < end:
                return end
        return None

    def _split_conjuncts(self, toks: list[Token]) -> list[list[Token]]:
        parts: list[list[Token]] = []
        cur: list[Token] = []
        k = 0
        while k < len(toks):
            t = toks[k]
            inside = self._ent_end(t.i) is not None and t.i not in self.ent_at
            if not inside and t.text in {",", "/"}:
                if cur:
                    parts.append(cur)
                cur = []
                k += 1
                continue
            if not inside and t.lower_ in {"and", "or", "&"} and cur:
                right: list[Token] = []
                for x in toks[k + 1 :]:
                    if x.text == "," or x.lower_ in {"and", "or"}:
                        break
                    right.append(x)
                if self._should_split(cur, right):
                    parts.append(cur)
                    cur = []
                    k += 1
                    continue
            cur.append(t)
            k += 1
        if cur:
            parts.append(cur)
        return parts

    def _should_split(self, left: list[Token], right: list[Token]) -> bool:
        if not right:
            return False
        r = [x for x in right if x.lower_ not in DETERMINERS] or right
        if r[0].i in self.ent_at or right[0].i in self.ent_at:  # "and the College of Policing"
            return True
        last = left[-1]
        if self._ent_end(last.i) == last.i + 1:
            return True
        if len(right) == 1 and right[0].text.islower():
            return False
        if _names_both_sides(left, right):
            return True
        if last.is_title and _is_agent_word(last) and _post_title(r):
            return True  # "the Governor and Head of Healthcare": two post-holders
        bare_left = [x for x in left if x.lower_ not in DETERMINERS]
        if len(bare_left) == 1 and any(x.lower_ in {"of", "for"} for x in right):
            return False
        if _is_acronym(last.text):
            return True
        if (
            (last.is_title or left[0].lower_ == "the")
            and _is_agent_word(last)
            and (_is_acronym(r[0].text) or right[0].lower_ == "the")
        ):
            return True  # "the police and the health board", "Kent Police and the NCA"
        if _two_names(bare_left, r, self.ctx.bodies):
            return True
        if (
            last.lower_ in _NAME_ENDS
            and len(r) > 1
            and all(x.is_title for x in r)
            and _is_agent_word(r[-1])
            # not inside a name the registry knows the like of ("Police and Crime Panel")
            and f"{last.lower_} and {r[0].lower_}" not in _joined_words(tuple(self.ctx.bodies))
        ):
            return True  # "NHS Tarn and Wold Care Board and Greyholm Police": two bodies' names
        if (
            last.lower_ in _NAME_ENDS
            and r[0].is_title
            and any(x.is_title and x.lower_ in _NAME_ENDS for x in r[1:])
            and f"{last.lower_} and {r[0].lower_}" not in _joined_words(tuple(self.ctx.bodies))
        ):
            return True  # "Westmarch Police and Westmarch Council children's services"
        if (
            last.text in {"Police", "Constabulary"}
            and r[0].is_title
            and f"{last.lower_} and {r[0].lower_}" not in _joined_words(tuple(self.ctx.bodies))
        ):
            return True  # "Dyffryn Police and Natural Resources Wales": a force ends its name
        # "Medwell Health and the prison": a common noun after "the" is not part of a name
        if last.is_title and right[0].lower_ == "the" and right[-1].is_lower:
            return _is_agent_word(right[-1])
        # "… lead for wildlife crime and the National Wildlife Crime Service": a name opened
        # by "the" after "and" is a body of its own, never the inside of the name before it
        if right[0].lower_ == "the" and len(r) > 1 and all(x.is_title for x in r):
            return _is_agent_word(r[-1])
        if f"{last.lower_} and {r[0].lower_}" in _joined_words(tuple(self.ctx.bodies)):
            return False  # "Northern Ireland Courts and Tribunals Service": one name, as HMCTS's
        w = last.text
        return w.endswith("s") and not w.endswith("ss") and len(w) > 3

    # ---- prefix noun phrase (after "recommend that", "urge", "by", partner cues) -----------
    def _prefix_np(self, start: int, limit: int) -> list[Token]:
        doc = self.doc
        toks: list[Token] = []
        i = start
        while i < limit:
            t = doc[i]
            ent = self.ent_at.get(i)
            if ent is not None:
                toks.extend(doc[i : ent[0]])
                i = ent[0]
                continue
            w = t.lower_
            if t.text == "," and toks and i + 1 < limit and self._list_continues(i + 1, limit):
                toks.append(t)
                i += 1
                continue
            if w in {"responsible", "concerned"} and toks and _is_agent_word(toks[-1]):
                k = i + 1
                while k < limit and (doc[k].is_lower or doc[k].text == "-"):
                    if (
                        doc[k].lower_ in {"across", "in", "of", "who", "that", "which", "to"}
                        and k > i + 1
                    ):
                        break
                    k += 1
                toks.extend(doc[i:k])
                i = k
                continue
            if _modal_at(doc, i) or w == "to" or (t.is_punct and t.text not in {"-", "'", "&"}):
                if t.text == "(" and toks:
                    close = next((x.i for x in doc[i : i + 6] if x.text == ")"), None)
                    if close is not None:
                        toks.extend(doc[i : close + 1])
                        i = close + 1
                        continue
                break
            if t.is_title or t.is_upper or w in DETERMINERS or w in CONNECTORS or t.text == "-":
                nxt = doc[i + 1] if i + 1 < limit else None
                if (
                    w in CONNECTORS
                    and nxt is not None
                    and (nxt.lower_ in MONTH_NAMES or nxt.like_num)
                ):
                    break  # "by the Board in September 2026": a date, not part of the name
                if (
                    w in {"and", "or", "&", "of", "for"}
                    and nxt is not None
                    and not (nxt.is_title or nxt.is_upper or nxt.lower_ in DETERMINERS)
                    and not any(_is_agent_word(x) for x in doc[i + 1 : min(limit, i + 5)])
                ):
                    break
                toks.append(t)
                i += 1
                continue
            if _is_agent_word(t) and not _verb_before_object(doc, i, limit, toks):
                toks.append(t)
                i += 1
                continue
            open_np = not toks or toks[-1].lower_ in DETERMINERS | CONNECTORS
            if open_np and (t.is_lower or t.like_num):
                look = doc[i : min(limit, i + 5)]
                hit = None
                for x in look:
                    if not (x.is_lower or x.text == "-") or x.lower_ in STOP_WORDS:
                        break
                    if _is_agent_word(x):
                        hit = x.i
                        break
                if hit is not None:
                    toks.extend(doc[i : hit + 1])
                    i = hit + 1
                    continue
            break
        # drop a trailing non-agent tail ("the Government appoint" stops before "appoint"); a
        # registry body is an agent however it is written ("chief constables")
        while toks and not (_is_agent_word(toks[-1]) or toks[-1].is_title or toks[-1].is_upper):
            if toks[-1].text == ")" or self._in_entity(toks[-1].i):
                break
            toks.pop()
        return toks

    def _in_entity(self, i: int) -> bool:
        """Whether token i lies inside a registry body's name."""
        return any(start <= i < end for start, (end, _) in self.ent_at.items())

    def _list_continues(self, i: int, limit: int) -> bool:
        """After a comma: does another list member follow ("A, B and C")?"""
        doc = self.doc
        if doc[i].lower_ in {"and", "or"}:
            i += 1
        if i >= limit or i in self.ent_at:
            return i < limit
        for x in doc[i : min(limit, i + 4)]:
            if not x.is_lower or x.lower_ in STOP_WORDS:
                return False
            if _is_agent_word(x):
                return True
        return False

    # ---- rules ----------------------------------------------------------------------------
    def _after_modal(self, i: int, n: int, end: int) -> str:
        """Classify the verb group after a modal: 'active', 'passive', 'obliged' or 'none'."""
        doc = self.doc
        j = i + n
        while j < end and doc[j].lower_ in ADVERB_FILLERS - {"be", "continue", "to"}:
            j += 1
        while j < end and (doc[j].lower_.endswith("ly") or doc[j].text == ","):
            j += 1
        if j >= end:
            return "active"
        w = doc[j].lower_
        if w in RECIPIENT_VERBS:
            return "none"  # "the charities should receive funding": they are given, not asked
        if w in {"be", "been", "have"} and j + 1 < end:
            k = j + 1
            if w == "have" and doc[k].lower_ == "been":
                k += 1
            elif w == "have":
                return "active"
            while k < end and (doc[k].lower_.endswith("ly") or doc[k].lower_ in {"also", "not"}):
                k += 1
            if k >= end:
                return "none"
            nxt = doc[k]
            if nxt.lower_ in ACTIVE_AFTER_BE:
                return "active"
            if nxt.lower_ in OBLIGED and k + 1 < end and doc[k + 1].lower_ == "to":
                return "active"
            if _is_participle(nxt):
                return "passive"
            return "none"
        return "active"

    def _passive_agent(self, i: int, end: int, cue: Cue) -> None:
        """Add the agent of "be <participle> by X" following position i."""
        doc = self.doc
        for j in range(i, min(end, i + 8)):
            # "produced by X", "produced jointly by X": an adverb may stand before "by"
            verb = j - 2 if j > 1 and doc[j - 1].lower_.endswith("ly") else j - 1
            if doc[j].lower_ == "by" and verb >= 0 and _is_participle(doc[verb]):
                for label in self._np_list(self._prefix_np(j + 1, end)):
                    if label != PRONOUN:
                        self.found.add(label, cue)
                return
            if doc[j].text in {";", ":"}:
                return

    def _left_span(self, m: int, sent_start: int) -> list[Token]:
        doc = self.doc
        j = m - 1
        while j >= sent_start:
            t = doc[j]
            if t.text in HARD_PUNCT or _modal_at(doc, j):
                break
            if t.lower_ in CLAUSE_WORDS:
                # ", whether or not ..., should": a comma-bounded aside, not a clause boundary
                aside = (
                    j > sent_start
                    and doc[j - 1].text == ","
                    and any(x.text == "," for x in doc[j + 1 : m])
                ) or self._in_partner_aside(j, sent_start, m)
                if not aside:
                    break
            if t.text in RESTART_WORDS and j > sent_start:
                prev = doc[j - 1]
                if not (prev.is_punct and prev.text in {"(", '"', "'"}):
                    j -= 1
                    break
            j -= 1
        return list(doc[j + 1 : m])

    def _in_partner_aside(self, j: int, sent_start: int, m: int) -> bool:
        """True when j sits in a comma-bounded aside that opens with a partner cue and closes
        before the modal at m ("The force, working with the boards that serve it, should")."""
        doc = self.doc
        if not any(x.text == "," for x in doc[j + 1 : m]):
            return False
        k = j - 1
        while k >= sent_start and doc[k].text != "," and doc[k].text not in HARD_PUNCT:
            k -= 1
        return k >= sent_start and doc[k].text == "," and bool(self._cue_len(k + 1, PARTNER_CUES))

    def _suffix_np(self, seg: list[Token]) -> list[Token]:
        """The noun phrase ending a run-on segment ("... for the patients CQC" -> "CQC")."""
        out: list[Token] = []
        head_lower = False
        for t in reversed(seg):
            inside = self._ent_end(t.i) is not None
            if not out:
                if not (inside or t.is_title or t.is_upper or _is_agent_word(t)):
                    return []
                head_lower = t.is_lower and not inside
                out.insert(0, t)
                continue
            if t.lower_ in DETERMINERS:
                out.insert(0, t)
                break
            modifier = head_lower and t.is_lower and t.lower_ not in STOP_WORDS | {"and", "or"}
            name_part = t.is_title and not out[0].is_lower
            if inside or t.is_upper or _is_agent_word(t) or name_part or modifier:
                out.insert(0, t)
            else:
                break
        return out

    def _clean_np(self, seg: list[Token]) -> bool:
        """True when a segment reads as a noun phrase (list) with an optional post-modifier."""
        toks, _ = self._strip(list(seg))
        if not toks:
            return False
        if len(toks) == 1 and toks[0].lower_ in PRONOUNS:
            return True
        if toks[0].lower_ in ANAPHORIC or toks[0].lower_ in NON_AGENT_START:
            return True  # a subject, though not an actor; it must not be skipped over
        pre: list[Token] = []
        for k, t in enumerate(toks):
            if k and t.lower_ in POSTMODIFIER_STARTS and self._ent_end(t.i) is None:
                break
            if k and k < len(toks) - 1 and _narrows(toks, k):
                break  # "Forces deploying live facial recognition"
            pre.append(t)
        parts: list[list[Token]] = [[]]
        for t in pre:
            inside = self._ent_end(t.i) is not None and t.i not in self.ent_at
            if not inside and (t.lower_ in {"and", "or", "&"} or t.text == ","):
                parts.append([])
            else:
                parts[-1].append(t)
        for part in parts:
            words = [t for t in part if t.is_alpha]
            if not words:
                continue
            last = words[-1]
            if not (
                self._ent_end(last.i) or last.is_title or last.is_upper or _is_agent_word(last)
            ):
                return False
            if any(
                t.is_lower and t.lower_ in CLAUSE_WORDS | {"has", "have", "is", "are"}
                for t in words
            ):
                return False
        return True

    def _subject_segments(self, span: list[Token]) -> list[Token]:
        """Choose the subject phrase among comma-separated segments left of a modal."""
        segments = self._comma_segments(span)
        kept: list[list[Token]] = []
        including: list[Token] = []
        for n, seg in reversed(list(enumerate(segments))):
            cue_len = self._cue_len(seg[0].i, PARTNER_CUES)
            if cue_len:
                self._add_partners(seg[cue_len:], "partner_segment")
                if kept and n and self._partners_go_on(segments[n - 1], kept):
                    # "X, working with A, B and C, should": the list after the cue is A's
                    for rest in kept:
                        self._add_partners(rest, "partner_segment")
                    kept = []
                    continue
                if kept:
                    break
                continue
            co = self._cue_len(seg[0].i, CO_ACTOR_CUES)
            if co:
                for label in self._np_list(seg[co:]):
                    if label != PRONOUN:
                        self.found.add(label, "co_actor")
                continue
            first = seg[0]
            if not kept:
                seg = self._partner_cut(seg)
                first = seg[0]
                if first.lower_ == "including":
                    including = seg[1:]
                    continue
                if self._is_aside(seg) or (n and self._appositive(seg, segments[n - 1])):
                    continue
                if self._clean_np(seg):
                    kept.insert(0, seg)
                    continue
                if n and self._ends_partner_list(segments[n - 1], seg):
                    kept.insert(0, seg)  # "…, working with A, B and the C, should"
                    continue
                suffix = self._suffix_np(seg)
                if suffix:
                    kept.insert(0, suffix)
                break
            # extend a list leftwards: "A, B and C should"
            is_list = any(x.lower_ in {"and", "or"} for s in kept for x in s)
            if is_list and first.lower_ == "as" and self._is_aside_role(seg):
                continue  # "A, as lead authority, and B should": the role describes A
            bare = seg[1:] if first.lower_ in {"and", "or"} else seg
            if not bare:
                continue
            if (
                is_list
                and bare[0].lower_ not in SEGMENT_DROP_STARTS
                and self._np_like(bare)
                and self._clean_np(bare)
            ):
                kept.insert(0, seg)
                continue
            break
        # "Regulators, including A and B, should": a one-word class gives way to its members
        if including and len(kept) == 1 and len(kept[0]) == 1 and kept[0][0].is_alpha:
            kept = [including]
        out: list[Token] = []
        for k, seg in enumerate(kept):
            if k:
                out.append(self.doc[seg[0].i - 1])  # the comma
            # a partner cue inside a segment cuts it ("X working with Y")
            cut = len(seg)
            for n, t in enumerate(seg):
                cl = self._cue_len(t.i, PARTNER_CUES)
                if cl and n > 0:
                    self._add_partners(seg[n + cl :], "partner_in_subject")
                    cut = n
                    break
            out.extend(seg[:cut])
        return out

    def _comma_segments(self, span: list[Token]) -> list[list[Token]]:
        """The span cut at its commas, outside brackets and names ("Wales, Ltd")."""
        segments: list[list[Token]] = [[]]
        depth = 0
        for t in span:
            depth += t.text == "("
            depth -= t.text == ")"
            inside = self._ent_end(t.i) is not None and t.i not in self.ent_at
            if t.text == "," and depth <= 0 and not inside:
                segments.append([])
            else:
                segments[-1].append(t)
        return [s for s in segments if s]

    def _is_aside(self, seg: list[Token]) -> bool:
        """True for a segment that describes the subject rather than naming it."""
        first = seg[0]
        named = len(seg) > 1 and (
            seg[1].lower_ in DETERMINERS or seg[1].is_title or seg[1].i in self.ent_at
        )
        if first.lower_ in {"and", "or"} and named and self._clean_np(seg[1:]):
            return False  # "X should do A, and the council should do B": a new subject
        short_aside = first.lower_ in SEGMENT_DROP_STARTS and len(seg) <= 3
        # ", kept by the NCA,": a reduced relative clause
        reduced = first.is_lower and len(seg) > 1 and seg[1].lower_ == "by"
        # ", as national lead force for fraud,": a role after a comma, not "As part of X, …"
        role = first.lower_ == "as" and first.is_lower
        return (
            first.lower_ in ASIDE_STARTS
            or reduced
            or role
            or (short_aside and first.i not in self.ent_at)
        )

    def _ends_partner_list(self, before: list[Token], seg: list[Token]) -> bool:
        """True for a segment closing a list that a partner cue opened in the segment before
        it ("working with A" then "B and the C")."""
        return bool(self._cue_len(before[0].i, PARTNER_CUES)) and any(
            t.lower_ in ("and", "or") for t in seg
        )

    def _partners_go_on(self, before: list[Token], kept: list[list[Token]]) -> bool:
        """True when the segments after a partner cue continue its list and a name before the
        cue is the subject ("The Department, working with A, B and the C, should")."""
        first = kept[0][0]
        # "…, landowners and the park authorities,": the list's last names, however set
        ends_list = any(t.lower_ in ("and", "or") for t in kept[-1])
        return (
            self._clean_np(before)
            and not self._cue_len(before[0].i, PARTNER_CUES)
            and (first.lower_ in DETERMINERS or first.is_title or ends_list)
        )

    def _appositive(self, seg: list[Token], before: list[Token]) -> bool:
        """ "X Partnership, the health care provider, should": "the …" in lower case describes
        the name before it, which is the subject."""
        return (
            len(seg) > 1
            and seg[0].lower_ == "the"
            and all(t.is_alpha and t.is_lower for t in seg[1:])
            and len(before) > 1  # a name of two words or more: "Immediately, the force should"
            and before[0].is_title
            and before[-1].is_title
            and all(t.is_title or t.lower_ in {"of", "for"} for t in before)
            and not before[0].is_stop
        )

    def _is_aside_role(self, seg: list[Token]) -> bool:
        """True for ", as lead local flood authority,": a role the body before it holds."""
        return len(seg) > 1 and all(t.is_alpha and not t.is_upper for t in seg[1:])

    def _partner_cut(self, seg: list[Token]) -> list[Token]:
        """ "X working with Y" as the subject: X, with Y a partner, when both name someone
        ("Officers working with victims" and "Better working with partners" are left whole)."""
        if "partner_in_subject" in self.disabled:
            return seg
        for n, t in enumerate(seg[1:], start=1):
            cl = self._cue_len(t.i, PARTNER_CUES)
            if not cl:
                continue
            rest = seg[n + cl :]
            np = self._prefix_np(rest[0].i, rest[-1].i + 1) if rest else []
            names = self._clean_np(seg[:n]) and self._np_list(seg[:n])
            if names and np and self._np_list(np) not in ([], [PRONOUN]):
                self._add_partners(rest, "partner_in_subject")
                return seg[:n]
            return seg
        return seg

    def _np_like(self, seg: list[Token]) -> bool:
        toks = [t for t in seg if t.lower_ not in {"and", "or"}]
        if not toks:
            return False
        if len(toks) == 1 and toks[0].lower_ in PRONOUNS:
            return True
        if toks[0].i in self.ent_at or any(t.i in self.ent_at for t in toks[:3]):
            return True
        if toks[0].like_num or toks[0].lower_ in SEGMENT_DROP_STARTS:
            return False
        return toks[0].is_title or toks[0].is_upper or toks[0].lower_ in DETERMINERS

    def _cue_len(self, i: int, cues: tuple[tuple[str, ...], ...]) -> int:
        lowers = self.lowers
        for cue in cues:
            n = len(cue)
            if i + n <= len(lowers) and lowers[i : i + n] == cue:
                return n
        return 0

    def _add_partners(self, toks: list[Token], cue: Cue) -> None:
        if not toks:
            return
        np = self._prefix_np(toks[0].i, toks[-1].i + 1)
        for label in self._np_list(np):
            if label != PRONOUN:
                self.found.add(label, cue, partner=True)

    def _resolve_pronoun(self, before: int) -> list[str]:
        if self.found.actors:
            return [self.found.actors[-1]]
        ents = [(s, e) for s, e in self.ent_at.items() if s < before]
        if ents:
            s, (e, body_id) = max(ents)
            return [self._label_for(body_id, (s, e))]
        text = self.doc[:before].text
        hits = list(re.finditer(r"\b(?:the|a|an)\s+((?:[\w-]+\s+){0,2}?[\w-]+)\b", text, re.I))
        for m in reversed(hits):
            words = m.group(1).split()
            if _singular(words[-1]) in AGENT_NOUNS:
                return [m.group(1)]
        return []

    def run(self) -> _Found:
        doc = self.doc
        for sent in doc.sents:
            s0, s1 = sent.start, sent.end
            i = s0
            while i < s1:
                cue = (
                    self._direct_cue(i, s1) or self._for_to(i, s0, s1) or self._and_that(i, s0, s1)
                )
                if cue:
                    i = cue
                    continue
                n = _modal_at(doc, i)
                if not n:
                    i += 1
                    continue
                kind = self._after_modal(i, n, s1)
                span = self._left_span(i, s0)
                embedded = span and span[0].i > s0 and doc[span[0].i - 1].lower_ in EMBEDDED_WH
                embedded = embedded or (bool(span) and _relative_clause(doc, span[0].i, s0))
                if embedded and kind == "active":
                    kind = "none"  # "how forces will measure": a described, not a directed, action
                subject = self._subject_segments(span)
                labels = self._np_list(subject) if subject else []
                if not labels and kind == "active":
                    labels = self._proper_subject(subject, s0)
                if i > s0 and doc[i - 1].lower_ in {"and", "or"}:
                    labels = []  # "X should do A, and should explain B": X is not named again
                if kind == "passive":
                    self._passive_agent(i + n, s1, "passive_agent")
                elif kind == "active":
                    for label in labels:
                        if label == PRONOUN:
                            if not self.found.actors and subject and subject[0].i == 0:
                                self.found.pronoun_first = True
                            for r in self._resolve_pronoun(subject[0].i):
                                self.found.add(r, "pronoun")
                            continue
                        if self._anaphoric(subject, label):
                            continue
                        self.found.add(label, "modal_subject")
                self._scan_partners(i + n, s1)
                i += n
            self._subjunctive(s0, s1)
            if s0 == 0:
                self._infinitive_action(s1)
            for j in range(s0, s1 - 2):
                # "(that X) be done by Y" directs Y; "can be done by Y" only says what is possible
                bare_be = doc[j].lower_ in {"be", "being"} and (
                    j == s0 or doc[j - 1].lower_ not in {"to", "can", "could", "may", "might"}
                )
                if bare_be and _is_participle(doc[j + 1]) and doc[j + 2].lower_ == "by":
                    self._passive_agent(j + 1, s1, "bare_be_agent")
        return self.found

    def _proper_subject(self, subject: list[Token], s0: int) -> list[str]:
        """ "Aldbrook Water should …": a proper name opening its sentence as the subject of
        an active modal names a body, whatever its last word."""
        words = [t for t in subject if not t.is_punct]
        # "Children's Social Care": a possessive inside the name, between two of its words
        inner = [t for t in words[1:2] if t.lower_ in {"'s", "’s"} and len(words) > 2]
        if (
            len(words) - len(inner) < 2
            or (subject[0].i != s0 and not self._named_role(subject[0].i, s0))
            or words[0].lower_ in DETERMINERS | ANAPHORIC | NON_AGENT_START | NOT_BODY_FIRST
            or not all(t.is_title and t.is_alpha for t in words if t not in inner)
            # "Northmoor's Chief Constable": a post, whose body the name does not give
            or (inner and self._post_named(self.doc[inner[0].i + 1 : words[-1].i + 1].text))
        ):
            return []
        return ["".join(t.text_with_ws for t in words).strip()]

    def _post_named(self, text: str) -> bool:
        """True for a post ("Chief Constable", "Head of Service"), whose body is not named."""
        return bool(POST_RE.match(text) or _OFFICE_HOLDER_RE.search(text))

    def _named_role(self, start: int, s0: int) -> bool:
        """True when the sentence opens with a role in lower case and a comma before the name
        at start ("The provider, Northpoint Care, should"): the name is the role's."""
        role = self.doc[s0 : start - 1]
        return (
            start - s0 >= 3
            and self.doc[start - 1].text == ","
            and role[0].lower_ in {"the", "this", "its", "our"}
            and len(role) <= 5
            and all(t.is_alpha and t.is_lower for t in role[1:])
        )

    def _anaphoric(self, subject: list[Token], label: str) -> bool:
        """True for a non-registry phrase that refers back to a body already mentioned."""
        if self.ctx.known(label) or not subject or label.lower() in LEADER_WORDS:
            return False
        head = _singular(label.split()[-1])
        if label.split()[0].isupper():
            return False
        if any(_singular(a.split()[-1]) == head for a in self.found.actors):
            return True
        if subject[0].lower_ != "the":
            return False
        earlier = self.doc[: subject[0].i].text.lower()
        return bool(re.search(rf"\b{re.escape(head)}", earlier))

    def _scan_partners(self, start: int, end: int) -> None:
        doc = self.doc
        for j in range(start, end):
            if _modal_at(doc, j) or doc[j].text in {";", ":"}:
                return
            n = self._cue_len(j, PARTNER_CUES)
            if n:
                np = self._prefix_np(j + n, end)
                for label in self._np_list(np):
                    if label != PRONOUN:
                        self.found.add(label, "partner_after_verb", partner=True)
                return

    def _direct_cue(self, i: int, end: int) -> int:
        """Handle "we recommend (that) X", "we urge X to", "asked X to"; return the next index."""
        doc = self.doc
        w = doc[i].lower_
        j = i + 1
        cue: Cue = "urge" if w in DIRECT_CUES else "asked_to"
        if w in RECOMMEND_CUES and j < end and doc[j].lower_ == "to":
            # the writers recommending; not a body that "may recommend to X" as its own act
            authored = i == 0 or doc[i - 1].lower_ not in _MAY_MODALS
            return self._recommended_to(j + 1, end) if authored else 0
        if w in RECOMMEND_CUES and (
            (
                i > 0
                and doc[i - 1].lower_
                in {"we", "i", "further", "also", "strongly", "therefore", "have"}
            )
            or (i > 1 and doc[i - 2].lower_ in {"we", "i"})
            or w == "recommended"
            # "The Chief Inspector recommends that X …": whoever recommends, X acts
            or (w == "recommends" and j < end and doc[j].lower_ == "that")
        ):
            cue = "recommend_that"
            while j < end and doc[j].lower_ in {"further", "also", "strongly", "therefore", ","}:
                j += 1
            if j < end and doc[j].lower_ == "that":
                j += 1
            while j < end and doc[j].text == ",":
                j += 1
            j = self._skip_deadline(j, end)
            # "that, at the earliest opportunity, the Government appoint"
            if j < end and doc[j].lower_ in SEGMENT_DROP_STARTS and doc[j].lower_ != "the":
                close = next((x.i for x in doc[j:end] if x.text == ","), None)
                if close is not None:
                    j = close + 1
        elif (
            w in DIRECT_CUES
            and i > 0
            and any(x.lower_ in {"we", "i"} for x in doc[max(doc[i].sent.start, i - 12) : i])
        ) or (w in ASKED_CUES and i > 0 and not doc[i - 1].is_punct and not self._asks_in_turn(i)):
            if w in {"call", "called", "calls"}:
                if j < end and doc[j].lower_ in {"on", "upon"}:
                    j += 1
                else:
                    return 0
        else:
            return 0
        np = self._prefix_np(j, end)
        if not np:
            return 0
        nxt = np[-1].i + 1
        # a modal right after the phrase is handled by the modal rule
        if nxt < end and _modal_at(doc, nxt):
            return 0
        if w in ASKED_CUES and not (nxt < end and doc[_past_aside(doc, nxt, end)].lower_ == "to"):
            return 0
        if (
            nxt + 1 < end
            and doc[nxt].lower_ in {"be", "are", "is"}
            and _is_participle(doc[nxt + 1])
        ):
            return 0  # "we recommend that firefighters be trained": they receive, not act
        labels = self._np_list(np)
        if not labels and cue == "recommend_that":
            labels = _named_before_verb(np, doc[nxt] if nxt < end else None)
        for label in labels:
            if label == PRONOUN:
                for r in self._resolve_pronoun(np[0].i):
                    self.found.add(r, "pronoun")
            else:
                self.found.add(label, cue)
        return nxt

    def _recommended_to(self, j: int, end: int) -> int:
        """ "The Panel recommends to the Commissioner that …": the body it is made to is asked,
        whatever the clause after "that" says (a passive, another's appointment)."""
        np = self._prefix_np(j, end)
        after = np[-1].i + 1 if np else end
        if "recommend_to" in self.disabled or after >= end or self.doc[after].lower_ != "that":
            return 0
        for label in self._np_list(np):
            if label != PRONOUN:
                self.found.add(label, "recommend_to")
        return after + 1

    def _asks_in_turn(self, i: int) -> bool:
        """ "That the Cabinet Member asks officers to publish …": the member acts by asking; the
        officers asked are the member's, not the report's addressees."""
        sent = self.doc[i].sent
        first = next((t for t in sent if not (t.is_punct or t.like_num)), None)
        return first is not None and first.lower_ == "that" and first.i < i

    def _and_that(self, i: int, s0: int, end: int) -> int:
        """ "We recommend that A record …, and that B check …": B is asked too."""
        doc = self.doc
        if not (
            doc[i].lower_ == "that"
            and i > s0
            and doc[i - 1].lower_ in {"and", "or"}
            and any(t.lower_ in RECOMMEND_CUES for t in doc[s0:i])
            and "recommend_that" not in self.disabled
        ):
            return 0
        np = self._prefix_np(i + 1, end)
        nxt = np[-1].i + 1 if np else end
        if not np or nxt >= end or _modal_at(doc, nxt) or doc[nxt].lower_ in {"be", "is", "are"}:
            return 0
        # after a named body, a class of people ("custody inspectors") is that body's staff
        named = any(self.ctx.known(a) or not a.islower() for a in self.found.actors)
        for label in self._np_list(np):
            if label != PRONOUN and not (named and label.islower()):
                self.found.add(label, "recommend_that")
        return nxt

    def _skip_deadline(self, j: int, end: int) -> int:
        """The index after a deadline that opens the clause without commas ("that by 31 May
        2031 the force …", "that within six months chief constables …"), else j."""
        doc = self.doc
        if j >= end or doc[j].lower_ not in DEADLINE_OPENERS:
            return j
        window = doc[j : min(end, j + 9)]
        last_num = max((t.i for t in window if t.like_num), default=None)
        if last_num is None:
            return j
        k = last_num + 1
        while k < end and doc[k].lower_ in {"months", "month", "weeks", "days", "years", "year"}:
            k += 1
        if k < end and (doc[k].lower_ in {"the", "all", "each", "every"} or k in self.ent_at):
            return k
        return j

    def _for_to(self, i: int, s0: int, s1: int) -> int:
        """Handle "it is for X to act" / "it will be a matter for X to decide"; return the index
        after X (0 when the wording is not this: "a plan for forces to follow")."""
        n = self._cue_len(i, FOR_TO_CUES)
        if not n or "for_to" in self.disabled:
            return 0
        j = i - 1
        while j > s0 and self.lowers[j] in IT_IS_WORDS:
            j -= 1
        if j == i - 1 or self.lowers[j] != "it":
            return 0
        np = self._prefix_np(i + n, s1)
        nxt = np[-1].i + 1 if np else s1
        aside = self._partner_aside(nxt, s1)  # "for the force, working with Y, to"
        if aside:
            nxt = aside[-1].i + 2
        if nxt >= s1 or self.lowers[nxt] != "to":
            return 0
        self._add_partners(aside, "partner_segment")
        for label in self._np_list(np):
            if label != PRONOUN:
                self.found.add(label, "for_to")
        return nxt

    def _partner_aside(self, i: int, end: int) -> list[Token]:
        """The partners of a comma-bounded ", working with Y," at i (empty when none)."""
        n = self._cue_len(i + 1, PARTNER_CUES) if i < end and self.lowers[i] == "," else 0
        close = next((t.i for t in self.doc[i + 1 : end] if t.text == ","), None) if n else None
        return list(self.doc[i + 1 + n : close]) if close is not None else []

    def _subjunctive(self, s0: int, s1: int) -> None:
        """'That X <verb> ...' at the start of a (sub-)sentence names X as the actor."""
        doc = self.doc
        i = s0
        while i < s1 and (doc[i].is_punct or doc[i].like_num or (len(doc[i].text) <= 4 and
                          re.fullmatch(r"\(?[ivx]+\)?", doc[i].lower_))):  # fmt: skip
            i += 1
        if i >= s1 or doc[i].lower_ != "that":
            return
        np = self._prefix_np(self._after_adverbial(i + 1, s1), s1)
        if not np or (np[0].lower_ in ANAPHORIC - {"those"} and np[0].i not in self.ent_at):
            return
        nxt = np[-1].i + 1
        if nxt < s1 and (_modal_at(doc, nxt) or doc[nxt].lower_ in {"be", "is", "are"}):
            return
        if nxt + 1 < s1 and doc[nxt].lower_ in _RECOMMENDER_VERBS and doc[nxt + 1].lower_ == "that":
            # "That the Panel recommends that the Commissioner …": the Panel asks; but "That the
            # Cabinet Member asks officers to …" asks the Cabinet Member to ask
            return
        for label in self._np_list(np):
            if label != PRONOUN:
                self.found.add(label, "subjunctive_that")

    def _infinitive_action(self, s1: int) -> None:
        """'The Chief Constable to provide …' opening an item: an action log's or minutes'
        action, whose subject acts (a capitalised name, then "to" and a verb)."""
        if "infinitive_action" in self.disabled:
            return
        doc = self.doc
        if opens_with_imperative(doc[:s1].text) or doc[0].lower_ in DIRECT_CUES:
            return  # "Invite the Chief Constable to attend …": the order is to someone else
        np = self._prefix_np(0, s1)
        if not np or not any(t.text[:1].isupper() for t in np if t.lower_ != "the"):
            return
        nxt = np[-1].i + 1
        if nxt + 1 >= s1 or doc[nxt].lower_ != "to" or not doc[nxt + 1].text.islower():
            return
        if doc[nxt + 1].lower_ in {"be", "the", "a", "an", "all", "its", "their"}:
            return  # "Changes to the code …", "Access to be granted": no one told to act
        for label in self._np_list(np):
            if label != PRONOUN:
                self.found.add(label, "infinitive_action")

    def _after_adverbial(self, i: int, end: int) -> int:
        """Skip an adverbial of time or manner before the subject ("That as soon as possible
        the Inspectorate inspect …"): lower-case words up to the subject's determiner."""
        doc = self.doc
        if i >= end or doc[i].lower_ not in ADVERBIAL_STARTS:
            return i
        for j in range(i + 1, min(end, i + 8)):
            if doc[j].is_punct or _modal_at(doc, j):
                return i
            if doc[j].lower_ in {"the", "all", "every", "each"} or j in self.ent_at:
                return j
        return i


# "the following actions for the NPCC:", "These recommendations are for chief constables."
_ITEMS_FOR_RE = re.compile(
    r"\b(?:actions?|recommendations?)\s+(?:are\s+|is\s+)?(?:for|to)\s+(?P<who>[^:;.]{3,120})",
    re.IGNORECASE,
)


# The partners after whom items are for, or the exceptions: ", working with HMPPS, except …"
_PARTNER_TAIL_RE = re.compile(
    r",?\s+(?:" + "|".join(r"\s+".join(cue) for cue in PARTNER_CUES) + r"|except)\b.*$",
    re.IGNORECASE,
)


def _who(phrase: str) -> str:
    """Whom items are for, without the partners they work with ("the College, working with
    HMPPS, except where stated" -> "the College")."""
    return _PARTNER_TAIL_RE.sub("", phrase)


# "The three statutory partners – A, B and C – should": the members the dashes name act.
_MEMBERS_RE = re.compile(
    r"^(?P<lead>(?:[A-Z][^–—]{0,40}\s)?(?:[Tt]he|[Aa]ll|[Bb]oth)\s[^–—:]{2,60}?)\s*[–—]\s*"
    r"(?P<members>[A-Z][^–—]{2,200}?)\s*[–—]\s*(?=(?:should|must|shall|will|need to)\b)"
)


# Words that end a body's name ("… Care Board", "… Borough Council"), never its middle.
_NAME_ENDS = frozenset(
    {"board", "council", "police", "constabulary", "trust", "authority", "agency", "service",
     "partnership", "commission", "inspectorate", "ombudsman", "executive"}
)  # fmt: skip


def _members_named(text: str) -> str:
    """The text with a class that dashes spell out ("the partners – A, B and C –") replaced
    by the members it names."""
    m = _MEMBERS_RE.match(text)
    return f"{m.group('members')} {text[m.end() :]}" if m else text


def _hint_actors(
    hint: str, ctx: _Context, disabled: frozenset[str], bare: bool = True
) -> list[str]:
    if bare:
        hint = re.sub(r"\s*;\s*", ", ", hint)  # "Police; HMPPS": a cell that lists its bodies
        # a group's heading that is the lead-in's subject: "The Head of Service should:"
        hint = re.sub(r"\s+(?:should|must|shall|will|needs?\s+to)\s*:?\s*$", "", hint)
    posts = [p for p in re.split(r"\s+/\s+", hint.strip()) if p]
    if posts and all(_is_post(p, ctx) for p in posts):  # "HR Business Partner / Finance Lead"
        return [re.sub(r"^(?i:the)\s+", "", p) for p in posts]
    doc = parse(_members_named(hint), ctx.bodies)
    tagger = _Tagger(doc, ctx, disabled)
    found = tagger.run()
    if found.actors:  # the inspected force by its printed name is the inspected force
        return [_subject_label(a, ctx, disabled) for a in found.actors]
    items_for = _ITEMS_FOR_RE.search(hint)
    if items_for is not None and items_for.group("who").strip() != hint.strip():
        named = _hint_actors(_who(items_for.group("who")), ctx, disabled)
        if named:
            return named
    if not bare:
        return []
    # a bare responsible-body cell ("X Council and NHS Y Board") or a "To the X" header
    toks = [t for t in doc if (not t.is_space and not t.is_punct) or t.text == ","]
    while toks and toks[0].lower_ in {"to", "for", "responsible", "body", "bodies", "lead"}:
        toks = toks[1:]
    labels = [x for x in tagger._np_list(toks) if x != PRONOUN]
    if not labels and _proper_name(hint.strip()) and len(hint.split()) <= 12:
        labels = [" ".join(hint.split())]  # a cell that is a body's proper name, whatever it is
    return [_subject_label(x, ctx, disabled) for x in labels]


# "The government accepts this recommendation", "Response: NFCC agrees …": who answers for it.
_RESPONDER_RE = re.compile(
    r"^(?:(?:government\s+)?response\s*:?\s*)?(?P<who>[^.;:]{2,80}?)\s+"
    r"(?:fully\s+|partially\s+)?(?:accepts?|agrees?)\b",
    re.IGNORECASE,
)


def _responders(response: str, ctx: _Context, disabled: frozenset[str]) -> list[str]:
    """The bodies a response says accept an item: its owners when the item names nobody."""
    m = _RESPONDER_RE.match(response.strip())
    if m is None or m.group("who").lower().split()[0] in {"we", "i", "this", "it"}:
        return []
    return _hint_actors(m.group("who"), ctx, disabled)


def _defined_terms(doc: Doc, ctx: _Context) -> dict[str, str]:
    """Short names defined after a registry body: 'His Majesty's Inspectorate … ("the
    Inspectorate")' makes a later "the Inspectorate" that body."""
    out: dict[str, str] = {}
    for ent in doc.ents:
        if ent.end >= len(doc) or doc[ent.end].text != "(" or ent.ent_id_ not in ctx.by_id:
            continue
        inside = []
        for tok in doc[ent.end + 1 : ent.end + 8]:
            if tok.text == ")":
                break
            inside.append(tok)
        words = [t.text for t in inside if t.text not in {'"', "'"}]
        if words and words[0].lower() == "the":
            words = words[1:]
        body = ctx.by_id[ent.ent_id_]
        if body.printed:  # its short name is a printed form too: "ICSs" stays "ICSs"
            continue
        if words and len(words) <= 4 and words[0][:1].isupper():
            label = SUBJECT_FORCE_ID if ent.ent_id_ in ctx.subject_ids else body.output
            out[" ".join(words).lower()] = label
    return out


def _defined_names(text: str, ctx: _Context, disabled: frozenset[str]) -> dict[str, str]:
    """Short forms defined after a named body the registry lacks: 'Eastmoor Police (EMP)' makes
    a later "EMP" that force, by its printed name (or `force` when it is the one inspected)."""
    return _short_form_labels(defined_in(text), ctx, disabled)


def _short_form_labels(
    pairs: Sequence[tuple[str, str]], ctx: _Context, disabled: frozenset[str]
) -> dict[str, str]:
    """Each defined short form, lower-cased, with its body's label; the registry's own short
    forms ("(CPS)", "(NPCC)") are left to the registry."""
    return {
        short.lower(): _registry_name(name, ctx)
        or _class_member(name, ctx, disabled)
        or _subject_label(name, ctx, disabled)
        for short, name in pairs
        if short.lower() not in ctx.by_id
    }


def _class_member(name: str, ctx: _Context, disabled: frozenset[str]) -> str | None:
    """The class a name is one of, as its words read ("Eastmarch Police and Crime
    Commissioner" is one of the commissioners); None when it names a body of its own."""
    found = _hint_actors(name, ctx, disabled)
    return found[0] if len(found) == 1 and found[0] in ctx.by_id else None


def _registry_name(name: str, ctx: _Context) -> str | None:
    """The label of the registry body printed under this very name, if any."""
    body_id = resolve_body(name, ctx.bodies)
    return ctx.by_id[body_id].output if body_id is not None else None


def _publisher_head(
    publisher: str | None, ctx: _Context, disabled: frozenset[str]
) -> dict[str, str]:
    """ "The Board" in a board's own report is that board: the last word of the publisher's
    name, when it is an agent noun ("Thornshire Criminal Justice Board"), stands for it."""
    words = (publisher or "").split()
    if len(words) < 2 or not words[-1][:1].isupper() or words[-1].lower() not in AGENT_NOUNS:
        return {}
    return {words[-1].lower(): _subject_label(publisher or "", ctx, disabled)}


_OFFICE_HOLDER_RE = re.compile(r"\b(?:Constable|Commissioner|Minister|Mayor)s?$")


def _is_post(label: str, ctx: _Context) -> bool:
    """True for a post within a body ("Chief Nurse", "Head of Safeguarding"), not a body."""
    return not ctx.known(label) and bool(POST_RE.match(label))


def _named_before(label: str, seen: set[str], ctx: _Context) -> str:
    """ "The Prison Service" after "the Northern Ireland Prison Service" was named: the one
    name seen before that ends with the label's words stands for it."""
    if ctx.known(label) or (_proper_name(label) and label in seen):
        return label
    tail = label.lower().split()
    if not tail or not label[:1].isupper():
        return label
    if label.isupper() and 2 <= len(label) <= 6 and " " not in label:
        # "the ICB" after "NHS Lakeshire Integrated Care Board": the initials of its last words
        ends = [n for n in seen if _ends_with_initials(n, label)]
    else:
        ends = [
            n
            for n in seen
            if n.lower().split()[-len(tail) :] == tail and n.lower() != label.lower()
        ]
    return ends[0] if len(ends) == 1 else label


def _ends_with_initials(name: str, short: str) -> bool:
    """True when the last capitalised words of a longer name spell the short form."""
    words = [w for w in name.split() if w[:1].isupper()]
    return len(words) > len(short) and "".join(w[0] for w in words[-len(short) :]) == short


def _qualified(label: str) -> bool:
    """A subject of two words or more that is not the inspected body's own people ("Regional
    probation directors", not "Health leaders"): the item names who acts in so many words."""
    words = label.split()
    return len(words) > 1 and words[-1].lower() not in LEADER_WORDS


def _named_before_verb(np: list[Token], after: Token | None) -> list[str]:
    """ "We recommend that the Garda Síochána review …": a proper name that a bare verb
    follows is the body asked, whatever its last word."""
    words = [t for t in np if not t.is_punct]
    if words and words[0].lower_ == "the":
        words = words[1:]
    name = " ".join(t.text for t in words)
    if after is None or not after.is_alpha or not after.is_lower or not _proper_name(name):
        return []
    return [name]


def _proper_name(label: str) -> bool:
    """True for a name printed as a proper name of two or more words ("Justice Committee")."""
    words = [w for w in label.split() if w.lower() not in CONNECTORS]
    return len(words) >= 2 and all(w[:1].isupper() for w in words)


def _short_forms(hinted: list[str], actors: list[str], ctx: _Context) -> list[str]:
    """An owner column's short form ("College") is the body the item itself names in full
    ("The College of Policing should …")."""
    out: list[str] = []
    for label in hinted:
        short = label.lower()
        full = next(
            (
                a
                for a in actors
                if a in ctx.by_id and a != label and ctx.by_id[a].name.lower().startswith(short)
            ),
            None,
        )
        out.append(full if label not in ctx.by_id and full is not None else label)
    return out


def _relative_clause(doc: Doc, start: int, s0: int) -> bool:
    """True for "the information that officers should ask for": the clause describes a noun.

    "that" after a determiner and a noun opens a relative clause, whose subject is not asked to
    act; after a verb or adjective ("recommend that", "ensure that", "essential that") it opens
    the clause that says who must act.
    """
    if start - 3 < s0 or doc[start - 1].lower_ != "that":
        return False
    head = doc[start - 2]
    before = [doc[k].lower_ for k in range(max(s0, start - 5), start - 2)]
    return (
        head.is_alpha
        and head.lower_ not in COMPLEMENT_WORDS
        and not head.lower_.endswith(("ed", "ing", "ly"))
        and any(w in DETERMINERS or w in {"minimum", "same", "new"} for w in before)
    )


# The head of a police force that has no chief constable: "the Chief Officer", "the Chief Police
# Officer", "the Chief Officer of the Holm Police Service"
_FORCE_HEAD_RE = re.compile(
    r"(?:the\s+)?chief\s+(?:police\s+)?officer(?:\s+of\s+(?:the\s+)?[A-Z][\w ]*"
    r"(?:Police|Constabulary)(?:\s+Service)?)?",
    re.IGNORECASE,
)


# A part of a police force or a post in it: "Professional Standards Department", "the Force
# Vetting Unit", "Head of Professional Standards", "Deputy Chief Constable", "line managers"
_FORCE_PART_RE = re.compile(
    r"(?:the\s+)?(?:force(?:'s|’s)?\s+)?(?:(?:(?-i:[A-Z])[\w-]*|and|&)\s+){1,5}"
    r"(?:department|unit|team|directorate|command|bureau)|"
    r"(?:the\s+)?(?:deputy|assistant)\s+chief\s+constable|"
    r"(?:the\s+)?head\s+of\s+[A-Z][\w ]{2,40}|(?:line\s+)?managers|supervisors",
    re.IGNORECASE,
)
_PARTNERSHIP_RE = re.compile(r"\b(?:partnership|board|panel|forum|alliance)\b", re.IGNORECASE)


def _subject_label(label: str, ctx: _Context, disabled: frozenset[str]) -> str:
    """Map a printed council, provider or force name to the inspected body's id when it is
    the subject."""
    subject = ctx.subject
    if "subject_name" in disabled:
        return label
    if ctx.policing_commissioner and re.fullmatch(
        r"(?:the )?commissioner(?:(?:'s|’s) office)?", label, re.I
    ):
        return LOCAL_COMMISSIONERS_ID  # "the Commissioner's office" is the OPCC too
    if subject and ctx.default in {SUBJECT_COUNCIL_ID, SUBJECT_PROVIDER_ID}:
        named = (
            label.lower() not in ROLE_LABELS
            # a partnership or a board the title names is no council or provider itself
            and not _PARTNERSHIP_RE.search(label)
            and re.search(rf"\b{re.escape(label.lower())}\b", subject.lower())
        )
        if label.lower() == subject.lower() or named:
            return ctx.default  # "the Department" is a role, resolved on its own
        if ctx.default == SUBJECT_COUNCIL_ID and re.search(r"\bcouncil\b", label, re.I):
            first = label.split()[0].lower()
            if first in subject.lower():
                return ctx.default
    if ctx.area and "subject_name" not in disabled:
        # an area inspection inspects the area's council and its police force
        if re.search(r"\bcouncil\b", label, re.I) and label.startswith(ctx.area):
            return SUBJECT_COUNCIL_ID
        if FORCE_NAME_RE.search(label) and not ctx.known(label):
            return SUBJECT_FORCE_ID
    if ctx.default == SUBJECT_FORCE_ID and _FORCE_HEAD_RE.fullmatch(label):
        return ctx.default  # "the Chief Officer" of an island's police service heads it
    if ctx.default == SUBJECT_FORCE_ID and _FORCE_PART_RE.fullmatch(label) and not ctx.known(label):
        return ctx.default  # "the Professional Standards Department" of the inspected force
    place = FORCE_NAME_RE.sub("", label).strip().lower()  # "Westmarch Police" -> "westmarch"
    if (
        subject
        and ctx.default == SUBJECT_FORCE_ID
        and FORCE_NAME_RE.search(label)
        and place
        and re.search(rf"\b{re.escape(place)}\b", subject.lower())
    ):
        return ctx.default  # the inspected force by a name the registry does not list
    return label


def tag_addressees(
    items: Sequence[Item],
    metadata: Metadata,
    *,
    disabled: frozenset[str] = NO_CUES_DISABLED,
    settings: ExtractorSettings = DEFAULT_SETTINGS,
) -> list[Item]:
    """Return the items with `addressees` (who must act) and `partners` (who they act with)."""
    if disabled - CUES.keys():
        unknown = ", ".join(sorted(disabled - CUES.keys()))
        raise ValueError(f"unknown addressee cue(s) {unknown}; the cues are: {', '.join(CUES)}")
    bodies = load_registry(settings.bodies_file)
    ctx = _context(metadata, bodies)
    out: list[Item] = []
    previous: tuple[str, ...] = ()
    defined: dict[str, str] = {}  # short names a report defines: (“the Inspectorate”)
    unnamed: set[int] = set()  # the items whose own words name nobody
    seen: set[str] = set()  # proper names of bodies the items have named so far
    if "defined_term" not in disabled:  # short forms the whole text defines, narrative too
        # a body the text names in full under its kind outranks the publisher's last word
        defined.update(_publisher_head(metadata.publisher, ctx, disabled))
        defined.update(_short_form_labels(metadata.short_forms, ctx, disabled))
    for item in items:
        doc = parse(_completed_clause(item, disabled), bodies)
        if "defined_term" not in disabled:
            defined.update(_defined_terms(doc, ctx))
            defined.update(_defined_names(item.text, ctx, disabled))
        found = _Tagger(doc, ctx, disabled).run()
        if "defined_term" not in disabled:
            raw = [a if a.lower() in defined else _named_before(a, seen, ctx) for a in found.actors]
            seen.update(n for n in [*raw, *found.partners] if _proper_name(n))
        else:
            raw = list(found.actors)
        # a role the report defines ("the Ministry of Justice (the Department)") is that body,
        # whatever other department the item names
        actors = [
            defined.get(a.lower(), a)
            for a in (_subject_label(_untitled(a), ctx, disabled) for a in raw)
        ]
        if "role" not in disabled:
            others = [*actors, *found.partners]
            actors = [_resolve_role(a, item.text, ctx, others) for a in actors]
        if not actors:
            unnamed.add(len(out))  # whoever acts comes from elsewhere (a default at least)
        actors = _inherited(item, actors, found.pronoun_first, previous, ctx, disabled)
        actors = [defined.get(a.lower(), a) for a in actors]  # "MVP" in an owner column too
        actors = list(dict.fromkeys(actors))
        lowered = {a.lower() for a in actors}
        partners = [p for p in dict.fromkeys(found.partners) if p.lower() not in lowered]
        out.append(dataclasses.replace(item, addressees=tuple(actors), partners=tuple(partners)))
        previous = tuple(actors)
    if "cause_inherits" in disabled:
        return out
    return _causes_take_their_recommendations(out, unnamed)


# An item's title run into its subject ("Safety leadership CVTO should …"): words in
# sentence case, none of them a function word, before a body's proper name or initials
_TITLE_BEFORE_NAME_RE = re.compile(
    r"^[A-Z][a-z]+(?: (?!(?:of|in|for|and|or|the|to|on|with|at|by)\b)[a-z][\w-]*)+ "
    r"(?P<name>[A-Z][A-Z&]{1,9}|[A-Z][a-z]+(?: [A-Z][a-z]+)+)$"
)


def _untitled(label: str) -> str:
    """The body's name without the item's title run into it ("Safety leadership CVTO")."""
    m = _TITLE_BEFORE_NAME_RE.match(label)
    return m.group("name") if m else label


def _inherited(
    item: Item,
    actors: list[str],
    pronoun_first: bool,
    previous: tuple[str, ...],
    ctx: _Context,
    disabled: frozenset[str],
) -> list[str]:
    """The item's actors as its owner column, the previous item, lead-in or response settle them."""
    if item.responsible and "responsible_column" not in disabled:
        # a body the item names itself, or a post it names in full, outranks its row's owner
        # column or its group's heading; a generic role ("Leaders") does not
        named = [
            a
            for a in actors
            if a != ctx.default and (ctx.known(a) or _proper_name(a) or _qualified(a))
        ]
        if named and ctx.default in actors:
            named = [ctx.default, *named]  # "the Cabinet and the ICB": the council named too
        if _COUNTED_CLASS_RE.search(item.text):
            named = []  # "both forces" are the particular forces the column names
        hinted = _short_forms(_hint_actors(item.responsible, ctx, disabled), actors, ctx)
        bare_imperative = not actors and not ctx.default and opens_with_imperative(item.text)
        posts = (
            all(_is_post(h, ctx) for h in hinted)
            or bool(RANK_RE.match(item.responsible))
            # "Assistant Chief Fire Officer, Strategy and Planning": a post and its remit
            or _is_post(item.responsible.split(",")[0].strip(), ctx)
        )
        if hinted and posts and not bare_imperative:
            # a lead named by post ("Director of Midwifery") acts for the item's body, or for
            # the inspected body when the item names none or only its teams and posts; an
            # order to no one ("Introduce a defect log") in a report on no one body is for
            # the post its row names
            own = [a for a in actors if not _is_post(a, ctx)]
            hinted = [] if own or ctx.default is None else [ctx.default]
            named = [a for a in named if not _is_post(a, ctx)] if ctx.default else named
        actors = named or hinted or actors
    if not actors and pronoun_first and previous and "previous_item" not in disabled:
        actors = list(previous)
    if (
        not actors
        and "further_recommendation" not in disabled
        and re.match(r"(?i)^\W*we (recommend further|further recommend)", item.text)
    ):
        actors = list(previous)
    if item.lead_in and "lead_in" not in disabled and _finishes_lead(item):
        # "The Scottish Government should:" then "• publish … the funding councils will need
        # …": the entry finishes the lead-in's sentence, whose subject acts
        actors = _hint_actors(item.lead_in, ctx, disabled) or actors
    if not actors and item.lead_in and "lead_in" not in disabled:
        actors = _hint_actors(item.lead_in, ctx, disabled, bare=_may_be_a_name(item.lead_in))
    if not actors and "lead_in" not in disabled:
        # an item that leads in its own sub-items: "The following actions are for the College"
        said = _ITEMS_FOR_RE.search(item.text)
        actors = _hint_actors(_who(said.group("who")), ctx, disabled) if said else []
    if not actors and item.response and "responders" not in disabled:
        actors = _responders(item.response, ctx, disabled)
    if not actors and ctx.recipients and "recipients" not in disabled:
        sent = [r for r in ctx.recipients if not r.items or item.number in r.items]
        actors = [a for r in sent for a in _hint_actors(r.body, ctx, disabled)]
    if (
        not actors
        and len(ctx.addressed) == 1
        and opens_with_imperative(item.text)
        and "addressed_body" not in disabled
    ):
        # an order to no one in a letter to one body ("Agree a shared statement of purpose"):
        # the body the letter is addressed to
        addressed = ctx.addressed[0]
        actors = [_registry_name(addressed, ctx) or _subject_label(addressed, ctx, disabled)]
    if (
        not actors
        and (item.kind != "recommendation" or opens_with_imperative(item.text))
        and ctx.default
        and "inspected_body_default" not in disabled
    ):
        actors = [ctx.default]  # an area for improvement, or a bare imperative, in its report
    return actors


def _completed_clause(item: Item, disabled: frozenset[str]) -> str:
    """The text to read for actors: an entry under "I recommend that:" is the rest of that
    sentence ("the Head of Estates reviews …"), so it is read with the lead-in's words."""
    text = _members_named(item.text)
    lead = (item.lead_in or "").rstrip()
    if "lead_in" not in disabled and _THAT_CLAUSE_END_RE.search(lead) and item.text[:1].islower():
        return f"We recommend that {text}"
    return text


# "I recommend that:", "We therefore recommend that, within three months:"
_THAT_CLAUSE_END_RE = re.compile(
    r"\brecommends?,?(?:\s+\w+){0,3}?\s+that(?:,[^,:;.]{3,60},?)?\s*[:,-]?$", re.I
)


def _another_states(body_id: str, rest: list[Token]) -> bool:
    """True for the UK government's name followed by another state's ("the Government of
    Istravia"), not the United Kingdom's."""
    if body_id != "uk_government" or len(rest) < 2 or rest[0].lower_ != "of":
        return False
    place = " ".join(t.lower_ for t in rest[1:])
    return rest[1].text[:1].isupper() and not place.startswith(_UK_NAMES)


_UK_NAMES = ("the united kingdom", "united kingdom", "the uk", "great britain", "britain")


def _finishes_lead(item: Item) -> bool:
    """True when the entry is the verb phrase its lead-in's "X should:" asks for."""
    lead = (item.lead_in or "").rstrip()
    if not lead.endswith(":") or not item.text[:1].islower():
        return False
    # "It is recommended that the Group:" over "adopts …": the entry is its clause's verb
    return bool(_RECOMMENDS_THAT_END_RE.search(lead)) or (
        bool(_SHOULD_END_RE.search(lead)) and opens_with_imperative(item.text)
    )


_SHOULD_END_RE = re.compile(r"\b(?:should|must|shall|needs? to|is to|are to)\s*:$", re.I)
_RECOMMENDS_THAT_END_RE = re.compile(r"\brecommend(?:s|ed)? that\b[^.;:]{2,160}:$", re.I)


def _may_be_a_name(lead_in: str) -> bool:
    """False for a lead-in that announces its list ("The MATTERS OF CONCERN are as follows:"):
    whatever it names that is no body the tagger finds is not a body's bare name."""
    return directs(lead_in) or not _ANNOUNCES_RE.search(lead_in)


_ANNOUNCES_RE = re.compile(r"\b(?:are|is|were|was|as follows|include|includes|set out)\b", re.I)


# "Both forces", "the two councils": particular bodies of a class, named elsewhere (a column).
_COUNTED_CLASS_RE = re.compile(
    r"\b(?:both|the (?:two|three|four|five)|these|those)\s+(?:police\s+)?"
    r"(?:forces|constabularies|councils|authorities|trusts|services|boards)\b",
    re.IGNORECASE,
)


def _causes_take_their_recommendations(items: list[Item], unnamed: set[int]) -> list[Item]:
    """A cause of concern that names no actor is for whoever its recommendations are for.

    A cause states a problem ("The force does not make sure that…") and is always followed by
    the recommendations that answer it: its own (parent = its number) or, when unnumbered, the
    run of recommendations printed right after it. When they are all for others (the governor,
    a health provider), they also outrank the inspected body that a cause naming nobody
    ("Levels of violence had risen") would otherwise default to.
    """
    out = list(items)
    for k, cause in enumerate(out):
        if cause.kind != "cause_of_concern" or (cause.addressees and k not in unnamed):
            continue
        answers = [
            i
            for i in out
            if cause.number and i.kind == "recommendation" and i.parent == cause.number
        ]
        if not answers:
            answers = list(itertools.takewhile(lambda i: i.kind == "recommendation", out[k + 1 :]))
        actors = tuple(dict.fromkeys(a for i in answers for a in i.addressees))
        if k in unnamed and cause.addressees and set(cause.addressees) & set(actors):
            continue  # the inspected body is among those who answer it: it stays the cause's
        if actors:
            out[k] = dataclasses.replace(cause, addressees=actors)
    return out
