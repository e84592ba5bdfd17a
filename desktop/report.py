"""A study's report, as HTML and PDF: every chart, the tables, the Methods text,
the versions of the app and lexicon, and a sha256 of each input file.

Qt-free (the command line and the frozen app share it). The HTML file stands
alone: charts are embedded as PNG data URIs and each chart's numbers follow it.
The PDF is drawn with matplotlib's ``PdfPages``: text pages (summary, inputs,
tables, Methods) laid out line by line, then one page per chart.
"""

from __future__ import annotations

import base64
import html
import io
import platform
import textwrap
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, ClassVar

from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure

from desktop.run_record import code_record, describe_code
from models import __version__
from models.article import ReadError
from models.dictionaries import Dictionary
from models.export import format_value, scores_columns, temporary_beside
from models.features import ArticleAnalysis
from models.measures import (
    NO_VALUE,
    comparable_measures,
    display_kind,
    format_for_reading,
    measure,
)

REPORT_FORMATS: tuple[str, ...] = ("html", "pdf")
A4 = (8.27, 11.69)


@dataclass(slots=True)
class ReportData:
    """What a report is made from. ``sources`` maps each input file to its sha256."""

    analyses: Sequence[ArticleAnalysis]
    sources: dict[str, str] = field(default_factory=dict)
    lexicon_version: str = ""
    lexicon_edited: bool = False
    dictionaries: Sequence[Dictionary] = ()
    errors: Sequence[ReadError] = ()
    excluded: Sequence[str] = ()  # ids of articles the user left out
    alignment: Any = None  # claims aligned at the user's threshold (None: the default)
    #: Every outlet loaded, excluded articles' too, in the window's colour order: the
    #: report's charts give an outlet the colour it has on screen (empty: the outlets
    #: charted, in sorted order, as the command line's charts).
    outlets_loaded: Sequence[str] = ()
    #: Which code made the numbers (desktop.run_record.code_record; None: this process's).
    code: dict[str, Any] | None = None
    title: str = "Framescope report"
    project: str = ""
    created: str = field(
        default_factory=lambda: datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    )


# ------------------------------------------------------------------ charts


def chart_variants(analyses: Sequence[ArticleAnalysis]) -> Iterator[tuple[str, str, str | None]]:
    """(file stem, chart kind, measure) of every chart: one measure-by-outlet chart per
    comparable measure and per custom-dictionary column, then the other kinds."""
    from desktop.charts import CHART_KINDS
    from models.dictionaries import dictionary_columns

    keys = [m.key for m in comparable_measures()] + dictionary_columns(analyses)
    for kind in CHART_KINDS:
        if kind.needs_measure:
            for key in keys:
                yield f"{kind.key}-{key}", kind.key, key
        else:
            yield kind.key, kind.key, None


def _charts(
    analyses: Sequence[ArticleAnalysis], alignment: Any = None,
    outlets_loaded: Sequence[str] = (),
) -> Iterator[tuple[str, Any]]:
    from desktop.charts import build_chart

    for stem, kind, key in chart_variants(analyses):
        yield stem, build_chart(kind, analyses, measure=key, alignment=alignment,
                                outlets_loaded=outlets_loaded)


def _png_data_uri(figure: Figure, dpi: int = 110) -> str:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, facecolor="white")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


# ------------------------------------------------------------------ tables


def _label(key: str) -> str:
    try:
        return measure(key).label
    except KeyError:
        return key.replace("_", " ")


def _claim_threshold(data: ReportData) -> float:
    """The similarity threshold of the claim charts: the alignment's, else the default."""
    from models.claims import DEFAULT_THRESHOLD

    threshold = getattr(data.alignment, "threshold", None)
    return float(threshold) if threshold is not None else DEFAULT_THRESHOLD


def _summary_lines(data: ReportData) -> list[tuple[str, str]]:
    outlets = len({a.outlet for a in data.analyses})
    lexicon = data.lexicon_version or "unknown"
    if data.lexicon_edited:
        lexicon += " (includes the user's edited lexicon copies)"
    rows = [
        ("Created", data.created),
        ("Framescope", __version__),
        ("Code", describe_code(data.code if data.code is not None else code_record())),
        ("Python", platform.python_version()),
        ("Lexicon version", lexicon),
        ("Articles", f"{len(data.analyses)} from {outlets} outlets"),
        ("Claim threshold", f"{_claim_threshold(data):.2f}"),
    ]
    if data.project:
        rows.insert(0, ("Project", data.project))
    if data.excluded:
        rows.append(("Excluded by the user", ", ".join(data.excluded)))
    # Counted as the command line's summary and run.json count them: a file read in
    # part (rows without text skipped, an export's article without a body) was read.
    from models.article import read_counts

    not_read, in_part = read_counts(data.errors)
    if not_read:
        rows.append(("Files not read", str(not_read)))
    if in_part:
        rows.append(("Files read in part", str(in_part)))
    for d in data.dictionaries:
        rows.append((f"Dictionary {d.name}",
                     f"{len(d.entries)} entries, {len(d.categories)} categories, "
                     f"sha256 {d.sha256}"))
    return rows


