"""`framescope analyze` on corpus files, documents and exports, with column flags."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.e2e.test_cli import framescope, rows
from tests.models.fileformats import Story, write_docx, write_nexis_rtf

pytestmark = pytest.mark.slow


def test_column_flags_documents_and_exports(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    with (corpus / "scraped.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "story", "paper", "when", "title"])
        writer.writerow(["1", "Officials may not resign, sources said. It is likely to last.", "Paper A", "2023-05-18", "Ban on quitting"])
        writer.writerow(["2", "Governors were threatened, an official claimed.", "Paper B", "2023-05-19", "Threats"])
        writer.writerow(["3", "", "Paper B", "2023-05-19", "Empty"])
    write_docx(corpus / "word.docx", ["Kremlin keeps its officials", "The Kremlin reportedly told officials to stay."])
    write_nexis_rtf(corpus / "nexis.rtf", [
        Story("Nexis story one", ["The first Nexis story says officials may leave."], outlet="Nexis Times"),
        Story("Nexis story two", ["The second Nexis story quotes a source."], outlet="Nexis Post"),
    ])
    out = tmp_path / "out"
    result = framescope(
        "analyze", str(corpus), "--out", str(out), "--no-charts",
        "--text-column", "story", "--outlet-column", "paper", "--date-column", "when",
        "--headline-column", "title",
    )
    assert result.returncode == 0, result.stderr
    # scraped.csv was read, its row without text skipped: read in part, not "not read"
    assert "5 articles from 5 outlets analysed, 0 files not read, 1 read in part;" in result.stdout
    scores = {r["article_id"]: r for r in rows(out / "scores.csv")}
    assert set(scores) == {"nexis-001", "nexis-002", "scraped-001", "scraped-002", "word"}
    assert scores["scraped-001"]["outlet"] == "Paper A" and scores["scraped-001"]["date"] == "2023-05-18"
    assert scores["scraped-001"]["headline"] == "Ban on quitting"
    assert scores["nexis-002"]["outlet"] == "Nexis Post"
    assert rows(out / "errors.csv") == [{
        "file": str(corpus / "scraped.csv"),
        "reason": "1 row without text in column 'story' (line 4); skipped",
    }]

    wrong = framescope("analyze", str(corpus / "scraped.csv"), "--out", str(tmp_path / "o2"),
                       "--no-charts", "--text-column", "body")
    assert wrong.returncode == 1
    assert "no text column 'body' in this file (columns found: id, story, paper, when, title)" in wrong.stderr
