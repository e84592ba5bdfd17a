"""Which of the paths given are corpus files (tables of articles), known by name alone.

Standard library only, so that the window can look for corpus files when a load starts
(desktop.qt_main_window.open_paths: they may need the column dialog) without importing
the readers (:mod:`models.readers`, ~35 ms) on its GUI thread; a folder of 10,000
articles with no table in it is looked through in a few milliseconds. The readers use
the same names (:data:`TABLE_SUFFIXES`, :func:`is_manifest`) from here.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

#: Suffixes of the files read as tables of articles (models.readers.tables).
TABLE_SUFFIXES: frozenset[str] = frozenset(
    {".csv", ".tsv", ".tab", ".jsonl", ".ndjson", ".json", ".xlsx"}
)
#: The file that describes the articles of its folder (models.readers.manifest).
MANIFEST_NAME = "manifest.csv"


def is_manifest(path: Path) -> bool:
    return path.name.lower() == MANIFEST_NAME


def is_hidden(name: str) -> bool:
    """Hidden files and folders (a leading dot) are never read."""
    return name.startswith(".")


_TABLE_ENDINGS = tuple(sorted(TABLE_SUFFIXES))


def _is_table_name(name: str) -> bool:
    """A table's file name (not hidden, not a manifest), from the string alone: one
    ``endswith`` per file, no Path object (10,000 of them took ~30 ms)."""
    lower = name.lower()
    return lower.endswith(_TABLE_ENDINGS) and not is_hidden(name) and lower != MANIFEST_NAME


def corpus_files(paths: Iterable[str | Path]) -> list[Path]:
    """The corpus files (CSV, TSV, JSON Lines, JSON, XLSX; not manifests) among ``paths``
    and inside the folders among them, in reading order."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not is_hidden(d))
                tables = sorted(name for name in names if _is_table_name(name))
                found.extend(Path(root) / name for name in tables)
        elif path.suffix.lower() in TABLE_SUFFIXES and not is_manifest(path) and path.is_file():
            found.append(path)
    return found
