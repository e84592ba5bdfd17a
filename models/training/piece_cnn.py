"""Train :class:`models.tone_context.PieceCnn` in numpy: own gradients, float64, fixed seed.

The network (see :mod:`models.tone_context`): each word piece's static vector
(``models/training/vectors/minilm_pieces.npz``, standardised by one global mean
and scale) times a learned projection P (128 -> 16); a width-3 convolution with
32 filters and tanh over the sentence's pieces (zero rows before the first and
after the last); mean and max over the positions; a linear output. Trained on
the ratings by mean squared error plus an L2 penalty on P, the filters and the
output, with Adam (mini-batches of 64 in an order drawn from a fixed seed) for 8
passes. The settings were chosen by grouped 5-fold CV on the 80% of articles
outside the validation harness's held-out split (model card, "session 10").

Deterministic: float64 throughout, no threads (the caller limits BLAS to one),
the same seed: the same data give the same bits. The exported file keeps the
projected piece table (float16) and the rest rounded to 10 digits.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from models.tone_context import CNN_FORMAT, WIDTH, PieceCnn, encode_float16, parse_cnn
from models.wordpiece import word_pieces

DIMENSIONS = 16
FILTERS = 32
PENALTY = 1e-2
EPOCHS = 8
LEARNING_RATE = 3e-3
BATCH = 64
MAX_PIECES = 64
SEED = 0


@dataclass(frozen=True, slots=True)
class Encoded:
    """Sentences as padded piece rows: ``ids`` (n, L) with ``pad`` past each end, ``mask``."""

    ids: np.ndarray
    mask: np.ndarray
    lengths: np.ndarray
    pad: int


def standardised(vectors: np.ndarray) -> np.ndarray:
    """The static vectors less their mean, over their one overall standard deviation."""
    v = vectors.astype(np.float64)
    centred: np.ndarray = (v - v.mean(axis=0)) / v.std()
    return centred


def encode(texts: Sequence[str], index: dict[str, int]) -> Encoded:
    """Each text's word-piece rows (at most :data:`MAX_PIECES`), padded to one length."""
    rows = [[index[p] for p in word_pieces(t, index)][:MAX_PIECES] for t in texts]
    width = max([len(r) for r in rows] + [1])
    pad = len(index)
    ids = np.full((len(texts), width), pad, dtype=np.int64)
    for i, r in enumerate(rows):
        ids[i, : len(r)] = r
    mask = (ids != pad).astype(np.float64)
    return Encoded(ids, mask, np.maximum(mask.sum(axis=1), 1.0), pad)


Params = dict[str, np.ndarray]


def _forward(p: Params, table: np.ndarray, data: Encoded, idx: np.ndarray
             ) -> tuple[np.ndarray, tuple[np.ndarray, ...]]:
    projected = table @ p["P"]
    projected[data.pad] = 0.0
    x = projected[data.ids[idx]]                       # (n, L, d)
    n, length, d = x.shape
    zeros = np.zeros((n, 1, d))
    xp = np.concatenate([zeros, x, zeros], axis=1)
    u = np.concatenate([xp[:, k:k + length] for k in range(WIDTH)], axis=2)  # (n, L, 3d)
    h = np.tanh(u @ p["W"] + p["c"])                   # (n, L, F)
    m = data.mask[idx][:, :, None]
    mean = (h * m).sum(axis=1) / data.lengths[idx][:, None]
    at = np.where(m > 0, h, -np.inf).argmax(axis=1)    # (n, F): first position of the max
    top = np.take_along_axis(h, at[:, None, :], axis=1)[:, 0]
    pooled = np.concatenate([mean, top], axis=1)
    return pooled @ p["o"] + p["b"], (x, u, h, m, at, pooled)


