"""PySide6's check of each imported module (does it use PySide?) reads bytes, with the
same answers, and no longer keeps every imported module's source in memory."""

from __future__ import annotations

import inspect
import sys
from pathlib import Path
from types import ModuleType

import PySide6.QtCore  # noqa: F401  (PySide6's import check exists once it is loaded)

from desktop import qt_feature_check
from tests.desktop.conftest import last_json_line_of


def pyside_answer(module: ModuleType) -> bool:
    """PySide6's own answer (shibokensupport/feature.py, _mod_uses_pyside)."""
    try:
        return "PySide6" in inspect.getsource(module)
    except (TypeError, OSError, SyntaxError):
        return False


def _module_from(path: Path, name: str) -> ModuleType:
    module = ModuleType(name)
    module.__file__ = str(path)
    return module


def test_the_answer_is_pysides_for_every_loaded_module_and_odd_files(tmp_path: Path) -> None:
    import desktop.qt_main_window  # noqa: F401  (a module that uses PySide6)
    import models.measures  # noqa: F401  (one that does not)

    modules = [m for m in list(sys.modules.values())
               if isinstance(getattr(m, "__file__", None), str)]
    assert len(modules) > 100
    # Written for this test: PySide6 only in a comment, non-ASCII text (UTF-8 and a
    # declared Latin-1), an empty file, a file that is gone.
    odd = {
        "comment.py": b"# made with PySide6 in mind\nx = 1\n",
        "utf8.py": "name = 'Zürich – 東京'\nfrom PySide6 import QtCore\n".encode(),
        "latin1.py": "# -*- coding: latin-1 -*-\nname = 'Zürich'\n".encode("latin-1"),
        "empty.py": b"",
    }
    for file_name, data in odd.items():
        (tmp_path / file_name).write_bytes(data)
        modules.append(_module_from(tmp_path / file_name, f"odd_{file_name[:-3]}"))
    modules.append(_module_from(tmp_path / "gone.py", "odd_gone"))
    modules.append(ModuleType("no_file_at_all"))

    answers = {m.__name__: qt_feature_check.uses_pyside(m, pyside_answer) for m in modules}
    assert answers == {m.__name__: pyside_answer(m) for m in modules}
    assert answers["desktop.qt_main_window"] and not answers["models.measures"]
    assert answers["odd_comment"] and answers["odd_utf8"] and not answers["odd_latin1"]


def test_a_module_without_a_source_file_goes_to_pysides_check(tmp_path: Path) -> None:
    asked: list[str] = []

    def fallback(module: ModuleType) -> bool:
        asked.append(module.__name__)
        return True

    compiled = _module_from(tmp_path / "thing.cpython-311-x86_64-linux-gnu.so", "compiled")
    frozen = _module_from(tmp_path / "frozen.pyc", "frozen")
    assert qt_feature_check.uses_pyside(compiled, fallback)
    assert qt_feature_check.uses_pyside(frozen, fallback)
    assert asked == ["compiled", "frozen"]


# A fresh interpreter started as the app starts: what PySide6's check leaves behind.
_AFTER_IMPORTS = r"""
import inspect, json, linecache, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from desktop import qt_app
app = qt_app.create_application()
before = set(sys.modules)
from desktop.qt_main_window import MainWindow
from models.features import ArticleAnalysis
from shibokensupport import feature
new = sorted(set(sys.modules) - before)
files = {getattr(sys.modules[name], "__file__", None) for name in new}
kept = sorted(name for name in linecache.cache if name in files)

def answer(module):  # PySide6's own
    try:
        return "PySide6" in inspect.getsource(module)
    except (TypeError, OSError, SyntaxError):
        return False

recorded = {name: feature.pyside_feature_dict[name] for name in new
            if name in feature.pyside_feature_dict}
print(json.dumps({
    "new": len(new), "kept": kept, "recorded": recorded,
    "expected": {name: 0 if answer(sys.modules[name]) else -1 for name in recorded},
    "installed again": __import__("desktop.qt_feature_check").qt_feature_check.install(),
}))
"""


def test_the_app_installs_it_before_its_own_modules_are_imported(tmp_path: Path) -> None:
    seen = last_json_line_of(_AFTER_IMPORTS, tmp_path)
    assert seen["new"] > 10  # the analysis models and their imports
    # PySide6's own check kept the lines of every module imported since in linecache.
    assert seen["kept"] == []
    # The answers PySide6 records (0: uses PySide6, -1: does not) are its own.
    assert seen["recorded"] == seen["expected"]
    assert set(seen["recorded"].values()) == {0, -1}
    assert seen["installed again"] is True
