"""Corpus files, one article per row: CSV, TSV, JSON Lines (and JSON) and XLSX.

Which column holds what is a :class:`ColumnMapping` (``text``, ``headline``,
``outlet``, ``date``, ``url``). :func:`guess_columns` guesses it from the
header (known names in several spellings, e.g. "body", "content", "title",
"source", "published"), and falls back to the column with the longest values
for the text; it says when the guess is uncertain, so the app can ask the
user (desktop/qt_column_dialog.py) and the command line can take flags
(``--text-column`` ...). Given names win over guesses; a given name the file
lacks is an error naming the columns it has.

Rows with no text are skipped and counted in one message for the file.
XLSX is read with openpyxl in read-only mode (first worksheet with data),
after the zip checks of :mod:`models.readers.archive`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import stat
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields
from itertools import islice
from pathlib import Path

from models.readers.archive import open_zip
from models.readers.text import NOT_REGULAR_FILE, ReaderError, decode_text, parser_words
from models.table_files import TABLE_SUFFIXES as TABLE_SUFFIXES  # (re-exported)

ROLES: tuple[str, ...] = ("text", "headline", "outlet", "date", "url")

# Header names per role, normalised (lower case, letters and digits only), best first.
_KNOWN: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "bodytext", "content", "fulltext", "articletext", "article",
             "articlebody", "maintext", "story", "texte", "inhalt", "tekst", "txt"),
    "headline": ("headline", "title", "heading", "head", "hd", "articletitle", "titel",
                 "titre", "kop"),
    "outlet": ("outlet", "source", "publication", "publisher", "newspaper", "medium", "media",
               "sourcename", "site", "sitename", "domain", "paper", "pub", "sn", "journal"),
    "date": ("date", "published", "publicationdate", "pubdate", "datepublished",
             "publisheddate", "publishedat", "datetime", "pd", "day", "datum", "time"),
    "url": ("url", "link", "href", "uri", "permalink", "articleurl", "webaddress"),
}
# Rows read to guess which column holds the text.
_SAMPLE_ROWS = 50
_MAX_FIELD_CHARS = 50 * 1024 * 1024
# Words per row, on average, for an unnamed column to be taken for article text.
_MIN_TEXT_WORDS = 5


@dataclass(frozen=True, slots=True)
class ColumnMapping:
    """Column names per role; an empty string means "none" (or, when given, "guess")."""

    text: str = ""
    headline: str = ""
    outlet: str = ""
    date: str = ""
    url: str = ""

    def as_dict(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def merged_over(self, other: ColumnMapping) -> ColumnMapping:
        """This mapping's non-empty names, else ``other``'s."""
        return ColumnMapping(**{r: getattr(self, r) or getattr(other, r) for r in ROLES})


@dataclass(frozen=True, slots=True)
class ColumnGuess:
    """A guessed mapping, and why it may be wrong (empty when the header was clear)."""

    mapping: ColumnMapping
    doubts: tuple[str, ...] = ()

    @property
    def is_certain(self) -> bool:
        return not self.doubts


@dataclass(slots=True)
class Table:
    """A corpus file's header and rows (cells as strings; missing cells are '')."""

    header: list[str]
    rows: list[list[str]] = field(default_factory=list)
    # File line (CSV, JSONL) or sheet row (XLSX, JSON) of each row, for messages.
    row_numbers: list[int] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    unit: str = "line"  # what row_numbers count: "line" or "row"
    delimiter: str = ""  # a delimited file's (CSV, TSV): rows longer than the header


def _normal(name: str) -> str:
    return re.sub(r"[^0-9a-z]", "", name.casefold())


def guess_columns(header: Sequence[str], rows: Sequence[Sequence[str]] = ()) -> ColumnGuess:
    """Guess the columns from the header names, and the text column from the values if need be."""
    normal = [_normal(name) for name in header]
    taken: set[int] = set()
    chosen: dict[str, str] = {}
    doubts: list[str] = []
    for role in ROLES:
        for known in _KNOWN[role]:
            matches = [i for i, name in enumerate(normal) if name == known and i not in taken]
            if matches:
                index = matches[0]
                taken.add(index)
                chosen[role] = header[index]
                others = [header[i] for i, n in enumerate(normal)
                          if i not in taken and n in _KNOWN[role]]
                if others:
                    doubts.append(
                        f"several columns could hold the {role}: {header[index]}, "
                        + ", ".join(others)
                    )
                break
    if "text" not in chosen:
        longest = _longest_column(header, rows, taken)
        if longest is not None:
            chosen["text"] = header[longest]
            doubts.append(
                f"no column is named like article text; '{header[longest]}' has the longest values"
            )
        else:
            doubts.append("no column holds article text")
    return ColumnGuess(ColumnMapping(**chosen), tuple(doubts))


