"""Hand-graded headlines for the clickbait model: draw them blind, grade them, then rank
the model's scores against the graders' mean grade (Spearman's rho).

    .venv/bin/python bench/clickbait_grades.py sample --out DIR [--data ../shared/data]
                                                     [--seed 25] [--size 120]
                                                     [--exclude GRADES.tsv ...]
    .venv/bin/python bench/clickbait_grades.py evaluate --out DIR --grades NAME=FILE NAME=FILE
    .venv/bin/python bench/clickbait_grades.py export --out DIR --grades NAME=FILE NAME=FILE
                                                     [--to bench/labels/clickbait_grades.tsv]

``sample`` takes headlines neither model was trained on: ``--size`` (120) drawn uniformly
at random (``random.Random(seed)``) from PolNeAR's article titles (``data/metadata.tsv``,
PARC's WSJ extras left out, the seven outlets of 2016) and as many from GVFC's headlines
(the ``news_title`` column of its spreadsheet, US gun-violence news), each set's
duplicates counted once and a GVFC headline that is also a PolNeAR title left out;
``--exclude`` leaves out the headlines of committed grades files, so that a later draw
(session 25's second, seed 26) holds none an earlier one graded.
``DIR/draw.txt`` holds them shuffled, each as ``#N`` and the headline, nothing else;
``DIR/draw.json`` (not to be read while grading) says where each comes from. The data's
text only goes to DIR: keep DIR outside the repository.

Grade each headline ``N G``, G from 0 (not clickbaiting) to 3 (heavily clickbaiting), one
line per headline, optionally followed by ``?``, following
bench/labels/GUIDE_clickbait_grades.md (the Webis Clickbait Corpus 2017 question and
four-point scale; Potthast et al. 2018).

``evaluate`` prints, on the headlines every grader graded: the graders' agreement
(Spearman's rho between their grades and quadratic-weighted Cohen's kappa), and, for
``sensational`` as ``framescope sentences`` scores a headline and for issue 3's plain
TF-IDF logistic regression (fitted on all of Chakraborty 2016), Spearman's rho between the
score and the graders' mean grade, with a 95% bootstrap interval (headlines resampled
within each set, 2,000 resamples, ``numpy.random.default_rng(25)``), over both sets and
each set alone. ``export`` writes the file that may be committed: set, key (PolNeAR's
file name; GVFC's row among its headlines), a hash of the headline and each grader's
grade, no text. bench/validity.py reads it, takes the text from ``../shared/data`` and
checks the hash.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
if str(REPO / "bench") not in sys.path:
    sys.path.insert(0, str(REPO / "bench"))
from bench_common import labelled_table, marked_lines, named_files  # noqa: E402  (bench/ is put on the path first)
from labelled_stats import percentile_interval  # noqa: E402

SEED = 25
SIZE = 120
REPEATS = 2000
GRADES = (0, 1, 2, 3)
SETS = ("polnear", "gvfc")
DEFAULT_GRADES = REPO / "bench" / "labels" / "clickbait_grades.tsv"
HEADER = ("set", "key", "hash")


def text_hash(text: str) -> str:
    """The first 10 hex digits of the headline's SHA-256: checks the text, cannot give it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]


# ---- the population and the draw ---------------------------------------------------


@dataclass(frozen=True)
class Headline:
    set: str  # "polnear" or "gvfc"
    key: str  # PolNeAR: the article's file name; GVFC: its index among gvfc_headlines()
    text: str


