"""The garbage collector paused while threads other than the GUI's do large Python work.

A collection runs on whichever thread allocates when one is due, and walks every object
the window has not frozen while holding the interpreter lock: the GUI thread waits for
it. On a thread other than the GUI's it can also free a Python slot of a Qt connection,
and PySide then disconnects it there, holding Qt's connection lock while it waits for the
interpreter lock (a hang seen in CI: desktop.qt_chart_job.ThreadJob). So the chart
thread's drawing, the chart-scene thread's unpickling and the views' import
(desktop.qt_main_window.MainWindow._prepare_views) each pause collection; the pauses are
counted, so that they overlap safely. Standard library only: the window pauses it before
its first heavy import.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_pause_lock = threading.Lock()
_pauses = 0
_enable_after = False


def pause_collection() -> None:
    """Switch automatic garbage collection off until the matching
    :func:`resume_collection`. Counted, so that pauses on several threads (the chart
    thread's drawing, the chart-scene thread's unpickling, the views' import) overlap
    safely: collection comes back after the last one ends, and only if it was on before
    the first."""
    global _pauses, _enable_after
    with _pause_lock:
        if _pauses == 0:
            _enable_after = gc.isenabled()
            gc.disable()
        _pauses += 1


def resume_collection() -> None:
    """End one :func:`pause_collection`."""
    global _pauses
    with _pause_lock:
        _pauses -= 1
        if _pauses == 0 and _enable_after:
            gc.enable()


@contextmanager
def collection_paused() -> Iterator[None]:
    """No garbage collection while the block runs (unpickling a chart's figure on the
    chart-scene thread: ~10^5 new objects). A collection that the allocations trigger
    there walks every object the window has not frozen while holding the interpreter
    lock, which the GUI thread then waits for (a 185 ms full collection was seen there);
    the new objects are young and hold the figure's cycles, which stay wanted. Nested
    and concurrent uses never leave it disabled, nor end another's pause early."""
    pause_collection()
    try:
        yield
    finally:
        resume_collection()
