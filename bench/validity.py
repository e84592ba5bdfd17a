"""How well Framescope's measures agree with human judgement.

Scores the human-annotated sets in ``../shared/data/`` (never copied into the
repository) through the same code paths as ``framescope sentences``
(:func:`desktop.cli.sentence_row`) and ``framescope analyze``
(:func:`models.features.analyze_article`), and prints one table: measure, data
set, metric, our figure, the published reference, the goal. A set that is
absent is skipped with a message naming the missing path. Deterministic: no
sampling; any split is fixed by position in the file.

    .venv/bin/python bench/validity.py [--data ../shared/data] [--json resources/validation.json]
                                       [--only NAME ...]

``--only`` runs just the checks whose function name contains one of the given
words (``--only polnear`` runs the PolNeAR checks; ``--only hedging tone``).

``--json`` also writes the figures (never any data) to the file the app's
Methods page reads: one entry per measure key of the registries in
:mod:`models.measures` (MEASURES, CLAIM_MEASURES, SELECTION_MEASURES), an empty list
for a measure that no check validates.

Adding a check: write a function ``(data: Path) -> Iterable[Row]`` and append
``Check("<path under the data folder it needs>", function)`` to :data:`CHECKS`
(``Check(None, function)`` for a check that needs nothing from the data folder).
A row's ``keys`` name the registry measures it validates (they go to the JSON);
a baseline row (a naive method run in the same pass, for comparison) has none.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from desktop.cli import sentence_row  # noqa: E402  (the repo root is put on the path first)
from models.features import analyze_article, article_from_text  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "data"


@dataclass(frozen=True)
class Row:
    """One line of the table: one figure on one data set."""

    measure: str
    data: str
    metric: str
    ours: str
    reference: str
    goal: str = ""
    # Registry keys (models.measures) this figure validates; empty for a baseline row.
    keys: tuple[str, ...] = ()
    value: float | None = None  # the headline figure, for the JSON
    # The figure's 95% interval (low, high) where the check gives one, for the JSON: the
    # Methods page then says when the interval reaches across the goal.
    interval: tuple[float, float] | None = None


class SkipCheck(Exception):
    """Raised by a check whose data folder is there but lacks what it scores: the check is
    skipped with this message, as one whose path is absent."""


@dataclass(frozen=True)
class Check:
    """A function that scores one data set, and the path (under the data folder) it needs
    (None: it needs nothing from the data folder, e.g. the shipped seeds)."""

    needs: str | None
    run: Callable[[Path], Iterable[Row]]


COLUMNS = (
    ("measure", "measure"),
    ("data", "data set"),
    ("metric", "metric"),
    ("ours", "ours"),
    ("reference", "published reference"),
    ("goal", "goal"),
)


# ---------------------------------------------------------------------- scoring helpers


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def prf_text(p: float, r: float, f: float) -> str:
    return f"{f:.3f} (P {p:.3f} / R {r:.3f})"


def overlaps(a: tuple[int, int], spans: Sequence[tuple[int, int]]) -> bool:
    return any(a[0] < b[1] and b[0] < a[1] for b in spans)


@dataclass
class SpanCounts:
    """Overlap matching: a predicted span is correct if it overlaps a gold span, a gold
    span is found if a predicted span overlaps it (precision and recall counted apart)."""

    predicted: int = 0
    predicted_hit: int = 0
    gold: int = 0
    gold_hit: int = 0

    def add(self, predicted: Sequence[tuple[int, int]], gold: Sequence[tuple[int, int]]) -> None:
        self.predicted += len(predicted)
        self.predicted_hit += sum(overlaps(p, gold) for p in predicted)
        self.gold += len(gold)
        self.gold_hit += sum(overlaps(g, predicted) for g in gold)

    def prf(self) -> tuple[float, float, float]:
        p = self.predicted_hit / self.predicted if self.predicted else 0.0
        r = self.gold_hit / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def row_uncertain(row: Mapping[str, Any], vague: bool = False) -> bool:
    """The sentence decision of :func:`models.hedging.sentence_uncertain` read from a
    ``framescope sentences`` row: a hedge of a kind in ``UNCERTAIN_KINDS`` (epistemic,
    evidential, weasel) or a negated hedge; a vague quantity only with ``vague``."""
    from models.hedging import UNCERTAIN_KINDS

    return bool(
        sum(row[f"hedge_{kind}"] for kind in UNCERTAIN_KINDS) + row["hedge_negated"]
        + (row["hedge_vague"] if vague else 0)
    )


def sentence_uncertain(text: str, vague: bool = False) -> bool:
    """Any hedge in the sentence that makes it uncertain (epistemic, evidential or weasel;
    negated or not; a vague quantity alone only with ``vague``), through ``framescope
    sentences``' row. Until session 21 a vague quantity alone counted (the 'any hedge'
    figures before then)."""
    return row_uncertain(sentence_row(text, 0), vague)


def binary_row(
    predicted: Iterable[bool], gold: Iterable[bool]
) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for p, g in zip(predicted, gold, strict=True):
        tp += p and g
        fp += p and not g
        fn += g and not p
    return prf(tp, fp, fn)


# ---------------------------------------------------------------------- hedging

HEDGE_KEYS = (
    "hedges_epistemic_per_100w", "hedges_evidential_per_100w", "headline_hedged",
    "hedges_weasel_per_100w",
)
#: Vague quantities are no hedge of the sentence decision (models.hedging.UNCERTAIN_KINDS):
#: the row that validates them is CoNLL-2010 Wikipedia's, whose annotators count them.
VAGUE_KEYS = ("hedges_vague_per_100w",)
HEDGE_GOAL_CONLL = "F1 ≥ 0.62"
CONLL_REFERENCE = "best 2010 system ≈ 0.60 (Farkas et al. 2010)"

# The naive baseline the issue quotes (≈ 0.51 on this set): 40 common hedge words,
# any occurrence marks the sentence uncertain. Written for this comparison, not tuned.
NAIVE_HEDGE_WORDS = (
    "may might could can would should possibly possible perhaps probably likely unlikely "
    "maybe suggest suggests suggested appear appears seem seems apparently believe believed "
    "think thought claim claimed allegedly reportedly some many often usually generally "
    "considered regarded estimated approximately presumably potentially"
).split()
_NAIVE_HEDGE = re.compile(r"\b(?:" + "|".join(NAIVE_HEDGE_WORDS) + r")\b", re.IGNORECASE)

#: The CoNLL file is sorted by label, so the split is by position modulo 10: rows whose
#: index ends in 0-6 are the tuning part (70%), rows ending in 7-9 are held out (30%).
CONLL_FOLDS = 10
CONLL_TUNE_FOLDS = 7


def conll_held_out(index: int) -> bool:
    return index % CONLL_FOLDS >= CONLL_TUNE_FOLDS


def read_conll(data: Path) -> list[tuple[str, bool]]:
    path = data / "hedging" / "conll2010_wiki_train.csv"
    with path.open(newline="", encoding="utf-8") as handle:
        return [(r["text"], r["label"].strip() == "1") for r in csv.DictReader(handle)]


def hedging_conll(data: Path) -> Iterator[Row]:
    records = read_conll(data)
    gold = [label for _, label in records]
    sentence_rows = [sentence_row(text, 0) for text, _ in records]
    ours = [row_uncertain(row) for row in sentence_rows]
    # CoNLL-2010's Wikipedia annotators mark vague quantities ("some", "many") as weasels;
    # Framescope counts them as a measure of their own, not as uncertainty.
    with_vague = [row_uncertain(row, vague=True) for row in sentence_rows]
    naive = [bool(_NAIVE_HEDGE.search(text)) for text, _ in records]
    n = len(records)
    held = [conll_held_out(i) for i in range(n)]

    def part(values: Sequence[bool], held_out: bool) -> list[bool]:
        return [v for v, h in zip(values, held, strict=True) if h == held_out]

    tune_n = held.count(False)
    yield Row(
        "hedge baseline: 40-word regex", f"CoNLL-2010 Wikipedia train, all {n:,}",
        "uncertain-class F1 (P / R)", prf_text(*binary_row(naive, gold)),
        "naive regex ≈ 0.51 (issue 3)",
    )
    p, r, f = binary_row(ours, gold)
    yield Row(
        "hedge (any, sentence)", f"CoNLL-2010 Wikipedia train, all {n:,}",
        "uncertain-class F1 (P / R)", prf_text(p, r, f), CONLL_REFERENCE, HEDGE_GOAL_CONLL,
    )
    yield Row(
        "hedge (any, sentence)", f"CoNLL-2010 Wikipedia, tuning part ({tune_n:,}: rows 0-6 mod 10)",
        "uncertain-class F1 (P / R)", prf_text(*binary_row(part(ours, False), part(gold, False))),
        CONLL_REFERENCE, HEDGE_GOAL_CONLL,
    )
    p, r, f = binary_row(part(ours, True), part(gold, True))
    yield Row(
        "hedge (any, sentence)", f"CoNLL-2010 Wikipedia, held out ({n - tune_n:,}: rows 7-9 mod 10)",
        "uncertain-class F1 (P / R)", prf_text(p, r, f), CONLL_REFERENCE, HEDGE_GOAL_CONLL,
        keys=HEDGE_KEYS, value=f,
    )
    yield Row(
        "hedge or vague quantity (sentence)",
        f"CoNLL-2010 Wikipedia, tuning part ({tune_n:,}: rows 0-6 mod 10)",
        "uncertain-class F1 (P / R)",
        prf_text(*binary_row(part(with_vague, False), part(gold, False))),
        CONLL_REFERENCE, HEDGE_GOAL_CONLL,
    )
    p, r, f = binary_row(part(with_vague, True), part(gold, True))
    yield Row(
        "hedge or vague quantity (sentence)",
        f"CoNLL-2010 Wikipedia, held out ({n - tune_n:,}: rows 7-9 mod 10)",
        "uncertain-class F1 (P / R)", prf_text(p, r, f), CONLL_REFERENCE, HEDGE_GOAL_CONLL,
        keys=VAGUE_KEYS, value=f,
    )


#: Hand labels of PolNeAR news sentences (bench/news_hedges.py): offsets and hashes, no
#: text; the text comes from the data folder. The dev draw (session 16) is where session
#: 17's rules were chosen, so its figure is in-sample; the train draw (session 17, drawn
#: and labelled blind before those rules were looked at against it) is the honest figure,
#: the one the Methods page shows.
NEWS_LABELS = REPO / "bench" / "labels" / "news_hedges_polnear_dev.tsv"
NEWS_TRAIN_LABELS = REPO / "bench" / "labels" / "news_hedges_polnear_train.tsv"
NEWS_TRAIN_SEED18_LABELS = REPO / "bench" / "labels" / "news_hedges_polnear_train_seed18.tsv"
NEWS_TRAIN_SEED19_LABELS = REPO / "bench" / "labels" / "news_hedges_polnear_train_seed19.tsv"
NEWS_TRAIN_SEED20_LABELS = REPO / "bench" / "labels" / "news_hedges_polnear_train_seed20.tsv"
NEWS_TRAIN_SEED21_LABELS = REPO / "bench" / "labels" / "news_hedges_polnear_train_seed21.tsv"
NEWS_TRAIN_SEED22_LABELS = REPO / "bench" / "labels" / "news_hedges_polnear_train_seed22.tsv"
HEDGE_GOAL_NEWS = "F1 ≥ 0.65"
NEWS_REFERENCE = "no published figure on news sentences; labelled by our team"


def _news_hedge_rows(data: Path, labels: Path, split: str, name: str,
                     note: str, shown: bool) -> Iterator[Row]:
    """The detector's sentence-level 'any hedge' on a hand-labelled PolNeAR draw
    (bench/news_hedges.py, stratified by the detector's decision when drawn): precision,
    recall and F1 weighted back to all the split's body sentences, with a 95%
    stratified-bootstrap interval; per labeller, and on the sentences both agree on
    (that row on the Methods page when ``shown``)."""
    sys.path.insert(0, str(REPO / "bench"))
    import labelled_stats as S
    import news_hedges as N

    rows = N.read_labels_file(labels)
    texts, problems = N.texts_from_data(rows, data, split)
    kept = [row for row, text in zip(rows, texts, strict=True) if text is not None]
    if not kept:
        raise SkipCheck(f"none of the {len(rows)} sentences of {labels.name} is in "
                        f"{data / 'polnear' / 'data' / split / 'text'} ({problems[0]})")
    for problem in problems:
        print(f"{name}: {problem}; left out", file=sys.stderr)
    says = [sentence_uncertain(text) for text in texts if text is not None]
    names = N.labeller_names(kept)
    found = f"{len(kept)} of {len(rows)}" if problems else f"{len(kept)}"
    base = (f"PolNeAR {split} news sentences{note} ({found} hand-labelled, weighted to all "
            f"{N.population(kept):,}")

    def scored(label_of: Callable[[N.LabelledSentence], bool | None]) -> tuple[str, float, int]:
        items = [N.Item(said, truth, row.stratum, row.stratum_size)
                 for row, said in zip(kept, says, strict=True)
                 if (truth := label_of(row)) is not None]
        got = N.figures(items)
        low, high = got.f1_ci
        return (f"{got.f1:.3f} [95% {low:.3f}–{high:.3f}] (P {got.precision:.3f} / "
                f"R {got.recall:.3f})", got.f1, len(items), (low, high))

    for labeller in names:
        text, f, _, ci = scored(lambda row, labeller=labeller: row.labels.get(labeller))
        headline = len(names) == 1 and shown
        yield Row("hedge (any, sentence)", f"{base}; labels: {labeller})",
                  "uncertain-class F1 [95% CI] (P / R)", text, NEWS_REFERENCE, HEDGE_GOAL_NEWS,
                  keys=HEDGE_KEYS if headline else (), value=f if headline else None,
                  interval=ci if headline else None)
    if len(names) == 2:
        both = [row for row in kept if all(n in row.labels for n in names)]
        first, second = ([row.labels[n] for row in both] for n in names)
        kappa = S.cohen_kappa(first, second)
        text, f, agreed, ci = scored(N.agreed_label)
        yield Row("hedge (any, sentence)",
                  f"{base}; the {agreed} of {len(both)} on which {names[0]} and {names[1]} "
                  f"agree, Cohen's kappa {kappa:.2f})",
                  "uncertain-class F1 [95% CI] (P / R)", text, NEWS_REFERENCE,
                  HEDGE_GOAL_NEWS, keys=HEDGE_KEYS if shown else (),
                  value=f if shown else None, interval=ci if shown else None)


def hedging_news_labelled(data: Path) -> Iterator[Row]:
    """Session 16's 400 hand-labelled PolNeAR dev sentences: in-sample since session 17
    chose its rules on them, so in the table only, not on the Methods page."""
    yield from _news_hedge_rows(data, NEWS_LABELS, "dev", "hedging_news_labelled",
                                ", in-sample", shown=False)


def hedging_news_labelled_train(data: Path) -> Iterator[Row]:
    """Session 17's 300 hand-labelled PolNeAR train sentences (seed 17), the fresh draw of
    session 17: in-sample since session 18 chose its rules by reading its errors, so in
    the table only, not on the Methods page."""
    yield from _news_hedge_rows(data, NEWS_TRAIN_LABELS, "train",
                                "hedging_news_labelled_train", ", seed 17, in-sample",
                                shown=False)


def hedging_news_labelled_train_seed18(data: Path) -> Iterator[Row]:
    """Session 18's 300 hand-labelled PolNeAR train sentences (seed 18, none of seed 17's):
    in-sample since session 19 chose its rules by reading its errors, so in the table
    only, not on the Methods page."""
    yield from _news_hedge_rows(data, NEWS_TRAIN_SEED18_LABELS, "train",
                                "hedging_news_labelled_train_seed18",
                                ", seed 18, in-sample", shown=False)


def hedging_news_labelled_train_seed19(data: Path) -> Iterator[Row]:
    """Session 19's 300 hand-labelled PolNeAR train sentences (seed 19, none of seeds 17
    and 18's): in-sample since session 20 chose its rules by sorting the errors of all
    four earlier draws, so in the table only, not on the Methods page."""
    yield from _news_hedge_rows(data, NEWS_TRAIN_SEED19_LABELS, "train",
                                "hedging_news_labelled_train_seed19",
                                ", seed 19, in-sample", shown=False)


def hedging_news_labelled_train_seed20(data: Path) -> Iterator[Row]:
    """Session 20's 300 hand-labelled PolNeAR train sentences (seed 20, none of the earlier
    draws' sentences): in-sample since session 21 chose its rules by reading its errors
    (with those of the earlier draws), so in the table only, not on the Methods page."""
    yield from _news_hedge_rows(data, NEWS_TRAIN_SEED20_LABELS, "train",
                                "hedging_news_labelled_train_seed20",
                                ", seed 20, in-sample", shown=False)


def hedging_news_labelled_train_seed21(data: Path) -> Iterator[Row]:
    """Session 21's 300 hand-labelled PolNeAR train sentences (seed 21, none of the earlier
    draws' sentences), a fresh blind draw made and labelled (reading A) by a team member
    outside the rules work, before anyone scored the detector on it or the session's
    rules were frozen; nobody read its errors. Since session 25 the Methods page shows it
    pooled with seed 22's (:func:`hedging_news_fresh_pooled`)."""
    yield from _news_hedge_rows(data, NEWS_TRAIN_SEED21_LABELS, "train",
                                "hedging_news_labelled_train_seed21",
                                ", seed 21, fresh draw", shown=False)


