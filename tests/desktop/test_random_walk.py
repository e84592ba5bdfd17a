"""Seeded random walks through the real window: drops (good, empty and damaged files),
charts and measures, chart clicks, the filter, sorting, renames, exclusions, Delete with
Undo/Redo, Clear All, a load cancelled, the tabs, exports and a project saved and opened
again, each through the events a user's keys, clicks and drops make. After every step the
walk checks what a user relies on: no exception anywhere, the table shows every loaded
article, the status bar counts them, Undo after Delete brings the same articles back, the
charts show the included articles once the analysis has ended, no window left open.

The committed walks are three of 18 steps (fixed seeds: the same steps every run; ~8 s).
Longer ones hunt for defects (session 34: 1,000+ walks' steps, five defects fixed): ``FRAMESCOPE_WALK_SEEDS=0-49 FRAMESCOPE_WALK_STEPS=60 pytest
tests/desktop/test_random_walk.py``.
"""

from __future__ import annotations

import os
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, Qt, QtMsgType, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QWidget

from desktop.table_columns import OUTLET_COLUMN
from tests.desktop.conftest import SEEDS, wait_for_work

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier


def _seeds_from_env() -> list[int]:
    spec = os.environ.get("FRAMESCOPE_WALK_SEEDS", "")
    if not spec:
        # Chosen for their reach: together they take 22 of the walk's 23 kinds of step.
        return [4, 6, 15]
    seeds: list[int] = []
    for part in spec.split(","):
        first, _, last = part.partition("-")
        seeds.extend(range(int(first), int(last or first) + 1))
    return seeds


WALK_SEEDS = _seeds_from_env()
WALK_STEPS = int(os.environ.get("FRAMESCOPE_WALK_STEPS", "18"))

GOOD_TEXT = (
    "{title}\n\nOfficials in {place} may have been told they cannot resign, sources say. "
    "It is unclear how many are affected. \"Nobody is allowed to leave,\" one official "
    "said. The ministry denied the report on Tuesday, calling it {word}.\n"
)
WORDS = ["false", "absurd", "a smear", "baseless", "a provocation", "premature"]
RISK = "%\n1\trisk\n2\tcalm\n%\ndanger*\t1\nthreat*\t1\nwar\t1\nattack*\t1\nsafe*\t2\ncalm*\t2\n"
PLACES = ["Moscow", "Kyiv", "Minsk", "Berlin", "Paris", "Rome", "Oslo"]


def made_files(folder: Path, rng: random.Random, count: int) -> list[Path]:
    """``count`` small articles of the walk's own, some empty or damaged."""
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for _ in range(count):
        n = rng.randrange(10**6)
        kind = rng.choice(["txt", "txt", "html", "csv", "empty", "binary", "bad html", "bad csv"])
        place, word = rng.choice(PLACES), rng.choice(WORDS)
        title = f"Officials in {place} barred from quitting ({n})"
        if kind == "txt":
            path = folder / f"{rng.choice(['cnn', 'bbc', 'reuters', 'walk'])}-{n}.txt"
            path.write_text(GOOD_TEXT.format(title=title, place=place, word=word),
                            encoding="utf-8")
        elif kind == "html":
            path = folder / f"courier-{n}.html"
            body = GOOD_TEXT.format(title=title, place=place, word=word).split("\n\n", 1)[1]
            path.write_text(f"<html><head><title>{title} | The Courier</title></head><body>"
                            f"<article><h1>{title}</h1><p>{body}</p></article></body></html>",
                            encoding="utf-8")
        elif kind == "csv":
            path = folder / f"corpus-{n}.csv"
            body = GOOD_TEXT.format(title=title, place=place, word=word).split("\n\n", 1)[1]
            path.write_text(f"outlet,headline,date,text\nThe Wire,{title},2023-05-18,"
                            f"\"{body.strip()}\"\n", encoding="utf-8")
        elif kind == "empty":
            path = folder / f"empty-{n}.{rng.choice(['txt', 'html', 'csv'])}"
            path.write_bytes(b"")
        elif kind == "binary":
            path = folder / f"binary-{n}.txt"
            path.write_bytes(bytes(rng.randrange(256) for _ in range(2048)))
        elif kind == "bad html":
            path = folder / f"broken-{n}.html"
            path.write_text("<html><body><div><p>Unclosed <b>tags", encoding="utf-8")
        else:
            path = folder / f"broken-{n}.csv"
            path.write_text("a;b\n\"unclosed,1\n2,3,4,5\n", encoding="utf-8")
        made.append(path)
    return made


