"""CPU of each corpus table of ``framescope analyze``, stage by stage, in one process.

    .venv/bin/python bench/tables_speed.py [--articles 2400] [--outlets 12] [--repeats 3]
                                           [--out FOLDER] [--profile STAGE]

Builds the corpus of bench/corpus_speed.py (bench/news_corpus.py: PolNeAR texts
and the seeds with wire copies), reads and scores it once on the process pool
(models.pipeline.analyze_paths), then, ``--repeats`` times in this process, runs
each stage that :func:`models.corpus_tables.write_corpus_tables` runs after
scoring, with the garbage collector as it has it (off), and prints its CPU seconds
(``time.process_time``: this process's threads; the stages use no pool):

* ``basic``: scores.csv, outlets.csv, spans.csv, errors.csv;
* ``claims``: align_claims and claims.csv;
* ``sources``: find_sources and sources.csv;
* ``reuse``: find_reuse (given the sources) and reuse.csv;
* ``emphasis``: topics.csv, distinctive_words.csv, off_story.csv.

Not a test and no absolute figure counts: compare trees by alternating runs of
this script in the same minutes (``PYTHONPATH=/path/to/other/tree`` makes it
measure that tree's ``models``), with the load average printed beside them.
``--out`` keeps the CSVs of the last repeat (to compare trees' files byte for
byte); ``--profile STAGE`` prints a cProfile of that stage's last repeat.

``--parts`` also prints the CPU seconds of the named steps of the claims and the
emphasis tables (:data:`PARTS`), measured without a profiler: cProfile about doubles
these stages' CPU (their millions of small calls), so its shares mislead. Each step's
figure includes the steps it calls (``_groups`` is inside ``PreparedClaims.align``),
and the stages' totals then include the timing's own small cost (one wrapper per call).
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import gc
import importlib
import pstats
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from bench_common import load
from news_corpus import build_corpus

import models
from models.corpus_tables import _preload, no_collection
from models.engines import ProcessPoolEngine
from models.pipeline import analyze_paths

if TYPE_CHECKING:
    from models.features import ArticleAnalysis
    from models.sources import Source

Stage = Callable[[Path, "Sequence[ArticleAnalysis]"], None]


def _basic(out: Path, analyses: Sequence[ArticleAnalysis]) -> None:
    from models.export import write_errors_csv, write_outlets_csv, write_scores_csv, write_spans_csv

    write_scores_csv(out / "scores.csv", analyses)
    write_outlets_csv(out / "outlets.csv", analyses)
    write_spans_csv(out / "spans.csv", analyses)
    write_errors_csv(out / "errors.csv", [])


def _claims(out: Path, analyses: Sequence[ArticleAnalysis]) -> None:
    from models.claims import DEFAULT_THRESHOLD, align_claims
    from models.export import write_claims_csv

    write_claims_csv(out / "claims.csv", align_claims(analyses, DEFAULT_THRESHOLD))


_SOURCES: list[Source] = []


def _sources(out: Path, analyses: Sequence[ArticleAnalysis]) -> None:
    from models.export import write_sources_csv
    from models.sources import find_sources

    _SOURCES[:] = find_sources(analyses)
    write_sources_csv(out / "sources.csv", analyses, _SOURCES)


def _reuse(out: Path, analyses: Sequence[ArticleAnalysis]) -> None:
    from models.export import write_reuse_csv

    write_reuse_csv(out / "reuse.csv", analyses, _SOURCES)


def _emphasis(out: Path, analyses: Sequence[ArticleAnalysis]) -> None:
    from models.corpus_tables import write_emphasis

    write_emphasis(out, analyses)


STAGES: dict[str, Stage] = {
    "basic": _basic, "claims": _claims, "sources": _sources, "reuse": _reuse,
    "emphasis": _emphasis,
}


#: The steps ``--parts`` times, as "module:attribute" (a function, or a class's method).
PARTS: dict[str, tuple[str, ...]] = {
    "claims": (
        "models.claims:PreparedClaims.__init__", "models.claims:promotion_or_note",
        "models.claims:claim_content", "models.claims:Synonyms.stems",
        "models.claims:_distinct_vectors", "models.claims:_candidate_pairs",
        "models.claims:_pair_similarities", "models.claims:PreparedClaims.align",
        "models.claims:_groups", "models.claims:PreparedClaims._sentence_certainty",
        "models.export:write_claims_csv",
    ),
    "emphasis": (
        "models.emphasis:_counted_words", "models.emphasis:_topics", "models.emphasis:_nmf",
        "models.emphasis:_support", "models.emphasis:_distinctive",
        "models.export:write_csv_cells",
    ),
}


@contextmanager
def timed_parts(parts: Sequence[str], cpu: dict[str, float]) -> Iterator[None]:
    """Meanwhile, each of ``parts`` ("module:attribute", see :data:`PARTS`) adds the CPU
    seconds of its calls (``time.process_time``, its callees included) to ``cpu[part]``;
    the originals are put back after. A part is replaced where it is defined, so a caller
    that imported it by name before (``from models.x import f``) calls the original."""
    replaced: list[tuple[object, str, object]] = []

    def timing(part: str, original: Callable[..., object]) -> Callable[..., object]:
        @functools.wraps(original)
        def timed(*args: object, **kwargs: object) -> object:
            started = time.process_time()
            try:
                return original(*args, **kwargs)
            finally:
                cpu[part] = cpu.get(part, 0.0) + time.process_time() - started
        return timed

    try:
        for part in parts:
            module, _, path = part.partition(":")
            *outer, name = path.split(".")
            owner: object = importlib.import_module(module)
            for step in outer:
                owner = getattr(owner, step)
            original = owner.__dict__[name] if isinstance(owner, type) else getattr(owner, name)
            replaced.append((owner, name, original))
            setattr(owner, name, timing(part, original))
        yield
    finally:
        for owner, name, original in reversed(replaced):
            setattr(owner, name, original)


def _forget_caches() -> None:
    """Empty the caches a table keeps between calls in one process, so that every
    repeat does the work of one run (a run of ``framescope analyze`` starts empty)."""
    from models import sources

    for name in ("_name_of", "_term_pattern"):
        cached = getattr(sources, name, None)
        if cached is not None and hasattr(cached, "cache_clear"):
            cached.cache_clear()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2400)
    parser.add_argument("--outlets", type=int, default=12)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--out", type=Path, help="keep the last repeat's CSVs here")
    parser.add_argument("--profile", choices=sorted(STAGES), help="cProfile this stage")
    parser.add_argument("--parts", action="store_true",
                        help="also time the claims' and emphasis tables' steps (PARTS)")
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)

    tmp = Path(tempfile.mkdtemp(prefix="framescope-tables-"))
    try:
        info = build_corpus(tmp / "corpus", articles=args.articles, outlets=args.outlets)
        analyses = analyze_paths([info.folder], engine=ProcessPoolEngine()).analyses
        print(f"models from: {Path(models.__file__).parent}")
        print(f"corpus: {len(analyses)} articles ({info.originals} originals from "
              f"{info.source}) from {info.outlets} outlets")
        _preload()
        print(f"before: {load()}")
        cpu: dict[str, list[float]] = {name: [] for name in STAGES}
        part_cpu: dict[str, list[float]] = {}
        for repeat in range(args.repeats):
            out = tmp / f"out-{repeat}"
            out.mkdir()
            last = repeat == args.repeats - 1
            _forget_caches()
            for name, stage in STAGES.items():
                profiler = cProfile.Profile() if last and name == args.profile else None
                parts = PARTS.get(name, ()) if args.parts and profiler is None else ()
                steps: dict[str, float] = dict.fromkeys(parts, 0.0)
                gc.collect()
                # no collection, as write_corpus_tables runs them
                with no_collection(), timed_parts(parts, steps):
                    started = time.process_time()
                    if profiler is not None:
                        profiler.enable()
                    stage(out, analyses)
                    if profiler is not None:
                        profiler.disable()
                    cpu[name].append(time.process_time() - started)
                for part, seconds in steps.items():
                    part_cpu.setdefault(part, []).append(seconds)
                if profiler is not None:
                    pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)
        print(f"after:  {load()}")
        total = [sum(runs) for runs in zip(*cpu.values(), strict=True)]
        for name, runs in [*cpu.items(), ("total", total)]:
            print(f"{name:>9}: {statistics.median(runs):6.2f} CPU-s (median)   runs: "
                  f"{', '.join(f'{x:.2f}' for x in runs)}")
        for part, runs in part_cpu.items():
            print(f"  {part}: {statistics.median(runs):.3f} CPU-s (median)   runs: "
                  f"{', '.join(f'{x:.3f}' for x in runs)}")
        if args.out is not None:
            shutil.rmtree(args.out, ignore_errors=True)
            shutil.copytree(tmp / f"out-{args.repeats - 1}", args.out)
            print(f"CSVs of the last repeat in {args.out}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
