"""Attribution rules that need more than a word list: direct quotations.

The cue finder (:mod:`models.cues`) calls these. What they decide:

* **Inside a direct quotation, a report verb is the quoted speaker's, not the
  article's.** In '“I’ve always said I would support the nominee,” Trump told
  reporters' the outlet attributes the quote to Trump with *told*; *said* belongs to
  Trump's own words. Counting it would count the speaker's talk as the outlet's
  sourcing (PolNeAR annotates one attribution per token for the same reason: the
  quotation is the content of the outer attribution, Newell et al. 2018).
  A quotation may run over several sentences of one paragraph.

Which stretches are quoted is read once, by :mod:`models.quotations`, the reading
the own-voice measures (:mod:`models.voice`) use too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from itertools import compress
from typing import Protocol

from models.article import Span

# ---------------------------------------------------------------------- rule cues
#
# Report verbs found by their grammar rather than by the word list, for the long tail of
# verbs that introduce speech or thought (PolNeAR: 1,829 of 2,837 missed cue strings of the
# training part occur once). Two frames mark a verb as reporting whatever the verb is:
#
# * a that-clause: "Pence insisted that", "the campaign conceded that he" (a past-tense
#   verb, or a present-tense one after a name or pronoun, with "that" opening a clause);
# * a direct quotation next to it: '“…,” he continued', '“…,” barked Oliver',
#   'Blackwell continued, “you and I …”', '“…,” the statement read'.


class TokenView(Protocol):
    """What the rules read of a sentence's tokens (models.cues._Tokens)."""

    n: int
    raw: list[str]
    low: list[str]
    gaps: list[str]
    text: str
    lead: str  # the text before the first token


# Irregular past forms of verbs that take a that-clause or frame a quotation.
_IRREGULAR_PAST = frozenset(
    "thought knew felt heard understood meant held saw foresaw swore wrote told said spoke "
    "read taught foretold forgot bet".split()
)
# "-ed" words that are no verbs of saying before "that": conjunctions and adjectives.
_NOT_REPORTING_ED = frozenset(
    "provided granted indeed need speed seed embed proceed succeed exceed feed bleed breed "
    "limited red united advanced noted used supposed detailed based".split()
)
# What may follow "that" when it opens a clause ("that the", "that he", "that Trump").
_CLAUSE_START = frozenset(
    "the a an he she it they we i you this these there no his her its their our my some "
    "many most all if when while because unless as even only nobody none nothing "
    "everyone anyone someone one two three both neither".split()
)
_SUBJECT_PRONOUNS = frozenset("he she they it".split())
_DETERMINERS = frozenset("the a an this that these those his her its their our".split())
# Words that end a quote-framing verb's clause: '“…,” he said on Monday'.
_AFTER_FRAME_VERB = frozenset(
    "on in at to during after before later earlier then again today yesterday".split()
)
_QUOTE_CLOSERS = ("”", '"', "''", "’")
_QUOTE_OPENERS = ("“", '"', "''", "‘")
# "go on" in the sense of speaking on ('“…,” she went on', 'Obama went on: “…”'): a report
# verb only next to a quotation; elsewhere mostly no speech ("the talks went on", "went on
# to win").
_GO_FORMS = frozenset("go goes went going".split())
#: The term of a "go on" frame cue.
GO_ON = "go on"


def goes_on(tokens: TokenView, i: int) -> bool:
    """Are tokens i and i + 1 "went on" (any form of "go", then "on", no punctuation
    between)?"""
    return (
        i + 1 < tokens.n and tokens.low[i] in _GO_FORMS and tokens.low[i + 1] == "on"
        and not tokens.gaps[i] and not tokens.raw[i][:1].isupper()
    )


def _past_or_present(tokens: TokenView, i: int, *, present: bool = True) -> bool:
    """A lowercase verb form that can report: past tense ("insisted", "wrote") or, with
    ``present``, third person ("adds"). Names, hyphenated words and "-ss" are no verbs."""
    word = tokens.low[i]
    if not word.isalpha() or tokens.raw[i][:1].isupper():
        return False
    if word in _IRREGULAR_PAST:
        return True
    if word in _NOT_REPORTING_ED or len(word) <= 4:
        return False
    return word.endswith("ed") or (present and word.endswith("s") and not word.endswith("ss"))


def past_or_present(tokens: TokenView, i: int) -> bool:
    """Is token i a lowercase past-tense or third-person verb form ("toured", "wrote",
    "explains")? The verb after a subject, for the sources of coordinated cues."""
    return _past_or_present(tokens, i)


def _that_clause_verb(tokens: TokenView, i: int) -> bool:
    """Is token i a verb whose object is a that-clause ("conceded that he")?"""
    if i + 2 >= tokens.n or tokens.gaps[i] or tokens.gaps[i + 1] or tokens.low[i + 1] != "that":
        return False
    if not _past_or_present(tokens, i):
        return False
    following = tokens.low[i + 2]
    if not (following in _CLAUSE_START or tokens.raw[i + 2][:1].isupper()
            or following.isdigit()):
        return False  # "carried that message": a demonstrative, not a clause
    previous = tokens.low[i - 1] if i > 0 and not tokens.gaps[i - 1] else ""
    if previous in _DETERMINERS:
        return False  # "the proposed that"
    if tokens.low[i].endswith("s") and tokens.low[i] not in _IRREGULAR_PAST:
        # Present tense only right after a pronoun: "she argues that" ("FBI agents that"
        # is a noun and a relative clause).
        return previous in _SUBJECT_PRONOUNS
    return True


def _ends_clause(tokens: TokenView, j: int) -> bool:
    return j + 1 >= tokens.n or bool(tokens.gaps[j])


def _frame_verb_after_quote(tokens: TokenView, k: int, taken: Sequence[bool]) -> int:
    """After a quotation closing before token k: the verb of '…,” he continued' or
    '…,” barked Oliver.' (token index), or -1. The subject is a pronoun, a name or
    "the"/"a" and at most three words; the clause ends with the verb or the subject."""
    n = tokens.n
    # Inverted: the verb first, then its subject and the end of the clause.
    if _past_or_present(tokens, k):
        j = k + 1
        while j < n and j - k <= 4 and not tokens.gaps[j - 1]:
            if tokens.low[j] in _AFTER_FRAME_VERB or tokens.low[j] in ("for", "with", "of"):
                return -1  # "posted the clip to YouTube": an object, not the speaker
            if _ends_clause(tokens, j) and (
                tokens.raw[k + 1][:1].isupper() or tokens.low[k + 1] in _DETERMINERS
            ):
                return k
            j += 1
        return -1
    # Subject first.
    if tokens.low[k] in _SUBJECT_PRONOUNS:
        first_verb = k + 1
    elif tokens.raw[k][:1].isupper():
        first_verb = k + 1
        while first_verb < n and tokens.raw[first_verb][:1].isupper() and first_verb - k < 4:
            first_verb += 1  # a name: "Matt Mackowiak"
    elif tokens.low[k] in _DETERMINERS:
        first_verb = k + 2  # "the statement", "the senator"
        if first_verb + 1 < n and not tokens.gaps[first_verb] and \
                not _past_or_present(tokens, first_verb) and goes_on(tokens, first_verb + 1):
            first_verb += 1  # "the harbour master went on"
    else:
        return -1
    if first_verb >= n or any(tokens.gaps[m] for m in range(k, first_verb)):
        return -1
    j = first_verb
    last = j + 1 if goes_on(tokens, j) else j  # '“…,” she went on'
    if taken[j] or (last == j and not _past_or_present(tokens, j)):
        return -1
    if _ends_clause(tokens, last) or tokens.low[last + 1] in _AFTER_FRAME_VERB:
        return j
    return -1


