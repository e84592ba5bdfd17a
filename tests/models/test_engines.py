"""Engines: the process pool gives exactly the serial results, reports failures, stops.

Worker processes are started with ``spawn``: the functions handed to them
here are module-level so the workers can import them by name.
"""

from __future__ import annotations

import importlib
import logging
import multiprocessing
import os
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from models.article import Article, ReadError
from models.cues import CueFinder
from models.engines import (
    CachingCueFinder,
    EngineUnavailable,
    ProcessPoolEngine,
    SerialEngine,
    chunks_by_similarity,
    make_engine,
)
from models.export import write_errors_csv, write_scores_csv
from models.features import ArticleAnalysis, analyze_article, analyze_articles, texts_to_articles
from models.pipeline import analyze_paths
from models.progress import Cancelled, NullProgress
from models.readers import read_paths
from tests.timing import Moment, between, moment

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"

_PHRASES = (
    "Officials said the plan could raise taxes for millions of families.",
    "The minister reportedly warned that talks may collapse, according to two sources.",
    "Critics called the deal a disaster, but analysts insisted it will certainly work.",
    "An anonymous official told reporters the figures were probably wrong.",
    "The company denied the claims in a statement released late on Monday.",
    "It is not likely that the vote will be delayed, the spokesperson for the agency said.",
    "Protesters gathered outside parliament as police looked on.",
    "Economists suggest prices might fall sharply next year.",
)


