"""desktop.charts without Qt: every chart builds, renders, exports, and shows the models' numbers."""

from __future__ import annotations

import csv
import itertools
import math
import random
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.text import Text

from desktop.charts import (
    CHART_KINDS,
    EXPORT_FORMATS,
    build_chart,
    chart_kind,
    footer_text,
    render,
    save_figure,
    style,
    write_chart_data,
)
from desktop.charts.certainty_drift import CertaintyDriftChart
from desktop.charts.claims_matrix import ClaimsMatrixChart
from desktop.charts.emphasis import DistinctiveWordsChart, EmphasisTopicsChart
from desktop.charts.measure_by_outlet import MeasureByOutletChart
from desktop.charts.outlet_heatmap import OutletHeatmapChart
from desktop.charts.similarity import SimilarityChart
from desktop.charts.sources import SourcesChart
from desktop.charts.tone_strips import ToneStripsChart
from models import __version__
from models.article import Article, Block, Role, Sentence, Span
from models.compare import compare_outlets, outlet_names, similarity_matrix, standardised
from models.features import ArticleAnalysis, score_spans
from models.measures import comparable_measures, profile_measures
from models.tone import sentence_tones
from tests.fresh_python import assert_runs

REPO = Path(__file__).resolve().parents[2]
KEYS = [k.key for k in CHART_KINDS]

# Cue words and their spans, so that score_spans computes real scores.
CUES: dict[str, tuple[str, str, float | None, float | None]] = {
    "likely": ("hedge", "epistemic", 0.55, 0.8),
    "may": ("hedge", "epistemic", 0.3, 0.6),
    "reportedly": ("hedge", "evidential", None, None),
    "clearly": ("booster", "booster", None, None),
    "said": ("attribution", "neutral", None, None),
    "admitted": ("attribution", "loaded", None, None),
    "revealed": ("attribution", "factive", None, None),
    "officials": ("source", "anonymous", None, None),
    "Reuters": ("source", "media", None, None),
    "draconian": ("loaded", "pejorative", None, None),
}
POOL = (
    "The Kremlin reportedly banned senior officials from resigning, Reuters said.",
    "Officials said the measure was likely meant to prevent chaos.",
    "The move is clearly a sign of panic and desperation.",
    "Critics called the draconian rules a disaster for the country.",
    "A spokesman admitted that some governors had tried to step down.",
    "The ban may be extended to lower-ranking staff, a source revealed.",
    "Analysts welcomed the calm and measured response from the ministry.",
    "The war has killed thousands of soldiers and destroyed towns.",
    "Nothing was confirmed by the presidential administration.",
    "Many people are happy to keep their jobs and their good salaries.",
)
OUTLETS = (
    "The Washington Post", "Deutsche Welle (English edition)", "Al Jazeera English",
    "BBC News", "The Sydney Morning Herald and The Age Weekend Edition",
)


def make_analysis(article_id: str, outlet: str, headline: str, body: Sequence[str]) -> ArticleAnalysis:
    """A real analysis (spans found by exact word match, VADER tones, score_spans)."""
    sentences: list[Sentence] = []
    text = ""
    if headline:
        sentences.append(Sentence(-1, 0, len(headline), headline))
        text = headline + "\n\n"
    body_start = len(text)
    for i, sentence in enumerate(body):
        sentences.append(Sentence(i, len(text), len(text) + len(sentence), sentence))
        text += sentence + " "
    spans = []
    for s in sentences:
        for word, (category, sub, low, high) in CUES.items():
            at = s.text.find(word)
            if at >= 0:
                start = s.start + at
                spans.append(Span(start, start + len(word), word, category, sub, word.lower(),
                                  s.index, low, high))
    article = Article(
        article_id=article_id, text=text, outlet=outlet, headline=headline,
        sentences=tuple(sentences), blocks=(Block(body_start, len(text), Role.BODY),),
    )
    tones = tuple(sentence_tones(s.text for s in article.body_sentences))
    scores, restating = score_spans(article, spans, tones)
    return ArticleAnalysis(article, tuple(spans), tones, restating, scores)


