"""One measure by outlet: a bar per outlet mean, a dot per article, a 95% interval."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backend_bases import MouseEvent
from matplotlib.container import BarContainer
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from desktop.charts import style
from models.compare import compare_outlets, value_bounds
from models.evidence import SentenceRef, measure_sentences, outlet_measure_sentences
from models.features import ArticleAnalysis
from models.measures import Measure, measure

DEFAULT_MEASURE = "hedges_epistemic_per_100w"
# Above this many outlets the bars lie down, so the full names read left to right.
MAX_VERTICAL_OUTLETS = 8
# Past this many articles in one outlet the dots are drawn small and translucent.
DENSE_DOTS = 60
# The axis title of the outlets' names: in exports; the window leaves it out
# (style.leave_out_outlet_axis_titles).
OUTLET_AXIS = style.OUTLET_AXIS
# On screen, without that title, bars whose names lie flat stay whole and readable at this
# height (inches; 220 px at the window's 55 px an inch: bars, three value ticks, names in
# two lines): the first window on a 1024 x 700 screen gives the chart 235 px, where the
# readable 6 inches (330 px) left the names below the fold (ux25).
LEAST_SCREEN_HEIGHT = 4.0

# Why a measure has no value for an article, in the words of the note under the title.
_UNDEFINED_BECAUSE: dict[str, str] = {
    "estimative_probability_mean": "without an epistemic hedge",
    "attributions_factive_share": "without an attribution",
    "attributions_loaded_share": "without an attribution",
    "headline_tone": "without a headline",
    "headline_tone_news": "without a headline",
    "headline_hedged": "without a headline",
    "headline_body_gap": "without a headline restated in the body",
}


# The certainty measures whose bars split into the outlet's own voice (solid) and what it
# quotes (hatched, on top): the measure, then its own-voice and quoted parts (models.voice).
VOICE_SPLITS: dict[str, tuple[str, str]] = {
    f"{stem}_per_100w": (f"{stem}_own_per_100w", f"{stem}_quoted_per_100w")
    for stem in ("hedges_epistemic", "hedges_evidential", "boosters")
}
OWN_VOICE_LABEL = "Outlet's own words"
QUOTED_LABEL = "Quoted or reported"
QUOTED_HATCH = "////"


@dataclass(frozen=True, slots=True)
class VoiceSplit:
    """An outlet's mean of a certainty measure in its own words and inside quotations
    (the two add up to the bar's mean), and each article's."""

    own_mean: float
    quoted_mean: float
    own_values: tuple[float, ...]  # in the order of the bar's article_ids
    quoted_values: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class OutletBar:
    """One outlet's bar: mean, 95% Student-t interval (NaN below 2 values), articles."""

    outlet: str
    mean: float
    ci_low: float
    ci_high: float
    article_ids: tuple[str, ...]  # articles with a value, in order
    values: tuple[float, ...]
    undefined_ids: tuple[str, ...]  # articles whose value is undefined


# Outlets named in the note whose means rest on part of their articles.
_NAMED_SUBSETS = 3


def undefined_note(count: int, key: str, bars: Sequence[OutletBar] = ()) -> str:
    """'2 articles without a headline not shown' (empty for 0); with ``bars``, the outlets
    whose mean rests on fewest of their articles follow ('… not shown; averages of
    wash-post: 76 of 132 articles, …'): a mean over a subset is not silent."""
    if count == 0:
        return ""
    because = _UNDEFINED_BECAUSE.get(key, "without a value")
    note = f"{style.count_phrase(count, 'article')} {because} not shown"
    partial = sorted(
        (b for b in bars if b.undefined_ids and b.values),
        key=lambda b: (len(b.values) / (len(b.values) + len(b.undefined_ids)), b.outlet),
    )
    if not partial:
        return note
    named = ", ".join(
        f"{style.outlet_label(b.outlet)}: {len(b.values)} of "
        f"{len(b.values) + len(b.undefined_ids)} articles"
        for b in partial[:_NAMED_SUBSETS]
    )
    more = len(partial) - _NAMED_SUBSETS
    if more > 0:
        named += f" and {style.count_phrase(more, 'more outlet')}"
    return f"{note}; averages of {named}"


def jitter_offsets(count: int, half_width: float = 0.22) -> np.ndarray:
    """Evenly spread offsets within ±half_width: deterministic, so exports are reproducible."""
    if count <= 1:
        return np.zeros(count)
    spread = min(half_width, 0.035 * (count - 1))
    return np.linspace(-spread, spread, count)


class MeasureByOutletChart(style.ChartBase):
    """A bar per outlet (its mean), a dot per article, and a 95% interval whisker."""

    key = "measure_by_outlet"

    def __init__(self, analyses: Sequence[ArticleAnalysis], measure_key: str, *,
                 outlets_loaded: Sequence[str] = ()) -> None:
        """``outlets_loaded``: every outlet loaded, excluded articles' too, whose colours
        stay put (style.outlet_colours)."""
        self.measure: Measure = measure(measure_key)
        self._analyses = list(analyses)
        self._bar_artists: BarContainer | None = None
        self.title = f"{self.measure.label} by outlet"
        self._count(analyses)
        self._ax: Axes | None = None  # the chart's own axes once plotted (not a colorbar)
        self.colours = style.outlet_colours(self.outlets, outlets_loaded)
        summaries = compare_outlets(analyses, [measure_key])
        bars = []
        for summary in summaries:
            members = sorted(
                (a for a in analyses if a.outlet == summary.outlet), key=lambda a: a.article_id
            )
            pairs = [(a.article_id, a.scores.value(measure_key)) for a in members]
            defined = [(i, v) for i, v in pairs if v is not None]
            bars.append(
                OutletBar(
                    outlet=summary.outlet,
                    mean=summary.mean[measure_key],
                    ci_low=summary.ci_low[measure_key],
                    ci_high=summary.ci_high[measure_key],
                    article_ids=tuple(i for i, _ in defined),
                    values=tuple(float(v) for _, v in defined),
                    undefined_ids=tuple(i for i, v in pairs if v is None),
                )
            )
        self.bars: tuple[OutletBar, ...] = tuple(bars)
        # Bars of a certainty measure show how much of it is quoted (ux18's finding 1).
        self.splits: tuple[VoiceSplit, ...] = ()
        if measure_key in VOICE_SPLITS:
            self.splits = self._voice_splits(analyses, *VOICE_SPLITS[measure_key])
        self.n_undefined = sum(len(b.undefined_ids) for b in self.bars)
        # A Student-t interval is symmetric, so for a few articles near 0 it reaches below 0,
        # a value a rate or a share cannot take (ux13's review: "negative hedging"). The
        # whisker stops at the measure's limit and the note says so; the CSV keeps the
        # interval as computed.
        self.bounds = value_bounds(self.measure.unit)
        self.cut_limits = sorted({
            limit for b in self.bars if not math.isnan(b.ci_low)
            for limit, out in ((self.bounds[0], b.ci_low < self.bounds[0]),
                               (self.bounds[1], b.ci_high > self.bounds[1])) if out
        })
        self.note = "; ".join(part for part in (
            self._voice_note(), undefined_note(self.n_undefined, measure_key, self.bars),
            self._cut_note()) if part)
        self._horizontal = self.n_outlets > MAX_VERTICAL_OUTLETS
        # (position along the outlet axis, value, article id, outlet) per dot, for hover.
        self._points: list[tuple[float, float, str, str]] = []
        self._dense = False

    def _voice_splits(
        self, analyses: Sequence[ArticleAnalysis], own_key: str, quoted_key: str
    ) -> tuple[VoiceSplit, ...]:
        by_id = {a.article_id: a for a in analyses}
        summaries = {s.outlet: s for s in compare_outlets(analyses, [own_key, quoted_key])}
        splits = []
        for bar in self.bars:
            summary = summaries[bar.outlet]
            members = [by_id[i].scores for i in bar.article_ids]
            splits.append(VoiceSplit(
                own_mean=summary.mean[own_key], quoted_mean=summary.mean[quoted_key],
                own_values=tuple(float(s.value(own_key) or 0.0) for s in members),
                quoted_values=tuple(float(s.value(quoted_key) or 0.0) for s in members),
            ))
        return tuple(splits)

    def _limit_words(self, limit: float) -> str:
        """'0, the lowest': a limit of the measure and which end it is."""
        end = "lowest" if limit == self.bounds[0] else "highest"
        return f"{limit:g}".replace("-", "−") + f", the {end}"

    def _cut_note(self) -> str:
        """'95% intervals cut at 0, the lowest possible value' (empty when none is cut)."""
        if not self.cut_limits:
            return ""
        limits = " and ".join(self._limit_words(limit) for limit in self.cut_limits)
        values = "values" if len(self.cut_limits) > 1 else "value"
        return f"95% intervals cut at {limits} possible {values}"

    def interval_text(self, bar: OutletBar) -> str:
        """The bar's interval as drawn, in the note's words where it is cut, with the
        interval as computed (the CSV's) beside it: '95% interval 0.00 to 4.06, cut at 0,
        the lowest possible value; as computed −1.40 to 4.06'."""
        low, high = self.whisker(bar)
        text = f"95% interval {style.format_number(low)} to {style.format_number(high)}"
        cut = [limit for limit, out in ((self.bounds[0], bar.ci_low < low),
                                        (self.bounds[1], bar.ci_high > high)) if out]
        if not cut:
            return text
        limits = " and ".join(self._limit_words(limit) for limit in cut)
        values = "values" if len(cut) > 1 else "value"
        return (f"{text}, cut at {limits} possible {values}; as computed "
                f"{style.format_number(bar.ci_low)} to {style.format_number(bar.ci_high)}")

    def whisker(self, bar: OutletBar) -> tuple[float, float]:
        """The interval as drawn: ``bar``'s 95% interval within the measure's limits."""
        return max(bar.ci_low, self.bounds[0]), min(bar.ci_high, self.bounds[1])

    @classmethod
    def from_analyses(
        cls, analyses: Sequence[ArticleAnalysis], measure: str = DEFAULT_MEASURE
    ) -> MeasureByOutletChart:
        return cls(analyses, measure)

    @property
    def horizontal(self) -> bool:
        """True when bars lie down (more than 8 outlets)."""
        return self._horizontal

    @property
    def value_label(self) -> str:
        return f"{self.measure.label} ({self.measure.unit})"

    def size_hint(self) -> tuple[float, float]:
        if self.n_articles == 0:
            return style.EMPTY_SIZE
        if self._horizontal:
            return (10.0, max(6.0, 0.34 * self.n_outlets + 2.2 + 0.3))  # + numbers on top
        return (10.0, 6.0)

    def least_height(self, width_in: float) -> float:
        """The least height (inches, as :meth:`size_hint`'s) at which the chart, drawn for
        the screen (without its outlets' axis title) on a figure ``width_in`` inches wide, stays whole
        and readable: less than :meth:`size_hint`'s when its names lie flat under upright
        bars."""
        height = self.size_hint()[1]
        if self.n_articles == 0 or self._horizontal or self._names_rotate(width_in):
            return height
        return min(height, LEAST_SCREEN_HEIGHT)

    def for_screen(self, figure: Figure) -> None:
        """Drawn in the window: the outlets' names need no axis title saying they are
        outlets' (its line is the chart's, on a short screen), beside lying bars either
        (style.leave_out_outlet_axis_titles takes it from under standing ones); exports
        keep it."""
        for ax in figure.axes:
            if ax.get_ylabel() == OUTLET_AXIS:
                ax.set_ylabel("")

    def plot(self, target: Figure | Axes) -> None:
        if self.n_articles == 0:
            style.draw_empty(target, self.title)
            return
        if not any(b.values for b in self.bars):
            empty = style.draw_empty(
                target, self.title, f"No article has a value for {self.measure.label.lower()}"
            )
            empty.text(0.5, 0.4, self.note, transform=empty.transAxes, ha="center",
                       fontsize=style.NOTE_SIZE, color=style.MUTED)
            return
        fig, ax = style.target_axes(target)
        self._ax = ax
        positions = np.arange(len(self.bars), dtype=float)
        means = np.array([b.mean for b in self.bars])
        colours = [self.colours[b.outlet] for b in self.bars]
        bar_kw: dict[str, Any] = {
            "color": colours, "alpha": 0.85, "edgecolor": style.INK, "linewidth": 0.6,
            "zorder": 2,
        }
        # A NaN mean (no article of the outlet has a value) draws no bar.
        heights = np.nan_to_num(means, nan=0.0)
        if self._horizontal:
            self._bar_artists = ax.barh(positions, heights, height=0.62, **bar_kw)
        else:
            self._bar_artists = ax.bar(positions, heights, width=0.62, **bar_kw)
        if self.splits:
            # The quoted part of each bar, on top of the outlet's own words: paled and
            # hatched over the same bar, which stays one bar to click and to hover.
            own = np.nan_to_num([sp.own_mean for sp in self.splits], nan=0.0)
            quoted = np.nan_to_num([sp.quoted_mean for sp in self.splits], nan=0.0)
            quoted_kw: dict[str, Any] = {
                "color": (1.0, 1.0, 1.0, 0.6), "edgecolor": style.INK, "linewidth": 0.6,
                "hatch": QUOTED_HATCH, "zorder": 2.1,
            }
            if self._horizontal:
                ax.barh(positions, quoted, left=own, height=0.62, **quoted_kw)
            else:
                ax.bar(positions, quoted, bottom=own, width=0.62, **quoted_kw)

        self._points = []
        self._dense = max(len(b.values) for b in self.bars) > DENSE_DOTS
        for pos, bar in zip(positions, self.bars, strict=True):
            offsets = pos + jitter_offsets(len(bar.values))
            for off, value, article_id in zip(offsets, bar.values, bar.article_ids, strict=True):
                self._points.append((float(off), value, article_id, bar.outlet))
        if self._points:
            along = [p[0] for p in self._points]
            values = [p[1] for p in self._points]
            xs, ys = (values, along) if self._horizontal else (along, values)
            if self._dense:
                # Hundreds of dots an outlet would hide the bar and its interval: small,
                # translucent dots under the interval, which is drawn on top.
                ax.scatter(xs, ys, s=5, color=style.INK, alpha=0.25, linewidth=0, zorder=2.5)
            else:
                ax.scatter(xs, ys, s=22, color=style.INK, edgecolor="white", linewidth=0.6,
                           zorder=4)

        has_ci = [i for i, b in enumerate(self.bars) if not math.isnan(b.ci_low)]
        if has_ci:
            centre = means[has_ci]
            drawn = [self.whisker(self.bars[i]) for i in has_ci]
            err = np.array(
                [[centre[k] - drawn[k][0] for k in range(len(has_ci))],
                 [drawn[k][1] - centre[k] for k in range(len(has_ci))]]
            )
            err_kw: dict[str, Any] = {
                "fmt": "none", "ecolor": style.INK, "elinewidth": 1.3, "capsize": 4,
                "zorder": 5 if self._dense else 3,
            }
            if self._horizontal:
                ax.errorbar(centre, positions[has_ci], xerr=err, **err_kw)
            else:
                ax.errorbar(positions[has_ci], centre, yerr=err, **err_kw)

        # "no value" sits by the zero line on the data's side of it: where every value is
        # negative the axis ends at 0, and a label above it ran into the note under the
        # title ("Headline tone (news)" of the seeds).
        finite = means[~np.isnan(means)]
        negative = bool(finite.size) and bool(finite.max() <= 0)
        for i, bar in enumerate(self.bars):
            if math.isnan(bar.mean):
                kw: dict[str, Any] = {"ha": "center", "va": "top" if negative else "bottom",
                                      "rotation": 0}
                offset = (3, -3) if negative else (3, 3)
                if self._horizontal:
                    kw = {"ha": "right" if negative else "left", "va": "center"}
                    offset = (-3, 0) if negative else (3, 3)
                xy_text = (0.0, positions[i]) if self._horizontal else (positions[i], 0.0)
                ax.annotate("no value", xy_text, xytext=offset, textcoords="offset points",
                            fontsize=style.NOTE_SIZE, color=style.MUTED, **kw)

        self._label_axes(fig, ax, positions)
        style.set_titles(target, ax, self.title, self.note)
        # Right of the axes, level with its top: clear of the title, the data and the
        # footer's row; constrained layout makes room for it.
        ax.legend(handles=self._legend_handles(), loc="upper left", bbox_to_anchor=(1.01, 1.0),
                  frameon=False, fontsize=style.NOTE_SIZE, borderaxespad=0.0)

    def _legend_handles(self) -> list[Artist]:
        """The legend's entries: the bar (or its two parts), one article, the interval."""
        return [
            *(self._voice_handles() or [Patch(facecolor="#BBBBBB", edgecolor=style.INK,
                                              linewidth=0.6, label="Outlet average")]),
            Line2D([], [], linestyle="none", marker="o", color=style.INK,
                   label="One article",
                   **({"markersize": 3, "alpha": 0.4, "markeredgewidth": 0} if self._dense
                      else {"markersize": 5, "markeredgecolor": "white"})),
            Line2D([], [], color=style.INK, linewidth=1.3, marker="_", markersize=8,
                   label="95% interval (2+ articles)"),
        ]

    def _voice_note(self) -> str:
        """What the hatched part of a split bar is (empty for other measures)."""
        if not self.splits:
            return ""
        return ("Hatched: the part quoted or reported (speakers' words, with or without "
                "quotation marks); solid: the outlet's own")

    def _voice_handles(self) -> list[Patch]:
        """The legend's two parts of a split bar (none for other measures)."""
        if not self.splits:
            return []
        return [
            Patch(facecolor="#BBBBBB", edgecolor=style.INK, linewidth=0.6,
                  label="Outlet average, own words"),
            Patch(facecolor="#E4E4E4", edgecolor=style.INK, linewidth=0.6, hatch=QUOTED_HATCH,
                  label="+ quoted or reported"),
        ]

    def _label_axes(self, fig: Figure, ax: Axes, positions: np.ndarray) -> None:
        names = [style.outlet_label(b.outlet) for b in self.bars]
        width_in, height_in = fig.get_size_inches()
        value_label = self.value_label
        if not self._horizontal and len(value_label) * 0.55 * style.LABEL_SIZE > 40 * height_in:
            value_label = style.wrap_label(value_label, 2, 12)  # a short figure: two lines
        value_axis = ax.xaxis if self._horizontal else ax.yaxis
        value_axis.grid(True, color=style.GRID, linewidth=0.8, zorder=0)
        ax.set_axisbelow(True)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        if self._horizontal:
            size = style.fit_fontsize(0.8 * height_in * 72 / max(1, len(names)), high=9.5)
            ax.set_yticks(positions, [style.wrap_label(n, 2, 32) for n in names], fontsize=size)
            ax.set_ylim(len(names) - 0.5, -0.5)  # first outlet at the top
            ax.set_xlabel(self.value_label, fontsize=style.LABEL_SIZE)
            ax.set_ylabel(OUTLET_AXIS, fontsize=style.LABEL_SIZE)
            ax.axvline(0, color=style.INK, linewidth=0.8, zorder=1)
            style.value_axis_above_too(ax)
        else:
            labels = self._name_labels()
            rotate = self._names_rotate(width_in)
            ax.set_xticks(
                positions, labels, fontsize=9, rotation=45 if rotate else 0,
                ha="right" if rotate else "center", rotation_mode="anchor" if rotate else "default",
            )
            ax.set_xlim(-0.6, len(names) - 0.4)
            ax.set_ylabel(value_label, fontsize=style.LABEL_SIZE)
            ax.set_xlabel(OUTLET_AXIS, fontsize=style.LABEL_SIZE)
            ax.axhline(0, color=style.INK, linewidth=0.8, zorder=1)
        self._no_negative_axis_for_zeros(ax)

    def _name_labels(self) -> list[str]:
        """The outlets' names under upright bars, in up to two lines."""
        return [style.wrap_name(style.outlet_label(b.outlet), 2, 14) for b in self.bars]

    def _names_rotate(self, width_in: float) -> bool:
        """Whether the names under upright bars turn 45° in a figure ``width_in`` wide."""
        labels = self._name_labels()
        # The axes' width is the figure's less the legend on its right and the value
        # axis's labels on its left (a fixed 80% of the figure put names such as
        # 'city_hall_news' and 'coastal_herald' into one another once the list of
        # sentences had made the chart narrower: ux21).
        char_pts = 0.55  # DejaVu Sans: about 0.55 of the font size a character
        legend_pts = (max(len(str(h.get_label())) for h in self._legend_handles())
                      * char_pts * style.NOTE_SIZE + 3.0 * style.NOTE_SIZE)
        axis_pts = 3.0 * style.LABEL_SIZE + 4 * char_pts * 9
        axes_pts = max(0.3 * width_in * 72, width_in * 72 - legend_pts - axis_pts)
        # A name keeps 4 pt clear of the next (names of 14 characters at 9 pt: about
        # 65 pt; they touched in slots of 70).
        slot_chars = (axes_pts / max(1, len(labels)) - 4.0) / (char_pts * 9)
        longest = max(len(line) for lab in labels for line in lab.split("\n"))
        return longest > slot_chars

    def _no_negative_axis_for_zeros(self, ax: Axes) -> None:
        """A measure that cannot go below 0 (a count, a rate, a share) and is 0 in every
        article: its value axis runs from 0, not around it. Matplotlib widens an axis
        whose data are all one value to ±0.05, which showed "−0.04 mentions" on the
        seeds' Described sources chart (the lead's look at the exports, session 16)."""
        if self.bounds[0] != 0:
            return
        values = [v for bar in self.bars for v in (*bar.values, bar.mean)
                  if not math.isnan(v)]
        if values and all(v == 0 for v in values):
            top = 1.0 if math.isinf(self.bounds[1]) else self.bounds[1]
            if self._horizontal:
                ax.set_xlim(0.0, top)
            else:
                ax.set_ylim(0.0, top)

    def rows(self) -> tuple[list[str], list[dict[str, Any]]]:
        """One row per article: its value and its outlet's mean and 95% interval."""
        columns = [
            "outlet", "article_id", "measure", "unit", "value", "outlet_mean",
            "outlet_ci95_low", "outlet_ci95_high", "outlet_articles_with_value",
        ]
        if self.splits:
            # The bar's two parts (models.voice): the value and the outlet's mean of each.
            columns += ["value_own_voice", "value_quoted", "outlet_mean_own_voice",
                        "outlet_mean_quoted"]
        out: list[dict[str, Any]] = []
        for k, bar in enumerate(self.bars):
            common = {
                "outlet": bar.outlet, "measure": self.measure.key, "unit": self.measure.unit,
                "outlet_mean": bar.mean, "outlet_ci95_low": bar.ci_low,
                "outlet_ci95_high": bar.ci_high, "outlet_articles_with_value": len(bar.values),
            }
            parts: list[dict[str, Any]] = [{}] * len(bar.values)
            if self.splits:
                split = self.splits[k]
                common |= {"outlet_mean_own_voice": split.own_mean,
                           "outlet_mean_quoted": split.quoted_mean}
                parts = [{"value_own_voice": own, "value_quoted": quoted}
                         for own, quoted in zip(split.own_values, split.quoted_values,
                                                strict=True)]
            for article_id, value, part in zip(bar.article_ids, bar.values, parts, strict=True):
                out.append({**common, "article_id": article_id, "value": value, **part})
            for article_id in bar.undefined_ids:
                out.append({**common, "article_id": article_id, "value": None})
        return columns, out

    def _point_at(self, ax: Axes, x: float, y: float) -> tuple[float, float, str, str] | None:
        """The article dot within 6 pixels of data point (x, y), the nearest one."""
        pointer = ax.transData.transform((x, y))
        best: tuple[float, tuple[float, float, str, str]] | None = None
        for point in self._points:
            along, value = point[0], point[1]
            xy = (value, along) if self._horizontal else (along, value)
            dist = float(np.hypot(*(ax.transData.transform(xy) - pointer)))
            if dist <= 6 and (best is None or dist < best[0]):
                best = (dist, point)
        return best[1] if best is not None else None

    def sentences_at(self, event: MouseEvent) -> list[SentenceRef]:
        """A dot: that article's sentences behind the measure; a bar: its outlet's.

        A bar is hit where its rectangle is drawn; an outlet whose mean is 0 or
        undefined (no visible rectangle) is hit anywhere in its slot.
        """
        ax = self._ax
        if not style.event_in(ax, event) or ax is None:
            return []
        assert event.xdata is not None and event.ydata is not None
        point = self._point_at(ax, event.xdata, event.ydata)
        if point is not None:
            analysis = next(a for a in self._analyses if a.article_id == point[2])
            return measure_sentences(analysis, self.measure.key)
        if self._bar_artists is None:
            return []
        for i, patch in enumerate(self._bar_artists.patches):
            hit, _ = patch.contains(event)
            along = event.ydata if self._horizontal else event.xdata
            flat = not (abs(self.bars[i].mean) > 0)  # zero or NaN: nothing to click on
            if hit or (flat and abs(along - i) <= 0.31):
                return outlet_measure_sentences(
                    self._analyses, self.bars[i].outlet, self.measure.key
                )
        return []

    def hover_text(self, ax: Axes, x: float, y: float) -> str | None:
        """The article under the pointer (within 6 px of its dot), or the outlet's average
        (the chart's word for its mean: its legend's and description's)."""
        if ax is not self._ax:
            return None
        if not self._points:
            return None
        point = self._point_at(ax, x, y)
        if point is not None:
            _, value, article_id, outlet = point
            text = f"{article_id} · {style.outlet_label(outlet)}\n{self.measure.label}: " \
                   f"{style.format_number(value)} {self.measure.unit}"
            if self.splits:
                k = next(i for i, b in enumerate(self.bars) if b.outlet == outlet)
                j = self.bars[k].article_ids.index(article_id)
                text += self._split_text(self.splits[k].own_values[j],
                                         self.splits[k].quoted_values[j])
            return text
        index = round(y if self._horizontal else x)
        if 0 <= index < len(self.bars):
            bar = self.bars[index]
            text = f"{style.outlet_label(bar.outlet)}: average {style.format_number(bar.mean)}"
            if not math.isnan(bar.ci_low):
                text += f" ({self.interval_text(bar)})"
            text = f"{text}, {style.count_phrase(len(bar.values), 'article')}"
            if self.splits:
                text += self._split_text(self.splits[index].own_mean,
                                         self.splits[index].quoted_mean)
            return text
        return None

    @staticmethod
    def _split_text(own: float, quoted: float) -> str:
        """'\nown words 0.40, quoted or reported 0.94' (a certainty measure's two parts)."""
        return (f"\n{OWN_VOICE_LABEL.lower()} {style.format_number(own)}, "
                f"{QUOTED_LABEL.lower()} {style.format_number(quoted)}")

    @property
    def stem(self) -> str:
        """A file name stem for exports of this chart: the chart and its measure."""
        return f"{self.key}-{self.measure.key}"