READ_IN_PART = "read in part"


def read_state(error: ReadError) -> str:
    """How much of ``error``'s file was read, in a word or two: "not read", "read in
    part" (its other articles are in the tables), or the notice ("skipped", "no body")."""
    if error.notice:
        return error.notice
    return READ_IN_PART if error.partial else "not read"


def _input_rows(data: ReportData) -> list[tuple[str, str, str]]:
    """(file, sha256, how it was read) of every input file, articles' sources first: a
    file read in part says so beside its articles' hash."""
    in_part = {e.file for e in data.errors if not e.notice and e.partial}
    rows = []
    seen = set()

    def read(source: str) -> str:
        return READ_IN_PART if source in in_part else "whole"

    for analysis in data.analyses:
        source = analysis.article.source
        if source and source not in seen:
            seen.add(source)
            rows.append((source, data.sources.get(source, "(file not found when hashed)"),
                         read(source)))
    for source, digest in data.sources.items():
        if source not in seen:
            rows.append((source, digest, read(source)))
    return rows


def _outlet_table(data: ReportData) -> tuple[list[str], list[list[str]]]:
    """Measures as rows, outlets as columns (fits a page better than the reverse)."""
    from models.compare import compare_outlets
    from models.dictionaries import dictionary_columns

    keys = [m.key for m in comparable_measures()] + dictionary_columns(data.analyses)
    summaries = compare_outlets(list(data.analyses), keys)
    header = ["Measure"] + [f"{s.outlet} ({len(s.article_ids)})" for s in summaries]
    body = [[_label(k)] + [_shown(k, s.mean[k], mean=True) for s in summaries] for k in keys]
    return header, body


_ARTICLE_LABELS = {"article_id": "Article", "outlet": "Outlet", "date": "Date"}


def _shown(key: str, value: Any, *, mean: bool = False) -> str:
    """A measure's value as the app's table shows it (one formatting, the table's:
    :func:`models.measures.format_for_reading`): "47%", "+0.43", "yes", not the CSV's
    0.473684 (ux22 #11, session 22: the report's "0.80429" beside the table's "80%").
    An outlet's ``mean`` of a count keeps 2 decimals (2.50 sources, not 2); of a flag,
    it is the share of articles flagged ("50%")."""
    try:
        kind = display_kind(measure(key))
    except KeyError:
        return format_value(value) or NO_VALUE
    if mean and kind == "count":
        kind = "decimal"
    elif mean and kind == "flag":
        kind = "share"
    return format_for_reading(value, kind)


def _scores_table(data: ReportData) -> tuple[list[str], list[list[str]]]:
    """One row per article under the app's labels ("Named sources", not
    sources_named_people): the codebook beside scores.csv maps them to its columns."""
    columns = [c for c in scores_columns(list(data.analyses))
               if c not in ("file", "headline", "url", "outlet_origin", "language")]
    from models.export import score_row

    header = [_ARTICLE_LABELS.get(c) or _label(c) for c in columns]
    body = []
    for analysis in data.analyses:
        row = score_row(analysis)
        body.append([str(row.get(c) or "") if c in _ARTICLE_LABELS else _shown(c, row.get(c))
                     for c in columns])
    return header, body


# ------------------------------------------------------------------- HTML

_CSS = """
body { font-family: 'DejaVu Sans', Arial, sans-serif; margin: 2em auto; max-width: 70em;
       color: #222; line-height: 1.4; }
h1 { font-size: 1.7em; } h2 { border-bottom: 1px solid #ccc; margin-top: 2em; }
table { border-collapse: collapse; font-size: 0.85em; margin: 0.5em 0; }
th, td { border: 1px solid #ddd; padding: 2px 6px; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
code, .hash { font-family: 'DejaVu Sans Mono', monospace; font-size: 0.9em; }
figure { margin: 1.5em 0; } figure img { max-width: 100%; border: 1px solid #eee; }
.scroll { overflow-x: auto; } .muted { color: #777; }
"""


def _html_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)

    def cell(value: str) -> str:
        bare = value.removesuffix("%").lstrip("+-−").replace(",", "")
        numeric = bare.replace(".", "", 1).replace("-", "", 1).replace("e", "", 1).isdigit()
        return f"<td{' class=num' if numeric else ''}>{html.escape(value)}</td>"

    body = "".join("<tr>" + "".join(cell(v) for v in row) + "</tr>" for row in rows)
    return f"<div class=scroll><table><tr>{head}</tr>{body}</table></div>"


