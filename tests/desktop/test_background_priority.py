"""Background work runs at a lower scheduling priority than the window's GUI thread, so
the window gets a core first when both want one: a forked chart child. The thread that
draws a big chart keeps the window's priority: the GUI thread waits for the interpreter
lock it holds, and a lowered drawing thread held it longer when other programs kept the
cores busy (priority inversion)."""

from __future__ import annotations

import os
import sys
import threading
from typing import Any

import pytest

from desktop import qt_chart_job, qt_compare_view
from desktop.analysis_process import BACKGROUND_NICENESS
from desktop.qt_chart_job import last_refusal, start_chart_job
from desktop.qt_compare_view import BACKGROUND_LIMIT
from models.features import ArticleAnalysis
from models.pipeline import analyze_paths
from tests.desktop.conftest import LOAD_TIMEOUT_MS, SEEDS, shown_compare_view
from tests.desktop.test_app_at_scale import fabricated

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="per-thread priorities and forks: Linux")


@pytest.fixture(scope="module")
def many() -> list[ArticleAnalysis]:
    return fabricated(analyze_paths([SEEDS]).analyses, BACKGROUND_LIMIT + 20)


def own_priority() -> int:
    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


def test_a_forked_chart_child_runs_at_a_lower_priority(
    qtbot: Any, many: list[ArticleAnalysis], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FRAMESCOPE_TEST_FORK_BUSY", "chart")  # the child computes 3 s first
    job = start_chart_job("tone_strips", many)
    if job is None:
        pytest.skip(f"no fork now: {last_refusal}")
    try:
        wanted = min(own_priority() + BACKGROUND_NICENESS, 19)
        qtbot.waitUntil(lambda: os.getpriority(os.PRIO_PROCESS, job.pid) == wanted,
                        timeout=LOAD_TIMEOUT_MS)
        assert own_priority() < wanted  # this (the GUI) thread is left as it was
    finally:
        job.cancel()


def test_a_big_chart_drawn_on_a_thread_runs_at_the_windows_own_priority(
    qtbot: Any, many: list[ArticleAnalysis], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where no child can be forked, the chart is drawn on a thread of the window: at the
    window's own priority, not lower (the GUI thread waits for the interpreter lock it
    holds; a lowered thread got no core to hand it back when other programs were busy)."""
    seen: list[tuple[str, int]] = []  # (thread, its priority) of every plot
    real = qt_compare_view.render

    def render(*args: Any, **kwargs: Any) -> Any:
        seen.append((threading.current_thread().name, own_priority()))
        return real(*args, **kwargs)

    import desktop.charts

    monkeypatch.setattr(qt_compare_view, "render", render)
    monkeypatch.setattr(desktop.charts, "render", render)
    monkeypatch.setattr(qt_chart_job, "can_fork", lambda: False)
    view = shown_compare_view(qtbot)
    gui = own_priority()
    with qtbot.waitSignal(view.chart_shown, timeout=LOAD_TIMEOUT_MS):
        view.set_analyses(many)
    qtbot.waitUntil(lambda: view.canvas.settled)
    assert view.canvas.showing_pixels
    assert seen and seen[-1] == ("chart-job", gui)
    assert own_priority() == gui
