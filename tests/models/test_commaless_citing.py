""""citing" with no comma before it, after the verb phrase of its clause: the clause's
subject is who cites, as after a comma. Seed 003 S7, "two commanders have previously
resigned citing conditions at the front", had a "citing" with no source. Sentences
written for these tests in the manner of news reports."""

from __future__ import annotations

from dataclasses import replace

import pytest

from models.cues import default_finder
from models.features import analyze_article, article_from_text
from models.sources import find_sources


def sources(text: str) -> list[tuple[str, str]]:
    return [(s.text, s.subcategory) for s in default_finder().find(text) if s.category == "source"]


@pytest.mark.parametrize(("sentence", "source"), [
    # seed 003 S7
    ("Two commanders have previously resigned citing conditions at the front.",
     ("Two commanders", "group")),
    ("Two commanders stepped down citing conditions at the front.",
     ("Two commanders", "group")),
    ("The minister resigned on Monday citing health reasons.", ("The minister", "person")),
    ("The firm halted sales citing safety concerns.", ("The firm", "institution")),
])
def test_the_subject_of_a_commaless_citing_is_who_cites(
    sentence: str, source: tuple[str, str]
) -> None:
    assert sources(sentence) == [source]


def test_the_comma_and_an_opening_citing_are_unchanged() -> None:
    assert sources("Two commanders have previously resigned, citing conditions at the "
                   "front.") == [("Two commanders", "group")]
    assert sources("Citing conditions at the front, the minister said he would "
                   "resign.") == [("the minister", "person")]
    # the cited source is still the one named after "citing"
    assert sources("The station reported the raid on Monday citing four sources.") == [
        ("four sources", "anonymous")
    ]


@pytest.mark.parametrize("sentence", [
    # the officials are who cite (a participle after its noun), not Ivanov
    "Sergei Ivanov met officials citing security concerns.",
    # a gerund: the subject of its own clause
    "Sergei Ivanov said citing old polls was misleading.",
    # no cited noun phrase follows
    "Sergei Ivanov was fined for citing the wrong statute.",
])
def test_no_citer_where_citing_is_not_the_clauses_participle(sentence: str) -> None:
    article = analyze_article(replace(article_from_text(sentence, "a"), outlet="A"))
    verbs = [m.report_verb for s in find_sources([article]) for m in s.mentions]
    assert "cite" not in verbs


def test_a_named_subject_cites_without_the_comma() -> None:
    article = analyze_article(replace(article_from_text(
        "Sergei Ivanov resigned on Monday citing health reasons.", "a"), outlet="A"))
    assert [(s.name, [m.report_verb for m in s.mentions]) for s in find_sources([article])] == [
        ("Sergei Ivanov", ["cite"])
    ]
