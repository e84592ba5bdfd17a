"""Omissions: claims × outlets, each cell coloured by how certain the outlet makes the claim.

A grey hatched cell is an omission: the outlet has no article carrying the claim.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any, Self

from matplotlib.axes import Axes
from matplotlib.backend_bases import MouseEvent
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle
from matplotlib.text import Text

from desktop.charts import style
from models.claims import CERTAINTY_LEVELS, Claim, ClaimAlignment, ClaimMention, align_claims
from models.evidence import SentenceRef
from models.features import ArticleAnalysis

# Okabe–Ito, from the committed end (blue) to the denial (vermillion); colour-blind safe.
CERTAINTY_COLOURS: dict[str, str] = {
    "asserted": style.OKABE_ITO["blue"],
    "epistemic": style.OKABE_ITO["sky blue"],
    "evidential": style.OKABE_ITO["bluish green"],
    "attributed": style.OKABE_ITO["orange"],
    "denied": style.OKABE_ITO["vermillion"],
}
#: More claims than this make rows too thin to read; the exported data has them all.
MAX_CLAIMS = 25
LABEL_CHARS = 90
# A row's claim name: in two lines of at least ROW_LABEL_LEAST_PT (the font's points) where
# they fit the row's ROW_LABEL_FILL, else one line of up to ONE_LINE_CHARS characters (the
# window's rows on a 1366 x 768 laptop: 8.5 pt in one line, not 5.8 pt in two).
ROW_LABEL_FILL = 0.95
ROW_LABEL_LEAST_PT = 7.0
ROW_LABEL_MOST_PT = 8.5
ONE_LINE_CHARS = 48
# A line of a name: its font's size times this (DejaVu Sans, matplotlib's line spacing of
# 1.2 with ascent and descent: two lines measure ~2.8 em).
_LINE_EM = 1.4
# A character of a cell's words ("attributed “55–75%” (2)"): about 0.6 of the font's size.
CELL_CHAR_EM = 0.6


# A sentence's opening connective: it ties the sentence to the one before it in its article
# and says nothing of the claim ("Besides, the Kremlin imposed…"); with a comma after it,
# or "But"/"And" alone.
_CONNECTIVE = re.compile(
    r"(?:(?:however|besides|moreover|meanwhile|furthermore|additionally|in addition|in fact|"
    r"indeed|still|also|nevertheless|nonetheless|instead|likewise|similarly|thus|therefore|"
    r"hence|consequently|notably|separately|then|yet|now|at the same time|on the other hand|"
    r"in other words|in turn|after all|of course|as a result|in the meantime|by contrast|"
    r"in contrast|even so|that said|above all|at least|in short|in any case|anyway),"
    r"|(?:but|and)(?=\s))\s+(?=\S)",
    re.IGNORECASE,
)


def without_connective(text: str) -> str:
    """``text`` without the connectives it opens with ('However, they were…' → 'They
    were…'): for a claim's label under a chart, never for the data."""
    stripped = text
    while match := _CONNECTIVE.match(stripped):
        stripped = stripped[match.end():]
    if stripped is text or not stripped:
        return text
    return stripped[0].upper() + stripped[1:]


def claim_text(claim: Claim, chars: int = LABEL_CHARS, connective: bool = True) -> str:
    """'The Kremlin has also imposed strict…': the claim's label on one line, cut at a word
    (never mid-word) past ``chars`` characters; with ``connective=False``, without the
    connective it opens with (:func:`without_connective`)."""
    text = " ".join(claim.label.split())
    if not connective:
        text = without_connective(text)
    if len(text) > chars:
        text = text[:chars].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return text


def short_label(claim: Claim, chars: int = LABEL_CHARS) -> str:
    """'C3 · The Kremlin has also imposed strict…' (cut at a word, never mid-word), without
    an opening connective ('C2 · Besides, the Kremlin…' reads 'C2 · The Kremlin…'): the
    label must say the claim in the few words it has; the hover and the data keep the
    whole sentence."""
    return f"C{claim.claim_id} · {claim_text(claim, chars, connective=False)}"


def outlet_level(mentions: Sequence[ClaimMention]) -> str | None:
    """The certainty most of an outlet's articles give a claim (ties: higher on the scale)."""
    levels = [m.certainty for m in mentions if m.representative]
    if not levels:
        return None
    counts = Counter(levels)
    return min(counts, key=lambda lv: (-counts[lv], CERTAINTY_LEVELS.index(lv)))


def cell_text(mentions: Sequence[ClaimMention]) -> str:
    """What a cell says: the level, a probability range for an epistemic one (a quoted
    speaker's in quotation marks for an attributed one whose only hedge is quoted), and
    the number of articles when more than one carries the claim."""
    level = outlet_level(mentions)
    if level is None:
        return ""
    reps = [m for m in mentions if m.representative]
    text = level
    ranged = [m for m in reps if m.certainty == "epistemic" and m.probability_low is not None]
    if level == "epistemic" and ranged:
        low, high = ranged[0].probability_low or 0.0, ranged[0].probability_high or 0.0
        text += f"\n{round(low * 100)}–{round(high * 100)}%"
    quoted = [m for m in reps if m.certainty == "attributed" and m.quoted_hedge
              and m.probability_low is not None]
    if level == "attributed" and quoted:
        low, high = quoted[0].probability_low or 0.0, quoted[0].probability_high or 0.0
        text += f"\n“{round(low * 100)}–{round(high * 100)}%”"
    if len(reps) > 1:
        text += f" ({len(reps)})"
    return text


def mention_lines(mentions: Sequence[ClaimMention], wrap: int = 0) -> list[str]:
    """'certainty (source): sentence' per mention, the sentence wrapped to ``wrap``
    characters on up to four lines (0: not wrapped)."""
    lines = []
    for m in mentions:
        source = f" ({m.attributed_to})" if m.attributed_to else ""
        sentence = style.wrap_label(m.sentence, 4, wrap) if wrap else m.sentence
        lines.append(f"{m.certainty}{source}: {sentence}")
    return lines


def claim_method_sentence(threshold: float) -> str:
    """How a claim is found at ``threshold`` (a cosine similarity, 0 to 1): the "Method: …"
    sentence of the claim charts' notes, and of a description that gives it instead."""
    return ("Method: a claim is a group of sentences from different articles whose "
            f"TF-IDF vectors reach a cosine similarity of {threshold:.2f} (average linkage).")


class ClaimChart(style.ChartBase):
    """What the claim charts share: an alignment (computed at the default threshold
    when none is given, e.g. the Claims view's at the user's threshold), its outlets,
    and the ``max_claims`` most widely carried claims that are drawn."""

    max_claims = MAX_CLAIMS
    title: str

    def __init__(self, analyses: Sequence[ArticleAnalysis],
                 alignment: ClaimAlignment | None = None) -> None:
        self.alignment = alignment if alignment is not None else align_claims(analyses)
        self._count(analyses, self.alignment.outlets)
        self.claims: list[Claim] = list(self.alignment.claims[:self.max_claims])
        self._ax: Axes | None = None

    @classmethod
    def from_analyses(cls, analyses: Sequence[ArticleAnalysis],
                      alignment: ClaimAlignment | None = None) -> Self:
        return cls(analyses, alignment)

    def method_sentence(self) -> str:
        """How a claim is found, for the end of a chart's note (its plain lead first)."""
        return claim_method_sentence(self.alignment.threshold)

    def drew_empty(self, target: Figure | Axes) -> bool:
        """Draw the chart's empty state when there is nothing to show; True if drawn."""
        if self.n_articles == 0:
            style.draw_empty(target, self.title)
            return True
        if not self.claims:
            style.draw_empty(target, self.title,
                             "No claim is shared by two articles at this threshold")
            return True
        return False


class ClaimsMatrixChart(ClaimChart):
    """Rows: the most widely carried claims; columns: outlets; colour: certainty."""

    key = "claims_matrix"
    title = "Which outlets carry each claim, and how certain they make it"

    def __init__(self, analyses: Sequence[ArticleAnalysis],
                 alignment: ClaimAlignment | None = None) -> None:
        super().__init__(analyses, alignment)
        self._cells: list[tuple[Rectangle, int, int]] = []  # drawn cell, claim row, outlet column
        self._cell_texts: list[tuple[Text, str]] = []  # a cell's text, with its line breaks

    def mentions_at(self, row: int, col: int) -> list[ClaimMention]:
        """Every mention of claim row ``row`` by outlet column ``col`` (empty: omitted)."""
        if not (0 <= row < len(self.claims) and 0 <= col < self.n_outlets):
            return []
        outlet = self.outlets[col]
        return [m for m in self.claims[row].mentions if m.outlet == outlet]

    def size_hint(self) -> tuple[float, float]:
        if self.n_articles == 0 or not self.claims:
            return style.EMPTY_SIZE
        return (max(9.0, 5.2 + 1.25 * self.n_outlets), max(4.5, 0.5 * len(self.claims) + 2.6))

    def plot(self, target: Figure | Axes) -> None:
        if self.drew_empty(target):
            return
        fig, ax = style.target_axes(target)
        self._ax = ax
        self._cells = []
        self._cell_texts = []
        n_rows, n_cols = len(self.claims), self.n_outlets
        width_in, height_in = fig.get_size_inches()
        cell_h = 0.7 * height_in * 72 / n_rows
        cell_w = 0.55 * width_in * 72 / n_cols
        size = style.fit_fontsize(min(cell_h * 0.5, cell_w / 6.0), low=5.0, high=8.5)
        omitted = False
        for r in range(n_rows):
            for c in range(n_cols):
                mentions = self.mentions_at(r, c)
                level = outlet_level(mentions)
                if level is None:
                    omitted = True
                    ax.add_patch(Rectangle((c - 0.5, r - 0.5), 1, 1, facecolor=style.MISSING_FILL,
                                           edgecolor=style.MISSING_HATCH_COLOUR, hatch="///",
                                           linewidth=0))
                    continue
                colour = CERTAINTY_COLOURS[level]
                cell = Rectangle((c - 0.5, r - 0.5), 1, 1, facecolor=colour, linewidth=0)
                ax.add_patch(cell)
                self._cells.append((cell, r, c))
                text = cell_text(mentions)
                self._cell_texts.append((
                    ax.text(c, r, text, ha="center", va="center", fontsize=size,
                            color=style.text_colour_on(to_rgba(colour))), text))
        ax.set_xlim(-0.5, n_cols - 0.5)
        ax.set_ylim(n_rows - 0.5, -0.5)
        ax.set_xticks([c - 0.5 for c in range(n_cols + 1)], minor=True)
        ax.set_yticks([r - 0.5 for r in range(n_rows + 1)], minor=True)
        ax.grid(which="minor", color="white", linewidth=1.5)
        ax.tick_params(which="both", length=0)
        for spine in ax.spines.values():
            spine.set_visible(False)
        self._label_rows(ax, cell_h)
        outlet_labels = [style.wrap_label(style.outlet_label(o), 2, 14) for o in self.outlets]
        ax.xaxis.tick_top()
        # A long outlet name keeps more than 14 characters on a line ("The Sydney Morning
        # Herald and"): when the longest line (~0.6 em a character) is wider than a column
        # (about three quarters of the figure's width shared out), the names stand upright
        # so that neighbours never overlap.
        longest = max((len(line) for label in outlet_labels for line in label.split("\n")),
                      default=0)
        upright = longest * 0.6 * 9 > 0.75 * width_in * 72 / max(1, n_cols)
        ax.set_xticks(range(n_cols), outlet_labels, fontsize=9, rotation=90 if upright else 0)
        ax.xaxis.set_label_position("top")
        ax.set_xlabel(style.OUTLET_AXIS, fontsize=style.LABEL_SIZE)
        # At the top, beside the first claims: the grid is taller than the Compare view, and
        # a name centred on it was cut to "tral sentence)" in the part a user sees first.
        ax.set_ylabel("Claim (its most central sentence)", fontsize=style.LABEL_SIZE,
                      loc="top")
        handles = [Patch(facecolor=CERTAINTY_COLOURS[lv], label=lv) for lv in CERTAINTY_LEVELS]
        handles.append(Patch(facecolor=style.MISSING_FILL, edgecolor=style.MISSING_HATCH_COLOUR,
                             hatch="///", label="not carried"))
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.02),
                  ncol=len(handles), fontsize=8, frameon=False, title="Certainty",
                  title_fontsize=8.5)
        note = ("Claims that two or more articles share, the most widely carried first. Each "
                "cell: the certainty most of the outlet's articles give the claim; (n) "
                "articles.")
        if omitted:
            note += " Hatched: omitted, no article of the outlet carries the claim."
        if len(self.alignment.claims) > MAX_CLAIMS:
            note += f" {len(self.alignment.claims) - MAX_CLAIMS} smaller claims are in the data."
        note += " " + self.method_sentence()
        style.set_titles(target, ax, self.title, note)
        if isinstance(target, Figure):
            # The rows' height guessed above is 70% of the figure's over the claims; the
            # outlets' names, the note and the legend take more with many outlets (30
            # upright names: the two-line names ran into each other). Laid out, the rows'
            # real height decides.
            target.draw_without_rendering()
            renderer = target._get_renderer()  # type: ignore[attr-defined]
            box = ax.get_window_extent(renderer)
            row_pt = box.height / n_rows * 72 / target.dpi
            self._label_rows(ax, row_pt)
            self._fit_cells(row_pt, box.width / n_cols * 72 / target.dpi)

    def _fit_cells(self, row_pt: float, column_pt: float) -> None:
        """Write each cell's words in one line where every cell's fit its column ``column_pt``
        points wide (3 pt spare each side), in a font up to 80% of the row's height: two
        lines at half the row's height left them at 6.5 pt on a 1366 x 768 laptop."""
        if not self._cell_texts:
            return
        size = style.fit_fontsize(min(0.8 * row_pt, column_pt / 6.0), low=5.0, high=8.5)
        longest = max(len(text.replace("\n", " ")) for _, text in self._cell_texts)
        if longest * CELL_CHAR_EM * size + 6.0 > column_pt:
            return
        for drawn, text in self._cell_texts:
            drawn.set_text(text.replace("\n", " "))
            drawn.set_fontsize(size)

    def _label_rows(self, ax: Axes, row_pt: float) -> None:
        """Name each row by its claim: in two lines where two fit a row ``row_pt`` points
        high at ROW_LABEL_LEAST_PT or more, else in one line cut shorter (the hover gives
        the whole sentence), so that neighbours never run into each other."""
        room = ROW_LABEL_FILL * row_pt / _LINE_EM  # the font's points, one line to a row
        if room / 2 >= ROW_LABEL_LEAST_PT:
            labels = [style.wrap_label(short_label(c), 2, 48) for c in self.claims]
            size = min(ROW_LABEL_MOST_PT, room / 2)
        else:
            labels = [short_label(c, ONE_LINE_CHARS) for c in self.claims]
            size = min(ROW_LABEL_MOST_PT, room)
        ax.set_yticks(range(len(self.claims)), labels, fontsize=size)

    def rows(self) -> tuple[list[str], list[dict[str, Any]]]:
        """One row per claim and outlet of the corpus (every claim, not only those drawn)."""
        columns = ["claim_id", "claim_label", "outlet", "carried", "certainty", "articles",
                   "probability_low", "probability_high", "attributed_to", "sentence"]
        out: list[dict[str, Any]] = []
        for claim in self.alignment.claims:
            for outlet in self.outlets:
                reps = [m for m in claim.mentions if m.outlet == outlet and m.representative]
                first = reps[0] if reps else None
                out.append({
                    "claim_id": claim.claim_id, "claim_label": claim.label, "outlet": outlet,
                    "carried": bool(reps), "certainty": outlet_level(reps) or "",
                    "articles": len(reps),
                    "probability_low": first.probability_low if first else None,
                    "probability_high": first.probability_high if first else None,
                    "attributed_to": first.attributed_to if first else "",
                    "sentence": first.sentence if first else "",
                })
        return columns, out

    def sentences_at(self, event: MouseEvent) -> list[SentenceRef]:
        """A carried cell: every sentence by which the outlet's articles state the claim
        (the one giving each article's certainty first), its certainty cue highlighted."""
        if not style.event_in(self._ax, event):
            return []
        for cell, r, c in self._cells:
            hit, _ = cell.contains(event)
            if hit:
                mentions = sorted(self.mentions_at(r, c), key=lambda m: not m.representative)
                return [SentenceRef(m.article_id, m.sentence_index, m.highlights)
                        for m in mentions]
        return []

    def cell_at(self, ax: Axes, x: float, y: float) -> tuple[int, int] | None:
        """(claim row, outlet column) under data point (x, y) of ``ax``, or None."""
        if ax is not self._ax:
            return None
        r, c = round(y), round(x)
        if 0 <= r < len(self.claims) and 0 <= c < self.n_outlets:
            return r, c
        return None

    def hover_text(self, ax: Axes, x: float, y: float) -> str | None:
        cell = self.cell_at(ax, x, y)
        if cell is None:
            return None
        r, c = cell
        claim = self.claims[r]
        outlet = style.outlet_label(self.outlets[c])
        mentions = [m for m in self.mentions_at(r, c) if m.representative]
        if not mentions:
            return f"C{claim.claim_id} · {outlet}: not carried"
        return "\n".join([f"C{claim.claim_id} · {outlet}", *mention_lines(mentions, 60)])