def _methods_body() -> str:
    from desktop.methods_text import methods_html

    text = methods_html()
    start = text.find("<body>")
    end = text.rfind("</body>")
    return text[start + 6:end] if start >= 0 and end > start else text


def report_html(data: ReportData) -> str:
    """The report as one self-contained HTML page."""
    from desktop.charts import render

    e = html.escape
    parts = [
        f"<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>{e(data.title)}"
        f"</title><style>{_CSS}</style></head><body>",
        f"<h1>{e(data.title)}</h1>",
        "<h2>Summary</h2>",
        _html_table(["", ""], _summary_lines(data)),
        "<h2>Input files</h2><p>The sha256 of each file read, so the study can be checked "
        "and repeated on the same files.</p>",
        _html_table(["File", "sha256", "Read"], _input_rows(data)),
    ]
    if data.errors:
        parts += ["<h2>Files not read or read in part</h2><p>A file read in part had rows "
                  "or articles left out (the reason names them); its other articles are "
                  "in the tables.</p>",
                  _html_table(["File", "Read", "Reason"],
                              [(x.file, read_state(x), x.reason) for x in data.errors])]
    header, rows = _outlet_table(data)
    parts += ["<h2>Outlets</h2><p>Mean of each measure over the outlet's articles "
              "(number of articles in brackets).</p>", _html_table(header, rows)]
    header, rows = _scores_table(data)
    parts += ["<h2>Articles</h2>", _html_table(header, rows), "<h2>Charts</h2>"]
    if data.analyses:
        for stem, chart in _charts(data.analyses, data.alignment, data.outlets_loaded):
            figure = render(chart, __version__)
            columns, chart_rows = chart.rows()
            table = _html_table(columns, [[format_value(r.get(c)) for c in columns]
                                          for r in chart_rows])
            parts.append(
                f"<figure id='{e(stem)}'><img alt='{e(chart.title)}' "
                f"src='{_png_data_uri(figure)}'><figcaption>{e(chart.title)} "
                f"<span class=muted>({e(stem)})</span></figcaption>"
                f"<details><summary>Data</summary>{table}</details></figure>"
            )
    else:
        parts.append("<p class=muted>No article was analysed: no charts.</p>")
    parts.append("<h2>Methods</h2>")
    parts += [_methods_body(), "</body></html>"]
    return "".join(parts)


# -------------------------------------------------------------------- PDF


class _HTMLText(HTMLParser):
    """The Methods HTML as (style, text) paragraphs for the PDF."""

    _BLOCKS = frozenset({"p", "li", "tr", "h1", "h2", "h3", "div", "br", "table", "ul"})

    def __init__(self) -> None:
        super().__init__()
        self.paragraphs: list[tuple[str, str]] = []
        self._buffer: list[str] = []
        self._style = "body"
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "head", "title"):
            self._skip += 1
        if tag in self._BLOCKS:
            self._flush()
        if tag in ("h1", "h2", "h3"):
            self._style = tag
        elif tag == "li":
            self._buffer.append("• ")
        elif tag in ("td", "th") and self._buffer:
            self._buffer.append(" — ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "head", "title"):
            self._skip -= 1
        if tag in self._BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._buffer.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self._buffer).split())
        if text:
            self.paragraphs.append((self._style, text))
        self._buffer = []
        self._style = "body"


