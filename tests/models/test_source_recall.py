"""Sources that PolNeAR's annotators mark and the source finder used to miss: the subject of
a verb chain before the cue, and collectives named by a plural noun. Sentences written for
these tests."""

from __future__ import annotations

import pytest

from models.cues import default_finder
from models.features import NAMED_SOURCE_TYPES


def sources(text: str) -> list[tuple[str, str]]:
    return [(s.text, s.subcategory) for s in default_finder().find(text) if s.category == "source"]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Clinton has tried to explain her vote on the war.", "Clinton"),
        ("Sanders has begun to rebut that criticism.", "Sanders"),
        ("Trump continued to portray immigrants as criminals.", "Trump"),
        ("Mayor Pete Jones was quick to point out that the budget balanced.", "Mayor Pete Jones"),
        ("Mr. Trump has lately started asking his supporters to pledge.", "Trump"),
        ("The governor avoided criticizing the judge.", "The governor"),
        ("Trump isn't saying what he would do.", "Trump"),
        ("The New York Times is expected to endorse Clinton.", "The New York Times"),
    ],
)
def test_the_subject_of_a_verb_chain_is_the_cues_source(sentence: str, source: str) -> None:
    assert source in [text for text, _ in sources(sentence)]


def test_a_chain_is_no_passive() -> None:
    # "was prompted to say": the passive is the chain's; the speaker is still the subject.
    assert ("Trump", "person") in sources("Mr. Trump was prompted to say he was surprised.")


def test_a_verb_chain_does_not_take_an_object_for_its_subject() -> None:
    # The word before "to" must chain ("tried to", "began to"): "a plan to explain" has no
    # subject, so no source.
    assert sources("He unveiled a plan to explain the budget.") == [("He", "pronoun")]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Local politicians also fired back at the governor.", "Local politicians"),
        ("Eleven progressive organizations are asking for a hearing.", "Eleven progressive organizations"),
        ("The groups say the law is unfair.", "The groups"),
        ("Her liberal friends have mocked the idea.", "Her liberal friends"),
        ("Not everyone was claiming success.", "everyone"),
        ("Some conservative commentators have suggested he quit.", "Some conservative commentators"),
    ],
)
def test_collectives_are_group_sources(sentence: str, source: str) -> None:
    found = dict(sources(sentence))
    assert found.get(source) == "group"
    assert "group" not in NAMED_SOURCE_TYPES  # counted neither as named nor anonymous
