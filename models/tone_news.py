"""News tone: VADER's scores corrected by a model of how people rate news sentences.

``tone_news`` is trained on the NYT editorial snippets that Hutto & Gilbert
(2014) had rated by people (-4 to +4; MIT licence). It averages two models:

* a ridge regression (weight 0.7) whose features are VADER's scores of the
  sentence and what they are made of, punctuation and negation counts, and how
  the words combine (clauses, contrast, negation scope, quotes:
  :mod:`models.tone_context`) (:func:`dense_features`), TF-IDF of the sentence's
  words, and the mean of static word-piece vectors derived from the
  all-MiniLM-L6-v2 sentence encoder (Apache-2.0; see
  :mod:`models.training.word_vectors`), folded into one weight per word piece;
* a small convolutional network over the sentence's word pieces in order
  (weight 0.3; :class:`models.tone_context.PieceCnn`).

Scoring needs no encoder and no scikit-learn. The prediction, on the rating
scale, is divided by 4 and clipped, so ``tone_news`` runs from -1 (most
negative) to 1 (most positive), like VADER's compound score.

The models are read from ``models/shipped/tone_news.json`` and
``tone_news_cnn.json`` (see the model card beside them);
:mod:`models.training.tone_news` trains both.
"""

from __future__ import annotations

import math
import operator
import re
from collections.abc import Sequence
from functools import lru_cache

from models.linear_text import LinearTextModel, load_model, shipped_dir
from models.tone import polarity_scores, vader_lexicon, vader_valences
from models.tone_context import CONTEXT_FEATURES, PieceCnn, context_features, load_cnn
from models.wordpiece import NEWS_PUNCTUATION, NOT_ASCII_OR_NEWS, words

MODEL_FILE = "tone_news.json"
# The word-piece network averaged with the linear model (models/tone_context.py).
CNN_FILE = "tone_news_cnn.json"

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
    "exclamations", "questions", "quotes", "digit_share", "capitalised_share",
    "negations",
    # How the words combine: clauses, contrast, negation scope, quotes (session 10).
    *CONTEXT_FEATURES,
)


@lru_cache(maxsize=1)
def _negations() -> frozenset[str]:
    """VADER's negation words (vaderSentiment's ``NEGATE``) that do not end in "n't"
    (those are counted with every other word ending in "n't", by :data:`_NT_END`)."""
    from vaderSentiment.vaderSentiment import NEGATE

    return frozenset(n for n in NEGATE if not n.endswith("n't"))


_LEXICON_TOKEN = re.compile(r"[a-z']+")
_WORD = re.compile(r"(?u)\b\w\w+\b")
_DIGIT = re.compile(r"\d")
# "n't" closing a lexicon token (a run of [a-z']).
_NT_END = re.compile(r"n't(?![a-z'])")
# Non-ASCII characters that neither tokeniser counts as part of a word (see
# word_terms_from_words); text without any other is cut the same by both.
_NEWS_PUNCTUATION = str.maketrans(dict.fromkeys(NEWS_PUNCTUATION))
_FIRST = operator.itemgetter(0)


def dense_features(text: str) -> list[float]:
    """The sentence's VADER scores, lexicon sums and punctuation, negation and case
    counts, in :data:`DENSE_FEATURES` order."""
    neg, neu, pos, compound = polarity_scores(text)
    c = max(min(compound, 0.9999), -0.9999)
    raw_sum = c * math.sqrt(15.0) / math.sqrt(1.0 - c * c)
    lexicon = vader_lexicon()
    low = text.lower()
    tokens = _LEXICON_TOKEN.findall(low)
    # The valences of the tokens in the lexicon, in order (map and filter: no Python loop).
    valences = list(map(lexicon.__getitem__, filter(lexicon.__contains__, tokens)))
    positive = [v for v in valences if v > 0]
    negative = [v for v in valences if v < 0]
    negations = _negations()
    spaced = text.split()
    words = max(len(spaced), 1)
    tokens_scored, rule_valences = vader_valences(text)
    return [
        neg, neu, pos, compound, raw_sum, c * c, c * c * c,
        sum(positive), sum(negative), float(len(positive)), float(len(negative)),
        max(valences, default=0.0), min(valences, default=0.0),
        math.log1p(len(tokens)),
        float(text.count("!")), float(text.count("?")),
        float(text.count('"') + text.count("\u201c")),
        len(_DIGIT.findall(text)) / max(len(text), 1),
        # Words whose first character is a capital (split() gives no empty word).
        sum(map(str.isupper, map(_FIRST, spaced))) / words,
        float(sum(map(negations.__contains__, tokens)) + len(_NT_END.findall(low))),
        *context_features(tokens_scored, rule_valences, compound, text, lexicon),
    ]