def _longest_column(header: Sequence[str], rows: Sequence[Sequence[str]], taken: set[int]) -> int | None:
    """The column with the longest values, if they read like prose (several words on average)."""
    sample = rows[:_SAMPLE_ROWS]
    totals = [0] * len(header)
    words = [0] * len(header)
    for row in sample:
        for index, cell in enumerate(row[: len(header)]):
            totals[index] += len(cell)
            words[index] += len(cell.split())
    candidates = [
        (total, -i) for i, total in enumerate(totals)
        if i not in taken and words[i] >= _MIN_TEXT_WORDS * max(len(sample), 1)
    ]
    if not candidates:
        return None
    return -max(candidates)[1]


def resolve_columns(table: Table, given: ColumnMapping | None) -> ColumnMapping:
    """The mapping for ``table``: given names (checked) over the guess. ReaderError if no text."""
    guess = guess_columns(table.header, table.rows).mapping
    if given is None:
        mapping = guess
    else:
        missing = [f"{role} column '{name}'" for role, name in given.as_dict().items()
                   if name and name not in table.header]
        if missing:
            raise ReaderError(
                f"no {', '.join(missing)} in this file (columns found: {_listing(table.header)})"
            )
        mapping = given.merged_over(guess)
    if not mapping.text:
        raise ReaderError(
            f"no column with article text (columns found: {_listing(table.header)}); "
            "name one with --text-column, or drop the file on the app to choose it"
        )
    return mapping


_SHOWN_NAME = 40  # characters of a column's name shown in a message


def _listing(header: Sequence[str]) -> str:
    # A name as long as a row (the "header" of a file that is no table) is cut short.
    shown = [name if len(name) <= _SHOWN_NAME else name[:_SHOWN_NAME - 1] + "…"
             for name in header if name][:30]
    more = len([n for n in header if n]) - len(shown)
    return (", ".join(shown) or "none") + (f" and {more} more" if more > 0 else "")


def read_table(data: bytes, suffix: str) -> Table:
    """Header and rows of a corpus file; ReaderError when it is not one."""
    if suffix == ".xlsx":
        return _xlsx(data)
    text = decode_text(data).text
    if suffix in (".jsonl", ".ndjson"):
        return _json_lines(text)
    if suffix == ".json":
        return _json_array(text)
    return _delimited(text, "\t" if suffix in (".tsv", ".tab") else None)


def _delimited(text: str, delimiter: str | None) -> Table:
    if delimiter is None:
        sample = text[:65536]
        try:
            delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
        except csv.Error:
            # The sniffer wants every row alike; one row with a stray delimiter defeats
            # it. The header row is the user's column names: its most frequent delimiter.
            first = next((line for line in sample.splitlines() if line.strip()), "")
            delimiter = max(",;\t|", key=first.count) if any(d in first for d in ",;\t|") \
                else ","
    csv.field_size_limit(_MAX_FIELD_CHARS)
    lines = list(io.StringIO(text, newline=""))  # the csv module's own line ends
    table = Table(header=[], delimiter=delimiter)
    unclosed: list[int] = []
    last_record = (0, 0)  # the lines of the last row taken
    start = 0  # index of the line the current reader begins at
    while start < len(lines):
        reader = csv.reader(islice(lines, start, None), delimiter=delimiter)
        opened = start  # index of the current record's first line
        restart = None
        try:
            for row in reader:
                end = start + reader.line_num
                if table.header and end - opened > 1 and _unclosed_quote(
                        lines[opened:end], delimiter, len(table.header)):
                    restart = opened + 1
                    break
                record_start, opened = opened, end
                if not any(cell.strip() for cell in row):
                    continue
                if not table.header:
                    table.header = [cell.strip() for cell in row]
                    continue
                table.rows.append(row)
                table.row_numbers.append(end)
                last_record = (record_start, end)
        except csv.Error as error:
            # An unclosed quote can run a cell to the end of the file, past the size limit.
            if not (table.header and start + reader.line_num - opened > 1):
                raise ReaderError(
                    f"not a valid CSV file: line {start + reader.line_num} "
                    f"{csv_slip(error)}", parser_words(error)) from None
            restart = opened + 1
        if restart is None:
            break
        unclosed.append(restart)
        start = restart
    if not table.header:
        raise ReaderError("no header row: the file holds no rows")
    if table.rows and _unclosed_at_end(lines[slice(*last_record)], delimiter):
        # The file ends inside a quoted cell: the rest of that row's text is not in it,
        # as a download or copy cut off leaves it (audit s32: the row was read, cut, unsaid).
        table.problems.append(
            f"the last row ({_lines([last_record[1]])}) ends inside a double quote never "
            "closed: the file may be cut short (a download or copy stopped?); its text was "
            "read as far as it goes")
    if unclosed:
        table.problems.append(
            f"{_count(len(unclosed), 'row')} with a double quote never closed "
            f"({_lines(unclosed)}); skipped, the rows after it read"
        )
    return table


