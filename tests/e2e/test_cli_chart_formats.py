"""--chart-format names each format once, however it is spelled: "png,PNG" drew every
chart twice and said "102 chart files" for 34 (audit s34)."""

from __future__ import annotations

from desktop.cli import _parser


def test_a_format_named_twice_is_one_format() -> None:
    args = _parser().parse_args(
        ["analyze", "seeds", "--out", "o", "--chart-format", "png,PNG,.png,svg",
         "--report", "html,HTML,pdf"])
    assert args.chart_format == ["png", "svg"]
    assert args.report == ["html", "pdf"]
