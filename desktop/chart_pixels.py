"""A chart drawn to pixels away from the window's GUI thread (Qt-free).

Past a few hundred articles the Compare view does not draw its chart itself: a forked
child (or, where no fork is safe, a thread) builds the chart if needed, plots it on a
Figure of the canvas's size and draws it with Agg. The window gets the pixels to paint,
and the plotted Figure with its chart, whose axes know where every bar and cell is
(hover and click use them as on a figure the window drew itself). Drawing a 30-outlet
heatmap or similarity matrix is 0.5-1 s of FreeType and matplotlib work; on a thread of
the window it held the interpreter lock against the GUI thread (60-80 ms stalls).

Those stalls were the fonts' file reads (:class:`AggCanvas`): matplotlib's FreeType
fonts read every glyph they load through a Python file object, one ``lseek`` and one
``read`` each (43,000 reads for a 300-article heatmap), and Python lets go of the
interpreter lock around every one of them. CPython's lock (3.11 here) makes a thread that
waits for the lock ask for it only once it has waited a whole switch interval (0.5 ms in
the window) without being woken; each of these releases wakes it, and the drawing thread,
still on its core, takes the lock back first. So the GUI thread woke, found the lock
taken and started its wait afresh, thousands of times a second: 64-89 ms stalls seen.
"""

from __future__ import annotations

import functools
import io
import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import matplotlib as mpl
import numpy as np
from matplotlib import cbook, ft2font
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties, fontManager

#: From a chart's readable size (inches) to (minimum width, minimum height, width,
#: height) of the canvas that will show it, in logical pixels.
Sizer = Callable[[Any], tuple[int, int, int, int]]


@dataclass
class Pixels:
    """A chart drawn for a canvas: what the window paints and what it hit-tests with."""

    #: The Agg drawing, RGBA, ``height`` rows of ``width`` device pixels.
    rgba: bytes
    width: int
    height: int
    #: The canvas's size (logical pixels) the chart was drawn for, and its minimum size.
    size: tuple[int, int]
    min_size: tuple[int, int]
    #: The chart and the Figure it is plotted on: as objects (drawn in this process) ...
    chart: Any = None
    figure: Figure | None = None
    #: ... or pickled by the child that drew them (desktop.qt_chart_job.dumps_chart),
    #: read by the window off its GUI thread.
    scene: bytes = b""


@functools.cache
def _font_file_bytes(path: str) -> bytes:
    """A font file's bytes, read once per process (a few hundred kB per font)."""
    with open(path, "rb") as handle:
        return handle.read()


def _face_in_memory(path: str, face_index: int, **options: Any) -> ft2font.FT2Font:
    return ft2font.FT2Font(io.BytesIO(_font_file_bytes(path)), face_index=face_index, **options)


@functools.lru_cache(64)
def _font_in_memory(
    faces: tuple[tuple[str, int], ...], thread_id: int, last_resort: bool
) -> ft2font.FT2Font:
    """The font matplotlib's ``font_manager.get_font`` makes for ``faces`` (path, face
    index: the first face, the others and Last Resort as its fallbacks), its faces read
    from bytes in memory. Like matplotlib's, one per thread (a FreeType face is not safe to
    share). The paths are resolved here, once: ``os.path.realpath`` stats every folder on
    the way (10,000 ``lstat`` calls per heatmap when done for every text measured, each
    letting go of the interpreter lock as the file reads did)."""
    paths = tuple((os.path.realpath(path), index) for path, index in faces)
    (first, first_index), *rest = paths
    fallbacks = [_face_in_memory(path, index) for path, index in rest]
    last_resort_path = os.path.realpath(
        cbook._get_data_path("fonts", "ttf", "LastResortHE-Regular.ttf"))
    last_resort_at = next(
        (k for k, (path, index) in enumerate(paths) if (path, index) == (last_resort_path, 0)), -1)
    if last_resort_at < 0 and last_resort:
        fallbacks.append(_face_in_memory(last_resort_path, 0, _warn_if_used=True))
        last_resort_at = len(fallbacks)
    font = _face_in_memory(first, first_index, _fallback_list=fallbacks)
    # Last Resort's glyphs are in its first charmap (FreeType picks an empty Unicode one).
    if last_resort_at == 0:
        font.set_charmap(0)
    elif last_resort_at > 0:
        fallbacks[last_resort_at - 1].set_charmap(0)
    return font


# FreeType faces cannot be used across a fork (matplotlib empties its own font cache in a
# forked child for the same reason): a chart drawn in a child makes its own.
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_font_in_memory.cache_clear)

#: False once this matplotlib's FT2Font has refused a face from memory (then the fonts
#: are matplotlib's own, read from their files).
_fonts_from_memory = True


