"""Paths -> Articles: files and folders, with their layout, sentences and metadata.

:func:`read_paths` is what the app and the command line call: it expands
folders (recursively, sorted, hidden files and files of other types
skipped), applies each folder's ``manifest.csv`` (see
:mod:`models.readers.manifest`), reads every file with :func:`read_file`, and
never raises for one bad file: each failure becomes a :class:`ReadError` and
the rest go on. An article whose text equals an earlier one's (the same
file dropped twice, or the same article in two files or formats) is reported
once as a duplicate, not read twice. ``article_id`` is the file's stem, made
unique with "-2", "-3"...

Documents (PDF, DOCX, ODT, RTF), corpus files with one article per row
(CSV, TSV, JSON Lines, JSON, XLSX) and news-database exports (Nexis Uni,
Factiva) go through :mod:`models.readers.documents` on the same path: a file
may give many articles; what inside it was skipped is one message for it.

Where an article's outlet comes from, in order: the manifest (``manifest``),
the web page's site name (``html``), the site of the web address a browser
printed in a PDF's page furniture (``print``; but the name a dateline, copyright
line or byline gives when it spells that site: "The Daily Beast" for
thedailybeast.com), the site of the article's web address (``url``: a corpus
file's url column, a page's address), a dateline, a copyright line or a byline
naming the outlet in the text (``dateline``, ``copyright``, ``byline``), else the file's name
(``filename``): the words before a date when the name starts with them
("breitbart_2016-09-12_stealth-over-health.txt" -> "breitbart", as scraped corpora
name their files; that date is then the article's date when nothing else gives one;
such a name wins over a dateline, which names who wrote the copy: "DALLAS (AP) —"),
otherwise the whole stem.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from models.article import (
    NO_BODY,
    NOT_ENGLISH,
    READ_TWICE,
    SKIPPED,
    Article,
    OutletNames,
    ReadError,
    copy_of_held,
    stated_outlet,
    unique_id,
)
from models.faults import fault_detail
from models.progress import Cancelled, NullProgress, Progress
from models.readers.documents import (
    COPY_STEM,
    MULTI_SUFFIXES,
    DocumentRead,
    build_article,
    max_bytes_for,
    read_document,
    refuse_book_length,
)
from models.readers.exports import is_factiva_html
from models.readers.html import (
    NO_ARTICLE_TEXT,
    extract_web_page,
    html_cut_short,
    html_of_mhtml,
    mhtml_cut_short,
    page_words,
)
from models.readers.language import not_english_reason
from models.readers.layout import Layout, detect_layout
from models.readers.manifest import (
    Manifest,
    forget_resolved,
    is_manifest,
    read_manifest,
    resolved,
)
from models.readers.tables import ColumnMapping
from models.readers.text import (
    NOT_REGULAR_FILE,
    ReaderError,
    decode_text,
    encoding_label,
    text_cut_short,
)
from models.table_files import RUN_RECORD_NAME, corpus_files, earlier_outputs
from models.table_files import is_hidden as _is_hidden

__all__ = [
    "MAX_FILE_BYTES",
    "SUPPORTED_SUFFIXES",
    "ColumnMapping",
    "Layout",
    "ReadResult",
    "ReaderError",
    "can_read",
    "corpus_files",
    "detect_layout",
    "read_articles",
    "read_file",
    "read_paths",
]

TEXT_SUFFIXES: frozenset[str] = frozenset(
    {".txt", ".md", ".markdown", ".html", ".htm", ".mhtml", ".mht"})
SUPPORTED_SUFFIXES: frozenset[str] = TEXT_SUFFIXES | MULTI_SUFFIXES
MARKDOWN_SUFFIXES: frozenset[str] = frozenset({".md", ".markdown"})
HTML_SUFFIXES: frozenset[str] = frozenset({".html", ".htm"})
# A web page saved as one file (Chrome's and Edge's "Webpage, Single File").
MHTML_SUFFIXES: frozenset[str] = frozenset({".mhtml", ".mht"})
# Larger text or web-page files are not articles (bytes; 50 MB). Documents and
# corpus files have their own limits (models.readers.documents.max_bytes_for).
MAX_FILE_BYTES = 50 * 1024 * 1024


@dataclass(slots=True)
class ReadResult:
    """The articles read, in order, and the files that could not be read, with reasons."""

    articles: list[Article] = field(default_factory=list)
    errors: list[ReadError] = field(default_factory=list)


def can_read(path: Path) -> bool:
    """True for a folder, a supported file, or a manifest.csv (drag and drop accepts these)."""
    path = Path(path)
    return path.is_dir() or path.suffix.lower() in SUPPORTED_SUFFIXES or is_manifest(path)


#: One file to read: its path, its manifest metadata, the columns chosen for it
#: (corpus files), and whether it must be refused (the user chose no text column).
FileJob = tuple[Path, "Mapping[str, str] | None", "ColumnMapping | None", bool]


class FileOutcome(NamedTuple):
    """What reading one file gave: its articles, or None, the reason it was not read and
    what a developer needs beyond the reason (:attr:`ReadError.detail`). A plain
    ``(read, reason)`` pair is taken as one with no detail."""

    read: DocumentRead | None
    reason: str | None = None
    detail: str = ""


#: Reads many files, possibly ahead and elsewhere (worker processes), and gives
#: their outcomes in the jobs' order; it checks ``progress.is_cancelled()`` while it waits.
ReadFiles = Callable[[Sequence[FileJob], Progress], Iterator[FileOutcome]]


#: Where a reader's own words go (a parser's exception, a reader's traceback): a developer
#: reads them there; the user reads the reason. They are logged by :func:`read_paths`, in
#: the process that gathers the run's problems (a worker process has no log of its own).
_LOG = logging.getLogger("framescope.readers")
#: Why a file was not read when a reader raised what no reader should: a fault in
#: Framescope, not something the user can mend in the file ("(ZeroDivisionError: ...)"
#: was the reason before, s32). The exception and its traceback go to the log.
READER_FAILED = ("not read: Framescope's reader stopped on an unexpected error (a fault in "
                 "Framescope, not necessarily in the file); please report it with the file")


def read_outcome(job: FileJob) -> FileOutcome:
    """Read one file; never raises for a bad file (the reason comes back instead)."""
    path, metadata, mapping, refuse = job
    try:
        if refuse:
            raise ReaderError("not read: you chose no text column for it")
        return FileOutcome(read_articles(path, metadata=metadata, columns=mapping))
    except ReaderError as error:
        return FileOutcome(None, str(error), error.detail)
    except ImportError as error:
        # A build without one format's library (a trimmed frozen app, a minimal
        # install) still reads every other file.
        return FileOutcome(None, (
            f"not read: this installation lacks the library for {path.suffix or 'such'} "
            f"files ({error.name or error})"
        ))
    except Exception as error:  # a reader bug must not end the run for other files
        return FileOutcome(None, READER_FAILED, fault_detail(error))


def log_read_failure(path: Path, reason: str, detail: str) -> None:
    """Write a file's failure to read, with its detail, to the log: a fault in Framescope
    as an error (with its traceback), a parser's words on a damaged file as information."""
    if not detail:
        return
    if reason == READER_FAILED:
        _LOG.error("%s: %s\n%s", path, reason, detail)
    else:
        _LOG.info("%s: %s [%s]", path, reason, detail)


