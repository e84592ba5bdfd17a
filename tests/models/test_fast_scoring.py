"""Reading and scoring with their caches give exactly what the plain computations give.

Wire copy repeats whole paragraphs and sentences across outlets, so reading
(layout, sentences) and scoring (cues, word counts, headline restatement)
remember what a line, a block or a sentence's text decides. Each test here
runs the plain computation (as the code was written before, kept here as the
reference, or the cached function's ``__wrapped__``) beside the cached one on
a corpus with wire copies, read twice so the second pass is served from the
caches, and compares the results exactly.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from models import headline, segment
from models.article import HEADLINE_INDEX, Article, Block, Role, Sentence
from models.cues import CueFinder
from models.engines import CachingCueFinder
from models.features import analyze_article, count_words, sentence_words
from models.readers import layout, manifest, read_paths
from tests.models.test_fast_stages import write_wire_corpus

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"


@pytest.fixture(scope="module")
def wire_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_wire_corpus(tmp_path_factory.mktemp("wire"), originals=30, copies=120)


@pytest.fixture(scope="module")
def wire_articles(wire_folder: Path) -> list[Article]:
    read_paths([wire_folder])  # fills the caches: the articles below come from them
    return read_paths([wire_folder, SEEDS]).articles


# --- the plain computations, as they were written before the caches --------------------


def plain_sentences_for_blocks(
    text: str, blocks: tuple[Block, ...], *, with_headline: bool = True
) -> tuple[Sentence, ...]:
    found: list[Sentence] = []
    body: list[Sentence] = []
    for block in blocks:
        if block.role is Role.HEADLINE and with_headline and not found:
            start, end = block.start, block.end
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start < end:
                found.append(Sentence(HEADLINE_INDEX, start, end, text[start:end]))
        elif block.role is Role.BODY:
            for s, e in segment.split_sentences(text, block.start, block.end):
                body.append(Sentence(len(body), s, e, text[s:e]))
    return (*found, *body)


_HEADLINE_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def plain_content_stems(text: str) -> frozenset[str]:
    return frozenset(
        headline._stem(w) for w in _HEADLINE_WORD.findall(text)
        if not headline._is_function_word(w.lower().replace("’", "'"))
    )


def _uncached_layout(monkeypatch: pytest.MonkeyPatch) -> None:
    """Layout detection with every per-line cache replaced by its plain function."""
    for name in ("_pattern_role", "_word_count", "_is_paragraph"):
        monkeypatch.setattr(layout, name, getattr(layout, name).__wrapped__)


def _texts(articles: list[Article]) -> Iterator[str]:
    for article in articles:
        yield article.text
        yield from (s.text for s in article.sentences)


# --- the tests -------------------------------------------------------------------------


def test_sentences_per_block_text_are_the_plain_split(wire_articles: list[Article]) -> None:
    for article in wire_articles:
        for with_headline in (True, False):
            assert segment.sentences_for_blocks(
                article.text, article.blocks, with_headline=with_headline
            ) == plain_sentences_for_blocks(
                article.text, article.blocks, with_headline=with_headline
            )
    # A block's split does not depend on the text around it (offsets are moved).
    text = "Intro line.\n\nMr. Smith went to Washington. He said no. Then U.S. The end"
    blocks = (Block(0, 11, Role.BODY), Block(13, len(text), Role.BODY))
    assert segment.sentences_for_blocks(text, blocks) == plain_sentences_for_blocks(text, blocks)
    assert [s.text for s in segment.sentences_for_blocks(text, blocks)] == [
        "Intro line.", "Mr. Smith went to Washington.", "He said no.", "Then U.S.", "The end",
    ]


def test_layout_with_line_caches_is_the_plain_layout(
    wire_folder: Path, wire_articles: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    _uncached_layout(monkeypatch)
    plain = read_paths([wire_folder, SEEDS]).articles
    assert plain == wire_articles
    for article in wire_articles[:60]:
        plain_layout = layout.detect_layout(article.text)
        monkeypatch.undo()
        assert layout.detect_layout(article.text) == plain_layout
        _uncached_layout(monkeypatch)


def test_line_caches_match_their_functions(wire_articles: list[Article]) -> None:
    lines = {line.strip() for a in wire_articles for line in a.text.splitlines() if line.strip()}
    lines |= {"ADVERTISEMENT", "Photograph: Libkos/AP", "By Jane Doe", "Keep reading:", "---"}
    for line in lines:
        assert layout._pattern_role(line) == layout._pattern_role.__wrapped__(line)
        assert layout._word_count(line) == layout._word_count.__wrapped__(line)
        assert layout._is_paragraph(line) == layout._is_paragraph.__wrapped__(line)


def test_word_counts_and_headline_stems_per_text(wire_articles: list[Article]) -> None:
    odd = ["", "’s", "Russia’s and Russia's", "said told bans banning", "Don’t stop-believing"]
    for text in [*_texts(wire_articles[:80]), *odd]:
        assert sentence_words(text) == count_words(text)
        headline.content_stems.cache_clear()
        assert headline.content_stems(text) == plain_content_stems(text)
        assert headline.content_stems(text) == plain_content_stems(text)  # from the caches


def test_cached_cues_are_the_plain_finders_on_wire_copy(wire_articles: list[Article]) -> None:
    plain, cached = CueFinder(), CachingCueFinder()
    for article in wire_articles + wire_articles[:40]:
        found = cached.find_in_article(article)
        assert found == plain.find_in_article(article)
        assert all(type(s) is type(found[0]) for s in found)
    assert cached.hits > cached.misses > 0


def test_moved_spans_are_dataclasses_replace(wire_articles: list[Article]) -> None:
    cached = CachingCueFinder()
    for article in wire_articles[:40]:
        for sentence in article.sentences:
            at_zero = cached.find(sentence.text)
            moved = cached.find(sentence.text, offset=sentence.start, sentence_index=sentence.index)
            assert moved == [
                dataclasses.replace(s, start=s.start + sentence.start,
                                    end=s.end + sentence.start, sentence_index=sentence.index)
                for s in at_zero
            ]


def test_analyses_from_warm_caches_are_the_plain_analyses(wire_articles: list[Article]) -> None:
    cached = CachingCueFinder()
    warm = [analyze_article(a, cached) for a in wire_articles]
    warm = [analyze_article(a, cached) for a in wire_articles]  # every sentence a cache hit
    headline.content_stems.cache_clear()
    sentence_words.cache_clear()
    plain = [analyze_article(a, CueFinder()) for a in wire_articles]
    assert warm == plain


def test_resolved_paths_are_path_resolve(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = tmp_path / "real"
    (real / "sub").mkdir(parents=True)
    (real / "a.txt").write_text("a", encoding="utf-8")
    (real / "sub" / "b.txt").write_text("b", encoding="utf-8")
    (tmp_path / "linked").symlink_to(real, target_is_directory=True)
    (real / "link.txt").symlink_to(real / "sub" / "b.txt")
    (real / "relative.txt").symlink_to(Path("sub") / "b.txt")
    (real / "dangling.txt").symlink_to(real / "gone.txt")
    monkeypatch.chdir(real)
    paths = [
        real / "a.txt", tmp_path / "linked" / "a.txt", tmp_path / "linked" / "sub" / "b.txt",
        real / "link.txt", tmp_path / "linked" / "relative.txt", real / "dangling.txt",
        real / "missing.txt", real / "sub" / ".." / "a.txt", tmp_path / "linked" / ".." / "x",
        Path("a.txt"), Path("sub/b.txt"), Path("../linked/link.txt"), Path("."), Path("/"),
    ]
    cache: dict[Path, Path] = {}
    for path in paths + paths:  # the second time from the cache
        assert manifest.resolved(path, cache) == path.resolve(strict=False), path
        assert manifest.resolved(path) == path.resolve(strict=False), path
    manifest.forget_resolved()


def _regex_last_word(text: str, start: int, end: int) -> str | None:
    """The plain computation: the last word before a full stop, by ``(\\S+)$``."""
    found = re.compile(r"(\S+)$").search(text, start, end)
    return found.group(1) if found is not None else None


def test_last_word_before_a_stop_is_the_regex_search() -> None:
    import random

    rng = random.Random(6)
    # Unicode spaces (str.isspace, as the regex's \s), newlines where "$" also matches.
    alphabet = ["a", "B", ".", "”", "é", "7", " ", "\n", "\t", "\r", "\u00a0", "\u2009",
                "\u3000", "\x1c", "\x85", "\u200b"]
    for _ in range(50_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 12)))
        start = rng.randrange(0, len(text) + 1)
        end = rng.randrange(start, len(text) + 2)
        assert segment._last_word(text, start, end) == _regex_last_word(text, start, end)


def test_sentence_splits_with_the_regex_last_word(
    wire_articles: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    blocks = [a.text[b.start:b.end] for a in wire_articles for b in a.blocks]
    blocks += ["Mr. Smith of the U.S.\nArmy said so. No. 10 agreed.", "He left at 5 p.m.\n\nThen"]
    fast = [segment.split_sentences(b) for b in blocks]
    monkeypatch.setattr(segment, "_last_word", _regex_last_word)
    assert [segment.split_sentences(b) for b in blocks] == fast
