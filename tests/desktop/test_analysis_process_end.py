"""A cancelled analysis process ends as soon as it has said so, without Python's
teardown: after a Cancel on a loaded machine the window waited up to 2 s for it (the process runs at a lower priority), then ended the
process itself. Checked on a real process running the real analysis: its final message,
its exit code, its workers, and that the teardown (which runs the atexit handlers) was
skipped. No timings."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.desktop.conftest import LOAD_TIMEOUT_MS, SEEDS
from tests.desktop.test_cancel_leaves_no_process import _seeds_table
from tests.process_tree import wait_ended

REPO = Path(__file__).resolve().parents[2]

#: A stand-in for the window: starts desktop.analysis_process.analysis_main in a
#: process of its own as the app does (spawn), cancels once ``cancel_after`` analyses
#: came in (never with -1), and prints what it saw. The child registers an atexit
#: handler first, which writes a file: it runs only if the interpreter's teardown does.
WINDOW = """
import json, multiprocessing, os, pickle, sys
from desktop import analysis_process

def child(send, control_read, paths, marker):
    import atexit
    atexit.register(lambda: open(marker, "w").write("teardown ran"))
    print("child says hello")  # flushed by end_now (or the teardown), or lost
    analysis_process.analysis_main(send, control_read, paths)

if __name__ == "__main__":
    paths, marker, cancel_after = sys.argv[1], sys.argv[2], int(sys.argv[3])
    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    control_read, control = context.Pipe(duplex=False)
    process = context.Process(target=child, args=(send, control_read, [paths], marker))
    process.start()
    send.close()
    control_read.close()
    analysed, kinds, workers = 0, [], set()
    while True:
        try:
            message = pickle.loads(receive.recv_bytes())
        except EOFError:
            break
        kinds.append(message[0])
        if message[0] == "analysed":
            analysed += len(message[1])
            with open(f"/proc/{process.pid}/task/{process.pid}/children") as handle:
                workers.update(int(pid) for pid in handle.read().split())
            if cancel_after >= 0 and analysed >= cancel_after and "cancel" not in kinds:
                control.send("cancel")
                kinds.append("cancel")
    process.join()
    print(json.dumps({"exitcode": process.exitcode, "kinds": kinds, "analysed": analysed,
                      "workers": sorted(workers)}))
"""


def run_window(tmp_path: Path, corpus: Path, cancel_after: int) -> tuple[dict[str, Any], str]:
    import json

    marker = tmp_path / "teardown.txt"
    script = tmp_path / "window.py"  # a file: a spawned child imports its main module
    script.write_text(WINDOW, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script), str(corpus), str(marker), str(cancel_after)],
        cwd=REPO, capture_output=True, text=True, timeout=LOAD_TIMEOUT_MS / 1000 * 3,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "child says hello" in lines  # the child's output was flushed before it ended
    seen = json.loads(lines[-1])
    return seen, marker.read_text() if marker.exists() else ""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_cancelled_analysis_process_ends_at_once_with_its_workers(tmp_path: Path) -> None:
    corpus = _seeds_table(tmp_path / "big.csv", copies=80)  # 400 articles: a pool starts
    seen, teardown = run_window(tmp_path, corpus, cancel_after=16)
    assert seen["kinds"][-1] == "cancelled"
    assert "done" not in seen["kinds"]
    assert seen["analysed"] < 400
    assert seen["exitcode"] == 0  # by itself, not ended by a signal
    assert teardown == ""  # it ended without the interpreter's teardown
    assert seen["workers"], "no pool worker was seen"
    assert wait_ended(seen["workers"]) == []


def test_a_finished_analysis_process_ends_as_before(tmp_path: Path) -> None:
    seen, teardown = run_window(tmp_path, SEEDS, cancel_after=-1)
    assert seen["kinds"][-1] == "done"
    assert seen["analysed"] == 5
    assert seen["exitcode"] == 0
    assert teardown == "teardown ran"  # see analysis_main: not ended at once

