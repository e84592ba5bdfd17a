"""Where the CPU time of reading and scoring a corpus goes, per process and per stage.

    .venv/bin/python bench/scoring_split.py [--articles 2400] [--outlets 12] [--jobs 0]
                                            [--corpus FOLDER]

The work is corpus_speed.py's (d): ``models.pipeline.analyze_paths`` on the process
pool, in a fresh process, on the same corpus (bench/news_corpus.py; or ``--corpus``, a
folder of files). The stage functions are wrapped by name (:data:`STAGES`) to add up
their CPU time (``time.process_time``; a stage called inside another counts in the
inner one only, and so does a garbage collection inside a stage). The pool forks its
workers (Linux, no thread, no Qt): they inherit the wrappers and write their own split
when they end. Prints, per process and summed over them, each stage's CPU seconds,
what the caches saw (distinct sentences scored against sentences met), and "other":
the process's whole CPU time (``getrusage``) less its stages' (interpreter start,
imports, the parent's reading loop and waiting).

Not a test: the split counts, not the absolute figures (a wrapped call costs about a
microsecond more; other work on the machine is in the load average printed). A
renamed stage function fails tests/bench/test_scoring_split.py, not the run.
"""

from __future__ import annotations

import argparse
import collections
import functools
import gc
import importlib
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: (module, attribute, stage): the functions whose CPU time is added up, by name.
STAGES: tuple[tuple[str, str, str], ...] = (
    ("models.readers", "read_outcome", "read: file, layout, sentences"),
    ("models.cues", "CueFinder.find_in_article", "cues: hedges, attribution, sources"),
    ("models.features", "sentence_tones", "tone: VADER"),
    ("models.features", "news_tones", "tone_news model"),
    ("models.features", "score_spans", "scores: counts, headline, sensational"),
    ("models.engines", "prime_for_fork", "start: models loaded before the fork"),
    ("models.engines", "_PoolSession._slot_for", "routing articles to workers"),
    ("models.engines", "compact", "results: packed to tuples"),
    ("models.engines", "expand", "results: rebuilt from tuples"),
    ("models.engines", "pack_article", "articles: packed to tuples"),
    ("models.engines", "unpack_article", "articles: rebuilt from tuples"),
    ("multiprocessing.connection", "_ConnectionBase.send", "pipes: pickle and send"),
    ("multiprocessing.connection", "_ConnectionBase.recv", "pipes: receive and unpickle"),
    ("multiprocessing.queues", "Queue.get", "task queue: receive and unpickle"),
)
GC = "garbage collection"

_OWN: collections.Counter[str] = collections.Counter()
_CALLS: collections.Counter[str] = collections.Counter()
_INNER: list[float] = []  # per stage running: the CPU time of what ran inside it
_GC_STARTED = [0.0]


def _wrapped(function: Callable[..., Any], stage: str) -> Callable[..., Any]:
    @functools.wraps(function)
    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.process_time()
        _INNER.append(0.0)
        try:
            return function(*args, **kwargs)
        finally:
            took = time.process_time() - started
            _OWN[stage] += took - _INNER.pop()
            _CALLS[stage] += 1
            if _INNER:
                _INNER[-1] += took

    return timed


def _collecting(phase: str, _info: dict[str, Any]) -> None:
    if phase == "start":
        _GC_STARTED[0] = time.process_time()
        return
    took = time.process_time() - _GC_STARTED[0]
    _OWN[GC] += took
    _CALLS[GC] += 1
    if _INNER:
        _INNER[-1] += took


def resolve(module_name: str, attribute: str) -> tuple[Any, str]:
    """The object holding ``attribute`` (a dotted class.method, or a module's name)."""
    owner: Any = importlib.import_module(module_name)
    *path, name = attribute.split(".")
    for part in path:
        owner = getattr(owner, part)
    return owner, name


def install() -> None:
    for module_name, attribute, stage in STAGES:
        owner, name = resolve(module_name, attribute)
        setattr(owner, name, _wrapped(getattr(owner, name), stage))
    gc.callbacks.append(_collecting)


def _caches() -> dict[str, int]:
    from models import tone, tone_news
    from models.engines import process_finder

    finder = process_finder()
    vader = tone.polarity_scores.cache_info()
    return {
        "cue finder: sentences scored": finder.misses,
        "cue finder: sentences met": finder.misses + finder.hits,
        "VADER: sentences scored": vader.misses,
        "tone_news: sentences scored": len(tone_news._KNOWN),
    }


