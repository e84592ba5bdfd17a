"""High-DPI screens (ux27: Xvfb 3840x2160 with QT_SCALE_FACTOR=2, 2560x1440 with 1.5).

The legend chips' samples were drawn once at 16 px and blown up on a 200% screen: the
"Aa" of the source and attribution chips blurred beside the chip's sharp text. Each chip
now holds its sample drawn for 1, 1.5, 2 and 3 device pixels a pixel, and the icon gives
a screen the one drawn for it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QImage

from desktop.highlight import STYLE_BY_KEY
from desktop.qt_read_view import swatch
from tests.desktop.conftest import shown_read_view


def image(pixmap: Any) -> QImage:
    return pixmap.toImage().convertToFormat(QImage.Format.Format_ARGB32)


def test_a_chip_draws_its_sample_for_the_screens_pixel_ratio(qtbot: Any) -> None:
    view = shown_read_view(qtbot)
    for key in ("source", "attribution:neutral", "hedge:epistemic"):
        icon = view.chip(key).icon()
        for ratio in (2.0, 3.0):
            shown = icon.pixmap(QSize(16, 16), ratio, QIcon.Mode.Normal, QIcon.State.On)
            assert shown.size() == QSize(round(16 * ratio), round(16 * ratio))
            # The sample drawn at that ratio, not the 16 px one scaled up.
            assert image(shown) == image(swatch(STYLE_BY_KEY[key], on=True, ratio=ratio)), (
                key, ratio)


def test_a_sample_drawn_at_twice_the_ratio_has_its_detail() -> None:
    """The "Aa" at 2x is not the 1x one scaled: finer detail (more distinct colours)."""
    style = STYLE_BY_KEY["source"]
    sharp = image(swatch(style, ratio=2.0))
    blown_up = image(swatch(style, ratio=1.0)).scaled(32, 32)
    assert sharp.size() == blown_up.size() == QSize(32, 32)
    assert sharp != blown_up
    assert swatch(style, ratio=2.0).deviceIndependentSize().toSize() == QSize(16, 16)
