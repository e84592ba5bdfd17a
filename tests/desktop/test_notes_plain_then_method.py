"""The notes written on charts (beside the chart in every export) and the corpus-level
measures' definitions open in plain words a journalist reads, then one sentence "Method: …"
for the technical definition a researcher cites (the topics chart's note opened "Topics:
NMF over the body sentences' TF-IDF", the profile's "in standard deviations across
outlets", the topic share's definition "by non-negative matrix factorisation of their
TF-IDF vectors"). In the window, where the description above the chart already gives the
method, the chart's note leaves its Method sentence out; exports keep it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from desktop.charts import chart_kind
from desktop.table_columns import definition_lead
from models.codebook import described
from models.measures import ARTICLE_SIMILARITY, SELECTION_MEASURES
from tests.desktop.conftest import SEEDS, choose_chart_with_keys, load
from tests.desktop.test_chart_descriptions_plain import JARGON
from tests.desktop.test_charts import svg_text

CORPUS_MEASURES = ["topic_share", "off_story_share", "distinctive_z", "shared_words"]


@pytest.mark.parametrize("key", [*CORPUS_MEASURES, "similarity"])
def test_corpus_measures_lead_plainly_then_give_their_method(key: str) -> None:
    by_key = {m.key: m for m in (*SELECTION_MEASURES, ARTICLE_SIMILARITY)}
    definition = by_key[key].definition
    assert definition.count("Method: ") == 1
    lead, method = definition.split("Method: ")
    assert not JARGON.search(lead), lead
    assert not JARGON.search(definition_lead(definition))  # the window's measure line
    assert method.strip()


def _note(figure: Any) -> str:
    """The chart's note: the longest left title (the distinctive words' panels are each
    named by one too)."""
    notes = [ax.get_title(loc="left") for ax in figure.axes if ax.get_title(loc="left")]
    return " ".join(max(notes, key=len).split()) if notes else ""


@pytest.mark.parametrize("key", ["emphasis_topics", "distinctive_words", "outlet_heatmap", "reuse",
                                 "certainty_drift", "claims_matrix"])
def test_chart_notes_open_plainly_and_say_the_method_once(
    qtbot: Any, window: Any, tmp_path: Path, key: str
) -> None:
    load(qtbot, window, [SEEDS])
    view = window.compare_view
    choose_chart_with_keys(qtbot, view, key)
    description = chart_kind(key).description
    shown = _note(view.canvas.figure)
    assert shown and not JARGON.search(shown.split("Method:")[0]), shown
    if "Method:" in description:  # said above the chart: not again on it
        assert "Method:" in view.description.text()
        assert "Method:" not in shown
    else:
        assert shown.count("Method: ") == 1
    path = tmp_path / f"{key}.svg"
    assert window.export_chart(path)
    qtbot.waitUntil(path.exists)
    words = svg_text(path).replace("- ", "-")
    start = words.index(" ".join(shown.split()[:6]))  # the note, as exported
    note = words[start:]
    assert note.count("Method: ") == 1, note
    assert not JARGON.search(note.split("Method: ")[0]), note


@pytest.mark.parametrize(("file", "column", "method_words"), [
    ("topics.csv", "share", "non-negative matrix factorisation (NMF) of their TF-IDF"),
    ("distinctive_words.csv", "z_score", "weighted log-odds ratio with an informative Dirichlet"),
    ("reuse.csv", "shared_words", "runs of five tokens within a sentence (shingles)"),
])
def test_the_analysis_codebooks_keep_the_method_after_the_plain_lead(
    file: str, column: str, method_words: str
) -> None:
    """The codebooks beside the analysis files take a definition's lead: with a plain lead
    first, the method sentence comes with it, or a researcher's codebook loses it."""
    definition = described(file)[column].definition
    assert method_words in definition, definition
    assert definition.index("Method: ") < definition.index(method_words)