class _TextPages:
    """Lays out lines of text on A4 pages of a PdfPages, a new page when one is full."""

    TOP, BOTTOM, LEFT = 0.93, 0.06, 0.08
    SIZES: ClassVar[dict[str, float]] = {"h1": 15.0, "h2": 12.0, "h3": 10.0, "body": 8.5, "mono": 6.6, "small": 7.0}

    def __init__(self, pdf: PdfPages, footer: str) -> None:
        self.pdf = pdf
        self.footer = footer
        self.figure: Figure | None = None
        self.y = self.TOP
        self.page = 0

    def _new_page(self) -> Figure:
        self.finish()
        self.figure = Figure(figsize=A4)
        self.page += 1
        self.figure.text(0.92, 0.03, f"{self.footer} · page {self.page}", ha="right",
                         fontsize=6.5, color="#777777")
        self.y = self.TOP
        return self.figure

    def finish(self) -> None:
        if self.figure is not None:
            self.pdf.savefig(self.figure)  # type: ignore[no-untyped-call]
            self.figure = None

    def line(self, text: str, style: str = "body", gap: float = 0.0) -> None:
        size = self.SIZES[style]
        height = size * 1.45 / 72 / A4[1]
        if self.figure is None or self.y - height - gap < self.BOTTOM:
            self._new_page()
        else:
            self.y -= gap
        assert self.figure is not None
        self.figure.text(
            self.LEFT, self.y, text, fontsize=size, va="top",
            family="DejaVu Sans Mono" if style == "mono" else "DejaVu Sans",
            weight="bold" if style in ("h1", "h2", "h3") else "normal",
        )
        self.y -= height

    def paragraph(self, text: str, style: str = "body") -> None:
        # Characters per line at this size on the page's 84% width (DejaVu Sans ≈ 0.55 em).
        width = int(0.84 * A4[0] * 72 / (self.SIZES[style] * 0.55))
        gap = {"h1": 0.0, "h2": 0.02, "h3": 0.012}.get(style, 0.004)
        for i, line in enumerate(textwrap.wrap(text, width) or [""]):
            self.line(line, style, gap if i == 0 else 0.0)

    def table(self, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        """A monospace table; too many columns are split into several tables, each
        repeating the first column."""
        # DejaVu Sans Mono advances 0.602 em per character.
        max_chars = int((1 - 2 * self.LEFT) * A4[0] * 72 / (self.SIZES["mono"] * 0.602))
        widths = [min(max([len(header[i])] + [len(r[i]) for r in rows]), 28)
                  for i in range(len(header))]
        groups: list[list[int]] = []
        current = [0]
        used = widths[0]
        for i in range(1, len(header)):
            if used + widths[i] + 2 > max_chars and len(current) > 1:
                groups.append(current)
                current, used = [0], widths[0]
            current.append(i)
            used += widths[i] + 2
        groups.append(current)

        def fit(value: str, width: int, right: bool) -> str:
            value = value if len(value) <= width else value[: width - 1] + "…"
            return value.rjust(width) if right else value.ljust(width)

        for group in groups:
            self.line("  ".join(fit(header[i], widths[i], i > 0) for i in group), "mono", 0.008)
            self.line("  ".join("-" * widths[i] for i in group), "mono")
            for row in rows:
                self.line("  ".join(fit(row[i], widths[i], i > 0) for i in group), "mono")


def write_report_pdf(path: Path, data: ReportData) -> None:
    """The report as PDF (A4): summary, inputs, tables, charts, Methods."""
    from desktop.charts import render
    from desktop.charts.style import seams_closed

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = temporary_beside(path)
    footer = f"{data.title} · Framescope {__version__} · {data.created}"
    try:
        with PdfPages(tmp, metadata={"Title": data.title,
                                     "Creator": f"Framescope {__version__}"}) as pdf:
            pages = _TextPages(pdf, footer)
            pages.paragraph(data.title, "h1")
            pages.paragraph("Summary", "h2")
            for key, value in _summary_lines(data):
                pages.paragraph(f"{key}: {value}")
            pages.paragraph("Input files (sha256)", "h2")
            for source, digest, read in _input_rows(data):
                pages.paragraph(source if read == "whole" else f"{source} ({read})", "small")
                pages.line(f"    {digest}", "mono")
            if data.errors:
                pages.paragraph("Files not read or read in part", "h2")
                for error in data.errors:
                    pages.paragraph(f"{error.file} ({read_state(error)}): {error.reason}",
                                    "small")
            pages.paragraph("Outlets (mean per article; articles in brackets)", "h2")
            pages.table(*_outlet_table(data))
            pages.paragraph("Articles", "h2")
            pages.table(*_scores_table(data))
            pages.finish()
            charts = _charts(data.analyses, data.alignment, data.outlets_loaded)
            for _stem, chart in charts if data.analyses else ():
                figure = render(chart, __version__)
                with seams_closed(figure):  # as save_figure writes a PDF
                    pdf.savefig(figure, facecolor="white")
            pages = _TextPages(pdf, footer)
            pages.page = pdf.get_pagecount()
            parser = _HTMLText()
            parser.feed(_methods_body())
            parser.close()
            for style, text in parser.paragraphs:
                pages.paragraph(text, style)
            pages.finish()
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)


def write_report_html(path: Path, data: ReportData) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = temporary_beside(path)
    try:
        tmp.write_text(report_html(data), encoding="utf-8")
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)


def write_report(stem: Path, data: ReportData, formats: Sequence[str]) -> list[Path]:
    """Write ``stem.html`` and/or ``stem.pdf``; returns the files written.

    The report's dictionaries become the registered ones, so the Methods text
    defines their measures.
    """
    from models.dictionaries import register

    if data.dictionaries:
        register(data.dictionaries)
    written = []
    for fmt in formats:
        if fmt not in REPORT_FORMATS:
            raise ValueError(f"unknown report format {fmt!r}; choose from html, pdf")
        path = Path(stem).with_suffix(f".{fmt}")
        try:
            (write_report_html if fmt == "html" else write_report_pdf)(path, data)
        except OSError as error:
            if error.filename == str(temporary_beside(path)):
                # The file chosen is ``path``: name it, not the hidden one written first.
                error.filename, error.filename2 = str(path), None
            raise
        written.append(path)
    return written
