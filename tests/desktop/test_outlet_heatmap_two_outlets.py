"""Two outlets in the outlet profiles: every measure on which they differ by more than a
fifth of its range (or average) is painted one standard deviation either side, the
darkest colour, however large the gap (ux29's walkthrough as a fact-checker comparing two
outlets: 0.34 against 0.23 epistemic hedges per 100 words as dark as 2.68 against 0.46
evidential ones). The chart's note says so: the colour gives which is higher, the number
by how much."""

from __future__ import annotations

from typing import Any

import numpy as np
from matplotlib.figure import Figure

from desktop.charts import build_chart
from desktop.charts.outlet_heatmap import TWO_OUTLETS_NOTE
from tests.desktop.test_charts import make_corpus


def _note(outlets: list[str]) -> tuple[str, Any]:
    chart = build_chart("outlet_heatmap", make_corpus(outlets, 8))
    figure = Figure(figsize=(10, 8))
    chart.plot(figure)
    texts = " ".join(t.get_text() for ax in figure.axes for t in (ax.title, ax._left_title))
    return " ".join(texts.split()), chart


def test_two_outlets_say_the_colour_gives_only_which_is_higher() -> None:
    note, chart = _note(["Ledger", "Gazette"])
    assert " ".join(TWO_OUTLETS_NOTE.split()) in note
    # What it says is so: the two outlets' colours are equal and opposite, at most one
    # SD, and a full SD on some measure where the gaps differ (the note's reason).
    colours = chart.colours
    both = ~np.isnan(colours).any(axis=0)
    assert np.allclose(colours[0, both], -colours[1, both])
    assert np.nanmax(np.abs(colours)) <= 1.0 + 1e-9
    assert np.isclose(np.nanmax(np.abs(colours)), 1.0)


def test_three_outlets_do_not() -> None:
    note, _ = _note(["Ledger", "Gazette", "Courier"])
    assert "Two outlets" not in note
