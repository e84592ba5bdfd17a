"""Clicking a chart lists the sentences behind it: real MouseEvents on real artists, no Qt."""

from __future__ import annotations

from pathlib import Path

import pytest
from matplotlib.backend_bases import MouseEvent
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from desktop.charts import SentenceRef, build_chart, render
from desktop.charts.style import ChartBase
from models import __version__
from models.evidence import measure_sentences, sentence_text
from models.features import ArticleAnalysis
from models.measures import MEASURES
from models.pipeline import analyze_paths

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def seeds() -> list[ArticleAnalysis]:
    return analyze_paths([SEEDS]).analyses


def drawn(chart: ChartBase) -> Figure:
    figure = Figure(figsize=chart.size_hint(), layout="constrained")
    FigureCanvasAgg(figure)
    render(chart, __version__, figure)  # type: ignore[arg-type]
    figure.canvas.draw()
    return figure


def click(figure: Figure, ax: object, x: float, y: float) -> MouseEvent:
    """A left-button press at data point (x, y) of ``ax``, through its transData."""
    px, py = ax.transData.transform((x, y))  # type: ignore[attr-defined]
    return MouseEvent("button_press_event", figure.canvas, px, py, button=1)


def by_id(seeds: list[ArticleAnalysis], prefix: str) -> ArticleAnalysis:
    return next(a for a in seeds if a.article_id.startswith(prefix))


def test_every_measure_names_the_sentences_it_counted(seeds: list[ArticleAnalysis]) -> None:
    hln = by_id(seeds, "000")
    anonymous = measure_sentences(hln, "sources_anonymous")
    expected = sorted({s.sentence_index for s in hln.spans
                       if s.category == "source" and s.subcategory == "anonymous"
                       and not s.in_headline})
    assert [r.sentence_index for r in anonymous] == expected
    texts = [sentence_text(hln, r.sentence_index) for r in anonymous]
    assert any("a senior government official told The Moscow Times" in t for t in texts)
    for ref in anonymous:  # each highlight is a cue inside its sentence
        sentence = next(s for s in hln.article.sentences if s.index == ref.sentence_index)
        assert ref.highlights
        assert all(sentence.start <= a < b <= sentence.end for a, b in ref.highlights)
    # The MoD-based report's epistemic hedges: 'probably banning' is among them.
    mod = by_id(seeds, "004")
    hedged = [sentence_text(mod, r.sentence_index) for r in
              measure_sentences(mod, "hedges_epistemic_per_100w")]
    assert any("probably banning" in t for t in hedged)
    assert not any("Reuters was unable to verify" in t for t in hedged)
    for m in MEASURES:  # every measure answers, and refs point at real sentences
        for ref in measure_sentences(mod, m.key):
            assert sentence_text(mod, ref.sentence_index)
    with pytest.raises(KeyError):
        measure_sentences(mod, "no_such_measure")


def test_clicking_a_bar_lists_its_outlets_sentences(seeds: list[ArticleAnalysis]) -> None:
    chart = build_chart("measure_by_outlet", seeds, measure="sources_anonymous")
    figure = drawn(chart)  # type: ignore[arg-type]
    ax = figure.axes[0]
    index = [b.outlet for b in chart.bars].index("HLN")  # type: ignore[attr-defined]
    bar = chart.bars[index]  # type: ignore[attr-defined]
    # Low in the bar, away from the article's dot at its top.
    refs = chart.sentences_at(click(figure, ax, index + 0.2, bar.mean * 0.25))
    hln = by_id(seeds, "000")
    assert refs == measure_sentences(hln, "sources_anonymous")
    assert refs and all(r.article_id == hln.article_id for r in refs)
    # Above every bar, between outlets: nothing.
    top = max(b.mean for b in chart.bars)  # type: ignore[attr-defined]
    assert chart.sentences_at(click(figure, ax, index + 0.5, top * 1.02)) == []
    # Anywhere on the bar's rectangle lists the same.
    assert chart.sentences_at(click(figure, ax, index, bar.mean * 0.25)) == refs


