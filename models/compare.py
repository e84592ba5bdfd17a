"""Across outlets: per-outlet aggregates with intervals, standardised profiles,
and the similarity between articles.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

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


#: How an outlet's value of a measure is formed, as compare_outlets forms it: shown on
#: the Methods page ("Outlet averages").
OUTLET_AVERAGES = (
    "An outlet's value of a measure (its bar in One measure by outlet, its cell in "
    "Outlet profiles, its row of outlets.csv and the report's Outlets table) is the "
    "plain mean of its articles' values, each article counting once whatever its "
    "length: a mean of article values, not pooled over the outlet's words or sentences. "
    "Its epistemic hedges per 100 words is the mean of its articles' rates, not all its "
    "hedges over all its words; its tone the mean of its articles' mean sentence tones; "
    "its named sources the mean number an article names. An article without a value "
    "(no body words for a rate, a tone or a source count; no headline for a headline "
    "measure) is left out, and outlets.csv's column ending in _n gives how many articles "
    "are in each mean. For a flag (a hedged headline) the mean is the share of the "
    "outlet's articles flagged. The interval around it is the 95% Student-t interval "
    "of that mean over the outlet's articles (their sample standard deviation, n − 1 "
    "degrees of freedom), given from two articles with a value. The heatmap's colour "
    "compares an outlet's mean with the plain mean of the outlets' means, in standard "
    "deviations over outlets (each outlet counts once, whatever its number of "
    "articles). Articles you exclude are in none of these. The topic shares of What "
    "each outlet stresses are the exception: a share of the outlet's sentences, pooled "
    "over its articles."
)


def outlet_names(analyses: Sequence[ArticleAnalysis]) -> list[str]:
    """Distinct outlets, sorted case-insensitively (stable chart and table order)."""
    return sorted({a.outlet for a in analyses}, key=lambda o: (o.casefold(), o))


@functools.lru_cache(maxsize=1024)
def _t_quantile(df: int) -> float:
    """The 97.5th percentile of Student's t with ``df`` degrees of freedom (the half-width
    of a 95% interval, in standard errors). Kept per ``df``: an outlet heatmap asks for one
    per outlet and measure (570 for 30 outlets) with a handful of distinct ``df``, and each
    scipy call (~70 µs of small numpy steps) lets go of the interpreter lock about three
    times. 1,797 such releases in the 300-article heatmap's ~70 ms build starved the window's
    thread on a quiet machine (bench/chart_gil.py: a 71-77 ms gap); memoised, 105."""
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
    """Aggregate each measure in ``keys`` per outlet (undefined values skipped): the plain
    mean of the articles' values, as :data:`OUTLET_AVERAGES` states it."""
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
    return _centred(summaries, keys, [0.0] * len(keys))


# The outlet heatmap's colour never divides by less than this share of a measure's scale.
MIN_SPREAD_SHARE = 0.1


def scale_span(unit: str, centre: float) -> float:
    """The size of a measure's scale in its own unit: 2 for scores from −1 to 1, 1 for
    shares, probabilities and flags; for open-ended rates and counts (per 100 words,
    distinct sources, mentions), the size of the mean over outlets (``centre``)."""
    if "1 to 1" in unit:
        return 2.0
    if "0–1" in unit or "0 or 1" in unit:
        return 1.0
    return abs(centre)


def value_bounds(unit: str) -> tuple[float, float]:
    """The lowest and highest value a measure in ``unit`` can take: −1 and 1 for scores
    from −1 to 1; 0 and 1 for shares, probabilities and flags; 0 and no upper limit for
    rates and counts (per 100 words, distinct sources, mentions, words)."""
    if "1 to 1" in unit:
        return -1.0, 1.0
    if "0–1" in unit or "0 or 1" in unit:
        return 0.0, 1.0
    return 0.0, math.inf


def colour_scores(
    summaries: Sequence[OutletSummary], keys: Sequence[str], units: Sequence[str]
) -> np.ndarray:
    """Outlets × measures: how far each outlet mean lies from the mean over outlets, in
    standard deviations over outlets, where that deviation is at least
    :data:`MIN_SPREAD_SHARE` of the measure's :func:`scale_span`. Equal to the z-score
    wherever the outlets differ by more than that; where they differ by a hair (news
    tone −0.13 to −0.18 on a scale from −1 to 1) the scores stay near 0, instead of a
    z-score's full ±1.5. NaN stays NaN."""
    raw = np.array([[s.mean[k] for k in keys] for s in summaries], dtype=float)
    floors = []
    for j, unit in enumerate(units):
        col = raw[:, j] if raw.size else raw.reshape(0)
        col = col[~np.isnan(col)]
        floors.append(MIN_SPREAD_SHARE * scale_span(unit, float(col.mean()) if col.size
                                                    else 0.0))
    return _centred(summaries, keys, floors)


