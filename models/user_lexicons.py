"""The user's edited copies of the shipped lexicons.

The shipped files in ``resources/lexicons`` are never written. The first edit
of a lexicon copies its shipped file into the user's folder (the app passes
its configuration folder; tests a temporary one); later edits change that
copy. :func:`models.lexicons.load_lexicon` reads a user copy in place of the
shipped file, and its version hash changes with the copy, so a report records
that edited lexicons were used. Every edit is checked by loading the whole
lexicon: an edit that would make it unreadable is refused and nothing changes.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

from models.lexicons import LEXICON_FILES, Lexicon, LexiconError, load_lexicon
from models.resources import lexicons_dir

#: The editable lexicons: file name -> what the user sees.
EDITABLE: dict[str, str] = {
    "hedges.csv": "Hedges",
    "boosters.csv": "Boosters",
    "report_verbs.csv": "Report verbs",
    "sources.csv": "Sources",
    "loaded.csv": "Loaded words",
}


class LexiconEditError(ValueError):
    """An edit that cannot be made (unknown lexicon, bad term, or the result would not load)."""


def _check_name(name: str) -> None:
    if name not in LEXICON_FILES:
        raise LexiconEditError(f"{name!r} is not one of the lexicons: {', '.join(LEXICON_FILES)}")


def shipped_path(name: str) -> Path:
    _check_name(name)
    return lexicons_dir() / name


def user_path(user_dir: Path, name: str) -> Path:
    _check_name(name)
    return Path(user_dir) / name


def is_edited(user_dir: Path, name: str) -> bool:
    """Whether the user has a copy of ``name`` that differs from the shipped file."""
    path = user_path(user_dir, name)
    return path.is_file() and path.read_bytes() != shipped_path(name).read_bytes()


def current_text(user_dir: Path, name: str) -> str:
    """The text in use: the user's copy when there is one, else the shipped file.

    Raises :class:`LexiconEditError` naming the copy when it cannot be read (not UTF-8,
    permissions): :func:`reset_to_shipped` is then the way back.
    """
    path = user_path(user_dir, name)
    source = path if path.is_file() else shipped_path(name)
    try:
        return source.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise LexiconEditError(f"{source} could not be read (not UTF-8 text: "
                               f"{error.reason})") from None
    except OSError as error:
        raise LexiconEditError(f"{source} could not be read "
                               f"({error.strerror or error})") from None


def _header_and_rows(text: str) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    header: list[str] | None = None
    rows: list[tuple[int, dict[str, str]]] = []
    for number, line in enumerate(text.splitlines()):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in next(csv.reader([line]))]
        if header is None:
            header = cells
            continue
        rows.append((number, dict(zip(header, cells, strict=False))))
    return header or [], rows


def terms(user_dir: Path, name: str) -> list[dict[str, str]]:
    """The rows of the lexicon in use, as dicts of its columns."""
    return [row for _, row in _header_and_rows(current_text(user_dir, name))[1]]


def columns(user_dir: Path, name: str) -> list[str]:
    return _header_and_rows(current_text(user_dir, name))[0]


def _write_checked(user_dir: Path, name: str, text: str) -> Lexicon:
    """Write ``text`` as the user copy of ``name`` if the whole lexicon still loads
    (with the user's other copies that load: one already broken is not this edit's
    fault, robust29); returns the lexicon now in use."""
    user_dir = Path(user_dir)
    target = user_path(user_dir, name)
    try:
        return _write_trial(user_dir, name, text)
    except OSError as error:  # a full disk, a folder made read-only
        raise LexiconEditError(
            f"{target} could not be written ({error.strerror or error})") from None


def _write_trial(user_dir: Path, name: str, text: str) -> Lexicon:
    user_dir.mkdir(parents=True, exist_ok=True)
    target = user_path(user_dir, name)
    unusable = {Path(p.path).name for p in load_usable_copies(user_dir)[1]} - {name}
    trial = user_dir / f".{name}.{os.getpid()}.trial"
    try:
        trial.write_text(text, encoding="utf-8")
        staging = user_dir / f".staging-{os.getpid()}"
        staging.mkdir(exist_ok=True)
        try:
            for other in LEXICON_FILES:
                src = trial if other == name else user_path(user_dir, other)
                if other in unusable:
                    continue
                if src.is_file():
                    (staging / other).write_bytes(src.read_bytes())
            try:
                load_lexicon(user_directory=staging)
            except LexiconError as error:
                reason = str(error).split(": ", 1)[-1]
                raise LexiconEditError(f"the edit would break {name}: {reason}") from None
        finally:
            for leftover in staging.iterdir():
                leftover.unlink()
            staging.rmdir()
        os.replace(trial, target)
    finally:
        trial.unlink(missing_ok=True)
    return load_usable_copies(user_dir)[0]


def _row_line(header: list[str], values: dict[str, str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="").writerow([values.get(c, "") for c in header])
    return buffer.getvalue()


def add_term(user_dir: Path, name: str, values: dict[str, str]) -> Lexicon:
    """Add a row (``values`` by column; at least ``term`` and the lexicon's required
    columns) to the user copy of ``name``; returns the lexicon now in use."""
    text = current_text(user_dir, name)
    header, _ = _header_and_rows(text)
    unknown = [k for k in values if k not in header]
    if unknown:
        raise LexiconEditError(f"{name} has no column {', '.join(unknown)}")
    if not values.get("term", "").strip():
        raise LexiconEditError("a term cannot be empty")
    clean = {k: " ".join(v.split()) for k, v in values.items()}
    if not text.endswith("\n"):
        text += "\n"
    return _write_checked(user_dir, name, text + _row_line(header, clean) + "\n")


def remove_term(user_dir: Path, name: str, term: str) -> Lexicon:
    """Remove the row whose term is ``term`` from the user copy of ``name``."""
    text = current_text(user_dir, name)
    _, rows = _header_and_rows(text)
    found = [number for number, row in rows if row.get("term", "") == term]
    if not found:
        raise LexiconEditError(f"{term!r} is not in {name}")
    lines = text.splitlines(keepends=True)
    del lines[found[0]]
    return _write_checked(user_dir, name, "".join(lines))


def reset_to_shipped(user_dir: Path, name: str | None = None) -> Lexicon:
    """Drop the user copy of ``name`` (every copy when None); the shipped file is used again."""
    names = list(LEXICON_FILES) if name is None else [name]
    for each in names:
        user_path(user_dir, each).unlink(missing_ok=True)
    return load_usable_copies(Path(user_dir))[0]


def load_with_user_copies(user_dir: Path | None) -> Lexicon:
    """The lexicon in use: shipped files, replaced by the user's copies where present."""
    return load_lexicon(user_directory=user_dir)


def load_usable_copies(user_dir: Path) -> tuple[Lexicon, list[LexiconError]]:
    """The lexicon with every user copy that loads, and why each other copy did not.

    A copy that does not load (edited by hand, left by a version whose columns
    differ, made unreadable) is set aside, not changed: the shipped file is read
    in its place, and its :class:`LexiconError` (file, line, reason) returned for
    the user to be told. A broken shipped file still raises.
    """
    user_dir = Path(user_dir)
    problems: list[LexiconError] = []
    skipped: set[str] = set()
    while True:
        try:
            return load_lexicon(user_directory=user_dir, skip_user=frozenset(skipped)), problems
        except LexiconError as error:
            name = Path(error.path).name
            if Path(error.path).parent != user_dir or name in skipped:
                raise
            skipped.add(name)
            problems.append(error)
