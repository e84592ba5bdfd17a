"""How every Framescope chart looks: palettes, labels, footer, and rendering.

Qt-free and pyplot-free: charts draw on a :class:`matplotlib.figure.Figure`
they are given, so the GUI canvas, the command line and the tests share them.
Colour choices are colour-blind safe: Okabe–Ito for outlets (categorical),
ColorBrewer diverging maps centred on 0 for signed numbers, cividis for 0–1.
"""

from __future__ import annotations

import functools
import math
import re
import textwrap
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Literal, Protocol, Self, runtime_checkable
from weakref import WeakKeyDictionary, WeakSet

import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backend_bases import MouseEvent
from matplotlib.collections import QuadMesh
from matplotlib.colorbar import Colorbar
from matplotlib.colors import Colormap, Normalize
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.image import AxesImage
from matplotlib.text import Text
from matplotlib.transforms import IdentityTransform, ScaledTranslation

from models.compare import outlet_names
from models.evidence import SentenceRef
from models.features import ArticleAnalysis

# Okabe, M., Ito, K. (2008). Color Universal Design: how to make figures and
# presentations that are friendly to colorblind people.
OKABE_ITO: dict[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky blue": "#56B4E9",
    "bluish green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish purple": "#CC79A7",
}
# Black is kept for article points, whiskers and text, so outlets cycle through the rest.
OUTLET_PALETTE: tuple[str, ...] = tuple(c for name, c in OKABE_ITO.items() if name != "black")

# ColorBrewer diverging maps (safe for the common colour-vision deficiencies).
ZSCORE_CMAP = "PuOr_r"  # purple below the other outlets, orange above
TONE_CMAP = "RdBu"  # red negative, blue positive
SIMILARITY_CMAP = "cividis"  # sequential, perceptually uniform, CVD-optimised

INK = "#222222"
MUTED = "#666666"
GRID = "#DDDDDD"
MISSING_FILL = "#E4E4E4"
MISSING_HATCH_COLOUR = "#B0B0B0"
EM_DASH = "–"
EMPTY_MESSAGE = "No articles loaded"
EMPTY_SIZE = (8.0, 4.5)  # inches: a figure that only says it is empty

TITLE_SIZE = 13.0
LABEL_SIZE = 10.0
NOTE_SIZE = 8.5
FOOTER_SIZE = 7.5
MANY_COLUMNS = 8  # beyond this many outlet columns, their names stand upright


def _outlet_sort_key(name: str) -> tuple[str, str]:
    # Same order as models.compare.outlet_names.
    return (name.casefold(), name)


def _colour_order(outlets: Iterable[str], loaded: Iterable[str]) -> list[str]:
    """``loaded`` in its own order, then the other ``outlets`` in sorted-name order."""
    ordered = list(dict.fromkeys(loaded))
    known = set(ordered)
    return ordered + sorted(set(outlets) - known, key=_outlet_sort_key)


def outlet_colours(outlets: Iterable[str], loaded: Sequence[str] = ()) -> dict[str, str]:
    """Outlet -> Okabe–Ito colour by the outlet's place in ``loaded``: the window's colour
    order (desktop.outlet_order.keep_outlet_order) of every outlet loaded, those of excluded
    articles too, so an outlet keeps its colour when another is excluded, included again or
    loaded. Outlets not in ``loaded`` follow in sorted-name order; without ``loaded`` (the
    command line) the outlets are coloured in sorted-name order: stable across charts, and
    the same inputs give the same colours."""
    shown = set(outlets)
    return {o: OUTLET_PALETTE[i % len(OUTLET_PALETTE)]
            for i, o in enumerate(_colour_order(shown, loaded)) if o in shown}


# Marker shapes for outlets past the palette's seven colours: circle, square, triangle, diamond.
OUTLET_MARKERS: tuple[str, ...] = ("o", "s", "^", "D")


