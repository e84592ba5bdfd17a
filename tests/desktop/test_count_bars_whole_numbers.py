"""Colour bars of counts say whole numbers: the seeds' sources chart's bar read "2.5, 7.5,
12.5" mentions in the window at 1366 x 768 (ux4's walkthrough, session 33), a number of
mentions no article can have. The reuse chart's bar counts words, and says whole numbers
too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from desktop.charts import save_figure
from tests.desktop.test_colour_bar_name_room import chart_in_window


def bar_numbers(figure: Any) -> list[str]:
    """The numbers along the figure's colour bar (the axes with no title of its own)."""
    figure.canvas.draw()
    bar = figure.axes[-1]
    return [t.get_text() for t in bar.get_yticklabels() if t.get_text()]


@pytest.mark.parametrize("kind", ["sources", "reuse"])
def test_count_bars_say_whole_numbers_in_the_window_and_exports(
    qtbot: Any, window: Any, tmp_path: Path, kind: str
) -> None:
    figure = chart_in_window(qtbot, window, (1366, 768), kind)
    numbers = bar_numbers(figure)
    assert len(numbers) >= 3, numbers
    assert all(n.lstrip("−-").isdigit() for n in numbers), numbers
    path = tmp_path / f"{kind}.png"
    assert window.export_chart(path)
    qtbot.waitUntil(path.exists)
    exported = window.compare_view.current_chart().figure("test")
    save_figure(exported, tmp_path / f"again-{kind}.png")
    assert all(n.lstrip("−-").isdigit() for n in bar_numbers(exported)), bar_numbers(exported)
