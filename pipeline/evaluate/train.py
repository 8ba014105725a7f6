"""Fit the cue weights on labelled documents, and measure them by leaving documents out.

Training needs scikit-learn (`pip install -e '.[train]'`); extraction only reads the weights
file. A candidate is labelled an item when its text matches a gold item's (word similarity at
least MATCH_MIN), so the repeated printings of an item all count as items and the decoder's
job is to keep one of them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from extractors.candidates import FEATURES, Candidate
from extractors.cues import Weights
from extractors.recognise import Described
from extractors.wording import normalise_words, shingles

MATCH_MIN = 0.9  # word similarity at which a candidate "is" a gold item (its span is right)
REGULARISATION = 0.5  # inverse strength (scikit-learn's C): few documents, strong prior
TRAIN_HINT = "fitting cue weights needs scikit-learn: pip install -e '.[train]'"


@dataclass(frozen=True, slots=True)
class Labelled:
    """One labelled document's candidates with their labels, and its gold items' coverage."""

    name: str
    described: Described
    labels: tuple[int, ...]  # 1 = the candidate is a gold item
    covered: int  # gold items that some candidate matches with the right span
    gold: int
    matrix: Any = None  # the candidates' features as a numpy array, columns in FEATURES order


def best_matches(
    candidates: Sequence[Candidate], gold_items: Iterable[Mapping[str, Any]]
) -> list[tuple[float, set[int]]]:
    """For each gold item, its best similarity and every candidate at least MATCH_MIN alike."""
    out: list[tuple[float, set[int]]] = []
    matcher = SequenceMatcher(None, autojunk=False)
    for item in gold_items:
        words = normalise_words(str(item.get("text") or ""))
        grams = shingles(words)
        matcher.set_seq2(words)
        best, hits = 0.0, set()
        for k, cand in enumerate(candidates):
            if grams and not (grams & cand.grams):
                continue
            if abs(len(cand.words) - len(words)) > 0.25 * len(words) + 3:
                continue
            matcher.set_seq1(cand.words)
            if matcher.real_quick_ratio() < MATCH_MIN or matcher.quick_ratio() < MATCH_MIN:
                continue
            ratio = matcher.ratio()
            best = max(best, ratio)
            if ratio >= MATCH_MIN:
                hits.add(k)
        out.append((best, hits))
    return out


def label_document(name: str, described: Described, gold: Mapping[str, Any]) -> Labelled:
    """Label a described document's candidates against its gold items."""
    items = gold.get("items") or []
    matches = best_matches(described.candidates, items)
    positive = set().union(*(hits for _, hits in matches)) if matches else set()
    labels = tuple(int(k in positive) for k in range(len(described.candidates)))
    covered = sum(1 for _, hits in matches if hits)
    return Labelled(name, described, labels, covered, len(items), _matrix(described))


def _matrix(described: Described) -> Any:
    """The candidates' features as a numpy array (None without numpy: training is unavailable)."""
    try:
        import numpy as np
    except ImportError:  # pragma: no cover - numpy comes with the [train] extra
        return None
    index = {name: k for k, name in enumerate(FEATURES)}
    matrix = np.zeros((len(described.candidates), len(FEATURES)))
    for row, cand in enumerate(described.candidates):
        for name, value in cand.features.items():
            matrix[row, index[name]] = value
    return matrix


def fit(documents: Sequence[Labelled], corpus: str = "") -> Weights:
    """Fit a logistic regression over the candidates' features of the given documents."""
    try:
        import numpy as np
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:  # pragma: no cover - exercised only without the extra
        raise RuntimeError(TRAIN_HINT) from exc

    matrix = np.vstack([d.matrix for d in documents if len(d.labels)])
    labels = np.array([y for d in documents for y in d.labels])
    if len(set(labels.tolist())) < 2:
        raise ValueError("the training documents need both items and non-items")
    model = LogisticRegression(C=REGULARISATION, solver="newton-cholesky")
    model.fit(matrix, labels)
    weights = {n: round(float(w), 4) for n, w in zip(FEATURES, model.coef_[0], strict=True)}
    return Weights(
        bias=round(float(model.intercept_[0]), 4),
        weights=weights,
        corpus=corpus,
        documents=tuple(d.name for d in documents),
    )


def corpus_version(gold_dir: Path, names: Iterable[str]) -> str:
    """Name the labelled corpus by its size and a hash of the label files used."""
    digest = hashlib.sha256()
    count = items = 0
    for name in sorted(names):
        data = (gold_dir / f"{name}.json").read_bytes()
        digest.update(data)
        count += 1
        items += len(json.loads(data).get("items") or [])
    labels = digest.hexdigest()[:12]
    return f"{gold_dir.name}: {count} documents, {items} items, labels sha256 {labels}"


def group_documents(golds: Mapping[str, Mapping[str, Any]]) -> list[list[str]]:
    """Group documents that share items (a report and the response restating it), for leaving
    out together: two documents are grouped when a tenth of the smaller one's items reappear."""
    grams = {
        name: [shingles(normalise_words(str(i.get("text") or ""))) for i in g.get("items") or []]
        for name, g in golds.items()
    }
    parent = {name: name for name in golds}

    def root(name: str) -> str:
        while parent[name] != name:
            parent[name] = parent[parent[name]]
            name = parent[name]
        return name

    names = sorted(golds)
    for a_index, a in enumerate(names):
        for b in names[a_index + 1 :]:
            if _share_items(grams[a], grams[b]):
                parent[root(a)] = root(b)
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(root(name), []).append(name)
    return sorted(groups.values())


def _share_items(
    a: Sequence[frozenset[tuple[str, ...]]], b: Sequence[frozenset[tuple[str, ...]]]
) -> bool:
    """True when at least a tenth of the smaller list's items have a near-copy in the other."""
    if not a or not b:
        return False
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    shared = sum(
        1 for g in small if g and any(len(g & h) >= 0.5 * min(len(g), len(h)) for h in large if h)
    )
    return shared >= max(1, len(small) // 10)
