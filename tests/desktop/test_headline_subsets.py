"""Per-outlet headline means rest on the articles that have a headline: the charts say on
which part of each outlet's articles (ux18's finding 2, session 18: 92 of The Washington
Post's 132 PolNeAR texts had no headline, and its headline means silently used the rest)."""

from __future__ import annotations

from desktop.charts.measure_by_outlet import MeasureByOutletChart
from desktop.charts.outlet_heatmap import OutletHeatmapChart
from models import __version__
from models.features import ArticleAnalysis
from tests.desktop.test_charts import figure_texts, make_analysis

BODY = [
    "The minister said the ban would probably stay in place.",
    "Officials may not resign until the end of the operation.",
]


def corpus() -> list[ArticleAnalysis]:
    """'Post' 1 of 4 articles with a headline, 'Times' 3 of 4, 'Wire' 2 of 2, 'Blog' 0 of 2."""
    plan = {"Post": (1, 4), "Times": (3, 4), "Wire": (2, 2), "Blog": (0, 2)}
    analyses = []
    for outlet, (with_headline, n) in plan.items():
        for k in range(n):
            headline = "Kremlin bans officials from quitting" if k < with_headline else ""
            analyses.append(make_analysis(f"{outlet}-{k}", outlet, headline, BODY))
    return analyses


def test_the_bar_chart_names_the_outlets_whose_headline_mean_rests_on_part_of_them() -> None:
    chart = MeasureByOutletChart(corpus(), "headline_tone")
    assert chart.note == (
        "6 articles without a headline not shown; "
        "averages of Post: 1 of 4 articles, Times: 3 of 4 articles"
    )
    fig = chart.figure(__version__)
    assert chart.note.split() == fig.axes[0].get_title(loc="left").split()  # wrapped


def test_a_measure_every_article_has_names_no_subset() -> None:
    chart = MeasureByOutletChart(corpus(), "boosters_per_100w")
    assert "averages of" not in chart.note


def test_the_heatmap_says_its_headline_rows_use_only_articles_with_a_headline() -> None:
    chart = OutletHeatmapChart(corpus())
    fig = chart.figure(__version__)
    note = " ".join(" ".join(figure_texts(fig)).split())
    assert "Blog: no headline found in its files." in note
    assert "Headline rows: the articles with a headline only (Post 1 of 4, Times 3 of 4)." in note


def test_the_heatmap_says_nothing_of_subsets_when_every_article_has_a_headline() -> None:
    full = [a for a in corpus() if a.article.headline]
    fig = OutletHeatmapChart(full).figure(__version__)
    assert "Headline rows" not in " ".join(figure_texts(fig))
