"""Past BACKGROUND_LIMIT articles, the Compare view has its chart drawn in a forked
child (or, where no fork is safe, on a thread): the window paints the pixels it gets,
which are the picture the window would have drawn, and hover, clicks, resizes and
exports work on it as on a chart drawn in the window."""

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
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QToolTip

from desktop import qt_chart_job, qt_compare_view
from desktop.qt_compare_view import BACKGROUND_LIMIT, CompareView
from models import __version__
from models.features import ArticleAnalysis
from models.pipeline import analyze_paths
from tests.desktop.conftest import (
    SEEDS,
    shown_compare_view,
    signal_after_work,
    wait_for_chart,
    wait_for_work,
)
from tests.desktop.test_app_at_scale import fabricated

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="background jobs fork")


@pytest.fixture(scope="module")
def many() -> list[ArticleAnalysis]:
    return fabricated(analyze_paths([SEEDS]).analyses, BACKGROUND_LIMIT + 60)


@pytest.fixture
def drawing_threads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The name of the thread of this process every chart is plotted on (a forked
    child's plotting is not recorded here: its memory is its own)."""
    threads: list[str] = []
    real = qt_compare_view.render

    def render(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(qt_compare_view, "render", render)
    import desktop.charts

    monkeypatch.setattr(desktop.charts, "render", render)
    return threads


@pytest.fixture
def view(qtbot: Any, many: list[ArticleAnalysis]) -> CompareView:
    widget = shown_compare_view(qtbot, 1100, 800)
    widget.set_analyses(many)
    return widget


def show(qtbot: Any, view: CompareView, kind: str) -> None:
    # Drawn in a forked child at a lower priority: on a loaded machine, for as long as it
    # works (a fixed 60 s timed out at load 7-13), not for a fixed time.
    with signal_after_work(qtbot, view.chart_shown, f"the {kind} chart"):
        view.select_chart(kind)
    wait_for_work(qtbot, lambda: view.canvas.settled, f"the {kind} chart's drawing")


def cell_point(view: CompareView, x: float, y: float) -> QPoint:
    """Where data point (x, y) of the chart's axes is on the canvas (logical pixels)."""
    ax = view.current_figure().axes[0]
    px, py = ax.transData.transform((x, y))
    ratio = view.canvas.device_pixel_ratio
    return QPoint(round(px / ratio), round((view.current_figure().bbox.height - py) / ratio))


def on_screen(view: CompareView) -> np.ndarray:
    """What the canvas paints (a real paint of the widget), as RGB."""
    image = view.canvas.grab().toImage().convertToFormat(QImage.Format.Format_RGBA8888)
    width, height = image.width(), image.height()
    pixels = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes())
    return pixels.reshape(height, image.bytesPerLine())[:, : 4 * width].reshape(
        height, width, 4)[..., :3].copy()  # the image's memory goes with it


def drawn_here(view: CompareView) -> np.ndarray:
    """The same chart plotted and drawn in the test, at the canvas's size, as RGB."""
    ratio, dpi = view.canvas.device_pixel_ratio, view.current_figure().dpi
    figure = Figure(figsize=(view.canvas.width() * ratio / dpi, view.canvas.height() * ratio / dpi),
                    dpi=dpi, layout="constrained")
    canvas = FigureCanvasAgg(figure)
    import copy

    qt_compare_view.render(copy.copy(view.current_chart()), __version__, figure, screen=True)
    canvas.draw()
    return np.asarray(canvas.buffer_rgba())[..., :3].copy()


def assert_same_picture(shown: np.ndarray, direct: np.ndarray) -> None:
    assert shown.shape == direct.shape
    differ = np.any(shown != direct, axis=-1)
    assert differ.mean() < 0.001, f"{differ.mean():.4%} of the pixels differ"
    assert len(np.unique(shown.reshape(-1, 3), axis=0)) > 20  # a chart, not a blank


def test_the_chart_is_drawn_in_a_child_and_the_canvas_shows_that_picture(
    qtbot: Any, view: CompareView, drawing_threads: list[str]
) -> None:
    show(qtbot, view, "outlet_heatmap")
    assert qt_chart_job.last_refusal == ""  # forked
    assert drawing_threads == []  # nothing plotted (or drawn) in this process
    assert view.canvas.showing_pixels
    pixels = view.canvas.pixels()
    assert pixels is not None
    ratio = view.canvas.device_pixel_ratio
    assert (pixels.width(), pixels.height()) == (
        round(view.canvas.width() * ratio), round(view.canvas.height() * ratio))
    assert_same_picture(on_screen(view), drawn_here(view))


def test_hovering_a_cell_shows_its_tooltip_and_a_click_lists_its_sentences(
    qtbot: Any, view: CompareView
) -> None:
    show(qtbot, view, "outlet_heatmap")
    chart: Any = view.current_chart()
    figure = view.current_figure()
    ax = figure.axes[0]
    QToolTip.hideText()
    qtbot.mouseMove(view.canvas, cell_point(view, 2, 1))
    expected = chart.hover_text(ax, 2, 1)
    assert expected and chart.outlets[chart._cell(1, 2)[0]] in expected
    qtbot.waitUntil(lambda: QToolTip.text() == expected)
    QToolTip.hideText()
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=cell_point(view, 0, 0))
    heading = view.evidence_panel.heading.text()
    assert heading.startswith(chart.outlets[chart._cell(0, 0)[0]]), heading
    assert view.evidence_panel.is_listing()


