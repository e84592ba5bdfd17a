"""Every table ``framescope analyze`` writes for a corpus, the independent ones side by side.

The tables after scoring are independent of one another: scores, outlets
and errors; spans; claims; sources and reuse (which share one
:func:`models.sources.find_sources`); and the emphasis tables (topics,
distinctive words, off-story sentences). With more than one process allowed
and where a process can be forked (Linux: a child shares the analyses without
copying or pickling them), one child process writes the emphasis tables and
another the spans, sources and reuse tables, while this one writes the others and
aligns the claims. Three processes of about equal cost share the cores, so on
two cores both stay busy until the end (with the emphasis tables in one child
and everything else here, this process ran for about 60% of the work alone).
Each table is computed by the same code either way, so the files are the same
byte for byte; if a child fails for any reason, its tables are written here
afterwards, so an error surfaces exactly as it would in one process.
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import multiprocessing.process

    from models.article import ReadError
    from models.claims import ClaimAlignment
    from models.features import ArticleAnalysis

#: Below this many articles a second process costs more than it saves.
MIN_ARTICLES_FOR_SECOND_PROCESS = 40

Task = Callable[[Path, "Sequence[ArticleAnalysis]"], None]


def table_files() -> tuple[str, ...]:
    """The names of the files :func:`write_corpus_tables` writes."""
    from models.export import CORPUS_FILE_COLUMNS

    return ("scores.csv", "outlets.csv", *CORPUS_FILE_COLUMNS)


def write_sources_and_reuse(out: Path, analyses: Sequence[ArticleAnalysis]) -> None:
    """sources.csv and reuse.csv, from one find_sources."""
    from models.export import write_reuse_csv, write_sources_csv
    from models.sources import find_sources

    sources = find_sources(analyses)
    write_sources_csv(out / "sources.csv", analyses, sources)
    write_reuse_csv(out / "reuse.csv", analyses, sources)


def write_spans_sources_and_reuse(out: Path, analyses: Sequence[ArticleAnalysis]) -> None:
    """spans.csv, then sources.csv and reuse.csv."""
    from models.export import write_spans_csv

    write_spans_csv(out / "spans.csv", analyses)
    write_sources_and_reuse(out, analyses)


def write_emphasis(out: Path, analyses: Sequence[ArticleAnalysis]) -> None:
    """topics.csv, distinctive_words.csv and off_story.csv."""
    from models.export import write_emphasis_csvs

    write_emphasis_csvs(out / "topics.csv", out / "distinctive_words.csv",
                        out / "off_story.csv", analyses)


def write_topics_and_off_story(out: Path, analyses: Sequence[ArticleAnalysis]) -> None:
    """topics.csv and off_story.csv (the emphasis tables but the distinctive words)."""
    from models.emphasis import analyze_emphasis, off_story_cells, topic_rows
    from models.export import OFF_STORY_COLUMNS, TOPICS_COLUMNS, write_csv, write_csv_cells

    emphasis = analyze_emphasis(analyses, with_distinctive=False)
    write_csv(out / "topics.csv", TOPICS_COLUMNS, topic_rows(emphasis))
    write_csv_cells(out / "off_story.csv", OFF_STORY_COLUMNS, off_story_cells(emphasis))


def write_distinctive_words(out: Path, analyses: Sequence[ArticleAnalysis]) -> None:
    """distinctive_words.csv."""
    from models.compare import outlet_names
    from models.emphasis import DISTINCTIVE_ROWS, distinctive_word_rows, distinctive_words
    from models.export import DISTINCTIVE_WORDS_COLUMNS, write_csv

    write_csv(out / "distinctive_words.csv", DISTINCTIVE_WORDS_COLUMNS,
              distinctive_word_rows(outlet_names(analyses),
                                    distinctive_words(analyses, DISTINCTIVE_ROWS)))


def write_sources_reuse_and_distinctive_words(
    out: Path, analyses: Sequence[ArticleAnalysis]
) -> None:
    """sources.csv, reuse.csv, then distinctive_words.csv."""
    write_sources_and_reuse(out, analyses)
    write_distinctive_words(out, analyses)


#: The tables written by child processes, one child per task, and those this process
#: writes after the claims. CPU seconds on the 2,399-article benchmark corpus (one
#: process per stage, session 28), each part about a third: the emphasis tables 4.1;
#: spans 0.5 with sources and reuse 3.4; the claims (here, with scores, codebook and
#: outlets) 3.7. spans.csv was written here until the sources work got lighter: this
#: process then ran on alone at the end.
SIDE_TASKS: tuple[Task, ...] = (write_emphasis, write_spans_sources_and_reuse)
MAIN_TASKS: tuple[Task, ...] = ()


def _preload() -> None:
    # What the tables import and load (scikit-learn alone takes about a second).
    try:
        import scipy.sparse.csgraph
        import scipy.stats  # noqa: F401
        import sklearn.decomposition
        import sklearn.feature_extraction.text
        import sklearn.preprocessing  # noqa: F401

        from models import claims, emphasis, export, reuse, sources  # noqa: F401
        from models.cues import default_finder

        claims.default_synonyms()
        sources.load_aliases()
        default_finder()
    except Exception:  # the tables import these again, and report any error then
        return


def start_preloading() -> threading.Thread:
    """Import and load what the tables need on a thread of this process, while the
    workers read and score (this process mostly waits meanwhile); join it before
    :func:`write_corpus_tables`, so a forked child shares what was loaded."""
    thread = threading.Thread(target=_preload, name="framescope-preload", daemon=True)
    thread.start()
    return thread


def can_fork() -> bool:
    """Whether a child process can share this one's memory (fork, on Linux only:
    macOS's system libraries are not safe to use after fork)."""
    import multiprocessing

    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def _run_tasks(tasks: Sequence[Task], out: Path, analyses: Sequence[ArticleAnalysis]) -> None:
    for task in tasks:
        task(out, analyses)


