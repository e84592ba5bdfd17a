"""A claim whose only hedge is inside a quotation stands at "attributed", not "epistemic"
(drift19, session 19): the outlet reports that a speaker hedged, it does not hedge in its
own voice (models.voice's quotation rule). The quoted hedge's probability range is kept.
Sentences written for these tests, through the real cue finder and quotation rule."""

from __future__ import annotations

from dataclasses import replace

import pytest

from models.claims import SentenceCertainty, align_claims, sentence_certainty
from models.features import ArticleAnalysis, analyze_article, article_from_text
from models.voice import quoted_flags


def _levels(text: str) -> list[SentenceCertainty]:
    """Each sentence's certainty, with the article's quoted spans (as the alignment reads them)."""
    analysis = analyze_article(article_from_text(text))
    quoted = frozenset(s for s, inside in zip(
        analysis.spans, quoted_flags(analysis.article, analysis.spans), strict=True) if inside)
    return [sentence_certainty(sentence, [s for s in analysis.spans
                                          if s.sentence_index == sentence.index], (), quoted)
            for sentence in analysis.article.sentences]


def test_a_quoted_speakers_hedge_makes_the_claim_attributed_with_its_range() -> None:
    [result] = _levels("“The army is probably moving its tanks north of the river,” the "
                       "ministry said.")
    assert result.certainty == "attributed"
    assert result.quoted_hedge.lower() == "probably"
    assert result.attributed_to == "the ministry"
    # The speaker's range is kept, the same as the outlet's own 'probably' gets.
    [own] = _levels("The army is probably moving its tanks north of the river, the ministry said.")
    assert own.certainty == "epistemic" and own.quoted_hedge == ""
    assert (result.probability_low, result.probability_high) == (
        own.probability_low, own.probability_high)
    assert result.probability_low is not None


def test_a_quotation_over_two_sentences_quotes_the_hedge_of_the_second() -> None:
    levels = _levels("The general spoke on Monday.\n\n“The army has left the city. It is "
                     "probably moving its tanks north of the river,” the general said.")
    assert [r.certainty for r in levels] == ["asserted", "attributed", "attributed"]
    assert levels[2].quoted_hedge.lower() == "probably"


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        # A partial quotation inside reported speech.
        ("The mayor said the army is “possibly” moving its tanks north of the river.",
         "possibly"),
        # An evidential hedge in the speaker's words is the speaker's too.
        ("“The army is reportedly moving its tanks north of the river,” the mayor said.",
         "reportedly"),
        # Scare quotes with no report verb: the marks give the word to someone else.
        ("The army’s “probable” target is the old bridge over the river.", "probable"),
    ],
)
def test_quoted_hedges_are_the_speakers(text: str, hedge: str) -> None:
    [result] = _levels(text)
    assert (result.certainty, result.quoted_hedge.lower()) == ("attributed", hedge)


def test_the_outlets_own_hedge_still_decides_beside_a_quoted_one() -> None:
    [result] = _levels("The army is likely moving north, and the general said the tanks are "
                       "“probably” headed for the border.")
    assert result.certainty == "epistemic"
    assert result.cue.lower() == "likely" and result.quoted_hedge == ""


def test_without_the_quoted_spans_a_sentence_is_read_as_before() -> None:
    """Called without ``quoted`` (a caller that has no article), a hedge counts as own."""
    analysis = analyze_article(article_from_text(
        "“The army is probably moving its tanks north of the river,” the ministry said."))
    sentence = analysis.article.sentences[0]
    assert sentence_certainty(sentence, analysis.spans).certainty == "epistemic"


def _article(text: str, outlet: str, article_id: str) -> ArticleAnalysis:
    return analyze_article(replace(article_from_text(text, article_id), outlet=outlet))


def test_alignment_places_a_quoted_hedge_at_attributed_and_an_own_one_at_epistemic() -> None:
    claim = "probably banning senior officials from resigning from their posts during the war"
    analyses = [
        _article(f"The Russian state is {claim}.", "Own Voice Daily", "a1"),
        _article(f"“The Russian state is {claim},” the ministry said.", "Quoting Post", "a2"),
    ]
    alignment = align_claims(analyses)
    [found] = [c for c in alignment.claims if len(c.outlets) == 2]
    levels = {m.outlet: m for m in found.representatives()}
    assert levels["Own Voice Daily"].certainty == "epistemic"
    quoting = levels["Quoting Post"]
    assert quoting.certainty == "attributed" and quoting.quoted_hedge.lower() == "probably"
    assert quoting.attributed_to == "the ministry"
    assert (quoting.probability_low, quoting.probability_high) == (
        levels["Own Voice Daily"].probability_low, levels["Own Voice Daily"].probability_high)
    # The evidence panel highlights the report verb and the quoted hedge.
    text = analyses[1].article.text
    assert {text[a:b].lower() for a, b in quoting.highlights} == {"said", "probably"}
