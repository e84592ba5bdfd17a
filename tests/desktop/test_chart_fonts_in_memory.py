"""A chart drawn off the window's GUI thread reads its fonts from memory, not from their
files (desktop.chart_pixels.AggCanvas).

matplotlib's FreeType fonts read every glyph through a Python file object: an ``lseek``
and a ``read`` per glyph, 43,000 reads for a 300-article heatmap, and Python lets go of
the interpreter lock around each one. Every release woke the GUI thread waiting for the
lock without letting it ask for it, and the drawing thread took it back first: the
window stalled 64-89 ms while a chart was drawn on a thread (issue 6 item 3: never more
than 50 ms). The pixels stay the same, and a forked child makes its own fonts."""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from desktop import chart_pixels, qt_compare_view
from desktop.chart_pixels import canvas_size, draw_pixels
from desktop.charts import build_chart, render, save_figure
from models.features import ArticleAnalysis
from models.pipeline import analyze_paths
from tests.desktop.conftest import SEEDS

IO_OF_THIS_THREAD = Path("/proc/thread-self/io")
needs_thread_io = pytest.mark.skipif(
    not IO_OF_THIS_THREAD.exists(), reason="counts a thread's read calls in Linux's /proc")

#: Fewer read calls than this on the drawing's thread: no glyph was read from a file.
GLYPHS_NOT_READ = 200

SIZER = functools.partial(canvas_size, px_per_inch=55, width=1270, height=560,
                          vertical_bar=15, horizontal_bar=15)


@pytest.fixture(scope="module")
def seed_analyses() -> list[ArticleAnalysis]:
    return analyze_paths([SEEDS]).analyses


def reads_by_this_thread() -> int:
    """The read system calls this thread has made (Linux's /proc/thread-self/io)."""
    fields = dict(line.split(": ") for line in IO_OF_THIS_THREAD.read_text().splitlines())
    return int(fields["syscr"])


def reads_on_a_new_thread(work: Callable[[], Any]) -> int:
    """The read calls ``work`` makes on a thread of its own, as a chart job's thread (the
    window's chart jobs each start one, with no font of its own yet)."""
    counted: list[int] = []

    def run() -> None:
        before = reads_by_this_thread()
        work()
        counted.append(reads_by_this_thread() - before)

    thread = threading.Thread(target=run, name="chart-job")
    thread.start()
    thread.join()
    return counted[0]


@needs_thread_io
@pytest.mark.parametrize("kind", ["outlet_heatmap", "similarity"])
def test_a_chart_drawn_on_a_thread_reads_no_glyph_from_a_file(
    seed_analyses: list[ArticleAnalysis], kind: str
) -> None:
    chart = build_chart(kind, seed_analyses)
    draw_pixels(chart, "test", SIZER, 1.0, 100.0)  # the imports and the font bytes, once
    reads = reads_on_a_new_thread(lambda: draw_pixels(chart, "test", SIZER, 1.0, 100.0))
    # Read from their files, the fonts made thousands of reads here (one per glyph). What
    # is left: matplotlib opens each face once per thread for its line height (60 reads).
    assert reads < GLYPHS_NOT_READ


@needs_thread_io
def test_copy_chart_reads_no_glyph_from_a_file(seed_analyses: list[ArticleAnalysis]) -> None:
    chart = build_chart("outlet_heatmap", seed_analyses)
    qt_compare_view.copy_image([], chart, (10.0, 6.0), 50)
    reads = reads_on_a_new_thread(
        lambda: qt_compare_view.copy_image([], chart, (10.0, 6.0), 50))
    assert reads < GLYPHS_NOT_READ


@needs_thread_io
def test_export_chart_as_png_reads_no_glyph_from_a_file(
    seed_analyses: list[ArticleAnalysis], tmp_path: Path
) -> None:
    """Export Chart saves on a thread of the window (qt_compare_view._export_files): at
    200 dpi a 300-article heatmap read 49,000 times from the font files there."""
    chart = build_chart("outlet_heatmap", seed_analyses)
    qt_compare_view._export_files([], chart, (10.0, 6.0), tmp_path / "first.png")
    reads = reads_on_a_new_thread(
        lambda: qt_compare_view._export_files([], chart, (10.0, 6.0), tmp_path / "chart.png"))
    assert (tmp_path / "chart.png").stat().st_size > 0
    assert reads < GLYPHS_NOT_READ


@pytest.mark.parametrize("kind", ["outlet_heatmap", "similarity", "sources"])
def test_a_png_export_is_the_file_matplotlibs_own_fonts_write(
    seed_analyses: list[ArticleAnalysis], kind: str, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    chart = build_chart(kind, seed_analyses)
    save_figure(render(chart, "test"), tmp_path / "in_memory.png")
    monkeypatch.setattr(chart_pixels, "AggCanvas", FigureCanvasAgg)
    save_figure(render(chart, "test"), tmp_path / "from_files.png")
    assert (tmp_path / "in_memory.png").read_bytes() == (tmp_path / "from_files.png").read_bytes()


def test_a_png_export_leaves_the_figure_on_its_own_canvas(
    seed_analyses: list[ArticleAnalysis], tmp_path: Path
) -> None:
    figure = render(build_chart("outlet_heatmap", seed_analyses), "test")
    canvas = FigureCanvasAgg(figure)
    save_figure(figure, tmp_path / "chart.png")
    assert figure.canvas is canvas


@pytest.mark.parametrize("kind", ["outlet_heatmap", "similarity", "tone_strips"])
def test_the_same_pixels_as_matplotlibs_own_fonts(
    seed_analyses: list[ArticleAnalysis], kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    chart = build_chart(kind, seed_analyses)
    in_memory = draw_pixels(chart, "test", SIZER, 1.0, 100.0)
    monkeypatch.setattr(chart_pixels, "AggCanvas", FigureCanvasAgg)
    from_files = draw_pixels(chart, "test", SIZER, 1.0, 100.0)
    assert (in_memory.width, in_memory.height) == (from_files.width, from_files.height)
    assert in_memory.rgba == from_files.rgba


@pytest.mark.skipif(not hasattr(os, "fork"), reason="charts are drawn in forked children on Linux")
def test_a_forked_child_makes_its_own_fonts(seed_analyses: list[ArticleAnalysis]) -> None:
    """FreeType faces cannot be used across a fork: the child's drawing makes new ones
    (the parent's are not in its cache) and draws the same pixels."""
    chart = build_chart("outlet_heatmap", seed_analyses)
    parent = draw_pixels(chart, "test", SIZER, 1.0, 100.0)
    assert chart_pixels._font_in_memory.cache_info().currsize > 0
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: answers, never returns into pytest
        try:
            os.close(read_end)
            fresh = chart_pixels._font_in_memory.cache_info().currsize == 0
            same = draw_pixels(chart, "test", SIZER, 1.0, 100.0).rgba == parent.rgba
            os.write(write_end, b"%d%d" % (fresh, same))
        finally:
            os._exit(0)
    os.close(write_end)
    try:
        answer = os.read(read_end, 2)
    finally:
        os.close(read_end)
        os.waitpid(pid, 0)
    assert answer == b"11"  # no font kept from the parent; the same pixels
