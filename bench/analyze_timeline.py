"""Where the wall time of ``framescope analyze --no-charts`` goes: which processes use
the cores, moment by moment, on the corpus of bench/corpus_speed.py.

    .venv/bin/python bench/analyze_timeline.py [--articles 2400] [--outlets 12]
                                               [--bin 0.5] [--repeats 1] [--jobs N]

Runs the real command line as a fresh subprocess and, every 20 ms, reads the CPU
time of it and of every process under it from /proc (Linux only). Prints, per
``--bin`` seconds, the cores each group used: the main process, the first
generation of children (the pool's workers, which read and score) and the later
ones (the table processes forked after scoring), and the cores left idle
(``cores - used``). A wall second with one idle core is a second a better
schedule could win. The summary gives the wall time, the CPU time of each group
and the idle core-seconds, then each group's kernel time and minor page faults (a
forked process copies each page of its parent's that it touches: the table processes
read every analysis). Not a test; no absolute figure counts.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench_common import framescope_command, load
from news_corpus import build_corpus

TICK = os.sysconf("SC_CLK_TCK")


@dataclass
class Seen:
    pid: int
    parent: int
    first: float
    last: float
    samples: list[tuple[float, float]] = field(default_factory=list)  # (time, cpu s)
    system: float = 0.0  # of the CPU seconds, those in the kernel (last seen)
    faults: int = 0  # minor page faults (last seen): first touches and copies on write


Stat = tuple[int, float, float, int]  # parent, CPU s, of which in the kernel, minor faults


def _stat(pid: int) -> Stat | None:
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = raw[raw.rindex(")") + 2:].split()
    # state ppid ... minflt(10th field: index 7 here) ... utime(index 11) stime(index 12)
    return (int(fields[1]), (int(fields[11]) + int(fields[12])) / TICK,
            int(fields[12]) / TICK, int(fields[7]))


def _tree(root: int) -> dict[int, Stat]:
    stats: dict[int, Stat] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            found = _stat(int(entry))
            if found is not None:
                stats[int(entry)] = found
    inside = {root}
    changed = True
    while changed:
        changed = False
        for pid, (parent, *_) in stats.items():
            if parent in inside and pid not in inside:
                inside.add(pid)
                changed = True
    return {pid: stats[pid] for pid in inside if pid in stats}


def run_once(corpus: Path, out: Path, jobs: int | None, tick: float) -> tuple[float, dict[int, Seen]]:
    command = [*framescope_command(), "analyze", str(corpus), "--out", str(out),
               "--no-charts", "--quiet"]
    if jobs is not None:
        command += ["--jobs", str(jobs)]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seen: dict[int, Seen] = {}
    while process.poll() is None:
        now = time.perf_counter() - started
        for pid, (parent, cpu, system, faults) in _tree(process.pid).items():
            record = seen.setdefault(pid, Seen(pid, parent, now, now))
            record.last = now
            record.samples.append((now, cpu))
            record.system, record.faults = system, faults
        time.sleep(tick)
    wall = time.perf_counter() - started
    if process.returncode != 0:
        sys.exit(f"framescope analyze failed ({process.returncode}):\n"
                 f"{process.stderr.read().decode() if process.stderr else ''}")
    return wall, seen


def groups(root: int, seen: dict[int, Seen]) -> dict[int, str]:
    """Each process's group: main, scoring (children alive together from the first
    one), tables (children that start once every earlier one has ended)."""
    names = {root: "main"}
    children = sorted((s for s in seen.values() if s.pid != root), key=lambda s: s.first)
    generation, ends = 0, 0.0
    for child in children:
        if ends and child.first > ends:
            generation += 1
        ends = max(ends, child.last)
        names[child.pid] = "scoring" if generation == 0 else "tables"
    return names


def used_by_bin(seen: dict[int, Seen], names: dict[int, str], width: float,
                wall: float) -> list[dict[str, float]]:
    bins = [dict.fromkeys(("main", "scoring", "tables"), 0.0)
            for _ in range(int(wall / width) + 1)]
    for record in seen.values():
        # CPU a process had when first seen was spent just before: count it in that bin.
        previous_cpu = 0.0
        for now, cpu in record.samples:
            bins[min(int(now / width), len(bins) - 1)][names[record.pid]] += cpu - previous_cpu
            previous_cpu = cpu
    return bins


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2400)
    parser.add_argument("--outlets", type=int, default=12)
    parser.add_argument("--bin", type=float, default=0.5, help="seconds per line")
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--per-process", action="store_true", help="a column per process")
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)
    cores = len(os.sched_getaffinity(0))

    tmp = Path(tempfile.mkdtemp(prefix="framescope-timeline-"))
    try:
        info = build_corpus(tmp / "corpus", articles=args.articles, outlets=args.outlets)
        print(f"corpus: {info.articles} articles from {info.outlets} outlets; {cores} cores")
        for repeat in range(args.repeats):
            print(f"before: {load()}")
            wall, seen = run_once(info.folder, tmp / f"out-{repeat}", args.jobs, 0.02)
            root = min(seen, key=lambda pid: seen[pid].first)
            names = groups(root, seen)
            bins = used_by_bin(seen, names, args.bin, wall)
            print(f"after:  {load()}")
            print(f"{'t (s)':>6} {'main':>5} {'score':>5} {'table':>5} {'idle':>5}  cores used")
            for k, row in enumerate(bins):
                span = min(args.bin, wall - k * args.bin)
                if span <= 0:
                    continue
                used = {name: cpu / span for name, cpu in row.items()}
                idle = max(0.0, cores - sum(used.values()))
                bar = ("M" * round(used["main"] * 10) + "s" * round(used["scoring"] * 10)
                       + "t" * round(used["tables"] * 10))
                print(f"{k * args.bin:6.1f} {used['main']:5.2f} {used['scoring']:5.2f} "
                      f"{used['tables']:5.2f} {idle:5.2f}  {bar}")
            totals = dict.fromkeys(("main", "scoring", "tables"), 0.0)
            system = dict.fromkeys(("main", "scoring", "tables"), 0.0)
            faults = dict.fromkeys(("main", "scoring", "tables"), 0)
            for record in seen.values():
                totals[names[record.pid]] += record.samples[-1][1]
                system[names[record.pid]] += record.system
                faults[names[record.pid]] += record.faults
            cpu = sum(totals.values())
            print(f"wall {wall:.2f} s; CPU {cpu:.2f} s (main {totals['main']:.2f}, scoring "
                  f"workers {totals['scoring']:.2f}, table processes {totals['tables']:.2f}); "
                  f"idle core-seconds {cores * wall - cpu:.2f} ({1 - cpu / (cores * wall):.0%} "
                  f"of {cores} x wall)")
            # A forked process that reads what its parent made copies each page it touches
            # (reference counts are writes): minor faults and kernel time, not Python's.
            print("of which in the kernel (s) / minor page faults: " + ", ".join(
                f"{name} {system[name]:.2f} / {faults[name]:,}" for name in totals))
            last_scoring = max((s.last for s in seen.values() if names[s.pid] == "scoring"),
                               default=0.0)
            first_table = min((s.first for s in seen.values() if names[s.pid] == "tables"),
                              default=wall)
            if args.per_process:
                order = sorted(seen.values(), key=lambda s: s.first)
                print("per process (cores used per bin): " + " ".join(
                    f"{names[s.pid]}{k}" for k, s in enumerate(order)))
                for k in range(len(bins)):
                    cells = []
                    for record in order:
                        before = [c for t, c in record.samples if t < k * args.bin]
                        upto = [c for t, c in record.samples if t < (k + 1) * args.bin]
                        cells.append(((upto[-1] if upto else 0.0)
                                      - (before[-1] if before else 0.0)) / args.bin)
                    print(f"{k * args.bin:6.1f} " + " ".join(f"{c:5.2f}" for c in cells))
            print(f"scoring workers last seen at {last_scoring:.2f} s; first table process at "
                  f"{first_table:.2f} s; processes: "
                  + ", ".join(f"{names[s.pid]} {s.first:.1f}-{s.last:.1f}s {s.samples[-1][1]:.1f}cpu"
                              for s in sorted(seen.values(), key=lambda s: s.first)))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
