"""An outlet keeps its colour when another outlet's article is excluded and when it is
included again: the colours were given in sorted order among the outlets charted, so
excluding "HLN" (the first) moved every other outlet's colour, and a reader comparing the
two charts was misled (ux25). Real keys: Ctrl+Shift+X on the table, then Ctrl+Z."""

from __future__ import annotations

from typing import Any

from matplotlib.colors import to_hex
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.desktop.conftest import SEEDS, load, wait_for_chart

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def drawn_colours(view: Any) -> dict[str, str]:
    """Outlet name -> the colour of its bar, as drawn on the window's canvas."""
    ax = view.canvas.figure.axes[0]
    names = [t.get_text().replace("\n", " ") for t in ax.get_xticklabels()]
    bars = ax.containers[0]
    return {name: to_hex(bar.get_facecolor(), keep_alpha=False)
            for name, bar in zip(names, bars, strict=True)}


def chart_after(qtbot: Any, view: Any, action: Any) -> dict[str, str]:
    with qtbot.waitSignal(view.chart_shown, timeout=60000):
        action()
    wait_for_chart(qtbot, view)
    return drawn_colours(view)


def exclude_first_outlet(qtbot: Any, window: Any) -> tuple[dict[str, str], dict[str, str],
                                                          str]:
    """The chart's colours by outlet before and after the outlet first in the colours'
    order is excluded from the table with Ctrl+Shift+X, and that outlet."""
    view = window.compare_view
    before = drawn_colours(view)
    first = min(before, key=str.casefold)  # the outlet first in the colours' order
    row = next(r for r in range(window.proxy.rowCount())
               if window.proxy.index(r, 0).data() == first)
    window.activateWindow()
    window.table.setFocus()
    window.table.selectRow(row)
    after = chart_after(qtbot, view, lambda: QTest.keyClick(window.table, Qt.Key.Key_X,
                                                            CTRL_SHIFT))
    return before, after, first


def test_an_outlet_keeps_its_colour_across_an_exclusion_and_its_undo(
    qtbot: Any, window: Any
) -> None:
    load(qtbot, window, [SEEDS])
    view = window.compare_view
    wait_for_chart(qtbot, view)
    before, after, first = exclude_first_outlet(qtbot, window)
    assert len(before) == 5 and len(set(before.values())) == 5
    assert first not in after and len(after) == 4
    assert after == {name: before[name] for name in after}
    again = chart_after(qtbot, view, lambda: QTest.keyClick(
        window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier))
    assert again == before


def test_colours_and_shapes_are_given_among_every_outlet_loaded() -> None:
    from desktop.charts.style import OUTLET_PALETTE, outlet_colours, outlet_markers

    loaded = [f"outlet {i:02}" for i in range(9)]
    shown = loaded[1:]  # the first excluded
    assert outlet_colours(shown, loaded) == {o: outlet_colours(loaded)[o] for o in shown}
    assert outlet_markers(shown, loaded) == {o: outlet_markers(loaded)[o] for o in shown}
    assert outlet_colours(shown)["outlet 01"] == OUTLET_PALETTE[0]  # without: moved up
