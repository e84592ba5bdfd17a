"""Whether an article's body reads as English: the share of its words that are common
English function words.

Framescope's lexicons (hedges, boosters, attribution, VADER's tone) are English: an
article in Spanish or German gets scores all the same, and they mean nothing. English
news prose has 35-50% of its words among these ~150 (the, of, and, said …); Spanish,
French or German text has a few percent (the shared "a", "no", "on", "die" …). A body
below :data:`MIN_ENGLISH_SHARE` gets a notice; it is still loaded and scored.
"""

from __future__ import annotations

import re

#: Fewer body words than this, and the share is not judged (a headline, a caption).
MIN_WORDS = 25
#: Share (0-1) of common English words below which a body is said not to read as English.
MIN_ENGLISH_SHARE = 0.12
#: How the notice (errors.csv's reason, Load Problems) of such a body begins.
NOT_ENGLISH_LEAD = "loaded, but its text may not be English"

_COMMON_ENGLISH = frozenset("""
a about according after against all also an and any are as at be because been before
being between both but by can could did do does during each even for from had has have he
her here hers him his how i if in into is it its just last many may me more most much must
my new no not now of on one only or other our out over people said says she should since
so some such than that the their them then there these they this those through to told
two under up us very was we were what when where which while who whom why will with would
year years you your
""".split())
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def english_share(text: str) -> tuple[int, float]:
    """The number of words in ``text`` and the share (0-1) that are common English words."""
    words = _WORD.findall(text.casefold())
    if not words:
        return 0, 0.0
    return len(words), sum(1 for w in words if w in _COMMON_ENGLISH) / len(words)


def not_english_reason(body: str) -> str:
    """Why a body's scores mean little ('' when it reads as English or is too short to say)."""
    words, share = english_share(body)
    if words < MIN_WORDS or share >= MIN_ENGLISH_SHARE:
        return ""
    return (f"{NOT_ENGLISH_LEAD}: {share:.0%} of its {words:,} body words "
            f"are common English words (English news has 35-50%); Framescope's measures are "
            "for English text, so its scores mean little (translate it, or leave it out)")
