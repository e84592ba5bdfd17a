"""Loading a new outlet's articles leaves the other outlets' colours as they were, and a
saved project keeps its outlets' colours. The colours were given in sorted-name order over
every outlet loaded, so dropping "HLN" (first by name) into a study of four outlets moved
all four colours (ux26). The window keeps a colour order (desktop.outlet_order) and the
project saves it; the command line's charts stay in sorted-name order. Real drops and the
File menu's actions."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from desktop.outlet_order import OUTLET_ORDER_KEY
from models.project import load_project
from tests.desktop.conftest import LOAD_TIMEOUT_MS, SEEDS, load, wait_for_chart
from tests.desktop.test_outlet_colours_kept import drawn_colours
from tests.desktop.test_project_ui import drop_files, patch_open_dialog, patch_save_dialog


def seeds_with_manifest(folder: Path, outlets: set[str]) -> Path:
    """A folder of the seeds of ``outlets``, with their manifest rows."""
    folder.mkdir(parents=True)
    lines = (SEEDS / "manifest.csv").read_text(encoding="utf-8").splitlines()
    rows = [line for line in lines[1:] if line.split(",")[1] in outlets]
    for row in rows:
        shutil.copy(SEEDS / row.split(",")[0], folder)
    (folder / "manifest.csv").write_text("\n".join([lines[0], *rows]) + "\n", encoding="utf-8")
    return folder


def test_a_new_outlet_moves_no_colour_and_a_saved_project_keeps_them(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    four = {"The Daily Beast", "Spanish-language outlet", "PatriotWise", "MoD-based report"}
    load(qtbot, window, [seeds_with_manifest(tmp_path / "four", four)])
    view = window.compare_view
    wait_for_chart(qtbot, view)
    before = drawn_colours(view)
    assert set(before) == four and len(set(before.values())) == 4

    with qtbot.waitSignal(view.chart_shown, timeout=LOAD_TIMEOUT_MS):
        drop_files(window.table.viewport(), seeds_with_manifest(tmp_path / "hln", {"HLN"}))
    wait_for_chart(qtbot, view)
    after = drawn_colours(view)
    assert set(after) == four | {"HLN"}
    assert {name: after[name] for name in four} == before  # each moved one place before
    assert after["HLN"] not in before.values()

    target = tmp_path / "study.framescope"
    patch_save_dialog(monkeypatch, target)
    window.project.action_save_as.trigger()
    assert load_project(target).settings[OUTLET_ORDER_KEY][-1] == "HLN"
    window.project.action_new.trigger()
    assert window.table_model.rowCount() == 0
    patch_open_dialog(monkeypatch, target)
    with qtbot.waitSignal(window.project.project_opened, timeout=LOAD_TIMEOUT_MS):
        window.project.action_open.trigger()
    wait_for_chart(qtbot, view)
    assert drawn_colours(view) == after


def test_a_project_saved_without_an_order_opens_in_sorted_order(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Projects saved before the order was kept: colours by sorted name, as they had."""
    from models.project import save_project

    load(qtbot, window, [seeds_with_manifest(tmp_path / "four", {"PatriotWise", "HLN"})])
    view = window.compare_view
    wait_for_chart(qtbot, view)
    first = drawn_colours(view)
    with qtbot.waitSignal(view.chart_shown, timeout=LOAD_TIMEOUT_MS):
        drop_files(window.table.viewport(),
                   seeds_with_manifest(tmp_path / "mod", {"MoD-based report"}))
    wait_for_chart(qtbot, view)
    assert drawn_colours(view)["MoD-based report"] not in first.values()  # kept order
    old = window.project.snapshot()
    del old.settings[OUTLET_ORDER_KEY]  # as an older Framescope saved it
    path = tmp_path / "old.framescope"
    save_project(path, old)
    window.project.action_new.trigger()
    with qtbot.waitSignal(window.project.project_opened, timeout=LOAD_TIMEOUT_MS):
        assert window.project.open_project(path)
    wait_for_chart(qtbot, view)
    sorted_names = ["HLN", "MoD-based report", "PatriotWise"]
    assert drawn_colours(view) == {
        name: colour for name, colour in zip(
            sorted_names, ["#e69f00", "#56b4e9", "#009e73"], strict=True)}
