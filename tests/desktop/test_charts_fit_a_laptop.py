"""On a 1366 x 768 laptop, the first run's Compare view (the five samples, their hint shown)
shows each of these charts whole, with nothing to scroll, its text at 7 pt or more and
apart (ux4, session 33, measured them scrolling: reuse 50 px). Exports, sized by the chart
and not by the window, keep what they said."""

from __future__ import annotations

from itertools import combinations, pairwise
from pathlib import Path
from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text
from PySide6.QtCore import QPoint, QRect, Qt

from desktop.charts import build_chart, render
from desktop.charts.style import SCREEN_PX_PER_INCH
from tests.desktop.conftest import choose_chart_with_keys, drawn_without_scroll
from tests.desktop.test_charts import OUTLETS, make_corpus, svg_text
from tests.desktop.test_small_screen import first_start_on

LAPTOP = QRect(0, 0, 1366, 768)
LEAST_POINTS = 7.0


def drawn_texts(figure: Figure) -> list[Text]:
    """The texts the figure draws: its own, its axes' titles and labels, and the tick
    labels of ticks inside their axis's range (matplotlib keeps, but does not draw, the
    others)."""
    texts = [t for t in figure.findobj(Text) if t.get_visible() and t.get_text().strip()]
    hidden: set[int] = set()
    for ax in figure.axes:
        for axis in (ax.xaxis, ax.yaxis):
            low, high = sorted(axis.get_view_interval())
            for tick in axis.get_major_ticks():
                if not low - 1e-9 <= tick.get_loc() <= high + 1e-9:
                    hidden.update((id(tick.label1), id(tick.label2)))
    return [t for t in texts if id(t) not in hidden]


def assert_whole_and_legible(figure: Figure, renderer: Any) -> None:
    """Every drawn text is inside the figure, at 7 pt or more, and no two level texts
    overlap (more than a pixel either way)."""
    texts = drawn_texts(figure)
    width, height = figure.bbox.width, figure.bbox.height
    boxes = []
    for text in texts:
        box = text.get_window_extent(renderer)
        assert text.get_fontsize() >= LEAST_POINTS, (text.get_text(), text.get_fontsize())
        assert box.x0 >= -1 and box.y0 >= -1 and box.x1 <= width + 1 \
            and box.y1 <= height + 1, (text.get_text(), box.bounds, width, height)
        if not text.get_rotation():
            boxes.append((text.get_text(), box))
    for (a, box_a), (b, box_b) in combinations(boxes, 2):
        across = min(box_a.x1, box_b.x1) - max(box_a.x0, box_b.x0)
        up = min(box_a.y1, box_b.y1) - max(box_a.y0, box_b.y0)
        assert across <= 1 or up <= 1, (a, b, box_a.bounds, box_b.bounds)


def shown_whole(qtbot: Any, window: Any, key: str) -> tuple[Any, Figure, Any]:
    view = first_start_on(qtbot, window, LAPTOP)
    assert window.sample_hint.isVisible()  # the real first run's: 24 px less for the chart
    chart = choose_chart_with_keys(qtbot, view, key)
    figure, renderer = drawn_without_scroll(qtbot, view)
    assert_whole_and_legible(figure, renderer)
    return chart, figure, renderer


