"""A blind check of the merge behind ``sources_named_people``: are two names one source?

    .venv/bin/python bench/named_people_check.py sample --out DIR [--data ../shared/data]
    .venv/bin/python bench/named_people_check.py evaluate --out DIR
    .venv/bin/python bench/named_people_check.py export --out DIR [--to FILE] [--labeller NAME]
    .venv/bin/python bench/named_people_check.py recheck [--to FILE] [--data ../shared/data]

``sample`` analyses PolNeAR's train split (the split the source rules were tuned on; dev
is left for the validity table), merges each article's sources alone as
:func:`models.sources.named_people` does, and draws pairs of named mentions of one
article written differently: 20 that the merge makes one source ("Mayor Denise Hart" /
"Hart") and 20 that it keeps apart though they share a word ("Castell" / "Castell
Chemicals", "Hillary Clinton" / "Bill Clinton"), seed 20, shuffled. It writes
``DIR/pairs.txt``: for each pair the article's file and the two sentences with the
mentions in [[double brackets]], nothing of the decision, to be labelled blind (open the
article for more context); and ``DIR/key.json`` (not to be read while labelling): each
pair's decision and offsets. Label each pair in ``DIR/pairs.labels``, one ``N Y`` (one
person or body) or ``N N`` line per pair ``#N``; ``?`` after the label marks a doubt.
PolNeAR's text only goes to DIR: keep DIR outside the repository.

``export`` writes ``bench/labels/named_people_check.tsv`` (``--to``): each pair's number,
file, offsets, decision and label, no text.

``evaluate`` prints how many of the merged pairs the labels call one source (the merge's
precision on the draw) and how many of the pairs kept apart they call two (with Wilson
95% intervals), and lists the disagreements.

``recheck`` scores today's merge on the committed, labelled draw (``--to``, the tsv):
it analyses each pair's article again, finds the two mentions at their offsets and asks
whether the merge now makes them one source; it prints the same two lines as
``evaluate``, by the draw's labels, and each pair whose decision changed. The pairs
stay the ones drawn at the time (a new merge can only be checked on them, not on the
pairs it would draw): a pair whose mention is no longer a named source is listed and
counted as kept apart.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
for path in (REPO, REPO / "bench"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

import labelled_stats as S  # noqa: E402  (bench/ and the repo root are put on the path first)

SEED = 20
PER_KIND = 20
_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]{2,}")
_COMMON = frozenset("the and for mr. mrs. ms. dr. of new".split())


_LABEL = re.compile(r"^\s*#?(\d+)\s+([YN])\b")


def _words(text: str) -> set[str]:
    return {w.casefold().strip(".'’") for w in _WORD.findall(text)} - _COMMON


def candidate_pairs(data: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(merged, apart): pairs of named mentions of one train article written differently."""
    from validity import polnear_articles

    from models.features import analyze_article, article_from_text
    from models.sources import find_sources, is_named, name_of, normal_name

    folder = data / "polnear" / "data" / "train"
    names = sorted(p.name for p in (folder / "text").glob("*.txt"))
    merged: list[dict[str, Any]] = []
    apart: list[dict[str, Any]] = []
    for i, (text, ann) in enumerate(polnear_articles(folder)):
        name = ann.stem.rsplit("_", 1)[0] + ".txt"
        if name not in names:
            raise ValueError(f"{ann} has no text file {name}")
        analysis = analyze_article(article_from_text(text, f"polnear-train-{i}"))
        sentences = {x.index: [x.start, x.end] for x in analysis.article.sentences}
        # One mention per source and way of writing its name: the first.
        firsts: list[tuple[str, str, Any]] = []
        for source in find_sources([analysis]):
            if not is_named(source):
                continue
            seen: set[str] = set()
            for m in source.mentions:
                if m.source_type == "pronoun":
                    continue
                written = normal_name(name_of(m.text, m.term))  # "Mr. Trump's": "trump"
                if written not in seen:
                    seen.add(written)
                    firsts.append((source.source_id, written, m))
        for a in range(len(firsts)):
            for b in range(a + 1, len(firsts)):
                (id_a, w_a, m_a), (id_b, w_b, m_b) = firsts[a], firsts[b]
                first, second = sorted((m_a, m_b), key=lambda m: m.start)
                pair = {"file": name, "a": [first.start, first.end],
                        "b": [second.start, second.end],
                        "a_sentence": sentences[first.sentence_index],
                        "b_sentence": sentences[second.sentence_index],
                        "a_text": first.text, "b_text": second.text}
                if id_a == id_b:
                    merged.append({**pair, "merged": True})
                elif _words(w_a) & _words(w_b):
                    apart.append({**pair, "merged": False})
    return merged, apart


