"""A study saved as one ``.framescope`` file: an SQLite database (stdlib ``sqlite3``).

It holds what is needed to analyse the study again without the original files:
each article's text, layout (blocks), sentences and metadata, each source
file's path and sha256, the user's edits (outlet names, excluded articles),
custom dictionaries (their full text), settings, and the versions of the app
and lexicon that made it.

The schema version is ``PRAGMA user_version``. Older files are migrated when
opened (:data:`MIGRATIONS`, one step per version); a file from a newer version
of Framescope is refused with a message saying so. Saving is atomic: the whole
file is written under a temporary name in the same folder, flushed to disk
(``fsync``) and renamed over the old one with :func:`os.replace`, so a crash,
a kill or a full disk during a save leaves the previous file whole.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from models import __version__
from models.article import Article, Block, Role, Sentence
from models.dictionaries import Dictionary, DictionaryError, dictionary_from_text

SUFFIX = ".framescope"
SCHEMA_VERSION = 2
APPLICATION_ID = 0x46534350  # "FSCP": marks the SQLite file as a Framescope project

# Version 1: articles, sources and a key/value table.
_SCHEMA_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sources (path TEXT PRIMARY KEY, sha256 TEXT NOT NULL, size INTEGER);
CREATE TABLE articles (
    position INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL UNIQUE,
    text TEXT NOT NULL,
    source TEXT NOT NULL,
    outlet TEXT NOT NULL,
    outlet_origin TEXT NOT NULL,
    headline TEXT NOT NULL,
    date TEXT NOT NULL,
    language TEXT NOT NULL,
    url TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    notes TEXT NOT NULL,
    blocks TEXT NOT NULL,
    sentences TEXT NOT NULL
);
"""


def _migrate_1_to_2(db: sqlite3.Connection) -> None:
    """Version 2: excluded articles and custom dictionaries."""
    db.execute("ALTER TABLE articles ADD COLUMN excluded INTEGER NOT NULL DEFAULT 0")
    db.execute(
        "CREATE TABLE dictionaries (position INTEGER PRIMARY KEY, name TEXT NOT NULL, "
        "kind TEXT NOT NULL, source TEXT NOT NULL, sha256 TEXT NOT NULL, text TEXT NOT NULL)"
    )


#: MIGRATIONS[n] upgrades a version-n file to version n + 1.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _migrate_1_to_2}


class ProjectError(Exception):
    """A project file that cannot be opened or saved, naming the file and the reason."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")


@dataclass(slots=True)
class Project:
    """A study: articles in table order, the user's edits, dictionaries and settings."""

    articles: list[Article] = field(default_factory=list)
    excluded: set[str] = field(default_factory=set)  # article ids left out of the comparison
    dictionaries: list[Dictionary] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)  # source file path -> sha256
    app_version: str = __version__
    lexicon_version: str = ""
    saved_at: str = ""
    schema_version: int = SCHEMA_VERSION  # of the file it was read from

    def included(self) -> list[Article]:
        return [a for a in self.articles if a.article_id not in self.excluded]


def project_name(path: Path | str | None) -> str:
    """The name shown in the title bar: the file name without ``.framescope``."""
    if path is None:
        return "Untitled"
    name = Path(path).name
    return name[: -len(SUFFIX)] if name.endswith(SUFFIX) else name


