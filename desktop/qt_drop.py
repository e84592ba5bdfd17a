"""Drag and drop of files and folders, decided in one place.

As Orange3's ``OWUrlDropBase``: :func:`can_accept` gates drag-enter,
drag-move and drop alike; URLs become :class:`~pathlib.Path` objects here, at
the boundary, and the window then runs the same code as File > Open.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent


def url_to_path(url: QUrl) -> Path | None:
    """The local path of ``url``, or None for a remote or empty URL."""
    if not url.isLocalFile():
        return None
    local = url.toLocalFile()
    return Path(local) if local else None


def can_accept(url: QUrl) -> bool:
    """True for a local folder, or an existing local file the readers can read
    (a supported suffix, or a corpus manifest)."""
    from models.readers import can_read

    path = url_to_path(url)
    if path is None or not path.exists():
        return False
    if path.is_file() and path.suffix.lower() in (".dic", ".framescope"):
        return True  # a custom dictionary or a project: the window routes them
    return path.is_dir() or (path.is_file() and can_read(path))


def accepted_paths(mime: QMimeData | None) -> list[Path]:
    """The acceptable dropped paths, in the order they were dragged."""
    if mime is None or not mime.hasUrls():
        return []
    paths = []
    for url in mime.urls():
        if can_accept(url):
            path = url_to_path(url)
            if path is not None:
                paths.append(path)
    return paths


def refused_files(mime: QMimeData | None) -> list[Path]:
    """The dropped local files Framescope cannot read (a photo, an old .doc), in order:
    said to the user by name, never silently left out of a drop."""
    if mime is None or not mime.hasUrls():
        return []
    refused = []
    for url in mime.urls():
        path = url_to_path(url)
        if path is not None and path.is_file() and not can_accept(url):
            refused.append(path)
    return refused


def vanished_files(mime: QMimeData | None) -> list[Path]:
    """The dropped local paths that no longer exist (deleted or moved after the drag
    began): they go to the reading, which names each ("file not found")."""
    if mime is None or not mime.hasUrls():
        return []
    paths = (url_to_path(url) for url in mime.urls())
    return [path for path in paths if path is not None and not path.exists()]


def readable_types() -> str:
    """"it reads .csv, .docx, …": the file types the readers take, for a message."""
    from models.readers import SUPPORTED_SUFFIXES

    return f"it reads {', '.join(sorted(SUPPORTED_SUFFIXES))}"


def name_files(paths: Sequence[Path]) -> str:
    """"photo.png", "photo.png and old.doc", "photo.png, old.doc and 3 more"."""
    names = [p.name for p in paths]
    if len(names) <= 2:
        return " and ".join(names)
    return f"{names[0]}, {names[1]} and {len(names) - 2} more"


def describe(paths: Iterable[Path]) -> str:
    """"3 files", "1 folder", "2 files and 1 folder"."""
    paths = list(paths)
    folders = sum(1 for p in paths if p.is_dir())
    files = len(paths) - folders
    parts = []
    if files:
        parts.append(f"{files} file{'s' if files != 1 else ''}")
    if folders:
        parts.append(f"{folders} folder{'s' if folders != 1 else ''}")
    return " and ".join(parts) or "nothing"


DragEvent = QDragEnterEvent | QDragMoveEvent | QDropEvent


class DropTarget:
    """Drag-and-drop handling for a widget that opens what is dropped on it.

    ``open_paths`` is the File > Open code path; ``show_hint`` shows (or with
    an empty string, clears) the "Drop to add…" message.
    """

    def __init__(
        self, open_paths: Callable[[list[Path]], None], show_hint: Callable[[str], None]
    ) -> None:
        self._open_paths = open_paths
        self._show_hint = show_hint

    def drag_enter(self, event: QDragEnterEvent | QDragMoveEvent) -> None:
        paths = accepted_paths(event.mimeData())
        refused = refused_files(event.mimeData())
        not_read = ""
        if refused:
            verb = "is" if len(refused) == 1 else "are"
            not_read = f"{name_files(refused)} {verb} not of a type Framescope reads"
        if paths:
            event.acceptProposedAction()
            more = f" ({not_read}: listed in Load Problems)" if not_read else ""
            self._show_hint(f"Drop to add {describe(paths)}{more}")
        else:
            event.ignore()
            self._show_hint(f"Cannot add: {not_read} ({readable_types()})" if not_read else "")

    def drag_move(self, event: QDragMoveEvent) -> None:
        if accepted_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def drag_leave(self) -> None:
        self._show_hint("")

    def drop(self, event: QDropEvent) -> None:
        self._show_hint("")
        paths = accepted_paths(event.mimeData())
        # A file deleted or moved between the drag's start and the drop was left out
        # without a word (robust29): it goes along, and is named as not found.
        vanished = vanished_files(event.mimeData())
        if not paths and not vanished:
            event.ignore()
            return
        event.acceptProposedAction()
        # The files it cannot read go along: the reading lists each in Load Problems,
        # with its name and the reason, as it does for a file chosen with File > Open.
        self._open_paths(paths + refused_files(event.mimeData()) + vanished)


class ForwardDrops(QObject):
    """An event filter that hands file drags over child widgets to a :class:`DropTarget`.

    Text views and line edits accept drops of their own; installed on them
    (or their viewports) it makes a file dropped anywhere on the window load,
    while other drags (text into the filter box) keep their usual meaning.
    """

    def __init__(self, target: DropTarget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._target = target

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.DragEnter and isinstance(event, QDragEnterEvent):
            if event.mimeData().hasUrls():
                self._target.drag_enter(event)
                return True
        elif kind == QEvent.Type.DragMove and isinstance(event, QDragMoveEvent):
            if event.mimeData().hasUrls():
                self._target.drag_move(event)
                return True
        elif kind == QEvent.Type.DragLeave:
            self._target.drag_leave()
        elif kind == QEvent.Type.Drop and isinstance(event, QDropEvent):
            if event.mimeData().hasUrls():
                self._target.drop(event)
                return True
        return super().eventFilter(watched, event)
