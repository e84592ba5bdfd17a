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

from desktop import collection, qt_chart_job
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


def test_a_job_destroyed_with_its_window_resumes_collection_once_its_thread_ends(
    qtbot,
) -> None:
    # Resumed as soon as the job was deleted (as before 68cb403), the thread's next
    # allocations collected on the thread itself: a segfault in 'Garbage-collecting'
    # on a chart-job thread in a full suite (session 13).
    release, seen = threading.Event(), []
    parent = QObject()
    ThreadJob(_held(release, seen), [], (), parent)  # type: ignore[arg-type]
    assert not gc.isenabled()
    gone: list[bool] = []
    parent.destroyed.connect(lambda: gone.append(True))
    parent.deleteLater()  # the window closes while the thread works
    qtbot.waitUntil(lambda: gone == [True], timeout=10_000)
    assert not gc.isenabled()  # its thread still works: no collection may start there
    release.set()
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=10_000)
    assert seen == [False, False]
    qtbot.waitUntil(gc.isenabled, timeout=10_000)  # resumed on the GUI thread at its end


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
    assert collection._pauses == 0


# A library imported by a chart's first build, made fresh for the test (scipy and
# scikit-learn are imported already by the tests that ran before).
_LIBRARY = '''
class Marker:
    pass

MARKER = Marker()
TABLE = [{"row": i} for i in range(5000)]  # a library's many long-lived objects
'''


def _young(obj: object) -> bool:
    """Whether the collector's generations hold ``obj`` (it is not frozen)."""
    return any(o is obj for o in gc.get_objects())


def test_what_a_charts_first_build_imports_is_frozen_before_it_is_drawn(
    qtbot, tmp_path, monkeypatch
) -> None:
    """The libraries a chart's first build imports (600-1000 modules) must not be left in
    the young generation: the first collection after the thread's drawing, on the GUI
    thread, walked them all (65-100 ms). The figure drawn after the build is not frozen
    (it is dropped with the chart later)."""
    import sys

    import desktop.charts
    from desktop.chart_pixels import Pixels
    from desktop.qt_compare_view import CompareView
    from tests.desktop.conftest import wait_for_chart

    name = f"framescope_test_library_{tmp_path.name.replace('-', '_')}"
    (tmp_path / f"{name}.py").write_text(_LIBRARY, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    real = desktop.charts.build_chart

    def build_importing(kind: str, analyses: object, **kwargs: object) -> object:
        __import__(name)
        return real(kind, analyses, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(desktop.charts, "build_chart", build_importing)
    drawn: list[Pixels] = []
    real_take = CompareView._take_picture
    monkeypatch.setattr(CompareView, "_take_picture",
                        lambda self, key, pixels, image, announce:
                        drawn.append(pixels) or real_take(self, key, pixels, image, announce))
    analyses = _seeds()
    view = CompareView()
    qtbot.addWidget(view, before_close_func=CompareView.shutdown)  # as the window does
    view.resize(900, 600)
    view.show()
    view.select_chart("outlet_heatmap")
    view.set_analyses(analyses)
    wait_for_chart(qtbot, view)
    assert name in sys.modules and drawn, "the chart was not built and drawn on its thread"
    library = sys.modules[name]
    assert not _young(library.MARKER) and not _young(library.TABLE[-1])
    assert _young(drawn[-1].figure)  # drawn after the freeze: collected once dropped
    sys.modules.pop(name)


def _seeds() -> list[object]:
    from models.pipeline import analyze_paths
    from tests.desktop.conftest import SEEDS

    return list(analyze_paths([SEEDS]).analyses)
