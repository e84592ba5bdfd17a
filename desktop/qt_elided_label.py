"""A one-line label that cuts its text with "…" to its width, the whole text in its tooltip.

The status bar's summary after a load runs to 250 characters ("The 5 sample articles made
room for yours (Edit ▸ Undo, Ctrl+Z, brings them back) · 1 article from 1 outlet · 6 files
could not be read · 1 outlet is only a file name: double-click an Outlet cell to name it,
or add a manifest.csv (file,outlet) beside the files"): at 942 px it stopped mid-word ("only
a f"), with nothing to say that more was there nor where to read it (ux25)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

PLAIN_TEXT = 0  # Qt.TextFormat.PlainText
ELLIPSIS = "…"


def cut_to(text: str, metrics: QFontMetrics, width: int) -> str:
    """``text`` if it fits ``width`` px, else its longest start that fits with "…" after it
    (QFontMetrics.elidedText's ElideRight, without the Qt namespace's enums)."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    low, high = 0, len(text)  # the longest fitting start has ``low`` characters
    while low < high:
        middle = (low + high + 1) // 2
        if metrics.horizontalAdvance(text[:middle].rstrip() + ELLIPSIS) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + ELLIPSIS


class ElidedLabel(QLabel):
    """``text()`` is the whole text; what is shown is cut to the width with "…", and then
    the tooltip gives the whole, one ``separator``-separated part a line."""

    def __init__(self, parent: QWidget | None = None, *, separator: str = " · ") -> None:
        super().__init__(parent)
        self._full = ""
        self._separator = separator
        # Qt.TextFormat.PlainText, as a number: the status bar is part of the window's first
        # paint, before which the Qt namespace is not made (tests/desktop/
        # test_window_built_after_paint.py).
        self.setProperty("textFormat", PLAIN_TEXT)
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
        shown = cut_to(self._full, self.fontMetrics(), width)
        if shown != super().text():
            super().setText(shown)
        self.setToolTip("" if shown == self._full
                        else self._full.replace(self._separator, "\n"))