def file_sha256(path: Path | str) -> str:
    """The sha256 of a file's bytes (hex), read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def source_hashes(articles: Iterable[Article], known: dict[str, str] | None = None) -> dict[str, str]:
    """Path -> sha256 of each article's source file: ``known`` values are kept, files
    still on disk are hashed, others (deleted since) are left out."""
    known = known or {}
    hashes: dict[str, str] = {}
    for article in articles:
        path = article.source
        if not path or path in hashes:
            continue
        if path in known:
            hashes[path] = known[path]
            continue
        try:
            hashes[path] = file_sha256(path)
        except OSError:
            continue
    return hashes


# ------------------------------------------------------------------- saving


def _blocks_json(blocks: Sequence[Block]) -> str:
    return json.dumps([[b.start, b.end, b.role.value, b.reason] for b in blocks])


def _sentences_json(sentences: Sequence[Sentence]) -> str:
    # Text is a slice of the article's text: store offsets only.
    return json.dumps([[s.index, s.start, s.end] for s in sentences])


def _write(db: sqlite3.Connection, project: Project, path: Path) -> None:
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.executescript(_SCHEMA_V1)
    for version in range(1, SCHEMA_VERSION):
        MIGRATIONS[version](db)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    meta = {
        "app_version": project.app_version or __version__,
        "saved_by": __version__,
        "saved_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "lexicon_version": project.lexicon_version,
        "settings": json.dumps(project.settings, sort_keys=True),
    }
    db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
    sizes: dict[str, int | None] = {}
    for source in project.sources:
        try:
            sizes[source] = os.stat(source).st_size
        except OSError:
            sizes[source] = None
    db.executemany(
        "INSERT INTO sources VALUES (?, ?, ?)",
        ((p, h, sizes[p]) for p, h in project.sources.items()),
    )
    ids: set[str] = set()
    for article in project.articles:
        if article.article_id in ids:
            raise ProjectError(path, f"two articles share the id {article.article_id!r}")
        ids.add(article.article_id)
    db.executemany(
        "INSERT INTO articles (position, article_id, text, source, outlet, outlet_origin, "
        "headline, date, language, url, content_hash, notes, blocks, sentences, excluded) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            (
                i, a.article_id, a.text, a.source, a.outlet, a.outlet_origin, a.headline,
                a.date, a.language, a.url, a.content_hash, json.dumps(list(a.notes)),
                _blocks_json(a.blocks), _sentences_json(a.sentences),
                int(a.article_id in project.excluded),
            )
            for i, a in enumerate(project.articles)
        ),
    )
    db.executemany(
        "INSERT INTO dictionaries VALUES (?, ?, ?, ?, ?, ?)",
        (
            (i, d.name, "dic" if d.source.lower().endswith(".dic") else "csv", d.source,
             d.sha256, d.raw)
            for i, d in enumerate(project.dictionaries)
        ),
    )


def _fsync_directory(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # not possible on every platform (Windows); the rename is still atomic
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError, OverflowError):
        return True  # someone else's process, or no way to tell: leave its file alone
    return True


def remove_stale_temporaries(path: Path | str) -> list[Path]:
    """Delete half-written saves of ``path`` left by processes that died mid-save."""
    path = Path(path)
    removed = []
    for leftover in path.parent.glob(f".{path.name}.*.saving"):
        pid = leftover.name[len(path.name) + 2: -len(".saving")]
        if pid.isdigit() and int(pid) != os.getpid() and not _pid_alive(int(pid)):
            leftover.unlink(missing_ok=True)
            removed.append(leftover)
    return removed


def save_project(
    path: Path | str, project: Project,
    *, replace: Callable[[Path, Path], object] = os.replace,
) -> None:
    """Write ``project`` to ``path`` atomically (temporary file, fsync, os.replace).

    Raises :class:`ProjectError` (with the reason) when it cannot be written;
    the previous file at ``path``, if any, is then untouched. ``replace(written, path)``
    puts the written file in place (``os.replace``); a caller may decide there, under its
    own lock, that it is no longer wanted (a late autosave: desktop.qt_project), and the
    written file is then deleted.
    """
    path = Path(path)
    folder = path.parent
    tmp = folder / f".{path.name}.{os.getpid()}.saving"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(path)
        tmp.unlink(missing_ok=True)
        db = sqlite3.connect(tmp)
        try:
            # One transaction into a fresh file: no journal needed, the rename commits.
            db.execute("PRAGMA journal_mode = OFF")
            db.execute("PRAGMA synchronous = OFF")
            with db:
                _write(db, project, path)
        finally:
            db.close()
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        replace(tmp, path)
        _fsync_directory(folder)
    except (OSError, sqlite3.Error) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise ProjectError(path, f"could not be saved: {reason}") from error
    finally:
        # Not a bare unlink: in a folder that is not one (a file in the way) it raised
        # NotADirectoryError over the ProjectError, which the window does not catch.
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


# ------------------------------------------------------------------ opening


def schema_version(path: Path | str) -> int:
    """The ``PRAGMA user_version`` of a project file (read-only)."""
    db = sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True)
    try:
        return int(db.execute("PRAGMA user_version").fetchone()[0])
    finally:
        db.close()


def _migrate_in_memory(path: Path, db: sqlite3.Connection, version: int) -> None:
    for step in range(version, SCHEMA_VERSION):
        migrate = MIGRATIONS.get(step)
        if migrate is None:
            raise ProjectError(path, f"no migration from project schema version {step}")
        with db:
            migrate(db)
            db.execute(f"PRAGMA user_version = {step + 1}")


def _open_db(path: Path) -> tuple[sqlite3.Connection, int]:
    if not path.is_file():
        raise ProjectError(path, "no such project file")
    try:
        with open(path, "rb") as handle:
            header = handle.read(16)
    except OSError as error:  # permissions, a disk gone: said, not raised past the window
        raise ProjectError(path, f"could not be read: {error.strerror or error}") from error
    if not header:
        # Said as such: "not an SQLite database" sends the user looking for another
        # program, when the file is only empty (a failed copy or download, a sync stub).
        raise ProjectError(path, "the file is empty (0 bytes): it holds no saved project")
    if header != b"SQLite format 3\0":
        raise ProjectError(path, "not a Framescope project (not an SQLite database)")
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        if source.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            raise ProjectError(path, "not a Framescope project (an SQLite file of another app)")
        version = int(source.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise ProjectError(
                path,
                f"this project was saved by a newer version of Framescope (project format "
                f"{version}; this version reads up to {SCHEMA_VERSION}). Update Framescope "
                "to open it; the file was not changed.",
            )
        if version < 1:
            raise ProjectError(path, f"unknown project format version {version}")
        # Migrate a copy in memory: opening never writes to the user's file.
        db = sqlite3.connect(":memory:")
        source.backup(db)
    finally:
        source.close()
    _migrate_in_memory(path, db, version)
    return db, version


def _article(row: sqlite3.Row) -> Article:
    text = row["text"]
    blocks = tuple(Block(s, e, Role(r), why) for s, e, r, why in json.loads(row["blocks"]))
    sentences = tuple(
        Sentence(i, s, e, text[s:e]) for i, s, e in json.loads(row["sentences"])
    )
    return Article(
        article_id=row["article_id"], text=text, blocks=blocks, sentences=sentences,
        source=row["source"], outlet=row["outlet"], outlet_origin=row["outlet_origin"],
        headline=row["headline"], date=row["date"], language=row["language"], url=row["url"],
        content_hash=row["content_hash"], notes=tuple(json.loads(row["notes"])),
    )


def load_project(path: Path | str) -> Project:
    """Read a project file (migrating an older format in memory; the file is not changed).

    Raises :class:`ProjectError` for a missing, foreign, damaged or newer file.
    """
    path = Path(path)
    try:
        db, version = _open_db(path)
    except sqlite3.DatabaseError as error:
        raise ProjectError(path, f"the project file is damaged ({error})") from error
    try:
        db.row_factory = sqlite3.Row
        meta = {r["key"]: r["value"] for r in db.execute("SELECT key, value FROM meta")}
        articles, excluded = [], set()
        for row in db.execute("SELECT * FROM articles ORDER BY position"):
            article = _article(row)
            articles.append(article)
            if row["excluded"]:
                excluded.add(article.article_id)
        dictionaries = []
        for row in db.execute("SELECT * FROM dictionaries ORDER BY position"):
            try:
                dictionaries.append(
                    dictionary_from_text(row["text"], row["name"], row["kind"], row["source"])
                )
            except DictionaryError as error:
                raise ProjectError(path, f"its dictionary {row['name']!r} is damaged: "
                                   f"{error.reason}") from error
        sources = {r["path"]: r["sha256"] for r in db.execute("SELECT path, sha256 FROM sources")}
        settings = json.loads(meta.get("settings", "{}"))
    except (sqlite3.DatabaseError, ValueError, KeyError, TypeError) as error:
        raise ProjectError(path, f"the project file is damaged ({error})") from error
    finally:
        db.close()
    return Project(
        articles=articles,
        excluded=excluded,
        dictionaries=dictionaries,
        settings=settings if isinstance(settings, dict) else {},
        sources=sources,
        app_version=meta.get("app_version", ""),
        lexicon_version=meta.get("lexicon_version", ""),
        saved_at=meta.get("saved_at", ""),
        schema_version=version,
    )


def integrity_check(path: Path | str) -> str:
    """SQLite's ``PRAGMA integrity_check`` of the file: 'ok' when it is whole."""
    db = sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True)
    try:
        return str(db.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        db.close()
