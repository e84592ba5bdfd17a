"""The Read view: one analysed article, its text with every cue highlighted.

The document is built from ``Article.text`` itself, never re-parsed: a span's
offsets become document positions through :class:`desktop.highlight.OffsetMap`
(emoji are two positions in Qt, one in Python). Colours, overlaps and tooltip
wording come from :mod:`desktop.highlight`, which has no Qt in it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFocusEvent,
    QFont,
    QHelpEvent,
    QIcon,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLayout,
    QLayoutItem,
    QMenu,
    QSizePolicy,
    QStackedWidget,
    QTextBrowser,
    QTextEdit,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
    QWidgetItem,
)

from desktop.highlight import (
    ALL_KEYS,
    CUE_STYLES,
    NOT_SCORED_COLOUR,
    RESTATING_COLOUR,
    STYLE_BY_KEY,
    CueStyle,
    OffsetMap,
    Segment,
    legend_counts_by_rate,
    marks,
    placeable_spans,
    readable_on,
    resolve_visible,
    segments,
    span_tooltip_lines,
    style_key,
    tooltip_html,
    tooltip_plain,
)
from desktop.qt_focus_ring import FocusRing
from models import gaps
from models.article import Article, Sentence, Span, sentence_place
from models.features import ArticleAnalysis
from models.headline import attributes_claim
from models.tone import NEGATIVE_THRESHOLD, POSITIVE_THRESHOLD

EMPTY_TEXT = "Select an article in the table to read it with its cues highlighted"
NO_HEADLINE_TEXT = "No headline detected"

# Which text format property holds the legend keys drawn at a position.
CUE_KEYS_PROPERTY = QTextFormat.Property.UserProperty + 1

_MARGIN = 16  # left margin of the text, where restating sentences get their bar
_BAR_X, _BAR_WIDTH = 4, 4
_LINE_HEIGHT_PERCENT = 135

_UNDERLINES = {
    "solid": QTextCharFormat.UnderlineStyle.SingleUnderline,
    "dash": QTextCharFormat.UnderlineStyle.DashUnderline,
    "dot": QTextCharFormat.UnderlineStyle.DotLine,
    "wave": QTextCharFormat.UnderlineStyle.WaveUnderline,
}
_PEN_STYLES = {
    "solid": Qt.PenStyle.SolidLine,
    "dash": Qt.PenStyle.DashLine,
    "dot": Qt.PenStyle.DotLine,
}


# ---- wording of the header (pure functions, tested without widgets) -------


def signed(value: float) -> str:
    """'+0.42' / '−0.42' with a real minus sign."""
    return f"{value:+.2f}".replace("-", "−")


def tone_words(tone: float) -> str:
    if tone <= NEGATIVE_THRESHOLD:
        return "negative"
    if tone >= POSITIVE_THRESHOLD:
        return "positive"
    return "neutral"


def headline_gap_text(analysis: ArticleAnalysis) -> str:
    """The headline's tone, whether it is hedged, and its gap with the body, in words."""
    scores = analysis.scores
    if scores.headline_hedged is None:
        return ""
    parts = []
    news, vader = scores.headline_tone_news, scores.headline_tone
    if news is not None:  # the news model's, with VADER's alongside, as for the body
        also = f"; VADER {signed(vader)}" if vader is not None else ""
        parts.append(f"Headline tone {signed(news)} ({tone_words(news)}{also})")
    elif vader is not None:
        parts.append(f"Headline tone (VADER) {signed(vader)} ({tone_words(vader)})")
    if scores.headline_sensational is not None:
        parts.append(f"clickbait style {scores.headline_sensational:.0%}")
    n = len(analysis.headline_restating)
    gap = scores.headline_body_gap
    if scores.headline_hedged:
        parts.append("headline hedged")
        parts.append("headline–body gap 0: a hedged headline claims no more than its body")
    else:
        parts.append("headline not hedged")
        if gap is not None and attributes_claim([s for s in analysis.spans if s.in_headline]):
            distanced = round(gap * n)
            verbs = "hedges it or gives it" if distanced == 1 else "hedge it or give it"
            if n == 1:  # not "0 of 1 restating sentence hedge it" (ux21)
                what = ("the one restating sentence " + ("hedges it or gives it" if distanced
                        else "neither hedges it nor gives it"))
            else:
                what = f"{distanced} of {n} restating sentences {verbs}"
            parts.append(
                f"headline–body gap {gap:.2f}: the headline attributes its claim to a "
                f"source, and {what} to a source the headline does not name"
            )
        elif gap is None:
            parts.append("headline–body gap: none, as no body sentence restates the headline")
        else:
            distanced = round(gap * n)
            if distanced:
                verbs = "hedges or attributes" if distanced == 1 else "hedge or attribute"
                parts.append(
                    f"headline–body gap {gap:.2f}: the headline asserts what {distanced} of "
                    f"{n} restating sentence{'s' if n != 1 else ''} {verbs}"
                )
            elif n == 1:  # not "none of the 1 restating sentence hedges" (ux21)
                parts.append(
                    f"headline–body gap {gap:.2f}: the one restating sentence neither "
                    f"hedges nor attributes the claim{_vouched(analysis)}"
                )
            else:
                parts.append(
                    f"headline–body gap {gap:.2f}: none of the {n} restating "
                    f"sentences hedges or attributes the claim{_vouched(analysis)}"
                )
    return " · ".join(parts)


def _vouched(analysis: ArticleAnalysis) -> str:
    """' (…confirmed… presents it as true)' where a restating sentence gives the claim to a
    source with a factive verb, which does not distance it (models.headline.distances)."""
    restating = set(analysis.headline_restating)
    verbs = [s.text for s in analysis.spans if s.sentence_index in restating
             and s.category == "attribution" and s.subcategory == "factive"]
    if not verbs:
        return ""
    return f" ('{verbs[0]}' gives it to a source as true, which is no distance)"


