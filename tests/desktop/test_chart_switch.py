"""What a user sees when the Compare view's chart changes, at any corpus size: the chart is
never built or drawn on the GUI thread (up to BACKGROUND_LIMIT articles on a thread, past
it in a forked child), the window keeps processing events meanwhile, a chart is never
shown under another chart's title and description, the sentences behind a click leave the
chart's outlet names in view, and the drawings kept for a quick return are bounded."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt, QTimer

from desktop import qt_compare_view
from desktop.charts import chart_kind
from desktop.charts.tone_strips import ToneStripsChart
from desktop.qt_compare_view import NOTE_DELAY_MS, CompareView
from models.features import ArticleAnalysis
from models.pipeline import analyze_paths
from tests.desktop.conftest import SEEDS, load, shown_compare_view, wait_for_chart


@pytest.fixture(scope="module")
def seeds() -> list[ArticleAnalysis]:
    return analyze_paths([SEEDS]).analyses


@pytest.fixture
def view(qtbot: Any, seeds: list[ArticleAnalysis]) -> CompareView:
    widget = shown_compare_view(qtbot, 1000, 700)
    widget.set_analyses(seeds)
    wait_for_chart(qtbot, widget)
    return widget


@pytest.fixture
def slow_tone_strips(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Tone strips whose plotting runs Python (holding the interpreter lock as a drawing
    does, between switches) until the test sets the event it gets (at most 60 s)."""
    release = threading.Event()
    plotted_on: list[str] = []
    real = ToneStripsChart.plot

    def slow_plot(self: ToneStripsChart, target: Any) -> None:
        plotted_on.append(threading.current_thread().name)
        end = time.monotonic() + 60
        while not release.is_set() and time.monotonic() < end:
            sum(range(2000))
        real(self, target)

    monkeypatch.setattr(ToneStripsChart, "plot", slow_plot)
    release.plotted_on = plotted_on  # type: ignore[attr-defined]
    yield release
    release.set()


def painted_title(view: CompareView) -> str:
    figure = view.current_figure()
    return figure._suptitle.get_text() if figure._suptitle is not None else ""


def test_few_articles_are_drawn_on_a_thread_not_on_the_gui_thread(
    qtbot: Any, view: CompareView, monkeypatch: pytest.MonkeyPatch
) -> None:
    plotted_on: list[str] = []
    real = qt_compare_view.render

    def render(*args: Any, **kwargs: Any) -> Any:
        plotted_on.append(threading.current_thread().name)
        return real(*args, **kwargs)

    import desktop.charts

    monkeypatch.setattr(desktop.charts, "render", render)
    monkeypatch.setattr(qt_compare_view, "render", render)
    forks: list[str] = []
    import desktop.qt_chart_job

    real_fork = desktop.qt_chart_job.start_drawing_job
    monkeypatch.setattr(desktop.qt_chart_job, "start_drawing_job",
                        lambda *a, **k: forks.append(a[0]) or real_fork(*a, **k))
    view.select_chart("outlet_heatmap")
    assert view.current_chart() is None and view.chart_pending()  # nothing done here
    chart = wait_for_chart(qtbot, view)
    assert chart.key == "outlet_heatmap" and forks == []
    assert plotted_on == ["chart-job"]  # not the GUI thread's name (MainThread)
    assert view.canvas.showing_pixels and painted_title(view) == chart.title