def test_clicking_an_article_dot_lists_that_articles_sentences(
    seeds: list[ArticleAnalysis],
) -> None:
    chart = build_chart("measure_by_outlet", seeds, measure="attributions_per_100w")
    figure = drawn(chart)  # type: ignore[arg-type]
    ax = figure.axes[0]
    offsets = ax.collections[0].get_offsets()
    x, y = offsets[3]
    point = next(p for p in chart._points if p[0] == x and p[1] == y)  # type: ignore[attr-defined]
    refs = chart.sentences_at(click(figure, ax, x, y))
    analysis = next(a for a in seeds if a.article_id == point[2])
    assert refs == measure_sentences(analysis, "attributions_per_100w")


def test_clicking_a_heatmap_cell_lists_that_outlet_and_measure(
    seeds: list[ArticleAnalysis],
) -> None:
    chart = build_chart("outlet_heatmap", seeds)
    figure = drawn(chart)  # type: ignore[arg-type]
    ax = figure.axes[0]
    outlet = chart.outlets.index("PatriotWise")  # type: ignore[attr-defined]
    keys = [m.key for m in chart.measures]  # type: ignore[attr-defined]
    k = keys.index("hedges_evidential_per_100w")
    col, row = (outlet, k) if not chart.outlets_as_rows else (k, outlet)  # type: ignore[attr-defined]
    refs = chart.sentences_at(click(figure, ax, col, row))
    patriot = by_id(seeds, "003")
    assert refs == measure_sentences(patriot, "hedges_evidential_per_100w")
    assert any("reportedly" in sentence_text(patriot, r.sentence_index) for r in refs)
    # The colorbar is not the chart's axes: nothing behind it.
    colorbar = figure.axes[1]
    assert chart.sentences_at(click(figure, colorbar, 0.5, 0.0)) == []


def test_clicking_a_tone_cell_lists_its_sentence(seeds: list[ArticleAnalysis]) -> None:
    chart = build_chart("tone_strips", seeds)
    figure = drawn(chart)  # type: ignore[arg-type]
    ax = figure.axes[0]
    row = [a.article_id for a in chart.articles].index(by_id(seeds, "002").article_id)  # type: ignore[attr-defined]
    refs = chart.sentences_at(click(figure, ax, 3, row))  # the third body sentence
    body = by_id(seeds, "002").article.body_sentences
    assert refs == [SentenceRef(by_id(seeds, "002").article_id, body[2].index)]
    # Past the end of the shortest strip: nothing.
    shortest = min(range(len(chart.tones)), key=lambda i: len(chart.tones[i]))  # type: ignore[attr-defined]
    past = len(chart.tones[shortest]) + 1  # type: ignore[attr-defined]
    assert chart.sentences_at(click(figure, ax, past, shortest)) == []


def test_clicking_a_similarity_cell_lists_the_most_alike_sentences(
    seeds: list[ArticleAnalysis],
) -> None:
    chart = build_chart("similarity", seeds)
    figure = drawn(chart)  # type: ignore[arg-type]
    ax = figure.axes[0]
    ids = [a.article_id for a in chart.articles]  # type: ignore[attr-defined]
    hln, mod = by_id(seeds, "000"), by_id(seeds, "004")
    refs = chart.sentences_at(click(figure, ax, ids.index(mod.article_id),
                                    ids.index(hln.article_id)))
    assert {r.article_id for r in refs} == {hln.article_id, mod.article_id}
    first_pair = [sentence_text(hln if r.article_id == hln.article_id else mod, r.sentence_index)
                  for r in refs[:2]]
    # The shared quote about special permission is the closest pair.
    assert all("special permission" in t for t in first_pair), first_pair
    # The diagonal lists the article itself.
    own = chart.sentences_at(click(figure, ax, ids.index(hln.article_id),
                                   ids.index(hln.article_id)))
    assert [r.sentence_index for r in own] == [s.index for s in hln.article.body_sentences]


