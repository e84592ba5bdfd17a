"""``framescope analyze`` ends without the interpreter's teardown, its output complete.

The command's files are written and closed, and its messages flushed, before it
ends with its exit code; the teardown (atexit handlers, freeing every module) is
skipped only when no other thread and no child process runs.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.fresh_python import run_code

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"

COMMAND = """
import atexit, sys, threading
atexit.register(lambda: print("teardown ran", flush=True))
if {thread!r}:
    threading.Thread(target=threading.Event().wait, daemon=True).start()
sys.argv = ["framescope", "analyze", {path!r}, "--out", {out!r}, "--no-charts"]
from desktop.__main__ import main
sys.exit(main())
"""


def _run(path: Path, out: Path, thread: bool = False) -> subprocess.CompletedProcess[str]:
    code = COMMAND.format(path=str(path), out=str(out), thread=thread)
    return run_code(code, timeout=600)


def test_analyze_ends_without_teardown_with_its_files_and_message(tmp_path: Path) -> None:
    done = _run(SEEDS, tmp_path / "out")
    assert done.returncode == 0, done.stderr
    assert "articles from" in done.stdout and "teardown ran" not in done.stdout
    tables = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "out").iterdir()}
    assert len(tables) == 12 and all(text.endswith("\n") for text in tables.values())  # and run.json
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(".")]


def test_analyze_keeps_its_exit_code_and_messages_on_failure(tmp_path: Path) -> None:
    done = _run(tmp_path / "missing", tmp_path / "out")
    assert done.returncode == 1
    assert "file not found" in done.stderr and "teardown ran" not in done.stdout


def test_another_thread_running_gets_the_normal_teardown(tmp_path: Path) -> None:
    done = _run(SEEDS, tmp_path / "out", thread=True)
    assert done.returncode == 0, done.stderr
    assert "teardown ran" in done.stdout
