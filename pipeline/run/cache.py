"""Content-addressed cache of text layers and extraction results under data/processed/cache/.

Text layers are keyed by the PDF's sha256 and the text-layer version and settings, so re-tagging
after a registry or rule change does not parse PDFs again. Extraction results are also keyed by a
fingerprint of the extractor code, its data files, the text engine and any extra aliases file,
and by the publication page's hints they were made with. A file index keeps each path's sha256
while the file's size and mtime stay the same, so a re-run over an unchanged corpus reads no PDF
at all.
"""

from __future__ import annotations

import dataclasses
import functools
import gzip
import hashlib
import json
import logging
import zlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from extractors.settings import DEFAULT_SETTINGS, ExtractorSettings
from models.records import Deadline, DocumentResult, Item, Metadata
from pipeline.common.files import write_bytes_atomically
from pipeline.run.hints import PageHints

logger = logging.getLogger(__name__)

_PACKAGE_ROOT = Path(__file__).resolve().parents[2]
_FINGERPRINTED = (
    "extractors/*.py",
    "extractors/*.c",
    "extractors/data/*.json",
    "models/records.py",
)


@functools.cache
def _code_digest() -> str:
    """Hash of the extractor code and data and the extraction stages (read once per process)."""
    digest = hashlib.sha256()
    for pattern in _FINGERPRINTED:
        for path in sorted(_PACKAGE_ROOT.glob(pattern)):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    digest.update(Path(__file__).with_name("extract.py").read_bytes())
    return digest.hexdigest()


@functools.cache
def code_fingerprint(settings: ExtractorSettings = DEFAULT_SETTINGS) -> str:
    """Hash of everything that shapes extraction output: code, data, engine, extra aliases.

    The C and Python character loops are left out: a test holds them to the same output.
    """
    digest = hashlib.sha256(_code_digest().encode())
    digest.update(settings.text_engine.encode())
    extra = settings.bodies_file
    if extra is not None and extra.is_file():
        digest.update(extra.read_bytes())
    return digest.hexdigest()[:16]


def text_layer_key(engine: str) -> str:
    """Version of the text layer, its engine and its pdfplumber settings."""
    from extractors import text

    settings = json.dumps(
        [engine, text.WORD_SETTINGS, text.TABLE_SETTINGS, text.PDFIUM_GAP_RATIO], sort_keys=True
    )
    return (
        f"{text.TEXT_LAYER_VERSION}-{engine}-{hashlib.sha256(settings.encode()).hexdigest()[:10]}"
    )


class ContentCache:
    """Text layers and results stored as gzipped JSON files named by content."""

    def __init__(self, root: Path, settings: ExtractorSettings = DEFAULT_SETTINGS) -> None:
        self.root = root
        self.settings = settings  # results and text layers are kept apart per engine and aliases

    def _text_key(self) -> str:
        return text_layer_key(self.settings.text_engine)

    def _result_key(self) -> str:
        return code_fingerprint(self.settings)

    def _path(self, kind: str, sha256: str, key: str) -> Path:
        return self.root / kind / sha256[:2] / f"{sha256}.{key}.json.gz"

    def _read(self, path: Path) -> Any | None:
        try:
            return json.loads(gzip.decompress(path.read_bytes()))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, EOFError, zlib.error) as exc:  # damaged: recomputed, not fatal
            logger.warning("ignoring damaged cache entry %s (%s)", path, exc)
            return None

    def _write(self, path: Path, data: Any) -> None:
        # One dumps and a fast compression level: the cold run writes every text layer, and
        # json.dump into a gzip stream at level 9 cost a third of it.
        payload = json.dumps(data, separators=(",", ":")).encode("utf-8")
        # atomic: readers never see half an entry
        write_bytes_atomically(path, gzip.compress(payload, compresslevel=1, mtime=0))

    def get_text(self, sha256: str) -> Any | None:
        """The cached parse of a PDF (JSON), or None."""
        return self._read(self._path("text", sha256, self._text_key()))

    def put_text(self, sha256: str, data: Any) -> None:
        """Store a parse."""
        self._write(self._path("text", sha256, self._text_key()), data)

    def _result_path(self, sha256: str, hints: PageHints | None) -> Path:
        # A result counted from one page's date is never reused for another page's.
        page = hints.key() if hints is not None else ""
        key = self._result_key()
        return self._path("result", sha256, f"{key}-{page}" if page else key)

    def get_result(self, sha256: str, hints: PageHints | None = None) -> DocumentResult | None:
        """The cached extraction result for these settings and page hints, or None."""
        data = self._read(self._result_path(sha256, hints))
        return result_from_json(data) if data is not None else None

    def put_result(self, result: DocumentResult, hints: PageHints | None = None) -> None:
        """Store an extraction result made with these page hints."""
        self._write(self._result_path(result.sha256, hints), result_to_json(result))

    def _no_text_path(self, sha256: str) -> Path:
        return self._path("no-text", sha256, f"{self._result_key()}-{self._text_key()}")

    def get_no_text(self, sha256: str) -> tuple[str, tuple[str, ...]] | None:
        """The error and warnings of a PDF found to have no text layer, or None."""
        data = self._read(self._no_text_path(sha256))
        if not isinstance(data, dict):
            return None
        return str(data["error"]), tuple(str(w) for w in data["warnings"])

    def put_no_text(self, sha256: str, error: str, warnings: tuple[str, ...]) -> None:
        """Store the verdict on a PDF with no text layer (a scan fails alike on every re-run)."""
        self._write(self._no_text_path(sha256), {"error": error, "warnings": list(warnings)})


