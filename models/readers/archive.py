"""Zip containers (DOCX, ODT, XLSX) opened without trusting them.

Office files are zip archives of XML. A hostile one can be a *zip bomb* (a
few kilobytes that inflate to gigabytes) or carry an *XML entity bomb*
("billion laughs": nested entity definitions that expand exponentially).
Before anything is inflated, :func:`open_zip` checks every member's declared
size, the total, and the compression ratio; :func:`read_member` then reads at
most the declared size plus one byte (a header can lie), and
:func:`parse_xml` parses with defusedxml, which refuses DTDs and entity
declarations outright (office XML never needs them).
"""

from __future__ import annotations

import io
import zipfile
import zlib
from xml.etree.ElementTree import Element

from models.readers.text import ReaderError, parser_words

# One XML part of a document larger than this (bytes, uncompressed) is not text we want.
MAX_MEMBER_BYTES = 200 * 1024 * 1024
# All members together, uncompressed (bytes).
MAX_TOTAL_BYTES = 500 * 1024 * 1024
# Members that inflate more than this many times their stored size are refused,
# once they are past MIN_RATIO_CHECK_BYTES (small, repetitive XML compresses well).
MAX_RATIO = 200
MIN_RATIO_CHECK_BYTES = 10 * 1024 * 1024
MAX_MEMBERS = 10_000
# A zip's end-of-directory record is in its last 22 bytes plus a comment of up to 64 KB.
_END_RECORD_SPAN = 22 + 65_535


def _cut_short(data: bytes) -> bool:
    """A zip whose first part's header is whole, but without the directory that ends every
    zip: the start of a real archive, cut off."""
    if not data.startswith(b"PK\x03\x04") or len(data) < 30:
        return False
    name_length = int.from_bytes(data[26:28], "little")
    name = data[30 : 30 + name_length]
    return (0 < name_length == len(name) and name.isascii() and name.decode().isprintable()
            and b"PK\x05\x06" not in data[-_END_RECORD_SPAN:])


def open_zip(data: bytes, kind: str) -> zipfile.ZipFile:
    """The archive in ``data``, checked for bombs; raise :class:`ReaderError` otherwise.

    ``kind`` names the format in messages ("Word document").
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        if _cut_short(data):
            # A zip starts with its parts and ends with their directory: this one stops
            # short, as a download or copy cut off does ("damaged" alone left users
            # guessing; audit s32, as ux28 for PDFs).
            raise ReaderError(
                f"the {kind} is incomplete: it stops before its end (a download or copy cut "
                "short?), so it could not be read; download or copy it again") from None
        # "or not a zip archive" was the packing's name, not the file's a user knows (s32).
        raise ReaderError(f"not a valid {kind}: the file is damaged or of another kind") from None
    if len(members) > MAX_MEMBERS:
        raise ReaderError(f"not read: the {kind} holds {len(members)} parts (a zip bomb?)")
    total = 0
    for member in members:
        if member.file_size > MAX_MEMBER_BYTES:
            raise ReaderError(
                f"not read: a part of this {kind} ({member.filename}) would unpack to "
                f"{member.file_size / 1024 / 1024:.0f} MB (a zip bomb?); the limit is "
                f"{MAX_MEMBER_BYTES // 1024 // 1024} MB"
            )
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > MIN_RATIO_CHECK_BYTES and ratio > MAX_RATIO:
            raise ReaderError(
                f"not read: a part of this {kind} ({member.filename}) is compressed "
                f"{ratio:.0f} to 1 (a zip bomb?)"
            )
        total += member.file_size
    if total > MAX_TOTAL_BYTES:
        raise ReaderError(
            f"not read: this {kind} would unpack to {total / 1024 / 1024:.0f} MB "
            f"(a zip bomb?); the limit is {MAX_TOTAL_BYTES // 1024 // 1024} MB"
        )
    return archive


def read_member(archive: zipfile.ZipFile, name: str, kind: str) -> bytes:
    """One member's bytes, never more than its declared size; ReaderError if absent or bad."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        raise ReaderError(f"not a valid {kind}: it has no {name}") from None
    try:
        with archive.open(info) as stream:
            data = stream.read(min(info.file_size, MAX_MEMBER_BYTES) + 1)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError,
            RuntimeError, zlib.error) as error:
        # zlib.error: damaged compressed bytes (it went by as a reader failure, s32).
        # The parser's words ("Bad CRC-32 for file ...") go to the log, not the reason.
        if isinstance(error, RuntimeError) and "encrypted" in str(error):
            reason = (f"not read: this {kind} is protected by a password; remove the "
                      "password and save it again")
        elif isinstance(error, NotImplementedError):  # a compression zipfile lacks
            reason = (f"not a valid {kind}: it is packed in a way Framescope cannot unpack; "
                      "open it and save it again in the program that made it")
        else:
            reason = (f"not a valid {kind}: it is damaged (a part of it cannot be unpacked); "
                      "download or copy it again, or open and save it again")
        raise ReaderError(reason, f"{name}: {parser_words(error)}") from None
    if len(data) > info.file_size:
        raise ReaderError(f"not read: {name} in this {kind} is larger than it claims (a zip bomb?)")
    return data


def parse_xml(data: bytes, kind: str) -> Element:
    """Parse XML with DTDs and entities refused; ReaderError with the reason otherwise."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    try:
        root: Element = fromstring(data, forbid_dtd=True, forbid_entities=True,
                                   forbid_external=True)
    except DefusedXmlException:
        raise ReaderError(
            f"not read: this {kind} declares XML entities or a DTD, which office files never "
            "need (an XML entity bomb?)"
        ) from None
    except (ParseError, ValueError) as error:
        # "its XML is damaged (unclosed token: line 2, column 0)" told a journalist nothing.
        raise ReaderError(f"not a valid {kind}: it is damaged (a part of it cannot be read); "
                          "download or copy it again, or open and save it again",
                          parser_words(error)) from None
    return root
