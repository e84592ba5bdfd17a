"""Shared fixtures: hand-built analyses that do not depend on the lexicons."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from models.article import Article, Block, Role, Sentence, Span
from models.features import ArticleAnalysis, score_spans
from tests.timing import Moment, moment

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"


def make_analysis(
    article_id: str,
    outlet: str,
    sentences: list[str],
    spans: list[tuple[int, str, str]] = (),  # type: ignore[assignment]
    tones: list[float] | None = None,
    headline: str = "",
) -> ArticleAnalysis:
    """An analysis over body ``sentences`` with cues given as (sentence, category, sub)."""
    text = " ".join(sentences)
    body: list[Sentence] = []
    pos = 0
    for i, s in enumerate(sentences):
        body.append(Sentence(i, pos, pos + len(s), s))
        pos += len(s) + 1
    article = Article(
        article_id=article_id,
        text=text,
        blocks=(Block(0, len(text), Role.BODY),),
        sentences=tuple(body),
        outlet=outlet,
        headline=headline,
    )
    cue_spans = tuple(
        Span(body[i].start, body[i].start + 1, text[body[i].start], cat, sub, cat, i)
        for i, cat, sub in spans
    )
    tone_values = tuple(tones if tones is not None else [0.0] * len(sentences))
    scores, restating = score_spans(article, cue_spans, tone_values)
    return ArticleAnalysis(article, cue_spans, tone_values, restating, scores)


@pytest.fixture
def analysis_factory() -> Callable[..., ArticleAnalysis]:
    return make_analysis


@pytest.fixture
def stopped_workers(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, Moment]]:
    """Each worker process the test's session sends SIGTERM, and when it first did."""
    from multiprocessing.process import BaseProcess

    stopped: list[tuple[Any, Moment]] = []
    real = BaseProcess.terminate

    def terminate(process: BaseProcess) -> None:
        if all(p is not process for p, _ in stopped):
            stopped.append((process, moment()))
        real(process)

    monkeypatch.setattr(BaseProcess, "terminate", terminate)
    return stopped
