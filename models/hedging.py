"""Grammar rules for hedges that a word list cannot decide, used by :mod:`models.cues`.

Each rule looks at one token of a sentence (the word tokens :class:`models.cues.CueFinder`
makes) and its neighbours, and says either that a lexicon word is *not* a hedge here
(the modal *may* in a concession or a purpose clause) or that a construction *is* one
(a hedged superlative, *one of the most*; a vague determiner, *certain officials*).
The words and the reasons live here; ``resources/lexicons/README.md`` describes them
for readers and ``models/measures.py`` holds the definitions the app shows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Protocol

from models.attribution import IRREGULAR_PARTICIPLES


class Tokens(Protocol):
    """What the rules read of a sentence's tokens (``models.cues._Tokens`` provides it)."""

    raw: list[str]  # tokens as written
    low: list[str]  # lowercased
    gaps: list[str]  # punctuation after each token ("" for a plain space)
    lead: str  # punctuation before the first token
    text: str  # the sentence
    n: int
    names: frozenset[str]  # lowercased words the article writes as names (mid_sentence_names)
    published_year: int | None  # the year the article is dated (published_year), if known

    def is_number(self, i: int) -> bool: ...


#: Subcategory of a hedge span (category ``hedge``) for a vague amount or group;
#: the same string as ``models.cues.VAGUE``.
VAGUE = "vague"
#: Subcategory for vague attribution; the same string as ``models.cues.WEASEL``.
WEASEL = "weasel"

#: The hedge subcategories that make a sentence uncertain (:func:`sentence_uncertain`).
#: Vague quantities ("some", "many", "several", "one of the most") are left out: on the
#: news sentences labelled by bench/labels/GUIDE_news_hedges.md (reading A, rule C10, and
#: reading B) a vague amount is certain, and where one was a sentence's only hedge the
#: labellers called it uncertain in about 1 case in 10 (13 of 115 on the five reading-A draws);
#: Szeged's biomedical annotators do not mark them either. CoNLL-2010's Wikipedia
#: annotators do (as weasels: about 6 in 10), so there "hedge or vague quantity" is
#: scored too. The vague quantities stay a measure of their own (hedges_vague_per_100w).
UNCERTAIN_KINDS = frozenset({"epistemic", "evidential", WEASEL})


class _Hedge(Protocol):
    category: str
    subcategory: str
    negated: bool


def counts_as_uncertain(span: _Hedge, vague: bool = False) -> bool:
    """Does this span make its sentence uncertain: a hedge that is epistemic, evidential
    or weasel, or any negated hedge ("not likely"); with ``vague``, a vague quantity too."""
    return span.category == "hedge" and (
        span.negated or span.subcategory in UNCERTAIN_KINDS
        or (vague and span.subcategory == VAGUE)
    )


def sentence_uncertain(spans: Iterable[_Hedge], vague: bool = False) -> bool:
    """The sentence-level decision the validation figures score: any span of the sentence
    that :func:`counts_as_uncertain`."""
    return any(counts_as_uncertain(span, vague) for span in spans)

_BE = frozenset("is are was were be been being".split())
_PRONOUNS = frozenset("i you he she it we they there".split())


def _same_clause(tokens: Tokens, a: int, b: int) -> bool:
    """No punctuation between tokens a and b (a < b)."""
    return not any(tokens.gaps[k] for k in range(a, b))


# ---------------------------------------------------------------------- active "expected to"

# The bare form "expected to" is there for reduced passives ("Rubio and Murphy expected to
# win", "a year expected to produce record turnout"): the writer's forecast, or unnamed
# others'. After a subject pronoun or a perfect "had/has/have" it is the active verb: "he
# expected to win", "she had long expected to lose" is the subject's own expectation, which
# the writer reports, as "he expects to win" and "the companies expect to save" (no hedge,
# an attribution with its subject as source; PolNeAR train marks active "expect(s) to" as a
# cue with that source in 5 of the 7 cases outside quotations and nested reports).
_ACTIVE_SUBJECTS = frozenset(
    "i you he she it we they who he'd she'd they'd i'd we'd you'd who'd had has have".split()
)
_BEFORE_AN_ACTIVE_VERB = frozenset("never always also long still once initially originally".split())


def is_active_expectation(tokens: Tokens, i: int) -> bool:
    """Is the bare hedge form "expected to" at token i an active verb with its own subject
    ("he expected to win", "who had long expected to lose"), not a reduced passive?"""
    if tokens.low[i] != "expected":
        return False  # "is expected to", "was expected to": a passive, a hedge
    k = i - 1
    while k >= 0 and not tokens.gaps[k] and tokens.low[k] in _BEFORE_AN_ACTIVE_VERB:
        k -= 1
    return k >= 0 and not tokens.gaps[k] and tokens.low[k] in _ACTIVE_SUBJECTS


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


#: Prepositions that may open a phrase after a group noun, before its verb: "Critics of
#: the plan say", "Many in the party believe", "Analysts at the bank said".
GROUP_PREPOSITIONS = frozenset("of in from within at among".split())
_NP_PREPOSITIONS = GROUP_PREPOSITIONS | frozenset(
    "on with by for to into about against over under through across including like".split()
)
_OBJECT_DETERMINERS = frozenset("the a an this these those his her their its our my your".split())


def opens_an_object(tokens: Tokens, j: int) -> bool:
    """Is token j a determiner that no preposition governs? After a vague subject's first
    verb it opens that verb's object ("several women withdrew the charges"), so a verb of
    saying further on is not the subject's ("… the charges"). "Some of the critics",
    "Many in the party" keep their determiner inside the subject."""
    return (
        tokens.low[j] in _OBJECT_DETERMINERS
        and j > 0
        and not tokens.gaps[j - 1]
        and tokens.low[j - 1] not in _NP_PREPOSITIONS
    )


_CALLS = frozenset("call calls called calling".split())
_POINTS = frozenset("point points pointed".split())


def is_noun_point(tokens: Tokens, j: int) -> bool:
    """Is "point(s)" at token j a noun ("score as many points as possible"), not the verb
    of saying or blaming "point out", "point to", "point the finger" ("as some analysts
    pointed out")?"""
    if tokens.low[j] not in _POINTS:
        return False
    after = tokens.low[j + 1 : j + 3] if not tokens.gaps[j] else []
    return not (after[:1] in (["out"], ["to"]) or after == ["the", "finger"])


def is_phrasal_call(tokens: Tokens, j: int) -> bool:
    """Is the verb at token j "call for", "call on", "call off": a demand or a decision,
    not a view ("advocates called for his dismissal"; "critics call it a bailout" stays)?"""
    return (
        tokens.low[j] in _CALLS
        and j + 1 < tokens.n
        and not tokens.gaps[j]
        and tokens.low[j + 1] in ("for", "on", "off", "upon")
    )


def is_majority_subject(tokens: Tokens, i: int, clause_start: Callable[[int], bool]) -> bool:
    """Is token i "majority" or "number" in "The majority (of economists) believe", "A
    majority say", "A number felt", opening a clause? A quantified group as vague as "most
    economists"."""
    word = tokens.low[i]
    return (
        word in ("majority", "number")
        and i > 0
        and not tokens.gaps[i - 1]
        and tokens.low[i - 1] in (("the", "a") if word == "majority" else ("a",))
        and clause_start(i - 1)
    )


# After "known to", a knower: "known to us", "known to police", "known to both
# astronomers and astrologers". "known to cause", "known to have" take a verb instead.
_KNOWER_WORDS = frozenset(
    "us them him her me you the both all his their its our my your police authorities".split()
)
_KNOWER_ENDINGS = ("ers", "ists", "ians", "ors", "ities", "ants", "ents")


def names_a_knower(tokens: Tokens, k: int) -> bool:
    """Does token k, after "known to", name who knows ("known to police", "known to
    us", "known to astronomers", "known to Smith") rather than begin a verb ("known to
    cause floods")? With a knower the knowledge has an owner: no weasel."""
    if k >= tokens.n:
        return False
    word = tokens.low[k]
    return (
        word in _KNOWER_WORDS
        or tokens.raw[k][:1].isupper()
        or (word.endswith(_KNOWER_ENDINGS) and len(word) > 5)
    )


_POSSESSIVE_DETERMINERS = frozenset("his her its their our my your whose".split())


def counts_or_owns(tokens: Tokens, i: int) -> bool:
    """Is the word before token i ("other") a number or a possessive: "eight other
    people", "his other critics", "Sanders' most devoted backers"? Then the group is
    counted or named, not vague."""
    if i == 0:
        return False
    previous = tokens.low[i - 1]
    if tokens.gaps[i - 1]:
        # a plural possessive: "Sanders' most devoted backers", "the unions' many critics"
        return tokens.gaps[i - 1].strip() in ("'", "’") and previous.endswith("s")
    return (
        tokens.is_number(i - 1)
        or previous in _POSSESSIVE_DETERMINERS
        or previous.endswith("'s")
    )


# Perception participles that name a view only with "as" or "to be": "widely seen as a
# snub" is a view; "often seen in the river" is a sighting.
_PERCEPTION_PARTICIPLES = frozenset("seen viewed".split())


def is_plain_perception(tokens: Tokens, k: int) -> bool:
    """Is the participle at token k "seen" or "viewed" without "as" or "to" after it ("they
    are often seen in heavy cover", "the film was widely viewed")?"""
    if tokens.low[k] not in _PERCEPTION_PARTICIPLES:
        return False
    following = tokens.low[k + 1] if k + 1 < tokens.n and not tokens.gaps[k] else ""
    return following not in ("as", "to")


_VAGUE_AGENTS = frozenset(
    "some many most several various numerous others few critics observers people experts "
    "analysts scholars historians commentators".split()
)


def has_named_agent(tokens: Tokens, j: int) -> bool:
    """Is the participle at token j followed by "by" and an agent that is not a vague crowd:
    "it was reported by the BBC", "most were described by Smith" (not "by many", "by
    critics")? Then the view or the report has an owner."""
    if j + 2 >= tokens.n or tokens.gaps[j] or tokens.gaps[j + 1] or tokens.low[j + 1] != "by":
        return False
    return tokens.low[j + 2] not in _VAGUE_AGENTS


_CONCESSION_VERBS = frozenset(
    "seem seems seemed sound sounds sounded appear appears appeared look looks looked".split()
)


def is_concessive_as(tokens: Tokens, i: int) -> bool:
    """Is the verb at token i the end of a concession "As inefficient as this seems, …",
    "as odd as it may sound, …"? The writer grants the appearance and asserts the main
    clause; nothing is hedged. Not "as many as 40 seem …" (a number)."""
    if tokens.low[i] not in _CONCESSION_VERBS or not tokens.gaps[i].startswith(","):
        return False
    k = i - 1
    while k > 0 and not tokens.gaps[k - 1] and i - k <= 8:
        k -= 1
    return (
        k + 3 < i
        and tokens.low[k] == "as"
        and tokens.low[k + 2] == "as"
        and not tokens.is_number(k + 1)
        and not tokens.is_number(k + 3)
    )


# After "appear to", someone or something that sees: "appeared to Chloe", "appear to the
# eye", "appeared to them in a dream". "appear to be", "appears to have" are hedges.
_SEER_WORDS = frozenset("the a an his her their them him us me you my our its".split())


def appears_to_someone(tokens: Tokens, end: int) -> bool:
    """Does "appear to" (ending before token ``end``) take an object, someone to whom
    something shows itself, rather than a verb? A literal appearance, no hedge."""
    if end >= tokens.n or tokens.gaps[end - 1] or tokens.low[end - 1] != "to":
        return False
    return tokens.low[end] in _SEER_WORDS or (end > 0 and tokens.raw[end][:1].isupper())


# A bare "appear(s/ed)" is "seem" before an adjective or a participle: "the political
# fallout appears significant", "the Trump team appeared paralyzed" (the guide's U2, the
# same hedge as "seems significant"). Not where it means showing up: before a preposition,
# a determiner, a name, a number, a time or place word or an adverb of manner ("appeared
# in court", "appeared on television", "appeared Tuesday", "appeared briefly", "appeared
# alongside her"), nor at a clause's end ("when he appeared,").
_NOT_AFTER_APPEAR = frozenset(
    (
        "in on at before as with for from by into onto to under over behind beside alongside "
        "among amid after since during via near next outside inside throughout without "
        "together onstage here there again twice once first last later earlier today "
        "tonight yesterday tomorrow live online the a an this that these those his her "
        "their its our my your one two and or but nor so if when while where who which "
        "than then not never also only just still even"
    ).split()
)
_DEGREE_ADVERBS_BEFORE_ADJECTIVES = frozenset(
    "very quite rather fairly increasingly highly largely relatively extremely "
    "entirely completely particularly especially more less most so too".split()
)
_BARE_APPEAR = frozenset("appear appears appeared".split())


def is_bare_appear_of_showing_up(tokens: Tokens, i: int, end: int) -> bool:
    """Is the bare "appear(s/ed)" at token i (a one-token match) the verb of showing up
    rather than "seem" before an adjective or a participle ("appears significant")?"""
    if end - i != 1 or tokens.low[i] not in _BARE_APPEAR:
        return False
    j = end
    if j >= tokens.n or tokens.gaps[j - 1]:
        return True
    if tokens.low[j] in _DEGREE_ADVERBS_BEFORE_ADJECTIVES:
        j += 1
        if j >= tokens.n or tokens.gaps[j - 1]:
            return True
    word = tokens.low[j]
    return (
        word in _NOT_AFTER_APPEAR or tokens.is_number(j) or not word.isalpha()
        or tokens.raw[j][:1].isupper() or (word.endswith("ly") and word not in ("likely", "unlikely"))
    )


# The noun "potential" is a capacity, no estimate: "her full potential", "the potential
# of the site", "the potential for violence" (Hyland counts the adjective, a possible X).
_AFTER_NOUN_POTENTIAL = frozenset("of for to in as and or".split())


def is_noun_potential(tokens: Tokens, i: int, end: int) -> bool:
    """Is "potential" at token i the noun (no word of a noun phrase after it, or a
    preposition or conjunction: "reach their potential.", "the potential for growth")?"""
    if tokens.low[i] != "potential":
        return False
    if end >= tokens.n or tokens.gaps[end - 1]:
        return True
    word = tokens.low[end]
    return word in _AFTER_NOUN_POTENTIAL or word in _NOT_AFTER_APPEAR or not word.isalpha()


# Before "unlikely", words after which it is predicated ("it seemed unlikely Trump would
# win", "a ruling is unlikely before June"): an estimate.
_BEFORE_PREDICATE_UNLIKELY = frozenset(
    "is are was were be been being am 's s seem seems seemed look looks looked remain "
    "remains remained appear appears appeared become becomes became it".split()
)
# Nouns "unlikely" estimates when it comes before them: "in the unlikely event that …".
_ESTIMATED_NOUNS = frozenset(
    "event events scenario scenarios case outcome outcomes possibility prospect prospects "
    "chance chances eventuality result".split()
)


