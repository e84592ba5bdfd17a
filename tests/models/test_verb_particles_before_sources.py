"""A verb's particle ("together", "out", "up", "off", "away", "aside") modifies no noun,
so it and the verb before it are no part of a source: "… and put together open-mike
nights highlighting underserved voices" read 'put together open-mike nights', "As her
campaign sent out fund-raising pitches highlighting …" read 'her campaign sent out
fund-raising pitches' (PolNeAR train, the only two such sources). Not "back", which
modifies nouns ("back pay"). Sentences written for these tests in the manner of the
PolNeAR ones."""

from __future__ import annotations

import pytest

from models.cues import default_finder


def sources(text: str) -> list[str]:
    return [s.text for s in default_finder().find(text) if s.category == "source"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The women ran a shelter and put together poetry nights highlighting local voices.",
        "As his office sent out fund-raising letters highlighting the vote, he left.",
    ],
)
def test_a_verb_and_its_particle_are_no_part_of_a_source(sentence: str) -> None:
    assert not any(
        word in source.split()
        for source in sources(sentence)
        for word in ("put", "together", "sent", "out")
    )


def test_a_plain_subject_is_unchanged() -> None:
    # "out of": a share, not a particle
    assert sources("Four out of 10 voters said the campaign was too long.") == [
        "Four out of 10 voters"
    ]