#: How many sentences the line under the header links to, at most.
MEASURE_LINKS = 30


def restating_html(analysis: ArticleAnalysis) -> str:
    """'2 body sentences restate the headline: 3, 7', with links that scroll to them."""
    indices = analysis.headline_restating
    if not indices:
        return ""
    links = ", ".join(f"<a href='sentence:{i}'>{i + 1}</a>" for i in indices)
    many = len(indices) != 1
    return (
        f"{len(indices)} body sentence{'s' if many else ''} restate{'' if many else 's'} "
        f"the headline: sentence{'s' if many else ''} {links} "
        f"<span style='color:{RESTATING_COLOUR}'>(bar in the margin)</span>"
    )


def _referents(analysis: ArticleAnalysis) -> dict[tuple[int, int], str]:
    """Whom the article's "he" and "she" sources name, as sources.csv counts them; none
    when it has no pronoun source (most of the work is skipped then)."""
    if not any(s.category == "source" and s.subcategory == "pronoun" for s in analysis.spans):
        return {}
    from models.sources import pronoun_referents

    return pronoun_referents(analysis)


def meta_text(article: Article, words: int, sentences: int) -> str:
    parts = [article.outlet or "Unknown outlet"]
    if article.date:
        parts.append(article.date)
    parts.append(f"{words} body words")
    parts.append(f"{sentences} sentences")
    return " · ".join(parts)


def notes_text(article: Article) -> str:
    """What the manifest and the readers noted about an article ("English translation of a
    Dutch article", "decoded as Windows-1252 (the file is not UTF-8)", "line 3 of
    corpus.csv"), as the Read view shows it under the details; "" when nothing."""
    return f"Notes: {'; '.join(article.notes)}" if article.notes else ""


def headline_cues(analysis: ArticleAnalysis) -> tuple[str, list[Span]]:
    """The headline's text and its spans with offsets relative to that text."""
    article = analysis.article
    head_spans = [s for s in analysis.spans if s.in_headline]
    sentence = article.headline_sentence
    if sentence is not None:
        text = article.text[sentence.start : sentence.end]
        shift = sentence.start
    else:
        text, shift = article.headline, 0
    relative = []
    for s in head_spans:
        start, end = s.start - shift, s.end - shift
        if 0 <= start < end <= len(text) and text[start:end] == s.text:
            relative.append(
                Span(start, end, s.text, s.category, s.subcategory, s.term,
                     s.sentence_index, s.probability_low, s.probability_high, s.negated)
            )
    return text, relative


def headline_html(text: str, spans: list[Span], visible: Iterable[str]) -> str:
    """The headline as rich text with its visible cues filled or underlined."""
    out = []
    position = 0
    for seg in segments(len(text), (), spans, visible):
        out.append(escape(text[position : seg.start]))
        m = marks(seg.spans)
        style = []
        if m.background is not None:
            style.append(f"background-color:{m.background.colour}")
        if m.underline is not None:
            style.append("text-decoration:underline")
        if m.text is not None:
            style.append(f"color:{m.text.colour}")
        out.append(f"<span style='{';'.join(style)}'>{escape(text[seg.start:seg.end])}</span>")
        position = seg.end
    out.append(escape(text[position:]))
    return "".join(out)


# ---- widgets --------------------------------------------------------------


#: A legend chip with the keyboard focus: a 2 px ring in the highlight colour (its
#: style sheet drew none: Tab through the chips showed no change, ux27). The padding
#: gives back the extra pixel so the chip keeps its size.
CHIP_FOCUS = ("QToolButton:focus { border: 2px solid palette(highlight);"
              " padding: 1px 7px 1px 5px; }")


#: The screens' pixel ratios a chip's sample is drawn for (a 200% screen took the 16 px
#: sample and blew it up: its "Aa" blurred beside the chip's sharp text, ux27).
SWATCH_RATIOS = (1.0, 1.5, 2.0, 3.0)


