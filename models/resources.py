"""Where Framescope's data folders are: ``resources/`` (lexicons, icons) and ``seeds/``.

Both live at the top of the project, next to the ``models`` package, not inside it.
They are found, in this order:

1. the folder named by the environment variable ``FRAMESCOPE_RESOURCES`` (resources only),
   for packagers and tests;
2. ``sys._MEIPASS`` when running from a PyInstaller bundle (one-file or one-folder),
   where the spec file must add ``("resources", "resources")`` and ``("seeds", "seeds")``
   to ``datas``;
3. the project root, the parent of the ``models`` package: a git checkout or an
   editable install (``pip install -e .``), whose ``models`` is the checkout's folder.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

RESOURCES_ENV_VAR = "FRAMESCOPE_RESOURCES"


class ResourceNotFoundError(FileNotFoundError):
    """A data folder the app needs is in none of the places it looks."""


def bundle_root() -> Path | None:
    """The folder a PyInstaller bundle unpacked its data into, or None when not frozen."""
    meipass = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and isinstance(meipass, str):
        return Path(meipass)
    return None


def project_root() -> Path:
    """The folder holding ``models/``: a checkout or an editable install's source tree."""
    return Path(__file__).resolve().parent.parent


def _candidate_roots() -> list[Path]:
    roots: list[Path] = []
    frozen = bundle_root()
    if frozen is not None:
        roots.append(frozen)
    roots.append(project_root())
    return roots


def _find_folder(name: str) -> Path:
    tried: list[Path] = []
    for root in _candidate_roots():
        folder = root / name
        if folder.is_dir():
            return folder
        tried.append(folder)
    raise ResourceNotFoundError(
        f"Framescope's {name!r} folder was not found; looked in: "
        + ", ".join(str(p) for p in tried)
    )


def resources_dir() -> Path:
    """The ``resources/`` folder (see the module docstring for the search order)."""
    override = os.environ.get(RESOURCES_ENV_VAR)
    if override:
        folder = Path(override)
        if not folder.is_dir():
            raise ResourceNotFoundError(
                f"{RESOURCES_ENV_VAR} names {folder}, which is not a folder"
            )
        return folder
    return _find_folder("resources")


def resource_path(*parts: str) -> Path:
    """A path inside ``resources/``, e.g. ``resource_path("lexicons", "hedges.csv")``.

    The path is not checked for existence, so callers can report a missing file themselves.
    """
    return resources_dir().joinpath(*parts)


def lexicons_dir() -> Path:
    """The shipped lexicons: ``resources/lexicons/``."""
    return resource_path("lexicons")


def seeds_dir() -> Path:
    """The sample corpus opened on first run: ``seeds/``."""
    return _find_folder("seeds")
