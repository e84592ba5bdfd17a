"""Hedge rules of session 20 (models/hedging.py): someone's expectation or forecast of a
clause is a hedge (``expectation_at``; "estimated that" is no approximator,
``is_estimate_clause``); a belief in a relative clause ("which he believes will …") and
"believing that" are reported beliefs (``reported_belief_at``); "would" inside an
embedded yes/no question ("split on whether X would …") is no hedge
(``is_non_hypothetical_would``)."""

from __future__ import annotations

import pytest

from models.cues import default_finder


def hedges(sentence: str) -> list[tuple[str, str | None]]:
    return [
        (s.text, s.subcategory) for s in default_finder().find(sentence) if s.category == "hedge"
    ]


@pytest.mark.parametrize(("sentence", "text", "subcategory"), [
    ("The bank expects that output will expand by 1.6 percent.", "expects", "evidential"),
    ("The campaign expects the moderator to interrupt the candidate.", "expects", "evidential"),
    ("Most don't expect him to back the senator on Thursday.", "expect", "evidential"),
    ("She said she expects Smith, Jones, and Lee to \"show their unity.\"", "expects", "evidential"),
    ("The governor had expected the talks to fail.", "expected", "evidential"),
    ("The minister forecast that the economy would soon rebound.", "forecast", "evidential"),
    ("He predicted he would win the state by ten points.", "predicted", "evidential"),
    ("The senator will endorse her rival, predicted Mary Kunin, a former governor.",
     "predicted", "evidential"),
    ("He estimated that most members voted for the president.", "estimated", "evidential"),
    ("I expect that the vote will slip to March.", "expect", "epistemic"),
])
def test_an_expectation_or_forecast_is_a_hedge(sentence: str, text: str, subcategory: str) -> None:
    assert (text, subcategory) in hedges(sentence)


@pytest.mark.parametrize("sentence", [
    "A crowd that hardly expected such a result cheered.",  # an object, no clause
    "I had not expected anything like this at all.",
    "They had hoped to expect better lives.",
    "She expects an answer to the question.",  # "to" opens a noun phrase
    "It finished a closer-than-expected second.",
    "Results were better than predicted.",
    "The bank raised its growth forecast by 0.1 points.",
    "The company expects to save money.",  # the subject's own plan: the lexicon leaves it
])
def test_no_expectation(sentence: str) -> None:
    assert not [h for h in hedges(sentence) if h[0].lower().startswith(("expect", "predict", "forecast"))]


def test_an_estimated_number_stays_an_approximator() -> None:
    assert hedges("An estimated 300 people attended.") == [("An estimated", "approximator")]


def test_an_expectation_stays_an_attribution() -> None:
    spans = default_finder().find("The bank expects that output will expand.")
    assert {(s.category, s.text) for s in spans} >= {("hedge", "expects"), ("attribution", "expects")}


@pytest.mark.parametrize(("sentence", "text"), [
    ("He criticised the plan, which he believes will make it impossible to win.", "believes"),
    ("Allies say he sees no need to engage, believing that the governor can handle them.",
     "believing"),
])
def test_a_relative_or_participle_belief_is_an_evidential_hedge(sentence: str, text: str) -> None:
    assert (text, "evidential") in hedges(sentence)


@pytest.mark.parametrize("sentence", [
    "The plan, which I believe will fail, was dropped.",  # the speaker's own "I believe"
    "Believing that is hard.",  # no clause
    "The group, believing that schools need more money, marched.",  # a stance
])
def test_no_relative_or_participle_belief(sentence: str) -> None:
    assert not [h for h in hedges(sentence) if h[0].lower() in ("believe", "believing")]


@pytest.mark.parametrize("sentence", [
    "Voters were split on whether Mr. Lee or Mr. Kim would do a better job.",
    "He also asked if parents would be willing to vote for him.",
    "It tells you little about whether a person would be a good nurse.",
    "He refused to say whether he would have created the camps.",
])
def test_would_in_an_embedded_question_is_no_hedge(sentence: str) -> None:
    assert not [h for h in hedges(sentence) if h[0].lower() == "would"]


@pytest.mark.parametrize(("sentence", "text"), [
    ("If he won, taxes would rise.", "would"),
    ("It is unclear whether the mayor would resign.", "unclear"),  # the open matter's own word
    ("Whether or not he runs, the party would lose the seat.", "would"),  # punctuation between
])
def test_a_hypothetical_would_or_an_open_question_stays_a_hedge(sentence: str, text: str) -> None:
    assert text in [h[0] for h in hedges(sentence)]
