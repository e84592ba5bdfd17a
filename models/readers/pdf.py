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
"""

from __future__ import annotations

import io
import logging
import re
from itertools import pairwise
from typing import Any

from models.readers.text import ReaderError

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


def pdf_text(data: bytes) -> str:
    """The text of every page, pages separated by a blank line; ReaderError with a reason."""
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
        pages = [_page_text(page) for page in reader.pages]
    except ReaderError:
        raise
    except FileNotDecryptedError:
        raise ReaderError(ENCRYPTED) from None
    except RecursionError:
        raise ReaderError("the PDF could not be read: its structure is nested too deeply") from None
    except Exception as error:  # an untrusted file in a third-party parser: one bad PDF must not stop a batch
        raise ReaderError(f"the PDF is damaged and could not be read ({type(error).__name__})") from None
    if count == 0:
        raise ReaderError("the PDF has no pages")
    cleaned = [_clean(page) for page in pages]
    if not any(page.strip() for page in cleaned):
        raise ReaderError(NO_TEXT_LAYER)
    return "\n\n".join(page.strip("\n") for page in cleaned if page.strip())


def _clean(page: str) -> str:
    page = page.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return _HYPHENATED.sub("", page)


def _page_text(page: Any) -> str:
    """One page's text, one paragraph per line."""
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
    if unplaced:
        return "\n".join(lines)
    return "\n".join(_paragraphs(lines, _line_places(placed)))


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


def _paragraphs(lines: list[str], places: list[tuple[float, float]]) -> list[str]:
    """The lines joined into paragraphs, by where each line stands on the page (``places``,
    one per line, top to bottom); each line its own paragraph when the places cannot be
    matched to the lines one to one."""
    if len(places) != len(lines) or len(lines) < 2:
        return lines
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
    for i in range(1, len(lines)):
        (y, size), (next_y, next_size) = places[i - 1], places[i]
        same_paragraph = (
            _size_key({size: 0}, next_size) == size
            and 0 < y - next_y <= _LINE_GAP * closest.get(_size_key(closest, size), 0.0)
            and len(lines[i - 1]) >= _SHORT_LINE * longest.get(_size_key(longest, size), 0)
        )
        if same_paragraph:
            joined = _HYPHENATED.sub("", paragraphs[-1] + "\n" + lines[i])
            paragraphs[-1] = joined.replace("\n", " ")
        else:
            paragraphs.append(lines[i])
    return paragraphs
