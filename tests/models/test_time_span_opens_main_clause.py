"""A span of time that opens the sentence without a comma ("A few minutes later",
"Two days ago") is no subject: the pronoun after it says the report verb coordinated at
the end of the main clause. "A few minutes later they reversed themselves, rushed
everyone inside the room and said they will register voters" (PolNeAR train, gold
Source "they"). Sentences written for these tests in the manner of the PolNeAR one."""

from __future__ import annotations

import pytest

from models.cues import default_finder


def sources(text: str) -> list[str]:
    return [s.text for s in default_finder().find(text) if s.category == "source"]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("A few minutes later they reversed themselves, closed the doors and said the "
         "count would start.", "they"),
        ("Two days ago she toured the plant, met its workers and said it would stay open.",
         "she"),
    ],
)
def test_the_pronoun_after_a_time_span_says_the_coordinated_verb(
    sentence: str, source: str
) -> None:
    assert sources(sentence) == [source]
