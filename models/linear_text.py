"""Shipped linear text models: read their JSON files and predict, with numpy only.

A shipped model (``models/shipped/*.json``) is a linear model over named dense
features (standardised) and TF-IDF blocks (one vocabulary each). The file holds
everything needed to score a text: the scaler's means and scales, each block's
vocabulary, inverse document frequencies and weights, and the intercept. No
pickle, and no scikit-learn at inference: the training scripts in
:mod:`models.training` export scikit-learn's fitted estimators into this form,
and a test checks that both give the same predictions.

The arithmetic follows scikit-learn's ``StandardScaler``, ``TfidfVectorizer``
(``smooth_idf``, optional ``sublinear_tf``, l2 norm per block) and linear
models' ``X @ coef + intercept``.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import numpy as np

from models.wordpiece import pieces_of_word

MODEL_FORMAT = "framescope-linear-text/1"
# Version 2 adds word-piece mean blocks (``pieces``); version 1 files still load.
MODEL_FORMAT_PIECES = "framescope-linear-text/2"
FORMATS = (MODEL_FORMAT, MODEL_FORMAT_PIECES)

Analyzer = Callable[[str], list[str]]
_WORD_CACHE = 200_000


class ModelFileError(ValueError):
    """A shipped model file is missing, unreadable, or not in the expected format."""


def shipped_dir() -> Path:
    """The folder of the shipped model files: ``models/shipped/`` beside this module."""
    return Path(__file__).resolve().parent / "shipped"


@dataclass(frozen=True, slots=True)
class TfidfBlock:
    """One TF-IDF vocabulary and its weights in the linear model."""

    name: str
    terms: tuple[str, ...]
    idf: np.ndarray
    weights: np.ndarray
    sublinear_tf: bool

    table: dict[str, tuple[float, float]]  # term -> (idf, weight), for speed
    # term -> (idf · weight, idf²): a term that occurs once adds these to x · w and |x|²
    once: dict[str, tuple[float, float]] = field(default_factory=dict)

    def score(self, terms: Sequence[str]) -> float:
        """This block's contribution ``x · w`` for a text's terms (l2-normalised TF-IDF).

        Plain Python arithmetic: a sentence has a few dozen terms, too few for numpy
        to pay for itself. The terms are summed in the order they first occur.
        """
        dot = squares = 0.0
        distinct = dict.fromkeys(terms)
        if len(distinct) == len(terms) and self.once:
            # Each term once (most sentences): tf is 1, the products are stored.
            for product, square in filter(None, map(self.once.get, distinct)):
                dot += product
                squares += square
            return dot / math.sqrt(squares) if squares else 0.0
        table = self.table
        for term, count in Counter(terms).items():
            entry = table.get(term)
            if entry is None:
                continue
            if count == 1:  # tf is exactly 1 either way (log 1 + 1): skip the log
                value = entry[0]
            else:
                tf = math.log(count) + 1.0 if self.sublinear_tf else float(count)
                value = tf * entry[0]
            dot += value * entry[1]
            squares += value * value
        return dot / math.sqrt(squares) if squares else 0.0


@dataclass(frozen=True, slots=True)
class PieceBlock:
    """Word-vector features folded into one weight per word piece.

    At training time the block is the mean of the static vectors of a text's
    word pieces, standardised, times the linear model's weights; that is linear
    in the vectors, so each piece's vector times those weights is stored as its
    weight, and the block's contribution is the mean of the weights of the
    text's pieces (0 for a text without any).
    """

    name: str
    pieces: tuple[str, ...]
    weights: np.ndarray
    tokenizer: str

    table: dict[str, float]  # piece -> weight, for speed
    # word -> (sum of its pieces' weights, number of pieces): news repeats words
    _words: dict[str, tuple[float, int]] = field(default_factory=dict)

    def score(self, words: Sequence[str]) -> float:
        """The mean weight of the word pieces of ``words`` (:func:`models.wordpiece.words`)."""
        known = self._words
        found = list(map(known.get, words))
        if None in found:
            for k, word in enumerate(words):
                if found[k] is None:
                    pieces = pieces_of_word(word, self.table)
                    found[k] = hit = (sum(self.table[p] for p in pieces), len(pieces))
                    if len(known) < _WORD_CACHE:
                        known[word] = hit
        hits = cast("list[tuple[float, int]]", found)  # none is None now
        total = 0.0
        count = 0
        for weight, pieces_in_word in hits:  # in the words' order
            total += weight
            count += pieces_in_word
        return total / count if count else 0.0


@dataclass(frozen=True, slots=True)
class LinearTextModel:
    """A linear model over standardised dense features and TF-IDF blocks."""

    name: str
    dense_names: tuple[str, ...]
    dense_mean: np.ndarray
    dense_scale: np.ndarray
    dense_weights: np.ndarray
    blocks: tuple[TfidfBlock, ...]
    intercept: float
    meta: dict[str, Any]
    piece_blocks: tuple[PieceBlock, ...] = ()
    # (mean, scale, weight) of each dense feature, for plain-Python arithmetic
    dense_terms: tuple[tuple[float, float, float], ...] = ()

    def decision(self, dense: Sequence[float], terms: Sequence[Sequence[str]],
                 words: Sequence[Sequence[str]] = ()) -> float:
        """``x · w + b`` for one text: its dense features, each TF-IDF block's terms
        and, for each piece block, the text's words (:func:`models.wordpiece.words`).

        Plain Python arithmetic: a sentence has a few dozen features and terms, too
        few for numpy to pay for itself.
        """
        if len(dense) != len(self.dense_names):
            raise ValueError(f"{self.name}: {len(dense)} dense features, expected "
                             f"{len(self.dense_names)}")
        if len(terms) != len(self.blocks):
            raise ValueError(f"{self.name}: {len(terms)} term lists, expected {len(self.blocks)}")
        if len(words) != len(self.piece_blocks):
            raise ValueError(f"{self.name}: {len(words)} word lists, expected "
                             f"{len(self.piece_blocks)}")
        total = self.intercept
        for value, (mean, scale, weight) in zip(dense, self.dense_terms, strict=True):
            total += (value - mean) / scale * weight
        for block, block_terms in zip(self.blocks, terms, strict=True):
            total += block.score(block_terms)
        for piece_block, block_words in zip(self.piece_blocks, words, strict=True):
            total += piece_block.score(block_words)
        return total


def _array(raw: Any, length: int, what: str, path: Path) -> np.ndarray:
    values = np.asarray(raw, dtype=np.float64)
    if values.shape != (length,) or not np.all(np.isfinite(values)):
        raise ModelFileError(f"{path}: {what} should be {length} finite numbers")
    return values


def read_model_json(path: Path) -> Any:
    """The parsed JSON of a model file; raises :class:`ModelFileError` naming the file."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ModelFileError(f"{path}: cannot read the model file ({error})") from error


