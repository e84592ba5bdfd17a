"""The smoke test prints every thread's stack when the process crashes: CI once saw a
frozen --smoke-test end with a segmentation fault and nothing else (ci29f, session 29)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]

CRASH = """
import threading, time
from desktop import qt_app
qt_app._report_crashes()
worker = threading.Thread(target=time.sleep, args=(30,), name="a-worker", daemon=True)
worker.start()
import faulthandler
faulthandler._sigsegv()
"""


def test_a_crash_after_the_crash_report_is_on_prints_every_threads_stack() -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("PYTHONFAULTHANDLER", None)  # on only through _report_crashes
    result = subprocess.run([sys.executable, "-c", CRASH], cwd=REPO, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert "Fatal Python error: Segmentation fault" in result.stderr, result.stderr
    # Both threads' stacks: the crashing one and the sleeping worker.
    assert "Current thread" in result.stderr
    assert result.stderr.count("File ") >= 2, result.stderr
    assert "threading.py" in result.stderr


def test_the_smoke_test_turns_the_crash_report_on(
    monkeypatch: pytest.MonkeyPatch, qapp: Any,
) -> None:
    from desktop import qt_app

    calls: list[str] = []
    monkeypatch.setattr(qt_app, "_report_crashes", lambda: calls.append("on"))
    monkeypatch.setattr(qt_app, "_drop_offscreen_noise", lambda: None)
    # Not this process's: the diagnostics log and exception hooks run_gui installs.
    monkeypatch.setattr(qt_app, "_log_faults", lambda: None)
    monkeypatch.setattr(qt_app, "_start_log", lambda: None)
    monkeypatch.setattr(qt_app, "_smoke_test", lambda app: 7)
    assert qt_app.run_gui([], smoke_test=True) == 7
    assert calls == ["on"]
