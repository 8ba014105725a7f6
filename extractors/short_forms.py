"""Short forms a report defines for bodies: "Eastmoor Police (EMP)", "the Specialist
Intelligence and Tasking Agency (SITA)". A short form defined anywhere in the text, narrative
included, stands for that body in every item that uses it."""

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


# An office named in full ("the Police and Crime Commissioner for Eastdale"), after which the
# text calls its holder by the bare title ("the Commissioner")
_OFFICE_RE = re.compile(
    r"(?<![\w’'])(?P<name>(?:[A-Z][\w’'&-]*\s+)(?:(?:[A-Z][\w’'&-]*|and|of|for)\s+){0,4}?"
    r"(?P<title>Commissioner|Ombudsman))\b"
)
_NOT_A_NAME = {"The", "A", "An", "This", "That", "Our", "Their", "Its", "Each", "Every", "Deputy"}


def short_forms(lines: Sequence[Line]) -> tuple[tuple[str, str], ...]:
    """Every (short form, name) the text defines, first definition first."""
    found: dict[str, str] = {}
    # most lines define nothing: the name pattern runs only where one may
    for window in _windows(lines, lambda text: bool(_BRACKETED_CAPITALS_RE.search(text))):
        for short, name in defined_in(window):
            found.setdefault(short, name)
    for title, name in bare_titles(lines):
        found.setdefault(title, name)
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
