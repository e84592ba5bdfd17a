"""The bars, cells and points of a chart that list sentences, in reading order, for the
keyboard (ux22, session 22: clicking a bar, cell or point was the only way to list the
sentences behind it, and the chart was a tab stop where no key did anything).

A target is a place on the figure, in matplotlib's display coordinates (pixels from the
bottom left), where a click lists sentences: the centre of a bar (a Rectangle), of a cell
of a heatmap (an image or a mesh) or of a point (a scatter's marker), kept when the
chart's own hit test (``chart.sentences_at``) finds sentences there. Each target is then
clicked as the mouse would, with a MouseEvent at that place, so the keys list exactly
what a click lists.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.backend_bases import MouseEvent
from matplotlib.collections import PathCollection, QuadMesh
from matplotlib.figure import Figure
from matplotlib.image import AxesImage
from matplotlib.patches import Rectangle

#: Points (scatter markers) read at most, over the whole chart: a chart of thousands of
#: articles' dots is reached through its bars, one per outlet.
MAX_POINTS = 400
#: Candidates closer than this (pixels) are one target.
SAME_PLACE = 3.0


def _centres(ax: Axes) -> list[tuple[float, float]]:
    """The display places of the axes' bars, image or mesh cells and (up to MAX_POINTS)
    points, in the order drawn (vectorised: a 30-outlet heatmap has thousands of cells)."""
    found: list[np.ndarray] = []
    boxes = [p.get_window_extent() for p in ax.patches
             if isinstance(p, Rectangle) and p.get_visible()]
    if boxes:
        found.append(np.array([((b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2) for b in boxes]))
    for image in ax.images:
        if isinstance(image, AxesImage) and image.get_visible():
            rows, cols = image.get_array().shape[:2]
            left, right, bottom, top = image.get_extent()
            xs = left + (np.arange(cols) + 0.5) * (right - left) / cols
            ys = top + (np.arange(rows) + 0.5) * (bottom - top) / rows
            grid = np.stack(np.meshgrid(xs, ys), axis=-1).reshape(-1, 2)  # row by row
            found.append(ax.transData.transform(grid))
    points = 0
    for collection in ax.collections:
        if not collection.get_visible():
            continue
        if isinstance(collection, QuadMesh):
            edges = np.asarray(collection.get_coordinates())
            centres = (edges[:-1, :-1] + edges[1:, 1:]) / 2
            found.append(ax.transData.transform(centres.reshape(-1, 2)))
        elif isinstance(collection, PathCollection):
            offsets = np.asarray(collection.get_offsets())
            if not len(offsets) or points + len(offsets) > MAX_POINTS:
                continue
            points += len(offsets)
            found.append(collection.get_offset_transform().transform(offsets))
    if not found:
        return []
    places = np.concatenate([f.reshape(-1, 2) for f in found])
    places = places[np.isfinite(places).all(axis=1)]
    return [(x, y) for x, y in places.tolist()]


def _across(ax: Axes) -> bool:
    """Are the axes' targets read left to right (vertical bars, points alone), rather
    than row by row from the top (horizontal bars, a heatmap's cells)?"""
    boxes = [p.get_window_extent() for p in ax.patches
             if isinstance(p, Rectangle) and p.get_visible()]
    if boxes:
        widths = np.array([b.width for b in boxes])
        heights = np.array([b.height for b in boxes])
        return bool(np.ptp(widths) <= np.ptp(heights))  # bars of one width stand up
    return not ax.images and not any(isinstance(c, QuadMesh) for c in ax.collections)


def _reading_order(places: list[tuple[float, float]], across: bool
                   ) -> list[tuple[float, float]]:
    if across:
        return sorted(places, key=lambda p: (p[0], -p[1]))
    return sorted(places, key=lambda p: (-round(p[1] / SAME_PLACE), p[0]))


def chart_targets(
    figure: Figure, sentences_at: Callable[[MouseEvent], Sequence[Any]] | None = None,
) -> list[tuple[float, float]]:
    """The places of ``figure`` where a click may list sentences (the centres of its bars,
    cells and points), axes by axes, each in reading order; with ``sentences_at`` (the
    chart's hit test), only those where it finds sentences. A chart of many cells is
    read without it, and each place tested as the keys reach it (:func:`lists_at`): a
    30-outlet heatmap has over a thousand (1.5 s to test them all)."""
    canvas = figure.canvas
    targets: list[tuple[float, float]] = []
    for ax in figure.axes:
        if not ax.get_visible():
            continue
        places: list[tuple[float, float]] = []
        seen: set[tuple[int, int]] = set()  # places taken, by SAME_PLACE square
        for x, y in _centres(ax):
            square = (round(x / SAME_PLACE), round(y / SAME_PLACE))
            if square in seen:
                continue
            if sentences_at is None or sentences_at(click_at(canvas, x, y)):
                places.append((x, y))
                seen.add(square)
        targets.extend(_reading_order(places, _across(ax)))
    return targets


def lists_at(figure: Figure, sentences_at: Callable[[MouseEvent], Sequence[Any]],
             place: tuple[float, float]) -> bool:
    """Does a click at ``place`` list sentences?"""
    return bool(sentences_at(click_at(figure.canvas, *place)))


def click_at(canvas: Any, x: float, y: float) -> MouseEvent:
    """A left-button press at display place (x, y), as the canvas would make it."""
    return MouseEvent("button_press_event", canvas, x, y, button=1)
