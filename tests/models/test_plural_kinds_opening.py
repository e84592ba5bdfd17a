"""A plural of people of a kind that opens a sentence is written with a capital, and the
finder, reading one sentence at a time, took it for a surname: "Firefighters said" was
a named person. Sentences written for these tests in the manner of news reports."""

from __future__ import annotations

import pytest

from models.cues import default_finder


def sources(text: str) -> list[tuple[str, str]]:
    return [(s.text, s.subcategory) for s in default_finder().find(text) if s.category == "source"]


@pytest.mark.parametrize(
    "plural", ["Firefighters", "Investors", "Rebels", "Soldiers", "Troops", "Palestinians",
               "Lifeguards", "Eyewitnesses"],
)
def test_a_plural_kind_opening_the_sentence_is_a_group(plural: str) -> None:
    assert sources(f"{plural} said the fire was out by noon.") == [(plural, "group")]


@pytest.mark.parametrize("surname", ["Sanders", "Rogers", "Peters", "Waters"])
def test_a_surname_in_s_opening_the_sentence_stays_a_name(surname: str) -> None:
    assert sources(f"{surname} said the fire was out by noon.") == [(surname, "person")]


def test_the_singular_is_a_described_person_and_a_name_after_it_a_person() -> None:
    assert sources("The firefighter said the fire was out by noon.") == [
        ("The firefighter", "described")
    ]
    assert sources("Investor Warren Buffett said the market would recover.") == [
        ("Investor Warren Buffett", "person")
    ]
