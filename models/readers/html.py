"""Web pages (.html, .htm): the main text, title, site name and date, via trafilatura.

``Article.text`` is trafilatura's extracted main text (paragraphs on their
own lines), so all offsets index that text, not the HTML. The headline is
always a line of that text, so that it has offsets like any sentence: if the
extracted text already starts with a line close to the page's title (often
the ``<h1>``), that line is the headline; otherwise the title is put in front
of the text as its first line, followed by a blank line. The site name
(``og:site_name``) becomes the outlet; the date comes from the page's
metadata only (meta tags, ``<time>``, the URL), never guessed from the text.

A page saved from a browser often has no ``og:site_name``, but its title names the site
beside the headline ("Four-day week 'a disaster', parents warn | The Daily Ledger"):
:func:`site_from_title` takes that name (ux28: the outlet was the file name, which a
browser makes of the headline). Chrome's "saved from url" comment gives the page's address
when the page names none.

A page saved as one file ("Webpage, Single File" in Chrome and Edge: ``.mhtml``, ``.mht``)
is a MIME message; :func:`html_of_mhtml` takes its page out of it, and its address from
the message's ``Snapshot-Content-Location``.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from difflib import SequenceMatcher

from models.headline import content_stems
from models.readers.layout import TITLE_PAGE_NUMBER
from models.readers.text import ReaderError, parser_words

NO_ARTICLE_TEXT = "no article text found in this web page"

_HTML_LANG = re.compile(rb"<html\b[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)
_TITLE_TAG = re.compile(rb"<title[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
_BODY_TAG = re.compile(rb"<body[\s>]", re.IGNORECASE)
# Where the page's <title> is looked for when the page has no <body> tag.
_HEAD_BYTES = 1024 * 1024
# Chrome's mark on a page it saved: <!-- saved from url=(0079)https://… -->
_SAVED_FROM = re.compile(rb"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.IGNORECASE)
# What stands between a headline and its site's name in a page title (not ":", which
# opens headlines: "Poll: Voters abandon the GOP").
_TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|·|::)\s+")
# A title's part that names the page's section, not its site ("… | Opinion").
_SECTION_NAMES = frozenset({
    "news", "opinion", "opinions", "politics", "world", "business", "sport", "sports",
    "local", "education", "health", "video", "analysis", "blog", "blogs", "home", "us",
    "uk", "national", "nation", "culture", "science", "technology", "tech", "live",
    # kinds of page, not sites (review29: '… - Photos' became the outlet 'Photos')
    "live updates", "live blog", "photos", "pictures", "gallery", "videos", "podcast",
    "comment", "editorial", "letters", "review", "reviews", "features", "explainer",
})
# A page of the article, not its site: "… - Page 2", "… | Part 3", "… - Page 2 of 3".
_PAGE_OF_ARTICLE = re.compile(r"(?:page|part)\s+\d+(?:\s+of\s+\d+)?", re.IGNORECASE)
# The longest site name taken from a title (words, characters).
_SITE_WORDS, _SITE_CHARS = 5, 40
# How alike a first line and the page title must be for the line to be the headline (0-1).
_TITLE_SIMILARITY = 0.6
# A shortened headline: this share of its words (at least two) are the headline's.
_SHORTENED_SHARE = 2 / 3


@dataclass(frozen=True, slots=True)
class WebPage:
    """What a web page gives: its main text and metadata (empty strings when absent)."""

    text: str
    headline: str
    sitename: str  # og:site_name (or trafilatura's guess)
    title_site: str  # the site's name beside the headline in the page's title, if any
    date: str
    url: str
    language: str
    headline_added: bool  # the title was put in front of the extracted text


def html_of_mhtml(data: bytes) -> tuple[bytes, str]:
    """The page in an MHTML file (its first text/html part, its transfer encoding undone)
    and the page's address ('' if not given); ReaderError when it holds no page."""
    from email import message_from_bytes

    message = message_from_bytes(data)
    url = str(message.get("Snapshot-Content-Location", "") or "").strip()
    for part in message.walk():
        if part.get_content_type() != "text/html":
            continue
        payload = part.get_payload(decode=True)
        if isinstance(payload, bytes) and payload.strip():
            return payload, url or str(part.get("Content-Location", "") or "").strip()
    raise ReaderError("no web page in this MHTML file (a page saved as a single file)")


def mhtml_cut_short(data: bytes) -> bool:
    """Whether an MHTML file stops before the line that closes its parts ('--boundary--'),
    as a download or copy cut off does."""
    from email import message_from_bytes

    boundary = message_from_bytes(data[:16384]).get_boundary()
    return bool(boundary) and f"--{boundary}--".encode() not in data[-4096:]


_PAGE_OPENS = re.compile(rb"<(?:html|body)[\s>]", re.IGNORECASE)
_PAGE_CLOSES = re.compile(rb"</(?:html|body)\s*>", re.IGNORECASE)


def html_cut_short(data: bytes) -> bool:
    """Whether a web page stops before its end, as a download or copy cut off does: it
    opens its page (``<html>`` or ``<body>``) but closes neither, and its last byte is
    not the end of a tag (it stops inside a tag, or inside an element's text). Many
    real pages leave out ``</html>``, or both closing tags; those end on a tag
    (``</div>``, ``</script>``), not in the middle of one or of a sentence."""
    head = data[:65536]
    if b"\x00" in head or not _PAGE_OPENS.search(head):  # UTF-16, or not a whole page
        return False
    tail = data.rstrip()
    return not tail.endswith(b">") and not _PAGE_CLOSES.search(data)


