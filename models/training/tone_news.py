"""Train ``tone_news`` on the NYT editorial snippets (Hutto & Gilbert 2014, MIT).

    python -m models.training.tone_news --data ../shared/data/vader-nyt \\
        --out models/shipped/tone_news.json

Ridge regression on the human ratings (-4..4) over VADER's scores and TF-IDF of
words and character n-grams; the ridge penalty and whether character n-grams
help are chosen by 5-fold cross-validation grouped by article (sentences of
one article never sit on both sides of a split). Deterministic: no shuffling
except through fixed seeds, one thread, numbers rounded to 10 digits.

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

from models.tone_news import (
    DENSE_FEATURES,
    RATING_SCALE,
    char_terms,
    dense_features,
    rating,
    tone_from_rating,
    word_terms,
)
from models.training.common import (
    SEED,
    as_shipped,
    export_linear,
    pearson,
    sha256_of,
    write_model,
)

DATA_FILE = "nyt_train.tsv"
ALPHAS = (1.0, 2.0, 4.0, 8.0)
CHAR_MIN_DF = 3
FOLDS = 5
HELD_OUT_SHARE = 0.2
# Held-out split, then 5 outer folds each holding 5 inner folds: articles needed.
MIN_ARTICLES = 10


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
_chars = cache(char_terms)


@cache
def _dense(text: str) -> tuple[float, ...]:
    return tuple(dense_features(text))


def dense_matrix(texts: Sequence[str]) -> np.ndarray:
    """:func:`models.tone_news.dense_features` of each text, one row each."""
    return np.array([_dense(t) for t in texts], dtype=np.float64)


def pipeline(alpha: float = 2.0) -> Any:
    """The scikit-learn estimator the shipped model is exported from."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import Ridge
    from sklearn.pipeline import FeatureUnion, Pipeline
    from sklearn.preprocessing import FunctionTransformer, StandardScaler

    dense = Pipeline([("features", FunctionTransformer(dense_matrix)),
                      ("scale", StandardScaler())])
    return Pipeline([
        ("features", FeatureUnion([
            ("dense", dense),
            ("words", TfidfVectorizer(analyzer=_words, sublinear_tf=True)),
            ("chars", TfidfVectorizer(analyzer=_chars, sublinear_tf=True,
                                      min_df=CHAR_MIN_DF)),
        ])),
        ("ridge", Ridge(alpha=alpha, solver="sparse_cg", tol=1e-8, max_iter=10000)),
    ])


def pearson_scorer(estimator: Any, texts: Sequence[str], ratings: np.ndarray) -> float:
    """Cross-validation score: Pearson r of predictions with ratings."""
    return pearson(estimator.predict(list(texts)), ratings)


def grid_search(texts: Sequence[str], ratings: np.ndarray, articles: np.ndarray) -> Any:
    """Choose the ridge penalty and the character block by grouped 5-fold CV; refit on all."""
    from sklearn.model_selection import GridSearchCV, GroupKFold

    grid = {
        "ridge__alpha": list(ALPHAS),
        "features__chars": [pipeline().named_steps["features"].transformer_list[2][1], "drop"],
    }
    search = GridSearchCV(pipeline(), grid, scoring=pearson_scorer, cv=GroupKFold(FOLDS),
                          refit=True, n_jobs=None, error_score="raise")
    search.fit(list(texts), ratings, groups=articles)
    return search


def export(estimator: Any, extra: dict[str, Any]) -> dict[str, Any]:
    """A fitted :func:`pipeline` as the content of a model file."""
    ridge = estimator.named_steps["ridge"]
    return export_linear("tone_news", estimator.named_steps["features"], ridge.coef_,
                         float(ridge.intercept_), DENSE_FEATURES, extra)


def train(data_dir: Path) -> tuple[Any, dict[str, Any]]:
    """Fit the shipped model on the whole file; returns the estimator and the model file."""
    from threadpoolctl import threadpool_limits

    path = data_dir / DATA_FILE
    data = read_ratings(path)
    with threadpool_limits(limits=1):
        search = grid_search(data.texts, data.ratings, data.articles)
    chars = search.best_params_["features__chars"]
    spec = export(search.best_estimator_, {
        "output": {"target": "mean human rating, -4..4", "divide_by": RATING_SCALE,
                   "clip": [-1.0, 1.0]},
        "selected": {"alpha": float(search.best_params_["ridge__alpha"]),
                     "chars": chars != "drop",
                     "cv_pearson_r": float(search.best_score_)},
        "training_data": {"file": f"vader-nyt/{DATA_FILE}", "sha256": sha256_of(path),
                          "rows": len(data.texts)},
        "licence": "Training data: MIT (vaderSentiment, Hutto & Gilbert 2014).",
    })
    return search.best_estimator_, spec


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
    return np.array([tone_from_rating(rating(data.texts[i], fitted)) if data.texts[i].strip()
                     else 0.0 for i in test_idx])


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
    _, spec = train(args.data)
    write_model(spec, args.out)
    sys.stdout.write(f"wrote {args.out}: alpha {spec['selected']['alpha']}, "
                     f"chars {spec['selected']['chars']}, "
                     f"grouped 5-fold CV r {spec['selected']['cv_pearson_r']:.4f}\n")
    if args.evaluate:
        for key, value in evaluate(args.data).items():
            sys.stdout.write(f"{key}\t{value:.4f}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
