import numpy as np
import pytest

from models.features import FramingFeatures
from models.measures import comparable_measures


def test_transformer_follows_the_scikit_learn_contract() -> None:
    from sklearn.base import clone
    from sklearn.exceptions import NotFittedError

    est = FramingFeatures(measures=["hedges_epistemic_per_100w", "boosters_per_100w"])
    assert clone(est).get_params() == {"measures": ["hedges_epistemic_per_100w", "boosters_per_100w"]}
    with pytest.raises(NotFittedError):
        est.transform(["x"])
    assert est.fit(["x"]) is est
    X = est.transform(["It is probably true.", "It is clearly true."])
    assert X.shape == (2, 2)
    assert X[0, 0] == pytest.approx(25.0) and X[0, 1] == 0.0
    assert X[1, 0] == 0.0 and X[1, 1] == pytest.approx(25.0)
    assert list(est.get_feature_names_out()) == ["hedges_epistemic_per_100w", "boosters_per_100w"]


def test_default_measures_and_undefined_as_nan() -> None:
    X = FramingFeatures().fit_transform(["Officials said the ban exists."])
    keys = [m.key for m in comparable_measures()]
    assert X.shape == (1, len(keys))
    assert np.isnan(X[0, keys.index("headline_tone")])  # raw text has no headline


def test_in_a_pipeline() -> None:
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    pipe = make_pipeline(FramingFeatures(measures=["tone_mean"]), StandardScaler())
    out = pipe.fit_transform(["A terrible, awful disaster.", "A wonderful success."])
    assert out[0, 0] < 0 < out[1, 0]