def make_corpus(outlets: Sequence[str], n_articles: int, seed: int = 7) -> list[ArticleAnalysis]:
    """Articles spread over ``outlets``; every 7th one (from the 4th) has no headline."""
    rng = random.Random(seed)
    corpus = []
    for k in range(n_articles):
        body = [rng.choice(POOL) for _ in range(rng.randint(3, 18))]
        headline = "" if k % 7 == 3 else "Kremlin bans officials from quitting"
        corpus.append(make_analysis(f"a{k:03d}", outlets[k % len(outlets)], headline, body))
    return corpus


@pytest.fixture(scope="module")
def corpus() -> list[ArticleAnalysis]:
    return make_corpus(OUTLETS, 11)


@pytest.fixture(scope="module")
def seeds() -> list[ArticleAnalysis]:
    pytest.importorskip("models.cues", reason="the cue finder has not landed yet")
    from models.pipeline import analyze_paths

    result = analyze_paths([REPO / "seeds"])
    assert result.analyses, result.errors
    return result.analyses


def svg_text(path: Path) -> str:
    root = ET.parse(path).getroot()
    assert root.tag.endswith("svg")
    # Every <text> element's words, in drawing order (wrapped labels are one per line).
    texts = [" ".join(t.itertext()) for t in root.iter() if t.tag.endswith("text")]
    return " ".join(" ".join(texts).split())