def swatch(style: CueStyle, size: int = 16, on: bool = True, ratio: float = 1.0) -> QPixmap:
    """The legend's sample of a style: a filled square or a line in its style, ``size``
    logical pixels square, drawn for a screen of pixel ratio ``ratio``."""
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(style.colour)
    if not on:
        colour.setAlpha(60)
    if style.mark == "background":
        painter.setPen(QPen(QColor(style.line_colour if on else "#BBBBBB"), 1))
        painter.setBrush(colour)
        painter.drawRoundedRect(1, 2, size - 2, size - 4, 3, 3)
    elif style.mark == "text":
        font = painter.font()
        font.setPixelSize(size - 3)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QPen(colour if on else QColor("#AAAAAA")))
        painter.drawText(QRect(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, "Aa")
    else:
        pen = QPen(colour, 2)
        y = size - 4
        if style.line == "wave":
            painter.setPen(pen)
            points = [QPoint(x, y - 2 * (x // 3 % 2)) for x in range(1, size, 3)]
            painter.drawPolyline(points)
        else:
            pen.setStyle(_PEN_STYLES.get(style.line, Qt.PenStyle.SolidLine))
            painter.setPen(pen)
            painter.drawLine(1, y, size - 1, y)
        painter.setPen(QPen(QColor("#000000" if on else "#AAAAAA")))
        font = painter.font()
        font.setPixelSize(size - 6)
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(QRect(0, 0, size, size - 5), Qt.AlignmentFlag.AlignCenter, "Aa")
    painter.end()
    return pixmap


class FlowLayout(QLayout):
    """Lays children out left to right, wrapping to a new row when the width runs out."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def addWidget(self, widget: QWidget) -> None:
        self.addChildWidget(widget)
        self.addItem(QWidgetItem(widget))

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        """Every item on one row: a parent layout asks its height for this width. The
        narrowest width (one chip a row, 11 rows) made the Read view's minimum 470 px
        tall, and at 1024 x 700 showing it grew the window off the screen and left the
        table one row (ux25)."""
        width = sum(item.sizeHint().width() for item in self._items)
        width += self._spacing * max(0, len(self._items) - 1)
        margins = self.contentsMargins()
        width += margins.left() + margins.right()
        return QSize(width, self.heightForWidth(width))

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, row_height = area.x(), area.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and row_height > 0:
                x, y = area.x(), y + row_height + self._spacing
                row_height = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y() + margins.bottom()


class CueBrowser(QTextBrowser):
    """A read-only text view that draws bars in its left margin beside marked sentences.

    Bars mark the body sentences that restate the headline (and, in grey, the
    sentence the view last scrolled to); hovering a bar explains it.
    ``focusChanged`` says when it takes (True) or loses (False) the keyboard focus.
    """

    focusChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        # A caret (ux27): QTextBrowser's arrows only scrolled, so a keyboard or screen-reader
        # user could not reach a cue's explanation (a hover tooltip). The arrows, Page Up/Down
        # and Ctrl+Home/End now move it; links and mouse selection work as before. Set after
        # setReadOnly, which resets the flags.
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setCursorWidth(2)
        self._bars: list[tuple[int, int, str, str]] = []  # doc start, end, colour, tooltip
        self._by_key = False  # inside a key press (the caret moved by the keyboard)
        self._caret_tip = ""  # the tooltip shown at the caret, shown again on key release
        # Adds the view's own entries to the context menu: (menu, document position).
        self.extend_menu: Any = None

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Copy and Select All, and the Read view's entries for the text under the mouse
        (or at the caret, for the Menu key or Shift+F10)."""
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            position = self.textCursor().position()
            at = self.viewport().mapToGlobal(self.cursorRect().center())
        else:
            # Delivered through the viewport: the position is the viewport's.
            position = self.cursorForPosition(event.pos()).position()
            at = event.globalPos()
        menu = self.createStandardContextMenu()
        if self.extend_menu is not None:
            self.extend_menu(menu, position)
        menu.exec(at)
        menu.deleteLater()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focusChanged.emit(True)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if self._caret_tip:
            self.show_caret_tip("")
        self.focusChanged.emit(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self._by_key = True
        try:
            super().keyPressEvent(event)
        finally:
            self._by_key = False

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        # On macOS QToolTip hides its tip on any key release (its application event filter
        # runs first), so a tip shown at the caret on the press is shown again here. (Not
        # on Linux or Windows, so the tests, run on Linux, cannot see it.)
        super().keyReleaseEvent(event)
        if self._caret_tip and not event.isAutoRepeat() and self.hasFocus():
            self._show_caret_tip()

    def move_caret_by_key(self, position: int) -> None:
        """Put the caret at document ``position`` as a key would (its cue's tip shows)."""
        cursor = self.textCursor()
        cursor.setPosition(position)
        self._by_key = True
        try:
            self.setTextCursor(cursor)
        finally:
            self._by_key = False
        self.ensureCursorVisible()

    def moved_by_key(self) -> bool:
        """Whether a key press is being handled (a caret move then came from the keyboard)."""
        return self._by_key

    def show_caret_tip(self, tip: str) -> None:
        """Show ``tip`` (rich text) just under the caret, or hide the caret's tip for ''."""
        self._caret_tip = tip
        if tip:
            self._show_caret_tip()
        else:
            QToolTip.hideText()

    def forget_caret_tip(self) -> None:
        """The caret left the tip's cue other than by the keyboard (a click, a jump from
        another view): a key release no longer brings the tip back."""
        self._caret_tip = ""

    def caret_tip(self) -> str:
        """The tip last shown at the caret by the keyboard ('' when none)."""
        return self._caret_tip

    def _show_caret_tip(self) -> None:
        rect = self.cursorRect()
        at = self.viewport().mapToGlobal(rect.bottomLeft() + QPoint(0, 4))
        QToolTip.showText(at, self._caret_tip, self.viewport())

    def set_bars(self, bars: list[tuple[int, int, str, str]]) -> None:
        self._bars = bars
        self.viewport().update()

    def bars(self) -> list[tuple[int, int, str, str]]:
        return list(self._bars)

    def bar_rect(self, start: int, end: int) -> QRect:
        """The bar beside document positions start..end, in viewport coordinates."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        top = self.cursorRect(cursor).top()
        cursor.setPosition(end)
        bottom = self.cursorRect(cursor).bottom()
        # A small gap at each end keeps the bars of adjacent sentences apart.
        return QRect(_BAR_X, top + 2, _BAR_WIDTH, max(bottom - top - 3, 1))

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._bars:
            return
        painter = QPainter(self.viewport())
        for start, end, colour, _tip in self._bars:
            rect = self.bar_rect(start, end)
            if rect.intersects(event.rect()):
                painter.fillRect(rect, QColor(colour))
        painter.end()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            if event.pos().x() < _MARGIN:
                for start, end, _colour, tip in self._bars:
                    if self.bar_rect(start, end).adjusted(-4, 0, 4, 0).contains(event.pos()):
                        QToolTip.showText(event.globalPos(), tip, self.viewport())
                        return True
                QToolTip.hideText()
                return True
        return super().viewportEvent(event)


#: The Read text's accessible description; the cue at the caret is added after it.
TEXT_DESCRIPTION = (
    "The article with its cues highlighted. The arrow keys move a caret; on a highlighted "
    "word its cue is explained beside the caret and in the status bar. F8 and Shift+F8 go "
    "to the next and previous highlighted cue. The legend above shows one kind of cue at "
    "a time")
#: Keys that move the caret to the next and previous highlighted cue (no other action of
#: the window uses F8).
NEXT_CUE_KEY, PREVIOUS_CUE_KEY = "F8", "Shift+F8"

# A sentence opened from the Claims view: a soft yellow, under the cue highlights' text.
SENTENCE_HIGHLIGHT = "#FFF1A8"
PAPER, INK = "#FFFFFF", "#000000"  # the Read view's background and text, whatever the theme
# Colours of custom dictionaries' underlines (Paul Tol's muted scheme, colour-blind safe).
DICTIONARY_COLOURS = ("#117733", "#332288", "#999933", "#44AA99", "#AA4499", "#661100")
DICTIONARY_PROPERTY = QTextFormat.Property.UserProperty + 7  # the dictionary's name


class ReadView(QWidget):
    """Shows one analysed article with its cues highlighted and a legend to filter them.

    ``visibleCategoriesChanged`` carries the frozenset of legend keys shown
    (see :data:`desktop.highlight.CUE_STYLES`) whenever the user toggles a chip.
    """

    visibleCategoriesChanged = Signal(object)
    #: The user asked that a block the reader set aside be scored as body text:
    #: (article id, the block's index in Article.blocks).
    scoreAsBodyRequested = Signal(str, int)
    #: The cue at the text's caret changed: its explanation as one line of plain text
    #: (the hover tooltip's words), or '' when the caret left the highlights. Given
    #: again when the text takes the focus, and '' when it loses it.
    caretCueChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._analysis: ArticleAnalysis | None = None
        self._visible: frozenset[str] = ALL_KEYS
        self._map = OffsetMap("")
        self._spans: list[Span] = []
        self._referents: dict[tuple[int, int], str] = {}  # pronoun source -> whom it names
        self._current: tuple[int, int, int] | None = None  # doc start, end, sentence index
        self._caret_cue = ""  # the cue at the caret, as caretCueChanged last gave it
        # Custom dictionaries: name -> (colour, matches in the shown article), and chips.
        self._dictionaries: list[Any] = []
        self._dict_matches: dict[str, list[Any]] = {}
        self._dict_chips: dict[str, QToolButton] = {}

        self._stack = QStackedWidget(self)
        self._empty = QLabel(EMPTY_TEXT)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setWordWrap(True)
        self._empty.setStyleSheet("color: #666666; font-size: 13pt; padding: 24px;")
        self._stack.addWidget(self._empty)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.setSpacing(4)

        self._headline = QLabel()
        self._headline.setWordWrap(True)
        self._headline.setTextFormat(Qt.TextFormat.RichText)
        self._headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self._headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self._headline.setFont(font)
        self._meta = QLabel()
        self._meta.setStyleSheet("color: #555555;")
        self._meta.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # The manifest's and the readers' notes (a translation, an encoding): kept with
        # the article since the readers were written, and shown nowhere until session 27.
        self._notes = QLabel()
        self._notes.setWordWrap(True)
        self._notes.setStyleSheet("color: #555555;")
        self._notes.setTextFormat(Qt.TextFormat.PlainText)
        self._notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._notes.setVisible(False)
        self._gap = QLabel()
        self._gap.setWordWrap(True)
        self._restating = QLabel()
        self._restating.setWordWrap(True)
        self._restating.setTextFormat(Qt.TextFormat.RichText)
        self._restating.linkActivated.connect(self._on_link)
        # The sentences behind a number of the table (Enter or a double-click on its cell):
        # links reachable with Tab and Enter as well as the mouse.
        self._measure = QLabel()
        self._measure.setObjectName("measureSentences")
        self._measure.setWordWrap(True)
        self._measure.setTextFormat(Qt.TextFormat.RichText)
        self._measure.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self._measure.linkActivated.connect(self._on_link)
        self._measure.setVisible(False)
        for label in (self._headline, self._meta, self._notes, self._gap, self._restating,
                      self._measure):
            layout.addWidget(label)

        self._legend = QFrame()
        self._legend.setObjectName("cueLegend")
        self._legend.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        legend_layout = FlowLayout(self._legend, spacing=6)
        legend_layout.setContentsMargins(0, 6, 0, 6)
        self._chips: dict[str, QToolButton] = {}
        for style in CUE_STYLES:
            chip = QToolButton(self._legend)
            chip.setObjectName(f"chip_{style.key}")
            chip.setCheckable(True)
            chip.setChecked(True)
            chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            icon = QIcon()
            for ratio in SWATCH_RATIOS:
                for on, state in ((True, QIcon.State.On), (False, QIcon.State.Off)):
                    icon.addPixmap(swatch(style, on=on, ratio=ratio), QIcon.Mode.Normal, state)
            chip.setIcon(icon)
            chip.setToolTip(f"{style.description}\nClick (or Space) to show or hide these highlights.")
            chip.setStyleSheet(
                "QToolButton { border: 1px solid #BBBBBB; border-radius: 11px;"
                " padding: 2px 8px 2px 6px; background: #F4F4F4; color: #666666; }"
                "QToolButton:checked { background: #FFFFFF; color: #000000;"
                " border-color: #888888; }" + CHIP_FOCUS
            )
            chip.toggled.connect(self._on_chip_toggled)
            legend_layout.addWidget(chip)
            self._chips[style.key] = chip
        layout.addWidget(self._legend)
        self._legend_layout = legend_layout

        self._browser = CueBrowser()
        self._browser.setFrameShape(QFrame.Shape.NoFrame)
        self._browser.extend_menu = self.extend_context_menu
        text_font = QFont(self._browser.font())
        text_font.setPointSizeF(max(text_font.pointSizeF(), 10.0) * 1.1)
        self._browser.document().setDefaultFont(text_font)
        layout.addWidget(self._browser, 1)
        self._stack.addWidget(content)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._stack)
        self._browser.setAccessibleName("Article text")
        self._browser.setAccessibleDescription(TEXT_DESCRIPTION)
        self._browser.cursorPositionChanged.connect(self._on_caret_moved)
        # The status bar speaks of the caret's cue while the text has the focus only (not
        # from the Compare view, or while the table is being browsed).
        self._browser.focusChanged.connect(
            lambda focused: self.caretCueChanged.emit(self._caret_cue if focused else ""))
        self.action_next_cue = self._cue_action(
            "Next Highlighted Cue", NEXT_CUE_KEY, lambda: self.go_to_cue(forward=True))
        self.action_previous_cue = self._cue_action(
            "Previous Highlighted Cue", PREVIOUS_CUE_KEY, lambda: self.go_to_cue(forward=False))
        self._legend.setAccessibleName("Highlight categories")
        self._text_focus = FocusRing(self._browser, "article_text_focus")  # ux27
        # The article is shown on paper whatever the desktop's theme: the fills, greys and
        # colours are chosen for dark text on white (4.5:1 each); a dark theme's light
        # text on the pastel fills was 1.4:1 to 2.5:1.
        paper = self.palette()
        for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
            paper.setColor(role, QColor(PAPER))
        for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
            paper.setColor(role, QColor(INK))
        self.setPalette(paper)
        self.setAutoFillBackground(True)
        self._update_chip_texts()
        self.show_analysis(None)

    def _cue_action(self, text: str, key: str, slot: Any) -> QAction:
        """An action of the view's keys: it works wherever the focus is in the view (the
        text, a legend chip), not in the other tabs."""
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    # ---- public API -------------------------------------------------------

    def show_analysis(self, analysis: ArticleAnalysis | None) -> None:
        """Show an analysed article, or the empty state for None."""
        self._analysis = analysis
        self._current = None
        self._browser.setExtraSelections([])
        if analysis is None:
            self._map = OffsetMap("")
            self._spans = []
            self._referents = {}
            self._browser.clear()
            self._browser.set_bars([])
            self._update_chip_texts()
            self._stack.setCurrentIndex(0)
            self._on_caret_moved()
            return
        article = analysis.article
        self._measure.setVisible(False)
        self._map = OffsetMap(article.text)
        self._spans = placeable_spans(article, analysis.spans)
        self._referents = _referents(analysis)
        self._find_dictionary_matches()
        self._fill_header()
        self._build_document()
        self._update_chip_texts()
        self._stack.setCurrentIndex(1)
        self._on_caret_moved()

    def analysis(self) -> ArticleAnalysis | None:
        return self._analysis

    def block_at(self, position: int) -> int | None:
        """The index (in Article.blocks) of the block at document position ``position``,
        or None (blank lines between blocks, no article shown)."""
        if self._analysis is None:
            return None
        offset = self._map.to_text(position)
        for index, block in enumerate(self._analysis.article.blocks):
            if block.start <= offset < block.end:
                return index
        return None

    def extend_context_menu(self, menu: QMenu, position: int) -> QAction | None:
        """Add "Score This … as Body Text" to ``menu`` where the text at document
        position ``position`` is a block the reader set aside (a lede taken for a
        standfirst: ux22); the action made, or None."""
        from models.segment import role_label, scorable_blocks

        index = self.block_at(position)
        if self._analysis is None or index is None or \
                index not in scorable_blocks(self._analysis.article):
            return None
        article = self._analysis.article
        what = role_label(article.blocks[index].role)
        menu.addSeparator()
        action = menu.addAction(f"Score This {what.title()} as Body Text")
        action.setObjectName("scoreAsBody")
        action.setToolTip(f"The reader set this {what} aside; count it as body text, with "
                          "its cues, sources, tone and words (Edit ▸ Undo takes it back)")
        article_id = article.article_id
        action.triggered.connect(lambda: self.scoreAsBodyRequested.emit(article_id, index))
        return action

    def show_measure(self, key: str, label: str, shown: str) -> bool:
        """Name the sentences behind one of the article's numbers (the table's cell of
        ``key``, ``label``, showing ``shown``) with links to them, and scroll to the first.
        Returns False, and shows nothing, for a column that is no measure."""
        from models.evidence import measure_sentences

        self._measure.setVisible(False)
        if self._analysis is None:
            return False
        try:
            refs = measure_sentences(self._analysis, key)
        except KeyError:  # outlet, headline, date: no measure
            return False
        indices = sorted({r.sentence_index for r in refs})
        name = escape(label.replace("\n", " "))
        if not indices:
            text = f"{name}: {escape(shown)}; no sentence behind this number"
        else:
            links = ", ".join(
                f"<a href='sentence:{i}'>{'headline' if i < 0 else i + 1}</a>"
                for i in indices[:MEASURE_LINKS])
            if len(indices) > MEASURE_LINKS:
                links += f" and {len(indices) - MEASURE_LINKS} more"
            many = len(indices) != 1
            text = (f"{name}: {escape(shown)}, from sentence{'s' if many else ''} {links} "
                    "(the first is marked in the margin)")
        self._measure.setText(text)
        self._measure.setVisible(True)
        if indices:
            self.scroll_to_sentence(indices[0])
        return True

    def measure_text(self) -> str:
        """The line naming the sentences behind a number ('' when none is shown)."""
        return self._measure.text() if self._measure.isVisibleTo(self) else ""

    def measure_label(self) -> QLabel:
        return self._measure

    def current_sentence(self) -> int | None:
        """The sentence last scrolled to (-1: the headline), or None."""
        return self._current[2] if self._current is not None else None

    def is_empty(self) -> bool:
        return self._stack.currentIndex() == 0

    def empty_label(self) -> QLabel:
        return self._empty

    def set_visible_categories(self, categories: Iterable[str]) -> None:
        """Show only these cue categories ('hedge') or legend keys ('hedge:evidential')."""
        visible = resolve_visible(categories)
        for key, chip in self._chips.items():
            chip.blockSignals(True)
            chip.setChecked(key in visible)
            chip.blockSignals(False)
        self._set_visible(visible)

    def visible_categories(self) -> frozenset[str]:
        """The legend keys currently shown."""
        return self._visible

    def scroll_to_sentence(self, index: int) -> bool:
        """Scroll so that sentence ``index`` (-1: the headline) is near the top; mark it.

        Returns False when the article has no such sentence.
        """
        if self._analysis is None:
            return False
        sentence = self._sentence(index)
        if sentence is None:
            return False
        start = self._map.to_document(sentence.start)
        end = self._map.to_document(sentence.end)
        cursor = QTextCursor(self._browser.document())
        cursor.setPosition(start)
        self._browser.setTextCursor(cursor)
        self._current = (start, end, index)
        self._update_bars()
        bar = self._browser.verticalScrollBar()
        top = self._browser.cursorRect(cursor).top()
        bar.setValue(bar.value() + top - self._browser.viewport().height() // 5)
        return True

    def highlight_sentence(self, index: int) -> bool:
        """Scroll to sentence ``index`` (-1: the headline) and give it a yellow
        background until another article or sentence is shown (e.g. a claim's
        sentence opened from the Claims view). Returns False when there is none."""
        if not self.scroll_to_sentence(index) or self._current is None:
            return False
        start, end, _ = self._current
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self._browser.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor  # type: ignore[attr-defined]  # PySide6 stubs lack it
        selection.format.setBackground(QColor(SENTENCE_HIGHLIGHT))  # type: ignore[attr-defined]
        self._browser.setExtraSelections([selection])
        return True

    def highlighted_text(self) -> str:
        """The text of the sentence highlighted by :meth:`highlight_sentence`, or ''."""
        selections = self._browser.extraSelections()
        return selections[0].cursor.selectedText() if selections else ""  # type: ignore[attr-defined]

    # ---- the caret and the cues -------------------------------------------

    def cue_tip_at_caret(self) -> str:
        """The hover tooltip (rich text) of the highlight the caret rests on: the
        character after the caret, else the one before it; '' off every highlight."""
        doc = self._browser.document()
        position = self._browser.textCursor().position()
        cursor = QTextCursor(doc)
        last = doc.characterCount() - 1
        # A cursor's charFormat is that of the character before its position.
        for after in (position + 1, position):
            if 0 < after <= last:
                cursor.setPosition(after)
                if tip := cursor.charFormat().toolTip():
                    return tip
        return ""

    def caret_cue(self) -> str:
        """The cue at the caret as the status bar and the text's accessible description
        give it (plain text), or ''."""
        return self._caret_cue

    def cue_runs(self) -> list[tuple[int, int]]:
        """The document ranges (start, end) of the highlighted cues shown, in order:
        adjacent highlights are one run (the stops of F8 and Shift+F8)."""
        runs: list[tuple[int, int]] = []
        block = self._browser.document().begin()
        while block.isValid():
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                fmt = fragment.charFormat()
                if fmt.property(CUE_KEYS_PROPERTY) or fmt.property(DICTIONARY_PROPERTY):
                    start = fragment.position()
                    end = start + fragment.length()
                    if runs and runs[-1][1] == start:
                        runs[-1] = (runs[-1][0], end)
                    else:
                        runs.append((start, end))
                fragments += 1
            block = block.next()
        return runs

    def go_to_cue(self, forward: bool = True) -> bool:
        """Move the caret to the start of the next (or previous) highlighted cue and give
        the text the focus. At the last (first) cue it stays, says so in the status bar,
        and returns False: no wrapping, so a screen-reader user knows the end is reached."""
        if self._analysis is None:
            return False
        runs = self.cue_runs()
        position = self._browser.textCursor().position()
        # The run the caret is on (its end too: the caret's cue there is the one before).
        here = next((s for s, e in runs if s <= position <= e), position)
        if forward:
            target = next((s for s, _e in runs if s > position), None)
        else:
            target = next((s for s, _e in reversed(runs) if s < here), None)
        self._browser.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if target is None:
            where = "after" if forward else "before"
            message = f"No highlighted cue {where} the caret"
            self.caretCueChanged.emit(message)
            self._announce(message)
            return False
        self._browser.move_caret_by_key(target)
        return True

    def _on_caret_moved(self) -> None:
        """Say the cue at the caret: a tip beside the caret (for a move by the keyboard),
        the status bar (caretCueChanged), the text's accessible description, and an
        announcement for screen readers when the caret comes onto another cue."""
        tip = self.cue_tip_at_caret() if self._analysis is not None else ""
        if self._browser.moved_by_key():
            self._browser.show_caret_tip(tip)
        else:
            self._browser.forget_caret_tip()
        text = tooltip_plain(tip)
        if text == self._caret_cue:
            return
        self._caret_cue = text
        self._browser.setAccessibleDescription(
            f"{TEXT_DESCRIPTION}. At the caret: {text}" if text else TEXT_DESCRIPTION)
        if self._browser.hasFocus():  # not for a jump from the table or a chart
            self.caretCueChanged.emit(text)
        if text:
            self._announce(text)

    def _announce(self, text: str) -> None:
        """Have a screen reader say ``text`` now (Qt 6.8's announcement; a changed
        description alone is read only when the text is next focused)."""
        from desktop.qt_announce import announce

        announce(self._browser, text)

    def text_edit(self) -> CueBrowser:
        return self._browser

    def legend_widget(self) -> QFrame:
        return self._legend

    def chip(self, key: str) -> QToolButton:
        """The legend chip of a key such as 'hedge:epistemic' or 'booster'."""
        return self._chips[key]

    def header_text(self) -> str:
        """The header's headline, details and headline analysis, as plain text."""
        doc = QTextDocument()
        parts = []
        for label in (self._headline, self._meta, self._notes, self._gap, self._restating):
            doc.setHtml(label.text())
            if doc.toPlainText().strip():
                parts.append(doc.toPlainText().strip())
        return "\n".join(parts)

    def document_position(self, offset: int) -> int:
        """The document position of an offset into ``Article.text``."""
        return self._map.to_document(offset)

    def char_format_at(self, offset: int) -> QTextCharFormat:
        """The format of the character at ``Article.text`` offset ``offset``."""
        cursor = QTextCursor(self._browser.document())
        cursor.setPosition(self._map.to_document(offset) + 1)
        return cursor.charFormat()

    def cue_keys_at(self, offset: int) -> frozenset[str]:
        """Legend keys drawn at ``Article.text`` offset ``offset``."""
        value = self.char_format_at(offset).property(CUE_KEYS_PROPERTY)
        return frozenset(value.split(",")) if value else frozenset()

    # ---- building ---------------------------------------------------------

    def _sentence(self, index: int) -> Sentence | None:
        assert self._analysis is not None
        for sentence in self._analysis.article.sentences:
            if sentence.index == index:
                return sentence
        return None

    def _fill_header(self) -> None:
        assert self._analysis is not None
        analysis = self._analysis
        article = analysis.article
        text, head_spans = headline_cues(analysis)
        if text.strip():
            self._headline.setText(headline_html(text, head_spans, self._visible))
            self._headline.setStyleSheet("")
            tips = ["\n".join(span_tooltip_lines(s)) for s in head_spans]
            self._headline.setToolTip("\n\n".join(tips))
        else:
            self._headline.setText(escape(NO_HEADLINE_TEXT))
            self._headline.setStyleSheet(f"color: {NOT_SCORED_COLOUR}; font-style: italic;")
            self._headline.setToolTip(gaps.explained(gaps.no_headline(article),
                                                     gaps.HOW_TO_GIVE_HEADLINE))
        self._meta.setText(meta_text(article, analysis.scores.words, analysis.scores.sentences))
        notes = notes_text(article)
        self._notes.setText(notes)
        self._notes.setVisible(bool(notes))
        gap = headline_gap_text(analysis)
        self._gap.setText(gap)
        self._gap.setVisible(bool(gap))
        restating = restating_html(analysis)
        self._restating.setText(restating)
        self._restating.setVisible(bool(restating))

    def _build_document(self) -> None:
        assert self._analysis is not None
        doc = self._browser.document()
        doc.setUndoRedoEnabled(False)
        self._browser.setPlainText(self._analysis.article.text)
        root = doc.rootFrame()
        frame_format = root.frameFormat()
        frame_format.setLeftMargin(_MARGIN)
        root.setFrameFormat(frame_format)
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        block_format = QTextBlockFormat()
        block_format.setLineHeight(
            _LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
        )
        cursor.mergeBlockFormat(block_format)
        cursor.endEditBlock()
        self._apply_formats()
        self._update_bars()

    def _apply_formats(self) -> None:
        """(Re)draw every highlight: one format per run, in one edit block."""
        assert self._analysis is not None
        article = self._analysis.article
        doc = self._browser.document()
        bar = self._browser.verticalScrollBar()
        scroll = bar.value()
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.setCharFormat(QTextCharFormat())
        for seg in segments(len(article.text), article.blocks, self._spans, self._visible):
            cursor.setPosition(self._map.to_document(seg.start))
            cursor.setPosition(self._map.to_document(seg.end), QTextCursor.MoveMode.KeepAnchor)
            cursor.setCharFormat(self._format(seg))
        self._apply_dictionary_formats(cursor)
        cursor.endEditBlock()
        bar.setValue(scroll)
        self._on_caret_moved()  # a legend chip may have hidden the cue at the caret

    def _format(self, seg: Segment) -> QTextCharFormat:
        fmt = QTextCharFormat()
        m = marks(seg.spans)
        # Text colours kept at 4.5:1 on the fill behind them (readable_on).
        fill = m.background.colour if m.background is not None else PAPER
        if seg.not_scored:
            fmt.setForeground(QColor(readable_on(NOT_SCORED_COLOUR, fill)))
            fmt.setFontItalic(True)
        if m.background is not None:
            fmt.setBackground(QColor(m.background.colour))
        if m.underline is not None:
            fmt.setUnderlineStyle(_UNDERLINES.get(m.underline_line, _UNDERLINES["solid"]))
            fmt.setUnderlineColor(QColor(m.underline_colour))
        if m.text is not None:
            fmt.setFontWeight(QFont.Weight.Bold)
            if not seg.not_scored:  # boilerplate stays grey: it is not scored
                fmt.setForeground(QColor(readable_on(m.text.colour, fill)))
        keys = sorted({k for s in seg.spans if (k := style_key(s)) is not None})
        if keys:
            fmt.setProperty(CUE_KEYS_PROPERTY, ",".join(keys))
        fmt.setToolTip(tooltip_html(seg, self._referents))
        return fmt

    def _update_bars(self) -> None:
        if self._analysis is None:
            self._browser.set_bars([])
            return
        analysis = self._analysis
        tones = dict(
            zip((s.index for s in analysis.article.body_sentences), analysis.sentence_tones,
                strict=False)
        )
        news = dict(
            zip((s.index for s in analysis.article.body_sentences),
                analysis.sentence_tones_news, strict=False)
        )
        bars = []
        for index in analysis.headline_restating:
            sentence = self._sentence(index)
            if sentence is None:
                continue
            place = sentence_place(index)
            tip = f"{place[0].upper()}{place[1:]} restates the headline"
            if index in news and index in tones:
                tip += f" (tone {signed(news[index])}, VADER {signed(tones[index])})"
            bars.append((
                self._map.to_document(sentence.start),
                self._map.to_document(sentence.end),
                RESTATING_COLOUR,
                tip,
            ))
        current = self._current
        if current is not None and current[2] not in analysis.headline_restating:
            place = sentence_place(current[2])
            bars.append((current[0], current[1], "#999999",
                         f"{place[0].upper()}{place[1:]}: scrolled to"))
        self._browser.set_bars(bars)

    def _update_chip_texts(self) -> None:
        # The figure on a chip is what the table's rate counts; the headline's and negated
        # cues are highlighted too, so they are named apart (a count of every highlight
        # did not match the table: 7 epistemic hedges shown, 5 in the rate).
        counts = legend_counts_by_rate(self._spans)
        for key, chip in self._chips.items():
            style = STYLE_BY_KEY[key]
            chip.setText(counts[key].chip_text(style.label))
            chip.setToolTip(f"{style.description}\n{counts[key].explanation()}\n"
                            "Click (or Space) to show or hide these highlights.")
        for name, chip in self._dict_chips.items():
            chip.setText(f"{name}  {len(self._dict_matches.get(name, []))}")

    # ---- custom dictionaries ----------------------------------------------

    def set_dictionaries(self, dictionaries: Sequence[Any]) -> None:
        """Highlight the words of these custom dictionaries (a legend chip each, dashed
        underline in the chip's colour); an empty list removes them."""
        for chip in self._dict_chips.values():
            self._legend_layout.removeWidget(chip)
            chip.deleteLater()
        self._dict_chips = {}
        self._dictionaries = list(dictionaries)
        for i, dictionary in enumerate(self._dictionaries):
            colour = DICTIONARY_COLOURS[i % len(DICTIONARY_COLOURS)]
            chip = QToolButton(self._legend)
            chip.setObjectName(f"chip_dict_{dictionary.key}")
            chip.setCheckable(True)
            chip.setChecked(True)
            chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            pixmap = QPixmap(16, 16)
            pixmap.fill(QColor(colour))
            chip.setIcon(QIcon(pixmap))
            chip.setToolTip(
                f"Custom dictionary “{dictionary.name}” ({', '.join(dictionary.categories)}): "
                "its words are underlined with dashes.\nClick (or Space) to show or hide them."
            )
            chip.setStyleSheet(
                f"QToolButton {{ border: 1px dashed {colour}; border-radius: 11px;"
                " padding: 2px 8px 2px 6px; background: #F4F4F4; color: #666666; }"
                "QToolButton:checked { background: #FFFFFF; color: #000000; }" + CHIP_FOCUS
            )
            chip.setProperty("dictionary_colour", colour)
            chip.toggled.connect(self._on_dictionary_chip_toggled)
            self._legend_layout.addWidget(chip)
            self._dict_chips[dictionary.name] = chip
        self._find_dictionary_matches()
        self._update_chip_texts()
        self._legend.updateGeometry()

    def dictionary_chip(self, name: str) -> QToolButton:
        return self._dict_chips[name]

    def dictionary_matches(self) -> dict[str, list[Any]]:
        """The shown article's matches per dictionary name (offsets into its text)."""
        return {k: list(v) for k, v in self._dict_matches.items()}

    def _find_dictionary_matches(self) -> None:
        if self._analysis is None or not self._dictionaries:
            self._dict_matches = {}
            return
        from models.dictionaries import find_in_article

        self._dict_matches = find_in_article(self._analysis.article, self._dictionaries)

    def _on_dictionary_chip_toggled(self, _checked: bool) -> None:
        if self._analysis is not None:
            self._apply_formats()

    def _apply_dictionary_formats(self, cursor: QTextCursor) -> None:
        for name, matches in self._dict_matches.items():
            chip = self._dict_chips.get(name)
            if chip is None or not chip.isChecked():
                continue
            colour = QColor(str(chip.property("dictionary_colour")))
            for match in matches:
                fmt = QTextCharFormat()
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
                fmt.setUnderlineColor(colour)
                fmt.setProperty(DICTIONARY_PROPERTY, name)
                fmt.setToolTip(
                    f"<b>{escape(match.text)}</b>: dictionary “{escape(name)}”, "
                    f"{escape(', '.join(match.categories))} (entry {escape(match.term)})"
                )
                cursor.setPosition(self._map.to_document(match.start))
                cursor.setPosition(self._map.to_document(match.end),
                                   QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(fmt)

    def _set_visible(self, visible: frozenset[str]) -> None:
        if visible == self._visible:
            return
        self._visible = visible
        if self._analysis is not None:
            self._apply_formats()
            self._fill_header()
        self.visibleCategoriesChanged.emit(visible)

    def _on_chip_toggled(self, _checked: bool) -> None:
        self._set_visible(frozenset(k for k, chip in self._chips.items() if chip.isChecked()))

    def _on_link(self, link: str) -> None:
        if link.startswith("sentence:"):
            self.scroll_to_sentence(int(link.split(":", 1)[1]))
