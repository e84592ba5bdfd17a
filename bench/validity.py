"""How well Framescope's measures agree with human judgement.

Scores the human-annotated sets in ``../shared/data/`` (never copied into the
repository) through the same code paths as ``framescope sentences`` and
``framescope analyze``, and prints one table: measure, data set, metric, our
figure, the published reference. A set that is absent is skipped with a
message. Deterministic: no sampling, no training.

    .venv/bin/python bench/validity.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from desktop.cli import sentence_row  # noqa: E402  (the repo root is put on the path first)
from models.cues import default_finder  # noqa: E402
from models.features import article_from_text  # noqa: E402


@dataclass(frozen=True)
class Row:
    measure: str
    data: str
    metric: str
    ours: str
    reference: str


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def hedging_conll(data: Path) -> Iterator[Row]:
    path = data / "hedging" / "conll2010_wiki_train.csv"
    tp = fp = fn = 0
    with path.open(newline="", encoding="utf-8") as handle:
        for record in csv.DictReader(handle):
            row = sentence_row(record["text"], 0)
            predicted = row["hedge_epistemic"] + row["hedge_evidential"] + row["hedge_negated"] > 0
            gold = record["label"].strip() == "1"
            tp += predicted and gold
            fp += predicted and not gold
            fn += gold and not predicted
    p, r, f = prf(tp, fp, fn)
    yield Row("hedge (any, sentence)", "CoNLL-2010 Wikipedia train", "uncertain-class F1 (P / R)",
              f"{f:.3f} ({p:.3f} / {r:.3f})", "best 2010 system ≈ 0.60 (Farkas et al. 2010)")


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
    yield Row("tone_vader", "VADER NYT editorial snippets (train, 4,190)", "Pearson r",
              f"{r:.3f}", "VADER r = 0.492; one rater vs. mean 0.745 (Hutto & Gilbert 2014)")


_ANN = re.compile(r"^T\d+\t(\w+) (\d+) (\d+)")


def _gold(ann: Path, label: str) -> list[tuple[int, int]]:
    spans = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        match = _ANN.match(line)
        if match and match.group(1) == label:
            spans.append((int(match.group(2)), int(match.group(3))))
    return spans


def _overlap_prf(predicted: list[tuple[int, int]], gold: list[tuple[int, int]]) -> tuple[int, int, int]:
    def hits(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
        return any(a[0] < b[1] and b[0] < a[1] for b in spans)

    tp_pred = sum(hits(p, gold) for p in predicted)
    tp_gold = sum(hits(g, predicted) for g in gold)
    return tp_pred, len(predicted) - tp_pred, len(gold) - tp_gold


def attribution_polnear(data: Path) -> Iterator[Row]:
    base = data / "polnear" / "data" / "dev"
    finder = default_finder()
    totals = {"Cue": [0, 0, 0, 0], "Source": [0, 0, 0, 0]}  # tp_pred, fp, fn, tp_gold
    category = {"Cue": "attribution", "Source": "source"}
    # Annotation files are named after the text file plus a short hash: "<stem>_4b22.ann".
    annotations = {p.stem.rsplit("_", 1)[0]: p for p in (base / "attributions").glob("*.ann")}
    for text_path in sorted((base / "text").glob("*.txt")):
        ann = annotations.get(text_path.stem)
        if ann is None:
            continue
        text = text_path.read_text(encoding="utf-8")
        spans = finder.find_in_article(article_from_text(text, text_path.stem))
        for label, total in totals.items():
            predicted = sorted({(s.start, s.end) for s in spans if s.category == category[label]})
            gold = _gold(ann, label)
            tp, fp, fn = _overlap_prf(predicted, gold)
            total[0] += tp
            total[1] += fp
            total[2] += fn
            total[3] += len(gold) - fn
    for label, (tp, fp, fn, tp_gold) in totals.items():
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp_gold / (tp_gold + fn) if tp_gold + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        yield Row(f"{category[label]} spans", "PolNeAR dev (84 articles)",
                  f"{label} overlap F1 (P / R)", f"{f:.3f} ({p:.3f} / {r:.3f})",
                  "IAA α 75.4% token-wise (Newell et al. 2018); naive verb regex cue F1 ≈ 0.53")


SETS = (
    ("hedging/conll2010_wiki_train.csv", hedging_conll),
    ("vader-nyt/nyt_train.tsv", tone_nyt),
    ("polnear/data/dev", attribution_polnear),
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    args = parser.parse_args()
    rows: list[Row] = []
    for needed, measure in SETS:
        if not (args.data / needed).exists():
            print(f"skipped: {args.data / needed} is absent")
            continue
        rows.extend(measure(args.data))
    header = Row("measure", "data set", "metric", "ours", "published reference")
    widths = [max(len(getattr(r, f)) for r in [header, *rows]) for f in Row.__dataclass_fields__]
    for r in [header, *rows]:
        print("  ".join(getattr(r, f).ljust(w) for f, w in zip(Row.__dataclass_fields__, widths, strict=True)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
