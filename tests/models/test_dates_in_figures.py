"""Dates written in figures ("09/13/2016", "20160917") become YYYY-MM-DD, as dates with a
named month already did, so that a corpus's date column sorts and parses (audit s34)."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.readers import read_paths
from models.readers.layout import numeric_date_order, parse_numeric_date

BODY = "Officials said the plan would probably fail, and the mayor agreed on {n} occasions."


@pytest.mark.parametrize(("value", "order", "iso"), [
    ("09/13/2016", "", "2016-09-13"),     # month first: 13 cannot be a month
    ("13/09/2016", "", "2016-09-13"),     # day first
    ("13.09.2016 10:00", "", "2016-09-13"),
    ("2016/09/13", "", "2016-09-13"),
    ("2016-9-5", "", "2016-09-05"),
    ("20160917", "", "2016-09-17"),
    ("04/05/2016", "", ""),               # April or May: nothing says which
    ("04/05/2016", "dmy", "2016-05-04"),
    ("04/05/2016", "mdy", "2016-04-05"),
    ("31/02/2016", "dmy", ""),            # no such day
    ("1/2/16", "mdy", ""),                # a two-digit year: the century is a guess
    ("12345678", "", ""),
])
def test_a_date_in_figures(value: str, order: str, iso: str) -> None:
    assert parse_numeric_date(value, order) == iso


def test_the_order_of_a_column_is_the_one_its_dates_show() -> None:
    assert numeric_date_order(["04/05/2016", "13/05/2016"]) == "dmy"
    assert numeric_date_order(["04/05/2016", "05/13/2016"]) == "mdy"
    assert numeric_date_order(["13/05/2016", "05/13/2016"]) == ""  # they disagree
    assert numeric_date_order(["2016-09-01", "May 3, 2016"]) == ""


def test_a_corpus_file_s_dates_are_all_iso(tmp_path: Path) -> None:
    dates = ["2016-09-12", "09/13/2016", "14 September 2016", "Sep 15, 2016",
             "2016-09-16T10:00:00Z", "20160917", "09/10/2016", "autumn 2016"]
    rows = [f'o{i},"{d}",Headline {i},"{BODY.format(n=i + 2)}"' for i, d in enumerate(dates)]
    corpus = tmp_path / "articles.csv"
    corpus.write_text("outlet,date,headline,text\n" + "\n".join(rows) + "\n", encoding="utf-8")
    read = read_paths([corpus])
    assert [a.date for a in read.articles] == [
        "2016-09-12", "2016-09-13", "2016-09-14", "2016-09-15", "2016-09-16", "2016-09-17",
        "2016-09-10",  # the column writes the month first (09/13/2016)
        "autumn 2016",  # not a date it can read: as written
    ]


def test_a_manifest_s_dates_are_iso(tmp_path: Path) -> None:
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text(BODY.format(n=3), encoding="utf-8")
    (tmp_path / "a.txt").write_text(BODY.format(n=4), encoding="utf-8")
    (tmp_path / "b.txt").write_text(BODY.format(n=5), encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "file,outlet,date\na.txt,A,25/12/2016\nb.txt,B,03/04/2017\nc.txt,C,spring 2017\n",
        encoding="utf-8")
    read = read_paths([tmp_path])
    assert {a.outlet: a.date for a in read.articles} == {
        "A": "2016-12-25", "B": "2017-04-03", "C": "spring 2017"}
