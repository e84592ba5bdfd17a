"""Numbers and statistics that "say" something are a count, a document source, not a
group of people ("The numbers say the economy is shrinking"). Sentences written for
these tests in the manner of news reports."""

from __future__ import annotations

import pytest

from models.cues import default_finder


def sources(text: str) -> list[tuple[str, str]]:
    return [(s.text, s.subcategory) for s in default_finder().find(text) if s.category == "source"]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("The numbers say the economy is shrinking.", ("The numbers", "document")),
        ("The latest statistics say otherwise.", ("The latest statistics", "document")),
        ("The projections say the deficit will double.", ("The projections", "document")),
    ],
)
def test_counted_things_that_say_are_documents(sentence: str, source: tuple[str, str]) -> None:
    assert sources(sentence) == [source]


def test_people_counted_stay_a_group() -> None:
    assert sources("Large numbers of voters say the economy is weak.") == [
        ("Large numbers of voters", "group")
    ]
