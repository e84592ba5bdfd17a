"""Nouns that end as adverbs do ("rally", "assembly", "supply") end a source's noun
phrase; read as adverbs, they were left out and the phrase cut before them (PolNeAR
train: "Even the organizer of a pro-Trump rally said", gold Source "the organizer of a
pro-Trump rally"; "not everyone at Clinton's Southern California rally saw"). Sentences
written for these tests in the manner of news reports."""

from __future__ import annotations

import pytest

from models.cues import default_finder


def sources(text: str) -> list[str]:
    return [s.text for s in default_finder().find(text) if s.category == "source"]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("The organizer of a pro-Trump rally said the rules were unfair.",
         "The organizer of a pro-Trump rally"),
        ("Many at the Ohio rally said the rules were unfair.", "Many at the Ohio rally"),
        ("A speaker at an anti-migrant rally said the camps should reopen.",
         "A speaker at an anti-migrant rally"),
    ],
)
def test_a_noun_in_ly_ends_the_source(sentence: str, source: str) -> None:
    assert sources(sentence) == [source]


def test_an_adverb_in_ly_is_still_no_part_of_the_source() -> None:
    assert sources("The organizer repeatedly said the rules were unfair.") == ["The organizer"]
    assert sources("The Smith family said the rules were unfair.") == ["The Smith family"]
