"""The Compare view with real widgets: choosing charts and measures, exporting, resizing."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import csv
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from matplotlib.backend_bases import MouseEvent
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolTip

from desktop.charts import CHART_KINDS, chart_kind
from desktop.charts.style import EMPTY_MESSAGE
from desktop.qt_compare_view import (
    EXPORT_MIN_SIZE,
    RESIZE_DEBOUNCE_MS,
    CompareView,
)
from desktop.table_columns import lead_sentence
from models.article import Article
from models.features import ArticleAnalysis
from models.measures import comparable_measures, measure
from tests.desktop.conftest import shown_compare_view, wait_for_chart, wait_for_work
from tests.desktop.test_charts import OUTLETS, make_corpus


class DrawCounter:
    """Counts the canvas's Agg draws (each one a full re-render of the figure)."""

    def __init__(self) -> None:
        self.count = 0

    def wrap(self, draw: Callable[[], None]) -> Callable[[], None]:
        def counting() -> None:
            self.count += 1
            draw()

        return counting


@pytest.fixture(scope="module")
def corpus() -> list[ArticleAnalysis]:
    return make_corpus(OUTLETS, 11)


@pytest.fixture
def view(qtbot: Any, corpus: list[ArticleAnalysis]) -> CompareView:
    widget = shown_compare_view(qtbot, 900, 700)
    widget.set_analyses(corpus)
    # The chart is drawn (on a thread) and the first layout's resize has settled.
    wait_for_chart(qtbot, widget)
    return widget


@pytest.fixture
def draws(view: CompareView, monkeypatch: pytest.MonkeyPatch) -> DrawCounter:
    counter = DrawCounter()
    monkeypatch.setattr(view.canvas, "draw", counter.wrap(view.canvas.draw))
    return counter


