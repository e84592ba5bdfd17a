"""Projects: a study in one SQLite file, saved atomically, migrated, refused when newer."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from models.dictionaries import parse_dic
from models.features import article_from_text
from models.project import (
    _SCHEMA_V1,
    APPLICATION_ID,
    SCHEMA_VERSION,
    Project,
    ProjectError,
    file_sha256,
    integrity_check,
    load_project,
    project_name,
    save_project,
    schema_version,
    source_hashes,
)

DIC = "%\n1\trisk\n%\ndanger*\t1\n"


def small_project(tmp_path: Path) -> Project:
    src = tmp_path / "a.txt"
    src.write_text("The danger is probably real, officials said.", encoding="utf-8")
    a = article_from_text(src.read_text(encoding="utf-8"), "a")
    a.source, a.outlet, a.outlet_origin, a.headline = str(src), "Daily Edited", "user", "H1"
    b = article_from_text("Another text. It may rain.", "b")
    b.outlet = "Other"
    return Project(
        articles=[a, b],
        excluded={"b"},
        dictionaries=[parse_dic(DIC, "risk", "risk.dic")],
        settings={"chart": "measure_by_outlet", "measure": "boosters_per_100w"},
        sources=source_hashes([a, b]),
        lexicon_version="abc123",
    )


def test_round_trip_keeps_text_layout_edits_dictionaries_and_settings(tmp_path: Path) -> None:
    project = small_project(tmp_path)
    path = tmp_path / "study.framescope"
    save_project(path, project)
    again = load_project(path)
    assert [a.article_id for a in again.articles] == ["a", "b"]
    for before, after in zip(project.articles, again.articles, strict=True):
        assert after.text == before.text
        assert after.blocks == before.blocks
        assert after.sentences == before.sentences
        assert (after.outlet, after.outlet_origin, after.headline, after.source) == (
            before.outlet, before.outlet_origin, before.headline, before.source
        )
    assert again.excluded == {"b"}
    assert [a.article_id for a in again.included()] == ["a"]
    assert again.dictionaries[0].name == "risk"
    assert again.dictionaries[0].find("Dangerous times")[0].categories == ("risk",)
    assert again.settings == project.settings
    assert again.sources == {str(tmp_path / "a.txt"): file_sha256(tmp_path / "a.txt")}
    assert again.lexicon_version == "abc123"
    assert again.schema_version == SCHEMA_VERSION == schema_version(path)
    assert integrity_check(path) == "ok"
    assert project_name(path) == "study"
    assert not list(tmp_path.glob(".*.saving"))


def _write_v1(path: Path) -> None:
    """A version-1 file as Framescope 0.1's format wrote it (no exclusions, no dictionaries)."""
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.executescript(_SCHEMA_V1)
    db.execute("PRAGMA user_version = 1")
    a = article_from_text("Officials said it may be over. It is probably over.", "old-1")
    db.executemany("INSERT INTO meta VALUES (?, ?)", [
        ("app_version", "0.1.0"), ("settings", json.dumps({"measure": "tone_mean"})),
    ])
    db.execute(
        "INSERT INTO articles VALUES (0, ?, ?, '', 'Old Outlet', 'user', '', '', '', '', '', "
        "'[]', ?, ?)",
        (a.article_id, a.text,
         json.dumps([[b.start, b.end, b.role.value, b.reason] for b in a.blocks]),
         json.dumps([[s.index, s.start, s.end] for s in a.sentences])),
    )
    db.commit()
    db.close()


def test_version_1_file_is_migrated_on_open_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "old.framescope"
    _write_v1(path)
    before = path.read_bytes()
    project = load_project(path)
    assert project.schema_version == 1
    assert [a.outlet for a in project.articles] == ["Old Outlet"]
    assert project.articles[0].sentences[1].text == "It is probably over."
    assert project.excluded == set() and project.dictionaries == []
    assert project.settings == {"measure": "tone_mean"}
    assert path.read_bytes() == before  # opening never writes
    save_project(path, project)  # saving writes the current format
    assert schema_version(path) == SCHEMA_VERSION
    assert load_project(path).articles[0].text == project.articles[0].text


