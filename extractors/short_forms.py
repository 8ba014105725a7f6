"""Short forms a report defines for bodies: "Eastmoor Police (EMP)", "the Specialist
Intelligence and Tasking Agency (SITA)", "‘the Fire Authority’ means Wexmoor Fire Authority",
and the bare titles and kinds that stand for the one office or fire and rescue body the text
names in full. A short form defined anywhere in the text, narrative included, stands for that
body in every item that uses it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from models.records import Line

_NAME_AND_SHORT_RE = re.compile(
    r"(?P<name>(?:[A-Z][\w’'&-]*\s+)(?:(?:[A-Z][\w’'&-]*|and|of|for)\s+){0,5}?"
    r"(?:Police(?: Service)?|Constabulary|Council|Trust|Service|Authority|Board|Agency|"
    r"Commissioner|Office|Unit|Inspectorate|Commission))\s*\((?P<short>[A-Z]{2,6})\)"
)


_BRACKETED_CAPITALS_RE = re.compile(r"\([A-Z]{2,6}\)")

# A name and the role word the text calls it by after: "the Ministry of Justice (the Department)"
_NAME_AND_ROLE_RE = re.compile(
    r"(?P<name>[A-Z][\w’'&-]*(?:\s+(?:[A-Z][\w’'&-]*|and|of|for|&)){0,6})\s*"
    r"\(the (?P<role>[A-Z][a-z]{2,20})\)"
)


# A name the text says it will call a body by: "‘the Fire Authority’ means Wexmoor Fire Authority"
_MEANS_RE = re.compile(
    r"[‘'“\"](?:the )?(?P<role>[A-Z][a-z]+(?: [A-Z][a-z]+){0,3})[’'”\"],? (?:means|refers to) "
    r"(?:the )?(?P<name>[A-Z][\w’'&-]*(?: (?:[A-Z][\w’'&-]*|and|of|for|&)){1,7}"
    r"(?<! and)(?<! of)(?<! for))"
)


# An office named in full ("the Police and Crime Commissioner for Eastdale"), after which the
# text calls its holder by the bare title ("the Commissioner")
_OFFICE_RE = re.compile(
    r"(?<![\w’'])(?P<name>(?:[A-Z][\w’'&-]*\s+)(?:(?:[A-Z][\w’'&-]*|and|of|for)\s+){0,4}?"
    r"(?P<title>Commissioner|Ombudsman))\b"
)
_NOT_A_NAME = {"The", "A", "An", "This", "That", "Our", "Their", "Its", "Each", "Every", "Deputy"}
# Words that say what a document or its part is, never part of a body's name: a title run into
# the name ("Independent Culture Review Wyvern Fire and Rescue Service") ends at the last one.
_DOCUMENT_WORDS = frozenset(
    {"review", "report", "inspection", "challenge", "audit", "assessment", "investigation",
     "evaluation", "inquiry", "update", "letter", "response", "summary", "survey", "plan",
     "statement", "notice", "decision", "findings", "foreword", "introduction", "contents"}
)  # fmt: skip
# A fire and rescue body named in full, after which the text calls it by its kind alone:
# "Wyvern Fire Authority" … "the Fire Authority", "the Authority".
_FIRE_BODY_RE = re.compile(
    r"(?<![\w’'])(?P<name>(?:[A-Z][\w’'&-]*\s+)(?:(?:[A-Z][\w’'&-]*|and|of)\s+){0,5}?"
    r"(?P<head>Fire (?:and|&) Rescue (?:Authority|Service)|Fire Authority))\b"
)
_AUTHORITY_RE = re.compile(r"(?<![\w’'])(?P<name>(?:[A-Z][\w’'&-]*\s+){1,6}?Authority)\b")


def short_forms(lines: Sequence[Line]) -> tuple[tuple[str, str], ...]:
    """Every (short form, name) the text defines, first definition first."""
    found: dict[str, str] = {}
    # most lines define nothing: the name pattern runs only where one may
    for window in _windows(lines, lambda text: bool(_BRACKETED_CAPITALS_RE.search(text))):
        for short, name in defined_in(window):
            found.setdefault(short, name)
    for title, name in [*bare_titles(lines), *fire_bodies(lines)]:
        found.setdefault(title, name)
    for window in _windows(lines, lambda text: "means" in text or "refers to" in text):
        for m in _MEANS_RE.finditer(window):
            found.setdefault(m.group("role"), m.group("name"))
    for window in _windows(lines, lambda text: "(the " in text):
        for m in _NAME_AND_ROLE_RE.finditer(window):
            name = re.sub(r"^(?:.*\s)?(?:The|All|Both)\s+", "", m.group("name"))
            if len(name.split()) >= 2 and name.split()[-1] not in {"and", "of", "for", "&"}:
                found.setdefault(m.group("role"), name)
    return tuple(found.items())


def bare_titles(lines: Sequence[Line]) -> list[tuple[str, str]]:
    """(title, office) for each office title the text names in full under one name only: the
    bare "Commissioner" is then that office's holder. Two offices with one title ("the
    Information Commissioner" and "the Victims' Commissioner") leave the bare title to nobody."""
    offices: dict[str, set[str]] = {}
    titled = _windows(lines, lambda text: "Commissioner" in text or "Ombudsman" in text)
    for window in titled:
        for m in _OFFICE_RE.finditer(window):
            words = m.group("name").split()
            while words and words[0] in _NOT_A_NAME:
                words = words[1:]
            if len(words) >= 2:
                offices.setdefault(m.group("title"), set()).add(" ".join(words))
    return [(title, next(iter(names))) for title, names in offices.items() if len(names) == 1]


