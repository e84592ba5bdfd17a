"""PySide6's check of every module imported after it, reading bytes instead of source.

Importing PySide6 replaces ``builtins.__import__`` (for its opt-in ``from __feature__
import snake_case``), and after every later import it asks whether the new module uses
PySide: ``"PySide6" in inspect.getsource(module)`` (``shibokensupport.feature``).
``getsource`` decodes the file, splits it into lines and keeps them in ``linecache`` for
the life of the process. The views' import thread brings in ~390 modules after the
window appears (matplotlib, numpy, the analysis models): that check cost ~45 ms of CPU
there, holding the interpreter lock the GUI thread waits for as a load starts, and kept
~10 million characters of source (~23 MB of the window's memory).

:func:`install` keeps PySide6's question and answer and changes only how the file is
read: a module's ``.py`` file is searched as bytes for ``b"PySide6"`` (the same answer
for any ASCII-compatible source encoding). Anything else (no file, a compiled or frozen
module, a file that cannot be read) is left to PySide6's own check.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

_MARK = "_framescope_reads_bytes"


def uses_pyside(module: ModuleType, fallback: Any) -> bool:
    """Whether ``module``'s source mentions PySide6, as ``fallback`` (PySide6's check)
    answers it, without decoding the source or keeping it in ``linecache``."""
    path = getattr(module, "__file__", None)
    if isinstance(path, str) and path.endswith(".py"):
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            pass
    return bool(fallback(module))


def install() -> bool:
    """Make PySide6's import check read bytes (once per process); False where PySide6 has
    no such check (another version): then nothing is changed."""
    try:
        from shibokensupport import feature  # loaded with PySide6
    except ImportError:
        return False
    original = getattr(feature, "_mod_uses_pyside", None)
    if not callable(original):
        return False
    if getattr(original, _MARK, False):
        return True

    def check(module: ModuleType) -> bool:
        return uses_pyside(module, original)

    setattr(check, _MARK, True)
    feature._mod_uses_pyside = check
    return True
