"""From files to a corpus analysis: read, then analyse, with one progress object."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from models.article import Article, ReadError
from models.features import ArticleAnalysis, analyze_articles
from models.progress import NullProgress, Progress
from models.readers.tables import ColumnMapping

if TYPE_CHECKING:
    from models.cues import CueFinder
    from models.engines import Engine, OnAnalysed


@dataclass(slots=True)
class CorpusAnalysis:
    """The analysed articles of one run, and the files that could not be read."""

    analyses: list[ArticleAnalysis] = field(default_factory=list)
    errors: list[ReadError] = field(default_factory=list)

    def merged(self, other: CorpusAnalysis) -> CorpusAnalysis:
        """This corpus with ``other``'s articles and errors added after it."""
        return CorpusAnalysis(self.analyses + other.analyses, self.errors + other.errors)


class _Stage:
    """Maps a stage's 0–1 progress into [start, start + width] of the whole run."""

    def __init__(self, outer: Progress, start: float, width: float) -> None:
        self._outer, self._start, self._width = outer, start, width

    def set_progress(self, fraction: float) -> None:
        self._outer.set_progress(self._start + self._width * min(max(fraction, 0.0), 1.0))

    def set_status(self, text: str) -> None:
        self._outer.set_status(text)

    def is_cancelled(self) -> bool:
        return self._outer.is_cancelled()


def analyze_paths(
    paths: Iterable[str | Path],
    progress: Progress | None = None,
    *,
    columns: ColumnMapping | None = None,
    file_columns: Mapping[Path, ColumnMapping] | None = None,
    finder: CueFinder | None = None,
    engine: Engine | None = None,
    on_analysed: OnAnalysed | None = None,
    known_outlets: Iterable[str] = (),
) -> CorpusAnalysis:
    """Read files and folders, then analyse every article that could be read.

    ``columns`` and ``file_columns`` name the columns of corpus files, and
    ``known_outlets`` the outlets already loaded (a new article's "cnn" joins a loaded
    "CNN"), as in :func:`models.readers.read_paths`. ``engine`` says where articles are
    analysed (:mod:`models.engines`; default: in this process). ``on_analysed``
    receives each analysis as soon as it and every article before it are done,
    in the order of the result (the app fills its table while the run goes on).

    A file that cannot be read, or an article whose analysis fails, becomes a
    :class:`ReadError`; the others go on.
    Raises :class:`models.progress.Cancelled` when the progress is cancelled.
    """
    from models.engines import SerialEngine, collecting_less
    from models.readers import read_paths

    progress = progress if progress is not None else NullProgress()
    if finder is not None:
        # A finder of the user's (custom dictionaries): scored here, with it.
        engine = SerialEngine(finder=finder)
    engine = engine if engine is not None else SerialEngine()
    # Articles go to the engine as they are read, so that workers analyse
    # while this process reads.
    stage = _Stage(progress, 0.3, 0.7)
    with collecting_less():
        session = engine.open(stage) if on_analysed is None else engine.open(stage, on_analysed)
        try:
            result = read_paths(
                paths, _Stage(progress, 0.0, 0.3), columns=columns, file_columns=file_columns,
                on_article=session.submit, known_outlets=known_outlets,
                # A pool session reads the files on its workers too.
                read_files=getattr(session, "read_files", None),
            )
            analysed = session.finish()
        finally:
            session.close()
    progress.set_progress(1.0)
    return CorpusAnalysis(analysed.analyses, list(result.errors) + analysed.errors)


def analyze_loaded(
    articles: Sequence[Article], progress: Progress | None = None,
    finder: CueFinder | None = None,
) -> CorpusAnalysis:
    """Analyse articles already read (texts built in a script, a reopened project);
    ``finder`` replaces the shipped lexicon's (e.g. one with the user's edits)."""
    return CorpusAnalysis(analyze_articles(articles, progress, finder))