class Walk:
    """One seeded walk through ``window``; ``log`` names each step taken (for a failure's
    message: the seed and the steps reproduce it)."""

    def __init__(self, qtbot: Any, window: Any, rng: random.Random, folder: Path,
                 errors: list[tuple[str, str, str]], exceptions: list[Any], qtlog: Any) -> None:
        self.qtbot, self.window, self.rng, self.folder = qtbot, window, rng, folder
        self.errors, self.exceptions, self.qtlog = errors, exceptions, qtlog
        self.log: list[str] = []
        self.drops = 0
        self.exports = 0
        self.project: Path | None = None

    # --- helpers -------------------------------------------------------------

    def wait_idle(self, what: str) -> None:
        window = self.window
        wait_for_work(self.qtbot, lambda: not window.is_busy()
                      and not window.project.rescore_runner.is_running(), what)

    def wait_chart(self) -> None:
        view = self.window.compare_view
        wait_for_work(self.qtbot, lambda: view.current_chart() is not None
                      and not view.chart_pending(), "the chart")

    def key(self, widget: QWidget, key: Qt.Key, modifiers: Any = NONE) -> None:
        QTest.keyClick(widget, key, modifiers)

    def focus_table(self) -> Any:
        table = self.window.table
        if self.window.tabs.currentIndex() != 0 and self.rng.random() < 0.3:
            self.key(table, Qt.Key.Key_1, CTRL)
        table.setFocus()
        return table

    def click_row(self, row: int, modifiers: Any = NONE) -> None:
        table = self.window.table
        index = self.window.proxy.index(row, 1)
        table.scrollTo(index)
        QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifiers,
                         table.visualRect(index).center())

    def select_some(self) -> list[str]:
        """Click one row, sometimes Ctrl-click another; the selected articles' ids."""
        proxy = self.window.proxy
        if proxy.rowCount() == 0:
            return []
        self.focus_table()
        self.click_row(self.rng.randrange(proxy.rowCount()))
        if proxy.rowCount() > 1 and self.rng.random() < 0.4:
            self.click_row(self.rng.randrange(proxy.rowCount()), CTRL)
        model = self.window.table_model
        return [model.analysis(r).article_id for r in self.window.selected_source_rows()]

    def drop(self, paths: list[Path]) -> bool:
        window = self.window
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
        point = QPointF(window.width() / 2, window.height() / 3)
        enter = QDragEnterEvent(point.toPoint(), Qt.DropAction.CopyAction, mime,
                                Qt.MouseButton.LeftButton, NONE)
        QApplication.sendEvent(window, enter)
        if not enter.isAccepted():
            return False
        QApplication.sendEvent(window, QDragMoveEvent(
            point.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, NONE))
        event = QDropEvent(point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                           NONE)
        QApplication.sendEvent(window, event)
        assert mime is not None
        return event.isAccepted()

    def save_dialog_answers(self, monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
        monkeypatch.setattr(QFileDialog, "getSaveFileName",
                            staticmethod(lambda *a, **k: (str(path), "")))

    # --- steps ----------------------------------------------------------------

    def step_drop(self) -> None:
        rng = self.rng
        self.drops += 1
        seeds = sorted(SEEDS.glob("*.txt"))
        paths = rng.sample(seeds, rng.randint(0, 3))
        paths += made_files(self.folder / f"drop{self.drops}", rng, rng.randint(0, 3))
        if not paths or rng.random() < 0.15:
            paths.append(SEEDS)
        self.log[-1] += f" {[p.name for p in paths]}"
        before = {a.article_id for a in self.window.analyses()}
        samples_aside = self.window.samples_make_room()
        if self.drop(paths):
            self.wait_idle("the load")
            # A load adds articles and takes none away (but the samples it sets aside).
            if not samples_aside:
                assert before <= {a.article_id for a in self.window.analyses()}

    def step_cancel_load(self) -> None:
        rng = self.rng
        self.drops += 1
        paths = [*made_files(self.folder / f"drop{self.drops}", rng, 3), SEEDS]
        if self.drop(paths):
            button = self.window.cancel_button
            if button.isVisible() and button.isEnabled():
                QTest.mouseClick(button, Qt.MouseButton.LeftButton)
            self.wait_idle("the cancelled load")

    def step_chart(self) -> None:
        view = self.window.compare_view
        self.key(self.window.table, Qt.Key.Key_1, CTRL)
        combo = view.chart_combo if self.rng.random() < 0.6 else view.measure_combo
        combo.setFocus()
        for _ in range(self.rng.randint(1, 4)):
            self.key(combo, self.rng.choice([Qt.Key.Key_Down, Qt.Key.Key_Up]))
        self.log[-1] += f" {view.current_key()}/{view.current_measure()}"

    def step_click_chart(self) -> None:
        window = self.window
        view = window.compare_view
        self.key(window.table, Qt.Key.Key_1, CTRL)
        if not window.analyses():
            return
        self.wait_chart()
        targets = view.chart_targets()
        if not targets:
            return
        if self.rng.random() < 0.5:
            x, y = self.rng.choice(targets)
            point = view.canvas.widget_point(x, y)
            view.scroll_area.ensureVisible(point.x(), point.y(), 10, 10)
            QTest.mouseClick(view.canvas, Qt.MouseButton.LeftButton, NONE, point)
        else:
            view.canvas.setFocus()
            for _ in range(self.rng.randint(1, 4)):
                self.key(view.canvas, Qt.Key.Key_Right)
            self.key(view.canvas, Qt.Key.Key_Return)
        panel = view.evidence_panel
        if panel.is_listing() and panel.rows() and self.rng.random() < 0.5:
            # Open the first sentence listed, as a double-click (Enter) does.
            listing = panel.list_view
            listing.setFocus()
            listing.setCurrentIndex(listing.model().index(0, 0))
            self.key(listing, Qt.Key.Key_Return)

    def step_filter(self) -> None:
        window = self.window
        self.key(window.table, Qt.Key.Key_F, CTRL)
        edit = window.filter_edit
        words = ["", "", "cnn", "officials", "2023", "zzz", "the", "walk"]
        QTest.keyClicks(edit, self.rng.choice(words))
        if not edit.text() or self.rng.random() < 0.3:
            edit.selectAll()
            self.key(edit, Qt.Key.Key_Backspace)
        self.log[-1] += f" {edit.text()!r}"

    def step_sort(self) -> None:
        window = self.window
        header = window.table.horizontalHeader()
        column = self.rng.randrange(min(window.proxy.columnCount(), 8))
        if self.rng.random() < 0.5 and not header.isSectionHidden(column):
            if window.proxy.rowCount():
                window.table.scrollTo(window.proxy.index(0, column))
            x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
            QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, NONE,
                             QPoint(x, header.height() // 2))
        else:
            table = self.focus_table()
            if window.proxy.rowCount():
                table.setCurrentIndex(window.proxy.index(0, column))
            self.key(table, Qt.Key.Key_T, CTRL | SHIFT)
        self.log[-1] += f" column {column}"

    def step_rename(self) -> None:
        window = self.window
        proxy = window.proxy
        if not proxy.rowCount():
            return
        table = self.focus_table()
        row = self.rng.randrange(proxy.rowCount())
        table.setCurrentIndex(proxy.index(row, OUTLET_COLUMN))
        self.key(table, Qt.Key.Key_F2)
        editor = QApplication.focusWidget()
        if not isinstance(editor, QLineEdit):
            return
        editor.selectAll()
        name = self.rng.choice(["CNN", "the daily  beast", "Walk Times", "  ", "BBC News", "x"])
        QTest.keyClicks(editor, name)
        self.key(editor, self.rng.choice([Qt.Key.Key_Return, Qt.Key.Key_Return,
                                          Qt.Key.Key_Escape]))
        self.log[-1] += f" {name!r}"

    def step_exclude(self) -> None:
        if self.select_some():
            self.key(self.window.table, Qt.Key.Key_X, CTRL | SHIFT)

    def step_delete_undo(self) -> None:
        window = self.window
        ids = self.select_some()
        if not ids:
            return
        before = [a.article_id for a in window.table_model.analyses()]
        excluded = set(window.table_model.excluded_ids())
        outlets = {a.article_id: a.outlet for a in window.table_model.analyses()}
        self.key(window.table, Qt.Key.Key_Delete)
        after = [a.article_id for a in window.table_model.analyses()]
        assert sorted(set(before) - set(after)) == sorted(ids), (ids, before, after)
        if self.rng.random() < 0.8:
            self.key(window.table, Qt.Key.Key_Z, CTRL)
            back = [a.article_id for a in window.table_model.analyses()]
            assert back == before, "Undo after Delete did not bring the same rows back"
            assert set(window.table_model.excluded_ids()) == excluded
            assert {a.article_id: a.outlet for a in window.table_model.analyses()} == outlets
            if self.rng.random() < 0.3:
                self.key(window.table, Qt.Key.Key_Z, CTRL | SHIFT)
                assert [a.article_id for a in window.table_model.analyses()] == after

    def step_undo_redo(self) -> None:
        key = (Qt.Key.Key_Z, CTRL) if self.rng.random() < 0.6 else (Qt.Key.Key_Z, CTRL | SHIFT)
        self.key(self.window.table, *key)

    def step_clear_all(self) -> None:
        window = self.window
        if not window.action_clear.isEnabled():
            return
        before = [a.article_id for a in window.analyses()]
        excluded = set(window.table_model.excluded_ids())
        window.action_clear.trigger()  # File > Clear All
        assert window.analyses() == []
        if self.rng.random() < 0.5:
            self.key(window.table, Qt.Key.Key_Z, CTRL)
            assert [a.article_id for a in window.analyses()] == before
            assert set(window.table_model.excluded_ids()) == excluded

    def step_tab(self) -> None:
        key = self.rng.choice([Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3])
        target = QApplication.focusWidget() or self.window
        self.key(target, key, CTRL)

    def step_export(self) -> None:
        window = self.window
        if not window.analyses():
            return
        self.exports += 1
        kind = self.rng.choice(["chart", "data", "table"])
        suffix = {"chart": self.rng.choice(["png", "svg"]), "data": "csv",
                  "table": "csv"}[kind]
        path = self.folder / "exports" / f"{kind}-{self.exports}.{suffix}"
        path.parent.mkdir(exist_ok=True)
        with pytest.MonkeyPatch.context() as patch:
            self.save_dialog_answers(patch, path)
            action = {"chart": window.action_export_chart,
                      "data": window.action_export_chart_data,
                      "table": window.action_export_table}[kind]
            assert action.isEnabled()
            action.trigger()
        errors = len(self.errors)
        wait_for_work(self.qtbot, lambda: path.exists() or len(self.errors) > errors,
                      f"the {kind} export")
        assert path.exists(), self.errors[errors:]
        if kind == "table":
            import csv

            with path.open(encoding="utf-8", newline="") as handle:
                rows = list(csv.DictReader(handle))
            assert len(rows) == len(window.included_analyses())
        self.log[-1] += f" {path.name}"

    def step_save_open(self) -> None:
        window = self.window
        project = window.project
        path = self.folder / f"study-{self.rng.randrange(3)}.framescope"
        with pytest.MonkeyPatch.context() as patch:
            self.save_dialog_answers(patch, path)
            patch.setattr(QFileDialog, "getOpenFileName",
                          staticmethod(lambda *a, **k: (str(path), "")))
            ids = sorted(a.article_id for a in window.analyses())
            outlets = {a.article_id: a.outlet for a in window.analyses()}
            excluded = set(window.table_model.excluded_ids())
            project.action_save_as.trigger()
            if not path.exists():
                return
            assert not project.is_modified()
            self.project = path
            project.action_open.trigger()
            self.wait_idle("the project's analysis")
        assert sorted(a.article_id for a in window.analyses()) == ids
        assert set(window.table_model.excluded_ids()) == excluded
        assert {a.article_id: a.outlet for a in window.analyses()} == outlets

    def step_new_project(self) -> None:
        self.window.project.action_new.trigger()
        assert not self.window.analyses()

    def step_drop_twice(self) -> None:
        """A second drop while the first load runs: the first is cancelled, the second
        loads."""
        rng = self.rng
        self.drops += 1
        first = made_files(self.folder / f"drop{self.drops}a", rng, 2)
        second = [*made_files(self.folder / f"drop{self.drops}b", rng, 2),
                  *rng.sample(sorted(SEEDS.glob("*.txt")), 2)]
        self.log[-1] += f" {[p.name for p in first]} then {[p.name for p in second]}"
        self.drop(first)
        if self.drop(second):
            self.wait_idle("the second load")

    def step_dictionary(self) -> None:
        """A custom dictionary dropped (the articles are scored again), or removed."""
        window = self.window
        if window.project.dictionaries and self.rng.random() < 0.5:
            window.project.action_remove_dictionaries.trigger()
        else:
            path = self.folder / f"risk{self.rng.randrange(2)}.dic"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(RISK, encoding="utf-8")
            self.drop([path])
        self.wait_idle("the scoring again")

    def step_methods(self) -> None:
        """F1 opens the Methods window; Escape closes it."""
        window = self.window
        target = QApplication.focusWidget() or window.table
        self.key(target, Qt.Key.Key_F1)
        dialog = window._methods_dialog
        assert dialog is not None and dialog.isVisible()
        self.key(dialog, Qt.Key.Key_Escape)
        assert not dialog.isVisible()
        window.activateWindow()
        self.qtbot.waitActive(window)

    def step_read(self) -> None:
        """Enter on a row reads its article (the Read tab); the arrows go on in the table."""
        window = self.window
        if not window.proxy.rowCount():
            return
        table = self.focus_table()
        row = self.rng.randrange(window.proxy.rowCount())
        column = self.rng.choice([1, 1, 5])
        table.setCurrentIndex(window.proxy.index(row, column))
        self.key(table, Qt.Key.Key_Return)
        assert window.tabs.currentIndex() == 2 - 1
        shown = window.read_view.analysis()
        assert shown is not None
        assert shown.article_id == window._analysis_at(table.currentIndex()).article_id
        table.setFocus()
        self.key(table, self.rng.choice([Qt.Key.Key_Down, Qt.Key.Key_Up]))

    def step_copy_chart(self) -> None:
        """Ctrl+Shift+C: the chart onto the clipboard, drawn on a thread."""
        window = self.window
        if not window.action_copy_chart.isEnabled():
            return
        copied: list[str] = []
        window.chart_copied.connect(copied.append)
        try:
            self.key(window.table, Qt.Key.Key_C, CTRL | SHIFT)
            wait_for_work(self.qtbot, lambda: bool(copied), "the chart copied")
        finally:
            window.chart_copied.disconnect(copied.append)
        assert copied == [""], copied

    def step_resize(self) -> None:
        """The window made smaller or larger, as a laptop's or a desktop's."""
        width, height = self.rng.choice([(1366, 768), (1000, 640), (1600, 1000), (800, 600)])
        self.window.resize(width, height)
        self.log[-1] += f" {width}x{height}"

    def step_edit_while_loading(self) -> None:
        """An outlet typed (or a row deleted) while a drop is being read."""
        window = self.window
        self.drops += 1
        paths = made_files(self.folder / f"drop{self.drops}", self.rng, 2)
        if not window.proxy.rowCount() or not self.drop(paths):
            self.wait_idle("the load")
            return
        table = self.focus_table()
        row = self.rng.randrange(window.proxy.rowCount())
        if self.rng.random() < 0.5:
            table.setCurrentIndex(window.proxy.index(row, OUTLET_COLUMN))
            self.key(table, Qt.Key.Key_F2)
            editor = QApplication.focusWidget()
            if isinstance(editor, QLineEdit):
                editor.selectAll()
                QTest.keyClicks(editor, "Typed Meanwhile")
                self.key(editor, Qt.Key.Key_Return)
        else:
            self.click_row(row)
            self.key(table, Qt.Key.Key_Delete)
        self.wait_idle("the load")

    def step_drop_project(self) -> None:
        """A study saved earlier dropped on the window: it opens in place of the study."""
        if self.project is None:
            return
        self.drop([self.project])
        self.wait_idle("the dropped project")

    STEPS: ClassVar[dict[str, tuple[float, str]]] = {
        "drop": (4, "step_drop"), "cancel": (1, "step_cancel_load"), "chart": (3, "step_chart"),
        "click": (3, "step_click_chart"), "filter": (2, "step_filter"), "sort": (2, "step_sort"),
        "rename": (2, "step_rename"), "exclude": (2, "step_exclude"),
        "delete": (3, "step_delete_undo"), "undo": (2, "step_undo_redo"),
        "clear": (1, "step_clear_all"), "tab": (2, "step_tab"), "export": (2, "step_export"),
        "project": (1, "step_save_open"), "new": (0.5, "step_new_project"),
        "drop twice": (1, "step_drop_twice"), "dictionary": (0.7, "step_dictionary"),
        "methods": (0.5, "step_methods"), "read": (1.5, "step_read"),
        "copy": (0.7, "step_copy_chart"), "resize": (0.7, "step_resize"),
        "edit while loading": (1, "step_edit_while_loading"),
        "drop project": (0.5, "step_drop_project"),
    }

    def run(self, steps: int) -> None:
        names = list(self.STEPS)
        weights = [self.STEPS[n][0] for n in names]
        for number in range(steps):
            name = "drop" if number == 0 else self.rng.choices(names, weights)[0]
            self.log.append(f"{number}: {name}")
            self.settle()
            getattr(self, self.STEPS[name][1])()
            self.check()

    # --- what a user relies on -------------------------------------------------

    def settle(self) -> None:
        """What the event loop does between two of a user's actions: the events posted
        run, and widgets closed meanwhile (a table cell's editor) are deleted."""
        QApplication.processEvents()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        # The offscreen platform has no window manager to give the window its activation
        # back when a dialog (the column dialog) has closed: done here, as one would.
        assert QApplication.activeWindow() in (None, self.window), QApplication.activeWindow()
        if QApplication.activeWindow() is None:
            self.window.activateWindow()
            self.qtbot.waitActive(self.window)
            QApplication.processEvents()

    def check(self) -> None:
        window = self.window
        self.settle()
        assert not self.exceptions, self.exceptions
        self.wait_idle("the last step's load")
        model, proxy = window.table_model, window.proxy
        analyses = window.analyses()
        assert model.rowCount() == len(analyses)
        if not window.filter_edit.text().strip():
            assert proxy.rowCount() == model.rowCount()
        else:
            assert proxy.rowCount() <= model.rowCount()
        assert len({a.article_id for a in analyses}) == len(analyses), "ids not unique"
        from desktop.qt_main_window import corpus_summary

        if analyses:
            assert corpus_summary(analyses) in window.status_text(), window.status_text()
            assert window.loaded_summary() in window.status_text(), window.status_text()
        # The Read view shows the table's current article, or one the filter hides (a
        # sentence opened from the chart's list).
        if window._read_view is not None and window.table.currentIndex().isValid():
            current = window._analysis_at(window.table.currentIndex())
            shown = window.read_view.analysis()
            in_table = {proxy.index(r, 0).data(Qt.ItemDataRole.UserRole).article_id
                        for r in range(proxy.rowCount())}
            if shown is not None and shown.article_id in in_table:
                assert current is not None and shown.article_id == current.article_id, (
                    shown.article_id, current and current.article_id)
        included = window.included_analyses()
        assert {a.article_id for a in included} <= {a.article_id for a in analyses}
        # The charts show the included articles, once the views are built and drawn.
        if window._compare_view is not None:
            view = window.compare_view
            assert sorted(a.article_id for a in view.analyses()) == sorted(
                a.article_id for a in included)
            if included:
                self.wait_chart()
                chart = view.current_chart()
                outlets = {a.outlet for a in included}
                shown = getattr(chart, "outlets", None)
                if shown is not None:
                    assert set(shown) <= outlets, (shown, outlets)
                bars = getattr(chart, "bars", None)
                if view.current_key() == "measure_by_outlet" and bars is not None:
                    assert {b.outlet for b in bars} <= outlets
            if window._claims_view is not None:
                claims = window.claims_view
                held = getattr(claims, "_analyses", None)
                if held is not None:
                    assert sorted(a.article_id for a in held) == sorted(
                        a.article_id for a in included)
        # No window left open: no dialog, no other top-level window shown.
        assert QApplication.activeModalWidget() is None
        others = [w for w in QApplication.topLevelWidgets() if w.isVisible()
                  and w is not window and w.windowType() in (Qt.WindowType.Window,
                                                             Qt.WindowType.Dialog)]
        assert not others, others
        assert QApplication.activeWindow() in (None, window), QApplication.activeWindow()
        warnings = [r.message for r in self.qtlog.records
                    if r.type != QtMsgType.QtDebugMsg and r.type != QtMsgType.QtInfoMsg
                    and "This plugin does not support" not in r.message]
        assert not warnings, warnings
        assert not self.exceptions, self.exceptions


@pytest.fixture
def exceptions(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    """Exceptions raised anywhere the event loop reaches (slots, virtual methods, timers)."""
    caught: list[Any] = []
    real = sys.excepthook

    def hook(kind: Any, value: Any, tb: Any) -> None:
        import traceback

        caught.append("".join(traceback.format_exception(kind, value, tb)))
        real(kind, value, tb)

    monkeypatch.setattr(sys, "excepthook", hook)
    yield caught


@pytest.fixture
def column_dialogs(qtbot: Any) -> Iterator[list[str]]:
    """The column dialog a damaged table brings up is answered with its own buttons, as
    she would: OK (the guess) and Skip File, in turn. Polled while the walk runs (the
    dialog runs its own event loop)."""
    from PySide6.QtCore import QTimer

    from desktop.qt_column_dialog import ColumnDialog

    answers: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ColumnDialog) and dialog.isVisible():
            answers.append(dialog.windowTitle())
            ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
            button = ok if len(answers) % 2 == 1 and ok.isEnabled() else dialog.skip_button
            QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(answer)
    timer.start()
    yield answers
    timer.stop()


@pytest.mark.parametrize("seed", WALK_SEEDS)
def test_a_random_walk_keeps_the_window_whole(
    qtbot: Any, window: Any, shown_errors: list[tuple[str, str, str]],
    exceptions: list[Any], column_dialogs: list[str], tmp_path: Path, seed: int, qtlog: Any,
) -> None:
    walk = Walk(qtbot, window, random.Random(seed), tmp_path / "walk", shown_errors,
                exceptions, qtlog)
    window.activateWindow()
    qtbot.waitActive(window)
    try:
        walk.run(WALK_STEPS)
    except BaseException as error:
        raise AssertionError(f"seed {seed}, steps:\n" + "\n".join(walk.log)) from error
    print(f"seed {seed}:", *walk.log, sep="\n")  # the steps taken (pytest -s shows them)
    # Damaged files are listed in Load Problems: no step of the walk ends in an error box.
    assert not shown_errors, (seed, walk.log, shown_errors)


