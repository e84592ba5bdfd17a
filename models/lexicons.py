"""Typed loading of the cue lexicons in ``resources/lexicons/*.csv``.

Each file is readable CSV: ``#`` lines are comments, the first other line is the
header, then one entry per line. The format of every file, its columns and the
scales behind the probability ranges are described in
``resources/lexicons/README.md``. A malformed row raises :class:`LexiconError`
naming the file and the line, so a researcher editing a lexicon sees what to fix.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from models.article import CATEGORIES
from models.resources import lexicons_dir

#: Scales an estimative-probability range may come from.
SCALES: tuple[str, ...] = ("yardstick", "ICD-203", "authors")

#: Source roles in ``sources.csv`` and the subcategories each may have.
SOURCE_ROLES: dict[str, tuple[str, ...]] = {
    "phrase": ("anonymous",),
    "unnamed": ("anonymous",),
    "title": ("person",),
    "noun": ("institution", "media"),
    "name": ("institution", "media"),
    "metonym": ("institution",),
}

#: The placeholder in a source pattern that matches any number ("<number> sources").
NUMBER_PLACEHOLDER = "<number>"

_KIND_RE = re.compile(r"[a-z][a-z_]*\Z")


class LexiconError(ValueError):
    """A lexicon file is missing or has a malformed row."""

    def __init__(self, path: Path, line: int, message: str) -> None:
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    """One row of a lexicon file.

    ``probability_low``/``probability_high`` bound an estimative probability
    from 0 to 1 (epistemic hedges only). ``forms`` are the surface forms matched
    in text; ``noun_forms`` the subset that are also common nouns and need verb
    context. ``role`` is the source role (sources.csv only).
    """

    term: str
    category: str
    subcategory: str
    probability_low: float | None = None
    probability_high: float | None = None
    note: str = ""
    forms: tuple[str, ...] = ()
    scale: str = ""
    noun_forms: tuple[str, ...] = ()
    case_sensitive: bool = False
    role: str = ""
    takes_recipient: bool = False
    file: str = ""
    line: int = 0


@dataclass(frozen=True, slots=True)
class Lexicon:
    """All cue entries, and ``version``: 12 hex digits of a hash of the files' contents."""

    entries: tuple[LexiconEntry, ...]
    version: str
    directory: str = ""

    def by_category(self, category: str) -> tuple[LexiconEntry, ...]:
        """Entries of one of :data:`models.article.CATEGORIES`, in file order."""
        if category not in CATEGORIES:
            raise ValueError(f"unknown cue category {category!r}; expected one of {CATEGORIES}")
        return tuple(e for e in self.entries if e.category == category)


@dataclass(frozen=True, slots=True)
class _FileSpec:
    category: str
    subcategory_column: str
    subcategories: tuple[str, ...] | None  # None: free-form kinds (loaded words)
    required: tuple[str, ...]
    optional: tuple[str, ...]


LEXICON_FILES: dict[str, _FileSpec] = {
    "hedges.csv": _FileSpec(
        "hedge",
        "subcategory",
        ("epistemic", "evidential", "approximator"),
        ("term", "subcategory"),
        ("forms", "probability_low", "probability_high", "scale", "noun_forms", "note"),
    ),
    "boosters.csv": _FileSpec(
        "booster",
        "subcategory",
        ("certainty", "factuality", "universal"),
        ("term", "subcategory"),
        ("forms", "note"),
    ),
    "report_verbs.csv": _FileSpec(
        "attribution",
        "subcategory",
        ("neutral", "factive", "loaded"),
        ("term", "subcategory"),
        ("forms", "noun_forms", "takes_recipient", "note"),
    ),
    "sources.csv": _FileSpec(
        "source",
        "subcategory",
        ("person", "institution", "media", "anonymous"),
        ("term", "subcategory", "role"),
        ("forms", "case", "note"),
    ),
    "loaded.csv": _FileSpec(
        "loaded",
        "kind",
        None,
        ("term", "kind"),
        ("forms", "note"),
    ),
}


