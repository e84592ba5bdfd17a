"""``framescope analyze`` on several cores writes every file as one process writes it.

The workers read and score, and after scoring one forked child writes the
topics, off-story and distinctive-word tables and another the spans, sources and
reuse tables, while the main process writes the others:
every output file must be the same, byte for byte, as with ``--jobs 1``
(everything in one process, one table after another).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from models import corpus_tables
from models.features import ArticleAnalysis
from models.pipeline import analyze_paths
from tests.models.test_fast_stages import write_wire_corpus

REPO = Path(__file__).resolve().parents[2]
TABLES = ("claims.csv", "codebook.csv", "distinctive_words.csv", "errors.csv", "off_story.csv", "outlets.csv",
          "reuse.csv", "scores.csv", "sources.csv", "spans.csv", "topics.csv")

pytestmark = pytest.mark.slow


def framescope(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", *args], cwd=REPO,
                          capture_output=True, text=True, timeout=900, check=False)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = write_wire_corpus(tmp_path_factory.mktemp("corpus"), originals=30, copies=190)
    (folder / "broken.txt").write_bytes(b"")  # a problem for errors.csv
    return folder


def test_all_cores_write_the_files_one_process_writes(corpus: Path, tmp_path: Path) -> None:
    one = framescope("analyze", str(corpus), "--out", str(tmp_path / "one"), "--no-charts",
                     "--jobs", "1")
    assert one.returncode == 0, one.stderr
    assert "articles from 9 outlets analysed" in one.stdout
    many = framescope("analyze", str(corpus), "--out", str(tmp_path / "many"), "--no-charts",
                      "--jobs", "2")
    assert many.returncode == 0, many.stderr
    assert many.stdout == one.stdout.replace(str(tmp_path / "one"), str(tmp_path / "many"))
    assert sorted(p.name for p in (tmp_path / "many").iterdir()) == sorted((*TABLES, "run.json"))
    for name in TABLES:
        written = (tmp_path / "many" / name).read_bytes()
        assert written == (tmp_path / "one" / name).read_bytes(), name
        assert written.count(b"\n") > 1, name  # a header and rows


# ---- the child process failing ----------------------------------------------------

PARENT = os.getpid()


def sources_then_die_in_child(out: Path, analyses: Sequence[ArticleAnalysis]) -> None:
    """Writes spans.csv, sources.csv and reuse.csv here; the forked child dies before it
    finishes."""
    if os.getpid() != PARENT:
        os._exit(7)
    corpus_tables.write_spans_sources_and_reuse(out, analyses)


def fail_everywhere(out: Path, analyses: Sequence[ArticleAnalysis]) -> None:
    raise RuntimeError("the emphasis tables broke")


@pytest.fixture(scope="module")
def analyses(corpus: Path) -> list[ArticleAnalysis]:
    """Enough articles for the second process, few enough to be quick."""
    found = analyze_paths([corpus]).analyses[:corpus_tables.MIN_ARTICLES_FOR_SECOND_PROCESS + 5]
    assert len(found) >= corpus_tables.MIN_ARTICLES_FOR_SECOND_PROCESS
    return found


def _tables(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_tables_a_dead_child_did_not_write_are_written_here(
    analyses: list[ArticleAnalysis], tmp_path: Path
) -> None:
    for name in ("serial", "child"):
        (tmp_path / name).mkdir()
    corpus_tables.write_corpus_tables(tmp_path / "serial", analyses, [], claim_threshold=0.35)
    assert corpus_tables.can_fork()
    corpus_tables.write_corpus_tables(
        tmp_path / "child", analyses, [], claim_threshold=0.35, processes=2,
        side_tasks=(sources_then_die_in_child, corpus_tables.write_emphasis), main_tasks=())
    assert _tables(tmp_path / "child") == _tables(tmp_path / "serial")
    assert len(_tables(tmp_path / "child")) == len(TABLES)


def _record_process(out: Path, analyses: Sequence[ArticleAnalysis], name: str) -> None:
    (out / f"{name}.pid").write_text(str(os.getpid()), encoding="utf-8")


def record_first(out: Path, analyses: Sequence[ArticleAnalysis]) -> None:
    _record_process(out, analyses, "first")


def record_second(out: Path, analyses: Sequence[ArticleAnalysis]) -> None:
    _record_process(out, analyses, "second")


def test_each_side_task_runs_in_its_own_child(
    analyses: list[ArticleAnalysis], tmp_path: Path
) -> None:
    """Three processes share the cores: this one (claims) and one child per side task."""
    assert corpus_tables.SIDE_TASKS == (corpus_tables.write_emphasis,
                                        corpus_tables.write_spans_sources_and_reuse)
    corpus_tables.write_corpus_tables(
        tmp_path, analyses, [], claim_threshold=0.35, processes=2,
        side_tasks=(record_first, record_second), main_tasks=())
    pids = {int((tmp_path / f"{n}.pid").read_text(encoding="utf-8")) for n in ("first", "second")}
    assert len(pids) == 2 and os.getpid() not in pids
    assert (tmp_path / "claims.csv").is_file()


def test_spans_are_written_in_the_sources_child(
    analyses: list[ArticleAnalysis], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """spans.csv in the child that writes sources.csv and reuse.csv, not in this process
    (which aligns the claims), and the same bytes as one process writes."""
    from models import export

    write_spans = export.write_spans_csv

    def recording(path: Path, found: Sequence[ArticleAnalysis]) -> None:
        (path.parent / "spans.pid").write_text(str(os.getpid()), encoding="utf-8")
        write_spans(path, found)

    monkeypatch.setattr(export, "write_spans_csv", recording)
    for name in ("serial", "child"):
        (tmp_path / name).mkdir()
    corpus_tables.write_corpus_tables(tmp_path / "serial", analyses, [], claim_threshold=0.35)
    corpus_tables.write_corpus_tables(tmp_path / "child", analyses, [], claim_threshold=0.35,
                                      processes=2)
    assert int((tmp_path / "serial" / "spans.pid").read_text(encoding="utf-8")) == os.getpid()
    assert int((tmp_path / "child" / "spans.pid").read_text(encoding="utf-8")) != os.getpid()
    for name in ("serial", "child"):
        (tmp_path / name / "spans.pid").unlink()
    assert _tables(tmp_path / "child") == _tables(tmp_path / "serial")
    assert len(_tables(tmp_path / "child")) == len(TABLES)


def record_collecting(out: Path, analyses: Sequence[ArticleAnalysis]) -> None:
    import gc

    where = "child" if os.getpid() != PARENT else "parent"
    (out / f"gc-{where}.txt").write_text(str(gc.isenabled()), encoding="utf-8")


def test_tables_collect_no_garbage_and_restore_the_collector(
    analyses: list[ArticleAnalysis], tmp_path: Path
) -> None:
    import gc

    assert gc.isenabled()
    corpus_tables.write_corpus_tables(
        tmp_path, analyses, [], claim_threshold=0.35, processes=2,
        side_tasks=(record_collecting,), main_tasks=(record_collecting,))
    for where in ("child", "parent"):  # a forked child inherits it
        assert (tmp_path / f"gc-{where}.txt").read_text(encoding="utf-8") == "False"
    assert gc.isenabled()
    with pytest.raises(RuntimeError, match="emphasis tables broke"):
        corpus_tables.write_corpus_tables(
            tmp_path, analyses, [], claim_threshold=0.35, processes=1,
            side_tasks=(fail_everywhere,), main_tasks=())
    assert gc.isenabled()  # also after a failure
    gc.disable()
    try:  # off before: it stays off
        corpus_tables.write_corpus_tables(
            tmp_path, analyses, [], claim_threshold=0.35, processes=1,
            side_tasks=(), main_tasks=())
        assert not gc.isenabled()
    finally:
        gc.enable()


KEPT: list[list[int]] = []


def keep_a_list(out: Path, analyses: Sequence[ArticleAnalysis]) -> None:
    KEPT.append([len(analyses)])  # made while the tables are written, alive after


def test_what_the_tables_keep_is_moved_to_the_oldest_generation(
    analyses: list[ArticleAnalysis], tmp_path: Path
) -> None:
    """Not left young for a collection at the end of the command; and what was frozen
    before stays frozen (nothing of anyone else's is unfrozen)."""
    import gc

    gc.unfreeze()  # what an earlier test's window froze: to the oldest generation
    KEPT.clear()
    corpus_tables.write_corpus_tables(tmp_path, analyses, [], claim_threshold=0.35,
                                      processes=1, side_tasks=(), main_tasks=(keep_a_list,))
    made = KEPT[0]
    assert not any(o is made for o in gc.get_objects(generation=0))
    assert any(o is made for o in gc.get_objects(generation=2))
    assert gc.get_freeze_count() == 0 and gc.isenabled()
    before = [0]
    gc.freeze()  # as a window does with what it keeps
    try:
        corpus_tables.write_corpus_tables(tmp_path, analyses, [], claim_threshold=0.35,
                                          processes=1, side_tasks=(), main_tasks=())
        assert gc.get_freeze_count() > 0
        assert not any(o is before for generation in range(3)
                       for o in gc.get_objects(generation=generation))  # still frozen
    finally:
        gc.unfreeze()
    KEPT.clear()


def test_the_command_collects_no_garbage_while_it_reads_and_writes_the_tables(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Off from reading to the tables' end (the workers turn theirs on), on after."""
    import gc

    from desktop import cli
    from models import pipeline

    seen: list[bool] = []
    read_and_score = pipeline.analyze_paths

    def spying(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return read_and_score(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "analyze_paths", spying)
    assert gc.isenabled()
    assert cli.analyze([str(corpus)], tmp_path / "out", [], quiet=True) == cli.EXIT_OK
    assert seen == [False]
    assert gc.isenabled()


def test_with_a_cluster_engine_the_command_collects_garbage_as_usual(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Dask client makes cycles of its own while it waits: the collector stays on."""
    import gc

    from desktop import cli
    from models import pipeline
    from models.engines import DaskEngine

    seen: list[bool] = []

    def spying(*args: object, **kwargs: object) -> pipeline.CorpusAnalysis:
        seen.append(gc.isenabled())
        return pipeline.CorpusAnalysis([], [])  # no cluster here: nothing analysed

    monkeypatch.setattr(pipeline, "analyze_paths", spying)
    code = cli.analyze([str(tmp_path)], tmp_path / "out", [], quiet=True,
                       engine=DaskEngine("tcp://127.0.0.1:1"))
    assert code == cli.EXIT_NOTHING_ANALYSED
    assert seen == [True]


def test_a_failing_table_raises_here_as_in_one_process(
    analyses: list[ArticleAnalysis], tmp_path: Path
) -> None:
    with pytest.raises(RuntimeError, match="emphasis tables broke"):
        corpus_tables.write_corpus_tables(
            tmp_path, analyses, [], claim_threshold=0.35, processes=2,
            side_tasks=(fail_everywhere,), main_tasks=(corpus_tables.write_sources_and_reuse,))
    assert (tmp_path / "claims.csv").is_file() and (tmp_path / "reuse.csv").is_file()


def test_without_fork_one_process_writes_everything(
    analyses: list[ArticleAnalysis], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import multiprocessing

    monkeypatch.setattr(corpus_tables, "can_fork", lambda: False)
    started = multiprocessing.Process.start
    monkeypatch.setattr(multiprocessing.Process, "start",
                        lambda self: pytest.fail("no process may start"))
    corpus_tables.write_corpus_tables(tmp_path, analyses, [], claim_threshold=0.35, processes=2)
    monkeypatch.setattr(multiprocessing.Process, "start", started)
    assert sorted(_tables(tmp_path)) == sorted(TABLES)


def test_split_emphasis_tasks_write_what_one_emphasis_analysis_writes(
    analyses: list[ArticleAnalysis], tmp_path: Path
) -> None:
    """topics.csv and off_story.csv without the distinctive words, and
    distinctive_words.csv alone, are the files of export.write_emphasis_csvs."""
    for name in ("whole", "split"):
        (tmp_path / name).mkdir()
    corpus_tables.write_emphasis(tmp_path / "whole", analyses)
    corpus_tables.write_topics_and_off_story(tmp_path / "split", analyses)
    corpus_tables.write_distinctive_words(tmp_path / "split", analyses)
    whole = _tables(tmp_path / "whole")
    assert sorted(whole) == ["distinctive_words.csv", "off_story.csv", "topics.csv"]
    assert _tables(tmp_path / "split") == whole
    assert all(content.count(b"\n") > 2 for content in whole.values())