def _gradients(p: Params, table: np.ndarray, data: Encoded, idx: np.ndarray,
               target: np.ndarray) -> Params:
    out, (x, u, h, m, at, pooled) = _forward(p, table, data, idx)
    n, length, filters = h.shape
    d = x.shape[2]
    dout = 2.0 * (out - target) / n
    g: Params = {"o": pooled.T @ dout + 2 * PENALTY * p["o"], "b": np.array(dout.sum())}
    dpooled = dout[:, None] * p["o"][None, :]
    dh = dpooled[:, None, :filters] * m / data.lengths[idx][:, None, None]
    top = np.take_along_axis(dh, at[:, None, :], axis=1) + dpooled[:, None, filters:]
    np.put_along_axis(dh, at[:, None, :], top, axis=1)
    da = dh * (1.0 - h * h)
    g["W"] = u.reshape(-1, WIDTH * d).T @ da.reshape(-1, filters) + 2 * PENALTY * p["W"]
    g["c"] = da.sum(axis=(0, 1))
    du = da @ p["W"].T
    dxp = np.zeros((n, length + 2, d))
    for k in range(WIDTH):
        dxp[:, k:k + length] += du[:, :, k * d:(k + 1) * d]
    dx = dxp[:, 1:length + 1] * m
    dprojected = np.zeros((table.shape[0], d))
    np.add.at(dprojected, data.ids[idx].ravel(), dx.reshape(-1, d))
    dprojected[data.pad] = 0.0
    g["P"] = table.T @ dprojected + 2 * PENALTY * p["P"]
    return g


def fit(table: np.ndarray, data: Encoded, idx: np.ndarray, target: np.ndarray) -> Params:
    """The network's parameters, trained on the sentences ``idx`` of ``data``.

    ``table``: the standardised static vectors with a zero row appended (``data.pad``).
    """
    rng = np.random.default_rng(SEED)
    dim = table.shape[1]
    p: Params = {
        "P": rng.normal(0.0, 1.0 / np.sqrt(dim), (dim, DIMENSIONS)),
        "W": rng.normal(0.0, 1.0 / np.sqrt(WIDTH * DIMENSIONS), (WIDTH * DIMENSIONS, FILTERS)),
        "c": np.zeros(FILTERS), "o": np.zeros(2 * FILTERS), "b": np.array(0.0),
    }
    first = {k: np.zeros_like(v) for k, v in p.items()}
    second = {k: np.zeros_like(v) for k, v in p.items()}
    step = 0
    for _ in range(EPOCHS):
        order = rng.permutation(len(idx))
        for start in range(0, len(idx), BATCH):
            batch = order[start:start + BATCH]
            g = _gradients(p, table, data, idx[batch], target[batch])
            step += 1
            for k in p:
                first[k] = 0.9 * first[k] + 0.1 * g[k]
                second[k] = 0.999 * second[k] + 0.001 * g[k] ** 2
                p[k] = p[k] - LEARNING_RATE * (first[k] / (1 - 0.9 ** step)) / (
                    np.sqrt(second[k] / (1 - 0.999 ** step)) + 1e-8)
    return p


def train(texts: Sequence[str], ratings: np.ndarray, vectors: np.ndarray,
          index: dict[str, int]) -> Params:
    """Fit the network to ``ratings`` of ``texts`` over the static piece ``vectors``."""
    table = np.vstack([standardised(vectors), np.zeros((1, vectors.shape[1]))])
    data = encode(texts, index)
    return fit(table, data, np.arange(len(texts)), np.asarray(ratings, dtype=np.float64))


def export(p: Params, vectors: np.ndarray, pieces: Sequence[str], blend: float,
           extra: dict[str, Any]) -> dict[str, Any]:
    """The content of a network file: the projected piece table (float16) and the rest."""
    spec: dict[str, Any] = {
        "format": CNN_FORMAT,
        "name": "tone_news_cnn",
        "pieces": list(pieces),
        "table": encode_float16(standardised(vectors) @ p["P"]),
        "filters": [[float(v) for v in row] for row in p["W"]],
        "bias": [float(v) for v in p["c"]],
        "output": [float(v) for v in p["o"]],
        "intercept": float(p["b"]),
        "max_pieces": MAX_PIECES,
        "blend": blend,
        "settings": {"dimensions": DIMENSIONS, "filters": FILTERS, "width": WIDTH,
                     "penalty": PENALTY, "epochs": EPOCHS, "learning_rate": LEARNING_RATE,
                     "batch": BATCH, "seed": SEED},
    }
    clash = set(spec) & set(extra)
    if clash:
        raise ValueError(f"the network file's own entries cannot be replaced: {sorted(clash)}")
    spec.update(extra)
    return spec


def as_shipped_cnn(spec: dict[str, Any]) -> PieceCnn:
    """The network exactly as the app would load it from a file written from ``spec``."""
    import json

    from models.linear_text import dump_model

    return parse_cnn(json.loads(dump_model(spec)), "<tone_news_cnn>")
