"""Hand-labelled news sentences for the hedge detector: draw them blind, label them, then
score the detector's sentence-level "any hedge" against the labels.

    .venv/bin/python bench/news_hedges.py sample --out DIR [--data ../shared/data]
                                                 [--split dev|train] [--seed N] [--size N]
                                                 [--exclude LABELS.tsv ...]
    .venv/bin/python bench/news_hedges.py evaluate --out DIR --labels NAME=FILE [NAME=FILE]
    .venv/bin/python bench/news_hedges.py export --out DIR --labels NAME=FILE NAME=FILE
                                                 --to bench/labels/news_hedges_polnear_dev.tsv
                                                 (_train.tsv for a train draw) [--reading A|B]

``sample`` reads the 84 PolNeAR ``data/dev`` articles with the app's own reader
(:func:`models.readers.read_file`, the File ▸ Open path: layout, headline, the app's
sentence splitter) and takes every body sentence (the headline is left out: it has its
own measure, ``headline_hedged``). Each sentence gets the detector's decision, the one
bench/validity.py scores on CoNLL-2010 (:func:`validity.sentence_uncertain`: any hedge,
through ``framescope sentences``' row). The draw is stratified on that decision, so that
enough detector-positive *and* detector-negative sentences are labelled: 40% of SIZE
(400) from the hedged, 60% from the plain, seed 16. ``DIR/draw.txt`` holds the drawn sentences shuffled, each as ``#N``
and the sentence, nothing else; ``DIR/draw.json`` (not to be read while labelling) says
which sentence each is, its stratum, the stratum's size and the detector's cues.
PolNeAR's text only goes to DIR: keep DIR outside the repository.
``--split train --seed 17 --size 300`` draws the same way from PolNeAR ``data/train``
(840 articles, never used for the hedges before session 17): a fresh blind test set for
rules tuned on the dev labels. ``--exclude`` takes committed labels files (the format
``export`` writes) and leaves their sentences out of the population before the draw, so
that a later draw (session 18: ``--seed 18 --exclude
bench/labels/news_hedges_polnear_train.tsv``) holds no sentence an earlier one labelled
(their figures are in-sample once rules were read against them); the strata's sizes are
then those of the sentences left.

Label each sentence ``N U`` (uncertain) or ``N C`` (certain), one line per sentence,
optionally followed by ``?`` when unsure, following bench/labels/GUIDE_news_hedges.md (the
CoNLL-2010 notion of uncertainty adapted to news; session 16's GUIDE.md, kept beside its
draw, was lost and this is session 19's reconstruction of it from the labels).

``evaluate`` prints, for each labeller and for the sentences on which both agree,
precision, recall and F1 of the uncertain class, on the sample and weighted back to the
population (each sentence counts for its stratum's size over its stratum's labelled
sentences), with a 95% interval from a stratified bootstrap (2,000 resamples, numpy's
generator, seed 16); and Cohen's kappa between two labellers: the definitions of
bench/labelled_stats.py, shared with bench/claims_pairs.py and bench/validity.py.

``export`` writes the labels file that may be committed: article id, character offsets
into the file's text, a short hash of the sentence and each labeller's label (no text).
``--reading B`` (session 20) says in the file's header that the labels follow the GUIDE's
reading B (does the sentence contain a hedge as Framescope defines one, evidential ones
included) instead of reading A, the uncertainty every earlier file holds.
bench/validity.py reads it, takes the text from ``../shared/data``, checks the hash and
scores the detector as shipped.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
if str(REPO / "bench") not in sys.path:
    sys.path.insert(0, str(REPO / "bench"))
import labelled_stats as S  # noqa: E402  (bench/ is put on the path first)
from bench_common import labelled_table, marked_lines, named_files  # noqa: E402

SEED = 16
SIZE = 400
#: Share of the draw taken from the sentences the detector calls hedged (about 18% of
#: the population): their labels give precision; the rest, drawn from the far larger
#: plain stratum, give the misses that recall depends on.
HEDGED_SHARE = 0.4
DEV = ("polnear", "data", "dev", "text")
SPLITS = ("dev", "train")


def split_path(split: str) -> tuple[str, ...]:
    """The PolNeAR text folder of a split, under the data folder."""
    if split not in SPLITS:
        raise ValueError(f"unknown PolNeAR split {split!r} (expected one of {', '.join(SPLITS)})")
    return ("polnear", "data", split, "text")
STRATA = ("detector_hedged", "detector_plain")
DEFAULT_LABELS = REPO / "bench" / "labels" / "news_hedges_polnear_dev.tsv"


def text_hash(text: str) -> str:
    """The first 10 hex digits of the sentence's SHA-256: checks the text, cannot give it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]


