"""A name joined by "of" or "for" that opens the main clause ("the U.S. Court of Appeals
for the 6th Circuit") is the subject of the report verb coordinated after "and", also
when its verb stands 11 words into the sentence: "But the U.S. Court of Appeals for the
6th Circuit overruled and said Ohio already provided more early voting than the vast
majority of states" (PolNeAR train, gold Source "the U.S. Court of Appeals for the 6th
Circuit"). Sentences written for these tests in the manner of the PolNeAR one."""

from __future__ import annotations

import pytest

from models.cues import default_finder


def sources(text: str) -> list[str]:
    return [s.text for s in default_finder().find(text) if s.category == "source"]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("But the U.S. Court of Appeals for the 9th Circuit overruled and said Idaho "
         "already allowed more mail voting than most states.",
         "the U.S. Court of Appeals for the 9th Circuit"),
        ("The U.S. Court of Appeals for the 2nd Circuit disagreed and said the rule "
         "stood.", "The U.S. Court of Appeals for the 2nd Circuit"),
    ],
)
def test_a_name_with_of_or_for_says_the_coordinated_verb(sentence: str, source: str) -> None:
    assert sources(sentence) == [source]