def polnear_headlines(data: Path) -> list[Headline]:
    """PolNeAR's titles with their file names (PARC's WSJ extras and empty titles left
    out; the first of identical titles kept), in the metadata file's order."""
    import csv

    with (data / "polnear" / "data" / "metadata.tsv").open(encoding="utf-8",
                                                            newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    seen: set[str] = set()
    out = []
    for row in rows:
        title = row["title"].strip()
        if row["publisher"] == "parc" or title in ("", "None") or title in seen:
            continue
        seen.add(title)
        out.append(Headline("polnear", row["filename"], title))
    return out


def gvfc_headline_list(data: Path) -> list[Headline]:
    """GVFC's headlines keyed by their index in models.training.sensational.gvfc_headlines
    (the first of identical headlines kept)."""
    from models.training.sensational import gvfc_headlines

    seen: set[str] = set()
    out = []
    for index, title in enumerate(gvfc_headlines(data / "gvfc")):
        if title not in seen:
            seen.add(title)
            out.append(Headline("gvfc", str(index), title))
    return out


def population(data: Path) -> dict[str, list[Headline]]:
    """Both sets; a GVFC headline that is also a PolNeAR title is left out of GVFC's."""
    polnear = polnear_headlines(data)
    titles = {h.text for h in polnear}
    return {"polnear": polnear,
            "gvfc": [h for h in gvfc_headline_list(data) if h.text not in titles]}


def draw(sets: Mapping[str, Sequence[Headline]], size: int = SIZE,
         seed: int = SEED) -> list[dict[str, Any]]:
    """``size`` headlines from each set, uniformly at random, then shuffled together."""
    rng = random.Random(seed)
    chosen: list[tuple[Headline, int]] = []
    for name in SETS:
        members = list(sets[name])
        chosen += [(h, len(members)) for h in rng.sample(members, min(size, len(members)))]
    rng.shuffle(chosen)
    return [{"n": n, "set": h.set, "key": h.key, "hash": text_hash(h.text),
             "set_size": total} for n, (h, total) in enumerate(chosen)]


def sample(data: Path, out: Path, size: int = SIZE, seed: int = SEED,
           exclude: Sequence[Path] = ()) -> int:
    sets = population(data)
    if exclude:
        graded = {(row.set, row.key) for path in exclude for row in read_grades_file(path)}
        before = sum(len(hs) for hs in sets.values())
        sets = {name: [h for h in hs if (h.set, h.key) not in graded]
                for name, hs in sets.items()}
        print(f"left out {before - sum(len(hs) for hs in sets.values())} headlines already "
              f"graded in {', '.join(str(p) for p in exclude)}")
    drawn = draw(sets, size, seed)
    by_key = {(h.set, h.key): h.text for hs in sets.values() for h in hs}
    out.mkdir(parents=True, exist_ok=True)
    with (out / "draw.txt").open("w", encoding="utf-8") as handle:
        for item in drawn:
            handle.write(f"#{item['n']}\n{by_key[item['set'], item['key']]}\n\n")
    (out / "draw.json").write_text(json.dumps(drawn, indent=1), encoding="utf-8")
    print(f"seed {seed}: {len(drawn)} headlines drawn ("
          + ", ".join(f"{sum(d['set'] == s for d in drawn)} of {len(sets[s])} {s}"
                      for s in SETS)
          + f") to grade in {out / 'draw.txt'}")
    return 0


# ---- grades ---------------------------------------------------------------------------


def read_grades(path: Path) -> dict[int, int]:
    """``N G`` lines (G 0-3), optionally ending in ``?`` (blank lines and '#' comments
    skipped): headline number -> grade. Raises ValueError naming the file and line of
    anything else, or of a number graded twice."""
    grades: dict[int, int] = {}
    for number, line, parts in marked_lines(path):
        if (len(parts) != 2 or not parts[0].isdigit() or not parts[1].isdigit()
                or int(parts[1]) not in GRADES):
            raise ValueError(f"{path.name}, line {number}: expected 'N G' with G from 0 to 3 "
                             f"(optionally ' ?'), got {line!r}")
        if int(parts[0]) in grades:
            raise ValueError(f"{path.name}, line {number}: headline {parts[0]} graded twice")
        grades[int(parts[0])] = int(parts[1])
    return grades


# ---- statistics -----------------------------------------------------------------------


def ranks(values: Sequence[float]) -> Any:
    """Average ranks (ties share the mean of their positions), from 1."""
    from scipy.stats import rankdata

    return rankdata(np.asarray(values, dtype=float), method="average")


def spearman(x: Sequence[float], y: Sequence[float]) -> float:
    """Spearman's rho: Pearson's r of the average ranks; NaN when either side is constant."""
    rx, ry = ranks(x), ranks(y)
    if len(rx) < 2 or np.ptp(rx) == 0 or np.ptp(ry) == 0:
        return math.nan
    return float(np.corrcoef(rx, ry)[0, 1])


def weighted_kappa(first: Sequence[int], second: Sequence[int]) -> float:
    """Cohen's kappa with quadratic weights (Cohen 1968) over the grades 0-3."""
    k = len(GRADES)
    observed = np.zeros((k, k))
    for a, b in zip(first, second, strict=True):
        observed[a, b] += 1
    observed /= observed.sum()
    expected = np.outer(observed.sum(axis=1), observed.sum(axis=0))
    i, j = np.indices((k, k))
    weight = (i - j) ** 2 / (k - 1) ** 2
    chance = float((weight * expected).sum())
    return math.nan if chance == 0 else 1.0 - float((weight * observed).sum()) / chance


def bootstrap_spearman(score: Sequence[float], grade: Sequence[float], strata: Sequence[str],
                       repeats: int = REPEATS, seed: int = SEED) -> tuple[float, float]:
    """95% percentile interval of Spearman's rho: each resample draws, with replacement,
    as many headlines from each set as it has (resamples with a constant side left out)."""
    rng = np.random.default_rng(seed)
    members: dict[str, list[int]] = {}
    for k, name in enumerate(strata):
        members.setdefault(name, []).append(k)
    x, y = np.asarray(score, dtype=float), np.asarray(grade, dtype=float)
    values = []
    for _ in range(repeats):
        pick = np.concatenate([np.asarray(index)[rng.integers(0, len(index), len(index))]
                               for index in members.values()])
        values.append(spearman(x[pick], y[pick]))
    return percentile_interval(values)


@dataclass(frozen=True)
class Graded:
    """One headline every grader graded: its set, text and the graders' grades."""

    set: str
    text: str
    grades: tuple[int, ...]

    @property
    def mean(self) -> float:
        return sum(self.grades) / len(self.grades)


@dataclass(frozen=True)
class Rank:
    rho: float
    low: float
    high: float
    headlines: int


def rank_figure(items: Sequence[Graded], score: Sequence[float]) -> Rank:
    grade = [i.mean for i in items]
    low, high = bootstrap_spearman(score, grade, [i.set for i in items])
    return Rank(spearman(score, grade), low, high, len(items))


def agreement(items: Sequence[Graded]) -> tuple[float, float]:
    """Spearman's rho and quadratic-weighted kappa between the first two graders."""
    first = [i.grades[0] for i in items]
    second = [i.grades[1] for i in items]
    return spearman(first, second), weighted_kappa(first, second)


Scorer = Callable[[Sequence[str]], Sequence[float | None]]


def scorers(data: Path) -> dict[str, Scorer]:
    """``sensational`` as ``framescope sentences`` scores a headline, and the plain TF-IDF
    logistic regression of issue 3 fitted on all of Chakraborty 2016 (when present)."""
    from models.sensational import sensational
    from models.training.sensational import baseline_scorer

    out: dict[str, Scorer] = {
        "sensational": lambda hs: [sensational(h) for h in hs],
    }
    if (data / "clickbait-chakraborty2016" / "clickbait_data.gz").is_file():
        out["plain TF-IDF LR (baseline)"] = baseline_scorer(data / "clickbait-chakraborty2016")
    return out


def figures(items: Sequence[Graded], data: Path) -> list[tuple[str, str, Rank]]:
    """(scorer, set, figure) over both sets and each set alone; a headline a scorer leaves
    unscored is left out of that scorer's figures."""
    out = []
    for name, score in scorers(data).items():
        values = list(score([i.text for i in items]))
        kept = [(i, v) for i, v in zip(items, values, strict=True) if v is not None]
        for part in ("both", *SETS):
            chosen = [(i, v) for i, v in kept if part == "both" or i.set == part]
            if len(chosen) > 2:
                out.append((name, part, rank_figure([i for i, _ in chosen],
                                                    [float(v) for _, v in chosen])))
    return out


def describe(rank: Rank) -> str:
    return (f"Spearman {rank.rho:.3f} [95% {rank.low:.3f}–{rank.high:.3f}] "
            f"({rank.headlines} headlines)")


# ---- evaluate and export ----------------------------------------------------------------


def graded_items(drawn: Sequence[Mapping[str, Any]], grades: Mapping[str, Mapping[int, int]],
                 texts: Mapping[tuple[str, str], str]) -> list[Graded]:
    """The headlines every grader graded, in (set, key) order as the exported file."""
    out = []
    for d in sorted(drawn, key=lambda d: (d["set"], _key_order(d["key"]))):
        if all(d["n"] in g for g in grades.values()):
            out.append(Graded(d["set"], texts[d["set"], d["key"]],
                              tuple(g[d["n"]] for g in grades.values())))
    return out


def _key_order(key: str) -> tuple[int, str]:
    return (int(key), "") if key.isdigit() else (0, key)


def evaluate(out: Path, graders: Mapping[str, Path], data: Path) -> int:
    drawn = json.loads((out / "draw.json").read_text(encoding="utf-8"))
    grades = {name: read_grades(path) for name, path in graders.items()}
    for name, got in grades.items():
        missing = [d["n"] for d in drawn if d["n"] not in got]
        counts = ", ".join(f"{g}: {sum(v == g for v in got.values())}" for g in GRADES)
        print(f"{name}: {len(got)} of {len(drawn)} graded ({counts})"
              + (f"; not graded: {missing[:10]}" if missing else ""))
    texts = {(h.set, h.key): h.text for hs in population(data).values() for h in hs}
    items = graded_items(drawn, grades, texts)
    if len(grades) >= 2:
        rho, kappa = agreement(items)
        print(f"graders' agreement on {len(items)} headlines: Spearman {rho:.3f}, "
              f"quadratic-weighted kappa {kappa:.3f}")
    for name, part, rank in figures(items, data):
        print(f"{name:28s} {part:8s} {describe(rank)}")
    return 0


def export(out: Path, graders: Mapping[str, Path], to: Path) -> int:
    """The grades file: one line per drawn headline, no text."""
    drawn = json.loads((out / "draw.json").read_text(encoding="utf-8"))
    grades = {name: read_grades(path) for name, path in graders.items()}
    sizes = {d["set"]: d["set_size"] for d in drawn}
    lines = [
        "# Hand grades of headlines for the clickbait model (bench/clickbait_grades.py; "
        "guideline: bench/labels/GUIDE_clickbait_grades.md, 'How clickbaiting is this "
        "headline?', 0 not .. 3 heavily).",
        "# No text: set polnear = key is the file name in polnear/data/metadata.tsv; set "
        "gvfc = key is the headline's index in models.training.sensational.gvfc_headlines; "
        "hash = first 10 hex of the headline's SHA-256. Grades 0-3, - not graded. Drawn "
        "from " + ", ".join(f"{sizes.get(s, 0)} {s}" for s in SETS) + " headlines.",
        "\t".join((*HEADER, *grades)),
    ]
    for d in sorted(drawn, key=lambda d: (d["set"], _key_order(d["key"]))):
        marks = [str(g[d["n"]]) if d["n"] in g else "-" for g in grades.values()]
        lines.append("\t".join(str(d[k]) for k in HEADER) + "\t" + "\t".join(marks))
    to.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(drawn)} headlines' grades by {', '.join(grades)} to {to}")
    return 0


