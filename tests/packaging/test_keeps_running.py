"""packaging/keeps_running.py: check_frozen.sh's "the app keeps running" step, on
every system (it replaced `timeout 20`, which is Linux-only there)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.packaging.conftest import load_script

keeps = load_script("keeps_running")


def test_a_program_that_ends_at_once_fails_with_its_code_and_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    program = [sys.executable, "-c", "import sys; sys.stderr.write('AttributeError: SIGHUP'); sys.exit(3)"]
    assert keeps.main(["20", str(tmp_path / "gui"), *program]) == 1
    err = capsys.readouterr().err
    assert "AttributeError: SIGHUP" in err
    assert "exited with 3 within 20 s instead of running" in err


def test_a_program_still_running_passes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    program = [sys.executable, "-c", "import time; time.sleep(600)"]
    # keeps_running returns only once the program has been ended (terminate, then kill).
    assert keeps.keeps_running(0.5, tmp_path / "gui", program) == (True, None)
    assert keeps.main(["0.5", str(tmp_path / "gui2"), *program]) == 0
    assert "was still running after 0.5 s" in capsys.readouterr().out
