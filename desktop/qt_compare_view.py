"""The Compare view: choose a chart (and a measure), see it, export it.

The charts themselves live in :mod:`desktop.charts` (Qt-free); this widget
only embeds one matplotlib Figure in a ``FigureCanvasQTAgg`` (glue's
``glue_qt/viewers/matplotlib/widget.py`` pattern), re-plots it when the choice
or the data changes, and redraws once a resize has settled.
"""

from __future__ import annotations

import copy
import functools
import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from matplotlib.backend_bases import MouseEvent, ResizeEvent
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QPoint,
    QPointF,
    QRectF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QCursor,
    QFocusEvent,
    QImage,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop.chart_pixels import AggCanvas, Pixels, Sizer, canvas_size, least_size
from desktop.charts import (
    CHART_KINDS,
    DEFAULT_MEASURE,
    Chart,
    ChartKind,
    build_chart,
    chart_kind,
    export_format,
    render,
    save_figure,
    write_chart_data,
)
from desktop.charts.claims_matrix import claim_method_sentence
from desktop.charts.style import SCREEN_PX_PER_INCH
from desktop.qt_chart_description import ChartDescription
from desktop.qt_evidence_panel import EvidencePanel
from desktop.table_columns import definition_lead
from models import __version__
from models.claims import DEFAULT_THRESHOLD
from models.features import ArticleAnalysis
from models.measures import comparable_measures, measure

# Charts drawn from the claim alignment (the Claims view's, when it has one).
CLAIM_CHARTS = frozenset({"certainty_drift", "claims_matrix"})
# One redraw once the user stops dragging, instead of one per resize step.
RESIZE_DEBOUNCE_MS = 100
# Exports never come out smaller than this (inches), whatever the window's size.
EXPORT_MIN_SIZE = (10.0, 6.0)
# A chart's readable size (inches) becomes the canvas's minimum at this many
# pixels per inch (SCREEN_PX_PER_INCH, from desktop.charts.style: a chart's least height
# subtracts the text it saves in such inches); beyond the window, the view scrolls instead
# of cramming.
# A chart is never computed or drawn on the GUI thread (drawing a 30-outlet heatmap is
# 0.5-1 s of matplotlib and FreeType, whatever the corpus's size): past this many articles
# in a forked child (desktop.qt_chart_job, desktop.chart_pixels), which shares the
# analyses and leaves the interpreter lock to the window; up to it on a thread, which
# starts at once and, with no fork to copy the window's memory or lower priority, has the
# chart on screen sooner (seconds sooner on a loaded machine) for a GIL the GUI thread
# gets back every few ms (sys.setswitchinterval).
BACKGROUND_LIMIT = 400
# A drawing kept is shown again at once if drawn for a canvas within this many pixels of
# the size it will have (a scroll bar, a line of description more or less; the canvas is
# then drawn again for its size, as after a resize); otherwise drawn again first.
FITS_WITHIN_PX = 24
# The sentences behind a click go beside the chart, at least this wide (px), when below it
# they would leave the chart less than its readable height.
EVIDENCE_MIN_WIDTH = 320
# Up to BACKGROUND_LIMIT, a chart chosen is often drawn within a few tenths of a second:
# the chart shown until then stays, under its own title and description, and the
# "Computing…" note (with the new chart's title) comes only if the new chart is not there
# after this many ms. No flash of a note for a chart that is ready at once.
NOTE_DELAY_MS = 150
# The last drawings kept to be shown again at once (images of the canvas's size, about
# 4-5 MB each at 1300 × 800, plus their figures): the least recently shown go first.
PICTURES_BYTES = 48 << 20
# A big chart's job (a fork of the window) starts once the "Computing…" note has been
# painted, or after this many ms when no paint comes (the view hidden, the window minimized).
JOB_START_LATEST_MS = 100
# While the note is visible (the window not minimized), its paint is on its way (the GUI
# thread was busy, or had no core, for JOB_START_LATEST_MS): the job waits for it, up to
# this many ms in all.
JOB_START_LONGEST_MS = 2000


@dataclass(frozen=True)
class ExportOutcome:
    """How an export on a thread ended (:meth:`CompareView.start_export`): the CSV of the
    chart's numbers written beside it and that CSV's codebook beside it
    (desktop.charts.codebook), or why nothing was saved (the file system's words, "No
    space left on device"; the user's files as they were)."""

    data: Path | None = None
    error: str = ""
    codebook: Path | None = None


def _codebook_beside(chart: Chart, data: Path) -> Path:
    """The codebook of ``chart``'s data, saved as ``data``, written beside it ("NAME
    (codebook).csv"; desktop.export_names); the path written."""
    from desktop.charts.codebook import write_chart_codebook
    from desktop.export_names import write_codebook_beside

    return write_codebook_beside(data, functools.partial(write_chart_codebook, chart,
                                                         data.name))


def _export_files(
    _analyses: Any, chart: Chart, size: tuple[float, float], path: Path
) -> ExportOutcome:
    """On the export's thread: ``chart`` drawn on a Figure of ``size`` inches and saved to
    ``path``, then its numbers beside it."""
    from desktop.export_names import write_chart_data_beside

    try:
        figure = Figure(figsize=size, layout="constrained")
        save_figure(render(chart, __version__, figure), path)
        data = write_chart_data_beside(path, functools.partial(write_chart_data, chart))
        return ExportOutcome(data=data, codebook=_codebook_beside(chart, data))
    except (OSError, ValueError) as exc:
        return ExportOutcome(
            error=exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc))


def _export_data_file(_analyses: Any, chart: Chart, path: Path) -> ExportOutcome:
    """On the export's thread: the numbers behind ``chart`` written to ``path`` as CSV."""
    try:
        write_chart_data(chart, path)
        return ExportOutcome(data=path, codebook=_codebook_beside(chart, path))
    except (OSError, ValueError) as exc:
        return ExportOutcome(
            error=exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc))


#: Copy Chart's resolution (dots per inch of the export size).
COPY_DPI = 150

#: How long, at most, the window's thread waits for a chart still being computed or drawn
#: (off it) when an export or copy needs the chart now (export_figure, export_data,
#: chart_now: scripts and the smoke test; the menu's Export and Copy never wait). A chart
#: of 10,000 articles takes seconds; past this, nothing is written and the error says why.
CHART_WAIT_SECONDS = 120.0
#: How long, at most, closing the window waits for each drawing or copy still on a thread
#: (a cancelled drawing stops at its next step), and for each export under way (a file the
#: user asked for: written beside and renamed, so one not finished leaves the old file).
CLOSE_WAIT_SECONDS = 10.0
EXPORT_CLOSE_WAIT_SECONDS = 60.0


class ChartNotReady(TimeoutError):
    """The chart an export or copy needs was still being computed or drawn when the
    window's wait for it (:data:`CHART_WAIT_SECONDS`) ended. An OSError, as a failed
    write: the callers that report those report this."""


def _left(deadline: float) -> float:
    return max(0.0, deadline - time.monotonic())


def copy_image(_analyses: Any, chart: Chart, size: tuple[float, float], dpi: int) -> QImage:
    """``chart`` drawn on a white Figure of ``size`` inches at ``dpi``, as the image Copy
    Chart puts on the clipboard. Run on the copy's thread (QImage is reentrant: made there,
    only handed to the clipboard on the GUI thread)."""
    import io

    figure = Figure(figsize=size, layout="constrained")
    AggCanvas(figure)  # fonts read from memory: the window's thread is not starved meanwhile
    render(chart, __version__, figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, facecolor="white")
    return QImage.fromData(buffer.getvalue(), "PNG")


class _AfterTheChart(QObject):
    """An export or a copy asked for while the chart is still being computed or drawn
    (off the GUI thread): its own thread job starts once the chart has arrived, instead
    of the GUI thread waiting for the chart (seconds at 10,000 articles). ``done`` and
    ``failed`` are that job's; ``pid`` is None (it works on a thread of this process)."""

    done = Signal(object)
    failed = Signal(str)

    pid = None
    stuck = False

    def __init__(self, start: Callable[[], Any], parent: QObject) -> None:
        super().__init__(parent)
        self._start = start
        self._job: Any = None
        self._cancelled = False
        self.error = ""

    def begin(self) -> None:
        """Start the job (the chart is there, or is waited for now)."""
        if self._job is not None or self._cancelled:
            return
        try:
            self._job = self._start()
        except (OSError, ValueError) as exc:  # expected: said as it is
            self.error = str(exc)
            self._cancelled = True
            self.failed.emit(self.error)
            return
        except Exception as exc:  # reported as the job's own errors are
            from desktop.analysis_process import failure_message

            self.error = failure_message(exc)
            self._cancelled = True
            self.failed.emit(self.error)
            return
        self._job.done.connect(self.done)
        self._job.failed.connect(self.failed)

    def is_running(self) -> bool:
        return not self._cancelled and (self._job is None or self._job.is_running())

    def wait(self, timeout: float | None = None) -> bool:
        """Until the job has ended (begun now, waiting for the chart, if it had not); at
        most ``timeout`` seconds for the job (None: as long as it takes): False if it
        still worked then."""
        self.begin()
        if self._job is not None:
            return bool(self._job.wait(timeout))
        return True

    def cancel(self) -> None:
        self._cancelled = True
        if self._job is not None:
            self._job.cancel()