@dataclass(frozen=True)
class GradedRow:
    set: str
    key: str
    hash: str
    grades: dict[str, int]  # grader -> grade (ungraded ones absent)


def read_grades_file(path: Path) -> list[GradedRow]:
    """The committed grades file; raises ValueError naming the file and line of a bad row."""
    rows: list[GradedRow] = []
    for number, line, cells, names in labelled_table(path, HEADER, "graders"):
        marks = cells[len(HEADER):]
        if (len(cells) != len(HEADER) + len(names) or cells[0] not in SETS
                or any(m != "-" and (not m.isdigit() or int(m) not in GRADES) for m in marks)):
            raise ValueError(f"{path.name}, line {number}: expected {len(HEADER) + len(names)} "
                             f"tab-separated cells, set {' or '.join(SETS)}, grades 0-3 or -; "
                             f"got {line!r}")
        rows.append(GradedRow(cells[0], cells[1], cells[2],
                              {n: int(m) for n, m in zip(names, marks, strict=True)
                               if m != "-"}))
    return rows


def items_from_data(rows: Sequence[GradedRow], data: Path) -> tuple[list[Graded], list[str]]:
    """The rows every grader graded, with their headline read from the data (a row whose
    headline is missing or no longer matches its hash is left out, with a message)."""
    texts = {(h.set, h.key): h.text for hs in population(data).values() for h in hs}
    names: list[str] = []
    for row in rows:
        names += [n for n in row.grades if n not in names]
    items, problems = [], []
    for row in rows:
        text = texts.get((row.set, row.key))
        if text is None or text_hash(text) != row.hash:
            problems.append(f"{row.set} {row.key}: headline missing or not matching its "
                            f"hash {row.hash}")
            continue
        if all(n in row.grades for n in names):
            items.append(Graded(row.set, text, tuple(row.grades[n] for n in names)))
    return items, problems


# ---- command line ---------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("command", choices=("sample", "evaluate", "export"))
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--size", type=int, default=SIZE,
                        help="headlines drawn from each set (sample only)")
    parser.add_argument("--seed", type=int, default=SEED, help="the draw's seed (sample only)")
    parser.add_argument("--grades", nargs="+", default=[], metavar="NAME=FILE")
    parser.add_argument("--exclude", nargs="+", type=Path, default=[], metavar="GRADES.tsv",
                        help="grades files whose headlines the draw leaves out (sample only)")
    parser.add_argument("--to", type=Path, default=DEFAULT_GRADES)
    args = parser.parse_args(argv)
    try:
        graders = named_files(args.grades, "--grades")
    except ValueError as error:
        parser.error(str(error))
    if args.command in ("evaluate", "export") and not graders:
        parser.error(f"{args.command} needs --grades NAME=FILE")
    try:
        if args.command == "sample":
            return sample(args.data, args.out, args.size, args.seed, args.exclude)
        if args.command == "evaluate":
            return evaluate(args.out, graders, args.data)
        return export(args.out, graders, args.to)
    except (OSError, ValueError) as error:
        print(f"clickbait_grades: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
