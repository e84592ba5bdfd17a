"""Past BACKGROUND_LIMIT articles, the Compare view plots and draws its chart on a
thread: the GUI thread keeps its events going, the picture is the same one the GUI
thread draws, and clicks, exports and resizes wait for it or follow it."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QPoint, Qt

from desktop import qt_compare_view
from desktop.qt_compare_view import BACKGROUND_LIMIT, CompareView
from models import __version__
from models.features import ArticleAnalysis
from models.pipeline import analyze_paths
from tests.desktop.conftest import LOAD_TIMEOUT_MS, SEEDS, shown_compare_view
from tests.desktop.test_app_at_scale import fabricated

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="background jobs fork")


@pytest.fixture(scope="module")
def many() -> list[ArticleAnalysis]:
    return fabricated(analyze_paths([SEEDS]).analyses, BACKGROUND_LIMIT + 60)


@pytest.fixture
def drawing_threads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The name of the thread every chart is plotted on."""
    threads: list[str] = []
    real = qt_compare_view.render

    def render(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(qt_compare_view, "render", render)
    return threads


@pytest.fixture
def view(qtbot: Any, many: list[ArticleAnalysis]) -> CompareView:
    widget = shown_compare_view(qtbot, 1100, 800)
    widget.set_analyses(many)
    return widget


def show(qtbot: Any, view: CompareView, kind: str) -> None:
    with qtbot.waitSignal(view.chart_shown, timeout=LOAD_TIMEOUT_MS):
        view.select_chart(kind)
    assert not view.canvas.drawing_elsewhere
    qtbot.waitUntil(lambda: view.canvas.settled)


def cell_point(view: CompareView, x: float, y: float) -> QPoint:
    ax = view.current_figure().axes[0]
    px, py = ax.transData.transform((x, y))
    ratio = view.canvas.device_pixel_ratio
    return QPoint(round(px / ratio), round((view.canvas.figure.bbox.height - py) / ratio))


def test_the_chart_is_drawn_on_a_thread_and_is_the_same_picture(
    qtbot: Any, view: CompareView, drawing_threads: list[str]
) -> None:
    show(qtbot, view, "outlet_heatmap")
    assert drawing_threads and set(drawing_threads) == {"draw-chart"}
    assert threading.current_thread() is threading.main_thread()
    away = np.asarray(view.canvas.buffer_rgba()).copy()
    assert away.shape[0] > 100 and len(np.unique(away.reshape(-1, 4), axis=0)) > 20
    # The same chart plotted and drawn here, at the same size, gives the same pixels.
    here = Figure(figsize=view.figure.get_size_inches(), dpi=view.figure.dpi,
                  layout="constrained")
    FigureCanvasAgg(here)
    qt_compare_view.render(view.current_chart(), __version__, here)
    here.canvas.draw()
    assert np.array_equal(np.asarray(here.canvas.buffer_rgba()), away)  # type: ignore[attr-defined]


def test_a_click_after_the_drawing_lists_the_cells_sentences(
    qtbot: Any, view: CompareView
) -> None:
    show(qtbot, view, "outlet_heatmap")
    chart: Any = view.current_chart()
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=cell_point(view, 0, 0))
    heading = view.evidence_panel.heading.text()
    assert heading.startswith(chart.outlets[0]), heading


def test_while_it_draws_the_window_paints_the_last_image_and_waits_for_the_rest(
    qtbot: Any, view: CompareView, tmp_path: Path, drawing_threads: list[str]
) -> None:
    show(qtbot, view, "outlet_heatmap")
    show(qtbot, view, "similarity")
    before = len(drawing_threads)
    # Back to the heatmap: computed already, so its drawing starts at once.
    view.select_chart("outlet_heatmap")
    if view.canvas.drawing_elsewhere:
        view.canvas.repaint()  # a real paint event: the last image, no Agg draw here
        # Mouse moves and clicks on the half-drawn figure are ignored, not errors.
        qtbot.mouseMove(view.canvas, QPoint(200, 200))
        qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=QPoint(200, 200))
        # A resize while it draws is applied after it.
        view.resize(1000, 700)
    # An export needs the figure's fonts: it waits for the drawing, then writes.
    path = tmp_path / "heatmap.png"
    view.export_figure(path)
    assert path.read_bytes().startswith(b"\x89PNG")
    assert not view.canvas.drawing_elsewhere
    assert drawing_threads[before] == "draw-chart"
    qtbot.waitUntil(lambda: view.canvas.settled, timeout=LOAD_TIMEOUT_MS)
    ratio, dpi = view.canvas.device_pixel_ratio, view.figure.dpi
    assert tuple(view.figure.get_size_inches()) == pytest.approx(
        (view.canvas.width() * ratio / dpi, view.canvas.height() * ratio / dpi))
    assert view.current_figure().axes  # the heatmap is there


def test_few_articles_are_still_drawn_on_the_gui_thread(
    qtbot: Any, drawing_threads: list[str]
) -> None:
    widget = CompareView()
    qtbot.addWidget(widget)
    widget.show()
    widget.set_analyses(analyze_paths([SEEDS]).analyses)
    widget.select_chart("outlet_heatmap")
    assert not widget.canvas.drawing_elsewhere
    assert drawing_threads and set(drawing_threads) == {threading.current_thread().name}


