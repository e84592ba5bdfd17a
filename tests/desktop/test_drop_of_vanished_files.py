"""A file deleted or moved while it is dragged (after the drag entered the window, before
the drop) is named in Load Problems as not found; the other files load."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.desktop.conftest import LOAD_TIMEOUT_MS, SEEDS
from tests.desktop.test_drop import drag_enter, drag_move, drop, mime_for


def test_a_file_gone_before_the_drop_is_named_and_the_others_load(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    seeds = sorted(SEEDS.glob("*.txt"))
    kept = tmp_path / "kept.txt"
    kept.write_bytes(seeds[0].read_bytes())
    gone = tmp_path / "gone.txt"
    gone.write_bytes(seeds[1].read_bytes())
    mime = mime_for(kept, gone)
    drag_enter(window, mime)
    drag_move(window, mime)
    gone.unlink()
    with qtbot.waitSignal(window.load_finished, timeout=LOAD_TIMEOUT_MS):
        drop(window, mime)
    assert [a.article_id for a in window.analyses()] == ["kept"]
    assert [(p.file, p.reason) for p in window.load_problems()] == [
        (str(gone), "file not found")]


def test_a_drop_whose_every_file_is_gone_is_said(qtbot: Any, window: Any, tmp_path: Path) -> None:
    gone = tmp_path / "gone.txt"
    gone.write_bytes(sorted(SEEDS.glob("*.txt"))[0].read_bytes())
    mime = mime_for(gone)
    drag_enter(window, mime)
    drag_move(window, mime)
    gone.unlink()
    with qtbot.waitSignal(window.load_finished, timeout=LOAD_TIMEOUT_MS):
        drop(window, mime)
    assert window.analyses() == []
    assert [(p.file, p.reason) for p in window.load_problems()] == [
        (str(gone), "file not found")]
    assert window.problems_dock.isVisible()
