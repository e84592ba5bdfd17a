"""File > Export Report that cannot write its file says which file and why in the words of
Export Chart's error, not the hidden temporary file the report is first written to (ux16's
review, session 16: "The report lead-report could not be written: PermissionError: [Errno 1]
Operation not permitted: '…/.lead-report.pdf.27912.part'")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.desktop.conftest import LOAD_TIMEOUT_MS, copy_seeds, load
from tests.desktop.test_project_ui import patch_save_dialog


@pytest.mark.parametrize("fmt, chosen_filter", [("pdf", "PDF report (*.pdf)"),
                                                 ("html", "HTML report (*.html)")])
def test_a_report_that_cannot_replace_its_file_names_that_file(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    shown_errors: list[tuple[str, str, str]], fmt: str, chosen_filter: str,
) -> None:
    load(qtbot, window, copy_seeds(tmp_path / "corpus", 2))
    target = tmp_path / f"study.{fmt}"
    target.mkdir()  # a folder where the report should go: it cannot be replaced
    patch_save_dialog(monkeypatch, target, chosen_filter)
    with qtbot.waitSignal(window.project.report_failed, timeout=LOAD_TIMEOUT_MS * 3):
        window.project.action_export_report.trigger()
    title, text, detail = shown_errors[-1]
    assert title == "Could not write the report"
    first = text.split("\n\n", 1)[0]
    assert first == f"The report study could not be written: {target}: Is a directory"
    assert ".part" not in text
    assert "Nothing was lost" in text and "Traceback" in detail  # the details stay
    assert not list(tmp_path.glob("*.part")) and not any(target.iterdir())  # nothing left
    assert window.project.action_export_report.isEnabled()