def _read_in_order(jobs: Sequence[FileJob], progress: Progress) -> Iterator[FileOutcome]:
    """Each file in this process, when its outcome is asked for."""
    for job in jobs:
        yield read_outcome(job)


def read_paths(
    paths: Iterable[str | Path],
    progress: Progress | None = None,
    *,
    columns: ColumnMapping | None = None,
    file_columns: Mapping[Path, ColumnMapping] | None = None,
    on_article: Callable[[Article], None] | None = None,
    read_files: ReadFiles | None = None,
    known_outlets: Iterable[str] = (),
) -> ReadResult:
    """Read files and folders into articles; report progress from 0 to 1 per file.

    Outlet names that differ only in case or white space ("CNN", "cnn ") name one
    outlet, spelt as first met (``known_outlets`` first: those already loaded).

    ``columns`` names the columns of every corpus file (CSV, XLSX...; empty
    names are guessed); ``file_columns`` (by resolved path) wins for the files
    it lists, as the user confirmed them in the app. ``on_article`` is called
    with each article as soon as it is taken (after duplicates are dropped and
    its id made unique), so analysis can start while later files are read.
    ``read_files`` reads the files (e.g. on an engine's worker processes; default:
    here, one after another); duplicates, ids and problems are settled here, in
    the files' order, whoever read them.

    Raises :class:`~models.progress.Cancelled` (between files) once
    ``progress.is_cancelled()`` is true; nothing else is raised for bad files.
    """
    progress = progress if progress is not None else NullProgress()
    progress.set_status("Looking for articles")
    forget_resolved()  # folders are resolved once per reading: they may have moved since
    plan = _Plan()
    for raw in paths:
        plan.add(Path(raw))
    plan.files = originals_first(plan.files)
    result = ReadResult(errors=list(plan.errors))
    # text key -> the stated outlets it was read under ('' for none) -> where it was read
    first_with_hash: dict[str, dict[str, str]] = {}
    chosen = {resolved(Path(k)): v for k, v in (file_columns or {}).items()}
    used_ids: set[str] = set()
    # Outlets whose names differ only in case or white space are one, named as first met.
    outlets = OutletNames(known_outlets)
    total = len(plan.files)
    jobs: list[FileJob] = []
    for path in plan.files:
        mapping = chosen.get(resolved(path), columns)
        refuse = mapping is not None and mapping is not columns and not mapping.text
        jobs.append((path, plan.metadata_for(path), mapping, refuse))
    outcomes = (read_files or _read_in_order)(jobs, progress)
    for number, path in enumerate(plan.files, start=1):
        if progress.is_cancelled():
            raise Cancelled()
        progress.set_status(f"Reading {path.name} ({number} of {total})")
        outcome = next(outcomes)
        read, reason = outcome[0], outcome[1]
        if read is None:
            detail = outcome[2] if len(outcome) > 2 else ""
            log_read_failure(path, reason or "not read", detail)
            result.errors.append(ReadError(str(path), reason or "not read", detail=detail))
        else:
            if read.problem:
                result.errors.append(ReadError(str(path), read.problem, partial=True))
            duplicates: list[str] = []
            for article in read.articles:
                keys = (article.content_hash, _fingerprint(article.text))
                outlet = stated_outlet(article)
                held = next((first_with_hash[k] for k in keys if k in first_with_hash
                             and copy_of_held(outlet, first_with_hash[k])), None)
                several = len(read.articles) > 1
                if held is not None:
                    earlier = held.get(outlet) or next(iter(held.values()))
                    which = f"{article.article_id}: " if several else ""
                    duplicates.append(f"{which}same text as {earlier}")
                    continue
                for key in keys:
                    first_with_hash.setdefault(key, {}).setdefault(
                        outlet, f"{article.article_id} in {path}" if several else str(path))
                article.article_id = unique_id(article.article_id, used_ids)
                article.outlet = outlets.name(article.outlet)
                result.articles.append(article)
                if not article.body_sentences:
                    which = f"{article.article_id}: " if several else ""
                    result.errors.append(ReadError(str(path), which + NO_BODY_REASON,
                                                   notice=NO_BODY))
                else:
                    foreign = not_english_reason(
                        " ".join(s.text for s in article.body_sentences))
                    if foreign:
                        which = f"{article.article_id}: " if several else ""
                        result.errors.append(ReadError(str(path), which + foreign,
                                                       notice=NOT_ENGLISH))
                if on_article is not None:
                    on_article(article)
            if duplicates:
                # a corpus file whose other rows were taken was read, in part
                result.errors.append(ReadError(
                    str(path), _duplicates_reason(duplicates), articles=len(duplicates),
                    partial=len(duplicates) < len(read.articles)))
        progress.set_progress(number / total)
    if progress.is_cancelled():
        raise Cancelled()
    progress.set_progress(1.0)
    progress.set_status(_summary(result, plan.skipped))
    return result


