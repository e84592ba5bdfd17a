"""Plain text and Markdown files: bytes -> the decoded text, kept exactly.

UTF-8 comes first (a byte-order mark is dropped, nothing else changes: line
endings and spaces stay as they are, so every offset indexes the file's
text). A UTF-16 or UTF-32 file starts with its byte-order mark, or is UTF-16
whose every other byte is NUL, as alphabetic text saved without a mark is
(:func:`_utf16_without_mark`; before, such a file was refused as binary). Anything
else goes to charset_normalizer, which picks a legacy encoding (cp1252,
latin-1, cp1250, ...); when it cannot tell cp1252 from another encoding
that decodes the bytes equally well, cp1252 wins, as the most common
encoding of Western text. Binary content (NUL bytes, control characters,
nothing plausible) is refused with a reason.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, replace


class ReaderError(Exception):
    """A file that cannot be read; the message is a reason a user understands.

    ``detail``: what the parser itself said (its exception's class and words), for a
    developer: it travels with the problem (:attr:`models.article.ReadError.detail`), is
    logged by :func:`models.readers.read_paths` and shown only in Problem Details."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(reason)
        self.detail = detail


def parser_words(error: BaseException) -> str:
    """An exception as a developer reads it: "PdfStreamError: Stream has ended unexpectedly";
    its words cut to 200 characters (they might quote the file: models.faults)."""
    from models.faults import MAX_WORDS_CHARS

    words = " ".join(str(error).split())
    if len(words) > MAX_WORDS_CHARS:
        words = words[:MAX_WORDS_CHARS - 1] + "…"
    return f"{type(error).__name__}: {words}" if words else type(error).__name__


#: Why a pipe, a device or a socket is not read: opening a named pipe waits for a
#: writer, which held a whole run forever (robust29).
NOT_REGULAR_FILE = "not a regular file (a named pipe, a device or a socket): not read"


@dataclass(frozen=True, slots=True)
class DecodedText:
    """A file's text and the encoding it was decoded from (a Python codec name)."""

    text: str
    encoding: str
    #: Sequences of bytes not valid in UTF-8 replaced with U+FFFD in a file otherwise UTF-8.
    replaced: int = 0
    #: The file is UTF-8 that stops inside its last character (those bytes are left out
    #: of ``text``): it was cut short (:func:`text_cut_short`).
    cut_in_character: bool = False

    @property
    def is_utf8(self) -> bool:
        return self.encoding in ("utf-8", "utf-8-sig")


NOT_TEXT_BINARY = "not valid text: looks like a binary file"
NOT_TEXT_ENCODING = "not valid text: the character encoding could not be recognised"

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_ALLOWED_CONTROLS = frozenset("\t\n\r\x0b\x0c")
# Unicode category Cc is exactly U+0000-U+001F and U+007F-U+009F; a regular
# expression counts them ~50 times faster than a loop over characters.
_CONTROLS = re.compile(
    "[" + "".join(
        re.escape(chr(c)) for c in (*range(0x20), *range(0x7F, 0xA0))
        if chr(c) not in _ALLOWED_CONTROLS
    ) + "]"
)
# Share of control characters above which decoded "text" is taken to be binary.
_MAX_CONTROL_SHARE = 0.01
# Characters checked for control characters (binary content shows at once).
_SAMPLE_CHARS = 200_000


def decode_text(data: bytes) -> DecodedText:
    """Decode a file's bytes; raise :class:`ReaderError` if they are not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding.removesuffix("-sig"))
            except UnicodeDecodeError:
                cut = _utf8_cut_in_character(data[len(bom):]) if bom == codecs.BOM_UTF8 \
                    else None
                if cut is None:
                    raise ReaderError(
                        f"not valid text: starts like {encoding.upper()} but is not"
                    ) from None
                return _checked(replace(cut, encoding=encoding))
            return _checked(DecodedText(text, encoding))
    if b"\x00" in data:
        wide = _utf16_without_mark(data)
        if wide is None:
            raise ReaderError(NOT_TEXT_BINARY)
        return _checked(wide)
    try:
        return _checked(DecodedText(data.decode("utf-8"), "utf-8"))
    except UnicodeDecodeError:
        pass
    cut = _utf8_cut_in_character(data)
    if cut is not None:
        return _checked(cut)
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return _checked(damaged)
    return _checked(_decode_legacy(data))


def _utf8_cut_in_character(data: bytes) -> DecodedText | None:
    """``data`` as UTF-8 without its last bytes when it stops inside its last character (a
    multi-byte character's first bytes, then nothing), as a file cut short does; its
    other bad bytes, if any, replaced (:func:`_damaged_utf8`). Else None. A lone lead byte
    after nothing but ASCII is not taken for it: Windows-1252 "café" ends so (0xE9); two
    or more bytes of a character ("’" cut to E2 80), or other UTF-8 characters, are not
    legacy text."""
    partial = _partial_last_character(data)
    if not partial:
        return None
    body = data[:-partial]
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        damaged = _damaged_utf8(body)
        return None if damaged is None else replace(damaged, cut_in_character=True)
    if partial >= 2 or not text.isascii():
        return DecodedText(text, "utf-8", cut_in_character=True)
    return None


def _partial_last_character(data: bytes) -> int:
    """How many bytes at the end of ``data`` begin a UTF-8 character they do not finish
    (1 to 3), or 0."""
    for back in range(1, min(4, len(data)) + 1):
        lead = data[-back]
        if lead & 0xC0 == 0x80:  # a continuation byte: the lead is further back
            continue
        length = 2 if 0xC2 <= lead <= 0xDF else 3 if 0xE0 <= lead <= 0xEF else \
            4 if 0xF0 <= lead <= 0xF4 else 0
        if length <= back:
            return 0
        try:  # its first bytes as UTF-8 allows (E0 80 begins no character)
            codecs.getincrementaldecoder("utf-8")().decode(data[-back:], final=False)
        except UnicodeDecodeError:
            return 0
        return back
    return 0


#: Bytes of a file system block: a copy or a save that stops early (a full disk, a
#: program ended while writing) leaves a file of a whole number of blocks.
BLOCK_BYTES = 4096


def text_cut_short(data: bytes, decoded: DecodedText) -> str:
    """How a text file (``data``, decoded) shows it was cut short, or "": it stops inside
    its last character (UTF-8), or it stops mid-sentence (its last character, spaces left
    out, a letter or a digit) at exactly a whole number of :data:`BLOCK_BYTES`.

    Measured (bench/text_cut_short.py): no whole file of 5,225 (the 5 seeds, PolNeAR's
    924 news articles, 4,296 text files of an installed system) is taken for cut. Of
    files cut at a block's end most are found (PolNeAR: 94%); of files cut anywhere, only
    those cut inside a character (about 1%): a cut between words or characters leaves a
    whole text, which nothing tells from an article that ends so ("Copyright 2023,
    PatriotWise.com", the last line of a seed)."""
    if decoded.cut_in_character:
        return "it stops in the middle of a character"
    end = decoded.text.rstrip()
    if end and end[-1].isalnum() and len(data) % BLOCK_BYTES == 0:
        return (f"it stops without ending its sentence, at exactly {len(data):,} bytes, a "
                f"whole number of {BLOCK_BYTES // 1024} KB blocks")
    return ""


def _damaged_utf8(data: bytes) -> DecodedText | None:
    """``data`` as UTF-8 with its few bad bytes replaced (U+FFFD), or None when it is not
    UTF-8 at all. A UTF-8 file with a stray byte, or cut short inside its last character,
    was decoded whole in a legacy encoding a detector picked (CP1125: every quotation
    mark of the article became two Cyrillic letters; robust29). It is UTF-8 when its
    well-formed multi-byte characters are at least as many as its bad bytes: legacy
    text (Windows-1252 "café") has bad bytes and next to no such characters."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    wide = len(text) - len(text.encode("ascii", "ignore")) - text.count("\ufffd")
    if bad <= 0 or wide < bad:
        return None
    return DecodedText(text, "utf-8", replaced=bad)


# Share of NUL bytes at the high-byte places (and at most at the others) by which bytes
# with NULs are taken for UTF-16 without a byte-order mark.
_WIDE_NUL_SHARE = 0.9


def _utf16_without_mark(data: bytes) -> DecodedText | None:
    """``data`` as UTF-16 saved without a byte-order mark ("Unicode" from some editors and
    exporters), or None. Text in a Latin, Greek or Cyrillic script is mostly characters
    below U+0100 (Latin) or in one block, whose high bytes repeat: in Latin text nearly
    every high byte is NUL (the even places in big-endian order, the odd ones in
    little-endian) and nearly no low byte is. Binary data with NULs shows no such
    alternation, and whatever decodes is still checked for control characters."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:_SAMPLE_CHARS * 2]
    half = len(sample) // 2
    nul_even = sample[0::2].count(0) / half
    nul_odd = sample[1::2].count(0) / half
    if nul_odd >= _WIDE_NUL_SHARE and nul_even <= 1 - _WIDE_NUL_SHARE:
        encoding = "utf-16-le"
    elif nul_even >= _WIDE_NUL_SHARE and nul_odd <= 1 - _WIDE_NUL_SHARE:
        encoding = "utf-16-be"
    else:
        return None
    try:
        return DecodedText(data.decode(encoding), encoding)
    except UnicodeDecodeError:
        return None


def _decode_legacy(data: bytes) -> DecodedText:
    from charset_normalizer import from_bytes  # a detector is only needed for legacy files

    matches = list(from_bytes(data))
    if not matches:
        raise ReaderError(NOT_TEXT_ENCODING)
    best = matches[0]
    tied = [m for m in matches if (m.chaos, -m.coherence) <= (best.chaos, -best.coherence)]
    chosen = next((m for m in tied if "cp1252" in m.could_be_from_charset), best)
    encoding = "cp1252" if "cp1252" in chosen.could_be_from_charset else chosen.encoding
    try:
        return DecodedText(data.decode(encoding), encoding)
    except (UnicodeDecodeError, LookupError):
        raise ReaderError(NOT_TEXT_ENCODING) from None


def _checked(decoded: DecodedText) -> DecodedText:
    sample = decoded.text[:_SAMPLE_CHARS]
    controls = sum(1 for _ in _CONTROLS.finditer(sample))
    if controls > _MAX_CONTROL_SHARE * max(len(sample), 1):
        raise ReaderError(NOT_TEXT_BINARY)
    return decoded


def encoding_label(encoding: str) -> str:
    """A user-facing name for a codec: 'cp1252' -> 'Windows-1252'."""
    labels = {
        "cp1250": "Windows-1250",
        "cp1251": "Windows-1251",
        "cp1252": "Windows-1252",
        "latin_1": "Latin-1",
        "iso8859_1": "Latin-1",
        "iso8859_15": "Latin-9",
        "mac_roman": "Mac Roman",
    }
    return labels.get(encoding, encoding.upper().replace("_", "-"))
