"""Hedge rules of session 19 (models/hedging.py): the writer's open yes/no question is an
epistemic hedge (``open_question_end``); "would come to" + a verb is narrative, "revealed
that … would" a reported future (``is_non_hypothetical_would``); "could hardly" is a
negated "could" (``is_negated_could``); "their many", "many, many years" are no vague
quantity (``models.cues._vague_at``); a third person's "believes that …" is an evidential
hedge (``reported_belief_at``); a refusal ("would not comment") is no "would" hedge;
"too close to call" and "unknowns" are open matters (the lexicon's *unclear*)."""

from __future__ import annotations

import pytest

from models.cues import default_finder


def hedges(sentence: str) -> list[tuple[str, str | None, str]]:
    return [
        (s.text, s.subcategory, s.term) for s in default_finder().find(sentence)
        if s.category == "hedge"
    ]


@pytest.mark.parametrize(("sentence", "text"), [
    ("Had they lost touch with the core concerns of the party's base?", "Had"),
    ("Does college leave too many graduates with crushing debt?", "Does"),
    ("Is the nuclear deal already dead?", "Is"),
    ("Will the senators vote to confirm her before the recess?", "Will"),
])
def test_the_writers_yes_no_question_is_an_open_question(sentence: str, text: str) -> None:
    found = hedges(sentence)
    assert (text, "epistemic", "open question") in found
    span = next(s for s in default_finder().find(sentence) if s.term == "open question")
    assert sentence[span.start:span.end] == text


@pytest.mark.parametrize("sentence", [
    # a negative question expects "yes": it asserts
    "Isn't it obvious that the plan failed?",
    "Doesn't he know the rules?",
    # a wh-question, a quoted question, a statement that opens with an auxiliary
    "What are we doing?",
    "How did the campaign spend the money?",
    '"Is this fair?" he asked the judge.',
    "“Do you pledge to accept the result?” the moderator asked.",
    "Had the senator known, he said, the vote was lost.",
])
def test_no_open_question(sentence: str) -> None:
    assert not [h for h in hedges(sentence) if h[2] == "open question"]


def test_a_modal_question_keeps_its_own_hedge() -> None:
    # "Could" is a lexicon hedge already; the question adds no second span over it
    assert hedges("Could the governor win the state?") == [("Could", "epistemic", "could")]


def would_hedges(sentence: str) -> list[str]:
    return [text for text, _, term in hedges(sentence) if term == "would"]


@pytest.mark.parametrize("sentence", [
    # what came about, told from before it
    "This brand of elitism would come to dominate the worldview of the party's leaders.",
    "Obama put his hand on Christie's shoulder in what would come to be known as a hug.",
    # a reported future after "revealed", "disclosed"
    "He even revealed, somewhat stiltedly, that he would vote for Hillary Clinton.",
    "The company disclosed that it would close two plants.",
])
def test_narrative_or_revealed_would_is_no_hedge(sentence: str) -> None:
    assert would_hedges(sentence) == []


@pytest.mark.parametrize("sentence", [
    # "come to" + a noun phrase: a forecast of an arrival, an outcome or an amount
    "The bill would come to a vote next week.",
    "Help would come to the town within days.",
    "The total would come to $2 billion.",
    "The president would come to Iowa in the spring.",
])
def test_would_come_to_a_place_or_amount_stays_a_hedge(sentence: str) -> None:
    assert would_hedges(sentence) == ["would"]


@pytest.mark.parametrize("sentence", [
    "The contrast with his previous life could hardly have been more extreme.",
    "She could barely stand after the race.",
    "The two plans could scarcely be more different.",
])
def test_could_hardly_is_a_negated_could(sentence: str) -> None:
    assert not [h for h in hedges(sentence) if h[2] == "could"]


def test_could_without_a_near_negation_stays_a_hedge() -> None:
    assert ("could", "epistemic", "could") in hedges("The contrast could have been extreme.")


def vague(sentence: str) -> list[str]:
    return [text for text, subcategory, _ in hedges(sentence) if subcategory == "vague"]


@pytest.mark.parametrize("sentence", [
    # a possessive makes a definite whole, as "the many" does
    "The episodes were costly, with their many stunts and props.",
    "The train carried the mail in its many baggage cars.",
    "He asked for a pardon for their many crimes.",
    # a repeated "many" is decided by the second, here before a unit of time
    "NATO was set up a long time ago, many, many years ago.",
])
def test_possessive_or_repeated_many_is_no_vague_quantity(sentence: str) -> None:
    assert vague(sentence) == []


@pytest.mark.parametrize(("sentence", "text"), [
    ("The train carried the mail in many baggage cars.", "many"),
    ("Many, many voters stayed home.", "many"),
    ("He met several voters at the fair.", "several"),
])
def test_a_vague_many_stays_one(sentence: str, text: str) -> None:
    assert vague(sentence) == [text]


@pytest.mark.parametrize(("sentence", "text"), [
    ("The coach believes the team has a real chance this year.", "believes"),
    ("Shelby later said she suspected the driver was under the influence.", "suspected"),
    ("She has been saying that she thinks that I am not qualified.", "thinks"),
    ("With the security worries, Will believes Christie has an opening.", "believes"),
    ("The official had thought the deal was done.", "thought"),
    ("The mayor fears that the plant will close.", "fears"),
])
def test_a_third_persons_belief_is_an_evidential_hedge(sentence: str, text: str) -> None:
    assert (text, "evidential", text.lower()) in hedges(sentence)


@pytest.mark.parametrize("sentence", [
    "The senator believes in a smaller state.",  # no clause: a conviction
    "The party believes that schools need more money.",  # a stance on what should be
    "He thinks the rule should change.",
    "I really believe this and want you to know it.",
    "He never thought about running.",
    "The talks worry the Gulf states.",  # an object, no clause
    "Her convergence with Iran worries the Gulf.",
    "She feared the worst.",
    "The thought that he might lose never crossed his mind.",
])
def test_no_reported_belief(sentence: str) -> None:
    assert not [h for h in hedges(sentence) if h[0].lower() in (
        "believes", "thinks", "thought", "worries", "worry", "feared", "believe")]


def test_a_reported_belief_stays_an_attribution() -> None:
    spans = default_finder().find("The coach believes the team has a real chance.")
    assert {(s.category, s.text) for s in spans} >= {("hedge", "believes"), ("attribution", "believes")}


@pytest.mark.parametrize("sentence", [
    "The spokesman would not comment.",
    "Giuliani wouldn't directly speculate about Comey's motives.",
    "Neither campaign would respond to the new claims.",
])
def test_a_refusal_is_no_would_hedge(sentence: str) -> None:
    assert would_hedges(sentence) == []


@pytest.mark.parametrize("sentence", [
    "The senator would not win the state.",
    "Voters would respond to a positive ad.",
])
def test_a_forecast_would_stays_a_hedge_near_a_verb_of_responding(sentence: str) -> None:
    assert would_hedges(sentence) == ["would"]


@pytest.mark.parametrize(("sentence", "text"), [
    ("Even with all precincts reporting, the race remained too close to call.",
     "too close to call"),
    ("There are still plenty of unknowns about her illness.", "unknowns"),
])
def test_open_matters_are_epistemic_hedges(sentence: str, text: str) -> None:
    assert (text, "epistemic", "unclear") in hedges(sentence)
