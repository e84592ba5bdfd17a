"""Export Report with "Both HTML and PDF" writes a second file beside the one chosen in the
Save dialog; it asks before replacing one that is there (ux8, session 8: NAME.html was
replaced unasked when NAME.pdf was chosen)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.desktop.conftest import LOAD_TIMEOUT_MS, copy_seeds, load
from tests.desktop.test_project_ui import patch_save_dialog

BOTH = "Both HTML and PDF (*.pdf *.html)"
MINE = "<html><body>My own notes on the story</body></html>"


def test_both_formats_ask_before_replacing_the_other_file(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop import qt_project

    load(qtbot, window, copy_seeds(tmp_path / "corpus", 2))
    mine = tmp_path / "study.html"
    mine.write_text(MINE, encoding="utf-8")
    asked: list[list[str]] = []
    answers = [False, True]

    def answer(parent: Any, paths: Any) -> bool:
        asked.append([p.name for p in paths])
        return answers.pop(0)

    monkeypatch.setattr(qt_project, "ask_replace_beside", answer)
    patch_save_dialog(monkeypatch, tmp_path / "study.pdf", BOTH)

    window.project.action_export_report.trigger()  # Cancel: nothing written
    assert asked == [["study.html"]]
    assert mine.read_text(encoding="utf-8") == MINE
    assert not (tmp_path / "study.pdf").exists()
    assert window.project.action_export_report.isEnabled()

    with qtbot.waitSignal(window.project.report_finished, timeout=LOAD_TIMEOUT_MS * 3):
        window.project.action_export_report.trigger()  # Replace
    assert asked == [["study.html"], ["study.html"]]
    assert "Framescope" in mine.read_text(encoding="utf-8")
    assert (tmp_path / "study.pdf").read_bytes().startswith(b"%PDF")


def test_a_new_report_asks_nothing(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop import qt_project

    load(qtbot, window, copy_seeds(tmp_path / "corpus", 2))
    monkeypatch.setattr(qt_project, "ask_replace_beside",
                        lambda *args: pytest.fail("asked about a file that is not there"))
    patch_save_dialog(monkeypatch, tmp_path / "fresh.pdf", BOTH)
    with qtbot.waitSignal(window.project.report_finished, timeout=LOAD_TIMEOUT_MS * 3) as done:
        window.project.action_export_report.trigger()
    assert sorted(p.name for p in done.args[0]) == ["fresh.html", "fresh.pdf"]