def _sentence_marked(text: str, sentence: list[int], start: int, end: int) -> str:
    lo, hi = sentence
    return " ".join((text[lo:start] + "[[" + text[start:end] + "]]" + text[end:hi]).split())


def sample(data: Path, out: Path) -> None:
    merged, apart = candidate_pairs(data)
    rng = random.Random(SEED)
    drawn = rng.sample(merged, min(PER_KIND, len(merged))) + \
        rng.sample(apart, min(PER_KIND, len(apart)))
    rng.shuffle(drawn)
    out.mkdir(parents=True, exist_ok=True)
    folder = data / "polnear" / "data" / "train" / "text"
    lines = ["Are the two [[marked]] names one person or body? Label each: 'N Y' (one) or "
             "'N N' (two) in pairs.labels; add '?' when in doubt. Open the article for "
             "more context.", ""]
    for n, pair in enumerate(drawn, 1):
        text = (folder / pair["file"]).read_text(encoding="utf-8")
        lines += [f"#{n}  {pair['file']}",
                  f"  A: {_sentence_marked(text, pair['a_sentence'], *pair['a'])}",
                  f"  B: {_sentence_marked(text, pair['b_sentence'], *pair['b'])}", ""]
    (out / "pairs.txt").write_text("\n".join(lines), encoding="utf-8")
    key = {"seed": SEED, "candidates": {"merged": len(merged), "apart": len(apart)},
           "pairs": [{"n": n, **p} for n, p in enumerate(drawn, 1)]}
    (out / "key.json").write_text(json.dumps(key, indent=1, ensure_ascii=False),
                                  encoding="utf-8")
    print(f"wrote {out / 'pairs.txt'}: {len(drawn)} pairs ({len(merged)} merged and "
          f"{len(apart)} apart candidates on PolNeAR train)")


def evaluate(out: Path) -> None:
    key = json.loads((out / "key.json").read_text(encoding="utf-8"))
    labels: dict[int, bool] = {}
    for line in (out / "pairs.labels").read_text(encoding="utf-8").splitlines():
        found = _LABEL.match(line)  # "12 Y", "#12 N ?", "4 Y ?  # a note"
        if found:
            labels[int(found.group(1))] = found.group(2) == "Y"
    for kind, merged in (("merged", True), ("kept apart", False)):
        pairs = [p for p in key["pairs"] if p["merged"] is merged and p["n"] in labels]
        right = [p for p in pairs if labels[p["n"]] is merged]
        low, high = S.wilson(len(right), len(pairs)) if pairs else (0.0, 0.0)
        print(f"{kind}: {len(right)} of {len(pairs)} right by the labels "
              f"(95% {low:.2f}-{high:.2f})")
        for p in pairs:
            if labels[p["n"]] is not merged:
                print(f"   #{p['n']} {p['file']}: {p['a_text']!r} / {p['b_text']!r}")


