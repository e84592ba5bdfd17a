"""The headless commands: ``framescope analyze`` and ``framescope sentences``.

This is a public contract (file names, columns, flags, exit codes): scripts
and other people's studies depend on it. Never imports Qt.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import dataclasses
import logging
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from models import __version__
from models.progress import NullProgress

EXIT_OK = 0
EXIT_NOTHING_ANALYSED = 1
EXIT_USAGE = 2

SENTENCE_COLUMNS: tuple[str, ...] = (
    "text", "hedge_epistemic", "hedge_evidential", "booster", "attribution",
    "source_anonymous", "loaded", "tone_vader",
    # additions
    "row", "attribution_factive", "attribution_loaded", "source_named",
    "hedge_negated", "estimative_probability", "hedge_weasel", "hedge_vague",
    "tone_news", "sensational", "source_described",
)


class _StderrProgress(NullProgress):
    """Progress on a terminal: one updating line on stderr; silent when not a TTY."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._tty = stream.isatty()
        self._status = ""

    def set_progress(self, fraction: float) -> None:
        if self._tty:
            self._stream.write(f"\r{fraction:6.1%}  {self._status[:60]:<60}")
            self._stream.flush()

    def set_status(self, text: str) -> None:
        self._status = text

    def finish(self) -> None:
        if self._tty:
            self._stream.write("\r" + " " * 70 + "\r")


def _formats(value: str) -> list[str]:
    from desktop.charts import EXPORT_FORMATS

    formats = [f.strip().lower().lstrip(".") for f in value.split(",") if f.strip()]
    bad = [f for f in formats if f not in EXPORT_FORMATS]
    if bad:
        raise argparse.ArgumentTypeError(
            f"unknown chart format {', '.join(bad)}; choose from {', '.join(EXPORT_FORMATS)}"
        )
    # each once: "png,PNG" drew every chart twice and counted 102 chart files for 34
    return list(dict.fromkeys(formats))


def _claim_threshold(value: str) -> float:
    from models.claims import check_threshold

    try:
        number = float(value)
        check_threshold(number)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error) if "outside" in str(error)
                                         else f"not a number: {value!r}") from None
    return number


def _report_formats(value: str) -> list[str]:
    formats = [f.strip().lower().lstrip(".") for f in value.split(",") if f.strip()]
    bad = [f for f in formats if f not in ("html", "pdf")]
    if bad or not formats:
        raise argparse.ArgumentTypeError(
            f"unknown report format {', '.join(bad) or value!r}; choose from html, pdf"
        )
    return list(dict.fromkeys(formats))  # each once, as --chart-format's


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of processes: {value!r}") from None
    if jobs < 0:
        raise argparse.ArgumentTypeError("the number of processes cannot be negative")
    return jobs


class _Parser(argparse.ArgumentParser):
    """argparse's parser, whose error for an option it does not know names the command's
    option it most resembles: "unrecognized arguments: --formats png; did you mean
    --chart-format?" (argparse says only what it did not recognise)."""

    def parse_args(self, args: Sequence[str] | None = None,  # type: ignore[override]
                   namespace: argparse.Namespace | None = None) -> argparse.Namespace:
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            self.error(f"unrecognized arguments: {' '.join(extras)}"
                       f"{_option_hint(extras, self._command_options(parsed))}")
        return parsed

    def _command_options(self, parsed: argparse.Namespace) -> list[str]:
        """The long options of the command ``parsed`` ran (or of this parser)."""
        parser: argparse.ArgumentParser = self
        for action in self._actions:
            if isinstance(action, argparse._SubParsersAction):
                parser = action.choices.get(getattr(parsed, action.dest, None) or "", self)
        return [o for a in parser._actions for o in a.option_strings if o.startswith("--")]


