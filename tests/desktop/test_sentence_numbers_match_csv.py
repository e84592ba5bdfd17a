"""The app counts sentences from 1, the CSV files from 0 (ux22 #12, session 22): where the
app names a sentence it gives the CSV's sentence_index too, and that index finds the same
sentence in spans.csv."""

from __future__ import annotations

import csv
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from desktop.qt_compare_view import CompareView
from models.export import write_spans_csv
from models.features import ArticleAnalysis
from tests.desktop.test_evidence_panel import seeds, view, widget_point

__all__ = ["seeds", "view"]  # the fixtures, shared with test_evidence_panel

_PLACE = re.compile(r"· sentence (\d+) \(sentence_index (\d+)\)$")


def test_a_listed_sentence_gives_the_index_spans_csv_gives_it(
    qtbot: Any, view: CompareView, seeds: list[ArticleAnalysis], tmp_path: Path
) -> None:
    bars = view.current_chart().bars  # type: ignore[union-attr]
    index = [b.outlet for b in bars].index("HLN")
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton,
                     pos=widget_point(view, index, bars[index].mean * 0.3))
    model = view.evidence_panel.model
    assert model.rowCount() > 0
    write_spans_csv(tmp_path / "spans.csv", seeds)
    with (tmp_path / "spans.csv").open(encoding="utf-8") as handle:
        spans = list(csv.DictReader(handle))
    hln = next(a for a in seeds if a.outlet == "HLN").article_id
    for row in range(model.rowCount()):
        first_line, sentence = model.index(row, 0).data().split("\n", 1)
        found = _PLACE.search(first_line)
        assert found, first_line
        shown, csv_index = int(found[1]), int(found[2])
        assert csv_index == shown - 1
        # The anonymous-source cue of this sentence is in spans.csv under that index.
        cues = [s["text"] for s in spans if s["article_id"] == hln
                and s["sentence_index"] == str(csv_index) and s["subcategory"] == "anonymous"]
        assert cues and all(cue in sentence for cue in cues), (first_line, cues)
        tip = model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
        assert "count body sentences from 0" in tip
