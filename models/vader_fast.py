"""VADER's ``polarity_scores``, computed the same way with less repeated work.

vaderSentiment 3.3.2 (Hutto & Gilbert 2014; MIT) rebuilds the lower-cased list
of a sentence's words for every check around every lexicon word, and copies
the sentence character by character to replace emoji even when it holds none.
:func:`polarity_scores` here lower-cases each word once and skips the emoji pass
when no character of the sentence is an emoji; every rule, constant and
arithmetic step is VADER's own, in VADER's order, so the scores are the same
floats (tests/models/test_vader_fast.py compares them with vaderSentiment's on
news sentences and on generated sentences full of VADER's special cases). The
lexicons, constants and the contrastive "but" rule are taken from the installed
vaderSentiment itself; with any other version of it (or one that scores
:data:`PROBES` differently), and for a sentence holding emoji,
:func:`polarity_scores` calls vaderSentiment's analyser unchanged.
"""

from __future__ import annotations

import math
from functools import lru_cache
from itertools import compress
from typing import Any

#: The vaderSentiment release whose rules this module repeats.
VADER_VERSION = "3.3.2"


@lru_cache(maxsize=1)
def _vader() -> Any:
    import vaderSentiment.vaderSentiment as vader

    return vader


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    # Cached here too: a function-level import costs microseconds, and this is
    # called for every sentence and every new word (about 95,000 times on the bench
    # corpus), where the cached call costs a tenth of a microsecond.
    from models.tone import vader_analyzer

    return vader_analyzer()


#: Sentences that go through every rule: checked against vaderSentiment's own scores
#: once per process before this module's are used.
PROBES = (
    "VADER is smart, handsome, and funny.",
    "VADER is VERY SMART, handsome, and FUNNY!!!",
    "The book was kind of good, but the ending was not great at all.",
    "It isn't a horrible book, and it was never so bad; without doubt the least bad.",
    "No, no problem, no good or bad: he was not very happy and hardly sad??",
    "At least it wasn't the worst, yeah right, a kiss of death to die for.",
    "Sort of okay. Kinda meh. The shit! Bus stop. Cut the mustard? :) :-( lol",
    "Officials said the attack killed 12 people and wounded dozens more in Kharkiv.",
)


def _installed_version() -> str | None:
    """The installed vaderSentiment's version: from the name of the one
    ``vaderSentiment-VERSION.dist-info`` folder beside the package, else from
    :mod:`importlib.metadata` (whose imports, email and socket among them, cost every
    worker process about 35 ms of CPU before its first sentence); None when neither
    knows it (a frozen app may keep no metadata)."""
    import os

    prefix, suffix = "vadersentiment-", ".dist-info"
    module_file = getattr(_vader(), "__file__", None)
    found: list[str] = []
    if module_file:
        site = os.path.dirname(os.path.dirname(os.path.abspath(module_file)))
        try:
            with os.scandir(site) as entries:
                found = [e.name for e in entries
                         if e.name.lower().startswith(prefix) and e.name.endswith(suffix)]
        except OSError:  # not a folder (a frozen app's archive)
            found = []
    if len(found) == 1:
        return found[0][len(prefix):-len(suffix)]
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("vaderSentiment")
    except PackageNotFoundError:
        return None


@lru_cache(maxsize=1)
def _same_rules() -> bool:
    """Whether this is the vaderSentiment whose rules this module repeats, giving the
    same scores on :data:`PROBES`; else vaderSentiment's own analyser is used."""
    installed = _installed_version()
    if installed is not None and installed != VADER_VERSION:
        return False  # with no version known, the probes decide
    try:
        analyzer = _analyzer()
        return all(_polarity_scores(p)[0] == analyzer.polarity_scores(p) for p in PROBES)
    except Exception:  # another vaderSentiment's internals: use it as it is
        return False


