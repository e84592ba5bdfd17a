"""Scores computed from spans: units, negation, undefined values."""

import pytest

from models.article import Span
from models.features import article_from_text, count_words, score_spans


def _span(index: int, category: str, sub: str, *, low=None, high=None, negated=False,
          term="x") -> Span:
    return Span(0, 1, "x", category, sub, term, index, low, high, negated)


def test_count_words() -> None:
    assert count_words("Putin’s top officials can't quit — 200,000 troops.") == 7


def test_rates_are_per_100_body_words_and_negated_cues_do_not_count() -> None:
    article = article_from_text("one two three four five six seven eight nine ten.")
    spans = [
        _span(0, "hedge", "epistemic", low=0.55, high=0.75),
        _span(0, "hedge", "epistemic", low=0.25, high=0.45, negated=True),
        _span(0, "booster", "certainty", negated=True),
        _span(0, "attribution", "factive"),
        _span(0, "attribution", "neutral"),
        _span(0, "source", "person", term="Dmitry Peskov"),
        _span(0, "source", "person", term="dmitry peskov"),
        _span(0, "source", "anonymous"),
    ]
    scores, _ = score_spans(article, spans, [0.0])
    assert scores.words == 10
    assert scores.hedges_epistemic_per_100w == pytest.approx(10.0)
    assert scores.boosters_per_100w == 0.0
    assert scores.estimative_probability_mean == pytest.approx(0.65)
    assert scores.attributions_per_100w == pytest.approx(20.0)
    assert scores.attributions_factive_share == pytest.approx(0.5)
    assert scores.sources_named == 1  # the same name, told apart only by case
    assert scores.sources_anonymous == 1


def test_undefined_values_are_none() -> None:
    scores, _ = score_spans(article_from_text(""), [], [])
    assert scores.words == 0 and scores.sentences == 0
    # No body words: no rate (was 0.0, which pulled outlet means down; see
    # test_headline_only_article).
    assert scores.hedges_epistemic_per_100w is None and scores.tone_mean is None
    assert scores.estimative_probability_mean is None
    assert scores.attributions_factive_share is None
    assert scores.headline_tone is None and scores.headline_hedged is None
    assert scores.value("headline_body_gap") is None
