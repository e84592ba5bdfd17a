"""The user's lexicon copies: edits never touch the shipped files; the version follows them."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.cues import CueFinder
from models.lexicons import load_lexicon
from models.resources import lexicons_dir
from models.user_lexicons import (
    LexiconEditError,
    add_term,
    is_edited,
    remove_term,
    reset_to_shipped,
    terms,
)


def shipped_bytes() -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in lexicons_dir().glob("*.csv")}


def loaded_in(text: str, user_dir: Path | None) -> list[str]:
    finder = CueFinder(load_lexicon(user_directory=user_dir))
    return [s.text for s in finder.find(text) if s.category == "loaded"]


def test_add_and_remove_change_the_cues_and_the_version(tmp_path: Path) -> None:
    shipped = shipped_bytes()
    base = load_lexicon()
    sentence = "The plan was a kerfuffle and caused chaos."
    assert loaded_in(sentence, tmp_path) == ["chaos"]

    lexicon = add_term(tmp_path, "loaded.csv", {"term": "kerfuffle", "kind": "emotive"})
    assert lexicon.version != base.version
    assert is_edited(tmp_path, "loaded.csv")
    assert loaded_in(sentence, tmp_path) == ["kerfuffle", "chaos"]
    assert any(row["term"] == "kerfuffle" for row in terms(tmp_path, "loaded.csv"))

    remove_term(tmp_path, "loaded.csv", "chaos")
    assert loaded_in(sentence, tmp_path) == ["kerfuffle"]

    lexicon = reset_to_shipped(tmp_path, "loaded.csv")
    assert lexicon.version == base.version
    assert not is_edited(tmp_path, "loaded.csv")
    assert loaded_in(sentence, tmp_path) == ["chaos"]
    assert shipped_bytes() == shipped  # the shipped files were never written


def test_an_edit_that_would_break_the_lexicon_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LexiconEditError, match="already listed"):
        add_term(tmp_path, "loaded.csv", {"term": "chaos", "kind": "emotive"})
    with pytest.raises(LexiconEditError, match="kind"):
        add_term(tmp_path, "loaded.csv", {"term": "zzz", "kind": "Not A Kind"})
    with pytest.raises(LexiconEditError, match="not in"):
        remove_term(tmp_path, "loaded.csv", "no-such-term")
    with pytest.raises(LexiconEditError, match="empty"):
        add_term(tmp_path, "boosters.csv", {"term": " ", "subcategory": "certainty"})
    assert not (tmp_path / "loaded.csv").exists()  # nothing was written
    assert list(tmp_path.iterdir()) == []