def _frame_verb_before_quote(tokens: TokenView, j: int, quoted: Sequence[bool]) -> int:
    """'Blackwell continued, “you and I …”', 'Obama went on: “…”': a verb right after its
    subject, then a comma or colon and an opening quotation mark. The verb's first token
    (token j, or j - 1 for "went on"), or -1."""
    gap = tokens.gaps[j]
    if j + 1 >= tokens.n or quoted[j] or not quoted[j + 1]:
        return -1
    if not gap or gap[0] not in ",:" or not gap[1:].lstrip().startswith(_QUOTE_OPENERS):
        return -1
    verb = j - 1 if j >= 1 and goes_on(tokens, j - 1) else j
    if (verb == j and not _past_or_present(tokens, j)) or verb == 0 or tokens.gaps[verb - 1]:
        return -1
    previous = tokens.low[verb - 1]
    if previous in _SUBJECT_PRONOUNS or tokens.raw[verb - 1][:1].isupper():
        return verb
    # "The mayor went on: “…”": a determiner and one or two nouns that open the sentence
    # or a clause
    for article in (verb - 2, verb - 3):
        if article < 0 or any(tokens.gaps[m] for m in range(article, verb - 1)):
            break
        if tokens.low[article] in _DETERMINERS and (article == 0 or tokens.gaps[article - 1]):
            return verb
    return -1


_OBJECT_PRONOUNS = frozenset("him her them it us me himself herself".split())


def names_with_a_quote(tokens: TokenView, i: int) -> bool:
    """'called it “an incredibly significant development”', 'calls Rubio a “talented
    guy”': a verb of naming whose object (a pronoun, a name or "the/his …" and a noun)
    is followed by a quotation: the name given is someone's words."""
    k = i + 1
    n = tokens.n
    if k >= n or tokens.gaps[i]:
        return False  # 'a show called “Brokers”': no object, the quotation names a thing
    if tokens.low[k] in _OBJECT_PRONOUNS:
        last = k
    elif tokens.low[k] in _DETERMINERS and k + 1 < n and not tokens.gaps[k]:
        last = k + 1
    elif tokens.raw[k][:1].isupper():
        last = k
        while last + 1 < n and not tokens.gaps[last] and tokens.raw[last + 1][:1].isupper() \
                and last - k < 2:
            last += 1
    else:
        return False
    gap = tokens.gaps[last]
    if gap.startswith(_QUOTE_OPENERS):
        return True
    # "calls Rubio a “talented guy”": an article between the object and the quotation.
    return (
        not gap and last + 1 < n and tokens.low[last + 1] in ("a", "an", "the")
        and tokens.gaps[last + 1].startswith(_QUOTE_OPENERS)
    )


# "see … as", "view … as": a source's view of someone ("sees Christie as sharing").
_VIEW_VERBS = frozenset("see sees saw view views viewed".split())
_VIEW_AS_REACH = 10
# Evidence that "shows" or "found": '"a 2009 paper found improvements", "polls show".
_EVIDENCE_NOUNS = frozenset(
    "poll polls survey surveys study studies report reports analysis analyses investigation "
    "review audit records data results figures numbers documents filings paper research "
    "census estimates".split()
)
_EVIDENCE_VERBS = frozenset("show shows showed showing found finds".split())
_FIRST_PERSON = frozenset("i we you".split())


def _a_third_party_verb(tokens: TokenView, i: int) -> bool:
    """Is token i a verb a third party does, not the writer's own ("I see him as", "I found
    him to be"), a noun ("the view", "the find") or a purpose ("to see")?"""
    previous = tokens.low[i - 1] if i > 0 and not tokens.gaps[i - 1] else ""
    return not (previous in _FIRST_PERSON or previous in _DETERMINERS or previous == "to")


def _views_as(tokens: TokenView, i: int) -> bool:
    if tokens.low[i] not in _VIEW_VERBS or not _a_third_party_verb(tokens, i):
        return False
    for j in range(i + 2, min(tokens.n, i + _VIEW_AS_REACH)):
        if tokens.gaps[j - 1]:
            return tokens.gaps[j - 1].strip() == "," and _as_after_apposition(tokens, j)
        if tokens.low[j] == "as":
            return _view_as(tokens, j)
    return False


def _as_after_apposition(tokens: TokenView, j: int) -> bool:
    """Does the apposition opening at token j close with a comma before "as" ("sees
    Bakhmut, a town of around 70,000 …, as a stepping stone")?"""
    for k in range(j + 1, min(tokens.n, j + 16)):
        gap = tokens.gaps[k - 1].strip()
        if gap == "," and tokens.raw[k - 1].isdigit() and tokens.raw[k].isdigit():
            continue  # "70,000"
        if gap == ",":
            return _view_as(tokens, k)
        if gap:
            return False
    return False


def _view_as(tokens: TokenView, j: int) -> bool:
    """Is token j the "as" of a view ("sees X as a threat"), not the first "as" of a
    comparison ("would see their incomes go up by as much as 19 percent")?"""
    return tokens.low[j] == "as" and not (j + 2 < tokens.n and tokens.low[j + 2] == "as")


# "They found him to be “incompetent”": a judgement of someone, as "found that he was".
_JUDGING_VERBS = frozenset("find finds found".split())


def _judges_to_be(tokens: TokenView, i: int) -> bool:
    """ "find / found X to be Y": a source's judgement of someone or something (audit25,
    seed 003 S12). The object is at most four words with no punctuation before "to be";
    not "to" a plain infinitive ("found time to rest")."""
    if tokens.low[i] not in _JUDGING_VERBS or not _a_third_party_verb(tokens, i):
        return False
    for j in range(i + 2, min(tokens.n - 1, i + 6)):
        if tokens.gaps[j - 1]:
            return False
        if tokens.low[j] == "to":
            return not tokens.gaps[j] and tokens.low[j + 1] == "be"
    return False


def _evidence_shows(tokens: TokenView, i: int) -> bool:
    """ "polls show Clinton ahead", "the poll found", "records show." """
    return (
        tokens.low[i] in _EVIDENCE_VERBS and i > 0 and not tokens.gaps[i - 1]
        and tokens.low[i - 1] in _EVIDENCE_NOUNS
    )


#: Kinds of rule cue. Only after a quotation may the source follow the verb
#: ('…,” barked Oliver'); otherwise what follows is the object ("sees Christie as").
FRAMED = "framed"
OBJECT_AFTER = "object after"


_TRIGGERS = _VIEW_VERBS | _EVIDENCE_VERBS | _JUDGING_VERBS | frozenset({"that"})


def rule_triggers(tokens: TokenView) -> list[int]:
    """Tokens where a rule of :func:`rule_cues` other than the quotation frames may apply."""
    return list(compress(range(len(tokens.low)), map(_TRIGGERS.__contains__, tokens.low)))


