"""No thread but the GUI thread imports a module that makes PySide6 types.

shiboken makes a Qt type the first time Python names it (``from PySide6.QtCore import
QPoint``, a ``class …(QWidget)``), writing a table that the GUI thread reads, without the
interpreter lock, in every QObject's ``metaObject()``. The views' modules were imported on
the "import-views" thread while the GUI thread ran its event loop, and the smoke test
crashed with a segmentation fault now and then (ci29f; the core of one, session 31: the
GUI thread in ``PySide::MetaObjectBuilder::update`` under ``QMetaObject::cast``, the import
thread in ``Shiboken::ObjectType::introduceWrapperType`` for desktop.qt_compare_view's
``from PySide6.QtCore import … QPoint``). A race, so no run is sure to crash: these tests
check the cause instead, on every run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

# Modules that make Qt types when imported.
QT_MODULE_TEST = """
def makes_qt_types(name):
    return (name.split(".")[0] in ("PySide6", "shiboken6")
            or name.startswith(("matplotlib.backends.backend_qt",
                                "matplotlib.backends.qt_compat", "desktop.qt_")))
"""

FREE_PART = QT_MODULE_TEST + """
import json, sys
from PySide6.QtWidgets import QApplication
from desktop import qt_main_window
app = QApplication([])
before = set(sys.modules)
qt_main_window.import_views_qt_free_part()
new = sorted(set(sys.modules) - before)
qt = [name for name in new if makes_qt_types(name)]
# A module imported here that holds a PySide6 object was given one by a Qt import too.
holding = sorted(
    name for name in new
    if any(type(value).__module__.startswith(("PySide6", "shiboken6"))
           or str(getattr(value, "__module__", "")).startswith(("PySide6", "shiboken6"))
           for value in vars(sys.modules[name]).values())
)
print(json.dumps({"new": len(new), "qt": qt, "holding": holding}))
"""


def _env(home: Path) -> dict[str, str]:
    import matplotlib

    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO),
            "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"),
            "MPLCONFIGDIR": matplotlib.get_cachedir()}


def test_the_import_threads_modules_make_no_qt_type(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-c", FREE_PART], cwd=REPO, env=_env(tmp_path),
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["new"] > 50  # matplotlib, numpy, the charts: the import did happen
    assert found["qt"] == []
    assert found["holding"] == []


# The whole smoke test, with every import that makes Qt types off the main thread noted
# by an audit hook (the "import" event: a module imported for the first time).
WATCHED_SMOKE_TEST = QT_MODULE_TEST + """
import runpy, sys, threading
off_main = []

def hook(event, args):
    if event == "import" and threading.current_thread() is not threading.main_thread():
        if makes_qt_types(args[0]):
            off_main.append((threading.current_thread().name, args[0]))

sys.addaudithook(hook)
sys.argv = ["framescope", "--smoke-test"]
try:
    runpy.run_module("desktop", run_name="__main__")
except SystemExit as end:
    code = end.code
print("off the main thread:", sorted(set(off_main)))
sys.stdout.flush()
"""


@pytest.mark.slow
def test_the_smoke_test_imports_no_qt_module_off_the_gui_thread(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-c", WATCHED_SMOKE_TEST], cwd=REPO,
                            env=_env(tmp_path), capture_output=True, text=True, timeout=600)
    lines = result.stdout.strip().splitlines()
    assert any(line.startswith("smoke test passed") for line in lines), (result.stdout,
                                                                           result.stderr)
    assert lines[-1] == "off the main thread: []", result.stdout
