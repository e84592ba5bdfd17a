"""Placeholder text (the grey hint in an empty text box) that stays readable.

Qt draws a placeholder in the palette's PlaceholderText colour, by default the text colour
at half opacity, computed once for the light palette. Under a dark desktop theme that sets
the text and background colours but not the placeholder's, "Filter articles…" was black at
half opacity on a near-black box (1.1:1, ux9's review, session 9); under the light palette
it is 4.0:1. WCAG 2.1 (1.4.3) asks 4.5:1 of placeholder text too. The box's placeholder is
set to the theme's own colour when that reaches 4.5:1 on the box's background, else to the
text colour blended into the background just enough to reach it (still muted), and again
whenever the palette changes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLineEdit

from desktop.contrast import MIN_CONTRAST, contrast_ratio

_ROLE = QPalette.ColorRole.PlaceholderText
_GROUPS = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)
_PALETTE_EVENTS = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange,
                   QEvent.Type.StyleChange)


def _over(colour: QColor, behind: QColor) -> QColor:
    """``colour`` as seen over ``behind`` (its alpha composited away)."""
    a = colour.alphaF()
    return QColor.fromRgbF(*(a * c + (1 - a) * b for c, b in (
        (colour.redF(), behind.redF()), (colour.greenF(), behind.greenF()),
        (colour.blueF(), behind.blueF()))))


def readable_placeholder(palette: QPalette, group: QPalette.ColorGroup) -> QColor:
    """The palette's placeholder colour if it reaches MIN_CONTRAST on its Base, else the
    Text colour blended into Base just enough to reach it."""
    base = palette.color(group, QPalette.ColorRole.Base)
    own = _over(palette.color(group, _ROLE), base)
    if contrast_ratio(own.name(), base.name()) >= MIN_CONTRAST:
        return palette.color(group, _ROLE)
    text = palette.color(group, QPalette.ColorRole.Text)
    for step in range(1, 21):
        share = step / 20  # of the text colour in the blend
        blend = QColor.fromRgbF(*(share * t + (1 - share) * b for t, b in (
            (text.redF(), base.redF()), (text.greenF(), base.greenF()),
            (text.blueF(), base.blueF()))))
        if contrast_ratio(blend.name(), base.name()) >= MIN_CONTRAST:
            return blend
    return text


class ReadablePlaceholder(QObject):
    """Keeps a line edit's placeholder readable (see the module docstring)."""

    def __init__(self, edit: QLineEdit) -> None:
        super().__init__(edit)
        self._edit = edit
        self._applying = False
        edit.installEventFilter(self)
        self.apply()

    def apply(self) -> None:
        if self._applying:
            return
        self._applying = True
        try:
            # The palette the theme gives the box, not the colour set here before.
            theme = QApplication.palette(self._edit)
            current = self._edit.palette()
            wanted = {group: readable_placeholder(theme, group) for group in _GROUPS}
            if any(current.color(g, _ROLE) != c for g, c in wanted.items()):
                # Only this role is set on the box: every other one still follows the
                # theme (a palette copied whole would pin the box to today's colours).
                palette = QPalette()
                palette.setResolveMask(0)
                for group, colour in wanted.items():
                    palette.setColor(group, _ROLE, colour)
                self._edit.setPalette(palette)
        finally:
            self._applying = False

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if watched is self._edit and event.type() in _PALETTE_EVENTS:
            self.apply()
        return False


def keep_placeholder_readable(*edits: QLineEdit) -> None:
    for edit in edits:
        ReadablePlaceholder(edit)
