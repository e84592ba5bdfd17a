"""PDF files: the text layer, page by page, via pypdf.

Only text a PDF carries is read; there is no OCR. A PDF whose pages carry no
text (a scan: the pages are pictures) gets a message saying so. A PDF with a
password is tried with the empty password (many "protected" PDFs only
restrict printing); if that fails it is refused with a message. Lines broken
with a hyphen inside a word ("informa-" + "tion") are joined again; pages are
separated by a blank line.

A PDF has no paragraphs, only lines placed on a page, so the lines of one
paragraph are put together again from where they stand (:func:`_paragraphs`):
without that every printed line was a paragraph of its own, and a sentence
wrapped over two lines was read as two sentences. Typographic ligatures
("ﬁ", "ﬀ") are given as their letters, and tabs or runs of spaces between
words as one space, so the lexicons' words are found in them.

A page printed by a browser (or any program) carries page furniture that is not
the article: the print date and the page's title in the top margin, its web
address and "1/3" or "Page 2 of 5" in the bottom margin, a running head or a
page number. :func:`_furniture` drops it: a line among the two at the very
top or the two at the very bottom of a page (by where they stand, not by the
order they are drawn in: Chromium draws its header and footer last) that

- repeats at that edge, in the same size, on at least half of the pages (digits
  aside, so "1/3" and "2/3" are the same line), on two pages or more; or on two
  pages or more with a page number at its start or end (a chapter's running
  head, "Chapter 3: Utilities 6"); and is set in another size than the body
  text or is short (at most ten words): a paragraph that starts every page is
  body;
- or is a page number alone ("3", "1/3", "Page 2 of 5", "- 4 -");
- or holds a web address, a print date-time stamp ("11/23/26, 12:52 AM") or a
  page number ("1 of 2") and is set smaller than the body text, or in another
  size and is the page's very first or last line (a browser prints its
  furniture in 8 or 10 point, whatever the page's type; "X Desktop Group
  (http://…)" under a title is not furniture): a one-page print has nothing
  to repeat.

Body text is never dropped for repeating: only lines at the page's edges are
looked at. The web address printed in the furniture is the article's address
(:attr:`PdfText.url`), which gives the outlet where the file names none. A PDF
made by a browser breaks lines only at a hyphen the text has ("high-" +
"ranking"), so there the hyphen stays.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from models.readers.layout import TITLE_PAGE_NUMBER
from models.readers.text import ReaderError, parser_words

NO_TEXT_LAYER = (
    "no text in this PDF: its pages look scanned (pictures of text); run OCR on it first "
    "(for example with OCRmyPDF) and drop the result"
)
ENCRYPTED = "this PDF is password-protected; open it, save a copy without a password, and drop that"
NOT_PDF = "not a PDF file: it does not start with %PDF"
# More pages than this are not one article or one export (pages).
MAX_PAGES = 5000

_HYPHENATED = re.compile(r"(?<=[^\W\d_])-\n(?=[a-z])")
# Latin ligatures (U+FB00-FB06) as their letters: "conﬁdent" is "confident".
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
                            "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"})
_SPACES = re.compile(r"[ \t]+")
# A line goes on the paragraph of the line above it when it is set in the same size, no
# further below it than this times the page's closest line spacing for that size, and the
# line above is not short (a paragraph's last line, a headline or a crosshead).
_LINE_GAP = 1.3
_SHORT_LINE = 0.6  # of the longest line of that size on the page (characters)
# Nor is it further below than this times its font size: two lines of one size far apart
# (a print header and footer, the only lines in their size) are not one paragraph.
_MAX_LINE_SPACING = 2.5

# Page furniture: how many lines at a page's top and at its bottom are looked at, and on what
# share of the pages a line must repeat there.
_EDGE_LINES = 2
_REPEATED_ON = 0.5
_HEAD_WORDS = 10  # a running head in the body's size is no longer than this
_OTHER_SIZE = 0.05  # "set in another size than the body text": differs by more than this share
_PAGE_NUMBER = re.compile(
    r"(?:page\s*)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?|[-–]\s*\d{1,4}\s*[-–]", re.IGNORECASE
)
# A running head with its page number: "Chapter 3: Utilities 6", "12 Shared MIME-info Database".
_NUMBERED_HEAD = re.compile(r"^\d{1,4}\s+\S|\S\s+\d{1,4}$")
_PAGE_OF = re.compile(r"(?<![\w/.])\d{1,4}\s*(?:/|of)\s*\d{1,4}(?![\w/.])", re.IGNORECASE)
_WEB_ADDRESS = re.compile(r"(?:https?://|www\.)[^\s]+", re.IGNORECASE)
# "11/23/26, 12:52 AM" (Chrome), "11/23/26, 00:58" (Firefox), "23.11.2026, 00:58", "2026-11-23 00:58"
_PRINT_STAMP = re.compile(
    r"\b(?:\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}),?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]\.?M\.?)?",
    re.IGNORECASE,
)
_TRUNCATED = ("...", "…")
_WORD_HYPHEN = re.compile(r"[^\W\d_]-$")
_SENTENCE_END = re.compile(r"[.!?:;…][\"'”’)\]]*$")
_CONTINUED_WORDS = 5  # a shorter last line is a label or a caption, not a cut paragraph
# A headline is set in type at least this many times the body text's size.
_HEADLINE_SIZE = 1.3
# Who made the PDF (its Producer or Creator): a browser breaks a line only after a hyphen
# that is in the text, so a hyphen there is part of a word ("high-ranking").
_BROWSER = re.compile(r"Skia/PDF|HeadlessChrome|Chrome/|Chromium|Firefox|Safari|Edg/|Opera")


@dataclass(frozen=True, slots=True)
class PdfText:
    """What :func:`read_pdf` gives: the text (pages separated by a blank line), the web
    address printed in its page furniture ('' for none) and the first page's headline by its
    type ('' for none). ``url`` is whole only when the furniture shows it whole; ``site_url``
    is the address as printed, perhaps cut short ("http://www.example.com/2023/05/kremlin-tel..."):
    its host still names the site."""

    text: str
    url: str = ""
    site_url: str = ""
    headline: str = ""


@dataclass(slots=True)
class _Line:
    text: str
    y: float  # baseline height on the page (PDF units, upwards)
    size: float  # font size (PDF units)


def pdf_text(data: bytes) -> str:
    """The text of every page, pages separated by a blank line; ReaderError with a reason."""
    return read_pdf(data).text


def read_pdf(data: bytes) -> PdfText:
    """The text of every page without its page furniture, and the web address printed in
    that furniture; ReaderError with a reason."""
    if b"%PDF-" not in data[:1024]:
        raise ReaderError(NOT_PDF)
    from pypdf import PdfReader  # imported only when a PDF is read
    from pypdf.errors import DependencyError, FileNotDecryptedError

    # pypdf reports recoverable damage through logging; the user gets one message instead.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                unlocked = reader.decrypt("")
            except (DependencyError, NotImplementedError):
                raise ReaderError(ENCRYPTED) from None
            if not unlocked:
                raise ReaderError(ENCRYPTED)
        count = len(reader.pages)
        if count > MAX_PAGES:
            raise ReaderError(f"too many pages ({count}; the limit is {MAX_PAGES})")
        pages = [_page_lines(page) for page in reader.pages]
        browser = _made_by_browser(reader)
    except ReaderError:
        raise
    except FileNotDecryptedError:
        raise ReaderError(ENCRYPTED) from None
    except RecursionError:
        raise ReaderError("the PDF could not be read: its structure is nested too deeply") from None
    except Exception as error:  # an untrusted file in a third-party parser: one bad PDF must not stop a batch
        if b"%%EOF" not in data[-2048:]:
            # Every PDF ends with %%EOF: this one stops short, as a download cut off does
            # ("damaged" alone left a teacher guessing why, ux28).
            raise ReaderError("the PDF is incomplete: it stops before its end (a download "
                              "cut short?), so it could not be read; download it again",
                              parser_words(error)) from None
        # pypdf's class name ended the reason ("(PdfReadError)"): words for a developer,
        # who finds them in the log (s32).
        raise ReaderError("the PDF is damaged and could not be read; download it again, or "
                          "open it in a PDF viewer and save it as a new PDF",
                          parser_words(error)) from None
    if count == 0:
        raise ReaderError("the PDF has no pages")
    dropped = _furniture(pages)
    printed = (_WEB_ADDRESS.search(line.text) for line in dropped)
    site_url = next((match.group() for match in printed if match), "").rstrip(",;)")
    gone = {id(line) for line in dropped}
    paragraphs = [_page_text([line for line in lines if id(line) not in gone], browser)
                  for lines in pages]
    _join_across_pages(paragraphs, browser)
    texts = [_clean("\n".join(text for text, _size in page), browser) for page in paragraphs]
    if not any(page.strip() for page in texts):
        raise ReaderError(NO_TEXT_LAYER)
    first = next((page for page, text in zip(paragraphs, texts, strict=True) if text.strip()), [])
    whole = site_url if not site_url.endswith(_TRUNCATED) else ""
    return PdfText(
        "\n\n".join(page.strip("\n") for page in texts if page.strip()),
        url=whole,
        site_url=site_url.rstrip(".…"),
        headline=_clean(_headline(first, _body_size(pages)), browser),
    )


def _made_by_browser(reader: Any) -> bool:
    try:
        info = reader.metadata or {}
        made_by = f"{info.get('/Producer', '')} {info.get('/Creator', '')}"
    except Exception:  # damaged metadata says nothing about the text
        return False
    return _BROWSER.search(made_by) is not None


def _clean(page: str, browser: bool = False) -> str:
    page = page.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return page if browser else _HYPHENATED.sub("", page)


# A page's lines: each a _Line where the lines' places on the page are known, else a str.
_Page = list["_Line | str"]


def _page_lines(page: Any) -> _Page:
    """One page's lines, each with its baseline and font size when they can be told."""
    placed: list[tuple[float, float]] = []  # (baseline height, font size) of each text run
    unplaced: list[str] = []  # runs whose place could not be told: lines are kept as they are

    def visit(text: str, cm: Any, tm: Any, _font: Any, size: Any) -> None:
        if not text.strip():
            return
        try:
            y = float(tm[4] * cm[1] + tm[5] * cm[3] + cm[5])
            scale = (tm[2] ** 2 + tm[3] ** 2) ** 0.5 * (cm[2] ** 2 + cm[3] ** 2) ** 0.5
            placed.append((y, abs(float(size) * scale)))
        except (TypeError, ValueError, IndexError, OverflowError):
            unplaced.append(text)

    text = page.extract_text(visitor_text=visit) or ""
    lines = [_SPACES.sub(" ", line.translate(_LIGATURES)).strip()
             for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [line for line in lines if line]
    places = _line_places(placed)
    if unplaced or len(places) != len(lines):
        return list(lines)
    return [_Line(line, y, size) for line, (y, size) in zip(lines, places, strict=True)]


def _page_text(lines: list[_Line | str], browser: bool = False) -> list[tuple[str, float]]:
    """One page's paragraphs with their font sizes (0 where unknown)."""
    if not all(isinstance(line, _Line) for line in lines):
        return [(line.text if isinstance(line, _Line) else line, 0.0) for line in lines]
    placed = [line for line in lines if isinstance(line, _Line)]
    return _paragraphs([line.text for line in placed],
                       [(line.y, line.size) for line in placed], browser)


def _furniture(pages: list[_Page]) -> list[_Line]:
    """The page furniture of every page, in page order."""
    body_size = _body_size(pages)
    edges: list[list[_Line]] = []
    outermost: set[int] = set()  # the very top and bottom line of each page (ids)
    for lines in pages:
        placed = [line for line in lines if isinstance(line, _Line)]
        if len(placed) != len(lines) or not placed:
            edges.append([])
            continue
        by_height = sorted(placed, key=lambda line: -line.y)
        top, bottom = by_height[:_EDGE_LINES], by_height[-_EDGE_LINES:]
        edges.append([*top, *(line for line in bottom if all(line is not t for t in top))])
        outermost.update((id(by_height[0]), id(by_height[-1])))
    shapes = Counter(shape for shape_set in ({_shape(line) for line in edge} for edge in edges)
                     for shape in shape_set)
    pages_with_lines = sum(1 for lines in pages if lines)
    repeated_on = max(2, _REPEATED_ON * pages_with_lines)
    dropped: list[_Line] = []
    for edge in edges:
        for line in edge:
            text = line.text
            repeated = shapes[_shape(line)]
            if (
                (repeated >= repeated_on and _unlike_body(line, body_size))
                or (repeated >= 2 and _NUMBERED_HEAD.search(text) is not None
                    and _unlike_body(line, body_size))
                or _PAGE_NUMBER.fullmatch(text.strip()) is not None
                or (_looks_printed(_without_title_page(line, body_size)) and (
                    line.size < (1 - _OTHER_SIZE) * body_size
                    or (_other_size(line, body_size) and id(line) in outermost)))
            ):
                dropped.append(line)
    return dropped


def _shape(line: _Line) -> tuple[str, int]:
    """A line with its digits as '#', and its size: a page's header or footer is the same on
    every page (a running head in the title's words is not the title in large type)."""
    return re.sub(r"\d+", "#", " ".join(line.text.split())).casefold(), round(line.size)


def _other_size(line: _Line, body_size: float) -> bool:
    return body_size > 0 and abs(line.size - body_size) > _OTHER_SIZE * body_size


def _unlike_body(line: _Line, body_size: float) -> bool:
    """Not a line of body text: set in another size, or short (a running head). A body
    paragraph that happens to start every page is neither."""
    return _other_size(line, body_size) or len(line.text.split()) <= _HEAD_WORDS


def _without_title_page(line: _Line, body_size: float) -> str:
    """A line's text, without the page number that ends a headline in large type: "Story -
    Page 2 of 3" at the top of a story's second page is its headline, not a browser's
    footer ("1 of 2" in 8 point), so the line is no page furniture for that number."""
    if body_size > 0 and line.size >= _HEADLINE_SIZE * body_size:
        return TITLE_PAGE_NUMBER.sub("", line.text)
    return line.text


def _looks_printed(text: str) -> bool:
    return any(p.search(text) for p in (_WEB_ADDRESS, _PRINT_STAMP, _PAGE_OF))


def _body_size(pages: list[_Page]) -> float:
    """The font size most of the text is set in (by characters); 0 when unknown."""
    sizes: Counter[float] = Counter()
    for lines in pages:
        for line in lines:
            if isinstance(line, _Line):
                sizes[round(line.size, 1)] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _line_places(placed: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The (baseline height, font size) of each line: runs on one baseline are one line."""
    lines: list[tuple[float, float]] = []
    for y, size in placed:
        if lines and abs(y - lines[-1][0]) <= 0.3 * max(size, lines[-1][1], 1.0):
            lines[-1] = (lines[-1][0], max(size, lines[-1][1]))
        else:
            lines.append((y, size))
    return lines


def _size_key(table: dict[float, Any], size: float) -> float:
    """The key of ``table`` for ``size``: a font size within 5% of it, else ``size``."""
    return next((k for k in table if abs(k - size) <= 0.05 * max(k, size)), size)


def _paragraphs(
    lines: list[str], places: list[tuple[float, float]], browser: bool = False
) -> list[tuple[str, float]]:
    """The lines joined into paragraphs, by where each line stands on the page (``places``,
    one per line, top to bottom), each with its font size; each line its own paragraph
    when the places cannot be matched to the lines one to one."""
    if len(places) != len(lines):
        return [(line, 0.0) for line in lines]
    if len(lines) < 2:
        return [(line, size) for line, (_y, size) in zip(lines, places, strict=True)]
    closest: dict[float, float] = {}  # font size -> the smallest spacing between its lines
    longest: dict[float, int] = {}  # font size -> its longest line (characters)
    for (y, size), (next_y, next_size) in pairwise(places):
        key = _size_key(closest, size)
        if _size_key({key: 0}, next_size) == key and y - next_y > 0:
            closest[key] = min(closest.get(key, y - next_y), y - next_y)
    for line, (_y, size) in zip(lines, places, strict=True):
        key = _size_key(longest, size)
        longest[key] = max(longest.get(key, 0), len(line))

    paragraphs = [lines[0]]
    sizes = [places[0][1]]
    for i in range(1, len(lines)):
        (y, size), (next_y, next_size) = places[i - 1], places[i]
        same_paragraph = (
            _size_key({size: 0}, next_size) == size
            and 0 < y - next_y <= _LINE_GAP * closest.get(_size_key(closest, size), 0.0)
            and y - next_y <= _MAX_LINE_SPACING * size
            and len(lines[i - 1]) >= _SHORT_LINE * longest.get(_size_key(longest, size), 0)
        )
        if same_paragraph and browser and _WORD_HYPHEN.search(paragraphs[-1]):
            paragraphs[-1] += lines[i]  # "high-" + "ranking": the hyphen is the word's
        elif same_paragraph:
            joined = _HYPHENATED.sub("", paragraphs[-1] + "\n" + lines[i])
            paragraphs[-1] = joined.replace("\n", " ")
        else:
            paragraphs.append(lines[i])
            sizes.append(next_size)
    return list(zip(paragraphs, sizes, strict=True))


def _join_across_pages(pages: list[list[tuple[str, float]]], browser: bool) -> None:
    """A paragraph cut by a page break goes on at the top of the next page: a page's last
    paragraph that ends without a sentence's end goes on the next page's first one when both
    are set in the same size (known) ("… officials said" + "they wanted to resign …")."""
    previous: list[tuple[str, float]] | None = None
    for page in pages:
        if not page:
            continue
        if previous:
            text, size = previous[-1]
            following, following_size = page[0]
            if (
                size > 0
                and abs(size - following_size) <= 0.05 * max(size, following_size)
                and len(text.split()) >= _CONTINUED_WORDS
                and not _SENTENCE_END.search(text)
            ):
                word_hyphen = browser and _WORD_HYPHEN.search(text)
                joined = text + following if word_hyphen else \
                    _HYPHENATED.sub("", text + "\n" + following).replace("\n", " ")
                previous[-1] = (joined, size)
                del page[0]
                if not page:
                    continue
        previous = page


def _headline(paragraphs: list[tuple[str, float]], body_size: float) -> str:
    """The first page's headline: its paragraph in the largest type, set well above the body
    text's size, of 3-30 words, before the first long paragraph; '' for none."""
    if body_size <= 0 or not paragraphs:
        return ""
    largest = max(size for _text, size in paragraphs)
    if largest < _HEADLINE_SIZE * body_size:
        return ""
    for text, size in paragraphs:
        if size == largest and 3 <= len(text.split()) <= 30:
            return text
        if len(text.split()) >= 40:
            return ""
    return ""
