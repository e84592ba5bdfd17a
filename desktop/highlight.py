"""How cues are marked in the Read view: colours, legend, segments and tooltips.

Qt-free, so that the charts and the Methods page can use the same colours and
a test can check the layout of highlights without a widget.

Offsets in :mod:`models` count Python code points; Qt's text positions count
UTF-16 code units and fold a ``\\r\\n`` into one paragraph break.
:class:`OffsetMap` converts between the two.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from html import escape, unescape
from itertools import accumulate, pairwise
from typing import Any

from desktop.contrast import MIN_CONTRAST, contrast_ratio
from models.article import CATEGORIES, Article, Block, Span
from models.segment import role_label

# Paul Tol's "light" scheme is designed for fills behind black text; the
# "muted" scheme gives line colours that stay visible as a 1-pixel underline
# and dark enough for text. Both are distinguishable with the common forms of
# colour blindness. Three channels (fill, underline, bold coloured text) let
# overlapping cues of different kinds all show at once.


@dataclass(frozen=True, slots=True)
class CueStyle:
    """One legend entry: a cue category (and subcategory) and how it is drawn.

    ``mark`` is ``"background"`` (``colour`` fills behind the text),
    ``"underline"`` (``colour`` draws a ``line``: solid, dash, dot or wave) or
    ``"text"`` (the text itself is bold in ``colour``).
    ``line_colour`` is used when a background cue overlaps another background
    cue and has to give way to an underline.
    """

    key: str
    category: str
    subcategory: str
    label: str
    colour: str
    mark: str
    line: str
    line_colour: str
    description: str
    sample: str


CUE_STYLES: tuple[CueStyle, ...] = (
    CueStyle(
        "hedge:epistemic", "hedge", "epistemic", "Epistemic hedge",
        "#99DDFF", "background", "solid", "#0077BB",
        "Words that estimate how probable a claim is ('probably', 'may').", "probably",
    ),
    CueStyle(
        "hedge:evidential", "hedge", "evidential", "Evidential hedge",
        "#EEDD88", "background", "solid", "#AA8800",
        "Words that distance the writer by pointing to a source ('reportedly').",
        "reportedly",
    ),
    CueStyle(
        "hedge:weasel", "hedge", "weasel", "Weasel words",
        "#44BB99", "background", "solid", "#117755",
        "Vague attribution to unnamed people ('some argue', 'widely regarded').",
        "some argue",
    ),
    CueStyle(
        "hedge:vague", "hedge", "vague", "Vague quantity",
        "#DDDDDD", "background", "solid", "#777777",
        "Amounts left unspecified ('many', 'several').", "several",
    ),
    CueStyle(
        "hedge:approximator", "hedge", "approximator", "Approximator",
        "#BBCC33", "background", "solid", "#AAAA00",
        "A number given as approximate ('approximately', 'an estimated'): its precision "
        "is hedged, not the claim.", "approximately",
    ),
    CueStyle(
        "booster", "booster", "", "Booster",
        "#EE8866", "background", "solid", "#CC5500",
        "Words that signal certainty ('clearly', 'in fact').", "clearly",
    ),
    CueStyle(
        "attribution:neutral", "attribution", "neutral", "Attribution (neutral)",
        "#332288", "underline", "solid", "#332288",
        "Neutral report verbs and phrases ('said', 'according to').", "said",
    ),
    CueStyle(
        "attribution:factive", "attribution", "factive", "Attribution (factive)",
        "#117733", "underline", "dash", "#117733",
        "Report verbs that present the claim as true ('revealed', 'confirmed').",
        "revealed",
    ),
    CueStyle(
        "attribution:loaded", "attribution", "loaded", "Attribution (loaded)",
        "#CC3311", "underline", "wave", "#CC3311",
        "Report verbs that judge the speaker ('admitted', 'insisted').", "admitted",
    ),
    CueStyle(
        "source", "source", "", "Source",
        "#882255", "text", "solid", "#882255",
        "Named, anonymous and described sources ('the Defense Ministry', 'officials', "
        "'his wife').", "officials",
    ),
    CueStyle(
        "loaded", "loaded", "", "Loaded word",
        "#FFAABB", "background", "solid", "#EE3377",
        "Emotive, pejorative or dramatising words ('draconian').", "draconian",
    ),
)

STYLE_BY_KEY: dict[str, CueStyle] = {s.key: s for s in CUE_STYLES}
ALL_KEYS: frozenset[str] = frozenset(STYLE_BY_KEY)
# Earlier styles win the background when two background cues overlap.
_PRECEDENCE = {s.key: i for i, s in enumerate(CUE_STYLES)}

# Grey, and still 4.5:1 (WCAG AA) on white and on the sentence highlight (#8A8A8A was 3.5:1).
NOT_SCORED_COLOUR = "#6B6B6B"
RESTATING_COLOUR = "#AA4499"  # Tol purple: the margin bar beside restating sentences


def readable_on(colour: str, behind: str) -> str:
    """``colour``, darkened just enough to keep :data:`MIN_CONTRAST` on ``behind`` (a source's
    wine on a booster's or weasel word's fill was 3.5:1); the colour itself when it does."""
    channels = [int(colour.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4)]
    shade = colour
    for step in range(21):
        if contrast_ratio(shade, behind) >= MIN_CONTRAST:
            return shade
        shade = "#" + "".join(f"{round(c * (1 - (step + 1) / 20)):02X}" for c in channels)
    return shade


def keys_for_category(category: str) -> tuple[str, ...]:
    """Legend keys of a category ('hedge' -> epistemic and evidential)."""
    return tuple(s.key for s in CUE_STYLES if s.category == category)


def style_key(span: Span) -> str | None:
    """The legend key a span is drawn with; None for a category Framescope doesn't draw."""
    exact = f"{span.category}:{span.subcategory}"
    if exact in STYLE_BY_KEY:
        return exact
    keys = keys_for_category(span.category)
    return keys[0] if keys else None


