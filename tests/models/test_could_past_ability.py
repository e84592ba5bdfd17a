""""could" as the past of "can" in a time long past ("As a child he could swim for
miles", "Back then a family could live on one wage"): what someone was able to do, no
possibility weighed, so no hedge. Sentences written for these tests in the manner of news
reports."""

from __future__ import annotations

import pytest

from models.cues import default_finder
from models.engines import CachingCueFinder
from models.features import analyze_article, article_from_text


def hedges(sentence: str) -> list[str]:
    return [s.text for s in default_finder().find(sentence) if s.category == "hedge"]


@pytest.mark.parametrize("sentence", [
    "As a child he could swim for miles.",
    "As a child, he could swim for miles.",
    "As a young man the mayor could run a mile in five minutes.",
    "In his youth my grandfather could lift a sack of coal.",
    "In her twenties she could speak four languages.",
    "Back then a family of four could live on one wage.",
    "In those days the ferry crossing could take a whole day.",
    "In 1990 the mill could still employ most of the town.",
    "He could swim for miles as a child.",
])
def test_could_of_past_ability_is_no_hedge(sentence: str) -> None:
    assert "could" not in hedges(sentence)


@pytest.mark.parametrize("sentence", [
    "He could swim for miles.",
    # a perfect after a past frame: a possibility weighed ("could have drowned")
    "As a child he could have drowned in the river.",
    # a report between the frame and the modal: the speaker's estimate
    "In 1990 officials said the dam could fail.",
    "Back then engineers warned that the dam could fail.",
    # a time to come, or a year that may be: a forecast
    "Next year the mill could employ most of the town.",
    "In 2030 the mill could employ most of the town.",
    # a year after the modal dates the event weighed, not the ability
    "He said the dam could fail in 1990.",
])
def test_could_without_a_past_frame_of_its_own_clause_stays_a_hedge(sentence: str) -> None:
    assert "could" in hedges(sentence)


def _article_hedges(text: str, date: str) -> list[str]:
    article = article_from_text(text)
    article.date = date
    return [s.text for s in analyze_article(article).spans if s.category == "hedge"]


@pytest.mark.parametrize("sentence", [
    "In 2005 she could run a mile in five minutes.",
    "In 2015 the mill could still employ most of the town.",
    "In the 2000s a family of four could live on one wage.",
])
def test_a_year_of_this_century_before_the_articles_date_is_past(sentence: str) -> None:
    # the article is dated 2016-09-26: 2005 is past, "could" the past of "can"
    assert "could" not in _article_hedges(sentence, "2016-09-26")
    # with the same sentence in a finder given the year, as the cue cache is
    assert "could" not in [
        s.text for s in CachingCueFinder().find(sentence, published_year=2016)
        if s.category == "hedge"
    ]


@pytest.mark.parametrize(("sentence", "date"), [
    # a year to come, or the article's own year: a forecast, weighed
    ("In 2030 the mill could employ most of the town.", "2016-09-26"),
    ("In 2016 the mill could employ most of the town.", "2016-09-26"),
    ("By 2030 prices could rise by a third.", "2016-09-26"),
    # a report between the year and the modal: the speakers' estimate
    ("In 2005 officials said the dam could fail.", "2016-09-26"),
    # no date: whether 2005 is past the article does not say
    ("In 2005 she could run a mile in five minutes.", ""),
])
def test_a_year_of_this_century_not_past_keeps_could_a_hedge(sentence: str, date: str) -> None:
    assert "could" in _article_hedges(sentence, date)


def test_the_cue_cache_keeps_each_articles_year_apart() -> None:
    # one sentence, two articles' years: each gets its own reading from one cache
    cache = CachingCueFinder()
    sentence = "In 2005 she could run a mile in five minutes."
    for year, hedged in ((2016, False), (2003, True), (None, True), (2016, False)):
        found = [s.text for s in cache.find(sentence, published_year=year)
                 if s.category == "hedge"]
        assert ("could" in found) is hedged