def is_surprising_unlikely(tokens: Tokens, i: int, end: int) -> bool:
    """Is "unlikely" at token i the adjective of surprise before a noun ("an unlikely
    alliance", "The Unlikely Friendship Of …", "churns up unlikely supporters"), which
    estimates nothing? Not predicated ("is unlikely to", "seemed unlikely Trump would"),
    not before a word of a clause or punctuation, not before a noun of chance ("the
    unlikely event")."""
    if end - i != 1 or tokens.low[i] != "unlikely":
        return False
    if end >= tokens.n or tokens.gaps[end - 1]:
        return False
    if i > 0 and not tokens.gaps[i - 1] and tokens.low[i - 1] in _BEFORE_PREDICATE_UNLIKELY:
        return False
    word = tokens.low[end]
    if (not word.isalpha() or word in _NOT_AFTER_APPEAR or word in _ESTIMATED_NOUNS
            or word in _PRONOUNS):
        return False  # "however unlikely it may be": a clause follows
    if end + 1 < tokens.n and not tokens.gaps[end] and tokens.low[end + 1] == "to":
        return False  # "an unlikely candidate to have an exclusive role": an estimate
    # a capitalised word after it is a name opening a clause ("unlikely Trump would …"),
    # but in Title Case ("The Unlikely Friendship Of …") after a determiner or at the start
    return not tokens.raw[end][:1].isupper() or (
        tokens.raw[i][:1].isupper() and (i == 0 or tokens.low[i - 1] in _DETERMINERS))


_DETERMINERS = frozenset("the a an his her their its our this".split())
_PRONOUNS = frozenset("it he she they we you i there".split())


# Superlatives before the noun that "possible" follows: "the largest audience possible".
def after_a_superlative_noun(tokens: Tokens, i: int) -> bool:
    """Is "possible" at token i after a noun that a superlative modifies ("the best score
    possible", "the lowest price possible")? An extent ("as … as can be"), no estimate."""
    return (
        i >= 2
        and not tokens.gaps[i - 1]
        and not tokens.gaps[i - 2]
        and tokens.low[i - 1].isalpha()
        and _is_superlative(tokens.low[i - 2])
        and tokens.low[i - 2] not in ("most", "least")
    )


# ---------------------------------------------------------------------- "may" that estimates nothing

# "whatever trials may come", "however hard it may be", "wherever they may go": a concession
# or free relative over every case; nothing is estimated.
_CONCESSIVE_WH = frozenset(
    "however whatever whichever whoever whomever wherever whenever".split()
)
# Verbs of a concession "as popular as the thesis may be, …".
_CONCESSIVE_VERBS = frozenset("be seem sound appear look".split())
# "so that we may", "in order that they may", "lest it may": purpose; the clause states an aim.
_PURPOSE = (("so", "that"), ("in", "order", "that"), ("lest",))
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
            # a subject between: "so that we may", not "So that may be why"
            if low[k : k + len(phrase)] == list(phrase) and k + len(phrase) < i:
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


# ---------------------------------------------------------------------- "may" of what one can do with a kind

# "may" that states what can be done with a kind of thing, or what a word or a kind can
# denote or contain, is root (dynamic) possibility, paraphrased by "can": "vinegar may be
# added to the water", "the term may refer to children", "a cord set may include fuses".
# Coates (1983) finds root "may" typical of passives of agentive verbs in formal, technical
# writing; nothing about a particular state of affairs is estimated.
#: Verbs of naming and classing: "may be called potlucks", "may be classified as".
ROOT_NAMING = frozenset(
    "called termed named referred known spelled written pronounced translated rendered "
    "abbreviated designated labelled labeled classified".split()
)
#: Verbs of procedure and use, as participles: "may be used as an astringent", "may be
#: added to the core", "may be purchased". Not verbs that name one-off events ("may be
#: held", "chosen", "ordered", "made"): "elections may be held in June" is an estimate.
ROOT_PRACTICE = frozenset(
    (
        "used utilized utilised added served eaten prepared cooked mixed stored installed "
        "fitted mounted painted piped attached worn purchased bought sold played obtained "
        "placed applied removed replaced grown kept forwarded weighed treated produced combined"
    ).split()
)
#: Verbs of composition and denotation: "may include accessories", "may refer to".
ROOT_CONTENTS = frozenset("include contain consist comprise incorporate refer".split())
# A situation as subject makes "include" an estimate of what it will involve: "this may
# include sanctions", "that may include visits to Moscow".
_SITUATION_SUBJECTS = frozenset("this that it which what".split())
# Adverbs between the modal and the verb: "may also be used", "may often contain".
_MODAL_ADVERBS = frozenset(
    "also then thus therefore often still even only sometimes simply further either "
    "additionally easily readily commonly usually freely".split()
)
# Inference and belief verbs: a modal in the clause they govern states the hypothesis
# inferred ("the data suggest that selenium may be used to modulate …"), an estimate.
_INFERENCE_WORDS = frozenset(
    "suggest suggests suggested suggesting indicate indicates indicated indicating conclude "
    "concludes concluded propose proposes proposed hypothesize hypothesise hypothesized "
    "hypothesised speculate speculated believe believes believed think thinks thought show "
    "shows showed shown demonstrate demonstrates demonstrated imply implies implied possible "
    "likely".split()
)


# What a particular thing contains is estimated, not what a kind can contain: "drinking
# water in Millbrook may contain an industrial chemical", "the Clinton Foundation's
# donor list may include foreign governments" (a news report's central hedge) against
# "a cord set may include fuses". A proper name in the subject (a capitalised word that
# does not open the sentence) makes the thing particular; so does a report or finding
# before it ("regulators say the water may contain", "tests found the wells may contain").
_REPORTING_WORDS = frozenset(
    "say says said warn warns warned fear fears feared report reports reported found "
    "finds worry worries worried".split()
)
# Words that open the clause a subject is read back to.
_KIND_DETERMINERS = frozenset("a an any each every".split())
_SUBJECT_CLAUSE_OPENERS = frozenset(
    "that which who whom whose because while if when although".split()
)


# A word with a capital after a lower-case word, a digit or a comma (a hard-wrapped line
# may come between): the writer's capital inside a sentence ("in Millbrook", "said Mayor Hart"), not a sentence's.
_MID_SENTENCE_CAPITAL = re.compile(
    r"(?<=[a-z0-9,;])(?:[ \t]+|[ \t]*\n[ \t]*)([A-Z][A-Za-z]*[a-z][A-Za-z]*)"
)


class _Sentences(Protocol):
    text: str

    @property
    def body_sentences(self) -> Sequence[Any]: ...


def mid_sentence_names(article: _Sentences) -> frozenset[str]:
    """Lowercased words the article's body writes with a capital inside a sentence ("tap
    water in Millbrook"): names, so that a headline or a sentence that opens with one
    ("Millbrook water may contain chemical") has a name in its first word, where the
    capital alone says nothing. Not "I"; a word in capitals throughout is left out."""
    text = article.text
    return frozenset(
        match.group(1).lower()
        for sentence in article.body_sentences
        for match in _MID_SENTENCE_CAPITAL.finditer(text, sentence.start, sentence.end)
    )


def _particular_subject(tokens: Tokens, i: int) -> bool:
    """Is there a proper name in the clause before the modal at token i (a word written
    with a capital that is not the sentence's first word, nor "I"; or a first word the
    article writes as a name elsewhere, ``tokens.names``), in a subject that is not an
    indefinite kind ("a Sunday roast may include", "any EU member may")?"""
    start = i - 1
    while (start > 0 and not tokens.gaps[start - 1]
           and tokens.low[start - 1] not in _SUBJECT_CLAUSE_OPENERS):
        start -= 1
    if start < 0 or tokens.low[start] in _KIND_DETERMINERS:
        return False
    return any(
        (k > 0 or tokens.low[k].removesuffix("'s") in tokens.names)
        and tokens.raw[k][:1].isupper() and tokens.raw[k] != "I"
        for k in range(start, i)
    )


# What opens a subordinate clause: a "may" after one is no main clause's concession.
_SUBORDINATING = frozenset(
    "if whether that who which whom whose when while because since although though unless "
    "until as where so than believing fearing suggesting".split()
)
# Past participles after "may be" / "may have": a passive or a perfect, an event weighed
# ("The vote may be held, but …", as "may be delayed"). After "be" the forms that are as
# often nouns elsewhere ("shut", "cut", "set", "put") read only as participles.
_PARTICIPLES_AFTER_BE = IRREGULAR_PARTICIPLES | frozenset(
    "shut cut set put hit let cast spread found left heard felt dealt bound upheld "
    "withheld".split()
)
_CONCESSION_REACH = 20  # tokens from "may" to ", but"
_CONCESSION_SUBJECT = 6  # tokens before "may" in its clause
# A time still to come after "may" makes its clause a forecast, not a point granted:
# "Prices may rise next year, but …", "Rates may fall in June, but …".
_FUTURE_TIMES = frozenset("tomorrow tonight soon later eventually next coming".split())
_FUTURE_TIME_PREPOSITIONS = frozenset("in by until before after this".split())
_MONTHS_AND_SEASONS = frozenset(
    "january february march april may june july august september october november "
    "december spring summer autumn fall winter".split()
)


# A day of the week after "may" names when the event may happen ("may be held on Monday,
# but …", "may come by Friday, but …"): a forecast, as "in June" is.
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


def _names_a_time_to_come(low: Sequence[str], k: int) -> bool:
    """Whether token k opens a time still to come: "tomorrow", "next year", "in June",
    "by 2030", "this autumn", "Monday" (after "on", "by", "before" or none)."""
    if low[k] in _FUTURE_TIMES or low[k] in _WEEKDAYS:
        return True
    if low[k] in _FUTURE_TIME_PREPOSITIONS and k + 1 < len(low):
        after = low[k + 1]
        return after in _MONTHS_AND_SEASONS or (
            low[k] != "this" and len(after) == 4 and after.isdigit() and after[:2] in ("19", "20"))
    return False


def is_concessive_may(tokens: Tokens, i: int) -> bool:
    """Is "may" at token i in a main clause that concedes before ", but" and a clause of
    its own: "It may be small, but it is effective", "The hall may be old, but its roof
    is sound", "You may dislike the plan, but it works"? The writer grants the point
    (the "may" of concession) and weighs nothing. The clause opens the sentence (or a
    quotation) with a short subject, no subordinating word and no past verb of saying or
    thinking: not "thinking there may be two, but finding only one", "Police believed
    there may be two, but …". Not a passive or a perfect ("The vote may be delayed, but
    officials hope …", "may be held, but", "may have caused the leak, but …"): an event
    weighed, epistemic.
    Not every "may …, but" it keeps out concedes; in 533 PolNeAR texts (audit28) the 13
    it keeps out all did. Nor a forecast, a time still to come before the comma ("Prices
    may rise next year, but wages will not", "Rates may fall in June, but …"; review29),
    or a day named ("The vote may be held on Monday, but …", "may come by Friday, but")."""
    low = tokens.low
    v = i + 1
    while v < tokens.n and not tokens.gaps[v - 1] and low[v] in ("not", "well", "still"):
        v += 1
    if v + 1 < tokens.n and not tokens.gaps[v] and low[v] in ("be", "have") \
            and (low[v + 1].endswith(("ed", "en")) or low[v + 1] in _PARTICIPLES_AFTER_BE):
        return False
    k = i - 1
    while k >= 0 and not tokens.gaps[k]:
        if low[k] in _SUBORDINATING or low[k] in _PAST_REPORTS:
            return False  # "Police believed there may be three, but": reported
        k -= 1
    if i - k - 1 > _CONCESSION_SUBJECT or i - k - 1 < 1:
        return False
    if k >= 0 and not any(mark in tokens.gaps[k] for mark in _QUOTATION_MARKS):
        return False  # "Ortiz, who may …, but": the clause does not open the sentence
    if k < 0 and tokens.lead and not any(mark in tokens.lead for mark in _QUOTATION_MARKS):
        return False
    j = i
    while j < tokens.n - 2 and j - i < _CONCESSION_REACH:
        if j > i and _names_a_time_to_come(low, j):
            return False  # "may rise next year, but", "may be snow tomorrow, but": a forecast
        if tokens.gaps[j]:
            if tokens.gaps[j].strip() != "," or low[j + 1] != "but":
                return False
            after = low[j + 2]
            return not after.endswith("ing") and not tokens.gaps[j + 1]
        if low[j] in _SUBORDINATING and j > i:
            return False  # "may say that …, but": a clause inside
        j += 1
    return False


def is_root_may(tokens: Tokens, i: int) -> bool:
    """Is the modal at token i ("may", "could") the root possibility of what can be done
    with, or said of, a kind: "vinegar may be added", "copper may be used where …", "they
    may be called ferratelle", "the term may refer to", "findings may include …"?

    Not after a named agent ("may be used by these species": an event, estimated), and
    not in a clause governed by an inference or belief word within the twelve tokens
    before ("the data suggest that it may be used to …": a hypothesis).
    """
    low = tokens.low
    n = tokens.n
    j = i + 1
    while j < n and low[j] in _MODAL_ADVERBS and not tokens.gaps[j - 1]:
        j += 1
    if j >= n or tokens.gaps[j - 1]:
        return False
    if low[j] in ROOT_CONTENTS:
        k = i - 1
        while k >= 0 and not tokens.gaps[k] and low[k] in _MODAL_ADVERBS:
            k -= 1
        root = low[j] == "refer" or k < 0 or tokens.gaps[k] or low[k] not in _SITUATION_SUBJECTS
        if root and low[j] != "refer" and (
            _particular_subject(tokens, i)
            or any(low[m] in _REPORTING_WORDS for m in range(max(0, i - 12), i))
        ):
            root = False
    elif low[j] == "be" and j + 1 < n and not tokens.gaps[j]:
        k = j + 1
        while k < n and not tokens.gaps[k - 1] and (
            low[k] in _MODAL_ADVERBS or (low[k].endswith("ly") and len(low[k]) > 4)
        ):
            k += 1
        root = (
            k < n
            and not tokens.gaps[k - 1]
            and (low[k] in ROOT_NAMING or low[k] in ROOT_PRACTICE)
            and not (k + 1 < n and not tokens.gaps[k] and low[k + 1] == "by")
            # A kind's naming or practice names a name, a use or a way after the
            # participle ("may be known as", "may be bought at the door"); one that
            # ", but" follows at once names none: the passive is an event weighed, as
            # "may be held, but" is (is_concessive_may): "The shares may be sold, but the
            # board has not decided", "The result may be known, but …"
            and not (k + 1 < n and tokens.gaps[k].strip() == "," and low[k + 1] == "but")
        )
    else:
        root = False
    return root and not any(low[k] in _INFERENCE_WORDS for k in range(max(0, i - 12), i))


# "may often", "typically … may": a frequency adverb next to the modal makes it quantify
# over cases ("patients may often be asymptomatic" = are often asymptomatic), Coates's
# (1983) existential "may": nothing about one state of affairs is estimated.
_FREQUENCY_ADVERBS = frozenset(
    "often sometimes usually typically frequently commonly occasionally generally".split()
)
_CLAUSE_WORDS = frozenset("that which who and but or when if because where while".split())


def is_existential_may(tokens: Tokens, i: int) -> bool:
    """Is the modal at token i quantified by a frequency adverb in its own clause, right
    after it or up to four words before it ("may often vary", "Typically the pipes may
    be …"), or by a case adverbial (``quantified_by_cases``: "In severe cases, the stems
    may rot")? Not in a clause under an inference word ("suggest that it may often …")."""
    low = tokens.low
    for k in range(max(0, i - 4), min(tokens.n, i + 2)):
        if k == i or low[k] not in _FREQUENCY_ADVERBS:
            continue
        lo, hi = min(k, i), max(k, i)
        if any(tokens.gaps[m] for m in range(lo, hi)) or any(
            low[m] in _CLAUSE_WORDS for m in range(lo + 1, hi)
        ):
            continue
        return not any(low[m] in _INFERENCE_WORDS for m in range(max(0, i - 12), i))
    return quantified_by_cases(tokens, i)


