"""News tone: VADER's scores corrected by a model of how people rate news sentences.

``tone_news`` is a ridge regression trained on the NYT editorial snippets that
Hutto & Gilbert (2014) had rated by people (-4 to +4; MIT licence). Its
features are VADER's scores of the sentence and what they are made of
(:func:`dense_features`), plus TF-IDF of the sentence's words and of character
n-grams within words. The prediction, on the rating scale, is divided by 4 and
clipped, so ``tone_news`` runs from -1 (most negative) to 1 (most positive),
like VADER's compound score.

The model is read from ``models/shipped/tone_news.json`` (see the model card
beside it); :mod:`models.training.tone_news` trains it.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from models.linear_text import LinearTextModel, load_model, shipped_dir
from models.tone import polarity_scores, vader_lexicon

MODEL_FILE = "tone_news.json"

# The human ratings run from -4 to 4; tone_news is on VADER's -1..1 scale.
RATING_SCALE = 4.0

DENSE_FEATURES: tuple[str, ...] = (
    "vader_neg", "vader_neu", "vader_pos", "vader_compound",
    # VADER's compound is s / sqrt(s² + 15): this undoes the squashing.
    "vader_sum",
    "vader_compound_squared", "vader_compound_cubed",
    "lexicon_positive_sum", "lexicon_negative_sum",
    "lexicon_positive_words", "lexicon_negative_words",
    "lexicon_max", "lexicon_min",
    "log_words",
)

_LEXICON_TOKEN = re.compile(r"[a-z']+")
_WORD = re.compile(r"(?u)\b\w\w+\b")
_SPACES = re.compile(r"\s\s+")
CHAR_NGRAMS = (2, 5)


def dense_features(text: str) -> list[float]:
    """The sentence's VADER scores and lexicon sums, in :data:`DENSE_FEATURES` order."""
    neg, neu, pos, compound = polarity_scores(text)
    c = max(min(compound, 0.9999), -0.9999)
    raw_sum = c * math.sqrt(15.0) / math.sqrt(1.0 - c * c)
    lexicon = vader_lexicon()
    tokens = _LEXICON_TOKEN.findall(text.lower())
    valences = [lexicon[t] for t in tokens if t in lexicon]
    positive = [v for v in valences if v > 0]
    negative = [v for v in valences if v < 0]
    return [
        neg, neu, pos, compound, raw_sum, c * c, c * c * c,
        sum(positive), sum(negative), float(len(positive)), float(len(negative)),
        max(valences, default=0.0), min(valences, default=0.0),
        math.log1p(len(tokens)),
    ]


def word_terms(text: str) -> list[str]:
    """Lower-cased words of two or more letters or digits (scikit-learn's default tokens)."""
    return _WORD.findall(text.lower())


def char_terms(text: str) -> list[str]:
    """Character 2- to 5-grams inside space-padded words (scikit-learn's ``char_wb``)."""
    low, high = CHAR_NGRAMS
    grams: list[str] = []
    for word in _SPACES.sub(" ", text.lower()).split():
        padded = f" {word} "
        for n in range(low, high + 1):
            if len(padded) <= n:
                grams.append(padded)
                break
            grams.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
    return grams


@lru_cache(maxsize=1)
def model() -> LinearTextModel:
    """The shipped model (read once)."""
    return load_model(shipped_dir() / MODEL_FILE)


def rating(text: str, fitted: LinearTextModel | None = None) -> float:
    """The predicted human rating of one sentence, on the -4..4 scale (not clipped)."""
    m = fitted if fitted is not None else model()
    analyzers = {"words": word_terms, "chars": char_terms}
    return m.decision(dense_features(text), [analyzers[b.name](text) for b in m.blocks])


def tone_from_rating(value: float) -> float:
    """A rating (-4..4) on tone_news's scale: divided by 4, kept within -1..1."""
    return max(-1.0, min(1.0, value / RATING_SCALE))


@lru_cache(maxsize=65536)
def tone_news(text: str) -> float:
    """News tone of one sentence, from -1 (most negative) to 1; 0.0 for blank text."""
    if not text.strip():
        return 0.0
    return tone_from_rating(rating(text))