def test_claims_matrix_cell_lists_the_outlets_sentences_of_the_claim(
    seeds: list[ArticleAnalysis],
) -> None:
    from desktop.charts.claims_matrix import ClaimsMatrixChart

    chart = build_chart("claims_matrix", seeds)
    assert isinstance(chart, ClaimsMatrixChart)
    figure = drawn(chart)
    ax = figure.axes[0]
    col = chart.outlets.index("MoD-based report")
    refs = chart.sentences_at(click(figure, ax, col + 0.3, 0.2))  # the central claim's cell
    mod = by_id(seeds, "004")
    assert refs and all(r.article_id == mod.article_id for r in refs)
    texts = [sentence_text(mod, r.sentence_index) for r in refs]
    assert any("probably banning" in t for t in texts)
    first = chart.mentions_at(0, col)
    rep = next(m for m in first if m.representative)
    assert (refs[0].sentence_index, refs[0].highlights) == (rep.sentence_index, rep.highlights)
    start, end = refs[0].highlights[0]
    assert mod.article.text[start:end].lower() == rep.cue.lower()
    # An omitted (hatched) cell and the margin list nothing.
    r, c = next((r, c) for r in range(len(chart.claims)) for c in range(chart.n_outlets)
                if not chart.mentions_at(r, c))
    assert chart.sentences_at(click(figure, ax, c, r)) == []
    assert chart.sentences_at(click(figure, ax, -3, -3)) == []


def test_certainty_drift_dot_lists_its_sentence(seeds: list[ArticleAnalysis]) -> None:
    from desktop.charts.certainty_drift import CertaintyDriftChart

    chart = build_chart("certainty_drift", seeds)
    assert isinstance(chart, CertaintyDriftChart)
    figure = drawn(chart)
    ax = figure.axes[0]
    denied = next(p for p in chart.points if p[2].certainty == "denied")
    refs = chart.sentences_at(click(figure, ax, denied[0], denied[1]))
    assert len(refs) == 1 and refs[0].article_id == denied[2].article_id
    analysis = next(a for a in seeds if a.article_id == denied[2].article_id)
    assert "Peskov" in sentence_text(analysis, refs[0].sentence_index)
    start, end = refs[0].highlights[0]
    assert "rumour" in analysis.article.text[start:end]
    # Between columns there is no dot.
    assert chart.sentences_at(click(figure, ax, denied[0] + 0.5, 2.0)) == []


def test_clicking_a_sources_cell_lists_where_the_outlet_cites_the_source(
    seeds: list[ArticleAnalysis],
) -> None:
    chart = build_chart("sources", seeds)
    figure = drawn(chart)  # type: ignore[arg-type]
    ax = figure.axes[0]
    row = [s.name for s in chart.sources].index("iStories")  # type: ignore[attr-defined]
    col = chart.outlets.index("Spanish-language outlet")  # type: ignore[attr-defined]
    refs = chart.sentences_at(click(figure, ax, col, row))
    spanish = by_id(seeds, "002")
    texts = [sentence_text(spanish, r.sentence_index) for r in refs]
    assert len(refs) == chart.counts[row, col] >= 4  # type: ignore[attr-defined]
    assert any("details Important Stories" in t for t in texts)
    assert any(t.startswith("In addition, the media adds") for t in texts)
    for ref in refs:  # the mention is what is highlighted
        (start, end), = ref.highlights
        assert spanish.article.text[start:end].lower().endswith(("stories", "media", "outlet"))
    # The anonymous row gathers every anonymous source of the outlet.
    last = len(chart.labels) - 1  # type: ignore[attr-defined]
    anonymous = chart.sentences_at(click(figure, ax, col, last))
    assert any("A Kremlin source assured" in sentence_text(spanish, r.sentence_index)
               for r in anonymous)


