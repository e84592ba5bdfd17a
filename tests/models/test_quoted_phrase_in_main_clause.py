"""The subject of a sentence's main clause says the verb coordinated with its own after
"and" or "but", also when the clause quotes a short phrase of its own: "Cruz exhorted
Republicans to "vote your conscience" and said" (PolNeAR dev, gold Source "Cruz"), "He
gestured "no" with his hands and declared" (train, gold "He"). Such a phrase, at most
five words and with no pronoun a quoted speaker's sentence would open with, opens no
clause. A people plural in -s after the subject's first word is its head, not its verb:
"Sanders supporters are crying "fraud" … and threatening" (gold "Sanders supporters").
Sentences written for these tests in the manner of the PolNeAR ones."""

from __future__ import annotations

import pytest

from models.cues import default_finder


def sources(text: str) -> list[str]:
    return [s.text for s in default_finder().find(text) if s.category == "source"]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ('Cruz exhorted delegates to "vote your conscience" and said he stood on principle.',
         "Cruz"),
        ('He waved "no" with both hands and declared that they would win in November.', "He"),
        ("The governor looked at the “reckless” plan and said she would veto it.",
         "The governor"),
        ("Farm groups are crying ''foul'' over the rule and threatening to sue the agency.",
         "Farm groups"),
    ],
)
def test_a_short_quoted_phrase_keeps_the_main_clause_subject(
    sentence: str, source: str
) -> None:
    assert sources(sentence) == [source]


def test_a_people_plural_is_the_head_not_the_verb() -> None:
    assert sources('Sanders supporters are shouting "fraud" and said so on Monday.') == [
        "Sanders supporters"
    ]
