""""about" and "around" right before a figure round it: an approximator, as "approximately"
is (Prince et al. 1982). The seeds' "around 300,000 servicemembers" (003), "around
200,590 people" (002) and "a town of around 70,000" (004) had no span, while the
Methods text names "about" as an approximator. Elsewhere the words are literal. Sentences
written for these tests in the manner of news reports."""

from __future__ import annotations

import pytest

from models.cues import default_finder


def hedges(text: str) -> list[tuple[str, str]]:
    return [(s.subcategory, s.text) for s in default_finder().find(text)
            if s.category == "hedge"]


@pytest.mark.parametrize("text, word", [
    ("The mobilization drafted around 300,000 servicemembers.", "around"),
    ("Bakhmut was a town of about 70,000 people.", "about"),
    ("The plan costs about $2 billion.", "about"),
    ("The talks lasted about three years.", "about"),
    ("Around 200 people gathered outside.", "Around"),
])
def test_about_or_around_a_figure_is_an_approximator(text: str, word: str) -> None:
    assert hedges(text) == [("approximator", word)]


@pytest.mark.parametrize("text", [
    "Residents talked about the war around the city.",
    "They agreed about one thing.",
    "The movement united around one candidate.",
    "His book about 1968 sold well.",
    "Her views turned around 2002, when the attacks came.",
])
def test_about_or_around_with_no_figure_is_literal(text: str) -> None:
    assert hedges(text) == []


def test_an_approximator_makes_no_sentence_uncertain() -> None:
    from models.hedging import UNCERTAIN_KINDS

    assert "approximator" not in UNCERTAIN_KINDS


@pytest.mark.parametrize("text", [
    # PolNeAR train: the one number word after a word that takes "about"
    "They care about two things: jobs and taxes.",
    "Voters care deeply about three issues.",
    "He was wrong about two things.",
    "The debate revolved around three questions.",
])
def test_a_number_word_after_a_word_taking_about_is_its_topic(text: str) -> None:
    assert hedges(text) == []


@pytest.mark.parametrize("text", [
    # a duration or a large count rounds whatever comes before
    "He talked about two hours.",
    "He talked about 20 minutes.",
    "Pollsters asked about two dozen voters.",
    # a figure in digits rounds after any word
    "Officials heard about 2,000 complaints.",
])
def test_a_measure_or_a_digit_figure_after_such_a_word_still_rounds(text: str) -> None:
    assert ("approximator", "about") in hedges(text)