def figure_texts(view: CompareView) -> list[str]:
    fig = view.current_figure()
    return [t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text"))]


def test_choosers_list_the_charts_and_the_comparable_measures(view: CompareView) -> None:
    combo = view.chart_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [k.title for k in CHART_KINDS]
    assert [combo.itemData(i) for i in range(combo.count())] == [k.key for k in CHART_KINDS]
    measures = view.measure_combo
    assert [measures.itemData(i) for i in range(measures.count())] == [
        m.key for m in comparable_measures()
    ]
    assert view.current_measure() == "hedges_epistemic_per_100w"
    assert view.current_key() == "measure_by_outlet"
    assert measures.isEnabled()
    assert measures.itemData(0, Qt.ItemDataRole.ToolTipRole) == comparable_measures()[0].definition


def test_choosing_a_chart_draws_it_off_the_gui_thread_and_emits(
    qtbot: Any, view: CompareView, draws: DrawCounter
) -> None:
    figure = view.current_figure()
    with qtbot.waitSignal(view.chart_changed, timeout=5000) as blocker:
        view.chart_combo.setCurrentIndex(view.chart_combo.findData("outlet_heatmap"))
    assert blocker.args == ["outlet_heatmap"]
    chart = wait_for_chart(qtbot, view)
    assert chart.key == "outlet_heatmap"
    # Drawn elsewhere (a thread, at 66 articles): the canvas paints those pixels and
    # hit-tests on the figure they were drawn from; the GUI thread drew nothing.
    assert view.canvas.showing_pixels and draws.count == 0
    shown = view.current_figure()
    assert shown is not figure
    assert shown._suptitle is not None and shown._suptitle.get_text() == chart.title
    assert not view.measure_combo.isEnabled()
    assert view.description.text() == chart_kind("outlet_heatmap").description


def test_typing_in_the_chart_chooser_selects_by_title(
    qtbot: Any, view: CompareView, draws: DrawCounter
) -> None:
    view.chart_combo.setFocus()
    seen: list[str] = []
    view.chart_changed.connect(seen.append)
    with qtbot.waitSignal(
        view.chart_changed, timeout=5000, check_params_cb=lambda key: key == "similarity"
    ):
        qtbot.keyClicks(view.chart_combo, "Si")
    assert seen == ["tone_strips", "similarity"]  # "S": Sentence tone…; "Si": Similarity…
    assert view.current_key() == "similarity"
    wait_for_chart(qtbot, view)
    assert "Similarity of wording between articles" in figure_texts(view)


def test_measure_chooser_is_enabled_only_for_measure_charts(qtbot: Any, view: CompareView) -> None:
    for kind in CHART_KINDS:
        view.select_chart(kind.key)
        assert view.measure_combo.isEnabled() is kind.needs_measure
        assert view.measure_label.isEnabled() is kind.needs_measure
    view.select_chart("measure_by_outlet")
    with qtbot.waitSignal(view.measure_changed, timeout=5000) as blocker:
        view.measure_combo.setCurrentIndex(view.measure_combo.findData("boosters_per_100w"))
    assert blocker.args == ["boosters_per_100w"]
    chart = wait_for_chart(qtbot, view)
    assert chart.title == "Boosters by outlet"
    assert "Boosters by outlet" in figure_texts(view)
    # The view shows the definition's first sentence; the whole of it is in the tooltip.
    definition = measure("boosters_per_100w").definition
    shown = view.description.text()
    assert lead_sentence(definition) in shown and definition not in shown
    assert "Help ▸ Methods" in shown
    assert definition in view.description.toolTip()
    # On a chart without a measure, choosing one changes nothing drawn.
    view.select_chart("tone_strips")
    before = wait_for_chart(qtbot, view)
    view.select_measure("tone_mean")
    assert view.current_chart() is before and not view.chart_pending()
    with pytest.raises(KeyError):
        view.select_measure("words")  # not a comparable measure
    with pytest.raises(KeyError):
        view.select_chart("pie")


def test_charts_are_computed_once_per_data(
    qtbot: Any, view: CompareView, corpus: list[ArticleAnalysis]
) -> None:
    view.select_chart("similarity")
    first = wait_for_chart(qtbot, view)
    view.select_chart("tone_strips")
    wait_for_chart(qtbot, view)
    view.select_chart("similarity")  # its drawing fits the canvas: shown again at once
    assert view.current_chart() is first and not view.chart_pending()
    view.set_analyses(corpus[:4])
    again = wait_for_chart(qtbot, view)
    assert again is not first and again.n_articles == 4


def test_empty_corpus_shows_a_message(qtbot: Any, view: CompareView) -> None:
    for kind in CHART_KINDS:
        view.select_chart(kind.key)
        view.set_analyses([])
        wait_for_chart(qtbot, view)
        assert EMPTY_MESSAGE in figure_texts(view)


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_export_figure_writes_each_format(
    qtbot: Any, view: CompareView, tmp_path: Path, fmt: str
) -> None:
    view.resize(420, 360)  # the window's size must not matter to the file
    path = tmp_path / "out" / f"chart.{fmt}"
    view.export_figure(path)
    data = path.read_bytes()
    if fmt == "png":
        from PIL import Image

        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000
        with Image.open(path) as image:
            assert image.size == (int(EXPORT_MIN_SIZE[0] * 200), int(EXPORT_MIN_SIZE[1] * 200))
    elif fmt == "svg":
        assert b"<svg" in data[:2000]
        assert b"BBC News" in data and b"Epistemic hedges by outlet" in data
    else:
        assert data[:5] == b"%PDF-"
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def test_export_rejects_other_formats(view: CompareView, tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        view.export_figure(tmp_path / "chart.gif")
    assert not (tmp_path / "chart.gif").exists()


def test_export_data_writes_the_charts_rows(view: CompareView, tmp_path: Path) -> None:
    view.select_chart("tone_strips")
    path = tmp_path / "tone.csv"
    view.export_data(path)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    chart = view.current_chart()
    assert chart is not None
    columns, expected = chart.rows()
    assert list(rows[0]) == columns and len(rows) == len(expected)


def test_resizing_redraws_once_after_the_debounce(
    qtbot: Any, view: CompareView, monkeypatch: pytest.MonkeyPatch
) -> None:
    import desktop.qt_chart_job

    real = desktop.qt_chart_job.start_thread_drawing_job
    jobs: list[str] = []

    def counted(kind: str, *args: Any, **kwargs: Any) -> Any:
        jobs.append(kind)
        return real(kind, *args, **kwargs)

    monkeypatch.setattr(desktop.qt_chart_job, "start_thread_drawing_job", counted)
    timer = view.canvas._resize_timer
    for width in (700, 740, 780, 820, 860):
        # A drag's steps 20 ms apart. The resize reaches the canvas at once (a visible
        # widget); between steps only posted events run (a draw_idle would), not timers:
        # a step that came late (the test thread without a core) still counts as a drag.
        before = time.monotonic()
        view.resize(width, 600)
        left = timer.remainingTime()
        took_ms = (time.monotonic() - before) * 1000
        # The debounce restarted during this step (a coarse timer may be 5% early).
        assert view.canvas.resize_pending and left >= 0.95 * RESIZE_DEBOUNCE_MS - took_ms - 1
        time.sleep(RESIZE_DEBOUNCE_MS / 5000)
        QApplication.sendPostedEvents()
    assert jobs == []  # nothing re-drawn while the user is still dragging
    wait_for_work(qtbot, lambda: bool(jobs) and view.canvas.settled, "the drawing for the new size")
    qtbot.wait(RESIZE_DEBOUNCE_MS * 3)  # and no further drawing follows
    assert jobs == ["measure_by_outlet"] and view.canvas.settled
    # The drawing painted fits the canvas, and so does the figure it hit-tests on.
    ratio = view.canvas.device_pixel_ratio
    image = view.canvas.pixels()
    assert image is not None
    assert (image.width(), image.height()) == (
        round(view.canvas.width() * ratio), round(view.canvas.height() * ratio))
    fig = view.current_figure()
    width_px = fig.get_size_inches()[0] * fig.dpi / ratio
    assert round(width_px) == view.canvas.width()


def test_hovering_a_dot_names_the_article(qtbot: Any, view: CompareView) -> None:
    view.select_chart("measure_by_outlet")
    wait_for_chart(qtbot, view)
    canvas = view.canvas
    ax = view.current_figure().axes[0]
    x, y = ax.transData.transform(ax.collections[0].get_offsets()[0])
    canvas.callbacks.process("motion_notify_event", MouseEvent("motion_notify_event", canvas, x, y))
    qtbot.waitUntil(lambda: "a002" in QToolTip.text())
    assert "Al Jazeera English" in QToolTip.text()
    QToolTip.hideText()


def test_article_without_outlet_is_labelled(qtbot: Any, view: CompareView) -> None:
    bare = make_corpus([""], 2)
    assert all(isinstance(a.article, Article) and a.outlet == "" for a in bare)
    view.set_analyses(bare)
    view.select_chart("measure_by_outlet")
    wait_for_chart(qtbot, view)
    labels = [
        t.get_text().replace("\n", " ") for t in view.current_figure().axes[0].get_xticklabels()
    ]
    assert labels == ["(unknown outlet)"]


def test_lead_sentence_stops_at_the_first_sentence_end_only() -> None:
    assert lead_sentence("One. Two.") == "One."
    assert lead_sentence("Cites 'x'. Each one") == "Cites 'x'."
    # Abbreviations, numbers and lower-case words after a full stop do not end it.
    text = "Mean of U.S. scores (Prince et al. 1982); e.g. 'may'. Then more."
    assert lead_sentence(text) == "Mean of U.S. scores (Prince et al. 1982); e.g. 'may'."
    assert lead_sentence("No end here") == "No end here"
