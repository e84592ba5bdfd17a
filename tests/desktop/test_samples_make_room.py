"""The user's own files take the place of the sample articles the app opened by itself
(ux16's review, session 16, finding 1: a fact-checker's first drop was added to the five
Kremlin samples, so her first table, chart and export mixed the two stories). The samples
go undoably: Edit > Undo (Ctrl+Z) brings them back beside hers. Samples she opened
herself, edited, or loads again stay. Real drops and key events."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop import qt_settings
from desktop.qt_app import seeds_dir
from tests.desktop.conftest import LOAD_TIMEOUT_MS, load
from tests.desktop.test_drop import drag_and_drop, mime_for
from tests.desktop.test_remove_undo import select_articles

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def open_samples_as_the_app_does(qtbot: Any, window: Any) -> list[str]:
    """What run_gui does on a start without a file; the samples' ids."""
    window.project.mark_clean_after_load()
    load(qtbot, window, [seeds_dir()])
    assert not window.project.is_modified()
    return [a.article_id for a in window.analyses()]


def her_folder(tmp_path: Path) -> Path:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "bridge.txt").write_text(
        "Bridge to reopen\n\nThe ministry said on Monday that the bridge would reopen in June.\n",
        encoding="utf-8")
    (mine / "council.txt").write_text(
        "Council delays vote\n\nThe council reportedly delayed the vote on the bridge.\n",
        encoding="utf-8")
    return mine


def drop_and_wait(qtbot: Any, window: Any, *paths: Path) -> None:
    with qtbot.waitSignal(window.runner.finished, timeout=LOAD_TIMEOUT_MS):
        assert drag_and_drop(window, mime_for(*paths)).isAccepted()


def test_her_first_files_take_the_samples_place_and_ctrl_z_brings_them_back(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    samples = open_samples_as_the_app_does(qtbot, window)
    assert len(samples) == 5
    drop_and_wait(qtbot, window, her_folder(tmp_path))

    sources = [Path(a.article.source).name for a in window.analyses()]
    assert sorted(sources) == ["bridge.txt", "council.txt"]
    assert window.compare_view is not None
    assert window.status_text().startswith(
        "The 5 sample articles made room for yours (Edit ▸ Undo, Ctrl+Z, brings them back) · "
        "2 articles")
    undo = window.removals.action_undo
    assert undo.isEnabled() and undo.text() == "&Undo Set Sample Articles Aside"
    assert not window.sample_hint.isVisible()

    window.table.setFocus()
    QTest.keyClick(window.table, Qt.Key.Key_Z, CTRL)
    ids = [a.article_id for a in window.analyses()]
    assert ids[:5] == samples and len(ids) == 7  # back in their places, before hers


def test_samples_she_opened_herself_stay(qtbot: Any, window: Any, tmp_path: Path) -> None:
    load(qtbot, window, [seeds_dir()])  # File > Open on the samples' folder: her own choice
    drop_and_wait(qtbot, window, her_folder(tmp_path))
    assert window.table_model.rowCount() == 7
    assert "made room" not in window.status_text()


def test_samples_she_edited_stay(qtbot: Any, window: Any, tmp_path: Path) -> None:
    samples = open_samples_as_the_app_does(qtbot, window)
    select_articles(window, [samples[2]])
    window.table.setFocus()
    QTest.keyClick(window.table, Qt.Key.Key_X, CTRL | SHIFT)  # excluded: her work
    assert window.project.is_modified()
    drop_and_wait(qtbot, window, her_folder(tmp_path))
    assert window.table_model.rowCount() == 7
    assert window.table_model.excluded_ids() == {samples[2]}


def test_the_samples_loaded_again_are_not_set_aside(qtbot: Any, window: Any) -> None:
    samples = open_samples_as_the_app_does(qtbot, window)
    one_sample = sorted(seeds_dir().glob("*.txt"))[0]
    assert qt_settings.is_shipped(one_sample.parent)
    drop_and_wait(qtbot, window, one_sample)
    assert [a.article_id for a in window.analyses()] == samples  # the copy noted, not added
    assert "made room" not in window.status_text()
    assert not window.removals.action_undo.isEnabled()
