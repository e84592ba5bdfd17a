"""Train ``tone_news`` on the NYT editorial snippets (Hutto & Gilbert 2014, MIT).

    python -m models.training.tone_news --data ../shared/data/vader-nyt \\
        --out models/shipped/tone_news.json

Ridge regression on the human ratings (-4..4) over VADER's scores (and
punctuation, negation and case counts), TF-IDF of words, and the mean of the
static word-piece vectors in ``models/training/vectors/minilm_pieces.npz``
(derived from all-MiniLM-L6-v2 by :mod:`models.training.word_vectors`); the
ridge penalty and the weight of the vector block are chosen by 5-fold
cross-validation grouped by article (sentences of one article never sit on
both sides of a split). The vector block is exported folded into one weight
per word piece. Deterministic: no shuffling except through fixed seeds, one
thread, numbers rounded to 10 digits.

The word-piece network (:mod:`models.training.piece_cnn`) is trained on the same
ratings and written beside the model, to ``<out stem>_cnn.json``; tone_news
gives it :data:`NETWORK_BLEND` of the prediction.

Character n-grams (last session's model) are no longer offered: they added
about 0.004 r in cross-validation and cost four times VADER's time per
sentence (``bench/tone_speed.py``).

:func:`evaluate` gives the figures the validation harness reports: Pearson r
with the ratings on a held-out 20% of articles never used to choose the model,
and by nested cross-validation over the whole set, each beside VADER's r on
the same sentences.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from models.linear_text import MODEL_FORMAT_PIECES
from models.tone_news import (
    DENSE_FEATURES,
    RATING_SCALE,
    dense_features,
    rating,
    tone_from_rating,
    word_terms,
)
from models.training import piece_cnn
from models.training.common import (
    SEED,
    as_shipped,
    export_linear,
    pearson,
    sha256_of,
    write_model,
)
from models.wordpiece import UNKNOWN, word_pieces

DATA_FILE = "nyt_train.tsv"
VECTORS_FILE = Path(__file__).resolve().parent / "vectors" / "minilm_pieces.npz"
PIECES_TOKENIZER = "bert-base-uncased wordpiece (models/wordpiece.py)"
ALPHAS = (2.0, 4.0, 8.0)
# How much the standardised vector block counts against the other features.
VECTOR_WEIGHTS = (0.1, 0.2, 0.3)
FOLDS = 5
HELD_OUT_SHARE = 0.2
# Held-out split, then 5 outer folds each holding 5 inner folds: articles needed.
MIN_ARTICLES = 10
# The word-piece network's share of the prediction (the linear model has the rest);
# chosen with the network's settings by grouped CV on the training part (model card).
NETWORK_BLEND = 0.3
CNN_SUFFIX = "_cnn"


class TooFewError(ValueError):
    """The data set is too small for the evaluation's splits."""


@dataclass(frozen=True, slots=True)
class Ratings:
    """Sentences with their mean human rating (-4..4) and the article each comes from."""

    ids: tuple[str, ...]
    texts: tuple[str, ...]
    ratings: np.ndarray
    articles: np.ndarray


def read_ratings(path: Path) -> Ratings:
    """Read ``nyt_train.tsv`` (``id, rating, text``); a malformed line names its number."""
    ids, texts, ratings = [], [], []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            line = line.rstrip("\n")
            if not line.strip():
                continue
            parts = line.split("\t", 2)
            if len(parts) != 3:
                raise ValueError(f"{path}, line {number}: expected id, rating and text")
            try:
                ratings.append(float(parts[1]))
            except ValueError as error:
                raise ValueError(f"{path}, line {number}: rating {parts[1]!r} "
                                 "is not a number") from error
            ids.append(parts[0])
            texts.append(parts[2])
    articles = np.array([i.split("_", 1)[0] for i in ids])
    return Ratings(tuple(ids), tuple(texts), np.array(ratings), articles)


# Grid searches score every sentence dozens of times: remember each one's terms
# (the training process only; the app's loader calls the plain functions).
_words = cache(word_terms)


@cache
def _dense(text: str) -> tuple[float, ...]:
    return tuple(dense_features(text))


