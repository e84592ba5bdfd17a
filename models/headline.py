"""The headline against its body: tone, hedging, and the certainty gap.

A headline–body certainty gap is a headline that asserts what the body only
hedges or attributes: "Kremlin Tells Top Officials They Cannot Resign" over a
body that says the same thing "according to Newsweek". A factive report verb
("confirmed", "revealed") presents what it reports as true: it does not distance the
claim. A hedged headline has no gap. A headline that attributes its claim with a report verb that does not present
it as true ("Chemical found in Millbrook tap water, state says") asserts only that
its source said so: a body sentence then distances the claim when it hedges it, or
gives it to a source the headline does not name ("according to Newsweek" under
"Kremlin Tells Top Officials …"), not when it names the headline's own source
("state regulators said"). A headline that says its matter is in question ("Questions
linger over …", a question) asserts nothing: it is hedged, with no gap.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import cast

from models.article import Sentence, Span

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")

# Function words that carry no claim; kept small and explicit on purpose.
_STOP = frozenset(
    """a an the and or but if of in on at to for from by with as into onto over under
    about after before than then that this these those it its they them their there
    he she his her him we our you your i me my is are was were be been being has have
    had do does did not no nor can cannot could would should will shall may might must
    so such who whom whose which what when where why how all any some each every
    also even just now only very too up down out off again more most other own same
    says say said tells tell told""".split()
)

_IRREGULAR = {"told": "tell", "said": "say", "bans": "ban", "banned": "ban", "banning": "ban"}

# A body sentence restates the headline when it shares at least this many of
# the headline's content words (all of them when it has fewer), and at least this share
# of them. Two shared words are mostly the story's subject and one of its topic words
# ("Ortiz" and "county" under "Ortiz trounced in Dale County": a sentence about the
# county's ferries) or one name counted twice ("New Hampshire"): in 100 PolNeAR
# restatements read by hand (audit28), 31 of 48 with two shared words did not state the
# headline's claim, 4 of 50 with three or more. The lede, the body's first sentence, is
# written to state what the headline says, often in other words ("The county has not
# voted yet, but Ortiz is already losing there"): two shared words are enough there.
MIN_SHARED_WORDS = 3
MIN_SHARED_WORDS_LEDE = 2
MIN_SHARED_SHARE = 0.4
# However short the headline, a sentence outside the lede shares at least this many of
# its content words to restate it: under "Brexit: what now?" (one content word) every
# sentence naming Brexit restated the headline.
MIN_SHARED_WORDS_OUTSIDE_LEDE = 2


def needed_shared_words(head: frozenset[str], lede: bool = False) -> float:
    """How many of the headline's content stems ``head`` a body sentence must share to
    restate it: :data:`MIN_SHARED_WORDS` (:data:`MIN_SHARED_WORDS_LEDE` for the lede;
    all, for a shorter headline) and :data:`MIN_SHARED_SHARE` of them; outside the lede
    never fewer than :data:`MIN_SHARED_WORDS_OUTSIDE_LEDE`, so nothing outside the lede
    restates a headline of one content word."""
    least = MIN_SHARED_WORDS_LEDE if lede else MIN_SHARED_WORDS
    floor = 0 if lede else MIN_SHARED_WORDS_OUTSIDE_LEDE
    return max(min(least, len(head)), MIN_SHARED_SHARE * len(head), floor)


def _stem(word: str) -> str:
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    word = _IRREGULAR.get(word, word)
    for suffix in ("ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            stem = word[: -len(suffix)]
            return stem + "y" if suffix in ("ies", "ied") else stem
    return word


# A function word's contraction is one too ("he'll", "we'd", "don't", "it's", "won't"):
# "Campaign for Ortiz says he'll recast image" makes no claim of "he'll".
_CONTRACTION = re.compile(r"(?:n't|'ll|'d|'re|'ve|'m|'s)\Z")
_CONTRACTED = frozenset(("wo", "ca", "sha", "ai"))  # won't, can't, shan't, ain't
# Words whose "'s" is "is" or "has" ("it's", "there's"); after any other word it is a
# possessive, whose word is kept: "May's speech" names Theresa May (review29).
_IS_CONTRACTED = frozenset(
    "it he she that what there here who where how when why this let".split())


def _is_function_word(lowered: str) -> bool:
    """Is ``lowered`` (lower case, ’ read as ') a function word or one's contraction?"""
    if lowered in _STOP:
        return True
    base = _CONTRACTION.sub("", lowered)
    if base == lowered:
        return False
    if lowered.endswith("'s"):
        return base in _IS_CONTRACTED
    return base in _STOP or base in _CONTRACTED


# word -> its stem, or "" for a function word: words repeat far more than sentences.
_WORD_STEMS: dict[str, str] = {}
_WORD_STEMS_SIZE = 200_000


def _content_stem(word: str) -> str:
    """``_stem(word)``, or "" when ``word`` is a function word (remembered per word; a
    stem is never empty: a word starts with letters, and a suffix goes only when at
    least four letters are left)."""
    stem = _WORD_STEMS.get(word)
    if stem is None:
        stem = "" if _is_function_word(word.lower().replace("’", "'")) else _stem(word)
        if len(_WORD_STEMS) >= _WORD_STEMS_SIZE:
            _WORD_STEMS.clear()
        _WORD_STEMS[word] = stem
    return stem


@lru_cache(maxsize=65536)  # body sentences repeat across outlets (wire copy)
def content_stems(text: str) -> frozenset[str]:
    """Crude stems of the content words of ``text`` (function words dropped)."""
    words = _WORD.findall(text)
    stems: set[str | None] = set(map(_WORD_STEMS.get, words))
    if None in stems:  # a word not met before
        stems = set(map(_content_stem, words))
    stems.discard("")
    return frozenset(cast("set[str]", stems))


# Stems that are no prefix of the words they come from ("told's" -> "tell").
_NOT_PREFIXES = frozenset(v for k, v in _IRREGULAR.items() if not k.startswith(v))


@lru_cache(maxsize=4096)  # headlines repeat across outlets too
def _probes(head: frozenset[str]) -> tuple[tuple[str, ...], int]:
    """What of each stem in ``head`` a sentence holding it must hold, and how many of
    the stems may be there without that.

    :func:`_stem` lower-cases a word, reads ’ as ' and drops "'s" and suffixes: its stem
    is a prefix of that, or the prefix plus "y" ("studies" -> "study"), or an irregular
    form's (:data:`_NOT_PREFIXES`). So the stem less a final "y" is in the sentence's
    text read the same way (which is the words' read the same way, joined: lower()
    works letter by letter but for Σ), unless it is irregular."""
    probes = tuple(h[:-1] if h.endswith("y") else h for h in head if h not in _NOT_PREFIXES)
    return probes, len(head) - len(probes)


def restating_sentences(headline: str, body: Sequence[Sentence]) -> tuple[Sentence, ...]:
    """Body sentences that restate the headline's claim (shared content words,
    :func:`needed_shared_words`; fewer for the lede, ``body[0]``). Outside the lede, one
    of the shared words is no name (:func:`_common_word_stems`): a sentence naming the
    headline's people, places and titles states a claim of its own about them."""
    head = content_stems(headline)
    if not head:
        return ()
    needed = needed_shared_words(head)
    needed_lede = needed_shared_words(head, lede=True)
    probes, unprobed = _probes(head)
    found: list[Sentence] = []
    for number, s in enumerate(body):
        least = needed_lede if number == 0 else needed
        text = s.text
        if "Σ" not in text:
            # Too few of the head's stems can be in it (most sentences): its own stems
            # are not needed. An upper bound on the shared stems, not the count.
            low = text.lower()
            if "’" in low:
                low = low.replace("’", "'")
            if unprobed + sum(map(low.__contains__, probes)) < least:
                continue
        shared = head & content_stems(text)
        if len(shared) >= least and (number == 0 or shared & _common_word_stems(text)):
            found.append(s)
    return tuple(found)


