"""Outlet profiles: every comparable measure for every outlet, in one heatmap.

Colour is how far the outlet mean lies from the average outlet, in standard deviations
across outlets, but never in units smaller than a tenth of the measure's scale
(:func:`models.compare.colour_scores`), so that outlets differing by a hair stay pale; the
number written in each cell is the raw outlet mean.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.backend_bases import MouseEvent
from matplotlib.collections import QuadMesh
from matplotlib.colors import Normalize
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from desktop.charts import style
from models import gaps
from models.compare import colour_scores, compare_outlets, standardised
from models.evidence import SentenceRef, outlet_measure_sentences
from models.features import ArticleAnalysis
from models.measures import Measure, lead_and_method, profile_measures

# Up to this many outlets they are the columns; beyond, they become the rows.
MAX_OUTLET_COLUMNS = 10
_SIGNED_UNITS = ("−1 to 1", "-1 to 1")
# Counts per article (sources): their outlet means are written as counts, "5" or "4.5",
# not "5.0" or "0.00", which beside the rates' "0.54" read as rates (ux19's walkthrough).
_COUNT_UNITS = ("distinct sources", "mentions")


def cell_decimals(values: np.ndarray, unit: str) -> int:
    """Decimals for one measure's outlet means, the same for all its cells: as
    :func:`style.shared_decimals`, but a count's means get none when all are whole
    and at most one otherwise."""
    decimals = style.shared_decimals(values)
    if unit not in _COUNT_UNITS:
        return decimals
    finite = values[np.isfinite(values)]
    whole = bool(np.all(np.isclose(finite, np.round(finite))))
    return 0 if whole else min(decimals, 1)

# The columns' names are written above the grid too, not only under it: the grid is taller
# than the Compare view at 1300 x 820 (20 measures; or 30 outlets as rows), so a user who
# has not scrolled to its foot saw columns without names (ux10's review, session 10).
# Inches added for the slanted measure names over 30 outlets' rows. The outlet names over
# the measure rows (up to ten outlets: one or two short lines) take their room from the grid
# instead: a taller figure made the chart drawn next (on the canvas still sized for the
# heatmap) come out 51 px too tall, past FITS_WITHIN_PX (test_chart_switch's kept drawings).
MEASURE_NAMES_ABOVE_IN = 1.2

# Slanted measure names (two lines) are this much thicker than their lines (points).
_NAME_PAD_PT = 3.0


def measure_name_slant(cell_w_pt: float, size: float = 8.5) -> tuple[float, float]:
    """Rotation (degrees) and font size (points) of the two-line measure names slanted
    under columns ``cell_w_pt`` points wide, so that neighbours do not touch: two slanted
    names lie ``cell_w_pt * sin(rotation)`` apart, across their lines, and need their two
    lines' height. 40 degrees where that fits (wide exports), else 60, else 60 in a
    smaller font (6 points at least). With 30 outlets as rows in the window, 40 degrees
    made each name touch the next (ux11's review, session 11)."""
    thickness = 2 * 1.2 * size + _NAME_PAD_PT
    for rotation in (40.0, 60.0):
        if cell_w_pt * math.sin(math.radians(rotation)) >= thickness:
            return rotation, size
    room = cell_w_pt * math.sin(math.radians(60.0)) - _NAME_PAD_PT
    return 60.0, max(6.0, min(size, room / 2.4))


NOTE = lead_and_method(
    "Number: the outlet's average. Colour: how far it lies from the average outlet "
    "(orange: more, purple: less, pale: about the same). n: the outlet's articles",
    "colour is the distance in standard deviations across outlets (a deviation never taken "
    "as less than a tenth of the measure's range, or of its average for rates and counts: "
    "near-equal outlets stay pale).")


#: Added to the note for two outlets, whose colours say which is higher, not by how much.
TWO_OUTLETS_NOTE = (
    " Two outlets: each is as far from their average as the other, so the colour says "
    "which of the two is higher (full colour once they differ by a fifth of the measure's "
    "range, or of its average for rates and counts), not by how much: read the numbers."
)


# What the colour bar's numbers are (over the bar, in two short lines).
COLOUR_BAR_NAME = "SDs from the\naverage outlet"


# Font sizes (points) tried, in turn, for the outlets' names over their columns before
# they are slanted (at 9 points).
_UPRIGHT_NAME_SIZES = (9.0, 8.0, 7.5)


def outlet_column_name(name: str) -> str:
    """An outlet's name over its column: at most two lines of about 14 characters. A name
    taken from a file ("valley_courier_from_pdf") has no space to wrap at, so it breaks
    after an underscore. Unbroken, it was slanted, and slanted names over and under the
    grid took the height of its rows: at 1500 x 950 the 20 measures' names overlapped
    (ux20's walkthrough, session 20)."""
    wrapped = style.wrap_label(name, 2, 14)
    if "_" not in name or max(len(line) for line in wrapped.split("\n")) <= 14:
        return wrapped
    return style.wrap_label(name.replace("_", "_ "), 2, 14).replace("_ ", "_")


class OutletHeatmapChart(style.ChartBase):
    """Measures × outlets: z-score colour, raw-mean annotation, hatched where undefined."""

    key = "outlet_heatmap"
    title = "Outlet profiles across measures"

    def __init__(self, analyses: Sequence[ArticleAnalysis]) -> None:
        self.measures: tuple[Measure, ...] = profile_measures()
        self._analyses = list(analyses)
        self._image: QuadMesh | None = None
        keys = [m.key for m in self.measures]
        self._count(analyses)
        self._ax: Axes | None = None  # the chart's own axes once plotted (not a colorbar)
        summaries = compare_outlets(analyses, keys)
        # Outlets × measures, in outlet_names order and MEASURES order.
        self.means = np.array([[s.mean[k] for k in keys] for s in summaries], dtype=float)
        self.means = self.means.reshape(len(summaries), len(keys))
        self.counts = np.array([[s.n[k] for k in keys] for s in summaries], dtype=int)
        self.counts = self.counts.reshape(len(summaries), len(keys))
        self.zscores = standardised(summaries, keys)
        # The colours: z-scores, but pale where the outlets barely differ (ux12's review).
        self.colours = colour_scores(summaries, keys, [m.unit for m in self.measures])
        self.outlets_as_rows = self.n_outlets > MAX_OUTLET_COLUMNS
        self._matrix: np.ndarray = np.zeros((0, 0))

    def size_hint(self) -> tuple[float, float]:
        if self.n_articles == 0:
            return style.EMPTY_SIZE
        n_measures = len(self.measures)
        # The columns are named above the grid as well as under it.
        if self.outlets_as_rows:
            return (4.5 + 0.76 * n_measures + 1.6,
                    max(7.0, 0.3 * self.n_outlets + 4.2) + MEASURE_NAMES_ABOVE_IN)
        return (max(9.0, 4.6 + 1.05 * self.n_outlets + 1.6), 0.42 * n_measures + 2.8)

    def least_height(self, width_in: float) -> float:
        """The least height (inches, as :meth:`size_hint`'s) drawn for the window, which
        leaves out the axis title under the outlets' columns (style.OUTLET_AXIS)."""
        height = self.size_hint()[1]
        if self.n_articles == 0 or self.outlets_as_rows:
            return height
        return height - style.OUTLET_AXIS_IN

    def _measure_label(self, m: Measure) -> str:
        return f"{m.label} ({m.unit})"

    def _cell(self, row: int, col: int) -> tuple[int, int]:
        """(outlet index, measure index) of a drawn cell."""
        return (row, col) if self.outlets_as_rows else (col, row)

    def plot(self, target: Figure | Axes) -> None:
        if self.n_articles == 0:
            style.draw_empty(target, self.title)
            return
        fig, ax = style.target_axes(target)
        self._ax = ax
        z = self.colours if self.outlets_as_rows else self.colours.T
        raw = self.means if self.outlets_as_rows else self.means.T
        self._matrix = z
        finite = np.abs(z[np.isfinite(z)])
        limit = max(1.0, float(np.ceil(finite.max() * 2) / 2) if finite.size else 1.0)
        norm = Normalize(vmin=-limit, vmax=limit)  # symmetric: 0 sits in the map's centre
        cmap = style.ZSCORE_CMAP
        # Thin white gaps between cells keep the grid legible when neighbours match.
        image = style.cell_grid(ax, z, cmap=cmap, norm=norm, gaps=1.2)
        self._image = image
        n_rows, n_cols = z.shape

        width_in, height_in = fig.get_size_inches()
        cell_h = 0.75 * height_in * 72 / max(1, n_rows)
        cell_w = 0.7 * width_in * 72 / max(1, n_cols)
        size = style.fit_fontsize(min(cell_h * 0.75, cell_w / 3.2), low=5.0, high=9.0)
        signed = [m.unit in _SIGNED_UNITS for m in self.measures]
        # One measure's outlets with the same decimals ("10.0" beside "5.0", not "5.00").
        decimals = [cell_decimals(self.means[:, k], m.unit) for k, m in enumerate(self.measures)]
        any_missing = False
        cells: list[tuple[float, float, str, str]] = []
        colours = style.cell_colours(image.cmap, norm, z)  # all at once, not per cell
        for r in range(n_rows):
            for c in range(n_cols):
                _, k = self._cell(r, c)
                if not math.isfinite(z[r, c]):
                    any_missing = True
                    ax.add_patch(Rectangle(
                        (c - 0.5, r - 0.5), 1, 1, facecolor=style.MISSING_FILL,
                        edgecolor=style.MISSING_HATCH_COLOUR, hatch="///", linewidth=0,
                        zorder=0.5,  # under the mesh: its white cell edges stay on top
                    ))
                    cells.append((c, r, style.EM_DASH, style.INK))
                    continue
                cells.append((c, r, style.format_number(raw[r, c], signed=signed[k],
                                                        digits=decimals[k]),
                              style.text_colour_on(colours[r, c])))
        style.cell_labels(ax, cells, size)
        ax.tick_params(which="major", length=0)
        for spine in ax.spines.values():
            spine.set_visible(False)

        outlet_labels = [style.outlet_label(o) for o in self.outlets]
        # How many articles each outlet's colours rest on: a 2-article outlet's dark cells
        # looked as solid as a 35-article one's (ux18's review, session 18, finding 6).
        per_outlet = Counter(a.outlet for a in self._analyses)  # one pass, not one per outlet
        counts = [f"n = {per_outlet[o]}" for o in self.outlets]
        measure_labels = [self._measure_label(m) for m in self.measures]
        if self.outlets_as_rows:
            ax.set_yticks(np.arange(n_rows),
                          [f"{style.wrap_label(n, 2, 30)} ({count})"
                           for n, count in zip(outlet_labels, counts, strict=True)],
                          fontsize=style.fit_fontsize(cell_h, high=9.0))
            rotation, name_size = measure_name_slant(cell_w)
            ax.set_xticks(np.arange(n_cols), [style.wrap_label(n, 2, 18) for n in measure_labels],
                          fontsize=name_size, rotation=rotation, ha="right",
                          rotation_mode="anchor")
            # At the top: 30 outlets' rows are taller than the Compare view (as the bar's name).
            ax.set_ylabel(style.OUTLET_AXIS, fontsize=style.LABEL_SIZE, loc="top")
            ax.set_xlabel("Measure", fontsize=style.LABEL_SIZE)
        else:
            ax.set_yticks(np.arange(n_rows), measure_labels, fontsize=9)
            labels = [f"{outlet_column_name(n)}\n{count}"
                      for n, count in zip(outlet_labels, counts, strict=True)]
            longest = max(len(line) for lab in labels for line in lab.split("\n"))
            # Upright names in a smaller font rather than slanted ones: slanted over and
            # under the grid, they took the rows' height (ten outlets in a 1372 x 616 px
            # view: rows of 10 px, the measures' names touching; ux20's walkthrough).
            upright = next((size for size in _UPRIGHT_NAME_SIZES
                            if longest * 0.6 * size <= cell_w), None)
            rotate = upright is None
            ax.set_xticks(np.arange(n_cols), labels, fontsize=upright or 9,
                          rotation=45 if rotate else 0,
                          ha="right" if rotate else "center",
                          rotation_mode="anchor" if rotate else "default")
            ax.set_xlabel(style.OUTLET_AXIS, fontsize=style.LABEL_SIZE)
        style.name_columns_above_too(ax)

        colorbar = fig.colorbar(image, ax=ax, shrink=0.8 if n_rows > 6 else 1.0, aspect=25)
        # Over the bar, level: the bar is taller than the Compare view, and a name along it,
        # centred, was cut by the view's edge.
        style.name_colour_bar(colorbar, COLOUR_BAR_NAME)
        note = NOTE
        if any_missing:
            note += f" Hatched cells ({style.EM_DASH}): no article of the outlet has a value."
            headless = self._outlets_without_headline()
            if headless:
                more = len(headless) - 3
                names = ", ".join(style.outlet_label(o) for o in headless[:3]) + (
                    f" and {more} more" if more > 0 else "")
                whose = "its" if len(headless) == 1 else "their"
                note += f" {names}: no headline found in {whose} files."
        note += self._headline_subsets_note()
        if self.n_outlets == 1:
            note += " One outlet: nothing to compare, so every colour is neutral."
        elif self.n_outlets == 2:
            # Two outlets lie equally far either side of their average: one standard
            # deviation each, whatever the gap, once it passes the floor. 0.34 against 0.23
            # hedges per 100 words was as dark as 2.68 against 0.46 (ux29).
            note += TWO_OUTLETS_NOTE
        style.set_titles(target, ax, self.title, note)

    def _of_outlet(self, outlet: str) -> list[ArticleAnalysis]:
        return [a for a in self._analyses if a.outlet == outlet]

    def _headline_subsets_note(self) -> str:
        """' Headline rows: the articles with a headline only (wash-post 76 of 132, …).'
        for outlets where some, not all, articles have a headline ('' if none)."""
        if not any(m.key.startswith("headline_") for m in self.measures):
            return ""
        with_headline = Counter(a.outlet for a in self._analyses if a.article.headline)
        articles = Counter(a.outlet for a in self._analyses)
        partial = sorted(
            (o for o in self.outlets if 0 < with_headline[o] < articles[o]),
            key=lambda o: (with_headline[o] / articles[o], o),
        )
        if not partial:
            return ""
        named = ", ".join(
            f"{style.outlet_label(o)} {with_headline[o]} of {articles[o]}" for o in partial[:3]
        )
        if len(partial) > 3:
            named += f" and {style.count_phrase(len(partial) - 3, 'more outlet')}"
        return f" Headline rows: the articles with a headline only ({named})."

    def _outlets_without_headline(self) -> list[str]:
        """Outlets none of whose articles has a headline (their headline cells are hatched)."""
        with_headline = {a.outlet for a in self._analyses if a.article.headline}
        return [o for o in self.outlets if o not in with_headline]

    def rows(self) -> tuple[list[str], list[dict[str, Any]]]:
        """One row per outlet and measure: raw mean, z-score, articles with a value, and
        the score the cell's colour shows (the z-score unless the outlets differ by a hair)."""
        columns = [
            "outlet", "measure", "label", "unit", "outlet_mean", "z_score",
            "articles_with_value", "colour_score",
        ]
        out: list[dict[str, Any]] = []
        for o, outlet in enumerate(self.outlets):
            for k, m in enumerate(self.measures):
                out.append({
                    "outlet": outlet, "measure": m.key, "label": m.label, "unit": m.unit,
                    "outlet_mean": float(self.means[o, k]), "z_score": float(self.zscores[o, k]),
                    "articles_with_value": int(self.counts[o, k]),
                    "colour_score": float(self.colours[o, k]),
                })
        return columns, out

    def sentences_at(self, event: MouseEvent) -> list[SentenceRef]:
        """A cell: the sentences of its outlet's articles behind its measure."""
        cell = style.clicked_cell(self._image, self._ax, event)
        if cell is None:
            return []
        o, k = self._cell(*cell)
        return outlet_measure_sentences(self._analyses, self.outlets[o], self.measures[k].key)

    def hover_text(self, ax: Axes, x: float, y: float) -> str | None:
        if ax is not self._ax:
            return None
        r, c = round(y), round(x)
        n_rows, n_cols = self._matrix.shape
        if not (0 <= r < n_rows and 0 <= c < n_cols):
            return None
        o, k = self._cell(r, c)
        m = self.measures[k]
        mean = float(self.means[o, k])
        if math.isnan(mean):
            why = gaps.outlet_reason(self._of_outlet(self.outlets[o]), m.key)
            return f"{style.outlet_label(self.outlets[o])} · {m.label}: no value" + (
                f"\n{why}" if why else "")
        # A count's mean as its cell writes it ("5", not "5.00"); a rate's to 3 digits.
        digits = cell_decimals(self.means[:, k], m.unit) if m.unit in _COUNT_UNITS else None
        return (
            f"{style.outlet_label(self.outlets[o])} · {m.label}: "
            f"{style.format_number(mean, digits=digits)} "
            f"{m.unit}\nz = {style.format_number(float(self.zscores[o, k]), signed=True)}, "
            f"{style.count_phrase(int(self.counts[o, k]), 'article')}"
        )