def synthetic_corpus(n: int, seed: int = 3) -> list[Article]:
    """``n`` news-like articles; many share sentences, as wire copy does."""
    rng = random.Random(seed)
    stories = [
        " ".join(rng.choice(_PHRASES) + f" Story {k} line {j}." for j in range(rng.randint(3, 9)))
        for k in range(max(1, n // 3))
    ]
    texts = [stories[i % len(stories)] + f" Copy {i} ran in outlet {i % 7}." for i in range(n)]
    return texts_to_articles(texts)


def explode_on_copy_5(article: Article, finder: CueFinder) -> ArticleAnalysis:
    """An analysis that raises on one article (text-5), as a bug in a measure would."""
    if article.article_id == "text-5":
        raise ValueError("a measure failed on this article")
    return analyze_article(article, finder)


def die_on_copy_7(article: Article, finder: CueFinder) -> ArticleAnalysis:
    """Kills the worker process on one article, as a crash in a C extension would."""
    if article.article_id == "text-7":
        os._exit(3)
    return analyze_article(article, finder)


def slow_analysis(article: Article, finder: CueFinder) -> ArticleAnalysis:
    time.sleep(0.05)
    return analyze_article(article, finder)


class CancelAfter(NullProgress):
    """Cancels once ``reports`` progress reports have arrived; records when, on the
    thread that reports (the one that runs the session and stops its workers)."""

    def __init__(self, reports: int) -> None:
        self.reports = reports
        self.cancelled_at: Moment | None = None

    def set_progress(self, fraction: float) -> None:
        self.reports -= 1
        if self.reports <= 0 and self.cancelled_at is None:
            self.cancelled_at = moment()

    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None


def assert_stopped_within_a_second(
    progress: CancelAfter, stopped: list[tuple[Any, Moment]]
) -> None:
    """The issue's "Cancel stops work within a second", as far as the code decides it:
    from the cancel to the last worker sent SIGTERM (it runs none of its work after
    that), under a second of wall time less the time the session's thread waited for a
    core (the machine's load: tests.timing). Each worker then ends of that signal, and
    none is left."""
    import signal

    assert progress.cancelled_at is not None
    assert stopped, "no worker process was stopped"
    wall, waited = between(progress.cancelled_at, max(when for _, when in stopped))
    assert wall - waited < 1.0, (
        f"workers stopped {wall:.2f} s after the cancel, {waited:.2f} s of it waiting for a core")
    for process, _ in stopped:
        process.join(60)  # the kernel ends it as soon as it gets a core
        assert process.exitcode == -signal.SIGTERM, (process, process.exitcode)
    assert multiprocessing.active_children() == []


@pytest.fixture(scope="module")
def seed_articles() -> list[Article]:
    return read_paths([SEEDS]).articles


def test_caching_finder_gives_the_plain_finders_spans(seed_articles: list[Article]) -> None:
    plain, cached = CueFinder(), CachingCueFinder()
    for article in seed_articles + seed_articles:  # the second pass is served from the cache
        assert cached.find_in_article(article) == plain.find_in_article(article)
    assert cached.hits > 0 and cached.misses > 0


def test_pool_equals_serial_on_the_seeds(seed_articles: list[Article]) -> None:
    reference = analyze_articles(seed_articles)
    pooled = ProcessPoolEngine(jobs=2, min_articles=1, chunk=2).analyze(
        seed_articles, NullProgress()
    )
    assert pooled.errors == []
    assert pooled.analyses == reference
    assert [a.scores for a in pooled.analyses] == [a.scores for a in reference]


def test_pool_equals_serial_on_a_synthetic_corpus() -> None:
    articles = synthetic_corpus(150)
    reference = analyze_articles(articles)
    pooled = ProcessPoolEngine(jobs=2, chunk=8).analyze(articles, NullProgress())
    serial = SerialEngine().analyze(articles, NullProgress())
    assert pooled.analyses == reference
    assert serial.analyses == reference
    # Spans, tones and every score, exactly (floats compared for equality).
    for mine, theirs in zip(pooled.analyses, reference, strict=True):
        assert mine.scores.as_dict() == theirs.scores.as_dict()
        assert mine.spans == theirs.spans
        assert mine.sentence_tones == theirs.sentence_tones


def test_chunks_keep_copies_of_a_story_together() -> None:
    articles = synthetic_corpus(60)
    chunks = chunks_by_similarity(articles, 10)
    assert sorted(p for chunk in chunks for p, _ in chunk) == list(range(60))
    # text-0, text-20 and text-40 are copies of one story: one chunk holds them.
    where = {p: n for n, chunk in enumerate(chunks) for p, _ in chunk}
    assert len({where[0], where[20], where[40]}) == 1


@pytest.mark.parametrize("engine_kind", ["serial", "pool"])
def test_an_article_whose_analysis_raises_is_reported_and_the_rest_go_on(
    engine_kind: str, caplog: pytest.LogCaptureFixture
) -> None:
    # The reason was "the analysis failed: ValueError: a measure failed on this article",
    # a Python class name told to the user (s33): now plain words, and the exception with
    # its traceback in the error's detail and in the log of this process, where the
    # results are gathered (a worker process has no log of its own).
    from models.engines import ANALYSIS_FAILED

    articles = synthetic_corpus(60)
    engine = (
        SerialEngine(explode_on_copy_5) if engine_kind == "serial"
        else ProcessPoolEngine(jobs=2, analyse=explode_on_copy_5, min_articles=1, chunk=4)
    )
    with caplog.at_level(logging.INFO, logger="framescope"):
        result = engine.analyze(articles, NullProgress())
    assert result.errors == [ReadError("text-5", ANALYSIS_FAILED)]
    assert "ValueError" not in ANALYSIS_FAILED and "log" in ANALYSIS_FAILED
    [error] = result.errors
    first, *rest = error.detail.splitlines()
    assert first == "ValueError: a measure failed on this article"
    assert rest[0] == "Traceback (most recent call last):"
    assert any("explode_on_copy_5" in line for line in rest)
    [record] = [r for r in caplog.records if r.name == "framescope.engines"]
    assert record.levelno == logging.ERROR
    assert record.getMessage() == f"text-5: {ANALYSIS_FAILED}\n{error.detail}"
    expected = [a for a in analyze_articles(articles) if a.article_id != "text-5"]
    assert result.analyses == expected


def report_the_collector(article: Article, finder: CueFinder) -> ArticleAnalysis:
    """Fails on purpose, saying whether the worker's garbage collector is on."""
    import gc

    raise RuntimeError(f"collector on: {gc.isenabled()}")


def test_workers_collect_garbage_though_the_process_that_forks_them_does_not() -> None:
    """framescope analyze turns its own collector off for the run (desktop/cli.py);
    a forked worker inherits that, and turns its own back on."""
    import gc

    gc.disable()
    try:
        result = ProcessPoolEngine(jobs=2, analyse=report_the_collector, min_articles=1,
                                   chunk=2, start_method="fork").analyze(
            synthetic_corpus(6), NullProgress())
    finally:
        gc.enable()
    assert {e.detail.splitlines()[0] for e in result.errors} == {
        "RuntimeError: collector on: True"}
    assert len(result.errors) == 6


def test_a_worker_that_dies_costs_only_its_article() -> None:
    articles = synthetic_corpus(40)
    result = ProcessPoolEngine(jobs=2, analyse=die_on_copy_7, min_articles=1, chunk=5).analyze(
        articles, NullProgress()
    )
    assert [e.file for e in result.errors] == ["text-7"]
    assert "worker process ended unexpectedly" in result.errors[0].reason
    expected = [a for a in analyze_articles(articles) if a.article_id != "text-7"]
    assert result.analyses == expected


def test_cancel_stops_the_pool_within_a_second(
    stopped_workers: list[tuple[Any, Moment]],
) -> None:
    articles = synthetic_corpus(400)  # 400 x 50 ms: 10 s of work on two workers
    progress = CancelAfter(reports=2)
    engine = ProcessPoolEngine(jobs=2, analyse=slow_analysis, chunk=4)
    with pytest.raises(Cancelled):
        engine.analyze(articles, progress)
    # A behavioural bound, not a benchmark: the issue asks for under a second.
    assert len(stopped_workers) == 2
    assert_stopped_within_a_second(progress, stopped_workers)


def test_analyze_paths_writes_a_failed_article_to_errors_csv(tmp_path: Path) -> None:
    corpus = analyze_paths([SEEDS], engine=SerialEngine(_explode_on_seed_2))
    assert len(corpus.analyses) == 4
    [error] = corpus.errors
    assert error.file.endswith("002_14618085202ce7d7.txt")
    write_errors_csv(tmp_path / "errors.csv", corpus.errors)
    text = (tmp_path / "errors.csv").read_text(encoding="utf-8")
    # The plain reason, columns unchanged; Python's words are the log's, not the table's.
    from models.engines import ANALYSIS_FAILED

    assert text.splitlines()[0] == "file,reason"
    assert "002_14618085202ce7d7.txt" in text and ANALYSIS_FAILED in text
    assert "RuntimeError" not in text and "seed 2 broke" not in text


def _explode_on_seed_2(article: Article, finder: CueFinder) -> ArticleAnalysis:
    if article.article_id.startswith("002_"):
        raise RuntimeError("seed 2 broke")
    return analyze_article(article, finder)


def test_pool_run_of_analyze_paths_matches_serial_csv(tmp_path: Path) -> None:
    pooled = analyze_paths([SEEDS], engine=ProcessPoolEngine(jobs=2, min_articles=1, chunk=1))
    serial = analyze_paths([SEEDS])
    write_scores_csv(tmp_path / "pool.csv", pooled.analyses)
    write_scores_csv(tmp_path / "serial.csv", serial.analyses)
    assert (tmp_path / "pool.csv").read_bytes() == (tmp_path / "serial.csv").read_bytes()


def test_make_engine() -> None:
    assert isinstance(make_engine("local", jobs=3), ProcessPoolEngine)
    with pytest.raises(EngineUnavailable, match="--scheduler"):
        make_engine("dask")
    with pytest.raises(EngineUnavailable, match="unknown engine"):
        make_engine("spark")


_DIES_AT_START = '''
"""Imported again in a pool worker, it ends the process before any work (a broken install)."""
import os

from models.features import analyze_article

if os.environ.get("FRAMESCOPE_TEST_DIE_AT_START"):
    os._exit(5)


def analyse(article, finder):
    return analyze_article(article, finder)
'''


class Statuses(NullProgress):
    def __init__(self) -> None:
        self.statuses: list[str] = []

    def set_status(self, text: str) -> None:
        self.statuses.append(text)


@pytest.fixture
def dies_at_start(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ModuleType]:
    """A module of analyses that the pool's workers cannot import without ending."""
    (tmp_path / "dies_at_start.py").write_text(_DIES_AT_START, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    module = importlib.import_module("dies_at_start")
    monkeypatch.setenv("FRAMESCOPE_TEST_DIE_AT_START", "1")  # only the workers import it now
    yield module
    sys.modules.pop("dies_at_start", None)


def test_workers_that_cannot_start_do_not_hang_the_run(dies_at_start: ModuleType) -> None:
    """Workers that end before taking any work are replaced only a few times; then the
    session says so and analyses (and reads) the rest itself, with the same results."""
    module = dies_at_start
    articles = synthetic_corpus(40)
    progress = Statuses()
    engine = ProcessPoolEngine(jobs=2, chunk=4, min_articles=8, analyse=module.analyse)
    started = time.monotonic()
    result = engine.analyze(articles, progress)
    assert time.monotonic() - started < 60  # it ends; before the fix it never did
    assert result.errors == []
    assert result.analyses == analyze_articles(articles)
    assert any("ended as soon as they started (exit code 5)" in s for s in progress.statuses)


def test_readers_that_cannot_start_do_not_hang_the_reading(
    tmp_path: Path, dies_at_start: ModuleType
) -> None:
    module = dies_at_start
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(30):
        (corpus / f"a{i:02}.txt").write_text(
            f"Story {i}\n\nOfficials said the plan {i} could raise taxes, according to "
            f"two sources. Critics insisted it will certainly work {i}.\n",
            encoding="utf-8",
        )
    engine = ProcessPoolEngine(jobs=2, min_articles=8, analyse=module.analyse)
    result = analyze_paths([corpus], engine=engine)
    reference = analyze_paths([corpus], engine=SerialEngine())
    assert [a.scores for a in result.analyses] == [a.scores for a in reference.analyses]
    assert len(result.analyses) == 30
