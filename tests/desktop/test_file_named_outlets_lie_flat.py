"""A journalist adds two articles of her own, saved as 'kremlin-resignations.txt' and
'officials-trapped.html', to the five samples: seven outlets, two named after their files.
Each of those names was one long word to the bar chart, so every name under the bars turned
45° and ran below the fold of a 1366 x 768 laptop ('in-resignations', 'nish-language';
ux4's walkthrough, session 33). A file's name now breaks after its hyphen (or underscore),
and the names lie flat, whole, apart, with nothing to scroll. Compounds that need no
breaking stay whole ('Spanish-language / outlet')."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRect

from desktop.qt_main_window import first_window_size
from tests.desktop.conftest import SEEDS, drawn_without_scroll, load, wait_for_chart

LAPTOP = QRect(0, 0, 1366, 768)


def own_articles(folder: Path) -> Path:
    folder.mkdir()
    for seed in SEEDS.iterdir():
        shutil.copy(seed, folder / seed.name)
    (folder / "kremlin-resignations.txt").write_text(
        "Kremlin bars senior officials from resigning, sources say\n\n"
        "Senior Russian officials have reportedly been told they may not resign. It is "
        "unclear how many officials are affected. The Kremlin denied the report.\n",
        encoding="utf-8")
    (folder / "officials-trapped.html").write_text(
        "<html><head><title>Officials trapped</title></head><body><article>"
        "<h1>Putin's officials are trapped in their jobs</h1><p>Top officials in Moscow "
        "cannot quit, three sources said. The Kremlin spokesman said the claims were "
        "false.</p><p>Some officials had tried to step down, but were refused.</p>"
        "</article></body></html>", encoding="utf-8")
    return folder


def test_file_named_outlets_lie_flat_under_the_bars_on_a_laptop(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    window._fit_first_size(LAPTOP)
    size = first_window_size(LAPTOP.width(), LAPTOP.height())
    qtbot.waitUntil(lambda: window.size().toTuple() == size)
    load(qtbot, window, [own_articles(tmp_path / "story")])
    view = window.compare_view
    chart = wait_for_chart(qtbot, view)
    assert chart.key == "measure_by_outlet" and chart.n_outlets == 7
    figure, renderer = drawn_without_scroll(qtbot, view)
    names = [t for t in figure.axes[0].get_xticklabels() if t.get_text()]
    assert len(names) == 7 and all(t.get_rotation() == 0 for t in names), [
        (t.get_text(), t.get_rotation()) for t in names]
    assert "kremlin-\nresignations" in [t.get_text() for t in names]
    boxes = sorted((t.get_window_extent(renderer) for t in names), key=lambda b: b.x0)
    for box in boxes:
        assert box.y0 >= 0 and box.x0 >= 0 and box.x1 <= figure.bbox.width, box
    for left, right in itertools.pairwise(boxes):
        assert right.x0 - left.x1 >= 3, (left, right)


def test_compounds_break_only_where_it_saves_room() -> None:
    from desktop.charts.style import wrap_name

    assert wrap_name("kremlin-resignations") == "kremlin-\nresignations"
    assert wrap_name("city_hall_news_daily") == "city_hall_\nnews_daily"
    assert wrap_name("Spanish-language outlet") == "Spanish-language\noutlet"
    assert wrap_name("The Daily Beast") == "The Daily\nBeast"
    assert wrap_name("verylongnamewithoutbreaks") == "verylongnamewithoutbreaks"
