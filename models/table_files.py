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


#: The record ``framescope analyze`` writes beside its outputs (desktop.run_record).
RUN_RECORD_NAME = "run.json"


def earlier_outputs(record: Path) -> list[Path]:
    """The files a run.json of ``framescope analyze`` lists as its outputs or as an earlier
    run's it kept, with itself (those still there), or [] when ``record`` is not one of Framescope's. In a study
    folder beside the articles, they were read as hundreds of articles (robust29)."""
    import json

    try:
        if record.stat().st_size > 16 * 1024 * 1024:
            return []
        run = json.loads(record.read_text(encoding="utf-8"))
        if not str(run.get("format", "")).startswith("framescope-run/"):
            return []
        listed = [record.parent / str(o["file"])
                  for o in [*run.get("outputs", []), *run.get("kept_outputs", [])]]
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return []  # not one of Framescope's: read as any other file
    return [p for p in (record, *listed) if p.is_file()]


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
            earlier: set[Path] = set()
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not is_hidden(d))
                if RUN_RECORD_NAME in names:
                    earlier.update(earlier_outputs(Path(root) / RUN_RECORD_NAME))
                tables = sorted(name for name in names if _is_table_name(name))
                found.extend(Path(root) / name for name in tables
                             if Path(root) / name not in earlier)
        elif path.suffix.lower() in TABLE_SUFFIXES and not is_manifest(path) and path.is_file():
            found.append(path)
    return found