# The first word of a sentence, or of a quotation in it, is capitalised whatever it is.
# An opening quotation mark is written against its word; a closing one is not.
_OPENING = re.compile(r"(?:\A|[.!?:;]\s+|[\"“‘'(\[]|[—–-]\s*)\Z")


def _common_word_stems(text: str) -> frozenset[str]:
    """The content stems of the words of ``text`` that are no names: written in lower
    case, or capitalised where any word is (opening the sentence or a quotation) and not
    followed by a capitalised word ("Voters in …", not "Dale County …")."""
    words = list(_WORD.finditer(text))
    stems = set()
    for number, match in enumerate(words):
        word = match.group()
        if not word[0].islower():
            following = words[number + 1].group() if number + 1 < len(words) else ""
            if following[:1].isupper() or _OPENING.search(text, 0, match.start()) is None:
                continue
        stem = _content_stem(word)
        if stem:
            stems.add(stem)
    return frozenset(stems)


#: The hedges that put a claim in doubt. A vague quantity ("Some Democrats will skip
#: Philadelphia") or an approximator ("about 2,000") leaves the claim asserted: neither is
#: uncertainty (models.hedging; CoNLL-2010 and Szeged never mark them), so neither hedges
#: a headline nor distances a body sentence.
_DOUBTING = frozenset(("epistemic", "evidential"))
#: A weasel phrase ("critics say", "is widely seen as") credits the claim to unnamed
#: people: in a body sentence, it distances the claim as an attribution does.
_WEASEL = "weasel"


