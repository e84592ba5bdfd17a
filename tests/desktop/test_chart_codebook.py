"""The codebook of every chart's data: each column described, none described that is not
there (desktop.charts.codebook), written beside the data by the CLI and the window."""

from __future__ import annotations

import csv
import dataclasses
from pathlib import Path

import pytest

from desktop.charts import at_scale, build_chart
from desktop.charts.codebook import CODEBOOK_COLUMNS, chart_codebook_rows
from desktop.report import chart_variants
from models.codebook import CodebookError
from models.features import ArticleAnalysis
from models.pipeline import analyze_paths

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def seed_analyses() -> list[ArticleAnalysis]:
    return analyze_paths([SEEDS]).analyses


def _many(base: list[ArticleAnalysis], n: int) -> list[ArticleAnalysis]:
    """``n`` analyses from the seeds' under 12 outlets: past at_scale.ARTICLE_LIMIT."""
    return [ArticleAnalysis(dataclasses.replace(b.article, article_id=f"a{i:04d}",
                                                outlet=f"Outlet {i % 12:02d}"),
                            b.spans, b.sentence_tones, b.headline_restating, b.scores,
                            b.sentence_tones_news)
            for i, b in enumerate(base[i % len(base)] for i in range(n))]


def _check(chart, file: str) -> list[dict[str, str]]:
    columns, _ = chart.rows()
    rows = chart_codebook_rows(chart, file)
    assert [r["column"] for r in rows] == list(columns)
    for row in rows:
        assert list(row) == list(CODEBOOK_COLUMNS)
        assert row["file"] == file and row["label"] and row["unit"]
        assert len(row["definition"]) > 20, row
    return rows


def test_every_chart_of_the_seeds_has_every_column_described(seed_analyses) -> None:
    kinds = set()
    for stem, kind, key in chart_variants(seed_analyses):
        chart = build_chart(kind, seed_analyses, measure=key)
        _check(chart, f"{stem}.csv")
        kinds.add(type(chart).__name__)
    assert len(kinds) == 10  # every chart class the seeds draw


def test_the_charts_past_the_article_limit_are_described_too(seed_analyses) -> None:
    many = _many(seed_analyses, at_scale.ARTICLE_LIMIT + 10)
    tone = build_chart("tone_strips", many)
    similarity = build_chart("similarity", many)
    assert type(tone).__name__ == "OutletToneChart"
    assert type(similarity).__name__ == "OutletSimilarityChart"
    rows = {r["column"]: r for r in _check(tone, "tone.csv")}
    assert "news model" in rows["tone_news_sentences"]["definition"]
    assert rows["sentences"]["citation"]  # VADER's citation
    _check(similarity, "similarity.csv")


def test_a_column_without_a_description_is_an_error(seed_analyses) -> None:
    chart = build_chart("reuse", seed_analyses)
    with pytest.raises(CodebookError, match=r"no codebook row for \['new_column'\]"):
        chart_codebook_rows(chart, "reuse.csv", ["outlet_a", "outlet_b", "shared_words",
                                                  "passages", "new_column"])
    with pytest.raises(CodebookError, match=r"rows for no column: \['passages'\]"):
        chart_codebook_rows(chart, "reuse.csv", ["outlet_a", "outlet_b", "shared_words"])


def test_shared_columns_keep_the_analysis_files_definitions(seed_analyses) -> None:
    from models.codebook import described

    drift = build_chart("certainty_drift", seed_analyses)
    rows = {r["column"]: r for r in chart_codebook_rows(drift, "drift.csv")}
    assert rows["certainty"]["definition"] == described("claims.csv")["certainty"].definition
    assert rows["certainty_rank"]["definition"].startswith("certainty as a number: 1 asserted")


def test_the_cli_writes_one_codebook_for_the_charts_data(seed_analyses, tmp_path) -> None:
    from desktop.cli import write_charts

    written = write_charts(seed_analyses, tmp_path, ["png"])
    codebook = tmp_path / "codebook.csv"
    assert codebook in written
    with codebook.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    data_files = sorted(p.name for p in written if p.suffix == ".csv" and p != codebook)
    assert sorted({r["file"] for r in rows}) == data_files
    for name in data_files:
        with (tmp_path / name).open(encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle))
        assert [r["column"] for r in rows if r["file"] == name] == header


def test_only_the_claims_charts_codebooks_speak_of_claims(seed_analyses) -> None:
    """The codebook of "One measure by outlet", the tone strips and the similarity chart
    borrowed claims.csv's article_id: "The article stating the claim" described a row of
    an article's value, a sentence's tone and a cell of two articles (ux29)."""
    seen = set()
    for stem, kind, key in chart_variants(seed_analyses):
        chart = build_chart(kind, seed_analyses, measure=key)
        if kind in ("certainty_drift", "claims_matrix"):
            continue
        for row in chart_codebook_rows(chart, f"{stem}.csv"):
            assert "claim" not in row["definition"].lower(), (kind, row)
        seen.add(kind)
    assert {"measure_by_outlet", "tone_strips", "similarity"} <= seen
    rows = {r["column"]: r["definition"] for r in chart_codebook_rows(
        build_chart("similarity", seed_analyses), "similarity.csv")}
    assert rows["article_id_a"].startswith("The article of the cell's row")
    assert rows["article_id_b"].startswith("The article of the cell's column")