def _encode(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    return value


def result_to_json(result: DocumentResult) -> dict[str, Any]:
    """Encode a DocumentResult losslessly."""
    return {f.name: _encode(_asdict(getattr(result, f.name))) for f in dataclasses.fields(result)}


def _asdict(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(_asdict(getattr(value, f.name))) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_asdict(v) for v in value]
    return value


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _build(cls: Any, data: dict[str, Any]) -> Any:
    """Rebuild a record dataclass from its JSON form, field by field (dates, tuples, deadlines)."""
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name not in data:
            continue  # written before the field existed: keep its default
        value = data[f.name]
        kind = str(f.type)
        if f.name == "deadline":
            value = _build(Deadline, value) if value is not None else None
        elif f.name == "deadlines":
            value = tuple(_build(Deadline, d) for d in value)
        elif f.name == "items":
            value = tuple(_build(Item, i) for i in value)
        elif f.name == "metadata":
            value = _build(Metadata, value)
        elif kind.startswith("date"):
            value = _day(value)
        elif f.name == "settings":
            value = tuple((k, v) for k, v in value)
        elif isinstance(value, list):
            value = tuple(value)
        kwargs[f.name] = value
    return cls(**kwargs)


def result_from_json(data: dict[str, Any]) -> DocumentResult:
    """Decode a DocumentResult written by result_to_json."""
    result: DocumentResult = _build(DocumentResult, data)
    return result


# A file modified less than this long before it was stamped could change again within the file
# system's timestamp granularity without its mtime moving: it is not remembered (git's "racily
# clean" entries), so the next run hashes it again.
_RACY_SECONDS = 2.0


@dataclass(frozen=True, slots=True)
class Stamp:
    """What a file's metadata says about its bytes: size and modification time (ns)."""

    size: int
    mtime_ns: int


def stamp_of(path: Path) -> Stamp | None:
    """The file's size and mtime, or None when it cannot be read."""
    try:
        facts = path.stat()
    except OSError:
        return None
    return Stamp(facts.st_size, facts.st_mtime_ns)


class FileIndex:
    """The sha256 of files seen before, by resolved path, valid while size and mtime match.

    Kept as one JSON file in the cache folder, so a re-run over unchanged files reads their
    cached results without reading the files themselves.
    """

    def __init__(self, root: Path) -> None:
        self.path = root / "files.json"
        self._entries: dict[str, list[Any]] | None = None
        self._changed = False

    def _loaded(self) -> dict[str, list[Any]]:
        if self._entries is None:
            try:
                data = json.loads(self.path.read_bytes())
                self._entries = data if isinstance(data, dict) else {}
            except FileNotFoundError:
                self._entries = {}
            except (OSError, ValueError) as exc:  # damaged: every file is hashed again
                logger.warning("ignoring damaged file index %s (%s)", self.path, exc)
                self._entries = {}
        return self._entries

    def known(self, path: Path, stamp: Stamp) -> str | None:
        """The sha256 recorded for this path with this size and mtime, or None."""
        entry = self._loaded().get(str(path.resolve()))
        if isinstance(entry, list) and entry[:2] == [stamp.size, stamp.mtime_ns]:
            return str(entry[2])
        return None

    def remember(self, path: Path, stamp: Stamp, sha256: str, now: float) -> None:
        """Record the sha256 of a file hashed while it had this stamp (unless racily recent)."""
        if now - stamp.mtime_ns / 1e9 < _RACY_SECONDS:
            return
        entry = [stamp.size, stamp.mtime_ns, sha256]
        entries = self._loaded()
        key = str(path.resolve())
        if entries.get(key) != entry:
            entries[key] = entry
            self._changed = True

    def save(self) -> None:
        """Write the index if it changed (atomically; the last writer wins)."""
        if self._changed:
            payload = json.dumps(self._loaded(), separators=(",", ":"), sort_keys=True)
            write_bytes_atomically(self.path, payload.encode("utf-8"))
            self._changed = False
