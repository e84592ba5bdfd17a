"""A web page saved from a browser without og:site_name: its title names the site beside the
headline, and that is the outlet (ux28: a teacher's page "<title>Four-day week … | The Daily
Ledger</title>" came out as outlet "Four-day week 'a disaster' for our kids, parents warn",
its file name, which the browser had made of the headline)."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.readers import read_paths
from models.readers.html import site_from_title

HEADLINE = "Rural pool to close after council vote"
BODY = ("<p>The council voted on Tuesday to close the Riverside pool at the end of the "
        "season, the mayor said.</p><p>Swimmers said they would petition the council to "
        "reverse the decision before the summer.</p><p>The pool opened in 1968 and needs "
        "repairs that the town cannot afford, officials said.</p>")


def page(title: str, head: str = "", last: str = "") -> str:
    return (f"<!DOCTYPE html><html><head><title>{title}</title>{head}</head><body>"
            f"<div class='nav'>Home | News | Sport</div><article><h1>{HEADLINE}</h1>{BODY}"
            f"<p>{last}</p></article></body></html>")


@pytest.mark.parametrize(("title", "site"), [
    (f"{HEADLINE} | The Daily Ledger", "The Daily Ledger"),
    (f"{HEADLINE} - Opinion - Valley Courier", "Valley Courier"),
    (f"Valley Courier – {HEADLINE}", "Valley Courier"),
    (f"{HEADLINE} | Opinion", ""),  # a section, not a site
    (HEADLINE, ""),
    (f"Poll: {HEADLINE}", ""),  # ":" opens headlines
    (f"{HEADLINE} | Residents of the Riverside district are angry about it.", ""),
    # a page of the article or a kind of page, no site (review29)
    (f"{HEADLINE} - Page 2", ""),
    (f"{HEADLINE} | Part 3", ""),
    (f"{HEADLINE} – live updates", ""),
    (f"{HEADLINE} - Photos", ""),
    (f"{HEADLINE} | Comment", ""),
    (f"{HEADLINE} - Page 2 - Valley Courier", "Valley Courier"),
    (f"{HEADLINE} - Page 2 of 3", ""),
])
def test_the_site_beside_the_headline(title: str, site: str) -> None:
    assert site_from_title(title, HEADLINE) == site


def test_a_saved_page_takes_its_outlet_from_its_title(tmp_path: Path) -> None:
    path = tmp_path / f"{HEADLINE}.html"  # as a browser names the file it saves
    path.write_text(page(f"{HEADLINE} | The Daily Ledger"), encoding="utf-8")
    article = read_paths([path]).articles[0]
    assert (article.outlet, article.outlet_origin) == ("The Daily Ledger", "title")
    assert article.headline == HEADLINE


def test_the_metadata_and_the_address_still_come_first(tmp_path: Path) -> None:
    og = '<meta property="og:site_name" content="Ledger Online">'
    (tmp_path / "a.html").write_text(page(f"{HEADLINE} | The Daily Ledger", og), "utf-8")
    # An address in the page whose site the title's name does not spell: that site.
    canonical = '<link rel="canonical" href="https://www.riversidenews.com/pool">'
    (tmp_path / "b.html").write_text(page(f"{HEADLINE} | The Daily Ledger", canonical,
                                          "A vote on the budget follows in May."), "utf-8")
    # One it spells: the title's name for it.
    chrome = "<!-- saved from url=(0034)https://www.thedailyledger.com/pool -->\n"
    (tmp_path / "c.html").write_text(chrome + page(f"{HEADLINE} | The Daily Ledger", "",
                                                   "The lifeguards were told on Monday."),
                                     "utf-8")
    got = {a.article_id: (a.outlet, a.outlet_origin, a.url)
           for a in read_paths(sorted(tmp_path.iterdir())).articles}
    assert got["a"][:2] == ("Ledger Online", "html")
    assert got["b"][0] == "riversidenews.com"  # trafilatura names the site by it
    assert got["c"] == ("The Daily Ledger", "title", "https://www.thedailyledger.com/pool")


def test_the_title_is_found_anywhere_before_the_body(tmp_path: Path) -> None:
    # After 64 KB of inline script in the head the title was not looked for, and the
    # outlet fell back to the file name.
    script = "<script>" + "var settings = {};\n" * 5000 + "</script>"
    path = tmp_path / "saved.html"
    path.write_text(page(f"{HEADLINE} | The Daily Ledger").replace(
        "<head><title>", f"<head><meta charset='utf-8'>{script}<title>"), encoding="utf-8")
    article = read_paths([path]).articles[0]
    assert (article.outlet, article.outlet_origin) == ("The Daily Ledger", "title")


def test_a_title_in_the_body_is_not_the_pages(tmp_path: Path) -> None:
    path = tmp_path / "saved.html"
    path.write_text(page(HEADLINE).replace(f"<title>{HEADLINE}</title>", "").replace(
        "<body>", f"<body><svg><title>{HEADLINE} | Share on Social</title></svg>"),
        encoding="utf-8")
    article = read_paths([path]).articles[0]
    assert article.outlet != "Share on Social"


@pytest.mark.parametrize(("title", "outlet"), [
    (f"{HEADLINE} - Page 2 of 3", "saved"),
    (f"{HEADLINE} (page 2)", "saved"),
    (f"{HEADLINE} - Page 2 of 3 | The Daily Ledger", "The Daily Ledger"),
])
def test_a_page_number_in_the_title_is_not_the_headline_nor_the_outlet(
    tmp_path: Path, title: str, outlet: str
) -> None:
    # The second page of a story: its headline was "… - Page 2 of 3", and "Page 2 of 3"
    # became its outlet.
    path = tmp_path / "saved.html"
    path.write_text(page(title).replace(f"<h1>{HEADLINE}</h1>", ""), encoding="utf-8")
    article = read_paths([path]).articles[0]
    assert (article.headline, article.outlet) == (HEADLINE, outlet)


def test_a_title_that_is_only_a_page_number_is_no_headline(tmp_path: Path) -> None:
    path = tmp_path / "saved.html"
    path.write_text(page("Page 2 of 3").replace(f"<h1>{HEADLINE}</h1>", ""), encoding="utf-8")
    assert read_paths([path]).articles[0].headline != "Page 2 of 3"


@pytest.mark.parametrize("copy", ["pool (copy 2)", "pool (1)", "pool - Copy", "pool copy 2"])
def test_a_copys_file_name_names_the_same_outlet(tmp_path: Path, copy: str) -> None:
    for stem, day in (("pool", "Tuesday"), (copy, "Wednesday")):
        (tmp_path / f"{stem}.txt").write_text(
            f"{HEADLINE}\n\nThe council voted on {day} to close the Riverside pool, the "
            "mayor said.\n", encoding="utf-8")
    assert [a.outlet for a in read_paths([tmp_path]).articles] == ["pool", "pool"]


# readers4: a site's SEO title shorter than its <h1> ("Officials trapped | The Courier" for
# "Putin's officials are trapped in their jobs"): the outlet was the file name.
H1 = "Putin's officials are trapped in their jobs"


@pytest.mark.parametrize(("title", "site"), [
    ("Officials trapped | The Courier", "The Courier"),
    ("The Courier - Officials trapped", "The Courier"),
    ("Officials trapped - World | The Courier", "The Courier"),
    # both ends short: the headline's end is the one made of the headline's words, the
    # other is the site, as when the title holds the headline whole
    ("Russia - Officials trapped", "Russia"),
])
def test_the_site_beside_a_shortened_headline(title: str, site: str) -> None:
    assert site_from_title(title, H1) == site


@pytest.mark.parametrize("title", [
    "Officials trapped | Analysis",  # a section
    "Putin says officials trapped | Analysis",
    "Officials trapped - Live",
    "Officials trapped - Page 2",  # a page of the article
    "Officials trapped | Residents of the Riverside district are angry about it.",
    "Weather turns cold | The Courier",  # nothing to do with the headline
    "Courier | Weather",
    "Trapped | The Courier",  # one word is not a shortened headline
    "Officials trapped - Putin officials",  # both ends are the headline's words
])
def test_no_site_beside_a_shortened_headline(title: str) -> None:
    assert site_from_title(title, H1) == ""


def test_a_site_made_of_the_headlines_words_is_not_the_site() -> None:
    # "Russia" is the story's word here, not the name of a site.
    assert site_from_title("Russia - Officials trapped",
                           "Russia's officials are trapped in their jobs") == ""
    assert site_from_title("Ukraine war - Live", "Ukraine war: officials trapped") == ""


def test_a_page_whose_title_shortens_its_h1_takes_its_outlet_from_the_title(
    tmp_path: Path
) -> None:
    path = tmp_path / "officials-trapped.html"
    path.write_text(
        "<html><head><title>Officials trapped | The Courier</title></head><body><article>"
        f"<h1>{H1}</h1><p>By Jane Roe</p><p>Top officials in Moscow cannot quit, three "
        "sources told The Courier. The Kremlin spokesman said the claims were false.</p>"
        "<p>Some officials had tried to step down after the invasion began, but were "
        "refused, the sources said.</p></article></body></html>", encoding="utf-8")
    article = read_paths([path]).articles[0]
    assert (article.headline, article.outlet, article.outlet_origin) == (
        H1, "The Courier", "title")
