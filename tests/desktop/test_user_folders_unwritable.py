"""A data or configuration folder that cannot be made (a read-only home on a lab machine,
a parent owned by another user): the app still starts its session, loads files with the
shipped lexicon and closes; the autosave says it failed, and why."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.desktop.conftest import LOAD_TIMEOUT_MS, SEEDS
from tests.desktop.test_drop import drag_and_drop, mime_for


def test_a_folder_that_cannot_be_made_is_returned_not_raised(tmp_path: Path) -> None:
    from desktop.qt_project import folder_made

    blocker = tmp_path / "home-file"
    blocker.write_text("", encoding="utf-8")
    assert folder_made(blocker / "Framescope") == blocker / "Framescope"
    assert folder_made(tmp_path / "made") == tmp_path / "made"
    assert (tmp_path / "made").is_dir()


def test_the_app_works_without_its_user_folders(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from desktop import qt_project

    blocker = tmp_path / "home-file"
    blocker.write_text("", encoding="utf-8")
    # What data_dir() and config_dir() give when their folder cannot be made.
    monkeypatch.setattr(qt_project, "data_dir", lambda: blocker / "data")
    monkeypatch.setattr(qt_project, "config_dir", lambda: blocker / "config")

    assert not window.project.start_session()
    story = tmp_path / "story.txt"
    story.write_bytes(sorted(SEEDS.glob("*.txt"))[0].read_bytes())
    with qtbot.waitSignal(window.load_finished, timeout=LOAD_TIMEOUT_MS):
        drag_and_drop(window, mime_for(story))
    assert len(window.analyses()) == 1
    window.project.set_modified(True)
    assert not window.project.autosave()
    assert window.statusBar().currentMessage() == (
        "Autosave failed: could not be saved: Not a directory")
    assert window.project.lexicon_version()[1] is False
