"""tone_news and sensational wired through: scores, scores.csv, `framescope sentences`."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from desktop.cli import SENTENCE_COLUMNS, run_command
from models.article import HEADLINE_INDEX, Article, Block, Role, Sentence
from models.export import SCORES_COLUMNS, write_scores_csv
from models.features import analyze_article
from models.measures import measure
from models.sensational import sensational
from models.tone_news import tone_news

HEADLINE = "You Won't Believe What This Minister Said Next"
BODY = ["The flood destroyed the village and killed nine people.",
        "Neighbours brought food, blankets and kind words to the survivors."]


def _article(headline: str | None) -> Article:
    lines = ([headline] if headline else []) + BODY
    text = "\n".join(lines)
    blocks, sentences, pos = [], [], 0
    for i, line in enumerate(lines):
        is_headline = bool(headline) and i == 0
        blocks.append(Block(pos, pos + len(line), Role.HEADLINE if is_headline else Role.BODY))
        index = HEADLINE_INDEX if is_headline else len(sentences) - (1 if headline else 0)
        sentences.append(Sentence(index, pos, pos + len(line), line))
        pos += len(line) + 1
    return Article(article_id="x", text=text, blocks=tuple(blocks),
                   sentences=tuple(sentences), headline=headline or "")


def test_article_scores_carry_tone_news_and_headline_sensational() -> None:
    analysis = analyze_article(_article(HEADLINE))
    expected = [tone_news(s) for s in BODY]
    assert analysis.sentence_tones_news == pytest.approx(tuple(expected))
    assert analysis.scores.tone_news_mean == pytest.approx(sum(expected) / 2)
    assert expected[0] < 0 < expected[1]
    assert analysis.scores.headline_sensational == sensational(HEADLINE)
    assert analysis.scores.headline_sensational is not None
    assert analysis.scores.headline_sensational > 0.5
    # VADER's figures are still there, beside the model's.
    assert len(analysis.sentence_tones) == 2 and analysis.scores.tone_mean != 0.0


def test_no_headline_gives_an_empty_cell_not_zero(tmp_path: Path) -> None:
    with_head = analyze_article(_article(HEADLINE))
    without = analyze_article(_article(None))
    assert without.scores.headline_sensational is None
    out = tmp_path / "scores.csv"
    write_scores_csv(out, [with_head, without])
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == list(SCORES_COLUMNS)
    assert float(rows[0]["headline_sensational"]) == pytest.approx(
        with_head.scores.headline_sensational, abs=1e-5)
    assert rows[1]["headline_sensational"] == ""
    assert float(rows[1]["tone_news_mean"]) == pytest.approx(
        without.scores.tone_news_mean, abs=1e-5)


def test_scores_columns_are_added_after_the_contract() -> None:
    assert SCORES_COLUMNS.index("tone_news_mean") > SCORES_COLUMNS.index("url")
    assert SCORES_COLUMNS.index("headline_sensational") > SCORES_COLUMNS.index("tone_news_mean")
    assert measure("tone_news_mean").unit == "−1 to 1"
    assert "Hutto" in measure("tone_news_mean").citation
    assert "Chakraborty" in measure("headline_sensational").citation
    assert SENTENCE_COLUMNS.index("tone_news") > SENTENCE_COLUMNS.index("estimative_probability")


def test_sentences_command_writes_tone_news_and_sensational(tmp_path: Path) -> None:
    source = tmp_path / "in.txt"
    lines = ["17 Things Only Nineties Kids Will Remember", "", BODY[0],
             "Flood kills nine in mountain village"]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    assert run_command(["sentences", str(source), "--out", str(out)]) == 0
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == list(SENTENCE_COLUMNS)
    assert [r["text"] for r in rows] == lines
    assert float(rows[0]["sensational"]) == pytest.approx(sensational(lines[0]), abs=1e-5)
    assert float(rows[0]["sensational"]) > 0.5 > float(rows[3]["sensational"])
    # A blank line has no tone, an empty cell (180af65), as it has no clickbait style.
    assert rows[1]["sensational"] == rows[1]["tone_news"] == rows[1]["tone_vader"] == ""
    assert float(rows[2]["tone_news"]) == pytest.approx(tone_news(BODY[0]), abs=1e-5)
    assert float(rows[2]["tone_news"]) < 0