def figure_texts(fig: Figure) -> list[str]:
    return [t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text"))]


def check_exports(analyses: list[ArticleAnalysis], kind: str, tmp_path: Path) -> None:
    folder = tmp_path / "exports"  # tmp_path also holds the Qt test configuration
    chart = build_chart(kind, analyses)
    fig = render(chart, __version__)
    for fmt in EXPORT_FORMATS:
        save_figure(fig, folder / f"{kind}.{fmt}")
    png = (folder / f"{kind}.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(png) > 10_000
    words = svg_text(folder / f"{kind}.svg")
    # Names under a grid's columns may wrap after a hyphen ('Spanish-' / 'language').
    unwrapped = words.replace("- ", "-")
    for outlet in outlet_names(analyses):
        assert " ".join(outlet.split()) in unwrapped, outlet
    assert (folder / f"{kind}.pdf").read_bytes()[:5] == b"%PDF-"
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        f"{kind}.{fmt}" for fmt in EXPORT_FORMATS
    ), "no temporary files are left behind"


# -- the registry -----------------------------------------------------------


def test_chart_kinds_are_the_four_charts() -> None:
    assert KEYS[:4] == ["measure_by_outlet", "outlet_heatmap", "tone_strips", "similarity"]
    assert {"certainty_drift", "claims_matrix"} <= set(KEYS)
    assert {"sources", "emphasis_topics", "distinctive_words"} <= set(KEYS)
    assert [k.key for k in CHART_KINDS if k.needs_measure] == ["measure_by_outlet"]
    assert all(k.title and len(k.description) > 40 for k in CHART_KINDS)
    assert chart_kind("similarity").title == CHART_KINDS[3].title
    with pytest.raises(KeyError):
        build_chart("pie", [])


def test_build_chart_returns_the_kind_asked_for(corpus: list[ArticleAnalysis]) -> None:
    types = {
        "measure_by_outlet": MeasureByOutletChart, "outlet_heatmap": OutletHeatmapChart,
        "tone_strips": ToneStripsChart, "similarity": SimilarityChart,
        "certainty_drift": CertaintyDriftChart, "claims_matrix": ClaimsMatrixChart,
        "sources": SourcesChart, "emphasis_topics": EmphasisTopicsChart,
        "distinctive_words": DistinctiveWordsChart,
    }
    for key, cls in types.items():
        chart = build_chart(key, corpus)
        assert isinstance(chart, cls) and chart.key == key
        assert isinstance(chart, style.Chart)
    chart = build_chart("measure_by_outlet", corpus, measure="boosters_per_100w")
    assert chart.title == "Boosters by outlet"
    assert str(chart) == "measure_by_outlet-boosters_per_100w"
    with pytest.raises(KeyError):
        build_chart("measure_by_outlet", corpus, measure="no_such_measure")


# -- every chart, rendered and exported ---------------------------------------


@pytest.mark.parametrize("kind", KEYS)
def test_every_chart_exports_png_svg_pdf(
    kind: str, corpus: list[ArticleAnalysis], tmp_path: Path
) -> None:
    check_exports(corpus, kind, tmp_path)


@pytest.mark.parametrize("kind", KEYS)
def test_every_chart_exports_from_the_seeds(
    kind: str, seeds: list[ArticleAnalysis], tmp_path: Path
) -> None:
    check_exports(seeds, kind, tmp_path)
    chart = build_chart(kind, seeds)
    columns, rows = chart.rows()
    assert rows and set(rows[0]) == set(columns)


@pytest.mark.parametrize("kind", KEYS)
def test_every_chart_has_title_and_footer(kind: str, corpus: list[ArticleAnalysis]) -> None:
    chart = build_chart(kind, corpus)
    fig = chart.figure(__version__)
    assert fig._suptitle is not None and fig._suptitle.get_text() == chart.title
    footer = footer_text(11, 5, __version__)
    assert footer == f"11 articles · 5 outlets · Framescope {__version__}"
    # A chart naming its measure in plain words names the method first (similarity).
    method = getattr(chart, "export_method", "")
    assert fig._supxlabel is not None and fig._supxlabel.get_text() == (
        f"{method} · {footer}" if method else footer)
    assert fig.get_layout_engine() is not None  # constrained layout
    # An axis is named (the distinctive words' scale: under its panels, across them all).
    assert any(ax.get_xlabel() or ax.get_ylabel() for ax in fig.axes)


@pytest.mark.parametrize("kind", KEYS)
def test_every_chart_draws_on_a_given_axes(kind: str, corpus: list[ArticleAnalysis]) -> None:
    fig = Figure(figsize=(12, 8), layout="constrained")
    left, right = fig.subplots(1, 2)
    build_chart(kind, corpus).plot(right)
    assert right.get_title().startswith(build_chart(kind, corpus).title)
    assert not left.has_data()
    fig.canvas.draw()


def test_render_reuses_a_given_figure(corpus: list[ArticleAnalysis]) -> None:
    fig = Figure(figsize=(9, 5))
    first = render(build_chart("outlet_heatmap", corpus), __version__, fig)
    second = render(build_chart("tone_strips", corpus), __version__, fig)
    assert first is fig and second is fig
    assert fig._suptitle is not None
    assert fig._suptitle.get_text() == "Sentence tone, article by article"
    assert "Outlet profiles across measures" not in figure_texts(fig)  # cleared first


@pytest.mark.parametrize("kind", KEYS)
def test_empty_corpus_says_so(kind: str, tmp_path: Path) -> None:
    chart = build_chart(kind, [])
    columns, rows = chart.rows()
    assert columns and rows == []
    fig = render(chart, __version__)
    assert style.EMPTY_MESSAGE in figure_texts(fig)
    assert fig._supxlabel is not None
    assert fig._supxlabel.get_text().startswith("0 articles · 0 outlets")
    save_figure(fig, tmp_path / "empty.png")
    assert (tmp_path / "empty.png").read_bytes()[:4] == b"\x89PNG"
    write_chart_data(chart, tmp_path / "empty.csv")
    assert (tmp_path / "empty.csv").read_text(encoding="utf-8").splitlines() == [",".join(columns)]


def test_charts_do_not_import_qt() -> None:
    code = (
        "import desktop.charts, sys; from desktop.charts import render, build_chart; "
        "render(build_chart('similarity', []), 'x'); "
        "assert 'PySide6' not in sys.modules, 'PySide6 imported'; "
        "assert 'matplotlib.pyplot' not in sys.modules, 'pyplot imported'"
    )
    assert_runs(code, timeout=120)


# -- the numbers behind the charts -----------------------------------------------------


def same(a: float, b: float) -> bool:
    return (math.isnan(a) and math.isnan(b)) or math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-12)


@pytest.mark.parametrize("key", [m.key for m in comparable_measures()])
def test_measure_rows_are_the_models_numbers(key: str, corpus: list[ArticleAnalysis]) -> None:
    chart = build_chart("measure_by_outlet", corpus, measure=key)
    _, rows = chart.rows()
    assert len(rows) == len(corpus)  # one row per article, undefined ones included
    by_id = {a.article_id: a for a in corpus}
    for row in rows:
        assert row["value"] == by_id[row["article_id"]].scores.value(key)
        assert row["outlet"] == by_id[row["article_id"]].outlet
    for summary in compare_outlets(corpus, [key]):
        outlet_rows = [r for r in rows if r["outlet"] == summary.outlet]
        assert {r["article_id"] for r in outlet_rows} == set(summary.article_ids)
        for row in outlet_rows:
            assert same(row["outlet_mean"], summary.mean[key])
            assert same(row["outlet_ci95_low"], summary.ci_low[key])
            assert same(row["outlet_ci95_high"], summary.ci_high[key])
            assert row["outlet_articles_with_value"] == summary.n[key]


