"""A singular noun that no lexicon knows, as the subject of a verb of saying, was typed
a document: "The lifeguard said", "The ombudsman said", "the admiral said" (PolNeAR
train), "The bank said" (PolNeAR dev). Only a text is a document; a noun that says is a
speaker, described but not named, unless its head names a text ("the ruling says", "the
release said"). Sentences written for these tests in the manner of news reports."""

from __future__ import annotations

import pytest

from models.attribution import text_noun
from models.cues import default_finder


def sources(text: str) -> list[tuple[str, str]]:
    return [(s.text, s.subcategory) for s in default_finder().find(text) if s.category == "source"]


@pytest.mark.parametrize("noun", ["lifeguard", "ombudsman", "landlord", "bank"])
def test_an_unknown_singular_that_says_is_a_described_speaker(noun: str) -> None:
    assert sources(f"The {noun} said the beach would stay closed.") == [
        (f"The {noun}", "described")
    ]


@pytest.mark.parametrize("noun", ["release", "note", "bill", "suit"])
def test_a_text_that_says_is_a_document(noun: str) -> None:
    assert sources(f"The {noun} said the beach would stay closed.") == [
        (f"The {noun}", "document")
    ]


def test_plural_texts_are_documents_not_groups() -> None:
    # a plural that says was a group of people whatever its head
    assert sources("The rules say the vote must be held in public.") == [
        ("The rules", "document")
    ]
    assert sources("The lifeguards said the beach would stay closed.") == [
        ("The lifeguards", "group")
    ]


def test_text_nouns() -> None:
    assert text_noun("report") and text_noun("rulings") and text_noun("law")
    assert not text_noun("lifeguard") and not text_noun("speech") and not text_noun("it")


def test_the_subject_of_told_reporters_is_a_source_whatever_its_head() -> None:
    # "told reporters" is one cue; its subject had no source when no lexicon typed it
    assert sources("The deckhand told reporters the water was too cold.") == [
        ("The deckhand", "described")
    ]
    assert sources("The deckhands told reporters the water was too cold.") == [
        ("The deckhands", "group")
    ]