@lru_cache(maxsize=1)
def _emoji_characters() -> frozenset[str]:
    """The emoji VADER replaces: it looks them up one character at a time."""
    return frozenset(e for e in _analyzer().emojis if len(e) == 1)


_NEGATED: dict[str, bool] = {}


def _negated(word: str) -> bool:
    """vaderSentiment's ``negated([word])`` (it lower-cases the word again)."""
    found = _NEGATED.get(word)
    if found is None:
        low = word.lower()
        found = low in _negate_words() or "n't" in low
        if len(_NEGATED) < 100_000:
            _NEGATED[word] = found
    return found


@lru_cache(maxsize=1)
def _negate_words() -> frozenset[str]:
    return frozenset(_vader().NEGATE)


#: token -> (word, its lower case, whether it is upper case, what it is for the rules:
#: 0 a word with no valence of its own, 1 a lexicon word, 2 "kind" (of)), as SentiText
#: cuts the sentence
_WORDS: dict[str, tuple[str, str, bool, int]] = {}


def _word(token: str) -> tuple[str, str, bool, int]:
    vader, lexicon = _vader(), _analyzer().lexicon
    # SentiText._strip_punc_if_word: a word of two characters or fewer once its
    # punctuation is stripped was likely an emoticon, and stays as written.
    stripped = token.strip(_PUNCTUATION)
    word = token if len(stripped) <= 2 else stripped
    low = word.lower()
    if low in vader.BOOSTER_DICT:
        kind = 0  # a booster has no valence of its own; it modifies the next words
    elif low == "kind":
        kind = 2
    else:
        kind = 1 if low in lexicon else 0
    found = (word, low, word.isupper(), kind)
    if len(_WORDS) >= 200_000:
        _WORDS.clear()
    _WORDS[token] = found
    return found


_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"  # string.punctuation


def polarity_scores(text: str) -> dict[str, float]:
    """vaderSentiment's ``SentimentIntensityAnalyzer().polarity_scores(text)``."""
    if _left_to_vader(text):
        scores: dict[str, float] = _analyzer().polarity_scores(text)
        return scores
    return _polarity_scores(text)[0]


def _left_to_vader(text: str) -> bool:
    """Whether vaderSentiment's own analyser scores ``text`` (another version, or emoji)."""
    return not _same_rules() or (not text.isascii() and not _emoji_characters().isdisjoint(text))


def scores_and_valences(text: str) -> tuple[dict[str, float], str, list[Any]]:
    """:func:`polarity_scores`, with what VADER summed to get them: the text it scored
    (stripped; emoji replaced by their descriptions) and the valence of each of that
    text's ``split()`` tokens after VADER's rules (negation, boosters, capitals,
    idioms, "but"), 0 for a token without one."""
    if _left_to_vader(text):
        scores: dict[str, float] = _analyzer().polarity_scores(text)
        return (scores, *_analyzer_valences(text))
    return _polarity_scores(text)


def _analyzer_valences(text: str) -> tuple[str, list[Any]]:
    """The valences as vaderSentiment's own ``polarity_scores`` computes them (its loop,
    its methods), for the texts :func:`polarity_scores` leaves to it; all 0 when the
    installed vaderSentiment's internals are not 3.3.2's."""
    try:
        return _vader_loop(text)
    except (AttributeError, TypeError, KeyError, IndexError, ValueError):
        stripped = text.strip()
        return stripped, [0] * len(stripped.split())


def _vader_loop(text: str) -> tuple[str, list[Any]]:
    vader, analyzer = _vader(), _analyzer()
    # emoji to their descriptions, as vaderSentiment does it
    parts: list[str] = []
    prev_space = True
    for c in text:
        if c in analyzer.emojis:
            if not prev_space:
                parts.append(" ")
            parts.append(analyzer.emojis[c])
            prev_space = False
        else:
            parts.append(c)
            prev_space = c == " "
    scored = "".join(parts).strip()
    sentitext = vader.SentiText(scored)
    words = sentitext.words_and_emoticons
    sentiments: list[Any] = []
    for i, item in enumerate(words):
        if item.lower() in vader.BOOSTER_DICT or (
            i < len(words) - 1 and item.lower() == "kind" and words[i + 1].lower() == "of"
        ):
            sentiments.append(0)
            continue
        sentiments = analyzer.sentiment_valence(0, sentitext, item, i, sentiments)
    return scored, list(analyzer._but_check(words, sentiments))


