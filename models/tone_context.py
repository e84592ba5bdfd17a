"""What ``tone_news`` reads of how a sentence's words combine: clause and scope
features from VADER's own pass, and a small convolutional network over word pieces.

Both were added in session 10 because a bag of words and static word pieces
(the rest of :mod:`models.tone_news`) cannot see context: "not good" and "good,
but not for long" share their words with plainly positive sentences.

* :func:`context_features`: cheap numbers computed from the valences VADER gives
  each token of the sentence after its rules (:func:`models.tone.vader_valences`,
  the same pass as ``tone_vader``): the sentence cut into clauses (at , ; : and
  dashes, and before "but", "however", "although" ...), each clause scored as VADER
  scores a sentence; the part after the first contrast word; lexicon valences
  flipped within a negation's scope (to the next punctuation); later words
  weighted more; questions; quoted speech against the writer's own words.
* :class:`PieceCnn`: each word piece's 16 numbers (its static vector, the same as
  the piece block's, times a learned projection), a width-3 convolution with 32
  filters and tanh, mean- and max-pooled over the sentence, then a linear output:
  a model of the rating from the pieces in their order. Its weights are in
  ``models/shipped/tone_news_cnn.json``; :mod:`models.training.tone_news` trains
  it with numpy (its own gradients), and tone_news averages it with the ridge.
"""

from __future__ import annotations

import base64
import math
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Any, cast

import numpy as np

from models.linear_text import ModelFileError, read_model_json
from models.wordpiece import pieces_of_word

CONTEXT_FEATURES: tuple[str, ...] = (
    "clause_min", "clause_max", "clause_last", "clause_first", "clause_last_minus_first",
    "clauses", "after_contrast", "before_contrast", "contrast", "clause_spread",
    "scoped_lexicon_sum", "negated_words", "negation_change", "late_weighted_sum",
    "question", "question_compound", "quoted_compound", "unquoted_compound", "quoted",
)

# A clause starts before these words (lower case, punctuation stripped).
CONTRAST_WORDS = frozenset({
    "but", "however", "although", "though", "yet", "while", "whereas", "despite",
})
# A negation's scope runs from it to the next punctuation that ends a phrase.
NEGATION_WORDS = frozenset({
    "not", "no", "never", "nothing", "nobody", "none", "neither", "nor", "without",
    "cannot", "hardly", "barely", "lack", "lacks", "lacked", "nowhere",
})
# VADER's factor for a negated word (vaderSentiment's N_SCALAR).
NEGATION_SCALAR = -0.74
_STRIP = "\"'.,;:!?()[]{}\u201c\u201d\u2018\u2019"
_QUOTES = "\"\u201c\u201d"
_CLAUSE_END = ",;:"
_SCOPE_END = ",;:.!?)"
_DASHES = frozenset({"--", "\u2014", "\u2013"})


def squashed(total: float) -> float:
    """VADER's normalisation of a sum of valences to -1..1 (``s / sqrt(s² + 15)``)."""
    return total / math.sqrt(total * total + 15.0)


# token -> what the loop of context_features needs of it (VADER's lexicon is the only
# lexicon it is called with; news repeats tokens)
_TokenInfo = tuple[bool, bool, bool, int, "float | None", bool]
_TOKENS: dict[str, _TokenInfo] = {}
# _TokenInfo's scope kinds
_WORD, _WORD_ENDS_SCOPE, _NEGATION_OPENS, _NEGATION_CLOSED = 0, 1, 2, 3
# a token that is none of these things (most of them)
_PLAIN: _TokenInfo = (False, False, False, _WORD, None, False)


def _token_info(token: str, lexicon: dict[str, float]) -> _TokenInfo:
    """(contrast word, opens a quote, closes a quote, scope kind, lexicon valence, ends a
    clause) of one ``split()`` token."""
    low = token.lower().strip(_STRIP)
    starts = token[0] in _QUOTES
    ends = token[-1] in _QUOTES or (len(token) > 1 and token[-2] in _QUOTES)
    if low in NEGATION_WORDS or low.endswith("n't"):
        scope = _NEGATION_CLOSED if token[-1] in _SCOPE_END else _NEGATION_OPENS
    else:
        scope = _WORD_ENDS_SCOPE if token[-1] in _SCOPE_END or token in _DASHES else _WORD
    found = (low in CONTRAST_WORDS, starts, ends and (not starts or len(token) > 1), scope,
             lexicon.get(low), token[-1] in _CLAUSE_END or token in _DASHES)
    if found == _PLAIN:
        found = _PLAIN  # one object: the loop skips it by identity
    if len(_TOKENS) >= 200_000:
        _TOKENS.clear()
    _TOKENS[token] = found
    return found