def _option_hint(extras: Sequence[str], options: Sequence[str]) -> str:
    """"; did you mean --x?" for the first unknown option that resembles one of
    ``options`` ("--format" or "--formats" for "--chart-format"), else ""."""
    import difflib

    for extra in extras:
        word = extra.split("=", 1)[0]
        if not word.startswith("--"):
            continue
        close = difflib.get_close_matches(word, options, n=1, cutoff=0.6) or [
            o for o in options if word[2:].rstrip("s") and word[2:].rstrip("s") in o]
        if close:
            return f"; did you mean {close[0]}?"
    return ""


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="framescope", description="Framescope, headless.")
    parser.add_argument("--version", action="version", version=f"Framescope {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    analyze = sub.add_parser(
        "analyze",
        help="score articles and write CSV tables and charts",
        description=(
            "Read articles (files or folders), score them, and write scores.csv, "
            "outlets.csv, spans.csv, errors.csv, claims.csv, sources.csv, topics.csv, "
            "distinctive_words.csv, off_story.csv, reuse.csv, codebook.csv (every column "
            "of these described), charts/ (each chart, its data and charts/codebook.csv) "
            "and run.json (versions, settings and the sha256 of every input and output) "
            "into --out. Exit 0 "
            "when at least one article was analysed, 1 when none was, 2 on a usage error or "
            "when an output file cannot be written (the file is named)."
        ),
    )
    analyze.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    analyze.add_argument("--out", required=True, type=Path, metavar="DIR",
                         help="the folder to write into (made if missing; files of the same "
                         "names in it are replaced, never a file this analysis reads)")
    analyze.add_argument(
        "--chart-format",
        type=_formats,
        default=["png"],
        metavar="FORMATS",
        help="comma-separated chart formats: png,svg,pdf (default: png)",
    )
    analyze.add_argument("--no-charts", action="store_true", help="write the tables only")
    analyze.add_argument(
        "--claim-threshold",
        type=_claim_threshold,
        default=None,
        metavar="COSINE",
        help="how alike sentences must be to state the same claim in claims.csv "
             "(cosine similarity 0.05-0.95; default 0.35)",
    )
    analyze.add_argument("--quiet", action="store_true", help="print nothing but errors")
    for role in ("text", "headline", "outlet", "date", "url"):
        analyze.add_argument(
            f"--{role}-column",
            default="",
            metavar="NAME",
            help=f"in corpus files (CSV, TSV, JSON Lines, XLSX), the column holding the {role} "
            "(default: guessed from the header)",
        )
    analyze.add_argument(
        "--dictionary", action="append", type=Path, default=[], metavar="FILE",
        help="a custom dictionary (LIWC-format .dic or CSV word list) whose categories "
        "become extra columns, per 100 words; repeatable",
    )
    analyze.add_argument(
        "--report", type=_report_formats, default=[], metavar="FORMATS",
        help="also write report.html and/or report.pdf (comma-separated: html,pdf) with "
        "every chart, the tables, the Methods text, versions and input file hashes",
    )
    analyze.add_argument("--xlsx", action="store_true", help="also write scores.xlsx")
    analyze.add_argument(
        "--jobs", type=_jobs, default=0, metavar="N",
        help="worker processes for the local engine (default: every core)",
    )
    analyze.add_argument(
        "--engine", choices=("local", "dask"), default="local",
        help="where articles are scored: this machine (default) or a Dask cluster",
    )
    analyze.add_argument(
        "--scheduler", default="", metavar="ADDRESS",
        help="the Dask scheduler's address for --engine dask (e.g. tcp://10.0.0.5:8786)",
    )

    sentences = sub.add_parser(
        "sentences",
        help="count cues and score tone in single sentences",
        description=(
            "INPUT is a .txt file with one sentence per line or a .csv file with a "
            "'text' column; OUT.csv has one row per input row, in the same order (a "
            "blank row's tone_vader, tone_news and sensational are empty); "
            "'OUT (codebook).csv' beside it describes each column."
        ),
    )
    sentences.add_argument("input", type=Path, metavar="INPUT",
                           help="a .txt file (one sentence a line) or a .csv file with a 'text' column")
    sentences.add_argument("--out", required=True, type=Path, metavar="OUT.csv",
                           help="the CSV file to write (replaced if it exists, unless it "
                           "is the input)")
    return parser