def _polarity_scores(text: str) -> tuple[dict[str, float], str, list[Any]]:
    analyzer = _analyzer()
    text = text.strip()
    split = text.split()
    tokens = list(map(_WORDS.get, split))
    if None in tokens:
        tokens = [t if t is not None else _word(w) for t, w in zip(tokens, split, strict=True)]
    n = len(tokens)
    sentiments: list[Any] = [0] * n
    if not n:
        return _score_valence(sentiments, text), text, sentiments
    words, lows, uppers, kinds = zip(*tokens, strict=True)
    # allcap_differential: some but not all words in capitals
    is_cap_diff = 0 < n - sum(uppers) < n
    lexicon = analyzer.lexicon
    vader = _vader()
    for i in compress(range(n), kinds):  # the words with a valence, or "kind"
        if kinds[i] == 2 and ((i < n - 1 and lows[i + 1] == "of") or "kind" not in lexicon):
            continue
        sentiments[i] = _valence(vader, lexicon, lows, uppers, i, is_cap_diff)
    if "but" in lows:
        sentiments = vader.SentimentIntensityAnalyzer._but_check(list(words), sentiments)
    return _score_valence(sentiments, text), text, sentiments


def _valence(
    vader: Any, lexicon: dict[str, float], lows: tuple[str, ...], uppers: tuple[bool, ...], i: int,
    is_cap_diff: bool,
) -> float:
    """``SentimentIntensityAnalyzer.sentiment_valence`` for the lexicon word at ``i``."""
    n = len(lows)
    low = lows[i]
    n_scalar, c_incr, boosters = vader.N_SCALAR, vader.C_INCR, vader.BOOSTER_DICT
    valence = lexicon[low]
    if low == "no" and i != n - 1 and lows[i + 1] in lexicon:
        valence = 0.0
    if (i > 0 and lows[i - 1] == "no") or (i > 1 and lows[i - 2] == "no") or (
        i > 2 and lows[i - 3] == "no" and lows[i - 1] in ["or", "nor"]
    ):
        valence = lexicon[low] * n_scalar
    if uppers[i] and is_cap_diff:
        if valence > 0:
            valence += c_incr
        else:
            valence -= c_incr
    for start_i in range(0, 3):
        k = i - (start_i + 1)
        if i > start_i and lows[k] not in lexicon:
            # scalar_inc_dec(words[k], valence, is_cap_diff)
            s = 0.0
            if lows[k] in boosters:
                s = boosters[lows[k]]
                if valence < 0:
                    s *= -1
                if uppers[k] and is_cap_diff:
                    if valence > 0:
                        s += c_incr
                    else:
                        s -= c_incr
            if start_i == 1 and s != 0:
                s = s * 0.95
            if start_i == 2 and s != 0:
                s = s * 0.9
            valence = valence + s
            valence = _negation_check(valence, lows, start_i, i, n_scalar)
            if start_i == 2:
                valence = _special_idioms_check(vader, valence, lows, i)
    # _least_check
    if i > 1 and lows[i - 1] not in lexicon and lows[i - 1] == "least":
        if lows[i - 2] != "at" and lows[i - 2] != "very":
            valence = valence * n_scalar
    elif i > 0 and lows[i - 1] not in lexicon and lows[i - 1] == "least":
        valence = valence * n_scalar
    return valence


