"""An adverb of time or order that opens a sentence right before its subject's
determiner or possessive ("Later the spokesman said") is written with a capital, and the
finder took it into the source as if it were part of a name. PolNeAR's gold Sources
leave it out ("Now the government hopes" -> "the government", "First his wife
announced" -> "his wife", "Then Trump wondered" -> "Trump"). Sentences
written for these tests in the manner of news reports."""

from __future__ import annotations

import pytest

from models.cues import default_finder


def sources(text: str) -> list[tuple[str, str]]:
    return [(s.text, s.subcategory) for s in default_finder().find(text) if s.category == "source"]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Later the spokesman said the talks had failed.", ("the spokesman", "person")),
        ("Now the government says the talks have failed.", ("the government", "institution")),
        ("First his wife announced that they had separated.", ("his wife", "described")),
        ("Then the White House said the talks were over.", ("the White House", "institution")),
        ("Now two officials say the talks are over.", ("two officials", "anonymous")),
        ("Then the mayor wondered whether he could file charges.", ("the mayor", "person")),
        ("Meanwhile China said it was resolutely opposed to the test.", ("China", "institution")),
        ("Then someone asked how the senator could win.", ("someone", "anonymous")),
    ],
)
def test_an_opening_adverb_is_no_part_of_the_source(
    sentence: str, source: tuple[str, str]
) -> None:
    assert sources(sentence) == [source]


def test_the_phrase_after_the_adverb_still_opens_its_clause() -> None:
    # the subject across "of the": the clause opens at "Later", so the phrase is a subject
    found = sources("Later the organizer of the protest said the rules were dangerous.")
    assert [text for text, _ in found] == ["the organizer of the protest"]


def test_a_focus_word_or_a_participle_s_adverb_stays() -> None:
    # "even" and "only" modify the phrase (PolNeAR's gold keeps "even her fellow cast
    # members"); "recently" modifies "hacked", a word of the phrase
    found = sources("Even the mayor's allies have described it as a lapse.")
    assert [text for text, _ in found] == ["Even the mayor's allies"]
    found = sources("According to recently hacked party documents, the chair wanted him out.")
    assert [text for text, _ in found] == ["recently hacked party documents"]


def test_the_term_leaves_the_adverb_out_too() -> None:
    found = [s for s in default_finder().find("Later the spokesman said it.") if s.category == "source"]
    assert [s.term for s in found] == ["the spokesman"]


def test_a_count_keeps_its_focus_word_and_a_name_its_first_word() -> None:
    assert sources("Only three senators endorsed him.") == [("Only three senators", "group")]
    assert sources("First Lady Michelle Obama said it was time.") == [
        ("First Lady Michelle Obama", "person")
    ]
    assert sources("Now Donald Trump says the talks have failed.") == [("Donald Trump", "person")]
