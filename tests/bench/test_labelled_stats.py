"""bench/labelled_stats.py: the hand-labelled checks' statistics against worked examples."""

from __future__ import annotations

import math
from types import ModuleType

import numpy as np
import pytest

from tests.bench.conftest import load_bench_script


@pytest.fixture(scope="module")
def stats() -> ModuleType:
    return load_bench_script("labelled_stats")


def test_kappa_of_a_textbook_two_by_two_table(stats) -> None:
    # The worked 2x2 example of Cohen's kappa (e.g. Wikipedia's): of 50 items both say yes
    # to 20, A yes / B no 5, A no / B yes 10, both no 15. Observed agreement 35/50 = 0.7;
    # A says yes to 25/50, B to 30/50; chance 0.5 * 0.6 + 0.5 * 0.4 = 0.5;
    # kappa (0.7 - 0.5) / (1 - 0.5) = 0.4.
    first = [True] * 20 + [True] * 5 + [False] * 10 + [False] * 15
    second = [True] * 20 + [False] * 5 + [True] * 10 + [False] * 15
    assert stats.cohen_kappa(first, second) == pytest.approx(0.4)
    # Its second table (45 / 15 / 25 / 15 of 100): observed 0.6, chance
    # 0.6 * 0.7 + 0.4 * 0.3 = 0.54, kappa 0.06 / 0.46.
    first = [True] * 45 + [True] * 15 + [False] * 25 + [False] * 15
    second = [True] * 45 + [False] * 15 + [True] * 25 + [False] * 15
    assert stats.cohen_kappa(first, second) == pytest.approx(0.06 / 0.46)
    assert stats.cohen_kappa([True, False], [True, False]) == 1.0
    assert math.isnan(stats.cohen_kappa([True, True], [True, True]))  # chance agreement 1
    with pytest.raises(ValueError):
        stats.cohen_kappa([True], [True, False])
    with pytest.raises(ValueError):
        stats.cohen_kappa([], [])


def test_weighted_f1_worked_by_hand(stats) -> None:
    # A draw of 4 from a stratum of 100 the detector calls hedged (3 truly uncertain) and
    # of 6 from 900 it calls plain (1 truly uncertain, missed). Each hedged sentence
    # stands for 25, each plain one for 150: TP 75, predicted 100, actual 75 + 150 = 225.
    # P = 0.75, R = 1/3, F1 = 2 * 75 / (100 + 225) = 150/325.
    strata = ["hedged"] * 4 + ["plain"] * 6
    says = [True] * 4 + [False] * 6
    truth = [True, True, True, False, True] + [False] * 5
    weights = stats.weights_by_stratum(strata, {"hedged": 100, "plain": 900})
    assert weights == [25.0] * 4 + [150.0] * 6
    p, r, f = stats.weighted_prf(says, truth, weights)
    assert (p, r) == (pytest.approx(0.75), pytest.approx(1 / 3))
    assert f == pytest.approx(150 / 325)
    assert f == pytest.approx(2 * p * r / (p + r))  # the harmonic mean
    # Unweighted, the same sample: P 3/4, R 3/4.
    assert stats.weighted_prf(says, truth, [1.0] * 10)[:2] == (0.75, 0.75)
    # One plain sentence left out (say, two labellers disagree): its stratum keeps its size,
    # the other five carry it (180 each), so recall is unchanged.
    kept = [k for k in range(10) if k != 9]
    weights = stats.weights_by_stratum([strata[k] for k in kept], {"hedged": 100, "plain": 900})
    assert weights[4:] == [180.0] * 5
    assert stats.weighted_prf([says[k] for k in kept], [truth[k] for k in kept],
                              weights) == (pytest.approx(0.75), pytest.approx(75 / 255),
                                           pytest.approx(150 / 355))


