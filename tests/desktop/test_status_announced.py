"""The status bar's messages that say what a command did are announced to screen readers
(ux28: the sort's "Table sorted by …", an export's "Saved …", a load's summary and errors
were shown and never spoken; only the Read view's cue at the caret was announced).

No screen reader runs here: the test turns Qt's accessibility on, as one would, and records
each event posted through ``QAccessible.updateAccessibility`` (the call that hands it to
the platform: AT-SPI on Linux), then asks Qt's accessibility interface of the event's
object what it is."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog

from tests.desktop.conftest import SEEDS, load, wait_for_chart

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
POLITE = QAccessible.AnnouncementPoliteness.Polite
ASSERTIVE = QAccessible.AnnouncementPoliteness.Assertive


@pytest.fixture
def announced(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, Any, Any]]]:
    """(message, role of the announcing object, politeness) of each announcement posted
    while a screen reader is (as if) listening."""
    said: list[tuple[str, Any, Any]] = []
    post = QAccessible.updateAccessibility

    def record(event: Any) -> None:
        if event.type() == QAccessible.Event.Announcement:
            role = QAccessible.queryAccessibleInterface(event.object()).role()
            said.append((event.message(), role, event.politeness()))
        post(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(record))
    was_active = QAccessible.isActive()
    QAccessible.setActive(True)
    try:
        yield said
    finally:
        QAccessible.setActive(was_active)


def status_said(said: list[tuple[str, Any, Any]]) -> list[tuple[str, Any]]:
    return [(text, politeness) for text, role, politeness in said
            if role == QAccessible.Role.StatusBar]


def test_the_load_summary_the_sort_and_an_export_are_said(
    qtbot: Any, window: Any, announced: list[tuple[str, Any, Any]],
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    load(qtbot, window, [SEEDS])
    assert (window.status_text(), POLITE) in status_said(announced)

    announced.clear()
    window.activateWindow()
    table = window.table
    table.setFocus()
    table.setCurrentIndex(window.proxy.index(0, 0))
    QTest.keyClick(table, Qt.Key.Key_T, CTRL_SHIFT)
    assert status_said(announced) == [("Table sorted by Outlet, ascending", POLITE)]
    assert window.statusBar().currentMessage() == "Table sorted by Outlet, ascending"

    announced.clear()
    target = tmp_path / "scores.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "CSV (*.csv)")))
    window.action_export_table.trigger()
    assert target.exists()
    said = status_said(announced)
    assert len(said) == 1 and said[0][0].startswith("Saved scores.csv and its codebook")


def test_an_error_is_said_at_once_and_nothing_without_a_screen_reader(
    qtbot: Any, window: Any, announced: list[tuple[str, Any, Any]],
) -> None:
    from desktop.qt_chart_job import report_problem

    load(qtbot, window, [SEEDS])
    wait_for_chart(qtbot, window.compare_view)
    announced.clear()
    report_problem(window.compare_view, "The chart could not be drawn: out of memory")
    assert status_said(announced) == [
        ("The chart could not be drawn: out of memory", ASSERTIVE)]
    QAccessible.setActive(False)  # no assistive technology: nothing is built or posted
    announced.clear()
    window.tell("Chart copied to the clipboard", 5000)
    assert announced == []
    assert window.statusBar().currentMessage() == "Chart copied to the clipboard"
