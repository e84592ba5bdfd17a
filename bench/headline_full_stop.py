"""Headlines that end in a full stop: how many the layout reader finds, and how many it invents.

Reads ``../shared/data`` (never copied into the repository; skipped with a message
when absent) and runs every text through :func:`models.readers.detect_layout`, the
code path of a plain-text file in ``framescope analyze`` and the app.

1. **PolNeAR train + dev** (924 articles; each text opens with its title, given a
   full stop by the corpus, then a blank line): how many get a headline, and how many
   of those match ``data/metadata.tsv``'s title, exactly after whitespace
   normalisation, and once more ignoring the final full stop the corpus added
   (PolNeAR writes "Heads.'" for the title "Heads'"); a headline over its deck
   ("… a lift;" then the deck's line) is counted apart when it is the title's part
   before its "; ".
2. **Body-only texts**, where any headline found is false:
   (a) the same texts with their title paragraph (everything up to the first blank
   line) removed, so a lede opens them; (b) the seeds with everything above their
   first body block removed; (c) a harder set: each PolNeAR text cut to start at its
   3rd, 4th, 5th and 6th paragraph, so a short body sentence opens it.
3. **What leaves the body**: standfirsts found under PolNeAR headlines (the line under
   a headline may be taken as its summary), and PolNeAR dev attribution cues and
   sources through the reader's path (layout applied, unlike ``bench/validity.py``,
   which scores the whole text as body), as cue and source F1.

    .venv/bin/python bench/headline_full_stop.py [--data ../shared/data] [--show N] [--repeats N]

``--repeats N`` also times :func:`detect_layout` over the 924 texts, N times (its line
cache cleared before each), and prints the best and the median, wall and CPU time (CPU
time moves less with the machine's load). Compare versions by
alternating runs of the two checkouts in the same minutes.

To compare with another version of the code, copy this file into that checkout's
``bench/`` and run it there: it imports the code of the checkout it sits in.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
for entry in (REPO, REPO / "bench"):
    if str(entry) not in sys.path:
        sys.path.insert(0, str(entry))

from models.article import Role  # noqa: E402  (the repo root is put on the path first)
from models.readers import detect_layout  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "data"
SPLITS = ("train", "dev")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_FINAL_STOP = re.compile(r"\.(?=[\"'”’)\]]*$)")


def normalised(value: str) -> str:
    return " ".join(value.split())


def without_final_stop(value: str) -> str:
    """'It’s ‘in Their Heads.’' -> 'It’s ‘in Their Heads’' (PolNeAR adds that stop)."""
    return _FINAL_STOP.sub("", normalised(value), count=1)


def is_title_part(headline: str, title: str) -> bool:
    """'Jobs report gives Democrats a lift;' is the part of the title 'Jobs report gives
    Democrats a lift; Solid upturn …' before its deck."""
    head = normalised(headline).removesuffix(";").rstrip()
    return bool(head) and normalised(title).startswith(f"{head}; ")


def polnear_texts(polnear: Path) -> Iterator[tuple[str, str, str]]:
    """(split, file stem, text) for PolNeAR train and dev, in name order."""
    for split in SPLITS:
        for path in sorted((polnear / "data" / split / "text").glob("*.txt")):
            yield split, path.stem, path.read_text(encoding="utf-8")


def polnear_titles(polnear: Path) -> dict[tuple[str, str], str]:
    with (polnear / "data" / "metadata.tsv").open(encoding="utf-8", newline="") as handle:
        return {
            (row["compartment"], row["filename"]): row["title"]
            for row in csv.DictReader(handle, delimiter="\t")
        }


def without_title(text: str) -> str:
    """The text from its second paragraph on (paragraphs are separated by blank lines)."""
    parts = _PARAGRAPH_BREAK.split(text.lstrip(), maxsplit=1)
    return parts[1] if len(parts) == 2 else ""


def from_paragraph(text: str, index: int) -> str:
    """The text from its paragraph ``index`` (0-based) on, '' if it has fewer."""
    parts = _PARAGRAPH_BREAK.split(text.strip())
    return "\n\n".join(parts[index:]) if len(parts) > index else ""


