"""Resolve the bodies an analyst names (filters, corrections) to the form the store holds.

The store holds registry ids (`extractors.registry.resolve_body` maps an id, label, name or
alias, in any case, to one), and names the registry lacks as written (`recwatch bodies
--unknown` lists them). A name that is neither is refused with the nearest registry bodies.
"""

from __future__ import annotations

from collections.abc import Sequence

from extractors.registry import Body, known_names, load_registry, nearest_bodies, resolve_body
from pipeline.common.errors import PipelineError


def _stored_unknowns(db_url: str) -> dict[str, str]:
    """Map the casefolded addressees stored that name no registry body to their stored form."""
    from pipeline.store.query import unknown_addressees

    return {name.casefold(): name for name, _ in unknown_addressees(db_url, known_names())}


def _did_you_mean(name: str) -> str:
    """Return "did you mean a or b?" with the nearest registry ids (or where to look)."""
    near = nearest_bodies(name)
    if not near:
        return "`recwatch bodies` lists the registry"
    choices = near[0] if len(near) == 1 else f"{', '.join(near[:-1])} or {near[-1]}"
    return f"did you mean {choices}? (`recwatch bodies` lists the registry)"


def _resolve(
    name: str, db_url: str, unknowns: dict[str, str] | None
) -> tuple[str | None, dict[str, str] | None]:
    """Return a name's stored form (None when it has none) and the stored unknowns read so far."""
    body_id = resolve_body(name)
    if body_id is None:
        unknowns = _stored_unknowns(db_url) if unknowns is None else unknowns
        body_id = unknowns.get(" ".join(name.split()).casefold())
    return body_id, unknowns


def filter_bodies(names: Sequence[str], db_url: str) -> tuple[str, ...]:
    """Map `--addressee` filter values to stored forms; refuse a name the store cannot hold."""
    out: list[str] = []
    unknowns: dict[str, str] | None = None
    for name in names:
        body_id, unknowns = _resolve(name, db_url, unknowns)
        if body_id is None:
            raise PipelineError(f"--addressee {name!r} names no known body", _did_you_mean(name))
        out.append(body_id)
    return tuple(dict.fromkeys(out))


def correction_bodies(
    names: Sequence[str], db_url: str, *, new_body: bool = False
) -> tuple[str, ...]:
    """Map corrected addressees to stored forms; a name the registry lacks needs `new_body`."""
    out: list[str] = []
    unknowns: dict[str, str] | None = None
    for name in names:
        body_id, unknowns = _resolve(name, db_url, unknowns)
        if body_id is None and new_body and name.strip():
            body_id = " ".join(name.split())
        if body_id is None:
            raise PipelineError(
                f"--addressee {name!r} names no known body; nothing was changed",
                f"{_did_you_mean(name)}; for a body the registry does not know, add --new-body",
            )
        out.append(body_id)
    return tuple(dict.fromkeys(out))


def registry_bodies(names: Sequence[str]) -> list[Body]:
    """Return the registry bodies that names (id, name or alias, any case) resolve to, in order."""
    by_id = {body.id: body for body in load_registry()}
    out: list[Body] = []
    for name in names:
        body_id = resolve_body(name)
        if body_id is None:
            raise PipelineError(f"{name!r} names no registry body", _did_you_mean(name))
        if by_id[body_id] not in out:
            out.append(by_id[body_id])
    return out
