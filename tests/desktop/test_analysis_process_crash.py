"""The app's analysis process itself crashes hard (a segfault in a compiled library, an
abort: not one article's fault, which its pool workers' problems tell): the window's
"Analysis failed" message says how it ended and names the diagnostics log, where the
process's fault handler left its stack. Before, it said "(exit code -11)" and pointed to
Help ▸ Open Diagnostics Log Folder without naming the log (s33 diag2's leftover)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from tests.desktop.conftest import LOAD_TIMEOUT_MS

REPO = Path(__file__).resolve().parents[2]

#: Run by every Python process started from here on (PYTHONPATH): in the analysis
#: process (spawned, so a monkeypatch of this process would not reach it), the run
#: segfaults once the process has opened its log, as a compiled library's bug would.
CRASHING_RUN = """\
import faulthandler
import desktop.analysis_process as process

def crashing_run(*args, **kwargs):
    faulthandler._sigsegv()

process.run_analysis = crashing_run
"""


def test_a_crashed_analysis_process_names_the_log_holding_its_stack(
    qtbot: Any, window: Any, seed_dir: Path, shown_errors: list[tuple[str, str, str]],
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from desktop.qt_problem_details import diagnostics_log

    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(CRASHING_RUN, encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(REPO), str(hook)]))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    log = diagnostics_log()  # what Help ▸ Open Diagnostics Log Folder opens
    assert log == tmp_path / "state" / "framescope" / "framescope.log"

    with qtbot.waitSignal(window.runner.failed, timeout=LOAD_TIMEOUT_MS) as failed:
        window.open_paths([seed_dir])

    (title, text, detail), = shown_errors
    assert title == "Analysis failed"
    assert text.splitlines()[0] == (
        "The files could not be analysed: The analysis process ended unexpectedly "
        "(signal 11).")
    assert f"The details are in the diagnostics log, {log} (Help ▸ Open Diagnostics Log " \
           "Folder)" in text
    assert detail == failed.args[0]
    assert detail.endswith(
        f"Its last stack, if any, is in the log: {log}, or in an older copy "
        "(framescope.log.1 or framescope.log.2) if the log was rotated since.")
    # The stack is where the message says: the analysis process's, down to the crash.
    stacks = log.read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in stacks
    assert "in crashing_run" in stacks and "in analysis_main" in stacks
    assert not window.progress_bar.isVisible()
