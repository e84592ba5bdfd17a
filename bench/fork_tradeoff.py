"""Background work of the window: forked children against a helper process, in one run.

    .venv/bin/python bench/fork_tradeoff.py [--articles 10000] [--outlets 30]

The window computes charts of big corpora, the claims' alignment and big autosaves
in children forked from its own process (desktop/qt_chart_job.py, watched by
desktop/fork_guard.py). The alternative that never forks a multithreaded process
is a helper spawned early and fed the analyses as they stream in. On the same
corpus (read and analysed by the app's own analysis process,
desktop/analysis_process.py), this prints:

* the window's copy of the analyses: the RSS they add to this process;
* the helper: the bytes the window would forward to it (the analysis process's
  batches, as received), the time those writes take, the helper's CPU time to
  unpickle them, and its RSS with its copy, then after computing every chart there
  (its peak): the memory a helper adds to the app;
* forking: how long ``os.fork`` blocks the calling (GUI) thread with the analyses
  loaded, and each chart child's private memory at its peak (pages it copied or
  allocated: what the fork adds); and what one watch of a child costs.

Not a test: the load average is printed beside the figures.
"""

from __future__ import annotations

import argparse
import gc
import os
import pickle
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from news_corpus import build_corpus

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

CHARTS = ("measure_by_outlet", "outlet_heatmap", "tone_strips", "similarity")


def rss_mb(pid: int | str = "self") -> float:
    """Resident memory now (MB) of ``pid``."""
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def private_mb(pid: int) -> float:
    """Memory ``pid`` does not share with its parent (MB): Private_Clean + Private_Dirty."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
            total = 0
            for line in rollup:
                if line.startswith(("Private_Clean:", "Private_Dirty:")):
                    total += int(line.split()[1])
        return total / 1024
    except OSError:
        return 0.0


def analyse(folder: Path) -> list[bytes]:
    """Read and analyse ``folder`` in the app's analysis process; the messages as received."""
    import multiprocessing

    from desktop.analysis_process import run_analysis

    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    control_read, control = context.Pipe(duplex=False)
    process = context.Process(target=run_analysis, args=(send, control_read, [str(folder)]))
    process.start()
    send.close()
    control_read.close()
    messages = []
    while True:
        try:
            messages.append(receive.recv_bytes())
        except EOFError:
            break
    process.join()
    control.close()  # kept open until now: its end-of-file would cancel the run
    return messages


def _helper(receive: Any, report: Any) -> None:
    """The helper of option (a): unpickles the forwarded batches, then computes every chart."""
    import time

    from desktop.analysis_process import register_compact_pickling

    register_compact_pickling()
    analyses: list[Any] = []
    started = time.process_time()
    while True:
        data = receive.recv_bytes()
        if not data:
            break
        message = pickle.loads(data)
        if message[0] == "analysed":
            analyses.extend(message[1])
    unpickle_cpu = time.process_time() - started
    gc.freeze()
    with_copy = rss_mb()
    from desktop.charts import build_chart

    for kind in CHARTS:
        pickle.dumps(build_chart(kind, analyses, measure="hedges_epistemic_per_100w"))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    report.send((len(analyses), unpickle_cpu, with_copy, peak))


def measure_helper(messages: list[bytes]) -> None:
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    report_receive, report = context.Pipe(duplex=False)
    helper = context.Process(target=_helper, args=(receive, report))
    helper.start()
    receive.close()
    report.close()
    time.sleep(1.0)  # started and imported before the run, as it would be
    started = time.perf_counter()
    cpu = time.process_time()
    for data in messages:
        send.send_bytes(data)
    forward_wall = time.perf_counter() - started
    forward_cpu = time.process_time() - cpu
    send.send_bytes(b"")
    count, unpickle_cpu, with_copy, peak = report_receive.recv()
    helper.join()
    total = sum(len(m) for m in messages)
    print(f"  (a) helper: {total / 2**20:.0f} MB forwarded in {len(messages)} messages: "
          f"{forward_wall * 1000:.0f} ms of writes on the relay thread ({forward_cpu * 1000:.0f} ms CPU); "
          f"the helper unpickles them in {unpickle_cpu:.1f} s CPU ({count} analyses)")
    print(f"      helper RSS with its copy of the analyses: {with_copy:.0f} MB; "
          f"peak after computing the four charts: {peak:.0f} MB")


def measure_forks(analyses: list[Any]) -> None:
    from PySide6.QtCore import QCoreApplication

    from desktop import fork_guard
    from desktop.qt_chart_job import start_chart_job

    app = QCoreApplication.instance() or QCoreApplication([])
    for kind in CHARTS:
        job = start_chart_job(kind, analyses, measure="hedges_epistemic_per_100w")
        assert job is not None
        results: list[Any] = []
        job.done.connect(results.append)
        job.failed.connect(results.append)
        peak_private = peak_rss = 0.0
        started = time.perf_counter()
        while job.is_running():
            app.processEvents()
            peak_private = max(peak_private, private_mb(job.pid))
            try:
                peak_rss = max(peak_rss, rss_mb(job.pid))
            except OSError:
                pass
            time.sleep(0.02)
        seconds = time.perf_counter() - started
        assert results and not isinstance(results[0], str), results
        print(f"  (b) {kind}: fork blocked the caller {job.fork_seconds * 1000:.1f} ms; "
              f"child's private memory at most {peak_private:.0f} MB (RSS {peak_rss:.0f} MB, "
              f"mostly shared); chart back after {seconds:.1f} s")
    watch = fork_guard.Watch(os.getpid())
    started = time.perf_counter()
    for _ in range(1000):
        watch.stuck(0)
    print(f"  one watch of a child (reads /proc/PID/stat and io): "
          f"{(time.perf_counter() - started):.3f} ms; done every 500 ms per child")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--outlets", type=int, default=30)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(f"machine: {os.cpu_count()} cores; before: load average {os.getloadavg()[0]:.2f}")
    from desktop.analysis_process import register_compact_pickling

    register_compact_pickling()
    import desktop.charts  # noqa: F401  (what the window has loaded before a chart job)
    import models.features  # noqa: F401

    with tempfile.TemporaryDirectory(prefix="fork-tradeoff-") as tmp:
        info = build_corpus(Path(tmp) / "corpus", articles=args.articles, outlets=args.outlets)
        started = time.perf_counter()
        messages = analyse(info.folder)
        print(f"corpus: {info.articles} articles, {info.outlets} outlets; analysed in "
              f"{time.perf_counter() - started:.0f} s by the app's analysis process")
    gc.collect()
    before = rss_mb()
    analyses: list[Any] = []
    for data in messages:
        message = pickle.loads(data)
        if message[0] == "analysed":
            analyses.extend(message[1])
    gc.collect()
    gc.freeze()  # as the window does with loaded objects
    print(f"  the window's copy: {len(analyses)} analyses add {rss_mb() - before:.0f} MB "
          f"to its RSS ({rss_mb():.0f} MB in all for this process)")
    measure_helper(messages)
    del messages
    measure_forks(analyses)
    print(f"after: load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
