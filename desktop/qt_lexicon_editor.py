"""Edit the user's copies of the built-in lexicons: pick one, add or remove a term.

Every change is written to the user's configuration folder through
:mod:`models.user_lexicons` (the shipped files are never written) and
announced with ``lexicon_changed``; the window then re-scores the loaded
articles, so the table and the Read view show the effect at once. "Reset to
shipped" drops the user's copy of the chosen lexicon.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.qt_placeholder import keep_placeholder_readable
from models.lexicons import LEXICON_FILES
from models.user_lexicons import (
    EDITABLE,
    LexiconEditError,
    add_term,
    columns,
    is_edited,
    remove_term,
    reset_to_shipped,
    terms,
)


def ask_reset(parent: QWidget, name: str, count: int | None) -> bool:
    """Whether to delete the user's edited copy of lexicon ``name`` (``count`` terms;
    None: a copy that cannot be read) and use the shipped file again; Cancel is the
    default."""
    held = f"{count} terms" if count is not None else "which cannot be read"
    answer = QMessageBox.question(
        parent,
        "Reset to the shipped lexicon?",
        f"Delete your edited copy of {name} ({held}) and use the shipped lexicon "
        "again? Every term you added or removed in it is lost.",
        QMessageBox.StandardButton.Reset | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Reset


class LexiconEditor(QDialog):
    """A non-modal dialog over one lexicon at a time: its terms, Add, Remove, Reset."""

    #: A lexicon changed (its new version): the loaded articles should be re-scored.
    lexicon_changed = Signal(str)

    def __init__(self, user_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit Lexicons")
        self.setObjectName("lexicon_editor")
        self.user_dir = Path(user_dir)
        self.resize(640, 520)

        self.lexicon_combo = QComboBox()
        for name, label in EDITABLE.items():
            self.lexicon_combo.addItem(label, name)
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText("Find a term…")
        self.filter_edit.setClearButtonEnabled(True)
        # Names a screen reader says: the placeholders go once text is typed (ux27).
        self.filter_edit.setAccessibleName("Find a term")

        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAccessibleName("Terms")

        self.term_edit = QLineEdit()
        self.term_edit.setPlaceholderText("a word or phrase")
        self.term_edit.setAccessibleName("New term")
        keep_placeholder_readable(self.filter_edit, self.term_edit)
        self.subcategory_combo = QComboBox()
        self.subcategory_combo.setEditable(True)
        self.add_button = QPushButton("&Add Term")
        self.remove_button = QPushButton("&Remove Selected")
        self.reset_button = QPushButton("Reset to &Shipped")
        self.reset_button.setToolTip("Drop your copy of this lexicon and use the shipped one")

        form = QFormLayout()
        form.addRow("&Lexicon:", self.lexicon_combo)
        add_row = QHBoxLayout()
        add_row.addWidget(self.term_edit, 2)
        add_row.addWidget(self.subcategory_combo, 1)
        add_row.addWidget(self.add_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.reset_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.state_label)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.tree, 1)
        layout.addLayout(add_row)
        layout.addLayout(buttons)

        self.lexicon_combo.currentIndexChanged.connect(self.refresh)
        self.filter_edit.textChanged.connect(self._apply_filter)
        self.add_button.clicked.connect(self.add_current)
        self.term_edit.returnPressed.connect(self.add_current)
        self.remove_button.clicked.connect(self.remove_selected)
        self.reset_button.clicked.connect(self.reset_current)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.refresh()

    def current_name(self) -> str:
        return str(self.lexicon_combo.currentData())

    def select_lexicon(self, name: str) -> None:
        self.lexicon_combo.setCurrentIndex(self.lexicon_combo.findData(name))

    def _subcategory_column(self) -> str:
        return LEXICON_FILES[self.current_name()].subcategory_column

    def refresh(self, *_: object) -> None:
        name = self.current_name()
        spec = LEXICON_FILES[name]
        try:
            header = columns(self.user_dir, name)
        except LexiconEditError as error:
            # A copy that cannot be read (not UTF-8, permissions) opened no editor at
            # all, and Reset to Shipped, the way back, with it (robust29).
            self._show_unreadable(error)
            return
        shown = [c for c in ("term", spec.subcategory_column, "role", "forms") if c in header]
        self.tree.clear()
        self.tree.setHeaderLabels([c.replace("_", " ").capitalize() for c in shown])
        rows = terms(self.user_dir, name)
        for row in rows:
            item = QTreeWidgetItem([row.get(c, "") for c in shown])
            item.setData(0, Qt.ItemDataRole.UserRole, row.get("term", ""))
            self.tree.addTopLevelItem(item)
        self.tree.resizeColumnToContents(0)
        self.subcategory_combo.clear()
        choices = spec.subcategories or tuple(sorted({r.get(spec.subcategory_column, "")
                                                      for r in rows} - {""}))
        self.subcategory_combo.addItems(list(choices))
        self.subcategory_combo.setToolTip(f"The new term's {spec.subcategory_column}")
        self.subcategory_combo.setAccessibleName(f"New term's {spec.subcategory_column}")
        edited = is_edited(self.user_dir, name)
        self.state_label.setText(
            f"{len(rows)} terms. " + (
                f"<b>Your edited copy</b> ({html.escape(str(self.user_dir / name))}); the shipped file is "
                "unchanged." if edited else "The shipped lexicon (no edits yet)."
            )
        )
        self.reset_button.setEnabled(edited)
        self.add_button.setEnabled(True)
        self.term_edit.setEnabled(True)
        self._apply_filter(self.filter_edit.text())
        self._update_buttons()

    def _show_unreadable(self, error: LexiconEditError) -> None:
        self.tree.clear()
        self.subcategory_combo.clear()
        self.state_label.setText(
            f"<b>Your edited copy</b>: {html.escape(str(error))}. It is used by no analysis "
            "(the shipped lexicon is) and kept as it is; Reset to Shipped deletes it.")
        self.reset_button.setEnabled(True)
        self.add_button.setEnabled(False)
        self.term_edit.setEnabled(False)
        self._update_buttons()

    def _apply_filter(self, text: str) -> None:
        words = text.casefold().split()
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            haystack = " ".join(item.text(c) for c in range(item.columnCount())).casefold()
            item.setHidden(not all(w in haystack for w in words))

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self.tree.selectedItems()))

    def _fail(self, error: Exception) -> None:
        QMessageBox.warning(self, "Lexicon not changed", str(error))

    def add_current(self) -> bool:
        """Add the typed term with the chosen subcategory (sources need a role: 'name')."""
        name = self.current_name()
        values = {"term": self.term_edit.text().strip(),
                  self._subcategory_column(): self.subcategory_combo.currentText().strip()}
        if name == "sources.csv":
            values["role"] = "name"
        try:
            lexicon = add_term(self.user_dir, name, values)
        except LexiconEditError as error:
            self._fail(error)
            return False
        self.term_edit.clear()
        self.refresh()
        self.lexicon_changed.emit(lexicon.version)
        return True

    def remove_selected(self) -> bool:
        items = self.tree.selectedItems()
        if not items:
            return False
        term = str(items[0].data(0, Qt.ItemDataRole.UserRole))
        try:
            lexicon = remove_term(self.user_dir, self.current_name(), term)
        except LexiconEditError as error:
            self._fail(error)
            return False
        self.refresh()
        self.lexicon_changed.emit(lexicon.version)
        return True

    def reset_current(self) -> bool:
        """Reset to Shipped: the user's copy is deleted only once they have said so."""
        name = self.current_name()
        try:
            count: int | None = len(terms(self.user_dir, name))
        except LexiconEditError:
            count = None
        if not ask_reset(self, name, count):
            return False
        lexicon = reset_to_shipped(self.user_dir, name)
        self.refresh()
        self.lexicon_changed.emit(lexicon.version)
        return True
