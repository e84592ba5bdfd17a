"""Certainty drift: each major claim across outlets on one certainty scale.

One column per claim; within it, one point per article carrying the claim,
placed at the certainty the article gives it (asserted at the top, denied at
the bottom) and coloured by outlet, each outlet always at the same place in a
column. A "probably" in one outlet that is a plain statement in another shows
as a vertical spread inside one column. Outlets that omit a claim are marked in
a separate band under the scale. With too many outlets for each to keep its own place
in a column, each level of a column and the band say how many outlets are there.

A hedge inside a quotation is the quoted speaker's (:func:`models.claims.sentence_certainty`):
a claim whose only hedge is quoted sits at "attributed", and its dot carries the quoted
hedge's probability range in quotation marks ('“55–75%”') where an epistemic dot carries
the outlet's own. Under each column, the claim's label without its opening connective
('Besides,', 'However,'); hovering the label or the column's empty space gives the whole
sentence.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from typing import Any

from matplotlib.axes import Axes
from matplotlib.backend_bases import MouseEvent
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.transforms import ScaledTranslation

from desktop.charts import style
from desktop.charts.claims_matrix import CERTAINTY_COLOURS, ClaimChart, short_label
from models import __version__
from models.claims import CERTAINTY_LEVELS, Claim, ClaimAlignment, ClaimMention
from models.evidence import SentenceRef
from models.features import ArticleAnalysis

#: The claims drawn: the most widely carried ones (the data has them all).
MAX_CLAIMS = 10
OMITTED_ROW = -1.3  # y of the "not carried" band, under "denied" (y = 0)


def level_y(level: str) -> float:
    """y of a certainty level: asserted highest (4), denied lowest (0)."""
    return float(len(CERTAINTY_LEVELS) - 1 - CERTAINTY_LEVELS.index(level))


#: The scale's name in the window (exports: "Certainty (most committed at the top)").
SCREEN_SCALE_NAME = "Certainty"
#: Height (size-hint inches) the window takes from the plot's rows where each article has a
#: dot: its levels stand ~24.5 px apart instead of 31, the probability range over a dot still
#: ~3 px under the dots of the level above. Counts keep the rows' whole height: the range
#: over a count's box already came within a pixel of the box above (the seeds at 1024 px).
#: 0.95, not 0.9: the seeds' least height on a 1024-px screen's first run, 220 px, fits its
#: 221-px page (not 222), the levels drawn there 20 px apart (20.75 before, on a canvas
#: 267 px tall with the note in two lines, the footer in its row and the labels in 4).
SCREEN_ROWS_SAVED_IN = 0.95
# A dot's probability range sits this many points over the dot's centre (its radius ~4.2).
RANGE_OVER_DOT_PT = 5.5

# A claim's label under its column: at most this many lines.
LABEL_LINES = 4
# Outlets in one column of the legend: 15 fit beside the plot at the figure's height.
LEGEND_ROWS = 15
# An article's dot (s=70) is about this wide, in points (an omission's cross, s=40 with
# 1.2 pt strokes, about 7.5): outlets' places set closer than this run into one another.
DOT_PT = 8.4
# Share of a claim's column its outlets' places spread over. At the narrowest column that
# keeps a dot each (DOT_PT apart) the outer dots still clear the column's line by 1.4 pt.
PLACES_SHARE = 0.75
# The scale's side, as drawn (points): the levels' names at 9 pt, their 3.5-pt pad, the
# scale's name (a line at LABEL_SIZE, ~1.16 em), its 4-pt pad, and the layout's 3-pt pads
# at both of the figure's edges.
SCALE_NAMES_SIZE = 9.0
# The legend of outlets, as matplotlib lays it out at 8 pt: its 0.4-em pads, a 2-em handle
# and a 0.8-em gap before the name (28.8 pt), 0.5 em from the axes; 2 em between columns.
LEGEND_SIZE = 8.0
LEGEND_ENTRY_PT = 28.8 + 4.0
LEGEND_COLUMN_GAP_PT = 16.0
# The smallest text drawn (points): the claims' labels and the probability ranges over the
# dots and counts. At 6 pt (the labels in a 1024-px window; an export's are 8) and 6.5 (the
# ranges) they were hard to read (ux5's review, session 33).
SMALL_TEXT_PT = 7.0
# A claim's label in the window where the page is short: this many lines (LABEL_LINES where
# the page has the room for them, and in exports; hovering a label gives the whole claim).
SHORT_LABEL_LINES = 3
# The legend's height as matplotlib draws it at LEGEND_SIZE without its title (points,
# measured with Agg): a one-line entry, each further line of a name, its pads (and 1.5 pt
# for descenders: "report").
LEGEND_ENTRY_HEIGHT_PT = 13.0
LEGEND_LINE_PT = 10.3
LEGEND_PADS_PT = 3.8
# From the figure's top to the axes' top in the window (points, as drawn): the layout's
# pad, the title's line at TITLE_SIZE, the pads round it and a line of note; each further
# line of note.
ABOVE_AXES_PT = 35.3
NOTE_LINE_PT = 12.2
# The footer's row under the labels (a line at FOOTER_SIZE and the layout's pad, as drawn),
# which the window saves where the footer fits beside the labels, under the legend.
FOOTER_ROW_PT = 13.7
# The footer's two lines beside the labels, and its pad from the figure's bottom edge.
FOOTER_BESIDE_PT = 2 * 1.2 * style.FOOTER_SIZE
FOOTER_PAD_PT = 3.0


def quoted_range(mentions: Sequence[ClaimMention]) -> str:
    """'“55–75%”': the probability range of the mentions' quoted hedges (attributed
    mentions whose only hedge is inside a quotation), or '' where none has one."""
    ranged = [m for m in mentions if m.quoted_hedge and m.probability_low is not None]
    return f"“{probability_range(ranged)}”" if ranged else ""


def probability_range(mentions: Sequence[ClaimMention]) -> str:
    """'40–75%': the lowest to the highest probability the mentions' hedges give."""
    lows = [m.probability_low for m in mentions if m.probability_low is not None]
    highs = [m.probability_high if m.probability_high is not None else m.probability_low
             for m in mentions if m.probability_low is not None]
    return f"{round(min(lows) * 100)}–{round(max(h for h in highs if h is not None) * 100)}%"


