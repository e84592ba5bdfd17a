"""The window's lexicon version (saved in projects and autosaves) is read from the
lexicon files' bytes, and is the one the cue finder in use reports."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from models.cues import default_finder
from models.resources import lexicons_dir
from models.user_lexicons import is_edited


def test_the_version_is_the_finders_with_and_without_the_users_copies(
    window: Any, user_folders: dict[str, Path]
) -> None:
    shipped = default_finder().lexicon.version
    assert window.project.finder() is None
    assert window.project.lexicon_version() == (shipped, False)

    folder = user_folders["config"] / "lexicons"
    folder.mkdir(parents=True)
    name = "loaded.csv"
    (folder / name).write_bytes((lexicons_dir() / name).read_bytes() + b"\n")
    version, edited = window.project.lexicon_version()
    assert version == window.project.finder().lexicon.version
    assert version != shipped
    assert edited == is_edited(folder, name)
