"""'Unlikely' before a noun is surprise, not an estimate (audit34): "The Unlikely Friendship
Of …" and "churns up unlikely supporters" hedged two PolNeAR titles. Every sentence is
written for these tests."""

from __future__ import annotations

import pytest

from models.cues import default_finder


def hedges(text: str) -> list[str]:
    return [s.text for s in default_finder().find(text) if s.category == "hedge"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Unlikely Friendship Of A Harbour Pilot And A Ferry Captain",
        "The mill closure churns up unlikely allies for the mayor.",
        "Ortiz formed an unlikely political alliance with the ferry union.",
        "She became the unlikely darling of the harbour district.",
    ],
)
def test_unlikely_before_a_noun_is_no_hedge(sentence: str) -> None:
    assert hedges(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Ortiz is unlikely to run again.",
        "A ruling is unlikely before the end of the year.",
        "It seemed unlikely Ortiz would win the harbour seat.",
        "In the unlikely event of a tie, the chair decides.",
        "An extremely unlikely scenario, the clerk said.",
        "Ortiz Says She's Unlikely To Back The Ferry Plan",
        "However unlikely it may be, the ferry could return.",
        "That makes the pilot an unlikely candidate to lead the union.",
    ],
)
def test_unlikely_as_an_estimate_still_hedges(sentence: str) -> None:
    assert "unlikely" in [h.lower() for h in hedges(sentence)]
