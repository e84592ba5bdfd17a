"""The diagnostics log: what went wrong inside Framescope, kept for a bug report.

The app and the command line write the ``framescope`` logger tree (information and
up: a parser's words on a damaged file, a fault's traceback, a warning of the
window's) to ``framescope.log`` in the user's state folder (:func:`log_path`),
rotated at :data:`MAX_BYTES` with :data:`BACKUPS` older files kept. A log that
cannot be written (a read-only home, a full disk) never stops a run: there is
then no file, and nothing is said. Nothing logged quotes an article's text
(a journalist's drafts stay theirs): files are named, problems told by their
reasons and Framescope's own tracebacks (:mod:`models.faults`).

Qt-free: the command line (``desktop.cli``) and the app's analysis process use it.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import platform
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from models.faults import OLDER_LOGS

#: The log's file name, in :func:`log_folder`.
LOG_NAME = "framescope.log"
#: Bytes before the log is rotated, and older logs kept (framescope.log.1, .2; a crashed
#: process's detail names them: models.faults.where_the_stack_is).
MAX_BYTES = 1_000_000
BACKUPS = OLDER_LOGS
#: The logger tree written to the log.
LOGGER = "framescope"
_FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"


def log_folder(environ: Mapping[str, str] | None = None) -> Path:
    """Where the log is: ``$XDG_STATE_HOME/framescope`` when that is set (any platform),
    else ``~/.local/state/framescope`` on Linux, ``~/Library/Logs/Framescope`` on macOS,
    ``%LOCALAPPDATA%\\Framescope\\Logs`` on Windows."""
    env = os.environ if environ is None else environ
    state = env.get("XDG_STATE_HOME", "")
    if state and os.path.isabs(state):  # the XDG rule: a relative path is ignored
        return Path(state) / "framescope"
    home = Path(env.get("HOME") or os.path.expanduser("~"))
    if sys.platform == "darwin":
        return home / "Library" / "Logs" / "Framescope"
    if sys.platform == "win32":
        local = env.get("LOCALAPPDATA")
        return (Path(local) if local else home / "AppData" / "Local") / "Framescope" / "Logs"
    return home / ".local" / "state" / "framescope"


def log_path(environ: Mapping[str, str] | None = None) -> Path:
    """The log file (:func:`log_folder` / :data:`LOG_NAME`)."""
    return log_folder(environ) / LOG_NAME


class _LogFile(logging.handlers.RotatingFileHandler):
    """The log file's handler: a write that fails (a full disk, the folder removed)
    is dropped without a word on stderr; the run goes on."""

    def handleError(self, record: logging.LogRecord) -> None:
        pass


class _WarningsToStderr(logging.StreamHandler):  # type: ignore[type-arg]
    """Warnings on stderr, as Python's last-resort handler said them before the log had a
    handler (that handler speaks only when no other is found). Not errors: those are
    faults whose tracebacks are the log's; the user reads their reasons (errors.csv,
    Load Problems), and a command that stops on one still prints Python's report."""

    def __init__(self) -> None:
        super().__init__()
        self.setLevel(logging.WARNING)
        self.addFilter(lambda record: record.levelno < logging.ERROR)

    @property
    def stream(self) -> object:
        return sys.stderr

    @stream.setter
    def stream(self, _value: object) -> None:
        pass


def start_log(what: str, path: Path | None = None) -> Path | None:
    """Write the ``framescope`` loggers (information and up) to ``path`` (default
    :func:`log_path`) from now on, with a first line naming the version, the platform and
    ``what`` runs ("analyze", "the app"); the log's path, or None when it cannot be
    written (then nothing is written, and nothing said). Starting the same log again
    changes nothing; another path takes the first's place."""
    from models import __version__

    path = log_path() if path is None else path
    logger = logging.getLogger(LOGGER)
    current = _handler()
    if current is not None:
        if Path(current.baseFilename) == path.absolute():
            return path
        stop_log()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = _LogFile(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8",
                           delay=False)
    except OSError:
        return None
    handler.setLevel(logging.INFO)
    handler.setFormatter(logging.Formatter(_FORMAT))
    if logger.level == logging.NOTSET or logger.level > logging.INFO:
        logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    if not logging.getLogger().handlers:
        logger.addHandler(_WarningsToStderr())
    logger.info("Framescope %s started (%s; Python %s on %s).", __version__, what,
                platform.python_version(), platform.platform(terse=True))
    return path


def stop_log() -> None:
    """Close the log file and leave the loggers as :func:`start_log` found them."""
    logger = logging.getLogger(LOGGER)
    for handler in list(logger.handlers):
        if isinstance(handler, _LogFile | _WarningsToStderr):
            logger.removeHandler(handler)
            handler.close()
    logger.setLevel(logging.NOTSET)


def current_log() -> Path | None:
    """The log file being written, or None."""
    handler = _handler()
    return Path(handler.baseFilename) if handler is not None else None


@contextmanager
def logging_to_file(what: str, path: Path | None = None) -> Iterator[Path | None]:
    """:func:`start_log` for the block, :func:`stop_log` after it (a command run in a
    process that goes on, as the tests do)."""
    started = current_log() is None
    try:
        yield start_log(what, path) if started else current_log()
    finally:
        if started:
            stop_log()


def _handler() -> _LogFile | None:
    return next((h for h in logging.getLogger(LOGGER).handlers if isinstance(h, _LogFile)),
                None)