def run_command(argv: Sequence[str]) -> int:
    """Run ``analyze`` or ``sentences``; returns the process exit code."""
    parser = _parser()
    try:
        args = parser.parse_args(list(argv))
    except SystemExit as exit_:
        return int(exit_.code or 0)
    if args.command == "analyze":
        if args.scheduler and args.engine != "dask":
            # Ignored until audit s34: the run scored on this machine while its user
            # believed it went to the cluster named.
            sys.stderr.write("framescope: --scheduler is for --engine dask: add --engine dask "
                             "to score on that cluster, or leave --scheduler out\n")
            return EXIT_USAGE
        from models.engines import EngineUnavailable, make_engine
        from models.readers.tables import ColumnMapping

        columns = ColumnMapping(args.text_column, args.headline_column, args.outlet_column,
                                args.date_column, args.url_column)
        from desktop.log_file import logging_to_file

        with logging_to_file("analyze") as log:
            try:
                engine = make_engine(args.engine, jobs=args.jobs, scheduler=args.scheduler,
                                     fault_log=str(log) if log is not None else None)
                return analyze(args.paths, args.out,
                               [] if args.no_charts else args.chart_format,
                               quiet=args.quiet,
                               columns=columns if any(columns.as_dict().values()) else None,
                               claim_threshold=args.claim_threshold,
                               dictionaries=args.dictionary, report=args.report,
                               xlsx=args.xlsx, engine=engine, command=argv)
            except EngineUnavailable as error:
                sys.stderr.write(f"framescope: {error}\n")
                return EXIT_USAGE
            except Exception:
                # A fault of Framescope's own: its traceback is kept for a bug report
                # (and still printed, as Python does, when it ends the command).
                logging.getLogger("framescope").exception("analyze stopped on a fault")
                raise
    return sentences(args.input, args.out)


def write_charts(
    analyses: Sequence[Any], out: Path, formats: Sequence[str], *, alignment: Any = None
) -> list[Path]:
    """Every chart (one measure-by-outlet chart per comparable measure) in each format,
    each with its data as CSV beside it, and ``codebook.csv`` describing every column of
    those CSVs; claim charts use ``alignment`` when given."""
    from desktop.charts import build_chart, render, save_figure, write_chart_data
    from desktop.charts.codebook import CODEBOOK_COLUMNS, chart_codebook_rows
    from desktop.report import chart_variants
    from models.export import write_csv

    written: list[Path] = []
    codebook: list[dict[str, str]] = []
    out.mkdir(parents=True, exist_ok=True)
    for stem, kind, measure in chart_variants(analyses):
        chart = build_chart(kind, analyses, measure=measure, alignment=alignment)
        figure = render(chart, __version__)
        for fmt in formats:
            path = out / f"{stem}.{fmt}"
            save_figure(figure, path)
            written.append(path)
        data = out / f"{stem}.csv"
        write_chart_data(chart, data)
        written.append(data)
        codebook += chart_codebook_rows(chart, data.name)
    write_csv(out / "codebook.csv", list(CODEBOOK_COLUMNS), codebook)
    written.append(out / "codebook.csv")
    return written


def _local_processes(engine: Any) -> int:
    """Processes this machine may use after scoring: the local engine's workers (1 for
    --jobs 1 and for no engine), every core with a cluster engine."""
    if engine is None:
        return 1
    workers = getattr(engine, "workers", None)
    if callable(workers):
        return int(workers())
    from models.engines import available_cores

    return available_cores()


def _load_dictionaries(files: Sequence[Path]) -> list[Any] | None:
    """The dictionaries named on the command line; None (after a message) if one is bad."""
    from models.dictionaries import DictionaryError, load_dictionary, register, unique_names

    loaded = []
    for file in files:
        try:
            dictionary = load_dictionary(file)
        except DictionaryError as error:
            sys.stderr.write(f"framescope: {error}\n")
            return None
        for warning in dictionary.warnings:
            sys.stderr.write(f"framescope: {file}: {warning}\n")
        loaded.append(dictionary)
    loaded = unique_names(loaded)
    register(loaded)
    return loaded


