"""Web pages (.html, .htm): the main text, title, site name and date, via trafilatura.

``Article.text`` is trafilatura's extracted main text (paragraphs on their
own lines), so all offsets index that text, not the HTML. The headline is
always a line of that text, so that it has offsets like any sentence: if the
extracted text already starts with a line close to the page's title (often
the ``<h1>``), that line is the headline; otherwise the title is put in front
of the text as its first line, followed by a blank line. The site name
(``og:site_name``) becomes the outlet; the date comes from the page's
metadata only (meta tags, ``<time>``, the URL), never guessed from the text.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from difflib import SequenceMatcher

from models.readers.text import ReaderError

NO_ARTICLE_TEXT = "no article text found in this web page"

_HTML_LANG = re.compile(rb"<html\b[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)
# How alike a first line and the page title must be for the line to be the headline (0-1).
_TITLE_SIMILARITY = 0.6


@dataclass(frozen=True, slots=True)
class WebPage:
    """What a web page gives: its main text and metadata (empty strings when absent)."""

    text: str
    headline: str
    sitename: str
    date: str
    url: str
    language: str
    headline_added: bool  # the title was put in front of the extracted text


def extract_web_page(data: bytes) -> WebPage:
    """Extract a page's main text and metadata; raise :class:`ReaderError` if there is none."""
    import trafilatura  # heavy (lxml, htmldate, courlan): only when a web page is read

    try:
        with warnings.catch_warnings():
            # trafilatura's own lxml truth-testing, not something a user can act on.
            warnings.simplefilter("ignore", FutureWarning)
            document = trafilatura.bare_extraction(
                data,
                with_metadata=True,
                include_comments=False,
                include_tables=True,
                date_extraction_params={"extensive_search": False, "original_date": True},
            )
    except Exception as error:  # a parser fed untrusted markup: one bad page must not stop a batch
        raise ReaderError(f"the web page could not be parsed ({type(error).__name__})") from error
    if document is None or isinstance(document, dict):
        raise ReaderError(NO_ARTICLE_TEXT)
    extracted = (document.text or "").strip("\n")
    if not extracted.strip():
        raise ReaderError(NO_ARTICLE_TEXT)
    title = " ".join((document.title or "").split())
    text, headline, added = _with_headline_line(extracted, title)
    language_match = _HTML_LANG.search(data[:8192])
    return WebPage(
        text=text,
        headline=headline,
        sitename=(document.sitename or "").strip(),
        date=(document.date or "").strip(),
        url=(document.url or "").strip(),
        language=language_match.group(1).decode("ascii").lower() if language_match else "",
        headline_added=added,
    )


def _with_headline_line(text: str, title: str) -> tuple[str, str, bool]:
    """The text with the headline as a line of it, the headline, and whether it was added."""
    if not title:
        return text, "", False
    first_lines = [line.strip() for line in text.splitlines() if line.strip()][:3]
    for line in first_lines:
        if _same_title(line, title):
            return text, line, False
    return f"{title}\n\n{text}", title, True


def _same_title(line: str, title: str) -> bool:
    a, b = line.casefold(), title.casefold()
    if a == b or (len(a) >= 12 and (a in b or b in a)):
        return True
    return SequenceMatcher(None, a, b).ratio() >= _TITLE_SIMILARITY
