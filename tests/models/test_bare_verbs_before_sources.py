"""A bare verb after "to" or "and" is no part of the source that is its object: "likely
to help Rubio convince", "an effort to recruit pastors supporting", "to file reports
... detailing", "to mean Clinton never supported". Only verbs of a closed list, which are
rarely a noun's modifier: after "to" an unknown word is as often an adjective ("according
to senior officials", "spoke to local officials who"). PolNeAR train had 7 such sources
(dev none), e.g. "help Rubio", "recruit pastors", "mean Clinton". Sentences written for
these tests in the manner of news reports, after the PolNeAR ones."""

from __future__ import annotations

import pytest

from models.cues import default_finder


def sources(text: str) -> list[str]:
    return [s.text for s in default_finder().find(text) if s.category == "source"]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("The praise is not likely to help Rubio convince anyone he is a conservative.",
         "Rubio"),
        ("An effort to recruit pastors supporting Mr. Cruz was his idea.", "pastors"),
        ("The super PACs have to file reports with the FEC detailing their finances.",
         "reports with the FEC"),
        ("He later clarified that to mean Clinton never supported the group.", "Clinton"),
        ("They did so in an effort to sandbag convention delegates who backed Paul.",
         "convention delegates who"),
    ],
)
def test_a_bare_verb_after_to_is_no_part_of_the_source(sentence: str, source: str) -> None:
    assert sources(sentence) == [source]


def test_a_bare_verb_after_and_is_no_source() -> None:
    # WikiLeaks accuses; "hit Snowden" was the source
    sentence = (
        "WikiLeaks was not happy about the criticism - and hit Snowden back by accusing "
        "him of pandering to Hillary Clinton."
    )
    assert not any("hit" in s for s in sources(sentence))


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        # adjectives after "to" and the noun "file" stay in the phrase
        ("According to senior officials, the deal is done.", "senior officials"),
        ("He spoke to local officials who said the road was closed.", "local officials who"),
        ("Rank and file members said they would strike.", "Rank and file members"),
    ],
)
def test_adjectives_after_to_stay_in_the_source(sentence: str, source: str) -> None:
    assert sources(sentence) == [source]
