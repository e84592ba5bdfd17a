"""The status bar's summary is cut with "…" where the window is too narrow for it, and
its tooltip gives the whole of it, one part a line (ux25: at 942 px a drop's summary
stopped mid-word, "1 outlet is only a f", its advice to name the outlet out of sight).
A real drop of one readable and two unreadable files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.desktop.conftest import LOAD_TIMEOUT_MS
from tests.desktop.test_drop import drag_and_drop, mime_for


def test_a_long_summary_is_cut_with_an_ellipsis_and_whole_in_its_tooltip(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    article = tmp_path / "council.txt"
    article.write_text("Council delays vote\n\nThe council said on Monday that it would "
                       "delay the vote on the bridge.\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    damaged = tmp_path / "minutes.docx"
    damaged.write_bytes(b"PK\x03\x04 not a Word file")
    window.resize(942, 644)
    with qtbot.waitSignal(window.runner.finished, timeout=LOAD_TIMEOUT_MS):
        assert drag_and_drop(window, mime_for(article, empty, damaged)).isAccepted()
    label = window.status_label
    whole = window.status_text()
    assert "2 files could not be read" in whole and "double-click an Outlet cell" in whole
    qtbot.waitUntil(lambda: label.shown_text() != whole)
    shown = label.shown_text()
    assert shown.endswith("…") and whole.startswith(shown[:-1])
    assert label.fontMetrics().horizontalAdvance(shown) <= label.width()
    assert label.toolTip().splitlines() == whole.split(" · ")
    assert window.width() == 942  # the text did not widen the window

    window.resize(1900, 644)  # room for all of it: shown whole, no tooltip
    qtbot.waitUntil(lambda: label.shown_text() == whole)
    assert label.toolTip() == ""
