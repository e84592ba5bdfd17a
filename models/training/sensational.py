"""Train ``sensational`` on Chakraborty et al.'s clickbait headlines (ASONAM 2016, MIT).

    python -m models.training.sensational --data ../shared/data/clickbait-chakraborty2016 \\
        --out models/shipped/sensational.json

Logistic regression over TF-IDF of the normalised headline's word uni- and
bigrams (case, quotes and numbers normalised; see :mod:`models.sensational`); the
regularisation (C) is chosen by stratified 5-fold cross-validation (seed 0).
Deterministic: fixed seeds, one thread, numbers rounded to 10 digits.

:func:`evaluate` gives what the validation harness reports on this set: nested
CV accuracy and ROC AUC (ours and a plain TF-IDF logistic regression on the same
folds), and the behaviour on headlines from other sources that neither model
saw: PolNeAR's titles (seven US outlets, 2016) and GVFC's headlines
(gun-violence news, 2016–2018). The agreement with graded judgements of such
headlines is ``bench/clickbait_grades.py``'s.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import sys
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse
from xml.etree import ElementTree as ET

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from models.sensational import ngrams, probability, sensational, tokens
from models.training.common import SEED, as_shipped, export_linear, sha256_of, write_model

FILES = ("clickbait_data.gz", "non_clickbait_data.gz")
C_VALUES = (0.1, 0.3, 1.0)
FOLDS = 5


@dataclass(frozen=True, slots=True)
class Headlines:
    texts: tuple[str, ...]
    labels: np.ndarray  # 1 = clickbait site, 0 = news site


def read_headlines(folder: Path) -> Headlines:
    """The non-blank lines of both files: clickbait (label 1), then news (label 0)."""
    texts: list[str] = []
    labels: list[int] = []
    for name, label in zip(FILES, (1, 0), strict=True):
        with gzip.open(folder / name, "rt", encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    texts.append(line.strip())
                    labels.append(label)
    return Headlines(tuple(texts), np.array(labels))


class HeadlineTokens(TransformerMixin, BaseEstimator):  # type: ignore[misc]
    """Each headline as its normalised tokens (:func:`models.sensational.tokens`)."""

    def fit(self, headlines: Sequence[str], labels: Sequence[int] | None = None
            ) -> HeadlineTokens:
        return self

    def transform(self, headlines: Sequence[str]) -> list[list[str]]:
        return [list(tokens(h)) for h in headlines]


def pipeline(c: float = 1.0) -> Any:
    """The scikit-learn estimator the shipped model is exported from."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline

    return Pipeline([
        ("features", FeatureUnion([
            ("words", Pipeline([
                ("tokens", HeadlineTokens()),
                ("tfidf", TfidfVectorizer(analyzer=ngrams, sublinear_tf=True, min_df=2)),
            ])),
        ])),
        ("logistic", LogisticRegression(C=c, solver="newton-cg", max_iter=1000, tol=1e-6)),
    ])


