"""The statistics of the hand-labelled checks, written once: precision, recall and F1
weighted back to a stratified draw's population, their stratified bootstrap 95% interval,
Cohen's kappa between two labellers, and Wilson's interval of a proportion.

bench/news_hedges.py (sentences drawn by the detector's decision), bench/claims_pairs.py
(sentence pairs drawn by bands of similarity) and bench/validity.py (both labels files,
for resources/validation.json) use these and no copy of them.

Definitions (the same for every check):

* **Weights.** A draw takes a few items from each stratum (a stratum: the detector's
  decision, a band of similarity); each labelled item stands for its stratum's population
  size over the number of that stratum's items that are labelled (and kept: two
  labellers' disagreements are left out), so every stratum keeps its size in the figures
  (:func:`weights_by_stratum`).
* **Precision, recall, F1** of the positive class (uncertain sentence, same statement):
  precision = TP / predicted, recall = TP / actual, F1 = 2 TP / (predicted + actual),
  each count weighted. Precision is undefined (NaN) when nothing is predicted, recall when
  nothing is actual, F1 only when both are empty; F1 is 0 when nothing is found
  (:func:`prf`).
* **Interval.** A stratified bootstrap: each of ``REPEATS`` (2,000) resamples draws, with
  replacement, as many items from each stratum as it has labelled, the design the draw
  used; the interval is the 2.5th and 97.5th percentiles of the statistic over the
  resamples (numpy's linear interpolation), resamples where it is undefined left out
  (:func:`resample_counts`, :func:`percentile_interval`).
* **Random numbers.** One generator, ``numpy.random.default_rng(seed)`` (PCG64), seed
  ``SEED`` (16) unless a caller gives another: the same items in the same order give the
  same interval on every machine. Strata are resampled in the order their first item
  appears, so keep the items in a fixed order (the labels file's).
* **Cohen's kappa** (Cohen 1960): (observed agreement - chance agreement) /
  (1 - chance agreement), chance from each labeller's own share of positives.
* **Wilson's interval** (Wilson 1927) of a proportion on the unweighted sample.

bench/ is not a package: a script run by path has its own folder first on ``sys.path``,
so ``import labelled_stats`` finds this file.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

#: The seed of every bootstrap of a hand-labelled check.
SEED = 16
#: Resamples per bootstrap.
REPEATS = 2000


def weights_by_stratum(strata: Sequence[Hashable], size: Mapping[Any, float]) -> list[float]:
    """Each item's weight: its stratum's population ``size`` over how many of the items
    given belong to that stratum."""
    count: dict[Hashable, int] = {}
    for name in strata:
        count[name] = count.get(name, 0) + 1
    return [size[name] / count[name] for name in strata]


def prf(tp: Any, predicted: Any, actual: Any) -> tuple[Any, Any, Any]:
    """Precision, recall and F1 from (weighted) counts: numbers or numpy arrays of them.
    NaN where undefined (see the module's definitions)."""
    tp, predicted, actual = (np.asarray(x, dtype=float) for x in (tp, predicted, actual))
    with np.errstate(invalid="ignore", divide="ignore"):
        precision = np.where(predicted > 0, tp / np.where(predicted > 0, predicted, 1), np.nan)
        recall = np.where(actual > 0, tp / np.where(actual > 0, actual, 1), np.nan)
        both = predicted + actual
        f1 = np.where(both > 0, 2 * tp / np.where(both > 0, both, 1), np.nan)
    if precision.ndim == 0:
        return float(precision), float(recall), float(f1)
    return precision, recall, f1


def weighted_prf(says: Sequence[bool], truth: Sequence[bool],
                 weights: Sequence[float]) -> tuple[float, float, float]:
    """Precision, recall and F1 of the positive class, each item counted ``weight`` times."""
    s, t, w = _arrays(says, truth, weights)
    result: tuple[float, float, float] = prf((w * (s & t)).sum(), (w * s).sum(), (w * t).sum())
    return result


def resample_counts(strata: Sequence[Hashable], repeats: int = REPEATS,
                    seed: int = SEED) -> Any:
    """A ``repeats`` x items array: how often each item is drawn in each stratified
    resample (with replacement, as many from each stratum as it has). A weighted count
    over a resample is then ``(counts * weights) @ indicator``, so several statistics
    (e.g. at several thresholds) can share, and be paired on, the same resamples."""
    rng = np.random.default_rng(seed)
    members: dict[Hashable, list[int]] = {}
    for k, name in enumerate(strata):
        members.setdefault(name, []).append(k)
    counts = np.zeros((repeats, len(strata)))
    rows = np.arange(repeats)[:, None]
    for index in members.values():
        picks = rng.integers(0, len(index), size=(repeats, len(index)))
        np.add.at(counts, (rows, np.asarray(index)[picks]), 1.0)
    return counts


def percentile_interval(values: Any) -> tuple[float, float]:
    """The 2.5th and 97.5th percentiles of bootstrap values, NaN left out (NaN, NaN when
    none is left)."""
    values = np.asarray(values, dtype=float)
    values = values[~np.isnan(values)]
    if not len(values):
        return math.nan, math.nan
    return float(np.percentile(values, 2.5)), float(np.percentile(values, 97.5))


@dataclass(frozen=True)
class Figures:
    """Weighted precision, recall and F1 with their 95% bootstrap intervals, and the
    sample's unweighted counts."""

    precision: float
    recall: float
    f1: float
    precision_ci: tuple[float, float]
    recall_ci: tuple[float, float]
    f1_ci: tuple[float, float]
    tp: int
    predicted: int
    actual: int
    items: int


def weighted_figures(says: Sequence[bool], truth: Sequence[bool], strata: Sequence[Hashable],
                     weights: Sequence[float], repeats: int = REPEATS,
                     seed: int = SEED) -> Figures:
    """:func:`weighted_prf` and its stratified bootstrap 95% intervals."""
    s, t, w = _arrays(says, truth, weights)
    p, r, f = weighted_prf(says, truth, weights)
    boot = resample_counts(strata, repeats, seed) * w
    bp, br, bf = prf(boot @ (s & t), boot @ s, boot @ t)
    return Figures(p, r, f, percentile_interval(bp), percentile_interval(br),
                   percentile_interval(bf), int((s & t).sum()), int(s.sum()), int(t.sum()),
                   len(s))


def cohen_kappa(first: Sequence[bool], second: Sequence[bool]) -> float:
    """Cohen's kappa of two labellers' yes/no labels of the same items, in the same order
    (NaN when chance agreement is 1: both gave one and the same label to everything)."""
    n = len(first)
    if n == 0 or n != len(second):
        raise ValueError("kappa needs two equally long, non-empty label lists")
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / n
    a_yes, b_yes = sum(first) / n, sum(second) / n
    expected = a_yes * b_yes + (1 - a_yes) * (1 - b_yes)
    return (observed - expected) / (1 - expected) if expected < 1 else math.nan


def wilson(successes: float, total: float, z: float = 1.96) -> tuple[float, float]:
    """Wilson's 95% score interval of a proportion (NaN, NaN for no trials)."""
    if total <= 0:
        return math.nan, math.nan
    share = successes / total
    middle = (share + z * z / (2 * total)) / (1 + z * z / total)
    half = z * math.sqrt(share * (1 - share) / total + z * z / (4 * total * total)) / (
        1 + z * z / total)
    return middle - half, middle + half


def _arrays(says: Sequence[bool], truth: Sequence[bool],
            weights: Sequence[float]) -> tuple[Any, Any, Any]:
    s, t = np.asarray(says, dtype=bool), np.asarray(truth, dtype=bool)
    w = np.asarray(weights, dtype=float)
    if not s.shape == t.shape == w.shape:
        raise ValueError("says, truth and weights must be equally long")
    return s, t, w
