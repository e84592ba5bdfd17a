"""The file types Framescope opens, as MIME types (Linux) and document types (macOS).

The list is derived at build/install time from what the readers accept
(``models.readers.SUPPORTED_SUFFIXES``, plus the project file suffix when the
app has one), so the menu entry never claims a type the app cannot read and
never misses one a new reader added.

    python packaging/desktop_entry.py desktop TEMPLATE OUT [--exec PATH]
    python packaging/desktop_entry.py mimetypes       # one MIME type a line
"""

from __future__ import annotations

import argparse
import mimetypes
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT_SUFFIX = ".framescope"
PROJECT_MIME = "application/x-framescope"
JSONL_MIME = "application/x-ndjson"

# Suffix -> MIME type, as shared-mime-info names them (freedesktop.org.xml);
# JSON Lines has no shared-mime-info type, packaging/framescope-mime.xml defines one.
MIME_BY_SUFFIX: dict[str, str] = {
    ".txt": "text/plain",
    ".text": "text/plain",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".html": "text/html",
    ".htm": "text/html",
    ".mhtml": "application/x-mimearchive",
    ".mht": "application/x-mimearchive",
    ".xhtml": "application/xhtml+xml",
    ".csv": "text/csv",
    ".tsv": "text/tab-separated-values",
    ".tab": "text/tab-separated-values",
    ".json": "application/json",
    ".jsonl": JSONL_MIME,
    ".ndjson": JSONL_MIME,
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".rtf": "application/rtf",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".dic": "text/plain",
    PROJECT_SUFFIX: PROJECT_MIME,
}

# macOS Uniform Type Identifiers for the same suffixes (Info.plist CFBundleDocumentTypes).
UTI_BY_SUFFIX: dict[str, str] = {
    ".txt": "public.plain-text",
    ".text": "public.plain-text",
    ".md": "net.daringfireball.markdown",
    ".markdown": "net.daringfireball.markdown",
    ".html": "public.html",
    ".htm": "public.html",
    ".xhtml": "public.xhtml",
    ".csv": "public.comma-separated-values-text",
    ".tsv": "public.tab-separated-values-text",
    ".tab": "public.tab-separated-values-text",
    ".json": "public.json",
    ".pdf": "com.adobe.pdf",
    ".docx": "org.openxmlformats.wordprocessingml.document",
    ".rtf": "public.rtf",
    ".odt": "org.oasis-open.opendocument.text",
    ".xlsx": "org.openxmlformats.spreadsheetml.sheet",
    PROJECT_SUFFIX: "org.framescope.project",
}


def openable_suffixes() -> list[str]:
    """Suffixes the app opens: the readers' list, and the project file when projects exist."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from models.readers import SUPPORTED_SUFFIXES

    suffixes = {s.lower() for s in SUPPORTED_SUFFIXES}
    if _app_opens_projects():
        suffixes.add(PROJECT_SUFFIX)
    return sorted(suffixes)


def _app_opens_projects() -> bool:
    """True when the code base defines the ``.framescope`` project file suffix."""
    for package in ("models", "desktop"):
        for path in (ROOT / package).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            if f'"{PROJECT_SUFFIX}"' in text or f"'{PROJECT_SUFFIX}'" in text:
                return True
    return False


def mime_type(suffix: str) -> str:
    """The MIME type of ``suffix``; ValueError when neither the table nor Python knows it."""
    known = MIME_BY_SUFFIX.get(suffix.lower())
    if known:
        return known
    guessed, _ = mimetypes.guess_type("x" + suffix, strict=False)
    if guessed:
        return guessed
    raise ValueError(f"no MIME type known for {suffix!r}: add it to MIME_BY_SUFFIX")


def mime_types(suffixes: list[str] | None = None) -> list[str]:
    """The distinct MIME types of ``suffixes`` (default: what the app opens), in order."""
    out: list[str] = []
    for suffix in openable_suffixes() if suffixes is None else suffixes:
        mime = mime_type(suffix)
        if mime not in out:
            out.append(mime)
    return out


def desktop_entry(template: str, exec_path: str | None = None) -> str:
    """The .desktop text: ``template`` with MimeType= (and Exec=/TryExec= when given) set."""
    lines: list[str] = []
    for line in template.splitlines():
        if not lines and line.startswith("#"):
            continue  # the template's own header comment
        key = line.split("=", 1)[0]
        if key == "MimeType":
            line = "MimeType=" + "".join(m + ";" for m in mime_types())
        elif key == "Exec" and exec_path:
            line = f"Exec={_quote_exec(exec_path)} %F"
        elif key == "TryExec" and exec_path:
            line = f"TryExec={exec_path}"
        lines.append(line)
    if exec_path and not any(line.startswith("TryExec=") for line in lines):
        at = next(i for i, line in enumerate(lines) if line.startswith("Exec="))
        lines.insert(at, f"TryExec={exec_path}")
    return "\n".join(lines) + "\n"


def _quote_exec(path: str) -> str:
    """A program path as the Desktop Entry spec wants it in Exec= (quoted when needed)."""
    reserved = set(' \t\n"\'\\><~|&;$*?#()`')
    if not reserved.intersection(path):
        return path
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in path)
    # In a .desktop file the backslash itself is escaped once more (string value rules).
    return '"' + escaped.replace("\\", "\\\\") + '"'


def document_types() -> list[dict[str, object]]:
    """macOS CFBundleDocumentTypes: one entry per openable type, with its UTI and suffixes."""
    by_mime: dict[str, list[str]] = {}
    for suffix in openable_suffixes():
        by_mime.setdefault(mime_type(suffix), []).append(suffix)
    types: list[dict[str, object]] = []
    for mime, suffixes in by_mime.items():
        utis = sorted({UTI_BY_SUFFIX[s] for s in suffixes if s in UTI_BY_SUFFIX})
        entry: dict[str, object] = {
            "CFBundleTypeName": mime,
            "CFBundleTypeRole": "Editor" if mime == PROJECT_MIME else "Viewer",
            "CFBundleTypeExtensions": [s.lstrip(".") for s in suffixes],
            "CFBundleTypeMIMETypes": [mime],
            "LSHandlerRank": "Owner" if mime == PROJECT_MIME else "Alternate",
        }
        if utis:
            entry["LSItemContentTypes"] = utis
        types.append(entry)
    return types


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    desk = sub.add_parser("desktop", help="write the .desktop file")
    desk.add_argument("template", type=Path)
    desk.add_argument("out", type=Path)
    desk.add_argument("--exec", dest="exec_path", help="absolute path of the program")
    sub.add_parser("mimetypes", help="print the MIME types the app opens")
    args = parser.parse_args(argv)
    if args.command == "desktop":
        text = desktop_entry(args.template.read_text(encoding="utf-8"), args.exec_path)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write("".join(m + "\n" for m in mime_types()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
