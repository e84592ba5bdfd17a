"""Guards against a Qt binding that corrupts the interpreter.

PySide6-Essentials 6.12.0 drops one reference to ``None`` on every call that
returns nothing; on Python 3.11 (where None is not immortal) a long session
then aborts with "Fatal Python error: none_dealloc". pyproject.toml pins
below 6.12; this test fails if a broken binding is installed anyway.
"""

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QObject


def test_calls_returning_nothing_keep_the_reference_count_of_none() -> None:
    obj = QObject()
    before = sys.getrefcount(None)
    for _ in range(200):
        obj.setObjectName("x")
    # Other threads may take or drop a few references meanwhile; a leak is -200.
    assert sys.getrefcount(None) - before > -50
