"""The article table: a thin item model over a list of ``ArticleAnalysis``.

DisplayRole formats numbers for reading, :data:`SORT_ROLE` returns the raw
values so the proxy sorts numbers as numbers, ``Qt.UserRole`` returns the
analysis itself. The outlet is the only editable column: a correction made
here is written to ``Article.outlet`` with ``outlet_origin = "user"``.
"""

from __future__ import annotations

import math
import operator
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRegularExpression,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from desktop.table_columns import (
    COLUMNS,
    DATE_COLUMN,
    HEADLINE_COLUMN,
    OUTLET_COLUMN,
    VOICE_PARTS,
    Column,
)
from models import gaps
from models.article import outlet_key
from models.measures import format_for_reading, measure

if TYPE_CHECKING:
    from models.features import ArticleAnalysis

__all__ = [
    "ANALYSIS_ROLE", "COLUMNS", "DATE_COLUMN", "FILTER_ROLE", "HEADLINE_COLUMN", "OUTLET_COLUMN",
    "SORT_ROLE", "ArticleFilterProxy", "ArticleTableModel", "Column", "format_value",
]

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ANALYSIS_ROLE = Qt.ItemDataRole.UserRole
#: What the filter box searches (outlet, headline, date, file, id; casefolded).
FILTER_ROLE = Qt.ItemDataRole.UserRole + 2

ModelIndex = QModelIndex | QPersistentModelIndex

# Where an outlet name came from, in the user's words (Article.outlet_origin).
OUTLET_ORIGINS: dict[str, str] = {
    "manifest": "from the corpus manifest",
    "html": "from the web page's metadata",
    "title": "from the web page's title",
    "url": "from the site of the article's web address",
    "dateline": "from the article's dateline",
    "copyright": "from a copyright line in the article",
    "byline": "from the article's byline",
    "email": "from the e-mail's 'From:' line",
    "print": "from the site of the web address printed on the PDF's pages",
    "filename": "guessed from the file name",
    "user": "set by you",
}



_NONE = "–"
_MUTED = QColor(128, 128, 128)

# Qt's roles, flags and alignments, looked up once: the view asks data() and flags() for
# every role of every cell it paints, and reading an attribute of a PySide6 enum
# (``Qt.ItemDataRole.DisplayRole``) takes ~0.7 us, ten times a comparison, and a
# ``Flag | Flag`` several microseconds (a repaint after a sort: ~700 calls).
_DISPLAY = Qt.ItemDataRole.DisplayRole
_EDIT = Qt.ItemDataRole.EditRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
_FONT = Qt.ItemDataRole.FontRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_HORIZONTAL = Qt.Orientation.Horizontal
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_CELL_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE_FLAGS = _CELL_FLAGS | Qt.ItemFlag.ItemIsEditable
_ALIGN_TEXT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_ALIGN_NUMBER = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def format_value(value: float | None, kind: str) -> str:
    """A number as the table shows it; "–" when the measure is undefined (the one
    formatting of the app: :func:`models.measures.format_for_reading`)."""
    return format_for_reading(value, kind)