def test_measure_chart_draws_the_outlet_means_as_bars(corpus: list[ArticleAnalysis]) -> None:
    key = "attributions_per_100w"
    chart = build_chart("measure_by_outlet", corpus, measure=key)
    fig = chart.figure(__version__)
    ax = fig.axes[0]
    bars = [p for p in ax.patches if isinstance(p, Rectangle)]
    means = [s.mean[key] for s in compare_outlets(corpus, [key])]
    assert [b.get_height() for b in bars] == pytest.approx(means)
    labels = [t.get_text().replace("\n", " ") for t in ax.get_xticklabels()]
    assert labels == list(outlet_names(corpus))  # full names, wrapped but never cut
    colours = style.outlet_colours(OUTLETS)
    expected = [colours[o] for o in outlet_names(corpus)]
    from matplotlib.colors import to_hex

    assert [to_hex(b.get_facecolor(), keep_alpha=False) for b in bars] == [
        c.lower() for c in expected
    ]
    assert ax.get_legend() is not None
    assert ax.get_ylabel().replace("\n", " ") == "Attributions (per 100 words)"


def test_undefined_values_are_skipped_and_said_so(corpus: list[ArticleAnalysis]) -> None:
    no_headline = [a for a in corpus if not a.article.headline]
    assert len(no_headline) == 2
    chart = build_chart("measure_by_outlet", corpus, measure="headline_tone")
    assert isinstance(chart, MeasureByOutletChart)
    # and which outlets' means rest on part of their articles (ux18's finding 2, session 18)
    assert chart.note.startswith("2 articles without a headline not shown; averages of ")
    fig = chart.figure(__version__)
    assert fig.axes[0].get_title(loc="left").split() == chart.note.split()  # wrapped
    dots = fig.axes[0].collections[0]  # the scatter; whiskers come after it
    assert len(dots.get_offsets()) == len(corpus) - 2
    full = build_chart("measure_by_outlet", corpus, measure="boosters_per_100w")
    # Nothing undefined to say (the note may still say an interval is cut at 0).
    assert isinstance(full, MeasureByOutletChart) and full.n_undefined == 0
    assert "not shown" not in full.note


def test_dots_are_jittered_the_same_way_every_time(corpus: list[ArticleAnalysis]) -> None:
    def dots() -> np.ndarray:
        fig = build_chart("measure_by_outlet", corpus).figure(__version__)
        return np.asarray(fig.axes[0].collections[0].get_offsets())

    first, second = dots(), dots()
    assert np.array_equal(first, second)
    # Two articles of one outlet sit side by side, not on top of each other.
    assert len(set(np.round(first[:, 0], 6))) == len(corpus)


def test_heatmap_rows_and_zscores(corpus: list[ArticleAnalysis]) -> None:
    keys = [m.key for m in profile_measures()]
    summaries = compare_outlets(corpus, keys)
    z = standardised(summaries, keys)
    chart = build_chart("outlet_heatmap", corpus)
    _, rows = chart.rows()
    assert len(rows) == len(summaries) * len(keys)
    for row in rows:
        o = outlet_names(corpus).index(row["outlet"])
        k = keys.index(row["measure"])
        assert same(row["outlet_mean"], summaries[o].mean[row["measure"]])
        assert same(row["z_score"], float(z[o, k]))
    for key in keys:
        column = np.array([r["z_score"] for r in rows if r["measure"] == key], dtype=float)
        finite = column[np.isfinite(column)]
        assert abs(finite.mean()) < 1e-9, key
    spread = [k for k in keys if np.nanstd([r["z_score"] for r in rows if r["measure"] == k]) > 0]
    assert len(spread) >= 5  # the fixture really differs between outlets


