"""The report says which files were read in part (rows without text skipped), apart from
those not read: it counted both as "Files not read", so a corpus file whose other rows
are all in the tables read as missing from them."""

from __future__ import annotations

import csv
from pathlib import Path

from desktop.report import ReportData, _summary_lines, report_html
from models.pipeline import analyze_paths
from models.project import source_hashes


def test_a_file_read_in_part_is_said_in_the_summary_inputs_and_problems(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    scraped = corpus / "scraped.csv"
    with scraped.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "text", "outlet", "headline"])
        writer.writerow(["1", "Officials may not resign, sources said. It is likely to last.",
                         "Paper A", "Ban on quitting"])
        writer.writerow(["2", "Governors were threatened, an official claimed.", "Paper B",
                         "Threats"])
        writer.writerow(["3", "", "Paper B", "Empty"])
    (corpus / "empty.txt").write_bytes(b"")  # not read at all
    corpus_analysis = analyze_paths([corpus])
    assert len(corpus_analysis.analyses) == 2
    data = ReportData(corpus_analysis.analyses, errors=corpus_analysis.errors,
                      sources=source_hashes(a.article for a in corpus_analysis.analyses))
    summary = dict(_summary_lines(data))
    assert summary["Files not read"] == "1"  # empty.txt only
    assert summary["Files read in part"] == "1"
    html = report_html(data)
    assert "<h2>Files not read or read in part</h2>" in html
    # The problems table: scraped.csv read in part, with its reason; empty.txt not read.
    assert f"<tr><td>{scraped}</td><td>read in part</td><td>" in html
    assert f"<tr><td>{corpus / 'empty.txt'}</td><td>not read</td><td>" in html
    # Its articles' input row says the file was read in part.
    assert "<td>read in part</td></tr>" in html.split("<h2>Input files</h2>")[1].split(
        "<h2>")[0]
