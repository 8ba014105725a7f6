"""Scoring title, publisher and publication date per document in `recwatch eval`."""

from __future__ import annotations

from pipeline.evaluate.meta import publisher_matches, score_metadata, title_similarity
from pipeline.evaluate.scores import score_corpus


def test_a_publisher_matches_without_its_bracketed_part_case_or_punctuation() -> None:
    gold = "Ofsted and Care Quality Commission (joint)"
    assert publisher_matches(gold, "ofsted and care quality commission")
    assert not publisher_matches(gold, "Ofsted")
    assert not publisher_matches(gold, None)


def test_a_publisher_matches_when_both_name_the_same_registry_body() -> None:
    assert publisher_matches("Home Office", "the Home Office")
    assert publisher_matches("College of Policing", "college_of_policing")
    assert not publisher_matches("Home Office", "Cabinet Office")


def test_a_joint_publisher_matches_when_both_name_the_same_bodies() -> None:
    gold = "HMICFRS, College of Policing and Independent Office for Police Conduct"
    assert publisher_matches(gold, "HMICFRS and College of Policing and IOPC")
    assert publisher_matches("HM Inspectorate of Probation; HMICFRS", "HMI Probation and HMICFRS")
    assert not publisher_matches(gold, "HMICFRS")  # one of three is not all of them
    # "Office of the" and a leading "the" aside, a name is the same body
    office = "Office of the Police and Crime Commissioner for Tarnvale"
    assert publisher_matches(office, "Police and Crime Commissioner for Tarnvale")
    assert publisher_matches("The Kettlebridge Reservoir Inquiry", "Kettlebridge Reservoir Inquiry")


def test_a_title_scores_its_similarity_to_the_gold_without_brackets() -> None:
    assert title_similarity("Buses after dark (HC 12)", "Buses after dark") == 1.0
    assert 0.0 < title_similarity("Buses after dark: a review", "Buses after dark") < 1.0
    assert title_similarity("Buses", None) == 0.0


def test_only_fields_the_gold_gives_are_scored_and_failed_documents_are_not() -> None:
    gold = {"title": "Buses", "publisher": "Home Office", "published": "2031-03-21", "items": []}
    pred = {"title": "Buses", "publisher": "Home Office", "published": "2031-03-20", "items": []}
    meta = score_metadata(gold, pred)
    assert (meta.title, meta.publisher, meta.published) == (1.0, True, False)
    assert score_metadata({**gold, "publisher": None}, pred).publisher is None
    failed = score_metadata(gold, {"items": [], "error": "no text layer"})
    assert (failed.title, failed.publisher, failed.published) == (None, None, None)
    overall = score_corpus({"a": gold, "b": gold}, {"a": pred, "b": {**pred, "publisher": None}})
    metrics = overall.overall.metrics()
    assert (metrics["title"], metrics["publisher"], metrics["published"]) == (1.0, 0.5, 0.0)