def read_articles(
    path: Path,
    *,
    metadata: Mapping[str, str] | None = None,
    columns: ColumnMapping | None = None,
) -> DocumentRead:
    """All articles of one file (one for an article, many for a corpus file or an export).

    Raises :class:`ReaderError` with a reason when the file gives no article.
    """
    path = Path(path)
    data = _read_bytes(path)
    suffix = path.suffix.lower()
    try:
        if suffix in MULTI_SUFFIXES or (suffix in HTML_SUFFIXES and is_factiva_html(data)):
            return read_document(path, data, metadata=metadata, columns=columns)
        return DocumentRead([_single_article(path, data, metadata)])
    except ReaderError as error:
        # "Not a valid Word document" leaves a user guessing, when the file is a PDF that
        # was given the wrong name (audit s32): what it is, and how to have it read.
        misnamed = misnamed_file(data, suffix)
        if misnamed:
            raise ReaderError(f"{error}; {misnamed}", error.detail) from None
        raise


# What a file's first bytes say it is: (what it is, the extension it should have).
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 .doc, Excel .xls
_HTML_START = re.compile(rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]",
                         re.IGNORECASE | re.DOTALL)
_SAME_KIND = ({".html", ".htm"}, {".mhtml", ".mht"}, {".jsonl", ".ndjson"}, {".tsv", ".tab"},
              {".txt", ".md", ".markdown"})


