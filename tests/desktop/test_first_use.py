"""What a first-time user meets on the sample articles (ux10's review, session 10):

- a "–" for a headline or a date says why (the seeds HLN and MoD-based report have no
  headline line, four seeds no date: the files lack them; nothing the readers miss), in
  the table's tooltip, the Read view and the outlet heatmap's hover text;
- a hint says the five articles are samples and how to add one's own, until closed or
  until the user loads anything (remembered);
- the status bar counts a reopened study as it counts a load;
- the filter box's placeholder reaches 4.5:1 under a dark theme (it was 1.1:1).
All driven with real widgets and events: hovers, clicks, drops, a QAction.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QImage, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QToolTip

from desktop import qt_settings
from desktop.contrast import MIN_CONTRAST, contrast_ratio
from desktop.qt_app import seeds_dir
from desktop.qt_first_run import DISMISSED_KEY, OWN_FILES_KEY
from desktop.table_columns import DATE_COLUMN, HEADLINE_COLUMN
from models.pipeline import analyze_paths
from tests.desktop.conftest import (
    LOAD_TIMEOUT_MS,
    SEEDS,
    copy_seeds,
    load,
    shown_compare_view,
    wait_for_chart,
)

# The dark palette of ux9's accessibility tests (its fixture is used by name below).
from tests.desktop.test_accessibility import DARK, dark_theme  # noqa: F401
from tests.desktop.test_drop import drag_and_drop, mime_for

HLN = "000_95fc75c790c18aeb.txt"
MOD = "004_3fc53e922aa18798.txt"


def hover_tip(widget: Any, pos: QPoint) -> str:
    """The tooltip a pointer resting at ``pos`` on ``widget`` brings up (a real ToolTip
    help event, as Qt sends after the pointer rests)."""
    QToolTip.hideText()
    event = QHelpEvent(QEvent.Type.ToolTip, pos, widget.mapToGlobal(pos))
    QApplication.sendEvent(widget, event)
    return QToolTip.text()


def cell_tip(window: Any, outlet: str, column: int) -> str:
    proxy = window.proxy
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == outlet)
    index = proxy.index(row, column)
    assert index.data() == "–"
    window.table.scrollTo(index)
    return hover_tip(window.table.viewport(), window.table.visualRect(index).center())


def test_a_missing_headline_or_date_says_which_file_lacks_it(
    qtbot: Any, window: Any
) -> None:
    load(qtbot, window, [SEEDS])
    tip = cell_tip(window, "HLN", HEADLINE_COLUMN)
    assert tip.startswith(f"No headline found in {HLN}."), tip
    assert "manifest.csv" in tip  # and how to give one
    assert cell_tip(window, "MoD-based report", HEADLINE_COLUMN).startswith(
        f"No headline found in {MOD}.")
    tip = cell_tip(window, "PatriotWise", DATE_COLUMN)
    assert tip.startswith("No date found in 003_7925c5d76f714f91.txt."), tip
    # A headline measure's "–" says why too.
    from desktop.table_columns import COLUMNS

    for key, label in (("headline_tone_news", "Headline tone (news)"),
                       ("headline_tone", "Headline tone (VADER)")):
        tone = next(i for i, c in enumerate(COLUMNS) if c.key == key)
        assert cell_tip(window, "HLN", tone) == (
            f"{label}: undefined for this article. No headline found in {HLN}.")
    # The Read view's "No headline detected" says it on hover.
    window.tabs.setCurrentWidget(window.read_view)
    row = next(r for r in range(window.proxy.rowCount())
               if window.proxy.index(r, 0).data() == "HLN")
    window.table.selectRow(row)
    label = window.read_view._headline
    qtbot.waitUntil(lambda: label.toolTip().startswith(f"No headline found in {HLN}."))
    assert hover_tip(label, label.rect().center()).startswith(f"No headline found in {HLN}.")


def test_the_heatmap_says_why_a_headline_cell_is_empty(qtbot: Any) -> None:
    view = shown_compare_view(qtbot, 1100, 900)
    view.set_analyses(analyze_paths([SEEDS]).analyses)
    view.select_chart("outlet_heatmap")
    chart: Any = wait_for_chart(qtbot, view)
    ax = view.current_figure().axes[0]
    outlet = chart.outlets.index("HLN")
    measure = next(k for k, m in enumerate(chart.measures) if m.key == "headline_tone_news")
    x, y = (outlet, measure) if not chart.outlets_as_rows else (measure, outlet)
    px, py = ax.transData.transform((x, y))
    ratio = view.canvas.device_pixel_ratio
    point = QPoint(round(px / ratio), round((view.current_figure().bbox.height - py) / ratio))
    QToolTip.hideText()
    qtbot.mouseMove(view.canvas, point)
    qtbot.waitUntil(lambda: bool(QToolTip.text()), timeout=5000)
    assert QToolTip.text() == f"HLN · Headline tone (news): no value\nNo headline found in {HLN}."
    # The exported picture says it without a pointer: in the chart's note.
    note = " ".join(ax.get_title(loc="left").split())  # wrapped to the chart's width
    assert "HLN, MoD-based report: no headline found in their files." in note


def test_a_study_reopened_is_counted_as_a_load_is(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load(qtbot, window, copy_seeds(tmp_path / "corpus"))
    after_load = window.status_text()
    # Copied without their manifest, four seeds are named only by their files.
    assert after_load == ("5 articles from 5 outlets · 4 outlets are only file names: "
                          "double-click an Outlet cell to name it, or add a manifest.csv "
                          "(file,outlet) beside the files")
    saved = tmp_path / "study.framescope"
    assert window.project.save_to(saved)
    window.project.new_project()
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(saved), "")))
    with qtbot.waitSignal(window.project.project_opened, timeout=LOAD_TIMEOUT_MS):
        window.project.action_open.trigger()
    assert window.status_text() == f"Opened study: {after_load}"


def test_the_samples_hint_shows_on_the_seeds_and_goes_for_good_when_closed(
    qtbot: Any, window: Any, shown_errors: Any
) -> None:
    from desktop.qt_main_window import MainWindow

    hint = window.sample_hint
    assert not hint.isVisible()  # nothing loaded
    load(qtbot, window, [seeds_dir()])
    assert hint.isVisible()
    # Opened by hand (not as the app opens them on a start), the samples stay beside her
    # files, and the hint says so (test_samples_hint_says_what_her_files_do).
    assert hint.label.text() == ("These are five sample articles on one story. Files you "
                                 "add now join them; to compare only yours, first use "
                                 "File ▸ Clear All.")
    # It sits above the table, in full view.
    assert hint.mapTo(window, QPoint(0, 0)).y() < window.table.mapTo(window, QPoint(0, 0)).y()
    QTest.mouseClick(hint.close_button, Qt.MouseButton.LeftButton)
    assert not hint.isVisible()
    assert qt_settings.settings().value(DISMISSED_KEY, False, type=bool)

    # The next start, on the seeds again: no hint.
    second = MainWindow()
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    load(qtbot, second, [seeds_dir()])
    assert second.table_model.rowCount() == 5 and not second.sample_hint.isVisible()


def test_the_samples_hint_goes_once_the_user_drops_files_of_their_own(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    from desktop.qt_main_window import MainWindow

    load(qtbot, window, [seeds_dir()])
    assert window.sample_hint.isVisible()
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "bridge.txt").write_text(
        "Bridge to reopen\n\nThe ministry said on Monday that the bridge would reopen in June.\n",
        encoding="utf-8")
    mime = mime_for(mine)
    with qtbot.waitSignal(window.runner.finished, timeout=LOAD_TIMEOUT_MS):
        assert drag_and_drop(window, mime).isAccepted()
    assert window.table_model.rowCount() == 6
    assert not window.sample_hint.isVisible()
    assert qt_settings.settings().value(OWN_FILES_KEY, False, type=bool)
    # Cleared back to the seeds alone, or in a new window: it does not come back.
    window.clear_all()
    load(qtbot, window, [seeds_dir()])
    assert not window.sample_hint.isVisible()
    second = MainWindow()
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    load(qtbot, second, [seeds_dir()])
    assert not second.sample_hint.isVisible()


def strongest_contrast(widget: Any, behind: str) -> float:
    """The highest contrast of any pixel the widget paints against ``behind``."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    width, height = image.width(), image.height()
    pixels = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes())
    bgr = pixels.reshape(height, image.bytesPerLine())[:, : 4 * width].reshape(
        height, width, 4)[2:-2, 4:-4, :3]  # inside the frame
    colours = {tuple(int(c) for c in p) for p in bgr.reshape(-1, 3)}
    return max(contrast_ratio(f"#{r:02X}{g:02X}{b:02X}", behind) for b, g, r in colours)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_filter_placeholder_is_readable(
    qtbot: Any, window: Any, qapp: Any, theme: str, request: pytest.FixtureRequest
) -> None:
    if theme == "dark":
        request.getfixturevalue("dark_theme")
    edit = window.filter_edit
    assert edit.text() == "" and edit.placeholderText() == "Filter articles…"
    base = edit.palette().color(QPalette.ColorRole.Base).name()
    if theme == "dark":
        assert base.upper() == DARK[QPalette.ColorRole.Base]
    # What the empty box paints: its placeholder's darkest (or lightest) pixels.
    assert strongest_contrast(edit, base) >= MIN_CONTRAST
    # Typed text still draws in the text colour, and the placeholder stays muted.
    placeholder = edit.palette().color(QPalette.ColorRole.PlaceholderText).name()
    text = edit.palette().color(QPalette.ColorRole.Text).name()
    assert contrast_ratio(placeholder, base) < contrast_ratio(text, base)


class _CountedAnalyses(list):  # type: ignore[type-arg]
    """A list that counts how many of its items were looked at."""

    looked_at = 0

    def __iter__(self) -> Any:
        for item in super().__iter__():
            self.looked_at += 1
            yield item


def test_the_samples_check_stops_at_the_first_article_of_the_users_own(tmp_path: Path) -> None:
    # It runs after every change to the table: at a 10,000-article run's end a pass over
    # every path held the window 75-100 ms (bench/app_scale.py, session 10).
    from types import SimpleNamespace

    from desktop.qt_first_run import only_samples

    own = [SimpleNamespace(article=SimpleNamespace(source=str(tmp_path / f"a{i}.txt")))
           for i in range(1000)]
    seeds = [SimpleNamespace(article=SimpleNamespace(source=str(p)))
             for p in sorted(seeds_dir().glob("*.txt"))]
    assert seeds and only_samples(seeds) is True
    counted = _CountedAnalyses(seeds + own)
    assert only_samples(counted) is False
    assert counted.looked_at == len(seeds) + 1
    assert only_samples([]) is None