def detector_says(text: str) -> bool:
    """The shipped detector's sentence-level decision, as bench/validity.py scores it."""
    sys.path.insert(0, str(REPO / "bench"))
    from validity import sentence_uncertain

    return bool(sentence_uncertain(text))


# ---- the population and the draw ---------------------------------------------------


@dataclass(frozen=True)
class NewsSentence:
    article: str  # the file's stem under data/dev/text
    start: int  # character offsets into the article's text as the app reads it
    end: int
    text: str


def dev_sentences(data: Path, split: str = "dev") -> list[NewsSentence]:
    """Every body sentence of a PolNeAR split (dev unless told), in file-name order, as the
    app reads the files."""
    from models.readers import read_file

    out = []
    for path in sorted(data.joinpath(*split_path(split)).glob("*.txt")):
        article = read_file(path)
        out += [NewsSentence(path.stem, s.start, s.end, s.text)
                for s in article.sentences if not s.in_headline]
    return out


def draw(sentences: Sequence[NewsSentence], says: Sequence[bool], size: int = SIZE,
         seed: int = SEED) -> list[dict[str, Any]]:
    """``HEDGED_SHARE`` of ``size`` from the sentences the detector calls hedged, the rest
    from those it calls plain (all of a stratum when it is smaller), shuffled; each with
    its stratum's size."""
    rng = random.Random(seed)
    strata = {name: [k for k, s in enumerate(says) if s == (name == STRATA[0])]
              for name in STRATA}
    chosen = []
    wanted = dict(zip(STRATA, (round(size * HEDGED_SHARE), size - round(size * HEDGED_SHARE)),
                      strict=True))
    for name in STRATA:
        members = strata[name]
        got = rng.sample(members, min(wanted[name], len(members)))
        chosen += [(k, name, len(members), len(got)) for k in got]
    rng.shuffle(chosen)
    return [{"n": n, "article": sentences[k].article, "start": sentences[k].start,
             "end": sentences[k].end, "hash": text_hash(sentences[k].text), "stratum": name,
             "stratum_size": total, "stratum_drawn": drawn, "detector": says[k]}
            for n, (k, name, total, drawn) in enumerate(chosen)]


def excluded_keys(paths: Sequence[Path]) -> set[tuple[str, int, int]]:
    """(article, start, end) of every sentence in the labels files given; raises OSError or
    ValueError naming the file of one that cannot be read."""
    keys: set[tuple[str, int, int]] = set()
    for path in paths:
        try:
            rows = read_labels_file(path)
        except OSError as error:
            raise OSError(f"{path}: cannot read the labels file to exclude "
                          f"({error.strerror or error})") from None
        if not rows:
            raise ValueError(f"{path}: no labelled sentence in the labels file to exclude")
        keys |= {(row.article, row.start, row.end) for row in rows}
    return keys