def csv_slip(error: csv.Error) -> str:
    """What the csv module's complaint means, after "line N" ("field larger than field
    limit (131072)" was a reason before, s32)."""
    said = str(error)
    if "field limit" in said:
        return (f"holds a cell longer than {_MAX_FIELD_CHARS:,} characters (a double quote "
                "never closed?)")
    if "NUL" in said:
        return "holds a zero byte, which text never has (a binary file?)"
    if "new-line" in said:
        return "has a line break inside a cell that is not in double quotes"
    return "is laid out in a way a CSV file cannot be (a stray double quote?)"


def _unclosed_at_end(record: Sequence[str], delimiter: str) -> bool:
    """True when the lines of the file's last row end inside a quoted cell."""
    try:
        for _ in csv.reader(record, delimiter=delimiter, strict=True):
            pass
    except csv.Error as error:
        return "end of data" in str(error)  # not another slip ('"a"b': ',' expected)
    return False


def _unclosed_quote(record: Sequence[str], delimiter: str, width: int) -> bool:
    """True when a record of several lines is a row whose quote was never closed, and the
    rows after it swallowed into its last cell: the lines do not parse as valid CSV, and
    the second line reads, on its own, as a row as wide as the header."""
    try:
        for _ in csv.reader(record, delimiter=delimiter, strict=True):
            pass
    except csv.Error:
        return len(next(csv.reader(record[1:2], delimiter=delimiter), [])) == width
    return False


def _json_lines(text: str) -> Table:
    records: list[tuple[int, Mapping[str, object]]] = []
    bad: list[int] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except (json.JSONDecodeError, RecursionError):
            bad.append(number)
            continue
        if isinstance(value, dict):
            records.append((number, value))
        else:
            bad.append(number)
    if not records:
        raise ReaderError("not a JSON Lines file: no line holds a JSON object")
    table = _records(records)
    if bad:
        cut = ""
        if bad[-1] == len(text.splitlines()) and not text.endswith(("\n", "\r")):
            # The last line, without its line end: a file cut off mid-record.
            cut = ("; the last of them stops before its end: the file may be cut short (a "
                   "download or copy stopped?)")
        table.problems.append(
            f"{_count(len(bad), 'line')} not a JSON object ({_lines(bad)}); skipped{cut}")
    return table


def _json_array(text: str) -> Table:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise ReaderError(_json_reason(text, error)) from None
    except RecursionError:
        raise ReaderError("not valid JSON: its lists and objects are nested too deeply") from None
    if isinstance(value, dict):  # {"articles": [...]} and similar
        lists = [v for v in value.values() if isinstance(v, list)]
        value = lists[0] if len(lists) == 1 else [value]
    if not isinstance(value, list) or not any(isinstance(v, dict) for v in value):
        raise ReaderError("not a list of articles: the JSON holds no objects")
    table = _records([(i, v) for i, v in enumerate(value, start=1) if isinstance(v, dict)])
    table.unit = "row"
    return table