# "In severe cases, the stems may rot", "at times patients may be unaware", "may in rare
# instances lead to": an adverbial that quantifies over cases or occasions says in how
# many of them the thing happens ("in some cases X" = "sometimes X"), so the modal is
# Coates's (1983) existential "may", as with a frequency adverb: nothing about one state
# of affairs is estimated. A single case ("in this case", "in that event") is no
# quantifier: "in this case the jury may acquit" stays a hedge.
_CASE_QUANTIFIERS = frozenset(
    "some many most rare severe extreme certain such other these those few isolated "
    "exceptional individual all advanced mild".split()
)
_CASE_NOUNS = frozenset("cases instances occasions".split())
# "But in some cases, …": a conjunction before the fronted adverbial.
_SENTENCE_LINKS = frozenset("and but however yet so".split())
# "may have been", "may have spread": the perfect "may" looks back at what has happened,
# and is epistemic (Coates 1983: root "may" takes no perfect).
_PERFECT_HAVE = "have"


def case_adverbials(tokens: Tokens) -> list[tuple[int, int]]:
    """(first, one past the last) token of each adverbial that quantifies over cases or
    occasions: "in some cases", "in rare instances", "on many occasions", "in a few
    cases", "on occasion", "at times", "from time to time"."""
    low = tokens.low
    n = tokens.n
    found = []
    for k in range(n - 1):
        if tokens.gaps[k]:
            continue
        if (low[k], low[k + 1]) in (("at", "times"), ("on", "occasion")):
            found.append((k, k + 2))
        elif low[k] == "from" and low[k + 1 : k + 4] == ["time", "to", "time"]:
            found.append((k, k + 4))
        elif low[k] in ("in", "on"):
            j = k + 1
            if low[j] == "a" and j + 1 < n and not tokens.gaps[j] and low[j + 1] == "few":
                j += 1  # "in a few cases"
            if (
                low[j] in _CASE_QUANTIFIERS and j + 1 < n and not tokens.gaps[j]
                and low[j + 1] in _CASE_NOUNS
            ):
                found.append((k, j + 2))
    return found


def _new_clause(tokens: Tokens, m: int) -> bool:
    """Does a new main clause start at token m, out of the reach of an adverbial that
    opened the sentence ("In some cases the fee was waived, and the council may …")?"""
    return any(mark in tokens.gaps[m - 1] for mark in ";:") or (
        "," in tokens.gaps[m - 1] and tokens.low[m] in _SENTENCE_LINKS | {"or", "while", "whereas"}
    )


def quantified_by_cases(tokens: Tokens, i: int) -> bool:
    """Is the modal at token i quantified by a case adverbial: one that opens the sentence
    ("In severe cases, the stems and leaves may rot"), one in its own clause up to three
    words before it ("at times patients may be unaware") or one right after it ("may, in
    rare cases, lead to")? Not the perfect ("in some cases the virus may have spread": a
    look back, epistemic) and not under an inference word ("studies suggest that in some
    cases it may …": a hypothesis)."""
    low = tokens.low
    if i + 1 < tokens.n and not tokens.gaps[i] and low[i + 1] == _PERFECT_HAVE:
        return False
    for first, end in case_adverbials(tokens):
        if first < i:
            opens = (first == 0 or (first == 1 and low[0] in _SENTENCE_LINKS)) and not any(
                _new_clause(tokens, m) for m in range(end, i)
            )
            near = i - end <= 3 and not any(tokens.gaps[m] for m in range(end, i))
            found = opens or near
        else:
            found = first - i <= 2 and not any(tokens.gaps[m].strip(",") for m in range(i, first))
        if found:
            return not any(low[m] in _INFERENCE_WORDS for m in range(max(0, i - 12), i))
    return False


# ---------------------------------------------------------------------- "may" of permission

# Root (deontic) "may" grants permission: "a player may pass", "no one may enter",
# "guests may bring food". Coates (1983) and Palmer (2001) find it with an animate subject
# the rule addresses and an agentive verb; the sentence states what any such person is
# allowed to do, and estimates nothing. Epistemic "may" about people takes a particular
# group or a state ("voters may listen", "a reader may feel misled"), which stays a hedge.
#: Persons named by a status a rule system confers (a game, a club, a service, a licence):
#: "players may bid", "a user may download", "guests may bring food". An indefinite or a
#: bare plural subject can also mean particular persons (Carlson 1977), so persons news
#: reports on as they act ("voters", "workers", "customers", "a judge") are not here: "voters
#: may listen", "a judge may not enforce the subpoena" are estimates.
PERMITTED_ROLES = frozenset(
    (
        "player user member guest participant applicant entrant contestant competitor athlete "
        "scout licensee holder bidder subscriber visitor"
    ).split()
)
#: Persons in a role after "any / each / every", which leave no particular person to
#: estimate about: "any member may raise", "each team may name", "every citizen may vote".
#: Written for this rule, not taken from data.
QUANTIFIED_ROLES = PERMITTED_ROLES | frozenset(
    (
        "officer constable trader dealer buyer seller owner tenant landlord employee employer "
        "driver passenger customer consumer citizen resident voter candidate student pupil "
        "teacher parent person individual team club agent attorney lawyer"
    ).split()
)
_QUANTIFIERS = frozenset("any each every".split())
_DETERMINERS = frozenset(
    "a an any each every no the this that these those his her its their our my your some "
    "many most all both".split()
)
# Where a subject noun phrase read leftwards ends: a clause or a prepositional phrase.
_NP_BOUNDARIES = frozenset(
    "when where that which who whom whose if as than because while whereas although though "
    "since until unless once before after so but for to in on at by with from into".split()
)
# "may not all be", "may both", "may ever": a negation, a floating quantifier, "ever".
_FLOATING = frozenset("not all both each ever".split())
# States, feelings and happenings: no permission is given to feel or to lose ("a voter may
# feel betrayed", "members may be willing": estimates).
_STATIVE_VERBS = frozenset(
    "be have seem appear feel want need like find become get lose face suffer experience "
    "know think believe remember wish prefer hope fear worry".split()
)
# Verbs that put forward a view: "one may argue that", "members may claim that" grant no
# permission, they raise a view no one is named for (a hedge, as "some may argue").
_VIEW_VERBS = frozenset(
    "argue say claim contend maintain assert suppose assume conclude speculate wonder "
    "suggest doubt expect imagine guess infer".split()
)


def _permission_subject(tokens: Tokens, i: int) -> bool:
    """Is the subject before the modal at token i a person the rule addresses: a role
    after "any / each / every" ("any group of ten members", "each team"), a permitted role
    after "a / an" or as a bare plural ("a player", "new users"), "no one", "nobody", "no"
    + noun, or generic "one"?"""
    low = tokens.low
    h = i - 1
    while h >= 0 and not tokens.gaps[h] and low[h] in _MODAL_ADVERBS:
        h -= 1
    if h < 0 or tokens.gaps[h]:
        return False
    head = low[h]
    previous = low[h - 1] if h >= 1 and not tokens.gaps[h - 1] else ""
    if head == "nobody" or previous == "no":
        return True  # "no one may enter", "no car may board": a prohibition
    if head == "one":
        return h == 0 or bool(tokens.gaps[h - 1]) or previous in ("and", "but", "so", "thus")
    # Read the noun phrase leftwards to its determiner, if any.
    k = h
    determiner = ""
    while k >= 1 and not tokens.gaps[k - 1] and h - k < 5:
        word = low[k - 1]
        if word in _DETERMINERS:
            determiner = word
            break
        if word in _NP_BOUNDARIES or not word.isalpha() or tokens.raw[k - 1][:1].isupper():
            break
        k -= 1
    role = head[:-1] if head.endswith("s") and head[:-1] in QUANTIFIED_ROLES else head
    if determiner in _QUANTIFIERS:
        return role in QUANTIFIED_ROLES
    return determiner in ("", "a", "an") and role in PERMITTED_ROLES


def is_permission_may(tokens: Tokens, i: int) -> bool:
    """Is the modal "may" at token i the root "may" of permission: a person the rule
    addresses, an agentive verb ("a peace officer may arrest a person without warrant",
    "players may bid two points", "no one may solicit votes", "one may apply the same
    test")?

    Not with a verb of state or feeling ("a voter may feel betrayed") or one that puts
    forward a view ("one may argue that …": no permission, a hedge), and not in a clause
    under an inference or belief word ("the data suggest that users may prefer …").
    """
    low = tokens.low
    n = tokens.n
    j = i + 1
    while j < n and not tokens.gaps[j - 1] and (low[j] in _MODAL_ADVERBS or low[j] in _FLOATING):
        j += 1
    if j >= n or tokens.gaps[j - 1] or not low[j].isalpha():
        return False
    if low[j] in _STATIVE_VERBS or low[j] in _VIEW_VERBS:
        return False
    if not _permission_subject(tokens, i):
        return False
    return not any(low[k] in _INFERENCE_WORDS for k in range(max(0, i - 12), i))


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


# People who indicate: "the governor indicated he would sign" signals an intention, a report
# (the attribution span stays), not the writer's inference from evidence.
_PERSON_PRONOUNS = frozenset("he she i we".split())
_PERSON_ROLES = frozenset(
    "governor president senator minister spokesman spokeswoman spokesperson official "
    "officials aide aides lawyer lawyers attorney candidate leader leaders chairman "
    "chairwoman mayor director chief secretary premier chancellor king queen prince "
    "commander general coach manager ceo founder author".split()
)
_PROGRESSIVE_BE = frozenset("is was are were been".split())
_PERSON_IS = frozenset("he's she's i'm we're".split())
_AUXILIARY_ADVERBS = frozenset(
    "has have had had also already previously earlier later publicly privately repeatedly "
    "clearly strongly recently has did does do would will".split()
)


def has_person_subject(tokens: Tokens, i: int, titles: frozenset[str] = frozenset()) -> bool:
    """Is the verb at token i said by a person: "he indicated", "the governor has
    indicated", "the harbour master suggested", "Smith indicated"? ``titles`` are the last
    words of the person titles in the source lexicon (``sources.csv``, role ``title``).
    A capitalised word counts as a name except at the start of the sentence ("Polls
    indicate": a document)."""
    if tokens.low[i].endswith("ing"):
        # "data indicating that": a participle of a noun, no speaker; but a progressive
        # has the subject of its "be": "Sanders is suggesting", "he's suggesting".
        k = i - 1
        while k >= 0 and not tokens.gaps[k] and tokens.low[k] in _AUXILIARY_ADVERBS:
            k -= 1
        if k < 0 or tokens.gaps[k]:
            return False
        if tokens.low[k] in _PROGRESSIVE_BE:
            return has_person_subject(tokens, k, titles)
        return tokens.low[k] in _PERSON_IS
    k = i - 1
    while k >= 0 and not tokens.gaps[k] and tokens.low[k] in _AUXILIARY_ADVERBS:
        k -= 1
    if k < 0 or tokens.gaps[k]:
        return False
    word = tokens.low[k]
    if word in _PERSON_PRONOUNS or word in _PERSON_ROLES or word in titles:
        return True
    # A name: a run of words in title case ("Trump", "Donald Trump"), one of them not a
    # plural ("Polls indicate", "Abs indicated"), not the object of a preposition or the
    # last of a list ("polls in New Hampshire and Iowa indicated", "attack on Trump").
    first = k
    while first > 0 and not tokens.gaps[first - 1] and _title_case(tokens.raw[first - 1]):
        first -= 1
    if not all(_title_case(tokens.raw[m]) for m in range(first, k + 1)):
        return False
    if first == k and (first == 0 or word.endswith("s")):
        return False  # "Evidence indicates", "Polls indicate": a capital that opens the
        # sentence, or a plural, is no sign of a name ("Trump indicated" there stays both)
    before = tokens.low[first - 1] if first > 0 and not tokens.gaps[first - 1] else ""
    return before not in _NOT_BEFORE_NAMES


_NOT_BEFORE_NAMES = frozenset(
    "in on at of for from with by to and or into about against than as".split()
)


def _title_case(word: str) -> bool:
    """"Trump", "McCullough", "O'Brien": a capital, then lower-case letters."""
    return len(word) > 2 and word[0].isupper() and any(c.islower() for c in word[1:]) and (
        word.replace("'", "").replace("-", "").isalpha()
    ) and not any(c.isupper() for c in word[1:3])


def is_reported_suggestion(
    tokens: Tokens, i: int, titles: frozenset[str] = frozenset()
) -> bool:
    """Is "suggest" at token i said by a third person ("he suggested that", "the governor
    has suggested", "the harbour master suggested", "Smith suggests")? That reports what
    someone proposed or hinted (the attribution span stays), as "indicate" does: the
    doubt, if any, is the speaker's, and the writer's distance is the attribution, which
    the sourcing measures count. The writer's own inference is "the data suggest", "we
    suggest that" (an author's tentative claim). ``titles`` as in ``has_person_subject``."""
    k = i - 1
    while k >= 0 and not tokens.gaps[k] and (
        tokens.low[k] in _AUXILIARY_ADVERBS or tokens.low[k] in _PROGRESSIVE_BE
    ):
        k -= 1
    if k >= 0 and not tokens.gaps[k] and tokens.low[k] in _FIRST_PERSON:
        return False
    return has_person_subject(tokens, i, titles)


_FIRST_PERSON = frozenset("i we i'm we're".split())


#: Hedges that are also report verbs: said by a named speaker, they report. Not
#: "according to": whoever its source, it is an evidential hedge (distance through a
#: source, as the project defines it) as well as an attribution cue.
REPORTING_HEDGES = frozenset({"suggest", "indicate"})
# Source types that name who speaks (models.attribution): a person, an institution, an outlet.
_NAMED_SPEAKERS = frozenset({"person", "institution", "media"})


def named_report(tokens: Tokens, at: int, term: str, kind: str, first: int, last: int) -> bool:
    """Is the reporting hedge ``term`` (*suggest, indicate*) at token ``at``, whose source
    noun phrase (tokens first to last) types as ``kind``, a report by a named speaker
    rather than the writer's hedge? *The head of the team suggested*, *the ministry
    indicated* report what a speaker says, as *the governor said* does: attribution, no
    hedge; the writer's distance is the attribution the sourcing measures count. Evidence
    stays a hedge (*the survey suggests*, *…, suggesting that*, *the website suggests*)."""
    if kind not in _NAMED_SPEAKERS or kind == "media" or tokens.low[at].endswith("ing"):
        return False  # "…, suggesting that", "the website suggests": evidence, no speaker
    # Before the verb only a determined noun phrase of common nouns (*the head of the
    # team*): a capitalised word may be a gene or a drug (*RU486 suggests*, *Mutagenesis
    # indicates*), and names have their own test (has_person_subject).
    return tokens.low[first] in _DEFINITE and not any(
        tokens.raw[k][:1].isupper() for k in range(first + 1, last + 1)
    )


# ---------------------------------------------------------------------- "could" negated