def test_heatmap_cells_show_raw_means_and_hatch_missing() -> None:
    # One outlet with no epistemic hedge at all: its estimated probability is undefined.
    plain = ["Officials said the ministry welcomed the calm response."] * 4
    analyses = [
        make_analysis("p1", "Plain Outlet", "A headline", plain),
        make_analysis("h1", "Hedging Outlet", "A headline", [POOL[1], POOL[5], POOL[0]]),
        make_analysis("h2", "Hedging Outlet", "A headline", [POOL[1], POOL[2]]),
    ]
    chart = build_chart("outlet_heatmap", analyses)
    fig = chart.figure(__version__)
    ax = fig.axes[0]
    hatched = [p for p in ax.patches if p.get_hatch()]
    assert isinstance(chart, OutletHeatmapChart)
    assert len(hatched) == int(np.isnan(chart.means).sum()) >= 1
    measures = [m.key for m in profile_measures()]
    row = measures.index("estimative_probability_mean")
    col = outlet_names(analyses).index("Plain Outlet")
    [labels] = [a for a in ax.get_children() if isinstance(a, style.CellLabels)]
    cell_texts = {(x, y): text for x, y, text, _ in labels.cells}
    assert cell_texts[(col, row)] == style.EM_DASH
    summary = compare_outlets(analyses, measures)
    words_row = measures.index("attributions_per_100w")
    other = outlet_names(analyses).index("Hedging Outlet")
    expected = style.format_number(summary[other].mean["attributions_per_100w"],
                                   digits=style.shared_decimals(chart.means[:, words_row]))
    assert cell_texts[(other, words_row)] == expected
    colorbar_names = [t.get_text() for a in fig.axes[1:] for t in a.findobj(Text)]
    assert "SDs from the\naverage outlet" in colorbar_names


def test_heatmap_writes_one_measure_with_the_same_decimals(tmp_path: Path) -> None:
    # ux8's review (session 8): "10.0" beside "5.00" in one measure's cells. Attributions
    # per 100 words: 12.5 for the terse outlet (1 of 8 words), 7.1 for the wordy one.
    analyses = [
        make_analysis("t1", "Terse Outlet", "A headline",
                      ["Officials said the bridge would reopen in June."]),
        make_analysis("w1", "Wordy Outlet", "A headline",
                      ["Officials said the old bridge over the river would reopen early in June.",
                       "The works took longer than the town had planned for."]),
    ]
    chart = build_chart("outlet_heatmap", analyses)
    fig = chart.figure(__version__)
    [labels] = [a for a in fig.axes[0].get_children() if isinstance(a, style.CellLabels)]
    measures = [m.key for m in profile_measures()]
    outlets = outlet_names(analyses)
    row = measures.index("attributions_per_100w")
    assert isinstance(chart, OutletHeatmapChart)
    means = chart.means[:, row]
    assert means.max() >= 10 > means.min()  # the measure straddles 10
    texts = [labels.text_at(outlets.index(o), row) for o in ("Terse Outlet", "Wordy Outlet")]
    assert texts == [f"{means[outlets.index(o)]:.1f}" for o in ("Terse Outlet", "Wordy Outlet")]
    # Every measure's row: one count of decimals across its outlets.
    by_row: dict[float, set[int]] = {}
    for _, y, text, _ in labels.cells:
        if text != style.EM_DASH:
            by_row.setdefault(y, set()).add(len(text.partition(".")[2]))
    assert by_row and all(len(decimals) == 1 for decimals in by_row.values()), by_row
    # The exported numbers keep their full precision.
    _, rows = chart.rows()
    exported = [r["outlet_mean"] for r in rows if r["measure"] == "attributions_per_100w"]
    assert exported == [float(v) for v in means]


def test_shared_decimals() -> None:
    assert style.shared_decimals([5.0, 10.0]) == 1
    assert style.shared_decimals([0.5, -0.25]) == 2
    assert style.shared_decimals([3.0, 250.0, math.nan]) == 0
    assert style.shared_decimals([math.nan]) == 2
    assert style.format_number(5.0, digits=1) == "5.0"
    assert style.format_number(9.996) == "10.0"  # rounded, it has two digits before the point
    assert style.format_number(99.96) == "100"


