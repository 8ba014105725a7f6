"""The registry of bodies that recommendations are addressed to (canonical id, name, aliases)."""

from __future__ import annotations

import contextlib
import difflib
import json
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal, cast, get_args

from extractors.errors import ExtractionError

BodyKind = Literal[
    "police_force",
    "national_body",
    "government_department",
    "government",
    "inspectorate",
    "local_body",
    "provider",
    "health_body",
    "other",
]
BODY_KINDS: tuple[str, ...] = get_args(BodyKind)

REGISTRY_VERSION: str = "2025.1"

# Ids that stand for "the body this report inspects"; a named force or council that is the
# report's subject is reported under these ids rather than its own.
SUBJECT_FORCE_ID = "force"
SUBJECT_COUNCIL_ID = "local_authority"
SUBJECT_PROVIDER_ID = "provider"


@dataclass(frozen=True, slots=True)
class Body:
    """One body that can be asked to act."""

    id: str
    name: str
    kind: BodyKind
    aliases: tuple[str, ...] = ()
    label: str | None = None  # what to print instead of the id (e.g. "Scottish Government")
    force: str | None = None  # a PCC / mayor: its force (it is "pccs" in that force's report)
    printed: bool = False  # written as the report prints it ("DfT" / "Department for Transport")
    nation: tuple[str, ...] = ()  # the nation whose one force this is ("Scotland", "Scottish")

    @property
    def output(self) -> str:
        """The addressee string written for this body (its label, else its id)."""
        return self.label or self.id


def _parse(raw: object, source: str) -> list[Body]:
    entries = raw.get("bodies") if isinstance(raw, dict) else raw
    if not isinstance(entries, list):
        raise ExtractionError(
            source,
            "is not a bodies file",
            'expected {"bodies": [{"id", "name", "kind", "aliases"}, ...]} or a list of bodies',
        )
    bodies: list[Body] = []
    for n, entry in enumerate(entries):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            raise ExtractionError(source, f"body #{n} has no string 'id'", "give every body an id")
        kind = entry.get("kind", "other")
        if kind not in BODY_KINDS:
            raise ExtractionError(
                source,
                f"body {entry['id']!r} has unknown kind {kind!r}",
                f"use one of {', '.join(BODY_KINDS)}",
            )
        aliases = entry.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise ExtractionError(
                source, f"body {entry['id']!r} has bad aliases", "aliases must be a list of strings"
            )
        label = entry.get("label")
        force = entry.get("force")
        nation = entry.get("nation", [])
        if not isinstance(nation, list) or not all(isinstance(a, str) for a in nation):
            raise ExtractionError(
                source, f"body {entry['id']!r} has a bad nation", "nation must be a list of strings"
            )
        bodies.append(
            Body(
                id=entry["id"],
                name=str(entry.get("name", entry["id"])),
                kind=cast(BodyKind, kind),
                aliases=tuple(aliases),
                label=label if isinstance(label, str) else None,
                force=force if isinstance(force, str) else None,
                printed=entry.get("printed") is True,
                nation=tuple(nation),
            )
        )
    return bodies


def _read(path: Path) -> list[Body]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ExtractionError(
            str(path),
            "not found",
            "check the path given as the extra bodies file (RECWATCH_BODIES)",
        ) from None
    except json.JSONDecodeError as exc:
        raise ExtractionError(str(path), f"is not valid JSON ({exc})", "fix the file") from None
    return _parse(raw, str(path))


def _merge(base: list[Body], extra: list[Body]) -> list[Body]:
    by_id = {b.id: b for b in base}
    order = [b.id for b in base]
    for body in extra:
        old = by_id.get(body.id)
        if old is None:
            by_id[body.id] = body
            order.append(body.id)
        else:
            aliases = old.aliases + tuple(a for a in body.aliases if a not in old.aliases)
            label = body.label or old.label
            by_id[body.id] = Body(
                old.id, old.name, old.kind, aliases, label, old.force, old.printed, old.nation
            )
    return [by_id[i] for i in order]


@lru_cache(maxsize=8)
def _load(extra: Path | None) -> tuple[Body, ...]:
    text = resources.files("extractors").joinpath("data/bodies.json").read_text(encoding="utf-8")
    bodies = _parse(json.loads(text), "extractors/data/bodies.json")
    if extra is not None:
        bodies = _merge(bodies, _read(extra))
    return tuple(bodies)


