"""Whom each article cites: people, institutions, media and anonymous sources, aliases merged.

Built on the source spans of :mod:`models.cues` (the speaker of an attribution)
plus the news media an article names as the channel of a report ("told The
Moscow Times", "the independent Russian news outlet. Important Stories.").
Mentions of one source are merged into one :class:`Source` only where the text
makes it clear, by these rules (each source lists the rules that merged it):

``lexicon``
    The cue lexicon gives every form of a name one term ("Important Stories",
    "Vazhnye Istorii", "iStories" -> ``istories``).
``alias list``
    ``resources/sources/aliases.csv`` names well-known aliases and
    transliterations across articles ("UK Defense Ministry", "British Ministry
    of Defense").
``surname``
    A one-word person name that is the last word of exactly one full person
    name in the corpus ("Peskov" -> "Dmitry Peskov"); titles are never part of
    the name ("Kremlin spokesman Dmitry Peskov", "Mr. Trump"); a suffix is part of
    the name but not its last word ("King" -> "Martin Luther King Jr.", while "Donald
    Trump Jr." and "Donald Trump" stay two people). Within one
    article, where the corpus has several ("Donald", "Ivanka" and "Eric
    Trump"), the one person of that surname the article names in full: a full
    name it cites, or one cited elsewhere that it writes out ("Donald J. Trump
    ... Trump said"); not when the article names two (another given name in
    mid-sentence, both "Mr." and "Mrs. Clinton", "Mrs. Clinton and Bill
    Clinton" in one phrase). A capitalised word before a cited full name is not
    a second given name ("Out Ted Cruz" in a title-case line, "Abortions" at the
    end of the line before "Jeb Bush"), nor is an article or another cited
    person's surname ("The Trump campaign", "Ted Cruz Hints Trump"). Where the
    article names no one of that surname in
    full, an office it writes before the surname ("President Obama") names the
    one cited full name written after that office elsewhere ("President Barack
    Obama"; Michelle Obama holds none).
``full name``
    A person's name that ends in another cited full name of two words or more
    ("Republican Donald Trump", "MSNBC Chris Matthews") is that person.
``apposition``
    A name in brackets after another ("Vazhnye Istorii (iStories)"), or a
    description of an outlet followed at once by a name ("the independent
    Russian news outlet. Important Stories.").
``anaphora``
    A definite description by a bare noun ("the outlet", "the media", "the
    ministry", "the source", "the officer") refers to the latest source of the
    same kind named in the previous five sentences of the same article, in the
    same number ("the source" is not "four sources").
``anaphora`` (roles)
    A role or common noun ("the president", "the former president", "Indiana
    governor", "her campaign", a title of two words such as "the harbour master") is
    not a name: it refers to the latest named
    source of its type in the previous five sentences whose mention (or the
    words just before it) holds the same noun ("President Barack Obama"); else
    it is a description of its own article only (``unnamed:``), which the chart
    leaves out. Likewise "the media" with no outlet named before it, and a
    described person (type ``described``: "the businessman", "his wife"), whose
    antecedent is a named person ("billionaire businessman Donald Trump").
``anaphora`` (pronouns)
    A pronoun source "he" or "she" ("He added that …") is a mention of the one
    named person whom the sources of its sentence (before it) and of the two
    sentences before name, when they name no one else (no second person, no
    unnamed person such as "an aide"), no honorific says another sex ("Mrs.
    Clinton … he said"), and no other person is named between them: after an
    honorific ("Mr. Hannity") or by a word of another person the article cites
    ("… accused Obama of …, he said"). Where one person would get both "he" and
    "she" in an article, the fewer are dropped (both on a tie). Other pronouns are
    counted nowhere.
``company``
    A one-word name that is a cited company's name without its company words
    ("Castell" -> "Castell Chemicals"; "Group", "Inc.", "Industries" ...), where
    one company of the corpus is so named, no cited person's full name ends in
    the word, and its article writes no given name or honorific before it
    ("Jane Castell", "Ms. Castell"). The mention counts as the institution's.
``campaign``
    In one article, the campaigns named by one candidate ("the Clinton campaign",
    "Hillary Clinton's campaign", "Mrs. Clinton's presidential campaign"), a one-word
    owner being the one person of that surname the article names in full.
``first word``
    In one article, a one-word name the cue lexicon does not know ("Bluewater") that is
    the first word of exactly one longer name cited before it in the article
    ("Bluewater Ferries"), where no cited person's name ends in the word and the
    article writes no given name or honorific before it ("Jane Bluewater", "Ms.
    Bluewater"): a company or body written by its first word after the first mention,
    as "Castell" for "Castell Chemicals" (``company``) where the last word is none of the
    company words.
``containment``
    In one article, a shorter institution or media name whose words end an
    earlier, longer name ("the Defense Ministry" after "the UK Defense
    Ministry"). Never across articles: "Moscow's Defense Ministry" elsewhere
    stays another source.

An institution or medium keeps a capitalised "of" phrase that ends its name after the
lexicon's term: "the State Department of Environmental Quality" is that agency, not the
State Department.

Anonymous sources are never merged across articles (nothing in the text says
two unnamed officials are one person); within an article only by anaphora.
"""

from __future__ import annotations

import csv
import re
from bisect import bisect_left, bisect_right, insort
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from models.article import Span
from models.attribution import IMPERSONAL_REPORTS, is_impersonal_report, own_caveat_end
from models.cues import DEMONYMS
from models.features import ArticleAnalysis

SOURCE_TYPES: tuple[str, ...] = ("person", "institution", "media", "anonymous", "described")
MERGE_RULES: tuple[str, ...] = (
    "lexicon", "alias list", "surname", "apposition", "anaphora", "containment", "full name",
    "company", "campaign", "first word",
)
ANAPHORA_WINDOW = 5  # sentences back in which "the outlet" looks for its antecedent
_TITLE_REACH = 12  # characters before a named mention searched for its title ("President ")

_DETERMINER = re.compile(r"^(?:the|a|an|this|that|these|those)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s$")
# Bare nouns that refer back to a source already named ("the outlet said").
_ANAPHORIC_NOUNS: dict[str, tuple[str, ...]] = {
    "outlet": ("media",), "media": ("media",), "medium": ("media",),
    "newspaper": ("media",), "publication": ("media",), "report": ("media",),
    "ministry": ("institution",), "agency": ("institution",),
    "government": ("institution",), "department": ("institution",),
    "source": ("anonymous",), "sources": ("anonymous",), "officer": ("anonymous",),
    "official": ("anonymous",), "person": ("anonymous",),
}
# "the independent Russian news outlet", "a independent Russian media": a described outlet.
_DESCRIBED_OUTLET = re.compile(
    r"\b(?:the|an?)\s+(?:[A-Za-z-]+\s+){0,4}?(?:media|outlet|news outlet|medium)\b",
    re.IGNORECASE,
)

# Each match of _DESCRIBED_OUTLET ends in one of these words. In a text of plain ASCII
# a match holds it in lower case after .lower() (under re.I an ASCII letter matches
# only its two cases; a non-ASCII one can match an ASCII one, "ſ" matching "s", so
# other texts always go through the pattern). 99% of news sentences hold none.
_OUTLET_WORDS = ("media", "outlet", "medium")


def _may_describe_an_outlet(lowered: str) -> bool:
    return any(word in lowered for word in _OUTLET_WORDS)


# Characters of news text beyond ASCII that match only themselves, under re.I too (no
# ASCII letter, unlike "ſ" or the Kelvin sign): curly quotes, dashes, an ellipsis, the
# no-break space. A sentence whose only non-ASCII characters are these (a quotation
# in curly quotes: a fifth of news sentences) matches a name or a described outlet of
# plain ASCII only where the name is written in it, as a sentence of plain ASCII does,
# so it takes the same shortcuts (_MediaMatcher, described_outlets).
_SELF_ONLY = "".join(c for c in "‘’‚‛“”„‟′″\u00a0\u2009\u202f‐‑‒–—―…" if not any(
    re.fullmatch(re.escape(c), chr(code), re.IGNORECASE) for code in range(128)))
_BEYOND_SELF_ONLY = re.compile(f"[^\\x00-\\x7f{re.escape(_SELF_ONLY)}]")


def _ascii_but_self_only(text: str) -> bool:
    """Is every character of ``text`` ASCII or one of :data:`_SELF_ONLY`?"""
    return _BEYOND_SELF_ONLY.search(text) is None


@dataclass(frozen=True, slots=True)
class SourceMention:
    """One mention of a source in one article's body.

    ``role`` is ``speaker`` (the cue finder's source of an attribution) or
    ``via`` (a news medium named as the channel of a report: "told The Moscow
    Times"). ``report_verb`` is the attribution cue nearest in the sentence.
    """

    article_id: str
    outlet: str
    sentence_index: int
    start: int
    end: int
    text: str
    source_type: str
    term: str
    role: str
    report_verb: str = ""


@dataclass(slots=True)
class Source:
    """One source after merging: its id, shown name, type, aliases and mentions."""

    source_id: str
    name: str
    source_type: str
    aliases: tuple[str, ...]
    merged_by: tuple[str, ...]
    mentions: tuple[SourceMention, ...] = field(default=())

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(sorted({m.outlet for m in self.mentions}, key=_casefold_then_case))

    def mentions_in(self, article_id: str) -> tuple[SourceMention, ...]:
        return tuple(m for m in self.mentions if m.article_id == article_id)


@dataclass(frozen=True, slots=True)
class AliasEntry:
    name: str
    source_type: str
    aliases: tuple[str, ...]


def _casefold_then_case(text: str) -> tuple[str, str]:
    """Sort key: case-insensitive, then by case, so names differing only in case
    ("Important Stories", "Important stories") come in one order on every run
    (a set's order changes with Python's string hashing)."""
    return text.casefold(), text


@lru_cache(maxsize=16_384)
def normal_name(text: str) -> str:
    """A name to compare: casefolded, single-spaced, without a leading determiner.

    Cached (pure: a str of a str): every article's merge normalises the alias list's
    names and its terms again, mostly the same strings. 16,384 short names at most."""
    name = " ".join(text.replace("’", "'").split()).casefold()
    name = _DETERMINER.sub("", name)
    return name.strip(" .,;:")


@lru_cache(maxsize=4)
def load_aliases(path: Path | None = None) -> tuple[AliasEntry, ...]:
    """The shipped alias list (or ``path``); raises ValueError naming the file and line."""
    if path is None:
        from models.resources import resource_path

        path = resource_path("sources", "aliases.csv")
    lines = [
        (n, line) for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if line.strip() and not line.lstrip().startswith("#")
    ]
    reader = csv.reader(line for _, line in lines)
    header = next(reader, None)
    if header != ["name", "type", "aliases"]:
        raise ValueError(f"{path}: the header must be name,type,aliases")
    entries = []
    for (number, _), row in zip(lines[1:], reader, strict=True):
        if len(row) != 3 or row[1] not in SOURCE_TYPES[:3] or not row[2].strip():
            raise ValueError(f"{path}:{number}: expected name, person|institution|media, aliases")
        aliases = tuple(a.strip() for a in row[2].split("|") if a.strip())
        entries.append(AliasEntry(normal_name(row[0]), row[1], aliases))
    return tuple(entries)


