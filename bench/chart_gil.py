"""Does a chart drawn on a thread hold the interpreter lock against the window?

    .venv/bin/python bench/chart_gil.py [--articles 300] [--outlets 30] [--rounds 2]
                                        [--charts outlet_heatmap,similarity,tone_strips]
                                        [--export png]

Up to BACKGROUND_LIMIT articles the Compare view builds and draws its chart on a thread
of the window's process (desktop/qt_chart_job.py ThreadJob, desktop/chart_pixels.py).
Here the same work (``_build_chart``, then ``draw_pixels`` at a 1270 x 560 canvas) runs
on a thread named "chart-job", with collection paused as ThreadJob pauses it, while the
main thread beats every 5 ms. No Qt: what is left is the drawing thread against a
thread that wants the lock.

For each chart, the longest gaps between beats, each with:

* the main thread's wait for a core in it (``/proc/thread-self/schedstat``);
* the chart thread's CPU time in it (``pthread_getcpuclockid``): a gap as long as the
  chart thread's CPU in it, with no wait for a core, is the chart thread holding the lock
  throughout (one long C call, or Python that does not let go);
* the chart's step then (build: the chart's numbers, with the first build's imports;
  plot: matplotlib artists; agg: the Agg drawing).

With each chart, the read calls the chart thread made (``/proc/thread-self/io``): a
thread that lets go of the lock thousands of times (each file read does) starves the main
thread, which a release wakes but does not let ask for the lock (CPython's switch interval
starts afresh): matplotlib's fonts read from their files made 43,000 for a heatmap
(desktop/chart_pixels.py AggCanvas reads them from memory).

With ``--export png`` (or svg, pdf) the thread does what Export Chart does instead
(``desktop.qt_compare_view._export_files``: the chart plotted at export size, saved at 200
dpi for PNG, its numbers written beside), on a chart built beforehand: the steps are then
plot and save.

Round 1 imports what the builds need (scipy for the outlet charts, scikit-learn for
the similarity), as a window's first chart of these kinds does; later rounds do not.
A gap with neither the main thread's wait for a core nor the chart thread's CPU is the
lock held by a thread that has no core (another process took it). Not a test: run it on
a quiet machine; the load average is printed.
"""

from __future__ import annotations

import argparse
import functools
import gc
import os
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from news_corpus import build_corpus

BEAT_SECONDS = 0.005
#: A gap is said to be the chart thread's hold when the chart thread ran for at least
#: this many ms of it and the main thread waited for a core less than a third of it.
HOLD_MS = 20.0


def _waited_for_a_core() -> float:
    """This thread's time waiting for a core so far (seconds), 0 where unknown."""
    try:
        with open("/proc/thread-self/schedstat", encoding="ascii") as handle:
            return int(handle.read().split()[1]) / 1e9
    except OSError:
        return 0.0


