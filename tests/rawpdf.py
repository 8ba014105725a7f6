"""Write small PDFs object by object, for faults a PDF library will not produce on purpose."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


def stream(data: bytes, entries: bytes = b"") -> bytes:
    """A stream object's body (`entries`: more of its dictionary, e.g. b"/Filter /FlateDecode")."""
    return b"<< /Length %d %s>>\nstream\n" % (len(data), entries) + data + b"\nendstream"


def text_content(lines: Sequence[tuple[int, str]]) -> bytes:
    """A content stream drawing each (y, text) line in font F1 at 11 pt."""
    return "".join(f"BT /F1 11 Tf 72 {y} Td ({t}) Tj ET\n" for y, t in lines).encode()


def write_pdf(path: Path, objects: Sequence[bytes]) -> Path:
    """Number the objects from 1 (object 1 is the catalog), add the xref table and trailer."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    path.write_bytes(bytes(out))
    return path
