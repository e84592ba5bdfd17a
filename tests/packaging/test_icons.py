"""Icons at every size, the .ico and the .icns, all rendered from the one SVG."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from tests.packaging.conftest import REPO, load_script

icons = load_script("make_icons")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("icons")
    icons.make_icons(out)
    return out


@pytest.mark.parametrize("size", [16, 24, 32, 48, 64, 128, 256, 512])
def test_each_size_is_a_drawn_square_png(rendered: Path, size: int) -> None:
    png = rendered / "hicolor" / f"{size}x{size}" / "apps" / "framescope.png"
    with Image.open(png) as image:
        assert image.format == "PNG"
        assert image.size == (size, size)
        rgba = image.convert("RGBA")
    # The rounded square's corner is transparent, its middle is opaque and coloured.
    assert rgba.getpixel((0, 0))[3] == 0
    middle = rgba.getpixel((size // 2, size // 2))
    assert middle[3] == 255
    # More than one colour: the bars and the frame are drawn, not an empty square.
    assert len(set(rgba.get_flattened_data())) > (3 if size <= 24 else 10)


def test_the_scalable_icon_is_the_source_svg(rendered: Path) -> None:
    scalable = rendered / "hicolor" / "scalable" / "apps" / "framescope.svg"
    assert scalable.read_bytes() == (REPO / "resources" / "icons" / "framescope.svg").read_bytes()


def test_windows_ico_holds_every_size_up_to_256(rendered: Path) -> None:
    with Image.open(rendered / "framescope.ico") as ico:
        assert ico.format == "ICO"
        assert sorted(ico.info["sizes"]) == [(s, s) for s in (16, 24, 32, 48, 64, 128, 256)]


def test_macos_icns_holds_every_retina_size_drawn_from_the_svg(rendered: Path) -> None:
    with Image.open(rendered / "framescope.icns") as icns:
        assert icns.format == "ICNS"
        # (points, points, scale): what Pillow's ICNS writer stores (ic11-ic14, ic07-ic10).
        wanted = {(16, 16, 2), (32, 32, 2), (128, 128, 1), (128, 128, 2),
                  (256, 256, 1), (256, 256, 2), (512, 512, 1), (512, 512, 2)}
        assert wanted <= set(icns.info["sizes"])
        icns.load()
        largest = icns.convert("RGBA")
    # 512@2x is the 1024 px rendering of the SVG, not the 512 px one scaled up.
    with Image.open(rendered / "icns" / "framescope-1024.png") as drawn:
        assert largest.tobytes() == drawn.convert("RGBA").tobytes()


@pytest.mark.qt_log_ignore("Cannot read file .*broken.svg")
def test_an_invalid_svg_stops_with_its_name(tmp_path: Path) -> None:
    bad = tmp_path / "broken.svg"
    bad.write_text("<svg", encoding="utf-8")
    with pytest.raises(SystemExit, match=r"broken\.svg is not a valid SVG"):
        icons.make_icons(tmp_path / "out", bad)
