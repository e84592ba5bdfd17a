"""Every format beyond plain text and web pages: documents, corpus files, database exports.

:func:`read_document` turns one file's bytes into articles:

- a document with one article: PDF (:mod:`~models.readers.pdf`, pypdf), Word
  ``.docx`` and OpenDocument ``.odt`` (:mod:`~models.readers.office`), RTF
  (:mod:`~models.readers.rtf`);
- a Word or RTF file that is a Nexis Uni or Factiva export, and a Factiva
  HTML page (:mod:`~models.readers.exports`): one article per document;
- a corpus file, one article per row: CSV, TSV, JSON Lines, JSON, XLSX
  (:mod:`~models.readers.tables`).

Articles of a multi-article file get the id ``<file stem>-<n>`` (n from 1,
zero-padded), the file as their source, their place in the file as a note,
and a content hash of their own text (two rows with the same text are the
same article). What could not be read inside a file (a row without text, a
document without a body) is returned as one message per file, never raised.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from models.article import Article
from models.readers.exports import (
    Export,
    ExportedArticle,
    is_factiva_fields,
    is_nexis,
    split_factiva_fields,
    split_factiva_html,
    split_nexis,
)
from models.readers.layout import WHY_PDF_HEADLINE, detect_layout
from models.readers.tables import (
    TABLE_SUFFIXES,
    ColumnMapping,
    read_table,
    resolve_columns,
    table_rows,
)
from models.readers.text import ReaderError
from models.segment import sentences_for_blocks

DOCUMENT_SUFFIXES: frozenset[str] = frozenset({".pdf", ".docx", ".odt", ".rtf"})
MULTI_SUFFIXES: frozenset[str] = DOCUMENT_SUFFIXES | TABLE_SUFFIXES
# Size limits by kind (bytes), checked with stat() before a file is read.
MAX_DOCUMENT_BYTES = 200 * 1024 * 1024
MAX_TABLE_BYTES = 200 * 1024 * 1024
# Words one file may hold as one article. Scoring time grows with the square of an
# article's length (sources are linked across the whole article): 127,000 words took
# 17 s to analyse and tabulate, 255,000 words 52 s, 1.3 million (8 MB) more than 5
# minutes, holding back every other file (robust29). The longest news features run to
# ~30,000 words; past this is a book, a transcript or many articles in one file.
MAX_ARTICLE_WORDS = 150_000

_KINDS = {".pdf": "PDF", ".docx": "Word document", ".odt": "OpenDocument text", ".rtf": "RTF file"}


@dataclass(slots=True)
class DocumentRead:
    """The articles of one file, and one message about what inside it was skipped ('' if none)."""

    articles: list[Article] = field(default_factory=list)
    problem: str = ""


def build_article(
    text: str,
    *,
    article_id: str,
    source: str,
    given: Mapping[str, str],
    origin: str,
    content_hash: str,
    notes: list[str],
    own_headline: str = "",
    own_headline_reason: str = "",
    markdown: bool = False,
    detected: Mapping[str, str] | None = None,
) -> Article:
    """An article from its text: layout, sentences, and metadata (``given`` wins over ``detected``).

    ``given`` holds outlet, headline, date, url, language from the user or
    the file's own fields; ``origin`` names where a given outlet came from.
    ``detected`` holds what a format found itself (sitename, date, url, language, and
    printed_url: the web address a browser printed on a PDF's pages, perhaps cut short).
    ``own_headline_reason`` says why the format's own headline is one (for the tooltip).
    """
    detected = detected or {}
    stem = original_stem(Path(source).stem)  # "(copy 2)" names no other outlet
    given_headline = given.get("headline", "")
    layout = detect_layout(
        text,
        markdown=markdown,
        known_headline=given_headline or own_headline,
        known_reason=own_headline_reason if own_headline and not given_headline else "",
    )
    headline_in_text = layout.headline_block is not None and (
        not given_headline or layout.headline == " ".join(given_headline.split())
    )
    if given_headline and not headline_in_text:
        notes.append(f"the headline given in the {_origin_words(origin)} does not occur in the text")
    if given.get("outlet"):
        outlet, outlet_origin = given["outlet"], origin
    elif detected.get("sitename"):
        outlet, outlet_origin = detected["sitename"], "html"
    elif not given.get("url") and web_outlet(detected.get("printed_url", "")):
        site = web_outlet(detected["printed_url"])
        if layout.outlet and spells_site(layout.outlet, site):
            # "The Daily Beast" in the byline is thedailybeast.com's own name for itself.
            outlet, outlet_origin = layout.outlet, layout.outlet_origin
        else:
            outlet, outlet_origin = site, "print"
    elif web_outlet(given.get("url") or detected.get("url", "")):
        # Before a dateline: "(Reuters) -" on yahoo.com names the agency, not the outlet.
        outlet, outlet_origin = web_outlet(given.get("url") or detected.get("url", "")), "url"
        title_site = detected.get("title_site", "")
        if title_site and spells_site(title_site, outlet):
            # "The Daily Ledger" in the page's title is dailyledger.com's own name for itself.
            outlet, outlet_origin = title_site, "title"
    elif detected.get("title_site"):
        # A page saved from a browser, no site name nor address in it: its title's
        # "Headline | The Daily Ledger" (else the outlet was the file name: the headline).
        outlet, outlet_origin = detected["title_site"], "title"
    elif layout.outlet and not (
        layout.outlet_origin == "dateline" and filename_outlet(stem)
    ):
        outlet, outlet_origin = layout.outlet, layout.outlet_origin
    else:
        # A file named by an outlet and a date ("breitbart_2016-04-01_….txt", PolNeAR's
        # and scrapers' naming) names its publisher; a dateline names who wrote the copy,
        # mostly a wire agency ("DALLAS (AP) —"): as with a web address, the publisher wins.
        # Else 42 of PolNeAR's 132 Breitbart articles became outlets "AP", "UPI", "Reuters".
        outlet, outlet_origin = filename_outlet(stem) or stem, "filename"
    return Article(
        article_id=article_id,
        text=text,
        blocks=layout.blocks,
        sentences=sentences_for_blocks(text, layout.blocks, with_headline=headline_in_text),
        source=source,
        outlet=outlet,
        outlet_origin=outlet_origin,
        headline=given_headline or layout.headline,
        date=given.get("date") or detected.get("date", "") or layout.date
        or filename_date(stem),
        language=given.get("language") or detected.get("language", ""),
        url=given.get("url") or detected.get("url", ""),
        content_hash=content_hash,
        notes=tuple(notes),
    )


def spells_site(name: str, site: str) -> bool:
    """Whether an outlet's name spells a site's name: 'The Daily Beast' and
    'thedailybeast.com', 'Frontline Brief' and 'frontlinebrief.co.uk'."""
    letters = re.sub(r"[\W_]+", "", name.casefold())
    label = site.split(".")[0].casefold()
    return bool(letters) and label in (letters, letters.removeprefix("the"), "the" + letters)


# Second-level labels under a country code that are not a name (news.bbc.co.uk -> bbc.co.uk).
_GENERIC_SECOND_LEVEL = frozenset({"ac", "co", "com", "edu", "gov", "net", "org", "ne", "or"})

# Shared portals: many unrelated sites live under one of these registrable domains, so the
# label in front is the site's name (abcnews.go.com is ABC News, not "go.com"; someone's
# newsletter on substack.com is not Substack). A short list of hosts news is published on,
# after the Public Suffix List's private section (publicsuffix.org); blogspot also takes
# country endings (name.blogspot.co.uk), so it is matched by its label.
_SHARED_PORTALS = frozenset({
    "go.com", "substack.com", "medium.com", "wordpress.com", "github.io", "tumblr.com",
    "typepad.com", "livejournal.com", "wixsite.com", "weebly.com", "squarespace.com",
    "ghost.io", "beehiiv.com", "over-blog.com", "netlify.app", "vercel.app", "pages.dev",
    "web.app", "herokuapp.com", "appspot.com", "blogger.com",
})


def web_outlet(url: str) -> str:
    """The site an article's web address names, as its outlet: the host without its
    subdomains ('https://edition.cnn.com/…' -> 'cnn.com', 'news.bbc.co.uk' -> 'bbc.co.uk'),
    except on a shared portal, where the site is the label in front of it
    ('abcnews.go.com', 'name.substack.com', 'name.blogspot.co.uk'); '' for no address, or
    one without a host name (an IP address, 'localhost')."""
    from urllib.parse import urlsplit

    text = url.strip()
    if not text:
        return ""
    if "://" not in text:
        text = "//" + text  # "www.example.com/story": a host all the same
    try:
        host = (urlsplit(text).hostname or "").rstrip(".")
    except ValueError:
        return ""
    labels = host.split(".")
    if len(labels) < 2 or not labels[-1].isalpha():
        return ""
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _GENERIC_SECOND_LEVEL \
        else 2
    domain = labels[-keep:]
    if ".".join(domain) in _SHARED_PORTALS or domain[0] == "blogspot":
        # The portal's own pages ("www.medium.com/@name") stay the portal.
        site = labels[-keep - 1] if len(labels) > keep else "www"
        if site != "www":
            keep += 1
    return ".".join(labels[-keep:])


# "breitbart_2016-09-12_stealth-over-health", "nyt 20200105 story", "huff-post-2016-09-10":
# an outlet's name, then a date (as scraped corpora and many newsrooms name their files).
_OUTLET_DATE_STEM = re.compile(
    r"(?P<outlet>[^\W\d_][\w.&'+ -]*?)[\s._-]+"
    r"(?P<year>(?:19|20)\d\d)(?P<sep>-?)(?P<month>\d\d)(?P=sep)(?P<day>\d\d)(?:[\s._-].*)?"
)


# The name a file manager or browser gives a copy: "wire story (1).txt", "notes - Copy.txt",
# "notes - Copy (2).txt" (Windows), "notes copy.txt", "notes copy 2.txt" (macOS), "notes
# (copy).txt", "notes (another copy).txt", "notes (3rd copy).txt" (GNOME Files), "notes
# (copy 2).txt".
COPY_STEM = re.compile(r"(?P<base>.+?)(?: \(\d+\)| - copy(?: \(\d+\))?| copy(?: \d+)?"
                       r"| \((?:another |\d+(?:st|nd|rd|th) )?copy(?: \d+)?\))",
                       re.IGNORECASE)


def original_stem(stem: str) -> str:
    """A file's stem without the marks of a copy: 'The Ledger - pool (copy 2)' -> 'The
    Ledger - pool', 'notes - Copy - Copy' -> 'notes'. A copy names the same outlet."""
    while (match := COPY_STEM.fullmatch(stem)) is not None:
        stem = match["base"]
    return stem


def _outlet_date_stem(stem: str) -> re.Match[str] | None:
    match = _OUTLET_DATE_STEM.fullmatch(stem.strip())
    if match is None or not _valid_day(match):
        return None
    # An outlet's name is short; a longer run is a headline's slug ("kremlin-bans-all-resignations").
    return match if len(re.split(r"[\s_-]+", match["outlet"])) <= 4 else None


def _valid_day(match: re.Match[str]) -> bool:
    from datetime import date

    try:
        date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError:
        return False
    return True


def filename_outlet(stem: str) -> str:
    """The outlet a file's name gives when it starts with a name and then a date
    ('breitbart_2016-09-12_stealth-over-health' -> 'breitbart', 'new_york_times-20200105'
    -> 'new york times'), so that one outlet's files are one outlet; '' for any other name
    (the caller then names the outlet by the whole stem)."""
    match = _outlet_date_stem(stem)
    return " ".join(match["outlet"].replace("_", " ").split()) if match else ""


def filename_date(stem: str) -> str:
    """The date (YYYY-MM-DD) in a file name of the form :func:`filename_outlet` reads; ''."""
    match = _outlet_date_stem(stem)
    return f"{match['year']}-{match['month']}-{match['day']}" if match else ""


def _origin_words(origin: str) -> str:
    return {"manifest": "manifest", "table": "corpus file"}.get(origin, f"{origin} export")


def refuse_book_length(text: str) -> None:
    """Raise :class:`ReaderError` when ``text`` is too long to be scored as one article
    (:data:`MAX_ARTICLE_WORDS`)."""
    words = _words_past_limit(text)
    if words:
        raise ReaderError(
            f"too long to be one article ({words:,} words; the limit is "
            f"{MAX_ARTICLE_WORDS:,}): a book, a transcript or many articles in one file? "
            "Split it into articles, or give a corpus file (CSV, one article per row)")


def _words_past_limit(text: str) -> int:
    """The words of ``text`` when they are more than :data:`MAX_ARTICLE_WORDS`, else 0."""
    if len(text) <= MAX_ARTICLE_WORDS * 2:  # fewer words than that, whatever they are
        return 0
    words = len(text.split())
    return words if words > MAX_ARTICLE_WORDS else 0


def max_bytes_for(suffix: str) -> int:
    return MAX_TABLE_BYTES if suffix in TABLE_SUFFIXES else MAX_DOCUMENT_BYTES


def read_document(
    path: Path,
    data: bytes,
    *,
    metadata: Mapping[str, str] | None = None,
    columns: ColumnMapping | None = None,
) -> DocumentRead:
    """The articles in a document, export or corpus file; ReaderError if none can be read."""
    suffix = path.suffix.lower()
    if suffix in TABLE_SUFFIXES:
        return _read_table(path, data, columns)
    if suffix in (".html", ".htm"):
        return _from_export(path, split_factiva_html(data))
    own_headline, own_headline_reason, detected = "", "", {}
    cut = ""  # why the text may end before the document's
    if suffix == ".pdf":
        from models.readers.pdf import read_pdf

        pdf = read_pdf(data)
        lines = pdf.text.split("\n")
        own_headline, own_headline_reason = pdf.headline, WHY_PDF_HEADLINE
        detected = {"url": pdf.url, "printed_url": pdf.site_url}
    elif suffix == ".rtf":
        from models.readers.rtf import read_rtf

        rtf, complete = read_rtf(data)
        lines = rtf.split("\n")
        if not complete:
            cut = ("the RTF file is incomplete: it stops before its end (a download or copy "
                   "cut short?)")
    else:
        lines = _document_lines(suffix, data)
    if suffix in (".docx", ".rtf", ".odt"):
        if is_nexis(lines):
            return _from_export(path, split_nexis(lines))
        if is_factiva_fields(lines):
            return _from_export(path, split_factiva_fields(lines))
    text = "\n\n".join(line for line in (ln.rstrip() for ln in lines) if line.strip())
    if not text.strip():
        if cut:
            raise ReaderError(f"{cut}, and holds no words before it stops; download or copy "
                              "it again")
        raise ReaderError(f"no text: the {_KINDS[suffix]} holds no words")
    refuse_book_length(text)
    given = {k: v.strip() for k, v in (metadata or {}).items() if v and v.strip()}
    notes = [given["note"]] if given.get("note") else []
    article = build_article(
        text,
        article_id=path.stem,
        source=str(path),
        given=given,
        origin="manifest",
        content_hash=hashlib.sha256(data).hexdigest(),
        notes=notes,
        own_headline=own_headline,
        own_headline_reason=own_headline_reason,
        detected=detected,
    )
    return DocumentRead([article], f"{cut}: its text was read as far as it goes" if cut else "")


def _document_lines(suffix: str, data: bytes) -> list[str]:
    if suffix == ".docx":
        from models.readers.office import docx_paragraphs

        return docx_paragraphs(data)
    from models.readers.office import odt_paragraphs

    return odt_paragraphs(data)


def _from_export(path: Path, export: Export) -> DocumentRead:
    if not export.articles:
        detail = f" ({'; '.join(export.problems[:3])})" if export.problems else ""
        raise ReaderError(f"a {export.database} export, but no article could be read from it{detail}")
    total = len(export.articles)
    width = max(3, len(str(total)))
    articles = [
        _export_article(path, export.database, item, number, total, width)
        for number, item in enumerate(export.articles, start=1)
    ]
    problem = ""
    if export.problems:
        shown = "; ".join(export.problems[:5])
        more = len(export.problems) - 5
        problem = f"{export.database} export: {shown}" + (f"; and {more} more" if more > 0 else "")
    return DocumentRead(articles, problem)


def _export_article(
    path: Path, database: str, item: ExportedArticle, number: int, total: int, width: int
) -> Article:
    body = "\n\n".join(item.paragraphs)
    text = f"{item.headline}\n\n{body}" if item.headline else body
    notes = [f"article {number} of {total} in a {database} export"]
    if item.byline:
        notes.append(f"byline: {item.byline}")
    if item.document_id:
        notes.append(f"document {item.document_id}")
    given = {"headline": item.headline, "outlet": item.outlet, "date": item.date}
    return build_article(
        text,
        article_id=f"{path.stem}-{number:0{width}d}",
        source=str(path),
        given={k: v for k, v in given.items() if v},
        origin="nexis" if database == "Nexis Uni" else "factiva",
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        notes=notes + list(item.notes),
    )


def _read_table(path: Path, data: bytes, columns: ColumnMapping | None) -> DocumentRead:
    table = read_table(data, path.suffix.lower())
    mapping = resolve_columns(table, columns)
    rows, problems = table_rows(table, mapping)
    if not rows:
        detail = f" ({'; '.join(problems)})" if problems else ""
        raise ReaderError(f"no article in this file: no row has text in column '{mapping.text}'{detail}")
    # A row as long as a book is refused as a file of one article is (its scoring would
    # hold back every other article for many minutes); the other rows are read.
    too_long = [(row.number, words) for row in rows if (words := _words_past_limit(row.text))]
    if too_long:
        rows = [row for row in rows if not _words_past_limit(row.text)]
        unit = table.unit
        if len(too_long) == 1:
            (number, words), = too_long
            problems.append(f"{unit} {number} too long to be one article ({words:,} words; "
                            f"the limit is {MAX_ARTICLE_WORDS:,}); skipped")
        else:
            shown = ", ".join(str(number) for number, _ in too_long[:5])
            more = " …" if len(too_long) > 5 else ""
            problems.append(f"{len(too_long)} {unit}s too long to be one article ({unit}s "
                            f"{shown}{more}: more than {MAX_ARTICLE_WORDS:,} words each); skipped")
        if not rows:
            raise ReaderError(f"no article in this file: {problems[-1].removesuffix('; skipped')}")
    width = max(3, len(str(len(rows))))
    from models.readers.layout import numeric_date_order

    order = numeric_date_order(row.date for row in rows)
    articles: list[Article] = []
    for number, row in enumerate(rows, start=1):
        text = plain_cell(row.text.replace("\r\n", "\n").replace("\r", "\n")).strip("\n")
        headline = " ".join(plain_cell(row.headline).split())
        if headline and not text.lstrip().startswith(headline):
            text = f"{headline}\n\n{text}"
        given = {"headline": headline, "outlet": row.outlet, "date": _date(row.date, order), "url": row.url}
        articles.append(
            build_article(
                text,
                article_id=f"{path.stem}-{number:0{width}d}",
                source=str(path),
                given={k: v for k, v in given.items() if v},
                origin="table",
                content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
                notes=[f"{table.unit} {row.number} of {path.name}"],
            )
        )
    return DocumentRead(articles, "; ".join(problems))


# The markup of a web page kept in a corpus file's cell, as scrapers and news APIs export
# an article's body: HTML's own element names only, so that PolNeAR's "<tweet …>" lines
# stay for the layout to set aside as an embedded post.
_HTML_ELEMENTS = (
    r"p|br|div|span|a|b|i|u|em|strong|small|sup|sub|h[1-6]|ul|ol|li|blockquote|q|cite|"
    r"figure|figcaption|img|picture|source|section|article|header|footer|aside|nav|main|"
    r"table|thead|tbody|tr|td|th|hr|pre|code|abbr|time|mark|font|center|iframe|video|audio"
)
_HTML_TAG = re.compile(rf"</?(?:{_HTML_ELEMENTS})\b[^<>]*>", re.IGNORECASE)
_HTML_BLOCK_END = re.compile(
    r"</(?:p|div|h[1-6]|li|blockquote|figcaption|section|article|header|footer|tr|pre)\s*>"
    r"|<(?:p|div|h[1-6]|li|blockquote|section|article|tr|hr)\b[^<>]*>", re.IGNORECASE)
_HTML_BREAK = re.compile(r"<br\b[^<>]*>", re.IGNORECASE)
_HTML_HIDDEN = re.compile(r"<(script|style|noscript)\b[^<>]*>.*?</\1\s*>",
                          re.IGNORECASE | re.DOTALL)
_HTML_ENTITY = re.compile(r"&(?:[a-z][a-z0-9]{1,7}|#[0-9]{1,7}|#x[0-9a-f]{1,6});", re.IGNORECASE)


def plain_cell(value: str) -> str:
    """A corpus cell's text without the HTML a scraper left in it: paragraphs and line
    breaks as blank lines and line breaks, other tags taken out, entities ("&amp;",
    "&#8217;") as their characters. Scored as it was, "<p>Officials said" counted tags as
    words and the paragraphs ran into one sentence (audit s34). A cell without markup is
    returned as it is."""
    if "<" not in value and "&" not in value:
        return value
    if _HTML_TAG.search(value) is None and _HTML_ENTITY.search(value) is None:
        return value
    import html

    text = _HTML_HIDDEN.sub("", value)
    text = _HTML_BREAK.sub("\n", text)
    text = _HTML_BLOCK_END.sub("\n\n", text)
    text = _HTML_TAG.sub("", text)
    text = html.unescape(text).replace("\xa0", " ")
    text = re.sub(r"[ \t]*\n[ \t]*", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _date(value: str, order: str = "") -> str:
    """A corpus file's date as ``YYYY-MM-DD`` where it can be read (named months, ISO, or
    figures in the column's ``order``: :func:`~models.readers.layout.numeric_date_order`),
    else as written. A column of "09/13/2016" and "20160917" stayed as written beside the
    ISO dates of "14 September 2016", and could not be sorted (audit s34)."""
    from models.readers.layout import parse_date, parse_numeric_date

    return parse_date(value) or parse_numeric_date(value, order) or value.strip()