def seed_bodies(seeds: Path) -> Iterator[tuple[str, str]]:
    """(file name, text from the first body block on) for each seed."""
    for path in sorted(seeds.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        first_body = next(b for b in detect_layout(text).blocks if b.role is Role.BODY)
        yield path.name, text[first_body.start :]


@dataclass
class FalseHeadlines:
    """Texts with no headline in them, and the headlines found all the same."""

    name: str
    texts: int = 0
    found: list[tuple[str, str, str]] = field(default_factory=list)  # (text id, headline, why)

    def check(self, text_id: str, text: str) -> None:
        if not text.strip():
            return
        self.texts += 1
        layout = detect_layout(text)
        block = layout.headline_block
        if block is not None:
            self.found.append((text_id, layout.headline, block.reason))

    def line(self) -> str:
        share = len(self.found) / self.texts if self.texts else 0.0
        return f"{self.name}: {len(self.found)} false headlines in {self.texts} texts ({share:.1%})"


def attribution_through_reader(polnear: Path) -> str:
    """PolNeAR dev cue and source P/R/F1 with the layout applied (body only is scored)."""
    import validity

    from models.features import analyze_article
    from models.readers.documents import build_article

    counts = {"Cue": validity.SpanCounts(), "Source": validity.SpanCounts()}
    headline_cues = 0
    for i, (text, ann) in enumerate(validity.polnear_articles(polnear / "data" / "dev")):
        article = build_article(
            text, article_id=f"polnear-{i}", source=f"polnear-{i}.txt", given={},
            origin="manifest", content_hash=str(i), notes=[],
        )
        spans = analyze_article(article).spans
        body = [(b.start, b.end) for b in article.blocks if b.role is Role.BODY]
        gold_cues = validity.gold_spans(ann, "Cue")
        headline_cues += sum(
            not any(start < e and s < end for s, e in body) for start, end in gold_cues
        )
        for label, category in (("Cue", "attribution"), ("Source", "source")):
            counts[label].add(
                sorted({(s.start, s.end) for s in spans if s.category == category}),
                validity.gold_spans(ann, label),
            )
    lines = []
    for label, count in counts.items():
        p, r, f = count.prf()
        lines.append(f"  {label:6} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (gold {count.gold})")
    lines.append(f"  gold cues outside every body block: {headline_cues}")
    return "\n".join(lines)


def time_layout(texts: list[str], repeats: int) -> str:
    """Best and median seconds of detect_layout over ``texts``, caches cleared each time."""
    import statistics
    import time

    from models.readers import layout

    cached = [value for value in vars(layout).values() if hasattr(value, "cache_clear")]
    times, cpu = [], []
    for _ in range(repeats):
        for function in cached:
            function.cache_clear()
        start, start_cpu = time.perf_counter(), time.process_time()
        for text in texts:
            detect_layout(text)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return (
        f"detect_layout over {len(texts)} texts, {repeats} runs: best {min(times) * 1000:.0f} ms, "
        f"median {statistics.median(times) * 1000:.0f} ms; CPU best {min(cpu) * 1000:.0f} ms, "
        f"median {statistics.median(cpu) * 1000:.0f} ms"
    )


def run(data: Path, show: int, repeats: int = 0) -> int:
    polnear = data / "polnear"
    if not (polnear / "data" / "metadata.tsv").is_file():
        print(f"skipped: {polnear / 'data'} is absent (PolNeAR is needed for this benchmark)")
        return 0
    titles = polnear_titles(polnear)
    total = found = exact = loose = parts = standfirsts = 0
    by_reason: dict[str, int] = {}
    by_split = {split: [0, 0] for split in SPLITS}  # [articles, headlines found]
    mismatches: list[tuple[str, str, str]] = []
    misses: list[tuple[str, str]] = []
    lede_set = FalseHeadlines("(a) PolNeAR, title paragraph removed")
    deep_set = FalseHeadlines("(c) PolNeAR from paragraphs 3-6")
    for split, stem, text in polnear_texts(polnear):
        total += 1
        by_split[split][0] += 1
        layout = detect_layout(text)
        block = layout.headline_block
        title = titles.get((split, stem), "")
        if block is None:
            misses.append((stem, text.split("\n", 1)[0]))
        else:
            found += 1
            by_split[split][1] += 1
            by_reason[block.reason] = by_reason.get(block.reason, 0) + 1
            if normalised(layout.headline) == normalised(title):
                exact += 1
            if without_final_stop(layout.headline) == without_final_stop(title):
                loose += 1
            elif is_title_part(layout.headline, title):
                parts += 1
            else:
                mismatches.append((stem, layout.headline, title))
        standfirsts += sum(b.role is Role.STANDFIRST for b in layout.blocks)
        lede_set.check(f"{split}/{stem}", without_title(text))
        for index in range(2, 6):
            deep_set.check(f"{split}/{stem} from paragraph {index + 1}", from_paragraph(text, index))
    seed_set = FalseHeadlines("(b) seeds from their first body block")
    seeds = REPO / "seeds"
    for name, body in seed_bodies(seeds):
        seed_set.check(name, body)

    print(f"PolNeAR train + dev: {total} articles")
    print(f"  headline found: {found} ({found / total:.1%}); "
          + ", ".join(f"{split} {n[1]} of {n[0]}" for split, n in by_split.items()))
    print(f"  matches metadata.tsv's title exactly (whitespace normalised): {exact}")
    print(f"  matches it, the final full stop aside: {loose} of {found} found")
    print(f"  is the title's part before its '; ' (the rest is the deck): {parts}")
    for reason, count in sorted(by_reason.items(), key=lambda item: -item[1]):
        print(f"    {count:4}  {reason}")
    print(f"  standfirsts taken out of the body under a headline: {standfirsts}")
    print("Body-only texts (any headline is false):")
    for check in (lede_set, seed_set, deep_set):
        print(f"  {check.line()}")
    print("PolNeAR dev attribution through the reader (layout applied):")
    print(attribution_through_reader(polnear))
    if repeats:
        print(time_layout([text for _, _, text in polnear_texts(polnear)], repeats))
    if show:
        for label, rows in (
            ("no headline", [(stem, first) for stem, first in misses]),
            ("headline differs from the title", [(s, f"{h!r} / {t!r}") for s, h, t in mismatches]),
        ):
            print(f"{label} (first {show} of {len(rows)}):")
            for stem, value in rows[:show]:
                print(f"  {stem}: {value}")
        for check in (lede_set, seed_set, deep_set):
            print(f"{check.name}, false headlines (first {show} of {len(check.found)}):")
            for text_id, headline, why in check.found[:show]:
                print(f"  {text_id}: {headline!r} ({why})")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="the shared data folder (default: ../shared/data)")
    parser.add_argument("--show", type=int, default=0, metavar="N",
                        help="also list up to N misses, mismatches and false headlines of each kind")
    parser.add_argument("--repeats", type=int, default=0, metavar="N",
                        help="also time the layout reader over the texts N times")
    args = parser.parse_args(argv)
    return run(args.data, args.show, args.repeats)


if __name__ == "__main__":
    raise SystemExit(main())