def test_undefined_figures_are_nan_and_nothing_found_is_zero(stats) -> None:
    p, r, f = stats.prf(0, 0, 0)
    assert math.isnan(p) and math.isnan(r) and math.isnan(f)
    p, r, f = stats.prf(0, 0, 5)  # nothing predicted, five to find
    assert math.isnan(p) and r == 0.0 and f == 0.0
    p, r, f = stats.prf(np.array([1.0, 0.0]), np.array([2.0, 0.0]), np.array([1.0, 0.0]))
    assert p[0] == 0.5 and r[0] == 1.0 and f[0] == pytest.approx(2 / 3) and math.isnan(f[1])
    with pytest.raises(ValueError):
        stats.weighted_prf([True], [True, False], [1.0])


def test_resamples_keep_each_stratum_s_size_and_repeat(stats) -> None:
    strata = ["a", "b", "a", "c", "b", "a"]
    counts = stats.resample_counts(strata, repeats=50, seed=3)
    assert counts.shape == (50, 6)
    for name, size in (("a", 3), ("b", 2), ("c", 1)):
        index = [k for k, s in enumerate(strata) if s == name]
        assert (counts[:, index].sum(axis=1) == size).all()
    assert (stats.resample_counts(strata, repeats=50, seed=3) == counts).all()
    assert not (stats.resample_counts(strata, repeats=50, seed=4) == counts).all()


def test_the_bootstrap_interval_is_repeatable_and_holds_the_estimate(stats) -> None:
    strata = ["hedged"] * 30 + ["plain"] * 40
    says = [True] * 30 + [False] * 40
    truth = [k % 3 != 0 for k in range(30)] + [k % 10 == 0 for k in range(40)]
    weights = stats.weights_by_stratum(strata, {"hedged": 60, "plain": 320})
    got = stats.weighted_figures(says, truth, strata, weights, repeats=300)
    assert got == stats.weighted_figures(says, truth, strata, weights, repeats=300)
    assert got.f1_ci != stats.weighted_figures(says, truth, strata, weights, repeats=300,
                                               seed=17).f1_ci
    for name in ("precision", "recall", "f1"):
        low, high = getattr(got, f"{name}_ci")
        assert low < getattr(got, name) < high
    assert got.precision_ci[0] > 0.4 and got.recall_ci[1] <= 1.0
    assert (got.tp, got.predicted, got.actual, got.items) == (20, 30, 24, 70)


def test_the_interval_covers_a_known_f1_about_95_times_in_100(stats) -> None:
    # A population whose F1 is known: the detector calls 1,000 sentences hedged (60%
    # truly uncertain) and 4,000 plain (5% uncertain): TP 600, predicted 1,000, actual
    # 800, F1 1200/1800. 200 stratified draws (40 + 60, seeded); the 95% interval of
    # each should hold the true F1 in about 95% of them (the percentile bootstrap on
    # samples this small may fall a little short).
    true_f1 = 2 * 600 / (1000 + 800)
    rng = np.random.default_rng(2017)
    strata = ["hedged"] * 40 + ["plain"] * 60
    says = [s == "hedged" for s in strata]
    weights = stats.weights_by_stratum(strata, {"hedged": 1000, "plain": 4000})
    hits = 0
    for trial in range(200):
        truth = rng.random(100) < np.where(np.array(says), 0.6, 0.05)
        low, high = stats.weighted_figures(says, truth, strata, weights, repeats=1000,
                                           seed=trial).f1_ci
        hits += low <= true_f1 <= high
    assert 0.90 <= hits / 200 <= 0.99


def test_percentile_interval_leaves_out_undefined_resamples(stats) -> None:
    values = np.array([math.nan] * 5 + list(range(101)), dtype=float)
    assert stats.percentile_interval(values) == (2.5, 97.5)
    assert all(math.isnan(v) for v in stats.percentile_interval(np.array([math.nan])))


def test_wilson_interval(stats) -> None:
    low, high = stats.wilson(0, 10)
    assert low == pytest.approx(0.0, abs=1e-12) and high == pytest.approx(0.2775, abs=1e-4)
    low, high = stats.wilson(5, 10)
    assert (low, high) == pytest.approx((0.2366, 0.7634), abs=1e-4)
    assert all(math.isnan(v) for v in stats.wilson(0, 0))
