"""Writers of real document files for tests and bench/mixed_corpus.py.

PDF with fpdf2, DOCX with python-docx, XLSX with openpyxl (real producers);
ODT and RTF written by hand after their specifications (OpenDocument 1.2,
RTF 1.9.1); Nexis Uni and Factiva exports laid out as documented in
models/readers/exports.py.
"""

from __future__ import annotations

import html
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


@dataclass(frozen=True)
class Story:
    headline: str
    paragraphs: Sequence[str]
    outlet: str = "The Daily Example"
    date: str = "May 18, 2023"  # as Nexis and Factiva print it
    byline: str = "Jane Doe"
    url: str = ""


def write_pdf(path: Path, paragraphs: Sequence[str], *, pages: int = 1) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_auto_page_break(True, margin=15)
    if DEJAVU.exists():
        pdf.add_font("DejaVu", fname=str(DEJAVU))
        pdf.set_font("DejaVu", size=11)
        clean = list(paragraphs)
    else:
        pdf.set_font("Helvetica", size=11)
        clean = [p.encode("latin-1", "replace").decode("latin-1") for p in paragraphs]
    per_page = max(1, -(-len(clean) // pages))
    for start in range(0, len(clean), per_page):
        pdf.add_page()
        for paragraph in clean[start : start + per_page]:
            pdf.multi_cell(0, 6, paragraph)
            pdf.ln(4)
    pdf.output(str(path))
    return path


def write_image_only_pdf(path: Path) -> Path:
    """A 'scanned' page: one picture, no text layer."""
    from fpdf import FPDF

    png = path.with_suffix(".png")
    _tiny_png(png)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(str(png), x=10, y=10, w=100)
    pdf.output(str(path))
    png.unlink()
    return path


def _tiny_png(path: Path) -> None:
    import struct
    import zlib

    width = height = 8
    raw = b"".join(b"\x00" + bytes([200, 200, 200]) * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def write_docx(path: Path, paragraphs: Sequence[str], *, page_break_after: Sequence[int] = ()) -> Path:
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    for index, paragraph in enumerate(paragraphs):
        written = document.add_paragraph(paragraph)
        if index in page_break_after:
            written.add_run().add_break(WD_BREAK.PAGE)
    document.save(str(path))
    return path


def write_odt(path: Path, paragraphs: Sequence[str], *, heading: str = "") -> Path:
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"'
    )
    body = f'<text:h text:outline-level="1">{escape(heading)}</text:h>' if heading else ""
    for paragraph in paragraphs:
        parts = paragraph.split("  ")
        inner = '<text:s text:c="2"/>'.join(escape(p) for p in parts)
        body += f"<text:p>{inner}</text:p>"
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns}>'
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
    return path


def rtf_escape(text: str) -> str:
    out = []
    for char in text:
        code = ord(char)
        if char in "\\{}":
            out.append("\\" + char)
        elif char == "\t":
            out.append("\\tab ")
        elif 32 <= code < 128:
            out.append(char)
        elif 128 <= code < 256 and char.encode("cp1252", "ignore"):
            out.append(f"\\'{char.encode('cp1252')[0]:02x}")
        else:
            signed = code if code < 32768 else code - 65536
            if code > 0xFFFF:
                out.append("?")
            else:
                out.append(f"\\u{signed}?")
    return "".join(out)


def rtf_document(lines: Sequence[str]) -> bytes:
    head = (
        "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\froman Times New Roman;}}"
        "{\\colortbl;\\red0\\green0\\blue0;}{\\*\\generator Framescope tests;}"
        "{\\info{\\title Export}{\\author Nobody}}\\viewkind4\\uc1\\pard\\f0\\fs24 "
    )
    body = "".join(f"{rtf_escape(line)}\\par\n" for line in lines)
    return (head + body + "}").encode("ascii")


def write_rtf(path: Path, paragraphs: Sequence[str]) -> Path:
    path.write_bytes(rtf_document(paragraphs))
    return path


def nexis_lines(stories: Sequence[Story], *, cover: bool = True) -> list[str]:
    lines: list[str] = []
    if cover:
        lines += [
            f"Documents ({len(stories)})",
            *[f"{n}. {s.headline}" for n, s in enumerate(stories, start=1)],
            "Client/Matter: -None-",
            "Search Terms: kremlin resign",
            "Search Type: Terms and Connectors",
            "Narrowed by: ",
            "Content Type Narrowed by",
            "News Timeline: May 01, 2023 to May 31, 2023",
            "",
        ]
    for story in stories:
        words = sum(len(p.split()) for p in story.paragraphs)
        lines += [
            story.headline,
            story.outlet,
            f"{story.date} Thursday 10:00 PM GMT",
            f"Copyright 2023 {story.outlet} All Rights Reserved",
            "",
            "Section: WORLD NEWS; Version:2",
            f"Length: {words} words",
            f"Byline: {story.byline}",
            "Body",
            "",
            *[x for p in story.paragraphs for x in (p, "")],
            "Classification",
            "Language: ENGLISH",
            "Publication-Type: Newspaper",
            "Subject: POLITICS (90%); RESIGNATIONS (78%)",
            f"Load-Date: {story.date}",
            "",
            "End of Document",
        ]
    return lines


def write_nexis_docx(path: Path, stories: Sequence[Story]) -> Path:
    lines = nexis_lines(stories)
    breaks = [i for i, line in enumerate(lines) if line == "End of Document"]
    return write_docx(path, lines, page_break_after=breaks)


def write_nexis_rtf(path: Path, stories: Sequence[Story]) -> Path:
    path.write_bytes(rtf_document(nexis_lines(stories)))
    return path


def factiva_lines(stories: Sequence[Story], *, tabbed: bool = False) -> list[str]:
    """Full Article/Report plus Indexing; ``tabbed`` puts each code in a table cell before its text."""
    lines: list[str] = []
    for number, story in enumerate(stories, start=1):
        words = sum(len(p.split()) for p in story.paragraphs)
        day = _day_month_year(story.date)
        code = "".join(w[0] for w in story.outlet.split()).upper()[:4] or "XX"
        fields: list[tuple[str, list[str]]] = [
            ("HD", [story.headline]),
            ("BY", [f"By {story.byline}"]),
            ("WC", [f"{words} words"]),
            ("PD", [day]),
            ("ET", ["22:00"]),
            ("SN", [story.outlet]),
            ("SC", [code]),
            ("LA", ["English"]),
            ("CY", [f"(c) 2023 {story.outlet}. All rights reserved."]),
            ("LP", list(story.paragraphs[:2])),
            ("TD", list(story.paragraphs[2:])),
            ("NS", ["gpol : Domestic Politics | gcat : Political/General News"]),
            ("RE", ["russ : Russia | eurz : Europe"]),
            ("PUB", [f"{story.outlet} Ltd"]),
            ("AN", [f"Document {code}0000202305{number:02d}ej5i000{number:02d}x"]),
        ]
        for field_code, values in fields:
            if tabbed and values:
                lines.append(f"{field_code}\t{values[0]}")
                lines += values[1:]
            else:
                lines.append(field_code)
                lines += values
            lines.append("")
    return lines


def _day_month_year(date: str) -> str:
    import datetime as dt

    return dt.datetime.strptime(date, "%B %d, %Y").strftime("%-d %B %Y")


def write_factiva_rtf(path: Path, stories: Sequence[Story], *, tabbed: bool = False) -> Path:
    lines = factiva_lines(stories, tabbed=tabbed)
    head = "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Arial;}}\\pard "
    body = []
    for line in lines:
        if "\t" in line:  # a table row: code cell, text cell
            code, text = line.split("\t", 1)
            body.append(f"\\trowd\\cellx1000\\cellx9000 {code}\\cell {rtf_escape(text)}\\cell\\row\n")
        else:
            body.append(f"{rtf_escape(line)}\\par\n")
    path.write_bytes((head + "".join(body) + "}").encode("ascii"))
    return path


def write_factiva_html(path: Path, stories: Sequence[Story]) -> Path:
    parts = ['<html><head><meta charset="utf-8"><title>Factiva</title></head><body>'
             '<div id="headlines">Search results</div>']
    for number, story in enumerate(stories, start=1):
        words = sum(len(p.split()) for p in story.paragraphs)
        e = html.escape
        parts.append(
            f'<div class="article enArticle"><div id="hd"><span class="enHeadline">{e(story.headline)}</span></div>'
            f'<div class="author">By {e(story.byline)}</div>'
            f"<div>{words} words</div><div>{_day_month_year(story.date)}</div>"
            f"<div>{e(story.outlet)}</div><div>DEXM</div><div>English</div>"
            f"<div>(c) 2023 {e(story.outlet)}</div>"
            + "".join(f'<p class="articleParagraph enarticleParagraph">{e(p)}</p>' for p in story.paragraphs)
            + f"<div>Document DEXM00002023051{number}ej5i0001x</div></div>"
        )
    parts.append("</body></html>")
    path.write_text("".join(parts), encoding="utf-8")
    return path


def write_xlsx(path: Path, header: Sequence[str], rows: Sequence[Sequence[object]]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    book.save(str(path))
    return path