# The extra aliases file of the extraction under way: set by the public extractor functions
# from their settings, so that the registry lookups deep inside them need no parameter.
_EXTRA: ContextVar[Path | None] = ContextVar("extra_bodies_file", default=None)


@contextlib.contextmanager
def extra_bodies(path: Path | None) -> Iterator[None]:
    """Within this block, registry lookups without an explicit file merge `path` (None: none)."""
    token = _EXTRA.set(path)
    try:
        yield
    finally:
        _EXTRA.reset(token)


def _registry(extra: Path | None = None) -> tuple[Body, ...]:
    """The cached bodies: built-in plus an extra aliases file (argument, else `extra_bodies`)."""
    extra = extra if extra is not None else _EXTRA.get()
    return _load(extra.resolve() if extra is not None else None)


def active_bodies_file() -> Path | None:
    """The extra aliases file registry lookups use here (set by `extra_bodies`), or None."""
    return _EXTRA.get()


def load_registry(extra: Path | None = None) -> list[Body]:
    """Load the built-in bodies plus an extra aliases file (argument, else `extra_bodies`)."""
    return list(_registry(extra))


def known_names(bodies: list[Body] | None = None) -> frozenset[str]:
    """Every casefolded id, output, name and alias (without a leading "the") of the bodies."""
    names: set[str] = set()
    for body in bodies or load_registry():
        for name in (body.id, body.output, body.name, *body.aliases):
            folded = name.casefold()
            names.update({folded, folded.removeprefix("the "), folded.removeprefix("all ")})
    return frozenset(names)


def is_force_id(body_id: str, bodies: list[Body] | None = None) -> bool:
    """True when the id (or a name the registry knows) names chief constables, the inspected
    force or any police force."""
    if body_id in ("chief_constables", SUBJECT_FORCE_ID):
        return True
    known = resolve_body(body_id, bodies) or body_id  # a force written as printed too
    return any(b.kind == "police_force" and known == b.id for b in bodies or load_registry())


def _forms(name: str) -> tuple[str, ...]:
    """The casefolded forms a name is looked up under (as written, without "the" / "all"),
    "&" read as "and" ("Department of Health & Social Care")."""
    folded = " ".join(name.replace("&", " and ").split()).casefold()
    return (folded, folded.removeprefix("the "), folded.removeprefix("all "))


_INDEXES: dict[int, tuple[tuple[Body, ...], dict[str, str]]] = {}  # by id() of a registry


def _index(bodies: list[Body] | None) -> dict[str, str]:
    """Map every casefolded id, label, name and alias of the bodies to the body's id."""
    registry = _registry() if bodies is None else tuple(bodies)
    cached = _INDEXES.get(id(registry))
    if cached is not None and cached[0] is registry:  # the registry read once is indexed once
        return cached[1]
    index: dict[str, str] = {}
    for body in registry:
        for name in (body.id, body.output, body.name, *body.aliases):
            for form in _forms(name):
                index.setdefault(form, body.id)
    if bodies is None:
        _INDEXES[id(registry)] = (registry, index)
    return index


def resolve_body(name: str, bodies: list[Body] | None = None) -> str | None:
    """Return the registry id of a body given by id, label, name or alias (any case), or None."""
    index = _index(bodies)
    return next((index[form] for form in _forms(name) if form in index), None)


def registry_ids(addressees: Iterable[str], bodies: list[Body] | None = None) -> list[str]:
    """Map addressees to registry ids (names the registry lacks kept as written), deduplicated."""
    out: list[str] = []
    for name in addressees:
        body_id = resolve_body(name, bodies) or name
        if body_id not in out:
            out.append(body_id)
    return out


def nearest_bodies(name: str, bodies: list[Body] | None = None, n: int = 3) -> list[str]:
    """The registry ids whose id, label, name or alias is nearly as close as the closest match."""
    index = _index(bodies)
    wanted = " ".join(name.split()).casefold()
    scored: dict[str, float] = {}
    for form, body_id in index.items():
        ratio = difflib.SequenceMatcher(None, wanted, form).ratio()
        if ratio >= 0.6 and ratio > scored.get(body_id, 0.0):
            scored[body_id] = ratio
    ranked = sorted(scored.items(), key=lambda kv: (-kv[1], kv[0]))
    return [body_id for body_id, ratio in ranked[:n] if ratio >= ranked[0][1] - 0.1]
