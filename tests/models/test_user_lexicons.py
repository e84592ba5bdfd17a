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


def test_a_broken_copy_is_named_and_set_aside_the_other_copies_used(tmp_path: Path) -> None:
    # A copy edited by hand, or written by an older Framescope whose columns differ: the
    # shipped file is used in its place, the problem names the file and line, the
    # other copies still count, and the broken copy is left as the user made it.
    from models.user_lexicons import load_usable_copies

    add_term(tmp_path, "loaded.csv", {"term": "kerfuffle", "kind": "emotive"})
    broken = tmp_path / "hedges.csv"
    broken.write_text("term,forms,subcategory\nmaybe,,epistemic,extra\n", encoding="utf-8")
    before = broken.read_bytes()

    lexicon, problems = load_usable_copies(tmp_path)

    assert [(p.path, p.line) for p in problems] == [(broken, 2)]
    assert "expected 3 cells" in str(problems[0])
    finder = CueFinder(lexicon)
    found = {(s.category, s.text) for s in finder.find("It may be a kerfuffle.")}
    assert ("loaded", "kerfuffle") in found  # the good copy is used
    assert any(c == "hedge" and t == "may" for c, t in found)  # the shipped hedges are
    assert broken.read_bytes() == before
    assert lexicon.version == load_lexicon(
        user_directory=tmp_path, skip_user=frozenset({"hedges.csv"})).version


def test_a_copy_that_cannot_be_read_is_a_lexicon_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from models.lexicons import LexiconError
    from models.user_lexicons import load_usable_copies

    copy = tmp_path / "boosters.csv"
    copy.write_bytes((lexicons_dir() / "boosters.csv").read_bytes())
    real = Path.read_text

    def unreadable(self: Path, *args: object, **kwargs: object) -> str:
        if self == copy:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "read_text", unreadable)
    with pytest.raises(LexiconError, match="Permission denied"):
        load_lexicon(user_directory=tmp_path)
    lexicon, problems = load_usable_copies(tmp_path)
    assert [p.path for p in problems] == [copy]
    assert lexicon.entries


def test_an_edit_beside_a_broken_copy_is_made_and_the_broken_copy_kept(tmp_path: Path) -> None:
    # The edit is judged on its own file: another copy that was already broken neither
    # refuses it nor makes it fail after it was written.
    broken = tmp_path / "hedges.csv"
    broken.write_text("term,forms,subcategory\nmaybe,,epistemic,extra\n", encoding="utf-8")
    before = broken.read_bytes()
    lexicon = add_term(tmp_path, "loaded.csv", {"term": "kerfuffle", "kind": "emotive"})
    assert any(e.term == "kerfuffle" for e in lexicon.entries)
    remove_term(tmp_path, "loaded.csv", "kerfuffle")
    reset_to_shipped(tmp_path, "loaded.csv")
    assert broken.read_bytes() == before


def test_an_edit_that_cannot_be_written_says_where_and_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    real = Path.write_text

    def full(self: Path, *args: object, **kwargs: object) -> int:
        if self.parent == tmp_path:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "write_text", full)
    with pytest.raises(LexiconEditError) as caught:
        add_term(tmp_path, "loaded.csv", {"term": "kerfuffle", "kind": "emotive"})
    assert str(caught.value) == (
        f"{tmp_path / 'loaded.csv'} could not be written (No space left on device)")
    assert not (tmp_path / "loaded.csv").exists()


def test_a_copy_that_is_not_text_is_said_by_the_editor_functions(tmp_path: Path) -> None:
    (tmp_path / "hedges.csv").write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(LexiconEditError, match=r"hedges.csv could not be read \(not UTF-8"):
        terms(tmp_path, "hedges.csv")
    with pytest.raises(LexiconEditError, match="could not be read"):
        add_term(tmp_path, "hedges.csv", {"term": "perchance", "subcategory": "epistemic"})
    reset_to_shipped(tmp_path, "hedges.csv")  # the way out: the shipped file again
    assert terms(tmp_path, "hedges.csv")