def hedging_news_labelled_train_seed22(data: Path) -> Iterator[Row]:
    """Session 25's 300 hand-labelled PolNeAR train sentences (seed 22, none of the earlier
    draws' sentences), drawn and labelled blind (reading A) by two members of the team
    outside the rules work while the session's rules were being made, and scored once those
    rules were merged; nobody read its errors."""
    yield from _news_hedge_rows(data, NEWS_TRAIN_SEED22_LABELS, "train",
                                "hedging_news_labelled_train_seed22",
                                ", seed 22, fresh draw", shown=False)


#: The fresh draws nobody has read the errors of, pooled for the Methods page's figure.
FRESH_NEWS_DRAWS = (("seed 21", NEWS_TRAIN_SEED21_LABELS), ("seed 22", NEWS_TRAIN_SEED22_LABELS))


def hedging_news_fresh_pooled(data: Path) -> Iterator[Row]:
    """The fresh draws together (:data:`FRESH_NEWS_DRAWS`), on the sentences both of each
    draw's labellers agree on: each draw is a stratified sample of (nearly) the same
    population, so each sentence is weighted by its stratum's size over the number of its
    draw's labelled sentences in that stratum, divided by the number of draws (the pooled
    counts are the mean of the draws' estimates); the bootstrap resamples within each
    draw's strata. The figure the Methods page shows for the hedge measures."""
    sys.path.insert(0, str(REPO / "bench"))
    import news_hedges as N

    items: list[Any] = []
    agreed = labelled = 0
    present = [(draw, path) for draw, path in FRESH_NEWS_DRAWS if path.is_file()]
    for draw, path in present:
        rows = N.read_labels_file(path)
        texts, problems = N.texts_from_data(rows, data, "train")
        kept = [(row, text) for row, text in zip(rows, texts, strict=True) if text is not None]
        if not kept:
            raise SkipCheck(f"none of the {len(rows)} sentences of {path.name} is in "
                            f"{data / 'polnear' / 'data' / 'train' / 'text'}")
        for problem in problems:
            print(f"hedging_news_fresh_pooled: {problem}; left out", file=sys.stderr)
        labelled += len(kept)
        for row, text in kept:
            truth = N.agreed_label(row)
            if truth is not None:
                agreed += 1
                items.append(N.Item(sentence_uncertain(text), truth, f"{draw}: {row.stratum}",
                                    row.stratum_size / len(present)))
    if len(present) < 2:
        raise SkipCheck("fewer than two fresh draws' labels files: "
                        + ", ".join(path.name for _, path in FRESH_NEWS_DRAWS))
    got = N.figures(items)
    low, high = got.f1_ci
    yield Row("hedge (any, sentence)",
              f"PolNeAR train news sentences, fresh draws {' + '.join(d for d, _ in present)} "
              f"pooled (the {agreed} of {labelled} hand-labelled on which each draw's two "
              f"labellers agree)",
              "uncertain-class F1 [95% CI] (P / R)",
              f"{got.f1:.3f} [95% {low:.3f}–{high:.3f}] (P {got.precision:.3f} / "
              f"R {got.recall:.3f})", NEWS_REFERENCE, HEDGE_GOAL_NEWS, keys=HEDGE_KEYS,
              value=got.f1, interval=(low, high))


