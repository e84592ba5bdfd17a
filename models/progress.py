"""The contract for long work: a small, Qt-free progress object.

Long functions in :mod:`models` take a :class:`Progress` and call
``is_cancelled()`` between articles; the desktop app passes one that forwards
to Qt signals, scripts pass :class:`NullProgress` (or nothing).
"""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    def set_progress(self, fraction: float) -> None:
        """Report progress from 0.0 to 1.0."""

    def set_status(self, text: str) -> None:
        """Report what is being done, in words a user understands."""

    def is_cancelled(self) -> bool:
        """True once the caller wants the work to stop."""


class Cancelled(Exception):
    """Raised by long work that saw ``is_cancelled()`` become true."""


class NullProgress:
    """A progress object that reports nothing and is never cancelled."""

    def set_progress(self, fraction: float) -> None:
        pass

    def set_status(self, text: str) -> None:
        pass

    def is_cancelled(self) -> bool:
        return False