def export(out: Path, to: Path, labeller: str) -> None:
    """The draw's ids, offsets, decisions and labels, no text: a file that may be committed."""
    key = json.loads((out / "key.json").read_text(encoding="utf-8"))
    labels: dict[int, str] = {}
    for line in (out / "pairs.labels").read_text(encoding="utf-8").splitlines():
        found = _LABEL.match(line)
        if found:
            labels[int(found.group(1))] = found.group(2) + ("?" if "?" in line.split("#")[0]
                                                            else "")
    lines = [f"# bench/named_people_check.py draw (PolNeAR train, seed {key['seed']}); "
             f"labels by {labeller}, a Framescope team member, blind to the decisions",
             "n\tfile\ta_start\ta_end\tb_start\tb_end\tmerged\tlabel"]
    for p in key["pairs"]:
        lines.append("\t".join(str(x) for x in (
            p["n"], p["file"], *p["a"], *p["b"], "Y" if p["merged"] else "N",
            labels.get(p["n"], ""))))
    to.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {to}")


def recheck(labels: Path, data: Path) -> None:
    """Today's merge decisions on the labelled draw of ``labels`` (see the module's text)."""
    from models.features import analyze_article, article_from_text
    from models.sources import named_mentions

    rows = [line.split("\t") for line in labels.read_text(encoding="utf-8").splitlines()
            if line[:1].isdigit()]
    folder = data / "polnear" / "data" / "train"
    index = {p.name: i for i, p in enumerate(sorted((folder / "text").glob("*.txt")))}
    texts = {name: (folder / "text" / name).read_text(encoding="utf-8")
             for name in {row[1] for row in rows}}
    ids: dict[str, list[tuple[str, int, int]]] = {}
    for name, text in texts.items():
        analysis = analyze_article(article_from_text(text, f"polnear-train-{index[name]}"))
        ids[name] = [(sid, m.start, m.end) for sid, m in named_mentions(analysis)]

    def source_at(name: str, start: int, end: int) -> str | None:
        exact = [sid for sid, a, b in ids[name] if (a, b) == (start, end)]
        near = [sid for sid, a, b in ids[name] if a < end and start < b]
        return (exact or near or [None])[0]

    decided: list[tuple[int, bool, bool, bool, str]] = []  # n, then, now, label, texts
    for n, name, a0, a1, b0, b1, merged, label in (row[:8] for row in rows):
        if not label:
            continue
        a = source_at(name, int(a0), int(a1))
        b = source_at(name, int(b0), int(b1))
        now = a is not None and a == b
        text = texts[name]
        shown = f"{text[int(a0):int(a1)]!r} / {text[int(b0):int(b1)]!r}" + \
            ("" if a is not None and b is not None else " (no longer both named sources)")
        decided.append((int(n), merged == "Y", now, label.startswith("Y"), shown))
    for kind, merged in (("merged", True), ("kept apart", False)):
        pairs = [d for d in decided if d[2] is merged]
        right = [d for d in pairs if d[3] is merged]
        low, high = S.wilson(len(right), len(pairs)) if pairs else (0.0, 0.0)
        print(f"{kind} now: {len(right)} of {len(pairs)} right by the labels "
              f"(95% {low:.2f}-{high:.2f})")
    for n, then, now, label, shown in decided:
        if then is not now:
            verdict = "right" if now is label else "wrong"
            print(f"   #{n} {'merged' if then else 'kept apart'} -> "
                  f"{'merged' if now else 'kept apart'} ({verdict} by the label): {shown}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("command", choices=("sample", "evaluate", "export", "recheck"))
    parser.add_argument("--to", type=Path, default=REPO / "bench" / "labels" /
                        "named_people_check.tsv")
    parser.add_argument("--labeller", default="lab20")
    parser.add_argument("--out", type=Path, help="the draw's folder (not for recheck)")
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    args = parser.parse_args(argv)
    if args.command == "recheck":
        recheck(args.to, args.data)
        return 0
    if args.out is None:
        parser.error(f"{args.command} needs --out")
    if args.command == "sample":
        sample(args.data, args.out)
    elif args.command == "evaluate":
        evaluate(args.out)
    else:
        export(args.out, args.to, args.labeller)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
