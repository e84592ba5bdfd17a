"""File > Clear All offers to save unsaved work first, as New Project and closing do
(ux8, session 8: it dropped every article, outlet edit and exclusion at once, unasked, and
there is no undo)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

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