def test_the_window_processes_events_while_a_slow_chart_is_drawn_and_titles_agree(
    qtbot: Any, view: CompareView, slow_tone_strips: threading.Event
) -> None:
    old = view.current_chart()
    assert old is not None
    old_description = view.description.text()
    assert painted_title(view) == old.title
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    view.select_chart("tone_strips")
    # At once: the chart on screen keeps its own title and description (no flash of a
    # note), and no longer answers the mouse.
    assert view.current_chart() is None and view.chart_pending()
    assert view.description.text() == old_description and painted_title(view) == old.title
    assert view.note() == ""
    # The drawing is held inside the thread's plotting; the GUI thread runs its timers.
    qtbot.waitUntil(lambda: bool(slow_tone_strips.plotted_on), timeout=20_000)  # type: ignore[attr-defined]
    assert slow_tone_strips.plotted_on == ["chart-job"]  # type: ignore[attr-defined]
    count = len(ticks)
    qtbot.waitUntil(lambda: len(ticks) >= count + 5, timeout=20_000)
    assert not slow_tone_strips.is_set() and view.chart_pending()
    # Past NOTE_DELAY_MS: the note, under the new chart's title and description.
    qtbot.waitUntil(lambda: view.note() != "", timeout=20_000)
    assert view.note().startswith("Computing the chart")
    assert view.note_label.isVisible() and not view.scroll_area.isVisible()
    assert view.description.text() == chart_kind("tone_strips").description
    assert view.chart_combo.currentText() == chart_kind("tone_strips").title
    # A copy asked for meanwhile waits for the chart (desktop.qt_project).
    from desktop.qt_project import copy_chart_to_clipboard

    shown: list[str] = []
    view.chart_shown.connect(shown.append)
    slow_tone_strips.set()
    assert not copy_chart_to_clipboard(view).isNull()
    qtbot.waitUntil(lambda: bool(shown), timeout=60_000)
    timer.stop()
    assert shown == ["tone_strips"]
    chart = view.current_chart()
    assert chart is not None and chart.key == "tone_strips"
    # The picture and the title agree.
    assert view.scroll_area.isVisible() and view.note() == ""
    assert painted_title(view) == chart.title
    assert view.description.text() == chart_kind("tone_strips").description
    # Named for a screen reader as it is shown.
    assert view.canvas.accessibleName() == view.scroll_area.accessibleName() == (
        f"Chart: {chart.title}")
    assert view.canvas.accessibleDescription() == view.description.text()