def _centred(
    summaries: Sequence[OutletSummary], keys: Sequence[str], floors: Sequence[float]
) -> np.ndarray:
    """Each column centred on its mean over outlets, divided by the larger of its standard
    deviation over outlets and its floor (0 where both are 0; NaN stays NaN)."""
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
        sd = max(float(col[ok].std()), floors[j])
        out[ok, j] = centred / sd if sd > 1e-12 else 0.0
    return out


def body_text(analysis: ArticleAnalysis) -> str:
    return " ".join(s.text for s in analysis.article.body_sentences)


def _tfidf(texts: Sequence[str]) -> Any:
    """L2-normalised TF-IDF rows of ``texts`` (None when no text has a content word).

    The columns are in the order the terms were first met, not sorted by term: only dot
    products of rows are taken, which do not depend on the columns' order (only the
    order of a sum's terms changes: 1e-16 at most). scikit-learn's sort of the
    vocabulary (``sorted`` over ~10^5 unigrams and bigrams at 300 articles) is one C
    call of 150-250 ms CPU holding the interpreter lock: on the window's chart thread it
    held the window as long, and it is half of the vectoriser's time."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    class UnsortedTfidf(TfidfVectorizer):  # type: ignore[misc]  # untyped scikit-learn
        def _sort_features(self, X: Any, vocabulary: Any) -> Any:
            return X  # (where scikit-learn no longer calls this, it sorts: same values)

    if not any(t.strip() for t in texts):
        return None
    vectoriser = UnsortedTfidf(
        stop_words="english", ngram_range=(1, 2), sublinear_tf=True, min_df=1
    )
    try:
        return vectoriser.fit_transform(texts)
    except ValueError:  # every text is stop words only: nothing to compare
        return None


def similarity_matrix(analyses: Sequence[ArticleAnalysis]) -> np.ndarray:
    """Articles × articles cosine similarity (0–1) of TF-IDF vectors of the body text.

    Word unigrams and bigrams, English stop words removed, sublinear term
    frequency; the diagonal is 1 for any article with words.
    """
    n = len(analyses)
    if n == 0:
        return np.zeros((0, 0))
    from sklearn.metrics.pairwise import cosine_similarity

    matrix = _tfidf([body_text(a) for a in analyses])
    if matrix is None:
        return np.eye(n)
    sim: np.ndarray = np.clip(np.asarray(cosine_similarity(matrix), dtype=float), 0.0, 1.0)
    return sim


def outlet_similarity_matrix(
    analyses: Sequence[ArticleAnalysis], outlets: Sequence[str]
) -> tuple[np.ndarray, np.ndarray]:
    """Outlets × outlets: the mean cosine similarity (0–1) of their articles' TF-IDF vectors.

    The same vectors as :func:`similarity_matrix`, averaged over every pair of
    articles (a from one outlet, b from the other; an article is never paired
    with itself), without building the articles × articles matrix: the vectors
    are unit length, so the mean of the dot products is the dot product of
    the sums over the number of pairs. Returns the means (NaN where an outlet
    has no pair: one article compared with its own outlet) and the pair counts.
    """
    k = len(outlets)
    index = {o: i for i, o in enumerate(outlets)}
    members = np.array([index[a.outlet] for a in analyses], dtype=int)
    matrix = _tfidf([body_text(a) for a in analyses])
    sizes = np.bincount(members, minlength=k).astype(float)
    pairs = np.outer(sizes, sizes) - np.diag(sizes)
    if matrix is None or not len(analyses):
        return np.full((k, k), np.nan), pairs
    from scipy.sparse import csr_matrix

    membership = csr_matrix(
        (np.ones(len(members)), (members, np.arange(len(members)))), shape=(k, len(members))
    )
    sums = membership @ matrix  # one summed vector per outlet
    dots = np.asarray((sums @ sums.T).todense(), dtype=float)
    norms = np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel()  # 1, or 0 for no words
    self_pairs = np.bincount(members, weights=norms, minlength=k)
    dots -= np.diag(self_pairs)
    with np.errstate(invalid="ignore", divide="ignore"):
        means = np.where(pairs > 0, dots / np.where(pairs > 0, pairs, 1), np.nan)
    return np.clip(means, 0.0, 1.0), pairs
