"""Sources × outlets: who each outlet cites, and how often (aliases merged)."""

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
from models.sources import Source, SourceMention, find_sources, is_named

# More named sources than this: the most widely cited are shown (the CSV has them all).
MAX_SOURCES = 30
COUNT_CMAP = "Blues"  # ColorBrewer sequential: 0 mentions is white
ANONYMOUS_ROW = "Anonymous sources (all)"
#: Sources given by a description that names no one ("the transport department", "police",
#: "the mayor's office" with no name before them): neither a named source's row nor
#: anonymous, they had no row and their mentions were in no cell (ux21, session 21).
UNNAMED_ROW = "Described, not named (all)"
#: The rows after the named sources', each gathering many sources: their source_id in rows().
GROUP_ROWS = {UNNAMED_ROW: "unnamed", ANONYMOUS_ROW: "anonymous"}
TYPE_MARK = {"person": "person", "institution": "institution", "media": "media"}


class SourcesChart(style.OutletColumnsChart):
    """Rows: named sources (and one row for all anonymous ones); columns: outlets."""

    name_rows = 2  # the names stand under and over the grid

    key = "sources"
    title = "Who each outlet cites"

    def __init__(self, analyses: Sequence[ArticleAnalysis]) -> None:
        self._count(analyses)
        self._ax: Axes | None = None
        self._image: AxesImage | None = None
        sources = find_sources(analyses) if analyses else []
        named = [s for s in sources if is_named(s)]
        self.n_named = len(named)
        self.sources: list[Source] = named[:MAX_SOURCES]
        anonymous = [m for s in sources if s.source_type == "anonymous" for m in s.mentions]
        unnamed = [m for s in sources if s.source_type != "anonymous" and not is_named(s)
                   for m in s.mentions]
        self.labels = [f"{s.name} ({TYPE_MARK.get(s.source_type, s.source_type)})"
                       for s in self.sources]
        # Each row's mentions, for the counts and for the sentences behind a cell.
        self.row_mentions: list[tuple[SourceMention, ...]] = [s.mentions for s in self.sources]
        for label, gathered in ((UNNAMED_ROW, unnamed), (ANONYMOUS_ROW, anonymous)):
            if gathered:
                self.labels.append(label)
                self.row_mentions.append(tuple(gathered))
        self.counts = np.zeros((len(self.labels), self.n_outlets), dtype=int)
        column = {o: j for j, o in enumerate(self.outlets)}
        for i, mentions in enumerate(self.row_mentions):
            for m in mentions:
                self.counts[i, column[m.outlet]] += 1

    def size_hint(self) -> tuple[float, float]:
        if self.n_articles == 0:
            return style.EMPTY_SIZE
        longest = max((len(label) for label in self.labels), default=10)
        return (min(24.0, max(8.0, 0.07 * longest + 1.0 * self.n_outlets + 3.0)),
                max(5.0, 0.32 * len(self.labels) + 2.2
                    + 2 * style.outlet_ticks_height(self.outlets)))  # names under and over

    def plot(self, target: Figure | Axes) -> None:
        if self.n_articles == 0:
            style.draw_empty(target, self.title)
            return
        if not self.labels:
            style.draw_empty(target, self.title, "No source is cited in these articles")
            return
        fig, ax = style.target_axes(target)
        self._ax = ax
        top = max(1, int(self.counts.max()))
        norm = Normalize(vmin=0, vmax=top)
        image = ax.imshow(self.counts, cmap=COUNT_CMAP, norm=norm, aspect="auto",
                          interpolation="nearest")
        self._image = image
        n_rows, n_cols = self.counts.shape
        height_in = float(fig.get_size_inches()[1])
        cell_h = 0.75 * height_in * 72 / max(1, n_rows)
        size = style.fit_fontsize(cell_h * 0.8, low=5.0, high=9.0)
        colours = style.cell_colours(image.cmap, norm, self.counts)  # not per cell
        for r in range(n_rows):
            for c in range(n_cols):
                value = int(self.counts[r, c])
                if value:
                    ax.text(c, r, str(value), ha="center", va="center", fontsize=size,
                            color=style.text_colour_on(colours[r, c]))
        ax.set_xticks(np.arange(n_cols + 1) - 0.5, minor=True)
        ax.set_yticks(np.arange(n_rows + 1) - 0.5, minor=True)
        ax.grid(which="minor", color=style.GRID, linewidth=0.8)
        ax.tick_params(which="both", length=0)
        for spine in ax.spines.values():
            spine.set_visible(False)
        ax.set_yticks(np.arange(n_rows), self.labels, fontsize=size)
        style.outlet_ticks(ax, self.outlets, float(fig.get_size_inches()[0]))
        style.name_columns_above_too(ax)
        groups = sum(label in GROUP_ROWS for label in self.labels)
        if groups and groups < n_rows:  # a line between the named sources and the groups
            ax.axhline(n_rows - groups - 0.5, color=style.INK, linewidth=0.9)
        ax.set_xlabel(style.OUTLET_AXIS, fontsize=style.LABEL_SIZE)
        colorbar = fig.colorbar(image, ax=ax, shrink=0.6, aspect=25)
        colorbar.set_label("Mentions", fontsize=style.LABEL_SIZE)
        style.count_ticks(colorbar)
        colorbar.ax.tick_params(labelsize=8)
        note = ("Number: mentions of the source in the outlet's articles, as the speaker of a "
                "report or the medium it came through; aliases merged (sources.csv says by "
                "which rule).")
        if self.n_named > MAX_SOURCES:
            note += f" The {MAX_SOURCES} most widely cited of {self.n_named} named sources."
        style.set_titles(target, ax, self.title, note)

    def rows(self) -> tuple[list[str], list[dict[str, Any]]]:
        """One row per source (or all anonymous ones) and outlet: mentions."""
        columns = ["source", "source_id", "source_type", "outlet", "mentions"]
        out: list[dict[str, Any]] = []
        for i in range(len(self.labels)):
            source = self.sources[i] if i < len(self.sources) else None
            for j, outlet in enumerate(self.outlets):
                group = GROUP_ROWS.get(self.labels[i], "anonymous")
                out.append({
                    "source": source.name if source else self.labels[i],
                    "source_id": source.source_id if source else group,
                    "source_type": source.source_type if source else group,
                    "outlet": outlet, "mentions": int(self.counts[i, j]),
                })
        return columns, out

    def sentences_at(self, event: MouseEvent) -> list[SentenceRef]:
        """A cell: the sentences where the outlet's articles mention the source."""
        cell = style.clicked_cell(self._image, self._ax, event)
        if cell is None:
            return []
        outlet = self.outlets[cell[1]]
        refs = [SentenceRef(m.article_id, m.sentence_index, ((m.start, m.end),))
                for m in sorted(self.row_mentions[cell[0]], key=lambda m: (m.article_id,
                                                                         m.start))
                if m.outlet == outlet]
        return unique_refs(refs)

    def hover_text(self, ax: Axes, x: float, y: float) -> str | None:
        if ax is not self._ax:
            return None
        cell = style.grid_cell(x, y, self.counts.shape)
        if cell is None:
            return None
        r, c = cell
        text = f"{self.labels[r]} · {style.outlet_label(self.outlets[c])}: " \
               f"{style.count_phrase(int(self.counts[r, c]), 'mention')}"
        if r < len(self.sources) and len(self.sources[r].aliases) > 1:
            text += "\nalso written: " + ", ".join(self.sources[r].aliases)
        if self.labels[r] == UNNAMED_ROW:
            written = sorted({m.text for m in self.row_mentions[r] if m.outlet == self.outlets[c]},
                             key=str.casefold)
            if written:
                text += "\nwritten: " + ", ".join(written)
        return text
