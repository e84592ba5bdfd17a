"""The process pool reads the files on its workers: results as if read here.

Duplicates, ids and problems are settled in the files' order in this process;
the worker processes only read. A reader that crashes its worker costs only
its file, and cancel stops the reading within a second. Functions handed to
the workers are module-level (``spawn`` imports them by name).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import time
from pathlib import Path
from typing import Any

import pytest

from models.engines import ProcessPoolEngine
from models.export import write_errors_csv, write_scores_csv, write_spans_csv
from models.pipeline import CorpusAnalysis, analyze_paths
from models.progress import Cancelled
from models.readers import READER_FAILED, FileJob, FileOutcome, read_outcome
from tests.models.test_engines import CancelAfter, assert_stopped_within_a_second
from tests.timing import Moment

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"


def write_mixed_folder(folder: Path, copies: int = 70) -> Path:
    """The seeds, wire-like copies of them, a duplicate, files that cannot be read,
    a corpus file of several articles and a manifest naming some outlets."""
    folder.mkdir(parents=True, exist_ok=True)
    seeds = sorted(SEEDS.glob("*.txt"))
    rows = ["file,outlet"]
    for i in range(copies):
        text = seeds[i % len(seeds)].read_text(encoding="utf-8")
        paragraphs = text.split("\n\n")
        body = "\n\n".join(paragraphs[: max(2, len(paragraphs) - i % 3)])
        (folder / f"copy-{i:03d}.txt").write_text(f"Copy {i} of the story\n\n{body}\n",
                                                  encoding="utf-8")
        if i % 4 == 0:
            rows.append(f"copy-{i:03d}.txt,Outlet {i % 5}")
    (folder / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (folder / "copy-dup.txt").write_bytes((folder / "copy-001.txt").read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text("   \n\n  ", encoding="utf-8")
    (folder / "table.csv").write_text(
        "headline,text,outlet\n"
        "Row one,\"Officials said the plan may fail. Critics disagreed.\",Wire A\n"
        "Row two,\"The minister reportedly resigned. Sources said so.\",Wire B\n",
        encoding="utf-8")
    for seed in seeds:
        (folder / seed.name).write_bytes(seed.read_bytes())
    return folder


def _same(pooled: CorpusAnalysis, serial: CorpusAnalysis, tmp: Path) -> None:
    assert [a.article_id for a in pooled.analyses] == [a.article_id for a in serial.analyses]
    assert pooled.analyses == serial.analyses
    assert pooled.errors == serial.errors
    for name, write, what in (("scores", write_scores_csv, "analyses"),
                              ("spans", write_spans_csv, "analyses"),
                              ("errors", write_errors_csv, "errors")):
        write(tmp / f"pool-{name}.csv", getattr(pooled, what))
        write(tmp / f"serial-{name}.csv", getattr(serial, what))
        assert (tmp / f"pool-{name}.csv").read_bytes() == (tmp / f"serial-{name}.csv").read_bytes()


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_mixed_folder(tmp_path_factory.mktemp("mixed"))


def test_workers_read_what_this_process_reads(folder: Path, tmp_path: Path) -> None:
    serial = analyze_paths([folder])
    pooled = analyze_paths([folder], engine=ProcessPoolEngine(jobs=2, min_articles=1, chunk=5))
    assert len(serial.analyses) > 70 and len(serial.errors) >= 3
    reasons = " | ".join(e.reason for e in serial.errors)
    assert "empty file" in reasons and "already read" in reasons
    _same(pooled, serial, tmp_path)


def crash_on_copy_7(job: FileJob) -> FileOutcome:
    """Reads like the readers, but kills its process on one file (a C library crash)."""
    if job[0].name == "copy-007.txt":
        os._exit(3)
    return read_outcome(job)


def raise_on_copy_9(job: FileJob) -> FileOutcome:
    if job[0].name == "copy-009.txt":
        raise MemoryError("no room for this one")
    return read_outcome(job)


def test_a_reader_that_kills_its_worker_costs_only_its_file(folder: Path) -> None:
    serial = analyze_paths([folder])
    pooled = analyze_paths([folder], engine=ProcessPoolEngine(
        jobs=2, min_articles=1, read=crash_on_copy_7))
    crashed = [e for e in pooled.errors if e.file.endswith("copy-007.txt")]
    assert [e.reason for e in crashed] == [
        "not read: the reading process ended unexpectedly on this file"]
    assert pooled.analyses == [a for a in serial.analyses if a.article_id != "copy-007"]
    assert [e for e in pooled.errors if e not in crashed] == serial.errors


def segfault_on_copy_7(job: FileJob) -> FileOutcome:
    """Reads like the readers, but crashes its process with SIGSEGV on one file."""
    if job[0].name == "copy-007.txt":
        import faulthandler

        faulthandler._sigsegv()
    return read_outcome(job)


def test_a_reader_that_crashes_hard_leaves_its_stack_in_the_fault_log(
    folder: Path, tmp_path: Path
) -> None:
    # No traceback comes back from a segfault: the worker's fault handler writes its
    # stacks to the engine's fault log, and the file's problem says where (s33).
    log = tmp_path / "framescope.log"
    pooled = analyze_paths([folder], engine=ProcessPoolEngine(
        jobs=2, min_articles=1, read=segfault_on_copy_7, fault_log=str(log)))
    [crashed] = [e for e in pooled.errors if e.file.endswith("copy-007.txt")]
    assert crashed.reason == "not read: the reading process ended unexpectedly on this file"
    assert crashed.detail.startswith("the process reading it ended abruptly (signal 11); "
                                     f"its last stack, if any, is in the log: {log}, ")
    text = log.read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in text
    assert "in segfault_on_copy_7" in text


def rotate_then_segfault_on_copy_7(job: FileJob) -> FileOutcome:
    """Reads like the readers, but on one file the diagnostics log is rotated (as the
    process gathering the run's problems rotates it when it grows past its size: a real
    RotatingFileHandler's rollover, framescope.log -> .1 -> .2), then the process crashes."""
    if job[0].name == "copy-007.txt":
        import faulthandler
        import logging.handlers

        import models.faults

        log = models.faults._FAULT_FILE.name  # the file this worker's fault handler holds
        logging.handlers.RotatingFileHandler(
            log, backupCount=2, delay=True).doRollover()
        faulthandler._sigsegv()
    return read_outcome(job)


def test_a_crash_after_the_log_was_rotated_names_the_copy_holding_its_stack(
    folder: Path, tmp_path: Path
) -> None:
    # The worker's fault handler writes to the file it opened at its start; once the log
    # is rotated, that file is framescope.log.1 (or .2). The detail named framescope.log
    # alone, which then held no stack (s33 diag2's leftover).
    log = tmp_path / "framescope.log"
    pooled = analyze_paths([folder], engine=ProcessPoolEngine(
        jobs=2, min_articles=1, read=rotate_then_segfault_on_copy_7, fault_log=str(log)))
    [crashed] = [e for e in pooled.errors if e.file.endswith("copy-007.txt")]
    holding = [copy.name for copy in sorted(tmp_path.glob("framescope.log*"))
               if "in rotate_then_segfault_on_copy_7" in copy.read_text(encoding="utf-8")]
    assert holding and "framescope.log" not in holding  # the stacks went to older copies
    assert crashed.detail == (
        f"the process reading it ended abruptly (signal 11); its last stack, if any, is in "
        f"the log: {log}, or in an older copy (framescope.log.1 or framescope.log.2) if "
        "the log was rotated since")
    assert all(f"{name} " in crashed.detail or f"{name})" in crashed.detail
               for name in holding)


def test_a_reader_that_raises_costs_only_its_file(
    folder: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="framescope"):
        pooled = analyze_paths([folder], engine=ProcessPoolEngine(
            jobs=2, min_articles=1, read=raise_on_copy_9))
    [failed] = [e for e in pooled.errors if e.file.endswith("copy-009.txt")]
    assert failed.reason == READER_FAILED  # MemoryError: in the log, not the reason
    assert "copy-010" in [a.article_id for a in pooled.analyses]
    # The worker's traceback comes back with the problem, and is logged here (it was
    # logged in the worker process, which has no log: lost, s33).
    assert failed.detail.startswith("MemoryError: no room for this one\nTraceback")
    assert "in raise_on_copy_9" in failed.detail
    [record] = [r for r in caplog.records if "copy-009.txt" in r.getMessage()]
    assert record.process == os.getpid() and failed.detail in record.getMessage()


def slow_read(job: FileJob) -> FileOutcome:
    time.sleep(0.05)
    return read_outcome(job)


def test_cancel_while_the_workers_read_stops_within_a_second(
    tmp_path: Path, stopped_workers: list[tuple[Any, Moment]],
) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(300):  # 300 x 50 ms of reading: several seconds on two workers
        (folder / f"{i:03d}.txt").write_text(f"Story {i}\n\nOfficials said {i} things.\n",
                                             encoding="utf-8")
    progress = CancelAfter(reports=40)
    with pytest.raises(Cancelled):
        analyze_paths([folder], progress, engine=ProcessPoolEngine(
            jobs=2, min_articles=1, read=slow_read))
    # A behavioural bound, not a benchmark: the issue asks for under a second.
    assert_stopped_within_a_second(progress, stopped_workers)


def test_few_files_are_read_here(folder: Path) -> None:
    """Below the pool's minimum the files are read in this process (no worker starts)."""
    engine = ProcessPoolEngine(jobs=2, read=crash_on_copy_7)  # would end this process
    corpus = analyze_paths(sorted(SEEDS.glob("*.txt")), engine=engine)
    assert len(corpus.analyses) == 5
    assert multiprocessing.active_children() == []


def test_articles_travel_packed_and_come_back_equal(folder: Path) -> None:
    import pickle

    from models.engines import compact, expand, pack_article, unpack_article
    from models.features import analyze_article
    from models.readers import read_paths

    articles = read_paths([folder]).articles
    assert len(articles) > 70
    for article in articles:
        back = unpack_article(pickle.loads(pickle.dumps(pack_article(article))))
        assert back == article and back is not article
        analysis = analyze_article(article)
        assert expand(back, pickle.loads(pickle.dumps(compact(analysis)))) == analysis