#: Hand labels of sentence pairs for the claims threshold (bench/claims_pairs.py): ids,
#: offsets and hashes, no text; PolNeAR's text comes from the data folder.
CLAIM_LABELS = REPO / "bench" / "labels" / "claims_pairs.tsv"
CLAIM_KEYS = ("claim_threshold",)
CLAIM_REFERENCE = "no published figure for this link; labelled by our team"
#: What each draw is, and what its recall counts (bench/claims_pairs.py's draws).
CLAIM_DRAWS = {
    "seeds": ("the seed articles (5 outlets, one story)",
              "cross-outlet pairs at cosine ≥ 0.2"),
    "same_story": ("PolNeAR stories told by 2–4 outlets (each story alone)",
                   "cross-outlet pairs at cosine ≥ 0.2"),
    "banded": ("120 PolNeAR articles of many stories",
               "compared pairs at cosine ≥ 0.25"),
}


def _claim_rows(data: Path, draws: Sequence[str], name: str) -> Iterator[Row]:
    """The shipped claim link (models.claims, blocked candidates at DEFAULT_THRESHOLD) on
    each draw's hand-labelled pairs, every similarity rebuilt from the articles: precision,
    recall and F1 weighted by band size, 95% bootstrap interval within bands, on the pairs
    both labellers agree on; their Cohen's kappa in the data column."""
    sys.path.insert(0, str(REPO / "bench"))
    import claims_pairs as CP

    from models.claims import DEFAULT_THRESHOLD

    rows = CP.read_labels_file(CLAIM_LABELS)
    names = CP.labeller_names(rows)
    for draw in draws:
        mine = [row for row in rows if row.draw == draw]
        if not mine:
            continue
        rescored, problems = CP.rescore(mine, CP.draw_corpora(draw, data), CLAIM_LABELS.name)
        if not rescored:
            raise SkipCheck(f"none of the {len(mine)} {draw} pairs of {CLAIM_LABELS.name} "
                            f"was found again ({problems[0]})")
        for problem in problems:
            print(f"{name}: {problem}; left out", file=sys.stderr)
        f = CP.draw_figures(rescored, names, DEFAULT_THRESHOLD)
        what, recall_over = CLAIM_DRAWS[draw]
        found = (f"{len(rescored)} of {len(mine)}" if problems else f"{len(mine)}")
        kappa = (f", Cohen's kappa {f['agreement_kappa']:.2f}" if len(names) == 2 else "")
        low, high = f["weighted_f1_ci"]
        yield Row(f"claim link at the default threshold ({DEFAULT_THRESHOLD})",
                  f"{what}: the {f['agreed']} of {found} hand-labelled sentence pairs on which "
                  f"{' and '.join(names)} agree{kappa}; weighted to all {f['population']:,} "
                  f"{recall_over}",
                  "same-statement pair F1 [95% CI] (P / R)",
                  f"{f['weighted_f1']:.3f} [95% {low:.3f}–{high:.3f}] "
                  f"(P {f['weighted_precision']:.3f} / R {f['weighted_recall']:.3f})",
                  CLAIM_REFERENCE, keys=CLAIM_KEYS, value=f["weighted_f1"],
                  interval=(low, high))