def test_tone_strip_rows_are_the_sentence_tones(corpus: list[ArticleAnalysis]) -> None:
    _, rows = build_chart("tone_strips", corpus).rows()
    assert len(rows) == sum(len(a.sentence_tones) for a in corpus)
    by_id = {a.article_id: a for a in corpus}
    for row in rows:
        analysis = by_id[row["article_id"]]
        assert row["vader_compound"] == analysis.sentence_tones[row["sentence_number"] - 1]
        assert row["article_tone_mean"] == analysis.scores.tone_mean
        # The strips show tone_news; VADER's scores ride along in the data.
        assert row["tone_news"] == analysis.sentence_tones_news[row["sentence_number"] - 1]
        assert row["article_tone_news_mean"] == analysis.scores.tone_news_mean
    chart = build_chart("tone_strips", corpus)
    assert chart.matrix()[0, 0] == chart.articles[0].sentence_tones_news[0]
    tip = chart.hover_text(chart.figure(__version__).axes[0], 1, 0) or ""
    assert "tone " in tip and "(VADER " in tip
    # The app's sentence 1 with the index spans.csv gives it (ux22 #12).
    assert ", sentence 1 (sentence_index 0): tone " in tip
    fig = build_chart("tone_strips", corpus).figure(__version__)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    # grouped by outlet, then by id; the same headline twice in an outlet adds the ids
    assert labels[0] == "Al Jazeera English · Kremlin bans officials from quitting (a002)"
    assert "Tone, news model (sentence)" in [a.get_xlabel() for a in fig.axes[1:]]


def test_similarity_rows_are_the_models_matrix(corpus: list[ArticleAnalysis]) -> None:
    chart = build_chart("similarity", corpus)
    assert isinstance(chart, SimilarityChart)
    order = [a.article_id for a in chart.articles]
    by_id = {a.article_id: a for a in corpus}
    expected = similarity_matrix([by_id[i] for i in order])
    _, rows = chart.rows()
    assert len(rows) == len(corpus) ** 2
    for row in rows:
        i, j = order.index(row["article_id_a"]), order.index(row["article_id_b"])
        assert row["cosine_similarity"] == pytest.approx(float(expected[i, j]))
    fig = chart.figure(__version__)
    annotated = [t.get_text() for t in fig.axes[0].texts]
    assert annotated.count("1.00") >= len(corpus)  # the diagonal, 2 decimals
    assert fig.axes[0].get_yticklabels()[0].get_text() == \
        "Al Jazeera English · Kremlin bans officials from quitting (a002)"


def test_write_chart_data(corpus: list[ArticleAnalysis], tmp_path: Path) -> None:
    chart = build_chart("measure_by_outlet", corpus, measure="headline_tone")
    path = tmp_path / "sub" / "data.csv"
    write_chart_data(chart, path)
    with path.open(encoding="utf-8", newline="") as handle:
        written = list(csv.DictReader(handle))
    columns, rows = chart.rows()
    assert list(written[0]) == columns
    assert len(written) == len(rows)
    empty = [r for r in written if r["value"] == ""]
    assert len(empty) == 2  # undefined values are empty cells, not "None" or "nan"
    assert float(written[0]["outlet_mean"]) == pytest.approx(rows[0]["outlet_mean"], rel=1e-5)


def test_save_figure_refuses_other_formats(corpus: list[ArticleAnalysis], tmp_path: Path) -> None:
    fig = render(build_chart("tone_strips", corpus), __version__)
    folder = tmp_path / "exports"
    with pytest.raises(ValueError, match=r"\.png, \.svg or \.pdf"):
        save_figure(fig, folder / "chart.jpg")
    assert not folder.exists() or list(folder.iterdir()) == []
    save_figure(fig, folder / "CHART.PNG")  # the suffix is matched case-insensitively
    assert (folder / "CHART.PNG").read_bytes()[:4] == b"\x89PNG"


def test_png_is_saved_at_200_dpi(corpus: list[ArticleAnalysis], tmp_path: Path) -> None:
    from PIL import Image

    fig = Figure(figsize=(10, 6), layout="constrained")
    render(build_chart("measure_by_outlet", corpus), __version__, fig)
    save_figure(fig, tmp_path / "c.png")
    with Image.open(tmp_path / "c.png") as image:
        assert image.size == (2000, 1200)


# -- many outlets and articles -----------------------------------------------------------


