"""Export Report gives each outlet the colour the window's charts give it. The report built
its charts from the included articles alone, so with "HLN" (first in the colours' order)
excluded every other outlet's colour in the report moved one place against the window's
(ux26). Real keys: Ctrl+Shift+X on the table, Ctrl+Shift+R for File > Export Report; the
colours are read from the pixels of the PNG the HTML report embeds and of the window's
chart."""

from __future__ import annotations

import base64
import io
import re
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from matplotlib.image import imread
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.charts.measure_by_outlet import DEFAULT_MEASURE
from desktop.charts.style import OUTLET_PALETTE
from tests.desktop.conftest import LOAD_TIMEOUT_MS, SEEDS, load, wait_for_chart
from tests.desktop.test_outlet_colours_kept import CTRL_SHIFT, exclude_first_outlet
from tests.desktop.test_project_ui import patch_save_dialog

BAR_ALPHA = 0.85  # measure_by_outlet's bars


def palette_pixels(png: bytes) -> Counter[str]:
    """How many pixels of each outlet colour a PNG has, as a bar's face paints it
    (measure_by_outlet: alpha 0.85 over white), to within 2 of 255 in each channel."""
    pixels = (imread(io.BytesIO(png), format="png")[..., :3] * 255).round().astype(int)
    counts: Counter[str] = Counter()
    for colour in OUTLET_PALETTE:
        rgb = np.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)])
        painted = BAR_ALPHA * rgb + (1 - BAR_ALPHA) * 255
        counts[colour.lower()] = int((np.abs(pixels - painted).max(axis=-1) <= 2).sum())
    return +counts  # only those present


def window_chart_png(view: Any) -> bytes:
    buffer = io.BytesIO()
    view.canvas.figure.savefig(buffer, format="png", dpi=110, facecolor="white")
    return buffer.getvalue()


def report_chart_png(report: Path, stem: str) -> bytes:
    text = report.read_text(encoding="utf-8")
    found = re.search(rf"<figure id='{re.escape(stem)}'><img [^>]*src='data:image/png;base64,"
                      r"([^']+)'", text)
    assert found, f"no chart {stem} in the report"
    return base64.b64decode(found.group(1))


def test_a_report_made_with_an_outlet_excluded_keeps_the_windows_colours(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load(qtbot, window, [SEEDS])
    view = window.compare_view
    wait_for_chart(qtbot, view)
    assert view.current_measure() == DEFAULT_MEASURE
    before, after, first = exclude_first_outlet(qtbot, window)  # HLN
    assert first not in after and after == {name: before[name] for name in after}

    report = tmp_path / "study.html"
    patch_save_dialog(monkeypatch, report, "HTML report (*.html)")
    with qtbot.waitSignal(window.project.report_finished, timeout=LOAD_TIMEOUT_MS * 3):
        QTest.keyClick(window.table, Qt.Key.Key_R, CTRL_SHIFT)

    in_report = palette_pixels(report_chart_png(report, f"measure_by_outlet-{DEFAULT_MEASURE}"))
    on_screen = palette_pixels(window_chart_png(view))
    # The outlets whose bars are solid in part (PatriotWise, the Spanish-language outlet)
    # have the same colours in the report as on screen; the report gave them the next
    # outlet's before (#56b4e9 and #009e73 for #009e73 and #f0e442).
    assert len(on_screen) >= 2 and set(on_screen) <= set(after.values())
    assert set(in_report) == set(on_screen)
    assert before[first] not in in_report
