"""The analysis worker: results on the GUI thread, cancellation, errors reported."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QThread

from desktop.qt_worker import AnalysisRunner, SignalProgress, TaskSignals
from tests.desktop.conftest import LOAD_TIMEOUT_MS, SEED_COUNT


@pytest.fixture
def runner(qapp: Any) -> Any:
    r = AnalysisRunner()
    yield r
    assert r.shutdown(30_000), "the worker did not stop"


def test_signal_progress_reads_the_cancel_flag_and_emits(qtbot: Any) -> None:
    signals = TaskSignals()
    flag = threading.Event()
    progress = SignalProgress(signals, flag)
    with qtbot.waitSignal(signals.progress) as got:
        progress.set_progress(1.5)
    assert got.args == [1.0]
    with qtbot.waitSignal(signals.status) as status:
        progress.set_status("Reading 000.txt")
    assert status.args == ["Reading 000.txt"]
    assert not progress.is_cancelled()
    flag.set()
    assert progress.is_cancelled()


def test_seeds_are_analysed_and_delivered_on_the_gui_thread(
    qtbot: Any, runner: AnalysisRunner, seed_dir: Path
) -> None:
    gui_thread = QCoreApplication.instance().thread()
    threads: list[bool] = []
    fractions: list[float] = []

    def on_progress(fraction: float) -> None:
        threads.append(QThread.currentThread() == gui_thread)
        fractions.append(fraction)

    runner.progress.connect(on_progress)
    with qtbot.waitSignal(runner.finished, timeout=LOAD_TIMEOUT_MS) as done:
        runner.start([seed_dir])
    corpus = done.args[0]
    assert len(corpus.analyses) == SEED_COUNT
    assert corpus.errors == []
    assert not runner.is_running()
    assert fractions and all(threads)
    assert fractions[-1] == 1.0
    assert fractions == sorted(fractions)


def test_cancel_stops_a_long_run_without_finishing(
    qtbot: Any, runner: AnalysisRunner, many_articles: Path
) -> None:
    finished: list[Any] = []
    runner.finished.connect(finished.append)
    with qtbot.waitSignal(runner.cancelled, timeout=LOAD_TIMEOUT_MS):
        task = runner.start([many_articles])
        runner.cancel()
    assert task.is_cancelled()
    assert not runner.is_running()
    # Let anything still queued from the worker arrive: still no result.
    assert runner.shutdown(30_000)
    QCoreApplication.processEvents()
    assert finished == []


def test_cancel_between_files_of_a_running_analysis(
    qtbot: Any, runner: AnalysisRunner, seed_dir: Path, slow_pipeline: list[int]
) -> None:
    finished: list[Any] = []
    runner.finished.connect(finished.append)
    # The first file's progress comes after the first cancellation check.
    with qtbot.waitSignal(runner.progress, timeout=LOAD_TIMEOUT_MS):
        task = runner.start([seed_dir])
    assert runner.is_running() and not task.done.is_set()
    with qtbot.waitSignal(runner.cancelled, timeout=LOAD_TIMEOUT_MS):
        runner.cancel()
    assert len(slow_pipeline) >= 2  # it was mid-run, not stopped before starting
    assert runner.shutdown(30_000)
    QCoreApplication.processEvents()
    assert finished == []


def test_a_new_run_cancels_the_old_one_and_its_results_are_ignored(
    qtbot: Any, runner: AnalysisRunner, many_articles: Path, seed_dir: Path
) -> None:
    results: list[Any] = []
    cancelled: list[bool] = []
    runner.finished.connect(results.append)
    runner.cancelled.connect(lambda: cancelled.append(True))
    old = runner.start([many_articles])
    with qtbot.waitSignal(runner.finished, timeout=LOAD_TIMEOUT_MS):
        runner.start([seed_dir])
    assert old.is_cancelled()
    assert runner.shutdown(30_000)
    QCoreApplication.processEvents()
    assert len(results) == 1
    assert len(results[0].analyses) == SEED_COUNT
    assert cancelled == []  # the superseded run's end is not the user's cancel


def test_an_exception_in_the_pipeline_is_reported_with_its_message(
    qtbot: Any, runner: AnalysisRunner, seed_dir: Path, monkeypatch: pytest.MonkeyPatch,
    in_thread_pipeline: None,
) -> None:
    import models.pipeline

    def broken(paths: Any, progress: Any = None, **columns: Any) -> Any:
        raise RuntimeError("the lexicon file is corrupt")

    monkeypatch.setattr(models.pipeline, "analyze_paths", broken)
    finished: list[Any] = []
    runner.finished.connect(finished.append)
    with qtbot.waitSignal(runner.failed, timeout=LOAD_TIMEOUT_MS) as failed:
        runner.start([seed_dir])
    message = failed.args[0]
    assert message.startswith("RuntimeError: the lexicon file is corrupt")
    assert "in broken" in message  # where it happened
    assert finished == []
    assert not runner.is_running()
