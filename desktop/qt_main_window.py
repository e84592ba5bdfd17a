"""The main window: the article table on the left, Compare and Read on the right.

Everything that loads files goes through :meth:`MainWindow.open_paths`:
File > Open Files…, Open Folder…, a drop on the window and the command line.
Analysis runs on :class:`desktop.qt_worker.AnalysisRunner`; the window only
reacts to its signals on the GUI thread.
"""

from __future__ import annotations

import importlib
import math
import os
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import qt_settings
from desktop.table_columns import (
    COLUMNS,
    DATE_COLUMN,
    HEADLINE_COLUMN,
    OUTLET_COLUMN,
    Column,
    measure_tooltip,
)

if TYPE_CHECKING:
    # Qt classes the first paint does not need, imported where they are used: PySide6
    # makes each class's Python enums when the class is first touched (QKeySequence's
    # StandardKey alone ~1 ms; the window's first paint waited on ~20 of them).
    from PySide6.QtCore import QItemSelection, QModelIndex, QRect
    from PySide6.QtGui import (
        QAction,
        QCloseEvent,
        QDragEnterEvent,
        QDragLeaveEvent,
        QDragMoveEvent,
        QDropEvent,
        QKeySequence,
        QPaintEvent,
    )

    # Not imported before the window appears: models.features pulls in the cue
    # lexicons and their regular expressions (~100 ms), and nothing here needs them
    # until analyses arrive. The article model, the drop handling and projects are
    # imported by build_rest, after the first paint (see MainWindow); the Qt namespace
    # (`Qt`, ~20 ms of enums) where it is used.
    from desktop.qt_claims_view import ClaimsView
    from desktop.qt_compare_view import CompareView, ExportOutcome
    from desktop.qt_drop import DropTarget, ForwardDrops
    from desktop.qt_project import ProjectController
    from desktop.qt_read_view import ReadView
    from desktop.qt_table_model import ArticleFilterProxy, ArticleTableModel
    from desktop.qt_worker import AnalysisRunner
    from models.article import ReadError
    from models.features import ArticleAnalysis

DEFAULT_SIZE = (1300, 820)
#: The share of a small screen's free area the first window takes (room for the frame).
SCREEN_SHARE = 0.92
#: The share of a large screen's free area the first window takes: 1300 x 820 left a
#: third of a 1920 x 1080 screen unused (ux26, finding 6) ...
LARGE_SCREEN_SHARE = 0.8
#: ... up to this size (a 3840 x 2160 screen at 100 % wants no 3072 px wide window).
LARGEST_FIRST_SIZE = (1920, 1200)


def first_window_size(free_width: int, free_height: int) -> tuple[int, int]:
    """The window's size at the first start on a screen with this free area, each side
    LARGE_SCREEN_SHARE of the screen's, at least the default size (1300 x 820) and at most
    LARGEST_FIRST_SIZE, but never more than SCREEN_SHARE of the screen's: 1536 x 864 on a
    1920 x 1080 screen, 942 x 644 on a 1024 x 700 one."""

    def side(free: int, default: int, largest: int) -> int:
        wanted = min(max(default, round(free * LARGE_SCREEN_SHARE)), largest)
        return min(wanted, round(free * SCREEN_SHARE))

    return (side(free_width, DEFAULT_SIZE[0], LARGEST_FIRST_SIZE[0]),
            side(free_height, DEFAULT_SIZE[1], LARGEST_FIRST_SIZE[1]))


# The table gets about 40% of the width, the Compare/Read tabs the rest.
SPLITTER_SHARE = 0.3  # of the window height, for the table
#: At the first start the table shows this many rows (the five samples) once they are in,
#: where 30% of the window left it three at 1024 x 700 (ux22, finding 8) ...
TABLE_ROWS_AT_START = 5
#: ... as long as the Compare/Read/Claims tabs keep this share of the height.
VIEWS_SHARE_AT_LEAST = 0.6
COMPARE_TAB, READ_TAB, CLAIMS_TAB = 0, 1, 2

_FORMAT_FILTERS: dict[str, str] = {
    "png": "PNG image (*.png)",
    "svg": "SVG image (*.svg)",
    "pdf": "PDF document (*.pdf)",
}
_CSV_FILTER = "CSV table (*.csv)"
#: Suffixes of image formats Framescope does not write charts in, and their names: typed
#: in Export Chart, they are said, not taken for part of the file's name.
OTHER_FILE_FORMATS: dict[str, str] = {
    "jpg": "JPEG", "jpeg": "JPEG", "jpe": "JPEG", "jfif": "JPEG", "gif": "GIF", "bmp": "BMP",
    "tif": "TIFF", "tiff": "TIFF", "webp": "WebP", "avif": "AVIF", "heic": "HEIC",
    "ico": "icon", "eps": "EPS", "ps": "PostScript", "svgz": "compressed SVG",
    "emf": "EMF", "wmf": "WMF",
}
LOADING_NOTE = ("The articles appear in the table as they are analysed;\n"
                "the charts follow once every file is in.")
# Qt.AlignmentFlag values as ints (AlignLeft or AlignRight, | AlignVCenter), for the
# header shown before the article model exists (tests check them against Qt's).
HEADER_ALIGN_TEXT = 0x0001 | 0x0080
HEADER_ALIGN_NUMBER = 0x0002 | 0x0080
_TEXT_ALIGNMENT_ROLE = 7  # Qt.ItemDataRole.TextAlignmentRole
_VERTICAL = 2  # Qt.Orientation.Vertical
#: Columns are fitted to the text of this many rows (as header.resizeContentsPrecision).
FIT_ROWS = 100
#: How long closing waits for the analysis and the claims workers to stop (ms); then the
#: window closes without them, says so, and the process ends without waiting for them
#: (desktop.qt_app.end_without_workers).
CLOSE_WAIT_MS = 10000
#: In MainWindow.left_running: the views' modules still being imported when the window
#: closed (after the same bounded wait); the process ends without that thread.
VIEWS_IMPORT = "loading the charts' modules"
_XLSX_FILTER = "Excel workbook (*.xlsx)"


