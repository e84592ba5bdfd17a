"""The GUI's own end-to-end check, as a frozen build runs it: ``--smoke-test``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _app_env(home: Path) -> dict[str, str]:
    """The app's environment: offscreen, its settings out of the user's home, and
    matplotlib's font cache the one this test run already has. A fresh home would have
    matplotlib build that cache again, and past 5 s (under load) it says so on stderr
    ("Matplotlib is building the font cache"), which the smoke test takes for noise."""
    import matplotlib

    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(home / "config"),
        "HOME": str(home),
        "MPLCONFIGDIR": matplotlib.get_cachedir(),
    }


@pytest.mark.slow
def test_smoke_test_opens_renders_and_exports(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--smoke-test"],
        cwd=REPO, env=_app_env(tmp_path), capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr
    from desktop.charts import CHART_KINDS

    assert result.stdout.strip().splitlines()[-1] == (
        f"smoke test passed: 5 articles, {len(CHART_KINDS)} charts, 3 formats"
    ), result.stdout
    assert "Traceback" not in result.stderr
    # The offscreen platform's known noise is dropped; nothing else is printed.
    assert result.stderr.strip() == "", result.stderr


@pytest.mark.slow
def test_a_failing_smoke_test_exits_1_with_the_reason_instead_of_hanging(tmp_path: Path) -> None:
    # Lexicons missing: the analysis fails and the window opens its "Analysis failed"
    # box, which nobody can click offscreen; the smoke test must close it and fail.
    empty = tmp_path / "no-resources"
    empty.mkdir()
    env = {**_app_env(tmp_path), "FRAMESCOPE_RESOURCES": str(empty)}
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--smoke-test"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert result.stderr.startswith("smoke test failed: loading the seeds did not finish (failed:")
    assert "hedges.csv" in result.stderr and "lexicon file is missing" in result.stderr
    assert "smoke test passed" not in result.stdout
