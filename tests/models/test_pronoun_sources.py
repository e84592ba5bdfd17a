"""Pronoun sources in the sources table: "he said" is a mention of the person it names when
that is clear (the only person the sources of its sentence and the two before name), else
it stays marked in the text and counted nowhere. Sentences written for these tests."""

from __future__ import annotations

from dataclasses import replace

import pytest

from models.features import ArticleAnalysis, analyze_article, article_from_text
from models.measures import measure
from models.sources import Source, find_sources, pronoun_referents, source_rows


def analysed(article_id: str, text: str, outlet: str = "Outlet") -> ArticleAnalysis:
    return analyze_article(replace(article_from_text(text, article_id), outlet=outlet))


def by_name(sources: list[Source]) -> dict[str, Source]:
    return {s.name: s for s in sources}


def test_a_pronoun_after_one_named_person_is_a_mention_of_that_person() -> None:
    text = ("Donald Trump said the wall would be built. He added that Mexico would pay. "
            "He went on to say it would be cheap.")
    found = by_name(find_sources([analysed("a", text)]))
    trump = found["Donald Trump"]
    assert [(m.text, m.source_type) for m in trump.mentions] == [
        ("Donald Trump", "person"), ("He", "pronoun"), ("He", "pronoun")
    ]
    assert "anaphora" in trump.merged_by
    assert trump.source_type == "person"
    # Its aliases are names only: the pronoun is no alias.
    assert trump.aliases == ("Donald Trump",)
    (row,) = source_rows([trump])
    assert row["mentions"] == 3
    assert row["texts"] == "Donald Trump|He"


def test_a_she_after_one_named_woman_is_her_mention() -> None:
    text = "Mrs. Clinton said the plan works. She said it was cheap."
    clinton = by_name(find_sources([analysed("a", text)]))["Clinton"]
    assert len(clinton.mentions) == 2


@pytest.mark.parametrize(
    "text",
    [
        # Two people cited before it.
        "Trump said the plan works. Cruz said it fails. He said it is bad.",
        # An unnamed person cited beside the named one.
        "An aide said the plan works. Trump agreed. He said it fails.",
        # The honorific says another sex.
        "Mrs. Clinton said the plan works. He said it fails.",
        # The named person is further back than two sentences.
        "Trump said the plan works. The rally ended. Night fell. The crowd left. "
        "He said it fails.",
        # No source named before it at all.
        "Donald Trump spoke in Ohio on Monday. He said the wall would be built.",
        # Another person, named with an honorific but not cited, stands between.
        "Sean Spicer said the host was involved. The role for Mr. Hannity is one he "
        "denied on Friday.",
        # A person cited elsewhere in the article is named between.
        "Mitt Romney said the recovery was slow. Obama used his speech to call out "
        "Trump, whom he accused of preying on anxieties. Obama said the economy grew.",
    ],
)
def test_a_pronoun_with_no_clear_person_stays_uncounted(text: str) -> None:
    found = find_sources([analysed("a", text)])
    assert all(m.source_type != "pronoun" for s in found for m in s.mentions)


def test_they_is_never_one_person() -> None:
    text = "Trump said the plan works. They said it fails."
    found = find_sources([analysed("a", text)])
    assert all(m.text != "They" for s in found for m in s.mentions)


def test_the_named_sources_count_does_not_change() -> None:
    # A pronoun names someone named: the distinct named sources stay one.
    text = "Donald Trump said the wall would be built. He added that Mexico would pay."
    scores = analysed("a", text).scores
    assert scores.sources_named == 1
    assert scores.sources_named_people == 1  # "he" is a mention of Donald Trump
    assert measure("sources_named").unit == "distinct names"


def test_pronoun_referents_name_the_person_each_counted_pronoun_is_a_mention_of() -> None:
    # What the Read view's tooltip shows: only the pronouns sources.csv counts.
    text = ("Donald Trump said the wall would be built. He added that Mexico would pay. "
            "An aide said the plan was old, and he told reporters nothing more.")
    analysis = analysed("a", text)
    first_he = text.index("He added")
    assert pronoun_referents(analysis) == {(first_he, first_he + 2): "Donald Trump"}


def test_a_person_counted_with_both_he_and_she_keeps_only_the_more_frequent() -> None:
    # Bench corpus: "While Clinton is an outspoken supporter …, she has never said" was
    # counted for Marco Rubio (Clinton named, not cited), whom two "he" also named.
    text = ("Marco Rubio said the plan was bad. He added that it would fail. While Clinton "
            "is an outspoken supporter of it, she has never said so. Rubio said the vote "
            "would be close. He said he would win.")
    rubio = by_name(find_sources([analysed("a", text)]))["Marco Rubio"]
    assert [m.text for m in rubio.mentions if m.source_type == "pronoun"] == ["He", "He"]


def test_two_people_of_each_sex_keep_their_own_pronouns() -> None:
    text = ("Bill Clinton said the plan was bad. He added that it would fail. "
            "Hillary Clinton said the vote would be close. She said she would win.")
    found = by_name(find_sources([analysed("a", text)]))
    assert [m.text for m in found["Bill Clinton"].mentions if m.source_type == "pronoun"] == ["He"]
    assert [m.text for m in found["Hillary Clinton"].mentions
            if m.source_type == "pronoun"] == ["She"]
