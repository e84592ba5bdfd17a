"""The data an analysis works on: an article's text, its layout and its cues.

Every offset (``start``, ``end``) indexes :attr:`Article.text`, the decoded
text of the file (for HTML, the extracted main text), so that
``article.text[span.start:span.end] == span.text`` always holds.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field, fields
from enum import StrEnum
from itertools import compress
from operator import attrgetter


class Role(StrEnum):
    """What a block of an article's text is. Only :attr:`BODY` is scored."""

    HEADLINE = "headline"
    KICKER = "kicker"  # a short label above or below the headline ("NO ESCAPE")
    SECTION = "section"  # a section label ("Russia")
    STANDFIRST = "standfirst"  # the summary line under the headline
    BODY = "body"
    CROSSHEAD = "crosshead"  # a short subheading inside the body ("Travel restrictions")
    CAPTION = "caption"  # a photo caption
    CREDIT = "credit"  # a photo credit ("Gavriil Grigorov/Sputnik via Reuters")
    IMAGE_FILE = "image_file"  # an image file name left in the text
    ADVERT = "advert"  # "ADVERTISEMENT"
    LINK_LIST = "link_list"  # "Keep reading:" and the link titles after it, teasers
    PAYWALL = "paywall"  # "Log in or create an account…"
    FOOTER = "footer"  # copyright lines
    DATELINE = "dateline"  # "(PatriotWise.com) —" kept apart from the body sentence
    METADATA = "metadata"  # "date 2023-05-18" and similar machine residue

    @property
    def is_scored(self) -> bool:
        return self is Role.BODY


