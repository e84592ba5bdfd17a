"""Two outlets that share one claim (ux29's walkthrough: The Daily Beast and PatriotWise of
the seeds) read "1 claims shared by two or more articles … 0 omissions" under the Claims
table and "The 1 most widely carried claims" over the certainty drift chart."""

from __future__ import annotations

from typing import Any

import pytest
from matplotlib.figure import Figure

from desktop.charts import build_chart
from models.pipeline import analyze_paths
from tests.desktop.conftest import SEEDS
from tests.desktop.test_claims_view import aligned_view


@pytest.fixture(scope="module")
def two_outlets() -> list[Any]:
    files = [p for p in sorted(SEEDS.glob("*.txt")) if p.name.startswith(("001_", "003_"))]
    analyses = analyze_paths(files).analyses
    assert len({a.outlet for a in analyses}) == 2
    return analyses


def test_the_claims_view_counts_one_claim_in_the_singular(qtbot: Any, two_outlets: Any) -> None:
    view = aligned_view(qtbot, two_outlets)
    assert len(view.alignment().claims) == 1
    text = view.status_label.text()
    assert text.startswith("1 claim shared by two or more articles, from "), text
    assert "; 0 omissions (" in text


def test_the_drift_chart_names_its_one_claim_in_the_singular(two_outlets: Any) -> None:
    chart = build_chart("certainty_drift", two_outlets)
    figure = Figure(figsize=(10, 6))
    chart.plot(figure)
    notes = " ".join(" ".join(t.get_text() for t in (ax.title, ax._left_title))
                     for ax in figure.axes)
    assert "The claim carried by two or more articles. " in " ".join(notes.split()), notes
    assert "The 1 most" not in notes