def column_label(claim: Claim, column_pt: float, font_pt: float,
                 most_lines: int = LABEL_LINES) -> str:
    """``short_label(claim)`` wrapped to a column ``column_pt`` wide in ``font_pt`` type
    (DejaVu Sans: about 0.6 em a character) on at most ``most_lines`` lines, cut at a word
    with "…" where the claim is longer."""
    per_line = max(6, int(0.92 * column_pt / (0.6 * font_pt)))
    chars = most_lines * per_line
    while True:
        text = short_label(claim, chars)
        # A word longer than the estimate of a line stays whole where it fits the column
        # as measured; where it does not ("mobilization…" at 7 pt in a 1024-px window's
        # column), the label is cut shorter, before it (broken, it read "mobili / zation").
        lines = textwrap.wrap(text, per_line, break_long_words=False)
        too_wide = any(style.text_width_pt(line, font_pt) > column_pt for line in lines)
        if (len(lines) <= most_lines and not too_wide) or chars <= per_line:
            if too_wide:
                lines = textwrap.wrap(text, per_line)
            return "\n".join(lines[:most_lines])
        chars -= max(1, per_line // 2)


def _hint_in(points: float) -> float:
    """``points`` of a figure the window draws (100 logical pixels an inch) in size-hint
    inches (style.SCREEN_PX_PER_INCH pixels each)."""
    return points / 72 * 100 / style.SCREEN_PX_PER_INCH


def _footer_lines(footer: str) -> str:
    """'5 articles · 5 outlets\nFramescope 0.1.0': the footer in two lines, beside the
    labels."""
    head, _, tail = footer.rpartition(" · ")
    return f"{head}\n{tail}" if head else footer


class CertaintyDriftChart(ClaimChart):
    """Claims (columns) × certainty (rows, asserted on top); one marker per article."""

    key = "certainty_drift"
    title = "Certainty drift: how sure each outlet makes each claim"
    max_claims = MAX_CLAIMS

    def __init__(self, analyses: Sequence[ArticleAnalysis],
                 alignment: ClaimAlignment | None = None, *,
                 outlets_loaded: Sequence[str] = ()) -> None:
        """``outlets_loaded``: every outlet loaded, excluded articles' too, whose colours
        and shapes stay put (style.outlet_colours)."""
        super().__init__(analyses, alignment)
        self.colours = style.outlet_colours(self.outlets, outlets_loaded)
        # Past seven outlets the colours repeat: the dots' shapes tell those outlets apart.
        self.markers = style.outlet_markers(self.outlets, outlets_loaded)
        # (x, y, mention) of every drawn marker, for hover and clicks.
        self.points: list[tuple[float, float, ClaimMention]] = []
        self.omissions: list[tuple[float, float, int, str]] = []  # x, y, claim index, outlet
        # True when each level of a column and the band under the scale say how many outlets
        # are there instead of a dot per article and a cross per outlet (too many outlets for
        # their places in a column to stand apart).
        self.counted = False
        # (claim index, level, the mentions there) of every count drawn at a level.
        self.counts: list[tuple[int, str, list[ClaimMention]]] = []

    def _offset(self, outlet: str) -> float:
        """Each outlet's fixed place within a claim's column (±PLACES_SHARE / 2)."""
        if self.n_outlets <= 1:
            return 0.0
        half = PLACES_SHARE / 2
        return -half + PLACES_SHARE * self.outlets.index(outlet) / (self.n_outlets - 1)

    def _layout(self) -> None:
        self.points = []
        self.omissions = []
        for x, claim in enumerate(self.claims):
            carried = set()
            for m in claim.representatives():
                carried.add(m.outlet)
                same = [p for p in self.points if p[2].claim_id == claim.claim_id
                        and p[2].outlet == m.outlet and p[2].certainty == m.certainty]
                # Several articles of one outlet at one level: stack them a little apart.
                self.points.append((x + self._offset(m.outlet), level_y(m.certainty)
                                    + 0.12 * len(same), m))
            for outlet in self.outlets:
                if outlet not in carried:
                    self.omissions.append((x + self._offset(outlet), OMITTED_ROW, x, outlet))

    def size_hint(self) -> tuple[float, float]:
        if self.n_articles == 0 or not self.claims:
            return style.EMPTY_SIZE
        # 1.4 hint-inch a claim: ten claims' least width (902 px) fits the Compare view on a
        # 1024-px screen, which scrolled 70 px sideways at 1.55 (ux4's review, session 33).
        return (max(9.0, 2.4 + 1.4 * len(self.claims)), 6.8)

    def least_height(self, width_in: float) -> float:
        """The least height (inches, as :meth:`size_hint`'s) in the window, on a figure
        ``width_in`` inches wide: the note's lines less those of its Method sentence, which
        the window leaves out (the chart's description gives it above the chart).

        Never more than on the narrowest figure the window draws (the size hint's width):
        wider, the note and the labels take no more lines. Reckoned from the export's note
        at each width, whose lines a wider figure has fewer of to leave out, the seeds'
        least height was 234 px at 1152 px for 220 at 1024, and scrolled 13 px there."""
        height = self.size_hint()[1]
        if self.n_articles == 0 or not self.claims:
            return height
        narrowest = self.size_hint()[0] * style.SCREEN_PX_PER_INCH / 100
        if width_in > narrowest:
            return min(self._least_height_at(width_in), self._least_height_at(narrowest))
        return self._least_height_at(width_in)

    def _least_height_at(self, width_in: float) -> float:
        height = self.size_hint()[1]
        counted = self._counts_outlets(width_in)
        screen_note_lines = self._screen_note_lines(counted, width_in).count("\n") + 1
        lines_saved = style.note_lines(self._note(counted), width_in) - screen_note_lines
        label_lines_saved = (LABEL_LINES - SHORT_LABEL_LINES) * 1.2 * self._label_size(width_in)
        least = (height - lines_saved * style.NOTE_LINE_IN - _hint_in(label_lines_saved)
                 - (0.0 if counted else SCREEN_ROWS_SAVED_IN))
        beside = self._footer_beside_pt(counted, width_in, screen_note_lines)
        if beside is None:
            return least
        # The footer beside the labels saves its row, where the figure is tall enough to
        # hold it under the legend.
        return max(least - _hint_in(FOOTER_ROW_PT), _hint_in(beside))

    def _label_size(self, width_in: float) -> float:
        """The claims' labels' size (points) on a figure ``width_in`` wide."""
        return style.fit_fontsize(width_in * 72 / max(1, len(self.claims)) / 9,
                                  low=SMALL_TEXT_PT, high=8.0)

    def _legend_height_pt(self) -> float:
        """The legend of outlets' height without its title (points): its tallest column
        (LEGEND_ROWS outlets each)."""
        names = [self._legend_name(o) for o in self.outlets]
        columns = [names[i:i + LEGEND_ROWS] for i in range(0, len(names), LEGEND_ROWS)]
        tallest = max(sum(LEGEND_ENTRY_HEIGHT_PT + LEGEND_LINE_PT * name.count("\n")
                          for name in column) for column in columns)
        return LEGEND_PADS_PT + tallest

    def _footer_beside_pt(self, counted: bool, width_in: float, note_lines: int,
                          footer: str = "") -> float | None:
        """The least height (points) of a figure ``width_in`` wide on which the footer fits
        beside the labels, under the legend (drawn without its title); None where it does not
        fit there at all (counts: no legend; a footer wider than the legend's column)."""
        if counted or not self.outlets:
            return None
        footer = footer or style.footer_text(self.n_articles, self.n_outlets, __version__)
        widest = style.text_width_pt(_footer_lines(footer), style.FOOTER_SIZE)
        if widest > self._legend_in() * 72 - 0.5 * LEGEND_SIZE:
            return None
        return (ABOVE_AXES_PT + (note_lines - 1) * NOTE_LINE_PT
                + self._legend_height_pt() + 2.0 + FOOTER_BESIDE_PT + FOOTER_PAD_PT)

    def for_screen(self, figure: Figure) -> None:
        """Drawn in the window, under the chart's description: the note leaves out what
        the description says (a dot per article, the crosses under the dashed line, the
        method), and the scale is named in one word, the levels' names saying which end is
        surer; its whole name ran longer than the plot's height and was cut at the figure's
        edges. Exports keep both whole."""
        if self._ax is None or self._ax not in figure.axes or not self.claims:
            return
        width_in, height_in = (float(v) for v in figure.get_size_inches())
        note = self._screen_note_lines(self.counted, width_in)
        style.replace_note(figure, self._ax, note, wrapped=True)
        self._ax.set_ylabel(SCREEN_SCALE_NAME, fontsize=style.LABEL_SIZE)
        # The labels keep LABEL_LINES where the page has the room for them.
        if _hint_in(height_in * 72) < self.least_height(width_in) + _hint_in(
                (LABEL_LINES - SHORT_LABEL_LINES) * 1.2 * self._label_size(width_in)):
            column_pt = self._column_pt(width_in, legend=not self.counted)
            self._ax.set_xticks(range(len(self.claims)), [
                column_label(c, column_pt, self._label_size(width_in), SHORT_LABEL_LINES)
                for c in self.claims], fontsize=self._label_size(width_in))
        legend = self._ax.get_legend()
        if legend is not None:
            # Its entries are the outlets, as the chart's description says ("coloured by
            # outlet"): the window leaves out the title, as it leaves out "Outlet" under a
            # chart's columns (style.leave_out_outlet_axis_titles); and its top is the axes'
            # (its pad is kept at the side): the room under it is the footer's.
            legend.set_title("")
            legend.set_bbox_to_anchor((1.0, 1.0), transform=self._ax.transAxes + ScaledTranslation(
                0.0, legend.borderaxespad * LEGEND_SIZE / 72, figure.dpi_scale_trans))

    def place_footer_for_screen(self, figure: Figure, footer: Any) -> None:
        """In the window, the footer goes in two lines beside the labels, under the legend,
        where the figure is tall enough (its row was a line of a short page: the seeds at
        1024 px scrolled 46 px down, ux5's review, session 33); otherwise it keeps its row."""
        if self._ax is None or self._ax not in figure.axes or not self.claims:
            return
        width_in, height_in = (float(v) for v in figure.get_size_inches())
        note_lines = self._screen_note_lines(self.counted, width_in).count("\n") + 1
        least = self._footer_beside_pt(self.counted, width_in, note_lines, footer.get_text())
        if least is None or height_in * 72 < least:
            return
        footer.set_text(_footer_lines(footer.get_text()))
        footer.set_in_layout(False)  # drawn in the corner constrained layout leaves free
        footer.set_position((0.995, FOOTER_PAD_PT / (height_in * 72)))
        footer.set_verticalalignment("bottom")

    def _legend_name(self, outlet: str) -> str:
        """An outlet's name in the legend: in two lines where it is long, while each outlet
        may take two lines within LEGEND_ROWS (its width is the claims' columns')."""
        label = style.outlet_label(outlet)
        return style.wrap_name(label) if 2 * len(self.outlets) <= LEGEND_ROWS else label

    def _legend_in(self) -> float:
        """The legend of outlets' width (inches), its names measured in the font. Past
        LEGEND_ROWS outlets it takes more columns: one column of 30 was taller than the
        figure and crushed the plot to a strip (ux13's review, session 13)."""
        legend_columns = math.ceil(len(self.outlets) / LEGEND_ROWS)
        names = max(style.text_width_pt(self._legend_name(o), LEGEND_SIZE)
                    for o in self.outlets)
        names = max(names, style.text_width_pt("Outlet", 8.5) - 24.0)  # the legend's title
        return (legend_columns * (names + LEGEND_ENTRY_PT)
                + (legend_columns - 1) * LEGEND_COLUMN_GAP_PT) / 72

    @staticmethod
    def _scale_names_in() -> float:
        """The scale's side and the figure's edges' pads (inches), as drawn."""
        names = style.text_width_pt("not carried", SCALE_NAMES_SIZE)
        return (names + 3.5 + 1.16 * style.LABEL_SIZE + 4.0 + 2 * 3.0) / 72

    def _column_pt(self, width_in: float, legend: bool = True) -> float:
        """A claim's column (points) on a figure ``width_in`` wide: the axes are the figure
        less the scale's names and, with a dot each, the legend, all measured as drawn (an
        estimate 0.65 in short of the room there was counted the seeds' five outlets at
        1024 px: ux4's review, session 33). Each label is wrapped to its own column, so
        neighbours never run into each other at the width the Compare view gives the
        figure; an export, wider, keeps more of each claim."""
        room = width_in - self._scale_names_in() - (self._legend_in() if legend else 0.0)
        return room * 72 / max(1, len(self.claims))

    def _counts_outlets(self, width_in: float) -> bool:
        """Whether each level says how many outlets are there, instead of a dot each.

        Each outlet sits at its fixed place in PLACES_SHARE of a column. With 30 outlets those places
        were ~2 pt apart: the crosses merged into a striped bar (ux13's review, session 13)
        and the dots of one level into a pile (ux14's, session 14). Then each level and the
        band say how many outlets are there, the tooltip names them, and the legend of
        outlets, whose colours would mark nothing, gives its room to the columns."""
        spacing_pt = PLACES_SHARE * self._column_pt(width_in) / max(1, self.n_outlets - 1)
        return self.n_outlets > 1 and spacing_pt < DOT_PT

    def _note(self, counted: bool) -> str:
        """The note over the chart: plain words, then its Method sentence."""
        n = len(self.claims)
        carried = ("The claim carried by two or more articles" if n == 1 else
                   f"The {n} most widely carried claims")
        head = f"{carried}. "
        if counted:
            return head + (
                f"Too many outlets for a dot each: at each level, how many of the "
                f"{self.n_outlets} outlets give the claim that certainty in an article "
                "(epistemic: the hedges' probability range; in quotation marks at attributed: "
                "a quoted or reported speaker's); a grey bar spans a claim's drift; "
                "under the dashed line: how many outlets omit the claim. "
                + self.method_sentence())
        return head + (
            "One dot per article, at the certainty it gives the claim; epistemic dots carry "
            "the hedge's probability range, attributed dots a quoted or reported speaker's in "
            "quotation marks; a grey bar spans a claim's drift; × under the "
            "dashed line: the outlet omits the claim. " + self.method_sentence())

    def _screen_note(self, counted: bool) -> str:
        """The note in the window: what the chart's description above it does not say, in
        a line where the figure is 8 inches wide or more (a 1024-px screen's)."""
        n = len(self.claims)
        carried = ("The claim carried by two or more articles" if n == 1 else
                   f"The {n} most widely carried claims")
        over = "a count" if counted else "a dot"
        return (f"{carried}. Over {over}: the hedge's probability range (“in quotes”: "
                "a speaker's); grey bar: a claim's drift.")

    def _screen_note_lines(self, counted: bool, width_in: float) -> str:
        """The window's note broken into lines as wide as the figure from the axes' left
        edge (the scale's names at its left) to the layout's pad at its right: over the
        legend's column too, which is beside the axes, under the note. Measured in the font:
        a note wrapped at 62% of the figure took two lines at 1024 px, with room for one."""
        # 2% to spare: Agg's hinted glyphs at 100 dpi drew the note 1% wider than measured.
        room = 0.98 * (width_in - self._scale_names_in()) * 72
        return style.wrap_to_points(self._screen_note(counted), room, style.NOTE_SIZE)

    def plot(self, target: Figure | Axes) -> None:
        if self.drew_empty(target):
            return
        fig, ax = style.target_axes(target)
        self._ax = ax
        self._layout()
        n = len(self.claims)
        top = len(CERTAINTY_LEVELS) - 1
        # Bands: the scale, then the omissions under a rule.
        for level in CERTAINTY_LEVELS:
            y = level_y(level)
            ax.axhspan(y - 0.5, y + 0.5, color=CERTAINTY_COLOURS[level], alpha=0.09, linewidth=0)
        ax.axhline(-0.65, color=style.MUTED, linewidth=0.8, linestyle="--")
        for x in range(1, n):
            ax.axvline(x - 0.5, color=style.GRID, linewidth=0.8)
        width_in = fig.get_size_inches()[0]
        font = self._label_size(width_in)
        legend_columns = math.ceil(len(self.outlets) / LEGEND_ROWS)
        column_pt = self._column_pt(width_in)
        self.counted = self._counts_outlets(width_in)
        # A claim's spread: from the most to the least committed article carrying it.
        for x, claim in enumerate(self.claims):
            ys = [level_y(p[2].certainty) if self.counted else p[1]
                  for p in self.points if p[2].claim_id == claim.claim_id]
            if len(set(ys)) > 1:
                ax.plot([x, x], [min(ys), max(ys)], color=style.MUTED, linewidth=6,
                        alpha=0.18, solid_capstyle="round", zorder=2)
        if self.counted:
            column_pt = self._column_pt(width_in, legend=False)
            self._plot_counts(ax, font)
        else:
            self._plot_dots(ax)
        ax.set_xlim(-0.6, n - 0.4)
        ax.set_ylim(OMITTED_ROW - 0.5, top + 0.5)
        ax.set_yticks([level_y(lv) for lv in CERTAINTY_LEVELS] + [OMITTED_ROW],
                      [*CERTAINTY_LEVELS, "not carried"], fontsize=9)
        labels = [column_label(c, column_pt, font) for c in self.claims]
        ax.set_xticks(range(n), labels, fontsize=font)
        ax.tick_params(length=0)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.set_ylabel("Certainty (most committed at the top)", fontsize=style.LABEL_SIZE)
        if not self.counted:
            handles = [Line2D([], [], marker=self.markers[o], linestyle="", color=self.colours[o],
                              markeredgecolor=style.INK, markeredgewidth=0.6, markersize=8,
                              label=self._legend_name(o))
                       for o in self.outlets]
            ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8,
                      frameon=False, title="Outlet", title_fontsize=8.5, ncols=legend_columns)
        note = self._note(self.counted)
        style.set_titles(target, ax, self.title, note)

    def _plot_dots(self, ax: Axes) -> None:
        """A dot per article at its outlet's place, a cross per outlet omitting a claim."""
        for px, py, m in self.points:
            ax.scatter([px], [py], s=70, color=self.colours[m.outlet], edgecolor=style.INK,
                       linewidth=0.6, zorder=3, marker=self.markers[m.outlet])
            if m.certainty == "epistemic" and m.probability_low is not None:
                ax.annotate(probability_range([m]), (px, py), xytext=(0, RANGE_OVER_DOT_PT),
                            textcoords="offset points", ha="center", fontsize=SMALL_TEXT_PT,
                            color=style.INK)
            elif m.certainty == "attributed" and quoted_range([m]):
                ax.annotate(quoted_range([m]), (px, py), xytext=(0, RANGE_OVER_DOT_PT),
                            textcoords="offset points", ha="center", fontsize=SMALL_TEXT_PT,
                            color=style.INK)
        for ox, oy, _, outlet in self.omissions:
            ax.scatter([ox], [oy], s=40, marker="x", color=self.colours[outlet],
                       linewidth=1.2, zorder=3)

    def _plot_counts(self, ax: Axes, font: float) -> None:
        """At each level of a column, how many outlets are there (in a box of the level's
        colour); in the band, how many omit the claim."""
        self.counts = []
        for x, claim in enumerate(self.claims):
            for level in CERTAINTY_LEVELS:
                here = [p[2] for p in self.points
                        if p[2].claim_id == claim.claim_id and p[2].certainty == level]
                if not here:
                    continue
                self.counts.append((x, level, here))
                outlets = {m.outlet for m in here}
                ax.text(x, level_y(level), f"{len(outlets)} of {self.n_outlets}", ha="center",
                        va="center", fontsize=font, color=style.INK, zorder=4,
                        bbox={"boxstyle": "round,pad=0.25", "facecolor": to_rgba(
                            CERTAINTY_COLOURS[level], 0.35), "edgecolor": CERTAINTY_COLOURS[level],
                              "linewidth": 0.8})
                shown = (probability_range(here) if level == "epistemic" and any(
                    m.probability_low is not None for m in here)
                    else quoted_range(here) if level == "attributed" else "")
                if shown:
                    ax.annotate(shown, (x, level_y(level)), xytext=(0, 7.5),
                                textcoords="offset points", ha="center", va="bottom",
                                fontsize=SMALL_TEXT_PT, color=style.INK, zorder=4)
            omitted = sum(1 for o in self.omissions if o[2] == x)
            if omitted:
                ax.text(x, OMITTED_ROW, f"{omitted} of {self.n_outlets}", ha="center",
                        va="center", fontsize=font, color=style.INK, zorder=3)

    def rows(self) -> tuple[list[str], list[dict[str, Any]]]:
        """One row per article carrying a claim (every claim, not only those drawn)."""
        columns = ["claim_id", "claim_label", "outlet", "article_id", "certainty",
                   "certainty_rank", "probability_low", "probability_high", "attributed_to",
                   "sentence_index", "sentence", "quoted_hedge"]
        out: list[dict[str, Any]] = []
        for claim in self.alignment.claims:
            for m in claim.representatives():
                out.append({
                    "claim_id": claim.claim_id, "claim_label": claim.label,
                    "outlet": m.outlet, "article_id": m.article_id, "certainty": m.certainty,
                    "certainty_rank": CERTAINTY_LEVELS.index(m.certainty) + 1,
                    "probability_low": m.probability_low, "probability_high": m.probability_high,
                    "attributed_to": m.attributed_to, "sentence_index": m.sentence_index,
                    "sentence": m.sentence, "quoted_hedge": m.quoted_hedge,
                })
        return columns, out

    def sentences_at(self, event: MouseEvent) -> list[SentenceRef]:
        """A dot: the article's sentence that gives the claim its place on the scale; a
        count: every such sentence of the articles counted there."""
        if not style.event_in(self._ax, event) or self._ax is None:
            return []
        assert event.xdata is not None and event.ydata is not None
        if self.counted:
            found = self.count_at(self._ax, event.xdata, event.ydata)
            return [SentenceRef(m.article_id, m.sentence_index, m.highlights)
                    for m in (found[2] if found else [])]
        m = self.mention_at(self._ax, event.xdata, event.ydata)
        return [SentenceRef(m.article_id, m.sentence_index, m.highlights)] if m else []

    def mention_at(self, ax: Axes, x: float, y: float) -> ClaimMention | None:
        """The article's mention whose marker is nearest (x, y), within a small radius."""
        if ax is not self._ax or not self.points or self.counted:
            return None
        px, py, m = min(self.points, key=lambda p: (p[0] - x) ** 2 + ((p[1] - y) / 3) ** 2)
        if abs(px - x) <= 0.12 and abs(py - y) <= 0.35:
            return m
        return None

    def count_at(self, ax: Axes, x: float, y: float) -> tuple[int, str, list[ClaimMention]] | None:
        """The count drawn at the level and column of (x, y), if any."""
        if ax is not self._ax:
            return None
        for index, level, mentions in self.counts:
            if abs(x - index) <= 0.4 and abs(y - level_y(level)) <= 0.35:
                return index, level, mentions
        return None

    def hover_text(self, ax: Axes, x: float, y: float) -> str | None:
        m = self.mention_at(ax, x, y)
        if m is not None:
            source = f" ({m.attributed_to})" if m.attributed_to else ""
            quoted = ""
            if m.quoted_hedge:
                quoted = f" · quoted hedge “{m.quoted_hedge}”"
                if m.probability_low is not None:
                    quoted += f" {probability_range([m])}"
            return (f"C{m.claim_id} · {style.outlet_label(m.outlet)} · {m.certainty}{source}"
                    f"{quoted}\n{style.wrap_label(m.sentence, 4, 60)}")
        if ax is not self._ax:
            return None
        text = self._marked_text(ax, x, y)
        return text if text is not None else self._claim_at(x, y)

    def _claim_at(self, x: float, y: float) -> str | None:
        """The whole claim of the column at (x, y), where nothing else is under the pointer."""
        index = round(x)
        if 0 <= index < len(self.claims) and abs(x - index) <= 0.5 and y > OMITTED_ROW + 0.35:
            return self.claim_text(index)
        return None

    def claim_text(self, index: int) -> str:
        """The ``index``-th column's claim, its whole sentence (what its label under the
        column shortens): the label's tooltip."""
        claim = self.claims[index]
        return textwrap.fill(f"C{claim.claim_id} · {' '.join(claim.label.split())}", 70)

    def label_at(self, x: float, y: float) -> str | None:
        """The whole claim whose label under its column holds the display point (x, y)
        (pixels, as a mouse event gives them outside the axes), or None."""
        if self._ax is None or self._ax.figure is None:
            return None
        renderer = self._ax.figure.canvas.get_renderer()  # type: ignore[attr-defined]
        for index, label in enumerate(self._ax.get_xticklabels()[: len(self.claims)]):
            if label.get_text() and label.get_window_extent(renderer).contains(x, y):
                return self.claim_text(index)
        return None

    def _marked_text(self, ax: Axes, x: float, y: float) -> str | None:
        """A count's or an omission's tooltip at (x, y), or None."""
        if self.counted:
            found = self.count_at(ax, x, y)
            if found is not None:
                index, level, mentions = found
                outlets = sorted({m.outlet for m in mentions}, key=self.outlets.index)
                articles = len(mentions)
                probability = (f" ({probability_range(mentions)})" if level == "epistemic" and any(
                    m.probability_low is not None for m in mentions) else "")
                if level == "attributed" and quoted_range(mentions):
                    probability = f" (quoted hedges {quoted_range(mentions)})"
                return (f"C{self.claims[index].claim_id} · {level}{probability} in "
                        f"{articles} article{'s' if articles != 1 else ''} from "
                        f"{len(outlets)} of {self.n_outlets} outlets:\n"
                        + textwrap.fill(", ".join(style.outlet_label(o) for o in outlets), 60))
            index = round(x)
            if abs(y - OMITTED_ROW) <= 0.35 and 0 <= index < len(self.claims):
                names = [style.outlet_label(o[3]) for o in self.omissions if o[2] == index]
                if names:
                    return (f"C{self.claims[index].claim_id} · not carried by "
                            f"{len(names)} of {self.n_outlets} outlets:\n"
                            + textwrap.fill(", ".join(names), 60))
            return None
        for ox, oy, index, outlet in self.omissions:
            if abs(ox - x) <= 0.12 and abs(oy - y) <= 0.35:
                return f"C{self.claims[index].claim_id} · {style.outlet_label(outlet)}: not carried"
        return None
