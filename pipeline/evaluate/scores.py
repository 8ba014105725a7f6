"""Score extracted items against gold labels (pure functions: dicts in, scores out).

Gold files follow `../shared/gold/GOLD.md`; predictions are document dicts of the JSON contract.
Matching per document: first pairs of equal kind and equal number whose text similarity is at least
NUMBERED_MIN, then the remaining pairs of equal kind whose similarity is at least UNNUMBERED_MIN,
both greedy best-first. Overall figures are micro-averages (counts summed over the corpus).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from extractors.checks import is_self_check
from extractors.wording import normalise_words, similarity
from pipeline.evaluate.meta import MetaScore, score_metadata

NUMBERED_MIN = 0.3
UNNUMBERED_MIN = 0.5
EXACT_MIN = 0.98
INCOMPLETE = 0.95  # a document recalled below this is incomplete (for judging self-checks)
MAX_WORDS = 400  # texts are capped for matching; exactness uses the full texts

Doc = Mapping[str, Any]


def _number(value: object) -> str | None:
    """Return a printed item number in a comparable form (None stays None): case, a closing
    stop or bracket, and a kind's code glued to the number ("R1.1", "AFI2" -> "1.1", "2") aside,
    as labellers write such numbers both ways."""
    if value is None:
        return None
    text = str(value).strip().rstrip(".)").lower()
    return _CODE_PREFIX.sub("", text) or None


_CODE_PREFIX = re.compile(r"^[a-z]{1,3}(?=\d)")


def _addressees(item: Doc) -> set[str]:
    """Return an item's addressees as a case-folded set (curly and straight apostrophes alike)."""
    return {str(a).strip().replace("’", "'").casefold() for a in item.get("addressees") or ()}


def _deadline_key(item: Doc) -> tuple[str, str | None] | None:
    """Return (kind, date) of an item's deadline, or None when it has none."""
    deadline = item.get("deadline")
    if not deadline:
        return None
    return (str(deadline.get("kind")), deadline.get("date"))


@dataclass(frozen=True, slots=True)
class Counts:
    """Raw counts behind every metric; summing them gives micro-averages."""

    gold: int = 0
    predicted: int = 0
    tp: int = 0
    exact: int = 0
    number_ok: int = 0
    page_ok: int = 0
    addressee_tp: int = 0
    addressee_fp: int = 0
    addressee_fn: int = 0
    deadline_ok: int = 0
    title_n: int = 0  # documents whose title is scored
    title_sum: float = 0.0  # their summed title similarity
    publisher_n: int = 0
    publisher_ok: int = 0
    published_n: int = 0
    published_ok: int = 0

    def __add__(self, other: Counts) -> Counts:
        """Sum two sets of counts field by field."""
        return Counts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    @property
    def fp(self) -> int:
        """Predicted items matched to no gold item."""
        return self.predicted - self.tp

    @property
    def fn(self) -> int:
        """Gold items matched to no predicted item."""
        return self.gold - self.tp

    @property
    def precision(self) -> float | None:
        """Share of predicted items that match a gold item (None when nothing was predicted)."""
        return _ratio(self.tp, self.predicted)

    @property
    def recall(self) -> float | None:
        """Share of gold items that were found (None when the gold has none)."""
        return _ratio(self.tp, self.gold)

    @property
    def f1(self) -> float | None:
        """Harmonic mean of precision and recall (None when gold and prediction are both empty)."""
        return _ratio(2 * self.tp, self.gold + self.predicted)

    @property
    def boundary(self) -> float | None:
        """Share of matched items whose normalised text equals the gold text."""
        return _ratio(self.exact, self.tp)

    @property
    def number_accuracy(self) -> float | None:
        """Share of matched items with the gold number."""
        return _ratio(self.number_ok, self.tp)

    @property
    def page_accuracy(self) -> float | None:
        """Share of matched items with the gold page_start."""
        return _ratio(self.page_ok, self.tp)

    @property
    def addressee_f1(self) -> float | None:
        """Micro F1 of addressees over matched items (None when neither side names any)."""
        return _ratio(
            2 * self.addressee_tp,
            2 * self.addressee_tp + self.addressee_fp + self.addressee_fn,
        )

    @property
    def deadline_accuracy(self) -> float | None:
        """Share of matched items whose deadline agrees (both none, or same kind and date)."""
        return _ratio(self.deadline_ok, self.tp)

    @property
    def title_similarity(self) -> float | None:
        """Mean word similarity of the extracted titles to the gold titles."""
        return self.title_sum / self.title_n if self.title_n else None

    @property
    def publisher_accuracy(self) -> float | None:
        """Share of scored documents whose publisher names the gold publisher."""
        return _ratio(self.publisher_ok, self.publisher_n)

    @property
    def published_accuracy(self) -> float | None:
        """Share of scored documents whose publication date equals the gold date."""
        return _ratio(self.published_ok, self.published_n)

    def metrics(self) -> dict[str, float | int | None]:
        """Return counts and metrics as a flat dict (for tables and JSON)."""
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "boundary": self.boundary,
            "number": self.number_accuracy,
            "page": self.page_accuracy,
            "addressee_f1": self.addressee_f1,
            "deadline": self.deadline_accuracy,
            "title": self.title_similarity,
            "publisher": self.publisher_accuracy,
            "published": self.published_accuracy,
        }


