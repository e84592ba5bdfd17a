"""desktop.outlet_order: the colour order the window keeps as outlets come and go, and the
command line's charts, which keep none (sorted-name order: same inputs, same colours)."""

from __future__ import annotations

import pytest

from desktop.charts.style import OUTLET_PALETTE, outlet_colours, outlet_markers
from desktop.outlet_order import OUTLET_ORDER_KEY, keep_outlet_order, outlet_order_from_settings
from tests.desktop.conftest import make_analysis


@pytest.mark.parametrize(
    ("order", "loaded", "kept"),
    [
        ([], {"b", "A", "c"}, ["A", "b", "c"]),  # a first load: sorted, as the CLI
        (["b", "c"], {"A", "b", "c"}, ["b", "c", "A"]),  # a new outlet goes at the end
        (["A", "b", "c"], {"A", "c"}, ["A", "b", "c"]),  # b removed keeps its place, empty
        (["A", "b", "c"], {"A", "c", "z", "y"}, ["A", "y", "c", "z"]),  # y takes b's place
        (["A", "b", "c"], {"A", "B2", "c"}, ["A", "B2", "c"]),  # b renamed: its colour
        (["A", "b", "c"], set(), ["A", "b", "c"]),  # Clear All, then Undo: as they were
        (["A", "b", "c"], {"y", "x"}, ["x", "y"]),  # none kept: afresh, sorted
    ],
)
def test_the_order_keeps_each_outlets_place(
    order: list[str], loaded: set[str], kept: list[str]
) -> None:
    assert keep_outlet_order(order, loaded) == kept


def test_colours_follow_the_order_given_and_sorted_names_without_one() -> None:
    assert outlet_colours(["a", "b"], ["b", "c", "a"]) == {
        "b": OUTLET_PALETTE[0], "a": OUTLET_PALETTE[2]}
    assert outlet_colours(["b", "a"]) == {"a": OUTLET_PALETTE[0], "b": OUTLET_PALETTE[1]}
    order = [f"outlet {i:02}" for i in range(9)][::-1]
    assert outlet_markers(order[-2:], order) == {"outlet 01": "s", "outlet 00": "s"}


def test_the_command_lines_charts_colour_by_sorted_name_whatever_the_input_order() -> None:
    from desktop.charts import build_chart

    analyses = [make_analysis(f"a{i}", outlet) for i, outlet in
                enumerate(["Zeta", "alpha", "Mid", "beta"])]
    forward = build_chart("measure_by_outlet", analyses).colours
    backward = build_chart("measure_by_outlet", analyses[::-1]).colours
    assert forward == backward == {
        "alpha": OUTLET_PALETTE[0], "beta": OUTLET_PALETTE[1],
        "Mid": OUTLET_PALETTE[2], "Zeta": OUTLET_PALETTE[3]}


def test_a_projects_order_is_read_only_when_it_is_a_list_of_names() -> None:
    assert outlet_order_from_settings({OUTLET_ORDER_KEY: ["b", "a"]}) == ["b", "a"]
    assert outlet_order_from_settings({}) == []  # saved before the order was kept
    assert outlet_order_from_settings({OUTLET_ORDER_KEY: "b"}) == []
    assert outlet_order_from_settings({OUTLET_ORDER_KEY: ["b", 3]}) == []