@dataclass(frozen=True, slots=True)
class Block:
    """A run of the article's text with one role, and why it got that role."""

    start: int
    end: int
    role: Role
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the body, or the headline (``index == -1``)."""

    index: int
    start: int
    end: int
    text: str

    @property
    def in_headline(self) -> bool:
        return self.index == HEADLINE_INDEX


HEADLINE_INDEX = -1

def sentence_place(index: int) -> str:
    """A sentence as the app names it, counted from 1, with the ``sentence_index`` the
    CSV files give it (counted from 0; the headline -1): "sentence 15 (sentence_index
    14)", "headline (sentence_index -1)". Said beside each other, the two numbers cannot
    be taken one for the other (ux22, session 22: the app's "sentence 15" was looked up
    as sentence_index 15)."""
    name = "headline" if index == HEADLINE_INDEX else f"sentence {index + 1}"
    return f"{name} (sentence_index {index})"
_INDEX = attrgetter("index")
#: The fields :func:`make_sentence` sets, in declaration order.
SENTENCE_FIELDS = ("index", "start", "end", "text")


def _sentence_maker() -> Callable[[int, int, int, str], Sentence]:
    """``Sentence(index, start, end, text)`` without the frozen ``__init__`` (four
    ``object.__setattr__`` calls by name): each slot is set through its descriptor,
    in about half the time. Sentences are made by the hundred thousand (the readers
    split every block; the pool's parent rebuilds every article its workers read).
    Only while Sentence's fields are :data:`SENTENCE_FIELDS`, with nothing run after
    ``__init__``; else ``Sentence`` itself."""
    if (
        tuple(f.name for f in fields(Sentence)) != SENTENCE_FIELDS
        or hasattr(Sentence, "__post_init__")
        or not all(f.init for f in fields(Sentence))
    ):
        return Sentence
    new = object.__new__
    s0, s1, s2, s3 = (getattr(Sentence, name).__set__ for name in SENTENCE_FIELDS)

    def make(index: int, start: int, end: int, text: str) -> Sentence:
        sentence: Sentence = new(Sentence)
        s0(sentence, index)
        s1(sentence, start)
        s2(sentence, end)
        s3(sentence, text)
        return sentence

    return make


#: Makes a Sentence from (index, start, end, text), positional: equal to ``Sentence(...)``.
make_sentence = _sentence_maker()


@dataclass(frozen=True, slots=True)
class Span:
    """One cue found in the text: a hedge, booster, attribution, source or loaded word.

    ``category`` is one of :data:`CATEGORIES`; ``subcategory`` refines it
    (``epistemic``/``evidential``; ``neutral``/``factive``/``loaded``;
    ``person``/``institution``/``media``/``anonymous``; for loaded words the
    lexicon's kind). Epistemic hedges carry an estimative-probability range
    from 0 to 1; a negated hedge ("not likely") carries the complementary range.
    """

    start: int
    end: int
    text: str
    category: str
    subcategory: str
    term: str
    sentence_index: int
    probability_low: float | None = None
    probability_high: float | None = None
    negated: bool = False

    @property
    def in_headline(self) -> bool:
        return self.sentence_index == HEADLINE_INDEX


CATEGORIES: tuple[str, ...] = ("hedge", "booster", "attribution", "source", "loaded")


#: The fields :func:`make_span` sets, in declaration order.
SPAN_FIELDS = (
    "start", "end", "text", "category", "subcategory", "term", "sentence_index",
    "probability_low", "probability_high", "negated",
)


def _span_maker() -> Callable[..., Span]:
    """``Span(*values)`` without the frozen ``__init__`` (ten ``object.__setattr__``
    calls by name): each slot is set through its descriptor, in half the time. Spans
    are made by the hundred thousand: moved to their sentences in a worker, rebuilt
    from tuples here, and made once per distinct sentence by the cue finder. Only while
    Span's fields are :data:`SPAN_FIELDS`, with nothing run after ``__init__``; else
    ``Span`` itself."""
    if (
        tuple(f.name for f in fields(Span)) != SPAN_FIELDS
        or hasattr(Span, "__post_init__")
        or not all(f.init for f in fields(Span))
    ):
        return Span
    new = object.__new__
    s0, s1, s2, s3, s4, s5, s6, s7, s8, s9 = (getattr(Span, n).__set__ for n in SPAN_FIELDS)

    def make(
        start: int, end: int, text: str, category: str, subcategory: str, term: str,
        sentence_index: int, probability_low: float | None = None,
        probability_high: float | None = None, negated: bool = False,
    ) -> Span:
        span: Span = new(Span)
        s0(span, start)
        s1(span, end)
        s2(span, text)
        s3(span, category)
        s4(span, subcategory)
        s5(span, term)
        s6(span, sentence_index)
        s7(span, probability_low)
        s8(span, probability_high)
        s9(span, negated)
        return span

    return make


#: Makes a Span from its field values in order (positional): equal to ``Span(...)``.
make_span = _span_maker()


@dataclass(slots=True)
class Article:
    """One news article: its text, layout, metadata and sentences.

    ``outlet_origin`` says where the outlet name came from (``manifest``,
    ``html``, ``title`` (the web page's title), ``print``, ``url``, ``dateline``,
    ``copyright``, ``byline``, ``filename`` or ``user``), so the app can show how sure
    it is and the user can correct it.
    """

    article_id: str
    text: str
    blocks: tuple[Block, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    source: str = ""
    outlet: str = ""
    outlet_origin: str = ""
    headline: str = ""
    date: str = ""
    language: str = ""
    url: str = ""
    content_hash: str = ""
    notes: tuple[str, ...] = field(default=())

    @property
    def headline_sentence(self) -> Sentence | None:
        for sentence in self.sentences:
            if sentence.in_headline:
                return sentence
        return None

    @property
    def body_sentences(self) -> tuple[Sentence, ...]:
        # The sentences not in_headline, without a Python loop (asked for several
        # times per article by the analysis).
        sentences = self.sentences
        return tuple(compress(sentences, map(HEADLINE_INDEX.__ne__, map(_INDEX, sentences))))

    def blocks_with_role(self, role: Role) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.role is role)


def unique_id(candidate: str, used: set[str]) -> str:
    """``candidate``, or ``candidate-2``, ``-3``… if taken; the result is added to ``used``."""
    result, number = candidate, 1
    while result in used:
        number += 1
        result = f"{candidate}-{number}"
    used.add(result)
    return result


def outlet_key(name: str) -> str:
    """What tells outlets apart: the name with case and runs of white space ignored
    ("CNN", "cnn" and " CNN " are one outlet)."""
    return " ".join(name.split()).casefold()


class OutletNames:
    """The one name each outlet goes by in a reading: the first spelling met among names
    that differ only in case or white space (:func:`outlet_key`), its runs of white space
    made one space. A manifest's "CNN" and a corpus file's "cnn" were two outlets, with
    two bars, two means and two rows of outlets.csv."""

    __slots__ = ("_names",)

    def __init__(self, known: Iterable[str] = ()) -> None:
        self._names: dict[str, str] = {}
        for name in known:
            # As written: an outlet already loaded (perhaps named by hand) keeps its name,
            # and a new article's spelling of it joins it exactly.
            self._names.setdefault(outlet_key(name), name)

    def name(self, written: str) -> str:
        """The outlet's name for ``written``: the first spelling of its key."""
        return self._names.setdefault(outlet_key(written), " ".join(written.split()))


#: How a reason begins (after a count, if any) when the text was read before, by the
#: readers (models.readers) or by the app in an earlier load: a duplicate, not a failure.
READ_TWICE = "already read (not analysed twice)"
ALREADY_LOADED = "Already loaded"

#: Where an outlet stated with the article itself comes from: a corpus file's outlet column
#: ("table") or web address ("url"), a manifest. Two copies of one text stated under
#: different outlets are two outlets' articles (wire copy that both ran), not one article
#: read twice; an outlet found in a file name says nothing of who ran the text.
STATED_OUTLET_ORIGINS: frozenset[str] = frozenset({"table", "url", "manifest"})


def stated_outlet(article: Article) -> str:
    """The outlet ``article`` is stated to be from (:data:`STATED_OUTLET_ORIGINS`), as
    outlets are compared (case and spaces aside: "CNN" and "cnn "), else ''."""
    if article.outlet_origin not in STATED_OUTLET_ORIGINS:
        return ""
    return outlet_key(article.outlet)


def read_counts(errors: Iterable[ReadError]) -> tuple[int, int]:
    """(files not read, files read in part) among ``errors``, each file counted once: a
    corpus file with rows left out and rows read before is one file read in part, not
    one read in part and one not read (audit s34); notices are neither."""
    not_read = {e.file for e in errors if not e.notice and not e.partial}
    in_part = {e.file for e in errors if not e.notice and e.partial} - not_read
    return len(not_read), len(in_part)


def held_texts(articles: Iterable[Article]) -> dict[str, set[str]]:
    """Each content hash of ``articles`` (none for an article without one) -> the stated
    outlets it is held under (:func:`stated_outlet`), for :func:`copy_of_held`."""
    held: dict[str, set[str]] = {}
    for article in articles:
        if article.content_hash:
            held.setdefault(article.content_hash, set()).add(stated_outlet(article))
    return held


def copy_of_held(outlet: str, held: Collection[str]) -> bool:
    """Whether an article of :func:`stated_outlet` ``outlet`` is a copy of a text held
    under the stated outlets ``held`` ('' for one not stated): it is, unless both state
    their outlets and they differ (audit s34: an outlet that ran wire copy verbatim lost
    its article, and left outlets.csv, as "already read")."""
    return not outlet or "" in held or outlet in held
#: ReadError.notice of a file of another type passed over in a folder.
SKIPPED = "skipped"
#: ReadError.notice of an article loaded without body text (a headline alone).
NO_BODY = "no body"
#: ReadError.notice of an article loaded whose body does not read as English.
NOT_ENGLISH = "not English"


@dataclass(frozen=True, slots=True)
class ReadError:
    """A file that could not be read, and why, in words a user understands.

    ``partial``: the file was read, and only a part of it left out (rows without text,
    an export's article without a body): the file's other articles were loaded.
    ``articles``: how many articles the problem leaves out, when it names several
    (a file's duplicates, reported in one message).
    ``notice``: not a failure to read but something the user should know:
    :data:`SKIPPED` (a file of a type Framescope does not read, passed over in a folder
    the user opened), :data:`NO_BODY` (an article read and loaded, with no body text
    to score) or :data:`NOT_ENGLISH` (an article loaded whose body does not read as
    English, so that its scores mean little).
    ``detail``: what a developer needs beyond the reason (a parser's own words, or a
    fault's exception and traceback: :func:`models.faults.fault_detail`), for the
    diagnostics log and a bug report; never article text, never in errors.csv, and not
    part of the problem's identity (two problems that differ only in it are equal).
    """

    file: str
    reason: str
    partial: bool = False
    articles: int = 1
    notice: str = ""
    detail: str = field(default="", compare=False)

    @property
    def is_duplicate(self) -> bool:
        """The same text as an article read or loaded before: left out, not unreadable."""
        return self.reason.startswith(ALREADY_LOADED) or READ_TWICE in self.reason
