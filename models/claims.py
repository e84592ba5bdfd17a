"""Claims across articles: which sentences state the same thing, and how sure each article is.

:func:`align_claims` groups sentences (headlines and body sentences) from
different articles that state the same claim, and gives each article carrying
a claim its certainty on one scale (:data:`CERTAINTY_LEVELS`), from the cues
:mod:`models.cues` already found in the sentence (no cue is detected twice),
plus a small rule set for denials, which no other measure needs.

How sentences are grouped (the Methods text says the same):

1. Each sentence with at least :data:`MIN_CONTENT_WORDS` content words becomes a
   TF-IDF vector of word unigrams and bigrams over light stems ("resigning",
   "resignation" -> "resign") joined with character 3–5-grams within words
   (which catch "ban"/"banned", "Kyiv"/"Kiev"), L2-normalised.
2. Candidate pairs come from blocking: two sentences are compared only when
   they are from different articles and share at least two content stems
   that are not among the corpus's most common ones (:data:`BLOCK_MAX_DF`),
   or have the same content (copies of one sentence), so the work grows with
   the number of sentences, not with its square. This is part of what a claim
   is here, not a lossless shortcut: sentences whose shared words are all among
   the corpus's most common (the story's main names and titles: "Donald J.
   Trump, a Republican presidential candidate, …") are never compared, however
   high their cosine. Most such pairs are different statements about the same
   people, and comparing them all would make claims of them (120 PolNeAR
   articles: 261 claims, 426 with every pair compared, the added ones mostly
   such). Because BLOCK_MAX_DF counts sentences, a larger corpus has more common
   stems and fewer pairs are compared: ``bench/claims_scaling.py`` prints the
   share of the pairs at or above the threshold that blocking keeps, per size.
   That share understates what is lost: of pairs at 0.35 or more that blocking
   never compares, 0 of 25 drawn at 120 PolNeAR articles and 2 of 25 at 240 state
   the same thing (read by hand, blind to the scores: ``bench/claims_pairs.py``).
   An IDF weighting of the word stems with every pair compared does not do
   better: none of 30 pairs drawn from those only it links at 0.35 are the same
   statement (they share rarer names instead: different statements about the
   same people), while 2 of 20 of those only the current rule links are.
3. Pairs whose cosine similarity reaches the threshold link their sentences;
   each connected group is then split by average-linkage agglomerative
   clustering at the same threshold, so a claim's sentences are on average
   as similar as the threshold asks (single links cannot chain unrelated
   sentences into one claim). Average linkage never joins sentences that no
   link connects, so clustering the linked groups alone loses nothing.
4. A group becomes a claim when it holds sentences of at least two articles.
   Its label is its most central sentence (highest mean similarity to the
   others, to 9 decimals; a tie, as in every claim of two sentences, goes to
   the earlier sentence in load order). One article may state a claim in
   several sentences (headline, lead, body): all are kept as mentions, and the article's certainty for the
   claim is that of its sentence most similar to the claim's label (its
   ``representative`` mention), so the sentence behind a cell reads like its row.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from models.article import Sentence, Span
from models.compare import outlet_names
from models.features import ArticleAnalysis
from models.measures import CERTAINTY_DEFINITIONS, CERTAINTY_LEVELS
from models.progress import Cancelled, NullProgress, Progress
from models.quotations import quotation_intervals
from models.readers.layout import promotion_or_note
from models.voice import (
    quoted_flags,
    reported_frames,
    speakerless_scare_quotes,
)

__all__ = [
    "CERTAINTY_DEFINITIONS",
    "CERTAINTY_LEVELS",
    "Claim",
    "ClaimAlignment",
    "ClaimMention",
    "PreparedClaims",
    "align_claims",
    "claim_rows",
    "prepare_claims",
    "sentence_certainty",
]

if TYPE_CHECKING:
    import numpy as np
    from scipy.sparse import csr_matrix

#: Cosine similarity (0–1) two sentences' vectors need to state the same claim. 0.35 loses
#: least F1 against each set's best of three hand-labelled pair draws (the seeds, PolNeAR
#: same-story groups, PolNeAR's mixed stories; two readers, bench/claims_pairs.py,
#: session 16): 0.30 and 0.40 each win one set and lose another clearly.
DEFAULT_THRESHOLD = 0.35
#: A claim's label is its sentence of highest mean similarity to the others, compared to
#: this many decimals; a tie goes to the earlier sentence (earlier article in load order).
CENTRALITY_DECIMALS = 9
MIN_THRESHOLD, MAX_THRESHOLD = 0.05, 0.95
#: Sentences with fewer content words than this ("Important Stories.") are not claims.
MIN_CONTENT_WORDS = 4
#: A claim needs sentences from at least this many articles.
MIN_ARTICLES = 2
#: Stems in more sentences than this ("said", "president") do not make two sentences
#: candidates; each remaining stem adds at most BLOCK_MAX_DF² pairs, so the work grows
#: with the number of sentences, not with its square.
BLOCK_MAX_DF = 40
#: Candidates share at least this many of those stems (a claim shares several words).
BLOCK_MIN_SHARED = 2
#: Weight of the word part of a sentence vector (the character part gets the rest).
WORD_WEIGHT = 0.8
#: Sentences of linked groups whose pairwise products are computed together: all at once
#: (29,000 sentences of the 2,399-article benchmark corpus) took ~270 MB more memory
#: at its peak, in batches of this many ~50 MB, in the same CPU time.
GRAM_BATCH_ROWS = 4096


@dataclass(frozen=True, slots=True)
class ClaimMention:
    """One sentence of one article stating a claim, with the certainty it gives it.

    ``sentence_index`` is -1 for the headline. ``probability_low``/``high``
    (0–1) are set for ``epistemic`` mentions whose hedge has a range, and for
    ``attributed`` ones whose only epistemic hedge is inside a quotation (the quoted
    speaker's range; ``quoted_hedge`` is that hedge's text, see
    :func:`sentence_certainty`).
    ``attributed_to`` is the source the sentence credits, whatever the level
    (a factive "revealed" keeps ``asserted`` but names its source). ``cue`` is
    the text that decided the level; ``representative`` marks the mention that
    gives the article its certainty for the claim (its sentence most similar to the
    claim's label); ``similarity`` is its cosine similarity (0–1) to the claim's centre.
    """

    claim_id: int
    article_id: str
    outlet: str
    sentence_index: int
    sentence: str
    certainty: str
    probability_low: float | None
    probability_high: float | None
    attributed_to: str
    cue: str = ""
    representative: bool = False
    similarity: float = 0.0
    highlights: tuple[tuple[int, int], ...] = ()  # the cue's offsets in the article's text
    quoted_hedge: str = ""


@dataclass(frozen=True, slots=True)
class Claim:
    """Sentences from several articles that state the same thing, labelled by the most central."""

    claim_id: int
    label: str
    mentions: tuple[ClaimMention, ...]

    @property
    def outlets(self) -> tuple[str, ...]:
        """Outlets carrying the claim, sorted case-insensitively."""
        return tuple(sorted({m.outlet for m in self.mentions}, key=lambda o: (o.casefold(), o)))

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.article_id for m in self.mentions))

    def representatives(self) -> tuple[ClaimMention, ...]:
        """One mention per article: the one that gives the article's certainty."""
        return tuple(m for m in self.mentions if m.representative)

    def certainty_of(self, article_id: str) -> str | None:
        """The article's certainty for this claim, or None when it does not carry it."""
        for m in self.mentions:
            if m.representative and m.article_id == article_id:
                return m.certainty
        return None

    def outlet_certainties(self, outlet: str) -> tuple[str, ...]:
        """The certainties of the outlet's articles carrying the claim (one per article)."""
        return tuple(m.certainty for m in self.mentions if m.representative and m.outlet == outlet)


@dataclass(frozen=True, slots=True)
class ClaimAlignment:
    """The claims of a corpus at one threshold, most widely carried first."""

    claims: tuple[Claim, ...]
    threshold: float
    outlets: tuple[str, ...]
    article_ids: tuple[str, ...] = ()
    sentences_compared: int = 0

    def claim(self, claim_id: int) -> Claim:
        for c in self.claims:
            if c.claim_id == claim_id:
                return c
        raise KeyError(claim_id)

    def omitted_by(self, claim: Claim) -> tuple[str, ...]:
        """Outlets of the corpus that do not carry ``claim``."""
        carried = set(claim.outlets)
        return tuple(o for o in self.outlets if o not in carried)

    def mentions(self) -> Iterable[ClaimMention]:
        for c in self.claims:
            yield from c.mentions


# ---- certainty of one sentence -------------------------------------------------

_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "«": '"', "»": '"'})
_NOT_DENIAL_BEFORE = re.compile(r"\b(?:not|never|no one|nobody|n't)\s+(?:\w+\s+)?$", re.I)
# A denial: the claim (or "it", "the report") is called false, or someone denies it.
_DENIAL_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.I)
    for p in (
        r"\b(?:false|untrue|unfounded|baseless|groundless|fake|fabricated)\s+"
        r"(?:rumou?rs?|reports?|claims?|news|stor(?:y|ies)|allegations?|information)\b",
        r"\b(?:it|this|that|report|reports|claim|claims|rumou?rs?|story|allegations?|news)\s+"
        r"(?:is|was|are|were|has been|had been)\s+(?:\w+ly\s+)?(?:false|untrue|not true|"
        r"baseless|unfounded|groundless|fake|fabricated|a lie|nonsense)\b",
        r"\bnot true\b",
        r"\b(?:den(?:y|ies|ied|ying)|refut(?:e|es|ed|ing)|rebut(?:s|ted)?)\b",
        r"\breject(?:s|ed|ing)?\s+(?:the|these|those|such|this|that)\s+"
        r"(?:reports?|claims?|allegations?|accusations?|rumou?rs?)\b",
        r"\bdismiss(?:es|ed|ing)?\s+(?:it|them|the\s+\w+|these\s+\w+|such\s+\w+)\s+as\b",
        r"\bno such\s+\w+\s+(?:exists?|existed|is in place|was in place|has been)\b",
    )
)
# An infinitive or "with" right after a report verb makes it an act, not a report:
# "threatened to invent charges", "threatened with prosecution"; "revealed to the
# outlet", "told to Reuters" name the hearer and stay reports.
_ACT_NOT_REPORT = re.compile(r"^\s*(?:with\b|to\s+(?!(?:the|a|an|his|her|their|its|our|this|"
                             r"that|these|those|him|them|us|me|reporters|journalists)\b)"
                             r"(?![A-Z]))")
