"""A ring round a scrolled view (a table, a text) while it has the keyboard focus.

ux27 (session 27), a keyboard-only walk under Xvfb: the article table marked its focus
only with a 1 px darker edge round the current cell, which on the selected (blue) row
could not be seen; the Read view's text and the Methods text showed nothing at all.
Tabbing into them, the user could not tell where the focus had gone. The chart has had
a ring since ux25 (desktop.qt_compare_view); this is the same ring for any scroll area:
a 2 px frame in the highlight colour laid over the viewport, shown while the area has
the focus and passing every mouse event through.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QFrame

#: The ring's width in (logical) pixels, as the chart's.
RING_WIDTH = 2


class FocusRing(QObject):
    """Shows :attr:`ring` over ``area``'s viewport while ``area`` has the focus."""

    def __init__(self, area: QAbstractScrollArea, name: str = "focus_ring") -> None:
        super().__init__(area)
        self._area = area
        ring = QFrame(area)
        ring.setObjectName(name)
        ring.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        ring.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        ring.setStyleSheet(f"QFrame#{name} {{ border: {RING_WIDTH}px solid palette(highlight);"
                           " background: transparent; }")
        ring.hide()
        self.ring = ring
        area.installEventFilter(self)
        area.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._area and kind in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self._update()
        elif kind in (QEvent.Type.Resize, QEvent.Type.Move) and self.ring.isVisible():
            self.ring.setGeometry(self._area.viewport().geometry())
        return False

    def _update(self) -> None:
        focused = self._area.hasFocus()
        if focused:
            self.ring.setGeometry(self._area.viewport().geometry())
            self.ring.raise_()  # above overlays such as the table's sticky Outlet column
        self.ring.setVisible(focused)