def _one_line(text: str) -> str:
    """``text`` with its control characters escaped ("\\n" for a line break): a file
    named with a line break split its message in two, the second line seeming to
    name another file (robust29). errors.csv keeps the names as they are."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in text)


class _MissingGlyphs:
    """While charts are drawn: matplotlib's "Glyph N missing from font(s)" warnings,
    one per character per chart (102 lines for two outlets named in Chinese, the files
    not read lost among them: robust29), gathered into one line said by :meth:`say`;
    other warnings are shown as before."""

    _GLYPH = re.compile(r"Glyph (\d+) .*missing from font")

    def __init__(self) -> None:
        self.characters: dict[str, None] = {}  # in the order first met
        self._caught: Any = None
        self._records: Any = None

    def __enter__(self) -> None:
        import warnings

        self._caught = warnings.catch_warnings(record=True)
        self._records = self._caught.__enter__()
        warnings.simplefilter("always")

    def __exit__(self, *exc: object) -> None:
        import warnings

        records = self._records
        self._caught.__exit__(*exc)
        shown: set[tuple[type, str]] = set()
        for record in records:
            found = self._GLYPH.search(str(record.message))
            if found:
                self.characters.setdefault(chr(int(found.group(1))), None)
            elif (record.category, str(record.message)) not in shown:
                shown.add((record.category, str(record.message)))
                warnings.showwarning(record.message, record.category, record.filename,
                                     record.lineno)

    def say(self) -> None:
        if self.characters:
            sys.stderr.write(
                "framescope: charts: the chart font has no glyph for "
                f"{', '.join(self.characters)} (drawn as boxes); the tables hold the names "
                "as written\n")


def _say_read_errors(errors: Sequence[Any]) -> None:
    """Each problem on a line of its own; then, when some are faults of Framescope's own
    (a reader or the analysis stopped on an unexpected error), where the diagnostics log
    keeps their tracebacks (desktop.log_file): what a bug report needs."""
    from desktop.log_file import current_log
    from models.engines import ANALYSIS_CRASHED, ANALYSIS_FAILED, READER_CRASHED
    from models.faults import in_the_log_or_older
    from models.readers import READER_FAILED

    for error in errors:
        sys.stderr.write(f"framescope: {_one_line(error.file)}: {_one_line(error.reason)}\n")
    # A worker that crashed hard left its last stacks in the log (faulthandler).
    kinds = (READER_FAILED, ANALYSIS_FAILED, READER_CRASHED, ANALYSIS_CRASHED)
    faults = sum(1 for e in errors if e.reason in kinds)
    log = current_log()
    if faults and log is not None:
        # A crashed worker wrote its stack to the file it opened when it started, which
        # a rotation since may have renamed (models.faults.where_the_stack_is).
        crashed = any(e.reason in (READER_CRASHED, ANALYSIS_CRASHED) for e in errors)
        where = in_the_log_or_older(str(log)) if crashed else f"the log: {log}"
        sys.stderr.write(f"framescope: the technical details of {_count(faults, 'fault')} "
                         f"(for a bug report) are in {where}\n")


def _not_written(error: OSError, out: Path, read_errors: Sequence[Any]) -> int:
    """Say the files not read, then the output that could not be written and why;
    the exit code of an output folder that cannot be written (:data:`EXIT_USAGE`)."""
    _say_read_errors(read_errors)
    sys.stderr.write(f"framescope: {_output_named(error, out)}: could not be written "
                     f"({error.strerror or error})\n")
    return EXIT_USAGE


def _output_named(error: OSError, out: Path) -> Path:
    """The output ``error`` is about: the target of a failed rename, the file itself for
    the hidden temporary written first (``.scores.csv.<pid>.part``), else ``out``."""
    name = error.filename2 or error.filename
    if not name:
        return out
    path = Path(os.fsdecode(name))
    hidden = re.fullmatch(r"\.(.+)\.\d+\.part", path.name)
    return path.with_name(hidden.group(1)) if hidden else path


def _count(number: int, noun: str) -> str:
    """"1 article", "2 articles"."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def output_folder_problem(out: Path) -> str:
    """Why the output folder ``out`` cannot be written ("" when it can); it is made
    (with its parents) if missing."""
    import os

    try:
        out.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        return "not a folder: a file of that name is in the way"
    except OSError as error:
        return f"cannot make the output folder ({error.strerror or error})"
    if not os.access(out, os.W_OK | os.X_OK):
        return "cannot write into the output folder (permission denied)"
    return ""


