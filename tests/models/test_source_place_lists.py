"""A place written after a comma ("in Hull, Yorkshire") and joined by "and" to a common
noun ("Yorkshire and officials said") is the end of a place's name, not part of the
source: the source is "officials". Sentences written for these tests in the manner of
news reports."""

from __future__ import annotations

from models.cues import default_finder


def sources(text: str) -> list[tuple[str, str]]:
    return [(s.text, s.subcategory) for s in default_finder().find(text) if s.category == "source"]


def test_a_place_after_a_comma_is_not_joined_to_the_source() -> None:
    assert sources("Police in Hull, Yorkshire and officials said the road was closed.") == [
        ("officials", "anonymous")
    ]


def test_a_name_and_a_group_with_no_comma_stay_one_phrase() -> None:
    assert sources("Smith and officials said the road was closed.") == [
        ("Smith and officials", "anonymous")
    ]


def test_a_name_after_a_clauses_comma_stays_in_the_source() -> None:
    # PolNeAR dev (wash-post, 2016-09-26): both are the source
    assert sources(
        "Over the past few days, Cruz and his aides signaled that they were coming around."
    ) == [("Cruz and his aides", "anonymous")]
