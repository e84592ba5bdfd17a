"""Tab goes through the window in the order it reads, top to bottom: the sample hint's
close button (above the filter box) came after the tab bar, between it and the Chart box
(ux25, Xvfb), since it is made after the other widgets. Real Tab and Shift+Tab keys."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.desktop.test_samples_make_room import open_samples_as_the_app_does


def test_tab_after_the_tab_bar_goes_to_the_chart_and_the_hint_comes_before_the_filter(
    qtbot: Any, window: Any
) -> None:
    open_samples_as_the_app_does(qtbot, window)
    close = window.sample_hint.close_button
    assert window.sample_hint.isVisible()
    view = window.compare_view
    window.activateWindow()
    window.tabs.tabBar().setFocus()
    QTest.keyClick(window.tabs.tabBar(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view.chart_combo  # not the hint's ✕ above
    window.filter_edit.setFocus()
    QTest.keyClick(window.filter_edit, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is close
    QTest.keyClick(close, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.filter_edit
    QTest.keyClick(window.filter_edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.table
