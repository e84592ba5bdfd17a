"""Framescope's own faults, told to a developer: for the log and a bug report.

The user reads a plain reason (:attr:`models.article.ReadError.reason`); what a
developer needs to find the fault (the exception's type, its words, where it was
raised) is :func:`fault_detail`, kept in :attr:`models.article.ReadError.detail`
and written to the diagnostics log by the process that gathers the run's
problems (worker processes have no log of their own).

Privacy: an article may be a journalist's unpublished draft, so nothing here
copies article text. A traceback names Framescope's source lines, not the
data; an exception's words might quote the text (``KeyError('a sentence')``),
so they are cut to :data:`MAX_WORDS_CHARS` characters.
"""

from __future__ import annotations

import os
import traceback
from typing import Any

#: An exception's words kept in a detail (characters); longer words are cut with "…".
MAX_WORDS_CHARS = 200
#: The innermost frames of a traceback kept in a detail.
MAX_FRAMES = 12


def exception_words(exc: BaseException) -> str:
    """"KeyError: 'tone_mean'": the exception's type and its words on one line, cut to
    :data:`MAX_WORDS_CHARS` characters."""
    kind = type(exc).__qualname__
    if type(exc).__module__ not in ("builtins", "__main__"):
        kind = f"{type(exc).__module__}.{kind}"
    words = " ".join(str(exc).split())
    if len(words) > MAX_WORDS_CHARS:
        words = words[:MAX_WORDS_CHARS - 1] + "…"
    return f"{kind}: {words}" if words else kind


def fault_detail(exc: BaseException) -> str:
    """The exception's type and words, then where it was raised (the innermost
    :data:`MAX_FRAMES` frames of its traceback), as Python prints them."""
    frames = traceback.extract_tb(exc.__traceback__)[-MAX_FRAMES:]
    where = "".join(traceback.format_list(frames)).rstrip()
    words = exception_words(exc)
    return f"{words}\nTraceback (most recent call last):\n{where}" if where else words


#: The file Python's fault handler writes to in this process (kept open: it writes to
#: the file's descriptor when the process crashes, with no time to open anything).
_FAULT_FILE: Any = None


def keep_hard_crashes_in(path: str) -> bool:
    """When this process crashes hard (a segfault in a C extension, an abort, a fatal
    error of Python's), :mod:`faulthandler` writes the Python stack of every thread to
    ``path`` (appended: the diagnostics log), where no traceback could be sent back.
    The file stays open for the process's life. False when it cannot be opened (then
    nothing changes)."""
    global _FAULT_FILE
    import faulthandler

    try:
        handle = open(path, "a", encoding="utf-8")
    except OSError:
        return False
    faulthandler.enable(file=handle, all_threads=True)
    previous, _FAULT_FILE = _FAULT_FILE, handle
    if previous is not None:
        previous.close()
    return True


#: Older copies of the diagnostics log kept when it is rotated (``framescope.log.1``,
#: ``.2``: :data:`desktop.log_file.BACKUPS`).
OLDER_LOGS = 2


def where_the_stack_is(log: str) -> str:
    """"its last stack, if any, is in the log: PATH, or in an older copy (PATH.1 or
    PATH.2) if the log was rotated since": where :func:`keep_hard_crashes_in` left a
    crashed process's stacks. Not one file for sure: the process wrote to the file it
    opened when it started, and any process writing the log (the app's window, its
    analysis process, the command line) renames that file to ``.1``, then ``.2``, when the
    log grows past its size; the process that tells of the crash cannot know which name
    the file has by then, nor when someone reads this."""
    return f"its last stack, if any, is in {in_the_log_or_older(log)}"


def in_the_log_or_older(log: str) -> str:
    """"the log: PATH, or in an older copy (framescope.log.1 or framescope.log.2) if the
    log was rotated since": where something another process wrote to the log is (see
    :func:`where_the_stack_is`)."""
    name = os.path.basename(log)
    copies = " or ".join(f"{name}.{number}" for number in range(1, OLDER_LOGS + 1))
    return f"the log: {log}, or in an older copy ({copies}) if the log was rotated since"


def how_it_ended(exitcode: int | None) -> str:
    """"signal 11" or "exit code 3": how a process ended (``exitcode`` as
    :attr:`multiprocessing.Process.exitcode`: minus the signal that ended it)."""
    return (f"signal {-exitcode}" if exitcode is not None and exitcode < 0
            else f"exit code {exitcode}")


def ended_abruptly(doing: str, exitcode: int | None, log: str | None = None) -> str:
    """"the process analysing it ended abruptly (signal 6); its last stack, if any, is in
    the log: …" (:func:`where_the_stack_is`): the detail of a problem whose worker process
    died (``exitcode``: :func:`how_it_ended`)."""
    said = f"the process {doing} it ended abruptly ({how_it_ended(exitcode)})"
    return f"{said}; {where_the_stack_is(log)}" if log else said
