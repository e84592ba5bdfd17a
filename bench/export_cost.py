"""What closing the seams of an edge-to-edge grid costs an SVG or PDF export.

    .venv/bin/python bench/export_cost.py [--articles 300] [--outlets 30] [--rounds 3]
                                          [--charts similarity,tone_strips]

Past 150 articles the similarity and tone charts are grids of cells drawn edge to edge;
while an SVG or PDF is written, ``desktop.charts.style.seams_closed`` gives each cell an edge
in its own colour so that viewers show no light seams between cells. Here each chart is
plotted and saved as the CLI saves it (``desktop.charts.render``, ``save_figure``) three ways,
in a rotating order within each round, each export in a forked child: ``edged`` (as
shipped), ``plain`` (the mesh unmarked: as before, with seams) and ``raster`` (the other
remedy tried: the mesh rasterized). For each: wall time, CPU time, the rise of the child's
peak RSS over its RSS at the fork, and the file's size. Not a test: figures are ratios
within one run, with the load average printed.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from bench_common import load
from news_corpus import build_corpus


def _rss_kb() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


VARIANTS = ("edged", "plain", "raster")


def _export(analyses: Any, kind: str, fmt: str, variant: str, path: Path) -> tuple[
        float, float, float, int]:
    """(wall s, CPU s, peak RSS rise MB, bytes) of one export, in a forked child."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: plot, save, report, leave
        os.close(read)
        from matplotlib.collections import QuadMesh

        from desktop.charts import build_chart, render, save_figure, style
        from models import __version__

        start_rss = _rss_kb()
        chart = build_chart(kind, analyses)
        started, cpu = time.perf_counter(), time.process_time()
        figure = render(chart, __version__)
        for ax in figure.axes:
            for mesh in ax.collections:
                if isinstance(mesh, QuadMesh) and mesh in style._EDGE_TO_EDGE:
                    if variant != "edged":
                        style._EDGE_TO_EDGE.discard(mesh)
                    if variant == "raster":
                        mesh.set_rasterized(True)
        save_figure(figure, path)
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        os.write(write, f"{wall} {cpu} {(peak - start_rss) / 1024}".encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as f:
        wall, cpu, rise = (float(v) for v in f.read().split())
    os.waitpid(pid, 0)
    return wall, cpu, rise, path.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--outlets", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--charts", default="similarity,tone_strips")
    args = parser.parse_args()
    from models.pipeline import analyze_paths

    print(f"{os.cpu_count()} cores; {load()} at start")
    with tempfile.TemporaryDirectory() as tmp:
        info = build_corpus(Path(tmp) / "corpus", articles=args.articles, outlets=args.outlets)
        analyses = list(analyze_paths([info.folder]).analyses)
        out = Path(tmp) / "out"
        out.mkdir()
        runs: dict[tuple[str, str, str], list[tuple[float, float, float, int]]] = {}
        for round_ in range(args.rounds):
            for kind in args.charts.split(","):
                for fmt in ("svg", "pdf"):
                    # Rotate which goes first, round by round.
                    order = VARIANTS[round_ % 3:] + VARIANTS[:round_ % 3]
                    for variant in order:
                        path = out / f"{kind}-{variant}.{fmt}"
                        runs.setdefault((kind, fmt, variant), []).append(
                            _export(analyses, kind, fmt, variant, path))
    print(f"{load()} at end; medians of {args.rounds} runs in rotating order; "
          "ratios against plain (no seam closing, as before)")
    print(f"{'chart':12} {'fmt':4} {'variant':8} {'wall s':>7} {'CPU s':>7} {'RSS rise MB':>12} "
          f"{'KB':>6} {'wall/plain':>11} {'CPU/plain':>10} {'RSS/plain':>10}")
    for kind in args.charts.split(","):
        for fmt in ("svg", "pdf"):
            plain = [statistics.median(x) for x in zip(*runs[(kind, fmt, "plain")], strict=True)]
            for variant in VARIANTS:
                m = [statistics.median(x) for x in zip(*runs[(kind, fmt, variant)], strict=True)]
                print(f"{kind:12} {fmt:4} {variant:8} {m[0]:7.2f} {m[1]:7.2f} {m[2]:12.1f} "
                      f"{m[3] / 1024:6.0f} {m[0] / plain[0]:11.2f} {m[1] / plain[1]:10.2f} "
                      f"{m[2] / plain[2]:10.2f}")


if __name__ == "__main__":
    main()