def rule_cues(
    tokens: TokenView,
    taken: Sequence[bool],
    quoted: Sequence[bool] | None,
    triggers: Sequence[int],
) -> list[tuple[int, str]]:
    """Tokens that are report verbs by the rules above, with their kind (FRAMED or
    OBJECT_AFTER), in order; never one already a cue (``taken``) nor inside a quotation
    (``quoted``: a flag per token, None when the sentence quotes nothing). ``triggers``
    are :func:`rule_triggers`."""
    found: dict[int, str] = {}
    n = tokens.n
    for t in triggers:
        i = t - 1 if tokens.low[t] == "that" else t
        if i < 0 or taken[i] or (quoted is not None and quoted[i]):
            continue
        if _that_clause_verb(tokens, i) or _views_as(tokens, i) or _evidence_shows(tokens, i) \
                or _judges_to_be(tokens, i):
            found[i] = OBJECT_AFTER
    if quoted is None:
        return sorted(found.items())
    for k in range(1, n):
        if quoted[k - 1] == quoted[k]:
            continue
        if not quoted[k]:
            # The quotation closes between tokens k - 1 and k, after a comma, a question or
            # exclamation mark or a dash: a quoted sentence, not a scare-quoted word.
            gap = tokens.gaps[k - 1]
            if not gap.endswith(_QUOTE_CLOSERS):
                continue
            if gap.rstrip("”\"'’")[-1:] not in (",", "?", "!", "—", "-"):
                continue
            j = _frame_verb_after_quote(tokens, k, taken)
            if j >= 0 and not taken[j] and not quoted[j] and j not in found:
                found[j] = FRAMED
        elif not taken[k - 1]:
            verb = _frame_verb_before_quote(tokens, k - 1, quoted)
            if verb >= 0 and not taken[verb]:
                found[verb] = OBJECT_AFTER  # 'Blackwell continued, “you and I …”'
    return sorted(found.items())


# ---------------------------------------------------------------------- impersonal reports
#
# "Sanders is expected to win", "Priebus was said to be furious": a passive report verb with
# no agent attributes the content to someone unnamed (those who expect, who say). The
# hedge lexicon lists these as hedges (the writer does not vouch for the content); they are
# attributions too, with an implicit source (PARC 3.0, Pareti 2016; PolNeAR annotates them).
# They take no source span: the grammatical subject is what the content is about, not who
# said it. Nor do they nest a later verb: in "The Times is expected to endorse Clinton",
# "endorse" is an attribution of its own, with the Times as its source.

#: Terms of hedges.csv whose report verb ("expected", "said") is also an attribution cue.
IMPERSONAL_REPORTS = frozenset(
    ("expected to", "said to", "reported to", "believed to", "thought to")
)


def is_impersonal_report(
    cue: tuple[int, int], stance: Iterable[tuple[int, int, str]]
) -> bool:
    """Is the report verb at ``cue`` (start, end) the verb of an impersonal report ("is
    expected to", "was said to")? It is when the stance cues (hedges, boosters: start, end,
    term) that strictly contain it are all IMPERSONAL_REPORTS, and there is one. Token or
    character offsets, the same for both. The one rule the cue finder (which keeps such a
    cue, with no source) and source linking (which leaves it out) apply."""
    containing = [
        term for start, end, term in stance
        if start <= cue[0] and cue[1] <= end and end - start > cue[1] - cue[0]
    ]
    return bool(containing) and all(term in IMPERSONAL_REPORTS for term in containing)


# ---------------------------------------------------------------------- nested attributions
#
# PolNeAR is univocal (Newell et al. 2018): a token belongs to at most one attribution, so a
# report verb inside the content of another ("Trump said Cruz attacked him", "a report
# published Wednesday said") is part of that content, not an attribution of the article's.
# Without punctuation or a coordinating word between the two verbs, the second one is read
# as content (PolNeAR train: 142 of 743 such second verbs were annotated cues); after a
# comma, a colon or a quotation mark, or in "said … and added", it starts a new one
# (1,333 of 1,867).

# Words that join a second attribution to the first rather than nest it: "said … and added".
_COORDINATORS = frozenset("and or but then".split())


def in_content_of(tokens: TokenView, earlier_end: int, start: int) -> bool:
    """Is a report verb at token ``start`` part of the content of an earlier report verb
    of the same sentence, which ends before token ``earlier_end``?"""
    if start < earlier_end or tokens.low[start] in ("saying", "citing"):
        # "issued a statement Tuesday saying": the statement's own words; "reported on
        # Monday citing four sources": whom the report relies on
        return False
    if any(tokens.gaps[k] for k in range(earlier_end - 1, start)):
        return False  # punctuation between the two: a new clause, often a new attribution
    return not any(
        tokens.low[k] in _COORDINATORS for k in range(max(earlier_end, start - 2), start)
    )


# Words that open a clause of time or reason after a verb's object: "praised the plan
# when the senator said it", "thanked them after the mayor announced it".
_ADVERBIAL_OPENERS = frozenset("when after before because while whenever until once".split())
#: Report verbs whose object is a thing or a person, not a clause ("praised the plan",
#: "blamed the mayor"): after that object, "when the senator said it" is a clause of its
#: own, no part of what was reported.
OBJECT_REPORT_TERMS = frozenset(
    "praise criticise condemn denounce defend endorse thank welcome blame reject attack "
    "mock decry ridicule back support favor tout highlight hail applaud chide credit "
    "slam blast lambaste rebuke assail laud dismiss deride scold taunt accuse oppose".split()
)


def opens_an_adverbial_clause(tokens: TokenView, earlier_end: int, start: int) -> bool:
    """Does a clause of time or reason open after the object of a report verb that ends
    before token ``earlier_end`` (one of :data:`OBJECT_REPORT_TERMS`), with a short subject
    of its own and the report verb at token ``start`` ("The mayor praised the plan when
    the senator said it")? Then the later verb is an attribution of its own, not the
    earlier one's content (:func:`in_content_of`)."""
    for k in range(earlier_end + 1, start - 1):
        if tokens.low[k] in _ADVERBIAL_OPENERS:
            return start - k <= 5  # "when the senator said", "after two aides told"
    return False


# What may follow the verb of an inverted attribution that closes its sentence ("…, the
# ministry said today", "…, officials said in a statement", "…, he told reporters").
_ADJUNCT_OPENERS = frozenset(
    "in on at during after before via through from over by late earlier later last this "
    "today yesterday tonight monday tuesday wednesday thursday friday saturday sunday "
    "again also too".split()
)
_DASHES = frozenset(("–", "—", "-", "--"))