class ArticleTableModel(QAbstractTableModel):
    """Rows are analysed articles, columns are :data:`COLUMNS`."""

    #: An outlet was changed by the user: per-outlet views must be refreshed.
    outlet_edited = Signal()
    #: Articles were excluded from (or included again in) the comparison.
    exclusion_changed = Signal()
    #: The analyses were replaced by new ones of the same articles (re-scored).
    analyses_replaced = Signal()
    #: One article was analysed again after the user's edit of it (a block she marked as
    #: body text): its row changed; the other rows, and what Undo holds, did not.
    analysis_edited = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._analyses: list[ArticleAnalysis] = []
        self._excluded: set[str] = set()  # article ids left out of the comparison
        #: Called with (article id, outlet) for an outlet typed in the table, instead of
        #: applying it (the window makes the edit undoable); None: setData applies it.
        self.outlet_edit_hook: Any = None
        self._columns: list[Column] = list(COLUMNS)  # COLUMNS, then dictionary columns

        # The analyses in load order, and the sort the user chose.
        self._by_load: list[ArticleAnalysis] = []
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        # Sort keys by column, in load order (computed once, extended as rows arrive):
        # a float array (NaN: undefined) for measures, casefolded text (None) otherwise.
        self._keys: dict[int, Any] = {}
        # Text columns' keys as ranks (a float array, NaN: undefined), by column, with
        # the key list they were ranked from (see _text_ranks).
        self._ranks: dict[int, tuple[list[str | None], Any]] = {}

    def shown_columns(self) -> list[Column]:
        return list(self._columns)

    def set_extra_columns(self, columns: Sequence[Column]) -> None:
        """Show these columns (custom dictionaries' measures) after :data:`COLUMNS`."""
        self.beginResetModel()
        self._columns = list(COLUMNS) + list(columns)
        self._keys.clear()
        self.endResetModel()

    # --- excluded articles ------------------------------------------------

    def excluded_ids(self) -> set[str]:
        present = {a.article_id for a in self._analyses}
        return self._excluded & present

    def is_excluded(self, row: int) -> bool:
        return self._analyses[row].article_id in self._excluded

    def included_analyses(self) -> list[ArticleAnalysis]:
        """The analyses not excluded by the user, in model order."""
        if not self._excluded:  # the usual case: no pass over 10,000 ids at a run's end
            return list(self._analyses)
        excluded = self._excluded
        return [a for a in self._analyses if a.article.article_id not in excluded]

    def set_excluded(self, rows: Iterable[int], excluded: bool) -> None:
        """Exclude the articles in ``rows`` from the comparison (or include them again).

        Excluded rows stay in the table, greyed and struck through; charts,
        outlet means and exports leave them out.
        """
        changed = False
        for row in sorted(set(rows)):
            if not 0 <= row < len(self._analyses):
                continue
            article_id = self._analyses[row].article_id
            if (article_id in self._excluded) == excluded:
                continue
            if excluded:
                self._excluded.add(article_id)
            else:
                self._excluded.discard(article_id)
            changed = True
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._columns) - 1))
        if changed:
            self.exclusion_changed.emit()

    def set_excluded_ids(self, ids: Iterable[str]) -> None:
        self._excluded = set(ids)
        if self._analyses:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._analyses) - 1, len(self._columns) - 1))
        self.exclusion_changed.emit()

    def replace_analyses(self, analyses: Sequence[ArticleAnalysis]) -> None:
        """New analyses of the same articles (re-scored): rows keep their place."""
        by_id = {a.article_id: a for a in analyses}
        # The new analysis takes the old one's place in load order and in the table.
        self._analyses = [by_id.get(a.article_id, a) for a in self._analyses]
        self._by_load = [by_id.get(a.article_id, a) for a in self._by_load]
        self._keys.clear()
        if self._analyses:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._analyses) - 1, len(self._columns) - 1))
        self.analyses_replaced.emit()

    def replace_analysis(self, analysis: ArticleAnalysis) -> bool:
        """Put ``analysis`` in the place of the analysis of the same article (the user
        edited it: desktop.qt_undo.ScoreAsBody), keeping the outlet as she has it now.
        False if no row holds that article (it was removed since)."""
        row = next((i for i, a in enumerate(self._analyses)
                    if a.article_id == analysis.article_id), None)
        if row is None:
            return False
        current = self._analyses[row]
        analysis.article.outlet = current.article.outlet
        analysis.article.outlet_origin = current.article.outlet_origin
        self._analyses[row] = analysis
        self._by_load = [analysis if a is current else a for a in self._by_load]
        self._keys.clear()
        self._ranks.clear()
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._columns) - 1))
        if self._sort[0] >= 0:
            self._resort()
        self.analysis_edited.emit()
        return True

    # --- the list -------------------------------------------------------

    def analyses(self) -> list[ArticleAnalysis]:
        """The analyses in load order (a copy), however the table is sorted."""
        return list(self._by_load)

    def set_analyses(self, analyses: Iterable[ArticleAnalysis]) -> None:
        self.beginResetModel()
        self._by_load = list(analyses)
        self._keys.clear()
        self._analyses = self._sorted()
        self.endResetModel()

    def append(self, analyses: Sequence[ArticleAnalysis]) -> None:
        """Add rows at the end (a batch of a run still going on, or a finished load);
        a sorted table puts them in their place."""
        if not analyses:
            return
        first = len(self._analyses)
        self.beginInsertRows(QModelIndex(), first, first + len(analyses) - 1)
        self._analyses.extend(analyses)
        self._by_load.extend(analyses)
        # Every column's sort keys, a batch at a time as a run delivers rows (a few ms),
        # so that the first click on a header of 10,000 rows need not compute them. Keys
        # dropped since (a removal, an undo, an outlet edit) are made for every row: made
        # for the batch alone, a sort showed only the batch's rows and lost the others.
        for column in range(len(self._columns)):
            keys = self._keys.get(column)
            self._keys[column] = (self._extend_keys(None, column, self._by_load) if keys is None
                                  else self._extend_keys(keys, column, analyses))
        self.endInsertRows()
        if self._sort[0] >= 0:
            self._resort()

    # --- sorting ----------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows by ``column`` (-1: load order); undefined values last in either
        order, ties in load order. Sorted here, in one Python sort (10,000 rows take
        milliseconds), not by a proxy that calls back into Python for every comparison."""
        self._sort = (column if 0 <= column < len(self._columns) else -1, order)
        self._resort()

    def _column_keys(self, column: int) -> Any:
        keys = self._keys.get(column)
        if keys is None:
            keys = self._keys[column] = self._extend_keys(None, column, self._by_load)
        return keys

    def _extend_keys(
        self, keys: Any, column: int, analyses: Sequence[ArticleAnalysis]
    ) -> Any:
        """``keys`` (None: none yet) with the sort keys of ``analyses`` added."""
        spec = self._columns[column]
        raw = [self._raw(a, spec) for a in analyses]
        if spec.kind == "text":
            return raw if keys is None else keys + raw
        import numpy as np

        new = np.array([math.nan if v is None else v for v in raw], dtype=float)
        return new if keys is None else np.concatenate((keys, new))

    def _sorted(self) -> list[ArticleAnalysis]:
        """The rows in the chosen order: undefined values last in either order, ties
        in load order; from the column's precomputed keys (a stable argsort)."""
        column, order = self._sort
        by_load = self._by_load
        if column < 0:
            return list(by_load)
        import numpy as np

        keys = self._column_keys(column)
        if isinstance(keys, list):
            keys = self._text_ranks(column, keys)
        descending = order == Qt.SortOrder.DescendingOrder
        # NaN (undefined) sorts last in a stable argsort, and -NaN is NaN.
        rows = np.argsort(-keys if descending else keys, kind="stable").tolist()
        return [by_load[i] for i in rows]

    def _text_ranks(self, column: int, keys: list[str | None]) -> Any:
        """A text column's keys as dense ranks (equal texts, equal ranks; NaN where
        undefined), sorted once per set of keys: sorting that column again, either
        way, is a numeric argsort (a Python sort of 10,000 casefolded headlines and
        the lists around it took ~10-20 ms of the GUI thread each time)."""
        import numpy as np

        cached = self._ranks.get(column)
        if cached is not None and cached[0] is keys:
            return cached[1]
        defined = [i for i, k in enumerate(keys) if k is not None]
        defined.sort(key=keys.__getitem__)  # stable: ties in load order
        ordered = [keys[i] for i in defined]
        ranks = np.full(len(keys), np.nan)
        if defined:
            steps = np.fromiter(map(operator.ne, ordered[1:], ordered), dtype=float,
                                count=len(ordered) - 1)
            ranks[np.asarray(defined)] = np.concatenate(([0.0], np.cumsum(steps)))
        self._ranks[column] = (keys, ranks)
        return ranks

    def _resort(self) -> None:
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        before = [self._analyses[i.row()] for i in old]
        self._analyses = self._sorted()
        if old:
            row_of = {id(a): row for row, a in enumerate(self._analyses)}
            self.changePersistentIndexList(
                old,
                [self.index(row_of[id(a)], i.column()) for a, i in zip(before, old, strict=True)],
            )
        self.layoutChanged.emit()

    def load_places(self, rows: Iterable[int]) -> list[tuple[int, ArticleAnalysis]]:
        """The analyses in ``rows`` with their places in load order, earliest first: what
        :meth:`restore` takes to put them back after :meth:`remove_rows`."""
        place = {id(a): i for i, a in enumerate(self._by_load)}
        picked = {id(self._analyses[r]): self._analyses[r]
                  for r in set(rows) if 0 <= r < len(self._analyses)}
        return sorted(((place[key], a) for key, a in picked.items()), key=lambda p: p[0])

    def rows_of(self, analyses: Iterable[ArticleAnalysis]) -> list[int]:
        """The table rows (as sorted now) of those of ``analyses`` that are in the table."""
        wanted = {id(a) for a in analyses}
        return [row for row, a in enumerate(self._analyses) if id(a) in wanted]

    def restore(self, removed: Sequence[tuple[int, ArticleAnalysis]]) -> None:
        """Put removed analyses back (Edit > Undo), each at its earlier place in load order
        (from :meth:`load_places`), and where the table's sort puts it. Their outlet edits
        are on the analyses themselves and their exclusions are kept by id, so both return."""
        if not removed:
            return
        first = len(self._analyses)
        self.beginInsertRows(QModelIndex(), first, first + len(removed) - 1)
        self._analyses.extend(a for _, a in removed)
        # Earliest first: each one's place counts the earlier ones already back.
        for place, analysis in sorted(removed, key=lambda p: p[0]):
            self._by_load.insert(min(place, len(self._by_load)), analysis)
        self._keys.clear()
        self.endInsertRows()
        self._resort()

    def remove_rows(self, rows: Iterable[int]) -> None:
        """Remove the given rows (any order, duplicates ignored)."""
        wanted = set(rows)
        if self._analyses and wanted >= set(range(len(self._analyses))):
            # All of them (Clear All): one removal, not one per row (10,000 rows).
            self.beginRemoveRows(QModelIndex(), 0, len(self._analyses) - 1)
            self._analyses.clear()
            self.endRemoveRows()
            self._by_load = []
            self._keys.clear()
            return
        removed: set[int] = set()
        for row in sorted(wanted, reverse=True):
            if 0 <= row < len(self._analyses):
                self.beginRemoveRows(QModelIndex(), row, row)
                removed.add(id(self._analyses[row]))
                del self._analyses[row]
                self.endRemoveRows()
        if removed:
            self._by_load = [a for a in self._by_load if id(a) not in removed]
            self._keys.clear()

    def analysis(self, row: int) -> ArticleAnalysis:
        return self._analyses[row]

    def analyses_in_rows(self) -> list[ArticleAnalysis]:
        """The analyses in row order (as sorted now; a copy)."""
        return list(self._analyses)

    def display_texts(self, column: int, rows: Iterable[int]) -> list[str]:
        """What the table shows in ``column`` for ``rows`` (DisplayRole), without a call
        through Qt per cell (the window fits column widths to them)."""
        spec = self._columns[column]
        return [_display(self._analyses[row], spec) for row in rows]

    # --- Qt's model interface --------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._analyses)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != _HORIZONTAL or not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if role == _DISPLAY:
            return column.header
        if role == _TOOLTIP:
            return column.tooltip
        if role == _ALIGNMENT:
            return _alignment(column)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return _NO_FLAGS
        return _EDITABLE_FLAGS if index.column() == OUTLET_COLUMN else _CELL_FLAGS

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._analyses):
            return None
        analysis = self._analyses[index.row()]
        column = self._columns[index.column()]
        excluded = analysis.article_id in self._excluded
        if role == _DISPLAY:
            return _display(analysis, column)
        if role == _EDIT:
            return _text(analysis, column.key) if column.kind == "text" else self._raw(
                analysis, column
            )
        if role == SORT_ROLE:
            return self._raw(analysis, column)
        if role == ANALYSIS_ROLE:
            return analysis
        if role == FILTER_ROLE:
            article = analysis.article
            return " ".join((article.outlet, article.headline, article.date, article.source,
                             article.article_id)).casefold()
        if role == _ALIGNMENT:
            return _alignment(column)
        if role == _TOOLTIP:
            tip = self._tooltip(analysis, column)
            if excluded:
                return "Excluded from the comparison (Ctrl+Shift+X to include it again)." + (
                    f"\n{tip}" if tip else "")
            return tip
        if role == _FONT and excluded:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == _FOREGROUND:
            if excluded:
                return _MUTED
            if column.kind == "text" and not _text(analysis, column.key):
                return _MUTED
            if column.kind != "text" and analysis.scores.value(column.key) is None:
                return _MUTED
        return None

    def setData(
        self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if (
            role != _EDIT
            or not index.isValid()
            or index.column() != OUTLET_COLUMN
            or not isinstance(value, str)
        ):
            return False
        outlet = " ".join(value.split())
        article = self._analyses[index.row()].article
        if not outlet:
            return False
        renames = self.outlet_renames(article.article_id, outlet)
        if all(self.outlet_of(i) == (name, "user") for i, name in renames.items()):
            return True
        if self.outlet_edit_hook is not None:
            # The window makes it an undoable step (desktop.qt_undo.EditOutlet), which
            # calls set_outlets.
            self.outlet_edit_hook(renames)
            return True
        self.set_outlets({i: (name, "user") for i, name in renames.items()})
        return True

    def outlet_renames(self, article_id: str, typed: str) -> dict[str, str]:
        """Article id -> outlet name when ``typed`` is given as the article's outlet.
        Outlets whose names differ only in case or spacing are one outlet (as a reading
        joins them, models.article.outlet_key): typed as another spelling of an outlet in
        the table, the article joins that outlet under its name ("daily beast" joins "Daily
        Beast"); typed as a new spelling of the article's own outlet, every article of that
        outlet takes it. Either way no outlet is left in two spellings."""
        key = outlet_key(typed)
        own = self.outlet_of(article_id)
        if own is not None and outlet_key(own[0]) == key:
            return {a.article_id: typed for a in self._by_load
                    if outlet_key(a.article.outlet) == key} | {article_id: typed}
        joined = next((a.article.outlet for a in self._by_load
                       if a.article_id != article_id and outlet_key(a.article.outlet) == key),
                      typed)
        return {article_id: joined}

    def outlet_of(self, article_id: str) -> tuple[str, str] | None:
        """(outlet, where it came from) of the article, or None if no row holds it."""
        analysis = next((a for a in self._analyses if a.article_id == article_id), None)
        return None if analysis is None else (analysis.article.outlet,
                                              analysis.article.outlet_origin)

    def set_outlet(self, article_id: str, outlet: str, origin: str) -> bool:
        """Give the article this outlet name (and where it came from: "user" for hers);
        False if no row holds the article."""
        return bool(self.set_outlets({article_id: (outlet, origin)}))

    def set_outlets(self, names: dict[str, tuple[str, str]]) -> int:
        """Give each article (by id) its (outlet name, where it came from), with one
        ``outlet_edited`` for them all; how many rows held one of them."""
        rows = [i for i, a in enumerate(self._analyses) if a.article_id in names]
        for row in rows:
            article = self._analyses[row].article
            article.outlet, article.outlet_origin = names[article.article_id]
        if not rows:
            return 0
        self._keys.pop(OUTLET_COLUMN, None)
        self.dataChanged.emit(self.index(min(rows), OUTLET_COLUMN),
                              self.index(max(rows), OUTLET_COLUMN))
        self.outlet_edited.emit()
        if self._sort[0] == OUTLET_COLUMN:
            self._resort()
        return len(rows)

    # --- helpers ----------------------------------------------------------

    @staticmethod
    def _raw(analysis: ArticleAnalysis, column: Column) -> Any:
        if column.kind == "text":
            return _text(analysis, column.key).casefold() or None
        return analysis.scores.value(column.key)

    @staticmethod
    def _tooltip(analysis: ArticleAnalysis, column: Column) -> str | None:
        article = analysis.article
        if column.key == "outlet":
            origin = OUTLET_ORIGINS.get(article.outlet_origin, "of unknown origin")
            name = article.outlet or "No outlet"
            return f"{name}: {origin}.\nDouble-click or press F2 to correct it."
        if column.key == "headline":
            return article.headline or gaps.explained(gaps.no_headline(article),
                                                       gaps.HOW_TO_GIVE_HEADLINE)
        if column.key == "date" and not article.date:
            return gaps.explained(gaps.no_date(article), gaps.HOW_TO_GIVE_DATE)
        if column.kind != "text":
            value = analysis.scores.value(column.key)
            if value is None:
                why = gaps.why_undefined(analysis, column.key)
                return f"{column.label}: undefined for this article" + (f". {why}" if why else "")
            unit = measure(column.key).unit
            tip = f"{column.label} ({unit})"
            parts = VOICE_PARTS.get(column.key)
            words = analysis.scores.value("words")
            sentences = analysis.scores.value("sentences")
            if parts is not None and words:
                # As counts, which add up ("3.23 + 0.81" beside a total of 4.03 did not).
                own, quoted = (round((analysis.scores.value(k) or 0.0) * words / 100)
                               for k in parts)
                tip += (f"\n{own + quoted} in {round(words):,} words: {own} in the outlet's "
                        f"own words, {quoted} quoted or reported")
            elif unit == "per 100 words" and words:
                # The count behind the rate, as the certainty measures give it: a teacher
                # read "Weasel words 0.27" with nothing to say it was one phrase (ux27).
                tip += f"\n{round(value * words / 100)} in {round(words):,} words"
            elif column.key in SENTENCE_SHARES and sentences:
                tip += (f"\n{round(value * sentences)} of {round(sentences):,} body "
                        "sentences")
            return tip + "\n" + CELL_ENTER_HINT
        return None


#: The shares whose whole is the body's sentences (models.measures: "Share of body
#: sentences …"); their cells' tooltips give the count of sentences.
SENTENCE_SHARES = frozenset({"tone_negative_share"})
#: A number's cell tooltip ends with the way to its sentences (MainWindow._on_activated),
#: which nothing on screen told.
CELL_ENTER_HINT = "Enter or double-click: the sentences behind this number, in Read."


def _text(analysis: ArticleAnalysis, key: str) -> str:
    return str(getattr(analysis.article, key) or "")


def _display(analysis: ArticleAnalysis, column: Column) -> str:
    if column.kind == "text":
        return _text(analysis, column.key) or _NONE
    return format_value(analysis.scores.value(column.key), column.kind)


def _alignment(column: Column) -> Qt.AlignmentFlag:
    return _ALIGN_TEXT if column.kind == "text" else _ALIGN_NUMBER


class ArticleFilterProxy(QSortFilterProxyModel):
    """Sorts by :data:`SORT_ROLE` (undefined values last in either order) and
    filters rows on outlet, headline, date and file name.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self.setSortRole(SORT_ROLE)
        self.setFilterRole(FILTER_ROLE)
        self.setFilterKeyColumn(0)
        self.setDynamicSortFilter(True)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header click: the article model sorts itself (fast); this proxy only filters."""
        source = self.sourceModel()
        if isinstance(source, ArticleTableModel):
            source.sort(column, order)
        else:
            super().sort(column, order)

    def lessThan(self, left: ModelIndex, right: ModelIndex) -> bool:
        a = left.data(self.sortRole())
        b = right.data(self.sortRole())
        if a is None or b is None:
            if a is None and b is None:
                return left.row() < right.row()
            # Qt reverses the comparison for a descending sort: undo that for
            # undefined values so they stay at the bottom.
            none_is_less = self.sortOrder() == Qt.SortOrder.DescendingOrder
            return (a is None) == none_is_less
        if a == b:
            return left.row() < right.row()
        return bool(a < b)

    def set_filter_text(self, text: str) -> None:
        """Show only rows whose outlet, headline, date or file contain every word of ``text``.

        Matched by Qt on :data:`FILTER_ROLE` (a lookahead per word), not by a Python
        ``filterAcceptsRow``: with no filter, inserting or re-sorting 10,000 rows
        calls no Python per row."""
        self._words = text.casefold().split()
        pattern = "".join(f"(?=.*{re.escape(word)})" for word in self._words)
        self.setFilterRegularExpression(
            QRegularExpression(pattern, QRegularExpression.PatternOption.DotMatchesEverythingOption)
        )