def input_replaced(paths: Sequence[str], out: Path, outputs: Sequence[str]) -> Path | None:
    """The first file among ``paths`` (or in a folder among them) that an output of
    ``out`` named in ``outputs`` would replace, else None. Her corpus file named
    sources.csv, analysed with --out its own folder, was replaced by the sources table
    (robust29); an earlier run's tables in an input folder would be read as articles."""
    from models.readers import can_read
    from models.table_files import RUN_RECORD_NAME, earlier_outputs, is_hidden

    ours = set(earlier_outputs(out / RUN_RECORD_NAME))  # an earlier run's: not read again
    for name in outputs:
        target = out / name
        if not target.is_file() or not can_read(target) or target in ours:
            continue
        real = target.resolve()
        for given in map(Path, paths):
            inside = given.is_dir() and real.is_relative_to(given.resolve()) and not any(
                is_hidden(part) for part in real.relative_to(given.resolve()).parts)
            if inside or (given.is_file() and given.resolve() == real):
                return target
    return None


def analyze(
    paths: Sequence[str],
    out: Path,
    formats: Sequence[str],
    *,
    quiet: bool = False,
    columns: Any = None,
    claim_threshold: float | None = None,
    dictionaries: Sequence[Path] = (),
    report: Sequence[str] = (),
    xlsx: bool = False,
    engine: Any = None,
    command: Sequence[str] = (),
) -> int:
    """``columns``: a models.readers.ColumnMapping for corpus files (None: guess);
    ``claim_threshold``: for claims.csv (None: the default); ``engine``: a
    models.engines engine (None: this process); ``command``: the command line's
    arguments, for run.json (desktop/run_record.py), written last."""
    from models.claims import DEFAULT_THRESHOLD
    from models.corpus_tables import (
        no_collection,
        start_preloading,
        table_files,
        write_corpus_tables,
    )
    from models.engines import DaskEngine, ProcessPoolEngine
    from models.pipeline import analyze_paths

    loaded = _load_dictionaries(dictionaries)
    if loaded is None:
        return EXIT_USAGE
    unwritable = output_folder_problem(out)
    if unwritable:  # said now, not after minutes of analysis
        sys.stderr.write(f"framescope: {out}: {unwritable}\n")
        return EXIT_USAGE
    # Only the files this run writes: an earlier run's (or the user's) report.html or
    # scores.xlsx, not asked for now, is neither replaced nor a reason to refuse.
    outputs = [*table_files(), "run.json", *(["scores.xlsx"] if xlsx else []),
               *(f"report.{fmt}" for fmt in report)]
    replaced = input_replaced(paths, out, outputs)
    from models.table_files import RUN_RECORD_NAME, earlier_outputs

    earlier = earlier_outputs(out / RUN_RECORD_NAME)
    if replaced is not None:
        sys.stderr.write(f"framescope: {replaced}: is read by this analysis and would be "
                         f"replaced by its {replaced.name}: choose another --out folder\n")
        return EXIT_USAGE
    progress = _StderrProgress(sys.stderr)
    processes = _local_processes(engine)
    # While worker processes read and score, this one loads what the tables need, on
    # a thread started once the pool's workers have (they are forked while none runs).
    preloading: list[Any] = []
    if processes > 1 and isinstance(engine, ProcessPoolEngine) and engine.on_start is None:
        engine = dataclasses.replace(
            engine, on_start=lambda: preloading.append(start_preloading())
        )
    elif processes > 1:
        preloading.append(start_preloading())
    # No cyclic garbage collection in this process until the tables are written
    # (models.corpus_tables.no_collection): reading, collecting the workers' results
    # and the tables make millions of objects and almost no cycles (803 objects
    # collected in a whole run of the bench corpus), and its 45 collections took
    # 0.3-0.5 s here while the workers scored. The workers collect as before. Not
    # with a cluster engine: its client makes cycles of its own while it waits.
    with contextlib.nullcontext() if isinstance(engine, DaskEngine) else no_collection():
        try:
            corpus = analyze_paths(paths, progress, columns=columns, engine=engine)
        finally:
            for thread in preloading:
                thread.join()  # before any fork: no import may be half done
        progress.finish()
        if loaded:
            from models.dictionaries import apply_dictionaries

            corpus.analyses = apply_dictionaries(corpus.analyses, loaded)
        # An output that cannot be written (a full disk, a folder in the way) ended the
        # run with a traceback after the whole analysis (robust29): it is named, with the
        # reason, after the files read are said. Every output is written beside its name
        # and renamed, so none is left half written.
        try:
            out.mkdir(parents=True, exist_ok=True)
            # Every table; with several cores, the independent ones in a second process.
            alignment = write_corpus_tables(
                out, corpus.analyses, corpus.errors,
                claim_threshold=(claim_threshold if claim_threshold is not None
                                 else DEFAULT_THRESHOLD),
                processes=processes,
            )
        except OSError as error:
            return _not_written(error, out, corpus.errors)
    written = [out / name for name in table_files()]
    charts: list[Path] = []
    glyphs = _MissingGlyphs()
    try:
        if xlsx:
            from models.export_xlsx import write_scores_xlsx

            write_scores_xlsx(out / "scores.xlsx", corpus.analyses)
            written.append(out / "scores.xlsx")
        if corpus.analyses and formats:
            with glyphs:
                charts = write_charts(corpus.analyses, out / "charts", formats,
                                      alignment=alignment)
        if report:
            from desktop.report import ReportData, write_report
            from models.cues import default_finder
            from models.project import source_hashes

            data = ReportData(
                corpus.analyses,
                sources=source_hashes(a.article for a in corpus.analyses),
                lexicon_version=default_finder().lexicon.version,
                dictionaries=loaded,
                errors=corpus.errors,
                alignment=alignment,
            )
            with glyphs:
                written += write_report(out / "report", data, report)
        from desktop.run_record import RUN_FILE, run_record, write_run_json

        write_run_json(out / RUN_FILE, run_record(
            command=command, analyses=corpus.analyses, errors=corpus.errors, out=out,
            outputs=[*written, *charts],
            kept=[p for p in earlier if p not in {*written, *charts, out / RUN_FILE}],
            claim_threshold=claim_threshold if claim_threshold is not None else DEFAULT_THRESHOLD,
            dictionaries=loaded))
    except OSError as error:
        return _not_written(error, out, corpus.errors)
    _say_read_errors(corpus.errors)
    glyphs.say()
    if not quiet:
        outlets = len({a.outlet for a in corpus.analyses})
        chart_files = sum(1 for c in charts if c.suffix != ".csv")
        # A file of another type passed over in a folder, or an article with no body,
        # is said on stderr and in errors.csv, but was not a failure to read; nor is a
        # file read in part (rows without text skipped): it is counted as that.
        from models.article import read_counts

        not_read, in_part = read_counts(corpus.errors)
        sys.stdout.write(
            f"{_count(len(corpus.analyses), 'article')} from {_count(outlets, 'outlet')} "
            f"analysed, {_count(not_read, 'file')} not read"
            f"{f', {in_part} read in part' if in_part else ''}; "
            f"{_count(chart_files, 'chart file')}; wrote {out}\n"
        )
    if not corpus.analyses:
        sys.stderr.write("framescope: no article could be analysed\n")
        return EXIT_NOTHING_ANALYSED
    return EXIT_OK


