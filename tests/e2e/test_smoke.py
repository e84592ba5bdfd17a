"""The GUI's own end-to-end check, as a frozen build runs it: ``--smoke-test``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_smoke_test_opens_renders_and_exports(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        # Settings written by the app stay out of the user's home.
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "HOME": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--smoke-test"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr
    from desktop.charts import CHART_KINDS

    assert result.stdout.strip().splitlines()[-1] == (
        f"smoke test passed: 5 articles, {len(CHART_KINDS)} charts, 3 formats"
    ), result.stdout
    assert "Traceback" not in result.stderr
    # The offscreen platform's known noise is dropped; nothing else is printed.
    assert result.stderr.strip() == "", result.stderr
