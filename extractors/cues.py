"""The cues and their weights: how much each candidate feature says "this is an item".

The weights are fitted on the labelled corpus (`recwatch train`, a logistic regression) and
shipped as `extractors/data/cue_weights.json` together with the corpus they came from. A
candidate's score is the logistic function of its weighted features; `explain` lists the cues
that moved it, largest first, so that a wrong item can be traced to a cue and a cue to a test.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

WEIGHTS_FILE = "cue_weights.json"


@dataclass(frozen=True, slots=True)
class Weights:
    """Fitted cue weights: a bias, one weight per feature, and where they came from."""

    bias: float
    weights: Mapping[str, float]
    threshold: float = 0.5
    corpus: str = ""  # e.g. "shared/gold: 25 documents, 326 items (sha256 of the labels …)"
    documents: tuple[str, ...] = ()  # the labelled documents the weights were fitted on
    extra: Mapping[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """Render as the data file's JSON shape."""
        return {
            "bias": self.bias,
            "threshold": self.threshold,
            "corpus": self.corpus,
            "documents": list(self.documents),
            "weights": dict(sorted(self.weights.items())),
            **({"extra": dict(self.extra)} if self.extra else {}),
        }


def weights_from_json(data: Mapping[str, Any]) -> Weights:
    """Read weights from the data file's JSON shape."""
    return Weights(
        bias=float(data["bias"]),
        weights={str(k): float(v) for k, v in data["weights"].items()},
        threshold=float(data.get("threshold", 0.5)),
        corpus=str(data.get("corpus", "")),
        documents=tuple(data.get("documents", ())),
        extra=dict(data.get("extra", {})),
    )


@functools.cache
def shipped_weights() -> Weights:
    """The weights that ship with the package."""
    text = resources.files("extractors.data").joinpath(WEIGHTS_FILE).read_text(encoding="utf-8")
    return weights_from_json(json.loads(text))


def read_weights(path: Path) -> Weights:
    """Read a weights file written by `recwatch train`."""
    return weights_from_json(json.loads(path.read_text(encoding="utf-8")))


def margin(features: Mapping[str, float], weights: Weights) -> float:
    """The weighted sum of a candidate's features plus the bias (the score's log-odds)."""
    w = weights.weights
    return weights.bias + sum(value * w.get(name, 0.0) for name, value in features.items())


def score(features: Mapping[str, float], weights: Weights) -> float:
    """The probability that a candidate is an item."""
    z = margin(features, weights)
    if z < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))


def explain(features: Mapping[str, float], weights: Weights) -> list[tuple[str, float]]:
    """The cues that fired for a candidate with their contributions, largest first."""
    parts = [
        (name, value * weights.weights.get(name, 0.0))
        for name, value in features.items()
        if value and weights.weights.get(name, 0.0)
    ]
    return sorted(parts, key=lambda p: -abs(p[1]))
