"""Cue finding: hedges, boosters, attribution, sources and loaded words, as :class:`Span`.

One sentence at a time, a :class:`CueFinder` tokenises the text with a regular
expression that keeps offsets, then matches the lexicon's forms token by token,
longest first, never letting two spans of one category overlap. Spans of different
categories may overlap: "according to" is both an evidential hedge and an attribution.

The rules that keep the counts honest (negation, false friends such as the month
May or "military might", the noun "claims", "is said to", how a source's noun
phrase is found and typed) are described in ``resources/lexicons/README.md``; the
words live in the lexicon, the grammar here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from functools import lru_cache
from itertools import accumulate, compress
from operator import methodcaller, or_

from models import hedging
from models.article import Article, Span, make_span
from models.attribution import (
    ACT_SENSE_TERMS,
    DESCRIBED,
    DESCRIPTOR_NOUNS,
    DOCUMENT,
    FRAMED,
    GO_ON,
    GROUP,
    GROUP_NOUNS,
    OBJECT_REPORT_TERMS,
    adds_a_thing,
    agent_noun,
    common_nouns_opening,
    goes_on,
    in_content_of,
    in_relative_clause,
    inverted_content,
    is_act_sense,
    is_discourse_said,
    is_impersonal_report,
    is_not_a_report,
    men_plural,
    names_with_a_quote,
    opens_an_adverbial_clause,
    own_caveat_end,
    past_or_present,
    rule_cues,
    rule_triggers,
    source_kind,
    states_as_report,
    text_noun,
    withheld_identity,
    withholding_relative_clauses,
)
from models.lexicons import NUMBER_PLACEHOLDER, Lexicon, LexiconEntry, load_lexicon
from models.quotations import (
    Intervals,
    is_quoted,
    quotation_intervals,
    quoted_intervals,
    quoted_tokens,
)

_TOKEN_RE = re.compile(r"\w+(?:[-‐‑'’ʼ]\w+)*")
_TOKEN_NORMALISE = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "‐": "-", "‑": "-"})
# The same tokens as a group: splitting on it keeps them, between the text around them.
# Possessive quantifiers: a token's letters are never given back (what follows a run of
# them is no letter), so the tokens are the same, found without saving states to go back.
_TOKEN_SPLIT = re.compile(r"(\w++(?:[-‐‑'’ʼ]\w++)*+)")
# For ASCII text, where Unicode's \w is [A-Za-z0-9_] and the other joiners cannot occur:
# the same tokens, each letter tested against a table.
_TOKEN_SPLIT_ASCII = re.compile(r"(\w++(?:[-']\w++)*+)", re.ASCII)
# _TOKEN_NORMALISE as replacements, and the characters it changes.
_NORMALISED = tuple((chr(code), plain) for code, plain in _TOKEN_NORMALISE.items())
_NORMALISED_CHARACTERS = tuple(character for character, _ in _NORMALISED)
_ENDS_POSSESSIVE = methodcaller("endswith", "'s")
_ASCII_DIGIT = re.compile("[0-9]")
# A token that ends in "'s" once normalised and lowercased stands where the text has one of these.
_POSSESSIVE_MARK = re.compile("['’ʼ][sS]")

# Words before "the fact that" that make it a connective ("despite the fact that",
# "due to the fact that" = "although", "because"): it then signals no certainty.
_CONNECTIVES_BEFORE_FACT = frozenset(
    ("despite", "notwithstanding", "given"))
_CONNECTIVE_PAIRS_BEFORE_FACT = frozenset(
    (("spite", "of"), ("regardless", "of"), ("due", "to"), ("owing", "to"), ("because", "of"),
     ("except", "for"), ("apart", "from"), ("aside", "from")))


def _connective_before(tokens: _Tokens, start: int) -> bool:
    """Is the phrase at token ``start`` ("the fact that") the object of a connective:
    "despite", "in spite of", "due to", "because of", "given"?"""
    one = tokens.low[start - 1] if start >= 1 else ""
    two = (tokens.low[start - 2], one) if start >= 2 else ("", one)
    return one in _CONNECTIVES_BEFORE_FACT or two in _CONNECTIVE_PAIRS_BEFORE_FACT


#: How many tokens before a hedge or booster a negator may stand and still negate it.
NEGATION_WINDOW = 3

_NEGATORS = frozenset(
    {"not", "no", "never", "nor", "neither", "cannot", "hardly", "barely", "scarcely"}
)
# "not only ... but also" does not negate what follows.
_NOT_NEGATING_AFTER = frozenset({"only", "just", "merely", "least", "simply"})

_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty dozens".split()
)
_DETERMINERS = frozenset(
    "a an the this these those his her its their our my your such no every each whose".split()
)
_ARTICLES = frozenset(("a", "an", "the"))
_INDEFINITE = frozenset("a an one another some several many few".split()) | _NUMBER_WORDS
_PREPOSITIONS = frozenset(
    "to for with at from by in on about into over under amid among during after before since "
    "within without against through across near like via upon onto inside outside".split()
)
_SUBJECT_PRONOUNS = frozenset("i you he she it we they who which".split())
_BE_FORMS = frozenset("is are was were be been being".split())
_GET_FORMS = frozenset("get gets got getting gotten".split())  # "got asked": a passive
_AUXILIARIES = frozenset(
    "has have had do does did will would shall should can could may might must".split()
)
_ADVERBS_BEFORE_VERB = frozenset(
    "also now then later previously recently reportedly meanwhile further again already once "
    "first today yesterday earlier still just repeatedly publicly privately officially ever "
    "even subsequently initially immediately separately allegedly never not often always "
    "apparently".split()
)
# A noun followed by one of these is not a verb ("the claims were", "claims of abuse").
_NOUN_FOLLOWERS = frozenset(
    "of about against by were was are is have has had and or for from on in rose fell".split()
)
# A verb is often followed by one of these, starting its complement ("claims that", "claims the").
_CLAUSE_OPENERS = frozenset(
    "that to the a an he she it they we i you this these those there no none nobody his her "
    "its their some many more most all our what how why whether".split()
)
_MONTH_PREPOSITIONS = frozenset(
    "in on since of early late mid until till during through from before after by between "
    "this last next".split()
)
# "this may be", "that may be": only the capitalised month follows these.
_MONTH_PREPOSITIONS_WEAK = frozenset("this that of from before after by".split())
_MONTH_FOLLOWERS = frozenset("day was is has had saw brought will and or".split())
_MIGHT_NOUN_BEFORE = frozenset(
    "the his her its their our my your all full sheer military economic naval nuclear "
    "industrial financial with whose".split()
)
_MIGHT_NOUN_AFTER = frozenset("of is was has had and or but against behind".split())
DEMONYMS = frozenset(
    "russian ukrainian british american western european chechen belarusian german french "
    "chinese polish soviet eastern northern southern".split()
)
# Words that open a clause, not a noun phrase, after a comma: "Trump, who said".
_CLAUSE_WORDS = frozenset("who which that and but or when while where if because as".split())
_TIME_WORDS = frozenset("today yesterday tonight tomorrow earlier later recently".split())
# Words written with a capital when they open a sentence, before a name there ("But Trump
# said", "Now Donald Trump says"), but never part of the name: the source's term stops
# at them (PolNeAR train gave the people "but trump", "when trump", "now donald trump").
_NEVER_IN_A_NAME = _CLAUSE_WORDS | frozenset(
    "so yet then now even also still only just both since once here there why how what "
    "everything nothing after before though although meanwhile instead like".split()
)
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
# Prepositions and conjunctions that open a sentence ("Despite published claims, …",
# "Unlike earlier reports, …", "Whereas officials said …"): written with a capital there,
# but never a name, so never (part of) a source noun phrase. Not "per" or "till" (names).
_CLAUSE_OPENING_WORDS = frozenset(
    "despite unlike throughout besides beside beyond between regarding concerning "
    "considering notwithstanding whereas whilst until along alongside around behind below "
    "above beneath underneath toward towards except amongst amidst wherever whenever".split()
)
_NP_STOP = (
    _PREPOSITIONS
    | _SUBJECT_PRONOUNS
    | _BE_FORMS
    | _AUXILIARIES
    | frozenset(
        "him them us me whom whose that what there and or but because if when where while as "
        "than so "
        "however not also although though whether unless lest yet nor".split()
    )
    | _CLAUSE_OPENING_WORDS
)
# Where a source noun phrase's head chunk ends: "the Ministry | of Defence".
_HEAD_BREAKS = _PREPOSITIONS | frozenset({"of", "close", "familiar"})
#: Prepositions that also open a clause ("after the senator said it"): a phrase before
#: them is a subject only where it opens its own clause (CueFinder._subject).
_CLAUSE_PREPOSITIONS = frozenset("after before until since".split())
# A colon's lead "More from the report:", "by Times' Ben Sisario:": the preposition names
# whom the words after the colon come from (_colon_cues)
_SPEAKER_PREPOSITIONS = frozenset(("from", "by"))
#: The kinds of named sources (models.features.NAMED_SOURCE_TYPES).
_NAMED_KINDS = frozenset(("person", "institution", "media"))
# Days and months that are never names (not May, June, April, August): "lawmakers said
# Friday afternoon" gave the person "Friday" (PolNeAR, all 924 articles: 70 such rows).
_CALENDAR_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march july "
    "september october november december".split()
)
_BEFORE_A_DAY = frozenset("on in last this next earlier late early".split())
# Plural things that "respond" to news by moving, never names: capitalised only when they
# open the sentence ("Markets responded to the news with a sell-off" named the person
# "Markets"). An institution that responds is a source ("The Kremlin responded").
_MARKET_THINGS = frozenset(
    "markets stocks shares prices bonds yields equities currencies futures commodities "
    "indexes indices".split()
)


# A time named by a noun and the word before it: "last week", "this month", "Sunday night".
_TIME_NOUNS = frozenset(
    "week weeks month months year years weekend night morning afternoon evening spring "
    "summer fall autumn winter".split()
)
_BEFORE_A_TIME_NOUN = frozenset("last this next past".split())
_BEFORE_THIS = frozenset("earlier later late early".split())
_AGO_COUNTS = frozenset("a few several many".split())
# A counted time before "ago", "later" or "earlier": "two days ago", "a month later",
# "hours earlier"; a bare plural needs no count ("months later").
_COUNTED_TIME_NOUNS = _TIME_NOUNS | frozenset(
    "day days hour hours minute minutes decade decades".split()
)
_COUNTED_TIME_ENDS = frozenset("ago later earlier".split())


# Quantifiers that float after a subject or its auxiliary: "they both said", "have all
# agreed"; and the adverbs of time written after "has": "has long argued", "has since said".
_FLOATING_QUANTIFIERS = frozenset("both all each".split())
_AFTER_HAS = frozenset("long since".split())
_HAS_FORMS = frozenset("has have had".split())


def _before_the_verb(tokens: _Tokens, j: int) -> bool:
    """Is token j a word between a subject (or its auxiliary) and the verb that belongs to
    neither: "long" or "since" after "has" ("Mr. Ryan has long said", "officials have since
    balked"), or a floating quantifier after an auxiliary or a pronoun ("have both
    supported", "they all agreed")?"""
    if j < 1 or tokens.gaps[j - 1]:
        return False
    word, previous = tokens.low[j], tokens.low[j - 1]
    if word in _AFTER_HAS:
        return previous in _HAS_FORMS
    return word in _FLOATING_QUANTIFIERS and (
        previous in _AUXILIARIES or previous in _BE_FORMS or previous in _PRONOUN_SOURCES
    )


def _only_before_the_verb(tokens: _Tokens, j: int) -> bool:
    """Is token j "only" between a subject (or its auxiliary or "who") and its verb
    ("Mr. Trump, who only said", "the senator would only say"), the caller checks that the
    verb follows at once? Not where it opens the subject ("Only three senators said"): a
    word of the clause stands before it."""
    if tokens.low[j] != "only" or j < 1 or tokens.gaps[j - 1] or tokens.gaps[j]:
        return False
    previous = tokens.low[j - 1]
    return previous in _AUXILIARIES or previous in _RELATIVE_PRONOUNS or \
        previous in _PRONOUN_SOURCES or tokens.is_capitalised(j - 1)


def _time_phrase_start(tokens: _Tokens, j: int) -> int:
    """The first token of a time phrase that ends at token j, or -1: "last week", "this
    past month", "earlier this year", "Sunday night", "two weeks ago"."""
    word = tokens.low[j]
    if word in _COUNTED_TIME_ENDS:
        # "two weeks ago", "a month later", "a few days earlier", "months later"
        k = j - 1
        if k < 0 or tokens.gaps[k] or tokens.low[k] not in _COUNTED_TIME_NOUNS:
            return -1
        count = k - 1
        if count >= 0 and not tokens.gaps[count] and (
            tokens.is_number(count) or tokens.low[count] in _AGO_COUNTS
        ):
            if tokens.low[count] == "few" and count >= 1 and not tokens.gaps[count - 1] and \
                    tokens.low[count - 1] == "a":
                return count - 1  # "a few weeks ago"
            return count
        return k if tokens.low[k].endswith("s") else -1  # "months later"
    if word not in _TIME_NOUNS or j < 1 or tokens.gaps[j - 1]:
        return -1
    k = j - 1
    if tokens.low[k] in _CALENDAR_WORDS:
        return k  # "Sunday night" (the caller steps over an "on" before it)
    if tokens.low[k] not in _BEFORE_A_TIME_NOUN:
        return -1
    if k >= 1 and not tokens.gaps[k - 1] and (
        (tokens.low[k] == "past" and tokens.low[k - 1] == "this")
        or (tokens.low[k] == "this" and tokens.low[k - 1] in _BEFORE_THIS)
    ):
        return k - 1  # "this past week", "earlier this year"
    return k


def _time_start(tokens: _Tokens, j: int) -> int:
    """The first token of a time phrase ending at token j, with the preposition or
    adjective before a day ("on Monday", "last Tuesday", "in March", "last week", "two
    weeks ago"), or -1."""
    start = _time_phrase_start(tokens, j)
    if start < 0:
        if tokens.low[j] not in _CALENDAR_WORDS:
            return -1
        start = j
    if start >= 1 and not tokens.gaps[start - 1] and tokens.low[start - 1] in _BEFORE_A_DAY:
        start -= 1
    return start


def _opening_time_phrase(tokens: _Tokens, j: int) -> bool:
    """Does a time phrase end at token j and open its clause, no comma after it ("Last
    year the airline said", "On Monday the ministry said")?"""
    start = _time_start(tokens, j)
    if start < 0 or tokens.gaps[j]:
        return False
    return (start == 0 and not tokens.lead) or (start > 0 and bool(tokens.gaps[start - 1]))


def _place_before_and(tokens: _Tokens, conjunction: int, first: int) -> bool:
    """Does "and" at token ``conjunction`` join a place's name, a capitalised word after a
    comma and another capitalised word ("in Hull, Yorkshire"), to the lowercase phrase
    from token ``first`` ("officials")? Then the name is no part of the source. Not a
    name after a clause's comma ("At the same time, Sanders and his supporters argue").
    A place that opens its clause is none: with no preposition before them, "Hull,
    Yorkshire and officials said" and "But Smith, Jones and officials said" are lists of
    speakers."""
    before = conjunction - 1
    return (
        before >= 1
        and not _opens_its_clause(tokens, before - 1)
        and not tokens.gaps[before]
        and tokens.is_capitalised(before)
        and tokens.gaps[before - 1].strip() == ","
        and tokens.is_capitalised(before - 1)
        and tokens.low[before - 1] not in _CALENDAR_WORDS
        and not tokens.is_capitalised(first)
        # "Crane, Kibbe and other libertarians": "other" makes the names of its kind
        and tokens.low[first] not in _OTHERS
    )


#: "X, Y and other Zs", "X, Y and others": the words that make a list's names its kind.
_OTHERS = frozenset(("other", "others"))


def _list_start(tokens: _Tokens, first: int, last: int) -> int:
    """Is the phrase at tokens first..last, capitalised names joined by "and" ("Bradford
    and Halifax", or "Halifax" after "Bradford, and"), the end of a list of names written
    with commas ("Leeds, Bradford and Halifax", "Smith, Jones and Brown")? The first token
    of the list's first name, or -1."""
    words = range(first, last + 1)
    if any(tokens.low[i] != "and" and not tokens.is_capitalised(i) for i in words):
        return -1
    k = first - 1
    # With a comma before "and" ("Bradford, and Halifax") two names before it make a list;
    # one may end a clause ("at the PGA Championship in Louisville, and Nicklaus said").
    needed = 1
    if "and" not in tokens.low[first : last + 1]:
        if k < 1 or tokens.gaps[k] or tokens.low[k] != "and":
            return -1
        k -= 1
        needed = 2
    listed = 0
    start = -1
    while k >= 0 and tokens.gaps[k] == "," and tokens.is_capitalised(k) and \
            tokens.low[k] not in _CALENDAR_WORDS:
        listed += 1
        start = k
        while start >= 1 and not tokens.gaps[start - 1] and tokens.is_capitalised(start - 1):
            start -= 1  # "New York"
        k = start - 1
    return start if listed >= needed else -1


def _place_list_preposition(tokens: _Tokens, first: int, last: int) -> int:
    """Is the phrase at tokens first..last the end of a list of names after a preposition
    ("of Leeds, Bradford and Halifax")? The preposition's token, or -1."""
    start = _list_start(tokens, first, last)
    k = start - 1
    if start >= 1 and not tokens.gaps[k] and (tokens.low[k] in _PREPOSITIONS or tokens.low[k] == "of"):
        return k
    return -1


#: Words that open a sentence before a comma and are no name in a list of people
#: ("Earlier, Jones and Brown said", "In London, Jones and Brown said").
_NOT_IN_A_LISTED_NAME = _PREPOSITIONS | _NEVER_IN_A_NAME | _CLAUSE_OPENING_WORDS | \
    _CALENDAR_WORDS | _TIME_WORDS | frozenset(
        "again overall together indeed thus moreover nonetheless nevertheless afterward "
        "afterwards meanwhile elsewhere yes no well sure first second third finally".split()
    )


#: Nouns that end as adverbs do, which may be a report's subject or end it: "The family
#: said", "The Smith family told", "the organizer of a pro-Trump rally said". Read as an
#: adverb, "The family said" had no source at all, and the rally's organizer was cut
#: at "rally" ("the organizer of a pro-Trump").
_NOUNS_ENDING_IN_LY = frozenset(
    "family rally assembly anomaly monopoly supply tally bully homily belly folly "
    "jelly lily".split()
)


def _ends_like_an_adverb(word: str) -> bool:
    """"Separately,", "Similarly,": a sentence's first word that ends as adverbs do."""
    return word.endswith("ly") and len(word) > 4 and word not in _NOUNS_ENDING_IN_LY


_YEAR = re.compile(r"1[5-9]\d\d|20\d\d")


def _in_a_year(tokens: _Tokens, j: int) -> bool:
    """Is token j a year after "in" ("in 2019"), with nothing between them?"""
    return j >= 2 and bool(_YEAR.fullmatch(tokens.low[j])) and tokens.low[j - 1] == "in" \
        and not tokens.gaps[j - 1] and not tokens.gaps[j - 2]


def _opens_its_clause(tokens: _Tokens, first: int, *, listed: bool = False) -> bool:
    """Does the phrase at token ``first`` open its clause: the sentence's first word, or
    after a clause's punctuation or a conjunction ("but", "while")? Not the object of a
    verb or a preposition ("filed a $40 million lawsuit in 2013", "In Iowa, Cruz", "For
    Smith, Jones and Brown, …"). A list written with commas (``listed``) also opens its
    clause after "that", "what" or "whether" ("what Smith, Jones and Brown said"): a
    list is a subject there, where one word may be no subject ("That tactic allows")."""
    return first == 0 or tokens.gaps[first - 1][-1:] in _CLAUSE_MARKS or \
        tokens.low[first - 1] in _SUBJECT_OPENERS or (
            listed and tokens.low[first - 1] in _CONTENT_OPENERS and not tokens.gaps[first - 1]
            and first >= 2
        )


def _article_opens(tokens: _Tokens, first: int) -> bool:
    """Does the article at token ``first`` open its noun phrase, the word before being no
    part of it: not "of the", "all the", "the airline's"? ("Last year the airline said":
    the phrase is "the airline".)"""
    if tokens.low[first] not in _ARTICLES or first == 0:
        return False
    before = tokens.low[first - 1]
    return not (before in _BEFORE_AN_ARTICLE or before.endswith("'s"))


def _dates_a_noun(tokens: _Tokens, j: int) -> bool:
    """Is token j a participle that dates the noun before it ("released" in "a poll released
    Sunday", "out" in "a poll out Monday")?"""
    word = tokens.low[j]
    return word == "out" or (word.endswith("ed") and len(word) > 4 and not tokens.is_capitalised(j))
# The last word of a capitalised name that is no person's: a news medium ("Yahoo News",
# "the Post", "Los Angeles Times") or an institution ("Tax Policy Center", "Quinnipiac
# University", "Census Bureau"); PolNeAR gave each a person row.
_MEDIA_NAME_ENDINGS = frozenset(
    "news post times journal tribune herald gazette magazine huffpost examiner "
    "inquirer chronicle sentinel ledger courier observer dispatch bulletin".split()
)
_INSTITUTION_NAME_ENDINGS = frozenset(
    "center centre institute foundation university college fund bureau council commission "
    "association committee agency institution corporation company inc corp "
    "chemicals industries holdings group enterprises laboratories pharmaceuticals".split()
)


# The lexicon "file" of a report verb found by a rule of models.attribution.
_RULE = "<rule>"
# "in" before a poll (CueFinder._in_a_poll): the nouns, and the kind of its rule pattern.
_POLL_NOUNS = frozenset("poll polls survey surveys".split())
_POLL_WORD = re.compile(r"\b(?:[Pp]olls?|[Ss]urveys?)\b")
_POLL = "poll"


@dataclass(frozen=True, slots=True)
class _Pattern:
    """One surface form of a lexicon entry, as tokens."""

    keys: tuple[str, ...]  # lowercased tokens, or NUMBER_PLACEHOLDER
    exact: tuple[str, ...]  # tokens as written, for case-sensitive entries
    gaps: tuple[str, ...]  # punctuation between consecutive tokens ("" for a space)
    entry: LexiconEntry
    form: str
    noun_form: bool


@dataclass(frozen=True, slots=True)
class _Match:
    start: int  # first token
    end: int  # one past the last token
    pattern: _Pattern


def _match_maker() -> Callable[[int, int, _Pattern], _Match]:
    """``_Match(start, end, pattern)`` with its slots set through their descriptors, not
    by the frozen ``__init__`` (three ``object.__setattr__`` calls by name), as
    :func:`models.article.make_span` makes spans; ``_Match`` itself if its fields change."""
    if tuple(f.name for f in fields(_Match)) != ("start", "end", "pattern"):
        return _Match
    new = object.__new__
    s0, s1, s2 = (getattr(_Match, name).__set__ for name in ("start", "end", "pattern"))

    def make(start: int, end: int, pattern: _Pattern) -> _Match:
        match: _Match = new(_Match)
        s0(match, start)
        s1(match, end)
        s2(match, pattern)
        return match

    return make


_make_match = _match_maker()


_CENTURY_YEAR_IN_TEXT = re.compile(r"(?<!\d)20\d\d(?!\d)")


def year_read(text: str, published_year: int | None) -> int | None:
    """The article's year as CueFinder.find reads it for ``text``: only for a year of this
    century written in the sentence (models.hedging._past_year), else None."""
    if published_year is None or _CENTURY_YEAR_IN_TEXT.search(text) is None:
        return None
    return published_year


def first_word_named(text: str, names: frozenset[str]) -> bool:
    """Is the sentence's first word one of ``names`` (CueFinder.find's ``names``: the only
    token they are read for)? The first token as :class:`_Tokens` splits it, lowercased;
    names are ASCII letters (models.hedging.mid_sentence_names), which the tokens'
    normalisation leaves as they are; a possessive first word ("Millbrook's") is looked
    up without its 's, as models.hedging._particular_subject looks it up."""
    if not names:
        return False
    parts = (_TOKEN_SPLIT_ASCII if text.isascii() else _TOKEN_SPLIT).split(text, maxsplit=1)
    return len(parts) > 1 and (
        parts[1].lower().replace("’", "'").removesuffix("'s") in names
    )


class _Tokens:
    """A sentence's word tokens with their offsets, in the forms the rules compare."""

    __slots__ = (
        "base", "ends", "gaps", "lead", "low", "n", "names", "published_year", "raw", "starts",
        "text",
    )

    def __init__(self, text: str) -> None:
        # One split gives the tokens (at odd places) and the text between them; a token's
        # offsets are the running sums of the parts' lengths. The same tokens, offsets and
        # gaps as _TOKEN_RE.finditer, with the per-token work done in C.
        ascii = text.isascii()
        parts = (_TOKEN_SPLIT_ASCII if ascii else _TOKEN_SPLIT).split(text)
        bounds = list(accumulate(map(len, parts)))
        tokens = parts[1::2]
        n = len(tokens)
        # The normalisation maps single characters to single characters: offsets hold.
        raw = tokens
        if n and not ascii and any(map(text.__contains__, _NORMALISED_CHARACTERS)):
            # tokens never hold NUL: the replacements for them all at once (what a
            # translate by _TOKEN_NORMALISE does, at a third of its cost)
            joined = "\x00".join(tokens)
            for character, plain in _NORMALISED:
                joined = joined.replace(character, plain)
            raw = joined.split("\x00")
        low = list(map(str.lower, raw))
        self.text = text
        self.starts = bounds[0 : 2 * n : 2]
        self.ends = bounds[1::2]
        self.raw = raw
        self.low = low
        self.base = base = list(low)
        if ("'" in text or "’" in text or "ʼ" in text) and _POSSESSIVE_MARK.search(text):
            for i in compress(range(n), map(_ENDS_POSSESSIVE, low)):
                base[i] = low[i][:-2]
        self.n = n
        # gaps[i]: the punctuation between token i and token i + 1 (or the end of the text).
        self.gaps = list(map(str.strip, parts[2::2]))
        self.lead = parts[0].strip()
        # Words the article writes with a capital inside a sentence ("in Millbrook"): names,
        # where a sentence's first word shows nothing (models.hedging.mid_sentence_names).
        self.names: frozenset[str] = frozenset()
        self.published_year: int | None = None

    def is_number(self, i: int) -> bool:
        token = self.low[i]
        return token.isdigit() or token in _NUMBER_WORDS

    def is_capitalised(self, i: int) -> bool:
        return self.raw[i][:1].isupper()

    def looks_title_case(self) -> bool:
        """True for a Headline In Title Case, where capitals say nothing about names."""
        words = [r for r in self.raw if len(r) > 3 and r[:1].isalpha()]
        if len(words) < 3:
            return False
        return sum(1 for w in words if w[:1].isupper()) >= 0.8 * len(words)


def _compile_form(form: str, entry: LexiconEntry) -> _Pattern | None:
    keys: list[str] = []
    exact: list[str] = []
    gaps: list[str] = []
    pending_gap = ""
    for chunk in form.split():
        if chunk == NUMBER_PLACEHOLDER:
            if keys:
                gaps.append(pending_gap)
            keys.append(NUMBER_PLACEHOLDER)
            exact.append(NUMBER_PLACEHOLDER)
            pending_gap = ""
            continue
        position = 0
        for match in _TOKEN_RE.finditer(chunk):
            between = chunk[position : match.start()]
            if keys:
                gaps.append((pending_gap + between).strip())
            token = match.group().translate(_TOKEN_NORMALISE)
            keys.append(token.lower())
            exact.append(token)
            position = match.end()
            pending_gap = ""
        pending_gap += chunk[position:]
    if not keys:
        return None
    return _Pattern(
        keys=tuple(keys),
        exact=tuple(exact),
        gaps=tuple(gaps),
        entry=entry,
        form=form,
        noun_form=form in entry.noun_forms,
    )


def _index(patterns: Iterable[_Pattern]) -> dict[str, tuple[_Pattern, ...]]:
    buckets: dict[str, list[_Pattern]] = {}
    for pattern in patterns:
        buckets.setdefault(pattern.keys[0], []).append(pattern)
    return {key: tuple(sorted(group, key=lambda p: -len(p.keys))) for key, group in buckets.items()}


def _men_name(tokens: _Tokens, first: int, head: int) -> bool:
    """Is the word in -men at token ``head`` (of a phrase from ``first``) a surname, no
    plural of a person noun: after a first name ("Fred Lehmen"), with a capital inside it
    ("McCrummen"), or written as a name elsewhere in the article when it opens the
    sentence ("McCrummen reports:")?"""
    raw = tokens.raw[head]
    if not tokens.is_capitalised(head):
        return False
    if any(c.isupper() for c in raw[1:]) and not raw.isupper():
        return True
    if head > first and tokens.is_capitalised(head - 1) and \
            tokens.low[head - 1] not in _DETERMINERS:
        return True
    return tokens.base[head] in tokens.names


def _np_term(tokens: _Tokens, start: int, end: int) -> str:
    """A source's normalised name: lowercased, without leading determiners (end inclusive)."""
    while start < end and (tokens.low[start] in _DETERMINERS or tokens.low[start] == "another"):
        start += 1
    return " ".join(tokens.low[start : end + 1])


def _passes_second(pattern: _Pattern, following: tuple[str, ...]) -> bool:
    """A cheap necessary test before the full one: most longer forms already fail on their
    second word ("said in a statement" after "said"). ``following``: the next token's
    lowercased and possessive-free forms, or () at the end of the sentence."""
    keys = pattern.keys
    return len(keys) == 1 or keys[1] in following or keys[1] == NUMBER_PLACEHOLDER


@dataclass(frozen=True, slots=True)
class _Opener:
    """The forms that open with one word, longest first (as in the index), grouped by
    their second word, so that a token meets only the forms its next word allows."""

    candidates: tuple[tuple[_Pattern, str, int], ...]  # (form, category, tokens)
    always: tuple[int, ...]  # one-word forms, and forms whose second token is a number
    by_second: dict[str, tuple[int, ...]]
    only_always: list[tuple[_Pattern, str, int]]  # the candidates at ``always``

    def viable(self, following: tuple[str, ...]) -> list[tuple[_Pattern, str, int]]:
        """The candidates that pass :func:`_passes_second`, in their order."""
        if not following:
            return self.only_always
        first = self.by_second.get(following[0])
        second = self.by_second.get(following[1]) if following[1] != following[0] else None
        if first is None and second is None:
            return self.only_always
        picked = sorted(self.always + (first or ()) + (second or ()))
        return [self.candidates[j] for j in picked]


def _opener(patterns: Sequence[_Pattern]) -> _Opener:
    always: list[int] = []
    by_second: dict[str, list[int]] = {}
    for j, pattern in enumerate(patterns):
        if len(pattern.keys) == 1 or pattern.keys[1] == NUMBER_PLACEHOLDER:
            always.append(j)
        else:
            by_second.setdefault(pattern.keys[1], []).append(j)
    candidates = tuple((p, p.entry.category, len(p.keys)) for p in patterns)
    return _Opener(
        candidates,
        tuple(always),
        {second: tuple(js) for second, js in by_second.items()},
        [candidates[j] for j in always],
    )


def _openers(index: dict[str, tuple[_Pattern, ...]]) -> dict[str, _Opener]:
    return {key: _opener(patterns) for key, patterns in index.items()}


def _opening_words(index: dict[str, tuple[_Pattern, ...]]) -> frozenset[str]:
    """Lowercased words that may open a form of ``index`` (numbers, when it has any)."""
    if NUMBER_PLACEHOLDER in index:
        return frozenset(index) | _NUMBER_WORDS
    return frozenset(index)


def _viable(
    index: dict[str, tuple[_Pattern, ...]], word: str, base: str,
    number_patterns: tuple[_Pattern, ...], following: tuple[str, ...],
) -> list[tuple[_Pattern, str, int]]:
    """The forms a token opens when it is a possessive ("regime's" finds "regime") or a
    number, longest first, that pass :func:`_passes_second`."""
    candidates = index.get(word, ())
    extra: tuple[_Pattern, ...] = ()
    if base != word:
        extra = index.get(base, ())
    if number_patterns and (word.isdigit() or word in _NUMBER_WORDS):
        extra += number_patterns
    if extra:
        candidates = tuple(sorted(candidates + extra, key=lambda p: -len(p.keys)))
    return [
        (p, p.entry.category, len(p.keys)) for p in candidates if _passes_second(p, following)
    ]


class CueFinder:
    """Finds cue spans in sentences with one lexicon, compiled once.

    Use :func:`default_finder` for the shipped lexicon; building a finder costs
    a few milliseconds, finding cues in a sentence tens of microseconds.
    """

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon if lexicon is not None else _shipped_lexicon()
        scanned: list[_Pattern] = []
        typing: list[_Pattern] = []
        for entry in self.lexicon.entries:
            for form in entry.forms:
                pattern = _compile_form(form, entry)
                if pattern is None:
                    continue
                if entry.category == "source":
                    typing.append(pattern)
                    if entry.role == "phrase":
                        scanned.append(pattern)
                else:
                    scanned.append(pattern)
        self._scan_index = _index(scanned)
        self._openers = _openers(self._scan_index)
        self._opens = _opening_words(self._scan_index)
        self._rule_patterns: dict[tuple[str, str], _Pattern] = {}
        self._typing_index = _index(typing)
        # Words that can end a source's noun phrase: a one-word source form ("ministry",
        # "Kremlin") or the common-noun end of a longer one ("news agency"). The end of a
        # multiword name ("Kyiv Independent") is a head only when capitalised, as any name is.
        self._source_heads = frozenset(
            p.keys[-1]
            for p in typing
            if p.keys[-1] not in _PREPOSITIONS
            and p.keys[-1] != "of"
            and (len(p.keys) == 1 or not p.exact[-1][:1].isupper())
        )
        # The last words of person titles ("spokesman", "harbour master"): a subject ending
        # in one is a person, whose "suggested" or "indicated" is a report, no hedge.
        self._person_titles = frozenset(p.keys[-1] for p in typing if p.entry.role == "title")
        # Words that open a report-verb form: never part of a source's noun phrase, unless
        # they are also nouns ("the State Department", "the report").
        self._report_words = frozenset(
            p.keys[0]
            for p in scanned
            if p.entry.category == "attribution"
            and p.keys[0] not in _PREPOSITIONS
            and not p.noun_form
            and p.keys[0] not in p.entry.noun_forms
        )

    # ------------------------------------------------------------------ public API

    def find(
        self, text: str, *, offset: int = 0, sentence_index: int = 0,
        quotes: Intervals | None = None, names: frozenset[str] = frozenset(),
        published_year: int | None = None,
    ) -> list[Span]:
        """Cues in one sentence, sorted by (start, category).

        Span offsets are ``offset`` plus offsets into ``text``, and
        ``span.text == text[start - offset:end - offset]``. ``quotes``: the sentence's
        quoted stretches, as offsets into ``text``, as its article reads them
        (:func:`models.quotations.quotation_intervals`: a quotation may have opened in an
        earlier sentence); by default the sentence is read alone
        (:func:`models.quotations.quoted_intervals`). Report verbs inside a quotation
        are the quoted speaker's, not the article's (models.attribution).
        ``names``: lowercased words the rest of the article writes as names
        (:func:`models.hedging.mid_sentence_names`), for a first word, whose capital
        says nothing. ``published_year``: the year the article is dated
        (:func:`models.hedging.published_year`), which says whether a year of this century
        in the sentence is past ("In 2005 she could run": an ability, no hedge).
        """
        tokens = _Tokens(text)
        if not tokens.n:
            return []
        tokens.names = names
        tokens.published_year = published_year
        if quotes is None:
            quotes = quoted_intervals(text)
        matches = self._scan(tokens, self._scan_index)
        stance = [m for m in matches if m.pattern.entry.category in ("hedge", "booster")]
        spans: list[Span] = []
        attributions: list[_Match] = []
        phrases: list[_Match] = []
        reporting: list[_Match] = []
        impersonal: set[int] = set()  # starts of attribution cues of impersonal reports
        for match in matches:
            entry = match.pattern.entry
            category = entry.category
            inside = [other for other in stance if self._strictly_inside(match, other)]
            if inside and category == "attribution" and is_impersonal_report(
                (match.start, match.end), [(o.start, o.end, o.pattern.entry.term) for o in inside]
            ):
                # "is expected to", "was said to": an impersonal report is both a hedge and
                # an attribution, whose source is unnamed (models.attribution)
                impersonal.add(match.start)
            elif inside and category in ("hedge", "booster", "attribution"):
                # "certainly" in "almost certainly" is the hedge, not a booster; "say" in
                # "hard to say" is the writer's doubt, no one's speech.
                continue
            if category == "attribution":
                if quotes and is_quoted(tokens.starts[match.start], quotes):
                    continue  # '“I’ve always said …,” Trump told': the speaker's verb
                if entry.term in _COGNITION and any(
                    a.pattern.entry.term != "reportedly" for a in attributions
                ):
                    continue  # "she said she hopes": the hope is what she said
                if attributions and match.pattern.form.startswith("in "):
                    continue  # "said Tuesday in a statement": one attribution, cue "said"
                if entry.term == _APPLAUSE_TERM and _applause_alone(tokens, match.end - 1):
                    continue  # "The crowd applauded loudly.": clapping, no stance
                if entry.term in _CALL_TERMS and _calls_a_name(tokens, match.end - 1):
                    continue  # "the crowd, which chanted his name": acclaim, no claim
                if match.start > 0 and tokens.gaps[match.start - 1] == ".-":
                    # "the C.I.A.-backed rebels", "U.S.-backed South Vietnam": the second
                    # half of an adjective, as "Koch-backed", one token, is; the noun after
                    # it is no speaker (PolNeAR train gave the false source "rebels")
                    continue
                attributions.append(match)
                continue  # spans below, once the nested ones are dropped
            elif category == "source":
                phrases.append(match)
                continue  # phrases become spans with the other sources below
            if category == "booster" and entry.term == "the fact that" and \
                    _connective_before(tokens, match.start):
                continue  # "Despite the fact that …": a connective, no certainty (audit22)
            if category == "hedge" and entry.term in hedging.REPORTING_HEDGES:
                reporting.append(match)
                continue  # kept below unless a named speaker reports it
            spans.append(self._span(tokens, match, offset, sentence_index))
        ruled = self._rule_matches(tokens, matches, quotes)
        polls = self._in_a_poll(tokens, matches, quotes)
        if polls:
            ruled = [*ruled, *polls]
        if ruled:
            attributions.extend(ruled)
            attributions.sort(key=lambda m: m.start)
        sourced = [m for m in attributions if m.start not in impersonal] if impersonal else attributions
        if len(sourced) > 1:
            # "Trump said Cruz attacked him": "attacked" is what Trump said (models.attribution)
            sourced = _outer_attributions(tokens, sourced)
        if impersonal:
            # An impersonal report nests nothing and takes no source: in "The Times is
            # expected to endorse Clinton" the Times is the source of "endorse".
            attributions = sorted(
                sourced + [m for m in attributions if m.start in impersonal], key=lambda m: m.start
            )
        else:
            attributions = sourced
        unsourced: list[_Match] = []
        found_sources = self._sources(
            tokens, sourced, phrases, offset, sentence_index, unsourced
        )
        if unsourced:
            # "The possibility …, responds to the poor performance": "respond" with no
            # speaker in its sentence is a reaction of things, no report (audit25)
            deeds = [m for m in unsourced if m.pattern.entry.term == _RESPONSE_TERM]
            if deeds:
                attributions = [m for m in attributions if m not in deeds]
        if any(m.pattern.entry.term == "confirm" for m in sourced):
            attributions, found_sources = _without_own_caveats(
                tokens, attributions, found_sources, offset
            )
        spans.extend(self._span(tokens, m, offset, sentence_index) for m in attributions)
        spans.extend(found_sources)
        if reporting:
            spans.extend(
                self._span(tokens, m, offset, sentence_index)
                for m in reporting
                if not self._named_report(tokens, m, attributions, phrases)
            )
        spans.extend(self._colon_cues(tokens, spans, offset, sentence_index, quotes))
        hedged = [
            (m.start, m.end) for m in matches if m.pattern.entry.category == "hedge"
        ]
        spans.extend(_weasel_spans(tokens, hedged, offset, sentence_index))
        spans.sort(key=lambda s: (s.start, s.category, s.end))
        return spans

    def find_in_article(self, article: Article) -> list[Span]:
        """Cues in the headline sentence and every body sentence; offsets index
        ``article.text``. Each sentence's quoted stretches are the article's reading
        (:func:`models.quotations.quotation_intervals`), which the own-voice measures
        share."""
        spans: list[Span] = []
        intervals = quotation_intervals(article)
        names = hedging.mid_sentence_names(article)
        year = hedging.published_year(article)
        for sentence in article.sentences:
            start = sentence.start
            inside = intervals.get(sentence.index)
            quotes = tuple((a - start, b - start) for a, b in inside) if inside else ()
            spans.extend(self.find(article.text[start : sentence.end], offset=start,
                                   sentence_index=sentence.index, quotes=quotes, names=names,
                                   published_year=year))
        spans.sort(key=lambda s: (s.start, s.category, s.end))
        # "Hospital said" where the article writes "the hospital": no name (one sentence
        # at a time, the capital that opens it reads as one)
        return common_nouns_opening(
            article.text, [(s.index, s.start, s.end) for s in article.sentences], spans, names)

    def _rule_matches(
        self,
        tokens: _Tokens,
        matches: Sequence[_Match],
        quotes: Sequence[tuple[int, int]],
    ) -> list[_Match]:
        """Report verbs found by their frame (a that-clause, a quotation next to them) in
        models.attribution, for verbs the lexicon does not list."""
        triggers = rule_triggers(tokens)
        if not triggers and not quotes:
            return []
        taken = [False] * tokens.n
        for match in matches:
            if match.pattern.entry.category in ("hedge", "booster", "attribution"):
                for k in range(match.start, match.end):
                    taken[k] = True
        quoted = quoted_tokens(tokens.starts, tuple(quotes)) if quotes else None
        return [
            _make_match(k, k + 2, self._rule_pattern(GO_ON, kind, ("go", "on"))) if goes_on(tokens, k)
            else _make_match(k, k + 1, self._rule_pattern(tokens.low[k], kind))
            for k, kind in rule_cues(tokens, taken, quoted, triggers)
        ]

    def _in_a_poll(
        self,
        tokens: _Tokens,
        matches: Sequence[_Match],
        quotes: Intervals,
    ) -> list[_Match]:
        """ "In a new poll, 50 percent chose Clinton", "leads in the latest CNN/ORC poll":
        *in* before a poll or survey is an attribution cue whose source is that count
        (PolNeAR marks *in* as the cue)."""
        text = tokens.text
        if ("oll" not in text and "urvey" not in text) or not _POLL_WORD.search(text):
            return []  # most sentences: no poll (two substring tests cost less than a regex)
        taken = {k for m in matches if m.pattern.entry.category == "attribution"
                 for k in range(m.start, m.end)}
        found: list[_Match] = []
        for k in range(tokens.n - 1):
            if tokens.low[k] != "in" or k in taken or tokens.gaps[k]:
                continue
            if k and tokens.gaps[k - 1][-1:] not in _CLAUSE_MARKS:
                continue  # "leads in the polls": a standing in them, no report
            if quotes and is_quoted(tokens.starts[k], quotes):
                continue
            np = self._np_forward(tokens, k + 1, {})
            if np is None:
                continue
            head = np[1]
            for j in range(np[0] + 1, np[1] + 1):
                if tokens.low[j] in _HEAD_BREAKS:
                    head = j - 1
                    break
            comma = next((j for j in range(np[1], min(tokens.n, np[1] + 10)) if tokens.gaps[j]), -1)
            if tokens.base[head] in _POLL_NOUNS and comma >= 0 and tokens.gaps[comma] == ",":
                # "In a CNN poll released Monday, 31% said": an opening adverbial
                found.append(_make_match(k, k + 1, self._rule_pattern("in", _POLL)))
        return found

    def _rule_pattern(self, word: str, kind: str, keys: tuple[str, ...] = ()) -> _Pattern:
        """The pattern of a cue found by its frame (models.attribution), not listed:
        ``word`` ("in", or "go on" for "went on", whose tokens ``keys`` are "go", "on")."""
        pattern = self._rule_patterns.get((word, kind))
        if pattern is None:
            keys = keys or (word,)
            entry = LexiconEntry(
                term=word, category="attribution", subcategory="neutral", forms=(word,),
                note="found by its frame (models.attribution), not listed", file=_RULE,
                takes_recipient=kind != FRAMED,
            )
            pattern = _Pattern(keys, keys, ("",) * (len(keys) - 1), entry, word,
                               noun_form=False)
            self._rule_patterns[(word, kind)] = pattern
        return pattern

    # ------------------------------------------------------------------ matching

    def _scan(self, tokens: _Tokens, index: dict[str, tuple[_Pattern, ...]]) -> list[_Match]:
        """Longest-first, left-to-right matches, no overlaps within a category."""
        number_patterns = index.get(NUMBER_PLACEHOLDER, ())
        openers = self._openers if index is self._scan_index else _openers(index)
        next_free: dict[str, int] = {}
        found: list[_Match] = []
        low, base, n = tokens.low, tokens.base, tokens.n
        # Only the tokens that can open a form (most words open none) are looked at.
        opens = self._opens if index is self._scan_index else _opening_words(index)
        flags = list(map(opens.__contains__, low))
        if base != low:
            flags = list(map(or_, flags, map(index.__contains__, base)))
        if number_patterns and not (tokens.text.isascii() and not _ASCII_DIGIT.search(tokens.text)):
            # (in ASCII text, a token of digits needs a digit 0-9)
            flags = list(map(or_, flags, map(str.isdigit, low)))
        for i in compress(range(n), flags):
            word = low[i]
            following = (low[i + 1], base[i + 1]) if i + 1 < n else ()
            candidates: Sequence[tuple[_Pattern, str, int]]
            if base[i] == word and not (
                number_patterns and (word.isdigit() or word in _NUMBER_WORDS)
            ):
                opener = openers.get(word)
                if opener is None:
                    continue
                if not opener.only_always and not (
                    following
                    and (following[0] in opener.by_second or following[1] in opener.by_second)
                ):
                    continue  # "the", "of", "in": no form they open goes on with the next word
                candidates = opener.viable(following)
            else:
                candidates = _viable(index, word, base[i], number_patterns, following)
            done: set[str] = set()
            for pattern, category, size in candidates:
                if category in done or next_free.get(category, 0) > i:
                    continue
                end = i + size
                if end > n:
                    continue
                if not self._matches_at(pattern, tokens, i):
                    continue
                if not self._accept(pattern, tokens, i, end):
                    continue
                found.append(_make_match(i, end, pattern))
                next_free[category] = end
                done.add(category)
        return found

    @staticmethod
    def _matches_at(pattern: _Pattern, tokens: _Tokens, i: int) -> bool:
        """Whether the pattern matches at token i.

        A loaded word may carry a possessive ("the regime's"); hedges, boosters and report
        verbs may not ("May's parade" is no hedge).
        """
        case_sensitive = pattern.entry.case_sensitive
        last = len(pattern.keys) - 1 if pattern.entry.category == "loaded" else -1
        for k, key in enumerate(pattern.keys):
            j = i + k
            if k and tokens.gaps[j - 1] != pattern.gaps[k - 1]:
                return False
            if key == NUMBER_PLACEHOLDER:
                if not tokens.is_number(j):
                    return False
            elif case_sensitive:
                raw = tokens.raw[j]
                if raw != pattern.exact[k] and not (k == last and raw == pattern.exact[k] + "'s"):
                    return False
            elif tokens.low[j] != key and not (k == last and tokens.base[j] == key):
                return False
        return True

    def _accept(self, pattern: _Pattern, tokens: _Tokens, i: int, end: int) -> bool:
        """The context rules that keep false friends out."""
        entry = pattern.entry
        if entry.category == "hedge":
            if entry.term == "may" and (
                _is_month_may(tokens, i) or hedging.is_non_epistemic_may(tokens, i)
                or hedging.is_root_may(tokens, i) or hedging.is_existential_may(tokens, i)
                or hedging.is_permission_may(tokens, i) or hedging.is_concessive_may(tokens, i)
            ):
                return False  # "in May"; "however hard it may be"; "vinegar may be added"; "players may bid"
            if entry.term == "likely" and hedging.is_poll_sample(tokens, i, end):
                return False  # "among likely voters": a poll's sample, no estimate
            if entry.term == "might" and _is_noun_might(tokens, i):
                return False
            if entry.term in ("might", "may", "could") and hedging.is_entertained_content(tokens, i):
                return False  # "any idea that the officials might resign": the idea's, no estimate
            if entry.term == "possible" and _is_non_epistemic_possible(tokens, i):
                return False
            if entry.term == "seem" and (
                (i > 0 and tokens.low[i - 1] in ("may", "might") and hedging.is_non_epistemic_may(tokens, i - 1))
                or hedging.is_concessive_as(tokens, i)
            ):
                return False  # "however hard it may seem", "as odd as it (might) seem(s), …": a concession
            if entry.term == "appear" and hedging.appears_to_someone(tokens, end):
                return False  # "the ghost appeared to Chloe", "appear to the eye": seen by someone
            if entry.term == "appear" and hedging.is_bare_appear_of_showing_up(tokens, i, end):
                return False  # "appeared in court", "appeared Tuesday": showing up, no hedge
            if entry.term == "unlikely" and hedging.is_surprising_unlikely(tokens, i, end):
                return False  # "an unlikely alliance": a surprise, no estimate
            if entry.term == "potentially" and hedging.is_noun_potential(tokens, i, end):
                return False  # "her full potential", "the potential for growth": a capacity
            if entry.term == "could" and (
                hedging.is_negated_could(tokens, i) or hedging.is_ability_could(tokens, i)
                or hedging.is_non_epistemic_could(tokens, i) or hedging.is_capacity_could(tokens, i)
                or hedging.is_past_ability_could(tokens, i)
            ):
                # "could not be reached"; "could be seen for miles"; "did all they could";
                # "could produce 500 tonnes a day"; "As a child he could swim for miles"
                return False
            if entry.term == "unknown" and hedging.is_obscure_unknown(tokens, i, end):
                return False  # "he was largely unknown", "unknown to the police": no open question
            if entry.term == "suggest" and hedging.is_reported_suggestion(
                tokens, i, self._person_titles
            ):
                return False  # "the governor suggested that": a report (attribution), not an inference
            if entry.term == "indicate" and (
                hedging.is_literal_indicate(tokens, i)
                or hedging.has_person_subject(tokens, i, self._person_titles)
            ):
                return False  # "indicated in Table 2": marking; "he indicated": a report
            if entry.term == "possibility" and (
                hedging.is_option_possibility(tokens, i)
                or hedging.is_anaphoric_possibility(tokens, i)
            ):
                return False  # "the possibility of resigning": an option; "this possibility": a pointer
            if entry.term == "according to" and hedging.is_according_to_a_standard(tokens, i):
                return False  # "sorted according to size": accordance, no source
            if entry.term == "apparently" and hedging.is_evident_apparent(tokens, i):
                return False  # "it became apparent that": evident, no hedge
            if entry.term == "about" and not hedging.is_rounded_figure(tokens, end):
                return False  # "talked about", "around the city": literal, no figure rounded
            if entry.term == "estimated" and hedging.is_estimate_clause(tokens, i):
                return False  # "he estimated that …": a reported estimate (hedging.expectation_at)
            if entry.term == "expected to" and hedging.is_active_expectation(tokens, i):
                return False  # "he expected to win": his expectation, reported (an attribution)
            if entry.term == "would" and hedging.is_non_hypothetical_would(tokens, i):
                return False  # "he said he would attend", "would often call", "would like"
            if entry.term == "i think" and hedging.is_first_person_aside(tokens, i, end):
                return False  # "I think of her as a friend": no claim is hedged
            if entry.term == "don't know" and hedging.is_known_thing(tokens, end):
                return False  # "I don't know him": no open question
        if entry.term == "claim" and (_claims_a_prize(tokens, end) or _passive_claimed_by(tokens, i)):
            return False  # "claimed the title", "claimed 12 lives", "was claimed by": no speech, no doubt
        if pattern.noun_form and not _reads_as_verb(tokens, i):
            return False
        if entry.category == "attribution" and end - i == 1 and _after_determiner(tokens, i):
            return False  # "the reported deaths", "had no say"
        if entry.term in ("decline", "refuse") and end < tokens.n and tokens.is_number(end):
            return False  # "declined to 3 percent": fell, no refusal
        if entry.term in ACT_SENSE_TERMS and is_act_sense(
            tokens, i, entry.term, self._report_words
        ):
            return False  # "are threatened with prosecution", "is being countered by": acts
        if entry.term == "add" and adds_a_thing(tokens, i):
            return False  # "added to the list", "may add extra sailings": no speech
        if entry.term == "state" and tokens.low[i] in ("states", "state") and \
                not states_as_report(tokens, i):
            return False  # "the states that voted", "Secretary of State": the noun
        if entry.term == "report" and is_not_a_report(tokens, i):
            return False  # "(Additional reporting by …)", "precincts reporting"
        if entry.term == "say" and is_discourse_said(tokens, i):
            return False  # "That said, …", "Having said that, …": a concession, no speech
        if entry.term == "call" and not _calls_as_speech(tokens, i):
            return False  # "a group called X" names a thing
        if entry.term == "show" and end - i == 1 and (
            not _reads_as_verb(tokens, i) or _show_then_to(tokens, i)
        ):
            # "showed" is no noun, but "showed up" and "the show" are no report; nor
            # "took to the talk shows to defend": "show to" is the noun or "show to a seat"
            return False
        if entry.category == "attribution" and entry.term in _COGNITION and _first_person(tokens, i):
            return False  # "I believe", "we want": the speaker's own stance inside a quote
        return True

    @staticmethod
    def _strictly_inside(inner: _Match, outer: _Match) -> bool:
        return (
            outer.start <= inner.start
            and inner.end <= outer.end
            and (outer.end - outer.start) > (inner.end - inner.start)
        )

    def _span(self, tokens: _Tokens, match: _Match, offset: int, sentence_index: int) -> Span:
        entry = match.pattern.entry
        low, high = entry.probability_low, entry.probability_high
        negated = False
        if entry.category in ("hedge", "booster"):
            # A negation right after an estimate negates the claim, not the estimate
            # (Palmer 2001: epistemic "might not" is "possibly not"): "might never
            # reopen", "may never", "probably not", "mightn't" are counted, with the range
            # of the claim without the negation, as "I don't think" is read as "unlikely".
            # Not "may not", the form of a prohibition ("officials may not resign"), nor
            # hypothetical "would not" (no range): negated (uncounted) as before.
            epistemic = entry.subcategory == "epistemic"
            contracted = epistemic and tokens.low[match.start] in _INNER_CONTRACTIONS
            negated = not contracted and _is_negated(
                tokens, match.start, match.end, after=epistemic
            )
            inner = contracted or (
                negated and epistemic and entry.term != "would"
                and not _is_negated(tokens, match.start, match.end, after=False)
                and not (tokens.low[match.end - 1] == "may" and tokens.low[match.end] == "not")
            )
            negated = negated and not inner
            if (negated or inner) and low is not None and high is not None:
                low, high = round(1.0 - high, 4), round(1.0 - low, 4)
        start, end = tokens.starts[match.start], tokens.ends[match.end - 1]
        if tokens.low[match.end - 1].endswith("'s") and not match.pattern.keys[-1].endswith("'s"):
            end -= 2  # "the regime’s": the span is "regime"
        return make_span(
            offset + start, offset + end, tokens.text[start:end], entry.category,
            entry.subcategory, entry.term, sentence_index, low, high, negated,
        )

    # ------------------------------------------------------------------ colons

    def _colon_cues(
        self,
        tokens: _Tokens,
        spans: Sequence[Span],
        offset: int,
        sentence_index: int,
        quotes: Sequence[tuple[int, int]] = (),
    ) -> list[Span]:
        """A colon that hands the floor to a speaker is an attribution cue (PARC, PolNeAR):
        'Trump: "I will win"', 'Clinton camp: Trump threatens security'. With its source,
        the name before it, when that names one."""
        found: list[Span] = []
        if ":" not in tokens.text:
            return found
        for k in range(tokens.n - 1):
            gap = tokens.gaps[k]
            if not gap.startswith(":"):
                continue
            colon = tokens.text.index(":", tokens.ends[k])
            if quotes and is_quoted(colon, tuple(quotes)):
                continue  # a colon inside a quotation is the speaker's punctuation
            rest = gap[1:].lstrip()
            if "\n" in tokens.text[colon : tokens.starts[k + 1]]:
                continue  # "This year's winners are:" and a list below: no speaker
            quoted = rest[:1] in ("“", '"') or (
                rest[:1] in ("'", "‘")
                and _SINGLE_QUOTED.match(tokens.text[colon + 1:].lstrip()) is not None)
            # A short lead of capitalised words: "Trump:", "NY Daily News:", "Poll:".
            short_lead = (
                k < 5
                and not tokens.lead
                and all(not tokens.gaps[m] for m in range(k))
                and tokens.is_capitalised(0)
                and tokens.is_capitalised(k + 1)
                # It ends in a name or a source word: "Trump:", "Poll:", not "The result:"
                and (tokens.is_capitalised(k) or tokens.base[k] in self._source_heads)
            )
            if short_lead and not quoted and tokens.low[k] in _NOT_SPEAKERS:
                continue  # "The Latest:", "Correction:", "Tuesday:": a label, not a speaker
            if short_lead and not quoted and _shouted_kicker(tokens.raw[: k + 1]):
                continue  # "POISONED:", "FIX IS IN:": a kicker in capitals, not a speaker
            if not (quoted or short_lead):
                continue
            if any(s.category == "attribution" and s.start - offset <= tokens.ends[k]
                   for s in spans):
                # 'Trump said: "…"', 'Sembler responded in a text message: "…"': the verb
                # before the colon is the cue of the quotation, the colon only punctuates.
                continue
            np = self._np_backward(tokens, k, {})
            if short_lead and np is not None and np[0] >= 2 and \
                    tokens.low[np[0] - 1] in _PREPOSITIONS and \
                    tokens.low[np[0] - 1] not in _SPEAKER_PREPOSITIONS:
                # "Obama on Climate Change:", "Clinton to Planned Parenthood:": the name
                # after the preposition is the topic or the audience; the speaker opens
                # the lead, and a lead that opens with no source ("Stealth Over Health:",
                # "Big Win For Bernie:") is a headline's first half, no one speaking. A
                # lead's capitals say no name: a person is one only with a lexicon word
                # ("CNN President", "Former AG Mukasey") or a first word the article
                # writes as a name inside a sentence ("Obama"; not "Stealth", "Big")
                np = self._np_backward(tokens, np[0] - 2, {})
                speaker = self._type_np(tokens, *np) if np is not None else None
                if np is None or np[0] != 0 or speaker is None or (
                    speaker[0] == "person"
                    and not any(tokens.base[m] in self._source_heads
                                for m in range(np[0], np[1] + 1))
                    and not first_word_named(tokens.text, tokens.names)
                ):
                    continue
            typed = self._type_np(tokens, *np) if np is not None else None
            if short_lead and not quoted and tokens.low[0] in _ARTICLES and \
                    (typed is None or typed[0] == "person"):
                # "The Ninth Circle: The Hellish View …", "A Look Back: …": a person's name
                # takes no article, so a lead opened by one that names no lexicon source
                # ("The Hill", "The Kremlin") is a title's first half, not a speaker.
                continue
            found.append(
                make_span(offset + colon, offset + colon + 1, ":", "attribution", "neutral", ":",
                          sentence_index)
            )
            if np is not None and typed is not None and not any(
                s.category == "source" and s.start - offset < tokens.ends[np[1]]
                and tokens.starts[np[0]] < s.end - offset for s in spans
            ):
                start, end = tokens.starts[np[0]], tokens.ends[np[1]]
                found.append(
                    make_span(offset + start, offset + end, tokens.text[start:end], "source",
                              typed[0], typed[1], sentence_index)
                )
        return found

    # ------------------------------------------------------------------ sources

    def _sources(
        self,
        tokens: _Tokens,
        attributions: Sequence[_Match],
        phrases: Sequence[_Match],
        offset: int,
        sentence_index: int,
        unsourced: list[_Match] | None = None,
    ) -> list[Span]:
        """The source spans of ``attributions`` and ``phrases``; the attributions that
        got none are appended to ``unsourced`` when given."""
        if not attributions and not phrases:
            return []  # most sentences: no cue to find a source for
        phrase_starts = {m.start: m.end - 1 for m in phrases}
        phrase_ends = {m.end - 1: m.start for m in phrases}
        clauses = withheld_identity(tokens.text)
        # "who requested anonymity": the clause's verb reports nothing of its own
        inside = withholding_relative_clauses(tokens.text) if clauses[0] else []
        # (first token, last token, subcategory, term, rank); lower rank wins a tie
        found: list[tuple[int, int, str, str, int]] = []
        for match in attributions:
            if any(start < tokens.starts[match.start] < end for start, end in inside):
                continue
            before = len(found)
            self._source_of(tokens, match, phrase_starts, phrase_ends, clauses, found)
            if unsourced is not None and len(found) == before:
                unsourced.append(match)
        for source in list(found):
            # "four sources – including a former FSB officer and a political strategist
            # working with a governor – told": each member typed is a source too
            found.extend(self._listed_sources(tokens, source[1], phrase_starts, clauses))
        for match in phrases:
            if _describes_a_source(tokens, match.start):
                continue  # "another source described as an acquaintance of …": one source
            last = match.end - 1
            if tokens.low[last] in _PREPOSITIONS or tokens.low[last] == "of":
                tail = self._np_forward(tokens, match.end, phrase_starts)
                if tail is not None:
                    last = tail[1]
            found.append((match.start, last, "anonymous", _np_term(tokens, match.start, last), 1))
        found.sort(key=lambda f: (f[0] - f[1], f[4], f[0]))
        taken: list[tuple[int, int]] = []
        spans: list[Span] = []
        for first, last, subcategory, term, _rank in found:
            if any(first <= t_last and t_first <= last for t_first, t_last in taken):
                continue
            taken.append((first, last))
            if _opening_adverb(tokens, first, last):
                # "Later the spokesman said", "Now Jeb Bush hopes": the subject without
                # the adverb that opens its clause (the subject walk reads across it)
                adverb = tokens.low[first]
                first += 1
                if term.startswith(adverb + " "):
                    term = term[len(adverb) + 1:]
            start, end = tokens.starts[first], tokens.ends[last]
            if tokens.text.startswith("%", end):
                end += 1  # "47% say": the share with its sign
            spans.append(
                make_span(
                    offset + start, offset + end, tokens.text[start:end], "source",
                    subcategory, term, sentence_index,
                )
            )
        return spans

    def _listed_sources(
        self,
        tokens: _Tokens,
        last: int,
        phrase_starts: dict[int, int],
        clauses: tuple[tuple[int, ...], bool],
    ) -> list[tuple[int, int, str, str, int]]:
        """The sources that "including" lists right after a source ending at token
        ``last`` (after a comma, a dash or a bracket), each member's noun phrase typed:
        "four sources – including a former FSB officer and a political strategist working
        with a governor – told" lists two anonymous sources."""
        k = last + 1
        if k >= tokens.n or tokens.low[k] != "including" or tokens.gaps[last] not in _LIST_MARKS:
            return []
        listed: list[tuple[int, int, str, str, int]] = []
        start = k + 1
        while start < tokens.n and start - k < 25:
            np = self._np_forward(tokens, start, phrase_starts)
            if np is None:
                break
            typed = self._type_np(tokens, *np, withheld=_withheld(tokens, np[1], clauses))
            if typed is not None:
                listed.append((np[0], np[1], typed[0], typed[1], 1))
            j = np[1]
            # the next member follows a comma or "and"; a participle or a prepositional
            # phrase after the head ("working with a governor") is stepped over
            while j + 1 < tokens.n and not tokens.gaps[j] and tokens.low[j + 1] not in (
                "and", "or"
            ) and tokens.low[j + 1] not in self._report_words and j - k < 25:
                j += 1
            if tokens.gaps[j] == ",":
                start = j + 1
                if start < tokens.n and tokens.low[start] in ("and", "or"):
                    start += 1
            elif not tokens.gaps[j] and j + 1 < tokens.n and tokens.low[j + 1] in ("and", "or"):
                start = j + 2
            else:
                break
        return listed

    def _source_of(
        self,
        tokens: _Tokens,
        match: _Match,
        phrase_starts: dict[int, int],
        phrase_ends: dict[int, int],
        clauses: tuple[tuple[int, ...], bool],
        found: list[tuple[int, int, str, str, int]],
    ) -> None:
        """Append the source of the attribution ``match`` to ``found``, if it has one:
        the noun phrase the cue points to, else a pronoun or a participle's subject."""
        for np in self._source_np(tokens, match, phrase_starts, phrase_ends):
            typed = self._type_np(tokens, *np, withheld=_withheld(tokens, np[1], clauses))
            if typed is None and match.pattern.entry.term == "according to" and \
                    not hedging.is_according_to_a_standard(tokens, match.start):
                # "according to early returns", "according to him": the object is the source
                typed = _untyped_object(tokens, *np)
            if typed is not None and self._unnamed_person(tokens, *np, typed[0]):
                # "Trump's wife, Melania, said", "said his spokesman, Dmitry Peskov":
                # the name in apposition is the source, one span with its description
                name_last = _appositive_name(tokens, np[1], match.start)
                # typed by the name alone: "Duncan Hunter's chief of staff, Joe Kasper"
                # is Joe Kasper, whatever the description's head
                named = (
                    self._type_np(tokens, np[1] + 1, name_last) if name_last >= 0 else None
                )
                if named is not None and named[0] == "person":
                    np, typed = (np[0], name_last), named
            if typed is not None and typed[0] == DESCRIBED and _generic_person(tokens, *np):
                break  # "What do you call a boy who calls himself a girl?": no one
            if typed is not None:
                last = np[1]
                if _relative_pronoun_of(tokens, last + 1, match.start):
                    last += 1  # "Mr. Trump, who said": the source is named and "who"
                found.append((np[0], last, typed[0], typed[1], 0))
                break
        else:
            if _reduced_passive_as(tokens, match):
                return  # "A man described as a loner was arrested": no one described him
            k = _pronoun_subject(tokens, match.start, match.end)
            if match.pattern.entry.term == "reportedly":
                k = -1
            elif k >= 0 and tokens.low[k] in _FIRST_PERSON and _single_quote_before(tokens, k):
                return  # "'I said no,' the mayor recalled": single quotes are not tracked
            if k >= 0 and (k < match.start or not match.pattern.entry.takes_recipient):
                found.append((k, k, PRONOUN, _bare(tokens.low[k]), 2))
            elif k < 0:
                subject = self._participle_subject(
                    tokens, match.start, phrase_starts, clauses
                )
                term = match.pattern.entry.term
                if subject is None and term in _SAYING_TERMS:
                    subject = self._plain_subject(tokens, match.start, term in _SHOWING_TERMS)
                if subject is None:
                    subject = self._main_clause_subject(tokens, match.start, phrase_ends, clauses)
                if subject is not None:
                    found.append(subject)

    def _main_clause_subject(
        self,
        tokens: _Tokens,
        start: int,
        phrase_ends: dict[int, int],
        clauses: tuple[tuple[int, ...], bool],
    ) -> tuple[int, int, str, str, int] | None:
        """The subject of the sentence's main clause for a cue that continues it after "and"
        or "but" ("… and explained") or as a participle after a comma ("…, saying"), where
        the clause runs over commas the nearer rules stop at: "The minister toured the old
        port in Hull, Yorkshire and explained", "A month later, he paid a visit to the
        border in Laredo, Texas and explained" (source first, last token, subcategory, term,
        rank), or None. The subject opens the sentence (after "And", "But" or a short
        opening phrase and its comma) and its verb follows it; between it and the cue
        stands no report verb, no clause of its own (a pronoun, "who", "when", "that" ...)
        and no quotation mark, bracket, dash or colon."""
        k = start - 1
        while k > 0 and not tokens.gaps[k - 1] and (
            tokens.low[k] in _ADVERBS_BEFORE_VERB or tokens.low[k] in _AUXILIARIES
        ):
            k -= 1  # "… and has repeatedly said": the conjunction before the verb group
        if k > 0 and tokens.low[k] in ("and", "but") and not tokens.gaps[k]:
            anchor = k
        elif k == start - 1 and tokens.low[start].endswith("ing") and tokens.gaps[k] == ",":
            anchor = start
        else:
            return None
        if tokens.lead or anchor > _MAIN_CLAUSE_REACH:
            return None
        first = 0
        while first < anchor and tokens.low[first] in ("and", "but", "so", "yet") and \
                not tokens.gaps[first]:
            first += 1
        comma = next((m for m in range(first, min(anchor, first + 6)) if tokens.gaps[m]), -1)
        if comma >= 0 and tokens.gaps[comma] == "," and _fronted_adverbial(tokens, comma):
            first = comma + 1  # "A month later, he …", "On Tuesday, the minister …"
        else:
            first = _after_time_span(tokens, first, anchor)  # "A few minutes later they …"
        appositive_verb = -1
        aside_words = -1  # where the main clause resumes after a relative clause, if any
        brackets = _short_brackets(tokens, first, anchor)
        if tokens.low[first] in _MAIN_CLAUSE_PRONOUNS:
            subject: tuple[int, int] | None = (first, first)
        else:
            subject = None
            for verb in range(first + 1, min(anchor, first + _OPENING_SUBJECT_REACH)):
                if verb - 1 in brackets and tokens.gaps[verb - 1].strip() == "(":
                    continue  # "George Zimmerman (left) shot": the aside is no verb
                if verb - 1 in brackets:
                    if not (tokens.low[verb] in _AUXILIARIES or tokens.low[verb] in _BE_FORMS
                            or tokens.low[verb] in _PASTS_AFTER_AN_APPOSITION
                            or _past_verb(tokens, verb) or past_or_present(tokens, verb)):
                        return None
                    # "George Zimmerman (left) shot": the name before the bracket opens
                    subject = self._np_backward(
                        tokens, max(m for m in brackets if m < verb - 1), phrase_ends
                    )
                    appositive_verb = verb
                    break
                if tokens.gaps[verb - 1] and verb - 1 not in brackets and not (
                    _title_dot(tokens, verb - 1) or _initial_dot(tokens, verb - 1)
                ):
                    after = _apposition_end(tokens, verb - 1, anchor)
                    if after < 0:
                        after = _relative_clause_end(tokens, verb - 1, anchor)
                        aside_words = after
                    if after < 0:
                        return None  # "In Hull, Yorkshire …": no subject opens the sentence
                    # "Gary Emineth, a former state party chairman, became a delegate and
                    # said": the name, then its verb after the apposition
                    subject = self._np_backward(tokens, verb - 1, phrase_ends)
                    while subject is not None and subject[0] > first and \
                            _title_dot(tokens, subject[0] - 1):
                        subject = (subject[0] - 1, subject[1])  # "Mr. Sanders, whose …"
                    appositive_verb = after
                    break
                if _people_plural(tokens, verb) or (
                    tokens.low[verb].endswith("s") and not tokens.is_capitalised(verb)
                    and tokens.low[verb] in self._source_heads
                    and tokens.low[verb] not in self._report_words
                ):
                    # "Sanders supporters are crying", "The officials reversed": the head,
                    # no verb in -s (a lexicon source's plural as well as a people plural)
                    continue
                if tokens.low[verb] in _AUXILIARIES or tokens.low[verb] in _BE_FORMS or \
                        past_or_present(tokens, verb) or _past_verb(tokens, verb):
                    head = verb - 1
                    while head > first and not tokens.gaps[head - 1] and _is_adverb(tokens, head):
                        head -= 1  # "Trump further summed up": the adverb is the verb's
                    subject = self._np_backward(tokens, head, phrase_ends)
                    while subject is not None and subject[0] > first and \
                            _title_dot(tokens, subject[0] - 1):
                        subject = (subject[0] - 1, subject[1])  # "Sen. Lindsey Graham"
                    if subject is not None and tokens.is_capitalised(subject[1]) and \
                            _name_with_of_or_for(tokens, first, subject[0]):
                        # "the U.S. Court of Appeals for the 6th Circuit overruled": one name
                        subject = (first, subject[1])
                    break
        if subject is None or subject[0] != first:
            return None
        verb = appositive_verb if appositive_verb >= 0 else subject[1] + 1
        pronoun = subject[0] == subject[1] and tokens.low[first] in _MAIN_CLAUSE_PRONOUNS
        if verb >= anchor or (tokens.gaps[subject[1]] and appositive_verb < 0) or not (
            pronoun or verb == appositive_verb or tokens.low[verb] in _AUXILIARIES or tokens.low[verb] in _BE_FORMS
            or past_or_present(tokens, verb) or _past_verb(tokens, verb) or _is_adverb(tokens, verb)
        ):
            return None  # the subject's own verb follows it at once ("he paid")
        own_verb = verb
        while own_verb < anchor - 1 and _is_adverb(tokens, own_verb):
            own_verb += 1
        quoted = _short_quotation_marks(tokens, subject[1], anchor)
        quoted |= brackets
        for m in range(subject[1] if aside_words < 0 else aside_words - 1, anchor):
            if m not in quoted and any(mark in tokens.gaps[m] for mark in _MAIN_CLAUSE_STOPS):
                return None
            word = tokens.low[m] if m > subject[1] else ""
            if word == "that" and tokens.low[m + 1] in _VERB_PARTICLES and not tokens.gaps[m]:
                continue  # "She brought that down to $42,000 …, but said": no clause
            if word in self._report_words and m == own_verb:
                continue  # "Sanders pledged Saturday to rid …, but said": the subject's own verb
            if word == "as" and _as_a_role(tokens, m, quoted):
                continue  # "summed up Clinton as “terrible,”", "her record as secretary of state"
            if word in self._report_words and _listed_verb(tokens, m, own_verb, quoted):
                continue  # "Trump summed up Clinton as “terrible,” denounced her record … and said"
            if word in self._report_words or word in _RELATIVE_PRONOUNS or \
                    word in _MAIN_CLAUSE_PRONOUNS or word in _CLAUSE_CONJUNCTIONS:
                return None  # "Sandoval said that he had voted …, but cautioned"
        if pronoun:
            return first, first, PRONOUN, tokens.low[first], 2
        typed = self._type_np(tokens, *subject, withheld=_withheld(tokens, subject[1], clauses))
        if typed is None:
            return None
        return subject[0], subject[1], typed[0], typed[1], 0

    def _plain_subject(
        self, tokens: _Tokens, start: int, showing: bool
    ) -> tuple[int, int, str, str, int] | None:
        """The subject of a verb of saying or showing at token ``start`` whose head no
        lexicon types: a noun phrase in lower case that opens its clause right before the
        verb (adverbs and auxiliaries between), marked by a determiner, a possessive, a
        number or a plural ("the airline said", "The note says", "hacking specialists
        say", "the inquiry found"): a text or count, a document, as an untyped object of
        *according to* is, where the verb is one of showing (``showing``) or the head
        names a text (``text_noun``: "the ruling says"); a group where a plural says; else
        one speaker described, not named ("the announcer said", "the lifeguard said")
        (source first, last token, subcategory, term, rank), or None."""
        if tokens.low[start].endswith("en") or tokens.low[start] in _BE_FORMS:
            return None  # "notes written in the margins", "was asked": no subject's act
        j = start - 1
        while j > 0 and not tokens.gaps[j] and (
            tokens.low[j] in _AUXILIARIES or _is_negator(tokens.low[j]) or
            _is_adverb(tokens, j) or _before_the_verb(tokens, j)
        ):
            j -= 1
        if j < 0 or tokens.gaps[j]:
            return None
        head = tokens.low[j]
        if not head.replace("-", "").isalpha() or tokens.is_capitalised(j) or head == "of" or \
                head in _NP_STOP or \
                head in self._report_words or head.endswith(("ed", "ing")) or \
                (head.endswith("ly") and head not in _NOUNS_ENDING_IN_LY) or \
                head in _DETERMINERS or head in _INDEFINITE or head in _NOT_A_PLAIN_HEAD:
            return None
        first = j
        while first > 0 and j - first < 5 and not tokens.gaps[first - 1] and \
                tokens.low[first - 1] not in _PARTICIPLE_OPENERS and \
                tokens.low[first - 1] not in _NP_STOP and \
                tokens.base[first - 1] not in _NP_STOP and \
                not _is_adverb(tokens, first - 1) and \
                tokens.low[first - 1] not in _FOCUS_WORDS and \
                tokens.low[first - 1] not in _QUESTION_WORDS and \
                tokens.low[first - 1] not in _PARTICLES_AFTER_A_VERB and \
                self._premodifier(tokens, first - 1) and \
                not _article_opens(tokens, first):
            first -= 1
        if first == 0:
            opens = not tokens.lead
        else:
            opens = bool(tokens.gaps[first - 1]) or \
                tokens.low[first - 1] in _PARTICIPLE_OPENERS or \
                _opening_time_phrase(tokens, first - 1)  # "Last year the airline said"
        if not opens:
            return None  # "He rejected a plan the council's lawyers said …": no clause opens
        plural = head.endswith("s") and not head.endswith("ss")
        if not (plural or first < j):
            return None  # "Passage says": a bare singular noun is no subject of its own
        if showing or head in _COUNTED_THINGS or text_noun(head):
            # "the numbers show", "the inquiry found", "The numbers say", "the ruling says"
            kind = DOCUMENT
        elif plural:
            kind = GROUP
        else:
            # one speaker by a noun no lexicon knows: "the announcer said", "a reader
            # asks", "the lifeguard said", "the admiral said", "the bank said"; a text
            # that says is one of the known heads above
            kind = DESCRIBED
        return first, j, kind, _np_term(tokens, first, j), 0

    def _named_report(
        self,
        tokens: _Tokens,
        hedge: _Match,
        attributions: Sequence[_Match],
        phrases: Sequence[_Match],
    ) -> bool:
        """Is the reporting hedge (*suggest, indicate*) the cue of an attribution whose
        source is a named speaker (``hedging.named_report``)? Then it is a report, which
        the sourcing measures count, not the writer's hedge."""
        cue = next((m for m in attributions if m.start == hedge.start), None)
        if cue is None:
            return False  # "Trump said the data suggest": inside what was said, no source of its own
        phrase_starts = {m.start: m.end - 1 for m in phrases}
        phrase_ends = {m.end - 1: m.start for m in phrases}
        for first, last in self._source_np(tokens, cue, phrase_starts, phrase_ends):
            typed = self._type_np(tokens, first, last)
            if typed is not None:
                return hedging.named_report(
                    tokens, hedge.start, hedge.pattern.entry.term, typed[0], first, last
                )
        return False

    def _participle_subject(
        self,
        tokens: _Tokens,
        start: int,
        phrase_starts: dict[int, int],
        clauses: tuple[tuple[int, ...], bool] = ((), False),
    ) -> tuple[int, int, str, str, int] | None:
        """The subject of the clause a participle cue hangs from: "Clinton reprimanded
        Trump, saying …", "Trump picked up from his daughter by saying …" (source first,
        last token, subcategory, term, rank), or None."""
        if start < 2:
            return None
        # "… and then said", "… but later told": adverbs between the conjunction and the verb
        conjunction = start - 1
        while conjunction > 1 and not tokens.gaps[conjunction] and \
                tokens.low[conjunction] in _ADVERBS_BEFORE_VERB:
            conjunction -= 1
        coordinated = tokens.low[conjunction] in ("and", "but") and \
            not tokens.gaps[conjunction]
        if not coordinated and not tokens.low[start].endswith("ing"):
            return None
        if coordinated:
            start = conjunction + 1
            if tokens.gaps[conjunction - 1].strip() == "," and conjunction > 1:
                # "The judge rubbed his chin, and then said": the comma before the
                # conjunction is no end of the clause whose subject is sought
                start = conjunction
        else:
            participle = start
            # "Obama took a lighter tone, still calling out", "Trump, later alleging"
            while start > 2 and not tokens.gaps[start - 1] and _is_adverb(tokens, start - 1):
                start -= 1
        gap = tokens.gaps[start - 1]
        if coordinated:
            pass  # "He shook hands and asked workers": the clause's subject
        elif gap != ",":
            if gap:
                return None
            if tokens.low[start - 1] in _PARTICIPLE_LINKS:
                if tokens.gaps[start - 2]:
                    return None
            elif not self._cites_after_its_verb(tokens, start, participle):
                return None
        first = start - 1
        while first > 0 and (
            not tokens.gaps[first - 1]
            or _title_dot(tokens, first - 1)
            or _initial_dot(tokens, first - 1)
        ):
            first -= 1
        if first == 0 and tokens.lead:
            return None
        while first < start - 1 and tokens.low[first] in _PARTICIPLE_OPENERS:
            first += 1  # "And now Mr. Manafort has taken on …, seeking": the subject
        embedded = self._reported_clause_subject(tokens, first, start)
        if embedded is not None:
            # "The ministry said the officials resigned citing …": the officials cite
            if embedded[0] == embedded[1] and tokens.base[embedded[0]] in ("he", "she", "they"):
                return embedded[0], embedded[0], PRONOUN, tokens.base[embedded[0]], 2
            typed = self._type_np(
                tokens, *embedded, withheld=_withheld(tokens, embedded[1], clauses)
            )
            return None if typed is None else (*embedded, typed[0], typed[1], 0)
        if tokens.low[first] in _PREPOSITIONS or tokens.low[first] == "of":
            return None  # "… “Perception” on his Facebook page, writing": no subject here
        if tokens.base[first] in ("he", "she", "they"):
            # "He’s comparing the gun actions …, saying": the contraction's pronoun
            return first, first, PRONOUN, tokens.base[first], 2
        if tokens.base[first] in _NO_SUBJECT_SOURCE:
            return None  # "That’s partly why …", "It was …, saying": nobody who reports
        if coordinated and tokens.low[first] in _OPENS_WITH_A_VERB:
            # "…, did not mention Trump by name, but told", "(R-Ky.) said Rubio's plan …
            # and": the clause opens with its verb; its subject is further back
            return None
        # The clause's opening noun phrase: "Hillary Clinton", "Mr. Trump", "the senator".
        last = -1
        owner = -1  # a possessive the phrase reads on from: "China's state-owned giant"
        m = first
        while m < start and m - first < 8:
            if m > first and tokens.gaps[m - 1] and not _title_dot(tokens, m - 1):
                break
            if owner >= 0 and (tokens.low[m] in _PREPOSITIONS
                               or tokens.low[m] in ("of", "toward", "towards")):
                break  # "President Obama's policy toward Syria": no head after the owner
            if self._head_like(tokens, m):
                last = m
            elif last >= 0 and last == m - 1 and _possessive(tokens.raw[last]) and \
                    self._premodifier(tokens, m):
                # "Lowe's younger sister", "The Pentagon's recent top adviser": the head
                # follows the owner and its modifiers
                owner, last = last, -1
            elif tokens.low[m] in ("of", "for") and last == m - 1 and m > first and \
                    tokens.is_capitalised(last) and _capitalised_after(tokens, m + 1, start):
                pass  # "The Department of Justice overruled …": one name across "of"
            elif not (tokens.low[m] in _DETERMINERS or (last < 0 and self._premodifier(tokens, m))):
                break
            m += 1
        if last < 0:
            last = owner  # "Ryan's language …": the owner, when no source head follows
        if last < 0:
            return None
        if coordinated and last == conjunction - 1 and first > 0:
            # "she toured the port in Hull, Yorkshire and explained": the phrase right
            # before the conjunction has no verb of its own, so it is no clause's subject
            # (the comma was inside a place's name)
            return None
        if (last >= start - 1 or tokens.gaps[last]) and first > 0:
            # "a letter to Columbia's president, Lee C. Bollinger, calling": no verb of its
            # own between the phrase and the participle, so no clause whose subject it is;
            # but "Nate Cohn, writing in The New York Times, noticed": the sentence's subject
            return None
        if (
            _possessive(tokens.raw[last])
            and first > 0
            and "," in tokens.gaps[first - 1]
            and tokens.is_capitalised(first - 1)
            and tokens.low[first - 1] not in _CALENDAR_WORDS
        ):
            # "Uzi Arad, Mr. Netanyahu's former adviser, referring", "at Mar-a-Lago, Mr.
            # Trump's private club, calling": an apposition to the name before it
            return None
        typed = self._type_np(tokens, first, last, withheld=_withheld(tokens, last, clauses))
        if typed is None:
            return None
        return first, last, typed[0], typed[1], 0

    def _reported_clause_subject(
        self, tokens: _Tokens, first: int, start: int
    ) -> tuple[int, int] | None:
        """The subject of a reported clause that a participle at token ``start`` follows
        right after its verb, in the clause from token ``first``: "The ministry said (that)
        the officials resigned(,) citing …" (first, last token), or None. The clause is
        the subject and a past verb alone (with auxiliaries, adverbs, a particle or a
        time): the participle hangs on that verb. After a longer clause it goes with the
        report ("Analysts said geopolitical factors have contributed to …, citing": the
        analysts cite; so in every such PolNeAR sentence)."""
        for r in range(first, start - 2):
            if tokens.gaps[r]:
                return None
            if tokens.low[r] not in self._report_words:
                continue
            opening = r + 2 if tokens.low[r + 1] == "that" else r + 1
            verb = start - 1
            while verb > opening and (
                tokens.low[verb] in _VERB_PARTICLES or tokens.low[verb] in _TIME_WORDS
                or tokens.low[verb] in _CALENDAR_WORDS or tokens.low[verb] == "on"
            ):
                verb -= 1  # "resigned on Monday", "stepped down"
            if verb <= opening or not _past_verb(tokens, verb):
                return None  # "… have contributed to elevating its appeal, citing"
            last = verb - 1
            while last > opening and (
                tokens.low[last] in _AUXILIARIES or tokens.low[last] in _BE_FORMS
                or _is_adverb(tokens, last)
            ):
                last -= 1  # "had abruptly resigned"
            if tokens.low[opening] in ("he", "she", "they"):
                return (opening, opening) if last == opening else None
            np = self._np_backward(tokens, last, {})
            while np is not None and np[0] > opening and _title_dot(tokens, np[0] - 1):
                np = (np[0] - 1, np[1])  # "Mr. Smith quit"
            if np is None or np[0] != opening:
                return None  # the subject and its verb, nothing else
            return np
        return None

    def _cites_after_its_verb(self, tokens: _Tokens, start: int, participle: int) -> bool:
        """Is "citing" at token ``participle``, with no comma before it, the participle of
        the clause whose verb phrase ends at token ``start - 1`` ("Two commanders have
        previously resigned citing conditions at the front", "The minister quit on Monday
        citing health reasons", "The firm halted sales citing safety"), so that the
        clause's subject is who cites, as after a comma? The verb phrase ends in its verb
        in the past, a particle after it ("stepped down"), a time ("on Monday") or an
        object that names no source: after "met officials" the participle is the
        officials' ("He met officials citing concerns"). A noun phrase follows "citing",
        and no verb follows that phrase: in "He said citing polls was wrong" the
        participle is a gerund, the subject of its own clause."""
        low, gaps = tokens.low, tokens.gaps
        if low[participle] not in ("citing", "saying") or participle + 1 >= tokens.n or \
                gaps[participle]:
            return False
        if low[participle] == "saying":
            # "resigned saying that he was tired", "left saying they would return": what
            # was said follows as a clause; "said saying no was hard" is a gerund
            if low[participle + 1] != "that" and low[participle + 1] not in _SAYING_SUBJECTS:
                return False
        elif low[participle + 1] in _NOT_AFTER_CITING:
            return False  # "citing of", "citing to": no cited noun phrase follows
        else:
            for m in range(participle + 1, min(tokens.n, participle + 10)):
                if low[m] in _AUXILIARIES or low[m] in _BE_FORMS:
                    return False  # "citing polls was wrong": the gerund is a subject
                if gaps[m]:
                    break
        verb = start - 1
        if low[verb] in _VERB_PARTICLES and verb > 0 and not gaps[verb - 1]:
            verb -= 1  # "stepped down citing"
        if _past_verb(tokens, verb):
            return True
        # The verb phrase goes on after its verb: a time ("resigned on Monday") or an
        # object ("halted sales"); its verb comes earlier in the clause.
        k = start - 1
        if low[k] in _NOT_AN_OBJECT or not low[k].isalpha():
            return False
        if not (low[k] in _CALENDAR_WORDS or low[k] in _TIME_WORDS or low[k] in _TIME_NOUNS):
            if self._type_np(tokens, k, k) is not None:
                return False  # "met officials citing concerns": the officials cite
        m = k - 1
        while m >= 0 and not gaps[m] and k - m <= 6:
            if _past_verb(tokens, m):
                return True
            m -= 1
        return False

    def _source_np(
        self,
        tokens: _Tokens,
        match: _Match,
        phrase_starts: dict[int, int],
        phrase_ends: dict[int, int],
    ) -> list[tuple[int, int]]:
        """Noun phrases (first, last token) an attribution cue may attribute to, best first.

        The caller keeps the first one that types as a source.
        """
        entry, form = match.pattern.entry, match.pattern.form.lower()
        if entry.term == "according to" or (
            entry.term == "cite" and tokens.low[match.start] == "citing"
        ):
            # "…, citing four sources": whom the report relies on; but "The letter cited a
            # summit": the subject, as for any report verb (PolNeAR train: the Source of
            # cite/cites/cited stands before it in 49 of 50 attributions)
            np = self._np_forward(tokens, match.end, phrase_starts)
            if np is None and entry.term == "according to" and \
                    not hedging.is_according_to_a_standard(tokens, match.start):
                # "according to early results of exit polls", "according to his Facebook
                # profile": the object is the source whatever its head; not a standard
                # followed ("according to plan", "according to state law")
                np = self._object_phrase(tokens, match.end)
            return _some(np)
        if entry.term == "reportedly":
            return []  # "Trump reportedly wants": the reports are unnamed, not Trump
        if entry.file == _RULE and form == "in":
            return _some(self._np_forward(tokens, match.end, phrase_starts))  # the poll
        if form.startswith("in "):
            return []  # "in a statement": the verb next to it finds the source
        verb = tokens.low[match.start]
        participle = verb.endswith(("ed", "en")) or verb in ("told", "said", "written", "shown")
        agent_start = _agent_start(tokens, match.end) if participle else -1
        # "The report published by the Armed Forces": the agent, if it names a source.
        agent = (
            _some(self._np_forward(tokens, agent_start, phrase_starts)) if agent_start >= 0 else []
        )
        if _reduced_passive_as(tokens, match):
            # "spoke with another source described as an acquaintance of an official", "A
            # man described as a loner was arrested": the phrase before the participle is
            # who was described; the describer is unsaid, or the agent after "by"
            return agent
        j = match.start - 1
        passive = False
        first_auxiliary = True
        allowed_gap = -1
        chains = 0
        while j >= 0:
            if j != allowed_gap and _suffix_dot(tokens, j):
                allowed_gap = j  # "Martin Luther King Jr. said": the suffix's period
            gap = tokens.gaps[j] if j != allowed_gap else ""
            if gap in (")", ".)", "),", ".),") and _party_label(tokens, j):
                # "Sen. John Cornyn (R-Texas) told": the label closes the subject's name
                allowed_gap = j - 1
                j -= 1
                continue
            if gap in (".)", ".),") and _dotted_party_label(tokens, j):
                # "Rep. Gregory Meeks (D-N.Y.) said": the label is two tokens, "D-N" "Y"
                allowed_gap = j - 2
                j -= 2
                continue
            word = tokens.low[j]
            if gap in _ASIDE_DASHES and not passive:
                # "Officers within the FSB—Russia's main security agency—have spoken out":
                # the subject stands before the aside between dashes (audit22, audit25)
                opening = _aside_opening(tokens, j)
                subject = self._np_backward(tokens, opening, phrase_ends) if opening >= 0 else None
                if subject is not None:
                    return [*agent, self._with_head_before(tokens, subject, phrase_ends)]
            if gap:
                # "The Kremlin, meanwhile, claims": step over a parenthetical adverb.
                if gap == "," and _is_adverb(tokens, j) and j >= 1 and tokens.gaps[j - 1] == ",":
                    allowed_gap = j - 1
                    j -= 1
                    continue
                if gap in (",", ".,"):
                    # A source that closes the clause after the verb: "…, said Jane Ortiz."
                    inverted = (
                        self._np_forward(tokens, match.end, phrase_starts)
                        if j == match.start - 1
                        else None
                    )
                    if inverted is not None and not (
                        inverted[1] + 1 >= tokens.n or tokens.gaps[inverted[1]]
                    ):
                        inverted = None  # "…, said the plan would fail": the content
                    # "Humphrey, for example, said", "Eswar Prasad, a professor at Cornell,
                    # (has) said": the subject before a parenthetical or an apposition.
                    subject = (
                        self._subject_before_parenthetical(tokens, j, phrase_ends)
                        if gap == ","
                        else None
                    )
                    if subject is None:
                        # "Jeff Weaver, Sanders' campaign manager, said", "Mike Murphy, who
                        # ran a super PAC, said": the name that opens the clause.
                        subject = self._subject_before_appositions(tokens, j, phrase_ends)
                    if subject is not None and passive:
                        # "Brovko, the deputy commander, were confirmed dead": the
                        # subject of a passive is what was reported, not its source (ux22)
                        return agent
                    if subject is not None:
                        if entry.takes_recipient:
                            # "Smith, who ran the office, told the paper": whom he told
                            inverted = None
                        return [*agent, *_some(inverted), subject]
                break  # punctuation before the verb: '…,” said the officer'
            if word in _BE_FORMS or (word in _GET_FORMS and first_auxiliary and participle):
                # "was asked", and the passive with "get": "just got asked" (its subject
                # was asked, it said nothing; title case once made "Tim Allen Just Got"
                # the source)
                passive = passive or (first_auxiliary and not verb.endswith("ing"))
                first_auxiliary = False
                j -= 1
                continue
            if word in _AUXILIARIES or _is_negator(word):
                first_auxiliary = False  # "has", "isn't", "did not"
                j -= 1
                continue
            if (_is_adverb(tokens, j) and _time_phrase_start(tokens, j) < 0) or \
                    word == "however" or _before_the_verb(tokens, j) or \
                    (j + 1 == match.start and _only_before_the_verb(tokens, j)):
                # "Carter however said" ("however" only here: it opens weasel clauses);
                # "has long argued", "have since balked", "have both supported"
                j -= 1
                continue
            if _in_a_year(tokens, j):
                # "Smith in 2019 said": the year dates the subject; only when the phrase
                # before "in" opens its clause ("filed a $2 million lawsuit in 2019
                # alleging": an object, no subject)
                subject = self._np_backward(tokens, j - 2, phrase_ends)
                if subject is not None and _opens_its_clause(tokens, subject[0]):
                    j -= 2
                    continue
            time_start = _time_phrase_start(tokens, j)
            if word in _CALENDAR_WORDS or time_start >= 0:
                # "Trump on Tuesday said", "Trump earlier Tuesday backed away", "A poll
                # released Sunday showed", "A CNN poll in January shows": a time (and what
                # dates the subject), not the subject, which was the person "Tuesday";
                # so are "A judge last month ordered", "Priebus this past week announced",
                # "disclosures filed on Sunday night revealed", "Smith two weeks ago said".
                j = time_start - 1 if time_start >= 0 else j - 1
                if j >= 0 and not tokens.gaps[j] and tokens.low[j] in _BEFORE_A_DAY:
                    j -= 1
                if j >= 0 and not tokens.gaps[j] and _dates_a_noun(tokens, j):
                    j -= 1
                continue
            chained = _chained_before(tokens, j, chains)
            if chained >= 0:
                # "Clinton has tried to explain", "Trump was quick to add", "Mr. Trump has
                # lately started asking": the subject of the chain is the cue's source
                # (PolNeAR marks the chain as the cue and the subject as its source).
                chains += 1
                first_auxiliary = False
                j = chained
                continue
            break
        if passive:
            return agent  # "was reported by iStories"; without "by" the source is unsaid
        if j >= 0 and _count_subject(tokens, j):
            # "47% say", "…, 43 said the same": the count is the subject, a group; the
            # percent sign had ended the walk and the phrase after the verb was taken
            return [(_number_start(tokens, j), j), *agent]
        if j < 0 or (tokens.gaps[j] and j != allowed_gap):
            # Nothing can be the subject: the quote is inverted ('said one of the sources'),
            # unless the phrase after the verb is its addressee ("told a … media").
            if entry.takes_recipient:
                return agent
            if j >= 0 and "," in tokens.gaps[j] and verb.endswith("ing"):
                # "Rubio hit back, saying Christie was too focused": a participle clause
                # after a comma; the phrase after it is what was said, and the source is
                # the clause's subject (_participle_subject)
                return agent
            inverted = self._np_forward(tokens, match.end, phrase_starts)
            if inverted is not None and j >= 0 and tokens.gaps[j] == "," and \
                    verb.endswith("ed") and entry.term not in _SAYING_TERMS and \
                    inverted[1] + 1 < tokens.n and not tokens.gaps[inverted[1]] and \
                    tokens.low[inverted[1] + 1] in ("and", "as"):
                # "Ann Lowe toured the plant, denounced its owners and said": a verb in a
                # list and its object, no inverted source (the list's subject is the
                # source of both, _main_clause_subject)
                return agent
            return agent + _some(inverted)
        if tokens.low[j] in _PARTITIVE_OBJECTS and j >= 2 and tokens.low[j - 1] == "of" and \
                not tokens.gaps[j - 1] and not tokens.gaps[j - 2]:
            # "most of them said", "Many of you have noted", "two of them told": the
            # quantifier and its "of" phrase, a group
            if tokens.is_number(j - 2) and tokens.low[j - 2] != "one":
                return [(j - 2, j), *agent]
            whole = self._np_backward(tokens, j - 2, phrase_ends)
            if whole is not None:
                return [(whole[0], j), *agent]
        if _bare(tokens.low[j]) in _RELATIVE_PRONOUNS and j >= 1:
            # "Collins, who’d previously endorsed": the phrase before "who"
            return agent + _some(self._np_backward(tokens, j - 1, phrase_ends))
        if _bare(tokens.low[j]) in _PRONOUN_SOURCES:
            # "He dismissed efforts by some Republicans", "They’ve suggested": the source
            # is the pronoun
            return []
        np = self._np_backward(tokens, j, phrase_ends)
        if np is None and tokens.low[j] in _NOUNS_ENDING_IN_LY:
            # "the organizer of a pro-Trump rally said": the noun ends the phrase, as
            # "march" or "event" would (it was once read as an adverb and left out)
            np = self._np_backward_from(tokens, j, j, phrase_ends)
        if np is None:
            # "A White House official who spoke anonymously said": the subject is before
            # the relative clause; "Insiders in the next two states said": before the
            # prepositional phrase
            subject = self._subject_before_relative(tokens, j, phrase_ends)
            if subject is None:
                subject = self._subject_before_preposition(tokens, j, phrase_ends)
            return [*_some(subject), *agent]
        before = np[0] - 1
        listed = _place_list_preposition(tokens, np[0], np[1])
        if listed >= 1 and not tokens.gaps[listed - 1]:
            # "Residents of Leeds, Bradford and Halifax said": the places end the group's
            # phrase, when the word before the preposition names a source ("In Iowa, Cruz
            # and Rubio said": none)
            group = self._np_backward(tokens, listed - 1, phrase_ends)
            if group is not None and self._type_np(tokens, group[0], listed - 1) is not None:
                return [(group[0], np[1]), *agent]
        named = self._name_list_start(tokens, np[0], np[1])
        if named >= 0:
            # "Smith, Jones and Brown said": the list of people that opens the clause is
            # the source, a group of named people, not its last two names
            return [(named, np[1]), *agent]
        grouped = self._group_list_start(tokens, np[0], np[1], phrase_ends)
        if grouped >= 0:
            # "Democrats, Republicans and independents said": the whole list of groups
            return [(grouped, np[1]), *agent]
        if before >= 1 and before in phrase_ends and not tokens.gaps[before]:
            # "The person familiar with the planning confirmed": the lexicon's phrase and
            # its object
            wider = self._np_backward(tokens, before, phrase_ends)
            if wider is not None:
                return [(wider[0], np[1]), *agent]
        if (
            before >= 2
            and (tokens.low[before - 1], tokens.low[before]) in _GO_BETWEEN
            and not tokens.gaps[before]
            and not tokens.gaps[before - 1]
            and not tokens.gaps[before - 2]
        ):
            # "The businessman close to the campaign said": the phrase before "close to"
            speaker = self._np_backward(tokens, before - 2, phrase_ends)
            if speaker is not None:
                return [speaker, *agent]
        if before >= 1 and not tokens.gaps[before] and tokens.low[before] in _PREPOSITIONS:
            if self._head_like(tokens, before - 1) and not tokens.gaps[before - 1]:
                # "officials in Moscow said": the phrase before the preposition is the subject
                wider = self._np_backward(tokens, before - 1, phrase_ends)
                if wider is not None and not (
                    tokens.low[before] in _CLAUSE_PREPOSITIONS
                    and not _opens_its_clause(tokens, wider[0])
                ):
                    # not "(Trump attacked) Cruz after the senator said": an object, and
                    # "after" opens a clause of its own
                    return [(wider[0], np[1]), *agent]
            else:
                # "Sources who spoke with iStories said": the subject is before "who"; not
                # for a participle right after the phrase, which it modifies ("an investor
                # who has poured money into groups backing Cruz": the groups back him)
                reduced = verb.endswith("ing") and np[1] == match.start - 1
                for r in range(before - 1, before - 1 if reduced else max(-1, before - 9), -1):
                    if tokens.low[r] in _RELATIVE_PRONOUNS and r >= 1:
                        outer = self._np_backward(tokens, r - 1, phrase_ends)
                        if outer is not None:
                            return [outer, *agent]
                        break
                if _place_after_a_noun(tokens, before, np[0]):
                    # "The floods in Belgium reminded experts of 1953": the place
                    # modifies the noun before it; the subject is the whole phrase, a
                    # source only if its head is one ("the two banks in Leeds reported"),
                    # never the place alone (audit28)
                    wider = self._np_backward(tokens, before - 1, phrase_ends)
                    if wider is None:
                        # "Some delegates at the convention in Philadelphia said": the
                        # speaker's head before a chain of prepositional phrases
                        outer = self._subject_before_preposition(tokens, j, phrase_ends)
                        return [*_some(outer), *agent]
                    return [(wider[0], np[1]), *agent]
        return [np, *agent]

    def _object_phrase(self, tokens: _Tokens, first: int) -> tuple[int, int] | None:
        """The noun phrase from token ``first`` to the punctuation, clause word or verb that
        ends it (at most 16 tokens), function words at its end left out: the object of
        *according to*, which is its source whatever its head ("early results of exit polls
        conducted for The Associated Press by Edison Research", "his Facebook profile")."""
        last = -1
        k = first
        while k < tokens.n and k - first < _OBJECT_REACH:
            word = tokens.low[k]
            if word in _OBJECT_ENDS or word in self._report_words:
                break
            last = k
            if tokens.gaps[k] and not (_title_dot(tokens, k) or _initial_dot(tokens, k)):
                break
            k += 1
        while last >= first and tokens.low[last] in _OBJECT_TRIM:
            last -= 1
        return (first, last) if last >= first else None

    def _subject_before_relative(
        self, tokens: _Tokens, last: int, phrase_ends: dict[int, int]
    ) -> tuple[int, int] | None:
        """The noun phrase that opens its clause before "who <at most 10 words>" ending at
        token ``last`` with no punctuation inside: "Democrats who watched the debate (said)"."""
        for r in range(last, max(0, last - 10), -1):
            if tokens.gaps[r - 1]:
                return None
            if tokens.low[r] in ("who", "whose"):  # "an official whose name was withheld"
                np = self._np_backward(tokens, r - 1, phrase_ends)
                if (
                    np is not None
                    and np[0] >= 2
                    and tokens.low[np[0] - 1] in _PREPOSITIONS
                    and not tokens.gaps[np[0] - 1]
                    and not tokens.gaps[np[0] - 2]
                ):
                    # "Democrats in Iowa who watched the debate": the phrase before "in"
                    wider = self._np_backward(tokens, np[0] - 2, phrase_ends)
                    if wider is not None:
                        np = (wider[0], np[1])
                if np is None or not (np[0] == 0 or tokens.gaps[np[0] - 1]
                                      or tokens.low[np[0] - 1] in _SUBJECT_OPENERS):
                    return None
                if np[0] >= 1 and tokens.gaps[np[0] - 1] == ",":
                    # "Saul Anuzis, a top adviser to Ted Cruz, who …": the name it describes
                    name = self._np_backward(tokens, np[0] - 1, phrase_ends)
                    typed = self._type_np(tokens, *name) if name is not None else None
                    if name is not None and typed is not None and typed[0] == "person" and (
                        tokens.is_capitalised(name[1])
                    ):
                        return name
                return np
        return None

    def _name_list_start(self, tokens: _Tokens, first: int, last: int) -> int:
        """The first token of a list of people's names written with commas that opens its
        clause and ends in the names at tokens first..last ("Smith, Jones and Brown"), or
        -1. Every name of it must be a person's, no place after a preposition ("In London,
        Jones and Brown") and no opening adverb ("Earlier, Jones and Brown")."""
        start = _list_start(tokens, first, last)
        if start < 0:
            return -1
        if tokens.low[start] in _SUBJECT_OPENERS and not tokens.gaps[start]:
            start += 1  # "But Smith, Jones and Brown said": the capital is the sentence's
        items = []  # each name before the last phrase ("Smith, Jones, and Brown")
        k = start
        while k < first and not (tokens.low[k] == "and" and k == first - 1):
            end = k
            while not tokens.gaps[end]:
                end += 1
            items.append((k, end))
            k = end + 1
        if items and self._opens_a_list(tokens, *items[0]):
            # "Instead, Matthews, MSNBC's Alex Seitz-Wald and Reuters' Luciana Lopez": the
            # opening word is no name; the names after it are still a list
            items = items[1:]
            if len(items) < (1 if "and" in tokens.low[first : last + 1] else 2):
                return -1
            start = items[0][0]
        if start >= 1 and tokens.low[start - 1] == "the" and not tokens.gaps[start - 1]:
            start -= 1  # "the United States, Britain and France"
        if not _opens_its_clause(tokens, start, listed=True):
            return -1
        for k, end in items:
            if self._opens_a_list(tokens, k, end):
                return -1
            typed = self._type_np(tokens, k, end)
            if typed is None or typed[0] not in ("person", "institution"):
                return -1  # a capital or a country stands for its government
        return start

    @staticmethod
    def _opens_a_list(tokens: _Tokens, first: int, last: int) -> bool:
        """Is the phrase at tokens first..last, before a list's comma, an opening word or
        phrase, no name of it ("Earlier,", "Separately,", "In London,")?"""
        words = tokens.low[first : last + 1]
        return any(w in _NOT_IN_A_LISTED_NAME for w in words) or (
            first == 0 and last == 0 and _ends_like_an_adverb(words[0])
        )

    def _group_list_start(
        self, tokens: _Tokens, first: int, last: int, phrase_ends: dict[int, int]
    ) -> int:
        """The first token of a list of groups written with commas that opens its clause
        and ends in the phrase at tokens first..last ("Democrats, Republicans and
        independents", "Doctors, nurses, and patients"), or -1. Every item before that
        phrase is a group or an unnamed source to the lexicon ("officials"), or a name
        when the list ends in "other ..." or "others"; an opening phrase ("In a
        statement,", "Earlier,") is none."""
        k = first - 1
        needed = 1
        if "and" not in tokens.low[first : last + 1]:
            # The serial comma: "Republicans, and independents"; the walk gave the last item
            if k < 1 or tokens.gaps[k] or tokens.low[k] != "and" or tokens.gaps[k - 1] != ",":
                return -1
            k -= 1
            needed = 2
        kinds: tuple[str, ...] = (GROUP, "anonymous")
        named = tokens.is_capitalised(first) and not tokens.is_capitalised(last) and \
            tokens.low[first + 1 : last + 1].count("and") == 1 and \
            (self._type_np(tokens, first, first) or ("",))[0] == "person"
        if named or any(w in _OTHERS or w == "more" for w in tokens.low[first : last + 1]):
            # "Crane, Kibbe and other libertarians", "Leguizamo, Saldana and many more
            # Latinos": named people of the group's kind; "Smith, Jones and officials":
            # the phrase the walk gave opens with a name
            kinds = (GROUP, "anonymous", "person", "institution")
        starts: list[int] = []  # each item's first token, from the last item back
        while k >= 0 and tokens.gaps[k] == ",":
            item = self._np_backward(tokens, k, phrase_ends)
            if item is None or any(
                w in _NOT_IN_A_LISTED_NAME for w in tokens.low[item[0] : item[1] + 1]
            ) or (named and self._opens_a_list(tokens, *item)):
                break  # "In a statement, doctors, nurses and patients": the list starts after
            typed = self._type_np(tokens, *item)
            if typed is None or typed[0] not in kinds:
                break
            name = item[1]
            if typed[0] in ("person", "institution"):
                while name > item[0] and tokens.is_capitalised(name - 1) and \
                        not tokens.gaps[name - 1]:
                    name -= 1  # "President Obama"
                if name > item[0] and tokens.low[name - 1] == "the":
                    name -= 1  # "the United States"
            else:
                name = item[0]
            starts.append(name)
            if name > item[0]:
                # "If the Syrian refugees President Obama, Hillary Clinton, and other
                # Democrats want to bring": a named item is its name, and the words
                # before it are no item of the list
                break
            k = item[0] - 1
        while starts and not _opens_its_clause(tokens, starts[-1], listed=True):
            starts.pop()  # "In Iowa, Cruz, Rubio and others": the place after "In" is none
        if len(starts) < needed:
            return -1
        return starts[-1]

    def _subject_before_preposition(
        self, tokens: _Tokens, last: int, phrase_ends: dict[int, int]
    ) -> tuple[int, int] | None:
        """The noun phrase from a speaker's head that opens its clause to token ``last``,
        across a prepositional phrase whose own noun names no source ("Insiders in the
        next two states (said)", "Critics of the plan (say)"): at most 8 words, no
        punctuation, no verb inside."""
        if tokens.low[last] in _NP_STOP or tokens.low[last] == "of":
            return None  # "Mrs. Clinton has gone further than Mr. Obama on Syria by proposing"
        for r in range(last, max(0, last - 8), -1):
            if tokens.gaps[r - 1]:
                return None
            word = tokens.low[r]
            if word in _PREPOSITIONS or word == "of":
                if self._head_like(tokens, r - 1):
                    np = self._np_backward(tokens, r - 1, phrase_ends)
                    if np is None or not _opens_its_clause(tokens, np[0]):
                        # "force Mrs. Clinton to spend money defending", "filed a $40
                        # million lawsuit in 2013 alleging": not the clause's subject
                        return None
                    return np[0], last
                continue
            if word == "than" and tokens.low[r - 1] in _COMPARING:
                continue  # "Governors in more than two dozen states balked"
            if word in _NP_STOP or word in self._report_words or not (
                self._premodifier(tokens, r) or word == "and"
            ):
                return None  # "the plan that voters rejected": a verb of its own
        return None

    def _subject_before_parenthetical(
        self, tokens: _Tokens, last: int, phrase_ends: dict[int, int]
    ) -> tuple[int, int] | None:
        """The source noun phrase before ", <at most 12 words>," ending at token ``last``."""
        p = last - 1
        while p >= 0 and last - p <= 12 and not tokens.gaps[p]:
            p -= 1
        if p < 0 or tokens.gaps[p] != "," or tokens.low[p + 1] in _CLAUSE_WORDS:
            return None
        np = self._np_backward(tokens, p, phrase_ends)
        typed = self._type_np(tokens, *np) if np is not None else None
        if np is None or typed is None:
            return None
        if typed[0] == DESCRIBED:
            return None  # "Matthew Prince, chief executive of CloudFlare, …": an apposition
        if np[0] > 0 and not tokens.gaps[np[0] - 1] and tokens.low[np[0] - 1] in _PREPOSITIONS:
            return None  # "in Iowa, by contrast, said": not a subject
        return np

    def _subject_before_appositions(
        self, tokens: _Tokens, last: int, phrase_ends: dict[int, int]
    ) -> tuple[int, int] | None:
        """The source noun phrase that opens its clause and is followed by appositions or a
        relative clause ending at token ``last`` (at most 30 tokens): "Brianne Stone, 29, of
        Huntsville, Ala.,", "Sen. Lindsey Graham, R-S.C., a long-shot candidate,". Quotation
        marks, colons, semicolons and dashes end the search: what stands before them is no
        apposition."""
        k = last
        described: tuple[int, int] | None = None
        while k > 0 and last - k < 30:
            gap = tokens.gaps[k - 1]
            if any(mark in gap for mark in _APPOSITION_STOPS):
                return described
            if "," in gap:
                # "Sen. Rob Portman (R-Ohio), another incumbent,": the name before its label
                end = k - 2 if _party_label(tokens, k - 1) else k - 1
                np = self._np_backward(tokens, end, phrase_ends)
                while np is not None and np[0] > 0 and (
                    _title_dot(tokens, np[0] - 1) or _before_a_title(tokens, np[0] - 1)
                ):
                    np = (np[0] - 1, np[1])  # "Sen. Lindsey Graham", "State Sen. Lee Bright"
                typed = (
                    self._type_np(tokens, *np)
                    if np is not None and _opens_clause(tokens, np[0]) else None
                )
                if typed is not None and np is not None:
                    if typed[0] != DESCRIBED:
                        return np
                    # "Matthew Prince, chief executive of CloudFlare, said": a description
                    # is the apposition of a name before it, if there is one
                    described = described or np
                elif described is None and _described_before_name(tokens, end, last):
                    # "The city's chief planner, Maria Lindqvist, said": a description the
                    # lexicon does not know, then a name in apposition: the name
                    return end + 1, last
            k -= 1
        return described

    def _unnamed_person(
        self, tokens: _Tokens, first: int, last: int, subcategory: str
    ) -> bool:
        """Is the typed noun phrase from token ``first`` to ``last`` one person without a
        name: a description ("Trump's wife"), a lowercase title ("his spokesman") or an
        unnamed role that a possessive or "the" makes one person ("his top aide", "the
        campaign's pollster")?"""
        if subcategory == DESCRIBED:
            return True
        if subcategory == "anonymous":
            # "his top aide, Tad Devine, told", "a department spokeswoman, Karen Ruiz,
            # denied": the name in apposition (the caller looks for one); not "two
            # officials", and not a phrase of the lexicon's ("a source close to")
            # "One of his advisers, Tad Devine, told": "one of" picks one person out
            return tokens.low[first] in _ONE_PERSON_DETERMINERS or \
                tokens.low[first] in ("a", "an") or _possessive(tokens.raw[first]) or \
                (tokens.low[first] == "one" and first < last and tokens.low[first + 1] == "of")
        return subcategory == "person" and not tokens.is_capitalised(last)

    def _head_like(self, tokens: _Tokens, i: int) -> bool:
        if i < 0 or tokens.low[i] in _NP_STOP or tokens.low[i] in self._report_words:
            return False
        if tokens.low[i] in DEMONYMS:
            return False  # "Russian" modifies a head ("Russian investigative medium iStories")
        if tokens.low[i] == "general" and i + 1 < tokens.n and not tokens.gaps[i] and \
                tokens.low[i + 1] in _NOUNS_AFTER_GENERAL:
            return False  # "the general counsel", "the general public": no general
        base = tokens.base[i]
        # source_kind: the group, document and described nouns, and the plurals of the
        # described ones ("nurses say", "1,409 teachers said", "his sons told"), which
        # it types as groups
        return base in self._source_heads or tokens.is_capitalised(i) or \
            source_kind(base) is not None or _agent_plural(tokens, i)

    def _with_head_before(
        self, tokens: _Tokens, np: tuple[int, int], phrase_ends: dict[int, int]
    ) -> tuple[int, int]:
        """``np`` with the noun phrase its preposition hangs on: "Officers within the
        FSB", "Many speakers at the service" (the officers and speakers speak, not the
        FSB); ``np`` itself when no preposition and noun phrase stand before it."""
        first = np[0]
        if first < 2 or tokens.gaps[first - 1] or tokens.gaps[first - 2]:
            return np
        if tokens.low[first - 1] not in _PREPOSITIONS and tokens.low[first - 1] != "of":
            return np
        noun = tokens.base[first - 2]
        if noun not in self._source_heads and noun not in GROUP_NOUNS and \
                noun not in DESCRIPTOR_NOUNS and tokens.low[first - 2] not in GROUP_NOUNS:
            return np  # "a chance to overtake Trump in New Hampshire": no speaker's noun
        head = self._np_backward(tokens, first - 2, phrase_ends)
        return (head[0], np[1]) if head is not None else np

    def _np_backward(
        self, tokens: _Tokens, last: int, phrase_ends: dict[int, int]
    ) -> tuple[int, int] | None:
        """A noun phrase ending at token ``last``, read leftwards (at most 12 tokens)."""
        if last < 0:
            return None
        share = _ratio_at(tokens, last)
        if share >= 0:
            return share, last  # "Six in 10 say": a share of those asked, a group
        end = last
        if tokens.low[last] in _SAMPLED and last >= 1 and not tokens.gaps[last - 1]:
            # "Voters polled said", "Thirty-one percent of those surveyed say": the
            # participle says who was asked and ends the phrase
            last -= 1
            if tokens.low[last] == "those":
                return self._np_backward_from(tokens, last, end, phrase_ends)
        if last in phrase_ends:
            first = phrase_ends[last]
        elif self._head_like(tokens, last):
            first = last
        else:
            return None
        return self._np_backward_from(tokens, first, end, phrase_ends)

    def _np_backward_from(
        self, tokens: _Tokens, first: int, last: int, phrase_ends: dict[int, int]
    ) -> tuple[int, int]:
        """The noun phrase ending at ``last`` whose head starts at ``first``, with the
        words before it that modify it."""
        k = first - 1
        while k >= 0 and last - k < 12:
            if tokens.gaps[k] and not _initial_dot(tokens, k) and not _s_possessive(tokens, k):
                break  # "Charles G. Koch": a middle initial's period is inside the name
            if k in phrase_ends:
                first = phrase_ends[k]
                k = first - 1
                continue
            word = tokens.low[k]
            if word == "and":
                if _place_before_and(tokens, k, first) and not any(
                    (self._type_np(tokens, i, i) or ("",))[0] == GROUP for i in (k - 2, k - 1)
                ):
                    # "(Police in) Hull, Yorkshire and officials said": "officials"; not
                    # groups the lexicon knows ("Democrats, Republicans and independents")
                    break
                if self._head_like(tokens, k - 1) and not tokens.gaps[k - 1]:
                    k -= 1
                    continue
                if k >= 1 and tokens.low[k - 1] in DEMONYMS and not tokens.gaps[k - 1] and \
                        first < last and tokens.is_capitalised(first) and \
                        not _possessive(tokens.raw[first]):
                    # "Russian and Chinese officials", "Chinese and Iranian hackers": two
                    # nationalities of one head, as "Federal and state officials" share
                    # theirs (_head_like takes no nationality, which modifies a head)
                    k -= 1
                    continue
                break
            if word != "of" and (word in _NP_STOP or word in self._report_words):
                break
            if word in _PARTICLES_AFTER_A_VERB and tokens.low[k + 1] != "of":
                break  # "his office sent out fund-raising letters": the verb's particle
            if word != "of" and not self._premodifier(tokens, k):
                break
            if tokens.low[first] in _ARTICLES and not (
                word in _BEFORE_AN_ARTICLE or word.endswith("'s") or tokens.is_capitalised(k)
            ):
                break  # "(he) met a woman who": an article opens the phrase
            if tokens.low[first] in _ARTICLES and _time_start(tokens, k) >= 0:
                break  # "On Monday the ministry said": the day is no part of the name
            if k == first - 1 and _verb_before_its_object(tokens, k, first):
                break  # "The list counts 29 others who", "figures her campaign released"
            first = k
            k -= 1
        while first < last and tokens.low[first] in ("of", "and"):
            first += 1
        return first, last

    def _premodifier(self, tokens: _Tokens, i: int) -> bool:
        word = tokens.low[i]
        if word in _DETERMINERS or word in _INDEFINITE or tokens.is_number(i):
            return True
        if word.endswith("'s") or self._head_like(tokens, i):
            return True
        # An unknown lowercase word: an adjective ("senior", "investigative") unless it looks
        # like a verb or an adverb; a compound is an adjective ("well-connected", "so-called").
        if "-" in word and not word.startswith(_VERB_PREFIXES):
            return True  # "well-connected", "left-leaning"; not "out-brutalizing"
        if _verb_by_its_subject(tokens, i):
            return False  # "They met idealists who", "would let editorials": a verb
        return not word.endswith(("ed", "ing", "ly")) or word in _NOUNS_ENDING_IN_LY

    def _np_forward(
        self, tokens: _Tokens, first: int, phrase_starts: dict[int, int]
    ) -> tuple[int, int] | None:
        """A noun phrase starting at token ``first``, read rightwards (at most 14 tokens).

        A title before a name is not part of it ("said Mr. Burman" -> "Burman"), as the
        sources' names never hold titles; the title's period would otherwise end the
        phrase at "Mr"."""
        while first < tokens.n and _title_dot(tokens, first):
            first += 1
        last_head = -1
        k = first
        after_possessive = False
        phrase_object = False
        while k < tokens.n and k - first < 14:
            if k > first and tokens.gaps[k - 1] and not (
                _title_dot(tokens, k - 1) or _initial_dot(tokens, k - 1)
            ):
                break  # a title's period inside a phrase: "a speech Mrs. Clinton delivered"
            if k in phrase_starts:
                end = phrase_starts[k]
                if tokens.low[end] not in _PREPOSITIONS and tokens.low[end] != "of":
                    last_head = end
                else:
                    phrase_object = True  # "people familiar with | the matter"
                k = end + 1
                continue
            word = tokens.low[k]
            if word == "of":
                if last_head < 0:
                    break
                k += 1
                continue
            if word == "for" and last_head == k - 1 and k > first and \
                    tokens.is_capitalised(last_head) and \
                    tokens.low[last_head] in _INSTITUTION_NAME_ENDINGS and \
                    _capitalised_after(tokens, k + 1, tokens.n):
                # "according to the Center for Responsive Politics": one name; but "wrote
                # Cameron Easley for Morning Consult": a person, and whom he writes for
                k += 1
                continue
            if word in _NP_STOP or word in self._report_words or word in _CALENDAR_WORDS:
                break  # "said Friday afternoon": a time, no source
            if word.endswith("'s"):
                after_possessive = True
            elif (
                self._head_like(tokens, k)
                or after_possessive
                or (phrase_object and word not in _DETERMINERS)
            ):
                last_head = k
                after_possessive = False
            elif last_head >= 0 and last_head == k - 1:
                if word in _TIME_WORDS or _is_adverb(tokens, k) or word in _POSTMODIFIER_OPENERS:
                    break  # "said the officer yesterday", "said one Democrat familiar with"
                if word.endswith("ed") and tokens.is_capitalised(k - 1):
                    break  # "a speech Mrs. Clinton delivered": the name, then its verb
                if _reduced_relative(tokens, k):
                    break  # "a poll conducted by …", "reports emerging in …": the head ends it
                last_head = -1  # "the intelligence report": the head is not a source word
            elif not self._premodifier(tokens, k):
                break
            k += 1
        return (first, last_head) if last_head >= first else None

    def _type_np(
        self, tokens: _Tokens, first: int, last: int, *, withheld: bool = False
    ) -> tuple[str, str] | None:
        """(subcategory, term) of a source noun phrase, or None when it names no source.
        ``withheld``: a clause withholds the source's identity ("two members who asked not
        to be named"), so an unnamed group, title or described person is anonymous.

        A list ("Cruz and Rubio", "The family, protesters and civic leaders") is typed by
        all its items, not its last: names only keep the last name's type (a named
        source: "Cruz and Rubio" a person, "the White House and the Pentagon" an
        institution), items all anonymous, all groups or all documents keep that kind,
        and any other list (a name and unnamed officials, a family and protesters, two
        described people) is a group, neither named nor anonymous, as "Sanders and his
        supporters" is."""
        typed = self._type_phrase(tokens, first, last, withheld=withheld)
        if typed is None:
            return None
        items = self._list_items(tokens, first, last)
        if not items:
            return typed
        kinds = set()
        for item in items:
            kind = self._type_phrase(tokens, *item, withheld=withheld)
            if kind is None:
                return typed  # "the poll and …", "he and …": no list of sources to type
            kinds.add(kind[0])
        if kinds <= _NAMED_KINDS or (len(kinds) == 1 and DESCRIBED not in kinds):
            return typed
        return GROUP, typed[1]

    def _list_items(self, tokens: _Tokens, first: int, last: int) -> list[tuple[int, int]]:
        """(first, last) of each item of a list of sources at tokens first..last, joined by
        commas and "and" ("The family, protesters and civic leaders"), or [] when the
        phrase is none: no "and" outside a name of the lexicon's ("the Department of
        Health and Human Services"), or an "and" inside what follows the head ("Leaders
        of Britain and France")."""
        ands = [k for k in range(first + 1, last) if tokens.low[k] == "and"]
        if not ands:
            return []
        for match in self._scan_typing(tokens, first, last + 1):
            if any(match.start < k < match.end - 1 for k in ands):
                return []
        if any(tokens.low[k] in _HEAD_BREAKS for k in range(first + 1, ands[-1])):
            return []
        items = []
        start = first
        for k in range(first, last + 1):
            if tokens.low[k] == "and" and k in ands:
                if k > start:
                    items.append((start, k - 1))
                start = k + 1
            elif tokens.gaps[k] == "," and k < last:
                items.append((start, k))
                start = k + 1
        if start <= last:
            items.append((start, last))
        if len(items) < 2 or not all(
            self._stands_alone(tokens, *item, before_a_whole=_whole_item(tokens, *after))
            for item, after in zip(items, [*items[1:], items[-1]], strict=True)
        ):
            return []
        return items

    def _stands_alone(
        self, tokens: _Tokens, first: int, last: int, *, before_a_whole: bool = False
    ) -> bool:
        """Can the phrase at tokens first..last be an item of a list of sources: it opens
        with a determiner, a possessive or a number ("his aides", "the White House", "two
        nurses"), ends in a plural or a group ("civic leaders", "protesters", "the
        family"), or is a name ("Cruz" inside the sentence, or one the article writes as a
        name)? Not an adjective or a bare singular that shares the next item's head or
        the first item's determiner ("Federal and state officials", "campaign and
        corporate records", "the businessman and reality star": one list-less phrase).
        A capitalised word opening the sentence is a name, not an adjective, also when the
        next item (``before_a_whole``) can share no head with it ("Cruz and officials",
        "Cruz and his aides": there is no "Federal and officials")."""
        word = tokens.low[first]
        if word in _DETERMINERS or word in _INDEFINITE or word in _OTHERS or \
                _possessive(tokens.raw[first]) or tokens.is_number(first):
            return True
        head = last
        for k in range(first + 1, last + 1):
            if tokens.low[k] in _HEAD_BREAKS or tokens.low[k] in _SAMPLED:
                head = k - 1
                break
        plural = tokens.low[head].endswith("s") and not tokens.low[head].endswith("ss")
        if all(tokens.is_capitalised(k) for k in range(first, head + 1)):
            # a name: inside the sentence, of two words or more, or known to the article;
            # or a plural opening the sentence ("Officials and Cruz"), or a word before a
            # whole item ("Cruz and officials")
            return first > 0 or head > first or tokens.base[first] in tokens.names or \
                plural or before_a_whole
        return plural or source_kind(tokens.base[head]) == GROUP

    def _type_phrase(
        self, tokens: _Tokens, first: int, last: int, *, withheld: bool = False
    ) -> tuple[str, str] | None:
        """:meth:`_type_np` of a phrase, a list typed by its last item."""
        if tokens.is_number(last) and (_ratio_at(tokens, last) == first or (
            first == _number_start(tokens, last) and _count_subject(tokens, last)
        )):
            return GROUP, _np_term(tokens, first, last)  # "Six in 10 say", "47% say"
        if tokens.low[last] in _SAMPLED and last > first:
            # "those surveyed", "voters polled": the people asked
            if last - first == 1 and tokens.low[first] == "those":
                return GROUP, f"those {tokens.low[last]}"
            inner = self._type_np(tokens, first, last - 1, withheld=withheld)
            if inner is None or inner[0] not in (GROUP, "anonymous"):
                return None  # "the chairs that POLITICO interviewed": a verb of its own
            return inner[0], _np_term(tokens, first, last)
        covered: list[LexiconEntry | None] = [None] * (last - first + 1)
        phrase = False
        for match in self._scan_typing(tokens, first, last + 1):
            for k in range(match.start, match.end):
                covered[k - first] = match.pattern.entry
            phrase = phrase or match.pattern.entry.role == "phrase"
        if phrase:
            return "anonymous", _np_term(tokens, first, last)
        head = last
        for k in range(first + 1, last + 1):
            if tokens.low[k] in _HEAD_BREAKS:
                head = k - 1
                break
        kind = source_kind(tokens.base[head]) if covered[head - first] is None else None
        if kind is None and covered[head - first] is None and _agent_plural(tokens, head):
            kind = GROUP  # "forecasters say", "lobbyists argued", "historians note"
        if kind is None and tokens.low[head] in ("one", "each") and head + 2 <= last and \
                tokens.low[head + 1] == "of" and covered[head - first] is None:
            # "One of his aides said", "one of the former prosecutors …": the kind of those
            # it is one of; one of a group or one named person's kind is one described
            inner = self._type_np(tokens, head + 2, last, withheld=withheld)
            if inner is not None:
                one = DESCRIBED if inner[0] in (GROUP, "person") else inner[0]
                return one, _np_term(tokens, first, last)
        if kind is None and head < last and (
            (tokens.is_number(head) and tokens.low[head] != "one")
            or (tokens.low[head] == "out" and head > first and tokens.is_number(head - 1))
        ):
            kind = GROUP  # "Three of the five said", "four out of 10 voters said"
        if kind == DESCRIBED and tokens.is_capitalised(head):
            kind = None  # "Mr. Singer", "the Philippine Star": a name, not a description
        elif kind == GROUP and men_plural(tokens.base[head]) and _men_name(tokens, first, head):
            kind = None  # "Fred Lehmen", "McCrummen reports": a surname, not "firemen"
        elif kind == DESCRIBED and tokens.low[first] in _PAIR_WORDS:
            kind = GROUP  # "neither man", "both men": two people, as a group
        if kind is not None:
            if withheld and kind != DOCUMENT:
                return "anonymous", _np_term(tokens, first, last)
            return kind, _np_term(tokens, first, last)  # "Sanders supporters", "the poll"
        # A personal name at the end of the head chunk: "Kremlin spokesman Dmitry Peskov".
        name_first = head + 1
        k = head
        while (
            k >= first
            and covered[k - first] is None
            and tokens.is_capitalised(k)
            and tokens.low[k] not in DEMONYMS
            and tokens.low[k] not in _DETERMINERS
            and not tokens.is_number(k)
            # "Mr. McKinley" is McKinley: no title in a name; "King Jr." keeps its suffix
            and not (_title_dot(tokens, k) and tokens.low[k] not in _NAME_SUFFIXES)
            and tokens.low[k] not in _NEVER_IN_A_NAME
            and tokens.low[k] not in _CALENDAR_WORDS
            and tokens.low[k] not in _MARKET_THINGS
            # "MSNBC's Chris Matthews": the owner is no part of the name
            and (k == head or not tokens.low[k].endswith("'s"))
        ):
            name_first = k
            k -= 1
        if name_first <= head:
            # A capitalised word opening the sentence is a name ("Sanders said"); the plural
            # groups that open sentences ("Voters said") were typed above. A middle initial
            # is written but no part of the term ("Charles G. Koch" -> charles koch).
            name = " ".join(
                w for k, w in enumerate(tokens.base[name_first : head + 1], name_first)
                if not (k < head and _initial_dot(tokens, k))
            )
            if len(tokens.base[head]) == 1:
                # "the F.A.A.", "the U.S.": an initialism names an institution; a lone
                # initial the sentence ends in names no one
                letters = "".join(tokens.base[name_first : head + 1])
                written = tokens.text[tokens.starts[name_first] : tokens.ends[head]]
                if len(letters) == head + 1 - name_first > 1 and " " not in written:
                    for pattern in self._typing_index.get(letters, ()):
                        if pattern.entry.role in ("name", "metonym"):  # "U.S." is "US"
                            return pattern.entry.subcategory, pattern.entry.term.lower()
                    return "institution", letters
                return None
            if tokens.low[head] in _MEDIA_NAME_ENDINGS:
                return "media", name
            if tokens.low[head] in _INSTITUTION_NAME_ENDINGS:
                return "institution", name
            if withheld and (tokens.low[first] in _INDEFINITE or tokens.is_number(first)):
                # "one Republican, who spoke on condition of anonymity": a camp, no name
                return "anonymous", _np_term(tokens, first, last)
            return "person", name
        entry = covered[head - first]
        if entry is not None:
            if entry.role == "title":
                if withheld or tokens.low[first] in _INDEFINITE or tokens.is_number(first):
                    return "anonymous", _np_term(tokens, first, last)
                return "person", _np_term(tokens, first, last)
            if entry.role in ("name", "metonym"):
                if _former_member(tokens, covered, first, head, last, entry):
                    return "anonymous", _np_term(tokens, first, last)
                return entry.subcategory, entry.term.lower()
            return entry.subcategory, _np_term(tokens, first, last)
        # "the Kremlin's logic": a named institution or outlet inside the phrase.
        for entry in covered[: head - first + 1]:
            if entry is not None and entry.role in ("name", "metonym"):
                return entry.subcategory, entry.term.lower()
        return None

    def _scan_typing(self, tokens: _Tokens, lo: int, hi: int) -> list[_Match]:
        """Source-lexicon matches inside one noun phrase, possessives stripped."""
        found: list[_Match] = []
        i = lo
        while i < hi:
            best: _Match | None = None
            # Longest first: an index's groups are sorted so; only a merge needs sorting.
            candidates = self._typing_index.get(tokens.base[i], ())
            if tokens.is_number(i):
                numbers = self._typing_index.get(NUMBER_PLACEHOLDER, ())
                if candidates and numbers:
                    candidates = tuple(sorted(candidates + numbers, key=lambda p: -len(p.keys)))
                else:
                    candidates = candidates or numbers
            for pattern in candidates:
                end = i + len(pattern.keys)
                if end <= hi and _matches_base(pattern, tokens, i):
                    best = _make_match(i, end, pattern)
                    break
            if best is None:
                i += 1
            else:
                found.append(best)
                i = best.end
        return found


def _withheld(tokens: _Tokens, last: int, clauses: tuple[tuple[int, ...], bool]) -> bool:
    """Does a clause of the sentence (models.attribution.withheld_identity) withhold the
    identity of the source whose noun phrase ends at token ``last``: one in the whole
    sentence, or a "who" clause right after the phrase ("two members who asked …")? Or
    does "familiar with" / "close to" follow it, as in the lexicon's anonymous phrases
    ("people familiar with", "a source close to"): "one Democrat familiar with the talks"?"""
    if (
        last + 2 < tokens.n
        and not tokens.gaps[last]
        and not tokens.gaps[last + 1]
        and (tokens.low[last + 1], tokens.low[last + 2]) in _GO_BETWEEN
    ):
        return True
    starts, anywhere = clauses
    if anywhere:
        return True
    end = tokens.ends[last]
    return any(
        start >= end
        and (not tokens.text[end:start].strip(" ,") or _POSTMODIFIER.match(tokens.text, end, start))
        for start in starts
    )


# After an unnamed source, these make it a go-between whose identity is withheld.
_GO_BETWEEN = frozenset((("familiar", "with"), ("close", "to")))


# A phrase between a source and the clause that withholds its identity: "one Republican
# involved in the planning, who spoke on condition of anonymity", "a person familiar with
# the talks who asked not to be named" (no other punctuation, at most 60 characters).
_POSTMODIFIER = re.compile(
    r"\s+(?:familiar with|close to|involved (?:in|with)|with knowledge of|with|of|from|in|at"
    r"|for|on)\s[^.;:!?\"“”()—–,]{0,60},?\s*$"
)


def _matches_base(pattern: _Pattern, tokens: _Tokens, i: int) -> bool:
    for k, key in enumerate(pattern.keys):
        j = i + k
        if k and tokens.gaps[j - 1] != pattern.gaps[k - 1]:
            return False
        if key == NUMBER_PLACEHOLDER:
            if not tokens.is_number(j):
                return False
            continue
        raw = tokens.raw[j]
        if raw.endswith("'s"):
            raw = raw[:-2]
        if pattern.entry.case_sensitive:
            if raw != pattern.exact[k]:
                return False
        elif raw.lower() != key:
            return False
    return True


# ---------------------------------------------------------------------- context rules


#: The report verb that needs a speaker in its sentence to be one (see CueFinder.find).
_RESPONSE_TERM = "respond"
#: The report verb that is a stance only with an object ("applauded the ruling"): alone
#: it is clapping ("the crowd applauded", "applauding along with the audience"), and
#: PolNeAR marks none of those (train: 4 of 4 unmarked, each transitive one marked).
_APPLAUSE_TERM = "applaud"
#: Words after which "applauded" has no object: "applauding along with", "applauded as he",
#: "applauded after the senator said it" (whose "said" was then read as its content).
_AFTER_APPLAUSE_ALONE = frozenset(
    "along as when while after before because until once whenever".split()
)


#: Report verbs of the voice that report nothing when what is voiced is a name: "the
#: raucous crowd, which periodically chanted his name" (PolNeAR train: no Cue there; the
#: chants of slogans, "chanted 'Build the wall!'", are Cues).
_CALL_TERMS = frozenset(("chant", "shout", "yell"))
_NAME_WORDS = frozenset(("name", "names"))
_NAME_OWNERS = frozenset("his her their its the".split())


def _calls_a_name(tokens: _Tokens, verb: int) -> bool:
    """Is the object of the verb at token ``verb`` someone's name: "chanted his name",
    "shouting their names", "yelled the name of the mayor"?"""
    return verb + 2 < tokens.n and not tokens.gaps[verb] and not tokens.gaps[verb + 1] \
        and tokens.low[verb + 1] in _NAME_OWNERS and tokens.low[verb + 2] in _NAME_WORDS


def _applause_alone(tokens: _Tokens, verb: int) -> bool:
    """Has the verb at token ``verb`` no object: the clause ends after it or after an
    adverb ("The crowd applauded.", "applauded loudly, and"), or "along" or a
    conjunction follows it?"""
    if tokens.gaps[verb].strip() or verb + 1 >= tokens.n:
        return True
    following = tokens.low[verb + 1]
    if following in _AFTER_APPLAUSE_ALONE:
        return True
    return _ends_like_an_adverb(following) and (
        verb + 2 >= tokens.n or bool(tokens.gaps[verb + 1].strip())
    )


def _outer_attributions(tokens: _Tokens, attributions: Sequence[_Match]) -> list[_Match]:
    """The attributions (in order) that are not part of another one's content: an
    earlier one's ("Trump said Cruz attacked him") or a later inverted one's ("Russia is
    … threatening them …, the ministry said")."""
    kept = [attributions[0]]
    for match in attributions[1:]:
        earlier = kept[-1]
        if earlier.pattern.entry.term != "reportedly" and in_content_of(
            tokens, earlier.end, match.start
        ) and not (
            # "The mayor praised the plan when the senator said it": the object is a plan,
            # and "when the senator said it" a clause of its own
            earlier.pattern.entry.term in OBJECT_REPORT_TERMS
            and opens_an_adverbial_clause(tokens, earlier.end, match.start)
        ):
            if in_relative_clause(tokens, earlier.start):
                kept[-1] = match  # "Sources who spoke with iStories said": the verb is "said"
            continue
        kept.append(match)
    last = kept[-1]
    if len(kept) > 1 and last.pattern.entry.term != "reportedly":
        content = inverted_content(
            tokens, last.start, last.end, takes_recipient=last.pattern.entry.takes_recipient
        )
        if content is not None:
            first = content[0]
            if last.pattern.entry.term == "according to":
                first = _last_clause_start(tokens, first, content[1])
            kept = [
                m for m in kept
                if not first <= m.start <= content[1]
                or _frames_a_quotation(tokens, first, m.start)
            ]
    return kept


# Words that open a clause of their own after a comma: "…, which stood at 263 …",
# "…, and won 77 percent …".
_CLAUSE_AFTER_COMMA = frozenset("which who whom whose where and but while whereas".split())


def _last_clause_start(tokens: _Tokens, first: int, last: int) -> int:
    """Where the last clause of tokens first..last opens: after the last comma that a
    relative pronoun or a conjunction follows, else ``first``. A closing "according to X"
    vouches for that clause: in "Weaver says it's proof …, which stood at 263 …,
    according to the Associated Press" the agency gives the figure, not Weaver's words
    (PolNeAR train: such verbs are gold cues of their own)."""
    for k in range(last, first, -1):
        if "," in tokens.gaps[k - 1] and tokens.low[k] in _CLAUSE_AFTER_COMMA:
            return k
    return first


_QUOTE_CLOSING_MARKS = ("”", '"', "''", "’")


def _frames_a_quotation(tokens: _Tokens, first: int, verb: int) -> bool:
    """Does a quoted sentence close, with a comma, question or exclamation mark or a
    dash, among the five tokens before the report verb at ``verb`` (and after ``first``):
    '“…,” Sanders said, according to CNN'? Then the verb gives the quotation its
    speaker, which the article quotes: it stays an attribution of its own (PolNeAR train:
    without this, such speakers as Sanders above were lost as sources)."""
    for k in range(max(first, verb - 5), verb):
        gap = tokens.gaps[k].rstrip()
        if gap.endswith(_QUOTE_CLOSING_MARKS) and \
                gap.rstrip("”\"'’")[-1:] in (",", "?", "!", "—", "-"):
            return True  # a quoted sentence ends ('“…,” Sanders said'), not a scare quote
    return False


def _without_own_caveats(
    tokens: _Tokens, attributions: list[_Match], sources: list[Span], offset: int
) -> tuple[list[_Match], list[Span]]:
    """Drop "confirm" and its medium where the medium states its own caveat ("CNN has not
    independently confirmed the report"): the writer's, no attribution to the outlet
    (models.attribution.own_caveat_end, as the media-channel path reads it)."""
    for source in sources:
        if source.subcategory != "media":
            continue
        end = own_caveat_end(tokens.text, source.end - offset)
        if not end:
            continue
        verb = [m for m in attributions if m.pattern.entry.term == "confirm"
                and tokens.ends[m.end - 1] == end]
        if verb:
            attributions = [m for m in attributions if m is not verb[0]]
            sources = [s for s in sources if s is not source]
    return attributions, sources


_TITLE_ABBREVIATIONS = frozenset("mr mrs ms dr sen gov rep gen lt col sgt st jr".split())


def _title_dot(tokens: _Tokens, k: int) -> bool:
    """Is the gap after token k only the period of a title ("Mr. Trump")?"""
    return tokens.gaps[k] == "." and tokens.low[k] in _TITLE_ABBREVIATIONS and k + 1 < tokens.n


# Suffixes that end a person's name: part of it ("Donald Trump Jr." is not his father),
# though the surname is the word before (models.sources).
_NAME_SUFFIXES = frozenset(("jr", "sr"))


def _suffix_dot(tokens: _Tokens, k: int) -> bool:
    """Is the gap after token k only the period of a name's suffix ("Martin Luther King
    Jr. said"), after a capitalised word, with more of the sentence after it?"""
    return tokens.gaps[k] == "." and tokens.low[k] in _NAME_SUFFIXES and k + 1 < tokens.n \
        and k >= 1 and not tokens.gaps[k - 1] and tokens.is_capitalised(k - 1)


def _s_possessive(tokens: _Tokens, k: int) -> bool:
    """Is the gap after token k the apostrophe of a possessive after s ("Sanders'
    campaign", "the voters’ choice"), inside a noun phrase?"""
    return tokens.gaps[k] in ("'", "’") and tokens.low[k].endswith("s") and k + 1 < tokens.n


def _initial_dot(tokens: _Tokens, k: int) -> bool:
    """Is token k an initial before a capitalised word ("Charles G. Koch", "J. K.
    Rowling", "the U.S. State Department"), its period no end of the name?"""
    if tokens.gaps[k] != "." or k >= tokens.n - 1 or not _is_letter(tokens, k):
        return False
    # After a capital, or closing an initialism ("F.A.A. records", "U.S. lobbying records")
    return tokens.is_capitalised(k + 1) or (k > 0 and tokens.gaps[k - 1] == "." and _is_letter(tokens, k - 1))


def _is_letter(tokens: _Tokens, k: int) -> bool:
    return len(tokens.raw[k]) == 1 and tokens.raw[k].isupper()


# Words before a participle cue that keep it in its clause: "… by saying", "while insisting".
#: Report verbs of showing, whose subject is a text or count (PolNeAR train: "the inquiry
#: found", "the remarks suggest"), and of saying, whose subject speaks: their subject is a
#: source whatever its head (_plain_subject).
_SHOWING_TERMS = frozenset("show suggest indicate find reveal conclude detail highlight".split())
_SAYING_TERMS = _SHOWING_TERMS | frozenset(
    "say tell write add note explain state declare announce comment reply argue "
    "insist claim warn ask agree accuse urge decline refuse describe predict confirm "
    "acknowledge admit deny talk".split()
) | frozenset(("call for", "talk about", "lay out", "told reporters"))
#: Words in lower case before a verb of saying that head no subject.
_NOT_A_PLAIN_HEAD = frozenset(
    "own here there long past soon twice quite less more other another together away "
    "himself herself itself themselves ago now then".split()
)
# _main_clause_subject: how far into the sentence the cue may stand (tokens), how far the
# subject's verb may stand from the sentence's first word, the punctuation and the words
# that open another clause or speaker between the subject and the cue.
# Counts and their reckonings, which "say" as a document does, never a group of people:
# "The numbers say the economy is shrinking", "The latest statistics say otherwise".
_COUNTED_THINGS = frozenset(
    "numbers statistics stats tallies counts projections forecasts figures data "
    "results".split()
)
_MAIN_CLAUSE_REACH = 40
_OPENING_SUBJECT_REACH = 12
_MAIN_CLAUSE_STOPS = (*';:“”"()—–?!', "''", "--")
_MAIN_CLAUSE_PRONOUNS = frozenset("he she they".split())
# A quoted phrase inside a main clause: how many words at most, and the pronouns that
# would make it a quoted sentence of its own ("we want Bernie").
_QUOTED_PHRASE_WORDS = 5
# How many words an apposition after the main clause's subject may have ("Gary Emineth,
# a former state party chairman, became").
_APPOSITION_WORDS = 8
# Irregular pasts no other list holds, that follow such an apposition ("…, became") or an
# aside in brackets ("George Zimmerman (left) shot").
_PASTS_AFTER_AN_APPOSITION = frozenset(
    "became began came met found got brought led grew shot".split()
)
_QUOTED_SUBJECTS = frozenset("i we you he she they it".split())
# Words after "as" that open a clause or a comparison, not a role ("as there is", "as
# well as", "as many as", "as long as").
_AS_CLAUSE_OPENERS = frozenset("there well many much long soon far if though".split())
_CLAUSE_CONJUNCTIONS = frozenset(
    "when while because if although though as before after since until where whereas "
    "unless once".split()
)
_COMPARING = frozenset("more less fewer".split())  # "in more than two dozen states"
# Adverbs of time and order that may open a clause right before its subject ("Later
# the spokesman said", "Now the government hopes", "First his wife announced", "Then
# Trump wondered"): they modify the clause, no part of the subject, and PolNeAR's gold
# Sources leave them out. Not the focus words "even", "also", "only" or "just", which
# modify the phrase itself: PolNeAR's gold keeps "even her fellow cast members", "Only
# three senators" whole (and leaves "Even" out of three others).
_ADVERBS_BEFORE_A_SUBJECT = _TIME_WORDS | frozenset(
    "now then still first finally meanwhile instead again afterward afterwards "
    "thereafter".split()
)


def _opening_adverb(tokens: _Tokens, first: int, last: int) -> bool:
    """Is token ``first``, the first of a source's tokens first..last, such an adverb
    before the rest of the phrase, with nothing between ("Later the spokesman", "Now Jeb
    Bush", "Then someone")? Not before a participle, which it modifies ("recently hacked
    documents"). "First" and "Still" only before a determiner, a possessive or a count,
    as they may begin a name ("First Lady Michelle Obama")."""
    if first >= last or tokens.gaps[first]:
        return False
    adverb = tokens.low[first]
    if adverb not in _ADVERBS_BEFORE_A_SUBJECT or tokens.low[first + 1].endswith(("ed", "ing")):
        return False
    if adverb not in ("first", "still"):
        return True
    word = tokens.low[first + 1]
    return word in _DETERMINERS or word in _INDEFINITE or _possessive(tokens.raw[first + 1])


_FOCUS_WORDS = frozenset("only even just".split())  # "Only time will tell": no subject's
# "How markets respond …": a question word opens a clause that is a noun, no subject's
_QUESTION_WORDS = frozenset("how why what when where whether which who".split())
_PARTICIPLE_LINKS = frozenset("by while after before when in to".split())
# What may follow a commaless "citing" that is no cited noun phrase ("the citing of").
_NOT_AFTER_CITING = _PREPOSITIONS | _AUXILIARIES | _BE_FORMS | frozenset(("of",))
# Subjects that open the clause after a commaless "saying": "resigned saying he was".
_SAYING_SUBJECTS = frozenset("he she they we i it".split())
# Particles after a verb: "stepped down citing", "pulled out citing".
_VERB_PARTICLES = frozenset("down out up off away aside back".split())
# A verb's particles before its object, which modify no noun: "and put together open-mike
# nights", "sent out fund-raising pitches" (not "back", as in "back pay").
_PARTICLES_AFTER_A_VERB = frozenset("together out up off away aside".split())
# Words that end no verb phrase before a commaless "citing": "that citing", "and citing".
_NOT_AN_OBJECT = (
    _DETERMINERS | _PREPOSITIONS | _AUXILIARIES | _BE_FORMS | _SUBJECT_PRONOUNS | _CLAUSE_WORDS
    | frozenset("of not".split())
)
# Past forms without "-ed" of verbs a news clause ends on before "citing" ("quit citing").
_IRREGULAR_PASTS = frozenset(
    "quit left withdrew took made gave fell rose cut sold lost won went broke held kept "
    "sent spent set put stood ran struck".split()
)
# Words that may open the clause before the subject of a participle cue: "And now Mr.
# Manafort has taken on …, seeking", "as Mrs. Clinton echoed the criticism, saying".
_PARTICIPLE_OPENERS = frozenset(
    "and but as so yet now then also while where when although though because since once "
    "whereas".split()
)
# Words that open a stretch with no subject of its own before "and said": its verb, "or".
_OPENS_WITH_A_VERB = _AUXILIARIES | _BE_FORMS | frozenset("or nor of said says told tells".split())


# Determiners that make an unnamed role one known person: "his top aide, Tad Devine".
_ONE_PERSON_DETERMINERS = frozenset("the his her their its".split())
# Clause subjects that are no participle cue's source.
_NO_SUBJECT_SOURCE = frozenset("that this it what there here which".split())


def _possessive(raw: str) -> bool:
    return raw.endswith(("'s", "’s", "s'", "s’"))


def _whole_item(tokens: _Tokens, first: int, last: int) -> bool:
    """Is the list item at tokens first..last a noun phrase that no word before the "and"
    could modify: one word ("officials", "Rubio") or opening with a determiner, a
    possessive or a number ("his aides", "two nurses")? "Federal and state officials"
    shares its head; "Cruz and officials" cannot."""
    word = tokens.low[first]
    return first == last or word in _DETERMINERS or word in _INDEFINITE or \
        _possessive(tokens.raw[first]) or tokens.is_number(first)



def _relative_pronoun_of(tokens: _Tokens, k: int, verb: int) -> bool:
    """Is token k the relative pronoun whose verb starts at token ``verb`` ("Trump, who
    has said", "29 others who only specified")? Only auxiliaries, adverbs and focus
    words may stand between them."""
    if k >= verb or tokens.low[k] not in ("who", "which", "that"):
        return False
    return all(
        not tokens.gaps[m] and (tokens.low[m] in _AUXILIARIES or tokens.low[m] in _BE_FORMS
                                or _is_adverb(tokens, m) or tokens.low[m] in _FOCUS_WORDS)
        for m in range(k + 1, verb)
    ) and not tokens.gaps[k]


# Punctuation that no apposition spans: quotation marks, colons, semicolons, dashes, "?!".
_APPOSITION_STOPS = tuple(';:“”"?!—–')
_QUOTE_CLOSES = ("”", '"', "’")


def _opens_clause(tokens: _Tokens, i: int) -> bool:
    """Does token i open a clause: the sentence's first word (outside a quotation), the word
    after a closing quotation ('“…,” Jeff Weaver'), or after a sentence-initial "But"?"""
    if i == 0:
        return not any(mark in tokens.lead for mark in "“\"‘'")
    gap = tokens.gaps[i - 1]
    if gap:
        if len(gap) >= 2 and gap.endswith(_QUOTE_CLOSES) and gap[-2] in ",.?!":
            return True
        return gap == "," and _fronted_adverbial(tokens, i - 1)
    if tokens.low[i - 1] in _SUBORDINATORS:
        # "When the F.B.I. director, James B. Comey, said": a clause after its conjunction
        return _opens_clause(tokens, i - 1) or i == 1
    return i == 1 and tokens.low[0] in ("but", "and", "so", "yet") and not tokens.lead


#: Conjunctions that open a clause whose subject follows them.
_SUBORDINATORS = frozenset(
    "when as while after before because since although though if but and so yet".split()
)
#: Words that open a short adverbial before the subject: "Just last week,", "On Tuesday,".
_ADVERBIAL_OPENERS = _PREPOSITIONS | _TIME_WORDS | _BEFORE_A_DAY | frozenset(
    "just still meanwhile however instead now then also later earlier".split()
)


_TIME_ENDS = frozenset("later earlier ago".split())
# Asides between the main clause's subject and the cue: words at most in brackets
# ("George Zimmerman (left) shot"), in a relative clause ("Mr. Sanders, whose sole win on
# Tuesday came in Rhode Island, did not attack").
_BRACKET_WORDS = 3
_RELATIVE_CLAUSE_WORDS = 12
# Units of time before such an end ("A few minutes later", "Two days ago").
_TIME_SPANS = _TIME_NOUNS | frozenset(
    "second seconds minute minutes hour hours day days moment moments decade decades".split()
)


def _apposition_end(tokens: _Tokens, name: int, anchor: int) -> int:
    """The verb after an apposition that follows the name ending at token ``name``, set
    off by commas and opened by an article or a possessive ("Gary Emineth, a former state
    party chairman, became"), before token ``anchor``; -1 when there is none. The
    apposition has no punctuation of its own but a title's or an initial's period."""
    if tokens.gaps[name] != "," or not tokens.is_capitalised(name) or name + 1 >= anchor:
        return -1
    opening = tokens.low[name + 1]
    if opening not in _ARTICLES and opening not in _POSSESSIVE_DETERMINERS and \
            not _possessive(tokens.raw[name + 1]):
        return -1
    for close in range(name + 1, min(anchor - 1, name + 1 + _APPOSITION_WORDS)):
        if tokens.gaps[close] and not (_title_dot(tokens, close) or _initial_dot(tokens, close)):
            if tokens.gaps[close] != ",":
                return -1
            verb = close + 1
            if tokens.low[verb] in _AUXILIARIES or tokens.low[verb] in _BE_FORMS or \
                    tokens.low[verb] in _PASTS_AFTER_AN_APPOSITION or _past_verb(tokens, verb) or (
                past_or_present(tokens, verb) and not _people_plural(tokens, verb)
            ):
                return verb
            return -1
    return -1


def _name_with_of_or_for(tokens: _Tokens, first: int, start: int) -> bool:
    """Do tokens first..start-1 open one capitalised name with the phrase that starts at
    token ``start`` and ends in a capitalised head, joined by "of" or "for" ("the U.S.
    Court of Appeals for | the 6th Circuit")? Before it stand only capitalised words,
    articles, "of" and "for", with no punctuation but the periods of initials and
    titles."""
    if start <= first + 1 or tokens.low[start - 1] not in ("of", "for") or \
            not tokens.is_capitalised(start - 2):
        return False
    for k in range(first, start):
        if tokens.gaps[k] and not (_title_dot(tokens, k) or _initial_dot(tokens, k)):
            return False
        word = tokens.low[k]
        if not (tokens.is_capitalised(k) or word in _ARTICLES or word in ("of", "for")):
            return False
    return True


def _capitalised_after(tokens: _Tokens, k: int, end: int) -> bool:
    """Does a capitalised word stand at token k, or after "the" there, before token
    ``end``, with no punctuation before it: the rest of a name joined by "of" or "for"
    ("Department of | Justice", "Center for | the Study")?"""
    if k < end and tokens.low[k] == "the" and not tokens.gaps[k]:
        k += 1
    return k < end and not tokens.gaps[k - 1] and tokens.is_capitalised(k)


def _short_brackets(tokens: _Tokens, first: int, end: int) -> set[int]:
    """Gaps among tokens first..end-1 that open or close a short aside in brackets, at
    most _BRACKET_WORDS words with no punctuation inside ("George Zimmerman (left) shot
    and killed Trayvon Martin (right) …, but claimed"): a caption's pointer or a party
    label, no clause of its own."""
    marks: set[int] = set()
    for m in range(first, end - 1):
        if tokens.gaps[m].strip() != "(":
            continue
        close = next((c for c in range(m + 1, min(end, m + 1 + _BRACKET_WORDS))
                      if tokens.gaps[c]), -1)
        if close >= 0 and tokens.gaps[close].strip() in (")", "),"):
            marks.update((m, close))
    return marks


def _relative_clause_end(tokens: _Tokens, name: int, anchor: int) -> int:
    """The verb after a relative clause set off by commas that follows the name ending at
    token ``name`` ("Mr. Sanders, whose sole win on Tuesday came in Rhode Island, did not
    attack …"), before token ``anchor``; -1 when there is none. The clause opens with
    "who" or "whose", has no punctuation of its own and at most _RELATIVE_CLAUSE_WORDS
    words, and an auxiliary, a form of "be" or a verb in the past follows its comma."""
    if tokens.gaps[name] != "," or not tokens.is_capitalised(name) or name + 1 >= anchor or \
            tokens.low[name + 1] not in ("who", "whose"):
        return -1
    for close in range(name + 1, min(anchor - 1, name + 1 + _RELATIVE_CLAUSE_WORDS)):
        if tokens.gaps[close] and not (_title_dot(tokens, close) or _initial_dot(tokens, close)):
            if tokens.gaps[close] != ",":
                return -1
            verb = close + 1
            if tokens.low[verb] in _AUXILIARIES or tokens.low[verb] in _BE_FORMS or \
                    _past_verb(tokens, verb):
                return verb
            return -1
    return -1


def _after_time_span(tokens: _Tokens, first: int, anchor: int) -> int:
    """The token after a span of time that opens the clause at token ``first`` without a
    comma ("A few minutes later they reversed themselves", "Two days ago the mayor"), or
    ``first`` when there is none: at most five words, no punctuation, a plural or singular
    of time ("minutes", "week") before "later", "earlier" or "ago"."""
    for end in range(first + 1, min(anchor - 1, first + 5)):
        if tokens.gaps[end - 1]:
            return first
        if tokens.low[end] in _TIME_ENDS and tokens.low[end - 1] in _TIME_SPANS and \
                not tokens.gaps[end]:
            return end + 1
    return first


def _as_a_role(tokens: _Tokens, k: int, quoted: set[int]) -> bool:
    """Is "as" at token k a preposition that names a role or a label, no clause ("summed
    up Clinton as “terrible,”", "her record as secretary of state")? A short quotation or
    a bare word in lower case follows it, no determiner or pronoun that opens a subject
    ("as the crowd cheered", "as he said")."""
    if k in quoted:
        return True
    after = tokens.low[k + 1] if k + 1 < tokens.n else ""
    return bool(after) and not tokens.gaps[k] and tokens.raw[k + 1][:1].islower() and \
        after not in _DETERMINERS and after not in _SUBJECT_PRONOUNS and \
        after not in _AS_CLAUSE_OPENERS


def _listed_verb(tokens: _Tokens, k: int, verb: int, quoted: set[int]) -> bool:
    """Is token k, after a comma, a verb in the past in a list of the main clause's verb
    phrases whose first verb, token ``verb``, is in the past too ("Trump summed up Clinton
    as “terrible,” denounced her record … and said")? A short quotation's closing mark
    (in ``quoted``) may stand with the comma."""
    gap = tokens.gaps[k - 1]
    if k - 1 in quoted:
        gap = gap.strip("\"”’' ")
    return gap.strip() == "," and _past_verb(tokens, k) and _past_verb(tokens, verb)


def _people_plural(tokens: _Tokens, k: int) -> bool:
    """Is token k a lower-case plural of people ("supporters", "voters", "officials"),
    a noun that ends in -s as a verb may ("explains")?"""
    return not tokens.is_capitalised(k) and (
        _agent_plural(tokens, k) or source_kind(tokens.base[k]) == GROUP
    )


def _short_quotation_marks(tokens: _Tokens, first: int, end: int) -> set[int]:
    """Gaps among tokens first..end-1 that open or close a short quoted phrase, a word or
    a few the clause quotes as its own ("Cruz exhorted Republicans to "vote your
    conscience" and said", "summed up Clinton as “terrible,” denounced …", "He gestured
    "no" with his hands and declared"): at most _QUOTED_PHRASE_WORDS words, no pronoun
    that could be a quoted speaker's subject ("we want Bernie"), closed by quotation
    marks and at most a comma. Such a phrase opens no clause of its own, so the main
    clause's subject still says the coordinated verb (``_main_clause_subject``)."""
    marks: set[int] = set()
    m = first
    while m < end - 1:
        opening = tokens.gaps[m]
        if not opening or opening.strip("\"“‘'") or not any(
            mark in opening for mark in ('"', "“", "''", "‘")
        ):
            m += 1
            continue
        close = next((c for c in range(m + 1, min(end, m + 1 + _QUOTED_PHRASE_WORDS))
                      if tokens.gaps[c]), -1)
        if close < 0 or tokens.gaps[close].strip("\"”’',") or not any(
            mark in tokens.gaps[close] for mark in ('"', "”", "''", "’")
        ):
            return marks
        if any(_bare(tokens.low[k]) in _QUOTED_SUBJECTS for k in range(m + 1, close + 1)):
            return marks
        marks.update((m, close))
        m = close + 1
    return marks


def _fronted_adverbial(tokens: _Tokens, last: int) -> bool:
    """Is the sentence's start up to token ``last`` a short adverbial (at most six words)
    that the subject follows after a comma ("Just last week, Tom Gold, …, wrote", "On
    Tuesday, Ann Lee, who runs …, said", "A month later, he …")?"""
    if last >= 6 or tokens.lead or not (
        tokens.low[0] in _ADVERBIAL_OPENERS or tokens.low[last] in _TIME_ENDS
        or tokens.low[last] in _TIME_NOUNS
    ):
        return False  # "A month later,", "Last week,": a time however it opens
    if tokens.is_capitalised(last) and tokens.low[last] not in _CALENDAR_WORDS:
        return False  # "At an event in Ames, Iowa, on Sunday, Mrs. Clinton": a place goes on
    return not any(tokens.gaps[k] for k in range(last))


_ARTICLES = frozenset(("a", "an", "the"))
_VERB_PREFIXES = ("out-", "re-", "over-", "under-", "co-")
# Words that open a phrase after a source's head: "one Democrat familiar with the campaign",
# "one Republican involved in the planning".
_POSTMODIFIER_OPENERS = frozenset("familiar close involved".split())
# The object of "according to" (_object_phrase): words that end it (a clause opens) and
# words left out at its end.
_OBJECT_REACH = 16
_OBJECT_ENDS = _SUBJECT_PRONOUNS | _BE_FORMS | _AUXILIARIES | frozenset(
    "that whom whose where when because if while as than".split()
)
_OBJECT_TRIM = _PREPOSITIONS | _DETERMINERS | frozenset("of and or".split())
_OBJECT_PRONOUN_SOURCES = frozenset("him her them us me".split())


def _untyped_object(tokens: _Tokens, first: int, last: int) -> tuple[str, str]:
    """(subcategory, term) of an object of *according to* that names no known kind of
    source: a pronoun ("according to him") or else a text or count, a document ("according
    to early returns", "according to his Facebook profile")."""
    if first == last and tokens.low[first] in _OBJECT_PRONOUN_SOURCES:
        return PRONOUN, tokens.low[first]
    return DOCUMENT, _np_term(tokens, first, last)


def _reduced_relative(tokens: _Tokens, k: int) -> bool:
    """Does token ``k``, right after a source's head, open a reduced relative clause: a
    participle followed at once by a preposition or a day ("a poll conducted by Edison
    Research", "the letter reviewed by The Post", "reports emerging in the media", "the
    schedule published Thursday")? The clause describes the head, which ends the phrase."""
    if not tokens.low[k].endswith(("ed", "ing")) or k + 1 >= tokens.n or tokens.gaps[k]:
        return False
    following = tokens.low[k + 1]
    return following in _PREPOSITIONS or following in _CALENDAR_WORDS


# Words after which a clause's subject may open: "but Democrats who watched … said".
# Punctuation that ends a clause before a subject: ", officials in both cities insist".
_CLAUSE_MARKS = frozenset(",;:—–-\"”'’")
_SUBJECT_OPENERS = frozenset("but and so yet while as because although though when if".split())
# Words that open a clause whose subject may follow at once: "that Tapper, Bash and
# Blitzer had mentioned", "what Smith, Jones and Brown said".
_CONTENT_OPENERS = frozenset("that what whether".split())
# Words that may stand before an article inside one noun phrase: "one of the", "all the".
_BEFORE_AN_ARTICLE = frozenset("of and all both half such".split())

# "neither man said", "either woman": a described noun after these is two people.
_PAIR_WORDS = frozenset("neither either both".split())
# Participles after the people a poll asked: "voters polled", "those surveyed".
_SAMPLED = frozenset("polled surveyed interviewed questioned sampled".split())


def _ratio_at(tokens: _Tokens, last: int) -> int:
    """The first token of a share such as "six in 10", "3 in 5" or "nine out of 10" that
    token ``last`` closes (no punctuation inside), else -1."""
    if last < 2 or not tokens.is_number(last) or tokens.gaps[last - 1]:
        return -1
    if tokens.low[last - 1] == "in" and tokens.is_number(last - 2) and not tokens.gaps[last - 2]:
        return last - 2
    if (
        last >= 3
        and tokens.low[last - 1] == "of"
        and tokens.low[last - 2] == "out"
        and tokens.is_number(last - 3)
        and not tokens.gaps[last - 2]
        and not tokens.gaps[last - 3]
    ):
        return last - 3  # "Nearly nine out of 10 say"
    return -1


# Prepositions of place: "the floods in Belgium", "the port at Hull".
_OF_PLACE = frozenset("in at near inside outside across throughout".split())


def _place_after_a_noun(tokens: _Tokens, preposition: int, first: int) -> bool:
    """Is the name starting at token ``first`` the object of a preposition of place
    (token ``preposition``) that follows a lower-case noun in the same phrase: "the
    floods in Belgium", not "a survey published in early May" (a participle: the time of
    the release) nor "in 2030 Europe says" (no name)?"""
    if tokens.low[preposition] not in _OF_PLACE or preposition < 1:
        return False
    before = preposition - 1
    word = tokens.raw[before]
    return (
        not tokens.gaps[before]
        and word.islower()
        and not word.endswith("ed")
        and tokens.is_capitalised(first)
    )


def _count_subject(tokens: _Tokens, j: int) -> bool:
    """Is token ``j``, right before a report verb, a count or a share that opens its
    clause ("47% say", "…, 43 said the same", "and 39 have said")? A number inside a
    phrase ("in 2016 said") is none."""
    word = tokens.low[j]
    if tokens.gaps[j] == "%":
        return word.isdigit()
    if not tokens.is_number(j) or word == "one" or tokens.gaps[j]:
        return False  # "one said": one of whom? the phrase before says
    first = _number_start(tokens, j)
    return first == 0 or tokens.gaps[first - 1] in (",", ";", ":") or tokens.low[first - 1] in (
        "and", "but", "while", "whereas", "least", "about", "nearly", "some"
    )


def _number_start(tokens: _Tokens, j: int) -> int:
    """The first token of the number that token ``j`` ends: "21,000" is two tokens."""
    while (
        j >= 1 and tokens.gaps[j - 1] == "," and len(tokens.low[j]) == 3
        and tokens.low[j].isdigit() and tokens.low[j - 1].isdigit()
    ):
        j -= 1
    return j


def _generic_person(tokens: _Tokens, first: int, last: int) -> bool:
    """Is the described noun phrase a kind of person rather than one person: "a boy who"
    in a question ("What do you call a boy who calls himself a girl?")?"""
    return (
        tokens.low[first] in ("a", "an")
        and last + 1 < tokens.n
        and tokens.low[last + 1] == "who"
        and "?" in tokens.gaps[-1]
    )


def _former_member(
    tokens: _Tokens, covered: Sequence[LexiconEntry | None], first: int, head: int, last: int,
    entry: LexiconEntry,
) -> bool:
    """Does the noun phrase end in an institution's or an outlet's name right after
    "former", with no noun after it: "the former FSB said"? An organisation that speaks
    has no "former" (that is "the former Soviet Union", which says nothing); the phrase
    is a former member with the noun dropped (machine translation does it: "the former
    FSB [officer]"), one person without a name."""
    if head != last or entry.subcategory not in ("institution", "media"):
        return False
    k = head
    while k > first and covered[k - 1 - first] is entry:
        k -= 1
    return k > first and tokens.low[k - 1] == "former"


def _appositive_name(tokens: _Tokens, last: int, cue: int) -> int:
    """The last token of a personal name in apposition right after token ``last`` ("his
    wife, Melania, said", "said the chief executive, John J. Ferriola."), or -1. The name
    is one to four capitalised words between a comma and a comma, the sentence's end or
    the cue (token ``cue``); "Mr." and middle initials may stand inside it."""
    if tokens.gaps[last] != "," or last + 1 >= tokens.n:
        return -1
    k = last + 1
    words = 0
    while k < tokens.n and words < 4:
        word = tokens.low[k]
        if (
            not tokens.is_capitalised(k)
            or tokens.is_number(k)
            or word in _NEVER_IN_A_NAME
            or word in _CALENDAR_WORDS
            or word in DEMONYMS
            or word in _DETERMINERS
            or word.endswith("'s")
        ):
            return -1
        words += 1
        gap = tokens.gaps[k]
        if _title_dot(tokens, k) or _initial_dot(tokens, k):
            k += 1
            continue
        inverted = last > cue  # "said the chief executive, John J. Ferriola."
        if gap:
            # a comma closes the apposition (before the cue, or anywhere after it), or the
            # sentence's end after the cue
            closes = gap.startswith(",") and (inverted or k + 1 == cue)
            ends = inverted and gap[0] in ".!?" and k + 1 >= tokens.n
            return k if closes or ends else -1
        if k + 1 >= tokens.n:
            return k if inverted else -1
        k += 1
    return -1


def _described_before_name(tokens: _Tokens, end: int, last: int) -> bool:
    """Does a lower-case noun phrase that opens the clause with a determiner or a
    possessive end at token ``end`` ("The city's chief planner", "A longtime resident of
    the town"), followed by a personal name in apposition that ends at token ``last``
    ("…, Maria Lindqvist, said")?"""
    if end < 0 or tokens.gaps[end] != "," or tokens.is_capitalised(end) or \
            _appositive_name(tokens, end, last + 1) != last:
        return False
    first = end
    while first > 0 and not tokens.gaps[first - 1] and end - first < 8 and \
            tokens.low[first - 1] not in _PREPOSITIONS:
        first -= 1
    if not (first == 0 or tokens.gaps[first - 1]) or not _opens_clause(tokens, first):
        return False  # "wrote a letter to the university's president, Lee Bollinger,"
    if any(tokens.low[m] in _DETERMINERS and tokens.low[m - 1] != "of"
           for m in range(first + 1, end + 1)):
        return False  # "The company wrote the president, …": a verb and its object
    return tokens.low[first] in _DETERMINERS or tokens.low[first] in ("another", "one") or \
        _possessive(tokens.raw[first])


def _some(np: tuple[int, int] | None) -> list[tuple[int, int]]:
    return [] if np is None else [np]


# Participles that, with "as", give what a source is: "a source described as a friend".
_DESCRIBING_PARTICIPLES = frozenset("described identified characterized characterised".split())


def _describes_a_source(tokens: _Tokens, start: int) -> bool:
    """Does an anonymous-source phrase at token ``start`` follow "described as" (or
    "identified as") right after a noun ("another source described as an acquaintance of
    an official")? Then it says what that source is: one source, not two (audit22,
    audit25: seed 001 S4). Not after a be-form or "whom he described as": there the
    phrase is what someone else was called."""
    if start < 3 or tokens.gaps[start - 1] or tokens.gaps[start - 2] or tokens.gaps[start - 3]:
        return False
    return (
        tokens.low[start - 1] == "as"
        and tokens.low[start - 2] in _DESCRIBING_PARTICIPLES
        and tokens.low[start - 3] not in _BE_FORMS
        and tokens.low[start - 3] not in ("he", "she", "they", "whom", "who", "it", "we", "i")
    )


_ASIDE_DASHES = frozenset(("—", "–", "--"))
# Marks before "including" that open a list of a source's members.
_LIST_MARKS = _ASIDE_DASHES | frozenset((",", "(", "-"))


def _aside_opening(tokens: _Tokens, closing: int) -> int:
    """The token before the dash that opens the aside whose closing dash follows token
    ``closing`` ("the FSB—Russia's main security agency—have"), within 15 tokens and
    with no other punctuation than commas between; else -1."""
    for k in range(closing - 1, max(-1, closing - 16), -1):
        gap = tokens.gaps[k]
        if gap in _ASIDE_DASHES:
            return k
        if gap and gap != ",":
            return -1
    return -1


# Participles of verbs that take an object and "as" its description ("described it as",
# "portrayed him as"): right before "as" (or "by" and the agent), with no object between,
# they are passive.
_AS_COMPLEMENT_PARTICIPLES = frozenset(
    "described characterized characterised portrayed depicted labeled labelled branded "
    "dubbed billed touted hailed derided denounced decried criticized criticised praised "
    "dismissed cast painted identified".split()
)
# What stands before the subject of an active verb whose object was moved before it:
# "what analysts described as", "whom one Obama insider described as".
_EXTRACTED_OBJECT_WORDS = frozenset("what which whom that who whatever".split())


def _reduced_passive_as(tokens: _Tokens, match: _Match) -> bool:
    """Is the cue at ``match`` a participle of :data:`_AS_COMPLEMENT_PARTICIPLES` right
    before "as" or "by", after a noun phrase it describes: a reduced relative clause
    ("another source described as an acquaintance", "the candidates most often described
    as anti-establishment", "a man described by neighbours as a loner"), not the phrase's
    own verb ("what analysts described as", "the plan he described as") nor a passive
    with its auxiliary ("was described as", which the source walk reads)? PolNeAR train
    and dev hold one such cue, not gold, whose source was the phrase before it."""
    if tokens.low[match.start] not in _AS_COMPLEMENT_PARTICIPLES or match.end >= tokens.n:
        return False
    if tokens.low[match.end] not in ("as", "by") or tokens.gaps[match.end - 1]:
        return False
    j = match.start - 1
    while j >= 0 and not tokens.gaps[j] and (_is_adverb(tokens, j) or tokens.low[j] == "most"):
        j -= 1  # "most often described as"
    if j < 0 or tokens.gaps[j]:
        return False  # '“…,” described as': nothing described before it
    word = _bare(tokens.low[j])
    if word in _SUBJECT_PRONOUNS or word in _AUXILIARIES or word in _BE_FORMS or \
            word in _GET_FORMS or _is_negator(word):
        return False  # "he described as", "was described as", "has not described as"
    # The words before the phrase, up to a preposition or the clause's start: an object
    # moved before its verb ("what analysts described as", "whom one insider described
    # as") makes the verb active.
    k = j
    while k > 0 and j - k < 8 and not tokens.gaps[k - 1]:
        before = tokens.low[k - 1]
        if before in _EXTRACTED_OBJECT_WORDS or _bare(before) in _SUBJECT_PRONOUNS:
            return False
        if before in _PREPOSITIONS:
            break
        k -= 1
    return True


# A verb follows these at once: "would let", "did not initiate", "They met".
_BEFORE_A_BARE_VERB = frozenset(
    "do does did will would shall should can could might must not i you he she we they".split()
)
# Bare verbs that take a person or thing as object and are rarely a noun's modifier, so
# after "to" or "and" they are verbs ("to help Rubio", "and hit Snowden"), where an
# adjective would be part of the phrase ("according to senior officials"). Not "support",
# "court", "fire", "attack" or "pressure": "to court officials", "and support staff".
_BARE_VERBS_WITH_OBJECTS = frozenset(
    "help recruit sandbag file hit mean rebuild convince persuade urge woo lure hire blame "
    "defeat beat elect reelect re-elect encourage mobilize punish protect replace hurt "
    "remind tell ask let make get keep".split()
)
# Nouns that make "general" before them an adjective, not the military title ("The
# general counsel resigned and said", "the general public"); "attorney general",
# "secretary general" and "the general said" keep the title.
_NOUNS_AFTER_GENERAL = frozenset(
    "assembly assemblies counsel counsels manager managers public election elections "
    "electorate population audience partner partners practitioner practitioners "
    "contractor contractors secretary director council conference membership".split()
)
# Words that open a noun phrase after a modal as well ("why would any rational person").
_QUANTIFIERS = frozenset("any all both each every more most other enough half".split())
# Participles that are no adjective, after "has", "have" or "had" ("has seen fighters").
_IRREGULAR_PARTICIPLES = _IRREGULAR_PASTS | frozenset(
    "seen run done given taken shown grown known drawn written told found brought bought "
    "thought got gotten".split()
)
# Possessive determiners: a phrase they open has no unknown word before it ("figures her
# campaign released"), as an article's has none ("met a woman who").
_POSSESSIVE_DETERMINERS = frozenset("his her its their our my your".split())


def _verb_by_its_subject(tokens: _Tokens, i: int) -> bool:
    """Is the unknown lower-case token i a verb, read from the word before it: a subject
    pronoun, a modal, "do" or "not" ("They met idealists who", "would let editorials",
    "did not initiate"), or "has/have/had" before an irregular participle ("has seen
    fighters")? Such a word opens no noun phrase as an adjective would."""
    if i == 0 or tokens.gaps[i - 1] or tokens.low[i] in _QUANTIFIERS:
        return False  # "would any rational person": a quantifier, no verb
    previous = tokens.low[i - 1]
    if previous in _AUXILIARIES and tokens.is_capitalised(i - 1):
        return False  # "In May local officials", "Will": a month or a name, not a modal
    if previous in _BEFORE_A_BARE_VERB or previous.endswith(("n't", "n’t")):
        return True
    if tokens.low[i] in _BARE_VERBS_WITH_OBJECTS and (
        previous in ("to", "and") or previous in _BARE_VERBS_WITH_OBJECTS
    ):
        # "likely to help Rubio", "an effort to recruit pastors", "and hit Snowden back",
        # "plans to help rebuild Libya": a bare verb and its object; "rank and file
        # members" is a noun phrase
        return not (tokens.low[i] == "file" and i >= 2 and tokens.low[i - 2] == "rank")
    return previous in ("has", "have", "had") and tokens.low[i] in _IRREGULAR_PARTICIPLES


def _verb_before_its_object(tokens: _Tokens, k: int, first: int) -> bool:
    """Is token k, right before a phrase that opens with a number, a possessive
    determiner or "both" (token ``first``), a verb with that phrase as its object ("The
    list counts 29 others", "The ad features five voters", "figures her campaign
    released", "takes into account both Democrats")? The word is a lower-case one no
    list knows, not a focus word ("even her supporters") nor a word that goes before a
    determiner ("all her"); before a number, it is a present or past verb form ("counts",
    "left"), as an adjective there ("an estimated 29", "almost 30") is common."""
    opening = tokens.low[first]
    if not (opening in _POSSESSIVE_DETERMINERS or opening == "both" or tokens.is_number(first)):
        return False
    word = tokens.low[k]
    if tokens.is_capitalised(k) or not word.isalpha() or word in _BEFORE_AN_ARTICLE or \
            word in _FOCUS_WORDS or word in _DETERMINERS or word in _INDEFINITE or \
            tokens.is_number(k):
        return False
    if opening in _POSSESSIVE_DETERMINERS or opening == "both":
        return True
    return word in _IRREGULAR_PASTS or (
        word.endswith("s") and not word.endswith(("ss", "us", "is"))
    )


def _past_verb(tokens: _Tokens, k: int) -> bool:
    """Is token k a verb in the past ("resigned", "quit"), not an adjective after a
    determiner ("the embattled"), a name ("Ted") or a noun such as "bed"?"""
    word = tokens.low[k]
    if word in _IRREGULAR_PASTS:
        return not _after_determiner(tokens, k)
    return (
        len(word) > 4 and word.endswith("ed") and tokens.raw[k][:1].islower()
        and not _after_determiner(tokens, k)
    )


def _agent_start(tokens: _Tokens, after: int) -> int:
    """The token after "by" in "threatened with prosecution by the authorities", or -1.

    "by" must follow the verb within five tokens of the same clause, and no form of "be"
    between them: in "said the project was vetted by his firm's counsel" the agent is
    the vetting one's, of a passive of its own.
    """
    for k in range(after, min(tokens.n, after + 5)):
        if k > after and tokens.gaps[k - 1]:
            return -1
        if tokens.low[k] in _BE_FORMS:
            return -1
        if tokens.low[k] == "by":
            return k + 1 if k + 1 < tokens.n and not tokens.gaps[k] else -1
    return -1


def _is_adverb(tokens: _Tokens, i: int) -> bool:
    word = tokens.low[i]
    if word in _ADVERBS_BEFORE_VERB:
        return True
    return word.endswith("ly") and len(word) > 4 and not tokens.is_capitalised(i) and \
        word not in _NOUNS_ENDING_IN_LY


def _after_determiner(tokens: _Tokens, i: int) -> bool:
    if i == 0 or tokens.gaps[i - 1] or tokens.low[i] in _QUANTIFIERS:
        return False  # "would any rational person": a quantifier, no verb
    previous = tokens.low[i - 1]
    return previous in _DETERMINERS or previous.endswith("'s")


def _show_then_to(tokens: _Tokens, i: int) -> bool:
    """Is "show(s/ed)" at token i followed by "to" ("the talk shows to defend", "showed
    them to the door")? Showing as evidence takes a clause or an object, never "to"."""
    return i + 1 < tokens.n and not tokens.gaps[i] and tokens.low[i + 1] == "to"


def _reads_as_verb(tokens: _Tokens, i: int) -> bool:
    """For a form that is also a noun ("claims", "report"): is this one a verb?"""
    previous = tokens.low[i - 1] if i > 0 else ""
    following = tokens.low[i + 1] if i + 1 < tokens.n else ""
    gap_before = tokens.gaps[i - 1] if i > 0 else tokens.lead
    gap_after = tokens.gaps[i]
    if (
        previous
        and not gap_before
        and (
            previous in _DETERMINERS
            or (previous in _PREPOSITIONS and previous != "to")  # "to claim" is a verb
            or previous in _INDEFINITE
            or previous.endswith("'s")
        )
    ):
        return False  # "the claims", "his claim", "of reports", "Ukraine's claims"
    if previous and not gap_before and _is_attributive(tokens, i - 1) and not (
        tokens.low[i].endswith("ing")
    ):
        return False  # "published claims", "the Polish claims", "dubious claims": a noun
    if following and not gap_after and following in _NOUN_FOLLOWERS:
        return False  # "the claims were", "claims of"
    if gap_after[:1] in (":", "“", '"', "‘"):
        return True  # "claims: …", 'claims “…”'
    if following in _CLAUSE_OPENERS and not gap_after:
        return True  # "claims that", "claims the ban"
    if following and not gap_after and (tokens.is_capitalised(i + 1) or tokens.is_number(i + 1)):
        return True  # "details Important Stories", "claims 200,000"
    if previous in _SUBJECT_PRONOUNS and not gap_before:
        return True  # "he claims"
    if previous and _is_adverb(tokens, i - 1):
        return True  # "also claims", "reportedly claims"
    return "," in gap_before  # "The Kremlin, meanwhile, claims"


# Endings of adjectives and participles that stand before a noun ("published claims",
# "competing claims", "dubious claims", "doubtful reports"); a verb never follows them.
_ATTRIBUTIVE_ENDINGS = ("ed", "ing", "ous", "ful")


def _is_attributive(tokens: _Tokens, k: int) -> bool:
    """Is token k an adjective or participle before a noun: a lower-case word of five or
    more letters with an adjective's or participle's ending, or a demonym ("Polish")?
    Names ("Harding claims") and short words ("king", "red") are not."""
    word = tokens.low[k]
    if word in DEMONYMS:
        return True
    raw = tokens.raw[k]
    return len(word) >= 5 and raw[:1].islower() and word.endswith(_ATTRIBUTIVE_ENDINGS)


def _is_month_may(tokens: _Tokens, i: int) -> bool:
    """Is "may" at token i the month rather than the modal verb?"""
    following = tokens.low[i + 1] if i + 1 < tokens.n and not tokens.gaps[i] else ""
    if following and (tokens.is_number(i + 1) or following == "day"):
        return True  # "May 9", "May 2023", "May Day"
    capitalised = tokens.raw[i] == "May"
    previous = tokens.low[i - 1] if i > 0 and not tokens.gaps[i - 1] else ""
    if previous in _MONTH_PREPOSITIONS and (
        capitalised or previous not in _MONTH_PREPOSITIONS_WEAK
    ):
        return True  # "in May", "since May", "this May"
    if not capitalised:
        return False
    if following in _MONTH_FOLLOWERS:
        return True  # "May was the deadliest month"
    # Mid-sentence capitalised "May" is the month, unless the sentence is a Title Case headline.
    return i > 0 and not tokens.looks_title_case()


def _is_noun_might(tokens: _Tokens, i: int) -> bool:
    """Is "might" at token i the noun ("military might", "the might of")?"""
    if tokens.low[i] != "might":
        return False
    if i + 1 >= tokens.n or tokens.gaps[i]:
        return True  # nothing follows: "with all his might."
    if tokens.low[i + 1] in _MIGHT_NOUN_AFTER:
        return True
    if i == 0 or tokens.gaps[i - 1] or tokens.low[i] in _QUANTIFIERS:
        return False  # "would any rational person": a quantifier, no verb
    previous = tokens.low[i - 1]
    return previous in _MIGHT_NOUN_BEFORE or previous.endswith("'s")


# "possible" that estimates nothing: "as soon as possible", "possible to reach", "the
# best possible", "made it possible".
_POSSIBLE_NOT_AFTER = frozenset(
    "as if where wherever when whenever all every best only highest lowest fastest maximum "
    "minimum "
    "greatest largest smallest earliest shortest longest widest least most everything any "
    "extent".split()
)
_MAKE_FORMS = frozenset("make makes made making".split())


def _is_non_epistemic_possible(tokens: _Tokens, i: int) -> bool:
    following = tokens.low[i + 1] if i + 1 < tokens.n and not tokens.gaps[i] else ""
    if following == "to" or following == "for":
        return True  # "it is possible to travel": ability, not probability
    if i == 0 or tokens.gaps[i - 1] or tokens.low[i] in _QUANTIFIERS:
        return False  # "would any rational person": a quantifier, no verb
    previous = tokens.low[i - 1]
    if previous in _POSSIBLE_NOT_AFTER or previous in _MAKE_FORMS:
        return True  # "any possible reality": free choice; "to the extent possible"
    if hedging.is_negated_possible(tokens, i):
        return True  # "would not be possible": impossibility is certain
    if hedging.is_granted_possible(tokens, i):
        return True  # "some exceptions are possible": what the rules allow, no estimate
    if hedging.after_a_superlative_noun(tokens, i):
        return True  # "the largest audience possible": an extent, no estimate
    return i >= 2 and previous == "it" and tokens.low[i - 2] in _MAKE_FORMS


# What "claimed" takes when it means won or took, not said: "claimed the title".
_CLAIMED_PRIZES = frozenset(
    "title titles victory win lives life seat seats throne championship championships prize "
    "medal medals gold silver bronze record records crown trophy cup pole top place spot "
    "territory land lead nomination nominations majority refund refunds inheritance estate "
    "mantle adherents members followers residency citizenship asylum compensation "
    # on a tax return: "claimed a loss of $916 million", "claiming tax breaks"
    "loss losses deduction deductions exemption exemptions break breaks".split()
)


_AFTER_A_PRIZE = frozenset(
    "of and or but as when while after before since worldwide nationwide today yesterday "
    "again outright monday tuesday wednesday thursday friday saturday sunday".split()
)


def _claims_a_prize(tokens: _Tokens, end: int) -> bool:
    """Is "claim" (ending before token ``end``) "to take or demand as one's own": "claimed
    the title", "claimed the English throne", "claims 250 million adherents", "claimed a
    tax refund"? A prize or a possession within four words, the rest determiners, numbers
    or at most two modifiers, and no verb after it ("claimed the victory was stolen" says)."""
    k = end
    modifiers = 0
    while k < tokens.n and not tokens.gaps[k - 1] and k - end < 5:
        word = tokens.low[k]
        if word in _CLAIMED_PRIZES:
            # the prize ends the object: "claimed the nomination on Tuesday", not "claimed
            # the nomination process was rigged"
            following = tokens.low[k + 1] if k + 1 < tokens.n and not tokens.gaps[k] else ""
            if following in _CLAIMED_PRIZES:
                k += 1
                continue  # "her second gold medal"
            return (
                not following
                or following in _PREPOSITIONS
                or following in _AFTER_A_PRIZE
                or (following.endswith("ly") and len(following) > 4)
            )
        if word in _DETERMINERS or tokens.is_number(k) or word.endswith("'s") or word in (
            "first", "second", "third", "fourth", "fifth", "overall", "national", "world",
            "more", "than", "over", "nearly", "about", "some",
        ):
            k += 1
            continue
        modifiers += 1
        if modifiers > 2 or word in _AUXILIARIES or word in _BE_FORMS or word in _SUBJECT_PRONOUNS:
            return False
        k += 1
    return False


def _passive_claimed_by(tokens: _Tokens, i: int) -> bool:
    """Is "claimed" at token i a passive with its agent ("the attacks were claimed by the
    Islamic State", "seats to be claimed by his rivals")? What is claimed so is a deed or a
    prize, not a statement: a claim that something is so is passive only with "it" ("it was
    claimed by the firm that ...") or "to" ("is claimed to be"). PolNeAR train and dev
    have four "be claimed by", none a statement."""
    if tokens.low[i] != "claimed" or i + 1 >= tokens.n or tokens.gaps[i] or tokens.low[i + 1] != "by":
        return False
    k = i - 1
    if k >= 0 and not tokens.gaps[k] and tokens.low[k].endswith("ly"):
        k -= 1  # "was reportedly claimed by"
    if k < 0 or tokens.gaps[k] or tokens.low[k] not in _BE_FORMS:
        return False
    return not (k > 0 and tokens.low[k - 1] == "it")


# Labels that end in a colon without handing the floor to anyone.
def _shouted_kicker(words: Sequence[str]) -> bool:
    """A lead in capitals that is no acronym: "POISONED", "FIX IS IN" (a kicker before a
    headline), not "CNN" or "FBI" (a name of up to four letters)."""
    letters = [w for w in words if any(c.isalpha() for c in w)]
    return bool(letters) and all(w.isupper() for w in letters) and (
        len(letters) > 1 or len(letters[0]) > 4
    )


# A quotation in single quotes after a colon, headline style: "A lesson from Loretta Lynch:
# 'Be the voice that people hear.'" (PolNeAR marks the colon as the cue and the name as
# the source). Single quotes also mark a word or two ("the rule: 'Trump's wall' was a
# slogan") and an apostrophe opens none ("'90s"), so the quotation must close at the end
# of the sentence: a quote mark after a non-space, then at most punctuation.
_SINGLE_QUOTED = re.compile(r"['‘]\S(?:.*\S)?['’][.,;:!?)\s]*$", re.DOTALL)

_NOT_SPEAKERS = frozenset(
    "latest update updates correction corrections related additional watch read breaking "
    "exclusive video photos note opinion analysis monday tuesday wednesday thursday friday "
    "saturday sunday today yesterday live more also see q a contributing byline name age "
    "twitter email credit question answer "
    # an outlet's labels for a kind of piece: "News Guide:", "Fact Check:", "Explainer:"
    "guide check explainer factbox timeline recap "
    # e-mail headers: "Date: Wed, 20 Nov", "From: The Riverside Brief", "Subject: …"
    "date from to subject cc bcc sent".split()
)
#: Subcategory of a source that is a pronoun ("he said"): the source is named elsewhere in
#: the article, so it is neither a named nor an anonymous source in the counts.
PRONOUN = "pronoun"
# Subject pronouns that are a report verb's source. "I" and "we" are too: a report verb
# inside a quotation is already the quoted speaker's (models.attribution), so one outside
# is the writer's or the outlet's ("I asked him", "We asked our followers"); PolNeAR
# marks them (train: 52 of the 71 spans they add overlap a gold source). "you" is left
# out: mostly generic ("you can say") or an interviewer's question.
_PRONOUN_SOURCES = frozenset("he she they who it i we".split())
# A US party label after a politician's name: "(R-Texas)", "(D-Md.)", "(R)", "(I-Vt.)".
_PARTY_LABEL = re.compile(r"[RDI](?:-[A-Z][A-Za-z]*)?")
# A US state's abbreviation alone in brackets after a name: "Sen. Ted Cruz (Tex.)".
_STATE_LABEL = re.compile(r"[A-Z][a-z]{1,4}")


def _party_label(tokens: _Tokens, k: int) -> bool:
    """Is token k a party label in brackets right after a name: "Cornyn (R-Texas)", or a
    state's abbreviation alone ("Cruz (Tex.)")?"""
    return (
        k >= 1
        and tokens.gaps[k - 1].endswith("(")
        and tokens.gaps[k].lstrip(".").startswith(")")
        and (_PARTY_LABEL.fullmatch(tokens.raw[k]) is not None or (
            tokens.gaps[k].startswith(".)") and _STATE_LABEL.fullmatch(tokens.raw[k]) is not None
        ))
        and tokens.is_capitalised(k - 1)
    )


def _agent_plural(tokens: _Tokens, k: int) -> bool:
    """Is token k the plural of an agent noun written in lower case ("developers",
    "lobbyists", "historians"), people of a kind, a group? Never a capitalised word:
    "Sanders", "Rogers" and "Peters" are surnames."""
    word = tokens.base[k]
    return word.endswith("s") and not tokens.is_capitalised(k) and agent_noun(word)


def _before_a_title(tokens: _Tokens, k: int) -> bool:
    """Is token k a capitalised word right before a title's abbreviation ("State" in "State
    Sen. Lee Bright", "Jersey" in "New Jersey Gov. Chris Christie")?"""
    return (
        k + 1 < tokens.n and not tokens.gaps[k] and tokens.is_capitalised(k)
        and tokens.low[k] not in _NP_STOP
        and (_title_dot(tokens, k + 1) or _before_a_title(tokens, k + 1))
    )


def _dotted_party_label(tokens: _Tokens, k: int) -> bool:
    """Do tokens k-1 and k make a party label with a dotted state in brackets right after a
    name: "Meeks (D-N.Y.)" ("D-N", ".", "Y")?"""
    return (
        k >= 2
        and tokens.gaps[k - 2].endswith("(")
        and tokens.gaps[k - 1] == "."
        and _PARTY_LABEL.fullmatch(tokens.raw[k - 1]) is not None
        and len(tokens.raw[k]) <= 2 and tokens.raw[k].isupper()
        and tokens.is_capitalised(k - 2)
    )


_FIRST_PERSON = frozenset(("i", "we"))
# An opening single quotation mark: at the start, or after a space or a bracket. Single
# quotes are not tracked as quotations (’ is also the apostrophe), so "I" after one may be
# a quoted speaker's.
_SINGLE_QUOTE_OPENING = re.compile(r"(?:^|[\s(\[])['‘]")


def _single_quote_before(tokens: _Tokens, k: int) -> bool:
    """Does a single quotation mark open before token k in its sentence?"""
    return _SINGLE_QUOTE_OPENING.search(tokens.text, 0, tokens.starts[k] + 1) is not None


# A contraction after a pronoun: "they’ve", "he’s", "who’d", "she’ll", "we're".
_CONTRACTION = re.compile(r"['’](?:s|ve|re|ll|d|m)$")


def _bare(word: str) -> str:
    """A lowercased word without its contraction: "they’ve" -> "they", "who’d" -> "who"."""
    return _CONTRACTION.sub("", word)


def _pronoun_subject(tokens: _Tokens, start: int, end: int) -> int:
    """The pronoun that is the subject of a report verb at tokens start..end, or -1:
    "he said", "she has repeatedly argued", "…,” said he", "who told"."""
    k = start - 1
    chained = False
    while k >= 0 and not tokens.gaps[k]:
        word = tokens.low[k]
        if _bare(word) in _PRONOUN_SOURCES:
            if _passive_after(tokens, k, start):
                return -1  # "It was admitted that", "He was told": no one who reports
            return k  # "he said", "they’ve suggested", "she’ll likely want"
        if word == "to" and not chained and _went_on(tokens, k - 1):
            chained = True  # "he went on to say"
            k -= 3
            continue
        time_start = _time_start(tokens, k)
        if time_start >= 1:
            k = time_start - 1  # "he last week said", "she on Tuesday said", "he a week later"
            continue
        if word in _AUXILIARIES or word in _BE_FORMS or _is_negator(word) or \
                _is_adverb(tokens, k) or _before_the_verb(tokens, k) or \
                (k + 1 == start and _only_before_the_verb(tokens, k)):
            k -= 1  # "he has long argued", "they both said", "he only said"
            continue
        if word == "since" and k > 0 and tokens.low[k - 1] in ("has", "have", "had"):
            k -= 1  # "she has since said"
            continue
        if word == "to" and not chained and k > 0 and tokens.low[k - 1] in _CATENATIVES:
            chained = True  # "she continued to suggest", "he's poised to argue"
            k -= 2
            continue
        break
    if (
        (start == 0 or tokens.gaps[start - 1])
        and end < tokens.n
        and not tokens.gaps[end - 1]
        and not tokens.low[end - 1].endswith("ing")  # "…, saying they are": the content's
    ):
        if tokens.low[end] in ("he", "she", "they"):
            return end  # inverted: '…,” said he'
    return -1


# Participles that name a state of mind after "be": their subject holds the view ("they
# are convinced that", "he wouldn't be worried about"), as the subject of "believe" does.
_HELD_STATES = frozenset(
    "convinced assured surprised worried concerned persuaded satisfied disappointed "
    "frustrated pleased shocked alarmed troubled encouraged heartened puzzled mystified "
    "determined prepared inclined dismayed disturbed outraged offended amazed "
    "astonished stunned confused unconvinced".split()
)


def _passive_after(tokens: _Tokens, k: int, start: int) -> bool:
    """Is the report verb at token ``start`` a passive participle whose subject is the
    pronoun at token k ("It was admitted that", "it is said that", "It’s been reported",
    "He was told", "They were accused")? Then the pronoun names what is reported, or no
    one (an expletive "it"), or who was told: never who reports."""
    verb = tokens.low[start]
    if not (verb.endswith(("ed", "en")) or verb in _IRREGULAR_PARTICIPLES or verb == "said"):
        return False  # "he has been saying", "she was quick to add"
    if verb in _HELD_STATES:
        return False  # "we are convinced this is", "she was not surprised": who holds it
    if tokens.low[k] in ("it’s", "it's") and k == start - 1:
        return True  # "It’s implied that"
    return any(
        tokens.low[m] in _BE_FORMS or tokens.low[m] in _GET_FORMS for m in range(k + 1, start)
    )


# Verbs and adjectives that chain to a report verb with "to": "continued to suggest".
_CATENATIVES = frozenset(
    "continued continues continue tried tries try went goes began begins begin seemed "
    "seems appeared appears poised eager ready likely going used wanted wants".split()
)
# More of them, for finding a cue's source (not a pronoun's): "has begun to rebut", "was
# quick to add", "refused to say", "has to remind", "was prompted to say".
_CHAIN_TO = _CATENATIVES | frozenset(
    "begun started starts continuing trying refused refuses declined declines decided "
    "decides agreed agrees promised promises vowed vows sought seeks planned plans hoped "
    "hopes moved rushed quick eager reluctant willing unwilling prompted forced expected "
    "failed fails managed attempted pledged chose chooses choosing able unable careful "
    "has have had need needs needed happy content sure".split()
)
# Pronouns after a quantifier's "of" in a subject: "most of them", "many of you".
_PARTITIVE_OBJECTS = frozenset("them us you those these".split())
# "(more) likely to say": a chain whose subject is the source; the degree words before it.
_LIKELIHOOD = frozenset("likely unlikely".split())
_COMPARATIVES = frozenset("more less most least".split())
# Verbs that take a report verb's "-ing" form: "started asking", "avoided criticizing".
_CHAIN_ING = frozenset(
    "started starts began begun begins continued continues kept keeps keep stopped "
    "avoided avoids resumed finished".split()
)


def _went_on(tokens: _Tokens, k: int) -> bool:
    """Are tokens k-1..k "went on" (go, goes, going, gone), before "to" and a report verb:
    "He went on to say"? PolNeAR marks "went on to say" as one cue."""
    return (
        k >= 1
        and tokens.low[k] == "on"
        and tokens.low[k - 1] in ("went", "go", "goes", "going", "gone")
        and not tokens.gaps[k - 1]
        and not tokens.gaps[k]
    )


def _chained_before(tokens: _Tokens, j: int, chains: int) -> int:
    """When token ``j`` (the word before a cue, or before an earlier link) is the end of a
    verb chain ("tried to |", "started |" before an "-ing" cue), the token before the
    chain's first verb, else -1. At most two links ("has been trying to get to say" is
    no chain of ours)."""
    if chains >= 2 or j < 1 or tokens.gaps[j - 1]:
        return -1
    if tokens.low[j] == "to" and tokens.low[j - 1] in _CHAIN_TO:
        k = j - 2
        if tokens.low[j - 1] in _LIKELIHOOD and k >= 1 and tokens.low[k] in _COMPARATIVES \
                and not tokens.gaps[k]:
            # "Democratic voters are slightly more likely to say": the subject of the
            # chain, not "more" (a group word)
            k -= 1
        return k
    if tokens.low[j] == "to" and _went_on(tokens, j - 1):
        return j - 3  # "Trump went on to criticize"
    if tokens.low[j] in _CHAIN_ING and tokens.low[j + 1].endswith("ing"):
        return j - 1
    return -1


def _calls_as_speech(tokens: _Tokens, i: int) -> bool:
    """ "Bush called Trump unhinged", "he calls it", "and called the plan": a speech act
    when a name, a pronoun, an auxiliary or "and" comes right before the verb; after a
    comma as "calling"; or when its object is followed by a quotation ("called it “…”")."""
    if i > 0 and "," in tokens.gaps[i - 1] and tokens.low[i] == "calling":
        return True  # "…, calling her a rising star": a participle clause of speech
    if names_with_a_quote(tokens, i):
        return True  # 'Alexander, one of its architects, called it “a development”'
    if i == 0 or tokens.gaps[i - 1] or tokens.low[i] in _QUANTIFIERS:
        return False  # "would any rational person": a quantifier, no verb
    previous = tokens.low[i - 1]
    return (
        previous in _SUBJECT_PRONOUNS
        or previous in _AUXILIARIES
        or previous in ("and", "also", "once", "has", "have", "had")
        or (tokens.is_capitalised(i - 1) and previous not in _DETERMINERS)
        or _is_adverb(tokens, i - 1)
    ) and previous not in ("which", "it")


# Attribution verbs that report a belief or intention rather than speech (PARC, PolNeAR).
_COGNITION = frozenset("believe think want hope fear expect know plan seek intend feel like".split())
_FIRST_SECOND_PERSON = frozenset("i we you".split())


def _first_person(tokens: _Tokens, i: int) -> bool:
    """Is the subject of the verb at token i "I", "we" or "you" ("I don't really want")?"""
    k = i - 1
    while k >= 0 and not tokens.gaps[k] and i - k <= 4:
        word = tokens.low[k]
        if word in _FIRST_SECOND_PERSON:
            return True
        if word in _AUXILIARIES or _is_negator(word) or _is_adverb(tokens, k) or word in (
            "do", "does", "did", "don", "t", "just", "really", "all", "truly", "both",
        ):
            k -= 1
            continue
        return False
    return False


#: Contracted epistemic modals whose negation is the claim's ("it mightn't matter").
_INNER_CONTRACTIONS = frozenset("mightn't mayn't".split())


def _is_negator(word: str) -> bool:
    return word in _NEGATORS or word.endswith("n't")


def _is_negated(tokens: _Tokens, start: int, end: int, *, after: bool) -> bool:
    """A negator up to NEGATION_WINDOW tokens before, in the same clause; or, with
    ``after``, "not" right after ("probably not", "may not"); or a one-word
    contracted form ("couldn't")."""
    if end - start == 1 and tokens.low[start].endswith("n't"):
        return True
    k = start - 1
    while k >= 0 and start - k <= NEGATION_WINDOW:
        if tokens.gaps[k]:
            break
        if _is_negator(tokens.low[k]):
            if tokens.low[k + 1] in _NOT_NEGATING_AFTER:
                return False
            return True
        k -= 1
    if after and end < tokens.n and not tokens.gaps[end - 1]:
        following = tokens.low[end]
        if following in ("not", "never"):
            return not (end + 1 < tokens.n and tokens.low[end + 1] in _NOT_NEGATING_AFTER)
    return False


# ---------------------------------------------------------------------- weasel words

#: Subcategory of hedge spans that attribute a claim to unnamed, vague holders
#: ("some argue", "it is often said", "widely regarded"): Wikipedia's weasel words
#: (Ganter & Strube 2009; Farkas et al. 2010). Found by the rules below, not by the lexicon.
WEASEL = "weasel"
#: Subcategory of hedge spans that leave an amount unspecified ("many", "several",
#: "a number of"): vague quantity, a discourse-level hedge (Channell 1994; Szarvas et al. 2012).
VAGUE = "vague"
# Determiners of an unspecified amount.
# ("various", "numerous" and "a number of" were tried and left out: they stress variety or
# abundance, and annotators of uncertainty rarely mark them.)
_VAGUE_DETERMINERS = frozenset("some many several".split())
# "some time", "to some extent": set phrases that quantify nothing a reader could check.
# ("some sort of", "some kind of" are counted: vague category identifiers, Channell 1994.)
_VAGUE_NOT_BEFORE = frozenset("time point extent degree way".split())
# Before "many" or "several": a definite whole ("the many", "their many stunts", "its many
# baggage cars": all of a known set, as "the"; session 19), a question or a degree ("how
# many", "so many", "too many") or a comparison ("as many as").
_NOT_BEFORE_VAGUE = frozenset("the his her its their our my your whose how so too as".split())

# Indefinite quantifiers that can stand for unnamed people: "Some argue", "Most observers believe".
_WEASEL_QUANTIFIERS = frozenset("some many most several various numerous others".split())
# Bare plural groups named by role, not by name: "critics say", "observers believe";
# and camps named by where they stand: "supporters", "defenders", "adherents", "backers".
_WEASEL_GROUPS = frozenset(
    "critics observers commentators skeptics sceptics detractors opponents proponents "
    "supporters scholars historians experts pundits analysts economists scientists "
    "researchers academics people insiders advocates activists sources "
    "defenders adherents admirers devotees loyalists partisans apologists sympathisers "
    "sympathizers backers believers purists traditionalists naysayers doubters".split()
)
# Verbs of saying and opinion whose subject is the vague group.
_OPINION_VERBS = frozenset(
    (
        "say says said believe believes believed think thinks thought feel feels felt argue "
        "argues argued contend contends contended claim claims claimed suggest suggests "
        "suggested note notes noted consider considers considered regard regards regarded "
        "view views viewed see sees saw describe describes described call calls called "
        "maintain maintains maintained assert asserts asserted speculate speculates "
        "speculated suspect suspects suspected fear fears feared question questions "
        "questioned criticise criticises criticised criticize criticizes criticized praise "
        "praises praised perceive perceives perceived allege alleges alleged insist insists "
        "insisted hold holds held agree agrees agreed disagree disagrees disagreed doubt "
        "doubts doubted find finds found dispute disputes disputed worry worry worried "
        "point points pointed "
        "predict predicts predicted reject rejects rejected prefer prefers preferred "
        "consider contend charge charges charged "
        "condemn condemns condemned denounce denounces denounced "
        "dismiss dismisses dismissed interpret interprets interpreted"
    ).split()
)
# After a clause boundary word a new subject may start: "…, but some argue".
_CLAUSE_LINKS = frozenset(
    "and but while although though that because since however yet as whereas where when so "
    "which who still".split()
)
# "It is said that", "it was widely believed": impersonal passives of saying and belief.
_IMPERSONAL_PARTICIPLES = frozenset(
    "said believed thought claimed argued assumed suggested rumoured rumored alleged "
    "speculated considered felt held supposed presumed feared reported accepted agreed "
    "estimated maintained asserted remarked noted observed known".split()
)
# Adverbs that claim a vague consensus: "widely regarded", "often called".
_CONSENSUS_ADVERBS = frozenset(
    "widely generally commonly often frequently sometimes popularly traditionally usually "
    "largely broadly universally increasingly occasionally".split()
)
# Participles that, after a consensus adverb, attribute a view to unnamed people.
_CONSENSUS_PARTICIPLES = frozenset(
    "considered regarded deemed reputed seen viewed perceived thought believed said "
    "described called referred known credited touted hailed acknowledged recognized "
    "recognised accepted cited labelled labeled dubbed rumoured rumored reported "
    "debated disputed understood".split()
)
# Participles of associating, after a consensus adverb and before "to / with": a link, a
# likeness or an authorship that unnamed people make ("is often compared to Vermeer",
# "commonly linked to damp housing", "widely attributed to Twain"), a view as "widely
# regarded" is. Without "to / with" they are mostly literal ("often linked from the home
# page").
_ASSOCIATING_PARTICIPLES = frozenset("linked equated compared attributed ascribed".split())
# Adverbs of frequency say how often a name is used, not who holds a view: "often called"
# and "commonly known as" name things; "often regarded as" is still a weasel.
_FREQUENCY_ADVERBS = frozenset(
    "often frequently sometimes usually commonly occasionally traditionally".split()
)
_NAMING_PARTICIPLES = frozenset("called referred known labelled labeled dubbed cited".split())
# Raising passives that need no adverb: "is considered rare", "was regarded as".
_RAISING_PARTICIPLES = frozenset("considered regarded deemed reputed".split())
# After "considered" with no complement: taken into account or weighed ("had not been
# considered in the earlier studies", "is being considered for the post"), not a view.
_DELIBERATION_AFTER = frozenset("in for during at when before after until within under".split())
_CLAUSE_ENDS = frozenset(".;:!?)")
# These count only with "as": "is seen as a snub" ("was seen leaving" is no weasel).
_AS_PARTICIPLES = frozenset("seen viewed perceived regarded touted hailed heralded lauded billed".split())
# Agentless evaluative passives: "has been questioned", "was criticised".
_AGENTLESS_PARTICIPLES = frozenset(
    "questioned criticised criticized disputed challenged praised described hailed touted "
    "suggested claimed argued proposed speculated rumoured rumored debated accused blamed".split()
)
# "regarded as disappointing by many": the participle before "by <quantifier>".
_BY_PARTICIPLES = _CONSENSUS_PARTICIPLES | _AGENTLESS_PARTICIPLES | frozenset(
    "criticised criticized praised blamed preferred rejected favoured favored dismissed "
    "attacked condemned welcomed used adopted".split()
)
_WEASEL_SKIPPABLE = _AUXILIARIES | frozenset("also still even long now often once have".split())
# Holders of views and findings who stay unnamed after a vague quantifier:
# "some critics", "many scholars", "other studies".
_VAGUE_HOLDERS = _WEASEL_GROUPS | frozenset(
    "reviewers fans viewers readers listeners users authors writers theorists believers "
    "followers studies accounts sources reports surveys polls commentators observers "
    "officials officers diplomats lawmakers aides staffers employees".split()
)
_VAGUE_QUANTIFIERS = (_WEASEL_QUANTIFIERS - {"others"}) | frozenset({"other", "few"})
# "There is some speculation", "there has been debate": an unowned view or doubt.
_UNOWNED_VIEWS = frozenset(
    "speculation debate controversy doubt doubts concern concerns belief suspicion "
    "suspicions rumours rumors claims allegations fears worries hopes expectations "
    "questions".split()
)


def _clause_start(tokens: _Tokens, i: int) -> bool:
    return i == 0 or bool(tokens.gaps[i - 1]) or tokens.low[i - 1] in _CLAUSE_LINKS


def _weasel_at(tokens: _Tokens, i: int) -> int:
    """One past the last token of a weasel starting at token i, or -1."""
    word = tokens.low[i]
    n = tokens.n

    def opens(k: int) -> bool:
        return _clause_start(tokens, k)

    # "Some note that", "Most observers believe", "critics argue", "Some have criticised",
    # "The majority of economists believe".
    if (
        (word in _WEASEL_QUANTIFIERS or word in _WEASEL_GROUPS)
        and (
            _clause_start(tokens, i)
            or (word in _WEASEL_GROUPS and hedging.bare_premodified(tokens, i, opens))
        )
    ) or hedging.is_majority_subject(tokens, i, opens):
        if i + 1 < n and (tokens.is_number(i + 1) or tokens.low[i + 1] in hedging.ROUND_NUMBERS):
            return -1  # "some 20 / several hundred people said": an approximation, not a vague source
        # A group takes at most one word or an adverb before its verb ("critics argue",
        # "critics also say"), or a prepositional phrase that names what it opposes or
        # belongs to: "Critics of the new plan say", "Opponents of this view argue".
        last = i + 5 if i + 1 < n and tokens.low[i + 1] in hedging.GROUP_PREPOSITIONS else i + 2
        for j in range(i + 1, min(n, i + 7)):
            if tokens.gaps[j - 1] and not hedging.is_parenthetical_adverb(tokens, j):
                break
            if tokens.low[j] in _OPINION_VERBS and not hedging.is_noun_point(tokens, j):
                if hedging.is_phrasal_call(tokens, j) or hedging.has_named_agent(tokens, j):
                    return -1  # "called for a recount"; "most were described by Smith"
                return j + 1
            if tokens.low[j] in _BE_FORMS or tokens.low[j] in _RELATIVE_PRONOUNS:
                break
            if hedging.opens_an_object(tokens, j):
                break  # "several women withdrew the charges": past the verb, into its object
            if word in _WEASEL_GROUPS and j > last and tokens.low[j] not in _WEASEL_SKIPPABLE:
                break
    # "It is often said that", "it was widely believed", "However, recently it has been said".
    if word == "it" and (
        _clause_start(tokens, i) or (i > 0 and _is_adverb(tokens, i - 1) and _clause_start(tokens, i - 1))
    ):
        j = i + 1
        while j < n and not tokens.gaps[j - 1] and j - i <= 4:
            low = tokens.low[j]
            if low in _BE_FORMS or low in ("has", "had", "been") or _is_adverb(tokens, j):
                j += 1
                continue
            if low in _IMPERSONAL_PARTICIPLES and j > i + 1:
                if low == "known" and j + 1 < n and tokens.low[j + 1] == "as":
                    return -1  # "it is known as Fourth Avenue": a name, no view
                if hedging.has_named_agent(tokens, j):
                    return -1  # "it was reported by the BBC that": a named source
                return j + 1
            break
        return -1
    following = tokens.low[i + 1] if i + 1 < n and not tokens.gaps[i] else ""
    previous = tokens.low[i - 1] if i > 0 and not tokens.gaps[i - 1] else ""
    # "led many to believe", "leading some to speculate".
    if word in _WEASEL_QUANTIFIERS and following == "to" and i + 2 < n:
        if tokens.low[i + 2] in _OPINION_VERBS or tokens.low[i + 2] == "speculate":
            return i + 3
        return -1
    # "some critics", "many leading scholars", "a number of reviewers", "other studies".
    if word in _VAGUE_QUANTIFIERS or (word == "number" and previous == "a" and following == "of"):
        first = i + 2 if word == "number" else i + 1
        if previous in ("the", "how", "so", "too", "as") or (first < n and (
            tokens.is_number(first) or tokens.low[first] in hedging.ROUND_NUMBERS
        )):
            return -1  # "the few experts", "too many people", "some 20 / several hundred analysts"
        if hedging.counts_or_owns(tokens, i):
            return -1  # "eight other people", "his many critics", "its most common rivals"
        for j in range(first, min(n, first + 3)):
            if tokens.gaps[j - 1]:
                break
            if tokens.low[j] in _VAGUE_HOLDERS:
                if word == "other" and _vague_group(tokens, i, j + 1):
                    return -1  # "other senior officials such as governors": more of a kind, no amount
                return j + 1
            if tokens.low[j] in _NP_STOP and tokens.low[j] != "of":
                break
        return -1
    # "There is some speculation", "there has been much debate".
    if word == "there" and _clause_start(tokens, i):
        j = i + 1
        while j < n and not tokens.gaps[j - 1] and j - i <= 5:
            low = tokens.low[j]
            if low in _UNOWNED_VIEWS:
                return j + 1
            if low in _BE_FORMS or low in ("has", "have", "had", "been", "remains", "remain") \
                    or low in ("some", "much", "considerable", "widespread", "growing", "a",
                               "little", "wide", "lingering", "persistent", "many", "new",
                               "serious"):
                j += 1
                continue
            break
        return -1
    # "widely regarded", "often called", "commonly referred to".
    if word in _CONSENSUS_ADVERBS and following in _CONSENSUS_PARTICIPLES:
        if word in _FREQUENCY_ADVERBS and following in _NAMING_PARTICIPLES:
            return -1
        if hedging.is_plain_perception(tokens, i + 1):
            return -1  # "dolphins are often seen in the river": sighted, no view
        return i + 2
    if word in _CONSENSUS_ADVERBS and following in _ASSOCIATING_PARTICIPLES:
        after = tokens.low[i + 2] if i + 2 < n and not tokens.gaps[i + 1] else ""
        return i + 2 if after in ("to", "with") else -1  # "often compared to Vermeer"
    # "is seen as", "a move viewed as".
    if word in _AS_PARTICIPLES and following == "as":
        return i + 2
    # "is known to exist", "are known to have": knowledge without a knower.
    if word == "known" and following == "to" and previous in _BE_FORMS:
        return -1 if hedging.names_a_knower(tokens, i + 2) else i + 2
    # "praised by critics": the agent of a participle of judgement is a group, unnamed.
    if word == "by" and following in _WEASEL_GROUPS:
        if any(tokens.low[k] in _BY_PARTICIPLES for k in range(max(0, i - 5), i)):
            return i + 2
    # "by many", "by some": the agent of a participle of judgement is a vague crowd.
    if word == "by" and following in _WEASEL_QUANTIFIERS:
        if i + 2 < n and (tokens.is_number(i + 2) or tokens.low[i + 2] == "of"):
            return -1  # "by some 20 percent", "by most of the votes"
        if any(tokens.low[k] in _BY_PARTICIPLES for k in range(max(0, i - 5), i)):
            return i + 2
        return -1
    if word in _RAISING_PARTICIPLES or word in _AGENTLESS_PARTICIPLES:
        k = i - 1
        while k >= 0 and not tokens.gaps[k] and _is_adverb(tokens, k):
            k -= 1
        after_be = k >= 0 and not tokens.gaps[k] and tokens.low[k] in _BE_FORMS
        if following == "by" and not (
            i + 2 < n and tokens.low[i + 2] in _WEASEL_QUANTIFIERS
        ):
            return -1  # "was considered by the committee": a named agent
        if word == "considered" and (
            i + 1 >= n or tokens.gaps[i].strip()[:1] in _CLAUSE_ENDS
            or following in _DELIBERATION_AFTER
        ):
            return -1  # "had not been considered in the study", "was considered for the post"
        if word in _RAISING_PARTICIPLES:
            # "is considered rare", "then considered the haven", "considered to be"
            if after_be or k < i - 1 or following in ("to", "as", "one", "among"):
                return i + 1
            return -1
        if after_be and previous != "not":
            return i + 1  # "has been questioned", "was described as"
    return -1


def _vague_at(tokens: _Tokens, i: int) -> int:
    """One past "some", "many" or "several" used as a vague amount at token i, or -1."""
    word = tokens.low[i]
    n = tokens.n
    if word not in _VAGUE_DETERMINERS:
        return -1
    if i + 1 < n and tokens.gaps[i] == "," and tokens.low[i + 1] == word:
        return -1  # "many, many years ago": the repeated word decides (here a time)
    if i + 1 >= n or tokens.gaps[i]:
        return i + 1 if word != "some" else -1  # "… and many more."; "for some."
    following = tokens.low[i + 1]
    if tokens.is_number(i + 1) or following in _VAGUE_NOT_BEFORE or (
        following in hedging.TIME_UNITS or following in hedging.ROUND_NUMBERS
    ):
        return -1  # "some 20 people", "several hundred miles": approximations; "many times"
    if i > 0 and not tokens.gaps[i - 1] and tokens.low[i - 1] in _NOT_BEFORE_VAGUE:
        return -1  # "the many", "their many stunts", "how many", "so many", "as many as"
    if word == "some" and _unknown_reason(tokens, i):
        return -1  # "for some reason": which reason is unknown, no amount is left open
    if _contrasted_with_all_or_none(tokens, i):
        return -1  # "some or all of the rooms", "some but not all": a logical quantifier
    return i + 1


# After "some / many / several" and "or" or "but (not)": the whole or nothing it is set
# against ("in some or all of the rooms", "some but not all of the rules", "some or no
# space"). Set against "all" or "none", the word marks a part as against the whole, a
# logical quantifier (Horn's scale), and leaves no amount vague.
_ALL_OR_NONE = frozenset("all none no every each".split())


def _contrasted_with_all_or_none(tokens: _Tokens, i: int) -> bool:
    low = tokens.low
    if i + 2 >= tokens.n or tokens.gaps[i] or tokens.gaps[i + 1] or low[i + 1] not in ("or", "but"):
        return False
    j = i + 3 if low[i + 2] == "not" and i + 3 < tokens.n and not tokens.gaps[i + 2] else i + 2
    return j < tokens.n and low[j] in _ALL_OR_NONE


def _unknown_reason(tokens: _Tokens, i: int) -> bool:
    """Is "some" at token i the determiner of "(for) some (odd) reason"? There "some"
    means "a reason not known" (an epistemic indefinite, Haspelmath 1997), not an amount."""
    for j in (i + 1, i + 2):
        if j >= tokens.n or tokens.gaps[j - 1]:
            return False
        if tokens.low[j] == "reason":
            return True
    return False


# Every word a weasel or vague-quantity rule can start at: other tokens are skipped at once.
_WEASEL_TRIGGERS = (
    _WEASEL_QUANTIFIERS | _WEASEL_GROUPS | _VAGUE_QUANTIFIERS | _VAGUE_DETERMINERS
    | _CONSENSUS_ADVERBS | _AS_PARTICIPLES | _RAISING_PARTICIPLES | _AGENTLESS_PARTICIPLES
    | frozenset({"it", "there", "by", "known", "number", "majority"})
    | hedging.TRIGGERS
)


def _vague_group(tokens: _Tokens, i: int, end: int) -> bool:
    """Is the weasel candidate at tokens i..end a vague group with no claim credited to it
    ("some opponents", "many observers", "a number of reviewers", "other studies": no verb of
    saying or opinion in it)? A vague amount of people or sources, not a vague source of a
    claim: where such a group was a news sentence's only cue the labellers called it
    certain in 28 of 31 (five reading-A draws), though CoNLL-2010's Wikipedia annotators mark them as weasels."""
    low = tokens.low
    if not (
        (low[i] in _VAGUE_QUANTIFIERS or low[i] == "number")
        and low[end - 1] in _VAGUE_HOLDERS
        and not any(w in _OPINION_VERBS for w in low[i:end])
    ):
        return False
    start = i - 1 if low[i] == "number" else i  # "a number of": from "a"
    if start > 0 and not tokens.gaps[start - 1] and low[start - 1] in ("to", "by"):
        return False  # "according to some historians", "seen by some critics": a source
    j = end
    while j < tokens.n and not tokens.gaps[j - 1] and low[j] in _GROUP_VERB_FILLERS:
        j += 1
    return not (j < tokens.n and not tokens.gaps[j - 1] and (
        low[j] in _OPINION_VERBS or low[j] in _GROUP_CLAIM_VERBS
    ))


# After a vague group, before its verb: auxiliaries and adverbs ("some critics have long
# argued", "other studies also show").
_GROUP_VERB_FILLERS = frozenset(
    "have has had also even still now often long already will would may might could can "
    "do does did increasingly repeatedly privately publicly openly".split()
)
# Verbs that credit a claim, a finding or a view to the group, besides _OPINION_VERBS.
_GROUP_CLAIM_VERBS = frozenset(
    (
        "show shows showed shown find finds found indicate indicates indicated suggest "
        "suggests wonder wonders wondered worry worries worried fear fears feared expect "
        "expects expected point points pointed warn warns warned predict predicts predicted "
        "insist insists insisted doubt doubts doubted question questions questioned agree "
        "agrees agreed dispute disputes disputed hope hopes hoped estimate estimates "
        "estimated report reports reported cite cites cited praise praises praised "
        "criticize criticizes criticized criticise criticises criticised accuse accuses "
        "accused complain complains complained charge charges charged allege alleges alleged "
        "blame blames blamed credit credits credited"
    ).split()
)


def _weasel_spans(
    tokens: _Tokens, hedged: Sequence[tuple[int, int]], offset: int, sentence_index: int
) -> list[Span]:
    """Weasel and vague-quantity hedges in one sentence, none overlapping a lexicon hedge
    or each other (a weasel wins: "some critics" is one weasel, not also a vague "some")."""
    spans: list[Span] = []
    taken = list(hedged)
    low = tokens.low
    resume = 0  # where the last span ends: the next one starts there or later
    for i in compress(range(tokens.n), map(_WEASEL_TRIGGERS.__contains__, low)):
        if i < resume:
            continue
        subcategory = WEASEL
        end = _weasel_at(tokens, i)
        if end > 0 and _vague_group(tokens, i, end):
            subcategory = VAGUE  # "some opponents are using", "many observers were surprised"
        if end < 0:
            subcategory = VAGUE
            end = _vague_at(tokens, i)
        if end < 0 and low[i] in hedging.TRIGGERS:
            end, subcategory = hedging.construction_at(tokens, i)
        if end < 0 or any(i < b and a < end for a, b in taken):
            continue
        taken.append((i, end))
        start, stop = tokens.starts[i], tokens.ends[end - 1]
        text = tokens.text[start:stop]
        spans.append(
            make_span(
                offset + start, offset + stop, text, "hedge", subcategory,
                " ".join(tokens.low[i:end]), sentence_index,
            )
        )
        resume = end
    end = hedging.open_question_end(tokens)
    if end > 0 and not any(a < end for a, _ in taken):
        # "Had they lost touch with the base?": the writer's open yes/no question
        start, stop = tokens.starts[0], tokens.ends[end - 1]
        spans.insert(0, make_span(
            offset + start, offset + stop, tokens.text[start:stop], "hedge", hedging.EPISTEMIC,
            "open question", sentence_index,
        ))
    return spans


# ---------------------------------------------------------------------- module API


@lru_cache(maxsize=1)
def _shipped_lexicon() -> Lexicon:
    return load_lexicon()


@lru_cache(maxsize=1)
def default_finder() -> CueFinder:
    """A finder over the shipped lexicon, built once per process."""
    return CueFinder(_shipped_lexicon())


def count_by(
    spans: Iterable[Span],
    category: str,
    subcategory: str | None = None,
    *,
    include_negated: bool = False,
) -> int:
    """How many spans have this category (and subcategory); negated ones only if asked."""
    return sum(
        1
        for span in spans
        if span.category == category
        and (subcategory is None or span.subcategory == subcategory)
        and (include_negated or not span.negated)
    )