def sample(data: Path, out: Path, size: int, split: str = "dev", seed: int = SEED,
           exclude: Sequence[Path] = ()) -> int:
    from models.cues import default_finder

    sentences = dev_sentences(data, split)
    left_out = excluded_keys(exclude)
    if left_out:
        found = {(s.article, s.start, s.end) for s in sentences} & left_out
        if not found:
            raise ValueError(f"none of the {len(left_out)} sentences of "
                             f"{', '.join(str(p) for p in exclude)} is a {split} sentence: "
                             f"wrong split or file?")
        sentences = [s for s in sentences if (s.article, s.start, s.end) not in left_out]
        print(f"left out {len(found)} of the {len(left_out)} sentences of "
              f"{', '.join(str(p) for p in exclude)} (already labelled)")
    says = [detector_says(s.text) for s in sentences]
    drawn = draw(sentences, says, size, seed)
    finder = default_finder()
    by_key = {(s.article, s.start): s for s in sentences}
    with (out / "draw.txt").open("w", encoding="utf-8") as handle:
        for item in drawn:
            handle.write(f"#{item['n']}\n{by_key[item['article'], item['start']].text}\n\n")
    for item in drawn:
        text = by_key[item["article"], item["start"]].text
        item["cues"] = [[x.subcategory, text[x.start:x.end]]
                        for x in finder.find(text) if x.category == "hedge"]
        item["split"] = split
    (out / "draw.json").write_text(json.dumps(drawn, indent=1), encoding="utf-8")
    hedged = sum(says)
    print(f"PolNeAR {split}, seed {seed}: {len(sentences)} body sentences in {len({s.article for s in sentences})} articles; "
          f"detector: {hedged} hedged, {len(sentences) - hedged} plain; "
          f"{len(drawn)} drawn to label in {out / 'draw.txt'}")
    return 0


# ---- labels -------------------------------------------------------------------------


def read_labels(path: Path) -> dict[int, bool]:
    """``N U`` / ``N C`` lines, optionally ending in ``?`` (blank lines and '#' comments
    skipped): sentence number -> uncertain. Raises ValueError naming the file and line of
    anything else, or of a number labelled twice."""
    labels: dict[int, bool] = {}
    for number, line, parts in marked_lines(path):
        if len(parts) != 2 or not parts[0].isdigit() or parts[1].upper() not in ("U", "C"):
            raise ValueError(f"{path.name}, line {number}: expected 'N U' or 'N C' "
                             f"(optionally ' ?'), got {line!r}")
        if int(parts[0]) in labels:
            raise ValueError(f"{path.name}, line {number}: sentence {parts[0]} labelled twice")
        labels[int(parts[0])] = parts[1].upper() == "U"
    return labels


# ---- figures ------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """One labelled sentence: the detector's decision, the label, its stratum and the
    stratum's size (how many sentences of the population it holds)."""

    says: bool
    truth: bool
    stratum: str
    stratum_size: int


def figures(items: Sequence[Item], repeats: int = S.REPEATS, seed: int = S.SEED) -> S.Figures:
    """Precision, recall and F1 of the uncertain class weighted back to the population
    (each sentence counts for its stratum's size over the stratum's labelled sentences)
    and their stratified bootstrap 95% intervals: bench/labelled_stats.py's definitions."""
    strata = [i.stratum for i in items]
    weights = S.weights_by_stratum(strata, {i.stratum: i.stratum_size for i in items})
    return S.weighted_figures([i.says for i in items], [i.truth for i in items], strata,
                              weights, repeats, seed)


def items_for(drawn: Sequence[Mapping[str, Any]], labels: Mapping[int, bool]) -> list[Item]:
    """The labelled sentences of the draw as Items, with the detector's decision stored when
    drawn, in text order (as the exported labels file, so the bootstrap draws the same)."""
    in_text_order = sorted(drawn, key=lambda d: (d["article"], d["start"]))
    return [Item(bool(d["detector"]), labels[d["n"]], str(d["stratum"]), d["stratum_size"])
            for d in in_text_order if d["n"] in labels]


def describe(items: Sequence[Item]) -> str:
    """``F1 0.xxx [lo, hi] (P … / R …)`` weighted, and the sample's counts."""
    got = figures(items)
    low, high = got.f1_ci
    tp = sum(i.says and i.truth for i in items)
    uncertain = sum(i.truth for i in items)
    strata = "; ".join(
        f"{name}: {sum(i.truth for i in items if i.stratum == name)} of "
        f"{sum(i.stratum == name for i in items)} uncertain"
        for name in sorted({i.stratum for i in items}))
    return (f"F1 {got.f1:.3f} [95% {low:.3f}–{high:.3f}] (P {got.precision:.3f} / "
            f"R {got.recall:.3f}), weighted to "
            f"the population; sample: {len(items)} sentences, {uncertain} uncertain, "
            f"{tp} of them found ({strata})")


