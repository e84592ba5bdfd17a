"""Headline sensationalism: the probability that a headline is written as clickbait.

``sensational`` is a logistic regression trained on the headlines collected by
Chakraborty et al. (ASONAM 2016; MIT licence): 16,000 from clickbait sites
(BuzzFeed, Upworthy, ViralNova, …) and 16,000 from news sites (WikiNews, NYT,
The Guardian, The Hindu). Because those labels follow the source site, a naive
model can learn each site's typography instead of the construction of a headline:

- case is thrown away (clickbait sites use Title Case, WikiNews does not), quotes
  are straightened and every number becomes ``0``, so "17 Things" and "23 THINGS"
  are the same words;
- the features are TF-IDF of the normalised words and word pairs: phrasing such
  as "you", "this", "here's why", "0 things". Not punctuation: ``?`` and ``!`` are
  in under 1% of the training headlines, and the model learnt a question mark as a
  sign of news (session 26), against what it signals.

Until session 26 the model also masked every word not found in headlines of both
kinds of site and added 11 hand-made style cues. Blind grades of news headlines it
never saw (``bench/clickbait_grades.py``) showed that both lowered its agreement
with readers, and that dropping the mask did not change how outlets compare
(``models/shipped/sensational.md``).

The model is read from ``models/shipped/sensational.json`` (model card beside
it); :mod:`models.training.sensational` trains it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from models.linear_text import LinearTextModel, load_model, shipped_dir, sigmoid

MODEL_FILE = "sensational.json"

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*(?:st|nd|rd|th|s)?")
# Words (with inner apostrophes) and numbers already masked to 0. Not ? and !: they are
# in under 1% of the training headlines of either class, so the weight they got was site
# typography (a question mark counted towards news), against what they signal.
_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*|0")


def normalise(headline: str) -> str:
    """Lower case, straight quotes, every number written as ``0``."""
    return _NUMBER.sub("0", headline.translate(_QUOTES).lower())


@lru_cache(maxsize=65536)
def tokens(headline: str) -> tuple[str, ...]:
    """The normalised headline's words, with ``0`` for numbers."""
    return tuple(_TOKEN.findall(normalise(headline)))


def ngrams(words: list[str]) -> list[str]:
    """Unigrams and bigrams of a token list (bigrams joined by a space)."""
    return words + [f"{a} {b}" for a, b in pairwise(words)]


@lru_cache(maxsize=1)
def model() -> LinearTextModel:
    """The shipped model (read once)."""
    return load_model(shipped_dir() / MODEL_FILE)


def terms(headline: str) -> list[str]:
    """The TF-IDF terms of a headline: its :func:`tokens` and their pairs."""
    return ngrams(list(tokens(headline)))


def probability(headline: str, fitted: LinearTextModel | None = None) -> float:
    """P(clickbait style) of one headline under ``fitted`` (default: the shipped model)."""
    return sigmoid((fitted if fitted is not None else model()).decision((), [terms(headline)]))


@lru_cache(maxsize=16384)
def sensational(headline: str | None) -> float | None:
    """P(clickbait style), 0–1, of a headline; None when there is no headline."""
    if headline is None or not headline.strip():
        return None
    return probability(headline)
