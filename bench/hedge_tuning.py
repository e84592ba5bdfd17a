"""Hedge errors on the tuning data only, for working on the hedge rules.

CoNLL-2010 Wikipedia rows 0-6 (by position modulo 10, the split of bench/validity.py):
the held-out rows 7-9 are dropped as the file is read, so their text never reaches the
cue finder or the output. Optionally also the Szeged biomedical files and PolNeAR's
*train* split (validity.py reports PolNeAR dev).

    .venv/bin/python bench/hedge_tuning.py [--data ../shared/data] [--errors N]
                                           [--szeged] [--polnear] [--news]

Prints the tuning F1 (all rows 0-6, then each fold: rows whose index ends in 0 … 6), the
cues that are the only cue of a sentence with their sentence-level precision (what leaving
one out would gain or cost), and up to N false positives and false negatives with their
cues. A sentence is uncertain as in validity.py (:func:`models.hedging.sentence_uncertain`):
any hedge that is epistemic, evidential or weasel, or any negated hedge (vague quantities
and approximators alone do not count; ``--vague`` counts vague quantities too, as CoNLL-2010
Wikipedia's annotators do); the same spans as ``framescope sentences``, without the tone
models that validity.py also runs.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
for folder in (REPO, REPO / "bench"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from models.article import Span  # noqa: E402  (the repo root is put on the path first)
from models.cues import default_finder  # noqa: E402
from models.hedging import counts_as_uncertain  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "data"
#: The split of bench/validity.py: rows whose index modulo 10 is 7, 8 or 9 are held out.
FOLDS = 10
TUNE_FOLDS = 7
#: Whether a vague quantity alone makes a sentence uncertain (``--vague``).
VAGUE = False


@dataclass(frozen=True)
class Scored:
    index: int  # the row's position in the CoNLL file
    text: str
    gold: bool
    cues: tuple[Span, ...]  # the hedges that make the sentence uncertain

    @property
    def predicted(self) -> bool:
        return bool(self.cues)


def uncertain_cues(text: str) -> tuple[Span, ...]:
    """The hedge spans that make ``text`` uncertain in validity.py's sense."""
    return tuple(s for s in default_finder().find(text) if counts_as_uncertain(s, VAGUE))


def tuning_rows(path: Path) -> Iterator[tuple[int, str, bool]]:
    """(index, text, label) of the tuning rows only; held-out rows are skipped unread."""
    with path.open(newline="", encoding="utf-8") as handle:
        for index, row in enumerate(csv.DictReader(handle)):
            if index % FOLDS >= TUNE_FOLDS:
                continue
            yield index, row["text"], row["label"].strip() == "1"


def f1(scored: Sequence[Scored]) -> tuple[float, float, float]:
    tp = sum(s.predicted and s.gold for s in scored)
    fp = sum(s.predicted and not s.gold for s in scored)
    fn = sum(s.gold and not s.predicted for s in scored)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def sole_cues(scored: Sequence[Scored]) -> list[tuple[str, int, int]]:
    """(cue, uncertain, certain): sentences whose only cue (by lowercased text) it is."""
    counts: Counter[tuple[str, bool]] = Counter()
    for s in scored:
        cues = {c.text.lower() for c in s.cues}
        if len(cues) == 1:
            counts[(cues.pop(), s.gold)] += 1
    names = {cue for cue, _ in counts}
    rows = [(cue, counts[(cue, True)], counts[(cue, False)]) for cue in names]
    return sorted(rows, key=lambda row: (-(row[1] + row[2]), row[0]))


def conll_report(data: Path, errors: int) -> list[str]:
    path = data / "hedging" / "conll2010_wiki_train.csv"
    scored = [Scored(i, t, g, uncertain_cues(t)) for i, t, g in tuning_rows(path)]
    p, r, f = f1(scored)
    lines = [f"CoNLL-2010 Wikipedia, tuning rows 0-6 ({len(scored):,}): F1 {f:.4f} (P {p:.4f} / R {r:.4f})"]
    folds = [f1([s for s in scored if s.index % FOLDS == k])[2] for k in range(TUNE_FOLDS)]
    lines.append("  by fold (row index mod 10): " + "  ".join(f"{k}: {v:.4f}" for k, v in enumerate(folds)))
    lines.append("  the only cue of a sentence: cue, uncertain, certain, precision")
    for cue, yes, no in sole_cues(scored)[:25]:
        lines.append(f"    {cue:28} {yes:4} {no:4}  {yes / (yes + no):.2f}")
    wrong_yes = [s for s in scored if s.predicted and not s.gold][:errors]
    wrong_no = [s for s in scored if s.gold and not s.predicted][:errors]
    for title, items in (("false positives", wrong_yes), ("false negatives", wrong_no)):
        lines.append(f"  {title} (first {len(items)}):")
        for s in items:
            cues = ", ".join(sorted({c.text for c in s.cues}))
            text = " ".join(s.text.split())[:160]
            lines.append(f"    [{s.index}] {text}" + (f"  <{cues}>" if cues else ""))
    return lines