def _score_valence(sentiments: list[Any], text: str) -> dict[str, float]:
    """``SentimentIntensityAnalyzer.score_valence``: the sentence's four scores."""
    if sentiments:
        sum_s = float(sum(sentiments))
        # _punctuation_emphasis: "!" (up to 4) and "?" (2 or 3, or more)
        ep_count = min(text.count("!"), 4)
        qm_count = text.count("?")
        qm_amplifier: float = 0
        if qm_count > 1:
            qm_amplifier = qm_count * 0.18 if qm_count <= 3 else 0.96
        punct_emph_amplifier = ep_count * 0.292 + qm_amplifier
        if sum_s > 0:
            sum_s += punct_emph_amplifier
        elif sum_s < 0:
            sum_s -= punct_emph_amplifier
        compound = _vader().normalize(sum_s)
        # _sift_sentiment_scores
        pos_sum = 0.0
        neg_sum = 0.0
        neu_count = sentiments.count(0)  # == 0, as VADER counts them (0.0 too)
        for sentiment_score in filter(None, sentiments):  # zeros add to neither sum
            if sentiment_score > 0:
                pos_sum += float(sentiment_score) + 1
            if sentiment_score < 0:
                neg_sum += float(sentiment_score) - 1
        if pos_sum > math.fabs(neg_sum):
            pos_sum += punct_emph_amplifier
        elif pos_sum < math.fabs(neg_sum):
            neg_sum -= punct_emph_amplifier
        total = pos_sum + math.fabs(neg_sum) + neu_count
        pos = math.fabs(pos_sum / total)
        neg = math.fabs(neg_sum / total)
        neu = math.fabs(neu_count / total)
    else:
        compound = 0.0
        pos = 0.0
        neg = 0.0
        neu = 0.0
    return {"neg": round(neg, 3), "neu": round(neu, 3), "pos": round(pos, 3),
            "compound": round(compound, 4)}


def _negation_check(
    valence: float, lows: tuple[str, ...], start_i: int, i: int, n_scalar: float
) -> float:
    if start_i == 0:
        if _negated(lows[i - (start_i + 1)]):
            valence = valence * n_scalar
    if start_i == 1:
        if lows[i - 2] == "never" and (lows[i - 1] == "so" or lows[i - 1] == "this"):
            valence = valence * 1.25
        elif lows[i - 2] == "without" and lows[i - 1] == "doubt":
            valence = valence
        elif _negated(lows[i - (start_i + 1)]):
            valence = valence * n_scalar
    if start_i == 2:
        if (lows[i - 3] == "never" and (lows[i - 2] == "so" or lows[i - 2] == "this")) or (
            lows[i - 1] == "so" or lows[i - 1] == "this"
        ):
            valence = valence * 1.25
        elif lows[i - 3] == "without" and (lows[i - 2] == "doubt" or lows[i - 1] == "doubt"):
            valence = valence
        elif _negated(lows[i - (start_i + 1)]):
            valence = valence * n_scalar
    return valence


def _special_idioms_check(vader: Any, valence: float, lows: tuple[str, ...], i: int) -> float:
    special, boosters = vader.SPECIAL_CASES, vader.BOOSTER_DICT
    onezero = f"{lows[i - 1]} {lows[i]}"
    twoonezero = f"{lows[i - 2]} {lows[i - 1]} {lows[i]}"
    twoone = f"{lows[i - 2]} {lows[i - 1]}"
    threetwoone = f"{lows[i - 3]} {lows[i - 2]} {lows[i - 1]}"
    threetwo = f"{lows[i - 3]} {lows[i - 2]}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in special:
            valence = special[seq]
            break
    if len(lows) - 1 > i:
        zeroone = f"{lows[i]} {lows[i + 1]}"
        if zeroone in special:
            valence = special[zeroone]
    if len(lows) - 1 > i + 1:
        zeroonetwo = f"{lows[i]} {lows[i + 1]} {lows[i + 2]}"
        if zeroonetwo in special:
            valence = special[zeroonetwo]
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in boosters:
            valence = valence + boosters[n_gram]
    return valence
