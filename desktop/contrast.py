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


def _blend(colour: str, behind: str, share: float) -> str:
    """``share`` of ``colour`` over ``behind``, as "#rrggbb"."""
    a = [int(colour.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4)]
    b = [int(behind.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4)]
    return "#" + "".join(f"{round(share * x + (1 - share) * y):02x}"
                         for x, y in zip(a, b, strict=True))


def muted_on(behind: str, text: str, preferred: str = "#555555") -> str:
    """A muted colour for secondary text on ``behind``: ``preferred`` where it reaches
    MIN_CONTRAST there (the light palette's grey), else ``text`` (the palette's text colour
    on ``behind``) blended into ``behind`` as far as it still reaches it. Under a dark
    theme the fixed #555555 was 2:1 on the window and the lists (ux25)."""
    if contrast_ratio(preferred, behind) >= MIN_CONTRAST:
        return preferred
    for step in range(1, 21):
        blend = _blend(text, behind, step / 20)
        if contrast_ratio(blend, behind) >= MIN_CONTRAST:
            return blend
    return text
