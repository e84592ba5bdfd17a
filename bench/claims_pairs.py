"""Hand-labelled sentence pairs for the claims similarity: draw them blind, then score
similarities against the labels.

    .venv/bin/python bench/claims_pairs.py sample --out DIR [--kind stratified|disagree|missed]
                                                  [--data ../shared/data]
    .venv/bin/python bench/claims_pairs.py evaluate --out DIR

``sample`` builds bench/claims_scaling.py's PolNeAR corpus (nyt, breitbart, wash-post;
120 articles, and 240 for ``missed``), prepares its claims as the app does, and writes
``DIR/KIND.txt``: pairs of sentences of different articles (copies of one sentence left
out), shuffled, with nothing but the two sentences, so that they can be labelled blind to
the similarity. Label each as the same statement or not in ``DIR/KIND.labels``, one
``N Y`` or ``N N`` line per pair ``#N``. ``DIR/KIND.json`` (not to be read while
labelling) says which pair each is, its similarities and its draw. PolNeAR's text only
goes to DIR: keep DIR outside the repository.

Similarities compared (cosine, 0–1):

* ``current``: :mod:`models.claims` as shipped, linking only among its blocked candidate
  pairs (two shared stems in at most BLOCK_MAX_DF sentences, or copies);
* ``current_all``: the same cosine over every pair (what blocking is measured against);
* ``idf``: the same vectors with each word stem weighted by its IDF, ln((1 + n) / (1 + df))
  + 1 over the corpus's claim sentences (copies counted), over every pair: the proposal
  that common words should weigh less (session 15; not shipped, see the kinds below).

Kinds of draw:

* ``stratified``: 50 pairs by bands of ``current_all`` (0.25–0.35–0.45–0.6–1) and 65 by
  bands of ``idf`` (0.2–0.3–0.35–0.45–0.6–1), seed 15; ``evaluate`` prints precision and
  recall on the sample and weighted by each band's size (its share of all such pairs);
* ``disagree``: the pairs on which ``idf`` at 0.35 and ``current`` at 0.35 disagree
  (30 that only ``idf`` links, 20 that only ``current`` links) and 15 that both link with
  ``idf`` in 0.35–0.4, seed 1515, leaving out the stratified draw's pairs;
* ``missed``: 25 pairs at ``current_all`` >= 0.35 that blocking never compares, at 120 and
  at 240 articles, seed 315: how many statements the shrinking share of compared pairs
  really loses as the corpus grows.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
OUTLETS = ("nyt", "breitbart", "wash-post")
THRESHOLD = 0.35
KINDS = ("stratified", "disagree", "missed")


# ---- the corpus and its similarities ------------------------------------------------


def corpus(data: Path, size: int) -> list[Any]:
    """``size`` PolNeAR articles, an equal share per outlet, analysed (claims_scaling's)."""
    sys.path.insert(0, str(REPO / "bench"))
    from claims_scaling import read_polnear

    from models.features import analyze_articles

    share = math.ceil(size / len(OUTLETS))
    analyses = analyze_articles(read_polnear(data, OUTLETS, share))
    by_outlet = {o: [a for a in analyses if a.outlet == o] for o in OUTLETS}
    return [a for o in OUTLETS for a in by_outlet[o][:share]][:size]


def idf_vectors(items: Sequence[Any]) -> tuple[Any, Any]:
    """models.claims' vectors with the word stems weighted by their IDF: one row per
    distinct content, and each item's row."""
    import numpy as np
    from scipy.sparse import hstack

    from models import claims as C
    from models.vectorise import (
        char_wb_counts,
        idf_weights,
        l2_normalise_rows,
        tfidf,
        tfidf_transform,
    )

    contents, rows = C._contents(items)
    copies = np.bincount(rows, minlength=len(contents))
    words = tfidf(contents, C._unique, use_idf=False, binary=True, norm=None).every
    words.data *= idf_weights(words, copies)[words.indices]
    words = l2_normalise_rows(words)
    grams = char_wb_counts([" ".join(s) for s in contents], (4, 5)).every
    chars = l2_normalise_rows(tfidf_transform(grams, idf_weights(grams, copies),
                                              sublinear_tf=True))
    words.data *= C.WORD_WEIGHT ** 0.5
    chars.data *= (1 - C.WORD_WEIGHT) ** 0.5
    return l2_normalise_rows(hstack([words, chars]).tocsr()).tocsr(), rows


def pairs_at_least(x: Any, rows: Any, items: Sequence[Any], lowest: float) -> tuple[Any, Any]:
    """Every pair (i < j) of items of different articles at cosine >= ``lowest``."""
    import numpy as np

    per_item = x[rows].tocsr()
    article = np.array([item.analysis for item in items])
    found_a, found_b = [], []
    for start in range(0, per_item.shape[0], 1000):
        block = (per_item[start:start + 1000] @ per_item.T).toarray()
        r, c = np.nonzero(block >= lowest)
        r = r + start
        keep = (c > r) & (article[r] != article[c])
        found_a.append(r[keep])
        found_b.append(c[keep])
    return np.concatenate(found_a), np.concatenate(found_b)


class Scored:
    """A corpus's claim items with the three similarities of any pair."""

    def __init__(self, analyses: Sequence[Any]) -> None:
        from models.claims import prepare_claims

        self.analyses = analyses
        self.prepared = prepare_claims(analyses)
        self.items = self.prepared.items
        self.x_idf, self.rows_idf = idf_vectors(self.items)
        a, b = self.prepared.pairs
        self.candidates = set(zip(a.tolist(), b.tolist(), strict=True))

    def copies(self, i: int, j: int) -> bool:
        return self.items[i].stems == self.items[j].stems

    def current(self, pairs: Sequence[tuple[int, int]]) -> list[float]:
        return self._cosine(self.prepared.x, self.prepared.rows, pairs)

    def idf(self, pairs: Sequence[tuple[int, int]]) -> list[float]:
        return self._cosine(self.x_idf, self.rows_idf, pairs)

    @staticmethod
    def _cosine(x: Any, rows: Any, pairs: Sequence[tuple[int, int]]) -> list[float]:
        import numpy as np

        from models.claims import _pair_similarities

        a = np.array([p[0] for p in pairs], dtype=np.int64)
        b = np.array([p[1] for p in pairs], dtype=np.int64)
        return _pair_similarities(x, rows[a], rows[b]).tolist()

    def describe(self, i: int, j: int) -> dict[str, Any]:
        first, second = self.items[i], self.items[j]
        return {"i": i, "j": j,
                "a": [self.analyses[first.analysis].article_id, first.sentence.index],
                "b": [self.analyses[second.analysis].article_id, second.sentence.index],
                "current": self.current([(i, j)])[0], "idf": self.idf([(i, j)])[0],
                "blocked": (i, j) in self.candidates}


# ---- drawing pairs ----------------------------------------------------------------


def _write(out: Path, kind: str, drawn: list[tuple[Scored, int, int, dict[str, Any]]]) -> None:
    key = []
    with (out / f"{kind}.txt").open("w", encoding="utf-8") as handle:
        for n, (scored, i, j, extra) in enumerate(drawn):
            handle.write(f"#{n}\nA: {scored.items[i].sentence.text}\n"
                         f"B: {scored.items[j].sentence.text}\n\n")
            key.append({"n": n, **scored.describe(i, j), **extra})
    (out / f"{kind}.json").write_text(json.dumps(key, indent=1), encoding="utf-8")
    print(f"{kind}: {len(drawn)} pairs to label in {out / (kind + '.txt')}")


def sample_stratified(scored: Scored) -> list[tuple[Scored, int, int, dict[str, Any]]]:
    x_old, rows_old = scored.prepared.x, scored.prepared.rows
    a1, b1 = pairs_at_least(x_old, rows_old, scored.items, 0.25)
    a2, b2 = pairs_at_least(scored.x_idf, scored.rows_idf, scored.items, 0.2)
    found = set(zip(a1.tolist(), b1.tolist(), strict=True)) | set(
        zip(a2.tolist(), b2.tolist(), strict=True))
    pairs = sorted(p for p in found if not scored.copies(*p))
    current, idf = scored.current(pairs), scored.idf(pairs)
    rng = random.Random(15)
    chosen: dict[int, dict[str, Any]] = {}

    def take(name: str, score: list[float], low: float, high: float, count: int) -> None:
        band = [k for k in range(len(pairs)) if low <= score[k] < high and k not in chosen]
        got = rng.sample(band, min(count, len(band)))
        for k in got:
            chosen[k] = {"band": [name, low, high], "weight": len(band) / len(got)}

    for low, high, count in ((0.25, 0.35, 15), (0.35, 0.45, 20), (0.45, 0.6, 10),
                             (0.6, 1.01, 5)):
        take("current_all", current, low, high, count)
    for low, high, count in ((0.2, 0.3, 15), (0.3, 0.35, 15), (0.35, 0.45, 20),
                             (0.45, 0.6, 10), (0.6, 1.01, 5)):
        take("idf", idf, low, high, count)
    order = sorted(chosen)
    rng.shuffle(order)
    return [(scored, *pairs[k], chosen[k]) for k in order]


def sample_disagree(scored: Scored, out: Path) -> list[tuple[Scored, int, int, dict[str, Any]]]:
    earlier: set[tuple[int, int]] = set()
    if (out / "stratified.json").exists():
        earlier = {(d["i"], d["j"]) for d in json.loads(
            (out / "stratified.json").read_text(encoding="utf-8"))}
    a, b = scored.prepared.pairs
    candidates = list(zip(a.tolist(), b.tolist(), strict=True))
    idf_of = dict(zip(candidates, scored.idf(candidates), strict=True))
    linked = {p for p, s in zip(candidates, scored.prepared.similarities.tolist(), strict=True)
              if s >= THRESHOLD and not scored.copies(*p)}
    na, nb = pairs_at_least(scored.x_idf, scored.rows_idf, scored.items, THRESHOLD)
    idf_linked = {p for p in zip(na.tolist(), nb.tolist(), strict=True)
                  if not scored.copies(*p)}
    sets = {
        "idf_only": sorted(p for p in idf_linked if p not in linked and p not in earlier),
        "current_only": sorted(p for p in linked if idf_of[p] < THRESHOLD and p not in earlier),
        "both_idf_0.35-0.4": sorted(p for p in linked if THRESHOLD <= idf_of[p] < 0.4
                                    and p not in earlier),
    }
    rng = random.Random(1515)
    drawn = []
    for name, count in (("idf_only", 30), ("current_only", 20), ("both_idf_0.35-0.4", 15)):
        drawn += [(p, name, len(sets[name])) for p in rng.sample(sets[name],
                                                                 min(count, len(sets[name])))]
    rng.shuffle(drawn)
    return [(scored, i, j, {"set": name, "set_size": size}) for (i, j), name, size in drawn]


def sample_missed(by_size: dict[int, Scored]) -> list[tuple[Scored, int, int, dict[str, Any]]]:
    rng = random.Random(315)
    drawn = []
    for size, scored in by_size.items():
        a, b = pairs_at_least(scored.prepared.x, scored.prepared.rows, scored.items, THRESHOLD)
        missed = [p for p in zip(a.tolist(), b.tolist(), strict=True)
                  if p not in scored.candidates and not scored.copies(*p)]
        kept = sum(1 for p in zip(a.tolist(), b.tolist(), strict=True)
                   if p in scored.candidates and not scored.copies(*p))
        print(f"{size} articles: {kept + len(missed)} pairs at {THRESHOLD} or more (copies "
              f"left out), {kept} compared, {len(missed)} never compared")
        drawn += [(scored, i, j, {"articles": size, "set": f"missed_{size}",
                                  "set_size": len(missed), "compared": kept})
                  for i, j in rng.sample(missed, 25)]
    rng.shuffle(drawn)
    return drawn


# ---- scoring the labels -------------------------------------------------------------


def read_labels(path: Path) -> dict[int, bool]:
    """``N Y`` / ``N N`` lines (blank lines and '#' comments skipped); raises ValueError
    naming the file and line of anything else."""
    labels: dict[int, bool] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        text = line.split("#", 1)[0].strip()
        if not text:
            continue
        parts = text.split()
        if len(parts) != 2 or not parts[0].isdigit() or parts[1].upper() not in ("Y", "N"):
            raise ValueError(f"{path.name}, line {number}: expected 'N Y' or 'N N', "
                             f"got {line!r}")
        labels[int(parts[0])] = parts[1].upper() == "Y"
    return labels


def precision_recall(pairs: Sequence[dict[str, Any]], labels: dict[int, bool],
                     linked: str, threshold: float) -> dict[str, float]:
    """Precision and recall of one similarity at ``threshold`` on labelled pairs, on the
    sample and weighted by each pair's ``weight`` (its band's size over its draws).
    ``linked``: 'current' (cosine among blocked candidates), 'current_all' or 'idf'."""
    tp = predicted = same = 0
    w_tp = w_predicted = w_same = 0.0
    for pair in pairs:
        if pair["n"] not in labels:
            continue
        score = pair["idf"] if linked == "idf" else pair["current"]
        says = score >= threshold and (linked != "current" or pair["blocked"])
        truth = labels[pair["n"]]
        weight = float(pair.get("weight", 1.0))
        tp += says and truth
        predicted += says
        same += truth
        w_tp += weight * (says and truth)
        w_predicted += weight * says
        w_same += weight * truth
    return {"precision": tp / predicted if predicted else math.nan,
            "recall": tp / same if same else math.nan, "linked": predicted, "true": tp,
            "same": same,
            "weighted_precision": w_tp / w_predicted if w_predicted else math.nan,
            "weighted_recall": w_tp / w_same if w_same else math.nan}


def shares_by_set(pairs: Sequence[dict[str, Any]], labels: dict[int, bool]) -> dict[str, Any]:
    """For each drawn set: its size, pairs labelled, and how many are the same statement."""
    out: dict[str, Any] = {}
    for pair in pairs:
        if pair["n"] not in labels:
            continue
        row = out.setdefault(pair["set"], {"size": pair["set_size"], "labelled": 0, "same": 0})
        row["labelled"] += 1
        row["same"] += labels[pair["n"]]
    return out


def evaluate(out: Path) -> int:
    found = False
    for kind in KINDS:
        key_path, label_path = out / f"{kind}.json", out / f"{kind}.labels"
        if not (key_path.exists() and label_path.exists()):
            continue
        found = True
        pairs = json.loads(key_path.read_text(encoding="utf-8"))
        labels = read_labels(label_path)
        missing = [p["n"] for p in pairs if p["n"] not in labels]
        print(f"\n{kind}: {len(labels)} of {len(pairs)} pairs labelled"
              + (f" (not labelled: {missing[:10]})" if missing else ""))
        if kind == "stratified":
            for threshold in (0.35, 0.4, 0.5):
                for linked in ("current", "current_all", "idf"):
                    r = precision_recall(pairs, labels, linked, threshold)
                    print(f"  {threshold:.2f} {linked:12s} precision {r['precision']:.2f} "
                          f"recall {r['recall']:.2f} ({r['true']} of {r['linked']} linked are "
                          f"the same; {r['same']} same in all) | weighted by band: precision "
                          f"{r['weighted_precision']:.2f} recall {r['weighted_recall']:.2f}")
        else:
            for name, row in shares_by_set(pairs, labels).items():
                share = row["same"] / row["labelled"]
                print(f"  {name:20s} {row['same']} of {row['labelled']} the same statement "
                      f"({share:.0%}); of its {row['size']} pairs, about "
                      f"{round(share * row['size'])}")
    if not found:
        sys.stderr.write(f"claims_pairs: no KIND.json with KIND.labels in {out}\n")
        return 1
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("sample", "evaluate"))
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--kind", choices=KINDS, default="stratified")
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    args = parser.parse_args()
    if args.command == "evaluate":
        return evaluate(args.out)
    if args.out.resolve().is_relative_to(REPO.resolve()):
        sys.stderr.write("claims_pairs: --out must be outside the repository "
                         "(PolNeAR's text is written there)\n")
        return 1
    if not (args.data / "polnear" / "data" / "metadata.tsv").exists():
        sys.stderr.write(f"claims_pairs: no PolNeAR under {args.data}\n")
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    if args.kind == "missed":
        drawn = sample_missed({size: Scored(corpus(args.data, size)) for size in (120, 240)})
    else:
        scored = Scored(corpus(args.data, 120))
        drawn = (sample_stratified(scored) if args.kind == "stratified"
                 else sample_disagree(scored, args.out))
    _write(args.out, args.kind, drawn)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
