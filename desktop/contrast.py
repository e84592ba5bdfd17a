"""Contrast of text with what is behind it (WCAG 2.1), with no other import: the window's
first part (the filter box's placeholder, desktop.qt_placeholder) and the Read view's
highlighting (desktop.highlight) both check it."""

from __future__ import annotations

#: The least contrast of text with what is behind it (WCAG 2.1 AA, 1.4.3: normal text).
MIN_CONTRAST = 4.5


def contrast_ratio(colour: str, behind: str) -> float:
    """WCAG 2.1 contrast ratio of two "#RRGGBB" colours, from 1 to 21."""

    def luminance(value: str) -> float:
        channels = [int(value.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(colour), luminance(behind)), reverse=True)
    return (high + 0.05) / (low + 0.05)
