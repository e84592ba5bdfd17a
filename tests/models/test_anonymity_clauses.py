"""A source made anonymous by a clause: "two members who asked not to be named",
"officials, who spoke on condition of anonymity", "speaking on condition of anonymity, an
aide said". The clause withholds the identity, so an unnamed source (a group, a title
without a name, a described person) is typed anonymous; a name stays named. Sentences
written for these tests."""

from __future__ import annotations

from dataclasses import replace

import pytest

from models.attribution import withheld_identity
from models.cues import default_finder
from models.features import analyze_article, article_from_text

COUNCIL = (
    "The council reportedly delayed the vote on the Riverton bridge, according to two "
    "members who asked not to be named."
)


def sources(text: str) -> list[tuple[str, str]]:
    return [(s.text, s.subcategory) for s in default_finder().find(text) if s.category == "source"]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        # Each typed group, person or nothing without the clause rule.
        (COUNCIL, ("two members", "anonymous")),
        ("Two members, who spoke on condition of anonymity, said the vote was delayed.",
         ("Two members", "anonymous")),
        ("Speaking on condition of anonymity, the spokesman said the vote was delayed.",
         ("the spokesman", "anonymous")),
        # The clause's own verb ("declined", "requested") reports nothing (session 17):
        # the source is the subject of "said", without "who".
        ("The spokesman, who declined to be identified, said the vote was delayed.",
         ("The spokesman", "anonymous")),
        ("Voters said the vote was delayed, speaking on condition of anonymity.",
         ("Voters", "anonymous")),
        ("Two members said, on condition that they not be named, that the vote was delayed.",
         ("Two members", "anonymous")),
        ("The businessman, who requested anonymity, said the vote was delayed.",
         ("The businessman", "anonymous")),
    ],
)
def test_an_unnamed_source_with_an_anonymity_clause_is_anonymous(
    sentence: str, source: tuple[str, str]
) -> None:
    assert source in sources(sentence)


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        # Anonymous already by the lexicon's unnamed roles; the clause keeps them so.
        ("Officials, who spoke on condition of anonymity, said the talks had stalled.",
         ("Officials", "anonymous")),
        ("Speaking on condition of anonymity, an aide said the talks had stalled.",
         ("an aide", "anonymous")),
        # A name stays named: the anonymity is about something else.
        ("Smith, who spoke on condition of anonymity about the budget, said the talks had "
         "stalled.", ("Smith", "person")),
        ("John Smith said the talks had stalled, speaking on condition of anonymity.",
         ("John Smith", "person")),
        # A pronoun keeps its type: its referent was typed where it was introduced.
        ("The talks stalled, he said, speaking on condition of anonymity.", ("he", "pronoun")),
        # "not be named" outside a clause about the source withholds nothing of the source.
        ("The spokesman said the victim would not be named.", ("The spokesman", "person")),
        ("The spokesman, who said the victim would not be named until Monday, declined "
         "to comment.", ("The spokesman, who", "person")),
    ],
)
def test_other_sources_keep_their_type(sentence: str, source: tuple[str, str]) -> None:
    assert source in sources(sentence)


def test_the_council_sentence_counts_as_an_anonymous_source() -> None:
    text = "Riverton bridge vote delayed\n\n" + COUNCIL + "\n"
    analysis = analyze_article(replace(article_from_text(text, "council"), outlet="Outlet"))
    assert analysis.scores.sources_anonymous == 1
    assert analysis.scores.sources_named == 0


@pytest.mark.parametrize(
    ("text", "relative", "whole"),
    [
        ("a person who requested anonymity said", 1, False),
        ("officials, who spoke on condition of anonymity, said", 1, False),
        ("an aide said, speaking on condition of anonymity", 0, True),
        ("an aide said on condition that he not be named", 0, True),
        ("who asked not to be identified because they were not authorized to speak", 1, False),
        ("who declined to be identified", 1, False),
        ("the victim would not be named", 0, False),
    ],
)
def test_withheld_identity_finds_the_clauses(text: str, relative: int, whole: bool) -> None:
    starts, anywhere = withheld_identity(text)
    assert (len(starts), anywhere) == (relative, whole)


def test_an_indefinite_capitalised_noun_with_the_clause_is_anonymous() -> None:
    # "one Republican" reads as a name without the clause; with it, one of a camp
    sentence = "One Republican, who spoke on condition of anonymity, said the vote was delayed."
    assert ("One Republican", "anonymous") in sources(sentence)
    assert ("One Republican", "person") in sources("One Republican said the vote was delayed.")


def test_a_respondent_who_responded_anonymously_is_anonymous() -> None:
    sentence = "The vote was delayed, said a voter, who, like all respondents, responded anonymously."
    assert ("a voter", "anonymous") in sources(sentence)