def context_features(tokens: list[str], valences: tuple[float, ...], compound: float,
                     text: str, lexicon: dict[str, float]) -> list[float]:
    """The :data:`CONTEXT_FEATURES` of a sentence, in order.

    ``tokens`` and ``valences`` are :func:`models.tone.vader_valences` of ``text``,
    ``compound`` its VADER compound and ``lexicon`` VADER's word valences.
    """
    if not tokens:
        return [0.0] * len(CONTEXT_FEATURES)
    clauses: list[float] = []
    current = 0.0
    open_clause = False
    contrast_at = -1
    negated = False
    scoped = plain = late = 0.0
    in_scope = 0
    quoted = unquoted = 0.0
    inside = has_quote = False
    n = len(tokens)
    known = _TOKENS
    for i, (token, valence) in enumerate(zip(tokens, valences, strict=True)):
        info = known.get(token)
        if info is None:
            info = _token_info(token, lexicon)
        if info is _PLAIN and not valence:
            # adds nothing anywhere; the clause has begun
            open_clause = True
            continue
        contrast, starts, closes, scope, word, ends_clause = info
        if contrast:
            if open_clause:
                clauses.append(current)
                current, open_clause = 0.0, False
            if contrast_at < 0:
                contrast_at = len(clauses)
        current += valence
        open_clause = True
        # quoted speech: a token opening a quote is inside it, one closing it too
        if starts:
            inside = has_quote = True
        if inside:
            quoted += valence
        else:
            unquoted += valence
        if closes:
            inside = False
            has_quote = True
        # negation scope over the lexicon's own valences
        if scope >= _NEGATION_OPENS:
            negated = scope == _NEGATION_OPENS
        else:
            if word is not None:
                plain += word
                late += word * (i + 1) / n
                if negated:
                    scoped += NEGATION_SCALAR * word
                    in_scope += 1
                else:
                    scoped += word
            if scope == _WORD_ENDS_SCOPE:
                negated = False
        if ends_clause:
            clauses.append(current)
            current, open_clause = 0.0, False
    if open_clause:
        clauses.append(current)
    scores = [squashed(c) for c in clauses] or [0.0]
    if contrast_at >= 0:
        after = squashed(sum(clauses[contrast_at:]))
        before = squashed(sum(clauses[:contrast_at]))
    else:
        after = before = 0.0
    mean = sum(scores) / len(scores)
    spread = math.sqrt(sum((s - mean) ** 2 for s in scores) / len(scores))
    question = 1.0 if "?" in text else 0.0
    return [
        min(scores), max(scores), scores[-1], scores[0], scores[-1] - scores[0],
        float(len(scores)), after, before, 1.0 if contrast_at >= 0 else 0.0, spread,
        scoped, float(in_scope), scoped - plain, late,
        question, question * compound,
        squashed(quoted) if has_quote else 0.0,
        squashed(unquoted) if has_quote else compound,
        1.0 if has_quote else 0.0,
    ]


CNN_FORMAT = "framescope-piece-cnn/1"
WIDTH = 3
# Word pieces per block of sentences in PieceCnn.predict_many: the block's window
# parts, (pieces, 3 x 32 filters) floats, take ~1.5 MB.
BLOCK_PIECES = 2048


def _decode(raw: dict[str, Any], path: Path) -> np.ndarray:
    """An array stored as ``{"shape", "dtype": "float16", "base64"}`` (little-endian)."""
    shape = tuple(int(s) for s in raw["shape"])
    if raw["dtype"] != "float16":
        raise ModelFileError(f"{path}: only float16 tables are supported")
    data = base64.b64decode(raw["base64"].encode("ascii"), validate=True)
    if len(data) != 2 * math.prod(shape):
        raise ModelFileError(f"{path}: the table holds {len(data)} bytes, not {shape}")
    return np.frombuffer(data, dtype="<f2").reshape(shape).astype(np.float64)