def dense_matrix(texts: Sequence[str]) -> np.ndarray:
    """:func:`models.tone_news.dense_features` of each text, one row each."""
    return np.array([_dense(t) for t in texts], dtype=np.float64)


@dataclass(frozen=True, slots=True)
class PieceVectors:
    """Static word-piece vectors: the pieces, their float16 vectors, and where they came from."""

    pieces: tuple[str, ...]
    vectors: np.ndarray
    index: dict[str, int]
    meta: dict[str, Any]


@cache
def piece_vectors(path: Path = VECTORS_FILE) -> PieceVectors:
    """Read the vectors file written by :mod:`models.training.word_vectors` (no pickle)."""
    import json

    with np.load(path, allow_pickle=False) as npz:
        pieces = tuple(str(p) for p in npz["pieces"])
        vectors = np.asarray(npz["vectors"])
        meta = json.loads(str(npz["meta"]))
    if vectors.shape[0] != len(pieces) or UNKNOWN not in pieces:
        raise ValueError(f"{path}: {vectors.shape[0]} vectors for {len(pieces)} pieces, "
                         f"or no {UNKNOWN}")
    return PieceVectors(pieces, vectors, {p: i for i, p in enumerate(pieces)}, meta)


@cache
def _mean_vector(text: str) -> np.ndarray:
    table = piece_vectors()
    rows = [table.index[p] for p in word_pieces(text, table.index)]
    if not rows:
        return np.zeros(table.vectors.shape[1])
    return np.asarray(table.vectors[rows].astype(np.float64).mean(axis=0))


def vector_matrix(texts: Sequence[str]) -> np.ndarray:
    """The mean word-piece vector of each text (zeros for a text without pieces)."""
    return np.array([_mean_vector(t) for t in texts], dtype=np.float64)


def weighted(x: np.ndarray, weight: float) -> np.ndarray:
    """``x`` times ``weight`` (the vector block's weight, a grid parameter)."""
    return x * weight


def pipeline(alpha: float = 4.0, vector_weight: float = 0.3) -> Any:
    """The scikit-learn estimator the shipped model is exported from."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import Ridge
    from sklearn.pipeline import FeatureUnion, Pipeline
    from sklearn.preprocessing import FunctionTransformer, StandardScaler

    dense = Pipeline([("features", FunctionTransformer(dense_matrix)),
                      ("scale", StandardScaler())])
    vectors = Pipeline([("features", FunctionTransformer(vector_matrix)),
                        ("scale", StandardScaler()),
                        ("weight", FunctionTransformer(weighted,
                                                       kw_args={"weight": vector_weight}))])
    return Pipeline([
        ("features", FeatureUnion([
            ("dense", dense),
            ("words", TfidfVectorizer(analyzer=_words, sublinear_tf=True)),
            ("pieces", vectors),
        ])),
        ("ridge", Ridge(alpha=alpha, solver="sparse_cg", tol=1e-8, max_iter=10000)),
    ])


def pearson_scorer(estimator: Any, texts: Sequence[str], ratings: np.ndarray) -> float:
    """Cross-validation score: Pearson r of predictions with ratings."""
    return pearson(estimator.predict(list(texts)), ratings)


def grid_search(texts: Sequence[str], ratings: np.ndarray, articles: np.ndarray) -> Any:
    """Choose the ridge penalty and the vector block's weight by grouped 5-fold CV; refit."""
    from sklearn.model_selection import GridSearchCV, GroupKFold

    grid = {
        "ridge__alpha": list(ALPHAS),
        "features__pieces__weight__kw_args": [{"weight": w} for w in VECTOR_WEIGHTS],
    }
    search = GridSearchCV(pipeline(), grid, scoring=pearson_scorer, cv=GroupKFold(FOLDS),
                          refit=True, n_jobs=None, error_score="raise")
    search.fit(list(texts), ratings, groups=articles)
    return search