def word_terms(text: str) -> list[str]:
    """Lower-cased words of two or more letters or digits (scikit-learn's default tokens)."""
    return _WORD.findall(text.lower())


_ANALYZERS = {"words": word_terms}


@lru_cache(maxsize=1)
def model() -> LinearTextModel:
    """The shipped linear model (read once)."""
    return load_model(shipped_dir() / MODEL_FILE)


@lru_cache(maxsize=1)
def network() -> PieceCnn:
    """The shipped word-piece network (read once)."""
    return load_cnn(shipped_dir() / CNN_FILE)


def word_terms_from_words(text: str, pieces: list[str]) -> list[str]:
    """:func:`word_terms` of ``text``, given its :func:`models.wordpiece.words`.

    In text without "_" whose characters are ASCII or news punctuation (curly quotes,
    dashes, no-break spaces: no word characters, no accents, the same after NFD), both
    cut the lower-cased text into runs of letters and digits, and words() keeps each
    other character alone: the terms are its words of two or more characters.
    Otherwise the text is cut again.
    """
    if "_" not in text and (text.isascii() or NOT_ASCII_OR_NEWS.search(text) is None):
        return [w for w in pieces if len(w) > 1]
    return word_terms(text)


def rating(text: str, fitted: LinearTextModel | None = None,
           fitted_network: PieceCnn | None = None) -> float:
    """The predicted human rating of one sentence, on the -4..4 scale (not clipped).

    The shipped linear model and network, averaged with the network's ``blend``
    weight; with ``fitted`` given, that linear model, averaged with
    ``fitted_network`` when one is given too.
    """
    m, net = (fitted, fitted_network) if fitted is not None else (model(), network())
    pieces = words(text)
    terms = [
        word_terms_from_words(text, pieces) if b.name == "words" else _ANALYZERS[b.name](text)
        for b in m.blocks
    ]
    linear = m.decision(dense_features(text), terms, [pieces] * len(m.piece_blocks))
    if net is None:
        return linear
    blend = float(net.meta["blend"])
    return (1.0 - blend) * linear + blend * net.predict(pieces)


def ratings(texts: Sequence[str]) -> list[float]:
    """:func:`rating` of each text with the shipped models, the network run on all the
    texts at once (numpy pays its per-call cost once per batch; the same numbers to
    about 1e-15)."""
    m, net = model(), network()
    blend = float(net.meta["blend"])
    linear: list[float] = []
    rows: list[list[int]] = []
    for text in texts:
        pieces = words(text)
        terms = [
            word_terms_from_words(text, pieces) if b.name == "words" else _ANALYZERS[b.name](text)
            for b in m.blocks
        ]
        linear.append(m.decision(dense_features(text), terms, [pieces] * len(m.piece_blocks)))
        rows.append(net.rows(pieces))
    return [(1.0 - blend) * a + blend * b
            for a, b in zip(linear, net.predict_many(rows), strict=True)]


def tone_from_rating(value: float) -> float:
    """A rating (-4..4) on tone_news's scale: divided by 4, kept within -1..1."""
    return max(-1.0, min(1.0, value / RATING_SCALE))


# text -> tone_news, for wire copy's repeated sentences (bounded: cleared when full)
_KNOWN: dict[str, float] = {}
_KNOWN_MAX = 65536


def tone_news_many(texts: Sequence[str]) -> list[float]:
    """:func:`tone_news` of each text; the texts not seen before are scored together."""
    known = _KNOWN
    new = list(dict.fromkeys(t for t in texts if t not in known and t.strip()))
    if new:
        if len(known) + len(new) > _KNOWN_MAX:
            known.clear()
        for text, value in zip(new, ratings(new), strict=True):
            known[text] = tone_from_rating(value)
    return [known[t] if t.strip() else 0.0 for t in texts]


def tone_news(text: str) -> float:
    """News tone of one sentence, from -1 (most negative) to 1; 0.0 for blank text."""
    return tone_news_many([text])[0]
