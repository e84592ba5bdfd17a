"""Hand-labelled sentence pairs for the claims similarity: draw them blind, then score
similarities against the labels.

    .venv/bin/python bench/claims_pairs.py sample --out DIR [--kind KIND] [--data ../shared/data]
    .venv/bin/python bench/claims_pairs.py evaluate --out DIR [--second DIR2 [--second-prefix P]]
    .venv/bin/python bench/claims_pairs.py export --out DIR --second DIR2 [--names A B]
                                                  [--to bench/labels/claims_pairs.tsv]

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

Session 16's draws, for choosing the default threshold (each pair carries its band's
size over its draws as ``weight``):

* ``banded``: the shipped candidate pairs (blocked) of the 120 articles by bands of
  ``current`` (0.25–0.3–0.35–0.4–0.45–0.5–0.6–1), 22 per band, seed 16: PolNeAR's
  many stories mixed;
* ``same_story``: PolNeAR train/dev articles grouped by story (:func:`story_groups`:
  different outlets, at most a day apart, bodies' TF-IDF cosine >= 0.2), each group
  analysed alone as a one-story load would be, its pairs across outlets at ``current_all``
  >= 0.2 pooled and drawn by bands from 0.2, 15 per band, seed 1616;
* ``seeds``: the shipped seeds (5 outlets, one story), every pair across outlets at
  ``current_all`` >= 0.2 by bands from 0.2, 25 per band, seed 1617.

``evaluate`` prints, for these and ``stratified``, precision, recall and F1 of ``current``
at each threshold 0.25–0.70 (step 0.05), on the sample (Wilson 95% intervals) and
weighted by band size (95% intervals from a bootstrap within bands: bench/labelled_stats.py). With ``--second``, a
second labeller's SECOND/PREFIXKIND.labels: agreement and Cohen's kappa, then the same
figures on the pairs both label alike and on the second labeller's labels alone. A label
line may end in ``?`` (unsure); it counts as the label it gives.

``export`` writes the labels file that may be committed (bench/labels/claims_pairs.tsv)
for the ``seeds``, ``same_story`` and ``banded`` draws: each pair's draw, number, band,
band size and draws, each sentence's article id, offsets and a short hash (no text), and
both labellers' labels. bench/validity.py reads it, rebuilds each draw's corpora (PolNeAR
from ``../shared/data``), checks the hashes, recomputes each pair's similarity through
:mod:`models.claims` and reports precision, recall and F1 at the default threshold.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import math
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO / "bench") not in sys.path:
    sys.path.insert(0, str(REPO / "bench"))
import labelled_stats as S  # noqa: E402  (bench/ is put on the path first)

OUTLETS = ("nyt", "breitbart", "wash-post")
THRESHOLD = 0.35
KINDS = ("stratified", "disagree", "missed", "banded", "same_story", "seeds")
#: Bands of ``current`` for the session-16 draws (``banded``: from 0.25; the others from 0.2).
BANDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 1.01)
#: Same story: two PolNeAR articles of different outlets at most this many days apart ...
STORY_DAYS = 1
#: ... whose bodies' TF-IDF cosine (English stop words out, sublinear tf, words in
#: 2 to 30% of the articles) reaches this.
STORY_COSINE = 0.2


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


def sample_banded(scored: Scored) -> list[tuple[Scored, int, int, dict[str, Any]]]:
    """The shipped candidate pairs (blocked, copies left out) by bands of ``current``
    from 0.25, 22 per band, seed 16: what the app links at any threshold >= 0.25."""
    a, b = scored.prepared.pairs
    pairs = [p for p, s in zip(zip(a.tolist(), b.tolist(), strict=True),
                               scored.prepared.similarities.tolist(), strict=True)
             if s >= 0.25 and not scored.copies(*p)]
    return _banded([(scored, i, j) for i, j in pairs], BANDS[1:], 22, 16)


def _banded(pairs: Sequence[tuple[Scored, int, int]],
            bands: Sequence[float], count: int, seed: int
            ) -> list[tuple[Scored, int, int, dict[str, Any]]]:
    """``count`` pairs drawn from each band of ``current`` (all if fewer), shuffled, each
    weighted by its band's size over its draws."""
    scores = [s.current([(i, j)])[0] for s, i, j in pairs]
    rng = random.Random(seed)
    drawn = []
    for low, high in itertools.pairwise(bands):
        band = [k for k, score in enumerate(scores) if low <= score < high]
        got = rng.sample(band, min(count, len(band)))
        print(f"  band {low:.2f}-{min(high, 1.0):.2f}: {len(band)} pairs, {len(got)} drawn")
        drawn += [(k, {"band": ["current", low, high], "weight": len(band) / len(got),
                       "set": f"{low:.2f}-{min(high, 1.0):.2f}", "set_size": len(band)})
                  for k in got]
    rng.shuffle(drawn)
    return [(*pairs[k], extra) for k, extra in drawn]