def evaluate(out: Path, labellers: Mapping[str, Path]) -> int:
    drawn = json.loads((out / "draw.json").read_text(encoding="utf-8"))
    labels = {name: read_labels(path) for name, path in labellers.items()}
    print("the detector as it was when drawn (draw.json); bench/validity.py --only labelled "
          "scores it as it is now")
    for name, got in labels.items():
        missing = [d["n"] for d in drawn if d["n"] not in got]
        print(f"{name}: {len(got)} of {len(drawn)} labelled"
              + (f" (not labelled: {missing[:10]})" if missing else ""))
        print(f"  {describe(items_for(drawn, got))}")
    if len(labels) == 2:
        (a_name, a), (b_name, b) = labels.items()
        both = [d["n"] for d in drawn if d["n"] in a and d["n"] in b]
        kappa = S.cohen_kappa([a[n] for n in both], [b[n] for n in both])
        agreed = {n: a[n] for n in both if a[n] == b[n]}
        print(f"{a_name} and {b_name}: {len(both)} labelled by both, agree on {len(agreed)} "
              f"({len(agreed) / len(both):.1%}), Cohen's kappa {kappa:.3f}")
        print(f"  where both agree: {describe(items_for(drawn, agreed))}")
    return 0


# ---- the committed labels file ----------------------------------------------------------

HEADER = ("article", "start", "end", "hash", "stratum", "stratum_size", "stratum_drawn")

#: What the labels of each reading of bench/labels/GUIDE_news_hedges.md say, as the
#: exported file's first comment states it: A, the CoNLL-style uncertainty every figure
#: before session 20 uses (and the one compared with the goal); B (session 20), whether
#: the sentence holds a hedge as Framescope defines one (epistemic, evidential, weasel).
READINGS = {
    "A": ("guideline: uncertain if the writer or a cited source presents it as not certain",
          "U uncertain, C certain"),
    "B": ("guideline, reading B: the sentence contains a hedge as Framescope defines one "
          "(epistemic, evidential or weasel; GUIDE_news_hedges.md, 'Reading B')",
          "U contains a hedge, C contains none"),
}


def export(out: Path, labellers: Mapping[str, Path], to: Path, reading: str = "A") -> int:
    """The labels file: one line per drawn sentence, no text; its first comment names the
    guideline's ``reading`` (A or B) the labels follow."""
    guideline, meaning = READINGS[reading]
    drawn = json.loads((out / "draw.json").read_text(encoding="utf-8"))
    labels = {name: read_labels(path) for name, path in labellers.items()}
    split = str(drawn[0].get("split", "dev")) if drawn else "dev"
    lines = [
        f"# Hand labels of PolNeAR {split} news sentences for the hedge detector "
        f"(bench/news_hedges.py; {guideline}).",
        f"# No text: article = file stem under polnear/data/{split}/text, offsets into the text "
        "as models.readers.read_file reads it, hash = first 10 hex of the sentence's "
        f"SHA-256. Labels: {meaning}, - not labelled.",
        "\t".join((*HEADER, *labels)),
    ]
    for d in sorted(drawn, key=lambda d: (d["article"], d["start"])):
        marks = ["-" if d["n"] not in got else "U" if got[d["n"]] else "C"
                 for got in labels.values()]
        lines.append("\t".join(str(d[k]) for k in HEADER) + "\t" + "\t".join(marks))
    to.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(drawn)} sentences' labels by {', '.join(labels)} to {to}")
    return 0


@dataclass(frozen=True)
class LabelledSentence:
    article: str
    start: int
    end: int
    hash: str
    stratum: str
    stratum_size: int
    stratum_drawn: int
    labels: dict[str, bool]  # labeller -> uncertain (unlabelled ones absent)


def read_labels_file(path: Path) -> list[LabelledSentence]:
    """The committed labels file; raises ValueError naming the file and line of a bad row."""
    rows: list[LabelledSentence] = []
    for number, line, cells, names in labelled_table(path, HEADER, "labellers"):
        try:
            if len(cells) != len(HEADER) + len(names) or any(
                    c not in ("U", "C", "-") for c in cells[len(HEADER):]):
                raise ValueError
            rows.append(LabelledSentence(
                cells[0], int(cells[1]), int(cells[2]), cells[3], cells[4], int(cells[5]),
                int(cells[6]), {name: c == "U" for name, c in zip(names, cells[len(HEADER):],
                                                                  strict=True) if c != "-"}))
        except ValueError:
            raise ValueError(f"{path.name}, line {number}: expected {len(HEADER) + len(names)} "
                             f"tab-separated cells, labels U, C or -; got {line!r}") from None
    return rows


