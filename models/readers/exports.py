"""Exports from news databases, split into articles with their metadata.

**Nexis Uni** (DOCX and RTF "full document" downloads, several documents in
one file). Layout followed, as documented by the R package LexisNexisTools
(Gruber, ``lnt_read``; github.com/JBGruber/LexisNexisTools) and Leiden
University Libraries' *nexis-analysis* (github.com/LeidenUniversityLibrary/
nexis-analysis): an optional cover page ("Documents (N)", "Client/Matter",
"Search Terms"...), then per document: the title; the publication; the date
line ("May 18, 2023 Thursday 10:00 PM GMT"); a copyright line; labelled
lines "Section:", "Length: 734 words", "Byline:", "Highlight:",
"Dateline:"; the line "Body" and the paragraphs; then "Classification" (or
"Graphic", "Notes") with "Language:", "Subject:", "Load-Date:"...; and the
line "End of Document" between documents.

**Factiva** (RTF with "Full Article/Report plus Indexing", and the HTML
page saved from the results). RTF: each field starts with its two- or
three-letter code on a line of its own (or in a table cell before it): HD
headline, BY byline, WC word count, PD date, SN source name, LP lead
paragraphs, TD the rest of the text, AN the accession number ("Document
GRDN000020230518ej5i0002x") that ends the article; CO, IN, NS, RE, IPC, PUB,
SC, LA, CY, ED, PG, ET... are kept out of the text. HTML: as parsed by the R
package *newspapers* (Watanabe; github.com/koheiw/newspapers,
``import_factiva``): a ``div`` of class ``article`` per article, its headline
in ``span.enHeadline`` (inside ``div#hd``), attribute-less ``div``s with
"734 words", the date and the source name in that order, a ``div.author``
byline, ``p.articleParagraph`` paragraphs, and "Document ..." at the end.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from models.readers.layout import parse_date
from models.readers.text import ReaderError, parser_words


@dataclass(slots=True)
class ExportedArticle:
    """One article of a database export: its headline, paragraphs and metadata."""

    headline: str
    paragraphs: list[str]
    outlet: str = ""
    date: str = ""
    byline: str = ""
    length: str = ""
    document_id: str = ""
    notes: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Export:
    """The articles of an export and the documents in it that could not be split out."""

    database: str  # "Nexis Uni" or "Factiva"
    articles: list[ExportedArticle] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


# --- Nexis Uni ------------------------------------------------------------------

_END_OF_DOCUMENT = "end of document"
_BODY = "body"
_AFTER_BODY = ("classification", "graphic", "notes", "load-date:", "language:", "end of document")
_NEXIS_FIELD = re.compile(r"^(Section|Length|Byline|Highlight|Dateline|Edition|Version|Journal Code)\s*:\s*(.*)$")
_COPYRIGHT = re.compile(r"^(?:Copyright\b|©|\(c\)\s)", re.IGNORECASE)
_COVER = re.compile(
    r"^(?:Documents?\s*\(\d+\)|Client/Matter:|Search Terms?:|Search Type:|Narrowed by:|"
    r"Content Type|User Name:|Date and Time:|Job Number:|\d+\.\s)",
    re.IGNORECASE,
)


def is_nexis(lines: Sequence[str]) -> bool:
    """True when the lines look like a Nexis Uni export ("End of Document" after "Body")."""
    stripped = [line.strip().lower() for line in lines]
    return _END_OF_DOCUMENT in stripped and _BODY in stripped


def split_nexis(lines: Sequence[str]) -> Export:
    export = Export("Nexis Uni")
    chunk: list[str] = []
    number = 0
    for line in [*lines, "End of Document"]:
        if line.strip().lower() == _END_OF_DOCUMENT:
            if any(part.strip() for part in chunk):
                number += 1
                try:
                    export.articles.append(_nexis_article(chunk))
                except ReaderError as error:
                    export.problems.append(f"document {number}: {error}")
            chunk = []
        else:
            chunk.append(line)
    return export


def _nexis_article(chunk: Sequence[str]) -> ExportedArticle:
    lines = [line.strip() for line in chunk]
    lower = [line.lower() for line in lines]
    if _BODY not in lower:
        raise ReaderError("no 'Body' line, so its text could not be found; skipped")
    body_at = lower.index(_BODY)
    end = next(
        (i for i in range(body_at + 1, len(lines))
         if lower[i] in _AFTER_BODY[:3] or lower[i].startswith(_AFTER_BODY[3:])),
        len(lines),
    )
    paragraphs = [line for line in lines[body_at + 1 : end] if line]
    if not paragraphs:
        raise ReaderError("its body is empty; skipped")
    fields: dict[str, str] = {}
    plain: list[tuple[int, str]] = []  # (line number, line) of unlabelled header lines
    for index, line in enumerate(lines[:body_at]):
        match = _NEXIS_FIELD.match(line)
        if match:
            fields[match.group(1).lower()] = match.group(2).strip()
        elif line and not _COPYRIGHT.match(line):
            plain.append((index, line))
    date_at = next(
        (k for k, (_, line) in enumerate(plain)
         if len(line) <= 80 and _starts_like_date(line) and parse_date(line)),
        None,
    )
    headline = outlet = date = ""
    if date_at is not None:
        date = parse_date(plain[date_at][1])
        before = [line for _, line in plain[:date_at] if not _COVER.match(line)]
        if len(before) >= 2:
            headline, outlet = before[-2], before[-1]
        elif before:
            outlet = before[-1]
    else:
        rest = [line for _, line in plain if not _COVER.match(line)]
        headline = rest[0] if rest else ""
        outlet = rest[1] if len(rest) > 1 else ""
    return ExportedArticle(
        headline=headline,
        paragraphs=paragraphs,
        outlet=outlet,
        date=date,
        byline=fields.get("byline", ""),
        length=fields.get("length", ""),
    )


_DATE_START = re.compile(
    r"^(?:\d{1,4}\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b)",
    re.IGNORECASE,
)


def _starts_like_date(line: str) -> bool:
    return _DATE_START.match(line) is not None


# --- Factiva: field codes (RTF, text) --------------------------------------------

_FACTIVA_CODES = frozenset({
    "HD", "BY", "CR", "WC", "PD", "ET", "SN", "SC", "ED", "PG", "LA", "CY", "LP", "TD", "CT",
    "RF", "CO", "IN", "NS", "RE", "IPC", "IPD", "PUB", "AN", "SE", "CLM", "ART", "VOL", "HLP",
})
_TEXT_CODES = ("LP", "TD")
_FIELD_LINE = re.compile(r"^\s*([A-Z]{2,3})\s*(?:\t(.*))?$")
_DOCUMENT_ID = re.compile(r"^\s*Document\s+([A-Za-z0-9]{10,})\s*$")


def is_factiva_fields(lines: Sequence[str]) -> bool:
    """True when the lines carry Factiva field codes (HD, and LP or TD, and AN or a Document id)."""
    codes = set()
    for line in lines:
        match = _FIELD_LINE.match(line)
        if match and match.group(1) in _FACTIVA_CODES:
            codes.add(match.group(1))
    return "HD" in codes and bool(codes & {"LP", "TD"}) and ("AN" in codes or "PD" in codes)


def split_factiva_fields(lines: Sequence[str]) -> Export:
    export = Export("Factiva")
    current: dict[str, list[str]] | None = None
    code = ""
    number = 0

    def finish() -> None:
        nonlocal current, number
        if current is not None:
            number += 1
            try:
                export.articles.append(_factiva_article(current))
            except ReaderError as error:
                export.problems.append(f"article {number}: {error}")
        current = None

    for line in lines:
        match = _FIELD_LINE.match(line)
        if match and match.group(1) in _FACTIVA_CODES:
            code = match.group(1)
            if code == "HD":
                finish()
                current = {}
            if current is None:
                continue
            current.setdefault(code, [])
            if match.group(2) and match.group(2).strip():
                current[code].append(match.group(2).strip())
            continue
        if current is None:
            continue
        if code == "AN" and _DOCUMENT_ID.match(line):
            current.setdefault("AN", []).append(line.strip())
            finish()
            code = ""
            continue
        if line.strip():
            current.setdefault(code, []).append(line.strip())
    finish()
    return export


def _factiva_article(fields: dict[str, list[str]]) -> ExportedArticle:
    paragraphs = [p for code in _TEXT_CODES for p in fields.get(code, [])]
    if not paragraphs:
        raise ReaderError("no text (LP or TD); skipped")
    document = " ".join(fields.get("AN", []))
    id_match = re.search(r"Document\s+(\S+)", document)
    return ExportedArticle(
        headline=" ".join(fields.get("HD", [])),
        paragraphs=paragraphs,
        outlet=" ".join(fields.get("SN", [])),
        date=parse_date(" ".join(fields.get("PD", []))),
        byline=" ".join(fields.get("BY", [])),
        length=" ".join(fields.get("WC", [])),
        document_id=id_match.group(1) if id_match else document,
    )


# --- Factiva: HTML ------------------------------------------------------------------

_WORDS = re.compile(r"^\s*[\d,.]+\s+(?:words|Wörter|mots|palabras|parole|woorden)\s*$", re.IGNORECASE)


def is_factiva_html(data: bytes) -> bool:
    head = data[:2_000_000]
    return b"articleParagraph" in head and re.search(rb"class=\"[^\"]*\barticle\b", head, re.IGNORECASE) is not None


def split_factiva_html(data: bytes) -> Export:
    import lxml.html  # lxml comes with trafilatura

    export = Export("Factiva")
    try:
        root = lxml.html.fromstring(data)
    except (ValueError, TypeError, lxml.etree.ParserError) as error:
        raise ReaderError("the Factiva page is damaged and could not be read; export the "
                          "articles from Factiva again", parser_words(error)) from None
    nodes = root.xpath('//div[contains(concat(" ", normalize-space(@class), " "), " article ")]')
    for number, node in enumerate(nodes, start=1):
        paragraphs = [" ".join(p.text_content().split())
                      for p in node.xpath('.//p[contains(@class, "articleParagraph")]')]
        paragraphs = [p for p in paragraphs if p]
        if not paragraphs:
            export.problems.append(f"article {number}: no paragraphs of text; skipped")
            continue
        headline_nodes = node.xpath('.//*[contains(@class, "Headline")] | .//div[@id="hd"]')
        headline = " ".join(headline_nodes[0].text_content().split()) if headline_nodes else ""
        plain = [" ".join(d.text_content().split()) for d in node.xpath('.//div[not(@*)]')]
        article = ExportedArticle(headline=headline, paragraphs=paragraphs)
        words_at = next((i for i, v in enumerate(plain) if _WORDS.match(v)), None)
        if words_at is not None:
            article.length = plain[words_at]
            following = plain[words_at + 1 : words_at + 3]
            if following:
                article.date = parse_date(following[0])
            if len(following) > 1:
                article.outlet = following[1]
        author = node.xpath('.//div[contains(@class, "author")]')
        if author:
            article.byline = " ".join(author[0].text_content().split())
        for value in plain:
            id_match = _DOCUMENT_ID.match(value)
            if id_match:
                article.document_id = id_match.group(1)
        export.articles.append(article)
    return export
