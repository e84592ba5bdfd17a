"""Grammar rules for hedges that a word list cannot decide, used by :mod:`models.cues`.

Each rule looks at one token of a sentence (the word tokens :class:`models.cues.CueFinder`
makes) and its neighbours, and says either that a lexicon word is *not* a hedge here
(the modal *may* in a concession or a purpose clause) or that a construction *is* one
(a hedged superlative, *one of the most*; a vague determiner, *certain officials*).
The words and the reasons live here; ``resources/lexicons/README.md`` describes them
for readers and ``models/measures.py`` holds the definitions the app shows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol


class Tokens(Protocol):
    """What the rules read of a sentence's tokens (``models.cues._Tokens`` provides it)."""

    raw: list[str]  # tokens as written
    low: list[str]  # lowercased
    gaps: list[str]  # punctuation after each token ("" for a plain space)
    n: int

    def is_number(self, i: int) -> bool: ...


#: Subcategory of a hedge span (category ``hedge``) for a vague amount or group;
#: the same string as ``models.cues.VAGUE``.
VAGUE = "vague"
#: Subcategory for vague attribution; the same string as ``models.cues.WEASEL``.
WEASEL = "weasel"

_BE = frozenset("is are was were be been being".split())
_PRONOUNS = frozenset("i you he she it we they there".split())


def _same_clause(tokens: Tokens, a: int, b: int) -> bool:
    """No punctuation between tokens a and b (a < b)."""
    return not any(tokens.gaps[k] for k in range(a, b))


# ---------------------------------------------------------------------- vague subjects

# Words that make a noun phrase definite or named: "the experts", "his critics", "Smith's
# critics" point to people the article identifies, so they are no weasel.
_DEFINITE = frozenset(
    "the this these those that his her its their our my your whose which what a an one "
    "no every each such".split()
)
# Words that never premodify a noun: verbs, prepositions, conjunctions and the like.
_NOT_PREMODIFIERS = _BE | frozenset(
    "and or but to of in on at by for from with as than that who which not has have had "
    "will would can could may might must should do does did said says".split()
)
# "Others, however, contend": an adverb set off by commas does not end the clause.
_PARENTHETICAL_ADVERBS = frozenset(
    "however though too also meanwhile nonetheless nevertheless moreover instead".split()
)


def bare_premodified(tokens: Tokens, i: int, clause_start: Callable[[int], bool]) -> bool:
    """Is the noun at token i the head of a bare plural subject with one or two
    premodifiers that opens a clause: "Legal experts say", "Polish legal experts
    maintained"? Not "the experts", "his critics" or "Smith's critics": those are
    definite or named (see ``_DEFINITE``). ``clause_start(k)`` says whether a clause
    may begin at token k."""
    for k in (i - 1, i - 2):
        if k < 0 or tokens.gaps[k]:
            return False
        word = tokens.low[k]
        if (
            word in _DEFINITE
            or word in _NOT_PREMODIFIERS
            or (word.endswith("ing") and word != "leading")  # "allowing people to see"
            or word.endswith("'s")
            or not word.replace("-", "").isalpha()
            or tokens.is_number(k)
        ):
            return False
        if clause_start(k):
            return True
    return False


def is_parenthetical_adverb(tokens: Tokens, j: int) -> bool:
    """Is the comma before token j one of the pair around an adverb (", however,")?
    Then it does not end the subject's clause: "Others, however, contend"."""

    def set_off(k: int) -> bool:
        return (
            0 < k < tokens.n - 1
            and tokens.low[k] in _PARENTHETICAL_ADVERBS
            and tokens.gaps[k - 1] == ","
            and tokens.gaps[k] == ","
        )

    return set_off(j) or set_off(j - 1)


# ---------------------------------------------------------------------- "may" that estimates nothing

# "whatever trials may come", "however hard it may be", "wherever they may go": a concession
# or free relative over every case; nothing is estimated.
_CONCESSIVE_WH = frozenset(
    "however whatever whichever whoever whomever wherever whenever".split()
)
# Verbs of a concession "as popular as the thesis may be, …".
_CONCESSIVE_VERBS = frozenset("be seem sound appear look".split())
# "so that we may", "in order that they may", "lest it may": purpose; the clause states an aim.
_PURPOSE = (("so", "that"), ("order", "that"), ("lest",))
# "May God bless", "May he rest in peace": the optative, a wish.
_OPTATIVE_SUBJECTS = frozenset(
    "god he she they it we you i the his her their our your all this these".split()
)


