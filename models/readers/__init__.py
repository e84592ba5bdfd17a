"""Paths -> Articles: files and folders, with their layout, sentences and metadata.

:func:`read_paths` is what the app and the command line call: it expands
folders (recursively, sorted, hidden files and files of other types
skipped), applies each folder's ``manifest.csv`` (see
:mod:`models.readers.manifest`), reads every file with :func:`read_file`, and
never raises for one bad file: each failure becomes a :class:`ReadError` and
the rest go on. A file whose bytes equal an earlier file's is reported, not
read twice. ``article_id`` is the file's stem, made unique with "-2", "-3"...

Where an article's outlet comes from, in order: the manifest (``manifest``),
the web page's site name (``html``), a dateline or a copyright line in the
text (``dateline``, ``copyright``), else the file's stem (``filename``).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from models.article import Article, ReadError, unique_id
from models.progress import Cancelled, NullProgress, Progress
from models.readers.html import extract_web_page
from models.readers.layout import Layout, detect_layout
from models.readers.manifest import Manifest, is_manifest, read_manifest
from models.readers.text import ReaderError, decode_text, encoding_label
from models.segment import sentences_for_blocks

__all__ = [
    "MAX_FILE_BYTES",
    "SUPPORTED_SUFFIXES",
    "Layout",
    "ReadResult",
    "ReaderError",
    "can_read",
    "detect_layout",
    "read_file",
    "read_paths",
]

SUPPORTED_SUFFIXES: frozenset[str] = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})
MARKDOWN_SUFFIXES: frozenset[str] = frozenset({".md", ".markdown"})
HTML_SUFFIXES: frozenset[str] = frozenset({".html", ".htm"})
# Larger files are not articles (bytes; 50 MB).
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


def read_paths(paths: Iterable[str | Path], progress: Progress | None = None) -> ReadResult:
    """Read files and folders into articles; report progress from 0 to 1 per file.

    Raises :class:`~models.progress.Cancelled` (between files) once
    ``progress.is_cancelled()`` is true; nothing else is raised for bad files.
    """
    progress = progress if progress is not None else NullProgress()
    progress.set_status("Looking for articles")
    plan = _Plan()
    for raw in paths:
        plan.add(Path(raw))
    result = ReadResult(errors=list(plan.errors))
    first_with_hash: dict[str, str] = {}
    used_ids: set[str] = set()
    total = len(plan.files)
    for number, path in enumerate(plan.files, start=1):
        if progress.is_cancelled():
            raise Cancelled()
        progress.set_status(f"Reading {path.name} ({number} of {total})")
        try:
            article = read_file(path, metadata=plan.metadata_for(path))
        except ReaderError as error:
            result.errors.append(ReadError(str(path), str(error)))
        else:
            earlier = first_with_hash.get(article.content_hash)
            if earlier is not None:
                result.errors.append(ReadError(str(path), f"same text as {earlier}"))
            else:
                first_with_hash[article.content_hash] = str(path)
                article.article_id = unique_id(article.article_id, used_ids)
                result.articles.append(article)
        progress.set_progress(number / total)
    if progress.is_cancelled():
        raise Cancelled()
    progress.set_progress(1.0)
    progress.set_status(_summary(result, plan.skipped))
    return result


def read_file(path: Path, *, metadata: Mapping[str, str] | None = None) -> Article:
    """Read one file into an :class:`Article`; raise :class:`ReaderError` with a reason.

    ``metadata`` (from a manifest) may hold outlet, headline, date, url,
    language and note; non-empty values win over what is detected.
    """
    path = Path(path)
    data = _read_bytes(path)
    given = {
        key: value.strip() for key, value in (metadata or {}).items() if value and value.strip()
    }
    notes: list[str] = []
    if given.get("note"):
        notes.append(given["note"])
    suffix = path.suffix.lower()
    sitename = page_date = page_url = page_language = ""
    if suffix in HTML_SUFFIXES:
        page = extract_web_page(data)
        text, own_headline = page.text, page.headline
        sitename, page_date, page_url, page_language = (
            page.sitename,
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
    given_headline = given.get("headline", "")
    layout = detect_layout(
        text,
        markdown=suffix in MARKDOWN_SUFFIXES,
        known_headline=given_headline or own_headline,
    )
    headline_in_text = layout.headline_block is not None and (
        not given_headline or layout.headline == given_headline
    )
    if given_headline and not headline_in_text:
        notes.append("the headline given in the manifest does not occur in the text")
    outlet, origin = _outlet(given, sitename, layout, path)
    return Article(
        article_id=path.stem,
        text=text,
        blocks=layout.blocks,
        sentences=sentences_for_blocks(text, layout.blocks, with_headline=headline_in_text),
        source=str(path),
        outlet=outlet,
        outlet_origin=origin,
        headline=given_headline or layout.headline,
        date=given.get("date") or page_date or layout.date,
        language=given.get("language") or page_language,
        url=given.get("url") or page_url,
        content_hash=hashlib.sha256(data).hexdigest(),
        notes=tuple(notes),
    )


def _read_bytes(path: Path) -> bytes:
    if is_manifest(path):
        raise ReaderError("a manifest (a list of articles and their details), not an article")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        kind = f"'{suffix}' files" if suffix else "files without an extension"
        raise ReaderError(
            f"not a supported file type: Framescope reads .txt, .md, .markdown, .html and .htm, not {kind}"
        )
    try:
        if path.is_dir():
            raise ReaderError("a folder, not a file")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ReaderError(
                f"too large to be an article ({size / 1024 / 1024:.1f} MB; the limit is 50 MB)"
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


def _outlet(given: Mapping[str, str], sitename: str, layout: Layout, path: Path) -> tuple[str, str]:
    if given.get("outlet"):
        return given["outlet"], "manifest"
    if sitename:
        return sitename, "html"
    if layout.outlet:
        return layout.outlet, layout.outlet_origin
    return path.stem, "filename"


def _summary(result: ReadResult, skipped: int) -> str:
    parts = [f"Read {len(result.articles)} article{'s' if len(result.articles) != 1 else ''}"]
    if result.errors:
        parts.append(f"{len(result.errors)} problem{'s' if len(result.errors) != 1 else ''}")
    if skipped:
        parts.append(f"{skipped} file{'s' if skipped != 1 else ''} of other types skipped")
    return ", ".join(parts)


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


class _Plan:
    """The files to read, in order, with the manifests that describe them."""

    def __init__(self) -> None:
        self.files: list[Path] = []
        self.errors: list[ReadError] = []
        self.skipped = 0
        self._seen: set[Path] = set()
        self._manifests: dict[Path, Manifest | None] = {}

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
        manifests: list[Manifest] = []
        for root, dirs, names in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if not _is_hidden(d))
            root_path = Path(root)
            manifest = self._manifest_in(root_path)
            if manifest is not None:
                manifests.append(manifest)
            for name in sorted(names):
                if _is_hidden(name) or is_manifest(Path(name)):
                    continue
                if Path(name).suffix.lower() in SUPPORTED_SUFFIXES:
                    self._add_file(root_path / name)
                else:
                    self.skipped += 1
        for manifest in manifests:  # files a manifest lists but the walk did not take
            for listed in manifest.order:
                self._add_listed(listed)

    def _add_listed(self, listed: Path) -> None:
        if listed.resolve(strict=False) in self._seen:
            return
        if listed.is_file():
            self._add_file(listed)
        else:
            self.errors.append(
                ReadError(str(listed), "listed in manifest.csv but the file is missing")
            )
            self._seen.add(listed.resolve(strict=False))

    def _add_file(self, path: Path) -> None:
        key = path.resolve(strict=False)
        if key not in self._seen:
            self._seen.add(key)
            self.files.append(path)

    def _manifest_in(self, folder: Path) -> Manifest | None:
        key = folder.resolve(strict=False)
        if key not in self._manifests:
            candidates = [folder / name for name in _manifest_names(folder)]
            manifest = read_manifest(candidates[0]) if candidates else None
            if manifest is not None:
                self.errors.extend(manifest.errors)
            self._manifests[key] = manifest
        return self._manifests[key]


def _manifest_names(folder: Path) -> list[str]:
    try:
        return sorted(name for name in os.listdir(folder) if is_manifest(Path(name)))
    except OSError:
        return []