def _ratio(numerator: int, denominator: int) -> float | None:
    """Return numerator/denominator, or None when the denominator is zero."""
    return numerator / denominator if denominator else None


@dataclass(frozen=True, slots=True)
class Match:
    """One gold item paired with one predicted item."""

    gold: int  # index into the gold items
    predicted: int  # index into the predicted items
    similarity: float


@dataclass(frozen=True, slots=True)
class DocScore:
    """The score of one document."""

    name: str
    counts: Counts
    matches: tuple[Match, ...] = ()
    unmatched_gold: tuple[int, ...] = ()
    unmatched_predicted: tuple[int, ...] = ()
    error: str | None = None  # extraction failure, when the prediction is empty because of it
    self_checks: tuple[str, ...] = ()  # the document's self-check warnings

    @property
    def incomplete(self) -> bool:
        """True when fewer than INCOMPLETE of the gold items were found."""
        recall = self.counts.recall
        return recall is not None and recall < INCOMPLETE

    @property
    def negative_control(self) -> bool:
        """True when the gold has no items (the document should yield none)."""
        return self.counts.gold == 0


@dataclass(frozen=True, slots=True)
class CorpusScore:
    """Per-document scores and their micro-averaged total."""

    documents: tuple[DocScore, ...]
    missing: tuple[str, ...] = ()  # gold documents with no prediction (e.g. PDF not found)
    overall: Counts = field(default_factory=Counts)

    def to_json(self) -> dict[str, Any]:
        """Render as a JSON-ready dict."""
        return {
            "documents": [
                {"name": d.name, "error": d.error, **d.counts.metrics()} for d in self.documents
            ],
            "missing": list(self.missing),
            "overall": self.overall.metrics(),
            "negative_controls": {
                d.name: d.counts.predicted for d in self.documents if d.negative_control
            },
            "self_checks": self.self_check_summary(),
        }

    def self_check_summary(self) -> dict[str, Any]:
        """Which documents warned, and whether the warned ones were in fact incomplete."""
        warned = [d for d in self.documents if d.self_checks]
        return {
            "warned": {d.name: list(d.self_checks) for d in warned},
            "warned_incomplete": sum(1 for d in warned if d.incomplete),
            "warned_complete": sum(1 for d in warned if not d.incomplete),
            "incomplete_unwarned": [
                d.name for d in self.documents if d.incomplete and not d.self_checks
            ],
        }


def _candidates(
    gold: Sequence[Doc],
    predicted: Sequence[Doc],
    gold_words: Sequence[tuple[str, ...]],
    pred_words: Sequence[tuple[str, ...]],
    numbered: bool,
) -> list[Match]:
    """Return candidate pairs of equal kind (and equal number when `numbered`) above threshold."""
    threshold = NUMBERED_MIN if numbered else UNNUMBERED_MIN
    found: list[Match] = []
    matcher = SequenceMatcher(None, autojunk=False)
    for p, pred in enumerate(predicted):
        matcher.set_seq2(pred_words[p][:MAX_WORDS])
        pred_number = _number(pred.get("number"))
        for g, item in enumerate(gold):
            if item.get("kind") != pred.get("kind"):
                continue
            if numbered and (pred_number is None or _number(item.get("number")) != pred_number):
                continue
            matcher.set_seq1(gold_words[g][:MAX_WORDS])
            if not gold_words[g] and not pred_words[p]:
                score = 1.0
            elif matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
                continue
            else:
                score = matcher.ratio()
            if score >= threshold:
                found.append(Match(g, p, score))
    return found


def _greedy(candidates: list[Match], used_gold: set[int], used_pred: set[int]) -> list[Match]:
    """Pick pairs best-first, each item used at most once (ties broken by position)."""
    chosen: list[Match] = []
    for match in sorted(candidates, key=lambda m: (-m.similarity, m.gold, m.predicted)):
        if match.gold in used_gold or match.predicted in used_pred:
            continue
        used_gold.add(match.gold)
        used_pred.add(match.predicted)
        chosen.append(match)
    return chosen