def claims_pairs_seeds(data: Path) -> Iterator[Row]:
    """The claim link on the seeds' hand-labelled pairs (needs no shared data)."""
    yield from _claim_rows(data, ("seeds",), "claims_pairs_seeds")


def claims_pairs_polnear(data: Path) -> Iterator[Row]:
    """The claim link on the PolNeAR draws' hand-labelled pairs: one story per group,
    and 120 articles of many stories."""
    yield from _claim_rows(data, ("same_story", "banded"), "claims_pairs_polnear")

VOICE_LABELS = REPO / "bench" / "labels" / "voice_polnear_dev.tsv"
#: The measures the own-voice decision splits (models.voice, models.measures).
VOICE_KEYS = tuple(
    f"{stem}_{voice}_per_100w"
    for stem in ("hedges_epistemic", "hedges_evidential", "boosters")
    for voice in ("own", "quoted")
)
VOICE_REFERENCE = "no published figure for this decision; labelled by our team"


def cohen_kappa(pairs: Sequence[tuple[str, str]]) -> float:
    """Cohen's kappa of two labellings of the same items ((first, second) per item)."""
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    labels = {label for pair in pairs for label in pair}
    expected = sum(
        (sum(a == c for a, _ in pairs) / n) * (sum(b == c for _, b in pairs) / n) for c in labels
    )
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def _voice_rows(data: Path, labels: Path) -> Iterator[Row]:
    """Whose voice each hand-labelled certainty cue is in, by models.voice's rule
    (own, or a speaker's: quoted or reported), against a team member's blind labels:
    agreement and Cohen's kappa on own vs a speaker's, and a baseline row for the
    quotation marks alone (no reported speech). Cues the labeller left unsure are out."""
    import hashlib

    from models.features import analyze_articles
    from models.readers import read_paths
    from models.voice import quoted_flags, reported_flags

    rows = list(csv.DictReader(
        (line for line in labels.read_text(encoding="utf-8").splitlines()
         if not line.startswith("#")), delimiter="\t"))
    labeller = next(name for name in rows[0] if name not in ("n", "article", "start", "end", "hash"))
    folder = data / "polnear" / "data" / "dev" / "text"
    paths = sorted({folder / f"{row['article']}.txt" for row in rows})
    present = [path for path in paths if path.exists()]
    if not present:
        raise SkipCheck(f"none of the {len(paths)} articles of {labels.name} is in {folder}")
    analyses = {a.article_id: a for a in analyze_articles(read_paths(present).articles)}
    decided: list[tuple[str, str, str]] = []  # (label, rule, quotation marks alone)
    missing = 0
    for row in rows:
        analysis = analyses.get(row["article"])
        start, end = int(row["start"]), int(row["end"])
        span = None if analysis is None else next(
            (s for s in analysis.spans if (s.start, s.end) == (start, end)
             and s.category in ("hedge", "booster")), None)
        sentence = None if span is None or analysis is None else next(
            (x for x in analysis.article.sentences if x.index == span.sentence_index), None)
        if (span is None or analysis is None or sentence is None or hashlib.sha256(
                sentence.text.encode("utf-8")).hexdigest()[:10] != row["hash"]):
            missing += 1
            continue
        if row[labeller] not in ("O", "Q", "R"):
            continue
        quoted = quoted_flags(analysis.article, [span])[0]
        reported = reported_flags(analysis.article, [span], analysis.spans)[0]
        decided.append((row[labeller], "speaker" if quoted or reported else "own",
                        "speaker" if quoted else "own"))
    if missing:
        print(f"voice_polnear: {missing} of {len(rows)} labelled cues not found again; left out",
              file=sys.stderr)
    if not decided:
        raise SkipCheck(f"none of the cues of {labels.name} was found again")
    truth = ["own" if label == "O" else "speaker" for label, _, _ in decided]
    unsure = len(rows) - missing - len(decided)
    data_text = (f"PolNeAR dev: {len(decided)} hedges and boosters near quotations or report "
                 f"verbs, labelled blind by {labeller} (own / quoted / reported)"
                 + (f", {unsure} unsure left out" if unsure else ""))
    for name, column, keys in (
        ("own voice vs quoted or reported (models.voice)", 1, VOICE_KEYS),
        ("own voice baseline: quotation marks alone", 2, ()),
    ):
        pairs = list(zip(truth, (d[column] for d in decided), strict=True))
        agreed = sum(a == b for a, b in pairs)
        yield Row(name, data_text, "agreement (Cohen's kappa)",
                  f"{agreed}/{len(pairs)} = {agreed / len(pairs):.3f} "
                  f"(kappa {cohen_kappa(pairs):.2f})",
                  VOICE_REFERENCE, keys=keys, value=agreed / len(pairs))


