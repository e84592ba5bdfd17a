"""How alike the articles' wording is: TF-IDF cosine similarity, article × article."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.backend_bases import MouseEvent
from matplotlib.colors import Normalize
from matplotlib.figure import Figure
from matplotlib.image import AxesImage

from desktop.charts import style
from desktop.charts.tone_strips import ordered_by_outlet
from models.compare import outlet_names, similarity_matrix
from models.evidence import SentenceRef, all_sentences, most_similar_sentences
from models.features import ArticleAnalysis

# Beyond this many articles the cells are too small for their numbers (the CSV has them).
MAX_ANNOTATED = 24
# A cell's least side in the window (a size hint's inches: 47 px at its 55 px an inch; about
# 41 px drawn): its number at 9 pt ("0.16", 30 px) and a 9-pt row name fit, and names slanted
# 40° (COLUMN_SLANT) under neighbouring cells stay apart.
LEAST_SCREEN_CELL_IN = 0.85
# A row's least height in the window's wide layout (a size hint's inches: 33 px at its 55 px
# an inch), where a few articles' cells are wider than tall under their names lying flat: a
# 9-pt number and a 9-pt row name, with room over and under.
LEAST_SCREEN_ROW_IN = 0.6
# Figure inches beside a wide grid that are not its columns: the rows' axis title, the colour
# bar with its two-line end labels and its name, and the margins.
BESIDE_WIDE_GRID_IN = 1.9
# Slant of the columns' names when they cannot lie flat: steeper than the other grids' 30°,
# as a cell (about 41 px) is narrow for a 9-pt line: at 30° neighbouring names' letters came
# 7 px apart, closer than a name's own lines; at 40° a font's size or more
# (test_similarity_columns_in_view).
COLUMN_SLANT = 40.0
# The colour bar's name in a journalist's words. The method's name ("TF-IDF cosine
# similarity", jargon to most readers) is in the chart's description and Methods, and in an
# export's footer (:data:`EXPORT_METHOD`), where a researcher citing the file finds it. A
# Method sentence in the note would cost the grid's height, and constrained layout, with
# the grid's fixed aspect, then pushed the rows' names past the figure's left edge.
COLOUR_BAR_NAME = "Shared wording (0–1)"
EXPORT_METHOD = "Shared wording: cosine similarity of TF-IDF vectors of the body text"


class SimilarityChart(style.ChartBase):
    """Cosine similarity (0–1) of the articles' TF-IDF vectors, grouped by outlet."""

    key = "similarity"
    title = "Similarity of wording between articles"
    export_method = EXPORT_METHOD

    def __init__(self, analyses: Sequence[ArticleAnalysis]) -> None:
        self.articles = ordered_by_outlet(analyses)
        self.n_articles = len(self.articles)
        self._ax: Axes | None = None  # the chart's own axes once plotted (not a colorbar)
        self._image: AxesImage | None = None
        self.n_outlets = len(outlet_names(analyses))
        self.labels = style.article_labels(self.articles)
        # Columns in the rows' order: each named by its outlet only (the rows name the
        # articles; the diagonal pairs a column with its row), short enough to stay clear
        # of each other under the grid.
        self.column_labels = [style.outlet_label(a.outlet) for a in self.articles]
        self.matrix: np.ndarray = similarity_matrix(self.articles)

    @property
    def annotated(self) -> bool:
        return 0 < self.n_articles <= MAX_ANNOTATED

    def size_hint(self) -> tuple[float, float]:
        if self.n_articles == 0:
            return style.EMPTY_SIZE
        side, y_labels, x_labels = self._parts_in()
        return (side + y_labels + 2.6, side + x_labels + 1.3)  # width: labels and colorbar

    def _parts_in(self) -> tuple[float, float, float]:
        """The grid's side, the rows' names' width and the columns' names' height (inches)."""
        longest = max((len(label) for label in self.labels), default=10)
        longest_column = max((len(label) for label in self.column_labels), default=10)
        side = min(22.0, max(5.5, 0.42 * self.n_articles + 1.5))
        font = style.fit_fontsize(side * 72 / self.n_articles, low=4.0, high=9.0)
        # Label length in inches (DejaVu Sans averages ~0.55 em per character).
        y_labels = min(4.0, longest * 0.55 * font / 72 + 0.4)
        column_in = min(4.0, longest_column * 0.55 * font / 72 + 0.4)
        x_labels = column_in if self.n_articles > 40 else column_in * 0.55 + 0.2
        return side, y_labels, x_labels

    def least_height(self, width_in: float) -> float:
        """The least height (inches, as :meth:`size_hint`'s) in the window, for a few
        articles: the grid and its columns' names in the lower of two layouts, cells of
        :data:`LEAST_SCREEN_CELL_IN` under slanted names, or cells as wide as the names
        lying flat need; not the 5.5-inch grid an export gives them (five articles' cells
        were 50 px, and the chart scrolled 178 px at 1024 x 700)."""
        height = self.size_hint()[1]
        n = self.n_articles
        if n == 0 or n > style.MANY_COLUMNS:
            return height
        side, _, x_labels = self._parts_in()
        hint_in_per_pt = 100 / 72 / style.SCREEN_PX_PER_INCH  # drawn at 100 px an inch
        slanted = (n * LEAST_SCREEN_CELL_IN
                   + style.names_height_pt(self.column_labels, COLUMN_SLANT) * hint_in_per_pt)
        flat = [style.flat_outlet_label(a.outlet) for a in self.articles]
        longest_line = max(len(line) for label in flat for line in label.split("\n"))
        # 0.6 em a character: above the average, as a long word's letters may be wide.
        flat_cell = (longest_line * 0.6 * style.NAME_SIZE + 4
                     + 1.6 * style.FOOTER_SIZE / n) * hint_in_per_pt
        flat_height = (n * max(LEAST_SCREEN_CELL_IN, flat_cell)
                       + style.names_height_pt(flat, 0.0) * hint_in_per_pt)
        grid = min(slanted, flat_height)
        if self.wide_on_screen(width_in):
            grid = min(grid, n * LEAST_SCREEN_ROW_IN
                       + style.names_height_pt(flat, 0.0) * hint_in_per_pt)
        return min(height, height - side - x_labels + grid)

    def wide_on_screen(self, width_in: float) -> bool:
        """Whether the window, on a figure ``width_in`` inches wide, draws a few articles'
        cells wider than tall, the columns' names lying flat (up to three lines) with 4 pt
        to spare, rather than square cells under names slanted 40°, which took a third of
        a laptop's chart height: the seeds scrolled 120 px on a 1366 x 768 laptop's first
        run. An export keeps its square grid."""
        n = self.n_articles
        if n == 0 or n > style.MANY_COLUMNS:
            return False
        label_size = style.NAME_SIZE
        rows_in = max(len(label) for label in self.labels) * 0.55 * label_size / 72 + 0.1
        flat = [style.flat_outlet_label(a.outlet) for a in self.articles]
        longest_line = max(len(line) for label in flat for line in label.split("\n"))
        column_pt = (width_in - rows_in - BESIDE_WIDE_GRID_IN) * 72 / n
        return longest_line * 0.6 * style.NAME_SIZE + 4 <= column_pt

    def for_screen(self, figure: Figure) -> None:
        """In the window, a few articles' grid wide (:meth:`wide_on_screen`): its rows as
        tall as the window leaves them, its columns' names flat."""
        ax = self._ax
        if ax is None or not self.wide_on_screen(float(figure.get_size_inches()[0])):
            return
        ax.set_aspect("auto")
        ax.set_xticks(np.arange(self.n_articles),
                      [style.flat_outlet_label(a.outlet) for a in self.articles],
                      fontsize=style.NAME_SIZE, rotation=0, ha="center",
                      rotation_mode="default")

    def plot(self, target: Figure | Axes) -> None:
        if self.n_articles == 0:
            style.draw_empty(target, self.title)
            return
        fig, ax = style.target_axes(target)
        self._ax = ax
        n = self.n_articles
        norm = Normalize(vmin=0.0, vmax=1.0)
        image = ax.imshow(self.matrix, cmap=style.SIMILARITY_CMAP, norm=norm,
                          interpolation="nearest")
        self._image = image
        width_in, height_in = fig.get_size_inches()
        cell_pt = 0.62 * min(width_in, height_in) * 72 / n
        if self.annotated:
            size = style.fit_fontsize(cell_pt / 2.6 / 0.72, low=5.0, high=9.0)
            colours = style.cell_colours(image.cmap, norm, self.matrix)  # not per cell
            for i in range(n):
                for j in range(n):
                    value = float(self.matrix[i, j])
                    ax.text(j, i, f"{value:.2f}", ha="center", va="center", fontsize=size,
                            color=style.text_colour_on(colours[i, j]))
        label_size = style.fit_fontsize(cell_pt, low=4.0, high=9.0)
        # Few columns: their outlets' names lie flat (in up to three lines) if they fit
        # the cells once the figure is laid out (below), else they slant as many do.
        flat = n <= style.MANY_COLUMNS
        if flat:
            ax.set_xticks(np.arange(n), [style.flat_outlet_label(a.outlet)
                                         for a in self.articles],
                          fontsize=style.NAME_SIZE, rotation=0, ha="center")
        else:
            self._column_ticks(ax, label_size)
        ax.set_yticks(np.arange(n), self.labels, fontsize=label_size)
        ax.tick_params(length=0)
        # White lines between outlets show the blocks of each outlet's own articles.
        outlets = [a.outlet for a in self.articles]
        for i in range(1, n):
            if outlets[i] != outlets[i - 1]:
                ax.axhline(i - 0.5, color="white", linewidth=1.5)
                ax.axvline(i - 0.5, color="white", linewidth=1.5)
        ax.set_xlabel("Article (by its outlet, in the rows' order)", fontsize=style.LABEL_SIZE)
        ax.set_ylabel("Article", fontsize=style.LABEL_SIZE)
        colorbar = fig.colorbar(image, ax=ax, aspect=25)
        # The scale's ends say what they mean beside them: as the bar's name, in two lines
        # along a grid of 200 px, "(0 = no word in common, 1 = same wording)" ran past the
        # figure's edge.
        colorbar.set_ticks([0.0, 0.25, 0.5, 0.75, 1.0],
                           labels=["0: no word\nin common", "0.25", "0.5", "0.75",
                                   "1: the same\nwording"])
        colorbar.set_label(COLOUR_BAR_NAME, fontsize=style.LABEL_SIZE)
        colorbar.ax.tick_params(labelsize=8)
        # The matrix is square, so a note must not be wider than its shorter side.
        note = "" if self.annotated else "Too many articles to write each value here: " \
            "the exported data has them all."
        style.set_titles(target, ax, self.title, note,
                         note_width_in=0.5 * min(width_in, height_in))
        if flat and not self._flat_names_fit(fig, ax):
            self._column_ticks(ax, label_size)

    def _column_ticks(self, ax: Axes, label_size: float) -> None:
        """The columns' outlet names in one line each (two-line names at a slant lay their
        lines as close to the neighbour's as to their own, and "outlet" read as part of the
        next name): slanted :data:`COLUMN_SLANT`, upright past six columns."""
        rotate = 90.0 if self.n_articles > 6 else COLUMN_SLANT
        ax.set_xticks(np.arange(self.n_articles), self.column_labels, fontsize=label_size,
                      rotation=rotate, ha="right" if rotate != 90 else "center",
                      rotation_mode="anchor" if rotate != 90 else "default")

    @staticmethod
    def _flat_names_fit(fig: Figure, ax: Axes) -> bool:
        """Whether the flat names under the columns each fit their cell with 4 pt to spare,
        the figure laid out as drawn (a square grid's cells are as wide as the height
        leaves them, which no estimate from the figure's size told well enough)."""
        if fig.get_layout_engine() is None:
            return False
        fig.draw_without_rendering()
        ticks = [t for t in ax.get_xticklabels() if t.get_text()]
        n = max(1, len(ticks))
        cell_px = ax.get_window_extent().width / n
        # 4 pt, and the footer's line (added after the plot) takes from the grid's height.
        spare_px = (4 + 1.6 * style.FOOTER_SIZE / n) * fig.dpi / 72
        return all(t.get_window_extent().width + spare_px <= cell_px for t in ticks)

    def rows(self) -> tuple[list[str], list[dict[str, Any]]]:
        """One row per cell of the matrix (every ordered pair, diagonal included)."""
        columns = ["article_id_a", "outlet_a", "article_id_b", "outlet_b", "cosine_similarity"]
        out: list[dict[str, Any]] = []
        for i, a in enumerate(self.articles):
            for j, b in enumerate(self.articles):
                out.append({
                    "article_id_a": a.article_id, "outlet_a": a.outlet,
                    "article_id_b": b.article_id, "outlet_b": b.outlet,
                    "cosine_similarity": float(self.matrix[i, j]),
                })
        return columns, out

    def sentences_at(self, event: MouseEvent) -> list[SentenceRef]:
        """A cell: the two articles' most alike sentence pairs (the diagonal: the article)."""
        cell = style.clicked_cell(self._image, self._ax, event)
        if cell is None:
            return []
        i, j = cell
        if i == j:
            return all_sentences(self.articles[i])
        return most_similar_sentences(self.articles[i], self.articles[j])

    def hover_text(self, ax: Axes, x: float, y: float) -> str | None:
        if ax is not self._ax:
            return None
        i, j = round(y), round(x)
        if not (0 <= i < self.n_articles and 0 <= j < self.n_articles):
            return None
        return f"{self.labels[i]}\n{self.labels[j]}\ncosine similarity {self.matrix[i, j]:.2f}"
