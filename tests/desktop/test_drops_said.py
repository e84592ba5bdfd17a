"""What a drop cannot use is said, by name and reason: the files of a type Framescope does
not read that come with articles, and a folder that holds no article (ux8, session 8)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.desktop.conftest import LOAD_TIMEOUT_MS, copy_seeds
from tests.desktop.test_drop import drag_and_drop, drag_enter, mime_for


def problems(window: Any) -> dict[str, str]:
    return {Path(p.file).name: p.reason for p in window.load_problems()}


def test_unreadable_files_in_a_drop_are_listed_and_the_article_loads(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    article = copy_seeds(tmp_path / "corpus", 1)[0]
    photo = tmp_path / "photo.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    old_word = tmp_path / "notes.doc"
    old_word.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64))
    mime = mime_for(article, photo, old_word)
    assert drag_enter(window, mime).isAccepted()
    assert window.statusBar().currentMessage() == (
        "Drop to add 1 file (photo.png and notes.doc are not of a type Framescope reads: "
        "listed in Load Problems)"
    )
    with qtbot.waitSignal(window.runner.finished, timeout=LOAD_TIMEOUT_MS):
        assert drag_and_drop(window, mime).isAccepted()
    assert [Path(a.article.source).name for a in window.analyses()] == [article.name]
    found = problems(window)
    assert set(found) == {"photo.png", "notes.doc"}
    # The type first: a narrow Reason column shows it before the list of types read.
    assert found["photo.png"].startswith("not a supported file type: '.png' files are not "
                                         "read (Framescope reads .csv")
    assert found["notes.doc"].startswith("not a supported file type: '.doc' files")
    assert window.problems_dock.isVisible()


def test_a_dropped_folder_with_no_article_is_a_load_problem(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    empty = tmp_path / "empty folder"
    empty.mkdir()
    pictures = tmp_path / "pictures"
    pictures.mkdir()
    for name in ("a.png", "b.jpg"):
        (pictures / name).write_bytes(b"\x89PNG\r\n\x1a\n")
    mime = mime_for(empty, pictures)
    assert drag_enter(window, mime).isAccepted()
    with qtbot.waitSignal(window.runner.finished, timeout=LOAD_TIMEOUT_MS):
        drag_and_drop(window, mime)
    assert window.analyses() == []
    found = problems(window)
    assert found == {
        "empty folder": found["empty folder"],
        "pictures": found["pictures"],
    }
    assert found["empty folder"].startswith(
        "no article in this folder: it holds no file of a type Framescope reads (.csv, ")
    assert found["pictures"].startswith(
        "no article in this folder: none of its 2 files is of a type Framescope reads (.csv, ")
    assert window.problems_dock.isVisible()
