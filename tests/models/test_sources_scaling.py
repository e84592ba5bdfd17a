"""The sources pass grows linearly with an article's length: counted, never timed.

The Python lines that models.sources (and models.attribution, which it calls) run to
merge one article's sources are counted with sys.settrace for an article of the seeds'
texts repeated to some 2,500 words and one four times as long. A pass linear in the
length runs about four times the lines; one that scans every earlier mention or
sentence for each mention runs some sixteen times (13 on the parent of this test).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import Any

import models.attribution
import models.sources as sources
from models.features import ArticleAnalysis, analyze_article, article_from_text

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
WORDS = 2_500


def _article(words: int) -> ArticleAnalysis:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    parts: list[str] = []
    count = 0
    while count < words:
        text = texts[len(parts) % len(texts)]
        parts.append(text)
        count += len(text.split())
    return analyze_article(article_from_text("\n\n".join(parts)))


def _lines_run(analysis: ArticleAnalysis) -> int:
    files = {sources.__file__, models.attribution.__file__}
    lines = 0

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal lines
        if event == "line":
            lines += 1
        return local

    def calls(frame: FrameType, event: str, arg: Any) -> Any:
        return local if frame.f_code.co_filename in files else None

    previous = sys.gettrace()
    sys.settrace(calls)
    try:
        sources.named_people(analysis)
    finally:
        sys.settrace(previous)
    return lines


def test_the_sources_pass_runs_about_four_times_the_lines_on_an_article_four_times_as_long(
) -> None:
    short, long = _article(WORDS), _article(4 * WORDS)
    assert len(long.spans) > 3.5 * len(short.spans)  # the long one has 4x the mentions
    for analysis in (short, long):
        sources.named_people(analysis)  # the same caches filled for both counts
    ratio = _lines_run(long) / _lines_run(short)
    assert 3 < ratio < 5, f"lines run grew {ratio:.1f}x for 4x the words"


class _CountedPattern:
    """A compiled pattern that counts the texts it searches."""

    def __init__(self, pattern: re.Pattern[str], searched: list[str]) -> None:
        self._pattern, self._searched = pattern, searched
        self.pattern, self.flags = pattern.pattern, pattern.flags

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        self._searched.append(text)
        return self._pattern.finditer(text)


def test_a_sentence_in_curly_quotes_naming_no_medium_runs_no_media_pattern() -> None:
    """Curly quotes (and dashes) match only themselves: such a sentence, as one of plain
    ASCII, is searched only by the patterns whose name it holds; the matches are the
    patterns' own."""
    searched: list[str] = []
    patterns = [(_CountedPattern(p, searched), key) for p, key in
                sources._media_names(sources.load_aliases())]
    matcher = sources._MediaMatcher(patterns)  # type: ignore[arg-type]
    quiet = "“We will not back down,” the mayor said — and the crowd’s ‘cheers’ rose."
    assert matcher.matches(quiet) == ()
    assert searched == []
    named = "“It is over,” she told Reuters — ‘for now’, according to The Moscow Times."
    found = matcher.matches(named)
    assert {text for _, _, text, _ in found} >= {"Reuters"}
    assert found == tuple((m.start(), m.end(), m.group(0), key) for p, key in patterns
                          for m in p._pattern.finditer(named))
    assert 0 < len(searched) < len(patterns)


def test_names_are_normalised_once_per_string() -> None:
    sources.normal_name.cache_clear()
    assert sources.normal_name("The  UK Defense Ministry’s") == "uk defense ministry's"
    assert sources.normal_name("The  UK Defense Ministry’s") == "uk defense ministry's"
    assert sources.normal_name.cache_info().hits == 1
