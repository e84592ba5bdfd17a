"""Charts for corpora too big to draw article by article: one row per outlet.

Beyond :data:`ARTICLE_LIMIT` articles, a strip or a matrix cell per article
is unreadable (and a 10,000 × 10,000 similarity matrix does not fit in
memory), so :func:`desktop.charts.build_chart` draws these instead under the
same chart keys: sentence tone as a distribution per outlet, and wording
similarity as outlet × outlet means. Their data export says what each number
aggregates.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import QuadMesh
from matplotlib.colors import Normalize
from matplotlib.figure import Figure

from desktop.charts import style
from models.compare import outlet_similarity_matrix
from models.features import ArticleAnalysis

#: Above this many articles, per-article charts become per-outlet charts.
ARTICLE_LIMIT = 150
#: At scale, wording similarity compares at most this many articles per outlet
#: (evenly spread over the outlet's articles in id order): TF-IDF over every
#: article of a 10,000-article corpus takes tens of seconds.
SIMILARITY_SAMPLE = 40
#: Tone bins: sentence tone (news model, and VADER in the data) from -1 to 1 in steps of 0.1.
TONE_BINS = np.linspace(-1.0, 1.0, 21)


def _outlet_size(n_outlets: int) -> float:
    """Inches per outlet row, readable from 2 to 40 outlets."""
    return max(0.28, min(0.5, 9.0 / max(n_outlets, 1)))


# The name over the outlet-tone chart's colour bar.
TONE_BAR_NAME = "Share of the\noutlet's sentences"


class OutletToneChart(style.ChartBase):
    """Per outlet: the share of its body sentences in each tone bin, and its mean tone.

    Drawn from the news model (``tone_news``), the tone the app shows for articles, as the
    per-article strips are; VADER's counts go alongside in the chart's data.
    """

    key = "tone_strips"
    title = "Sentence tone by outlet"

    def __init__(self, analyses: Sequence[ArticleAnalysis]) -> None:
        self._count(analyses)
        self._ax: Axes | None = None
        self.counts, self.means = self._binned(analyses, lambda a: a.sentence_tones_news)
        self.vader_counts, self.vader_means = self._binned(analyses, lambda a: a.sentence_tones)
        self.sentences = self.counts.sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            self.shares = self.counts / self.sentences[:, None]
            self.vader_shares = self.vader_counts / self.vader_counts.sum(axis=1)[:, None]

    def _binned(
        self, analyses: Sequence[ArticleAnalysis],
        tones_of: Callable[[ArticleAnalysis], Sequence[float]],
    ) -> tuple[np.ndarray, np.ndarray]:
        """Sentences per outlet and tone bin, and each outlet's mean sentence tone."""
        index = {o: i for i, o in enumerate(self.outlets)}
        counts = np.zeros((self.n_outlets, len(TONE_BINS) - 1))
        totals = np.zeros(self.n_outlets)
        for analysis in analyses:
            row = index[analysis.outlet]
            tones = np.asarray(tones_of(analysis), dtype=float)
            if tones.size:
                counts[row] += np.histogram(tones, bins=TONE_BINS)[0]
                totals[row] += tones.sum()
        with np.errstate(invalid="ignore", divide="ignore"):
            return counts, totals / counts.sum(axis=1)

    def size_hint(self) -> tuple[float, float]:
        if self.n_articles == 0:
            return style.EMPTY_SIZE
        return (11.0, max(4.5, _outlet_size(self.n_outlets) * self.n_outlets + 2.4))

    def plot(self, target: Figure | Axes) -> None:
        if self.n_articles == 0 or not self.sentences.sum():
            style.draw_empty(target, self.title)
            return
        fig, ax = style.target_axes(target)
        self._ax = ax
        top = float(np.nanmax(self.shares)) or 1.0
        # Vector quads, not imshow: no float64 image at the export's pixel size.
        image = style.seamless(ax.pcolormesh(
            TONE_BINS, np.arange(self.n_outlets + 1) - 0.5,
            np.ma.masked_invalid(self.shares), cmap="Greys", norm=Normalize(0.0, top),
        ))
        ax.set_ylim(self.n_outlets - 0.5, -0.5)
        ax.scatter(self.means, np.arange(self.n_outlets), marker="D", s=28, zorder=3,
                   color="#D55E00", edgecolor="white", linewidth=0.6, label="mean tone")
        ax.axvline(0.0, color=style.GRID, linewidth=0.8, zorder=2)
        size = style.fit_fontsize(_outlet_size(self.n_outlets) * 72, low=6.0, high=9.0)
        labels = [
            f"{style.outlet_label(o)} ({int(n):,} sentences)"
            for o, n in zip(self.outlets, self.sentences, strict=True)
        ]
        ax.set_yticks(np.arange(self.n_outlets), labels, fontsize=size)
        ax.set_xlim(-1.0, 1.0)
        ax.set_xlabel("Tone of a sentence, news model (−1 negative … +1 positive)",
                      fontsize=style.LABEL_SIZE)
        ax.tick_params(axis="y", length=0)
        # The tone scale over the first rows too: with 30 outlets the grid is taller than the
        # Compare view, which showed rows of grey with no scale until scrolled to the foot.
        style.value_axis_above_too(ax)
        colorbar = fig.colorbar(image, ax=ax, shrink=0.8, aspect=25)
        # Over the bar, level (as the outlet heatmap's): its name along the bar, centred,
        # was cut by the view's edge ("are of the outlet's sentences").
        style.name_colour_bar(colorbar, TONE_BAR_NAME)
        # The mean's marker is named in the note: a legend over the grid's corner ran into
        # the scale's numbers there.
        style.set_titles(
            target, ax, self.title,
            f"{self.n_articles:,} articles: too many for one strip each, so each row shows "
            "how an outlet's sentences spread over the tone scale; ◆ the outlet's mean tone.",
        )

    def rows(self) -> tuple[list[str], list[dict[str, Any]]]:
        """One row per outlet and tone bin: VADER's counts (the first columns, as before),
        then the news model's, which the chart draws."""
        columns = ["outlet", "tone_low", "tone_high", "sentences", "share", "outlet_mean_tone",
                   # additions
                   "tone_news_sentences", "tone_news_share", "outlet_mean_tone_news"]
        out: list[dict[str, Any]] = []
        for i, outlet in enumerate(self.outlets):
            for j in range(len(TONE_BINS) - 1):
                out.append({
                    "outlet": outlet, "tone_low": round(float(TONE_BINS[j]), 2),
                    "tone_high": round(float(TONE_BINS[j + 1]), 2),
                    "sentences": int(self.vader_counts[i, j]),
                    "share": float(self.vader_shares[i, j]),
                    "outlet_mean_tone": float(self.vader_means[i]),
                    "tone_news_sentences": int(self.counts[i, j]),
                    "tone_news_share": float(self.shares[i, j]),
                    "outlet_mean_tone_news": float(self.means[i]),
                })
        return columns, out

    def hover_text(self, ax: Axes, x: float, y: float) -> str | None:
        if ax is not self._ax:
            return None
        i = round(y)
        j = int(np.searchsorted(TONE_BINS, x, side="right")) - 1
        if not (0 <= i < self.n_outlets and 0 <= j < len(TONE_BINS) - 1):
            return None
        return (f"{style.outlet_label(self.outlets[i])}: {self.shares[i, j]:.1%} of "
                f"{int(self.sentences[i]):,} sentences score {TONE_BINS[j]:+.1f} to "
                f"{TONE_BINS[j + 1]:+.1f} (news model)\nmean tone {self.means[i]:+.2f}, "
                f"VADER's {self.vader_means[i]:+.2f}")


