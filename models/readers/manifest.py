"""``manifest.csv``: what a folder's articles are, when the files cannot say it.

One row per article. The ``file`` column is required (a path relative to the
manifest's folder); ``outlet``, ``headline``, ``date``, ``url`` and
``language`` are optional and win over anything detected in the text
(``outlet_origin == "manifest"``). A ``note`` (or ``notes``) column is kept
in ``Article.notes``; other columns are ignored. A manifest that cannot be
used (no ``file`` column, undecodable) gives a :class:`ReadError` naming it,
and the folder's files are still read without it.

About ``headline``: if it occurs verbatim in the text, that occurrence is the
HEADLINE block (and the headline sentence); if not, ``Article.headline`` is
the manifest's headline and the article has no headline sentence.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass, field
from pathlib import Path

from models.article import ReadError
from models.readers.tables import csv_slip
from models.readers.text import ReaderError, decode_text
from models.table_files import MANIFEST_NAME
from models.table_files import is_manifest as is_manifest  # (re-exported)

FILE_COLUMN = "file"
METADATA_COLUMNS: tuple[str, ...] = ("outlet", "headline", "date", "url", "language")
NOTE_COLUMNS: tuple[str, ...] = ("note", "notes")
# A manifest larger than this is not a list of articles (bytes).
MAX_MANIFEST_BYTES = 5_000_000


@dataclass(slots=True)
class Manifest:
    """A folder's manifest: metadata per file (keys as in :data:`METADATA_COLUMNS`, and 'note')."""

    path: Path
    entries: dict[Path, dict[str, str]] = field(default_factory=dict)
    order: list[Path] = field(default_factory=list)
    errors: list[ReadError] = field(default_factory=list)

    @property
    def folder(self) -> Path:
        return self.path.parent

    def metadata_for(self, path: Path) -> dict[str, str] | None:
        return self.entries.get(_key(path))


def read_manifest(path: Path) -> Manifest:
    """Read a manifest; problems become ``errors`` (never raised)."""
    manifest = Manifest(path)
    try:
        if path.stat().st_size > MAX_MANIFEST_BYTES:
            return _failed(manifest, "too large to be a manifest (the limit is 5 MB); not used")
        text = decode_text(path.read_bytes()).text
    except ReaderError as error:
        return _failed(manifest, f"{error}; not used")
    except OSError as error:
        return _failed(manifest, f"could not be read ({error.strerror}); not used")
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        return _failed(manifest, f"not a valid CSV file: a line {csv_slip(error)}; not used")
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        return _failed(manifest, "empty: it has no header row; not used")
    header = [cell.strip().lower() for cell in rows[0]]
    if FILE_COLUMN not in header:
        found = ", ".join(name for name in header if name) or "none"
        return _failed(
            manifest,
            f"has no 'file' column (columns found: {found}); its details were not used",
        )
    columns = {
        name: header.index(name)
        for name in (*METADATA_COLUMNS, *NOTE_COLUMNS, FILE_COLUMN)
        if name in header
    }
    for line_number, row in enumerate(rows[1:], start=2):
        cells = {
            name: row[index].strip() if index < len(row) else "" for name, index in columns.items()
        }
        name = cells.pop(FILE_COLUMN)
        if not name:
            manifest.errors.append(
                # the manifest's other rows are used: read in part, not unread (robust29)
                ReadError(str(path), f"row {line_number} has no file name; the row was skipped",
                          partial=True)
            )
            continue
        target = path.parent / name
        key = _key(target)
        if key in manifest.entries:
            manifest.errors.append(
                ReadError(str(path), f"row {line_number} lists {name} again; the first row is used",
                          partial=True)
            )
            continue
        metadata = {column: cells[column] for column in METADATA_COLUMNS if cells.get(column)}
        notes = [cells[column] for column in NOTE_COLUMNS if cells.get(column)]
        if notes:
            metadata["note"] = " ".join(notes)
        manifest.entries[key] = metadata
        manifest.order.append(target)
    _dates_as_iso(manifest)
    return manifest


def _dates_as_iso(manifest: Manifest) -> None:
    """Each entry's date as ``YYYY-MM-DD`` where it can be read (a named month, ISO, or
    figures in the order the column's other dates show), else as written: "09/13/2016"
    stayed as written beside the ISO dates of the files' own datelines (audit s34)."""
    from models.readers.layout import numeric_date_order, parse_date, parse_numeric_date

    order = numeric_date_order(m["date"] for m in manifest.entries.values() if "date" in m)
    for metadata in manifest.entries.values():
        if "date" in metadata:
            value = metadata["date"]
            metadata["date"] = parse_date(value) or parse_numeric_date(value, order) or value


def _failed(manifest: Manifest, reason: str) -> Manifest:
    manifest.errors.append(ReadError(str(manifest.path), f"{MANIFEST_NAME}: {reason}"))
    return manifest


def _key(path: Path) -> Path:
    return resolved(path)


#: Resolved folders and files, for :func:`resolved`.
_RESOLVED: dict[Path, Path] = {}
_RESOLVED_SIZE = 100_000


def resolved(path: Path, cache: dict[Path, Path] | None = None) -> Path:
    """``path.resolve(strict=False)``, with each folder resolved once: a file in a
    resolved folder is that folder and the file's name, unless the file is a symbolic
    link (one ``lstat``, where resolving a path looks at every part of it). ``cache``:
    where folders are remembered (default: this module's, for one planning of files;
    call :func:`forget_resolved` when the folders may have changed)."""
    if os.name != "posix":  # resolving may change a name's case elsewhere
        return path.resolve(strict=False)
    cache = _RESOLVED if cache is None else cache
    found = cache.get(path)
    if found is not None:
        return found
    name = path.name
    parent = path.parent
    if name in ("", ".", "..") or parent == path or path.is_symlink():
        found = path.resolve(strict=False)
    else:
        found = resolved(parent, cache) / name
    if len(cache) >= _RESOLVED_SIZE:
        cache.clear()
    cache[path] = found
    return found


def forget_resolved() -> None:
    """Forget the folders :func:`resolved` resolved (they may have moved or become links)."""
    _RESOLVED.clear()