def resolve_visible(categories: Iterable[str]) -> frozenset[str]:
    """Legend keys for a mix of categories ('hedge') and keys ('hedge:evidential').

    Raises ValueError for a name that is neither, so a typo does not silently
    hide a category.
    """
    keys: set[str] = set()
    for name in categories:
        if name in STYLE_BY_KEY:
            keys.add(name)
        elif name in CATEGORIES:
            keys.update(keys_for_category(name))
        else:
            raise ValueError(f"unknown cue category {name!r}")
    return frozenset(keys)


class OffsetMap:
    """Python string offsets (code points) to Qt document positions and back.

    A character outside the Basic Multilingual Plane (an emoji) is two UTF-16
    code units in Qt; a ``\\r\\n`` becomes one paragraph break, so its ``\\r``
    takes no position.
    """

    _NEEDS_MAP = re.compile("[\U00010000-\U0010ffff]|\r\n")

    def __init__(self, text: str) -> None:
        self._length = len(text)
        if self._NEEDS_MAP.search(text) is None:
            self._starts: list[int] | None = None
            self.document_length = len(text)
            return
        widths = [
            0 if ch == "\r" and text[i + 1 : i + 2] == "\n" else 2 if ord(ch) > 0xFFFF else 1
            for i, ch in enumerate(text)
        ]
        self._starts = [0, *accumulate(widths)]
        self.document_length = self._starts[-1]

    @property
    def is_identity(self) -> bool:
        return self._starts is None

    def to_document(self, offset: int) -> int:
        """Document position of text offset ``offset`` (0..len(text))."""
        offset = min(max(offset, 0), self._length)
        return offset if self._starts is None else self._starts[offset]

    def to_text(self, position: int) -> int:
        """Text offset of the character at document position ``position``."""
        position = min(max(position, 0), self.document_length)
        if self._starts is None:
            return position
        # The last offset whose start is <= position; a position inside a
        # surrogate pair or a folded \r\n maps to that character.
        return max(bisect.bisect_right(self._starts, position) - 1, 0)


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text (code-point offsets) with one block and one set of cues."""

    start: int
    end: int
    block: Block | None
    spans: tuple[Span, ...]

    @property
    def not_scored(self) -> bool:
        return self.block is not None and not self.block.role.is_scored


def placeable_spans(article: Article, spans: Iterable[Span]) -> list[Span]:
    """Spans whose offsets index ``article.text``.

    A headline given by a manifest is not in the text; its cues carry offsets
    into ``article.headline`` and are drawn in the header, not in the text.
    """
    headline_in_text = article.headline_sentence is not None
    n = len(article.text)
    return [
        s
        for s in spans
        if (headline_in_text or not s.in_headline) and 0 <= s.start < s.end <= n
    ]


def segments(
    text_length: int,
    blocks: Sequence[Block],
    spans: Sequence[Span],
    visible: Iterable[str] = ALL_KEYS,
) -> list[Segment]:
    """Cut the text where any block or visible span starts or ends.

    Returns the runs that need a format: those in a block that is not scored
    and those covered by one or more visible spans, in order.
    """
    shown = frozenset(visible)
    drawn = sorted(
        (s for s in spans if style_key(s) in shown and 0 <= s.start < s.end <= text_length),
        key=lambda s: (s.start, s.end),
    )
    grey = sorted(
        (b for b in blocks if not b.role.is_scored and b.start < b.end), key=lambda b: b.start
    )
    cuts = {0, text_length}
    for s in drawn:
        cuts.update((s.start, s.end))
    for block in grey:
        cuts.update((max(block.start, 0), min(block.end, text_length)))
    bounds = sorted(c for c in cuts if 0 <= c <= text_length)

    out: list[Segment] = []
    active: list[Span] = []
    next_span = 0
    block_i = 0
    for a, b in pairwise(bounds):
        while next_span < len(drawn) and drawn[next_span].start <= a:
            active.append(drawn[next_span])
            next_span += 1
        # Every span end is a cut, so a span still open at a covers all of a..b.
        active = [s for s in active if s.end > a]
        while block_i < len(grey) and grey[block_i].end <= a:
            block_i += 1
        covering = grey[block_i] if block_i < len(grey) and grey[block_i].start <= a else None
        if active or covering is not None:
            out.append(Segment(a, b, covering, tuple(active)))
    return out


@dataclass(frozen=True, slots=True)
class Marks:
    """How one segment is drawn: at most one fill, one underline and one text colour."""

    background: CueStyle | None
    underline: CueStyle | None
    underline_colour: str
    underline_line: str
    text: CueStyle | None = None


def marks(spans: Sequence[Span]) -> Marks:
    """Merge overlapping cues: a fill for the first background cue, an underline for
    the first underline cue; a second background cue falls back to an underline."""
    styles = sorted(
        {STYLE_BY_KEY[k] for s in spans if (k := style_key(s)) is not None},
        key=lambda st: _PRECEDENCE[st.key],
    )
    background = next((st for st in styles if st.mark == "background"), None)
    underline = next((st for st in styles if st.mark == "underline"), None)
    text = next((st for st in styles if st.mark == "text"), None)
    if underline is not None:
        return Marks(background, underline, underline.colour, underline.line, text)
    extra = next((st for st in styles if st.mark == "background" and st is not background), None)
    if extra is not None:
        return Marks(background, extra, extra.line_colour, "solid", text)
    return Marks(background, None, "", "", text)


def not_scored_text(block: Block) -> str:
    """'Not scored: caption — photo caption under an image'. A reason that opens with the
    role's name ('standfirst: the summary under the headline') is given without it."""
    label = role_label(block.role)
    text = f"Not scored: {label}"
    reason = block.reason.removeprefix(f"{label}: ")
    return f"{text} — {reason}" if reason else text


