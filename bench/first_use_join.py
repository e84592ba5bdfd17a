"""The first-use join of the views' import: how long it holds the GUI thread.

    .venv/bin/python bench/first_use_join.py [--repeats 3] [--files 2]

When a load of a few files ends before the views' import thread is done (matplotlib,
the charts: a second or more), the window builds the Compare and Claims views at the
load's end, and building them first joins that import on the GUI thread
(MainWindow._end_views_import, since e2adaf7: two threads making PySide's types at once
crashed libshiboken, ci40). The join is a stall of whatever is left of the import.

Each run is a fresh interpreter (the import happens once per process) with the real
window (offscreen), a 10 ms QTimer heartbeat from the first paint, and a load of
``--files`` seed files:

* ``early``: the load starts at the first paint, as run_gui starts it: the load
  usually ends while the import still runs, and the views' build joins it;
* ``after``: the load starts only once the import has ended (the baseline: the
  same load and the same views' build, with nothing left to join).

Printed per run: the longest heartbeat gap from the load's start until the views are
built and the load has ended, the time spent in the join on the GUI thread, and whether
the import was still running when it was joined; then the medians and the ratio
early/after of the longest gap, with the load average. Runs alternate (early, after, ...).
Not a test: run it on a quiet machine.

Each run also splits its longest gap (Linux): the GUI thread's CPU in it and its wait for
a core (the rest it was blocked: on the interpreter lock, or idle), and gives the time of
garbage collections during the load, on the import thread, on the GUI thread and inside
the longest gap (a collection holds the interpreter lock for its whole walk: full ones
of 30-270 ms ran on the import thread before the views' import paused collection,
session 18). Each run has a fresh HOME: matplotlib builds its font list (~0.7 CPU-s)
during the import, as at the app's very first start only.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_common import load

REPO = Path(__file__).resolve().parents[1]

_CHILD = r"""
import json, os, sys, threading, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtCore import QTimer
from desktop.qt_app import create_application
from desktop.qt_main_window import MainWindow

mode, files = sys.argv[1], [Path(p) for p in sys.argv[2:]]
import gc
collections, started_at = [], {}

def collected(phase, info):
    thread = threading.current_thread()
    if phase == "start":
        started_at[thread.ident] = time.perf_counter()
    elif thread.ident in started_at:
        collections.append((started_at.pop(thread.ident), time.perf_counter(),
                            thread is threading.main_thread()))

gc.callbacks.append(collected)
main_tid = threading.get_native_id()

def schedstat():  # the GUI thread's CPU and wait for a core so far, ns (Linux)
    try:
        with open(f"/proc/self/task/{main_tid}/schedstat") as f:
            run, wait = f.read().split()[:2]
        return int(run), int(wait)
    except (OSError, ValueError):
        return None

app = create_application()
window = MainWindow(build_later=True)
joins = []
real_join = MainWindow._end_views_import

def timed_join(self, timeout=None):
    thread = self._views_import
    alive = thread is not None and thread.is_alive()
    started = time.perf_counter()
    result = real_join(self, timeout)
    joins.append({"seconds": time.perf_counter() - started, "alive": alive,
                  "on_gui_thread": threading.current_thread() is threading.main_thread()})
    return result

MainWindow._end_views_import = timed_join
beats, state, stats = [], {"start": None, "done": None}, {}

def beat():
    beats.append(time.perf_counter())
    stats[beats[-1]] = schedstat()
    if state["start"] is not None and state["done"] is None and not window.is_busy() \
            and window._compare_view is not None and window._claims_view is not None:
        state["done"] = time.perf_counter()
        QTimer.singleShot(50, finish)

def start_load():
    state["start"] = time.perf_counter()
    window.open_paths(files)

def maybe_start():
    if mode == "early":
        start_load()
        return
    if window._views_import is not None and window._views_import.is_alive():
        QTimer.singleShot(10, maybe_start)
        return
    start_load()

def finish():
    inside = [b for b in beats if state["start"] <= b <= state["done"]]
    gaps = [b - a for a, b in zip(inside, inside[1:])]
    pairs = list(zip(inside, inside[1:]))
    a, b = max(pairs, key=lambda p: p[1] - p[0], default=(0.0, 0.0))
    split = {}
    if stats.get(a) and stats.get(b):
        split = {"longest_gap_gui_cpu_ms": (stats[b][0] - stats[a][0]) / 1e6,
                 "longest_gap_gui_wait_for_core_ms": (stats[b][1] - stats[a][1]) / 1e6}
    during = [(t0, t1, gui) for t0, t1, gui in collections
              if t1 >= state["start"] and t0 <= state["done"]]
    split["collections_ms_import_thread"] = 1000 * sum(t1 - t0 for t0, t1, gui in during if not gui)
    split["collections_ms_gui_thread"] = 1000 * sum(t1 - t0 for t0, t1, gui in during if gui)
    split["collections_ms_in_longest_gap"] = 1000 * sum(
        min(t1, b) - max(t0, a) for t0, t1, gui in during if t1 > a and t0 < b)
    print(json.dumps({"mode": mode, "longest_gap_ms": 1000 * max(gaps, default=0.0), **split,
                      "join_ms": 1000 * sum(j["seconds"] for j in joins if j["on_gui_thread"]),
                      "import_alive_at_join": any(j["alive"] for j in joins),
                      "load_to_views_ms": 1000 * (state["done"] - state["start"])}))
    sys.stdout.flush()
    os._exit(0)

heartbeat = QTimer()
heartbeat.timeout.connect(beat)
window.first_painted.connect(lambda: (heartbeat.start(10), QTimer.singleShot(0, maybe_start)))
window.show()
QTimer.singleShot(120_000, lambda: os._exit(3))
app.exec()
"""


def run(mode: str, files: list[Path], home: Path) -> dict[str, object]:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home),
           "XDG_CONFIG_HOME": str(home / "config")}
    done = subprocess.run([sys.executable, "-c", _CHILD, mode, *map(str, files)], cwd=REPO,
                          env=env, capture_output=True, text=True, timeout=180, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{mode} run failed ({done.returncode}):\n{done.stderr}")
    return json.loads(done.stdout.splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--files", type=int, default=2)
    args = parser.parse_args()
    seeds = sorted((REPO / "seeds").glob("*.txt"))[: args.files]
    print(f"load average before: {load()}")
    results: dict[str, list[dict[str, object]]] = {"early": [], "after": []}
    with tempfile.TemporaryDirectory(prefix="first-use-join-") as tmp:
        for repeat in range(args.repeats):
            for mode in ("early", "after"):
                home = Path(tmp) / f"{mode}{repeat}"
                home.mkdir()
                result = run(mode, seeds, home)
                results[mode].append(result)
                print(json.dumps(result))
    gaps = {mode: statistics.median(float(str(r["longest_gap_ms"])) for r in rs)
            for mode, rs in results.items()}
    print(f"median longest gap: early {gaps['early']:.0f} ms, after {gaps['after']:.0f} ms, "
          f"ratio early/after {gaps['early'] / gaps['after']:.2f}")
    print(f"load average after: {load()}; cores: {os.cpu_count()}")


if __name__ == "__main__":
    main()
