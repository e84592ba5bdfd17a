"""How the pool starts its workers: forked on Linux while no other thread runs, else spawned.

A forked worker starts with every module this process imported (a spawned one
imports and compiles the readers again); the results are the same either way.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest

from models.article import Article
from models.cues import CueFinder
from models.engines import WORKER_GC_THRESHOLD, ProcessPoolEngine, SerialEngine, start_method
from models.features import ArticleAnalysis
from models.pipeline import analyze_paths
from tests.models.test_fast_stages import write_wire_corpus

REPO = Path(__file__).resolve().parents[2]
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork: Linux only")


@pytest.fixture(scope="module")
def wire_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_wire_corpus(tmp_path_factory.mktemp("wire"), originals=20, copies=60)


def test_auto_is_spawn_while_a_thread_runs_or_qt_is_loaded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert start_method("spawn") == "spawn"
    assert start_method("forkserver") == "forkserver"
    release = threading.Event()
    thread = threading.Thread(target=release.wait)
    thread.start()
    try:
        assert start_method() == "spawn"
    finally:
        release.set()
        thread.join()
    monkeypatch.setitem(sys.modules, "PySide6", sys)  # any module object: "Qt is loaded"
    assert start_method() == "spawn"


@linux_only
def test_auto_forks_on_linux_with_one_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "PySide6", raising=False)
    if threading.active_count() != 1:
        pytest.skip("another thread runs in this test process")
    assert start_method() == "fork"


@pytest.mark.parametrize("method", ["spawn", pytest.param("fork", marks=linux_only)])
def test_forked_and_spawned_workers_give_the_serial_results(
    wire_folder: Path, method: str
) -> None:
    started: list[int] = []
    serial = analyze_paths([wire_folder, REPO / "seeds"], engine=SerialEngine())
    engine = ProcessPoolEngine(
        jobs=2, min_articles=8, chunk=4, start_method=method,
        on_start=lambda: started.append(threading.active_count()),
    )
    pooled = analyze_paths([wire_folder, REPO / "seeds"], engine=engine)
    assert pooled.analyses == serial.analyses
    assert pooled.errors == serial.errors
    assert len(started) == 1  # once, after the workers started


def test_on_start_runs_when_few_articles_are_analysed_here(tmp_path: Path) -> None:
    started: list[bool] = []
    engine = ProcessPoolEngine(jobs=2, on_start=lambda: started.append(True))
    result = analyze_paths([REPO / "seeds"], engine=engine)
    assert len(result.analyses) == 5 and started == [True]


class _Results:
    """The sending end of a worker's pipe, kept in a list."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, int, object]] = []

    def send(self, message: tuple[str, int, object]) -> None:
        self.sent.append(message)


def test_a_worker_analyses_the_articles_it_read_when_they_come_back_by_reference() -> None:
    import queue

    from models.engines import _worker_main, expand, pack_article
    from models.features import analyze_article
    from models.readers import read_paths

    seeds = sorted((REPO / "seeds").glob("*.txt"))
    articles = read_paths(seeds).articles
    jobs = [(i, (path, None, None, False)) for i, path in enumerate(seeds)]
    mine, theirs = [0, 2, 4], [1, 3]
    tasks: queue.Queue[object] = queue.Queue()
    tasks.put(("read", 0, jobs))
    # The worker keeps what it read: articles routed back to it come as (None,
    # position, number, new id); the others come in full (another worker read them).
    sent: list[tuple[int, object]] = [(i, (None, i, 0, f"renamed-{i}")) for i in mine]
    sent += [(i, pack_article(articles[i])) for i in theirs]
    tasks.put(("analyse", 1, sent))
    tasks.put(None)
    results = _Results()
    _worker_main(tasks, results, None, None, 0, 2)
    kinds = [kind for kind, _, _ in results.sent]
    assert kinds == ["started", "read", "started", "done"]
    done = results.sent[-1][2]
    assert isinstance(done, list) and len(done) == len(seeds)
    for position, packed, error in done:
        assert error is None
        article = articles[position]
        if position in mine:
            article.article_id = f"renamed-{position}"
        assert expand(article, packed) == analyze_article(article)
    # Each article is taken once: a second reference to it is an error of the chunk
    # (the pool reports the chunk's articles), never a wrong result.
    tasks = queue.Queue()  # what is left after an error is not read again
    tasks.put(("read", 2, jobs))
    tasks.put(("analyse", 3, [(mine[0], (None, mine[0], 0, "x"))]))
    tasks.put(("analyse", 4, [(mine[0], (None, mine[0], 0, "x"))]))
    tasks.put(None)
    with pytest.raises(KeyError):
        _worker_main(tasks, _Results(), None, None, 0, 2)
    # An article routed to another worker is forgotten by the one that read it: the
    # "forget" gets no answer, and a reference to the article is then an error.
    tasks = queue.Queue()
    tasks.put(("read", 5, jobs))
    tasks.put(("forget", -1, [(theirs[0], 0)]))
    tasks.put(("analyse", 6, [(mine[1], (None, mine[1], 0, "y"))]))
    tasks.put(("analyse", 7, [(theirs[0], (None, theirs[0], 0, "x"))]))
    tasks.put(None)
    forgot = _Results()
    with pytest.raises(KeyError):
        _worker_main(tasks, forgot, None, None, 0, 2)
    assert [kind for kind, _, _ in forgot.sent] == ["started", "read", "started", "done", "started"]
    # A worker started with no slots (workers=0) keeps nothing it reads.
    tasks = queue.Queue()
    tasks.put(("read", 8, jobs))
    tasks.put(("analyse", 9, [(mine[0], (None, mine[0], 0, "x"))]))
    tasks.put(None)
    with pytest.raises(KeyError):
        _worker_main(tasks, _Results(), None, None, 0, 0)


