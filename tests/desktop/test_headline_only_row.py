"""A file that holds only a headline shows its rates as undefined, says why, and leaves
its outlet's bar alone (ux21, session 21: it loaded with every rate 0.0 and pulled its
outlet's mean down)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from desktop.charts.measure_by_outlet import MeasureByOutletChart
from desktop.table_columns import COLUMNS
from tests.desktop.conftest import load

KEY = "hedges_epistemic_per_100w"


def test_a_headline_only_file_shows_no_rate_and_leaves_the_outlet_mean_alone(
    qtbot: Any, window: Any, tmp_path: Path, seed_dir: Path
) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(seed_dir / "001_66f19ea345cf053d.txt", folder / "beast.txt")
    (folder / "beast_flash.txt").write_text(
        "Putin Bars Officials From Quitting\n", encoding="utf-8")
    (folder / "manifest.csv").write_text(
        "file,outlet\nbeast.txt,The Daily Beast\nbeast_flash.txt,The Daily Beast\n",
        encoding="utf-8")
    corpus = load(qtbot, window, [folder])
    analyses = {Path(a.article.source).name: a for a in corpus.analyses}
    assert set(analyses) == {"beast.txt", "beast_flash.txt"}
    full, bare = analyses["beast.txt"], analyses["beast_flash.txt"]
    assert bare.scores.value("words") == 0

    model = window.table.model()
    column = next(i for i, c in enumerate(COLUMNS) if c.key == KEY)
    assert model.rowCount() == 2
    row = next(r for r in range(2) if "beast_flash.txt" in str(
        model.index(r, column).data(Qt.ItemDataRole.ToolTipRole)))
    cell = model.index(row, column)
    assert cell.data(Qt.ItemDataRole.DisplayRole) == "–"  # no value, muted (not 0.00)
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == (
        "Epistemic hedges: undefined for this article. No body text found in beast_flash.txt.")
    # Its source counts too: no body to cite anyone in, not 0 sources.
    for key, label in (("sources_named_people", "Named sources"),
                       ("sources_anonymous", "Anonymous sources"),
                       ("sources_described", "Described sources")):
        source = model.index(row, next(i for i, c in enumerate(COLUMNS) if c.key == key))
        assert source.data(Qt.ItemDataRole.DisplayRole) == "–", key
        assert source.data(Qt.ItemDataRole.ToolTipRole) == (
            f"{label}: undefined for this article. No body text found in beast_flash.txt.")

    chart = MeasureByOutletChart(corpus.analyses, KEY)
    _columns, rows = chart.rows()
    (mean,) = {r["outlet_mean"] for r in rows}
    assert mean == full.scores.value(KEY)  # the headline-only file adds no 0 to it
    assert {r["outlet_articles_with_value"] for r in rows} == {1}