def export(estimator: Any, extra: dict[str, Any]) -> dict[str, Any]:
    """A fitted :func:`pipeline` as the content of a model file.

    The vector block is folded: with the block's scaler (mean ``mu``, scale ``s``),
    weight ``f`` and ridge weights ``w``, its contribution for a text whose mean
    piece vector is ``m`` is ``(m - mu) / s · f · w = mean over pieces of
    (v_p · u) - mu · u`` with ``u = f · w / s``: each piece gets ``v_p · u`` as its
    weight and ``- mu · u`` goes into the intercept.
    """
    from types import SimpleNamespace

    union = estimator.named_steps["features"]
    ridge = estimator.named_steps["ridge"]
    coef = np.asarray(ridge.coef_, dtype=np.float64)
    block = union.named_transformers["pieces"]
    scale, weight = block.named_steps["scale"], block.named_steps["weight"].kw_args["weight"]
    width = scale.mean_.shape[0]
    u = weight * coef[-width:] / scale.scale_
    table = piece_vectors()
    piece_weights = table.vectors.astype(np.float64) @ u
    head = SimpleNamespace(named_transformers=union.named_transformers,
                           transformer_list=[t for t in union.transformer_list
                                             if t[0] != "pieces"])
    spec = export_linear("tone_news", head, coef[:-width],
                         float(ridge.intercept_) - float(scale.mean_ @ u), DENSE_FEATURES, extra)
    spec["format"] = MODEL_FORMAT_PIECES
    spec["pieces"] = [{
        "name": "minilm",
        "tokenizer": PIECES_TOKENIZER,
        "pieces": list(table.pieces),
        "weights": [float(v) for v in piece_weights],
        "vectors": {"file": "models/training/vectors/minilm_pieces.npz",
                    "vectors_sha256": table.meta["vectors_sha256"],
                    "pieces_sha256": table.meta["pieces_sha256"],
                    "source": table.meta["model"]},
    }]
    return spec


def train_network(texts: Sequence[str], ratings: np.ndarray,
                  extra: dict[str, Any]) -> dict[str, Any]:
    """Fit the word-piece network (:mod:`models.training.piece_cnn`); its file's content."""
    table = piece_vectors()
    params = piece_cnn.train(texts, ratings, table.vectors, table.index)
    return piece_cnn.export(params, table.vectors, table.pieces, NETWORK_BLEND, {
        "vectors": {"file": "models/training/vectors/minilm_pieces.npz",
                    "vectors_sha256": table.meta["vectors_sha256"],
                    "pieces_sha256": table.meta["pieces_sha256"]},
        "tokenizer": PIECES_TOKENIZER,
        **extra,
    })


def train(data_dir: Path) -> tuple[Any, dict[str, Any], dict[str, Any]]:
    """Fit the shipped model on the whole file: the estimator, the linear model's file
    and the network's file."""
    from threadpoolctl import threadpool_limits

    from models.training.common import library_versions

    path = data_dir / DATA_FILE
    data = read_ratings(path)
    with threadpool_limits(limits=1):
        search = grid_search(data.texts, data.ratings, data.articles)
        network = train_network(data.texts, data.ratings, {
            "target": "mean human rating, -4..4",
            "training_data": {"file": f"vader-nyt/{DATA_FILE}", "sha256": sha256_of(path),
                              "rows": len(data.texts)},
            "versions": library_versions(),
            "licence": "Training data: MIT (vaderSentiment, Hutto & Gilbert 2014). Piece "
                       "table derived from all-MiniLM-L6-v2: Apache-2.0 (sentence-transformers;"
                       " BERT uncased vocabulary, Google, Apache-2.0).",
        })
    spec = export(search.best_estimator_, {
        "output": {"target": "mean human rating, -4..4", "divide_by": RATING_SCALE,
                   "clip": [-1.0, 1.0]},
        "selected": {"alpha": float(search.best_params_["ridge__alpha"]),
                     "vector_weight": float(
                       search.best_params_["features__pieces__weight__kw_args"]["weight"]),
                     "cv_pearson_r": float(search.best_score_)},
        "training_data": {"file": f"vader-nyt/{DATA_FILE}", "sha256": sha256_of(path),
                          "rows": len(data.texts)},
        "licence": "Training data: MIT (vaderSentiment, Hutto & Gilbert 2014). Word-piece "
                   "weights derived from all-MiniLM-L6-v2: Apache-2.0 (sentence-transformers; "
                   "BERT uncased vocabulary, Google, Apache-2.0).",
    })
    return search.best_estimator_, spec, network


