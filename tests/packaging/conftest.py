"""Helpers for the packaging tests: the scripts in packaging/ are loaded by path
(``packaging`` is also the name of a PyPI library, so it is not a package here)."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from types import ModuleType

# Icons are rendered with Qt's SVG renderer; the tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"


def load_script(name: str) -> ModuleType:
    """Import packaging/<name>.py as a module named ``framescope_packaging_<name>``."""
    spec = importlib.util.spec_from_file_location(
        f"framescope_packaging_{name}", PACKAGING / f"{name}.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def unquote_exec(value: str) -> list[str]:
    """Split a .desktop Exec= value into arguments, per the Desktop Entry spec.

    The value is first unescaped as a string (``\\\\`` -> ``\\``), then split on
    spaces outside double quotes; inside quotes, a backslash escapes ``"``, ``\\``,
    ``$`` and the backquote.
    """
    text = value.replace("\\\\", "\\")
    args: list[str] = []
    current = ""
    quoted = False
    started = False
    i = 0
    while i < len(text):
        c = text[i]
        if quoted:
            if c == "\\" and i + 1 < len(text) and text[i + 1] in '"`$\\':
                current += text[i + 1]
                i += 1
            elif c == '"':
                quoted = False
            else:
                current += c
        elif c == '"':
            quoted = started = True
        elif c == " ":
            if started:
                args.append(current)
            current, started = "", False
        else:
            current += c
            started = True
        i += 1
    if started:
        args.append(current)
    return args
