"""Framescope's charts: matplotlib Figure builders shared by the GUI and the command line.

Each chart is a Display object (scikit-learn's plotting API): built once from
the analyses, then ``plot(figure_or_axes)``; ``rows()`` gives the numbers behind
it. Qt-free and pyplot-free by contract (``[tool.importlinter]``).

    chart = build_chart("measure_by_outlet", analyses, measure="boosters_per_100w")
    save_figure(render(chart, __version__), Path("boosters.svg"))
    write_chart_data(chart, Path("boosters.csv"))
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from matplotlib import rc_context
from matplotlib.figure import Figure

from desktop.charts import at_scale, style
from desktop.charts.certainty_drift import CertaintyDriftChart
from desktop.charts.claims_matrix import ClaimsMatrixChart
from desktop.charts.emphasis import DistinctiveWordsChart, EmphasisTopicsChart
from desktop.charts.measure_by_outlet import DEFAULT_MEASURE, MeasureByOutletChart
from desktop.charts.outlet_heatmap import OutletHeatmapChart
from desktop.charts.reuse import ReuseChart
from desktop.charts.similarity import SimilarityChart
from desktop.charts.sources import SourcesChart
from desktop.charts.style import Chart, footer_text, render
from desktop.charts.tone_strips import ToneStripsChart
from models.evidence import SentenceRef
from models.export import temporary_beside
from models.features import ArticleAnalysis

if TYPE_CHECKING:
    from models.claims import ClaimAlignment

__all__ = [
    "CHART_KINDS",
    "DEFAULT_MEASURE",
    "EXPORT_FORMATS",
    "Chart",
    "ChartKind",
    "SentenceRef",
    "build_chart",
    "chart_kind",
    "export_format",
    "footer_text",
    "render",
    "save_figure",
    "write_chart_data",
]

EXPORT_FORMATS: tuple[str, ...] = ("png", "svg", "pdf")
PNG_DPI = 200


@dataclass(frozen=True, slots=True)
class ChartKind:
    """A chart the user can choose: its key, menu title, and what it shows."""

    key: str
    title: str
    needs_measure: bool
    description: str
    #: Past at_scale.ARTICLE_LIMIT articles some charts aggregate per outlet: their menu
    #: title and description then (empty: the same chart at every size).
    scale_title: str = ""
    scale_description: str = ""

    def for_articles(self, n_articles: int) -> ChartKind:
        """The kind as shown for ``n_articles`` articles: its per-outlet title and
        description past at_scale.ARTICLE_LIMIT, when it has them."""
        if n_articles > at_scale.ARTICLE_LIMIT and self.scale_title:
            return ChartKind(self.key, self.scale_title, self.needs_measure,
                             self.scale_description)
        return self


CHART_KINDS: tuple[ChartKind, ...] = (
    ChartKind(
        "measure_by_outlet", "One measure by outlet", True,
        "Each bar is an outlet's mean for the chosen measure; each dot is one article; "
        "whiskers are 95% Student-t intervals (outlets with two or more articles), cut at "
        "the lowest or highest value the measure can take (0 for rates and shares).",
    ),
    ChartKind(
        "outlet_heatmap", "Outlet profiles (all measures)", False,
        "Every comparable measure for every outlet. Colour shows how far an outlet's mean "
        "lies from the average outlet, in standard deviations across outlets (pale where "
        "the outlets barely differ); the number is the outlet's raw mean.",
    ),
    ChartKind(
        "tone_strips", "Sentence tone by article", False,
        "One strip per article and one cell per body sentence, coloured by its tone "
        "from the news model (VADER corrected by NYT ratings; red negative, blue "
        "positive), with the article's mean tone. VADER's own score is in the tooltip.",
        at_scale.OutletToneChart.title,
        f"Past {at_scale.ARTICLE_LIMIT} articles, one row per outlet: the share of the "
        "outlet's body sentences in each band of tone from the news model (VADER corrected "
        "by NYT ratings; red negative, blue positive), and ◆ its mean tone. VADER's own "
        "figures are in the tooltip and the chart's data.",
    ),
    ChartKind(
        "similarity", "Similarity between articles", False,
        "How alike the articles' wording is: cosine similarity of TF-IDF vectors of the "
        "body text (0 = nothing in common, 1 = the same). Shared wire copy shows up as "
        "bright cells.",
        at_scale.OutletSimilarityChart.title,
        f"Past {at_scale.ARTICLE_LIMIT} articles, one cell per pair of outlets: the mean "
        "cosine similarity of TF-IDF vectors of the body text over every pair of their "
        f"articles (up to {at_scale.SIMILARITY_SAMPLE} per outlet, evenly spread; the "
        "diagonal: pairs within one outlet), 0 = nothing in common, 1 = the same. Shared "
        "wire copy shows up as bright cells.",
    ),
    ChartKind(
        "certainty_drift", "Certainty drift across outlets", False,
        "The most widely carried claims, each a column; one dot per article at the "
        "certainty it gives the claim (asserted at the top, denied at the bottom), "
        "coloured by outlet; crosses under the scale mark outlets that omit the claim. "
        "With too many outlets for a dot each, each level says how many outlets give the "
        "claim that certainty, and the band how many omit it.",
    ),
    ChartKind(
        "claims_matrix", "Claims × outlets (omissions)", False,
        "Which outlets carry each claim (rows) and how certain they make it (colour); "
        "hatched cells are omissions.",
    ),
    ChartKind(
        "sources", "Who each outlet cites (sources)", False,
        "Each row is a source (a person, an institution or a news medium; sources "
        "described but not named, such as 'the transport department', together in one "
        "row, and anonymous sources in the last), each column an outlet; the number counts "
        "the source's mentions in the outlet's articles. Aliases are merged where the "
        "text makes it clear ('Important Stories (iStories)', 'Peskov' for 'Dmitry "
        "Peskov').",
    ),
    ChartKind(
        "emphasis_topics", "What each outlet stresses (topics)", False,
        "Topics found over all body sentences (NMF), each named by its strongest words; "
        "each cell is the share of the outlet's sentences in the topic. The last row is "
        "the share of off-story material: sentences the other articles hardly echo.",
    ),
    ChartKind(
        "distinctive_words", "Each outlet's distinctive words", False,
        "For each outlet, the words it uses more than the other outlets, by weighted "
        "log-odds with an informative Dirichlet prior (z-scores; beyond the dashed line "
        "at 1.96 the difference is unlikely to be chance).",
    ),
    ChartKind(
        "reuse", "Shared passages (text reuse)", False,
        "How many words of text two outlets' articles share in passages copied verbatim "
        "or nearly so (a changed word or two allowed). Click a cell to list the passages' "
        "sentences; reuse.csv says which article is the likely source.",
    ),
)

_KINDS = {k.key: k for k in CHART_KINDS}


def chart_kind(key: str) -> ChartKind:
    """The chart kind ``key``; raises KeyError for an unknown key."""
    return _KINDS[key]


def build_chart(
    kind: str, analyses: Sequence[ArticleAnalysis], *, measure: str | None = None,
    alignment: ClaimAlignment | None = None, outlets_loaded: Sequence[str] = (),
) -> Chart:
    """Compute the chart ``kind`` from ``analyses``; ``measure`` is for measure charts,
    ``alignment`` (claims already aligned, e.g. at the user's threshold) for claim charts.
    ``outlets_loaded``: every outlet loaded (the window's, excluded articles' outlets too),
    so that an outlet's colour does not change when another is excluded.

    Raises KeyError for an unknown kind or measure key.
    """
    chart_kind(kind)
    if kind == "measure_by_outlet":
        return MeasureByOutletChart(analyses, measure or DEFAULT_MEASURE,
                                    outlets_loaded=outlets_loaded)
    if kind == "outlet_heatmap":
        return OutletHeatmapChart.from_analyses(analyses)
    # Past at_scale.ARTICLE_LIMIT articles, the per-article charts aggregate per outlet.
    if kind == "tone_strips":
        if len(analyses) > at_scale.ARTICLE_LIMIT:
            return at_scale.OutletToneChart.from_analyses(analyses)
        return ToneStripsChart.from_analyses(analyses)
    if kind == "certainty_drift":
        return CertaintyDriftChart(analyses, alignment, outlets_loaded=outlets_loaded)
    if kind == "claims_matrix":
        return ClaimsMatrixChart.from_analyses(analyses, alignment)
    if kind == "sources":
        return SourcesChart.from_analyses(analyses)
    if kind == "emphasis_topics":
        return EmphasisTopicsChart.from_analyses(analyses)
    if kind == "distinctive_words":
        return DistinctiveWordsChart(analyses, outlets_loaded=outlets_loaded)
    if kind == "reuse":
        return ReuseChart.from_analyses(analyses)
    if len(analyses) > at_scale.ARTICLE_LIMIT:
        return at_scale.OutletSimilarityChart.from_analyses(analyses)
    return SimilarityChart.from_analyses(analyses)


def export_format(path: Path) -> str:
    """The export format ``path``'s suffix names (png, svg or pdf); ValueError for another."""
    fmt = Path(path).suffix.lower().lstrip(".")
    if fmt not in EXPORT_FORMATS:
        raise ValueError(
            f"Cannot export a chart as {Path(path).suffix or 'a file without a suffix'}: "
            f"use .png, .svg or .pdf"
        )
    return fmt


def save_figure(fig: Figure, path: Path) -> None:
    """Save ``fig`` as PNG (200 dpi), SVG or PDF, chosen by the suffix of ``path``.

    Written beside the target and renamed, so a failed export never leaves half
    a file. Text stays text in SVG and PDF (searchable, editable in a vector
    editor). Raises ValueError for any other suffix.
    """
    path = Path(path)
    fmt = export_format(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = temporary_beside(path)
    canvas = fig.canvas
    if fmt == "png":
        # Agg with its fonts read from memory: from their files, matplotlib's fonts read
        # every glyph (49,000 read calls for a 300-article heatmap at 200 dpi), each letting
        # go of the interpreter lock, which starved the window's thread while Export Chart
        # saved on a thread (desktop/chart_pixels.py). The same pixels. SVG and PDF embed
        # the font files by name: matplotlib's own fonts.
        from desktop.chart_pixels import AggCanvas

        AggCanvas(fig)
    try:
        with rc_context({"svg.fonttype": "none", "pdf.fonttype": 42}), (
                nullcontext() if fmt == "png" else style.seams_closed(fig)):
            fig.savefig(tmp, format=fmt, dpi=PNG_DPI if fmt == "png" else "figure",
                        facecolor="white")
        tmp.replace(path)
    finally:
        fig.set_canvas(canvas)
        tmp.unlink(missing_ok=True)


def write_chart_data(chart: Chart, path: Path) -> None:
    """Write the numbers behind ``chart`` as CSV (UTF-8; undefined values empty)."""
    from models.export import write_csv

    columns, rows = chart.rows()
    write_csv(Path(path), columns, rows)