def test_hovering_a_bar_names_its_outlet(qtbot: Any, view: CompareView) -> None:
    show(qtbot, view, "measure_by_outlet")
    chart: Any = view.current_chart()
    bar = chart._bar_artists.patches[3]
    box = bar.get_window_extent()
    ratio = view.canvas.device_pixel_ratio
    # The middle of the bar's outer half (away from the article dots, which sit in its middle).
    x, y = box.x0 + 0.85 * box.width, box.y0 + 0.5 * box.height
    point = QPoint(round(x / ratio), round((view.current_figure().bbox.height - y) / ratio))
    QToolTip.hideText()
    qtbot.mouseMove(view.canvas, point)
    qtbot.waitUntil(lambda: bool(QToolTip.text()))
    text = QToolTip.text()
    assert chart.bars[3].outlet in text or f"{chart.bars[3].outlet} ·" in text, text
    QToolTip.hideText()


def test_a_resize_has_it_drawn_again_for_the_new_size_showing_the_last_meanwhile(
    qtbot: Any, view: CompareView, drawing_threads: list[str]
) -> None:
    """Decided: while the chart is drawn again for a new size, the last drawing is painted
    as it is (unscaled, never stretched), and hover and clicks still answer for it; the
    drawing for the new size starts as soon as the resize has settled (one debounce)."""
    show(qtbot, view, "outlet_heatmap")
    before = view.canvas.pixels()
    figure_before = view.current_figure()
    assert before is not None
    view.resize(1300, 950)
    wait_for_work(qtbot, lambda: view.canvas.awaiting, "the resize's drawing to start")
    # The drawing for the new size is on its way: the old one is what is painted.
    assert view.canvas.pixels() is before and view.current_figure() is figure_before
    wait_for_work(qtbot, lambda: view.canvas.settled, "the drawing for the new size")
    after = view.canvas.pixels()
    assert after is not None and after is not before
    ratio = view.canvas.device_pixel_ratio
    assert (after.width(), after.height()) == (
        round(view.canvas.width() * ratio), round(view.canvas.height() * ratio))
    assert view.current_figure() is not figure_before
    assert drawing_threads == []
    assert_same_picture(on_screen(view), drawn_here(view))
    # Hover and clicks now answer for the new drawing.
    chart: Any = view.current_chart()
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=cell_point(view, 1, 2))
    assert view.evidence_panel.heading.text().startswith(chart.outlets[chart._cell(2, 1)[0]])


