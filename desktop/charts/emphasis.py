"""Emphasis: each outlet's share of sentences per topic and off-story, and its distinctive words."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.backend_bases import MouseEvent
from matplotlib.colors import Normalize
from matplotlib.figure import Figure
from matplotlib.image import AxesImage
from matplotlib.patches import Rectangle

from desktop.charts import style
from models.emphasis import DISTINCTIVE_Z, Emphasis, analyze_emphasis
from models.evidence import SentenceRef
from models.features import ArticleAnalysis
from models.measures import lead_and_method

SHARE_CMAP = style.SIMILARITY_CMAP  # cividis, for 0–1
OFF_STORY_LABEL = "Off-story material"
#: The topics chart's colour-bar name: level over the bar (style.name_colour_bar), in lines
#: as narrow as the bar's numbers allow; along the bar it was longer than the chart at
#: 1024 x 700 and was cut at both ends, over the window's footer.
COLOUR_BAR_NAME = "Share of the\noutlet's body\nsentences"
#: The rows' name: only "Topic". "Topic (its four strongest words)", along the grid, was
#: longer than the grid at 1024 x 700; the row labels show the words and the note says so.
TOPIC_AXIS = "Topic"
WORDS_PER_OUTLET = 8
MAX_PANELS = 12
#: Figure inches an outlet's panel needs across: its words (up to ~12 letters at 9 pt) and
#: bars long enough to read against the dashed line.
PANEL_MIN_IN = 2.3
#: An export's panels to a row at most (its width follows).
PANELS_PER_ROW = 5
#: Figure inches beside the panels: margins.
BESIDE_PANELS_IN = 0.6
#: Inches (a size hint's) of a row of panels in an export, and in the window, where a
#: panel's nine lines (its name and eight words, at 7-9 pt) and the scale's numbers fit.
EXPORT_PANEL_IN = 2.4
SCREEN_PANEL_IN = 2.6
#: Inches (a size hint's) over and under the panels: title, note, the scale's name, footer.
AROUND_PANELS_IN = 1.8
#: Figure inches the same take on a drawn figure (a panel's words are sized from the rest).
FIGURE_AROUND_PANELS_IN = 1.0
#: The distinctive words' value axis: what a longer bar means, then its unit. It read "z-score
#: of the weighted log-odds" alone (ux4's walkthrough, session 33).
#: The note's Method sentence names the log-odds.
DISTINCTIVE_AXIS = ("How much more the outlet uses the word than the others "
                    f"(z-score; dashed: {DISTINCTIVE_Z})")


def _refs(emphasis: Emphasis, outlet: str, keep: Any) -> list[SentenceRef]:
    return [SentenceRef(s.article_id, s.sentence_index)
            for s in sorted(emphasis.outlet_sentences(outlet),
                            key=lambda s: (s.article_id, s.sentence_index)) if keep(s)]


class EmphasisTopicsChart(style.OutletColumnsChart):
    """Topics (rows) × outlets (columns): the share of the outlet's sentences in each."""

    key = "emphasis_topics"
    title = "What each outlet stresses: topics and off-story material"

    def __init__(self, analyses: Sequence[ArticleAnalysis],
                 emphasis: Emphasis | None = None) -> None:
        self.emphasis = emphasis if emphasis is not None else analyze_emphasis(analyses)
        self._count(analyses, self.emphasis.outlets)
        self._ax: Axes | None = None
        self._image: AxesImage | None = None
        self.labels = [f"{t.topic_id + 1}: {t.label}" for t in self.emphasis.topics]
        self.labels.append(OFF_STORY_LABEL)
        shares = [[self.emphasis.topic_share(o, t.topic_id) for o in self.outlets]
                  for t in self.emphasis.topics]
        shares.append([self.emphasis.off_story_share(o) for o in self.outlets])
        self.shares = np.array(shares, dtype=float).reshape(len(self.labels), self.n_outlets)

    def size_hint(self) -> tuple[float, float]:
        if self.n_articles == 0:
            return style.EMPTY_SIZE
        longest = max((len(label) for label in self.labels), default=10)
        return (min(24.0, max(8.0, 0.075 * longest + 1.1 * self.n_outlets + 3.0)),
                max(4.5, 0.45 * len(self.labels) + 2.2
                    + style.outlet_ticks_height(self.outlets)))

    def plot(self, target: Figure | Axes) -> None:
        if self.n_articles == 0:
            style.draw_empty(target, self.title)
            return
        if not self.emphasis.topics:
            style.draw_empty(target, self.title, "Too few sentences to find topics")
            return
        fig, ax = style.target_axes(target)
        self._ax = ax
        norm = Normalize(vmin=0.0, vmax=1.0)
        image = ax.imshow(np.ma.masked_invalid(self.shares), cmap=SHARE_CMAP, norm=norm,
                          aspect="auto", interpolation="nearest")
        self._image = image
        n_rows, n_cols = self.shares.shape
        colours = style.cell_colours(image.cmap, norm, self.shares)  # not per cell
        for r in range(n_rows):
            for c in range(n_cols):
                value = float(self.shares[r, c])
                text = style.EM_DASH if math.isnan(value) else f"{100 * value:.0f}%"
                colour = style.INK if math.isnan(value) else \
                    style.text_colour_on(colours[r, c])
                ax.text(c, r, text, ha="center", va="center", fontsize=9, color=colour)
        ax.set_xticks(np.arange(n_cols + 1) - 0.5, minor=True)
        ax.set_yticks(np.arange(n_rows + 1) - 0.5, minor=True)
        ax.grid(which="minor", color="white", linewidth=1.2)
        ax.tick_params(which="both", length=0)
        for spine in ax.spines.values():
            spine.set_visible(False)
        ax.axhline(n_rows - 1.5, color=style.INK, linewidth=1.2)
        ax.set_yticks(np.arange(n_rows), self.labels, fontsize=9)
        ax.get_yticklabels()[-1].set_fontweight("bold")
        style.outlet_ticks(ax, self.outlets, float(fig.get_size_inches()[0]))
        ax.set_xlabel(style.OUTLET_AXIS, fontsize=style.LABEL_SIZE)
        ax.set_ylabel(TOPIC_AXIS, fontsize=style.LABEL_SIZE)
        # The bar stands on the grid's foot, under half its height, so that its name over it
        # stays beside the grid (at 1024 x 700 the grid is ~106 px): higher, it met the note.
        colorbar = fig.colorbar(image, ax=ax, shrink=0.45, aspect=12, anchor=(0.0, 0.0))
        style.name_colour_bar(colorbar, COLOUR_BAR_NAME)
        note = lead_and_method(
            "Each cell: the share of the outlet's body sentences about the topic, named by "
            "its four strongest words; each sentence counts for one topic, so an outlet's "
            "column sums to 100% (sentences without a topic aside). Off-story: sentences "
            "that the other articles hardly echo (asides such as a battle report), in any "
            "topic", "topics found by NMF over the body sentences' TF-IDF.")
        style.set_titles(target, ax, self.title, note)

    def rows(self) -> tuple[list[str], list[dict[str, Any]]]:
        columns = ["topic_id", "topic", "top_words", "outlet", "share"]
        out: list[dict[str, Any]] = []
        for r, label in enumerate(self.labels):
            topic = self.emphasis.topics[r] if r < len(self.emphasis.topics) else None
            for c, outlet in enumerate(self.outlets):
                out.append({
                    "topic_id": topic.topic_id if topic else "off_story",
                    "topic": label, "top_words": " ".join(topic.top_words) if topic else "",
                    "outlet": outlet, "share": float(self.shares[r, c]),
                })
        return columns, out

    def sentences_at(self, event: MouseEvent) -> list[SentenceRef]:
        """A cell: the outlet's sentences in that topic (or its off-story sentences)."""
        cell = style.clicked_cell(self._image, self._ax, event)
        if cell is None:
            return []
        r, c = cell
        outlet = self.outlets[c]
        if r == len(self.emphasis.topics):
            return _refs(self.emphasis, outlet, lambda s: s.off_story)
        topic_id = self.emphasis.topics[r].topic_id
        return _refs(self.emphasis, outlet, lambda s: s.topic_id == topic_id)

    def hover_text(self, ax: Axes, x: float, y: float) -> str | None:
        if ax is not self._ax:
            return None
        cell = style.grid_cell(x, y, self.shares.shape)
        if cell is None:
            return None
        r, c = cell
        value = float(self.shares[r, c])
        share = "no sentences" if math.isnan(value) else f"{100 * value:.0f}% of its sentences"
        text = f"{style.outlet_label(self.outlets[c])} · {self.labels[r]}: {share}"
        if r < len(self.emphasis.topics):
            text += "\n" + ", ".join(self.emphasis.topics[r].top_words)
        return text


