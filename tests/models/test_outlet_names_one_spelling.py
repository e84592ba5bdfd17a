"""Outlet names that differ only in case or white space name one outlet, spelt as first
met: a manifest's "CNN" beside a corpus file's "cnn " made two outlets, two bars and
two rows of outlets.csv, each with half the articles."""

from __future__ import annotations

import csv
from pathlib import Path

from models.article import OutletNames, outlet_key
from models.compare import compare_outlets
from models.export import outlet_rows
from models.features import analyze_articles
from models.readers import read_paths

STORY = ("Officials probably knew of the plan, according to the ministry. "
         "It may be extended next year. Critics said it was clearly meant to stay.")


def test_names_differing_in_case_or_white_space_are_one_outlet_named_as_first_met(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for number, text in enumerate((STORY, STORY.replace("ministry", "mayor"),
                                   STORY.replace("ministry", "court"),
                                   STORY.replace("ministry", "army"))):
        (folder / f"{number}.txt").write_text(f"Headline {number}\n\n{text}\n",
                                              encoding="utf-8")
    (folder / "manifest.csv").write_text(
        "file,outlet\n0.txt,CNN\n1.txt,cnn\n2.txt,\" Cnn \"\n3.txt,Fox  News\n",
        encoding="utf-8")
    read = read_paths([folder])
    assert [a.outlet for a in read.articles] == ["CNN", "CNN", "CNN", "Fox News"]
    analyses = analyze_articles(read.articles)
    assert [(s.outlet, len(s.article_ids)) for s in compare_outlets(analyses, [])] == [
        ("CNN", 3), ("Fox News", 1)]
    assert [r["outlet"] for r in outlet_rows(analyses)] == ["CNN", "Fox News"]
    # Outlets already loaded give the spelling: a later load's "cnn" joins "CNN".
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "a.txt").write_text(f"More\n\n{STORY}\n", encoding="utf-8")
    (tmp_path / "more" / "manifest.csv").write_text("file,outlet\na.txt,cnn\n",
                                                    encoding="utf-8")
    (later,) = read_paths([tmp_path / "more"], known_outlets=["CNN"]).articles
    assert later.outlet == "CNN"
    with (folder / "manifest.csv").open(encoding="utf-8") as handle:
        assert len(list(csv.DictReader(handle))) == 4  # the manifest is left as written


def test_outlet_key_ignores_case_and_runs_of_white_space_only() -> None:
    assert outlet_key(" The  Guardian\t") == outlet_key("the guardian") == "the guardian"
    assert outlet_key("The Guardian") != outlet_key("Guardian")
    names = OutletNames(["BBC News"])
    assert [names.name(n) for n in ("bbc  news", "ABC", "abc", "")] == [
        "BBC News", "ABC", "ABC", ""]
    # An outlet already loaded keeps its name as written (perhaps by hand), white space
    # and all: a new article's spelling joins it exactly, not a tidied copy of it.
    assert OutletNames(["Fox  News"]).name("fox news") == "Fox  News"
