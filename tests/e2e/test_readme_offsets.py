"""README.md says what spans.csv's offsets index, and for a corpus file's row that is not
the file's text (audit s34: it said "the decoded file text" for every input): the row's
headline, a blank line and its text, which this test rebuilds from the README's rule."""

from __future__ import annotations

import csv
from pathlib import Path

from desktop.cli import run_command

README = Path(__file__).resolve().parents[2] / "README.md"


def test_the_readme_s_rule_rebuilds_a_corpus_row_s_offsets(tmp_path: Path) -> None:
    text = " ".join(README.read_text(encoding="utf-8").split())
    assert "offsets index the article's text" in text
    assert "a corpus file's row, its headline cell, a blank line and its text cell" in text
    rows = [("Plan Likely to Fail", "Officials said on Tuesday the plan would probably "
             "fail.\r\n\r\nThe mayor reportedly disagreed, and critics called it clearly a "
             "disaster."),
            ("The mayor spoke", "The mayor spoke. He said the plan may well fail, allegedly.")]
    corpus = tmp_path / "c.csv"
    with corpus.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([("outlet", "headline", "text"),
                                      *[("Ledger", h, t) for h, t in rows]])
    out = tmp_path / "out"
    assert run_command(["analyze", str(corpus), "--out", str(out), "--no-charts",
                        "--quiet"]) == 0
    articles = {}
    for number, (headline, body) in enumerate(rows, start=1):
        body = body.replace("\r\n", "\n").strip("\n")
        articles[f"c-{number:03d}"] = body if body.startswith(headline) else (
            f"{headline}\n\n{body}")
    with (out / "spans.csv").open(encoding="utf-8", newline="") as handle:
        spans = list(csv.DictReader(handle))
    assert {s["article_id"] for s in spans} == set(articles)
    for span in spans:
        assert articles[span["article_id"]][int(span["start"]):int(span["end"])] == span["text"]