def voice_polnear(data: Path) -> Iterator[Row]:
    """The own-voice decision on session 20's 60 hand-labelled PolNeAR dev cues."""
    yield from _voice_rows(data, VOICE_LABELS)


# Szeged cue types: epistemic = modal (probable/possible); the rest are doxastic,
# condition and investigation (Szarvas et al. 2012).
def _cue_type(raw: str) -> str:
    return "epistemic" if "modal" in raw else "other"


@dataclass
class SzegedSentence:
    text: str
    cues: list[tuple[int, int, str]] = field(default_factory=list)


def read_szeged(path: Path) -> list[SzegedSentence]:
    """Sentences with their ``<ccue>`` spans (offsets into the sentence's text)."""
    sentences: list[SzegedSentence] = []

    def walk(element: ET.Element, out: SzegedSentence) -> None:
        if element.text:
            out.text += element.text
        for child in element:
            start = len(out.text)
            walk(child, out)
            if child.tag == "ccue":
                out.cues.append((start, len(out.text), _cue_type(child.get("type", ""))))
            if child.tail:
                out.text += child.tail

    for sentence in ET.parse(path).getroot().iter("Sentence"):
        item = SzegedSentence("")
        walk(sentence, item)
        sentences.append(item)
    return sentences


def hedging_szeged(data: Path) -> Iterator[Row]:
    from models.cues import default_finder

    finder = default_finder()
    files = sorted((data / "hedging").glob("szeged_bio_*.xml"))
    sentences = [s for path in files for s in read_szeged(path)]
    name = f"Szeged bio ({', '.join(p.stem.removeprefix('szeged_bio_') for p in files)}; {len(sentences):,})"
    gold = [bool(s.cues) for s in sentences]
    ours = [sentence_uncertain(s.text) for s in sentences]
    p, r, f = binary_row(ours, gold)
    yield Row(
        "hedge (any, sentence)", name, "uncertain-class F1 (P / R)", prf_text(p, r, f),
        "no published sentence figure for this part; cue types: Szarvas et al. 2012",
        keys=HEDGE_KEYS, value=f,
    )
    by_type = {"epistemic": SpanCounts(), "other": SpanCounts()}
    hedges = SpanCounts()
    for s in sentences:
        spans = [x for x in finder.find(s.text) if x.category == "hedge"]
        predicted = [(x.start, x.end) for x in spans]
        hedges.add(predicted, [(a, b) for a, b, _ in s.cues])
        for kind, counts in by_type.items():
            gold_spans = [(a, b) for a, b, t in s.cues if t == kind]
            mine = [(x.start, x.end) for x in spans if (x.subcategory == "epistemic") == (kind == "epistemic")]
            counts.add(mine, gold_spans)
    for kind, label in (("epistemic", "epistemic (modal)"), ("other", "doxastic, condition, investigation")):
        c = by_type[kind]
        p, r, f = c.prf()
        yield Row(
            f"hedge cues: {label}", name,
            "cue overlap P / R (" + ("our epistemic" if kind == "epistemic" else "our other") + " hedges)",
            f"P {p:.3f} / R {r:.3f} ({c.gold:,} gold cues)", "cue types: Szarvas et al. 2012",
        )
    p, r, f = hedges.prf()
    yield Row(
        "hedge cues: all", name, "cue overlap F1 (P / R)", prf_text(p, r, f),
        "cue types: Szarvas et al. 2012",
    )


# ---------------------------------------------------------------------- tone


#: Issue 3: keep VADER's sentence tone as published (r ≈ 0.50 with the NYT ratings).
TONE_VADER_GOAL = "keep ≈ 0.50"


def tone_nyt(data: Path) -> Iterator[Row]:
    import numpy as np

    ratings, tones = [], []
    with (data / "vader-nyt" / "nyt_train.tsv").open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3:
                continue
            ratings.append(float(parts[1]))
            tones.append(sentence_row(parts[2], 0)["tone_vader"])
    r = float(np.corrcoef(tones, ratings)[0, 1])
    yield Row(
        "tone_vader", f"VADER NYT editorial snippets (train, {len(ratings):,})", "Pearson r",
        f"{r:.3f}", "VADER r = 0.492; one rater vs. mean 0.745 (Hutto & Gilbert 2014)",
        TONE_VADER_GOAL, keys=("tone_mean", "headline_tone"), value=r,
    )


# ---------------------------------------------------------------------- attribution

_ANN = re.compile(r"^T\d+\t(\w+) (\d+) (\d+)")
POLNEAR_REFERENCE = "IAA α 75.4% token-wise (Newell et al. 2018)"
ATTRIBUTION_GOAL = "F1 ≥ 0.75"

# The naive baseline the issue quotes (cue F1 ≈ 0.53, recall ≈ 0.40): common report verbs.
_NAIVE_REPORT = re.compile(
    r"\b(?:say|says|said|saying|tell|tells|told|according to|stated|reported|added|"
    r"claimed|announced|wrote|explained|asked)\b",
    re.IGNORECASE,
)


def gold_spans(ann: Path, label: str) -> list[tuple[int, int]]:
    spans = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        match = _ANN.match(line)
        if match and match.group(1) == label:
            spans.append((int(match.group(2)), int(match.group(3))))
    return spans


def polnear_articles(folder: Path) -> Iterator[tuple[str, Path]]:
    """(text, annotation file) for every article of one PolNeAR split, in name order."""
    # Annotation files are named after the text file plus a short hash: "<stem>_4b22.ann".
    annotations = {p.stem.rsplit("_", 1)[0]: p for p in (folder / "attributions").glob("*.ann")}
    for text_path in sorted((folder / "text").glob("*.txt")):
        ann = annotations.get(text_path.stem)
        if ann is not None:
            yield text_path.read_text(encoding="utf-8"), ann


def attribution_counts(folder: Path) -> dict[str, SpanCounts]:
    """Overlap counts for cues, sources and the naive cue regex over one PolNeAR split."""
    counts = {"Cue": SpanCounts(), "Source": SpanCounts(), "naive": SpanCounts()}
    for i, (text, ann) in enumerate(polnear_articles(folder)):
        spans = analyze_article(article_from_text(text, f"polnear-{i}")).spans
        cues = gold_spans(ann, "Cue")
        counts["Cue"].add(sorted({(s.start, s.end) for s in spans if s.category == "attribution"}), cues)
        counts["Source"].add(
            sorted({(s.start, s.end) for s in spans if s.category == "source"}),
            gold_spans(ann, "Source"),
        )
        counts["naive"].add([m.span() for m in _NAIVE_REPORT.finditer(text)], cues)
    return counts