def inverted_content(
    tokens: TokenView, start: int, end: int, *, takes_recipient: bool
) -> tuple[int, int] | None:
    """When the report verb at tokens [start, end) closes its sentence after a comma, as
    in "Russia is banning officials …, the UK Defense Ministry said today" or "…, said
    Peskov" or "…, according to iStories", the last token of the content before that
    comma (what the verb reports) and the first (after a colon, which hands the floor
    to a quotation of its own); else None. A quotation alone before the comma
    ('…: “Change the world,” she said') holds no report verb of the article's.

    The verb's clause is its subject and the verb, or the verb and its subject ("said
    Peskov"; not a verb that takes a recipient: in "Smith, who said so, told reporters"
    "told" is no inversion; only a verb of :data:`_VERBS_BEFORE_THEIR_SUBJECT`). The subject is a short noun phrase: no clause word, no
    verb ("…, but also hungry for what she calls" is no subject), an aside between dashes
    allowed ("four sources – including a former FSB officer – told"). After the verb come
    at most adjuncts ("in a statement", "today", the recipient of "told"): no "that", no
    auxiliary ("…, he said the plan failed" reports what follows). Then the sentence
    ends, or a participle follows ("…, the ministry said, citing …"); not a quotation or
    a colon ('…, a man yelled “Stay there!”'). A participle ("…, McCain said, citing")
    is no such verb. The forward case is :func:`in_content_of`."""
    low, gaps = tokens.low, tokens.gaps
    if low[start].endswith("ing") and low[start] != "according":
        return None  # a participle ("…, citing"); "according to" is no participle (audit25)
    k = start - 1
    aside = False
    subject: list[str] = []
    while k >= 0 and not ("," in gaps[k] and not aside):
        gap = gaps[k]
        if gap in _DASHES:
            aside = not aside
        elif gap and not (gap == "." and len(low[k]) <= 3) and not aside:
            return None  # a colon, a quotation or a full stop ("U.S.", "Mr.": abbreviations)
        if not aside or gap in _DASHES:
            subject.append(low[k])
        k -= 1
    if k < 0 or len(subject) > 8 or any(w in _NOT_IN_A_SUBJECT for w in subject):
        return None
    verb_first = k == start - 1
    rest: list[str] = []
    j = end
    while j < tokens.n and not gaps[j - 1]:
        rest.append(low[j])
        j += 1
    if len(rest) > 8 or any(w == "that" or w in _CLAUSE_VERBS for w in rest):
        return None
    if verb_first:
        # "…, said Peskov": the subject follows; "…, said Tuesday" after "Smith, who
        # …," is no inversion
        if low[start] not in _VERBS_BEFORE_THEIR_SUBJECT or not rest or \
                rest[0] in _ADJUNCT_OPENERS:
            return None
    elif rest and not takes_recipient and rest[0] not in _ADJUNCT_OPENERS:
        return None
    closing = gaps[j - 1]
    if j < tokens.n and not (
        (any(c in closing for c in ".!?") and not any(q in closing for q in _QUOTE_OPENERS))
        or (closing == "," and low[j].endswith("ing"))
    ):
        return None
    first = k
    while first > 0 and ":" not in gaps[first - 1]:
        first -= 1
    opened = tokens.lead if first == 0 else gaps[first - 1]
    if any(q in opened for q in _QUOTE_OPENERS) and any(q in gaps[k] for q in _QUOTE_CLOSERS):
        return None  # the content is a quotation: its verbs are the speaker's already
    return first, k


# Verbs that news style puts before their subject ("…, said Peskov", "…, according to
# iStories"); not "…, who, like all respondents, responded anonymously".
_VERBS_BEFORE_THEIR_SUBJECT = frozenset(
    "said says added adds wrote writes explained noted continued according".split()
)
# Words that tell the words between a comma and a report verb are no subject of it.
_NOT_IN_A_SUBJECT = frozenset(
    "who which that and but or when while where if because as what whom whose also to is "
    "are was were has have had be been will would could can not then so yet than".split()
)


_RELATIVE_PRONOUNS = frozenset("who that which whom".split())
_VERB_PREFIX = frozenset(
    "has have had was were is are be been not also never once recently previously "
    "publicly repeatedly".split()
)


def in_relative_clause(tokens: TokenView, start: int) -> bool:
    """Does the report verb at token ``start`` open a relative clause ("people who backed
    Trump said"), or stand in one after a verb and "to" ("an official who spoke anonymously
    to discuss internal strategy said"), so that a report verb after it is the sentence's,
    not its content?"""
    k = start - 1
    while k >= 0 and not tokens.gaps[k] and tokens.low[k] in _VERB_PREFIX:
        k -= 1
    if k >= 0 and not tokens.gaps[k] and tokens.low[k] in _RELATIVE_PRONOUNS:
        return True
    if k < 1 or tokens.gaps[k] or tokens.low[k] != "to":
        return False
    # "who spoke (anonymously) to discuss": at most two words between "who" and "to"
    for m in range(k - 1, max(-1, k - 4), -1):
        if tokens.gaps[m]:
            return False
        if tokens.low[m] in ("who", "whom"):
            return m < k - 1
    return False


def is_discourse_said(tokens: TokenView, i: int) -> bool:
    """Is "said" at token i the discourse marker "That said," or "Having said that,"
    (a concession by the writer, not anyone's speech)?"""
    if tokens.low[i] != "said" or i == 0:
        return False
    opens = i == 1 or bool(tokens.gaps[i - 2])
    if tokens.low[i - 1] == "that" and opens and tokens.gaps[i].startswith(","):
        return True
    return (
        tokens.low[i - 1] == "having" and opens and i + 1 < tokens.n
        and tokens.low[i + 1] == "that" and tokens.gaps[i + 1].startswith(",")
    )


def is_not_a_report(tokens: TokenView, i: int) -> bool:
    """Is "reporting" at token i a news agency's credit line ("(Reporting by Jason Lange",
    "Additional reporting by …") or a vote count ("precincts reporting")?"""
    if tokens.low[i] != "reporting":
        return False
    previous = tokens.low[i - 1] if i > 0 and not tokens.gaps[i - 1] else ""
    if previous in ("additional", "precincts"):
        return True
    return (i == 0 or bool(tokens.gaps[i - 1])) and i + 1 < tokens.n and tokens.low[i + 1] == "by"


# Texts that "state" what they say, besides DOCUMENT_NOUNS ("the law states that", "the
# rules state that"), and the pronouns that stand for a speaker or a text ("it states that").
_STATING_TEXTS = frozenset(
    "law laws rule rules constitution policy bill order decree text section clause page "
    "website site notice sign label guidance guidelines manual he she it they".split()
)


def states_as_report(tokens: TokenView, i: int) -> bool:
    """Is "states" or "state" at token i the report verb ("the report states that", "it
    states: …", "the rules state that") rather than the noun ("the states that voted",
    "Secretary of State John Kerry", "the United States to meet", "state officials")?
    Only right after a text or a pronoun, and before "that", a colon or a quotation: the
    noun is far the commoner (PolNeAR train: the forms let in with only the noun-form
    checks gave 191 cues, 6 of them gold)."""
    if i == 0 or tokens.gaps[i - 1] or i + 1 >= tokens.n:
        return False
    previous = tokens.low[i - 1]
    if previous not in DOCUMENT_NOUNS and previous not in _STATING_TEXTS:
        return False
    gap = tokens.gaps[i]
    return (not gap and tokens.low[i + 1] == "that") or gap.startswith((":", *_QUOTE_OPENERS))


# After "add": a thing added, not words ("added to the list", "add up", "may add extra
# sailings", "added another $2 billion").
_ADDED_PARTICLES = frozenset("to up on back over onto".split())
_ADDED_THINGS = frozenset(
    "a an another the this these those his her its their our some several more less extra "
    "new one two three four five ten dozens hundreds thousands millions billions".split()
)
_CLAUSE_VERBS = frozenset(
    "is are was were be been has have had will would could can should may might must do "
    "does did isn't wasn't won't wouldn't couldn't can't didn't doesn't".split()
)


