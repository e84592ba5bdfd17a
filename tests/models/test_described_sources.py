"""Described sources: one specific person the text describes but does not name ("the
businessman said", "his wife told reporters"), a source subcategory of its own, counted
apart from named and anonymous sources. Sentences written for these tests."""

from __future__ import annotations

import pytest

from models.cues import default_finder


def sources(text: str) -> list[tuple[str, str]]:
    return [(s.text, s.subcategory) for s in default_finder().find(text) if s.category == "source"]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("The businessman said he would win the state.", ("The businessman", "described")),
        ("His wife told reporters she was proud of him.", ("His wife", "described")),
        ("One voter said she was still undecided.", ("One voter", "described")),
        ("\"We will win,\" the billionaire businessman said.",
         ("the billionaire businessman", "described")),
        ("The actress explained why the role mattered.", ("The actress", "described")),
        ("A friend of Trump said the deal was fair.", ("A friend of Trump", "described")),
        # After the verb, as PolNeAR's inverted quotes: "…, says a narrator."
        ("It is more of the same, says a narrator.", ("a narrator", "described")),
        # Before a parenthetical or an apposition, as a name would be.
        ("His wife, for example, said she was proud.", ("His wife", "described")),
        ("One man, a retired teacher, said he was angry.", ("One man", "described")),
    ],
)
def test_a_person_described_but_not_named_is_a_described_source(
    sentence: str, source: tuple[str, str]
) -> None:
    assert sources(sentence) == [source]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        # Unidentifiable by design: the lexicon's phrases, unnamed roles, indefinite titles.
        ("A senior official said the talks had failed.", ("A senior official", "anonymous")),
        ("A Trump campaign aide said the rally was full.",
         ("A Trump campaign aide", "anonymous")),
        ("A military spokesman said the base was safe.", ("A military spokesman", "anonymous")),
        # A title is a person, as before; a name after the noun makes a person.
        ("The spokesman said the base was safe.", ("The spokesman", "person")),
        ("Businessman Donald Trump said he would win.",
         ("Businessman Donald Trump", "person")),
        # Capitalised, the noun is a name: a surname, an outlet.
        ("Mr. Singer said the book was fair.", ("Singer", "person")),
        # Plural: a group, as before.
        ("Her friends said she was happy.", ("Her friends", "group")),
    ],
)
def test_anonymous_titled_named_and_group_sources_keep_their_types(
    sentence: str, source: tuple[str, str]
) -> None:
    assert sources(sentence) == [source]


def test_a_name_before_a_described_apposition_stays_the_source() -> None:
    # The apposition "chief executive of CloudFlare" types as a described person now;
    # the name it describes still wins.
    assert sources(
        "Matthew Prince, chief executive of CloudFlare, a San Francisco company, said that "
        "the sites were critical of it."
    ) == [("Matthew Prince", "person")]
