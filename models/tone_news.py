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
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import chain
from typing import cast

import numpy as np

from models.linear_text import LinearTextModel, load_model, shipped_dir
from models.tone import polarity_scores, vader_lexicon, vader_valences
from models.tone_context import CONTEXT_FEATURES, PieceCnn, context_features, load_cnn
from models.wordpiece import NEWS_PUNCTUATION, NOT_ASCII_OR_NEWS, pieces_of_word, words

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
    if fitted is None:
        return _shipped_scorer().rating(text)
    if fitted_network is not None:
        return _scorer_for(fitted, fitted_network).rating(text)
    pieces = words(text)
    terms = [
        word_terms_from_words(text, pieces) if b.name == "words" else _ANALYZERS[b.name](text)
        for b in fitted.blocks
    ]
    return fitted.decision(dense_features(text), terms, [pieces] * len(fitted.piece_blocks))


def ratings(texts: Sequence[str]) -> list[float]:
    """:func:`rating` of each text with the shipped models, the network run on all the
    texts at once (numpy pays its per-call cost once per batch; the same floats as one
    text at a time)."""
    return _shipped_scorer().ratings(texts)


# What one word adds to each part of the prediction: its TF-IDF term's (idf · weight,
# idf², idf, weight) (None when it is no term of the vocabulary or shorter than two
# characters), the sum of its pieces' weights in the piece block, how many pieces it
# has, and its pieces' rows in the network's table.
_WordParts = tuple["tuple[float, float, float, float] | None", float, int, list[int]]


