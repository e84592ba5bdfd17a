"""The Claims tab's first run in the window: how long the claims take to appear and
whether the window stalls as they arrive, in a fresh process (what the first run pays).

    .venv/bin/python bench/claims_window.py [--articles 300] [--outlets 12] [--threshold 0.5]

Opens the window (offscreen) on a corpus of bench/news_corpus.py (PolNeAR texts and
the seeds with wire copies; up to 400 articles the Claims view aligns after every
load), runs a 10 ms heartbeat timer from the load until the claims have arrived and
half a second more, then sets another threshold and does the same for the
re-alignment. It prints, for each: the time from the end of the load (or the threshold
change) to the claims in the view, the alignment's own time (its child's), the
longest heartbeat gap with the GUI thread's CPU in it, and the GUI thread's CPU
spent taking in the child's result (unpickling, ``desktop.qt_chart_job.loads_chart``).

Not a test and no absolute figure counts: compare trees by alternating runs in the
same minutes (``PYTHONPATH=/path/to/other/tree`` measures that tree's ``models`` and
``desktop``), with the load average printed beside them.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench_common import load
from news_corpus import build_corpus

SETTLE = 0.5  # seconds of heartbeat after the claims arrive


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--outlets", type=int, default=12)
    parser.add_argument("--threshold", type=float, default=0.5)
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    tmp = Path(tempfile.mkdtemp(prefix="framescope-claims-window-"))
    try:
        info = build_corpus(tmp / "corpus", articles=args.articles, outlets=args.outlets)
        measure(info.folder, args.threshold)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def measure(folder: Path, threshold: float) -> None:
    from PySide6.QtCore import QEventLoop, Qt, QTimer

    import desktop
    from desktop import qt_app, qt_chart_job
    from desktop.qt_main_window import MainWindow

    print(f"desktop from: {Path(desktop.__file__).parent}")
    print(f"before: {load()}")
    taking_in: list[tuple[float, float]] = []  # (GUI thread CPU, wall) of each result
    real_loads = qt_chart_job.loads_chart

    def timed_loads(data: bytes, analyses: Any) -> Any:
        cpu, wall = time.thread_time(), time.perf_counter()
        try:
            return real_loads(data, analyses)
        finally:
            taking_in.append((time.thread_time() - cpu, time.perf_counter() - wall))

    qt_chart_job.loads_chart = timed_loads  # type: ignore[assignment]
    app = qt_app.create_application()
    window = MainWindow()
    window.show()
    app.processEvents()
    view = window.claims_view
    beats: list[tuple[float, float, float]] = []  # (end, gap, GUI thread CPU in it)
    last = [time.perf_counter(), time.thread_time()]

    def beat() -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        beats.append((now, now - last[0], cpu - last[1]))
        last[0], last[1] = now, cpu

    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
    heartbeat.timeout.connect(beat)
    marks: dict[str, float] = {}
    loop = QEventLoop()

    def arrived(alignment: Any) -> None:
        if alignment is not None and "claims" not in marks:
            marks["claims"] = time.perf_counter()
            QTimer.singleShot(int(SETTLE * 1000), loop.quit)

    window.load_finished.connect(lambda _summary: marks.setdefault("loaded", time.perf_counter()))
    view.alignment_changed.connect(arrived)
    last[0], last[1] = time.perf_counter(), time.thread_time()
    heartbeat.start()
    window.open_paths([folder])
    QTimer.singleShot(600_000, loop.quit)
    loop.exec()
    first = report("first alignment after the load", beats, marks, "loaded", view, taking_in)
    del first
    # A threshold change: the view forks again with its preparation.
    beats.clear()
    taking_in.clear()
    marks.clear()
    last[0], last[1] = time.perf_counter(), time.thread_time()
    marks["changed"] = time.perf_counter()
    view.set_threshold(threshold)
    QTimer.singleShot(600_000, loop.quit)
    loop.exec()
    heartbeat.stop()
    report(f"re-alignment at threshold {threshold}", beats, marks, "changed", view, taking_in)
    print(f"after:  {load()}")
    window.project.set_modified(False)
    window.close()


def report(name: str, beats: list[tuple[float, float, float]], marks: dict[str, float],
           start: str, view: Any, taking_in: list[tuple[float, float]]) -> None:
    if "claims" not in marks or start not in marks:
        print(f"{name}: the claims did not arrive ({sorted(marks)})")
        return
    begin, end = marks[start], marks["claims"] + SETTLE
    inside = [b for b in beats if begin <= b[0] <= end]
    longest = max(inside, key=lambda b: b[1])
    over = sum(1 for b in inside if b[1] > 0.05)
    taken = ", ".join(f"{cpu * 1000:.1f} ms CPU ({wall * 1000:.1f} ms)" for cpu, wall in taking_in)
    alignment = view.alignment()
    print(f"{name}: {len(alignment.claims)} claims in the view "
          f"{(marks['claims'] - begin) * 1000:.0f} ms after it began (alignment "
          f"{(view.last_seconds or 0) * 1000:.0f} ms); heartbeat: {len(inside)} beats, longest "
          f"gap {longest[1] * 1000:.0f} ms (GUI thread's CPU in it {longest[2] * 1000:.0f} ms), "
          f"{over} over 50 ms; taking in the result: {taken or 'none'}")


if __name__ == "__main__":
    main()