def test_the_computing_note_is_a_label_then_the_chart_drawn_once_at_its_size(
    qtbot: Any, many: list[ArticleAnalysis], monkeypatch: pytest.MonkeyPatch,
    drawing_threads: list[str],
) -> None:
    """Past BACKGROUND_LIMIT, "Computing the chart…" is a label in the chart's place:
    nothing is put on the figure or drawn for it. The chart job starts in the next turn
    of the event loop; the chart then replaces the note, plotted once (on the drawing
    thread) at the size its page has, so no second re-plot follows when it is shown."""
    widget = shown_compare_view(qtbot, 1100, 800)
    qtbot.waitUntil(lambda: widget.canvas.settled)
    before = len(drawing_threads)
    texts: list[str] = []  # every text put on the figure
    real_text = Figure.text

    def text(figure: Figure, x: float, y: float, s: str, *args: Any, **kwargs: Any) -> Any:
        texts.append(s)
        return real_text(figure, x, y, s, *args, **kwargs)

    monkeypatch.setattr(Figure, "text", text)
    with qtbot.waitSignal(widget.chart_shown, timeout=LOAD_TIMEOUT_MS):
        widget.set_analyses(many)
        note = f"Computing the chart for {len(many):,} articles…"
        assert widget.note() == note
        assert widget.note_label.isVisible() and not widget.scroll_area.isVisible()
        # Pending, but not started in this turn: no child forked, no thread.
        assert widget.chart_pending() and widget._job is None
    assert not any(t.startswith("Computing") for t in texts)
    assert widget.note() == "" and widget.scroll_area.isVisible()
    assert not widget.note_label.isVisible()
    qtbot.waitUntil(lambda: widget.canvas.settled)
    qtbot.wait(2 * qt_compare_view.RESIZE_DEBOUNCE_MS)
    qtbot.waitUntil(lambda: widget.canvas.settled)
    assert widget.current_chart() is not None and widget.current_figure().axes
    assert drawing_threads[before:] == ["draw-chart"]  # plotted once, not again on showing
    ratio, dpi = widget.canvas.device_pixel_ratio, widget.figure.dpi
    assert tuple(widget.figure.get_size_inches()) == pytest.approx(
        (widget.canvas.width() * ratio / dpi, widget.canvas.height() * ratio / dpi))


def test_a_note_stays_when_the_view_is_resized_and_nothing_is_drawn_behind_it(
    qtbot: Any, many: list[ArticleAnalysis], drawing_threads: list[str]
) -> None:
    """A note replaces the chart: a resize lays the note out again, and the hidden chart
    is neither re-plotted nor drawn (the window shows its loading note before the new
    view has its size)."""
    widget = shown_compare_view(qtbot, 1000, 700)
    widget.set_analyses(many)
    show(qtbot, widget, "outlet_heatmap")
    plotted = len(drawing_threads)
    draws: list[int] = []
    widget.canvas.draw = lambda: draws.append(1)  # type: ignore[method-assign]
    widget.show_note("Loading the articles…")
    widget.resize(700, 500)
    qtbot.wait(3 * qt_compare_view.RESIZE_DEBOUNCE_MS)
    assert widget.note() == "Loading the articles…" and widget.current_chart() is None
    assert widget.note_label.isVisible() and widget.note_label.text() == widget.note()
    assert widget.note_label.size() == widget.chart_stack.size()
    assert len(drawing_threads) == plotted and draws == []


def test_a_view_built_with_a_note_plots_no_empty_chart(
    qtbot: Any, drawing_threads: list[str]
) -> None:
    """The window builds the Compare view during a load with its loading note: the empty
    chart ("No articles loaded") that the note would hide is never plotted or drawn."""
    widget = shown_compare_view(qtbot, note="Loading the articles…")
    assert widget.note() == "Loading the articles…" and widget.note_label.isVisible()
    assert drawing_threads == [] and widget.figure.axes == []
    assert not hasattr(widget.canvas, "renderer")  # never drawn
    assert widget.description.text()  # the chosen chart's description is there
    # The first chart then takes the note's place as usual.
    with qtbot.waitSignal(widget.chart_shown, timeout=LOAD_TIMEOUT_MS):
        widget.set_analyses(analyze_paths([SEEDS]).analyses)
    assert widget.note() == "" and widget.current_figure().axes


def test_a_resize_due_after_the_next_note_draws_nothing_on_the_gui_thread(
    qtbot: Any, view: CompareView, drawing_threads: list[str]
) -> None:
    """A chart's resize (its page growing to the chart's size) can come due after the next
    chart's note went up, as when a chart is chosen right after another: the hidden, out
    of date figure is neither re-plotted nor drawn on the GUI thread (175-480 ms of the
    window's thread at 30 outlets); the next chart is then drawn once, at its size."""
    show(qtbot, view, "outlet_heatmap")
    plotted = len(drawing_threads)
    gui_draws: list[int] = []
    real_draw = view.canvas.draw

    def draw() -> None:
        gui_draws.append(1)
        real_draw()

    view.canvas.draw = draw  # type: ignore[method-assign]
    view.resize(view.width() + 150, view.height() + 100)
    qtbot.waitUntil(lambda: view.canvas.resize_pending)
    view.show_note("Computing the next chart…")
    qtbot.waitUntil(lambda: not view.canvas.resize_pending)
    qtbot.wait(2 * qt_compare_view.RESIZE_DEBOUNCE_MS)  # an idle draw would have run by now
    assert view.note() == "Computing the next chart…"
    assert gui_draws == [] and len(drawing_threads) == plotted
    # The next chart takes the note's place, plotted and drawn once on the thread.
    show(qtbot, view, "similarity")
    qtbot.wait(2 * qt_compare_view.RESIZE_DEBOUNCE_MS)
    qtbot.waitUntil(lambda: view.canvas.settled)
    assert view.note() == "" and view.scroll_area.isVisible()
    assert drawing_threads[plotted:] == ["draw-chart"] and gui_draws == []
    ratio, dpi = view.canvas.device_pixel_ratio, view.figure.dpi
    assert tuple(view.figure.get_size_inches()) == pytest.approx(
        (view.canvas.width() * ratio / dpi, view.canvas.height() * ratio / dpi))
