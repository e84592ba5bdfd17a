"""Running a few lines of Python in a fresh interpreter from the repository's root: for
tests of what a first import costs or pulls in (sys.modules), and of how a process ends,
which the test process itself, with everything already imported, cannot show."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def run_code(code: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """``python -c code`` from the repository's root, its output captured as text."""
    return subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                          text=True, timeout=timeout, check=False)


def assert_runs(code: str, timeout: float = 300) -> str:
    """Runs ``code`` in a fresh interpreter, fails with its stderr unless it exits 0;
    returns its stdout."""
    done = run_code(code, timeout)
    assert done.returncode == 0, done.stderr
    return done.stdout
