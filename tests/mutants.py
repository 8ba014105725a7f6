"""Seeded PDF mutants: the damage real files arrive with, applied to the project's own PDFs.

Mutant `index` of a seed is the same bytes on every machine: its kind is chosen round-robin
(so any run of len(KINDS) mutants has every kind) and its randomness comes from its own
`random.Random(seed, index)`, so one mutant reproduces without the others.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence

Mutator = Callable[[bytes, random.Random], bytes]


def truncate(data: bytes, rng: random.Random) -> bytes:
    """Cut the file anywhere (a download that stopped)."""
    return data[: rng.randrange(len(data))]


def flip(data: bytes, rng: random.Random) -> bytes:
    """Overwrite 1-40 random bytes."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 40)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def scribble(data: bytes, rng: random.Random) -> bytes:
    """Overwrite a run of up to 500 bytes with noise."""
    start = rng.randrange(len(data))
    size = rng.randint(1, 500)
    return data[:start] + rng.randbytes(size) + data[start + size :]


def splice(data: bytes, rng: random.Random) -> bytes:
    """Drop a chunk, or copy one elsewhere (offsets after it all shift)."""
    start = rng.randrange(len(data))
    chunk = data[start : start + rng.randint(1, 4000)]
    if rng.random() < 0.5:
        return data[:start] + data[start + len(chunk) :]
    at = rng.randrange(len(data))
    return data[:at] + chunk + data[at:]


def break_xref(data: bytes, rng: random.Random) -> bytes:
    """Remove the xref table, scramble its offsets, or point startxref elsewhere."""
    at = data.rfind(b"\nxref")
    end = data.find(b"trailer", at)
    if at < 0 or end < 0:
        return flip(data, rng)
    choice = rng.randrange(3)
    if choice == 0:
        return data[:at] + data[end:]
    if choice == 1:
        table = re.sub(rb"\d{10}", lambda _: b"%010d" % rng.randrange(len(data) * 2), data[at:end])
        return data[:at] + table + data[end:]
    return re.sub(rb"startxref\s+\d+", b"startxref\n%d" % rng.randrange(len(data) * 2), data)


def break_trailer(data: bytes, rng: random.Random) -> bytes:
    """Lose the trailer's /Root or /Size, or cut the file inside the trailer."""
    at = data.rfind(b"trailer")
    if at < 0:
        return truncate(data, rng)
    choice = rng.randrange(3)
    if choice == 0:
        return data[:at] + data[at:].replace(b"/Root", b"/Rooo")
    if choice == 1:
        return data[:at] + re.sub(rb"/Size \d+", b"/Size %d" % rng.randrange(3), data[at:])
    return data[: rng.randrange(at, len(data))]


def bad_count(data: bytes, rng: random.Random) -> bytes:
    """Give the page tree a /Count that is wrong, fractional, negative, huge or not a number."""
    value = rng.choice([b"0", b"-1", b"1", b"3.5", b"99999999", b"2147483648", b"/None", b"(x)"])
    return re.sub(rb"/Count \S+", b"/Count " + value, data)


def bad_length(data: bytes, rng: random.Random) -> bytes:
    """Give one stream a /Length that is zero, short, long, huge, negative or a dangling ref."""
    found = list(re.finditer(rb"/Length (\d+)", data))
    if not found:
        return flip(data, rng)
    match = rng.choice(found)
    real = int(match.group(1))
    value = rng.choice([0, real // 2, real + 17, 10**9, -5])
    text = b"999 0 R" if rng.random() < 0.15 else b"%d" % value
    return data[: match.start(1)] + text + data[match.end(1) :]


def deep_nesting(data: bytes, rng: random.Random) -> bytes:
    """Nest arrays or dictionaries thousands deep inside the first page object."""
    depth = rng.choice([200, 2_000, 20_000, 100_000])
    if rng.random() < 0.5:
        nested = b"[" * depth + b"]" * depth
    else:
        nested = b"<< /A " * depth + b"1" + b" >>" * depth
    at = data.find(b"/MediaBox")
    if at < 0:
        return flip(data, rng)
    return data[:at] + b"/Deep " + nested + b" " + data[at:]


def tree_cycle(data: bytes, rng: random.Random) -> bytes:
    """Make the page tree contain itself (a /Kids entry pointing at its own node)."""
    match = re.search(rb"(\d+) 0 obj\s*<<[^>]*?/Kids \[", data)
    if match is None:
        return bad_count(data, rng)
    own = match.group(1) + b" 0 R "
    return data[: match.end()] + b" " + own * rng.randint(1, 3) + data[match.end() :]


KINDS: dict[str, Mutator] = {
    "truncate": truncate,
    "flip": flip,
    "scribble": scribble,
    "splice": splice,
    "break_xref": break_xref,
    "break_trailer": break_trailer,
    "bad_count": bad_count,
    "bad_length": bad_length,
    "deep_nesting": deep_nesting,
    "tree_cycle": tree_cycle,
}


def mutant(sources: Sequence[bytes], seed: int, index: int) -> tuple[str, bytes]:
    """Mutant `index` of `seed`: its kind and bytes (sometimes with a second, random, mutation)."""
    names = sorted(KINDS)
    kind = names[index % len(names)]
    rng = random.Random(f"{seed}:{index}")  # noqa: S311 - reproducible damage, not secrets
    data = KINDS[kind](sources[source_of(index, len(sources))], rng)
    if data and rng.random() < 0.2:
        data = KINDS[rng.choice(names)](data, rng)
    return kind, data


def source_of(index: int, sources: int) -> int:
    """Which of `sources` source files mutant `index` is made from."""
    return (index // len(KINDS)) % sources