# After "could": the negation that makes it "could not": "could not leave", "could never
# win", "could no longer afford". "could not only …" is no negation ("not only … but").
# The near-negations "hardly", "scarcely", "barely" say the same with less force: "could
# hardly have been more extreme", "could barely stand" (Quirk et al. 1985 class them
# with the negators: they take "any" and a positive tag, "He could hardly stand, could he?").
_NEGATIONS_AFTER_COULD = frozenset("not never n't hardly scarcely barely".split())


def is_negated_could(tokens: Tokens, i: int) -> bool:
    """Is "could" at token i negated right after it ("could not be reached", "couldn't
    leave", "could never win", "could no longer afford", "could hardly have been more
    extreme")? The negated possibility modal
    states inability or impossibility, which is certain, not a hedge (not ◇p is not
    "possibly not p"). A negation before it ("no one could", "I don't think he could")
    is left alone."""
    low = tokens.low
    if low[i] in ("couldn't", "couldnt"):
        return True
    if i + 1 >= tokens.n or tokens.gaps[i]:
        return False
    following = low[i + 1]
    after = low[i + 2] if i + 2 < tokens.n and not tokens.gaps[i + 1] else ""
    if following in _NEGATIONS_AFTER_COULD:
        return not (following == "not" and after == "only")
    return following == "no" and after == "longer"


# Between a negation and a predicative "possible": "would not be possible", "is no
# longer possible", "was never really possible".
_BEFORE_POSSIBLE = _BE | frozenset("would will could not never no longer also likewise really".split())


def is_negated_possible(tokens: Tokens, i: int) -> bool:
    """Is the predicative "possible" at token i negated ("evenings like this would not be
    possible", "a recount is no longer possible", "no meaningful comparison is possible")?
    Impossibility is certain, as "could not" is (``is_negated_could``): no hedge. "It is
    not impossible" is the lexicon's own litotes and stays a hedge, and so does a question
    ("Is it not possible that he lied?")."""
    low = tokens.low
    if "?" in tokens.gaps[-1]:
        return False
    k = i - 1
    while k >= 0 and not tokens.gaps[k] and low[k] in _BEFORE_POSSIBLE:
        if low[k] in ("not", "never") or (low[k] == "no" and low[k + 1] == "longer"):
            return True
        k -= 1
    if i < 1 or tokens.gaps[i - 1] or low[i - 1] not in _BE:
        return False
    # "no (meaningful) comparison (between them) is possible": "no" opens the subject.
    m = i - 2
    while m >= 0 and not tokens.gaps[m] and i - m <= 8 and low[m] not in _CLAUSE_WORDS:
        if low[m] == "no":
            return True
        m -= 1
    return False


# Things an authority grants: "exceptions are possible" says they can be granted (root
# possibility, what the rules allow), not how likely an event is (audit22, seed 001 S11).
_GRANTED_NOUNS = frozenset(
    "exception exceptions exemption exemptions waiver waivers appeal appeals extension "
    "extensions deferral deferrals refund refunds".split()
)


def is_granted_possible(tokens: Tokens, i: int) -> bool:
    """Is the predicative "possible" at token i said of something an authority grants
    ("some exceptions are possible", "an appeal is still possible", "refunds will be
    possible")? That is the root possibility of what the rules allow ("'May' that
    estimates nothing": the definition's root sense), no estimate: no hedge. "Delays
    are possible" still estimates."""
    low = tokens.low
    k = i - 1
    while k >= 0 and not tokens.gaps[k] and low[k] in _BEFORE_GRANTED_POSSIBLE:
        k -= 1
    if k < 0 or tokens.gaps[k] or not any(low[m] in _BE for m in range(k + 1, i)):
        return False
    return low[k] in _GRANTED_NOUNS


_BEFORE_GRANTED_POSSIBLE = _BEFORE_POSSIBLE | frozenset("still only sometimes always now".split())


# After "could" (and an adverb or "be"): verbs of perceiving or detecting. "The fire could
# be seen from the coast", "no signal could be detected", "we could hear the crowd".
_DETECTING_VERBS = frozenset(
    "detect observe identify discern distinguish hear visualize visualise".split()
)
_DETECTED_PARTICIPLES = frozenset(
    "detected observed identified discerned distinguished heard visualized visualised".split()
)
_ADVERBS_AFTER_COULD = _MODAL_ADVERBS | frozenset("clearly now first barely hardly just already".split())


def is_ability_could(tokens: Tokens, i: int) -> bool:
    """Is "could" at token i the past or conditional of ability with a verb of perceiving
    or detecting ("could be seen for miles", "no binding could be detected", "we could
    hear the crowd")? It says what an observer was able to perceive, not how probable a
    claim is: root possibility, no hedge (Coates 1983 lists "could" with verbs of
    perception as the clearest ability use). Not "could be seen as" (a view: "could be
    seen as a betrayal" weighs a reading), not "could be seen by" (an audience to come:
    "could be seen by a large number of voters") and not "could see" (often "undergo":
    "prices could see a rise")."""
    j = i + 1
    low = tokens.low
    while j < tokens.n and not tokens.gaps[j - 1] and low[j] in _ADVERBS_AFTER_COULD:
        j += 1
    if j >= tokens.n or tokens.gaps[j - 1]:
        return False
    if low[j] != "be":
        return low[j] in _DETECTING_VERBS
    if j + 1 >= tokens.n or tokens.gaps[j]:
        return False
    j += 1
    if low[j] == "seen":
        # "could be seen as a betrayal", "could be seen by many voters as …": a reading;
        # "could be seen by millions of viewers": an audience to come, a possibility.
        following = low[j + 1] if j + 1 < tokens.n and not tokens.gaps[j] else ""
        return following not in ("as", "by")
    return low[j] in _DETECTED_PARTICIPLES


# ---------------------------------------------------------------------- "could" of capacity

# Verbs of output whose "could" with a rate states a capacity: "The plant could produce
# 500 tonnes a day", "could process 200,000 barrels per day".
_OUTPUT_VERBS = frozenset(
    "produce build make process refine generate pump treat handle manufacture turn "
    "output".split()
)
# Verbs of holding whose "could" with a number states a size: "The ferry could carry 300
# passengers", "The stadium could hold 60,000 fans".
_HOLDING_VERBS = frozenset("hold carry seat accommodate house fit store".split())
_CAPACITY_VERBS = _OUTPUT_VERBS | _HOLDING_VERBS
_RATE_WORDS = frozenset("a an per each every".split())
_RATE_UNITS = frozenset("second minute hour day week month year shift".split())
_CAPACITY_ADVERBS = frozenset("only still easily already once then now reportedly".split())
_CAPACITY_REACH = 8  # tokens after the verb in which its number (and rate) is sought


def is_capacity_could(tokens: Tokens, i: int) -> bool:
    """Is "could" at token i the capacity of a plant, a vessel or a place: a verb of
    output with a number and a rate ("The plant could produce 500 tonnes a day", "could
    build ten tanks a month"), or a verb of holding with a number ("The ferry could carry
    300 passengers")? What the thing is (or was) able to do, root possibility, no estimate
    (Coates 1983: the ability "could"). Not "The storm could produce 10 inches of rain"
    (no rate: an outcome weighed) nor other verbs ("could cost 500 jobs a week")."""
    low = tokens.low
    j = i + 1
    while j < tokens.n and not tokens.gaps[j - 1] and low[j] in _CAPACITY_ADVERBS:
        j += 1
    if j >= tokens.n or tokens.gaps[j - 1] or low[j] not in _CAPACITY_VERBS:
        return False
    number = -1
    k = j + 1
    while k < min(tokens.n, j + 1 + _CAPACITY_REACH):
        if tokens.is_number(k) or any(c.isdigit() for c in low[k]):
            number = k
            break
        if tokens.gaps[k - 1].strip():
            return False
        k += 1
    if number < 0:
        return False
    if low[j] in _HOLDING_VERBS:
        return True
    return any(
        low[m] in _RATE_WORDS and m + 1 < tokens.n and _unit(low[m + 1]) in _RATE_UNITS
        for m in range(number + 1, min(tokens.n - 1, number + _CAPACITY_REACH))
    )


def _unit(word: str) -> str:
    return word[:-1] if word.endswith("s") else word


# ---------------------------------------------------------------------- "could" of past ability

# A time long past that frames the clause: "As a child he could swim for miles", "In his
# youth she could run a mile", "Back then a family could live on one wage", "In 1990 the
# mill could employ …". Then "could" is the past of "can", what someone was able to do
# (Coates 1983), no possibility weighed. Not "could have" (a possibility, weighed now).
_LIFE_STAGES = frozenset(
    "child boy girl teenager teen youngster student schoolboy schoolgirl toddler kid "
    "youth".split()
)
_YOUNG_PEOPLE = frozenset("man woman boy girl".split())
_LIFE_PERIODS = frozenset("youth childhood boyhood girlhood teens twenties thirties heyday prime".split())
_OWNERS = frozenset("his her their my our your".split())
_PAST_PERIOD_NOUNS = frozenset("days times years".split())
_PAST_YEAR = re.compile(r"1[89]\d\d")  # "in 1990"
_PAST_DECADE = re.compile(r"1[89]\d0s")  # "in the 1980s"
# A year of this century is past only before the year the article is dated: "in 2005"
# in an article of 2016 (past), "in 2030" (to come); with no date it may be either.
_CENTURY_YEAR = re.compile(r"20\d\d")
_CENTURY_DECADE = re.compile(r"20\d0s")  # "in the 2000s": past from 2010 on
_PAST_FRAME_REACH = 4  # words between a frame before "could" and the modal: its subject
_PAST_FRAME_AFTER = 8  # tokens from "could" to a frame after it in its clause


def _past_year(tokens: Tokens, word: str) -> bool:
    """Is ``word`` a year past when the article was written: before 2000 ("1990"), or a
    year of this century before the year the article is dated ("2005" in 2016)?"""
    if _PAST_YEAR.fullmatch(word):
        return True
    year = tokens.published_year
    return year is not None and bool(_CENTURY_YEAR.fullmatch(word)) and int(word) < year


def _past_decade(tokens: Tokens, word: str) -> bool:
    """Is ``word`` a decade over when the article was written ("1980s"; "2000s" in 2016)?"""
    if _PAST_DECADE.fullmatch(word):
        return True
    year = tokens.published_year
    return year is not None and bool(_CENTURY_DECADE.fullmatch(word)) and \
        int(word[:4]) + 10 <= year


def published_year(article: Any) -> int | None:
    """The year in the article's ``date`` ("2016-09-26", "Sept. 26, 2016"), or None when
    it has no date or no year in it (1800-2099)."""
    found = re.search(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)", getattr(article, "date", "") or "")
    return int(found.group(1)) if found else None


def _past_frame_end(tokens: Tokens, k: int, *, years: bool = True) -> int:
    """The last token of a time long past that starts at token k ("as a child", "in his
    youth", "back then", "in those days", and with ``years`` "in 1990", "in the 1980s",
    "in 2005" in an article dated later), or -1."""
    low = tokens.low
    n = tokens.n
    words = [low[m] for m in range(k, min(n, k + 4))]
    for m in range(k, min(n, k + 4) - 1):
        if tokens.gaps[m]:
            words = words[: m - k + 1]
            break
    if words[:2] == ["back", "then"]:
        return k + 1
    if len(words) >= 3 and words[0] == "as" and words[1] in ("a", "an"):
        if words[2] in _LIFE_STAGES:
            return k + 2
        if len(words) == 4 and words[2] == "young" and words[3] in _YOUNG_PEOPLE:
            return k + 3
    if len(words) >= 2 and words[0] == "in":
        if years and _past_year(tokens, words[1]):
            return k + 1
        if len(words) >= 3 and words[1] in _OWNERS and words[2] in _LIFE_PERIODS:
            return k + 2
        if len(words) >= 3 and words[1] == "those" and words[2] in _PAST_PERIOD_NOUNS:
            return k + 2
        if years and len(words) >= 3 and words[1] == "the" and _past_decade(tokens, words[2]):
            return k + 2
    return -1


def is_past_ability_could(tokens: Tokens, i: int) -> bool:
    """Is "could" at token i the past of "can" in a clause framed by a time long past:
    before it, the frame and then only a short subject ("As a child(,) he could swim for
    miles", "Back then a family of four could live on one wage"), or after it in the same
    clause ("he could swim for miles as a child")? What someone was able to do, no
    possibility weighed: no hedge. Not "could have" ("As a child he could have drowned":
    weighed now), nor with a report or a subordinate clause between the frame and the
    modal ("In 1990 officials said the dam could fail": the speakers' estimate)."""
    low = tokens.low
    j = i + 1
    while j < tokens.n and not tokens.gaps[j - 1] and low[j] in _CAPACITY_ADVERBS:
        j += 1
    if j >= tokens.n or tokens.gaps[j - 1] or low[j] == "have":
        return False
    for k in range(max(0, i - _PAST_FRAME_REACH - 4), i):
        end = _past_frame_end(tokens, k)
        if end < 0 or end >= i or i - end - 1 > _PAST_FRAME_REACH or i - end - 1 < 1:
            continue
        if tokens.gaps[end] not in ("", ",") or any(tokens.gaps[m] for m in range(end + 1, i)):
            continue
        if any(
            low[m] in _SUBORDINATING or low[m] in _PAST_REPORTS or low[m].endswith("ed")
            for m in range(end + 1, i)
        ):
            continue
        return True
    for k in range(i + 1, min(tokens.n, i + 1 + _PAST_FRAME_AFTER)):
        if tokens.gaps[k - 1]:
            break
        if _past_frame_end(tokens, k, years=False) >= 0:
            return True  # not a year: "(he said) the dam could fail in 1990" weighs it
        if low[k] in _SUBORDINATING:
            break  # "could tell that as a child …": a clause of its own
    return False


# "did everything they could", "all she could do was shout", "the best that historians
# could do": a free relative over the most that someone was able to do.
_UTMOST_HEADS = frozenset("everything anything whatever all best most least utmost".split())
_WISH_VERBS = frozenset("wish wished wishes wishing".split())
_ABLE_PRONOUNS = frozenset("i you he she we they it one".split())
_SUBJECT_STARTS = _ABLE_PRONOUNS | frozenset("the his her their its our this these those".split())


# Words before "so" that make it "therefore": "and so it could", "but so they could".
_BEFORE_A_SO_OF_RESULT = frozenset("and but or yet even just".split())


def _bare_so_purpose(tokens: Tokens, i: int) -> bool:
    """Is the modal at token i in a purpose clause opened by a bare "so" and a subject
    pronoun, inside its sentence's clause ("moved the vote so we could attend")? Set off by
    a comma or after "and" the "so" is "therefore" ("it passed, so it could reach the
    governor"): a result, which the modal may still estimate."""
    if i < 3 or tokens.low[i - 2] != "so" or tokens.low[i - 1] not in _PRONOUNS:
        return False
    return not any(tokens.gaps[k] for k in (i - 3, i - 2, i - 1)) and (
        tokens.low[i - 3] not in _BEFORE_A_SO_OF_RESULT
    )


def _subjects_before(tokens: Tokens, i: int) -> list[int]:
    """First tokens of the subjects of one to three words that may end right before the
    modal at token i, in the same stretch of text."""
    return [i - m for m in (1, 2, 3) if i - m >= 0 and _same_clause(tokens, i - m, i)]


