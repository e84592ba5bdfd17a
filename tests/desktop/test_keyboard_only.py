"""A keyboard-only walk (ux27, Xvfb with xdotool): what a user who cannot use a mouse met.

- Ctrl+2 from the Compare view, the first time, left the focus on the Read tab's empty
  placeholder, deleted a moment later: the next Tab started again at the window's top.
- The legend chips, the article table and the Read view's text showed no focus a user
  could see (the table: a 1 px darker edge on the current cell of the selected row).
- Only a click on a header sorted the table.

Real key events (QTest.keyClick); the focus marks are read from the widgets' pixels.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from tests.desktop.conftest import SEEDS, load, wait_for_chart

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def tab(times: int = 1) -> QWidget:
    """Press Tab ``times`` where the focus is; the widget that has it after."""
    for _ in range(times):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    return QApplication.focusWidget()


def highlight_of(widget: QWidget) -> str:
    return widget.palette().color(QPalette.ColorRole.Highlight).name()


def left_edge(image: QImage, top_left: QPoint, height: int) -> set[str]:
    """The colours of the pixel column at ``top_left``, ``height`` pixels down."""
    return {image.pixelColor(top_left + QPoint(0, y)).name() for y in range(height)}


def test_ctrl_2_from_the_chart_takes_the_focus_into_the_read_view(
    qtbot: Any, window: Any
) -> None:
    load(qtbot, window, [SEEDS])
    wait_for_chart(qtbot, window.compare_view)
    assert window._read_view is None  # the first visit builds it
    window.activateWindow()
    window.compare_view.chart_combo.setFocus()
    QTest.keyClick(window.compare_view.chart_combo, Qt.Key.Key_2, CTRL)
    read = window.read_view
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is read)
    QApplication.processEvents()  # the placeholder's deleteLater
    focused = QApplication.focusWidget()
    assert focused is not None and read.isAncestorOf(focused)
    assert focused.focusPolicy() & Qt.FocusPolicy.TabFocus
    # Tab goes on through the Read view (the next chip), not back to the window's top.
    assert read.isAncestorOf(tab())


def test_tab_to_a_legend_chip_rings_it_and_space_toggles_it(
    qtbot: Any, window: Any
) -> None:
    load(qtbot, window, [SEEDS])
    window.activateWindow()
    QTest.keyClick(window.table, Qt.Key.Key_2, CTRL)
    view = window.read_view
    chip = view.chip("hedge:epistemic")
    unfocused = chip.grab().toImage()
    window.tabs.tabBar().setFocus()
    assert tab() is chip  # the tab bar, then the first chip
    focused = chip.grab().toImage()
    # The chip's left edge, half way down: the highlight colour only while it has the focus.
    middle = QPoint(0, chip.height() // 2)
    ring = {focused.pixelColor(middle + QPoint(x, 0)).name() for x in range(3)}
    before = {unfocused.pixelColor(middle + QPoint(x, 0)).name() for x in range(3)}
    assert highlight_of(chip) in ring
    assert highlight_of(chip) not in before
    assert chip.size() == chip.sizeHint()  # the ring takes no room of its own
    QTest.keyClick(chip, Qt.Key.Key_Space)
    assert not chip.isChecked()


def test_the_article_table_and_the_read_text_show_a_ring_while_focused(
    qtbot: Any, window: Any
) -> None:
    load(qtbot, window, [SEEDS])
    window.activateWindow()
    table = window.table
    window.filter_edit.setFocus()
    assert tab() is table
    viewport = table.viewport()

    def ringed(area: Any) -> bool:
        # Down the left edge of the area's viewport (for the table: the selected row,
        # the others, the empty room below) in the highlight colour alone.
        shot = area.grab().toImage()
        top_left = area.viewport().geometry().topLeft()
        return left_edge(shot, top_left, area.viewport().height()) == {highlight_of(area)}

    qtbot.waitUntil(lambda: ringed(table), timeout=1000)
    tab()  # on to the tab bar
    assert not ringed(table)
    assert viewport.height() > 50

    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_2, CTRL)
    browser = window.read_view.text_edit()
    assert not ringed(browser)
    browser.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: ringed(browser), timeout=1000)


def test_ctrl_shift_t_sorts_by_the_current_column_like_header_clicks(
    qtbot: Any, window: Any
) -> None:
    load(qtbot, window, [SEEDS])
    window.activateWindow()
    table, proxy = window.table, window.proxy
    words = next(i for i in range(proxy.columnCount())
                 if proxy.headerData(i, Qt.Orientation.Horizontal) == "Words")
    table.setFocus()
    table.setCurrentIndex(proxy.index(0, 0))
    for _ in range(words):
        QTest.keyClick(table, Qt.Key.Key_Right)
    assert table.currentIndex().column() == words
    load_order = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]

    def column_words() -> list[int]:
        return [int(proxy.index(r, words).data()) for r in range(proxy.rowCount())]

    QTest.keyClick(table, Qt.Key.Key_T, CTRL_SHIFT)
    assert column_words() == sorted(column_words())
    assert table.horizontalHeader().sortIndicatorSection() == words
    assert "sorted by Words, ascending" in window.statusBar().currentMessage()
    QTest.keyClick(table, Qt.Key.Key_T, CTRL_SHIFT)
    assert column_words() == sorted(column_words(), reverse=True)
    QTest.keyClick(table, Qt.Key.Key_T, CTRL_SHIFT)
    assert table.horizontalHeader().sortIndicatorSection() == -1
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == load_order
    # In the View menu and in the table's context menu (the Menu key).
    assert window.action_sort in window.view_menu.actions()
    assert window.action_sort in table.actions()


def test_the_charts_description_offers_f1_and_f1_on_the_chart_opens_its_measure(
    qtbot: Any, window: Any
) -> None:
    """The description ended "(more: hover here, or Help ▸ Methods)": no way in for a
    keyboard or screen-reader user, whom the chart's accessible description (the same
    text) reaches. F1 on the chart opens Methods at the chart's measure."""
    load(qtbot, window, [SEEDS])
    view = window.compare_view
    wait_for_chart(qtbot, view)
    assert view.description.text().endswith("(more: hover here, or F1 for Help ▸ Methods)")
    assert "F1 for Help ▸ Methods" in view.canvas.accessibleDescription()
    window.activateWindow()
    view.canvas.setFocus()
    qtbot.waitUntil(view.canvas.hasFocus)
    QTest.keyClick(view.canvas, Qt.Key.Key_F1)
    dialog = window._methods_dialog
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    browser = dialog.browser()
    at = browser.verticalScrollBar().value()
    browser.scrollToAnchor(view.current_measure())
    assert at == browser.verticalScrollBar().value() > 0
    QTest.keyClick(browser, Qt.Key.Key_Escape)  # and Escape closes it
    qtbot.waitUntil(lambda: not dialog.isVisible())
