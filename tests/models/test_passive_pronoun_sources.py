"""The pronoun subject of a passive report verb is no source: an expletive "it" ("It
was admitted that …", "it is said that …") names no one, and "he was told", "they were
accused" name who was told or accused. PolNeAR gold marks no Source for these (train:
"it was widely reported that", "It should be noted that", "it is assumed that", "It's
been reported that"; dev: "He has been harshly criticized"). A state of mind after
"be" keeps its subject, who holds the view ("they are convinced that"). Sentences
written for these tests in the manner of news reports."""

from __future__ import annotations

import pytest

from models.cues import default_finder


def sources(text: str) -> list[str]:
    return [s.text for s in default_finder().find(text) if s.category == "source"]


def cues(text: str) -> list[str]:
    return [s.text for s in default_finder().find(text) if s.category == "attribution"]


@pytest.mark.parametrize(
    "sentence",
    [
        "It was admitted that the plan had failed.",
        "It is said that the plan had failed.",
        "It has been suggested that the plan had failed.",
        "It was widely reported that the plan had failed.",
        "It should be noted that the plan had failed.",
        "It’s been reported that the plan had failed.",
        "He was told that the plan had failed.",
        "They were accused of hiding the losses.",
    ],
)
def test_the_subject_of_a_passive_report_is_no_source(sentence: str) -> None:
    assert cues(sentence)  # still a report, with no one named as its source
    assert sources(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("It said that the plan had failed.", "It"),
        ("He has been saying that the plan failed.", "He"),
        ("He has since said that the plan failed.", "He"),
        ("They are convinced that the plan failed.", "They"),
    ],
)
def test_the_subject_of_an_active_report_or_a_held_view_is_its_source(
    sentence: str, source: str
) -> None:
    assert sources(sentence) == [source]
