"""Custom dictionaries: LIWC-format ``.dic`` files and CSV word lists as extra measures.

A ``.dic`` file (the format of LIWC and of most dictionary-based text
analysis tools) has a category header between two ``%`` lines, then one entry
per line::

    %
    1	risk
    2	calm
    %
    danger*	1
    threat	1
    under control	2
    safe*	2	1

A category line is a number and a name. An entry is a word (or several words,
separated from the numbers by a tab), optionally ending in ``*`` to match
every word starting with it, followed by the numbers of its categories. A CSV
word list has ``term`` and optional ``category`` columns (default category: the
file's name).

Matching follows the common convention: words are compared case-insensitively;
an exact entry wins over a wildcard one, and a longer wildcard prefix over a
shorter one; a multiword entry matches the words in sequence and wins over
single words starting at the same place. Each dictionary category becomes a
measure, ``dict_<dictionary>_<category>_per_100w``: matches in the body per 100
body words (the same words as :mod:`models.features` counts).
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from models.article import Article
from models.measures import Measure

if TYPE_CHECKING:
    # models.features (the cue lexicons, ~100 ms) is imported where words are counted,
    # so that the app's window can load this module before it appears.
    from models.features import ArticleAnalysis

DICTIONARY_SUFFIXES: tuple[str, ...] = (".dic", ".csv")
COLUMN_PREFIX = "dict_"
COLUMN_SUFFIX = "_per_100w"
# A dictionary file larger than this is refused (a LIWC dictionary is well under 1 MB).
MAX_DICTIONARY_BYTES = 20 * 1024 * 1024

# Words as the matcher sees them: letters/digits with inner apostrophes or hyphens.
_TOKEN = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_SLUG = re.compile(r"[^0-9a-z]+")


class DictionaryError(ValueError):
    """A dictionary file that cannot be used, naming the file, the line and the reason."""

    def __init__(self, path: Path | str, line: int, message: str) -> None:
        self.path = Path(path)
        self.line = line
        self.reason = message
        where = f"{path}, line {line}" if line else str(path)
        super().__init__(f"{where}: {message}")


def slug(text: str) -> str:
    """Lowercase letters, digits and single underscores: a safe piece of a column name."""
    return _SLUG.sub("_", text.casefold()).strip("_") or "x"


@dataclass(frozen=True, slots=True)
class DictionaryEntry:
    """One entry: its words (lowercase), whether the last word is a prefix, its categories."""

    words: tuple[str, ...]
    wildcard: bool
    categories: tuple[str, ...]
    line: int = 0

    @property
    def term(self) -> str:
        return " ".join(self.words) + ("*" if self.wildcard else "")


@dataclass(frozen=True, slots=True)
class DictionaryMatch:
    """Where an entry matched in a text: offsets into the text, the entry, its categories."""

    start: int
    end: int
    text: str
    term: str
    categories: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Dictionary:
    """A loaded dictionary: its name, categories in file order, entries and a content hash.

    ``warnings`` lists what was tolerated (duplicate entries merged, entries
    skipped), each naming the line, so the user can see it.
    """

    name: str
    categories: tuple[str, ...]
    entries: tuple[DictionaryEntry, ...]
    source: str = ""
    sha256: str = ""
    raw: str = ""
    warnings: tuple[str, ...] = ()
    _exact: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, repr=False)
    _prefixes: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, repr=False)
    _multi: dict[str, tuple[DictionaryEntry, ...]] = field(
        default_factory=dict, compare=False, repr=False
    )
    _max_prefix: int = field(default=0, compare=False, repr=False)

    @property
    def key(self) -> str:
        return slug(self.name)

    def column(self, category: str) -> str:
        """The measure key (scores.csv column) of one of this dictionary's categories."""
        return f"{COLUMN_PREFIX}{self.key}_{slug(category)}{COLUMN_SUFFIX}"

    def columns(self) -> tuple[str, ...]:
        return tuple(self.column(c) for c in self.categories)

    def measures(self) -> tuple[Measure, ...]:
        return tuple(dictionary_measure(self, c) for c in self.categories)

    def find(self, text: str, offset: int = 0) -> list[DictionaryMatch]:
        """Every match in ``text``, in order; offsets are ``offset`` + positions in ``text``."""
        tokens = [(m.start(), m.end(), m.group().casefold().replace("’", "'"))
                  for m in _TOKEN.finditer(text)]
        matches: list[DictionaryMatch] = []
        i = 0
        while i < len(tokens):
            word = tokens[i][2]
            hit = self._match_multi(tokens, i)
            if hit is not None:
                entry, last = hit
                start, end = tokens[i][0], tokens[last][1]
                matches.append(DictionaryMatch(start + offset, end + offset, text[start:end],
                                               entry.term, entry.categories))
                i = last + 1
                continue
            categories = self._match_word(word)
            if categories:
                start, end = tokens[i][0], tokens[i][1]
                matches.append(DictionaryMatch(start + offset, end + offset, text[start:end],
                                               self._term_for(word), categories))
            i += 1
        return matches

    def _match_multi(
        self, tokens: Sequence[tuple[int, int, str]], i: int
    ) -> tuple[DictionaryEntry, int] | None:
        for entry in self._multi.get(tokens[i][2], ()):  # longest first
            n = len(entry.words)
            if i + n > len(tokens):
                continue
            ok = all(tokens[i + k][2] == entry.words[k] for k in range(n - 1))
            last = tokens[i + n - 1][2]
            if ok and (last.startswith(entry.words[-1]) if entry.wildcard
                       else last == entry.words[-1]):
                return entry, i + n - 1
        return None

    def _match_word(self, word: str) -> tuple[str, ...]:
        exact = self._exact.get(word)
        if exact is not None:
            return exact
        for length in range(min(len(word), self._max_prefix), 0, -1):
            found = self._prefixes.get(word[:length])
            if found is not None:
                return found
        return ()

    def _term_for(self, word: str) -> str:
        if word in self._exact:
            return word
        for length in range(min(len(word), self._max_prefix), 0, -1):
            if word[:length] in self._prefixes:
                return word[:length] + "*"
        return word