def match_items(gold: Sequence[Doc], predicted: Sequence[Doc]) -> list[Match]:
    """Pair gold and predicted items: by kind+number first, then by kind and text similarity."""
    gold_words = [normalise_words(str(i.get("text") or "")) for i in gold]
    pred_words = [normalise_words(str(i.get("text") or "")) for i in predicted]
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    first = _greedy(
        _candidates(gold, predicted, gold_words, pred_words, True), used_gold, used_pred
    )
    rest_gold = [i for i in range(len(gold)) if i not in used_gold]
    rest_pred = [i for i in range(len(predicted)) if i not in used_pred]
    second_raw = _candidates(
        [gold[i] for i in rest_gold],
        [predicted[i] for i in rest_pred],
        [gold_words[i] for i in rest_gold],
        [pred_words[i] for i in rest_pred],
        False,
    )
    second = [Match(rest_gold[m.gold], rest_pred[m.predicted], m.similarity) for m in second_raw]
    matches = first + _greedy(second, used_gold, used_pred)
    return sorted(matches, key=lambda m: (m.gold, m.predicted))


def _pair_counts(gold: Doc, pred: Doc) -> Counts:
    """Return the attribute counts for one matched pair."""
    gold_words = normalise_words(str(gold.get("text") or ""))
    pred_words = normalise_words(str(pred.get("text") or ""))
    exact = gold_words == pred_words or similarity(gold_words, pred_words) >= EXACT_MIN
    gold_to = _addressees(gold)
    pred_to = _addressees(pred)
    return Counts(
        tp=1,
        exact=int(exact),
        number_ok=int(_number(gold.get("number")) == _number(pred.get("number"))),
        page_ok=int(gold.get("page_start") == pred.get("page_start")),
        addressee_tp=len(gold_to & pred_to),
        addressee_fp=len(pred_to - gold_to),
        addressee_fn=len(gold_to - pred_to),
        deadline_ok=int(_deadline_key(gold) == _deadline_key(pred)),
    )


def _meta_counts(meta: MetaScore) -> Counts:
    """The document-level counts of a title, publisher and date comparison."""
    return Counts(
        title_n=int(meta.title is not None),
        title_sum=meta.title or 0.0,
        publisher_n=int(meta.publisher is not None),
        publisher_ok=int(bool(meta.publisher)),
        published_n=int(meta.published is not None),
        published_ok=int(bool(meta.published)),
    )


def score_document(gold: Doc, predicted: Doc, name: str | None = None) -> DocScore:
    """Score one predicted document dict against one gold dict."""
    gold_items: Sequence[Doc] = gold.get("items") or ()
    pred_items: Sequence[Doc] = predicted.get("items") or ()
    matches = match_items(gold_items, pred_items)
    counts = Counts(gold=len(gold_items), predicted=len(pred_items))
    for match in matches:
        counts += _pair_counts(gold_items[match.gold], pred_items[match.predicted])
    counts += _meta_counts(score_metadata(gold, predicted))
    matched_gold = {m.gold for m in matches}
    matched_pred = {m.predicted for m in matches}
    return DocScore(
        name=name or str(gold.get("file") or predicted.get("file") or "?"),
        counts=counts,
        matches=tuple(matches),
        unmatched_gold=tuple(i for i in range(len(gold_items)) if i not in matched_gold),
        unmatched_predicted=tuple(i for i in range(len(pred_items)) if i not in matched_pred),
        error=predicted.get("error"),
        self_checks=tuple(w for w in predicted.get("warnings") or () if is_self_check(str(w))),
    )


def score_corpus(gold: Mapping[str, Doc], predicted: Mapping[str, Doc]) -> CorpusScore:
    """Score every gold document that has a prediction (keyed by name); list the others missing."""
    scores = tuple(
        score_document(gold[name], predicted[name], name)
        for name in sorted(gold)
        if name in predicted
    )
    total = Counts()
    for score in scores:
        total += score.counts
    missing = tuple(sorted(name for name in gold if name not in predicted))
    return CorpusScore(documents=scores, missing=missing, overall=total)


def load_gold(gold_dir: Path, only: Iterable[str] = ()) -> dict[str, dict[str, Any]]:
    """Read gold files `<name>.json` from a directory, keyed by name (optionally only some)."""
    wanted = {Path(n).stem for n in only}
    gold: dict[str, dict[str, Any]] = {}
    for path in sorted(gold_dir.glob("*.json")):
        if wanted and path.stem not in wanted:
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and isinstance(data.get("items"), list):
            gold[path.stem] = data
    return gold


def score_paths(gold_dir: Path | str, predicted_docs: Iterable[Doc]) -> CorpusScore:
    """Score prediction dicts (matched to gold by their `file` name) against a gold directory."""
    predicted = {Path(str(doc.get("file") or "")).stem: doc for doc in predicted_docs}
    gold = load_gold(Path(gold_dir))
    return score_corpus({k: v for k, v in gold.items() if k in predicted}, predicted)