def _cross_pairs(scored: Scored, lowest: float) -> list[tuple[Scored, int, int]]:
    """Every pair of items of different outlets at ``current_all`` >= ``lowest``, copies
    (the same content) left out: blocked or not, so recall counts what blocking loses."""
    a, b = pairs_at_least(scored.prepared.x, scored.prepared.rows, scored.items, lowest)
    outlet = [analysis.outlet for analysis in scored.analyses]
    return [(scored, i, j) for i, j in zip(a.tolist(), b.tolist(), strict=True)
            if not scored.copies(i, j)
            and outlet[scored.items[i].analysis] != outlet[scored.items[j].analysis]]


def story_groups(data: Path) -> list[list[dict[str, str]]]:
    """PolNeAR train/dev articles grouped by story: two articles of different outlets
    published at most STORY_DAYS apart whose bodies' TF-IDF cosine is at least
    STORY_COSINE are linked; a group is a connected set of links. Each article is a
    metadata row (with ``path``)."""
    import datetime

    from sklearn.feature_extraction.text import TfidfVectorizer

    root = data / "polnear" / "data"
    with (root / "metadata.tsv").open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter="\t")
                if r["compartment"] in ("train", "dev")]
    for row in rows:
        row["path"] = str(root / row["compartment"] / "text" / f"{row['filename']}.txt")
    texts = [Path(r["path"]).read_text(encoding="utf-8") for r in rows]
    x = TfidfVectorizer(stop_words="english", min_df=2, max_df=0.3,
                        sublinear_tf=True).fit_transform(texts)
    similarity = (x @ x.T).toarray()
    dates = [datetime.date.fromisoformat(r["publication_date"]) for r in rows]
    parent = list(range(len(rows)))

    def root_of(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for i in range(len(rows)):
        for j in range(i + 1, len(rows)):
            if (rows[i]["publisher"] != rows[j]["publisher"]
                    and abs((dates[i] - dates[j]).days) <= STORY_DAYS
                    and similarity[i, j] >= STORY_COSINE):
                parent[root_of(i)] = root_of(j)
    members: dict[int, list[int]] = {}
    for k in range(len(rows)):
        members.setdefault(root_of(k), []).append(k)
    return [[rows[k] for k in m] for m in sorted(members.values(), key=min) if len(m) > 1]


def sample_same_story(data: Path) -> list[tuple[Scored, int, int, dict[str, Any]]]:
    """Each story group analysed alone (as a one-story load in the app), then the pairs
    across its articles at ``current_all`` >= 0.2 pooled and drawn by bands, 15 per
    band, seed 1616."""
    pairs: list[tuple[Scored, int, int]] = []
    groups = story_groups(data)
    for group in groups:
        pairs += _cross_pairs(Scored(story_corpus(group)), BANDS[0])
    print(f"same_story: {len(groups)} groups of {sum(len(g) for g in groups)} articles, "
          f"{len(pairs)} pairs at 0.2 or more")
    return _banded(pairs, BANDS, 15, 1616)


def seed_corpus() -> list[Any]:
    """The shipped seeds, read and analysed as the app opens them."""
    from models.features import analyze_articles
    from models.readers import read_paths

    return analyze_articles(read_paths([REPO / "seeds"]).articles)


def sample_seeds() -> list[tuple[Scored, int, int, dict[str, Any]]]:
    """Every pair across the seeds' articles at ``current_all`` >= 0.2 (copies left out),
    shuffled with seed 1617; a band draw of 25 per band if there are more than 200."""
    scored = Scored(seed_corpus())
    pairs = _cross_pairs(scored, BANDS[0])
    print(f"seeds: {len(scored.analyses)} articles, {len(pairs)} pairs at 0.2 or more")
    if len(pairs) > 200:
        return _banded(pairs, BANDS, 25, 1617)
    rng = random.Random(1617)
    rng.shuffle(pairs)
    return [(s, i, j, {"set": "all_0.2", "set_size": len(pairs), "weight": 1.0})
            for s, i, j in pairs]


# ---- scoring the labels -------------------------------------------------------------


def read_labels(path: Path) -> dict[int, bool]:
    """``N Y`` / ``N N`` lines, optionally ``N Y ?`` (the labeller was unsure; see
    :func:`unsure_labels`); blank lines and '#' comments skipped. Raises ValueError naming
    the file and line of anything else."""
    return {n: same for n, (same, _) in _read_label_lines(path).items()}


def unsure_labels(path: Path) -> set[int]:
    """The pairs labelled with a trailing ``?`` or a ``# unsure`` comment."""
    return {n for n, (_, unsure) in _read_label_lines(path).items() if unsure}


def _read_label_lines(path: Path) -> dict[int, tuple[bool, bool]]:
    labels: dict[int, tuple[bool, bool]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        text, _, comment = line.partition("#")
        parts = text.split()
        if not parts:
            continue
        unsure = "unsure" in comment.lower()
        if len(parts) == 3 and parts[2] == "?":
            parts, unsure = parts[:2], True
        elif len(parts) == 2 and parts[1].endswith("?") and len(parts[1]) == 2:
            parts, unsure = [parts[0], parts[1][0]], True
        if len(parts) != 2 or not parts[0].isdigit() or parts[1].upper() not in ("Y", "N"):
            raise ValueError(f"{path.name}, line {number}: expected 'N Y' or 'N N' "
                             f"(optionally followed by '?'), got {line!r}")
        labels[int(parts[0])] = (parts[1].upper() == "Y", unsure)
    return labels


def precision_recall(pairs: Sequence[dict[str, Any]], labels: dict[int, bool],
                     linked: str, threshold: float) -> dict[str, float]:
    """Precision and recall of one similarity at ``threshold`` on labelled pairs, on the
    sample and weighted by each pair's ``weight`` (its band's size over its draws).
    ``linked``: 'current' (cosine among blocked candidates), 'current_all' or 'idf'."""
    kept = [pair for pair in pairs if pair["n"] in labels]
    says = [(pair["idf"] if linked == "idf" else pair["current"]) >= threshold
            and (linked != "current" or bool(pair["blocked"])) for pair in kept]
    truth = [labels[pair["n"]] for pair in kept]
    tp = sum(s and t for s, t in zip(says, truth, strict=True))
    precision, recall, _ = S.prf(tp, sum(says), sum(truth))
    w_precision, w_recall, _ = S.weighted_prf(
        says, truth, [float(pair.get("weight", 1.0)) for pair in kept])
    return {"precision": precision, "recall": recall, "linked": sum(says), "true": tp,
            "same": sum(truth), "weighted_precision": w_precision, "weighted_recall": w_recall}


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


#: Thresholds the evaluation reports (0.25 to 0.70 in steps of 0.05).
THRESHOLDS = tuple(round(0.25 + 0.05 * k, 2) for k in range(10))
#: Kinds drawn by bands with a weight per pair (their band's size over its draws).
WEIGHTED_KINDS = ("stratified", "banded", "same_story", "seeds")


def _band(pair: dict[str, Any]) -> str:
    return json.dumps(pair.get("band", pair.get("set")))


def band_weights(pairs: Sequence[dict[str, Any]], labels: dict[int, bool]
                 ) -> dict[int, float]:
    """Each labelled pair's weight: its band's size over the pairs of that band that are
    labelled (so a band keeps its size when some of its pairs are left out, e.g. those two
    labellers disagree on: :func:`labelled_stats.weights_by_stratum`). A band's size is its
    drawn pairs times their ``weight``."""
    size: dict[str, float] = {}
    for pair in pairs:
        size[_band(pair)] = size.get(_band(pair), 0.0) + float(pair.get("weight", 1.0))
    kept = [p for p in pairs if p["n"] in labels]
    return dict(zip((p["n"] for p in kept),
                    S.weights_by_stratum([_band(p) for p in kept], size), strict=True))


def threshold_table(pairs: Sequence[dict[str, Any]], labels: dict[int, bool],
                    thresholds: Sequence[float] = THRESHOLDS, linked: str = "current",
                    repeats: int = S.REPEATS, seed: int = S.SEED,
                    reference: float = THRESHOLD) -> list[dict[str, Any]]:
    """Precision, recall and F1 of ``linked`` at each threshold: on the sample (with
    Wilson intervals for precision and recall) and weighted by band sizes (with 95%
    intervals from a bootstrap that resamples the labelled pairs within each band).
    Recall is over the same-statement pairs of the drawn population. ``f1_gain``: the
    weighted F1 minus that at ``reference`` (the shipped default), with its 95% interval
    from the same resamples (paired), when ``reference`` is among the thresholds."""
    import numpy as np

    kept = [p for p in pairs if p["n"] in labels]
    weights = band_weights(pairs, labels)
    truth = np.array([labels[p["n"]] for p in kept], dtype=bool)
    w = np.array([weights[p["n"]] for p in kept])
    says = np.array([[(p["idf"] if linked == "idf" else p["current"]) >= t
                      and (linked != "current" or bool(p["blocked"])) for p in kept]
                     for t in thresholds], dtype=bool).reshape(len(thresholds), len(kept))
    boot_w = S.resample_counts([_band(p) for p in kept], repeats, seed) * w  # repeats x pairs
    rows = []
    boot_f1 = []
    for k, threshold in enumerate(thresholds):
        s = says[k]
        tp, predicted, same = int((s & truth).sum()), int(s.sum()), int(truth.sum())
        p, r, f = S.prf(tp, predicted, same)
        wp, wr, wf = S.weighted_prf(s, truth, w)
        bp, br, bf = S.prf(boot_w @ (s & truth), boot_w @ s, boot_w @ truth)
        boot_f1.append(bf)

        rows.append({"threshold": threshold, "true": tp, "linked": predicted, "same": same,
                     "precision": float(p), "recall": float(r), "f1": float(f),
                     "precision_ci": S.wilson(tp, predicted), "recall_ci": S.wilson(tp, same),
                     "weighted_precision": float(wp), "weighted_recall": float(wr),
                     "weighted_f1": float(wf), "weighted_precision_ci": S.percentile_interval(bp),
                     "weighted_recall_ci": S.percentile_interval(br),
                     "weighted_f1_ci": S.percentile_interval(bf)})
    if reference in thresholds:
        at = list(thresholds).index(reference)
        for row, bf in zip(rows, boot_f1, strict=True):
            row["f1_gain"] = row["weighted_f1"] - rows[at]["weighted_f1"]
            row["f1_gain_ci"] = S.percentile_interval(bf - boot_f1[at])
    return rows


def agreement(first: dict[int, bool], second: dict[int, bool]) -> dict[str, float]:
    """Cohen's kappa and the share of agreement on the pairs both labelled."""
    common = sorted(set(first) & set(second))
    n = len(common)
    if not n:
        return {"n": 0, "agreement": math.nan, "kappa": math.nan, "yes_first": 0,
                "yes_second": 0}
    a, b = [first[k] for k in common], [second[k] for k in common]
    return {"n": n, "agreement": sum(x == y for x, y in zip(a, b, strict=True)) / n,
            "kappa": S.cohen_kappa(a, b), "yes_first": sum(a), "yes_second": sum(b)}


def _fmt(value: float) -> str:
    return "  nan" if math.isnan(value) else f"{value:.2f}"


def print_threshold_table(rows: Sequence[dict[str, Any]]) -> None:
    print("    thr  sample P [95%]       R [95%]          F1  (TP/linked, same) | weighted "
          f"P [95%]        R [95%]          F1 [95%]         F1 - F1 at {THRESHOLD} [95%]")
    for r in rows:
        pl, ph = r["precision_ci"]
        rl, rh = r["recall_ci"]
        wpl, wph = r["weighted_precision_ci"]
        wrl, wrh = r["weighted_recall_ci"]
        wfl, wfh = r["weighted_f1_ci"]
        print(f"    {r['threshold']:.2f} {_fmt(r['precision'])} [{_fmt(pl)}-{_fmt(ph)}] "
              f"{_fmt(r['recall'])} [{_fmt(rl)}-{_fmt(rh)}] {_fmt(r['f1'])} "
              f"({r['true']}/{r['linked']}, {r['same']}) | "
              f"{_fmt(r['weighted_precision'])} [{_fmt(wpl)}-{_fmt(wph)}] "
              f"{_fmt(r['weighted_recall'])} [{_fmt(wrl)}-{_fmt(wrh)}] "
              f"{_fmt(r['weighted_f1'])} [{_fmt(wfl)}-{_fmt(wfh)}]"
              + (f" {r['f1_gain']:+.2f} [{r['f1_gain_ci'][0]:+.2f} {r['f1_gain_ci'][1]:+.2f}]"
                 if "f1_gain" in r else ""))
    best = max(rows, key=lambda r: (-1.0 if math.isnan(r["weighted_f1"])
                                    else r["weighted_f1"]))
    print(f"    best weighted F1 {best['weighted_f1']:.2f} at {best['threshold']:.2f}")


def evaluate(out: Path, second: Path | None = None, second_prefix: str = "") -> int:
    """Print each kind's figures from DIR/KIND.json and DIR/KIND.labels; with ``second``
    (a second labeller's SECOND/PREFIXKIND.labels), their agreement and the figures on the
    pairs both label alike."""
    found = False
    for kind in KINDS:
        key_path, label_path = out / f"{kind}.json", out / f"{kind}.labels"
        if not (key_path.exists() and label_path.exists()):
            continue
        found = True
        pairs = json.loads(key_path.read_text(encoding="utf-8"))
        labels = read_labels(label_path)
        unsure = unsure_labels(label_path)
        missing = [p["n"] for p in pairs if p["n"] not in labels]
        print(f"\n{kind}: {len(labels)} of {len(pairs)} pairs labelled"
              + (f" (not labelled: {missing[:10]})" if missing else "")
              + f"; {sum(labels.values())} the same statement, {len(unsure)} marked unsure")
        if kind == "stratified":
            for threshold in (0.35, 0.4, 0.5):
                for linked in ("current", "current_all", "idf"):
                    r = precision_recall(pairs, labels, linked, threshold)
                    print(f"  {threshold:.2f} {linked:12s} precision {r['precision']:.2f} "
                          f"recall {r['recall']:.2f} ({r['true']} of {r['linked']} linked are "
                          f"the same; {r['same']} same in all) | weighted by band: precision "
                          f"{r['weighted_precision']:.2f} recall {r['weighted_recall']:.2f}")
        elif kind not in WEIGHTED_KINDS:
            for name, row in shares_by_set(pairs, labels).items():
                share = row["same"] / row["labelled"]
                print(f"  {name:20s} {row['same']} of {row['labelled']} the same statement "
                      f"({share:.0%}); of its {row['size']} pairs, about "
                      f"{round(share * row['size'])}")
        if kind in WEIGHTED_KINDS:
            print("  current (the shipped link: blocked candidates at the threshold), "
                  "by threshold:")
            print_threshold_table(threshold_table(pairs, labels))
        other_path = second / f"{second_prefix}{kind}.labels" if second else None
        if other_path is None or not other_path.exists():
            continue
        other = read_labels(other_path)
        a = agreement(labels, other)
        print(f"  second labeller ({other_path}): {a['n']} pairs both labelled, agreement "
              f"{a['agreement']:.1%}, Cohen's kappa {a['kappa']:.2f} (same: {a['yes_first']} "
              f"here, {a['yes_second']} there; {len(unsure_labels(other_path))} unsure there)")
        agreed = {k: v for k, v in labels.items() if k in other and other[k] == v}
        if kind in WEIGHTED_KINDS:
            print(f"  on the {len(agreed)} pairs both label alike:")
            print_threshold_table(threshold_table(pairs, agreed))
            print(f"  with the second labeller's labels alone ({len(other)} pairs):")
            print_threshold_table(threshold_table(pairs, other))
        else:
            for name, row in shares_by_set(pairs, agreed).items():
                print(f"  both alike, {name:20s} {row['same']} of {row['labelled']} the same")
    if not found:
        sys.stderr.write(f"claims_pairs: no KIND.json with KIND.labels in {out}\n")
        return 1
    return 0


# ---- the committed labels file (no text) ----------------------------------------------

#: The hand labels of the session-16 draws that may be committed: ids, offsets and hashes,
#: never a sentence. bench/validity.py reads it and rebuilds every similarity.
DEFAULT_LABELS = REPO / "bench" / "labels" / "claims_pairs.tsv"
#: The draws the labels file holds, in its order.
LABELLED_DRAWS = ("seeds", "same_story", "banded")
LABELS_HEADER = ("draw", "n", "band", "band_size", "band_drawn",
                 "article_a", "start_a", "end_a", "hash_a",
                 "article_b", "start_b", "end_b", "hash_b")
LABELS_ABOUT = (
    "# Hand labels of sentence pairs for the claims threshold (bench/claims_pairs.py, "
    "session 16; rule: the same statement or not, blind to the scores).\n"
    "# No text: article = the article's id as the app reads it (PolNeAR: the file stem; "
    "seeds: the seed's id), offsets = the sentence's start and end in that article's text, "
    "hash = first 10 hex of the sentence's SHA-256. draw = seeds (the shipped seeds), "
    "same_story (PolNeAR train/dev story groups, each analysed alone: story_groups), banded "
    "(PolNeAR's 120-article corpus: corpus(data, 120)). band = the band of the shipped "
    "similarity the pair was drawn from, band_size = pairs in that band, band_drawn = pairs "
    "drawn from it. Labels: Y the same statement, N not, ? unsure, - not labelled.\n")


def text_hash(text: str) -> str:
    """The first 10 hex digits of the sentence's SHA-256: checks the text, cannot give it."""
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]


@dataclass(frozen=True)
class SentenceKey:
    """Where a labelled sentence is, without its text."""

    article: str
    start: int
    end: int
    hash: str


@dataclass(frozen=True, eq=False)  # compared (and hashed) by identity: one per line
class LabelledPair:
    """One row of the labels file: a drawn pair, its band, and each labeller's label."""

    line: int  # in the labels file, for messages
    draw: str
    n: int  # the pair's number in the draw (#N in DIR/KIND.txt)
    band: str
    band_size: int
    band_drawn: int
    a: SentenceKey
    b: SentenceKey
    labels: dict[str, bool]  # labeller -> the same statement
    unsure: frozenset[str] = frozenset()  # labellers who marked it '?'

    @property
    def weight(self) -> float:
        """How many pairs of its band this pair stands for."""
        return self.band_size / self.band_drawn


def read_labels_file(path: Path) -> list[LabelledPair]:
    """The committed labels file; raises ValueError naming the file and line of a bad row."""
    rows: list[LabelledPair] = []
    names: list[str] = []
    width = len(LABELS_HEADER)
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not names:
            if tuple(cells[:width]) != LABELS_HEADER or len(cells) == width:
                raise ValueError(f"{path.name}, line {number}: expected the header "
                                 f"{' '.join(LABELS_HEADER)} and labellers' names")
            names = cells[width:]
            continue
        try:
            marks = cells[width:]
            if (len(cells) != width + len(names) or cells[0] not in LABELLED_DRAWS
                    or any(m.rstrip("?") not in ("Y", "N", "-") or m == "-?" for m in marks)):
                raise ValueError
            keys = [SentenceKey(cells[k], int(cells[k + 1]), int(cells[k + 2]), cells[k + 3])
                    for k in (5, 9)]
            size, drawn = int(cells[3]), int(cells[4])
            if drawn <= 0 or size < drawn:
                raise ValueError
            rows.append(LabelledPair(
                number, cells[0], int(cells[1]), cells[2], size, drawn, keys[0], keys[1],
                {name: m.startswith("Y") for name, m in zip(names, marks, strict=True)
                 if m != "-"},
                frozenset(name for name, m in zip(names, marks, strict=True)
                          if m.endswith("?"))))
        except ValueError:
            raise ValueError(f"{path.name}, line {number}: expected {width + len(names)} "
                             f"tab-separated cells (draw one of {', '.join(LABELLED_DRAWS)}; "
                             f"band_drawn 1 to band_size; labels Y, N, Y?, N? or -); "
                             f"got {line!r}") from None
    return rows


def labeller_names(rows: Sequence[LabelledPair]) -> list[str]:
    """The labellers' names, in the file's column order."""
    names: list[str] = []
    for row in rows:
        names += [n for n in row.labels if n not in names]
    return names


def draw_corpora(draw: str, data: Path) -> list[list[Any]]:
    """The analysed corpora a draw's pairs come from, each prepared alone as when drawn:
    the seeds; PolNeAR's 120-article corpus (``banded``); each PolNeAR story group
    (``same_story``)."""
    if draw == "seeds":
        return [seed_corpus()]
    if draw == "banded":
        return [corpus(data, 120)]
    if draw == "same_story":
        return [story_corpus(group) for group in story_groups(data)]
    raise ValueError(f"unknown draw {draw!r}")


def story_corpus(group: Sequence[dict[str, str]]) -> list[Any]:
    """One story group's articles, analysed as a one-story load (sample_same_story's)."""
    from models.features import analyze_articles, article_from_text

    articles = []
    for row in group:
        article = article_from_text(Path(row["path"]).read_text(encoding="utf-8"),
                                    row["filename"])
        article.outlet = row["publisher"]
        articles.append(article)
    return analyze_articles(articles)


@dataclass(frozen=True)
class Rescored:
    """A labelled pair's similarity and link as the shipped code computes them now."""

    pair: LabelledPair
    current: float  # models.claims' cosine of the two sentences in their corpus
    blocked: bool  # among the candidate pairs models.claims compares


def rescore(rows: Sequence[LabelledPair], corpora: Sequence[Sequence[Any]],
            source: str = "") -> tuple[list[Rescored], list[str]]:
    """Each row's pair found again in ``corpora`` (by article id and offsets), its hashes
    checked, and its similarity rebuilt through :mod:`models.claims` (the vectors the
    threshold is applied to). Rows not found or whose text no longer matches its hash are
    left out, each with a message naming ``source``'s line."""
    import numpy as np

    from models.claims import _pair_similarities, prepare_claims

    where = f"{source}, " if source else ""
    wanted = {row.a.article for row in rows} | {row.b.article for row in rows}
    found: dict[LabelledPair, Rescored] = {}
    problems: dict[LabelledPair, str] = {}
    for analyses in corpora:
        ids = {a.article_id for a in analyses}
        mine = [row for row in rows if row.a.article in ids and row.b.article in ids]
        if not mine or not ids & wanted:
            continue
        prepared = prepare_claims(analyses)
        at = {(analyses[item.analysis].article_id, item.sentence.start, item.sentence.end): k
              for k, item in enumerate(prepared.items)}
        a, b = prepared.pairs
        candidates = set(zip(a.tolist(), b.tolist(), strict=True))
        for row in mine:
            index = []
            for side, key in (("A", row.a), ("B", row.b)):
                k = at.get((key.article, key.start, key.end))
                if k is None:
                    problems[row] = (f"{where}line {row.line} ({row.draw} #{row.n}): sentence "
                                     f"{side} ({key.article} {key.start}-{key.end}) is not a "
                                     f"claim sentence of its article")
                    break
                text = prepared.items[k].sentence.text
                if text_hash(text) != key.hash:
                    problems[row] = (f"{where}line {row.line} ({row.draw} #{row.n}): sentence "
                                     f"{side} ({key.article} {key.start}-{key.end}) no longer "
                                     f"matches its hash {key.hash} (now {text_hash(text)})")
                    break
                index.append(k)
            else:
                i, j = index
                similarity = float(_pair_similarities(
                    prepared.x, prepared.rows[np.array([i])], prepared.rows[np.array([j])])[0])
                found[row] = Rescored(row, similarity,
                                      (i, j) in candidates or (j, i) in candidates)
    for row in rows:
        if row not in found and row not in problems:
            problems[row] = (f"{where}line {row.line} ({row.draw} #{row.n}): the articles "
                             f"{row.a.article} and {row.b.article} are not in one corpus of "
                             f"the draw")
    return [found[row] for row in rows if row in found], [problems[row] for row in rows
                                                          if row in problems]


def draw_figures(rescored: Sequence[Rescored], names: Sequence[str],
                 threshold: float = THRESHOLD) -> dict[str, Any]:
    """Precision, recall and F1 of the shipped link at ``threshold`` on the pairs the
    labellers ``names`` all label alike, weighted by band size, with 95% bootstrap
    intervals within bands (:func:`threshold_table`, as ``evaluate`` prints them); and the
    labellers' agreement and Cohen's kappa on the pairs they all labelled."""
    pairs = [{"n": k, "current": r.current, "blocked": r.blocked, "band": r.pair.band,
              "weight": r.pair.weight} for k, r in enumerate(rescored)]
    labelled = {k: r.pair.labels for k, r in enumerate(rescored)
                if all(name in r.pair.labels for name in names)}
    agreed = {k: next(iter(set(labels.values()))) for k, labels in labelled.items()
              if len(set(labels.values())) == 1}
    row = threshold_table(pairs, agreed, thresholds=(threshold,), reference=threshold)[0]
    out = {"pairs": len(rescored), "labelled": len(labelled), "agreed": len(agreed),
           "population": sum({r.pair.band: r.pair.band_size for r in rescored}.values()),
           **row}
    if len(names) == 2:
        first, second = names
        out.update({f"agreement_{k}": v for k, v in agreement(
            {k: lab[first] for k, lab in labelled.items()},
            {k: lab[second] for k, lab in labelled.items()}).items()})
    return out


def export(out: Path, second: Path, first_name: str, second_name: str, to: Path,
           data: Path) -> int:
    """Write the labels file from DIR/KIND.json, DIR/KIND.labels and the second
    labeller's SECOND/KIND.labels: each pair's sentences found again by rebuilding its
    draw's corpora, keyed by article id, offsets and a hash."""
    lines = [LABELS_ABOUT, "\t".join((*LABELS_HEADER, first_name, second_name)) + "\n"]
    for draw in LABELLED_DRAWS:
        key = json.loads((out / f"{draw}.json").read_text(encoding="utf-8"))
        marks = []
        for path in (out / f"{draw}.labels", second / f"{draw}.labels"):
            found = _read_label_lines(path) if path.exists() else {}
            marks.append({n: ("Y" if same else "N") + ("?" if unsure else "")
                          for n, (same, unsure) in found.items()})
        drawn: dict[str, int] = {}
        for pair in key:
            drawn[pair["set"]] = drawn.get(pair["set"], 0) + 1
        items: dict[tuple[str, int], Any] = {}
        for analyses in draw_corpora(draw, data):
            from models.claims import prepare_claims

            prepared = prepare_claims(analyses)
            for item in prepared.items:
                items[analyses[item.analysis].article_id, item.sentence.index] = item.sentence
        for pair in sorted(key, key=lambda p: p["n"]):
            cells = [draw, str(pair["n"]), pair["set"], str(pair["set_size"]),
                     str(drawn[pair["set"]])]
            for side in ("a", "b"):
                article, index = pair[side]
                sentence = items[article, index]
                cells += [article, str(sentence.start), str(sentence.end),
                          text_hash(sentence.text)]
            cells += [m.get(pair["n"], "-") for m in marks]
            lines.append("\t".join(cells) + "\n")
    to.write_text("".join(lines), encoding="utf-8")
    print(f"wrote {to}: {len(lines) - 2} pairs")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("sample", "evaluate", "export"))
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--kind", choices=KINDS, default="stratified")
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--second", type=Path, default=None,
                        help="evaluate: a second labeller's folder of KIND.labels files")
    parser.add_argument("--second-prefix", default="",
                        help="evaluate: the second labeller's file names are PREFIXKIND.labels")
    parser.add_argument("--names", nargs=2, default=("claims16", "lab16"),
                        metavar=("FIRST", "SECOND"),
                        help="export: the two labellers' names (columns of the labels file)")
    parser.add_argument("--to", type=Path, default=DEFAULT_LABELS,
                        help="export: the labels file to write (default: %(default)s)")
    args = parser.parse_args()
    if args.command == "evaluate":
        return evaluate(args.out, args.second, args.second_prefix)
    if args.command == "export":
        if args.second is None:
            parser.error("export needs --second (the second labeller's folder)")
        return export(args.out, args.second, *args.names, args.to, args.data)
    if args.out.resolve().is_relative_to(REPO.resolve()):
        sys.stderr.write("claims_pairs: --out must be outside the repository "
                         "(PolNeAR's text is written there)\n")
        return 1
    if args.kind != "seeds" and not (args.data / "polnear" / "data" / "metadata.tsv").exists():
        sys.stderr.write(f"claims_pairs: no PolNeAR under {args.data}\n")
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    if args.kind == "missed":
        drawn = sample_missed({size: Scored(corpus(args.data, size)) for size in (120, 240)})
    elif args.kind == "same_story":
        drawn = sample_same_story(args.data)
    elif args.kind == "seeds":
        drawn = sample_seeds()
    elif args.kind == "banded":
        drawn = sample_banded(Scored(corpus(args.data, 120)))
    else:
        scored = Scored(corpus(args.data, 120))
        drawn = (sample_stratified(scored) if args.kind == "stratified"
                 else sample_disagree(scored, args.out))
    _write(args.out, args.kind, drawn)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
