"""Closing the window waits for the app's own threads (a chart drawn on a thread, the
views' import). They are daemon threads: left running, the interpreter ends them where
they stand when the app exits, and one inside matplotlib's or Qt's C++ code then aborts
the process ("terminate called without an active exception", exit status 134: seen in
the failing smoke test under load, with a "chart-job" thread still drawing)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject

from desktop.charts.tone_strips import ToneStripsChart
from desktop.qt_chart_job import ThreadJob
from tests.desktop.conftest import BACKGROUND_THREADS, load, wait_for_chart


def _running_app_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name in BACKGROUND_THREADS and t.is_alive()]


def _release_later(release: threading.Event) -> None:
    """Set ``release`` from another thread once the GUI thread is in the call under test
    (which, fixed, blocks until then; before the fix it returned at once)."""
    threading.Timer(0.3, release.set).start()


def test_waiting_for_a_cancelled_job_waits_for_its_thread(qtbot: Any) -> None:
    release = threading.Event()
    finished: list[str] = []

    def work(analyses: object) -> str:
        release.wait(30)
        finished.append("work done")
        return "drawn"

    parent = QObject()  # kept: the job lives as long as its parent
    job = ThreadJob(work, [], (), parent)  # type: ignore[arg-type]
    delivered: list[object] = []
    job.done.connect(delivered.append)
    job.cancel()  # the view moved on, or the window closes
    _release_later(release)
    job.wait()
    assert finished == ["work done"]  # wait() returned only once the work had ended
    assert "chart-job" not in _running_app_threads()
    qtbot.wait(50)
    assert delivered == []  # a cancelled job's result is still dropped


@pytest.fixture
def held_tone_strips(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Tone strips whose plotting waits (at most 30 s) for the event the test sets."""
    release = threading.Event()
    started = threading.Event()
    real = ToneStripsChart.plot

    def held_plot(self: ToneStripsChart, target: Any) -> None:
        started.set()
        end = time.monotonic() + 30
        while not release.is_set() and time.monotonic() < end:
            time.sleep(0.005)
        real(self, target)

    monkeypatch.setattr(ToneStripsChart, "plot", held_plot)
    release.started = started  # type: ignore[attr-defined]
    yield release
    release.set()


def test_closing_the_window_while_a_chart_is_drawn_on_a_thread_waits_for_it(
    qtbot: Any, window: Any, seed_dir: Path, held_tone_strips: threading.Event
) -> None:
    load(qtbot, window, [seed_dir])
    view = window.compare_view
    wait_for_chart(qtbot, view)
    view.select_chart("tone_strips")  # five articles: drawn on a thread of this process
    qtbot.waitUntil(held_tone_strips.started.is_set, timeout=30_000)  # type: ignore[attr-defined]
    assert "chart-job" in _running_app_threads()
    window.project.set_modified(False)  # no Save question
    _release_later(held_tone_strips)
    window.close()
    assert _running_app_threads() == []


def test_a_thread_job_deleted_while_it_works_collects_nothing_on_its_thread(qtbot: Any) -> None:
    """A window closed while a chart is drawn on a thread deletes the job: garbage
    collection stays paused until the thread has ended, then resumes on the GUI thread.
    Resumed at the deletion, the thread's own allocations collected there (a segfault in
    'Garbage-collecting' on a chart-job thread, session 13)."""
    import gc

    import shiboken6

    assert gc.isenabled()  # else this test could not see a collection anywhere
    release = threading.Event()
    collected_on: list[str] = []

    def record(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            collected_on.append(threading.current_thread().name)

    def work(analyses: object) -> int:
        release.wait(30)
        young = [[] for _ in range(20 * gc.get_threshold()[0])]  # a collection is due
        return len(young)

    owner = QObject()
    job = ThreadJob(work, [], (), owner)  # type: ignore[arg-type]
    thread = job._thread
    gc.callbacks.append(record)
    try:
        shiboken6.delete(owner)  # the window closed while the thread works
        release.set()
        thread.join()
        assert "chart-job" not in collected_on
        qtbot.waitUntil(gc.isenabled)  # resumed, on the GUI thread, once the thread ended
    finally:
        gc.callbacks.remove(record)
    assert "chart-job" not in collected_on
