"""Drag and drop with real Qt events, sent to the window as the platform would."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from desktop.qt_drop import accepted_paths, can_accept, describe
from tests.desktop.conftest import LOAD_TIMEOUT_MS, SEED_COUNT, copy_seeds


def mime_for(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def drag_enter(widget: Any, mime: QMimeData) -> QDragEnterEvent:
    event = QDragEnterEvent(
        QPoint(40, 40), Qt.DropAction.CopyAction, mime,
        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)
    return event


def drag_move(widget: Any, mime: QMimeData) -> QDragMoveEvent:
    event = QDragMoveEvent(
        QPoint(50, 50), Qt.DropAction.CopyAction, mime,
        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)
    return event


def drop(widget: Any, mime: QMimeData) -> QDropEvent:
    event = QDropEvent(
        QPointF(50.0, 50.0), Qt.DropAction.CopyAction, mime,
        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)
    return event


def drag_and_drop(widget: Any, mime: QMimeData) -> QDropEvent:
    """Enter, move, drop: Qt delivers a drop only to the widget that accepted the enter."""
    drag_enter(widget, mime)
    drag_move(widget, mime)
    return drop(widget, mime)


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "drops"
    article = copy_seeds(folder, 1)[0]
    exe = folder / "setup.exe"
    exe.write_bytes(b"MZ\x90\x00")
    png = folder / "photo.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n")
    return {"txt": article, "folder": folder, "exe": exe, "png": png}


def test_can_accept_supported_files_and_folders_only(files: dict[str, Path]) -> None:
    assert can_accept(QUrl.fromLocalFile(str(files["txt"])))
    assert can_accept(QUrl.fromLocalFile(str(files["folder"])))
    assert not can_accept(QUrl.fromLocalFile(str(files["exe"])))
    assert not can_accept(QUrl.fromLocalFile(str(files["png"])))
    assert not can_accept(QUrl.fromLocalFile(str(files["folder"] / "missing.txt")))
    assert not can_accept(QUrl("https://example.com/article.txt"))


def test_urls_become_paths_at_the_boundary(files: dict[str, Path]) -> None:
    mime = mime_for(files["exe"], files["txt"], files["folder"])
    paths = accepted_paths(mime)
    assert paths == [files["txt"], files["folder"]]
    assert all(isinstance(p, Path) for p in paths)
    assert describe(paths) == "1 file and 1 folder"
    assert accepted_paths(QMimeData()) == []


@pytest.mark.parametrize("kind", ["txt", "folder"])
def test_window_accepts_an_article_or_a_folder(
    window: Any, files: dict[str, Path], kind: str
) -> None:
    mime = mime_for(files[kind])
    enter = drag_enter(window, mime)
    assert enter.isAccepted()
    assert enter.dropAction() == Qt.DropAction.CopyAction
    what = "1 file" if kind == "txt" else "1 folder"
    assert window.statusBar().currentMessage() == f"Drop to add {what}"
    assert drag_move(window, mime).isAccepted()
    QApplication.sendEvent(window, QDragLeaveEvent())
    assert window.statusBar().currentMessage() == ""


@pytest.mark.parametrize("kind", ["exe", "png"])
def test_window_rejects_unsupported_files(
    window: Any, files: dict[str, Path], kind: str
) -> None:
    mime = mime_for(files[kind])
    assert not drag_enter(window, mime).isAccepted()
    # Refused, but not in silence: the status bar names the file and the reason.
    name = files[kind].name
    hint = window.statusBar().currentMessage()
    assert hint.startswith(f"Cannot add: {name} is not of a type Framescope reads (it reads ")
    assert ".txt" in hint and ".pdf" in hint
    assert not drag_move(window, mime).isAccepted()
    assert not drop(window, mime).isAccepted()
    # Qt never delivers that drop; the handler refuses it all the same.
    event = QDropEvent(
        QPointF(50.0, 50.0), Qt.DropAction.CopyAction, mime,
        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    assert not event.isAccepted()
    assert not window.is_busy()


def test_dropping_files_loads_them(qtbot: Any, window: Any, tmp_path: Path) -> None:
    articles = copy_seeds(tmp_path / "corpus")
    mime = mime_for(*articles)
    assert drag_enter(window, mime).isAccepted()
    assert window.statusBar().currentMessage() == f"Drop to add {SEED_COUNT} files"
    with qtbot.waitSignal(window.runner.finished, timeout=LOAD_TIMEOUT_MS):
        event = drop(window, mime)
        assert event.isAccepted()
    assert window.table_model.rowCount() == SEED_COUNT
    assert {Path(a.article.source).name for a in window.analyses()} == {
        p.name for p in articles
    }


@pytest.mark.parametrize("child", ["filter box", "article text"])
def test_a_drop_over_a_child_that_takes_text_drops_still_loads(
    qtbot: Any, window: Any, files: dict[str, Path], child: str
) -> None:
    # File managers offer the path as text too, which the filter box (and an
    # editable text view) would take; a dropped file must load instead.
    if child == "filter box":
        target = window.filter_edit
    else:
        target = window.read_view.text_edit().viewport()
    assert target.acceptDrops()
    mime = mime_for(files["txt"])
    mime.setText(str(files["txt"]))
    assert drag_enter(target, mime).isAccepted()
    assert window.statusBar().currentMessage() == "Drop to add 1 file"
    with qtbot.waitSignal(window.runner.finished, timeout=LOAD_TIMEOUT_MS):
        assert drop(target, mime).isAccepted()
    assert window.table_model.rowCount() == 1
    assert window.filter_edit.text() == ""


def test_a_dropped_folder_loads_the_good_files_and_reports_the_bad(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "mixed"
    good = copy_seeds(folder, 3)
    empty = folder / "empty.txt"
    empty.write_text("", encoding="utf-8")
    binary = folder / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 64)
    mime = mime_for(folder)
    with qtbot.waitSignal(window.runner.finished, timeout=LOAD_TIMEOUT_MS):
        assert drag_and_drop(window, mime).isAccepted()
    assert window.table_model.rowCount() == len(good)
    problems = {Path(p.file).name: p.reason for p in window.load_problems()}
    assert set(problems) == {"empty.txt", "binary.txt"}
    assert all(reason.strip() for reason in problems.values())
    assert window.problems_dock.isVisible()
    shown = [
        window.problems_panel.tree.topLevelItem(i).text(0)
        for i in range(window.problems_panel.tree.topLevelItemCount())
    ]
    assert sorted(shown) == ["binary.txt", "empty.txt"]
    assert "2 files could not be read" in window.status_text()
    # Dismissed, the list can be reopened from View > Load Problems.
    window.problems_dock.close()
    assert not window.problems_dock.isVisible()
    window.action_load_problems.trigger()
    assert window.problems_dock.isVisible()
    assert window.problems_panel.tree.topLevelItemCount() == 2