def misnamed_file(data: bytes, suffix: str) -> str:
    """What a file that could not be read is by its content, when its extension says
    otherwise ('the file is a PDF named .docx: rename it to end in .pdf'); '' when its
    content says nothing or agrees."""
    kind, right = _kind_by_content(data)
    if not kind and (suffix in _BINARY_SUFFIXES or (
            suffix in _JSON_SUFFIXES and data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] not in b"[{")):
        kind, right = _kind_of_text(data)
    if not kind or right == suffix or any({right, suffix} <= same for same in _SAME_KIND):
        return ""
    if right in (".doc", ".xls"):
        return (f"the file is {kind}, an older format Framescope does not read: open it "
                f"and save it as {'.docx' if right == '.doc' else '.xlsx'}")
    return f"the file is {kind} named {suffix or 'without an extension'}: rename it to end in {right}"


_BINARY_SUFFIXES = frozenset({".pdf", ".docx", ".odt", ".xlsx"})
_JSON_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson"})


def _kind_of_text(data: bytes) -> tuple[str, str]:
    """A file of text (where a PDF, a Word document or a workbook was expected): a table
    when its first line holds commas, semicolons or tabs, else plain text."""
    head = data[:4096]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "", ""
    try:
        text = decode_text(head).text
    except ReaderError:
        return "", ""
    first = next((line for line in text.splitlines() if line.strip()), "")
    if any(mark in first for mark in ",;\t"):
        return "text (a table, as a CSV file is)", ".csv"
    return "plain text", ".txt"


def _kind_by_content(data: bytes) -> tuple[str, str]:
    head = data[:1024]
    if b"%PDF-" in head:
        return "a PDF", ".pdf"
    if data.startswith(_OLE_MAGIC):
        return "a Word 97-2003 document or Excel 97-2003 workbook (.doc, .xls)", ".doc"
    if data.startswith(b"PK\x03\x04"):
        import io
        import zipfile

        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            return "", ""
        if "word/document.xml" in names:
            return "a Word document", ".docx"
        if "xl/workbook.xml" in names:
            return "an Excel workbook", ".xlsx"
        if "content.xml" in names:
            return "an OpenDocument file", ".odt"
        return "", ""
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        return "an RTF document", ".rtf"
    if b"multipart/related" in head and b"MIME-Version" in head:
        return "a web page saved as a single file", ".mhtml"
    if _HTML_START.match(head.removeprefix(b"\xef\xbb\xbf")):
        return "a web page", ".html"
    return "", ""


def read_file(path: Path, *, metadata: Mapping[str, str] | None = None) -> Article:
    """Read one file into an :class:`Article`; raise :class:`ReaderError` with a reason.

    ``metadata`` (from a manifest) may hold outlet, headline, date, url,
    language and note; non-empty values win over what is detected. A file
    holding several articles (a corpus file, an export) is refused here:
    :func:`read_articles` reads those.
    """
    read = read_articles(Path(path), metadata=metadata)
    if len(read.articles) != 1:
        raise ReaderError(f"holds {len(read.articles)} articles, not one")
    return read.articles[0]


