"""PDF files: the text layer, page by page, via pypdf.

Only text a PDF carries is read; there is no OCR. A PDF whose pages carry no
text (a scan: the pages are pictures) gets a message saying so. A PDF with a
password is tried with the empty password (many "protected" PDFs only
restrict printing); if that fails it is refused with a message. Lines broken
with a hyphen inside a word ("informa-" + "tion") are joined again; pages are
separated by a blank line.
"""

from __future__ import annotations

import io
import logging
import re

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
        pages = [(page.extract_text() or "") for page in reader.pages]
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
