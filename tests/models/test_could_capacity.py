""""could" of capacity, what a plant or a ship was or is able to do at a stated rate or
size ("The plant could produce 500 tonnes a day", "The ferry could carry 300
passengers"), estimates nothing: no hedge. "could" of possibility stays one ("The talks
could collapse", "The storm could produce 10 inches of rain"). Sentences written for
these tests in the manner of news reports."""

from __future__ import annotations

import pytest

from models.cues import default_finder


def hedged_could(text: str) -> bool:
    return any(
        s.category == "hedge" and s.text.lower() == "could" for s in default_finder().find(text)
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "The plant could produce 500 tonnes a day.",
        "Before the war the factory could build ten tanks a month.",
        "At its peak the refinery could process 200,000 barrels per day.",
        "The ferry could carry 300 passengers.",
        "The new stadium could hold 60,000 fans.",
        "He could not attend last year because of illness.",
    ],
)
def test_capacity_and_past_ability_are_no_hedge(sentence: str) -> None:
    assert not hedged_could(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The talks could collapse.",
        "The storm could produce 10 inches of rain.",
        "The strike could cost the airline 500 jobs a week.",
        "The plant could close next year.",
    ],
)
def test_possibility_stays_a_hedge(sentence: str) -> None:
    assert hedged_could(sentence)