def _build(
    name: str,
    categories: Sequence[str],
    entries: Sequence[DictionaryEntry],
    *,
    source: str,
    raw: str,
    warnings: Sequence[str],
) -> Dictionary:
    exact: dict[str, tuple[str, ...]] = {}
    prefixes: dict[str, tuple[str, ...]] = {}
    multi: dict[str, list[DictionaryEntry]] = {}
    for entry in entries:
        if len(entry.words) > 1:
            multi.setdefault(entry.words[0], []).append(entry)
        elif entry.wildcard:
            prefixes[entry.words[0]] = entry.categories
        else:
            exact[entry.words[0]] = entry.categories
    ordered = {k: tuple(sorted(v, key=lambda e: -len(e.words))) for k, v in multi.items()}
    return Dictionary(
        name=name,
        categories=tuple(categories),
        entries=tuple(entries),
        source=source,
        sha256=hashlib.sha256(raw.encode("utf-8")).hexdigest(),
        raw=raw,
        warnings=tuple(warnings),
        _exact=exact,
        _prefixes=prefixes,
        _multi=ordered,
        _max_prefix=max((len(p) for p in prefixes), default=0),
    )


def _entry_words(term: str, path: Path | str, line: int) -> tuple[tuple[str, ...], bool]:
    term = " ".join(term.replace("’", "'").casefold().split())
    wildcard = term.endswith("*")
    if wildcard:
        term = term[:-1].rstrip()
    if not term:
        raise DictionaryError(path, line, "an entry has no word before its category numbers")
    if "*" in term:
        raise DictionaryError(path, line, f"'*' may only end an entry, not appear inside {term!r}")
    words = tuple(term.split(" "))
    for word in words:
        if not _TOKEN.fullmatch(word):
            raise DictionaryError(
                path, line, f"{word!r} is not a word (letters, digits, inner ' or -)"
            )
    return words, wildcard


