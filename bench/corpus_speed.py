"""Speed of ``framescope analyze`` on a corpus, as a ratio to VADER alone, in one run.

    .venv/bin/python bench/corpus_speed.py [--articles 2400] [--outlets 12] [--repeats 3]

Builds a corpus of news articles with wire copy in a temporary folder
(bench/news_corpus.py: PolNeAR texts and the seeds, or synthetic news when
PolNeAR is absent), then times on that same corpus:

(a) the baseline: VADER's ``polarity_scores`` on every sentence of every
    article (as the readers split them), one after another in one process,
    with nothing cached: the least any tone analysis pays;
(b) the full ``framescope analyze --no-charts`` of the real command line, as a
    fresh subprocess (start-up, reading, layout, cues, tone, scores, CSV files),
    with its default engine (a process pool over every core);
(c) for reference, the same with ``--jobs 1`` (one process; the caches only).

Goal: (b) / (a) <= 1. Medians of ``--repeats`` runs. Not a test: the figures
that count are ratios measured in the same run; the load average is printed
beside them because other work on the machine slows (b) more than (a).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_common import children_cpu, framescope_command, load
from news_corpus import build_corpus
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from models.engines import available_cores
from models.readers import read_paths

CPU: dict[str, list[float]] = {"vader": [], "full": [], "serial": [], "engine": []}


def time_vader(sentences: list[str]) -> float:
    vader = SentimentIntensityAnalyzer()
    started, cpu = time.perf_counter(), time.process_time()
    for sentence in sentences:
        vader.polarity_scores(sentence)
    CPU["vader"].append(time.process_time() - cpu)
    return time.perf_counter() - started


def time_analyze(corpus: Path, out: Path, jobs: int | None) -> float:
    command = [*framescope_command(), "analyze", str(corpus), "--out", str(out),
               "--no-charts", "--quiet"]
    if jobs is not None:
        command += ["--jobs", str(jobs)]
    started, cpu = time.perf_counter(), children_cpu()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    CPU["full" if jobs is None else "serial"].append(children_cpu() - cpu)
    if done.returncode != 0:
        sys.exit(f"framescope analyze failed ({done.returncode}):\n{done.stderr}")
    return elapsed


ENGINE_ONLY = (
    "import sys\n"
    "from models.engines import ProcessPoolEngine\n"
    "from models.pipeline import analyze_paths\n"
    "if __name__ == '__main__':\n"
    "    corpus = analyze_paths([sys.argv[1]], engine=ProcessPoolEngine())\n"
    "    print(len(corpus.analyses))\n"
)


def time_engine_only(corpus: Path) -> float:
    """(d): read and score (models.pipeline.analyze_paths on the pool), in a fresh process."""
    started, cpu = time.perf_counter(), children_cpu()
    done = subprocess.run([sys.executable, "-c", ENGINE_ONLY, str(corpus)],
                          capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    CPU["engine"].append(children_cpu() - cpu)
    if done.returncode != 0:
        sys.exit(f"analyze_paths failed:\n{done.stderr}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2400)
    parser.add_argument("--outlets", type=int, default=12)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="framescope-bench-"))
    try:
        info = build_corpus(tmp / "corpus", articles=args.articles, outlets=args.outlets)
        articles = read_paths([info.folder]).articles
        sentences = [s.text for a in articles for s in a.sentences]
        distinct = len(set(sentences))
        sys.stdout.reconfigure(line_buffering=True)
        print(f"machine: {available_cores()} cores available ({os.cpu_count()} in all)")
        print(f"corpus: {len(articles)} articles ({info.originals} originals from {info.source}, "
              f"the rest wire copies) from {info.outlets} outlets")
        print(f"        {len(sentences)} sentences, {distinct} distinct "
              f"({1 - distinct / len(sentences):.0%} repeated)")
        print(f"before: {load()}")
        vader, full, serial, engine = [], [], [], []
        for i in range(args.repeats):
            vader.append(time_vader(sentences))
            engine.append(time_engine_only(info.folder))
            full.append(time_analyze(info.folder, tmp / f"out-{i}", None))
            serial.append(time_analyze(info.folder, tmp / f"serial-{i}", 1))
        same = (tmp / "out-0" / "scores.csv").read_bytes() == (
            tmp / "serial-0" / "scores.csv").read_bytes()
        a, b, c = (statistics.median(x) for x in (vader, full, serial))
        n = len(articles)
        print(f"after:  {load()}")
        print(f"(a) VADER alone, every sentence, one process: {a:.2f} s "
              f"({n / a:,.0f} articles/s)   runs: {', '.join(f'{x:.2f}' for x in vader)}")
        print(f"(b) framescope analyze --no-charts (all cores): {b:.2f} s "
              f"({n / b:,.0f} articles/s)   runs: {', '.join(f'{x:.2f}' for x in full)}")
        print(f"(c) framescope analyze --no-charts --jobs 1:    {c:.2f} s "
              f"({n / c:,.0f} articles/s)   runs: {', '.join(f'{x:.2f}' for x in serial)}")
        d = statistics.median(engine)
        print(f"(d) reading and scoring only (analyze_paths on the pool, fresh process): "
              f"{d:.2f} s ({n / d:,.0f} articles/s); ratio (d)/(a): {d / a:.2f}")
        print(f"scores.csv identical with all cores and with --jobs 1: {same}")
        print(f"ratio (b)/(a): {b / a:.2f}   (goal <= 1)")
        print(f"ratio (c)/(a): {c / a:.2f}   ratio (b)/(c): {b / c:.2f}")
        va, fu, se, en = (
            statistics.median(CPU[k]) for k in ("vader", "full", "serial", "engine")
        )
        print(f"CPU time (all processes; less sensitive to other load): (a) {va:.2f} s, "
              f"(b) {fu:.2f} s, (c) {se:.2f} s, (d) {en:.2f} s; (b)/(a) {fu / va:.2f}, "
              f"(c)/(a) {se / va:.2f}, (d)/(a) {en / va:.2f}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
