"""Lettered lists printed without punctuation are read as lists only when the letters run."""

from __future__ import annotations

from extractors.bare_letters import punctuate_bare_letters
from models.records import Line


def _lines(*rows: tuple[float, str]) -> list[Line]:
    return [
        Line(1, text, x0, 500, 100 + 14 * k, 111 + 14 * k, 11, False)
        for k, (x0, text) in enumerate(rows)
    ]


def test_letters_in_sequence_at_one_margin_are_labels() -> None:
    lines = _lines(
        (90, "a The Ministry should publish a plan for the"),
        (104, "repairs it has postponed."),
        (90, "b HM Treasury should fund it."),
    )
    got = [ln.text for ln in punctuate_bare_letters(lines)]
    assert got == [
        "a) The Ministry should publish a plan for the",
        "repairs it has postponed.",
        "b) HM Treasury should fund it.",
    ]


def test_entries_opening_with_their_verb_are_labelled_in_a_run_too() -> None:
    lines = _lines(
        (90, "a set out, by March, a single plan for the"),
        (104, "remaining delivery of the programme;"),
        (90, "b agree a framework for measuring its benefits."),
    )
    got = [ln.text for ln in punctuate_bare_letters(lines)]
    assert got[0].startswith("a) set out")
    assert got[2].startswith("b) agree")


def test_capital_letters_in_a_run_are_labels_an_initial_is_not() -> None:
    lines = _lines(
        (90, "A. By March, revise the guidance on stalking to cover"),
        (104, "online contact."),
        (90, "B. Publish a briefing for investigators."),
        (90, "J. Smith, the review's author, thanked the force."),
    )
    got = [ln.text for ln in punctuate_bare_letters(lines)]
    assert got[0].startswith("A) By March")
    assert got[2].startswith("B) Publish")
    assert got[3].startswith("J. Smith")


def test_a_lone_letter_in_prose_stays_prose() -> None:
    lines = _lines(
        (90, "The board asked for"),
        (90, "a Home Office review of the contract, and"),
        (90, "a new supplier was then found for it."),
        (90, "c Section 3 of it was then rewritten."),  # not the next letter
        (120, "b Other margin, so no run."),
    )
    assert punctuate_bare_letters(lines) == lines