def _surface_name(span: Span) -> str:
    """The name as written, without determiner or possessive: 'UK Defense Ministry'."""
    text = _DETERMINER.sub("", " ".join(span.text.split()))
    return _POSSESSIVE.sub("", text)


def _sourced_attributions(spans: Sequence[Span]) -> list[Span]:
    """The attribution spans that can have a source: all but the report verb of an
    impersonal report ("is expected to", "was said to"; models.attribution), whose source
    is unnamed, so that it neither names a nearby source's verb nor makes a medium in its
    sentence a channel ("NBC News is expected to air the debate")."""
    attributions = [s for s in spans if s.category == "attribution"]
    if not any(s.category == "hedge" and s.term in IMPERSONAL_REPORTS for s in spans):
        return attributions  # most articles: no such hedge, no stance cue to look at
    stance = sorted((s.start, s.end, s.term) for s in spans if s.category in ("hedge", "booster"))
    if not stance:
        return attributions
    # Only a cue starting at most the longest cue's length before an attribution's end can
    # contain it: each attribution reads that stretch of the sorted cues, not all of them
    # (all of them made this pass quadratic in the article's length).
    starts = [start for start, _, _ in stance]
    longest = max(end - start for start, end, _ in stance)
    return [s for s in attributions if not is_impersonal_report(
        (s.start, s.end),
        stance[bisect_left(starts, s.end - longest):bisect_right(starts, s.start)])]


def _verbs_by_sentence(attributions: Sequence[Span]) -> dict[int, list[Span]]:
    """The attribution spans of each sentence index, in their order."""
    verbs: dict[int, list[Span]] = {}
    for a in attributions:
        verbs.setdefault(a.sentence_index, []).append(a)
    return verbs


