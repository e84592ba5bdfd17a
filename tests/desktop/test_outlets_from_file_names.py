"""A folder whose files are named "<outlet>_<date>_<slug>" and has no manifest: one outlet
per name in the table, the charts and the status bar, with dates (PolNeAR, scraped corpora)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication

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


def test_outlets_that_are_only_file_names_are_said_to_be_so_with_how_to_name_them(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    # ux12's and ux13's reviews: the seeds copied without their manifest.csv loaded as
    # "5 articles from 5 outlets", four of them named "000_95fc75c790c18aeb" and the like,
    # and nothing said why or what to do. (PatriotWise names itself in its first line.)
    folder = tmp_path / "copied"
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, folder / seed.name)
    with qtbot.waitSignal(window.runner.finished, timeout=LOAD_TIMEOUT_MS):
        assert drag_and_drop(window, mime_for(folder)).isAccepted()
    assert window.status_text() == (
        "5 articles from 5 outlets · 4 outlets are only file names: double-click an Outlet "
        "cell to name it, or add a manifest.csv (file,outlet) beside the files")

    # Named as the hint says, by double-clicking the cell and typing: the next load's line
    # counts the outlets still named by their files.
    model = window.table_model
    row = next(r for r in range(model.rowCount())
               if model.index(r, OUTLET_COLUMN).data() == "000_95fc75c790c18aeb")
    table = window.table
    cell = table.visualRect(window.proxy.mapFromSource(model.index(row, OUTLET_COLUMN)))
    # As the platform sends it: a click (press, release), then the double-click.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell.center())
    qtbot.waitUntil(lambda: table.state() == QAbstractItemView.State.EditingState)
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "HLN")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.index(row, OUTLET_COLUMN).data() == "HLN")
    extra = tmp_path / "more" / "bridge.txt"
    extra.parent.mkdir()
    extra.write_text("The ministry said the old bridge would reopen in June after repairs.\n",
                     encoding="utf-8")
    with qtbot.waitSignal(window.runner.finished, timeout=LOAD_TIMEOUT_MS):
        assert drag_and_drop(window, mime_for(extra)).isAccepted()
    assert window.status_text().endswith(" · 4 outlets are only file names: double-click an "
                                         "Outlet cell to name it, or add a manifest.csv "
                                         "(file,outlet) beside the files")
    assert window.status_text().startswith("6 articles from 6 outlets")