def _merge(
    entries: dict[tuple[tuple[str, ...], bool], DictionaryEntry],
    words: tuple[str, ...],
    wildcard: bool,
    categories: Sequence[str],
    line: int,
    warnings: list[str],
) -> None:
    key = (words, wildcard)
    earlier = entries.get(key)
    if earlier is None:
        entries[key] = DictionaryEntry(words, wildcard, tuple(dict.fromkeys(categories)), line)
        return
    merged = tuple(dict.fromkeys(earlier.categories + tuple(categories)))
    warnings.append(
        f"line {line}: {earlier.term!r} is also on line {earlier.line}; its categories "
        "were merged"
    )
    entries[key] = replace(earlier, categories=merged)


def _decode(data: bytes, path: Path | str) -> str:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise DictionaryError(path, 0, f"not readable UTF-16 text ({error.reason})") from None
    if b"\0" in data[:4096]:
        raise DictionaryError(path, 0, "this is a binary file, not a dictionary")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        # Older LIWC dictionaries were saved as Windows-1252.
        return data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise DictionaryError(path, 0, f"not readable text ({error.reason})") from None


def parse_dic(text: str, name: str, path: Path | str = "<text>") -> Dictionary:
    """Parse the text of a LIWC-format ``.dic`` file (see the module docstring)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[0].startswith("\ufeff"):
        lines[0] = lines[0][1:]
    n = 0
    while n < len(lines) and not lines[n].strip():
        n += 1
    if n >= len(lines) or lines[n].strip() != "%":
        raise DictionaryError(
            path, n + 1 if n < len(lines) else 0,
            "a .dic file starts with a line holding only '%' (then the categories, then '%')",
        )
    numbers: dict[str, str] = {}
    n += 1
    while True:
        if n >= len(lines):
            raise DictionaryError(path, 0, "the category list is never closed by a '%' line")
        line = lines[n].strip()
        n += 1
        if not line:
            continue
        if line == "%":
            break
        parts = line.split(None, 1)
        if len(parts) != 2 or not parts[0].isdigit():
            raise DictionaryError(
                path, n, f"a category line is a number and a name, not {line[:60]!r}"
            )
        number, label = parts[0].lstrip("0") or "0", parts[1].strip()
        if number in numbers:
            raise DictionaryError(path, n, f"category number {parts[0]} is defined twice")
        if label in numbers.values():
            raise DictionaryError(path, n, f"category name {label!r} is defined twice")
        numbers[number] = label
    if not numbers:
        raise DictionaryError(path, n, "the dictionary defines no category")

    entries: dict[tuple[tuple[str, ...], bool], DictionaryEntry] = {}
    warnings: list[str] = []
    for line_number in range(n + 1, len(lines) + 1):
        line = lines[line_number - 1]
        if not line.strip():
            continue
        if "\t" in line:
            cells = [c.strip() for c in line.split("\t") if c.strip()]
            term, codes = cells[0], " ".join(cells[1:]).split()
        else:
            tokens = line.split()
            k = len(tokens)
            while k > 0 and tokens[k - 1].isdigit():
                k -= 1
            term, codes = " ".join(tokens[:k]), tokens[k:]
        if any(("/" in c or "(" in c or "<" in c) for c in codes):
            warnings.append(
                f"line {line_number}: {term!r} uses LIWC's conditional category syntax, "
                "which Framescope does not read; the entry was skipped"
            )
            continue
        if not codes:
            raise DictionaryError(
                path, line_number, f"the entry {line.strip()[:60]!r} has no category number"
            )
        bad = [c for c in codes if not c.isdigit()]
        if bad:
            raise DictionaryError(
                path, line_number, f"{bad[0]!r} is not a category number (in {line.strip()[:60]!r})"
            )
        unknown = [c for c in codes if (c.lstrip("0") or "0") not in numbers]
        if unknown:
            raise DictionaryError(
                path, line_number,
                f"category {unknown[0]} is not defined in the header (entry {term!r})",
            )
        words, wildcard = _entry_words(term, path, line_number)
        categories = [numbers[c.lstrip("0") or "0"] for c in codes]
        _merge(entries, words, wildcard, categories, line_number, warnings)
    if not entries:
        raise DictionaryError(path, 0, "the dictionary has categories but no entries")
    return _build(name, list(numbers.values()), list(entries.values()),
                  source=str(path), raw=text, warnings=warnings)


def parse_word_list(text: str, name: str, path: Path | str = "<text>") -> Dictionary:
    """Parse a CSV word list: ``term[,category]`` rows, with or without a header row."""
    if text.startswith("\ufeff"):
        text = text[1:]
    rows = list(csv.reader(io.StringIO(text)))
    entries: dict[tuple[tuple[str, ...], bool], DictionaryEntry] = {}
    categories: dict[str, None] = {}
    warnings: list[str] = []
    for line_number, row in enumerate(rows, start=1):
        cells = [c.strip() for c in row]
        if not any(cells) or cells[0].startswith("#"):
            continue
        if line_number == 1 and cells[0].casefold() in ("term", "word", "words", "entry"):
            continue
        if len(cells) > 2 and any(cells[2:]):
            raise DictionaryError(
                path, line_number, f"a word list row is term[,category], found {len(cells)} cells"
            )
        category = cells[1] if len(cells) > 1 and cells[1] else name
        words, wildcard = _entry_words(cells[0], path, line_number)
        categories.setdefault(category, None)
        _merge(entries, words, wildcard, [category], line_number, warnings)
    if not entries:
        raise DictionaryError(path, 0, "the word list has no words")
    return _build(name, list(categories), list(entries.values()),
                  source=str(path), raw=text, warnings=warnings)


def load_dictionary(path: str | Path, name: str | None = None) -> Dictionary:
    """Read a ``.dic`` dictionary or a ``.csv`` word list; its name defaults to the file's stem.

    Raises :class:`DictionaryError` naming the file (and line) of the problem.
    """
    path = Path(path)
    if path.suffix.lower() not in DICTIONARY_SUFFIXES:
        raise DictionaryError(
            path, 0, f"not a dictionary: expected a .dic file or a .csv word list, "
            f"not {path.suffix or 'a file without a suffix'}"
        )
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a named pipe would wait for a writer
            raise DictionaryError(path, 0, "not a regular file (a named pipe, a device or "
                                  "a socket)")
        size = info.st_size
        if size > MAX_DICTIONARY_BYTES:
            raise DictionaryError(
                path, 0, f"{size / 1e6:.0f} MB is too large for a dictionary "
                f"(limit {MAX_DICTIONARY_BYTES // 2**20} MB)"
            )
        data = path.read_bytes()
    except OSError as error:
        raise DictionaryError(path, 0, error.strerror or str(error)) from None
    text = _decode(data, path)
    name = name or path.stem
    if path.suffix.lower() == ".dic":
        return parse_dic(text, name, path)
    return parse_word_list(text, name, path)


def dictionary_from_text(text: str, name: str, kind: str, source: str = "") -> Dictionary:
    """Rebuild a dictionary from its stored text (``kind`` 'dic' or 'csv'), e.g. from a project."""
    where = source or f"{name}.{kind}"
    if kind == "dic":
        return parse_dic(text, name, where)
    return parse_word_list(text, name, where)


def unique_names(dictionaries: Iterable[Dictionary]) -> list[Dictionary]:
    """The dictionaries with names made unique ('risk', 'risk-2'), keeping their order."""
    used: set[str] = set()
    out = []
    for d in dictionaries:
        name, number = d.name, 1
        while slug(name) in used:
            number += 1
            name = f"{d.name}-{number}"
        used.add(slug(name))
        out.append(d if name == d.name else replace(d, name=name))
    return out


# --------------------------------------------------------------------- measures


def dictionary_measure(dictionary: Dictionary, category: str) -> Measure:
    """The registry entry of one dictionary category (label, unit, definition, citation)."""
    return Measure(
        key=dictionary.column(category),
        label=f"{dictionary.name}: {category}",
        unit="per 100 words",
        definition=(
            f"Words of the body matching the category '{category}' of the custom "
            f"dictionary '{dictionary.name}' ({len(dictionary.entries)} entries, "
            f"sha256 {dictionary.sha256[:12]}), per 100 body words. Exact entries win "
            "over wildcard (*) entries; multiword entries match in sequence."
        ),
        citation=(
            "Dictionary method as in Pennebaker, J. W., Boyd, R. L., Jordan, K., "
            "Blackburn, K. (2015). The development and psychometric properties of "
            "LIWC2015. University of Texas at Austin; the dictionary is the user's own."
        ),
    )


_REGISTERED: dict[str, Measure] = {}


def register(dictionaries: Iterable[Dictionary]) -> None:
    """Make exactly these dictionaries' measures known to :func:`models.measures.measure`
    (labels and definitions for charts, tables and the Methods text); dictionaries
    registered before and not given again are forgotten."""
    _REGISTERED.clear()
    for dictionary in dictionaries:
        for m in dictionary.measures():
            _REGISTERED[m.key] = m


def registered_measures() -> tuple[Measure, ...]:
    return tuple(_REGISTERED.values())


def measure_for_column(key: str) -> Measure | None:
    """The entry of a dictionary column: its dictionary's when registered, else a generic one."""
    if key in _REGISTERED:
        return _REGISTERED[key]
    if not (key.startswith(COLUMN_PREFIX) and key.endswith(COLUMN_SUFFIX)):
        return None
    inner = key[len(COLUMN_PREFIX):-len(COLUMN_SUFFIX)]
    return Measure(
        key=key,
        label=inner.replace("_", " "),
        unit="per 100 words",
        definition="Body words matching a category of a custom dictionary, per 100 body words.",
        citation="",
    )


