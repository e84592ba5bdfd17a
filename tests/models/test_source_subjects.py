"""Sources the finder used to miss or cut (PolNeAR train's missed Source spans, session 17):
the subject of "cited", shares such as "six in 10", a subject before a relative clause,
anonymity clauses further from the source, and noun phrases that took a verb before their
article. Sentences written for these tests."""

from __future__ import annotations

import pytest

from models.attribution import withheld_identity
from models.cues import default_finder


def sources(text: str) -> list[tuple[str, str]]:
    return [(s.text, s.subcategory) for s in default_finder().find(text) if s.category == "source"]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("The letter cited an April summit on the virus.", ("The letter", "document")),
        ("Trump never cited a source for his claim.", ("Trump", "person")),
        ("The senator has often cited his state's rural culture.", ("The senator", "person")),
    ],
)
def test_the_subject_of_cited_is_the_source(sentence: str, source: tuple[str, str]) -> None:
    assert sources(sentence) == [source]


def test_citing_still_names_whom_the_report_relies_on() -> None:
    found = sources("The station reported the raid on Monday, citing four sources.")
    assert ("four sources", "anonymous") in found


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("About one in five say they would not vote.", ("one in five", "group")),
        ("Six in 10 say he is decisive.", ("Six in 10", "group")),
        ("Many voters shrugged, with three in 10 saying it had no effect.",
         ("three in 10", "group")),
    ],
)
def test_a_share_of_those_asked_is_a_group_source(
    sentence: str, source: tuple[str, str]
) -> None:
    assert source in sources(sentence)


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("A White House official who spoke anonymously said that the plan was ready.",
         ("A White House official", "anonymous")),
        ("Democrats in Iowa who watched the debate said they were unfazed.",
         ("Democrats in Iowa", "group")),
        # The relative clause's own report verb ("to discuss") does not take the cue.
        ("A White House official who spoke anonymously to discuss internal strategy said "
         "Wednesday that the plan was ready.", ("A White House official", "anonymous")),
    ],
)
def test_the_subject_before_a_relative_clause_is_the_source(
    sentence: str, source: tuple[str, str]
) -> None:
    assert sources(sentence) == [source]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Two members, both of whom asked not to be named, said the plan was ready.",
         ("Two members", "anonymous")),
        ("The plan is ready, said one Republican involved in the planning, who spoke on "
         "the condition of anonymity.", ("one Republican", "anonymous")),
        ("It is over, said one well-connected Democrat familiar with the campaign, who "
         "requested anonymity.", ("one well-connected Democrat", "anonymous")),
    ],
)
def test_an_anonymity_clause_further_from_the_source(
    sentence: str, source: tuple[str, str]
) -> None:
    assert sources(sentence) == [source]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        # As the lexicon's "people familiar with", "a source close to": a go-between.
        ("It was not convincing, said one Democrat familiar with the discussion.",
         ("one Democrat", "anonymous")),
        ("The businessman close to the campaign said it was over.",
         ("The businessman", "anonymous")),
    ],
)
def test_an_unnamed_source_familiar_with_or_close_to_is_anonymous(
    sentence: str, source: tuple[str, str]
) -> None:
    assert sources(sentence) == [source]


def test_a_name_familiar_with_the_talks_stays_named() -> None:
    assert sources("It was over, said John Smith, familiar with the talks.") == [
        ("John Smith", "person")
    ]


def test_both_of_whom_opens_a_withholding_clause() -> None:
    text = "Two members, both of whom asked not to be named, said so."
    assert withheld_identity(text) == ((text.index("both"),), False)


def test_a_phrase_between_a_name_and_the_clause_does_not_make_it_anonymous() -> None:
    # A name stays a name, wherever the clause is.
    assert sources(
        "It is over, said John Smith of the campaign, who spoke on condition of anonymity."
    )[0][1] == "person"


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        # The verb before the article is no part of the source.
        ("He met a woman who says she was groped.", ("a woman who", "described")),
        ("Minutes later, she sent an email saying it was done.", ("an email", "document")),
    ],
)
def test_a_verb_before_an_article_is_not_in_the_source(
    sentence: str, source: tuple[str, str]
) -> None:
    assert source in sources(sentence)
