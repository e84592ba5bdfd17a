"""Headline sensationalism: the probability that a headline is written as clickbait.

``sensational`` is a logistic regression trained on the headlines collected by
Chakraborty et al. (ASONAM 2016; MIT licence): 16,000 from clickbait sites
(BuzzFeed, Upworthy, ViralNova, …) and 16,000 from news sites (WikiNews, NYT,
The Guardian, The Hindu). Because those labels follow the source site, a naive
model learns each site's house style and topics. This one is built to learn
the *construction* of a headline instead:

- case is thrown away (clickbait sites use Title Case, WikiNews does not) and
  every number becomes ``0``;
- words are kept only when they occur in headlines of *both* classes in the
  training data (:func:`masked_tokens`); every other word — names, places,
  topics one kind of site covers — becomes ``_``, so what remains is the
  function words, pronouns and phrasing both kinds of site share, used
  differently ("you", "this", "will", "here's", "0 things");
- a few explicit cues of clickbait style (:data:`STYLE_FEATURES`): second-person
  address, forward reference ("this", "these", "here's", "why"), superlatives,
  questions and exclamations, a leading number, intensifiers;
- strong regularisation, chosen by cross-validation.

The model is read from ``models/shipped/sensational.json`` (model card beside
it); :mod:`models.training.sensational` trains it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import pairwise

from models.linear_text import LinearTextModel, load_model, shipped_dir, sigmoid

MODEL_FILE = "sensational.json"
MASK = "_"

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*(?:st|nd|rd|th|s)?")
# Words (with inner apostrophes), numbers already masked to 0, and ? ! as tokens.
_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*|0|[?!]")

SECOND_PERSON = frozenset("you your you're yours yourself yourselves you'll you've you'd u ur".split())
FIRST_PERSON = frozenset("i me my we us our i'm we're i've we've".split())
FORWARD_OPENERS = frozenset(
    "this these here here's why what how which who when can do does is are will".split()
)
FORWARD_WORDS = frozenset("this these here here's".split())
SUPERLATIVES = frozenset(
    """most best worst least greatest biggest smallest ever cutest funniest weirdest
    craziest strangest hottest sexiest scariest saddest happiest coolest dumbest
    smartest ultimate""".split()
)
INTENSIFIERS = frozenset(
    """amazing incredible incredibly unbelievable shocking insane insanely literally
    totally absolutely seriously actually really so very truly perfect perfectly
    epic hilarious adorable awesome genius mind blowing jaw dropping stunning
    ridiculous ridiculously extremely super""".split()
)

STYLE_FEATURES: tuple[str, ...] = (
    "starts_with_number", "second_person", "first_person", "forward_opener",
    "forward_reference", "superlatives", "intensifiers", "question", "exclamation",
    "log_words", "mean_word_length",
)


def normalise(headline: str) -> str:
    """Lower case, straight quotes, every number written as ``0``."""
    return _NUMBER.sub("0", headline.translate(_QUOTES).lower())


@lru_cache(maxsize=65536)
def tokens(headline: str) -> tuple[str, ...]:
    """The normalised headline's words, ``0`` for numbers, and ``?``/``!``."""
    return tuple(_TOKEN.findall(normalise(headline)))


def masked_tokens(headline: str, shared: frozenset[str]) -> list[str]:
    """:func:`tokens`, with every word not in ``shared`` replaced by ``_``."""
    return [t if t in shared or t in ("0", "?", "!") else MASK for t in tokens(headline)]


def ngrams(words: list[str]) -> list[str]:
    """Unigrams and bigrams of a token list (bigrams joined by a space)."""
    return words + [f"{a} {b}" for a, b in pairwise(words)]


@lru_cache(maxsize=65536)
def style_features(headline: str) -> tuple[float, ...]:
    """Explicit cues of clickbait style, in :data:`STYLE_FEATURES` order."""
    toks = tokens(headline)
    words = [t for t in toks if t not in ("0", "?", "!")]
    first = toks[0] if toks else ""

    def count(vocabulary: frozenset[str]) -> float:
        return float(sum(1 for w in words if w in vocabulary))

    return (
        1.0 if first == "0" else 0.0,
        count(SECOND_PERSON),
        count(FIRST_PERSON),
        1.0 if first in FORWARD_OPENERS else 0.0,
        count(FORWARD_WORDS),
        count(SUPERLATIVES),
        count(INTENSIFIERS),
        1.0 if "?" in headline else 0.0,
        1.0 if "!" in headline else 0.0,
        math.log1p(len(words)),
        sum(len(w) for w in words) / len(words) if words else 0.0,
    )


def shared_vocabulary(headlines: Iterable[str], labels: Iterable[int],
                      min_per_class: int) -> frozenset[str]:
    """Words found in at least ``min_per_class`` headlines of each class."""
    counts: tuple[dict[str, int], dict[str, int]] = ({}, {})
    for headline, label in zip(headlines, labels, strict=True):
        for word in set(tokens(headline)):
            side = counts[1 if label else 0]
            side[word] = side.get(word, 0) + 1
    return frozenset(
        w for w, n in counts[0].items()
        if n >= min_per_class and counts[1].get(w, 0) >= min_per_class
        and w not in ("0", "?", "!")
    )


@lru_cache(maxsize=1)
def model() -> LinearTextModel:
    """The shipped model (read once)."""
    return load_model(shipped_dir() / MODEL_FILE)


@lru_cache(maxsize=1)
def _shipped_shared() -> frozenset[str]:
    return frozenset(model().meta["shared_vocabulary"])


def probability(headline: str, fitted: LinearTextModel | None = None) -> float:
    """P(clickbait style) of one headline under ``fitted`` (default: the shipped model)."""
    m = fitted if fitted is not None else model()
    shared = frozenset(m.meta["shared_vocabulary"]) if fitted is not None else _shipped_shared()
    terms = ngrams(masked_tokens(headline, shared))
    return sigmoid(m.decision(style_features(headline), [terms]))


@lru_cache(maxsize=16384)
def sensational(headline: str | None) -> float | None:
    """P(clickbait style), 0–1, of a headline; None when there is no headline."""
    if headline is None or not headline.strip():
        return None
    return probability(headline)
