"""The lexicon's version from the files' bytes equals the one loading them gives."""

from __future__ import annotations

import shutil
from pathlib import Path

from models.lexicons import LEXICON_FILES, lexicon_version, load_lexicon
from models.resources import lexicons_dir


def test_the_shipped_lexicons_version() -> None:
    assert lexicon_version() == load_lexicon().version
    assert len(lexicon_version()) == 12


def test_a_users_edited_copy_changes_it_as_loading_does(tmp_path: Path) -> None:
    name = sorted(LEXICON_FILES)[0]
    copy = Path(shutil.copy(lexicons_dir() / name, tmp_path / name))
    assert lexicon_version(user_directory=tmp_path) == lexicon_version()  # same bytes
    copy.write_bytes(copy.read_bytes() + b"\n")
    edited = lexicon_version(user_directory=tmp_path)
    assert edited == load_lexicon(user_directory=tmp_path).version
    assert edited != lexicon_version()


def test_another_folder(tmp_path: Path) -> None:
    folder = tmp_path / "lexicons"
    shutil.copytree(lexicons_dir(), folder)
    assert lexicon_version(folder) == load_lexicon(folder).version