@pytest.fixture(scope="module")
def large() -> list[ArticleAnalysis]:
    names = [f"{OUTLETS[i % len(OUTLETS)]} {i}" for i in range(30)]
    return make_corpus(names, 200, seed=3)


def test_thirty_outlets_lie_down(large: list[ArticleAnalysis], tmp_path: Path) -> None:
    chart = build_chart("measure_by_outlet", large)
    assert isinstance(chart, MeasureByOutletChart) and chart.horizontal
    width, height = chart.size_hint()
    assert width >= 10 and height >= 0.3 * 30
    fig = chart.figure(__version__)
    ax = fig.axes[0]
    labels = [t.get_text().replace("\n", " ") for t in ax.get_yticklabels()]
    assert labels == outlet_names(large)
    assert ax.get_xlabel() == "Epistemic hedges (per 100 words)"
    save_figure(fig, tmp_path / "big.png")
    few = build_chart("measure_by_outlet", make_corpus(OUTLETS[:3] * 1, 6))
    assert isinstance(few, MeasureByOutletChart) and not few.horizontal


def test_eight_outlets_stand_nine_lie() -> None:
    eight = make_corpus([f"Outlet {i}" for i in range(8)], 8)
    nine = make_corpus([f"Outlet {i}" for i in range(9)], 9)
    first = build_chart("measure_by_outlet", eight)
    second = build_chart("measure_by_outlet", nine)
    assert isinstance(first, MeasureByOutletChart) and not first.horizontal
    assert isinstance(second, MeasureByOutletChart) and second.horizontal


@pytest.mark.parametrize("kind", KEYS)
def test_large_corpus_renders_at_a_readable_size(
    kind: str, large: list[ArticleAnalysis], tmp_path: Path
) -> None:
    chart = build_chart(kind, large)
    fig = render(chart, __version__)
    save_figure(fig, tmp_path / f"{kind}.pdf")
    fig.canvas.draw()
    ax = fig.axes[0]
    sizes = [t.get_fontsize() for t in ax.get_xticklabels() + ax.get_yticklabels()]
    assert min(sizes) >= 4.0
    # Tick labels never overlap their neighbours.
    for labels in (ax.get_yticklabels(), ax.get_xticklabels()):
        boxes = [t.get_window_extent() for t in labels if t.get_text()]
        for a, b in itertools.pairwise(boxes):
            overlap_w = min(a.x1, b.x1) - max(a.x0, b.x0)
            overlap_h = min(a.y1, b.y1) - max(a.y0, b.y0)
            assert overlap_w <= 0.5 or overlap_h <= 0.5, (kind, a, b)


def test_heatmap_with_many_outlets_puts_them_in_rows(large: list[ArticleAnalysis]) -> None:
    chart = build_chart("outlet_heatmap", large)
    assert isinstance(chart, OutletHeatmapChart) and chart.outlets_as_rows
    fig = chart.figure(__version__)
    labels = [t.get_text().replace("\n", " ") for t in fig.axes[0].get_yticklabels()]
    counts = Counter(a.outlet for a in large)
    assert labels == [f"{o} (n = {counts[o]})" for o in outlet_names(large)]


def test_heatmap_names_how_many_articles_each_outlet_has(corpus: list[ArticleAnalysis]) -> None:
    # A 2-article outlet's dark cells looked as solid as a 35-article outlet's (ux18, s18).
    chart = build_chart("outlet_heatmap", corpus)
    assert isinstance(chart, OutletHeatmapChart) and not chart.outlets_as_rows
    fig = chart.figure(__version__)
    labels = [tick.label1.get_text() for tick in fig.axes[0].xaxis.get_major_ticks()]
    counts = Counter(a.outlet for a in corpus)
    assert [label.split("\n")[-1] for label in labels] == [
        f"n = {counts[o]}" for o in outlet_names(corpus)]
    assert len(set(counts.values())) > 1  # the corpus has outlets of different sizes


# -- style helpers --------------------------------------------------------------------


def test_outlet_colours_are_okabe_ito_and_stable() -> None:
    forward = style.outlet_colours(["b", "A", "c"])
    backward = style.outlet_colours(["c", "b", "A", "b"])
    assert forward == backward == {"A": "#E69F00", "b": "#56B4E9", "c": "#009E73"}
    many = style.outlet_colours(f"o{i:02d}" for i in range(9))
    assert set(many.values()) <= set(style.OKABE_ITO.values()) - {"#000000"}
    assert many["o07"] == many["o00"]  # seven colours, then the cycle repeats


