"""Text reuse between outlets: how many words of shared passages each pair of outlets has."""

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
from models.evidence import SentenceRef, unique_refs
from models.features import ArticleAnalysis
from models.measures import lead_and_method
from models.reuse import MIN_SHARED_WORDS, SHINGLE, ReusedPassage, find_reuse

REUSE_CMAP = "Oranges"  # ColorBrewer sequential: no shared text is white
#: The colour bar's name, level over the bar (style.name_colour_bar): along a bar shorter
#: than it, in a short window, it ran off the figure's top and foot.
COLOUR_BAR_NAME = "Words in\nshared passages"
#: Points a cell's number is set in at most; its line's height (matplotlib's spacing 1.2).
CELL_SIZE = 9.0
#: DejaVu Sans' digits and brackets: about 0.64 of the font size each.
DIGIT_EM = 0.64


class ReuseChart(style.OutletColumnsChart):
    """Outlets × outlets: words in passages shared verbatim or nearly so."""

    key = "reuse"
    title = "Shared passages between outlets"

    def __init__(self, analyses: Sequence[ArticleAnalysis]) -> None:
        self._count(analyses)
        self._analyses = list(analyses)
        self.passages: list[ReusedPassage] = find_reuse(analyses) if analyses else []
        self._ax: Axes | None = None
        self._image: AxesImage | None = None
        place = {o: i for i, o in enumerate(self.outlets)}
        n = self.n_outlets
        self.words = np.zeros((n, n), dtype=int)
        self.counts = np.zeros((n, n), dtype=int)
        for p in self.passages:
            i, j = place[p.outlet_a], place[p.outlet_b]
            for a, b in ((i, j), (j, i)) if i != j else ((i, i),):
                self.words[a, b] += p.shared_words
                self.counts[a, b] += 1

    def size_hint(self) -> tuple[float, float]:
        if self.n_articles == 0:
            return style.EMPTY_SIZE
        longest = max((len(o) for o in self.outlets), default=10)
        side = min(20.0, max(5.0, 0.55 * self.n_outlets + 2.0))
        labels = min(4.0, 0.55 * 9 * longest / 72 + 0.4)
        return (side + labels + 2.5, side + style.outlet_ticks_height(self.outlets) + 1.6)

    def _one_line(self, width_in: float) -> bool:
        """Whether each cell's words and passages ("37 (3)") fit one line in its column on
        a figure ``width_in`` inches wide, with a character to spare on each side: only
        under a few columns (style.MANY_COLUMNS), whose rows keep room for their names."""
        if self.n_outlets > style.MANY_COLUMNS:
            return False
        widest = max((len(self._cell_label(i, j, " ")) for i in range(self.n_outlets)
                      for j in range(self.n_outlets)), default=0)
        column_pt = style.GRID_WIDTH_SHARE * width_in * 72 / max(1, self.n_outlets)
        return (widest + 2) * DIGIT_EM * CELL_SIZE <= column_pt

    def _cell_label(self, i: int, j: int, between: str) -> str:
        return f"{self.words[i, j]}{between}({self.counts[i, j]})" if self.words[i, j] else ""

    def least_height(self, width_in: float) -> float:
        """:meth:`OutletColumnsChart.least_height`, less a line a row where each cell's
        label fits one line (a few outlets, a wide window): the seeds' grid scrolled 50 px
        on a 1366 x 768 laptop, its rows twice the height of their labels."""
        height = super().least_height(width_in)
        if self.n_articles and self._one_line(width_in):
            height -= self.n_outlets * CELL_SIZE * 1.2 / 72 * 100 / style.SCREEN_PX_PER_INCH
        return height

    def plot(self, target: Figure | Axes) -> None:
        if self.n_articles == 0:
            style.draw_empty(target, self.title)
            return
        fig, ax = style.target_axes(target)
        self._ax = ax
        top = max(1, int(self.words.max()))
        norm = Normalize(vmin=0, vmax=top)
        image = ax.imshow(self.words, cmap=REUSE_CMAP, norm=norm, interpolation="nearest",
                          aspect="auto")  # fills the canvas; the note sits over the grid
        self._image = image
        n = self.n_outlets
        cell_pt = 0.6 * float(min(fig.get_size_inches())) * 72 / max(1, n)
        one_line = self._one_line(float(fig.get_size_inches()[0]))
        size = style.fit_fontsize(cell_pt / (1.2 if one_line else 2.2), low=5.0, high=CELL_SIZE)
        colours = style.cell_colours(image.cmap, norm, self.words)  # not per cell
        for i in range(n):
            for j in range(n):
                if self.words[i, j]:
                    ax.text(j, i, self._cell_label(i, j, " " if one_line else "\n"),
                            ha="center", va="center", fontsize=size,
                            color=style.text_colour_on(colours[i, j]))
        style.outlet_ticks(ax, self.outlets, float(fig.get_size_inches()[0]))
        ax.set_yticks(np.arange(n), [style.outlet_label(o) for o in self.outlets],
                      fontsize=style.fit_fontsize(cell_pt))
        ax.set_xticks(np.arange(n + 1) - 0.5, minor=True)
        ax.set_yticks(np.arange(n + 1) - 0.5, minor=True)
        ax.grid(which="minor", color=style.GRID, linewidth=0.8)
        ax.tick_params(which="both", length=0)
        ax.set_xlabel(style.OUTLET_AXIS, fontsize=style.LABEL_SIZE)
        ax.set_ylabel(style.OUTLET_AXIS, fontsize=style.LABEL_SIZE)
        colorbar = fig.colorbar(image, ax=ax, shrink=0.7, aspect=25)
        style.name_colour_bar(colorbar, COLOUR_BAR_NAME)
        style.count_ticks(colorbar)
        note = lead_and_method(
            "Number: words in passages two outlets' articles share word for word or nearly "
            "so; in brackets, the number of passages. The diagonal: between one outlet's own "
            "articles. reuse.csv lists each passage and its likely direction",
            f"{SHINGLE}-word shingles chained, at least {MIN_SHARED_WORDS} shared words.")
        if not self.passages:
            note = "No passage of six words or more is shared between two articles. " + note
        style.set_titles(target, ax, self.title, note)

    def rows(self) -> tuple[list[str], list[dict[str, Any]]]:
        columns = ["outlet_a", "outlet_b", "shared_words", "passages"]
        out = []
        for i, a in enumerate(self.outlets):
            for j, b in enumerate(self.outlets):
                out.append({"outlet_a": a, "outlet_b": b,
                            "shared_words": int(self.words[i, j]),
                            "passages": int(self.counts[i, j])})
        return columns, out

    def passages_between(self, first: str, second: str) -> list[ReusedPassage]:
        return [p for p in self.passages
                if {p.outlet_a, p.outlet_b} == {first, second}
                and (first != second or p.outlet_a == p.outlet_b)]

    def sentences_at(self, event: MouseEvent) -> list[SentenceRef]:
        """A cell: for each shared passage, its sentence in each article, passage marked."""
        cell = style.clicked_cell(self._image, self._ax, event)
        if cell is None:
            return []
        refs: list[SentenceRef] = []
        for p in self.passages_between(self.outlets[cell[0]], self.outlets[cell[1]]):
            refs.append(SentenceRef(p.article_a, p.sentence_a, ((p.start_a, p.end_a),)))
            refs.append(SentenceRef(p.article_b, p.sentence_b, ((p.start_b, p.end_b),)))
        return unique_refs(refs)

    def hover_text(self, ax: Axes, x: float, y: float) -> str | None:
        if ax is not self._ax:
            return None
        cell = style.grid_cell(x, y, self.words.shape)
        if cell is None:
            return None
        i, j = cell
        a, b = style.outlet_label(self.outlets[i]), style.outlet_label(self.outlets[j])
        return (f"{a} · {b}: {style.count_phrase(int(self.words[i, j]), 'shared word')} in "
                f"{style.count_phrase(int(self.counts[i, j]), 'passage')}")
