"""A click on the chart while it waits to be drawn again for a new size (the sentences
behind a first click just opened beside it) acts on the bar the user sees there. Until the
redraw arrives the last drawing is painted whole, scaled down (about 0.67 at 1366 px); a
click was located on that drawing at its full size, so it listed another bar's sentences,
or none (session 33, ux5's review). The points clicked here are found in what the canvas
paints, not in the code's own idea of where it paints them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage

from tests.desktop.conftest import load, wait_for_chart
from tests.desktop.test_chart_whole_while_redrawn import bar_point, ink_box


def colour_near(image: QImage, point: QPoint) -> np.ndarray:
    """The average colour (0-1) of the 5 x 5 logical pixels round ``point``: a bar's
    own colour blended with its hatching, which scaling the drawing keeps."""
    ratio = image.devicePixelRatio()
    colours = [image.pixelColor(round((point.x() + dx) * ratio), round((point.y() + dy) * ratio))
               for dx in range(-2, 3) for dy in range(-2, 3)]
    return np.mean([c.getRgb()[:3] for c in colours], axis=0) / 255


def test_a_click_on_the_scaled_drawing_lists_the_bar_under_it(
    qtbot: Any, window: Any, seed_dir: Path
) -> None:
    window.resize(1366, 768)
    load(qtbot, window, [seed_dir])
    view = window.compare_view
    view.select_chart("measure_by_outlet")
    view.select_measure("hedges_epistemic_per_100w")
    chart = wait_for_chart(qtbot, view)
    bars = chart.bars  # type: ignore[attr-defined]
    outlets = [b.outlet for b in bars]
    before = view.canvas.grab().toImage()
    background = before.pixelColor(1, 1).getRgb()[:3]
    left, top, right, _ = ink_box(before, background)
    # Where each bar is drawn now (half way up it), before anything was clicked.
    full_size = {o: bar_point(view, i, bars[i].mean * 0.5) for i, o in enumerate(outlets)}
    colours = {o: colour_near(before, point) for o, point in full_size.items()}

    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=full_size["HLN"])
    assert view.evidence_panel.heading.text().startswith("HLN: average")
    assert view.splitter.orientation() == Qt.Orientation.Horizontal
    assert not view.canvas.settled  # the old drawing is still painted, scaled down

    during = view.canvas.grab().toImage()
    l2, t2, r2, _ = ink_box(during, background)
    scale = (r2 - l2) / (right - left)
    assert scale < 0.9, scale  # the case at hand: the drawing painted smaller

    def shown(point: QPoint) -> QPoint:
        """Where ``point`` of the full-size drawing is painted now."""
        return QPoint(round(l2 + (point.x() - left) * scale),
                      round(t2 + (point.y() - top) * scale))

    # Every bar, clicked where it is painted, lists its own outlet's sentences.
    for outlet in reversed(outlets):
        if outlet == "HLN":
            continue
        target = shown(full_size[outlet])
        # The point really is on that bar as painted.
        assert np.abs(colour_near(during, target) - colours[outlet]).max() < 0.1, outlet
        qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=target)
        assert not view.canvas.settled  # still the scaled drawing on screen
        assert view.evidence_panel.heading.text().startswith(f"{outlet}: average"), (
            outlet, view.evidence_panel.heading.text())

    # The arrow keys' mark goes round the bar as painted too.
    view.canvas.setFocus()
    qtbot.keyClick(view.canvas, Qt.Key.Key_Home)
    assert not view.canvas.settled
    marked = view.marked_target()
    assert marked is not None
    x, y = view.chart_targets()[marked]
    ratio = view.canvas.device_pixel_ratio
    target = shown(QPoint(round(x / ratio), round((view.canvas.figure.bbox.height - y) / ratio)))
    centre = view._target_marker.geometry().center()
    assert (centre - target).manhattanLength() <= 3, (centre, target)

    wait_for_chart(qtbot, view)
    # Drawn again at the canvas's size: a click is located on the new drawing.
    bars_now = view.current_chart().bars  # type: ignore[union-attr]
    index = [b.outlet for b in bars_now].index("HLN")
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton,
                     pos=bar_point(view, index, bars_now[index].mean * 0.5))
    assert view.evidence_panel.heading.text().startswith("HLN: average")
