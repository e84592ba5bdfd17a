"""The Outlet column stays in view while the table is scrolled to the right.

ux22 (session 22): scrolled right to "Named sources … Described sources", the table
showed rows of numbers with no outlet or headline, and one had to count rows to know
whose number it was. Spreadsheets freeze such a column; so does this table, as Qt's
"Frozen Column" example does: a second view of the same model and selection, showing
that one column, laid over the table's left edge. Here it appears only while the column
itself has scrolled out of view (wherever the user moved it among the columns), so it
never hides a column that is in view.

The overlay shares the table's model and selection model: a click on it selects the row,
a double-click or F2 edits the outlet as in the table, and it scrolls with the table.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


class StickyColumn(QObject):
    """Keeps column ``column`` of ``table`` in view at its left edge when scrolled away."""

    def __init__(self, table: QTableView, column: int) -> None:
        super().__init__(table)
        self._table = table
        self._column = column
        view = QTableView(table)
        view.setObjectName("sticky_outlet_column")
        view.setAccessibleName("Outlets of the rows in view")
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        view.verticalHeader().setVisible(False)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setVerticalScrollMode(table.verticalScrollMode())
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(table.selectionMode())
        view.setEditTriggers(table.editTriggers())
        view.setAlternatingRowColors(table.alternatingRowColors())
        view.setWordWrap(False)
        view.horizontalHeader().setSectionsClickable(False)  # sorting: the table's header
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.setStyleSheet("QTableView#sticky_outlet_column { border: none;"
                           " border-right: 1px solid palette(mid); }")
        view.hide()
        self.view = view
        self._attach()
        header = table.horizontalHeader()
        header.sectionResized.connect(self.update)
        header.sectionMoved.connect(self.update)
        header.geometriesChanged.connect(self.update)
        table.horizontalScrollBar().valueChanged.connect(self.update)
        table.verticalScrollBar().valueChanged.connect(view.verticalScrollBar().setValue)
        view.verticalScrollBar().valueChanged.connect(table.verticalScrollBar().setValue)
        table.verticalHeader().sectionResized.connect(self._row_resized)
        table.installEventFilter(self)

    def _attach(self) -> None:
        """Take the table's model and selection model (again, after the table's model
        changed: desktop.qt_main_window attaches the article model after start)."""
        table, view = self._table, self.view
        if table.model() is None:
            return
        if view.model() is not table.model():
            view.setModel(table.model())
        view.setSelectionModel(table.selectionModel())
        for column in range(table.model().columnCount()):
            view.setColumnHidden(column, column != self._column)
        view.verticalHeader().setDefaultSectionSize(
            table.verticalHeader().defaultSectionSize())

    def model_changed(self) -> None:
        """The table got a new model: follow it."""
        self._attach()
        self.update()

    def _row_resized(self, row: int, _old: int, new: int) -> None:
        self.view.setRowHeight(row, new)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._table and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.update()
        return False

    def is_shown(self) -> bool:
        return self.view.isVisible()

    def update(self, *_: object) -> None:
        """Show the overlay where the column is out of view, else hide it."""
        table, view = self._table, self.view
        if table.model() is None or view.model() is not table.model():
            self._attach()
        if table.model() is None or table.isColumnHidden(self._column):
            view.hide()
            return
        x = table.columnViewportPosition(self._column)
        width = table.columnWidth(self._column)
        if x >= 0 or table.viewport().width() <= 2 * width:
            view.hide()  # in view (or too narrow a table to give it the room)
            return
        frame = table.frameWidth()
        view.setColumnWidth(self._column, width)
        header = table.horizontalHeader()
        view.horizontalHeader().setFixedHeight(header.height())
        view.setGeometry(frame, frame, width + 1,
                         table.viewport().height() + header.height())
        view.verticalScrollBar().setValue(table.verticalScrollBar().value())
        view.show()
        view.raise_()
