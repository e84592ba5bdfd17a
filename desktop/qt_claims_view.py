"""The Claims view: which outlets carry each claim and how certain they make it.

A table over :class:`models.claims.ClaimAlignment` (claims × outlets, cells
coloured by certainty, omissions hatched grey), a threshold control, and a
click on a cell that asks the window to show that sentence in the Read view.
Alignment runs on a worker thread: preparing the sentences once per set of
articles, then re-aligning at each threshold the user picks.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.charts.claims_matrix import (
    CERTAINTY_COLOURS,
    cell_text,
    claim_text,
    mention_lines,
    outlet_level,
)
from desktop.charts.style import MISSING_FILL, outlet_label, relative_luminance
from desktop.contrast import muted_on
from models.claims import (
    DEFAULT_THRESHOLD,
    MAX_THRESHOLD,
    MIN_THRESHOLD,
    Claim,
    ClaimAlignment,
    ClaimMention,
    PreparedClaims,
)
from models.features import ArticleAnalysis

#: The claim (sentence objects) behind a cell: a list of ClaimMention (empty: omitted).
MENTIONS_ROLE = Qt.ItemDataRole.UserRole + 1
#: The Claim of a row.
CLAIM_ROLE = Qt.ItemDataRole.UserRole + 2
#: What a column sorts by: the claim id, or the certainty's place on the scale.
SORT_ROLE = Qt.ItemDataRole.UserRole + 3
LABEL_COLUMN = 0
THRESHOLD_DEBOUNCE_MS = 250
# Past this many articles claims are aligned only when the user asks: alignment
# grows about linearly but costs minutes and gigabytes at 10,000 articles, and it
# would run after every load whether or not anyone opens the Claims tab.
AUTO_ALIGN_MAX_ARTICLES = 400
_PosIndex = QModelIndex | QPersistentModelIndex


def _text_colour(background: str) -> str:
    colour = QColor(background)
    dark = relative_luminance((colour.redF(), colour.greenF(), colour.blueF())) < 0.25
    return "white" if dark else "black"


def legend_html() -> str:
    """The certainty colours as a row of labelled swatches."""
    chips = [
        f"<span style='background:{colour}; color:{_text_colour(colour)};'>"
        f"&nbsp;{level}&nbsp;</span>"
        for level, colour in CERTAINTY_COLOURS.items()
    ]
    # Its text colour too: the palette's, white under a dark theme, was lost on the grey.
    chips.append(f"<span style='background:{MISSING_FILL}; color:{_text_colour(MISSING_FILL)};'>"
                 "&nbsp;— not carried&nbsp;</span>")
    return " ".join(chips)


def legend_tooltip() -> str:
    """What each certainty colour of the legend means, in the words of the Methods text
    (models.measures.CERTAINTY_DEFINITIONS, each up to its first stop): the legend's
    "epistemic" and "evidential" said nothing to a first-time user (ux27)."""
    from models.measures import CERTAINTY_DEFINITIONS

    lines = ["How certain each outlet makes the claim, in its sentence most like it:"]
    for level in CERTAINTY_COLOURS:
        definition = CERTAINTY_DEFINITIONS[level]
        lead = re.split(r"; |\. ", definition, maxsplit=1)[0].rstrip(".")
        lines.append(f"• {level}: {lead}.")
    lines.append("• — not carried: none of the outlet's articles states the claim "
                 "(an omission).")
    lines.append("(more: Help ▸ Methods, F1)")
    return "\n".join(lines)


#: What the claim column is, on its header: "most central" said nothing to a
#: first-time user (ux27).
CLAIM_HEADER_TIP = (
    "Each row is one claim: sentences of two or more articles that state the same "
    "thing (alike at least as much as the similarity threshold). Shown: the one most "
    "like the others. Each outlet's cell: how certain its article makes the claim.")

#: With many outlets, the claim's column keeps this many characters' width.
CLAIM_CHARS = 52


class ClaimsTableModel(QAbstractTableModel):
    """Rows: claims, most widely carried first. Column 0: the claim; then one per outlet."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._alignment: ClaimAlignment | None = None
        self._claims: list[Claim] = []
        self._outlets: list[str] = []

    def set_alignment(self, alignment: ClaimAlignment | None) -> None:
        self.beginResetModel()
        self._alignment = alignment
        self._claims = list(alignment.claims) if alignment is not None else []
        self._outlets = list(alignment.outlets) if alignment is not None else []
        self.endResetModel()

    def alignment(self) -> ClaimAlignment | None:
        return self._alignment

    def outlets(self) -> list[str]:
        return list(self._outlets)

    def rowCount(self, parent: _PosIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._claims)

    def columnCount(self, parent: _PosIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(self._outlets)

    def mentions(self, row: int, column: int) -> list[ClaimMention]:
        """The articles' representative mentions of claim ``row`` in outlet ``column``."""
        if not (0 <= row < len(self._claims)) or not (1 <= column <= len(self._outlets)):
            return []
        outlet = self._outlets[column - 1]
        return [m for m in self._claims[row].mentions if m.outlet == outlet and m.representative]

    def data(self, index: _PosIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._claims):
            return None
        claim = self._claims[index.row()]
        column = index.column()
        if column == LABEL_COLUMN:
            if role == Qt.ItemDataRole.DisplayRole:
                # The row's header says "C3" beside it (the charts' labels carry the id).
                return claim_text(claim, 140)
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"C{claim.claim_id}: {claim.label}\nCarried by {len(claim.outlets)} " \
                       f"of {len(self._outlets)} outlets"
            if role == CLAIM_ROLE:
                return claim
            if role == MENTIONS_ROLE:
                return [m for m in claim.mentions if m.representative]
            if role == SORT_ROLE:
                return claim.claim_id
            return None
        mentions = self.mentions(index.row(), column)
        level = outlet_level(mentions)
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(mentions).replace("\n", " ") if level else "—"
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(CERTAINTY_COLOURS[level] if level else MISSING_FILL))
        if role == Qt.ItemDataRole.ForegroundRole:
            if level is None:
                return QBrush(QColor("#555555"))
            return QBrush(QColor(_text_colour(CERTAINTY_COLOURS[level])))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            outlet = outlet_label(self._outlets[column - 1])
            if not mentions:
                return f"{outlet} does not carry C{claim.claim_id}"
            return "\n".join([f"{outlet} · C{claim.claim_id}", *mention_lines(mentions),
                              "Click to read the sentence in its article."])
        if role == MENTIONS_ROLE:
            return mentions
        if role == CLAIM_ROLE:
            return claim
        if role == SORT_ROLE:
            from models.claims import CERTAINTY_LEVELS

            return CERTAINTY_LEVELS.index(level) if level else len(CERTAINTY_LEVELS)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal
                and section == LABEL_COLUMN):
            return CLAIM_HEADER_TIP
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if section == LABEL_COLUMN:
                return "Claim (its most central sentence)"
            if 1 <= section <= len(self._outlets):
                return outlet_label(self._outlets[section - 1])
            return None
        if 0 <= section < len(self._claims):
            return f"C{self._claims[section].claim_id}"
        return None

    def flags(self, index: _PosIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class _Signals(QObject):
    finished = Signal(object)  # (serial, PreparedClaims, ClaimAlignment, seconds)
    failed = Signal(int, str)
    cancelled = Signal(int)


class _Flag:
    """A Progress that only answers whether the task was cancelled."""

    def __init__(self, event: threading.Event) -> None:
        self._event = event

    def set_progress(self, fraction: float) -> None:
        pass

    def set_status(self, text: str) -> None:
        pass

    def is_cancelled(self) -> bool:
        return self._event.is_set()


#: A corpus's claims preparation as the view keeps it: the object, or (from a forked
#: child) pickled, to be read where it is next used. Unpickled on the window's thread,
#: 300 articles' preparation held it for 120-250 ms of CPU (bench/claims_window.py);
#: the alignment alone, which the view shows, takes a few milliseconds.
Preparation = PreparedClaims | bytes


def _unpacked(prepared: Preparation | None,
              analyses: Sequence[ArticleAnalysis]) -> PreparedClaims | None:
    if isinstance(prepared, bytes):
        from desktop.qt_chart_job import loads_chart

        unpacked: PreparedClaims = loads_chart(prepared, analyses)
        return unpacked
    return prepared


class AlignTask(QRunnable):
    """Prepares (when not yet done) and aligns claims on the worker thread."""

    def __init__(self, serial: int, analyses: Sequence[ArticleAnalysis],
                 prepared: Preparation | None, threshold: float) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.serial = serial
        self.analyses = list(analyses)
        self.prepared = prepared
        self.threshold = threshold
        self.signals = _Signals()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        from desktop.qt_worker import failure_message
        from models.claims import prepare_claims
        from models.progress import Cancelled

        progress = _Flag(self._cancel)
        started = time.perf_counter()
        try:
            prepared = (_unpacked(self.prepared, self.analyses)
                        or prepare_claims(self.analyses, progress))
            alignment = prepared.align(self.threshold, progress)
        except Cancelled:
            self._tell(self.signals.cancelled, self.serial)
        except Exception as exc:  # shown to the user by the view, never swallowed
            self._tell(self.signals.failed, self.serial, failure_message(exc))
        else:
            seconds = time.perf_counter() - started
            self._tell(self.signals.finished, (self.serial, prepared, alignment, seconds))

    @staticmethod
    def _tell(signal: Any, *args: object) -> None:
        """Emits, unless the window has closed and taken the task's signals with it (a task
        still ending as the app quits: CI saw "RuntimeError: Signal source has been
        deleted" from this emit, session 13): then there is nobody to tell."""
        try:
            signal.emit(*args)
        except RuntimeError:
            pass


def _prepare_and_align(analyses: Sequence[ArticleAnalysis], prepared: Preparation | None,
                       threshold: float) -> tuple[bytes | None, ClaimAlignment, float]:
    """What :class:`AlignTask` does, as a function for a forked child. The preparation
    goes back pickled (the window keeps it so, see :data:`Preparation`), or not at all
    when the window has it already."""
    from desktop.qt_chart_job import dumps_chart
    from models.claims import prepare_claims
    from models.progress import NullProgress

    started = time.perf_counter()
    ready = _unpacked(prepared, analyses) or prepare_claims(analyses, NullProgress())
    alignment = ready.align(threshold, NullProgress())
    seconds = time.perf_counter() - started
    return (None if prepared is not None else dumps_chart(ready, analyses)), alignment, seconds


class ClaimsView(QWidget):
    """Claims × outlets with a threshold control; ``mention_activated`` carries the
    :class:`ClaimMention` of a clicked cell, ``alignment_changed`` each new alignment."""

    mention_activated = Signal(object)
    alignment_changed = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._analyses: list[ArticleAnalysis] = []
        self._prepared: Preparation | None = None
        self._serial = 0
        self._done_serial = 0
        self._tasks: list[AlignTask] = []
        self._job: Any = None  # the alignment in a forked child (desktop.qt_chart_job)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        #: The window has closed (:meth:`shutdown`): no work is started after it.
        self._shut = False
        self.last_seconds: float | None = None

        self.threshold_spin = QDoubleSpinBox()
        self.threshold_spin.setObjectName("claim_threshold")
        self.threshold_spin.setRange(MIN_THRESHOLD, MAX_THRESHOLD)
        self.threshold_spin.setSingleStep(0.05)
        self.threshold_spin.setDecimals(2)
        self.threshold_spin.setValue(DEFAULT_THRESHOLD)
        self.threshold_spin.setToolTip(
            "How alike sentences must be (cosine similarity of their content words) to "
            "state the same claim. Higher: closer wording, fewer claims."
        )
        label = QLabel("Similarity &threshold:")
        label.setBuddy(self.threshold_spin)
        self.status_label = QLabel("No articles loaded")
        self.status_label.setObjectName("claims_status")
        # Wrapped: on one line its 140 characters made the window at least 770 px wide.
        self.status_label.setWordWrap(True)
        self.status_label.setToolTip(
            "Claims: statements two or more articles share. Omissions: the empty cells, "
            "an outlet that does not carry a claim others carry. Sentences: the headline "
            "and body sentences compared (four content words or more).")
        self._mute_status()  # and again when the palette changes (changeEvent)
        legend = QLabel(legend_html())
        legend.setObjectName("claims_legend")
        legend.setTextFormat(Qt.TextFormat.RichText)
        legend.setToolTip(legend_tooltip())
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.threshold_spin)
        top.addSpacing(12)
        top.addWidget(legend)
        top.addStretch(1)
        self.find_button = QPushButton("F&ind Claims")
        self.find_button.setObjectName("find_claims")
        self.find_button.setToolTip("Align the loaded articles' claims now (may take minutes)")
        self.find_button.clicked.connect(self._start)
        self.find_button.hide()
        top.addWidget(self.find_button)

        self.model = ClaimsTableModel(self)
        table = QTableView()
        table.setObjectName("claims_table")
        table.setAccessibleName("Claims")
        table.setTabKeyNavigation(False)  # Tab moves on; the arrows move between cells
        table.setModel(self.model)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(True)
        table.setMouseTracking(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(LABEL_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setDefaultSectionSize(118)
        header.setMinimumSectionSize(80)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() * 2 + 10)
        table.clicked.connect(self._on_clicked)
        # Enter on a cell opens its sentence as a click does (a keyboard user had no way
        # to it: ux21). A double-click sends both; opening the same sentence twice is
        # the same as once.
        table.activated.connect(self._on_clicked)
        self.table = table

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(table, 1)
        layout.addWidget(self.status_label)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(THRESHOLD_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._realign)
        self.threshold_spin.valueChanged.connect(lambda _value: self._debounce.start())
        self.model.modelReset.connect(self._fit_columns)
        table.viewport().installEventFilter(self)

    # ---- public API -------------------------------------------------------

    def set_analyses(self, analyses: Sequence[ArticleAnalysis]) -> None:
        """Align the claims of ``analyses`` (on the worker); earlier runs are dropped."""
        self._analyses = list(analyses)
        self._prepared = None
        if len(self._analyses) > AUTO_ALIGN_MAX_ARTICLES:
            self._wait_for_request()
            return
        self._start()

    def threshold(self) -> float:
        return float(self.threshold_spin.value())

    def set_threshold(self, value: float) -> None:
        """Set the threshold and re-align at once (no debounce)."""
        self.threshold_spin.blockSignals(True)
        self.threshold_spin.setValue(value)
        self.threshold_spin.blockSignals(False)
        self._realign()

    def alignment(self) -> ClaimAlignment | None:
        return self.model.alignment()

    def is_busy(self) -> bool:
        """True while the latest alignment has not arrived."""
        return self._done_serial != self._serial

    def shutdown(self, timeout_ms: int = 10000) -> bool:
        """The window closes: stop the work under way and start none after it (analyses
        still arriving, a threshold change due, a forked job's thread fallback would
        otherwise start a task the interpreter could be ending under: seen in CI as
        scikit-learn's import failing with "can't register atexit after shutdown")."""
        self._shut = True
        self._debounce.stop()
        for task in self._tasks:
            task.cancel()
        self._cancel_job()
        return bool(self._pool.waitForDone(timeout_ms))

    def _cancel_job(self) -> None:
        if self._job is not None:
            job, self._job = self._job, None
            job.cancel()

    # ---- work ---------------------------------------------------------------

    def _realign(self) -> None:
        self._debounce.stop()
        self._start()

    def _wait_for_request(self) -> None:
        """A large corpus: drop any earlier alignment and offer Find Claims."""
        self._cancel_job()
        for task in self._tasks:
            task.cancel()
        self._serial += 1
        self._done_serial = self._serial
        self.model.set_alignment(None)
        self.status_label.setText(
            f"{len(self._analyses)} articles: claims are found when you ask "
            f"(more than {AUTO_ALIGN_MAX_ARTICLES} articles take minutes). "
            "Press Find Claims or change the threshold."
        )
        self.find_button.show()
        self.alignment_changed.emit(None)

    def _start(self) -> None:
        if self._shut:
            return
        self.find_button.hide()
        self._cancel_job()
        for task in self._tasks:
            task.cancel()
        if self._pool.waitForDone(0):
            self._tasks.clear()
        self._serial += 1
        if not self._analyses:
            self._done_serial = self._serial
            self.model.set_alignment(None)
            self.status_label.setText("No articles loaded")
            self.alignment_changed.emit(None)
            return
        self.status_label.setText(
            f"Finding claims in {len(self._analyses)} articles at threshold "
            f"{self.threshold():.2f}…"
        )
        if not self._start_job():
            self._start_task()

    def _start_task(self) -> None:
        """Align on the view's worker thread (where processes cannot be forked)."""
        if self._shut:
            return
        task = AlignTask(self._serial, self._analyses, self._prepared, self.threshold())
        task.signals.finished.connect(self._on_finished)
        task.signals.failed.connect(self._on_failed)
        task.signals.cancelled.connect(self._on_cancelled)
        self._tasks.append(task)
        self._pool.start(task)

    def _start_job(self) -> bool:
        """Align in a forked child (desktop.qt_chart_job): minutes of Python work at
        thousands of articles, which on a thread held the GIL against the window and
        kept closing the window waiting. Killed at once when no longer wanted."""
        from desktop.qt_chart_job import start_job

        serial = self._serial
        job = start_job(_prepare_and_align, self._analyses, self._prepared, self.threshold(),
                        parent=self, job="claims")
        if job is None:
            return False
        self._job = job
        job.done.connect(lambda result, job=job: self._on_job_done(job, serial, result))
        job.failed.connect(lambda error, job=job: self._on_job_failed(job, error))
        return True

    def _on_job_done(self, job: Any, serial: int, result: tuple[Any, Any, float]) -> None:
        if job is self._job:
            self._job = None
            self._on_finished((serial, *result))

    def _on_job_failed(self, job: Any, error: str = "") -> None:
        # Said, then done on the worker thread instead; an error there is shown as before.
        if job is self._job:
            from desktop.qt_chart_job import report_problem

            self._job = None
            reason = error.splitlines()[0] if error else "failed"
            message = f"The claims process {reason}; finding the claims in the window's process instead."
            report_problem(self, message)
            self.status_label.setText(message)
            self._start_task()

    def _on_finished(
        self, result: tuple[int, Preparation | None, ClaimAlignment, float]
    ) -> None:
        serial, prepared, alignment, seconds = result
        if serial != self._serial:
            return  # a newer run (new articles or threshold) replaced this one
        self._done_serial = serial
        if prepared is not None:  # None: the child was given the view's own
            self._prepared = prepared
        self.last_seconds = seconds  # for bench/claims_window.py, not for the user
        self.model.set_alignment(alignment)
        omitted = sum(len(alignment.omitted_by(c)) for c in alignment.claims)
        # No timing here: "1303 ms" told a user nothing (ux19's walkthrough, session 19).
        n = len(alignment.claims)
        self.status_label.setText(
            f"{n} {'claim' if n == 1 else 'claims'} shared by two or more articles, from "
            f"{alignment.sentences_compared} sentences; {omitted} "
            f"{'omission' if omitted == 1 else 'omissions'} "
            f"(threshold {alignment.threshold:.2f}). "
            "Click a cell to read its sentence."
        )
        self.alignment_changed.emit(alignment)

    def _on_failed(self, serial: int, message: str) -> None:
        if serial != self._serial:
            return
        self._done_serial = serial
        self.status_label.setText("Finding claims failed: " + message.splitlines()[0])
        self.failed.emit(message)

    def _on_cancelled(self, serial: int) -> None:
        if serial == self._serial:
            self._done_serial = serial

    # ---- table --------------------------------------------------------------

    def _fit_columns(self) -> None:
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        for column in range(1, self.model.columnCount()):
            name = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            header.resizeSection(column, max(118, metrics.horizontalAdvance(name) + 24))
        self._fit_label_column()

    def _fit_label_column(self) -> None:
        """The claim's column takes the room the outlets' columns leave, but no more than
        keeps the first outlets in view: stretched beside 30 outlets' columns it took the
        whole view and every outlet lay off to the right (ux15's review, session 15,
        base-c30-claims16s.png). Then it keeps :data:`CLAIM_CHARS` characters' width; the
        row numbers (C1, C2…) stay in view as the table scrolls."""
        header = self.table.horizontalHeader()
        outlets = sum(header.sectionSize(c) for c in range(1, self.model.columnCount()))
        readable = header.fontMetrics().averageCharWidth() * CLAIM_CHARS
        if outlets + readable > self.table.viewport().width():
            header.setSectionResizeMode(LABEL_COLUMN, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(LABEL_COLUMN, readable)
        else:
            header.setSectionResizeMode(LABEL_COLUMN, QHeaderView.ResizeMode.Stretch)

    def _mute_status(self) -> None:
        """The status line in a muted colour readable on the window (#555555 was 1.9:1 on
        a dark theme's window)."""
        palette = self.palette()
        colour = muted_on(palette.color(QPalette.ColorRole.Window).name(),
                          palette.color(QPalette.ColorRole.WindowText).name())
        self.status_label.setStyleSheet(f"QLabel#claims_status {{ color: {colour}; }}")

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._mute_status()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_label_column()
        return super().eventFilter(watched, event)

    def _on_clicked(self, index: QModelIndex) -> None:
        mentions = index.data(MENTIONS_ROLE)
        if not mentions:
            if index.column() != LABEL_COLUMN:
                outlet = self.model.headerData(index.column(), Qt.Orientation.Horizontal)
                self.status_label.setText(f"{outlet} does not carry this claim.")
            return
        self.mention_activated.emit(mentions[0])
