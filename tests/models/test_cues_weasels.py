"""Weasel words (vague attribution), vague quantities and the false friends of
'possible' and 'claimed': each rule with sentences written for these tests."""

from __future__ import annotations

import pytest

from models.cues import VAGUE, WEASEL, default_finder


def hedges(text: str, subcategory: str) -> list[str]:
    return [
        s.text for s in default_finder().find(text)
        if s.category == "hedge" and s.subcategory == subcategory
    ]


@pytest.mark.parametrize(
    ("sentence", "weasel"),
    [
        # an indefinite or role-named subject before a verb of saying or opinion
        ("Some argue that the tax will hurt farmers.", "Some argue"),
        ("Most economists believe the rate will fall.", "Most economists believe"),
        ("The plan passed, but critics say it is too timid.", "critics say"),
        ("Others have questioned the timing of the vote.", "Others have questioned"),
        ("Some local residents fear the new road.", "Some local residents fear"),
        # impersonal passives of saying and belief
        ("It is often said that the harbour never freezes.", "It is often said"),
        ("It was widely assumed that the mayor would resign.", "It was widely assumed"),
        ("It has been argued that the fire was deliberate.", "It has been argued"),
        # consensus adverbs and raising passives
        ("The bridge is widely regarded as the city's symbol.", "widely regarded"),
        ("The novel is considered a classic.", "considered"),
        ("The move was seen as a snub to the allies.", "seen as"),
        ("Such storms are known to cause flooding.", "known to"),
        # vague agents of judging participles
        ("The album was praised by critics on release.", "by critics"),
        ("The decision is regarded as unfair by many.", "by many"),
        # an agentless passive of judging, an unowned view, a vague crowd led to a view
        ("The figures have been disputed.", "disputed"),
        ("There is some speculation that the talks will resume.", "There is some speculation"),
        ("The result led many to believe the poll was wrong.", "many to believe"),
        # a vague quantifier before an unnamed holder of views
        ("The report was welcomed by the union, though several analysts disagreed.",
         "several analysts disagreed"),
    ],
)
def test_weasel_found(sentence: str, weasel: str) -> None:
    assert weasel in hedges(sentence, WEASEL)


@pytest.mark.parametrize(
    "sentence",
    [
        "The committee considered the proposal on Tuesday.",  # deliberation, named agent
        "The bill was considered by the finance committee.",  # a named agent
        "She was seen leaving the building at noon.",  # "seen" without "as"
        "The river is often called the Blue Line.",  # naming, not a view
        "Some 20 protesters said they would stay.",  # an approximation, not a vague source
        "The ministry said the roads were closed.",  # a named source
        "He has been criticised by the auditor general.",  # a named agent
        "It is raining in the hills.",  # impersonal "it" without saying or belief
        "Prices were not disputed.",  # negated
    ],
)
def test_no_weasel(sentence: str) -> None:
    assert hedges(sentence, WEASEL) == []


@pytest.mark.parametrize(
    ("sentence", "vague"),
    [
        ("Many residents left before the storm.", ["Many"]),
        ("Several roads were closed and some schools shut.", ["Several", "some"]),
    ],
)
def test_vague_quantity_found(sentence: str, vague: list[str]) -> None:
    assert hedges(sentence, VAGUE) == vague


@pytest.mark.parametrize(
    "sentence",
    [
        "For some reason the ferry never left the quay.",
        "The letter was, for some odd reason, never posted.",
    ],
)
def test_for_some_reason_is_no_vague_quantity(sentence: str) -> None:
    # "some" of an unknown reason (an epistemic indefinite), not an amount left open
    assert hedges(sentence, VAGUE) == []


def test_some_reasons_stay_a_vague_quantity() -> None:
    assert hedges("Some reasons for the delay were never given.", VAGUE) == ["Some"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The plaster was left bare in some or all of the rooms.",
        "Some but not all of the old rules still apply.",
        "The shelves have either some or no space between them.",
    ],
)
def test_some_set_against_all_or_none_is_no_vague_quantity(sentence: str) -> None:
    # a part set against the whole or nothing: a logical quantifier, no amount left open
    assert hedges(sentence, VAGUE) == []


