"""Tone: VADER's compound score, one sentence at a time.

VADER's compound score runs from -1 (most negative) to 1 (most positive). On a
whole long text it saturates towards ±1, so Framescope scores sentences and
aggregates (Hutto & Gilbert 2014).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from models import vader_fast

# VADER's authors' threshold: compound <= -0.05 is negative, >= 0.05 positive.
NEGATIVE_THRESHOLD = -0.05
POSITIVE_THRESHOLD = 0.05


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def vader_analyzer() -> Any:
    """This process's vaderSentiment ``SentimentIntensityAnalyzer`` (loaded once)."""
    return _analyzer()


@lru_cache(maxsize=65536)
def sentence_tone(text: str) -> float:
    """VADER compound score of one sentence, from -1 to 1 (cached: wire copy repeats)."""
    return polarity_scores(text)[3]


@lru_cache(maxsize=65536)
def polarity_scores(text: str) -> tuple[float, float, float, float]:
    """VADER's (neg, neu, pos, compound) for one sentence; (0, 0, 0, 0) for blank text."""
    if not text.strip():
        return (0.0, 0.0, 0.0, 0.0)
    return _vader_pass(text)[0]


@lru_cache(maxsize=8192)
def _vader_pass(
    text: str,
) -> tuple[tuple[float, float, float, float], str, tuple[float, ...]]:
    # VADER's own rules and arithmetic, with less repeated work: the same floats. Kept
    # for fewer texts than polarity_scores (an article's worth): tone_news reads the
    # valences of each sentence right after tone_vader's scores of it.
    scores, scored, valences = vader_fast.scores_and_valences(text)
    return ((float(scores["neg"]), float(scores["neu"]), float(scores["pos"]),
             float(scores["compound"])), scored, tuple(valences))


def vader_valences(text: str) -> tuple[list[str], tuple[float, ...]]:
    """The tokens (``split()``) of the text VADER scored, and each one's valence after
    VADER's rules (0 for none), from the same pass as :func:`polarity_scores`."""
    if not text.strip():
        return [], ()
    _, scored, valences = _vader_pass(text)
    return scored.split(), valences


def clear_caches() -> None:
    """Forget every sentence's VADER scores (benchmarks time the work itself)."""
    polarity_scores.cache_clear()
    sentence_tone.cache_clear()
    _vader_pass.cache_clear()


def vader_lexicon() -> dict[str, float]:
    """VADER's word valences (-4 to 4), as shipped with vaderSentiment (MIT)."""
    lexicon: dict[str, float] = _analyzer().lexicon
    return lexicon


def sentence_tones(texts: Iterable[str]) -> list[float]:
    """VADER compound score of each sentence, in order."""
    return [sentence_tone(t) for t in texts]


def mean_tone(tones: Sequence[float]) -> float:
    """Mean compound score, 0.0 for no sentences."""
    return sum(tones) / len(tones) if tones else 0.0


def negative_share(tones: Sequence[float]) -> float:
    """Share (0–1) of sentences whose compound score is at most -0.05."""
    if not tones:
        return 0.0
    return sum(1 for t in tones if t <= NEGATIVE_THRESHOLD) / len(tones)