SCALE_NAMES = {
    "yardstick": "UK Probability Yardstick",
    "ICD-203": "ICD-203",
    "authors": "Framescope's reading; on neither scale",
}


@lru_cache(maxsize=1)
def _lexicon_index() -> dict[tuple[str, str], Any]:
    """Lexicon entries by (category, term), for their scale and note; empty without one."""
    try:
        from models.lexicons import load_lexicon
    except ImportError:
        return {}
    try:
        lexicon = load_lexicon()
    except (OSError, ValueError):  # LexiconError is a ValueError; the analysis reports it
        return {}
    return {(e.category, e.term.casefold()): e for e in lexicon.entries}


def lexicon_entry(span: Span) -> Any | None:
    """The shipped lexicon's entry for a span's term, or None."""
    return _lexicon_index().get((span.category, span.term.casefold()))


def probability_text(span: Span) -> str | None:
    """'likely: 55–75% (UK Probability Yardstick)' for an epistemic hedge with a range."""
    from desktop.methods_text import percent_range, probability_scale

    if span.probability_low is None or span.probability_high is None:
        return None
    low, high = span.probability_low, span.probability_high
    text = f"{span.term}: {percent_range(low, high)}"
    if span.negated:
        return f"not {text} (negated: the complement of the term's range)"
    entry = lexicon_entry(span)
    if (
        entry is not None
        and entry.scale in SCALE_NAMES
        and (entry.probability_low, entry.probability_high) == (low, high)
    ):
        return f"{text} ({SCALE_NAMES[entry.scale]})"
    scale = probability_scale(low, high)
    return f"{text} ({scale[0]})" if scale is not None else text