def _report(folder: Path, role: str) -> None:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    split = {
        "role": role, "pid": os.getpid(), "total": usage.ru_utime + usage.ru_stime,
        "system": usage.ru_stime, "stages": dict(_OWN), "calls": dict(_CALLS),
        "caches": _caches(),
    }
    (folder / f"{role}-{os.getpid()}.json").write_text(json.dumps(split), encoding="utf-8")


def child(corpus: Path, folder: Path, jobs: int) -> None:
    """The measured run (in a fresh process)."""
    from models import engines
    from models.pipeline import analyze_paths

    install()
    worker_main = engines._worker_main

    def measured_worker(*args: Any, **kwargs: Any) -> None:
        _OWN.clear()  # what the parent counted before the fork is the parent's
        _CALLS.clear()
        try:
            worker_main(*args, **kwargs)
        finally:
            _report(folder, "worker")

    engines._worker_main = measured_worker  # type: ignore[assignment]  # looked up at start
    method = engines.start_method()  # before the run: its queues' threads may still be there
    if method != "fork" and jobs != 1:
        sys.exit(f"workers would be started by {method}, without the wrappers: "
                 "only forked workers can be split (Linux); --jobs 1 splits one process")
    started = time.perf_counter()
    corpus_analysis = analyze_paths([corpus], engine=engines.ProcessPoolEngine(jobs))
    wall = time.perf_counter() - started
    _report(folder, "parent")
    (folder / "run.json").write_text(json.dumps(
        {"wall": wall, "articles": len(corpus_analysis.analyses),
         "method": method}), encoding="utf-8")


def _print_split(folder: Path) -> None:
    from bench_common import load

    run = json.loads((folder / "run.json").read_text(encoding="utf-8"))
    processes = sorted(
        (json.loads(p.read_text(encoding="utf-8")) for p in folder.glob("*-*.json")),
        key=lambda s: (s["role"] != "parent", s["pid"]),
    )
    names = [stage for _m, _a, stage in STAGES] + [GC]
    headers = ["parent" if s["role"] == "parent" else f"worker {k}"
               for k, s in enumerate(processes)]
    print(f"after:  {load()}")
    workers = len(processes) - 1
    how = f"{workers} workers ({run['method']})" if workers else "one process (no pool)"
    print(f"{run['articles']} articles, {how}, wall {run['wall']:.2f} s")
    print(f"{'CPU seconds':42}" + "".join(f"{h:>10}" for h in headers) + f"{'all':>10}"
          f"{'share':>7}")
    whole = sum(s["total"] for s in processes)

    def row(label: str, values: list[float]) -> None:
        print(f"{label:42}" + "".join(f"{v:10.2f}" for v in values) + f"{sum(values):10.2f}"
              f"{sum(values) / whole:7.0%}")

    for name in sorted(names, key=lambda n: -sum(s["stages"].get(n, 0.0) for s in processes)):
        row(name, [s["stages"].get(name, 0.0) for s in processes])
    row("other (start, imports, reading loop, waits)",
        [s["total"] - sum(s["stages"].values()) for s in processes])
    row("whole process (getrusage)", [s["total"] for s in processes])
    row("  of which system", [s["system"] for s in processes])
    for key in processes[0]["caches"]:
        values = [s["caches"][key] for s in processes]
        print(f"{key:42}" + "".join(f"{v:10d}" for v in values) + f"{sum(values):10d}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2400)
    parser.add_argument("--outlets", type=int, default=12)
    parser.add_argument("--jobs", type=int, default=0, help="worker processes (0: every core)")
    parser.add_argument("--corpus", type=Path, help="a folder to read instead of the bench corpus")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        child(args.corpus, args.child, args.jobs)
        return

    from bench_common import load

    tmp = Path(tempfile.mkdtemp(prefix="framescope-split-"))
    try:
        corpus = args.corpus
        if corpus is None:
            from news_corpus import build_corpus

            corpus = build_corpus(tmp / "corpus", articles=args.articles,
                                  outlets=args.outlets).folder
        (tmp / "split").mkdir()
        sys.stdout.reconfigure(line_buffering=True)  # type: ignore[attr-defined]
        print(f"before: {load()}")
        subprocess.run(
            [sys.executable, __file__, "--child", str(tmp / "split"), "--corpus", str(corpus),
             "--jobs", str(args.jobs)],
            check=True,
        )
        _print_split(tmp / "split")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
