"""A scikit-learn transformer: a corpus in, the measure matrix out.

Imported lazily (``models.features.FramingFeatures``) because scikit-learn
costs most of a second to import.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from models.article import Article
from models.features import analyze_articles, article_from_text
from models.measures import comparable_measures


class FramingFeatures(TransformerMixin, BaseEstimator):  # type: ignore[misc]
    """Turn articles (or raw texts) into a matrix of framing measures.

    Parameters
    ----------
    measures : sequence of str or None
        Measure keys (columns of ``scores.csv``); None means every comparable
        measure. Undefined values (no headline, no hedge) become NaN.
    """

    def __init__(self, measures: Sequence[str] | None = None) -> None:
        self.measures = measures

    def fit(self, X: Any, y: Any = None) -> FramingFeatures:
        keys = list(self.measures) if self.measures is not None else [
            m.key for m in comparable_measures()
        ]
        self.measures_ = keys
        self.n_features_out_ = len(keys)
        return self

    def transform(self, X: Sequence[Article | str]) -> np.ndarray:
        from sklearn.utils.validation import check_is_fitted

        check_is_fitted(self, "measures_")
        articles = [
            article_from_text(x, f"text-{i}") if isinstance(x, str) else x
            for i, x in enumerate(X)
        ]
        analyses = analyze_articles(articles)
        out = np.full((len(analyses), len(self.measures_)), np.nan)
        for i, analysis in enumerate(analyses):
            for j, key in enumerate(self.measures_):
                value = analysis.scores.value(key)
                if value is not None:
                    out[i, j] = value
        return out

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        from sklearn.utils.validation import check_is_fitted

        check_is_fitted(self, "measures_")
        return np.asarray(self.measures_, dtype=object)
