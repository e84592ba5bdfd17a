"""The public CSV contract: ``scores.csv``, ``outlets.csv``, ``spans.csv``, ``errors.csv``,
the files across outlets (claims, sources, reuse, topics, distinctive words, off-story
sentences), and the codebook that describes every column of them (``codebook.csv``).

Scripts and other people's studies read these files: columns are only ever
added, never renamed or removed. Numbers are written with 6 significant
digits, flags as 1/0, undefined values as empty cells.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from models.article import HEADLINE_INDEX, ReadError
from models.compare import compare_outlets
from models.features import ArticleAnalysis
from models.measures import (
    CODEBOOK_COLUMNS,
    codebook_rows,
    comparable_measures,
    outlet_codebook_rows,
    quoted_measures,
)
from models.voice import quoted_flags, reported_flags

if TYPE_CHECKING:
    from models.claims import ClaimAlignment
    from models.sources import Source

# The contract's columns first, in the documented order; additions after them.
SCORES_COLUMNS: tuple[str, ...] = (
    "article_id", "file", "outlet", "headline", "date", "words", "sentences",
    "hedges_epistemic_per_100w", "hedges_evidential_per_100w", "boosters_per_100w",
    "attributions_per_100w", "sources_named", "sources_anonymous", "loaded_per_100w",
    "tone_mean", "tone_negative_share", "headline_tone", "headline_hedged",
    "headline_body_gap",
    # additions
    "estimative_probability_mean", "attributions_factive_share",
    "attributions_loaded_share", "outlet_origin", "language", "url",
    "hedges_weasel_per_100w", "hedges_vague_per_100w",
    "tone_news_mean", "headline_sensational", "sources_described",
    "hedges_epistemic_own_per_100w", "hedges_epistemic_quoted_per_100w",
    "hedges_evidential_own_per_100w", "hedges_evidential_quoted_per_100w",
    "boosters_own_per_100w", "boosters_quoted_per_100w", "sources_named_people",
    "headline_tone_news",
)

SPANS_COLUMNS: tuple[str, ...] = (
    "article_id", "start", "end", "text", "category", "subcategory", "sentence_index",
    "in_headline", "probability_low", "probability_high",
    # additions
    "term", "negated", "quoted", "reported",
)

ERRORS_COLUMNS: tuple[str, ...] = ("file", "reason")

# One row per sentence stating a claim (models.claims); "representative" marks the
# sentence that gives its article's certainty for the claim.
CLAIMS_COLUMNS: tuple[str, ...] = (
    "claim_id", "claim_label", "article_id", "outlet", "sentence_index", "sentence",
    "certainty", "probability_low", "probability_high", "attributed_to",
    # additions
    "cue", "representative", "similarity", "claim_outlets", "threshold",
)

# One row per source and article citing it (models.sources).
SOURCES_COLUMNS: tuple[str, ...] = (
    "source_id", "source_name", "source_type", "aliases", "article_id", "outlet",
    "mentions", "sentence_indices", "report_verbs",
    # additions
    "via_mentions", "merged_by", "texts",
)

# Emphasis (models.emphasis): topic shares per outlet (topic_id 'off_story' for the
# off-story share), distinctive words, and every sentence's topic and support.
TOPICS_COLUMNS: tuple[str, ...] = (
    "topic_id", "topic_label", "top_words", "outlet", "sentences", "outlet_sentences", "share",
)
DISTINCTIVE_WORDS_COLUMNS: tuple[str, ...] = (
    "outlet", "word", "z_score", "log_odds", "count", "count_other_outlets", "rank",
)
# Text reuse (models.reuse): one row per passage shared by two articles.
REUSE_COLUMNS: tuple[str, ...] = (
    "article_a", "outlet_a", "start_a", "end_a", "article_b", "outlet_b", "start_b",
    "end_b", "shared_words", "text",
    # additions
    "text_b", "sentence_a", "sentence_b", "words_a", "words_b", "verbatim", "quotation",
    "direction", "also_in", "common_sources",
)
OFF_STORY_COLUMNS: tuple[str, ...] = (
    "article_id", "outlet", "sentence_index", "topic_id", "support", "support_smoothed",
    "off_story", "sentence",
)


def format_value(value: Any) -> str:
    """A cell: 6 significant digits for floats, 1/0 for flags, '' for None/NaN."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return "" if math.isnan(value) else f"{value:.6g}"
    return str(value)


def score_row(analysis: ArticleAnalysis) -> dict[str, Any]:
    """One article's row of ``scores.csv`` (raw values, not yet formatted)."""
    article = analysis.article
    row: dict[str, Any] = {
        "article_id": article.article_id,
        "file": article.source,
        "outlet": article.outlet,
        "headline": article.headline,
        "date": article.date,
        "outlet_origin": article.outlet_origin,
        "language": article.language,
        "url": article.url,
    }
    row.update(analysis.scores.as_dict())
    return row