def encode_float16(values: np.ndarray) -> dict[str, Any]:
    """An array as float16 bytes in base64 (how the piece table is stored)."""
    half = np.ascontiguousarray(values, dtype="<f2")
    return {"shape": list(half.shape), "dtype": "float16",
            "base64": base64.b64encode(half.tobytes()).decode("ascii")}


@dataclass(frozen=True, slots=True)
class PieceCnn:
    """Width-3 convolution over word-piece rows, mean and max pooled, linear output."""

    pieces: tuple[str, ...]
    table: np.ndarray       # (pieces + 1, d): each piece's row; the last is zeros (padding)
    filters: np.ndarray     # (3·d, F): the rows of 3 neighbouring pieces, side by side
    bias: np.ndarray        # (F,)
    output: np.ndarray      # (2·F,): over [mean, max]
    intercept: float
    max_pieces: int
    meta: dict[str, Any]
    index: dict[str, int] = field(default_factory=dict)
    # The convolution is linear before tanh, so each piece's part in it is computed
    # once: row r holds piece r's row times the filters of window places 0, 1 and 2,
    # side by side (the bias added in place 1, which every position has once).
    parts: np.ndarray = field(default_factory=lambda: np.zeros((0, 0)))
    # word -> its pieces' rows: news repeats words
    _words: dict[str, list[int]] = field(default_factory=dict)

    def rows(self, words: list[str]) -> list[int]:
        """The table rows of the word pieces of ``words`` (:func:`models.wordpiece.words`)."""
        known, index = self._words, self.index
        cached = list(map(known.get, words))
        if None in cached:
            for k, word in enumerate(words):
                if cached[k] is None:
                    cached[k] = rows = [index[p] for p in pieces_of_word(word, index)]
                    if len(known) < 200_000:
                        known[word] = rows
        found = list(chain.from_iterable(cast("list[list[int]]", cached)))
        return found[: self.max_pieces]

    def predict_rows(self, rows: list[int]) -> float:
        """The network's output for a sentence's piece rows (the intercept for none)."""
        f = self.bias.shape[0]
        if not rows:  # as trained: the mean of nothing is 0, the max that of padding alone
            return float(self.output[f:] @ np.tanh(self.bias)) + self.intercept
        pad = self.table.shape[0] - 1
        n = len(rows)
        g = self.parts.take([pad, *rows, pad], axis=0)           # (n + 2, 3F)
        # position t: the previous piece in place 0, its own in 1, the next in 2
        h = np.tanh(g[:n, :f] + g[1:n + 1, f:2 * f] + g[2:, 2 * f:])
        return (float(h.sum(axis=0) @ self.output[:f]) / n + float(h.max(axis=0) @ self.output[f:])
                + self.intercept)

    def predict(self, words: list[str]) -> float:
        """The network's output for a sentence given as :func:`models.wordpiece.words`."""
        return self.predict_rows(self.rows(words))

    def predict_many(self, sentences: list[list[int]]) -> list[float]:
        """:meth:`predict_rows` of several sentences' rows at once (numpy's per-call cost
        is paid once per block of sentences, not per sentence; the same numbers to about
        1e-15).

        The sentences go through the network in blocks of about :data:`BLOCK_PIECES`
        pieces: a block's arrays then fit in the processor's cache (a pool worker's chunk
        of ~300 sentences in one block took twice the CPU time of blocks of ~64). A
        sentence's number does not depend on its block (see :meth:`_predict_block`).
        """
        out: list[float] = []
        start = pieces = 0
        for end, rows in enumerate(sentences):
            pieces += len(rows) + 1
            if pieces >= BLOCK_PIECES:
                out += self._predict_block(sentences[start:end + 1])
                start, pieces = end + 1, 0
        if start < len(sentences) or not out:
            out += self._predict_block(sentences[start:])
        return out

    def _predict_block(self, sentences: list[list[int]]) -> list[float]:
        f = self.bias.shape[0]
        pad = self.table.shape[0] - 1
        out = [0.0] * len(sentences)
        # The sentences' rows joined, one padding row before each and after the last (a
        # padding row ends one sentence and starts the next). Window position j (pieces
        # j, j + 1, j + 2 of the joined rows) is centred on piece j + 1: a sentence's
        # positions run from just after its padding row to just before the next one;
        # the position centred on a padding row between two sentences belongs to
        # neither, and reduceat's every other segment leaves it out.
        at = [pad]
        bounds: list[int] = []
        lengths: list[int] = []
        which: list[int] = []
        for k, rows in enumerate(sentences):
            if not rows:
                out[k] = self.predict_rows(rows)
                continue
            bounds.append(len(at) - 1)
            at += rows
            bounds.append(len(at) - 1)
            at.append(pad)
            lengths.append(len(rows))
            which.append(k)
        if not which:
            return out
        bounds.pop()  # the last sentence runs to the last position
        # Only elementwise arithmetic and per-sentence reductions: a sentence's number
        # does not depend on which sentences share its batch (a matrix product's last
        # bits can depend on the matrix's size), so a pool of workers and one process
        # give the same floats.
        g = self.parts.take(at, axis=0)
        m = len(at) - 2
        h = np.tanh(g[:m, :f] + g[1:m + 1, f:2 * f] + g[2:, 2 * f:])
        sums = (np.add.reduceat(h, bounds, axis=0)[::2] * self.output[:f]).sum(axis=1)
        tops = (np.maximum.reduceat(h, bounds, axis=0)[::2] * self.output[f:]).sum(axis=1)
        for k, total, top, n in zip(which, sums.tolist(), tops.tolist(), lengths, strict=True):
            out[k] = total / n + top + self.intercept
        return out


