"""Edit > Undo for removing articles (Del in the table, File > Remove Selected Articles),
and for a block the reader set aside that the user scored as body text (the Read view).

Del removed the selected articles at once, with the user's outlet edits and exclusions,
and nothing brought them back (ux8's review, session 8). A question before every removal
would be the other cure, but a question asked at every Del is soon answered without being
read; the platforms' guidelines (GNOME HIG "Undo"; Apple HIG, "Undo and redo") prefer an
action that can be undone to one that asks. So Del stays one key, the status bar says how
to bring the articles back, and Edit > Undo (Ctrl+Z) puts them back where they were, with
their edits. Undo is kept while the set of articles stays the one removed from: Clear All,
New/Open Project (the model is reset) and re-scoring (the removed analyses would be stale)
forget it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QObject
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack

if TYPE_CHECKING:
    from desktop.qt_main_window import MainWindow
    from models.features import ArticleAnalysis


def _articles(n: int) -> str:
    return f"{n} {'Article' if n == 1 else 'Articles'}"


def undo_key() -> str:
    return QKeySequence(QKeySequence.StandardKey.Undo).toString(
        QKeySequence.SequenceFormat.NativeText)


class RemoveArticles(QUndoCommand):
    """The removal of some articles; undone, they return to their places in load order."""

    def __init__(self, window: MainWindow, rows: Sequence[int], text: str = "") -> None:
        self._window = window
        self._removed = window.table_model.load_places(rows)
        super().__init__(text or f"Remove {_articles(len(self._removed))}")

    def redo(self) -> None:
        window = self._window
        model = window.table_model
        model.remove_rows(model.rows_of(a for _, a in self._removed))
        window._after_removal()
        n = len(self._removed)
        window._set_status(
            f"Removed {_articles(n).lower()} (Edit ▸ Undo, {undo_key()}, brings "
            f"{'it' if n == 1 else 'them'} back) · {window.status_text()}", announce=True)

    def undo(self) -> None:
        window = self._window
        model = window.table_model
        # An article loaded again since its removal (same id or same text) stays as it is.
        present = {a.article_id for a in model.analyses()}
        from models.article import copy_of_held, held_texts, stated_outlet

        held = held_texts(a.article for a in model.analyses())
        back = [(place, a) for place, a in self._removed
                if a.article_id not in present and not (
                    a.article.content_hash in held
                    and copy_of_held(stated_outlet(a.article), held[a.article.content_hash]))]
        model.restore(back)
        skipped = len(self._removed) - len(back)
        self._removed = back  # what a redo removes again
        window._after_removal()
        self._select(back)
        parts = [f"Brought back {_articles(len(back)).lower()}"]
        if skipped:
            parts.append(f"{_articles(skipped).lower()} loaded again since: kept as loaded")
        window._set_status(" · ".join([*parts, window.status_text()]), announce=True)

    def _select(self, restored: Sequence[tuple[int, ArticleAnalysis]]) -> None:
        """Select the articles brought back, as they were selected when removed."""
        window = self._window
        rows = window.table_model.rows_of(a for _, a in restored)
        selection = QItemSelection()
        for row in rows:
            index = window.proxy.mapFromSource(window.table_model.index(row, 0))
            if index.isValid():
                selection.select(index, index)
        if selection.isEmpty():
            return
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)
        window.table.selectionModel().select(selection, flags)
        window.table.scrollTo(selection.indexes()[0])


class ScoreAsBody(QUndoCommand):
    """A block the reader set aside, scored as body text on the user's word (the Read
    view's context menu): redone and undone by putting one analysis of the article in
    the place of the other (models.segment.with_block_as_body)."""

    def __init__(self, window: MainWindow, old: ArticleAnalysis, new: ArticleAnalysis,
                 what: str) -> None:
        self._window = window
        self._old, self._new = old, new
        self._what = what
        super().__init__(f"Score {what.capitalize()} as Body Text")

    def redo(self) -> None:
        self._put(self._new, f"Scored the {self._what} as body text (Edit ▸ Undo, "
                             f"{undo_key()}, sets it aside again)")

    def undo(self) -> None:
        self._put(self._old, f"Set the {self._what} aside again")

    def _put(self, analysis: ArticleAnalysis, said: str) -> None:
        window = self._window
        if window.table_model.replace_analysis(analysis):
            window._after_edit()
            window._set_status(f"{said} · {window.status_text()}", announce=True)


class EditOutlet(QUndoCommand):
    """An outlet name typed in the table, for one article or (a new spelling of its outlet,
    desktop.qt_table_model.ArticleTableModel.outlet_renames) for every article of that outlet;
    undone, each article has its former name (and where that came from) again."""

    def __init__(self, window: MainWindow, renames: dict[str, str]) -> None:
        self._window = window
        model = window.table_model
        self._before = {i: model.outlet_of(i) or ("", "") for i in renames}
        self._renames = dict(renames)
        names = list(dict.fromkeys(renames.values()))
        super().__init__(f"Rename Outlet to “{names[0]}”" if names else "Rename Outlet")

    def redo(self) -> None:
        self._window.table_model.set_outlets(
            {i: (name, "user") for i, name in self._renames.items()})

    def undo(self) -> None:
        self._window.table_model.set_outlets(self._before)
        former = list(dict.fromkeys(name for name, _ in self._before.values()))
        self._window._set_status(f"Outlet “{'”, “'.join(former)}” again · "
                                 f"{self._window.status_text()}", announce=True)


class ChangeExclusion(QUndoCommand):
    """Articles excluded from the comparison (or included again); undone, those whose
    state it changed get their former state back."""

    def __init__(self, window: MainWindow, rows: Sequence[int], exclude: bool) -> None:
        self._window = window
        model = window.table_model
        self._ids = [model.analysis(r).article_id for r in rows
                     if model.is_excluded(r) != exclude]
        self._exclude = exclude
        verb = "Exclude" if exclude else "Include"
        super().__init__(f"{verb} {_articles(len(self._ids))}")

    def _rows(self) -> list[int]:
        model = self._window.table_model
        wanted = set(self._ids)
        return [r for r, a in enumerate(model.analyses_in_rows()) if a.article_id in wanted]

    def redo(self) -> None:
        self._window.table_model.set_excluded(self._rows(), self._exclude)

    def undo(self) -> None:
        self._window.table_model.set_excluded(self._rows(), not self._exclude)


class ArticleRemovals(QObject):
    """The window's undo stack (article removals, blocks scored as body text), and its
    Edit menu entries."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.stack = QUndoStack(self)
        self.action_undo: QAction = self.stack.createUndoAction(self, "&Undo")
        self.action_undo.setShortcuts(QKeySequence.StandardKey.Undo)
        self.action_redo: QAction = self.stack.createRedoAction(self, "&Redo")
        self.action_redo.setShortcuts(QKeySequence.StandardKey.Redo)
        for action in (self.action_undo, self.action_redo):
            window.addAction(action)  # the key works wherever the focus is in the window
            window.edit_menu.addAction(action)
        model = window.table_model
        model.modelReset.connect(self.stack.clear)
        model.analyses_replaced.connect(self.stack.clear)

    def push(self, command: QUndoCommand) -> None:
        """Do ``command`` and keep it for Edit > Undo."""
        self.stack.push(command)

    def remove(self, rows: Sequence[int], text: str = "") -> None:
        """Remove the articles in the table's ``rows`` (source rows), undoably; ``text``
        names the step in the Edit menu (by default "Remove N Articles")."""
        if rows:
            self.stack.push(RemoveArticles(self._window, rows, text))