# What one adds by speaking: "added a note of caution", "adding a plug for himself".
_SPEECH_OBJECTS = frozenset(
    "note caveat plug warning comment comments word words remark remarks thought thoughts "
    "reminder line joke quip jab dig caption voice".split()
)


def adds_a_thing(tokens: TokenView, i: int) -> bool:
    """Is "add" at token i adding a thing rather than words: a particle after it ("added
    to the list", "add up"), or an object noun phrase with no finite verb after it in its
    clause ("may add extra sailings"; not "added the ferry was late", a clause)?"""
    if i + 1 >= tokens.n or tokens.gaps[i]:
        return False  # "he added." / "he added, …": speech
    if i > 0 and tokens.gaps[i - 1].rstrip().endswith(_QUOTE_CLOSERS):
        return False  # '“…,” added another Democrat': the speaker after a quotation
    if any(":" in tokens.gaps[k] or any(q in tokens.gaps[k] for q in _QUOTE_OPENERS)
           for k in range(i, min(tokens.n, i + 14))):
        return False  # "added a caveat: …", "adding on climate, “I don't …”": words follow
    following = tokens.low[i + 1]
    if following in _ADDED_PARTICLES:
        return True
    if following not in _ADDED_THINGS and not following[:1].isdigit():
        return False
    k = i + 1
    while k < tokens.n and k - i <= 8:
        if tokens.low[k] in _CLAUSE_VERBS or tokens.low[k] == "that" or \
                tokens.low[k] in _SPEECH_OBJECTS:
            return False  # a clause, or words added: "added a note of caution"
        if tokens.gaps[k] and not (tokens.gaps[k] == "." and len(tokens.low[k]) == 1):
            break  # the clause ends ("the U.S. must": an initial's period does not)
        k += 1
    return True


# Report verbs with a second, non-speech sense (audit22): the act of threatening, of
# countering (blocking), of offering, of responding to a situation. One place decides.
ACT_SENSE_TERMS = frozenset(("threaten", "counter", "offer", "respond", "admit"))
_PASSIVE_AUXILIARIES = frozenset(
    "be is are was were been being get gets got getting gotten".split()
)
_BETWEEN_AUXILIARY_AND_VERB = frozenset("not also even never still already often once".split())
# What may follow "threaten" in its speech sense: "threatened to quit", "threatened that
# …", "threatened not to show up", "threaten also to divide".
_THREAT_SPEECH = frozenset(("to", "that", "not", "also", "again", "even"))
# Where "admitted to" lets someone in, not owns up to something: "refugees admitted to the
# United States", "admitted to the hospital".
_ADMITTED_INTO = frozenset(
    "united u.s. u.s country america europe hospital school college university bar".split()
)
# "aren't admitted": a form of "be" written with its negation.
_NEGATED_BE = frozenset("isn't aren't wasn't weren't isn’t aren’t wasn’t weren’t".split())


def _passive(tokens: TokenView, i: int) -> bool:
    """Is the "-ed" form at token i a passive participle: after a form of "be" or "get"
    (adverbs between: "is being countered", "were not offered"), or before an agent "by"
    ("delegates offered by the contest"; "countered by suggesting" is active), or
    "threatened with" ("are threatened with prosecution")?"""
    if not tokens.low[i].endswith("ed"):
        return False
    k = i - 1
    while k >= 0 and not tokens.gaps[k] and (
        tokens.low[k] in _BETWEEN_AUXILIARY_AND_VERB or tokens.low[k].endswith("ly")
    ):
        k -= 1
    if k >= 0 and not tokens.gaps[k] and tokens.low[k] in _PASSIVE_AUXILIARIES:
        return True
    if i + 2 < tokens.n and not tokens.gaps[i] and not tokens.gaps[i + 1]:
        after = tokens.low[i + 1]
        if after == "by" and not tokens.low[i + 2].endswith("ing"):
            return True
        if after == "with" and tokens.low[i].startswith("threaten"):
            return True
    return False


def is_act_sense(tokens: TokenView, i: int, term: str, speech_words: frozenset[str]) -> bool:
    """Is the report verb ``term`` (one of :data:`ACT_SENSE_TERMS`) at token i an act, not
    speech, so no attribution and no source (audit22)?

    * A passive of "threaten", "counter" or "offer": "employees are threatened with
      prosecution by the authorities", "any idea … is being countered by the Kremlin"
      (blocked), "he was offered the job" (PolNeAR train: 11 such predicted cues, 1 a gold
      cue).
    * "threaten" with an object: "threatening them with false criminal charges",
      "threatens national security" (PolNeAR train: 8 of 11 no gold cue). Its speech
      sense is the commissive "threatened to impose a tax", "threatened that …" (PolNeAR
      annotates it: 16 of 20 gold cues), which is kept, as "offered to debate" is.
    * "respond" or "counter" by doing something other than speaking: "responded by
      blocking access", "Germany has responded by helping to build", "responded to
      falling sales by closing shops" (a word of
      ``speech_words`` after "by", "responded by saying", keeps the report; PolNeAR train:
      7 of 9 such cues no gold cue).
    * "admit" that lets someone in (:func:`_admitted_in`): "refugees admitted to the
      United States", "they aren't admitted until they are vetted".
    """
    low = tokens.low
    if term in ("threaten", "counter", "offer") and _passive(tokens, i):
        return True
    if term == "admit":
        return _admitted_in(tokens, i)
    if term == "threaten":
        if i + 1 >= tokens.n or tokens.gaps[i]:
            return False  # "…, he threatened." / 'threatening “a major lawsuit”'
        return low[i + 1] not in _THREAT_SPEECH
    if term in ("respond", "counter"):
        # "responded by …", "countered Sunday by …", "responded first by …", and past
        # what was responded to: "responded to falling sales by closing shops" (audit28)
        reach = 9 if i + 1 < tokens.n and low[i + 1] == "to" else 4
        for k in range(i + 1, min(tokens.n - 1, i + reach)):
            if tokens.gaps[k - 1]:
                return False
            if low[k] == "by":
                if k > i + 2 and _is_participle(low[k - 1]):
                    # "responded to a letter signed by leading economists": the agent of
                    # a participle in what was responded to, not the means (review29)
                    return False
                following = low[k + 1]
                return following.endswith("ing") and following not in speech_words
    return False


def _admitted_in(tokens: TokenView, i: int) -> bool:
    """Is "admit" at token i the act of letting someone in, not of owning up: a passive
    ("they aren't admitted until they are vetted", "were admitted as well"; not "it was
    admitted that"), "admitted into" or "through" ("somebody admitted through the
    program"), or "admitted to" a country or an institution ("refugees admitted to the
    United States")? PolNeAR train has six such cues, none gold; its gold "admit" cues own
    up ("admitted to a federal judge", "admitted to the newspaper")."""
    low = tokens.low
    after = low[i + 1] if i + 1 < tokens.n and not tokens.gaps[i] else ""
    if after == "that":
        return False
    if _passive(tokens, i) or (
        i >= 1 and not tokens.gaps[i - 1] and low[i - 1] in _NEGATED_BE and low[i].endswith("ed")
    ):
        return True
    if after in ("into", "through"):
        return True
    if after != "to":
        return False
    k = i + 2
    if k < tokens.n and low[k] == "the" and not tokens.gaps[k - 1]:
        k += 1
    return k < tokens.n and not tokens.gaps[k - 1] and low[k] in _ADMITTED_INTO


