"""Name what is wrong with a file that failed to parse: the PDF library's error, made plain.

(A file that is not a PDF at all, such as a Word file or web page saved as `.pdf`, is named
before parsing by `extractors.text.check_pdf_magic`.) `explain` turns an exception raised while
parsing into an ExtractionError naming the file, the problem and the fix. Exceptions raised
inside pdfminer/pdfplumber code mean a damaged file, not a bug of ours; anything else is left to
the caller to report as a crash.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from extractors.errors import ExtractionError

_LIBRARIES = ("pdfminer", "pdfplumber", "pypdfium2")
_REPAIR = "download it again, or repair it (e.g. `qpdf damaged.pdf repaired.pdf`) and run again"


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """Yield an exception, its causes and contexts, and exceptions wrapped in their args."""
    seen: set[int] = set()
    todo = [exc]
    while todo:
        current = todo.pop(0)
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        todo += [a for a in current.args if isinstance(a, BaseException)]
        todo += [e for e in (current.__cause__, current.__context__) if e is not None]


def _raised_in_library(exc: BaseException) -> bool:
    """True when the innermost frame of the traceback belongs to a PDF library."""
    tb = exc.__traceback__
    module = type(exc).__module__
    while tb is not None:
        module = str(tb.tb_frame.f_globals.get("__name__", ""))
        tb = tb.tb_next
    return module.split(".")[0] in _LIBRARIES


def _describe(exc: BaseException) -> str:
    """Return `Type: message` for an exception (just the type when it has no message)."""
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def explain(path: Path, exc: BaseException) -> ExtractionError | None:
    """Return a clean ExtractionError for a parsing failure, or None for a bug of ours."""
    source = str(path)
    names = {type(e).__name__ for e in _chain(exc)}
    if "PDFPasswordIncorrect" in names:
        return ExtractionError(
            source,
            "is encrypted with a password",
            "recwatch opens only PDFs whose user password is empty: ask the publisher for an "
            "unprotected copy, or decrypt it (`qpdf --decrypt --password=PASSWORD in.pdf out.pdf`) "
            "and run again",
        )
    if "PDFEncryptionError" in names:
        return ExtractionError(
            source,
            f"uses an encryption scheme the PDF library cannot open ({_describe(exc)})",
            "decrypt it (`qpdf --decrypt in.pdf out.pdf`) and run again",
        )
    if isinstance(exc, MemoryError) or "MemoryError" in names:
        return ExtractionError(
            source,
            "ran out of memory while parsing (over the per-document memory budget)",
            "raise the budget with --doc-memory MB (0 for no limit), or check the file",
        )
    if isinstance(exc, RecursionError):
        return ExtractionError(source, "is nested too deeply to parse", _REPAIR)
    if names & {"PSEOF", "PDFEOFError"} or "Unexpected EOF" in str(exc):
        return ExtractionError(source, "is truncated (it ends before the PDF is complete)", _REPAIR)
    if isinstance(exc, ExtractionError):
        return exc
    wrapped = any(type(e).__module__.split(".")[0] in _LIBRARIES for e in _chain(exc))
    if wrapped or _raised_in_library(exc):
        return ExtractionError(source, f"is damaged ({_describe(exc)})", _REPAIR)
    return None