def test_clicking_an_emphasis_cell_lists_the_outlets_sentences_in_it(
    seeds: list[ArticleAnalysis],
) -> None:
    chart = build_chart("emphasis_topics", seeds)
    figure = drawn(chart)  # type: ignore[arg-type]
    ax = figure.axes[0]
    col = chart.outlets.index("PatriotWise")  # type: ignore[attr-defined]
    off_row = len(chart.labels) - 1  # type: ignore[attr-defined]
    refs = chart.sentences_at(click(figure, ax, col, off_row))
    patriot = by_id(seeds, "003")
    texts = [sentence_text(patriot, r.sentence_index) for r in refs]
    assert any("Alexander Lapin" in t for t in texts)
    assert any("fired 18 missiles" in t for t in texts)
    assert len(refs) == round(chart.shares[off_row, col] * len(patriot.article.body_sentences))  # type: ignore[attr-defined]
    topic = chart.emphasis.topics[0]  # type: ignore[attr-defined]
    in_topic = chart.sentences_at(click(figure, ax, col, 0))
    expected = [s.sentence_index for s in chart.emphasis.sentences  # type: ignore[attr-defined]
                if s.outlet == "PatriotWise" and s.topic_id == topic.topic_id]
    assert [r.sentence_index for r in in_topic] == expected


def test_clicking_a_distinctive_word_lists_its_uses(seeds: list[ArticleAnalysis]) -> None:
    chart = build_chart("distinctive_words", seeds)
    figure = drawn(chart)  # type: ignore[arg-type]
    # Each outlet has its panel: PatriotWise's holds its words, top to bottom.
    ax, slots = next((ax, slots) for ax, slots in chart._slots.items()  # type: ignore[attr-defined]
                     if ("PatriotWise", "reportedly") in slots)
    slot = slots.index(("PatriotWise", "reportedly"))
    patch = next(p for s, p in chart._bars if s == ("PatriotWise", "reportedly"))  # type: ignore[attr-defined]
    refs = chart.sentences_at(click(figure, ax, patch.get_width() / 2, slot))
    patriot = by_id(seeds, "003")
    assert refs and all(r.article_id == patriot.article_id for r in refs)
    uses = sum(len(r.highlights) for r in refs)
    assert uses == patriot.article.text.lower().count("reportedly")
    for ref in refs:
        for start, end in ref.highlights:
            assert patriot.article.text[start:end].lower() == "reportedly"
    # Between two bars is no bar.
    assert chart.sentences_at(click(figure, ax, 0.5, slot + 0.5)) == []


def test_clicking_a_reuse_cell_lists_both_sides_of_each_passage(
    seeds: list[ArticleAnalysis],
) -> None:
    chart = build_chart("reuse", seeds)
    figure = drawn(chart)  # type: ignore[arg-type]
    ax = figure.axes[0]
    i = chart.outlets.index("HLN")  # type: ignore[attr-defined]
    j = chart.outlets.index("MoD-based report")  # type: ignore[attr-defined]
    refs = chart.sentences_at(click(figure, ax, j, i))
    hln, mod = by_id(seeds, "000"), by_id(seeds, "004")
    passages = chart.passages_between("HLN", "MoD-based report")  # type: ignore[attr-defined]
    assert len(passages) == chart.counts[i, j] >= 2  # type: ignore[attr-defined]
    assert {r.article_id for r in refs} == {hln.article_id, mod.article_id}
    marked = {(r.article_id, a, b) for r in refs for a, b in r.highlights}
    for p in passages:
        assert (p.article_a, p.start_a, p.end_a) in marked
        assert (p.article_b, p.start_b, p.end_b) in marked
    # HLN and PatriotWise share nothing: an empty cell lists nothing.
    k = chart.outlets.index("PatriotWise")  # type: ignore[attr-defined]
    assert chart.words[i, k] == 0  # type: ignore[attr-defined]
    assert chart.sentences_at(click(figure, ax, k, i)) == []
