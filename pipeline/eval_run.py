"""Drive `recwatch eval`: find the PDF for each gold file, extract it, score the predictions."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pipeline.evaluate import CorpusScore, load_gold, score_corpus
from pipeline.extract import Progress, extract_many
from pipeline.jsonio import document_to_json


def evaluate_dirs(
    gold_dir: Path,
    pdf_dir: Path,
    jobs: int = 1,
    only: Iterable[str] = (),
    progress: Progress | None = None,
) -> CorpusScore:
    """Score extraction of `<pdf_dir>/<name>.pdf` against every `<gold_dir>/<name>.json`."""
    gold = load_gold(gold_dir, only)
    pdfs = {name: pdf_dir / f"{name}.pdf" for name in gold}
    present = [path for path in pdfs.values() if path.is_file()]
    predicted: dict[str, dict[str, Any]] = {}
    for outcome in extract_many(present, jobs, progress):
        name = outcome.path.stem
        if outcome.result is not None:
            predicted[name] = document_to_json(outcome.result)
        else:
            predicted[name] = {"file": outcome.path.name, "items": [], "error": outcome.error}
    return score_corpus(gold, predicted)