def is_non_epistemic_may(tokens: Tokens, i: int) -> bool:
    """Is the modal "may" at token i a concession, purpose or wish rather than an estimate?

    * concession: "as popular as the thesis may be, …", "however hard it may seem",
      "whatever trials may come", "be that as it may", "come what may";
    * purpose: "so that they may return", "in order that we may serve", "lest it may";
    * wish: sentence-initial "May God bless you", "May he rest in peace".

    "As many as 20 people may have died" stays a hedge: the "as … as" there is a number.
    """
    low = tokens.low
    n = tokens.n
    previous = low[i - 1] if i > 0 and not tokens.gaps[i - 1] else ""
    following = low[i + 1] if i + 1 < n and not tokens.gaps[i] else ""
    # "come what may", "be that as it may": set phrases.
    if previous == "what" and i >= 2 and low[i - 2] == "come":
        return True
    if previous == "it" and i >= 3 and low[i - 3 : i - 1] == ["that", "as"] and (
        i >= 4 and low[i - 4] == "be"
    ):
        return True
    # The optative: "May God bless", first word of the sentence, written "May".
    if i == 0 and tokens.raw[i] == "May" and following in _OPTATIVE_SUBJECTS:
        return True
    # Look back over the clause (no punctuation) for what governs the modal.
    k = i - 1
    while k >= 0 and not tokens.gaps[k] and i - k <= 8:
        word = low[k]
        if word in _CONCESSIVE_WH and not (
            word == "however" and k + 1 < n and (
                low[k + 1] in _DEFINITE or low[k + 1] in _PRONOUNS
                or tokens.raw[k + 1][:1].isupper()
            )
        ):
            return True  # not "However the vote may be delayed": a sentence adverb
        for phrase in _PURPOSE:
            if low[k : k + len(phrase)] == list(phrase) and k + len(phrase) <= i:
                return True
        k -= 1
    clause_start = k + 1
    # "As popular as the thesis may be, …": the clause opens with "as X as" and the
    # modal is followed by a linking verb that ends the clause.
    if (
        low[clause_start] == "as"
        and clause_start + 2 < i
        and low[clause_start + 2] == "as"
        and not tokens.is_number(clause_start + 3)
        and following in _CONCESSIVE_VERBS
        and i + 1 < n
        and tokens.gaps[i + 1].startswith(",")
    ):
        return True
    return False


# ---------------------------------------------------------------------- "indicate" that infers nothing

# A clause after "indicate" without "that": "records indicate he was registered".
_CLAUSE_SUBJECTS = frozenset("he she it they we i you there this these".split())


def is_literal_indicate(tokens: Tokens, i: int) -> bool:
    """Is "indicate" at token i a verb of marking or pointing ("error bars indicate the
    mean", "values are indicated in Table 2", "as indicated") rather than an inference?

    Only "indicate" with a clause is an inference hedge: "the results indicate that
    turnout fell", "records indicate he was registered" (Hyland 2005). With a noun phrase
    ("lines indicate the pathways", "the poll indicates a tight race") grammar cannot
    tell pointing from inferring, so it is left out.
    """
    following = tokens.low[i + 1] if i + 1 < tokens.n and not tokens.gaps[i] else ""
    return not (following == "that" or following in _CLAUSE_SUBJECTS)


# ---------------------------------------------------------------------- vague amounts of time

#: Units of time and occasions: "for several years", "many times". A vague count of
#: years or occasions dates or paces events; it leaves no holder or participant unnamed.
TIME_UNITS = frozenset(
    "seconds minutes hours days nights weeks weekends months years decades centuries "
    "generations times occasions seasons".split()
)


# ---------------------------------------------------------------------- hedged superlatives

# Superlatives that do not end in -est.
_SUPERLATIVE_WORDS = frozenset("best worst most least foremost".split())
# Words ending in -est that are no superlative.
_NOT_SUPERLATIVE = frozenset(
    "interest west rest test request guest chest nest pest quest forest harvest protest "
    "contest honest modest earnest manifest arrest suggest invest digest conquest "
    "behest crest zest vest priest bequest unrest tempest inquest everest midwest "
    "northwest southwest budapest".split()
)


def _is_superlative(word: str) -> bool:
    if word in _SUPERLATIVE_WORDS:
        return True
    return word.endswith("est") and len(word) > 5 and word not in _NOT_SUPERLATIVE


def hedged_superlative_at(tokens: Tokens, i: int) -> int:
    """One past the end of a hedged superlative starting at token i, or -1.

    "one of the most important", "one of the largest", "among the best": a superlative
    claim weakened to membership of an unspecified top group (Channell 1994: vague
    category identifiers; the Wikipedia weasel/peacock annotation of CoNLL-2010 marks
    them). The span is "one of the most" or "one of the largest"; a named ranking
    ("one of the three largest") is no hedge, being a count.
    """
    low = tokens.low
    n = tokens.n
    word = low[i]
    if word == "one" and i + 3 < n and low[i + 1] == "of" and low[i + 2] == "the":
        start = i + 3
    elif word == "among" and i + 2 < n and low[i + 1] == "the":
        start = i + 2
    else:
        return -1
    if not _same_clause(tokens, i, start):
        return -1
    # "one of the world's largest": a possessive between "the" and the superlative.
    if start + 1 < n and low[start].endswith("'s") and not tokens.gaps[start]:
        start += 1
    if not _is_superlative(low[start]):
        return -1
    if word == "among" and low[start] in ("most", "least") and start + 1 < n and (
        low[start + 1] == "of" or tokens.gaps[start]
    ):
        return -1  # "among the most of them": not a superlative of quality
    return start + 1


