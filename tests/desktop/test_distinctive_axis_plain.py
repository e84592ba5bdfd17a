"""The distinctive words' value axis says what a longer bar means before its unit: it read
"z-score of the weighted log-odds (dashed: 1.96)" alone, words a journalist cannot read the
chart by (ux4's walkthrough, session 33; the descriptions' rule since ux28). In the window
and in exports, whole inside the figure."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg

from tests.desktop.test_chart_descriptions_plain import JARGON
from tests.desktop.test_colour_bar_name_room import chart_in_window, exported_chart


def assert_plain_axis(figure: Any) -> None:
    if not hasattr(figure.canvas, "get_renderer"):  # saved, not on a screen: draw it with Agg
        FigureCanvasAgg(figure)
    figure.canvas.draw()
    # The scale's name under the outlets' panels, across them all.
    ax = next(ax for ax in figure.axes if ax.get_xlabel())
    name = " ".join(ax.get_xlabel().split())
    plain = name.split("(")[0]
    assert len(plain) > 20 and not JARGON.search(plain), name
    assert "z-score" in name and "1.96" in name  # the unit, for the researcher
    box = ax.xaxis.label.get_window_extent(figure.canvas.get_renderer())
    assert box.x0 >= 0 and box.x1 <= figure.bbox.width and box.y0 >= 0, box


def test_the_distinctive_words_axis_reads_plainly_in_the_window(
    qtbot: Any, window: Any
) -> None:
    assert_plain_axis(chart_in_window(qtbot, window, (1024, 700), "distinctive_words"))


def test_the_distinctive_words_axis_reads_plainly_in_exports(tmp_path: Path) -> None:
    assert_plain_axis(exported_chart(tmp_path, "distinctive_words", 2, ".svg"))
