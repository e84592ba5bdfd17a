"""Claims × outlets in the Compare view (ux12's review, session 12): the grid is taller than
the view at the window's default size, and the name of its rows, centred on the grid, was
cut by the view's edge: on PolNeAR's dev articles a user saw "tral sentence)", on the seeds
"(its most central sentence)". It now starts at the grid's top, in full where the view
opens."""

from __future__ import annotations

from typing import Any

from tests.desktop.conftest import SEEDS, choose_chart_with_keys, load
from tests.desktop.test_names_in_view import _on_canvas


def test_the_claims_name_is_whole_in_the_part_of_the_grid_a_user_sees_first(
    qtbot: Any, window: Any
) -> None:
    load(qtbot, window, [SEEDS])
    window.tabs.setCurrentWidget(window.compare_view)
    view = window.compare_view
    chart: Any = choose_chart_with_keys(qtbot, view, "claims_matrix")
    assert len(chart.claims) >= 10
    bar = view.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0  # taller than the view, opened at its top
    seen = view.canvas.visibleRegion().boundingRect()
    label = view.current_figure().axes[0].yaxis.label
    assert label.get_text() == "Claim (its most central sentence)"
    where = _on_canvas(view, label)
    assert seen.contains(where), (where, seen)