class _Scorer:
    """The linear model and the network scored together, one word lookup for all the
    parts a word feeds (TF-IDF term, piece weights, the network's rows); news repeats
    words. The arithmetic is the plain models' own, term for term and in the same
    order (:meth:`LinearTextModel.decision`, :meth:`TfidfBlock.score`,
    :meth:`PieceBlock.score`, :meth:`PieceCnn.rows`): the same floats, bit for bit."""

    def __init__(self, linear: LinearTextModel, network: PieceCnn) -> None:
        if ([b.name for b in linear.blocks] != ["words"] or len(linear.piece_blocks) != 1
                or not linear.blocks[0].once):
            raise ValueError(f"{linear.name}: one words block and one piece block expected")
        self.linear = linear
        self.network = network
        self.blend = float(network.meta["blend"])
        # the shipped pair cuts words with one vocabulary: one cut serves both
        self._one_vocabulary = network.pieces == linear.piece_blocks[0].pieces
        self._words: dict[str, _WordParts] = {}
        self._table = _WordTable()
        terms = linear.dense_terms
        self._dense = np.array([[mean for mean, _, _ in terms], [scale for _, scale, _ in terms],
                                [weight for _, _, weight in terms]])
        sublinear = linear.blocks[0].sublinear_tf
        # tf of a term met k times (k >= 2), computed as TfidfBlock.score computes it
        self._tf = np.array([0.0, 1.0, *((math.log(k) + 1.0 if sublinear else float(k))
                                         for k in range(2, _LONGEST + 1))])

    def _parts(self, word: str) -> _WordParts:
        block, pieces_block, net = self.linear.blocks[0], self.linear.piece_blocks[0], self.network
        table = pieces_block.table
        pieces = pieces_of_word(word, table)
        index = net.index
        once = block.once.get(word) if len(word) > 1 else None
        found: _WordParts = (
            None if once is None else (*once, *block.table[word]),
            sum(table[p] for p in pieces), len(pieces),
            [index[p] for p in (pieces if self._one_vocabulary else pieces_of_word(word, index))],
        )
        if len(self._words) >= _WORD_CACHE:
            self._words.clear()
        self._words[word] = found
        return found

    def decision(self, text: str, pieces: list[str]) -> tuple[float, list[int]]:
        """The linear model's ``x · w + b`` for one text and its network rows."""
        linear = self.linear
        known = self._words
        found = list(map(known.get, pieces))
        if None in found:
            for k, word in enumerate(pieces):
                if found[k] is None:  # a word met twice in the sentence is cut once
                    found[k] = known.get(word) or self._parts(word)
        entries = cast("list[_WordParts]", found)
        total = linear.intercept
        for value, (mean, scale, weight) in zip(dense_features(text), linear.dense_terms,
                                                strict=True):
            total += (value - mean) / scale * weight
        weights = dot = squares = 0.0
        count = 0
        rows: list[int] = []
        # TfidfBlock.score's terms are the words of two or more characters
        # (word_terms_from_words) unless the text has "_" or characters cut otherwise
        if "_" in text or not (text.isascii() or NOT_ASCII_OR_NEWS.search(text) is None):
            total += linear.blocks[0].score(word_terms_from_words(text, pieces))
            for _, weight, pieces_in_word, word_rows in entries:
                weights += weight
                count += pieces_in_word
                rows += word_rows
        elif len(set(pieces)) == len(pieces):
            # Each word once (most sentences): TfidfBlock.score's stored products, in
            # order; with the piece block's weights and counts (PieceBlock.score) and
            # the network's rows.
            for term, weight, pieces_in_word, word_rows in entries:
                if term is not None:
                    dot += term[0]
                    squares += term[1]
                weights += weight
                count += pieces_in_word
                rows += word_rows
            total += dot / math.sqrt(squares) if squares else 0.0
        else:
            # A word met again: TfidfBlock.score's counted path, each term at its first
            # occurrence with its count.
            counts = Counter(pieces)
            sublinear = linear.blocks[0].sublinear_tf
            for word, (term, weight, pieces_in_word, word_rows) in zip(pieces, entries,
                                                                      strict=True):
                if term is not None:
                    times = counts[word]
                    if times == 1:
                        dot += term[0]
                        squares += term[1]
                    elif times:
                        tf = math.log(times) + 1.0 if sublinear else float(times)
                        value = tf * term[2]
                        dot += value * term[3]
                        squares += value * value
                        counts[word] = 0  # counted at its first occurrence
                weights += weight
                count += pieces_in_word
                rows += word_rows
            total += dot / math.sqrt(squares) if squares else 0.0
        total += weights / count if count else 0.0
        return total, rows[: self.network.max_pieces]

    def rating(self, text: str) -> float:
        """The blended rating of one text."""
        value, rows = self.decision(text, words(text))
        return (1.0 - self.blend) * value + self.blend * self.network.predict_rows(rows)

    def ratings(self, texts: Sequence[str]) -> list[float]:
        """The blended rating of each text; the network run on all of them at once, and
        from :data:`_BATCH` texts on the linear model too (:meth:`_decisions`)."""
        linear: list[float] = [0.0] * len(texts)
        rows: list[list[int]] = [[]] * len(texts)
        cut = list(map(words, texts))
        together: list[int] = []
        for k, (text, pieces) in enumerate(zip(texts, cut, strict=True)):
            if (len(texts) >= _BATCH and len(pieces) <= _LONGEST and "_" not in text
                    and (text.isascii() or NOT_ASCII_OR_NEWS.search(text) is None)):
                together.append(k)
            else:
                linear[k], rows[k] = self.decision(text, pieces)
        if together:
            values, found = self._decisions([texts[k] for k in together],
                                            [cut[k] for k in together])
            for k, value, sentence_rows in zip(together, values, found, strict=True):
                linear[k], rows[k] = value, sentence_rows
        blend = self.blend
        return [(1.0 - blend) * a + blend * b
                for a, b in zip(linear, self.network.predict_many(rows), strict=True)]

    def _decisions(self, texts: list[str], cut: list[list[str]]
                   ) -> tuple[list[float], list[list[int]]]:
        """:meth:`decision` of many texts at once: numpy arrays over all their words.

        For texts :meth:`decision` scores on its plain-text paths (no "_", ASCII or news
        punctuation only; at most :data:`_LONGEST` words). The same floats, bit for bit:
        only elementwise arithmetic, and every sum is taken left to right in the words'
        order, as the plain loop takes it (``np.add.accumulate`` along a row; a word that
        adds nothing there adds 0.0 here, which leaves a sum that started at 0.0 as it
        was). No matrix product: its order of additions is BLAS's, not the loop's.
        """
        table = self._table
        if len(table.ids) >= _WORD_CACHE:
            self._table = table = _WordTable()
        ids = [table.ids_of(words, self._word_parts) for words in cut]
        m = len(texts)
        lengths = np.fromiter(map(len, ids), dtype=np.intp, count=m)
        flat = np.fromiter(chain.from_iterable(ids), dtype=np.intp, count=int(lengths.sum()))
        sentence = np.repeat(np.arange(m), lengths)
        # each word's place in its sentence's row; place 0 holds the sum's start
        place = np.arange(flat.size) - np.repeat(np.cumsum(lengths) - lengths, lengths) + 1
        # how often each word occurs in its sentence, at its first occurrence (0 later)
        _, first, counts = np.unique(sentence * len(table.ids) + flat, return_index=True,
                                     return_counts=True)
        times = np.zeros(flat.size, dtype=np.intp)
        times[first] = counts
        known = table.has_term[flat]
        once = known & (times == 1)
        grid = np.zeros((3, m, int(lengths.max(initial=0)) + 1))
        grid[0, sentence, place] = np.where(once, table.product[flat], 0.0)
        grid[1, sentence, place] = np.where(once, table.square[flat], 0.0)
        again = np.flatnonzero(known & (times > 1))
        if again.size:  # TfidfBlock.score's counted path: tf · idf, times the weight
            value = np.take(self._tf, times[again]) * table.idf[flat[again]]
            grid[0, sentence[again], place[again]] = value * table.weight[flat[again]]
            grid[1, sentence[again], place[again]] = value * value
        grid[2, sentence, place] = table.piece_weight[flat]
        dot, squares, weights = np.add.accumulate(grid, axis=2)[:, :, -1]
        count = np.bincount(sentence, weights=table.pieces[flat], minlength=m)  # integers
        dense = np.empty((m, self._dense.shape[1] + 1))
        dense[:, 0] = self.linear.intercept
        dense[:, 1:] = ((np.array([dense_features(text) for text in texts]) - self._dense[0])
                        / self._dense[1] * self._dense[2])
        total = np.add.accumulate(dense, axis=1)[:, -1]
        total = total + np.where(squares != 0.0,
                                 dot / np.sqrt(np.where(squares != 0.0, squares, 1.0)), 0.0)
        total = total + np.where(count != 0.0, weights / np.where(count != 0.0, count, 1.0), 0.0)
        longest = self.network.max_pieces
        rows = table.rows
        return total.tolist(), [list(chain.from_iterable(map(rows.__getitem__, sentence_ids)))
                                [:longest] for sentence_ids in ids]

    def _word_parts(self, word: str) -> _WordParts:
        return self._words.get(word) or self._parts(word)