def test_a_fork_asked_for_while_a_chart_is_drawn_on_a_thread_does_not_wait_for_it(
    qtbot: Any, view: CompareView, slow_tone_strips: threading.Event,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Other work forked meanwhile (the autosave of a big study, the claims' alignment)
    goes to a thread at once: waiting for the chart's thread to end (desktop.fork_guard)
    held the GUI thread up to a second."""
    from desktop import qt_chart_job

    waited: list[float] = []
    monkeypatch.setattr(qt_chart_job, "busy_threads", lambda seconds: waited.append(seconds) or [])
    view.select_chart("tone_strips")
    qtbot.waitUntil(lambda: bool(slow_tone_strips.plotted_on), timeout=20_000)  # type: ignore[attr-defined]
    assert qt_chart_job.start_job(len, [], job="claims") is None
    assert "chart-job" in qt_chart_job.last_refusal and waited == []
    assert not slow_tone_strips.is_set()  # the chart is still being drawn
    slow_tone_strips.set()
    assert wait_for_chart(qtbot, view).key == "tone_strips"


def test_a_chart_that_arrives_before_the_delay_gets_no_note_afterwards(
    qtbot: Any, view: CompareView
) -> None:
    """The note's timer, running out after the chart has arrived, changes nothing."""
    view.select_chart("tone_strips")
    chart = wait_for_chart(qtbot, view)
    qtbot.wait(2 * NOTE_DELAY_MS)
    assert view.note() == "" and view.scroll_area.isVisible()
    assert view.current_chart() is chart and painted_title(view) == chart.title
    assert view.description.text() == chart_kind("tone_strips").description


def bar_point(view: CompareView, index: int, value: float) -> QPoint:
    ax = view.current_figure().axes[0]
    x, y = ax.transData.transform((index, value))
    ratio = view.canvas.device_pixel_ratio
    return QPoint(round(x / ratio), round((view.canvas.figure.bbox.height - y) / ratio))


def visible_part(view: CompareView) -> QRect:
    """The part of the canvas the scroll area shows (canvas coordinates)."""
    viewport = view.scroll_area.viewport()
    top_left = view.canvas.mapFrom(viewport, QPoint(0, 0))
    return QRect(top_left, viewport.size()).intersected(view.canvas.rect())


def test_clicking_a_bar_at_the_default_window_size_keeps_the_outlet_names_in_view(
    qtbot: Any, window: Any, seed_dir: Path
) -> None:
    """ux8's 03-bar-click.png: at 1300 × 820 the list opened under the chart and the chart
    scrolled its outlet names (and the x axis) out of view."""
    window.resize(1300, 820)
    load(qtbot, window, [seed_dir])
    view = window.compare_view
    window.tabs.setCurrentWidget(window.tabs.widget(0))
    view.select_chart("measure_by_outlet")
    chart = wait_for_chart(qtbot, view)
    bars = chart.bars  # type: ignore[attr-defined]
    index = max(range(len(bars)), key=lambda i: bars[i].mean)
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton,
                     pos=bar_point(view, index, bars[index].mean * 0.5))
    panel = view.evidence_panel
    assert panel.is_listing() and len(panel.rows()) > 0
    wait_for_chart(qtbot, view)  # the chart drawn again for its new place
    qtbot.wait(2 * qt_compare_view.RESIZE_DEBOUNCE_MS)
    wait_for_chart(qtbot, view)
    assert panel.list_view.isVisible() and panel.list_view.height() >= 100
    # Every outlet name under the bars, and the chart's title, are in view.
    figure = view.current_figure()
    ratio = view.canvas.device_pixel_ratio
    height = figure.bbox.height
    shown = visible_part(view)
    renderer = figure.canvas.get_renderer()
    texts = [t for t in figure.axes[0].get_xticklabels() if t.get_text()]
    assert len(texts) == len(bars)
    if figure._suptitle is not None:
        texts.append(figure._suptitle)
    for text in texts:
        box = text.get_window_extent(renderer)
        rect = QRect(QPoint(int(box.x0 / ratio), int((height - box.y1) / ratio)),
                     QPoint(int(box.x1 / ratio), int((height - box.y0) / ratio)))
        assert shown.contains(rect), (text.get_text(), rect, shown)
    # Another chart: the list goes and the hint is under the chart again.
    view.select_chart("tone_strips")
    assert not panel.is_listing()
    assert view.splitter.orientation() == Qt.Orientation.Vertical
    wait_for_chart(qtbot, view)


def test_the_drawings_kept_are_bounded_least_recently_shown_first(
    qtbot: Any, view: CompareView, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = view._chart_key()
    assert list(view._pictures) == [first]
    one = view.pictures_bytes()
    assert one > 1_000_000  # a drawing of the canvas: megabytes
    monkeypatch.setattr(qt_compare_view, "PICTURES_BYTES", int(2.5 * one))
    order = [first]
    for key in ("outlet_heatmap", "tone_strips", "similarity"):
        view.select_chart(key)
        wait_for_chart(qtbot, view)
        order.append(view._chart_key())
        kept = list(view._pictures)
        # The newest always; the rest within the bound, the least recently shown gone first.
        assert kept == order[-len(kept):]
        assert len(kept) == 1 or view.pictures_bytes() <= int(2.5 * one)
    assert len(view._pictures) < len(order)
    # A forgotten drawing is made again (its chart is known: only drawn).
    charts_before = dict(view._charts)
    view.select_chart("measure_by_outlet")
    assert view.current_chart() is None and view.chart_pending()
    chart = wait_for_chart(qtbot, view)
    assert chart is charts_before[first]
    assert list(view._pictures)[-1] == first
    # One still kept is shown again at once, and becomes the most recent.
    kept = list(view._pictures)
    if len(kept) >= 2:
        view.select_chart(kept[0][0])
        assert view.current_chart() is not None and not view.chart_pending()
        assert list(view._pictures)[-1] == kept[0]


def test_a_figure_drawn_in_a_child_is_read_with_the_collector_paused(
    qtbot: Any, seeds: list[ArticleAnalysis], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past BACKGROUND_LIMIT the chart's figure comes pickled from the forked child and is
    read on the chart-scene thread: no garbage collection runs while it is (one walking
    the window's objects there holds the interpreter lock against the GUI thread)."""
    import gc
    import os

    from desktop import qt_chart_job
    from desktop.qt_compare_view import BACKGROUND_LIMIT
    from tests.desktop.test_app_at_scale import fabricated

    if not hasattr(os, "fork"):
        pytest.skip("charts past BACKGROUND_LIMIT are forked")
    reads: list[tuple[str, bool]] = []
    real = qt_chart_job.loads_chart

    def loads_chart(*args: Any) -> Any:
        reads.append((threading.current_thread().name, gc.isenabled()))
        return real(*args)

    monkeypatch.setattr(qt_chart_job, "loads_chart", loads_chart)
    view = shown_compare_view(qtbot, 1000, 700)
    view.set_analyses(fabricated(seeds, BACKGROUND_LIMIT + 20))
    chart = wait_for_chart(qtbot, view)
    assert chart is not None and view.canvas.showing_pixels
    assert ("chart-scene", False) in reads and gc.isenabled()


def test_a_chart_left_while_it_is_built_on_a_thread_is_not_drawn(
    qtbot: Any, view: CompareView, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A chart the user moved on from stops at its next step on the thread (after its
    build, after its plotting) instead of being plotted and drawn for nobody, holding the
    interpreter lock against the window (and a window closing) as long."""
    release, building = threading.Event(), threading.Event()
    plotted: list[str] = []
    real_init, real_plot = ToneStripsChart.__init__, ToneStripsChart.plot

    def held_init(self: ToneStripsChart, *args: Any, **kwargs: Any) -> None:
        building.set()
        release.wait(30)
        real_init(self, *args, **kwargs)

    def plot(self: ToneStripsChart, target: Any) -> None:
        plotted.append(threading.current_thread().name)
        real_plot(self, target)

    monkeypatch.setattr(ToneStripsChart, "__init__", held_init)
    monkeypatch.setattr(ToneStripsChart, "plot", plot)
    view.select_chart("tone_strips")
    qtbot.waitUntil(building.is_set, timeout=20_000)  # on the thread, inside the build
    left = view._job
    assert left is not None and left.pid is None
    view.select_chart("outlet_heatmap")  # moved on: the tone strips' job is cancelled
    with qtbot.waitSignal(view.chart_shown, timeout=60_000):
        release.set()
    left.wait()  # its thread has ended
    assert plotted == []  # built, then stopped: never plotted nor drawn
    assert view.current_chart().key == "outlet_heatmap"  # type: ignore[union-attr]
    assert view.canvas.showing_pixels


def test_a_chart_shown_after_a_taller_one_is_drawn_for_the_view_not_for_the_taller_one(
    qtbot: Any, view: CompareView
) -> None:
    """The heatmap of the seeds is taller than this view (a vertical scroll bar, a canvas
    narrower and taller than the view); the similarity chart that follows fits, and is
    drawn for the whole view: no scroll bar kept from the heatmap (ux11's review)."""
    area = view.scroll_area
    view.select_chart("outlet_heatmap")
    wait_for_chart(qtbot, view)
    assert area.verticalScrollBar().isVisible()  # taller than the view
    tall = view.canvas.size().toTuple()
    view.select_chart("similarity")
    wait_for_chart(qtbot, view)
    pixels, _ = view._pictures[view._chart_key()]
    space = area.maximumViewportSize().toTuple()  # the view without scroll bars
    assert pixels.min_size[0] <= space[0] and pixels.min_size[1] <= space[1]  # it fits
    assert not area.verticalScrollBar().isVisible()
    assert view.canvas.size().toTuple() == space != tall
    assert pixels.size == space  # drawn for the view as it is, not for the heatmap's canvas
