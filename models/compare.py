"""Across outlets: per-outlet aggregates with intervals, standardised profiles,
and the similarity between articles.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from models.features import ArticleAnalysis


@dataclass(frozen=True, slots=True)
class OutletSummary:
    """One outlet's articles and, per measure, the mean and a 95% interval.

    ``ci_low``/``ci_high`` are a Student-t interval over the outlet's
    articles; NaN when the outlet has fewer than two articles with a value.
    """

    outlet: str
    article_ids: tuple[str, ...]
    mean: dict[str, float]
    ci_low: dict[str, float]
    ci_high: dict[str, float]
    n: dict[str, int]


def outlet_names(analyses: Sequence[ArticleAnalysis]) -> list[str]:
    """Distinct outlets, sorted case-insensitively (stable chart and table order)."""
    return sorted({a.outlet for a in analyses}, key=lambda o: (o.casefold(), o))


def _t_quantile(df: int) -> float:
    from scipy.stats import t

    return float(t.ppf(0.975, df))


def summarise(values: Sequence[float]) -> tuple[float, float, float]:
    """Mean and 95% Student-t interval of ``values``; NaN where undefined."""
    if not values:
        return math.nan, math.nan, math.nan
    arr = np.asarray(values, dtype=float)
    mean = float(arr.mean())
    if len(arr) < 2:
        return mean, math.nan, math.nan
    half = _t_quantile(len(arr) - 1) * float(arr.std(ddof=1)) / math.sqrt(len(arr))
    return mean, mean - half, mean + half


def compare_outlets(
    analyses: Sequence[ArticleAnalysis], keys: Sequence[str]
) -> list[OutletSummary]:
    """Aggregate each measure in ``keys`` per outlet (undefined values skipped)."""
    summaries = []
    for outlet in outlet_names(analyses):
        members = [a for a in analyses if a.outlet == outlet]
        mean: dict[str, float] = {}
        low: dict[str, float] = {}
        high: dict[str, float] = {}
        n: dict[str, int] = {}
        for key in keys:
            values = [v for a in members if (v := a.scores.value(key)) is not None]
            mean[key], low[key], high[key] = summarise(values)
            n[key] = len(values)
        summaries.append(
            OutletSummary(outlet, tuple(a.article_id for a in members), mean, low, high, n)
        )
    return summaries


def standardised(summaries: Sequence[OutletSummary], keys: Sequence[str]) -> np.ndarray:
    """Outlets × measures matrix of z-scores of the outlet means, per measure.

    Each column is centred on the mean over outlets and divided by its standard
    deviation over outlets; a column with no spread is 0; NaN stays NaN.
    """
    raw = np.array([[s.mean[k] for k in keys] for s in summaries], dtype=float)
    if raw.size == 0:
        return raw.reshape(len(summaries), len(keys))
    out = np.full_like(raw, np.nan)
    for j in range(raw.shape[1]):
        col = raw[:, j]
        ok = ~np.isnan(col)
        if not ok.any():
            continue
        centred = col[ok] - col[ok].mean()
        sd = col[ok].std()
        out[ok, j] = centred / sd if sd > 1e-12 else 0.0
    return out


def body_text(analysis: ArticleAnalysis) -> str:
    return " ".join(s.text for s in analysis.article.body_sentences)


def similarity_matrix(analyses: Sequence[ArticleAnalysis]) -> np.ndarray:
    """Articles × articles cosine similarity (0–1) of TF-IDF vectors of the body text.

    Word unigrams and bigrams, English stop words removed, sublinear term
    frequency; the diagonal is 1 for any article with words.
    """
    n = len(analyses)
    if n == 0:
        return np.zeros((0, 0))
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    texts = [body_text(a) for a in analyses]
    if not any(t.strip() for t in texts):
        return np.eye(n)
    vectoriser = TfidfVectorizer(
        stop_words="english", ngram_range=(1, 2), sublinear_tf=True, min_df=1
    )
    try:
        matrix = vectoriser.fit_transform(texts)
    except ValueError:  # every text is stop words only: nothing to compare
        return np.eye(n)
    sim: np.ndarray = np.clip(np.asarray(cosine_similarity(matrix), dtype=float), 0.0, 1.0)
    return sim
