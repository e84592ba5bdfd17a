"""A corpus file with a web address but no outlet column: each article's outlet is the site
of its address, not the file's name for all (ux10's review, session 10: the 1,297 GVFC
rows, from 21 sites, came out as one outlet, 'GVFC_extension_multimodal', so nothing
could be compared across outlets)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from models.readers import read_paths
from models.readers.documents import web_outlet


@pytest.mark.parametrize(("url", "outlet"), [
    ("https://edition.cnn.com/2018/02/16/us/story.html", "cnn.com"),
    ("http://beta.latimes.com/nation/la-na-story.html", "latimes.com"),
    ("www.nytimes.com/2018/story", "nytimes.com"),
    ("http://news.bbc.co.uk/2/hi/story.stm", "bbc.co.uk"),
    ("https://www.lemonde.fr/a", "lemonde.fr"),
    # A shared portal keeps the site in front of it (ux11, session 11: the 79 GVFC rows
    # from abcnews.go.com came out as "go.com").
    ("https://abcnews.go.com/US/story?id=1", "abcnews.go.com"),
    ("https://www.name.substack.com/p/post", "name.substack.com"),
    ("https://name.blogspot.com/2018/01/post.html", "name.blogspot.com"),
    ("http://name.blogspot.co.uk/post", "name.blogspot.co.uk"),
    ("https://name.github.io/post", "name.github.io"),
    ("https://news.name.wordpress.com/post", "name.wordpress.com"),
    ("https://medium.com/@name/post", "medium.com"),
    ("https://www.medium.com/@name/post", "medium.com"),
    ("https://go.com/", "go.com"),
    ("http://127.0.0.1/a", ""),
    ("http://localhost/story", ""),
    ("not an address", ""),
    ("", ""),
])
def test_the_outlet_of_a_web_address(url: str, outlet: str) -> None:
    assert web_outlet(url) == outlet


def test_rows_without_an_outlet_take_the_site_of_their_address(tmp_path: Path) -> None:
    path = tmp_path / "stories.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["headline", "text", "article_url"])
        writer.writerow(["Bridge to reopen", "The ministry said the bridge would reopen.",
                         "https://edition.cnn.com/2018/bridge"])
        writer.writerow(["Road to close", "(Reuters) - The council said the road would close.",
                         "https://www.yahoo.com/news/road"])
        writer.writerow(["Park to open", "The mayor said the park would open in May.", ""])
    articles = read_paths([path]).articles
    assert [(a.outlet, a.outlet_origin) for a in articles] == [
        ("cnn.com", "url"), ("yahoo.com", "url"), ("stories", "filename")]
    # An outlet column still wins.
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["text", "outlet", "url"])
        writer.writerow(["The ministry said the bridge would reopen.", "CNN",
                         "https://edition.cnn.com/2018/bridge"])
    article = read_paths([path]).articles[0]
    assert (article.outlet, article.outlet_origin) == ("CNN", "table")
