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

import matplotlib
from matplotlib import rc_context
from matplotlib.figure import Figure

from desktop.charts import at_scale, style
from desktop.charts.certainty_drift import CertaintyDriftChart
from desktop.charts.claims_matrix import ClaimsMatrixChart, claim_method_sentence
from desktop.charts.emphasis import DistinctiveWordsChart, EmphasisTopicsChart
from desktop.charts.measure_by_outlet import DEFAULT_MEASURE, MeasureByOutletChart
from desktop.charts.outlet_heatmap import OutletHeatmapChart
from desktop.charts.reuse import ReuseChart
from desktop.charts.similarity import SimilarityChart
from desktop.charts.sources import SourcesChart
from desktop.charts.style import Chart, footer_text, render
from desktop.charts.tone_strips import ToneStripsChart
from models.claims import DEFAULT_THRESHOLD
from models.evidence import SentenceRef
from models.export import temporary_beside
from models.features import ArticleAnalysis

# Every text a chart draws is the user's or the corpus's (outlets, file names, sources,
# sentences), never TeX: between two '$' matplotlib parsed it as maths, so an outlet
# '$\frac{1$ News' ended the drawing with a ParseSyntaxException and '$5 Deals $' was
# set in italics without its spaces (robust29). Read when each Text is made: set once,
# here, before any chart module draws.
matplotlib.rcParams["text.parse_math"] = False

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


# Each description opens with what the chart shows and how to read it, in plain words (a
# media-literacy teacher reads it, ux28); the method a researcher cites comes after "Method:"
# (and in Help ▸ Methods). It is the chart's on-screen description, tooltip and accessible
# description.
CHART_KINDS: tuple[ChartKind, ...] = (
    ChartKind(
        "measure_by_outlet", "One measure by outlet", True,
        "A taller bar: the outlet does this more, on average over its articles; each dot is "
        "one article. A thin line (outlets with two or more articles) shows how uncertain "
        "the average is: where two outlets' lines overlap, the gap between their bars may be "
        "chance. Method: 95% Student-t intervals of the mean, cut at the lowest or highest "
        "value the measure can take (0 for rates and shares).",
    ),
    ChartKind(
        "outlet_heatmap", "Outlet profiles (all measures)", False,
        "Every measure for every outlet: a cell's number is the outlet's average, its colour "
        "how that compares with the other outlets (orange: more, purple: less, pale: about "
        "the same). Method: colour is the distance from the average outlet in standard "
        "deviations across outlets (never taken as less than a tenth of the measure's "
        "range: near-equal outlets stay pale).",
    ),
    ChartKind(
        "tone_strips", "Sentence tone by article", False,
        "One strip per article, read left to right, one box per sentence: red sentences "
        "sound negative, blue positive, pale neutral; the number at the right is the "
        "article's average tone (−1 to 1). Method: tone from the news model (VADER "
        "corrected by people's ratings of NYT sentences); VADER's own score is in the "
        "tooltip.",
        at_scale.OutletToneChart.title,
        f"Past {at_scale.ARTICLE_LIMIT} articles, one row per outlet: how much of the "
        "outlet's writing sounds negative (red), neutral (pale) or positive (blue), and ◆ "
        "its average tone (−1 to 1). Method: the share of its body sentences in each band "
        "of tone from the news model (VADER corrected by people's ratings of NYT "
        "sentences); VADER's own figures are in the tooltip and the chart's data.",
    ),
    ChartKind(
        "similarity", "Similarity between articles", False,
        "How alike two articles' wording is: the brighter their cell, the more of the same "
        "words they use (0 = nothing in common, 1 = the same text); copies of one wire "
        "story show up as bright cells. Method: cosine similarity of TF-IDF vectors of "
        "the body text (words weighted by how rare they are across the articles).",
        at_scale.OutletSimilarityChart.title,
        f"Past {at_scale.ARTICLE_LIMIT} articles, one cell per pair of outlets: the "
        "brighter, the more of the same words their articles use (0 = nothing in common, "
        "1 = the same text; the diagonal: articles within one outlet); shared wire copy "
        "shows up as bright cells. Method: the mean cosine similarity of TF-IDF vectors "
        "of the body text over every pair of their articles (up to "
        f"{at_scale.SIMILARITY_SAMPLE} per outlet, evenly spread).",
    ),
    ChartKind(
        "certainty_drift", "Certainty drift across outlets", False,
        "How sure each outlet makes each claim: a column per claim, a dot per article, "
        "higher the surer, coloured by outlet; a cross under the dashed line: the outlet "
        "leaves the claim out. With too many outlets for a dot each, each level counts them. "
        # The window gives the threshold the chart was drawn at (CompareView._description).
        + claim_method_sentence(DEFAULT_THRESHOLD),
    ),
    ChartKind(
        "claims_matrix", "Claims × outlets (omissions)", False,
        "Which outlets carry each claim (one row per claim, one column per outlet) and how "
        "sure they make it (the colour); a hatched cell: the outlet leaves the claim out.",
    ),
    ChartKind(
        "sources", "Who each outlet cites (sources)", False,
        "Whom each outlet quotes or cites: a row per source (people, institutions, news "
        "media; sources described but not named, such as 'the transport department', share "
        "one row, anonymous sources the last), a column per outlet; the number is how often "
        "the outlet's articles cite it. Aliases are merged where the text makes it clear "
        "('Important Stories (iStories)', 'Peskov' for 'Dmitry Peskov').",
    ),
    ChartKind(
        "emphasis_topics", "What each outlet stresses (topics)", False,
        "Which parts of the story each outlet gives room to: a row per topic, named by its "
        "four strongest words; a cell is the share of the outlet's sentences on that topic; "
        "the last row, off-story material, is sentences the other articles hardly echo. "
        "Method: topics found by NMF (non-negative matrix factorisation) over the TF-IDF of "
        "all body sentences; each sentence counts for its strongest topic.",
    ),
    ChartKind(
        "distinctive_words", "Each outlet's distinctive words", False,
        "For each outlet, the words it uses more than the other outlets do: the longer the "
        "bar, the more it stands out; past the dashed line the difference is unlikely to be "
        "chance. Method: weighted log-odds with an informative Dirichlet prior (Monroe, "
        "Colaresi & Quinn 2008), as z-scores; the dashed line is at 1.96.",
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