# Past participles that do not end in -ed ("a letter written by", "a march led by"); not
# those that are nouns as often ("the run by savers", "the left", "a shot", "the set").
# Shared with models.hedging (a passive after "may be").
IRREGULAR_PARTICIPLES = frozenset(
    "made held led brought sent told sold sought bought paid built caught laid kept lost "
    "meant met said spent struck taught thought won written taken given driven chosen "
    "spoken broken stolen beaten hidden shaken drawn known shown thrown grown sworn "
    "done".split()
)
# Words ending in -ed that are no participles ("responded to the need by hiring").
_NOT_PARTICIPLES = frozenset("need speed seed feed bed red shed hundred breed".split())


def _is_participle(word: str) -> bool:
    """Whether ``word`` (lower case) reads as a past participle: 'signed', 'written',
    'made'."""
    return word in IRREGULAR_PARTICIPLES or (
        word.endswith("ed") and len(word) > 3 and word not in _NOT_PARTICIPLES)


# A newsroom saying what it could not check ("Reuters was unable to verify the report",
# "CNN has not independently confirmed", "AP could not confirm"): its own caveat, after
# the outlet's name. Not "CNN has confirmed" / "CNN confirmed": a finding it reports.
_OWN_CAVEAT = re.compile(
    r"\s+(?:(?:was|were|is|are|has|have|had)\s+(?:not\s+)?(?:been\s+)?unable\s+to"
    r"|(?:could|can|did|does|do|has|have|had|was|were|is|are)(?:\s+not|n['’]t)"
    r"(?:\s+been)?(?:\s+able\s+to)?"
    r"|cannot)"
    r"\s+(?:yet\s+)?(?:independently\s+)?(?:verify|verified|confirm|confirmed)\b",
    re.IGNORECASE,
)


def own_caveat_end(text: str, name_end: int) -> int:
    """Does a news medium's name ending at ``name_end`` in ``text`` open the newsroom's own
    caveat ("CNN has not independently confirmed", "Reuters was unable to verify")? Then
    the medium is the writer, not a source or channel, and its verb attributes nothing
    (audit22). The offset where the caveat's verb ends, else 0."""
    match = _OWN_CAVEAT.match(text, name_end)
    return match.end() if match else 0


# ---------------------------------------------------------------------- source kinds

#: Subcategory of a source that is a collective named by its members' role or camp
#: ("voters", "Sanders supporters", "Democrats", "others", "many"): neither a named nor an
#: anonymous source in the counts, as ``pronoun``.
GROUP = "group"
#: Head nouns of GROUP sources.
GROUP_NOUNS = frozenset(
    "voters democrats republicans supporters opponents others many some most several both "
    "americans conservatives liberals progressives activists protesters demonstrators "
    "delegates superdelegates lawmakers legislators economists scientists researchers "
    "investigators pollsters donors members candidates students workers parents "
    "evangelicals millennials independents respondents moderates hardliners allies rivals "
    "fans critics advocates opponents residents citizens percent majority minority half "
    "plurality libertarians pundits evangelicals veterans women men latinos hispanics "
    "immigrants muslims christians groups organizations senators politicians "
    "friends sides associates commentators defenders hopefuls families family "
    "countries businesses community everyone everybody "
    # session 32: collectives and plurals without an "s" that the plain-subject rule read
    # as a document ("The crowd chanted", "The fishermen said") or left out of a list of
    # groups ("Farmers, ranchers and fishermen said")
    "crowd audience relatives children kids fishermen "
    # session 33: plurals whose singular is no person noun ("troop", "local"), and peoples
    # ("Palestinians said" opening a sentence read as a surname)
    "troops locals russians ukrainians palestinians israelis iraqis iranians syrians "
    "afghans europeans mexicans canadians "
    # session 34: plurals of ranks, which the sources lexicon has as titles ("the general",
    # "the admiral": a person); "Generals said" opening a sentence read as a surname
    "generals admirals colonels "
    # quantifiers that name no one: "Nobody said", "Few would say", "None of them said"
    "nobody none few anyone anybody all more enough "
    # shares: "a third said", "two-thirds of voters say", "three-quarters … said"
    "third thirds two-thirds quarter quarters three-quarters".split()
) | frozenset(
    # "three-fourths say", "one-fifth of voters said": the other written fractions
    f"{count}-{part}"
    for count in "one two three four five six seven eight nine".split()
    for part in "half third thirds quarter quarters fourth fourths fifth fifths tenth tenths"
    .split()
) | frozenset("fourths fifths".split())
#: Subcategory of a source that is a text or a count rather than a speaker ("the poll
#: found", "according to court records", "the report said"): PolNeAR marks these as
#: sources. Shown, but neither named nor anonymous in the counts (as ``group``): a
#: document's author is the source a journalist names, and a document names none.
DOCUMENT = "document"
#: Head nouns of DOCUMENT sources: things written, recorded or counted that can "say",
#: "show" or "find". Nouns that also name a speaker's act in the moment ("speech",
#: "remarks", "interview") are left out: their speaker is the source.
DOCUMENT_NOUNS = frozenset(
    "poll polls polling survey surveys report reports study studies analysis analyses memo "
    "memos letter letters document documents filing filings records tally count estimate "
    "estimates results figures average tweet tweets article articles editorial editorials "
    "email emails ad ads video transcript transcripts audit complaint lawsuit affidavit "
    "indictment census research findings data account accounts testimony platform "
    "footage review investigation biography book books statement".split()
)


#: Subcategory of a source that is one specific person the article describes but does
#: not name ("the businessman said", "his wife told reporters", "one voter said", "the
#: retired neurosurgeon"). Neither named (no name to count or merge) nor anonymous: the
#: writer withholds no identity by design, as with "a source close to" or the lexicon's
#: unnamed roles ("officials", "an aide", "a senior official"), which stay anonymous.
DESCRIBED = "described"
#: Head nouns of DESCRIBED sources: singular person nouns outside the sources lexicon
#: (its titles, such as "spokesman" or "senator", and unnamed roles, such as "aide" or
#: "official", keep their types). From the person nouns of PolNeAR train's Source spans
#: that the finder missed (session 15/16: man, businessman, woman, friend, actress, actor,
#: mogul, star, executive, organizer, neurosurgeon, narrator, user, the most frequent;
#: session 17 added the nouns from "supporter" on, each the head of a missed Source on
#: train; with them the finder adds 33 spans on train, 31 overlapping a gold Source, and
#: 12 shorter spans of the same sources go).
#: A name after the noun makes a person ("businessman Donald Trump said").
DESCRIPTOR_NOUNS = frozenset(
    "man woman boy girl businessman businesswoman mogul tycoon billionaire millionaire "
    "actor actress star celebrity singer comedian neurosurgeon surgeon doctor physician "
    "nurse speechwriter executive organizer organiser narrator user voter "
    "wife husband mother father son daughter brother sister friend neighbor neighbour "
    "girlfriend boyfriend widow cousin uncle aunt "
    "supporter member columnist donor moderator student attendee veteran commenter activist "
    "colleague owner blogger magnate worker employee teacher "
    # session 21 (users' walkthroughs: "Passengers said", "Engineers allegedly warned")
    "engineer passenger pilot driver victim survivor patient customer tenant farmer "
    # session 33: people news quotes as a kind. Their plurals open sentences with a capital
    # ("Firefighters said", "Investors fear", "Rebels claimed") and read as a surname
    # when read alone; a plural of a noun listed here is a group (source_kind). None of
    # these plurals is a common surname ("Sanders", "Rogers", "Peters" are not listed).
    "firefighter rescuer paramedic medic lifeguard soldier sailor investor trader banker "
    "shareholder homeowner shopkeeper landlord volunteer villager participant proponent "
    "rebel militant insurgent scholar historian lobbyist mourner juror refugee migrant "
    "tourist visitor inspector investigator regulator commuter bystander eyewitness "
    "ombudsman coroner delegate incumbent".split()
)


