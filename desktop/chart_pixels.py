"""A chart drawn to pixels away from the window's GUI thread (Qt-free).

Past a few hundred articles the Compare view does not draw its chart itself: a forked
child (or, where no fork is safe, a thread) builds the chart if needed, plots it on a
Figure of the canvas's size and draws it with Agg. The window gets the pixels to paint,
and the plotted Figure with its chart, whose axes know where every bar and cell is
(hover and click use them as on a figure the window drew itself). Drawing a 30-outlet
heatmap or similarity matrix is 0.5-1 s of FreeType and matplotlib work; on a thread of
the window it held the interpreter lock against the GUI thread (60-80 ms stalls).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

#: From a chart's readable size (inches) to (minimum width, minimum height, width,
#: height) of the canvas that will show it, in logical pixels.
Sizer = Callable[[tuple[float, float]], tuple[int, int, int, int]]


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


def canvas_size(
    hint: tuple[float, float], px_per_inch: float, width: int, height: int,
    vertical_bar: int, horizontal_bar: int,
) -> tuple[int, int, int, int]:
    """The canvas's (minimum width, minimum height, width, height) for a chart whose
    readable size is ``hint`` (inches), in a scroll area of ``width`` × ``height`` whose
    scroll bars take ``vertical_bar`` / ``horizontal_bar`` pixels when they show (they do
    when the minimum does not fit)."""
    min_w, min_h = int(hint[0] * px_per_inch), int(hint[1] * px_per_inch)
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

    min_w, min_h, width, height = sizer(chart.size_hint())
    figure = Figure(figsize=(width * ratio / dpi, height * ratio / dpi), dpi=dpi,
                    layout="constrained")
    canvas = FigureCanvasAgg(figure)
    render(chart, version, figure)
    between()
    canvas.draw()
    pixels = np.asarray(canvas.buffer_rgba())
    rows, columns = pixels.shape[:2]
    return Pixels(pixels.tobytes(), columns, rows, (width, height), (min_w, min_h),
                  chart=chart, figure=figure)