def _run_tasks_in_child(tasks: Sequence[Task], out: Path,
                        analyses: Sequence[ArticleAnalysis]) -> None:
    """:func:`_run_tasks` in a forked child: a table it cannot write (a full disk) ends
    it with exit code 1 and no traceback; the parent writes that table again and raises
    the error, which the caller reports once, naming the file."""
    try:
        _run_tasks(tasks, out, analyses)
    except OSError:
        sys.exit(1)


def write_corpus_tables(
    out: Path,
    analyses: Sequence[ArticleAnalysis],
    errors: Sequence[ReadError],
    *,
    claim_threshold: float,
    processes: int = 1,
    side_tasks: Sequence[Task] = SIDE_TASKS,
    main_tasks: Sequence[Task] = MAIN_TASKS,
) -> ClaimAlignment:
    """Write scores.csv (and its codebook.csv), outlets.csv, errors.csv, claims.csv, spans.csv, sources.csv,
    reuse.csv, topics.csv, distinctive_words.csv and off_story.csv into ``out``
    (which must exist); returns the claim alignment (charts and reports use it).

    ``processes`` > 1 lets forked children write ``side_tasks`` meanwhile, one child
    per task; this process writes ``main_tasks`` after the claims (with one process:
    the side tasks after them; a side task whose child failed, after them too).
    No garbage collection runs meanwhile (:func:`no_collection`).
    """
    with no_collection():  # forked children inherit it
        return _write_corpus_tables(out, analyses, errors, claim_threshold, processes,
                                    side_tasks, main_tasks)


@contextmanager
def no_collection() -> Iterator[None]:
    """The cyclic garbage collector off while the tables are written, as it was after.

    The tables make millions of short-lived objects and no reference cycles to speak
    of: on the 2,399-article benchmark corpus, its 26 collections at the former
    threshold of 50,000 allocations (gc.callbacks, one process per stage) freed 8
    objects in all and took about 0.9 of the tables' ~17 CPU-s (claims 0.26,
    emphasis 0.10, sources and reuse 0.53), and each stage's peak memory was the same
    without them. (At Python's default threshold of 700 they took about 3.4 CPU-s.)
    Reference counting frees everything else as before.

    After, the objects still alive go to the oldest generation at once (``gc.freeze``
    then ``gc.unfreeze``), where a full collection walks them as any others: left
    young, the first allocation after the tables started a young collection over
    everything they had kept (the claims' mentions, the analyses' caches), which
    took 0.05-0.07 s at the end of ``framescope analyze``, when nothing else runs.
    Not when objects were frozen before (a window freezes what it keeps): unfreezing
    would move those too.
    """
    collecting = gc.isenabled()
    promote = gc.get_freeze_count() == 0
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            if promote and gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def _write_corpus_tables(
    out: Path, analyses: Sequence[ArticleAnalysis], errors: Sequence[ReadError],
    claim_threshold: float, processes: int, side_tasks: Sequence[Task],
    main_tasks: Sequence[Task],
) -> ClaimAlignment:
    from models.claims import align_claims
    from models.export import (
        write_claims_csv,
        write_codebook_csv,
        write_errors_csv,
        write_outlets_csv,
        write_scores_csv,
    )

    children: list[tuple[Task, multiprocessing.process.BaseProcess | None]] = [
        (task, None) for task in side_tasks]
    if processes > 1 and len(analyses) >= MIN_ARTICLES_FOR_SECOND_PROCESS and can_fork():
        import multiprocessing

        sys.stdout.flush()
        sys.stderr.flush()
        context = multiprocessing.get_context("fork")
        children = []
        for task in side_tasks:
            process = context.Process(target=_run_tasks_in_child, args=((task,), out, analyses),
                                      name="framescope-tables", daemon=True)
            process.start()
            children.append((task, process))
    try:
        write_scores_csv(out / "scores.csv", analyses)
        write_codebook_csv(out / "codebook.csv", analyses, outlets=True, corpus_files=True)
        write_outlets_csv(out / "outlets.csv", analyses)
        write_errors_csv(out / "errors.csv", errors)
        alignment = align_claims(analyses, claim_threshold)
        write_claims_csv(out / "claims.csv", alignment)
        _run_tasks(main_tasks, out, analyses)
        for _, child in children:
            if child is not None:
                child.join()
    finally:
        for _, child in children:
            if child is not None and child.is_alive():  # this process failed or was interrupted
                child.terminate()
                child.join()
    _run_tasks([task for task, child in children if child is None or child.exitcode != 0],
               out, analyses)
    return alignment
