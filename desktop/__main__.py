"""``framescope``: the desktop app, or a headless command.

``framescope [FILE...]`` opens the app (on the seeds when nothing is given),
``framescope analyze …`` and ``framescope sentences …`` run headless and never
import Qt, ``framescope --smoke-test`` checks a (frozen) build end to end.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from models import __version__

HEADLESS_COMMANDS = ("analyze", "sentences")


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="framescope",
        description="Compare how news outlets frame the same story.",
        epilog="Headless commands: 'framescope analyze --help', 'framescope sentences --help'.",
    )
    parser.add_argument("files", nargs="*", help="articles or folders to open")
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="open the window offscreen on the seeds, render and export every chart, exit",
    )
    parser.add_argument("--version", action="version", version=f"Framescope {__version__}")
    return parser


def main_gui(argv: Sequence[str] | None = None) -> int:
    """Open the desktop app."""
    args = _gui_parser().parse_args(sys.argv[1:] if argv is None else list(argv))
    # Qt is imported only here, so that the headless commands never load it.
    from desktop.qt_app import run_gui

    return run_gui(list(args.files), smoke_test=args.smoke_test)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``framescope`` command."""
    # In a frozen app, a worker process of the analysis pool (models.engines)
    # starts as this executable: freeze_support runs the worker and exits. Elsewhere it
    # does nothing, and importing multiprocessing held the window back ~4 ms.
    if getattr(sys, "frozen", False):
        import multiprocessing

        multiprocessing.freeze_support()
    args = list(sys.argv[1:] if argv is None else argv)
    meant = _misspelt_command(args)
    if meant:
        sys.stderr.write(
            f"framescope: unknown command '{args[0]}' (and no file of that name); "
            f"did you mean 'framescope {meant}'? See 'framescope {meant} --help'.\n"
        )
        return 2
    if args and args[0] in HEADLESS_COMMANDS:
        from desktop.cli import run_command

        code = run_command(args)
        if argv is None and args[0] == "analyze":
            _end_command(code)
        return code
    return main_gui(args)


def _misspelt_command(args: Sequence[str]) -> str:
    """The headless command ``args[0]`` looks like a misspelling of ("analyse" for
    "analyze"), when it is not a file or folder to open; "" otherwise. Without this,
    "framescope analyse seeds --out x" met the app's parser ("unrecognized arguments:
    --out x") and "framescope analyse seeds" opened the app on a file named "analyse"."""
    if not args or args[0] in HEADLESS_COMMANDS or args[0].startswith("-"):
        return ""
    from pathlib import Path

    word = args[0]
    if Path(word).exists():
        return ""
    # Only now: difflib (~0.8 ms) held back every start of the app, with no argument too.
    import difflib

    close = difflib.get_close_matches(word.lower(), HEADLESS_COMMANDS, n=1, cutoff=0.75)
    return close[0] if close else ""


def _end_command(code: int) -> None:
    """End the ``framescope analyze`` command now, its files written and closed,
    without the interpreter's teardown of scikit-learn, scipy and the lexicons
    (about a second under load, 0.3-0.5 s on a quiet machine: the operating system
    frees the memory at once). Only when nothing else runs: no other thread and no
    child process (the pool's workers and the tables' children are joined by now)."""
    import multiprocessing
    import os
    import threading

    sys.stdout.flush()
    sys.stderr.flush()
    if threading.active_count() == 1 and not multiprocessing.active_children():
        os._exit(code)


if __name__ == "__main__":
    sys.exit(main())
