"""The name Export Chart and Export Chart Data propose names the chart's measure, in the
words the user sees ("Framescope - Epistemic hedges by outlet.png"; ux25: it was the
command line's "framescope-measure_by_outlet-hedges_epistemic_per_100w.png").

ux19's walkthrough (session 19): a fact-checker exporting the epistemic-hedge chart, then
the evidential-hedge chart, for her editor was offered "framescope-measure_by_outlet.png"
both times (so for all 20 measures of that chart): accepting the name a second time
meant replacing the first chart, and the files did not say what they showed. The
command line names the same files "measure_by_outlet-hedges_epistemic_per_100w.png".
Driven through Qt's own Save dialog: Ctrl+E (Ctrl+Shift+D), the proposed name accepted
with Return, as she would.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox

from desktop import qt_settings
from tests.desktop.conftest import (
    LOAD_TIMEOUT_MS,
    choose_with_keys,
    copy_seeds,
    load,
    wait_for_chart,
)


def _accept_proposed_name(seen: list[str]) -> None:
    """Once the Save dialog is open, note the name it proposes and press Return on it;
    if the dialog then asks to replace a file, that is noted, answered No and the
    dialog cancelled (nothing is written)."""

    def dialog() -> None:
        widget = QApplication.activeModalWidget()
        if not isinstance(widget, QFileDialog):
            QTimer.singleShot(20, dialog)
            return
        name = widget.findChild(QLineEdit, "fileNameEdit")
        seen.append(name.text())
        QTimer.singleShot(20, lambda: replace_question(widget))
        QTest.keyClick(name, Qt.Key.Key_Return)  # the question, if any, opens in here

    def replace_question(save_dialog: QFileDialog) -> None:
        if not shiboken6.isValid(save_dialog):
            return  # accepted and gone: nothing was asked
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append("asked to replace")
            box.reject()
            QTimer.singleShot(0, save_dialog.reject)
        elif save_dialog.isVisible():
            QTimer.singleShot(20, lambda: replace_question(save_dialog))

    QTimer.singleShot(0, dialog)


def _choose_measure_with_keys(qtbot: Any, view: Any, key: str) -> None:
    choose_with_keys(qtbot, view, view.measure_combo, key)


def _export_with_keys(qtbot: Any, window: Any, signal: Any, key: Qt.Key,
                      modifiers: Qt.KeyboardModifier, seen: list[str]) -> None:
    """Press the export shortcut in the table, accept the proposed name, and wait until
    the file is written (``signal``) or the dialog asked to replace a file."""
    written: list[Any] = []
    signal.connect(lambda *args: written.append(args))
    _accept_proposed_name(seen)
    # The window is active again after a dialog, as a window manager makes it (there is
    # none offscreen): the shortcut is the window's.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.table.setFocus()
    QTest.keyClick(window.table, key, modifiers)
    for _ in range(LOAD_TIMEOUT_MS // 500):
        if written or "asked to replace" in seen:
            break
        qtbot.wait(500)
    assert written or "asked to replace" in seen, seen


@pytest.fixture
def loaded(qtbot: Any, window: Any, tmp_path: Path) -> Any:
    load(qtbot, window, copy_seeds(tmp_path / "corpus", 3))
    folder = tmp_path / "exports"
    folder.mkdir()
    qt_settings.remember_directory(folder / "anything")  # the dialog opens there
    wait_for_chart(qtbot, window.compare_view)
    return window


def test_two_measures_exported_under_the_proposed_names_are_two_files(
    qtbot: Any, loaded: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "exports"
    view = loaded.compare_view
    seen: list[str] = []
    for measure in ("hedges_epistemic_per_100w", "hedges_evidential_per_100w"):
        _choose_measure_with_keys(qtbot, view, measure)
        _export_with_keys(qtbot, loaded, loaded.chart_exported, Qt.Key.Key_E,
                          Qt.KeyboardModifier.ControlModifier, seen)
    # In the words she sees (the chart's title), not the command line's keys (ux25).
    assert seen == ["Framescope - Epistemic hedges by outlet.png",
                    "Framescope - Evidential hedges by outlet.png"]
    assert sorted(p.name for p in folder.iterdir()) == [
        "Framescope - Epistemic hedges by outlet (codebook).csv",
        "Framescope - Epistemic hedges by outlet.csv",
        "Framescope - Epistemic hedges by outlet.png",
        "Framescope - Evidential hedges by outlet (codebook).csv",
        "Framescope - Evidential hedges by outlet.csv",
        "Framescope - Evidential hedges by outlet.png",
    ]


def test_chart_data_proposes_the_measure_and_a_chart_without_one_its_own_name(
    qtbot: Any, loaded: Any, tmp_path: Path
) -> None:
    view = loaded.compare_view
    seen: list[str] = []
    _choose_measure_with_keys(qtbot, view, "boosters_per_100w")
    _export_with_keys(qtbot, loaded, loaded.chart_data_exported, Qt.Key.Key_D,
                      Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
                      seen)
    assert seen == ["Framescope - Boosters by outlet.csv"]
    assert (tmp_path / "exports" / seen[0]).is_file()

    # A chart that shows every measure (or none): as the Chart box names it.
    combo = view.chart_combo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == "outlet_heatmap"
    wait_for_chart(qtbot, view)
    _export_with_keys(qtbot, loaded, loaded.chart_exported, Qt.Key.Key_E,
                      Qt.KeyboardModifier.ControlModifier, seen)
    assert seen[1:] == ["Framescope - Outlet profiles (all measures).png"]


@pytest.mark.parametrize(("title", "name"), [
    ("Epistemic hedges by outlet", "Framescope - Epistemic hedges by outlet"),
    ("Claims × outlets (omissions)", "Framescope - Claims x outlets (omissions)"),
    ("Headline–body gap by outlet", "Framescope - Headline-body gap by outlet"),
    ('Mine: "a/b" <c> | d\\e? *f* by outlet', "Framescope - Mine - a - b - c - d - e - f - by outlet"),
    ("Négation by outlet. ", "Framescope - Negation by outlet"),
    ("…", "Framescope chart"),
])
def test_proposed_names_are_safe_on_every_system(title: str, name: str) -> None:
    from desktop.export_names import NAME_CHARS, readable_file_name

    proposed = readable_file_name(title)
    assert proposed == name
    assert proposed.isascii() and not set('/\\:*?"<>|') & set(proposed)
    assert len(readable_file_name("x" * 400)) <= NAME_CHARS