def hedges_claim(span: Span) -> bool:
    """Is ``span`` a hedge that puts its claim in doubt: an epistemic or evidential one,
    not negated?"""
    return span.category == "hedge" and span.subcategory in _DOUBTING and not span.negated


def is_hedged(spans: Sequence[Span]) -> bool:
    """True when ``spans`` hold a hedge (epistemic or evidential) that is not negated."""
    return any(map(hedges_claim, spans))


# A teaser after a dash, whose subject refers back to the news just told: "Trump Just
# Revealed Who He Would Pick For VP – It Might Surprise You", "Tim Allen Just Got Asked
# About Donald Trump – His Response Might Infuriate Most Of Hollywood".
_TEASER = re.compile(
    r"\S\s+[–—-]\s*(?=(?:it|its|this|that|his|her|their|they|he|she|you|your)\b)",
    re.IGNORECASE,
)
_TEASER_LEAST_WORDS = 3  # before the dash: a clause that tells the news, not a label


def teaser_start(headline: str) -> int | None:
    """Where a teaser after the headline's news begins (:data:`_TEASER`), or None."""
    match = _TEASER.search(headline)
    if match is None or len(_WORD.findall(headline[: match.start() + 1])) < _TEASER_LEAST_WORDS:
        return None
    return match.end()


def claim_hedges(headline: str, spans: Sequence[Span]) -> list[Span]:
    """The spans of the headline that hedge its claim (:func:`hedges_claim`), but those
    in a teaser (:func:`teaser_start`): "– It Might Surprise You" guesses at the reader,
    after a headline that asserts its news."""
    teaser = teaser_start(headline)
    # a hedge's first place in the headline: one also written before the teaser counts
    return [s for s in spans
            if hedges_claim(s) and (teaser is None or headline.find(s.text) < teaser)]


def _credits_the_unnamed(spans: Sequence[Span]) -> bool:
    """True when ``spans`` hold a weasel phrase that is not negated ("critics say")."""
    return any(s.category == "hedge" and s.subcategory == _WEASEL and not s.negated
               for s in spans)


def attributes_claim(spans: Sequence[Span]) -> bool:
    """True when ``spans`` hold an attribution that is not negated and whose verb does
    not present the claim as true: "…, state says", "Trump claims …", not "Report
    reveals …" (a factive verb, which asserts what it reports)."""
    return any(
        s.category == "attribution" and s.subcategory != "factive" and not s.negated
        for s in spans
    )


#: A source written as a pronoun ("he said") names no one of its own: it refers back.
_PRONOUN_SOURCE = "pronoun"


def headline_sources(spans: Sequence[Span]) -> frozenset[str]:
    """The content stems of the sources the headline names ("state" for "…, state says")."""
    stems: set[str] = set()
    for s in spans:
        if s.category == "source" and s.subcategory != _PRONOUN_SOURCE:
            stems |= content_stems(s.text)
    return frozenset(stems)


def refers_back(source: str) -> bool:
    """Is ``source`` a definite description ("the mayor", "the Florida senator", "The
    Democratic presidential candidate"): "the" and words ending in a common noun, which
    refers to someone named before as a pronoun does? Not a name ("The New York Times")."""
    words = source.split()
    return len(words) > 1 and words[0].lower() == "the" and words[-1][:1].islower()


def words_before_the_report(headline: str, spans: Sequence[Span]) -> frozenset[str]:
    """The content stems of the headline before its first report verb: who speaks, when
    no source of it was found ("Saudi prince" in "Saudi prince mocks Trump on Twitter")."""
    starts = [headline.find(s.text) for s in spans
              if s.category == "attribution" and s.text and s.text in headline]
    return content_stems(headline[: min(starts)]) if starts else frozenset()


def names_another_source(spans: Sequence[Span], own: frozenset[str],
                         sentence: Sentence | None = None) -> bool:
    """True when ``spans`` attribute a claim and name a source that shares no content
    word with the headline's sources ``own``: "according to Newsweek" under "Kremlin
    Tells …", not "state regulators said" under "…, state says". A pronoun ("she
    said"), a definite description (:func:`refers_back`: "the mayor said" under "De
    Blasio says …") or an attribution without a named source refers back and names no
    other."""
    if not _distancing(spans, sentence):
        return False
    for s in spans:
        if s.category == "source" and s.subcategory != _PRONOUN_SOURCE \
                and not refers_back(s.text):
            stems = content_stems(s.text)
            if stems and not stems & own:
                return True
    return False