def population(rows: Sequence[LabelledSentence]) -> int:
    """How many sentences the draw was made from: the sum of its strata's sizes."""
    return sum({row.stratum: row.stratum_size for row in rows}.values())


def agreed_label(row: LabelledSentence) -> bool | None:
    """The label when every labeller gave one and all agree, else None."""
    values = set(row.labels.values())
    return next(iter(values)) if len(values) == 1 and len(row.labels) > 1 else None


def labeller_names(rows: Sequence[LabelledSentence]) -> list[str]:
    """The labellers' names, in the file's column order."""
    names: list[str] = []
    for row in rows:
        names += [n for n in row.labels if n not in names]
    return names


def texts_from_data(rows: Sequence[LabelledSentence], data: Path,
                    split: str = "dev") -> tuple[list[str | None], list[str]]:
    """Each row's sentence read from the data (PolNeAR ``split``'s text; None when its
    article is missing or its text no longer matches the hash), and a message per problem."""
    from models.readers import ReaderError, read_file

    articles: dict[str, str | None] = {}
    problems: list[str] = []
    texts: list[str | None] = []
    for row in rows:
        if row.article not in articles:
            path = data.joinpath(*split_path(split)) / f"{row.article}.txt"
            try:
                articles[row.article] = read_file(path).text
            except (OSError, ReaderError) as error:
                articles[row.article] = None
                problems.append(f"{path}: {error}")
        whole = articles[row.article]
        text = None if whole is None else whole[row.start:row.end]
        if text is not None and text_hash(text) != row.hash:
            problems.append(f"{row.article} {row.start}-{row.end}: the text no longer matches "
                            f"its hash {row.hash}")
            text = None
        texts.append(text)
    return texts, problems


# ---- command line ---------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("command", choices=("sample", "evaluate", "export"))
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--size", type=int, default=SIZE)
    parser.add_argument("--split", choices=SPLITS, default="dev",
                        help="PolNeAR split to draw from (sample only)")
    parser.add_argument("--seed", type=int, default=SEED, help="the draw's seed (sample only)")
    parser.add_argument("--labels", nargs="+", default=[], metavar="NAME=FILE")
    parser.add_argument("--exclude", nargs="+", type=Path, default=[], metavar="LABELS.tsv",
                        help="labels files whose sentences the draw leaves out (sample only)")
    parser.add_argument("--to", type=Path, default=DEFAULT_LABELS)
    parser.add_argument("--reading", choices=tuple(READINGS), default="A",
                        help="the guideline's reading the labels follow (export only): A, "
                             "uncertainty; B, any hedge as Framescope defines one")
    args = parser.parse_args(argv)
    try:
        labellers = named_files(args.labels, "--labels")
    except ValueError as error:
        parser.error(str(error))
    if args.command in ("evaluate", "export"):
        if not labellers:
            parser.error(f"{args.command} needs --labels NAME=FILE")
        try:
            return (evaluate(args.out, labellers) if args.command == "evaluate"
                    else export(args.out, labellers, args.to, args.reading))
        except (OSError, ValueError) as error:
            sys.stderr.write(f"news_hedges: {error}\n")
            return 1
    if args.out.resolve().is_relative_to(REPO.resolve()):
        sys.stderr.write("news_hedges: --out must be outside the repository "
                         "(PolNeAR's text is written there)\n")
        return 1
    if not args.data.joinpath(*split_path(args.split)).is_dir():
        sys.stderr.write(f"news_hedges: no PolNeAR {args.split} text under {args.data}\n")
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    try:
        return sample(args.data, args.out, args.size, args.split, args.seed, args.exclude)
    except (OSError, ValueError) as error:
        sys.stderr.write(f"news_hedges: {error}\n")
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
