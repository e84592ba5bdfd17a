"""A web page saved as one file (Chrome's and Edge's "Webpage, Single File", .mhtml) is read
like the page itself (ux28: a teacher's .mhtml was refused as "not a supported file type")."""

from __future__ import annotations

import quopri
from pathlib import Path

import pytest

from models.readers import SUPPORTED_SUFFIXES, read_paths
from models.readers.text import ReaderError

PAGE = (
    "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Four-day week: "
    "what the study says \u2013 Riverton Tribune</title></head><body><nav>Home | Sport</nav>"
    "<article><h1>Four-day week: what the study says</h1>"
    "<p>The state\u2019s study of the four-day week is likely to shape next year\u2019s budget "
    "debate, lawmakers said on Monday.</p><p>Attendance rose by about two percentage points "
    "in the districts that made the switch, according to the report.</p><p>Reading scores "
    "were a little lower, and the authors said that gap may be too small to matter.</p>"
    "</article><img src=\"cid:img-1@mhtml.blink\"></body></html>"
)


def mhtml(page: str = PAGE) -> bytes:
    body = quopri.encodestring(page.encode("utf-8")).decode("ascii")
    return (
        "From: <Saved by Blink>\r\n"
        "Snapshot-Content-Location: https://www.rivertontribune.com/news/four-day-week\r\n"
        "Subject: Four-day week: what the study says\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n"
        "\tboundary=\"----MultipartBoundary--xyz----\"\r\n\r\n"
        "------MultipartBoundary--xyz----\r\n"
        "Content-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n"
        "Content-Location: https://www.rivertontribune.com/news/four-day-week\r\n\r\n"
        f"{body}\r\n"
        "------MultipartBoundary--xyz----\r\n"
        "Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
        "Content-Location: https://www.rivertontribune.com/img/bus.png\r\n\r\n"
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==\r\n"
        "------MultipartBoundary--xyz------\r\n"
    ).encode("ascii")


def test_an_mhtml_page_is_read_as_its_page(tmp_path: Path) -> None:
    assert {".mhtml", ".mht"} <= SUPPORTED_SUFFIXES
    path = tmp_path / "Four-day week_ what the study says - Riverton Tribune.mhtml"
    path.write_bytes(mhtml())
    result = read_paths([path])
    assert result.errors == []
    article = result.articles[0]
    assert article.headline == "Four-day week: what the study says"
    assert (article.outlet, article.outlet_origin) == ("Riverton Tribune", "title")
    assert article.url == "https://www.rivertontribune.com/news/four-day-week"
    assert article.language == "en"
    assert "the state\u2019s study of the four-day week is likely" in article.text.casefold()
    assert "Home | Sport" not in article.text


def test_an_mhtml_file_without_a_page_says_so(tmp_path: Path) -> None:
    path = tmp_path / "broken.mht"
    path.write_bytes(b"MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nnot a page\r\n")
    result = read_paths([path])
    assert result.articles == []
    assert "no web page in this MHTML file" in result.errors[0].reason
    with pytest.raises(ReaderError):
        from models.readers.html import html_of_mhtml

        html_of_mhtml(path.read_bytes())