def _single_article(path: Path, data: bytes, metadata: Mapping[str, str] | None) -> Article:
    given = {
        key: value.strip() for key, value in (metadata or {}).items() if value and value.strip()
    }
    notes: list[str] = []
    if given.get("note"):
        notes.append(given["note"])
    suffix = path.suffix.lower()
    sitename = title_site = page_date = page_url = page_language = ""
    if suffix in HTML_SUFFIXES or suffix in MHTML_SUFFIXES:
        try:
            page = (extract_web_page(*html_of_mhtml(data)) if suffix in MHTML_SUFFIXES
                    else extract_web_page(data))
        except ReaderError as error:
            if suffix in MHTML_SUFFIXES and mhtml_cut_short(data):
                raise ReaderError(MHTML_CUT_SHORT + ", so no article text could be read from "
                                  "it; save the page again") from None
            if suffix in HTML_SUFFIXES and html_cut_short(data):
                raise ReaderError(HTML_CUT_SHORT + ", so no article text could be read from "
                                  "it; save the page again") from None
            if str(error) == NO_ARTICLE_TEXT:
                # One text node over 10 MB is dropped by the parser: "no article text"
                # for a page holding a book (s32). Say what the other formats say.
                page_html = html_of_mhtml(data)[0] if suffix in MHTML_SUFFIXES else data
                refuse_book_length(page_words(page_html))
            raise
        if suffix in MHTML_SUFFIXES and mhtml_cut_short(data):
            notes.append(MHTML_CUT_SHORT + ": the page was read as far as it goes")
        elif suffix in HTML_SUFFIXES and html_cut_short(data):
            notes.append(HTML_CUT_SHORT + ": the page was read as far as it goes")
        text, own_headline = page.text, page.headline
        sitename, title_site, page_date, page_url, page_language = (
            page.sitename,
            page.title_site,
            page.date,
            page.url,
            page.language,
        )
        if page.headline_added:
            notes.append("the page title was added as the first line of the extracted text")
    else:
        decoded = decode_text(data)
        text, own_headline = decoded.text, ""
        if not text.strip():
            raise ReaderError("no text: the file holds only blank space")
        if not decoded.is_utf8:
            notes.append(f"decoded as {encoding_label(decoded.encoding)} (the file is not UTF-8)")
        elif decoded.replaced:
            plural = "s" if decoded.replaced > 1 else ""
            notes.append(f"{decoded.replaced} sequence{plural} of bytes not valid in UTF-8 "
                         "replaced with \ufffd (the file is UTF-8 with damage)")
        cut = text_cut_short(data, decoded)
        if cut:
            notes.append(TEXT_CUT_SHORT.format(how=cut))
    refuse_book_length(text)
    return build_article(
        text,
        article_id=path.stem,
        source=str(path),
        given=given,
        origin="manifest",
        content_hash=hashlib.sha256(data).hexdigest(),
        notes=notes,
        own_headline=own_headline,
        markdown=suffix in MARKDOWN_SUFFIXES,
        detected={"sitename": sitename, "title_site": title_site, "date": page_date,
                  "url": page_url, "language": page_language},
    )