def test_switching_back_shows_the_last_drawing_at_once(
    qtbot: Any, view: CompareView, drawing_threads: list[str]
) -> None:
    show(qtbot, view, "outlet_heatmap")
    heatmap = view.canvas.pixels()
    show(qtbot, view, "similarity")
    with qtbot.waitSignal(view.chart_shown, timeout=1000):
        view.select_chart("outlet_heatmap")
        assert not view.chart_pending() and view.note() == ""
    assert view.canvas.pixels() is heatmap
    assert drawing_threads == []


def test_when_no_child_can_be_forked_it_is_drawn_on_a_thread_the_same(
    qtbot: Any, view: CompareView, monkeypatch: pytest.MonkeyPatch,
    drawing_threads: list[str],
) -> None:
    monkeypatch.setattr(qt_chart_job, "can_fork", lambda: False)
    show(qtbot, view, "outlet_heatmap")
    assert qt_chart_job.last_refusal == "processes are not forked on this system"
    assert drawing_threads == ["chart-job"]  # on its own figure, off the GUI thread
    assert view.canvas.showing_pixels
    assert_same_picture(on_screen(view), drawn_here(view))
    chart: Any = view.current_chart()
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=cell_point(view, 0, 0))
    heading = view.evidence_panel.heading.text()
    assert heading.startswith(chart.outlets[chart._cell(0, 0)[0]]), heading


def test_exports_draw_the_chart_themselves_and_stay_vector(
    qtbot: Any, view: CompareView, tmp_path: Path
) -> None:
    show(qtbot, view, "outlet_heatmap")
    svg, pdf, png = tmp_path / "h.svg", tmp_path / "h.pdf", tmp_path / "h.png"
    for path in (svg, pdf, png):
        view.export_figure(path)
    assert "<text" in svg.read_text(encoding="utf-8")
    assert pdf.read_bytes().startswith(b"%PDF") and b"/Font" in pdf.read_bytes()
    assert png.read_bytes().startswith(b"\x89PNG")
    # The chart on screen still answers for its own drawing (the export plotted a copy).
    chart: Any = view.current_chart()
    QToolTip.hideText()
    qtbot.mouseMove(view.canvas, cell_point(view, 0, 0))
    qtbot.waitUntil(lambda: QToolTip.text() == chart.hover_text(view.current_figure().axes[0], 0, 0))
    QToolTip.hideText()


def test_an_export_while_the_chart_is_computed_waits_for_it(
    qtbot: Any, view: CompareView, tmp_path: Path
) -> None:
    view.select_chart("tone_strips")
    assert view.chart_pending()
    path = tmp_path / "tone.png"
    view.export_figure(path)
    assert path.read_bytes().startswith(b"\x89PNG")
    assert view.current_chart() is not None and view.current_chart().key == "tone_strips"  # type: ignore[union-attr]


