"""Cost of tone_news per sentence, as a ratio to VADER on the same sentences in the same run.

    .venv/bin/python bench/tone_speed.py [--repeats N] [--data ../shared/data]

Not a test: absolute timings depend on the machine, so the figures that count
are ratios to the baseline, VADER's ``polarity_scores`` on every sentence (the
least any tone analysis pays; issue 6 asks the whole analysis to cost no more).

Sentences: the seed articles' sentences, plus the NYT sentences of
``vader-nyt/nyt_train.tsv`` when the shared data is present (read, never copied).

Two figures for tone_news:

* **extra**: what tone_news adds when VADER's scores of the sentence are already
  known, as in ``framescope analyze``, which computes ``tone_vader`` for every
  sentence and caches VADER's scores (:func:`models.tone.polarity_scores`);
* **alone**: tone_news on a sentence no earlier measure has seen (VADER included).

Both score each article's sentences together (:func:`models.tone_news.ratings`), as
:func:`models.features.news_tones` does: the word-piece network runs once per article.
Printed too: **chunk**, the sentences of :data:`models.engines.MAX_CHUNK` articles
together, as a pool worker of ``framescope analyze`` scores a chunk's tones
(:func:`models.features.score_tones_ahead`: the linear model over all their words in
numpy arrays, from ``tone_news._BATCH`` sentences on), and one sentence at a time.

The model files (the linear model and the word-piece network) are loaded before
timing (their one-off load time is printed apart).
tone_news's own per-text cache is bypassed, so every call does the work.

``--clock cpu`` times each pass by the process's CPU time (``time.process_time``)
instead of the wall clock: on a shared, loaded machine a pass also waits for a core,
which the wall clock counts and CPU time does not.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import bench_common  # noqa: F401  (this checkout's models and desktop, not the installed one)
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from models import tone, tone_news
from models.engines import MAX_CHUNK
from models.resources import seeds_dir
from models.segment import split_sentences

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def bench_articles(data: Path) -> list[list[str]]:
    """The sentences of each seed article, then of each NYT article (the part of a
    sentence id before "_") when the shared data is present."""
    articles = [
        [text[a:b] for a, b in split_sentences(text) if text[a:b].strip()]
        for path in sorted(seeds_dir().glob("*.txt"))
        for text in (path.read_text(encoding="utf-8"),)
    ]
    nyt = data / "vader-nyt" / "nyt_train.tsv"
    if nyt.is_file():
        grouped: dict[str, list[str]] = {}
        with nyt.open(encoding="utf-8") as handle:
            for p in (line.rstrip("\n").split("\t", 2) for line in handle):
                if len(p) == 3 and p[2].strip():
                    grouped.setdefault(p[0].split("_", 1)[0], []).append(p[2])
        articles += list(grouped.values())
    return [a for a in articles if a]


def bench_sentences(data: Path) -> list[str]:
    """The seeds' sentences, plus the NYT sentences when the shared data is present."""
    return [s for article in bench_articles(data) for s in article]


CLOCKS: dict[str, Callable[[], float]] = {"wall": time.perf_counter, "cpu": time.process_time}


def timed(run: Callable[[Sequence[str]], object], sentences: Sequence[str], repeats: int,
          before: Callable[[], None] = lambda: None,
          clock: Callable[[], float] = time.perf_counter) -> float:
    """The best of ``repeats`` passes over the sentences, in seconds of ``clock``."""
    best = float("inf")
    for _ in range(repeats):
        before()
        started = clock()
        run(sentences)
        best = min(best, clock() - started)
    return best


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="wall",
                        help="time passes by the wall clock or by the process's CPU time")
    args = parser.parse_args(argv)
    clock = CLOCKS[args.clock]
    articles = bench_articles(args.data)
    sentences = [s for article in articles for s in article]

    started = time.perf_counter()
    tone_news.model()
    tone_news.network()
    load = time.perf_counter() - started
    vader = SentimentIntensityAnalyzer()
    rating, ratings = tone_news.rating, tone_news.ratings

    def vader_pass(texts: Sequence[str]) -> None:
        for text in texts:
            vader.polarity_scores(text)

    def news_pass(texts: Sequence[str]) -> None:
        # as framescope analyze scores them: an article's sentences together
        for group in articles:
            ratings(group)

    def chunk_pass(texts: Sequence[str]) -> None:
        # as a pool worker scores a chunk's tones: its articles' sentences together
        for start in range(0, len(articles), MAX_CHUNK):
            ratings([s for group in articles[start:start + MAX_CHUNK] for s in group])

    def single_pass(texts: Sequence[str]) -> None:
        for text in texts:
            rating(text)

    def cold() -> None:
        tone.clear_caches()

    def warm() -> None:
        for text in sentences:
            tone.polarity_scores(text)

    baseline = timed(vader_pass, sentences, args.repeats, clock=clock)
    extra = timed(news_pass, sentences, args.repeats, before=warm, clock=clock)
    alone = timed(news_pass, sentences, args.repeats, before=cold, clock=clock)
    chunk = timed(chunk_pass, sentences, args.repeats, before=warm, clock=clock)
    single = timed(single_pass, sentences, args.repeats, before=warm, clock=clock)
    n = len(sentences)
    nyt = " + NYT" if (args.data / "vader-nyt" / "nyt_train.tsv").is_file() else ""
    sys.stdout.write(
        f"{n:,} sentences (seeds{nyt}), best of {args.repeats} passes"
        f"{' (CPU time)' if args.clock == 'cpu' else ''}\n"
        f"model files loaded once: {load * 1000:.0f} ms\n"
        f"VADER polarity_scores:             {baseline / n * 1e6:7.1f} µs/sentence\n"
        f"tone_news, VADER already known:    {extra / n * 1e6:7.1f} µs/sentence"
        f"   ratio to VADER {extra / baseline:.2f}\n"
        f"tone_news alone (VADER included):  {alone / n * 1e6:7.1f} µs/sentence"
        f"   ratio to VADER {alone / baseline:.2f}\n"
        f"tone_news, {MAX_CHUNK} articles together, VADER known: {chunk / n * 1e6:5.1f} µs/sentence"
        f"   ratio to VADER {chunk / baseline:.2f}\n"
        f"  (articles: {len(articles):,}; tone_news one sentence at a time, VADER known: "
        f"{single / n * 1e6:.1f} µs/sentence, ratio {single / baseline:.2f})\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