def frozen_objects_analyse(article: Article, finder: CueFinder) -> ArticleAnalysis:
    """analyze_article, with the worker's count of frozen objects in place of the word
    count and its young generation's collection threshold in place of the sentences'."""
    import dataclasses
    import gc

    from models.features import analyze_article

    analysis = analyze_article(article, finder)
    scores = dataclasses.replace(
        analysis.scores, words=gc.get_freeze_count(), sentences=gc.get_threshold()[0]
    )
    return dataclasses.replace(analysis, scores=scores)


@linux_only
def test_forked_workers_freeze_what_they_inherit_and_collect_less_often(wire_folder: Path) -> None:
    import gc

    engine = ProcessPoolEngine(
        jobs=2, min_articles=8, chunk=4, start_method="fork", analyse=frozen_objects_analyse
    )
    frozen, threshold = gc.get_freeze_count(), gc.get_threshold()
    pooled = analyze_paths([wire_folder], engine=engine)
    assert pooled.analyses
    assert not [e for e in pooled.errors if "analysis" in e.reason]  # only duplicate files
    # Thousands of modules' objects, frozen in the workers only.
    assert min(a.scores.words for a in pooled.analyses) > max(10_000, frozen)
    assert {a.scores.sentences for a in pooled.analyses} == {WORKER_GC_THRESHOLD}
    # This process is left as it was.
    assert gc.get_freeze_count() == frozen and gc.get_threshold() == threshold


def test_the_pool_expands_results_as_they_arrive(wire_folder: Path) -> None:
    from models.article import Article as Kind
    from models.features import ArticleAnalysis as Analysis
    from models.progress import NullProgress
    from models.readers import read_paths

    articles = read_paths([wire_folder]).articles
    session = ProcessPoolEngine(jobs=2, min_articles=8, chunk=4).open(NullProgress())
    try:
        for article in articles:
            session.submit(article)
        result = session.finish()
        # Every result was expanded when it came in (not all at once at the end) ...
        stored = session._results.values()  # type: ignore[attr-defined]
        assert all(isinstance(analysis, Analysis) for analysis, _ in stored)
    finally:
        session.close()
    # ... into the analyses of the serial run, on the very articles submitted.
    serial = SerialEngine().analyze(articles, NullProgress())
    assert result.analyses == serial.analyses and not result.errors
    assert all(isinstance(a.article, Kind) for a in result.analyses)
    assert [a.article for a in result.analyses] == articles


def test_after_priming_a_forked_worker_loads_nothing_for_its_articles() -> None:
    import subprocess

    # A fresh interpreter, like the CLI before it forks its workers.
    script = (
        "import sys\n"
        "from models.readers import read_paths\n"
        "articles = read_paths([sys.argv[1]]).articles\n"
        "from models.engines import prime_for_fork, process_finder\n"
        "from models import sensational, tone, tone_news\n"
        "prime_for_fork()\n"
        "loaders = (sensational.model, tone_news.model, tone._analyzer, process_finder)\n"
        "misses = [f.cache_info().misses for f in loaders]\n"
        "assert misses == [1, 1, 1, 1], misses\n"
        "modules = set(sys.modules)\n"
        "from models.features import analyze_article\n"
        "for article in articles:\n"
        "    analyze_article(article, process_finder())\n"
        "assert [f.cache_info().misses for f in loaders] == misses\n"
        "assert set(sys.modules) == modules, sorted(set(sys.modules) - modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(REPO / "seeds")],
        capture_output=True, text=True, cwd=REPO, check=False,
    )
    assert done.returncode == 0, done.stderr
