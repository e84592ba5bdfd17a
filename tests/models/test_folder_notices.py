"""read_paths names a folder's files of other types and an article without body text
(ux22 #16, session 22), as notices that are not failures to read."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from models.article import NO_BODY, SKIPPED
from models.progress import NullProgress
from models.readers import read_paths


class _Status(NullProgress):
    def __init__(self) -> None:
        super().__init__()
        self.statuses: list[str] = []

    def set_status(self, text: str) -> None:
        self.statuses.append(text)


def test_a_folder_s_picture_and_a_headline_alone_are_named(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(
        "Council Will Close Library\n\nThe council said on Tuesday that the library will "
        "close next month. Residents said they were upset.\n", encoding="utf-8")
    (tmp_path / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "notes").write_text("no extension", encoding="utf-8")
    (tmp_path / "headline.txt").write_text("Library Shock\n", encoding="utf-8")
    progress = _Status()
    result = read_paths([tmp_path], progress)
    assert sorted(a.article_id for a in result.articles) == ["headline", "story"]
    by_file = {Path(e.file).name: e for e in result.errors}
    assert set(by_file) == {"picture.png", "notes", "headline.txt"}
    assert by_file["picture.png"].notice == SKIPPED
    assert by_file["picture.png"].reason.startswith(
        "skipped: not a supported file type: '.png' files are not read (Framescope "
        "reads .csv, ")
    assert "files without an extension are not read" in by_file["notes"].reason
    assert by_file["headline.txt"].notice == NO_BODY
    assert "no body text" in by_file["headline.txt"].reason
    assert progress.statuses[-1] == "Read 2 articles, 1 problem, 2 files of other types skipped"


# An article written for these tests: one of them per folder, or two with a word changed.
STORY = ("Council Will Close Library\n\nThe council said on Tuesday that the library "
         "will close next month. Residents said they were upset.\n")


def test_a_folder_of_pictures_alone_is_one_message(tmp_path: Path) -> None:
    (tmp_path / "a.png").write_bytes(b"x")
    (tmp_path / "b.jpg").write_bytes(b"x")
    result = read_paths([tmp_path])
    assert [Path(e.file).name for e in result.errors] == [tmp_path.name]
    assert "none of its 2 files" in result.errors[0].reason


def test_a_subfolder_that_cannot_be_opened_is_named_and_the_rest_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # chmod 000 does not stop root (the test machine's user): the refusal is simulated
    # where os.walk meets it.
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    locked = tmp_path / "2024" / "locked"
    locked.mkdir(parents=True)
    (locked / "other.txt").write_text(STORY.replace("library", "pool"), encoding="utf-8")
    real = os.scandir

    def scandir(path: Any = ".") -> Any:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = read_paths([tmp_path])
    assert [a.article_id for a in result.articles] == ["story"]
    assert [(e.file, e.reason, e.notice) for e in result.errors] == [
        (str(locked), "permission denied: the folder cannot be opened, so the files in it "
         "were not read", "")]


def test_a_link_to_a_folder_is_named_not_followed(tmp_path: Path) -> None:
    inner = tmp_path / "a" / "b"
    inner.mkdir(parents=True)
    (inner / "story.txt").write_text(STORY, encoding="utf-8")
    (inner / "loop").symlink_to(tmp_path / "a")  # a loop: never walked into
    result = read_paths([tmp_path])
    assert [a.article_id for a in result.articles] == ["story"]
    assert [(e.file, e.notice) for e in result.errors] == [(str(inner / "loop"), SKIPPED)]
    assert "link to a folder" in result.errors[0].reason


def test_a_file_that_cannot_be_opened_is_named_and_the_rest_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # chmod 000 between the drop and the read (root ignores it: simulated at read_bytes).
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    locked = tmp_path / "b.txt"
    locked.write_text(STORY.replace("library", "pool"), encoding="utf-8")
    real = Path.read_bytes

    def refused(self: Path) -> bytes:
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", refused)
    result = read_paths([tmp_path])
    assert [a.article_id for a in result.articles] == ["a"]
    assert [(e.file, e.reason) for e in result.errors] == [
        (str(locked), "permission denied: the file cannot be opened")]


def test_the_files_an_earlier_analysis_wrote_are_skipped_as_one_notice(tmp_path: Path) -> None:
    # A study folder holding the articles and the folder 'framescope analyze' wrote into:
    # its spans.csv, off_story.csv... were read as 300 articles of the comparison.
    import json

    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    out = tmp_path / "results"
    (out / "charts").mkdir(parents=True)
    (out / "spans.csv").write_text("article_id,text\nstory,The council said\n", encoding="utf-8")
    (out / "charts" / "tone.csv").write_text("outlet,text\nx,a sentence of text\n",
                                             encoding="utf-8")
    (out / "mine.txt").write_text(STORY.replace("library", "pool"), encoding="utf-8")
    (out / "run.json").write_text(json.dumps({
        "format": "framescope-run/1",
        "outputs": [{"file": "spans.csv", "sha256": ""},
                    {"file": "charts/tone.csv", "sha256": ""}],
    }), encoding="utf-8")
    result = read_paths([tmp_path])
    assert sorted(a.article_id for a in result.articles) == ["mine", "story"]
    assert [(e.file, e.reason, e.notice) for e in result.errors] == [(
        str(out / "run.json"),
        "skipped: 3 files an earlier Framescope analysis wrote (this run.json and the "
        "tables, charts and reports it lists), not articles", SKIPPED)]


def test_the_column_dialog_is_not_asked_about_an_earlier_analysis_s_tables(
    tmp_path: Path,
) -> None:
    import json

    from models.table_files import corpus_files

    out = tmp_path / "results"
    out.mkdir()
    (out / "spans.csv").write_text("article_id,text\nstory,The council said\n",
                                   encoding="utf-8")
    (out / "mine.csv").write_text("text\nMy article\n", encoding="utf-8")
    (out / "run.json").write_text(json.dumps({
        "format": "framescope-run/1", "outputs": [{"file": "spans.csv", "sha256": ""}],
    }), encoding="utf-8")
    assert corpus_files([tmp_path]) == [out / "mine.csv"]
