"""Real mouse clicks on the chart canvas list the sentences behind a bar; the list opens Read."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt

from desktop.qt_compare_view import CompareView
from desktop.qt_evidence_panel import CUE_MARK, EMPTY_TEXT, EvidenceModel, evidence_rows
from models.evidence import measure_sentences, sentence_text
from models.features import ArticleAnalysis
from models.pipeline import analyze_paths
from tests.desktop.conftest import shown_compare_view, wait_for_chart

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def seeds() -> list[ArticleAnalysis]:
    return analyze_paths([SEEDS]).analyses


@pytest.fixture
def view(qtbot: Any, seeds: list[ArticleAnalysis]) -> CompareView:
    widget = shown_compare_view(qtbot, 1000, 800)
    widget.set_analyses(seeds)
    widget.select_chart("measure_by_outlet")
    widget.select_measure("sources_anonymous")
    wait_for_chart(qtbot, widget)
    return widget


def widget_point(view: CompareView, x: float, y: float) -> QPoint:
    """The canvas widget's pixel for data point (x, y) of the chart's axes, where it is
    painted (scaled down while the canvas, shrunk by the sentences opening, waits to be
    drawn again)."""
    ax = view.current_figure().axes[0]
    px, py = ax.transData.transform((x, y))
    return view.canvas.widget_point(px, py)


def test_clicking_a_bar_with_the_mouse_lists_its_sentences(
    qtbot: Any, view: CompareView, seeds: list[ArticleAnalysis]
) -> None:
    panel = view.evidence_panel
    assert panel.rows() == [] and panel.heading.text() == EMPTY_TEXT
    chart = view.current_chart()
    bars = chart.bars  # type: ignore[union-attr]
    index = [b.outlet for b in bars].index("MoD-based report")
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton,
                     pos=widget_point(view, index + 0.2, bars[index].mean * 0.3))
    mod = next(a for a in seeds if a.outlet == "MoD-based report")
    expected = measure_sentences(mod, "sources_anonymous")
    assert [r.ref for r in panel.rows()] == expected
    assert panel.model.rowCount() == len(expected) > 3
    assert panel.heading.text().startswith("MoD-based report: average")
    # The cue is highlighted in the row's rich text.
    first = panel.rows()[0]
    assert first.text == sentence_text(mod, expected[0].sentence_index)
    assert f'background-color:{CUE_MARK}' in first.html()
    # A click on the empty plot area between bars lists nothing, and says so.
    top = max(b.mean for b in bars)
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton,
                     pos=widget_point(view, index - 0.5, top * 1.02))
    assert panel.rows() == []
    assert panel.heading.text() == "No sentence behind this"


def test_each_listed_sentence_names_its_article_by_outlet_and_headline(
    qtbot: Any, view: CompareView
) -> None:
    # Not by its file name ("The Daily Beast · 001_66f19ea345cf053d · sentence 4").
    chart = view.current_chart()
    bars = chart.bars  # type: ignore[union-attr]
    index = [b.outlet for b in bars].index("The Daily Beast")
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton,
                     pos=widget_point(view, index + 0.2, bars[index].mean * 0.3))
    model = view.evidence_panel.model
    assert model.rowCount() > 0
    shown = [model.index(r, 0).data().splitlines()[0] for r in range(model.rowCount())]
    assert all(line.startswith("The Daily Beast · Putin’s Reportedly Had to Ban His Top… · "
                               "sentence ") for line in shown), shown
    assert not any("001_66f19ea345cf053d" in line for line in shown)


def test_double_click_and_enter_open_the_sentence(
    qtbot: Any, view: CompareView, seeds: list[ArticleAnalysis]
) -> None:
    bars = view.current_chart().bars  # type: ignore[union-attr]
    index = [b.outlet for b in bars].index("HLN")
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton,
                     pos=widget_point(view, index, bars[index].mean * 0.3))
    panel = view.evidence_panel
    rows = panel.rows()
    assert len(rows) >= 2
    list_view = panel.list_view
    rect = list_view.visualRect(panel.model.index(1, 0))
    with qtbot.waitSignal(view.sentence_activated) as opened:
        qtbot.mouseClick(list_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(list_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [rows[1].ref.article_id, rows[1].ref.sentence_index]
    list_view.setCurrentIndex(panel.model.index(0, 0))
    with qtbot.waitSignal(view.sentence_activated) as entered:
        qtbot.keyClick(list_view, Qt.Key.Key_Return)
    assert entered.args == [rows[0].ref.article_id, rows[0].ref.sentence_index]


def test_the_list_takes_room_only_when_it_lists_sentences(
    qtbot: Any, view: CompareView
) -> None:
    panel = view.evidence_panel
    chart_height, panel_height = view.splitter.sizes()
    # Before any click only the one-line hint shows: the chart has nearly all the height.
    assert not panel.is_listing() and not panel.list_view.isVisible()
    assert panel_height < 2.5 * panel.heading.sizeHint().height() < chart_height / 4
    bars = view.current_chart().bars  # type: ignore[union-attr]
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton,
                     pos=widget_point(view, 0, bars[0].mean * 0.3))
    assert panel.rows() and panel.is_listing() and panel.list_view.isVisible()
    chart_after, panel_after = view.splitter.sizes()
    assert panel_after >= (chart_after + panel_after) // 3 - 1
    assert panel.list_view.height() >= panel.list_view.minimumHeight()
    # Another chart: the list goes, the hint stays, and the list does not take room.
    view.select_chart("tone_strips")
    assert not panel.is_listing() and panel.heading.text() == EMPTY_TEXT


def test_changing_the_chart_clears_the_list(qtbot: Any, view: CompareView) -> None:
    bars = view.current_chart().bars  # type: ignore[union-attr]
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton,
                     pos=widget_point(view, 0, bars[0].mean * 0.3))
    assert view.evidence_panel.rows()
    view.select_chart("tone_strips")
    assert view.evidence_panel.rows() == []
    assert view.evidence_panel.heading.text() == EMPTY_TEXT


def test_evidence_model_passes_the_model_tester(
    qtmodeltester: Any, seeds: list[ArticleAnalysis]
) -> None:
    model = EvidenceModel()
    mod = next(a for a in seeds if a.outlet == "MoD-based report")
    model.set_rows(evidence_rows(measure_sentences(mod, "attributions_per_100w"), seeds))
    assert model.rowCount() > 5
    qtmodeltester.check(model)


def test_main_window_opens_read_on_the_sentence(qtbot: Any, seed_dir: Path) -> None:
    from desktop.qt_main_window import READ_TAB, MainWindow
    from tests.desktop.conftest import LOAD_TIMEOUT_MS

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.runner.finished, timeout=LOAD_TIMEOUT_MS):
        window.open_paths([seed_dir])
    mod = next(a for a in window.analyses() if a.outlet == "MoD-based report")
    window.compare_view.sentence_activated.emit(mod.article_id, 15)
    assert window.tabs.currentIndex() == READ_TAB
    assert window.read_view.analysis() is mod
    cursor = window.read_view.text_edit().textCursor()
    block = cursor.block().text()
    assert "Peskov" in sentence_text(mod, 15)
    assert sentence_text(mod, 15)[:20] in block


def test_a_sentence_opened_from_a_sorted_table_selects_its_own_article(
    qtbot: Any, window: Any, seed_dir: Path
) -> None:
    """Opening a listed sentence selects its article in the table: the row was looked up
    in load order and used as a row of the table as sorted, so in a sorted table another
    article was selected (and Delete then removed that one) while Read showed the right
    one (the random walk, seeds 1-7)."""
    from desktop.qt_main_window import READ_TAB
    from desktop.table_columns import OUTLET_COLUMN
    from tests.desktop.conftest import load

    load(qtbot, window, [seed_dir])
    table, header = window.table, window.table.horizontalHeader()
    x = header.sectionViewportPosition(OUTLET_COLUMN) + header.sectionSize(OUTLET_COLUMN) // 2
    for _ in range(2):  # descending: no article keeps its load-order row
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    loaded = [a.article_id for a in window.analyses()]
    shown = [window.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole).article_id
             for r in range(window.proxy.rowCount())]
    assert shown != loaded
    view = window.compare_view
    wait_for_chart(qtbot, view)
    view.canvas.setFocus()
    qtbot.keyClick(view.canvas, Qt.Key.Key_Return)  # lists the first bar's sentences
    listing = view.evidence_panel.list_view
    assert view.evidence_panel.is_listing()
    listing.setFocus()
    listing.setCurrentIndex(listing.model().index(0, 0))
    with qtbot.waitSignal(view.sentence_activated) as opened:
        qtbot.keyClick(listing, Qt.Key.Key_Return)
    article_id = opened.args[0]
    assert window.tabs.currentIndex() == READ_TAB
    assert window.read_view.analysis().article_id == article_id
    current = table.currentIndex().siblingAtColumn(0).data(Qt.ItemDataRole.UserRole)
    assert current.article_id == article_id
    assert [i.siblingAtColumn(0).data(Qt.ItemDataRole.UserRole).article_id
            for i in table.selectionModel().selectedRows()] == [article_id]


def test_a_sentence_opened_from_an_article_the_filter_hides_leaves_no_other_selected(
    qtbot: Any, window: Any, seed_dir: Path
) -> None:
    """A sentence of an article the filter hides opens in Read; the table's current and
    selected article stayed another one, which Delete then removed, and which the table
    still marked once the filter was cleared, beside Read showing this one (the random
    walk, seed 206)."""
    from desktop.qt_main_window import READ_TAB
    from tests.desktop.conftest import load

    load(qtbot, window, [seed_dir])
    mod = next(a for a in window.analyses() if a.outlet == "MoD-based report")
    other = next(a for a in window.analyses() if a is not mod)
    window.table.setFocus()
    window.table.selectRow(window.analyses().index(other))
    qtbot.keyClicks(window.filter_edit, other.outlet)
    assert window.proxy.rowCount() == 1  # only the other article is shown
    window.compare_view.sentence_activated.emit(mod.article_id, 15)
    assert window.tabs.currentIndex() == READ_TAB
    assert window.read_view.analysis() is mod
    assert window.selected_source_rows() == []
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    assert len(window.analyses()) == 5
    window.filter_edit.clear()
    assert window.read_view.analysis() is mod
    assert window.selected_source_rows() == []