def _read_sentence_rows(path: Path) -> list[str]:
    """The sentences of ``path``: a .csv file's ``text`` column (quoted fields may hold
    commas and line breaks), else one sentence per line. Decoded as the readers decode a
    file (UTF-8, a byte-order mark, or a legacy encoding such as Windows-1252, said on
    stderr). A CSV row with more fields than its header is refused, naming the row: an
    unquoted comma in a one-column file ("text" / "Officials resigned, he said.") would
    otherwise cut the sentence at the comma without a word."""
    import io

    from models.readers.text import ReaderError, decode_text, encoding_label

    try:
        decoded = decode_text(path.read_bytes())
    except ReaderError as error:
        raise ValueError(str(error)) from error
    if not decoded.is_utf8:
        sys.stderr.write(f"framescope: {path}: decoded as {encoding_label(decoded.encoding)} "
                         "(the file is not UTF-8)\n")
    text = decoded.text
    if path.suffix.lower() == ".csv":
        reader = csv.DictReader(io.StringIO(text, newline=""))
        header = list(reader.fieldnames or ())
        # "Text" or " text" is the column a spreadsheet names so: refused until audit s34
        column = next((name for name in header if name.strip().casefold() == "text"), None)
        if column is None:
            found = ", ".join(repr(n) for n in header if n.strip()) or "none"
            raise ValueError(f"the CSV file has no 'text' column (columns found: {found})")
        texts = []
        for row in reader:
            if None in row:  # DictReader's key for the fields beyond the header's
                raise ValueError(
                    f"line {reader.line_num} has {len(header) + len(row[None])} "
                    f"fields but the header has {len(header)}: put a sentence "
                    "holding a comma in double quotes, or give a .txt file, one sentence "
                    "per line")
            texts.append(row[column] or "")
        return texts
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # a final newline ends the last line; it does not start a new one
    return [line.rstrip("\r") for line in lines]