def baseline() -> Any:
    """A plain TF-IDF logistic regression: scikit-learn's defaults throughout."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    return Pipeline([("tfidf", TfidfVectorizer()), ("logistic", LogisticRegression())])


def grid_search(texts: Sequence[str], labels: np.ndarray, folds: int = FOLDS) -> Any:
    from sklearn.model_selection import GridSearchCV, StratifiedKFold

    grid = {"logistic__C": list(C_VALUES)}
    search = GridSearchCV(pipeline(), grid, scoring="roc_auc",
                          cv=StratifiedKFold(folds, shuffle=True, random_state=SEED),
                          refit=True, n_jobs=None, error_score="raise")
    search.fit(list(texts), labels)
    return search


def export(estimator: Any, extra: dict[str, Any]) -> dict[str, Any]:
    """A fitted :func:`pipeline` as the content of a model file."""
    logistic = estimator.named_steps["logistic"]
    return export_linear("sensational", estimator.named_steps["features"], logistic.coef_[0],
                         float(logistic.intercept_[0]), (), extra)


def train(folder: Path) -> tuple[Any, dict[str, Any]]:
    """Fit the shipped model on both files; returns the estimator and the model file."""
    from threadpoolctl import threadpool_limits

    data = read_headlines(folder)
    with threadpool_limits(limits=1):
        search = grid_search(data.texts, data.labels)
    best = search.best_estimator_
    spec = export(best, {
        "output": {"link": "logistic", "meaning": "P(headline is clickbait-style), 0-1"},
        "selected": {"C": float(search.best_params_["logistic__C"]),
                     "cv_roc_auc": float(search.best_score_)},
        "training_data": {
            "files": [{"file": f"clickbait-chakraborty2016/{n}", "sha256": sha256_of(folder / n)}
                      for n in FILES],
            "rows": len(data.texts),
            "clickbait_rows": int(data.labels.sum()),
        },
        "licence": "Training data: MIT (Chakraborty et al. 2016).",
    })
    return best, spec


# ---------------------------------------------------------------- headlines from elsewhere

MAINSTREAM = ("nyt", "wash-post", "politico", "usa-today")


def polnear_titles(polnear: Path) -> list[tuple[str, str]]:
    """(publisher, title) of PolNeAR's articles (PARC's WSJ extras left out)."""
    with (polnear / "data" / "metadata.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [(r["publisher"], r["title"].strip()) for r in rows
            if r["publisher"] != "parc" and r["title"].strip() not in ("", "None")]


def gvfc_headlines(gvfc: Path) -> list[str]:
    """The ``news_title`` column of GVFC's spreadsheet (read without a spreadsheet library)."""
    ns = {"s": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    with zipfile.ZipFile(gvfc / "GVFC_headlines_and_annotations.xlsx") as book:
        shared = ["".join(t.text or "" for t in si.iter(f"{{{ns['s']}}}t"))
                  for si in ET.fromstring(book.read("xl/sharedStrings.xml")).findall("s:si", ns)]
        sheet = ET.fromstring(book.read("xl/worksheets/sheet1.xml"))
    titles = []
    for cell in sheet.iter(f"{{{ns['s']}}}c"):
        ref = cell.get("r", "")
        value = cell.find("s:v", ns)
        if ref.startswith("A") and ref != "A1" and value is not None and cell.get("t") == "s":
            titles.append(shared[int(value.text or 0)].strip())
    return [t for t in titles if t]


def gvfc_by_site(gvfc: Path) -> list[tuple[str, str]]:
    """(site, headline) from GVFC's 1,300-row CSV, the site taken from the article URL."""
    with (gvfc / "GVFC_extension_multimodal.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    out = []
    for r in rows:
        host = urlparse(r["article_url"]).netloc.lower().removeprefix("www.")
        if r["headline"].strip():
            out.append((host, r["headline"].strip()))
    return out


Scorer = Callable[[Sequence[str]], Sequence[float | None]]


def cross_validation(folder: Path) -> dict[str, float]:
    """Nested 5-fold CV on Chakraborty: ours (through the shipped loader) and the baseline.

    Both are scored on the same outer folds; ours repeats its grid search (3 inner
    folds) inside each outer training part, and its predictions go through the
    exported model as the app reads it.
    """
    from sklearn.metrics import accuracy_score, roc_auc_score
    from sklearn.model_selection import StratifiedKFold
    from threadpoolctl import threadpool_limits

    corpus = read_headlines(folder)
    ours = np.zeros(len(corpus.texts))
    base = np.zeros(len(corpus.texts))
    with threadpool_limits(limits=1):
        outer = StratifiedKFold(FOLDS, shuffle=True, random_state=SEED + 1)
        for train_idx, test_idx in outer.split(corpus.texts, corpus.labels):
            train_texts = [corpus.texts[i] for i in train_idx]
            test_texts = [corpus.texts[i] for i in test_idx]
            inner = grid_search(train_texts, corpus.labels[train_idx], folds=3)
            fitted = as_shipped(export(inner.best_estimator_, {}))
            ours[test_idx] = [probability(h, fitted) for h in test_texts]
            plain = baseline().fit(train_texts, corpus.labels[train_idx])
            base[test_idx] = plain.predict_proba(test_texts)[:, 1]
    return {
        "headlines": float(len(corpus.texts)),
        "cv_accuracy": float(accuracy_score(corpus.labels, ours >= 0.5)),
        "cv_roc_auc": float(roc_auc_score(corpus.labels, ours)),
        "baseline_cv_accuracy": float(accuracy_score(corpus.labels, base >= 0.5)),
        "baseline_cv_roc_auc": float(roc_auc_score(corpus.labels, base)),
    }


def baseline_scorer(folder: Path) -> Scorer:
    """The plain baseline fitted on all of Chakraborty, as a scorer of headlines."""
    corpus = read_headlines(folder)
    plain = baseline().fit(list(corpus.texts), corpus.labels)

    def score(headlines: Sequence[str]) -> list[float]:
        return [float(p) for p in plain.predict_proba(list(headlines))[:, 1]]

    return score


@dataclass(frozen=True, slots=True)
class Behaviour:
    """How a scorer treats headlines it never saw: means by source, extremes."""

    headlines: int
    mean: float
    share_over_half: float
    by_source: dict[str, tuple[float, int]]  # source -> (mean, headlines)
    top: list[tuple[str, float]]
    bottom: list[tuple[str, float]]


def behaviour(pairs: Sequence[tuple[str, str]], score: Scorer) -> Behaviour:
    """Score (source, headline) pairs; a headline scored None is left out."""
    scored = [(g, h, s) for (g, h), s in zip(pairs, score([h for _, h in pairs]), strict=True)
              if s is not None]
    values = np.array([s for _, _, s in scored])
    groups: dict[str, list[float]] = {}
    for g, _, s in scored:
        groups.setdefault(g, []).append(s)
    order = sorted(range(len(scored)), key=lambda i: (-scored[i][2], scored[i][1]))
    return Behaviour(
        headlines=len(scored),
        mean=float(values.mean()),
        share_over_half=float((values >= 0.5).mean()),
        by_source={g: (float(np.mean(v)), len(v)) for g, v in sorted(groups.items())},
        top=[(scored[i][1], scored[i][2]) for i in order[:8]],
        bottom=[(scored[i][1], scored[i][2]) for i in order[::-1][:5]],
    )


def shipped_scorer(headlines: Sequence[str]) -> list[float | None]:
    """The shipped model, as the app scores a headline."""
    return [sensational(h) for h in headlines]


def evaluate(data: Path) -> dict[str, Any]:
    """Everything the harness reports, from the shared data folder ``data``."""
    folder = data / "clickbait-chakraborty2016"
    result: dict[str, Any] = dict(cross_validation(folder))
    plain = baseline_scorer(folder)
    sets: list[tuple[str, list[tuple[str, str]]]] = []
    if (data / "polnear" / "data" / "metadata.tsv").is_file():
        sets.append(("polnear", polnear_titles(data / "polnear")))
    if (data / "gvfc" / "GVFC_headlines_and_annotations.xlsx").is_file():
        sets.append(("gvfc", [("all", h) for h in gvfc_headlines(data / "gvfc")]))
    if (data / "gvfc" / "GVFC_extension_multimodal.csv").is_file():
        sets.append(("gvfc_sites", gvfc_by_site(data / "gvfc")))
    for name, pairs in sets:
        result[f"{name}_ours"] = behaviour(pairs, shipped_scorer)
        result[f"{name}_baseline"] = behaviour(pairs, plain)
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Train sensational on Chakraborty et al. 2016.")
    parser.add_argument("--data", type=Path, required=True,
                        help="the clickbait-chakraborty2016 folder")
    parser.add_argument("--out", type=Path, required=True, help="the model file to write")
    parser.add_argument("--evaluate", action="store_true",
                        help="also print nested-CV figures and the behaviour on PolNeAR "
                             "and GVFC headlines (slow; reads the data folder's parent)")
    args = parser.parse_args(argv)
    missing = [args.data / n for n in FILES if not (args.data / n).is_file()]
    if missing:
        sys.stderr.write(f"sensational: {missing[0]} not found\n")
        return 1
    _, spec = train(args.data)
    write_model(spec, args.out)
    sys.stdout.write(f"wrote {args.out}: C {spec['selected']['C']}, 5-fold CV ROC AUC "
                     f"{spec['selected']['cv_roc_auc']:.4f}\n")
    if args.evaluate:
        for key, value in evaluate(args.data.parent).items():
            sys.stdout.write(f"{key}\t{value}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
