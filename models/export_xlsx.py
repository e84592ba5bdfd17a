"""The table as an Excel workbook: one row per article, one column per measure.

The same columns as ``scores.csv`` (:func:`models.export.scores_columns`),
numbers stored as numbers (flags as 1/0, undefined values as empty cells), a
bold, frozen header row, a second sheet with the per-outlet means and a third, the
codebook: each column's label in the app, unit, definition and citation.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from models.export import (
    codebook_of_tables,
    outlet_rows,
    outlets_columns,
    score_row,
    scores_columns,
    temporary_beside,
)
from models.features import ArticleAnalysis
from models.measures import CODEBOOK_COLUMNS


def _cell(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, str):
        # Characters a worksheet cannot hold (control characters: a vertical tab is Word's
        # line break) made openpyxl raise and the whole export fail (robust29): a space.
        return _ILLEGAL.sub(" ", value)
    return value


#: The characters openpyxl refuses in a cell (openpyxl.cell.cell.ILLEGAL_CHARACTERS_RE).
_ILLEGAL = re.compile(r"[\x00-\x08\x0b-\x0c\x0e-\x1f]")


def _as_text(row: Sequence[Any]) -> None:
    """Cells whose text starts with '=' stay text: openpyxl writes them as formulas, so
    Excel showed 2 for an outlet named '=1+1' and ran a headline's =HYPERLINK(...)."""
    for cell in row:
        if isinstance(cell.value, str) and cell.value.startswith("="):
            cell.data_type = "s"


def write_scores_xlsx(path: Path, analyses: Sequence[ArticleAnalysis]) -> None:
    """Write the scores (sheet ``scores``), outlet means (sheet ``outlets``) and the
    codebook of the scores' columns (sheet ``codebook``) to ``path``.

    Written beside the target and renamed over it, like the CSV files.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    path = Path(path)
    book = Workbook()
    sheets = [
        ("scores", list(scores_columns(analyses)), [score_row(a) for a in analyses]),
        ("outlets", list(outlets_columns(analyses)), outlet_rows(analyses)),
        ("codebook", list(CODEBOOK_COLUMNS), codebook_of_tables(analyses, outlets=True)),
    ]
    first = True
    for title, columns, rows in sheets:
        sheet = book.active if first else book.create_sheet()
        assert sheet is not None
        first = False
        sheet.title = title
        sheet.append(columns)
        for row in rows:
            sheet.append([_cell(row.get(c)) for c in columns])
            _as_text(sheet[sheet.max_row])
        bold = Font(bold=True)
        for i, column in enumerate(columns, start=1):
            sheet.cell(row=1, column=i).font = bold
            sheet.column_dimensions[get_column_letter(i)].width = min(max(len(column) + 2, 10), 40)
        sheet.freeze_panes = "A2"
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = temporary_beside(path)
    try:
        book.save(tmp)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
