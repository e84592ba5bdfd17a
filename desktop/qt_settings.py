"""Where the app keeps its preferences: one INI file per user.

Always IniFormat, so tests can redirect it with ``QSettings.setPath`` (see
tests/desktop/conftest.py) and never touch the user's real configuration.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

ORGANIZATION = "Framescope"
APPLICATION = "Framescope"


def settings() -> QSettings:
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )


def last_directory() -> str:
    """The folder of the last file opened or saved, or the home folder."""
    value = settings().value("paths/last_directory", "")
    if isinstance(value, str) and value and Path(value).is_dir():
        return value
    return str(Path.home())


def remember_directory(path: str | Path) -> None:
    """Remember the folder of ``path`` for the next Open or Save dialog; not the sample
    articles' folder (opened at start-up): it lies inside the app's own files, where the
    Open dialog would then start and Save Project would offer to write the user's study
    (and which reinstalling or uninstalling the app deletes)."""
    path = Path(path)
    folder = path if path.is_dir() else path.parent
    if is_shipped(folder):
        return
    settings().setValue("paths/last_directory", str(folder))


def is_shipped(folder: Path) -> bool:
    """True for the shipped sample articles' folder (or a folder inside it)."""
    from models import resources

    try:
        seeds = resources.seeds_dir().resolve()
        folder = folder.resolve()
    except OSError:
        return False
    return folder == seeds or seeds in folder.parents