def attribution_polnear(data: Path) -> Iterator[Row]:
    folder = data / "polnear" / "data" / "dev"
    n = sum(1 for _ in polnear_articles(folder))
    name = f"PolNeAR dev ({n} articles; rules tuned on train)"
    counts = attribution_counts(folder)
    yield Row(
        "attribution baseline: verb regex", name, "Cue overlap F1 (P / R)",
        prf_text(*counts["naive"].prf()), "naive verb regex ≈ 0.53, R 0.40 (issue 3)",
    )
    p, r, f = counts["Cue"].prf()
    yield Row(
        "attribution spans", name, "Cue overlap F1 (P / R)", prf_text(p, r, f),
        POLNEAR_REFERENCE, ATTRIBUTION_GOAL,
        keys=("attributions_per_100w",), value=f,
    )
    p, r, f = counts["Source"].prf()
    yield Row(
        "source spans", name, "Source overlap F1 (P / R)", prf_text(p, r, f),
        POLNEAR_REFERENCE, "raise recall",
        keys=("sources_named", "sources_named_people", "sources_anonymous", "sources_described"),
        value=f,
    )


def content_spans(ann: Path) -> list[tuple[int, int]]:
    """Every piece of every Content span of a PolNeAR annotation file: a content the cue
    interrupts ('The plan, he said, may fail') is written 'Content 0 8;20 29'."""
    spans = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[1].startswith("Content "):
            for piece in parts[1][len("Content "):].split(";"):
                start, end = piece.split()
                spans.append((int(start), int(end)))
    return spans


def voice_polnear_content(data: Path) -> Iterator[Row]:
    """The own-voice decision (models.voice) on every hedge and booster of PolNeAR dev
    (body, not negated) against PolNeAR's annotation: a cue inside an attribution's
    Content span is the source's, else the outlet's own. Content also covers paraphrase
    and the states of mind PolNeAR annotates, so it is a broader 'not own' than ours."""
    from models.features import analyze_articles
    from models.readers import read_paths
    from models.voice import quoted_flags, reported_flags

    folder = data / "polnear" / "data" / "dev"
    # read as `framescope analyze` reads them (the first line is the headline, not body)
    annotations = {p.stem.rsplit("_", 1)[0]: p for p in (folder / "attributions").glob("*.ann")}
    paths = [p for p in sorted((folder / "text").glob("*.txt")) if p.stem in annotations]
    decided: list[tuple[str, str, str]] = []  # (PolNeAR, rule, quotation marks alone)
    for analysis in analyze_articles(read_paths(paths).articles):
        ann = annotations[analysis.article_id]
        cues = [s for s in analysis.spans if s.category in ("hedge", "booster")
                and not s.negated and not s.in_headline]
        content = content_spans(ann)
        quoted = quoted_flags(analysis.article, cues)
        reported = reported_flags(analysis.article, cues, analysis.spans)
        for span, q, r in zip(cues, quoted, reported, strict=True):
            gold = any(a <= span.start < b for a, b in content)
            decided.append(("speaker" if gold else "own", "speaker" if q or r else "own",
                            "speaker" if q else "own"))
    if not decided:
        raise SkipCheck(f"no hedge or booster in the articles of {folder}")
    name = (f"PolNeAR dev: all {len(decided)} hedges and boosters (body, not negated); "
            f"a cue in an annotated attribution's Content is the source's")
    for measure, column, keys in (
        ("own voice vs quoted or reported (models.voice)", 1, VOICE_KEYS),
        ("own voice baseline: quotation marks alone", 2, ()),
    ):
        pairs = [(d[0], d[column]) for d in decided]
        agreed = sum(a == b for a, b in pairs)
        tp = sum(a == b == "speaker" for a, b in pairs)
        said = sum(b == "speaker" for _, b in pairs)
        gold = sum(a == "speaker" for a, _ in pairs)
        yield Row(measure, name, "agreement (kappa; speaker's P / R)",
                  f"{agreed / len(pairs):.3f} (kappa {cohen_kappa(pairs):.2f}; "
                  f"P {tp / said if said else 0:.3f} / R {tp / gold if gold else 0:.3f})",
                  POLNEAR_REFERENCE, keys=keys, value=agreed / len(pairs))


# ---------------------------------------------------------------------- trained models

TONE_REFERENCE = "VADER r = 0.492; one rater vs. mean 0.745 (Hutto & Gilbert 2014)"
CLICKBAIT_REFERENCE = "SVM 93% accuracy, 10-fold CV (Chakraborty et al. 2016)"
NO_GRADED = "Spearman ≥ 0.55 vs graded human ratings: no graded set in shared/data"
#: The goal was set for human grades (issue 3); the grades here are the team's (AI
#: language models), which the goal's own words must not hide beside the figure.
SENSATIONAL_GOAL = "Spearman ≥ 0.55 vs graded ratings (set for human grades; these are the team's)"
#: Headlines graded 0-3 for clickbait by two members of the team (bench/clickbait_grades.py,
#: guide bench/labels/GUIDE_clickbait_grades.md): set, key and hash, no text. Blind draws,
#: each leaving out the earlier draws' headlines and graded by its own two graders:
#: session 25's seeds 25 and 26, session 26's seeds 27 and 28.
CLICKBAIT_GRADES: tuple[tuple[str, Path], ...] = (
    ("seed 25", REPO / "bench" / "labels" / "clickbait_grades_seed25.tsv"),
    ("seed 26", REPO / "bench" / "labels" / "clickbait_grades_seed26.tsv"),
    ("seed 27", REPO / "bench" / "labels" / "clickbait_grades_seed27.tsv"),
    ("seed 28", REPO / "bench" / "labels" / "clickbait_grades_seed28.tsv"),
)
#: The draw drawn and graded after the shipped model was frozen (session 26, decided in
#: advance: seeds 25 and 26 chose the model; seed 27 tested the model before it, whose
#: question mark was then dropped). Its figure is the goal's row and the one the Methods
#: page shows; without it, all draws pooled are.
CLICKBAIT_TEST_DRAW = "seed 28"
GRADED_REFERENCE = ("Webis Clickbait 2017's scale; no published figure on these headlines; "
                    "graded by our team")
TONE_NEWS_GOAL = "r ≥ 0.62"


def tone_news_nyt(data: Path) -> Iterator[Row]:
    """tone_news re-trained without the sentences it is scored on (the shipped model saw all)."""
    from models.training.tone_news import TooFewError, evaluate

    try:
        fig = evaluate(data / "vader-nyt")
    except TooFewError as error:
        yield Row("tone_news", "VADER NYT", "Pearson r", "not run", str(error))
        return
    held = f"VADER NYT, held-out 20% of articles ({fig['held_out_sentences']:,.0f} sentences)"
    cv = f"VADER NYT ({fig['sentences']:,.0f}), nested 5-fold CV grouped by article"
    for name, key in ((held, "held_out"), (cv, "cv")):
        yield Row("tone_vader (baseline)", name, "Pearson r", f"{fig[key + '_vader_r']:.3f}",
                  TONE_REFERENCE)
        yield Row("tone_news", name, "Pearson r", f"{fig[key + '_r']:.3f}", TONE_REFERENCE,
                  TONE_NEWS_GOAL, keys=("tone_news_mean", "headline_tone_news"),
                  value=fig[key + "_r"])