def network_path(out: Path) -> Path:
    """Where the network's file goes beside the linear model's ``out``."""
    return out.with_name(f"{out.stem}{CNN_SUFFIX}{out.suffix}")


def _held_out_split(data: Ratings) -> tuple[np.ndarray, np.ndarray]:
    from sklearn.model_selection import GroupShuffleSplit

    split = GroupShuffleSplit(n_splits=1, test_size=HELD_OUT_SHARE, random_state=SEED)
    train_idx, test_idx = next(split.split(data.texts, data.ratings, data.articles))
    return train_idx, test_idx


def _fit_and_predict(data: Ratings, train_idx: np.ndarray, test_idx: np.ndarray) -> np.ndarray:
    """Choose and fit on ``train_idx``, then score ``test_idx`` as the app would (-1..1)."""
    texts = [data.texts[i] for i in train_idx]
    search = grid_search(texts, data.ratings[train_idx], data.articles[train_idx])
    fitted = as_shipped(export(search.best_estimator_, {}))
    network = piece_cnn.as_shipped_cnn(train_network(texts, data.ratings[train_idx], {}))
    return np.array([tone_from_rating(rating(data.texts[i], fitted, network))
                     if data.texts[i].strip() else 0.0 for i in test_idx])


def evaluate(data_dir: Path) -> dict[str, float]:
    """Held-out and nested-CV Pearson r of tone_news and of VADER, on the same sentences.

    ``held_out_*``: the model chosen and fitted on 80% of the articles, scored on
    the other 20% (never seen by model selection). ``cv_*``: outer 5-fold CV grouped
    by article, the grid search repeated inside each training part. Predictions go
    through the same loader as the app's (the model exported and read back).
    Takes several minutes.
    """
    from sklearn.model_selection import GroupKFold
    from threadpoolctl import threadpool_limits

    from models.tone import sentence_tone

    data = read_ratings(data_dir / DATA_FILE)
    articles = len(set(data.articles.tolist()))
    if articles < MIN_ARTICLES:
        raise TooFewError(f"{data_dir / DATA_FILE}: {len(data.texts)} sentences from "
                          f"{articles} articles; nested CV needs at least {MIN_ARTICLES}")
    vader = np.array([sentence_tone(t) for t in data.texts])
    with threadpool_limits(limits=1):
        train_idx, test_idx = _held_out_split(data)
        held_out = _fit_and_predict(data, train_idx, test_idx)
        nested = np.zeros_like(data.ratings)
        for outer_train, outer_test in GroupKFold(FOLDS).split(
            data.texts, data.ratings, data.articles
        ):
            nested[outer_test] = _fit_and_predict(data, outer_train, outer_test)
    return {
        "sentences": float(len(data.texts)),
        "held_out_sentences": float(len(test_idx)),
        "held_out_r": pearson(held_out, data.ratings[test_idx]),
        "held_out_vader_r": pearson(vader[test_idx], data.ratings[test_idx]),
        "cv_r": pearson(nested, data.ratings),
        "cv_vader_r": pearson(vader, data.ratings),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Train tone_news on the NYT ratings.")
    parser.add_argument("--data", type=Path, required=True, help="the vader-nyt folder")
    parser.add_argument("--out", type=Path, required=True, help="the model file to write")
    parser.add_argument("--evaluate", action="store_true",
                        help="also print held-out and nested-CV figures (slow)")
    args = parser.parse_args(argv)
    if not (args.data / DATA_FILE).is_file():
        sys.stderr.write(f"tone_news: {args.data / DATA_FILE} not found\n")
        return 1
    _, spec, network = train(args.data)
    write_model(spec, args.out)
    write_model(network, network_path(args.out))
    sys.stdout.write(f"wrote {args.out}: alpha {spec['selected']['alpha']}, "
                     f"vector weight {spec['selected']['vector_weight']}, "
                     f"grouped 5-fold CV r {spec['selected']['cv_pearson_r']:.4f} "
                     f"(the linear model alone); and {network_path(args.out)}\n")
    if args.evaluate:
        for key, value in evaluate(args.data).items():
            sys.stdout.write(f"{key}\t{value:.4f}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
