"""Which column of a corpus file holds what: the user confirms the guess.

Shown by :func:`ask_columns` (through MainWindow.open_paths) for each corpus file (CSV, TSV, JSON Lines,
JSON, XLSX) among the dropped or opened paths whose header does not say
clearly where the text is: no column named like article text, or several
candidates for one role (see :func:`models.readers.tables.guess_columns`).
A file whose header is clear ("title, text, source, date, url") is read
without asking: scrapers and database tools write such headers, and a folder
of many such files must load without a dialog per file. A choice is
remembered for the session by header, so files with the same columns are not
asked about twice. "Skip File" leaves that file out of the load (it is listed
in Load Problems); the other files are read either way.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, MutableMapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.readers.tables import (
    ROLES,
    ColumnGuess,
    ColumnMapping,
    Table,
    guess_columns,
    preview_table,
)
from models.table_files import corpus_files

NONE_CHOICE = "(none)"
ROLE_LABELS = {
    "text": "Article text:",
    "headline": "Headline:",
    "outlet": "Outlet:",
    "date": "Date:",
    "url": "Web address:",
}
# A remembered choice: the file's header -> the mapping the user confirmed.
Remembered = MutableMapping[tuple[str, ...], ColumnMapping]


class ColumnDialog(QDialog):
    """Choose the columns of one corpus file, with its first rows shown below."""

    def __init__(self, path: Path, table: Table, guess: ColumnMapping, doubts: Sequence[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Columns of {path.name}")
        self._table = table
        self.skipped = False
        intro = QLabel(
            f"<b>{html.escape(path.name)}</b> holds one article per row. Choose the column with the "
            "article text and, if the file has them, the headline, outlet, date and web address."
        )
        intro.setWordWrap(True)
        self.doubts = QLabel("Unsure: " + "; ".join(doubts) + "." if doubts else "")
        self.doubts.setTextFormat(Qt.TextFormat.PlainText)  # column names are hers, not markup
        self.doubts.setWordWrap(True)
        self.doubts.setVisible(bool(doubts))
        form = QFormLayout()
        self.combos: dict[str, QComboBox] = {}
        for role in ROLES:
            combo = QComboBox()
            combo.setObjectName(f"column-{role}")
            if role != "text":
                combo.addItem(NONE_CHOICE, "")
            for name in table.header:
                combo.addItem(name or "(unnamed)", name)
            chosen = getattr(guess, role)
            index = combo.findData(chosen) if chosen else (0 if role != "text" else -1)
            combo.setCurrentIndex(index)
            combo.currentIndexChanged.connect(self._update)
            self.combos[role] = combo
            form.addRow(ROLE_LABELS[role], combo)
        self.preview = QTableWidget(len(table.rows), len(table.header))
        self.preview.setHorizontalHeaderLabels(table.header)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.preview.horizontalHeader().setDefaultSectionSize(140)
        for r, row in enumerate(table.rows):
            for c in range(len(table.header)):
                value = row[c] if c < len(row) else ""
                item = QTableWidgetItem(" ".join(value.split())[:200])
                item.setToolTip(value[:2000])
                self.preview.setItem(r, c, item)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.skip_button = QPushButton("Skip File")
        self.buttons.addButton(self.skip_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.doubts)
        layout.addLayout(form)
        rows_label = QLabel(f"First {len(table.rows)} rows:")
        rows_label.setBuddy(self.preview)  # the table's name for a screen reader (ux27)
        layout.addWidget(rows_label)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(760, 480)
        self._update()

    def mapping(self) -> ColumnMapping:
        return ColumnMapping(**{
            role: str(combo.currentData() or "") for role, combo in self.combos.items()
        })

    def _update(self) -> None:
        mapping = self.mapping()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(mapping.text))
        chosen = [name for name in mapping.as_dict().values() if name]
        twice = sorted({name for name in chosen if chosen.count(name) > 1})
        if not mapping.text:
            self.status.setText("Choose the column with the article text.")
        elif twice:
            self.status.setText(f"Column {', '.join(twice)} is chosen for more than one role.")
        else:
            self.status.setText("")
        for c, name in enumerate(self._table.header):
            header = self.preview.horizontalHeaderItem(c)
            if header is None:
                continue
            roles = [role for role, value in mapping.as_dict().items() if value == name]
            header.setText(f"{name}\n[{', '.join(roles)}]" if roles else name)

    def reject(self) -> None:
        self.skipped = True
        super().reject()


@dataclass(frozen=True, slots=True)
class Unclear:
    """A corpus file to ask about: its preview and the guess."""

    path: Path
    table: Table
    guess: ColumnGuess


def sort_corpus_files(
    paths: Iterable[Path], remembered: Remembered
) -> tuple[dict[Path, ColumnMapping], list[Unclear]]:
    """The corpus files among ``paths``: those with a remembered choice, and those to ask about.

    Files with a clear header are in neither (they are read with the guess);
    files that cannot be previewed are left to the load, which reports why.
    """
    from models.readers import ReaderError

    known: dict[Path, ColumnMapping] = {}
    unclear: list[Unclear] = []
    for path in corpus_files(paths):
        try:
            table = preview_table(path)
        except ReaderError:
            continue
        key = tuple(table.header)
        if key in remembered:
            known[path] = remembered[key]
            continue
        guess = guess_columns(table.header, table.rows)
        if not guess.is_certain:
            unclear.append(Unclear(path, table, guess))
    return known, unclear


def ask_columns(
    parent: QWidget | None, unclear: Iterable[Unclear], remembered: Remembered
) -> dict[Path, ColumnMapping]:
    """One dialog per unclear file (none for a header answered earlier in this call).

    A skipped file maps to a mapping without a text column (the load lists it
    in Load Problems as not read).
    """
    choices: dict[Path, ColumnMapping] = {}
    for item in unclear:
        key = tuple(item.table.header)
        if key in remembered:
            choices[item.path] = remembered[key]
            continue
        dialog = ColumnDialog(item.path, item.table, item.guess.mapping, item.guess.doubts, parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            remembered[key] = choices[item.path] = dialog.mapping()
        else:
            choices[item.path] = ColumnMapping()
        dialog.deleteLater()
    return choices
