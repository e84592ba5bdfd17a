"""No garbage collection while a chart is drawn on a thread (desktop.qt_chart_job.ThreadJob).

A collection on a thread other than the GUI's can free the Python slot of a Qt
connection; PySide then disconnects it on that thread, holding Qt's connection lock while
it waits for the interpreter lock, which the GUI thread may hold while it waits for the
same Qt lock (connecting a signal). CI hung that way for good in an export test (the chart
thread in a collection inside matplotlib, the GUI thread in ``job.done.connect``). So a
thread job pauses collection from its start until its end is delivered on the GUI thread,
and the pauses of several threads overlap safely."""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject

from desktop import qt_chart_job
from desktop.qt_chart_job import ThreadJob, collection_paused, pause_collection, resume_collection


@pytest.fixture(autouse=True)
def collecting() -> Iterator[None]:
    gc.enable()
    yield
    assert gc.isenabled(), "a test left garbage collection switched off"


def _held(release: threading.Event, seen: list[bool]) -> object:
    def work(analyses: object) -> str:
        seen.append(gc.isenabled())
        release.wait(10)
        seen.append(gc.isenabled())
        return "drawn"

    return work


def test_no_collection_while_the_thread_works_and_collection_again_after(qtbot) -> None:
    release, seen = threading.Event(), []
    parent = QObject()
    job = ThreadJob(_held(release, seen), [], (), parent)  # type: ignore[arg-type]
    results: list[object] = []
    job.done.connect(results.append)
    assert not gc.isenabled()  # from the start, before the thread runs any Python
    release.set()
    qtbot.waitUntil(lambda: results == ["drawn"], timeout=10_000)
    assert seen == [False, False]
    assert gc.isenabled()


def test_collection_resumes_only_once_the_thread_has_ended(qtbot, monkeypatch) -> None:
    """Resumed while the thread still runs its last lines (after telling the GUI thread),
    the collection that the work's young objects are due could start on the thread."""

    class SlowToEnd(threading.Thread):
        def run(self) -> None:
            super().run()
            time.sleep(0.3)  # the thread's last lines, after its end was sent

    monkeypatch.setattr(qt_chart_job.threading, "Thread", SlowToEnd)
    alive_when_resumed: list[bool] = []
    resume = qt_chart_job.resume_collection

    def watched() -> None:
        alive_when_resumed.append(job._thread.is_alive())
        resume()

    monkeypatch.setattr(qt_chart_job, "resume_collection", watched)
    parent = QObject()
    job = ThreadJob(lambda analyses: "drawn", [], (), parent)  # type: ignore[arg-type]
    results: list[object] = []
    job.done.connect(results.append)
    qtbot.waitUntil(lambda: results == ["drawn"], timeout=10_000)
    assert alive_when_resumed == [False]
    assert gc.isenabled()


def test_a_cancelled_job_resumes_collection_when_its_thread_ends(qtbot) -> None:
    release, seen = threading.Event(), []
    parent = QObject()
    job = ThreadJob(_held(release, seen), [], (), parent)  # type: ignore[arg-type]
    job.cancel()
    assert not gc.isenabled()  # the Python work goes on: still no collection
    release.set()
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=10_000)
    qtbot.waitUntil(gc.isenabled, timeout=10_000)


def test_a_job_destroyed_with_its_window_resumes_collection(qtbot) -> None:
    release, seen = threading.Event(), []
    parent = QObject()
    ThreadJob(_held(release, seen), [], (), parent)  # type: ignore[arg-type]
    assert not gc.isenabled()
    parent.deleteLater()  # the window closes while the thread works
    qtbot.waitUntil(gc.isenabled, timeout=10_000)
    release.set()
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=10_000)
    assert gc.isenabled()


def test_overlapping_pauses_end_with_the_last_and_keep_a_disabled_collector_off() -> None:
    pause_collection()
    with collection_paused():  # the chart-scene thread's pause, inside the drawing's
        assert not gc.isenabled()
    assert not gc.isenabled()  # the first pause still holds
    resume_collection()
    assert gc.isenabled()
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()  # it was off before: it stays off
    finally:
        gc.enable()
    assert qt_chart_job._pauses == 0
