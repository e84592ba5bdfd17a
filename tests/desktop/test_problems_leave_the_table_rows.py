"""Several files that could not be read do not squeeze the table of articles to one row
(ux21, session 21: an empty, a binary and a truncated PDF file opened beside the articles
made the Load Problems panel seven rows high, and the table showed one of six articles)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.qt_main_window import DEFAULT_SIZE
from tests.desktop.conftest import LOAD_TIMEOUT_MS, copy_seeds, wait_for_chart
from tests.desktop.test_drop import drag_and_drop, mime_for


def test_three_problems_leave_the_table_three_rows_and_the_chart_in_view(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    assert (window.width(), window.height()) == DEFAULT_SIZE
    folder = tmp_path / "drop"
    copy_seeds(folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 16)
    (folder / "truncated.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog")
    with qtbot.waitSignal(window.runner.finished, timeout=LOAD_TIMEOUT_MS):
        assert drag_and_drop(window, mime_for(folder)).isAccepted()
    assert window.problems_dock.isVisible()
    assert sorted(Path(p.file).name for p in window.load_problems()) == [
        "binary.txt", "empty.txt", "truncated.pdf"]
    view = window.compare_view
    wait_for_chart(qtbot, view)
    qtbot.waitUntil(lambda: view.scroll_area.viewport().height() > 0)
    row = window.table.verticalHeader().defaultSectionSize()
    assert window.table.viewport().height() >= 3 * row, (
        window.table.viewport().height(), row)
    # The chart, footer included, is still in view.
    assert view.scroll_area.verticalScrollBar().maximum() == 0, (
        view.canvas.minimumHeight(), view.scroll_area.viewport().height())
    # Every problem is still listed (the panel scrolls).
    assert window.problems_panel.tree.topLevelItemCount() == 3
