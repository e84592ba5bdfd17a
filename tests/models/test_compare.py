import math

import numpy as np
import pytest

from models.compare import (
    OutletSummary,
    colour_scores,
    compare_outlets,
    outlet_names,
    similarity_matrix,
    standardised,
    summarise,
    value_bounds,
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


def test_each_t_quantile_is_asked_of_scipy_once_per_sample_size(monkeypatch) -> None:
    """An outlet heatmap summarises every outlet and measure; scipy's t.ppf, whose small
    numpy steps let go of the interpreter lock, is asked once per degrees of freedom, not
    once per cell (570 calls for 30 outlets starved the window's thread)."""
    from scipy.stats import t

    asked: list[int] = []
    real_ppf = t.ppf
    monkeypatch.setattr(t, "ppf", lambda q, df: asked.append(df) or real_ppf(q, df))
    keys = ["hedges_epistemic_per_100w", "boosters_per_100w", "sentences"]
    # Twelve outlets: ten of two articles, two of three: df 1 and 2 only.
    corpus = [make_analysis(f"{o}-{i}", f"Outlet {o}", [TEN_WORDS], [(0, "hedge", "epistemic")] * i)
              for o in range(12) for i in range(2 if o < 10 else 3)]
    summaries = compare_outlets(corpus, keys)
    assert len(asked) == len(set(asked)) <= 2, asked  # 36 summaries, none asked twice
    half = summaries[0].ci_high[keys[0]] - summaries[0].mean[keys[0]]
    assert half == pytest.approx(63.53, rel=1e-3)  # t(0.975, 1) = 12.706 * sd 7.071 / sqrt(2)


def test_summarise_empty() -> None:
    assert all(math.isnan(v) for v in summarise([]))


def test_standardised_columns_are_z_scores() -> None:
    keys = ["hedges_epistemic_per_100w", "boosters_per_100w"]
    summaries = compare_outlets(_corpus(), keys)
    z = standardised(summaries, keys)
    assert z.shape == (2, 2)
    assert z[:, 0] == pytest.approx([-1.0, 1.0])
    assert z[:, 1] == pytest.approx([0.0, 0.0])  # no spread: 0, not a division by zero


def _summaries(values: dict[str, list[float]]) -> list[OutletSummary]:
    n = len(next(iter(values.values())))
    return [OutletSummary(f"O{i}", (f"a{i}",), {k: v[i] for k, v in values.items()},
                          {}, {}, {k: 1 for k in values}) for i in range(n)]


def test_colour_scores_stay_near_zero_where_outlets_differ_by_a_hair() -> None:
    # The seeds' news tone: -0.16 .. -0.13 .. -0.18 on a scale from -1 to 1 (span 2): the
    # z-scores reach +-1.6, the colour divides by a tenth of the span (0.2) instead.
    tone = [-0.16, -0.15, -0.13, -0.15, -0.18]
    # Headline tone differs for real (sd 0.56 > 0.2): the colour is the z-score.
    headline = [0.43, -0.87, -0.77, 0.1, -0.2]
    # Rates: a tenth of the mean over outlets (3.0 -> 0.3); shares: a tenth of 1.
    rate = [2.99, 3.0, 3.01, 3.0, 3.0]
    share = [0.5, 0.52, 0.5, 0.48, float("nan")]
    keys = ["tone_news_mean", "headline_tone", "attributions_per_100w", "tone_negative_share"]
    units = ["−1 to 1", "−1 to 1", "per 100 words", "share 0–1"]
    summaries = _summaries(dict(zip(keys, [tone, headline, rate, share], strict=True)))
    z = standardised(summaries, keys)
    colour = colour_scores(summaries, keys, units)
    assert np.abs(z[:, 0]).max() > 1.5
    assert colour[:, 0] == pytest.approx((np.array(tone) - np.mean(tone)) / 0.2)
    assert colour[:, 1] == pytest.approx(z[:, 1])
    assert colour[:, 2] == pytest.approx((np.array(rate) - 3.0) / 0.3)
    assert colour[:4, 3] == pytest.approx((np.array(share[:4]) - 0.5) / 0.1)
    assert math.isnan(colour[4, 3])  # undefined stays undefined


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


def _news_corpus() -> list:
    """The seed articles, each paragraph an article of its own (real news wording: a
    vocabulary of a few thousand unigrams and bigrams)."""
    from models.resources import seeds_dir

    analyses = []
    for path in sorted(seeds_dir().glob("*.txt")):
        for i, paragraph in enumerate(p for p in path.read_text(encoding="utf-8").split("\n\n")
                                      if len(p.split()) > 20):
            sentences = [s.strip() + "." for s in paragraph.split(". ") if s.strip()]
            analyses.append(make_analysis(f"{path.stem}-{i}", path.stem[:3], sentences))
    return analyses


def test_similarity_skips_the_vocabulary_sort_and_keeps_the_sorted_values(monkeypatch) -> None:
    """The vocabulary is not sorted (one long C call holding the interpreter lock on the
    window's chart thread); the similarities are those of scikit-learn's sorted columns."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    from models.compare import body_text, outlet_similarity_matrix

    analyses = _news_corpus()
    assert len(analyses) >= 20
    sorted_rows = TfidfVectorizer(
        stop_words="english", ngram_range=(1, 2), sublinear_tf=True, min_df=1
    ).fit_transform([body_text(a) for a in analyses])
    assert sorted_rows.shape[1] > 1000
    expected = np.clip(cosine_similarity(sorted_rows), 0.0, 1.0)

    def no_sort(self, X, vocabulary):
        raise AssertionError("the vocabulary was sorted")

    monkeypatch.setattr(TfidfVectorizer, "_sort_features", no_sort)
    got = similarity_matrix(analyses)
    assert np.abs(got - expected).max() <= 1e-12
    assert (expected[~np.eye(len(analyses), dtype=bool)] > 0.05).sum() > len(analyses)
    means, _ = outlet_similarity_matrix(analyses, outlet_names(analyses))
    assert np.isfinite(means).any()


def test_value_bounds_are_the_limits_of_each_unit() -> None:
    assert value_bounds("per 100 words") == (0.0, float("inf"))
    assert value_bounds("distinct sources") == (0.0, float("inf"))
    assert value_bounds("share 0–1") == (0.0, 1.0)
    assert value_bounds("probability 0–1") == (0.0, 1.0)
    assert value_bounds("0 or 1") == (0.0, 1.0)
    assert value_bounds("−1 to 1") == (-1.0, 1.0)


def test_an_outlet_mean_is_the_mean_of_its_articles_values_as_the_methods_page_says() -> None:
    """Methods' "Outlet averages" states how an outlet's value is formed; here it is
    checked: a 10-word article with 1 hedge (10 per 100 words) and a 40-word one with 1
    (2.5) give 6.25, the mean of the rates, not 4 (2 hedges over 50 words, pooled)."""
    from desktop.methods_text import methods_html
    from models.compare import OUTLET_AVERAGES

    short = make_analysis("s", "Paper", [TEN_WORDS], [(0, "hedge", "epistemic")])
    long = make_analysis("l", "Paper", [TEN_WORDS] * 4, [(0, "hedge", "epistemic")])
    assert long.scores.words == 40
    (summary,) = compare_outlets([short, long], ["hedges_epistemic_per_100w"])
    assert summary.mean["hedges_epistemic_per_100w"] == pytest.approx((10 + 2.5) / 2)
    assert "a mean of article values, not pooled over the outlet's words" in OUTLET_AVERAGES
    from html import escape

    page = methods_html()
    assert "<h2>Outlet averages</h2>" in page and escape(OUTLET_AVERAGES) in page