class DistinctiveWordsChart(style.ChartBase):
    """Each outlet's most over-used words against the others (log-odds z), one block each."""

    key = "distinctive_words"
    title = "Each outlet's distinctive words"

    def __init__(self, analyses: Sequence[ArticleAnalysis],
                 emphasis: Emphasis | None = None, *,
                 outlets_loaded: Sequence[str] = ()) -> None:
        """``outlets_loaded``: every outlet loaded, excluded articles' too, whose colours
        stay put (style.outlet_colours)."""
        self._analyses = list(analyses)
        self.emphasis = emphasis if emphasis is not None else analyze_emphasis(analyses)
        self._count(analyses, self.emphasis.outlets)
        self.shown = self.outlets[:MAX_PANELS]
        self.words = {o: self.emphasis.distinctive_for(o, WORDS_PER_OUTLET) for o in self.shown}
        self.colours = style.outlet_colours(self.outlets, outlets_loaded)
        #: The axes holding the title's note (a Figure's) or everything (a given Axes).
        self._ax: Axes | None = None
        #: Each bar with its (outlet, word), in every panel.
        self._bars: list[tuple[tuple[str, str] | None, Rectangle]] = []
        # Per axes, its (outlet, word) per bar, top to bottom; None for a header row (the
        # blocks one under another on a given Axes).
        self._slots: dict[Axes, list[tuple[str, str] | None]] = {}

    def size_hint(self) -> tuple[float, float]:
        """An export: the panels at most :data:`PANELS_PER_ROW` to a row."""
        if self.n_articles == 0:
            return style.EMPTY_SIZE
        rows, columns = self._panel_grid(PANELS_PER_ROW * PANEL_MIN_IN + BESIDE_PANELS_IN)
        return (max(6.0, columns * PANEL_MIN_IN + BESIDE_PANELS_IN),
                max(4.5, rows * EXPORT_PANEL_IN + AROUND_PANELS_IN))

    def least_height(self, width_in: float) -> float:
        """The least height (inches, as :meth:`size_hint`'s) in the window, on a figure
        ``width_in`` inches wide: as many panels to a row as fit side by side. One
        outlet's block under another, the seeds' chart asked 665 px, 367 px more than a
        1366 x 768 laptop's first run shows."""
        if not self._drawable():
            return self.size_hint()[1]
        rows, _ = self._panel_grid(width_in)
        return rows * SCREEN_PANEL_IN + AROUND_PANELS_IN

    def _drawable(self) -> bool:
        return self.n_articles > 0 and self.n_outlets >= 2 and any(self.words.values())

    def _panel_grid(self, width_in: float) -> tuple[int, int]:
        """(rows, columns) of the outlets' panels on a figure ``width_in`` inches wide:
        as many to a row as fit, the rows as even as can be (5 as 3 + 2, not 4 + 1)."""
        n = max(1, len(self.shown))
        most = max(1, min(n, int((width_in - BESIDE_PANELS_IN) // PANEL_MIN_IN)))
        rows = math.ceil(n / most)
        return rows, math.ceil(n / rows)

    def plot(self, target: Figure | Axes) -> None:
        """On a Figure, one panel per outlet, side by side as the width allows, on one
        scale; on a given Axes, the outlets' blocks one under another."""
        if self.n_articles == 0:
            style.draw_empty(target, self.title)
            return
        if not self._drawable():
            style.draw_empty(target, self.title, "Distinctive words need two outlets or more")
            return
        self._slots = {}
        self._bars = []
        if isinstance(target, Figure):
            self._plot_panels(target)
        else:
            self._plot_stacked(target)

    def _note(self) -> str:
        note = lead_and_method(
            "Words each outlet uses more than the others; beyond the dashed line "
            f"(at {DISTINCTIVE_Z}) chance is an unlikely explanation",
            "weighted log-odds with an informative Dirichlet prior (Monroe, Colaresi & "
            "Quinn 2008), as z-scores.")
        if self.n_outlets > MAX_PANELS:
            note += f" The first {MAX_PANELS} of {self.n_outlets} outlets; the CSV has all."
        return note

    def _plot_panels(self, fig: Figure) -> None:
        width_in, height_in = (float(v) for v in fig.get_size_inches())
        rows, columns = self._panel_grid(width_in)
        # A row over the panels holds the title's note, a row under them the scale's name,
        # each across the whole width (neither fits one panel); their own height is ~0.
        grid = fig.add_gridspec(rows + 2, columns, height_ratios=[1e-3, *[1.0] * rows, 1e-3])
        panel_pt = max(0.5, height_in - FIGURE_AROUND_PANELS_IN) / rows * 72
        size = style.fit_fontsize(panel_pt / (WORDS_PER_OUTLET + 2), low=7.0, high=9.0)
        name_chars = max(10, int((width_in / columns - 0.9) * 72 / (0.62 * (size + 0.5))))
        first: Axes | None = None
        for k, outlet in enumerate(self.shown):
            r, c = divmod(k, columns)
            ax = fig.add_subplot(grid[1 + r, c], sharex=first)
            first = first or ax
            self._panel(ax, outlet, size)
            ax.set_title(style.wrap_name(style.outlet_label(outlet), 2, name_chars),
                         loc="left", fontsize=size + 0.5, fontweight="bold", color=style.INK)
            # The scale's numbers under each column's lowest panel only.
            ax.tick_params(axis="x", labelsize=size, labelbottom=k + columns >= len(self.shown))
        scale = fig.add_subplot(grid[-1, :])
        # Plain words first, as the descriptions (ux28); the unit after, for the researcher.
        scale.set_xlabel(style.wrap_to_width(DISTINCTIVE_AXIS, width_in - 1.0, style.LABEL_SIZE),
                         fontsize=style.LABEL_SIZE)
        top = fig.add_subplot(grid[0, :])
        for holder in (scale, top):
            holder.set_frame_on(False)
            holder.tick_params(left=False, bottom=False, labelleft=False, labelbottom=False)
        self._ax = top
        style.set_titles(fig, top, self.title, self._note())

    def _panel(self, ax: Axes, outlet: str, size: float) -> None:
        """One outlet's words, its bars in its colour, top to bottom by z-score."""
        words = self.words[outlet]
        slots: list[tuple[str, str] | None] = [(outlet, d.word) for d in words]
        bars = ax.barh(np.arange(len(words)), [d.z_score for d in words], height=0.7,
                       color=self.colours[outlet], edgecolor=style.INK, linewidth=0.5)
        self._slots[ax] = slots
        self._bars.extend(zip(slots, bars.patches, strict=True))
        ax.set_yticks(np.arange(len(words)), [d.word for d in words], fontsize=size)
        ax.set_ylim(WORDS_PER_OUTLET - 0.5, -0.5)  # every panel's bars equally thick
        self._dress(ax)

    @staticmethod
    def _dress(ax: Axes) -> None:
        ax.axvline(DISTINCTIVE_Z, color=style.MUTED, linestyle="--", linewidth=0.9)
        ax.tick_params(axis="y", length=0)
        ax.grid(axis="x", color=style.GRID, linewidth=0.8)
        ax.set_axisbelow(True)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)

    def _plot_stacked(self, ax: Axes) -> None:
        fig = ax.get_figure(root=True)
        assert isinstance(fig, Figure)
        self._ax = ax
        slots: list[tuple[str, str] | None] = []
        values: list[float] = []
        colours: list[str] = []
        labels: list[str] = []
        for outlet in self.shown:
            slots.append(None)
            values.append(0.0)
            colours.append("white")
            labels.append("")
            for d in self.words[outlet]:
                slots.append((outlet, d.word))
                values.append(d.z_score)
                colours.append(self.colours[outlet])
                labels.append(d.word)
        positions = np.arange(len(slots))
        bars = ax.barh(positions, values, height=0.7, color=colours,
                       edgecolor=[style.INK if s else "none" for s in slots], linewidth=0.5)
        self._slots[ax] = slots
        self._bars.extend(zip(slots, bars.patches, strict=True))
        height_in = float(fig.get_size_inches()[1])
        size = style.fit_fontsize(0.8 * height_in * 72 / max(1, len(slots)), high=9.0)
        ax.set_yticks(positions, labels, fontsize=size)
        for i, slot in enumerate(slots):
            if slot is None:
                outlet = self.shown[sum(1 for s in slots[:i] if s is None)]
                ax.text(0.0, i, f"  {style.outlet_label(outlet)}", ha="left", va="center",
                        fontsize=size + 0.5, fontweight="bold", color=style.INK)
        ax.set_ylim(len(slots) - 0.5, -0.5)
        self._dress(ax)
        # Plain words first, as the descriptions (ux28); the unit after, for the researcher.
        ax.set_xlabel(DISTINCTIVE_AXIS, fontsize=style.LABEL_SIZE)
        style.set_titles(ax, ax, self.title, self._note())

    def rows(self) -> tuple[list[str], list[dict[str, Any]]]:
        columns = ["outlet", "rank", "word", "z_score", "log_odds", "count",
                   "count_other_outlets"]
        out: list[dict[str, Any]] = []
        for outlet in self.outlets:
            for rank, d in enumerate(self.emphasis.distinctive_for(outlet, 25), start=1):
                out.append({"outlet": outlet, "rank": rank, "word": d.word,
                            "z_score": d.z_score, "log_odds": d.delta, "count": d.count,
                            "count_other_outlets": d.count_others})
        return columns, out

    def _bar_at(self, event: MouseEvent) -> tuple[str, str] | None:
        if event.inaxes not in self._slots or event.xdata is None or event.ydata is None:
            return None
        for slot, patch in self._bars:
            if slot is not None and patch.axes is event.inaxes and patch.contains(event)[0]:
                return slot
        return None

    def sentences_at(self, event: MouseEvent) -> list[SentenceRef]:
        """A bar: the outlet's sentences using the word, each use highlighted."""
        hit = self._bar_at(event)
        if hit is None:
            return []
        outlet, word = hit
        body = re.escape(word).replace("'", "['’]")
        pattern = re.compile(r"(?<![\w'’])" + body + r"(?![\w'’])", re.IGNORECASE)
        refs = []
        for analysis in sorted(self._analyses, key=lambda a: a.article_id):
            if analysis.outlet != outlet:
                continue
            for s in analysis.article.body_sentences:
                marks = tuple((s.start + m.start(), s.start + m.end())
                              for m in pattern.finditer(s.text))
                if marks:
                    refs.append(SentenceRef(analysis.article_id, s.index, marks))
        return refs

    def hover_text(self, ax: Axes, x: float, y: float) -> str | None:
        slots = self._slots.get(ax, [])
        index = round(y)
        if not 0 <= index < len(slots) or slots[index] is None:
            return None
        outlet, word = slots[index]  # type: ignore[misc]
        d = next(d for d in self.words[outlet] if d.word == word)
        return (f"{style.outlet_label(outlet)} · '{d.word}': z = {d.z_score:.2f}, "
                f"{d.count}× here, {d.count_others}× in the other outlets")