def _read_bytes(path: Path) -> bytes:
    if is_manifest(path):
        raise ReaderError("a manifest (a list of articles and their details), not an article")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ReaderError(unsupported_type(path))
    try:
        if path.is_dir():
            raise ReaderError("a folder, not a file")
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise ReaderError(NOT_REGULAR_FILE)
        size = info.st_size
        limit = MAX_FILE_BYTES if suffix in TEXT_SUFFIXES else max_bytes_for(suffix)
        if size > limit:
            what = "to be an article" if suffix in TEXT_SUFFIXES else "to read"
            raise ReaderError(
                f"too large {what} ({size / 1024 / 1024:.1f} MB; the limit is "
                f"{limit // 1024 // 1024} MB{'' if suffix in TEXT_SUFFIXES else f' for {suffix} files'})"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReaderError("file not found") from None
    except PermissionError:
        raise ReaderError("permission denied: the file cannot be opened") from None
    except OSError as error:
        raise ReaderError(f"could not be read ({error.strerror or error})") from None
    if not data:
        raise ReaderError("empty file")
    return data


def unsupported_type(path: Path) -> str:
    """Why a file of another type is not read: its type first (a narrow column of Load
    Problems shows that before the list of the types read), then the types read."""
    suffix = path.suffix.lower()
    kind = f"'{suffix}' files are" if suffix else "files without an extension are"
    known = ", ".join(sorted(SUPPORTED_SUFFIXES))
    return f"not a supported file type: {kind} not read (Framescope reads {known})"


MHTML_CUT_SHORT = ("the saved web page (MHTML) is incomplete: it stops before its end (a "
                   "download or copy cut short?)")
#: A web page (.html, .htm) that stops inside a tag or a sentence, its page never closed
#: (models.readers.html.html_cut_short): half a page was read without a word (s33).
HTML_CUT_SHORT = ("the web page may be incomplete: it stops before its end (a download or "
                  "copy cut short?)")

#: A text file that stops inside its last character, or mid-sentence at a whole number of
#: blocks (models.readers.text.text_cut_short): half a .txt was read without a word (s34).
TEXT_CUT_SHORT = ("the text may be incomplete: {how} (a download, copy or save cut short?): "
                  "the file was read as far as it goes")


#: Why an article read without body text has no scores (a file holding a headline alone).
NO_BODY_REASON = (
    "loaded, but no body text was found (a headline alone, or only page furniture): "
    "it has 0 words, so its measures have no value"
)


def originals_first(files: Sequence[Path]) -> list[Path]:
    """``files`` in their order, except that a copy's file ("wire story (1).txt") comes
    right after its original ("wire story.txt", in the same folder) when both are there:
    of two files with the same text the first is kept and the other said to be a
    duplicate, and a folder's sorted names put "wire story (1).txt" first (" " sorts
    before "."), so the original was the one set aside (ux28)."""
    where = {(path.parent, path.name.casefold()): i for i, path in enumerate(files)}

    def place(item: tuple[int, Path]) -> float:
        index, path = item
        # Back to the first of its originals that is there: a copy of a copy ("notes -
        # Copy - Copy.txt") sorts before its own original too.
        stem, original = path.stem, None
        while (match := COPY_STEM.fullmatch(stem)) is not None:
            stem = match["base"]
            found = where.get((path.parent, (stem + path.suffix).casefold()))
            original = found if found is not None else original
        return index if original is None else original + 0.5

    return [path for _, path in sorted(enumerate(files), key=place)]


def _fingerprint(text: str) -> str:
    """The same words in the same order, whatever the spacing, line endings or case."""
    return "text:" + hashlib.sha256(" ".join(text.split()).casefold().encode("utf-8")).hexdigest()


def _duplicates_reason(duplicates: list[str]) -> str:
    if len(duplicates) == 1:
        return f"{READ_TWICE}: {duplicates[0]}"
    shown = "; ".join(duplicates[:3])
    more = len(duplicates) - 3
    return (f"{len(duplicates)} articles {READ_TWICE}: {shown}"
            + (f"; and {more} more" if more > 0 else ""))


def _summary(result: ReadResult, skipped: int) -> str:
    parts = [f"Read {len(result.articles)} article{'s' if len(result.articles) != 1 else ''}"]
    problems = sum(1 for e in result.errors if e.notice != SKIPPED)  # those counted next
    if problems:
        parts.append(f"{problems} problem{'s' if problems != 1 else ''}")
    if skipped:
        parts.append(f"{skipped} file{'s' if skipped != 1 else ''} of other types skipped")
    return ", ".join(parts)


class _Plan:
    """The files to read, in order, with the manifests that describe them."""

    def __init__(self) -> None:
        self.files: list[Path] = []
        self.errors: list[ReadError] = []
        self.skipped = 0
        self._skipped_files: list[ReadError] = []
        self._seen: set[Path] = set()
        self._manifests: dict[Path, Manifest | None] = {}
        self._results: set[Path] = set()  # files an earlier analysis wrote (run.json)

    def add(self, path: Path) -> None:
        if is_manifest(path) and path.is_file():
            manifest = self._manifest_in(path.parent)
            for listed in manifest.order if manifest is not None else ():
                self._add_listed(listed)
        elif path.is_dir():
            self._add_folder(path)
        elif not path.exists():
            self.errors.append(ReadError(str(path), "file not found"))
        else:
            self._manifest_in(path.parent)
            self._add_file(path)

    def metadata_for(self, path: Path) -> dict[str, str] | None:
        for manifest in self._manifests.values():
            if manifest is not None:
                found = manifest.metadata_for(path)
                if found is not None:
                    return found
        return None

    def _add_folder(self, folder: Path) -> None:
        files_before, errors_before, skipped_before = len(self.files), len(self.errors), self.skipped
        manifests: list[Manifest] = []
        # A subfolder that cannot be listed was passed over in silence, and its files
        # with it (robust29): it is named, and the rest of the folder read.
        for root, dirs, names in os.walk(folder, onerror=self._folder_unopened):
            dirs[:] = sorted(d for d in dirs if not _is_hidden(d))
            root_path = Path(root)
            if RUN_RECORD_NAME in names:
                self._skip_earlier_results(root_path / RUN_RECORD_NAME)
            for name in dirs:
                if (root_path / name).is_symlink():
                    # os.walk does not follow links (a link to a parent folder would loop
                    # forever): said, so a folder reached only by a link is not missed.
                    self.errors.append(ReadError(
                        str(root_path / name),
                        "skipped: a link to a folder, not followed (open the folder it "
                        "points to, to read the files in it)", notice=SKIPPED))
            manifest = self._manifest_in(root_path)
            if manifest is not None:
                manifests.append(manifest)
            for name in sorted(names):
                if _is_hidden(name) or is_manifest(Path(name)):
                    continue
                if resolved(root_path / name) in self._results:
                    continue
                if Path(name).suffix.lower() in SUPPORTED_SUFFIXES:
                    self._add_file(root_path / name)
                else:
                    self.skipped += 1
                    # Named, with the reason, as when the file is opened alone (ux22 #16,
                    # session 22: a picture in a folder was only counted).
                    self._skipped_files.append(ReadError(
                        str(root_path / name), f"skipped: {unsupported_type(Path(name))}",
                        notice=SKIPPED))
        for manifest in manifests:  # files a manifest lists but the walk did not take
            for listed in manifest.order:
                self._add_listed(listed)
        skipped_files = self._skipped_files[skipped_before:]
        if (len(self.files) == files_before and len(self.errors) == errors_before
                and not self._planned_inside(folder)):
            # A folder the user chose that gives nothing to read is said, not passed over
            # (in one message: its files are all of other types, or it has none).
            self.errors.append(ReadError(
                str(folder), _nothing_in_folder(folder, self.skipped - skipped_before)))
        else:
            self.errors.extend(skipped_files)

    def _skip_earlier_results(self, record: Path) -> None:
        """The outputs a run.json of ``framescope analyze`` lists, and itself, are not
        read (:func:`models.table_files.earlier_outputs`): one notice for them."""
        skipped = {resolved(p) for p in earlier_outputs(record)}
        if not skipped:
            return
        self._results |= skipped
        self.errors.append(ReadError(
            str(record),
            f"skipped: {len(skipped)} files an earlier Framescope analysis wrote (this "
            "run.json and the tables, charts and reports it lists), not articles",
            notice=SKIPPED))

    def _folder_unopened(self, error: OSError) -> None:
        reason = ("permission denied: the folder cannot be opened"
                  if isinstance(error, PermissionError)
                  else f"the folder could not be opened ({error.strerror or error})")
        self.errors.append(ReadError(str(error.filename),
                                     f"{reason}, so the files in it were not read"))

    def _planned_inside(self, folder: Path) -> bool:
        """True when a file in ``folder`` is already planned (the folder given twice)."""
        inside = resolved(folder)
        return any(path.is_relative_to(inside) for path in self._seen)

    def _add_listed(self, listed: Path) -> None:
        if resolved(listed) in self._seen:
            return
        if listed.is_file():
            self._add_file(listed)
        else:
            self.errors.append(
                ReadError(str(listed), "listed in manifest.csv but the file is missing")
            )
            self._seen.add(resolved(listed))

    def _add_file(self, path: Path) -> None:
        key = resolved(path)
        if key not in self._seen:
            self._seen.add(key)
            self.files.append(path)

    def _manifest_in(self, folder: Path) -> Manifest | None:
        key = resolved(folder)
        if key not in self._manifests:
            candidates = [folder / name for name in _manifest_names(folder)]
            manifest = read_manifest(candidates[0]) if candidates else None
            if manifest is not None:
                self.errors.extend(manifest.errors)
            self._manifests[key] = manifest
        return self._manifests[key]


def _nothing_in_folder(folder: Path, skipped: int) -> str:
    """Why a folder gave no file to read: unreadable, other types only, or empty."""
    if not os.access(folder, os.R_OK | os.X_OK):
        return "permission denied: the folder cannot be opened"
    known = ", ".join(sorted(SUPPORTED_SUFFIXES))
    if skipped == 1:
        return f"no article in this folder: its one file is not of a type Framescope reads ({known})"
    if skipped:
        return (f"no article in this folder: none of its {skipped} files is of a type "
                f"Framescope reads ({known})")
    return f"no article in this folder: it holds no file of a type Framescope reads ({known})"


def _manifest_names(folder: Path) -> list[str]:
    try:
        return sorted(name for name in os.listdir(folder) if is_manifest(Path(name)))
    except OSError:
        return []
