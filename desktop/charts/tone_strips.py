"""Sentence tone, article by article: one strip per article, one cell per body sentence."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.backend_bases import MouseEvent
from matplotlib.collections import QuadMesh
from matplotlib.colors import TwoSlopeNorm
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import blended_transform_factory

from desktop.charts import style
from models.article import sentence_place
from models.compare import outlet_names
from models.evidence import SentenceRef
from models.features import ArticleAnalysis
from models.measures import measure


def ordered_by_outlet(analyses: Sequence[ArticleAnalysis]) -> list[ArticleAnalysis]:
    """Articles grouped by outlet (outlet_names order), then by article id."""
    rank = {o: i for i, o in enumerate(outlet_names(analyses))}
    return sorted(analyses, key=lambda a: (rank[a.outlet], a.article_id))


class ToneStripsChart(style.ChartBase):
    """Strips of tone_news (−1 to 1) per body sentence, with each article's mean.

    VADER's compound score, the older tone measure, rides along: in the hover text
    and in the chart data.
    """

    key = "tone_strips"
    title = "Sentence tone, article by article"

    def __init__(self, analyses: Sequence[ArticleAnalysis]) -> None:
        self.articles = ordered_by_outlet(analyses)
        self.n_articles = len(self.articles)
        self._ax: Axes | None = None  # the chart's own axes once plotted (not a colorbar)
        self._mesh: QuadMesh | None = None
        self.n_outlets = len(outlet_names(analyses))
        self.labels = style.article_labels(self.articles)
        self.tones: list[tuple[float, ...]] = [a.sentence_tones_news for a in self.articles]
        self.means = [a.scores.tone_news_mean for a in self.articles]
        self.vader: list[tuple[float, ...]] = [a.sentence_tones for a in self.articles]
        self.vader_means = [a.scores.tone_mean for a in self.articles]
        self.max_sentences = max((len(t) for t in self.tones), default=0)

    def size_hint(self) -> tuple[float, float]:
        if self.n_articles == 0:
            return style.EMPTY_SIZE
        longest = max((len(label) for label in self.labels), default=10)
        width = min(16.0, max(10.0, 0.09 * longest + 0.12 * self.max_sentences + 2.0))
        return (width, min(60.0, max(4.5, 0.24 * self.n_articles + 2.6)))

    def matrix(self) -> np.ndarray:
        """Articles × sentence positions; NaN past an article's last sentence."""
        grid = np.full((self.n_articles, self.max_sentences), np.nan)
        for i, tones in enumerate(self.tones):
            grid[i, : len(tones)] = tones
        return grid

    def plot(self, target: Figure | Axes) -> None:
        if self.n_articles == 0:
            style.draw_empty(target, self.title)
            return
        if self.max_sentences == 0:
            style.draw_empty(target, self.title, "No body sentences to show")
            return
        fig, ax = style.target_axes(target)
        self._ax = ax
        height_in = float(fig.get_size_inches()[1])
        grid = np.ma.masked_invalid(self.matrix())
        norm = TwoSlopeNorm(vmin=-1.0, vcenter=0.0, vmax=1.0)
        x_edges = np.arange(self.max_sentences + 1) + 0.5
        y_edges = np.arange(self.n_articles + 1) - 0.5
        # White cell edges separate sentences and strips without extra artists.
        mesh = ax.pcolormesh(x_edges, y_edges, grid, cmap=style.TONE_CMAP, norm=norm,
                             edgecolors="white", linewidth=0.6 if self.n_articles < 80 else 0.3)
        self._mesh = mesh
        ax.set_ylim(self.n_articles - 0.5, -0.5)  # first article at the top
        ax.set_xlim(0.5, self.max_sentences + 0.5)
        row_pt = 0.78 * height_in * 72 / self.n_articles
        size = style.fit_fontsize(row_pt, low=4.5, high=9.0)
        ax.set_yticks(np.arange(self.n_articles), self.labels, fontsize=size)
        ax.tick_params(axis="y", length=0)
        ax.set_xlabel("Body sentence, in reading order", fontsize=style.LABEL_SIZE)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        for spine in ax.spines.values():
            spine.set_visible(False)

        # Lines between outlets make the grouping visible.
        outlets = [a.outlet for a in self.articles]
        for i in range(1, self.n_articles):
            if outlets[i] != outlets[i - 1]:
                ax.axhline(i - 0.5, color=style.INK, linewidth=0.9)

        # Each article's mean tone, written just right of the strips.
        right = blended_transform_factory(ax.transAxes, ax.transData)
        ax.text(1.01, -0.5, "mean", transform=right, ha="left", va="bottom",
                fontsize=size, color=style.MUTED)
        for i, (mean, tones) in enumerate(zip(self.means, self.tones, strict=True)):
            text = style.format_number(mean, signed=True) if tones else style.EM_DASH
            ax.text(1.01, i, text, transform=right, ha="left", va="center", fontsize=size,
                    color=style.INK)

        # A colorbar of fixed physical thickness above the strips, whatever the height.
        pad = 0.12 / height_in
        colorbar = fig.colorbar(
            mesh, ax=ax, location="top", fraction=min(0.15, 0.5 / height_in), shrink=0.45,
            aspect=35, pad=pad, ticks=[-1, -0.5, 0, 0.5, 1],
        )
        colorbar.set_label("Tone, news model (sentence)", fontsize=style.NOTE_SIZE + 0.5)
        colorbar.ax.tick_params(labelsize=8)
        tone = measure("tone_news_mean")
        note = (f"Red: negative, blue: positive. Sentence tone from the news model "
                f"(VADER corrected by NYT ratings); right: the article's mean ({tone.unit}).")
        # The strips start after the article labels and stop before the means.
        label_in = max(len(label) for label in self.labels) * 0.55 * size / 72
        strips_in = float(fig.get_size_inches()[0]) - label_in - 1.3
        style.set_titles(target, ax, self.title, note, note_width_in=strips_in)

    def rows(self) -> tuple[list[str], list[dict[str, Any]]]:
        """One row per body sentence: VADER's compound and tone_news, and the articles' means."""
        columns = ["outlet", "article_id", "sentence_number", "vader_compound", "article_tone_mean",
                   # additions
                   "tone_news", "article_tone_news_mean"]
        out: list[dict[str, Any]] = []
        for i, analysis in enumerate(self.articles):
            for n, tone in enumerate(self.vader[i], start=1):
                news = self.tones[i][n - 1] if n <= len(self.tones[i]) else None
                out.append({
                    "outlet": analysis.outlet, "article_id": analysis.article_id,
                    "sentence_number": n, "vader_compound": tone,
                    "article_tone_mean": self.vader_means[i],
                    "tone_news": news, "article_tone_news_mean": self.means[i],
                })
        return columns, out

    def sentences_at(self, event: MouseEvent) -> list[SentenceRef]:
        """A cell: its sentence (the n-th body sentence of the strip's article)."""
        if self._mesh is None or not style.event_in(self._ax, event):
            return []
        hit, _ = self._mesh.contains(event)
        if not hit:
            return []
        assert event.xdata is not None and event.ydata is not None
        row, col = round(event.ydata), round(event.xdata) - 1
        if not 0 <= row < self.n_articles or not 0 <= col < len(self.tones[row]):
            return []
        body = self.articles[row].article.body_sentences
        if col >= len(body):
            return []
        return [SentenceRef(self.articles[row].article_id, body[col].index)]

    def hover_text(self, ax: Axes, x: float, y: float) -> str | None:
        if ax is not self._ax:
            return None
        row, col = round(y), round(x) - 1
        if not 0 <= row < self.n_articles or not 0 <= col < len(self.tones[row]):
            return None
        sentences = self.articles[row].article.body_sentences
        text = sentences[col].text if col < len(sentences) else ""
        if len(text) > 160:
            text = text[:157] + "…"
        tone = style.format_number(self.tones[row][col], signed=True)
        vader = self.vader[row]
        also = (f" (VADER {style.format_number(vader[col], signed=True)})"
                if col < len(vader) else "")
        index = sentences[col].index if col < len(sentences) else col
        return f"{self.labels[row]}, {sentence_place(index)}: tone {tone}{also}\n{text}"
