"""On a 1366 x 768 laptop the seeds' certainty drift is whole in the Compare view, with
nothing to scroll (ux4, session 33: it scrolled 51 px, its claims' labels under the fold).
The note says only what the description above the chart does not, the scale is named in
one word that fits the plot's height, and the levels keep room for a probability range
between a dot and the dots of the level above. Exports keep the whole note and name."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QRect

from tests.desktop.conftest import choose_chart_with_keys, drawn_without_scroll
from tests.desktop.test_charts import svg_text
from tests.desktop.test_small_screen import first_start_on

LAPTOP = QRect(0, 0, 1366, 768)
WHOLE_SCALE_NAME = "Certainty (most committed at the top)"


def test_the_seeds_certainty_drift_is_whole_on_a_laptop_screen(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    view = first_start_on(qtbot, window, LAPTOP)
    chart = choose_chart_with_keys(qtbot, view, "certainty_drift")
    assert not chart.counted  # five outlets: a dot per article
    figure, renderer = drawn_without_scroll(qtbot, view)
    ax = chart._ax
    height = figure.bbox.height
    # Every claim's label and the scale's name are whole inside the figure.
    for text in [*(t for t in ax.get_xticklabels() if t.get_text()), ax.yaxis.label]:
        box = text.get_window_extent(renderer)
        assert box.y0 >= 0 and box.y1 <= height, (text.get_text(), box, height)
    assert ax.get_ylabel() == "Certainty"
    # The note says what the description does not: no "one dot per article", no method.
    note = ax.get_title(loc="left")
    description = view.description.text()
    assert "dot per article" in description and "One dot per article" not in note
    assert "Method:" not in note and "grey bar" in note
    # A dot's probability range stays under the dots of the level above.
    dots = [c for c in ax.collections if len(c.get_offsets()) == 1 and c.get_sizes()[0] == 70]
    ranges = [t for t in ax.texts if "%" in t.get_text()]
    assert ranges
    for label in ranges:
        top = label.get_window_extent(renderer).y1
        x0, x1 = label.get_window_extent(renderer).intervalx
        over = [d.get_window_extent(renderer) for d in dots]
        above = [b for b in over if b.y0 > label.get_window_extent(renderer).y0
                 and b.x1 > x0 and b.x0 < x1]
        assert all(b.y0 >= top for b in above), (label.get_text(), top, above)
    # Exports keep the whole note and the scale's whole name.
    path = tmp_path / "drift.svg"
    assert window.export_chart(path)
    qtbot.waitUntil(path.exists)
    words = svg_text(path)
    assert WHOLE_SCALE_NAME in words and "One dot per article" in words, words