def _json_reason(text: str, error: json.JSONDecodeError) -> str:
    """Why a .json file could not be read, in words ("Expecting value: line 1 column 1
    (char 0)" was the parser's own; audit s32)."""
    start = text.lstrip("\ufeff \t\r\n")[:1]
    if start not in ("[", "{"):
        return ("not a JSON file: it does not start with [ or { (a list of articles, or an "
                "object holding one)")
    if error.msg.startswith("Unterminated string") or error.pos >= len(text.rstrip()):
        return ("the JSON file is incomplete: it stops before its end (a download or copy "
                "cut short?), so it could not be read; download or copy it again")
    return (f"not valid JSON: a mistake at line {error.lineno}, column {error.colno} "
            f"({error.msg[:1].lower() + error.msg[1:]})")


def _records(records: Iterable[tuple[int, Mapping[str, object]]]) -> Table:
    records = list(records)
    header: dict[str, None] = {}
    for _, record in records:
        for key in record:
            header.setdefault(str(key), None)
    names = list(header)
    table = Table(header=names)
    for number, record in records:
        by_name = {str(k): v for k, v in record.items()}
        table.rows.append([_cell(by_name.get(name)) for name in names])
        table.row_numbers.append(number)
    return table


def _xlsx(data: bytes) -> Table:
    open_zip(data, "Excel workbook")  # zip-bomb checks before openpyxl inflates anything
    from openpyxl import load_workbook  # heavy: only when a workbook is read

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except ReaderError:
        raise
    except Exception as error:  # an untrusted file in a third-party parser
        raise ReaderError(_xlsx_reason(error), parser_words(error)) from None
    try:
        for sheet in book.worksheets:
            table = _sheet_table(sheet.iter_rows(values_only=True))
            if table is not None:
                return table
    except Exception as error:  # damaged sheet XML, entity declarations (defusedxml)
        raise ReaderError(_xlsx_reason(error), parser_words(error)) from None
    finally:
        book.close()
    raise ReaderError("the workbook is empty: no worksheet holds rows")


def _xlsx_reason(error: BaseException) -> str:
    from defusedxml import DefusedXmlException

    cause: BaseException | None = error
    while cause is not None:  # openpyxl wraps the parser's exception in a ValueError
        if isinstance(cause, DefusedXmlException):
            return "not read: this workbook declares XML entities or a DTD (an XML entity bomb?)"
        cause = cause.__cause__ or cause.__context__
    if isinstance(error, KeyError) and error.args:  # zipfile: "There is no item named …"
        return ("not a valid Excel workbook: a part every workbook has is missing (a zip "
                "file of something else, named .xlsx?)")
    # "(XMLSyntaxError)", a class name, was the reason before (s32); it goes to the log.
    return ("not a valid Excel workbook: it is damaged and could not be read; download or "
            "copy it again, or open and save it again in a spreadsheet program")


def _sheet_table(rows: Iterator[tuple[object, ...]]) -> Table | None:
    table: Table | None = None
    for number, values in enumerate(rows, start=1):
        cells = [_cell(v) for v in values]
        if not any(cell.strip() for cell in cells):
            continue
        if table is None:
            table = Table(header=[cell.strip() for cell in cells], unit="row")
            continue
        table.rows.append(cells)
        table.row_numbers.append(number)
    return table


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


@dataclass(frozen=True, slots=True)
class Row:
    """One article's cells by role, and where it is in the file."""

    number: int
    text: str
    headline: str = ""
    outlet: str = ""
    date: str = ""
    url: str = ""


