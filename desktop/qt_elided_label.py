"""A one-line label that cuts its text with "…" to its width, the whole text in its tooltip.

The status bar's summary after a load runs to 250 characters ("The 5 sample articles made
room for yours (Edit ▸ Undo, Ctrl+Z, brings them back) · 1 article from 1 outlet · 6 files
could not be read · 1 outlet is only a file name: double-click an Outlet cell to name it,
or add a manifest.csv (file,outlet) beside the files"): at 942 px it stopped mid-word ("only
a f"), with nothing to say that more was there nor where to read it (ux25)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class ElidedLabel(QLabel):
    """``text()`` is the whole text; what is shown is cut to the width with "…", and then
    the tooltip gives the whole, one ``separator``-separated part a line."""

    def __init__(self, parent: QWidget | None = None, *, separator: str = " · ") -> None:
        super().__init__(parent)
        self._full = ""
        self._separator = separator
        self.setTextFormat(Qt.TextFormat.PlainText)
        # As wide as the room it is given, whatever its text (the text is cut to it).
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def text(self) -> str:
        return self._full

    def shown_text(self) -> str:
        return super().text()

    def setText(self, text: str) -> None:
        self._full = text
        self.setAccessibleDescription(text)
        self._cut()

    def is_cut(self) -> bool:
        return self.shown_text() != self._full

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._cut()

    def _cut(self) -> None:
        margins = self.contentsMargins()
        width = self.width() - margins.left() - margins.right() - 2 * self.margin()
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight,
                                              max(width, 1))
        if shown != super().text():
            super().setText(shown)
        self.setToolTip("" if shown == self._full
                        else self._full.replace(self._separator, "\n"))
