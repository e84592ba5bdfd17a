"""A load's start on the GUI thread (issue 6 item 3: no stall over 50 ms while analysis
runs). Looking for corpus files (tables, which may need the column dialog) among the
paths given is done by name: a folder with no table in it starts its run without the
readers or the column dialog imported on the GUI thread (they took ~50 ms CPU there,
and a Path per file ~30 ms for 10,000 files: bench/app_scale.py)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.desktop.conftest import SEED_COUNT, copy_seeds, last_json_line_of

# A fresh interpreter (this test process imported the readers long ago), started as
# desktop.qt_app.run_gui starts the app: the window's first paint starts the load. An
# import hook notes the thread that first imports each module watched.
_SCRIPT = r"""
import json, os, sys, threading
os.environ["QT_QPA_PLATFORM"] = "offscreen"
FOLDER = __FOLDER__
WATCHED = ("models.readers", "desktop.qt_column_dialog")
imported_on = {}

class Watch:
    def find_spec(self, name, path=None, target=None):
        if name in WATCHED:
            imported_on.setdefault(name, threading.current_thread().name)
        return None

sys.meta_path.insert(0, Watch())
from PySide6.QtCore import QTimer
from desktop import qt_app
from desktop.qt_main_window import MainWindow

app = qt_app.create_application()
window = MainWindow(build_later=True)
seen = {}

def start():
    window.open_paths([FOLDER])
    seen["busy after open_paths"] = window.is_busy()
    seen["imported by then"] = dict(imported_on)

def finished(summary):
    seen["summary"] = summary
    seen["outlets"] = sorted({a.outlet for a in window.analyses()})
    # Qt 6's quit() closes the windows first: with the load unsaved, the window would ask
    # Save/Discard/Cancel in a modal box until the 90 s timer ended its loop (the test
    # took 90 s, and once ended in a segmentation fault at exit: ux15, session 15).
    window.project.set_modified(False)
    app.quit()

window.first_painted.connect(start)
window.load_finished.connect(finished)
QTimer.singleShot(90_000, app.quit)
window.show()
app.exec()
seen["imported in all"] = dict(imported_on)
window.project.set_modified(False)
window.close()
print(json.dumps(seen))
"""


def test_a_folder_without_tables_starts_loading_without_the_readers_on_the_gui_thread(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "articles"
    copies = copy_seeds(folder)
    # A manifest is not a corpus file: it names each file's outlet, and must still count.
    rows = ["file,outlet"] + [f"{p.name},Outlet {i % 2}" for i, p in enumerate(copies)]
    (folder / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    script = _SCRIPT.replace("__FOLDER__", json.dumps(str(folder)))
    seen = last_json_line_of(script, tmp_path)
    assert seen["busy after open_paths"] is True
    on_gui_thread = [m for m, thread in seen["imported by then"].items() if thread == "MainThread"]
    assert on_gui_thread == []
    assert "desktop.qt_column_dialog" not in seen["imported in all"]
    assert seen["summary"] == f"{SEED_COUNT} articles from 2 outlets"
    assert seen["outlets"] == ["Outlet 0", "Outlet 1"]