def window_parts(table: np.ndarray, filters: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """Each table row times the filters of each window place, side by side (see
    :attr:`PieceCnn.parts`).

    One product with the places' filters side by side, (d, 3F): each number is the
    same dot product of d terms as place by place, and the table (21 MB for the
    shipped network) is built once in place, not from three products, a copy with the
    bias and their concatenation (every worker process builds it on its first article).
    """
    d, f = table.shape[1], bias.shape[0]
    parts: np.ndarray = table @ np.hstack([filters[k * d:(k + 1) * d] for k in range(WIDTH)])
    parts[:, f:2 * f] += bias
    return parts


def parse_cnn(spec: Any, path: Path | str = "<model>") -> PieceCnn:
    """A network from the parsed JSON of its file; ``path`` names it in errors."""
    path = Path(path)
    if not isinstance(spec, dict) or spec.get("format") != CNN_FORMAT:
        raise ModelFileError(f"{path}: not a {CNN_FORMAT} model file")
    try:
        pieces = tuple(str(p) for p in spec["pieces"])
        table = _decode(spec["table"], path)
        filters = np.asarray(spec["filters"], dtype=np.float64)
        bias = np.asarray(spec["bias"], dtype=np.float64)
        output = np.asarray(spec["output"], dtype=np.float64)
        d, f = table.shape[1], bias.shape[0]
        if (table.shape[0] != len(pieces) or filters.shape != (WIDTH * d, f)
                or output.shape != (2 * f,) or len(set(pieces)) != len(pieces)
                or "[UNK]" not in pieces):
            raise ModelFileError(f"{path}: the table, filters and output do not fit together "
                                 "(or the pieces are not distinct with [UNK])")
        for name, array in (("table", table), ("filters", filters), ("bias", bias),
                            ("output", output)):
            if not np.all(np.isfinite(array)):
                raise ModelFileError(f"{path}: the {name} holds a number that is not finite")
        padded = np.vstack([table, np.zeros((1, d))])
        return PieceCnn(
            pieces=pieces, table=padded, filters=filters,
            parts=window_parts(padded, filters, bias),
            bias=bias, output=output, intercept=float(spec["intercept"]),
            max_pieces=int(spec["max_pieces"]),
            meta={k: v for k, v in spec.items()
                  if k not in ("pieces", "table", "filters", "bias", "output")},
            index={p: i for i, p in enumerate(pieces)},
        )
    except (KeyError, TypeError, ValueError) as error:
        if isinstance(error, ModelFileError):
            raise
        raise ModelFileError(f"{path}: missing or malformed entry {error}") from error


def load_cnn(path: Path) -> PieceCnn:
    """Read a network file; raises :class:`ModelFileError` naming the file and reason."""
    return parse_cnn(read_model_json(path), path)
