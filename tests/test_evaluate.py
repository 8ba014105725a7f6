"""Scoring against gold labels, on hand-made gold and prediction dicts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pipeline.evaluate.scores import normalise_words, score_corpus, score_document, score_paths


def item(kind: str, number: str | None, text: str, **extra: Any) -> dict[str, Any]:
    base = {"kind": kind, "number": number, "page_start": 1, "text": text, "addressees": []}
    return {**base, "deadline": None, **extra}


REC = "recommendation"
AFI = "area_for_improvement"
TEXT_A = "The force should review how it records crime and publish the results every quarter."
TEXT_B = "Chief constables should make sure that officers receive training on stalking."
TEXT_C = "The council should improve the timeliness of assessments for disabled children."


def test_normalise_unifies_quotes_dashes_bullets_and_punctuation() -> None:
    assert normalise_words("• The force’s “plan” – now!") == ("the", "forces", "plan", "now")
    assert normalise_words('The force\'s "plan" - now') == ("the", "forces", "plan", "now")


def test_perfect_prediction_scores_one_everywhere() -> None:
    gold = {"items": [item(REC, "1", TEXT_A), item(AFI, None, TEXT_C)]}
    score = score_document(gold, gold)
    c = score.counts
    assert (c.tp, c.fp, c.fn) == (2, 0, 0)
    assert (c.precision, c.recall, c.f1, c.boundary) == (1.0, 1.0, 1.0, 1.0)
    assert (c.number_accuracy, c.page_accuracy, c.deadline_accuracy) == (1.0, 1.0, 1.0)
    assert c.addressee_f1 is None  # no addressees on either side


def test_number_match_needs_only_weak_similarity_but_kind_must_agree() -> None:
    gold = {"items": [item(REC, "3", TEXT_A)]}
    truncated = " ".join(TEXT_A.split()[:4])  # similarity 0.42: between 0.3 and 0.5
    pred = {"items": [item(REC, "3", truncated), item(AFI, "3", TEXT_A)]}
    score = score_document(gold, pred)
    assert [(m.gold, m.predicted) for m in score.matches] == [(0, 0)]
    assert (score.counts.tp, score.counts.fp, score.counts.fn) == (1, 1, 0)
    assert score.counts.boundary == 0.0
    unnumbered = score_document(gold, {"items": [item(REC, None, truncated)]})
    assert unnumbered.counts.tp == 0  # without the number the same text is too weak a match


def test_a_kinds_code_glued_to_a_number_is_the_same_number() -> None:
    gold = {"items": [item(REC, "R1.1", TEXT_A), item(AFI, "2", TEXT_C)]}
    pred = {"items": [item(REC, "1.1", TEXT_A), item(AFI, "AFI2", TEXT_C)]}
    assert score_document(gold, pred).counts.number_ok == 2
    roman = {"items": [item(REC, "IIa", TEXT_A)]}
    assert score_document(roman, {"items": [item(REC, "a", TEXT_A)]}).counts.number_ok == 0


def test_text_match_is_greedy_best_first_and_counts_number_errors() -> None:
    gold = {"items": [item(REC, "1", TEXT_A), item(REC, "2", TEXT_B)]}
    pred = {"items": [item(REC, "7", TEXT_B), item(REC, "1", TEXT_A + " Extra words here.")]}
    score = score_document(gold, pred)
    assert sorted((m.gold, m.predicted) for m in score.matches) == [(0, 1), (1, 0)]
    assert score.counts.number_ok == 1
    assert score.counts.exact == 1  # TEXT_B exact; TEXT_A has extra words
    assert score.counts.f1 == 1.0


def test_wrong_and_missing_items_lower_precision_and_recall() -> None:
    gold = {"items": [item(REC, "1", TEXT_A), item(REC, "2", TEXT_B)]}
    pred = {"items": [item(REC, "1", TEXT_A), item(REC, "9", TEXT_C)]}
    c = score_document(gold, pred).counts
    assert (c.tp, c.fp, c.fn) == (1, 1, 1)
    assert c.precision == c.recall == c.f1 == 0.5


def test_addressees_compare_case_insensitively_as_sets() -> None:
    gold = {"items": [item(REC, "1", TEXT_A, addressees=["force", "npcc"])]}
    pred = {"items": [item(REC, "1", TEXT_A, addressees=["FORCE", "home_office"])]}
    c = score_document(gold, pred).counts
    assert (c.addressee_tp, c.addressee_fp, c.addressee_fn) == (1, 1, 1)
    assert c.addressee_f1 == 0.5


@pytest.mark.parametrize(
    ("gold_deadline", "pred_deadline", "ok"),
    [
        (None, None, True),
        ({"text": "by May", "date": "2025-05-31", "kind": "date"}, None, False),
        (
            {"text": "within six months", "date": "2025-06-01", "kind": "relative"},
            {"text": "six months", "date": "2025-06-01", "kind": "relative", "granularity": "day"},
            True,
        ),
        (
            {"text": "by May", "date": "2025-05-31", "kind": "date"},
            {"text": "by May", "date": "2025-05-01", "kind": "date"},
            False,
        ),
        (
            {"text": "every year", "date": None, "kind": "ongoing"},
            {"text": "every year", "date": None, "kind": "ongoing"},
            True,
        ),
    ],
)
def test_deadline_accuracy(
    gold_deadline: dict[str, Any] | None, pred_deadline: dict[str, Any] | None, ok: bool
) -> None:
    gold = {"items": [item(REC, "1", TEXT_A, deadline=gold_deadline)]}
    pred = {"items": [item(REC, "1", TEXT_A, deadline=pred_deadline)]}
    assert score_document(gold, pred).counts.deadline_accuracy == (1.0 if ok else 0.0)


def test_corpus_is_micro_averaged_and_reports_missing_and_negative_controls() -> None:
    gold = {
        "a": {"items": [item(REC, "1", TEXT_A)]},
        "b": {"items": [item(REC, "1", TEXT_B), item(REC, "2", TEXT_C)]},
        "control": {"items": []},
        "absent": {"items": [item(REC, "1", TEXT_A)]},
    }
    predicted = {
        "a": {"items": [item(REC, "1", TEXT_A)]},
        "b": {"items": []},
        "control": {"items": [item(REC, "1", TEXT_A)]},
    }
    score = score_corpus(gold, predicted)
    assert score.missing == ("absent",)
    overall = score.overall
    assert (overall.tp, overall.fp, overall.fn) == (1, 1, 2)
    assert overall.f1 == pytest.approx(2 / 5)
    assert score.to_json()["negative_controls"] == {"control": 1}


def test_score_paths_reads_gold_files_and_matches_predictions_by_file(tmp_path: Path) -> None:
    gold = {"file": "x.pdf", "items": [item(REC, "1", TEXT_A)]}
    (tmp_path / "x.json").write_text(json.dumps(gold), encoding="utf-8")
    (tmp_path / "y.json").write_text(json.dumps({"items": []}), encoding="utf-8")
    score = score_paths(tmp_path, [{"file": "x.pdf", "items": [item(REC, "1", TEXT_A)]}])
    assert [d.name for d in score.documents] == ["x"]
    assert score.overall.f1 == 1.0


def test_long_texts_are_scored_quickly() -> None:
    words = [f"w{i}" for i in range(3000)]
    gold = {"items": [item(REC, None, " ".join(words)) for _ in range(40)]}
    pred = {"items": [item(REC, None, " ".join(reversed(words))) for _ in range(40)]}
    assert score_document(gold, pred).counts.tp == 0


def test_addressees_match_whichever_apostrophe_they_are_printed_with() -> None:
    item = {"kind": "recommendation", "number": "1", "text": "The office should act."}
    gold = {"items": [{**item, "addressees": ["Attorney General’s Office"]}]}
    predicted = {"items": [{**item, "addressees": ["Attorney General's Office"]}]}
    counts = score_document(gold, predicted).counts
    assert (counts.addressee_tp, counts.addressee_fp, counts.addressee_fn) == (1, 0, 0)
