"""Honest generalisation: fit the cue weights on all labelled documents but some, score the rest.

Documents that share items (a report and the response restating it) leave together
(`pipeline.evaluate.train.group_documents`). Each left-out document runs through the same stages as
`recwatch run`, with the items recognised by the weights fitted without it, so addressees and
deadlines are scored as well. The figure predicts unseen reports; the in-sample score does not.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from extractors.checks import check_document
from extractors.cues import Weights
from extractors.recognise import decode, describe_document
from extractors.settings import DEFAULT_SETTINGS, ExtractorSettings
from models.records import DocumentResult, DocumentText, Item
from pipeline.evaluate.scores import CorpusScore, load_gold, score_corpus
from pipeline.evaluate.train import Labelled, corpus_version, fit, group_documents, label_document


@dataclass(frozen=True, slots=True)
class Prepared:
    """One labelled document: its text layer and candidates, or why it could not be read."""

    name: str
    labelled: Labelled | None
    doc: DocumentText | None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class CrossValidation:
    """Scores of every left-out document, candidate coverage and the groups left out together."""

    score: CorpusScore
    covered: int  # gold items some candidate matches with the right span
    gold: int
    groups: tuple[tuple[str, ...], ...]

    @property
    def candidate_recall(self) -> float | None:
        """Share of gold items covered by a candidate with the right span."""
        return self.covered / self.gold if self.gold else None

    def to_json(self) -> dict[str, Any]:
        """The eval JSON with `candidate_recall` in `overall` and the groups."""
        data = self.score.to_json()
        data["overall"]["candidate_recall"] = self.candidate_recall
        data["groups"] = [list(g) for g in self.groups]
        return data


def _read(path: Path, settings: ExtractorSettings) -> tuple[DocumentText | None, str | None]:
    """Read one PDF's text layer (in a worker), or the error that stopped it."""
    from extractors.errors import ExtractionError
    from extractors.text import build_document, read_pages

    try:
        doc = build_document(read_pages(path, settings=settings), settings.native)
    except ExtractionError as exc:
        return None, str(exc)
    return (doc, None) if doc.lines else (None, f"{path}: no text layer")


def prepare(
    golds: Mapping[str, Mapping[str, Any]],
    pdf_dir: Path,
    jobs: int = 1,
    settings: ExtractorSettings = DEFAULT_SETTINGS,
) -> dict[str, Prepared]:
    """Read, describe and label every labelled document whose PDF is present."""
    names = [n for n in sorted(golds) if (pdf_dir / f"{n}.pdf").is_file()]
    paths = [pdf_dir / f"{n}.pdf" for n in names]
    read = functools.partial(_read, settings=settings)
    if jobs > 1 and len(paths) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            texts = list(pool.map(read, paths))
    else:
        texts = [read(p) for p in paths]
    out: dict[str, Prepared] = {}
    for name, (doc, error) in zip(names, texts, strict=True):
        labelled = label_document(name, describe_document(doc), golds[name]) if doc else None
        out[name] = Prepared(name, labelled, doc, error)
    return out


def run_stages(
    doc: DocumentText,
    items_of: Callable[[DocumentText], list[Item]],
    settings: ExtractorSettings = DEFAULT_SETTINGS,
) -> DocumentResult:
    """Run `recwatch run`'s stages on a text layer, with items found by `items_of`."""
    from pipeline.run.extract import STAGES, Work, split

    work = Work(doc=doc, settings=settings)
    for stage in STAGES:
        work = replace(work, items=tuple(items_of(doc))) if stage is split else stage(work)
    return DocumentResult(
        sha256=doc.sha256,
        file=Path(doc.file).name,
        pages=doc.pages,
        metadata=work.metadata,
        items=work.items,
        warnings=doc.warnings + check_document(doc, work.items),
    )


def _predict(prepared: Prepared, weights: Weights, settings: ExtractorSettings) -> dict[str, Any]:
    """The JSON contract of one left-out document, items recognised with `weights`."""
    from pipeline.common.jsonio import document_to_json

    if prepared.doc is None or prepared.labelled is None:
        return {"file": f"{prepared.name}.pdf", "items": [], "error": prepared.error}
    described = prepared.labelled.described
    found = run_stages(prepared.doc, lambda _doc: decode(described, weights), settings)
    return document_to_json(found)


def cross_validate(
    gold_dir: Path,
    pdf_dir: Path,
    jobs: int = 1,
    only: Iterable[str] = (),
    settings: ExtractorSettings = DEFAULT_SETTINGS,
) -> CrossValidation:
    """Leave each group of documents out in turn: fit on the others, score the group."""
    golds = load_gold(gold_dir)
    prepared = prepare(golds, pdf_dir, jobs, settings)
    wanted = {Path(n).stem for n in only}
    groups = group_documents({n: golds[n] for n in prepared})
    predicted: dict[str, dict[str, Any]] = {}
    for group in groups:
        if wanted and not wanted.intersection(group):
            continue
        training = [p.labelled for n, p in prepared.items() if n not in group and p.labelled]
        weights = fit(training)
        for name in group:
            predicted[name] = _predict(prepared[name], weights, settings)
    scored = {n: g for n, g in golds.items() if n in predicted}
    labelled = [prepared[n].labelled for n in predicted]
    return CrossValidation(
        score=score_corpus(scored, predicted),
        covered=sum(lab.covered for lab in labelled if lab),
        gold=sum(len(g.get("items") or []) for g in scored.values()),
        groups=tuple(tuple(g) for g in groups if len(g) > 1),
    )


def train_weights(
    gold_dir: Path, pdf_dir: Path, jobs: int = 1, settings: ExtractorSettings = DEFAULT_SETTINGS
) -> Weights:
    """Fit the cue weights on every labelled document (the shipped weights file)."""
    golds = load_gold(gold_dir)
    prepared = prepare(golds, pdf_dir, jobs, settings)
    labelled = [p.labelled for p in prepared.values() if p.labelled]
    return fit(labelled, corpus=corpus_version(gold_dir, [lab.name for lab in labelled]))


def write_weights(weights: Weights, path: Path) -> None:
    """Write a weights file (sorted keys, one weight per line)."""
    path.write_text(json.dumps(weights.to_json(), indent=2, sort_keys=False) + "\n", "utf-8")
