"""Word (.docx) and OpenDocument (.odt) files: their paragraphs, read from the XML.

Both are zip archives of XML (ECMA-376 WordprocessingML ``word/document.xml``;
OASIS OpenDocument 1.2 ``content.xml``). They are opened with the checks of
:mod:`models.readers.archive` (zip bombs, entity bombs) and read directly,
without python-docx or odfpy: only the text of the body's paragraphs is
needed. A paragraph is one line of the result; tabs stay tabs; a line break
inside a paragraph starts a new line; deleted revisions, field codes,
footnotes, comments, headers and footers are left out.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from models.readers.archive import open_zip, parse_xml, read_member
from models.readers.text import ReaderError

DOCX_KIND = "Word document"
ODT_KIND = "OpenDocument text"

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def docx_paragraphs(data: bytes) -> list[str]:
    """The paragraphs of a .docx file's body, in order (empty paragraphs included)."""
    archive = open_zip(data, DOCX_KIND)
    names = set(archive.namelist())
    if "word/document.xml" not in names:
        raise ReaderError(f"not a valid {DOCX_KIND}: it has no word/document.xml")
    root = parse_xml(read_member(archive, "word/document.xml", DOCX_KIND), DOCX_KIND)
    body = root.find(f"{_W}body")
    if body is None:
        raise ReaderError(f"not a valid {DOCX_KIND}: word/document.xml has no body")
    paragraphs: list[str] = []
    _docx_block(body, paragraphs)
    return paragraphs


def _docx_block(element: Element, out: list[str]) -> None:
    for child in element:
        if child.tag == f"{_W}p":
            parts: list[str] = []
            nested: list[str] = []
            _docx_runs(child, parts, nested)
            out.extend("".join(parts).split("\n"))
            out.extend(nested)
        elif child.tag in (f"{_W}del", f"{_W}moveFrom"):
            continue
        else:  # tables, rows, cells, content controls, inserted revisions
            _docx_block(child, out)


def _docx_runs(element: Element, parts: list[str], nested: list[str]) -> None:
    for child in element:
        tag = child.tag
        if tag == f"{_W}t":
            parts.append(child.text or "")
        elif tag == f"{_W}tab":
            parts.append("\t")
        elif tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
        elif tag == f"{_W}noBreakHyphen":
            parts.append("\u2011")
        elif tag in (f"{_W}del", f"{_W}moveFrom", f"{_W}instrText", f"{_W}delText",
                     f"{_W}footnoteReference", f"{_W}commentReference"):
            continue
        elif tag == f"{_W}txbxContent":  # a text box: its paragraphs follow this one
            _docx_block(child, nested)
        else:
            _docx_runs(child, parts, nested)


def odt_paragraphs(data: bytes) -> list[str]:
    """The paragraphs and headings of an .odt file's text, in order."""
    archive = open_zip(data, ODT_KIND)
    names = set(archive.namelist())
    if "content.xml" not in names:
        raise ReaderError(f"not a valid {ODT_KIND}: it has no content.xml")
    if "mimetype" in names:
        mimetype = read_member(archive, "mimetype", ODT_KIND).strip()
        if mimetype != _ODT_MIMETYPE:
            shown = mimetype.decode("ascii", "replace")[:80]
            raise ReaderError(f"not an OpenDocument text document (it is {shown})")
    root = parse_xml(read_member(archive, "content.xml", ODT_KIND), ODT_KIND)
    body = root.find(f"{_OFFICE}body")
    text = body.find(f"{_OFFICE}text") if body is not None else None
    if text is None:
        raise ReaderError(f"not a valid {ODT_KIND}: content.xml has no text body")
    paragraphs: list[str] = []
    _odt_block(text, paragraphs)
    return paragraphs


def _odt_block(element: Element, out: list[str]) -> None:
    for child in element:
        if child.tag in (f"{_TEXT}p", f"{_TEXT}h"):
            parts: list[str] = []
            _odt_inline(child, parts)
            out.extend("".join(parts).split("\n"))
        elif child.tag in (f"{_TEXT}tracked-changes", f"{_OFFICE}annotation"):
            continue
        else:  # lists, sections, tables, frames
            _odt_block(child, out)


def _odt_inline(element: Element, parts: list[str]) -> None:
    if element.text:
        parts.append(element.text)
    for child in element:
        tag = child.tag
        if tag == f"{_TEXT}s":
            count = child.get(f"{_TEXT}c", "1")
            parts.append(" " * (int(count) if count.isdigit() and int(count) < 1000 else 1))
        elif tag == f"{_TEXT}tab":
            parts.append("\t")
        elif tag == f"{_TEXT}line-break":
            parts.append("\n")
        elif tag in (f"{_TEXT}note", f"{_OFFICE}annotation", f"{_OFFICE}annotation-end"):
            pass
        else:
            _odt_inline(child, parts)
        if child.tail:
            parts.append(child.tail)
