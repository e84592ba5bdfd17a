"""Files an export writes beside the one the user chose. Qt-free.

The user names one file in the Save dialog (which asks before replacing it); a file
written beside it, unasked, must never replace one of the user's own.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

from models.export import temporary_beside

# Characters a file name may not hold on Windows, macOS or Linux (and control characters):
# a run of them, with the spaces around, becomes one " - ".
_UNSAFE = re.compile(r'\s*[\x00-\x1f\x7f/\\:*?"<>|][\s\x00-\x1f\x7f/\\:*?"<>|]*')
# What the charts' titles write that has a plain ASCII look-alike.
_PLAIN = str.maketrans({"×": "x", "−": "-", "–": "-", "—": "-", "‘": "'", "’": "'",
                        "“": "'", "”": "'", "…": "..."})
# Longest name proposed (before the suffix): well inside every file system's 255 bytes.
NAME_CHARS = 120


def readable_file_name(title: str) -> str:
    """The name (without suffix) the Save dialog proposes for an export of what the user
    sees as ``title`` ("Epistemic hedges by outlet" -> "Framescope - Epistemic hedges by
    outlet"): ASCII, none of the characters Windows, macOS or Linux refuse, no leading or
    trailing dot or space, at most :data:`NAME_CHARS` characters."""
    plain = unicodedata.normalize("NFKD", title.translate(_PLAIN))
    plain = plain.encode("ascii", "ignore").decode("ascii")
    plain = _UNSAFE.sub(" - ", plain)
    plain = re.sub(r"\s+", " ", plain).strip(" .-")
    name = f"Framescope - {plain}" if plain else "Framescope chart"
    return name[:NAME_CHARS].rstrip(" .-")


def _first_line(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.readline()
    except OSError:
        return b""


def chart_data_path(chart: Path, header: bytes) -> Path:
    """Where a chart's numbers (a CSV whose first line is ``header``) go beside ``chart``:
    "NAME.csv", else "NAME (chart data).csv", "NAME (chart data 2).csv", …: the first
    that is free or holds an earlier export of such data (the same header line). A CSV
    of the user's is never replaced."""
    candidate = chart.with_suffix(".csv")
    number = 1
    while candidate.exists() and _first_line(candidate) != header:
        label = "chart data" if number == 1 else f"chart data {number}"
        candidate = chart.with_name(f"{chart.stem} ({label}).csv")
        number += 1
    return candidate


def codebook_path(table: Path, header: bytes) -> Path:
    """Where the codebook (a CSV whose first line is ``header``) of the table saved as
    ``table`` goes: "NAME (codebook).csv", "NAME (codebook 2).csv", …: the first that is
    free or holds an earlier codebook (the same header line). A file of the user's is
    never replaced."""
    number = 1
    while True:
        label = "codebook" if number == 1 else f"codebook {number}"
        candidate = table.with_name(f"{table.stem} ({label}).csv")
        if not candidate.exists() or _first_line(candidate) == header:
            return candidate
        number += 1


def codebook_path_for(table: Path) -> Path:
    """The name a table's codebook is first given ("scores (codebook).csv")."""
    return table.with_name(f"{table.stem} (codebook).csv")


def write_codebook_beside(table: Path, write: Callable[[Path], None]) -> Path:
    """Write the codebook of the table saved as ``table`` with ``write(path)`` beside it
    (see :func:`codebook_path`); the path written."""
    return _write_then_place(codebook_path_for(table), write,
                             lambda header: codebook_path(table, header))


def write_chart_data_beside(chart: Path, write: Callable[[Path], None]) -> Path:
    """Write a chart's numbers with ``write(path)`` to a CSV beside ``chart`` (see
    :func:`chart_data_path`); the path written."""
    return _write_then_place(chart.with_suffix(".csv"), write,
                             lambda header: chart_data_path(chart, header))


def _write_then_place(near: Path, write: Callable[[Path], None],
                      place: Callable[[bytes], Path]) -> Path:
    """``write(part)`` to a temporary file beside ``near``, then move it to
    ``place(its header line)``: the name can depend on what was written (a file of the
    user's is never replaced); the path written."""
    part = temporary_beside(near)
    try:
        write(part)
        written = place(_first_line(part))
        part.replace(written)
    finally:
        part.unlink(missing_ok=True)
    return written
