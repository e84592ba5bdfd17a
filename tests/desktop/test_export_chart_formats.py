"""Export Chart with a name whose suffix is a format Framescope does not write.

ux16's review (session 16, finding 7): typing "lead-chart.jpg" wrote "lead-chart.jpg.png"
(and "lead-chart.jpg.csv") without a word but the status bar's. Now she is told which
formats the app writes and asked whether to save as the chosen filter's format under the
same name. Driven through the real dialog: Ctrl+E, the name typed into Qt's own file
dialog, Return, then the question's buttons.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox

from desktop import qt_settings
from tests.desktop.conftest import LOAD_TIMEOUT_MS, copy_seeds, load


def _answer_dialogs(typed: str, button: str | None, seen: dict[str, Any]) -> None:
    """Type ``typed`` into the Save dialog once it is open and press Return; then press
    ``button`` on the question that follows (its text goes into ``seen``), if one is due."""

    def dialog() -> None:
        widget = QApplication.activeModalWidget()
        if not isinstance(widget, QFileDialog):
            QTimer.singleShot(20, dialog)
            return
        seen["filter"] = widget.selectedNameFilter()
        seen["folder"] = widget.directory().absolutePath()
        name = widget.findChild(QLineEdit, "fileNameEdit")
        name.selectAll()
        QTest.keyClicks(name, typed)  # a bare name: the dialog opens in her folder
        QTest.keyClick(name, Qt.Key.Key_Return)
        if widget.isVisible():  # not accepted (a completer took the key): fail, don't hang
            seen["stuck"] = name.text()
            widget.reject()
            return
        if button is not None:
            QTimer.singleShot(0, question)

    def question() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, QFileDialog) or widget is None:
            QTimer.singleShot(20, question)
            return
        assert isinstance(widget, QMessageBox), widget
        seen["text"] = widget.text()
        seen["informative"] = widget.informativeText()
        seen["buttons"] = sorted(b.text().replace("&", "") for b in widget.buttons())
        [chosen] = [b for b in widget.buttons() if b.text().replace("&", "") == button]
        QTest.mouseClick(chosen, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, dialog)


@pytest.fixture
def loaded(qtbot: Any, window: Any, tmp_path: Path) -> Any:
    load(qtbot, window, copy_seeds(tmp_path / "corpus", 3))
    folder = tmp_path / "exports"
    folder.mkdir()
    qt_settings.remember_directory(folder / "anything")  # the dialog opens there
    return window


def test_a_jpg_name_is_told_the_formats_and_saved_as_png_under_her_name(
    qtbot: Any, loaded: Any, tmp_path: Path,
) -> None:
    folder = tmp_path / "exports"
    seen: dict[str, Any] = {}
    _answer_dialogs("lead-chart.jpg", "Save as PNG", seen)
    with qtbot.waitSignal(loaded.chart_exported, timeout=LOAD_TIMEOUT_MS) as ended:
        loaded.table.setFocus()
        QTest.keyClick(loaded.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert "stuck" not in seen and seen["folder"] == str(folder)
    assert seen["filter"] == "PNG image (*.png)"
    assert seen["text"] == ("Framescope cannot write JPEG files: it saves charts as "
                            "PNG, SVG or PDF.")
    assert seen["informative"] == "Save the chart as lead-chart.png (PNG) instead?"
    assert seen["buttons"] == ["Cancel", "Save as PNG"]
    assert ended.args == [folder / "lead-chart.png", ""]
    assert sorted(p.name for p in folder.iterdir()) == [
        "lead-chart (codebook).csv", "lead-chart.csv", "lead-chart.png"]
    assert (folder / "lead-chart.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def test_cancel_writes_nothing(qtbot: Any, loaded: Any, tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    seen: dict[str, Any] = {}
    _answer_dialogs("lead-chart.tiff", "Cancel", seen)
    loaded.table.setFocus()
    QTest.keyClick(loaded.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert seen["text"].startswith("Framescope cannot write TIFF files")
    assert list(folder.iterdir()) == []  # Cancel returned before any export was started


def test_a_dot_in_the_name_is_part_of_the_name(qtbot: Any, loaded: Any, tmp_path: Path) -> None:
    """"Reuters vs. AP" has no format's suffix: the selected filter's is added, unasked."""
    folder = tmp_path / "exports"
    _answer_dialogs("Reuters vs. AP", None, {})
    with qtbot.waitSignal(loaded.chart_exported, timeout=LOAD_TIMEOUT_MS) as ended:
        loaded.table.setFocus()
        QTest.keyClick(loaded.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert ended.args == [folder / "Reuters vs. AP.png", ""]
