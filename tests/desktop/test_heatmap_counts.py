"""The outlet heatmap writes a count's outlet means as counts.

ux19's walkthrough (session 19): "Named sources 5.0" beside "Described sources 0.00",
next to rates such as "0.54", read as rates. A count's means are whole numbers when
every outlet's is ("5", "12", "0"), one decimal otherwise ("4.5"); rates keep
their decimals.
"""

from __future__ import annotations

from matplotlib.figure import Figure

from desktop.charts import build_chart, style
from desktop.charts.outlet_heatmap import OutletHeatmapChart
from models import __version__
from models.compare import outlet_names
from models.measures import profile_measures
from tests.desktop.conftest import make_analysis


def _cells(chart: OutletHeatmapChart) -> dict[tuple[float, float], str]:
    fig = chart.figure(__version__)
    [labels] = [a for a in fig.axes[0].get_children() if isinstance(a, style.CellLabels)]
    return {(x, y): text for x, y, text, _ in labels.cells}


def test_whole_counts_are_written_without_decimals() -> None:
    analyses = [
        make_analysis("a", "Ledger", sources_named_people=5, sources_described=0,
                      hedges_epistemic_per_100w=0.5),
        make_analysis("b", "Courier", sources_named_people=12, sources_described=0,
                      hedges_epistemic_per_100w=2.25),
    ]
    chart = build_chart("outlet_heatmap", analyses)
    assert isinstance(chart, OutletHeatmapChart)
    cells = _cells(chart)
    keys = [m.key for m in profile_measures()]
    outlets = outlet_names(analyses)
    named, described = keys.index("sources_named_people"), keys.index("sources_described")
    rate = keys.index("hedges_epistemic_per_100w")
    at = {o: outlets.index(o) for o in ("Ledger", "Courier")}
    assert [cells[(at[o], named)] for o in ("Ledger", "Courier")] == ["5", "12"]
    assert [cells[(at[o], described)] for o in ("Ledger", "Courier")] == ["0", "0"]
    assert [cells[(at[o], rate)] for o in ("Ledger", "Courier")] == ["0.50", "2.25"]
    # The cell's hover says the same number, with its unit.
    hover = chart.hover_text(chart._ax, at["Ledger"], named)
    assert hover is not None and ": 5 distinct sources" in hover


def test_a_mean_of_counts_keeps_one_decimal() -> None:
    analyses = [
        make_analysis("a1", "Ledger", sources_named_people=4),
        make_analysis("a2", "Ledger", sources_named_people=5),
        make_analysis("b", "Courier", sources_named_people=3),
    ]
    chart = build_chart("outlet_heatmap", analyses)
    assert isinstance(chart, OutletHeatmapChart)
    cells = _cells(chart)
    named = [m.key for m in profile_measures()].index("sources_named_people")
    outlets = outlet_names(analyses)
    assert cells[(outlets.index("Ledger"), named)] == "4.5"
    assert cells[(outlets.index("Courier"), named)] == "3.0"


def test_file_name_outlets_break_at_underscores_and_stand_upright() -> None:
    """Six outlets, two named by their files, in the window's 1372 x 616 px view (13.7 x
    11.2 inches at 100 dpi): "valley_courier_from_pdf" had no space to wrap at, so every
    outlet's name was slanted, above and under the grid, and the slanted names took the
    height of its 20 rows (labels overlapped; ux20's walkthrough)."""
    names = ["Capitol News Service", "newsletter_email", "Northstate Public Radio",
             "The Daily Sentinel", "The Ledger", "valley_courier_from_pdf"]
    analyses = [make_analysis(f"a{i}", name) for i, name in enumerate(names)]
    chart = build_chart("outlet_heatmap", analyses)
    fig = style.render(chart, __version__, Figure(figsize=(13.7, 11.2), dpi=100))
    ax = fig.axes[0]
    labels = {t.get_text().split("\nn = ")[0]: t for t in ax.get_xticklabels()}
    assert [t.get_rotation() for t in labels.values()] == [0] * 6
    assert "valley_courier_\nfrom_pdf" in labels and "newsletter_\nemail" in labels


def test_ten_outlets_names_stand_upright_in_a_smaller_font() -> None:
    """Ten outlets (the most shown as columns) in the window's 1372 x 616 px view: their
    names were slanted, above and under the grid, and the grid's 20 rows got 10 px each
    (ux20's walkthrough, /work/notes/s20/ux20/heatmap-10-outlets-before.png)."""
    names = ["Capitol News Service", "newsletter_email", "Northstate Public Radio",
             "The Daily Sentinel", "The Ledger", "valley_courier_from_pdf", "Harbour Herald",
             "Coastline Daily", "The Pulse", "Tidewater Times"]
    analyses = [make_analysis(f"a{i}", name) for i, name in enumerate(names)]
    chart = build_chart("outlet_heatmap", analyses)
    assert isinstance(chart, OutletHeatmapChart) and not chart.outlets_as_rows
    fig = style.render(chart, __version__,
                       Figure(figsize=(13.72, 6.16), dpi=100, layout="constrained"))
    ticks = fig.axes[0].xaxis.get_major_ticks()
    for label in [t.label1 for t in ticks] + [t.label2 for t in ticks]:  # under, above
        assert label.get_rotation() == 0, label.get_text()
        assert label.get_fontsize() >= 7.5
