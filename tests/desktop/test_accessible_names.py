"""Every widget that can take the focus has a name a screen reader can say (ux27).

The walk goes through the main window after the seeds load, in each of its three views,
with the sentences behind a chart listed, the Load Problems panel opened from the View
menu, and the Methods window. A widget counts as named when it has an accessible name,
or a label a sighted user reads for it: a button's own text (letters or digits, not a
lone "✕"), a QLabel's text, a QLabel whose buddy it is, a tab bar's tab texts. A line
edit's placeholder does not count (it goes once text is typed), nor does a tooltip.
The walk found the Load Problems list and the Methods and About texts unnamed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QLabel, QTabBar, QWidget

from tests.desktop.conftest import SEEDS, load, wait_for_chart


def said(text: str) -> bool:
    """Text a screen reader can say as a name: a letter or a digit in it."""
    return any(ch.isalnum() for ch in text.replace("&", ""))


def unnamed_focusable(root: QWidget) -> list[str]:
    """The widgets under ``root`` (shown, able to take the focus) with no name."""
    widgets = [root, *root.findChildren(QWidget)]
    buddies = {id(label.buddy()) for label in root.findChildren(QLabel)
               if label.buddy() is not None and said(label.text())}
    missing = []
    for widget in widgets:
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or widget.focusProxy() is not None:
            continue
        if not widget.isVisibleTo(root) or widget.width() == 0 or widget.height() == 0:
            continue
        if said(widget.accessibleName()) or id(widget) in buddies:
            continue
        if isinstance(widget, QAbstractButton | QLabel) and said(widget.text()):
            continue
        if isinstance(widget, QTabBar) and widget.count() and all(
                said(widget.tabText(i)) for i in range(widget.count())):
            continue
        parent = widget.parentWidget()
        missing.append(f"{type(widget).__name__} {widget.objectName()!r} in "
                       f"{type(parent).__name__ if parent else None}")
    return missing


def test_said_needs_a_letter_or_a_digit() -> None:
    assert said("Close") and said("&Open") and said("3")
    assert not said("✕") and not said(" … ") and not said("")


def test_every_focusable_widget_of_the_window_has_a_name(qtbot: Any, window: Any) -> None:
    load(qtbot, window, [SEEDS])
    view = window.compare_view
    wait_for_chart(qtbot, view)
    window.activateWindow()
    missing: dict[str, list[str]] = {}
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.waitUntil(lambda: window.tabs.currentWidget().isVisible())
        missing[window.tabs.tabText(index)] = unnamed_focusable(window)
    # The sentences behind the chart's first bar (arrow keys and Enter on the chart).
    window.tabs.setCurrentIndex(0)
    view.canvas.setFocus()
    QTest.keyClick(view.canvas, Qt.Key.Key_Right)
    QTest.keyClick(view.canvas, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.evidence_panel.isVisible() and bool(view.evidence_panel.rows()))
    missing["sentences behind the chart"] = unnamed_focusable(window)
    window.action_load_problems.trigger()  # View > Load Problems
    qtbot.waitUntil(window.problems_dock.isVisible)
    missing["Load Problems"] = unnamed_focusable(window)
    window.action_methods.trigger()  # F1
    methods = window._methods_dialog
    qtbot.waitUntil(methods.isVisible)
    missing["Methods"] = unnamed_focusable(methods)
    assert {where: names for where, names in missing.items() if names} == {}


def test_the_walk_finds_a_widget_without_a_name(qtbot: Any) -> None:
    """The check itself: an unnamed line edit is found; a buddy label names it."""
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout

    box = QWidget()
    qtbot.addWidget(box)
    edit = QLineEdit(box)
    edit.setPlaceholderText("Type here…")
    QVBoxLayout(box).addWidget(edit)
    box.show()
    assert unnamed_focusable(box) == ["QLineEdit '' in QWidget"]
    label = QLabel("&Words:", box)
    label.setBuddy(edit)
    assert unnamed_focusable(box) == []


def test_the_lexicon_editor_and_the_column_dialog_name_their_widgets(
    qtbot: Any, tmp_path: Any
) -> None:
    """Found unnamed: the editor's find box, term list, new term and its category (a
    placeholder only), the column dialog's preview table."""
    from desktop.qt_column_dialog import ColumnDialog
    from desktop.qt_lexicon_editor import LexiconEditor
    from models.readers.tables import guess_columns, preview_table
    from tests.desktop.test_column_dialog import write_csv

    editor = LexiconEditor(tmp_path / "lexicons")
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    path = write_csv(tmp_path / "scraped.csv")
    table = preview_table(path)
    guess = guess_columns(table.header, table.rows)
    dialog = ColumnDialog(path, table, guess.mapping, guess.doubts)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert unnamed_focusable(editor) == []
    assert unnamed_focusable(dialog) == []