# The headline's subject: its first words, up to a lower-case word ("Eric Trump's not so
# sure …" -> Eric Trump's) or a comma, colon, semicolon, dash or quotation mark, and at
# most this many words ("Black Lawmakers Rip …" -> Black Lawmakers Rip): in a headline
# that reports an act, its actor.
_SUBJECT_WORDS = 3
_SUBJECT_END = re.compile(r"[,:;–—‘“\"]|\s-\s")


def headline_subject(headline: str) -> frozenset[str]:
    """The content stems of the headline's first words, its subject as a crude window
    (:data:`_SUBJECT_WORDS`): "Black Lawmakers Rip Donald Trump …" -> black, lawmaker,
    rip; "Clinton swipes at Trump over Brexit" -> clinton."""
    end = _SUBJECT_END.search(headline)
    words: list[str] = []
    for word in _WORD.findall(headline[: end.start()] if end else headline):
        if words and word[:1].islower():
            break
        words.append(word)
        if len(words) == _SUBJECT_WORDS:
            break
    return content_stems(" ".join(words))


def credits_the_subject(spans: Sequence[Span], subject: frozenset[str]) -> bool:
    """True when every source ``spans`` name (no pronoun, no definite description) shares
    a content word with the headline's subject ``subject``, and there is one: "top black
    lawmakers said" under "Black Lawmakers Rip Donald Trump As A 'Disgusting Fraud'". The
    headline reports what its subject said or did, under a verb the lexicons need not
    know ("Rip", "swipes at", "trashes"); the body crediting the same people adds no
    distance. Not "Trump said" under "Clinton swipes at Trump"."""
    named = [content_stems(s.text) for s in spans
             if s.category == "source" and s.subcategory != _PRONOUN_SOURCE
             and not refers_back(s.text)]
    named = [stems for stems in named if stems]
    return bool(named) and all(stems & subject for stems in named)


# A headline that puts its matter in question: "Questions linger over …", "Doubts grow
# about …", "New questions over …", "Uncertainty surrounds …", "Report raises questions
# about …", "… casts doubt on …".
_IN_QUESTION = re.compile(
    r"\b(?:(?:questions?|doubts?|uncertainty)\s+(?:\w+\s+){0,2}?"
    r"(?:linger|lingers|lingering|remain|remains|grow|grows|growing|mount|mounts|mounting"
    r"|swirl|swirls|swirling|persist|persists|raised|arise|arises|surround|surrounds"
    r"|over|about|on|around)"
    r"|(?:raises?|raised|raising|casts?|casting|sparks?|sparked|prompts?|prompted)\s+"
    r"(?:\w+\s+)?(?:questions?|doubts?)\s+(?:about|over|on|around|as\s+to)"
    r"|unanswered\s+questions?)\b",
    re.IGNORECASE,
)


_AUXILIARIES = frozenset(
    "is are was were am do does did can could will would should shall has have had may "
    "might must isn't aren't wasn't weren't don't doesn't didn't can't couldn't won't "
    "wouldn't shouldn't hasn't haven't".split()
)


def puts_in_question(headline: str) -> bool:
    """True when the headline asserts nothing of its matter but that it is in question:
    doubt as its news ("Questions linger over safety of Kestrel Bridge", "Report raises
    questions about …"), or a yes-no or either-or question that is the whole headline
    but a label before a colon ("Is the Kestrel Bridge safe?", "Sanders: Can He Win?",
    "As Rivals Pair Up, Will Twitter Be Next?", "Hero or villain?"). Not a question
    after a sentence that asserts ("Senate Confirms Judge. Is He the Last?"), nor a wh-
    question, which takes its matter as given ("Why Does Israel Refuse …?"). Such a
    headline is hedged: it claims nothing a body could distance."""
    text = " ".join(headline.split())
    if _IN_QUESTION.search(text) is not None:
        return True
    text = text.rstrip(" \"'”’")
    if not text.endswith("?"):
        return False
    question = text.rsplit(":", 1)[-1].strip()
    if re.search(r"[.!?]\s", question):
        return False  # a sentence before the question asserts
    clause = question.rsplit(",", 1)[-1].split()
    first = clause[0].lower().replace("’", "'") if clause else ""
    return first in _AUXILIARIES or " or " in question.lower()


