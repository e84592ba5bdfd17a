"""Sources the finder missed on PolNeAR train (session 29), each rule in sentences written
for the test: the plural of an agent noun is a group that can report ("forecasters say",
"lobbyists argued"), and a time phrase between a subject and its report verb ("A judge
last month ordered", "the chairman this past week announced") is no part of either."""

from __future__ import annotations

import pytest

from models.cues import default_finder


def sources(sentence: str) -> dict[str, str]:
    """The source spans of ``sentence``: text -> subcategory."""
    return {s.text: s.subcategory for s in default_finder().find(sentence)
            if s.category == "source"}


@pytest.mark.parametrize(("sentence", "source"), [
    ("Forecasters say the harbour will freeze by March.", "Forecasters"),
    ("Local lobbyists argued that the ferry tax was unfair.", "Local lobbyists"),
    ("If rates keep rising, property developers warn, the town will shrink.",
     "property developers"),
    ("Some historians note that the bridge was built twice.", "Some historians"),
    ("Most of the orchard's investors believe the harvest will recover.",
     "the orchard's investors"),
])
def test_the_plural_of_an_agent_noun_is_a_group_source(sentence: str, source: str) -> None:
    found = sources(sentence)
    assert any(source in text for text in found)
    assert found[next(text for text in found if source in text)] == "group"


@pytest.mark.parametrize("sentence", [
    "The numbers show that the harbour froze twice.",
    "Three helicopters suggest the airport is busy again.",
    "The report insists that the ferries run on time.",
])
def test_things_and_verbs_of_that_shape_are_no_group(sentence: str) -> None:
    assert not any(subcategory == "group" and text.lower().endswith(
        ("numbers", "helicopters", "insists")) for text, subcategory in sources(sentence).items())


@pytest.mark.parametrize(("sentence", "source"), [
    ("A judge last month ordered the council to publish the minutes.", "A judge"),
    ("Ron Fielding, the party chairman, this past week announced a new ferry route.",
     "Ron Fielding"),
    ("The mayor earlier this year said the bridge would reopen.", "The mayor"),
    ("Mary Jones two weeks ago said the harbour was safe.", "Mary Jones"),
    ("Senator Alma Ruiz on Sunday night accused the council of delay.", "Alma Ruiz"),
    ("A council survey conducted last week found that most residents drive.",
     "A council survey"),
])
def test_a_time_phrase_before_the_verb_leaves_the_subject_the_source(
    sentence: str, source: str
) -> None:
    found = sources(sentence)
    assert any(source in text and not any(
        word in text for word in ("month", "week", "year", "night", "ago")) for text in found)