def _format_cell(value: Any) -> str:
    """:func:`format_value`, with the common exact types first (the same strings)."""
    kind = type(value)
    if kind is str:
        return value  # type: ignore[no-any-return]
    if kind is float:
        return "" if value != value else f"{value:.6g}"  # NaN is the one float != itself
    if kind is int:
        return str(value)
    return format_value(value)


def temporary_beside(path: Path) -> Path:
    """A hidden temporary name next to ``path``, unique to this process."""
    return path.with_name(f".{path.name}.{os.getpid()}.part")


def write_csv(path: Path, columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> None:
    """Write ``rows`` (formatted with :func:`format_value`) under a header of ``columns``.

    Written beside the target and renamed over it, so a crash or a full disk
    never leaves half a file where a whole one was.
    """
    names = list(columns)
    cell = _format_cell
    # csv.DictWriter(extrasaction="ignore") writes these same lines, slower.
    write_csv_cells(path, names, ([cell(row.get(k)) for k in names] for row in rows))


def write_csv_cells(path: Path, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """:func:`write_csv` for rows already formatted, one cell per column in order: a
    string, or an int or None (which the csv writer writes as :func:`format_value` does)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = temporary_beside(path)
    try:
        with tmp.open("w", newline="", encoding="utf-8") as handle:
            handle.write(csv_line(list(columns)))
            lines: list[str] = []
            for row in rows:
                lines.append(csv_line(row))
                if len(lines) == _LINES_PER_WRITE:
                    handle.write("".join(lines))
                    lines.clear()
            handle.write("".join(lines))
        tmp.replace(path)
    except OSError as error:
        if not error.filename:  # a write that failed (a full disk) names no file: this one
            error.filename = str(path)
        raise
    finally:
        tmp.unlink(missing_ok=True)


#: Lines joined into one write by :func:`write_csv_cells`.
_LINES_PER_WRITE = 2048


def csv_line(cells: Sequence[Any]) -> str:
    """One line as ``csv.writer`` (the excel dialect) writes ``cells``: a cell holding
    a comma, a quotation mark or a line break in quotation marks (its quotation marks
    doubled), None as an empty cell, any other cell as ``str()`` gives it, and a row of
    one empty cell as ``""``; ended by ``\\r\\n``. The same text as the csv writer's
    (tests/models/test_export.py compares them), at about a third of its CPU for
    sentences (the bench corpus's reuse.csv: 0.30 -> 0.10 CPU-s) and about as much
    for short cells (spans.csv): ``join``, ``count`` and ``in`` go through the line at
    C speed, where the csv writer looks at each character in turn."""
    texts = [cell if type(cell) is str else "" if cell is None else str(cell)
             for cell in cells]
    line = ",".join(texts)
    if (line.count(",") == len(texts) - 1 and '"' not in line and "\n" not in line
            and "\r" not in line and (line or len(texts) != 1)):
        return line + "\r\n"  # no cell needs quotation marks (most lines)
    out: list[str] = []
    for text in texts:
        if '"' in text:
            text = '"' + text.replace('"', '""') + '"'
        elif "," in text or "\n" in text or "\r" in text:
            text = '"' + text + '"'
        out.append(text)
    if len(out) == 1 and not out[0]:
        return '""\r\n'
    return ",".join(out) + "\r\n"


def scores_columns(analyses: Sequence[ArticleAnalysis]) -> tuple[str, ...]:
    """:data:`SCORES_COLUMNS`, then the custom dictionaries' columns of ``analyses``."""
    extra: dict[str, None] = {}
    for analysis in analyses:
        extra.update(dict.fromkeys(analysis.scores.extra))
    return SCORES_COLUMNS + tuple(k for k in extra if k not in SCORES_COLUMNS)


def write_scores_csv(path: Path, analyses: Sequence[ArticleAnalysis]) -> None:
    """One row per article, columns :data:`SCORES_COLUMNS` and any dictionary columns after."""
    write_csv(path, scores_columns(analyses), (score_row(a) for a in analyses))


def write_codebook_csv(path: Path, analyses: Sequence[ArticleAnalysis], *,
                       outlets: bool = False, corpus_files: bool = False) -> None:
    """The codebook of scores.csv: one row per column, with its label in the app, unit,
    how the app shows it, definition and citation (:func:`models.measures.codebook_rows`);
    with ``outlets``, outlets.csv's columns too, and with ``corpus_files`` those of
    every other file ``framescope analyze`` writes (:func:`codebook_of_tables`)."""
    write_csv(path, CODEBOOK_COLUMNS,
              codebook_of_tables(analyses, outlets=outlets, corpus_files=corpus_files))


#: The files described by :func:`codebook_of_tables` with ``corpus_files`` after
#: scores.csv and outlets.csv, each with the columns its writer writes, in order.
CORPUS_FILE_COLUMNS: dict[str, tuple[str, ...]] = {
    "spans.csv": SPANS_COLUMNS,
    "errors.csv": ERRORS_COLUMNS,
    "claims.csv": CLAIMS_COLUMNS,
    "sources.csv": SOURCES_COLUMNS,
    "reuse.csv": REUSE_COLUMNS,
    "topics.csv": TOPICS_COLUMNS,
    "distinctive_words.csv": DISTINCTIVE_WORDS_COLUMNS,
    "off_story.csv": OFF_STORY_COLUMNS,
    "codebook.csv": CODEBOOK_COLUMNS,
}


def codebook_of_tables(analyses: Sequence[ArticleAnalysis], *, outlets: bool,
                       corpus_files: bool = False) -> list[dict[str, str]]:
    """The codebook's rows: scores.csv's columns; where outlets.csv is written beside
    them (``outlets``), its columns; where the other files of ``framescope analyze`` are
    (``corpus_files``), theirs (:data:`CORPUS_FILE_COLUMNS`, described in
    :mod:`models.codebook`)."""
    rows = codebook_rows(scores_columns(analyses))
    if outlets:
        rows += outlet_codebook_rows(_outlet_keys(analyses))
    if corpus_files:
        from models.codebook import file_codebook_rows

        for file, columns in CORPUS_FILE_COLUMNS.items():
            rows += file_codebook_rows(file, columns)
    return rows


# Measures added to outlets.csv after the quoted parts: at its end, whatever their place
# in the registry (the Methods page lists sources_named_people beside sources_named).
_OUTLET_ADDITIONS: tuple[str, ...] = ("sources_named_people", "headline_tone_news")


def _outlet_keys(analyses: Sequence[ArticleAnalysis] = ()) -> list[str]:
    """The measures of outlets.csv: the comparable ones, then the quoted parts of the
    certainty measures, then :data:`_OUTLET_ADDITIONS` (each added after every column
    there was), then the custom dictionaries' columns of ``analyses``, as scores.csv
    ends with them: each has its chart by outlet, so its outlet means are a table too."""
    keys = [m.key for m in (*comparable_measures(), *quoted_measures())
            if m.key not in _OUTLET_ADDITIONS]
    keys += list(_OUTLET_ADDITIONS)
    return keys + [k for k in scores_columns(analyses)[len(SCORES_COLUMNS):] if k not in keys]


def outlets_columns(analyses: Sequence[ArticleAnalysis] = ()) -> tuple[str, ...]:
    """outlets.csv's columns; with ``analyses``, their custom dictionaries' at the end."""
    keys = _outlet_keys(analyses)
    cols = ["outlet", "articles"]
    for key in keys:
        cols += [key, f"{key}_ci_low", f"{key}_ci_high", f"{key}_n"]
    return tuple(cols)


def outlet_rows(analyses: Sequence[ArticleAnalysis]) -> list[dict[str, Any]]:
    """One row per outlet: each measure's mean, 95% interval and number of values."""
    keys = _outlet_keys(analyses)
    rows = []
    for s in compare_outlets(analyses, keys):
        row: dict[str, Any] = {"outlet": s.outlet, "articles": len(s.article_ids)}
        for key in keys:
            row[key] = s.mean[key]
            row[f"{key}_ci_low"] = s.ci_low[key]
            row[f"{key}_ci_high"] = s.ci_high[key]
            row[f"{key}_n"] = s.n[key]
        rows.append(row)
    return rows


def write_outlets_csv(path: Path, analyses: Sequence[ArticleAnalysis]) -> None:
    write_csv(path, outlets_columns(analyses), outlet_rows(analyses))


def span_rows(analyses: Sequence[ArticleAnalysis]) -> Iterable[dict[str, Any]]:
    for analysis in analyses:
        spans = analysis.spans
        quoted = quoted_flags(analysis.article, spans)
        reported = reported_flags(analysis.article, spans, spans)
        for span, inside, said in zip(spans, quoted, reported, strict=True):
            yield {
                "article_id": analysis.article_id,
                "start": span.start,
                "end": span.end,
                "text": span.text,
                "category": span.category,
                "subcategory": span.subcategory,
                "sentence_index": span.sentence_index,
                "in_headline": span.in_headline,
                "probability_low": span.probability_low,
                "probability_high": span.probability_high,
                "term": span.term,
                "negated": span.negated,
                "quoted": inside or said,
                "reported": said and not inside,
            }


def _span_cells(analyses: Sequence[ArticleAnalysis]) -> Iterable[list[Any]]:
    """:func:`span_rows` as :func:`write_csv` writes them, in the order of
    :data:`SPANS_COLUMNS`, without a dictionary per span (a corpus has ~50 spans per
    article). Texts and whole numbers go to the csv writer as they are (it writes a
    str as it is, an int as ``str()`` and None as '': the strings :func:`format_value`
    gives); flags and probabilities are formatted here."""
    cell = _format_cell
    for analysis in analyses:
        article_id = analysis.article_id
        spans = analysis.spans
        quoted = quoted_flags(analysis.article, spans)
        reported = reported_flags(analysis.article, spans, spans)
        for span, inside, said in zip(spans, quoted, reported, strict=True):
            index = span.sentence_index
            yield [article_id, span.start, span.end, span.text, span.category,
                   span.subcategory, index, "1" if index == HEADLINE_INDEX else "0",
                   cell(span.probability_low), cell(span.probability_high), span.term,
                   "1" if span.negated else "0", "1" if inside or said else "0",
                   "1" if said and not inside else "0"]


def write_spans_csv(path: Path, analyses: Sequence[ArticleAnalysis]) -> None:
    """Every cue: offsets index the article's decoded text (``text == text[start:end]``)."""
    write_csv_cells(path, SPANS_COLUMNS, _span_cells(analyses))


def write_claims_csv(path: Path, alignment: ClaimAlignment) -> None:
    """One row per claim mention, columns :data:`CLAIMS_COLUMNS` (sentence_index -1: headline)."""
    write_csv_cells(path, CLAIMS_COLUMNS, claim_cells(alignment))


def claim_cells(alignment: ClaimAlignment) -> Iterator[list[str]]:
    """The cells :func:`write_csv` writes of :func:`models.claims.claim_rows`, in the
    order of :data:`CLAIMS_COLUMNS`: each the same :func:`_format_cell` of the same
    value, without a dictionary per mention (68,603 mentions on the 2,399-article
    benchmark corpus), and with each claim's cells (its id, label and number of
    outlets, which sorts its mentions' outlets) made once, not once per mention."""
    cell = _format_cell
    threshold = cell(alignment.threshold)
    for claim in alignment.claims:
        claim_id, label, outlets = cell(claim.claim_id), cell(claim.label), cell(len(claim.outlets))
        for m in claim.mentions:
            yield [
                claim_id, label, cell(m.article_id), cell(m.outlet), cell(m.sentence_index),
                cell(m.sentence), cell(m.certainty), cell(m.probability_low),
                cell(m.probability_high), cell(m.attributed_to), cell(m.cue),
                cell(m.representative), cell(m.similarity), outlets, threshold,
            ]


def write_errors_csv(path: Path, errors: Sequence[ReadError]) -> None:
    write_csv(path, ERRORS_COLUMNS, ({"file": e.file, "reason": e.reason} for e in errors))



def write_sources_csv(
    path: Path, analyses: Sequence[ArticleAnalysis], sources: Sequence[Source] | None = None
) -> None:
    """Whom each article cites, aliases merged: columns :data:`SOURCES_COLUMNS`
    (``sources``: find_sources(analyses), when the caller has it already)."""
    from models.sources import find_sources, source_rows

    found = sources if sources is not None else find_sources(analyses)
    write_csv(path, SOURCES_COLUMNS, source_rows(found))


def write_emphasis_csvs(
    topics: Path, distinctive: Path, off_story: Path, analyses: Sequence[ArticleAnalysis]
) -> None:
    """topics.csv, distinctive_words.csv and off_story.csv from one emphasis analysis."""
    from models.emphasis import (
        DISTINCTIVE_ROWS,
        analyze_emphasis,
        distinctive_rows,
        off_story_cells,
        topic_rows,
    )

    emphasis = analyze_emphasis(analyses, distinctive_top=DISTINCTIVE_ROWS)
    write_csv(topics, TOPICS_COLUMNS, topic_rows(emphasis))
    write_csv(distinctive, DISTINCTIVE_WORDS_COLUMNS, distinctive_rows(emphasis))
    write_csv_cells(off_story, OFF_STORY_COLUMNS, off_story_cells(emphasis))


def write_reuse_csv(
    path: Path, analyses: Sequence[ArticleAnalysis], sources: Sequence[Source] | None = None
) -> None:
    """Passages shared verbatim or nearly so between articles: :data:`REUSE_COLUMNS`
    (``sources``: find_sources(analyses), when the caller has it already)."""
    from models.reuse import find_reuse, reuse_cells

    # The cells of reuse_rows, without a dictionary and a format_value per cell.
    write_csv_cells(path, REUSE_COLUMNS, reuse_cells(find_reuse(analyses, sources=sources)))