def _nearest_verb(span: Span, verbs: dict[int, list[Span]]) -> str:
    """The term of the attribution of ``span``'s sentence nearest to it (the first on a
    tie), or ""; ``verbs``: :func:`_verbs_by_sentence`, so that no mention reads the
    article's every attribution."""
    same = verbs.get(span.sentence_index)
    if not same:
        return ""
    return min(same, key=lambda a: abs(a.start - span.start)).term


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.rules: dict[str, set[str]] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def join(self, a: str, b: str, rule: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra
            self.rules.setdefault(ra, set()).update(self.rules.pop(rb, set()))
        self.rules.setdefault(ra, set()).add(rule)


@dataclass(slots=True)
class _Raw:
    """A mention before merging, keyed by its (per-article for anonymous) identity."""

    mention: SourceMention
    key: str
    surface: str
    named: bool = True  # False for "the outlet", "the ministry": a reference, not a name
    # A role or a common noun, not a name: "the president", "Indiana governor", "her
    # campaign". It refers to someone named nearby (anaphora) or stays in its article.
    described: bool = False
    refers_to: _Raw | None = None  # the named mention a description refers to


_BEFORE_NAME = r"(?<![\w-])"
_AFTER_NAME = r"(?![\w-])"


def _media_names(aliases: Sequence[AliasEntry]) -> list[tuple[re.Pattern[str], str]]:
    """Patterns for named news media: the cue lexicon's media names and the alias list's."""
    from models.cues import default_finder

    found: list[tuple[re.Pattern[str], str]] = []
    lexicon = default_finder().lexicon
    for entry in lexicon.by_category("source"):
        if entry.subcategory != "media" or entry.role != "name":
            continue
        for form in entry.forms or (entry.term,):
            flags = 0 if entry.case_sensitive else re.IGNORECASE
            found.append((re.compile(f"{_BEFORE_NAME}{re.escape(form)}{_AFTER_NAME}", flags),
                          normal_name(entry.term)))
    for alias in aliases:
        if alias.source_type == "media":
            for form in alias.aliases:
                found.append((re.compile(f"{_BEFORE_NAME}{re.escape(form)}{_AFTER_NAME}",
                                         re.IGNORECASE), alias.name))
    # Longest forms first, so "The Moscow Times" wins over "Moscow Times".
    found.sort(key=lambda p: -len(p[0].pattern))
    return found


# How _MediaMatcher marks what a pattern needs of a text of plain ASCII: the name in the
# lower-cased text (this character, then the name), or nothing a text of plain ASCII
# could hold. Names as written are printable, so they start with neither.
_CASE_IGNORED = "\x01"
_NO_ASCII_TEXT = "\x02"


def _holds(need: str, text: str, lowered: str) -> bool:
    """Whether ``text`` (of plain ASCII; ``lowered``: in lower case) holds what a
    pattern needs to match it (see :class:`_MediaMatcher`)."""
    if need[0] == _CASE_IGNORED:
        return need[1:] in lowered
    return need != _NO_ASCII_TEXT and need in text


def _matches_ascii(character: str, flags: int) -> bool:
    """Whether ``character`` (as a pattern's literal, under ``flags``) matches some ASCII
    character: under re.I "ſ" matches "s" and "K" (Kelvin) "k"; "В" matches none."""
    literal = re.compile(re.escape(character), flags)
    return any(literal.fullmatch(chr(code)) for code in range(128))


class _MediaMatcher:
    r"""Every match of the media name patterns in a sentence, in the patterns' order
    (longest first) and then by position: what looping over the patterns finds.

    A sentence of plain ASCII (most of them) is searched only by the patterns whose
    name it holds (:meth:`_ascii_matches`), most sentences by none. Another sentence
    that no pattern matches is ruled out by one search of all the patterns joined.
    The matches of a sentence met again (wire copy) come from a cache. All give
    exactly the loop's matches.

    The patterns share their word boundaries, ``(?<![\w-])`` before the name and
    ``(?![\w-])`` after it, and the joined search checks them once per position,
    around an alternation of the names: ``B(?:n1|n2|…)A`` finds a match where
    ``Bn1A|Bn2A|…`` does (the alternation backtracks to the next name when ``A``
    fails), but does not enter every name's lookbehind at every position (about
    15 times faster on news text with 72 names).
    """

    def __init__(self, patterns: Sequence[tuple[re.Pattern[str], str]]) -> None:
        self.patterns = list(patterns)
        names, others = [], []
        for pattern, _ in self.patterns:
            text, ignore_case = pattern.pattern, bool(pattern.flags & re.IGNORECASE)
            if text.startswith(_BEFORE_NAME) and text.endswith(_AFTER_NAME):
                name = text[len(_BEFORE_NAME):len(text) - len(_AFTER_NAME)]
                names.append(f"(?i:{name})" if ignore_case else f"(?:{name})")
            else:
                others.append(f"(?i:{text})" if ignore_case else f"(?:{text})")
        if names:
            others.insert(0, f"{_BEFORE_NAME}(?:{'|'.join(names)}){_AFTER_NAME}")
        self._any = re.compile("|".join(others)) if others else None
        # What each pattern needs of a text of plain ASCII (see _ascii_matches): its
        # name as written (in lower case where case is ignored); _NO_ASCII_TEXT for a
        # name with a character that matches no ASCII one (Cyrillic); None for a
        # pattern of another shape, or a name with a character that may match an
        # ASCII one ("ſ"): such a pattern always runs.
        self._needs: list[str | None] = []
        # For a _NO_ASCII_TEXT name, its characters that match no ASCII one: a text of
        # ASCII and _SELF_ONLY characters must hold them all to match it ("’" of
        # "Novaya Gazeta’s"; a Cyrillic name never).
        self._beyond: list[frozenset[str]] = []
        for pattern, _ in self.patterns:
            text, ignore_case = pattern.pattern, bool(pattern.flags & re.IGNORECASE)
            need = None
            if text.startswith(_BEFORE_NAME) and text.endswith(_AFTER_NAME):
                name = text[len(_BEFORE_NAME):len(text) - len(_AFTER_NAME)]
                plain = re.sub(r"\\(.)", r"\1", name, flags=re.DOTALL)  # re.escape undone
                if plain and re.escape(plain) == name:
                    if plain.isascii() and plain.isprintable():
                        need = _CASE_IGNORED + plain.lower() if ignore_case else plain
                    elif any(not _matches_ascii(c, pattern.flags) for c in plain
                             if not c.isascii()):
                        need = _NO_ASCII_TEXT
            self._needs.append(need)
            self._beyond.append(frozenset(
                c for c in plain if not c.isascii() and not _matches_ascii(c, pattern.flags)
            ) if need == _NO_ASCII_TEXT else frozenset())
        self._always = any(need is None for need in self._needs)
        self._beyond_ascii = tuple(chars for chars in self._beyond if chars)
        self._folded = tuple(need[1:] for need in self._needs
                             if need and need[0] == _CASE_IGNORED)
        self._exact = tuple(need for need in self._needs if need and need[0] not in
                            (_CASE_IGNORED, _NO_ASCII_TEXT))
        self._cache: dict[str, tuple[tuple[int, int, str, str], ...]] = {}
        self._described: dict[str, tuple[tuple[int, int, str], ...]] = {}

    def fresh(self) -> _MediaMatcher:
        """This matcher, for one more run: the patterns are built once per alias list
        (:func:`_media_matcher`), and the sentences' matches are kept across runs, as
        wire copy repeats sentences across articles (named_people runs find_sources
        on each article alone), up to :data:`CACHED_SENTENCES` sentences: then the
        caches start again, so that a long session's memory stays bounded."""
        if len(self._cache) + len(self._described) > CACHED_SENTENCES:
            self._cache, self._described = {}, {}
        return self

    def described_outlets(self, text: str) -> tuple[tuple[int, int, str], ...]:
        """(start, end, matched text) of each described outlet ("the independent
        outlet") in ``text``, in order; kept by text (wire copy repeats sentences)."""
        found = self._described.get(text)
        if found is None:
            if (text.isascii() or _ascii_but_self_only(text)) and \
                    not _may_describe_an_outlet(text.lower()):
                found = ()
            else:
                found = tuple((match.start(), match.end(), match.group(0))
                              for match in _DESCRIBED_OUTLET.finditer(text))
            self._described[text] = found
        return found

    def matches(self, text: str) -> tuple[tuple[int, int, str, str], ...]:
        """(start, end, matched text, key) of every match in ``text``, in loop order."""
        found = self._cache.get(text)
        if found is None:
            if text.isascii():
                found = self._ascii_matches(text)
            elif _ascii_but_self_only(text):
                found = self._ascii_matches(text, self_only=True)
            elif self._any is None or self._any.search(text) is None:
                found = ()
            else:
                found = tuple(
                    (match.start(), match.end(), match.group(0), key)
                    for pattern, key in self.patterns for match in pattern.finditer(text)
                )
            self._cache[text] = found
        return found

    def _ascii_matches(
        self, text: str, self_only: bool = False
    ) -> tuple[tuple[int, int, str, str], ...]:
        """:meth:`matches` of a text of plain ASCII: only the patterns whose name it
        holds (in lower case, where case is ignored) can match it, so only they run
        (most sentences hold no name at all: no pattern runs on them). Under re.I an
        ASCII letter of the text matches only its two cases, so a match of a name
        of plain ASCII is the name in the lower-cased text; a non-ASCII letter of a
        name could match an ASCII one ("ſ" matching "s"): those patterns always run.

        ``self_only``: the text also holds characters of :data:`_SELF_ONLY` (curly
        quotes): they match no ASCII character of a name, but may be one of a name
        beyond ASCII ("Novaya Gazeta’s"), which runs too where the text holds every
        character of it that matches no ASCII one.
        """
        lowered = text.lower()
        if not (self._always or (self_only and any(
                    all(map(text.__contains__, chars)) for chars in self._beyond_ascii))
                or any(map(lowered.__contains__, self._folded))
                or any(map(text.__contains__, self._exact))):
            return ()
        return tuple(
            (match.start(), match.end(), match.group(0), key)
            for (pattern, key), need, chars in zip(
                self.patterns, self._needs, self._beyond, strict=True)
            if need is None or _holds(need, text, lowered) or (
                self_only and need == _NO_ASCII_TEXT and all(map(text.__contains__, chars)))
            for match in pattern.finditer(text)
        )


class _Taken:
    """The stretches (start, end) of an article already taken by a mention: whether a
    new one overlaps any reads only those starting at most the longest's length before
    it ends, not every stretch of the article."""

    def __init__(self) -> None:
        self._stretches: list[tuple[int, int]] = []  # sorted
        self._longest = 0

    def add(self, start: int, end: int) -> None:
        insort(self._stretches, (start, end))
        self._longest = max(self._longest, end - start)

    def free(self, start: int, end: int) -> bool:
        """No stretch taken overlaps [start, end): ``end <= a or start >= b`` for each
        (a, b). One overlapping ends after ``start``, so it starts after ``start`` less
        the longest length."""
        stretches = self._stretches
        first = bisect_left(stretches, (start - self._longest,))
        for a, b in stretches[first:bisect_left(stretches, (end,))]:
            if not (end <= a or start >= b):
                return False
        return True  # one starting at ``end`` or later, or ending by ``start``, is apart


def _article_mentions(
    analysis: ArticleAnalysis, media: _MediaMatcher, unions: _Union
) -> list[_Raw]:
    """Speaker and via mentions of one article, with per-article rules applied to keys."""
    article = analysis.article
    body = {s.index: s for s in article.body_sentences}
    spans = [s for s in analysis.spans if not s.in_headline and s.sentence_index in body]
    attributions = _sourced_attributions(spans)
    verbs = _verbs_by_sentence(attributions)
    raws: list[_Raw] = []
    taken = _Taken()
    pronouns: list[Span] = []
    names: frozenset[str] | None = None  # the article's mid-sentence names, when needed
    for span in spans:
        if span.category == "source" and span.subcategory == "pronoun" and \
                span.term in _PERSONAL_PRONOUNS:
            pronouns.append(span)  # "he said": whom it names is decided below
        if span.category != "source" or span.subcategory not in SOURCE_TYPES:
            continue
        mention = SourceMention(
            analysis.article_id, analysis.outlet, span.sentence_index, span.start, span.end,
            span.text, span.subcategory, span.term, "speaker", _nearest_verb(span, verbs),
        )
        key = normal_name(span.term)
        if span.subcategory == "anonymous":
            key = f"anonymous:{analysis.article_id}:{key}"
        surface = _surface_name(span)
        if span.subcategory in ("institution", "media") and " of " in surface:
            longer = _name_with_of_phrase(surface, span.term)
            if longer is not None:
                # "the State Department of Environmental Quality": not the State Department
                key = normal_name(longer)
                mention = replace(mention, term=key)
        if span.subcategory == "described":
            # "the businessman", "his wife": the person named nearby, or no one named
            raws.append(_Raw(mention, key, surface, named=False, described=True))
            taken.add(span.start, span.end)
            continue
        sentence = body[span.sentence_index]
        # A capital that opens the sentence says nothing ("Police said"); "The Clinton
        # campaign" opens with its determiner, and "Clinton" keeps its capital.
        opens = not any(c.isalpha() for c in article.text[sentence.start:span.start]) \
            and _DETERMINER.match(span.text) is None
        owner = opens and _OWNER.match(_POSSESSIVE_PRONOUN.sub("", surface)) is not None
        if owner:
            # "Sanders' campaign" opening a sentence: a name when the article writes
            # "Sanders" with a capital inside a sentence ("Residents' association": no)
            if names is None:
                from models.hedging import mid_sentence_names

                names = mid_sentence_names(article)
            owner = re.split(r"['’]", surface, maxsplit=1)[0].lower() in names
        described = _is_description(span.subcategory, key, surface, opens and not owner)
        raws.append(_Raw(mention, key, surface, named=not described, described=described))
        taken.add(span.start, span.end)

    verbs_in = {a.sentence_index for a in attributions}
    for sentence in body.values():
        if sentence.index not in verbs_in and sentence.index - 1 not in verbs_in:
            continue  # a medium is a channel only next to a report
        for m_start, m_end, found, key in media.matches(sentence.text):
            start, end = sentence.start + m_start, sentence.start + m_end
            if not taken.free(start, end):
                continue
            if own_caveat_end(sentence.text, m_end):
                continue  # "Reuters was unable to verify …": the writer's own caveat
            taken.add(start, end)
            mention = SourceMention(
                analysis.article_id, analysis.outlet, sentence.index, start, end,
                found, "media", key, "via",
                _nearest_verb(Span(start, end, "", "", "", "", sentence.index), verbs),
            )
            raws.append(_Raw(mention, key, found))
    raws.sort(key=lambda r: r.mention.start)
    _described_outlets(analysis, raws, taken, verbs, unions, media)
    _resolve_in_article(raws, unions, article.text)
    if pronouns:
        _resolve_pronouns(analysis, pronouns, raws, verbs)
    return raws


#: Pronoun sources that may name one person: "he said", "she told".
_PERSONAL_PRONOUNS = frozenset(("he", "she"))
#: Sentences before a pronoun's own in which its antecedent is sought.
PRONOUN_WINDOW = 2
#: Source types that may be the one person a pronoun names.
_ONE_PERSON_TYPES = frozenset(("person", "described", "anonymous"))
_HONORIFIC_HE = re.compile(r"\b(?:Mr|Sir)\.?\s", re.IGNORECASE)
_HONORIFIC_SHE = re.compile(r"\b(?:Mrs|Ms|Miss|Mme|Madam)\.?\s", re.IGNORECASE)


# "Mr. Hannity", "Mrs. Clinton": an honorific before a capitalised word names a person.
_HONORIFIC_NAME = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.?\s+([A-Z][\w'’-]*)")


def _another_name_between(
    text: str, antecedent: _Raw, end: int, others: _OtherPeople
) -> bool:
    """Between the antecedent's mention and ``end``, is another person named: after an
    honorific ("… told me they believed Mr. Hannity was …, something he denied"), or by
    a word of another person source of the article ("… accused Obama of …" where Obama
    is cited elsewhere)? Then the pronoun may name that person, named but not cited.
    ``others``: the words of the article's cited people of another surname."""
    own = set(antecedent.key.split()) | set(normal_name(antecedent.surface).split())
    between = text[antecedent.mention.end:end]
    for match in _HONORIFIC_NAME.finditer(between):
        if normal_name(match.group(1)) not in own:
            return True
    if not others:
        return False
    words = {normal_name(w) for w in re.findall(r"[A-Z][\w'’-]*", between)}
    return any(w in others for w in words - own)


class _OtherPeople:
    """The words of the keys of the cited people whose surname is not ``surname``, as a
    set would answer ``in`` and truth, from one index of the article's people (a set for
    each pronoun made the pass quadratic in the article's length)."""

    def __init__(self, by_word: dict[str, set[str]], surname: str) -> None:
        self._by_word = by_word  # a word of a person's key -> the surnames of such keys
        self._surname = surname
        self._any = any(surnames != {surname} for surnames in by_word.values())

    def __contains__(self, word: object) -> bool:
        surnames = self._by_word.get(word, ()) if isinstance(word, str) else ()
        return any(s != self._surname for s in surnames)

    def __bool__(self) -> bool:
        return self._any


def _resolve_pronouns(
    analysis: ArticleAnalysis, pronouns: Sequence[Span], raws: list[_Raw],
    verbs: dict[int, list[Span]],
) -> None:
    """A pronoun source ("he said", "she told") is a mention of the person it names when
    that is clear: the only person the sources of its sentence (before it) and of the
    two sentences before name, a named person ("Trump said X. He added Y" -> Trump).
    Not when those sentences cite two people, or one unnamed person ("a senior aide",
    "the businessman") beside the named one, when the name's honorific says another
    sex ("Mrs. Clinton ... he said"), or when another person is named between the two
    (:func:`_another_name_between`). Others stay marked in the text and counted
    nowhere, as before."""
    text = analysis.article.text
    people = [r for r in raws if _is_person_name(r)]
    by_word: dict[str, set[str]] = {}  # for _OtherPeople
    for r in people:
        for w in r.key.split():
            by_word.setdefault(w, set()).add(_surname(r.key))
    by_sentence: dict[int, list[tuple[int, _Raw]]] = {}  # the speakers, with their places
    for place, r in enumerate(raws):
        if r.mention.role == "speaker" and r.mention.source_type in _ONE_PERSON_TYPES:
            by_sentence.setdefault(r.mention.sentence_index, []).append((place, r))
    resolved: list[_Raw] = []
    for span in pronouns:
        # the speakers of its sentence before it and of the PRONOUN_WINDOW before, in
        # the order of raws
        near = [r for _, r in sorted(
            (place, r)
            for index in range(span.sentence_index - PRONOUN_WINDOW, span.sentence_index + 1)
            for place, r in by_sentence.get(index, ())
            if r.mention.start < span.start
        )]
        if not near:
            continue
        named = [r for r in near if _is_person_name(r)]
        if len(named) != len(near):
            continue  # an unnamed person beside it: "an aide said ... he added"
        surnames = {_surname(r.key) for r in named}
        if len(surnames) != 1:
            continue  # two people: "Trump said ... Cruz replied ... he said"
        antecedent = named[-1]
        before = text[max(0, antecedent.mention.start - 5):antecedent.mention.end]
        wrong = _HONORIFIC_SHE if span.term == "he" else _HONORIFIC_HE
        if any(wrong.search(text[max(0, r.mention.start - 5):r.mention.end]) for r in named) \
                or wrong.search(before):
            continue
        others = _OtherPeople(by_word, _surname(antecedent.key))
        if _another_name_between(text, antecedent, span.start, others):
            continue  # "Mr. Sykes said. (… anchor George Stephanopoulos …, for which he …)"
        mention = SourceMention(
            analysis.article_id, analysis.outlet, span.sentence_index, span.start, span.end,
            span.text, "pronoun", span.term, "speaker", _nearest_verb(span, verbs),
        )
        resolved.append(_Raw(mention, antecedent.key, span.text, named=False,
                             refers_to=antecedent))
    resolved = _one_sex_per_person(resolved, people)
    if resolved:
        raws.extend(resolved)
        raws.sort(key=lambda r: r.mention.start)


def _one_sex_per_person(resolved: list[_Raw], people: Sequence[_Raw]) -> list[_Raw]:
    """The resolved pronouns without those whose sex the article's other pronouns for the
    same person contradict: where one person got both "he" and "she", the fewer go (both
    on a tie). Bench corpus, 600 articles: 5 of 376 sources.csv rows with a pronoun had
    both ("While Clinton is …, she has never said" counted for Marco Rubio). A surname
    counts as the one full name of the article that ends in it ("Rubio": "Marco Rubio")."""
    full_names: dict[str, set[str]] = {}  # surname -> the full names ending in it
    for p in people:
        if " " in p.key:
            full_names.setdefault(_surname(p.key), set()).add(p.key)

    def person(raw: _Raw) -> str:
        key = raw.key
        if " " not in key:
            full = full_names.get(key, set())
            if len(full) == 1:
                return next(iter(full))
        return key

    terms: dict[str, Counter[str]] = {}
    for raw in resolved:
        terms.setdefault(person(raw), Counter())[raw.mention.term] += 1
    kept = []
    for raw in resolved:
        count = terms[person(raw)]
        other = "she" if raw.mention.term == "he" else "he"
        if count[raw.mention.term] > count[other]:
            kept.append(raw)
    return kept


# A party or camp at the end of a person's term is a description too: "the Kentucky
# Republican said" (of Rand Paul, named before), "two Democratic speechwriters" (the
# finder's phrase stops before an unknown noun). PolNeAR, all 924 articles: 25 person
# rows such as "Republican", "Wisconsin Republican", "Democratic".
_PARTY_WORDS = frozenset("republican democrat democratic independent libertarian".split())

_POSSESSIVE_PRONOUN = re.compile(r"^(?:his|her|its|their|our|your|my)\s+", re.IGNORECASE)
# A capitalised owner before the noun: a name even where it opens the sentence.
_OWNER = re.compile(r"[A-Z][\w.-]*(?:['’]s?)\s")


def _is_description(source_type: str, key: str, surface: str, opens_sentence: bool) -> bool:
    """Is a person, institution or medium's mention a role or a common noun rather than a
    name?

    A person whose last word is a role or title ("the president", "the former
    president", "Indiana governor", "Republican presidential nominee": a name never
    ends in one), an institution written without a capital ("the campaign", "her
    campaign", "the union", "police"), or a medium so written ("a reporter", "the
    website", "news outlets"; not "the outlet", see ``anaphora``; a capital opening the sentence does not count:
    the caller says whether it opens one, and not for an owner the article writes as a
    name, "Clinton's campaign", "Sanders' campaign").
    PolNeAR's annotators mark such phrases as sources ("the campaign" 31, "his
    campaign" 20, "the president" 24, "the candidate" 22 times in train), but who
    they are depends on the article: "the president" is Obama in one, "the former
    president" Bill Clinton in another.
    """
    words = key.split()
    if not words or source_type not in ("person", "institution", "media"):
        return False
    if source_type == "person":
        return words[-1] in _describing_words() or words[-1] in _PARTY_WORDS or \
            key in _describing_phrases()  # "the harbour master": a title of two words
    if source_type == "media" and (
            (len(words) == 1 and words[0] in _ANAPHORIC_NOUNS) or key in _lexicon_spellings()):
        return False  # "the outlet" refers back by its own rule; "politico" is a name
    if _national_body(words):
        return True  # "the Russian authorities", "Ukrainian officials": whose, not who
    text = _POSSESSIVE_PRONOUN.sub("", surface)
    if opens_sentence or text != surface:
        text = text[:1].lower() + text[1:]
    # a medium written without a capital is no name whatever its noun ("a reporter",
    # "the website", "news outlets", "the entire liberal media")
    return text == text.lower() and (source_type == "media" or words[-1] in _describing_words())


# Words of place or nationality before a describing noun ("the Russian authorities",
# "Western officials", "US authorities"): they say whose body it is, not which (audit22).
_NATIONALITIES = DEMONYMS | frozenset("us u.s. uk u.k.".split())
# Plural or mass nouns of no one body (not "army", "government", "ministry": "the US Army",
# "the British Army" are names).
_GENERIC_BODIES = frozenset(
    "authorities officials officers diplomats lawmakers experts analysts intelligence "
    "investigators prosecutors leaders forces troops".split()
)


def _described_outlets(
    analysis: ArticleAnalysis, raws: list[_Raw], taken: _Taken,
    verbs: dict[int, list[Span]], unions: _Union, media: _MediaMatcher,
) -> None:
    """'the independent Russian news outlet. Important Stories.': apposition to the name.

    A described outlet not already a mention becomes a via mention when it is
    followed at once (after at most '. ', ', ' or ' (') by a named medium, with
    which it merges; otherwise it refers back (anaphora) like 'the outlet'.
    """
    article = analysis.article
    body = [s for s in article.body_sentences]
    by_start = {r.mention.start: r for r in raws}
    for sentence in body:
        for m_start, m_end, found in media.described_outlets(sentence.text):
            start, end = sentence.start + m_start, sentence.start + m_end
            if not taken.free(start, end):
                continue
            gap = re.match(r"[.,:]?\s*\(?\s*", article.text[end:end + 4])
            after = end + (gap.end() if gap else 0)
            named = by_start.get(after)
            index = sentence.index
            mention = SourceMention(
                analysis.article_id, analysis.outlet, index, start, end, found,
                "media", "outlet", "via",
                _nearest_verb(Span(start, end, "", "", "", "", index), verbs),
            )
            if named is not None and named.mention.source_type == "media":
                # One mention: the description and its name are the same reference.
                raws.remove(named)
                merged = SourceMention(
                    mention.article_id, mention.outlet, index, start, named.mention.end,
                    article.text[start:named.mention.end], "media", named.mention.term,
                    named.mention.role if named.mention.role == "speaker" else "via",
                    named.mention.report_verb or mention.report_verb,
                )
                raws.append(_Raw(merged, named.key, named.surface))
                unions.join(named.key, named.key, "apposition")
            else:
                raws.append(_Raw(mention, "outlet", found, named=False))
            taken.add(start, end)
    raws.sort(key=lambda r: r.mention.start)


_DEFINITE = re.compile(r"(?:the|this|that|these|those)\s", re.IGNORECASE)
_OPENING_BRACKET = re.compile(r"\s*\(")


def _resolve_in_article(raws: list[_Raw], unions: _Union, text: str) -> None:
    """Anaphora, containment and bracketed apposition, within one article.

    Linear in the mentions: a mention's key is final once the loop has passed it, so
    each passed institution or medium files the endings of its key, and a shorter name
    looks up the first earlier one ending in its words rather than reading them all."""
    # (source type, the last words of a passed mention's key) -> the first such mention
    endings: dict[tuple[str, tuple[str, ...]], _Raw] = {}
    for i, raw in enumerate(raws):
        _resolve_one(raws, i, unions, text, endings)
        if raw.mention.source_type in ("institution", "media"):
            e_words = raw.key.split()
            for cut in range(1, len(e_words)):
                endings.setdefault((raw.mention.source_type, tuple(e_words[-cut:])), raw)
    _bracketed_appositions(raws, unions, text)


def _resolve_one(
    raws: list[_Raw], i: int, unions: _Union, text: str,
    endings: dict[tuple[str, tuple[str, ...]], _Raw],
) -> None:
    """Anaphora and containment for ``raws[i]``, the mentions before it resolved."""
    raw = raws[i]
    m = raw.mention
    words = raw.key.split(":")[-1].split()
    head = words[-1] if words else ""
    if raw.described:
        _resolve_description(raw, (raws[j] for j in range(i - 1, -1, -1)), unions, head, text)
        return
    bare = len(words) == 1 and head in _ANAPHORIC_NOUNS
    if bare:
        raw.named = False
    definite = _DEFINITE.match(m.text) is not None
    if bare and not (definite and m.source_type in _ANAPHORIC_NOUNS[head]):
        # "a media", "the single-biggest coordinated media": no antecedent is sought,
        # and no source of the corpus is made of it.
        if not raw.key.startswith("anonymous:"):
            raw.key = f"unnamed:{m.article_id}:{head}"
        return
    if bare and definite and m.source_type in _ANAPHORIC_NOUNS[head]:
        for j in range(i - 1, -1, -1):  # back to the window's start, no further
            earlier = raws[j]
            e = earlier.mention
            if m.sentence_index - e.sentence_index > ANAPHORA_WINDOW:
                # Too far back: no antecedent. (This left the key 'outlet', one
                # source for every unresolved "the media" of the corpus.)
                if not raw.key.startswith("anonymous:"):
                    raw.key = f"unnamed:{m.article_id}:{head}"
                break
            if e.source_type != m.source_type:
                continue
            e_words = earlier.key.split(":")[-1].split()
            if m.source_type != "media" and head.rstrip("s") not in \
                    {w.rstrip("s") for w in e_words}:
                continue  # "the officer" refers to an officer, "the ministry" to a ministry
            if head not in e_words and (
                head + "s" in e_words or (head.endswith("s") and head[:-1] in e_words)
            ):
                # "four sources … the source said", "an official … the officials": one
                # is not several, so the description is a source of its own (seed 001)
                continue
            if m.source_type == "media" and len(e_words) == 1 and \
                    e_words[0] in _ANAPHORIC_NOUNS:
                continue  # an unresolved 'outlet' is no antecedent
            raw.key = earlier.key
            unions.join(earlier.key, earlier.key, "anaphora")
            break
        else:
            # No antecedent: an unnamed outlet or ministry of this article only.
            if not raw.key.startswith("anonymous:"):
                raw.key = f"unnamed:{m.article_id}:{head}"
        return
    if m.source_type in ("institution", "media") and len(words) >= 1 and \
            not (len(words) == 1 and head in _ANAPHORIC_NOUNS):
        # the first earlier mention of its type whose key ends in these words, and is
        # longer ("the Defense Ministry" after "the UK Defense Ministry")
        longer = endings.get((m.source_type, tuple(words)))
        if longer is not None:
            # Only this mention: the same short name elsewhere may be another body.
            unions.join(longer.key, longer.key, "containment")
            raw.key = longer.key


def _bracketed_appositions(raws: list[_Raw], unions: _Union, text: str) -> None:
    """"Vazhnye Istorii (iStories)" is one mention of one source: a mention of the same
    type starting right after a mention's end, white space and "(", and closed by ")"."""
    identities = {(r.mention, r.key, r.surface, r.named, r.described) for r in raws}
    if len(identities) < len(raws):
        _bracketed_appositions_by_pairs(raws, unions, text)  # two equal mentions: as ever
        return
    # No two mentions are equal, so `remove` and `in` find the very object: each mention
    # reads only those starting where its bracket opens.
    by_start: dict[int, list[_Raw]] = {}
    for raw in raws:
        by_start.setdefault(raw.mention.start, []).append(raw)
    removed: set[int] = set()  # id() of the mentions removed
    for raw in list(raws):
        m = raw.mention
        if m.source_type == "anonymous" or id(raw) in removed:
            continue
        opening = _OPENING_BRACKET.match(text, m.end)
        if opening is None:
            continue
        for other in by_start.get(opening.end(), ()):
            o = other.mention
            if id(other) in removed or o.source_type != m.source_type:
                continue
            if text[o.end:o.end + 1] == ")":
                unions.join(raw.key, other.key, "apposition")
                raws.remove(other)
                removed.add(id(other))


def _bracketed_appositions_by_pairs(raws: list[_Raw], unions: _Union, text: str) -> None:
    """:func:`_bracketed_appositions` reading every pair, where two mentions are equal."""
    removed = False
    for raw in list(raws):
        m = raw.mention
        # Until one is removed, every mention is still there (and `in` compares them
        # all, field by field).
        if m.source_type == "anonymous" or (removed and raw not in raws):
            continue
        for other in list(raws):
            o = other.mention
            if other is raw or o.source_type != m.source_type or o.start <= m.end:
                continue
            # The closing bracket first: it rules out most pairs at once, where the
            # gap's test reads the text between them.
            if text[o.end:o.end + 1] == ")" and _OPENING_BRACKET.fullmatch(text, m.end, o.start):
                unions.join(raw.key, other.key, "apposition")
                raws.remove(other)
                removed = True


def _resolve_description(
    raw: _Raw, earlier: Iterable[_Raw], unions: _Union, head: str, text: str
) -> None:
    """A role or common noun refers to the latest named source of its type in the five
    sentences before whose mention holds the same word ("President Barack Obama said …
    the president added", "the Clinton campaign … the campaign"); else it stays a
    description of this article only (``unnamed:``), never a source across articles."""
    m = raw.mention
    stem = head.rstrip("s")
    # A described person ("the businessman") refers to a named person.
    kind = "person" if m.source_type == "described" else m.source_type
    for other in earlier:  # latest first
        e = other.mention
        if m.sentence_index - e.sentence_index > ANAPHORA_WINDOW:
            break
        if e.source_type != kind or not other.named or \
                other.key.startswith(("anonymous:", "unnamed:")):
            continue
        # The mention and the words just before it: "President Obama" where the
        # source span is "Obama".
        near = text[max(0, e.start - _TITLE_REACH):e.end].casefold()
        if stem in {w.rstrip("s") for w in re.findall(r"[a-z]+", near)}:
            raw.key = other.key
            raw.refers_to = other  # its key may change yet ("Blasio" -> "de blasio")
            return
    raw.key = f"unnamed:{m.article_id}:{raw.key}"


def _display_names(raws: Sequence[_Raw], aliases: Sequence[AliasEntry]) -> dict[str, str]:
    shown = {a.name: a.aliases[0] for a in aliases}
    return shown


def _merged_mentions(
    analyses: Sequence[ArticleAnalysis], aliases: tuple[AliasEntry, ...]
) -> tuple[list[_Raw], dict[str, list[_Raw]], _Union]:
    """Every mention of ``analyses``, the mentions of each source (by the root of its
    merged keys, in order of first mention) and the merges: :func:`find_sources`
    before it names and sorts the sources."""
    unions = _Union()
    media = _media_matcher(aliases).fresh()
    raws: list[_Raw] = []
    for analysis in analyses:
        raws.extend(_article_mentions(analysis, media, unions))
    # A term of the cue lexicon whose names were written differently: 'lexicon'.
    names: dict[str, set[str]] = {}
    for raw in raws:
        unions.find(raw.key)
        if raw.named and not raw.key.startswith(("anonymous:", "unnamed:")):
            names.setdefault(raw.key, set()).add(normal_name(_alias(raw)))
    for key, seen in names.items():
        if len(seen) > 1:
            unions.join(key, key, "lexicon")
    # The alias list: every alias of an entry is one source.
    by_alias = {normal_name(a): entry.name for entry in aliases for a in entry.aliases}
    by_alias.update({entry.name: entry.name for entry in aliases})
    for raw in raws:
        if raw.key.startswith(("anonymous:", "unnamed:")):
            continue
        target = by_alias.get(raw.key) or by_alias.get(normal_name(_alias(raw)))
        if target is not None and target != raw.key:
            unions.join(target, raw.key, "alias list")
        elif target is not None:
            unions.find(target)
    _full_names_inside(raws, unions)
    texts = {a.article_id: a.article.text for a in analyses}
    _surnames_in_articles(raws, unions, texts)
    _companies_shortened(raws, unions, texts)
    _campaigns_of_one_person(raws, unions)
    _first_words_in_articles(raws, unions, texts)
    # Surnames: "peskov" joins the one full name ending in it.
    people = {r.key for r in raws if _is_person_name(r)}
    by_surname: dict[str, list[str]] = {}
    for p in people:  # in the set's order, as a scan of the set for each surname
        if " " in p:
            by_surname.setdefault(_surname(p), []).append(p)
    for key in people:
        if " " in key:
            continue
        full = by_surname.get(key, [])
        if len(full) == 1:
            unions.join(full[0], key, "surname")

    for raw in raws:
        if raw.refers_to is not None:
            raw.key = raw.refers_to.key
            unions.join(raw.key, raw.key, "anaphora")
    groups: dict[str, list[_Raw]] = {}
    for raw in raws:
        groups.setdefault(unions.find(raw.key), []).append(raw)
    return raws, groups, unions


def _source_type(members: Sequence[_Raw]) -> str:
    """The source type most of a source's mentions have (the first of SOURCE_TYPES on a tie)."""
    kinds = [r.mention.source_type for r in members]
    return max(SOURCE_TYPES, key=lambda t: (kinds.count(t), -SOURCE_TYPES.index(t)))


def find_sources(
    analyses: Sequence[ArticleAnalysis], aliases: Sequence[AliasEntry] | None = None
) -> list[Source]:
    """Every source cited in ``analyses``, aliases merged by the rules above.

    Sorted by number of outlets citing it, then mentions, then name.
    """
    aliases = load_aliases() if aliases is None else tuple(aliases)
    raws, groups, unions = _merged_mentions(analyses, aliases)
    shown = _display_names(raws, aliases)
    sources: list[Source] = []
    for root, members in groups.items():
        mentions = tuple(sorted((r.mention for r in members),
                                key=lambda m: (m.article_id, m.start)))
        source_type = _source_type(members)
        surfaces = sorted({_alias(r) for r in members if r.named}, key=_casefold_then_case)
        name = shown.get(root) or _best_name(members, root)
        if root.startswith(("anonymous:", "unnamed:")):
            name = root.split(":", 2)[-1]
            if root.startswith("unnamed:"):
                name = f"unnamed {name}"
        rules = tuple(r for r in MERGE_RULES if r in unions.rules.get(root, set()))
        source_id = _slug(root)
        sources.append(Source(source_id, name, source_type, tuple(surfaces), rules, mentions))
    sources.sort(key=lambda s: (-len(s.outlets), -len(s.mentions), s.name.casefold()))
    return sources


#: Sentences whose media matches a matcher keeps across runs (some 10 MB at most).
CACHED_SENTENCES = 50_000


@lru_cache(maxsize=4)
def _media_matcher(aliases: tuple[AliasEntry, ...]) -> _MediaMatcher:
    """One matcher per alias list (used through :meth:`_MediaMatcher.fresh`):
    :func:`named_people` runs find_sources on every article, and building the matcher
    cost more than merging one article's names (0.6 ms against 0.4 ms on the seeds)."""
    return _MediaMatcher(_media_names(aliases))


def is_named(source: Source) -> bool:
    """A source the Sources chart gives a row of its own: a named person, institution or
    medium, not an anonymous source nor a description left unresolved ("the company",
    "the department" with no named antecedent: ``unnamed:``)."""
    return _is_named(source.source_id, source.source_type)


def _is_named(source_id: str, source_type: str) -> bool:
    return source_type != "anonymous" and not source_id.startswith("unnamed:")


def named_people(analysis: ArticleAnalysis) -> int:
    """``sources_named_people``: the distinct named sources of one article's body after
    merging ("Mayor Denise Hart" and "Hart" are one person; "the department" is the
    Department of Environmental Quality named before it, or no named source), by the
    rules of :func:`find_sources` run on this article alone, so that an article's count
    does not depend on the other articles loaded (the Sources chart merges across them
    all and may merge further)."""
    # As named_mentions counts them, without naming and sorting the sources (which the
    # count does not read): each source's id and type as find_sources gives them.
    _, groups, _ = _merged_mentions([analysis], load_aliases())
    return len({source_id for source_id, source_type in
                ((_slug(root), _source_type(members)) for root, members in groups.items())
                if _is_named(source_id, source_type)})


def named_mentions(analysis: ArticleAnalysis) -> list[tuple[str, SourceMention]]:
    """(source id, mention) of each mention of a named source (:func:`is_named`) in one
    article, merged as :func:`named_people` counts them: the sentences behind the count."""
    return [(source.source_id, m) for source in find_sources([analysis]) if is_named(source)
            for m in source.mentions]


def pronoun_referents(analysis: ArticleAnalysis) -> dict[tuple[int, int], str]:
    """Whom each pronoun source of one article names, as ``sources.csv`` counts it:
    (start, end) of the pronoun -> the name of the source it is a mention of. Only the
    pronouns the ``anaphora`` (pronouns) rule resolves ("he", "she"); names as this
    article alone merges them (a corpus may merge a name further, never split it)."""
    return {
        (m.start, m.end): source.name
        for source in find_sources([analysis]) for m in source.mentions
        if m.source_type == "pronoun"
    }


# Suffixes that end a person's name ("Martin Luther King Jr.", "C. Stewart Verdery Jr."):
# part of the name (father and son are two people), not its surname.
_NAME_SUFFIXES = frozenset("jr sr ii iii iv".split())


def _without_suffix(key: str) -> str:
    """A person's name without the suffix that ends it: "martin luther king" for
    "martin luther king jr"; other names unchanged."""
    words = key.split()
    while len(words) > 2 and words[-1].rstrip(".") in _NAME_SUFFIXES:
        words.pop()
    return " ".join(words)


def _surname(key: str) -> str:
    """The surname of a person's name: its last word before any suffix ("king" for
    "martin luther king jr", "trump" for "donald trump")."""
    return _without_suffix(key).rsplit(" ", 1)[-1]


def _is_person_name(raw: _Raw) -> bool:
    return raw.mention.source_type == "person" and raw.named and \
        not raw.key.startswith(("anonymous:", "unnamed:"))


# A given name (and a middle name or initial) before a surname as written: "Donald J.
# Trump", "Hillary Rodham Clinton". Group 1 is the given name, group 2 the middle one.
_GIVEN_NAME = r"(?<![\w.])([A-Z][a-z][\w'’-]*)(?:\s+([A-Z]\.|[A-Z][a-z][\w'’-]*))?\s+"


# A given name ending where the search ends (its endpos): right before a surname.
_GIVEN_NAME_ENDING = re.compile(_GIVEN_NAME + r"\Z")


def _surnames_in_articles(
    raws: Sequence[_Raw], unions: _Union, texts: dict[str, str]
) -> None:
    """In one article, a one-word person name joins the one person of that surname
    the article names in full: a full name it cites ("Trump" -> "Donald Trump"), or a
    full name cited elsewhere in the corpus that it writes out ("Donald J. Trump ...
    Trump said": the news convention of the full name at first mention).

    Per article, since a surname is shared across articles: PolNeAR's 924 articles
    cite Donald, Eric, Ivanka and Melania Trump, Hillary, Bill and Chelsea Clinton,
    Jeff and John Weaver. Only this article's mentions take the full name's key.
    Conservative: two such people in the article ("Bill Clinton" cited, "Hillary
    Clinton" written), or any other capitalised word before the surname in
    mid-sentence that is neither a title nor a description ("Humayun Khan", "George
    Bush", "former President Bill Clinton" where no Bill Clinton is cited), leave the
    surname alone. The word right before the surname is read first: before a cited
    full name, a title-case word ("Fans Of Donald Trump") names no second person.
    """
    # Each cited full name, also as written without its suffix ("martin luther king" for
    # "martin luther king jr"): a given name before the surname finds it either way.
    cited_full = {raw.key for raw in raws if _is_person_name(raw) and " " in raw.key}
    full_names = {**{_without_suffix(f): f for f in cited_full}, **{f: f for f in cited_full}}
    titled = _office_holders(raws, unions, texts)
    by_article: dict[str, list[_Raw]] = {}
    for raw in raws:
        if _is_person_name(raw):
            by_article.setdefault(raw.mention.article_id, []).append(raw)
    describing = _describing_words()
    for article_id, people in by_article.items():
        text = texts.get(article_id, "")
        cited: dict[str, dict[str, str]] = {}  # surname -> root -> a full name's key
        for raw in sorted(people, key=lambda r: r.key):
            words = raw.key.split()
            if len(words) > 1:
                cited.setdefault(_surname(raw.key), {}).setdefault(unions.find(raw.key), raw.key)
        decided: dict[tuple[str, str], str | None] = {}  # (key, surname as written)
        # the surnames of the article's cited full names, once for all its surnames
        full_surnames = frozenset(_surname(r.key) for r in people if " " in r.key)
        for raw in people:
            if " " in raw.key:
                continue
            surname = _alias(raw)
            if (raw.key, surname) not in decided:
                decided[raw.key, surname] = _one_person_named(
                    raw.key, surname, text, cited.get(raw.key, {}), people, full_names,
                    unions, describing, titled, full_surnames)
            full = decided[raw.key, surname]
            if full is not None:
                raw.key = full
                unions.join(full, full, "surname")


def _one_person_named(
    key: str, surname: str, text: str, cited: dict[str, str], people: Sequence[_Raw],
    full_names: dict[str, str], unions: _Union, describing: frozenset[str],
    titled: dict[tuple[str, str], dict[str, str]] | None = None,
    full_surnames: frozenset[str] | None = None,
) -> str | None:
    """The key of the one person of surname ``key`` that an article names in full (see
    :func:`_surnames_in_articles`), or None. Where it names no one of that surname in
    full, the one cited full name whom the corpus gives an office the article writes
    before the surname ("President Obama" -> "President Barack Obama": ``titled``).
    ``full_surnames``: the surnames of ``people``'s full names, when the caller has them."""
    if surname.casefold() != key:
        return None
    known = dict(cited)
    # Another cited person's surname is no given name: "Ted Cruz Hints Trump Would …".
    if full_surnames is None:
        full_surnames = frozenset(_surname(r.key) for r in people if " " in r.key)
    others = full_surnames - {key}
    for match in _given_names_before(surname, text):
        given, middle = match.group(1), match.group(2)
        # The word right before the surname first: in "Out Ted Cruz", "Support Hillary
        # Clinton" (title-case lines) or "Abortions" and "Jeb Bush" across a line break,
        # the pattern's first word is not the given name; the cited full name is there.
        candidates = [given] if middle is None or middle.endswith(".") else [middle, given]
        fulls = [f"{word.casefold()} {key}" for word in candidates]
        if len(candidates) == 2:  # "Anna Richardson White": a cited name of three words
            fulls.append(f"{given.casefold()} {middle.casefold()} {key}")
        found = next((full_names[full] for full in fulls if full in full_names), None)
        if found is not None:
            known.setdefault(unions.find(found), found)
            continue
        low = given.casefold()
        if low in others:
            continue
        if (low in describing or low in _NOT_A_GIVEN_NAME) and (
                len(candidates) == 1 or candidates[0].casefold() in describing
                or candidates[0].casefold() in _NOT_A_GIVEN_NAME):
            continue
        j = match.start() - 1
        while j >= 0 and text[j].isspace():
            j -= 1
        if j >= 0 and (text[j].islower() or text[j] in ",;:("):
            return None  # another person of that name, or a doubt
    if not known and titled:
        offices = ({m.group(1).casefold() for m in _with_office(surname).finditer(text)}
                   if _office_before(surname, text) else set())
        holders = {root: full for office in offices
                   for root, full in titled.get((key, office), {}).items()}
        if len(offices) == 1:
            known = holders
    if len(known) != 1:
        return None
    # "Mrs. Clinton and former President Bill Clinton": two of that name here.
    if any(p.mention.text.count(surname) > 1 and
           len(_written_alone(surname).findall(p.mention.text)) > 1 for p in people):
        return None
    if _two_titles(surname, text):
        return None
    (full,) = known.values()
    return full


_GIVEN_NAME_REACH = 60  # characters before a surname in which its given name is sought

# Offices written before a name ("President Barack Obama", "Sen. Ted Cruz"): the same
# office before a bare surname in another article ("President Obama") names the one
# cited full name of that surname holding it. Not Mr./Mrs. (no office) nor "former".
_OFFICES = ("President", "Senator", "Sen.", "Governor", "Gov.", "Secretary", "Speaker",
            "Mayor", "Judge", "Justice", "Attorney General")


@lru_cache(maxsize=4096)
def _with_office(surname: str) -> re.Pattern[str]:
    """An office right before ``surname`` (group 1: the office as written)."""
    offices = "|".join(re.escape(o) for o in _OFFICES)
    return re.compile(rf"(?<![\w-])({offices})\s+{re.escape(surname)}(?![\w-])")


# An office and the white space after it, anywhere (no boundary before the office: this
# only decides whether :func:`_with_office` is worth compiling and running).
_OFFICE_AND_SPACE = re.compile(rf"(?:{'|'.join(re.escape(o) for o in _OFFICES)})\s+")


@lru_cache(maxsize=8)
def _after_offices(text: str) -> tuple[int, ...]:
    """Where each office and the white space after it end in ``text``: one scan of an
    article for all of its surnames (it was one scan of the whole text per surname)."""
    return tuple(match.end() for match in _OFFICE_AND_SPACE.finditer(text))


def _office_before(surname: str, text: str) -> bool:
    """Whether an office and white space come right before ``surname`` somewhere in
    ``text``: where not, :func:`_with_office` finds nothing there, and its pattern (one
    per surname) is not compiled. Every office ends in a letter or a full stop, and no
    office ends inside another's white space, so the offices found one after another end
    where the white space before each surname begins."""
    return any(text.startswith(surname, at) for at in _after_offices(text))


def _office_holders(
    raws: Sequence[_Raw], unions: _Union, texts: dict[str, str]
) -> dict[tuple[str, str], dict[str, str]]:
    """(surname, office) -> {root: full name's key} for the cited full names written right
    after an office ("President Barack Obama", "former President Bill Clinton")."""
    found: dict[tuple[str, str], dict[str, str]] = {}
    pattern = re.compile(rf"(?<![\w-])({'|'.join(re.escape(o) for o in _OFFICES)})\s+$")
    for raw in raws:
        if not (_is_person_name(raw) and " " in raw.key):
            continue
        m = raw.mention
        given = m.text.casefold().find(raw.key.split()[0])
        # the words before the name, in the mention ("President Barack Obama") or before it
        before = texts.get(m.article_id, "")[max(0, m.start - _TITLE_REACH - 8):m.start]
        office = pattern.search(before + " " + m.text[: max(0, given)])
        if office is not None:
            found.setdefault((_surname(raw.key), office.group(1).casefold()), {}).setdefault(
                unions.find(raw.key), raw.key)
    return found


def _given_names_before(surname: str, text: str) -> list[re.Match[str]]:
    """The given names (and middle names) written right before ``surname`` in ``text``
    ("Donald J. Trump"), as :data:`_GIVEN_NAME` matches ending where the surname begins,
    earliest first: found near each occurrence of the surname (str.find) rather than by
    trying a pattern at every capital of the article.

    Each occurrence that ends a word ("Trump", not "Trumpism") is read by one pattern for
    every surname, :data:`_GIVEN_NAME_ENDING`, searched over the stretch before it and
    ending where the surname begins: the leftmost given name ending there is the match a
    pattern of the given name and the surname would find. Such a pattern, one per
    surname, took a fifth of find_sources in compiling alone (session 23)."""
    found: list[re.Match[str]] = []
    taken = 0  # where the last name found ends, with its surname: names do not overlap
    for at in _surname_places(surname, text):
        end = at + len(surname)
        if _WORD_GOES_ON.match(text, end) is None:
            match = _GIVEN_NAME_ENDING.search(text, max(taken, at - _GIVEN_NAME_REACH), at)
            if match is not None:
                found.append(match)
                taken = end
    return found


def _surname_places(surname: str, text: str) -> Iterator[int]:
    """The places of ``surname`` in ``text`` that a given name may come before: each
    occurrence, left to right and not overlapping (str.find from the end of the last),
    or, where only those after white space can matter, those alone, from an index of the
    text's words (:func:`_word_starts`) rather than a scan of the whole text per surname.

    _GIVEN_NAME_ENDING ends in white space right before the surname, so an occurrence
    after none finds nothing and changes nothing; and a surname that no proper prefix
    of it ends (no overlap of two occurrences: "Trump", not "Anna Ann" nor "Lala") has
    every occurrence found by the scan."""
    if len(surname) < 3 or any(c.isspace() for c in surname) or any(
            surname.endswith(surname[:k]) for k in range(1, len(surname))):
        at = text.find(surname)  # str.find: a pattern opening with a lookbehind is slow
        while at >= 0:
            yield at
            at = text.find(surname, at + len(surname))
        return
    key = surname[:3]
    # A surname that opens with a capital A-Z (most) is looked up among the capitalised
    # words alone, a seventh of the article's words: the same places, in order.
    starts = _capital_word_starts(text) if "A" <= key[0] <= "Z" else _word_starts(text)
    for at in starts.get(key, ()):
        if text.startswith(surname, at):
            yield at


# A character after white space (what \s matches): where a word starts.
_WORD_START = re.compile(r"(?<=\s)\S")
# A capital A-Z after white space and two characters that are none: the first three
# characters of a capitalised word. Two such never overlap (each follows white space).
_CAPITAL_WORD_START = re.compile(r"(?<=\s)[A-Z]\S\S")


@lru_cache(maxsize=4)
def _capital_word_starts(text: str) -> dict[str, list[int]]:
    """:func:`_word_starts` of the words that open with a capital A-Z and three characters
    long or more (the only ones a surname of three characters opening so can begin: its
    first three characters hold no white space), found by one pattern rather than a step
    of Python per word."""
    starts: dict[str, list[int]] = {}
    for match in _CAPITAL_WORD_START.finditer(text):
        starts.setdefault(match[0], []).append(match.start())
    return starts


@lru_cache(maxsize=4)
def _word_starts(text: str) -> dict[str, list[int]]:
    """The first three characters of each word after white space -> where such words
    start, in order (for :func:`_surname_places`)."""
    starts: dict[str, list[int]] = {}
    for match in _WORD_START.finditer(text):
        at = match.start()
        starts.setdefault(text[at:at + 3], []).append(at)
    return starts


# A character that goes on with the word before it: after a surname, it is no surname.
_WORD_GOES_ON = re.compile(r"[\w-]")


@lru_cache(maxsize=4096)
def _written_alone(surname: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])" + re.escape(surname) + r"(?![\w-])")


@lru_cache(maxsize=4096)
def _with_title(surname: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(Mr|Mrs|Ms|Miss)\.?\s+" + re.escape(surname) + r"(?![\w-])")


def _two_titles(surname: str, text: str) -> bool:
    """Does ``text`` write both "Mr. Clinton" and "Mrs. Clinton" (or Ms., Miss)? Then two
    people share the surname there (the NYT's house style names them so)."""
    if "Mr" not in text or ("Mrs" not in text and "Ms" not in text and "Miss" not in text):
        return False
    if not surname or any(c.isspace() for c in surname) or \
            any(title in surname for title in _TITLES):
        # a title inside the surname could overlap the match before: only the pattern knows
        titles = {"mr" if m.group(1) == "Mr" else "ms"
                  for m in _with_title(surname).finditer(text)}
        return len(titles) > 1
    return len(_titled_words(text).get(surname, ())) > 1


def _titled(surname: str, text: str) -> bool:
    """Does ``text`` write a title before ``surname`` ("Ms. Bluewater"): _with_title's
    search, from one reading of the text's titles where the surname allows."""
    if not surname or any(c.isspace() for c in surname) or \
            any(title in surname for title in _TITLES):
        return _with_title(surname).search(text) is not None
    return surname in _titled_words(text)


_TITLES = ("Mr", "Ms", "Miss")  # "Mrs" holds "Mr"
# A title and the white space after it, as _with_title reads them (group 1: the title).
_TITLE_AND_SPACE = re.compile(r"(?<![\w-])(Mr|Mrs|Ms|Miss)\.?\s+")


@lru_cache(maxsize=4)
def _titled_words(text: str) -> dict[str, frozenset[str]]:
    """Each word ``text`` writes after a title -> the titles ("mr", "ms") before it: what
    _with_title(word) finds for a word without white space or a title in it, read in one
    pass over the text rather than one per surname (quadratic in the article's length).
    A word is any stretch after the title's white space up to white space or a character
    that is no letter, digit, "_" or "-": "O'Neill" and "O" after "Mr. O'Neill"."""
    found: dict[str, set[str]] = {}
    for match in _TITLE_AND_SPACE.finditer(text):
        title = "mr" if match.group(1) == "Mr" else "ms"
        at = match.end()
        end = at
        while end < len(text) and not text[end].isspace():
            end += 1
            if end == len(text) or _WORD_GOES_ON.match(text, end) is None:
                found.setdefault(text[at:end], set()).add(title)
    return {word: frozenset(titles) for word, titles in found.items()}


# Capitalised words before a surname that are not given names: titles, parties, roles.
_NOT_A_GIVEN_NAME = frozenset(
    "mr mrs ms miss dr sen rep gov president senator secretary governor republican "
    "democrat democratic gop candidate nominee former vice first lady speaker leader "
    "chairman chairwoman attorney general judge justice professor captain mayor "
    # words that open a title-case line or a sentence: "The Trump campaign", "Neither Cruz"
    "the a an and but or nor neither either now then for".split()
)


def _full_names_inside(raws: Sequence[_Raw], unions: _Union) -> None:
    """A person's name whose last two or more words are another cited person's full
    name joins it: "Republican Donald Trump", "rival Hillary Clinton", "MSNBC Chris
    Matthews", "Former Secretary of State Hillary Rodham Clinton" (a description or a
    medium before the name). The longest such full name wins."""
    people = {raw.key for raw in raws if _is_person_name(raw)}
    for key in sorted(people):
        words = key.split()
        for cut in range(1, len(words) - 1):
            inner = " ".join(words[cut:])
            if inner in people:
                unions.join(inner, key, "full name")
                break


# The last words of a company's name that news copy drops after the first mention:
# "Castell Chemicals" -> "Castell", "Pfizer Inc." -> "Pfizer" (a subset of the cue
# finder's institution name endings: not "University" or "Foundation", whose first word
# alone is often a place or a person).
_COMPANY_ENDINGS = frozenset(
    "chemicals industries holdings group enterprises laboratories pharmaceuticals "
    "corporation company inc corp co ltd llc plc".split()
)


def _company_of(key: str) -> str | None:
    """The name of a company without its company words ("castell" for "castell
    chemicals", "acme" for "acme holdings inc."), or None for another name."""
    words = key.replace(".", " ").replace(",", " ").split()
    cut = len(words)
    while cut > 1 and words[cut - 1] in _COMPANY_ENDINGS:
        cut -= 1
    return " ".join(words[:cut]) if cut < len(words) else None


def _companies_shortened(raws: Sequence[_Raw], unions: _Union, texts: dict[str, str]) -> None:
    """A one-word name that is a cited company's name without its company words
    ("Castell" after "Castell Chemicals", typed a person by the cue finder, which knows no
    such name) is that company, where one company of the corpus is so named, no cited
    person's full name ends in the word, and its own article writes it after no given name
    ("Jane Castell") or honorific ("Ms. Castell"). The mention becomes an institution's."""
    companies: dict[str, set[str]] = {}
    for raw in raws:
        if raw.mention.source_type == "institution" and raw.named and \
                not raw.key.startswith(("anonymous:", "unnamed:")):
            short = _company_of(raw.key)
            if short is not None and " " not in short:
                companies.setdefault(short, set()).add(unions.find(raw.key))
    if not companies:
        return
    surnames = {_surname(r.key) for r in raws if _is_person_name(r) and " " in r.key}
    describing = _describing_words()
    for i, raw in enumerate(raws):
        m = raw.mention
        if m.source_type not in ("person", "institution") or not raw.named or \
                " " in raw.key or raw.key not in companies or raw.key in surnames or \
                len(companies[raw.key]) != 1:
            continue
        text = texts.get(m.article_id, "")
        written = _alias(raw)
        if _with_title(written).search(text) or any(
                match.group(1).casefold() not in describing
                and match.group(1).casefold() not in _NOT_A_GIVEN_NAME
                for match in _given_names_before(written, text)):
            continue  # "Jane Castell", "Ms. Castell": a person of that name
        (root,) = companies[raw.key]
        unions.join(root, raw.key, "company")
        if m.source_type == "person":
            raws[i].mention = replace(m, source_type="institution")


# A campaign named by its candidate: "the Clinton campaign", "Hillary Clinton's campaign",
# "Mrs. Clinton's presidential campaign", "Sanders' campaign" (owner: the capitalised
# words; lower-case words between the owner and "campaign" are no part of the name).
_CAMPAIGN = re.compile(
    r"(?P<owner>[A-Z][\w.'’-]*?(?:\s+[A-Z][\w.'’-]*?)*?)(?:['’]s?)?"
    r"(?:\s+[a-z0-9][\w-]*)*\s+[Cc]ampaign"
)
_HONORIFICS = frozenset("mr mrs ms miss dr sen rep gov".split())


def _campaign_owner(surface: str) -> str | None:
    """The candidate a campaign's name names ("hillary clinton" for "Hillary Clinton's
    presidential campaign", "clinton" for "Clinton campaign"), or None."""
    found = _CAMPAIGN.fullmatch(" ".join(surface.split()))
    if found is None:
        return None
    words = [w for w in found.group("owner").split() if w.casefold().rstrip(".") not in
             _HONORIFICS]
    return normal_name(" ".join(words)) if words else None


def _campaigns_of_one_person(raws: Sequence[_Raw], unions: _Union) -> None:
    """``campaign``: in one article, the campaigns named by one candidate are one source,
    however written ("the Clinton campaign", "Hillary Clinton's campaign", "Mrs. Clinton's
    presidential campaign"). A one-word owner is the one person of that surname whom the
    article cites in full, or else whom its other campaign names write in full; where
    there are two ("Hillary Clinton" and "Bill Clinton"), it stays as written. Per
    article, as the surname rule: another article's "Clinton campaign" may be Bill's."""
    by_article: dict[str, list[tuple[_Raw, str]]] = {}
    people: dict[str, list[_Raw]] = {}
    for raw in raws:
        m = raw.mention
        if _is_person_name(raw) and " " in raw.key:
            people.setdefault(m.article_id, []).append(raw)
        if m.source_type != "institution" or not raw.named or \
                raw.key.startswith(("anonymous:", "unnamed:")):
            continue
        owner = _campaign_owner(raw.surface)
        if owner is not None:
            by_article.setdefault(m.article_id, []).append((raw, owner))
    for article_id, campaigns in by_article.items():
        if len(campaigns) < 2:
            continue
        cited = people.get(article_id, [])
        groups: dict[str, list[tuple[_Raw, str]]] = {}
        for raw, owner in campaigns:
            groups.setdefault(_owner_in_full(owner, cited, campaigns, unions), []).append(
                (raw, owner))
        for members in groups.values():
            if len({raw.key for raw, _ in members}) < 2:
                continue
            # The key of the mention whose owner is written in full, else the first's.
            canonical = max(members, key=lambda ro: len(ro[1].split()))[0].key
            for raw, _ in members:
                raw.key = canonical
            unions.join(canonical, canonical, "campaign")


def _first_words_in_articles(
    raws: Sequence[_Raw], unions: _Union, texts: dict[str, str]
) -> None:
    """``first word`` (see the module's text): "Bluewater" after "Bluewater Ferries"."""
    describing = _describing_words()
    by_article: dict[str, list[_Raw]] = {}
    for raw in raws:
        if raw.named and not raw.key.startswith(("anonymous:", "unnamed:")) and \
                raw.mention.source_type != "anonymous":
            by_article.setdefault(raw.mention.article_id, []).append(raw)
    for article_id, named in by_article.items():
        shorts = [r for r in named if r.mention.source_type == "person" and " " not in r.key]
        if not shorts:
            continue
        surnames = {_surname(r.key) for r in named if _is_person_name(r) and " " in r.key}
        text = texts.get(article_id, "")
        # the first word of each longer name -> the places in `named` of its mentions (a
        # short name made longer below joins them), so a short name reads only those
        by_first: dict[str, list[int]] = {}
        for place, r in enumerate(named):
            if " " in r.key:
                by_first.setdefault(r.key.split()[0], []).append(place)
        place_of = {id(r): place for place, r in enumerate(named)}
        for raw in shorts:
            word = raw.key
            if word in surnames or word in describing or word in _NOT_A_GIVEN_NAME or \
                    word in _PARTY_WORDS:
                continue
            longer = {unions.find(named[place].key): named[place].key
                      for place in by_first.get(word, ())
                      if named[place].mention.start < raw.mention.start}
            if len(longer) != 1:
                continue
            written = _alias(raw)
            if _titled(written, text) or any(
                    match.group(1).casefold() not in describing
                    and match.group(1).casefold() not in _NOT_A_GIVEN_NAME
                    for match in _given_names_before(written, text)):
                continue  # "Jane Bluewater", "Ms. Bluewater": a person of that name
            (full,) = longer.values()
            raw.key = full
            insort(by_first.setdefault(full.split()[0], []), place_of[id(raw)])
            unions.join(full, full, "first word")


def _owner_in_full(
    owner: str, cited: Sequence[_Raw], campaigns: Sequence[tuple[_Raw, str]], unions: _Union
) -> str:
    """A campaign's owner as the one person of that surname whom the article cites in
    full, or else whom its campaign names write in full; else as written."""
    if " " in owner:
        return _without_suffix(owner)
    for names in ({unions.find(p.key): p.key for p in cited
                   if _surname(p.key) == owner}.values(),
                  {o for _, o in campaigns if " " in o and _surname(o) == owner}):
        if len(set(names)) == 1:
            return _without_suffix(next(iter(names)))
        if names:
            return owner  # two people of that surname: no one in particular
    return owner


def _clean_alias(text: str) -> str:
    return " ".join(text.split()).strip(" .,;:")


@lru_cache(maxsize=1)
def _describing_words() -> frozenset[str]:
    """One-word nouns and titles of the cue lexicon ('outlet', 'medium', 'spokesman')."""
    from models.cues import default_finder

    words: set[str] = set(_ANAPHORIC_NOUNS)
    for entry in default_finder().lexicon.by_category("source"):
        if entry.role in ("noun", "title", "unnamed"):
            words.update(f.casefold() for f in entry.forms or (entry.term,) if " " not in f)
    return frozenset(words)


@lru_cache(maxsize=1)
def _describing_phrases() -> frozenset[str]:
    """The cue lexicon's nouns and titles of more than one word ('harbour master',
    'chief of staff'): no name, as the one-word ones of :func:`_describing_words`."""
    from models.cues import default_finder

    return frozenset(
        normal_name(f) for entry in default_finder().lexicon.by_category("source")
        if entry.role in ("noun", "title", "unnamed")
        for f in entry.forms or (entry.term,) if " " in f
    )


def is_description(term: str) -> bool:
    """Is a source's term a bare noun or title of the cue lexicon ('the ministry', 'the
    authorities', 'the outlet', 'the media', 'spokesman'): a description, no name, which
    ``sources_named`` leaves out as :func:`find_sources` leaves it unnamed or merges it
    with the name it stands for."""
    name = normal_name(term)
    return name in _describing_words() or name in _describing_phrases() or \
        _national_body(name.split())


def _national_body(words: Sequence[str]) -> bool:
    """'russian authorities', 'u.s. officials': a nationality and a noun of no one body."""
    return len(words) > 1 and words[-1] in _GENERIC_BODIES and \
        all(w in _NATIONALITIES for w in words[:-1])


def is_described_national_body(text: str) -> bool:
    """Is a source as written a nationality, words in lower case and a noun of no one
    body ('Russian mercenary forces', 'US military officials', 'Ukrainian security
    officials'): a description, as 'the Russian authorities' is (audit22, audit25)?
    'Russian Airborne Forces', written with capitals, is a name."""
    words = text.split()
    if words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    first = words[0].lower() if words else ""
    if len(words) < 3 or (first not in _NATIONALITIES and first.strip(".") not in _NATIONALITIES):
        return False
    middle = words[1:-1]
    return words[-1].lower() in _GENERIC_BODIES and words[-1].islower() and \
        all(w.isalpha() and w.islower() for w in middle)


@lru_cache(maxsize=65536)
def _term_pattern(term: str) -> re.Pattern[str]:
    """``term`` as a whole-word pattern, any run of spaces for its spaces, any case."""
    return re.compile(r"(?<!\w)" + re.escape(term).replace("\\ ", r"\s+") + r"(?!\w)",
                      re.IGNORECASE)


def _find_term(term: str, text: str) -> tuple[int, int] | None:
    r"""Where :func:`_term_pattern` first matches ``text`` (start, end), or None.

    Plain ASCII with single spaces (most names and mentions) is searched without
    compiling a pattern per term (thousands of terms, the most of find_sources'
    time after the media search): there, a space of the term matches the one space
    of the text, a letter matches either case of itself only, and ``\w`` is a
    letter, digit or underscore, so the first occurrence of the lower-cased term
    with no such character either side is the pattern's first match.
    """
    if (term and term.isascii() and text.isascii() and term == " ".join(term.split())
            and text == " ".join(text.split())):
        lowered, wanted = text.lower(), term.lower()
        start = lowered.find(wanted)
        while start >= 0:
            end = start + len(wanted)
            if (start == 0 or not _is_word(lowered[start - 1])) and \
                    (end == len(lowered) or not _is_word(lowered[end])):
                return start, end
            start = lowered.find(wanted, start + 1)
        return None
    found = _term_pattern(term).search(text)
    return found.span() if found else None


def _is_word(character: str) -> bool:
    r"""``\w`` for an ASCII character."""
    return character.isalnum() or character == "_"


def _find_ignoring_case(literal: str, text: str) -> str | None:
    """``re.search(re.escape(literal), text, re.IGNORECASE)``'s match, without compiling
    it when both are ASCII (where case is ignored letter by letter)."""
    if literal.isascii() and text.isascii():
        start = text.lower().find(literal.lower())
        return text[start:start + len(literal)] if start >= 0 else None
    found = re.search(re.escape(literal), text, re.IGNORECASE)
    return found.group(0) if found else None


# A capitalised "of" phrase that ends a name: "of Environmental Quality", "of the Interior",
# "of Health and Human Services".
_OF_PHRASE = re.compile(
    r"\s+of\s+(?:the\s+)?[A-Z][\w'’&.-]*(?:\s+(?:(?:and|of|for|the|on|&)\s+)*[A-Z][\w'’&.-]*)*"
)


def _name_with_of_phrase(surface: str, term: str) -> str | None:
    """The name as written when a capitalised "of" phrase ends it after the lexicon's
    term: "State Department of Environmental Quality" (a state agency), where the term
    "State Department" is the US one; None when the surface holds no such tail."""
    found = _find_term(term, surface.replace("’", "'"))
    if found is None:
        return None
    tail = _OF_PHRASE.match(surface, found[1])
    if tail is None or tail.end() != len(surface.rstrip(" .,;:")):
        return None
    return _clean_alias(surface[found[0]:tail.end()])


def name_of(surface: str, term: str = "") -> str:
    """The name in a mention: 'Russian investigative medium iStories' -> 'iStories'.

    The source's term as written when the mention contains it ('Putin's
    spokesman Dmitry Peskov' -> 'Dmitry Peskov'); otherwise the words after the
    last describing noun or title, cut at a possessive ('the Kremlin's logic').
    """
    text = _clean_alias(_DETERMINER.sub("", " ".join(surface.split())))
    if term:
        found = _find_term(term, text.replace("’", "'"))
        if found:
            return text[found[0]:found[1]]
    text = re.split(r"['’]s\b", text)[0]
    words = re.split(r"[\s.]+", text)
    describing = _describing_words()
    cut = max((i for i, w in enumerate(words[:-1]) if w.casefold() in describing), default=-1)
    return _clean_alias(" ".join(words[cut + 1:]))


def _alias(raw: _Raw) -> str:
    """How a mention names its source: the name for named ones, the phrase for anonymous."""
    if raw.mention.source_type == "anonymous":
        return _clean_alias(_DETERMINER.sub("", " ".join(raw.mention.text.split())))
    return _name_of(raw.surface, raw.mention.term)


#: name_of once per (surface, term): wire copy repeats mentions, and find_sources asks
#: each mention's name several times.
_name_of = lru_cache(maxsize=65536)(lambda surface, term: name_of(surface, term))


def _best_name(members: Sequence[_Raw], root: str) -> str:
    """The name as written that matches the group's key, else its longest speaker form.

    Where the articles write the key in more than one case ("Kyiv" three times, "kyiv"
    once), the most frequent spelling is shown, in the text's own case; a tie goes to the
    capitalised one. A name written only in lower case is shown as the cue lexicon spells
    it, when the lexicon names it ("kyiv" -> "Kyiv"); else it stays so. A lexicon name
    that holds its "The" keeps it ("The Hill", not "Hill").
    """
    written = Counter(
        _clean_alias(raw.surface) for raw in members
        if normal_name(raw.surface) in (root, root.replace("s ", "s' ", 1))  # "Sanders' team"
    )
    if written:
        best = min(written, key=lambda name: (-written[name], _casefold_then_case(name)))
        spelt = _lexicon_spellings().get(root)
        if spelt is not None and (best == best.lower() or spelt.casefold() == f"the {root}"):
            return spelt  # "kyiv" -> "Kyiv"; "Hill" -> "The Hill" (the name holds its "The")
        return best
    for raw in members:  # "Kremlin spokesman Dmitry Peskov": the key's words as written
        surface = _clean_alias(raw.surface)
        found = _find_ignoring_case(root, surface)
        if found is not None:
            return found
        # "Charles G. Koch": the key leaves out a middle initial that the text writes.
        # Without a period or an apostrophe the pattern finds no more than the literal did
        # (and compiling one per name cost more than all the rest of find_sources).
        if "." in surface or "'" in surface or "’" in surface:
            initialled = _with_initials(root).search(surface)
            if initialled is not None:
                return initialled.group(0)
        if " " not in root and ".".join(root) in surface.casefold():
            return _lexicon_spellings().get(root, root.upper())  # "the F.A.A." -> "FAA"
    return _lexicon_spellings().get(root, root)  # "the U.S." -> "United States"


@lru_cache(maxsize=4096)
def _with_initials(key: str) -> re.Pattern[str]:
    """The words of ``key`` with an optional middle initial between them (and a possessive
    after them: "Pennsylvania's Patrick J. Toomey"), any case."""
    words = [re.escape(w) for w in key.split()]
    return re.compile(
        r"(?<!\w)" + r"(?:['’]s)?\.?\s+(?:[A-Z]\.?\s+)?".join(words) + r"(?!\w)", re.IGNORECASE
    )


@lru_cache(maxsize=1)
def _lexicon_spellings() -> dict[str, str]:
    """The cue lexicon's spelling of each institution or outlet it names, by term:
    its first form ('kyiv' -> 'Kyiv', 'fox news' -> 'Fox News')."""
    from models.cues import default_finder

    return {
        normal_name(entry.term): (entry.forms or (entry.term,))[0]
        for entry in default_finder().lexicon.by_category("source")
        if entry.role in ("name", "metonym")
    }


def _slug(key: str) -> str:
    return re.sub(r"[^a-z0-9:]+", "-", key.casefold()).strip("-")


def source_rows(sources: Iterable[Source]) -> list[dict[str, object]]:
    """One row per source and article citing it: the rows of ``sources.csv``."""
    rows: list[dict[str, object]] = []
    for source in sources:
        by_article: dict[str, list[SourceMention]] = {}
        for m in source.mentions:
            by_article.setdefault(m.article_id, []).append(m)
        for article_id in sorted(by_article):
            ms = by_article[article_id]
            rows.append({
                "source_id": source.source_id,
                "source_name": source.name,
                "source_type": source.source_type,
                "aliases": "|".join(source.aliases),
                "article_id": article_id,
                "outlet": ms[0].outlet,
                "mentions": len(ms),
                "sentence_indices": ";".join(
                    str(i) for i in sorted({m.sentence_index for m in ms})),
                "report_verbs": "|".join(sorted({m.report_verb for m in ms if m.report_verb})),
                "via_mentions": sum(1 for m in ms if m.role == "via"),
                "merged_by": "|".join(source.merged_by),
                "texts": "|".join(dict.fromkeys(_clean_alias(m.text) for m in ms)),
            })
    return rows