def test_some_before_a_later_all_stays_a_vague_quantity() -> None:
    assert hedges("Some residents left, but all came back.", VAGUE) == ["Some"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Some 300 people attended the rally.",  # approximation of a number
        "The talks have gone on for some time.",  # set phrase
        "How many ballots were counted is not known.",  # a question of amount
        "Police said as many as 40 cars were damaged.",  # comparison with a number
        "Some critics say the plan is too timid.",  # one weasel, not also a vague "Some"
    ],
)
def test_no_vague_quantity(sentence: str) -> None:
    assert hedges(sentence, VAGUE) == []


def test_weasel_does_not_double_count_a_lexicon_hedge() -> None:
    # "widely believed" is an epistemic lexicon entry with a probability range: it stays one.
    spans = [s for s in default_finder().find("The story is widely believed.") if s.category == "hedge"]
    assert [(s.text, s.subcategory) for s in spans] == [("widely believed", "epistemic")]


def test_weasel_keeps_the_attribution_and_offsets() -> None:
    text = "Critics say the plan is too timid."
    spans = default_finder().find(text, offset=100)
    weasel = next(s for s in spans if s.subcategory == WEASEL)
    assert (weasel.start, weasel.end, weasel.text) == (100, 111, "Critics say")
    assert text[weasel.start - 100 : weasel.end - 100] == weasel.text
    assert any(s.category == "attribution" and s.text == "say" for s in spans)
    assert not weasel.negated and weasel.probability_low is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials will reply as soon as possible.",
        "It is possible to cross the border on foot.",
        "The grant made it possible to rebuild the school.",
        "They took the shortest possible route.",
    ],
)
def test_possible_that_estimates_nothing_is_no_hedge(sentence: str) -> None:
    assert hedges(sentence, "epistemic") == []


def test_possible_that_estimates_is_a_hedge() -> None:
    assert hedges("A possible motive is revenge.", "epistemic") == ["possible"]
    assert hedges("It is possible that the vote will be delayed.", "epistemic") == ["possible"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The team claimed the title on Sunday.",
        "The fire claimed 12 lives.",
        "She claimed her second gold medal.",
    ],
)
def test_claimed_as_won_is_neither_hedge_nor_attribution(sentence: str) -> None:
    spans = default_finder().find(sentence)
    assert not any(s.term == "claim" for s in spans)


def test_claimed_as_said_stays_a_hedge_and_an_attribution() -> None:
    spans = default_finder().find("The group claimed that the vote was rigged.")
    assert {(s.category, s.subcategory) for s in spans if s.term == "claim"} == {
        ("hedge", "evidential"), ("attribution", "loaded"),
    }


@pytest.mark.parametrize(
    "sentence",
    [
        # audit25, seed 000 S3: "other" adds members of a kind and leaves no amount vague
        "The Russian authorities have recently taken measures to prevent intelligence "
        "officers and other senior officials such as governors from (en masse) resigning.",
        "The mayor and other officials toured the flooded streets.",
    ],
)
def test_other_before_a_group_is_no_vague_quantity(sentence: str) -> None:
    assert hedges(sentence, VAGUE) == []
    assert hedges(sentence, WEASEL) == []


def test_other_before_a_group_that_claims_stays_a_weasel() -> None:
    assert hedges("Other studies have shown the opposite.", WEASEL) == ["Other studies"]


@pytest.mark.parametrize(
    ("sentence", "weasel"),
    [
        # audit22, audit25: seed 004 S16 was a vague "several" where seed 002's
        # "several FSB officials have complained" is a weasel
        ("Under the decree, several FSB officers complained that they could not resign.",
         "several FSB officers"),
        ("Several diplomats said the talks had stalled.", "Several diplomats said"),
    ],
)
def test_officers_and_other_office_holders_are_holders_of_views(sentence: str, weasel: str) -> None:
    assert hedges(sentence, WEASEL) == [weasel]
    assert hedges(sentence, VAGUE) == []


@pytest.mark.parametrize(
    ("sentence", "weasel"),
    [
        # audit22 (M), audit25: seed 001 S15, hearsay that spreads with no owner
        ("On the same day, an embarrassing story emerged in Western media that the mercenary "
         "boss had offered to reveal the positions.", "story emerged"),
        ("Word spread that the mayor had resigned.", "Word spread"),
    ],
)
def test_a_story_or_word_spreading_a_claim_is_a_weasel(sentence: str, weasel: str) -> None:
    assert hedges(sentence, WEASEL) == [weasel]


def test_a_story_that_carries_no_claim_is_no_weasel() -> None:
    assert hedges("The story emerged from interviews with forty residents.", WEASEL) == []
