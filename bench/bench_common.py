"""What several bench scripts share: this checkout's code first, the load average line,
the CPU of finished child processes, and the command that runs ``framescope`` from this
environment.

bench/ is not a package: a script run by path has its own folder first on
``sys.path``, so ``from bench_common import load`` finds this file.

Importing this module puts the checkout it sits in first on ``sys.path`` and on the
``PYTHONPATH`` its child processes inherit. The environment's ``framescope`` is an
editable install of one checkout (``pip install -e``): without this, a bench run in a
second worktree that shares the environment, or in a snapshot of another version, would
import and time that one checkout's ``models`` and ``desktop`` in every run, whichever
folder the script sits in (session 19: speed19 found a base-against-tip comparison
could compare one tree with itself). Every bench script that imports ``models`` imports
this module (or :mod:`news_corpus`, which does) first.
"""

from __future__ import annotations

import os
import resource
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

#: The checkout this bench folder belongs to.
REPO = Path(__file__).resolve().parents[1]


def use_this_checkout() -> None:
    """Put :data:`REPO` first on ``sys.path`` (after the script's own folder) and on the
    ``PYTHONPATH`` of the child processes started from now on."""
    if str(REPO) not in sys.path[:2]:
        sys.path.insert(1 if sys.path and sys.path[0] == str(REPO / "bench") else 0, str(REPO))
    inherited = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    if inherited[:1] != [str(REPO)]:
        os.environ["PYTHONPATH"] = os.pathsep.join([str(REPO), *inherited])


use_this_checkout()


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


def named_files(values: Sequence[str], option: str) -> dict[str, Path]:
    """``NAME=FILE`` arguments (labellers' or graders' files) as name -> path; raises
    ValueError naming ``option`` and the value that is not of that form."""
    out = {}
    for value in values:
        name, sep, file = value.partition("=")
        if not sep or not name or not file:
            raise ValueError(f"{option} wants NAME=FILE, got {value!r}")
        out[name] = Path(file)
    return out


def marked_lines(path: Path) -> Iterator[tuple[int, str, list[str]]]:
    """A labeller's or grader's file, ``N MARK`` a line, optionally ending in ``?`` (unsure):
    (line number, the line, its words without the ``?``) of each line that is not blank
    or a ``#`` comment. The caller checks the words and names the file and line."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        text = line.split("#", 1)[0].strip()
        if not text:
            continue
        parts = text.split()
        if parts[-1] == "?":
            parts = parts[:-1]
        elif parts[-1].endswith("?"):
            parts[-1] = parts[-1][:-1]
        yield number, line, parts


def labelled_table(path: Path, header: Sequence[str],
                   who: str) -> Iterator[tuple[int, str, list[str], list[str]]]:
    """A committed labels or grades file: tab-separated, '#' comment lines, a header of
    ``header`` and then one column per labeller (``who``: "labellers", "graders"). Yields
    (line number, the line, its cells, the labellers' names) for each row after the
    header; raises ValueError naming the file and line of a header that is not that."""
    names: list[str] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not names:
            if tuple(cells[:len(header)]) != tuple(header) or len(cells) == len(header):
                raise ValueError(f"{path.name}, line {number}: expected the header "
                                 f"{' '.join(header)} and {who}' names")
            names = cells[len(header):]
            continue
        yield number, line, cells, names
