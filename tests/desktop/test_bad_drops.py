"""Bad files dropped on the window: one Load Problems row each, the rest load, the app goes on."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from tests.desktop.conftest import LOAD_TIMEOUT_MS
from tests.desktop.test_column_dialog import when_dialog_opens
from tests.desktop.test_drop import drag_and_drop, mime_for
from tests.models.fileformats import write_docx, write_image_only_pdf, write_pdf, write_rtf
from tests.models.test_documents import entity_bomb_docx, zip_bomb_docx

ARTICLE = ["Kremlin keeps its officials", "The Kremlin reportedly told officials to stay, sources said."]


def test_a_folder_of_bad_files_loads_the_good_ones(qtbot: Any, window: Any, tmp_path: Path) -> None:
    folder = tmp_path / "drop"
    folder.mkdir()
    write_docx(folder / "good.docx", ARTICLE)
    write_pdf(folder / "other.pdf", ["Another story", "Officials said nothing at all about it."])
    write_rtf(folder / "same.rtf", ARTICLE)  # the good article again, as RTF
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(os.urandom(3000) + b"\x00")
    zip_bomb_docx(folder / "bomb.docx")
    entity_bomb_docx(folder / "lol.docx")
    write_image_only_pdf(folder / "scan.pdf")
    (folder / "ids.csv").write_text("id,count\n1,2\n", encoding="utf-8")
    with (folder / "huge.jsonl").open("wb") as handle:
        handle.truncate(1024**3)  # sparse
    # A CSV without a text column is asked about (the user may know which column it is).
    asked = when_dialog_opens(
        qtbot, lambda dialog: qtbot.mouseClick(dialog.skip_button, Qt.MouseButton.LeftButton)
    )
    with qtbot.waitSignal(window.load_finished, timeout=LOAD_TIMEOUT_MS) as finished:
        drag_and_drop(window, mime_for(folder))
    assert asked == ["Columns of ids.csv"]
    assert sorted(a.article_id for a in window.analyses()) == ["good", "other"]
    problems = {Path(p.file).name: p.reason for p in window.load_problems()}
    assert len(problems) == len(window.load_problems()) == 8  # one row per bad file
    assert problems["same.rtf"].startswith("already read (not analysed twice)")
    assert problems["empty.txt"] == "empty file"
    assert problems["binary.txt"] == "not valid text: looks like a binary file"
    assert "zip bomb" in problems["bomb.docx"] and "entity bomb" in problems["lol.docx"]
    assert problems["scan.pdf"].startswith("no text in this PDF")
    assert problems["ids.csv"] == "not read: you chose no text column for it"
    assert problems["huge.jsonl"].startswith("too large to read (1024.0 MB")
    assert window.problems_dock.isVisible() and window.isVisible()
    assert "2 articles" in finished.args[0]
