"""The window's process hands the interpreter lock back to the GUI thread sooner
than Python's default (issue 6 item 3: no stall over 50 ms while a chart is drawn
on a thread; bench/app_scale.py measures the gaps)."""

from __future__ import annotations

from pathlib import Path

from tests.desktop.conftest import last_json_line_of

# A fresh interpreter, so the interval this test process runs with plays no part.
_SCRIPT = r"""
import json, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
default = sys.getswitchinterval()
from desktop import qt_app
app = qt_app.create_application()
print(json.dumps([default, sys.getswitchinterval(), qt_app.GUI_SWITCH_INTERVAL]))
"""


def test_the_application_shortens_the_interpreters_switch_interval(tmp_path: Path) -> None:
    default, after, wanted = last_json_line_of(_SCRIPT, tmp_path)
    assert default == 0.005  # Python's own, before the application exists
    assert wanted < default
    assert after == wanted
