"""A later load's outlet joins the outlet already in the table when the names differ only
in case or white space: "cnn.txt" dropped after "CNN.txt" made a second outlet, "cnn",
with its own bar and row of outlets.csv (the readers merged such names within one
reading only). The window passes the outlets loaded to the reading
(models.readers.read_paths's known_outlets), through the analysis process. Real drops
and File ▸ Open's path (open_paths)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.desktop.conftest import LOAD_TIMEOUT_MS, load
from tests.desktop.test_project_ui import drop_files

STORY = ("Officials probably knew of the plan, according to the {who}. "
         "It may be extended next year. Critics said it was clearly meant to stay.")


def _article(folder: Path, name: str, who: str) -> Path:
    """A text file whose outlet is its file name (no manifest, site name or dateline)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(f"A plan for {who}\n\n{STORY.format(who=who)}\n", encoding="utf-8")
    return path


def _outlets(window: Any) -> list[str]:
    return sorted(a.article.outlet for a in window.analyses())


@pytest.mark.parametrize("in_process", [True, False], ids=["analysis process", "thread"])
def test_a_later_drop_joins_the_loaded_outlet_spelt_otherwise(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, in_process: bool
) -> None:
    from desktop.qt_worker import AnalysisTask

    monkeypatch.setattr(AnalysisTask, "use_process", in_process)
    load(qtbot, window, [_article(tmp_path / "first", "CNN.txt", "ministry")])
    assert _outlets(window) == ["CNN"]

    with qtbot.waitSignal(window.runner.finished, timeout=LOAD_TIMEOUT_MS):
        drop_files(window.table.viewport(), _article(tmp_path / "second", "cnn.txt", "mayor"))
    assert _outlets(window) == ["CNN", "CNN"]
    assert window.outlets_loaded() == ["CNN"]

    # File ▸ Open's path too, and a name with other white space; a new outlet stays apart.
    load(qtbot, window, [_article(tmp_path / "third", " Cnn .txt", "court"),
                         _article(tmp_path / "third", "Fox News.txt", "army")])
    assert _outlets(window) == ["CNN", "CNN", "CNN", "Fox News"]
    assert window.outlets_loaded() == ["CNN", "Fox News"]