def sentence_row(text: str, row: int) -> dict[str, Any]:
    """Cue counts (not negated), VADER compound and tone_news for one sentence, and its
    clickbait-style probability read as a headline. A blank row (no text, or spaces
    only) has no tone and no clickbait-style probability: empty cells, not the 0.0 of a
    neutral sentence, which a mean of the column would count."""
    from models.cues import count_by, default_finder
    from models.features import estimative_probability_mean, named_sources
    from models.sensational import sensational
    from models.tone import sentence_tone
    from models.tone_news import tone_news

    spans = default_finder().find(text)
    blank = not text.strip()
    return {
        "row": row,
        "text": text,
        "hedge_epistemic": count_by(spans, "hedge", "epistemic"),
        "hedge_evidential": count_by(spans, "hedge", "evidential"),
        "booster": count_by(spans, "booster"),
        "attribution": count_by(spans, "attribution"),
        "source_anonymous": count_by(spans, "source", "anonymous"),
        "source_described": count_by(spans, "source", "described"),
        "loaded": count_by(spans, "loaded"),
        "tone_vader": None if blank else sentence_tone(text),
        "attribution_factive": count_by(spans, "attribution", "factive"),
        "attribution_loaded": count_by(spans, "attribution", "loaded"),
        "source_named": len(named_sources(spans)),
        "hedge_negated": sum(1 for s in spans if s.category == "hedge" and s.negated),
        "estimative_probability": estimative_probability_mean(spans),
        "hedge_weasel": count_by(spans, "hedge", "weasel"),
        "hedge_vague": count_by(spans, "hedge", "vague"),
        "tone_news": None if blank else tone_news(text),
        "sensational": sensational(text),
    }


#: Each column of ``sentences``' CSV that counts or scores what a measure of scores.csv
#: does for a whole article: (column, the measure, what the column is, its unit).
_SENTENCE_MEASURES: tuple[tuple[str, str, str, str], ...] = (
    ("hedge_epistemic", "hedges_epistemic_per_100w", "Epistemic hedges in the sentence, "
     "negated ones left out", "cues"),
    ("hedge_evidential", "hedges_evidential_per_100w", "Evidential hedges in the sentence, "
     "negated ones left out", "cues"),
    ("booster", "boosters_per_100w", "Boosters in the sentence, negated ones left out", "cues"),
    ("attribution", "attributions_per_100w", "Attribution cues (report verbs) in the "
     "sentence", "cues"),
    ("source_anonymous", "sources_anonymous", "Anonymous sources in the sentence", "mentions"),
    ("loaded", "loaded_per_100w", "Loaded words in the sentence", "cues"),
    ("tone_vader", "tone_mean", "The sentence's VADER compound score, from −1 to 1; empty "
     "for a blank row", "−1 to 1"),
    ("attribution_factive", "attributions_factive_share", "Attribution cues of the sentence "
     "whose verb is factive", "cues"),
    ("attribution_loaded", "attributions_loaded_share", "Attribution cues of the sentence "
     "whose verb is loaded", "cues"),
    ("source_named", "sources_named", "Distinct source names in the sentence", "distinct names"),
    ("estimative_probability", "estimative_probability_mean", "The mean midpoint of the "
     "probability ranges of the sentence's epistemic hedges (negated ones left out); empty "
     "without one", "probability 0–1"),
    ("hedge_weasel", "hedges_weasel_per_100w", "Weasel phrases in the sentence, negated ones "
     "left out", "cues"),
    ("hedge_vague", "hedges_vague_per_100w", "Vague quantities in the sentence, negated ones "
     "left out", "cues"),
    ("tone_news", "tone_news_mean", "The sentence's tone by the news model, from −1 to 1; "
     "empty for a blank row", "−1 to 1"),
    ("sensational", "headline_sensational", "The probability that the sentence, read as a "
     "headline, is written in clickbait style; empty for a blank row", "probability 0–1"),
    ("source_described", "sources_described", "Described sources (one person described, not "
     "named) in the sentence", "mentions"),
)


