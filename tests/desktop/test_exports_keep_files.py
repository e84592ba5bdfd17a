"""Export Chart writes the chart's numbers as CSV beside the chart; that CSV never takes
the place of a file of the user's (ux8, session 8: it replaced any NAME.csv beside a new
NAME.png, unasked; the Save dialog only asks about the chart file)."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest

from tests.desktop.conftest import copy_seeds, load
from tests.desktop.test_project_ui import patch_save_dialog

MINE = "id,my notes\n1,interview with the press officer\n"


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_a_users_csv_beside_the_chart_is_kept_and_an_earlier_export_replaced(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load(qtbot, window, copy_seeds(tmp_path / "corpus"))
    folder = tmp_path / "study"
    folder.mkdir()
    mine, also_mine = folder / "hedges.csv", folder / "hedges (chart data).csv"
    for path in (mine, also_mine):
        path.write_text(MINE, encoding="utf-8")

    patch_save_dialog(monkeypatch, folder / "hedges.png", "PNG image (*.png)")
    with qtbot.waitSignal(window.chart_exported, timeout=60_000):  # written on a thread
        window.action_export_chart.trigger()  # File > Export Chart… (Ctrl+E)

    assert (folder / "hedges.png").read_bytes().startswith(b"\x89PNG")
    assert mine.read_text(encoding="utf-8") == also_mine.read_text(encoding="utf-8") == MINE
    data = folder / "hedges (chart data 2).csv"
    assert len(rows(data)) == 5 and "outlet" in rows(data)[0]
    assert window.statusBar().currentMessage() == (
        f"Saved hedges.png, its data {data.name} and its codebook, "
        "hedges (chart data 2) (codebook).csv")

    # The same chart exported again, as SVG: its earlier data is replaced, not copied again.
    with data.open("rb") as handle:
        header = handle.readline()
    data.write_bytes(header + b"stale\r\n")
    assert window.export_chart(folder / "hedges.svg")
    assert len(rows(data)) == 5
    assert sorted(p.name for p in folder.iterdir()) == [
        "hedges (chart data 2) (codebook).csv", "hedges (chart data 2).csv",
        "hedges (chart data).csv", "hedges.csv", "hedges.png", "hedges.svg",
    ]
    assert mine.read_text(encoding="utf-8") == MINE


def test_the_data_of_a_first_export_is_named_as_the_chart(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load(qtbot, window, copy_seeds(tmp_path / "corpus"))
    patch_save_dialog(monkeypatch, tmp_path / "out" / "chart", "SVG image (*.svg)")
    with qtbot.waitSignal(window.chart_exported, timeout=60_000):
        window.action_export_chart.trigger()
    assert (tmp_path / "out" / "chart.svg").read_bytes().lstrip().startswith(b"<?xml")
    assert len(rows(tmp_path / "out" / "chart.csv")) == 5
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "chart (codebook).csv", "chart.csv", "chart.svg"]