_SCRIPT_OR_STYLE = re.compile(rb"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG_OR_COMMENT = re.compile(rb"<!--.*?-->|<[^>]*>", re.DOTALL)


def page_words(data: bytes) -> str:
    """A page's words with its markup, scripts and styles left out, for counting them.

    trafilatura's parser (lxml, libxml2) drops a text node longer than 10 MB without a
    word, so such a page seems to hold no text at all; this count does not parse."""
    text = _TAG_OR_COMMENT.sub(b" ", _SCRIPT_OR_STYLE.sub(b" ", data))
    return text.decode("utf-8", "replace")


def extract_web_page(data: bytes, url: str = "") -> WebPage:
    """Extract a page's main text and metadata; raise :class:`ReaderError` if there is none.
    ``url``: the page's address when the page itself may not say it (an MHTML file's)."""
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
        raise ReaderError("the web page is damaged and could not be read; save the page "
                          "again from the browser", parser_words(error)) from error
    if document is None or isinstance(document, dict):
        raise ReaderError(NO_ARTICLE_TEXT)
    extracted = (document.text or "").strip("\n")
    if not extracted.strip():
        raise ReaderError(NO_ARTICLE_TEXT)
    # A multi-page story's pages are one story: "Story - Page 2 of 3" is "Story".
    title = TITLE_PAGE_NUMBER.sub("", " ".join((document.title or "").split()))
    text, headline, added = _with_headline_line(extracted, title)
    language_match = _HTML_LANG.search(data[:8192])
    return WebPage(
        text=text,
        headline=headline,
        sitename=(document.sitename or "").strip(),
        title_site=site_from_title(_raw_title(data), headline),
        date=(document.date or "").strip(),
        url=(document.url or "").strip() or _saved_from_url(data) or url,
        language=language_match.group(1).decode("ascii").lower() if language_match else "",
        headline_added=added,
    )


def _raw_title(data: bytes) -> str:
    """The page's <title> as written (trafilatura's title drops the site's name), found
    anywhere before <body>: after 64 KB of inline scripts and styles in the head it was
    not looked for, and a <title> in the body is an SVG icon's, not the page's."""
    from html import unescape

    body = _BODY_TAG.search(data)
    match = _TITLE_TAG.search(data, 0, body.start() if body else _HEAD_BYTES)
    if match is None:
        return ""
    return " ".join(unescape(match.group(1).decode("utf-8", "replace")).split())


def _saved_from_url(data: bytes) -> str:
    match = _SAVED_FROM.search(data[:4096])
    return match.group(1).decode("ascii", "replace") if match else ""


def site_from_title(title: str, headline: str) -> str:
    """The site's name a page title gives beside the headline: 'Headline | The Daily
    Ledger', 'Headline - Opinion - Valley Courier', 'The Daily Ledger – Headline' ->
    the site, also beside a shortened headline ('Officials trapped | The Courier' for
    "Putin's officials are trapped in their jobs"); '' when the title is the headline
    alone, when neither end of it is short enough to be a name (five words, 40
    characters), or when that end names a section ('… | Opinion')."""
    title, headline = " ".join(title.split()), " ".join(headline.split())
    if not title or not headline or title.casefold() == headline.casefold():
        return ""
    separators = list(_TITLE_SEPARATOR.finditer(title))
    if not separators:
        return ""
    first, last = separators[0], separators[-1]
    wanted = headline.casefold()
    headline_words = content_stems(headline)
    # Each end in turn as the site, the last first; the headline's part of the rest is
    # the other end ("Officials trapped - Opinion | The Courier": "Officials trapped").
    for site, rest, headline_part in (
            (title[last.end():], title[:last.start()], title[:first.start()]),
            (title[:first.start()], title[first.end():], title[last.end():])):
        site = site.strip()
        rest_words = rest.casefold()
        if not (rest_words.startswith(wanted) or rest_words.endswith(wanted)
                or _same_title(rest, headline)):
            # A title shorter than the h1 (readers4): the site is beside the headline's
            # words, unless the site is made of them too ("Russia - Officials trapped"
            # for "Russia's officials are trapped": which end is the site?).
            if (not _shortens(headline_part, headline_words)
                    or content_stems(site) <= headline_words):
                continue
        if (not site or len(site) > _SITE_CHARS or len(site.split()) > _SITE_WORDS
                or site[-1] in ".!?" or site.casefold() in _SECTION_NAMES
                or _PAGE_OF_ARTICLE.fullmatch(site)
                or not any(ch.isalpha() for ch in site)):
            continue
        return site
    return ""


def _shortens(part: str, headline_words: frozenset[str]) -> bool:
    """Whether ``part`` of a title is a shortened form of the headline whose content-word
    stems are ``headline_words``: at least two of its content words, and two thirds of
    them, are the headline's (the stems and function words of models.headline, which
    asks the same of a body sentence restating a headline)."""
    words = content_stems(part)
    shared = len(words & headline_words)
    return shared >= 2 and shared >= _SHORTENED_SHARE * len(words)


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
