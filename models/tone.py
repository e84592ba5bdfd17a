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
    # VADER's own rules and arithmetic, with less repeated work: the same floats.
    scores = vader_fast.polarity_scores(text)
    return (float(scores["neg"]), float(scores["neu"]), float(scores["pos"]),
            float(scores["compound"]))


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