def outlet_markers(outlets: Iterable[str], loaded: Sequence[str] = ()) -> dict[str, str]:
    """Outlet -> marker shape, in :func:`outlet_colours`' order (``loaded`` as there): the
    first seven outlets are circles, the next seven squares and so on, so no two outlets
    share both colour and shape until 28."""
    shown = set(outlets)
    size = len(OUTLET_PALETTE)
    return {o: OUTLET_MARKERS[(i // size) % len(OUTLET_MARKERS)]
            for i, o in enumerate(_colour_order(shown, loaded)) if o in shown}


def outlet_label(outlet: str) -> str:
    """The name shown for an outlet; an empty name is said to be unknown."""
    return outlet if outlet.strip() else "(unknown outlet)"


# Characters of a headline kept in an article's label (the rest becomes "…").
ARTICLE_HEADLINE_CHARS = 40


def article_labels(analyses: Sequence[ArticleAnalysis]) -> list[str]:
    """A name a person recognises for each article: "outlet · headline" (shortened to
    :data:`ARTICLE_HEADLINE_CHARS`), "outlet · file name" without a headline, the outlet
    alone where the file name is the outlet; where two labels would be the same, each
    adds its article id in brackets."""
    labels = [article_label(a) for a in analyses]
    counts: dict[str, int] = {}
    for label in labels:
        counts[label] = counts.get(label, 0) + 1
    return [
        f"{label} ({a.article_id})" if counts[label] > 1 and a.article_id not in label else label
        for label, a in zip(labels, analyses, strict=True)
    ]


def article_label(analysis: ArticleAnalysis) -> str:
    """One article's name for a person: "outlet · headline" (see :func:`article_labels`)."""
    outlet = outlet_label(analysis.outlet)
    headline = " ".join(analysis.article.headline.split())
    if headline:
        return f"{outlet} · {textwrap.shorten(headline, ARTICLE_HEADLINE_CHARS, placeholder='…')}"
    if analysis.article_id == analysis.outlet:
        return outlet
    return f"{outlet} · {analysis.article_id}"


def wrap_label(text: str, max_lines: int = 2, min_width: int = 14) -> str:
    """Wrap ``text`` at word boundaries onto at most ``max_lines`` lines, never cutting it."""
    if len(text) <= min_width:
        return text
    width = max(min_width, math.ceil(len(text) / max_lines))
    while True:
        lines = textwrap.wrap(text, width=width, break_long_words=False, break_on_hyphens=False)
        if len(lines) <= max_lines or width >= len(text):
            return "\n".join(lines)
        width += 1


def wrap_name(text: str, max_lines: int = 2, min_width: int = 14) -> str:
    """Wrap a name as :func:`wrap_label` does, where a line may also end after a hyphen or
    an underscore: outlets named after their files ('kremlin-resignations',
    'city_hall_news') are one long word otherwise, and turned every name under the bars
    45° (ux4's walkthrough, session 33). A name keeps its compounds whole ('Spanish-language
    / outlet') unless breaking one shortens its longest line by 3 characters or more. Never
    cut; a word without such a break stays whole."""
    whole = wrap_label(text, max_lines, min_width)
    broken = _wrap_at_breaks(text, max_lines, min_width)

    def longest(lines: str) -> int:
        return max(len(line) for line in lines.split("\n"))

    return broken if longest(broken) <= longest(whole) - 3 else whole


def _wrap_at_breaks(text: str, max_lines: int, min_width: int) -> str:
    """``text`` on at most ``max_lines`` lines that may end at a space, or after a hyphen
    or an underscore."""
    if len(text) <= min_width:
        return text
    pieces = [p for p in re.split(r"(?<=[-_])(?=[^-_\s])|\s+", text) if p]
    width = max(min_width, math.ceil(len(text) / max_lines))
    while True:
        lines: list[str] = []
        for piece in pieces:
            joined = (lines[-1] + ("" if lines[-1].endswith(("-", "_")) else " ") + piece
                      if lines else piece)
            if lines and len(joined) <= width:
                lines[-1] = joined
            else:
                lines.append(piece)
        if len(lines) <= max_lines or width >= len(text):
            return "\n".join(lines)
        width += 1


@functools.lru_cache(maxsize=4096)
def text_width_pt(text: str, size: float) -> float:
    """The width (points) of ``text``'s widest line in the charts' font at ``size`` points,
    measured from the font's glyphs (no figure or renderer needed)."""
    from matplotlib.textpath import TextToPath

    measure = TextToPath()
    prop = FontProperties(size=size)
    return max((measure.get_text_width_height_descent(line, prop, ismath=False)[0]
                for line in text.split("\n") if line), default=0.0)


def fit_fontsize(points_per_item: float, low: float = 5.0, high: float = 9.0) -> float:
    """A tick-label size that fits ``points_per_item`` of axis length per label."""
    return max(low, min(high, 0.72 * points_per_item))


def _decimals(magnitude: float) -> int:
    """2 decimals below 10, 1 below 100, none above (about three significant digits),
    judged on the rounded number: 9.996 is "10.0", not "10.00"."""
    digits = 2 if magnitude < 10 else 1 if magnitude < 100 else 0
    if digits and round(magnitude, digits) >= 10 ** (3 - digits):
        digits -= 1
    return digits


def shared_decimals(values: Iterable[float]) -> int:
    """The decimals :func:`format_number` gives the largest of ``values`` (2 when none is
    defined): one measure's numbers written side by side with the same decimals, "10.0"
    beside "5.0" rather than beside "5.00", as in a table column."""
    finite = [abs(float(v)) for v in values if v is not None and math.isfinite(v)]
    return _decimals(max(finite)) if finite else 2


def format_number(value: float | None, signed: bool = False, digits: int | None = None) -> str:
    """A short cell label: 2 decimals below 10, 1 below 100, none above (or ``digits``
    decimals, e.g. :func:`shared_decimals` of its row); '–' if undefined."""
    if value is None or math.isnan(value):
        return EM_DASH
    if digits is None:
        digits = _decimals(abs(value))
    # A value that rounds to zero carries no sign ("0.00", never "+0.00" or "-0.00").
    if round(value, digits) == 0:
        value = 0.0
    text = f"{value:+.{digits}f}" if signed and value != 0 else f"{value:.{digits}f}"
    # A typographic minus, as matplotlib uses on its own tick labels.
    return text.replace("-", "−")


def relative_luminance(rgba: Sequence[float]) -> float:
    """WCAG relative luminance of an RGB(A) colour with channels from 0 to 1."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(float(c)) for c in rgba[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def cell_colours(cmap: Colormap, norm: Normalize, values: Any) -> np.ndarray:
    """The RGBA colour (channels from 0 to 1) of every value of ``values``, in one colormap
    call: an array of ``values``' shape plus 4. Coloured one cell at a time, numpy let go of
    the interpreter lock once a cell (the colormap's ``take``): 600-900 times in 60 ms for a
    30-outlet heatmap or similarity matrix, which starved the window's GUI thread while the
    chart was drawn on a thread (issue 6 item 3; see desktop/chart_pixels.py)."""
    return np.asarray(cmap(norm(np.asarray(values, dtype=float))), dtype=float)


def text_colour_on(rgba: Sequence[float]) -> str:
    """Black or white, whichever contrasts more with a cell of colour ``rgba``."""
    lum = relative_luminance(rgba)
    # Contrast ratio against white (lum 1) vs black (lum 0), per WCAG.
    return "white" if (1.05 / (lum + 0.05)) > ((lum + 0.05) / 0.05) else "black"


def count_phrase(n: int, singular: str, plural: str | None = None) -> str:
    return f"{n} {singular if n == 1 else (plural or singular + 's')}"


def footer_text(n_articles: int, n_outlets: int, version: str) -> str:
    """The standard footer: 'N articles · M outlets · Framescope <version>'."""
    return (
        f"{count_phrase(n_articles, 'article')} · {count_phrase(n_outlets, 'outlet')} · "
        f"Framescope {version}"
    )


def target_axes(target: Figure | Axes) -> tuple[Figure, Axes]:
    """The figure and a single axes to draw on: a new full-figure axes for a Figure."""
    if isinstance(target, Figure):
        return target, target.add_subplot()
    fig = target.get_figure(root=True)
    if not isinstance(fig, Figure):
        raise TypeError("the axes is not in a Figure")
    return fig, target


def wrap_to_width(text: str, width_in: float, fontsize: float) -> str:
    """Wrap ``text`` to lines no wider than ``width_in`` inches at ``fontsize`` points."""
    # DejaVu Sans averages about 0.55 em per character in running text.
    chars = max(20, int(width_in * 72 / (0.55 * fontsize)))
    return textwrap.fill(text, width=chars)


def set_titles(
    target: Figure | Axes, ax: Axes, title: str, note: str = "",
    note_width_in: float | None = None,
) -> None:
    """The chart title (on the figure when drawing a whole figure) and a grey note under it.

    The note is wrapped to ``note_width_in`` (default: 62% of the figure's
    width), the axes' likely width: constrained layout makes room for a
    title's height but never shortens its lines.
    """
    fig = ax.get_figure(root=True)
    if isinstance(target, Figure):
        target.suptitle(title, fontsize=TITLE_SIZE, fontweight="bold")
        if note:
            _NOTES[ax] = (note, note_width_in)
            _set_note(target, ax, note, note_width_in)
        return
    if note and isinstance(fig, Figure):
        width = note_width_in or 0.62 * float(fig.get_size_inches()[0])
        note = wrap_to_width(note, max(1.5, width), NOTE_SIZE)
    ax.set_title(f"{title}\n{note}" if note else title, fontsize=LABEL_SIZE)


#: A whole figure's notes as written, by axes (with their width), for the screen's copy.
_NOTES: WeakKeyDictionary[Axes, tuple[str, float | None]] = WeakKeyDictionary()
#: A note's technical sentence (models.measures.lead_and_method); "1.96" or "0.35" does not
#: end it.
METHOD_SENTENCE = re.compile(r"\s*Method: .*?\.(?=\s|$)", re.DOTALL)


def _set_note(fig: Figure, ax: Axes, note: str, note_width_in: float | None) -> None:
    width = note_width_in or 0.62 * float(fig.get_size_inches()[0])
    ax.set_title(wrap_to_width(note, max(1.5, width), NOTE_SIZE) if note else "",
                 loc="left", fontsize=NOTE_SIZE, color=MUTED)


def replace_note(fig: Figure, ax: Axes, note: str, *, wrapped: bool = False) -> None:
    """Write ``note`` as ``ax``'s note on ``fig`` (set_titles' width), in place of the one
    the chart wrote: a chart drawn for the window says less than its exports.
    ``wrapped``: the note comes broken into its lines (:func:`wrap_to_points`), as is."""
    width = _NOTES[ax][1] if ax in _NOTES else None
    _NOTES[ax] = (note, width)
    if wrapped:
        ax.set_title(note, loc="left", fontsize=NOTE_SIZE, color=MUTED)
        return
    _set_note(fig, ax, note, width)


def wrap_to_points(text: str, width_pt: float, size: float) -> str:
    """``text`` broken at spaces into lines no wider than ``width_pt`` points at ``size``
    points, each line measured in the charts' font (:func:`text_width_pt`), not estimated:
    a line that must not run past the figure's edge. A word wider than that is a line."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width_pt(f"{lines[-1]} {word}", size) <= width_pt:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return "\n".join(lines)


def note_lines(note: str, figure_width_in: float) -> int:
    """How many lines a figure's note takes on a figure ``figure_width_in`` inches wide
    (set_titles' width when the chart gives none)."""
    if not note:
        return 0
    return len(wrap_to_width(note, max(1.5, 0.62 * figure_width_in), NOTE_SIZE).split("\n"))


#: The axis title of outlets' names (bars, a grid's columns or rows): exports keep it; the
#: window leaves it out under or over columns, where the names and the chart's title say
#: they are outlets and a line of a short screen is the chart's (ux25's bars first, then the
#: grids). Beside rows it costs no height, and it names 30 outlets' rows where the view opens
#: (ux13), so it stays there.
OUTLET_AXIS = "Outlet"


def leave_out_outlet_axis_titles(fig: Figure) -> None:
    """The figure's axes without an :data:`OUTLET_AXIS` title over or under their columns,
    drawn for the window."""
    for ax in fig.axes:
        if ax.get_xlabel() == OUTLET_AXIS:
            ax.set_xlabel("")


def drop_method_sentences(fig: Figure) -> None:
    """The figure's notes without their "Method: …" sentence: drawn in the window, whose
    description above the chart gives the method already. Exports keep it."""
    for ax in fig.axes:
        entry = _NOTES.get(ax)
        if entry is not None and "Method: " in entry[0]:
            _set_note(fig, ax, METHOD_SENTENCE.sub("", entry[0], count=1).strip(), entry[1])


def count_ticks(colorbar: Colorbar) -> None:
    """Whole numbers only on a colour bar of counts (mentions, words): the sources chart's
    bar read "2.5 … 12.5" mentions (ux4's walkthrough, session 33). As many as the bar's
    length has room for: ten on the reuse bar of a short window ran into each other."""
    from matplotlib.ticker import MaxNLocator

    colorbar.set_ticks(MaxNLocator(nbins="auto", integer=True))


#: Points of the colour bars' numbers and names.
COLOUR_BAR_SIZE = 8.0


def name_colour_bar(colorbar: Colorbar, name: str) -> None:
    """Write ``name`` over ``colorbar``, level (a name along a bar taller than the Compare
    view, centred, was cut by the view's edge), with its numbers at COLOUR_BAR_SIZE.

    It starts at the bar's left edge and runs over the numbers' side, half a line over the
    top number (centred on the bar's top end). It was the bar's title, ended at the bar's
    right edge, ~1 pt over that number; constrained layout counts a title's middle only,
    and it ran left over the grid's last column (the seeds' profile: "average outlet" over
    its cells). As the bar's y-axis label, level, its whole width is counted: the figure
    keeps room for it at the right."""
    cax = colorbar.ax
    cax.tick_params(labelsize=COLOUR_BAR_SIZE)
    cax.set_ylabel(name, fontsize=COLOUR_BAR_SIZE, rotation=0, ha="left", va="bottom",
                   multialignment="left")
    above = cax.transAxes + ScaledTranslation(
        0.0, (0.6 * COLOUR_BAR_SIZE + 4.0) / 72, cax.figure.dpi_scale_trans)
    cax.yaxis.set_label_coords(0.0, 1.0, transform=above)


def draw_empty(target: Figure | Axes, title: str, message: str = EMPTY_MESSAGE) -> Axes:
    """A blank chart that says why it is blank, instead of raising."""
    _, ax = target_axes(target)
    ax.set_axis_off()
    ax.text(
        0.5, 0.5, message, transform=ax.transAxes, ha="center", va="center",
        fontsize=LABEL_SIZE + 2, color=MUTED,
    )
    set_titles(target, ax, title)
    return ax


@runtime_checkable
class Chart(Protocol):
    """A Display object: computed once from analyses, then drawn on any Figure.

    ``rows()`` returns the numbers behind the chart (columns, one dict per row),
    for "export data as CSV"; ``hover_text`` describes what is under the pointer
    (data coordinates of ``ax``) for the GUI's tooltip; ``sentences_at`` lists the
    sentences behind the bar, cell or point under a mouse event (what a click
    shows in the GUI's evidence list). ``size_hint()`` is the smallest size in inches at
    which the chart stays readable (it grows with the number of outlets/articles).
    """

    key: str
    title: str
    n_articles: int
    n_outlets: int

    @property
    def stem(self) -> str:
        """A file name stem for its exports, e.g. 'measure_by_outlet-boosters_per_100w'."""
        ...

    def plot(self, target: Figure | Axes) -> None: ...

    def rows(self) -> tuple[list[str], list[dict[str, Any]]]: ...

    def size_hint(self) -> tuple[float, float]: ...

    def hover_text(self, ax: Axes, x: float, y: float) -> str | None: ...

    def sentences_at(self, event: MouseEvent) -> list[SentenceRef]: ...

    def figure(self, version: str) -> Figure: ...


def add_footer(fig: Figure, text: str) -> Text:
    """Small grey text at the bottom right, with room kept for it by constrained layout."""
    # supxlabel takes part in constrained layout, so the footer never overlaps
    # the axes' labels or a bottom colorbar, whatever the figure's size.
    return fig.supxlabel(text, x=0.995, ha="right", fontsize=FOOTER_SIZE, color=MUTED)


def _description_gives_method(chart: Chart) -> bool:
    """Whether the window's description of ``chart``'s kind has its "Method:" sentence."""
    from desktop.charts import CHART_KINDS  # the kinds' registry imports this module

    key = getattr(chart, "key", "")
    return any(k.key == key and "Method:" in k.description for k in CHART_KINDS)


def render(
    chart: Chart, version: str, figure: Figure | None = None, *, screen: bool = False
) -> Figure:
    """Draw ``chart`` with its footer into ``figure`` (cleared first) or a new Figure.
    ``screen``: drawn for the window, less what the window already says (the chart's
    optional ``for_screen(figure)``); exports and copies are drawn whole."""
    if figure is None:
        figure = Figure(figsize=chart.size_hint(), layout="constrained")
    else:
        figure.clear()
        figure.set_layout_engine("constrained")
    chart.plot(figure)
    if screen and _description_gives_method(chart):
        drop_method_sentences(figure)
    if screen:
        leave_out_outlet_axis_titles(figure)
    if screen and (for_screen := getattr(chart, "for_screen", None)) is not None:
        for_screen(figure)
    footer = footer_text(chart.n_articles, chart.n_outlets, version)
    # A chart whose axes name its measure in plain words names the method in an export's
    # footer (the window's description gives it); an empty chart measured nothing.
    if not screen and chart.n_articles and (method := getattr(chart, "export_method", "")):
        footer = f"{method} · {footer}"
    footer_text_artist = add_footer(figure, footer)
    if screen and (place := getattr(chart, "place_footer_for_screen", None)) is not None:
        place(figure, footer_text_artist)
    if not screen:
        settle_layout(figure)
    return figure


def settle_layout(figure: Figure) -> None:
    """Lay ``figure`` out once more when it holds a grid of fixed aspect (the similarity
    matrix's square cells): constrained layout settles such a grid only on its second
    pass, and a file saved from the first lost the rows' axis name ("Article") off the
    left edge (ux5, session 33). The window draws again on every resize; an export or
    a copy is drawn once, so it is settled here."""
    if figure.get_layout_engine() is not None and any(
            ax.get_aspect() != "auto" for ax in figure.axes):
        figure.draw_without_rendering()


class ChartBase:
    """What every chart shares: its export file stem, its name, and its own figure."""

    key: str

    @property
    def stem(self) -> str:
        """A file name stem for exports of this chart."""
        return self.key

    def __str__(self) -> str:
        return self.stem

    @classmethod
    def from_analyses(cls, analyses: Sequence[ArticleAnalysis]) -> Self:
        """The chart of ``analyses``; a chart whose constructor takes more overrides this."""
        return cls(analyses)  # type: ignore[call-arg]  # every chart's __init__ takes them

    def figure(self, version: str) -> Figure:
        return render(self, version)  # type: ignore[arg-type]  # subclasses satisfy Chart

    def _count(
        self, analyses: Sequence[ArticleAnalysis], outlets: Sequence[str] | None = None
    ) -> None:
        """Set ``n_articles``, ``outlets`` (``models.compare.outlet_names`` order unless
        given) and ``n_outlets``: the corpus the chart's footer and layout describe."""
        self.n_articles = len(analyses)
        self.outlets: list[str] = list(outlet_names(analyses) if outlets is None else outlets)
        self.n_outlets = len(self.outlets)

    def sentences_at(self, event: MouseEvent) -> list[SentenceRef]:
        """The sentences behind the bar, cell or point under ``event``; none by default.

        Charts hit-test their own artists (``artist.contains(event)``) and map
        what was hit to the data it draws.
        """
        return []


#: Pixels the window gives a chart's size-hint inch (desktop.qt_compare_view), while its
#: figure is drawn at 100 logical pixels an inch: converts a text's height to hint inches.
SCREEN_PX_PER_INCH = 55
#: Share of a figure's width a grid of outlet columns gets (its row names, its colour bar
#: and margins take the rest; about 55-62% in the seeds' reuse and emphasis charts).
GRID_WIDTH_SHARE = 0.5
#: Height (a size hint's inches) of an axis title's line and its pad, which the window
#: leaves out under or over a grid's outlets' names (:func:`leave_out_outlet_axis_titles`).
OUTLET_AXIS_IN = (LABEL_SIZE * 1.2 + 4.0) / 72 * 100 / SCREEN_PX_PER_INCH
#: Height (a size hint's inches) of a line of a note (matplotlib's line spacing: 1.2).
NOTE_LINE_IN = NOTE_SIZE * 1.2 / 72 * 100 / SCREEN_PX_PER_INCH
NAME_SIZE = 9.0  # points, outlet names under a grid's few columns
_CHAR_EM = 0.55  # DejaVu Sans: about 0.55 of the font size a character
_LINE_EM = 1.2
SLANT = 30.0


def flat_outlet_label(outlet: str) -> str:
    """An outlet's name to lie flat under a narrow column: in up to three lines, broken at
    spaces and hyphens ("Spanish-", "language", "outlet")."""
    text = outlet_label(outlet)
    lines = textwrap.wrap(text, width=10, break_long_words=False)
    if len(lines) > 3:
        lines = textwrap.wrap(text, width=math.ceil(len(text) / 3), break_long_words=False)
    return "\n".join(lines) if lines else text


def flat_outlet_names(outlets: Sequence[str], width_in: float) -> list[str] | None:
    """The outlets' names lying flat under the few columns of a grid on a figure
    ``width_in`` inches wide, each in up to three lines (broken at spaces and hyphens), or
    None when a line would not fit its column with 4 pt to spare: then they slant."""
    if not outlets or len(outlets) > MANY_COLUMNS:
        return None
    labels = [flat_outlet_label(outlet) for outlet in outlets]
    slot_chars = ((GRID_WIDTH_SHARE * width_in * 72 / len(outlets) - 4.0)
                  / (_CHAR_EM * NAME_SIZE))
    longest = max(len(line) for label in labels for line in label.split("\n"))
    return labels if longest <= slot_chars else None


def _slanted_outlet_names(outlets: Sequence[str]) -> list[str]:
    return [wrap_label(outlet_label(o), 2, 14) for o in outlets]


def names_height_pt(labels: Sequence[str], angle: float) -> float:
    """Points of height that ``labels`` take, turned ``angle`` degrees (an estimate)."""
    sin, cos = math.sin(math.radians(angle)), math.cos(math.radians(angle))
    return max((max(len(line) for line in label.split("\n")) * _CHAR_EM * NAME_SIZE * sin
                + (label.count("\n") + 1) * _LINE_EM * NAME_SIZE * cos)
               for label in labels)


def outlet_names_height_saved(outlets: Sequence[str], width_in: float) -> float:
    """Inches (a size hint's) the names under a grid's few columns take less than their
    slanted height when they lie flat on a figure ``width_in`` inches wide; 0 when they
    slant there."""
    flat = flat_outlet_names(outlets, width_in)
    if flat is None:
        return 0.0
    saved_pt = names_height_pt(_slanted_outlet_names(outlets), SLANT) \
        - names_height_pt(flat, 0.0)
    return max(0.0, saved_pt / 72 * 100 / SCREEN_PX_PER_INCH)


class OutletColumnsChart(ChartBase):
    """A grid with a column per outlet and the outlets' names under it (and over it, with
    ``name_rows = 2``): it needs less height where those names lie flat, and in the window,
    which leaves out the axis title saying they are outlets'."""

    #: Rows of outlet names the grid has: under it, and over it too for 2.
    name_rows = 1

    def size_hint(self) -> tuple[float, float]:
        raise NotImplementedError

    def least_height(self, width_in: float) -> float:
        """The least height (inches, as :meth:`size_hint`'s) on a figure ``width_in``
        inches wide, drawn for the window: less when the outlets' names lie flat under the
        columns."""
        height = self.size_hint()[1]
        if self.n_articles == 0:
            return height
        return (height - self.name_rows * outlet_names_height_saved(self.outlets, width_in)
                - OUTLET_AXIS_IN)


def outlet_ticks(ax: Axes, outlets: Sequence[str], width_in: float) -> None:
    """Outlet names under the columns of a grid: flat in up to three lines when few and
    they fit their columns, else slanted; upright when many. Slanted names took 87 px
    under five columns, flat ones about 45 (the seeds at 1024 x 700)."""
    many = len(outlets) > MANY_COLUMNS
    flat = flat_outlet_names(outlets, width_in)
    if flat is not None:
        ax.set_xticks(range(len(outlets)), flat, fontsize=NAME_SIZE, rotation=0,
                      ha="center", rotation_mode="default")
        return
    column_pt = 0.7 * width_in * 72 / max(1, len(outlets))
    labels = [outlet_label(o) for o in outlets] if many else _slanted_outlet_names(outlets)
    ax.set_xticks(range(len(outlets)), labels,
                  fontsize=fit_fontsize(column_pt) if many else NAME_SIZE,
                  rotation=90 if many else SLANT, ha="center" if many else "right",
                  rotation_mode="default" if many else "anchor")


def name_columns_above_too(ax: Axes) -> None:
    """Repeat a grid's column names above it, as a mirror of those under it (slanted up
    and away from the grid), so that the grid's first rows, where a view taller than the
    window rests before any scroll, say what each column is (ux11, session 11)."""
    ax.tick_params(axis="x", which="major", top=True, labeltop=True, length=0)
    for tick in ax.xaxis.get_major_ticks():
        below, above = tick.label1, tick.label2
        rotation = below.get_rotation()
        above.set_rotation(rotation)
        above.set_fontsize(below.get_fontsize())
        above.set_rotation_mode("anchor" if rotation else "default")
        above.set_horizontalalignment("left" if rotation else "center")
        # Upright names (many columns) centred on their column; slanted ones rise from it.
        above.set_verticalalignment("center" if rotation == 90 else "bottom")


def value_axis_above_too(ax: Axes) -> None:
    """Numbers of a horizontal value axis at the top of the axes as well as at its foot:
    a chart of many rows scrolls, and its first rows need the scale too (ux11)."""
    ax.tick_params(axis="x", which="major", top=True, labeltop=True)


def outlet_ticks_height(outlets: Sequence[str]) -> float:
    """Inches that :func:`outlet_ticks` labels take below the axes (upright when many)."""
    if len(outlets) <= MANY_COLUMNS:
        return 0.8
    longest = max((len(outlet_label(o)) for o in outlets), default=10)
    return 0.55 * 9 * longest / 72 + 0.2


def grid_cell(x: float, y: float, shape: tuple[int, ...]) -> tuple[int, int] | None:
    """(row, column) of the image cell at data point (x, y), or None outside the grid."""
    r, c = round(y), round(x)
    if 0 <= r < shape[0] and 0 <= c < shape[1]:
        return r, c
    return None


def cell_grid(
    ax: Axes, matrix: Any, *, cmap: str | Colormap, norm: Normalize,
    aspect: Literal["auto", "equal"] = "auto", gaps: float = 0.0,
) -> QuadMesh:
    """One coloured cell per entry of ``matrix``, centred on (column, row) with row 0 at
    the top, as ``imshow`` places them, but drawn as vector quads (``pcolormesh``).

    ``imshow`` resamples its cells to the output's pixels in float64: a 30-outlet
    heatmap exported at 200 dpi took ~300 MB more memory and three times the time.
    Masked (or NaN) entries are left blank. ``gaps``: white lines that wide (points)
    between the cells, drawn by the mesh itself (a minor-tick grid made two Tick objects
    per cell boundary, ~50 artists of Python work per draw at 30 outlets).

    Without gaps the cells are written without seams to SVG and PDF (:func:`seamless`)."""
    import numpy as np

    rows, cols = matrix.shape
    edges: dict[str, Any] = {"edgecolors": "white", "linewidth": gaps} if gaps else {}
    mesh = ax.pcolormesh(np.arange(cols + 1) - 0.5, np.arange(rows + 1) - 0.5,
                         np.ma.masked_invalid(matrix), cmap=cmap, norm=norm, **edges)
    if not gaps:
        seamless(mesh)
    ax.set_xlim(-0.5, cols - 0.5)
    ax.set_ylim(rows - 0.5, -0.5)
    ax.set_aspect(aspect)
    return mesh


#: Meshes whose cells meet edge to edge (:func:`seamless`), held only while drawn.
_EDGE_TO_EDGE: WeakSet[QuadMesh] = WeakSet()
#: The width of the edge, in the cell's own colour, that closes the seams (points).
SEAM_PT = 0.3


def seamless(mesh: QuadMesh) -> QuadMesh:
    """Mark ``mesh`` (cells edge to edge, no edges drawn) to be written without light seams
    between its cells in SVG and PDF exports (:func:`seams_closed`)."""
    _EDGE_TO_EDGE.add(mesh)
    return mesh


@contextmanager
def seams_closed(fig: Figure) -> Iterator[None]:
    """While an SVG or PDF of ``fig`` is written: each cell of a :func:`seamless` mesh
    gets an edge :data:`SEAM_PT` wide in its own colour.

    A vector viewer antialiases each quad's edges on its own, so two cells that meet show
    the page through a hairline between them (ux14's review, session 14: pdftoppm and
    rsvg-convert renders of the 30-outlet similarity chart, a grid of light lines the PNG
    has not). Edges in the cells' colour cover it and keep the cells vector. Only for
    these exports: the window and PNG exports (Agg, no seams) keep their pixels. Measured
    on the 30-outlet corpus (ux15, session 15): rasterizing the mesh instead closed the
    seams too, kept PNGs identical, but put the cells in the file at the figure's 100 dpi
    and raised a PDF export's peak memory by ~70 MB (bench/export_cost.py)."""
    meshes = [(c, c.get_linewidth()) for ax in fig.axes for c in ax.collections
              if c in _EDGE_TO_EDGE]
    for mesh, _ in meshes:
        mesh.set_edgecolor("face")
        mesh.set_linewidth(SEAM_PT)
    try:
        yield
    finally:
        for mesh, width in meshes:
            mesh.set_edgecolor("none")
            mesh.set_linewidth(width)


class CellLabels(Artist):
    """Short labels (numbers, a dash) centred in the cells of a grid: one artist for all.

    A 30-outlet heatmap or similarity matrix writes 600-900 of them. As ``Text`` artists
    they were created one by one, laid out twice per draw by constrained layout, and
    drawn through ``Text.draw``: about half of the chart's CPU time (plot and draw), spent
    on the window's drawing thread while the GUI thread waited for the interpreter lock. Here they
    are drawn straight through the renderer (``draw_text``: still text in SVG and PDF)
    and take no part in the layout (they lie inside the axes)."""

    zorder = 3  # as Text's

    def __init__(self, cells: Sequence[tuple[float, float, str, str]], fontsize: float) -> None:
        super().__init__()
        #: (x, y, text, colour) of each label, x and y in data coordinates.
        self.cells: list[tuple[float, float, str, str]] = list(cells)
        self._font = FontProperties(size=fontsize)
        self.set_in_layout(False)

    def text_at(self, x: float, y: float) -> str | None:
        """The label of the cell centred on (x, y), None if that cell has none."""
        for cx, cy, text, _ in self.cells:
            if cx == x and cy == y:
                return text
        return None

    def draw(self, renderer: Any) -> None:
        figure = self.get_figure(root=True)
        if not self.get_visible() or not self.cells or self.axes is None \
                or not isinstance(figure, Figure):
            return
        renderer.open_group("cell_labels", gid=self.get_gid())
        gc = renderer.new_gc()
        gc.set_clip_rectangle(self.axes.bbox)  # the cells' own box
        points = self.axes.transData.transform([(x, y) for x, y, _, _ in self.cells])
        # Where Text puts the baseline of a centred line (its box is the font's full
        # height, whatever the digits): measured once, on a Text that is never drawn.
        stamp = Text(0, 0, "0", fontproperties=self._font, ha="center", va="center",
                     transform=IdentityTransform())
        stamp.set_figure(figure)
        centred = stamp.get_window_extent(renderer).y0
        stamp.set_verticalalignment("baseline")
        rise = centred - stamp.get_window_extent(renderer).y0
        canvas_h = renderer.get_canvas_width_height()[1]
        widths: dict[str, float] = {}
        for (px, py), (_, _, text, colour) in zip(points, self.cells, strict=True):
            if text not in widths:
                widths[text] = renderer.get_text_width_height_descent(text, self._font, False)[0]
            gc.set_foreground(colour)
            baseline = py + rise
            if renderer.flipy():
                baseline = canvas_h - baseline
            renderer.draw_text(gc, px - widths[text] / 2, baseline, text, self._font, 0.0)
        gc.restore()
        renderer.close_group("cell_labels")
        self.stale = False


def cell_labels(
    ax: Axes, cells: Sequence[tuple[float, float, str, str]], fontsize: float
) -> CellLabels:
    """Write (x, y, text, colour) labels in grid cells of ``ax`` (see :class:`CellLabels`)."""
    labels = CellLabels(cells, fontsize)
    ax.add_artist(labels)
    return labels


def clicked_cell(
    image: AxesImage | QuadMesh | None, ax: Axes | None, event: MouseEvent
) -> tuple[int, int] | None:
    """(row, column) of the cell of ``image`` (drawn on ``ax``, by ``imshow`` or
    :func:`cell_grid`) under a mouse event."""
    if image is None or not event_in(ax, event) or not image.contains(event)[0]:
        return None
    assert event.xdata is not None and event.ydata is not None
    return grid_cell(event.xdata, event.ydata, image.get_array().shape)  # type: ignore[union-attr]


def event_in(ax: Axes | None, event: MouseEvent) -> bool:
    """True when ``event`` happened inside ``ax`` (a chart's own axes, not a colorbar)."""
    return ax is not None and event.inaxes is ax and event.xdata is not None \
        and event.ydata is not None
