"""Spans made without the frozen __init__ (models.article.make_span) are Spans in every way
that counts: equal, same hash, repr and pickle, frozen; and an analysis moved through the
pool's compact form is the analysis."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pytest

from models import article as article_module
from models.article import SPAN_FIELDS, Span, make_span
from models.engines import compact, expand, process_finder
from models.features import analyze_article
from models.readers import read_paths

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def analyses():
    articles = read_paths([SEEDS]).articles
    finder = process_finder()
    return [analyze_article(a, finder) for a in articles]


def test_the_fast_maker_is_in_use_for_span_as_it_is() -> None:
    assert tuple(f.name for f in dataclasses.fields(Span)) == SPAN_FIELDS
    assert make_span is not Span


def test_made_spans_equal_the_constructed_ones(analyses) -> None:
    spans = [s for a in analyses for s in a.spans]
    assert len(spans) > 100
    assert {s.probability_low is None for s in spans} == {True, False}
    spans.append(Span(4, 9, "might", "hedge", "epistemic", "might", 2, 0.1, 0.4, True))
    for span in spans:
        values = dataclasses.astuple(span)
        made, plain = make_span(*values), Span(*values)
        assert type(made) is Span
        assert made == plain and hash(made) == hash(plain) and repr(made) == repr(plain)
        assert pickle.loads(pickle.dumps(made)) == plain
        with pytest.raises(dataclasses.FrozenInstanceError):
            made.start = 0  # type: ignore[misc]
    # Defaults, as Span's own.
    assert make_span(1, 2, "x", "hedge", "epistemic", "x", 3) == Span(1, 2, "x", "hedge",
                                                                      "epistemic", "x", 3)


def test_moved_and_expanded_analyses_are_the_analyses(analyses) -> None:
    for analysis in analyses:
        assert expand(analysis.article, compact(analysis)) == analysis


def test_a_changed_span_falls_back_to_its_constructor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(article_module, "SPAN_FIELDS", (*SPAN_FIELDS, "added"))
    assert article_module._span_maker() is Span


def test_made_sentences_equal_the_constructed_ones() -> None:
    from models.article import SENTENCE_FIELDS, Sentence, make_sentence

    assert tuple(f.name for f in dataclasses.fields(Sentence)) == SENTENCE_FIELDS
    assert make_sentence is not Sentence
    sentences = [s for a in read_paths([SEEDS]).articles for s in a.sentences]
    assert len(sentences) > 100 and any(s.in_headline for s in sentences)
    for sentence in sentences:
        values = dataclasses.astuple(sentence)
        made, plain = make_sentence(*values), Sentence(*values)
        assert type(made) is Sentence
        assert made == plain and hash(made) == hash(plain) and repr(made) == repr(plain)
        assert made.in_headline == plain.in_headline
        assert pickle.loads(pickle.dumps(made)) == plain
        with pytest.raises(dataclasses.FrozenInstanceError):
            made.start = 0  # type: ignore[misc]


def test_a_changed_sentence_falls_back_to_its_constructor(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from models import article as article_module
    from models.article import Sentence

    monkeypatch.setattr(article_module, "SENTENCE_FIELDS", ("index", "start", "end"))
    assert article_module._sentence_maker() is Sentence
    monkeypatch.undo()
    monkeypatch.setattr(Sentence, "__post_init__", lambda self: None, raising=False)
    assert article_module._sentence_maker() is Sentence


def test_articles_travel_to_and_from_workers_whole() -> None:
    from models.engines import pack_article, unpack_article

    for article in read_paths([SEEDS]).articles:
        back = unpack_article(pack_article(article))
        assert back == article and back.sentences == article.sentences
        assert pickle.loads(pickle.dumps(pack_article(article))) == pack_article(article)