# Keys that scroll the chart's page rather than go to the chart (ChartCanvas.keyPressEvent).
_SCROLL_KEYS = frozenset({Qt.Key.Key_PageUp, Qt.Key.Key_PageDown})


class ChartCanvas(FigureCanvasQTAgg):
    """A canvas whose figure follows the widget's size once a resize has settled.

    While the timer runs, the last drawing is painted as it was (no Agg
    redraw per resize step); then the figure is resized, ``resized`` is
    emitted (the view re-plots for the new size), and one draw follows.

    A chart drawn elsewhere (:meth:`show_pixels`: past a few hundred articles, by a
    forked child) is painted as the pixels it came as; its Figure, plotted there and laid
    out for those pixels, becomes this canvas's figure (:meth:`adopt`), so mouse events
    find its axes, bars and cells as on a figure drawn here. Nothing draws it here: a
    resize only emits ``resized`` (the view has it drawn again, elsewhere, for the new
    size) and the last image is painted until then: as it is, or scaled down to fit whole.
    """

    resized = Signal()
    #: The widget was resized: the last drawing is painted at a new scale until drawn again.
    resizing = Signal()
    #: The canvas took (True) or lost the keyboard focus: the view marks its page.
    focus_changed = Signal(bool)

    def __init__(self, figure: Figure) -> None:
        self._resize_timer: QTimer | None = None
        self._snapshot: QImage | None = None
        #: The chart drawn elsewhere that is painted (None: the figure is drawn here).
        self._pixels: QImage | None = None
        self._own_figure = figure
        # mpl_connect's handlers live in the figure (its _canvas_callbacks): those connected
        # with connect_always are connected to every figure adopted (once each).
        self._handlers: list[tuple[str, Callable[[Any], Any]]] = []
        self._wired: weakref.WeakSet[Figure] = weakref.WeakSet()
        #: True while the view waits for a drawing of the chart made elsewhere (a resize's,
        #: or the chart's figure being read): part of :attr:`settled`.
        self.awaiting = False
        #: True while the view shows a note in the canvas's place: the figure still holds
        #: the last chart, hidden and out of date, so a resize only resizes it (the next
        #: chart is plotted and drawn when it is shown). Redrawing it took the GUI thread
        #: 175-480 ms when a resize of the last chart came due after the next one's note.
        self.blank = False
        super().__init__(figure)  # type: ignore[no-untyped-call]  # matplotlib's Qt backend is untyped
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(RESIZE_DEBOUNCE_MS)
        timer.timeout.connect(self._apply_resize)
        self._resize_timer = timer

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focus_changed.emit(True)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_changed.emit(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # The chart is the page's one Tab stop (its scroll area takes no focus): the keys
        # that scroll a page go on to the scroll area.
        if event.key() in _SCROLL_KEYS:
            event.ignore()
            return
        super().keyPressEvent(event)  # type: ignore[no-untyped-call]

    @property
    def resize_pending(self) -> bool:
        return self._resize_timer is not None and self._resize_timer.isActive()

    @property
    def settled(self) -> bool:
        """True when no resize, no idle draw and no drawing made elsewhere is waiting
        (what tests wait for)."""
        return (
            not self.resize_pending
            and not getattr(self, "_draw_pending", False)
            and not self.awaiting
        )

    @property
    def showing_pixels(self) -> bool:
        """True while the canvas paints a chart drawn elsewhere (:meth:`show_pixels`)."""
        return self._pixels is not None

    def pixels(self) -> QImage | None:
        """The image of the chart drawn elsewhere that is painted (None if drawn here)."""
        return self._pixels

    def show_pixels(self, image: QImage) -> None:
        """Paint ``image`` (a chart drawn elsewhere, at this canvas's device pixel ratio)
        from now on, at the top left (scaled down to fit whole if it is bigger)."""
        self._pixels = image
        self._snapshot = None
        self.update()

    def connect_always(self, event: str, handler: Callable[[Any], Any]) -> None:
        """``mpl_connect(event, handler)``, for the figure shown now and every one adopted."""
        self._handlers.append((event, handler))
        self.mpl_connect(event, handler)
        self._wired.add(self.figure)

    def check_size(self) -> None:
        """Once the layout has settled, have the chart drawn again if the pixels painted do
        not fit the canvas (as after a resize)."""
        if self._resize_timer is not None:
            self._resize_timer.start()

    def adopt(self, figure: Figure) -> None:
        """Make ``figure`` this canvas's figure: the one the painted pixels were drawn
        from (mouse events are located on it), or the view's own again (drawn here; the
        pixels are no longer painted)."""
        if figure is self._own_figure:
            self._pixels = None
        if figure is self.figure:
            return
        figure._original_dpi = self._own_figure._original_dpi  # type: ignore[attr-defined]
        figure.set_canvas(self)
        self.figure = figure
        if figure not in self._wired:
            for event, handler in self._handlers:
                self.mpl_connect(event, handler)
            self._wired.add(figure)
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        if self._resize_timer is None:  # during FigureCanvasQT.__init__: sizes still agree
            QWidget.resizeEvent(self, event)
            return
        if not self._resize_timer.isActive() and self._pixels is None:
            self._snapshot = self._current_image()
        QWidget.resizeEvent(self, event)
        self._resize_timer.start()
        self.resizing.emit()

    def _current_image(self) -> QImage | None:
        """The last Agg drawing as a QImage (None before the first draw)."""
        if not hasattr(self, "renderer"):
            return None
        pixels = np.asarray(self.buffer_rgba())  # type: ignore[no-untyped-call]
        height, width = pixels.shape[:2]
        image = QImage(pixels.tobytes(), width, height, 4 * width, QImage.Format.Format_RGBA8888)
        image = image.copy()  # own the pixels: the bytes above are temporary
        image.setDevicePixelRatio(self.device_pixel_ratio)
        return image

    def _apply_resize(self) -> None:
        if self._pixels is not None:
            # Drawn elsewhere: the figure stays as the pixels were drawn (mouse events
            # are located on it); the view has it drawn again for this size.
            if not self.blank and (self._pixels.width(), self._pixels.height()) != (
                    round(self.width() * self.device_pixel_ratio),
                    round(self.height() * self.device_pixel_ratio)):
                self.resized.emit()
            self.update()
            return
        ratio = self.device_pixel_ratio
        dpi = self.figure.dpi
        width, height = self.width() * ratio / dpi, self.height() * ratio / dpi
        if hasattr(self, "renderer") and tuple(self.figure.get_size_inches()) == (width, height):
            # The figure was drawn at this size already (as a chart is, for the size its
            # canvas grows to): no re-plot, no redraw.
            self._snapshot = None
            self.update()
            return
        if width > 0 and height > 0:
            self.figure.set_size_inches(width, height, forward=False)
        self.callbacks.process("resize_event", ResizeEvent("resize_event", self))
        if self.blank:
            self._snapshot = None
            return
        self.resized.emit()  # the view re-plots (or has the chart drawn elsewhere)
        if self._pixels is None:
            self._snapshot = None
            self.draw_idle()  # type: ignore[no-untyped-call]

    def _painted_image(self) -> QImage | None:
        """The drawing painted instead of the figure's own buffer: the chart drawn
        elsewhere, or while a resize is pending the last drawing here (None: the figure is
        drawn and painted as it is, or nothing was drawn yet)."""
        if self._pixels is not None:
            return self._pixels
        return self._snapshot if self.resize_pending else None

    def _painted_scale(self) -> float:
        """How much smaller than drawn the painted drawing is (1: as drawn): a drawing
        for a bigger canvas is scaled down until the chart is drawn again for this size."""
        image = self._painted_image()
        if image is None:
            return 1.0
        drawn_width = image.deviceIndependentSize().width()
        return self._whole_image_rect(image).width() / max(drawn_width, 1.0)

    def mouseEventCoords(self, pos: Any = None) -> tuple[float, float]:
        """Where a mouse event is on the figure (physical pixels from its bottom left),
        located on the drawing that is painted. While the last drawing is painted scaled
        down (the canvas shrank: the sentences opened beside the chart, until the redraw
        for the new size arrives, 0.1-0.3 s), the point is scaled back up to that drawing,
        whose figure the canvas still holds: a click there lists the bar painted under the
        pointer, a hover names it. Located as if unscaled, a click on the fifth bar of the
        bar chart at 1366 px fell in the blank beyond it ("No sentence behind this"), or on
        another bar (session 33, ux5). Every mouse event (press, release, move, wheel,
        enter) and so every handler on the figure goes through here."""
        scale = self._painted_scale()
        if scale < 1.0 and pos is not None:
            if hasattr(pos, "position"):  # a QMouseEvent, QWheelEvent, QEnterEvent
                pos = pos.position()
            pos = QPointF(pos.x() / scale, pos.y() / scale)
        elif scale < 1.0:  # a key event: where the pointer is
            point = self.mapFromGlobal(QCursor.pos())
            pos = QPointF(point.x() / scale, point.y() / scale)
        return super().mouseEventCoords(pos)  # type: ignore[no-untyped-call,no-any-return]

    def widget_point(self, x: float, y: float) -> QPoint:
        """The canvas's point (logical pixels from its top left) where the figure's point
        ``x``, ``y`` (physical pixels from its bottom left) is painted: the inverse of
        :meth:`mouseEventCoords`, for what is placed over the chart (the keys' marker)."""
        ratio = self.device_pixel_ratio or 1
        scale = self._painted_scale()
        return QPoint(round(x / ratio * scale),
                      round((self.figure.bbox.height - y) / ratio * scale))

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._pixels is None and not self.resize_pending:
            super().paintEvent(event)  # type: ignore[no-untyped-call]
            return
        image = self._painted_image()
        painter = QPainter(self)
        try:
            painter.fillRect(event.rect(), Qt.GlobalColor.white)
            if image is not None:
                painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
                painter.drawImage(self._whole_image_rect(image), image)
        finally:
            painter.end()

    def _whole_image_rect(self, image: QImage) -> QRectF:
        """Where the last drawing is painted until the chart is drawn again for this size:
        at the top left, as it is, or scaled down (its shape kept) to fit whole. Cut at
        the canvas's edge, a drawing lost its legend, or its last bars, for as long as the
        redraw took (the sentences behind a click opened beside the chart: ux4, session
        33)."""
        size = image.deviceIndependentSize()
        scale = min(1.0, self.width() / max(size.width(), 1.0),
                    self.height() / max(size.height(), 1.0))
        return QRectF(0.0, 0.0, size.width() * scale, size.height() * scale)


class _NoteLabel(QLabel):
    """The label that shows a note in the chart's place; says when it has been painted."""

    painted = Signal()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self.painted.emit()


class CompareView(QWidget):
    """Chart chooser, measure chooser, a short explanation, and the chart itself."""

    chart_changed = Signal(str)  # the new chart's key
    #: A chart is on screen (computed now, or arrived from its background job): its key.
    chart_shown = Signal(str)
    measure_changed = Signal(str)  # the new measure's key
    sentence_activated = Signal(str, int)  # from the evidence list: article id, sentence index

    def __init__(self, parent: QWidget | None = None, *, note: str = "") -> None:
        """``note``: shown in the chart's place from the start (see :meth:`show_note`), instead
        of the empty chart: the window builds this view during a big load, and plotting and
        drawing an empty chart that the note would hide at once cost its GUI thread ~50 ms."""
        super().__init__(parent)
        self._analyses: list[ArticleAnalysis] = []
        self._outlets_loaded: tuple[str, ...] = ()  # set_analyses
        self._claim_alignment: Any = None  # models.claims.ClaimAlignment, once known
        # Charts are computed once per (kind, measure) for the current analyses.
        self._charts: dict[tuple[str, str | None], Chart] = {}
        self._current: Chart | None = None
        # The chart being computed off the GUI thread (a desktop.qt_chart_job.ChartJob).
        self._job: Any = None
        self._job_key: tuple[str, str | None] | None = None
        # A chart job to start in the next turn of the event loop (see _show_chart).
        self._start_key: tuple[str, str | None] | None = None
        self._start_note_painted = False  # the note has been painted since _start_key was set
        # The charts drawn elsewhere, by (kind, measure), least recently shown first: the last
        # drawing of each (desktop.chart_pixels.Pixels with its chart and figure read, and
        # the image to paint); shown again at once when it fits the canvas.
        self._pictures: OrderedDict[tuple[str, str | None], tuple[Pixels, QImage]] = OrderedDict()
        # Identifies the delayed "Computing…" note of the chart being drawn (NOTE_DELAY_MS).
        self._note_token: object = None
        # Whether the running job's drawing replaces a note (a chart chosen: chart_shown is
        # emitted) or only the same chart at a new size.
        self._job_announces = True
        # The thread reading a child's drawing (its chart and figure, pickled) and what
        # tells a late reading from the one still wanted.
        self._scene_thread: threading.Thread | None = None
        self._scene_token: object = None
        self._scene_outcome: tuple[Any, ...] = ()  # what the thread read, for _require_chart
        self._exports: list[Any] = []  # exports being written on a thread (start_export)
        self._copies: list[Any] = []  # Copy Chart's drawings on a thread (start_copy)
        # Exports and copies asked for while the chart was on its way (_after_the_chart).
        self._after_chart: list[_AfterTheChart] = []

        self.chart_combo = QComboBox()
        self.chart_combo.setAccessibleName("Chart")
        for i, kind in enumerate(CHART_KINDS):
            self.chart_combo.addItem(kind.title, kind.key)
            self.chart_combo.setItemData(i, kind.description, Qt.ItemDataRole.ToolTipRole)
        self.measure_combo = QComboBox()
        self.measure_combo.setAccessibleName("Measure")
        for i, m in enumerate(comparable_measures()):
            self.measure_combo.addItem(m.label, m.key)
            self.measure_combo.setItemData(i, m.definition, Qt.ItemDataRole.ToolTipRole)
        self.measure_combo.setCurrentIndex(self.measure_combo.findData(DEFAULT_MEASURE))
        self.measure_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        chart_label = QLabel("&Chart:")
        chart_label.setBuddy(self.chart_combo)
        self.measure_label = QLabel("&Measure:")
        self.measure_label.setBuddy(self.measure_combo)
        choosers = QHBoxLayout()
        choosers.addWidget(chart_label)
        choosers.addWidget(self.chart_combo)
        choosers.addSpacing(12)
        choosers.addWidget(self.measure_label)
        choosers.addWidget(self.measure_combo)
        choosers.addStretch(1)

        # In full, or one line a paragraph where it would take the chart's room (More / Less).
        self.description = ChartDescription()

        self.figure = Figure(layout="constrained")
        self.canvas = ChartCanvas(self.figure)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self.canvas)
        # One Tab stop for the chart, the canvas (the scroll area was a first stop that
        # showed no focus: ux25), marked by a ring round the page while it has the focus:
        # round the part in view, which the canvas's own edges are not once it scrolls.
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.focus_ring = QFrame(self.scroll_area)
        self.focus_ring.setObjectName("chart_focus")
        self.focus_ring.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.focus_ring.setStyleSheet(
            "QFrame#chart_focus { border: 2px solid palette(highlight); background: transparent; }")
        self.focus_ring.hide()
        self.scroll_area.viewport().installEventFilter(self)
        self.canvas.focus_changed.connect(self._show_focus)
        # A note in the chart's place ("Computing the chart…", the window's loading note) is
        # a label on the page above the chart's: no matplotlib work on the GUI thread (clearing
        # a big chart and laying out text took it 20-50 ms), and no drawing thread competing
        # with it for the GIL or holding up a chart job's fork (desktop.fork_guard).
        self.note_label = _NoteLabel()
        self.note_label.painted.connect(self._note_painted)
        self.note_label.setObjectName("chart_note")
        self.note_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note_label.setWordWrap(True)
        self.note_label.setTextFormat(Qt.TextFormat.PlainText)
        self.note_label.setStyleSheet("QLabel#chart_note { background: white; color: #555555; }")
        self.chart_stack = QStackedWidget()
        self.chart_stack.addWidget(self.scroll_area)
        self.chart_stack.addWidget(self.note_label)

        # Clicking a bar, cell or point lists the sentences behind it below the chart.
        self.evidence_panel = EvidencePanel()
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.chart_stack)
        self.splitter.addWidget(self.evidence_panel)
        # The chart's page takes what the window gains or loses (the list keeps the height
        # the user or _make_room_for_evidence gave it): a description a line taller takes
        # that line from the chart, which is drawn for it (_description_growth).
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(choosers)
        layout.addWidget(self.description)
        layout.addWidget(self.splitter, 1)

        self.chart_combo.currentIndexChanged.connect(self._on_chart_chosen)
        self.measure_combo.currentIndexChanged.connect(self._on_measure_chosen)
        self.canvas.resized.connect(self._replot)
        self.canvas.resizing.connect(self._keep_marker_on_target)
        self.canvas.connect_always("motion_notify_event", self._on_motion)
        self.canvas.connect_always("button_press_event", self._on_click)
        # The keyboard reaches what a click reaches (ux22): arrows move between the bars,
        # cells and points that list sentences (desktop.chart_keys), Enter lists them.
        self.canvas.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.canvas.setAccessibleName("Chart")
        self.canvas.setAccessibleDescription(
            "Arrow keys move between the bars, cells and points; Enter or Space lists the "
            "sentences behind the one marked")
        self.canvas.connect_always("key_press_event", self._on_chart_key)
        self._target_marker = QFrame(self.canvas)
        self._target_marker.setObjectName("chart_target")
        self._target_marker.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._target_marker.setStyleSheet(
            "QFrame#chart_target { border: 2px solid #1F5FBF; border-radius: 4px;"
            " background: transparent; }")
        self._target_marker.hide()
        self._targets_for: tuple[Any, ...] | None = None
        self._targets: list[tuple[float, float]] = []
        self._target_lists: dict[int, bool] = {}  # does a click there list sentences?
        self._target_index: int | None = None
        self.evidence_panel.sentence_activated.connect(self.sentence_activated)
        if note:
            self._update_description()
            self.show_note(note)
        else:
            self._show_chart()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.scroll_area.viewport() and event.type() in (
                QEvent.Type.Resize, QEvent.Type.Move) and self.focus_ring.isVisible():
            self.focus_ring.setGeometry(self.scroll_area.viewport().geometry())
        return super().eventFilter(watched, event)

    def _show_focus(self, focused: bool) -> None:
        """The ring round the chart's page while the chart has the keyboard focus."""
        self.focus_ring.setGeometry(self.scroll_area.viewport().geometry())
        self.focus_ring.setVisible(focused)
        self.focus_ring.raise_()

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Before the layout gives the chart's page its height: the description's, in full
        # or cut, depends on the view's.
        self.description.set_room(event.size().height())
        super().resizeEvent(event)

    # -- what is shown -------------------------------------------------

    def current_key(self) -> str:
        """The key of the chosen chart kind (one of ``CHART_KINDS``)."""
        return str(self.chart_combo.currentData())

    def current_measure(self) -> str:
        """The key of the chosen measure (used by charts that need one)."""
        return str(self.measure_combo.currentData())

    def export_title(self) -> str:
        """What the user sees the chosen chart called, known before it is drawn: the
        measure's chart as titled ("Epistemic hedges by outlet"), another as the Chart box
        names it ("Outlet profiles (all measures)"). The Save dialogs' names come from it."""
        kind = self._shown_kind()
        if kind.needs_measure:
            return f"{measure(self.current_measure()).label} by outlet"
        return kind.title

    def current_chart(self) -> Chart | None:
        """The chart on screen (computed from the current analyses); None while the
        chosen one is still being computed in the background."""
        return self._current

    def chart_pending(self) -> bool:
        """True while the chosen chart is being computed off the GUI thread (or about to)."""
        return self._job is not None or self._start_key is not None

    def current_figure(self) -> Figure:
        """The Figure the canvas shows: the view's own (re-plotted, never replaced), or
        past BACKGROUND_LIMIT articles the one the chart was drawn from elsewhere."""
        return self.canvas.figure  # type: ignore[no-any-return]

    def analyses(self) -> list[ArticleAnalysis]:
        return list(self._analyses)

    def set_analyses(
        self, analyses: Sequence[ArticleAnalysis], *, outlets_loaded: Sequence[str] = ()
    ) -> None:
        """Show the charts for ``analyses`` (an empty list shows "No articles loaded").
        ``outlets_loaded``: every outlet loaded, excluded articles' too, in the window's
        colour order (desktop.outlet_order): an outlet keeps its colour when another is
        excluded, included again (ux25) or loaded (ux26)."""
        self._analyses = list(analyses)
        self._outlets_loaded = tuple(dict.fromkeys(outlets_loaded))
        self._name_chart_kinds()
        self._claim_alignment = None
        self._cancel_job()
        self._charts.clear()
        self._pictures.clear()
        self._clear_evidence()
        self._show_chart()

    def claim_alignment(self) -> Any:
        """The claims' alignment the claim charts use (the Claims view's, at the user's
        threshold), or None before one is given (the charts align at the default)."""
        return self._claim_alignment

    def set_claim_alignment(self, alignment: Any) -> None:
        """Use ``alignment`` (a models.claims.ClaimAlignment of the current analyses, e.g.
        the Claims view's at the user's threshold) for the claim charts, instead of
        aligning again on the GUI thread."""
        self._claim_alignment = alignment
        stale = [k for k in self._charts if k[0] in CLAIM_CHARTS]
        if self._job_key is not None and self._job_key[0] in CLAIM_CHARTS:
            self._cancel_job()
        for key in stale:
            del self._charts[key]
        for key in [k for k in self._pictures if k[0] in CLAIM_CHARTS]:
            del self._pictures[key]
        if self.current_key() in CLAIM_CHARTS:
            self._clear_evidence()
            self._update_description()
            self._show_chart()

    def set_extra_measures(self, measures: Sequence[Any]) -> None:
        """Offer these measures (custom dictionaries' categories) after the built-in ones."""
        builtin = {m.key for m in comparable_measures()}
        current = self.current_measure()
        self.measure_combo.blockSignals(True)
        for i in reversed(range(self.measure_combo.count())):
            if self.measure_combo.itemData(i) not in builtin:
                self.measure_combo.removeItem(i)
        for m in measures:
            self.measure_combo.addItem(m.label, m.key)
            self.measure_combo.setItemData(
                self.measure_combo.count() - 1, m.definition, Qt.ItemDataRole.ToolTipRole
            )
        index = self.measure_combo.findData(current)
        self.measure_combo.setCurrentIndex(
            index if index >= 0 else self.measure_combo.findData(DEFAULT_MEASURE)
        )
        self.measure_combo.blockSignals(False)
        self._cancel_job()
        self._charts.clear()
        self._pictures.clear()
        self._show_chart()

    def select_chart(self, key: str) -> None:
        """Show the chart kind ``key``; raises KeyError for an unknown key."""
        index = self.chart_combo.findData(key)
        if index < 0:
            raise KeyError(key)
        self.chart_combo.setCurrentIndex(index)

    def select_measure(self, key: str) -> None:
        """Choose the measure ``key`` for measure charts; KeyError if not comparable."""
        index = self.measure_combo.findData(key)
        if index < 0:
            raise KeyError(key)
        self.measure_combo.setCurrentIndex(index)

    # -- export ---------------------------------------------------------

    def export_size(self) -> tuple[float, float]:
        """Export size in inches: at least 10 × 6, larger when the chart needs it."""
        chart = self._current
        width, height = chart.size_hint() if chart is not None else EXPORT_MIN_SIZE
        return (max(EXPORT_MIN_SIZE[0], width), max(EXPORT_MIN_SIZE[1], height))

    def export_figure(self, path: Path) -> None:
        """Save the current chart as PNG, SVG or PDF (by suffix), at export size.

        Rendered afresh on its own Figure, so the file never depends on the
        window's size. Raises ValueError for another suffix, OSError on write.
        """
        # A copy is plotted: the chart on screen stays bound to the figure it shows (its
        # hover and clicks look up its own axes; plotting sets them anew).
        chart = copy.copy(self._require_chart())
        self.wait_drawn()  # one matplotlib drawing at a time (shared font caches)
        figure = Figure(figsize=self.export_size(), layout="constrained")
        save_figure(render(chart, __version__, figure), Path(path))

    def start_export(self, path: Path) -> Any:
        """Save the current chart as PNG, SVG or PDF (by suffix), at export size, and its
        numbers as CSV beside it (desktop.export_names), on a thread: drawing a chart at
        200 dpi is up to seconds of matplotlib work, which held the window as long. Returns
        the :class:`desktop.qt_chart_job.ThreadJob`: ``done`` with an :class:`ExportOutcome`,
        ``failed`` with an unexpected error (in full). Both files are written beside and
        renamed, so neither is ever left half-written. The chart is the one chosen now; if
        it is still being computed or drawn, the job starts once it has arrived (the window
        does not wait for it: :meth:`_after_the_chart`). Raises ValueError at once for
        another suffix."""
        from desktop.qt_chart_job import start_thread_job

        export_format(path)
        wanted = self._chart_key()

        def start() -> Any:
            self._still_chosen(wanted)
            # A copy is plotted: the chart on screen stays bound to the figure it shows.
            chart = copy.copy(self._require_chart())
            # Job "chart": after the drawing under way, one matplotlib drawing at a time.
            return start_thread_job(_export_files, [], chart, self.export_size(), Path(path),
                                    parent=self)

        job = self._after_the_chart(start)
        self._exports.append(job)
        for signal in (job.done, job.failed):
            signal.connect(lambda *_, job=job: self._exports.remove(job))
        return job

    def start_export_data(self, path: Path) -> Any:
        """Save the numbers behind the current chart as CSV, on a thread, once the chart
        is there: File ▸ Export Chart Data waited for a chart still being computed or drawn
        on the window's thread (up to CHART_WAIT_SECONDS). Returns the job, as
        :meth:`start_export` does: ``done`` with an :class:`ExportOutcome` (``data`` the
        CSV written), ``failed`` with an unexpected error. The chart is the one chosen now
        (ValueError once the job starts if another has been chosen meanwhile)."""
        from desktop.qt_chart_job import start_thread_job

        wanted = self._chart_key()

        def start() -> Any:
            self._still_chosen(wanted)
            chart = self._require_chart()
            return start_thread_job(_export_data_file, [], chart, Path(path), parent=self)

        job = self._after_the_chart(start)
        self._exports.append(job)
        for signal in (job.done, job.failed):
            signal.connect(lambda *_, job=job: job in self._exports and self._exports.remove(job))
        return job

    def start_copy(self, dpi: int = COPY_DPI) -> Any:
        """Draw the current chart at export size and ``dpi`` for the clipboard, on a thread
        (a 30-outlet chart at export size is up to a second of matplotlib work, which held
        the window as long). Returns the :class:`desktop.qt_chart_job.ThreadJob`: ``done``
        with the QImage, ``failed`` with the error. The chart is the one chosen now; if it
        is still being computed or drawn, the job starts once it has arrived (the window
        does not wait for it: :meth:`_after_the_chart`); otherwise a ValueError of the
        chart's is raised at once."""
        from desktop.qt_chart_job import start_thread_job

        wanted = self._chart_key()

        def start() -> Any:
            self._still_chosen(wanted)
            # A copy is plotted: the chart on screen stays bound to the figure it shows.
            chart = copy.copy(self._require_chart())
            # Job "chart": after the drawing under way, one matplotlib drawing at a time.
            return start_thread_job(copy_image, [], chart, self.export_size(), dpi,
                                    parent=self)

        job = self._after_the_chart(start)
        self._copies.append(job)
        for signal in (job.done, job.failed):
            signal.connect(lambda *_, job=job: job in self._copies and self._copies.remove(job))
        return job

    def copying(self) -> bool:
        """True while a copy started by :meth:`start_copy` is being drawn."""
        return bool(self._copies)

    def exporting(self) -> bool:
        """True while an export started by :meth:`start_export` is being written."""
        return bool(self._exports)

    def chart_now(self) -> Chart:
        """The chosen chart, waited for if it is being computed or drawn (a copy or an
        export needs it now)."""
        return self._require_chart()

    def export_data(self, path: Path) -> None:
        """Save the numbers behind the current chart as CSV."""
        write_chart_data(self._require_chart(), Path(path))

    def export_codebook(self, data: Path) -> Path:
        """Save the codebook of the current chart's data (saved as ``data``) beside it; the
        path written."""
        return _codebook_beside(self._require_chart(), Path(data))

    # -- internals --------------------------------------------------------

    def _chart_on_its_way(self) -> bool:
        """The chosen chart is being computed or drawn off the GUI thread (or its drawing
        read), or about to be."""
        return self.chart_pending() or self._scene_thread is not None

    def _after_the_chart(self, start: Callable[[], Any]) -> Any:
        """``start()`` (which takes the chart and starts a thread job on it) now if the
        chart is here; else an :class:`_AfterTheChart` that calls it once the chart has
        arrived (:meth:`_chart_arrived`)."""
        if not self._chart_on_its_way():
            return start()
        waiting = _AfterTheChart(start, self)
        self._after_chart.append(waiting)
        return waiting

    def _still_chosen(self, wanted: tuple[str, str | None]) -> None:
        """Raise ValueError if the user has chosen another chart (or measure) than
        ``wanted`` since an export or copy of it was asked for: it is not what they asked
        for, and its file name may say otherwise."""
        if self._chart_key() != wanted:
            raise ValueError("another chart was chosen before this one had been drawn")

    def _chart_arrived(self) -> None:
        """A chart job ended, or was cancelled: in the next turn of the event loop (once
        what follows it has started: a thread's redo, a new chart), the exports and copies
        waiting for the chart begin, unless it is on its way again."""
        if self._after_chart:
            QTimer.singleShot(0, self, self._begin_after_the_chart)

    def _begin_after_the_chart(self) -> None:
        if self._chart_on_its_way():
            return  # called again when that arrives
        waiting, self._after_chart = self._after_chart, []
        for job in waiting:
            job.begin()

    def _require_chart(self) -> Chart:
        """The chosen chart, now: waited for (at most CHART_WAIT_SECONDS; then
        :class:`ChartNotReady`) if it is being computed or drawn off this thread."""
        deadline = time.monotonic() + CHART_WAIT_SECONDS
        self._start_job_now()
        while self._job is not None:
            # An export needs the chart now: take the job's result (a failed child's
            # work is redone on a thread, which is waited for in turn).
            if not self._job.wait(_left(deadline)):
                raise self._not_ready()
        if self._scene_thread is not None:  # a child's drawing, being read: taken now
            self._join_scene_thread(deadline)
            self._on_scene_read(self._scene_outcome)
        if self._current is None:
            self._show_chart(background=False)
        assert self._current is not None
        return self._current

    def _shown_kind(self, key: str | None = None) -> ChartKind:
        """The chosen (or ``key``'s) chart kind as drawn for the loaded articles: past
        at_scale.ARTICLE_LIMIT some are per-outlet charts, with their own title."""
        return chart_kind(key or self.current_key()).for_articles(len(self._analyses))

    def _name_chart_kinds(self) -> None:
        """The Chart box names each chart, and its tooltip describes it, as it is drawn for
        the loaded articles ("Sentence tone by outlet" past at_scale.ARTICLE_LIMIT)."""
        for i in range(self.chart_combo.count()):
            kind = self._shown_kind(self.chart_combo.itemData(i))
            self.chart_combo.setItemText(i, kind.title)
            self.chart_combo.setItemData(i, kind.description, Qt.ItemDataRole.ToolTipRole)

    def _not_ready(self) -> ChartNotReady:
        title = self._shown_kind().title
        return ChartNotReady(
            f"the chart “{title}” was still being computed or drawn after "
            f"{CHART_WAIT_SECONDS:.0f} s, so nothing was written; try again once it is "
            "shown")

    def _on_chart_chosen(self, _index: int) -> None:
        self._clear_evidence()
        self._show_chart()
        self.chart_changed.emit(self.current_key())

    def _on_measure_chosen(self, _index: int) -> None:
        if chart_kind(self.current_key()).needs_measure:
            self._clear_evidence()
            self._show_chart()
        else:
            self._update_description()
        self.measure_changed.emit(self.current_measure())

    def _chart_key(self) -> tuple[str, str | None]:
        key = self.current_key()
        return key, self.current_measure() if chart_kind(key).needs_measure else None

    def _build(self) -> Chart:
        cache_key = self._chart_key()
        if cache_key not in self._charts:
            key, measure_key = cache_key
            self._charts[cache_key] = build_chart(
                key, self._analyses, measure=measure_key, alignment=self._claim_alignment,
                outlets_loaded=self._outlets_loaded,
            )
        return self._charts[cache_key]

    def _show_chart(self, *, background: bool = True) -> None:
        self._target_marker.hide()  # the arrow keys' mark belonged to the chart shown
        self._target_index = None
        kind = chart_kind(self.current_key())
        self.measure_combo.setEnabled(kind.needs_measure)
        self.measure_label.setEnabled(kind.needs_measure)
        cache_key = self._chart_key()
        if self.chart_pending() and (self._job_key or self._start_key) != cache_key:
            self._cancel_job()
        if background:
            # Computed (unless known) and drawn off the GUI thread; shown at once if its
            # last drawing fits the canvas.
            if self._show_picture(cache_key, announce=True):
                return
            if len(self._analyses) <= BACKGROUND_LIMIT:
                self._draw_on_thread(cache_key)
                return
            if not self.chart_pending() or not self._job_announces:
                self._cancel_job()
                self._job_announces = True
                # The note now, the job (a fork of this process: tens of ms at 10,000
                # articles) once the note is painted (_note_painted): at the end of a load
                # the window's update is painted first, and its timers run between the two.
                # Not a zero timer: Qt runs one as a posted event, before the paint and
                # the overdue timers (the update and the fork were one 222 ms stall).
                self._start_key, self._start_note_painted = cache_key, False
                self._note_token = None
                QTimer.singleShot(JOB_START_LATEST_MS, self, self._start_job_at_the_latest)
                self._current = None
                self._update_description()
                self._show_computing()
            return
        self._current = self._build()
        self._show_current()

    def _draw_on_thread(self, cache_key: tuple[str, str | None]) -> None:
        """Up to BACKGROUND_LIMIT articles: the chart computed (unless known) and drawn on
        a thread, started in the next turn of the event loop. What is on screen stays as it is, with its own title and
        description (a chart is never shown under another's), no longer answering the
        mouse; the "Computing…" note replaces it only if the drawing takes longer than
        NOTE_DELAY_MS. A note already up (the data changed) stays until then."""
        coming = self._job_key or self._start_key
        if self.chart_pending() and self._job_announces and coming == cache_key:
            return  # already on its way
        self._cancel_job()
        self._job_announces = True
        self._current = None  # hover and clicks no longer find the chart on screen
        QToolTip.hideText()
        # In the next turn: a fork the caller makes next (the Claims view's alignment, after
        # the data changed) would otherwise wait for this thread (desktop.fork_guard).
        self._start_key = cache_key
        token = self._note_token = object()  # dropped when the chart is shown or cancelled
        QTimer.singleShot(0, self, lambda: token is self._note_token and self._start_job_now())
        QTimer.singleShot(NOTE_DELAY_MS, self, lambda: self._note_if_still_drawing(token))

    def _note_if_still_drawing(self, token: object) -> None:
        """NOTE_DELAY_MS after a chart was chosen: if it is still being drawn, the note
        (and the new chart's description) take the old chart's place."""
        if token is not self._note_token or self._current is not None:
            return
        if self.chart_pending() or self._scene_thread is not None:
            self._update_description()
            self._show_computing()

    def _note_painted(self) -> None:
        if self._start_key is not None:
            self._start_note_painted = True
            # After this paint has reached the screen: a posted event, next turn.
            QTimer.singleShot(0, self, self._start_job_now)

    def _start_job_at_the_latest(self, waited_ms: int = JOB_START_LATEST_MS) -> None:
        """No paint of the note has come in ``waited_ms``: start the job now, unless the note
        is visible in a window that is not minimized. Then its paint is queued behind this
        timer (the GUI thread was busy, or had no core, that long) and starts the job
        (_note_painted): the fork waits for it rather than stall the window before the note
        is on screen (up to JOB_START_LONGEST_MS: a paint that never comes delays the chart,
        never loses it)."""
        if (
            self._start_key is not None
            and not self._start_note_painted
            and self.note_label.isVisible()
            and not self.window().isMinimized()
            and waited_ms < JOB_START_LONGEST_MS
        ):
            QTimer.singleShot(
                JOB_START_LATEST_MS,
                self,
                lambda: self._start_job_at_the_latest(waited_ms + JOB_START_LATEST_MS),
            )
            return
        self._start_job_now()

    def _start_job_now(self) -> None:
        """Start the chart job _show_chart left for this turn (if it is still wanted)."""
        cache_key, self._start_key = self._start_key, None
        if cache_key is None or self._job is not None or cache_key != self._chart_key():
            return
        self._start_job(cache_key)

    def _start_job(self, cache_key: tuple[str, str | None]) -> bool:
        """Compute (unless known) and draw the chart in a forked child, or on a thread
        up to BACKGROUND_LIMIT articles and where no child can be forked safely now
        (desktop.qt_chart_job)."""
        from desktop.qt_chart_job import start_drawing_job

        if len(self._analyses) <= BACKGROUND_LIMIT:
            return self._start_thread_job(cache_key)
        self._drop_scene()
        key, _ = cache_key
        job = start_drawing_job(key, self._analyses, **self._drawing_arguments(cache_key))
        if job is None:
            return self._start_thread_job(cache_key)
        self._watch_job(job, cache_key)
        return True

    def _start_thread_job(self, cache_key: tuple[str, str | None]) -> bool:
        from desktop.qt_chart_job import start_thread_drawing_job

        self._drop_scene()
        key, _ = cache_key
        self._watch_job(
            start_thread_drawing_job(key, self._analyses, **self._drawing_arguments(cache_key)),
            cache_key,
        )
        return True

    def _drawing_arguments(self, cache_key: tuple[str, str | None]) -> dict[str, Any]:
        """What a drawing job needs besides the chart's kind and the analyses: the chart if
        known, and the canvas's size and resolution (read here, on the GUI thread)."""
        ratio = self.canvas.device_pixel_ratio
        dpi = getattr(self.figure, "_original_dpi", self.figure.dpi) * ratio
        return {
            "measure": cache_key[1], "alignment": self._claim_alignment,
            "chart": self._charts.get(cache_key), "sizer": self._sizer(not self._job_announces),
            "ratio": ratio,
            "dpi": dpi, "version": __version__, "parent": self,
            "outlets_loaded": self._outlets_loaded,
        }

    def _logical_dpi(self) -> float:
        """The screen figure's logical pixels an inch (its dpi, less the screen's ratio)."""
        return float(getattr(self.figure, "_original_dpi", self.figure.dpi))

    def _sizer(self, redraw: bool = False) -> Sizer:
        """The canvas's size for a chart of a given readable size, as the chart's page will
        give it (the stack's size, less the scroll area's frame and the scroll bars a big
        minimum size brings): the chart is drawn once, at its size. ``redraw``: the chart
        shown, drawn again after a resize: the canvas's size as it is."""
        if redraw:
            # The chart shown, drawn again for the canvas's new size (as it is now).
            return functools.partial(
                canvas_size, px_per_inch=SCREEN_PX_PER_INCH, width=self.canvas.width(),
                height=self.canvas.height(), vertical_bar=0, horizontal_bar=0,
                dpi=self._logical_dpi())
        frame = 2 * self.scroll_area.frameWidth()
        height = self.chart_stack.height() - frame - self._description_growth()
        return functools.partial(
            canvas_size, px_per_inch=SCREEN_PX_PER_INCH, dpi=self._logical_dpi(),
            width=self.chart_stack.width() - frame, height=height,
            vertical_bar=self.scroll_area.verticalScrollBar().sizeHint().width(),
            horizontal_bar=self.scroll_area.horizontalScrollBar().sizeHint().height(),
        )

    def _watch_job(self, job: Any, cache_key: tuple[str, str | None]) -> None:
        self._job, self._job_key = job, cache_key
        job.done.connect(lambda result, job=job: self._on_job_done(job, result))
        job.failed.connect(lambda error, job=job: self._on_job_failed(job, error))

    def _on_job_done(self, job: Any, result: Any) -> None:
        if job is not self._job or self._job_key is None:
            return
        cache_key, announce = self._job_key, self._job_announces
        self._job = self._job_key = None
        self._chart_arrived()
        self._job_announces = True
        self.canvas.awaiting = False
        if not isinstance(result, Pixels):  # a chart (the jobs of an older window)
            self._charts[cache_key] = result
            self._show_chart()
            return
        image = QImage(result.rgba, result.width, result.height, 4 * result.width,
                       QImage.Format.Format_RGBA8888).copy()  # owns its pixels
        image.setDevicePixelRatio(self.canvas.device_pixel_ratio)
        result.rgba = b""  # the image has them (5 MB a chart at 1400 × 900)
        if not result.scene:  # drawn on a thread of this process: chart and figure here
            self._take_picture(cache_key, result, image, announce)
            return
        # From a child: its chart and figure are read on a thread (tens of ms of unpickling
        # that the GUI thread would otherwise spend), then shown (_on_scene_read).
        from desktop.qt_chart_job import (
            call_on_gui_thread,
            collection_paused,
            gui_relay,
            loads_chart,
        )

        relay = gui_relay()
        token = self._scene_token = object()
        analyses = self._analyses
        self.canvas.awaiting = True

        def read() -> None:
            outcome: Any
            try:
                with collection_paused():
                    result.chart, result.figure = loads_chart(result.scene, analyses)
                result.scene = b""
                outcome = result
            except Exception as exc:  # the chart is then drawn here (_on_scene_read)
                outcome = f"{type(exc).__name__}: {exc}"
            self._scene_outcome = (token, cache_key, outcome, image, announce)
            # Through the app's relay, not a signal of this view: the view may be
            # deleted while the thread emits (closed without shutdown()).
            call_on_gui_thread(relay, self, "_on_scene_read", self._scene_outcome)

        self._scene_thread = threading.Thread(target=read, name="chart-scene", daemon=True)
        self._scene_thread.start()

    def _on_scene_read(self, message: tuple[Any, ...]) -> None:
        """On the GUI thread, from the thread reading a child's drawing (or at once, by
        _require_chart): (token, key, Pixels or the error, image, whether it replaces a
        note)."""
        token, cache_key, outcome, image, announce = message
        if token is not self._scene_token:
            return  # a later drawing, other analyses or a note came meanwhile
        self._drop_scene()
        self._chart_arrived()
        if not isinstance(outcome, Pixels):
            from desktop.qt_chart_job import report_problem

            report_problem(self, f"The chart drawn in the background could not be read "
                                 f"({outcome}); drawing it in the window instead.")
            if cache_key == self._chart_key():
                self._show_chart(background=False)
            return
        self._take_picture(cache_key, outcome, image, announce)

    def _drop_scene(self) -> None:
        """Forget a drawing being read: it is out of date, or has arrived."""
        self._scene_token = None
        self._scene_thread = None
        self.canvas.awaiting = False

    def _take_picture(
        self, cache_key: tuple[str, str | None], pixels: Pixels, image: QImage, announce: bool
    ) -> None:
        self._charts[cache_key] = pixels.chart
        self._pictures[cache_key] = (pixels, image)
        self._pictures.move_to_end(cache_key)
        self._forget_old_pictures()
        # A chart chosen replaces its "Computing…" note (or whatever note came since, as a
        # chart computed here would); a drawing for a new size replaces only the chart.
        on_screen = self.chart_stack.currentWidget() is self.scroll_area and not self.canvas.blank
        if cache_key == self._chart_key() and (announce or on_screen):
            self._show_picture(cache_key, announce=announce, fitting=False)

    def _show_picture(
        self, cache_key: tuple[str, str | None], *, announce: bool, fitting: bool = True
    ) -> bool:
        """Show the last drawing of this chart made elsewhere (when ``fitting``, only if it
        was drawn for about the size the canvas will have: FITS_WITHIN_PX); False when
        there is none to show. A drawing for another size is shown too (whole,
        scaled down if bigger): a resize follows and has it drawn again."""
        picture = self._pictures.get(cache_key)
        if picture is None:
            return False
        pixels, image = picture
        if fitting:
            width, height = self._sizer()(pixels.chart)[2:]
            if max(abs(width - pixels.size[0]), abs(height - pixels.size[1])) > FITS_WITHIN_PX:
                return False
        self._pictures.move_to_end(cache_key)
        self._note_token = None
        self._current = pixels.chart
        self.canvas.blank = False
        self._update_description()
        self._name_for_screen_readers()
        QToolTip.hideText()
        self._set_canvas_minimum(*pixels.min_size)
        assert pixels.figure is not None
        self.canvas.adopt(pixels.figure)
        self.canvas.show_pixels(image)
        self.canvas.check_size()
        if announce:
            self._show_chart_page()
            self.chart_shown.emit(self.current_key())
        return True

    def pictures_bytes(self) -> int:
        """The bytes of the images of the drawings kept (:data:`PICTURES_BYTES` at most,
        beyond the one shown)."""
        return sum(image.sizeInBytes() for _, image in self._pictures.values())

    def _forget_old_pictures(self) -> None:
        """Keep the drawings within PICTURES_BYTES, the least recently shown dropped first
        (never the newest: it is, or is about to be, on screen). Their charts stay: cheap,
        and a chart known is only drawn again."""
        while len(self._pictures) > 1 and self.pictures_bytes() > PICTURES_BYTES:
            self._pictures.popitem(last=False)

    def _on_job_failed(self, job: Any, error: str = "") -> None:
        if job is not self._job or self._job_key is None:
            return
        self._chart_arrived()
        if job.pid is not None:
            # The forked child crashed, failed or was stuck: said, then redone on a thread.
            from desktop.qt_chart_job import report_problem

            report_problem(
                self,
                f"The chart process {error.splitlines()[0] if error else 'failed'}"
                "; computing the chart in the window's process instead.",
            )
            announces = self._job_announces
            self._start_thread_job(self._job_key)
            self._job_announces = announces
            if announces:
                self._show_computing()
            return
        # Computed here instead; an error it raises is the one the user would have seen.
        self._job = self._job_key = None
        self._show_chart(background=False)

    def _cancel_job(self) -> None:
        self._start_key = None
        self._note_token = None
        self._job_announces = True
        self._drop_scene()
        if self._job is not None:
            job, self._job, self._job_key = self._job, None, None
            job.cancel()
        self._chart_arrived()

    def _show_computing(self) -> None:
        """The chart's place while it is computed: a short note."""
        self.show_note(f"Computing the chart for {len(self._analyses):,} articles…")

    def note(self) -> str:
        """The note shown in the chart's place ("" while a chart is shown)."""
        return self.note_label.text() if self.chart_stack.currentWidget() is self.note_label else ""

    def show_note(self, text: str) -> None:
        """A short note in the chart's place (e.g. while files are analysed); the next chart
        shown replaces it. A label: it costs the GUI thread next to nothing, whatever the
        figure holds, and a resize lays it out again."""
        QToolTip.hideText()
        self._current = None  # a resize re-plots nothing while the note is up
        self.canvas.blank = True  # ... and draws nothing (ChartCanvas.blank)
        self.note_label.setText(text)
        self.chart_stack.setCurrentWidget(self.note_label)

    def _show_chart_page(self) -> None:
        """The chart is drawn: it takes the note's place."""
        self.chart_stack.setCurrentWidget(self.scroll_area)

    def _show_current(self) -> None:
        """Plot and draw the current chart here, on the GUI thread (few articles; or a chart
        whose drawing elsewhere failed, whose error is then the one the user sees)."""
        assert self._current is not None
        self.canvas.blank = False
        self.canvas.awaiting = False
        self.canvas.adopt(self.figure)
        self._update_description()
        self._name_for_screen_readers()
        # A chart with many rows keeps a readable height and scrolls.
        min_w, min_h = self._sizer()(self._current)[:2]
        self._set_canvas_minimum(min_w, min_h)
        # Until the canvas has grown to its new minimum, draw at that size rather than
        # cramming a tall chart into the previous chart's smaller figure.
        ratio, dpi = self.canvas.device_pixel_ratio, self.figure.dpi
        canvas_w, canvas_h = self._coming_canvas_size(min_w, min_h)
        self.figure.set_size_inches(canvas_w * ratio / dpi, canvas_h * ratio / dpi, forward=False)
        self._replot()
        self.canvas.draw_idle()  # type: ignore[no-untyped-call]
        self._show_chart_page()
        self.chart_shown.emit(self.current_key())

    def _set_canvas_minimum(self, width: int, height: int) -> None:
        """The canvas's minimum size for the chart shown; the scroll area is told to lay
        it out again. A canvas's new minimum alone reaches only the scroll area's viewport:
        after a chart taller than the view (its vertical scroll bar shown, the canvas
        narrower and taller than the view), a smaller chart kept that bar and canvas, and
        was drawn again for them (986 x 588 view: 972 x 592, ux11's review, session 11)."""
        self.canvas.setMinimumSize(width, height)
        QCoreApplication.postEvent(self.scroll_area, QEvent(QEvent.Type.LayoutRequest))

    def _coming_canvas_size(self, min_w: int, min_h: int) -> tuple[int, int]:
        """The canvas's size once the chart is shown. Behind a note, the hidden canvas keeps
        the size it had before: the chart page will get the note's (the stack's), less the
        scroll area's frame and the scroll bars the minimum size brings, so that the chart
        is drawn once, at its size, and not again when its page is shown."""
        if self.chart_stack.currentWidget() is self.scroll_area:
            return max(self.canvas.width(), min_w), max(self.canvas.height(), min_h)
        frame = 2 * self.scroll_area.frameWidth()
        width, height = self.chart_stack.width() - frame, self.chart_stack.height() - frame
        if min_h > height:
            width -= self.scroll_area.verticalScrollBar().sizeHint().width()
        if min_w > width:
            height -= self.scroll_area.horizontalScrollBar().sizeHint().height()
        return max(width, min_w), max(height, min_h)

    def wait_drawn(self) -> None:
        """Block until a chart being drawn on a thread of this process is done, and its
        drawing read: one matplotlib drawing at a time here (exports; shared font caches).
        A child's drawing is not waited for. At most CHART_WAIT_SECONDS: then
        :class:`ChartNotReady`."""
        deadline = time.monotonic() + CHART_WAIT_SECONDS
        if self._job is not None and self._job.pid is None:
            if not self._job.wait(_left(deadline)):
                raise self._not_ready()
        if self._scene_thread is not None:
            self._join_scene_thread(deadline)

    def _join_scene_thread(self, deadline: float) -> None:
        """Wait until ``deadline`` (time.monotonic) for the thread reading a child's
        drawing; :class:`ChartNotReady` if it still reads then."""
        assert self._scene_thread is not None
        self._scene_thread.join(_left(deadline))
        if self._scene_thread.is_alive():
            raise self._not_ready()

    def shutdown(self) -> list[str]:
        """The window closes: stop the chart being computed (a forked child is killed,
        not left behind), let a drawing on a thread end, and finish the exports under way
        (the user asked for those files). What was not waited for is said and returned."""
        job = self._job
        self._cancel_job()
        # Each wait is bounded (CLOSE_WAIT_SECONDS, EXPORT_CLOSE_WAIT_SECONDS): a window
        # that cannot close is worse than a drawing left to the interpreter's end; what
        # was not waited for is said.
        late: list[str] = []
        if job is not None and job.pid is None and not job.wait(CLOSE_WAIT_SECONDS):
            late.append("a chart being drawn")
        if self._scene_thread is not None:
            self._scene_thread.join(CLOSE_WAIT_SECONDS)
            if self._scene_thread.is_alive():
                late.append("a chart's drawing being read")
        self._after_chart.clear()  # what waits for the chart is begun by wait() below
        unfinished = sum(not export.wait(EXPORT_CLOSE_WAIT_SECONDS)
                         for export in list(self._exports))
        if unfinished:
            late.append(f"{unfinished} chart export(s) still being written (each is "
                        "written beside, then renamed: an unfinished one replaces no file)")
        for copy_job in list(self._copies):  # nobody to paste it: dropped, its thread ended
            copy_job.cancel()
            if not copy_job.wait(CLOSE_WAIT_SECONDS):
                late.append("a chart being copied")
        self._copies.clear()
        if late:
            from desktop.qt_chart_job import report_problem

            report_problem(self, "Closed without waiting longer for " + "; ".join(late))
        return late

    def _replot(self) -> None:
        """The canvas has a new size: re-plot the current chart on the one Figure (cleared)
        here, or past BACKGROUND_LIMIT articles have it drawn again elsewhere for that size
        (the last drawing is painted, whole, until then)."""
        self._target_marker.hide()  # drawn again at a new size: the next key marks again
        if self._current is None:
            return
        QToolTip.hideText()
        if self.canvas.showing_pixels:
            cache_key = self._chart_key()
            if self.chart_pending() and self._job_announces:
                return  # a new chart is on its way (drawn for the size of the moment)
            self._cancel_job()  # a drawing for the size before, if any
            self._job_announces = False
            self.canvas.awaiting = True
            self._start_job(cache_key)
            self.canvas.awaiting = self._job is not None
            return
        # Names that turn at a new width need the chart's readable height again.
        least = least_size(self._current, SCREEN_PX_PER_INCH, self.canvas.width(),
                           self._logical_dpi())
        if least != (self.canvas.minimumWidth(), self.canvas.minimumHeight()):
            self._set_canvas_minimum(*least)
        render(self._current, __version__, self.figure, screen=True)

    def _name_for_screen_readers(self) -> None:
        """The chart shown, named for a screen reader (the canvas is otherwise an unnamed
        widget after the Measure box): its title, and what it shows."""
        title = getattr(self._current, "title", "") or self._shown_kind().title
        for widget in (self.scroll_area, self.canvas):
            widget.setAccessibleName(f"Chart: {title}")
            widget.setAccessibleDescription(self.description.text())

    def _description(self) -> tuple[str, str]:
        """The chosen chart's description and its tooltip (as drawn for the loaded articles)."""
        kind = self._shown_kind()
        text = tip = kind.description
        if kind.needs_measure:
            m = measure(self.current_measure())
            lead = definition_lead(m.definition)
            # F1 too: "hover here" was the only way in for a keyboard user, and this text
            # is also the chart's accessible description (ux27); F1 opens Methods at
            # the chart's measure (MainWindow.measure_in_view).
            more = (" (more: hover here, or F1 for Help ▸ Methods)"
                    if lead != m.definition else "")
            text += f"\n{m.label} ({m.unit}): {lead}{more}"
            tip += f"\n\n{m.label} ({m.unit}): {m.definition}"
        alignment = self._claim_alignment
        if kind.key in CLAIM_CHARTS and alignment is not None:
            # The threshold the chart was aligned at (the Claims view's), not the default.
            default = claim_method_sentence(DEFAULT_THRESHOLD)
            actual = claim_method_sentence(alignment.threshold)
            text, tip = text.replace(default, actual), tip.replace(default, actual)
        return text, tip

    def _update_description(self) -> None:
        text, tip = self._description()
        self.description.setText(text)
        self.description.setToolTip(tip)

    def _description_growth(self) -> int:
        """How much taller (px) the description gets when the chosen chart's replaces the
        one shown (the old chart keeps its own until the new one is drawn): the chart's
        page loses as much, so the chart is drawn for the page it will have."""
        text = self._description()[0]
        if text == self.description.text():
            return 0
        return self.description.height_for(text) - self.description.height_for(
            self.description.text())

    def _on_motion(self, event: Any) -> None:
        if not isinstance(event, MouseEvent) or self._current is None:
            return
        text = None
        if event.inaxes is not None and event.xdata is not None and event.ydata is not None:
            text = self._current.hover_text(event.inaxes, event.xdata, event.ydata)
        elif (label_at := getattr(self._current, "label_at", None)) is not None:
            # Outside the axes: a chart whose labels shorten what they name (the certainty
            # drift's claims) gives the whole of it over the label.
            text = label_at(event.x, event.y)
        if text:
            QToolTip.showText(QCursor.pos(), text, self.canvas)
        else:
            QToolTip.hideText()

    def _on_click(self, event: Any) -> None:
        """List the sentences behind the bar, cell or point clicked (left button)."""
        if not isinstance(event, MouseEvent) or self._current is None:
            return
        if event.button != 1 or event.inaxes is None:
            return
        refs = self._current.sentences_at(event)
        what = ""
        if event.xdata is not None and event.ydata is not None:
            what = self._current.hover_text(event.inaxes, event.xdata, event.ydata) or ""
        self.evidence_panel.show_sentences(refs, self._analyses, what)
        self._make_room_for_evidence()

    def chart_targets(self) -> list[tuple[float, float]]:
        """The places of the chart shown where a click may list sentences, in the order
        the arrow keys go (desktop.chart_keys); worked out again for a new chart or size.
        The keys pass over those where a click lists nothing (:meth:`_lists`)."""
        from desktop.chart_keys import chart_targets

        figure = self.canvas.figure
        key = (id(self._current), id(figure), tuple(figure.bbox.bounds))
        if self._current is None:
            return []
        if key != self._targets_for:
            same_chart = self._targets_for is not None and self._targets_for[0] == key[0]
            self._targets = chart_targets(figure)
            self._targets_for = key
            self._target_lists = {}
            if not same_chart or self._target_index is None or \
                    self._target_index >= len(self._targets):
                self._target_index = None  # a new chart: the keys start again
        return self._targets

    def _lists(self, index: int) -> bool:
        """Does a click at target ``index`` list sentences? (Asked as the keys reach it.)"""
        from desktop.chart_keys import lists_at

        if index not in self._target_lists:
            assert self._current is not None
            self._target_lists[index] = lists_at(self.canvas.figure, self._current.sentences_at,
                                                 self._targets[index])
        return self._target_lists[index]

    def _step(self, start: int, direction: int) -> int | None:
        """The first target from ``start`` on, going ``direction`` (round the end), where a
        click lists sentences; None if there is none."""
        count = len(self._targets)
        for n in range(count):
            index = (start + direction * n) % count
            if self._lists(index):
                return index
        return None

    def _on_chart_key(self, event: Any) -> None:
        """Arrows (and Home, End) mark the next bar, cell or point that lists sentences;
        Enter or Space lists them, as a click on it does."""
        key = getattr(event, "key", None)
        moves = {"right": 1, "down": 1, "left": -1, "up": -1}
        if self._current is None or key not in (*moves, "home", "end", "enter", " "):
            return
        targets = self.chart_targets()
        index = self._target_index
        if key in ("enter", " "):
            if index is None:
                index = self._step(0, 1) if targets else None
                if index is not None:
                    self._mark_target(index)
            if index is not None:
                self._list_target(index)
                return
        elif key == "home" or (index is None and moves.get(key, 0) > 0):
            index = self._step(0, 1) if targets else None
        elif key == "end" or index is None:
            index = self._step(len(targets) - 1, -1) if targets else None
        else:
            index = self._step(index + moves[key], moves[key])
        if index is None:
            self.evidence_panel.heading.setText("No bar, cell or point of this chart lists "
                                                "sentences")
            return
        self._mark_target(index)

    def _mark_target(self, index: int) -> None:
        """Draw the marker around target ``index`` and say what it is, as hovering does."""
        from desktop.chart_keys import click_at

        self._target_index = index
        x, y = self._targets[index]
        centre = self._place_marker()
        self._target_marker.show()
        self._target_marker.raise_()
        self.scroll_area.ensureVisible(centre.x(), centre.y(), 40, 40)
        event = click_at(self.canvas, x, y)
        what = ""
        if event.inaxes is not None and event.xdata is not None and event.ydata is not None:
            what = self._current.hover_text(event.inaxes, event.xdata, event.ydata) or "" \
                if self._current is not None else ""
        self.canvas.setToolTip(what)
        if what:
            QToolTip.showText(self.canvas.mapToGlobal(centre), what, self.canvas)
        self.canvas.setAccessibleDescription(
            f"{index + 1} of {len(self._targets)}: {what}" if what else
            f"{index + 1} of {len(self._targets)}")

    def _place_marker(self) -> QPoint:
        """Put the keys' marker round the marked target where it is painted; its centre."""
        assert self._target_index is not None
        centre = self.canvas.widget_point(*self._targets[self._target_index])
        size = 18
        self._target_marker.setGeometry(centre.x() - size // 2, centre.y() - size // 2,
                                        size, size)
        return centre

    def _keep_marker_on_target(self) -> None:
        """The canvas was resized and paints the last drawing scaled until it is drawn
        again (then the marker goes: _replot): the marker follows its target there (Enter
        opening the sentences beside the chart left it where the bar was before)."""
        if self._target_marker.isVisible() and self._target_index is not None and \
                self._target_index < len(self._targets):
            self._place_marker()

    def marked_target(self) -> int | None:
        """The index of the target the arrow keys marked last on the chart shown (None:
        none yet). A resize hides the mark; the next key goes on from it."""
        self.chart_targets()  # forgets the index of a chart no longer shown
        return self._target_index

    def _list_target(self, index: int) -> None:
        """List the sentences behind target ``index``, as a click there does."""
        from desktop.chart_keys import click_at

        x, y = self._targets[index]
        self._on_click(click_at(self.canvas, x, y))

    def _make_room_for_evidence(self) -> None:
        """Give the listed sentences a third of the height when the panel was only the hint,
        or, where the chart would then no longer fit its page (its readable height; the
        outlets' names under it would scroll out of view: 1300 × 820, the window's default),
        a column beside the chart, which keeps the whole height."""
        if not self.evidence_panel.is_listing():
            self._put_evidence_below()  # only a line ("No sentence behind this")
            return
        if self.splitter.orientation() == Qt.Orientation.Horizontal:
            return  # beside the chart already
        chart, panel = self.splitter.sizes()
        wanted = max(self.evidence_panel.minimumSizeHint().height(), (chart + panel) // 3)
        if panel >= wanted:
            return
        frame = 2 * self.scroll_area.frameWidth()
        # The chart's readable height, not the least it can take on a short screen.
        readable = int(self._current.size_hint()[1] * SCREEN_PX_PER_INCH) if (
            self._current is not None) else self.canvas.minimumHeight()
        if chart + panel - wanted >= readable + frame:
            self.splitter.setSizes([chart + panel - wanted, wanted])
            return
        total = self.splitter.width() - self.splitter.handleWidth()
        beside = max(EVIDENCE_MIN_WIDTH, total // 3)
        if total - beside < self.canvas.minimumWidth() + frame:
            # No room beside either (a narrow window): below, and the chart scrolls.
            self.splitter.setSizes([chart + panel - wanted, wanted])
            return
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setSizes([total - beside, beside])

    def _clear_evidence(self) -> None:
        """No sentences listed: the panel goes back to its one-line hint under the chart."""
        self.evidence_panel.clear()
        self._put_evidence_below()

    def _put_evidence_below(self) -> None:
        if self.splitter.orientation() == Qt.Orientation.Horizontal:
            self.splitter.setOrientation(Qt.Orientation.Vertical)
            height = self.splitter.height() - self.splitter.handleWidth()
            hint = self.evidence_panel.sizeHint().height()
            self.splitter.setSizes([height - hint, hint])
