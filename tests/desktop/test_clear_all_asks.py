"""File > Clear All offers to save unsaved work first, as New Project and closing do
(ux8, session 8: it dropped every article, outlet edit and exclusion at once, unasked), and
since session 22 Edit > Undo brings the articles back (ux22).

``real_ask_unsaved_changes`` is the real box: the autouse fixture patches the module's
name, after this import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.qt_project import ask_unsaved_changes as real_ask_unsaved_changes
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


def test_clear_all_is_undone_by_edit_undo(
    qtbot: Any, window: Any, tmp_path: Path, unsaved_changes_answers: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """ux22 (session 22): Clear All of a saved study asked nothing (nothing unsaved) and
    could not be undone, while Remove (Del) could; a study cleared by mistake was gone."""
    load(qtbot, window, copy_seeds(tmp_path / "corpus", 3))
    model = window.table_model
    model.setData(model.index(0, 0), "My Outlet Name")
    patch_save_dialog(monkeypatch, tmp_path / "saved.framescope")
    window.project.action_save_as.trigger()
    _clear_all_with_keys(qtbot, window)
    assert unsaved_changes_answers.asked == [] and model.rowCount() == 0
    undo = window.removals.action_undo
    assert undo.isEnabled() and undo.text().replace("&", "") == "Undo Clear All"
    QTest.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert model.rowCount() == 3
    assert "My Outlet Name" in {model.analysis(r).outlet for r in range(3)}


def test_replacing_an_emptied_study_asks_with_cancel_as_the_default(
    qtbot: Any, window: Any, tmp_path: Path, unsaved_changes_answers: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """After Clear All, New Project asks about the emptied study, and says it is empty (the
    real box then has Cancel, not Save, as its default: Enter kept the study)."""
    load(qtbot, window, copy_seeds(tmp_path / "corpus", 2))
    patch_save_dialog(monkeypatch, tmp_path / "saved.framescope")
    window.project.action_save_as.trigger()
    window.action_clear.trigger()
    unsaved_changes_answers.queue[:] = ["cancel"]
    window.project.action_new.trigger()
    assert unsaved_changes_answers.asked == [("saved",)]
    assert unsaved_changes_answers.options == [{"empty": True}]
    assert load_project(tmp_path / "saved.framescope").articles  # nothing written


def test_the_box_for_an_empty_study_defaults_to_cancel(qtbot: Any, window: Any) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    seen: list[tuple[Any, str]] = []

    def look_and_press_enter() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append((box.standardButton(box.defaultButton()), box.informativeText()))
        QTest.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(0, look_and_press_enter)
    assert real_ask_unsaved_changes(window, "study", empty=True) == "cancel"
    ((default, text),) = seen
    assert default == QMessageBox.StandardButton.Cancel
    assert "no articles" in text and "empty" in text