def test_text_colour_contrasts_with_the_cell() -> None:
    assert style.text_colour_on((0.1, 0.0, 0.3, 1.0)) == "white"
    assert style.text_colour_on((0.97, 0.97, 0.96, 1.0)) == "black"
    assert style.text_colour_on((0.995, 0.909, 0.218, 1.0)) == "black"  # cividis top


def test_format_number() -> None:
    assert style.format_number(0.0, signed=True) == "0.00"
    assert style.format_number(-0.0001, signed=True) == "0.00"
    assert style.format_number(-0.3, signed=True) == "−0.30"
    assert style.format_number(0.25, signed=True) == "+0.25"
    assert style.format_number(12.345) == "12.3"
    assert style.format_number(123.4) == "123"
    assert style.format_number(None) == style.format_number(math.nan) == "–"


@pytest.mark.parametrize(
    "name",
    ["BBC", "The Washington Post", "The Sydney Morning Herald and The Age Weekend Edition",
     "Radio Free Europe/Radio Liberty", "Supercalifragilisticexpialidocious News"],
)
def test_wrap_label_keeps_the_whole_name(name: str) -> None:
    wrapped = style.wrap_label(name)
    assert len(wrapped.split("\n")) <= 2
    assert wrapped.replace("\n", " ") == name


def test_hover_names_the_article_under_the_pointer(corpus: list[ArticleAnalysis]) -> None:
    chart = build_chart("measure_by_outlet", corpus, measure="attributions_per_100w")
    assert isinstance(chart, MeasureByOutletChart)
    fig = chart.figure(__version__)
    fig.canvas.draw()
    ax = fig.axes[0]
    x, y = ax.collections[0].get_offsets()[0]
    text = chart.hover_text(ax, float(x), float(y))
    assert text is not None and text.startswith("a002 · Al Jazeera English")
    elsewhere = Figure().add_subplot()
    assert chart.hover_text(elsewhere, float(x), float(y)) is None  # e.g. a colorbar
    assert chart.hover_text(ax, float(x), 1e6) is None or "average" in str(
        chart.hover_text(ax, float(x), 1e6)
    )


@pytest.mark.parametrize("key", ["tone_strips", "similarity"])
def test_articles_are_named_by_outlet_and_headline_not_by_file_name(
    seeds: list[ArticleAnalysis], key: str
) -> None:
    # The seeds' files are named by hashes ("001_66f19ea345cf053d"): a person knows an
    # article by its headline; the file name stands in only where there is none.
    fig = build_chart(key, seeds).figure(__version__)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert "The Daily Beast · Putin’s Reportedly Had to Ban His Top…" in labels
    assert "PatriotWise · Kremlin Tells Top Officials They Cannot…" in labels
    assert "HLN · 000_95fc75c790c18aeb" in labels  # no headline found in its file
    assert not any("001_66f19ea345cf053d" in label for label in labels)


@pytest.mark.parametrize("outlets", [3, 12])  # bars up, then bars across (past 8 outlets)
def test_a_count_that_is_zero_everywhere_has_no_negative_axis(outlets: int) -> None:
    """The seeds have no described source: the chart showed an axis from −0.04 to 0.04
    mentions (matplotlib's widening of an all-zero axis). A count runs from 0."""
    corpus = make_corpus([f"Outlet {k}" for k in range(outlets)], 2 * outlets)
    assert all(a.scores.sources_described == 0 for a in corpus)
    chart = MeasureByOutletChart(corpus, "sources_described")
    fig = Figure(figsize=(10, 6), layout="constrained")
    chart.plot(fig)
    ax = fig.axes[0]
    low, high = ax.get_xlim() if chart.horizontal else ax.get_ylim()
    assert (low, high) == (0.0, 1.0)
    # A measure with values keeps matplotlib's own limits.
    words = MeasureByOutletChart(corpus, "words")
    other = Figure(figsize=(10, 6), layout="constrained")
    words.plot(other)
    assert max(other.axes[0].get_xlim() if words.horizontal else other.axes[0].get_ylim()) > 1
