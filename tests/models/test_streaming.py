"""Streaming results (``on_analysed``): the app fills its table while a run goes on.

Every engine hands each analysis to the callback once, in the order of the
result, and the streamed analyses are the very objects the run returns.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.article import Article
from models.cues import CueFinder
from models.engines import DaskEngine, ProcessPoolEngine, SerialEngine
from models.features import ArticleAnalysis, analyze_article
from models.pipeline import analyze_paths
from models.progress import NullProgress
from tests.models.test_engines import explode_on_copy_5, synthetic_corpus

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"


def _check_streamed(streamed: list[ArticleAnalysis], result: list[ArticleAnalysis]) -> None:
    assert result, "the run analysed nothing"
    assert [id(a) for a in streamed] == [id(a) for a in result]


@pytest.mark.parametrize("engine", [
    SerialEngine(),
    ProcessPoolEngine(jobs=2, min_articles=1, chunk=1),
    ProcessPoolEngine(jobs=2, min_articles=1000),  # too few articles: serial inside
], ids=["serial", "pool", "pool-below-minimum"])
def test_analyze_paths_streams_every_analysis_in_result_order(engine: object) -> None:
    streamed: list[ArticleAnalysis] = []
    corpus = analyze_paths([SEEDS], engine=engine, on_analysed=streamed.append)  # type: ignore[arg-type]
    _check_streamed(streamed, corpus.analyses)
    assert [a.article_id for a in streamed] == [a.article_id for a in analyze_paths([SEEDS]).analyses]


@pytest.mark.parametrize("engine", [
    SerialEngine(explode_on_copy_5),
    ProcessPoolEngine(jobs=2, analyse=explode_on_copy_5, min_articles=1, chunk=3),
], ids=["serial", "pool"])
def test_a_failed_article_is_skipped_and_the_rest_stream_in_order(engine: object) -> None:
    articles = synthetic_corpus(40)
    streamed: list[ArticleAnalysis] = []
    session = engine.open(NullProgress(), streamed.append)  # type: ignore[attr-defined]
    try:
        for article in articles:
            session.submit(article)
        result = session.finish()
    finally:
        session.close()
    assert len(result.errors) == 1 and "text-5" not in [a.article_id for a in streamed]
    _check_streamed(streamed, result.analyses)
    expected = [a.article_id for a in articles if a.article_id != "text-5"]
    assert [a.article_id for a in streamed] == expected


def test_dask_collecting_session_streams_in_order() -> None:
    # The Dask engine's collector streams like the others; its run is stubbed to
    # feed the collector chunk results out of order, as futures complete.
    from models.engines import _Collector, compact

    articles: list[Article] = synthetic_corpus(9)
    finder = CueFinder()
    streamed: list[ArticleAnalysis] = []
    collector = _Collector(articles, NullProgress(), streamed.append)
    packed = [(i, compact(analyze_article(a, finder)), None) for i, a in enumerate(articles)]
    collector.add(packed[3:6])
    assert streamed == []  # the first three are not done yet
    collector.add(packed[0:3])
    assert [a.article_id for a in streamed] == [a.article_id for a in articles[:6]]
    collector.add(packed[6:])
    _check_streamed(streamed, collector.result().analyses)
    assert DaskEngine("tcp://127.0.0.1:1").open(NullProgress(), streamed.append) is not None
