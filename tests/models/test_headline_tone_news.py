"""The headline's tone by the news model (headline_tone_news), beside VADER's.

ux22: VADER called "Kremlin Tells Top Officials They Cannot Resign" +0.43 ('top' is
positive, 'cannot' flips 'resign'), and the app showed that alone. Article tone already
used tone_news with VADER alongside; the headline now does too.
"""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

import pytest

from models.export import SCORES_COLUMNS, outlets_columns, write_outlets_csv, write_scores_csv
from models.features import ArticleAnalysis, analyze_article, article_from_text
from models.measures import measure, profile_measures
from models.readers import read_file
from models.tone import sentence_tone
from models.tone_news import tone_news

HEADLINE = "Kremlin Tells Top Officials They Cannot Resign"
BODY = (
    "Russian officials have been told they may not leave their posts, according to a "
    "report by the independent outlet iStories. The ban is said to be informal."
)

# scores.csv's columns before this one, in their order: the contract keeps them.
BEFORE = (
    "article_id", "file", "outlet", "headline", "date", "words", "sentences",
    "hedges_epistemic_per_100w", "hedges_evidential_per_100w", "boosters_per_100w",
    "attributions_per_100w", "sources_named", "sources_anonymous", "loaded_per_100w",
    "tone_mean", "tone_negative_share", "headline_tone", "headline_hedged",
    "headline_body_gap",
    "estimative_probability_mean", "attributions_factive_share",
    "attributions_loaded_share", "outlet_origin", "language", "url",
    "hedges_weasel_per_100w", "hedges_vague_per_100w",
    "tone_news_mean", "headline_sensational", "sources_described",
    "hedges_epistemic_own_per_100w", "hedges_epistemic_quoted_per_100w",
    "hedges_evidential_own_per_100w", "hedges_evidential_quoted_per_100w",
    "boosters_own_per_100w", "boosters_quoted_per_100w", "sources_named_people",
)


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _with_headline(tmp_path: Path) -> ArticleAnalysis:
    path = tmp_path / "pw.txt"
    path.write_text(f"{HEADLINE}\n\n{BODY}\n", encoding="utf-8")
    analysis = analyze_article(replace(read_file(path), outlet="PatriotWise"))
    head = analysis.article.headline_sentence
    assert head is not None and head.text == HEADLINE
    return analysis


def test_the_headline_is_scored_by_the_news_model_as_a_body_sentence_is(
    tmp_path: Path,
) -> None:
    scores = _with_headline(tmp_path).scores
    assert scores.headline_tone == sentence_tone(HEADLINE) > 0.4  # VADER: positive
    assert scores.headline_tone_news == tone_news(HEADLINE)
    assert scores.headline_tone_news < -0.05  # the news model: negative


def test_no_headline_no_tone_by_either() -> None:
    scores = analyze_article(article_from_text(BODY, "none")).scores
    assert scores.headline_tone is None and scores.headline_tone_news is None


def test_a_headline_given_apart_from_the_text_is_scored_too() -> None:
    # A manifest's headline that is not in the file: both tones read the given string.
    article = replace(article_from_text(BODY, "given"), headline=HEADLINE)
    assert article.headline_sentence is None
    scores = analyze_article(article).scores
    assert scores.headline_tone == sentence_tone(HEADLINE)
    assert scores.headline_tone_news == tone_news(HEADLINE)


def test_scores_and_outlets_csv_gain_the_column_after_every_older_one(tmp_path: Path) -> None:
    assert SCORES_COLUMNS == (*BEFORE, "headline_tone_news")
    columns = outlets_columns()
    at = columns.index("headline_tone_news")
    assert columns[at - 1] == "sources_named_people_n"
    assert columns[at:] == ("headline_tone_news", "headline_tone_news_ci_low",
                            "headline_tone_news_ci_high", "headline_tone_news_n")
    headless = replace(article_from_text(BODY, "none"), outlet="PatriotWise")
    analyses = [_with_headline(tmp_path), analyze_article(headless)]
    write_scores_csv(tmp_path / "scores.csv", analyses)
    write_outlets_csv(tmp_path / "outlets.csv", analyses)
    with_headline, without = _rows(tmp_path / "scores.csv")
    assert float(with_headline["headline_tone_news"]) == pytest.approx(
        analyses[0].scores.headline_tone_news, abs=1e-6)  # six decimals in the CSV
    assert without["headline_tone_news"] == ""  # empty, not 0
    (outlet,) = _rows(tmp_path / "outlets.csv")
    assert float(outlet["headline_tone_news"]) == pytest.approx(
        analyses[0].scores.headline_tone_news, abs=1e-6)
    assert outlet["headline_tone_news_n"] == "1"  # the article without a headline is left out


def test_the_profile_shows_the_news_model_once_and_says_what_each_label_is() -> None:
    keys = [m.key for m in profile_measures()]
    assert "headline_tone_news" in keys and "headline_tone" not in keys
    assert measure("headline_tone").label == "Headline tone (VADER)"
    assert "not validated on headlines" in measure("headline_tone_news").definition
