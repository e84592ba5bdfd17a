"""Hypothetical "would", first-person belief ("I think", "I don't think") and an open
"I don't know" as epistemic hedges; reported, habitual and wished "would" and "I think of"
as none (models/hedging.py, resources/lexicons/hedges.csv; session 17)."""

from __future__ import annotations

import pytest

from models.cues import default_finder


def epistemic(sentence: str) -> list[tuple[str, str, bool]]:
    return [
        (s.term, s.text, s.negated) for s in default_finder().find(sentence)
        if s.category == "hedge" and s.subcategory == "epistemic"
    ]


@pytest.mark.parametrize(("sentence", "text"), [
    # a consequence put forward as a possibility, by the writer or a source
    ("A 4-4 ruling by the high court would leave in place the appeals court ruling.", "would"),
    ("She would be the second African American woman in the Senate.", "would"),
    ("The Tax Policy Center says it would depress revenue in the early years.", "would"),
    ("Critics say the plan wouldn't survive a court challenge.", "wouldn't"),
    ("Without the deal, prices would have doubled.", "would"),
])
def test_hypothetical_would_is_an_epistemic_hedge(sentence: str, text: str) -> None:
    assert [(term, found) for term, found, _ in epistemic(sentence)] == [("would", text)]


@pytest.mark.parametrize("sentence", [
    # reported future: a past verb of saying or thinking before it
    "Trump said after the convention he would not accept Cruz's endorsement.",
    "Mr. Obama, who understood that a legislative push would be fruitless, changed course.",
    "The senators promised on Tuesday that they would vote no.",
    # habit and narrative
    "He would often call in to Fox late at night.",
    "Years later he would go on to win the seat.",
    "Mr. Obama would end up with regulations that target power plants.",
    # a wish
    "I would like to thank the volunteers.",
    "Most voters would rather stay home.",
    # a poll's figure
    "Among likely voters, 46 percent would choose Clinton.",
    # another hedge's own form
    "It would seem that the race is tightening.",
])
def test_reported_habitual_wished_or_polled_would_is_no_would_hedge(sentence: str) -> None:
    assert "would" not in [term for term, _, _ in epistemic(sentence)]


@pytest.mark.parametrize(("sentence", "term", "text"), [
    ('"I think we\'re going to win," he said.', "i think", "I think"),
    ("“I thought he was very effective at securing Trump’s flank.", "i think", "I thought"),
    ("We suspect the numbers are low.", "i think", "We suspect"),
    ("“I don’t think it’s going anywhere,” Lynch said.", "i don't think", "I don’t think"),
    ("I do not believe the polls.", "i don't think", "I do not believe"),
    ("“I don’t know what she was thinking,” he said.", "don't know", "I don’t know"),
    ("Nobody knows exactly what's going on.", "don't know", "Nobody knows"),
    ("Will it hold? I don't know.", "don't know", "I don't know"),
])
def test_first_person_belief_and_open_ignorance_are_hedges_not_negated(
    sentence: str, term: str, text: str
) -> None:
    assert (term, text, False) in epistemic(sentence)


@pytest.mark.parametrize("sentence", [
    "I think of her as a friend.",
    "I thought about running for office.",
    "I don't know him.",
    "No one knows the area better than the sheriff.",
    "I believe in America.",
    "He thinks the plan is fair.",  # someone else's belief: an attribution, not this hedge
])
def test_belief_without_a_hedged_claim_is_no_first_person_hedge(sentence: str) -> None:
    assert not {"i think", "i don't think", "don't know"} & {t for t, _, _ in epistemic(sentence)}