def span_tooltip_lines(span: Span, referent: str | None = None) -> list[str]:
    """Plain-text lines describing one cue, first line the heading. ``referent``: for a
    pronoun source, the person it is counted as a mention of (sources.csv)."""
    key = style_key(span)
    label = STYLE_BY_KEY[key].label if key is not None else span.category
    # "Epistemic hedge" already names its subcategory; "Source (anonymous)" needs it.
    shows_sub = not span.subcategory or span.subcategory in label.lower()
    heading = label if shows_sub else f"{label} ({span.subcategory})"
    lines = [f"{heading} — “{span.text}”"]
    lines.append(f"Category: {span.category}; subcategory: {span.subcategory or '—'}")
    lines.append(f"Lexicon term: {span.term}")
    if span.category == "hedge" and span.subcategory == "epistemic":
        lines.append(probability_text(span) or "No probability range for this term")
    if span.negated:
        lines.append("negated: not counted in the article's rates")
    entry = lexicon_entry(span)
    if entry is not None and entry.note:
        lines.append(f"Lexicon note: {entry.note}")
    if referent:
        lines.append(f"Refers to: {referent} (counted as a mention of this source in "
                     "sources.csv and the Sources chart)")
    if span.in_headline:
        lines.append("In the headline: not counted in the body's rates")
    return lines


def tooltip_html(
    segment: Segment, referents: Mapping[tuple[int, int], str] | None = None
) -> str:
    """Rich-text tooltip for a segment: its block if not scored, then every cue.
    ``referents``: whom pronoun sources name, by (start, end)
    (:func:`models.sources.pronoun_referents`)."""
    parts: list[str] = []
    if segment.not_scored and segment.block is not None:
        parts.append(f"<i>{escape(not_scored_text(segment.block))}</i>")
    for span in sorted(segment.spans, key=lambda s: (_PRECEDENCE.get(style_key(s) or "", 99))):
        referent = referents.get((span.start, span.end)) if referents and \
            span.category == "source" else None
        heading, *rest = span_tooltip_lines(span, referent)
        parts.append("<br>".join([f"<b>{escape(heading)}</b>", *map(escape, rest)]))
    if not parts:
        return ""
    return "<qt>" + "<hr>".join(parts) + "</qt>"


def tooltip_plain(tip: str) -> str:
    """A tooltip of :func:`tooltip_html` (or a dictionary's) as one line of plain text, for
    the status bar and a screen reader: its lines joined by '; ', its cues by ' | '."""
    cues = []
    for part in re.split(r"<hr\s*/?>", tip):
        lines = [unescape(re.sub(r"<[^>]+>", "", line)).strip()
                 for line in re.split(r"<br\s*/?>", part)]
        if text := "; ".join(line for line in lines if line):
            cues.append(text)
    return " | ".join(cues)


def legend_counts(spans: Iterable[Span]) -> dict[str, int]:
    """How many cues of each legend key a list of spans holds."""
    counts = dict.fromkeys(STYLE_BY_KEY, 0)
    for span in spans:
        key = style_key(span)
        if key is not None:
            counts[key] += 1
    return counts


def counts_in_rates(span: Span) -> bool:
    """Whether a cue enters the article's per-100-words rates: a body cue that is not
    negated (models.features.score_spans). A negated hedge ('not likely') and a cue in
    the headline are highlighted but not counted there."""
    return not span.negated and not span.in_headline


@dataclass(frozen=True)
class LegendCount:
    """One legend key's cues in an article: those its rate counts, and the highlighted
    ones it does not (in the headline, negated)."""

    counted: int = 0
    in_headline: int = 0
    negated: int = 0

    @property
    def not_counted(self) -> int:
        return self.in_headline + self.negated

    def chip_text(self, label: str) -> str:
        """'Epistemic hedge  5', or 'Epistemic hedge  5 (+2 not counted)'."""
        text = f"{label}  {self.counted}"
        return f"{text} (+{self.not_counted} not counted)" if self.not_counted else text

    def explanation(self) -> str:
        """What the chip's figures are, for its tooltip."""
        lines = [f"{self.counted} counted in the article's body (the table's rates per "
                 "100 words count these)."]
        if self.in_headline:
            lines.append(f"{self.in_headline} in the headline: highlighted, not counted in "
                         "the body's rates (the headline has its own columns).")
        if self.negated:
            lines.append(f"{self.negated} negated ('not likely', 'may not'): highlighted, "
                         "not counted (Help ▸ Methods).")
        return "\n".join(lines)


def legend_counts_by_rate(spans: Iterable[Span]) -> dict[str, LegendCount]:
    """Each legend key's cues, split into those the article's rates count and those they
    leave out (headline, negated), so that the legend's figures match the table's."""
    counted = dict.fromkeys(STYLE_BY_KEY, 0)
    headline = dict.fromkeys(STYLE_BY_KEY, 0)
    negated = dict.fromkeys(STYLE_BY_KEY, 0)
    for span in spans:
        key = style_key(span)
        if key is None:
            continue
        if span.in_headline:
            headline[key] += 1
        elif span.negated:
            negated[key] += 1
        else:
            counted[key] += 1
    return {key: LegendCount(counted[key], headline[key], negated[key]) for key in STYLE_BY_KEY}
