import math

import numpy as np
import pytest

from models.compare import (
    compare_outlets,
    outlet_names,
    similarity_matrix,
    standardised,
    summarise,
)
from tests.models.conftest import make_analysis

TEN_WORDS = "one two three four five six seven eight nine ten."


def _corpus():
    return [
        make_analysis("a1", "Beta", [TEN_WORDS], [(0, "hedge", "epistemic")]),
        make_analysis("a2", "Beta", [TEN_WORDS], [(0, "hedge", "epistemic")] * 3),
        make_analysis("a3", "alpha", [TEN_WORDS], []),
    ]


def test_outlet_names_sorted_case_insensitively() -> None:
    assert outlet_names(_corpus()) == ["alpha", "Beta"]


def test_outlet_means_and_student_t_interval() -> None:
    key = "hedges_epistemic_per_100w"
    alpha, beta = compare_outlets(_corpus(), [key])
    assert beta.article_ids == ("a1", "a2")
    assert beta.mean[key] == pytest.approx(20.0)  # (10 + 30) / 2 per 100 words
    # t(0.975, df=1) = 12.706; sd = 14.142; half width = 12.706 * 14.142 / sqrt(2)
    assert beta.ci_high[key] - beta.mean[key] == pytest.approx(127.06, rel=1e-3)
    assert alpha.mean[key] == 0.0 and math.isnan(alpha.ci_low[key])
    assert alpha.n[key] == 1


def test_undefined_values_are_skipped_not_zeroed() -> None:
    corpus = [
        make_analysis("h", "X", ["Officials resign in protest."], headline="Officials resign"),
        make_analysis("n", "X", ["Officials resign in protest."]),
    ]
    (summary,) = compare_outlets(corpus, ["headline_hedged"])
    assert summary.n["headline_hedged"] == 1
    assert summary.mean["headline_hedged"] == 0.0


def test_summarise_empty() -> None:
    assert all(math.isnan(v) for v in summarise([]))


def test_standardised_columns_are_z_scores() -> None:
    keys = ["hedges_epistemic_per_100w", "boosters_per_100w"]
    summaries = compare_outlets(_corpus(), keys)
    z = standardised(summaries, keys)
    assert z.shape == (2, 2)
    assert z[:, 0] == pytest.approx([-1.0, 1.0])
    assert z[:, 1] == pytest.approx([0.0, 0.0])  # no spread: 0, not a division by zero


def test_similarity_matrix() -> None:
    corpus = [
        make_analysis("a", "X", ["The Kremlin bars officials from resigning."]),
        make_analysis("b", "Y", ["The Kremlin bars officials from resigning their posts."]),
        make_analysis("c", "Z", ["Heavy rain floods the valley."]),
    ]
    sim = similarity_matrix(corpus)
    assert sim.shape == (3, 3)
    assert np.allclose(np.diag(sim), 1.0)
    assert np.allclose(sim, sim.T)
    assert sim[0, 1] > 0.5 > sim[0, 2]
    assert sim[0, 2] == pytest.approx(0.0)


def test_similarity_of_nothing() -> None:
    assert similarity_matrix([]).shape == (0, 0)
    only_stop_words = [make_analysis("a", "X", ["the and of."]), make_analysis("b", "Y", ["it is."])]
    assert np.array_equal(similarity_matrix(only_stop_words), np.eye(2))
