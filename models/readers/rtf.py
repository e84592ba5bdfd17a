"""Rich Text Format (.rtf): the text of the document, from a small tokenizer.

Follows the RTF 1.9.1 specification (Microsoft, 2008): control words
(``\\par``, ``\\uN``, ``\\ansicpgN``, ``\\binN``...), control symbols
(``\\'hh``, ``\\~``, ``\\-``), groups, and destinations. Destinations that
are not text (font, colour and style tables, document info, pictures,
objects, headers, footers, footnotes, and every ``{\\* ...}`` group) are
skipped; a field's result (``\\fldrslt``) is kept and its instruction is not.
``\\par``, ``\\line``, ``\\sect`` and ``\\page`` end a line; ``\\'hh`` bytes
are decoded in the document's code page (``\\ansicpg``, else Windows-1252);
``\\uN`` is a Unicode character followed by ``\\ucN`` fallback characters
that are dropped. No library is used: the readers in circulation either
lose the paragraph structure or the code page.
"""

from __future__ import annotations

import codecs
import re

from models.readers.text import ReaderError

NOT_RTF = "not an RTF file: it does not start with {\\rtf"

_TOKEN = re.compile(
    r"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?"  # control word, optional parameter and delimiter
    r"|\\'([0-9a-fA-F]{2})"  # a byte in the code page
    r"|\\(.)"  # control symbol
    r"|([{}])"
    r"|([^\\{}\r\n]+)"  # plain text
    r"|[\r\n]+",  # line endings in the file are not text
    re.DOTALL,
)
_SKIPPED_DESTINATIONS = frozenset({
    "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "header", "headerl",
    "headerr", "headerf", "footer", "footerl", "footerr", "footerf", "footnote", "themedata",
    "colorschememapping", "datastore", "latentstyles", "listtable", "listoverridetable",
    "rsidtbl", "generator", "xmlnstbl", "mmathPr", "pgdsctbl", "fldinst", "filetbl",
    "revtbl", "annotation", "atnid", "atnauthor", "bkmkstart", "bkmkend", "txe", "xe", "tc",
    "objdata", "shppict", "nonshppict", "blipuid", "template", "userprops", "wgrffmtfilter",
})
_LINE_WORDS = frozenset({"par", "line", "sect", "page", "row"})
_CHARACTERS = {
    "tab": "\t", "cell": "\t", "emdash": "\u2014", "endash": "\u2013", "bullet": "\u2022",
    "lquote": "\u2018", "rquote": "\u2019", "ldblquote": "\u201c", "rdblquote": "\u201d",
    "emspace": "\u2003", "enspace": "\u2002", "qmspace": "\u2005",
}
_SYMBOLS = {"~": "\u00a0", "_": "\u2011", "-": "", "{": "{", "}": "}", "\\": "\\"}
# Groups nested deeper than this are not a document (bytes; guards the state stack).
_MAX_DEPTH = 1000


def is_rtf(data: bytes) -> bool:
    return data.lstrip()[:5] == b"{\\rtf"


def rtf_text(data: bytes) -> str:
    """The document's text; lines end with '\\n'. ReaderError if it is not RTF."""
    return read_rtf(data)[0]


def read_rtf(data: bytes) -> tuple[str, bool]:
    """The document's text (as :func:`rtf_text`), and whether the file ends where its
    outermost group closes: False for a file cut short (a download or copy stopped)."""
    if not is_rtf(data):
        raise ReaderError(NOT_RTF)
    source = data.decode("latin-1")
    out: list[str] = []
    pending = bytearray()  # \'hh bytes not yet decoded (a multi-byte character may span two)
    codepage = "cp1252"
    skip_stack: list[tuple[bool, int]] = []
    skipping = False
    unicode_skip = 1  # fallback characters after \uN
    to_drop = 0  # fallback characters still to drop
    position, length = 0, len(source)

    def flush() -> None:
        if pending:
            out.append(_decode(bytes(pending), codepage))
            pending.clear()

    while position < length:
        match = _TOKEN.match(source, position)
        if match is None:  # a lone backslash at the end
            break
        position = match.end()
        word, parameter, hex_byte, symbol, brace, plain = match.groups()
        if brace == "{":
            if len(skip_stack) >= _MAX_DEPTH:
                raise ReaderError("not a valid RTF file: its groups are nested too deeply")
            skip_stack.append((skipping, unicode_skip))
            continue
        if brace == "}":
            flush()
            if skip_stack:
                skipping, unicode_skip = skip_stack.pop()
            to_drop = 0
            continue
        if hex_byte is not None:
            if to_drop:
                to_drop -= 1
            elif not skipping:
                pending.append(int(hex_byte, 16))
            continue
        flush()
        if word is not None:
            if word == "bin":  # raw bytes follow: never text
                position += max(int(parameter or 0), 0)
                continue
            if word in _SKIPPED_DESTINATIONS:
                skipping = True
                continue
            if skipping:
                continue
            if word == "ansicpg" and parameter:
                codepage = _codepage(parameter, codepage)
            elif word == "uc" and parameter:
                unicode_skip = max(int(parameter), 0)
            elif word == "u" and parameter:
                value = int(parameter)
                value = value + 65536 if value < 0 else value
                out.append(_character(value))
                to_drop = unicode_skip
            elif word in _LINE_WORDS:
                out.append("\n")
            elif word in _CHARACTERS:
                out.append(_CHARACTERS[word])
            continue
        if symbol is not None:
            if symbol == "*":
                skipping = True
            elif not skipping and symbol in _SYMBOLS:
                out.append(_SYMBOLS[symbol])
            elif not skipping and symbol in "\r\n":
                out.append("\n")  # "\" followed by a line ending is \par
            continue
        if plain is not None and not skipping:
            if to_drop:
                dropped = min(to_drop, len(plain))
                plain = plain[dropped:]
                to_drop -= dropped
            out.append(plain)
    flush()
    return "".join(out), not skip_stack


def _codepage(parameter: str, current: str) -> str:
    name = f"cp{int(parameter)}"
    try:
        codecs.lookup(name)
    except LookupError:
        return current
    return name


def _decode(data: bytes, codepage: str) -> str:
    return data.decode(codepage, errors="replace")


def _character(value: int) -> str:
    if 0xD800 <= value <= 0xDFFF or value > 0x10FFFF:
        return "\ufffd"
    return chr(value)