def fire_bodies(lines: Sequence[Line]) -> list[tuple[str, str]]:
    """(kind, name) for each fire and rescue body the text names in full under one name only:
    its kind alone ("the Fire Authority") then means it, and so does "the Authority" when no
    other authority is named."""
    names: dict[str, set[str]] = {}
    other_authority = False
    for window in _windows(lines, lambda text: "Fire" in text or "Authority" in text):
        for m in _FIRE_BODY_RE.finditer(window):
            if name := _body_name(m.group("name"), m.group("head")):
                names.setdefault(m.group("head"), set()).add(name)
                # "the service" and "the Authority": the fire and rescue body the text names
                names.setdefault(name.split()[-1], set()).add(name)
        other_authority = other_authority or any(
            (name := _body_name(m.group("name"), "Authority"))
            and not name.endswith(("Fire Authority", "Rescue Authority"))
            for m in _AUTHORITY_RE.finditer(window)
        )
    if other_authority:  # "the Authority" may be the combined authority the text also names
        names.pop("Authority", None)
    return [(kind, one) for kind, found in names.items() if (one := _one_name(found))]


def _body_name(name: str, head: str) -> str | None:
    """The name without the words before it that are no part of a name ("The", "G1",
    "Review"); None when nothing but the head is left."""
    words = name.split()
    cut = max(
        (k + 1 for k, w in enumerate(words) if _not_a_name_word(w)),
        default=0,
    )
    kept = words[cut:]
    while kept and kept[0].islower():  # "CFO and Fire Authority": two bodies, not a name
        kept = kept[1:]
    return " ".join(kept) if len(kept) > len(head.split()) else None


def without_title_words(name: str) -> str:
    """A body's name without the title words run into it ("Fire Peer Challenge Wexmoor Fire
    and Rescue Service" is Wexmoor Fire and Rescue Service)."""
    words = name.split()
    cut = max((k + 1 for k, w in enumerate(words[:-1]) if w.lower() in _DOCUMENT_WORDS), default=0)
    return " ".join(words[cut:])


def _not_a_name_word(word: str) -> bool:
    """True for a word that cannot be in a body's name: an article, a reference, a kind of
    document."""
    return (
        word in _NOT_A_NAME
        or any(c.isdigit() for c in word)
        or word.lower() in _DOCUMENT_WORDS
        or (len(word) > 1 and word.isupper())  # a letterhead in capitals over the name
    )


def _one_name(names: set[str]) -> str | None:
    """The one name a set of names gives, the shortest when the others only add words before
    it ("Foreword When Wyvern Fire Authority"); None when they name different bodies."""
    shortest = min(names, key=len)
    return shortest if all(n == shortest or n.endswith(f" {shortest}") for n in names) else None


def _windows(lines: Sequence[Line], wanted: Callable[[str], bool]) -> Iterator[str]:
    """Each wanted line joined to the line before it: a name may wrap onto the next line."""
    for k, line in enumerate(lines):
        if wanted(line.text):
            yield " ".join(ln.text for ln in lines[max(0, k - 1) : k + 1])


def defined_in(text: str) -> list[tuple[str, str]]:
    """The (short form, name) pairs one text defines, in order."""
    return [
        (m.group("short"), _trimmed(m.group("name"), m.group("short")))
        for m in _NAME_AND_SHORT_RE.finditer(text)
    ]


def _trimmed(name: str, short: str) -> str:
    """The words of the name the short form abbreviates: the shortest ending whose capitals
    spell it ("Foreword The National Crime Agency (NCA)" is the National Crime Agency), else
    the words after a leading "The"."""
    words = name.split()
    for k in range(len(words) - 1, -1, -1):
        if "".join(w[0] for w in words[k:] if w[:1].isupper()) == short:
            return " ".join(words[k:])
    return re.sub(r"^(?:.*\s)?(?:The|All|Both)\s+", "", name)
