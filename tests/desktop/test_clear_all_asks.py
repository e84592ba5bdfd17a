"""File > Clear All offers to save unsaved work first, as New Project and closing do
(ux8, session 8: it dropped every article, outlet edit and exclusion at once, unasked, and
there is no undo)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from models.project import load_project
from tests.desktop.conftest import copy_seeds, load
from tests.desktop.test_project_ui import patch_save_dialog


def test_clear_all_asks_and_cancel_keeps_everything(
    qtbot: Any, window: Any, tmp_path: Path, unsaved_changes_answers: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    load(qtbot, window, copy_seeds(tmp_path / "corpus", 3))
    model = window.table_model
    model.setData(model.index(0, 0), "My Outlet Name")

    unsaved_changes_answers.queue[:] = ["cancel"]
    window.action_clear.trigger()  # File > Clear All
    assert unsaved_changes_answers.asked == [("Untitled",)]
    assert model.rowCount() == 3 and model.analysis(0).outlet == "My Outlet Name"

    target = tmp_path / "before-clearing.framescope"
    patch_save_dialog(monkeypatch, target)
    unsaved_changes_answers.queue[:] = ["save"]
    window.action_clear.trigger()
    assert model.rowCount() == 0
    saved = load_project(target)
    assert len(saved.articles) == 3
    assert "My Outlet Name" in {a.outlet for a in saved.articles}


def test_clear_all_of_a_saved_study_asks_nothing(
    qtbot: Any, window: Any, tmp_path: Path, unsaved_changes_answers: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    load(qtbot, window, copy_seeds(tmp_path / "corpus", 2))
    patch_save_dialog(monkeypatch, tmp_path / "saved.framescope")
    window.project.action_save_as.trigger()
    assert not window.isWindowModified()
    window.action_clear.trigger()
    assert unsaved_changes_answers.asked == []
    assert window.table_model.rowCount() == 0


def _clear_all_with_keys(qtbot: Any, window: Any) -> None:
    """Alt+F opens File, C is Clear All's underlined letter."""
    window.table.setFocus()
    QTest.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(window.file_menu.isVisible)
    QTest.keyClick(window.file_menu, Qt.Key.Key_C)
    qtbot.waitUntil(lambda: not window.file_menu.isVisible())


def test_clear_all_empties_the_load_problems_list_and_cancel_keeps_it(
    qtbot: Any, window: Any, tmp_path: Path, unsaved_changes_answers: Any,
) -> None:
    """ux16's review (session 16, finding 10): after Clear All the list still named the bad
    files of the earlier load, though nothing it was about was loaded any more."""
    folder = tmp_path / "mixed"
    copy_seeds(folder, 2)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    load(qtbot, window, [folder])
    panel = window.problems_panel
    assert [Path(p.file).name for p in window.load_problems()] == ["empty.txt"]

    unsaved_changes_answers.queue[:] = ["cancel"]  # Cancel: the articles and the list stay
    _clear_all_with_keys(qtbot, window)
    assert unsaved_changes_answers.asked == [("Untitled",)]
    assert window.table_model.rowCount() == 2 and len(window.load_problems()) == 1
    assert panel.tree.topLevelItemCount() == 1

    _clear_all_with_keys(qtbot, window)  # Discard: the articles go, and their problems
    assert window.table_model.rowCount() == 0
    assert window.load_problems() == [] and panel.tree.topLevelItemCount() == 0
    assert panel.summary.text() == "No problems." and not panel.clear_button.isEnabled()

    # The next load's problems are listed alone.
    later = tmp_path / "later"
    copy_seeds(later, 1)
    (later / "binary.txt").write_bytes(bytes(range(256)) * 64)
    load(qtbot, window, [later])
    assert [Path(p.file).name for p in window.load_problems()] == ["binary.txt"]
    assert panel.tree.topLevelItemCount() == 1
