"""The first window on a 1024 x 700 screen (a small laptop): 942 x 644 (ux22, finding 8:
the table showed three of the five samples, the chart's description took five lines).

The offscreen platform's screen is 800 x 800, so the window is given the free area of a
1024 x 700 screen as the first start on it would be (MainWindow._fit_first_size). Real
widgets, real clicks and keys."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QRect, Qt

from desktop import qt_settings
from desktop.qt_chart_description import EXPANDED_KEY, LESS, MORE
from desktop.qt_main_window import first_window_size
from tests.desktop.conftest import LOAD_TIMEOUT_MS, SEEDS, load, wait_for_chart

SMALL_SCREEN = QRect(0, 0, 1024, 700)


def rows_in_view(window: Any) -> int:
    """How many of the table's rows are wholly inside its viewport."""
    table, height = window.table, window.table.viewport().height()
    return sum(1 for row in range(window.proxy.rowCount())
               if 0 <= table.rowViewportPosition(row)
               and table.rowViewportPosition(row) + table.rowHeight(row) <= height)


def first_start_on(qtbot: Any, window: Any, area: QRect) -> Any:
    window._fit_first_size(area)
    size = first_window_size(area.width(), area.height())
    qtbot.waitUntil(lambda: window.size().toTuple() == size)
    load(qtbot, window, [SEEDS])
    view = window.compare_view
    wait_for_chart(qtbot, view)
    return view


def lines(label: Any) -> float:
    return float(label.height() / label.fontMetrics().lineSpacing())


def test_the_first_window_on_a_small_screen_shows_every_sample_and_a_short_description(
    qtbot: Any, window: Any
) -> None:
    view = first_start_on(qtbot, window, SMALL_SCREEN)
    assert window.size().toTuple() == (942, 644)
    assert window.sample_hint.isVisible()  # the line over the table takes its room too
    assert rows_in_view(window) == 5  # was 3
    description = view.description
    assert not description.is_expanded()
    assert lines(description.label) <= 2.2  # one line a paragraph; was 5 lines
    assert description.shown_text().count("\n") == 1
    assert description.shown_text().split("\n")[0].endswith("…")
    assert description.more.isVisible() and description.more.text() == MORE
    # The whole text stays in the tooltip, and the chart keeps the room it had (237 px).
    chart_text, measure_text = description.text().split("\n")
    assert description.toolTip().startswith(chart_text)
    assert measure_text.split(": ")[0] in description.toolTip()  # with the whole definition
    assert view.chart_stack.height() >= 230


def test_more_shows_the_whole_description_and_less_cuts_it_again(
    qtbot: Any, window: Any
) -> None:
    view = first_start_on(qtbot, window, SMALL_SCREEN)
    description = view.description
    page = view.chart_stack.height()
    qtbot.mouseClick(description.more, Qt.MouseButton.LeftButton)
    assert description.is_expanded() and description.shown_text() == description.text()
    assert description.more.text() == LESS
    qtbot.waitUntil(lambda: lines(description.label) >= 4)
    # The chart's page gave the description its lines, and the chart is drawn for it.
    qtbot.waitUntil(lambda: view.chart_stack.height() < page)
    area = view.scroll_area
    qtbot.waitUntil(lambda: view.canvas.width() == area.viewport().width())
    assert qt_settings.settings().value(EXPANDED_KEY, type=bool) is True  # kept

    description.more.setFocus()
    qtbot.keyClick(description.more, Qt.Key.Key_Space)
    assert not description.is_expanded() and description.more.text() == MORE
    qtbot.waitUntil(lambda: view.chart_stack.height() == page)


def test_on_a_1920_px_screen_the_window_takes_most_of_it_and_the_description_is_whole(
    qtbot: Any, window: Any
) -> None:
    """1300 x 820 left a third of a 1920 x 1080 screen unused (ux26): 80% of it."""
    view = first_start_on(qtbot, window, QRect(0, 0, 1920, 1080))
    assert window.size().toTuple() == (1536, 864)
    description = view.description
    assert description.is_expanded() and description.shown_text() == description.text()
    assert rows_in_view(window) == 5


def test_the_read_view_leaves_the_window_and_the_table_as_they_were(
    qtbot: Any, window: Any
) -> None:
    """The Read view's chips counted as one a row in its least height (470 px): showing it
    grew the window to 681 px, off a 700 px screen, and left the table one row."""
    first_start_on(qtbot, window, SMALL_SCREEN)
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    qtbot.waitUntil(lambda: window.read_view.isVisible())
    qtbot.wait(50)  # a layout request the view's showing made has run
    assert window.height() == 644
    assert rows_in_view(window) == 5
    assert window.read_view.minimumSizeHint().height() < 250


def test_a_split_the_user_made_is_kept(qtbot: Any, window: Any) -> None:
    window._fit_first_size(SMALL_SCREEN)
    qtbot.waitUntil(lambda: window.height() == 644)
    handle = window.splitter.handle(1)
    # She drags the handle up before the samples are in: the table is as she left it.
    centre = handle.rect().center()
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseMove(handle, QPoint(centre.x(), centre.y() - 60))
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=QPoint(centre.x(), centre.y() - 60))
    before = window.splitter.sizes()
    assert before[0] < round(644 * 0.3) - 40  # moved
    load(qtbot, window, [SEEDS])
    assert window.splitter.sizes() == before


def test_the_window_fits_half_of_a_1366_px_screen(qtbot: Any, window: Any) -> None:
    """Side by side with the article in a browser on a 1366 x 768 laptop: 683 px. The
    sample hint's line and the Claims view's status line, each on one line, held the
    window at least 831 px wide."""
    first_start_on(qtbot, window, QRect(0, 0, 1366, 768))
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(2).center())
    claims = window.claims_view
    qtbot.waitUntil(lambda: "Click a cell to read its sentence" in claims.status_label.text(),
                    timeout=LOAD_TIMEOUT_MS)
    assert window.sample_hint.isVisible()
    assert window.minimumSizeHint().width() <= 683
    window.resize(683, 700)
    qtbot.waitUntil(lambda: window.width() == 683)
    for label in (window.sample_hint.label, claims.status_label):
        qtbot.waitUntil(lambda label=label: label.height() >= label.heightForWidth(label.width()))
        assert label.width() <= 683 and label.height() >= 2 * label.fontMetrics().height()


def test_a_description_whole_by_default_offers_no_less(qtbot: Any, window: Any) -> None:
    """ux25: at the default size the whole text showed with a "Less" button, which offered
    to cut a text nobody had asked to see whole. More shows once the text is cut (a short
    window), and Less after the user chose More."""
    view = first_start_on(qtbot, window, QRect(0, 0, 1920, 1080))
    description = view.description
    assert description.is_expanded()
    assert not description.more.isVisible()
    window.resize(1300, 600)  # the view too short for the whole text
    more = description.more
    qtbot.waitUntil(lambda: more.isVisible() and more.text() == MORE)
    qtbot.mouseClick(more, Qt.MouseButton.LeftButton)
    assert description.is_expanded() and more.isVisible() and more.text() == LESS
