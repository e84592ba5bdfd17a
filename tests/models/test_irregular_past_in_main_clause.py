"""An irregular past ("went", "put", "stood") is the main clause's own verb, and its
subject says the report verb coordinated after "and": "Bennett’s younger sister went to
school with one of Paradis’ daughters, and told stories of how …" (gold Source
"Bennett’s younger sister"), "The presidential candidates briefly put away their policy
papers and disclosed personal notes" (gold Source "The presidential candidates"), both
PolNeAR train. Sentences written for these tests in the manner of the PolNeAR ones."""

from __future__ import annotations

import pytest

from models.cues import default_finder


def sources(text: str) -> list[str]:
    return [s.text for s in default_finder().find(text) if s.category == "source"]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Ann Lowe’s younger sister went to school with one of Tom Jones’ daughters, and "
         "told stories of how both girls were in the school band.",
         "Ann Lowe’s younger sister"),
        ("The county commissioners briefly put away their budget papers and disclosed "
         "personal notes with the Gazette for a special issue, such as a typical breakfast.",
         "The county commissioners"),
    ],
)
def test_the_subject_of_an_irregular_past_says_the_coordinated_verb(
    sentence: str, source: str
) -> None:
    assert sources(sentence) == [source]
