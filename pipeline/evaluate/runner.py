"""Drive `recwatch eval`: find the PDF for each gold file, extract it, score the predictions."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pipeline.common.errors import PipelineError
from pipeline.common.jsonio import document_to_json
from pipeline.common.outcome import Progress
from pipeline.common.settings import DEFAULTS, Settings
from pipeline.evaluate.scores import CorpusScore, load_gold, score_corpus
from pipeline.run.schedule import extract_many


def check_only(gold_dir: Path, only: Iterable[str]) -> None:
    """Raise a PipelineError naming every `--only` value that matches no gold file in gold_dir."""
    known = sorted(load_gold(gold_dir))
    unknown = [name for name in only if Path(name).stem not in known]
    if not unknown:
        return
    near = sorted({m for n in unknown for m in difflib.get_close_matches(Path(n).stem, known, 3)})
    raise PipelineError(
        f"no gold file {', '.join(repr(n) for n in unknown)} in {gold_dir} "
        f"(--only takes <name> of a <name>.json there)",
        f"did you mean {', '.join(near)}?" if near else _listing(known),
    )


def _listing(known: list[str]) -> str:
    """Name a few of the gold files there are, for an --only value that resembles none."""
    if not known:
        return "that folder holds no gold files"
    more = f" and {len(known) - 5} more" if len(known) > 5 else ""
    return f"the names there are {', '.join(known[:5])}{more}"


def evaluate_dirs(
    gold_dir: Path,
    pdf_dir: Path,
    jobs: int = 1,
    only: Iterable[str] = (),
    progress: Progress | None = None,
    settings: Settings = DEFAULTS,
) -> CorpusScore:
    """Score extraction of `<pdf_dir>/<name>.pdf` against every `<gold_dir>/<name>.json`."""
    gold = load_gold(gold_dir, only)
    pdfs = {name: pdf_dir / f"{name}.pdf" for name in gold}
    present = [path for path in pdfs.values() if path.is_file()]
    predicted: dict[str, dict[str, Any]] = {}
    for outcome in extract_many(present, jobs, progress, settings=settings):
        name = outcome.path.stem
        if outcome.result is not None:
            predicted[name] = document_to_json(outcome.result)
        else:
            predicted[name] = {"file": outcome.path.name, "items": [], "error": outcome.error}
    return score_corpus(gold, predicted)