# A quotation mark opening a text (after white space): straight, curly or guillemet
# (the marks _QUOTES straightens, so the text need not be straightened first).
_OPENING_QUOTE = re.compile(r'^\s*["\'“”‘’«»]')
#: A sentence that ends its quotation: a closing mark at its end, after any full stop.
_CLOSED_QUOTE = re.compile(r'["”»][.!?]?\s*$')


# Every denial pattern holds one of these (lower-case) words: a text of plain ASCII
# without any of them is no denial (most are not: no pattern needs to run on them).
# ASCII only: under re.I a non-ASCII letter can match an ASCII one ("ſ" matches "s").
_DENIAL_WORDS = ("false", "untrue", "unfounded", "baseless", "groundless", "fake",
                 "fabricated", "not true", "a lie", "nonsense", "deny", "denie", "refut", "rebut",
                 "reject", "dismiss", "no such")


@lru_cache(maxsize=65536)
def denial_cue(text: str) -> str:
    """The words by which ``text`` denies a claim ("false rumour", "denied"), or ''.

    A denial that is itself negated ("did not deny") is not a denial. Kept by text
    (wire copy repeats a claim's sentence in many articles).
    """
    # (_QUOTES maps no ASCII character: an ASCII text is its own translation.)
    plain = (text if text.isascii() else text.translate(_QUOTES)).replace('"', "")
    if plain.isascii():
        lower = plain.lower()
        if not any(word in lower for word in _DENIAL_WORDS):
            return ""
    for pattern in _DENIAL_PATTERNS:
        for match in pattern.finditer(plain):
            if _NOT_DENIAL_BEFORE.search(plain[: match.start()]):
                continue
            return match.group(0)
    return ""


def _reports(span: Span, sentence: Sentence) -> bool:
    """Whether an attribution span introduces reported content (not "threatened to…")."""
    if span.subcategory != "factive" and span.term == "according to":
        return True
    after = sentence.text[span.end - sentence.start :]
    return not _ACT_NOT_REPORT.match(after)


#: A dash set off by spaces, one side of an aside ("four sources – including a former
#: officer – told"); a hyphen inside a word is not one.
_ASIDE_DASH = re.compile(r"\s[–—-]\s")


def _asides(sentence: Sentence) -> list[tuple[int, int]]:
    """The (start, end) offsets of the sentence's closed asides: between a pair of spaced
    dashes, or in brackets."""
    text, base = sentence.text, sentence.start
    dashes = [m.start() for m in _ASIDE_DASH.finditer(text)]
    out = [(base + a, base + b) for a, b in zip(dashes[::2], dashes[1::2], strict=False)]
    depth = 0
    for k, char in enumerate(text):
        if char == "(":
            if depth == 0:
                opened = k
            depth += 1
        elif char == ")" and depth:
            depth -= 1
            if depth == 0:
                out.append((base + opened, base + k))
    return out


def _nearest_source(spans: Sequence[Span], anchor: Span | None,
                    sentence: Sentence | None = None) -> str:
    """The source nearest the report ``anchor`` (after "according to"); a source inside an
    aside that closes before the anchor ("four sources – including a former officer –
    told") is passed over for one outside it, when there is one."""
    sources = [s for s in spans if s.category == "source"]
    if not sources:
        return ""
    if anchor is None:
        return sources[0].text
    if anchor.term == "according to":
        after = [s for s in sources if s.start >= anchor.end]
        if after:
            return min(after, key=lambda s: s.start).text
    if sentence is not None and len(sources) > 1:
        closed = [(a, b) for a, b in _asides(sentence) if b <= anchor.start]
        outside = [s for s in sources
                   if not any(a <= s.start and s.end <= b for a, b in closed)]
        sources = outside or sources
    return min(sources, key=lambda s: min(abs(s.start - anchor.end), abs(anchor.start - s.end))).text


#: At most this many words before the next sentence's first report cue or source for that
#: sentence to open with a quotation's speaker ("He added:", "The ministry said that").
_OPENING_WORDS = 2


def _opens_with_speaker(sentence: Sentence, spans: Sequence[Span]) -> bool:
    """Whether ``sentence`` opens with a source or report cue (the speaker of a quotation
    just before it), not with a clause of its own ("The ban was imposed after …, four
    sources told")."""
    cues = [s for s in spans if s.category in ("source", "attribution")]
    if not cues:
        return False
    before = sentence.text[: max(0, min(s.start for s in cues) - sentence.start)]
    return "," not in before and len(before.split()) <= _OPENING_WORDS


@dataclass(frozen=True, slots=True)
class SentenceCertainty:
    """How certain one sentence makes what it states (see :data:`CERTAINTY_LEVELS`)."""

    certainty: str
    probability_low: float | None = None
    probability_high: float | None = None
    attributed_to: str = ""
    cue: str = ""
    highlights: tuple[tuple[int, int], ...] = ()  # offsets of the deciding cue
    quoted_hedge: str = ""  # a hedge inside a quotation that did not decide the level


