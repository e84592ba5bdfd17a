"""Markets, stocks and prices "respond" to news by moving: a capitalised plural opening
the sentence names no person, so it is no source and "responded" no report. An
institution that responds still is one ("The Kremlin responded that …"). Sentences
written for these tests in the manner of news reports."""

from __future__ import annotations

import pytest

from models.cues import default_finder


def spans(text: str) -> list[tuple[str, str, str]]:
    return [(s.category, s.subcategory, s.text) for s in default_finder().find(text)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Markets responded to the news with a sharp sell-off.",
        "Stocks responded with a sharp sell-off on Wall Street.",
        "Prices responded to the rate rise within hours.",
        "Shares responded to the profit warning with a 12 percent fall.",
    ],
)
def test_things_that_respond_are_no_sources(sentence: str) -> None:
    found = spans(sentence)
    assert [s for s in found if s[0] in ("source", "attribution")] == []


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("The Kremlin responded that the claims were baseless.",
         ("source", "institution", "The Kremlin")),
        ("Sanders responded that the plan was a giveaway.", ("source", "person", "Sanders")),
    ],
)
def test_institutions_and_people_that_respond_stay_sources(
    sentence: str, source: tuple[str, str, str]
) -> None:
    found = spans(sentence)
    assert source in found
    assert any(c == "attribution" and t == "responded" for c, _, t in found)