_WORD_CACHE = 200_000
# From this many texts, ratings() scores the linear model of them together (numpy's
# per-call cost is then less than the plain loop's per-word cost).
_BATCH = 48
# Longer texts are scored one by one (the arrays are as wide as the longest text).
_LONGEST = 160


class _WordTable:
    """Each word met by :meth:`_Scorer._decisions` as a number, and what it adds to each
    part of the prediction in arrays indexed by that number (:data:`_WordParts`)."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.rows: list[list[int]] = []
        self.has_term = np.zeros(0, dtype=bool)
        self.product = self.square = self.idf = self.weight = np.zeros(0)
        self.piece_weight = self.pieces = np.zeros(0)

    def ids_of(self, words: list[str], parts: Callable[[str], _WordParts]) -> list[int]:
        """The numbers of ``words``; a word not met before gets the next one."""
        ids = self.ids
        found = list(map(ids.get, words))
        if None in found:
            for k, word in enumerate(words):
                if found[k] is None:
                    number = ids.get(word)
                    found[k] = self._add(word, parts(word)) if number is None else number
        return cast("list[int]", found)

    def _add(self, word: str, parts: _WordParts) -> int:
        number = len(self.ids)
        if number >= self.has_term.size:
            size = max(1024, 2 * number)
            self.has_term = np.resize(self.has_term, size)
            self.product, self.square, self.idf, self.weight, self.piece_weight, self.pieces = (
                np.resize(a, size) for a in (self.product, self.square, self.idf, self.weight,
                                             self.piece_weight, self.pieces))
        term, piece_weight, pieces, rows = parts
        self.has_term[number] = term is not None
        (self.product[number], self.square[number], self.idf[number],
         self.weight[number]) = (0.0, 0.0, 0.0, 0.0) if term is None else term
        self.piece_weight[number] = piece_weight
        self.pieces[number] = pieces
        self.rows.append(rows)
        self.ids[word] = number
        return number


@lru_cache(maxsize=1)
def _shipped_scorer() -> _Scorer:
    return _Scorer(model(), network())


_LAST: list[_Scorer] = []


def _scorer_for(linear: LinearTextModel, net: PieceCnn) -> _Scorer:
    """A scorer of these two models (the last one made is kept: evaluation scores many
    sentences with one fitted pair)."""
    if not _LAST or _LAST[0].linear is not linear or _LAST[0].network is not net:
        _LAST[:] = [_Scorer(linear, net)]
    return _LAST[0]


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
