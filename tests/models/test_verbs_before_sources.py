"""A lower-case word no list knows, read leftwards from a source's head, is an adjective
("senior officials") unless it is a verb whose object the phrase is: after a subject
pronoun, a modal, "do" or "not" ("They met idealists who wanted", "would let businesses
write off"), after "has/have/had" as an irregular participle ("has seen fighters"), or
right before a number or a possessive determiner ("The list counts 29 others who",
"those who back her opponents say"). PolNeAR (train + dev) had 19 such sources,
e.g. "left 62 percent of voters saying", "would shield some groups that oppose".
Sentences written for these tests in the manner of news reports."""

from __future__ import annotations

import pytest

from models.cues import default_finder


def sources(text: str) -> list[str]:
    return [s.text for s in default_finder().find(text) if s.category == "source"]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("They met idealists who wanted a new party.", "idealists who"),
        ("The list counts 29 others who said they would vote.", "29 others who"),
        ("Readers may not let editorials tell them how to vote.", "editorials"),
        ("The amendment would shield some groups that oppose the law.", "some groups that"),
        ("The war has seen fighters backed by the C.I.A. claim new ground.", "fighters"),
        ("The shootings have left 62 percent of voters saying things are worse.",
         "62 percent of voters"),
        ("But those who back her opponents say the attacks have worked.", "her opponents"),
        ("The ad features five veterans saying the war was a mistake.", "five veterans"),
    ],
)
def test_a_verb_before_the_source_is_no_part_of_it(sentence: str, source: str) -> None:
    assert sources(sentence) == [source]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        # adjectives, determiners and focus words still open the phrase
        ("Senior officials said the plan was dead.", "Senior officials"),
        ("In May local officials said the plan was dead.", "local officials"),
        ("Why would any rational person say that?", "any rational person"),
        ("Even her fellow cast members said the show was over.", "Even her fellow cast members"),
        ("The senator and his allies said the plan was dead.", "The senator and his allies"),
        ("Almost 30 senators said the plan was dead.", "Almost 30 senators"),
    ],
)
def test_a_modifier_before_the_source_stays_in_it(sentence: str, source: str) -> None:
    assert sources(sentence) == [source]
