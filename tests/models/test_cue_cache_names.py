"""The process's cue cache (models.engines.CachingCueFinder) and the article's names that
CueFinder.find reads for a sentence's first word (models.hedging.mid_sentence_names): a
sentence cached for one article gives another article the cues it would find itself."""

from __future__ import annotations

from models.cues import CueFinder
from models.engines import CachingCueFinder
from models.features import analyze_article, article_from_text

HEADLINE = "Millbrook water may contain chemical"
NAMES = frozenset({"millbrook"})


def _cues(spans: list) -> list[tuple[str, str, str]]:
    return [(s.text, s.category, s.subcategory) for s in spans]


def test_a_cached_sentence_gives_each_article_its_own_first_word_reading() -> None:
    plain = CueFinder()
    named = _cues(plain.find(HEADLINE, names=NAMES))
    unnamed = _cues(plain.find(HEADLINE))
    assert named != unnamed  # the names change this sentence's cues
    for order in ((NAMES, frozenset(), NAMES), (frozenset(), NAMES, frozenset())):
        cache = CachingCueFinder()
        for names in order:
            found = _cues(cache.find(HEADLINE, offset=7, sentence_index=2, names=names))
            assert found == (named if names else unnamed)
    # names that do not hold the first word share the unnamed entry
    cache = CachingCueFinder()
    cache.find(HEADLINE)
    assert _cues(cache.find(HEADLINE, names=frozenset({"castell"}))) == unnamed
    assert (cache.hits, cache.misses) == (1, 1)


def test_an_article_through_the_cache_is_the_article_through_the_plain_finder() -> None:
    text = (f"{HEADLINE}\n\nState regulators say drinking water in Millbrook may contain an "
            "industrial chemical. Millbrook residents were told to wait for more tests.")
    cache = CachingCueFinder()
    cache.find(HEADLINE)  # another article's headline, cached without names
    through_cache = analyze_article(article_from_text(text, "m"), cache)
    plain = analyze_article(article_from_text(text, "m"), CueFinder())
    assert _cues(through_cache.spans) == _cues(plain.spans)
    assert through_cache.scores == plain.scores