def sentence_codebook_rows(file: str) -> list[dict[str, str]]:
    """The codebook of ``sentences``' CSV named ``file``: one row per column of
    :data:`SENTENCE_COLUMNS`, in order, each measure's from its one definition in
    models.measures (the sentence read alone: no quotation opened in an earlier sentence,
    no name the rest of an article gives, so a count may differ from spans.csv's)."""
    from models.measures import definition_lead, measure

    alone = (" The sentence is read alone, without the article around it (a quotation "
             "opened in an earlier sentence, a name the article gives elsewhere), so a "
             "count may differ from spans.csv's for the same sentence.")
    described = {
        "text": ("Sentence", "text", "The input row's sentence, as given.", ""),
        "row": ("Row", "index from 1", "The input's row: its line in a .txt file, its row "
                "after the header in a .csv file, counted from 1.", ""),
        "hedge_negated": ("Negated hedges", "cues", "Hedges in the sentence that are "
                          "negated ('not likely', 'never certain'); the other hedge columns "
                          "leave them out." + alone, ""),
    }
    for column, key, what, unit in _SENTENCE_MEASURES:
        m = measure(key)
        definition = (f"{what}. As in scores.csv's {key} ({m.label}): "
                      f"{definition_lead(m.definition)}{alone}")
        described[column] = (m.label, unit, definition, m.citation)
    return [{"file": file, "column": column, "label": label, "unit": unit,
             "app_shows": "not shown (the CSV's alone)", "definition": definition,
             "citation": citation}
            for column in SENTENCE_COLUMNS
            for label, unit, definition, citation in [described[column]]]


def sentences(source: Path, out: Path) -> int:
    from models.export import write_csv

    try:
        texts = _read_sentence_rows(source)
    except (OSError, ValueError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        sys.stderr.write(f"framescope: {source}: {reason}\n")
        return EXIT_NOTHING_ANALYSED
    if out.exists() and out.resolve() == source.resolve():
        sys.stderr.write(f"framescope: {out}: is the input and would be replaced by the "
                         "sentences' scores: choose another --out file\n")
        return EXIT_USAGE
    folder_problem = output_folder_problem(out.parent)
    if folder_problem or out.is_dir():
        where, why = (out.parent, folder_problem) if folder_problem else (
            out, "a folder, not a file name for the output CSV")
        sys.stderr.write(f"framescope: {where}: {why}\n")
        return EXIT_USAGE
    try:
        write_csv(out, SENTENCE_COLUMNS,
                  (sentence_row(t, i) for i, t in enumerate(texts, start=1)))
        # Its columns described beside it, as Export Table's are: "OUT (codebook).csv",
        # never replacing a file of the user's (desktop.export_names)
        from desktop.export_names import write_codebook_beside
        from models.measures import CODEBOOK_COLUMNS

        write_codebook_beside(out, lambda path: write_csv(
            path, CODEBOOK_COLUMNS, sentence_codebook_rows(out.name)))
    except OSError as error:
        sys.stderr.write(f"framescope: {out}: could not be written ({error.strerror or error})\n")
        return EXIT_USAGE
    return EXIT_OK


if __name__ == "__main__":
    # 'python -m desktop.cli analyze ...' imported this module and exited 0 having done
    # nothing, not a word said (robust29): it runs the headless command as 'framescope'
    # does (not through desktop.__main__, which may start the GUI: Qt stays out of here).
    sys.exit(run_command(sys.argv[1:]))
