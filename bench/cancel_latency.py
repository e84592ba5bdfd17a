"""How soon Cancel stops a running analysis in the app (issue 6 item 5: "Cancel stops
work within a second").

    .venv/bin/python -u bench/cancel_latency.py [--articles 2000] [--outlets 12] [--repeats 5]

The window (offscreen) loads a folder of ``--articles`` news articles; once a given share
of them is in the table (a different share each repeat, from 10% to 70%), the Cancel
button is clicked. Timed from the click:

* ``window``: until the window reports the run cancelled (progress bar and Cancel gone,
  the status says so, nothing more is taken in);
* ``process``: until the analysis process has ended (its exit code: 0 when it stopped
  by itself as asked, negative when the window had to end it);
* ``workers``: until every pool worker the analysis process had started has ended.

The goal is that all three are under a second. Not a test (tests assert what Cancel
does, not how fast: tests/desktop/test_robustness.py): wall-clock times depend on the
machine's load, which is printed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench_common import load
from news_corpus import build_corpus

# The /proc helpers the Cancel tests use (the repository's root, as bench/ is run from it).
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.process_tree import children, ended

GOAL_MS = 1000.0
#: Shares of the articles shown when Cancel is clicked, one per repeat (cycled). (The
#: progress bar is a poor guide: files are read on the pool's workers while they
#: analyse, so the reading stage's share of it ends near the run's end.)
CANCEL_AT = (0.1, 0.25, 0.4, 0.55, 0.7)


def cancel_once(
    app: Any, window: Any, folder: Path, articles: int, at: float
) -> tuple[dict[str, float], str]:
    """Load ``folder``, click Cancel once ``at`` of its ``articles`` are in the table;
    the times (ms) and the status bar's text as Cancel was clicked."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(5)
    poll.timeout.connect(
        lambda: loop.quit() if window.table_model.rowCount() >= at * articles else None)
    window.open_paths([folder])
    poll.start()
    loop.exec()
    poll.stop()
    status = window.status_text()
    task = window.runner.current_task()
    process = task.process
    workers = children(process.pid) if process is not None else set()

    times: dict[str, float] = {}
    clicked = time.perf_counter()

    def cancelled() -> None:
        times["window"] = (time.perf_counter() - clicked) * 1000

    window.runner.cancelled.connect(cancelled)
    window.cancel_button.click()
    # Until the window has said so, the process has ended and every worker is gone.
    pending = set(workers)
    while "window" not in times or "process" not in times or "workers" not in times:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        now = (time.perf_counter() - clicked) * 1000
        if "process" not in times and process is not None and process.exitcode is not None:
            times["process"] = now
        pending = {pid for pid in pending if not ended(pid)}
        if "workers" not in times and not pending:
            times["workers"] = now
        if now > 60_000:
            sys.exit("Cancel did not stop the run within a minute")
        time.sleep(0.002)
    window.runner.cancelled.disconnect(cancelled)
    task.done.wait(10)
    times["exit code"] = float(process.exitcode) if process is not None else 0.0
    times["workers seen"] = float(len(workers))
    times["shown"] = float(window.table_model.rowCount())
    return times, status


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--outlets", type=int, default=12)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores; before: {load()}")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    tmp = Path(tempfile.mkdtemp(prefix="framescope-cancel-bench-"))
    os.environ["XDG_CONFIG_HOME"] = str(tmp / "config")  # never the user's settings
    try:
        info = build_corpus(tmp / "corpus", articles=args.articles, outlets=args.outlets)
        print(f"corpus: {info.articles} articles ({info.source}), {info.outlets} outlets")
        from desktop import qt_app
        from desktop.qt_main_window import MainWindow

        app = qt_app.create_application()
        runs: list[dict[str, float]] = []
        for repeat in range(args.repeats):
            window = MainWindow()  # a new window each time: nothing loaded before
            window.show()
            app.processEvents()
            at = CANCEL_AT[repeat % len(CANCEL_AT)]
            times, status = cancel_once(app, window, info.folder, info.articles, at)
            runs.append(times)
            print(f"  Cancel at {at:.0%} of the articles shown ({status!r}; "
                  f"{times['shown']:.0f} shown in all): "
                  f"window {times['window']:.0f} ms, analysis process ended "
                  f"{times['process']:.0f} ms (exit code {times['exit code']:.0f}), "
                  f"its {times['workers seen']:.0f} workers ended {times['workers']:.0f} ms   "
                  f"({load()})")
            window.project.set_modified(False)
            window.close()
            window.deleteLater()
            app.processEvents()
        for key in ("window", "process", "workers"):
            values = [run[key] for run in runs]
            print(f"{key}: median {statistics.median(values):.0f} ms, slowest "
                  f"{max(values):.0f} ms   (goal < {GOAL_MS:.0f} ms)")
        stopped = sum(1 for run in runs if run["exit code"] == 0)
        print(f"the analysis process stopped by itself (exit code 0) in {stopped} of "
              f"{len(runs)} runs")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"after: {load()}")


if __name__ == "__main__":
    main()