def similarity_sample(analyses: Sequence[ArticleAnalysis]) -> list[ArticleAnalysis]:
    """Up to :data:`SIMILARITY_SAMPLE` articles per outlet, evenly spread (deterministic)."""
    by_outlet: dict[str, list[ArticleAnalysis]] = {}
    for analysis in analyses:
        by_outlet.setdefault(analysis.outlet, []).append(analysis)
    sample: list[ArticleAnalysis] = []
    for group in by_outlet.values():
        group.sort(key=lambda a: a.article_id)
        if len(group) > SIMILARITY_SAMPLE:
            step = len(group) / SIMILARITY_SAMPLE
            group = [group[int(i * step)] for i in range(SIMILARITY_SAMPLE)]
        sample.extend(group)
    return sample


# The name over the outlet-similarity chart's colour bar, in a journalist's words (the
# method is named in the chart's description and in an export's footer: EXPORT_METHOD).
COLOUR_BAR_NAME = "Shared wording\nof their articles\n(average, 0–1)"
EXPORT_METHOD = ("Shared wording: the mean cosine similarity of TF-IDF vectors of the body "
                 "text over the outlets' pairs of articles")


class OutletSimilarityChart(style.ChartBase):
    """Outlets × outlets: mean TF-IDF cosine similarity (0–1) over their pairs of articles."""

    key = "similarity"
    title = "Similarity of wording between outlets"
    export_method = EXPORT_METHOD

    def __init__(self, analyses: Sequence[ArticleAnalysis]) -> None:
        self._count(analyses)
        self._ax: Axes | None = None
        self._image: QuadMesh | None = None
        self.sample = similarity_sample(analyses)
        self.matrix, self.pairs = outlet_similarity_matrix(self.sample, self.outlets)

    def size_hint(self) -> tuple[float, float]:
        if self.n_articles == 0:
            return style.EMPTY_SIZE
        side = max(5.5, min(15.0, 0.42 * self.n_outlets + 1.5))
        return (side + 4.2, side + 2.8)

    def plot(self, target: Figure | Axes) -> None:
        if self.n_articles == 0:
            style.draw_empty(target, self.title)
            return
        fig, ax = style.target_axes(target)
        self._ax = ax
        n = self.n_outlets
        # The article chart's scale, 0 (nothing in common) to 1 (the same text), so a colour
        # means one similarity in both. Scaled to the largest cell (at least 0.05), outlets
        # sharing 0.03 of their wording looked as alike as wire copies (ux13's review).
        norm = Normalize(vmin=0.0, vmax=1.0)
        image = style.cell_grid(ax, self.matrix, cmap=style.SIMILARITY_CMAP, norm=norm,
                                aspect="equal")
        self._image = image
        width_in, height_in = fig.get_size_inches()
        cell_pt = 0.62 * min(width_in, height_in) * 72 / n
        size = style.fit_fontsize(cell_pt / 2.6 / 0.72, low=4.5, high=9.0)
        if cell_pt >= 11:
            cells: list[tuple[float, float, str, str]] = []
            colours = style.cell_colours(image.cmap, norm, self.matrix)  # not per cell
            for i in range(n):
                for j in range(n):
                    value = float(self.matrix[i, j])
                    text = style.EM_DASH if not np.isfinite(value) else f"{value:.2f}"
                    colour = style.INK if not np.isfinite(value) else \
                        style.text_colour_on(colours[i, j])
                    cells.append((j, i, text, colour))
            style.cell_labels(ax, cells, size)
        labels = [style.outlet_label(o) for o in self.outlets]
        label_size = style.fit_fontsize(cell_pt, low=5.5, high=9.0)
        # Upright labels for many outlets: rotated ones would overlap their neighbours.
        ax.set_xticks(np.arange(n), labels, fontsize=label_size, rotation=90 if n > 6 else 40,
                      ha="center" if n > 6 else "right",
                      rotation_mode="default" if n > 6 else "anchor")
        ax.set_yticks(np.arange(n), labels, fontsize=label_size)
        ax.tick_params(length=0)
        colorbar = fig.colorbar(image, ax=ax, shrink=0.8, aspect=25)
        # Over the bar, level (as the outlet heatmap's): with 30 outlets the bar is taller
        # than the Compare view, and its name along it, centred, was cut by the view's edge.
        style.name_colour_bar(colorbar, COLOUR_BAR_NAME)
        style.set_titles(
            target, ax, self.title,
            f"{self.n_articles:,} articles: too many for a cell each, so each cell is the mean "
            "over every pair of articles from the two outlets (the diagonal: pairs within "
            f"one outlet), for up to {SIMILARITY_SAMPLE} articles per outlet "
            f"({len(self.sample):,} in all). Shared wire copy shows up as bright cells.",
            note_width_in=0.8 * min(width_in, height_in),
        )

    def rows(self) -> tuple[list[str], list[dict[str, Any]]]:
        columns = ["outlet_a", "outlet_b", "article_pairs", "mean_cosine_similarity"]
        # article_pairs counts the pairs of the sample (SIMILARITY_SAMPLE per outlet at most).
        out = [
            {"outlet_a": a, "outlet_b": b, "article_pairs": int(self.pairs[i, j]),
             "mean_cosine_similarity": float(self.matrix[i, j])}
            for i, a in enumerate(self.outlets) for j, b in enumerate(self.outlets)
        ]
        return columns, out

    def hover_text(self, ax: Axes, x: float, y: float) -> str | None:
        if ax is not self._ax:
            return None
        i, j = round(y), round(x)
        if not (0 <= i < self.n_outlets and 0 <= j < self.n_outlets):
            return None
        value = self.matrix[i, j]
        shown = "undefined (one article)" if not np.isfinite(value) else f"{value:.2f}"
        return (f"{style.outlet_label(self.outlets[i])}\n{style.outlet_label(self.outlets[j])}\n"
                f"mean cosine similarity {shown} over {int(self.pairs[i, j]):,} pairs")
