"""List, for every labelled document, its item recall and its self-check warnings.

Usage: python scripts/selfcheck_report.py [GOLD_DIR] [--pdfs DIR] [--jobs N]

Extracts each `<pdfs>/<name>.pdf` of GOLD_DIR through the same stages as `recwatch run` and
prints one row per document: gold and found counts, recall, and the self-check warnings
(`extractors/checks.py`). Then the two figures the checks are held to: every document recalled
below 0.9 warns, and few recalled at 0.95 or above do. Exits 1 when the first fails.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.evaluate.runner import evaluate_dirs
from pipeline.evaluate.scores import CorpusScore

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
LOW = 0.9  # recalled below this, a document must warn
COMPLETE = 0.95  # recalled at or above this, a document should not warn


def _reason(warning: str) -> str:
    """A warning without the file name it starts with."""
    return warning.split("self-check:", 1)[-1].strip()


def render(score: CorpusScore) -> tuple[str, list[str], list[str]]:
    """The table, the low-recall documents that did not warn, the complete ones that did."""
    rows = []
    unwarned: list[str] = []
    false_alarms: list[str] = []
    for d in sorted(score.documents, key=lambda d: d.name):
        recall = d.counts.recall
        shown = "-" if recall is None else f"{recall:.2f}"
        checks = [_reason(w) for w in d.self_checks] or ["-"]
        rows.append(
            f"{d.name:<70} {d.counts.gold:>4} {d.counts.predicted:>5} {shown:>6}  {checks[0]}"
        )
        rows += [f"{'':<70} {'':>4} {'':>5} {'':>6}  {c}" for c in checks[1:]]
        if recall is not None and recall < LOW and not d.self_checks:
            unwarned.append(d.name)
        if d.self_checks and (recall is None or recall >= COMPLETE):
            false_alarms.append(d.name)
    header = f"{'document':<70} {'gold':>4} {'found':>5} {'recall':>6}  self-check warnings"
    return "\n".join([header, "-" * len(header), *rows]), unwarned, false_alarms


def main() -> int:
    """Run the report; exit 1 when a document recalled below 0.9 carries no warning."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", type=Path, default=SHARED / "gold")
    parser.add_argument("--pdfs", type=Path, default=SHARED / "corpus" / "pdfs")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    score = evaluate_dirs(args.gold, args.pdfs, jobs=args.jobs)
    table, unwarned, false_alarms = render(score)
    print(table)
    print(f"\nrecall < {LOW} without a warning: {', '.join(unwarned) or 'none'}")
    print(
        f"warned although recall >= {COMPLETE} (or no gold items): "
        f"{len(false_alarms)} {', '.join(false_alarms)}"
    )
    return 1 if unwarned else 0


if __name__ == "__main__":
    sys.exit(main())