def find_in_article(
    article: Article, dictionaries: Sequence[Dictionary]
) -> dict[str, list[DictionaryMatch]]:
    """Each dictionary's matches in the article's body sentences, keyed by dictionary name."""
    found: dict[str, list[DictionaryMatch]] = {}
    for dictionary in dictionaries:
        matches: list[DictionaryMatch] = []
        for sentence in article.body_sentences:
            matches.extend(dictionary.find(sentence.text, offset=sentence.start))
        found[dictionary.name] = matches
    return found


def dictionary_scores(
    article: Article, dictionaries: Sequence[Dictionary]
) -> dict[str, float | None]:
    """Per 100 body words, how many body words match each category of each dictionary
    (None, undefined, for an article with no body words)."""
    from models.features import count_words

    words = sum(count_words(s.text) for s in article.body_sentences)
    scores: dict[str, float | None] = {}
    for dictionary in dictionaries:
        counts = dict.fromkeys(dictionary.categories, 0)
        for sentence in article.body_sentences:
            for match in dictionary.find(sentence.text):
                for category in match.categories:
                    counts[category] += 1
        for category, count in counts.items():
            scores[dictionary.column(category)] = 100.0 * count / words if words else None
    return scores


def apply_dictionaries(
    analyses: Sequence[ArticleAnalysis], dictionaries: Sequence[Dictionary]
) -> list[ArticleAnalysis]:
    """The analyses with their dictionary scores (re)computed; other scores are kept.

    The :class:`~models.article.Article` objects are shared, not copied, so
    edits to them (outlet names) carry over.
    """
    out = []
    for analysis in analyses:
        extra = dictionary_scores(analysis.article, dictionaries)
        out.append(replace(analysis, scores=replace(analysis.scores, extra=extra)))
    return out


def dictionary_columns(analyses: Iterable[ArticleAnalysis]) -> list[str]:
    """The dictionary columns present in ``analyses``, in first-seen order."""
    seen: dict[str, None] = {}
    for analysis in analyses:
        for key in analysis.scores.extra:
            seen.setdefault(key, None)
    return list(seen)