def _at(span: Span) -> tuple[tuple[int, int], ...]:
    return ((span.start, span.end),)


def sentence_certainty(
    sentence: Sentence, spans: Sequence[Span], next_spans: Sequence[Span] = (),
    quoted: Collection[Span] = (), next_sentence: Sentence | None = None,
) -> SentenceCertainty:
    """The certainty ``sentence`` gives its claim, from its cue ``spans``.

    The first that applies: ``denied`` (a denial, see :func:`denial_cue`);
    ``epistemic`` (a hedge with a probability, not negated, in the outlet's own
    words); ``evidential`` (an evidential hedge in the outlet's own words that is not
    itself an attribution with a source, e.g. "reportedly"); ``attributed`` (a report
    verb or phrase that is not factive, a quotation, or a hedge inside a quotation);
    ``asserted`` otherwise, including claims reported with a factive verb
    ("revealed"). ``attributed_to`` names the source nearest the attribution at every
    level. ``next_spans`` are the following sentence's cues, for a quotation whose
    speaker comes after it; given ``next_sentence``, a quotation that closes in this
    sentence takes them only when that sentence opens with them
    (:func:`_opens_with_speaker`), else it is left without a speaker here (one that runs
    on into the next sentence has its speaker at its end there).

    ``quoted`` holds those of ``spans`` that are a speaker's: inside a direct quotation
    or in reported speech (:func:`models.voice.attributed_flags`, which needs the whole
    article: a quotation can run over several sentences; a mapping gives each reported
    hedge's (report cue, source), which then names the speaker; :class:`PreparedClaims` leaves
    out scare quotes nobody is given as saying). A hedge there is the speaker's, not the outlet's:
    the outlet reports that someone hedged, it does not hedge in its own voice. A
    sentence whose only hedges are quoted is therefore ``attributed`` (the outlet puts
    the claim in the speaker's mouth), not ``epistemic``; it keeps the quoted hedge's
    probability range and names it in ``quoted_hedge``.
    """
    attributions = [s for s in spans if s.category == "attribution" and _reports(s, sentence)]
    reporting = [s for s in attributions if s.subcategory != "factive"]
    factive = [s for s in attributions if s.subcategory == "factive"]
    # "X told Y that Z, according to W": the outermost frame (W) is the article's source.
    according = [s for s in reporting if s.term == "according to"]
    frames = according or reporting or factive
    anchor = frames[0] if frames else None
    source = _nearest_source(spans, anchor, sentence) if attributions else ""

    denial = denial_cue(sentence.text)
    if denial:
        at = sentence.text.find(denial)
        where = ((sentence.start + at, sentence.start + at + len(denial)),) if at >= 0 else ()
        return SentenceCertainty("denied", attributed_to=_nearest_source(spans, anchor, sentence),
                                 cue=denial, highlights=where)
    hedges = [s for s in spans if s.category == "hedge" and not s.negated
              and s.subcategory in _CERTAINTY_HEDGES]
    in_quotes = [s for s in hedges if s in quoted] if quoted else []
    own = [s for s in hedges if s not in in_quotes] if in_quotes else hedges
    epistemic = [s for s in own if s.subcategory == "epistemic"]
    if epistemic:
        ranged = [s for s in epistemic if s.probability_low is not None]
        hedge = ranged[0] if ranged else epistemic[0]
        return SentenceCertainty("epistemic", hedge.probability_low, hedge.probability_high,
                                 source, hedge.text, _at(hedge))
    attribution_offsets = {(s.start, s.end) for s in attributions}
    evidential = [
        s for s in own
        if s.subcategory == "evidential"
        and not ((s.start, s.end) in attribution_offsets
                 and any(x.category == "source" for x in spans))
    ]
    if evidential:
        return SentenceCertainty("evidential", attributed_to=source, cue=evidential[0].text,
                                 highlights=_at(evidential[0]))
    # A quoted speaker's hedge: the claim stays at "attributed", with the hedge's range.
    quoted_hedge = None
    if in_quotes:
        quoted_epistemic = [s for s in in_quotes if s.subcategory == "epistemic"]
        ranged = [s for s in quoted_epistemic if s.probability_low is not None]
        quoted_hedge = (ranged or quoted_epistemic or in_quotes)[0]
    low, high, hedge_text, hedge_at = (
        (quoted_hedge.probability_low, quoted_hedge.probability_high, quoted_hedge.text,
         _at(quoted_hedge)) if quoted_hedge is not None else (None, None, "", ())
    )
    said = quoted.get(quoted_hedge) if isinstance(quoted, Mapping) and quoted_hedge else None
    if said is not None:
        # reported speech: the frame whose content holds the hedge, and its source
        return SentenceCertainty("attributed", low, high, attributed_to=said[1].text,
                                 cue=said[0].text, highlights=_at(said[0]) + hedge_at,
                                 quoted_hedge=hedge_text)
    if reporting:
        frame = anchor if anchor is not None else reporting[0]
        return SentenceCertainty("attributed", low, high, attributed_to=source, cue=frame.text,
                                 highlights=_at(frame) + hedge_at, quoted_hedge=hedge_text)
    if _OPENING_QUOTE.match(sentence.text) or quoted_hedge is not None:
        if (next_sentence is not None and _CLOSED_QUOTE.search(sentence.text)
                and not _opens_with_speaker(next_sentence, next_spans)):
            next_spans = ()
        speaker = source or _nearest_source(
            [s for s in next_spans if s.category == "source"], None
        )
        return SentenceCertainty("attributed", low, high, attributed_to=speaker,
                                 cue="quotation", highlights=hedge_at, quoted_hedge=hedge_text)
    if factive:
        return SentenceCertainty("asserted", attributed_to=source, cue=factive[0].text,
                                 highlights=_at(factive[0]))
    return SentenceCertainty("asserted")