def _reads_by_this_thread() -> int:
    """This thread's read system calls so far (Linux), -1 where unknown."""
    try:
        with open("/proc/thread-self/io", encoding="ascii") as handle:
            return int(dict(line.split(": ") for line in handle.read().splitlines())["syscr"])
    except OSError:
        return -1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--outlets", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--charts", default="outlet_heatmap,similarity,tone_strips")
    parser.add_argument("--export", choices=("png", "svg", "pdf"),
                        help="time Export Chart to this format instead of the window's drawing")
    args = parser.parse_args()

    from desktop import qt_app  # the window's switch interval, as the app sets it

    sys.setswitchinterval(qt_app.GUI_SWITCH_INTERVAL)
    from models.pipeline import analyze_paths

    print(f"load average at start: {os.getloadavg()[0]:.2f} (1 min); "
          f"{os.cpu_count()} cores; switch interval {sys.getswitchinterval() * 1000:.1f} ms")
    with tempfile.TemporaryDirectory() as tmp:
        info = build_corpus(Path(tmp) / "corpus", articles=args.articles, outlets=args.outlets)
        analyses = list(analyze_paths([info.folder]).analyses)
    gc.freeze()  # as the window freezes what it has loaded

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    import desktop.charts
    from desktop import qt_chart_job
    from desktop.chart_pixels import canvas_size, draw_pixels

    steps: list[tuple[str, float, float]] = []

    def timed(name: str, function: Any) -> Any:
        def step(*a: Any, **k: Any) -> Any:
            started = time.perf_counter()
            try:
                return function(*a, **k)
            finally:
                steps.append((name, started, time.perf_counter()))
        return step

    build = timed("build", qt_chart_job._build_chart)
    if args.export:
        from desktop import qt_compare_view

        # Export Chart's own function, as its thread runs it; its figure.savefig timed.
        qt_compare_view.save_figure = timed("save", qt_compare_view.save_figure)
        qt_compare_view.render = timed("plot", qt_compare_view.render)
        export_to = Path(tempfile.mkdtemp()) / f"chart.{args.export}"
    desktop.charts.render = timed("plot", desktop.charts.render)  # draw_pixels' plotting
    FigureCanvasAgg.draw = timed("agg", FigureCanvasAgg.draw)  # type: ignore[method-assign]
    sizer = functools.partial(canvas_size, px_per_inch=55, width=1270, height=560,
                              vertical_bar=15, horizontal_bar=15)

    for round_ in range(1, args.rounds + 1):
        for kind in args.charts.split(","):
            finished = threading.Event()
            del steps[:]

            reads: list[int] = []

            built = build(analyses, kind, None, None) if args.export else None
            del steps[:]

            def work(kind: str = kind, finished: threading.Event = finished,
                     reads: list[int] = reads, built: Any = built) -> None:
                before = _reads_by_this_thread()
                try:
                    if built is not None:  # Export Chart's thread (export size, as the view's)
                        width, height = built.size_hint()
                        size = (max(qt_compare_view.EXPORT_MIN_SIZE[0], width),
                                max(qt_compare_view.EXPORT_MIN_SIZE[1], height))
                        outcome = qt_compare_view._export_files([], built, size, export_to)
                        assert not outcome.error, outcome.error
                    else:
                        draw_pixels(build(analyses, kind, None, None), "bench", sizer, 1.0,
                                    100.0)
                finally:
                    reads.append(_reads_by_this_thread() - before if before >= 0 else -1)
                    finished.set()

            qt_chart_job.pause_collection()
            thread = threading.Thread(target=work, name="chart-job")
            thread.start()
            assert thread.ident is not None
            clock = time.pthread_getcpuclockid(thread.ident)
            start = last = time.perf_counter()
            last_wait, last_cpu = _waited_for_a_core(), time.clock_gettime(clock)
            gaps: list[tuple[float, float, float, float]] = []  # ms: gap, wait, chart CPU, at
            while not finished.is_set():
                time.sleep(BEAT_SECONDS)
                now, waited = time.perf_counter(), _waited_for_a_core()
                try:
                    cpu = time.clock_gettime(clock)
                except OSError:  # the thread has ended
                    cpu = last_cpu
                gaps.append(((now - last) * 1000, (waited - last_wait) * 1000,
                             (cpu - last_cpu) * 1000, (last - start) * 1000))
                last, last_wait, last_cpu = now, waited, cpu
            thread.join()
            qt_chart_job.resume_collection()
            total = (time.perf_counter() - start) * 1000

            def step_at(at_ms: float, start: float = start) -> str:
                return ", ".join(name for name, a, b in steps
                                 if (a - start) * 1000 <= at_ms <= (b - start) * 1000) or "-"

            holds = [g for g in gaps if g[2] >= HOLD_MS and g[1] < g[0] / 3]
            print(f"round {round_}, {kind}: built and drawn in {total:.0f} ms; longest gap "
                  f"{max(g[0] for g in gaps):.0f} ms; gaps over 50 ms: "
                  f"{sum(g[0] > 50 for g in gaps)} of {len(gaps)}; the chart thread's holds "
                  f"(>= {HOLD_MS:.0f} ms of its CPU in a gap, the main thread not waiting "
                  f"for a core): {len(holds)}; read calls on the chart thread: {reads[0]}")
            names = ("plot", "save") if args.export else ("build", "plot", "agg")
            took = {name: sum(b - a for n, a, b in steps if n == name) * 1000 for name in names}
            print("    steps: " + ", ".join(f"{name} {ms:.0f} ms" for name, ms in took.items())
                  + (f" (save: figure.savefig, {args.export})" if args.export else
                     " (agg: the constrained layout and the Agg drawing)"))
            for gap, wait, cpu, at in sorted(gaps, reverse=True)[:3]:
                print(f"    gap {gap:.0f} ms at {at:.0f} ms ({step_at(at)}): main thread waited "
                      f"for a core {wait:.0f} ms; chart thread's CPU {cpu:.0f} ms")
    print(f"load average at end: {os.getloadavg()[0]:.2f} (1 min)")


if __name__ == "__main__":
    main()
