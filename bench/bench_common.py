"""What several bench scripts share: the load average line, the CPU of finished
child processes, and the command that runs ``framescope`` from this environment.

bench/ is not a package: a script run by path has its own folder first on
``sys.path``, so ``from bench_common import load`` finds this file.
"""

from __future__ import annotations

import os
import resource
import sys
from pathlib import Path


def load() -> str:
    """The machine's load average (1 and 5 minutes), to print beside every figure:
    other work slows a run, and some runs more than others."""
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min)"


def children_cpu() -> float:
    """CPU seconds (user + system) of every child process of this one that has ended
    and been waited for, and of their children in turn."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def framescope_command() -> list[str]:
    """The ``framescope`` command of this Python's environment (its script, else
    the entry point through ``python -c``)."""
    script = Path(sys.executable).parent / "framescope"
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from desktop.__main__ import main; sys.exit(main())"]
