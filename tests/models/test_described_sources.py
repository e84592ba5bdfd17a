"""Described sources: one specific person the text describes but does not name ("the
businessman said", "his wife told reporters"), a source subcategory of its own, counted
apart from named and anonymous sources. Sentences written for these tests."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

import pytest

from desktop.cli import SENTENCE_COLUMNS, run_command
from models.cues import default_finder
from models.evidence import measure_sentences
from models.export import SCORES_COLUMNS, write_scores_csv
from models.features import ArticleAnalysis, analyze_article, article_from_text
from models.measures import measure
from models.sources import find_sources


def sources(text: str) -> list[tuple[str, str]]:
    return [(s.text, s.subcategory) for s in default_finder().find(text) if s.category == "source"]


def analysed(article_id: str, text: str, outlet: str = "Outlet") -> ArticleAnalysis:
    return analyze_article(replace(article_from_text(text, article_id), outlet=outlet))


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


def test_described_sources_are_counted_apart_from_named_and_anonymous() -> None:
    analysis = analysed(
        "d",
        "The businessman said he would win. His wife told reporters she was "
        "proud. The mayor said the count was fair. Officials said nothing more. The businessman "
        "added that he was tired.",
    )
    described = [s.text for s in analysis.spans if s.subcategory == "described"]
    assert described == ["The businessman", "His wife", "The businessman"]
    assert analysis.scores.sources_described == 3  # mentions, as anonymous ones
    # 'The mayor': a role without a name, no source name since session 22 (as Named
    # sources had it: a role written without a capital names no one).
    assert analysis.scores.sources_named == 0
    assert analysis.scores.sources_anonymous == 1  # officials
    body = {s.index: s.text for s in analysis.article.body_sentences}
    assert [body[r.sentence_index] for r in measure_sentences(analysis, "sources_described")] == [
        "The businessman said he would win.",
        "His wife told reporters she was proud.",
        "The businessman added that he was tired.",
    ]
    assert measure("sources_described").unit == "mentions"


def test_described_sources_is_an_added_scores_column(tmp_path: Path) -> None:
    assert SCORES_COLUMNS.index("sources_described") > SCORES_COLUMNS.index(
        "headline_sensational"
    )
    analysis = analysed("d", "Race is tied\n\nThe businessman said he would win.")
    out = tmp_path / "scores.csv"
    write_scores_csv(out, [analysis])
    with out.open(encoding="utf-8", newline="") as handle:
        (row,) = list(csv.DictReader(handle))
    assert row["sources_described"] == "1" and row["sources_named"] == "0"


def test_sentences_command_counts_described_sources(tmp_path: Path) -> None:
    source = tmp_path / "in.txt"
    source.write_text("His wife told reporters she was proud.\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    assert run_command(["sentences", str(source), "--out", str(out)]) == 0
    with out.open(encoding="utf-8", newline="") as handle:
        (row,) = list(csv.DictReader(handle))
    assert list(row) == list(SENTENCE_COLUMNS)
    assert row["source_described"] == "1" and row["source_named"] == "0"
    assert row["source_anonymous"] == "0"


def test_a_described_person_is_the_person_named_with_the_noun_or_stays_in_its_article() -> None:
    texts = [
        ("a", "Billionaire businessman Donald Trump said he would win. The businessman told "
              "reporters he was sure."),
        ("b", "The businessman said the deal was fair."),
        ("c", "The businessman said the deal was unfair."),
    ]
    found = find_sources([analysed(i, t, i.upper()) for i, t in texts])
    trump = next(s for s in found if s.name == "Donald Trump")
    assert [m.text for m in trump.mentions] == ["Billionaire businessman Donald Trump",
                                                "The businessman"]
    assert trump.source_type == "person" and "anaphora" in trump.merged_by
    # Two unnamed businessmen of two articles are not one source, nor any chart row.
    rest = [s for s in found if s is not trump]
    assert {s.source_id for s in rest} == {"unnamed:b:businessman", "unnamed:c:businessman"}
    assert {s.source_type for s in rest} == {"described"}