# A negation right before a report verb ("did not confirm", "has not yet confirmed",
# "never revealed"), in the text before it.
_NEGATED_BEFORE = re.compile(r"(?:\bnot|n['’]t|\bnever)\s+(?:\w+\s+)?\Z", re.IGNORECASE)


def distances(span: Span, before: str = "") -> bool:
    """Whether an attribution keeps its claim at a distance: any report verb but a factive
    one, which presents what it reports as true ("The council confirmed on Tuesday that
    the library will close" asserts the closure, as "Report reveals …" does in a
    headline: ux22); a negated factive one does ("did not confirm"). ``before`` is the
    text of the sentence before the span."""
    if span.category != "attribution":
        return False
    return span.subcategory != "factive" or span.negated or \
        _NEGATED_BEFORE.search(before) is not None


# A report verb in a relative clause, after its pronoun and at most three words ("the 30
# percent of voters who said", "Gabriel Sherman, who reported", "the Illinois Board of
# Elections, which ruled", "whom many progressives believed"): the clause tells about a
# noun of the main clause; its report does not distance what the main clause asserts.
_RELATIVE_BEFORE = re.compile(r"\w[,]?\s+(?:who|whom|which)\s+(?:[\w'’-]+\s+){0,3}\Z",
                              re.IGNORECASE)


def in_relative_clause(before: str) -> bool:
    """Is a report verb after the text ``before`` (its sentence up to it) in a relative
    clause (:data:`_RELATIVE_BEFORE`)? Not a sentence-opening "Who said …"."""
    return _RELATIVE_BEFORE.search(before) is not None


def _distancing(spans: Sequence[Span], sentence: Sentence | None) -> bool:
    def before(span: Span) -> str:
        if sentence is None:
            return ""
        return sentence.text[: max(0, span.start - sentence.start)]

    return any(distances(s, before(s)) and not in_relative_clause(before(s))
               for s in spans)


def is_hedged_or_attributed(spans: Sequence[Span], sentence: Sentence | None = None) -> bool:
    """True when ``spans`` (of ``sentence``, if given) hedge a claim, credit it to unnamed
    people (a weasel phrase) or attribute it to a source without presenting it as true
    (:func:`distances`)."""
    return is_hedged(spans) or _credits_the_unnamed(spans) or _distancing(spans, sentence)


@dataclass(frozen=True, slots=True)
class HeadlineMeasures:
    """Headline tone (-1 to 1), hedged flag, and gap share (0–1); None without a headline."""

    tone: float | None
    hedged: bool | None
    body_gap: float | None
    restating: tuple[int, ...]  # indices of the body sentences that restate the headline


def headline_measures(
    headline: str,
    headline_tone: float | None,
    headline_spans: Sequence[Span],
    body: Sequence[Sentence],
    body_spans: Sequence[Span],
) -> HeadlineMeasures:
    """Compare a headline with the body sentences that restate it. A headline that
    puts its matter in question (:func:`puts_in_question`) is hedged.

    A restating sentence distances the claim when it hedges it or attributes it; when
    the headline attributes the claim itself (:func:`attributes_claim`), only when it
    hedges it or names a source the headline does not (:func:`names_another_source`)."""
    if not headline.strip():
        return HeadlineMeasures(None, None, None, ())
    hedged = bool(claim_hedges(headline, headline_spans)) or puts_in_question(headline)
    restating = restating_sentences(headline, body)
    indices = tuple(s.index for s in restating)
    if hedged:
        return HeadlineMeasures(headline_tone, True, 0.0, indices)
    if not restating:
        return HeadlineMeasures(headline_tone, False, None, indices)
    by_sentence: dict[int, list[Span]] = {}
    for span in body_spans:
        by_sentence.setdefault(span.sentence_index, []).append(span)
    sentences = {s.index: s for s in restating}
    if attributes_claim(headline_spans):
        own = headline_sources(headline_spans) or words_before_the_report(
            headline, headline_spans)
        distanced = sum(
            1 for i in indices
            if is_hedged(by_sentence.get(i, []))
            or _credits_the_unnamed(by_sentence.get(i, []))
            or names_another_source(by_sentence.get(i, []), own, sentences[i])
        )
    else:
        # a plain headline: a sentence that credits the claim only to the headline's
        # subject reports what the headline reports (credits_the_subject)
        subject = headline_subject(headline)
        distanced = sum(
            1 for i in indices
            if is_hedged(by_sentence.get(i, []))
            or _credits_the_unnamed(by_sentence.get(i, []))
            or (_distancing(by_sentence.get(i, []), sentences[i])
                and not credits_the_subject(by_sentence.get(i, []), subject))
        )
    return HeadlineMeasures(headline_tone, False, distanced / len(indices), indices)