# ---- vectors -------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ions", "ion", "ers", "ed",
             "es", "er", "ly", "s")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light stem: lower case, possessive and common inflections removed
    ("resigning", "resignation", "resigned" -> "resign"; "officials" -> "official")."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            if suffix in ("ies", "ied"):
                w += "y"
            break
    # "banned" -> "bann" -> "ban"
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiousl":
        w = w[:-1]
    return w


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    """The English stop words (``resources/claims/stop_words.txt``: scikit-learn's list,
    read without importing scikit-learn)."""
    from models.resources import resource_path

    text = resource_path("claims", "stop_words.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


def content_stems(text: str, stop_words: frozenset[str],
                  known: dict[str, str] | None = None) -> list[str]:
    """The stems of ``text``'s words that are not stop words, in order.

    ``known``: each word's stem ('' for one left out), kept across calls with the
    same ``stop_words`` (a corpus repeats its words).
    """
    if known is None:
        known = {}
    found: list[str] = []
    for w in _WORD.findall(text):
        kept = known.get(w)
        if kept is None:  # a word's stem, or '' for a stop word or a letter alone
            kept = known[w] = stem(w) if w.lower() not in stop_words and len(w) > 1 else ""
        if kept:
            found.append(kept)
    return found


_TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")


@dataclass(frozen=True, slots=True)
class Synonyms:
    """Surface forms -> canonical word, applied before stemming (``resources/claims``).

    One-word forms (hyphenated ones included) are looked up token by token;
    only forms of several words go through a regular expression.
    """

    phrases: re.Pattern[str] | None
    canonical: dict[str, str]
    #: Each token's replacement, once worked out (a corpus repeats its words).
    _tokens: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    #: The last word of each form of several words: a match of :attr:`phrases` ends
    #: with one of them, in any case.
    _last_words: tuple[str, ...] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_last_words", tuple(sorted(
            {form.split()[-1] for form in self.canonical if " " in form})))

    def _phrase(self, match: re.Match[str]) -> str:
        # A form matched through a non-ASCII letter (under re.I "ſtep down" matches
        # "step down", but lower-cases to another key) stays as written.
        found = match.group(0)
        return self.canonical.get(_plain(found), found)

    def _replaced_phrases(self, text: str) -> str:
        """``text`` with the forms of several words replaced."""
        # The forms of several words only in texts that may hold one: in a text of
        # plain ASCII, a match holds its last word in lower case after .lower() (under
        # re.I an ASCII letter matches only its two cases; a non-ASCII one can match
        # an ASCII one, "ſ" matching "s", so other texts always go through).
        if self.phrases is not None and (not text.isascii() or any(
                map(text.lower().__contains__, self._last_words))):
            text = self.phrases.sub(self._phrase, text)
        return text

    def _token(self, token: str) -> str:
        found = self._tokens.get(token)
        if found is None:
            found = self._tokens[token] = self.canonical.get(_plain(token), token)
        return found

    def apply(self, text: str) -> str:
        # The tokens (what _TOKEN.sub would replace) at the odd places of the split.
        parts = _TOKEN_SPLIT.split(self._replaced_phrases(text))
        for k in range(1, len(parts), 2):
            parts[k] = self._token(parts[k])
        return "".join(parts)

    def stems(self, text: str, stop_words: frozenset[str], known: dict[str, str],
              tokens: dict[str, tuple[str, ...]]) -> list[str]:
        """``content_stems(self.apply(text), stop_words, known)``, each token's stems
        worked out once (``tokens``: a token's stems, kept across calls with the same
        ``stop_words`` and ``known``).

        The same list: the text between tokens holds no letter (a letter is a word
        character, so it would be in a token), and no word runs from one token into
        the next (an apostrophe between two tokens' letters would have joined them
        into one token), so the words of the replaced text are each replaced token's
        words, in order.
        """
        found: list[str] = []
        for token in _TOKEN.findall(self._replaced_phrases(text)):
            stems = tokens.get(token)
            if stems is None:
                stems = tokens[token] = tuple(content_stems(self._token(token), stop_words,
                                                            known))
            found += stems
        return found


def _plain(text: str) -> str:
    return " ".join(text.translate(_QUOTES).lower().split())


def parse_synonyms(text: str, name: str = "synonyms.csv") -> Synonyms:
    """Read a synonym table (``canonical,forms``); raises ValueError naming the line."""
    import csv

    lines = [(n, line) for n, line in enumerate(text.splitlines(), start=1)
             if line.strip() and not line.lstrip().startswith("#")]
    if not lines or [c.strip() for c in lines[0][1].split(",")] != ["canonical", "forms"]:
        raise ValueError(f"{name}: the header must be 'canonical,forms'")
    canonical: dict[str, str] = {}
    for number, row in zip((n for n, _ in lines[1:]),
                           csv.reader(line for _, line in lines[1:]), strict=True):
        if len(row) != 2 or not row[0].strip():
            raise ValueError(f"{name}, line {number}: expected 'canonical,forms'")
        for form in row[1].split("|"):
            key = _plain(form)
            if not key:
                continue
            if key in canonical:
                raise ValueError(f"{name}, line {number}: '{form}' is listed twice")
            canonical[key] = row[0].strip().lower()
    phrases = sorted((f for f in canonical if " " in f), key=lambda f: (-len(f), f))
    if not phrases:
        return Synonyms(None, canonical)
    alternatives = "|".join(r"\s+".join(map(re.escape, f.split())) for f in phrases)
    return Synonyms(re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.I), canonical)


@lru_cache(maxsize=1)
def default_synonyms() -> Synonyms:
    from models.resources import resource_path

    path = resource_path("claims", "synonyms.csv")
    return parse_synonyms(path.read_text(encoding="utf-8"), path.name)


# Cues say how sure a sentence is and whom it credits; they are not what it claims.
# Weasel and vague-quantity hedges ("several senior officials") name who or how many:
# they are part of what is claimed and stay.
_CERTAINTY_HEDGES = frozenset({"epistemic", "evidential"})


def _certainty_cue(span: Span) -> bool:
    return span.category == "booster" or (
        span.category == "hedge" and span.subcategory in _CERTAINTY_HEDGES
    )


def claim_content(sentence: Sentence, spans: Sequence[Span]) -> str:
    """``sentence``'s text without its hedges, boosters and reporting frame
    ("the ministry said", "according to Newsweek"), quotes normalised."""
    reporting = [s for s in spans if s.category == "attribution" and _reports(s, sentence)]
    cut = [s for s in spans if _certainty_cue(s)]
    if reporting:
        cut += reporting + [s for s in spans if s.category == "source"]
    text = sentence.text
    # Each cut span's characters as spaces: the text between the spans' merged ranges
    # kept, every character of a range replaced (not one character at a time).
    ranges = sorted((max(0, span.start - sentence.start), min(len(text), span.end - sentence.start))
                    for span in cut)
    pieces: list[str] = []
    kept = 0  # the text before this is written
    for lo, hi in ranges:
        if hi <= max(lo, kept):
            continue
        if lo > kept:
            pieces.append(text[kept:lo])
        pieces.append(" " * (hi - max(lo, kept)))
        kept = hi
    pieces.append(text[kept:])
    content = "".join(pieces)
    # (_QUOTES maps no ASCII character: an ASCII text is its own translation.)
    return content if content.isascii() else content.translate(_QUOTES)


@dataclass(frozen=True, slots=True)
class _Item:
    analysis: int  # index into the analyses
    sentence: Sentence
    stems: tuple[str, ...]


def _contents(items: Sequence[_Item]) -> tuple[list[tuple[str, ...]], np.ndarray]:
    """The items' distinct contents (stems), in order of first occurrence, and each
    item's number among them (wire copy repeats a sentence's content in many articles)."""
    import numpy as np

    first: dict[tuple[str, ...], int] = {}
    slot = np.fromiter((first.setdefault(item.stems, len(first)) for item in items),
                       dtype=np.int64, count=len(items))
    return list(first), slot


def _distinct_vectors(items: Sequence[_Item]) -> tuple[csr_matrix, np.ndarray]:
    """:func:`_vectors`' rows for the distinct contents only (in order of first
    occurrence), and each item's row among them: ``_vectors(items)`` is
    ``matrix[rows]``, bit for bit.

    A row is worked out from its own content alone, but for the character n-grams'
    IDF, which counts the documents holding each n-gram: it is fitted on every item's
    counts (copies counted), as before. The weighting, scaling and normalising then
    read each row's own values and the fitted weights, so a content's row is the same
    whichever of its copies it is computed for: computing it once per content skips
    the copies' work (59% of the bench corpus's sentences are repeats).
    """
    import numpy as np
    from scipy.sparse import hstack

    from models.vectorise import (
        char_wb_counts,
        idf_weights,
        l2_normalise_rows,
        tfidf,
        tfidf_transform,
    )

    contents, rows = _contents(items)
    # TfidfVectorizer's matrices (binary words without IDF: a row depends on its own
    # terms alone; the same terms in the same order as over every item).
    words = tfidf(contents, _unique, use_idf=False, binary=True).every
    # The character n-grams of scikit-learn's "char_wb" analyser; the IDF fitted
    # on every item's counts, as TfidfVectorizer.fit_transform does, then applied to
    # the distinct rows (in place).
    char_counts = char_wb_counts([" ".join(stems) for stems in contents], (4, 5)).every
    # (scikit-learn's TfidfTransformer(sublinear_tf=True) and normalize, bit for bit,
    # without importing scikit-learn: see models.vectorise.)
    copies = np.bincount(rows, minlength=char_counts.shape[0])
    chars = tfidf_transform(char_counts, idf_weights(char_counts, copies), sublinear_tf=True)
    # The weights and norms applied in place (the same operations on the same values as
    # on copies).
    words.data *= WORD_WEIGHT ** 0.5
    chars = l2_normalise_rows(chars)
    chars.data *= (1 - WORD_WEIGHT) ** 0.5
    joined = hstack([words, chars]).tocsr()
    del words, chars
    return l2_normalise_rows(joined).tocsr(), rows


