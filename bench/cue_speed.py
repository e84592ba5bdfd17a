"""Hand-run speed check of the cue finder: sentences per second on the seed articles.

    .venv/bin/python bench/cue_speed.py [repeats]

Not a test: timings depend on the machine. The target is >= 5,000 sentences/s on one core.
"""

from __future__ import annotations

import re
import sys
import time

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
    mean_chars = sum(map(len, sentences)) / len(sentences)
    print(f"lexicon load + compile: {built * 1000:.1f} ms")
    print(f"{len(sentences)} seed sentences (mean {mean_chars:.0f} characters) x {repeats}")
    print(
        f"{repeats * len(sentences) / elapsed:,.0f} sentences/s, {spans // repeats} spans per pass"
    )


if __name__ == "__main__":
    main()
