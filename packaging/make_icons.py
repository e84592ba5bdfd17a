"""Render the app icon at every size from the one SVG, for Linux, Windows and macOS.

    python packaging/make_icons.py [OUT]      # default OUT: build/icons

Writes, all from ``resources/icons/framescope.svg``:

- ``OUT/hicolor/NxN/apps/framescope.png`` for N in 16, 24, 32, 48, 64, 128, 256, 512,
  and ``OUT/hicolor/scalable/apps/framescope.svg`` (the freedesktop icon theme layout);
- ``OUT/framescope.ico`` (Windows: 16-256 px) and ``OUT/framescope.icns`` (macOS: 16-512 px and 512@2x),
  made from the same PNGs.

Rendering uses Qt's SVG renderer offscreen (no display needed).
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "framescope.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # the ICO format stops at 256
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)  # 1024 is 512@2x (Retina)
NAME = "framescope"


def render_png(svg: Path, size: int, out: Path) -> None:
    """Render ``svg`` into a ``size``x``size`` PNG with a transparent background."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: {svg} is not a valid SVG file")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out), "PNG"):
        raise SystemExit(f"make_icons: could not write {out}")


def make_icons(out: Path, svg: Path = SVG) -> dict[int, Path]:
    """Write the hicolor tree, the .ico and the .icns under ``out``; the PNG of each size."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    pngs: dict[int, Path] = {}
    for size in SIZES:
        png = out / "hicolor" / f"{size}x{size}" / "apps" / f"{NAME}.png"
        render_png(svg, size, png)
        pngs[size] = png
    # The ICNS's 512@2x image, drawn from the SVG rather than scaled up.
    retina = out / "icns" / f"{NAME}-1024.png"
    render_png(svg, 1024, retina)
    scalable = out / "hicolor" / "scalable" / "apps" / f"{NAME}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(svg, scalable)
    del app

    from PIL import Image

    images = {size: Image.open(pngs[size]).convert("RGBA") for size in SIZES}
    images[1024] = Image.open(retina).convert("RGBA")
    largest = images[max(ICO_SIZES)]
    largest.save(
        out / f"{NAME}.ico",
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)],
    )
    images[max(ICNS_SIZES)].save(
        out / f"{NAME}.icns",
        format="ICNS",
        append_images=[images[s] for s in ICNS_SIZES if s != max(ICNS_SIZES)],
    )
    return pngs


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else ROOT / "build" / "icons"
    make_icons(out)
    sys.stdout.write(f"icons written to {out}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