def sensational_chakraborty(data: Path) -> Iterator[Row]:
    from models.training.sensational import cross_validation

    fig = cross_validation(data / "clickbait-chakraborty2016")
    name = f"Chakraborty 2016 headlines ({fig['headlines']:,.0f}), nested 5-fold CV"
    yield Row("sensational baseline: plain TF-IDF LR", name, "accuracy / ROC AUC",
              f"{fig['baseline_cv_accuracy']:.3f} / {fig['baseline_cv_roc_auc']:.3f}",
              CLICKBAIT_REFERENCE)
    yield Row("sensational", name, "accuracy / ROC AUC",
              f"{fig['cv_accuracy']:.3f} / {fig['cv_roc_auc']:.3f}", CLICKBAIT_REFERENCE,
              "" if any(path.is_file() for _, path in CLICKBAIT_GRADES) else NO_GRADED, keys=("headline_sensational",),
              value=fig["cv_roc_auc"])


def sensational_graded(data: Path) -> Iterator[Row]:
    """Spearman's rho between each model's score and the mean grade two members of the team
    gave, blind, to headlines neither model was trained on (bench/clickbait_grades.py), with
    a 95% bootstrap interval: each draw over both sets, then all draws together over both
    sets and each set alone. The goal's row is :data:`CLICKBAIT_TEST_DRAW`'s, or the pooled
    one when that draw is absent."""
    sys.path.insert(0, str(REPO / "bench"))
    import clickbait_grades as G

    present = [(draw, path) for draw, path in CLICKBAIT_GRADES if path.is_file()]
    if not present:
        raise SkipCheck("no graded headlines ("
                        + ", ".join(path.name for _, path in CLICKBAIT_GRADES) + " absent)")
    titles = data / "polnear" / "data" / "metadata.tsv"
    if not titles.is_file():
        raise SkipCheck(f"{titles} is absent (half the graded headlines are PolNeAR's titles)")
    draws: list[tuple[str, list[Any]]] = []
    for draw, path in present:
        rows = G.read_grades_file(path)
        items, problems = G.items_from_data(rows, data)
        for problem in problems:
            print(f"sensational_graded: {path.name}: {problem}; left out", file=sys.stderr)
        if len(items) < 3:
            raise SkipCheck(f"{len(items)} of the {len(rows)} graded headlines of "
                            f"{path.name} found in {data}")
        draws.append((draw, items))

    def described(items: Sequence[Any], part: str, draw: str) -> str:
        count = {name: sum(i.set == name for i in items) for name in G.SETS}
        where = {"both": f"{count['polnear']} PolNeAR titles and {count['gvfc']} GVFC "
                         f"headlines",
                 "polnear": f"{count['polnear']} PolNeAR titles",
                 "gvfc": f"{count['gvfc']} GVFC headlines"}[part]
        who = "two of our team" if "+" not in draw else "two of our team in each draw"
        return f"{where} ({draw}), graded 0–3 blind by {who}"

    def rows_of(items: Sequence[Any], draw: str, parts: Sequence[str],
                agreement: str, goal: bool) -> Iterator[Row]:
        for name, part, rank in G.figures(items, data):
            if part not in parts:
                continue
            ours = name == "sensational"
            goal_row = goal and ours and part == "both"
            yield Row("sensational" if ours else "sensational baseline: plain TF-IDF LR",
                      f"{described(items, part, draw)}{agreement}",
                      "Spearman vs mean grade [95% CI]",
                      f"{rank.rho:.3f} [95% {rank.low:.3f}–{rank.high:.3f}]",
                      GRADED_REFERENCE if ours else "plain TF-IDF LR ≈ 0.50 (issue 3)",
                      SENSATIONAL_GOAL if ours else "",
                      keys=("headline_sensational",) if goal_row else (),
                      value=rank.rho if goal_row else None,
                      interval=(rank.low, rank.high) if goal_row else None)

    tested = any(draw == CLICKBAIT_TEST_DRAW for draw, _ in draws)
    for draw, items in draws:
        rho, kappa = G.agreement(items)
        test = " after the model was frozen" if draw == CLICKBAIT_TEST_DRAW else ""
        yield from rows_of(items, draw, ("both",),
                           f"{test}, who agree at Spearman {rho:.2f}, weighted kappa "
                           f"{kappa:.2f}",
                           goal=draw == CLICKBAIT_TEST_DRAW or len(draws) == 1)
    if len(draws) > 1:
        pooled = [item for _, items in draws for item in items]
        yield from rows_of(pooled, " + ".join(draw for draw, _ in draws), ("both", *G.SETS),
                           "", goal=not tested)


def _headline_rows(data: Path, set_name: str, pairs: Sequence[tuple[str, str]]) -> Iterator[Row]:
    """Behaviour on headlines neither model saw: ours as `framescope sentences` scores them."""
    from models.training.sensational import Behaviour, baseline_scorer, behaviour

    def ours(headlines: Sequence[str]) -> list[float | None]:
        return [sentence_row(h, 0)["sensational"] for h in headlines]

    def text(b: Behaviour) -> str:
        if len(b.by_source) < 2:
            return f"mean {b.mean:.2f}; ≥ 0.5: {b.share_over_half:.0%}"
        ranked = sorted(b.by_source.items(), key=lambda kv: -kv[1][0])
        spread = f"{ranked[0][0]} {ranked[0][1][0]:.2f} … {ranked[-1][0]} {ranked[-1][1][0]:.2f}"
        return f"{spread}; ≥ 0.5: {b.share_over_half:.0%}"

    metric = ("mean P by outlet, highest … lowest; share ≥ 0.5" if "outlets" in set_name
              else "mean P; share ≥ 0.5")
    reference = "no human clickbait labels: behaviour only"
    if (data / "clickbait-chakraborty2016" / "clickbait_data.gz").is_file():
        plain = behaviour(pairs, baseline_scorer(data / "clickbait-chakraborty2016"))
        yield Row("sensational baseline: plain TF-IDF LR", set_name, metric, text(plain),
                  reference)
    mine = behaviour(pairs, ours)
    yield Row("sensational", set_name, metric, text(mine), reference,
              keys=("headline_sensational",), value=mine.mean)


def sensational_polnear(data: Path) -> Iterator[Row]:
    from models.training.sensational import polnear_titles

    pairs = polnear_titles(data / "polnear")
    outlets = len({p for p, _ in pairs})
    yield from _headline_rows(data, f"PolNeAR titles ({len(pairs):,}, {outlets} outlets)", pairs)


def sensational_gvfc(data: Path) -> Iterator[Row]:
    from models.training.sensational import gvfc_headlines

    pairs = [("all", h) for h in gvfc_headlines(data / "gvfc")]
    yield from _headline_rows(data, f"GVFC headlines ({len(pairs):,})", pairs)


# ---------------------------------------------------------------------- the checks

