"""Which worker of the pool analyses an article: the one that already has its sentences.

Wire copy repeats sentences across outlets. Each worker caches cues, tones and word
counts by sentence text, so a sentence analysed by both workers is analysed twice.
The pool sends an article to the worker it has already sent most of the article's
sentences to; on a tie to the worker that read it (which keeps it: it is sent back
as a reference, not in full); and it keeps the workers' distinct sentences within
a slack of each other.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest

from models.article import Article
from models.cues import CueFinder
from models.engines import (
    ROUTE_SLACK_SENTENCES,
    ProcessPoolEngine,
    SerialEngine,
    _PoolSession,
    _similarity_key,
    _Worker,
)
from models.features import ArticleAnalysis, analyze_article, article_from_text
from models.pipeline import analyze_paths
from models.progress import NullProgress
from tests.models.test_fast_stages import write_wire_corpus

REPO = Path(__file__).resolve().parents[2]


def pid_analyse(article: Article, finder: CueFinder) -> ArticleAnalysis:
    """analyze_article, with the worker's process id in place of the sentence count."""
    import dataclasses

    analysis = analyze_article(article, finder)
    return dataclasses.replace(
        analysis, scores=dataclasses.replace(analysis.scores, sentences=os.getpid())
    )


def _overlap(groups: list[list[Article]]) -> tuple[int, int]:
    """Sentence texts met by more than one group, and distinct texts in all."""
    sets = [{s.text for a in group for s in a.sentences} for group in groups]
    every = set().union(*sets)
    twice = sum(1 for text in every if sum(text in s for s in sets) > 1)
    return twice, len(every)


@pytest.mark.parametrize(
    "method", ["spawn", pytest.param("fork", marks=pytest.mark.skipif(
        not sys.platform.startswith("linux"), reason="fork: Linux only"))]
)
def test_each_sentence_is_analysed_by_one_worker_and_the_work_is_shared(
    tmp_path: Path, method: str
) -> None:
    folder = write_wire_corpus(tmp_path / "wire", originals=40, copies=160)
    engine = ProcessPoolEngine(
        jobs=2, min_articles=8, chunk=4, start_method=method, analyse=pid_analyse
    )
    pooled = analyze_paths([folder], engine=engine)
    by_worker: dict[int, list[Article]] = {}
    for analysis in pooled.analyses:
        by_worker.setdefault(analysis.scores.sentences, []).append(analysis.article)
    assert len(by_worker) == 2
    twice, distinct = _overlap(list(by_worker.values()))
    # One-permutation MinHash (the routing before) sends many more texts to both.
    articles = [a.article for a in pooled.analyses]
    minhash = [[a for a in articles if _similarity_key(a) % 2 == slot] for slot in (0, 1)]
    before, _ = _overlap(minhash)
    # (830 distinct texts here: 11 met by both workers, against 73 by MinHash; the
    # few left are sentences that different stories share.)
    assert twice <= distinct * 0.02 and twice * 4 < before
    # Neither worker is left with little to do.
    sizes = sorted(len({s.text for a in group for s in a.sentences})
                   for group in by_worker.values())
    assert sizes[0] >= sizes[1] - distinct * 0.05 - ROUTE_SLACK_SENTENCES
    # The results are the serial ones (the process id aside).
    serial = analyze_paths([folder], engine=SerialEngine(analyse=pid_analyse))
    assert [a.article for a in pooled.analyses] == [a.article for a in serial.analyses]
    assert [a.spans for a in pooled.analyses] == [a.spans for a in serial.analyses]
    assert [a.sentence_tones_news for a in pooled.analyses] == [
        a.sentence_tones_news for a in serial.analyses
    ]


class _Tasks:
    def __init__(self) -> None:
        self.put_items: list[Any] = []

    def put(self, item: Any) -> None:
        self.put_items.append(item)


def _session() -> tuple[_PoolSession, list[_Worker]]:
    """A session with two stand-in workers (no processes): routing and sending only."""
    session = _PoolSession(ProcessPoolEngine(jobs=2), NullProgress())
    workers = [_Worker(process=None, tasks=_Tasks(), results=None) for _ in range(2)]
    session._workers = workers
    session._buffers = [[], []]
    session._seen = [set(), set()]
    session._load = [0, 0]
    return session, workers


def _article(text: str, article_id: str) -> Article:
    return article_from_text(text, article_id)


STORY = "The minister said the plan would work. Critics disagreed. Talks go on today."
OTHER = "A storm hit the coast on Monday. Roads were closed. Power was cut to homes."


def test_a_copy_follows_its_story_and_a_new_story_stays_with_its_reader() -> None:
    session, workers = _session()
    first, copy, other = _article(STORY, "a"), _article(STORY + " More later.", "b"), \
        _article(OTHER, "c")
    # A new story (no worker has any of its sentences) goes to the worker that read it.
    session._kept[id(first)] = (first, workers[1], 0, 0)
    assert session._slot_for(first) == 1
    # Its copy goes there too, although the other worker read it.
    session._kept[id(copy)] = (copy, workers[0], 1, 0)
    assert session._slot_for(copy) == 1
    # Another new story read by nobody known: the less loaded worker.
    assert session._slot_for(other) == 0
    assert session._load == [3, 4]


def test_a_worker_far_ahead_gives_way_to_the_other() -> None:
    session, workers = _session()
    session._load = [0, 10_000]
    session._seen[1].update(s.text for s in _article(STORY, "x").sentences)
    copy = _article(STORY, "b")
    session._kept[id(copy)] = (copy, workers[1], 0, 0)
    # Worker 1 has every sentence, but it is more than the slack ahead of worker 0.
    assert session._slot_for(copy) == 0


def test_an_article_sent_to_another_worker_is_forgotten_by_its_reader() -> None:
    session, workers = _session()
    mine, theirs = _article(STORY, "a"), _article(OTHER, "b")
    session._kept[id(mine)] = (mine, workers[0], 3, 0)
    session._kept[id(theirs)] = (theirs, workers[1], 4, 1)
    session._resend(workers[0], [(0, mine), (1, theirs)])
    kind, _chunk, sent = workers[0].tasks.put_items[0]
    assert kind == "analyse"
    assert sent[0] == (0, (None, 3, 0, "a"))  # by reference
    assert sent[1][1][0] == "b" and sent[1][1][1] == OTHER  # in full
    assert workers[1].tasks.put_items == [("forget", -1, [(4, 1)])]
    assert not session._kept
