"""A broken edited lexicon copy (edited by hand, or left by an older version) is named
in Load Problems, the shipped file is used in its place, the dropped files load, and
the copy is left as the user made it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.desktop.conftest import LOAD_TIMEOUT_MS, SEEDS
from tests.desktop.test_drop import drag_and_drop, mime_for


def test_a_drop_loads_with_a_broken_lexicon_copy_named_and_kept(
    qtbot: Any, window: Any, tmp_path: Path, user_folders: dict[str, Path]
) -> None:
    copies = user_folders["config"] / "lexicons"
    copies.mkdir(parents=True)
    broken = copies / "hedges.csv"
    broken.write_text("term,forms,subcategory\nmaybe,,epistemic,extra\n", encoding="utf-8")
    before = broken.read_bytes()
    folder = tmp_path / "drop"
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.txt"))[:2]:
        (folder / seed.name).write_bytes(seed.read_bytes())

    with qtbot.waitSignal(window.load_finished, timeout=LOAD_TIMEOUT_MS):
        drag_and_drop(window, mime_for(folder))

    assert len(window.analyses()) == 2
    assert any(s.category == "hedge" for a in window.analyses() for s in a.spans)
    named = [p for p in window.load_problems() if p.file == str(broken)]
    assert len(named) == 1
    assert "line 2" in named[0].reason and "expected 3 cells" in named[0].reason
    assert "shipped" in named[0].reason
    assert window.problems_dock.isVisible()
    assert broken.read_bytes() == before
    from models.lexicons import lexicon_version

    # The broken copy was not used, so the run record does not claim an edited lexicon.
    assert window.project.lexicon_version() == (lexicon_version(), False)

    # Said once, not again at every load.
    again = tmp_path / "again"
    again.mkdir()
    (again / "c.txt").write_bytes(sorted(SEEDS.glob("*.txt"))[3].read_bytes())
    with qtbot.waitSignal(window.load_finished, timeout=LOAD_TIMEOUT_MS):
        drag_and_drop(window, mime_for(again))
    assert len([p for p in window.load_problems() if p.file == str(broken)]) == 1
