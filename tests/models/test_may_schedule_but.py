"""A "may …, but" clause that names when an event may happen ("The vote may be held on
Monday, but …", "… by Friday, but …") weighs when it will happen: an epistemic hedge,
not a point conceded. "It may be small, but it is effective" stays a concession.
Sentences written for these tests in the manner of news reports."""

from __future__ import annotations

import pytest

from models.cues import default_finder


def hedged_may(text: str) -> bool:
    return any(
        s.category == "hedge" and s.text.lower() == "may" for s in default_finder().find(text)
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "The vote may take place on Monday, but the date is not fixed.",
        "The vote may be held on Monday, but the date is not fixed.",
        "A ruling may come by Friday, but lawyers expect delays.",
        "Talks may resume before Thursday, but neither side has agreed.",
        "The strike may end next week, but the union has not said so.",
    ],
)
def test_when_an_event_may_happen_is_a_hedge(sentence: str) -> None:
    assert hedged_may(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "It may be small, but it is effective.",
        "The hall may be old, but its roof is sound.",
    ],
)
def test_a_point_conceded_stays_no_hedge(sentence: str) -> None:
    assert not hedged_may(sentence)