class _FontsInMemoryRenderer(RendererAgg):
    """``RendererAgg`` whose fonts are read from memory (:func:`_font_in_memory`)."""

    def _prepare_font(self, font_prop: FontProperties) -> Any:
        """The font for ``font_prop``, cleared, at its size (as ``RendererAgg``'s)."""
        global _fonts_from_memory
        if _fonts_from_memory:
            found: Sequence[Any] = fontManager._find_fonts_by_props(font_prop)
            # matplotlib 3.11 names a face FontPath(path, face_index); earlier ones a path.
            faces = tuple((str(getattr(entry, "path", entry)),
                           int(getattr(entry, "face_index", 0))) for entry in found)
            try:
                font = _font_in_memory(faces, threading.get_ident(),
                                       bool(mpl.rcParams["font.enable_last_resort"]))
            except TypeError:  # an FT2Font without face_index or fallbacks: matplotlib's own
                _fonts_from_memory = False
            else:
                # As get_font does (a private FT2Font call, untyped in matplotlib's stubs).
                font._set_transform([[0x10000, 0], [0, 0x10000]], [0, 0])  # type: ignore[attr-defined]
                font.clear()
                font.set_size(font_prop.get_size_in_points(), self.dpi)
                return font
        return super()._prepare_font(font_prop)  # type: ignore[no-untyped-call]


class AggCanvas(FigureCanvasAgg):
    """An Agg canvas whose text is drawn with fonts read from memory, not from their files:
    a chart drawn on a thread of the window then never lets go of the interpreter lock in
    a way that starves the GUI thread (see the module's docstring). The same pixels as
    ``FigureCanvasAgg``'s; PDF, SVG and PS are not drawn here (they embed the font files
    by name, and keep matplotlib's fonts)."""

    def get_renderer(self) -> RendererAgg:
        # FigureCanvasAgg.get_renderer's own logic, with the renderer above: a renderer made
        # once per size and resolution, reused while they stay.
        width, height = self.get_width_height(physical=True)
        key = width, height, self.figure.dpi
        if self._lastKey != key:
            self.renderer = _FontsInMemoryRenderer(  # type: ignore[no-untyped-call]
                width, height, self.figure.dpi)
            self._lastKey = key
        return self.renderer  # type: ignore[no-any-return]


def least_size(
    chart: Any, px_per_inch: float, width: int, dpi: float = 100.0
) -> tuple[int, int]:
    """The canvas's minimum (logical pixels) for ``chart`` on a page ``width`` pixels
    wide: its readable size (``size_hint``, inches of ``px_per_inch``), or the height the
    chart, drawn for the screen at that width (``dpi`` logical pixels an inch of the
    figure), says it needs (its optional ``least_height(figure_width_in)``): mostly less,
    more where fewer of its panels fit side by side than in an export (distinctive
    words)."""
    hint_w, hint_h = chart.size_hint()
    min_w = int(hint_w * px_per_inch)
    least_height = getattr(chart, "least_height", None)
    if least_height is not None:
        hint_h = least_height(max(width, min_w) / dpi)
    return min_w, int(hint_h * px_per_inch)


def canvas_size(
    chart: Any, px_per_inch: float, width: int, height: int,
    vertical_bar: int, horizontal_bar: int, dpi: float = 100.0,
) -> tuple[int, int, int, int]:
    """The canvas's (minimum width, minimum height, width, height) for ``chart``
    (:func:`least_size`), in a scroll area of ``width`` × ``height`` whose scroll bars take
    ``vertical_bar`` / ``horizontal_bar`` pixels when they show (they do when the minimum
    does not fit; ``dpi``: the figure's logical pixels an inch). The minimum is judged at
    the width left by a vertical bar: drawn wider, names that lie flat stay flat."""
    min_w, min_h = least_size(chart, px_per_inch, width - vertical_bar, dpi)
    if min_h > height:
        width -= vertical_bar
    if min_w > width:
        height -= horizontal_bar
    return min_w, min_h, max(width, min_w), max(height, min_h)


def draw_pixels(
    chart: Any, version: str, sizer: Sizer, ratio: float, dpi: float,
    between: Callable[[], None] = lambda: None,
) -> Pixels:
    """``chart`` plotted with its footer on a new Figure of the size ``sizer`` gives it
    (``dpi`` dots per inch, already times the screen's ``ratio``), drawn with Agg.
    ``between`` is called after the plotting, before the drawing (it may raise to stop)."""
    from desktop.charts import render

    min_w, min_h, width, height = sizer(chart)
    figure = Figure(figsize=(width * ratio / dpi, height * ratio / dpi), dpi=dpi,
                    layout="constrained")
    canvas = AggCanvas(figure)
    render(chart, version, figure, screen=True)
    between()
    canvas.draw()  # type: ignore[no-untyped-call]
    pixels = np.asarray(canvas.buffer_rgba())  # type: ignore[no-untyped-call]
    rows, columns = pixels.shape[:2]
    return Pixels(pixels.tobytes(), columns, rows, (width, height), (min_w, min_h),
                  chart=chart, figure=figure)