def is_non_epistemic_could(tokens: Tokens, i: int) -> bool:
    """Is the modal "could" at token i one that estimates nothing? "could" is the past of
    root "can" as well as a possibility modal (Coates 1983); it states what someone was
    able or wished to do, not how likely a claim is, in

    * a purpose clause: "so that the Army could round them up", "in order that they
      could vote" (purpose takes a putative modal, Quirk et al. 1985), as for "may";
    * a comparison with the utmost one could do: "as soon as they could", "as well as I
      could have expected" (not "as many as 20 people could": a number, nor "as far as we
      could tell", which limits what is known);
    * a free relative over the utmost: "did everything they could", "all she could do was
      shout", "the best that historians could do";
    * a wish: "I wish I could", "if only they could" (counterfactual, Palmer 2001);
    * a bare "so" + a subject pronoun in the same clause: "became a citizen so she could
      use her in the debate" (``_bare_so_purpose``).
    """
    low = tokens.low
    if _bare_so_purpose(tokens, i):
        return True
    k = i - 1
    while k >= 0 and not tokens.gaps[k] and i - k <= 8:
        for phrase in _PURPOSE:
            if low[k : k + len(phrase)] == list(phrase) and k + len(phrase) < i:
                return True
        k -= 1
    for s in _subjects_before(tokens, i):
        if (
            s >= 3 and low[s - 1] == "as" and low[s - 3] == "as" and low[s - 2] != "far"
            and _same_clause(tokens, s - 3, s) and low[s] in _SUBJECT_STARTS
        ):
            return True  # "as soon as they could"
        h = s - 1
        if h >= 0 and low[h] == "that" and not tokens.gaps[h]:
            h -= 1
        if h < 0 or tokens.gaps[h]:
            continue
        if low[h] in _WISH_VERBS or (low[h] == "only" and h >= 1 and low[h - 1] == "if"):
            return True  # "I wish I could", "if only they could"
        if low[h] in _UTMOST_HEADS and (low[s] in _ABLE_PRONOUNS or h + 1 < s):
            return True  # "everything we could", "the best that historians could"
    return False


# After a predicative "unknown": a knower ("unknown to the police") or a place where
# someone is obscure ("unknown outside France"): no question is left open.
_AFTER_OBSCURE = frozenset("to outside beyond".split())
_PERSONAL_SUBJECTS = frozenset("i you he she we".split())


def is_obscure_unknown(tokens: Tokens, i: int, end: int) -> bool:
    """Is the predicative "unknown" phrase (tokens i to end) about a person who is not
    famous ("he was largely unknown", "a name unknown to most readers", "unknown outside
    Japan"), not a question left open ("the cause is unknown")? An obscure person or a
    named knower leaves no claim open."""
    if tokens.low[end - 1] != "unknown":
        return False  # "little is known to date", "is not known to be": other phrases
    if end < tokens.n and not tokens.gaps[end - 1] and tokens.low[end] in _AFTER_OBSCURE:
        return True
    return i > 0 and not tokens.gaps[i - 1] and tokens.low[i - 1] in _PERSONAL_SUBJECTS


# ---------------------------------------------------------------------- possibility as an option

_GERUND_OPENERS = frozenset("of to for".split())
# Verbs that weigh whether something can be or is so: their "possibility" is open.
_WEIGHING_VERBS = frozenset(
    "examine examined examines examining explore explored explores exploring test tested "
    "tests testing investigate investigated investigating study studied studies assess "
    "assessed evaluate evaluated consider considered considering raise raised raises "
    "raising address addressed discuss discussed".split()
)


def is_option_possibility(tokens: Tokens, i: int) -> bool:
    """Is "possibility" at token i an option open to someone ("the possibility of
    resigning", "the possibility to appeal") rather than an estimate ("the possibility of
    arson", "the possibility that he lied")? An action in the -ing form or the infinitive
    after it names what someone may choose to do; an event noun is a state of affairs
    whose likelihood is weighed."""
    j = i + 1
    if j + 1 >= tokens.n or tokens.gaps[i] or tokens.gaps[j]:
        return False
    opener, following = tokens.low[j], tokens.low[j + 1]
    if opener not in _GERUND_OPENERS:
        return False
    if any(tokens.low[k] in _WEIGHING_VERBS for k in range(max(0, i - 4), i)):
        return False  # "we examined the possibility of establishing …": whether it can be
    if opener == "to":
        return following.isalpha()  # "the possibility to appeal"
    return following.endswith("ing") and len(following) > 5 and following not in (
        "something", "nothing", "anything", "everything", "wrongdoing", "bombing",
        "shooting", "killing", "uprising", "wedding", "meeting", "building", "bleeding",
        "flooding", "offering", "funding", "spending", "warming", "wrongdoings", "hearing",
    )


_DEMONSTRATIVES = frozenset("this that these those".split())


def is_anaphoric_possibility(tokens: Tokens, i: int) -> bool:
    """Is "possibility" at token i a demonstrative's noun that points back to a hypothesis
    already stated ("to test this possibility", "these two possibilities", "that latter
    possibility")? It names the earlier claim, whose own words carry the hedge; it makes
    no new estimate. Not before a clause of its own ("this possibility that …")."""
    k = i - 1
    if k >= 1 and not tokens.gaps[k - 1] and tokens.low[k - 1] in _DEMONSTRATIVES and (
        tokens.low[k].isalpha() and tokens.low[k] not in _DEMONSTRATIVES
    ):
        k -= 1  # one word between: "this latter possibility", "these two possibilities"
    if k < 0 or tokens.gaps[k] or tokens.low[k] not in _DEMONSTRATIVES:
        return False
    return not (i + 1 < tokens.n and not tokens.gaps[i] and tokens.low[i + 1] == "that")


# ---------------------------------------------------------------------- "apparent" as evident

# Before predicative "apparent", which then means evident, plain to see: "it became apparent
# that", "the damage was apparent", "as is apparent from the records".
_LINKING_VERBS = _BE | frozenset(
    "become becomes became becoming remain remains remained seem seems seemed grow grew".split()
)
_DEGREE_ADVERBS = frozenset(
    "immediately already quickly soon readily more increasingly painfully all too very "
    "abundantly clearly fully also obviously not".split()
)


# Quantities whose "apparent" value is the one observed from somewhere (astronomy, physics,
# weather): "apparent magnitude", "apparent temperature". No hedge.
_OBSERVED_QUANTITIES = frozenset(
    "magnitude magnitudes brightness diameter motion horizon temperature wind dip power "
    "density viscosity resistivity velocity altitude".split()
)
# "no apparent effect", "without apparent damage", "for no apparent reason": nothing that
# could be seen, a report of what was (not) observed, not an estimate of what seems so.
_NO_VISIBLE = frozenset("no without".split())


def is_evident_apparent(tokens: Tokens, i: int) -> bool:
    """Is "apparent" at token i the adjective of what is plain to see ("it soon became
    apparent that", "the damage was apparent", "apparent from the records", "the heir
    apparent") rather than of what only seems so ("his apparent suicide")?"""
    if tokens.low[i] != "apparent":
        return False
    if i > 0 and not tokens.gaps[i - 1] and tokens.low[i - 1] in ("heir", "heirs"):
        return True  # a title
    following = tokens.low[i + 1] if i + 1 < tokens.n and not tokens.gaps[i] else ""
    if following in ("that", "from", "to"):
        return True  # "apparent that", "apparent from", "apparent to all"
    if following in _OBSERVED_QUANTITIES:
        return True  # "apparent magnitude": the value as observed, a technical term
    k = i - 1
    if k >= 0 and not tokens.gaps[k] and tokens.low[k] == "any":
        k -= 1  # "without any apparent effect"
    if k >= 0 and not tokens.gaps[k] and tokens.low[k] in _NO_VISIBLE:
        return True  # "no apparent effect": nothing to be seen
    k = i - 1
    while k >= 0 and not tokens.gaps[k] and tokens.low[k] in _DEGREE_ADVERBS:
        k -= 1
    return k >= 0 and not tokens.gaps[k] and tokens.low[k] in _LINKING_VERBS


# ---------------------------------------------------------------------- "according to" a standard

# "sorted according to size", "vary according to the season", "went according to plan":
# "according to" means "in accordance with, depending on" before a standard or a measure,
# and points to no source whose word the claim rests on.
_STANDARDS = frozenset(
    (
        "schedule schedules plan plans distance preference preferences size sizes age ages "
        "type types odds law laws rule rules protocol protocols custom customs need needs way "
        "ability abilities season seasons surface weight height index formula criteria "
        "criterion standard standards principle principles guideline guidelines instructions "
        "regulations specifications demand merit merits rank seniority priority category "
        "categories level levels region regions taste tastes circumstances situation "
        "conditions"
    ).split()
)
_AFTER_HEAD = frozenset(
    "of for in on at to by with and or than as from that which is are was were will would "
    "can may".split()
)
_NOUN_PHRASE_FILLERS = frozenset(
    "the a an their his her its our my your each every one's national local common "
    "international individual preferred own personal specific different".split()
)


def is_according_to_a_standard(tokens: Tokens, i: int) -> bool:
    """Is "according to" at tokens i, i + 1 "in accordance with" a standard ("according to
    plan", "sorted according to size", "according to national laws") rather than a source
    ("according to police", "according to the census")? Wherever it stands ("According to
    state law, no one may …", "(Qiagen) according to the manufacturer's instructions"):
    a rule or a standard is followed, not cited: no claim rests on its word. A doctrine ("according to physicalism") states
    its tenet, no one's report: no hedge either."""
    k = i + 2
    while k < tokens.n and not tokens.gaps[k - 1] and k - i <= 6:
        word = tokens.low[k]
        if word.endswith("ism") and len(word) > 5:
            return True  # "according to physicalism": a doctrine's tenet, no one's report
        if word in _STANDARDS:
            # the head of its noun phrase, not "law enforcement officials"
            return k + 1 >= tokens.n or bool(tokens.gaps[k]) or tokens.low[k + 1] in _AFTER_HEAD
        if word in _NOUN_PHRASE_FILLERS or word.endswith("'s") or (
            word.isalpha() and k + 1 < tokens.n
            and tokens.low[k + 1] in _STANDARDS and not tokens.gaps[k]
        ):
            k += 1
            continue
        return False
    return False


# ---------------------------------------------------------------------- "likely voters"

#: A poll's sample: "likely voters", "likely Democratic caucusgoers".
_POLL_SAMPLES = frozenset("voter voters caucusgoers caucus-goers electorate".split())
#: Lowercase words that may stand between "likely" and the sample ("likely general
#: election voters"); a capitalised word may too ("likely Republican voters").
_POLL_PREMODIFIERS = frozenset(
    "general election general-election primary presidential swing independent young".split()
)


#: Words before "likely" that make it predicative or graded, so an estimate: "it is likely
#: voters will …", "most likely voters would …".
_BEFORE_PREDICATIVE_LIKELY = _BE | frozenset(
    "it's that's seems seem seemed looks look looked appears appear become became very "
    "more most less highly quite not".split()
)


def is_poll_sample(tokens: Tokens, i: int, end: int) -> bool:
    """Is "likely" (tokens i to ``end``) a poll's term for whom it asked ("among likely
    voters", "likely Democratic caucusgoers")? Pollsters define a likely voter by a
    screen; the writer estimates nothing (PolNeAR: 31 in train and dev; the CoNLL-2010
    tuning rows have none). Stays a hedge: "likely to anger voters" (only up to two
    capitalised or listed premodifiers may stand between), "it is likely voters will…",
    "most likely voters" (predicative or graded)."""
    if i > 0 and tokens.low[i - 1] in _BEFORE_PREDICATIVE_LIKELY:
        return False
    k = end
    while k < tokens.n and k - end <= 2 and not tokens.gaps[k - 1]:
        if tokens.low[k] in _POLL_SAMPLES:
            return True
        if tokens.low[k] in _POLL_PREMODIFIERS or tokens.raw[k][:1].isupper():
            k += 1
            continue
        return False
    return False


# ---------------------------------------------------------------------- vague amounts of time

#: Units of time and occasions: "for several years", "many times". A vague count of
#: years or occasions dates or paces events; it leaves no holder or participant unnamed.
TIME_UNITS = frozenset(
    "seconds minutes hours days nights weeks weekends months years decades centuries "
    "generations times occasions seasons".split()
)