def _split_forms(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def _normalise_form(form: str) -> str:
    return " ".join(form.replace("’", "'").replace("‘", "'").split())


def _parse_probability(cell: str, fail: Callable[[str], LexiconError]) -> float | None:
    if not cell:
        return None
    try:
        value = float(cell)
    except ValueError:
        raise fail(f"probability {cell!r} is not a number") from None
    if not 0.0 <= value <= 1.0:
        raise fail(f"probability {value} is outside 0..1")
    return value


def _parse_yes_no(cell: str, column: str, fail: Callable[[str], LexiconError]) -> bool:
    if cell in ("", "no"):
        return False
    if cell == "yes":
        return True
    raise fail(f"{column} must be 'yes', 'no' or empty, not {cell!r}")


def _read_file(path: Path, spec: _FileSpec) -> list[LexiconEntry]:
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LexiconError(path, 0, "lexicon file is missing") from None
    except UnicodeDecodeError as error:
        raise LexiconError(path, 0, f"not UTF-8 text ({error.reason})") from None
    except OSError as error:  # a copy made unreadable (permissions, a disk gone)
        raise LexiconError(path, 0, f"could not be read ({error.strerror or error})") from None

    header: list[str] | None = None
    entries: list[LexiconEntry] = []
    seen_forms: dict[str, int] = {}
    for line_number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue

        def fail(message: str, line_number: int = line_number) -> LexiconError:
            return LexiconError(path, line_number, message)

        try:
            cells = [cell.strip() for cell in next(csv.reader([line], strict=True))]
        except csv.Error as error:
            raise fail(f"not a CSV row ({error})") from None
        if header is None:
            header = cells
            missing = [c for c in spec.required if c not in header]
            unknown = [c for c in header if c not in spec.required + spec.optional]
            if missing:
                raise fail(f"header lacks column(s) {', '.join(missing)}")
            if unknown:
                raise fail(f"header has unknown column(s) {', '.join(unknown)}")
            if len(set(header)) != len(header):
                raise fail("header repeats a column")
            continue
        if len(cells) != len(header):
            raise fail(f"expected {len(header)} cells ({', '.join(header)}), found {len(cells)}")
        row = dict(zip(header, cells, strict=True))
        entries.append(_parse_row(row, spec, path, line_number, fail, seen_forms))
    if header is None:
        raise LexiconError(path, 0, "no header line")
    return entries


def _parse_row(
    row: dict[str, str],
    spec: _FileSpec,
    path: Path,
    line_number: int,
    fail: Callable[[str], LexiconError],
    seen_forms: dict[str, int],
) -> LexiconEntry:
    term = row["term"]
    if not term:
        raise fail("empty term")
    subcategory = row[spec.subcategory_column]
    if spec.subcategories is None:
        if not _KIND_RE.match(subcategory):
            raise fail(
                f"{spec.subcategory_column} {subcategory!r} must be lowercase letters and '_'"
            )
    elif subcategory not in spec.subcategories:
        raise fail(
            f"{spec.subcategory_column} {subcategory!r} is not one of {', '.join(spec.subcategories)}"
        )

    forms = _split_forms(row.get("forms", "")) or (term,)
    noun_forms = _split_forms(row.get("noun_forms", ""))
    stray = [f for f in noun_forms if f not in forms]
    if stray:
        raise fail(f"noun_forms {', '.join(stray)} not among the forms")

    case = row.get("case", "")
    if case not in ("", "exact"):
        raise fail(f"case must be 'exact' or empty, not {case!r}")
    case_sensitive = case == "exact"
    for form in forms:
        key = _normalise_form(form if case_sensitive else form.lower())
        if key in seen_forms:
            raise fail(f"form {form!r} already listed on line {seen_forms[key]}")
        seen_forms[key] = line_number

    low = _parse_probability(row.get("probability_low", ""), fail)
    high = _parse_probability(row.get("probability_high", ""), fail)
    scale = row.get("scale", "")
    if (low is None) != (high is None):
        raise fail("give both probability_low and probability_high, or neither")
    if low is not None and high is not None:
        if low > high:
            raise fail(f"probability_low {low} is above probability_high {high}")
        if subcategory != "epistemic":
            raise fail("only epistemic hedges carry a probability range")
        if scale not in SCALES:
            raise fail(f"a probability range needs a scale ({', '.join(SCALES)}), not {scale!r}")
    elif scale:
        raise fail(f"scale {scale!r} given without a probability range")

    role = row.get("role", "")
    if spec.category == "source":
        allowed = SOURCE_ROLES.get(role)
        if allowed is None:
            raise fail(f"role {role!r} is not one of {', '.join(SOURCE_ROLES)}")
        if subcategory not in allowed:
            raise fail(f"a {role} source must be {' or '.join(allowed)}, not {subcategory}")

    return LexiconEntry(
        term=term,
        category=spec.category,
        subcategory=subcategory,
        probability_low=low,
        probability_high=high,
        note=row.get("note", ""),
        forms=forms,
        scale=scale,
        noun_forms=noun_forms,
        case_sensitive=case_sensitive,
        role=role,
        takes_recipient=_parse_yes_no(row.get("takes_recipient", ""), "takes_recipient", fail),
        file=path.name,
        line=line_number,
    )


def load_lexicon(directory: Path | None = None, user_directory: Path | None = None,
                 skip_user: frozenset[str] = frozenset()) -> Lexicon:
    """Read the five lexicon files from ``directory`` (default: the shipped lexicons).

    A file of the same name in ``user_directory`` (the user's edited copies,
    see :mod:`models.user_lexicons`) is read instead of the shipped one, unless
    its name is in ``skip_user`` (a copy found broken); the version hash covers
    the files actually read, so it changes with any edit.
    Raises :class:`LexiconError` naming the file and line of the first problem.
    """
    folder = lexicons_dir() if directory is None else Path(directory)
    digest = hashlib.sha256()
    entries: list[LexiconEntry] = []
    for name, spec, path in _files_read(folder, user_directory, skip_user):
        entries.extend(_read_file(path, spec))
        digest.update(_version_part(name, path))
    return Lexicon(entries=tuple(entries), version=digest.hexdigest()[:12], directory=str(folder))


def lexicon_version(directory: Path | None = None, user_directory: Path | None = None,
                    skip_user: frozenset[str] = frozenset()) -> str:
    """The ``version`` :func:`load_lexicon` gives for the same arguments, from the files'
    bytes alone: nothing parsed or compiled (the window's autosave needs only this)."""
    folder = lexicons_dir() if directory is None else Path(directory)
    digest = hashlib.sha256()
    for name, _spec, path in _files_read(folder, user_directory, skip_user):
        digest.update(_version_part(name, path))
    return digest.hexdigest()[:12]


def _files_read(folder: Path, user_directory: Path | None,
                skip_user: frozenset[str] = frozenset()) -> list[tuple[str, _FileSpec, Path]]:
    """Each lexicon file's name, spec and the path read: the user's copy where one exists
    (and its name is not in ``skip_user``)."""
    files = []
    for name, spec in LEXICON_FILES.items():
        path = folder / name
        if (user_directory is not None and name not in skip_user
                and (Path(user_directory) / name).is_file()):
            path = Path(user_directory) / name
        files.append((name, spec, path))
    return files


def _version_part(name: str, path: Path) -> bytes:
    """What one file adds to the lexicon's version hash."""
    return name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0"
