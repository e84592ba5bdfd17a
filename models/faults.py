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

import traceback

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