def ask_other_format(parent: QWidget, typed: Path, instead: Path,
                     formats: Sequence[str]) -> bool:
    """Whether to save the chart as ``instead`` (a format Framescope writes), asked when the
    name typed, ``typed``, has the suffix of one it does not write."""
    from PySide6.QtWidgets import QMessageBox

    kind = OTHER_FILE_FORMATS.get(typed.suffix.lower().lstrip("."), typed.suffix)
    written = ", ".join(f.upper() for f in formats[:-1]) + f" or {formats[-1].upper()}"
    fmt = instead.suffix.lstrip(".").upper()
    box = QMessageBox(parent)
    box.setObjectName("other_format_box")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Export Chart")
    box.setText(f"Framescope cannot write {kind} files: it saves charts as {written}.")
    replaces = (f" It replaces the {instead.name} already there." if instead.exists() else "")
    box.setInformativeText(f"Save the chart as {instead.name} ({fmt}) instead?{replaces}")
    save = box.addButton(f"Save as {fmt}", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(save)
    box.exec()
    return box.clickedButton() is save


def show_error(parent: QWidget | None, title: str, text: str, detail: str = "") -> None:
    """Tell the user something went wrong (the one place the window reports errors)."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, parent)
    if detail:
        box.setDetailedText(detail)
    box.exec()


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def corpus_summary(analyses: Sequence[ArticleAnalysis]) -> str:
    """"5 articles from 5 outlets", or "No articles loaded"."""
    if not analyses:
        return "No articles loaded"
    outlets = {a.article.outlet for a in analyses}  # not the property: 10,000 calls
    return f"{_plural(len(analyses), 'article')} from {_plural(len(outlets), 'outlet')}"


def exclusion_summary(included: Sequence[ArticleAnalysis], excluded: int) -> str:
    """What the charts and exports use when ``excluded`` articles are left out, or ""."""
    if not excluded:
        return ""
    use = corpus_summary(included) if included else "no article"
    return f"{excluded} excluded: charts and exports use {use}"


def supported_name_filter() -> str:
    """The Open dialog's filter, built from the readers' suffixes."""
    from models.readers import SUPPORTED_SUFFIXES

    patterns = " ".join(
        f"*{s if s.startswith('.') else '.' + s}" for s in sorted(SUPPORTED_SUFFIXES)
    )
    return f"Articles ({patterns});;Corpus manifest (manifest.csv);;All files (*)"


def samples_aside_text(count: int) -> str:
    """The status bar's word on sample articles set aside for the user's own files."""
    from desktop.qt_undo import undo_key

    articles = "article" if count == 1 else "articles"
    return (f"The {count} sample {articles} made room for yours (Edit ▸ Undo, {undo_key()}, "
            f"brings {'it' if count == 1 else 'them'} back)")


def file_name_outlets(analyses: Sequence[ArticleAnalysis]) -> list[str]:
    """["4 outlets are only file names: …"] where articles' outlets are their whole file names
    (no manifest, site name, dateline or copyright line named them), which say nothing of
    the outlet ("000_95fc75c790c18aeb" for a seed copied without its manifest); else []."""
    names = set()
    for a in analyses:
        article = a.article
        if article.outlet_origin == "filename" and article.outlet == os.path.splitext(
                os.path.basename(article.source))[0]:
            names.add(article.outlet)
    if not names:
        return []
    are = "is only a file name" if len(names) == 1 else "are only file names"
    return [f"{_plural(len(names), 'outlet')} {are}: double-click an Outlet cell to name "
            "it, or add a manifest.csv (file,outlet) beside the files"]


def problem_counts(problems: Sequence[ReadError]) -> list[str]:
    """["1 duplicate not added", "3 files could not be read"]: the status bar after a load
    and the Load Problems panel's header say the same (a duplicate was read, and left out)."""
    from models.article import NO_BODY, NOT_ENGLISH, SKIPPED

    duplicates = sum(p.articles for p in problems if p.is_duplicate)
    # A file read with some rows (or an export's articles) left out was read: not
    # "could not be read" (ux10, session 10: a CSV of 1,297 articles with one empty row).
    partly = len({p.file for p in problems
                  if p.partial and not p.is_duplicate and not p.notice})
    unreadable = sum(1 for p in problems
                     if not p.is_duplicate and not p.partial and not p.notice)
    skipped = sum(1 for p in problems if p.notice == SKIPPED)
    no_body = sum(1 for p in problems if p.notice == NO_BODY)
    not_english = sum(1 for p in problems if p.notice == NOT_ENGLISH)
    parts = []
    if duplicates:
        parts.append(f"{_plural(duplicates, 'duplicate')} not added")
    if partly:
        parts.append(f"part{'' if partly == 1 else 's'} of {_plural(partly, 'file')} left out")
    if unreadable:
        parts.append(f"{_plural(unreadable, 'file')} could not be read")
    if skipped:
        parts.append(f"{_plural(skipped, 'file')} of other types skipped")
    if no_body:
        parts.append(f"{_plural(no_body, 'article')} without body text")
    if not_english:
        parts.append(f"{_plural(not_english, 'article')} perhaps not in English")
    return parts


def _focus_first_stop(view: QWidget) -> None:
    """Give the focus to ``view``'s first Tab stop (in the window's Tab order), else to
    ``view`` itself."""
    from PySide6.QtCore import Qt

    widget = view.nextInFocusChain()
    while widget is not None and widget is not view and widget is not view.window():
        if (view.isAncestorOf(widget) and widget.isEnabled() and widget.isVisibleTo(view)
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
            widget.setFocus(Qt.FocusReason.TabFocusReason)
            return
        widget = widget.nextInFocusChain()
    view.setFocus()


class LoadProblems(QWidget):
    """Files that could not be loaded, one row each: file, reason. Its counts and Clear
    List sit in :attr:`title_bar`, the dock's title bar, beside the panel's name: on a
    line of their own they cost the table of articles a row (ux29)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QHBoxLayout, QPushButton, QStyle, QToolButton, QTreeWidget

        super().__init__(parent)
        self.summary = QLabel("No problems.")
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels(["File", "Reason"])
        self.tree.setAccessibleName("Files not loaded")
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.header().setStretchLastSection(True)
        self.tree.setColumnWidth(0, 280)
        # Room for its header and two rows at the least, not a scroll area's default
        # minimum (~70 px): the panel opens at its minimum for one problem, and those
        # pixels came out of the chart's view at the window's default size once the
        # table's header grew a unit line (test_chart_room, session 19).
        # (MainWindow._problems_height measures it again once its rows are styled.)
        line = self.tree.fontMetrics().height()
        self.tree.setMinimumHeight((line + 6) + 2 * (line + 4) + 2 * self.tree.frameWidth())
        self.clear_button = QPushButton("Clear List")
        self.clear_button.clicked.connect(self.clear)
        # A row's technical detail (a parser's words, a fault's traceback) and the
        # diagnostics log, for a bug report: they went nowhere a user could see (s33).
        self.details_button = QPushButton("Details…")
        self.details_button.setToolTip(
            "The selected problem's technical detail, and the diagnostics log, for a bug "
            "report (or double-click the row)")
        self.details_button.setEnabled(False)
        self.details_button.clicked.connect(lambda: self.show_details())
        self.tree.itemActivated.connect(lambda item, _column: self.show_details(item))
        self.tree.itemSelectionChanged.connect(self._update_details_button)
        self.details: QWidget | None = None  # the open Problem Details dialog
        # The dock's title bar: its name, the counts, Clear List, and the two buttons a
        # dock's own title bar has (float, close), which the dock connects.
        self.title_bar = QWidget()
        self.title_bar.setObjectName("load_problems_title_bar")
        title = QLabel("<b>Load Problems</b>")
        style = self.style()
        self.float_button = QToolButton()
        self.float_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_TitleBarNormalButton))
        self.float_button.setToolTip("Float the panel in a window of its own, or dock it back")
        self.float_button.setAccessibleName("Float Load Problems")
        self.float_button.setAutoRaise(True)
        self.close_button = QToolButton()
        self.close_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton))
        self.close_button.setToolTip("Close the panel (View ▸ Load Problems opens it again)")
        self.close_button.setAccessibleName("Close Load Problems")
        self.close_button.setAutoRaise(True)
        bar = QHBoxLayout(self.title_bar)
        bar.setContentsMargins(6, 2, 2, 0)
        bar.addWidget(title)
        bar.addSpacing(12)
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.details_button)
        bar.addWidget(self.clear_button)
        bar.addWidget(self.float_button)
        bar.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 4)
        layout.addWidget(self.tree)
        self._problems: list[ReadError] = []
        self._unlisted: list[ReadError] = []  # in _problems, not yet in the tree
        self._load_starts = 0  # where the latest load's problems begin in _problems

    def problems(self) -> list[ReadError]:
        return list(self._problems)

    #: Rows put in the list per turn of the event loop: a big run's end reports
    #: hundreds of files at once (429 rows took the GUI thread ~10 ms in one piece).
    ROWS_PER_TURN = 100

    def add(self, problems: Sequence[ReadError]) -> None:
        """List ``problems`` (:meth:`problems` has them at once; the list's rows follow,
        :data:`ROWS_PER_TURN` per turn of the event loop)."""
        self._problems.extend(problems)
        self._update_summary()
        starting = not self._unlisted
        self._unlisted.extend(problems)
        if starting:
            self._list_some()

    def _list_some(self) -> None:
        from PySide6.QtWidgets import QTreeWidgetItem

        some = self._unlisted[:self.ROWS_PER_TURN]
        del self._unlisted[:self.ROWS_PER_TURN]
        items = []
        for problem in some:
            item = QTreeWidgetItem([Path(problem.file).name or problem.file, problem.reason])
            item.setToolTip(0, problem.file)
            item.setToolTip(1, problem.reason)
            items.append(item)
        self.tree.addTopLevelItems(items)  # one insertion for the tree, not one per row
        if self._unlisted:
            QTimer.singleShot(0, self, self._list_some)
        elif some:
            self.tree.scrollToItem(self.tree.topLevelItem(self.tree.topLevelItemCount() - 1))

    def selected_problem(self, item: Any = None) -> ReadError | None:
        """The problem of ``item``'s row (default: the tree's current row, if selected)."""
        if item is None:
            item = self.tree.currentItem()
            if item is None or not item.isSelected():
                return None
        row = self.tree.indexOfTopLevelItem(item)
        return self._problems[row] if 0 <= row < len(self._problems) else None

    def show_details(self, item: Any = None) -> None:
        """Open Problem Details (desktop.qt_problem_details) on ``item``'s problem (a row
        double-clicked or activated with Enter; default: the selected row's)."""
        from PySide6.QtCore import Qt

        from desktop.qt_problem_details import ProblemDetails

        problem = self.selected_problem(item)
        if problem is None:
            return
        if self.details is not None:
            self.details.close()
        dialog = ProblemDetails(problem, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: setattr(self, "details", None))
        self.details = dialog
        dialog.open()

    def _update_details_button(self) -> None:
        self.details_button.setEnabled(self.selected_problem() is not None)

    def begin_load(self) -> None:
        """A new load starts: the header counts its problems apart from those listed
        before, so that it says what the status bar says of this load."""
        self._load_starts = len(self._problems)
        self._update_summary()

    def clear(self) -> None:
        self.tree.clear()
        self._problems.clear()
        self._unlisted.clear()
        self._load_starts = 0
        self._update_summary()
        self._update_details_button()

    def _update_summary(self) -> None:
        """The counts, as the status bar gives them after a load (:func:`problem_counts`).
        With rows of earlier loads still listed, the latest load's are counted first and
        the earlier ones apart: the header said "3 files could not be read" where the
        status bar said "1 file" of the load just done (ux22 #16, session 22)."""
        latest = " · ".join(problem_counts(self._problems[self._load_starts:]))
        earlier = " · ".join(problem_counts(self._problems[:self._load_starts]))
        if not earlier:
            text = f"{latest}." if latest else "No problems."
        else:
            text = f"Last load: {latest or 'no problems'}. Listed from earlier loads: {earlier}."
        self.summary.setText(text)
        self.clear_button.setEnabled(bool(self._problems))


#: What the views need that takes long to import and makes no Qt type: the analysis
#: models first (the first batch of results needs the cue lexicons and their expressions,
#: 60-100 ms; the end of every run models.pipeline, ~35 ms; the first autosave
#: models.project, with sqlite3, ~12 ms), then matplotlib, numpy and the charts (most of
#: a second). Imported on the "import-views" thread while the GUI thread runs its event
#: loop, so none of these may import PySide6: shiboken makes a Qt type the first time
#: Python names it, writing a table the GUI thread reads without the interpreter lock
#: (every QObject's metaObject()), and the two together crashed the app with a
#: segmentation fault (ci29f; a core of the smoke test in session 31 had the GUI thread
#: in PySide::MetaObjectBuilder::update and this thread in QtCore's type creation for
#: ``from PySide6.QtCore import QPoint``, in desktop.qt_compare_view).
VIEWS_QT_FREE_MODULES = (
    "models.features", "models.pipeline", "models.project", "models.claims",
    "models.gaps", "models.headline", "models.tone", "models.evidence",
    "numpy", "matplotlib.figure", "matplotlib.backend_bases",
    "desktop.charts", "desktop.chart_pixels", "desktop.highlight", "desktop.table_columns",
)
#: The views' modules that import PySide6 (and matplotlib's Qt canvas): imported on the
#: GUI thread once the Qt-free part is, one per turn of its event loop (5-25 ms each).
VIEWS_QT_MODULES = (
    "matplotlib.backends.backend_qtagg", "desktop.qt_compare_view",
    "desktop.qt_claims_view", "desktop.qt_read_view",
)


def import_views_qt_free_part() -> None:
    """The "import-views" thread's work: :data:`VIEWS_QT_FREE_MODULES`."""
    for name in VIEWS_QT_FREE_MODULES:
        importlib.import_module(name)


def _resume_collection_after(thread: Any) -> Callable[[], None]:
    """End the collection pause of the views' import (MainWindow._prepare_views) on the
    GUI thread once ``thread`` has ended: resumed on the thread's last lines, the
    collection its allocations made due would start there. What the import made is
    frozen first (``gc.freeze``: the modules stay, and later full collections need not
    walk them; it also leaves no collection due). A timer of the application's polls
    for the end, not the window's: a window deleted in its first seconds must not leave
    collection off for the rest of the process. The function returned ends the pause at
    once if the thread has ended (the window calls it after joining the thread); once."""
    import gc

    from PySide6.QtCore import QCoreApplication

    from desktop.collection import resume_collection

    timer = QTimer(QCoreApplication.instance())
    timer.setInterval(25)
    paused = [True]

    def resume_once_ended() -> None:
        if not paused[0] or thread.is_alive():
            return
        paused[0] = False
        timer.stop()
        timer.deleteLater()
        gc.freeze()
        resume_collection()

    timer.timeout.connect(resume_once_ended)
    timer.start()
    return resume_once_ended


def qt_app_freeze_loaded() -> None:
    """Move every object alive now out of the garbage collector's generations
    (``gc.freeze``): the analyses loaded stay, and a full collection walking
    millions of their objects would stall the window. Constant time."""
    import gc

    gc.freeze()


class _RunIntake:
    """What the window knows while taking in one run's analyses. (A plain class: a
    dataclass here cost the window's first paint ~0.6 ms, writing its methods from source.)"""

    def __init__(self, *, was_empty: bool = True, known: dict[str, set[str]] | None = None,
                 ids: set[str] | None = None, samples_aside: int = 0) -> None:
        self.was_empty = was_empty
        # content hashes loaded -> their stated outlets (models.article.stated_outlet)
        self.known: dict[str, set[str]] = {} if known is None else known
        self.ids: set[str] = set() if ids is None else ids  # article ids in use
        self.taken: set[int] = set()  # id() of analyses already taken in
        self.problems: list[ReadError] = []
        self.problems_shown = 0  # how many of them the Load Problems panel lists
        self.duplicates = 0
        self.fitted = False
        self.fitted_rows = 0  # how many rows the text columns were fitted to
        self.samples_aside = samples_aside  # sample articles set aside for this load's


class MainWindow(QMainWindow):
    """Framescope's window. ``analyses_changed`` fires whenever the loaded set changes.

    With ``build_later`` (how the app starts: desktop.qt_app.run_gui), only what the first
    paint shows is built before it: the table's header (from a placeholder with no Python
    behind it), the filter box, the tabs, the status bar and the menu titles. The rest
    (the article model, the actions and menu entries, the Load Problems panel, projects,
    drops) is built by :meth:`build_rest` just after the first paint, before
    :attr:`first_painted` fires. PySide6 creates the Python enums of every Qt class a
    program touches (``Qt`` alone ~20 ms); this keeps them out of the window's appearance.
    """

    analyses_changed = Signal()
    #: A load finished (even with nothing new): the summary shown in the status bar.
    load_finished = Signal(str)
    #: The window has painted for the first time (the app starts its first load then).
    first_painted = Signal()
    #: The window's first frame is on screen: fired once, right after it and before the
    #: rest of the window is built (first_painted follows once it is).
    first_frame_shown = Signal()
    #: File > Export Chart… has ended (written on a thread): the chart's path, and "" or
    #: why nothing was saved.
    chart_exported = Signal(object, str)
    #: File > Export Chart Data… has ended (written on a thread once the chart is there):
    #: the CSV's path, and "" or why nothing was saved.
    chart_data_exported = Signal(object, str)
    #: Copy Chart has ended (drawn on a thread): "" when the image is on the clipboard, or
    #: why it is not.
    chart_copied = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, build_later: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle("Framescope")
        self.setObjectName("MainWindow")
        self.setAcceptDrops(True)
        self._methods_dialog: QWidget | None = None
        self._caret_cue_shown = ""  # the Read text's cue in the status bar, if any
        self._problems_sized = False
        # The panel opened before the chart of its load was drawn: it may grow into the
        # room that chart leaves (see _problems_take_chart_room).
        self._problems_await_chart = False
        # Column choices for corpus files, by header, for this session.
        self._column_choices: dict[tuple[str, ...], Any] = {}
        # Called on each load's new analyses before they join the table (custom
        # dictionaries' scores are added here by the project controller).
        self.analysis_hooks: list[Any] = []
        self._built = False  # every part of build_rest is built
        self._parts_built = 0  # how many of its parts are (_build_next_part)
        self._drop_target: DropTarget | None = None
        self._forward_drops: ForwardDrops | None = None
        self.table_model: ArticleTableModel
        self.proxy: ArticleFilterProxy
        self.project: ProjectController

        # Made with the rest of the window (build_rest), or when first asked for: the
        # first paint does not need it (its module and thread pool, ~2 ms).
        self._runner: AnalysisRunner | None = None
        self._run = _RunIntake()
        self._samples_aside = 0  # set aside by open_paths for the run it starts

        self._build_table()
        # The Compare view (matplotlib: most of the start-up time) is built once
        # the window has painted, or when first needed; see compare_view.
        self._compare_view: CompareView | None = None
        self._compare_page = QWidget()
        self._compare_page.setObjectName("compare_page")
        # The Read view (its highlighting imports the analysis models) is built when
        # first shown or asked for; see read_view.
        self._read_view: ReadView | None = None
        self._read_page = QWidget()
        self._read_page.setObjectName("read_page")
        self._read_dictionaries: list[Any] = []
        #: The outlets' colour order (desktop.outlet_order): kept as outlets come and go.
        self._outlet_order: list[str] = []
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._compare_page, "Compare")
        self.tabs.addTab(self._read_page, "Read")
        # The Claims view also imports matplotlib (through desktop.charts): built later too.
        self._claims_view: ClaimsView | None = None
        self._views_import: Any = None  # the thread importing the views' modules
        self._views_timer: QTimer | None = None  # builds the views once they are imported
        # Ends the collection pause of the views' import once it has ended (at once, when
        # called after a join; else a timer of the application's does).
        self._views_import_resume: Callable[[], None] = lambda: None
        # The views' Qt modules still to import on this thread (_build_views_when_imported)
        self._views_qt_imports: list[str] = []
        #: The window has closed (closeEvent accepted): no view is built or given work
        #: after it, since nothing would stop that work before the interpreter ends.
        self._closed = False
        #: What was still running when the window closed, after each bounded wait (named
        #: for the user); the app then ends its process without waiting for it.
        self.left_running: list[str] = []
        #: Why the app is being ended from outside (a stop signal, the session's end:
        #: desktop.qt_ending), or None: then closing asks nothing (nobody is there).
        self.ending: str | None = None
        self._ending_tries = 0
        self._painted = False  # paintEvent has run (the first paint is under way)
        self._frame_shown = False  # first_frame_shown has fired
        self._filter_note: Any = None  # a QLabel under the filter box, made on first use
        self._claims_page = QWidget()
        self._claims_page.setObjectName("claims_page")
        self.tabs.addTab(self._claims_page, "Claims")
        self.tabs.currentChanged.connect(self._build_tab_at)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 0, 0)
        left_layout.setSpacing(4)
        left_layout.addWidget(self.filter_edit)
        left_layout.addWidget(self.table)
        # The table spans the full width above the views, so its measure columns
        # are in view next to each other.
        self.splitter = QSplitter()
        self.splitter.setProperty("orientation", _VERTICAL)  # no Qt enum before the paint
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self._build_status_bar()
        # The menu titles now (the menu bar's height is part of the first paint), their
        # entries in build_rest.
        menu_bar = self.menuBar()
        self.file_menu = menu_bar.addMenu("&File")
        self.edit_menu = menu_bar.addMenu("&Edit")
        self.view_menu = menu_bar.addMenu("&View")
        self.help_menu = menu_bar.addMenu("&Help")

        self.setTabOrder(self.filter_edit, self.table)
        self.setTabOrder(self.table, self.tabs)

        self.resize(*DEFAULT_SIZE)
        self.splitter.setSizes(
            [round(DEFAULT_SIZE[1] * SPLITTER_SHARE), round(DEFAULT_SIZE[1] * (1 - SPLITTER_SHARE))]
        )
        #: The table pane still grows to show the first rows (_show_rows_at_start): a
        #: first start, the split not yet the user's.
        self._rows_at_start = False
        self._restore_state()
        self.splitter.splitterMoved.connect(self._splitter_moved_by_user)
        self._set_status(corpus_summary([]))
        if not build_later:
            self.build_rest()

    def build_rest(self) -> None:
        """Build what the first paint does not show (see the class docstring); once.
        What :meth:`_after_first_paint` has not built yet, one part per turn of the event
        loop, is built now."""
        while not self._built:
            self._build_next_part()

    def _build_next_part(self) -> None:
        """One part of :meth:`build_rest`. Three parts of ~10-20 ms CPU each (most of the
        first is PySide6 making the Qt namespace's enums, for the article model): built
        at once after the first paint, they held the GUI thread ~40 ms CPU, 86-115 ms wall
        on a busy machine (2026-11-23, perf20)."""
        parts = (self._build_model_part, self._build_menus_part, self._build_project_part)
        part = parts[self._parts_built]
        self._parts_built += 1
        self._built = self._parts_built == len(parts)
        part()

    @property
    def runner(self) -> AnalysisRunner:
        """Runs the analyses (one load at a time); made on first use."""
        if self._runner is None:
            from desktop.qt_worker import AnalysisRunner

            self._runner = AnalysisRunner(self)
        return self._runner

    def _build_model_part(self) -> None:
        from desktop.qt_table_model import ArticleFilterProxy, ArticleTableModel

        self.table_model = ArticleTableModel(self)
        self.proxy = ArticleFilterProxy(self)
        self.proxy.setSourceModel(self.table_model)
        self._attach_table_model()

    def _build_menus_part(self) -> None:
        self._build_progress()
        # Shown only once something is typed: not part of the first paint either.
        self.filter_edit.setClearButtonEnabled(True)
        self._build_problems_dock()
        self._build_actions()
        self._build_menus()
        from desktop.qt_undo import ArticleRemovals

        self.removals = ArticleRemovals(self)  # Edit > Undo/Redo of removed articles
        self.table_model.outlet_edit_hook = self._push_outlet_edit
        self._connect()

    def _build_project_part(self) -> None:
        from desktop.qt_drop import DropTarget, ForwardDrops
        from desktop.qt_project import ProjectController

        # File drags over child widgets that take drops of their own (text
        # views, the filter box) load the files, as on the rest of the window.
        self._drop_target = DropTarget(self.open_paths, self._show_drop_hint)
        self._forward_drops = ForwardDrops(self._drop_target, self)
        for child in self.findChildren(QWidget):
            if child.acceptDrops():
                child.installEventFilter(self._forward_drops)

        # Projects, dictionaries, lexicon edits, report and autosave (File menu additions).
        self.project = ProjectController(self)
        from desktop.qt_first_run import SampleHint

        self.sample_hint = SampleHint.install(self)  # "These are five sample articles…"
        from desktop.qt_placeholder import keep_placeholder_readable

        keep_placeholder_readable(self.filter_edit)  # 4.5:1, under a dark theme too
        self._update_actions()

    # --- construction ----------------------------------------------------

    def _build_table(self) -> None:
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText("Filter articles…")
        self.filter_edit.setToolTip("Show only articles whose outlet, headline, date or file "
                                    "contain every word typed here")
        self.filter_edit.setAccessibleName("Filter articles")

        table = QTableView()
        table.setObjectName("article_table")
        table.setAccessibleName("Articles")
        # Tab moves on to the next part of the window, as everywhere else; the arrow keys
        # move between cells (with Tab moving cell by cell, a keyboard user met every one
        # of the table's cells, 29 per article, before the views).
        table.setTabKeyNavigation(False)
        table.setModel(self._header_placeholder())
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)  # and text elided on the right (the default)
        table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsMovable(True)
        header.setSortIndicatorClearable(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Fit columns to their first rows: measuring 10,000 rows takes seconds.
        header.setResizeContentsPrecision(FIT_ROWS)
        table.verticalHeader().setResizeContentsPrecision(FIT_ROWS)
        self.table = table
        self._size_columns()
        self.sticky_outlet: Any = None  # made with the article model (_attach_table_model)
        self.table_focus: Any = None  # the focus ring, made with the sticky column

    def _header_placeholder(self) -> QStandardItemModel:
        """The table's columns with no rows, in a model with no Python behind it: shown
        until build_rest attaches the article model, so that laying out and painting the
        header calls no Python (a Python model's headerData makes PySide6 create the
        Qt namespace's enums, ~20 ms). Labels and alignment as the article model's."""
        model = QStandardItemModel(0, len(COLUMNS), self)
        for i, column in enumerate(COLUMNS):
            item = QStandardItem(column.header)
            align = HEADER_ALIGN_TEXT if column.kind == "text" else HEADER_ALIGN_NUMBER
            item.setData(align, _TEXT_ALIGNMENT_ROLE)
            model.setHorizontalHeaderItem(i, item)
        return model

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        for i, column in enumerate(COLUMNS):
            if i == OUTLET_COLUMN:
                width = 140
            elif i == HEADLINE_COLUMN:
                width = 230
            else:  # numbers are narrower than their labels
                width = max(64, self._header_room(column))
            header.resizeSection(i, width)

    def width_limits(self, column: int) -> tuple[int, int]:
        """The narrowest and widest a column is fitted to its text. A number column is at
        most 130 px, or as wide as its header needs (a header was cut to "eadline tone
        (VADER)")."""
        fixed = {OUTLET_COLUMN: (90, 200), HEADLINE_COLUMN: (120, 340), DATE_COLUMN: (64, 110)}
        return fixed.get(column) or (48, max(130, self._header_room(COLUMNS[column])))

    def _header_room(self, column: Column) -> int:
        """The width a column's header needs: its longest line and the sort arrow."""
        metrics = self.table.horizontalHeader().fontMetrics()
        return max(map(metrics.horizontalAdvance, column.header.splitlines())) + 28

    def _attach_table_model(self) -> None:
        """The article model (through the filter proxy) in the placeholder's place."""
        from PySide6.QtCore import Qt

        placeholder = self.table.model()
        self.table.setModel(self.proxy)
        if placeholder is not None:
            placeholder.deleteLater()
        self._size_columns()
        if self.sticky_outlet is None:
            from desktop.qt_sticky_column import StickyColumn

            # The Outlet column stays in view when the table is scrolled right (ux22).
            self.sticky_outlet = StickyColumn(self.table, OUTLET_COLUMN)
            from desktop.qt_focus_ring import FocusRing

            # The table's own focus mark, a 1 px edge on the current cell, is lost on
            # a selected row (ux27): a ring round the rows while the table has the focus.
            self.table_focus = FocusRing(self.table, "article_table_focus")
        self.sticky_outlet.model_changed()
        # Load order until the user clicks a header.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)

    def _fit_text_columns(self, widen_only: bool = False, first_row: int = 0) -> int:
        """Columns as wide as their contents, within limits; the headline is kept
        narrow (its tooltip and the Read view show it whole) so that the first
        measures are in view without scrolling. With ``widen_only``, no column gets
        narrower than it is; with ``first_row``, only the rows from there on (up to
        FIT_ROWS) are measured. Returns the number of rows fitted to.

        The widths are those of resizeColumnToContents (each column's header, and its
        first FIT_ROWS rows' text with the item margins), measured here from the model's
        text with the table's font: resizeColumnToContents asks the Python model for
        every role of every row it samples, ~50 ms on the GUI thread for 20 columns."""
        from PySide6.QtGui import QFontMetricsF
        from PySide6.QtWidgets import QStyle

        table, model = self.table, self.table_model
        header = table.horizontalHeader()
        metrics = QFontMetricsF(table.font())
        # An item's text margins (QCommonStyle: PM_FocusFrameHMargin + 1 on either side),
        # and the grid line resizeColumnToContents adds.
        frame = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table)
        margin = 2 * (frame + 1) + (1 if table.showGrid() else 0)
        rows = range(min(first_row, FIT_ROWS), min(model.rowCount(), FIT_ROWS))
        for column in range(len(COLUMNS)):
            low, high = self.width_limits(column)
            width = header.sectionSizeHint(column)
            for text in set(model.display_texts(column, rows)):
                width = max(width, math.ceil(metrics.horizontalAdvance(text)) + margin)
            width = min(max(width, low), high)
            if widen_only:
                width = max(width, table.columnWidth(column))
            table.setColumnWidth(column, width)
        return rows.stop

    def _build_status_bar(self) -> None:
        from desktop.qt_elided_label import ElidedLabel

        bar = self.statusBar()
        # Cut with "…" to the bar's width, the whole summary in its tooltip.
        self.status_label = ElidedLabel()
        self.status_label.setObjectName("status_text")
        bar.addWidget(self.status_label, 1)

    def _build_progress(self) -> None:
        """The progress bar and Cancel button, shown while a load runs (built in
        build_rest: hidden, they are not part of the first paint)."""
        from PySide6.QtWidgets import QProgressBar, QPushButton

        bar = self.statusBar()
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setTextVisible(True)
        self.progress_bar.setFormat("%p%")
        self.progress_bar.setMaximumWidth(220)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Stop the analysis; articles already loaded are kept")
        self.progress_bar.hide()  # before they join the shown status bar: never shown
        self.cancel_button.hide()
        bar.addPermanentWidget(self.progress_bar)
        bar.addPermanentWidget(self.cancel_button)

    def _build_problems_dock(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QDockWidget

        self.problems_panel = LoadProblems()
        dock = QDockWidget("Load Problems", self)
        dock.setObjectName("load_problems_dock")
        dock.setWidget(self.problems_panel)
        dock.setTitleBarWidget(self.problems_panel.title_bar)
        self.problems_panel.float_button.clicked.connect(
            lambda: dock.setFloating(not dock.isFloating()))
        self.problems_panel.close_button.clicked.connect(dock.close)
        dock.setAllowedAreas(
            Qt.DockWidgetArea.BottomDockWidgetArea | Qt.DockWidgetArea.TopDockWidgetArea
        )
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        dock.hide()
        self.problems_dock = dock

    def _action(
        self, text: str, slot: Any, shortcut: QKeySequence | str | None = None, tip: str = ""
    ) -> QAction:
        from PySide6.QtGui import QAction, QKeySequence

        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        from PySide6.QtGui import QAction, QKeySequence

        self.action_open_files = self._action(
            "&Open Files…", self.open_files_dialog, QKeySequence.StandardKey.Open,
            "Add articles (text, HTML, PDF…) to the comparison",
        )
        self.action_open_folder = self._action(
            "Open &Folder…", self.open_folder_dialog, "Ctrl+Shift+O",
            "Add every article in a folder",
        )
        self.action_export_chart = self._action(
            "&Export Chart…", self.export_chart_dialog, "Ctrl+E",
            "Save the current chart as PNG, SVG or PDF",
        )
        self.action_export_chart_data = self._action(
            "Export Chart &Data (CSV)…", self.export_chart_data_dialog, "Ctrl+Shift+D",
            "Save the numbers behind the current chart",
        )
        self.action_export_table = self._action(
            "Export &Table (CSV, XLSX)…", self.export_table_dialog, "Ctrl+Shift+E",
            "Save every article's scores as scores.csv (with its codebook beside it) or an "
            "Excel workbook (with a codebook sheet)",
        )
        self.action_copy_chart = self._action(
            "Cop&y Chart", self.copy_chart, "Ctrl+Shift+C",
            "Copy the current chart to the clipboard as an image",
        )
        self.action_exclude = self._action(
            "E&xclude/Include Selected Articles", self.toggle_excluded, "Ctrl+Shift+X",
            "Leave the selected articles out of the charts, outlet means and exports "
            "(or take them back in); they stay in the table, struck through",
        )
        self.action_remove = self._action(
            "Re&move Selected Articles", self.remove_selected, QKeySequence.StandardKey.Delete,
            "Remove the selected articles from the comparison",
        )
        from PySide6.QtCore import Qt

        # Delete acts on the table only, so it keeps its meaning in text fields.
        self.action_remove.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.removeAction(self.action_remove)
        self.table.addAction(self.action_remove)
        self.table.addAction(self.action_exclude)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.action_clear = self._action(
            "&Clear All", self._clear_all_asked, None, "Remove every article"
        )
        self.action_quit = self._action(
            "&Quit", self.close, "Ctrl+Q", "Quit Framescope"
        )
        self.action_quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.action_show_compare = self._action(
            "&Compare", lambda: self.tabs.setCurrentIndex(COMPARE_TAB), "Ctrl+1"
        )
        self.action_show_read = self._action(
            "&Read", lambda: self.tabs.setCurrentIndex(READ_TAB), "Ctrl+2"
        )
        self.action_show_claims = self._action(
            "C&laims", lambda: self.tabs.setCurrentIndex(CLAIMS_TAB), "Ctrl+3",
            "Which outlets carry each claim, and how certain they make it",
        )
        self.action_filter = self._action(
            "&Filter Articles…", self._focus_filter, QKeySequence.StandardKey.Find,
            "Show only the articles whose outlet, headline, date or file name contain "
            "every word typed (the table only: charts use every included article)",
        )
        self.action_sort = self._action(
            "&Sort Table by Current Column", self.sort_by_current_column, "Ctrl+Shift+T",
            "Sort the articles by the column of the table's current cell, as a click on "
            "its header does: again for the reverse order, a third time for load order",
        )
        # The table's context menu too (the Menu key); a header click was the only way.
        self.table.addAction(self.action_sort)
        self.action_load_problems = self.problems_dock.toggleViewAction()
        self.action_load_problems.setText("Load &Problems")
        self.action_load_problems.setStatusTip("Files that could not be loaded, and why")
        self.action_methods = self._action(
            "&Methods", self.show_methods, QKeySequence.StandardKey.HelpContents,
            "What each measure means and where it comes from",
        )
        self.action_about = self._action("&About Framescope", self.show_about, None)
        self.action_open_log = self._action(
            "Open Diagnostics &Log Folder", self.open_log_folder, None,
            "Show the folder of Framescope's diagnostics log, for a bug report",
        )
        self.action_about.setMenuRole(QAction.MenuRole.AboutRole)

    def _build_menus(self) -> None:
        """The menus' entries (their titles are made before the first paint)."""
        file_menu = self.file_menu
        file_menu.addAction(self.action_open_files)
        file_menu.addAction(self.action_open_folder)
        file_menu.addSeparator()
        file_menu.addAction(self.action_export_chart)
        file_menu.addAction(self.action_export_chart_data)
        file_menu.addAction(self.action_export_table)
        file_menu.addAction(self.action_copy_chart)
        file_menu.addSeparator()
        file_menu.addAction(self.action_exclude)
        file_menu.addAction(self.action_remove)
        file_menu.addAction(self.action_clear)
        file_menu.addSeparator()
        file_menu.addAction(self.action_quit)
        view_menu = self.view_menu
        view_menu.addAction(self.action_show_compare)
        view_menu.addAction(self.action_show_read)
        view_menu.addAction(self.action_show_claims)
        view_menu.addSeparator()
        view_menu.addAction(self.action_filter)
        view_menu.addAction(self.action_sort)
        view_menu.addAction(self.action_load_problems)
        help_menu = self.help_menu
        help_menu.addAction(self.action_methods)
        help_menu.addAction(self.action_open_log)
        help_menu.addSeparator()
        help_menu.addAction(self.action_about)

    def _on_filter_text(self, text: str) -> None:
        self.proxy.set_filter_text(text)
        self._update_filter_note()

    def _update_filter_note(self, *_: Any) -> None:
        """While the table is filtered, say under the filter box how many articles it shows
        and that the charts, outlet means and exports still use every included article
        (ux18's walkthrough: filtered to 5 of 245 articles, the chart beside it still drew
        all 245, and nothing on screen said so)."""
        note = self._filter_note
        if not self.filter_edit.text().strip():
            if note is not None:
                note.hide()
            return
        if note is None:
            from PySide6.QtWidgets import QLabel

            note = self._filter_note = QLabel()
            note.setObjectName("filter_note")
            note.setWordWrap(True)
            note.setAccessibleName("Filter note")
            layout = self.filter_edit.parentWidget().layout()
            layout.insertWidget(layout.indexOf(self.filter_edit) + 1, note)
        shown, total = self.proxy.rowCount(), self.table_model.rowCount()
        included = len(self.included_analyses())
        articles = "article" if total == 1 else "articles"
        note.setText(
            f"The filter shows {shown:,} of {total:,} {articles} "
            f"(outlet, headline, date or file name). The charts, outlet means and exports "
            f"still use all {included:,} included articles: to leave articles out of "
            f"them, select them and use Exclude (Ctrl+Shift+X)."
        )
        note.show()

    def sort_by_current_column(self) -> None:
        """Ctrl+Shift+T: sort by the current cell's column as a click on its header does
        (ascending, then descending, then load order again). The header was the only way
        to sort, and it takes no keyboard focus (ux27)."""
        from PySide6.QtCore import Qt

        current = self.table.currentIndex()
        column = current.column() if current.isValid() else OUTLET_COLUMN
        header = self.table.horizontalHeader()
        name = " ".join(self.proxy.headerData(
            column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole).split())
        if header.sortIndicatorSection() != column:
            order, said = Qt.SortOrder.AscendingOrder, "ascending"
        elif header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder:
            order, said = Qt.SortOrder.DescendingOrder, "descending"
        else:
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # load order
            self.tell("Table in load order", 5000)
            self._keep_current_in_view()
            return
        self.table.sortByColumn(column, order)
        self.tell(f"Table sorted by {name}, {said}", 5000)
        self._keep_current_in_view()

    def _keep_current_in_view(self) -> None:
        current = self.table.currentIndex()
        if current.isValid():
            self.table.scrollTo(current)

    def _focus_filter(self) -> None:
        """Ctrl+F: into the filter box, its words selected to be typed over."""
        from PySide6.QtCore import Qt

        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def _connect(self) -> None:
        self.filter_edit.textChanged.connect(self._on_filter_text)
        for signal in (
            self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset,
            self.table_model.exclusion_changed,
        ):
            signal.connect(self._update_filter_note)
        selection = self.table.selectionModel()
        selection.currentRowChanged.connect(self._on_current_row_changed)
        selection.selectionChanged.connect(self._on_selection_changed)
        self.table.activated.connect(self._on_activated)
        self.table_model.outlet_edited.connect(self._on_outlet_edited)
        self.table_model.exclusion_changed.connect(self._on_outlet_edited)
        for signal in (
            self.table_model.rowsInserted, self.table_model.rowsRemoved,
            self.table_model.modelReset,
        ):
            signal.connect(self._update_actions)
        self.runner.started.connect(self._on_run_started)
        self.runner.progress.connect(self._on_progress)
        self.runner.status.connect(self._set_status)
        self.runner.analysed.connect(self._on_analysed)
        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(self._on_failed)
        self.runner.cancelled.connect(self._on_cancelled)
        self.runner.columns_needed.connect(self._on_columns_needed)
        self.cancel_button.clicked.connect(self.runner.cancel)

    # --- the Compare view, built after the first paint ------------------------

    @property
    def compare_view(self) -> CompareView:
        """The Compare tab's view; built on first use (it imports matplotlib)."""
        if self._compare_view is None:
            self._end_views_import()  # no Qt type made on two threads at once
            from desktop.qt_compare_view import CompareView

            # Built during a load (the views' imports often end while the first files are
            # still read): the loading note from the start, not an empty chart.
            view = CompareView(note=LOADING_NOTE if self.is_busy() else "")
            self._compare_view = view
            self._install(self._compare_page, view, "Compare")
            view.sentence_activated.connect(self.open_sentence)
            view.chart_shown.connect(self._chart_shown_with_problems)
        return self._compare_view

    @property
    def claims_view(self) -> ClaimsView:
        """The Claims tab's view; built on first use."""
        if self._claims_view is None:
            self._end_views_import()  # no Qt type made on two threads at once
            from desktop.qt_claims_view import ClaimsView

            view = ClaimsView()
            self._claims_view = view
            self._install(self._claims_page, view, "Claims")
            view.mention_activated.connect(self.show_mention)
            view.alignment_changed.connect(
                lambda *alignment: self.compare_view.set_claim_alignment(*alignment)
            )
            view.failed.connect(
                lambda message: show_error(self, "Finding claims failed",
                                           message.splitlines()[0], message))
        return self._claims_view

    @property
    def read_view(self) -> ReadView:
        """The Read tab's view; built on first use, showing the table's current row."""
        if self._read_view is None:
            self._end_views_import()  # no Qt type made on two threads at once
            from desktop.qt_read_view import ReadView

            view = ReadView()
            self._read_view = view
            view.scoreAsBodyRequested.connect(self.score_block_as_body)
            view.caretCueChanged.connect(self._show_caret_cue)
            self._install(self._read_page, view, "Read")
            if self._read_dictionaries:
                view.set_dictionaries(self._read_dictionaries)
            view.show_analysis(self._analysis_at(self.table.currentIndex()))
            if view.hasFocus():  # given by _install; its chips and text are shown now
                _focus_first_stop(view)
        return self._read_view

    def _install(self, placeholder: QWidget, view: QWidget, title: str) -> None:
        """``view`` takes ``placeholder``'s tab; drags over it load files as elsewhere."""
        current = self.tabs.currentIndex()
        index = self.tabs.indexOf(placeholder)
        # Ctrl+2 from inside the Compare view gave the empty Read placeholder the focus
        # (the tab widget's last resort), and the focus went nowhere once it was deleted:
        # Tab then started again at the window's top (ux27). The view's first stop instead.
        from PySide6.QtWidgets import QApplication

        focus = QApplication.focusWidget()
        focused = focus is not None and (focus is placeholder or placeholder.isAncestorOf(focus))
        self.tabs.blockSignals(True)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, view, title)
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        placeholder.deleteLater()
        if focused:
            _focus_first_stop(view)  # else the view itself, while nothing in it is shown
        if self._forward_drops is None:
            return  # build_rest installs it on every child then
        for child in [view, *view.findChildren(QWidget)]:
            if child.acceptDrops():
                child.installEventFilter(self._forward_drops)

    def _build_tab_at(self, index: int) -> None:
        page = self.tabs.widget(index)
        if page is self._read_page:
            _ = self.read_view  # the property builds it
        elif page in (self._compare_page, self._claims_page):
            self._build_views()

    def _build_views(self) -> None:
        """Build the views not built yet and show them what is loaded."""
        if self._closed:
            return
        missing = self._compare_view is None or self._claims_view is None
        compare, claims = self.compare_view, self.claims_view
        # During a load the views get the articles when the run ends (the Compare view
        # shows the loading note meanwhile: see compare_view).
        if missing and not self._loading_into_table() and self.analyses():
            included = self.included_analyses()  # as _refresh_compare gives them
            compare.set_analyses(included, outlets_loaded=self.outlets_loaded())
            claims.set_analyses(included)

    def paintEvent(self, event: QPaintEvent) -> None:
        # The first paint is noticed here (not in event(): overriding it sent every event
        # of the window through Python, and PySide6 made a Python class, with its enums,
        # for each new kind of event before the window first painted).
        if not self._painted:
            self._painted = True
            # Once the painted window is on screen (a zero timer: after this paint and
            # its children's, the table, tabs and bars, and the frame's flush).
            QTimer.singleShot(0, self, self._after_first_paint)
        super().paintEvent(event)

    def _after_first_paint(self) -> None:
        # The views' imports start only now, not in paintEvent: that runs before the
        # children paint, and the import thread then held the interpreter lock that
        # every virtual call of a widget made in Python takes, so the window's first
        # frame was complete ~10 ms later than its first paint event (bench/app_scale.py,
        # its start-up line "to its first frame complete"; 2026-11-22).
        # The rest of the window is built first, one part per turn of the event loop, and
        # only then the import thread started: built beside that thread, build_rest waited
        # for the interpreter lock at each of its Qt calls and held the GUI thread 180-250
        # ms (wall, load ~6) for ~40 ms of CPU, right after the window appeared
        # (2026-11-23, perf20). Whatever needs the rest before then builds it at once.
        if not self._frame_shown:
            self._frame_shown = True
            self.first_frame_shown.emit()
        if not self._built:
            self._build_next_part()
            if not self._built:
                QTimer.singleShot(0, self, self._after_first_paint)
                return
        if self._views_import is None:
            self._prepare_views()
        self.first_painted.emit()

    def _loading_into_table(self) -> bool:
        return self.is_busy() and self.table_model.rowCount() > 0

    def _show_loading_note(self) -> None:
        """The Compare view's note while a load fills the table."""
        assert self._compare_view is not None
        self._compare_view.show_note(LOADING_NOTE)

    def _prepare_views(self) -> None:
        """After the first paint: import what the Compare and Claims views need
        (matplotlib, the charts: a second or more) on a thread, then their Qt modules
        and the views themselves on the GUI thread, one per turn of the event loop
        (tens of ms each), so the window never freezes for the import."""
        import threading

        from desktop.collection import pause_collection

        self._views_qt_imports = list(VIEWS_QT_MODULES)
        self._views_import = threading.Thread(
            target=import_views_qt_free_part, name="import-views", daemon=True)
        # No garbage collection while the modules are imported (~120,000 new objects:
        # matplotlib and its font list, numpy, the charts): the collections they made due
        # ran on the import thread, holding the interpreter lock for the whole walk, and
        # the GUI thread waited for it: full collections of 30-270 ms there during a
        # first load's heartbeat gaps (bench/first_use_join.py, gc callbacks, session 18).
        # A collection on that thread could also free a Qt slot there (desktop.collection).
        # Paused before the thread runs any Python; resumed on this thread once it ends.
        pause_collection()
        self._views_import.start()
        self._views_import_resume = _resume_collection_after(self._views_import)
        self._views_timer = QTimer(self)
        self._views_timer.setInterval(25)
        self._views_timer.timeout.connect(self._build_views_when_imported)
        self._views_timer.start()

    def _build_views_when_imported(self) -> None:
        if self._views_import is not None and self._views_import.is_alive():
            return
        if self._closed:  # a turn already due when the window closed
            return
        if self._views_qt_imports:
            # The Qt side of the views (matplotlib's Qt canvas, the views' modules), one
            # module per turn: here, never on the import thread (VIEWS_QT_MODULES).
            self._end_views_import()  # the collection resumed
            importlib.import_module(self._views_qt_imports.pop(0))
            return
        if self._compare_view is None:
            # One view per turn of the event loop: each is tens of milliseconds of work
            # on this thread (widgets, a figure), and a load may be under way.
            _ = self.compare_view  # the property builds it (with the note, during a load)
            return
        if self._views_timer is not None:
            self._views_timer.stop()
        if self._claims_view is None:
            self._build_views()

    # --- state ------------------------------------------------------------

    def analyses(self) -> list[ArticleAnalysis]:
        return self.table_model.analyses()

    def load_problems(self) -> list[ReadError]:
        return self.problems_panel.problems()

    def is_busy(self) -> bool:
        return self.runner.is_running()

    def files_being_read(self) -> list[Path]:
        """The files and folders of a load under way, as given (open_paths); [] if none
        (or the articles of an opened project are being analysed: its file has them)."""
        task = self.runner.current_task()
        if task is None or task.articles is not None:
            return []
        return [Path(path) for path in task.paths]

    def status_text(self) -> str:
        return self.status_label.text()

    def loaded_summary(self) -> str:
        """corpus_summary of every loaded article, and what the charts use when some are
        excluded: the status bar said "5 articles from 5 outlets" under a chart of four
        (ux22 finding 13, still so in ux25's walk)."""
        analyses = self.analyses()
        summary = corpus_summary(analyses)
        excluded = len(self.table_model.excluded_ids()) if analyses else 0
        if excluded:
            summary += " · " + exclusion_summary(self.included_analyses(), excluded)
        return summary

    def _set_status(self, text: str, *, announce: bool = False) -> None:
        """The summary at the status bar's left; ``announce``: a screen reader says it too
        (a load's outcome, an undone change: what the user's command did)."""
        self.status_label.setText(text)
        if announce:
            self._announce(text)

    def tell(self, text: str, timeout_ms: int = 0, *, error: bool = False) -> None:
        """A status-bar message that a screen reader says too (ux28: the sort's, an
        export's "Saved …", an error's were shown and never spoken). ``error``: said at
        once, interrupting. Progress ("Saving…") and hints (a drag's) stay
        showMessage: announced, they would only be chatter."""
        self.statusBar().showMessage(text, timeout_ms)
        self._announce(text, error=error)

    def _announce(self, text: str, *, error: bool = False) -> None:
        from desktop.qt_announce import announce

        announce(self.statusBar(), text, assertive=error)

    def _update_actions(self, *_: Any) -> None:
        has_articles = self.table_model.rowCount() > 0
        for action in (
            self.action_export_chart, self.action_export_chart_data,
            self.action_export_table, self.action_clear, self.action_copy_chart,
        ):
            action.setEnabled(has_articles)
        project = getattr(self, "project", None)  # made once the rest is built
        if project is not None:
            project.update_report_action()
        selected = has_articles and self.table.selectionModel().hasSelection()
        self.action_remove.setEnabled(selected)
        self.action_exclude.setEnabled(selected)
        self.action_sort.setEnabled(self.proxy.rowCount() > 0)

    def _restore_state(self) -> None:
        settings = qt_settings.settings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)  # Qt moves it onto a screen that is there
        else:
            self._fit_first_size()
        splitter = settings.value("window/splitter-vertical")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)
            self._rows_at_start = False  # the user's own split

    def _show_rows_at_start(self) -> None:
        """At the first start, until the first load has ended or the user moves the
        splitter: the table pane grows to show TABLE_ROWS_AT_START rows (fewer when fewer
        are loaded), taken from the views down to VIEWS_SHARE_AT_LEAST of the height.
        Before the chart is drawn: it is drawn once, for the room it keeps."""
        if not self._rows_at_start:
            return
        rows = min(TABLE_ROWS_AT_START, self.proxy.rowCount())
        if rows == 0:
            return
        left = self.splitter.widget(0)
        left_layout = left.layout() if left is not None else None
        if left_layout is not None:
            left_layout.activate()  # the sample hint shown just now is laid out
        table_pane, views = self.splitter.sizes()
        short = rows * self.table.verticalHeader().defaultSectionSize() \
            - self.table.viewport().height()
        if short <= 0:
            return
        total = table_pane + views
        views_least = max(self.tabs.minimumSizeHint().height(),
                          round(total * VIEWS_SHARE_AT_LEAST))
        wanted = min(table_pane + short, total - views_least)
        if wanted > table_pane:
            self.splitter.setSizes([wanted, total - wanted])

    def _splitter_moved_by_user(self, *_: Any) -> None:
        self._rows_at_start = False

    def _fit_first_size(self, area: QRect | None = None) -> None:
        """At the first start, a size for the screen's free area (first_window_size),
        centred: 1300 x 820 ran off a 1024 x 700 screen and is taller than a 1366 x 768
        laptop's (ux22), and left a third of a 1920 x 1080 one unused (ux26). Not on the offscreen
        platform, whose 800 x 800 screen is no one's (tests, the smoke test), unless
        the free ``area`` is given (tests of a small screen)."""
        from PySide6.QtGui import QGuiApplication

        self._rows_at_start = True  # see _show_rows_at_start
        if area is None:
            screen = self.screen()
            if screen is None or QGuiApplication.platformName() == "offscreen":
                return
            area = screen.availableGeometry()
        width, height = first_window_size(area.width(), area.height())
        self.resize(width, height)
        self.splitter.setSizes([round(height * SPLITTER_SHARE),
                                round(height * (1 - SPLITTER_SHARE))])
        self.move(area.x() + (area.width() - width) // 2,
                  area.y() + (area.height() - height) // 2)

    def _save_state(self) -> None:
        settings = qt_settings.settings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/splitter-vertical", self.splitter.saveState())

    # --- loading ------------------------------------------------------------

    def open_paths(self, paths: Sequence[str | Path]) -> None:
        """Read and analyse ``paths`` (files or folders) and add them to what is loaded.

        A ``.framescope`` project is opened instead (the first one given), and
        ``.dic`` dictionaries are loaded as custom dictionaries; when the project cannot
        be opened, it is named in Load Problems and the other files are loaded.
        A load still running is cancelled and its results ignored.
        """
        from desktop.qt_project import project_paths

        self.build_rest()
        given = [Path(p) for p in paths]
        if not given:
            return
        projects, dictionaries, paths = project_paths(given)
        if dictionaries:
            self.project.load_dictionaries(dictionaries)
        if projects:
            opened = self.project.open_project(projects[0])
            # What came with it was left out without a word (robust29): a project opens in
            # place of the study, so the rest is named, not added to it unasked.
            left = [p for p in given if p != projects[0] and p not in dictionaries]
            if opened and left:
                from models.article import ReadError

                reason = (f"not added: dropped with the project {projects[0].name}, which "
                          "was opened in place of the study; open or drop it again to add it")
                self.problems_panel.add([ReadError(str(p), reason) for p in left])
                self.show_load_problems()
            failure = self.project.open_failure
            if opened or not failure:  # opened, or the user chose to keep the study
                return
            # The files dropped with a project that could not be opened were left out
            # too: they are loaded into the study, which the project did not replace.
            from models.article import ReadError

            self.problems_panel.add([
                ReadError(str(projects[0]), f"project not opened: {failure}"),
                *(ReadError(str(p), f"not opened: dropped with the project {projects[0].name}"
                            "; only one project opens at a time") for p in projects[1:]),
            ])
            self.show_load_problems()
        if not paths:
            return
        self._samples_aside = self._set_samples_aside(paths)
        # The settings file is written on the next turn of the event loop, not as the
        # load starts (QSettings writes it when the object goes: up to 12 ms).
        QTimer.singleShot(0, self, partial(qt_settings.remember_directory, paths[0]))
        # Corpus files (tables) may need the column dialog: the worker looks for them
        # before it starts the run, off this thread (listing a folder of 10,000 files
        # took it 40-90 ms as the load began while the views' import thread ran), and
        # asks for the dialog if needed (_on_columns_needed).
        # The outlets loaded give new articles' outlets their spelling: a "cnn.txt"
        # dropped later joins the table's "CNN" (one bar, one row of outlets.csv).
        self.runner.start(paths, finder=self.project.finder(),
                          column_choices=self._column_choices,
                          known_outlets=self.outlets_loaded())

    def _set_samples_aside(self, paths: Sequence[Path]) -> int:
        """The user's own files, loaded over the sample articles the app opened by itself
        and left untouched: the samples make room for them, undoably (Edit ▸ Undo brings
        them back); returns how many were set aside.

        Her first files were added to the samples, so her first table, chart and export
        mixed the Kremlin story with hers (ux16's review, session 16, finding 1). Samples
        she has edited (an outlet, an exclusion: the study is modified), saved as a
        study, or opened herself (File ▸ Open marks the load as a change) stay, as do
        samples loaded again.
        """
        if not self.samples_make_room():
            return 0
        if all(qt_settings.is_shipped(p if p.is_dir() else p.parent) for p in paths):
            return 0
        analyses = self.analyses()
        self.removals.remove(range(len(analyses)), text="Set Sample Articles Aside")
        return len(analyses)

    def samples_make_room(self) -> bool:
        """Whether the user's own files, loaded now, would set the samples aside: only
        samples are loaded, untouched (not edited, not saved as a study). The sample hint
        says what this decides (desktop.qt_first_run.hint_text)."""
        from desktop.qt_first_run import only_samples

        project = self.project
        if project.is_modified() or project.path is not None:
            return False
        return bool(only_samples(self.analyses()))

    def _on_columns_needed(
        self, paths: list[str], known: dict[Path, Any], unclear: list[Any]
    ) -> None:
        """Corpus files whose columns are unclear were found as a load began: ask, then
        load (on the GUI thread, after the drop or the Open dialog has returned)."""
        self._end_run()
        self._set_status(self.loaded_summary())
        self._ask_columns_then_start([Path(p) for p in paths], known, unclear)

    def _ask_columns_then_start(
        self, paths: list[Path], known: dict[Path, Any], unclear: list[Any]
    ) -> None:
        from desktop import qt_column_dialog

        chosen = qt_column_dialog.ask_columns(self, unclear, self._column_choices)
        self.runner.start(paths, file_columns={**known, **chosen},
                          finder=self.project.finder(), known_outlets=self.outlets_loaded())

    def open_files_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        files, _ = QFileDialog.getOpenFileNames(
            self, "Open Articles", qt_settings.last_directory(), supported_name_filter()
        )
        if files:
            self.open_paths(files)

    def open_folder_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(
            self, "Open Folder of Articles", qt_settings.last_directory()
        )
        if folder:
            self.open_paths([folder])

    def _on_run_started(self) -> None:
        task = self.runner.current_task()
        if task is None or task.articles is None:  # files read, not articles scored again
            self.problems_panel.begin_load()
        from models.article import held_texts

        loaded = self.analyses()
        self._run = _RunIntake(
            was_empty=not loaded,
            known=held_texts(a.article for a in loaded),
            ids={a.article_id for a in loaded},
            samples_aside=self._samples_aside,
        )
        self._samples_aside = 0
        self.progress_bar.setValue(0)
        self.progress_bar.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self._set_status("Reading files…")

    def _on_progress(self, fraction: float) -> None:
        self.progress_bar.setValue(round(1000 * fraction))

    def _end_run(self) -> None:
        self.progress_bar.hide()
        self.cancel_button.hide()

    def _take_in(self, analyses: Sequence[ArticleAnalysis]) -> list[ArticleAnalysis]:
        """Add newly analysed articles to the table: duplicates of loaded texts are
        noted as problems, ids made unique, hooks applied; returns those added."""
        from models.article import copy_of_held, stated_outlet

        run = self._run
        new: list[ArticleAnalysis] = []
        for analysis in analyses:
            run.taken.add(id(analysis))
            digest = analysis.article.content_hash
            outlet = stated_outlet(analysis.article)
            if digest and digest in run.known and copy_of_held(outlet, run.known[digest]):
                from models.article import ALREADY_LOADED, ReadError

                run.duplicates += 1
                run.problems.append(
                    ReadError(
                        analysis.article.source or analysis.article_id,
                        f"{ALREADY_LOADED}: the same text is open from another file or an "
                        "earlier load, so it was not added twice.",
                    )
                )
                continue
            if digest:
                run.known.setdefault(digest, set()).add(outlet)
            # Ids are unique within one load; keep them unique across loads too, since
            # charts, the Read view and the CSV files tell articles apart by id.
            from models.article import unique_id

            analysis.article.article_id = unique_id(analysis.article_id, run.ids)
            new.append(analysis)
        for hook in self.analysis_hooks:
            new = hook(new)
        self.table_model.append(new)
        # What is loaded stays for the session: keep the garbage collector from
        # walking these objects again and again (a full collection over 10,000
        # analyses blocks the window for a second); see desktop.qt_app.
        qt_app_freeze_loaded()
        return new

    def _on_analysed(self, analyses: list[ArticleAnalysis]) -> None:
        """A batch of the running analysis, in the result's order: into the table now."""
        run = self._run
        if not run.fitted and self.table_model.rowCount() == 0:
            self._take_in(analyses)
            run.fitted = True
            run.fitted_rows = self._fit_text_columns()
            if self._compare_view is not None:
                self._show_loading_note()
        else:
            self._take_in(analyses)
            self._widen_to_new_rows()
        self._list_run_problems()

    def _widen_to_new_rows(self) -> None:
        """The columns fitted to the first batch (a tenth of a second's analyses: on the
        seeds one or two articles) are widened to the later rows' texts as they come,
        up to FIT_ROWS (longer outlets and dates were cut: "Spanish-lang…", "2023-0…"):
        a batch's rows at a time, not all at the run's end (~10 ms there at 10,000)."""
        run = self._run
        if run.fitted and run.fitted_rows < min(self.table_model.rowCount(), FIT_ROWS):
            run.fitted_rows = self._fit_text_columns(widen_only=True, first_row=run.fitted_rows)

    def _list_run_problems(self) -> None:
        """The running load's problems noted since the last call, into the Load Problems
        panel: batch by batch, not hundreds of rows at the end of a big load."""
        run = self._run
        if run.problems_shown < len(run.problems):
            self.problems_panel.add(run.problems[run.problems_shown:])
            run.problems_shown = len(run.problems)

    def _on_finished(self, corpus: Any) -> None:
        self._end_run()
        run = self._run
        # Streamed runs have taken in every analysis already (a pass over 10,000 ids
        # to learn that is ~3 ms of this thread): what a run delivers only at its end
        # (an analysis on this thread) is taken in here.
        if len(run.taken) < len(corpus.analyses):
            taken = run.taken
            self._take_in([a for a in corpus.analyses if id(a) not in taken])
        self._list_run_problems()
        if not run.fitted:
            self._fit_text_columns()
        else:
            self._widen_to_new_rows()  # rows taken in just now
        if self._rows_at_start:
            self.sample_hint.refresh()  # shown above the table before the rows are fitted
            self._show_rows_at_start()
            self._rows_at_start = False
        self._refresh_compare()  # a big corpus's chart job starts in the next turn
        if run.was_empty and self.table_model.rowCount():
            self.table.selectRow(0)
        # This load's rows of the Load Problems panel, counted as its header counts them.
        analyses = self.analyses()
        parts = [self.loaded_summary(), *problem_counts([*run.problems, *corpus.errors]),
                 *file_name_outlets(analyses)]
        if run.samples_aside:
            parts.insert(0, samples_aside_text(run.samples_aside))
        summary = " · ".join(parts)
        self._set_status(summary, announce=True)
        if corpus.errors:
            self.problems_panel.add(list(corpus.errors))
        if corpus.errors or run.problems:
            self.show_load_problems()
        self.load_finished.emit(summary)

    def show_load_problems(self) -> None:
        """Show the Load Problems panel (non-blocking), as high as its problems need the
        first time (up to six rows). Its room comes first from what the chart can spare,
        then from the table (down to three rows): it took all of it from the table, which
        showed three of six articles with two problems listed and the chart 150 px taller
        than it needed (ux28, finding 10)."""
        if self.problems_dock.isVisible():
            return
        table_before, views_before = self.splitter.sizes()
        spare = self._chart_spare_height()
        self.problems_dock.show()
        if not self._problems_sized:
            self._problems_sized = True
            from PySide6.QtCore import Qt

            self.resizeDocks([self.problems_dock], [self._problems_height()],
                             Qt.Orientation.Vertical)
        self._keep_table_rows(table_before, views_before, spare)
        self._panel_gives_way(views_before - spare)
        self._problems_await_chart = True

    def _chart_shown_with_problems(self, _key: str) -> None:
        """The first chart drawn after the panel opened: its room is measured once laid out."""
        if self._problems_await_chart:
            self._problems_await_chart = False
            QTimer.singleShot(0, self, self._problems_take_chart_room)

    def _problems_take_chart_room(self) -> None:
        """A panel whose list scrolls grows into what the chart drawn after it opened can
        spare above its least readable height (up to six rows), the table's height kept.
        Files dropped with the ones that failed opened the panel before their chart was
        drawn, when nothing was known to spare: at 1280 x 800 it listed two of six
        problems while the chart was drawn 92 px taller than it needed."""
        from PySide6.QtCore import Qt

        if not self.problems_dock.isVisible() or self.problems_dock.isFloating():
            return
        tree = self.problems_panel.tree
        count = tree.topLevelItemCount()
        row = tree.sizeHintForRow(0) if count else 0
        if row <= 0:
            return
        missing = min(count, 6) * row - tree.viewport().height()
        spare = self._chart_spare_height()
        grow = min(missing, spare)
        if grow <= 0:
            return
        table_pane = self.splitter.sizes()[0]
        self.resizeDocks([self.problems_dock], [self.problems_dock.height() + grow],
                         Qt.Orientation.Vertical)
        layout = self.layout()
        if layout is not None:
            layout.activate()
        total = sum(self.splitter.sizes())
        self.splitter.setSizes([min(table_pane, total), max(0, total - table_pane)])

    def _problems_height(self) -> int:
        """The panel's height that lists its problems, one row each (up to six), without
        scrolling, measured on its rows now that they are styled; its list's least height
        becomes two such rows (a guess from the font left a blank strip below them)."""
        rows = min(max(len(self.problems_panel.problems()), 2), 6)
        tree = self.problems_panel.tree
        row = tree.sizeHintForRow(0) if tree.topLevelItemCount() else -1
        if row <= 0:
            row = tree.fontMetrics().height() + 4
        around = self.problems_dock.minimumSizeHint().height() - tree.minimumHeight()
        listed = tree.header().sizeHint().height() + 2 * tree.frameWidth()
        tree.setMinimumHeight(listed + 2 * row)
        return around + listed + rows * row

    def _chart_spare_height(self) -> int:
        """How much lower the Compare view's chart can be drawn with all of it in view:
        its scroll area's height above the chart's least readable height. Nothing before
        a chart is drawn (its least height is not known yet)."""
        view = self._compare_view
        if view is None or view.canvas.minimumHeight() <= 0:
            return 0
        # The chart shown when the panel opens: the one for the articles just loaded is
        # drawn later, and may need more or less room than this one.
        return max(0, int(view.scroll_area.viewport().height() - view.canvas.minimumHeight()))

    def _keep_table_rows(self, table_before: int, views_before: int, spare: int) -> None:
        """The room the panel took, out of the views as far as the chart can ``spare`` it,
        the rest out of the table (down to three rows); then from the views again. The
        panel took it all from the table (ux10 kept the chart whole; the table kept three
        rows), while the chart was drawn 150 px taller than it needed (ux28)."""
        layout = self.layout()
        if layout is not None:
            layout.activate()  # the splitter's new height, now
        table_pane, views = self.splitter.sizes()
        total = table_pane + views
        lost = table_before + views_before - total
        if lost <= 0:
            return
        views_wanted = views_before - min(lost, spare)
        floor = table_pane - self.table.viewport().height() \
            + 3 * self.table.verticalHeader().defaultSectionSize()
        table_wanted = max(total - views_wanted, min(floor, table_before))
        table_wanted = min(table_wanted, total - self.tabs.minimumSizeHint().height())
        if table_wanted != table_pane:
            self.splitter.setSizes([table_wanted, total - table_wanted])

    def _panel_gives_way(self, views_height: int) -> None:
        """A panel of several problems is as high as the room the table (three rows) and the
        views (their height before) leave it, down to its own minimum; its list scrolls.
        Three unreadable files made it seven rows high, and the table showed one article
        of six, or the chart's axis went below the fold (ux21, session 21)."""
        from PySide6.QtCore import Qt

        layout = self.layout()
        if layout is not None:
            layout.activate()
        table_pane, views = self.splitter.sizes()
        rows = 3 * self.table.verticalHeader().defaultSectionSize()
        table_short = max(0, rows - self.table.viewport().height())
        views_short = max(0, views_height - views)
        if not table_short and not views_short:
            return
        dock = self.problems_dock.height()
        target = max(self.problems_dock.minimumSizeHint().height(),
                     dock - table_short - views_short)
        if target >= dock:
            return
        self.resizeDocks([self.problems_dock], [target], Qt.Orientation.Vertical)
        if layout is not None:
            layout.activate()
        # The room the panel gave back: the table's rows first, then the views.
        table_pane, views = self.splitter.sizes()
        floor = table_pane - self.table.viewport().height() + rows
        table_wanted = max(floor, table_pane + views - max(views_height, 0))
        table_wanted = min(table_wanted, table_pane + views)
        self.splitter.setSizes([table_wanted, table_pane + views - table_wanted])

    def _views_after_stopped_run(self) -> None:
        """A run cancelled or failed: the articles it added stay in the table, and the
        Compare view shows them, not the loading note (which stayed up before)."""
        view = self._compare_view
        if view is not None and (self._run.taken or view.note() == LOADING_NOTE):
            self._refresh_compare()

    def _on_failed(self, message: str) -> None:
        self._end_run()
        self._views_after_stopped_run()
        self._set_status(self.loaded_summary() + " · the last load failed", announce=True)
        first_line = message.splitlines()[0] if message else "Unknown error"
        import logging

        logging.getLogger("framescope").error("The load failed: %s", message)
        from desktop.qt_problem_details import diagnostics_log

        show_error(
            self,
            "Analysis failed",
            f"The files could not be analysed: {first_line}\n\n"
            f"Articles already loaded are kept. The details are in the diagnostics log, "
            f"{diagnostics_log()} (Help ▸ Open Diagnostics Log Folder): please report the "
            "fault with them.",
            message,
        )

    def _on_cancelled(self) -> None:
        self._end_run()
        self._views_after_stopped_run()
        self._set_status(self.loaded_summary() + " · analysis cancelled", announce=True)

    # --- table and views ---------------------------------------------------

    def table_dictionary_columns(self, measures: Sequence[Any]) -> None:
        """Columns for the custom dictionaries' measures, after the built-in ones."""
        from desktop.qt_table_model import Column

        self.table_model.set_extra_columns(
            [Column(m.key, m.label, "rate", measure_tooltip(m.label, m.unit, m.definition))
             for m in measures]
        )
        for i in range(len(COLUMNS), self.table_model.columnCount()):
            self.table.resizeColumnToContents(i)

    def read_view_dictionaries(self, dictionaries: Sequence[Any]) -> None:
        """Highlight the custom dictionaries' words in the Read view (a chip each)."""
        self._read_dictionaries = list(dictionaries)
        if self._read_view is not None:  # otherwise it gets them when it is built
            self._read_view.set_dictionaries(dictionaries)
            self._read_view.show_analysis(self._analysis_at(self.table.currentIndex()))

    def outlets_loaded(self) -> list[str]:
        """Every outlet loaded, excluded articles' too, in the colour order the window keeps
        (desktop.outlet_order.keep_outlet_order): the charts (on screen and in the report)
        colour an outlet by its place in it, so excluding one or loading a new one leaves
        the others' colours as they were."""
        from desktop.outlet_order import keep_outlet_order

        self._outlet_order = keep_outlet_order(
            self._outlet_order, {a.outlet for a in self.table_model.analyses()})
        return list(self._outlet_order)

    def set_outlet_order(self, order: Sequence[str]) -> None:
        """Start from this colour order (a project's, or none for a new study); outlets
        loaded are placed by it when they next come in."""
        self._outlet_order = list(order)

    def included_analyses(self) -> list[ArticleAnalysis]:
        """The analyses the user has not excluded: what charts and exports show."""
        return self.table_model.included_analyses()

    def _views_still_imported(self) -> bool:
        """The Compare or Claims view is not built yet and their modules are still being
        imported on the import thread."""
        return ((self._compare_view is None or self._claims_view is None)
                and self._views_import is not None and self._views_import.is_alive())

    def _refresh_compare(self) -> None:
        if self._closed:
            return  # the views' work was stopped with the window: none is started now
        if self._views_still_imported():
            # The views' timer builds them once the import has ended, with what is loaded
            # then (_build_views). Built here, they joined the import first: a load of a few
            # files ending before it held the GUI thread for the rest of the import (2.2 s
            # once at load 11, bench/first_use_join.py, session 17).
            self.analyses_changed.emit()
            return
        included = self.included_analyses()  # once: a pass over every row
        self.compare_view.set_analyses(included, outlets_loaded=self.outlets_loaded())
        self.claims_view.set_analyses(included)
        self.analyses_changed.emit()

    def show_mention(self, mention: Any) -> bool:
        """Open a claim's sentence (a models.claims.ClaimMention) highlighted in the Read view."""
        analysis = next((a for a in self.analyses() if a.article_id == mention.article_id), None)
        if analysis is None:
            return False
        self.read_view.show_analysis(analysis)
        self.tabs.setCurrentIndex(READ_TAB)
        return self.read_view.highlight_sentence(mention.sentence_index)

    def toggle_excluded(self) -> None:
        """Exclude the selected articles, or include them again if all are excluded."""
        rows = self.selected_source_rows()
        if not rows:
            return
        exclude = not all(self.table_model.is_excluded(r) for r in rows)
        from desktop.qt_undo import ChangeExclusion

        self.removals.push(ChangeExclusion(self, rows, exclude))  # Edit > Undo takes it back

    def _push_outlet_edit(self, renames: dict[str, str]) -> None:
        """An outlet typed in the table (article id -> outlet name, for each article it
        renames), as a step Edit > Undo takes back."""
        from desktop.qt_undo import EditOutlet

        self.removals.push(EditOutlet(self, renames))

    def _on_outlet_edited(self) -> None:
        # Only the grouping changed: re-aggregate, never re-analyse.
        self._refresh_compare()
        self._set_status(self.loaded_summary())

    def _analysis_at(self, proxy_index: QModelIndex) -> ArticleAnalysis | None:
        if not proxy_index.isValid():
            return None
        from desktop.qt_table_model import ANALYSIS_ROLE
        from models.features import ArticleAnalysis  # loaded with the first analysis

        value = proxy_index.siblingAtColumn(0).data(ANALYSIS_ROLE)
        return value if isinstance(value, ArticleAnalysis) else None

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        # A Read view not built yet shows the current row when it is built.
        if self._read_view is not None:
            self._read_view.show_analysis(self._analysis_at(current))

    def _on_selection_changed(self, *_: QItemSelection) -> None:
        self._update_actions()

    def _on_activated(self, index: QModelIndex) -> None:
        """Enter or a double-click on a row reads its article; on a number, the Read view
        also names the sentences behind that number and scrolls to the first (a keyboard
        user had no way to them: only a click on a chart's bar listed them)."""
        analysis = self._analysis_at(index)
        if analysis is not None:
            self.read_view.show_analysis(analysis)
            self.tabs.setCurrentIndex(READ_TAB)
            column = self.proxy.mapToSource(index).column()
            columns = self.table_model.shown_columns()
            if 0 <= column < len(columns) and columns[column].kind != "text":
                self.read_view.show_measure(
                    columns[column].key, columns[column].header, str(index.data() or ""))

    def open_sentence(self, article_id: str, sentence_index: int) -> bool:
        """Select the article in the table and show it in Read, scrolled to the sentence."""
        # Rows as the table is sorted now (analyses() is in load order).
        for row, analysis in enumerate(self.table_model.analyses_in_rows()):
            if analysis.article_id != article_id:
                continue
            proxy_index = self.proxy.mapFromSource(self.table_model.index(row, 0))
            if proxy_index.isValid():
                self.table.setCurrentIndex(proxy_index)  # the Read view follows the table
            else:
                # Filtered out of the table: no other article stays current and selected
                # there (Delete, Exclude and a cleared filter acted on it, not on the one
                # she reads).
                self.table.selectionModel().clear()
            if self.read_view.analysis() is not analysis:
                self.read_view.show_analysis(analysis)  # filtered out of the table
            self.tabs.setCurrentIndex(READ_TAB)
            return self.read_view.scroll_to_sentence(sentence_index)
        return False

    def selected_source_rows(self) -> list[int]:
        rows = self.table.selectionModel().selectedRows()
        return sorted({self.proxy.mapToSource(i).row() for i in rows})

    def remove_selected(self) -> None:
        """Del, File > Remove Selected Articles: at once, and Edit > Undo brings them back."""
        self.removals.remove(self.selected_source_rows())

    def _clear_all_asked(self) -> None:
        """File > Clear All: unsaved changes (outlet edits, exclusions, the articles
        themselves) are offered to be saved first, as New Project does; Cancel keeps all.
        Then every article is removed as Remove does, undoably: Edit > Undo brings them
        all back, with their outlet edits and exclusions (ux22, session 22: a saved study
        cleared by mistake could not be brought back). The Load Problems list is emptied
        (its rows were about the loads that brought the articles) and not brought back."""
        if self.project.confirm_discard():
            self.removals.remove(range(self.table_model.rowCount()), "Clear All")
            self.problems_panel.clear()

    def clear_all(self) -> None:
        """Every article goes, and with them the Load Problems list: its rows were about the
        loads that brought them (ux16's review, session 16, finding 10: after Clear All it
        still named the bad files of the earlier load). Clear All has no undo (it asks to
        save first), so nothing would bring the rows back with the articles."""
        self.table_model.set_analyses([])
        self.problems_panel.clear()
        self._after_removal()

    def score_block_as_body(self, article_id: str, index: int) -> bool:
        """Score block ``index`` of an article, which the reader set aside (a lede taken
        for a standfirst), as body text: the Read view's context menu. The article is
        analysed again here, with the lexicon and dictionaries in use (2-4 ms for a seed), and
        the change can be undone (Edit > Undo). False if it was not made."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication

        from desktop.qt_undo import ScoreAsBody
        from models.features import analyze_article
        from models.segment import role_label, scorable_blocks, with_block_as_body

        old = next((a for a in self.analyses() if a.article_id == article_id), None)
        if old is None or index not in scorable_blocks(old.article):
            return False
        if self.project.rescore_runner.is_running():
            self._set_status("The articles are being scored again: try once that has ended",
                             announce=True)
            return False
        what = role_label(old.article.blocks[index].role)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            new = analyze_article(with_block_as_body(old.article, index), self.project.finder())
            for hook in self.analysis_hooks:
                (new,) = hook([new])
        finally:
            QApplication.restoreOverrideCursor()
        self.removals.push(ScoreAsBody(self, old, new, what))
        return True

    def _after_edit(self) -> None:
        """One article analysed again (desktop.qt_undo.ScoreAsBody): the views show it,
        the Read view where it was."""
        view = self._read_view
        bar = view.text_edit().verticalScrollBar() if view is not None else None
        scroll = bar.value() if bar is not None else 0
        self._after_removal()
        if bar is not None:
            bar.setValue(scroll)

    def _after_removal(self) -> None:
        self._refresh_compare()
        if self._read_view is not None:
            self._read_view.show_analysis(self._analysis_at(self.table.currentIndex()))
        self._update_actions()
        self._set_status(self.loaded_summary())

    # --- export -------------------------------------------------------------

    def _save_path(self, title: str, name: str, filters: Sequence[str]) -> tuple[Path, str] | None:
        from PySide6.QtWidgets import QFileDialog

        start = str(Path(qt_settings.last_directory()) / name)
        path, selected = QFileDialog.getSaveFileName(self, title, start, ";;".join(filters))
        if not path:
            return None
        return Path(path), selected

    def _report_save_error(self, path: Path, exc: Exception) -> None:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        show_error(
            self,
            "Could not save",
            f"Could not save {path}:\n{reason}\n\nNothing was lost; choose another place "
            "or name and try again.",
        )

    def export_chart_dialog(self) -> None:
        from desktop.charts import EXPORT_FORMATS
        from desktop.export_names import readable_file_name

        formats = [f for f in EXPORT_FORMATS if f in _FORMAT_FILTERS]
        chosen = self._save_path(
            "Export Chart",
            # Named by its measure too: the same name for every measure's chart made her
            # replace the first (ux19's walkthrough, session 19); in the words she sees,
            # not the keys the command line names its files by (ux25).
            f"{readable_file_name(self.compare_view.export_title())}.{formats[0]}",
            [_FORMAT_FILTERS[f] for f in formats],
        )
        if chosen is None:
            return
        path, selected = chosen
        suffix = path.suffix.lower().lstrip(".")
        fmt = next((f for f in formats if _FORMAT_FILTERS[f] == selected), formats[0])
        if suffix in OTHER_FILE_FORMATS:
            # A format she named that Framescope does not write: said, and the selected
            # filter's format offered under the same name (it wrote "chart.jpg.png" unasked:
            # ux16's review, session 16, finding 7).
            instead = path.with_suffix(f".{fmt}")
            if not ask_other_format(self, path, instead, formats):
                return
            path = instead
        elif suffix not in formats:
            # No suffix typed (or a dot in the name, "Reuters vs. AP"): the filter decides.
            path = path.with_name(f"{path.name}.{fmt}")
        self.start_export_chart(path)

    def start_export_chart(self, path: Path) -> None:
        """What :meth:`export_chart` does, drawn and written on a thread (the window goes on
        answering meanwhile: a chart at 200 dpi is up to seconds of drawing); the status
        bar says when it is saved, an error dialog why not; then ``chart_exported``."""

        def saved(outcome: ExportOutcome) -> str:
            assert outcome.data is not None and outcome.codebook is not None
            return (f"Saved {path.name}, its data {outcome.data.name} and its codebook, "
                    f"{outcome.codebook.name}")

        self._watch_export(path, self.compare_view.start_export, saved, self.chart_exported)

    def _watch_export(self, path: Path, start: Callable[[Path], Any],
                      saved: Callable[[ExportOutcome], str], ended_signal: Any) -> None:
        """Start an export of the current chart to ``path`` on a thread (``start``: one of
        the Compare view's start_export…) and follow it: "Saving…" in the status bar, then
        ``saved(outcome)`` there, or an error dialog why not; ``ended_signal`` (path, error)
        either way."""
        try:
            job = start(path)
        except (OSError, ValueError) as exc:
            self._report_save_error(path, exc)
            ended_signal.emit(path, str(exc))
            return
        self.statusBar().showMessage(f"Saving {path.name}…")

        def ended(outcome: ExportOutcome | str) -> None:
            from desktop.qt_compare_view import ExportOutcome

            error = outcome if isinstance(outcome, str) else outcome.error
            if error:
                self.statusBar().clearMessage()
                self._report_save_error(path, RuntimeError(error.split("\n", 1)[0]))
            else:
                assert isinstance(outcome, ExportOutcome)
                qt_settings.remember_directory(path)
                self.tell(saved(outcome), 5000)
            ended_signal.emit(path, error)

        job.done.connect(ended)
        job.failed.connect(ended)

    def export_chart(self, path: Path) -> bool:
        """Save the current chart (the suffix of ``path`` decides the format) and the
        numbers behind it as CSV beside it (same name, ``.csv``; another name rather than
        replace a CSV that is not an earlier export: desktop.export_names)."""
        from desktop.export_names import write_chart_data_beside

        try:
            self.compare_view.export_figure(path)
            data = write_chart_data_beside(path, self.compare_view.export_data)
            codebook = self.compare_view.export_codebook(data)
        except (OSError, ValueError) as exc:
            self._report_save_error(path, exc)
            return False
        qt_settings.remember_directory(path)
        self.tell(f"Saved {path.name}, its data {data.name} and its codebook, {codebook.name}",
                  5000)
        return True

    def copy_chart(self) -> None:
        """Put the current chart on the clipboard as an image (export size, 150 dpi), drawn
        on a thread: the window goes on answering meanwhile (a 30-outlet chart at export
        size is up to a second of drawing); the status bar says when it is there, or why
        not; then ``chart_copied``."""
        from PySide6.QtGui import QGuiApplication, QImage

        try:
            job = self.compare_view.start_copy()
        except ValueError as exc:
            self._copy_ended(str(exc))
            return
        self.statusBar().showMessage("Copying the chart…")

        def done(image: QImage) -> None:
            if image.isNull():
                self._copy_ended("the chart could not be drawn as an image")
                return
            QGuiApplication.clipboard().setImage(image)
            self._copy_ended("")

        job.done.connect(done)
        job.failed.connect(lambda error: self._copy_ended(error.split("\n", 1)[0]))

    def _copy_ended(self, error: str) -> None:
        if error:
            self.tell(f"Could not copy the chart: {error}", 10000, error=True)
        else:
            self.tell("Chart copied to the clipboard", 5000)
        self.chart_copied.emit(error)

    def export_chart_data_dialog(self) -> None:
        from desktop.export_names import readable_file_name

        chosen = self._save_path(
            "Export Chart Data",
            f"{readable_file_name(self.compare_view.export_title())}.csv",
            [_CSV_FILTER],
        )
        if chosen is None:
            return
        path = chosen[0] if chosen[0].suffix else chosen[0].with_suffix(".csv")
        self.start_export_chart_data(path)

    def start_export_chart_data(self, path: Path) -> None:
        """The numbers behind the current chart written to ``path`` (CSV) on a thread, once
        the chart is there (the window goes on answering while a chart of 10,000 articles
        is computed); the status bar says when it is saved, an error dialog why not; then
        ``chart_data_exported``."""
        def saved(outcome: ExportOutcome) -> str:
            assert outcome.codebook is not None
            return f"Saved {path.name} and its codebook, {outcome.codebook.name}"

        self._watch_export(path, self.compare_view.start_export_data, saved,
                           self.chart_data_exported)

    def export_table_dialog(self) -> None:
        chosen = self._save_path("Export Table", "scores.csv", [_CSV_FILTER, _XLSX_FILTER])
        if chosen is None:
            return
        path, selected = chosen
        if path.suffix.lower() not in (".csv", ".xlsx"):
            path = path.with_name(path.name + (".xlsx" if selected == _XLSX_FILTER else ".csv"))
        self.export_table(path)

    def export_table(self, path: Path) -> bool:
        """Write ``scores.csv`` (the public contract) and its codebook beside it ("scores
        (codebook).csv": each column's label in the app, unit, definition and citation)
        or, for ``.xlsx``, a workbook with the same columns and the codebook as a sheet,
        with the user's outlet corrections; excluded articles left out."""
        from desktop.export_names import codebook_path_for, write_codebook_beside
        from models.export import write_codebook_csv, write_scores_csv

        analyses = self.included_analyses()
        saved = path.name
        try:
            if path.suffix.lower() == ".xlsx":
                from models.export_xlsx import write_scores_xlsx

                write_scores_xlsx(path, analyses)
            else:
                write_scores_csv(path, analyses)
        except OSError as exc:
            self._report_save_error(path, exc)
            return False
        if path.suffix.lower() != ".xlsx":
            try:
                codebook = write_codebook_beside(
                    path, lambda part: write_codebook_csv(part, analyses))
                saved = f"{path.name} and its codebook, {codebook.name}"
            except OSError as exc:  # the table is saved: the error names the codebook
                self._report_save_error(codebook_path_for(path), exc)
                saved = f"{path.name}, not its codebook"
        qt_settings.remember_directory(path)
        self.tell(f"Saved {saved}", 5000)
        return True

    # --- help ---------------------------------------------------------------

    def show_methods(self) -> None:
        """The Methods window, at the measure the user is looking at
        (:meth:`measure_in_view`), or where it was left when there is none."""
        from desktop.qt_methods import MethodsDialog

        # One Methods window, kept and raised again (not one per F1).
        if self._methods_dialog is None:
            self._methods_dialog = MethodsDialog(self)
        self._methods_dialog.show()
        self._methods_dialog.raise_()
        self._methods_dialog.activateWindow()
        key = self.methods_anchor_in_view()
        if key:
            self._methods_dialog.show_measure(key)

    def methods_anchor_in_view(self) -> str:
        """Where the Methods window opens: the measure in view (:meth:`measure_in_view`);
        on a chart of no one measure, the chart's own section (the similarity chart's
        measure, or how to read the chart); "" for the top. F1 on the similarity or
        sources chart opened the page at its top (s28-methods' finding)."""
        key = self.measure_in_view()
        if key or self._compare_view is None or self.tabs.currentWidget() is not self._compare_view:
            return key
        from desktop.charts import chart_kind
        from models.measures import ARTICLE_SIMILARITY

        chart = self._compare_view.current_key()
        if chart_kind(chart).needs_measure:
            return ""
        return ARTICLE_SIMILARITY.key if chart == ARTICLE_SIMILARITY.key else f"chart-{chart}"

    def measure_in_view(self) -> str:
        """The measure the user is looking at: the table's current column's when the table
        has the focus, else the measure of the chart the Compare tab shows; "" if none.
        The tooltips say "(more: Help ▸ Methods)", and the Methods window opened at its
        top, 20 measures and their rules away from the one asked about (ux20)."""
        if self.table.hasFocus() and self.table.currentIndex().isValid():
            columns = self.table_model.shown_columns()
            column = self.table.currentIndex().column()
            if 0 <= column < len(columns) and columns[column].kind != "text":
                return columns[column].key
        if self._compare_view is not None and self.tabs.currentWidget() is self._compare_view:
            from desktop.charts import chart_kind

            view = self._compare_view
            if chart_kind(view.current_key()).needs_measure:
                return view.current_measure()
        return ""

    def open_log_folder(self) -> None:
        """Help ▸ Open Diagnostics Log Folder (desktop.qt_problem_details)."""
        from desktop.qt_problem_details import open_log_folder

        open_log_folder(self)

    def show_about(self) -> None:
        from desktop.qt_methods import show_about

        show_about(self)

    def _show_caret_cue(self, text: str) -> None:
        """The cue at the Read text's caret in the status bar, while the caret is on it
        (a keyboard user's way to the hover tooltip's words, ux27)."""
        bar = self.statusBar()
        if text:
            bar.showMessage(text)
        elif bar.currentMessage() == self._caret_cue_shown:
            bar.clearMessage()  # not another message shown since
        self._caret_cue_shown = text

    # --- drag and drop ------------------------------------------------------

    def _show_drop_hint(self, text: str) -> None:
        if text:
            self.statusBar().showMessage(text)
        else:
            self.statusBar().clearMessage()

    def _drops(self) -> DropTarget:
        self.build_rest()
        assert self._drop_target is not None
        return self._drop_target

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self._drops().drag_enter(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self._drops().drag_move(event)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._drops().drag_leave()

    def dropEvent(self, event: QDropEvent) -> None:
        self._drops().drop(event)

    # --- closing ------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closed:  # closed already: nothing is asked or waited for a second time
            super().closeEvent(event)
            return
        if not self._built:  # closed before its first paint was done: nothing loaded yet
            self._stop_building_views()
            if not self._end_views_import(CLOSE_WAIT_MS / 1000):
                self.left_running = [VIEWS_IMPORT]
            self._save_state()
            super().closeEvent(event)
            return
        if self.project.is_asking():
            # A close while the Save/Discard box is open (a second one: sent to the window
            # again): that box answers it, no box opens inside it (ProjectController).
            self.project.hold_close()
            event.ignore()
            return
        if self.ending is not None or self.project.answered_for_session_end():
            # Nobody to answer (or answered already when the desktop session ended):
            # unsaved work is autosaved for the next start instead.
            from desktop.qt_project import SESSION_END

            self.project.end_from_outside(self.ending or SESSION_END)
        # Unsaved changes: Save, Discard or Cancel (which keeps the window open).
        elif not self.project.confirm_close():
            event.ignore()
            return
        late = self.project.shutdown()
        # Views not built yet are not built now: the views' timer, still running, built
        # them in the event loop's last turns after this close (a load under way when the
        # window closed, before the views' import had ended) and the Claims view started
        # a task nobody had stopped, still running as the interpreter ended: CI saw its
        # "Signal source has been deleted" (session 13, ci30).
        self._stop_building_views()
        # Stop the worker before the window (and the objects it reports to) go away.
        # Every wait is bounded: what still runs after it is said, never ignored.
        if not self.runner.shutdown(CLOSE_WAIT_MS):
            late.append("the analysis")
        if self._claims_view is not None and not self._claims_view.shutdown(CLOSE_WAIT_MS):
            late.append("finding claims")
        if not self._end_views_import(CLOSE_WAIT_MS / 1000):
            late.append(VIEWS_IMPORT)
        if late:
            from desktop.qt_chart_job import report_problem

            report_problem(self, f"Closed without waiting longer for {'; '.join(late)}: "
                                 "Framescope ends without it; nothing you saved is affected.")
        if self._compare_view is not None:
            # Its chart job stopped, a drawing on a thread ended (it says itself what not).
            late += self._compare_view.shutdown()
        self.left_running = late
        self._save_state()
        super().closeEvent(event)

    #: How many times ending from outside waits for a box or dialog to close (10 ms apart).
    ENDING_TRIES = 200

    def end_from_outside(self, reason: str) -> None:
        """End the app as a clean quit without asking anything: ``reason`` (a stop signal,
        the session's end: desktop.qt_ending) says who ended it. A box or dialog still open
        is closed unanswered (as Cancel: nothing is lost, since unsaved work is then
        autosaved and offered at the next start: ProjectController.end_from_outside); then
        the window closes as File ▸ Quit closes it (every wait bounded) and the event loop
        ends."""
        import logging

        from PySide6.QtWidgets import QApplication, QDialog

        if self.ending is None:
            self.ending = reason
            self._ending_tries = 0
            logging.getLogger("framescope").warning("Ending: Framescope was ended by %s.", reason)
        modal = QApplication.activeModalWidget()
        project = getattr(self, "project", None)  # made after the first paint (build_rest)
        asking = project is not None and project.is_asking()
        if (modal is not None or asking) and self._ending_tries < self.ENDING_TRIES:
            # Its own event loop returns first (the code that opened it goes on as after
            # Cancel); the end is tried again from the outer loop.
            if isinstance(modal, QDialog):
                modal.reject()
            elif modal is not None:
                modal.close()
            self._ending_tries += 1
            QTimer.singleShot(10, self, partial(self.end_from_outside, reason))
            return
        self.close()
        QApplication.quit()

    def _stop_building_views(self) -> None:
        self._closed = True
        if self._views_timer is not None:
            self._views_timer.stop()

    def _end_views_import(self, timeout: float | None = None) -> bool:
        """Wait for the views' import if it still runs: before a view is built on the GUI
        thread (a load of a few files ends before the import; building the Claims view
        while the import thread made PySide's types crashed in libshiboken, ci40, session
        15; the thread now makes none: VIEWS_QT_FREE_MODULES), and when a window closes in its first seconds (the interpreter ending a
        thread inside an extension module's C++ code aborts the process: 'terminate called
        without an active exception').

        ``timeout`` (s): at close, whose wait is bounded (the app then ends its process
        without the thread: MainWindow.left_running); False if the import still runs.
        A view is built only after the import, however long it takes: built during it,
        it could crash, and the import cannot wait on this thread (it imports modules,
        which take no lock this thread holds while it asks for a view), so it ends."""
        if self._views_import is None:
            return True
        self._views_import.join(timeout)
        self._views_import_resume()  # collection, if the thread has ended
        return not self._views_import.is_alive()
