"""A folder whose files are named "<outlet>_<date>_<slug>" and has no manifest: one outlet
per name in the table, the charts and the status bar, with dates (PolNeAR, scraped corpora)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from desktop.qt_table_model import DATE_COLUMN, OUTLET_COLUMN
from tests.desktop.conftest import LOAD_TIMEOUT_MS, SEEDS
from tests.desktop.test_drop import drag_and_drop, mime_for

# Seeds without a dateline or copyright line: their outlet can only come from the file name.
NAMES = {
    "000_95fc75c790c18aeb.txt": "hln_2023-05-16_putin-inner-circle.txt",
    "001_66f19ea345cf053d.txt": "daily-beast_2023-05-17_officials-banned.txt",
    "002_14618085202ce7d7.txt": "hln_2023-05-18_kremlin-threatens.txt",
}


def test_a_dropped_folder_of_outlet_date_files_shows_one_row_per_outlet_name(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for seed, name in NAMES.items():
        shutil.copy(SEEDS / seed, folder / name)
    with qtbot.waitSignal(window.runner.finished, timeout=LOAD_TIMEOUT_MS):
        assert drag_and_drop(window, mime_for(folder)).isAccepted()
    model = window.table_model
    assert model.rowCount() == 3
    shown = sorted(
        (model.index(r, OUTLET_COLUMN).data(), model.index(r, DATE_COLUMN).data())
        for r in range(model.rowCount())
    )
    assert shown == [
        ("daily-beast", "2023-05-17"), ("hln", "2023-05-16"), ("hln", "2023-05-18"),
    ]
    tip = model.index(0, OUTLET_COLUMN).data(Qt.ItemDataRole.ToolTipRole)
    assert "guessed from the file name" in tip
    assert window.status_text() == "3 articles from 2 outlets"