def load_model(path: Path) -> LinearTextModel:
    """Read a shipped model file; raises :class:`ModelFileError` naming the file and reason."""
    return parse_model(read_model_json(path), path)


def parse_model(spec: Any, path: Path | str = "<model>") -> LinearTextModel:
    """A model from the parsed JSON of a model file; ``path`` names it in errors."""
    path = Path(path)
    if not isinstance(spec, dict) or spec.get("format") not in FORMATS:
        raise ModelFileError(f"{path}: not a {' or '.join(FORMATS)} model file")
    try:
        dense = spec["dense"]
        names = tuple(str(n) for n in dense["names"])
        blocks = []
        for raw in spec["tfidf"]:
            terms = [str(t) for t in raw["terms"]]
            idf = _array(raw["idf"], len(terms), f"idf of {raw['name']}", path)
            weights = _array(raw["weights"], len(terms), f"weights of {raw['name']}", path)
            if raw.get("norm", "l2") != "l2":
                raise ModelFileError(f"{path}: only l2-normalised TF-IDF blocks are supported")
            blocks.append(TfidfBlock(
                name=str(raw["name"]),
                terms=tuple(terms),
                idf=idf,
                weights=weights,
                sublinear_tf=bool(raw["sublinear_tf"]),
                table=dict(zip(terms, zip(idf.tolist(), weights.tolist(), strict=True),
                               strict=True)),
                once={t: (i * w, i * i)
                      for t, i, w in zip(terms, idf.tolist(), weights.tolist(), strict=True)},
            ))
        piece_blocks = []
        for raw in spec.get("pieces", []) if spec["format"] == MODEL_FORMAT_PIECES else []:
            pieces = [str(p) for p in raw["pieces"]]
            weights = _array(raw["weights"], len(pieces), f"weights of {raw['name']}", path)
            if len(set(pieces)) != len(pieces) or "[UNK]" not in pieces:
                raise ModelFileError(f"{path}: the pieces of {raw['name']} should be distinct "
                                     "and include [UNK]")
            piece_blocks.append(PieceBlock(
                name=str(raw["name"]), pieces=tuple(pieces), weights=weights,
                tokenizer=str(raw["tokenizer"]),
                table=dict(zip(pieces, weights.tolist(), strict=True)),
            ))
        scale = _array(dense["scale"], len(names), "dense scale", path)
        if np.any(scale == 0):
            raise ModelFileError(f"{path}: a dense scale is zero")
        mean = _array(dense["mean"], len(names), "dense mean", path)
        dense_weights = _array(dense["weights"], len(names), "dense weights", path)
        return LinearTextModel(
            name=str(spec["name"]),
            dense_names=names,
            dense_mean=mean,
            dense_scale=scale,
            dense_weights=dense_weights,
            dense_terms=tuple(zip(mean.tolist(), scale.tolist(), dense_weights.tolist(),
                                  strict=True)),
            blocks=tuple(blocks),
            intercept=float(spec["intercept"]),
            meta={k: v for k, v in spec.items()
                  if k not in ("dense", "tfidf", "pieces", "intercept")},
            piece_blocks=tuple(piece_blocks),
        )
    except (KeyError, TypeError) as error:
        raise ModelFileError(f"{path}: missing or malformed entry {error}") from error


def sigmoid(z: float) -> float:
    """The logistic function, 0–1, without overflow for large ``|z|``."""
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def rounded(value: float) -> float:
    """A float rounded to 10 significant digits: how shipped files store numbers.

    Ten digits keep predictions to about 1e-9 of scikit-learn's while making the
    file immune to last-bit differences between BLAS builds.
    """
    return float(f"{value:.10g}")


def dump_model(spec: dict[str, Any]) -> str:
    """The canonical text of a model file: sorted keys, numbers rounded, newline at the end."""

    def clean(value: Any) -> Any:
        if isinstance(value, dict):
            return {str(k): clean(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [clean(v) for v in value]
        if isinstance(value, bool | int | str) or value is None:
            return value
        if isinstance(value, float | np.floating):
            return rounded(float(value))
        if isinstance(value, np.integer):
            return int(value)
        raise TypeError(f"cannot store {type(value).__name__} in a model file")

    return json.dumps(clean(spec), sort_keys=True, ensure_ascii=False, indent=0) + "\n"
