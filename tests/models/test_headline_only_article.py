"""A file that holds only a headline has no body words: its rates are undefined, not 0.

ux21's walkthrough: such a file loaded with 0 words and every rate 0.0, and pulled its
outlet's means towards 0 (two articles from one outlet, 1.2 and 0.0 hedges per 100
words, showed a mean of 0.6). Undefined values are left out of outlet means
(models.compare), written as empty cells in scores.csv, and shown as a dash.
"""

from __future__ import annotations

import csv
from pathlib import Path

from models.compare import compare_outlets
from models.export import write_scores_csv
from models.features import ArticleAnalysis, analyze_article
from models.measures import MEASURES
from models.readers import read_file

BODY = (
    "Officials are probably barred from resigning, according to the ministry. "
    "The decree reportedly applies to every official. It may be extended next year. "
    "Critics said the rule was clearly meant to keep staff in place."
)
RATES = [m.key for m in MEASURES if m.key.endswith("_per_100w")]


def _article(tmp_path: Path, name: str, text: str, outlet: str) -> ArticleAnalysis:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return analyze_article(read_file(path, metadata={"outlet": outlet}))


def test_a_headline_only_file_has_no_rates_and_leaves_its_outlets_means_alone(
    tmp_path: Path,
) -> None:
    full = _article(tmp_path, "full.txt", "Kremlin bars officials from quitting\n\n" + BODY,
                    "Outlet A")
    bare = _article(tmp_path, "bare.txt", "Kremlin bars officials from quitting\n", "Outlet A")
    assert bare.scores.words == 0 and bare.scores.sentences == 0
    assert RATES and all(bare.scores.value(key) is None for key in RATES)
    assert bare.scores.value("tone_mean") is None
    assert bare.scores.value("tone_news_mean") is None
    assert bare.scores.value("tone_negative_share") is None
    assert bare.scores.value("headline_tone") is not None  # the headline is still read
    rate = full.scores.value("hedges_epistemic_per_100w")
    assert rate is not None and rate > 0
    (summary,) = compare_outlets([full, bare], ["hedges_epistemic_per_100w", "tone_mean"])
    assert summary.mean["hedges_epistemic_per_100w"] == rate  # not (rate + 0) / 2
    assert summary.n["hedges_epistemic_per_100w"] == 1
    assert summary.mean["tone_mean"] == full.scores.value("tone_mean")


def test_scores_csv_writes_an_undefined_rate_as_an_empty_cell(tmp_path: Path) -> None:
    bare = _article(tmp_path, "bare.txt", "Kremlin bars officials from quitting\n", "Outlet A")
    out = tmp_path / "scores.csv"
    write_scores_csv(out, [bare])
    (row,) = csv.DictReader(out.open(encoding="utf-8"))
    assert row["words"] == "0"
    assert all(row[key] == "" for key in RATES if key in row)
    assert row["hedges_epistemic_per_100w"] == ""


SOURCE_COUNTS = ("sources_named", "sources_named_people", "sources_anonymous",
                 "sources_described")


def test_a_headline_only_file_has_no_source_counts_not_zero(tmp_path: Path) -> None:
    """No body, no one cited: 0 named or anonymous sources would be a finding; the
    counts are undefined, an empty cell in scores.csv, and left out of the outlet's mean
    (an outlet of one sourced article and one headline showed half its sources)."""
    full = _article(tmp_path, "full.txt", "Kremlin bars officials from quitting\n\n" + BODY
                    + " Officials said the decree was final, Ann Lee told reporters.",
                    "Outlet A")
    # A headline that names a source and an anonymous one: still no body to cite them in.
    bare = _article(tmp_path, "bare.txt",
                    "Officials say Putin bars aides from quitting, Peskov says\n", "Outlet A")
    assert bare.scores.words == 0
    assert all(bare.scores.value(key) is None for key in SOURCE_COUNTS)
    named = full.scores.value("sources_named_people")
    assert named and full.scores.value("sources_anonymous")
    (summary,) = compare_outlets([full, bare], list(SOURCE_COUNTS))
    assert summary.mean["sources_named_people"] == named  # not named / 2
    assert summary.n["sources_anonymous"] == 1
    out = tmp_path / "scores.csv"
    write_scores_csv(out, [full, bare])
    rows = {r["article_id"]: r for r in csv.DictReader(out.open(encoding="utf-8"))}
    assert all(rows[bare.article_id][key] == "" for key in SOURCE_COUNTS)
    assert rows[full.article_id]["sources_named_people"] == str(int(named))


def test_the_source_counts_definitions_say_a_headline_alone_has_none() -> None:
    by_key = {m.key: m for m in MEASURES}
    for key in SOURCE_COUNTS:
        assert "Empty (undefined, not 0) for an article without body words" in (
            by_key[key].definition)
