"""An aside between the main clause's subject and its verb does not hide the subject from
the report verb coordinated after "and"/"but":
- a relative clause set off by commas, opened by "who" or "whose": "Mr. Sanders, whose
  sole win on Tuesday came in Rhode Island, did not attack Mrs. Clinton … but argued
  insistently that …" (PolNeAR train, gold Source "Mr. Sanders, whose sole win on
  Tuesday came in Rhode Island,");
- a short aside in brackets: "George Zimmerman (left) shot and killed Trayvon Martin
  (right) in February 2012, but claimed self-defense" (PolNeAR train, gold Source
  "George Zimmerman").
A relative clause with a comma of its own, or a longer bracket, still stops the search.
Sentences written for these tests in the manner of the PolNeAR ones."""

from __future__ import annotations

import pytest

from models.cues import default_finder


def sources(text: str) -> list[str]:
    return [s.text for s in default_finder().find(text) if s.category == "source"]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Ms. Lowe, whose only win came in Fargo, did not attack the mayor directly in "
         "her remarks on Tuesday night but argued that she would win in November.",
         "Ms. Lowe"),
        ("Tom Gold, who has advised the mayor for years, arrived at the meeting with no "
         "plan and acknowledged that the budget was late.", "Tom Gold"),
        ("Tom Gold (left) shot and wounded Ann Lowe (right) in May 2012, but claimed "
         "self-defense at his trial.", "Tom Gold"),
    ],
)
def test_the_subject_before_an_aside_says_the_coordinated_verb(
    sentence: str, source: str
) -> None:
    assert sources(sentence) == [source]


@pytest.mark.parametrize(
    "sentence",
    [
        "Tom Gold, who met the mayor, a friend, in May, toured the plant and argued that "
        "it should stay open.",
        "Tom Gold (seen here with his wife and son) toured the plant and argued that it "
        "should stay open.",
    ],
)
def test_a_longer_aside_still_stops_the_search(sentence: str) -> None:
    assert "Tom Gold" not in sources(sentence)
