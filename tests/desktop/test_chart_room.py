"""The Load Problems panel takes its room from the table, not from the chart (session 9:
with the panel open, the chart's axis and footer were below its scroll area's fold at the
window's default size, 1300 × 820; ux10, session 10)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.qt_main_window import DEFAULT_SIZE
from tests.desktop.conftest import LOAD_TIMEOUT_MS, copy_seeds, wait_for_chart
from tests.desktop.test_drop import drag_and_drop, mime_for


def test_the_chart_stays_in_view_when_the_load_problems_panel_opens(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    assert (window.width(), window.height()) == DEFAULT_SIZE
    folder = tmp_path / "drop"
    copy_seeds(folder)
    (folder / "broken.txt").write_bytes(bytes(range(256)) * 16)  # could not be read
    views_before = window.splitter.sizes()[1]
    with qtbot.waitSignal(window.runner.finished, timeout=LOAD_TIMEOUT_MS):
        assert drag_and_drop(window, mime_for(folder)).isAccepted()
    assert window.problems_dock.isVisible()
    assert len(window.load_problems()) == 1
    view = window.compare_view
    wait_for_chart(qtbot, view)
    qtbot.waitUntil(lambda: view.scroll_area.viewport().height() > 0)
    # The whole chart, footer included, is in view: nothing to scroll.
    assert view.canvas.minimumHeight() > 0
    assert view.scroll_area.verticalScrollBar().maximum() == 0, (
        view.canvas.minimumHeight(), view.scroll_area.viewport().height())
    assert window.splitter.sizes()[1] >= views_before - 40  # the views lost little
    # The table still shows three rows.
    row = window.table.verticalHeader().defaultSectionSize()
    assert window.table.viewport().height() >= 3 * row