def test_the_computing_note_is_a_label_then_the_chart_drawn_once_at_its_size(
    qtbot: Any, many: list[ArticleAnalysis], monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Past BACKGROUND_LIMIT, "Computing the chart…" is a label in the chart's place:
    nothing is put on a figure or drawn for it. The chart job starts in the next turn
    of the event loop; the chart then replaces the note, drawn once at the size its page
    has, so no second drawing follows when it is shown."""
    widget = shown_compare_view(qtbot, 1100, 800)
    # The empty chart is drawn on a thread: until that thread has ended, the fork below
    # is refused ("other threads were running Python code: chart-job") and the chart is
    # drawn on a thread instead (failed so under load: the canvas was settled before the
    # empty chart's job had even started).
    wait_for_chart(qtbot, widget, "the empty chart")
    texts: list[str] = []  # every text put on a figure in this process
    real_text = Figure.text

    def text(figure: Figure, x: float, y: float, s: str, *args: Any, **kwargs: Any) -> Any:
        texts.append(s)
        return real_text(figure, x, y, s, *args, **kwargs)

    monkeypatch.setattr(Figure, "text", text)
    jobs: list[Any] = []
    real_start = qt_chart_job.start_drawing_job

    def start(*args: Any, **kwargs: Any) -> Any:
        jobs.append(real_start(*args, **kwargs))
        return jobs[-1]

    monkeypatch.setattr(qt_chart_job, "start_drawing_job", start)
    with signal_after_work(qtbot, widget.chart_shown, "the chart"):
        widget.set_analyses(many)
        note = f"Computing the chart for {len(many):,} articles…"
        assert widget.note() == note
        assert widget.note_label.isVisible() and not widget.scroll_area.isVisible()
        # Pending, but not started in this turn: no child forked, no thread.
        assert widget.chart_pending() and widget._job is None
    assert not any(t.startswith("Computing") for t in texts)
    assert widget.note() == "" and widget.scroll_area.isVisible()
    assert not widget.note_label.isVisible()
    wait_for_work(qtbot, lambda: widget.canvas.settled, "the chart's drawing")
    qtbot.wait(2 * qt_compare_view.RESIZE_DEBOUNCE_MS)
    wait_for_work(qtbot, lambda: widget.canvas.settled, "a drawing after the chart")
    assert widget.current_chart() is not None and widget.current_figure().axes
    assert len(jobs) == 1 and jobs[0] is not None  # drawn once, in a child
    pixels = widget.canvas.pixels()
    ratio = widget.canvas.device_pixel_ratio
    assert pixels is not None and (pixels.width(), pixels.height()) == (
        round(widget.canvas.width() * ratio), round(widget.canvas.height() * ratio))


def test_a_note_stays_when_the_view_is_resized_and_nothing_is_drawn_behind_it(
    qtbot: Any, many: list[ArticleAnalysis], drawing_threads: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A note replaces the chart: a resize lays the note out again, and the hidden chart
    is neither re-plotted nor drawn, here or elsewhere (the window shows its loading note
    before the new view has its size)."""
    widget = shown_compare_view(qtbot, 1000, 700)
    widget.set_analyses(many)
    show(qtbot, widget, "outlet_heatmap")
    plotted = len(drawing_threads)  # the empty chart the view was built with, here
    draws: list[int] = []
    widget.canvas.draw = lambda: draws.append(1)  # type: ignore[method-assign]
    jobs: list[int] = []
    monkeypatch.setattr(widget, "_start_job", lambda *args: jobs.append(1))
    widget.show_note("Loading the articles…")
    widget.resize(700, 500)
    qtbot.wait(3 * qt_compare_view.RESIZE_DEBOUNCE_MS)
    assert widget.note() == "Loading the articles…" and widget.current_chart() is None
    assert widget.note_label.isVisible() and widget.note_label.text() == widget.note()
    assert widget.note_label.size() == widget.chart_stack.size()
    assert len(drawing_threads) == plotted and draws == [] and jobs == []


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
    with signal_after_work(qtbot, widget.chart_shown, "the first chart"):
        widget.set_analyses(analyze_paths([SEEDS]).analyses)
    assert widget.note() == "" and widget.current_figure().axes


def test_a_resize_due_after_the_next_note_draws_nothing_on_the_gui_thread(
    qtbot: Any, view: CompareView, drawing_threads: list[str]
) -> None:
    """A chart's resize can come due after the next chart's note went up, as when a chart
    is chosen right after another: the hidden, out of date chart is neither drawn on the
    GUI thread nor sent to be drawn again; the next chart is then drawn once, elsewhere,
    at its size."""
    show(qtbot, view, "outlet_heatmap")
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
    assert gui_draws == [] and not view.chart_pending()
    # The next chart takes the note's place, drawn once elsewhere.
    show(qtbot, view, "similarity")
    qtbot.wait(2 * qt_compare_view.RESIZE_DEBOUNCE_MS)
    wait_for_work(qtbot, lambda: view.canvas.settled, "a drawing after the chart")
    assert view.note() == "" and view.scroll_area.isVisible()
    assert drawing_threads == [] and gui_draws == []
    pixels = view.canvas.pixels()
    ratio = view.canvas.device_pixel_ratio
    assert pixels is not None and (pixels.width(), pixels.height()) == (
        round(view.canvas.width() * ratio), round(view.canvas.height() * ratio))
