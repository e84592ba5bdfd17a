"""The evidence list: the sentences behind the bar, cell or point the user clicked.

A chart says which sentences are behind what was clicked
(:meth:`desktop.charts.style.ChartBase.sentences_at`); this panel lists them
(outlet, article, sentence with its cues highlighted). Double-click or Enter
on a row emits :attr:`EvidencePanel.sentence_activated`, and the main window
opens the Read view on that sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from desktop.charts.style import article_label
from desktop.contrast import muted_on
from models.article import sentence_place
from models.evidence import SentenceRef, sentence_text, unique_refs
from models.features import ArticleAnalysis
from models.measures import CSV_SENTENCE_NUMBERING

# Behind the highlighted cue words: the Read view's hedge yellow, readable on both palettes.
CUE_MARK = "#FFE08A"
CUE_TEXT = "#000000"
#: The row's first line (outlet, article, sentence): muted, and readable on the row's
#: background under any palette, selected or not (desktop.contrast.muted_on).
PLACE_CSS = ".place {{ color: {colour}; }}"
HTML_ROLE = Qt.ItemDataRole.UserRole + 1
REF_ROLE = Qt.ItemDataRole.UserRole + 2
EMPTY_TEXT = "Click a bar, cell or point (or use arrows and Enter) to list its sentences."

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class EvidenceRow:
    """One listed sentence: where it is from, its text and the cue offsets within it."""

    ref: SentenceRef
    outlet: str
    text: str
    marks: tuple[tuple[int, int], ...]  # offsets into ``text``
    # The article as a person knows it: "outlet · headline" (its file name without one).
    article: str = ""

    @property
    def place(self) -> str:
        where = sentence_place(self.ref.sentence_index)
        article = self.article or f"{self.outlet or '(unknown outlet)'} · {self.ref.article_id}"
        return f"{article} · {where}"

    def html(self) -> str:
        parts: list[str] = []
        pos = 0
        for start, end in self.marks:
            start, end = max(start, pos), min(end, len(self.text))
            if start >= end:
                continue
            parts.append(escape(self.text[pos:start]))
            # Black on the mark whatever the palette's text colour (white on it under
            # a dark theme was 1.3:1).
            parts.append(f'<span style="background-color:{CUE_MARK}; color:{CUE_TEXT}"><b>'
                         f"{escape(self.text[start:end])}</b></span>")
            pos = end
        parts.append(escape(self.text[pos:]))
        # Coloured by the delegate for what is behind the row (PLACE_CSS).
        return f'<span class="place">{escape(self.place)}</span><br>{"".join(parts)}'


def evidence_rows(
    refs: Sequence[SentenceRef], analyses: Sequence[ArticleAnalysis]
) -> list[EvidenceRow]:
    """Rows for ``refs`` (repeats merged); refs to articles not in ``analyses`` are skipped."""
    by_id = {a.article_id: a for a in analyses}
    rows: list[EvidenceRow] = []
    for ref in unique_refs(refs):
        analysis = by_id.get(ref.article_id)
        if analysis is None:
            continue
        text = sentence_text(analysis, ref.sentence_index)
        base = next(
            (s.start for s in analysis.article.sentences if s.index == ref.sentence_index), 0
        )
        marks = tuple((a - base, b - base) for a, b in ref.highlights if 0 <= a - base < len(text))
        rows.append(EvidenceRow(ref, analysis.outlet, text, marks, article_label(analysis)))
    return rows


class EvidenceModel(QAbstractListModel):
    """A thin list model over :class:`EvidenceRow` (display: plain text; HTML_ROLE: marked)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[EvidenceRow] = []

    def set_rows(self, rows: Sequence[EvidenceRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[EvidenceRow]:
        return list(self._rows)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{row.place}\n{row.text}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return (f"{row.place}\nDouble-click or press Enter to read it in its article.\n"
                    f"{CSV_SENTENCE_NUMBERING}")
        if role == HTML_ROLE:
            return row.html()
        if role == REF_ROLE:
            return row.ref
        return None


def place_colour(option: QStyleOptionViewItem) -> str:
    """The colour of a row's first line, for what is behind it: the selection, the
    alternate row's colour or the list's base (``option`` after initStyleOption)."""
    palette = option.palette
    if option.state & QStyle.StateFlag.State_Selected:
        behind, text = QPalette.ColorRole.Highlight, QPalette.ColorRole.HighlightedText
    elif option.features & QStyleOptionViewItem.ViewItemFeature.Alternate:
        behind, text = QPalette.ColorRole.AlternateBase, QPalette.ColorRole.Text
    else:
        behind, text = QPalette.ColorRole.Base, QPalette.ColorRole.Text
    return muted_on(palette.color(behind).name(), palette.color(text).name())


class HtmlDelegate(QStyledItemDelegate):
    """Draws a row's HTML_ROLE rich text, wrapped to the view's width."""

    def _document(self, option: QStyleOptionViewItem, index: _Index) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)  # type: ignore[attr-defined]
        doc.setDefaultStyleSheet(PLACE_CSS.format(colour=place_colour(option)))
        doc.setHtml(str(index.data(HTML_ROLE) or ""))
        doc.setTextWidth(max(50, option.rect.width() - 8))  # type: ignore[attr-defined]
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        self.initStyleOption(option, index)
        doc = self._document(option, index)
        widget = option.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else QApplication.style()
        text = option.text  # type: ignore[attr-defined]
        option.text = ""  # type: ignore[attr-defined]
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        option.text = text  # type: ignore[attr-defined]
        context = QAbstractTextDocumentLayout.PaintContext()
        if option.state & QStyle.StateFlag.State_Selected:  # type: ignore[attr-defined]
            context.palette.setColor(
                QPalette.ColorRole.Text,
                option.palette.color(QPalette.ColorRole.HighlightedText),  # type: ignore[attr-defined]
            )
        painter.save()
        rect = option.rect  # type: ignore[attr-defined]
        painter.translate(rect.left() + 4, rect.top() + 2)
        painter.setClipRect(QRectF(0, 0, rect.width() - 4, rect.height() - 2))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        self.initStyleOption(option, index)
        doc = self._document(option, index)
        return QSize(int(doc.idealWidth()) + 8, int(doc.size().height()) + 6)


class _EvidenceList(QListView):
    """Enter on the current row activates it, whatever the platform's style says."""

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class EvidencePanel(QWidget):
    """A heading saying what was clicked, and the list of sentences behind it."""

    sentence_activated = Signal(str, int)  # article id, sentence index

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(EMPTY_TEXT)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.model = EvidenceModel(self)
        self.list_view = _EvidenceList()
        self.list_view.setAccessibleName("Sentences behind the chart")
        self.list_view.setModel(self.model)
        self.list_view.setItemDelegate(HtmlDelegate(self.list_view))
        self.list_view.setWordWrap(True)
        self.list_view.setUniformItemSizes(False)
        self.list_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.list_view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list_view.setAlternatingRowColors(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.heading)
        layout.addWidget(self.list_view, 1)
        self.list_view.setMinimumHeight(110)  # room for two or three sentences
        # Until a chart is clicked only the one-line hint shows, and the chart has the room.
        self.list_view.setVisible(False)
        # Double-click (or a single click where the style says so) and Enter activate.
        self.list_view.activated.connect(self._on_activated)

    def show_sentences(
        self, refs: Sequence[SentenceRef], analyses: Sequence[ArticleAnalysis], what: str = ""
    ) -> None:
        """List ``refs`` under a heading naming ``what`` was clicked."""
        rows = evidence_rows(refs, analyses)
        self.model.set_rows(rows)
        self.list_view.setVisible(bool(rows))
        count = f"{len(rows)} sentence{'s' if len(rows) != 1 else ''}"
        if not rows:
            self.heading.setText("No sentence behind this")
            return
        text = f"{count} behind this · double-click or Enter to read one in its article"
        self.heading.setText(f"{what.splitlines()[0]}: {text}" if what else text)

    def clear(self) -> None:
        self.model.set_rows([])
        self.list_view.setVisible(False)
        self.heading.setText(EMPTY_TEXT)

    def rows(self) -> list[EvidenceRow]:
        return self.model.rows()

    def is_listing(self) -> bool:
        """Whether sentences are listed (the list is shown), not only the hint."""
        return not self.list_view.isHidden()

    def _on_activated(self, index: QModelIndex) -> None:
        ref = index.data(REF_ROLE)
        if isinstance(ref, SentenceRef):
            self.sentence_activated.emit(ref.article_id, ref.sentence_index)