def _vectors(items: Sequence[_Item]) -> csr_matrix:
    """Binary content stems (no IDF: in a corpus about one story, the story's own words
    are in most sentences and IDF would mute exactly them; on hand-labelled PolNeAR
    pairs it linked more different statements, see the module docstring), joined with character
    4–5-grams of the stems, L2-normalised: one row per item."""
    matrix, rows = _distinct_vectors(items)
    return matrix[rows]


def _unique(stems: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(stems))


def _candidate_pairs(items: Sequence[_Item]) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (i < j) of sentences of different articles sharing at least
    :data:`BLOCK_MIN_SHARED` stems that are not among the corpus's most common
    (counted over every sentence), or with the same content, in order of i, then j.

    The stems shared are counted once per pair of distinct contents (a sentence's
    copies share its content), then every pair of their sentences is taken: the
    same pairs as counting them for every pair of sentences.
    """
    import numpy as np
    from scipy.sparse import csr_matrix

    contents, slot = _contents(items)
    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for i, stems in enumerate(contents):
        for s in set(stems):
            rows.append(i)
            cols.append(vocabulary.setdefault(s, len(vocabulary)))
    incidence = csr_matrix(
        (np.ones(len(rows), dtype=np.float32), (rows, cols)),
        shape=(len(contents), max(1, len(vocabulary))),
    )
    # Document frequencies over every sentence: each content counts as often as it occurs.
    copies = np.bincount(slot, minlength=len(contents))
    df = np.bincount(incidence.indices, minlength=incidence.shape[1],
                     weights=np.repeat(copies, np.diff(incidence.indptr)))
    keep = np.flatnonzero(df <= BLOCK_MAX_DF)
    blocked = incidence[:, keep].tocsc().tocsr()
    shared = (blocked @ blocked.T).tocoo()
    near = (shared.row <= shared.col) & (shared.data >= BLOCK_MIN_SHARED)
    p, q = shared.row[near].astype(np.int64), shared.col[near].astype(np.int64)
    # Copies of one content (cosine 1.0, the same claim whatever the threshold) are always
    # compared, also when their stems are all common: in a corpus about one story "It takes
    # 1,237 delegates to win the Republican nomination for president." shares no stem under
    # BLOCK_MAX_DF with anything, itself included.
    paired = np.zeros(len(contents), dtype=bool)
    paired[p[p == q]] = True
    unpaired = np.flatnonzero((copies >= 2) & ~paired)
    p, q = np.concatenate([p, unpaired]), np.concatenate([q, unpaired])
    # Every pair of sentences of each pair of contents (p <= q).
    by_content = np.argsort(slot, kind="stable")
    starts = np.r_[0, np.cumsum(copies)[:-1]]
    sizes = copies[p] * copies[q]
    pair_of = np.repeat(np.arange(len(p)), sizes)
    within = np.arange(int(sizes.sum())) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    i = by_content[starts[p][pair_of] + within // copies[q][pair_of]]
    j = by_content[starts[q][pair_of] + within % copies[q][pair_of]]
    a, b = np.minimum(i, j), np.maximum(i, j)
    article = np.array([item.analysis for item in items], dtype=np.int64)
    # A content's own pairs come twice (i, j and j, i) and with themselves: i < j only.
    mask = (a < b) & ((p[pair_of] != q[pair_of]) | (i < j)) & (article[a] != article[b])
    a, b = a[mask], b[mask]
    order = np.lexsort((b, a))
    return a[order], b[order]


def _pair_similarities(x: csr_matrix, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    import numpy as np

    out = np.empty(len(a), dtype=np.float64)
    chunk = 20000
    for start in range(0, len(a), chunk):
        rows_a = x[a[start:start + chunk]]
        rows_b = x[b[start:start + chunk]]
        out[start:start + chunk] = np.asarray(rows_a.multiply(rows_b).sum(axis=1)).ravel()
    return out


def _gram_blocks(x: csr_matrix, blocks: Sequence[Sequence[int]]) -> list[np.ndarray]:
    """``(x[block] @ x[block].T).toarray()`` for every block, from one sparse product.

    Each block's rows get a column space of their own (each (block, column) pair is a
    column), so one product of the stacked rows with their transpose holds
    every block's products and nothing between blocks. A product's value sums the
    same terms in the same order (its left row's stored order) as the block's own
    product, so the values are the same bit for bit.
    """
    import numpy as np
    from scipy.sparse import csr_matrix

    if not blocks:
        return []
    sizes = np.fromiter((len(b) for b in blocks), dtype=np.int64, count=len(blocks))
    rows = np.fromiter((i for b in blocks for i in b), dtype=np.int64, count=int(sizes.sum()))
    stacked = x[rows]
    block_of_row = np.repeat(np.arange(len(blocks), dtype=np.int64), sizes)
    # (block, column) pairs, numbered compactly; the stored order of each row is kept.
    keys = stacked.indices.astype(np.int64) + np.repeat(block_of_row * x.shape[1],
                                                        np.diff(stacked.indptr))
    used, columns = np.unique(keys, return_inverse=True)
    shifted = csr_matrix((stacked.data, columns.ravel(), stacked.indptr),
                         shape=(len(rows), len(used)))
    product = (shifted @ shifted.T).tocsr()
    # Scatter into one flat buffer holding each block's square, row by row.
    starts = np.cumsum(sizes) - sizes
    bases = np.cumsum(sizes * sizes) - sizes * sizes
    row_block = np.repeat(block_of_row, np.diff(product.indptr))
    local_row = np.repeat(np.arange(len(rows), dtype=np.int64) - starts[block_of_row],
                          np.diff(product.indptr))
    local_col = product.indices.astype(np.int64) - starts[row_block]
    flat = np.zeros(int((sizes * sizes).sum()))
    flat[bases[row_block] + local_row * sizes[row_block] + local_col] = product.data
    return [flat[base:base + size * size].reshape(size, size)
            for base, size in zip(bases.tolist(), sizes.tolist(), strict=True)]


def _gram_batches(x: csr_matrix, blocks: Sequence[Sequence[int]]) -> Iterator[np.ndarray]:
    """:func:`_gram_blocks` of ``blocks``, computed for up to :data:`GRAM_BATCH_ROWS`
    rows at a time (a block larger than that alone); the same matrices, in order."""
    batch: list[Sequence[int]] = []
    rows = 0
    for block in blocks:
        if batch and rows + len(block) > GRAM_BATCH_ROWS:
            yield from _gram_blocks(x, batch)
            batch, rows = [], 0
        batch.append(block)
        rows += len(block)
    if batch:
        yield from _gram_blocks(x, batch)


def _average_linkage(distance: np.ndarray, cut: float) -> list[list[int]]:
    """The clusters of average-linkage clustering of the square ``distance`` matrix cut
    at ``cut``: each a list of row numbers, ascending, the clusters in order of their
    first row. The partition of scikit-learn's ``AgglomerativeClustering(n_clusters=None,
    metric="precomputed", linkage="average", distance_threshold=cut)``, without
    importing scikit-learn (a second of CPU in the Claims tab's first run).

    scikit-learn builds scipy's tree (:func:`_average_linkage_tree`), then keeps as
    many clusters as merges at ``cut`` or above, plus one, by undoing the last merges
    (the highest nodes): the clusters are those the other merges form.
    """
    import numpy as np

    n = len(distance)
    merges = _average_linkage_tree(distance)
    kept = n - 1 - int(np.count_nonzero(merges[:, 2] >= cut))
    clusters: dict[int, list[int]] = {k: [k] for k in range(n)}
    for row in range(kept):
        left, right = int(merges[row, 0]), int(merges[row, 1])
        clusters[n + row] = clusters.pop(left) + clusters.pop(right)
    return sorted((sorted(members) for members in clusters.values()), key=lambda m: m[0])


#: Linked groups of more sentences than this get their average-linkage tree from scipy's
#: compiled routine (its import, about 0.1 CPU-s, is then worth it; the same tree).
LINKAGE_IN_NUMPY_MAX = 1000


def _average_linkage_tree(distance: np.ndarray) -> np.ndarray:
    """``scipy.cluster.hierarchy.linkage(condensed, method="average")`` of the square
    ``distance`` matrix (zero diagonal), bit for bit: one row per merge (the two
    clusters, numbered as scipy does, their distance, the merged size), sorted by
    distance.

    Up to :data:`LINKAGE_IN_NUMPY_MAX` rows, scipy's nearest-neighbour-chain algorithm
    (``scipy/cluster/_hierarchy.pyx``: ``nn_chain``, then ``label``) step for step in
    numpy, so that finding claims does not import ``scipy.cluster`` (with
    ``scipy.spatial``): the same scans in the same order (the first nearest neighbour
    in row order, the chain's previous cluster kept on a tie), the same
    Lance-Williams update ((n_x d_xi + n_y d_yi) / (n_x + n_y), element by element),
    the same stable sort and numbering.
    """
    import numpy as np

    n = len(distance)
    if n > LINKAGE_IN_NUMPY_MAX:
        from scipy.cluster.hierarchy import linkage

        upper_rows, upper_cols = np.triu_indices(n, k=1)
        return np.asarray(linkage(distance[upper_rows, upper_cols], method="average"))
    d = np.array(distance, dtype=np.float64)  # a copy: updated as clusters merge
    size = np.ones(n, dtype=np.int64)
    merges = np.empty((n - 1, 4))
    chain: list[int] = []
    for k in range(n - 1):
        if not chain:
            chain.append(int(np.flatnonzero(size)[0]))
        while True:
            x = chain[-1]
            row = np.where(size > 0, d[x], np.inf)
            row[x] = np.inf
            nearest = int(np.argmin(row))  # the first of the nearest, in row order
            if len(chain) > 1:
                y, current = chain[-2], float(d[x, chain[-2]])
                if row[nearest] < current:  # only a strictly nearer one replaces it
                    y, current = nearest, float(row[nearest])
                if y == chain[-2]:
                    break
            else:
                y, current = nearest, float(row[nearest])
            chain.append(y)
        del chain[-2:]
        if x > y:
            x, y = y, x
        nx, ny = size[x], size[y]
        merges[k] = (x, y, current, nx + ny)
        size[x] = 0
        size[y] = nx + ny
        others = np.flatnonzero(size)
        others = others[others != y]
        updated = (nx * d[others, x] + ny * d[others, y]) / (nx + ny)
        d[others, y] = updated
        d[y, others] = updated
    merges = merges[np.argsort(merges[:, 2], kind="mergesort")]
    # scipy's label(): each merge's clusters by their number (n + the row that made it).
    parent = np.arange(2 * n - 1)
    sizes = np.ones(2 * n - 1)
    for k in range(n - 1):
        roots = []
        for leaf in (int(merges[k, 0]), int(merges[k, 1])):
            root = leaf
            while parent[root] != root:
                root = int(parent[root])
            while parent[leaf] != root:  # path compression, as scipy's find()
                parent[leaf], leaf = root, int(parent[leaf])
            roots.append(root)
        low, high = min(roots), max(roots)
        sizes[n + k] = sizes[low] + sizes[high]
        merges[k] = (low, high, merges[k, 2], sizes[n + k])
        parent[low] = parent[high] = n + k
    return merges


def _components(n: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Each of ``n`` nodes' connected component in the undirected graph of the edges
    ``a[k]``–``b[k]``, numbered by its smallest node (scipy's ``connected_components``
    partition, without importing ``scipy.sparse.csgraph``): the smaller label of each
    edge's ends spreads along the edges, and each label jumps to its own label, until
    every edge's ends agree. Labels only fall and stay within a component, whose
    smallest node always keeps its own: at the end it is everyone's."""
    import numpy as np

    labels = np.arange(n)
    while True:
        low = np.minimum(labels[a], labels[b])
        np.minimum.at(labels, a, low)
        np.minimum.at(labels, b, low)
        while True:
            jumped = labels[labels]
            if np.array_equal(jumped, labels):
                break
            labels = jumped
        if np.array_equal(labels[a], labels[b]):
            return labels


def _distances(product: np.ndarray) -> np.ndarray:
    """Cosine distances (0–2, 0 on the diagonal) from a block of cosines."""
    import numpy as np

    distance: np.ndarray = 1.0 - product
    np.clip(distance, 0.0, 2.0, out=distance)
    np.fill_diagonal(distance, 0.0)
    return distance


def _groups(x: csr_matrix, items: Sequence[_Item], pairs: tuple[np.ndarray, np.ndarray],
            similarities: np.ndarray, threshold: float, progress: Progress,
            products: dict[tuple[int, ...], np.ndarray] | None = None,
            rows: np.ndarray | None = None) -> list[list[int]]:
    """The linked groups of sentences, split by average linkage at ``threshold``.
    ``rows``: each item's row of ``x`` (None: row i is item i's).

    ``products``, when given, receives the pairwise cosine matrix of each group (they
    were computed here, for every linked component at once; :meth:`PreparedClaims.align`
    needs the same ones).
    """
    import numpy as np
    n = len(items)
    a, b = pairs
    linked = similarities >= threshold
    labels = _components(n, a[linked], b[linked])
    members: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        members.setdefault(int(label), []).append(i)
    components = [m for m in members.values()
                  if len(m) > 1 and len({items[i].analysis for i in m}) >= MIN_ARTICLES]
    groups: list[list[int]] = []
    for done, (component, product) in enumerate(
            zip(components, _gram_batches(x, components if rows is None else
                                          [rows[c].tolist() for c in components]),
                strict=True)):
        if progress.is_cancelled():
            raise Cancelled
        if done % 50 == 0:
            progress.set_progress(0.5 + 0.4 * done / max(1, len(components)))
        # (Two sentences need no distances: see below. Most components are two.)
        distance = None if len(component) == 2 else _distances(product)
        if distance is None or float(distance.max()) < 1.0 - threshold:
            # Every pair is closer than the threshold, so every average-linkage merge
            # is too (an average is never above its largest term; the clustering's
            # own cut is 1e-9 further): the component is one group, as the
            # clustering would find (e.g. the copies of one wire sentence). Two
            # sentences linked are closer than the threshold by definition.
            groups.append(component)
            if products is not None:
                products[tuple(component)] = product
            continue
        for part in _average_linkage(distance, 1.0 - threshold + 1e-9):
            group = [component[k] for k in part]
            groups.append(group)
            if products is not None and len(part) > 1:
                products[tuple(group)] = product[np.ix_(part, part)]
    return [g for g in groups if len({items[i].analysis for i in g}) >= MIN_ARTICLES]


#: Pronouns that name one person: a quotation's speaker given as "He" in the next
#: sentence, or the "he" of reported speech that placed a claim ('This measure, he adds,
#: probably'), is the source named last before it (:func:`_named_speaker`).
_PERSONAL = frozenset(("he", "she"))
_SPEAKER_KINDS = frozenset(("person", "institution", "media", "described"))
#: How many sentences back :func:`_named_speaker` looks for the name.
_SPEAKER_LOOKBACK = 5


def _named_speaker(spans: dict[int, list[Span]], index: int) -> str:
    """The source named last (a person, or an institution, outlet or described person
    whose spokesperson "he" may be; not a pronoun, a group or an anonymous source) in
    sentence ``index`` or up to :data:`_SPEAKER_LOOKBACK` sentences before it: who "He"
    in '“…” He added' most likely is. Empty when there is none (the pronoun is kept)."""
    for k in range(index, max(-1, index - _SPEAKER_LOOKBACK - 1), -1):
        named = [s for s in spans.get(k, ()) if s.category == "source"
                 and s.subcategory in _SPEAKER_KINDS]
        if named:
            return named[-1].text
    return ""


def _spans_by_sentence(analysis: ArticleAnalysis) -> dict[int, list[Span]]:
    out: dict[int, list[Span]] = {}
    for span in analysis.spans:
        out.setdefault(span.sentence_index, []).append(span)
    return out


def claim_sentences(analysis: ArticleAnalysis) -> tuple[Sentence, ...]:
    """The sentences that can state a claim: the headline (if found in the text) and the body."""
    head = analysis.article.headline_sentence
    body = analysis.article.body_sentences
    return ((head,) if head is not None else ()) + body


def check_threshold(threshold: float) -> None:
    """Raise ValueError for a threshold outside [MIN_THRESHOLD, MAX_THRESHOLD]."""
    if not MIN_THRESHOLD <= threshold <= MAX_THRESHOLD:
        raise ValueError(
            f"claim threshold {threshold} is outside {MIN_THRESHOLD}–{MAX_THRESHOLD}"
        )


class PreparedClaims:
    """A corpus's sentences, vectors and candidate pairs, ready to be aligned at any
    threshold. Preparing costs most of the work; :meth:`align` then only links,
    clusters and reads certainty, so a threshold control can re-align quickly."""

    def __init__(self, analyses: Sequence[ArticleAnalysis],
                 progress: Progress | None = None) -> None:
        import numpy as np

        progress = progress if progress is not None else NullProgress()
        self.analyses = list(analyses)
        self.outlets = tuple(outlet_names(analyses))
        self.article_ids = tuple(a.article_id for a in analyses)
        progress.set_status("Finding claims: reading sentences")
        stop = _stop_words()
        synonyms = default_synonyms()
        self._spans = [_spans_by_sentence(a) for a in analyses]
        items: list[_Item] = []
        # Stems by content (wire copy repeats sentences, and with them their content),
        # and by sentence text with its cues (what claim_content reads of them, offsets
        # from the sentence's start): a copy's content is not worked out again.
        known: dict[str, tuple[str, ...]] = {}
        by_text: dict[tuple[str, tuple[tuple[str, str, str, int, int], ...]],
                      tuple[str, ...]] = {}
        word_stems: dict[str, str] = {}
        token_stems: dict[str, tuple[str, ...]] = {}
        for i, analysis in enumerate(analyses):
            if progress.is_cancelled():
                raise Cancelled
            spans = self._spans[i]
            for sentence in claim_sentences(analysis):
                own = spans.get(sentence.index, ())
                base = sentence.start
                key = (sentence.text, tuple([(s.category, s.subcategory, s.term,
                                              s.start - base, s.end - base) for s in own]))
                stems = by_text.get(key)
                if stems is None:
                    if promotion_or_note(sentence.text):
                        # The page talking inside a body paragraph ("Subscribe here, and
                        # listen…"): not a statement of the story, so no claim.
                        stems = ()
                    else:
                        content = claim_content(sentence, own)
                        stems = known.get(content)
                        if stems is None:
                            stems = known[content] = tuple(
                                synonyms.stems(content, stop, word_stems, token_stems))
                    by_text[key] = stems
                if len(stems) >= MIN_CONTENT_WORDS:
                    items.append(_Item(i, sentence, stems))
        self.items = items
        self._certainty: dict[tuple[int, int], SentenceCertainty] = {}
        # Each article's hedges inside a direct quotation (models.voice), found when an
        # article's first sentence's certainty is read.
        self._quoted: dict[int, dict[Span, tuple[Span, Span] | None]] = {}
        # Each article's sentences by index, built when one of its sentences is read.
        self._sentences: dict[int, dict[int, Sentence]] = {}
        self.comparable = len({item.analysis for item in items}) >= MIN_ARTICLES
        empty = np.zeros(0, dtype=np.int64)
        self.pairs: tuple[np.ndarray, np.ndarray] = (empty, empty)
        self.similarities = np.zeros(0)
        #: The distinct contents' vectors (:func:`_distinct_vectors`, see :attr:`x`), and
        #: each item's row among them (``x[rows]`` is one vector per item).
        self._x: csr_matrix | None = None
        self._x_parts: tuple[np.ndarray, np.ndarray, np.ndarray, tuple[int, int]] | None = None
        self.rows = np.zeros(0, dtype=np.int64)
        if not self.comparable:
            return
        progress.set_status(f"Finding claims: comparing {len(items)} sentences")
        progress.set_progress(0.1)
        self.x, self.rows = _distinct_vectors(items)
        progress.set_progress(0.3)
        if progress.is_cancelled():
            raise Cancelled
        self.pairs = _candidate_pairs(items)
        a, b = self.pairs
        self.similarities = _pair_similarities(self.x, self.rows[a], self.rows[b])
        progress.set_progress(0.5)

    @property
    def x(self) -> csr_matrix | None:
        """The distinct contents' vectors (None when there is nothing to compare); after
        unpickling, built from their arrays on first use."""
        if self._x is None and self._x_parts is not None:
            from scipy.sparse import csr_matrix

            data, indices, indptr, shape = self._x_parts
            self._x = csr_matrix((data, indices, indptr), shape=shape)
            self._x_parts = None
        return self._x

    @x.setter
    def x(self, vectors: csr_matrix | None) -> None:
        self._x, self._x_parts = vectors, None

    def __getstate__(self) -> dict[str, Any]:
        """Pickled with the vectors as numpy arrays: the window's thread unpickles a
        forked child's preparation, and scipy.sparse, imported there for the first
        result, held the window 170 ms (thread CPU, seeds, load 11). It is imported
        where the vectors are next used (aligning, off the window's thread)."""
        state = self.__dict__.copy()
        x = state.pop("_x")
        state["_x"] = None
        if x is not None:
            state["_x_parts"] = (x.data, x.indices, x.indptr, x.shape)
        return state

    @property
    def sentences(self) -> int:
        """Sentences compared (long enough to state a claim)."""
        return len(self.items)

    def _sentence_certainty(self, item: _Item) -> SentenceCertainty:
        key = (item.analysis, item.sentence.index)
        if key not in self._certainty:
            own = self._spans[item.analysis]
            index = item.sentence.index
            next_index = 0 if index < 0 else index + 1
            spans = own.get(index, ())
            # Which hedges are a speaker's matters only to a sentence with a hedge that
            # can decide its certainty (sentence_certainty reads ``quoted`` for those
            # alone), so an article's are found only when one of its sentences has one.
            hedged = any(s.category == "hedge" and not s.negated
                         and s.subcategory in _CERTAINTY_HEDGES for s in spans)
            found = sentence_certainty(item.sentence, spans, own.get(next_index, ()),
                                       self._quoted_hedges(item.analysis) if hedged else {},
                                       self._sentence_at(item.analysis, next_index))
            # A quotation whose speaker is "He" in the next sentence, or which no one
            # opens the next sentence as saying: the source named last before it (a
            # quotation paragraph goes on from the last speaker's).
            if ((found.cue == "quotation" or found.quoted_hedge)
                    and found.attributed_to.casefold() in _PERSONAL) or (
                    found.cue == "quotation" and not found.attributed_to):
                name = _named_speaker(own, index)
                if name:
                    found = replace(found, attributed_to=name)
            self._certainty[key] = found
        return self._certainty[key]

    def _sentence_at(self, article: int, index: int) -> Sentence | None:
        """Sentence ``index`` of article number ``article`` (None past its end)."""
        found = self._sentences.get(article)
        if found is None:
            found = self._sentences[article] = {
                s.index: s for s in self.analyses[article].article.sentences}
        return found.get(index)

    def _quoted_hedges(self, article: int) -> dict[Span, tuple[Span, Span] | None]:
        """The hedges of article number ``article`` that are a speaker's: inside a direct
        quotation or in reported speech (models.voice), except those in scare quotes that
        no one in the sentence is given as saying ('the army's “probable” target'): with
        no one to attribute it to, such a hedge qualifies the claim as the outlet states
        it, and the claim is epistemic. Each maps to the (report cue, source) whose
        content it is in reported speech (None inside quotation marks)."""
        found = self._quoted.get(article)
        if found is None:
            analysis = self.analyses[article]
            article_, spans = analysis.article, analysis.spans
            hedges = [s for s in spans if s.category == "hedge"]
            intervals = quotation_intervals(article_)  # once for both readings
            found = self._quoted[article] = {
                s: frame for s, inside, frame, scare in zip(
                    hedges, quoted_flags(article_, hedges, intervals),
                    reported_frames(article_, hedges, spans),
                    speakerless_scare_quotes(article_, hedges, spans, intervals), strict=True)
                if (inside or frame is not None) and not scare}
        return found

    def align(self, threshold: float = DEFAULT_THRESHOLD,
              progress: Progress | None = None) -> ClaimAlignment:
        """The claims at cosine ``threshold``; see :func:`align_claims`."""
        import numpy as np

        check_threshold(threshold)
        progress = progress if progress is not None else NullProgress()
        if progress.is_cancelled():
            raise Cancelled
        if not self.comparable or self.x is None:
            progress.set_progress(1.0)
            return ClaimAlignment((), threshold, self.outlets, self.article_ids, self.sentences)
        x, items, analyses, rows = self.x, self.items, self.analyses, self.rows
        products: dict[tuple[int, ...], np.ndarray] = {}
        groups = _groups(x, items, self.pairs, self.similarities, threshold, progress, products,
                         rows)
        progress.set_status("Finding claims: certainty of each mention")
        # Each mention as (article, sentence index, then ClaimMention's fields after
        # claim_id), made a ClaimMention once the claims are numbered.
        drafts: list[tuple[tuple[int, int, int], str, list[tuple[Any, ...]]]] = []
        for group in groups:
            pairwise = products.pop(tuple(group), None)
            if pairwise is None:
                block = x[rows[group]]
                pairwise = (block @ block.T).toarray()
            # Rounded, so that a tie (two sentences always tie: each one's mean similarity
            # is their one cosine) goes to the earlier sentence (the earlier article, in
            # load order), not to whichever sentence's vector rounds its length above 1.
            centrality = np.round((pairwise.sum(axis=1) - 1.0) / max(1, len(group) - 1),
                                  CENTRALITY_DECIMALS)
            # Cosine to the group's centre (the sum of its unit vectors), from the
            # pairwise products: x_k·Σx / ||Σx||, with ||Σx||² = Σ_ij x_i·x_j.
            to_centre = pairwise.sum(axis=1) / (float(np.sqrt(pairwise.sum())) or 1.0)
            central = min(np.flatnonzero(centrality == centrality.max()).tolist(),
                          key=group.__getitem__)
            label = items[group[central]].sentence.text
            # Each article's representative: its sentence that reads most like the label
            # (the label's own sentence for its article), then the closest to the centre.
            to_label = pairwise[:, central]
            best: dict[int, int] = {}
            for k, i in enumerate(group):
                art = items[i].analysis
                if art not in best or (to_label[k], to_centre[k]) > (
                        to_label[best[art]], to_centre[best[art]]):
                    best[art] = k
            mentions: list[tuple[Any, ...]] = []
            for k, (i, similarity) in enumerate(zip(group, to_centre.tolist(), strict=True)):
                item = items[i]
                analysis = analyses[item.analysis]
                certainty = self._sentence_certainty(item)
                mentions.append((
                    item.analysis, item.sentence.index,
                    analysis.article_id, analysis.outlet, item.sentence.index,
                    item.sentence.text, certainty.certainty, certainty.probability_low,
                    certainty.probability_high, certainty.attributed_to, certainty.cue,
                    best[item.analysis] == k, similarity, certainty.highlights,
                    certainty.quoted_hedge,
                ))
            mentions.sort(key=lambda m: (m[0], m[1]))
            n_outlets = len({m[3] for m in mentions})
            first = mentions[0]  # the least (article, sentence index): sorted by them
            drafts.append(((-n_outlets, -len(best), first[0] * 100000 + first[1]), label,
                           mentions))
        drafts.sort(key=lambda d: d[0])
        claims: list[Claim] = []
        for claim_id, (_, label, mentions) in enumerate(drafts, start=1):
            claims.append(Claim(claim_id, label, tuple(
                [ClaimMention(claim_id, *m[2:]) for m in mentions])))
        progress.set_progress(1.0)
        return ClaimAlignment(tuple(claims), threshold, self.outlets, self.article_ids,
                              self.sentences)


def prepare_claims(analyses: Sequence[ArticleAnalysis],
                   progress: Progress | None = None) -> PreparedClaims:
    """Vectorise the articles' sentences once, for :meth:`PreparedClaims.align`."""
    return PreparedClaims(analyses, progress)


def align_claims(
    analyses: Sequence[ArticleAnalysis],
    threshold: float = DEFAULT_THRESHOLD,
    progress: Progress | None = None,
) -> ClaimAlignment:
    """Group the articles' sentences into claims at cosine ``threshold`` (0–1; higher
    asks for closer wording), each with every carrying article's certainty.

    Raises ValueError for a threshold outside [MIN_THRESHOLD, MAX_THRESHOLD] and
    :class:`models.progress.Cancelled` when ``progress`` is cancelled.
    """
    check_threshold(threshold)  # before the costly preparation
    return PreparedClaims(analyses, progress).align(threshold, progress)


def claim_rows(alignment: ClaimAlignment) -> Iterable[dict[str, Any]]:
    """One row per mention for ``claims.csv`` (see :data:`models.export.CLAIMS_COLUMNS`)."""
    for claim in alignment.claims:
        for m in claim.mentions:
            yield {
                "claim_id": claim.claim_id,
                "claim_label": claim.label,
                "article_id": m.article_id,
                "outlet": m.outlet,
                "sentence_index": m.sentence_index,
                "sentence": m.sentence,
                "certainty": m.certainty,
                "probability_low": m.probability_low,
                "probability_high": m.probability_high,
                "attributed_to": m.attributed_to,
                "cue": m.cue,
                "representative": m.representative,
                "similarity": m.similarity,
                "claim_outlets": len(claim.outlets),
                "threshold": alignment.threshold,
            }