#: Clauses by which a writer withholds a source's identity at its request ("two members
#: who asked not to be named", "officials, who spoke on condition of anonymity",
#: "speaking on condition of anonymity, an aide said"): an unnamed source they go with
#: (a group, a title without a name, a described person) is anonymous; a name stays a
#: name ("Smith, who spoke on condition of anonymity about X": anonymity about X).
#: These hold anywhere in the sentence, as a participle or a condition.
_WITHHELD_ANYWHERE = (
    r"condition (?:of|that) anonymity"
    r"|condition (?:that )?(?:\w+ ){1,3}not be (?:named|identified)"
    r"|(?:speak|speaks|spoke|speaking|talk|talks|talked|talking|comment|commented"
    r"|commenting|respond|responded|responding) anonymously"
    r"|(?:request|requests|requested|requesting|ask|asks|asked|asking) for anonymity"
    r"|(?:request|requests|requested|requesting|sought|seeking|granted|given|insisted on"
    r"|insisting on|demanded|demanding) anonymity"
    r"|(?:asking|declining|refusing|requesting) (?:not )?to be (?:named|identified)"
)
#: These hold only in a relative clause right after the source ("who asked not to be
#: named", "who declined to be identified"): alone, "the victim would not be named"
#: withholds no source's identity.
_WITHHELD_RELATIVE = (
    r"not (?:to )?be (?:named|identified)|(?:declined|declines|refused|refuses) to be "
    r"(?:named|identified)"
    # "a plant worker, who declined to give his name for fear of losing his job"
    r"|(?:declined|declines|refused|refuses) to (?:give|provide|share) (?:his|her|their) "
    r"(?:full |last )?names?"
    # "a campaign official who was not authorized to speak publicly", "an intelligence
    # source, who was not authorized to speak on the record": the reason for withholding
    r"|(?:was|were|is|are) not (?:authorized|authorised|permitted|allowed) to (?:speak"
    r"|discuss|comment|talk|disclose|reveal|release|describe)"
)
_WITHHELD_ANYWHERE_RE = re.compile(rf"\b(?:{_WITHHELD_ANYWHERE})\b", re.IGNORECASE)
# "who" and the start of its clause: at most 40 characters before an anonymity phrase
# ("who spoke to reporters on condition of anonymity"), at most three words, none a
# report verb, before "not be named" ("who asked not to be named", not "who said the
# victim would not be named").
_WITHHELD_RELATIVE_RE = re.compile(
    rf"\b(?:(?:both|all|each|one|two|three|some|none|neither|many|most) of whom|who)\b(?:[^.;:!?\"“”]{{0,40}}?\b(?:{_WITHHELD_ANYWHERE})"
    rf"|,?(?: (?!said\b|says\b|say\b|told\b|tells\b)\w+,?){{0,3}} (?:{_WITHHELD_RELATIVE}))\b"
    # "a council official whose name was withheld" (ux22), "whose identity was not disclosed"
    r"|\bwhose (?:full |last )?(?:name|names|identity|identities) (?:was|were|is|are|has been"
    r"|have been) (?:withheld|not (?:given|released|disclosed|published|made public))\b",
    re.IGNORECASE,
)


def withheld_identity(text: str) -> tuple[tuple[int, ...], bool]:
    """Where a sentence withholds a source's identity: the offsets in ``text`` of each
    "who" opening such a clause (the source is the noun phrase right before it), and
    whether a participle or condition outside those clauses withholds it for the
    sentence's unnamed sources ("speaking on condition of anonymity, an aide said")."""
    if "anonym" not in text.lower() and " be " not in text and " not " not in text \
            and " name" not in text and "whose" not in text:
        return (), False  # most sentences
    relative = withholding_relative_clauses(text)
    anywhere = any(
        not any(start <= m.start() < end for start, end in relative)
        for m in _WITHHELD_ANYWHERE_RE.finditer(text)
    )
    return tuple(start for start, _ in relative), anywhere


