"""Edit Lexicons > Reset to Shipped deletes the user's edited copy only after asking
(ux8, session 8: one click deleted it, and every term added or removed in it)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox


def edited_editor(qtbot: Any, tmp_path: Path) -> Any:
    from desktop.qt_lexicon_editor import LexiconEditor

    editor = LexiconEditor(tmp_path / "lexicons")
    qtbot.addWidget(editor)
    editor.show()
    editor.select_lexicon("loaded.csv")
    editor.term_edit.setText("stonewalling")
    editor.subcategory_combo.setCurrentText("war_framing")
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "lexicons" / "loaded.csv").is_file()
    return editor


def answer_box(qtbot: Any, button: QMessageBox.StandardButton) -> list[str]:
    """Press ``button`` in the question box once it is up; the texts it showed."""
    seen: list[str] = []
    tries = [0]

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            tries[0] += 1
            if tries[0] < 250:  # 5 s: the box may never come (then the test fails)
                QTimer.singleShot(20, press)
            return
        seen.append(box.text())
        qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, press)
    return seen


@pytest.mark.parametrize("button", [QMessageBox.StandardButton.Cancel,
                                    QMessageBox.StandardButton.Reset], ids=["cancel", "reset"])
def test_reset_to_shipped_asks_first(
    qtbot: Any, tmp_path: Path, button: QMessageBox.StandardButton
) -> None:
    editor = edited_editor(qtbot, tmp_path)
    copy = tmp_path / "lexicons" / "loaded.csv"
    mine = copy.read_bytes()
    seen = answer_box(qtbot, button)
    qtbot.mouseClick(editor.reset_button, Qt.MouseButton.LeftButton)
    assert len(seen) == 1 and seen[0].startswith("Delete your edited copy of loaded.csv (")
    if button == QMessageBox.StandardButton.Cancel:
        assert copy.read_bytes() == mine and editor.reset_button.isEnabled()
    else:
        assert not copy.exists() and not editor.reset_button.isEnabled()
