"""Where articles are analysed: in this process, in a pool of processes, or on a Dask cluster.

Every engine computes exactly what :func:`models.features.analyze_article`
computes, article by article, and returns the analyses in the articles'
order; the engines differ only in where the work runs. Work that repeats is
done once per process: wire copy repeats sentences across outlets, so cue
spans (:class:`CachingCueFinder`) and VADER scores (:func:`models.tone.sentence_tone`)
are cached by sentence text, and articles that share sentences are sent to
the same worker in the same chunk.

An article whose analysis raises does not stop the run: it becomes a
:class:`~models.article.ReadError` naming the article, in plain words
(:data:`ANALYSIS_FAILED`), with the exception and its traceback as its ``detail``
(logged here, in the process that gathers the results), and the other articles go
on. Every engine checks ``progress.is_cancelled()`` at least every
:data:`POLL_SECONDS` and raises
:class:`~models.progress.Cancelled`; work already handed to a worker process
finishes there (a chunk is small: well under a second) and is thrown away.

Process pools use the ``spawn`` start method: it works the same on Linux,
macOS and Windows, in a frozen app (``multiprocessing.freeze_support`` is
called by ``desktop.__main__``) and in a process that has loaded Qt. On Linux,
a process that runs no other thread and has not loaded Qt forks its workers
instead (:func:`start_method`): they start at once, with every module this
process has imported (a spawned worker spends about half a second importing
and compiling the readers' patterns). A worker that replaces one that died is
always spawned, as threads may run by then.
"""

from __future__ import annotations

import dataclasses
import gc
import logging
import math
import operator
import os
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache, partial
from itertools import starmap
from typing import TYPE_CHECKING, Any, Protocol, cast

from models.article import Article, ReadError, Span, make_span
from models.cues import CueFinder, first_word_named, year_read
from models.progress import Cancelled, Progress
from models.quotations import Intervals

if TYPE_CHECKING:

    from models.features import ArticleAnalysis
    from models.readers import FileJob, FileOutcome

#: How often (seconds) an engine waiting on workers looks at ``is_cancelled``.
POLL_SECONDS = 0.05
#: Most articles per chunk sent to a worker (about 0.3 s of work for news articles).
MAX_CHUNK = 24
#: Below this many articles, starting worker processes costs more than it saves.
MIN_ARTICLES_FOR_POOL = 48
#: Files per reading chunk sent to a worker, and reading chunks a worker may have
#: queued at once (so that analysis chunks are not stuck behind all the reading).
READ_CHUNK = 8
READ_AHEAD = 4
#: Distinct sentences a :class:`CachingCueFinder` remembers before it starts afresh.
CUE_CACHE_SIZE = 200_000
#: How far (a share of the distinct sentences routed so far, plus a number of
#: sentences) one worker's distinct sentences may run ahead of another's before the
#: pool sends an article to the less loaded worker rather than to the one that has
#: most of its sentences.
ROUTE_SLACK = 0.05
ROUTE_SLACK_SENTENCES = 200
#: Allocations between two young-generation garbage collections in a worker process
#: (Python's default is 700).
WORKER_GC_THRESHOLD = 10_000
#: The same in the process that reads and collects a run's results (:func:`collecting_less`).
RUN_GC_THRESHOLD = 50_000

ENGINE_NAMES: tuple[str, ...] = ("local", "dask")

#: An analysis function: what one article becomes. The default is
#: :func:`models.features.analyze_article`; it must be a module-level function
#: (worker processes receive it by name).
Analyse = Callable[[Article, CueFinder], "ArticleAnalysis"]


class EngineUnavailable(Exception):
    """The engine cannot run here: its package is missing or its cluster cannot be reached."""


@dataclass(slots=True)
class EngineResult:
    """The analyses, in the order of the articles given, and the articles that failed."""

    analyses: list[ArticleAnalysis] = field(default_factory=list)
    errors: list[ReadError] = field(default_factory=list)


def start_method(requested: str = "auto") -> str:
    """How to start worker processes: ``requested`` unless it is ``auto``; then
    ``fork`` on Linux when this process runs no other thread (a thread may hold a
    lock the copy could never release) and has not loaded Qt, else ``spawn``."""
    if requested != "auto":
        return requested
    import multiprocessing
    import sys
    import threading

    if (
        sys.platform.startswith("linux")
        and "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1
        and "PySide6" not in sys.modules
    ):
        return "fork"
    return "spawn"


