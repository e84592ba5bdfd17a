"""Export Report draws the claim charts at the threshold the user chose in the Claims view,
as the window's claim charts are, and says it. The window passed no alignment, so the
report's claims matrix was aligned at the default 0.35 whatever the Claims view showed
(ux26b). Real widgets: the Claims tab clicked, the threshold typed, Ctrl+Shift+R."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from models.export import format_value
from tests.desktop.conftest import LOAD_TIMEOUT_MS, SEEDS, load, wait_for_chart
from tests.desktop.test_outlet_colours_kept import CTRL_SHIFT
from tests.desktop.test_project_ui import patch_save_dialog


def data_table(chart: Any) -> str:
    from desktop.report import _html_table

    columns, rows = chart.rows()
    return _html_table(columns, [[format_value(r.get(c)) for c in columns] for r in rows])


def test_the_report_aligns_claims_at_the_users_threshold(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.charts import build_chart

    load(qtbot, window, [SEEDS])
    view = window.compare_view
    wait_for_chart(qtbot, view)
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(2).center())
    claims = window.claims_view
    qtbot.waitUntil(lambda: view.claim_alignment() is not None, timeout=LOAD_TIMEOUT_MS)
    spin = claims.threshold_spin
    spin.setFocus()
    QTest.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(spin, "0.60")
    qtbot.waitUntil(lambda: view.claim_alignment() is not None
                    and view.claim_alignment().threshold == pytest.approx(0.60),
                    timeout=LOAD_TIMEOUT_MS)
    included = window.included_analyses()
    users = data_table(build_chart("claims_matrix", included,
                                   alignment=view.claim_alignment()))
    default = data_table(build_chart("claims_matrix", included))
    assert users != default  # the seeds' claims differ at 0.60 and at 0.35

    report = tmp_path / "study.html"
    patch_save_dialog(monkeypatch, report, "HTML report (*.html)")
    with qtbot.waitSignal(window.project.report_finished, timeout=LOAD_TIMEOUT_MS * 3):
        QTest.keyClick(window.table, Qt.Key.Key_R, CTRL_SHIFT)
    text = report.read_text(encoding="utf-8")
    assert users in text and default not in text
    assert "<td>Claim threshold</td><td class=num>0.60</td>" in text
