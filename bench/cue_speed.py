"""Speed of the cue finder against VADER, on the same seed sentences in the same run.

    .venv/bin/python bench/cue_speed.py [repeats]

Not a test: absolute timings depend on the machine, so the figure that counts is
the ratio to the baseline, VADER's polarity_scores on every sentence (the least
any tone analysis pays). A ratio below 1 means cue finding costs less than tone.
"""

from __future__ import annotations

import re
import sys
import time

import bench_common  # noqa: F401  (this checkout's models and desktop, not the installed one)
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from models.cues import CueFinder
from models.lexicons import load_lexicon
from models.resources import seeds_dir

_SENTENCE_END = re.compile(r"(?<=[.!?])[”\"’]?\s+(?=[“\"‘A-Z])")


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    sentences = [
        sentence
        for path in sorted(seeds_dir().glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        for sentence in _SENTENCE_END.split(line.strip())
        if sentence
    ]
    started = time.perf_counter()
    finder = CueFinder(load_lexicon())
    built = time.perf_counter() - started
    started = time.perf_counter()
    spans = 0
    for _ in range(repeats):
        for sentence in sentences:
            spans += len(finder.find(sentence))
    elapsed = time.perf_counter() - started
    vader = SentimentIntensityAnalyzer()
    started = time.perf_counter()
    for _ in range(repeats):
        for sentence in sentences:
            vader.polarity_scores(sentence)
    baseline = time.perf_counter() - started
    mean_chars = sum(map(len, sentences)) / len(sentences)
    print(f"lexicon load + compile: {built * 1000:.1f} ms")
    print(f"{len(sentences)} seed sentences (mean {mean_chars:.0f} characters) x {repeats}")
    print(
        f"cue finder: {repeats * len(sentences) / elapsed:,.0f} sentences/s, "
        f"{spans // repeats} spans per pass"
    )
    print(f"baseline, VADER: {repeats * len(sentences) / baseline:,.0f} sentences/s")
    print(f"ratio cue finder / VADER time: {elapsed / baseline:.2f}")


if __name__ == "__main__":
    main()
