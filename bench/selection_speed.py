"""Cost of sources, emphasis and text reuse as the corpus grows, as ratios in one run.

    .venv/bin/python bench/selection_speed.py [copies ...]

Not a test. The corpus is the seeds copied ``copies`` times (each copy's outlet
renamed and one word changed per sentence, so copies are near-verbatim reuse of
each other: the worst case for reuse). For each size it prints the seconds of
models.sources.find_sources, models.emphasis.analyze_emphasis and
models.reuse.find_reuse as ratios to the baseline measured in the same run:
VADER's polarity_scores over the same sentences. Growth is read from the ratios
between sizes.
"""

from __future__ import annotations

import sys
import time
from dataclasses import replace

import bench_common  # noqa: F401  (this checkout's models and desktop, not the installed one)
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from models.article import Sentence
from models.emphasis import analyze_emphasis
from models.features import ArticleAnalysis
from models.pipeline import analyze_paths
from models.resources import seeds_dir
from models.reuse import find_reuse
from models.sources import find_sources


def corpus(seeds: list[ArticleAnalysis], copies: int) -> list[ArticleAnalysis]:
    out = []
    for c in range(copies):
        for a in seeds:
            # One word per sentence changed, offsets kept (same length): near-verbatim copies.
            sentences = tuple(
                replace(s, text=s.text.replace(" the ", f" {'tha' if c % 2 else 'the'} ", 1))
                for s in a.article.sentences
            )
            text = a.article.text
            for old, new in zip(a.article.sentences, sentences, strict=True):
                text = text[:old.start] + new.text + text[old.end:]
            article = replace(a.article, article_id=f"{a.article_id}-{c}", text=text,
                              sentences=tuple(Sentence(s.index, s.start, s.end, s.text)
                                              for s in sentences),
                              outlet=f"{a.outlet} {c % 3}")
            out.append(replace(a, article=article))
    return out


def timed(work: object, *args: object) -> float:
    started = time.perf_counter()
    work(*args)  # type: ignore[operator]
    return time.perf_counter() - started


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [1, 4, 16]
    seeds = analyze_paths([seeds_dir()]).analyses
    vader = SentimentIntensityAnalyzer()
    for work in (find_sources, analyze_emphasis, find_reuse):  # imports and caches warm
        work(seeds)
    print("articles sentences  vader_s  sources/vader emphasis/vader reuse/vader")
    for copies in sizes:
        analyses = corpus(seeds, copies)
        texts = [s.text for a in analyses for s in a.article.body_sentences]
        baseline = timed(lambda sentences: [vader.polarity_scores(t) for t in sentences], texts)
        ratios = [timed(f, analyses) / baseline
                  for f in (find_sources, analyze_emphasis, find_reuse)]
        print(f"{len(analyses):8d} {len(texts):9d} {baseline:8.3f} "
              + " ".join(f"{r:13.2f}" for r in ratios))


if __name__ == "__main__":
    main()