def szeged_report(data: Path) -> list[str]:
    from validity import SpanCounts, binary_row, read_szeged

    files = sorted((data / "hedging").glob("szeged_bio_*.xml"))
    sentences = [s for path in files for s in read_szeged(path)]
    found = [[c for c in default_finder().find(s.text) if c.category == "hedge"] for s in sentences]
    predicted = [any(counts_as_uncertain(c, VAGUE) for c in cues) for cues in found]
    p, r, f = binary_row(predicted, [bool(s.cues) for s in sentences])
    epistemic = SpanCounts()
    for s, cues in zip(sentences, found, strict=True):
        epistemic.add(
            [(c.start, c.end) for c in cues if c.subcategory == "epistemic"],
            [(a, b) for a, b, kind in s.cues if kind == "epistemic"],
        )
    ep, er, _ = epistemic.prf()
    return [
        f"Szeged bio ({len(sentences):,}): sentence F1 {f:.4f} (P {p:.4f} / R {r:.4f}); "
        f"epistemic cues P {ep:.4f} / R {er:.4f}"
    ]


def polnear_report(data: Path) -> list[str]:
    from validity import attribution_counts

    counts = attribution_counts(data / "polnear" / "data" / "train")
    p, r, f = counts["Cue"].prf()
    sp, sr, sf = counts["Source"].prf()
    return [
        f"PolNeAR train: attribution cue F1 {f:.4f} (P {p:.4f} / R {r:.4f}); "
        f"source F1 {sf:.4f} (P {sp:.4f} / R {sr:.4f})"
    ]


#: The in-sample hand-labelled news draws (bench/labels): the files whose errors may be read
#: while working on the rules. A fresh draw that is being labelled blind is not listed here
#: and this script never opens it.
NEWS_DRAWS = (
    ("dev", "news_hedges_polnear_dev.tsv", "dev"),
    ("seed17", "news_hedges_polnear_train.tsv", "train"),
    ("seed18", "news_hedges_polnear_train_seed18.tsv", "train"),
    ("seed19", "news_hedges_polnear_train_seed19.tsv", "train"),
    ("seed20", "news_hedges_polnear_train_seed20.tsv", "train"),
    ("seed20_B", "news_hedges_polnear_train_seed20_B.tsv", "train"),
)


def news_report(data: Path, errors: int) -> list[str]:
    """Each in-sample news draw: the weighted F1 on the sentences both labellers agree on
    (as the Methods page's row), and up to ``errors`` false alarms and misses with cues."""
    import labelled_stats as S
    import news_hedges as N

    lines = []
    for name, file, split in NEWS_DRAWS:
        rows = N.read_labels_file(REPO / "bench" / "labels" / file)
        texts, _problems = N.texts_from_data(rows, data, split)
        items, wrong = [], []
        for row, text in zip(rows, texts, strict=True):
            truth = N.agreed_label(row)
            if text is None or truth is None:
                continue
            cues = uncertain_cues(text)
            items.append(N.Item(bool(cues), truth, row.stratum, row.stratum_size))
            if bool(cues) != truth:
                wrong.append((truth, text, cues))
        strata = [i.stratum for i in items]
        weights = S.weights_by_stratum(strata, {i.stratum: i.stratum_size for i in items})
        p, r, f = S.weighted_prf([i.says for i in items], [i.truth for i in items], weights)
        fp = sum(1 for truth, _, _ in wrong if not truth)
        lines.append(f"news {name} ({len(items)} agreed): weighted F1 {f:.4f} (P {p:.4f} / "
                     f"R {r:.4f}); false alarms {fp}, misses {len(wrong) - fp}")
        for truth, text, cues in wrong[:errors]:
            shown = ", ".join(sorted({f"{c.text}/{c.subcategory}" for c in cues}))
            kind = "miss" if truth else "FA  "
            lines.append(f"    {kind} {' '.join(text.split())[:200]}" + (f"  <{shown}>" if shown else ""))
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="folder with the shared data sets (default: ../shared/data)")
    parser.add_argument("--errors", type=int, default=20, metavar="N",
                        help="false positives and false negatives to print (default 20)")
    parser.add_argument("--szeged", action="store_true", help="also the Szeged biomedical files")
    parser.add_argument("--polnear", action="store_true", help="also PolNeAR's train split")
    parser.add_argument("--news", action="store_true",
                        help="also the in-sample hand-labelled PolNeAR news draws")
    parser.add_argument("--vague", action="store_true",
                        help="count a vague quantity alone as uncertain (CoNLL's weasel notion)")
    args = parser.parse_args(argv)
    global VAGUE
    VAGUE = args.vague
    conll = args.data / "hedging" / "conll2010_wiki_train.csv"
    if not conll.is_file():
        print(f"{conll} is absent: nothing to score (is --data the shared data folder?)",
              file=sys.stderr)
        return 2
    lines = conll_report(args.data, args.errors)
    if args.szeged:
        lines += szeged_report(args.data)
    if args.polnear:
        lines += polnear_report(args.data)
    if args.news:
        lines += news_report(args.data, args.errors)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
