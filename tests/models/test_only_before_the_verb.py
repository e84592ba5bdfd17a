""""only" between a subject and its report verb hides no subject: "Mr. Trump, who only
said", "the Florida Republican would only say that" (PolNeAR train, gold Source "the
Florida Republican"), "They would only describe it" (train). Where "only" opens the
subject ("Only three senators said") it stays part of it. Sentences written for these
tests in the manner of news reports."""

from __future__ import annotations

import pytest

from models.cues import default_finder


def sources(text: str) -> list[str]:
    return [s.text for s in default_finder().find(text) if s.category == "source"]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Mr. Trump, who only said it was over, left the room.", "Trump, who"),
        ("Mr. Trump only said it was over.", "Trump"),
        ("The senator would only say that the talks were over.", "The senator"),
        ("He only said it was over.", "He"),
        ("Only three senators said the talks were over.", "Only three senators"),
    ],
)
def test_only_before_the_verb_keeps_the_subject(sentence: str, source: str) -> None:
    assert sources(sentence) == [source]


def test_only_before_a_passive_chain_finds_no_object_as_source() -> None:
    # "describe people": what is described, not who describes
    assert sources("The word should only be used to describe people from Spain.") == []
