"""The certainty charts split each outlet's bar into its own words (solid) and what it
quotes (hatched on top): ux18's finding 1, a quoted assessor's hedges read as the
outlet's own."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from matplotlib.patches import Rectangle

from desktop.charts import build_chart, render, save_figure, style, write_chart_data
from desktop.charts.measure_by_outlet import QUOTED_HATCH, VOICE_SPLITS
from models import __version__
from models.compare import compare_outlets
from models.features import ArticleAnalysis

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def seeds() -> list[ArticleAnalysis]:
    from models.pipeline import analyze_paths

    return analyze_paths([REPO / "seeds"]).analyses


def hatched(ax) -> list[Rectangle]:  # type: ignore[no-untyped-def]
    return [p for p in ax.patches if isinstance(p, Rectangle) and p.get_hatch() == QUOTED_HATCH]


@pytest.mark.parametrize("key", list(VOICE_SPLITS))
def test_the_quoted_part_is_hatched_on_top_of_the_outlets_own(
    key: str, seeds: list[ArticleAnalysis]
) -> None:
    own_key, quoted_key = VOICE_SPLITS[key]
    chart = build_chart("measure_by_outlet", seeds, measure=key)
    ax = chart.figure(__version__).axes[0]
    parts = hatched(ax)
    summaries = compare_outlets(seeds, [key, own_key, quoted_key])
    assert len(parts) == len(summaries)
    for part, s in zip(parts, summaries, strict=True):
        assert part.get_y() == pytest.approx(s.mean[own_key])
        assert part.get_height() == pytest.approx(s.mean[quoted_key])
        assert part.get_y() + part.get_height() == pytest.approx(s.mean[key])
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "+ quoted or reported" in legend and "Outlet average, own words" in legend
    assert "quoted or reported" in chart.note


def test_the_mod_reports_bar_is_mostly_quoted(seeds: list[ArticleAnalysis]) -> None:
    chart = build_chart("measure_by_outlet", seeds, measure="hedges_epistemic_per_100w")
    ax = chart.figure(__version__).axes[0]
    names = [t.get_text().replace("\n", " ") for t in ax.get_xticklabels()]
    part = hatched(ax)[names.index("MoD-based report")]
    # more quoted than own; since audit25 none is own (its one own 'might', in 'any idea
    # that the officials might resign', estimates nothing)
    assert part.get_height() > part.get_y() >= 0


def test_other_measures_are_not_split(seeds: list[ArticleAnalysis]) -> None:
    chart = build_chart("measure_by_outlet", seeds, measure="attributions_per_100w")
    ax = chart.figure(__version__).axes[0]
    assert hatched(ax) == []
    columns, _ = chart.rows()
    assert "value_quoted" not in columns
    assert "Outlet average" in [t.get_text() for t in ax.get_legend().get_texts()]


def test_exports_carry_the_split(seeds: list[ArticleAnalysis], tmp_path: Path) -> None:
    key = "hedges_epistemic_per_100w"
    chart = build_chart("measure_by_outlet", seeds, measure=key)
    fig = render(chart, __version__)
    for fmt in ("png", "svg", "pdf"):
        save_figure(fig, tmp_path / f"chart.{fmt}")
    assert "quoted or reported" in (tmp_path / "chart.svg").read_text(encoding="utf-8")
    write_chart_data(chart, tmp_path / "chart.csv")
    with (tmp_path / "chart.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    by_id = {a.article_id: a.scores for a in seeds}
    for row in rows:
        scores = by_id[row["article_id"]]
        assert float(row["value_own_voice"]) == pytest.approx(
            scores.hedges_epistemic_own_per_100w, rel=1e-5)
        assert float(row["value_quoted"]) == pytest.approx(
            scores.hedges_epistemic_quoted_per_100w, rel=1e-5)
        assert float(row["value_own_voice"]) + float(row["value_quoted"]) == pytest.approx(
            float(row["value"]), rel=1e-5)
        assert float(row["outlet_mean_own_voice"]) + float(row["outlet_mean_quoted"]) == \
            pytest.approx(float(row["outlet_mean"]), rel=1e-5)


def test_hovering_a_bar_names_both_parts(seeds: list[ArticleAnalysis]) -> None:
    chart = build_chart("measure_by_outlet", seeds, measure="hedges_epistemic_per_100w")
    ax = chart.figure(__version__).axes[0]
    names = [t.get_text().replace("\n", " ") for t in ax.get_xticklabels()]
    i = names.index("MoD-based report")
    scores = next(a.scores for a in seeds if a.outlet == "MoD-based report")
    own = style.format_number(scores.hedges_epistemic_own_per_100w)
    quoted = style.format_number(scores.hedges_epistemic_quoted_per_100w)
    text = chart.hover_text(ax, float(i), 0.1)
    assert text is not None
    assert f"own words {own}" in text and f"quoted or reported {quoted}" in text
