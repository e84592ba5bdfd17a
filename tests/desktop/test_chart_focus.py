"""The chart is one Tab stop, with the focus shown: Tab went from the Measure box to the
chart's scroll area, which showed nothing, and only then to the chart (ux25, Xvfb). Real
Tab and Shift+Tab keys; the ring is read from the window's pixels."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.desktop.conftest import SEEDS, load, wait_for_chart


def test_tab_reaches_the_chart_once_and_a_ring_shows_it_has_the_focus(
    qtbot: Any, window: Any
) -> None:
    load(qtbot, window, [SEEDS])
    view = window.compare_view
    wait_for_chart(qtbot, view)
    window.activateWindow()
    # The stop before the chart: the description's More/Less when it shows, else Measure.
    before = view.description.more if view.description.more.isVisible() else view.measure_combo
    before.setFocus()
    assert not view.focus_ring.isVisible()
    QTest.keyClick(before, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view.canvas  # not the scroll area first
    ring = view.focus_ring
    qtbot.waitUntil(ring.isVisible)
    viewport = view.scroll_area.viewport()
    assert ring.geometry() == viewport.geometry()
    # Drawn in the highlight colour over the chart's left edge, half way down.
    highlight = ring.palette().color(QPalette.ColorRole.Highlight)
    shot = view.scroll_area.grab().toImage()
    point = viewport.geometry().topLeft() + QPoint(0, viewport.height() // 2)
    assert shot.pixelColor(point).name() == highlight.name()
    QTest.keyClick(view.canvas, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not view.scroll_area
    assert QApplication.focusWidget() is not view.canvas
    qtbot.waitUntil(lambda: not ring.isVisible())
    focused = QApplication.focusWidget()
    QTest.keyClick(focused, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is view.canvas
    QTest.keyClick(view.canvas, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is before  # one stop back, not two


def test_page_down_on_the_chart_scrolls_its_page(qtbot: Any, window: Any) -> None:
    load(qtbot, window, [SEEDS])
    view = window.compare_view
    wait_for_chart(qtbot, view)
    window.resize(window.width(), 560)  # the chart's page shorter than the chart
    bar = view.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    window.activateWindow()
    view.canvas.setFocus()
    QTest.keyClick(view.canvas, Qt.Key.Key_PageDown)
    assert bar.value() > 0
