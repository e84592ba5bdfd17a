"""Edit Lexicons opens on a copy that cannot be read (not UTF-8, or unreadable), says
so, and offers Reset to Shipped: the way out the Load Problems row points to."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.desktop.test_lexicon_reset_asks import answer_box


def test_the_editor_opens_on_an_unreadable_copy_and_resets_it(
    qtbot: Any, tmp_path: Path
) -> None:
    from desktop.qt_lexicon_editor import LexiconEditor

    folder = tmp_path / "lexicons"
    folder.mkdir()
    copy = folder / "hedges.csv"
    copy.write_bytes(b"\xff\xfe\x00garbage")
    editor = LexiconEditor(folder)
    qtbot.addWidget(editor)
    editor.show()
    editor.select_lexicon("hedges.csv")
    assert editor.tree.topLevelItemCount() == 0
    assert "could not be read (not UTF-8" in editor.state_label.text()
    assert str(copy) in editor.state_label.text()
    assert editor.reset_button.isEnabled() and not editor.add_button.isEnabled()

    seen = answer_box(qtbot, QMessageBox.StandardButton.Reset)
    qtbot.mouseClick(editor.reset_button, Qt.MouseButton.LeftButton)
    assert seen and not copy.exists()
    assert editor.tree.topLevelItemCount() > 10
    assert editor.add_button.isEnabled()
