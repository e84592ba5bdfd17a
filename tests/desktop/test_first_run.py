"""The first run opens the sample articles; the Open and Save dialogs then start in the
user's folders, not in the app's own (ux9's review, session 9: opening the seeds made
their folder, inside the installed app, the 'last folder': File > Open started there and
Save Project As offered to save the study there, where reinstalling the app deletes it)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog

from desktop import qt_settings
from desktop.qt_app import seeds_dir
from tests.desktop.conftest import LOAD_TIMEOUT_MS, copy_seeds, load


def test_the_seeds_are_not_the_folder_the_dialogs_start_in(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: home))
    with qtbot.waitSignal(window.runner.finished, timeout=LOAD_TIMEOUT_MS):
        window.open_paths([seeds_dir()])
    qtbot.wait(50)  # the folder is remembered on the next turn of the event loop
    assert window.table_model.rowCount() == 5
    starts: list[str] = []

    def save_dialog(parent: Any, title: str, start: str, *args: Any) -> tuple[str, str]:
        starts.append(start)
        return "", ""

    def open_dialog(parent: Any, title: str, start: str, *args: Any) -> tuple[list[str], str]:
        starts.append(start)
        return [], ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_dialog))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(open_dialog))
    window.project.action_save_as.trigger()
    window.action_open_files.trigger()
    assert starts == [str(home / "Untitled.framescope"), str(home)]

    # A folder of the user's own is remembered as before.
    mine = copy_seeds(tmp_path / "my articles", 1)
    load(qtbot, window, mine)
    qtbot.wait(50)
    assert qt_settings.last_directory() == str(tmp_path / "my articles")
