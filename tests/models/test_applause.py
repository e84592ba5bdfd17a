""""applaud" is a report verb for a stance on something ("Husted applauded the ruling");
with no object it is clapping, and no one's report: "The crowd applauded." PolNeAR train
marks every transitive "applauded" as a Cue and none of the four without an object.
Sentences written for these tests in the manner of news reports."""

from __future__ import annotations

from models.cues import default_finder


def cues(text: str) -> list[tuple[str, str]]:
    return [(s.category, s.text) for s in default_finder().find(text)
            if s.category in ("attribution", "source")]


def test_applause_with_no_object_is_no_attribution() -> None:
    assert cues("The crowd applauded.") == []
    assert cues("The crowd applauded loudly, and the mayor left the stage.") == []
    assert cues("The senator seemed lost, applauding along with the audience.") == []
    assert cues("He paused as the audience laughed and applauded.") == []


def test_applauding_something_is_still_an_attribution() -> None:
    assert cues("The secretary of state applauded the ruling.") == [
        ("source", "The secretary of state"), ("attribution", "applauded")
    ]
    assert cues("These proposals have been applauded by economists.") == [
        ("attribution", "applauded"), ("source", "economists")
    ]


def test_applause_before_a_clause_of_time_or_reason_leaves_its_speaker() -> None:
    # "applauded" read as a report made the senator's "said" its content: no source
    assert cues("The audience applauded after the senator said it.") == [
        ("source", "the senator"), ("attribution", "said")
    ]
    assert cues("The crowd applauded because the mayor announced a holiday.") == [
        ("source", "the mayor"), ("attribution", "announced")
    ]
