"""How claim alignment's cost grows with the number of sentences, against baselines
measured in the same run.

    .venv/bin/python bench/claims_scaling.py [--data ../shared/data] [--outlets nyt,breitbart,wash-post]
                                             [--sizes 30,60,120,240,300] [--repeats 2]

Assembles a corpus at bench time from PolNeAR's texts (``polnear/data/{train,dev}/text``,
outlets from ``metadata.tsv``; nothing is copied into the repository), analyses it
once (cues, as the app does before aligning), then for growing numbers of articles
(an equal share from each outlet) times:

* ``align``: :func:`models.claims.align_claims` at the default threshold (prepare:
  sentences, vectors, blocked candidate pairs; then link, cluster, certainty);
* ``realign``: :meth:`PreparedClaims.align` alone, what a threshold change costs;
* ``vader``: VADER's ``polarity_scores`` on the same sentences (the baseline: the
  least any per-sentence analysis pays).

It prints the time ratios (align / vader, and each size against the smallest),
the growth exponent b fitted to time ≈ a · sentences^b (1 = linear, 2 = quadratic),
the candidate pairs against all pairs, and, at each of ``--recall-sizes``, how many of the
pairs at or above the threshold (and at or above 0.5) blocking keeps (its recall, against
every pair's exact similarity).
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import bench_common  # noqa: F401  (this checkout's models and desktop, not the installed one)

REPO = Path(__file__).resolve().parents[1]


def read_polnear(data: Path, outlets: Sequence[str], per_outlet: int) -> list[Any]:
    """Up to ``per_outlet`` PolNeAR train/dev articles of each outlet, as Articles."""
    from models.features import article_from_text

    root = data / "polnear" / "data"
    with (root / "metadata.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    chosen: list[Any] = []
    for outlet in outlets:
        names = sorted(r["filename"] for r in rows
                       if r["publisher"] == outlet and r["compartment"] in ("train", "dev"))
        found = 0
        for name in names:
            if found >= per_outlet:
                break
            for split in ("train", "dev"):
                path = root / split / "text" / f"{name}.txt"
                if path.exists():
                    article = article_from_text(path.read_text(encoding="utf-8"), name)
                    article.outlet = outlet
                    chosen.append(article)
                    found += 1
                    break
    return chosen


def best_of(repeats: int, work: Callable[[], Any]) -> tuple[float, Any]:
    best, result = math.inf, None
    for _ in range(repeats):
        started = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - started)
    return best, result


def fit_exponent(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Least-squares slope of log y on log x."""
    lx = [math.log(x) for x in xs]
    ly = [math.log(y) for y in ys]
    mx, my = sum(lx) / len(lx), sum(ly) / len(ly)
    return sum((a - mx) * (b - my) for a, b in zip(lx, ly, strict=True)) / sum(
        (a - mx) ** 2 for a in lx)


