"""The cue finder and the own-voice measures read the same quotations: a report verb is
dropped as the quoted speaker's exactly where models.quotations.quotation_intervals
says it is quoted, and no report verb the cue finder keeps is flagged quoted. Until
session 27 the cue finder read an article sentence by sentence with a carried yes/no
state, and differed on the first two articles below. Articles written for these tests."""

from __future__ import annotations

import pytest

from models.article import Article, Span
from models.cues import CueFinder, default_finder
from models.engines import CachingCueFinder
from models.features import article_from_text
from models.quotations import is_quoted, quotation_intervals
from models.voice import quoted_flags

# name -> (article, the report verbs found, the report verbs inside a quotation, dropped)
ARTICLES = {
    # Carried into its second sentence, the quotation is known to be in double marks:
    # the apostrophe of "players’" closes nothing (it used to close a carried one).
    "carried with an apostrophe": (
        "The captain spoke after training. She said: “Talks are over. The players’ union "
        "says no deal is near. We are done,” she told reporters.",
        ["said", "told reporters"], ["says"]),
    # Never closed, and the next paragraph does not reopen it: it ends with its
    # sentence, and "claim" is the writer's (it used to run to the paragraph's end).
    "unclosed": (
        "The coach said: “We will play hard. Fans claim the title is ours.\n\n"
        "The club said the match was sold out.",
        ["said", "claim", "said"], []),
    "over several sentences": (
        "“The pier is closed. Engineers say it is unsafe. Repairs will take a year,” the "
        "harbour master said.\n\nThe council announced a review.",
        ["said", "announced"], ["say"]),
    "reopened in the next paragraph": (
        "He said: “We will win. Voters claim they want change.\n\n"
        "“And we will govern,” he added.",
        ["said", "added"], ["claim"]),
    "nested quotes": (
        "“Engineers warn of cracks in ‘the new pier’. Nobody believes the mayor,” an aide "
        "said. ‘Critics called it “a sham”. Residents say it failed. We disagree,’ the "
        "minister said.",
        ["said", "said"], ["warn", "called", "say"]),
    "a lost opening mark": (
        "Officials told him the vote is lost,” Warren said as he left.",
        ["said"], ["told"]),
}


def _attributions(spans: list[Span]) -> list[Span]:
    return [s for s in spans if s.category == "attribution"]


def _check_agreement(article: Article, finder: CueFinder) -> tuple[list[str], list[str]]:
    """Assert that ``finder`` drops exactly the report verbs inside the article's
    quotations; the verbs found, and those dropped, in order."""
    intervals = quotation_intervals(article)
    spans = finder.find_in_article(article)
    found = _attributions(spans)
    # every report verb of each sentence read as if nothing in it were quoted
    unquoted = [s for sentence in article.sentences for s in _attributions(finder.find(
        sentence.text, offset=sentence.start, sentence_index=sentence.index, quotes=()))]
    dropped = [s for s in unquoted if is_quoted(s.start, intervals.get(s.sentence_index, ()))]
    assert [(s.start, s.end) for s in found] == [
        (s.start, s.end) for s in unquoted if s not in dropped]
    # the spans' quoted flags (spans.csv's quoted column) say no kept verb is quoted
    assert not any(quoted_flags(article, found))
    return [s.text for s in found], [s.text for s in dropped]


@pytest.mark.parametrize("name", ARTICLES)
@pytest.mark.parametrize("make_finder", [default_finder, CachingCueFinder])
def test_the_cue_finder_drops_the_report_verbs_quotation_intervals_quotes(
        name: str, make_finder: type[CueFinder]) -> None:
    text, kept, dropped = ARTICLES[name]
    article = article_from_text(text, name)
    finder = make_finder()
    assert _check_agreement(article, finder) == (kept, dropped)
    assert _check_agreement(article, finder) == (kept, dropped)  # a caching finder's hits


def test_a_sentence_cached_inside_a_quotation_is_read_afresh_alone_and_unquoted() -> None:
    finder = CachingCueFinder()
    sentence = "The players’ union says no deal is near."
    text, _, _ = ARTICLES["carried with an apostrophe"]
    quoted = finder.find_in_article(article_from_text(text, "quoted"))
    assert "says" not in [s.text for s in _attributions(quoted)]
    # the same sentence alone, and in an article where nothing quotes it
    assert "says" in [s.text for s in _attributions(finder.find(sentence))]
    plain = finder.find_in_article(article_from_text(f"Talks stalled. {sentence}", "plain"))
    assert "says" in [s.text for s in _attributions(plain)]
    assert finder.hits == 0  # three readings, three keys
