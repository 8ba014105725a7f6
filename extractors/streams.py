"""Damaged streams: compressed text that PDFium reads only up to the damage, and says nothing.

A flipped byte inside a page's Flate (or ASCII85 + Flate) content stream makes PDFium stop
decoding there: the page keeps its first lines and loses the rest without an error. So each
stream that can carry text is decoded here as PDFium would, and one that fails (bad ASCII85,
a Flate error, a wrong checksum, data that ends before its last block) is named. Streams that
carry no text (images, embedded font programs, XMP metadata) are not decoded, and an encrypted
file is not checked (its streams are ciphertext).
"""

from __future__ import annotations

import base64
import binascii
import re
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

_STREAM_RE = re.compile(rb">>\s*stream(?:\r\n|\n|\r)")
_OBJ_RE = re.compile(rb"(\d{1,10})\s+\d{1,5}\s+obj\b")
_FILTER_RE = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[^\s/\[\]<>()]+)")
_NAME_RE = re.compile(rb"/([^\s/\[\]<>()]+)")
_LENGTH_RE = re.compile(rb"/Length\s+(\d{1,10})(?![\d.])(?!\s+\d+\s+R)")
_END_RE = re.compile(rb"\s*endstream")
_NO_TEXT_RE = re.compile(
    rb"/Subtype\s*/(?:Image|Type1C|CIDFontType0C|OpenType)\b|/Length[123]\b"
    rb"|/Type\s*/(?:Metadata|EmbeddedFile)\b"
)
_SPACE_RE = re.compile(rb"\s+")
HEAD_WINDOW = 4096  # bytes looked back from `stream` for the object's header
CHUNK = 1 << 20
STREAM_CAP = 64 << 20  # inflated bytes judged per stream (a decompression bomb is not damage)
TOTAL_CAP = 512 << 20  # inflated bytes judged per file


@dataclass(frozen=True, slots=True)
class DamagedStream:
    """A stream that does not decode: its object number and what went wrong."""

    objid: int
    problem: str


def object_header(data: bytes, at: int) -> re.Match[bytes] | None:
    """The last "N G obj" header in the HEAD_WINDOW bytes before `at` (group 1: N)."""
    headers = list(_OBJ_RE.finditer(data, max(0, at - HEAD_WINDOW), at))
    return headers[-1] if headers else None


def _ascii85(data: bytes) -> bytes:
    text = _SPACE_RE.sub(b"", data).removeprefix(b"<~")
    end = text.find(b"~>")
    if end < 0:
        raise ValueError("no end marker ~>")
    return base64.a85decode(text[:end])


def _ascii_hex(data: bytes) -> bytes:
    text = _SPACE_RE.sub(b"", data)
    end = text.find(b">")
    if end < 0:
        raise ValueError("no end marker >")
    digits = text[:end]
    return binascii.unhexlify(digits + b"0" * (len(digits) % 2))


_TEXT_FILTERS: dict[bytes, Callable[[bytes], bytes]] = {
    b"ASCII85Decode": _ascii85,
    b"A85": _ascii85,
    b"ASCIIHexDecode": _ascii_hex,
    b"AHx": _ascii_hex,
}
_FLATE = (b"FlateDecode", b"Fl")


def inflate_problem(data: bytes, cap: int = STREAM_CAP) -> tuple[str | None, int]:
    """What is wrong with a zlib stream (None when whole), and how many bytes it inflated to.

    Stops judging (None) after `cap` inflated bytes. A stream whose last block is complete but
    whose checksum is missing is whole: PDFium reads all of it.
    """
    inflater = zlib.decompressobj()
    size = 0
    try:
        size += len(inflater.decompress(data, CHUNK))
        while inflater.unconsumed_tail and size < cap:
            size += len(inflater.decompress(inflater.unconsumed_tail, CHUNK))
        if size >= cap:
            return None, size
        size += len(inflater.flush())
    except zlib.error as exc:
        return str(exc).removeprefix("Error -3 while decompressing data: "), size
    if inflater.eof:
        return None, size
    raw = zlib.decompressobj(-zlib.MAX_WBITS)  # the deflate blocks alone, without the checksum
    try:
        raw.decompress(data[2:], cap)
    except zlib.error as exc:
        return str(exc).removeprefix("Error -3 while decompressing data: "), size
    return (None if raw.eof else "the data ends before its last block"), size


def _streams(data: bytes) -> Iterator[tuple[int, bytes, bytes]]:
    """Each stream's object number, dictionary text and raw data."""
    for match in _STREAM_RE.finditer(data):
        header = object_header(data, match.start())
        if header is None:
            continue
        head = data[header.end() : match.start() + 2]
        start = match.end()
        end = -1
        length = _LENGTH_RE.search(head)
        if length is not None:
            stop = start + int(length.group(1))
            if _END_RE.match(data, stop):
                end = stop
        if end < 0:  # a /Length that is indirect or wrong: the data runs to `endstream`
            end = data.find(b"endstream", start)
        yield int(header.group(1)), head, data[start : end if end >= 0 else len(data)]


def _printable(text: str) -> str:
    """Text with its control and non-ASCII characters escaped (a message quotes damaged bytes)."""
    return "".join(c if " " <= c <= "~" else f"\\x{ord(c):02x}" for c in text)


def damaged_streams(data: bytes) -> list[DamagedStream]:
    """The streams of a PDF's bytes that can carry text and do not decode."""
    if b"/Encrypt" in data:
        return []
    damaged: list[DamagedStream] = []
    budget = TOTAL_CAP
    for objid, head, body in _streams(data):
        if budget <= 0:
            break
        found = _FILTER_RE.search(head)
        if found is None or _NO_TEXT_RE.search(head):
            continue
        filters = _NAME_RE.findall(found.group(1))
        if not filters or filters[-1] not in _FLATE:
            continue
        if any(name not in _TEXT_FILTERS for name in filters[:-1]):
            continue
        try:
            for name in filters[:-1]:
                body = _TEXT_FILTERS[name](body)
        except ValueError as exc:  # binascii.Error is a ValueError
            damaged.append(DamagedStream(objid, _printable(f"{filters[0].decode()}: {exc}")))
            continue
        problem, size = inflate_problem(body, min(STREAM_CAP, budget))
        budget -= size
        if problem is not None:
            damaged.append(DamagedStream(objid, problem))
    return damaged