def test_newer_file_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "future.framescope"
    save_project(path, small_project(tmp_path))
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    with pytest.raises(ProjectError, match="newer version of Framescope") as caught:
        load_project(path)
    assert caught.value.path == path


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", r"the file is empty \(0 bytes\)"), (b"hello world" * 10, "not an SQLite database")],
)
def test_foreign_files_are_refused(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "x.framescope"
    path.write_bytes(content)
    with pytest.raises(ProjectError, match=reason):
        load_project(path)


def test_other_sqlite_file_and_missing_file_are_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.framescope"
    db = sqlite3.connect(other)
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.close()
    with pytest.raises(ProjectError, match="another app"):
        load_project(other)
    with pytest.raises(ProjectError, match="no such project file"):
        load_project(tmp_path / "missing.framescope")


def test_damaged_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "d.framescope"
    save_project(path, small_project(tmp_path))
    data = bytearray(path.read_bytes())
    data[4096:] = b"\xff" * (len(data) - 4096)
    path.write_bytes(bytes(data))
    with pytest.raises(ProjectError, match="damaged"):
        load_project(path)


def test_failed_save_leaves_the_previous_file(tmp_path: Path) -> None:
    path = tmp_path / "s.framescope"
    save_project(path, small_project(tmp_path))
    before = path.read_bytes()
    broken = small_project(tmp_path)
    broken.articles[1].article_id = "a"  # two articles with one id cannot be saved
    with pytest.raises(ProjectError, match="share the id"):
        save_project(path, broken)
    assert path.read_bytes() == before
    assert not list(tmp_path.glob(".*.saving"))


_CHILD = r"""
import sys
from dataclasses import replace
from models.features import article_from_text
from models.project import Project, save_project
body = " ".join(f"Sentence {i} says the danger may be probably real." for i in range(400))
model = article_from_text(body, "big")
articles = [replace(model, article_id=f"big-{i}", outlet=f"Outlet {i % 7}")
            for i in range(int(sys.argv[2]))]
print("saving", flush=True)
save_project(sys.argv[1], Project(articles=articles))
print("saved", flush=True)
"""


def test_kill_during_save_leaves_previous_file_intact(tmp_path: Path) -> None:
    path = tmp_path / "study.framescope"
    save_project(path, small_project(tmp_path))
    before = load_project(path)
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(path), "3000"],
        stdout=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "saving"
    partial = tmp_path / f".study.framescope.{child.pid}.saving"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if partial.exists() and partial.stat().st_size > 64 * 1024:
            break
        assert child.poll() is None, "the save finished before it could be interrupted"
        time.sleep(0.002)
    child.send_signal(signal.SIGKILL)
    assert child.wait(30) == -signal.SIGKILL
    assert partial.exists()  # killed mid-save: the half-written file is left behind ...
    # ... and the project file is the previous one, whole.
    assert integrity_check(path) == "ok"
    after = load_project(path)
    assert [a.article_id for a in after.articles] == [a.article_id for a in before.articles]
    assert after.articles[0].outlet == "Daily Edited"
    # The next save cleans up the dead process's leftover.
    save_project(path, after)
    assert not partial.exists()


def test_a_project_that_cannot_be_read_is_refused_with_the_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # chmod 000 does not stop root (the test machine's user): the refusal is simulated
    # where the file is first opened.
    import builtins

    from models import project as project_module

    path = tmp_path / "locked.framescope"
    save_project(path, small_project(tmp_path))

    def refused(file: Any, *args: Any, **kwargs: Any) -> Any:
        if Path(file) == path:
            raise PermissionError(13, "Permission denied", str(file))
        return builtins.open(file, *args, **kwargs)

    monkeypatch.setattr(project_module, "open", refused, raising=False)
    with pytest.raises(ProjectError, match="could not be read: Permission denied") as caught:
        load_project(path)
    assert caught.value.path == path
