"""The collector's threshold during a run (models.engines.collecting_less): raised on the
main thread while analyze_paths reads and analyses, restored after, even on an error;
left alone by a run on another thread."""

from __future__ import annotations

import gc
import threading
from pathlib import Path

import pytest

from models.article import Article
from models.cues import CueFinder
from models.engines import RUN_GC_THRESHOLD, SerialEngine, collecting_less
from models.features import ArticleAnalysis, analyze_article
from models.pipeline import analyze_paths

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEEN: list[int] = []


def recording(article: Article, finder: CueFinder) -> ArticleAnalysis:
    SEEN.append(gc.get_threshold()[0])
    return analyze_article(article, finder)


def failing(article: Article, finder: CueFinder) -> ArticleAnalysis:
    raise KeyboardInterrupt  # not an article's error: it ends the run


@pytest.fixture(autouse=True)
def default_threshold():
    before = gc.get_threshold()
    gc.set_threshold(700, *before[1:])
    SEEN.clear()
    yield
    gc.set_threshold(*before)


def test_raised_during_a_run_and_restored_after():
    before = gc.get_threshold()
    corpus = analyze_paths([SEEDS], engine=SerialEngine(analyse=recording))
    assert corpus.analyses and len(SEEN) == len(corpus.analyses)
    assert set(SEEN) == {RUN_GC_THRESHOLD}
    assert gc.get_threshold() == before


def test_restored_when_the_run_ends_in_an_exception():
    before = gc.get_threshold()
    with pytest.raises(KeyboardInterrupt):
        analyze_paths([SEEDS], engine=SerialEngine(analyse=failing))
    assert gc.get_threshold() == before


def test_a_higher_threshold_is_kept_and_other_threads_leave_it_alone():
    gc.set_threshold(RUN_GC_THRESHOLD * 2, *gc.get_threshold()[1:])
    with collecting_less():
        assert gc.get_threshold()[0] == RUN_GC_THRESHOLD * 2
    gc.set_threshold(700, *gc.get_threshold()[1:])
    seen: list[int] = []

    def run() -> None:
        with collecting_less():
            seen.append(gc.get_threshold()[0])
        analyze_paths([SEEDS], engine=SerialEngine(analyse=recording))

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert seen == [700] and SEEN and set(SEEN) == {700}