def blocking_recall(analyses: Sequence[Any],
                    thresholds: Sequence[float]) -> list[tuple[int, int]]:
    """For each threshold, (pairs of sentences of different articles at or above it, those
    blocking keeps as candidates), from the exact similarity of every pair (in row blocks,
    so a full matrix is never held)."""
    import numpy as np

    from models.claims import prepare_claims

    prepared = prepare_claims(analyses)
    assert prepared.x is not None
    x = prepared.x[prepared.rows].tocsr()  # one vector per sentence
    article = np.array([item.analysis for item in prepared.items])
    n = x.shape[0]
    a, b = prepared.pairs
    kept_keys = set((a * n + b).tolist())
    out = []
    for threshold in thresholds:
        wanted = kept = 0
        for start in range(0, n, 1000):
            block = (x[start:start + 1000] @ x.T).toarray()
            rows, cols = np.nonzero(block >= threshold)
            rows = rows + start
            upper = (cols > rows) & (article[rows] != article[cols])
            keys = rows[upper].astype(np.int64) * n + cols[upper]
            wanted += len(keys)
            kept += sum(1 for k in keys.tolist() if k in kept_keys)
        out.append((wanted, kept))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--outlets", default="nyt,breitbart,wash-post")
    parser.add_argument("--sizes", default="30,60,120,240,300",
                        help="numbers of articles (split equally across the outlets)")
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--recall-sizes", default="30,60,120,240",
                        help="numbers of articles at which blocking is checked against every "
                             "pair's similarity ('' for none)")
    args = parser.parse_args()

    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from models.claims import DEFAULT_THRESHOLD, align_claims, claim_sentences, prepare_claims
    from models.features import analyze_articles

    outlets = [o.strip() for o in args.outlets.split(",") if o.strip()]
    sizes = sorted(int(s) for s in args.sizes.split(","))
    if not (args.data / "polnear" / "data" / "metadata.tsv").exists():
        sys.stderr.write(f"claims_scaling: no PolNeAR under {args.data}\n")
        return 1
    started = time.perf_counter()
    recall_sizes = sorted(int(s) for s in args.recall_sizes.split(",") if s.strip())
    articles = read_polnear(args.data, outlets,
                            math.ceil(max(sizes + recall_sizes) / len(outlets)))
    analyses = analyze_articles(articles)
    analysed = time.perf_counter() - started
    by_outlet = {o: [a for a in analyses if a.outlet == o] for o in outlets}
    print(f"corpus: {len(analyses)} PolNeAR articles from {len(outlets)} outlets "
          f"({', '.join(f'{o} {len(v)}' for o, v in by_outlet.items())}); read and cue "
          f"analysis {analysed:.1f} s (not part of the timings below)")
    vader = SentimentIntensityAnalyzer()
    import sklearn.cluster  # noqa: F401  # imported once, outside the timings

    align_claims(analyses[:6])  # caches warm, outside the timings

    print(f"threshold {DEFAULT_THRESHOLD}; best of {args.repeats} runs per size\n")
    header = (f"{'articles':>8} {'sentences':>9} {'pairs':>10} {'of all':>7} {'claims':>6} "
              f"{'align s':>8} {'realign s':>9} {'vader s':>8} {'align/vader':>11} "
              f"{'align/smallest':>14}")
    print(header)
    xs: list[float] = []
    ys: list[float] = []
    ratios: list[float] = []
    first: float | None = None
    for size in sizes:
        share = math.ceil(size / len(outlets))
        subset = [a for o in outlets for a in by_outlet[o][:share]][:size]
        sentences = [s.text for a in subset for s in claim_sentences(a)]
        align_s, alignment = best_of(args.repeats, lambda sub=subset: align_claims(sub))
        prepared = prepare_claims(subset)
        realign_s, _ = best_of(args.repeats, lambda p=prepared: p.align(DEFAULT_THRESHOLD))
        vader_s, _ = best_of(args.repeats, lambda ss=sentences: [vader.polarity_scores(t)
                                                                   for t in ss])
        n = prepared.sentences
        all_pairs = n * (n - 1) // 2
        pairs = len(prepared.pairs[0])
        first = first if first is not None else align_s
        xs.append(n)
        ys.append(align_s)
        ratios.append(align_s / vader_s)
        print(f"{len(subset):>8} {n:>9} {pairs:>10} {pairs / max(1, all_pairs):>7.1%} "
              f"{len(alignment.claims):>6} {align_s:>8.2f} {realign_s:>9.2f} {vader_s:>8.2f} "
              f"{align_s / vader_s:>11.2f} {align_s / first:>14.2f}")
    exponent = fit_exponent(xs, ys)
    print(f"\ngrowth exponent of align time in sentences: b = {exponent:.2f} "
          f"(1 linear, 2 quadratic); sentences grew {xs[-1] / xs[0]:.1f}x, time "
          f"{ys[-1] / ys[0]:.1f}x")
    print(f"align/vader ratio from {ratios[0]:.2f} to {ratios[-1]:.2f}")
    if recall_sizes:
        print("\nblocking recall (pairs of sentences of different articles at or above the "
              "threshold that are compared):")
        for size in recall_sizes:
            share = math.ceil(size / len(outlets))
            subset = [a for o in outlets for a in by_outlet[o][:share]][:size]
            found = blocking_recall(subset, (DEFAULT_THRESHOLD, 0.5))
            print(f"  {len(subset):>4} articles: " + "; ".join(
                f"{kept} of {wanted} at or above {t} ({kept / max(1, wanted):.1%})"
                for t, (wanted, kept) in zip((DEFAULT_THRESHOLD, 0.5), found, strict=True)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
