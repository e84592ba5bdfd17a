"""How the sources pass grows with an article's length, as ratios in one run.

    .venv/bin/python bench/sources_scaling.py [--words 12500,25000,50000,100000] [--repeats 3]

Builds one article per size from news texts (bench/news_corpus.py: PolNeAR and the
seeds, or synthetic news when PolNeAR is absent) joined until the size is reached,
analyses it once (cues, tone), then times :func:`models.sources.named_people` on it
(the sources pass every ``framescope analyze`` runs per article: find who is cited and
merge the mentions), as CPU seconds, the best of ``--repeats`` runs. Prints each size's
seconds, its ratio to the smallest size's, and the ratio to what linear growth from the
smallest would take (1.0: linear; a quadratic pass doubles it with each doubling).

Not a test: the figures that count are the ratios within one run
(tests/models/test_sources_scaling.py checks the growth by counting lines, untimed).
"""

from __future__ import annotations

import argparse
import time

from bench_common import load
from news_corpus import _originals

from models.features import ArticleAnalysis, analyze_article, article_from_text
from models.sources import named_people


def long_article(texts: list[str], words: int) -> ArticleAnalysis:
    parts: list[str] = []
    count = 0
    while count < words:
        text = texts[len(parts) % len(texts)]
        parts.append(text)
        count += len(text.split())
    return analyze_article(article_from_text("\n\n".join(parts)))


def cpu_seconds(analysis: ArticleAnalysis, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.process_time()
        named_people(analysis)
        best = min(best, time.process_time() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", default="12500,25000,50000,100000",
                        help="comma-separated article sizes in words (smallest first)")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    sizes = sorted(int(w) for w in args.words.split(","))
    texts, source = _originals()
    print(f"texts: {source}; {load()}")
    print(f"{'words':>8} {'mentions':>9} {'cpu s':>8} {'x smallest':>11} {'x linear':>9}")
    base: tuple[int, float] | None = None
    for size in sizes:
        analysis = long_article(texts, size)
        words = len(analysis.article.text.split())
        seconds = cpu_seconds(analysis, args.repeats)
        base = base or (words, seconds)
        ratio = seconds / base[1]
        print(f"{words:>8} {len(analysis.spans):>9} {seconds:>8.3f} {ratio:>11.2f} "
              f"{ratio / (words / base[0]):>9.2f}")


if __name__ == "__main__":
    main()
