"""The text over the chart: what the chosen chart shows and, for a chart of one measure,
the measure's definition.

In full it is three to five lines. At 1024 x 700 (a small laptop) those five lines, with
the table's three rows, left the chart a page too short for its outlet names (ux22,
finding 8). Where the full text would take more than DESCRIPTION_SHARE of the Compare
view's height, each paragraph is shown on one line, cut with "…"; the More button (or
the tooltip, or Help ▸ Methods) gives the whole text, and Less cuts it again. The user's
choice is kept for the next start. A text shown whole because there is room offers no Less.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from desktop import qt_settings

#: Shown in full when it takes at most this share of the Compare view's height (3-4
#: lines of a 510 px view at the window's default size; not 5 lines of a 390 px one).
DESCRIPTION_SHARE = 0.15
#: The user's More or Less, kept between sessions (true: in full).
EXPANDED_KEY = "compare/description_expanded"
MORE, LESS = "More", "Less"


def one_line_each(text: str, metrics: QFontMetrics, width: int) -> str:
    """Each paragraph (line) of ``text`` cut to fit ``width`` px, with "…"."""
    return "\n".join(metrics.elidedText(line, Qt.TextElideMode.ElideRight, max(width, 1))
                     for line in text.split("\n"))


class _Label(QLabel):
    """The description's text, word-wrapped; cut again when its width changes."""

    resized = Signal()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.resized.emit()


class ChartDescription(QWidget):
    """The chart's description, in full or one line a paragraph (see the module)."""

    #: The user chose More (True) or Less (False).
    expanded_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self._room = 0  # the Compare view's height (px), which decides when not chosen
        value = qt_settings.settings().value(EXPANDED_KEY)
        self._chosen: bool | None = None if value is None else str(value).lower() == "true"
        self._measuring = QLabel()  # not shown: heights of texts at a width
        self._measuring.setWordWrap(True)
        self._measuring.setTextFormat(Qt.TextFormat.PlainText)

        self.label = _Label()
        self.label.setObjectName("chart_description")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # As the QLabel it replaced (Ignored in width made its least height that of the
        # text wrapped at a width of 0: the view grew to 1500 px).
        self.label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.label.resized.connect(self._show)
        self.more = QToolButton()
        self.more.setObjectName("description_more")
        self.more.setCheckable(True)
        self.more.setAutoRaise(True)
        self.more.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.more.clicked.connect(self._on_more)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.more, 0, Qt.AlignmentFlag.AlignTop)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self._show()

    # -- what callers use ---------------------------------------------------

    def text(self) -> str:
        """The whole description (what is shown may be cut: :meth:`shown_text`)."""
        return self._full

    def setText(self, text: str) -> None:  # as QLabel's, which it replaced
        self._full = text
        self._show()

    def setToolTip(self, tip: str) -> None:
        super().setToolTip(tip)
        self.label.setToolTip(tip)

    def shown_text(self) -> str:
        return self.label.text()

    def is_expanded(self) -> bool:
        """Whether the whole text is shown (chosen, or where it takes little room)."""
        return self._expanded_for(self._full)

    def set_room(self, height: int) -> None:
        """The Compare view's height, which decides between full and cut (until chosen)."""
        if height != self._room:
            self._room = height
            self._show()

    def height_for(self, text: str) -> int:
        """The height (px) this widget takes showing ``text`` at its width now."""
        width = self._label_width()
        return self._text_height(self._shown_for(text, width), width)

    # -- inside -------------------------------------------------------------

    def _label_width(self) -> int:
        width = self.label.width()
        if not self.label.isVisible() or width <= 1:
            # Not laid out yet: the row less the button.
            width = self.width() - self.more.sizeHint().width() - 4
        return max(width, 1)

    def _text_height(self, text: str, width: int) -> int:
        self._measuring.setFont(self.label.font())
        self._measuring.setText(text)
        return self._measuring.heightForWidth(width)

    def _expanded_for(self, text: str) -> bool:
        if self._chosen is not None:
            return self._chosen
        if self._room <= 0:
            return True
        return self._text_height(text, self._label_width()) <= DESCRIPTION_SHARE * self._room

    def _shown_for(self, text: str, width: int) -> str:
        if self._expanded_for(text):
            return text
        return one_line_each(text, self.label.fontMetrics(), width)

    def _show(self) -> None:
        width = self._label_width()
        shown = self._shown_for(self._full, width)
        if shown != self.label.text():
            self.label.setText(shown)
        expanded = shown == self._full and self._expanded_for(self._full)
        cut = one_line_each(self._full, self.label.fontMetrics(), width) != self._full
        # Only where there is more than one line a paragraph to show or hide, and then
        # More for a text cut, Less only for a text the user chose to see whole: a text
        # shown whole because there is room for it (a big screen) offers nothing (ux25:
        # "Less" there was unexpected).
        self.more.setVisible(cut and (not expanded or self._chosen is True))
        self.more.setChecked(expanded)
        self.more.setText(LESS if expanded else MORE)
        self.more.setToolTip("Show the description on one line a paragraph" if expanded
                             else "Show the whole description (also in this tooltip)")
        self.more.setAccessibleName("Shorter description" if expanded
                                    else "Whole description")

    def _on_more(self, checked: bool) -> None:
        self._chosen = checked
        qt_settings.settings().setValue(EXPANDED_KEY, checked)
        self._show()
        self.expanded_changed.emit(checked)