def available_cores() -> int:
    """Cores this process may run on (at least 1)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


@contextmanager
def collecting_less(threshold: int = RUN_GC_THRESHOLD) -> Iterator[None]:
    """The garbage collector's young generation collected every ``threshold``
    allocations meanwhile, then as before; only on the main thread.

    A run builds articles, sentences and spans by the hundred thousand, none in a
    reference cycle: at Python's default (700) the collector walked them about 500
    times, a fifth of this process's CPU time on 2,400 articles. The threshold is the
    whole process's, so a run on another thread (the window's analysis thread) leaves
    it alone.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    before = gc.get_threshold()
    gc.set_threshold(max(threshold, before[0]), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


# --- the cached cue finder -----------------------------------------------------


#: A span's field values in declaration order; moving a span rebuilds it from them
#: when start, end and sentence_index are where this module expects them.
_SPAN_VALUES = operator.attrgetter(*(f.name for f in dataclasses.fields(Span)))
_SPAN_MOVABLE = tuple(f.name for f in dataclasses.fields(Span))[:7] == (
    "start", "end", "text", "category", "subcategory", "term", "sentence_index",
)


class CachingCueFinder(CueFinder):
    """A :class:`CueFinder` that remembers each sentence's cues by the sentence's text
    and its quoted stretches.

    Cues depend on the sentence and its quoted stretches alone (:meth:`CueFinder.find`
    works one sentence at a time), so a sentence met again, in another outlet's copy
    of the same wire story, gets the same spans moved to its offset and index. The
    stretches, given by the article (a quotation may open in an earlier sentence) or
    read from the sentence alone when not given, are part of the key. The article's
    ``names`` are read for the sentence's first word only, so the key holds whether
    that word is one of them, not the names; its ``published_year`` only for a year of
    this century in the sentence (:func:`models.cues.year_read`), so the key holds it then.
    """

    def __init__(self, *args: Any, cache_size: int = CUE_CACHE_SIZE, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # (text, quoted stretches or None for the sentence's own reading, first word named,
        # the article's year where read: year_read)
        # -> the spans at offset 0, and their field values (to move them)
        self._cache: dict[tuple[str, Intervals | None, bool, int | None],
                          tuple[tuple[Span, ...], tuple[Any, ...]]] = {}
        self._cache_size = cache_size
        self.hits = 0
        self.misses = 0

    def find(
        self, text: str, *, offset: int = 0, sentence_index: int = 0,
        quotes: Intervals | None = None, names: frozenset[str] = frozenset(),
        published_year: int | None = None,
    ) -> list[Span]:
        # A sentence with other quoted stretches (a quotation opened before it, or left
        # open and not reopened) has other cues: each reading is cached, and a first word
        # that is one of the article's names, or not.
        named = first_word_named(text, names)
        year = year_read(text, published_year)
        key = (text, quotes, named, year)
        entry = self._cache.get(key)
        if entry is None:
            self.misses += 1
            if len(self._cache) >= self._cache_size:
                self._cache.clear()
            found = tuple(super().find(text, quotes=quotes, names=names, published_year=year))
            entry = self._cache[key] = (found, tuple(map(_SPAN_VALUES, found)))
        else:
            self.hits += 1
        cached, values = entry
        if offset == 0 and sentence_index == 0:
            return list(cached)
        if not cached:
            return []
        if make_span is not Span:
            # Span's fields are SPAN_FIELDS: each span rebuilt from its values, moved.
            make = make_span
            return [
                make(start + offset, end + offset, t, c, sub, term, sentence_index, low, high, neg)
                for start, end, t, c, sub, term, _index, low, high, neg in values
            ]
        if not _SPAN_MOVABLE:
            return [
                dataclasses.replace(
                    s, start=s.start + offset, end=s.end + offset, sentence_index=sentence_index
                )
                for s in cached
            ]
        return [
            Span(v[0] + offset, v[1] + offset, v[2], v[3], v[4], v[5], sentence_index, *v[7:])
            for v in values
        ]


@lru_cache(maxsize=1)
def process_finder() -> CachingCueFinder:
    """This process's cue finder over the shipped lexicon, with its sentence cache."""
    return CachingCueFinder()


def prime_for_fork() -> None:
    """Load here what a worker loads for its first article (the cue finder and its
    lexicons, VADER, the shipped tone and headline models, numpy): workers forked after
    this start with them, instead of each loading them again."""
    from models.features import analyze_article, article_from_text

    article = article_from_text("Officials said the plan would probably work. Critics disagreed!")
    article.headline = "The plan will work, officials say"  # the headline model too
    analyze_article(article, process_finder())


# --- one article, and a chunk of them ------------------------------------------


def default_analyse() -> Analyse:
    from models.features import analyze_article

    return analyze_article


#: Why an article is not in the results when its analysis raised: a fault in Framescope,
#: not in the article ("the analysis failed: KeyError: 'tone_mean'" was the reason before,
#: s33: a Python class name). The exception and its traceback are the error's ``detail``,
#: written to the log (:func:`log_analysis_failure`).
ANALYSIS_FAILED = ("Framescope could not analyse this article (an internal error); it is "
                   "recorded in the log: please report it with the file")
#: Where the analysis's faults are written (by the process that gathers the results).
_LOG = logging.getLogger("framescope.engines")


def analysis_failure(article: Article, exc: BaseException) -> ReadError:
    """The error row for an article whose analysis raised: a plain reason; the exception's
    type, words and traceback in its ``detail`` (never the article's text)."""
    from models.faults import fault_detail

    return ReadError(article.source or article.article_id, ANALYSIS_FAILED,
                     detail=fault_detail(exc))


def log_analysis_failure(error: ReadError) -> None:
    """Write an article's analysis fault, with its detail, to the log."""
    _LOG.error("%s: %s\n%s", error.file, error.reason, error.detail or "(no detail)")


# Compact, cheap-to-pickle forms of what comes back from a worker: tuples of
# the dataclasses' fields in declaration order (so added fields travel too).
def _fields(obj: Any) -> tuple[Any, ...]:
    values: tuple[Any, ...] = _getter(type(obj))(obj)
    return values


_GETTERS: dict[type, Callable[[Any], tuple[Any, ...]]] = {}


def _getter(kind: type) -> Callable[[Any], tuple[Any, ...]]:
    """The values of a dataclass's fields (two or more), in declaration order, at once."""
    getter = _GETTERS.get(kind)
    if getter is None:
        getter = _GETTERS[kind] = operator.attrgetter(*(f.name for f in dataclasses.fields(kind)))
    return getter


# Articles travel to and from workers as tuples too (a slotted dataclass pickles
# field by field through dataclasses.fields(), which costs more than the reading).
PackedArticle = tuple[Any, ...]


def pack_article(article: Article) -> PackedArticle:
    """``article`` as a tuple of its fields, its blocks and sentences as tuples."""
    values = list(_fields(article))
    values[2] = tuple(map(_fields, article.blocks))
    values[3] = tuple(map(_fields, article.sentences))
    return tuple(values)


def unpack_article(packed: PackedArticle) -> Article:
    """The article :func:`pack_article` packed (equal to it)."""
    from models.article import Block, make_sentence

    values = list(packed)
    values[2] = tuple(Block(*b) for b in values[2])
    values[3] = tuple(starmap(make_sentence, values[3]))
    return Article(*values)


def _pack_outcome(outcome: FileOutcome) -> Any:
    read, reason = outcome[0], outcome[1]
    detail = outcome[2] if len(outcome) > 2 else ""
    if read is None:
        return None, reason, detail
    return ([pack_article(a) for a in read.articles], read.problem), reason, detail


def _unpack_outcome(packed: Any) -> FileOutcome:
    from models.readers import FileOutcome
    from models.readers.documents import DocumentRead

    read, reason, detail = packed
    if read is None:
        return FileOutcome(None, reason, detail)
    articles, problem = read
    return FileOutcome(DocumentRead([unpack_article(a) for a in articles], problem), reason,
                       detail)


Compact = tuple[
    tuple[tuple[Any, ...], ...], tuple[float, ...], tuple[int, ...], tuple[Any, ...],
    tuple[Any, ...],
]
ChunkItem = tuple[int, Article]
ChunkResult = tuple[int, "Compact | None", "ReadError | None"]
#: Reading in a worker: (position, file job) in, (position, outcome) out.
ReadFile = Callable[["FileJob"], "FileOutcome"]
ReadItem = tuple[int, "FileJob"]
ReadResult = tuple[int, "FileOutcome"]
#: Called with each analysed article as soon as it and every article before it
#: are done, in the articles' order (failed articles are skipped): a window can
#: show results while the run goes on. The analyses are the ones the run returns.
OnAnalysed = Callable[["ArticleAnalysis"], None]


class _InOrder:
    """Hands analyses to an :data:`OnAnalysed` callback in the articles' order."""

    def __init__(self, callback: OnAnalysed | None) -> None:
        self._callback = callback
        self._next = 0

    def advance(self, done: Callable[[int], bool], analysis: Callable[[int], Any]) -> None:
        """Pass on every article from the last one passed on while ``done(position)``;
        ``analysis(position)`` is its analysis, or None when it failed."""
        if self._callback is None:
            return
        while done(self._next):
            found = analysis(self._next)
            if found is not None:
                self._callback(found)
            self._next += 1


def compact(analysis: ArticleAnalysis) -> Compact:
    return (
        tuple(map(_fields, analysis.spans)),
        tuple(analysis.sentence_tones),
        tuple(analysis.headline_restating),
        _fields(analysis.scores),
        # Any field added to ArticleAnalysis after these (e.g. the news-model tones):
        # computed in the worker, not again in this process.
        tuple(getattr(analysis, f.name) for f in dataclasses.fields(analysis)[5:]),
    )


def expand(article: Article, packed: Compact) -> ArticleAnalysis:
    from models.features import ArticleAnalysis, ArticleScores

    spans, tones, restating, scores, more = packed
    return ArticleAnalysis(
        article, tuple(starmap(make_span, spans)), tones, restating, ArticleScores(*scores),
        *more,
    )


def _score_tones_ahead(articles: Sequence[Article]) -> None:
    """:func:`models.features.score_tones_ahead` of these articles; an error is left for
    each article's own analysis, which meets it again and reports it."""
    from models.features import score_tones_ahead

    try:
        score_tones_ahead(articles)
    except Exception:  # reported by the article's own analysis
        pass


def analyze_chunk(
    items: Sequence[ChunkItem], analyse: Analyse | None = None
) -> list[ChunkResult]:
    """Analyse a chunk of (position, article) in a worker; compact results, errors caught.

    With the default analysis, the chunk's sentence tones are scored together first
    (:func:`models.features.score_tones_ahead`: the same numbers, less CPU).
    """
    if analyse is None:
        _score_tones_ahead([article for _, article in items])
    analyse = analyse if analyse is not None else default_analyse()
    finder = process_finder()
    results: list[ChunkResult] = []
    for position, article in items:
        try:
            results.append((position, compact(analyse(article, finder)), None))
        except Exception as exc:  # reported as the article's error row; the others go on
            results.append((position, None, analysis_failure(article, exc)))
    return results


def _similarity_key(article: Article) -> int:
    """The smallest hash of the article's sentences (a one-permutation MinHash):
    copies of one wire story usually share it, so they sort next to each other."""
    hashes = [zlib.crc32(s.text.encode("utf-8")) for s in article.sentences]
    return min(hashes) if hashes else 0


def chunks_by_similarity(
    articles: Sequence[Article], size: int
) -> list[list[ChunkItem]]:
    """(position, article) chunks of at most ``size``; articles sharing text go together."""
    order = sorted(range(len(articles)), key=lambda i: (_similarity_key(articles[i]), i))
    return [
        [(i, articles[i]) for i in order[start : start + size]]
        for start in range(0, len(order), size)
    ]


def chunk_size(n_articles: int, workers: int) -> int:
    """Enough chunks per worker to balance the load, none larger than :data:`MAX_CHUNK`."""
    return max(1, min(MAX_CHUNK, math.ceil(n_articles / max(1, workers * 8))))


class _Collector:
    """Puts chunk results back in the articles' order and reports progress."""

    def __init__(
        self, articles: Sequence[Article], progress: Progress,
        on_analysed: OnAnalysed | None = None,
    ) -> None:
        self._articles = articles
        self._progress = progress
        self._done: list[ArticleAnalysis | None] = [None] * len(articles)
        self.errors: dict[int, ReadError] = {}
        self._count = 0
        self._in_order = _InOrder(on_analysed)

    def add(self, results: Iterable[ChunkResult | tuple[int, Any, ReadError | None]]) -> None:
        for position, packed, error in results:
            if error is not None:
                self.errors[position] = error
                if error.detail:
                    log_analysis_failure(error)
            elif isinstance(packed, tuple):
                self._done[position] = expand(self._articles[position], packed)
            elif packed is not None:  # already expanded (streamed by a pool session)
                self._done[position] = packed
            self._count += 1
        self._in_order.advance(self._is_done, self._done.__getitem__)
        total = len(self._articles)
        self._progress.set_status(f"Analysed {self._count} of {total} articles")
        self._progress.set_progress(self._count / total if total else 1.0)

    def fail(self, items: Iterable[ChunkItem], reason: str) -> None:
        for position, article in items:
            self.errors[position] = ReadError(article.source or article.article_id, reason)
            self._count += 1
        self._in_order.advance(self._is_done, self._done.__getitem__)

    def _is_done(self, position: int) -> bool:
        return position < len(self._done) and (
            self._done[position] is not None or position in self.errors
        )

    def result(self) -> EngineResult:
        analyses = [a for a in self._done if a is not None]
        errors = [self.errors[i] for i in sorted(self.errors)]
        return EngineResult(analyses, errors)


# --- the engines -----------------------------------------------------------------


class Session(Protocol):
    """One run of an engine: articles go in as they are read, results come out in order."""

    def submit(self, article: Article) -> None:
        """Queue ``article``; may start work on it at once."""

    def finish(self) -> EngineResult:
        """Wait for every article submitted; raise Cancelled once the progress is cancelled."""

    def close(self) -> None:
        """Stop all work now (after finish, or instead of it); safe to call twice."""


class Engine(Protocol):
    def open(self, progress: Progress, on_analysed: OnAnalysed | None = None) -> Session:
        """A session that reports to ``progress`` (and each result to ``on_analysed``)."""

    def analyze(self, articles: Sequence[Article], progress: Progress) -> EngineResult:
        """Analyse ``articles``; raise Cancelled once ``progress.is_cancelled()``."""


def run_session(engine: Engine, articles: Iterable[Article], progress: Progress) -> EngineResult:
    """Submit every article to a session of ``engine`` and wait for the results."""
    session = engine.open(progress)
    try:
        for article in articles:
            session.submit(article)
        return session.finish()
    finally:
        session.close()


class _SerialSession:
    def __init__(
        self, analyse: Analyse | None, progress: Progress, finder: CueFinder | None = None,
        on_analysed: OnAnalysed | None = None,
    ) -> None:
        self._analyse = analyse
        self._progress = progress
        self._finder = finder
        self._on_analysed = on_analysed
        self.articles: list[Article] = []

    def submit(self, article: Article) -> None:
        self.articles.append(article)

    def finish(self) -> EngineResult:
        articles, progress = self.articles, self._progress
        collector = _Collector(articles, progress, self._on_analysed)
        analyse = self._analyse if self._analyse is not None else default_analyse()
        finder = self._finder if self._finder is not None else process_finder()
        step = max(1, len(articles) // 200)  # about 200 progress reports per run
        batch: list[ChunkResult] = []
        for position, article in enumerate(articles):
            if progress.is_cancelled():
                raise Cancelled
            if self._analyse is None and position % MAX_CHUNK == 0:
                # as a pool worker does with its chunk (analyze_chunk): the next
                # articles' sentence tones scored together first; the same numbers
                _score_tones_ahead(articles[position:position + MAX_CHUNK])
            try:
                batch.append((position, compact(analyse(article, finder)), None))
            except Exception as exc:  # reported as the article's error row
                batch.append((position, None, analysis_failure(article, exc)))
            if len(batch) >= step:
                collector.add(batch)
                batch = []
        collector.add(batch)
        return collector.result()

    def close(self) -> None:
        pass


@dataclass
class SerialEngine:
    """Every article in this process, one after another; ``finder``: a cue finder of
    the caller's (e.g. with the user's dictionaries) instead of the shipped lexicon's."""

    analyse: Analyse | None = None
    finder: CueFinder | None = None

    def open(self, progress: Progress, on_analysed: OnAnalysed | None = None) -> Session:
        return _SerialSession(self.analyse, progress, self.finder, on_analysed)

    def analyze(self, articles: Sequence[Article], progress: Progress) -> EngineResult:
        return run_session(self, articles, progress)


@dataclass
class ProcessPoolEngine:
    """Articles in chunks on ``jobs`` worker processes, while they are read.

    The workers read the files too (:meth:`_PoolSession.read_files`, when there
    are at least ``min_articles`` files): this process settles duplicates and
    ids in the files' order, then sends each article to the worker that has
    already been sent most of its sentences (:meth:`_PoolSession._slot_for`), so
    copies of one wire story meet that worker's caches and a sentence is
    analysed by one worker only. With one job, or fewer than ``min_articles``
    articles, everything runs in this process instead, with the same results.
    """

    jobs: int = 0  # 0: every available core
    analyse: Analyse | None = None
    min_articles: int = MIN_ARTICLES_FOR_POOL
    chunk: int = MAX_CHUNK
    #: How a worker reads one file (default: models.readers.read_outcome); module-level.
    read: ReadFile | None = None
    #: ``spawn``, ``fork``, ``forkserver``, or ``auto`` (:func:`start_method`).
    start_method: str = "auto"
    #: Called in this process once a run's workers have started (or once its few
    #: articles are to be analysed here): the place to start a thread of one's own,
    #: as workers are forked only while no other thread runs.
    on_start: Callable[[], None] | None = None
    #: The diagnostics log (a path): a worker that crashes hard (a segfault, an abort)
    #: leaves its threads' Python stacks there (:func:`models.faults.keep_hard_crashes_in`)
    #: and its problem's detail names it. None: no such file.
    fault_log: str | None = None

    def workers(self) -> int:
        return self.jobs if self.jobs > 0 else available_cores()

    def open(self, progress: Progress, on_analysed: OnAnalysed | None = None) -> Session:
        if self.workers() <= 1:
            return _SerialSession(self.analyse, progress, on_analysed=on_analysed)
        return _PoolSession(self, progress, on_analysed)

    def analyze(self, articles: Sequence[Article], progress: Progress) -> EngineResult:
        return run_session(self, articles, progress)


def read_chunk(items: Sequence[ReadItem], read: ReadFile | None = None) -> list[ReadResult]:
    """Read a chunk of (position, file job) in a worker; every failure is an outcome."""
    if read is None:
        from models.readers import read_outcome

        read = read_outcome
    results: list[ReadResult] = []
    for position, job in items:
        try:
            results.append((position, read(job)))
        except Exception as exc:  # read_outcome catches its own; a custom reader may not
            from models.faults import fault_detail
            from models.readers import READER_FAILED, FileOutcome

            results.append((position, FileOutcome(None, READER_FAILED, fault_detail(exc))))
    return results


def _worker_main(
    tasks: Any, results: Any, analyse: Analyse | None, read: ReadFile | None = None,
    slot: int = 0, workers: int = 0, fault_log: str | None = None,
) -> None:
    """A pool worker: chunks from ``tasks`` until None; (kind, chunk id, ...) to ``results``:
    ("analyse", id, articles) -> "done", ("read", id, file jobs) -> "read";
    ("forget", id, keys) has no answer.

    It is worker ``slot`` of ``workers`` (``workers`` 0: a worker that keeps nothing):
    it keeps the articles it reads, by (file position, article number in the file).
    Those routed back to it (:meth:`_PoolSession._route`) come back as a reference,
    not again in full; those routed to another worker are named in a "forget".
    ``fault_log``: where a hard crash leaves the worker's Python stacks."""
    import gc
    import multiprocessing

    if fault_log:
        from models.faults import keep_hard_crashes_in

        keep_hard_crashes_in(fault_log)

    if multiprocessing.parent_process() is not None:
        # What a worker process inherits (modules, lexicons, compiled patterns) is never
        # garbage: the collector need not walk it again (nor touch, and so copy, its pages).
        gc.freeze()
        # Analysis makes many short-lived objects and few cycles: collecting less often
        # took the worker's collection time from about 0.2 to 0.1 s on 1,200 articles.
        gc.set_threshold(WORKER_GC_THRESHOLD, *gc.get_threshold()[1:])
        # On, whatever the process that forked it had (framescope analyze turns its own
        # off for the run: desktop/cli.py).
        gc.enable()
        _end_with_parent()
    kept: dict[tuple[int, int], Article] = {}
    while True:
        job = tasks.get()
        if job is None:
            return
        kind, chunk_id, items = job
        if kind == "forget":
            for key in items:
                kept.pop(key, None)
            continue
        results.send(("started", chunk_id, None))
        if kind == "read":
            outcomes = read_chunk(items, read)
            if workers:
                for position, (read_doc, *_failure) in outcomes:
                    for number, article in enumerate(read_doc.articles if read_doc else ()):
                        kept[(position, number)] = article
            results.send(("read", chunk_id, [(p, _pack_outcome(o)) for p, o in outcomes]))
        else:
            articles = [(p, _received(a, kept)) for p, a in items]
            results.send(("done", chunk_id, analyze_chunk(articles, analyse)))


#: prctl(2)'s option: the signal a process gets when its parent ends (Linux).
PR_SET_PDEATHSIG = 1


def _end_with_parent() -> None:
    """A worker ends when the process that started it ends, even one killed outright.

    A forked worker holds the reading end of its own result pipe, so after its parent
    died it waited for ever on a full pipe, or on its task queue when idle. On Linux
    the kernel sends it SIGTERM (prctl PR_SET_PDEATHSIG; elsewhere the parent's own
    shutdown ends its workers). SIGTERM's default action is restored first: a forked
    worker inherits its parent's handlers."""
    import multiprocessing
    import os
    import signal
    import sys

    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    parent = multiprocessing.parent_process()
    if not sys.platform.startswith("linux") or parent is None:
        return
    import ctypes

    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, int(signal.SIGTERM), 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent.pid:
        os._exit(1)  # the parent ended before the signal was set up


#: An article sent to a worker for analysis: packed in full (its id first), or (None,
#: file position, article number, id) naming one the worker read itself, with the id
#: this process gave it.
SentArticle = tuple[Any, ...]


def _received(sent: SentArticle, kept: dict[tuple[int, int], Article]) -> Article:
    if sent[0] is not None:
        return unpack_article(sent)
    _, position, number, article_id = sent
    article = kept.pop((position, number))
    article.article_id = article_id
    return article


@dataclass
class _Worker:
    process: Any
    tasks: Any  # multiprocessing Queue: never blocks the sender
    results: Any  # the receiving end of a pipe
    # chunk id -> ("analyse", [(position, article)]) or ("read", [(position, file job)])
    outstanding: dict[int, tuple[str, list[Any]]] = field(default_factory=dict)
    running: int | None = None  # the chunk it has started and not finished
    took_work: bool = False  # it has started at least one chunk


#: Why an article or a file is missing when the worker process doing it died (a segfault,
#: an abort, the out-of-memory killer): no traceback comes back; the problem's detail
#: names the signal and the log holding the worker's last stacks (ProcessPoolEngine.fault_log).
ANALYSIS_CRASHED = "the analysis stopped: its worker process ended unexpectedly on this article"
READER_CRASHED = "not read: the reading process ended unexpectedly on this file"


class _PoolSession:
    CRASHED = ANALYSIS_CRASHED
    READER_CRASHED = READER_CRASHED
    #: Workers that end before taking any work, one after another, before the session
    #: stops starting processes and does the rest here (a worker that cannot start,
    #: say a broken install, would otherwise be replaced for ever).
    STARTUP_DEATHS = 3
    NO_WORKERS = (
        "The analysis processes ended as soon as they started (exit code {code}); "
        "analysing in this process instead"
    )

    def __init__(
        self, engine: ProcessPoolEngine, progress: Progress,
        on_analysed: OnAnalysed | None = None,
    ) -> None:
        self._engine = engine
        self._progress = progress
        self._on_analysed = on_analysed
        self._in_order = _InOrder(on_analysed)
        self._articles: list[Article] = []
        self._waiting: list[ChunkItem] = []  # before the pool starts
        self._workers: list[_Worker] = []
        self._buffers: list[list[ChunkItem]] = []
        # Compact results, or analyses already expanded to be streamed to on_analysed.
        self._results: dict[int, tuple[Any, ReadError | None]] = {}
        self._next_chunk = 0
        self._serial: _SerialSession | None = None
        self._read: dict[int, FileOutcome] = {}  # file outcomes not yet taken
        # id(article) -> (the article, the worker that read it, file position, number)
        self._kept: dict[int, tuple[Article, _Worker, int, int]] = {}
        self._reading = False  # the reader reports progress meanwhile
        self._early_deaths = 0  # workers in a row that ended before taking any work
        self._inline = False  # no workers: every chunk is done here as it is sent
        # Per slot: the sentence texts routed to it, and how many distinct ones (its work).
        self._seen: list[set[str]] = []
        self._load: list[int] = []

    # submitting

    def submit(self, article: Article) -> None:
        # No cancellation check here: the reader checks between files.
        item = (len(self._articles), article)
        self._articles.append(article)
        if self._inline:
            self._resend(None, [item])
        elif not self._workers:
            self._waiting.append(item)
            if len(self._waiting) >= self._engine.min_articles:
                self._start()
                for waiting in self._waiting:
                    self._route(waiting)
                self._waiting = []
        else:
            self._route(item)
        self._drain(0)

    def _start(self) -> None:
        import multiprocessing

        method = start_method(self._engine.start_method)
        if method == "fork" and self._engine.analyse is None:
            prime_for_fork()
        context = multiprocessing.get_context(method)
        workers = self._engine.workers()
        for slot in range(workers):
            self._workers.append(self._spawn(slot, workers, context))
            self._buffers.append([])
            self._seen.append(set())
            self._load.append(0)
        if self._engine.on_start is not None:
            self._engine.on_start()

    def _spawn(self, slot: int, workers: int, context: Any = None) -> _Worker:
        """Start the worker for ``slot`` (of ``workers``)."""
        import multiprocessing

        # A replacement is spawned: by then this process runs the queues' threads.
        context = context if context is not None else multiprocessing.get_context("spawn")
        tasks = context.Queue()
        receive, send = context.Pipe(duplex=False)
        process = context.Process(
            target=_worker_main,
            args=(tasks, send, self._engine.analyse, self._engine.read, slot, workers,
                  self._engine.fault_log),
            daemon=True,
            name="framescope-analysis",
        )
        process.start()
        send.close()  # the worker holds the sending end: EOF here when it dies
        return _Worker(process, tasks, receive)

    def _slot_for(self, article: Article) -> int:
        """The worker for ``article``: the one already sent most of its sentences (their
        cues, tones and word counts are in that worker's caches); on a tie, the one that
        read it (it keeps the article: no need to send it in full), else the least
        loaded. A slot whose distinct sentences would run more than
        :data:`ROUTE_SLACK` of all ahead of the least loaded one's gives way to it."""
        texts = [s.text for s in article.sentences]
        seen, load = self._seen, self._load
        shared = [sum(map(known.__contains__, texts)) for known in seen]
        most = max(shared)
        kept = self._kept.get(id(article))
        slots = range(len(seen))
        read_by = [
            s for s in slots
            if kept is not None and kept[0] is article and self._workers[s] is kept[1]
        ]
        if read_by and shared[read_by[0]] == most:
            slot = read_by[0]
        else:
            slot = min((s for s in slots if shared[s] == most), key=load.__getitem__)
        after = [load[s] + len(texts) - shared[s] for s in slots]
        least = min(slots, key=after.__getitem__)
        if after[slot] - after[least] > ROUTE_SLACK * sum(load) + ROUTE_SLACK_SENTENCES:
            slot = least
        seen[slot].update(texts)
        load[slot] = after[slot]
        return slot

    def _route(self, item: ChunkItem) -> None:
        slot = self._slot_for(item[1])
        buffer = self._buffers[slot]
        buffer.append(item)
        if len(buffer) >= self._engine.chunk:
            self._send(slot, buffer)
            self._buffers[slot] = []

    def _send(self, slot: int, items: list[ChunkItem]) -> None:
        self._resend(self._workers[slot], items)

    # reading

    def read_files(self, jobs: Sequence[FileJob], progress: Progress) -> Iterator[FileOutcome]:
        """The files' outcomes in order, read by the workers (a few chunks ahead per
        worker, round robin); with fewer than ``min_articles`` files, here."""
        if len(jobs) < self._engine.min_articles:
            from models.readers import read_outcome

            read = self._engine.read if self._engine.read is not None else read_outcome
            for job in jobs:
                yield read(job)
            return
        if not self._workers:
            self._start()
        numbered = list(enumerate(jobs))
        chunks = [numbered[start:start + READ_CHUNK] for start in range(0, len(jobs), READ_CHUNK)]
        sent = 0
        self._reading = True
        for position in range(len(jobs)):
            if position == len(jobs) - 1:
                self._reading = False
            while position not in self._read:
                while sent < len(chunks):
                    if self._inline:
                        self._resend(None, chunks[sent], "read")
                        sent += 1
                        break
                    worker = self._workers[sent % len(self._workers)]
                    if sum(kind == "read" for kind, _ in worker.outstanding.values()) \
                            >= READ_AHEAD:
                        break
                    self._resend(worker, chunks[sent], "read")
                    sent += 1
                if progress.is_cancelled():
                    raise Cancelled
                self._drain(POLL_SECONDS)
            yield self._read.pop(position)

    # collecting

    def _drain(self, timeout: float) -> None:
        """Take every result that has arrived (waiting up to ``timeout`` s for the first)."""
        if self._inline:
            self._stream()
            self._report()
            return
        if not self._workers:
            return
        from multiprocessing.connection import wait

        by_conn = {w.results: w for w in self._workers}
        by_sentinel = {w.process.sentinel: w for w in self._workers}
        ready = wait([*by_conn, *by_sentinel], timeout)
        dead: list[_Worker] = []
        for handle in ready:
            worker = by_conn.get(handle)
            if worker is None:
                dead.append(by_sentinel[handle])
                continue
            while worker.results.poll():
                try:
                    kind, chunk_id, payload = worker.results.recv()
                except (EOFError, OSError):
                    break
                if kind == "started":
                    worker.running = chunk_id
                    worker.took_work = True
                elif kind == "read":
                    worker.outstanding.pop(chunk_id, None)
                    worker.running = None
                    for position, outcome in payload:
                        self._read[position] = read = _unpack_outcome(outcome)
                        for number, article in enumerate(read[0].articles if read[0] else ()):
                            self._kept[id(article)] = (article, worker, position, number)
                else:
                    worker.outstanding.pop(chunk_id, None)
                    worker.running = None
                    articles = self._articles
                    for position, packed, error in payload:
                        # Expanded now, while the workers go on, not all at the end.
                        self._results[position] = (
                            (expand(articles[position], packed), None)
                            if packed is not None else (None, error)
                        )
        for worker in dead:
            if worker in self._workers and not worker.process.is_alive():
                self._replace(worker)
        self._stream()
        self._report()

    def _stream(self) -> None:
        if self._on_analysed is not None:
            self._in_order.advance(self._results.__contains__, self._expanded)

    def _expanded(self, position: int) -> ArticleAnalysis | None:
        packed, _error = self._results[position]
        if not isinstance(packed, tuple):
            return None if packed is None else cast("ArticleAnalysis", packed)
        analysis = expand(self._articles[position], packed)
        self._results[position] = (analysis, None)
        return analysis

    def _replace(self, worker: _Worker) -> None:
        """A worker died: its chunk in progress is retried article by article (the one
        that crashes it again is reported), its other chunks go to a fresh worker."""
        from models.faults import ended_abruptly

        slot = self._workers.index(worker)
        self._discard(worker)
        exitcode, log = worker.process.exitcode, self._engine.fault_log
        self._early_deaths = 0 if worker.took_work else self._early_deaths + 1
        if self._early_deaths >= self.STARTUP_DEATHS:
            self._go_inline(worker)
            return
        fresh = self._spawn(slot, len(self._workers))
        self._workers[slot] = fresh
        for chunk_id, (kind, items) in worker.outstanding.items():
            if chunk_id != worker.running:
                self._resend(fresh, items, kind)
            elif len(items) == 1 and kind == "read":
                position, _job = items[0]
                from models.readers import FileOutcome

                self._read[position] = FileOutcome(
                    None, self.READER_CRASHED, ended_abruptly("reading", exitcode, log)
                )
            elif len(items) == 1:
                position, article = items[0]
                self._results[position] = (None, ReadError(
                    article.source or article.article_id, self.CRASHED,
                    detail=ended_abruptly("analysing", exitcode, log),
                ))
            else:
                for item in items:
                    self._resend(fresh, [item], kind)

    def _go_inline(self, dead: _Worker) -> None:
        """Stop the workers and do their outstanding and buffered work in this process."""
        message = self.NO_WORKERS.format(code=dead.process.exitcode)
        self._progress.set_status(message)
        pending = [
            entry for worker in (dead, *self._workers) for entry in worker.outstanding.values()
        ]
        buffered = [item for buffer in self._buffers for item in buffer]
        others = [worker for worker in self._workers if worker is not dead]
        self._workers, self._buffers = [], []
        for worker in others:
            self._discard(worker)
        self._inline = True
        for kind, items in pending:
            self._resend(None, items, kind)
        if buffered:
            self._resend(None, buffered)

    def _resend(self, worker: _Worker | None, items: list[Any], kind: str = "analyse") -> None:
        if self._inline or worker is None:
            if self._progress.is_cancelled():
                raise Cancelled
            if kind == "read":
                for position, outcome in read_chunk(items, self._engine.read):
                    self._read[position] = outcome
            else:
                for position, packed, error in analyze_chunk(items, self._engine.analyse):
                    self._results[position] = (packed, error)
            return
        chunk_id = self._next_chunk
        self._next_chunk += 1
        worker.outstanding[chunk_id] = (kind, items)
        forget: dict[int, tuple[_Worker, list[tuple[int, int]]]] = {}
        sent = items if kind == "read" else [
            (p, self._sent(worker, a, forget)) for p, a in items
        ]
        worker.tasks.put((kind, chunk_id, sent))
        for reader, keys in forget.values():
            if any(reader is w for w in self._workers):
                reader.tasks.put(("forget", -1, keys))

    def _sent(
        self, worker: _Worker, article: Article,
        forget: dict[int, tuple[_Worker, list[tuple[int, int]]]],
    ) -> SentArticle:
        """``article`` as sent to ``worker``: a reference when that worker read it (it
        keeps what it reads), else packed in full; then the worker that read it is
        to forget it (added to ``forget``, by that worker's id)."""
        kept = self._kept.pop(id(article), None)
        if kept is not None and kept[0] is article:
            if kept[1] is worker:
                return (None, kept[2], kept[3], article.article_id)
            forget.setdefault(id(kept[1]), (kept[1], []))[1].append((kept[2], kept[3]))
        return pack_article(article)

    def _report(self) -> None:
        if self._reading:
            return  # while files are read, the reader's progress is the one shown
        total = len(self._articles)
        done = len(self._results)
        self._progress.set_status(f"Analysed {done} of {total} articles")
        self._progress.set_progress(done / total if total else 1.0)

    def finish(self) -> EngineResult:
        if not self._workers and not self._inline:
            # Too few articles to be worth starting processes.
            if self._engine.on_start is not None:
                self._engine.on_start()
            self._serial = _SerialSession(
                self._engine.analyse, self._progress, on_analysed=self._on_analysed
            )
            self._serial.articles = self._articles
            return self._serial.finish()
        for slot, buffer in enumerate(self._buffers):
            if buffer:
                self._send(slot, buffer)
                self._buffers[slot] = []
        while len(self._results) < len(self._articles):
            if self._progress.is_cancelled():
                raise Cancelled
            self._drain(POLL_SECONDS)
        self._stream()
        collector = _Collector(self._articles, self._progress)
        collector.add((p, *self._results[p]) for p in range(len(self._articles)))
        for worker in self._workers:
            worker.tasks.put(None)
        for worker in self._workers:
            worker.process.join(timeout=POLL_SECONDS * 20)
        return collector.result()

    # stopping

    def _discard(self, worker: _Worker) -> None:
        if worker.process.is_alive():
            worker.process.terminate()
        worker.process.join(timeout=1.0)
        worker.tasks.cancel_join_thread()
        worker.tasks.close()
        worker.results.close()

    def close(self) -> None:
        workers, self._workers = self._workers, []
        for worker in workers:
            if worker.process.is_alive():
                worker.process.terminate()
        for worker in workers:
            self._discard(worker)


@dataclass
class DaskEngine:
    """Articles in chunks on a Dask distributed cluster whose scheduler is at ``address``.

    Needs the ``cluster`` extra (``dask[distributed]``); the workers need
    Framescope installed. Raises :class:`EngineUnavailable` when Dask is
    missing or the scheduler cannot be reached within ``timeout`` seconds.
    """

    address: str
    timeout: float = 10.0
    analyse: Analyse | None = None

    @staticmethod
    def check_installed() -> None:
        """Raise :class:`EngineUnavailable` unless Dask distributed can be imported."""
        try:
            import distributed  # noqa: F401
        except ImportError:
            raise EngineUnavailable(
                "the Dask engine needs Dask distributed: pip install 'framescope[cluster]'"
            ) from None

    def client(self) -> Any:
        self.check_installed()
        import distributed

        client_type: Any = distributed.Client  # untyped: called through Any
        try:
            return client_type(self.address, timeout=self.timeout, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise EngineUnavailable(
                f"cannot reach the Dask scheduler at {self.address}: {exc}"
            ) from None

    def open(self, progress: Progress, on_analysed: OnAnalysed | None = None) -> Session:
        return _CollectingSession(partial(self._run, on_analysed=on_analysed), progress)

    def analyze(self, articles: Sequence[Article], progress: Progress) -> EngineResult:
        return run_session(self, articles, progress)

    def _run(
        self, articles: Sequence[Article], progress: Progress,
        on_analysed: OnAnalysed | None = None,
    ) -> EngineResult:
        collector = _Collector(articles, progress, on_analysed)
        if not articles:
            return collector.result()
        client = self.client()
        try:
            workers = max(1, sum(client.nthreads().values()))
            chunks = chunks_by_similarity(articles, chunk_size(len(articles), workers))
            futures = {
                client.submit(analyze_chunk, chunk, self.analyse, pure=False): chunk
                for chunk in chunks
            }
            pending = list(futures)
            while pending:
                if progress.is_cancelled():
                    client.cancel(pending)
                    raise Cancelled
                done = [f for f in pending if f.done()]
                if not done:
                    time.sleep(POLL_SECONDS)
                    continue
                for future in done:
                    pending.remove(future)
                    try:
                        collector.add(future.result())
                    except Exception as exc:  # a worker lost: its articles are reported
                        collector.fail(
                            futures[future], f"the analysis stopped on the cluster: {exc}"
                        )
        finally:
            client.close()
        return collector.result()


class _CollectingSession:
    """Takes every article first, then hands them all to ``run`` at :meth:`finish`."""

    def __init__(
        self, run: Callable[[Sequence[Article], Progress], EngineResult], progress: Progress
    ) -> None:
        self._run = run
        self._progress = progress
        self._articles: list[Article] = []

    def submit(self, article: Article) -> None:
        self._articles.append(article)

    def finish(self) -> EngineResult:
        return self._run(self._articles, self._progress)

    def close(self) -> None:
        pass


def make_engine(
    name: str = "local", *, jobs: int = 0, scheduler: str = "", fault_log: str | None = None,
) -> Engine:
    """The engine called ``name`` (:data:`ENGINE_NAMES`); ``local`` uses ``jobs`` cores
    (its workers' hard crashes written to ``fault_log``: :attr:`ProcessPoolEngine.fault_log`)."""
    if name == "local":
        return ProcessPoolEngine(jobs, fault_log=fault_log)
    if name == "dask":
        if not scheduler:
            raise EngineUnavailable("the Dask engine needs --scheduler ADDRESS")
        DaskEngine.check_installed()
        return DaskEngine(scheduler)
    raise EngineUnavailable(f"unknown engine {name!r}; choose from {', '.join(ENGINE_NAMES)}")