def table_rows(table: Table, mapping: ColumnMapping) -> tuple[list[Row], list[str]]:
    """The rows with text, and the problems (rows skipped), as messages."""
    index = {name: i for i, name in reversed(list(enumerate(table.header)))}
    positions = {role: index.get(name) for role, name in mapping.as_dict().items() if name}
    rows: list[Row] = []
    empty: list[int] = []
    joined: list[int] = []  # longer than the header, the text column last: its text rejoined
    long: list[int] = []  # longer than the header otherwise: which cell is which is unknown
    text_last = positions.get("text") == len(table.header) - 1
    for cells, number in zip(table.rows, table.row_numbers, strict=True):
        if table.delimiter and len(cells) > len(table.header):
            # A delimiter outside quotes ("text" / "Officials resigned, he said."): the csv
            # module makes the rest of the line extra cells, and the text was cut there.
            if not text_last:
                long.append(number)
                continue
            cells = [*cells[:len(table.header) - 1],
                     table.delimiter.join(cells[len(table.header) - 1:])]
            joined.append(number)
        values = {
            role: (cells[i] if i is not None and i < len(cells) else "")
            for role, i in positions.items()
        }
        text = values.pop("text", "")
        if not text.strip():
            empty.append(number)
            continue
        rows.append(Row(number, text, **{k: v.strip() for k, v in values.items()}))
    problems = list(table.problems)
    if empty:
        problems.append(
            f"{_count(len(empty), 'row')} without text in column '{mapping.text}' "
            f"({_lines(empty, table.unit)}); skipped"
        )
    delimiter = {",": "comma", ";": "semicolon", "\t": "tab", "|": "bar"}.get(
        table.delimiter, repr(table.delimiter))
    if long:
        problems.append(
            f"{_count(len(long), 'row')} with more fields than the header's "
            f"{len(table.header)} ({_lines(long, table.unit)}: a {delimiter} outside double "
            "quotes?); skipped, since which field is which cannot be told"
        )
    if joined:
        problems.append(
            f"{_count(len(joined), 'row')} with more fields than the header's "
            f"{len(table.header)} ({_lines(joined, table.unit)}: a {delimiter} outside double "
            f"quotes?); read with the text to the end of the line, as column "
            f"'{mapping.text}' is the last"
        )
    return rows, problems


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def _lines(numbers: Sequence[int], unit: str = "line") -> str:
    shown = ", ".join(str(n) for n in numbers[:5])
    if len(numbers) == 1:
        return f"{unit} {shown}"
    return f"{unit}s {shown}" + (" …" if len(numbers) > 5 else "")


# Bytes read from the start of a delimited or JSON Lines file for a preview.
_PREVIEW_BYTES = 256 * 1024


def preview_table(path: Path, max_rows: int = 5) -> Table:
    """The header and first rows of a corpus file, read from its start only (for the column dialog).

    Raises :class:`ReaderError` when the file cannot be read as a corpus file.
    """
    suffix = path.suffix.lower()
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            raise ReaderError(NOT_REGULAR_FILE)
        if suffix == ".xlsx":
            table = _xlsx_preview(path, max_rows)
        else:
            with path.open("rb") as handle:
                data = handle.read(_PREVIEW_BYTES + 1)
            if len(data) > _PREVIEW_BYTES and suffix != ".json":
                data = data[: data.rfind(b"\n", 0, _PREVIEW_BYTES) + 1] or data[:_PREVIEW_BYTES]
            elif len(data) > _PREVIEW_BYTES:
                data = path.read_bytes() if path.stat().st_size <= MAX_JSON_PREVIEW_BYTES else b""
            if not data.strip():
                raise ReaderError("empty file")
            table = read_table(data, suffix)
    except OSError as error:
        raise ReaderError(f"could not be read ({error.strerror or error})") from None
    del table.rows[max_rows:]
    del table.row_numbers[max_rows:]
    return table


MAX_JSON_PREVIEW_BYTES = 20 * 1024 * 1024


def _xlsx_preview(path: Path, max_rows: int) -> Table:
    from openpyxl import load_workbook

    with path.open("rb") as handle:
        head = handle.read(4)
    if head != b"PK\x03\x04":
        raise ReaderError("not a valid Excel workbook: the file is damaged or of another kind")
    if path.stat().st_size > 200 * 1024 * 1024:
        raise ReaderError("too large to preview")
    try:
        open_zip(path.read_bytes(), "Excel workbook")
        book = load_workbook(path, read_only=True, data_only=True)
        try:
            for sheet in book.worksheets:
                table = _sheet_table(islice(sheet.iter_rows(values_only=True), max_rows + 50))
                if table is not None:
                    return table
        finally:
            book.close()
    except ReaderError:
        raise
    except Exception as error:  # an untrusted file in a third-party parser
        raise ReaderError(_xlsx_reason(error), parser_words(error)) from None
    raise ReaderError("the workbook is empty: no worksheet holds rows")
