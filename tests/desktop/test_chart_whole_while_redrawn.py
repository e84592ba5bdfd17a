"""While the chart is drawn again for a new size (the sentences behind a click opened
beside it, the window resized), the drawing painted until then is the last one whole,
never a piece of it: seen by ux4 at 1366 × 768, the bar chart's legend cut at
"95% interval (2+ articles" for as long as the redraw took."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage

from desktop.qt_compare_view import CompareView
from tests.desktop.conftest import load, wait_for_chart

SHOTS = None  # a folder to save the grabs in, when looking at them by hand


def ink_box(image: QImage, background: tuple[int, int, int]) -> tuple[int, int, int, int]:
    """The box (left, top, right, bottom; logical pixels, right and bottom exclusive)
    around every pixel that differs from ``background``."""
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    ratio = image.devicePixelRatio()
    width, height = image.width(), image.height()
    rows = np.frombuffer(image.constBits(), np.uint8, image.bytesPerLine() * height)
    pixels = rows.reshape(height, image.bytesPerLine())[:, :3 * width].reshape(height, width, 3)
    ink = np.any(np.abs(pixels.astype(int) - np.array(background)) > 24, axis=2)
    ys, xs = np.nonzero(ink)
    assert xs.size, "nothing drawn"
    return (int(xs.min() / ratio), int(ys.min() / ratio),
            int(np.ceil((xs.max() + 1) / ratio)), int(np.ceil((ys.max() + 1) / ratio)))


def bar_point(view: CompareView, index: int, value: float) -> QPoint:
    ax = view.current_figure().axes[0]
    x, y = ax.transData.transform((index, value))
    ratio = view.canvas.device_pixel_ratio
    return QPoint(round(x / ratio), round((view.canvas.figure.bbox.height - y) / ratio))


def test_the_chart_stays_whole_until_drawn_again_beside_the_sentences(
    qtbot: Any, window: Any, seed_dir: Path
) -> None:
    window.resize(1366, 768)
    load(qtbot, window, [seed_dir])
    view = window.compare_view
    view.select_chart("measure_by_outlet")
    view.select_measure("hedges_epistemic_per_100w")
    chart = wait_for_chart(qtbot, view)
    before = view.canvas.grab().toImage()
    background = before.pixelColor(1, 1).getRgb()[:3]
    left, top, right, bottom = ink_box(before, background)
    # The legend (at the right) is part of the drawing, and whole.
    assert right < view.canvas.width() and bottom < view.canvas.height()
    width_before = view.canvas.width()

    bars = chart.bars  # type: ignore[attr-defined]
    index = [b.outlet for b in bars].index("HLN")
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton,
                     pos=bar_point(view, index, bars[index].mean * 0.5))
    assert view.evidence_panel.is_listing()
    # The panel opened beside the chart: the canvas is narrower, and not drawn again yet.
    assert view.splitter.orientation() == Qt.Orientation.Horizontal
    assert view.canvas.width() < width_before
    assert not view.canvas.settled
    during = view.canvas.grab().toImage()
    if SHOTS:
        during.save(f"{SHOTS}/during.png")
    l2, t2, r2, b2 = ink_box(during, background)
    # Whole: nothing runs into the canvas's right or bottom edge, and the drawing keeps its
    # shape (a piece cut off would leave it narrower for its height).
    assert r2 < view.canvas.width() and b2 < view.canvas.height(), (r2, b2, view.canvas.size())
    shape, shape_during = (right - left) / (bottom - top), (r2 - l2) / (b2 - t2)
    assert abs(shape_during / shape - 1) < 0.03, (shape, shape_during)

    wait_for_chart(qtbot, view)
    after = view.canvas.grab().toImage()
    if SHOTS:
        before.save(f"{SHOTS}/before.png")
        after.save(f"{SHOTS}/after.png")
    _, _, r3, b3 = ink_box(after, background)
    assert r3 < view.canvas.width() and b3 < view.canvas.height()