CHECKS: list[Check] = [
    Check("hedging/conll2010_wiki_train.csv", hedging_conll),
    Check("hedging/szeged_bio_bmc.xml", hedging_szeged),
    Check("polnear/data/dev/text", hedging_news_labelled),
    Check("polnear/data/train/text", hedging_news_labelled_train),
    Check("polnear/data/train/text", hedging_news_labelled_train_seed18),
    Check("polnear/data/train/text", hedging_news_labelled_train_seed19),
    Check("polnear/data/train/text", hedging_news_labelled_train_seed20),
    Check("polnear/data/train/text", hedging_news_labelled_train_seed21),
    Check("polnear/data/train/text", hedging_news_labelled_train_seed22),
    Check("polnear/data/train/text", hedging_news_fresh_pooled),
    Check(None, claims_pairs_seeds),
    Check("polnear/data/metadata.tsv", claims_pairs_polnear),
    Check("vader-nyt/nyt_train.tsv", tone_nyt),
    Check("polnear/data/dev", attribution_polnear),
    Check("polnear/data/dev/text", voice_polnear),
    Check("polnear/data/dev", voice_polnear_content),
    Check("vader-nyt/nyt_train.tsv", tone_news_nyt),
    Check("clickbait-chakraborty2016/clickbait_data.gz", sensational_chakraborty),
    Check("polnear/data/metadata.tsv", sensational_polnear),
    Check("gvfc/GVFC_headlines_and_annotations.xlsx", sensational_gvfc),
    Check("gvfc/GVFC_headlines_and_annotations.xlsx", sensational_graded),
]


#: The goals (issue 3) a figure's ``value`` can be compared with: the goal's text (the
#: table's goal column) -> how (``at_least``: the value reaches the level; ``about``: it
#: equals the level at two decimals) and the level, written to the JSON as ``goal_kind``
#: and ``goal_level`` so that the Methods page says where each figure stands
#: (models.validation.Validation.verdict). A goal not listed ("raise recall", or one on
#: a metric this data cannot give, as NO_GRADED) is shown as not measurable here.
GOAL_LEVELS: dict[str, tuple[str, float]] = {
    HEDGE_GOAL_CONLL: ("at_least", 0.62),
    HEDGE_GOAL_NEWS: ("at_least", 0.65),
    ATTRIBUTION_GOAL: ("at_least", 0.75),
    TONE_NEWS_GOAL: ("at_least", 0.62),
    SENSATIONAL_GOAL: ("at_least", 0.55),
    TONE_VADER_GOAL: ("about", 0.50),
}


def select_checks(checks: Sequence[Check], only: Sequence[str] | None) -> list[Check]:
    """The checks whose function name contains one of the words in ``only`` (all if None)."""
    if not only:
        return list(checks)
    words = [word.lower() for word in only]
    return [c for c in checks if any(word in c.run.__name__.lower() for word in words)]


def run_checks(data: Path, checks: Sequence[Check]) -> tuple[list[Row], list[str]]:
    """All rows of the checks whose data is present, and a message for each one skipped."""
    rows: list[Row] = []
    skipped: list[str] = []
    for check in checks:
        needed = data if check.needs is None else data / check.needs
        if check.needs is not None and not needed.exists():
            skipped.append(f"skipped {check.run.__name__}: {needed} is absent")
            continue
        try:
            rows.extend(check.run(data))
        except SkipCheck as reason:
            skipped.append(f"skipped {check.run.__name__}: {reason}")
    return rows, skipped


def format_table(rows: Sequence[Row]) -> str:
    header = {name: title for name, title in COLUMNS}
    table = [header, *({name: getattr(r, name) for name, _ in COLUMNS} for r in rows)]
    widths = {name: max(len(line[name]) for line in table) for name, _ in COLUMNS}
    return "\n".join(
        "  ".join(line[name].ljust(widths[name]) for name, _ in COLUMNS).rstrip()
        for line in table
    )


def validation_document(rows: Sequence[Row], date: str) -> dict[str, Any]:
    """The figures for the app: every registry key, with the rows that validate it."""
    from models import __version__
    from models.cues import default_finder
    from models.validation import registry_keys

    measures: dict[str, list[dict[str, Any]]] = {key: [] for key in registry_keys()}
    for row in rows:
        for key in row.keys:
            if key not in measures:
                raise KeyError(f"row {row.measure!r} names {key!r}, not a registry measure")
            measures[key].append(
                {
                    "measure": row.measure,
                    "data": row.data,
                    "metric": row.metric,
                    "figure": row.ours,
                    "value": None if row.value is None else round(row.value, 4),
                    "reference": row.reference,
                    "goal": row.goal,
                    "goal_kind": GOAL_LEVELS.get(row.goal, ("", None))[0],
                    "goal_level": GOAL_LEVELS.get(row.goal, ("", None))[1],
                    # Six digits: rounded to four, a low end of 0.36454 (shown 0.365 in
                    # the figure) became 0.3645 and the Methods page showed 0.364.
                    **({} if row.interval is None else
                       {"value_low": round(row.interval[0], 6),
                        "value_high": round(row.interval[1], 6)}),
                }
            )
    return {
        "about": "Framescope's validation figures, written by bench/validity.py --json; "
        "figures only, no data.",
        "date": date,
        "framescope": __version__,
        "lexicon": default_finder().lexicon.version,
        "measures": measures,
    }


def kept_date(path: Path, undated: dict[str, Any], today: str) -> str:
    """The date already in ``path`` when its figures equal ``undated``'s, else ``today``.

    The date says when the figures last changed, so rerunning the harness on the same
    code and data leaves the file byte for byte as it was.
    """
    try:
        previous = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return today
    if not isinstance(previous, dict) or not isinstance(previous.get("date"), str):
        return today
    return str(previous["date"]) if {**previous, "date": ""} == undated else today


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="folder with the shared data sets (default: ../shared/data)")
    parser.add_argument("--json", type=Path, default=None,
                        help="also write the figures to this file (resources/validation.json)")
    parser.add_argument("--only", nargs="+", default=None, metavar="NAME",
                        help="run only the checks whose function name contains one of these "
                        "words (e.g. polnear, hedging, tone, sensational)")
    parser.add_argument("--partial", action="store_true",
                        help="write --json even when some data sets are absent (their measures "
                        "then show 'Not validated'); without it a skipped set leaves the file as it was")
    args = parser.parse_args(argv)
    checks = select_checks(CHECKS, args.only)
    if not checks:
        names = ", ".join(check.run.__name__ for check in CHECKS)
        parser.error(f"--only {' '.join(args.only)} matches no check; the checks are {names}")
    if args.json is not None and args.only:
        parser.error("--json needs every check (the file covers all measures); drop --only")
    rows, skipped = run_checks(args.data, checks)
    for message in skipped:
        print(message)
    print(format_table(rows))
    if args.json is not None and skipped and not args.partial:
        # The file is what the app shows; figures from part of the data would silently
        # replace the shipped ones with "Not validated".
        print(f"not writing {args.json}: {len(skipped)} of {len(checks)} checks were skipped "
              f"(is --data {args.data} the shared data folder? --partial writes it anyway)",
              file=sys.stderr)
        return 2
    if args.json is not None:
        date = datetime.datetime.now(datetime.UTC).date().isoformat()
        document = validation_document(rows, kept_date(args.json, validation_document(rows, ""), date))
        args.json.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