# ---------------------------------------------------------------------- "certain" as a determiner

# Before "certain", these make it the adjective of certainty ("almost certain", "is certain",
# "for certain", "made certain") rather than the determiner of an unnamed set.
_CERTAIN_ADJECTIVE_BEFORE = (
    _BE
    | frozenset(
        "almost nearly virtually fairly quite very less more most so too not seem seems "
        "seemed feel feels felt make makes made making for appear appears appeared become "
        "becomes became remain remains remained look looks looked sound sounds seemingly "
        "absolutely completely totally entirely reasonably pretty".split()
    )
)
# After "certain", these make it the adjective ("certain that", "certain of victory"), and
# outcomes it calls sure ("faced certain death", "certain defeat").
_CERTAIN_ADJECTIVE_AFTER = frozenset(
    "that to of about whether how what who when where if enough death defeat victory doom "
    "failure disaster ruin".split()
)


def vague_certain_at(tokens: Tokens, i: int) -> int:
    """One past "certain" used as a vague determiner at token i, or -1.

    "certain officials", "in certain cases", "a certain amount": the writer signals that
    the set is definite but does not say which (Channell 1994). Not the adjective of
    certainty: "almost certain", "is certain that", "certain of", "for certain".
    """
    if tokens.low[i] != "certain" or i + 1 >= tokens.n or tokens.gaps[i]:
        return -1
    following = tokens.low[i + 1]
    if following in _CERTAIN_ADJECTIVE_AFTER or not following.isalpha():
        return -1
    if i > 0 and not tokens.gaps[i - 1]:
        previous = tokens.low[i - 1]
        if previous in _CERTAIN_ADJECTIVE_BEFORE or previous.endswith(("'m", "'re", "'s")):
            return -1  # "I'm certain he lied", "Trump's certain victory"
    return i + 1


# ---------------------------------------------------------------------- reputation without a holder

# "well known", "widely acclaimed", "internationally renowned": a reputation, that is a
# judgement held by people the sentence does not name (Wikipedia's weasel guidance lists
# "is well known"; Ganter & Strube 2009).
_REPUTATION_WORDS = frozenset("renowned acclaimed famous famously well-known best-known".split())


def reputation_at(tokens: Tokens, i: int) -> int:
    """One past a reputation credited to unnamed people at token i, or -1:
    "well-known", "well known", "best known" (not "as well known as": a comparison of
    two reputations), "renowned", "famous", "acclaimed" (not "acclaimed by the jury": a
    named holder).
    """
    low = tokens.low
    n = tokens.n
    word = low[i]
    if word in ("well", "best") and i + 1 < n and not tokens.gaps[i] and low[i + 1] == "known":
        if i > 0 and low[i - 1] == "as":
            return -1  # "as well known as": a comparison of two reputations
        return i + 2
    if word in _REPUTATION_WORDS:
        if i + 1 < n and not tokens.gaps[i] and low[i + 1] == "by":
            return -1  # "acclaimed by the jury": the holder is named
        return i + 1
    return -1


# "conventional wisdom holds", "contrary to popular belief": a view held by everyone and
# no one (Wikipedia's weasel guidance; Ganter & Strube 2009).
_UNOWNED_OPINION_HOLDERS = frozenset("conventional popular common".split())
_UNOWNED_OPINIONS = frozenset(
    "wisdom belief beliefs perception perceptions opinion misconception".split()
)


def unowned_opinion_at(tokens: Tokens, i: int) -> int:
    """One past "conventional wisdom", "popular belief", "common perception" at token i,
    or -1. "public opinion" is left out: it is measured, by polls, not presumed."""
    if tokens.low[i] not in _UNOWNED_OPINION_HOLDERS or i + 1 >= tokens.n or tokens.gaps[i]:
        return -1
    following = tokens.low[i + 1]
    if following not in _UNOWNED_OPINIONS:
        return -1
    if tokens.low[i] == "conventional" and following != "wisdom":
        return -1
    return i + 2


#: Every word at which the rules above can start: other tokens are skipped at once.
TRIGGERS = (
    frozenset({"one", "among", "certain", "well", "best"})
    | _REPUTATION_WORDS
    | _UNOWNED_OPINION_HOLDERS
)


def construction_at(tokens: Tokens, i: int) -> tuple[int, str]:
    """(one past the end, subcategory) of a hedge construction at token i, or (-1, "")."""
    word = tokens.low[i]
    if word in ("one", "among"):
        end = hedged_superlative_at(tokens, i)
        return (end, VAGUE) if end > 0 else (-1, "")
    if word == "certain":
        end = vague_certain_at(tokens, i)
        return (end, VAGUE) if end > 0 else (-1, "")
    end = reputation_at(tokens, i) if word not in _UNOWNED_OPINION_HOLDERS else -1
    if end < 0:
        end = unowned_opinion_at(tokens, i)
    return (end, WEASEL) if end > 0 else (-1, "")