def test_the_seeds_text_reuse_is_whole_on_a_laptop(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    chart, _figure, renderer = shown_whole(qtbot, window, "reuse")
    grid = chart._ax
    cells = [t for t in grid.texts if t.get_text()]
    assert cells and all("\n" not in t.get_text() for t in cells)  # "37 (3)", one line
    # Each label lies inside its cell.
    for text in cells:
        x, y = text.get_position()
        cell = grid.transData.transform([(x - 0.5, y + 0.5), (x + 0.5, y - 0.5)])
        box = text.get_window_extent(renderer)
        assert cell[0][0] <= box.x0 and box.x1 <= cell[1][0], text.get_text()
        assert cell[0][1] <= box.y0 and box.y1 <= cell[1][1], text.get_text()
    path = tmp_path / "reuse.svg"
    assert window.export_chart(path)
    qtbot.waitUntil(path.exists)
    words = svg_text(path)
    assert "Words in" in words and "Method:" in words


def test_reuse_rows_keep_their_names_apart_under_eight_columns() -> None:
    """Eight outlets (style.MANY_COLUMNS) at the least height asked in a wide window: the
    rows' names stay apart."""
    chart = build_chart("reuse", make_corpus([f"{OUTLETS[i % 5]} {i}" for i in range(8)], 24))
    height = chart.least_height(12.25) * SCREEN_PX_PER_INCH / 100  # type: ignore[attr-defined]
    figure = Figure(figsize=(12.25, height), dpi=100, layout="constrained")
    render(chart, "test", figure, screen=True)
    renderer = FigureCanvasAgg(figure).get_renderer()
    figure.draw(renderer)
    boxes = sorted((t.get_window_extent(renderer) for t in chart._ax.get_yticklabels()
                    if t.get_text()), key=lambda box: box.y0)
    assert len(boxes) == 8
    for lower, upper in pairwise(boxes):
        assert lower.y1 <= upper.y0 + 1, (lower, upper)


def test_the_seeds_similarity_is_whole_on_a_laptop(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    """Five articles' cells are wider than tall under their outlets' names lying flat (it
    scrolled 120 px, square cells under names slanted 40°); an export keeps square cells."""
    chart, figure, renderer = shown_whole(qtbot, window, "similarity")
    grid = chart._ax
    names = [t for t in grid.get_xticklabels() if t.get_text()]
    assert len(names) == 5 and all(t.get_rotation() == 0 for t in names)
    column = grid.get_window_extent(renderer).width / 5
    for name in names:
        assert name.get_window_extent(renderer).width <= column - 4
    numbers = [t for t in grid.texts if t.get_text()]
    assert len(numbers) == 25 and all(t.get_fontsize() >= 8 for t in numbers)
    row = grid.get_window_extent(renderer).height / 5
    assert all(t.get_window_extent(renderer).height <= row - 4 for t in numbers)
    exported = render(chart, "test")
    assert exported.axes[0].get_aspect() == 1.0
    path = tmp_path / "similarity.pdf"
    assert window.export_chart(path)
    qtbot.waitUntil(path.exists)
    assert figure.get_size_inches()[1] < exported.get_size_inches()[1]


def test_the_seeds_distinctive_words_are_whole_on_a_laptop(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    """One panel per outlet, side by side on one scale (one block under another, the chart
    scrolled 367 px); every word at 7 pt or more, each panel named; a click on a bar still
    lists its uses. The export keeps the whole note and the scale's name."""
    chart, figure, _renderer = shown_whole(qtbot, window, "distinctive_words")
    panels = [ax for ax in figure.axes if ax.patches]
    assert len(panels) == 5
    rows = {round(ax.get_position().y0, 3) for ax in panels}
    assert len(rows) == 1  # side by side
    assert {ax.get_title(loc="left").replace("-\n", "-").replace("\n", " ")
            for ax in panels} == set(chart.outlets)
    assert panels[0].get_shared_x_axes().joined(panels[0], panels[-1])  # one scale
    for ax in panels:
        words = [t for t in ax.get_yticklabels() if t.get_text()]
        assert len(words) == 8 and all(t.get_fontsize() >= LEAST_POINTS for t in words)
    # A click on PatriotWise's first bar lists the sentences using its word.
    view = window.compare_view
    panel = next(ax for ax in panels if ax.get_title(loc="left") == "PatriotWise")
    bar = panel.patches[0]
    x, y = panel.transData.transform((bar.get_width() / 2, 0))
    ratio = view.canvas.device_pixel_ratio
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton,
                     pos=QPoint(round(x / ratio), round((figure.bbox.height - y) / ratio)))
    qtbot.waitUntil(lambda: view.evidence_panel.heading.text().startswith("PatriotWise"))
    path = tmp_path / "distinctive.svg"
    assert window.export_chart(path)
    qtbot.waitUntil(path.exists)
    words = " ".join(svg_text(path).split())
    assert "Method: weighted log-odds" in words and "(z-score; dashed: 1.96)" in words


def test_the_seeds_claims_matrix_reads_at_7_pt_on_a_laptop(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    """Seventeen claims cannot fit the laptop's 312 px at 7 pt (the grid scrolls, as
    before), but what it shows reads: the claims' names were two lines at 5.8 pt and the
    cells' words 6.5 pt; now one line each, 7 pt or more. The export keeps two-line names."""
    view = first_start_on(qtbot, window, LAPTOP)
    chart = choose_chart_with_keys(qtbot, view, "claims_matrix")
    figure = view.canvas.figure
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    texts = drawn_texts(figure)
    assert all(t.get_fontsize() >= LEAST_POINTS for t in texts), sorted(
        (t.get_fontsize(), t.get_text()[:30]) for t in texts)[:3]
    cells = [t for t in chart._ax.texts if t.get_text()]
    assert cells and all("\n" not in t.get_text() for t in cells)
    for text in cells:  # each inside its column
        x, y = text.get_position()
        left, right = chart._ax.transData.transform([(x - 0.5, y), (x + 0.5, y)])[:, 0]
        box = text.get_window_extent(renderer)
        assert left <= box.x0 and box.x1 <= right, text.get_text()
    exported = render(chart, "test")
    FigureCanvasAgg(exported)
    exported.draw_without_rendering()
    names = [t.get_text() for t in exported.axes[0].get_yticklabels() if t.get_text()]
    assert any("\n" in name for name in names)
