"""The certainty-drift and claims × outlets charts on the seeds, drawn on real Figures."""

from __future__ import annotations

import pytest
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from desktop.charts import build_chart, render
from desktop.charts.certainty_drift import CertaintyDriftChart, level_y
from desktop.charts.claims_matrix import CERTAINTY_COLOURS, ClaimsMatrixChart, outlet_level
from models import __version__
from models.claims import CERTAINTY_LEVELS, align_claims
from models.pipeline import analyze_paths
from tests.models.conftest import SEEDS


@pytest.fixture(scope="module")
def seeds():
    return analyze_paths([SEEDS]).analyses


@pytest.fixture(scope="module")
def alignment(seeds):
    return align_claims(seeds)


def test_matrix_rows_mark_omissions_and_certainty(seeds, alignment) -> None:
    chart = build_chart("claims_matrix", seeds, alignment=alignment)
    assert isinstance(chart, ClaimsMatrixChart)
    columns, rows = chart.rows()
    assert columns[:4] == ["claim_id", "claim_label", "outlet", "carried"]
    assert len(rows) == len(alignment.claims) * len(alignment.outlets)
    denial = next(c for c in alignment.claims if any(m.certainty == "denied"
                                                     for m in c.mentions))
    carried = {r["outlet"]: r["certainty"] for r in rows
               if r["claim_id"] == denial.claim_id and r["carried"]}
    assert carried == {"HLN": "denied", "MoD-based report": "denied"}
    omitted = [r for r in rows if r["claim_id"] == denial.claim_id and not r["carried"]]
    assert {r["outlet"] for r in omitted} == {"The Daily Beast", "Spanish-language outlet",
                                              "PatriotWise"}
    assert all(r["certainty"] == "" for r in omitted)


def test_matrix_cells_are_coloured_by_certainty(seeds, alignment) -> None:
    chart = ClaimsMatrixChart(seeds, alignment)
    fig = render(chart, __version__)
    ax = fig.axes[0]
    fills = {(round(p.get_x() + 0.5), round(p.get_y() + 0.5)): to_hex(p.get_facecolor())
             for p in ax.patches if isinstance(p, Rectangle)}
    hatched = 0
    for r, claim in enumerate(chart.claims):
        for c, _outlet in enumerate(chart.outlets):
            level = outlet_level(chart.mentions_at(r, c))
            if level is None:
                hatched += 1
                assert fills[(c, r)] != to_hex(CERTAINTY_COLOURS["asserted"])
            else:
                assert fills[(c, r)] == to_hex(CERTAINTY_COLOURS[level]).lower(), claim.label
    assert hatched > 0
    # Hovering the central claim's MoD cell names its level and sentence.
    col = chart.outlets.index("MoD-based report")
    text = chart.hover_text(ax, col, 0)
    # The MoD report quotes the ministry's "probably": attributed (drift19, session 19).
    assert text is not None and "attributed (the ministry)" in text
    assert chart.hover_text(ax, 99, 99) is None


def test_drift_places_each_article_on_the_scale(seeds, alignment) -> None:
    chart = build_chart("certainty_drift", seeds, alignment=alignment)
    assert isinstance(chart, CertaintyDriftChart)
    fig = render(chart, __version__)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == [*CERTAINTY_LEVELS, "not carried"]
    assert level_y("asserted") > level_y("epistemic") > level_y("denied")
    central = [p for p in chart.points if p[2].claim_id == 1]
    # The MoD report's only hedge is the ministry's, quoted: attributed, not epistemic.
    assert {p[2].outlet: p[2].certainty for p in central}["MoD-based report"] == "attributed"
    # Every drawn marker can be found again under the pointer.
    for px, py, m in chart.points:
        assert chart.mention_at(ax, px, py) is m
        assert m.certainty in (chart.hover_text(ax, px, py) or "")
    columns, rows = chart.rows()
    assert "certainty_rank" in columns
    assert {r["certainty_rank"] for r in rows} <= set(range(1, 6))
    assert any(r["certainty"] == "denied" and r["certainty_rank"] == 5 for r in rows)


def test_claim_charts_say_when_nothing_is_shared(seeds) -> None:
    lonely = align_claims(seeds[:1])
    for cls in (ClaimsMatrixChart, CertaintyDriftChart):
        chart = cls(seeds[:1], lonely)
        fig = Figure()
        chart.plot(fig)
        texts = [t.get_text() for t in fig.axes[0].texts]
        assert any("No claim is shared" in t for t in texts)
        assert chart.rows()[1] == []