def withholding_relative_clauses(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets in ``text`` of each relative clause that withholds its source's
    identity, from "who" (or "both of whom") to the end of the anonymity phrase: a report
    verb inside one ("who requested anonymity", "who asked not to be named") reports
    nothing of its own."""
    return [(m.start(), m.end()) for m in _WITHHELD_RELATIVE_RE.finditer(text)]


#: Plurals of agent nouns, people who do something: "developers", "investors",
#: "lobbyists", "historians" (PolNeAR train: heads of Sources the finder missed).
_AGENT_PLURAL = re.compile(r"[a-z][a-z-]{2,}(?:ers|ors|ists|ians)")
#: Words of that shape that name no people: things, and verbs ("insists").
_NOT_AGENTS = frozenset(
    "numbers papers letters orders matters centers centres headquarters quarters powers "
    "borders corners answers layers chambers computers towers posters stickers fliers "
    "flyers covers trailers barriers waters others errors factors sectors doors floors "
    "colors colours rumors rumours mirrors corridors motors indicators vectors tractors "
    "lists twists wrists exists insists persists resists consists assists heists "
    "headers offers filters markers users helicopters containers mergers megamergers "
    "thrillers disasters shelters clusters chapters registers transfers waivers meters "
    "rivers".split()
)


def agent_noun(word: str) -> bool:
    """Is ``word`` (lowercased) an agent noun, one who does something, singular or plural:
    "announcer", "investors", "lobbyist", "historians"; not a thing or verb of that shape
    ("paper", "errors", "insists")?"""
    plural = word if word.endswith("s") else word + "s"
    return _AGENT_PLURAL.fullmatch(plural) is not None and plural not in _NOT_AGENTS


# Words in -men that are no plural of a noun in -man ("fireman", "congressman", each a
# person): Latin nouns and names. Shorter words ("omen", "amen", "semen", "Yemen") are
# left out by length; "men" and "women" are GROUP_NOUNS.
_NOT_MEN_PLURALS = frozenset(
    "specimen specimens abdomen regimen stamen acumen albumen bitumen cerumen foramen "
    "gravamen putamen tegmen dolmen carmen bremen germen cyclamen velamen duramen "
    "catechumen flamen culmen".split()
)


def men_plural(word: str) -> bool:
    """Is ``word`` (lower case) the plural of a person noun in -man: "firemen",
    "congressmen", "businessmen", "servicemen"? A plural in -men is one of people; the
    few other words in -men ("specimen", "abdomen", "regimen") are listed."""
    return word.endswith("men") and len(word) > 5 and word not in _NOT_MEN_PLURALS


def source_kind(word: str) -> str | None:
    """GROUP for the head noun of a source that is a collective ("voters", "others"),
    DOCUMENT for a text or count ("the poll", "court records"), DESCRIBED for one person
    described but not named ("the businessman", "his wife"), when it is not a person or
    institution of the lexicon, else None (lowercased, possessive removed)."""
    if word in GROUP_NOUNS:
        return GROUP
    if word in DESCRIPTOR_NOUNS:
        return DESCRIBED
    if word.endswith("s") and (word[:-1] in DESCRIPTOR_NOUNS or word[:-2] in DESCRIPTOR_NOUNS):
        return GROUP  # "Doctors said", "his sons told", "nurses say": people of a kind
    if men_plural(word):
        return GROUP  # "Firemen said", "two congressmen", "businessmen": people of a kind
    return DOCUMENT if word in DOCUMENT_NOUNS else None


#: Heads of texts besides DOCUMENT_NOUNS and _STATING_TEXTS, each a subject of "say" in
#: news ("the release said", "the ruling says", "the note says", "the caption read"):
#: the subject of a verb of saying whose head no lexicon types is a text only when its
#: head is one of these; any other singular is a speaker (``text_noun``).
_TEXT_NOUNS = frozenset(
    "release press-release note brief form opinion column quiz proposal counterproposal suit "
    "initiative accord agreement deal treaty contract ruling verdict decision judgment "
    "motion resolution petition summary story slide headline caption message post "
    "webpage tape recording transcript clip spot commercial film movie documentary "
    "episode segment broadcast podcast chart graph map table model forecast projection "
    "index ranking scorecard tracker profile cable dispatch bulletin advisory alert "
    "regulation regulations directive amendment measure legislation act statute "
    "ordinance charter code handbook playbook script draft plan budget manifesto "
    "warrant subpoena citation invoice receipt diary journal notebook minutes".split()
)


def text_noun(word: str) -> bool:
    """Is ``word`` (lower case, singular or plural) the head of a text rather than a
    speaker: "report", "statements", "the law", "the release", "the ruling"? Nouns that
    name a speaker's act in the moment ("speech", "remarks") are not texts: their speaker
    is the source (DOCUMENT_NOUNS)."""
    return word in _TEXTS or (word.endswith("s") and word[:-1] in _TEXTS)


_TEXTS = DOCUMENT_NOUNS | _TEXT_NOUNS | (_STATING_TEXTS - frozenset("he she it they".split()))


_WORD = re.compile(r"[A-Za-z]+")


def common_nouns_opening(
    text: str, sentences: Iterable[tuple[int, int, int]], spans: Sequence[Span],
    names: Iterable[str],
) -> list[Span]:
    """``spans`` with each one-word person source that opens its sentence (or stands in
    a line in title case) retyped where the article shows the word is a common noun, not
    a name: the article writes it in lower case elsewhere ("Hospital said …" and "the
    hospital", "Passengers said …" and "two passengers"), singular or plural, and never
    with a capital inside a sentence (``names``, lowercased: a name is, "Sanders said"
    and "Bernie Sanders"). ``sentences``: (index, start, end) of the headline's and the
    body's. There the capital says nothing; the cue finder, which reads one sentence at a
    time, took it for a name. A plural becomes a group ("passengers"), a singular a
    described source ("the hospital"); neither is a named source."""
    candidates = [
        k for k, span in enumerate(spans)
        if span.category == "source" and span.subcategory == "person"
        and span.text.isalpha() and span.text[:1].isupper()
    ]
    if not candidates:
        return list(spans)  # most articles: every one-word person source is a name
    bounds = {index: (start, end) for index, start, end in sentences}
    firsts = {start for start, _ in bounds.values()}
    named = set(names)
    retyped = list(spans)
    for k in candidates:
        span = spans[k]
        start, end = bounds.get(span.sentence_index, (span.start, span.end))
        if _opens(text, span.start, firsts) or _in_title_case(text[start:end]):
            kind = _common_noun(text, span.text, named)
            if kind is None:
                kind = _plural_no_name(text, span.text, named)
            if kind is not None:
                retyped[k] = replace(span, subcategory=kind)
    return retyped


def _plural_no_name(text: str, word: str, names: set[str]) -> str | None:
    """GROUP or DOCUMENT for a capitalised plural that opens its sentence ("Stewards
    said", "Crowds refuse", "Projections suggest") when the article never writes it with
    a capital inside a sentence (``names``) nor after a first name or an initial ("Marc
    E. Elias", where a sentence may seem to end at the initial), else None. A surname in
    -s is introduced so ("Michelle Fields", "Jeff Sessions") before it opens a sentence
    ("Fields said"); a plural the article writes only at sentence starts is a common
    noun: a text ("Projections", "Investigations") a document, any other plural a group.
    Not a word in capitals ("AROS": an acronym)."""
    low = word.lower()
    if len(low) < 4 or not low.endswith("s") or low.endswith(("ss", "us", "is")) or \
            not word[1:].islower() or low in names or low[:-1] in names:
        return None
    if re.search(rf"(?:\b[A-Z]\.|\b[A-Z][a-z]+) +{re.escape(word)}\b", text):
        return None  # "Marc E. Elias", "Michelle Fields": a surname
    singular = low[:-1]
    if text_noun(low) or source_kind(low) == DOCUMENT or source_kind(singular) == DOCUMENT:
        return DOCUMENT
    return GROUP


def _in_title_case(sentence: str) -> bool:
    """A Line In Title Case ("Bridge Closure Likely to Last Months, Engineers Say"): four
    fifths of its words of four letters or more capitalised, at least three of them."""
    words = [w for w in _WORD.findall(sentence) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _opens(text: str, start: int, starts: set[int]) -> bool:
    """Is ``start`` a sentence's first letter (after quotes or a dash)?"""
    k = start
    while k > 0 and k not in starts and not text[k - 1].isalnum():
        k -= 1
    return k in starts


def _common_noun(text: str, word: str, names: set[str]) -> str | None:
    """GROUP or DESCRIBED when ``text`` writes ``word`` as a common noun (see
    :func:`common_nouns_opening`), else None."""
    low = word.lower()
    forms = {low, low + "s", low + "es"}
    if low.endswith("s") and len(low) > 2:
        forms.add(low[:-1])  # "passengers": "passenger"
        if low.endswith(("ses", "xes", "zes", "ches", "shes")):
            forms.add(low[:-2])  # "witnesses": "witness"; not "wines": "win"
    if forms & names:
        return None  # capitalised inside a sentence: a name ("Bernie Sanders")
    pattern = rf"\b(?:{'|'.join(re.escape(f) for f in sorted(forms))})\b"
    if not any(m.group(0)[0].islower() for m in re.finditer(pattern, text, re.IGNORECASE)):
        return None
    return GROUP if low.endswith("s") else DESCRIBED
