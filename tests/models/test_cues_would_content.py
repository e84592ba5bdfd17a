"""Which "would" is a hedge, session 18 (models/hedging.is_non_hypothetical_would):
a counterfactual "would have" stays one even when reported; a participle of saying, a
later point named before it and a proposal's content make it none."""

from __future__ import annotations

import pytest

from models.cues import default_finder


def would_hedges(sentence: str) -> list[str]:
    return [
        s.text for s in default_finder().find(sentence)
        if s.category == "hedge" and s.term == "would"
    ]


@pytest.mark.parametrize(("sentence", "text"), [
    # what did not happen, reported: not the backshifted "will" of "he said he would attend"
    ("Huffman said he would have attended the meeting if he thought Grayson would win.",
     "would"),
    ("Mr. Trump is so reckless, the vice president said, that ''I would have thrown my "
     "body in front of him.''", "would"),
    ("She told reporters the plan would not have passed without his vote.", "would"),
    # a participle with an object of its own does not report the "would" clause
    ("Russia is banning officials from stepping down by threatening them with false "
     "criminal charges over fears their departure would throw the Kremlin into chaos.",
     "would"),
    # the effect of a plan put forward, not its content
    ("Trump's plans would cost $150 billion, the committee says.", "would"),
    ("Critics say the plan would raise taxes.", "would"),
])
def test_counterfactual_or_forecast_would_stays_a_hedge(sentence: str, text: str) -> None:
    assert would_hedges(sentence) == [text]


@pytest.mark.parametrize("sentence", [
    # a participle of saying opens the clause: a reported future, as after "said"
    "Japan's central bank ended a policy meeting on Friday by announcing it would expand "
    "purchases of exchange-traded funds.",
    "The company filed suit, saying that the merger would go ahead.",
    # a reported future that must happen ("will have to"): no counterfactual
    "He said he would have to leave early.",
    # a later point named before it: what happened, told from an earlier point
    "Years later, in reflecting on the album, Keaggy would say that it was unlike him.",
    "A decade later she would return to the Senate.",
    # what a proposal or an instrument provides
    "A dispute is erupting over new proposals that would govern when officers use force.",
    "He appeared before the committee to oppose a bill that would require Communists to "
    "register as foreign agents.",
    "The Senate passed the measure, which would extend the program to 2020.",
])
def test_reported_narrated_or_proposed_would_is_no_hedge(sentence: str) -> None:
    assert would_hedges(sentence) == []