# "several hundred", "many thousands of", "some dozen": a round figure given as approximate.
# An approximation, as "some 20" is, not a vague amount of things.
ROUND_NUMBERS = frozenset(
    "dozen dozens score hundred hundreds thousand thousands million millions billion "
    "billions".split()
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


# Determiners of the group a superlative is ranked in: "one of the / his / their most".
_SUPERLATIVE_DETERMINERS = frozenset("the his her its their our my your".split())


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
    if word == "one" and i + 3 < n and low[i + 1] == "of" and (
        low[i + 2] in _SUPERLATIVE_DETERMINERS
    ):
        start = i + 3  # "one of the largest", "one of his most popular"
    elif word in ("among", "amongst") and i + 2 < n and low[i + 1] == "the":
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
# "the most popular", "his most notable work", "the most influential critic": a ranking by
# other people's judgement (popularity, note, influence, esteem) that names none of them,
# Wikipedia's peacock terms (the words above are reputations already). Superlatives of
# measurable or of the writer's own judgement ("the largest", "the most important") and
# "most prominent" (also "most visible") are left out.
_REPUTATION_SUPERLATIVES = frozenset(
    "popular notable influential celebrated admired respected beloved revered esteemed "
    "prestigious".split()
)


def reputation_at(tokens: Tokens, i: int) -> int:
    """One past a reputation credited to unnamed people at token i, or -1:
    "well-known", "well known", "best known" (not "as well known as": a comparison of
    two reputations), "renowned", "famous", "acclaimed" (not "acclaimed by the jury": a
    named holder); "has / earned a reputation" (not "a reputation among investors"); "is
    noted for"; "the most popular / notable / influential" (not "most admired by his
    officers").
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
    if word == "most" and i + 1 < n and not tokens.gaps[i] and low[i + 1] in _REPUTATION_SUPERLATIVES:
        if i + 2 < n and not tokens.gaps[i + 1] and low[i + 2] == "by":
            return -1  # "most admired by his officers": the holders are named
        if i > 0 and not tokens.gaps[i - 1] and low[i - 1][:1].isdigit():
            return -1  # "the 100 most influential people": a ranked list, somebody's count
        return i + 2
    if word == "reputation" and _has_a_reputation(tokens, i):
        return i + 1
    if word == "noted" and i + 1 < n and not tokens.gaps[i] and low[i + 1] == "for":
        k = i - 1
        while k >= 0 and not tokens.gaps[k] and (low[k].endswith("ly") or low[k] in ("also", "most")):
            k -= 1
        if k >= 0 and not tokens.gaps[k] and low[k] in _BE:
            return i + 2  # "the valley is noted for its wines": known for, by no one named
    return -1


# Verbs of having or winning before "a reputation": "has a reputation for", "earned a
# reputation as". "his reputation", "damaged the reputation of" are no such claim.
_HAVING = frozenset(
    "has have had having with earned earn earns gained gain gains enjoys enjoy enjoyed built "
    "developed acquired won"
    .split()
)


def _has_a_reputation(tokens: Tokens, i: int) -> bool:
    """"has a reputation", "earned a fearsome reputation": a reputation held by no one
    the sentence names (not "a reputation among investors")."""
    k = i - 1
    if k >= 0 and not tokens.gaps[k] and tokens.low[k] not in ("a", "an"):
        k -= 1  # one adjective: "a fearsome reputation"
    if k < 1 or tokens.gaps[k] or tokens.low[k] not in ("a", "an"):
        return False
    if tokens.gaps[k - 1] or tokens.low[k - 1] not in _HAVING:
        return False
    following = tokens.low[i + 1] if i + 1 < tokens.n and not tokens.gaps[i] else ""
    return following not in ("among", "with")


# "Concerns have been raised", "questions were raised about": doubts voiced by no one named.
_RAISED_VIEWS = frozenset(
    "questions concerns doubts fears objections criticism criticisms suspicions".split()
)
_RAISED = frozenset("raised expressed voiced".split())
_HAVE_BEEN = _BE | frozenset("has have had also repeatedly already widely since".split())


# "Rumours circulated", "speculation arose", "reports surfaced that": claims that spread
# with no one named as their source.
_RUMOURS = frozenset(
    "speculation rumours rumors rumour rumor allegations suspicions reports report story "
    "stories word".split()
)
# Of these, nouns that are hearsay only with the claim they carry: "a story emerged in
# Western media that …", "word spread that …" (not "the story emerged from interviews").
_HEARSAY_WITH_CLAUSE = frozenset("report story stories word".split())
_SPREAD = frozenset(
    "arose arise arises emerged emerge emerges circulated circulate circulates surfaced "
    "surface surfaces spread spreads swirled swirl swirls persisted persist persists "
    "abound abounds abounded mounted mount mounts grew grow grows".split()
)


def spreading_rumour_at(tokens: Tokens, i: int) -> int:
    """One past "rumours circulated", "speculation later arose", "a rumor was circulated"
    at token i, or -1: a claim with no owner, spreading."""
    if tokens.low[i] not in _RUMOURS:
        return -1
    j = i + 1
    while j < tokens.n and not tokens.gaps[j - 1] and j - i <= 3 and (
        tokens.low[j] in _BE or tokens.low[j] in ("have", "has", "had", "also", "soon", "later",
                                                  "quickly", "again", "long")
    ):
        j += 1
    if j >= tokens.n or tokens.gaps[j - 1] or tokens.low[j] not in _SPREAD:
        return -1
    if j + 1 < tokens.n and not tokens.gaps[j] and tokens.low[j + 1] == "by":
        return -1  # "rumours spread by the rival camp": an owner
    if tokens.low[i] in _HEARSAY_WITH_CLAUSE and not any(
        tokens.low[k] == "that" for k in range(j + 1, min(tokens.n, j + 6))
        if not any(tokens.gaps[m] for m in range(j, k))
    ):
        return -1  # "the story emerged from interviews": a narrative, no claim spreading
    return j + 1


def raised_view_at(tokens: Tokens, i: int) -> int:
    """One past "concerns have been raised", "questions were raised" at token i, or -1;
    not with an agent ("concerns were raised by the auditor")."""
    if tokens.low[i] in _RUMOURS:
        return spreading_rumour_at(tokens, i)
    if tokens.low[i] not in _RAISED_VIEWS:
        return -1
    j = i + 1
    while j < tokens.n and not tokens.gaps[j - 1] and tokens.low[j] in _HAVE_BEEN and j - i <= 4:
        j += 1
    if j == i + 1 or j >= tokens.n or tokens.gaps[j - 1] or tokens.low[j] not in _RAISED:
        return -1
    if not any(tokens.low[k] in _BE for k in range(i + 1, j)):
        return -1  # "concerns raised": a participle, an active verb ("critics have raised")
    if j + 1 < tokens.n and not tokens.gaps[j] and tokens.low[j + 1] == "by":
        return -1
    return j + 1


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


# ---------------------------------------------------------------------- someone else's belief

#: Subcategory of a reported belief's span, the same string as the lexicon's.
EVIDENTIAL = "evidential"
# Verbs that report what someone holds true without knowing it: "Will believes Christie
# has been presented with an opportunity", "she suspected Crutcher was under the
# influence", "officials fear that the plant will close".
_BELIEF_VERBS = frozenset(
    "believes believed thinks thought suspects suspected fears feared worries worried".split()
)
# Before the verb, words that make it no third person's belief: the speaker's own ("I
# thought", "we suspected": "I think" is the lexicon's, "I believe" is left out), a
# negation ("never thought"), an intensifier ("really believes": conviction), a copula or
# a determiner ("was worried", "the thought that"). Only the -s and past forms are
# triggers, so a modal or "do" never comes before one ("can't believe" is no trigger),
# and "Will believes" is the name.
_NOT_BEFORE_BELIEF = _BE | frozenset(
    "i we you i'd we'd you'd not n't never no really truly firmly genuinely honestly "
    "sincerely to the a an this that his her its their our my your whose one first second "
    "some any every each".split()
)
# A clause that opens right after the verb: "that", a subject pronoun, a determiner.
_CLAUSE_OPENERS = frozenset(
    "that he she it they there we i you the a an this these those his her their its our my your".split()
)
# These take a plain object as often as a clause ("the talks worry the Gulf", "she feared
# the worst"): only with "that" do they report a belief.
_OBJECT_TAKING = frozenset("fears feared worries worried".split())
# In the believed clause: what should be, a stance rather than a guess about a fact
# ("the campaign believes that businesses need to invest", "he thinks the rule should
# change"): a conviction (the guideline's C6), no hedge.
_NORMATIVE = frozenset("should must ought need needs needed".split())


# A relative clause whose subject believes what follows: "which he believes will make it
# impossible", "that she thinks is wrong": the belief verb comes right before the clause's
# verb, so no "that" or subject opens it.
_RELATIVE_WORDS = frozenset("which that who what".split())
_CLAUSE_VERBS = frozenset(
    "will would could can may might is are was were has have had".split()
)
_RELATIVE_SUBJECTS = frozenset("he she".split())


def _belief_in_a_relative(tokens: Tokens, i: int) -> bool:
    """Is the belief verb at token i the verb of a relative clause whose own verb follows
    it ("which he believes will fail", "that Smith thinks is wrong")? The clause is put
    forward as the subject's belief."""
    if i < 2 or i + 1 >= tokens.n or tokens.low[i] in _OBJECT_TAKING:
        return False
    if tokens.gaps[i] or tokens.gaps[i - 1] or tokens.gaps[i - 2]:
        return False
    subject = tokens.low[i - 1]
    named = tokens.raw[i - 1][:1].isupper() and subject.isalpha() and subject != "i"
    return (
        (subject in _RELATIVE_SUBJECTS or named)
        and tokens.low[i - 2] in _RELATIVE_WORDS and tokens.low[i + 1] in _CLAUSE_VERBS
    )


def reported_belief_at(tokens: Tokens, i: int) -> int:
    """One past "believes", "thinks", "suspects", "fears", "worries" (or their past) at
    token i when it reports a third person's belief that a clause is true ("Will believes
    Christie has an opportunity", "she thinks that I am not qualified", "Shelby said she
    suspected Crutcher was under the influence"), or -1. The clause is put forward as what
    someone holds true without knowing it, so it is not asserted: evidential distance, as
    *reportedly* and *claims* (the project's definition), and the labelling guideline's
    rule U5. Not the speaker's own *I believe* (left out: as often conviction as doubt),
    not a negated or modal verb (*can't believe*, *doesn't think*), not *really believe*
    (conviction), not *believes in* / *thinks of* (no clause), not a stance on what
    should be (*believes that schools need more money*: ``_NORMATIVE``). The verb stays an
    attribution cue too, as *according to* does."""
    if tokens.low[i] == "believing":
        # "…, believing that Mrs. Clinton can handle them": the participle's subject's belief
        ok = (
            0 < i < tokens.n - 1 and tokens.gaps[i - 1] == "," and not tokens.gaps[i]
            and tokens.low[i + 1] == "that"
        )
        return i + 1 if ok and not _normative_follows(tokens, i) else -1
    if tokens.low[i] not in _BELIEF_VERBS or i + 1 >= tokens.n:
        return -1
    if _asks_about_a_belief(tokens, i):
        return -1  # "asked whether she thought …": the belief is asked about, not held
    if _belief_in_a_relative(tokens, i):
        return i + 1
    if tokens.gaps[i]:
        return -1
    if i == 0 or tokens.gaps[i - 1] or tokens.low[i - 1] in _NOT_BEFORE_BELIEF:
        return -1
    following = tokens.low[i + 1]
    if tokens.low[i] in _OBJECT_TAKING:
        if following != "that":
            return -1  # "worries the Gulf", "feared the worst": an object, no clause
    elif following not in _CLAUSE_OPENERS and not (
        tokens.raw[i + 1][:1].isupper() and following.isalpha()
    ):
        return -1
    return -1 if _normative_follows(tokens, i) else i + 1


# Between "whether" and the belief verb: its subject, a name or a pronoun of a few words,
# with no verb or conjunction of its own.
_QUESTIONED_SUBJECT_WORDS = 4
_NOT_IN_A_SUBJECT = _CLAUSE_VERBS | frozenset("but and or that not n't".split())


def _asks_about_a_belief(tokens: Tokens, i: int) -> bool:
    """Is the belief verb at token i the verb of an embedded yes/no question right after
    its subject ("a question about whether she thought Mr. Trump …", "asked if he believed
    the report")? The question names the belief and leaves it open: no one is said to
    hold it (the guideline's C7, as for "would" in ``_in_an_embedded_question``)."""
    for k in range(i - 2, max(-1, i - 2 - _QUESTIONED_SUBJECT_WORDS), -1):
        if any(tokens.gaps[m] for m in range(k, i) if not (
            tokens.gaps[m] == "." and tokens.low[m] in _ABBREVIATED
        )):
            return False
        word = tokens.low[k]
        if word == "whether":
            return True
        if word == "if":
            return k > 0 and not tokens.gaps[k - 1] and tokens.low[k - 1] in _ASKING
        if word in _NOT_IN_A_SUBJECT:
            return False  # "whether it will pass but thinks it will": another clause's verb
    return False


def _normative_follows(tokens: Tokens, i: int) -> bool:
    """Does a word of what should be (``_NORMATIVE``) follow token i in its clause (within
    twelve words and no punctuation)?"""
    j = i + 1
    while j < tokens.n and j - i <= 12:
        if tokens.low[j] in _NORMATIVE:
            return True
        if tokens.gaps[j]:
            break
        j += 1
    return False


# ---------------------------------------------------------------------- an expectation or a forecast

# Verbs of expecting and forecasting, active: "The IMF expects that output will expand",
# "the campaign expects Holt to insert himself", "Mr. Putin forecast that the economy would
# rebound", "…, predicted Madeleine Kunin". What someone expects or predicts is put forward
# as likely, not as fact: the guideline's rule U4 (a prediction, whoever makes it), and as
# someone else's belief (``reported_belief_at``) evidential distance when it is another's.
# The passive "is expected to" and the bare "expected to" are the lexicon's; the active
# "he expects to win" (his own intention, no clause) is left to it (see
# ``is_active_expectation``).
_EXPECTING_VERBS = frozenset("expect expects expected".split())
_FORECASTING_VERBS = frozenset(
    "predict predicts predicted forecast forecasts forecasted estimate estimates estimated "
    "anticipate anticipates anticipated".split()
)
# Before the verb: a copula ("was expected", "is predicted": the lexicon's passives), a
# determiner or a comparison ("the expected outcome", "than expected", "as predicted",
# "such expected backers as the Times": the adjective), "to" ("had hoped to expect"),
# "what" ("what we expected").
_NOT_BEFORE_EXPECTING = _BE | frozenset(
    "to than as the a an this that his her its their our my your what whose one such".split()
)
# After "expect(s)" + an object, "to" must open a bare verb, not a noun phrase ("expects an
# answer to the question", "from such expected backers as the Times to such old foes").
_NOT_A_BARE_VERB = frozenset(
    "the a an this that these those his her its their our my your some any no such".split()
)
_SUBJECT_PRONOUNS = frozenset("he she it they we i you there".split())
_FORECAST_CLAUSE_OPENERS = frozenset("that he she it they there we".split())


def expectation_at(tokens: Tokens, i: int) -> int:
    """One past an active verb of expecting or forecasting at token i when it puts a clause
    forward as expected or predicted, or -1:

    * "expect(s/ed) that …", "expects he will …" (a subject pronoun and a modal);
    * "expect(s/ed) <object> to <verb>" ("expects Holt to insert himself", "most don't
      expect him to back Clinton", "expects Obama, Abe, and Park to demonstrate");
    * "predict(s/ed)", "forecast(s)", "estimates" before "that" or a subject pronoun
      ("forecast that the economy would rebound", "predicted he would win"), or put after
      the prediction with its speaker ("…, predicted Madeleine Kunin");
    * "estimated that …" (``is_estimate_clause``: the lexicon's approximator "estimated"
      gives way; "an estimated 300" stays an approximator).

    Not a passive or an adjective ("was expected", "the expected winner", "than
    expected"), not an object without a clause ("hardly expected such a result", "had not
    expected anything like this"), not "expected to" right after the verb (the lexicon's)."""
    low, gaps = tokens.low, tokens.gaps
    word = low[i]
    if i + 1 >= tokens.n:
        return -1
    if i > 0 and not gaps[i - 1] and low[i - 1] in _NOT_BEFORE_EXPECTING:
        return -1
    following = low[i + 1]
    if word in _FORECASTING_VERBS and not word.startswith("estimat") and i > 0 and gaps[i - 1] == "," and (
        tokens.raw[i + 1][:1].isupper() or following == "the"
    ) and not gaps[i]:
        return i + 1  # "…, predicted Madeleine Kunin": the prediction before its speaker
    if gaps[i] or i == 0 or gaps[i - 1]:
        return -1
    if following == "that":
        return i + 1
    if following in _SUBJECT_PRONOUNS and i + 2 < tokens.n and not gaps[i + 1] and (
        low[i + 2] in _CLAUSE_VERBS or low[i + 2] in ("'ll", "'d")
    ):
        return i + 1
    if word in _FORECASTING_VERBS:
        return -1
    # "expects <object> to <verb>": the object is a name, a pronoun or a short noun phrase
    j = i + 1
    while j < tokens.n and j - i <= 8:
        if low[j] == "to":
            if j == i + 1 or j + 1 >= tokens.n or gaps[j] not in ("", '"', "“"):
                return -1  # "expected to" (the lexicon's); "to" before punctuation
            verb = low[j + 1]
            return i + 1 if verb.isalpha() and verb not in _NOT_A_BARE_VERB else -1
        if gaps[j - 1] not in ("", ",") or low[j] in _RELATIVE_WORDS or low[j] in _CLAUSE_VERBS:
            return -1
        j += 1
    return -1


def is_estimate_clause(tokens: Tokens, i: int) -> bool:
    """Is the approximator "estimated" at token i a verb before a clause ("he estimated that
    most followed the union's lead")? Then it is someone's estimate of a fact
    (``expectation_at``), no number's precision."""
    return (
        tokens.low[i] == "estimated" and i + 1 < tokens.n and not tokens.gaps[i]
        and tokens.low[i + 1] == "that" and expectation_at(tokens, i) > 0
    )


# Currency signs written between "about" and its figure ("about $2 billion").
_CURRENCY_GAPS = frozenset("$ £ € ¥".split())


def _inflected(bases: str) -> frozenset[str]:
    """The regular forms of each verb (base, -s, -ed, -ing), e.g. "talk talks talked
    talking"; a final "e" is dropped before "-ed" and "-ing", a final "y" after a consonant
    becomes "ies"/"ied"."""
    forms: set[str] = set()
    for base in bases.split():
        if base.endswith("e"):
            forms |= {base, base + "s", base + "d", base[:-1] + "ing"}
        elif base.endswith("y") and base[-2] not in "aeiou":
            forms |= {base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
        else:
            forms |= {base, base + "s", base + "ed", base + "ing"}
    return frozenset(forms)


# Words whose topic "about" introduces ("They care about two things", "was wrong about
# two issues"): after them "about" and a number word is the preposition, no rounding.
_TAKE_ABOUT = _inflected(
    "care talk worry learn ask complain argue joke wonder dream laugh boast brag obsess "
    "fret agonize agonise testify inquire enquire"
) | frozenset(
    # verbs with irregular forms ("tell" is left out: "told about two dozen reporters"
    # counts whom he told)
    "think thinks thought thinking hear hears heard hearing know knows knew known knowing "
    "write writes wrote written writing read reads reading forget forgets forgot "
    "forgotten forgetting speak speaks spoke spoken speaking feel feels felt feeling "
    "lie lies lied lying "
    # adjectives: "was wrong about two things"
    "wrong right clear sure certain serious honest curious confident careful skeptical "
    "sceptical nervous anxious optimistic pessimistic concerned worried excited upset "
    "angry happy".split()
)
# Words whose centre "around" introduces ("revolves around two questions", "built around
# three pillars").
_TAKE_AROUND = _inflected("revolve center centre unite rally organize organise structure") | \
    frozenset("built".split())
# What a number word counts when it measures rather than names a topic: "talked about
# two hours" is a duration ("for about two hours"), an approximator after any verb; so is
# a count in hundreds or millions, a figure that is rounded.
_MEASURE_UNITS = frozenset(
    "second seconds minute minutes hour hours day days week weeks month months year years "
    "decade decades percent mile miles kilometre kilometres kilometer kilometers foot feet "
    "metre metres meter meters dollar dollars pound pounds "
    # a large round count: "asked about two dozen voters", "cares about three million jobs"
    "dozen hundred hundreds thousand thousands million millions billion billions".split()
)


def is_rounded_figure(tokens: Tokens, end: int) -> bool:
    """Does a figure follow "about" or "around" (the approximator ending before token
    ``end``): a number in digits that is no year ("about 2,000", "around 300,000", "about
    $2 billion", "around 3 p.m."), or in words but "one" ("about three years", "about one
    thing" is a topic)? Elsewhere the word is literal ("talked about", "around the city").
    PolNeAR train and dev: each of 40 drawn of the 108 "about/around <digits>" rounds a
    figure.

    After a word whose topic the preposition introduces ("They care about two things",
    "revolves around two questions") a number word is that topic, unless a unit follows
    it ("talked about two hours": a duration). A figure in digits rounds there too
    ("talked about 20 minutes", "heard about 2,000 complaints"): a topic is rarely a bare
    count in digits; PolNeAR train has no digit after such a word, and its one number
    word after one is "care about two things"."""
    if end >= tokens.n or tokens.gaps[end - 1] not in ("", *_CURRENCY_GAPS):
        return False
    word = tokens.low[end]
    if word.isdigit():
        # a year ("around 2002, when"): four digits from 1800 to 2100 ("2,000" is "2")
        return not (len(word) == 4 and 1800 <= int(word) <= 2100)
    if word == "one" or not tokens.is_number(end):
        return False
    return not _topic_after_a_verb(tokens, end)


def _topic_after_a_verb(tokens: Tokens, end: int) -> bool:
    """Is the number word at token ``end`` the topic of the "about"/"around" before it,
    after a word that takes that preposition ("care about two things"), with no unit
    after the number ("talked about two hours" measures)?"""
    preposition = end - 1
    k = preposition - 1
    # "cares deeply about two things": an adverb between the word and the preposition
    if k > 0 and not tokens.gaps[k] and tokens.low[k].endswith("ly") and len(tokens.low[k]) > 4:
        k -= 1
    if k < 0 or tokens.gaps[k]:
        return False
    takers = _TAKE_ABOUT if tokens.low[preposition] == "about" else _TAKE_AROUND
    if tokens.low[k] not in takers:
        return False
    after = end + 1
    while after < tokens.n and not tokens.gaps[after - 1] and tokens.is_number(after):
        after += 1  # "two hundred"
    counted = tokens.low[after] if after < tokens.n and not tokens.gaps[after - 1] else ""
    return counted not in _MEASURE_UNITS


# ---------------------------------------------------------------------- accusations, common knowledge

# An accusation passes a charge on as the accuser's, not established: "accuses Trump of
# buying influence", "hit Snowden back by accusing him of pandering" (the guide's U3,
# reading B's hard case). An evidential hedge, as "alleges" is; the agentless passive ("was
# accused of") is a weasel (models.cues).
_ACCUSING = frozenset("accuse accuses accused accusing".split())
# "Everyone in Port Ellis knows the mill is closing": a claim credited to everyone and no
# one, as "conventional wisdom" and "it is widely known" are (a weasel), not a booster: no
# one who knows is named.
_EVERYONE = frozenset("everyone everybody".split())
_COMMON_KNOWLEDGE_VERBS = frozenset(
    "knows knew agrees agreed believes believed thinks thought says said understands "
    "understood realizes realises realized realised".split()
)


# A conditional clause that opens the sentence makes its main claim hold only if something
# open comes about: "If Cruz wins Wisconsin's contest Tuesday, Trump needs …", "If he tones
# down the rhetoric, he'll go out on a high note", "Even if the venture proves short-lived,
# …" (the guide's U9; Szeged's condition cues). It conditions a claim and estimates nothing,
# as hypothetical "would" does: an epistemic hedge with no range. Only an "if" or "unless"
# at the start of the sentence (after "but", "and", "so", "well", "even", a quote) whose
# clause a comma closes; not "if anything", "if nothing else", a wish ("if only") nor
# "unless otherwise indicated"; an "if" later in a sentence
# (embedded questions, "as if", "even if" after the claim) is left alone.
_CONDITIONALS = frozenset("if unless".split())
_BEFORE_A_CONDITIONAL = frozenset("but and so now well yet even then or".split())
_NOT_A_CONDITION = frozenset("anything nothing any ever only otherwise".split())


def conditional_at(tokens: Tokens, i: int) -> int:
    """One past "if" / "unless" at token i when it opens the sentence's first clause and a
    comma closes that clause, or -1."""
    if i + 2 >= tokens.n or tokens.low[i + 1] in _NOT_A_CONDITION or tokens.gaps[i]:
        return -1
    if any(tokens.low[k] not in _BEFORE_A_CONDITIONAL for k in range(i)):
        return -1
    if any(tokens.gaps[k] not in ("", ",") for k in range(i)):
        return -1
    for k in range(i + 1, tokens.n - 1):
        gap = tokens.gaps[k]
        if gap:
            return i + 1 if gap.startswith(",") and k > i + 1 else -1
    return -1


def accusation_at(tokens: Tokens, i: int) -> int:
    """One past "of" of an active "accuse(s/d) <someone> of" at token i (the someone in at
    most six tokens of one clause), or -1."""
    for j in range(i + 2, min(tokens.n, i + 8)):
        if tokens.gaps[j - 1]:
            return -1
        if tokens.low[j] == "of":
            return j + 1
    return -1


def common_knowledge_at(tokens: Tokens, i: int) -> int:
    """One past the verb of "everyone / everybody (in Port Ellis) knows" at token i (up to
    four words between, in one clause), or -1."""
    for j in range(i + 1, min(tokens.n, i + 6)):
        if tokens.gaps[j - 1]:
            return -1
        if tokens.low[j] in _COMMON_KNOWLEDGE_VERBS:
            return j + 1
    return -1


#: Every word at which the rules above can start: other tokens are skipped at once.
TRIGGERS = (
    frozenset({"one", "among", "amongst", "certain", "well", "best", "reputation", "noted", "most"})
    | _ACCUSING
    | _EVERYONE
    | _CONDITIONALS
    | _REPUTATION_WORDS
    | _UNOWNED_OPINION_HOLDERS
    | _RAISED_VIEWS
    | _RUMOURS
    | _BELIEF_VERBS
    | {"believing"}
    | _EXPECTING_VERBS
    | _FORECASTING_VERBS
)


def construction_at(tokens: Tokens, i: int) -> tuple[int, str]:
    """(one past the end, subcategory) of a hedge construction at token i, or (-1, "")."""
    word = tokens.low[i]
    if word in ("one", "among", "amongst"):
        end = hedged_superlative_at(tokens, i)
        return (end, VAGUE) if end > 0 else (-1, "")
    if word == "certain":
        end = vague_certain_at(tokens, i)
        return (end, VAGUE) if end > 0 else (-1, "")
    if word in _BELIEF_VERBS or word == "believing":
        end = reported_belief_at(tokens, i)
        return (end, EVIDENTIAL) if end > 0 else (-1, "")
    if word in _EXPECTING_VERBS or word in _FORECASTING_VERBS:
        end = expectation_at(tokens, i)
        if end < 0:
            return -1, ""
        own = i > 0 and not tokens.gaps[i - 1] and tokens.low[i - 1] in ("i", "we")
        return end, (EPISTEMIC if own else EVIDENTIAL)
    if word in _CONDITIONALS:
        end = conditional_at(tokens, i)
        return (end, EPISTEMIC) if end > 0 else (-1, "")
    if word in _ACCUSING:
        end = accusation_at(tokens, i)
        return (end, EVIDENTIAL) if end > 0 else (-1, "")
    if word in _EVERYONE:
        end = common_knowledge_at(tokens, i)
        return (end, WEASEL) if end > 0 else (-1, "")
    if word in _RAISED_VIEWS or word in _RUMOURS:
        end = raised_view_at(tokens, i)
        return (end, WEASEL) if end > 0 else (-1, "")
    end = reputation_at(tokens, i) if word not in _UNOWNED_OPINION_HOLDERS else -1
    if end < 0:
        end = unowned_opinion_at(tokens, i)
    return (end, WEASEL) if end > 0 else (-1, "")


# ---------------------------------------------------------------------- "would" that predicts nothing

# Past verbs of saying, thinking or deciding: "he said he would attend", "Obama, who
# understood that a push would be fruitless": the "would" is their future seen from the
# past (reported speech or thought), which the guideline counts as certain.
_PAST_REPORTS = frozenset(
    "said told promised vowed pledged announced stated declared decided insisted assured "
    "predicted warned hoped thought believed knew understood expected figured guessed wrote "
    "added agreed indicated signaled signalled argued feared worried claimed acknowledged "
    "conceded admitted confirmed explained noted reported suggested estimated concluded "
    "realized realised assumed testified threatened revealed disclosed".split()
)
# After "would": habit or narrative ("would often call", "would later become", "would go
# on to win", "would end up with"): what happened, told from an earlier point.
_NARRATIVE_AFTER_WOULD = frozenset(
    "later soon eventually subsequently often always usually sometimes regularly frequently "
    "occasionally typically routinely".split()
)
# A wish or a preference: "I would like to thank", "would rather stay".
_WISH_AFTER_WOULD = frozenset("like love rather prefer sooner appreciate".split())
# The participles of the verbs of saying take the time of their clause, in news a past one:
# "the bank ended its meeting by announcing it would expand purchases", "…, saying it
# would appeal": a reported future as after "said".
_REPORT_PARTICIPLES = frozenset(
    "saying telling promising vowing pledging announcing stating declaring deciding insisting "
    "assuring predicting warning arguing claiming acknowledging conceding admitting confirming "
    "explaining noting reporting suggesting signaling signalling indicating threatening "
    "testifying adding writing".split()
)
# A later point named before "would": "Years later, Keaggy would say …", "a decade later she
# would return": the narrator tells what happened from an earlier point (future in the past).
_TIME_UNITS_BEFORE_LATER = frozenset(
    "year years decade decades month months week weeks day days century centuries".split()
)
# Nouns of a proposal or an instrument: "a bill that would require Communists to
# register", "new proposals that would govern when officers should use force". The
# relative clause says what the instrument provides, as the writer reports its text: its
# content, not a forecast of what it will do.
_PROPOSALS = frozenset(
    "bill bills proposal proposals plan plans legislation measure measures amendment "
    "amendments law laws rule rules regulation regulations policy policies deal deals "
    "agreement agreements treaty treaties provision provisions initiative initiatives "
    "program programs programme programmes ordinance ordinances resolution resolutions "
    "order orders scheme schemes".split()
)


# A refusal: "would not comment", "wouldn't respond to questions", "Neither campaign would
# respond": what someone declined to do, reported (the guideline's C2), not a forecast.
_RESPONDING_VERBS = frozenset(
    "comment respond say discuss elaborate answer confirm reveal disclose specify speculate "
    "identify name explain return".split()
)
_BEFORE_RESPONDING = frozenset("immediately directly publicly further otherwise".split())


def _refusal(tokens: Tokens, i: int) -> bool:
    """Is "would" at token i a refusal to respond ("would not comment", "wouldn't directly
    speculate", "Neither campaign would respond")? Negated, or after "neither" / "nor"."""
    low = tokens.low
    negated = low[i] in ("wouldn't", "wouldnt")
    j = i + 1
    while j < tokens.n and not tokens.gaps[j - 1] and (
        low[j] in ("not", "n't", "never") or low[j] in _BEFORE_RESPONDING
    ):
        negated = negated or low[j] in ("not", "n't", "never")
        j += 1
    if j >= tokens.n or tokens.gaps[j - 1] or low[j] not in _RESPONDING_VERBS:
        return False
    return negated or any(low[k] in ("neither", "nor") for k in range(i))


def _counterfactual_would(tokens: Tokens, j: int) -> bool:
    """Is token j, after "would" (and any "not"), "have" with a participle ("would have
    attended", "would not have won")? A counterfactual: what did not happen, put forward
    as what would have, even when reported ("he said he would have attended if …"): a
    reported future is "would" + verb, the backshift of "will"."""
    return (
        j + 1 < tokens.n
        and not tokens.gaps[j - 1]
        and not tokens.gaps[j]
        and tokens.low[j] == "have"
        and tokens.low[j + 1] not in ("to", "liked", "loved")
    )


def _verb_follows(tokens: Tokens, k: int) -> bool:
    """Is token k, right after "would come to", a bare verb ("come to dominate", "come to
    be known") rather than the start of a noun phrase ("would come to the rescue", "would
    come to an end", "would come to $2 billion": a forecast of an arrival or an amount)?"""
    if k >= tokens.n or tokens.gaps[k - 1] or tokens.is_number(k):
        return False
    word = tokens.low[k]
    return word.isalpha() and word not in _NOT_AFTER_COME_TO and not tokens.raw[k][:1].isupper()


# "would come to" + these opens a noun phrase: "would come to the rescue", "to an end".
_NOT_AFTER_COME_TO = frozenset(
    "the a an this that these those his her its their our my your some any no power "
    "terms blows light life mind office town washington".split()
)


def _reported_by_a_participle(tokens: Tokens, i: int) -> bool:
    """Is "would" at token i in the clause a participle of saying opens, within five words
    and no punctuation ("by announcing it would expand", "saying that the plan would")?
    Not "threatening them with charges over fears their departure would …": there the
    participle has an object of its own and the "would" clause is not what was said."""
    k = i - 1
    while k >= 0 and i - k <= 5 and not tokens.gaps[k]:
        if tokens.low[k] in _REPORT_PARTICIPLES:
            return True
        k -= 1
    return False


def _describes_a_proposal(tokens: Tokens, i: int) -> bool:
    """Does "would" at token i open a relative clause on a proposal or an instrument ("a
    bill that would require", "the plan, which would cover")?"""
    return (
        i >= 2
        and tokens.low[i - 1] in ("that", "which")
        and not tokens.gaps[i - 1]
        and tokens.gaps[i - 2] in ("", ",")
        and tokens.low[i - 2] in _PROPOSALS
    )


# Verbs before "if" that make it "whether": "asked if parents would be willing".
# Titles written with a full stop inside a clause ("whether Mr. Trump would").
_ABBREVIATED = frozenset("mr mrs ms dr sen rep gov gen st jr sr".split())
_ASKING = frozenset("ask asks asked asking wonder wonders wondered know knows knew see".split())


def _in_an_embedded_question(tokens: Tokens, i: int) -> bool:
    """Is "would" at token i inside an embedded yes/no question, "whether" (or "if" after a
    verb of asking) earlier in its clause with no punctuation between ("split on whether
    Clinton or Trump would do a better job", "asked if parents would be willing", "tells
    you little about whether a person would be a good engineer")? The question is named,
    not answered: the sentence states something certain about it (the guideline's C7).
    Where the question is itself left open, the word that says so is the hedge ("it is
    unclear whether …")."""
    k = i - 1
    while k >= 0 and (not tokens.gaps[k] or (tokens.gaps[k] == "." and tokens.low[k] in _ABBREVIATED)):
        word = tokens.low[k]
        if word == "whether" or (
            word == "if" and k > 0 and not tokens.gaps[k - 1] and tokens.low[k - 1] in _ASKING
        ):
            return True
        k -= 1
    return False


def is_non_hypothetical_would(tokens: Tokens, i: int) -> bool:
    """Is "would" at token i no hypothesis or forecast of the writer or a source?

    * reported future: a past verb of saying or thinking earlier in the sentence ("Trump
      said he would not accept Cruz's endorsement"; "who understood that a legislative
      push would be fruitless"), or its participle ("by announcing it would expand");
      not a counterfactual "would have" + participle ("he said he would have attended
      if …": what did not happen stays a hedge);
    * habit or narrative: "would often", "would later", "would go on to", "would end up",
      "would come to" + a verb ("what would come to be known as", "would come to
      dominate": what came about, told from before it), or after a later point named
      before it ("Years later, he would reverse …");
    * a wish: "would like", "would rather";
    * a poll's figure: "46 percent would choose Clinton" (a reported measurement);
    * a proposal's content: "proposals that would govern when officers use force", "a
      bill that would require …" (what the text provides, reported);
    * a refusal: "would not comment", "wouldn't respond", "Neither campaign would respond"
      (``_refusal``);
    * in an embedded yes/no question: "split on whether Clinton or Trump would do better",
      "asked if parents would be willing" (``_in_an_embedded_question``).

    "A 4-4 ruling would leave in place…", "the Tax Policy Center says it would depress
    revenue", "she would be the second African American woman in the Senate" stay hedges.
    """
    low = tokens.low
    j = i + 1
    while j < tokens.n and not tokens.gaps[j - 1] and low[j] in ("not", "n't", "never", "also", "then"):
        j += 1
    if not _counterfactual_would(tokens, j) and (
        any(low[k] in _PAST_REPORTS for k in range(i)) or _reported_by_a_participle(tokens, i)
    ):
        return True
    if any(
        low[k] == "later" and not tokens.gaps[k - 1] and low[k - 1] in _TIME_UNITS_BEFORE_LATER
        for k in range(1, i)
    ):
        return True
    if _describes_a_proposal(tokens, i) or _refusal(tokens, i) or _in_an_embedded_question(tokens, i):
        return True
    if j < tokens.n and not tokens.gaps[j - 1]:
        following = low[j]
        after = low[j + 1] if j + 1 < tokens.n and not tokens.gaps[j] else ""
        if following in _NARRATIVE_AFTER_WOULD or following in _WISH_AFTER_WOULD:
            return True
        if (following, after) in (("go", "on"), ("end", "up"), ("have", "liked"), ("have", "loved")):
            return True
        if (following, after) == ("come", "to") and _verb_follows(tokens, j + 2):
            return True
    if i > 0:
        previous = low[i - 1]
        if previous in ("percent", "pct") or tokens.gaps[i - 1] == "%" or previous.endswith("%"):
            return True
    return _habitual_would(tokens, i, j) or _habitual_report(tokens, i, j)


# Verbs of saying after a habitual "would": "She would tell reporters that …".
_REPORTS_AFTER_WOULD = frozenset(
    "say tell write insist argue recall complain joke explain claim boast remind repeat "
    "declare assure".split()
)
# A person as the subject of "would": a personal pronoun, or a name.
_PERSONAL_SUBJECTS = frozenset("he she they i we".split())
# The past forms that show a report's content told from a past narrative: "would tell
# reporters that the plan was working" (not "would say the plan is working": estimated).
_BACKSHIFTED = frozenset("was were had did could".split())
_BACKSHIFT_REACH = 14  # tokens after the verb of saying in which its content's verb is sought
# Words that make "would" conditional wherever they stand: "If asked, he would say …".
_CONDITION_WORDS = frozenset("if unless otherwise".split())


def _habitual_report(tokens: Tokens, i: int, j: int) -> bool:
    """Is "would" at token i (its verb at token j) a person's habitual report, told in
    the past: a personal pronoun or a name right before it, a verb of saying after it and
    a past verb in what was said ("She would tell reporters that the plan was working",
    "Smith would say that the war was unwinnable")? The sentence reports what the person
    used to say (an attribution) and estimates nothing. Not with a condition anywhere in
    the sentence ("If asked, he would say …"), not a plural noun opening the sentence
    ("Critics would say the plan was flawed": whoever they are, a guess), and not with
    present content ("he would say the plan is working": what he would say, estimated)."""
    low = tokens.low
    if i < 1 or tokens.gaps[i - 1] or j >= tokens.n or tokens.gaps[j - 1]:
        return False
    if low[j] not in _REPORTS_AFTER_WOULD:
        return False
    subject = tokens.raw[i - 1]
    if low[i - 1] not in _PERSONAL_SUBJECTS and not (
        subject[:1].isupper() and not (i - 1 == 0 and low[i - 1].endswith("s"))
    ):
        return False
    if any(word in _CONDITION_WORDS for word in low):
        return False
    return any(
        low[k] in _BACKSHIFTED for k in range(j + 1, min(tokens.n, j + 1 + _BACKSHIFT_REACH))
    )


# How often, before "would" in its clause: "at times the coach would shout", "Sometimes
# he would call" (after it: _NARRATIVE_AFTER_WOULD).
_HOW_OFTEN = frozenset(
    "often always usually sometimes regularly frequently occasionally typically routinely "
    "times".split()
)
# Each of a run of occasions after the verb: "would stand at each rally", "would call
# every morning". Not "each year" or "every month" (a plan's schedule: "the rate would
# decline by four points each year").
_OCCASIONS = frozenset(
    "event events rally rallies stop stops meeting meetings visit visits appearance "
    "appearances gathering gatherings speech speeches morning night evening weekend "
    "sunday monday tuesday wednesday thursday friday saturday".split()
)


# Verbs of what a plan or rule would do: after "would", a run of occasions is its
# schedule, not a habit ("The new rules would require a vote at every meeting"; review29).
_PLAN_VERBS = frozenset(
    "require requires mean allow permit force oblige ban bar mandate cost need let give "
    "add cut raise limit cap extend end".split()
)


# Words that join a clause to the one before: "And sometimes he would call".
_CLAUSE_JOINERS = frozenset("and but yet so or then".split())
# Words that open a clause without punctuation: a how-often word before one is not in the
# clause of "would".
_OPENS_ANOTHER_CLAUSE = frozenset("than that which who if because when where as unless".split())


def _habitual_would(tokens: Tokens, i: int, j: int) -> bool:
    """Is "would" at token i (its verb at token j) a past habit: a how-often word before
    it in its clause ("at times the coach would shout", "Sometimes he would call") or each
    of a run of occasions after its verb ("a dozen fans would wait at each stop",
    "would call every morning": audit28)?"""
    low = tokens.low
    k = i - 1
    while k >= 0 and i - k <= 8 and not tokens.gaps[k]:
        if low[k] in _OPENS_ANOTHER_CLAUSE:
            return False  # "occur more often … than would be expected": another clause
        if low[k] in _HOW_OFTEN and (low[k] != "times" or (k > 0 and low[k - 1] == "at")):
            # The habit's only when it opens the clause or stands right before "would":
            # after a subject, with words between, it is another verb's ("Voters often
            # say they would back it": the saying is the habit; review29)
            first = k - 1 if low[k] == "times" else k
            if first > 0 and low[first - 1] in _CLAUSE_JOINERS and not tokens.gaps[first - 1]:
                first -= 1  # "But sometimes the coach would"
            if k == i - 1 or first == 0 or tokens.gaps[first - 1]:
                return True
            k = -1  # no comma's how-often word before it either
            break
        k -= 1
    if k >= 0 and i - k <= 8 and low[k] in _HOW_OFTEN and tokens.gaps[k].strip() == ",":
        return True  # "Sometimes, he would call"
    if j < tokens.n and low[j] in _PLAN_VERBS:
        return False  # "would require a vote at every meeting": a plan's schedule
    m = j
    while m + 1 < tokens.n and m - j < 8 and not tokens.gaps[m]:
        if low[m] in ("each", "every") and low[m + 1] in _OCCASIONS:
            return True
        m += 1
    return False


# ---------------------------------------------------------------------- first-person belief

_QUESTION_WORDS = frozenset(
    "what who whom whose which why how when where whether if exactly yet".split()
)


def is_first_person_aside(tokens: Tokens, i: int, end: int) -> bool:
    """Is the first-person "I think" / "I thought" (tokens i to ``end``) about something
    rather than a belief that a clause is true ("I think of her as a friend", "I thought
    about running")? No proposition is hedged."""
    return end < tokens.n and not tokens.gaps[end - 1] and tokens.low[end] in ("of", "about")


def is_known_thing(tokens: Tokens, end: int) -> bool:
    """After "I don't know" / "nobody knows" (ending before token ``end``), does an object
    follow rather than an open question ("I don't know him", "nobody knows the area
    better")? Only a question word, "if" / "whether" or the end of the clause leave a
    question open."""
    if end >= tokens.n or tokens.gaps[end - 1]:
        return False
    return tokens.low[end] not in _QUESTION_WORDS


# ---------------------------------------------------------------------- an open yes/no question

# Auxiliaries that open a yes/no question: "Had they lost touch with the base?", "Does
# college leave too many graduates with debt?", "Is the deal dead?".
_QUESTION_AUXILIARIES = frozenset(
    "is are was were am do does did has have had will would can could should shall must".split()
)
# Quotation marks: a question inside a quotation is a speaker's (a debate's, an
# interview's), often rhetorical; the rule keeps to the writer's own voice.
_QUOTATION_MARKS = ('"', "“", "”", "''", "``", "«", "»")
#: Subcategory of an open question's span, the same string as the lexicon's.
EPISTEMIC = "epistemic"


def open_question_end(tokens: Tokens) -> int:
    """One past the auxiliary that opens the sentence when the sentence is a positive
    yes/no question in the writer's own voice ("Had they lost touch with the core concerns
    of the party's base?"), or -1. The writer puts the proposition forward without
    asserting it, as "it is unclear whether they had lost touch" does (an open question,
    as *I don't know whether*; CoNLL-2010 and BioScope mark *whether* and interrogative
    cues for the same reason). Not a negative question ("Isn't it obvious?", "Doesn't he
    know?"): it expects "yes" and asserts (Quirk et al. 1985, 11.8), nor a wh-question
    ("What are we doing?"), nor a question inside quotation marks (see
    ``_QUOTATION_MARKS``), nor a sentence not ending in "?"."""
    if tokens.n < 3 or tokens.lead or "?" not in tokens.gaps[-1]:
        return -1
    if tokens.low[0] not in _QUESTION_AUXILIARIES or tokens.gaps[0]:
        return -1
    if tokens.low[1] in ("not", "n't") or any(mark in tokens.text for mark in _QUOTATION_MARKS):
        return -1
    return 1


# Nouns whose that-clause holds a proposition someone entertains, not the writer's claim:
# "any idea that the officials might resign", "the notion that prices could fall". Not
# "rumour" or "speculation": no hedge of ours marks them, so the modal is what keeps "the
# rumour that the mayor might resign" uncertain, and "encourage the speculation that
# there may be" is the writer's own (Szeged marks the modal: audit28).
_ENTERTAINED_NOUNS = frozenset("idea ideas notion notions thought thoughts".split())
# A possibility denied or left open: "no possibility that the bridge could collapse", "any
# possibility that …": the noun is the (negated) estimate, the modal only restates it. Not
# "the possibility that X may be involved" (a hypothesis put forward: Szeged marks the
# modal too).
_DENIED_POSSIBILITY = frozenset(("possibility", "possibilities", "chance", "prospect"))
# What opens the noun phrase of such an idea ("any idea", "the notion", "this thought").
_IDEA_DETERMINERS = frozenset("any the this that a an his her their its our my your no".split())
# Words that endorse the idea before its noun: "our findings support the notion that X
# may", "consistent with the idea that": the writer's own hypothesis, a hedge.
_ENDORSING = frozenset(
    "support supports supported supporting consistent reinforce reinforces reinforced "
    "strengthen strengthens strengthened confirm confirms confirmed favour favours favor "
    "favors".split()
)


def is_entertained_content(tokens: Tokens, i: int) -> bool:
    """Is the modal at token i in the that-clause of a noun of an idea entertained ("any
    idea that the officials might resign is being countered", "perpetuated the notion
    that salvation could be bought") or of a possibility denied or left open ("no
    possibility that the bridge could collapse", audit28)? The modal restates what the
    idea (or the noun's own estimate) holds possible; the writer estimates nothing
    (audit22, audit25: seed 004 S2). Not an idea the writer endorses ("our findings
    support the notion that X may be"): a hypothesis, hedged."""
    for k in range(i - 1, max(0, i - 7), -1):
        if tokens.gaps[k]:
            return False
        if tokens.low[k] == "that":
            if k >= 2 and not tokens.gaps[k - 1] and not tokens.gaps[k - 2] \
                    and tokens.low[k - 1] in _DENIED_POSSIBILITY:
                return tokens.low[k - 2] in ("no", "any")
            if k < 2 or tokens.gaps[k - 1] or tokens.low[k - 1] not in _ENTERTAINED_NOUNS \
                    or tokens.gaps[k - 2] or tokens.low[k - 2] not in _IDEA_DETERMINERS:
                return False  # "thought that no one could": the verb, a belief
            before = [tokens.low[j] for j in range(max(0, k - 4), k - 1)]
            return not any(w in _ENDORSING for w in before)
    return False
