"""The codebook of a chart's data CSV: one row per column, as ``codebook.csv`` gives the
analysis files' (:mod:`models.codebook`), so the numbers behind an exported chart say
what they are.

Columns that mean what a column of an analysis file means (a claim's ``certainty``, a
source's ``source_type``, a topic's ``share``) take that file's description; the others
are described here, by chart. Building a codebook fails (:class:`CodebookError`) on a
column without a description, or on a description of no column: a column added to a
chart's ``rows()`` must be described.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from desktop.charts import at_scale
from desktop.charts.style import Chart
from models.codebook import (
    AS_WRITTEN,
    NOT_SHOWN,
    CodebookError,
    Column,
    article_column,
    described,
)
from models.measures import measure

#: The columns of a codebook file (codebook.csv's own).
CODEBOOK_COLUMNS: tuple[str, ...] = ("file", "column", "label", "unit", "app_shows",
                                     "definition", "citation")


def _from(file: str, *names: str) -> dict[str, Column]:
    columns = described(file)
    return {name: columns[name] for name in names}


def _outlet(what: str = "The outlet the row is about.") -> Column:
    return Column("Outlet", "text", what)


def _pair(side: str) -> dict[str, Column]:
    return {f"outlet_{side}": _outlet(f"The outlet of the pair's {'row' if side == 'a' else 'column'} "
                                      "(every ordered pair; the diagonal pairs an outlet "
                                      "with itself).")}


def _measure_by_outlet() -> dict[str, Column]:
    mean = ("The mean of the measure over the outlet's articles that have a value (an "
            "article without one, such as a headline measure without a headline, is left "
            "out); the bar's height.")
    return {
        "outlet": _outlet("The article's outlet."),
        # Not claims.csv's article_id, "the article stating the claim" (ux29).
        "article_id": article_column("whose value the row gives"),
        "measure": Column("Measure", "text", "The measure's column in scores.csv; its "
                          "definition and citation are in that file's codebook and in Help "
                          "▸ Methods."),
        "unit": Column("Unit", "text", "The measure's unit (per 100 words, share 0–1, "
                       "−1 to 1 …), the same in every row."),
        "value": Column("Value", "the measure's unit", "The article's value of the "
                        "measure, as scores.csv gives it; empty where it has none. A dot "
                        "on the chart."),
        "outlet_mean": Column("Outlet mean", "the measure's unit", mean),
        "outlet_ci95_low": Column("Outlet mean, 95% interval, low", "the measure's unit",
                                  "The low end of the Student-t 95% interval of the "
                                  "outlet's mean (two or more articles with a value; empty "
                                  "otherwise), cut at the lowest value the measure can take "
                                  "(0 for rates and shares); the whisker's foot."),
        "outlet_ci95_high": Column("Outlet mean, 95% interval, high", "the measure's unit",
                                   "The high end of that interval, cut at the highest value "
                                   "the measure can take; the whisker's head."),
        "outlet_articles_with_value": Column("Articles with a value", "count",
                                             "How many of the outlet's articles have a "
                                             "value of the measure (the mean's n)."),
        "value_own_voice": Column("Value, own words", "the measure's unit",
                                  "The part of the article's value in the outlet's own "
                                  "words (not inside a quotation or reported speech): the "
                                  "bar's solid part, for measures split by voice."),
        "value_quoted": Column("Value, quoted or reported", "the measure's unit",
                               "The part of the article's value inside a quotation or "
                               "reported speech: the bar's hatched part."),
        "outlet_mean_own_voice": Column("Outlet mean, own words", "the measure's unit",
                                        "The outlet's mean of value_own_voice."),
        "outlet_mean_quoted": Column("Outlet mean, quoted or reported", "the measure's unit",
                                     "The outlet's mean of value_quoted."),
    }


def _outlet_heatmap() -> dict[str, Column]:
    return {
        "outlet": _outlet(),
        "measure": Column("Measure", "text", "The measure's column in scores.csv."),
        "label": Column("Label", "text", "The measure's name in the app (the row's or "
                        "column's label)."),
        "unit": Column("Unit", "text", "The measure's unit (per 100 words, share 0–1, "
                       "−1 to 1 …)."),
        "outlet_mean": Column("Outlet mean", "the measure's unit", "The mean of the measure "
                              "over the outlet's articles with a value: the number in the "
                              "cell."),
        "z_score": Column("z-score", "standard deviations", "How far the outlet's mean lies "
                          "from the mean over outlets, in standard deviations over "
                          "outlets."),
        "articles_with_value": Column("Articles with a value", "count",
                                      "How many of the outlet's articles have a value."),
        "colour_score": Column("Colour score", "standard deviations", "The score the cell's "
                               "colour shows: the z-score, except where the outlets differ "
                               "by less than a set share of the measure's scale, where the "
                               "spread is taken as that share and the score stays near 0 "
                               "(models.compare.colour_scores).", "", NOT_SHOWN),
    }


def _tone(vader: bool) -> str:
    return measure("tone_mean" if vader else "tone_news_mean").citation


def _tone_strips() -> dict[str, Column]:
    return {
        "outlet": _outlet("The article's outlet."),
        "article_id": article_column("the sentence is in"),
        "sentence_number": Column("Sentence", "number from 1", "The body sentence's place "
                                  "in the article, counted from 1: the strip's cell."),
        "vader_compound": Column("Tone (VADER)", "−1 to 1", "VADER's compound score of the "
                                 "sentence (the tooltip's).", _tone(True)),
        "article_tone_mean": Column("Article tone (VADER)", "−1 to 1", "The mean of "
                                    "vader_compound over the article's body sentences.",
                                    _tone(True)),
        "tone_news": Column("Tone (news)", "−1 to 1", "The sentence's tone from the news "
                            "model (VADER corrected by NYT ratings): the cell's colour.",
                            _tone(False)),
        "article_tone_news_mean": Column("Article tone (news)", "−1 to 1", "The mean of "
                                         "tone_news over the article's body sentences.",
                                         _tone(False)),
    }


def _outlet_tone() -> dict[str, Column]:
    band = ("of the tone band, bands of 0.1 from −1 to 1 (a sentence at a band's edge goes "
            "in the higher band; 1 in the last)")
    return {
        "outlet": _outlet(),
        "tone_low": Column("Band, low", "−1 to 1", f"The low end {band}."),
        "tone_high": Column("Band, high", "−1 to 1", f"The high end {band}."),
        "sentences": Column("Sentences (VADER)", "count", "The outlet's body sentences "
                            "whose VADER compound score is in the band.", _tone(True)),
        "share": Column("Share (VADER)", "share 0–1", "sentences over all the outlet's body "
                        "sentences.", _tone(True)),
        "outlet_mean_tone": Column("Outlet tone (VADER)", "−1 to 1", "The mean VADER "
                                   "compound score of the outlet's body sentences.",
                                   _tone(True)),
        "tone_news_sentences": Column("Sentences (news)", "count", "The outlet's body "
                                      "sentences whose tone from the news model is in the "
                                      "band.", _tone(False)),
        "tone_news_share": Column("Share (news)", "share 0–1", "tone_news_sentences over "
                                  "all the outlet's body sentences: the cell's colour.",
                                  _tone(False)),
        "outlet_mean_tone_news": Column("Outlet tone (news)", "−1 to 1", "The mean tone "
                                        "from the news model of the outlet's body "
                                        "sentences: the ◆.", _tone(False)),
    }


_COSINE = ("Cosine similarity of the two articles' TF-IDF vectors of the body text (0 = "
           "no word in common, 1 = the same words in the same proportions).")


def _similarity() -> dict[str, Column]:
    row, column = article_column("of the cell's row"), article_column("of the cell's column")
    return {
        "article_id_a": Column("Article (row)", row.unit, row.definition),
        **_pair("a"),
        "article_id_b": Column("Article (column)", column.unit, column.definition),
        **_pair("b"),
        "cosine_similarity": Column("Similarity", "cosine 0–1", _COSINE + " The cell."),
    }


def _outlet_similarity() -> dict[str, Column]:
    return {
        **_pair("a"), **_pair("b"),
        "article_pairs": Column("Article pairs", "count", "The pairs of articles the mean "
                                f"is over: up to {at_scale.SIMILARITY_SAMPLE} articles per "
                                "outlet, evenly spread; within one outlet, pairs of two "
                                "different articles."),
        "mean_cosine_similarity": Column("Mean similarity", "cosine 0–1", "The mean over "
                                         "those pairs of: " + _COSINE),
    }


def _certainty_drift() -> dict[str, Column]:
    claims = described("claims.csv")
    return {
        **{k: claims[k] for k in ("claim_id", "claim_label", "outlet", "article_id",
                                  "certainty", "probability_low", "probability_high",
                                  "attributed_to", "sentence")},
        "certainty_rank": Column("Certainty rank", "1–5", "certainty as a number: 1 "
                                 "asserted, 2 epistemic, 3 evidential, 4 attributed, 5 "
                                 "denied (top to bottom on the chart).", "", NOT_SHOWN),
        "sentence_index": Column("Sentence", "index from 0", "The sentence's index among "
                                 "the article's sentences (−1 for the headline), as in "
                                 "claims.csv.", "", "counted from 1"),
        "quoted_hedge": Column("Quoted hedge", "text", "A hedge inside a quotation or "
                               "reported speech in the sentence, which did not decide the "
                               "certainty (the claim stays attributed to the speaker); "
                               "empty where there is none."),
    }


def _claims_matrix() -> dict[str, Column]:
    claims = described("claims.csv")
    return {
        **{k: claims[k] for k in ("claim_id", "claim_label", "probability_low",
                                  "probability_high", "attributed_to")},
        "outlet": _outlet("The outlet of the cell (every outlet, for every claim)."),
        "carried": Column("Carried", "True or False", "Whether an article of the outlet "
                          "states the claim (False: a hatched cell, an omission)."),
        "certainty": Column("Certainty", claims["certainty"].unit, "The certainty the "
                            "outlet gives the claim: the least certain among its articles "
                            "that carry it; empty where it omits it. " +
                            claims["certainty"].definition, claims["certainty"].citation),
        "articles": Column("Articles", "count", "The outlet's articles that state the "
                           "claim."),
        "sentence": Column("Sentence", "text", "The sentence that states the claim in the "
                           "outlet's first article that carries it; empty for an "
                           "omission."),
    }


def _emphasis_topics() -> dict[str, Column]:
    topics = described("topics.csv")
    return {
        "topic_id": Column(topics["topic_id"].label, topics["topic_id"].unit,
                           topics["topic_id"].definition + " 'off_story' for the row of "
                           "off-story sentences.", topics["topic_id"].citation),
        "topic": Column("Topic", "text", "The row's label: the topic's number and label, "
                        "or the off-story row's."),
        "top_words": topics["top_words"],
        "outlet": _outlet(),
        "share": Column("Share", "share 0–1", "The share of the outlet's body sentences in "
                        "the topic (or off-story): the cell.", topics["share"].citation),
    }


def _sources_chart() -> dict[str, Column]:
    sources = described("sources.csv")
    return {
        "source": Column("Source", "text", "The source's name, or the row of all unnamed "
                         "or all anonymous sources."),
        "source_id": Column("Source id", "id", sources["source_id"].definition + " "
                            "'unnamed' or 'anonymous' for the rows of groups."),
        "source_type": Column("Source type", sources["source_type"].unit,
                              sources["source_type"].definition + " 'unnamed' or "
                              "'anonymous' for the rows of groups.",
                              sources["source_type"].citation),
        "outlet": _outlet(),
        "mentions": Column("Mentions", "count", "How often the outlet's articles cite the "
                           "source: the cell.", sources["mentions"].citation),
    }


def _reuse_chart() -> dict[str, Column]:
    reuse = described("reuse.csv")
    return {
        **_pair("a"), **_pair("b"),
        "shared_words": Column("Shared words", "count", "The words of every passage found "
                               "in both outlets' articles (verbatim or nearly so), summed "
                               "over the passages: the cell. On the diagonal, passages "
                               "shared by two articles of one outlet.",
                               reuse["shared_words"].citation),
        "passages": Column("Passages", "count", "How many such passages."),
    }


#: Each chart's descriptions, by the chart's class name (the same kind can be drawn by
#: two classes: past at_scale.ARTICLE_LIMIT articles, per outlet).
_CHARTS: dict[str, Callable[[], dict[str, Column]]] = {
    "MeasureByOutletChart": _measure_by_outlet,
    "OutletHeatmapChart": _outlet_heatmap,
    "ToneStripsChart": _tone_strips,
    "OutletToneChart": _outlet_tone,
    "SimilarityChart": _similarity,
    "OutletSimilarityChart": _outlet_similarity,
    "CertaintyDriftChart": _certainty_drift,
    "ClaimsMatrixChart": _claims_matrix,
    "EmphasisTopicsChart": _emphasis_topics,
    "DistinctiveWordsChart": lambda: described("distinctive_words.csv"),
    "SourcesChart": _sources_chart,
    "ReuseChart": _reuse_chart,
}


def chart_codebook_rows(chart: Chart, file: str,
                        columns: Sequence[str] | None = None) -> list[dict[str, str]]:
    """One codebook row per column of ``chart``'s data (``columns``, default its
    ``rows()``'s), the data file named ``file``. Raises :class:`CodebookError` naming
    the columns without a description and the descriptions of no column."""
    name = type(chart).__name__
    if name not in _CHARTS:
        raise CodebookError(f"{name}: no codebook for this chart's data")
    if columns is None:
        columns, _ = chart.rows()
    descriptions = _CHARTS[name]()
    missing = [c for c in columns if c not in descriptions]
    stale = [c for c in descriptions if c not in columns]
    # A chart's optional columns (the voice split) may be absent; none may be undescribed.
    optional = {"value_own_voice", "value_quoted", "outlet_mean_own_voice",
                "outlet_mean_quoted"}
    if missing or [c for c in stale if c not in optional]:
        raise CodebookError(f"{file} ({name}): no codebook row for {missing}; rows for no "
                            f"column: {stale}; columns {list(columns)}")
    return [descriptions[c].row(file, c) for c in columns]


__all__ = ["AS_WRITTEN", "CODEBOOK_COLUMNS", "CodebookError", "chart_codebook_rows",
           "write_chart_codebook"]


def write_chart_codebook(chart: Chart, data: str, path: Path) -> None:
    """Write the codebook of ``chart``'s data (the CSV named ``data``) to ``path``."""
    from models.export import write_csv

    write_csv(Path(path), list(CODEBOOK_COLUMNS), chart_codebook_rows(chart, data))
