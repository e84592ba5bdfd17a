"""At the first start the window fits the screen (ux22: 1300 x 820 ran off a 1024 x 700
screen, its chart legend, the table's right columns and the status bar out of sight).

The offscreen platform the other tests use has a virtual 800 x 800 screen that no one
sees, where the window keeps its default size; the window is therefore started here on
Qt's "minimal" platform, whose screen is 240 x 320, in a fresh interpreter."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.qt_main_window import (
    DEFAULT_SIZE,
    LARGEST_FIRST_SIZE,
    SCREEN_SHARE,
    first_window_size,
)
from tests.desktop.conftest import REPO


@pytest.mark.parametrize(
    ("free", "size"),
    [
        ((1600, 1000), DEFAULT_SIZE),  # room, but 80% of it is less than the default
        ((1920, 1040), (1536, 832)),  # a large screen: 80% of it (was 1300 x 820, ux26)
        ((2560, 1400), (1920, 1120)),  # 80% of 2560 is wider than 1920
        ((3840, 2120), LARGEST_FIRST_SIZE),  # no wider than 1920, no taller than 1200
        ((1600, 860), (1300, round(860 * SCREEN_SHARE))),  # cut in height only
        ((1024, 676), (round(1024 * SCREEN_SHARE), round(676 * SCREEN_SHARE))),
    ],
)
def test_the_first_size_is_a_share_of_the_screen_at_least_the_default_cut_to_it(
    free: tuple[int, int], size: tuple[int, int],
) -> None:
    assert first_window_size(*free) == size


SCRIPT = """
import json, sys
from PySide6.QtWidgets import QApplication
app = QApplication(["framescope", "-platform", "minimal"])
from desktop.qt_main_window import MainWindow
window = MainWindow()
window.show()
app.processEvents()
free = app.primaryScreen().availableGeometry()
frame = window.frameGeometry()
print(json.dumps({"platform": app.platformName(),
                  "free": [free.x(), free.y(), free.width(), free.height()],
                  "frame": [frame.x(), frame.y(), frame.width(), frame.height()]}))
"""


def test_a_first_window_on_a_small_screen_is_inside_it(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=REPO, capture_output=True, text=True, timeout=120,
        env={"PATH": "/usr/bin:/bin", "HOME": str(home), "XDG_CONFIG_HOME": str(home / "c")},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.splitlines()[-1])
    assert seen["platform"] == "minimal"
    fx, fy, fw, fh = seen["free"]
    x, y, w, h = seen["frame"]
    assert (w, h) != DEFAULT_SIZE
    assert fx <= x and fy <= y and x + w <= fx + fw and y + h <= fy + fh, seen
    # Centred, within a pixel or two of rounding.
    assert abs((x - fx) - (fx + fw - x - w)) <= 2 and abs((y - fy) - (fy + fh - y - h)) <= 2
