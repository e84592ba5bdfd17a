"""What the training scripts share: data hashing, export of fitted estimators, writing."""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from models.linear_text import MODEL_FORMAT, LinearTextModel, dump_model, parse_model

SEED = 0


def sha256_of(path: Path) -> str:
    """The SHA-256 of a file's bytes, in hex."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def library_versions() -> dict[str, str]:
    """The versions that shaped the numbers in a model file."""
    return {name: importlib.metadata.version(name)
            for name in ("numpy", "scipy", "scikit-learn", "vaderSentiment")}


def tfidf_block(name: str, vectorizer: Any, weights: np.ndarray) -> dict[str, Any]:
    """A fitted ``TfidfVectorizer`` and its slice of the coefficients, as a model-file block."""
    vocabulary: dict[str, int] = vectorizer.vocabulary_
    terms = sorted(vocabulary, key=vocabulary.__getitem__)
    return {
        "name": name,
        "terms": terms,
        "idf": [float(v) for v in vectorizer.idf_],
        "weights": [float(w) for w in weights],
        "sublinear_tf": bool(vectorizer.sublinear_tf),
        "norm": vectorizer.norm,
    }


def export_linear(
    name: str,
    union: Any,
    coef: np.ndarray,
    intercept: float,
    dense_names: Sequence[str],
    extra: dict[str, Any],
) -> dict[str, Any]:
    """A fitted FeatureUnion (an optional ``dense`` scaler pipeline first, then TF-IDF
    blocks) and linear model."""
    n_dense = len(dense_names)
    if "dense" in union.named_transformers:
        scaler = union.named_transformers["dense"].named_steps["scale"]
        mean, scale = [float(v) for v in scaler.mean_], [float(v) for v in scaler.scale_]
    else:
        mean = scale = []
    if len(mean) != n_dense:
        raise ValueError(f"{name}: the scaler has {len(mean)} features, expected {n_dense}")
    blocks = []
    offset = n_dense
    for block_name, vectorizer in union.transformer_list:
        if block_name == "dense" or vectorizer == "drop":
            continue
        if hasattr(vectorizer, "steps"):  # a Pipeline ending in the vectorizer
            vectorizer = vectorizer.steps[-1][1]
        size = len(vectorizer.vocabulary_)
        blocks.append(tfidf_block(block_name, vectorizer, coef[offset : offset + size]))
        offset += size
    if offset != coef.shape[0]:
        raise ValueError(f"{name}: {coef.shape[0]} coefficients, features add up to {offset}")
    spec: dict[str, Any] = {
        "format": MODEL_FORMAT,
        "name": name,
        "dense": {
            "names": list(dense_names),
            "mean": mean,
            "scale": scale,
            "weights": [float(w) for w in coef[:n_dense]],
        },
        "tfidf": blocks,
        "intercept": float(intercept),
        "versions": library_versions(),
    }
    spec.update(extra)
    return spec


def as_shipped(spec: dict[str, Any]) -> LinearTextModel:
    """The model exactly as the app would load it from a file written from ``spec``."""
    import json

    return parse_model(json.loads(dump_model(spec)), f"<{spec.get('name', 'model')}>")


def write_model(spec: dict[str, Any], out: Path) -> None:
    """Write a model file in its canonical form (see :func:`models.linear_text.dump_model`)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.part")
    tmp.write_text(dump_model(spec), encoding="utf-8", newline="\n")
    tmp.replace(out)


def pearson(a: Sequence[float] | np.ndarray, b: Sequence[float] | np.ndarray) -> float:
    """Pearson's r between two equal-length sequences."""
    return float(np.corrcoef(np.asarray(a, dtype=float), np.asarray(b, dtype=float))[0, 1])


DATA_ENV_VAR = "FRAMESCOPE_DATA"


def shared_data_dir() -> Path:
    """The shared validation data: ``$FRAMESCOPE_DATA``, else ``../shared/data`` beside the repo."""
    override = os.environ.get(DATA_ENV_VAR)
    if override:
        return Path(override)
    from models.resources import project_root

    return project_root().parent / "shared" / "data"
